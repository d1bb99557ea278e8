/*
 * json.h - a strict JSON (RFC 8259) parser into an arena.
 *
 * Strings are decoded (escapes, surrogate pairs) but their bytes are not
 * otherwise checked: invalid UTF-8 inside a string is left for the
 * normaliser to replace and count, like invalid bytes in any other input.
 */
#ifndef KH_JSON_H
#define KH_JSON_H

#include "../core/arena.h"

#include <stddef.h>

typedef enum {
    KH_JNULL, KH_JFALSE, KH_JTRUE, KH_JNUM, KH_JSTR, KH_JARR, KH_JOBJ
} kh_jtype;

typedef struct kh_jval kh_jval;
typedef struct kh_jmember {
    const char *key;
    size_t klen;
    kh_jval *val;
} kh_jmember;

struct kh_jval {
    kh_jtype type;
    const char *str;     /* KH_JSTR: decoded, NUL-terminated; KH_JNUM: the
                            number as written */
    size_t len;          /* length of str */
    double num;          /* KH_JNUM */
    kh_jval **items;     /* KH_JARR */
    kh_jmember *members; /* KH_JOBJ */
    size_t n;            /* items or members */
};

/* Deepest nesting accepted: deeper input is an error, not a stack overflow. */
#define KH_JSON_MAX_DEPTH 64

/* Parses s[0..n) as one JSON value (surrounding white space allowed).
 * Returns the value, or NULL with *err_off (byte offset) and *err_msg (a
 * constant) set. */
kh_jval *kh_json_parse(kh_arena *a, const char *s, size_t n, size_t *err_off,
                       const char **err_msg);

/* The member of obj named key (the last, if repeated), or NULL. */
const kh_jval *kh_json_get(const kh_jval *obj, const char *key);

#endif
