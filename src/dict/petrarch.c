/*
 * petrarch.c - PETRARCH's dictionaries: files, folders, lines, and what
 * the formats share.
 *
 * PETRARCH (and PETRARCH2, and the Phoenix dictionaries) read four kinds
 * of flat files, described in petrarch-dictionaries.rst:
 *
 *   verbs      CAMEO.2.0.txt or *verbs*.txt: synsets, verb blocks,
 *              patterns (petrarch_verbs.c)
 *   actors     *actors*.txt: PHRASE [CODE], +SYNONYM, \t[CODE <date]
 *   agents     *agents*.txt: PHRASE {PLURAL} [~CODE], !MACRO! = A, B
 *   discards   *discards*.txt: [+]PHRASE[_]   (actors etc.: petrarch_nouns.c)
 *
 * A folder is read in that order: its one verbs file, every actors file,
 * then agents and discards; the issues file, prepositions and the .ini
 * are not dictionaries of the model.  Two verbs files in one folder are
 * an error rather than a guess: they are usually two versions of the
 * same dictionary, and reading both would double every pattern.
 *
 * Comments are PETRARCH's: # to the end of a line (and ;, which the
 * Phoenix files also use after a #, as TABARI did), <!-- ... --> over
 * one or more lines, and any line that starts with <!.  Every malformed
 * line is reported with its file, line and column through the warning
 * callback and skipped; only a file that cannot be read fails the load.
 *
 * Words are folded by kh_dict_word (upper case, no accents) and split at
 * hyphens, as the coder splits the text's words (code/lex.c), so that
 * "KI-MOON" in a dictionary and "Ki-moon" in a sentence meet as KI MOON.
 */
#include "petrarch.h"

#include "../core/arena.h"
#include "../core/error.h"
#include "../read/read.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* A dictionary file larger than this is refused, not read. */
#define MAX_FILE ((size_t)256 << 20)

/* ---- shared helpers ------------------------------------------------------ */

void kh_pvec_push(kh_pvec *v, kh_pel p)
{
    if (v->n == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 8;
        v->v = kh_xrealloc(v->v, v->cap * sizeof *v->v);
    }
    v->v[v->n++] = p;
}

kh_span kh_pvec_commit(kh_dict *d, const kh_pvec *v)
{
    kh_span s = {(uint32_t)d->npels, (uint32_t)v->n};
    for (size_t i = 0; i < v->n; i++)
        kh_dict_add_pel(d, v->v[i]);
    return s;
}

void kh_petr_bad(kh_petr_rd *r, long col, const char *fmt, ...)
{
    kh_error e;
    memset(&e, 0, sizeof e);
    e.code = KH_EINPUT;
    snprintf(e.file, sizeof e.file, "%s", r->name);
    e.line = r->line;
    e.column = col;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e.message, sizeof e.message, fmt, ap);
    va_end(ap);
    r->st->warnings++;
    r->d->nwarnings++;
    if (r->warn)
        r->warn(r->ctx, &e);
}

void kh_petr_trim(const char **s, size_t *n)
{
    while (*n && isspace((unsigned char)**s))
        (*s)++, (*n)--;
    while (*n && isspace((unsigned char)(*s)[*n - 1]))
        (*n)--;
}

/* Blanks the comments of line buf[0..len) in place; returns the length
 * left once a # or ; comment is cut and trailing blanks are trimmed.  A #
 * inside [...] is a code ([###], TABARI's discard), not a comment. */
static size_t strip_comments(kh_petr_rd *r, char *buf, size_t len)
{
    size_t i = 0;
    if (!r->in_comment) {
        size_t j = 0;
        while (j < len && (buf[j] == ' ' || buf[j] == '\t'))
            j++;
        /* <! -- ... -->, <!DOCTYPE>: PETRARCH skips any line so begun */
        if (len - j >= 2 && buf[j] == '<' && buf[j + 1] == '!' &&
            !(len - j >= 4 && buf[j + 2] == '-' && buf[j + 3] == '-'))
            return 0;
    }
    int code = 0;   /* inside [...]: [###] is TABARI's discard code */
    while (i < len) {
        if (r->in_comment) {
            const char *q = memmem(buf + i, len - i, "-->", 3);
            size_t stop = q ? (size_t)(q - buf) + 3 : len;
            memset(buf + i, ' ', stop - i);
            i = stop;
            if (q)
                r->in_comment = 0;
            continue;
        }
        char c = buf[i];
        if (c == '[' || c == ']')
            code = c == '[';
        else if ((c == '#' || c == ';') && !code) {
            len = i;
            break;
        }
        if (c == '<' && len - i >= 4 && memcmp(buf + i, "<!--", 4) == 0) {
            r->in_comment = 1;
            r->comment_line = r->line;
            memset(buf + i, ' ', 4);
            i += 4;
            continue;
        }
        i++;
    }
    while (len && isspace((unsigned char)buf[len - 1]))
        len--;
    return len;
}

int kh_petr_next_line(kh_petr_rd *r, const char **s, size_t *n)
{
    while (r->p < r->end) {
        const char *ln = r->p;
        const char *nl = memchr(ln, '\n', (size_t)(r->end - ln));
        size_t len = (size_t)((nl ? nl : r->end) - ln);
        r->p = nl ? nl + 1 : r->end;
        r->line++;
        r->st->lines++;
        if (len && ln[len - 1] == '\r')
            len--;
        if (len + 1 > r->cap) {
            r->cap = len + 1 > 256 ? len + 1 : 256;
            r->buf = kh_xrealloc(r->buf, r->cap);
        }
        memcpy(r->buf, ln, len);
        r->buf[len] = '\0';
        len = strip_comments(r, r->buf, len);
        if (!len)
            continue;
        const char *nul = memchr(r->buf, '\0', len);
        if (nul) {
            kh_petr_bad(r, (long)(nul - r->buf) + 1,
                        "NUL byte in the line (not a text file?)");
            continue;
        }
        *s = r->buf;
        *n = len;
        return 1;
    }
    if (r->in_comment) {
        long at = r->line;
        r->line = r->comment_line;
        kh_petr_bad(r, 0, "<!-- is never closed by -->: the rest of the "
                          "file (to line %ld) was a comment", at);
        r->line = at;
        r->in_comment = 0;
    }
    return 0;
}

static int phrase_sep(int c)
{
    return c == ' ' || c == '\t' || c == '_' || c == '-';
}

int kh_petr_words(kh_petr_rd *r, const char *s, size_t n, long col,
                  kh_pvec *out)
{
    out->n = 0;
    size_t i = 0;
    while (i < n) {
        if (phrase_sep((unsigned char)s[i])) {
            i++;
            continue;
        }
        size_t a = i;
        for (; i < n && !phrase_sep((unsigned char)s[i]); i++) {
            unsigned char c = (unsigned char)s[i];
            if (c < 0x20 || c == 0x7f) {
                kh_petr_bad(r, col + (long)i, "control character 0x%02X in "
                            "the phrase", c);
                return 0;
            }
            /* B+H is a company's name; a + that starts or ends a word
             * is a synonym run into the line before it */
            int edge = i == a || i + 1 == n ||
                       phrase_sep((unsigned char)s[i + 1]);
            if ((c == '+' && edge) || c == '[' || c == ']' || c == '{' ||
                c == '}') {
                kh_petr_bad(r, col + (long)i, "unexpected '%c' inside the "
                            "phrase '%.*s'", c, (int)n, s);
                return 0;
            }
        }
        if (i - a > KH_PETR_MAX_WORD) {
            kh_petr_bad(r, col + (long)a, "word longer than %d bytes",
                        KH_PETR_MAX_WORD);
            return 0;
        }
        if (out->n >= KH_PETR_MAX_PELS) {
            kh_petr_bad(r, col, "phrase longer than %d words",
                        KH_PETR_MAX_PELS);
            return 0;
        }
        kh_pel p = {KH_PEL_WORD, KH_MATCH_EXACT, out->n > 0, 0,
                    kh_dict_word(r->d, s + a, i - a)};
        kh_pvec_push(out, p);
    }
    if (!out->n) {
        kh_petr_bad(r, col, "empty phrase");
        return 0;
    }
    return 1;
}

uint32_t kh_petr_add_root(kh_petr_rd *r, const kh_pvec *pels, int kind,
                          uint32_t payload)
{
    kh_root root;
    memset(&root, 0, sizeof root);
    root.words = kh_pvec_commit(r->d, pels);
    root.kind = (uint8_t)kind;
    root.payload = payload;
    root.length = kh_dict_span_length(r->d, root.words);
    root.file = r->file;
    root.line = (uint32_t)r->line;
    return kh_dict_add_root(r->d, &root);
}

static int is_vowel(char c)
{
    return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
}

/* The rst's rule (S; Y -> IES; SS -> SES) with three corrections that
 * only add real plurals or drop impossible ones: a vowel before the Y
 * keeps it (ATTORNEYS, not ATTORNIES), SH CH X Z take ES like SS, and a
 * word already ending in a single S (TROOPS, ARMED_FORCES) or holding
 * anything but letters (N'T, U.N.) takes none. */
uint32_t kh_petr_plural(kh_dict *d, uint32_t w)
{
    size_t n;
    const char *s = kh_dict_word_text(d, w, &n);
    char buf[KH_PETR_MAX_WORD + 8];
    if (n < 2 || n > KH_PETR_MAX_WORD)
        return KH_NONE;
    for (size_t i = 0; i < n; i++)
        if (s[i] < 'A' || s[i] > 'Z')
            return KH_NONE;
    memcpy(buf, s, n);
    char z = s[n - 1], y = s[n - 2];
    if ((z == 'S' && y == 'S') || (z == 'H' && (y == 'S' || y == 'C')) ||
        z == 'X' || z == 'Z') {
        memcpy(buf + n, "ES", 2);
        n += 2;
    } else if (z == 'S') {
        return KH_NONE;
    } else if (z == 'Y' && !is_vowel(y)) {
        memcpy(buf + n - 1, "IES", 3);
        n += 2;
    } else {
        buf[n++] = 'S';
    }
    return kh_dict_word(d, buf, n);
}

int kh_petr_ecode(kh_dict *d, const char *s, size_t n, kh_ecode *out)
{
    kh_petr_trim(&s, &n);
    if (n && s[0] == ':') {
        /* [:173]: no event of the source; the target does 173 to it */
        if (!kh_dict_parse_ecode(d, s + 1, n - 1, out) ||
            (out->flags & (KH_EC_NULL | KH_EC_DISCARD | KH_EC_COMPLEX |
                           KH_EC_PAIRED)))
            return 0;
        out->code2 = out->code;
        out->code = KH_NONE;
        out->flags |= KH_EC_PAIRED;
        return 1;
    }
    return kh_dict_parse_ecode(d, s, n, out);
}

/* ---- entry points -------------------------------------------------------- */

int kh_petr_read_mem(kh_dict *d, const char *buf, size_t len,
                     const char *kind, const char *name, kh_dict_warn_fn warn,
                     void *ctx, kh_petr_stats *st, kh_error *err)
{
    kh_petr_stats local;
    if (!st) {
        memset(&local, 0, sizeof local);
        st = &local;
    }
    if (!name)
        name = "<memory>";
    if (!buf && !len)
        buf = "";
    void (*fn)(kh_petr_rd *) = NULL;
    if (kind && strcmp(kind, "verbs") == 0)
        fn = kh_petr_read_verbs;
    else if (kind && strcmp(kind, "actors") == 0)
        fn = kh_petr_read_actors;
    else if (kind && strcmp(kind, "agents") == 0)
        fn = kh_petr_read_agents;
    else if (kind && strcmp(kind, "discards") == 0)
        fn = kh_petr_read_discards;
    if (!fn || (!buf && len))
        return kh_fail(err, KH_EUSAGE, name, 0, 0,
                       "unknown PETRARCH dictionary kind '%s' (want verbs, "
                       "actors, agents or discards)", kind ? kind : "");
    d->format = KH_DICT_PETRARCH;
    d->split_clitics = 1;
    kh_petr_rd r;
    memset(&r, 0, sizeof r);
    r.d = d;
    r.name = name;
    r.file = kh_dict_str(d, name, strlen(name));
    r.warn = warn;
    r.ctx = ctx;
    r.st = st;
    r.p = buf;
    r.end = buf + len;
    st->files++;
    fn(&r);
    free(r.buf);
    return KH_OK;
}

int kh_dict_read_petrarch_mem(kh_dict *d, const char *buf, size_t len,
                              const char *kind, const char *name,
                              kh_dict_warn_fn warn, void *ctx, kh_error *err)
{
    return kh_petr_read_mem(d, buf, len, kind, name, warn, ctx, NULL, err);
}

/* Whether s contains sub, ignoring case. */
static int has(const char *s, const char *sub)
{
    return strcasestr(s, sub) != NULL;
}

/* The kind of a dictionary file from its name, or NULL. */
static const char *kind_of(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    if (has(base, "issue"))
        return NULL;
    if (has(base, "actors"))
        return "actors";
    if (has(base, "agents"))
        return "agents";
    if (has(base, "discards"))
        return "discards";
    if (has(base, "verbs") || strncasecmp(base, "CAMEO", 5) == 0)
        return "verbs";
    return NULL;
}

static int read_one(kh_dict *d, const char *path, const char *kind,
                    kh_dict_warn_fn warn, void *ctx, kh_petr_stats *st,
                    kh_error *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return kh_fail(err, KH_EIO, path, 0, 0, "%s", strerror(errno));
    char *buf;
    size_t len;
    int rc = kh_read_fd(fd, MAX_FILE, &buf, &len);
    int e = errno;
    close(fd);
    if (rc == KH_ELIMIT)
        return kh_fail(err, KH_ELIMIT, path, 0, 0,
                       "dictionary file over %zu MiB", MAX_FILE >> 20);
    if (rc != KH_OK)
        return kh_fail(err, KH_EIO, path, 0, 0, "%s", strerror(e));
    rc = kh_petr_read_mem(d, buf, len, kind, path, warn, ctx, st, err);
    free(buf);
    return rc;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int has_txt(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcasecmp(name + n - 4, ".txt") == 0;
}

static int read_folder(kh_dict *d, const char *dir, kh_dict_warn_fn warn,
                       void *ctx, kh_petr_stats *st, kh_error *err)
{
    DIR *dp = opendir(dir);
    if (!dp)
        return kh_fail(err, KH_EIO, dir, 0, 0, "%s", strerror(errno));
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(dp)) != NULL) {
        if (e->d_name[0] == '.' || !has_txt(e->d_name) ||
            !kind_of(e->d_name))
            continue;
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        char *full = kh_xmalloc(len);
        size_t dl = strlen(dir);
        snprintf(full, len, "%s%s%s", dir,
                 dl && dir[dl - 1] == '/' ? "" : "/", e->d_name);
        struct stat sb;
        if (stat(full, &sb) != 0 || !S_ISREG(sb.st_mode)) {
            free(full);
            continue;
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            names = kh_xrealloc(names, cap * sizeof *names);
        }
        names[n++] = full;
    }
    closedir(dp);
    if (n)
        qsort(names, n, sizeof *names, cmp_names);
    int rc = KH_OK;
    const char *verbs = NULL;
    for (size_t i = 0; i < n; i++)
        if (strcmp(kind_of(names[i]), "verbs") == 0) {
            if (verbs) {
                rc = kh_fail(err, KH_EUSAGE, dir, 0, 0,
                             "two verbs dictionaries, %s and %s: name the "
                             "one to read", verbs, names[i]);
                break;
            }
            verbs = names[i];
        }
    if (rc == KH_OK && !n)
        rc = kh_fail(err, KH_EINPUT, dir, 0, 0,
                     "no PETRARCH dictionary here (CAMEO*.txt, *verbs*.txt, "
                     "*actors*.txt, *agents*.txt, *discards*.txt)");
    static const char *const order[] = {"verbs", "actors", "agents",
                                        "discards"};
    for (size_t o = 0; o < 4 && rc == KH_OK; o++)
        for (size_t i = 0; i < n && rc == KH_OK; i++)
            if (strcmp(kind_of(names[i]), order[o]) == 0)
                rc = read_one(d, names[i], order[o], warn, ctx, st, err);
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return rc;
}

int kh_petr_read(kh_dict *d, const char *path, kh_dict_warn_fn warn,
                 void *ctx, kh_petr_stats *st, kh_error *err)
{
    kh_petr_stats local;
    if (!st) {
        memset(&local, 0, sizeof local);
        st = &local;
    }
    struct stat sb;
    if (!path || stat(path, &sb) != 0)
        return kh_fail(err, KH_EIO, path ? path : "", 0, 0, "%s",
                       path ? strerror(errno) : "no path");
    if (S_ISDIR(sb.st_mode))
        return read_folder(d, path, warn, ctx, st, err);
    const char *kind = kind_of(path);
    if (!kind)
        return kh_fail(err, KH_EUSAGE, path, 0, 0,
                       "not a PETRARCH dictionary name (CAMEO*.txt, "
                       "*verbs*, *actors*, *agents* or *discards*)");
    return read_one(d, path, kind, warn, ctx, st, err);
}

int kh_dict_read_petrarch(kh_dict *d, const char *path, kh_dict_warn_fn warn,
                          void *ctx, kh_error *err)
{
    return kh_petr_read(d, path, warn, ctx, NULL, err);
}
