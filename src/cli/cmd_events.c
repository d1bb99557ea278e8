/*
 * cmd_events.c - `khaldun events`: the events of a store, filtered.
 *
 * On a terminal, a table of the newest events (50 unless --limit says
 * else) and how many match; otherwise JSON Lines (or CSV, or GDELT rows)
 * of every event that matches, for other programs.
 */
#include "cli.h"
#include "store_cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: khaldun events [OPTIONS]\n"
    "\n"
    "Lists the events of a store, newest first: a table on a terminal,\n"
    "else one JSON object per line.\n"
    "\n"
    KH_CLI_FILTER_HELP
    "\n"
    "output:\n"
    "  --format F           table, jsonl, csv or gdelt (default: table on a\n"
    "                       terminal, else jsonl)\n"
    "  --limit N            at most N events (default: 50 in a table, else\n"
    "                       all)\n"
    "  --offset N           skip the first N\n"
    "  --order O            newest, oldest, mentions or id\n"
    "  --mentions           with each event, the sentences that report it\n"
    "  --count              print only how many events match\n"
    "  --db FILE            the store (default: $KHALDUN_DB, else\n"
    "                       khaldun.db)\n"
    "  -h, --help           show this help\n";

enum { FMT_TABLE = 100 };

typedef struct {
    FILE *out;
    int format, width, mentions;
    kh_store *s;
    int failed;
    kh_error err;
    size_t max;          /* table: rows to print (0: all) */
    size_t rows;         /* rows seen */
} ctx;

static int print_mention(void *p, const kh_store_mention *m)
{
    ctx *c = p;
    if (c->format == FMT_TABLE) {
        fprintf(c->out, "       %s, sentence %zu: ",
                m->article_id ? m->article_id : "?", m->sentence + 1);
        /* the sentence on one line */
        for (const char *t = m->sentence_text; t && *t; t++)
            fputc(*t == '\n' || *t == '\r' || *t == '\t' ? ' ' : *t,
                  c->out);
        fputc('\n', c->out);
    }
    return 0;
}

static int print_event(void *p, const kh_store_event *ev)
{
    ctx *c = p;
    if (c->format == FMT_TABLE) {
        if (++c->rows > c->max && c->max)
            return 1;   /* the row past the page: more match */
        kh_cli_table_row(c->out, c->width, ev);
        if (c->mentions &&
            kh_store_mentions(c->s, ev->id, 5, print_mention, c, &c->err) !=
                KH_OK)
            return c->failed = 1;
        return 0;
    }
    if (kh_store_write_event(c->out, c->format, ev) != KH_OK)
        return c->failed = 1;
    return 0;
}

static int parse_format(const char *s, int *out)
{
    static const char *const names[] = {"table", "jsonl", "csv", "gdelt"};
    static const int values[] = {FMT_TABLE, KH_FORMAT_JSONL, KH_FORMAT_CSV,
                                 KH_FORMAT_GDELT};
    for (int i = 0; i < 4; i++)
        if (strcmp(s, names[i]) == 0)
            return *out = values[i], 0;
    fprintf(stderr, "khaldun: --format must be table, jsonl, csv or gdelt, "
            "not '%s'\n", s);
    return -1;
}

static int parse_order(const char *s, int *out)
{
    static const char *const names[] = {"newest", "oldest", "mentions",
                                        "id"};
    static const int values[] = {KH_ORDER_NEWEST, KH_ORDER_OLDEST,
                                 KH_ORDER_MENTIONS, KH_ORDER_ID};
    for (int i = 0; i < 4; i++)
        if (strcmp(s, names[i]) == 0)
            return *out = values[i], 0;
    fprintf(stderr, "khaldun: --order must be newest, oldest, mentions or "
            "id, not '%s'\n", s);
    return -1;
}

int kh_cmd_events(int argc, char **argv)
{
    static const struct option longopts[] = {
        KH_CLI_FILTER_OPTIONS,
        {"db", required_argument, NULL, 'b'},
        {"format", required_argument, NULL, 'f'},
        {"limit", required_argument, NULL, 'l'},
        {"offset", required_argument, NULL, 'o'},
        {"order", required_argument, NULL, 'O'},
        {"mentions", no_argument, NULL, 'm'},
        {"count", no_argument, NULL, 'c'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    kh_cli_filter cf;
    memset(&cf, 0, sizeof cf);
    const char *db = NULL;
    int format = -1, count_only = 0, mentions = 0, have_limit = 0, c;
    size_t n;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        int k = kh_cli_filter_option(&cf, c, optarg);
        if (k < 0)
            return 2;
        if (k > 0)
            continue;
        switch (c) {
        case 'b': db = optarg; break;
        case 'f':
            if (parse_format(optarg, &format) < 0)
                return 2;
            break;
        case 'l':
            if (kh_cli_number("--limit", optarg, SIZE_MAX / 2, &n) < 0)
                return 2;
            cf.f.limit = n;
            have_limit = 1;
            break;
        case 'o':
            if (kh_cli_number("--offset", optarg, SIZE_MAX / 2, &n) < 0)
                return 2;
            cf.f.offset = n;
            break;
        case 'O':
            if (parse_order(optarg, &cf.f.order) < 0)
                return 2;
            break;
        case 'm': mentions = 1; break;
        case 'c': count_only = 1; break;
        case 'h': fputs(usage, stdout); return 0;
        default: fputs(usage, stderr); return 2;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "khaldun: events takes no arguments ('%s'); filters "
                "are options (see --help)\n", argv[optind]);
        return 2;
    }
    int width = kh_cli_term_width(stdout);
    if (format < 0)
        format = width ? FMT_TABLE : KH_FORMAT_JSONL;
    if (format == FMT_TABLE && !have_limit)
        cf.f.limit = 50;
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
    int rc = KH_OK;
    if (count_only) {
        int64_t total = 0;
        rc = kh_store_count_events(s, &cf.f, 0, &total, &err);
        if (rc == KH_OK)
            printf("%lld\n", (long long)total);
    } else {
        ctx x = {stdout, format, width, mentions, s, 0, {0}, 0, 0};
        if (format == FMT_TABLE) {
            /* One row more than the page says whether more match, which
             * costs nothing, where counting them all could cost more than
             * the page (--count counts). */
            x.max = cf.f.limit;
            if (cf.f.limit)
                cf.f.limit++;
            kh_cli_table_header(stdout, width);
            rc = kh_store_events(s, &cf.f, print_event, &x, &err);
        } else if (format == KH_FORMAT_JSONL && mentions) {
            rc = kh_store_export(s, &cf.f, format, KH_EXPORT_MENTIONS,
                                 stdout, &err);
        } else {
            rc = kh_store_write_header(stdout, format);
            if (rc == KH_OK)
                rc = kh_store_events(s, &cf.f, print_event, &x, &err);
        }
        if (rc == KH_OK && x.failed) {
            err = x.err;
            rc = err.code ? err.code : KH_EIO;
            if (!err.message[0])
                snprintf(err.message, sizeof err.message,
                         "cannot write the output");
        }
        if (rc == KH_OK && format == FMT_TABLE) {
            int more = x.max && x.rows > x.max;
            size_t shown = more ? x.max : x.rows;
            printf("%zu event%s", shown, shown == 1 ? "" : "s");
            if (more)
                printf("; more match (--offset %zu shows the next, --count "
                       "counts them)", cf.f.offset + shown);
            putchar('\n');
        }
    }
    kh_store_close(s);
    if (fflush(stdout) != 0 && rc == KH_OK) {
        perror("khaldun: write");
        return 1;
    }
    if (rc != KH_OK) {
        kh_cli_error(&err);
        return rc == KH_EUSAGE ? 2 : 1;
    }
    return 0;
}
