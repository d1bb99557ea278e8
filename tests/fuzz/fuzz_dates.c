/* fuzz_dates.c - libFuzzer harness: the dates stage on any text, with a
 * story date (the first byte picks one), so that every relative
 * expression is resolved; then the stage's invariants and the JSON. */
#include "fuzz_common.h"
#include "core/doc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const stories[] = {"2024-01-06", "2000-02-29",
                                          "1999-12-31", "2021-01-03"};
    if (size < 1 || memchr(data + 1, '\0', size - 1))
        return 0;   /* the readers turn NUL bytes away before this */
    kh_meta meta = {.date = stories[data[0] % 4]};
    kh_doc *d = kh_doc_new((const char *)data + 1, size - 1, &meta, NULL);
    if (!d)
        return 0;
    if (kh_process(fuzz_pipeline(), d, NULL) != KH_OK)
        abort();
    for (size_t i = 0; i < d->ndates; i++) {
        const kh_date_mention *x = &d->dates[i];
        if (!(x->start < x->end && x->end <= d->text_len) ||
            x->sentence >= d->nsents || x->gran < KH_GRAN_DAY ||
            x->gran > KH_GRAN_DECADE || x->month < 0 || x->month > 12 ||
            x->day < 0 || x->day > 31 || x->mod > KH_DMOD_LATE ||
            (i && x->start < d->dates[i - 1].start) ||
            !memchr(x->time, '\0', sizeof x->time))
            abort();
    }
    for (size_t i = 0; i < d->nevents; i++)
        if (d->events[i].date_ref >= (int32_t)d->ndates)
            abort();
    size_t n;
    char *js = kh_doc_to_json(d, &n);
    kh_arena a;
    kh_arena_init(&a);
    size_t off;
    const char *msg;
    if (!kh_json_parse(&a, js, n, &off, &msg))
        abort();
    kh_arena_free(&a);
    free(js);
    kh_doc_free(d);
    return 0;
}
