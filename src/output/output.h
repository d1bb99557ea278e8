/* output.h - writers for the output formats. */
#ifndef KH_OUTPUT_H
#define KH_OUTPUT_H

#include "../core/buf.h"
#include "../core/doc.h"

/* Appends s[0..n) as a JSON string (quoted): control characters, quotes,
 * backslashes and U+2028/U+2029 escaped, invalid UTF-8 written as \ufffd so
 * that the output is always valid. */
void kh_json_string(kh_buf *b, const char *s, size_t n);

/* Appends a C string as a JSON string, or null when s is NULL. */
void kh_json_cstr(kh_buf *b, const char *s);

/* Appends the document as one JSON object (no newline). */
void kh_doc_json(kh_buf *b, const kh_doc *d);

#endif
