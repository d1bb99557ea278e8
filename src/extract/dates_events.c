/*
 * dates_events.c - the date of each event.
 *
 * An event takes the date of the expression that governs its verb.  We
 * have no parse tree, so clauses are read off the words, in one pass over
 * the sentence, as a stack:
 *   - a quotation opens a clause that its closing mark ends;
 *   - "that", "because", "while", "if", "when" ... and a colon open a
 *     clause that runs on to the end of the one around it;
 *   - "which", "who", "whom", "whose", "where" open a relative clause that
 *     the next comma ends ("ISIS, which occupied ... in 2014, ...");
 *   - "a day after" (an expression that dates what follows it) opens a
 *     clause like a relative one when it starts its clause ("A day after
 *     the strike, the army ..."), else one that runs on;
 *   - a semicolon ends every clause and starts an independent one;
 *   - a sentence that ends in a short attribution after a comma ("...,
 *     officials said.", "..., the group said on Monday.") is read as that
 *     attribution with what comes before it as its clause.
 * The expression that governs the verb is the nearest one (in words) in
 * the verb's own clause; when that clause has none, the nearest in the
 * clause around it, and so on out: a clause with no date of its own
 * happened when its main clause did ("Al-Sudani said on Friday that the
 * coalition had ..." dates both on Friday).  A date of the main clause
 * never reaches into a clause that has its own, and a date inside a
 * clause never reaches out of it ("ISIS, which took Mosul in 2014,
 * attacked ..." does not date the attack in 2014).  A "since" date names
 * the start of a period and governs nothing, and neither does a date that
 * modifies a noun ("condemned Tuesday's attack", "the 2018 elections"):
 * it dates the noun, not the verb.  A clause that "when" opens just after
 * a date is that date's, "since" or not ("since 1939, when a quake killed
 * 33,000": the killing is of 1939).  An event that no date
 * governs keeps the date the coder gave it, the story date.
 */
#include "dates.h"
#include "../tag/tag.h"

#include <string.h>
#include <strings.h>

#define MAXT 512
#define MAXC 128

typedef struct {
    int16_t cl[MAXT];       /* clause of each token */
    int16_t par[MAXC];      /* clause around each clause, -1 */
    uint8_t closes[MAXC];   /* a comma ends it */
    uint8_t quote[MAXC];    /* a closing quotation mark ends it */
    int16_t mtok[MAXT];     /* first token of each date of the sentence */
    int16_t mlast[MAXT];
    uint8_t mnoun[MAXT];    /* the date modifies a noun */
    int16_t forced[MAXC];   /* the date a "when" clause is of, -1 */
} clauses;

static size_t tlen(const kh_token *t) { return t->end - t->start; }

/* The token of t[0..n) that holds byte offset off. */
static size_t token_at(const kh_token *t, size_t n, uint32_t off)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (t[mid].end <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n ? lo : n - 1;
}

/* A date expression that dates the clause after it: "a day after". */
static int dates_what_follows(const kh_doc *d, const kh_token *last)
{
    size_t n = tlen(last);
    const char *s = d->text + last->start;
    return (n == 5 && strncasecmp(s, "after", 5) == 0) ||
           (n == 6 && strncasecmp(s, "before", 6) == 0);
}

/* Whether x may be a word that opens a clause (that, which, who, when,
 * while, because, if, although ...): a filter before the lookup. */
static int clause_word(const kh_doc *d, const kh_token *x)
{
    size_t n = tlen(x);
    char c = (char)(d->text[x->start] | 0x20);
    return n >= 2 && n <= 8 &&
           (c == 't' || c == 'w' || c == 'b' || c == 'a' || c == 'i' ||
            c == 'u');
}

/* A verb of saying: said, added, told, warned ... by its lemma (a switch
 * on the first letter: this runs on the last words of every sentence
 * with a date and an event), else by the word as written. */
static int says(const kh_doc *d, size_t tok)
{
    const char *l = d->lemma ? d->lemma[tok] : NULL;
    if (l) {
        static const char *const by_letter[26] = {
            ['a' - 'a'] = "add", ['c' - 'a'] = "claim confirm",
            ['d' - 'a'] = "declare", ['e' - 'a'] = "explain",
            ['i' - 'a'] = "indicate insist", ['n' - 'a'] = "note",
            ['r' - 'a'] = "report", ['s' - 'a'] = "say state stress show",
            ['t' - 'a'] = "tell", ['w' - 'a'] = "warn write"};
        if (l[0] < 'a' || l[0] > 'z' || !by_letter[l[0] - 'a'])
            return 0;
        size_t n = strlen(l);
        for (const char *p = by_letter[l[0] - 'a']; *p;) {
            const char *e = strchr(p, ' ');
            size_t k = e ? (size_t)(e - p) : strlen(p);
            if (k == n && memcmp(p, l, n) == 0)
                return 1;
            p += k + (e != NULL);
        }
        return 0;
    }
    static const char *const w[] = {
        "said", "says", "added", "told", "stated", "reported", "announced",
        "confirmed", "warned", "explained", "noted", "stressed", "claimed",
        "insisted", "wrote", "declared", "indicated", "showed"};
    const kh_token *x = &d->tokens[tok];
    for (size_t i = 0; i < sizeof w / sizeof *w; i++) {
        size_t n = strlen(w[i]);
        if (tlen(x) == n && strncasecmp(d->text + x->start, w[i], n) == 0)
            return 1;
    }
    return 0;
}

/* Where the words before a closing attribution end: the last comma when
 * after it come at most eight words with a verb of saying and nothing that
 * opens a clause ("..., a security source said."); else 0. */
static size_t attribution(const kh_doc *d, const kh_token *t, size_t n)
{
    size_t e = n;
    while (e > 0 && (t[e - 1].kind == KH_TOK_PUNCT ||
                     t[e - 1].kind == KH_TOK_QUOTE_CLOSE))
        e--;
    int verb = 0;
    for (size_t i = e; i-- > 0 && e - i <= 9;) {
        const kh_token *x = &t[i];
        if (x->kind == KH_TOK_PUNCT && tlen(x) == 1 &&
            d->text[x->start] == ',')
            return verb && i > 0 && e - i >= 3 ? i : 0;
        if (x->kind != KH_TOK_WORD && x->kind != KH_TOK_ABBREV)
            return 0;
        int val, w = clause_word(d, x)
                         ? kh_dates_word(d->text + x->start, tlen(x), &val)
                         : DW_NONE;
        if (w == DW_SUB || w == DW_REL || w == DW_THAT)
            return 0;
        if ((!x->tag || kh_pos_is_verb(x->tag)) &&
            says(d, (size_t)(x - d->tokens)))
            verb = 1;
    }
    return 0;
}

static void segment(const kh_doc *d, const kh_token *t, size_t n,
                    const kh_date_mention *m, size_t nm, clauses *c)
{
    int16_t stack[MAXC];
    int depth = 0, nc = 1;
    stack[0] = 0;
    c->par[0] = -1;
    c->closes[0] = c->quote[0] = 0;
    c->forced[0] = -1;
    size_t k = 0;   /* next date of the sentence */
    long prev_end = -2, prev = -1;   /* the last date passed: end token */
    size_t head = attribution(d, t, n);
    if (head) {   /* the words before the attribution: its clause */
        c->par[1] = 0;
        c->closes[1] = c->quote[1] = 0;
        c->forced[1] = -1;
        stack[++depth] = (int16_t)nc++;
    }
    for (size_t i = 0; i < n; i++) {
        const kh_token *x = &t[i];
        int open = 0, rel = 0, quote = 0;
        int val, w = DW_NONE;
        if (head && i == head) {
            depth = 0;   /* the attribution: back in the sentence's clause */
            c->cl[i] = 0;
            continue;
        }
        if (x->kind == KH_TOK_WORD && clause_word(d, x))
            w = kh_dates_word(d->text + x->start, tlen(x), &val);
        int starts_date = k < nm && m[k].start == x->start;
        int when = w == DW_SUB && tlen(x) == 4 &&
                   strncasecmp(d->text + x->start, "when", 4) == 0 &&
                   (prev_end == (long)i - 1 ||
                    (prev_end == (long)i - 2 && t[i - 1].kind == KH_TOK_PUNCT));
        if (starts_date) {
            size_t last = token_at(t, n, m[k].end - 1);
            prev_end = (long)last;
            prev = (long)k;
            if (dates_what_follows(d, &t[last])) {
                open = 1;
                rel = i == 0 || t[i - 1].kind == KH_TOK_PUNCT ||
                      t[i - 1].kind == KH_TOK_QUOTE_OPEN;
            }
            k++;
        }
        if (x->kind == KH_TOK_QUOTE_OPEN) {
            open = quote = 1;
        } else if (x->kind == KH_TOK_QUOTE_CLOSE) {
            c->cl[i] = stack[depth];
            for (int j = depth; j > 0; j--)
                if (c->quote[stack[j]]) {
                    depth = j - 1;
                    break;
                }
            continue;
        } else if (x->kind == KH_TOK_PUNCT && tlen(x) == 1) {
            char ch = d->text[x->start];
            if (ch == ';' && nc < MAXC) {
                c->par[nc] = -1;
                c->closes[nc] = c->quote[nc] = 0;
                c->forced[nc] = -1;
                depth = 0;
                stack[0] = (int16_t)nc++;
            } else if (ch == ',') {
                c->cl[i] = stack[depth];
                while (depth > 0 && c->closes[stack[depth]])
                    depth--;
                continue;
            } else if (ch == ':') {
                open = 1;
            }
        } else if (w == DW_REL) {
            open = rel = 1;
        } else if (w == DW_SUB || (w == DW_THAT && x->tag != KH_POS_DT)) {
            open = 1;
        }
        if (open && nc < MAXC && depth + 1 < MAXC) {
            c->par[nc] = stack[depth];
            c->closes[nc] = (uint8_t)rel;
            c->quote[nc] = (uint8_t)quote;
            c->forced[nc] = (int16_t)(when ? prev : -1);
            stack[++depth] = (int16_t)nc++;
        }
        c->cl[i] = stack[depth];
    }
}

/* The dates of sentence s, [*mi, *mj) in doc->dates, and the clauses of
 * the sentence; 0 when it has no date. */
static int prepare(const kh_doc *d, size_t s, clauses *c, size_t *mi,
                   size_t *nm, const kh_token **tp, size_t *np)
{
    size_t lo = 0, hi = d->ndates;   /* the sentence's first date */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->dates[mid].sentence < s)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t mj = lo;
    while (mj < d->ndates && d->dates[mj].sentence == s)
        mj++;
    if (mj == lo || s >= d->nsents)
        return 0;
    const kh_sentence *st = &d->sents[s];
    const kh_token *t = d->tokens + st->tok_first;
    size_t n = st->tok_end - st->tok_first;
    if (n > MAXT)
        n = MAXT;
    *nm = mj - lo < MAXT ? mj - lo : MAXT;
    *mi = lo;
    segment(d, t, n, d->dates + lo, *nm, c);
    for (size_t k = 0; k < *nm; k++) {
        c->mtok[k] = (int16_t)token_at(t, n, d->dates[lo + k].start);
        c->mlast[k] = (int16_t)token_at(t, n, d->dates[lo + k].end - 1);
        size_t nx = (size_t)c->mlast[k] + 1;
        c->mnoun[k] = nx < n && (t[nx].tag == KH_POS_POS ||
                                 (c->mtok[k] == c->mlast[k] &&
                                  t[c->mtok[k]].kind == KH_TOK_NUMBER &&
                                  kh_pos_is_noun(t[nx].tag)));
    }
    *tp = t;
    *np = n;
    return 1;
}

/* The date that governs token v of the sentence (the rule at the top of
 * the file): its index in doc->dates, or -1. */
static long govern(const kh_doc *d, const clauses *c, size_t mi, size_t nm,
                   long v)
{
    long best = -1, bd = 0;
    for (int cl = c->cl[v]; cl >= 0 && best < 0; cl = c->par[cl]) {
        for (size_t k = 0; k < nm; k++) {
            if (d->dates[mi + k].since || c->mnoun[k] ||
                c->cl[c->mtok[k]] != cl)
                continue;
            long dist = v < c->mtok[k] ? c->mtok[k] - v
                        : v > c->mlast[k] ? v - c->mlast[k] : 0;
            if (best < 0 || dist < bd)
                best = (long)k, bd = dist;
        }
        if (best < 0 && c->forced[cl] >= 0)
            best = c->forced[cl];
    }
    return best < 0 ? -1 : (long)mi + best;
}

long kh_date_of_token(const kh_doc *d, size_t tok)
{
    clauses c;
    size_t lo = 0, hi = d->nsents;
    while (lo < hi) {   /* the sentence of the token */
        size_t mid = (lo + hi) / 2;
        if (d->sents[mid].tok_end <= tok)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t mi, nm, n;
    const kh_token *t;
    if (lo >= d->nsents || tok < d->sents[lo].tok_first ||
        !prepare(d, lo, &c, &mi, &nm, &t, &n))
        return -1;
    size_t v = tok - d->sents[lo].tok_first;
    return v < n ? govern(d, &c, mi, nm, (long)v) : -1;
}

void kh_date_events(kh_doc *d)
{
    clauses cbuf;   /* about 4 kB */
    for (size_t i = 0; i < d->nevents;) {
        uint32_t s = d->events[i].sentence;
        size_t j = i;
        while (j < d->nevents && d->events[j].sentence == s)
            j++;
        size_t mi, nm, n;
        const kh_token *t;
        if (!prepare(d, s, &cbuf, &mi, &nm, &t, &n)) {
            i = j;
            continue;   /* no date in the sentence: the coder's stands */
        }
        for (size_t e = i; e < j; e++) {
            kh_event *ev = &d->events[e];
            long k = govern(d, &cbuf, mi, nm,
                            (long)token_at(t, n, ev->verb_start));
            if (k >= 0) {
                kh_date_format(&d->dates[k], ev->date, sizeof ev->date);
                ev->date_ref = (int32_t)k;
            }
        }
        i = j;
    }
}
