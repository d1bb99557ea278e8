/*
 * entities_scan.c - the names an article writes, with their titles,
 * aliases and the cues that say what they name.
 *
 * A name is a run of capitalised words on one line ("Mohammed Shia
 * al-Sudani", "Al-Nujaba Movement", "U.S."), through the particles of
 * Arabic and European names (al, bin, ibn, de) and an apostrophe glued to
 * a word ("Shia' al-Sudani"), and through "of" after the head of an
 * organisation's or a place's name ("Ministry of Defense").  The first
 * word of a sentence is capitalised anyway, so it starts a name only when
 * the tagger reads a proper noun there, when the article writes the word
 * with a capital elsewhere too, or when it is a given name or a title.
 * Function words, months and weekdays never do; a sentence in capitals (a
 * headline) says nothing by its capitals.
 *
 * Titles are split off the front ("Iraqi Foreign Minister | Fuad
 * Hussein", "Secretary of State | Antony Blinken"), read before a name in
 * lower case ("the Kurdish politician Sardar Mustafa", "the military
 * official of the movement, Talib Ali Al-Saidi") or after it ("Abu Taqwa,
 * an official in the Nujaba movement"), or stand alone before a comma
 * ("Prime Minister, Mohammed Shia Al-Sudani").  Aliases follow a naming
 * word or come in brackets ("nicknamed “Abu Taqwa”", "(PMF)").
 *
 * Each name gets cue scores for person, organisation and place; the
 * entities stage adds those of every mention of an entity, and the
 * dictionaries' codes, before it decides.
 */
#include "extract.h"

#include "../tag/tag.h"
#include "../text/text.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_RUN 12

/* ---- words ---------------------------------------------------------------- */

static uint64_t fnv(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h ? h : 1;
}

/* Folds s[0..n) into buf (upper case, no accents); returns the length, or
 * 0 when it does not fit. */
static size_t fold(const char *s, size_t n, char *buf, size_t cap)
{
    size_t m = kh_fold_word(s, n, buf, cap);
    return m > cap ? 0 : m;
}

uint64_t kh_name_word_key(const char *s, size_t n)
{
    char buf[96];
    size_t m;
    size_t i = 0;
    while (i < n && !((unsigned char)s[i] & 0x80))
        i++;
    if (i == n && n <= sizeof buf) {
        for (i = 0; i < n; i++)
            buf[i] = (char)(s[i] >= 'a' && s[i] <= 'z' ? s[i] - 32 : s[i]);
        m = n;
    } else if (!(m = fold(s, n, buf, sizeof buf))) {
        return 0;
    }
    char *w = buf;
    /* AL-SUDANI -> SUDANI */
    if (m > 4 && (w[2] == '-' || w[3] == '-')) {
        static const char *const arts[] = {"AL-", "EL-", "AD-", "AS-", "ASH-",
                                           "AT-", "AZ-", "AN-", "AR-", "UL-"};
        for (size_t k = 0; k < sizeof arts / sizeof arts[0]; k++) {
            size_t a = arts[k][3] ? 4 : 3;
            if (m > a + 1 && memcmp(w, arts[k], a) == 0) {
                w += a;
                m -= a;
                break;
            }
        }
    }
    if (m >= 2 && w[m - 2] == '\'' && w[m - 1] == 'S')
        m -= 2;
    /* Houthis and Houthi, Forces and Force: one word */
    if (m > 3 && w[m - 1] == 'S' && w[m - 2] != 'S')
        m--;
    while (m && (w[m - 1] == '\'' || w[m - 1] == '.'))
        m--;   /* Shia' -> SHIA; U.S. keeps its inner dot */
    if (!m)
        return 0;
    /* particles and connectors count for nothing: all are short */
    if (m <= 4) {
        static const char none[] = " AL EL BIN IBN BINT BEN DE DA DI VAN VON "
                                   "DER DU OULD OF THE AND FOR ";
        char key[7] = " ";
        memcpy(key + 1, w, m);
        key[m + 1] = ' ';
        key[m + 2] = '\0';
        if (strstr(none, key))
            return 0;
    }
    return fnv(w, m);
}

/* ---- the scan --------------------------------------------------------------- */

typedef struct {
    const kh_doc *d;
    const int32_t *qmap;
    uint8_t *qname;            /* per token: inside a quoted name */
    uint8_t *shout;            /* per sentence: written in capitals */
    uint64_t *caps;            /* words written with a capital inside a
                                  sentence: open addressing */
    size_t ncaps;              /* a power of two */
    kh_ecand *c;
    size_t n, cap;
} scan;

/* Whether token i is the word s[0..n) (any case); tok_is() for literals. */
static inline int tok_is_n(const kh_doc *d, size_t i, const char *s, size_t n)
{
    const kh_token *t = &d->tokens[i];
    return t->end - t->start == n && ((d->text[t->start] ^ s[0]) & ~0x20) == 0 &&
           strncasecmp(d->text + t->start, s, n) == 0;
}
#define tok_is(d, i, lit) tok_is_n((d), (i), (lit), sizeof(lit) - 1)
#define tok_is_s(d, i, s) tok_is_n((d), (i), (s), strlen(s))

static int is_punct(const kh_doc *d, size_t i, char c)
{
    const kh_token *t = &d->tokens[i];
    return t->kind == KH_TOK_PUNCT && t->end - t->start == 1 &&
           d->text[t->start] == c;
}

static int wordtok(const kh_doc *d, size_t i)
{
    int k = d->tokens[i].kind;
    return k == KH_TOK_WORD || k == KH_TOK_ABBREV;
}

static int lower_word(const kh_doc *d, size_t i)
{
    return d->tokens[i].kind == KH_TOK_WORD && !kh_tok_capitalised(d, i);
}

static uint64_t tok_hash(const kh_doc *d, size_t i)
{
    const kh_token *t = &d->tokens[i];
    const char *s = d->text + t->start;
    size_t n = t->end - t->start;
    uint64_t h = 1469598103934665603ull;
    for (size_t k = 0; k < n; k++) {
        unsigned char c = (unsigned char)s[k];
        if (c & 0x80) {
            char buf[96];
            size_t m = fold(s, n, buf, sizeof buf);
            return m ? fnv(buf, m) : 0;
        }
        if (c >= 'a' && c <= 'z')
            c = (unsigned char)(c - 32);
        h ^= c;
        h *= 1099511628211ull;
    }
    return h ? h : 1;
}

static void caps_add(scan *s, uint64_t h)
{
    size_t mask = s->ncaps - 1;
    for (size_t k = h & mask;; k = (k + 1) & mask) {
        if (s->caps[k] == h)
            return;
        if (!s->caps[k]) {
            s->caps[k] = h;
            return;
        }
    }
}

static int caps_has(const scan *s, uint64_t h)
{
    size_t mask = s->ncaps - 1;
    for (size_t k = h & mask;; k = (k + 1) & mask) {
        if (s->caps[k] == h)
            return 1;
        if (!s->caps[k])
            return 0;
    }
}

/* Whether the words of sentence si are mostly in capitals (a headline). */
static int shouting(const kh_doc *d, size_t si)
{
    const kh_sentence *st = &d->sents[si];
    size_t words = 0, caps = 0;
    for (size_t i = st->tok_first; i < st->tok_end; i++) {
        if (d->tokens[i].kind != KH_TOK_WORD)
            continue;
        words++;
        if (d->tokens[i].flags & KH_TF_ALLCAPS)
            caps++;
    }
    return words >= 3 && caps * 10 >= words * 6;
}

/* Whether token i starts its sentence's words (or a quote's, or follows
 * a colon or a dash): its capital says nothing. */
static int initial(const kh_doc *d, size_t i, size_t lo)
{
    for (size_t k = i; k > lo; k--) {
        const kh_token *p = &d->tokens[k - 1];
        if (p->kind == KH_TOK_QUOTE_OPEN || p->kind == KH_TOK_DASH ||
            is_punct(d, k - 1, ':') || is_punct(d, k - 1, '('))
            return 1;
        if (p->kind == KH_TOK_WORD || p->kind == KH_TOK_ABBREV ||
            p->kind == KH_TOK_NUMBER)
            return 0;
    }
    return 1;
}

static void fill_caps(scan *s)
{
    const kh_doc *d = s->d;
    for (size_t si = 0; si < d->nsents; si++) {
        const kh_sentence *st = &d->sents[si];
        if (s->shout[si])
            continue;
        for (size_t i = st->tok_first; i < st->tok_end; i++) {
            if (!kh_tok_capitalised(d, i) || initial(d, i, st->tok_first))
                continue;
            uint64_t h = tok_hash(d, i);
            if (h)
                caps_add(s, h);
        }
    }
}

/* Iran-backed, U.S.-led, Turkish-funded: an adjective, not a name. */
static int compound_adj(const kh_doc *d, size_t i)
{
    const kh_token *t = &d->tokens[i];
    const char *s = d->text + t->start;
    size_t n = t->end - t->start;
    if (!(t->flags & KH_TF_HYPHEN))
        return 0;
    static const char *const suf[] = {"-backed", "-led", "-aligned",
                                      "-allied", "-based", "-born",
                                      "-funded", "-made", "-run",
                                      "-controlled", "-held", "-linked",
                                      "-affiliated", "-sponsored",
                                      "-brokered", "-style"};
    for (size_t k = 0; k < sizeof suf / sizeof suf[0]; k++) {
        size_t m = strlen(suf[k]);
        if (n > m && strncasecmp(s + n - m, suf[k], m) == 0)
            return 1;
    }
    return 0;
}

/* Whether a name may start at token i. */
static int starts_name(const scan *s, size_t i, size_t lo, size_t hi)
{
    const kh_doc *d = s->d;
    const kh_token *t = &d->tokens[i];
    if (!wordtok(d, i) || !kh_tok_capitalised(d, i) ||
        (t->flags & KH_TF_DIGIT))
        return 0;   /* F-16, MQ-9: a model, not a name */
    if (t->end - t->start == 1)
        return 0;   /* A, I */
    unsigned c = kh_tok_class(d, i);
    if (c & (KH_W_STOP | KH_W_TIME) || compound_adj(d, i))
        return 0;
    if (c & KH_W_PARTICLE)   /* Al Jazeera, Bin Salman */
        return i + 1 < hi && kh_tok_capitalised(d, i + 1) &&
               !(d->tokens[i + 1].flags & KH_TF_NEWLINE);
    if (!initial(d, i, lo))
        return 1;
    if (caps_has(s, tok_hash(d, i)))
        return 1;
    if (c & (KH_W_GIVEN | KH_W_PERSONCUE | KH_W_TITLE))
        return 1;
    int tag = t->tag;
    return tag == KH_POS_NNP || tag == KH_POS_NNPS;
}

/* One past the last token of the name that starts at a. */
static size_t extend(const scan *s, size_t a, size_t hi)
{
    const kh_doc *d = s->d;
    size_t j = a + 1;
    int inq = s->qname[a];
    while (j < hi && j - a < MAX_RUN) {
        const kh_token *t = &d->tokens[j];
        if (t->flags & KH_TF_NEWLINE || s->qname[j] != inq)
            break;
        if (wordtok(d, j) && kh_tok_capitalised(d, j) &&
            !(t->flags & KH_TF_DIGIT)) {
            unsigned c = kh_tok_class(d, j);
            /* Baghdad Today, Rafidain Today: news outlets */
            if ((c & KH_W_STOP) && tok_is(d, j, "today")) {
                j++;
                break;
            }
            if (c & (KH_W_STOP | KH_W_TIME) || compound_adj(d, j))
                break;
            j++;
            continue;
        }
        /* al, bin, de between capitalised words */
        if (lower_word(d, j) && (kh_tok_class(d, j) & KH_W_PARTICLE) &&
            j + 1 < hi && kh_tok_capitalised(d, j + 1)) {
            j += 2;
            continue;
        }
        /* Shia' al-Sudani */
        if (!(t->flags & KH_TF_SPACE) &&
            (t->end - t->start == 1 ||
             (t->end - t->start == 3 &&
              memcmp(d->text + t->start, "\xE2\x80\x99", 3) == 0)) &&
            (d->text[t->start] == '\'' ||
             (unsigned char)d->text[t->start] == 0xE2) &&
            j + 1 < hi &&
            kh_tok_capitalised(d, j + 1) &&
            (d->tokens[j + 1].flags & KH_TF_SPACE)) {
            j++;
            continue;
        }
        /* Ministry of Defense, Republic of Iraq, Secretary of State */
        if (tok_is(d, j, "of") &&
            (kh_tok_class(d, j - 1) &
             (KH_W_ORGHEAD | KH_W_PLACEHEAD | KH_W_TITLE))) {
            size_t k = j + 1;
            if (k < hi && tok_is(d, k, "the"))
                k++;
            if (k < hi && kh_tok_capitalised(d, k) &&
                !(kh_tok_class(d, k) & (KH_W_STOP | KH_W_TIME))) {
                j = k;
                continue;
            }
        }
        break;
    }
    /* never end on a particle, "of" or an apostrophe */
    while (j > a + 1 && !kh_tok_capitalised(d, j - 1))
        j--;
    return j;
}

/* Whether token i reads as a nationality's adjective: 1 surely (Kurdish,
 * Syrian, a word the tagger calls an adjective), 2 perhaps (a word in -i:
 * Iraqi and Saudi, but also the Ratawi field; the dictionaries decide). */
static int demonym_like(const kh_doc *d, size_t i)
{
    const kh_token *t = &d->tokens[i];
    const char *s = d->text + t->start;
    size_t n = t->end - t->start;
    if (kh_tok_capitalised(d, i) && !(t->flags & KH_TF_UPPER))
        return 0;   /* al-Sudani */
    if (t->tag == KH_POS_JJ)
        return 1;
    static const char *const suf[] = {"ian", "ean", "ese", "ish", "can",
                                      "ic"};
    for (size_t k = 0; k < sizeof suf / sizeof suf[0]; k++) {
        size_t m = strlen(suf[k]);
        if (n > m + 2 && strncmp(s + n - m, suf[k], m) == 0)
            return 1;
    }
    if (n > 3 && s[n - 1] == 'i' && !memchr(s, '-', n))
        return 2;
    return 0;
}

/* The words of a title before a name: [a, p).  Returns p (a for none).
 * The title ends at its last title word ("Kurdistan Region Prime
 * Minister | Masrour Barzani", "U.S. Secretary of State | Antony
 * Blinken"); *first is its first title word, so that a name before it
 * ("Kurdistan Region", "U.S.") can be read too. */
static size_t title_prefix(const kh_doc *d, size_t a, size_t b,
                           size_t *first)
{
    size_t last = b;
    *first = b;
    for (size_t i = a; i < b; i++) {
        unsigned c = kh_tok_class(d, i);
        if ((c & KH_W_ORGHEAD) && !(c & KH_W_TITLE))
            break;   /* "General Authority of Customs": no title */
        if ((c & (KH_W_TITLE | KH_W_ROLE)) && !(c & KH_W_GIVEN)) {
            last = i;
            if (*first == b)
                *first = i;
        }
    }
    if (last == b)
        return a;
    size_t p = last + 1;
    while (p < b && tok_is(d, p, "of")) {
        /* Secretary of State, Minister of Foreign Affairs, President of
         * the Kurdistan Region: the title goes on until a given name,
         * keeping two words for the name */
        size_t k = p + 1;
        if (k < b && tok_is(d, k, "the"))
            k++;
        size_t taken = 0;
        while (k < b && b - k > 2 &&
               !(kh_tok_class(d, k) & (KH_W_GIVEN | KH_W_PERSONCUE))) {
            k++;
            taken++;
        }
        if (!taken && k < b && b - k == 2 &&
            !(kh_tok_class(d, k) & (KH_W_GIVEN | KH_W_PERSONCUE)))
            k++, taken++;
        if (!taken) {
            /* "the Minister of Planning": all of it is the title */
            if (k + 1 == b && !(kh_tok_class(d, k) &
                                (KH_W_GIVEN | KH_W_PERSONCUE)))
                return b;
            return p;
        }
        p = k;
    }
    return p;
}

static int is_role_word(const kh_doc *d, size_t i)
{
    return lower_word(d, i) && (kh_tok_class(d, i) & KH_W_ROLE);
}

static int modifier(const kh_doc *d, size_t i)
{
    int tag = d->tokens[i].tag;
    if (!wordtok(d, i))
        return 0;
    if (kh_tok_capitalised(d, i))
        return demonym_like(d, i) || (kh_tok_class(d, i) & KH_W_TITLE);
    return tag == KH_POS_JJ || tag == KH_POS_NN || tag == KH_POS_VBN ||
           (kh_tok_class(d, i) & (KH_W_ROLE | KH_W_TITLE));
}

/* A title in lower case before the name at t0: "the Kurdish politician
 * Sardar Mustafa", "the military official of the movement, Talib...". */
static int role_before(const kh_doc *d, size_t t0, size_t lo, uint32_t *ti0,
                       uint32_t *ti1)
{
    if (t0 <= lo)
        return 0;
    size_t e = t0;   /* one past the title */
    int comma = 0;
    if (is_punct(d, t0 - 1, ',')) {
        comma = 1;
        e = t0 - 1;
    }
    /* the role word: next to the name, or before "of [the] X ," */
    size_t r = e;
    if (r > lo && is_role_word(d, r - 1)) {
        r = r - 1;
    } else if (comma) {
        size_t k = e, steps = 0;
        while (k > lo && steps < 5 && !is_role_word(d, k - 1)) {
            if (!wordtok(d, k - 1) || kh_pos_is_verb(d->tokens[k - 1].tag))
                return 0;
            k--, steps++;
        }
        if (k <= lo || !is_role_word(d, k - 1) || !tok_is(d, k, "of"))
            return 0;
        r = k - 1;
    } else {
        return 0;
    }
    size_t a = r;
    while (a > lo && a + 4 > r && modifier(d, a - 1))
        a--;
    *ti0 = (uint32_t)a;
    *ti1 = (uint32_t)e;
    return 1;
}

/* A title after the name: ", an official in the Nujaba movement,". */
static int role_after(const kh_doc *d, size_t t1, size_t hi, uint32_t *ti0,
                      uint32_t *ti1)
{
    if (t1 + 2 >= hi || !is_punct(d, t1, ','))
        return 0;
    size_t k = t1 + 1;
    if (tok_is(d, k, "a") || tok_is(d, k, "an") || tok_is(d, k, "the"))
        k++;
    size_t a = k;
    while (k < hi && k < a + 4 && !is_role_word(d, k) && modifier(d, k))
        k++;
    if (k >= hi || !is_role_word(d, k))
        return 0;
    size_t e = k + 1;
    while (e < hi && e < a + 10 && !is_punct(d, e, ',') &&
           !is_punct(d, e, '.') && !is_punct(d, e, ';') &&
           d->tokens[e].kind != KH_TOK_QUOTE_OPEN &&
           d->tokens[e].kind != KH_TOK_QUOTE_CLOSE &&
           !tok_is(d, e, "who") && !tok_is(d, e, "which") &&
           !kh_pos_is_verb(d->tokens[e].tag))
        e++;
    /* an apposition is set off: ", an official in the movement," and not
     * the subject of a verb (", a military official ... explained") */
    if (e < hi && !is_punct(d, e, ',') && !is_punct(d, e, '.') &&
        !is_punct(d, e, ';') && !tok_is(d, e, "who"))
        return 0;
    *ti0 = (uint32_t)a;
    *ti1 = (uint32_t)e;
    return 1;
}

static kh_ecand *add_cand(scan *s)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 32;
        s->c = kh_xrealloc(s->c, s->cap * sizeof *s->c);
    }
    kh_ecand *c = &s->c[s->n++];
    memset(c, 0, sizeof *c);
    c->alias_of = -1;
    c->ent = -1;
    c->place = -1;
    return c;
}

/* Keys, initials and the cues of the name's own words. */
static void words_of(const kh_doc *d, kh_ecand *c)
{
    int of = 0;
    size_t na = 0;
    c->nkey = c->npre = 0;
    for (size_t i = c->t0; i < c->t1; i++) {
        const kh_token *t = &d->tokens[i];
        if (tok_is(d, i, "of"))
            of = 1;
        uint64_t k = kh_name_word_key(d->text + t->start, t->end - t->start);
        if (!k)
            continue;
        if (c->nkey < KH_EKEY)
            c->key[c->nkey++] = k;
        if (!of)
            c->npre = c->nkey;
        unsigned cl = kh_tok_class(d, i);
        if (cl & (KH_W_ORGHEAD | KH_W_ORGWORD))
            c->orgish = 1;
        if (cl & KH_W_PERSONCUE)
            c->person += 2;
        if (i == c->t0 && (cl & KH_W_GIVEN))
            c->person += 2;
        if (!c->gender && (cl & (KH_W_GIVEN | KH_W_PERSONCUE)))
            c->gender = cl & KH_W_FEMALE ? 'f' : cl & KH_W_MALE ? 'm' : 0;
        /* the initial, after al- */
        const char *w = d->text + t->start;
        size_t wl = t->end - t->start;
        const char *h = memchr(w, '-', wl);
        if (h && h - w <= 3 && (size_t)(h - w) + 1 < wl)
            w = h + 1;
        if (na + 1 < sizeof c->acro && kh_tok_capitalised(d, i))
            c->acro[na++] = (char)(*w >= 'a' && *w <= 'z' ? *w - 32 : *w);
    }
    c->acro[na] = '\0';
    c->given = c->nkey == 1 && c->t1 == c->t0 + 1 &&
               (kh_tok_class(d, c->t0) & KH_W_GIVEN);
    /* an acronym: ISIS, U.S., UN */
    if (c->t1 == c->t0 + 1) {
        const kh_token *t = &d->tokens[c->t0];
        const char *w = d->text + t->start;
        size_t wl = t->end - t->start, letters = 0, upper = 1;
        char buf[12];
        for (size_t k = 0; k < wl; k++) {
            if (w[k] == '.')
                continue;
            if (w[k] < 'A' || w[k] > 'Z' || letters + 1 >= sizeof buf) {
                upper = 0;
                break;
            }
            buf[letters++] = w[k];
        }
        if (upper && letters >= 2) {
            buf[letters] = '\0';
            memcpy(c->acro, buf, letters + 1);
            c->is_acro = 1;
        }
    }
    /* the head of an organisation's or a place's name */
    size_t last = c->t1 - 1;
    for (size_t i = c->t0; i < c->t1; i++)
        if (tok_is(d, i, "of")) {
            last = i - 1;
            break;
        }
    unsigned lc = kh_tok_class(d, last);
    if ((lc & KH_W_ORGHEAD) ||
        (last > c->t0 && tok_is(d, last, "today"))) {   /* Baghdad Today */
        c->org += 3;
        c->orghead = 1;
    }
    else if (c->orgish)
        c->org += 1;
    if (kh_tok_class(d, c->t1 - 1) & KH_W_PLACEHEAD)
        c->placecue += 3;
}

static int inhabitants(const kh_doc *d, size_t i)
{
    return lower_word(d, i) && (kh_tok_class(d, i) & KH_W_INHABIT);
}

/* A thing's name, not a person's, an organisation's or a place's. */
static int thing_noun(const kh_doc *d, size_t i)
{
    return (kh_tok_class(d, i) & KH_W_THING) != 0;
}

/* Cues from the words around the name. */
static void context_of(const kh_doc *d, kh_ecand *c, size_t lo, size_t hi)
{
    size_t a = c->ti0 < c->ti1 && c->ti1 <= c->t0 ? c->ti0 : c->t0;
    int the = a > lo && tok_is(d, a - 1, "the");
    /* "the" before a name, not before a title: the Pentagon, the
     * Popular Mobilization, but "the Kurdish politician Sardar Mustafa" */
    if (the && c->ti0 == c->ti1)
        c->person -= 2;
    size_t p = the ? a - 1 : a;
    if (p > lo) {
        unsigned pc = kh_tok_class(d, p - 1);
        if (pc & KH_W_PLACEPREP)
            c->placecue += the ? 1 : 2;
        /* the people of Karbala, residents of Hit */
        if (tok_is(d, p - 1, "of") && p - 1 > lo && inhabitants(d, p - 2))
            c->placecue += 2;
        /* in northern Gaza */
        if (lower_word(d, p - 1) && (kh_tok_class(d, p - 1) & KH_W_COMPASS))
            c->placecue += 2;
        /* the capital Sanaa, the city Mosul */
        if (lower_word(d, p - 1) && (kh_tok_class(d, p - 1) & KH_W_PLACENOUN))
            c->placecue += 2;
        /* north of Baghdad, the town of Albu Kamal */
        if (tok_is(d, p - 1, "of") && p - 1 > lo &&
            (kh_tok_class(d, p - 2) & (KH_W_COMPASS | KH_W_PLACENOUN)) &&
            !kh_tok_capitalised(d, p - 2))
            c->placecue += 3;
        /* a statement to Al-Hurra, an interview with Reuters, told AFP */
        if ((tok_is(d, p - 1, "to") || tok_is(d, p - 1, "with") ||
             tok_is(d, p - 1, "by")) && p - 1 > lo) {
            if (kh_tok_class(d, p - 2) & KH_W_MEDIACTX)
                c->org += 2;
        }
        if (tok_is(d, p - 1, "told") && c->t1 - c->t0 == 1)
            c->org += 1;
    }
    /* the Kurdistan region, Anbar province */
    if (c->t1 < hi && lower_word(d, c->t1) &&
        (kh_tok_class(d, c->t1) & KH_W_PLACENOUN))
        c->placecue += 3;
    /* the Development Road project */
    if (c->t1 < hi && lower_word(d, c->t1) && thing_noun(d, c->t1) &&
        c->t1 > c->t0 + 1)
        c->thing = 1;
}

/* "Kirkuk, Salah al-Din and Diyala", "between Daquq and Tuz Khurmatu":
 * names in one list are of one kind, so a place's cues go to the names
 * listed with it that have none of their own. */
static void place_lists(const kh_doc *d, kh_ecand *c, size_t n)
{
    size_t k = 0;
    while (k < n) {
        size_t e = k + 1;
        int best = c[k].placecue;
        while (e < n && c[e].sentence == c[e - 1].sentence &&
               c[e].t0 > c[e - 1].t1 && c[e].t0 - c[e - 1].t1 <= 2) {
            int ok = 1;
            for (size_t i = c[e - 1].t1; i < c[e].t0 && ok; i++)
                ok = is_punct(d, i, ',') || tok_is(d, i, "and") ||
                     tok_is(d, i, "or");
            if (!ok)
                break;
            if (c[e].placecue > best)
                best = c[e].placecue;
            e++;
        }
        int joined = 0;   /* a list has an "and" or an "or" */
        for (size_t j = k + 1; j < e; j++)
            for (size_t i = c[j - 1].t1; i < c[j].t0; i++)
                joined |= tok_is(d, i, "and") || tok_is(d, i, "or");
        if (e - k > 1 && best >= 2 && joined)
            for (size_t j = k; j < e; j++)
                if (c[j].placecue < 2 && c[j].person <= 0 && !c[j].orghead)
                    c[j].placecue = 2;
        k = e;
    }
}

size_t kh_entity_candidates(const kh_doc *d, const kh_qmark *q, size_t nq,
                            const int32_t *qmap, kh_ecand **out)
{
    scan s = {0};
    s.d = d;
    s.qmap = qmap;
    /* the words written with a capital, and the quoted names: one block */
    size_t ncap = 0;
    for (size_t i = 0; i < d->ntokens; i++)
        ncap += kh_tok_capitalised(d, i);
    size_t nc = 16;
    while (nc < ncap + 8)   /* the table is at most a quarter full */
        nc *= 2;
    s.ncaps = nc * 2;
    s.caps = kh_xcalloc(s.ncaps * sizeof *s.caps + d->ntokens + 1 +
                            d->nsents + 1, 1);
    s.qname = (uint8_t *)(s.caps + s.ncaps);
    s.shout = s.qname + d->ntokens + 1;
    for (size_t si = 0; si < d->nsents; si++)
        s.shout[si] = (uint8_t)shouting(d, si);
    for (size_t k = 0; k < nq; k++)
        if (q[k].name)
            for (size_t i = q[k].first; i < q[k].end && i < d->ntokens; i++)
                s.qname[i] = 1;
    fill_caps(&s);
    for (size_t si = 0; si < d->nsents; si++) {
        const kh_sentence *st = &d->sents[si];
        size_t lo = st->tok_first, hi = st->tok_end;
        if (s.shout[si])
            continue;
        size_t first_c = s.n;
        for (size_t i = lo; i < hi; i++) {
            if (!starts_name(&s, i, lo, hi))
                continue;
            size_t b = extend(&s, i, hi);
            size_t f;
            size_t p = title_prefix(d, i, b, &f);
            if (p > i && p < b) {
                for (size_t k = p; k < b; k++)
                    if (kh_tok_class(d, k) & KH_W_ORGHEAD)
                        p = i;   /* an organisation's name */
            }
            /* a name inside the title: "Kurdistan Region Prime Minister",
             * "U.S. Secretary of State", "Iraqi Foreign Minister" */
            if (p > i && f > i && f < p) {
                kh_ecand *n = add_cand(&s);
                n->sentence = (uint32_t)si;
                n->t0 = (uint32_t)i, n->t1 = (uint32_t)f;
                n->ti0 = n->ti1 = n->t0;
                n->adj = n->t1 == n->t0 + 1 && demonym_like(d, i);
            }
            kh_ecand *c = add_cand(&s);
            c->sentence = (uint32_t)si;
            c->t0 = (uint32_t)i, c->t1 = (uint32_t)b;
            c->ti0 = c->ti1 = (uint32_t)i;
            if (p == b) {
                c->title_only = 1;
            } else if (p > i) {
                c->ti0 = (uint32_t)i, c->ti1 = (uint32_t)p;
                c->t0 = (uint32_t)p;
            }
            /* "Kataib Hezbollah-linked": the name is in an adjective */
            if (b < hi && compound_adj(d, b) && kh_tok_capitalised(d, b))
                c->adj = 1;
            i = b - 1;
        }
        /* titles, cues, aliases: with the sentence's names all known */
        for (size_t k = first_c; k < s.n; k++) {
            kh_ecand *c = &s.c[k];
            words_of(d, c);
            if (c->title_only)
                continue;
            size_t a0 = c->ti0 < c->ti1 ? c->ti0 : c->t0;
            if (k > first_c && s.c[k - 1].title_only &&
                s.c[k - 1].t1 + 1 == a0 && is_punct(d, a0 - 1, ',')) {
                /* Prime Minister, Mohammed Shia Al-Sudani; the Deputy
                 * Minister of Education, Dr. Hassan al-Khafaji */
                c->ti0 = s.c[k - 1].t0, c->ti1 = s.c[k - 1].t1;
                c->person += 3;
            } else if (c->ti0 < c->ti1) {
                c->person += 3;
            } else if (role_before(d, c->t0, lo, &c->ti0, &c->ti1) ||
                       role_after(d, c->t1, hi, &c->ti0, &c->ti1)) {
                c->person += 2;
            }
            for (size_t i = c->ti0; i < c->ti1 && !c->gender; i++) {
                unsigned cl = kh_tok_class(d, i);
                if (cl & KH_W_MALE)
                    c->gender = 'm';
                else if (cl & KH_W_FEMALE)
                    c->gender = 'f';
            }
            context_of(d, c, lo, hi);
            /* Iraqi law, Saudi officials, Houthi spokesman: an adjective */
            if (c->t1 == c->t0 + 1 && c->ti0 == c->ti1 && c->t1 < hi &&
                lower_word(d, c->t1) && (c->adj = (uint8_t)demonym_like(
                                             d, c->t0)) != 0) {
                int nt = d->tokens[c->t1].tag;
                if (nt && nt != KH_POS_NN && nt != KH_POS_NNS &&
                    nt != KH_POS_JJ && nt != KH_POS_VBN && nt != KH_POS_VBG)
                    c->adj = 0;
            }
            /* nicknamed “Abu Taqwa”, known as X, (PMF) */
            size_t j = c->t1;
            if (j < hi && is_punct(d, j, ','))
                j++;
            int naming = 0;
            if (j < hi && tok_is(d, j, "also"))
                j++;
            if (j < hi && (kh_tok_class(d, j) & KH_W_NAMING)) {
                naming = 1;
                j++;
                if (j < hi && tok_is(d, j, "as"))
                    j++;
            } else if (c->t1 < hi && is_punct(d, c->t1, '(')) {
                naming = 2;
                j = c->t1 + 1;
            }
            if (naming && j < hi && d->tokens[j].kind == KH_TOK_QUOTE_OPEN)
                j++;
            if (naming && k + 1 < s.n && s.c[k + 1].t0 == j &&
                (naming == 1 ||
                 (s.c[k + 1].t1 < hi && is_punct(d, s.c[k + 1].t1, ')') &&
                  s.c[k + 1].t1 - s.c[k + 1].t0 <= 3)))
                s.c[k + 1].alias_of = (int32_t)k;
        }
    }
    place_lists(d, s.c, s.n);
    free(s.caps);
    *out = s.c;
    return s.n;
}
