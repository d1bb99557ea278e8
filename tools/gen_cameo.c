/*
 * gen_cameo.c - compiles data/cameo/cameo.tsv into the C table that
 * libkhaldun links (src/code/cameo_table.c).
 *
 *   gen_cameo [-o OUT.c] TSV      (stdout when -o is not given)
 *
 * The table is checked in, as utf8proc checks in its generated tables, so
 * that building the library never needs this program; `make tables` runs it
 * and a unit test regenerates and diffs, so the TSV and the C cannot drift.
 *
 * Every row is validated before anything is written, and each problem is
 * reported as "file:line: what is wrong" (all of them, not just the first),
 * so a bad edit to the TSV is named exactly.  On any problem the exit status
 * is 1 and OUT.c is left as it was: a half-written table is never compiled.
 * The output depends only on the TSV's rows (sorted by code), never on the
 * order they were written in, the time, or the machine.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NCOLS 7
static const char *const header[NCOLS] = {
    "code", "name", "goldstein", "quad",
    "plover_type", "plover_mode", "plover_context"};

/* The PLOVER event types (PLOVER manual, 2021); "-" is none (CAMEO roots 01
 * and 02, which PLOVER drops). */
static const char *const plover_types[] = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID",
    "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST",
    "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"};

typedef struct {
    char *f[NCOLS];   /* the fields, as written */
    long line;
    double goldstein;
} row;

static const char *path;   /* the TSV, for messages */
static int nerrors;

static void bad(long line, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void bad(long line, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s:%ld: ", path, line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    nerrors++;
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n);
    if (!p) {
        fprintf(stderr, "gen_cameo: out of memory\n");
        exit(2);
    }
    return p;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xrealloc(NULL, n), s, n);
}

static int all_digits(const char *s)
{
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return 0;
    return 1;
}

/* The standard CAMEO quad class of a root 1..20. */
static int quad_of_root(int root)
{
    return root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
}

/* -?D{1,2}.D: Goldstein weights are published to one decimal, and a fixed
 * shape keeps the emitted literal equal to what the TSV says. */
static int parse_goldstein(const char *s, double *out)
{
    const char *p = s + (*s == '-');
    size_t int_digits = strspn(p, "0123456789");
    if (int_digits < 1 || int_digits > 2 || p[int_digits] != '.' ||
        strspn(p + int_digits + 1, "0123456789") != 1 ||
        p[int_digits + 2] != '\0')
        return 0;
    *out = strtod(s, NULL);
    return 1;
}

/* PLOVER modes and contexts are lower-case words; ';' separates the
 * contexts of a code that has several ("military;legal"). */
static int plover_word(const char *s)
{
    return *s && strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_-;") ==
                     strlen(s) && s[0] != ';' && s[strlen(s) - 1] != ';';
}

static void check_row(const row *r, const row *rows, size_t n)
{
    const char *code = r->f[0];
    size_t len = strlen(code);
    int root = 0;
    if (len < 2 || len > 4 || !all_digits(code)) {
        bad(r->line, "bad code '%s': a CAMEO code is 2 to 4 digits", code);
    } else {
        root = (code[0] - '0') * 10 + (code[1] - '0');
        if (root < 1 || root > 20) {
            bad(r->line, "bad code '%s': its root %.2s is not 01..20", code,
                code);
            root = 0;
        }
    }
    for (size_t i = 0; i < n; i++)
        if (strcmp(rows[i].f[0], code) == 0) {
            bad(r->line, "duplicate code %s (first at line %ld)", code,
                rows[i].line);
            break;
        }
    if (!r->f[1][0])
        bad(r->line, "code %s has an empty name", code);
    for (const char *p = r->f[1]; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f) {
            bad(r->line, "the name of %s has a control character", code);
            break;
        }
    double g;
    if (!parse_goldstein(r->f[2], &g))
        bad(r->line, "goldstein '%s' of %s is not a number with one decimal "
            "(like -2.5)", r->f[2], code);
    else if (g < -10.0 || g > 10.0)
        bad(r->line, "goldstein %s of %s is outside -10..10", r->f[2], code);
    const char *q = r->f[3];
    if (!(q[0] >= '1' && q[0] <= '4' && q[1] == '\0'))
        bad(r->line, "bad quad '%s' of %s: a quad class is 1..4", q, code);
    else if (root && q[0] - '0' != quad_of_root(root))
        bad(r->line, "bad quad %s of %s: root %02d is quad %d (01-05 verbal "
            "cooperation 1, 06-08 material cooperation 2, 09-13 verbal "
            "conflict 3, 14-20 material conflict 4)", q, code, root,
            quad_of_root(root));
    const char *type = r->f[4];
    int known = strcmp(type, "-") == 0;
    for (size_t i = 0; !known && i < sizeof plover_types / sizeof *plover_types;
         i++)
        known = strcmp(type, plover_types[i]) == 0;
    if (!known)
        bad(r->line, "unknown PLOVER type '%s' of %s", type, code);
    for (int c = 5; c < 7; c++) {
        if (strcmp(r->f[c], "-") == 0)
            continue;
        if (!plover_word(r->f[c]))
            bad(r->line, "bad %s '%s' of %s: lower-case words, ';' between "
                "several, or '-'", header[c], r->f[c], code);
        else if (strcmp(type, "-") == 0)
            bad(r->line, "%s '%s' of %s without a PLOVER type", header[c],
                r->f[c], code);
    }
}

/* Called once every row is read, since a parent may come after its child. */
static void check_parents(const row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const char *code = rows[i].f[0];
        size_t len = strlen(code);
        if (len < 3 || len > 4 || !all_digits(code))
            continue;   /* reported already, or a root */
        int found = 0;
        for (size_t j = 0; j < n && !found; j++)
            found = strlen(rows[j].f[0]) == len - 1 &&
                    strncmp(rows[j].f[0], code, len - 1) == 0;
        if (!found)
            bad(rows[i].line, "missing parent: %s has no row for %.*s",
                code, (int)(len - 1), code);
    }
}

static int by_code(const void *a, const void *b)
{
    return strcmp(((const row *)a)->f[0], ((const row *)b)->f[0]);
}

static void put_string(FILE *out, const char *s)
{
    if (strcmp(s, "-") == 0) {
        fputs("NULL", out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fputc('\\', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

static void emit(FILE *out, const row *rows, size_t n)
{
    fprintf(out,
            "/* cameo_table.c - generated by tools/gen_cameo.c from %s.\n"
            " * Do not edit: change the TSV and run `make tables`. */\n"
            "#include \"cameo.h\"\n\n"
            "/* Sorted by code (strcmp order), for binary search; one entry a\n"
            " * line, so that a change to the TSV is a one-line diff here. */\n"
            "const kh_cameo_info kh_cameo_table[] = {\n", path);
    for (size_t i = 0; i < n; i++) {
        const row *r = &rows[i];
        fprintf(out, "    {\"%s\", ", r->f[0]);
        put_string(out, r->f[1]);
        fprintf(out, ", %.1ff, %s, ", r->goldstein, r->f[3]);
        for (int c = 4; c < 7; c++) {
            put_string(out, r->f[c]);
            fputs(c < 6 ? ", " : "},\n", out);
        }
    }
    fprintf(out, "};\n\nconst size_t kh_cameo_table_len = %zu;\n", n);
}

/* Splits line in place at tabs into at most NCOLS fields; returns how many
 * there were (more than NCOLS means too many). */
static int split(char *line, char **f)
{
    int n = 0;
    for (char *p = line;; p++) {
        if (n < NCOLS)
            f[n] = p;
        n++;
        p = strchr(p, '\t');
        if (!p)
            return n;
        *p = '\0';
    }
}

int main(int argc, char **argv)
{
    const char *out_path = NULL;
    if (argc == 4 && strcmp(argv[1], "-o") == 0)
        out_path = argv[2], path = argv[3];
    else if (argc == 2 && argv[1][0] != '-')
        path = argv[1];
    else {
        fprintf(stderr, "usage: gen_cameo [-o OUT.c] CAMEO.tsv\n");
        return 2;
    }
    FILE *in = fopen(path, "r");
    if (!in) {
        fprintf(stderr, "%s: %s\n", path, strerror(errno));
        return 1;
    }
    row *rows = NULL;
    size_t n = 0, cap = 0;
    char *line = NULL;
    size_t linecap = 0;
    ssize_t got;
    long lineno = 0;
    int seen_header = 0;
    while ((got = getline(&line, &linecap, in)) >= 0) {
        lineno++;
        while (got > 0 && (line[got - 1] == '\n' || line[got - 1] == '\r'))
            line[--got] = '\0';
        if (got == 0 || line[0] == '#')
            continue;
        char *f[NCOLS];
        int nf = split(line, f);
        if (!seen_header) {
            /* The header is required so that a reordered column is an
             * error, not a table of names in the weight column. */
            int ok = nf == NCOLS;
            for (int c = 0; ok && c < NCOLS; c++)
                ok = strcmp(f[c], header[c]) == 0;
            if (!ok) {
                bad(lineno, "expected the header line: code, name, goldstein, "
                    "quad, plover_type, plover_mode, plover_context");
                break;
            }
            seen_header = 1;
            continue;
        }
        if (nf != NCOLS) {
            bad(lineno, "%d columns, expected %d separated by tabs", nf,
                NCOLS);
            continue;
        }
        row r = {.line = lineno};
        for (int c = 0; c < NCOLS; c++)
            r.f[c] = xstrdup(f[c]);
        check_row(&r, rows, n);
        parse_goldstein(r.f[2], &r.goldstein);
        if (n == cap)
            rows = xrealloc(rows, (cap = cap ? 2 * cap : 512) * sizeof *rows);
        rows[n++] = r;
    }
    int read_error = ferror(in);
    fclose(in);
    free(line);
    if (read_error)
        bad(lineno, "read error");
    else if (!seen_header && !nerrors)
        bad(lineno ? lineno : 1, "no header line and no rows");
    check_parents(rows, n);

    int status = 0;
    if (nerrors) {
        fprintf(stderr, "%s: %d problem%s; no table written\n", path, nerrors,
                nerrors == 1 ? "" : "s");
        status = 1;
    } else {
        qsort(rows, n, sizeof *rows, by_code);
        /* Write beside the target and rename, so a failed write never
         * leaves a truncated table in src/. */
        char tmp[4096];
        FILE *out = stdout;
        if (out_path) {
            snprintf(tmp, sizeof tmp, "%s.tmp", out_path);
            out = fopen(tmp, "w");
            if (!out) {
                fprintf(stderr, "%s: %s\n", tmp, strerror(errno));
                status = 1;
            }
        }
        if (out) {
            emit(out, rows, n);
            int failed = ferror(out) | (out_path ? fclose(out) : fflush(out));
            if (!failed && out_path && rename(tmp, out_path) != 0)
                failed = 1;
            if (failed) {
                fprintf(stderr, "%s: cannot write: %s\n",
                        out_path ? out_path : "stdout", strerror(errno));
                if (out_path)
                    remove(tmp);
                status = 1;
            }
        }
    }
    for (size_t i = 0; i < n; i++)
        for (int c = 0; c < NCOLS; c++)
            free(rows[i].f[c]);
    free(rows);
    return status;
}
