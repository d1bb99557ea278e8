/*
 * test_output.c - the JSON output: escaping, validity, and the contract
 * that a span's text is the input between its offsets.
 */
#include "testutil.h"

#include "core/arena.h"
#include "core/buf.h"
#include "output/output.h"
#include "read/json.h"

#include <unistd.h>

static void test_escaping(void **state)
{
    (void)state;
    kh_buf b = KH_BUF_INIT;
    const char in[] = "a\"b\\c\n\t\x01\xe2\x80\xa8z\xff\xc3\xa9";
    kh_json_string(&b, in, sizeof in - 1);
    assert_string_equal(kh_buf_cstr(&b),
                        "\"a\\\"b\\\\c\\n\\t\\u0001\\u2028z\\ufffd\xc3\xa9\"");
    kh_buf_free(&b);
}

/* Parses a document's JSON and checks the contract on it. */
static void check_contract(const char *input, size_t len)
{
    kh_doc *d = tu_process_meta(input, len, NULL);
    size_t n;
    char *js = kh_doc_to_json(d, &n);
    kh_arena a;
    kh_arena_init(&a);
    size_t off;
    const char *msg;
    kh_jval *v = kh_json_parse(&a, js, n, &off, &msg);
    assert_non_null(v);
    static const char *const arrays[] = {"sentences", "events", "quotes",
                                         "entities", "places", "dates"};
    for (size_t i = 0; i < 6; i++) {
        const kh_jval *x = kh_json_get(v, arrays[i]);
        assert_non_null(x);
        assert_int_equal(x->type, KH_JARR);
    }
    assert_int_equal(kh_json_get(v, "id")->type, KH_JNULL);
    const kh_jval *sents = kh_json_get(v, "sentences");
    assert_int_equal(sents->n, kh_doc_sentence_count(d));
    for (size_t i = 0; i < sents->n; i++) {
        size_t s = (size_t)kh_json_get(sents->items[i], "start")->num;
        size_t e = (size_t)kh_json_get(sents->items[i], "end")->num;
        const kh_jval *t = kh_json_get(sents->items[i], "text");
        assert_true(e <= len && s < e);
        /* the text is the input slice, with invalid bytes as U+FFFD */
        kh_buf want = KH_BUF_INIT;
        kh_json_string(&want, input + s, e - s);
        kh_jval *w = kh_json_parse(&a, want.data, want.len, &off, &msg);
        assert_non_null(w);
        assert_int_equal(w->len, t->len);
        assert_memory_equal(w->str, t->str, t->len);
        kh_buf_free(&want);
    }
    /* an event's source, target and verb name their bytes: the text is
     * the input between start and end */
    const kh_jval *evs = kh_json_get(v, "events");
    for (size_t i = 0; i < evs->n; i++) {
        static const char *const who[] = {"source", "target"};
        for (int k = 0; k < 2; k++) {
            const kh_jval *x = kh_json_get(evs->items[i], who[k]);
            const kh_jval *t = kh_json_get(x, "text");
            const kh_jval *st = kh_json_get(x, "start");
            assert_non_null(st);
            if (t->type == KH_JNULL) {
                assert_int_equal(st->type, KH_JNULL);
                continue;
            }
            size_t s = (size_t)st->num;
            size_t e = (size_t)kh_json_get(x, "end")->num;
            assert_true(s < e && e <= len);
            kh_buf want = KH_BUF_INIT;
            kh_json_string(&want, input + s, e - s);
            kh_jval *w = kh_json_parse(&a, want.data, want.len, &off, &msg);
            assert_int_equal(w->len, t->len);
            assert_memory_equal(w->str, t->str, t->len);
            kh_buf_free(&want);
        }
        const kh_jval *verb = kh_json_get(evs->items[i], "verb");
        size_t vs = (size_t)kh_json_get(evs->items[i], "verb_start")->num;
        size_t ve = (size_t)kh_json_get(evs->items[i], "verb_end")->num;
        assert_true(vs <= ve && ve <= len);
        kh_buf want = KH_BUF_INIT;
        kh_json_string(&want, input + vs, ve - vs);
        kh_jval *w = kh_json_parse(&a, want.data, want.len, &off, &msg);
        assert_int_equal(w->len, verb->len);
        assert_memory_equal(w->str, verb->str, verb->len);
        kh_buf_free(&want);
    }
    kh_arena_free(&a);
    free(js);
    kh_doc_free(d);
}

static void test_contract(void **state)
{
    (void)state;
    const char *plain = "Iraq said so. The U.S. denied it on Jan. 5, 2024.";
    check_contract(plain, strlen(plain));
    const char bad[] = "Bad \xff bytes here. Cafe\xcc\x81 next.\xe2\x80";
    check_contract(bad, sizeof bad - 1);
    const char *seed_path = "../shared/seeds/000_1849582b988d1309.txt";
    size_t n;
    char *seed = tu_read_file(seed_path, &n);
    if (seed) {
        check_contract(seed, n);
        free(seed);
    }
}

static void test_write_json_line(void **state)
{
    (void)state;
    kh_doc *d = tu_process("One. Two.");
    char path[] = "/tmp/khaldun-out-XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fdopen(fd, "w");
    assert_int_equal(kh_write_json(d, f), KH_OK);
    fclose(f);
    size_t n = 0;
    char *s = tu_read_file(path, &n);
    unlink(path);
    assert_true(n > 2 && s[n - 1] == '\n');
    assert_null(memchr(s, '\n', n - 1));
    free(s);
    kh_doc_free(d);
}

static void test_arena(void **state)
{
    (void)state;
    kh_arena a;
    kh_arena_init(&a);
    char *p = kh_arena_alloc(&a, 10);
    assert_int_equal((uintptr_t)p % 16, 0);
    memset(p, 'x', 10);
    /* growing the last allocation keeps it in place */
    char *q = kh_arena_grow(&a, p, 10, 100);
    assert_ptr_equal(p, q);
    /* a huge request gets its own chunk and the head keeps serving */
    char *big = kh_arena_alloc(&a, 4u << 20);
    memset(big, 0, 4u << 20);
    char *r = kh_arena_alloc(&a, 16);
    assert_int_equal((uintptr_t)r % 16, 0);
    /* growing an older allocation copies it */
    char *g = kh_arena_grow(&a, q, 100, 200);
    assert_ptr_not_equal(g, q);
    assert_memory_equal(g, "xxxxxxxxxx", 10);
    kh_arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escaping),
        cmocka_unit_test(test_contract),
        cmocka_unit_test(test_write_json_line),
        cmocka_unit_test(test_arena),
    };
    return cmocka_run_group_tests_name("output", tests, NULL, NULL);
}
