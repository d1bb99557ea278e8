/*
 * validate_tabari.c - runs a TABARI validation file (manual 10.1).
 *
 * A record is a date and an id on a line that begins with a digit, the
 * text, and a comment block with the expected events:
 *
 *   950101  DEMO-01
 *   Arnor is about to restore full diplomatic ties with Gondor ...
 *   / *\n[Simple coding]           (a C comment: read "/ *" as one token)
 *   \n{ ARN / GON / 064 } * /
 *
 * {---} means no event, {###} a discard, {+++} a complex sentence; a
 * record whose list has a -{ line is only checked for the events it does
 * list; { OPTION: ... } changes the options from there on.  TABARI stops
 * at the first record without expectations (FINAL-01); so does this.
 * Each record is coded as one unit, as TABARI codes it, not sentence by
 * sentence.
 */
#include "validate.h"

#include "../core/arena.h"
#include "../core/buf.h"
#include "../core/error.h"
#include "../read/read.h"
#include "../text/text.h"
#include "code.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
    long line;
    char date[16];
    char id[64];
    kh_buf text;
    kh_buf comment;
} record;

/* ---- parsing the file -------------------------------------------------- */

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isspace((unsigned char)s[i]))
            return 0;
    return 1;
}

/* Reads the next record from *p; returns 0 at the end. */
static int next_record(const char **p, const char *end, long *lineno,
                       record *r)
{
    kh_buf_clear(&r->text);
    kh_buf_clear(&r->comment);
    /* find a header: a line that begins with a digit */
    for (;;) {
        if (*p >= end)
            return 0;
        const char *nl = memchr(*p, '\n', (size_t)(end - *p));
        const char *e = nl ? nl : end;
        const char *s = *p;
        *p = nl ? nl + 1 : end;
        (*lineno)++;
        if (isdigit((unsigned char)*s)) {
            r->line = *lineno;
            size_t k = 0;
            while (s + k < e && isdigit((unsigned char)s[k]) && k < 15)
                r->date[k] = s[k], k++;
            r->date[k] = '\0';
            const char *q = s + k;
            while (q < e && isspace((unsigned char)*q))
                q++;
            /* "950101  950101  AGENTS-11": a second date is not the id */
            const char *q2 = q;
            while (q2 < e && isdigit((unsigned char)*q2))
                q2++;
            if (q2 > q && q2 < e && isspace((unsigned char)*q2)) {
                while (q2 < e && isspace((unsigned char)*q2))
                    q2++;
                q = q2;
            }
            size_t m = 0;
            while (q < e && !isspace((unsigned char)*q) &&
                   m < sizeof r->id - 1)
                r->id[m++] = *q++;
            r->id[m] = '\0';
            break;
        }
    }
    /* the body: until a blank line outside a comment */
    int in_comment = 0;
    while (*p < end) {
        const char *nl = memchr(*p, '\n', (size_t)(end - *p));
        const char *e = nl ? nl : end;
        const char *s = *p;
        /* a blank line ends a record even inside an unclosed comment,
         * as in TABARI (COMPOUND-06 leaves one open) */
        if (blank(s, (size_t)(e - s)))
            break;
        *p = nl ? nl + 1 : end;
        (*lineno)++;
        for (const char *c = s; c < e;) {
            if (!in_comment && c + 1 < e && c[0] == '/' && c[1] == '*') {
                in_comment = 1;
                c += 2;
                continue;
            }
            if (in_comment && c + 1 < e && c[0] == '*' && c[1] == '/') {
                in_comment = 0;
                kh_buf_putc(&r->comment, '\n');
                c += 2;
                continue;
            }
            kh_buf_putc(in_comment ? &r->comment : &r->text, *c);
            c++;
        }
        kh_buf_putc(in_comment ? &r->comment : &r->text, '\n');
    }
    return 1;
}

/* ---- expectations ----------------------------------------------------- */

enum { X_EVENTS = 0, X_NONE, X_DISCARD, X_COMPLEX };

typedef struct {
    int kind;          /* X_* */
    int partial;       /* a -{ line: only the listed events are checked */
    int noptions;      /* { OPTION: ... } lines applied */
    int nexp;
    kh_vexpect exp[64];
    char date[16];     /* after the first }, for time shifting */
    int any;           /* any {...} at all */
} expectations;

static void copy_field(char *dst, size_t cap, const char *s, size_t n)
{
    while (n && isspace((unsigned char)*s))
        s++, n--;
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    if (n >= cap)
        n = cap - 1;
    memcpy(dst, s, n);
    dst[n] = '\0';
}

static void parse_expectations(kh_dict *d, const char *c, expectations *x,
                               kh_buf *log)
{
    memset(x, 0, sizeof *x);
    for (const char *p = c; (p = strchr(p, '{')) != NULL;) {
        int dash = p > c && p[-1] == '-';
        const char *close = strchr(p, '}');
        const char *stop = strstr(p, "*/");
        const char *e = close ? close : p + strlen(p);
        if (stop && stop < e)
            e = stop;
        const char *body = p + 1;
        size_t n = (size_t)(e - body);
        x->any = 1;
        const char *opt = strstr(body, "OPTION:");
        if (opt && opt < e) {
            const char *o = opt + 7;
            size_t on = (size_t)(e - o);
            while (on && isspace((unsigned char)*o))
                o++, on--;
            while (on && isspace((unsigned char)o[on - 1]))
                on--;
            if (!kh_options_apply(d, o, on))
                kh_buf_printf(log, "  cannot apply option: %.*s\n", (int)on,
                              o);
            x->noptions++;
        } else if (dash) {
            x->partial = 1;
        } else {
            char flat[128];
            copy_field(flat, sizeof flat, body, n);
            char sq[128];
            size_t m = 0;
            for (char *f = flat; *f && m < sizeof sq - 1; f++)
                if (*f != ' ')
                    sq[m++] = *f;
            sq[m] = '\0';
            if (strcmp(sq, "---") == 0) {
                x->kind = X_NONE;
            } else if (strcmp(sq, "###") == 0) {
                x->kind = X_DISCARD;
            } else if (strcmp(sq, "+++") == 0) {
                x->kind = X_COMPLEX;
            } else if (x->nexp < 64) {
                const char *s1 = memchr(body, '/', n);
                const char *s2 = s1 ? memchr(s1 + 1, '/', (size_t)(e - s1 - 1))
                                    : NULL;
                if (s1 && s2) {
                    kh_vexpect *ex = &x->exp[x->nexp++];
                    copy_field(ex->src, sizeof ex->src, body,
                               (size_t)(s1 - body));
                    copy_field(ex->tgt, sizeof ex->tgt, s1 + 1,
                               (size_t)(s2 - s1 - 1));
                    copy_field(ex->code, sizeof ex->code, s2 + 1,
                               (size_t)(e - s2 - 1));
                }
            }
            if (!x->date[0] && close) {
                const char *q = close + 1;
                while (*q == ' ' || *q == '\t')
                    q++;
                size_t k = 0;
                while (isdigit((unsigned char)q[k]) && k < 15)
                    k++;
                if (k >= 6)
                    copy_field(x->date, sizeof x->date, q, k);
            }
        }
        p = e;
    }
}

/* ---- dates and forwarding --------------------------------------------- */

static int32_t record_date(const kh_dict *d, const char *s)
{
    size_t n = strlen(s);
    int32_t v = 0;
    if (d->options.yyyy) {
        if (n < 8)
            return 0;
        for (int i = 0; i < 8; i++)
            v = v * 10 + (s[i] - '0');
        return v;
    }
    if (n < 6)
        return 0;
    for (int i = 0; i < 6; i++)
        v = v * 10 + (s[i] - '0');
    int yy = v / 10000;
    return v + (yy <= 30 ? 2000 : 1900) * 10000;
}

/* Story and sentence numbers of an id under a FORWARD: format such as
 * "^^*****NNN*SSS" (^ leading blank, * any character). */
static int sequence(const char *fmt, const char *id, long *story,
                    long *sent)
{
    *story = *sent = 0;
    const char *f = fmt;
    while (*f == '^')
        f++;
    size_t i = 0;
    for (; *f && id[i]; f++, i++) {
        if (*f == 'N')
            *story = *story * 10 + (isdigit((unsigned char)id[i]) ?
                                    id[i] - '0' : 0);
        else if (*f == 'S')
            *sent = *sent * 10 + (isdigit((unsigned char)id[i]) ?
                                  id[i] - '0' : 0);
    }
    return !*f;
}

/* ---- comparing ------------------------------------------------------- */

static int check(const kh_unit *u, expectations *x, int time_on,
                 kh_buf *why)
{
    int st = u->status;
    if (st == KH_UNIT_STORY_DISCARD)
        st = KH_UNIT_DISCARD;
    switch (x->kind) {
    case X_DISCARD:
        return st == KH_UNIT_DISCARD;
    case X_COMPLEX:
        return st == KH_UNIT_COMPLEX;
    case X_NONE:
        return (st == KH_UNIT_CODED || st == KH_UNIT_SHORT) && !u->nevents;
    default:
        break;
    }
    if (st != KH_UNIT_CODED)
        return x->partial && !x->nexp;
    kh_vexpect got[64];
    int ng = kh_vgot(u, got, 64);
    qsort(x->exp, (size_t)x->nexp, sizeof *x->exp, kh_vexpect_cmp);
    if (x->partial) {
        for (int i = 0; i < x->nexp; i++)
            if (!bsearch(&x->exp[i], got, (size_t)ng, sizeof *got, kh_vexpect_cmp))
                return 0;
        return 1;
    }
    if (ng != x->nexp)
        return 0;
    for (int i = 0; i < ng; i++)
        if (kh_vexpect_cmp(&got[i], &x->exp[i]))
            return 0;
    if (time_on && x->date[0] && u->nevents) {
        int32_t want = record_date(u->dict, x->date);
        if (want && u->events[0].date != want) {
            kh_buf_printf(why, "date %d, expected %d", u->events[0].date,
                          want);
            return 0;
        }
    }
    return 1;
}

static void describe_exp(kh_buf *b, const expectations *x)
{
    if (x->kind == X_NONE)
        kh_buf_puts(b, "{---}");
    else if (x->kind == X_DISCARD)
        kh_buf_puts(b, "{###}");
    else if (x->kind == X_COMPLEX)
        kh_buf_puts(b, "{+++}");
    for (int i = 0; i < x->nexp; i++)
        kh_buf_printf(b, "%s{ %s / %s / %s }", i ? " " : "", x->exp[i].src,
                      x->exp[i].tgt, x->exp[i].code);
    if (x->partial)
        kh_buf_puts(b, " (and others)");
}

/* ---- the run ---------------------------------------------------------- */

static void warn_cb(void *ctx, const kh_error *e)
{
    kh_validate_report *rep = ctx;
    char buf[1024];
    if (rep->out)
        fprintf(rep->out, "dictionary: %s\n", kh_error_format(e, buf,
                                                             sizeof buf));
    rep->dict_warnings++;
}

/* The records of buf[0..len) against dictionary d (whose options the
 * records' OPTION lines change). */
void kh_validate_tabari_records(kh_dict *d, const char *buf, size_t len,
                                kh_validate_report *rep)
{
    kh_unit *u = kh_xcalloc(1, sizeof *u);
    record r = {0};
    const char *p = buf, *end = buf + len;
    long lineno = 0;
    kh_forward fwd = {0};
    long last_story = -1, last_sent = -1;
    kh_buf log = KH_BUF_INIT;
    while (next_record(&p, end, &lineno, &r)) {
        expectations x;
        kh_buf_clear(&log);
        parse_expectations(d, kh_buf_cstr(&r.comment), &x, &log);
        if (!x.any)
            break;   /* TABARI's validation stops here (FINAL-01) */
        rep->records++;
        if (x.noptions && !x.nexp && x.kind == X_EVENTS && !x.partial) {
            rep->passed++;   /* a record that only sets options */
            if (log.len && rep->out)
                fprintf(rep->out, "%s (line %ld):\n%s", r.id, r.line,
                        log.data);
            continue;
        }
        int32_t date = record_date(d, r.date);
        const char *t = kh_buf_cstr(&r.text);
        long story, sent;
        int fwd_ok = d->options.forward &&
                     sequence(d->options.forward_format, r.id, &story,
                              &sent) &&
                     story == last_story && sent == last_sent + 1;
        u->fwd_in = fwd_ok ? &fwd : NULL;
        kh_doc *doc = kh_vcode(u, d, t, date, rep->tagger);
        if (d->options.forward &&
            sequence(d->options.forward_format, r.id, &story, &sent)) {
            last_story = story, last_sent = sent;
            if (u->fwd_out.valid)
                fwd = u->fwd_out;
        }
        const char *trace = getenv("KH_TRACE");
        if (trace && rep->out && strstr(trace, r.id)) {
            fprintf(rep->out, "TRACE %s: %s\n", r.id,
                    u->why ? u->why : "");
            kh_trace_unit(u, rep->out);
        }
        int time_on = d->options.time_shift > 0;
        kh_buf why = KH_BUF_INIT;
        if (check(u, &x, time_on, &why)) {
            rep->passed++;
        } else {
            rep->failed++;
            if (rep->out) {
                kh_buf b = KH_BUF_INIT;
                kh_buf_printf(&b, "FAIL %s (line %ld): expected ", r.id,
                              r.line);
                describe_exp(&b, &x);
                kh_buf_puts(&b, ", got ");
                kh_vdescribe(&b, u);
                if (why.len)
                    kh_buf_printf(&b, "; %s", why.data);
                fprintf(rep->out, "%s\n", kh_buf_cstr(&b));
                kh_buf_free(&b);
            }
        }
        kh_vexpect got[64];
        int ng = u->status == KH_UNIT_CODED ? kh_vgot(u, got, 64) : 0;
        kh_vscore(rep, x.exp, x.kind == X_EVENTS ? x.nexp : 0, got, ng,
                  x.partial);
        kh_buf_free(&why);
        kh_doc_free(doc);
    }
    kh_buf_free(&log);
    kh_buf_free(&r.text);
    kh_buf_free(&r.comment);
    free(u);
}

/* The .project beside the validation file. */
static int find_project(const char *path, char *out, size_t cap)
{
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    const char *base = slash ? slash + 1 : path;
    char guess[1024];
    /* Validate.text -> Validate.project */
    const char *dot = strrchr(base, '.');
    size_t stem = dot ? (size_t)(dot - base) : strlen(base);
    snprintf(guess, sizeof guess, "%.*s%.*s.project", (int)dirlen, path,
             (int)stem, base);
    if (access(guess, R_OK) == 0) {
        snprintf(out, cap, "%s", guess);
        return 1;
    }
    return 0;
}

int kh_validate_tabari(const char *path, kh_validate_report *rep,
                       kh_error *err)
{
    char project[1024];
    if (!find_project(path, project, sizeof project))
        return kh_fail(err, KH_EIO, path, 0, 0,
                       "no .project beside the validation file (want "
                       "the same name with .project)");
    kh_dict *d = kh_dict_create();
    int rc = kh_dict_read_tabari(d, project, warn_cb, rep, err);
    if (rc != KH_OK) {
        kh_dict_destroy(d);
        return rc;
    }
    kh_dict_finish(d);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        kh_dict_destroy(d);
        return kh_fail(err, KH_EIO, path, 0, 0, "%s", strerror(errno));
    }
    char *buf;
    size_t len;
    rc = kh_read_fd(fd, (size_t)64 << 20, &buf, &len);
    close(fd);
    if (rc != KH_OK) {
        kh_dict_destroy(d);
        return kh_fail(err, KH_EIO, path, 0, 0, "cannot read the file");
    }
    kh_validate_tabari_records(d, buf, len, rep);
    free(buf);
    kh_dict_destroy(d);
    return KH_OK;
}
