/*
 * normalize.c - the normalise stage: valid UTF-8 in NFC, with a map back to
 * the input.
 *
 * News text is almost always valid, already-composed UTF-8, and mostly
 * ASCII, so the stage is built around a fast path that only proves that: it
 * checks eight ASCII bytes at a time and asks utf8proc's property table
 * about each non-ASCII code point whether NFC could change it (a combining
 * class, a canonical decomposition, or a code point that composes with the
 * one before it).  When all is well the text is the input and there is no
 * map.
 *
 * Otherwise the slow path rebuilds the text from the first problem on:
 * invalid sequences become U+FFFD (one per maximal invalid subpart, counted
 * in bytes), NUL bytes become spaces, a leading byte order mark is dropped,
 * and each run of code points that NFC could change is normalised by
 * utf8proc together with the stable code point before it.  Every output
 * byte records the input offset it came from; the bytes of a normalised run
 * all point at the run's start, so spans still map to whole input
 * characters.
 */
#include "text.h"

#include "../core/error.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Whether NFC leaves cp alone in any context where the code point before
 * it is also stable.  ASCII is always stable. */
static int nfc_stable(int32_t cp)
{
    const utf8proc_property_t *p = utf8proc_get_property(cp);
    if (p->combining_class != 0)
        return 0;
    if (p->decomp_seqindex != UINT16_MAX && p->decomp_type == 0)
        return 0;   /* canonical decomposition */
    if (p->comb_index != UINT16_MAX && p->comb_index >= 0x8000)
        return 0;   /* second of a canonical composition pair */
    if ((cp >= 0x1161 && cp <= 0x1175) || (cp >= 0x11A8 && cp <= 0x11C2))
        return 0;   /* Hangul vowel and trailing jamo compose algorithmically */
    return 1;
}

typedef struct {
    unsigned char *out;
    uint32_t *map;
    size_t len, cap;
} outbuf;

static void out_reserve(outbuf *o, size_t n)
{
    if (o->len + n + 1 <= o->cap)
        return;
    size_t cap = o->cap ? o->cap : 256;
    while (cap < o->len + n + 1)
        cap *= 2;
    o->out = kh_xrealloc(o->out, cap);
    o->map = kh_xrealloc(o->map, cap * sizeof *o->map);
    o->cap = cap;
}

static void out_put(outbuf *o, const unsigned char *s, size_t n, size_t in_off,
                    int same_origin)
{
    out_reserve(o, n);
    memcpy(o->out + o->len, s, n);
    for (size_t i = 0; i < n; i++)
        o->map[o->len + i] = (uint32_t)(same_origin ? in_off : in_off + i);
    o->len += n;
}

/* Returns the offset of the first byte that needs the slow path, or len. */
static size_t fast_scan(const unsigned char *s, size_t len)
{
    size_t i = 0;
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        return 0;
    while (i < len) {
        /* Eight ASCII bytes without a NUL at a time. */
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            uint64_t high = w & 0x8080808080808080ull;
            uint64_t zero = (w - 0x0101010101010101ull) & ~w &
                            0x8080808080808080ull;
            if (high | zero)
                break;
            i += 8;
        }
        if (i >= len)
            break;
        unsigned c = s[i];
        if (c == 0)
            return i;
        if (c < 0x80) {
            i++;
            continue;
        }
        int32_t cp;
        int n = kh_utf8_decode(s + i, len - i, &cp);
        if (n < 0 || !nfc_stable(cp))
            return i;
        i += (size_t)n;
    }
    return len;
}

static void slow_path(kh_doc *d, size_t from)
{
    const unsigned char *s = (const unsigned char *)d->input;
    size_t len = d->input_len;
    outbuf o = {0};
    out_reserve(&o, len + len / 8 + 16);
    size_t i = 0;
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        i = 3;   /* a leading byte order mark is not text */
    if (from > i) {
        out_put(&o, s + i, from - i, i, 0);
        i = from;
    }
    /* Input and output offsets of the last stable code point, where a
     * normalised run begins. */
    size_t stable_in = (size_t)-1, stable_out = 0;
    if (o.len) {
        /* Back up to the start of the last code point copied. */
        size_t k = i - 1;
        while (k > 0 && (s[k] & 0xC0) == 0x80)
            k--;
        stable_in = k;
        stable_out = o.len - (i - k);
    }
    static const unsigned char fffd[3] = {0xEF, 0xBF, 0xBD};
    while (i < len) {
        unsigned c = s[i];
        if (c == 0) {
            out_put(&o, (const unsigned char *)" ", 1, i, 0);
            stable_in = (size_t)-1;
            i++;
            continue;
        }
        int32_t cp;
        int n = kh_utf8_decode(s + i, len - i, &cp);
        if (n < 0) {
            size_t bad = (size_t)-n;
            if (!d->invalid_bytes)
                d->first_invalid = (long)i;
            d->invalid_bytes += bad;
            out_put(&o, fffd, 3, i, 1);
            stable_in = (size_t)-1;
            i += bad;
            continue;
        }
        if (c < 0x80 || nfc_stable(cp)) {
            stable_in = i, stable_out = o.len;
            out_put(&o, s + i, (size_t)n, i, 0);
            i += (size_t)n;
            continue;
        }
        /* A run that NFC may change: from the last stable code point (if it
         * is right before) to the next stable one. */
        size_t run_start = i, out_start = o.len;
        if (stable_in != (size_t)-1 && stable_out + (i - stable_in) == o.len) {
            run_start = stable_in;
            out_start = stable_out;
        }
        size_t j = i + (size_t)n;
        while (j < len) {
            int32_t cp2;
            int m = kh_utf8_decode(s + j, len - j, &cp2);
            if (m < 0 || s[j] == 0 || nfc_stable(cp2))
                break;
            j += (size_t)m;
        }
        utf8proc_uint8_t *nfc = NULL;
        utf8proc_ssize_t r = utf8proc_map(s + run_start,
                                          (utf8proc_ssize_t)(j - run_start),
                                          &nfc, UTF8PROC_STABLE |
                                          UTF8PROC_COMPOSE);
        o.len = out_start;
        if (r >= 0)
            out_put(&o, nfc, (size_t)r, run_start, 1);
        else
            out_put(&o, s + run_start, j - run_start, run_start, 0);
        free(nfc);
        stable_in = (size_t)-1;
        i = j;
    }
    out_reserve(&o, 0);
    o.out[o.len] = '\0';
    o.map[o.len] = (uint32_t)len;

    d->text = kh_arena_alloc(&d->arena, o.len + KH_TEXT_PAD);
    memcpy(d->text, o.out, o.len);
    memset(d->text + o.len, 0, KH_TEXT_PAD);
    d->map = kh_arena_alloc(&d->arena, (o.len + 1) * sizeof *d->map);
    memcpy(d->map, o.map, (o.len + 1) * sizeof *d->map);
    d->text_len = o.len;
    free(o.out);
    free(o.map);
}

int kh_normalize(kh_doc *d)
{
    size_t bad = fast_scan((const unsigned char *)d->input, d->input_len);
    if (bad == d->input_len) {
        d->text = d->input;
        d->text_len = d->input_len;
        d->map = NULL;
    } else {
        slow_path(d, bad);
    }
    d->text_body_start = kh_doc_text_off(d, d->body_start);
    d->text_body_end = kh_doc_text_off(d, d->body_end);
    if (d->invalid_bytes) {
        long line, col;
        kh_line_col(d->input, d->input_len, (size_t)d->first_invalid, &line,
                    &col);
        kh_doc_warn(d, "%zu byte%s of invalid UTF-8 replaced with U+FFFD "
                    "(the first at line %ld, column %ld)", d->invalid_bytes,
                    d->invalid_bytes == 1 ? "" : "s", line, col);
    }
    return KH_OK;
}
