/*
 * tabari.c - TABARI's dictionary formats (TABARI 0.8 manual, ch. 4-6, 8).
 *
 *   .project   <actorsfile> x  <verbsfile> y  <agentsfile> z  <optionsfile>
 *   .actors    PHRASE [CODE] ; comment      GOLLUM / +SMEAGOL / \t[HOB <950601]
 *              <NOUN> ... </NOUN>  <ADJECTIVE> ... </ADJECTIVE>
 *   .agents    PHRASE [~CODE]  or  PHRASE [CODE~]
 *   .verbs     <SYNSETS> &NAME +member ... </SYNSETS>  <TIME> ... </TIME>
 *              VERB [CODE]  { IRREGULAR FORMS }  - PATTERN * ... [CODE]
 *   .options   see options.c
 *
 * Lines starting with # or / are comments, ; starts a trailing comment,
 * ~FINISH ends a file.  Ours, not TABARI's: in an .actors file read from
 * disk, "<INCLUDE> FILE" reads another .actors file there (FILE relative
 * to the including file's folder), so that a set split into several
 * files is still one file to a .project that names it; and actors
 * between <PLACE> and </PLACE> are places (kh_actor.place: cities and
 * provinces, which SET: PLACES codes only with an agent).  A malformed line is reported (file:line: what is
 * wrong) and skipped, as TABARI does; only a file that cannot be read
 * stops the load.
 */
#include "dict.h"

#include "../core/arena.h"
#include "../core/error.h"
#include "../read/read.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
    kh_dict *d;
    const char *name;
    uint32_t file;        /* string id of name */
    long line;
    kh_dict_warn_fn warn;
    void *ctx;
    size_t nwarn;
    int depth;            /* of <INCLUDE>s */
    int from_file;        /* name is a path: <INCLUDE> is allowed */
    int rc;               /* KH_OK, or an included file's error */
    kh_error *err;
} rd;

static int read_one(kh_dict *d, const char *path, const char *kind,
                    kh_dict_warn_fn warn, void *ctx, kh_error *err,
                    int depth);

static void bad(rd *r, long col, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void bad(rd *r, long col, const char *fmt, ...)
{
    kh_error e = {0};
    e.code = KH_EINPUT;
    snprintf(e.file, sizeof e.file, "%s", r->name);
    e.line = r->line;
    e.column = col;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e.message, sizeof e.message, fmt, ap);
    va_end(ap);
    r->nwarn++;
    r->d->nwarnings++;
    if (r->warn)
        r->warn(r->ctx, &e);
}

/* Iterates over the lines of buf; returns 0 at the end. */
static int next_line(const char **p, const char *end, const char **line,
                     size_t *n)
{
    if (*p >= end)
        return 0;
    const char *nl = memchr(*p, '\n', (size_t)(end - *p));
    const char *e = nl ? nl : end;
    *line = *p;
    *n = (size_t)(e - *p);
    if (*n && (*line)[*n - 1] == '\r')
        (*n)--;
    *p = nl ? nl + 1 : end;
    return 1;
}

static void trim(const char **s, size_t *n)
{
    while (*n && isspace((unsigned char)**s))
        (*s)++, (*n)--;
    while (*n && isspace((unsigned char)(*s)[*n - 1]))
        (*n)--;
}

/* Drops a trailing ; comment. */
static size_t strip_comment(const char *s, size_t n)
{
    const char *semi = memchr(s, ';', n);
    return semi ? (size_t)(semi - s) : n;
}

static int starts(const char *s, size_t n, const char *pre)
{
    size_t k = strlen(pre);
    if (n < k)
        return 0;
    for (size_t i = 0; i < k; i++)
        if (toupper((unsigned char)s[i]) != pre[i])
            return 0;
    return 1;
}

/* ---- dates and codes -------------------------------------------------- */

/* YYMMDD (00-30 is 20YY) or YYYYMMDD, as YYYYMMDD; -1 when malformed. */
static int32_t parse_date(const char *s, size_t n)
{
    if (n != 6 && n != 8)
        return -1;
    int32_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    if (n == 6) {
        int yy = v / 10000;
        v += (yy <= 30 ? 2000 : 1900) * 10000;
    }
    int m = v / 100 % 100, d = v % 100;
    if (m < 1 || m > 12 || d < 1 || d > 31)
        return -1;
    return v;
}

/* One [CODE], [CODE <date], [CODE >date], [CODE date-date] block, the
 * brackets removed.  Returns 0 (with a warning) when malformed. */
static int parse_dcode(rd *r, const char *s, size_t n, kh_dcode *out)
{
    trim(&s, &n);
    size_t k = 0;
    while (k < n && !isspace((unsigned char)s[k]) && s[k] != '<' &&
           s[k] != '>')
        k++;
    const char *code = s;
    size_t ncode = k;
    /* "- - -" is the null code written with blanks */
    if (n >= 5 && memcmp(s, "- - -", 5) == 0)
        code = "---", ncode = 3, k = 5;
    int digits = 1;
    for (size_t i = 0; i < ncode; i++)
        digits &= isdigit((unsigned char)code[i]) != 0;
    if (ncode == 0 || digits ||
        (memchr(code, '-', ncode) && !(ncode == 3 && !memcmp(code, "---", 3)))) {
        bad(r, 0, "no code in [%.*s]", (int)n, s);
        return 0;
    }
    for (size_t i = 0; i < ncode; i++)
        if (!(isalnum((unsigned char)code[i]) || code[i] == '/' ||
              code[i] == '-' || code[i] == '#' || code[i] == '+' ||
              code[i] == '.' ||
              code[i] == '~' || code[i] == '_')) {
            bad(r, 0, "bad character '%c' in code [%.*s]", code[i], (int)n,
                s);
            return 0;
        }
    out->code = kh_dict_str(r->d, code, ncode);
    out->from = 0;
    out->to = 99999999;
    const char *rest = s + k;
    size_t rn = n - k;
    trim(&rest, &rn);
    if (!rn)
        return 1;
    char buf[64];
    size_t m = 0;
    for (size_t i = 0; i < rn && m < sizeof buf - 1; i++)
        if (!isspace((unsigned char)rest[i]))
            buf[m++] = rest[i];
    buf[m] = '\0';
    if (buf[0] == '<' || buf[0] == '>') {
        int32_t dt = parse_date(buf + 1, m - 1);
        if (dt < 0)
            goto baddate;
        if (buf[0] == '<')
            out->to = dt;
        else
            out->from = dt;
        return 1;
    }
    char *dash = strchr(buf, '-');
    if (dash) {
        int32_t a = parse_date(buf, (size_t)(dash - buf));
        int32_t b = parse_date(dash + 1, strlen(dash + 1));
        if (a < 0 || b < 0)
            goto baddate;
        out->from = a, out->to = b;
        return 1;
    }
baddate:
    bad(r, 0, "bad date restriction in [%.*s] (want <YYMMDD, >YYMMDD or "
        "YYMMDD-YYMMDD)", (int)n, s);
    return 0;
}

/* Splits "PHRASE [X] [Y]" at the first '['; *codes gets the rest. */
static void split_codes(const char *s, size_t n, size_t *phrase_len,
                        const char **codes, size_t *ncodes)
{
    const char *b = memchr(s, '[', n);
    *phrase_len = b ? (size_t)(b - s) : n;
    *codes = b ? b : s + n;
    *ncodes = b ? n - (size_t)(b - s) : 0;
}

/* Calls fn on each [...] block of s; returns the count, or -1 when a
 * bracket is unbalanced. */
static int each_block(rd *r, const char *s, size_t n,
                      int (*fn)(rd *, const char *, size_t, void *), void *arg)
{
    int count = 0;
    for (size_t i = 0; i < n;) {
        if (isspace((unsigned char)s[i])) {
            i++;
            continue;
        }
        if (s[i] != '[') {
            bad(r, (long)i + 1, "text after the code: %.*s", (int)(n - i),
                s + i);
            return -1;
        }
        const char *close = memchr(s + i, ']', n - i);
        if (!close) {
            bad(r, (long)i + 1, "missing ] after [");
            return -1;
        }
        if (!fn(r, s + i + 1, (size_t)(close - s - i - 1), arg))
            return -1;
        count++;
        i = (size_t)(close - s) + 1;
    }
    return count;
}

/* ---- actors ------------------------------------------------------------ */

typedef struct {
    uint32_t actor;        /* the open synonym group, or KH_NONE */
    uint32_t first_dcode;
} agroup;

static int add_dcode_cb(rd *r, const char *s, size_t n, void *arg)
{
    (void)arg;
    kh_dcode c;
    if (!parse_dcode(r, s, n, &c))
        return 0;
    kh_dict_add_dcode(r->d, c);
    return 1;
}

static uint32_t add_root(rd *r, const char *phrase, size_t n, int kind,
                         uint32_t payload)
{
    kh_span sp;
    const char *err;
    trim(&phrase, &n);
    if (!n) {
        bad(r, 1, "missing phrase");
        return KH_NONE;
    }
    if (!kh_dict_parse_phrase(r->d, phrase, n, kind, &sp, &err)) {
        bad(r, 1, "%s: %.*s", err, (int)n, phrase);
        return KH_NONE;
    }
    kh_root root = {sp, (uint8_t)kind, {0}, payload, 0, r->file,
                    (uint32_t)r->line};
    root.length = kh_dict_span_length(r->d, sp);
    return kh_dict_add_root(r->d, &root);
}

/* Closes a synonym group: its codes are the dcodes added since it began. */
static void close_group(rd *r, agroup *g)
{
    if (g->actor == KH_NONE)
        return;
    kh_actor *a = &r->d->actors[g->actor];
    a->codes_first = g->first_dcode;
    a->ncodes = (uint32_t)r->d->ndcodes - g->first_dcode;
    /* The undated default goes last, whatever the order written. */
    kh_dcode *c = r->d->dcodes + a->codes_first;
    for (uint32_t i = 0; i + 1 < a->ncodes; i++)
        if (c[i].from == 0 && c[i].to == 99999999) {
            kh_dcode t = c[i];
            memmove(c + i, c + i + 1, (a->ncodes - i - 1) * sizeof *c);
            c[a->ncodes - 1] = t;
            break;
        }
    g->actor = KH_NONE;
}

/* Includes beyond this are a loop. */
#define KH_MAX_INCLUDE 8

/* <INCLUDE> FILE: reads the actors of FILE, relative to r's folder. */
static void include_actors(rd *r, const char *s, size_t n)
{
    const char *gt = memchr(s, '>', n);
    const char *f = gt ? gt + 1 : s + n;
    size_t fn = n - (size_t)(f - s);
    trim(&f, &fn);
    if (!fn) {
        bad(r, 1, "no file name after <INCLUDE>");
        return;
    }
    if (!r->from_file) {
        bad(r, 1, "<INCLUDE> is read only from files");
        return;
    }
    if (r->depth >= KH_MAX_INCLUDE) {
        bad(r, 1, "<INCLUDE> nested more than %d deep (a loop?)",
            KH_MAX_INCLUDE);
        return;
    }
    char full[1024];
    const char *slash = strrchr(r->name, '/');
    size_t dirlen = slash ? (size_t)(slash - r->name) + 1 : 0;
    if (f[0] == '/')
        snprintf(full, sizeof full, "%.*s", (int)fn, f);
    else
        snprintf(full, sizeof full, "%.*s%.*s", (int)dirlen, r->name,
                 (int)fn, f);
    kh_error e;
    int rc = read_one(r->d, full, "actors", r->warn, r->ctx, &e,
                      r->depth + 1);
    if (rc != KH_OK && r->rc == KH_OK) {
        /* the file that includes it is named too: the error says where */
        r->rc = rc;
        if (r->err) {
            *r->err = e;
            size_t m = strlen(r->err->message);
            snprintf(r->err->message + m, sizeof r->err->message - m,
                     " (included by %s:%ld)", r->name, r->line);
        }
    }
}

static void read_actors(rd *r, const char *buf, size_t len)
{
    const char *p = buf, *end = buf + len, *s;
    size_t n;
    int section = 0;   /* 0 actors, KH_ROOT_NOUN, KH_ROOT_ADJ */
    int place = 0;     /* inside <PLACE> ... </PLACE> (ours) */
    agroup g = {KH_NONE, 0};
    while (next_line(&p, end, &s, &n)) {
        r->line++;
        int indented = n && (s[0] == ' ' || s[0] == '\t');
        n = strip_comment(s, n);
        trim(&s, &n);
        if (!n || s[0] == '#' || s[0] == '/')
            continue;
        if (s[0] == '~')
            break;   /* ~FINISH */
        if (s[0] == '<') {
            if (starts(s, n, "<INCLUDE")) {
                close_group(r, &g);
                include_actors(r, s, n);
                continue;
            }
            if (starts(s, n, "<PLACE"))
                place = 1, section = 0;
            else if (starts(s, n, "</PLACE"))
                place = 0;
            else if (starts(s, n, "<NOUN"))
                section = KH_ROOT_NOUN;
            else if (starts(s, n, "<ADJ"))
                section = KH_ROOT_ADJ;
            else if (starts(s, n, "</NOUN") || starts(s, n, "</ADJ"))
                section = 0;
            else
                bad(r, 1, "unknown section %.*s", (int)n, s);
            close_group(r, &g);
            continue;
        }
        if (section) {
            size_t pl;
            const char *codes;
            size_t nc;
            split_codes(s, n, &pl, &codes, &nc);
            add_root(r, s, pl, section, 0);
            continue;
        }
        if (indented && s[0] == '[') {
            /* a date restriction of the open group */
            if (g.actor == KH_NONE) {
                bad(r, 1, "date restriction without an actor before it");
                continue;
            }
            each_block(r, s, n, add_dcode_cb, NULL);
            continue;
        }
        if (s[0] == '+') {
            if (g.actor == KH_NONE) {
                bad(r, 1, "synonym without an actor before it");
                continue;
            }
            size_t pl;
            const char *codes;
            size_t nc;
            split_codes(s + 1, n - 1, &pl, &codes, &nc);
            add_root(r, s + 1, pl, KH_ROOT_ACTOR, g.actor);
            if (nc)
                each_block(r, codes, nc, add_dcode_cb, NULL);
            continue;
        }
        close_group(r, &g);
        size_t pl;
        const char *codes;
        size_t nc;
        split_codes(s, n, &pl, &codes, &nc);
        kh_actor a = {0, 0, KH_NONE, (uint8_t)place};
        uint32_t ai = kh_dict_add_actor(r->d, &a);
        uint32_t root = add_root(r, s, pl, KH_ROOT_ACTOR, ai);
        if (root == KH_NONE) {
            r->d->nactors--;
            continue;
        }
        r->d->actors[ai].parent = root;
        g.actor = ai;
        g.first_dcode = (uint32_t)r->d->ndcodes;
        if (nc && each_block(r, codes, nc, add_dcode_cb, NULL) < 0) {
            /* a bad code: the actor keeps the codes that parsed */
        }
    }
    close_group(r, &g);
}

/* ---- agents ------------------------------------------------------------ */

static int agent_cb(rd *r, const char *s, size_t n, void *arg)
{
    kh_agent *a = arg;
    trim(&s, &n);
    const char *t = memchr(s, '~', n);
    if (!t) {
        bad(r, 1, "missing ~ in agent code [%.*s]", (int)n, s);
        return 0;
    }
    a->prefix = t != s;
    const char *c = a->prefix ? s : s + 1;
    size_t cn = a->prefix ? (size_t)(t - s) : n - 1;
    if (!cn) {
        bad(r, 1, "no code in agent [%.*s]", (int)n, s);
        return 0;
    }
    a->code = kh_dict_str(r->d, c, cn);
    return 1;
}

static void read_agents(rd *r, const char *buf, size_t len)
{
    const char *p = buf, *end = buf + len, *s;
    size_t n;
    while (next_line(&p, end, &s, &n)) {
        r->line++;
        n = strip_comment(s, n);
        trim(&s, &n);
        if (!n || s[0] == '#' || s[0] == '/' || s[0] == '<')
            continue;
        if (s[0] == '~')
            break;
        size_t pl;
        const char *codes;
        size_t nc;
        split_codes(s, n, &pl, &codes, &nc);
        if (!nc) {
            bad(r, 1, "missing [code] after the agent phrase");
            continue;
        }
        kh_agent a = {KH_NONE, 0};
        if (each_block(r, codes, nc, agent_cb, &a) != 1) {
            if (a.code == KH_NONE)
                continue;
        }
        uint32_t ai = kh_dict_add_agent(r->d, &a);
        if (add_root(r, s, pl, KH_ROOT_AGENT, ai) == KH_NONE)
            r->d->nagents--;
    }
}

/* ---- verbs ------------------------------------------------------------- */

static int ecode_cb(rd *r, const char *s, size_t n, void *arg)
{
    if (!kh_dict_parse_ecode(r->d, s, n, arg)) {
        bad(r, 1, "bad event code [%.*s]", (int)n, s);
        return 0;
    }
    return 1;
}

/* A time code: [+7], [-30], or a special code. */
static int time_cb(rd *r, const char *s, size_t n, void *arg)
{
    kh_time *t = arg;
    trim(&s, &n);
    kh_ecode ec;
    if ((n && (s[0] == '+' || s[0] == '-') && n > 1 && isdigit((unsigned char)s[1]))) {
        char buf[16];
        size_t m = n < sizeof buf - 1 ? n : sizeof buf - 1;
        memcpy(buf, s, m);
        buf[m] = '\0';
        char *e;
        long v = strtol(buf, &e, 10);
        if (*e || v < -36500 || v > 36500) {
            bad(r, 1, "bad time shift [%.*s]", (int)n, s);
            return 0;
        }
        t->shift = (int32_t)v;
        return 1;
    }
    if (kh_dict_parse_ecode(r->d, s, n, &ec) &&
        (ec.flags & (KH_EC_NULL | KH_EC_DISCARD | KH_EC_COMPLEX))) {
        t->flags = ec.flags;
        return 1;
    }
    bad(r, 1, "bad time code [%.*s] (want +N, -N, ---, ### or +++)", (int)n,
        s);
    return 0;
}

/* The verb whose main form is the same phrase as root r, or KH_NONE. */
static uint32_t same_verb(const kh_dict *d, uint32_t r)
{
    const kh_root *a = &d->roots[r];
    const kh_pel *pa = d->pels + a->words.first;
    for (size_t v = 0; v < d->nverbs; v++) {
        uint32_t vr = d->verbs[v].root;
        if (vr == KH_NONE || vr == r)
            continue;
        const kh_root *b = &d->roots[vr];
        if (b->words.n != a->words.n || pa[0].arg != d->pels[b->words.first].arg)
            continue;
        const kh_pel *pb = d->pels + b->words.first;
        uint32_t k = 0;
        while (k < a->words.n && pa[k].arg == pb[k].arg &&
               pa[k].match == pb[k].match && pa[k].adjacent == pb[k].adjacent)
            k++;
        if (k == a->words.n)
            return (uint32_t)v;
    }
    return KH_NONE;
}

typedef struct {
    uint32_t verb;     /* the open verb, or KH_NONE */
    uint32_t time;     /* the open time root, or KH_NONE */
} vstate;

static void add_pattern(rd *r, vstate *v, const char *s, size_t n)
{
    size_t pl;
    const char *codes;
    size_t nc;
    split_codes(s, n, &pl, &codes, &nc);
    kh_pattern pt = {{0, 0}, {KH_NONE, KH_NONE, 0}, 0, r->file,
                     (uint32_t)r->line};
    kh_time tcode = {0, 0, 0, 0};
    if (!nc) {
        bad(r, 1, "missing [code] after the pattern");
        return;
    }
    if (v->time != KH_NONE) {
        if (each_block(r, codes, nc, time_cb, &tcode) != 1)
            return;
        pt.code.flags = tcode.flags;
        pt.code.code = (uint32_t)tcode.shift;   /* the shift, for time */
    } else if (each_block(r, codes, nc, ecode_cb, &pt.code) != 1) {
        return;
    }
    const char *err;
    const char *ph = s;
    trim(&ph, &pl);
    if (!kh_dict_parse_phrase(r->d, ph, pl, 0, &pt.pels, &err)) {
        bad(r, 1, "%s: %.*s", err, (int)pl, ph);
        return;
    }
    int verbs = 0;
    for (uint32_t i = 0; i < pt.pels.n; i++)
        verbs += r->d->pels[pt.pels.first + i].type == KH_PEL_VERB;
    if (verbs != 1) {
        bad(r, 1, verbs ? "more than one * in a pattern"
                        : "missing verb marker * in the pattern");
        return;
    }
    pt.length = kh_dict_span_length(r->d, pt.pels);
    pt.owner = v->time != KH_NONE ? v->time | KH_OWNER_TIME : v->verb;
    uint32_t pi = kh_dict_add_pattern(r->d, &pt);
    /* Patterns of a verb are contiguous: they follow it in the file. */
    if (v->time != KH_NONE) {
        kh_time *t = &r->d->times[v->time];
        if (!t->npatterns)
            t->patterns_first = pi;
        t->npatterns++;
    } else {
        kh_verb *vb = &r->d->verbs[v->verb];
        if (!vb->npatterns)
            vb->patterns_first = pi;
        vb->npatterns++;
    }
}

static void read_verbs(rd *r, const char *buf, size_t len)
{
    const char *p = buf, *end = buf + len, *s;
    size_t n;
    int section = 0;   /* 1 synsets, 2 time */
    uint32_t synset = KH_NONE;
    vstate v = {KH_NONE, KH_NONE};
    while (next_line(&p, end, &s, &n)) {
        r->line++;
        n = strip_comment(s, n);
        trim(&s, &n);
        if (!n || s[0] == '#' || (s[0] == '/' && !(n > 1 && s[1] == '*')))
            continue;
        if (s[0] == '~')
            break;
        if (s[0] == '<') {
            if (starts(s, n, "<SYNSET"))
                section = 1;
            else if (starts(s, n, "<TIME"))
                section = 2;
            else if (starts(s, n, "</SYNSET") || starts(s, n, "</TIME"))
                section = 0;
            else
                bad(r, 1, "unknown section %.*s", (int)n, s);
            v.verb = v.time = KH_NONE;
            synset = KH_NONE;
            continue;
        }
        if (section == 1) {
            if (s[0] == '&') {
                size_t k = 1;
                while (k < n && isalnum((unsigned char)s[k]))
                    k++;
                if (k == 1) {
                    bad(r, 1, "& without a synset name");
                    synset = KH_NONE;
                    continue;
                }
                /* a repeated name adds to the same set */
                synset = kh_dict_synset(r->d, s, k);
                if (synset == KH_NONE)
                    synset = kh_dict_add_alt(r->d, kh_dict_str(r->d, s, k));
            } else if (s[0] == '+') {
                if (synset == KH_NONE) {
                    bad(r, 1, "synset member without a synset before it");
                    continue;
                }
                kh_span sp;
                const char *err;
                const char *m = s + 1;
                size_t mn = n - 1;
                trim(&m, &mn);
                /* a member naming its own set would recurse */
                size_t k;
                const char *own = kh_dict_str_text(r->d,
                                                   r->d->alts[synset].name);
                k = strlen(own);
                /* Regression, found by fuzz_dict_tabari: the line is not
                 * NUL-terminated (the last line of a buffer), so the
                 * search is bounded by its length. */
                const char *hit = mn >= k ? memmem(m, mn, own, k) : NULL;
                if (hit && hit < m + mn &&
                    (hit + k == m + mn || !isalnum((unsigned char)hit[k]))) {
                    bad(r, 1, "synset %s refers to itself", own);
                    continue;
                }
                if (!kh_dict_parse_phrase(r->d, m, mn, 0, &sp, &err)) {
                    bad(r, 1, "%s: %.*s", err, (int)mn, m);
                    continue;
                }
                kh_dict_alt_add(r->d, synset, sp);
            } else {
                bad(r, 1, "expected &NAME or +member in <SYNSETS>");
            }
            continue;
        }
        if (s[0] == '-' && n > 1 && (s[1] == ' ' || s[1] == '\t')) {
            if (v.verb == KH_NONE && v.time == KH_NONE) {
                bad(r, 1, "pattern before any verb");
                continue;
            }
            add_pattern(r, &v, s + 1, n - 1);
            continue;
        }
        if (s[0] == '{') {
            /* irregular forms of the verb above */
            if (v.verb == KH_NONE) {
                bad(r, 1, "verb forms without a verb before them");
                continue;
            }
            const char *close = memchr(s, '}', n);
            if (!close) {
                bad(r, 1, "missing } after the verb forms");
                continue;
            }
            const char *q = s + 1;
            int forms = 0;
            while (q < close) {
                while (q < close && isspace((unsigned char)*q))
                    q++;
                const char *a = q;
                while (q < close && !isspace((unsigned char)*q))
                    q++;
                if (q > a) {
                    add_root(r, a, (size_t)(q - a), KH_ROOT_VERB, v.verb);
                    forms++;
                }
            }
            if (!forms)
                bad(r, 1, "no verb forms inside { }");
            continue;
        }
        /* a verb (or a time phrase) with its code */
        size_t pl;
        const char *codes;
        size_t nc;
        split_codes(s, n, &pl, &codes, &nc);
        if (section == 2) {
            kh_time t = {0, 0, 0, 0};
            if (!nc || each_block(r, codes, nc, time_cb, &t) != 1) {
                if (!nc)
                    bad(r, 1, "missing [code] after the time phrase");
                v.time = KH_NONE;
                continue;
            }
            uint32_t ti = kh_dict_add_time(r->d, &t);
            if (add_root(r, s, pl, KH_ROOT_TIME, ti) == KH_NONE) {
                r->d->ntimes--;
                v.time = KH_NONE;
                continue;
            }
            v.time = ti;
            continue;
        }
        kh_verb vb = {{KH_NONE, KH_NONE, KH_EC_NULL}, 0, 0, KH_NONE};
        if (nc && each_block(r, codes, nc, ecode_cb, &vb.code) != 1) {
            v.verb = KH_NONE;
            continue;
        }
        uint32_t vi = kh_dict_add_verb(r->d, &vb);
        uint32_t root = add_root(r, s, pl, KH_ROOT_VERB, vi);
        if (root == KH_NONE) {
            r->d->nverbs--;
            v.verb = KH_NONE;
            continue;
        }
        /* A verb written again (in another file, or further on) is the
         * same verb: its patterns join the first ones, so that a file can
         * add patterns to a verb of another.  Its code, when the first had
         * none, becomes the verb's. */
        uint32_t old = same_verb(r->d, root);
        if (old != KH_NONE) {
            kh_verb *ov = &r->d->verbs[old];
            int onull = (ov->code.flags & KH_EC_NULL) != 0;
            int nnull = (vb.code.flags & KH_EC_NULL) != 0;
            if (onull && !nnull)
                ov->code = vb.code;
            else if (!onull && !nnull &&
                     (ov->code.code != vb.code.code ||
                      ov->code.code2 != vb.code.code2 ||
                      ov->code.flags != vb.code.flags))
                bad(r, 1, "verb %.*s was given another code before; this "
                    "one is ignored", (int)pl, s);
            r->d->nroots--;
            r->d->nverbs--;
            r->d->scattered = 1;
            v.verb = old;
            continue;
        }
        r->d->verbs[vi].root = root;
        v.verb = vi;
    }
}

/* ---- files ------------------------------------------------------------- */

static void read_options(rd *r, const char *buf, size_t len)
{
    const char *p = buf, *end = buf + len, *s;
    size_t n;
    while (next_line(&p, end, &s, &n)) {
        r->line++;
        trim(&s, &n);
        if (!n || s[0] == '#' || (n > 1 && s[0] == '/' && s[1] == '/'))
            continue;
        if (s[0] == '~')
            break;
        if (!kh_options_apply(r->d, s, n))
            bad(r, 1, "unknown option: %.*s", (int)n, s);
    }
}

static int read_buf(kh_dict *d, const char *buf, size_t len,
                    const char *kind, const char *name, kh_dict_warn_fn warn,
                    void *ctx, kh_error *err, int depth, int from_file)
{
    rd r = {d, name, kh_dict_str(d, name, strlen(name)), 0, warn, ctx, 0,
            depth, from_file, KH_OK, err};
    d->format = KH_DICT_TABARI;
    if (strcmp(kind, "actors") == 0)
        read_actors(&r, buf, len);
    else if (strcmp(kind, "agents") == 0)
        read_agents(&r, buf, len);
    else if (strcmp(kind, "verbs") == 0)
        read_verbs(&r, buf, len);
    else if (strcmp(kind, "options") == 0)
        read_options(&r, buf, len);
    else
        return kh_fail(err, KH_EUSAGE, name, 0, 0,
                       "unknown TABARI dictionary kind '%s'", kind);
    return r.rc;
}

int kh_dict_read_tabari_mem(kh_dict *d, const char *buf, size_t len,
                            const char *kind, const char *name,
                            kh_dict_warn_fn warn, void *ctx, kh_error *err)
{
    return read_buf(d, buf, len, kind, name, warn, ctx, err, 0, 0);
}

static int read_file(const char *path, char **buf, size_t *len, kh_error *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return kh_fail(err, KH_EIO, path, 0, 0, "%s", strerror(errno));
    int rc = kh_read_fd(fd, (size_t)256 << 20, buf, len);
    close(fd);
    if (rc == KH_ELIMIT)
        return kh_fail(err, KH_ELIMIT, path, 0, 0,
                       "dictionary file over 256 MiB");
    if (rc != KH_OK)
        return kh_fail(err, KH_EIO, path, 0, 0, "%s", strerror(errno));
    return KH_OK;
}

static const char *kind_of(const char *path)
{
    static const struct {
        const char *ext, *kind;
    } k[] = {{".actors", "actors"}, {".agents", "agents"},
             {".verbs", "verbs"},   {".options", "options"}};
    size_t n = strlen(path);
    for (size_t i = 0; i < sizeof k / sizeof *k; i++) {
        size_t e = strlen(k[i].ext);
        if (n > e && strcasecmp(path + n - e, k[i].ext) == 0)
            return k[i].kind;
    }
    return NULL;
}

static int read_one(kh_dict *d, const char *path, const char *kind,
                    kh_dict_warn_fn warn, void *ctx, kh_error *err,
                    int depth)
{
    char *buf;
    size_t len;
    int rc = read_file(path, &buf, &len, err);
    if (rc != KH_OK)
        return rc;
    rc = read_buf(d, buf, len, kind, path, warn, ctx, err, depth, 1);
    free(buf);
    return rc;
}

/* A .project: the files it names, relative to its folder, in the order
 * actors, agents, verbs, options (so that options see the verbs). */
static int read_project(kh_dict *d, const char *path, kh_dict_warn_fn warn,
                        void *ctx, kh_error *err)
{
    char *buf;
    size_t len;
    int rc = read_file(path, &buf, &len, err);
    if (rc != KH_OK)
        return rc;
    static const struct {
        const char *tag, *kind;
    } order[] = {{"<AC", "actors"}, {"<AG", "agents"}, {"<VE", "verbs"},
                 {"<OP", "options"}};
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    int files = 0;
    for (size_t o = 0; o < 4 && rc == KH_OK; o++) {
        const char *p = buf, *end = buf + len, *s;
        size_t n;
        long line = 0;
        while (rc == KH_OK && next_line(&p, end, &s, &n)) {
            line++;
            trim(&s, &n);
            if (n < 4 || !starts(s, n, order[o].tag))
                continue;
            const char *gt = memchr(s, '>', n);
            if (!gt)
                continue;
            const char *f = gt + 1;
            size_t fn = n - (size_t)(f - s);
            trim(&f, &fn);
            size_t k = 0;
            while (k < fn && !isspace((unsigned char)f[k]))
                k++;
            if (!k) {
                rc = kh_fail(err, KH_EINPUT, path, line, 0,
                             "no file name after %.*s", (int)(gt - s + 1), s);
                break;
            }
            char full[1024];
            if (f[0] == '/')
                snprintf(full, sizeof full, "%.*s", (int)k, f);
            else
                snprintf(full, sizeof full, "%.*s%.*s", (int)dirlen, path,
                         (int)k, f);
            rc = read_one(d, full, order[o].kind, warn, ctx, err, 0);
            files++;
        }
    }
    free(buf);
    if (rc == KH_OK && !files)
        rc = kh_fail(err, KH_EINPUT, path, 0, 0,
                     "the project names no dictionary files");
    return rc;
}

int kh_dict_read_tabari(kh_dict *d, const char *path, kh_dict_warn_fn warn,
                        void *ctx, kh_error *err)
{
    size_t n = strlen(path);
    if (n > 8 && strcasecmp(path + n - 8, ".project") == 0)
        return read_project(d, path, warn, ctx, err);
    const char *kind = kind_of(path);
    if (!kind)
        return kh_fail(err, KH_EUSAGE, path, 0, 0,
                       "not a TABARI file (.project, .actors, .agents, "
                       ".verbs or .options)");
    return read_one(d, path, kind, warn, ctx, err, 0);
}
