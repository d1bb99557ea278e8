/*
 * test_lemma.c - the lemmatiser against the golden list
 * tests/golden/lemmas.txt (FORM TAG LEMMA a line), and in the pipeline.
 */
#include "tagutil.h"

#define GOLDEN "tests/golden/lemmas.txt"

static void test_golden_lemmas(void **state)
{
    (void)state;
    kh_tag_model *m = tu_tag_model();
    char *text = tu_read_file(GOLDEN, NULL);
    if (!text)
        fail_msg("cannot read %s", GOLDEN);
    size_t total = 0, right = 0, shown = 0;
    long lineno = 0;
    for (char *line = text; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        lineno++;
        char form[128], tag[16], want[128];
        if (line[0] != '#' && line[0] &&
            sscanf(line, "%127s %15s %127s", form, tag, want) == 3) {
            int t = kh_pos_from_name(tag, strlen(tag));
            if (!t)
                fail_msg("%s:%ld: unknown tag %s", GOLDEN, lineno, tag);
            char got[256];
            kh_lemmatize(m, form, strlen(form), t, got, sizeof got);
            total++;
            if (strcmp(got, want) == 0)
                right++;
            else if (shown++ < 25)
                print_message("  %s:%ld: %s/%s -> %s, expected %s\n", GOLDEN,
                              lineno, form, tag, got, want);
        }
        line = nl ? nl + 1 : NULL;
    }
    free(text);
    assert_true(total >= 500);
    double acc = 100.0 * (double)right / (double)total;
    double floor = tu_floor("lemma_accuracy");
    print_message("lemmatiser: %zu of %zu golden forms right, %.2f%% "
                  "(floor %.1f%%)\n", right, total, acc, floor);
    assert_true(acc >= floor);
}

/* The lemmas of a sentence, through the pipeline and its tags. */
static void test_pipeline_lemmas(void **state)
{
    (void)state;
    kh_doc *d = tu_process("Gunmen attacked the convoys and fled; police "
                           "are hunting them, officials said.");
    assert_non_null(d);
    static const char *const want[] = {
        "gunman", "attack", "the", "convoy", "and", "flee", ";", "police",
        "be", "hunt", "them", ",", "official", "say", ".",
    };
    assert_int_equal(kh_doc_token_count(d), sizeof want / sizeof *want);
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        if (strcmp(kh_doc_token_lemma(d, i), want[i]) != 0)
            fail_msg("token %zu (%s): lemma %s, expected %s", i,
                     kh_doc_token_tag(d, i), kh_doc_token_lemma(d, i),
                     want[i]);
    kh_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_golden_lemmas),
        cmocka_unit_test(test_pipeline_lemmas),
    };
    return cmocka_run_group_tests_name("lemma", tests, NULL, NULL);
}
