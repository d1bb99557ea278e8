/*
 * cameo.c - looking up CAMEO codes in the generated table (cameo_table.c).
 *
 * The table is a sorted array of about 300 constant entries: a binary
 * search is a handful of comparisons, needs no set-up, no allocation and
 * no lock, which is all an event coder calling it per event wants.  Codes
 * come in as (pointer, length) because they are usually spans of a
 * dictionary line or of the coder's output, not NUL-terminated strings.
 */
#include "cameo.h"

#include "khaldun.h"

#include <string.h>

/* Compares code[0..len) with the NUL-terminated s, in strcmp order (the
 * order gen_cameo sorts the table in). */
static int compare(const char *code, size_t len, const char *s)
{
    size_t slen = strlen(s);
    int c = memcmp(code, s, len < slen ? len : slen);
    if (c)
        return c;
    return len < slen ? -1 : len > slen;
}

const kh_cameo_info *kh_cameo_lookup(const char *code, size_t len)
{
    if (!code)
        return NULL;
    size_t lo = 0, hi = kh_cameo_table_len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = compare(code, len, kh_cameo_table[mid].code);
        if (c == 0)
            return &kh_cameo_table[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

static int all_digits(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

const kh_cameo_info *kh_cameo_lookup_nearest(const char *code, size_t len)
{
    /* Only digits: dropping the last character of "023X" would silently
     * turn a typo into a real code. */
    if (!code || len < 2 || !all_digits(code, len))
        return NULL;
    for (; len >= 2; len--) {
        const kh_cameo_info *info = kh_cameo_lookup(code, len);
        if (info)
            return info;
    }
    return NULL;
}

int kh_cameo_root(const char *code, size_t len, char root[3])
{
    root[0] = '\0';
    if (!code || len < 2 || !all_digits(code, len))
        return KH_EINPUT;
    int r = (code[0] - '0') * 10 + (code[1] - '0');
    if (r < 1 || r > 20)
        return KH_EINPUT;
    root[0] = code[0];
    root[1] = code[1];
    root[2] = '\0';
    return KH_OK;
}
