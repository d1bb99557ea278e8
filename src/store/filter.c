/*
 * filter.c - event filters as SQL, and the date ranges users write.
 *
 * A filter becomes a WHERE clause over the events table `e` with a
 * placeholder for every value, so what a user types is only ever bound,
 * never spliced into SQL.  Each condition is written so that an index of
 * events (SCHEMA.md) serves it: prefixes of codes are ranges, not LIKE;
 * names go through the full-text index of the names articles wrote.
 */
#include "store.h"

#include "../core/doc.h"
#include "../core/error.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int kh_period_day(const char *s, int end)
{
    if (!s)
        return 0;
    size_t n = strlen(s);
    int y = n >= 4 ? digits(s, 4) : -1, m = 0, d = 0;
    if (y < 1)
        return 0;
    if (n == 4) {
        m = end ? 12 : 1;
        d = end ? 31 : 1;
    } else if (n == 7 && s[4] == '-') {
        m = digits(s + 5, 2);
        if (m < 1 || m > 12)
            return 0;
        d = end ? kh_days_in_month(y, m) : 1;
    } else if (n == 10 && s[4] == '-' && s[7] == '-') {
        m = digits(s + 5, 2);
        d = digits(s + 8, 2);
        if (m < 1 || m > 12 || d < 1 || d > kh_days_in_month(y, m))
            return 0;
    } else {
        return 0;
    }
    return y * 10000 + m * 100 + d;
}

void kh_day_str(int64_t day, char out[11])
{
    if (day <= 0 || day > 99991231) {
        out[0] = '\0';
        return;
    }
    /* by hand: the compiler cannot see that the parts fit */
    int v = (int)day;
    for (int i = 9; i >= 0; i--) {
        if (i == 4 || i == 7) {
            out[i] = '-';
            continue;
        }
        out[i] = (char)('0' + v % 10);
        v /= 10;
    }
    out[10] = '\0';
}

int kh_store_parse_dates(const char *range, char from[11], char to[11],
                         kh_error *err)
{
    from[0] = to[0] = '\0';
    if (!range)
        return kh_fail(err, KH_EUSAGE, NULL, 0, 0, "no date range");
    char a[32], b[32];
    const char *dots = strstr(range, "..");
    size_t la = dots ? (size_t)(dots - range) : strlen(range);
    const char *rb = dots ? dots + 2 : NULL;
    if (la >= sizeof a || (rb && strlen(rb) >= sizeof b))
        goto bad;
    memcpy(a, range, la);
    a[la] = '\0';
    if (rb)
        snprintf(b, sizeof b, "%s", rb);
    else
        snprintf(b, sizeof b, "%s", a);
    if (!a[0] && !b[0])
        goto bad;
    int df = a[0] ? kh_period_day(a, 0) : 0;
    int dt = b[0] ? kh_period_day(b, 1) : 0;
    if ((a[0] && !df) || (b[0] && !dt))
        goto bad;
    if (df && dt && df > dt)
        return kh_fail(err, KH_EUSAGE, NULL, 0, 0,
                       "the date range \"%.40s\" ends before it starts",
                       range);
    kh_day_str(df, from);
    kh_day_str(dt, to);
    return KH_OK;
bad:
    return kh_fail(err, KH_EUSAGE, NULL, 0, 0,
                   "\"%.40s\" is not a date range: write YYYY, YYYY-MM or "
                   "YYYY-MM-DD, or FROM..TO with either side left out",
                   range);
}

void kh_cursor_days(const kh_event_filter *f, int *from, int *to)
{
    if (!f->after_id || f->order == KH_ORDER_ID ||
        f->order == KH_ORDER_MENTIONS)
        return;
    if (f->order == KH_ORDER_OLDEST) {
        if (*from < f->after_day)
            *from = f->after_day;
    } else if (!*to || *to > f->after_day) {
        *to = f->after_day;
    }
}

static void add_text(kh_where *w, const char *v)
{
    w->kind[w->n] = 't';
    w->text[w->n++] = v;
}

static void add_int(kh_where *w, int64_t v)
{
    w->kind[w->n] = 'i';
    w->num[w->n++] = v;
}

static char *scratch(kh_where *w)
{
    return w->buf[w->nbuf++];
}

/* A code prefix: capitals and digits, three or more. */
static int is_code(const char *s)
{
    size_t n = strlen(s);
    if (n < 3 || n > 40)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9')))
            return 0;
    return 1;
}

/* The end of the range of strings that start with prefix: the prefix with
 * its last byte one higher (codes are ASCII, so never 0xff). */
static const char *prefix_end(kh_where *w, const char *prefix)
{
    char *b = scratch(w);
    size_t n = strlen(prefix);
    if (n > 63)
        n = 63;
    memcpy(b, prefix, n);   /* not snprintf: prefix may be in w too */
    b[n] = '\0';
    b[n - 1]++;
    return b;
}

/* The actor condition for column col ("source", "target" or both). */
static int actor(kh_where *w, const char *v, const char *col,
                 const char *opt, kh_error *err)
{
    if (!*v)
        return kh_fail(err, KH_EUSAGE, NULL, 0, 0, "%s is empty", opt);
    if (strlen(v) > 200)
        return kh_fail(err, KH_EUSAGE, NULL, 0, 0,
                       "%s is longer than 200 bytes", opt);
    if (is_code(v)) {
        const char *end = prefix_end(w, v);
        if (strcmp(col, "both") == 0) {
            kh_buf_puts(&w->sql, "((e.source >= ? AND e.source < ?) OR "
                                 "(e.target >= ? AND e.target < ?))");
            add_text(w, v), add_text(w, end), add_text(w, v);
            add_text(w, end);
        } else {
            kh_buf_printf(&w->sql, "(e.%s >= ? AND e.%s < ?)", col, col);
            add_text(w, v), add_text(w, end);
        }
        return KH_OK;
    }
    /* Words of a name: one phrase of FTS5, its quotes doubled, matched
     * against the names articles wrote; then the mentions of those
     * names.  Two forms of the same condition: for a list built from the
     * matches (IN: the names' mentions, then their events) and for a scan
     * in date order (EXISTS: this event's mentions, checked against the
     * names). */
    kh_buf q = KH_BUF_INIT;
    kh_buf_putc(&q, '"');
    for (const char *p = v; *p; p++) {
        if (*p == '"')
            kh_buf_putc(&q, '"');
        kh_buf_putc(&q, *p);
    }
    kh_buf_putc(&q, '"');
    size_t len;
    char *match = kh_buf_take(&q, &len);
    w->owned[w->nowned++] = match;
    static const char names[] =
        "(SELECT rowid FROM names_fts WHERE names_fts MATCH ?)";
    int both = strcmp(col, "both") == 0;
    const char *one = both ? "source" : col;
    if (w->form == KH_WHERE_DRIVE && !w->driving) {
        w->driving = 1;
        w->distinct = 1;
        kh_buf_clear(&w->from);
        kh_buf_puts(&w->from, " FROM mentions m0 JOIN events e"
                              " ON e.id = m0.event");
        kh_buf_printf(&w->sql, "(m0.%s_name IN %s", one, names);
        if (both)
            kh_buf_printf(&w->sql, " OR m0.target_name IN %s", names);
        kh_buf_putc(&w->sql, ')');
    } else if (w->form == KH_WHERE_SCAN) {
        kh_buf_printf(&w->sql, "EXISTS (SELECT 1 FROM mentions m WHERE "
                      "m.event = e.id AND (m.%s_name IN %s", one, names);
        if (both)
            kh_buf_printf(&w->sql, " OR m.target_name IN %s", names);
        kh_buf_puts(&w->sql, "))");
    } else {
        kh_buf_printf(&w->sql, "e.id IN (SELECT m.event FROM mentions m "
                      "WHERE m.%s_name IN %s", one, names);
        if (both)
            kh_buf_printf(&w->sql, " UNION ALL SELECT m.event FROM mentions"
                          " m WHERE m.target_name IN %s", names);
        kh_buf_putc(&w->sql, ')');
    }
    add_text(w, match);
    if (both)
        add_text(w, match);
    return KH_OK;
}

static void and(kh_where *w)
{
    if (w->nconds++)
        kh_buf_puts(&w->sql, " AND ");
}

int kh_where_build(kh_where *w, const kh_event_filter *f, int form,
                   kh_error *err)
{
    memset(w, 0, sizeof *w);
    w->form = form;
    kh_buf_puts(&w->from, " FROM events e");
    kh_buf_puts(&w->sql, " WHERE ");
    if (!f)
        goto done;
    if (f->id) {
        and(w);
        kh_buf_puts(&w->sql, "e.id = ?");
        add_int(w, f->id);
    }
    static const char *const cols[] = {"both", "source", "target"};
    static const char *const opts[] = {"the actor", "the source",
                                       "the target"};
    const char *acts[] = {f->actor, f->source, f->target};
    for (int i = 0; i < 3; i++) {
        if (!acts[i])
            continue;
        and(w);
        if (actor(w, acts[i], cols[i], opts[i], err) != KH_OK)
            goto bad;
    }
    if (f->cameo) {
        size_t n = strlen(f->cameo);
        if (n < 2 || n > 4 || digits(f->cameo, (int)n) < 0) {
            kh_fail(err, KH_EUSAGE, NULL, 0, 0,
                    "\"%.40s\" is not a CAMEO code: write 2 to 4 digits "
                    "(\"19\", \"190\", \"1951\")", f->cameo);
            goto bad;
        }
        and(w);
        kh_buf_puts(&w->sql, "(e.code >= ? AND e.code < ?)");
        add_text(w, f->cameo);
        add_text(w, prefix_end(w, f->cameo));
    }
    if (f->root) {
        int r = strlen(f->root) == 2 ? digits(f->root, 2) : -1;
        if (r < 1 || r > 20) {
            kh_fail(err, KH_EUSAGE, NULL, 0, 0,
                    "\"%.40s\" is not a CAMEO root: write two digits, 01 "
                    "to 20", f->root);
            goto bad;
        }
        and(w);
        kh_buf_puts(&w->sql, "(e.code >= ? AND e.code < ?)");
        add_text(w, f->root);
        add_text(w, prefix_end(w, f->root));
    }
    if (f->plover) {
        size_t n = strlen(f->plover);
        char *b = scratch(w);
        int ok = n > 0 && n < 40;
        for (size_t i = 0; ok && i < n; i++) {
            unsigned char c = (unsigned char)f->plover[i];
            ok = isalpha(c) || c == '_' || c == '-';
            b[i] = (char)toupper(c);
        }
        if (!ok) {
            kh_fail(err, KH_EUSAGE, NULL, 0, 0,
                    "\"%.40s\" is not a PLOVER type (AGREE, ASSAULT, "
                    "PROTEST, ...)", f->plover);
            goto bad;
        }
        b[n] = '\0';
        and(w);
        kh_buf_puts(&w->sql, "e.plover = ?");
        add_text(w, b);
    }
    if (f->quad) {
        if (f->quad < 1 || f->quad > 4) {
            kh_fail(err, KH_EUSAGE, NULL, 0, 0,
                    "the quad class is 1 to 4, not %d", f->quad);
            goto bad;
        }
        and(w);
        kh_buf_puts(&w->sql, "e.quad = ?");
        add_int(w, f->quad);
    }
    if (f->country) {
        char *b = scratch(w);
        int ok = strlen(f->country) == 3;
        for (int i = 0; ok && i < 3; i++) {
            ok = isalpha((unsigned char)f->country[i]);
            b[i] = (char)toupper((unsigned char)f->country[i]);
        }
        b[3] = '\0';
        if (!ok) {
            kh_fail(err, KH_EUSAGE, NULL, 0, 0,
                    "\"%.40s\" is not a country code: write ISO 3166-1 "
                    "alpha-3 (IRQ, USA, SYR)", f->country);
            goto bad;
        }
        /* The actors' countries are the start of their codes: the
         * ranges use events_source and events_target. */
        const char *end = prefix_end(w, b);
        and(w);
        kh_buf_puts(&w->sql, "(e.country = ? OR (e.source >= ? AND "
                             "e.source < ?) OR (e.target >= ? AND "
                             "e.target < ?))");
        add_text(w, b), add_text(w, b), add_text(w, end);
        add_text(w, b), add_text(w, end);
    }
    if (f->place) {
        and(w);
        kh_buf_puts(&w->sql, "e.place IN (SELECT id FROM places WHERE "
                             "name = ? COLLATE NOCASE)");
        add_text(w, f->place);
    }
    int since = 0, until = 0;
    if (f->since && !(since = kh_period_day(f->since, 0))) {
        kh_fail(err, KH_EUSAGE, NULL, 0, 0,
                "\"%.40s\" is not a date: write YYYY, YYYY-MM or "
                "YYYY-MM-DD", f->since);
        goto bad;
    }
    if (f->until && !(until = kh_period_day(f->until, 1))) {
        kh_fail(err, KH_EUSAGE, NULL, 0, 0,
                "\"%.40s\" is not a date: write YYYY, YYYY-MM or "
                "YYYY-MM-DD", f->until);
        goto bad;
    }
    if (since || until) {
        /* with a cursor, the range ends on its side (the seek's bound) */
        since = since ? since : 1;   /* a range leaves undated out */
        kh_cursor_days(f, &since, &until);
        and(w);
        kh_buf_puts(&w->sql, "e.day BETWEEN ? AND ?");
        add_int(w, since);
        add_int(w, until ? until : 99991231);
    }
    if (f->article) {
        and(w);
        kh_buf_puts(&w->sql, "e.id IN (SELECT event FROM mentions WHERE "
                             "article = ?)");
        add_int(w, f->article);
    }
    if (f->after_id) {
        /* The keyset cursor: a row-value comparison, which SQLite serves
         * as a range of events_day (day, then the rowid). */
        if (f->order == KH_ORDER_MENTIONS) {
            kh_fail(err, KH_EUSAGE, NULL, 0, 0,
                    "a cursor pages by date or id, not by mentions");
            goto bad;
        }
        and(w);
        w->cursor = 1;
        if (f->order == KH_ORDER_ID) {
            kh_buf_puts(&w->sql, "e.id > ?");
        } else {
            kh_buf_printf(&w->sql, "(e.day, e.id) %c (?, ?)",
                          f->order == KH_ORDER_OLDEST ? '>' : '<');
            add_int(w, f->after_day);
        }
        add_int(w, f->after_id);
    }
done:
    if (!w->nconds)
        kh_buf_clear(&w->sql);
    kh_buf_cstr(&w->sql);
    return KH_OK;
bad:
    kh_where_free(w);
    return err ? err->code : KH_EUSAGE;
}

void kh_where_free(kh_where *w)
{
    kh_buf_free(&w->from);
    kh_buf_free(&w->sql);
    for (int i = 0; i < w->nowned; i++)
        free(w->owned[i]);
    w->nowned = 0;
    w->n = 0;
}

int kh_where_bind(const kh_where *w, sqlite3_stmt *st, int first)
{
    for (int i = 0; i < w->n; i++, first++) {
        if (w->kind[i] == 'i')
            sqlite3_bind_int64(st, first, w->num[i]);
        else
            sqlite3_bind_text(st, first, w->text[i], -1, SQLITE_STATIC);
    }
    return first;
}
