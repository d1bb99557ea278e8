/*
 * cmd_tag.c - `khaldun tag`: articles in, part-of-speech tags out.
 *
 * The output is the Stanford tagger's: one sentence a line, each token as
 * word_TAG (word_TAG_lemma with --lemma), separated by spaces, and a blank
 * line between articles.  Inputs, options and errors are those of `khaldun
 * code` (cmd_code.c): an input that fails is reported on stderr and the
 * others go on; the exit status is 0 when every input was tagged, 1 when
 * any failed, 2 for a usage error or a missing model.
 */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: khaldun tag [OPTIONS] [FILE|DIR|- ...]\n"
    "\n"
    "Tags news articles with Penn Treebank parts of speech and prints each\n"
    "sentence on one line as word_TAG tokens (the Stanford tagger's format),\n"
    "with a blank line between articles.  Inputs are those of 'khaldun\n"
    "code': plain-text articles, JSON Lines, directories, and - for standard\n"
    "input (the default).\n"
    "\n"
    "options:\n"
    "  --lemma              print word_TAG_lemma\n"
    "  --data DIR           folder of the model files (default: $KHALDUN_DATA,\n"
    "                       else the build's build/data)\n"
    KH_CLI_INPUT_HELP
    "  --max-bytes N        largest article or JSON line accepted\n"
    "                       (default 16777216)\n"
    "  -o, --output FILE    write to FILE instead of standard output\n"
    "  -h, --help           show this help\n";

/* The document's warnings on stderr, as `khaldun code` prints them. */
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

/* Writes the tagged sentences of doc; returns 0, or -1 on a write error. */
static int write_tags(const kh_doc *doc, int lemma, FILE *out)
{
    size_t len;
    const char *in = kh_doc_input(doc, &len);
    for (size_t s = 0; s < kh_doc_sentence_count(doc); s++) {
        size_t first, last;
        kh_doc_sentence_tokens(doc, s, &first, &last);
        for (size_t i = first; i < last; i++) {
            size_t a, b;
            kh_doc_token(doc, i, &a, &b, NULL);
            const char *tag = kh_doc_token_tag(doc, i);
            fprintf(out, "%s%.*s_%s", i > first ? " " : "", (int)(b - a),
                    in + a, tag ? tag : "");
            if (lemma) {
                const char *l = kh_doc_token_lemma(doc, i);
                fprintf(out, "_%s", l ? l : "");
            }
        }
        if (last > first)
            fputc('\n', out);
    }
    return ferror(out) ? -1 : 0;
}

int kh_cmd_tag(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"lemma", no_argument, NULL, 'l'},
        {"data", required_argument, NULL, 'D'},
        {"input", required_argument, NULL, 'i'},
        {"max-bytes", required_argument, NULL, 'm'},
        {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    kh_read_opts ropts = {0};
    kh_pipeline_opts popts = {.stages = KH_STAGE_TEXT | KH_STAGE_TAG};
    const char *out_path = NULL;
    int lemma = 0, c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'l':
            lemma = 1;
            break;
        case 'D':
            popts.data_dir = optarg;
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
    int failed = 0, written = 0;
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
            if ((written++ && fputc('\n', out) == EOF) ||
                write_tags(doc, lemma, out) != 0) {
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
