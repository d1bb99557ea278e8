/*
 * bench_dates.c - what the dates stage costs.
 *
 * usage: bench_dates DICT GIGAWORD_XML [SENTENCES]
 *
 * Takes the <Text> of every record of a PETRARCH XML file (wire stories,
 * with their "on Tuesday"s) and measures two things, in CPU time on one
 * core:
 *   1. the stage alone: each text is read, tagged and coded once without
 *      the dates stage, then kh_find_dates, kh_choose_story_date,
 *      kh_resolve_dates and kh_date_events are timed on it, as the
 *      pipeline would run them; reported in microseconds per sentence and
 *      dates found;
 *   2. end to end: the whole pipeline with and without KH_STAGE_DATES, in
 *      alternating rounds (the machine is shared: alternating keeps a slow
 *      spell from landing on one side), until SENTENCES sentences (default
 *      20,000) have gone through each; reported in sentences per second
 *      and as the ratio of the two.
 */
#include "khaldun.h"
#include "clock.h"
#include "core/doc.h"
#include "extract/extract.h"
#include "read/petrxml.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void die(const char *what, kh_error *err)
{
    char b[1024];
    fprintf(stderr, "bench_dates: %s: %s\n", what,
            kh_error_format(err, b, sizeof b));
    exit(1);
}

/* Codes texts [*next, *next + k) (wrapping) with p; returns the CPU
 * seconds and adds the sentences to *sents. */
static double round_of(kh_pipeline *p, const kh_petrxml *x, size_t from,
                       size_t k, long *sents)
{
    double t0 = cpu_now();
    for (size_t j = 0; j < k; j++) {
        const char *t = x->records[(from + j) % x->nrecords].text;
        if (!*t)
            continue;
        kh_doc *d = kh_doc_new(t, strlen(t), NULL, NULL);
        kh_process(p, d, NULL);
        *sents += (long)kh_doc_sentence_count(d);
        kh_doc_free(d);
    }
    return cpu_now() - t0;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench_dates DICT XML [SENTENCES]\n");
        return 2;
    }
    long want = argc > 3 ? atol(argv[3]) : 20000;
    kh_error err;
    kh_dict *dict = kh_dict_load(argv[1], NULL, NULL, &err);
    if (!dict)
        die(argv[1], &err);
    kh_petrxml *x = kh_petrxml_read(argv[2], NULL, NULL, &err);
    if (!x)
        die(argv[2], &err);
    const char *story = "2008-08-01";
    kh_pipeline_opts with = {.dict = dict, .default_date = story};
    kh_pipeline_opts without = with;
    without.stages = KH_STAGE_ALL & ~(unsigned)KH_STAGE_DATES;
    kh_pipeline *pw = kh_pipeline_new(&with, &err);
    kh_pipeline *po = pw ? kh_pipeline_new(&without, &err) : NULL;
    if (!pw || !po)
        die("pipeline", &err);

    /* 1. the stage alone, on documents coded without it, timed a batch
     * at a time (the CPU clock is a system call: once per document would
     * weigh more than the stage on one-sentence texts) */
    enum { BATCH = 256 };
    kh_doc *batch[BATCH];
    long sents = 0, dates = 0, rel = 0, dated_events = 0, events = 0;
    double stage = 0;
    size_t next = 0;
    while (sents < want) {
        size_t nb = 0;
        while (nb < BATCH) {
            const char *t = x->records[next].text;
            next = (next + 1) % x->nrecords;
            if (!*t)
                continue;
            kh_doc *d = kh_doc_new(t, strlen(t), NULL, NULL);
            kh_process(po, d, NULL);
            d->date[0] = '\0';   /* chosen again, as the stage does */
            batch[nb++] = d;
        }
        double t0 = cpu_now();
        for (size_t i = 0; i < nb; i++) {
            kh_doc *d = batch[i];
            kh_find_dates(d);
            kh_choose_story_date(d, story);
            kh_resolve_dates(d);
            kh_date_events(d);
        }
        stage += cpu_now() - t0;
        for (size_t i = 0; i < nb; i++) {
            kh_doc *d = batch[i];
            sents += (long)d->nsents;
            dates += (long)d->ndates;
            for (size_t k = 0; k < d->ndates; k++)
                rel += d->dates[k].relative;
            events += (long)d->nevents;
            for (size_t k = 0; k < d->nevents; k++)
                dated_events += d->events[k].date_ref >= 0;
            kh_doc_free(d);
        }
    }
    printf("dates stage alone: %ld sentences, %ld dates (%ld relative), "
           "%ld of %ld events dated by an expression; %.3f s CPU: %.2f us "
           "per sentence\n", sents, dates, rel, dated_events, events, stage,
           1e6 * stage / (double)sents);

    /* 2. end to end, with and without, in alternating rounds of 64 texts
     * (the same texts for both) */
    long sw = 0, so = 0, warm = 0;
    double tw = 0, to = 0;
    round_of(pw, x, 0, x->nrecords, &warm);   /* warm both up */
    round_of(po, x, 0, x->nrecords, &warm);
    for (size_t from = 0; sw < want || so < want; from += 64) {
        to += round_of(po, x, from, 64, &so);
        tw += round_of(pw, x, from, 64, &sw);
    }
    double rw = (double)sw / tw, ro = (double)so / to;
    printf("coding end to end: without dates %.0f sentences/s, with dates "
           "%.0f sentences/s: %.1f%% of the speed without (%ld sentences "
           "each)\n", ro, rw, 100.0 * rw / ro, sw);
    kh_pipeline_free(pw);
    kh_pipeline_free(po);
    kh_petrxml_free(x);
    kh_dict_free(dict);
    return 0;
}
