/*
 * bench_tag.c - throughput of the tag stage (tags and lemmas).
 *
 * usage: bench_tag CORPUS [REPEAT]
 *
 * Reads the corpus once into memory (so that reading is not timed), then
 * runs the pipeline over it twice per repeat: with the text stages only,
 * and with the text stages and the tagger.  The tagger's own speed is the
 * difference: tokens per second of CPU time on one core.  The best of
 * REPEAT runs is kept.  Also reports how long the model takes to load.
 */
#include "khaldun.h"
#include "clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
    char *text;
    size_t len;
} article;

/* One pass over the articles; returns CPU seconds, counts tokens. */
static double run(const kh_pipeline *p, const article *a, size_t n,
                  size_t *tokens, size_t *tagged)
{
    double t0 = cpu_now();
    *tokens = *tagged = 0;
    for (size_t i = 0; i < n; i++) {
        kh_doc *d = kh_doc_new(a[i].text, a[i].len, NULL, NULL);
        kh_process(p, d, NULL);
        size_t k = kh_doc_token_count(d);
        *tokens += k;
        for (size_t j = 0; j < k; j += 64)   /* touch the results */
            *tagged += kh_doc_token_tag(d, j) != NULL;
        kh_doc_free(d);
    }
    return cpu_now() - t0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_tag CORPUS [REPEAT]\n");
        return 2;
    }
    int repeat = argc > 2 ? atoi(argv[2]) : 3;
    /* the articles, in memory */
    article *a = NULL;
    size_t n = 0, cap = 0, bytes = 0;
    kh_reader *rd = kh_reader_open((const char *const *)argv + 1, 1, NULL);
    kh_doc *d;
    kh_error err;
    int rc;
    while ((rc = kh_reader_next(rd, &d, &err)) != 0) {
        if (rc < 0)
            continue;
        size_t len;
        const char *in = kh_doc_input(d, &len);
        if (n == cap)
            a = realloc(a, (cap = cap ? cap * 2 : 1024) * sizeof *a);
        a[n].text = malloc(len + 1);
        memcpy(a[n].text, in, len);
        a[n].len = len;
        bytes += len;
        n++;
        kh_doc_free(d);
    }
    kh_reader_close(rd);

    double w0 = wall_now();
    kh_pipeline_opts to = {.stages = KH_STAGE_TEXT | KH_STAGE_TAG};
    kh_pipeline *tag = kh_pipeline_new(&to, &err);
    double load = wall_now() - w0;
    if (!tag) {
        char buf[1024];
        fprintf(stderr, "bench_tag: %s\n",
                kh_error_format(&err, buf, sizeof buf));
        return 1;
    }
    kh_pipeline_opts xo = {.stages = KH_STAGE_TEXT};
    kh_pipeline *text = kh_pipeline_new(&xo, NULL);
    double best_text = 1e30, best_tag = 1e30;
    size_t tokens = 0, tagged = 0;
    for (int r = 0; r < repeat; r++) {
        double t = run(text, a, n, &tokens, &tagged);
        if (t < best_text)
            best_text = t;
        t = run(tag, a, n, &tokens, &tagged);
        if (t < best_tag)
            best_tag = t;
    }
    double tagger = best_tag - best_text;
    printf("tag stage: %.1f MB, %zu articles, %zu tokens; model loaded in "
           "%.1f ms\n", (double)bytes / 1e6, n, tokens, load * 1e3);
    printf("tag stage: text stages %.3f s, text + tags + lemmas %.3f s "
           "(best of %d, CPU)\n", best_text, best_tag, repeat);
    printf("tag stage: tagger and lemmatiser alone: %.2f M tokens/s; "
           "whole pipeline: %.2f M tokens/s\n",
           (double)tokens / tagger / 1e6, (double)tokens / best_tag / 1e6);
    kh_pipeline_free(tag);
    kh_pipeline_free(text);
    for (size_t i = 0; i < n; i++)
        free(a[i].text);
    free(a);
    return tagged ? 0 : 1;
}
