/*
 * bench_text.c - throughput of read + normalise + split + tokenise.
 *
 * usage: bench_text CORPUS [REPEAT]
 *
 * Reads the corpus through the public reader (JSON Lines decoding
 * included), runs the text stages, and reports input megabytes per second
 * of CPU time on one core, with articles, sentences and tokens counted so
 * that the work is not optimised away.  The best of REPEAT runs is kept.
 */
#include "khaldun.h"
#include "clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_text CORPUS [REPEAT]\n");
        return 2;
    }
    int repeat = argc > 2 ? atoi(argv[2]) : 3;
    kh_pipeline_opts po = {.stages = KH_STAGE_TEXT};
    kh_pipeline *p = kh_pipeline_new(&po, NULL);
    double best = 1e30;
    size_t bytes = 0, docs = 0, sents = 0, toks = 0;
    for (int r = 0; r < repeat; r++) {
        bytes = docs = sents = toks = 0;
        double t0 = cpu_now();
        kh_reader *rd = kh_reader_open((const char *const *)argv + 1, 1, NULL);
        kh_doc *d;
        kh_error err;
        int rc;
        while ((rc = kh_reader_next(rd, &d, &err)) != 0) {
            if (rc < 0) {
                char buf[600];
                fprintf(stderr, "bench_text: %s\n",
                        kh_error_format(&err, buf, sizeof buf));
                continue;
            }
            kh_process(p, d, NULL);
            size_t len;
            kh_doc_input(d, &len);
            bytes += len;
            docs++;
            sents += kh_doc_sentence_count(d);
            toks += kh_doc_token_count(d);
            kh_doc_free(d);
        }
        kh_reader_close(rd);
        double t = cpu_now() - t0;
        if (t < best)
            best = t;
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("text stages: %.1f MB of article text, %zu articles, %zu sentences,"
           " %zu tokens\n", (double)bytes / 1e6, docs, sents, toks);
    printf("text stages: %.3f s CPU (best of %d), %.0f MB/s, %.0f sentences/s,"
           " peak RSS %.1f MB\n", best, repeat, (double)bytes / 1e6 / best,
           (double)sents / best, (double)ru.ru_maxrss / 1024.0);
    kh_pipeline_free(p);
    return 0;
}
