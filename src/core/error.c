/* error.c - the error convention of khaldun.h. */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int kh_fail(kh_error *err, int code, const char *file, long line, long col,
            const char *fmt, ...)
{
    if (!err)
        return code;
    err->code = code;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    err->column = col;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return code;
}

void kh_error_clear(kh_error *err)
{
    if (!err)
        return;
    memset(err, 0, sizeof *err);
}

const char *kh_error_format(const kh_error *err, char *buf, size_t n)
{
    if (!n)
        return buf;
    if (!err) {
        snprintf(buf, n, "no error");
        return buf;
    }
    const char *msg = err->message[0] ? err->message : kh_strerror(err->code);
    if (err->file[0] && err->line > 0 && err->column > 0)
        snprintf(buf, n, "%s:%ld:%ld: %s", err->file, err->line, err->column,
                 msg);
    else if (err->file[0] && err->line > 0)
        snprintf(buf, n, "%s:%ld: %s", err->file, err->line, msg);
    else if (err->file[0])
        snprintf(buf, n, "%s: %s", err->file, msg);
    else
        snprintf(buf, n, "%s", msg);
    return buf;
}

const char *kh_strerror(int code)
{
    switch (code) {
    case KH_OK: return "success";
    case KH_EIO: return "input/output error";
    case KH_EINPUT: return "malformed input";
    case KH_ELIMIT: return "input over a limit";
    case KH_EUSAGE: return "invalid argument";
    case KH_EEMPTY: return "empty article";
    case KH_EBINARY: return "not a text file";
    case KH_ENOTSTORE: return "not a Khaldun store";
    case KH_ECORRUPT: return "the store is damaged";
    case KH_ENEWER: return "the store is from a newer Khaldun";
    case KH_EDB: return "database error";
    default: return "unknown error";
    }
}

void kh_line_col(const char *text, size_t len, size_t off, long *line,
                 long *col)
{
    if (off > len)
        off = len;
    long l = 1;
    size_t bol = 0;
    for (const char *p = text, *end = text + off;
         (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++) {
        l++;
        bol = (size_t)(p - text) + 1;
    }
    *line = l;
    *col = (long)(off - bol) + 1;
}
