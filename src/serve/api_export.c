/*
 * api_export.c - GET /api/export: the events a filter matches as a file
 * to download, in the formats of `khaldun export` (csv, jsonl, gdelt).
 *
 * The answer is built in memory (open_memstream), so it is bounded: at
 * most `limit` events (100,000 by default and at most; about 50 MB of
 * CSV), in `order` (newest by default).  Larger exports are the command
 * line's: `khaldun export` streams any number.
 */
#include "serve.h"

#include <stdio.h>
#include <stdlib.h>

#define MAX_EXPORT 100000

void kh_serve_export(kh_serve_req *req, kh_serve_resp *resp, kh_store *s)
{
    static const char *const formats[] = {"csv", "jsonl", "gdelt"};
    static const int codes[] = {KH_FORMAT_CSV, KH_FORMAT_JSONL,
                                KH_FORMAT_GDELT};
    static const char *const types[] = {
        "text/csv; charset=utf-8", "application/x-ndjson",
        "text/tab-separated-values; charset=utf-8"};
    static const char *const names[] = {"khaldun-events.csv",
                                        "khaldun-events.jsonl",
                                        "khaldun-events.export.CSV"};
    static const char *const orders[] = {"newest", "oldest", "mentions",
                                         "id"};
    static const int order_codes[] = {KH_ORDER_NEWEST, KH_ORDER_OLDEST,
                                      KH_ORDER_MENTIONS, KH_ORDER_ID};
    kh_event_filter f;
    int64_t limit, mentions;
    if (kh_serve_read_filter(req, resp, s, &f) < 0 ||
        kh_serve_param_int(req, resp, "limit", 1, MAX_EXPORT, MAX_EXPORT,
                           &limit) < 0 ||
        kh_serve_param_int(req, resp, "mentions", 0, 1, 0, &mentions) < 0)
        return;
    int fmt = kh_serve_param_enum(req, resp, "format", formats, 3, 0);
    if (fmt < 0)
        return;
    int order = kh_serve_param_enum(req, resp, "order", orders, 4, 0);
    if (order < 0 || kh_serve_check_unused(req, resp) < 0)
        return;
    if (mentions && codes[fmt] != KH_FORMAT_JSONL) {
        kh_serve_error(resp, 400, "mentions", "mentions=1 goes with "
                       "format=jsonl only");
        return;
    }
    f.limit = (size_t)limit;
    f.order = order_codes[order];
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    if (!out) {
        kh_serve_error(resp, 500, NULL, "out of memory");
        return;
    }
    kh_error err = {0};
    int rc = kh_store_export(s, &f, codes[fmt],
                             mentions ? KH_EXPORT_MENTIONS : 0, out, &err);
    if (fclose(out) != 0 && rc == KH_OK) {
        free(buf);
        kh_serve_error(resp, 500, NULL, "out of memory");
        return;
    }
    if (rc != KH_OK) {
        free(buf);
        kh_serve_store_error(resp, &err);
        return;
    }
    resp->status = 200;
    resp->type = types[fmt];
    resp->api = 1;
    resp->body = buf;
    resp->len = len;
    resp->filename = names[fmt];
}
