/*
 * cmd_search.c - `khaldun search`: full-text search of a store, with the
 * passage that matched and the events each article reports.
 */
#include "cli.h"
#include "store_cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: khaldun search [OPTIONS] QUERY...\n"
    "\n"
    "Finds the stored articles that match, best first, each with the\n"
    "passage that matched and the events it reports.\n"
    "\n"
    "query: words (all must match; word* matches its start), \"a phrase\",\n"
    "  OR between two terms (either), -word (must not match).  Case and\n"
    "  accents do not count.  Put -- before a query with a -word:\n"
    "  khaldun search -- drone -syria\n"
    "\n"
    "options:\n"
    "  --date RANGE         articles of these dates: 2024, 2024-01,\n"
    "                       2024-01-06, or FROM..TO (a side may be left out)\n"
    "  --since D, --until D the same, one side at a time\n"
    "  --source NAME        articles of this source (any case)\n"
    "  --limit N            at most N articles (default 10)\n"
    "  --offset N           skip the first N\n"
    "  --events N           events shown per article (default 5; 0: none)\n"
    "  --all                near copies of an article too\n"
    "  --format F           text or jsonl (default: text)\n"
    "  --db FILE            the store (default: $KHALDUN_DB, else\n"
    "                       khaldun.db)\n"
    "  -h, --help           show this help\n";

typedef struct {
    kh_store *s;
    FILE *out;
    int jsonl, color;
    size_t events, n;
    int failed;
    kh_error err;
    char *line;          /* JSON Lines: the hit being written */
    size_t len, cap;
} ctx;

static void append(ctx *c, const char *s, size_t n)
{
    if (c->len + n + 1 > c->cap) {
        c->cap = (c->len + n + 1) * 2;
        c->line = realloc(c->line, c->cap);
        if (!c->line) {
            fputs("khaldun: out of memory\n", stderr);
            abort();
        }
    }
    memcpy(c->line + c->len, s, n);
    c->len += n;
    c->line[c->len] = '\0';
}

static int add_event(void *p, const kh_store_event *ev)
{
    ctx *c = p;
    if (c->jsonl) {
        size_t n;
        char *js = kh_store_event_json(ev, &n);
        if (c->line[c->len - 1] != '[')
            append(c, ",", 1);
        append(c, js, n);
        free(js);
        return 0;
    }
    fprintf(c->out, "     %s  %s%s%s -> %s%s%s  %s %s  x%lld\n",
            ev->date ? ev->date : "----------",
            ev->source && *ev->source ? ev->source : "-",
            ev->source_name ? " " : "",
            ev->source_name ? ev->source_name : "",
            ev->target && *ev->target ? ev->target : "-",
            ev->target_name ? " " : "",
            ev->target_name ? ev->target_name : "", ev->cameo,
            ev->plover ? ev->plover : "", (long long)ev->mentions);
    return 0;
}

/* A JSON string, for the few fields the hit has of its own. */
static void json_str(ctx *c, const char *s)
{
    if (!s) {
        append(c, "null", 4);
        return;
    }
    append(c, "\"", 1);
    for (; *s; s++) {
        char e[8];
        unsigned char ch = (unsigned char)*s;
        if (ch == '"' || ch == '\\') {
            e[0] = '\\', e[1] = (char)ch;
            append(c, e, 2);
        } else if (ch < 0x20) {
            snprintf(e, sizeof e, "\\u%04x", ch);
            append(c, e, 6);
        } else {
            append(c, s, 1);
        }
    }
    append(c, "\"", 1);
}

static int print_hit(void *p, const kh_store_hit *h)
{
    ctx *c = p;
    c->n++;
    kh_event_filter f = {0};
    f.article = h->article;
    f.limit = c->events;
    if (c->jsonl) {
        char num[64];
        c->len = 0;
        snprintf(num, sizeof num, "{\"article\":%lld,\"id\":",
                 (long long)h->article);
        append(c, num, strlen(num));
        json_str(c, h->article_id);
        append(c, ",\"title\":", 9);
        json_str(c, h->title);
        append(c, ",\"source\":", 10);
        json_str(c, h->source);
        append(c, ",\"date\":", 8);
        json_str(c, h->date);
        append(c, ",\"url\":", 7);
        json_str(c, h->url);
        append(c, ",\"snippet\":", 11);
        json_str(c, h->snippet);
        snprintf(num, sizeof num, ",\"rank\":%.4f,\"event_count\":%lld,",
                 h->rank, (long long)h->events);
        append(c, num, strlen(num));
        append(c, "\"events\":[", 10);
        if (c->events &&
            kh_store_events(c->s, &f, add_event, c, &c->err) != KH_OK)
            return c->failed = 1;
        append(c, "]}\n", 3);
        if (fwrite(c->line, 1, c->len, c->out) != c->len)
            return c->failed = 1;
        return 0;
    }
    fprintf(c->out, "%2zu. %s%s%s", c->n, c->color ? "\033[1m" : "",
            h->article_id ? h->article_id : "(no id)",
            c->color ? "\033[0m" : "");
    if (h->source)
        fprintf(c->out, "  %s", h->source);
    if (h->date)
        fprintf(c->out, "  %s", h->date);
    if (h->url)
        fprintf(c->out, "  %s", h->url);
    fputc('\n', c->out);
    fputs("    ", c->out);
    for (const char *t = h->snippet; t && *t; t++)
        fputc(*t == '\n' || *t == '\r' || *t == '\t' ? ' ' : *t, c->out);
    fputc('\n', c->out);
    if (c->events && h->events) {
        if (kh_store_events(c->s, &f, add_event, c, &c->err) != KH_OK)
            return c->failed = 1;
        if ((size_t)h->events > c->events)
            fprintf(c->out, "     ... %lld events in all (khaldun events "
                    "--article '%s')\n", (long long)h->events,
                    h->article_id ? h->article_id : "");
    }
    return 0;
}

int kh_cmd_search(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'b'},
        {"date", required_argument, NULL, 'd'},
        {"since", required_argument, NULL, 's'},
        {"until", required_argument, NULL, 'u'},
        {"source", required_argument, NULL, 'S'},
        {"limit", required_argument, NULL, 'l'},
        {"offset", required_argument, NULL, 'o'},
        {"events", required_argument, NULL, 'e'},
        {"all", no_argument, NULL, 'a'},
        {"format", required_argument, NULL, 'f'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    kh_search_opts o = {0};
    const char *db = NULL;
    char from[11] = "", to[11] = "";
    size_t events = 5, n;
    int jsonl = 0, c;
    kh_error err = {0};
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        char a[11], b[11];
        switch (c) {
        case 'b': db = optarg; break;
        case 'd':
        case 's':
        case 'u':
            if (kh_store_parse_dates(optarg, a, b, &err) != KH_OK) {
                fprintf(stderr, "khaldun: %s: %s\n", c == 'd' ? "--date"
                        : c == 's' ? "--since" : "--until", err.message);
                return 2;
            }
            if (c != 'u' && a[0])
                memcpy(from, a, sizeof a);
            if (c != 's' && b[0])
                memcpy(to, b, sizeof b);
            break;
        case 'S': o.source = optarg; break;
        case 'l':
            if (kh_cli_number("--limit", optarg, 100000, &n) < 0)
                return 2;
            o.limit = n ? n : 1;
            break;
        case 'o':
            if (kh_cli_number("--offset", optarg, SIZE_MAX / 2, &n) < 0)
                return 2;
            o.offset = n;
            break;
        case 'e':
            if (kh_cli_number("--events", optarg, 100000, &events) < 0)
                return 2;
            break;
        case 'a': o.duplicates = 1; break;
        case 'f':
            if (strcmp(optarg, "jsonl") == 0)
                jsonl = 1;
            else if (strcmp(optarg, "text") != 0) {
                fprintf(stderr, "khaldun: --format must be text or jsonl, "
                        "not '%s'\n", optarg);
                return 2;
            }
            break;
        case 'h': fputs(usage, stdout); return 0;
        default: fputs(usage, stderr); return 2;
        }
    }
    if (optind >= argc) {
        fputs("khaldun: search needs a query\n\n", stderr);
        fputs(usage, stderr);
        return 2;
    }
    /* The query: the arguments, joined by spaces. */
    size_t len = 0;
    for (int i = optind; i < argc; i++)
        len += strlen(argv[i]) + 1;
    char *query = malloc(len + 1);
    if (!query)
        return 2;
    query[0] = '\0';
    for (int i = optind; i < argc; i++) {
        if (i > optind)
            strcat(query, " ");
        strcat(query, argv[i]);
    }
    o.query = query;
    o.since = from[0] ? from : NULL;
    o.until = to[0] ? to : NULL;
    o.limit = o.limit ? o.limit : 10;
    ctx x = {0};
    x.out = stdout;
    x.jsonl = jsonl;
    x.events = events;
    x.color = !jsonl && kh_cli_term_width(stdout) > 0;
    if (x.color) {
        o.mark_open = "\033[1;33m";
        o.mark_close = "\033[0m";
    }
    db = kh_cli_db_path(db);
    kh_store *s = kh_store_open(db, KH_STORE_READONLY, &err);
    if (!s) {
        kh_cli_error(&err);
        free(query);
        return 2;
    }
    x.s = s;
    int rc = kh_store_search(s, &o, print_hit, &x, &err);
    if (rc == KH_OK && x.failed) {
        err = x.err;
        rc = err.code ? err.code : KH_EIO;
        if (!err.message[0])
            snprintf(err.message, sizeof err.message,
                     "cannot write the output");
    }
    if (rc == KH_OK && !jsonl && x.n == 0)
        fprintf(stderr, "khaldun: no article matches\n");
    kh_store_close(s);
    free(x.line);
    free(query);
    if (fflush(stdout) != 0 && rc == KH_OK) {
        perror("khaldun: write");
        return 1;
    }
    if (rc != KH_OK) {
        kh_cli_error(&err);
        return rc == KH_EUSAGE ? 2 : 1;
    }
    return x.n ? 0 : 1;
}
