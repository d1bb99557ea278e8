/*
 * cmd_validate.c - `khaldun validate`: a TABARI or PETRARCH suite.
 *
 * Prints each failing record (id, what was expected, what was coded) and
 * ends with "N passed, N failed".  Exit status: 0 when every record
 * passed, 1 when some failed, 2 when the suite could not run.
 */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: khaldun validate [-q] SUITE\n"
    "\n"
    "Runs a validation suite and reports each failing record:\n"
    "  a TABARI validation file (Validate.text, with Validate.project\n"
    "  and the dictionaries it names beside it), or\n"
    "  a PETRARCH unit-test file (*.xml, with the dictionaries its\n"
    "  <Environment> names beside it).\n"
    "\n"
    "options:\n"
    "  -q, --quiet   print only the summary line\n"
    "  --no-tags     code without part-of-speech tags\n"
    "  -h, --help    show this help\n";

int kh_cmd_validate(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"quiet", no_argument, NULL, 'q'},
        {"no-tags", no_argument, NULL, 'T'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int quiet = 0, c;
    unsigned flags = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, "qh", longopts, NULL)) != -1) {
        if (c == 'q') {
            quiet = 1;
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
    printf("%d passed, %d failed\n", st.passed, st.failed);
    return st.failed ? 1 : 0;
}
