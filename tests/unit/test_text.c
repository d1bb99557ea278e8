/*
 * test_text.c - the normaliser, the tokenizer and the sentence limits.
 */
#include "testutil.h"

#include "text/text.h"

/* Every sentence's text is the input bytes between its offsets, whatever
 * the normaliser did. */
static void assert_spans_valid(const kh_doc *d)
{
    size_t len, prev_end = 0;
    kh_doc_input(d, &len);
    for (size_t i = 0; i < kh_doc_sentence_count(d); i++) {
        size_t s, e;
        assert_int_equal(kh_doc_sentence(d, i, &s, &e), KH_OK);
        assert_true(s < e);
        assert_true(e <= len);
        assert_true(s >= prev_end);
        prev_end = e;
    }
}

static void test_invalid_utf8_replaced_and_counted(void **state)
{
    (void)state;
    const char in[] = "Iraq said \xff\xfe it would \xe2\x80 talk. Then it did.";
    kh_doc *d = tu_process_meta(in, sizeof in - 1, NULL);
    assert_non_null(d);
    long first;
    /* \xff and \xfe are two invalid bytes; \xe2\x80 is one truncated
     * sequence of two bytes */
    assert_int_equal(kh_doc_invalid_bytes(d, &first), 4);
    assert_int_equal(first, 10);
    assert_int_equal(kh_doc_sentence_count(d), 2);
    char *s1 = tu_sentence(d, 1);
    assert_string_equal(s1, "Then it did.");
    free(s1);
    assert_int_equal(kh_doc_warning_count(d), 1);
    assert_non_null(strstr(kh_doc_warning(d, 0), "4 bytes of invalid UTF-8"));
    assert_non_null(strstr(kh_doc_warning(d, 0), "line 1, column 11"));
    assert_spans_valid(d);
    kh_doc_free(d);
}

static void test_nfc_composes_and_maps_back(void **state)
{
    (void)state;
    /* "Café" with a combining acute accent (NFD), then a sentence. */
    const char in[] = "The Cafe\xcc\x81 opened. Police came.";
    kh_doc *d = tu_process_meta(in, sizeof in - 1, NULL);
    assert_int_equal(kh_doc_sentence_count(d), 2);
    size_t s, e;
    kh_doc_sentence(d, 0, &s, &e);
    assert_int_equal(s, 0);
    assert_int_equal(e, 18);   /* the input offset after "opened." */
    kh_doc_sentence(d, 1, &s, &e);
    assert_int_equal(s, 19);
    /* token 1 is "Café", one token over 6 input bytes */
    int kind;
    kh_doc_token(d, 1, &s, &e, &kind);
    assert_int_equal(s, 4);
    assert_int_equal(e, 10);
    assert_int_equal(kind, KH_TOK_WORD);
    assert_int_equal(kh_doc_invalid_bytes(d, NULL), 0);
    kh_doc_free(d);
}

static void test_bom_and_nul(void **state)
{
    (void)state;
    const char in[] = "\xef\xbb\xbfHe left.\0She stayed.";
    kh_doc *d = tu_process_meta(in, sizeof in - 1, NULL);
    assert_int_equal(kh_doc_sentence_count(d), 2);
    size_t s, e;
    kh_doc_sentence(d, 0, &s, &e);
    assert_int_equal(s, 3);
    assert_int_equal(e, 11);
    kh_doc_free(d);
}

static void test_tokens(void **state)
{
    (void)state;
    static const struct {
        const char *in, *want;
    } cases[] = {
        {"Washington’s troops don't leave.",
         "Washington|’s|troops|do|n't|leave|."},
        {"Al-Sudani met Shia'a leaders in Ta'if.",
         "Al-Sudani|met|Shia'a|leaders|in|Ta'if|."},
        {"About 2,500 U.S. troops, $1.2 billion and 3.5%.",
         "About|2,500|U.S.|troops|,|$|1.2|billion|and|3.5|%|."},
        {"At 12:30 p.m. on 2024-01-06 he left.",
         "At|12:30|p.m.|on|2024-01-06|he|left|."},
        {"“We will not,” he said -- and left — fast.",
         "“|We|will|not|,|”|he|said|--|and|left|—|fast|."},
        {"See https://example.org/a?b=1, or mail a.b@example.org.",
         "See|https://example.org/a?b=1|,|or|mail|a.b@example.org|."},
        {"Gen. John F. Kennedy Jr. and Dr. Smith, Ph.D., said so...",
         "Gen.|John|F.|Kennedy|Jr.|and|Dr.|Smith|,|Ph.D.|,|said|so|..."},
        {"The soldiers' families waited?!", "The|soldiers|'|families|waited|?!"},
        {"F-16 jets hit COVID-19 wards (AT&T said).",
         "F-16|jets|hit|COVID-19|wards|(|AT&T|said|)|."},
        {"«Non» dit-il, \"oui\" 'peut-être'.",
         "«|Non|»|dit-il|,|\"|oui|\"|'|peut-être|'|."},
        {"محمد شياع السوداني said.", "محمد|شياع|السوداني|said|."},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        kh_doc *d = tu_process(cases[i].in);
        assert_non_null(d);
        const char *got = tu_tokens(d);
        if (strcmp(got, cases[i].want) != 0)
            print_message("input: %s\n want: %s\n  got: %s\n", cases[i].in,
                          cases[i].want, got);
        assert_string_equal(got, cases[i].want);
        kh_doc_free(d);
    }
}

static void test_quote_kinds(void **state)
{
    (void)state;
    kh_doc *d = tu_process("He said \"no\" and ‘yes’ «maybe».");
    static const int want[] = {
        KH_TOK_WORD, KH_TOK_WORD, KH_TOK_QUOTE_OPEN, KH_TOK_WORD,
        KH_TOK_QUOTE_CLOSE, KH_TOK_WORD, KH_TOK_QUOTE_OPEN, KH_TOK_WORD,
        KH_TOK_QUOTE_CLOSE, KH_TOK_QUOTE_OPEN, KH_TOK_WORD,
        KH_TOK_QUOTE_CLOSE, KH_TOK_PUNCT};
    assert_int_equal(kh_doc_token_count(d), sizeof want / sizeof *want);
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        int kind;
        tu_token(d, i, &kind);
        assert_int_equal(kind, want[i]);
    }
    kh_doc_free(d);
}

static void test_long_run_is_cut(void **state)
{
    (void)state;
    /* 1,000 words with no full stop, a comma every 7 words */
    size_t n = 0;
    char *in = malloc(20000);
    for (int i = 0; i < 1000; i++)
        n += (size_t)sprintf(in + n, "word%s", i % 7 == 6 ? ", " : " ");
    kh_doc *d = tu_process_meta(in, n, NULL);
    size_t ns = kh_doc_sentence_count(d);
    assert_true(ns >= 4);
    for (size_t i = 0; i < ns; i++) {
        size_t a, b;
        kh_doc_sentence_tokens(d, i, &a, &b);
        assert_true(b - a <= KH_MAX_SENTENCE_TOKENS);
        /* cut after a comma */
        if (i + 1 < ns)
            assert_string_equal(tu_token(d, b - 1, NULL), ",");
    }
    assert_int_equal(kh_doc_warning_count(d), 1);
    assert_spans_valid(d);
    kh_doc_free(d);
    free(in);
}

/* Inputs that would make a careless tokenizer quadratic: they must finish
 * (make check runs this under ASan, where quadratic time would be minutes). */
static void test_pathological_inputs(void **state)
{
    (void)state;
    const char *units[] = {"a.", "U.S.", "'", "-", "“", "...", "1,", "é\xcc\x81",
                           "\xff", "x@", "http://", "Mr. "};
    size_t n = 1 << 20;
    char *in = malloc(n + 8);
    for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
        size_t k = strlen(units[u]), len = 0;
        while (len + k <= n)
            memcpy(in + len, units[u], k), len += k;
        kh_doc *d = tu_process_meta(in, len, NULL);
        assert_non_null(d);
        assert_true(kh_doc_token_count(d) > 0);
        assert_spans_valid(d);
        kh_doc_free(d);
    }
    free(in);
}

static void test_abbreviation_tables(void **state)
{
    (void)state;
    assert_int_equal(kh_abbrev_kind("Gen", 3), KH_ABBR_TITLE);
    assert_int_equal(kh_abbrev_kind("Jan", 3), KH_ABBR_MONTH);
    assert_int_equal(kh_abbrev_kind("No", 2), KH_ABBR_NUMBERED);
    assert_int_equal(kh_abbrev_kind("etc", 3), KH_ABBR_OTHER);
    assert_int_equal(kh_abbrev_kind("Iraq", 4), KH_ABBR_NONE);
    assert_true(kh_is_sentence_starter("The", 3));
    assert_false(kh_is_sentence_starter("Army", 4));
    assert_true(kh_abbrev_tables_sorted());
}

/* Regression, found by fuzz_read_json: "www." before a non-ASCII byte read
 * past the end of the ASCII class table. */
static void test_regression_www_non_ascii(void **state)
{
    (void)state;
    kh_doc *d = tu_process("See www.\xc3\xa9xample.org now. Or www.\xef.");
    assert_non_null(d);
    assert_string_equal(tu_token(d, 1, NULL), "www.\xc3\xa9xample.org");
    kh_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_invalid_utf8_replaced_and_counted),
        cmocka_unit_test(test_nfc_composes_and_maps_back),
        cmocka_unit_test(test_bom_and_nul),
        cmocka_unit_test(test_tokens),
        cmocka_unit_test(test_quote_kinds),
        cmocka_unit_test(test_long_run_is_cut),
        cmocka_unit_test(test_pathological_inputs),
        cmocka_unit_test(test_abbreviation_tables),
        cmocka_unit_test(test_regression_www_non_ascii),
    };
    return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
