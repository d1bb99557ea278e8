/*
 * cmd_code.c - `khaldun code`: articles in, JSON Lines out.
 *
 * Reads every input in turn; an input that fails is reported on stderr
 * (file, line, what is wrong) and the others go on.  The exit status is 0
 * when every input was coded, 1 when any failed, 2 for a usage error.
 */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: khaldun code [OPTIONS] [FILE|DIR|- ...]\n"
    "\n"
    "Codes news articles and prints one JSON object per article (JSON Lines).\n"
    "Inputs: plain-text articles (an optional 'Source – Dateline' first line,\n"
    "the body, an optional source-URL last line), JSON Lines files (one\n"
    "{\"id\",\"text\",...} per line), HTML pages (the story's text, title,\n"
    "URL and date), RSS and Atom feeds (one article per item),\n"
    "directories (read recursively) and - for standard input (the\n"
    "default).\n"
    "\n"
    "options:\n"
    "  --date YYYY-MM-DD    story date for articles that have none\n"
    "  --dict PATH          code events with these dictionaries: a TABARI\n"
    "                       .project (or .actors/.verbs/... file) or a\n"
    "                       folder or file of PETRARCH dictionaries\n"
    "                       (default: the bundled ones)\n"
    KH_CLI_INPUT_HELP
    "  --max-bytes N        largest article or JSON line accepted\n"
    "                       (default 16777216)\n"
    "  -o, --output FILE    write to FILE instead of standard output\n"
    "  -h, --help           show this help\n";

static void print_warnings(const kh_doc *doc)
{
    long line;
    const char *origin = kh_doc_origin(doc, &line);
    for (size_t i = 0; i < kh_doc_warning_count(doc); i++) {
        if (line > 0)
            fprintf(stderr, "khaldun: %s:%ld: warning: %s\n",
                    origin ? origin : "<input>", line, kh_doc_warning(doc, i));
        else
            fprintf(stderr, "khaldun: %s: warning: %s\n",
                    origin ? origin : "<input>", kh_doc_warning(doc, i));
    }
}

/* A bad dictionary line: reported, skipped, the rest loads. */
static void dict_warning(void *ctx, const kh_error *e)
{
    (void)ctx;
    char buf[1024];
    fprintf(stderr, "khaldun: warning: %s\n",
            kh_error_format(e, buf, sizeof buf));
}

int kh_cmd_code(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"date", required_argument, NULL, 'd'},
        {"dict", required_argument, NULL, 'D'},
        {"input", required_argument, NULL, 'i'},
        {"max-bytes", required_argument, NULL, 'm'},
        {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    kh_read_opts ropts = {0};
    kh_pipeline_opts popts = {0};
    const char *out_path = NULL;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'd':
            popts.default_date = optarg;
            break;
        case 'D':
            popts.dict_path = optarg;
            break;
        case 'i':
            if ((ropts.format = kh_cli_input_format(optarg)) < 0)
                return 2;
            break;
        case 'm': {
            char *end;
            unsigned long long v = strtoull(optarg, &end, 10);
            if (*end || v == 0 || v > (1ull << 30)) {
                fprintf(stderr, "khaldun: --max-bytes must be a number from "
                        "1 to 1073741824, not '%s'\n", optarg);
                return 2;
            }
            ropts.max_bytes = (size_t)v;
            break;
        }
        case 'o':
            out_path = optarg;
            break;
        case 'h':
            fputs(usage, stdout);
            return 0;
        default:
            fputs(usage, stderr);
            return 2;
        }
    }
    kh_error err = {0};
    popts.dict_warn = dict_warning;
    kh_pipeline *p = kh_pipeline_new(&popts, &err);
    if (!p) {
        kh_cli_error(&err);
        return 2;
    }
    FILE *out = stdout;
    if (out_path && !(out = fopen(out_path, "w"))) {
        perror(out_path);
        kh_pipeline_free(p);
        return 2;
    }
    kh_reader *r = kh_reader_open((const char *const *)argv + optind,
                                  (size_t)(argc - optind), &ropts);
    int failed = 0;
    kh_doc *doc;
    int rc;
    while ((rc = kh_reader_next(r, &doc, &err)) != 0) {
        if (rc < 0) {
            kh_cli_error(&err);
            failed++;
            continue;
        }
        if (kh_process(p, doc, &err) != KH_OK) {
            kh_cli_error(&err);
            failed++;
        } else {
            print_warnings(doc);
            if (kh_write_json(doc, out) != KH_OK) {
                perror("khaldun: write");
                kh_doc_free(doc);
                failed++;
                break;
            }
        }
        kh_doc_free(doc);
    }
    kh_reader_close(r);
    kh_pipeline_free(p);
    if (out != stdout) {
        if (fclose(out) != 0) {
            perror(out_path);
            failed++;
        }
    } else if (fflush(stdout) != 0) {
        perror("khaldun: write");
        failed++;
    }
    return failed ? 1 : 0;
}
