/*
 * cmd_serve.c - `khaldun serve`: the JSON API and the web page over a
 * store (src/serve/).  Runs until SIGINT or SIGTERM.
 */
#include "cli.h"
#include "store_cli.h"
#include "../serve/serve.h"

#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef KH_WEB_DIR
#define KH_WEB_DIR "build/web"
#endif

static const char usage[] =
    "usage: khaldun serve [OPTIONS]\n"
    "\n"
    "Serves a store as a JSON API (/api/...) and a web page: a timeline,\n"
    "a map, the events, the articles with what was found in them, and a\n"
    "box to code a pasted article.  Read-only unless --allow-writes.\n"
    "\n"
    "options:\n"
    "  --db FILE            the store (default: $KHALDUN_DB, else khaldun.db)\n"
    "  --host H             the address to listen on (default 127.0.0.1;\n"
    "                       0.0.0.0 opens it to the network)\n"
    "  --port N             the port (default 8080; 0: any free port)\n"
    "  --web DIR            the web page's folder (default: $KHALDUN_WEB,\n"
    "                       else the build's build/web)\n"
    "  --threads N          worker threads (default 4)\n"
    "  --timeout S          close idle connections after S seconds (30)\n"
    "  --allow-writes       accept POST /api/ingest (stores an article),\n"
    "                       with the token in 'Authorization: Bearer T'\n"
    "  --token T            the token (default: $KHALDUN_TOKEN; at least\n"
    "                       16 characters)\n"
    "  --no-code            do not load the coder (POST /api/code answers\n"
    "                       503; starts faster, uses less memory)\n"
    "  --log                print one line per request on stderr\n"
    "  -h, --help           show this help\n";

static int number(const char *opt, const char *arg, size_t lo, size_t hi,
                  size_t *out)
{
    if (kh_cli_number(opt, arg, hi, out) < 0)
        return -1;
    if (*out < lo) {
        fprintf(stderr, "khaldun: %s takes %zu to %zu, not %s\n", opt, lo, hi,
                arg);
        return -1;
    }
    return 0;
}

int kh_cmd_serve(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'b'},
        {"host", required_argument, NULL, 'H'},
        {"port", required_argument, NULL, 'p'},
        {"web", required_argument, NULL, 'w'},
        {"threads", required_argument, NULL, 't'},
        {"timeout", required_argument, NULL, 'T'},
        {"allow-writes", no_argument, NULL, 'a'},
        {"token", required_argument, NULL, 'k'},
        {"no-code", no_argument, NULL, 'n'},
        {"log", no_argument, NULL, 'l'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *db = NULL, *web = NULL, *token = NULL;
    kh_serve_opts o = {"127.0.0.1", 8080, 4, 30};
    int writes = 0, code = 1, log = 0, c;
    size_t n;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case 'b': db = optarg; break;
        case 'H': o.host = optarg; break;
        case 'p':
            if (number("--port", optarg, 0, 65535, &n) < 0)
                return 2;
            o.port = (int)n;
            break;
        case 'w': web = optarg; break;
        case 't':
            if (number("--threads", optarg, 1, 64, &n) < 0)
                return 2;
            o.threads = (unsigned)n;
            break;
        case 'T':
            if (number("--timeout", optarg, 1, 3600, &n) < 0)
                return 2;
            o.timeout_s = (unsigned)n;
            break;
        case 'a': writes = 1; break;
        case 'k': token = optarg; break;
        case 'n': code = 0; break;
        case 'l': log = 1; break;
        case 'h': fputs(usage, stdout); return 0;
        default: fputs(usage, stderr); return 2;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "khaldun: serve takes no arguments ('%s')\n",
                argv[optind]);
        return 2;
    }
    if (!token)
        token = getenv("KHALDUN_TOKEN");
    if (writes && (!token || strlen(token) < 16)) {
        fprintf(stderr, "khaldun: --allow-writes needs a token of at least "
                "16 characters (--token T or $KHALDUN_TOKEN)\n");
        return 2;
    }
    if (writes && !code) {
        fprintf(stderr, "khaldun: --allow-writes codes articles: it cannot "
                "go with --no-code\n");
        return 2;
    }

    kh_server srv;
    memset(&srv, 0, sizeof srv);
    pthread_mutex_init(&srv.code_lock, NULL);
    srv.code_wait_ms = 10000;
    srv.db = kh_cli_db_path(db);
    srv.log_requests = log;
    srv.allow_writes = writes;
    srv.token = writes ? token : NULL;

    /* the store is opened here once, so that a wrong --db is an error
     * now rather than a 503 on every request */
    kh_error err = {0};
    kh_store *probe = kh_store_open(srv.db, KH_STORE_READONLY, &err);
    if (!probe) {
        kh_cli_error(&err);
        return 2;
    }
    kh_store_stats st = {0};
    kh_store_stats_get(probe, &st, &err);
    kh_store_close(probe);
    if (writes && !(srv.writer = kh_store_open(srv.db, 0, &err))) {
        kh_cli_error(&err);
        return 2;
    }

    if (!web)
        web = getenv("KHALDUN_WEB");
    if (!web || !*web)
        web = KH_WEB_DIR;
    char webreal[PATH_MAX];
    if (realpath(web, webreal))
        srv.web = webreal;
    else
        fprintf(stderr, "khaldun: warning: no web folder at %s (run make, "
                "or give --web DIR); serving the API only\n", web);

    if (code) {
        kh_pipeline *p = kh_pipeline_new(NULL, &err);
        if (p)
            srv.pipeline = p;
        else {
            kh_error_format(&err, srv.pipeline_error,
                            sizeof srv.pipeline_error);
            fprintf(stderr, "khaldun: warning: POST /api/code is off: %s\n",
                    srv.pipeline_error);
        }
    } else {
        snprintf(srv.pipeline_error, sizeof srv.pipeline_error,
                 "the server was started with --no-code");
    }

    /* the worker threads start with these signals blocked, so that this
     * thread alone waits for them */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);

    char msg[512];
    int port = 0;
    void *d = kh_serve_start(&srv, &o, &port, msg, sizeof msg);
    int rc = 0;
    if (!d) {
        fprintf(stderr, "khaldun: %s\n", msg);
        rc = 1;
    } else {
        int v6 = strchr(o.host, ':') != NULL;
        printf("khaldun: serving http://%s%s%s:%d/ (store %s: %lld events, "
               "%lld articles; %s)\n", v6 ? "[" : "", o.host, v6 ? "]" : "",
               port, srv.db, (long long)st.events, (long long)st.articles,
               writes ? "writes allowed with the token" : "read-only");
        fflush(stdout);
        int sig;
        sigwait(&set, &sig);
        fprintf(stderr, "khaldun: serve: stopping (%s)\n",
                sig == SIGINT ? "SIGINT" : "SIGTERM");
        kh_serve_stop(d);
    }
    kh_store_close(srv.writer);
    kh_pipeline_free(srv.pipeline);
    pthread_mutex_destroy(&srv.code_lock);
    return rc;
}
