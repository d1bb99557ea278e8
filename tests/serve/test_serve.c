/*
 * test_serve.c - `khaldun serve` over real HTTP.
 *
 * Starts BUILD/khaldun serve (on a free port: --port 0, the port read
 * from what it prints) on a store of data/samples made by `khaldun
 * ingest`, and a second one with --allow-writes on a copy, then talks to
 * them through sockets (tests/serve/http_client.h).  Each endpoint's
 * answer is checked against the library's own answer on the same store;
 * bad requests (unknown routes and parameters, bad values, huge bodies,
 * "../" and "%2e%2e" paths, a link out of the web folder, wrong methods,
 * missing and wrong tokens, a foreign Host) must each get a clear 4xx,
 * and the server must go on answering; at the end it must stop cleanly on
 * SIGTERM (under ASan: without a leak).
 */
#include "testutil.h"
#include "http_client.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char khaldun[1024];
static char tmpdir[] = "/tmp/khaldun-serve-XXXXXX";
static const char token[] = "test-token-0123456789abcdef";

typedef struct {
    pid_t pid;
    int port;
} server;

static server ro, rw;   /* read-only; with writes */
static kh_store *lib;   /* the same store through the library */

static const char *at(const char *name)
{
    static char paths[8][1100];
    static int k;
    char *p = paths[k++ % 8];
    snprintf(p, 1100, "%s/%s", tmpdir, name);
    return p;
}

static int run_cmd(const char *const *args)
{
    pid_t pid = fork();
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        dup2(null, 1);
        dup2(null, 2);
        const char *argv[32] = {khaldun};
        for (size_t i = 0; args[i] && i < 30; i++)
            argv[i + 1] = args[i];
        execv(khaldun, (char *const *)argv);
        _exit(127);
    }
    int st;
    waitpid(pid, &st, 0);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* Starts `khaldun serve args` and reads the port it prints. */
static server start_server(const char *const *args, const char *tag)
{
    server s = {0, 0};
    int fds[2];
    if (pipe(fds) != 0)
        return s;
    s.pid = fork();
    if (s.pid == 0) {
        char err[1200];
        snprintf(err, sizeof err, "%s/%s.err", tmpdir, tag);
        int e = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(fds[1], 1);
        dup2(e, 2);
        close(fds[0]);
        const char *argv[32] = {khaldun, "serve"};
        for (size_t i = 0; args[i] && i < 29; i++)
            argv[i + 2] = args[i];
        execv(khaldun, (char *const *)argv);
        _exit(127);
    }
    close(fds[1]);
    char line[1024];
    size_t n = 0;
    /* the first line says where it listens */
    while (n < sizeof line - 1) {
        struct pollfd p = {fds[0], POLLIN, 0};
        if (poll(&p, 1, 60000) <= 0)
            break;
        ssize_t k = read(fds[0], line + n, 1);
        if (k <= 0 || line[n] == '\n')
            break;
        n++;
    }
    line[n] = '\0';
    close(fds[0]);
    const char *u = strstr(line, "http://127.0.0.1:");
    if (u)
        s.port = atoi(u + strlen("http://127.0.0.1:"));
    return s;
}

static int stop_server(server *s)
{
    if (s->pid <= 0)
        return -1;
    kill(s->pid, SIGTERM);
    int st;
    waitpid(s->pid, &st, 0);
    s->pid = 0;
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static void write_file(const char *name, const char *text)
{
    assert_int_equal(tu_write_file(at(name), text, strlen(text)), 0);
}

static int setup(void **state)
{
    (void)state;
    if (!mkdtemp(tmpdir))
        return -1;
    const char *ingest[] = {"ingest", "--db", at("demo.db"), "--no-progress",
                            "data/samples", NULL};
    if (run_cmd(ingest) != 0)
        return -1;
    char cmd[2400];
    snprintf(cmd, sizeof cmd, "cp '%s' '%s'", at("demo.db"), at("rw.db"));
    if (system(cmd) != 0)
        return -1;
    /* a web folder of every file type, and a link that points out */
    mkdir(at("web"), 0755);
    mkdir(at("web/sub"), 0755);
    write_file("web/index.html", "<!doctype html><title>t</title>\n");
    write_file("web/app.js", "'use strict';\n");
    write_file("web/app.css", "body{}\n");
    write_file("web/data.json", "{}\n");
    write_file("web/pic.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>\n");
    write_file("web/pic.png", "\x89PNG\r\n\x1a\n");
    write_file("web/sub/deep.txt", "deep\n");
    write_file("secret.txt", "secret\n");
    if (symlink(at("secret.txt"), at("web/leak.txt")) != 0)
        return -1;
    const char *a[] = {"--db", at("demo.db"), "--port", "0", "--web",
                       at("web"), "--timeout", "3", NULL};
    ro = start_server(a, "ro");
    const char *b[] = {"--db", at("rw.db"), "--port", "0", "--web",
                       at("web"), "--allow-writes", "--token", token, NULL};
    rw = start_server(b, "rw");
    kh_error err;
    lib = kh_store_open(at("demo.db"), KH_STORE_READONLY, &err);
    return ro.port > 0 && rw.port > 0 && lib ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    stop_server(&ro);
    stop_server(&rw);
    kh_store_close(lib);
    if (getenv("KH_TEST_KEEP")) {
        fprintf(stderr, "# kept %s\n", tmpdir);
        return 0;
    }
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

/* GET target; asserts the status; the caller frees. */
static hc_resp get(int port, const char *target, int status)
{
    hc_resp r = hc_get(port, target);
    if (r.status != status)
        fail_msg("GET %s: status %d, not %d: %s", target, r.status, status,
                 r.body);
    return r;
}

/* The ids of the events of an /api/events answer. */
static size_t event_ids(const char *body, int64_t *ids, size_t max)
{
    size_t n = 0;
    for (const char *p = strstr(body, "{\"id\":"); p && n < max;
         p = strstr(p + 6, "{\"id\":"))
        ids[n++] = strtoll(p + 6, NULL, 10);
    return n;
}

static int64_t lib_count(const kh_event_filter *f)
{
    int64_t n = -1;
    kh_error err;
    assert_int_equal(kh_store_count_events(lib, f, 0, &n, &err), KH_OK);
    return n;
}

/* ---- the routes ------------------------------------------------------- */

static void test_events_paging(void **state)
{
    (void)state;
    int64_t total = lib_count(NULL);
    assert_true(total > 10);
    hc_resp all = get(ro.port, "/api/events?limit=500&count=1", 200);
    int64_t ids[600], a[20], b[20];
    assert_int_equal(event_ids(all.body, ids, 600), total);
    assert_non_null(strstr(all.body, "\"more\":false"));
    char want[64];
    snprintf(want, sizeof want, "\"total\":%lld,", (long long)total);
    assert_non_null(strstr(all.body, want));
    /* two pages of 5 are the first 10, in the same order */
    hc_resp p1 = get(ro.port, "/api/events?limit=5", 200);
    hc_resp p2 = get(ro.port, "/api/events?limit=5&offset=5", 200);
    assert_int_equal(event_ids(p1.body, a, 20), 5);
    assert_int_equal(event_ids(p2.body, b, 20), 5);
    for (int i = 0; i < 5; i++) {
        assert_int_equal(a[i], ids[i]);
        assert_int_equal(b[i], ids[5 + i]);
    }
    assert_non_null(strstr(p1.body, "\"more\":true"));
    /* the last page says no more */
    char t[128];
    snprintf(t, sizeof t, "/api/events?limit=5&offset=%lld",
             (long long)(total - 3));
    hc_resp last = get(ro.port, t, 200);
    assert_int_equal(event_ids(last.body, a, 20), 3);
    assert_non_null(strstr(last.body, "\"more\":false"));
    /* keyset paging: "next" of a page, given back as after=, is the
     * next page; the last page has none */
    int64_t *walk = calloc((size_t)total + 8, sizeof *walk);
    int64_t nwalk = 0;
    char next[64] = "";
    for (int guard = 0; guard < 1000; guard++) {
        char url[160];
        snprintf(url, sizeof url, "/api/events?limit=4&count=1%s%s",
                 next[0] ? "&after=" : "", next);
        hc_resp r = get(ro.port, url, 200);
        nwalk += event_ids(r.body, walk + nwalk, 4);
        snprintf(want, sizeof want, "\"total\":%lld,", (long long)total);
        assert_non_null(strstr(r.body, want));   /* the whole count */
        const char *nx = strstr(r.body, "\"next\":\"");
        if (!nx) {
            assert_non_null(strstr(r.body, "\"next\":null"));
            assert_non_null(strstr(r.body, "\"more\":false"));
            hc_free(&r);
            break;
        }
        nx += 8;
        size_t len = strcspn(nx, "\"");
        assert_true(len < sizeof next);
        memcpy(next, nx, len);
        next[len] = '\0';
        hc_free(&r);
    }
    assert_int_equal(nwalk, total);
    for (int64_t i = 0; i < total && i < 500; i++)
        assert_int_equal(walk[i], ids[i]);
    free(walk);
    /* a cursor is checked, and belongs to its order */
    hc_resp bad = get(ro.port, "/api/events?after=n2024x", 400);
    assert_non_null(strstr(bad.body, "after"));
    hc_free(&bad);
    hc_resp p1n = get(ro.port, "/api/events?limit=5", 200);
    const char *nx = strstr(p1n.body, "\"next\":\"n");
    assert_non_null(nx);
    char u[160];
    snprintf(u, sizeof u, "/api/events?order=oldest&after=%.*s",
             (int)strcspn(nx + 8, "\""), nx + 8);
    hc_resp wrong = get(ro.port, u, 400);
    hc_free(&wrong), hc_free(&p1n);
    hc_resp bym = get(ro.port, "/api/events?order=mentions&after=m1.1", 400);
    hc_free(&bym);
    /* oldest first is another order of the same events */
    hc_resp old = get(ro.port, "/api/events?limit=500&order=oldest", 200);
    assert_int_equal(event_ids(old.body, b, 20), 20);
    hc_free(&all), hc_free(&p1), hc_free(&p2), hc_free(&last),
        hc_free(&old);
}

/* Each filter as a parameter gives what the library gives. */
static void test_events_filters(void **state)
{
    (void)state;
    struct {
        const char *query;
        kh_event_filter f;
    } cases[] = {
        {"quad=4", {.quad = 4}},
        {"actor=IRQ", {.actor = "IRQ"}},
        {"source=USA", {.source = "USA"}},
        {"target=YEMHTI", {.target = "YEMHTI"}},
        {"root=19", {.root = "19"}},
        {"cameo=19", {.cameo = "19"}},
        {"plover=assault", {.plover = "assault"}},
        {"country=JOR", {.country = "JOR"}},
        {"place=amman", {.place = "amman"}},
        {"since=2025", {.since = "2025-01-01"}},
        {"until=2024-06", {.until = "2024-06-30"}},
        {"date=2024-02..2024-05", {.since = "2024-02-01",
                                   .until = "2024-05-31"}},
        {"actor=Peshmerga+ministry", {.actor = "Peshmerga ministry"}},
        {"actor=IRQ&quad=1&country=IRQ",
         {.actor = "IRQ", .quad = 1, .country = "IRQ"}},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        int64_t want = lib_count(&cases[i].f);
        char t[256];
        snprintf(t, sizeof t, "/api/events?limit=500&%s", cases[i].query);
        hc_resp r = get(ro.port, t, 200);
        int64_t ids[600];
        size_t n = event_ids(r.body, ids, 600);
        if ((int64_t)n != want)
            fail_msg("%s: %zu events, the library says %lld", t, n,
                     (long long)want);
        hc_free(&r);
    }
    /* every quad-4 event says so; the article filter takes the id as
     * given */
    hc_resp q4 = get(ro.port, "/api/events?quad=4&limit=500", 200);
    assert_int_equal(hc_count(q4.body, "\"quad\":"),
                     hc_count(q4.body, "\"quad\":4,"));
    int64_t key;
    kh_error err;
    assert_int_equal(kh_store_article_key(lib, "13-02", &key, &err), KH_OK);
    kh_event_filter f = {.article = key};
    hc_resp art = get(ro.port, "/api/events?article=13-02&limit=500", 200);
    int64_t ids[600];
    assert_int_equal(event_ids(art.body, ids, 600), lib_count(&f));
    assert_true(lib_count(&f) > 0);
    hc_free(&q4), hc_free(&art);
}

static void test_event_and_mentions(void **state)
{
    (void)state;
    hc_resp e = get(ro.port, "/api/events/3", 200);
    assert_non_null(strstr(e.body, "{\"event\":{\"id\":3,"));
    assert_null(strstr(e.body, "\"mentions\":["));
    hc_resp m = get(ro.port, "/api/events/3/mentions", 200);
    assert_non_null(strstr(m.body, "\"mentions\":[{\"event\":3,"));
    assert_non_null(strstr(m.body, "\"sentence_text\":\""));
    hc_resp none = get(ro.port, "/api/events/99999", 404);
    assert_non_null(strstr(none.body, "\"error\":\"no event has the id"));
    hc_resp bad = get(ro.port, "/api/events/3x", 404);
    hc_free(&e), hc_free(&m), hc_free(&none), hc_free(&bad);
}

static void test_articles(void **state)
{
    (void)state;
    int64_t key;
    kh_error err;
    assert_int_equal(kh_store_article_key(lib, "03_syria_drone_strike", &key,
                                          &err), KH_OK);
    size_t len;
    char *want = kh_store_article_json(lib, key, &len, &err);
    assert_non_null(want);
    char t[128];
    snprintf(t, sizeof t, "/api/articles/%lld", (long long)key);
    hc_resp r = get(ro.port, t, 200);
    assert_int_equal(r.body_len, len);
    assert_memory_equal(r.body, want, len);
    hc_resp byid = get(ro.port, "/api/articles/03_syria_drone_strike", 200);
    assert_string_equal(byid.body, want);
    free(want);
    hc_resp none = get(ro.port, "/api/articles/no-such-article", 404);
    assert_non_null(strstr(none.body, "no-such-article"));
    hc_resp nokey = get(ro.port, "/api/articles/99999", 404);
    hc_free(&r), hc_free(&byid), hc_free(&none), hc_free(&nokey);
}

static void test_search(void **state)
{
    (void)state;
    hc_resp r = get(ro.port, "/api/search?q=drone", 200);
    assert_non_null(strstr(r.body, "\"article_id\":\"03_syria_drone_strike\""));
    /* the matched word is marked (\u0001 ... \u0002) for the page */
    assert_non_null(strstr(r.body, "\\u0001drone\\u0002"));
    hc_resp phrase = get(ro.port, "/api/search?q=%22drone+strike%22&limit=1",
                         200);
    assert_int_equal(hc_count(phrase.body, "\"article\":"), 1);
    hc_resp none = get(ro.port, "/api/search?q=zzzxqy", 200);
    assert_string_equal(none.body, "{\"hits\":[],\"more\":false,\"offset\":0,"
                                   "\"limit\":20}");
    hc_resp bad = get(ro.port, "/api/search?q=%22open", 400);
    assert_non_null(strstr(bad.body, "\"parameter\":\"q\""));
    hc_resp miss = get(ro.port, "/api/search", 400);
    assert_non_null(strstr(miss.body, "\"parameter\":\"q\""));
    hc_free(&r), hc_free(&phrase), hc_free(&none), hc_free(&bad),
        hc_free(&miss);
}

static int64_t sum_events(const char *body)
{
    int64_t n = 0;
    for (const char *p = strstr(body, "\"events\":"); p;
         p = strstr(p + 9, "\"events\":"))
        n += strtoll(p + 9, NULL, 10);
    return n;
}

static void test_counts(void **state)
{
    (void)state;
    /* the timeline counts every dated event once, whatever the group */
    kh_event_filter dated = {.since = "0001-01-01"};
    int64_t want = lib_count(&dated);
    assert_true(want > 0);
    const char *groups[] = {"/api/timeline?group=quad&period=day",
                            "/api/timeline?group=root&period=month",
                            "/api/timeline?group=none&period=year"};
    for (int i = 0; i < 3; i++) {
        hc_resp r = get(ro.port, groups[i], 200);
        assert_int_equal(sum_events(r.body), want);
        hc_free(&r);
    }
    hc_resp q = get(ro.port, "/api/timeline?quad=4&period=year", 200);
    assert_non_null(strstr(q.body, "\"name\":\"material conflict\""));
    assert_null(strstr(q.body, "\"key\":\"1\""));
    hc_resp a = get(ro.port, "/api/actors/top?n=3", 200);
    assert_int_equal(hc_count(a.body, "\"key\":"), 3);
    assert_non_null(strstr(a.body, "{\"actors\":[{\"key\":\"IRQ"));
    /* every actor has the name the articles wrote for it; small stores
     * are counted whole */
    assert_int_equal(hc_count(a.body, "\"name\":null"), 0);
    assert_non_null(strstr(a.body, "\"capped\":null}"));
    hc_resp af = get(ro.port, "/api/actors/top?n=3&quad=4", 200);
    assert_int_equal(hc_count(af.body, "\"name\":null"), 0);
    assert_non_null(strstr(af.body, "\"capped\":null}"));
    hc_free(&af);
    hc_resp p = get(ro.port, "/api/places?country=JOR", 200);
    assert_non_null(strstr(p.body, "\"name\":\"Amman\""));
    assert_non_null(strstr(p.body, "\"lat\":31.9"));
    kh_store_stats st;
    kh_error err;
    assert_int_equal(kh_store_stats_get(lib, &st, &err), KH_OK);
    hc_resp s = get(ro.port, "/api/stats", 200);
    char w[128];
    snprintf(w, sizeof w, "\"articles\":%lld,", (long long)st.articles);
    assert_non_null(strstr(s.body, w));
    snprintf(w, sizeof w, "\"events\":%lld,", (long long)st.events);
    assert_non_null(strstr(s.body, w));
    hc_free(&q), hc_free(&a), hc_free(&p), hc_free(&s);
}

static void test_export(void **state)
{
    (void)state;
    kh_event_filter q4 = {.quad = 4};
    int64_t want = lib_count(&q4);
    hc_resp r = get(ro.port, "/api/export?format=csv&quad=4", 200);
    char v[256];
    assert_string_equal(hc_header(&r, "Content-Type", v, sizeof v),
                        "text/csv; charset=utf-8");
    assert_string_equal(hc_header(&r, "Content-Disposition", v, sizeof v),
                        "attachment; filename=\"khaldun-events.csv\"");
    assert_int_equal(hc_count(r.body, "\n"), want + 1);   /* the header */
    assert_true(strncmp(r.body, "id,date,source,", 15) == 0);
    hc_free(&r);
    r = get(ro.port, "/api/export?format=jsonl&mentions=1&limit=2&order=oldest",
            200);
    assert_int_equal(hc_count(r.body, "\n"), 2);
    assert_int_equal(hc_count(r.body, "\"mention_list\":["), 2);
    hc_free(&r);
    r = get(ro.port, "/api/export?format=gdelt&limit=1", 200);
    assert_int_equal(hc_count(r.body, "\t"), 60);   /* 61 columns */
    hc_free(&r);
    r = get(ro.port, "/api/export?format=xml", 400);
    assert_non_null(strstr(r.body, "\"parameter\":\"format\""));
    hc_free(&r);
    r = get(ro.port, "/api/export?format=csv&mentions=1", 400);
    assert_non_null(strstr(r.body, "\"parameter\":\"mentions\""));
    hc_free(&r);
    r = get(ro.port, "/api/export?limit=100001", 400);
    hc_free(&r);
}

static void test_code(void **state)
{
    (void)state;
    size_t len = 0;
    char *text = tu_read_file("data/samples/03_syria_drone_strike.txt", &len);
    assert_non_null(text);
    hc_resp r = hc_request(ro.port, "POST", "/api/code",
                           "Content-Type: text/plain\r\n", text, len);
    assert_int_equal(r.status, 200);
    assert_non_null(strstr(r.body, "\"cameo\":\"190\""));
    assert_non_null(strstr(r.body, "\"quotes\":[{"));
    /* with the text its offsets point into */
    assert_non_null(strstr(r.body, ",\"text\":\"BEIRUT, Aug 25 (AFP) - A "
                                   "drone strike"));
    /* not stored: the store has the same events as before */
    kh_store_stats st;
    kh_error err;
    assert_int_equal(kh_store_stats_get(lib, &st, &err), KH_OK);
    hc_resp s = get(ro.port, "/api/stats", 200);
    char w[64];
    snprintf(w, sizeof w, "\"articles\":%lld,", (long long)st.articles);
    assert_non_null(strstr(s.body, w));
    /* a JSON Lines record */
    const char *j = "{\"id\":\"j1\",\"date\":\"2024-03-01\",\"text\":"
                    "\"Turkish warplanes bombed Kurdish rebels in northern "
                    "Iraq on Friday.\"}";
    hc_resp jr = hc_request(ro.port, "POST", "/api/code",
                            "Content-Type: application/json\r\n", j,
                            strlen(j));
    assert_int_equal(jr.status, 200);
    assert_non_null(strstr(jr.body, "\"id\":\"j1\""));
    assert_non_null(strstr(jr.body, "\"root\":\"19\""));
    hc_resp bad = hc_request(ro.port, "POST", "/api/code",
                             "Content-Type: application/json\r\n", "{\"x\":1}",
                             7);
    assert_int_equal(bad.status, 400);
    assert_non_null(strstr(bad.body, "\"error\":"));
    hc_resp empty = hc_request(ro.port, "POST", "/api/code", NULL, "", 0);
    assert_int_equal(empty.status, 400);
    free(text);
    hc_free(&r), hc_free(&s), hc_free(&jr), hc_free(&bad), hc_free(&empty);
}

/* ---- bad requests ----------------------------------------------------- */

static void test_bad_parameters(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"/api/events?limit=0", "limit"},
        {"/api/events?limit=501", "limit"},
        {"/api/events?limit=-1", "limit"},
        {"/api/events?limit=abc", "limit"},
        {"/api/events?limit=99999999999999999999999", "limit"},
        {"/api/events?offset=-5", "offset"},
        {"/api/events?quad=5", "quad"},
        {"/api/events?quad=", "quad"},
        {"/api/events?order=random", "order"},
        {"/api/events?date=2024-13", "date"},
        {"/api/events?since=2025&until=2024", "since"},
        {"/api/events?article=nope", "article"},
        {"/api/events?actor=", "actor"},
        {"/api/events?colour=red", "colour"},
        {"/api/events?limit=5&limit=6", "limit"},
        {"/api/events?actor=%zz", "actor"},
        {"/api/events?actor=a%00b", "actor"},
        {"/api/timeline?group=actor", "group"},
        {"/api/timeline?period=week", "period"},
        {"/api/actors/top?n=0", "n"},
        {"/api/places?n=1001", "n"},
        {"/api/stats?x=1", "x"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        hc_resp r = get(ro.port, cases[i][0], 400);
        char want[128];
        snprintf(want, sizeof want, "\"parameter\":\"%s\"", cases[i][1]);
        if (!strstr(r.body, want) || !strstr(r.body, "{\"error\":\""))
            fail_msg("%s: %s does not name %s", cases[i][0], r.body,
                     cases[i][1]);
        char ct[128];
        assert_string_equal(hc_header(&r, "Content-Type", ct, sizeof ct),
                            "application/json");
        hc_free(&r);
    }
    /* a store's refusal of a filter is the client's error too */
    hc_resp cameo = get(ro.port, "/api/events?cameo=abc", 400);
    hc_free(&cameo);
}

static void test_routes_and_methods(void **state)
{
    (void)state;
    hc_resp r = get(ro.port, "/api/nothing", 404);
    assert_non_null(strstr(r.body, "no such route"));
    hc_free(&r);
    r = get(ro.port, "/no-such-file.html", 404);
    hc_free(&r);
    /* the API's root and the routes' prefixes are no routes */
    const char *none[] = {"/api", "/api/", "/api/events/", "/api/articles/",
                          "/api/events/0", "/api/events/1/x", "/api/Events"};
    for (int i = 0; i < 7; i++) {
        r = get(ro.port, none[i], 404);
        assert_non_null(strstr(r.body, "\"error\":"));
        hc_free(&r);
    }
    char allow[64];
    r = hc_request(ro.port, "DELETE", "/api/events", NULL, NULL, 0);
    assert_int_equal(r.status, 405);
    assert_string_equal(hc_header(&r, "Allow", allow, sizeof allow),
                        "GET, HEAD");
    hc_free(&r);
    r = hc_request(ro.port, "POST", "/api/events", NULL, "x", 1);
    assert_int_equal(r.status, 405);
    hc_free(&r);
    r = hc_request(ro.port, "GET", "/api/code", NULL, NULL, 0);
    assert_int_equal(r.status, 405);
    assert_string_equal(hc_header(&r, "Allow", allow, sizeof allow), "POST");
    hc_free(&r);
    r = hc_request(ro.port, "PUT", "/index.html", NULL, "x", 1);
    assert_int_equal(r.status, 405);
    hc_free(&r);
    r = hc_request(ro.port, "HEAD", "/api/stats", NULL, NULL, 0);
    assert_int_equal(r.status, 200);
    assert_int_equal(r.body_len, 0);
    hc_free(&r);
}

static void test_paths(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt",
        "/sub/../../secret.txt", "/sub/%2e%2e/%2e%2e/secret.txt",
        "/..%2fsecret.txt", "/.%2e/secret.txt", "//etc/passwd",
        "/sub//deep.txt", "/.hidden", "/sub/..", "/a%5c..%5csecret.txt",
        "/%00index.html",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char req[256];
        int n = snprintf(req, sizeof req, "GET %s HTTP/1.1\r\nHost: "
                         "127.0.0.1\r\nConnection: close\r\n\r\n", bad[i]);
        hc_resp r = hc_raw(ro.port, req, (size_t)n);
        if (r.status != 400 && r.status != 404)
            fail_msg("GET %s: status %d: %s", bad[i], r.status, r.body);
        assert_null(strstr(r.body, "secret"));
        assert_null(strstr(r.body, "root:"));
        hc_free(&r);
    }
    /* a link inside the folder that points out of it */
    hc_resp r = get(ro.port, "/leak.txt", 404);
    assert_null(strstr(r.body, "secret\n"));
    hc_free(&r);
    /* what is inside is served, with its type */
    static const char *const files[][2] = {
        {"/", "text/html; charset=utf-8"},
        {"/index.html", "text/html; charset=utf-8"},
        {"/app.js", "text/javascript; charset=utf-8"},
        {"/app.css", "text/css; charset=utf-8"},
        {"/data.json", "application/json"},
        {"/pic.svg", "image/svg+xml"},
        {"/pic.png", "image/png"},
        {"/sub/deep.txt", "text/plain; charset=utf-8"},
    };
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        r = get(ro.port, files[i][0], 200);
        char ct[128], cc[64];
        assert_string_equal(hc_header(&r, "Content-Type", ct, sizeof ct),
                            files[i][1]);
        assert_string_equal(hc_header(&r, "Cache-Control", cc, sizeof cc),
                            "no-cache");
        hc_free(&r);
    }
}

static void test_headers(void **state)
{
    (void)state;
    const char *targets[] = {"/api/stats", "/", "/api/nothing"};
    for (int i = 0; i < 3; i++) {
        hc_resp r = hc_get(ro.port, targets[i]);
        char v[512];
        const char *csp = hc_header(&r, "Content-Security-Policy", v,
                                    sizeof v);
        assert_non_null(csp);
        assert_non_null(strstr(csp, "default-src 'self'"));
        assert_non_null(strstr(csp, "script-src 'self'"));
        assert_null(strstr(csp, "unsafe-inline"));
        assert_string_equal(hc_header(&r, "X-Content-Type-Options", v,
                                      sizeof v), "nosniff");
        assert_string_equal(hc_header(&r, "Referrer-Policy", v, sizeof v),
                            "no-referrer");
        if (i != 1)
            assert_string_equal(hc_header(&r, "Cache-Control", v, sizeof v),
                                "no-store");
        hc_free(&r);
    }
    /* a page of another host name (DNS rebinding) is refused */
    const char *req = "GET /api/stats HTTP/1.1\r\nHost: evil.example\r\n"
                      "Connection: close\r\n\r\n";
    hc_resp r = hc_raw(ro.port, req, strlen(req));
    assert_int_equal(r.status, 403);
    hc_free(&r);
    req = "GET /api/stats HTTP/1.1\r\nHost: localhost:1\r\n"
          "Connection: close\r\n\r\n";
    r = hc_raw(ro.port, req, strlen(req));
    assert_int_equal(r.status, 200);
    hc_free(&r);
}

static void test_huge_bodies(void **state)
{
    (void)state;
    /* a Content-Length past the limit: answered before the body */
    const char *req = "POST /api/code HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      "Content-Length: 1073741824\r\nConnection: close\r\n"
                      "\r\nxxxx";
    hc_resp r = hc_raw(ro.port, req, strlen(req));
    assert_int_equal(r.status, 413);
    assert_non_null(strstr(r.body, "larger than"));
    hc_free(&r);
    /* a body that is sent: 2 MB, chunked (no length to read first) */
    size_t n = 2u << 20;
    char *big = malloc(n + 4096);
    int h = snprintf(big, 4096, "POST /api/code HTTP/1.1\r\nHost: 127.0.0.1"
                     "\r\nTransfer-Encoding: chunked\r\nConnection: close"
                     "\r\n\r\n");
    size_t off = (size_t)h;
    for (int i = 0; i < 32; i++) {
        off += (size_t)sprintf(big + off, "10000\r\n");
        memset(big + off, 'a', 0x10000);
        off += 0x10000;
        off += (size_t)sprintf(big + off, "\r\n");
    }
    off += (size_t)sprintf(big + off, "0\r\n\r\n");
    r = hc_raw(ro.port, big, off);
    assert_int_equal(r.status, 413);
    hc_free(&r);
    free(big);
    /* and the server goes on */
    r = get(ro.port, "/api/stats", 200);
    hc_free(&r);
}

static void test_writes(void **state)
{
    (void)state;
    const char *j = "{\"id\":\"w1\",\"date\":\"2024-03-01\",\"text\":"
                    "\"Turkish warplanes bombed Kurdish rebels in northern "
                    "Iraq on Friday.\"}";
    const char *ct = "Content-Type: application/json\r\n";
    /* the read-only server refuses, token or not */
    hc_resp r = hc_request(ro.port, "POST", "/api/ingest", ct, j, strlen(j));
    assert_int_equal(r.status, 403);
    hc_free(&r);
    char hdr[256], v[128];
    snprintf(hdr, sizeof hdr, "%sAuthorization: Bearer %s\r\n", ct, token);
    r = hc_request(ro.port, "POST", "/api/ingest", hdr, j, strlen(j));
    assert_int_equal(r.status, 403);
    hc_free(&r);
    /* the writing server: no token, a wrong one, another scheme */
    r = hc_request(rw.port, "POST", "/api/ingest", ct, j, strlen(j));
    assert_int_equal(r.status, 401);
    assert_non_null(hc_header(&r, "WWW-Authenticate", v, sizeof v));
    hc_free(&r);
    const char *wrong[] = {"Bearer test-token-0123456789abcdeX",
                           "Bearer test-token-0123456789abcde",
                           "Bearer ", "Basic dGVzdDp0ZXN0"};
    for (int i = 0; i < 4; i++) {
        snprintf(hdr, sizeof hdr, "%sAuthorization: %s\r\n", ct, wrong[i]);
        r = hc_request(rw.port, "POST", "/api/ingest", hdr, j, strlen(j));
        assert_int_equal(r.status, 401);
        hc_free(&r);
    }
    r = get(rw.port, "/api/events?article=w1", 400);
    hc_free(&r);
    /* the right token stores it, once; readers see it at once */
    snprintf(hdr, sizeof hdr, "%sAuthorization: Bearer %s\r\n", ct, token);
    r = hc_request(rw.port, "POST", "/api/ingest", hdr, j, strlen(j));
    assert_int_equal(r.status, 201);
    assert_non_null(strstr(r.body, "\"status\":\"added\""));
    hc_free(&r);
    r = hc_request(rw.port, "POST", "/api/ingest", hdr, j, strlen(j));
    assert_int_equal(r.status, 200);
    assert_non_null(strstr(r.body, "\"status\":\"same_id\""));
    hc_free(&r);
    r = get(rw.port, "/api/events?article=w1", 200);
    assert_non_null(strstr(r.body, "\"root\":\"19\""));
    hc_free(&r);
}

static void test_slow_clients(void **state)
{
    (void)state;
    /* a client that sends half a request holds one connection, not the
     * server; it is dropped after the timeout (3 s here) */
    int fd = hc_connect(ro.port);
    assert_true(fd >= 0);
    hc_send(fd, "GET /api/stats HTTP/1.1\r\nHost: 127", 34);
    hc_resp r = get(ro.port, "/api/stats", 200);
    hc_free(&r);
    time_t t0 = time(NULL);
    char buf[512];
    struct pollfd p = {fd, POLLIN, 0};
    assert_int_equal(poll(&p, 1, 15000), 1);
    ssize_t k = recv(fd, buf, sizeof buf, 0);
    assert_true(k <= 0 || strncmp(buf, "HTTP/1.1 4", 10) == 0);
    assert_true(time(NULL) - t0 <= 10);
    close(fd);
    /* garbage instead of HTTP */
    const char junk[] = "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 junk\r\n"
                        "\r\n";
    r = hc_raw(ro.port, junk, sizeof junk - 1);
    assert_true(r.status == 0 || (r.status >= 400 && r.status < 500));
    hc_free(&r);
}

static void test_still_serving_and_clean_stop(void **state)
{
    (void)state;
    hc_resp r = get(ro.port, "/api/events?limit=1", 200);
    assert_non_null(strstr(r.body, "{\"events\":[{\"id\":"));
    hc_free(&r);
    assert_int_equal(kill(ro.pid, 0), 0);
    assert_int_equal(stop_server(&ro), 0);
    assert_int_equal(stop_server(&rw), 0);
}

/* A bad --db or option is refused at once, with a message. */
static void test_bad_start(void **state)
{
    (void)state;
    write_file("notastore.db", "this is not SQLite\n");
    const char *a[] = {"serve", "--db", at("notastore.db"), "--port", "0",
                       NULL};
    assert_int_equal(run_cmd(a), 2);
    const char *b[] = {"serve", "--db", at("demo.db"), "--allow-writes",
                       "--token", "short", NULL};
    assert_int_equal(run_cmd(b), 2);
    const char *c[] = {"serve", "--db", at("demo.db"), "--port", "70000",
                       NULL};
    assert_int_equal(run_cmd(c), 2);
}

int main(int argc, char **argv)
{
    (void)argc;
    const char *env = getenv("KHALDUN_BIN");
    if (env) {
        snprintf(khaldun, sizeof khaldun, "%s", env);
    } else {
        /* build/tests/test_serve -> build/khaldun */
        snprintf(khaldun, sizeof khaldun, "%s", argv[0]);
        char *slash = strrchr(khaldun, '/');
        if (slash)
            *slash = '\0';
        slash = strrchr(khaldun, '/');
        if (slash)
            snprintf(slash + 1, sizeof khaldun - (size_t)(slash + 1 - khaldun),
                     "khaldun");
    }
    signal(SIGPIPE, SIG_IGN);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_events_paging),
        cmocka_unit_test(test_events_filters),
        cmocka_unit_test(test_event_and_mentions),
        cmocka_unit_test(test_articles),
        cmocka_unit_test(test_search),
        cmocka_unit_test(test_counts),
        cmocka_unit_test(test_export),
        cmocka_unit_test(test_code),
        cmocka_unit_test(test_bad_parameters),
        cmocka_unit_test(test_routes_and_methods),
        cmocka_unit_test(test_paths),
        cmocka_unit_test(test_headers),
        cmocka_unit_test(test_huge_bodies),
        cmocka_unit_test(test_writes),
        cmocka_unit_test(test_slow_clients),
        cmocka_unit_test(test_still_serving_and_clean_stop),
        cmocka_unit_test(test_bad_start),
    };
    return cmocka_run_group_tests_name("serve", tests, setup, teardown);
}
