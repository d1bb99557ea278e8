/*
 * test_tag_cli.c - `khaldun tag`, run as a user runs it: on a sample
 * article, with --lemma, from standard input, and without its model.
 *
 * Runs the binary beside the test's folder (build/khaldun for
 * build/tests/test_tag_cli), or $KHALDUN_BIN.
 */
#include "testutil.h"

#include <sys/wait.h>

static char khaldun[1024];

/* Runs cmd (a shell command line) and returns its exit status; its
 * standard output goes to *out (malloc'd). */
static int run(const char *cmd, char **out)
{
    char path[] = "/tmp/khaldun-tagcli-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    char line[4096];
    snprintf(line, sizeof line, "( %s ) > %s", cmd, path);
    int st = system(line);
    *out = tu_read_file(path, NULL);
    unlink(path);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

static size_t count(const char *s, char c)
{
    size_t n = 0;
    for (; *s; s++)
        n += *s == c;
    return n;
}

static void test_sample_article(void **state)
{
    (void)state;
    char cmd[2048], *out;
    snprintf(cmd, sizeof cmd, "%s tag data/samples/03_syria_drone_strike.txt",
             khaldun);
    assert_int_equal(run(cmd, &out), 0);
    /* one line a sentence, every token word_TAG */
    assert_true(count(out, '\n') >= 8);
    assert_non_null(strstr(out, "A_DT drone_NN strike_NN on_IN a_DT car_NN"));
    assert_non_null(strstr(out, "killed_VBD"));
    assert_non_null(strstr(out, "Al-Mayadeen_NNP"));
    assert_non_null(strstr(out, "2,500_CD"));
    assert_non_null(strstr(out, "“_`` We_PRP will_MD act_VB"));
    for (char *tok = strtok(out, " \n"); tok; tok = strtok(NULL, " \n"))
        if (!strrchr(tok, '_') || !strrchr(tok, '_')[1])
            fail_msg("token without a tag: %s", tok);
    free(out);

    snprintf(cmd, sizeof cmd, "%s tag --lemma data/samples/03_syria_drone_"
             "strike.txt", khaldun);
    assert_int_equal(run(cmd, &out), 0);
    assert_non_null(strstr(out, "killed_VBD_kill"));
    assert_non_null(strstr(out, "bodyguards_NNS_bodyguard"));
    assert_non_null(strstr(out, "was_VBD_be"));
    print_message("khaldun tag --lemma, first line: %.*s\n",
                  (int)(strchr(out, '\n') - out), out);
    free(out);
}

static void test_stdin_and_articles(void **state)
{
    (void)state;
    char cmd[2048], *out;
    /* two JSON Lines articles: a blank line between them */
    snprintf(cmd, sizeof cmd, "printf '%%s\\n' '{\"id\":\"a\",\"text\":\"Troops "
             "left.\"}' '{\"id\":\"b\",\"text\":\"He spoke. She "
             "listened.\"}' | %s tag", khaldun);
    assert_int_equal(run(cmd, &out), 0);
    assert_string_equal(out, "Troops_NNS left_VBD ._.\n\nHe_PRP spoke_VBD "
                             "._.\nShe_PRP listened_VBD ._.\n");
    free(out);
}

static void test_missing_model(void **state)
{
    (void)state;
    char cmd[2048], *out;
    snprintf(cmd, sizeof cmd, "%s tag --data /nonexistent/kh data/samples "
             "2>&1", khaldun);
    assert_int_equal(run(cmd, &out), 2);
    assert_non_null(strstr(out, "/nonexistent/kh/tagger.model"));
    assert_non_null(strstr(out, "make model"));
    free(out);
    snprintf(cmd, sizeof cmd, "KHALDUN_DATA=/nonexistent/env %s tag "
             "data/samples 2>&1", khaldun);
    assert_int_equal(run(cmd, &out), 2);
    assert_non_null(strstr(out, "/nonexistent/env/tagger.model"));
    free(out);
    snprintf(cmd, sizeof cmd, "%s tag --no-such-option 2>/dev/null",
             khaldun);
    assert_int_equal(run(cmd, &out), 2);
    free(out);
}

int main(int argc, char **argv)
{
    (void)argc;
    const char *env = getenv("KHALDUN_BIN");
    if (env) {
        snprintf(khaldun, sizeof khaldun, "%s", env);
    } else {
        /* build/tests/test_tag_cli -> build/khaldun */
        snprintf(khaldun, sizeof khaldun, "%s", argv[0]);
        char *slash = strrchr(khaldun, '/');
        if (slash)
            *slash = '\0';
        slash = strrchr(khaldun, '/');
        if (slash)
            snprintf(slash + 1,
                     sizeof khaldun - (size_t)(slash + 1 - khaldun),
                     "khaldun");
        else
            snprintf(khaldun, sizeof khaldun, "../khaldun");
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sample_article),
        cmocka_unit_test(test_stdin_and_articles),
        cmocka_unit_test(test_missing_model),
    };
    return cmocka_run_group_tests_name("tag_cli", tests, NULL, NULL);
}
