/*
 * bench_code.c - end-to-end coding speed: raw text to events.
 *
 * usage: bench_code DICT GIGAWORD_XML [SENTENCES]
 *
 * Loads the dictionaries (timed), takes the <Text> of every record of a
 * PETRARCH XML file (the parses are never read), and codes them again and
 * again until SENTENCES sentences (default 20,000) have gone through the
 * whole pipeline: read, normalise, split, tokenise, tag, dates, events.
 * Reports sentences per second of CPU time on one core, events found, the
 * dictionary load time and the peak resident memory.
 */
#include "khaldun.h"
#include "clock.h"
#include "read/petrxml.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench_code DICT XML [SENTENCES]\n");
        return 2;
    }
    long want = argc > 3 ? atol(argv[3]) : 20000;
    kh_error err;
    double c0 = cpu_now(), w0 = wall_now();
    kh_dict *dict = kh_dict_load(argv[1], NULL, NULL, &err);
    double load_cpu = cpu_now() - c0, load_wall = wall_now() - w0;
    if (!dict) {
        char b[1024];
        fprintf(stderr, "bench_code: %s\n", kh_error_format(&err, b, sizeof b));
        return 1;
    }
    kh_petrxml *x = kh_petrxml_read(argv[2], NULL, NULL, &err);
    if (!x) {
        char b[1024];
        fprintf(stderr, "bench_code: %s\n", kh_error_format(&err, b, sizeof b));
        return 1;
    }
    kh_pipeline_opts po = {0};
    po.dict = dict;
    po.default_date = "2008-08-01";
    kh_pipeline *p = kh_pipeline_new(&po, &err);
    if (!p) {
        char b[1024];
        fprintf(stderr, "bench_code: %s\n", kh_error_format(&err, b, sizeof b));
        return 1;
    }
    long sents = 0, events = 0, docs = 0;
    double t0 = cpu_now();
    while (sents < want) {
        for (size_t i = 0; i < x->nrecords && sents < want; i++) {
            const char *t = x->records[i].text;
            if (!*t)
                continue;
            kh_doc *d = kh_doc_new(t, strlen(t), NULL, NULL);
            kh_process(p, d, NULL);
            sents += (long)kh_doc_sentence_count(d);
            events += (long)kh_doc_event_count(d);
            docs++;
            kh_doc_free(d);
        }
    }
    double t = cpu_now() - t0;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("coding: dictionaries %s loaded in %.3f s CPU (%.3f s wall)\n",
           argv[1], load_cpu, load_wall);
    printf("coding: %ld sentences (%ld texts, %zu distinct), %ld events, "
           "%.3f s CPU: %.0f sentences/s, peak RSS %.1f MB\n", sents, docs,
           x->nrecords, events, t, (double)sents / t,
           (double)ru.ru_maxrss / 1024.0);
    kh_pipeline_free(p);
    kh_petrxml_free(x);
    kh_dict_free(dict);
    return 0;
}
