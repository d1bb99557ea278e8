/*
 * rollup.c - the top actors and places of a date range from the counts by
 * day (day_actors, day_places), summed here rather than by SQLite.
 *
 * Those tables hold a row per day and key: half a million rows on a store
 * of a million events.  SQLite's GROUP BY of them sorts every row into a
 * temporary b-tree (0.4 s for the top actors, 0.8 s for the places: the
 * web page's first view); a hash table of the few thousand keys does the
 * same sums in one pass over the rows, in date order as they are stored.
 */
#include "store.h"

#include "../core/arena.h"
#include "../core/error.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    kh_rollup_row *rows;   /* the slots; key NULL (codes) or id 0: free */
    size_t cap, n;
    int places;
} table;

static uint64_t hash_row(const table *t, const char *key, int64_t id)
{
    uint64_t h = 1469598103934665603ull;
    if (t->places) {
        h ^= (uint64_t)id;
        h *= 1099511628211ull;
        return h ^ (h >> 29);
    }
    for (const unsigned char *p = (const unsigned char *)key; *p; p++) {
        h ^= *p;
        h *= 1099511628211ull;
    }
    return h;
}

static int is_free(const table *t, const kh_rollup_row *r)
{
    return t->places ? r->id == 0 : r->key == NULL;
}

static kh_rollup_row *slot(table *t, const char *key, int64_t id)
{
    size_t i = (size_t)hash_row(t, key, id) & (t->cap - 1);
    for (;; i = (i + 1) & (t->cap - 1)) {
        kh_rollup_row *r = &t->rows[i];
        if (is_free(t, r))
            return r;
        if (t->places ? r->id == id : strcmp(r->key, key) == 0)
            return r;
    }
}

static void grow(table *t)
{
    table old = *t;
    t->cap = old.cap ? old.cap * 2 : 1024;
    t->rows = calloc(t->cap, sizeof *t->rows);
    if (!t->rows)
        kh_oom();
    for (size_t i = 0; i < old.cap; i++)
        if (!is_free(&old, &old.rows[i]))
            *slot(t, old.rows[i].key, old.rows[i].id) = old.rows[i];
    free(old.rows);
}

/* Most events first; then by code or place id, as the SQL did (two
 * functions: the server sorts in several threads at once). */
static int by_events_code(const void *a, const void *b)
{
    const kh_rollup_row *x = a, *y = b;
    if (x->events != y->events)
        return x->events > y->events ? -1 : 1;
    return strcmp(x->key, y->key);
}

static int by_events_place(const void *a, const void *b)
{
    const kh_rollup_row *x = a, *y = b;
    if (x->events != y->events)
        return x->events > y->events ? -1 : 1;
    return (x->id > y->id) - (x->id < y->id);
}

int kh_rollup_top(kh_store *s, int places, int64_t from, int64_t to,
                  kh_rollup_row **out, size_t *nout, kh_error *err)
{
    *out = NULL;
    *nout = 0;
    sqlite3_stmt *st;
    const char *sql = places
        ? "SELECT place, events, mentions FROM day_places"
          " WHERE day BETWEEN ? AND ?"
        : "SELECT code, events, mentions FROM day_actors"
          " WHERE day BETWEEN ? AND ?";
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return kh_store_dberr(s, err, rc, "preparing a query");
    sqlite3_bind_int64(st, 1, from);
    sqlite3_bind_int64(st, 2, to);
    table t = {NULL, 0, 0, places};
    grow(&t);
    int r;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        const char *key = places ? NULL
                                 : (const char *)sqlite3_column_text(st, 0);
        int64_t id = places ? sqlite3_column_int64(st, 0) : 0;
        if (places ? id <= 0 : !key)
            continue;
        kh_rollup_row *row = slot(&t, key, id);
        if (is_free(&t, row)) {
            if (2 * (t.n + 1) > t.cap) {
                grow(&t);
                row = slot(&t, key, id);
            }
            if (!places) {
                row->key = strdup(key);
                if (!row->key)
                    kh_oom();
            }
            row->id = id;
            t.n++;
        }
        row->events += sqlite3_column_int64(st, 1);
        row->mentions += sqlite3_column_int64(st, 2);
    }
    sqlite3_finalize(st);
    /* the rows, packed and sorted */
    size_t n = 0;
    for (size_t i = 0; i < t.cap; i++)
        if (!is_free(&t, &t.rows[i]))
            t.rows[n++] = t.rows[i];
    qsort(t.rows, n, sizeof *t.rows, places ? by_events_place
                                            : by_events_code);
    if (r != SQLITE_DONE) {
        kh_rollup_free(t.rows, n);
        return kh_store_dberr(s, err, r, "counting by day");
    }
    *out = t.rows;
    *nout = n;
    return KH_OK;
}

void kh_rollup_free(kh_rollup_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(rows[i].key);
    free(rows);
}
