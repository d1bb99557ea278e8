/*
 * rows.c - multi-row INSERTs: an article's rows of one table in a few
 * statements (store.h, kh_rows).
 *
 * Running a prepared statement costs SQLite about as much as writing a
 * small row: cursors opened and closed, registers freed and grown again,
 * the reset.  An article has some fifty such rows (sentences, entities and
 * their mentions, quotes, dates, places), so they are written KH_ROWS_MAX
 * at a time, and the rest in statements of 8, 4, 2 and 1 rows: each size
 * is prepared once per connection, from the one-row statement's SQL.
 */
#include "store.h"

#include "../core/buf.h"

#include <string.h>

/* The statement of 2^(KH_ROWS_LEVELS - 1 - level) rows of which. */
static sqlite3_stmt *prepare(kh_store *s, int which, int level, int k,
                             int *rc)
{
    sqlite3_stmt *st = s->rows[which][level];
    if (st)
        return st;
    const char *one = kh_store_sql(which);
    const char *v = strstr(one, " VALUES(");
    if (!v) {
        *rc = SQLITE_MISUSE;
        return NULL;
    }
    v += 7;   /* the row: "(?, ?, ...)" */
    /* OR FAIL: a statement of many rows that may abort needs a statement
     * journal, whose savepoint makes FTS5 write out the terms it holds
     * (a small segment per statement, a third of ingest's time).  A
     * failure rolls the whole transaction back anyway (ingest.c). */
    kh_buf q = KH_BUF_INIT;
    if (strncmp(one, "INSERT INTO ", 12) == 0) {
        kh_buf_puts(&q, "INSERT OR FAIL INTO ");
        one += 12;
    }
    kh_buf_put(&q, one, (size_t)(v - one));
    for (int r = 0; r < k; r++) {
        if (r)
            kh_buf_putc(&q, ',');
        kh_buf_puts(&q, v);
    }
    *rc = sqlite3_prepare_v3(s->db, kh_buf_cstr(&q), -1,
                             SQLITE_PREPARE_PERSISTENT, &st, NULL);
    kh_buf_free(&q);
    if (*rc != SQLITE_OK)
        return NULL;
    s->rows[which][level] = st;
    return st;
}

void kh_rows_begin(kh_rows *w, kh_store *s, int which, int ncols, size_t n)
{
    memset(w, 0, sizeof *w);
    w->s = s;
    w->which = which;
    w->ncols = ncols;
    w->left = n;
    w->rc = SQLITE_OK;
}

/* Runs the current statement, if it has rows. */
static int flush(kh_rows *w)
{
    if (!w->st || w->rc != SQLITE_OK)
        return w->rc;
    int r = sqlite3_step(w->st);
    sqlite3_reset(w->st);
    w->st = NULL;
    if (r != SQLITE_DONE && r != SQLITE_ROW)
        w->rc = r;
    return w->rc;
}

sqlite3_stmt *kh_rows_next(kh_rows *w, int *base, kh_error *err)
{
    if (w->rc != SQLITE_OK)
        return NULL;
    if (!w->st || w->used == w->k) {
        if (flush(w) != SQLITE_OK) {
            kh_store_dberr(w->s, err, w->rc, "storing rows");
            return NULL;
        }
        if (w->left == 0) {
            w->rc = SQLITE_MISUSE;   /* more rows than kh_rows_begin said */
            kh_store_dberr(w->s, err, w->rc, "storing rows");
            return NULL;
        }
        int level = 0, k = KH_ROWS_MAX;
        while ((size_t)k > w->left)
            k /= 2, level++;
        sqlite3_stmt *st = prepare(w->s, w->which, level, k, &w->rc);
        if (!st) {
            kh_store_dberr(w->s, err, w->rc, "preparing a statement");
            return NULL;
        }
        w->st = st;
        w->k = k;
        w->used = 0;
        w->left -= (size_t)k;
    }
    *base = w->used++ * w->ncols;
    return w->st;
}

int kh_rows_end(kh_rows *w)
{
    if (w->st && w->used < w->k && w->rc == SQLITE_OK)
        w->rc = SQLITE_MISUSE;   /* fewer rows than kh_rows_begin said */
    if (w->rc != SQLITE_OK) {
        if (w->st)
            sqlite3_reset(w->st);
        w->st = NULL;
        return w->rc;
    }
    return flush(w);
}
