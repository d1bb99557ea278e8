/*
 * files.c - the web page's files: a decoded path to an open file that is
 * inside the web folder.
 *
 * Two locks on the folder's door: the path is refused (400) when a
 * segment is "." or "..", empty, hidden (".name") or holds a backslash or
 * a control character, so that it cannot name anything outside; and the
 * file's real path (symbolic links resolved) must be under the folder's
 * real path, so that a link inside that points out is not followed (404).
 * Only regular files are served.  "/" is index.html.
 */
#include "serve.h"

#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *kh_serve_mime(const char *name)
{
    static const char *const map[][2] = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".txt", "text/plain; charset=utf-8"},
        {".map", "application/json"},
    };
    const char *dot = strrchr(name, '.');
    if (dot && !strchr(dot, '/'))
        for (size_t i = 0; i < sizeof map / sizeof *map; i++)
            if (strcmp(dot, map[i][0]) == 0)
                return map[i][1];
    return "application/octet-stream";
}

/* 0 when every segment of path is a plain name. */
static int check_segments(const char *path)
{
    const char *p = path;
    while (*p == '/') {
        const char *s = p + 1;
        size_t n = strcspn(s, "/");
        if (n == 0)
            return s[0] ? -1 : 0;   /* "//" inside; a trailing "/" ends */
        if (s[0] == '.')
            return -1;              /* ".", "..", hidden files */
        for (size_t i = 0; i < n; i++)
            if ((unsigned char)s[i] < 0x20 || s[i] == '\\' || s[i] == 0x7F)
                return -1;
        p = s + n;
    }
    return *p ? -1 : 0;
}

void kh_serve_file(const kh_server *srv, const char *path,
                   kh_serve_resp *resp)
{
    resp->fd = -1;
    if (strlen(path) > 512 || check_segments(path) < 0) {
        kh_serve_error(resp, 400, NULL, "the path may hold only plain names "
                       "(no '.', '..', hidden or empty segments)");
        return;
    }
    if (!srv->web) {
        kh_serve_error(resp, 404, NULL, "no web folder (start with --web "
                       "DIR)");
        return;
    }
    char full[PATH_MAX + 16];
    size_t plen = strlen(path);
    int dir = plen == 0 || path[plen - 1] == '/';
    if ((size_t)snprintf(full, sizeof full, "%s%s%s", srv->web, path,
                         dir ? "index.html" : "") >= sizeof full) {
        kh_serve_error(resp, 404, NULL, "no such file");
        return;
    }
    char real[PATH_MAX];
    size_t wlen = strlen(srv->web);
    if (!realpath(full, real) || strncmp(real, srv->web, wlen) != 0 ||
        real[wlen] != '/') {
        kh_serve_error(resp, 404, NULL, "no such file: %.200s", path);
        return;
    }
    int fd = open(real, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        if (fd >= 0)
            close(fd);
        kh_serve_error(resp, 404, NULL, "no such file: %.200s", path);
        return;
    }
    resp->status = 200;
    resp->api = 0;
    resp->type = kh_serve_mime(real);
    resp->fd = fd;
    resp->file_size = (uint64_t)st.st_size;
}
