/*
 * test_cameo.c - the CAMEO table: its shape, lookups, and that the checked-in
 * C table is what tools/gen_cameo makes of data/cameo/cameo.tsv.
 *
 * The generator is run as a program, found beside this test's build folder
 * ($(BUILD)/tools/gen_cameo, built by mk/cameo.mk) or at $KH_GEN_CAMEO.
 */
#include "testutil.h"

#include "code/cameo.h"

#include <sys/wait.h>
#include <unistd.h>

static char build_dir[1024] = "build";   /* $(BUILD), from argv[0] */

static const char *gen_path(void)
{
    static char path[1100];
    const char *env = getenv("KH_GEN_CAMEO");
    snprintf(path, sizeof path, "%s", env && *env ? env : "");
    if (!*path)
        snprintf(path, sizeof path, "%s/tools/gen_cameo", build_dir);
    return path;
}

/* Runs the generator on tsv, writing out_c, its stderr to err; returns its
 * exit status (or -1 when it did not exit). */
static int run_gen(const char *tsv, const char *out_c, const char *err)
{
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "'%s' -o '%s' '%s' 2>'%s'", gen_path(), out_c,
             tsv, err);
    int st = system(cmd);
    return st != -1 && WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static const kh_cameo_info *lookup(const char *code)
{
    return kh_cameo_lookup(code, strlen(code));
}

static const kh_cameo_info *nearest(const char *code)
{
    return kh_cameo_lookup_nearest(code, strlen(code));
}

static int quad_of_root(int root)
{
    return root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
}

static void test_table_shape(void **state)
{
    (void)state;
    /* CAMEO has 20 roots and 311 codes in all; a row lost from the TSV
     * shows up here. */
    assert_int_equal(kh_cameo_table_len, 311);
    for (size_t i = 0; i < kh_cameo_table_len; i++) {
        const kh_cameo_info *e = &kh_cameo_table[i];
        size_t len = strlen(e->code);
        assert_true(len >= 2 && len <= 4);
        assert_true(strspn(e->code, "0123456789") == len);
        assert_true(e->name[0] != '\0');
        assert_true(e->goldstein >= -10.0f && e->goldstein <= 10.0f);
        if (i > 0)   /* strictly sorted: the binary search depends on it */
            assert_true(strcmp(kh_cameo_table[i - 1].code, e->code) < 0);
        /* Exact lookup finds every entry, itself. */
        assert_ptr_equal(kh_cameo_lookup(e->code, len), e);
        /* No mode or context without a type. */
        if (!e->plover_type)
            assert_true(!e->plover_mode && !e->plover_context);
    }
}

static void test_every_root_and_parent_exists(void **state)
{
    (void)state;
    for (int r = 1; r <= 20; r++) {
        char root[3];
        snprintf(root, sizeof root, "%02d", r);
        assert_non_null(lookup(root));
    }
    for (size_t i = 0; i < kh_cameo_table_len; i++) {
        const char *code = kh_cameo_table[i].code;
        char root[3];
        assert_int_equal(kh_cameo_root(code, strlen(code), root), KH_OK);
        assert_non_null(lookup(root));
        if (strlen(code) > 2)   /* "0231" -> "023", "023" -> "02" */
            assert_non_null(kh_cameo_lookup(code, strlen(code) - 1));
    }
}

static void test_quad_by_root(void **state)
{
    (void)state;
    for (size_t i = 0; i < kh_cameo_table_len; i++) {
        const kh_cameo_info *e = &kh_cameo_table[i];
        int root = (e->code[0] - '0') * 10 + (e->code[1] - '0');
        assert_int_equal(e->quad, quad_of_root(root));
    }
    static const struct { const char *code; int quad; } edges[] = {
        {"01", 1}, {"05", 1}, {"057", 1}, {"06", 2}, {"0874", 2}, {"09", 3},
        {"13", 3}, {"1385", 3}, {"14", 4}, {"20", 4}, {"2042", 4}};
    for (size_t i = 0; i < sizeof edges / sizeof *edges; i++)
        assert_int_equal(lookup(edges[i].code)->quad, edges[i].quad);
}

/* Checked by hand against CAMEO.goldstein.tsv and CAMEO2PLOVER-2021.txt. */
static void test_known_codes(void **state)
{
    (void)state;
    static const struct {
        const char *code;
        float goldstein;
        int quad;
        const char *type, *mode, *context;
    } cases[] = {
        /* PLOVER drops roots 01 and 02, so an appeal has no PLOVER type. */
        {"0231", 3.4f, 1, NULL, NULL, NULL},
        {"011", -0.1f, 1, NULL, NULL, NULL},
        {"036", 4.0f, 1, "AGREE", NULL, "diplomatic"},
        {"043", 2.8f, 1, "CONSULT", "visit", NULL},
        /* Root 08 is split: 081-083 CONCEDE, 084-087 RETREAT. */
        {"08", 5.0f, 2, "CONCEDE", NULL, NULL},
        {"0813", 5.0f, 2, "RETREAT", NULL, "legal"},
        {"0874", 10.0f, 2, "RETREAT", "disarm", "military"},
        {"094", -2.0f, 3, "ACCUSE", "investigate", "military;legal"},
        {"130", -4.4f, 3, "THREATEN", NULL, NULL},
        /* Exceptions to the root's PLOVER type. */
        {"163", -8.0f, 4, "COERCE", "restrict", "diplomatic"},
        {"1712", -9.2f, 4, "ASSAULT", "seize", "human_security"},
        {"182", -9.5f, 4, "ASSAULT", "beat", NULL},
        {"1821", -9.0f, 4, "ASSAULT", "sexual", NULL},
        {"1823", -10.0f, 4, "ASSAULT", NULL, NULL},
        {"190", -10.0f, 4, "ASSAULT", NULL, "military"},
        {"191", -9.5f, 4, "COERCE", "restrict", "military"},
        {"20", -10.0f, 4, "ASSAULT", NULL, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const kh_cameo_info *e = lookup(cases[i].code);
        assert_non_null(e);
        assert_string_equal(e->code, cases[i].code);
        assert_true(e->goldstein == cases[i].goldstein);
        assert_int_equal(e->quad, cases[i].quad);
        const char *want[3] = {cases[i].type, cases[i].mode, cases[i].context};
        const char *got[3] = {e->plover_type, e->plover_mode,
                              e->plover_context};
        for (int k = 0; k < 3; k++) {
            if (want[k])
                assert_string_equal(got[k] ? got[k] : "(null)", want[k]);
            else
                assert_null(got[k]);
        }
    }
    assert_string_equal(lookup("0231")->name, "appeal for economic aid");
}

static void test_lookup_uses_len(void **state)
{
    (void)state;
    /* Spans of a larger string: only code[0..len) counts. */
    assert_string_equal(kh_cameo_lookup("0231 rest", 4)->code, "0231");
    assert_string_equal(kh_cameo_lookup("1901", 2)->code, "19");
    assert_string_equal(kh_cameo_lookup("1901", 3)->code, "190");
    assert_null(kh_cameo_lookup("0231", 0));
    assert_null(kh_cameo_lookup(NULL, 4));
}

static void test_nearest(void **state)
{
    (void)state;
    static const struct { const char *in, *want; } cases[] = {
        {"0231", "0231"}, {"0239", "023"},  {"0299", "02"}, {"029", "02"},
        {"1959", "195"},  {"19999", "19"},  {"20", "20"},   {"2049", "204"},
        {"21", NULL},     {"2151", NULL},   {"00", NULL},   {"9", NULL},
        {"", NULL},       {"023a", NULL},   {"-19", NULL},  {"19 ", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const kh_cameo_info *e = nearest(cases[i].in);
        if (cases[i].want) {
            assert_non_null(e);
            assert_string_equal(e->code, cases[i].want);
        } else if (e) {
            fail_msg("nearest(\"%s\") is %s, expected NULL", cases[i].in,
                     e->code);
        }
    }
    assert_null(kh_cameo_lookup_nearest(NULL, 3));
}

static void test_unknown_codes(void **state)
{
    (void)state;
    /* 1213 and 1214 are in CAMEO2PLOVER but not in CAMEO itself. */
    static const char *const unknown[] = {
        "1213", "1214", "0239", "21", "00", "0", "", "02311", "-19", "19 ",
        "x19", "099", "0001"};
    for (size_t i = 0; i < sizeof unknown / sizeof *unknown; i++)
        if (lookup(unknown[i]))
            fail_msg("lookup(\"%s\") found a code", unknown[i]);
}

static void test_root(void **state)
{
    (void)state;
    char root[3];
    assert_int_equal(kh_cameo_root("0231", 4, root), KH_OK);
    assert_string_equal(root, "02");
    assert_int_equal(kh_cameo_root("2042", 4, root), KH_OK);
    assert_string_equal(root, "20");
    assert_int_equal(kh_cameo_root("19 and more", 2, root), KH_OK);
    assert_string_equal(root, "19");
    static const char *const bad[] = {"2", "", "21", "211", "00", "0x1", "a1"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_int_equal(kh_cameo_root(bad[i], strlen(bad[i]), root),
                         KH_EINPUT);
        assert_string_equal(root, "");
    }
}

/* The table against the reference files it was written from: the same codes,
 * the same Goldstein weights.  Skipped when ../shared is absent. */
static void test_matches_reference(void **state)
{
    (void)state;
    const char *shared = tu_shared();
    if (!shared) {
        skip();
        return;
    }
    static const char *const files[] = {"CAMEO.eventcodes.tsv",
                                        "CAMEO.goldstein.tsv"};
    for (int f = 0; f < 2; f++) {
        char path[2048];
        snprintf(path, sizeof path, "%s/reference/%s", shared, files[f]);
        char *text = tu_read_file(path, NULL);
        if (!text) {
            skip();
            return;
        }
        size_t rows = 0;
        char *save = NULL;
        strtok_r(text, "\n", &save);   /* the header */
        for (char *l; (l = strtok_r(NULL, "\n", &save));) {
            char *tab = strchr(l, '\t');
            assert_non_null(tab);
            const kh_cameo_info *e = kh_cameo_lookup(l, (size_t)(tab - l));
            if (!e)
                fail_msg("%s: code %.*s is missing", files[f], (int)(tab - l),
                         l);
            if (f == 1 && e->goldstein != strtof(tab + 1, NULL))
                fail_msg("%s: %s is %.1f here", files[f], e->code,
                         (double)e->goldstein);
            rows++;
        }
        assert_int_equal(rows, kh_cameo_table_len);
        free(text);
    }
}

/* The checked-in table is exactly what the generator makes of the TSV. */
static void test_generated_table_matches_tsv(void **state)
{
    (void)state;
    char dir[1100], out[1200], err[1200];
    snprintf(dir, sizeof dir, "%s/gen", build_dir);
    mkdir(dir, 0777);
    snprintf(out, sizeof out, "%s/cameo_table.c", dir);
    snprintf(err, sizeof err, "%s/gen_cameo.err", dir);
    int st = run_gen("data/cameo/cameo.tsv", out, err);
    if (st != 0) {
        char *msg = tu_read_file(err, NULL);
        fail_msg("gen_cameo exited with %d:\n%s", st, msg ? msg : "");
    }
    char *want = tu_read_file(out, NULL);
    char *have = tu_read_file("src/code/cameo_table.c", NULL);
    assert_non_null(want);
    assert_non_null(have);
    if (strcmp(want, have) != 0) {
        long line = 1;
        size_t i = 0;
        for (; want[i] && want[i] == have[i]; i++)
            line += want[i] == '\n';
        fail_msg("src/code/cameo_table.c differs from what data/cameo/"
                 "cameo.tsv gives (%s), first at line %ld: run `make tables`",
                 out, line);
    }
    free(want);
    free(have);
}

/* Bad TSVs: each is rejected with "file:line: what", exit 1, no output. */
static void test_generator_rejects_bad_tsv(void **state)
{
    (void)state;
#define HEAD "code\tname\tgoldstein\tquad\tplover_type\tplover_mode\t" \
             "plover_context\n"
#define ROOT02 "02\tappeal\t3.0\t1\t-\t-\t-\n"
    static const struct { const char *tsv; int line; const char *what; }
    cases[] = {
        {HEAD ROOT02 "0x3\tappeal\t3.0\t1\t-\t-\t-\n", 3, "bad code '0x3'"},
        {HEAD ROOT02 "21\tnot a root\t3.0\t4\t-\t-\t-\n", 3, "root 21"},
        {HEAD ROOT02 "02311\tfive\t3.0\t1\t-\t-\t-\n", 3, "2 to 4 digits"},
        {HEAD ROOT02 "# note\n" ROOT02, 4, "duplicate code 02 (first at "
         "line 2)"},
        {HEAD ROOT02 "020\tgeneral\t12.5\t1\t-\t-\t-\n", 3, "outside -10..10"},
        {HEAD ROOT02 "020\tgeneral\tabc\t1\t-\t-\t-\n", 3, "goldstein 'abc'"},
        {HEAD ROOT02 "020\tgeneral\t3.0\t3\t-\t-\t-\n", 3, "bad quad 3"},
        {HEAD ROOT02 "020\tgeneral\t3.0\t5\t-\t-\t-\n", 3, "bad quad '5'"},
        {HEAD ROOT02 "0231\torphan\t3.4\t1\t-\t-\t-\n", 3, "missing parent"},
        {HEAD "023\tno root\t3.4\t1\t-\t-\t-\n", 2, "missing parent"},
        {HEAD ROOT02 "020\tgeneral\t3.0\t1\t-\t-\n", 3, "6 columns"},
        {HEAD ROOT02 "020\tgeneral\t3.0\t1\tAGREED\t-\t-\n", 3,
         "unknown PLOVER type 'AGREED'"},
        {HEAD ROOT02 "020\tgeneral\t3.0\t1\tAGREE\tBig Mode\t-\n", 3,
         "bad plover_mode"},
        {HEAD ROOT02 "020\t\t3.0\t1\t-\t-\t-\n", 3, "empty name"},
        {"# no header\n" ROOT02, 2, "expected the header"},
    };
    char dir[] = "/tmp/kh_cameo_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char tsv[64], out[64], err[64];
    snprintf(tsv, sizeof tsv, "%s/bad.tsv", dir);
    snprintf(out, sizeof out, "%s/out.c", dir);
    snprintf(err, sizeof err, "%s/err.txt", dir);

    /* A good file first, so the failures below are the faults' doing. */
    const char *good = HEAD ROOT02 "0231\teconomic aid\t3.4\t1\t-\t-\t-\n"
                       "023\taid\t3.4\t1\t-\t-\t-\n";
    assert_int_equal(tu_write_file(tsv, good, strlen(good)), 0);
    assert_int_equal(run_gen(tsv, out, err), 0);
    char *c = tu_read_file(out, NULL);
    assert_non_null(strstr(c, "{\"023\", \"aid\", 3.4f, 1, NULL, NULL, NULL},"
                              "\n    {\"0231\""));
    free(c);
    remove(out);

    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        assert_int_equal(tu_write_file(tsv, cases[i].tsv,
                                       strlen(cases[i].tsv)), 0);
        int st = run_gen(tsv, out, err);
        char *msg = tu_read_file(err, NULL);
        char want[256];
        snprintf(want, sizeof want, "%s:%d: ", tsv, cases[i].line);
        char *at = msg ? strstr(msg, want) : NULL;
        if (st != 1 || !at || !strstr(at, cases[i].what))
            fail_msg("case %zu: status %d, expected 1 and \"%s...%s\"; "
                     "stderr:\n%s", i, st, want, cases[i].what,
                     msg ? msg : "");
        assert_int_equal(access(out, F_OK), -1);   /* nothing written */
        free(msg);
    }
    remove(tsv);
    remove(err);
    rmdir(dir);
}

int main(int argc, char **argv)
{
    (void)argc;
    /* $(BUILD)/tests/test_cameo -> $(BUILD) */
    const char *slash = argv[0] ? strrchr(argv[0], '/') : NULL;
    if (slash) {
        snprintf(build_dir, sizeof build_dir, "%.*s/..",
                 (int)(slash - argv[0]), argv[0]);
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table_shape),
        cmocka_unit_test(test_every_root_and_parent_exists),
        cmocka_unit_test(test_quad_by_root),
        cmocka_unit_test(test_known_codes),
        cmocka_unit_test(test_lookup_uses_len),
        cmocka_unit_test(test_nearest),
        cmocka_unit_test(test_unknown_codes),
        cmocka_unit_test(test_root),
        cmocka_unit_test(test_matches_reference),
        cmocka_unit_test(test_generated_table_matches_tsv),
        cmocka_unit_test(test_generator_rejects_bad_tsv),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
