/*
 * test_golden.c - the sentence splitter against tests/golden/sentences.txt.
 *
 * Each case of the golden file is one test: its input, coded by the whole
 * pipeline, must give exactly the expected sentences (compared with runs of
 * white space collapsed).  A failure prints what was expected and got.
 */
#include "testutil.h"

typedef struct {
    int line;
    char *input;
    char **want;
    size_t nwant;
    char name[96];
} gcase;

static void collapse(char *s)
{
    char *w = s;
    int sp = 0;
    for (char *r = s; *r; r++) {
        if (*r == ' ' || *r == '\n' || *r == '\t' || *r == '\r') {
            sp = 1;
            continue;
        }
        if (sp && w != s)
            *w++ = ' ';
        sp = 0;
        *w++ = *r;
    }
    *w = '\0';
}

static void run_case(void **state)
{
    gcase *c = *state;
    kh_doc *d = tu_process(c->input);
    assert_non_null(d);
    size_t n = kh_doc_sentence_count(d);
    int ok = n == c->nwant;
    char **got = calloc(n + 1, sizeof *got);
    for (size_t i = 0; i < n; i++) {
        got[i] = tu_sentence(d, i);
        collapse(got[i]);
        if (ok && strcmp(got[i], c->want[i]) != 0)
            ok = 0;
    }
    if (!ok) {
        print_message("golden case at line %d:\n", c->line);
        for (size_t i = 0; i < c->nwant; i++)
            print_message("  want | %s\n", c->want[i]);
        for (size_t i = 0; i < n; i++)
            print_message("  got  | %s\n", got[i]);
    }
    for (size_t i = 0; i < n; i++)
        free(got[i]);
    free(got);
    kh_doc_free(d);
    assert_true(ok);
}

int main(void)
{
    const char *path = "tests/golden/sentences.txt";
    char *text = tu_read_file(path, NULL);
    if (!text) {
        fprintf(stderr, "cannot read %s\n", path);
        return 1;
    }
    gcase *cases = NULL;
    size_t ncases = 0, cap = 0;
    gcase *cur = NULL;
    int lineno = 0;
    int in_expect = 0;
    for (char *p = text; *p;) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        lineno++;
        if (p[0] == '>' && (p[1] == ' ' || p[1] == '\0')) {
            const char *body = p[1] ? p + 2 : "";
            if (!cur || in_expect) {
                if (ncases == cap)
                    cases = realloc(cases, (cap = cap ? cap * 2 : 64) *
                                               sizeof *cases);
                cur = &cases[ncases++];
                memset(cur, 0, sizeof *cur);
                cur->line = lineno;
                cur->input = strdup(body);
                in_expect = 0;
            } else {
                size_t a = strlen(cur->input), b = strlen(body);
                cur->input = realloc(cur->input, a + b + 2);
                cur->input[a] = '\n';
                memcpy(cur->input + a + 1, body, b + 1);
            }
        } else if (p[0] == '|' && (p[1] == ' ' || p[1] == '\0') && cur) {
            in_expect = 1;
            cur->want = realloc(cur->want, (cur->nwant + 1) * sizeof *cur->want);
            char *w = strdup(p[1] ? p + 2 : "");
            collapse(w);
            cur->want[cur->nwant++] = w;
        } else if (p[0] == '\0' || p[0] == '#') {
            if (cur && in_expect)
                cur = NULL;
        }
        p = nl ? nl + 1 : p + strlen(p);
    }
    free(text);

    struct CMUnitTest *tests = calloc(ncases, sizeof *tests);
    for (size_t i = 0; i < ncases; i++) {
        gcase *c = &cases[i];
        snprintf(c->name, sizeof c->name, "golden sentences line %d", c->line);
        tests[i].name = c->name;
        tests[i].test_func = run_case;
        tests[i].initial_state = c;
    }
    int failed = _cmocka_run_group_tests("golden", tests, ncases, NULL, NULL);
    for (size_t i = 0; i < ncases; i++) {
        free(cases[i].input);
        for (size_t j = 0; j < cases[i].nwant; j++)
            free(cases[i].want[j]);
        free(cases[i].want);
    }
    free(cases);
    free(tests);
    return failed;
}
