/*
 * bench_places.c - the places stage's cost, and the gazetteer's load.
 *
 * usage: bench_places CORPUS [ARTICLES] [REPEAT]
 *
 * Loads the gazetteer (build/data/gazetteer.bin, or $KHALDUN_DATA) ten
 * times and reports its size and load time (mmap and checks).  Reads the
 * first ARTICLES articles (default 3,000) of the corpus into memory, then
 * per repeat: runs every other stage on each article and times the places
 * stage alone on it (kh_find_places, CPU time), and times the whole
 * pipeline with and without the places stage.  The best of REPEAT runs
 * (default 3) is kept.  CPU time on one core.
 */
#include "khaldun.h"
#include "clock.h"
#include "core/doc.h"
#include "extract/gazetteer.h"
#include "tag/tag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct {
    char *text;
    size_t len;
} article;

static double whole(const kh_pipeline *p, const article *a, size_t n,
                    size_t *tokens, size_t *places)
{
    double t0 = cpu_now();
    *tokens = *places = 0;
    for (size_t i = 0; i < n; i++) {
        kh_doc *d = kh_doc_new(a[i].text, a[i].len, NULL, NULL);
        kh_process(p, d, NULL);
        *tokens += kh_doc_token_count(d);
        *places += d->nplaces;
        kh_doc_free(d);
    }
    return cpu_now() - t0;
}

/* The places stage alone, after the others. */
static double stage(const kh_pipeline *rest, const kh_gazetteer *g,
                    const article *a, size_t n, size_t *mentions)
{
    double t = 0;
    *mentions = 0;
    for (size_t i = 0; i < n; i++) {
        kh_doc *d = kh_doc_new(a[i].text, a[i].len, NULL, NULL);
        kh_process(rest, d, NULL);
        double t0 = cpu_now();
        kh_find_places(g, d);
        t += cpu_now() - t0;
        *mentions += d->nplace_mentions;
        kh_doc_free(d);
    }
    return t;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_places CORPUS [ARTICLES] [REPEAT]\n");
        return 2;
    }
    size_t want = argc > 2 ? (size_t)atol(argv[2]) : 3000;
    int repeat = argc > 3 ? atoi(argv[3]) : 3;
    kh_error err;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", kh_data_dir(NULL), KH_GAZ_FILE);
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "bench_places: %s is missing (run make)\n", path);
        return 1;
    }
    double best_wall = 1e30, best_cpu = 1e30;
    kh_gazetteer *g = NULL;
    for (int i = 0; i < 10; i++) {
        double w0 = wall_now(), c0 = cpu_now();
        if (kh_gaz_load(kh_data_dir(NULL), &g, &err) != KH_OK) {
            fprintf(stderr, "bench_places: %s\n", err.message);
            return 1;
        }
        double w = wall_now() - w0, c = cpu_now() - c0;
        best_wall = w < best_wall ? w : best_wall;
        best_cpu = c < best_cpu ? c : best_cpu;
        if (i < 9)
            kh_gaz_free(g);
    }
    printf("places: gazetteer %s: %.1f MB, %u places, %u names; loaded in "
           "%.1f ms wall, %.1f ms CPU (best of 10)\n", path,
           (double)st.st_size / 1e6, g->nplaces, g->nnames, best_wall * 1e3,
           best_cpu * 1e3);

    article *a = NULL;
    size_t n = 0, cap = 0, bytes = 0;
    kh_reader *rd = kh_reader_open((const char *const *)argv + 1, 1, NULL);
    kh_doc *d;
    int rc;
    while (n < want && (rc = kh_reader_next(rd, &d, &err)) != 0) {
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

    kh_pipeline_opts fo = {.default_date = "2024-01-06"};
    kh_pipeline *full = kh_pipeline_new(&fo, &err);
    kh_pipeline_opts ro = {.default_date = "2024-01-06",
                           .stages = KH_STAGE_ALL & ~KH_STAGE_PLACES};
    kh_pipeline *rest = kh_pipeline_new(&ro, &err);
    if (!full || !rest) {
        fprintf(stderr, "bench_places: %s\n", err.message);
        return 1;
    }
    double best_stage = 1e30, best_full = 1e30, best_rest = 1e30;
    size_t tokens = 0, places = 0, mentions = 0;
    for (int r = 0; r < repeat; r++) {
        double t = stage(rest, g, a, n, &mentions);
        best_stage = t < best_stage ? t : best_stage;
        t = whole(rest, a, n, &tokens, &places);
        best_rest = t < best_rest ? t : best_rest;
        t = whole(full, a, n, &tokens, &places);
        best_full = t < best_full ? t : best_full;
    }
    printf("places: %.1f MB, %zu articles, %zu tokens, %zu place mentions, "
           "%zu places listed\n", (double)bytes / 1e6, n, tokens, mentions,
           places);
    printf("places: the stage alone: %.3f s CPU, %.1f us an article, %.1f M "
           "tokens/s (best of %d)\n", best_stage, best_stage / (double)n * 1e6,
           (double)tokens / best_stage / 1e6, repeat);
    printf("places: whole pipeline without places %.3f s, with %.3f s: "
           "coding with places runs at %.1f%% of the speed without\n",
           best_rest, best_full, 100.0 * best_rest / best_full);
    kh_pipeline_free(full);
    kh_pipeline_free(rest);
    kh_gaz_free(g);
    for (size_t i = 0; i < n; i++)
        free(a[i].text);
    free(a);
    return 0;
}
