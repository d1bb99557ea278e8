/*
 * test_tag_stanford.c - agreement with Stanford CoreNLP's tags on the
 * parse trees of the PETRARCH suites in ../shared/eval: a different
 * tagger, on different text, so a fair outside check.
 *
 * Each record's <Text> goes through our tokeniser and tagger; the leaves
 * (TAG word) of its <Parse> are aligned with our tokens by their words (a
 * longest common subsequence, since the two tokenisers differ now and
 * then: "cannot", "--"), and the tags of the aligned pairs are compared.
 * The parser's AUX* tags (AUXD, AUXZ: auxiliaries) count as the VB* tags
 * they stand for.  The suites are read in place and never copied.
 */
#include "tagutil.h"

typedef struct {
    char word[64];
    char tag[8];
} leaf;

/* Lower-cases and maps the two tokenisers' spellings to one. */
static void norm_word(const char *s, size_t n, int kind, char *out)
{
    if (kind == KH_TOK_QUOTE_OPEN) {
        strcpy(out, "``");
        return;
    }
    if (kind == KH_TOK_QUOTE_CLOSE) {
        strcpy(out, "''");
        return;
    }
    if ((n == 5 && (!memcmp(s, "-LRB-", 5) || !memcmp(s, "-LCB-", 5))) ||
        (n == 1 && (*s == '[' || *s == '{'))) {
        strcpy(out, "(");
        return;
    }
    if ((n == 5 && (!memcmp(s, "-RRB-", 5) || !memcmp(s, "-RCB-", 5))) ||
        (n == 1 && (*s == ']' || *s == '}'))) {
        strcpy(out, ")");
        return;
    }
    size_t k = 0;
    for (size_t i = 0; i < n && k < 62; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
            ((unsigned char)s[i + 2] == 0x99 ||
             (unsigned char)s[i + 2] == 0x98)) {
            out[k++] = '\'';
            i += 2;
        } else {
            out[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
    }
    out[k] = '\0';
}

static const char *aux_tag(const char *t)
{
    static const char *const map[][2] = {
        {"AUXD", "VBD"}, {"AUXZ", "VBZ"}, {"AUXP", "VBP"}, {"AUXB", "VB"},
        {"AUXN", "VBN"}, {"AUXG", "VBG"}, {"AUX", "VB"},
    };
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (!strcmp(t, map[i][0]))
            return map[i][1];
    return t;
}

/* The leaves of a parse tree: "(TAG word)". */
static size_t leaves(const char *p, const char *end, leaf *out, size_t max)
{
    size_t n = 0;
    for (; p < end && n < max; p++) {
        if (*p != '(')
            continue;
        const char *t = p + 1, *te = t;
        while (te < end && *te != ' ' && *te != '(' && *te != ')' &&
               *te != '\n')
            te++;
        if (te >= end || *te != ' ' || te == t)
            continue;
        const char *w = te + 1, *we = w;
        while (we < end && *we != ' ' && *we != '(' && *we != ')' &&
               *we != '\n')
            we++;
        if (we >= end || *we != ')' || we == w || te - t >= 8)
            continue;
        char tag[8];
        memcpy(tag, t, (size_t)(te - t));
        tag[te - t] = '\0';
        snprintf(out[n].tag, sizeof out[n].tag, "%s", aux_tag(tag));
        norm_word(w, (size_t)(we - w), 0, out[n].word);
        n++;
    }
    return n;
}

/* Decodes the five XML entities and turns line breaks into spaces. */
static size_t xml_text(const char *s, const char *end, char *out, size_t cap)
{
    static const char *const ent[][2] = {{"&amp;", "&"}, {"&lt;", "<"},
        {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}};
    size_t k = 0;
    while (s < end && k + 2 < cap) {
        int done = 0;
        for (size_t e = 0; e < 5 && !done; e++) {
            size_t l = strlen(ent[e][0]);
            if ((size_t)(end - s) >= l && !memcmp(s, ent[e][0], l)) {
                out[k++] = ent[e][1][0];
                s += l;
                done = 1;
            }
        }
        if (!done) {
            out[k++] = *s == '\n' || *s == '\r' ? ' ' : *s;
            s++;
        }
    }
    out[k] = '\0';
    return k;
}

typedef struct {
    size_t agree, aligned, leaves, records;
    size_t conf[KH_POS_COUNT + 1][KH_POS_COUNT + 1];
} tally;

/* Aligns our tokens of d with the leaves and counts agreements. */
static void compare(const kh_doc *d, const leaf *lv, size_t nl, tally *t)
{
    size_t nt = kh_doc_token_count(d), len;
    const char *in = kh_doc_input(d, &len);
    char (*ours)[64] = malloc((nt + 1) * 64);
    for (size_t i = 0; i < nt; i++) {
        size_t a, b;
        int kind;
        kh_doc_token(d, i, &a, &b, &kind);
        norm_word(in + a, b - a, kind, ours[i]);
    }
    /* longest common subsequence of the two word lists */
    size_t w = nl + 1;
    unsigned *L = calloc((nt + 1) * w, sizeof *L);
    for (size_t i = nt; i-- > 0;)
        for (size_t j = nl; j-- > 0;)
            L[i * w + j] = !strcmp(ours[i], lv[j].word)
                               ? L[(i + 1) * w + j + 1] + 1
                               : L[(i + 1) * w + j] > L[i * w + j + 1]
                                     ? L[(i + 1) * w + j]
                                     : L[i * w + j + 1];
    for (size_t i = 0, j = 0; i < nt && j < nl;) {
        if (!strcmp(ours[i], lv[j].word)) {
            const char *mine = kh_doc_token_tag(d, i);
            int a = kh_pos_from_name(lv[j].tag, strlen(lv[j].tag));
            int b = kh_pos_from_name(mine, strlen(mine));
            t->aligned++;
            t->agree += !strcmp(mine, lv[j].tag);
            t->conf[a][b]++;
            i++, j++;
        } else if (L[(i + 1) * w + j] >= L[i * w + j + 1]) {
            i++;
        } else {
            j++;
        }
    }
    t->leaves += nl;
    t->records++;
    free(L);
    free(ours);
}

static void run_suite(const char *rel, const char *floor_name)
{
    const char *shared = tu_shared();
    if (!shared) {
        print_message("../shared is absent: the Stanford agreement test is "
                      "skipped\n");
        skip();
    }
    char path[2048];
    snprintf(path, sizeof path, "%s/%s", shared, rel);
    size_t len = 0;
    char *xml = tu_read_file(path, &len);
    if (!xml) {
        print_message("%s is absent: skipped\n", path);
        skip();
    }
    /* comments out: they quote records too */
    for (char *c = strstr(xml, "<!--"); c; c = strstr(c, "<!--")) {
        char *e = strstr(c, "-->");
        if (!e)
            e = xml + len - 3;
        memset(c, ' ', (size_t)(e + 3 - c));
    }
    kh_pipeline_opts o = {.stages = KH_STAGE_TEXT | KH_STAGE_TAG};
    kh_pipeline *p = kh_pipeline_new(&o, NULL);
    assert_non_null(p);
    static tally t;
    memset(&t, 0, sizeof t);
    static leaf lv[4096];
    static char text[1 << 16];
    for (char *s = strstr(xml, "<Sentence"); s; s = strstr(s, "<Sentence")) {
        char *end = strstr(s, "</Sentence>");
        if (!end)
            break;
        char *tx = strstr(s, "<Text>"), *txe = strstr(s, "</Text>");
        char *pa = strstr(s, "<Parse>"), *pae = strstr(s, "</Parse>");
        if (tx && txe && pa && pae && pae < end && txe < end) {
            size_t n = xml_text(tx + 6, txe, text, sizeof text);
            size_t nl = leaves(pa + 7, pae, lv, 4096);
            kh_doc *d = kh_doc_new(text, n, NULL, NULL);
            if (nl && kh_process(p, d, NULL) == KH_OK &&
                kh_doc_token_count(d))
                compare(d, lv, nl, &t);
            kh_doc_free(d);
        }
        s = end;
    }
    kh_pipeline_free(p);
    free(xml);
    assert_true(t.aligned > 500);
    double acc = 100.0 * (double)t.agree / (double)t.aligned;
    double floor = tu_floor(floor_name);
    print_message("Stanford agreement on %s: %.2f%% of %zu aligned tokens "
                  "(%zu records, %zu parse leaves; floor %.1f%%, aim 95%%)\n",
                  rel, acc, t.aligned, t.records, t.leaves, floor);
    for (int k = 0; k < 5; k++) {
        size_t best = 0;
        int ba = 0, bb = 0;
        for (int a = 0; a <= KH_POS_COUNT; a++)
            for (int b = 0; b <= KH_POS_COUNT; b++)
                if (a != b && t.conf[a][b] > best)
                    best = t.conf[a][b], ba = a, bb = b;
        if (!best)
            break;
        print_message("  Stanford %s, ours %s: %zu\n", kh_pos_name(ba),
                      kh_pos_name(bb), best);
        t.conf[ba][bb] = 0;
    }
    assert_true(acc >= floor);
}

static void test_petrarch2_unit(void **state)
{
    (void)state;
    run_suite("eval/petrarch2-unit/PETR.UnitTest.records.xml",
              "stanford_petrarch2_unit");
}

static void test_gigaword(void **state)
{
    (void)state;
    run_suite("eval/gigaword-sample/GigaWord.sample.PETR.xml",
              "stanford_gigaword");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_petrarch2_unit),
        cmocka_unit_test(test_gigaword),
    };
    return cmocka_run_group_tests_name("tag_stanford", tests, NULL, NULL);
}
