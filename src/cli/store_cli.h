/*
 * store_cli.h - what the store's subcommands share: the --db option, the
 * event filter options, and the event table.
 */
#ifndef KH_STORE_CLI_H
#define KH_STORE_CLI_H

#include "khaldun.h"

#include <getopt.h>
#include <stdio.h>

/* The store a command uses: --db, else $KHALDUN_DB, else khaldun.db. */
const char *kh_cli_db_path(const char *opt);

/* Long options of the event filters (their codes start at 1000), for a
 * command's getopt_long table. */
#define KH_CLI_FILTER_OPTIONS \
    {"actor", required_argument, NULL, 1000}, \
    {"source", required_argument, NULL, 1001}, \
    {"target", required_argument, NULL, 1002}, \
    {"cameo", required_argument, NULL, 1003}, \
    {"root", required_argument, NULL, 1004}, \
    {"plover", required_argument, NULL, 1005}, \
    {"quad", required_argument, NULL, 1006}, \
    {"country", required_argument, NULL, 1007}, \
    {"place", required_argument, NULL, 1008}, \
    {"date", required_argument, NULL, 1009}, \
    {"since", required_argument, NULL, 1010}, \
    {"until", required_argument, NULL, 1011}, \
    {"article", required_argument, NULL, 1012}, \
    {"id", required_argument, NULL, 1013}

#define KH_CLI_FILTER_HELP \
    "filters (each one given must match):\n" \
    "  --actor A            source or target: a code or its start in\n" \
    "                       capitals (USA matches USAGOV), or words of a\n" \
    "                       name as written (\"prime minister\")\n" \
    "  --source A, --target A   the same, for one side\n" \
    "  --cameo CODE         a CAMEO code and those under it (19, 190, 1951)\n" \
    "  --root RR            a CAMEO root (01 to 20)\n" \
    "  --plover TYPE        a PLOVER type (ASSAULT, PROTEST, ...)\n" \
    "  --quad N             quad class: 1 verbal cooperation, 2 material\n" \
    "                       cooperation, 3 verbal conflict, 4 material\n" \
    "                       conflict\n" \
    "  --country ISO3       in that country, or an actor of it (IRQ)\n" \
    "  --place NAME         at that place\n" \
    "  --date RANGE         2024, 2024-01, 2024-01-06, or FROM..TO (either\n" \
    "                       side may be left out: 2024-01..)\n" \
    "  --since D, --until D the same, one side at a time\n" \
    "  --article ID         reported by this article (its id)\n" \
    "  --id N               one event\n"

/* A filter being read from the command line; the dates and the article
 * are resolved by kh_cli_filter_finish. */
typedef struct kh_cli_filter {
    kh_event_filter f;
    char from[11], to[11];
    const char *article_id;
} kh_cli_filter;

/* Handles option c (with optarg); returns 1 when it was a filter option,
 * 0 when it was not, -1 after printing what is wrong with its value. */
int kh_cli_filter_option(kh_cli_filter *cf, int c, const char *arg);

/* Resolves --article ID in the store; returns 0, or -1 after printing an
 * error. */
int kh_cli_filter_finish(kh_cli_filter *cf, kh_store *s);

/* A count or size option: a whole number from 0 to max. */
int kh_cli_number(const char *opt, const char *arg, size_t max, size_t *out);

/* The event table: its header line and one row per event, as wide as the
 * terminal allows (width 0: 120). */
void kh_cli_table_header(FILE *f, int width);
void kh_cli_table_row(FILE *f, int width, const kh_store_event *ev);

/* The terminal's width, or 0 when out is not a terminal. */
int kh_cli_term_width(FILE *out);

#endif
