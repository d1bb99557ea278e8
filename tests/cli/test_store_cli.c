/*
 * test_store_cli.c - the store's commands run as a user runs them: ingest
 * (twice, killed, interrupted, streamed), events, search, export, and the
 * files they refuse.
 *
 * The interruption tests kill `khaldun ingest` mid-way (SIGKILL while it
 * has committed some batches and is building another; SIGINT, after
 * which it commits and stops), run it again, and compare the store with
 * one a clean run built: the same articles, events, counts and ids.
 */
#include "testutil.h"

#include "core/arena.h"
#include "read/json.h"

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char khaldun[1024];
static char tmpdir[] = "/tmp/khaldun-store-cli-XXXXXX";

static const char *at(const char *name)
{
    static char paths[16][1100];
    static int k;
    char *p = paths[k++ % 16];
    snprintf(p, 1100, "%s/%s", tmpdir, name);
    return p;
}

static void rm_store(const char *name)
{
    char p[1200];
    snprintf(p, sizeof p, "%s", at(name));
    unlink(p);
    strcat(p, "-wal");
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", at(name));
    unlink(p);
}

typedef struct {
    int status;
    char *out, *err;
    size_t out_len, err_len;
} result;

static void result_free(result *r)
{
    free(r->out);
    free(r->err);
}

/* Starts khaldun with args; stdin from in_fd (or /dev/null when < 0);
 * stdout and stderr to files named after tag. */
static pid_t start(const char *const *args, int in_fd, const char *tag)
{
    char out[1100], err[1100];
    snprintf(out, sizeof out, "%s/.%s.out", tmpdir, tag);
    snprintf(err, sizeof err, "%s/.%s.err", tmpdir, tag);
    pid_t pid = fork();
    if (pid == 0) {
        int o = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int e = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int i = in_fd >= 0 ? in_fd : open("/dev/null", O_RDONLY);
        dup2(o, 1), dup2(e, 2), dup2(i, 0);
        const char *argv[64] = {khaldun};
        size_t n = 1;
        for (; args[n - 1] && n < 63; n++)
            argv[n] = args[n - 1];
        argv[n] = NULL;
        execv(khaldun, (char *const *)argv);
        _exit(127);
    }
    return pid;
}

static result finish(pid_t pid, const char *tag)
{
    char out[1100], err[1100];
    snprintf(out, sizeof out, "%s/.%s.out", tmpdir, tag);
    snprintf(err, sizeof err, "%s/.%s.err", tmpdir, tag);
    result r = {0};
    int st;
    waitpid(pid, &st, 0);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    r.out = tu_read_file(out, &r.out_len);
    r.err = tu_read_file(err, &r.err_len);
    return r;
}

static result run(const char *const *args)
{
    return finish(start(args, -1, "run"), "run");
}

static size_t count_lines(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

/* ---- a corpus ------------------------------------------------------------ */

static uint64_t rng = 0x2545F4914F6CDD1Dull;

static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static const char *const paras[] = {
    "The United States condemned Iran on Monday over the attack on a "
    "tanker, officials said.",
    "Turkish warplanes bombed Kurdish rebels in northern Iraq, the defence "
    "ministry in Ankara said in a statement.",
    "Iraq and Syria signed an agreement on water sharing after two days of "
    "talks in Baghdad.",
    "Jordan's King Abdullah met Iraqi Prime Minister Mohammed Shia "
    "al-Sudani in Amman to discuss trade and security.",
    "Iraqi police arrested three men suspected of planting roadside bombs "
    "near Kirkuk, a police source said.",
    "Protesters gathered outside the provincial council in Basra to demand "
    "jobs and electricity during the summer heat.",
    "The United Nations called for a ceasefire in Taiz and urged all sides "
    "to let aid convoys reach the city.",
    "Lebanon's foreign minister accused Israel of violating the border "
    "agreement, according to the state news agency.",
};

/* n articles as JSON Lines: two to five paragraphs each; every tenth the
 * same text as an earlier one (another id), every seventh a near copy. */
static void write_corpus(const char *path, int n)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    static char texts[1000][2048];
    for (int i = 0; i < n && i < 1000; i++) {
        char *t = texts[i];
        t[0] = '\0';
        if (i % 10 == 9) {
            strcpy(t, texts[i / 2]);
        } else if (i % 7 == 6) {
            snprintf(t, 2048, "By a staff reporter. %s", texts[i - 1]);
        } else {
            int k = 2 + (int)(next() % 4);
            for (int j = 0; j < k; j++) {
                strcat(t, paras[next() % 8]);
                strcat(t, j + 1 < k ? " " : "");
            }
            char tail[64];
            snprintf(tail, sizeof tail, " Report number %d ends here.", i);
            strcat(t, tail);
        }
        fprintf(f, "{\"id\":\"art-%04d\",\"date\":\"2024-%02d-%02d\","
                "\"source\":\"%s\",\"text\":\"%s\"}\n", i,
                1 + (int)(next() % 3), 1 + (int)(next() % 28),
                i % 3 ? "Wire A" : "Wire B", t);
    }
    fclose(f);
}

/* ---- what a store holds --------------------------------------------------- */

static kh_store_stats stats_of(const char *db)
{
    kh_error err;
    kh_store_stats st;
    memset(&st, 0, sizeof st);
    kh_store *s = kh_store_open(db, KH_STORE_READONLY, &err);
    if (!s)
        return st;
    kh_store_stats_get(s, &st, &err);
    kh_store_close(s);
    return st;
}

/* Every event with its counts, one line each, without the time it was
 * added: two stores built from the same input must give the same text. */
static char *fingerprint(const char *db)
{
    const char *args[] = {"events", "--db", db, "--format", "csv",
                          "--order", "id", NULL};
    result r = run(args);
    assert_int_equal(r.status, 0);
    /* drop the last field (added) of each line */
    char *out = malloc(r.out_len + 1), *o = out;
    for (char *line = r.out; *line;) {
        char *nl = strchr(line, '\n');
        char *comma = nl;
        while (comma > line && *comma != ',')
            comma--;
        memcpy(o, line, (size_t)(comma - line));
        o += comma - line;
        *o++ = '\n';
        line = nl + 1;
    }
    *o = '\0';
    result_free(&r);
    return out;
}

/* The counts of every event equal what its mentions say. */
static void counts_consistent(const char *db)
{
    sqlite3 *h;
    assert_int_equal(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL),
                     SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(
        h, "SELECT count(*) FROM events e WHERE"
           " e.num_mentions != (SELECT count(*) FROM mentions"
           "  WHERE event = e.id)"
           " OR e.num_articles != (SELECT count(DISTINCT article)"
           "  FROM mentions WHERE event = e.id)"
           " OR e.num_sources != (SELECT count(DISTINCT coalesce(source, 0))"
           "  FROM mentions WHERE event = e.id)", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 0);
    sqlite3_finalize(st);
    /* and the counts by day add up to them */
    assert_int_equal(sqlite3_prepare_v2(
        h, "SELECT (SELECT sum(events) FROM day_counts) ="
           " (SELECT count(*) FROM events) AND"
           " (SELECT sum(mentions) FROM day_counts) ="
           " (SELECT sum(num_mentions) FROM events) AND"
           " (SELECT sum(events) FROM day_actors) ="
           " (SELECT count(*) FROM events WHERE source <> '') +"
           " (SELECT count(*) FROM events WHERE target <> '')", -1, &st,
        NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 1);
    sqlite3_finalize(st);
    sqlite3_close(h);
}

static void same_store(const char *a, const char *b)
{
    counts_consistent(a);
    counts_consistent(b);
    kh_store_stats x = stats_of(a), y = stats_of(b);
    assert_true(x.articles > 0);
    assert_int_equal(x.articles, y.articles);
    assert_int_equal(x.near_duplicates, y.near_duplicates);
    assert_int_equal(x.sentences, y.sentences);
    assert_int_equal(x.events, y.events);
    assert_int_equal(x.mentions, y.mentions);
    assert_int_equal(x.dates, y.dates);
    char *fa = fingerprint(a), *fb = fingerprint(b);
    assert_string_equal(fa, fb);
    free(fa);
    free(fb);
}

/* ---- tests ---------------------------------------------------------------- */

static void test_ingest_twice(void **state)
{
    (void)state;
    rm_store("samples.db");
    const char *args[] = {"ingest", "--db", at("samples.db"), "data/samples",
                          NULL};
    result r = run(args);
    if (r.status != 0)
        print_message("stderr: %s\n", r.err);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.err, "articles stored"));
    kh_store_stats a = stats_of(at("samples.db"));
    assert_true(a.articles >= 13);
    assert_true(a.events >= 10);
    result_free(&r);
    r = run(args);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.err, ": 0 articles stored"));
    kh_store_stats b = stats_of(at("samples.db"));
    assert_int_equal(a.articles, b.articles);
    assert_int_equal(a.events, b.events);
    assert_int_equal(a.mentions, b.mentions);
    result_free(&r);
}

static void test_events(void **state)
{
    (void)state;
    const char *db = at("samples.db");
    const char *jl[] = {"events", "--db", db, NULL};
    result r = run(jl);   /* not a terminal: JSON Lines, every event */
    assert_int_equal(r.status, 0);
    kh_store_stats st = stats_of(db);
    assert_int_equal(count_lines(r.out), (size_t)st.events);
    kh_arena a;
    kh_arena_init(&a);
    for (char *line = r.out; *line;) {
        char *nl = strchr(line, '\n');
        size_t off;
        const char *msg;
        kh_jval *v = kh_json_parse(&a, line, (size_t)(nl - line), &off, &msg);
        assert_non_null(v);
        assert_non_null(kh_json_get(v, "cameo"));
        line = nl + 1;
    }
    kh_arena_free(&a);
    result_free(&r);

    const char *table[] = {"events", "--db", db, "--format", "table",
                           "--limit", "3", "--mentions", NULL};
    r = run(table);
    assert_int_equal(r.status, 0);
    assert_true(strncmp(r.out, "ID ", 3) == 0);
    assert_non_null(strstr(r.out, "\n3 events; more match"));
    assert_non_null(strstr(r.out, ", sentence "));
    result_free(&r);

    const char *count[] = {"events", "--db", db, "--count", "--quad", "4",
                           NULL};
    r = run(count);
    assert_int_equal(r.status, 0);
    long n = atol(r.out);
    assert_true(n >= 1 && n < st.events);
    result_free(&r);
    const char *q4[] = {"events", "--db", db, "--quad", "4", "--format",
                        "csv", NULL};
    r = run(q4);
    assert_int_equal(count_lines(r.out), (size_t)n + 1);
    assert_true(strncmp(r.out, "id,date,", 8) == 0);
    result_free(&r);

    /* filters by actor, name, code and date */
    const char *f1[] = {"events", "--db", db, "--actor", "YEM", "--count",
                        NULL};
    r = run(f1);
    assert_true(atol(r.out) >= 3);
    result_free(&r);
    const char *f2[] = {"events", "--db", db, "--actor", "houthi",
                        "--cameo", "19", "--count", NULL};
    r = run(f2);
    assert_true(atol(r.out) >= 2);
    result_free(&r);
    const char *f3[] = {"events", "--db", db, "--date", "2024-02",
                        "--count", NULL};
    r = run(f3);
    assert_true(atol(r.out) >= 3);
    result_free(&r);
    const char *f4[] = {"events", "--db", db, "--article",
                        "03_syria_drone_strike", "--format", "jsonl", NULL};
    r = run(f4);
    assert_int_equal(r.status, 0);
    assert_true(count_lines(r.out) >= 1);
    assert_non_null(strstr(r.out, "\"article_id\":\"03_syria_drone_strike\""));
    result_free(&r);

    /* bad filters: a clear message, status 2 */
    static const char *const bad[][3] = {
        {"--quad", "7", "--quad"},
        {"--cameo", "abc", "CAMEO code"},
        {"--date", "2024-13", "not a date range"},
        {"--country", "Iraq", "alpha-3"},
        {"--format", "xml", "--format"},
        {"--article", "no-such-id", "no article"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        const char *args[] = {"events", "--db", db, bad[i][0], bad[i][1],
                              NULL};
        r = run(args);
        assert_int_equal(r.status, 2);
        if (!strstr(r.err, bad[i][2]))
            print_message("stderr: %s\n", r.err);
        assert_non_null(strstr(r.err, bad[i][2]));
        assert_int_equal(count_lines(r.err), 1);
        result_free(&r);
    }
}

static void test_search(void **state)
{
    (void)state;
    const char *db = at("samples.db");
    const char *a1[] = {"search", "--db", db, "drone", "strike", NULL};
    result r = run(a1);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "03_syria_drone_strike"));
    assert_non_null(strstr(r.out, "[drone]"));
    result_free(&r);
    const char *a2[] = {"search", "--db", db, "--format", "jsonl",
                        "houthi*", NULL};
    r = run(a2);
    assert_int_equal(r.status, 0);
    kh_arena a;
    kh_arena_init(&a);
    size_t hits = 0;
    for (char *line = r.out; *line; hits++) {
        char *nl = strchr(line, '\n');
        size_t off;
        const char *msg;
        kh_jval *v = kh_json_parse(&a, line, (size_t)(nl - line), &off, &msg);
        assert_non_null(v);
        assert_int_equal(kh_json_get(v, "events")->type, KH_JARR);
        line = nl + 1;
    }
    assert_true(hits >= 1);
    kh_arena_free(&a);
    result_free(&r);
    const char *a3[] = {"search", "--db", db, "xylophone", NULL};
    r = run(a3);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, "no article matches"));
    result_free(&r);
    const char *a4[] = {"search", "--db", db, "\"drone", NULL};
    r = run(a4);
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(r.err, "not closed"));
    result_free(&r);
    const char *a5[] = {"search", "--db", db, NULL};
    r = run(a5);
    assert_int_equal(r.status, 2);
    result_free(&r);
}

static void test_export(void **state)
{
    (void)state;
    const char *db = at("samples.db");
    kh_store_stats st = stats_of(db);
    const char *g[] = {"export", "--db", db, "--format", "gdelt", "-o",
                       at("out.gdelt"), NULL};
    result r = run(g);
    assert_int_equal(r.status, 0);
    result_free(&r);
    size_t n;
    char *gd = tu_read_file(at("out.gdelt"), &n);
    assert_int_equal(count_lines(gd), (size_t)st.events);
    for (char *line = gd; *line;) {
        char *nl = strchr(line, '\n');
        int tabs = 0;
        for (char *p = line; p < nl; p++)
            tabs += *p == '\t';
        assert_int_equal(tabs, 60);
        line = nl + 1;
    }
    free(gd);
    const char *j[] = {"export", "--db", db, "--format", "jsonl", NULL};
    r = run(j);
    assert_int_equal(count_lines(r.out), (size_t)st.events);
    assert_non_null(strstr(r.out, "\"mention_list\":[{"));
    result_free(&r);
    const char *none[] = {"export", "--db", db, NULL};
    r = run(none);
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(r.err, "--format"));
    result_free(&r);
}

static void test_not_a_store(void **state)
{
    (void)state;
    const char text[] = "a text file, not a store\n";
    tu_write_file(at("notes.db"), text, sizeof text - 1);
    const char *cmds[][8] = {
        {"events", "--db", at("notes.db"), NULL},
        {"search", "--db", at("notes.db"), "x", NULL},
        {"export", "--db", at("notes.db"), "--format", "csv", NULL},
        {"ingest", "--db", at("notes.db"), "data/samples", NULL},
    };
    for (size_t i = 0; i < 4; i++) {
        result r = run(cmds[i]);
        assert_int_equal(r.status, 2);
        assert_non_null(strstr(r.err, "not a Khaldun store"));
        assert_non_null(strstr(r.err, at("notes.db")));
        result_free(&r);
        size_t n;
        char *now = tu_read_file(at("notes.db"), &n);
        assert_int_equal(n, sizeof text - 1);
        assert_memory_equal(now, text, n);
        free(now);
    }
    /* a store that does not exist is not created by reading it */
    const char *ev[] = {"events", "--db", at("none.db"), NULL};
    result r = run(ev);
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(r.err, "no such store"));
    assert_int_equal(access(at("none.db"), F_OK), -1);
    result_free(&r);
}

/* Waits until the store has at least n articles committed (or the
 * process is gone); returns the count seen. */
static int64_t wait_for(const char *db, int64_t n, pid_t pid)
{
    for (int i = 0; i < 60000; i++) {
        int64_t k = stats_of(db).articles;
        if (k >= n)
            return k;
        int st;
        if (waitpid(pid, &st, WNOHANG) == pid)
            return -1;
        usleep(1000);
    }
    return -2;
}

#define CORPUS_N 600

static void test_kill9_and_rerun(void **state)
{
    (void)state;
    write_corpus(at("corpus.jsonl"), CORPUS_N);
    rm_store("clean.db");
    const char *clean[] = {"ingest", "--db", at("clean.db"), "--batch", "25",
                           at("corpus.jsonl"), NULL};
    result r = run(clean);
    assert_int_equal(r.status, 0);
    result_free(&r);
    kh_store_stats c = stats_of(at("clean.db"));
    assert_true(c.articles > CORPUS_N / 2);
    assert_true(c.near_duplicates > 0);

    rm_store("killed.db");
    const char *args[] = {"ingest", "--db", at("killed.db"), "--batch", "25",
                          at("corpus.jsonl"), NULL};
    pid_t pid = start(args, -1, "killed");
    int64_t seen = wait_for(at("killed.db"), 30, pid);
    /* still running: the kill lands mid-way */
    assert_true(seen >= 30);
    assert_int_equal(kill(pid, SIGKILL), 0);
    r = finish(pid, "killed");
    assert_int_equal(r.status, 128 + SIGKILL);
    result_free(&r);
    kh_store_stats k = stats_of(at("killed.db"));
    /* what was committed is there, in whole batches; not all of it */
    assert_true(k.articles >= seen);
    assert_true(k.articles < c.articles);
    r = run(args);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.err, "already there"));
    result_free(&r);
    same_store(at("clean.db"), at("killed.db"));
    /* and a third run adds nothing */
    r = run(args);
    assert_non_null(strstr(r.err, ": 0 articles stored"));
    result_free(&r);
    same_store(at("clean.db"), at("killed.db"));
}

static void test_sigint_and_rerun(void **state)
{
    (void)state;
    rm_store("int.db");
    const char *args[] = {"ingest", "--db", at("int.db"), "--batch", "10",
                          at("corpus.jsonl"), NULL};
    pid_t pid = start(args, -1, "int");
    int64_t seen = wait_for(at("int.db"), 20, pid);
    assert_true(seen >= 20);
    /* Frozen wherever it is (most likely with a batch half built), it
     * gets SIGINT and goes on. */
    assert_int_equal(kill(pid, SIGSTOP), 0);
    assert_int_equal(kill(pid, SIGINT), 0);
    assert_int_equal(kill(pid, SIGCONT), 0);
    result r = finish(pid, "int");
    assert_int_equal(r.status, 130);
    assert_non_null(strstr(r.err, "interrupted"));
    /* It committed what it had coded, and says how much: in its summary,
     * or (stopped while reading, with nothing left to commit) in a line
     * that says so. */
    kh_store_stats k = stats_of(at("int.db"));
    kh_store_stats c = stats_of(at("clean.db"));
    assert_true(k.articles >= seen);
    assert_true(k.articles < c.articles);
    const char *p = strstr(r.err, "int.db: ");
    if (p)
        assert_int_equal(atol(p + 8), k.articles);
    else
        assert_non_null(strstr(r.err, "every article read so far is "
                                      "stored"));
    result_free(&r);
    r = run(args);
    assert_int_equal(r.status, 0);
    result_free(&r);
    same_store(at("clean.db"), at("int.db"));
}

/* SIGINT while waiting for more on standard input: everything read was
 * committed when the input paused, so it stops at once. */
static void test_sigint_waiting(void **state)
{
    (void)state;
    rm_store("wait.db");
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    const char *args[] = {"ingest", "--db", at("wait.db"), "--batch", "500",
                          "-", NULL};
    pid_t pid = start(args, fds[0], "wait");
    close(fds[0]);
    const char line[] = "{\"id\":\"w1\",\"text\":\"The United States "
                        "condemned Iran.\"}\n";
    assert_int_equal(write(fds[1], line, sizeof line - 1),
                     (ssize_t)sizeof line - 1);
    assert_int_equal(wait_for(at("wait.db"), 1, pid), 1);
    usleep(20000);
    assert_int_equal(kill(pid, SIGINT), 0);
    result r = finish(pid, "wait");
    close(fds[1]);
    assert_int_equal(r.status, 130);
    assert_non_null(strstr(r.err, "every article read so far is stored"));
    assert_int_equal(stats_of(at("wait.db")).articles, 1);
    result_free(&r);
}

/* Articles streamed on standard input are committed whenever the stream
 * pauses, so a kill while waiting for more loses none of them. */
static void test_stream(void **state)
{
    (void)state;
    rm_store("stream.db");
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    const char *args[] = {"ingest", "--db", at("stream.db"), "--batch", "500",
                          NULL};
    pid_t pid = start(args, fds[0], "stream");
    close(fds[0]);
    size_t n;
    char *corpus = tu_read_file(at("corpus.jsonl"), &n);
    /* the first 40 lines */
    char *p = corpus;
    for (int i = 0; i < 40; i++)
        p = strchr(p, '\n') + 1;
    assert_int_equal(write(fds[1], corpus, (size_t)(p - corpus)),
                     p - corpus);
    int64_t seen = wait_for(at("stream.db"), 36, pid);   /* 4 are copies */
    assert_true(seen >= 36);
    assert_int_equal(kill(pid, SIGKILL), 0);
    result r = finish(pid, "stream");
    result_free(&r);
    close(fds[1]);
    assert_int_equal(stats_of(at("stream.db")).articles, seen);
    /* the rest through a file */
    const char *rest[] = {"ingest", "--db", at("stream.db"),
                          at("corpus.jsonl"), NULL};
    r = run(rest);
    assert_int_equal(r.status, 0);
    result_free(&r);
    same_store(at("clean.db"), at("stream.db"));
    free(corpus);
}

static void test_progress(void **state)
{
    (void)state;
    rm_store("prog.db");
    const char *args[] = {"ingest", "--db", at("prog.db"), "--progress",
                          "data/samples", NULL};
    result r = run(args);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.err, "\r["));
    assert_non_null(strstr(r.err, "100%"));
    result_free(&r);
    const char *quiet[] = {"ingest", "--db", at("prog.db"), "-q",
                           "data/samples", NULL};
    r = run(quiet);
    assert_int_equal(r.status, 0);
    assert_int_equal(r.err_len, 0);
    result_free(&r);
}

int main(int argc, char **argv)
{
    (void)argc;
    const char *env = getenv("KHALDUN_BIN");
    if (env) {
        snprintf(khaldun, sizeof khaldun, "%s", env);
    } else {
        /* build/tests/test_store_cli -> build/khaldun */
        snprintf(khaldun, sizeof khaldun, "%s", argv[0]);
        char *slash = strrchr(khaldun, '/');
        if (slash)
            *slash = '\0';
        slash = strrchr(khaldun, '/');
        if (slash)
            snprintf(slash + 1, sizeof khaldun - (size_t)(slash + 1 - khaldun),
                     "khaldun");
        else
            snprintf(khaldun, sizeof khaldun, "../khaldun");
    }
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ingest_twice),
        cmocka_unit_test(test_events),
        cmocka_unit_test(test_search),
        cmocka_unit_test(test_export),
        cmocka_unit_test(test_not_a_store),
        cmocka_unit_test(test_kill9_and_rerun),
        cmocka_unit_test(test_sigint_and_rerun),
        cmocka_unit_test(test_sigint_waiting),
        cmocka_unit_test(test_stream),
        cmocka_unit_test(test_progress),
    };
    int rc = cmocka_run_group_tests_name("store-cli", tests, NULL, NULL);
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", tmpdir);
    return rc;
}
