/*
 * gaz_sources.c - reads the gazetteer's sources into a kh_gazb, in order:
 * countries, cities, then (looked up in a first image of those two)
 * subdivisions and their seats, our aliases, and the common-word flags.
 * Sources and choices are described in gen_gazetteer.c.
 */
#include "gen_gazetteer.h"

#include "brown.h"
#include "gaz_pbf.h"

#include "core/error.h"
#include "tag/tag.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct country {
    char a3[4];
    uint32_t place;
    int have;
} country;

typedef struct ctx {
    const gz_opts *o;
    kh_arena arena;
    kh_gazb *b;
    country cc[26 * 26];          /* by alpha-2 */
    gaz_city *cities;
    long ncities;
    uint32_t city_base;           /* place index of cities[0] */
    kh_gazetteer *tmp;            /* countries and cities, for lookups */
    uint8_t *tmp_buf;
    /* subdivisions placed: ISO code -> place */
    char (*sub_code)[8];
    uint32_t *sub_place;
    size_t nsub;
} ctx;

static country *by_a2(ctx *c, const char *a2)
{
    if (!a2 || a2[0] < 'A' || a2[0] > 'Z' || a2[1] < 'A' || a2[1] > 'Z' ||
        a2[2])
        return NULL;
    country *k = &c->cc[(a2[0] - 'A') * 26 + (a2[1] - 'A')];
    return k->have ? k : NULL;
}

static country *by_a3(ctx *c, const char *a3)
{
    for (size_t i = 0; i < 26 * 26; i++)
        if (c->cc[i].have && strcmp(c->cc[i].a3, a3) == 0)
            return &c->cc[i];
    return NULL;
}

static int is_acronym(const char *s)
{
    size_t n = strlen(s);
    if (n < 2 || n > 5)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < 'A' || s[i] > 'Z')
            return 0;
    return 1;
}

/* ---- countries ----------------------------------------------------------- */

static void read_countries(ctx *c)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/iso_3166-1.json", c->o->iso);
    const kh_jval *iso = kh_json_get(gz_json(&c->arena, path), "3166-1");
    const kh_jval *wc = gz_json(&c->arena, c->o->countries);
    if (!iso || iso->type != KH_JARR || wc->type != KH_JARR)
        gz_die("%s or %s: not the expected arrays", path, c->o->countries);
    size_t n = 0, nocoord = 0;
    for (size_t i = 0; i < iso->n; i++) {
        const kh_jval *e = iso->items[i];
        const char *a2 = gz_jstr(e, "alpha_2"), *a3 = gz_jstr(e, "alpha_3");
        if (!a2 || !a3 || strlen(a2) != 2 || strlen(a3) != 3)
            continue;
        const kh_jval *w = NULL;
        for (size_t k = 0; k < wc->n && !w; k++) {
            const char *x = gz_jstr(wc->items[k], "cca3");
            if (x && strcmp(x, a3) == 0)
                w = wc->items[k];
        }
        const kh_jval *ll = w ? kh_json_get(w, "latlng") : NULL;
        if (!ll || ll->type != KH_JARR || ll->n != 2 ||
            ll->items[0]->type != KH_JNUM || ll->items[1]->type != KH_JNUM) {
            nocoord++;
            continue;
        }
        const kh_jval *wn = kh_json_get(w, "name");
        const char *common = gz_jstr(wn, "common");
        const char *disp = common ? common : gz_jstr(e, "common_name");
        if (!disp)
            disp = gz_jstr(e, "name");
        uint32_t p = kh_gazb_place(c->b, disp, a3, NULL, KH_PLACE_COUNTRY,
                                   ll->items[0]->num, ll->items[1]->num, 0,
                                   0, 0, 0);
        country *k = &c->cc[(a2[0] - 'A') * 26 + (a2[1] - 'A')];
        memcpy(k->a3, a3, 4);
        k->place = p;
        k->have = 1;
        const char *names[] = {disp, gz_jstr(e, "name"),
                               gz_jstr(e, "common_name"),
                               gz_jstr(e, "official_name"),
                               gz_jstr(wn, "official")};
        for (size_t j = 0; j < sizeof names / sizeof *names; j++)
            if (names[j])
                kh_gazb_name(c->b, names[j], strlen(names[j]), p, 0);
        const kh_jval *alt = kh_json_get(w, "altSpellings");
        for (size_t j = 0; alt && alt->type == KH_JARR && j < alt->n; j++) {
            const kh_jval *s = alt->items[j];
            if (s->type != KH_JSTR || s->len <= 2)
                continue;   /* the alpha-2 code: "IQ", "IN", "TO" */
            kh_gazb_name(c->b, s->str, s->len, p,
                         is_acronym(s->str) ? KH_GR_ACRONYM : 0);
        }
        const kh_jval *dem = kh_json_get(kh_json_get(w, "demonyms"), "eng");
        const char *dm[] = {gz_jstr(dem, "m"), gz_jstr(dem, "f")};
        for (size_t j = 0; j < 2; j++)
            if (dm[j])
                kh_gazb_name(c->b, dm[j], strlen(dm[j]), p, KH_GR_DEMONYM);
        n++;
    }
    gz_say("gen_gazetteer: %zu countries (%zu without coordinates left "
           "out)\n", n, nocoord);
}

/* ---- cities ---------------------------------------------------------------- */

/* The population a city ranks as when GeoNames gives none or a small one:
 * a seat of government is a town of some size. */
static uint32_t rank_floor(const char *fc)
{
    if (strcmp(fc, "PPLC") == 0)
        return 100000;
    if (strcmp(fc, "PPLA") == 0)
        return 50000;
    if (strcmp(fc, "PPLA2") == 0)
        return 20000;
    if (strcmp(fc, "PPLA3") == 0)
        return 5000;
    return 1000;
}

static void read_cities(ctx *c)
{
    size_t n;
    char *buf = gz_slurp(c->o->cities, &n);
    char msg[256];
    c->ncities = gaz_read_cities((const uint8_t *)buf, n, &c->arena,
                                 &c->cities, msg, sizeof msg);
    if (c->ncities < 0)
        gz_die("%s: %s", c->o->cities, msg);
    free(buf);
    long nocc = 0;
    for (long i = 0; i < c->ncities; i++) {
        const gaz_city *g = &c->cities[i];
        country *k = by_a2(c, g->cc);
        if (!k)
            nocc++;
        int cap = strcmp(g->fcode, "PPLC") == 0;
        uint32_t p = kh_gazb_place(c->b, g->name, k ? k->a3 : NULL, NULL,
                                   KH_PLACE_CITY, g->lat, g->lon, g->pop,
                                   rank_floor(g->fcode), g->id,
                                   cap ? KH_GP_CAPITAL : 0);
        if (i == 0)
            c->city_base = p;
        gz_name_all(c->b, g->name, p, 0, gz_arabic(g->cc));
    }
    gz_say("gen_gazetteer: %ld cities (%ld of a country iso-codes lacks)\n",
           c->ncities, nocc);
}

static void snapshot(ctx *c)
{
    size_t n;
    if (c->tmp) {
        kh_gaz_free(c->tmp);
        free(c->tmp_buf);
    }
    kh_gazb_serialize(c->b, &c->tmp_buf, &n);
    kh_error err;
    if (kh_gaz_open_mem(c->tmp_buf, n, "(first image)", &c->tmp, &err))
        gz_die("the first image does not load: %s", err.message);
}

static const gaz_city *city_of(const ctx *c, uint32_t place)
{
    if (place < c->city_base || place - c->city_base >= (uint32_t)c->ncities)
        return NULL;
    return &c->cities[place - c->city_base];
}

/* The highest-ranked city of country cc2 named name (any spelling the
 * cities are indexed under); ppla: only seats of a first-level division.
 * Returns its place index, or -1. */
static long find_city(const ctx *c, const char *name, size_t len,
                      const char *cc2, int ppla)
{
    char key[KH_GAZ_KEYMAX];
    size_t kl = kh_gaz_key(name, len, key, sizeof key, NULL);
    const kh_gaz_name *nm = kl ? kh_gaz_find(c->tmp, key, kl) : NULL;
    for (uint32_t i = 0; nm && i < nm->count; i++) {
        uint32_t p = c->tmp->refs[nm->first + i] & KH_GR_PLACE;
        const gaz_city *g = city_of(c, p);
        if (g && strcmp(g->cc, cc2) == 0 &&
            (!ppla || strcmp(g->fcode, "PPLA") == 0 ||
             strcmp(g->fcode, "PPLC") == 0))
            return (long)p;
    }
    return -1;
}

/* ---- subdivisions ---------------------------------------------------------- */

typedef struct seat_entry {
    char code[8];
    const char *city;
    long line;
    int used;
} seat_entry;

static size_t edit_distance(const char *a, size_t na, const char *b, size_t nb)
{
    size_t d[KH_GAZ_KEYMAX + 1];
    if (nb > KH_GAZ_KEYMAX)
        return 99;
    for (size_t j = 0; j <= nb; j++)
        d[j] = j;
    for (size_t i = 1; i <= na; i++) {
        size_t prev = d[0];
        d[0] = i;
        for (size_t j = 1; j <= nb; j++) {
            size_t t = d[j];
            size_t best = d[j] + 1 < d[j - 1] + 1 ? d[j] + 1 : d[j - 1] + 1;
            size_t sub = prev + (a[i - 1] != b[j - 1]);
            d[j] = best < sub ? best : sub;
            prev = t;
        }
    }
    return d[nb];
}

/* The key of s without an opening "AL ". */
static size_t bare_key(const char *s, char *key, size_t cap)
{
    int w;
    size_t kl = kh_gaz_key(s, strlen(s), key, cap, &w);
    if (w >= 2 && kl > 3 && memcmp(key, "AL ", 3) == 0) {
        memmove(key, key + 3, kl - 3);
        kl -= 3;
    }
    return kl;
}

/* A seat of a first-level division of cc2 named like the subdivision,
 * within two letters; -1 when none. */
static long near_seat(const ctx *c, const char *name, const char *cc2)
{
    char key[KH_GAZ_KEYMAX], ck[KH_GAZ_KEYMAX];
    size_t kl = bare_key(name, key, sizeof key);
    if (kl < 5)
        return -1;
    long best = -1;
    size_t bd = 3;
    for (long i = 0; i < c->ncities; i++) {
        const gaz_city *g = &c->cities[i];
        if (strcmp(g->cc, cc2) || (strcmp(g->fcode, "PPLA") &&
                                   strcmp(g->fcode, "PPLC")))
            continue;
        size_t cl = bare_key(g->name, ck, sizeof ck);
        if (cl == 0 || ck[0] != key[0])
            continue;
        size_t dd = edit_distance(key, kl, ck, cl);
        if (dd < bd) {
            bd = dd;
            best = (long)c->city_base + i;
        }
    }
    return best;
}

static int city_cmp_ctx(const void *x, const void *y, void *arg)
{
    const gaz_city *cs = arg;
    const gaz_city *a = &cs[*(const long *)x], *b = &cs[*(const long *)y];
    int r = strcmp(a->cc, b->cc);
    if (r)
        return r;
    r = strcmp(a->admin, b->admin);
    if (r)
        return r;
    return *(const long *)x < *(const long *)y ? -1 : 1;
}

static seat_entry *read_seats(ctx *c, size_t *n)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/seats.tsv", c->o->places);
    size_t len;
    char *s = gz_slurp(path, &len);
    seat_entry *e = NULL;
    size_t ne = 0, cap = 0;
    long line = 0;
    for (char *p = s, *nl; p < s + len; p = nl + 1) {
        nl = strchr(p, '\n');
        if (!nl)
            nl = s + len;
        *nl = 0;
        line++;
        if (*p == '#' || *p == 0)
            continue;
        char *tab = strchr(p, '\t');
        if (!tab || tab - p >= 8 || tab - p < 4 || p[2] != '-')
            gz_die("%s:%ld: expected CODE<TAB>SEAT (IQ-NI<TAB>Mosul)", path,
                   line);
        if (ne == cap)
            e = kh_xrealloc(e, (cap = cap ? cap * 2 : 64) * sizeof *e);
        memset(&e[ne], 0, sizeof *e);
        memcpy(e[ne].code, p, (size_t)(tab - p));
        e[ne].city = kh_arena_strdup(&c->arena, tab + 1);
        e[ne].line = line;
        ne++;
    }
    free(s);
    *n = ne;
    return e;
}

static void read_subdivisions(ctx *c)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/iso_3166-2.json", c->o->iso);
    const kh_jval *subs = kh_json_get(gz_json(&c->arena, path), "3166-2");
    if (!subs || subs->type != KH_JARR)
        gz_die("%s: not the expected array", path);
    size_t nseats;
    seat_entry *seats = read_seats(c, &nseats);
    /* cities sorted by country and admin1 code, to give each division's
     * cities its ISO code */
    long *order = kh_xmalloc((size_t)c->ncities * sizeof *order);
    for (long i = 0; i < c->ncities; i++)
        order[i] = i;
    qsort_r(order, (size_t)c->ncities, sizeof *order, city_cmp_ctx,
            c->cities);
    c->sub_code = kh_xmalloc(subs->n * sizeof *c->sub_code);
    c->sub_place = kh_xmalloc(subs->n * sizeof *c->sub_place);
    size_t failed = 0, first = 0, by_file = 0, by_name = 0, by_near = 0, by_code = 0;
    for (size_t i = 0; i < subs->n; i++) {
        const kh_jval *e = subs->items[i];
        const char *code = gz_jstr(e, "code"), *name = gz_jstr(e, "name");
        if (!code || !name || kh_json_get(e, "parent") || strlen(code) < 4 ||
            strlen(code) > 7 || code[2] != '-')
            continue;
        first++;
        char cc2[3] = {code[0], code[1], 0};
        country *k = by_a2(c, cc2);
        if (!k)
            continue;
        long seat = -1;
        for (size_t j = 0; j < nseats && seat < 0; j++) {
            if (strcmp(seats[j].code, code))
                continue;
            seats[j].used = 1;
            seat = find_city(c, seats[j].city, strlen(seats[j].city), cc2, 0);
            if (seat < 0) {
                fprintf(stderr, "%s/seats.tsv:%ld: no city \"%s\" in %s\n",
                        c->o->places, seats[j].line, seats[j].city, cc2);
                failed++;
            } else {
                by_file++;
            }
        }
        if (seat < 0) {
            char key[KH_GAZ_KEYMAX];
            size_t kl = bare_key(name, key, sizeof key);
            seat = find_city(c, name, strlen(name), cc2, 1);
            if (seat < 0 && kl)
                seat = find_city(c, key, kl, cc2, 1);
            if (seat >= 0)
                by_name++;
        }
        if (seat < 0 && (seat = near_seat(c, name, cc2)) >= 0)
            by_near++;
        if (seat < 0) {
            const char *suf = code + 3;
            int alpha = 1;
            for (const char *q = suf; *q; q++)
                alpha &= *q >= 'A' && *q <= 'Z';
            for (long j = 0; alpha && j < c->ncities && seat < 0; j++) {
                const gaz_city *g = &c->cities[j];
                if (strcmp(g->cc, cc2) == 0 && strcmp(g->admin, suf) == 0 &&
                    strcmp(g->fcode, "PPLA") == 0)
                    seat = (long)c->city_base + j;
            }
            if (seat >= 0)
                by_code++;
        }
        if (seat < 0)
            continue;
        const gaz_city *sg = city_of(c, (uint32_t)seat);
        /* the division's cities: the seat's admin1 code */
        uint64_t popsum = 0;
        long lo = 0, hi = c->ncities;
        gaz_city probe = *sg;
        while (lo < hi) {
            long mid = (lo + hi) / 2;
            const gaz_city *m = &c->cities[order[mid]];
            int r = strcmp(m->cc, probe.cc);
            if (!r)
                r = strcmp(m->admin, probe.admin);
            if (r < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (long j = lo; j < c->ncities; j++) {
            const gaz_city *m = &c->cities[order[j]];
            if (strcmp(m->cc, sg->cc) || strcmp(m->admin, sg->admin))
                break;
            popsum += m->pop;
            kh_gaz_place *cp = kh_gazb_place_at(c->b, c->city_base +
                                                (uint32_t)order[j]);
            if (!cp->admin1[0])
                memcpy(cp->admin1, code, strlen(code));
        }
        kh_gaz_place *sp = kh_gazb_place_at(c->b, (uint32_t)seat);
        sp->flags |= KH_GP_SEAT;
        uint32_t p = kh_gazb_place(c->b, name, k->a3, code, KH_PLACE_ADMIN1,
                                   sg->lat, sg->lon, 0,
                                   popsum > 4000000000u ? 4000000000u
                                                        : (uint32_t)popsum,
                                   0, 0);
        /* "Baghdad" names the city and its governorate: the city, unless
         * the text says governorate */
        char key[KH_GAZ_KEYMAX];
        size_t kl = bare_key(name, key, sizeof key);
        long same = kl ? find_city(c, key, kl, cc2, 0) : -1;
        uint32_t flags = same == seat ? KH_GR_WEAK : 0;
        gz_name_all(c->b, name, p, flags, gz_arabic(cc2));
        /* under its code too, for "Kursk region" (places.c) */
        kh_gazb_name(c->b, code, strlen(code), p, KH_GR_ACRONYM);
        memcpy(c->sub_code[c->nsub], code, strlen(code) + 1);
        c->sub_place[c->nsub++] = p;
    }
    for (size_t j = 0; j < nseats; j++) {
        if (!seats[j].used) {
            fprintf(stderr, "%s/seats.tsv:%ld: %s is not a first-level "
                    "subdivision in iso-codes\n", c->o->places,
                    seats[j].line, seats[j].code);
            failed++;
        }
    }
    if (failed)
        gz_die("%zu seats of %s/seats.tsv are wrong", failed, c->o->places);
    free(order);
    free(seats);
    gz_say("gen_gazetteer: %zu of %zu first-level subdivisions placed at "
           "their seat (%zu by seats.tsv, %zu by name, %zu by a near name, "
           "%zu by code)\n", c->nsub, first, by_file, by_name, by_near,
           by_code);
}

/* ---- our aliases ----------------------------------------------------------- */

static long target_of(ctx *c, const char *t, uint32_t *extra, char (*xname)[64],
                      size_t nx)
{
    size_t n = strlen(t);
    if (t[0] == '@') {
        for (size_t i = 0; i < nx; i++)
            if (strcmp(xname[i], t + 1) == 0)
                return extra[i];
        return -1;
    }
    if (n > 3 && t[2] == ':') {
        char cc2[3] = {t[0], t[1], 0};
        return find_city(c, t + 3, n - 3, cc2, 0);
    }
    if (n > 3 && t[2] == '-') {
        for (size_t i = 0; i < c->nsub; i++)
            if (strcmp(c->sub_code[i], t) == 0)
                return c->sub_place[i];
        return -1;
    }
    country *k = n == 2 ? by_a2(c, t) : n == 3 ? by_a3(c, t) : NULL;
    return k ? (long)k->place : -1;
}

static int kind_of(const char *s)
{
    if (strcmp(s, "country") == 0)
        return KH_PLACE_COUNTRY;
    if (strcmp(s, "region") == 0)
        return KH_PLACE_ADMIN1;
    if (strcmp(s, "city") == 0)
        return KH_PLACE_CITY;
    return 0;
}

static void read_aliases(ctx *c)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/aliases.tsv", c->o->places);
    size_t len, nx = 0, na = 0, failed = 0;
    char *s = gz_slurp(path, &len);
    uint32_t extra[256];
    char xname[256][64];
    long line = 0;
    for (char *p = s, *nl; p < s + len; p = nl + 1) {
        nl = strchr(p, '\n');
        if (!nl)
            nl = s + len;
        *nl = 0;
        line++;
        if (*p == '#' || *p == 0)
            continue;
        char *f[8];
        int nf = 0;
        for (char *q = p; nf < 8;) {
            f[nf++] = q;
            char *tab = strchr(q, '\t');
            if (!tab)
                break;
            *tab = 0;
            q = tab + 1;
        }
        if (strcmp(f[0], "+") == 0) {   /* + NAME KIND CC LAT LON */
            char *e1, *e2;
            int kind = nf == 6 ? kind_of(f[2]) : 0;
            country *k = nf == 6 ? by_a2(c, f[3]) : NULL;
            double lat = nf == 6 ? strtod(f[4], &e1) : 0;
            double lon = nf == 6 ? strtod(f[5], &e2) : 0;
            if (!kind || !k || *e1 || *e2 || fabs(lat) > 90 ||
                fabs(lon) > 180 || strlen(f[1]) >= 64 || nx == 256)
                gz_die("%s:%ld: expected +<TAB>NAME<TAB>country|region|city"
                       "<TAB>CC<TAB>LAT<TAB>LON", path, line);
            extra[nx] = kh_gazb_place(c->b, f[1], k->a3, NULL, kind, lat, lon,
                                      0, kind == KH_PLACE_CITY ? 20000 : 0,
                                      0, 0);
            snprintf(xname[nx], 64, "%s", f[1]);
            kh_gazb_name(c->b, f[1], strlen(f[1]), extra[nx], 0);
            nx++;
            continue;
        }
        if (nf != 2)
            gz_die("%s:%ld: expected ALIAS<TAB>TARGET", path, line);
        int pref = f[0][0] == '!';
        const char *alias = f[0] + pref;
        long t = target_of(c, f[1], extra, xname, nx);
        if (t < 0) {
            fprintf(stderr, "%s:%ld: no place \"%s\" (targets: CC, CCC, "
                    "CC-SUB, CC:City, @Extra)\n", path, line, f[1]);
            failed++;
            continue;
        }
        if (!kh_gazb_name(c->b, alias, strlen(alias), (uint32_t)t,
                          pref ? KH_GR_PREFERRED : 0))
            gz_die("%s:%ld: \"%s\" has no word to index", path, line, alias);
        na++;
    }
    free(s);
    if (failed)
        gz_die("%zu aliases of %s name no place", failed, path);
    gz_say("gen_gazetteer: %zu aliases and %zu places of our own (%s)\n", na,
           nx, path);
}

/* ---- common words ---------------------------------------------------------- */

/* Flags the cities whose one-word name Brown mostly tags as a common
 * word: lower-case uses outnumber its uses as a proper noun. */
static void flag_common(ctx *c)
{
    if (!c->o->brown)
        return;
    brown br;
    kh_error err;
    if (brown_load(&br, c->o->brown, &err) != KH_OK)
        gz_die("%s", err.message);
    uint32_t *low = kh_xcalloc(c->tmp->nnames, sizeof *low);
    uint32_t *prop = kh_xcalloc(c->tmp->nnames, sizeof *prop);
    for (size_t i = 0; i < br.ntoks; i++) {
        const brown_tok *t = &br.toks[i];
        char key[KH_GAZ_KEYMAX];
        int w;
        size_t kl = kh_gaz_key(t->text, t->len, key, sizeof key, &w);
        const kh_gaz_name *nm = kl && w == 1 ? kh_gaz_find(c->tmp, key, kl)
                                             : NULL;
        if (!nm || nm->count == 0)
            continue;
        size_t k = (size_t)(nm - c->tmp->names);
        if (t->tag == KH_POS_NNP || t->tag == KH_POS_NNPS)
            prop[k]++;
        else if (t->text[0] >= 'a' && t->text[0] <= 'z')
            low[k]++;
    }
    size_t flagged = 0;
    for (uint32_t k = 0; k < c->tmp->nnames; k++) {
        if (low[k] < 2 || low[k] <= prop[k])
            continue;
        const kh_gaz_name *nm = &c->tmp->names[k];
        for (uint32_t i = 0; i < nm->count; i++) {
            kh_gaz_place *p = kh_gazb_place_at(
                c->b, c->tmp->refs[nm->first + i] & KH_GR_PLACE);
            if (p->kind == KH_PLACE_CITY && !(p->flags & KH_GP_COMMON)) {
                p->flags |= KH_GP_COMMON;
                flagged++;
            }
        }
    }
    free(low);
    free(prop);
    brown_free(&br);
    gz_say("gen_gazetteer: %zu cities named by a common word (Brown)\n",
           flagged);
}

int gz_build(const gz_opts *o)
{
    ctx c;
    memset(&c, 0, sizeof c);
    c.o = o;
    kh_arena_init(&c.arena);
    c.b = kh_gazb_new();
    read_countries(&c);
    read_cities(&c);
    snapshot(&c);
    read_subdivisions(&c);
    read_aliases(&c);
    flag_common(&c);
    uint8_t *buf;
    size_t n;
    kh_gazb_serialize(c.b, &buf, &n);
    kh_gazetteer *g;
    kh_error err;
    if (kh_gaz_open_mem(buf, n, o->out, &g, &err) != KH_OK)
        gz_die("the gazetteer built does not load: %s", err.message);
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", o->out);
    FILE *f = fopen(tmp, "wb");
    if (!f || fwrite(buf, 1, n, f) != n || fclose(f) != 0)
        gz_die("cannot write %s", tmp);
    if (rename(tmp, o->out) != 0)
        gz_die("cannot rename %s to %s", tmp, o->out);
    gz_say("gen_gazetteer: wrote %s: %.1f MB, %u places, %u names\n", o->out,
           (double)n / 1e6, g->nplaces, g->nnames);
    kh_gaz_free(g);
    free(buf);
    kh_gaz_free(c.tmp);
    free(c.tmp_buf);
    free(c.cities);
    free(c.sub_code);
    free(c.sub_place);
    kh_gazb_free(c.b);
    kh_arena_free(&c.arena);
    return 0;
}
