/*
 * json.c - recursive-descent JSON parser (see json.h).
 *
 * Recursion is bounded by KH_JSON_MAX_DEPTH, and every loop advances the
 * cursor, so any input is parsed or rejected in linear time.
 */
#include "json.h"

#include "../text/utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    kh_arena *a;
    const unsigned char *s, *p, *end;
    const char *err;
    const unsigned char *err_at;
} jp;

static kh_jval *value(jp *j, int depth);

static void *fail(jp *j, const char *msg)
{
    if (!j->err) {
        j->err = msg;
        j->err_at = j->p;
    }
    return NULL;
}

static void ws(jp *j)
{
    while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' ||
                             *j->p == '\r'))
        j->p++;
}

static kh_jval *new_val(jp *j, kh_jtype t)
{
    kh_jval *v = kh_arena_calloc(j->a, sizeof *v);
    v->type = t;
    return v;
}

static int hex4(const unsigned char *p, int *out)
{
    int v = 0;
    for (int i = 0; i < 4; i++) {
        int c = p[i], d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            return 0;
        v = v * 16 + d;
    }
    *out = v;
    return 1;
}

/* The offset of the first byte below 0x20 in p[0..n), or n.  Eight bytes
 * at a time: article text is long and rarely holds one. */
static size_t first_control(const unsigned char *p, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        if ((w - 0x2020202020202020ull) & ~w & 0x8080808080808080ull)
            break;
    }
    for (; i < n; i++)
        if (p[i] < 0x20)
            return i;
    return n;
}

/* Decodes one escape at j->p (on the backslash) into out; returns the bytes
 * written, or -1 (j->err set). */
static int escape(jp *j, char *out)
{
    if (j->end - j->p < 2) {
        fail(j, "unterminated escape");
        return -1;
    }
    unsigned e = j->p[1];
    static const char simple[] = "\"\"\\\\//b\bf\fn\nr\rt\t";
    for (size_t k = 0; k + 1 < sizeof simple; k += 2)
        if (e == (unsigned char)simple[k]) {
            j->p += 2;
            out[0] = simple[k + 1];
            return 1;
        }
    if (e != 'u') {
        fail(j, "bad escape in string");
        return -1;
    }
    int cp, lo;
    if (j->end - j->p < 6 || !hex4(j->p + 2, &cp)) {
        fail(j, "bad \\u escape");
        return -1;
    }
    j->p += 6;
    if (cp >= 0xD800 && cp <= 0xDBFF && j->end - j->p >= 6 &&
        j->p[0] == '\\' && j->p[1] == 'u' && hex4(j->p + 2, &lo) &&
        lo >= 0xDC00 && lo <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        j->p += 6;
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
        cp = 0xFFFD;   /* a lone surrogate */
    }
    /* \uXXXX is 6 bytes, its UTF-8 at most 3 (a pair: 12 and 4) */
    return kh_utf8_encode(cp, (unsigned char *)out);
}

/* Parses a string at j->p (on the opening quote) into the arena. */
static const char *string(jp *j, size_t *len)
{
    j->p++;
    const unsigned char *start = j->p, *q = start;
    /* The closing quote: the first one after an even run of backslashes. */
    for (;;) {
        q = memchr(q, '"', (size_t)(j->end - q));
        if (!q)
            return fail(j, "unterminated string");
        const unsigned char *b = q;
        while (b > start && b[-1] == '\\')
            b--;
        if (((q - b) & 1) == 0)
            break;
        q++;
    }
    /* The decoded string is never longer than the raw one. */
    char *out = kh_arena_alloc(j->a, (size_t)(q - start) + 1);
    size_t n = 0;
    while (j->p < q) {
        const unsigned char *bs = memchr(j->p, '\\', (size_t)(q - j->p));
        size_t run = (size_t)((bs ? bs : q) - j->p);
        size_t ctl = first_control(j->p, run);
        if (ctl < run) {
            j->p += ctl;
            return fail(j, "control character in string (must be escaped)");
        }
        memcpy(out + n, j->p, run);
        n += run;
        j->p += run;
        if (bs) {
            int w = escape(j, out + n);
            if (w < 0)
                return NULL;
            n += (size_t)w;
        }
    }
    j->p = q + 1;
    out[n] = '\0';
    *len = n;
    return out;
}

static kh_jval *number(jp *j)
{
    const unsigned char *start = j->p;
    if (j->p < j->end && *j->p == '-')
        j->p++;
    if (j->p >= j->end)
        return fail(j, "bad number");
    if (*j->p == '0') {
        j->p++;
    } else if (*j->p >= '1' && *j->p <= '9') {
        while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
            j->p++;
    } else {
        return fail(j, "bad number");
    }
    if (j->p < j->end && *j->p == '.') {
        j->p++;
        if (j->p >= j->end || *j->p < '0' || *j->p > '9')
            return fail(j, "bad number: digits must follow the point");
        while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
            j->p++;
    }
    if (j->p < j->end && (*j->p == 'e' || *j->p == 'E')) {
        j->p++;
        if (j->p < j->end && (*j->p == '+' || *j->p == '-'))
            j->p++;
        if (j->p >= j->end || *j->p < '0' || *j->p > '9')
            return fail(j, "bad number: digits must follow the exponent");
        while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
            j->p++;
    }
    kh_jval *v = new_val(j, KH_JNUM);
    v->len = (size_t)(j->p - start);
    v->str = kh_arena_strndup(j->a, (const char *)start, v->len);
    v->num = strtod(v->str, NULL);
    return v;
}

static kh_jval *array(jp *j, int depth)
{
    kh_jval *v = new_val(j, KH_JARR);
    size_t cap = 0;
    j->p++;
    ws(j);
    if (j->p < j->end && *j->p == ']') {
        j->p++;
        return v;
    }
    for (;;) {
        kh_jval *item = value(j, depth + 1);
        if (!item)
            return NULL;
        if (v->n == cap) {
            size_t ncap = cap ? cap * 2 : 4;
            v->items = kh_arena_grow(j->a, v->items, cap * sizeof *v->items,
                                     ncap * sizeof *v->items);
            cap = ncap;
        }
        v->items[v->n++] = item;
        ws(j);
        if (j->p < j->end && *j->p == ',') {
            j->p++;
            continue;
        }
        if (j->p < j->end && *j->p == ']') {
            j->p++;
            return v;
        }
        return fail(j, "expected ',' or ']' in array");
    }
}

static kh_jval *object(jp *j, int depth)
{
    kh_jval *v = new_val(j, KH_JOBJ);
    size_t cap = 0;
    j->p++;
    ws(j);
    if (j->p < j->end && *j->p == '}') {
        j->p++;
        return v;
    }
    for (;;) {
        ws(j);
        if (j->p >= j->end || *j->p != '"')
            return fail(j, "expected a string key in object");
        size_t klen;
        const char *k = string(j, &klen);
        if (!k)
            return NULL;
        ws(j);
        if (j->p >= j->end || *j->p != ':')
            return fail(j, "expected ':' after object key");
        j->p++;
        kh_jval *item = value(j, depth + 1);
        if (!item)
            return NULL;
        if (v->n == cap) {
            size_t ncap = cap ? cap * 2 : 8;
            v->members = kh_arena_grow(j->a, v->members,
                                       cap * sizeof *v->members,
                                       ncap * sizeof *v->members);
            cap = ncap;
        }
        v->members[v->n++] = (kh_jmember){k, klen, item};
        ws(j);
        if (j->p < j->end && *j->p == ',') {
            j->p++;
            continue;
        }
        if (j->p < j->end && *j->p == '}') {
            j->p++;
            return v;
        }
        return fail(j, "expected ',' or '}' in object");
    }
}

static int literal(jp *j, const char *lit)
{
    size_t n = strlen(lit);
    if ((size_t)(j->end - j->p) < n || memcmp(j->p, lit, n) != 0)
        return 0;
    j->p += n;
    return 1;
}

static kh_jval *value(jp *j, int depth)
{
    if (depth > KH_JSON_MAX_DEPTH)
        return fail(j, "nested too deeply");
    ws(j);
    if (j->p >= j->end)
        return fail(j, "unexpected end of input");
    switch (*j->p) {
    case '{':
        return object(j, depth);
    case '[':
        return array(j, depth);
    case '"': {
        size_t len;
        const char *s = string(j, &len);
        if (!s)
            return NULL;
        kh_jval *v = new_val(j, KH_JSTR);
        v->str = s;
        v->len = len;
        return v;
    }
    case 't':
        if (literal(j, "true"))
            return new_val(j, KH_JTRUE);
        break;
    case 'f':
        if (literal(j, "false"))
            return new_val(j, KH_JFALSE);
        break;
    case 'n':
        if (literal(j, "null"))
            return new_val(j, KH_JNULL);
        break;
    default:
        if (*j->p == '-' || (*j->p >= '0' && *j->p <= '9'))
            return number(j);
    }
    return fail(j, "unexpected character");
}

kh_jval *kh_json_parse(kh_arena *a, const char *s, size_t n, size_t *err_off,
                       const char **err_msg)
{
    jp j = {a, (const unsigned char *)s, (const unsigned char *)s,
            (const unsigned char *)s + n, NULL, NULL};
    kh_jval *v = value(&j, 0);
    if (v) {
        ws(&j);
        if (j.p < j.end)
            v = fail(&j, "unexpected data after the value");
    }
    if (!v) {
        *err_off = (size_t)(j.err_at - j.s);
        *err_msg = j.err;
    }
    return v;
}

const kh_jval *kh_json_get(const kh_jval *obj, const char *key)
{
    if (!obj || obj->type != KH_JOBJ)
        return NULL;
    size_t kl = strlen(key);
    const kh_jval *found = NULL;
    for (size_t i = 0; i < obj->n; i++)
        if (obj->members[i].klen == kl &&
            memcmp(obj->members[i].key, key, kl) == 0)
            found = obj->members[i].val;
    return found;
}
