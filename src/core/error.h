/* error.h - filling a kh_error (the convention is in khaldun.h). */
#ifndef KH_ERROR_H
#define KH_ERROR_H

#include "khaldun.h"

/* Sets err (when not NULL) and returns code, so that callers can write
 * `return kh_fail(err, KH_EINPUT, file, line, col, "...")`. */
int kh_fail(kh_error *err, int code, const char *file, long line, long col,
            const char *fmt, ...) __attribute__((format(printf, 6, 7)));

void kh_error_clear(kh_error *err);

/* 1-based line and byte column of offset off in text[0..len). */
void kh_line_col(const char *text, size_t len, size_t off, long *line,
                 long *col);

#endif
