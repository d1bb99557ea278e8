/*
 * fuzz_common.h - what every harness checks after reading an input: the
 * pipeline runs, and its JSON output parses and keeps the span contract.
 */
#ifndef KH_FUZZ_COMMON_H
#define KH_FUZZ_COMMON_H

#include "khaldun.h"
#include "core/arena.h"
#include "read/json.h"

#include <stdlib.h>
#include <string.h>

static kh_pipeline *fuzz_pipeline(void)
{
    static kh_pipeline *p;
    if (!p)
        p = kh_pipeline_new(NULL, NULL);
    return p;
}

static void fuzz_check_doc(kh_doc *d)
{
    if (!d)
        return;
    if (kh_process(fuzz_pipeline(), d, NULL) != KH_OK)
        abort();
    size_t len, n;
    kh_doc_input(d, &len);
    for (size_t i = 0; i < kh_doc_sentence_count(d); i++) {
        size_t s, e;
        kh_doc_sentence(d, i, &s, &e);
        if (!(s < e && e <= len))
            abort();
    }
    char *js = kh_doc_to_json(d, &n);
    kh_arena a;
    kh_arena_init(&a);
    size_t off;
    const char *msg;
    if (!kh_json_parse(&a, js, n, &off, &msg))
        abort();   /* the output must always be valid JSON */
    kh_arena_free(&a);
    free(js);
    kh_doc_free(d);
}

#endif
