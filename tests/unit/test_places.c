/*
 * test_places.c - the gazetteer (keys, file, loader) and the places stage
 * (mentions, readings, metonyms, events' places), the golden suite of
 * tests/golden/places/ with its score and floors, and the seed article.
 */
#include "testutil.h"

#include "core/doc.h"
#include "extract/gazetteer.h"
#include "tag/tag.h"

#include <dirent.h>
#include <math.h>

#define FLOORS "tests/floors/places.txt"
#define GOLDEN "tests/golden/places"

static double floor_of(const char *name)
{
    return tu_floor_of(FLOORS, name);
}

static const char *key(const char *s)
{
    static char out[KH_GAZ_KEYMAX + 1];
    size_t n = kh_gaz_key(s, strlen(s), out, KH_GAZ_KEYMAX, NULL);
    out[n] = 0;
    return out;
}

static void test_keys(void **state)
{
    (void)state;
    assert_string_equal(key("Ta‘izz"), "TAIZZ");
    assert_string_equal(key("Sāmarrā’"), "SAMARRA");
    assert_string_equal(key("As Sulaymānīyah"), "AL SULAYMANIYAH");
    assert_string_equal(key("al-Sulaymaniyah"), "AL SULAYMANIYAH");
    assert_string_equal(key("Deir ez-Zor"), "DEIR EZ ZOR");
    assert_string_equal(key("U.S."), "US");
    assert_string_equal(key("Washington, D.C."), "WASHINGTON DC");
    assert_string_equal(key("  Kurdistan   region "), "KURDISTAN REGION");
    assert_string_equal(key("Şalāḩ ad Dīn"), "SALAH AD DIN");
    assert_string_equal(key("Łódź"), "LODZ");
    assert_string_equal(key("As"), "AS");   /* a town, not an article */
    int w = -1;
    char out[8];
    assert_int_equal(kh_gaz_key("--", 2, out, sizeof out, &w), 0);
    assert_int_equal(w, 0);
    /* too long for the buffer: no key rather than a cut one */
    assert_int_equal(kh_gaz_key("Kurdistan Region", 16, out, sizeof out,
                                NULL), 0);
}

/* A small gazetteer: two Tripolis, a country, a name of three words. */
static uint8_t *tiny(size_t *n)
{
    kh_gazb *b = kh_gazb_new();
    uint32_t ly = kh_gazb_place(b, "Libya", "LBY", NULL, KH_PLACE_COUNTRY, 25,
                                17, 0, 0, 0, 0);
    uint32_t t1 = kh_gazb_place(b, "Tripoli", "LBY", NULL, KH_PLACE_CITY,
                                32.89, 13.19, 1150989, 0, 2210247,
                                KH_GP_CAPITAL);
    uint32_t t2 = kh_gazb_place(b, "Tripoli", "LBN", NULL, KH_PLACE_CITY,
                                34.43, 35.84, 229398, 0, 266826, 0);
    uint32_t gs = kh_gazb_place(b, "Gaza Strip", "PSE", NULL,
                                KH_PLACE_ADMIN1, 31.42, 34.38, 0, 0, 0, 0);
    kh_gazb_name(b, "Libya", 5, ly, 0);
    kh_gazb_name(b, "Libyan", 6, ly, KH_GR_DEMONYM);
    kh_gazb_name(b, "Tripoli", 7, t2, 0);
    kh_gazb_name(b, "Tripoli", 7, t1, 0);
    kh_gazb_name(b, "the Gaza Strip", 14, gs, 0);
    assert_int_equal(kh_gazb_name(b, "...", 3, ly, 0), 0);
    uint8_t *buf;
    kh_gazb_serialize(b, &buf, n);
    kh_gazb_free(b);
    return buf;
}

static void test_build_and_find(void **state)
{
    (void)state;
    size_t n;
    uint8_t *buf = tiny(&n);
    kh_gazetteer *g;
    kh_error err;
    assert_int_equal(kh_gaz_open_mem(buf, n, "tiny", &g, &err), KH_OK);
    assert_int_equal(g->nplaces, 4);
    const kh_gaz_name *nm = kh_gaz_find(g, "TRIPOLI", 7);
    assert_non_null(nm);
    assert_int_equal(nm->count, 2);
    /* ranked by population: Libya's capital first */
    const kh_gaz_place *p = &g->places[g->refs[nm->first] & KH_GR_PLACE];
    assert_memory_equal(p->country, "LBY", 3);
    assert_int_equal(p->lat, 3289000);
    assert_int_equal(p->geonameid, 2210247);
    /* a name's first words lead to it */
    nm = kh_gaz_find(g, "THE GAZA", 8);
    assert_non_null(nm);
    assert_int_equal(nm->count, 0);
    assert_int_equal(nm->words, 2);
    assert_int_equal(nm->more, 3);
    assert_non_null(kh_gaz_find(g, "THE GAZA STRIP", 14));
    assert_null(kh_gaz_find(g, "GAZA", 4));
    nm = kh_gaz_find(g, "LIBYAN", 6);
    assert_true(g->refs[nm->first] & KH_GR_DEMONYM);
    kh_gaz_free(g);
    free(buf);
}

/* Every way a file can be wrong is an error that says what, never a
 * gazetteer that reads out of bounds. */
static void test_bad_files(void **state)
{
    (void)state;
    size_t n;
    uint8_t *good = tiny(&n);
    uint8_t *buf = malloc(n);
    kh_gazetteer *g = NULL;
    kh_error err;
    kh_gaz_header h;
    struct {
        const char *what;
        size_t off;
        uint32_t val;
    } cases[] = {
        {"magic", 0, 0x12345678},
        {"version", offsetof(kh_gaz_header, version), 99},
        {"size", offsetof(kh_gaz_header, size), 12},
        {"section", offsetof(kh_gaz_header, off_names), 0x7ffffff0},
        {"section", offsetof(kh_gaz_header, nrefs), 0x40000000},
        {"power of two", offsetof(kh_gaz_header, nbuckets), 4},
        {"refers to a place", 0, 0},   /* below: a ref past the places */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        memcpy(buf, good, n);
        memcpy(&h, buf, sizeof h);
        if (i == 6) {
            uint32_t bad = 999;
            memcpy(buf + h.off_refs, &bad, 4);
        } else {
            memcpy(buf + cases[i].off, &cases[i].val, 4);
        }
        assert_int_equal(kh_gaz_open_mem(buf, n, "bad.bin", &g, &err),
                         KH_EINPUT);
        assert_null(g);
        if (!strstr(err.message, cases[i].what))
            fail_msg("case %zu: \"%s\" does not say %s", i, err.message,
                     cases[i].what);
        assert_string_equal(err.file, "bad.bin");
    }
    /* cut short, anywhere */
    for (size_t cut = 0; cut < n; cut += 7) {
        assert_int_equal(kh_gaz_open_mem(good, cut, "cut.bin", &g, &err),
                         KH_EINPUT);
    }
    free(buf);
    free(good);
    assert_int_equal(kh_gaz_load("/nonexistent/khaldun", &g, &err), KH_EIO);
    assert_non_null(strstr(err.message, "gazetteer"));
}

static kh_gazetteer *real(void)
{
    static kh_gazetteer *g;
    if (!g) {
        kh_error err;
        if (kh_gaz_load(kh_data_dir(NULL), &g, &err) != KH_OK)
            fail_msg("%s: %s (run make)", err.file, err.message);
    }
    return g;
}

/* The first reading of a name in the real gazetteer. */
static const kh_gaz_place *first(const char *name)
{
    const kh_gazetteer *g = real();
    char k[KH_GAZ_KEYMAX];
    size_t kl = kh_gaz_key(name, strlen(name), k, sizeof k, NULL);
    const kh_gaz_name *nm = kh_gaz_find(g, k, kl);
    if (!nm || !nm->count)
        return NULL;
    return &g->places[g->refs[nm->first] & KH_GR_PLACE];
}

static void test_real_gazetteer(void **state)
{
    (void)state;
    const kh_gazetteer *g = real();
    assert_true(g->nplaces > 130000);
    const kh_gaz_place *mosul = first("Mosul");
    assert_non_null(mosul);
    assert_memory_equal(mosul->country, "IRQ", 3);
    assert_string_equal(mosul->admin1, "IQ-NI");
    assert_true(fabs(mosul->lat / 1e5 - 36.34) < 0.1);
    assert_ptr_equal(first("Mawsil"), mosul);
    assert_ptr_equal(first("al-Mawsil"), mosul);
    const kh_gaz_place *erbil = first("Erbil");
    assert_ptr_equal(first("Hawler"), erbil);
    assert_int_equal(first("Kiev")->lat, first("Kyiv")->lat);
    assert_memory_equal(first("Kiev")->country, "UKR", 3);
    const kh_gaz_place *nineveh = first("Nineveh");
    assert_int_equal(nineveh->kind, KH_PLACE_ADMIN1);
    assert_string_equal(nineveh->admin1, "IQ-NI");
    assert_int_equal(nineveh->lat, mosul->lat);   /* placed at its seat */
    assert_int_equal(first("Anbar")->kind, KH_PLACE_ADMIN1);
    assert_int_equal(first("Iraq")->kind, KH_PLACE_COUNTRY);
    assert_int_equal(first("Fallujah")->kind, KH_PLACE_CITY);
    assert_memory_equal(first("Raqqa")->country, "SYR", 3);
    assert_string_equal(g->strings + first("West Bank")->name, "West Bank");
    assert_true(first("Mobile")->flags & KH_GP_COMMON);
    assert_false(first("Paris")->flags & KH_GP_COMMON);
}

/* An article as the command reads a file (header line, wire dateline),
 * through the whole pipeline. */
static kh_doc *read_process(const char *text, size_t len, const char *name)
{
    static kh_pipeline *p;
    kh_error err;
    if (!p && !(p = kh_pipeline_new(NULL, &err)))
        fail_msg("%s", err.message);
    kh_doc *d = kh_read_text(text, len, name, &err);
    if (!d)
        fail_msg("%s: %s", name, err.message);
    if (kh_process(p, d, &err) != KH_OK)
        fail_msg("%s: %s", name, err.message);
    return d;
}

/* "Name/CCC Name/CCC ..." of the places found in text, in order. */
static const char *places_of(const char *text)
{
    static char buf[2048];
    kh_doc *d = tu_process(text);
    assert_non_null(d);
    size_t n = 0;
    buf[0] = 0;
    for (size_t i = 0; i < d->nplaces && n < sizeof buf; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s/%s",
                              i ? " " : "", d->places[i].name,
                              d->places[i].country);
    kh_doc_free(d);
    return buf;
}

static void test_mentions(void **state)
{
    (void)state;
    /* metonyms are actors */
    assert_string_equal(places_of("Baghdad announced the formation of a "
                                  "committee in Iraq."), "Iraq/IRQ");
    assert_string_equal(places_of("Washington said the talks in Doha had "
                                  "failed."), "Doha/QAT");
    assert_string_equal(places_of("The mission, led by Washington, ended "
                                  "in Iraq."), "Iraq/IRQ");
    /* people named like places */
    assert_string_equal(places_of("Paris Hilton arrived in Cannes."),
                        "Cannes/FRA");
    assert_string_equal(places_of("Michael Jordan spoke at a school in "
                                  "Chicago."), "Chicago/USA");
    /* common words that are towns */
    assert_string_equal(places_of("Mobile phones were cut. Best of all, "
                                  "Police said, the road was open."), "");
    /* possessives, al-, names of several words, countries and regions */
    assert_string_equal(places_of("Iraq's army entered al-Qaim. Talks were "
                                  "held in the West Bank."),
                        "Iraq/IRQ Al Qā’im/IRQ West Bank/PSE");
    /* a subdivision of a country outside the article's focus needs
     * support: Yemen's "Red Sea city" is not Sudan's Red Sea State */
    assert_string_equal(places_of("A missile hit Hodeidah in Yemen, the "
                                  "third attack on the Red Sea city."),
                        "Al Ḩudaydah/YEM Yemen/YEM");
    assert_string_equal(places_of("Fighting spread to Anbar province."),
                        "Al Anbār/IRQ");
    /* the apposition decides: Paris, Texas */
    assert_string_equal(places_of("A tornado hit Paris, Texas, on Sunday."),
                        "Paris/USA Texas/USA");
    /* the article's focus decides among towns of one name */
    assert_string_equal(places_of("Troops in Syria moved from Aleppo to "
                                  "Tripoli in Lebanon."),
                        "Syria/SYR Aleppo/SYR Tripoli/LBN Lebanon/LBN");
    /* demonyms and acronyms as adjectives are not places */
    assert_string_equal(places_of("Iraqi and U.S. troops met."), "");
    /* nor is a month of a date (March, Cambridgeshire) */
    assert_string_equal(places_of("Trade with Jordan fell in March 2023."),
                        "Jordan/JOR");
}

static void test_dateline_and_events(void **state)
{
    (void)state;
    const char *text =
        "MOSUL, Iraq (Reuters) - The Iraqi Counter-Terrorism Service "
        "announced the arrest of ISIS members 20 km southwest of Kirkuk on "
        "Monday.\nThe Iraqi government condemned ISIS.\nTurkish troops "
        "attacked Kurdish fighters in Syria on Monday.\n";
    kh_doc *d = read_process(text, strlen(text), "wire.txt");
    assert_true(d->nplaces >= 4);
    assert_string_equal(d->places[0].name, "Mosul");   /* the dateline */
    assert_true(fabs(d->places[0].lat - 36.34) < 0.1);
    assert_true(fabs(d->places[0].lon - 43.12) < 0.1);
    assert_string_equal(d->places[1].name, "Iraq");    /* "MOSUL, Iraq" */
    int kirkuk = -1, syria = -1;
    for (size_t i = 0; i < d->nplaces; i++) {
        if (strcmp(d->places[i].name, "Kirkuk") == 0)
            kirkuk = (int)i;
        if (strcmp(d->places[i].name, "Syria") == 0)
            syria = (int)i;
    }
    assert_true(kirkuk >= 0 && syria >= 0);
    assert_int_equal(d->nevents, 3);
    /* southwest of Kirkuk; no place named, so the dateline's; in Syria */
    assert_int_equal(d->events[0].place, kirkuk);
    assert_int_equal(d->events[1].place, 0);
    assert_int_equal(d->events[2].place, syria);
    /* the JSON carries each event's place */
    char *js = kh_doc_to_json(d, NULL);
    assert_non_null(strstr(js, "\"place\":{\"name\":\"Kirkuk\",\"country\":"
                               "\"IRQ\""));
    free(js);
    kh_doc_free(d);
}

static double km(double la1, double lo1, double la2, double lo2)
{
    double r = M_PI / 180;
    double a = sin((la2 - la1) * r / 2), b = sin((lo2 - lo1) * r / 2);
    double h = a * a + cos(la1 * r) * cos(la2 * r) * b * b;
    return 2 * 6371 * asin(sqrt(h));
}

typedef struct expect {
    char name[64], cc[16];   /* cc: "PSE" or "PSE|EGY" */
    double lat, lon;
    int hit;
} expect;

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The golden suite: each article's places against the expected ones (a
 * place found is right when its country is and it lies within 60 km of
 * the expected coordinates, or has the expected name). */
static void test_golden(void **state)
{
    (void)state;
    DIR *dir = opendir(GOLDEN);
    assert_non_null(dir);
    char *files[256];
    size_t nf = 0;
    struct dirent *de;
    while ((de = readdir(dir)) && nf < 256) {
        size_t l = strlen(de->d_name);
        if (l > 4 && strcmp(de->d_name + l - 4, ".txt") == 0)
            files[nf++] = strdup(de->d_name);
    }
    closedir(dir);
    qsort(files, nf, sizeof *files, name_cmp);
    size_t found = 0, right = 0, expected = 0, recalled = 0;
    for (size_t f = 0; f < nf; f++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", GOLDEN, files[f]);
        size_t len = 0;
        char *text = tu_read_file(path, &len);
        assert_non_null(text);
        snprintf(path + strlen(path) - 4, 16, ".expected");
        char *exp = tu_read_file(path, NULL);
        if (!exp)
            fail_msg("%s is missing", path);
        expect ex[64];
        size_t ne = 0;
        for (char *line = exp, *nl; line && *line; line = nl ? nl + 1 : NULL) {
            nl = strchr(line, '\n');
            if (nl)
                *nl = 0;
            if (*line == '#' || !*line)
                continue;
            if (ne == 64 || sscanf(line, "%63[^\t]\t%15s\t%lf\t%lf",
                                   ex[ne].name, ex[ne].cc, &ex[ne].lat,
                                   &ex[ne].lon) != 4)
                fail_msg("%s: bad line \"%s\"", path, line);
            ex[ne++].hit = 0;
        }
        kh_doc *d = read_process(text, len, files[f]);
        for (size_t i = 0; i < d->nplaces; i++) {
            const kh_place *p = &d->places[i];
            int ok = 0;
            for (size_t k = 0; k < ne && !ok; k++) {
                if (ex[k].hit || !strstr(ex[k].cc, p->country) ||
                    !p->country[0])
                    continue;
                if (km(p->lat, p->lon, ex[k].lat, ex[k].lon) <= 60 ||
                    strcasecmp(ex[k].name, p->name) == 0)
                    ok = ex[k].hit = 1;
            }
            found++;
            right += ok;
            if (!ok)
                print_message("# %s: not expected: %s (%s, %.2f %.2f)\n",
                              files[f], p->name, p->country, p->lat, p->lon);
        }
        for (size_t k = 0; k < ne; k++) {
            expected++;
            recalled += ex[k].hit;
            if (!ex[k].hit)
                print_message("# %s: missed: %s (%s)\n", files[f],
                              ex[k].name, ex[k].cc);
        }
        kh_doc_free(d);
        free(text);
        free(exp);
        free(files[f]);
    }
    double p = found ? 100.0 * (double)right / (double)found : 0;
    double r = expected ? 100.0 * (double)recalled / (double)expected : 0;
    double fp = floor_of("golden_precision"), fr = floor_of("golden_recall");
    print_message("# score places: precision %.1f%% recall %.1f%% (%zu "
                  "articles, %zu of %zu places found right, %zu of %zu "
                  "expected found; floors %.1f%% %.1f%%)\n", p, r, nf, right,
                  found, recalled, expected, fp, fr);
    assert_true(p >= fp);
    assert_true(r >= fr);
}

/* The seed article: Iraq, Syria and Baghdad placed with coordinates. */
static void test_seed(void **state)
{
    (void)state;
    const char *shared = tu_shared();
    if (!shared) {
        print_message("# ../shared is absent: seed test skipped\n");
        skip();
        return;
    }
    char path[2048];
    snprintf(path, sizeof path, "%s/seeds/000_1849582b988d1309.txt", shared);
    size_t len = 0;
    char *text = tu_read_file(path, &len);
    if (!text) {
        skip();
        return;
    }
    kh_doc *d = read_process(text, len, path);
    static const struct {
        const char *name, *cc;
        double lat, lon;
    } want[] = {{"Iraq", "IRQ", 33, 44}, {"Syria", "SYR", 35, 38},
                {"Baghdad", "IRQ", 33.34, 44.40}};
    for (size_t w = 0; w < 3; w++) {
        int ok = 0;
        for (size_t i = 0; i < d->nplaces; i++) {
            const kh_place *p = &d->places[i];
            if (strcmp(p->name, want[w].name) == 0 &&
                strcmp(p->country, want[w].cc) == 0 &&
                km(p->lat, p->lon, want[w].lat, want[w].lon) < 50)
                ok = 1;
        }
        if (!ok)
            fail_msg("the seed's %s is not placed", want[w].name);
    }
    /* "Baghdad announced" is an actor: Baghdad is there as the dateline,
     * not as a mention of that sentence */
    for (size_t m = 0; m < d->nplace_mentions; m++) {
        const kh_mention *pm = &d->place_mentions[m];
        assert_false(strncmp(d->text + pm->start, "Baghdad announced", 17) ==
                     0);
    }
    kh_doc_free(d);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keys),
        cmocka_unit_test(test_build_and_find),
        cmocka_unit_test(test_bad_files),
        cmocka_unit_test(test_real_gazetteer),
        cmocka_unit_test(test_mentions),
        cmocka_unit_test(test_dateline_and_events),
        cmocka_unit_test(test_golden),
        cmocka_unit_test(test_seed),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    kh_gaz_free(real());
    return rc;
}
