/*
 * test_entities.c - the entities stage: names, titles, aliases, merged
 * mentions, types and codes; the places stage's mentions taken in; the
 * reference article; the golden suite of tests/golden/entities/ with its
 * score against the floors in tests/floors/entities.txt.
 */
#include "testutil.h"

#include "core/doc.h"
#include "extract/extract.h"

#include <ctype.h>
#include <dirent.h>
#include <strings.h>

#define GOLDEN_DIR "tests/golden/entities"
#define FLOORS "tests/floors/entities.txt"

static kh_pipeline *pipe_(void)
{
    static kh_pipeline *p;
    if (!p) {
        kh_error err;
        p = kh_pipeline_new(NULL, &err);
        if (!p)
            fail_msg("pipeline: %s", err.message);
    }
    return p;
}

static kh_doc *process_file(const char *path)
{
    const char *paths[1] = {path};
    kh_reader *r = kh_reader_open(paths, 1, NULL);
    kh_doc *d = NULL;
    kh_error err;
    if (kh_reader_next(r, &d, &err) != 1)
        d = NULL;
    kh_reader_close(r);
    if (d && kh_process(pipe_(), d, &err) != KH_OK) {
        kh_doc_free(d);
        d = NULL;
    }
    return d;
}

static kh_doc *process_dated(const char *text, const char *date)
{
    kh_error err;
    kh_meta m = {0};
    m.date = date;
    kh_doc *d = kh_doc_new(text, strlen(text), &m, &err);
    assert_non_null(d);
    assert_int_equal(kh_process(pipe_(), d, &err), KH_OK);
    return d;
}

static kh_doc *process(const char *text)
{
    return process_dated(text, "2024-01-06");
}

/* Mention m's words, white space collapsed, in a static buffer. */
static const char *mention(const kh_doc *d, size_t m)
{
    static char buf[1024];
    size_t s = kh_doc_in_off(d, d->entity_mentions[m].start);
    size_t e = kh_doc_in_off(d, d->entity_mentions[m].end), n = 0;
    int sp = 0;
    for (size_t i = s; i < e && n + 2 < sizeof buf; i++) {
        char c = d->input[i];
        if (isspace((unsigned char)c)) {
            sp = 1;
            continue;
        }
        if (sp && n)
            buf[n++] = ' ';
        sp = 0;
        buf[n++] = c;
    }
    buf[n] = '\0';
    return buf;
}

/* The entity named name (ignoring case), or -1. */
static int entity(const kh_doc *d, const char *name)
{
    for (size_t e = 0; e < d->nentities; e++)
        if (strcasecmp(d->entities[e].name, name) == 0)
            return (int)e;
    return -1;
}

/* Whether entity e has a mention written text. */
static int has_mention(const kh_doc *d, int e, const char *text)
{
    for (size_t m = 0; m < d->nentity_mentions; m++)
        if (d->entity_mentions[m].ref == (uint32_t)e &&
            strcasecmp(mention(d, m), text) == 0)
            return 1;
    return 0;
}

static int nmentions(const kh_doc *d, int e)
{
    int n = 0;
    for (size_t m = 0; m < d->nentity_mentions; m++)
        n += d->entity_mentions[m].ref == (uint32_t)e;
    return n;
}

/* ---- behaviours ------------------------------------------------------------ */

static void test_word_table(void **state)
{
    (void)state;
    assert_true(kh_word_table_sorted());
    assert_true(kh_word_class("minister", 8) & KH_W_TITLE);
    assert_true(kh_word_class("Fatima", 6) & KH_W_FEMALE);
    assert_false(kh_word_class("said", 4) & KH_W_SPEECH);   /* lemma: SAY */
    assert_true(kh_word_class("say", 3) & KH_W_SPEECH);
    assert_int_equal(kh_word_class("", 0), 0);
    assert_int_equal(kh_name_word_key("al-Sudani", 9),
                     kh_name_word_key("Al-Sudani", 9));
    assert_int_equal(kh_name_word_key("Al-Sudani", 9),
                     kh_name_word_key("Sudani", 6));
    assert_int_equal(kh_name_word_key("bin", 3), 0);
}

static void test_title_and_surname(void **state)
{
    (void)state;
    kh_doc *d = process(
        "The Prime Minister, Mohammed Shia al-Sudani, met Kurdish politician "
        "Sardar Mustafa in Baghdad. Al-Sudani and Mustafa discussed the "
        "budget.");
    int s = entity(d, "Mohammed Shia al-Sudani");
    int m = entity(d, "Sardar Mustafa");
    assert_true(s >= 0 && m >= 0);
    assert_string_equal(d->entities[s].title, "Prime Minister");
    assert_string_equal(d->entities[m].title, "Kurdish politician");
    assert_int_equal(d->entities[s].type, KH_ENT_PERSON);
    assert_true(has_mention(d, s, "Al-Sudani"));
    assert_true(has_mention(d, m, "Mustafa"));
    assert_int_equal(nmentions(d, s), 2);
    /* the dictionaries: prime minister from October 2022 */
    assert_string_equal(d->entities[s].code, "IRQGOV");
    int b = entity(d, "Baghdad");
    assert_true(b >= 0);
    assert_int_equal(d->entities[b].type, KH_ENT_PLACE);
    kh_doc_free(d);
    /* the same words at an earlier date code as the dictionary dates */
    d = process_dated("Mohammed Shia al-Sudani visited Basra.", "2020-03-01");
    s = entity(d, "Mohammed Shia al-Sudani");
    assert_true(s >= 0);
    assert_string_equal(d->entities[s].code, "IRQELI");
    kh_doc_free(d);
}

static void test_alias_and_acronym(void **state)
{
    (void)state;
    kh_doc *d = process(
        "A strike killed Talib Ali al-Saidi, nicknamed \u201cAbu Taqwa,\u201d "
        "a commander of the Popular Mobilization Forces (PMF). Abu Taqwa "
        "had joined the PMF in 2014. The United States said U.S. forces "
        "acted in self-defence.");
    int t = entity(d, "Talib Ali al-Saidi");
    assert_true(t >= 0);
    assert_int_equal(d->entities[t].naliases, 1);
    assert_string_equal(d->entities[t].aliases[0], "Abu Taqwa");
    assert_int_equal(nmentions(d, t), 3);
    int p = entity(d, "Popular Mobilization Forces");
    assert_true(p >= 0);
    assert_int_equal(d->entities[p].type, KH_ENT_ORG);
    assert_true(has_mention(d, p, "PMF"));
    assert_int_equal(entity(d, "PMF"), -1);
    int u = entity(d, "United States");
    assert_true(u >= 0);
    assert_true(has_mention(d, u, "U.S."));
    assert_int_equal(d->entities[u].type, KH_ENT_PLACE);
    kh_doc_free(d);
}

static void test_not_entities(void **state)
{
    (void)state;
    kh_doc *d = process(
        "On Saturday, Iraqi officials said the Syrian border was calm. "
        "Other officials disagreed. In January, the Americans left.");
    for (size_t e = 0; e < d->nentities; e++)
        fail_msg("\"%s\" is not an entity", d->entities[e].name);
    kh_doc_free(d);
}

static void test_two_barzanis(void **state)
{
    (void)state;
    kh_doc *d = process(
        "Kurdistan Region President Nechirvan Barzani and Prime Minister "
        "Masrour Barzani met in Erbil.");
    assert_true(entity(d, "Nechirvan Barzani") >= 0);
    assert_true(entity(d, "Masrour Barzani") >= 0);
    assert_true(entity(d, "Nechirvan Barzani") !=
                entity(d, "Masrour Barzani"));
    kh_doc_free(d);
}

static void test_described_speaker(void **state)
{
    (void)state;
    kh_doc *d = process(
        "A military official in the Pentagon said the strike was "
        "necessary. The official added that no civilians were hurt.");
    int o = entity(d, "military official in the Pentagon");
    assert_true(o >= 0);
    assert_int_equal(d->entities[o].type, KH_ENT_PERSON);
    assert_string_equal(d->entities[o].code, "USAMIL");
    assert_true(has_mention(d, o, "official"));
    assert_true(entity(d, "Pentagon") >= 0);
    kh_doc_free(d);
}

/* With the places stage's mentions, a name there is a place, with its
 * index, and two spellings of one place are one entity. */
static void test_places_taken_in(void **state)
{
    (void)state;
    kh_pipeline_opts o = {0};
    o.stages = KH_STAGE_TEXT | KH_STAGE_TAG | KH_STAGE_DATES;
    kh_error err;
    kh_pipeline *p = kh_pipeline_new(&o, &err);
    assert_non_null(p);
    const char *text = "Fighting near Mawsil went on. Mosul was quiet "
                       "later, and Hadi Amiri visited Tal Afar.";
    kh_doc *d = kh_doc_new(text, strlen(text), NULL, &err);
    assert_int_equal(kh_process(p, d, &err), KH_OK);
    d->nplaces = 2;
    d->places = kh_arena_calloc(&d->arena, 2 * sizeof *d->places);
    d->places[0].name = "Mosul";
    d->places[1].name = "Tal Afar";
    d->nplace_mentions = 3;
    d->place_mentions = kh_arena_calloc(&d->arena,
                                        3 * sizeof *d->place_mentions);
    const char *w[3] = {"Mawsil", "Mosul", "Tal Afar"};
    uint32_t ref[3] = {0, 0, 1};
    for (int k = 0; k < 3; k++) {
        const char *at = strstr(text, w[k]);
        d->place_mentions[k].start = (uint32_t)(at - text);
        d->place_mentions[k].end = (uint32_t)(at - text + strlen(w[k]));
        d->place_mentions[k].ref = ref[k];
    }
    assert_int_equal(kh_find_entities(NULL, d), KH_OK);
    int m = entity(d, "Mawsil") >= 0 ? entity(d, "Mawsil") : entity(d, "Mosul");
    assert_true(m >= 0);
    assert_int_equal(d->entities[m].type, KH_ENT_PLACE);
    assert_int_equal(d->entities[m].place, 0);
    assert_int_equal(nmentions(d, m), 2);
    int t = entity(d, "Tal Afar");
    assert_true(t >= 0);
    assert_int_equal(d->entities[t].place, 1);
    assert_int_equal(d->entities[t].type, KH_ENT_PLACE);
    int h = entity(d, "Hadi Amiri");
    assert_true(h >= 0);
    assert_int_equal(d->entities[h].type, KH_ENT_PERSON);
    kh_doc_free(d);
    kh_pipeline_free(p);
}

static void test_no_text(void **state)
{
    (void)state;
    kh_doc *d = process(" ");
    assert_int_equal(d->nentities, 0);
    assert_int_equal(d->nquotes, 0);
    kh_doc_free(d);
    /* a long run of capitals stays bounded */
    char *t = malloc(200001);
    for (size_t i = 0; i < 200000; i++)
        t[i] = i % 4 == 3 ? ' ' : 'A' + (char)(i % 7);
    t[200000] = '\0';
    d = process(t);
    assert_true(d->nentities < 200000);
    kh_doc_free(d);
    free(t);
}

static void test_seed(void **state)
{
    (void)state;
    char path[1100];
    if (!tu_shared())
        skip();
    snprintf(path, sizeof path, "%s/seeds/000_1849582b988d1309.txt",
             tu_shared());
    kh_doc *d = process_file(path);
    assert_non_null(d);
    int s = -1, m = -1, t = -1;
    for (size_t e = 0; e < d->nentities; e++) {
        const kh_entity *x = &d->entities[e];
        if (strstr(x->name, "Sudani")) {
            assert_int_equal(s, -1);
            s = (int)e;
        }
        if (strstr(x->name, "Mustafa")) {
            assert_int_equal(m, -1);
            m = (int)e;
        }
        for (size_t a = 0; a < x->naliases; a++)
            if (strcmp(x->aliases[a], "Abu Taqwa") == 0) {
                assert_int_equal(t, -1);
                t = (int)e;
            }
    }
    assert_true(s >= 0 && m >= 0 && t >= 0);
    assert_string_equal(d->entities[s].title, "Prime Minister");
    assert_int_equal(d->entities[s].type, KH_ENT_PERSON);
    assert_int_equal(nmentions(d, s), 3);
    assert_string_equal(d->entities[m].name, "Sardar Mustafa");
    assert_int_equal(nmentions(d, m), 3);
    assert_string_equal(d->entities[t].name, "Talib Ali Al-Saidi");
    assert_int_equal(nmentions(d, t), 4);   /* the name, Abu Taqwa x3 */
    assert_int_equal(entity(d, "Abu Taqwa"), -1);
    int n = entity(d, "Al-Nujaba Movement");
    assert_true(n >= 0);
    assert_int_equal(d->entities[n].type, KH_ENT_ORG);
    assert_true(has_mention(d, n, "Al-Nujaba"));
    assert_true(entity(d, "Iraq") >= 0);
    assert_int_equal(d->entities[entity(d, "Iraq")].type, KH_ENT_PLACE);
    kh_doc_free(d);
}

/* ---- the golden suite ------------------------------------------------------- */

static double floor_of(const char *name)
{
    return tu_floor_of(FLOORS, name);
}

static int type_named(const char *s)
{
    if (strcmp(s, "PERSON") == 0)
        return KH_ENT_PERSON;
    if (strcmp(s, "ORG") == 0)
        return KH_ENT_ORG;
    if (strcmp(s, "PLACE") == 0)
        return KH_ENT_PLACE;
    return -1;
}

/* Why the expected entity is not entity e ("" when it is). */
static const char *check(const kh_doc *d, int e, int type, char **fields,
                         int nf)
{
    static char why[512];
    const kh_entity *x = &d->entities[e];
    if (x->type != type)
        return "type";
    for (int k = 0; k < nf; k++) {
        char *f = fields[k];
        if (strncmp(f, "also:", 5) == 0) {
            char buf[512];
            snprintf(buf, sizeof buf, "%s", f + 5);
            char *save = NULL;
            for (char *m = strtok_r(buf, ";", &save); m;
                 m = strtok_r(NULL, ";", &save))
                if (!has_mention(d, e, tu_trim(m))) {
                    snprintf(why, sizeof why, "no mention \"%s\"", tu_trim(m));
                    return why;
                }
        } else if (strncmp(f, "title:", 6) == 0) {
            char buf[512];
            snprintf(buf, sizeof buf, "%s", f + 6);
            if (!x->title || strcasecmp(x->title, tu_trim(buf)) != 0) {
                snprintf(why, sizeof why, "title \"%s\"",
                         x->title ? x->title : "");
                return why;
            }
        } else if (strncmp(f, "alias:", 6) == 0) {
            char buf[512];
            snprintf(buf, sizeof buf, "%s", f + 6);
            int ok = 0;
            for (size_t a = 0; a < x->naliases; a++)
                ok |= strcasecmp(x->aliases[a], tu_trim(buf)) == 0;
            if (!ok)
                return "alias";
        }
    }
    return "";
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static const char *type_name(int t)
{
    return t == KH_ENT_PERSON ? "PERSON" : t == KH_ENT_ORG ? "ORG" : "PLACE";
}

static void test_golden(void **state)
{
    (void)state;
    DIR *dir = opendir(GOLDEN_DIR);
    if (!dir)
        fail_msg("cannot open %s", GOLDEN_DIR);
    char **names = NULL;
    size_t nn = 0;
    struct dirent *de;
    while ((de = readdir(dir))) {
        size_t l = strlen(de->d_name);
        if (l > 4 && strcmp(de->d_name + l - 4, ".txt") == 0) {
            names = realloc(names, (nn + 1) * sizeof *names);
            names[nn++] = strdup(de->d_name);
        }
    }
    closedir(dir);
    qsort(names, nn, sizeof *names, cmp_str);
    size_t want = 0, got = 0, right = 0, named = 0;
    for (size_t f = 0; f < nn; f++) {
        char path[1024], epath[1024];
        snprintf(path, sizeof path, "%s/%s", GOLDEN_DIR, names[f]);
        snprintf(epath, sizeof epath, "%s/%.*s.expect", GOLDEN_DIR,
                 (int)strlen(names[f]) - 4, names[f]);
        char *exp = tu_read_file(epath, NULL);
        if (!exp)
            fail_msg("%s has no %s", path, epath);
        kh_doc *d = process_file(path);
        if (!d)
            fail_msg("cannot read %s", path);
        uint8_t *used = calloc(d->nentities + 1, 1);
        got += d->nentities;
        char *save = NULL;
        for (char *line = strtok_r(exp, "\n", &save); line;
             line = strtok_r(NULL, "\n", &save)) {
            if (!*tu_trim(line) || line[0] == '#')
                continue;
            char *fields[8];
            int nf = 0;
            char *fs = NULL;
            for (char *p = strtok_r(line, "|", &fs); p && nf < 8;
                 p = strtok_r(NULL, "|", &fs))
                fields[nf++] = tu_trim(p);
            int type = nf >= 2 ? type_named(fields[0]) : -1;
            if (type < 0)
                fail_msg("%s: a line that is not TYPE | name: %s", epath,
                         fields[0]);
            want++;
            int e = entity(d, fields[1]);
            if (e < 0 || used[e]) {
                print_message("# %s: missed %s %s\n", names[f], fields[0],
                              fields[1]);
                continue;
            }
            used[e] = 1;
            named++;
            const char *why = check(d, e, type, fields + 2, nf - 2);
            if (!*why)
                right++;
            else
                print_message("# %s: %s %s: %s (%s)\n", names[f],
                              fields[0], fields[1], why,
                              type_name(d->entities[e].type));
        }
        for (size_t e = 0; e < d->nentities; e++)
            if (!used[e])
                print_message("# %s: not expected: %s %s\n", names[f],
                              type_name(d->entities[e].type),
                              d->entities[e].name);
        free(used);
        kh_doc_free(d);
        free(exp);
        free(names[f]);
    }
    free(names);
    double p = got ? 100.0 * (double)right / (double)got : 0;
    double r = want ? 100.0 * (double)right / (double)want : 0;
    double np = got ? 100.0 * (double)named / (double)got : 0;
    double nr = want ? 100.0 * (double)named / (double)want : 0;
    print_message("# score entities: precision %.1f recall %.1f (%zu articles, "
                  "%zu entities; the names alone: precision %.1f recall %.1f; "
                  "floors %.1f %.1f)\n", p, r, nn, want, np, nr,
                  floor_of("entities_precision"), floor_of("entities_recall"));
    assert_true(nn >= 30);
    assert_true(p >= floor_of("entities_precision"));
    assert_true(r >= floor_of("entities_recall"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_word_table),
        cmocka_unit_test(test_title_and_surname),
        cmocka_unit_test(test_alias_and_acronym),
        cmocka_unit_test(test_not_entities),
        cmocka_unit_test(test_two_barzanis),
        cmocka_unit_test(test_described_speaker),
        cmocka_unit_test(test_places_taken_in),
        cmocka_unit_test(test_no_text),
        cmocka_unit_test(test_seed),
        cmocka_unit_test(test_golden),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    kh_pipeline_free(pipe_());
    return rc;
}
