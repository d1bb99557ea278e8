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

/* The metadata of an article read out of markup (an HTML page, a feed's
 * item); NULL or "" when absent.  id_fallback is used when id is absent
 * (the file's base name, then a suffix, "-item-3"). */
typedef struct kh_markup_meta {
    const char *id, *id_fallback, *url, *source, *title;
    const char *date;   /* YYYY-MM-DD */
} kh_markup_meta;

/* A document over text extracted from markup, read as a plain-text
 * article's body is (a wire dateline at its start counts).  name and
 * line are for messages.  NULL with err filled when the text is empty. */
kh_doc *kh_doc_from_markup(const char *text, size_t len, const char *name,
                           long line, const kh_markup_meta *m,
                           kh_error *err);

#endif
