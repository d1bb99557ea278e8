/*
 * reader.c - iterating articles over files, directories and stdin.
 *
 * The reader is a queue of paths.  A directory is replaced in the queue by
 * its entries in name order (byte order, so the result does not depend on
 * the locale); a JSON Lines file stays open and yields one article per
 * line.  Every failure (a missing path, a file too large, a bad line) is
 * returned as one error for that input, and the next call goes on with the
 * rest, so one bad input never stops the others.
 */
#include "read.h"

#include "../core/error.h"

#include <dirent.h>
#include <errno.h>
#include <ctype.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* Directories nested deeper than this are reported, not followed. */
#define MAX_DEPTH 32

typedef struct {
    char *path;
    int depth;
} qitem;

struct kh_reader {
    qitem *queue;         /* a stack: the next path is at the top */
    size_t n, cap;
    kh_read_opts opts;
    kh_lines *lines;      /* the JSON Lines input being read, or NULL */
    char *lines_name;
    /* the items of a feed not yet returned: a document, or the error of
     * an item without text (doc NULL) */
    struct pending { kh_doc *doc; kh_error err; } *pend;
    size_t npend, ipend, cappend;
};

static void push(kh_reader *r, const char *path, int depth)
{
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 16;
        r->queue = kh_xrealloc(r->queue, r->cap * sizeof *r->queue);
    }
    r->queue[r->n++] = (qitem){kh_xstrdup(path), depth};
}

kh_reader *kh_reader_open(const char *const *paths, size_t n,
                          const kh_read_opts *opts)
{
    kh_reader *r = kh_xcalloc(1, sizeof *r);
    if (opts)
        r->opts = *opts;
    if (!r->opts.max_bytes)
        r->opts.max_bytes = KH_DEFAULT_MAX_BYTES;
    if (n == 0)
        push(r, "-", 0);
    for (size_t i = n; i-- > 0;)
        push(r, paths[i], 0);
    return r;
}

void kh_reader_close(kh_reader *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n; i++)
        free(r->queue[i].path);
    free(r->queue);
    kh_lines_close(r->lines);
    free(r->lines_name);
    for (size_t i = r->ipend; i < r->npend; i++)
        kh_doc_free(r->pend[i].doc);
    free(r->pend);
    free(r);
}

static int has_ext(const char *name, const char *ext)
{
    size_t n = strlen(name), e = strlen(ext);
    return n > e && strcmp(name + n - e, ext) == 0;
}

static int jsonl_name(const char *name)
{
    return has_ext(name, ".jsonl") || has_ext(name, ".ndjson") ||
           has_ext(name, ".json");
}

static int html_name(const char *name)
{
    return has_ext(name, ".html") || has_ext(name, ".htm") ||
           has_ext(name, ".xhtml");
}

static int feed_name(const char *name)
{
    return has_ext(name, ".rss") || has_ext(name, ".atom") ||
           has_ext(name, ".xml");
}

static int starts(const char *s, const char *e, const char *w)
{
    size_t n = strlen(w);
    return (size_t)(e - s) >= n && strncasecmp(s, w, n) == 0;
}

/* What a file is, by its extension, else by its first element: a page, a
 * feed, or text. */
static int markup_kind(const char *name, const char *buf, size_t len)
{
    if (html_name(name))
        return KH_INPUT_HTML;
    if (feed_name(name))
        return KH_INPUT_FEED;
    const char *p = buf, *e = buf + len;
    if (starts(p, e, "\xEF\xBB\xBF"))
        p += 3;
    for (int round = 0; round < 8; round++) {
        while (p < e && isspace((unsigned char)*p))
            p++;
        if (starts(p, e, "<?") || starts(p, e, "<!--")) {
            const char *g = memmem(p, (size_t)(e - p), p[1] == '?' ? "?>" : "-->",
                                   p[1] == '?' ? 2 : 3);
            if (!g)
                return KH_INPUT_TEXT;
            p = g + (p[1] == '?' ? 2 : 3);
            continue;
        }
        break;
    }
    if (starts(p, e, "<rss") || starts(p, e, "<feed") ||
        starts(p, e, "<rdf:rdf"))
        return KH_INPUT_FEED;
    if (starts(p, e, "<!doctype html") || starts(p, e, "<html"))
        return KH_INPUT_HTML;
    return KH_INPUT_TEXT;
}

/* Entries of a directory that are articles: text and JSON Lines files, and
 * files with no extension; never hidden ones. */
static int wanted(const char *name)
{
    if (name[0] == '.')
        return 0;
    const char *dot = strrchr(name, '.');
    return !dot || has_ext(name, ".txt") || has_ext(name, ".text") ||
           jsonl_name(name) || html_name(name) || feed_name(name);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int expand_dir(kh_reader *r, const char *path, int depth,
                      kh_error *err)
{
    if (depth >= MAX_DEPTH)
        return kh_fail(err, KH_ELIMIT, path, 0, 0,
                       "directories nested more than %d deep", MAX_DEPTH);
    DIR *dir = opendir(path);
    if (!dir)
        return kh_fail(err, KH_EIO, path, 0, 0, "%s", strerror(errno));
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        size_t len = strlen(path) + strlen(e->d_name) + 2;
        char *full = kh_xmalloc(len);
        snprintf(full, len, "%s%s%s", path,
                 has_ext(path, "/") ? "" : "/", e->d_name);
        struct stat st;
        /* Symbolic links to directories are not followed: they can loop. */
        int keep = lstat(full, &st) == 0 &&
                   (S_ISDIR(st.st_mode) ||
                    (wanted(e->d_name) &&
                     (S_ISREG(st.st_mode) ||
                      (S_ISLNK(st.st_mode) && stat(full, &st) == 0 &&
                       S_ISREG(st.st_mode)))));
        if (!keep) {
            free(full);
            continue;
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            names = kh_xrealloc(names, cap * sizeof *names);
        }
        names[n++] = full;
    }
    closedir(dir);
    qsort(names, n, sizeof *names, cmp_names);
    for (size_t i = n; i-- > 0;) {
        push(r, names[i], depth + 1);
        free(names[i]);
    }
    free(names);
    return KH_OK;
}

/* The next line of the open JSON Lines input: 1 with *doc, 0 at its end,
 * or an error. */
static int next_line(kh_reader *r, kh_doc **doc, kh_error *err)
{
    for (;;) {
        const char *line;
        size_t len;
        long no;
        int rc = kh_lines_next(r->lines, &line, &len, &no);
        if (rc == 0)
            return 0;
        if (rc == KH_ELIMIT)
            return kh_fail(err, KH_ELIMIT, r->lines_name, no, 0,
                           "line longer than the limit of %zu bytes "
                           "(--max-bytes); skipped", r->opts.max_bytes);
        if (rc == KH_EIO)
            return kh_fail(err, KH_EIO, r->lines_name, no, 0,
                           "read error: %s", strerror(errno));
        size_t k = 0;
        while (k < len && (line[k] == ' ' || line[k] == '\t'))
            k++;
        if (k == len)
            continue;   /* blank lines separate nothing */
        *doc = kh_read_json(line, len, r->lines_name, no, err);
        return *doc ? 1 : err ? err->code : KH_EINPUT;
    }
}

static void end_lines(kh_reader *r)
{
    kh_lines_close(r->lines);
    r->lines = NULL;
    free(r->lines_name);
    r->lines_name = NULL;
}

/* Takes a feed's item (kh_read_feed's callback). */
static int take_item(void *ctx, kh_doc *doc, const kh_error *err)
{
    kh_reader *r = ctx;
    if (r->npend == r->cappend) {
        r->cappend = r->cappend ? r->cappend * 2 : 16;
        r->pend = kh_xrealloc(r->pend, r->cappend * sizeof *r->pend);
    }
    struct pending *p = &r->pend[r->npend++];
    p->doc = doc;
    if (!doc)
        p->err = *err;
    return 0;
}

/* The next pending item: 1 with *doc, an error code, or 0 when none. */
static int next_item(kh_reader *r, kh_doc **doc, kh_error *err)
{
    if (r->ipend == r->npend) {
        r->ipend = r->npend = 0;
        return 0;
    }
    struct pending *p = &r->pend[r->ipend++];
    if (p->doc) {
        *doc = p->doc;
        return 1;
    }
    if (err)
        *err = p->err;
    return p->err.code ? p->err.code : KH_EINPUT;
}

/* Reads a whole file: 1 with *doc, an error code, or 2 when it was a feed
 * whose items are pending. */
static int read_text(kh_reader *r, kh_lines *l, const char *name,
                     kh_doc **doc, kh_error *err)
{
    char *buf;
    size_t len;
    int rc = kh_lines_slurp(l, r->opts.max_bytes, &buf, &len);
    kh_lines_close(l);
    if (rc == KH_ELIMIT)
        return kh_fail(err, KH_ELIMIT, name, 0, 0,
                       "%zu bytes, over the limit of %zu for one article "
                       "(--max-bytes); skipped", len, r->opts.max_bytes);
    if (rc != KH_OK)
        return kh_fail(err, KH_EIO, name, 0, 0, "read error: %s",
                       strerror(errno));
    int fmt = r->opts.format;
    if (fmt == KH_INPUT_AUTO)
        fmt = markup_kind(name, buf, len);
    if (fmt == KH_INPUT_FEED) {
        rc = kh_read_feed(buf, len, name, take_item, r, err);
        free(buf);
        return rc == KH_OK ? 2 : rc;
    }
    if (fmt == KH_INPUT_HTML)
        *doc = kh_read_html(buf, len, name, err);
    else
        *doc = kh_read_text(buf, len, name, err);
    free(buf);
    return *doc ? 1 : err ? err->code : KH_EINPUT;
}

int kh_reader_next(kh_reader *r, kh_doc **doc, kh_error *err)
{
    *doc = NULL;
    kh_error_clear(err);
    for (;;) {
        int prc = next_item(r, doc, err);
        if (prc != 0)
            return prc;
        if (r->lines) {
            int rc = next_line(r, doc, err);
            if (rc != 0)
                return rc;
            end_lines(r);
        }
        if (r->n == 0)
            return 0;
        qitem it = r->queue[--r->n];
        const char *name = strcmp(it.path, "-") == 0 ? "<stdin>" : it.path;
        int fd;
        if (strcmp(it.path, "-") == 0) {
            fd = dup(0);
        } else {
            struct stat st;
            if (stat(it.path, &st) != 0) {
                kh_fail(err, KH_EIO, it.path, 0, 0, "%s", strerror(errno));
                free(it.path);
                return KH_EIO;
            }
            if (S_ISDIR(st.st_mode)) {
                int rc = expand_dir(r, it.path, it.depth, err);
                free(it.path);
                if (rc != KH_OK)
                    return rc;
                continue;
            }
            fd = open(it.path, O_RDONLY | O_CLOEXEC);
        }
        if (fd < 0) {
            kh_fail(err, KH_EIO, name, 0, 0, "%s", strerror(errno));
            free(it.path);
            return KH_EIO;
        }
        struct stat st;
        if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
            (size_t)st.st_size > r->opts.max_bytes && !jsonl_name(it.path) &&
            r->opts.format != KH_INPUT_JSONL) {
            close(fd);
            kh_fail(err, KH_ELIMIT, name, 0, 0,
                    "%lld bytes, over the limit of %zu for one article "
                    "(--max-bytes); skipped", (long long)st.st_size,
                    r->opts.max_bytes);
            free(it.path);
            return KH_ELIMIT;
        }
        kh_lines *l = kh_lines_open(fd, 1, r->opts.max_bytes);
        int fmt = r->opts.format;
        if (fmt == KH_INPUT_AUTO)
            fmt = jsonl_name(it.path) || kh_lines_peek(l) == '{'
                      ? KH_INPUT_JSONL : KH_INPUT_TEXT;
        if (fmt == KH_INPUT_JSONL) {
            r->lines = l;
            r->lines_name = kh_xstrdup(name);
            free(it.path);
            continue;
        }
        int rc = read_text(r, l, name, doc, err);
        free(it.path);
        if (rc == 2)
            continue;   /* a feed: its items are pending */
        return rc;
    }
}
