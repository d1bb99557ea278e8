/*
 * cmd_export.c - `khaldun export`: every event of a store (or those a
 * filter takes) as GDELT 2.0 event rows, CSV or JSON Lines.
 */
#include "cli.h"
#include "store_cli.h"

#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: khaldun export --format gdelt|csv|jsonl [OPTIONS]\n"
    "\n"
    "Writes the events of a store, in the order they were stored:\n"
    "  gdelt   GDELT 2.0's event table: 61 tab-separated columns, no header\n"
    "          (README.md says which columns Khaldun fills)\n"
    "  csv     one event per row, with a header line\n"
    "  jsonl   one event per line, with its mentions (--no-mentions: not)\n"
    "\n"
    KH_CLI_FILTER_HELP
    "\n"
    "options:\n"
    "  -o, --output FILE    write to FILE instead of standard output\n"
    "  --no-mentions        jsonl: leave out each event's mentions\n"
    "  --db FILE            the store (default: $KHALDUN_DB, else\n"
    "                       khaldun.db)\n"
    "  -h, --help           show this help\n";

int kh_cmd_export(int argc, char **argv)
{
    static const struct option longopts[] = {
        KH_CLI_FILTER_OPTIONS,
        {"db", required_argument, NULL, 'b'},
        {"format", required_argument, NULL, 'f'},
        {"output", required_argument, NULL, 'o'},
        {"no-mentions", no_argument, NULL, 'n'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    kh_cli_filter cf;
    memset(&cf, 0, sizeof cf);
    cf.f.order = KH_ORDER_ID;
    const char *db = NULL, *out_path = NULL;
    int format = 0, c;
    unsigned flags = KH_EXPORT_MENTIONS;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
        int k = kh_cli_filter_option(&cf, c, optarg);
        if (k < 0)
            return 2;
        if (k > 0)
            continue;
        switch (c) {
        case 'b': db = optarg; break;
        case 'f':
            if (strcmp(optarg, "gdelt") == 0)
                format = KH_FORMAT_GDELT;
            else if (strcmp(optarg, "csv") == 0)
                format = KH_FORMAT_CSV;
            else if (strcmp(optarg, "jsonl") == 0)
                format = KH_FORMAT_JSONL;
            else {
                fprintf(stderr, "khaldun: --format must be gdelt, csv or "
                        "jsonl, not '%s'\n", optarg);
                return 2;
            }
            break;
        case 'o': out_path = optarg; break;
        case 'n': flags = 0; break;
        case 'h': fputs(usage, stdout); return 0;
        default: fputs(usage, stderr); return 2;
        }
    }
    if (!format) {
        fputs("khaldun: export needs --format gdelt, csv or jsonl\n\n",
              stderr);
        fputs(usage, stderr);
        return 2;
    }
    if (optind < argc) {
        fprintf(stderr, "khaldun: export takes no arguments ('%s'); filters "
                "are options (see --help)\n", argv[optind]);
        return 2;
    }
    kh_error err = {0};
    db = kh_cli_db_path(db);
    kh_store *s = kh_store_open(db, KH_STORE_READONLY, &err);
    if (!s) {
        kh_cli_error(&err);
        return 2;
    }
    if (kh_cli_filter_finish(&cf, s) < 0) {
        kh_store_close(s);
        return 2;
    }
    FILE *out = stdout;
    if (out_path && !(out = fopen(out_path, "w"))) {
        perror(out_path);
        kh_store_close(s);
        return 2;
    }
    int rc = kh_store_export(s, &cf.f, format,
                             format == KH_FORMAT_JSONL ? flags : 0, out,
                             &err);
    kh_store_close(s);
    int werr = out == stdout ? fflush(out) : fclose(out);
    if (rc != KH_OK) {
        kh_cli_error(&err);
        return rc == KH_EUSAGE ? 2 : 1;
    }
    if (werr != 0) {
        perror(out_path ? out_path : "khaldun: write");
        return 1;
    }
    return 0;
}
