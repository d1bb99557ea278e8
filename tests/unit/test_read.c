/*
 * test_read.c - the readers: article layouts, JSON records, the JSON
 * parser, lines with limits, and the reader over files and directories.
 */
#include "testutil.h"

#include "read/json.h"
#include "read/read.h"

#include <fcntl.h>
#include <unistd.h>

static kh_doc *text_doc(const char *s, kh_error *err)
{
    return kh_read_text(s, strlen(s), "dir/article-7.txt", err);
}

static void test_header_and_url(void **state)
{
    (void)state;
    kh_error err;
    const char *s = "Shafaq News – Erbil\nThe region said so.\n"
                    "https://example.org/a/1-x\n";
    kh_doc *d = text_doc(s, &err);
    assert_non_null(d);
    kh_pipeline *p = kh_pipeline_new(NULL, NULL);
    assert_int_equal(kh_process(p, d, &err), KH_OK);
    kh_pipeline_free(p);
    assert_string_equal(kh_doc_id(d), "article-7");
    assert_string_equal(kh_doc_source(d), "Shafaq News");
    assert_string_equal(kh_doc_dateline(d), "Erbil");
    assert_string_equal(kh_doc_url(d), "https://example.org/a/1-x");
    assert_int_equal(kh_doc_sentence_count(d), 1);
    char *t = tu_sentence(d, 0);
    assert_string_equal(t, "The region said so.");
    free(t);
    kh_doc_free(d);
}

static void test_no_header_when_sentence(void **state)
{
    (void)state;
    kh_error err;
    /* A first line that is a sentence, or has a long right part, is body. */
    kh_doc *d = text_doc("Iraq – a country at war – said it.\nMore.", &err);
    assert_null(kh_doc_source(d));
    kh_doc_free(d);
    d = text_doc("Talks – what the ministers said at the summit today\nMore.",
                 &err);
    assert_null(kh_doc_source(d));
    kh_doc_free(d);
    /* A one-line article has no header. */
    d = text_doc("Baghdad today – Baghdad", &err);
    assert_null(kh_doc_source(d));
    kh_doc_free(d);
}

static void test_wire_datelines(void **state)
{
    (void)state;
    static const struct {
        const char *in, *dateline, *source, *first;
    } cases[] = {
        {"BAGHDAD, Jan 6 (Reuters) - Iraq said it.", "Baghdad", "Reuters",
         "Iraq said it."},
        {"NEW YORK (AP) — The U.N. met.", "New York", "AP", "The U.N. met."},
        {"Erbil, Iraq (AFP) -- Kurds voted.", "Erbil", "AFP", "Kurds voted."},
        {"MOSUL, Iraq, March 3 - Police said so.", "Mosul", NULL,
         "Police said so."},
        {"NATO - Russia talks began.", NULL, NULL, "NATO - Russia talks began."},
        {"ISIS claimed the attack (officials said) - reports.", NULL, NULL,
         NULL},
    };
    kh_pipeline *p = kh_pipeline_new(NULL, NULL);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        kh_error err;
        kh_doc *d = text_doc(cases[i].in, &err);
        assert_non_null(d);
        kh_process(p, d, &err);
        if (cases[i].dateline)
            assert_string_equal(kh_doc_dateline(d), cases[i].dateline);
        else
            assert_null(kh_doc_dateline(d));
        if (cases[i].source)
            assert_string_equal(kh_doc_source(d), cases[i].source);
        else
            assert_null(kh_doc_source(d));
        if (cases[i].first) {
            char *t = tu_sentence(d, 0);
            assert_string_equal(t, cases[i].first);
            free(t);
        }
        kh_doc_free(d);
    }
    kh_pipeline_free(p);
}

static void test_text_errors(void **state)
{
    (void)state;
    kh_error err;
    assert_null(kh_read_text("", 0, "e.txt", &err));
    assert_int_equal(err.code, KH_EEMPTY);
    assert_string_equal(err.file, "e.txt");
    assert_null(kh_read_text(" \n\t\n", 4, "w.txt", &err));
    assert_int_equal(err.code, KH_EEMPTY);
    assert_null(kh_read_text("ab\0cd", 5, "b.bin", &err));
    assert_int_equal(err.code, KH_EBINARY);
    assert_non_null(strstr(err.message, "offset 2"));
    char junk[256];
    for (int i = 0; i < 256; i++)
        junk[i] = (char)(0x80 + (i * 7) % 0x7f);
    assert_null(kh_read_text(junk, sizeof junk, "j.bin", &err));
    assert_int_equal(err.code, KH_EBINARY);
    assert_null(kh_read_text("Src – Place\nhttps://x.org/a\n", 27, "h.txt",
                             &err));
    assert_int_equal(err.code, KH_EEMPTY);
    char buf[128];
    kh_error_format(&err, buf, sizeof buf);
    assert_non_null(strstr(buf, "h.txt: empty article"));
}

static void test_json_records(void **state)
{
    (void)state;
    kh_error err;
    const char *l = "{\"id\": 42, \"text\": \"Rafidain Today \\u2013 Kirkuk\\n"
                    "Police said \\\"no\\\".\", \"date\": \"20240106\", "
                    "\"url\": \"https://x.org/1\", \"extra\": [1, {\"a\": null}]}";
    kh_doc *d = kh_read_json(l, strlen(l), "in.jsonl", 3, &err);
    assert_non_null(d);
    kh_pipeline *p = kh_pipeline_new(NULL, NULL);
    kh_process(p, d, &err);
    kh_pipeline_free(p);
    assert_string_equal(kh_doc_id(d), "42");
    assert_string_equal(kh_doc_date(d), "2024-01-06");
    assert_string_equal(kh_doc_source(d), "Rafidain Today");
    assert_string_equal(kh_doc_dateline(d), "Kirkuk");
    assert_string_equal(kh_doc_url(d), "https://x.org/1");
    long line;
    assert_string_equal(kh_doc_origin(d, &line), "in.jsonl");
    assert_int_equal(line, 3);
    char *t = tu_sentence(d, 0);
    assert_string_equal(t, "Police said \"no\".");
    free(t);
    kh_doc_free(d);

    /* no id: the file and line; a bad date: a warning, not an error */
    l = "{\"text\": \"A.\", \"date\": \"2024-02-30\", \"source\": 5}";
    d = kh_read_json(l, strlen(l), "x/b.jsonl", 9, &err);
    assert_string_equal(kh_doc_id(d), "b-9");
    assert_null(kh_doc_date(d));
    assert_int_equal(kh_doc_warning_count(d), 2);
    kh_doc_free(d);

    static const struct {
        const char *in, *msg;
        long col;
    } bad[] = {
        {"{\"text\": \"a\",}", "expected a string key", 14},
        {"{\"text\": 5}", "\"text\" is not a string", 0},
        {"{\"id\": \"a\"}", "no \"text\" field", 0},
        {"[\"text\"]", "must be an object", 0},
        {"{\"text\": \"a\"} x", "unexpected data", 15},
        {"{\"text\": \"a\\q\"}", "bad escape", 12},
        {"{\"text\": \"   \"}", "empty article", 0},
        {"{\"text\": \"tab\there\"}", "control character", 14},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_null(kh_read_json(bad[i].in, strlen(bad[i].in), "f.jsonl", 2,
                                 &err));
        if (!strstr(err.message, bad[i].msg))
            print_message("%s -> %s\n", bad[i].in, err.message);
        assert_non_null(strstr(err.message, bad[i].msg));
        assert_int_equal(err.line, 2);
        assert_int_equal(err.column, bad[i].col);
    }
}

static void test_json_parser(void **state)
{
    (void)state;
    kh_arena a;
    kh_arena_init(&a);
    size_t off;
    const char *msg;
    const char *s = " {\"a\": [1, -2.5e3, true, false, null], "
                    "\"s\": \"\\ud83d\\ude00\\u00e9\\ud800x\"} ";
    kh_jval *v = kh_json_parse(&a, s, strlen(s), &off, &msg);
    assert_non_null(v);
    const kh_jval *arr = kh_json_get(v, "a");
    assert_int_equal(arr->n, 5);
    assert_true(arr->items[1]->num == -2500.0);
    assert_int_equal(arr->items[2]->type, KH_JTRUE);
    assert_int_equal(arr->items[4]->type, KH_JNULL);
    const kh_jval *str = kh_json_get(v, "s");
    assert_string_equal(str->str, "\xf0\x9f\x98\x80\xc3\xa9\xef\xbf\xbdx");

    /* too deep: an error, not a crash */
    char deep[400];
    memset(deep, '[', sizeof deep);
    assert_null(kh_json_parse(&a, deep, sizeof deep, &off, &msg));
    assert_string_equal(msg, "nested too deeply");
    static const char *const bad[] = {"01", "1.", "-", "tru", "\"abc",
                                      "{\"a\" 1}", "[1 2]", "", "1e"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_null(kh_json_parse(&a, bad[i], strlen(bad[i]), &off, &msg));
    kh_arena_free(&a);
}

static int tmp_fd(const char *data, size_t n)
{
    char path[] = "/tmp/khaldun-test-XXXXXX";
    int fd = mkstemp(path);
    unlink(path);
    assert_true(write(fd, data, n) == (ssize_t)n);
    lseek(fd, 0, SEEK_SET);
    return fd;
}

static void test_lines_with_limit(void **state)
{
    (void)state;
    /* line 2 is longer than the limit of 10; the others are read */
    const char *data = "short\r\n0123456789ABC\n\nlast";
    kh_lines *l = kh_lines_open(tmp_fd(data, strlen(data)), 1, 10);
    const char *line;
    size_t len;
    long no;
    assert_int_equal(kh_lines_next(l, &line, &len, &no), 1);
    assert_int_equal(no, 1);
    assert_int_equal(len, 5);
    assert_memory_equal(line, "short", 5);
    assert_int_equal(kh_lines_next(l, &line, &len, &no), KH_ELIMIT);
    assert_int_equal(no, 2);
    assert_int_equal(kh_lines_next(l, &line, &len, &no), 1);
    assert_int_equal(len, 0);
    assert_int_equal(kh_lines_next(l, &line, &len, &no), 1);
    assert_int_equal(no, 4);
    assert_memory_equal(line, "last", 4);
    assert_int_equal(kh_lines_next(l, &line, &len, &no), 0);
    kh_lines_close(l);

    /* a line of 3 MiB (over the 1 MiB buffer) with a limit of 1 MiB */
    size_t big = 3u << 20;
    char *b = malloc(big + 8);
    memset(b, 'x', big);
    memcpy(b + big, "\nok\n", 4);
    l = kh_lines_open(tmp_fd(b, big + 4), 1, 1u << 20);
    assert_int_equal(kh_lines_next(l, &line, &len, &no), KH_ELIMIT);
    assert_int_equal(kh_lines_next(l, &line, &len, &no), 1);
    assert_int_equal(no, 2);
    assert_memory_equal(line, "ok", 2);
    kh_lines_close(l);
    free(b);
}

static void test_reader_over_a_tree(void **state)
{
    (void)state;
    char dir[] = "/tmp/khaldun-tree-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[512];
    snprintf(path, sizeof path, "%s/sub", dir);
    mkdir(path, 0755);
    static const struct {
        const char *name, *data;
    } files[] = {
        {"b.txt", "Second article here."},
        {"a.txt", "First article here."},
        {"sub/c.jsonl", "{\"id\":\"c1\",\"text\":\"Third.\"}\n{bad\n"
                        "{\"id\":\"c3\",\"text\":\"Fourth.\"}\n"},
        {"image.png", "\x89PNG"},
        {".hidden.txt", "Hidden."},
        {"empty.txt", ""},
    };
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i].name);
        assert_int_equal(tu_write_file(path, files[i].data,
                                       strlen(files[i].data)), 0);
    }
    char missing[600];
    snprintf(missing, sizeof missing, "%s/missing.txt", dir);
    const char *paths[] = {missing, dir};
    kh_reader *r = kh_reader_open(paths, 2, NULL);
    const char *want[] = {"!missing.txt", "a", "b", "!empty.txt", "c1",
                          "!c.jsonl:2", "c3"};
    size_t k = 0;
    kh_doc *d;
    kh_error err;
    int rc;
    while ((rc = kh_reader_next(r, &d, &err)) != 0) {
        assert_true(k < sizeof want / sizeof *want);
        if (rc > 0) {
            assert_string_equal(kh_doc_id(d), want[k]);
            kh_doc_free(d);
        } else {
            char msg[1024];
            kh_error_format(&err, msg, sizeof msg);
            assert_int_equal(want[k][0], '!');
            if (!strstr(msg, want[k] + 1))
                print_message("want %s in: %s\n", want[k] + 1, msg);
            assert_non_null(strstr(msg, want[k] + 1));
        }
        k++;
    }
    assert_int_equal(k, sizeof want / sizeof *want);
    kh_reader_close(r);
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i].name);
        unlink(path);
    }
    snprintf(path, sizeof path, "%s/sub", dir);
    rmdir(path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_header_and_url),
        cmocka_unit_test(test_no_header_when_sentence),
        cmocka_unit_test(test_wire_datelines),
        cmocka_unit_test(test_text_errors),
        cmocka_unit_test(test_json_records),
        cmocka_unit_test(test_json_parser),
        cmocka_unit_test(test_lines_with_limit),
        cmocka_unit_test(test_reader_over_a_tree),
    };
    return cmocka_run_group_tests_name("read", tests, NULL, NULL);
}
