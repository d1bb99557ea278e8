/* read.h - the read stage's internal interface. */
#ifndef KH_READ_H
#define KH_READ_H

#include "../core/doc.h"

#include <stddef.h>

/* A buffered reader of lines with a length limit (see lines.c). */
typedef struct kh_lines kh_lines;

kh_lines *kh_lines_open(int fd, int own_fd, size_t max_line);
/* Returns 1 with the line (without its newline) in *line and *len, valid until
 * the next call; 0 at the end; KH_ELIMIT when the line was longer than the
 * limit (it has been skipped); KH_EIO on a read error.  *lineno is the
 * line's number. */
int kh_lines_next(kh_lines *l, const char **line, size_t *len, long *lineno);
/* The first byte that is not white space, reading as needed; -1 at the
 * end. */
int kh_lines_peek(kh_lines *l);
/* Reads all that is left, up to max bytes, into a malloc'd, NUL-terminated
 * buffer; returns as kh_read_fd. */
int kh_lines_slurp(kh_lines *l, size_t max, char **buf, size_t *len);
void kh_lines_close(kh_lines *l);

/* Reads a whole file descriptor into a malloc'd, NUL-terminated buffer.
 * Returns KH_OK, KH_ELIMIT (more than max bytes; *len is how many were
 * seen, at least max + 1) or KH_EIO (errno set). */
int kh_read_fd(int fd, size_t max, char **buf, size_t *len);

#endif
