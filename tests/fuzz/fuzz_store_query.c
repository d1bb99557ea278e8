/*
 * fuzz_store_query.c - libFuzzer harness: what users type into the store's
 * queries.  The input is used as a search (its FTS5 translation must
 * always be a query SQLite accepts), as a date range (a range that parses
 * must be in order and well formed), and as actor, place and CAMEO filters
 * (a filter is either accepted or refused as a usage error, never a
 * database error), all against a small store in memory.
 */
#include "khaldun.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static kh_store *store(void)
{
    static kh_store *s;
    if (s)
        return s;
    kh_error err;
    s = kh_store_open(":memory:", KH_STORE_CREATE, &err);
    kh_pipeline *p = kh_pipeline_new(NULL, &err);
    if (!s || !p)
        abort();
    static const char *const texts[] = {
        "The United States condemned Iran on Monday over the attack.",
        "Turkish warplanes bombed Kurdish rebels in northern Iraq, the "
        "U.S. military said. Al-Sudani's office denied it.",
    };
    for (int i = 0; i < 2; i++) {
        kh_meta m = {0};
        m.id = i ? "b" : "a";
        m.date = "2024-01-06";
        m.source = "Wire";
        kh_doc *d = kh_doc_new(texts[i], strlen(texts[i]), &m, &err);
        if (!d || kh_store_ingest(s, p, d, NULL, &err) != KH_OK)
            abort();
        kh_doc_free(d);
    }
    kh_pipeline_free(p);
    return s;
}

static int count_hit(void *ctx, const kh_store_hit *h)
{
    (void)h;
    ++*(int *)ctx;
    return 0;
}

static int count_event(void *ctx, const kh_store_event *e)
{
    (void)e;
    ++*(int *)ctx;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0;
    char *s = malloc(size + 1);
    memcpy(s, data, size);
    s[size] = '\0';
    kh_store *st = store();
    kh_error err;
    int n = 0;

    char *q = kh_store_search_query(s, &err);
    if (q) {
        free(q);
        kh_search_opts o = {0};
        o.query = s;
        if (kh_store_search(st, &o, count_hit, &n, &err) != KH_OK)
            abort();   /* a translated query SQLite refuses */
    } else if (err.code != KH_EUSAGE) {
        abort();
    }

    char from[11], to[11];
    if (kh_store_parse_dates(s, from, to, &err) == KH_OK) {
        if (!from[0] && !to[0])
            abort();
        if (from[0] && to[0] && strcmp(from, to) > 0)
            abort();
        for (int i = 0; i < 2; i++) {
            const char *d = i ? to : from;
            if (d[0] && (strlen(d) != 10 || d[4] != '-' || d[7] != '-'))
                abort();
        }
    } else if (err.code != KH_EUSAGE) {
        abort();
    }

    kh_event_filter fs[5];
    memset(fs, 0, sizeof fs);
    fs[0].actor = s;
    fs[1].source = s;
    fs[2].place = s;
    fs[3].cameo = s;
    fs[4].since = s;
    fs[4].until = s;
    for (int i = 0; i < 5; i++) {
        int rc = kh_store_events(st, &fs[i], count_event, &n, &err);
        if (rc != KH_OK && rc != KH_EUSAGE)
            abort();
    }
    free(s);
    return 0;
}
