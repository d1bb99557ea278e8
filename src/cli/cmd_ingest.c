/*
 * cmd_ingest.c - `khaldun ingest`: code articles and keep them in a store.
 *
 * Articles are committed in batches (--batch, and at least once a second),
 * each batch one transaction: a kill -9 loses at most the batch being
 * built, and since the store skips what it has (same id, URL or text), the
 * same command run again finishes the job without a duplicate.  SIGINT
 * and SIGTERM stop after the article being stored and commit what was
 * done; a second one stops at once.  When standard input is among the
 * inputs, the batch is committed whenever it has nothing to read, so that
 * a stream of articles is never held back uncommitted (and a signal that
 * comes while waiting for more can end the process at once).
 */
#include "cli.h"
#include "store_cli.h"

#include <dirent.h>
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char usage[] =
    "usage: khaldun ingest [OPTIONS] [FILE|DIR|- ...]\n"
    "\n"
    "Codes news articles and stores them, with their events, quotes,\n"
    "entities, places and dates, in a store (a SQLite file, created when\n"
    "missing).  An article the store has already (the same id, URL or\n"
    "text) is skipped, so running the same command again adds nothing;\n"
    "a near copy of a stored article is stored and linked to it.  Inputs\n"
    "are those of 'khaldun code' (standard input by default).\n"
    "\n"
    "options:\n"
    "  --db FILE            the store (default: $KHALDUN_DB, else\n"
    "                       khaldun.db)\n"
    "  --batch N            commit every N articles (default 500), and at\n"
    "                       least once a second\n"
    "  --date YYYY-MM-DD    story date for articles that have none\n"
    "  --dict PATH          code with these dictionaries (see 'khaldun\n"
    "                       code --help')\n"
    KH_CLI_INPUT_HELP
    "  --max-bytes N        largest article or JSON line accepted\n"
    "  --no-check           do not check every page of an existing store\n"
    "                       first (that takes some seconds per GB)\n"
    "  --progress           show a progress bar (default: on a terminal)\n"
    "  --no-progress        never show one\n"
    "  -q, --quiet          no summary at the end\n"
    "  -h, --help           show this help\n"
    "\n"
    "Interrupting (Ctrl-C) keeps every article stored so far; run the same\n"
    "command again to finish.\n";

static volatile sig_atomic_t stop_sig;
/* 1 while nothing is uncommitted: a signal may then end the process at
 * once (a read from a quiet pipe would otherwise never return). */
static volatile sig_atomic_t idle;

static void on_signal(int sig)
{
    stop_sig = sig;
    if (idle) {
        static const char msg[] = "\nkhaldun: interrupted; every article "
                                  "read so far is stored\n";
        ssize_t w = write(2, msg, sizeof msg - 1);
        (void)w;
        _exit(128 + sig);
    }
}

static void catch_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESETHAND;   /* a second signal ends the process */
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
}

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* ---- progress --------------------------------------------------------- */

typedef struct {
    int on;
    long long total;       /* bytes of the inputs, 0 when unknown */
    long long done;        /* bytes of the files finished */
    long long in_file;     /* bytes of the current file read so far */
    long long file_size;
    char *file;            /* the current input file */
    size_t articles;
    double start, last;
} progress;

/* Bytes of the files under path that the reader would take (roughly:
 * regular files, not hidden, not too deep). */
static long long input_bytes(const char *path, int depth)
{
    struct stat st;
    if (depth > 32 || stat(path, &st) != 0)
        return 0;
    if (S_ISREG(st.st_mode))
        return (long long)st.st_size;
    if (!S_ISDIR(st.st_mode))
        return 0;
    DIR *d = opendir(path);
    if (!d)
        return 0;
    long long n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char sub[4096];
        snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
        n += input_bytes(sub, depth + 1);
    }
    closedir(d);
    return n;
}

static void progress_draw(progress *p, int final)
{
    double t = now_s();
    if (!p->on || (!final && t - p->last < 0.1))
        return;
    p->last = t;
    double el = t - p->start, rate = el > 0 ? (double)p->articles / el : 0;
    long long at = p->done + p->in_file;
    if (p->total > 0) {
        double frac = (double)at / (double)p->total;
        if (frac > 1 || final)
            frac = 1;
        char bar[31];
        int fill = (int)(frac * 30);
        for (int i = 0; i < 30; i++)
            bar[i] = i < fill ? '#' : ' ';
        bar[30] = '\0';
        double eta = frac > 0.001 ? el / frac - el : 0;
        fprintf(stderr, "\r[%s] %3d%%  %zu articles  %.0f/s  ETA %d:%02d ",
                bar, (int)(frac * 100), p->articles, rate, (int)eta / 60,
                (int)eta % 60);
    } else {
        fprintf(stderr, "\r%zu articles  %.0f/s ", p->articles, rate);
    }
    if (final)
        fputs("\r\033[K", stderr);
    fflush(stderr);
}

/* Accounts for doc: a new input file finishes the previous one. */
static void progress_doc(progress *p, const kh_doc *doc)
{
    if (!p->on)
        return;
    long line;
    const char *origin = kh_doc_origin(doc, &line);
    if (origin && (!p->file || strcmp(origin, p->file) != 0)) {
        p->done += p->file_size;
        p->in_file = 0;
        free(p->file);
        p->file = strdup(origin);
        struct stat st;
        p->file_size = stat(origin, &st) == 0 ? (long long)st.st_size : 0;
    }
    size_t len;
    kh_doc_input(doc, &len);
    p->in_file += (long long)len;
    if (p->in_file > p->file_size)
        p->in_file = p->file_size;
    p->articles++;
    progress_draw(p, 0);
}

/* Clears the bar before a message. */
static void progress_clear(progress *p)
{
    if (p->on)
        fputs("\r\033[K", stderr);
}

/* ---- the command ------------------------------------------------------- */

static void dict_warning(void *ctx, const kh_error *e)
{
    (void)ctx;
    char buf[1024];
    fprintf(stderr, "khaldun: warning: %s\n",
            kh_error_format(e, buf, sizeof buf));
}

static void print_warnings(const kh_doc *doc)
{
    long line;
    const char *origin = kh_doc_origin(doc, &line);
    for (size_t i = 0; i < kh_doc_warning_count(doc); i++) {
        if (line > 0)
            fprintf(stderr, "khaldun: %s:%ld: warning: %s\n",
                    origin ? origin : "<input>", line, kh_doc_warning(doc, i));
        else
            fprintf(stderr, "khaldun: %s: warning: %s\n",
                    origin ? origin : "<input>", kh_doc_warning(doc, i));
    }
}

/* Does standard input have nothing to read right now? */
static int stdin_quiet(void)
{
    struct pollfd pf = {0, POLLIN, 0};
    return poll(&pf, 1, 0) == 0;
}

typedef struct {
    size_t added, near, same, failed, events, new_events;
} tally;

int kh_cmd_ingest(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'b'},
        {"batch", required_argument, NULL, 'B'},
        {"date", required_argument, NULL, 'd'},
        {"dict", required_argument, NULL, 'D'},
        {"input", required_argument, NULL, 'i'},
        {"max-bytes", required_argument, NULL, 'm'},
        {"progress", no_argument, NULL, 'p'},
        {"no-progress", no_argument, NULL, 'P'},
        {"no-check", no_argument, NULL, 'C'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    kh_read_opts ropts = {0};
    kh_pipeline_opts popts = {0};
    const char *db = NULL;
    size_t batch = 500, n;
    unsigned open_flags = KH_STORE_CREATE;
    int show = isatty(2), quiet = 0, c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'b': db = optarg; break;
        case 'B':
            if (kh_cli_number("--batch", optarg, 1000000, &batch) < 0)
                return 2;
            if (!batch)
                batch = 1;
            break;
        case 'd': popts.default_date = optarg; break;
        case 'D': popts.dict_path = optarg; break;
        case 'i':
            if ((ropts.format = kh_cli_input_format(optarg)) < 0)
                return 2;
            break;
        case 'm':
            if (kh_cli_number("--max-bytes", optarg, 1u << 30, &n) < 0 ||
                n == 0)
                return 2;
            ropts.max_bytes = n;
            break;
        case 'p': show = 1; break;
        case 'P': show = 0; break;
        case 'C': open_flags |= KH_STORE_NOCHECK; break;
        case 'q': quiet = 1; break;
        case 'h': fputs(usage, stdout); return 0;
        default: fputs(usage, stderr); return 2;
        }
    }
    db = kh_cli_db_path(db);
    kh_error err = {0};
    kh_store *s = kh_store_open(db, open_flags, &err);
    if (!s) {
        kh_cli_error(&err);
        return 2;
    }
    popts.dict_warn = dict_warning;
    kh_pipeline *p = kh_pipeline_new(&popts, &err);
    if (!p) {
        kh_cli_error(&err);
        kh_store_close(s);
        return 2;
    }
    const char *const *paths = (const char *const *)argv + optind;
    size_t npaths = (size_t)(argc - optind);
    /* Standard input may pause for as long as its writer likes: whenever
     * it has nothing to read, what was read is committed first. */
    int reads_stdin = npaths == 0;
    for (size_t i = 0; i < npaths; i++)
        reads_stdin |= strcmp(paths[i], "-") == 0;
    progress pr = {0};
    pr.on = show;
    pr.start = pr.last = now_s();
    for (size_t i = 0; show && i < npaths; i++)
        if (strcmp(paths[i], "-") != 0)
            pr.total += input_bytes(paths[i], 0);
    kh_reader *r = kh_reader_open(paths, npaths, &ropts);
    catch_signals();
    tally t = {0};
    size_t in_batch = 0;
    double last_commit = now_s();
    int fatal = 0;
    kh_doc *doc;
    for (;;) {
        if (in_batch && reads_stdin && stdin_quiet()) {
            if (kh_store_commit(s, &err) != KH_OK) {
                fatal = 1;
                break;
            }
            in_batch = 0;
            last_commit = now_s();
        }
        idle = in_batch == 0;
        if (stop_sig)
            break;
        int rc = kh_reader_next(r, &doc, &err);
        idle = 0;
        if (rc == 0)
            break;
        if (rc < 0) {
            progress_clear(&pr);
            kh_cli_error(&err);
            t.failed++;
            continue;
        }
        if (!in_batch && kh_store_begin(s, &err) != KH_OK) {
            kh_doc_free(doc);
            fatal = 1;
            break;
        }
        kh_ingest_result res;
        rc = kh_store_ingest(s, p, doc, &res, &err);
        in_batch++;
        if (rc != KH_OK) {
            progress_clear(&pr);
            kh_cli_error(&err);
            t.failed++;
            if (rc == KH_EDB || rc == KH_ECORRUPT || rc == KH_EIO) {
                kh_doc_free(doc);
                fatal = 1;
                break;
            }
        } else if (res.status == KH_INGEST_ADDED ||
                   res.status == KH_INGEST_NEAR_DUPLICATE) {
            if (kh_doc_warning_count(doc)) {
                progress_clear(&pr);
                print_warnings(doc);
            }
            t.added++;
            t.near += res.status == KH_INGEST_NEAR_DUPLICATE;
            t.events += res.events;
            t.new_events += res.new_events;
        } else {
            t.same++;
        }
        progress_doc(&pr, doc);
        kh_doc_free(doc);
        if (in_batch >= batch || now_s() - last_commit >= 1.0) {
            if (kh_store_commit(s, &err) != KH_OK) {
                fatal = 1;
                break;
            }
            in_batch = 0;
            last_commit = now_s();
        }
    }
    if (fatal) {
        progress_clear(&pr);
        kh_cli_error(&err);
        kh_store_rollback(s);
        in_batch = 0;
    }
    if (in_batch && kh_store_commit(s, &err) != KH_OK) {
        progress_clear(&pr);
        kh_cli_error(&err);
        fatal = 1;
    }
    progress_draw(&pr, 1);
    free(pr.file);
    kh_reader_close(r);
    kh_pipeline_free(p);
    kh_store_close(s);
    if (!quiet || stop_sig) {
        double el = now_s() - pr.start;
        fprintf(stderr, "khaldun: %s: %zu articles stored", db, t.added);
        if (t.near)
            fprintf(stderr, " (%zu near copies of stored ones)", t.near);
        fprintf(stderr, ", %zu already there", t.same);
        if (t.failed)
            fprintf(stderr, ", %zu failed", t.failed);
        fprintf(stderr, "; %zu events (%zu new records); %.1f s\n",
                t.events, t.new_events, el);
    }
    if (stop_sig) {
        fprintf(stderr, "khaldun: interrupted: everything stored above is "
                "kept; run the same command again to finish\n");
        return 128 + stop_sig;
    }
    return fatal ? 2 : t.failed ? 1 : 0;
}
