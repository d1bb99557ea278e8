/*
 * main.c - the khaldun command: dispatches to a subcommand.
 *
 * The command line is a thin layer over libkhaldun: every subcommand calls
 * only the public API of include/khaldun.h.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: khaldun COMMAND [OPTIONS] [ARGS]\n"
    "\n"
    "commands:\n"
    "  code [FILE|DIR ...]   code articles; print one JSON object per article\n"
    "  tag [FILE|DIR ...]    print each sentence as word_TAG (parts of speech)\n"
    "  validate SUITE        run a TABARI or PETRARCH validation suite\n"
    "  ingest [FILE|DIR ...] code articles into a store (khaldun.db)\n"
    "  search QUERY          search the stored articles\n"
    "  events                list the stored events, filtered\n"
    "  export --format F     write the stored events (gdelt, csv, jsonl)\n"
    "  serve                 the JSON API and the web page over a store\n"
    "  version               print the version\n"
    "\n"
    "Run 'khaldun COMMAND --help' for a command's options.\n";

void kh_cli_error(const kh_error *err)
{
    char buf[1024];
    fprintf(stderr, "khaldun: %s\n", kh_error_format(err, buf, sizeof buf));
}

int kh_cli_input_format(const char *arg)
{
    static const struct { const char *name; int format; } formats[] = {
        {"text", KH_INPUT_TEXT}, {"jsonl", KH_INPUT_JSONL},
        {"html", KH_INPUT_HTML}, {"feed", KH_INPUT_FEED},
    };
    for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
        if (strcmp(arg, formats[i].name) == 0)
            return formats[i].format;
    fprintf(stderr, "khaldun: --input must be text, jsonl, html or feed, "
            "not '%s'\n", arg);
    return -1;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage, stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "code") == 0)
        return kh_cmd_code(argc - 1, argv + 1);
    if (strcmp(cmd, "tag") == 0)
        return kh_cmd_tag(argc - 1, argv + 1);
    if (strcmp(cmd, "validate") == 0)
        return kh_cmd_validate(argc - 1, argv + 1);
    if (strcmp(cmd, "ingest") == 0)
        return kh_cmd_ingest(argc - 1, argv + 1);
    if (strcmp(cmd, "search") == 0)
        return kh_cmd_search(argc - 1, argv + 1);
    if (strcmp(cmd, "events") == 0)
        return kh_cmd_events(argc - 1, argv + 1);
    if (strcmp(cmd, "export") == 0)
        return kh_cmd_export(argc - 1, argv + 1);
    if (strcmp(cmd, "serve") == 0)
        return kh_cmd_serve(argc - 1, argv + 1);
    if (strcmp(cmd, "version") == 0 || strcmp(cmd, "--version") == 0) {
        printf("khaldun %s\n", KH_VERSION);
        return 0;
    }
    if (strcmp(cmd, "help") == 0 || strcmp(cmd, "--help") == 0 ||
        strcmp(cmd, "-h") == 0) {
        fputs(usage, stdout);
        return 0;
    }
    fprintf(stderr, "khaldun: unknown command '%s'\n\n%s", cmd, usage);
    return 2;
}
