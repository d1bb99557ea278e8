/*
 * store_cli.c - what the store's subcommands share: the --db option, the
 * event filter options, and the event table.
 */
#include "store_cli.h"

#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

const char *kh_cli_db_path(const char *opt)
{
    if (opt && *opt)
        return opt;
    const char *env = getenv("KHALDUN_DB");
    return env && *env ? env : "khaldun.db";
}

int kh_cli_number(const char *opt, const char *arg, size_t max, size_t *out)
{
    char *end;
    unsigned long long v = strtoull(arg, &end, 10);
    if (!*arg || *end || arg[0] == '-' || v > max) {
        fprintf(stderr, "khaldun: %s takes a whole number from 0 to %zu, "
                "not '%s'\n", opt, max, arg);
        return -1;
    }
    *out = (size_t)v;
    return 0;
}

static int date_option(kh_cli_filter *cf, const char *opt, const char *arg,
                       char *from, char *to)
{
    kh_error err;
    char a[11], b[11];
    if (kh_store_parse_dates(arg, a, b, &err) != KH_OK) {
        fprintf(stderr, "khaldun: %s: %s\n", opt, err.message);
        return -1;
    }
    if (from && a[0])
        memcpy(cf->from, a, sizeof a);
    if (to && b[0])
        memcpy(cf->to, b, sizeof b);
    return 1;
}

int kh_cli_filter_option(kh_cli_filter *cf, int c, const char *arg)
{
    kh_event_filter *f = &cf->f;
    size_t n;
    switch (c) {
    case 1000: f->actor = arg; return 1;
    case 1001: f->source = arg; return 1;
    case 1002: f->target = arg; return 1;
    case 1003: f->cameo = arg; return 1;
    case 1004: f->root = arg; return 1;
    case 1005: f->plover = arg; return 1;
    case 1006:
        if (kh_cli_number("--quad", arg, 4, &n) < 0)
            return -1;
        if (n == 0) {
            fprintf(stderr, "khaldun: --quad takes 1 to 4, not 0\n");
            return -1;
        }
        f->quad = (int)n;
        return 1;
    case 1007: f->country = arg; return 1;
    case 1008: f->place = arg; return 1;
    case 1009: return date_option(cf, "--date", arg, cf->from, cf->to);
    case 1010: return date_option(cf, "--since", arg, cf->from, NULL);
    case 1011: return date_option(cf, "--until", arg, NULL, cf->to);
    case 1012: cf->article_id = arg; return 1;
    case 1013:
        if (kh_cli_number("--id", arg, (size_t)INT64_MAX, &n) < 0)
            return -1;
        f->id = (int64_t)n;
        return 1;
    }
    return 0;
}

int kh_cli_filter_finish(kh_cli_filter *cf, kh_store *s)
{
    if (cf->from[0])
        cf->f.since = cf->from;
    if (cf->to[0])
        cf->f.until = cf->to;
    if (cf->article_id) {
        kh_error err;
        if (kh_store_article_key(s, cf->article_id, &cf->f.article, &err) !=
            KH_OK) {
            char buf[1024];
            fprintf(stderr, "khaldun: --article: %s\n",
                    kh_error_format(&err, buf, sizeof buf));
            return -1;
        }
    }
    return 0;
}

int kh_cli_term_width(FILE *out)
{
    struct winsize ws;
    if (!isatty(fileno(out)))
        return 0;
    if (ioctl(fileno(out), TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40)
        return ws.ws_col;
    return 120;
}

/* Prints s in a cell of w columns: cut (with "…") or padded.  Counts
 * code points as columns, which holds for the scripts of the news we
 * code but for wide (CJK) characters. */
static void cell(FILE *f, const char *s, int w, int last)
{
    if (!s)
        s = "";
    int cols = 0;
    const char *p = s;
    while (*p) {
        const char *q = p + 1;
        while ((*q & 0xC0) == 0x80)
            q++;
        if (cols == w - 1 && *q) {
            fputs("…", f);
            cols++;
            p = "";
            break;
        }
        if (*p == '\n' || *p == '\t')
            fputc(' ', f);
        else
            fwrite(p, 1, (size_t)(q - p), f);
        cols++;
        p = q;
    }
    if (!last)
        for (; cols <= w; cols++)
            fputc(' ', f);
}

/* Column widths for a terminal of width columns: the actors and the
 * article share what the fixed columns leave. */
typedef struct {
    int actor, article;
} widths;

/* ID 6, DATE 10, CAMEO 5, Q 1, GOLD 5, PLOVER 11, PLACE 12, M/S/A 8,
 * and a space after each column but the last. */
#define FIXED (6 + 10 + 5 + 1 + 5 + 11 + 12 + 8 + 10)

static widths layout(int width)
{
    if (width <= 0)
        width = 120;
    widths w;
    int rest = width - FIXED - 1;
    w.actor = (rest - 14) / 2;
    w.actor = w.actor < 12 ? 12 : w.actor > 30 ? 30 : w.actor;
    w.article = rest - 2 * w.actor;
    if (w.article < 8)
        w.article = 8;
    return w;
}

void kh_cli_table_header(FILE *f, int width)
{
    widths w = layout(width);
    cell(f, "ID", 6, 0);
    cell(f, "DATE", 10, 0);
    cell(f, "SOURCE", w.actor, 0);
    cell(f, "TARGET", w.actor, 0);
    cell(f, "CAMEO", 5, 0);
    cell(f, "Q", 1, 0);
    cell(f, "GOLD", 5, 0);
    cell(f, "PLOVER", 11, 0);
    cell(f, "PLACE", 12, 0);
    cell(f, "M/S/A", 8, 0);
    cell(f, "FIRST ARTICLE", w.article, 1);
    fputc('\n', f);
}

/* "IRQGOV Baghdad": the code and, when known, the name as written. */
static void actor_cell(FILE *f, const char *code, const char *name, int w)
{
    char buf[512];
    if (code && *code && name)
        snprintf(buf, sizeof buf, "%s %s", code, name);
    else if (code && *code)
        snprintf(buf, sizeof buf, "%s", code);
    else
        snprintf(buf, sizeof buf, "- %s", name ? name : "");
    cell(f, buf, w, 0);
}

void kh_cli_table_row(FILE *f, int width, const kh_store_event *ev)
{
    widths w = layout(width);
    char num[64];
    snprintf(num, sizeof num, "%lld", (long long)ev->id);
    cell(f, num, 6, 0);
    cell(f, ev->date ? ev->date : "-", 10, 0);
    actor_cell(f, ev->source, ev->source_name, w.actor);
    actor_cell(f, ev->target, ev->target_name, w.actor);
    cell(f, ev->cameo, 5, 0);
    snprintf(num, sizeof num, "%d", ev->quad);
    cell(f, ev->quad ? num : "-", 1, 0);
    snprintf(num, sizeof num, "%.1f", ev->goldstein);
    cell(f, ev->quad ? num : "-", 5, 0);
    cell(f, ev->plover ? ev->plover : "-", 11, 0);
    cell(f, ev->place ? ev->place : "-", 12, 0);
    /* mentions, sources, articles: as GDELT's NumMentions, NumSources,
     * NumArticles */
    snprintf(num, sizeof num, "%lld/%lld/%lld", (long long)ev->mentions,
             (long long)ev->sources, (long long)ev->articles);
    cell(f, num, 8, 0);
    cell(f, ev->article_id ? ev->article_id : ev->url, w.article, 1);
    fputc('\n', f);
}
