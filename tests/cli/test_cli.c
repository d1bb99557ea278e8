/*
 * test_cli.c - the khaldun command, run as a user runs it.
 *
 * Runs the binary beside this test (build/khaldun for build/tests/test_cli),
 * feeds it files and stdin, and checks its stdout (parsed as JSON Lines),
 * its stderr (one clear line per bad input) and its exit status.
 */
#include "testutil.h"

#include "core/arena.h"
#include "read/json.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

static char khaldun[1024];
static char tmpdir[] = "/tmp/khaldun-cli-XXXXXX";

typedef struct {
    int status;
    char *out, *err;
    size_t out_len, err_len;
} result;

static void result_free(result *r)
{
    free(r->out);
    free(r->err);
}

/* Runs khaldun with args (NULL-terminated), stdin from in (or /dev/null). */
static result run(const char *const *args, const char *in, size_t in_len)
{
    char out_path[1100], err_path[1100], in_path[1100];
    snprintf(out_path, sizeof out_path, "%s/.out", tmpdir);
    snprintf(err_path, sizeof err_path, "%s/.err", tmpdir);
    snprintf(in_path, sizeof in_path, "%s/.in", tmpdir);
    if (in)
        tu_write_file(in_path, in, in_len);
    pid_t pid = fork();
    if (pid == 0) {
        int o = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int e = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int i = open(in ? in_path : "/dev/null", O_RDONLY);
        dup2(o, 1), dup2(e, 2), dup2(i, 0);
        const char *argv[64] = {khaldun};
        size_t n = 1;
        for (; args[n - 1] && n < 63; n++)
            argv[n] = args[n - 1];
        argv[n] = NULL;
        execv(khaldun, (char *const *)argv);
        _exit(127);
    }
    result r = {0};
    int st;
    waitpid(pid, &st, 0);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    r.out = tu_read_file(out_path, &r.out_len);
    r.err = tu_read_file(err_path, &r.err_len);
    return r;
}

static size_t count_lines(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

/* The JSON objects of a JSON Lines output. */
static size_t parse_lines(kh_arena *a, char *out, kh_jval **docs, size_t max)
{
    size_t n = 0;
    for (char *p = out; *p && n < max;) {
        char *nl = strchr(p, '\n');
        assert_non_null(nl);
        size_t off;
        const char *msg;
        docs[n] = kh_json_parse(a, p, (size_t)(nl - p), &off, &msg);
        assert_non_null(docs[n]);
        n++;
        p = nl + 1;
    }
    return n;
}

static const char *str(const kh_jval *o, const char *key)
{
    const kh_jval *v = kh_json_get(o, key);
    return v && v->type == KH_JSTR ? v->str : NULL;
}

static void test_seed(void **state)
{
    (void)state;
    const char *shared = tu_shared();
    if (!shared) {
        print_message("../shared is absent: the seed test is skipped\n");
        skip();
    }
    char path[1100];
    snprintf(path, sizeof path, "%s/seeds/000_1849582b988d1309.txt", shared);
    size_t len = 0;
    char *input = tu_read_file(path, &len);
    assert_non_null(input);
    const char *args[] = {"code", path, NULL};
    result r = run(args, NULL, 0);
    assert_int_equal(r.status, 0);
    assert_int_equal(r.err_len, 0);
    kh_arena a;
    kh_arena_init(&a);
    kh_jval *docs[2];
    assert_int_equal(parse_lines(&a, r.out, docs, 2), 1);
    kh_jval *d = docs[0];
    assert_string_equal(str(d, "id"), "000_1849582b988d1309");
    assert_string_equal(str(d, "source"), "Baghdad today");
    assert_string_equal(str(d, "dateline"), "Baghdad");
    assert_string_equal(str(d, "date"), "2024-01-06");
    assert_true(strncmp(str(d, "url"),
                        "https://hathalyoum.net/articles/3293433-", 40) == 0);
    const kh_jval *sents = kh_json_get(d, "sentences");
    assert_int_equal(sents->n, 16);
    for (size_t i = 0; i < sents->n; i++) {
        size_t s = (size_t)kh_json_get(sents->items[i], "start")->num;
        size_t e = (size_t)kh_json_get(sents->items[i], "end")->num;
        const kh_jval *t = kh_json_get(sents->items[i], "text");
        assert_true(s < e && e <= len);
        assert_int_equal(t->len, e - s);
        assert_memory_equal(t->str, input + s, e - s);
    }
    assert_true(strncmp(str(sents->items[0], "text"), "Kurdish politician",
                        18) == 0);
    assert_true(strncmp(str(sents->items[9], "text"), "Other elements", 14) ==
                0);
    const kh_jval *dates = kh_json_get(d, "dates");
    assert_int_equal(dates->n, 6);   /* test_dates_golden: which ones */
    assert_string_equal(str(dates->items[0], "value"), "2024-01-06");
    static const char *const empty[] = {"events", "quotes", "entities",
                                        "places"};
    for (size_t i = 0; i < 4; i++)
        assert_int_equal(kh_json_get(d, empty[i])->type, KH_JARR);
    kh_arena_free(&a);
    free(input);
    result_free(&r);
}

static void test_samples(void **state)
{
    (void)state;
    const char *args[] = {"code", "data/samples", NULL};
    result r = run(args, NULL, 0);
    assert_int_equal(r.status, 0);
    if (r.err_len)
        print_message("stderr: %s\n", r.err);
    assert_int_equal(r.err_len, 0);
    kh_arena a;
    kh_arena_init(&a);
    kh_jval *docs[64];
    size_t n = parse_lines(&a, r.out, docs, 64);
    assert_true(n >= 13);
    for (size_t i = 0; i < n; i++) {
        assert_non_null(str(docs[i], "id"));
        assert_true(kh_json_get(docs[i], "sentences")->n >= 3);
        for (size_t j = 0; j < i; j++)
            assert_string_not_equal(str(docs[i], "id"), str(docs[j], "id"));
    }
    /* in name order: 01_... first */
    assert_true(strncmp(str(docs[0], "id"), "01_", 3) == 0);
    kh_arena_free(&a);
    result_free(&r);
}

static void put(const char *name, const void *data, size_t n)
{
    char path[1100];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    assert_int_equal(tu_write_file(path, data, n), 0);
}

static const char *at(const char *name)
{
    static char paths[16][1100];
    static int k;
    char *p = paths[k++ % 16];
    snprintf(p, 1100, "%s/%s", tmpdir, name);
    return p;
}

static void test_bad_inputs(void **state)
{
    (void)state;
    const char good[] = "Police arrested three men in Basra on Monday.";
    put("good.txt", good, sizeof good - 1);
    put("empty.txt", "", 0);
    put("binary.bin", "\x7f" "ELF\x02\x01\x01\0\0\0\0", 12);
    const char invalid[] = "The minister \xc3 said \xff so. Others agreed.";
    put("invalid.txt", invalid, sizeof invalid - 1);
    const char jl[] = "{\"id\":\"j1\",\"text\":\"One.\"}\n"
                      "{\"id\":\"j2\",\"text\":\"Two.\"\n"
                      "{\"id\":\"j3\",\"text\":\"Three.\"}\n";
    put("bad.jsonl", jl, sizeof jl - 1);
    size_t big = 50u << 20;
    char *line = malloc(big + 1);
    for (size_t i = 0; i < big; i++)
        line[i] = "word "[i % 5];
    put("huge.txt", line, big);
    memcpy(line, "{\"text\":\"", 9);
    memcpy(line + big - 3, "\"}\n", 3);
    put("huge.jsonl", line, big);
    free(line);

    const char *args[] = {"code", at("good.txt"), at("empty.txt"),
                          at("binary.bin"), at("invalid.txt"), at("huge.txt"),
                          at("huge.jsonl"), at("bad.jsonl"),
                          at("missing.txt"), NULL};
    result r = run(args, NULL, 0);
    assert_int_equal(r.status, 1);
    kh_arena a;
    kh_arena_init(&a);
    kh_jval *docs[16];
    size_t n = parse_lines(&a, r.out, docs, 16);
    assert_int_equal(n, 4);
    assert_string_equal(str(docs[0], "id"), "good");
    assert_string_equal(str(docs[1], "id"), "invalid");
    assert_int_equal(kh_json_get(docs[1], "sentences")->n, 2);
    assert_string_equal(str(docs[2], "id"), "j1");
    assert_string_equal(str(docs[3], "id"), "j3");
    /* one line per problem, each naming its file (and line) */
    print_message("%s", r.err);
    assert_int_equal(count_lines(r.err), 7);
    static const char *const want[] = {
        "empty.txt: empty article", "binary.bin: not a text file",
        "invalid.txt: warning: 2 bytes of invalid UTF-8",
        "huge.txt: 52428800 bytes, over the limit",
        "huge.jsonl:1: line longer than the limit",
        "bad.jsonl:2:25: malformed JSON", "missing.txt: No such file"};
    for (size_t i = 0; i < 7; i++) {
        if (!strstr(r.err, want[i]))
            print_message("missing from stderr: %s\n", want[i]);
        assert_non_null(strstr(r.err, want[i]));
    }
    result_free(&r);

    /* with the limit raised, the 50 MB line is coded, linearly, in
     * sentences of bounded length */
    const char *args2[] = {"code", "--max-bytes", "60000000", at("huge.txt"),
                           NULL};
    r = run(args2, NULL, 0);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.err, "cut"));
    assert_true(r.out_len > big);
    kh_arena_free(&a);
    result_free(&r);
}

static void test_stdin(void **state)
{
    (void)state;
    const char text[] = "Al-Mada – Basra\nProtesters gathered. Police came.\n";
    const char *args[] = {"code", NULL};
    result r = run(args, text, sizeof text - 1);
    assert_int_equal(r.status, 0);
    kh_arena a;
    kh_arena_init(&a);
    kh_jval *docs[4];
    assert_int_equal(parse_lines(&a, r.out, docs, 4), 1);
    assert_string_equal(str(docs[0], "id"), "stdin");
    assert_string_equal(str(docs[0], "source"), "Al-Mada");
    assert_int_equal(kh_json_get(docs[0], "sentences")->n, 2);
    result_free(&r);

    const char jl[] = "{\"id\":\"a\",\"text\":\"One.\"}\n\n"
                      "{\"id\":\"b\",\"text\":\"Two. Three.\",\"date\":\"2024-01-02\"}\n";
    const char *args2[] = {"code", "-", "--date", "2020-05-05", NULL};
    r = run(args2, jl, sizeof jl - 1);
    assert_int_equal(r.status, 0);
    assert_int_equal(parse_lines(&a, r.out, docs, 4), 2);
    assert_string_equal(str(docs[0], "date"), "2020-05-05");
    assert_string_equal(str(docs[1], "date"), "2024-01-02");
    kh_arena_free(&a);
    result_free(&r);
}

static void test_usage(void **state)
{
    (void)state;
    static const struct {
        const char *args[6];
        int status;
        const char *err;
    } cases[] = {
        {{NULL}, 2, "usage: khaldun"},
        {{"frobnicate", NULL}, 2, "unknown command 'frobnicate'"},
        {{"code", "--bogus", NULL}, 2, "usage: khaldun code"},
        {{"code", "--date", "2024-13-01", "x", NULL}, 2, "default date"},
        {{"code", "--input", "xml", NULL}, 2, "--input must be"},
        {{"code", "--max-bytes", "0", NULL}, 2, "--max-bytes must be"},
        {{"code", "--help", NULL}, 0, ""},
        {{"version", NULL}, 0, ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        result r = run(cases[i].args, NULL, 0);
        assert_int_equal(r.status, cases[i].status);
        assert_non_null(strstr(r.err, cases[i].err));
        result_free(&r);
    }
}

static void test_output_file(void **state)
{
    (void)state;
    put("o.txt", "Talks began in Doha.", 20);
    const char *args[] = {"code", "-o", at("out.jsonl"), at("o.txt"), NULL};
    result r = run(args, NULL, 0);
    assert_int_equal(r.status, 0);
    assert_int_equal(r.out_len, 0);
    size_t n;
    char *s = tu_read_file(at("out.jsonl"), &n);
    assert_non_null(strstr(s, "\"id\":\"o\""));
    free(s);
    result_free(&r);
    const char *bad[] = {"code", "-o", "/nonexistent/dir/x", at("o.txt"), NULL};
    r = run(bad, NULL, 0);
    assert_int_equal(r.status, 2);
    result_free(&r);
}

static void test_validate(void **state)
{
    (void)state;
    const char *shared = tu_shared();
    if (!shared) {
        print_message("../shared is absent: the validate test is skipped\n");
        skip();
    }
    char path[1100];
    snprintf(path, sizeof path, "%s/eval/tabari-validate/Validate.text",
             shared);
    const char *args[] = {"validate", path, NULL};
    result r = run(args, NULL, 0);
    /* failures listed, then the summary; exit 1 while any record fails */
    assert_true(r.status == 0 || r.status == 1);
    const char *last = r.out + r.out_len - 1;
    while (last > r.out && last[-1] != '\n')
        last--;
    int passed = -1, failed = -1;
    assert_int_equal(sscanf(last, "%d passed, %d failed", &passed, &failed),
                     2);
    assert_true(passed > 400);
    assert_int_equal(r.status, failed ? 1 : 0);
    if (failed)
        assert_non_null(strstr(r.out, "FAIL "));
    result_free(&r);
    const char *quiet[] = {"validate", "-q", path, NULL};
    r = run(quiet, NULL, 0);
    assert_null(strstr(r.out, "FAIL "));
    result_free(&r);
    const char *missing[] = {"validate", "/nonexistent/Validate.text", NULL};
    r = run(missing, NULL, 0);
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(r.err, "no .project"));
    result_free(&r);
}

int main(int argc, char **argv)
{
    (void)argc;
    const char *env = getenv("KHALDUN_BIN");
    if (env)
        snprintf(khaldun, sizeof khaldun, "%s", env);
    else {
        /* build/tests/test_cli -> build/khaldun */
        snprintf(khaldun, sizeof khaldun, "%s", argv[0]);
        char *slash = strrchr(khaldun, '/');
        if (slash)
            *slash = '\0';
        slash = strrchr(khaldun, '/');
        if (slash)
            snprintf(slash + 1, sizeof khaldun - (size_t)(slash + 1 - khaldun),
                     "khaldun");
        else
            snprintf(khaldun, sizeof khaldun, "../khaldun");
    }
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed),
        cmocka_unit_test(test_samples),
        cmocka_unit_test(test_bad_inputs),
        cmocka_unit_test(test_stdin),
        cmocka_unit_test(test_usage),
        cmocka_unit_test(test_output_file),
        cmocka_unit_test(test_validate),
    };
    int rc = cmocka_run_group_tests_name("cli", tests, NULL, NULL);
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", tmpdir);
    return rc;
}
