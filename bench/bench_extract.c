/*
 * bench_extract.c - what the whole-article stages cost on top of coding.
 *
 * usage: bench_extract CORPUS [DICT] [ARTICLES] [ROUNDS] [ONLY]
 *
 * Reads the first ARTICLES articles (default 2,000) of a corpus (JSON
 * Lines, or the <Text> of the records of a PETRARCH XML file) into
 * memory, then codes them end to end (normalise, split, tokenise, tag,
 * dates, events) with and without the stages of issue 6: entities,
 * quotes, places (whatever this tree has of them).  Each configuration
 * runs ROUNDS times (default 5), interleaved, and the fastest round
 * counts, which keeps the figures steady on a shared machine.  Reports
 * sentences per second of CPU time and each configuration's speed as a
 * share of the coder's alone.  DICT is a dictionary path as `khaldun code
 * --dict` takes (default: the bundled dictionaries).
 *
 * ONLY (0-3) runs one configuration alone, each article ROUNDS times, for
 * counting instructions under `valgrind --tool=callgrind`, which a shared
 * machine does not disturb: compare kh_process's inclusive count of
 * configuration 0 with that of 2 or 3 (README.md, "Quotes and entities").
 */
#include "khaldun.h"
#include "clock.h"
#include "read/petrxml.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *name;
    unsigned stages;
    kh_pipeline *p;
    double best;
    long sents, quotes_entities;
} config;

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_extract CORPUS [DICT] [ARTICLES] "
                        "[ROUNDS] [ONLY]\n");
        return 2;
    }
    const char *dict_path = argc > 2 && *argv[2] ? argv[2] : NULL;
    size_t want = argc > 3 ? (size_t)atol(argv[3]) : 2000;
    int rounds = argc > 4 ? atoi(argv[4]) : 5;
    int only = argc > 5 ? atoi(argv[5]) : -1;
    kh_error err;
    char b[1024];

    /* the articles, in memory */
    char **texts = calloc(want + 1, sizeof *texts);
    size_t *lens = calloc(want + 1, sizeof *lens);
    size_t n = 0, bytes = 0;
    size_t pl = strlen(argv[1]);
    if (pl > 4 && strcmp(argv[1] + pl - 4, ".xml") == 0) {
        kh_petrxml *x = kh_petrxml_read(argv[1], NULL, NULL, &err);
        if (!x) {
            fprintf(stderr, "bench_extract: %s\n",
                    kh_error_format(&err, b, sizeof b));
            return 1;
        }
        for (size_t i = 0; i < x->nrecords && n < want; i++) {
            size_t len = strlen(x->records[i].text);
            if (!len)
                continue;
            texts[n] = malloc(len + 1);
            memcpy(texts[n], x->records[i].text, len + 1);
            lens[n++] = len;
            bytes += len;
        }
        kh_petrxml_free(x);
    } else {
        const char *paths[1] = {argv[1]};
        kh_reader *r = kh_reader_open(paths, 1, NULL);
        kh_doc *d;
        int rc;
        while (n < want && (rc = kh_reader_next(r, &d, &err)) != 0) {
            if (rc < 0)
                continue;
            size_t len;
            const char *in = kh_doc_input(d, &len);
            texts[n] = malloc(len + 1);
            memcpy(texts[n], in, len + 1);
            lens[n++] = len;
            bytes += len;
            kh_doc_free(d);
        }
        kh_reader_close(r);
    }
    if (!n) {
        fprintf(stderr, "bench_extract: no articles in %s\n", argv[1]);
        return 1;
    }
    kh_dict *dict = NULL;
    if (dict_path && !(dict = kh_dict_load(dict_path, NULL, NULL, &err))) {
        fprintf(stderr, "bench_extract: %s\n", kh_error_format(&err, b,
                                                                sizeof b));
        return 1;
    }
    unsigned coder = KH_STAGE_TEXT | KH_STAGE_TAG | KH_STAGE_DATES |
                     KH_STAGE_EVENTS;
    config cf[] = {
        {"coder alone (text, tags, dates, events)", coder, 0, 0, 0, 0},
        {"+ entities", coder | KH_STAGE_ENTITIES, 0, 0, 0, 0},
        {"+ entities + quotes", coder | KH_STAGE_ENTITIES | KH_STAGE_QUOTES,
         0, 0, 0, 0},
        {"everything (+ places)", KH_STAGE_ALL, 0, 0, 0, 0},
    };
    size_t ncf = sizeof cf / sizeof cf[0];
    for (size_t k = 0; k < ncf; k++) {
        kh_pipeline_opts po = {0};
        po.stages = cf[k].stages;
        po.dict = dict;
        po.default_date = "2024-01-06";
        if (!(cf[k].p = kh_pipeline_new(&po, &err))) {
            fprintf(stderr, "bench_extract: %s\n",
                    kh_error_format(&err, b, sizeof b));
            return 1;
        }
        cf[k].best = 1e30;
    }
    /* a round goes through the articles often enough to take a fair part
     * of a second (the GigaWord sample is 76 short records) */
    size_t reps = bytes ? (size_t)(2e6 / (double)bytes) : 1;
    if (reps < 1 || only >= 0)
        reps = 1;   /* one configuration: counted, not timed */
    for (int round = 0; round < rounds; round++) {
        for (size_t k = 0; k < ncf; k++) {
            if (only >= 0 && k != (size_t)only)
                continue;
            long sents = 0, found = 0;
            double t0 = cpu_now();
            for (size_t i = 0; i < n * reps; i++) {
                kh_doc *x = kh_doc_new(texts[i % n], lens[i % n], NULL, NULL);
                kh_process(cf[k].p, x, NULL);
                sents += (long)kh_doc_sentence_count(x);
                found += (long)kh_doc_event_count(x);
                kh_doc_free(x);
            }
            double t = cpu_now() - t0;
            if (t < cf[k].best)
                cf[k].best = t;
            cf[k].sents = sents;
            cf[k].quotes_entities = found;
        }
    }
    printf("extract: %zu articles x %zu, %.2f MB, %ld sentences, "
           "dictionaries %s; best of %d rounds, CPU time\n", n, reps,
           (double)bytes / 1e6, cf[0].sents,
           dict_path ? dict_path : "bundled", rounds);
    for (size_t k = 0; k < ncf; k++)
        if (only < 0 || k == (size_t)only)
            printf("extract: %-42s %.3f s  %8.0f sentences/s  %5.1f%% of "
                   "the coder's speed\n", cf[k].name, cf[k].best,
                   (double)cf[k].sents / cf[k].best,
                   100.0 * cf[0].best / cf[k].best);
    for (size_t k = 0; k < ncf; k++)
        kh_pipeline_free(cf[k].p);
    kh_dict_free(dict);
    for (size_t i = 0; i < n; i++)
        free(texts[i]);
    free(texts);
    free(lens);
    return 0;
}
