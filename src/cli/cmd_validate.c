/*
 * cmd_validate.c - `khaldun validate`: a TABARI or PETRARCH suite.
 *
 * Prints each failing record (id, what was expected, what was coded),
 * then the event-level scores (precision, recall and F1 over (source,
 * target, code) triples, the same at the level of the CAMEO root, and the
 * kinds of errors), with --by-root a table of them by root, and ends with
 * "N passed, N failed".  Exit status: 0 when every record passed, 1 when
 * some failed, 2 when the suite could not run.
 */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: khaldun validate [-q] [--by-root] SUITE\n"
    "\n"
    "Runs a validation suite and reports each failing record:\n"
    "  a TABARI validation file (Validate.text, with Validate.project\n"
    "  and the dictionaries it names beside it), or\n"
    "  a PETRARCH unit-test file (*.xml, with the dictionaries its\n"
    "  <Environment> names beside it).\n"
    "Then the events: precision (matched / coded), recall (matched /\n"
    "expected) and F1, where an event matches when its source, target\n"
    "and code are all right; the same counting a right root as enough;\n"
    "and what the other events got wrong.\n"
    "\n"
    "options:\n"
    "  -q, --quiet   print only the scores and the summary line\n"
    "  -r, --by-root the scores by CAMEO root, as a table\n"
    "  --no-tags     code without part-of-speech tags\n"
    "  -h, --help    show this help\n";

/* The roots' names (CAMEO codebook), for the table. */
static const char *const root_name[21] = {
    "(no root 01-20)", "public statement", "appeal",
    "intent to cooperate", "consult", "diplomatic cooperation",
    "material cooperation", "provide aid", "yield", "investigate",
    "demand", "disapprove", "reject", "threaten", "protest",
    "force posture", "reduce relations", "coerce", "assault", "fight",
    "mass violence",
};

/* a / b as a percentage, or -1 when b is 0 (printed as "-"). */
static double pct(int a, int b)
{
    return b ? 100.0 * a / b : -1;
}

static void put_pct(double v)
{
    if (v < 0)
        printf("%7s", "-");
    else
        printf("%6.1f%%", v);
}

static double f1(double p, double r)
{
    return p < 0 || r < 0 || p + r == 0 ? (p < 0 || r < 0 ? -1 : 0)
                                        : 2 * p * r / (p + r);
}

static void print_scores(const kh_validate_events *e)
{
    double p = pct(e->matched, e->coded), r = pct(e->matched, e->expected);
    int rm = e->matched + e->root_matched;
    double rp = pct(rm, e->coded), rr = pct(rm, e->expected);
    printf("events: %d expected, %d coded, %d matched: precision", e->expected,
           e->coded, e->matched);
    put_pct(p);
    printf(" recall");
    put_pct(r);
    printf(" F1");
    put_pct(f1(p, r));
    printf("\nroot level (right actors and root): %d matched: precision", rm);
    put_pct(rp);
    printf(" recall");
    put_pct(rr);
    printf(" F1");
    put_pct(f1(rp, rr));
    printf("\nerrors: %d wrong sub-code, %d wrong root, %d wrong actor, "
           "%d missed, %d spurious\n", e->root_matched, e->wrong_code,
           e->wrong_actor, e->missed, e->spurious);
}

static void print_by_root(const kh_validate_stats *st)
{
    printf("\nroot %-22s %7s %8s %6s %7s %7s %7s %7s %6s %6s %6s %6s\n",
           "", "records", "expected", "coded", "matched", "prec", "recall",
           "subcode", "root", "actor", "missed", "spur");
    for (int i = 1; i <= 21; i++) {
        int k = i % 21;   /* the row of codes without a root comes last */
        const kh_validate_events *e = &st->by_root[k];
        if (k == 0 && !e->expected && !e->coded)
            continue;
        char num[8] = "--";
        if (k)
            snprintf(num, sizeof num, "%02d", k);
        printf("%-4s %-22s %7d %8d %6d %7d ", num, root_name[k], e->records,
               e->expected, e->coded, e->matched);
        put_pct(pct(e->matched, e->coded));
        put_pct(pct(e->matched, e->expected));
        printf(" %7d %6d %6d %6d %6d\n", e->root_matched, e->wrong_code,
               e->wrong_actor, e->missed, e->spurious);
    }
    printf("\n");
}

int kh_cmd_validate(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"quiet", no_argument, NULL, 'q'},
        {"by-root", no_argument, NULL, 'r'},
        {"no-tags", no_argument, NULL, 'T'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int quiet = 0, by_root = 0, c;
    unsigned flags = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, "qrh", longopts, NULL)) != -1) {
        if (c == 'q') {
            quiet = 1;
        } else if (c == 'r') {
            by_root = 1;
        } else if (c == 'T') {
            flags |= KH_VALIDATE_NO_TAGS;
        } else if (c == 'h') {
            fputs(usage, stdout);
            return 0;
        } else {
            fputs(usage, stderr);
            return 2;
        }
    }
    if (optind != argc - 1) {
        fputs(usage, stderr);
        return 2;
    }
    kh_validate_stats st;
    kh_error err = {0};
    if (kh_validate(argv[optind], flags, quiet ? NULL : stdout, &st, &err) != KH_OK) {
        kh_cli_error(&err);
        return 2;
    }
    if (by_root)
        print_by_root(&st);
    print_scores(&st.events);
    printf("%d passed, %d failed\n", st.passed, st.failed);
    return st.failed ? 1 : 0;
}
