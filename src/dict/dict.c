/*
 * dict.c - the compiled dictionary: storage, interning, codes, indexes.
 *
 * Readers add entries in file order; kh_dict_finish builds what matching
 * needs: for each first word, its roots longest first; each verb's
 * patterns longest first; and which prefix lengths have stems, so that a
 * text word looks up only the prefixes that can match.
 */
#include "dict.h"

#include "../core/arena.h"
#include "../core/intern.h"
#include "../text/text.h"

#include <stdlib.h>
#include <string.h>

struct kh_dict_impl {
    kh_intern words;        /* folded words */
    kh_intern strs;         /* codes, names, files */
    /* first word id -> roots, longest first: offsets into index */
    uint32_t *first_at;     /* nwords + 1 offsets */
    uint32_t *index;
    size_t nindexed_words;
    uint8_t stem_len[64];   /* a stem root's first word has this length */
};

/* Grows array *p (element size sz) to hold one more; returns its index. */
static uint32_t push(void **p, size_t *n, size_t *cap, size_t sz,
                     const void *elem)
{
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 64;
        *p = kh_xrealloc(*p, *cap * sz);
    }
    memcpy((char *)*p + *n * sz, elem, sz);
    return (uint32_t)(*n)++;
}

#define PUSH(d, field, elem)                                                  \
    push((void **)&(d)->field, &(d)->n##field, &(d)->cap_##field,            \
         sizeof *(d)->field, (elem))

void kh_options_init(kh_options *o)
{
    memset(o, 0, sizeof *o);
    o->code_by = KH_CODE_BY_CLAUSE;
    o->comma_on = 1;
    o->comma_min = 2, o->comma_max = 10;
    o->comma_bmin = 128, o->comma_bmax = 0;   /* never at the beginning */
    o->comma_emin = 2, o->comma_emax = 10;
    o->min_words = 8;
    o->time_shift = -1;
    o->default_source = o->default_target = KH_NONE;
    o->require_dyad = 1;
    o->use_tags = -1;
}

void kh_options_petrarch(kh_options *o)
{
    kh_options_init(o);
    o->min_words = 0;
    o->comma_min = 2, o->comma_max = 8;
    o->comma_bmin = 0, o->comma_bmax = 0;
    o->comma_emin = 2, o->comma_emax = 8;
}

kh_dict *kh_dict_create(void)
{
    kh_dict *d = kh_xcalloc(1, sizeof *d);
    d->impl = kh_xcalloc(1, sizeof *d->impl);
    kh_intern_init(&d->impl->words);
    kh_intern_init(&d->impl->strs);
    kh_options_init(&d->options);
    /* Index 0 of the alternative spans is never a real phrase. */
    return d;
}

void kh_dict_destroy(kh_dict *d)
{
    if (!d)
        return;
    kh_intern_free(&d->impl->words);
    kh_intern_free(&d->impl->strs);
    free(d->impl->first_at);
    free(d->impl->index);
    free(d->impl);
    free(d->pels);
    free(d->alt_spans);
    free(d->alts);
    free(d->alt_keys);
    free(d->alt_others);
    free(d->roots);
    free(d->actors);
    free(d->dcodes);
    free(d->agents);
    free(d->verbs);
    free(d->patterns);
    free(d->times);
    free(d);
}

uint32_t kh_dict_word(kh_dict *d, const char *s, size_t n)
{
    char buf[256];
    size_t m = kh_fold_word(s, n, buf, sizeof buf);
    if (m > sizeof buf)
        m = sizeof buf;
    return kh_intern_put(&d->impl->words, buf, m);
}

uint32_t kh_dict_word_find(const kh_dict *d, const char *s, size_t n)
{
    return kh_intern_get(&d->impl->words, s, n);
}

const char *kh_dict_word_text(const kh_dict *d, uint32_t id, size_t *len)
{
    return kh_intern_str(&d->impl->words, id, len);
}

uint32_t kh_dict_str(kh_dict *d, const char *s, size_t n)
{
    return kh_intern_put(&d->impl->strs, s, n);
}

const char *kh_dict_str_text(const kh_dict *d, uint32_t id)
{
    return id == KH_NONE ? "" : kh_intern_str(&d->impl->strs, id, NULL);
}

uint32_t kh_dict_add_pel(kh_dict *d, kh_pel p) { return PUSH(d, pels, &p); }
uint32_t kh_dict_add_root(kh_dict *d, const kh_root *r)
{
    return PUSH(d, roots, r);
}
uint32_t kh_dict_add_actor(kh_dict *d, const kh_actor *a)
{
    return PUSH(d, actors, a);
}
uint32_t kh_dict_add_dcode(kh_dict *d, kh_dcode c)
{
    return PUSH(d, dcodes, &c);
}
uint32_t kh_dict_add_agent(kh_dict *d, const kh_agent *a)
{
    return PUSH(d, agents, a);
}
uint32_t kh_dict_add_verb(kh_dict *d, const kh_verb *v)
{
    return PUSH(d, verbs, v);
}
uint32_t kh_dict_add_pattern(kh_dict *d, const kh_pattern *p)
{
    return PUSH(d, patterns, p);
}
uint32_t kh_dict_add_time(kh_dict *d, const kh_time *t)
{
    return PUSH(d, times, t);
}

uint32_t kh_dict_add_alt(kh_dict *d, uint32_t name)
{
    kh_alt a = {name, 0, 0};
    return PUSH(d, alts, &a);
}

/* Phrases of a group are kept contiguous: a group is filled completely
 * before the next is started, except synsets, which may be extended
 * later; then the group's spans move to the end. */
void kh_dict_alt_add(kh_dict *d, uint32_t a, kh_span phrase)
{
    kh_alt *g = &d->alts[a];
    if (g->n && g->first + g->n != d->nalt_spans) {
        uint32_t first = (uint32_t)d->nalt_spans;
        for (uint32_t i = 0; i < g->n; i++) {
            kh_span s = d->alt_spans[g->first + i];
            PUSH(d, alt_spans, &s);
        }
        g = &d->alts[a];
        g->first = first;
    }
    if (!g->n)
        g->first = (uint32_t)d->nalt_spans;
    PUSH(d, alt_spans, &phrase);
    d->alts[a].n++;
}

uint32_t kh_dict_synset(const kh_dict *d, const char *name, size_t n)
{
    uint32_t id = kh_intern_get(&d->impl->strs, name, n);
    if (id == KH_NONE)
        return KH_NONE;
    for (size_t i = d->nalts; i-- > 0;)
        if (d->alts[i].name == id)
            return (uint32_t)i;
    return KH_NONE;
}

int kh_dict_parse_ecode(kh_dict *d, const char *s, size_t n, kh_ecode *out)
{
    out->code = out->code2 = KH_NONE;
    out->flags = 0;
    while (n && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    /* "- - -" is written with blanks in some files */
    char buf[64];
    size_t m = 0;
    for (size_t i = 0; i < n && m < sizeof buf - 1; i++)
        if (s[i] != ' ')
            buf[m++] = s[i];
    buf[m] = '\0';
    if (m == 0)
        return 0;
    if (strcmp(buf, "---") == 0) {
        out->flags = KH_EC_NULL;
        return 1;
    }
    if (strcmp(buf, "###") == 0) {
        out->flags = KH_EC_DISCARD;
        return 1;
    }
    if (strcmp(buf, "+++") == 0) {
        out->flags = KH_EC_COMPLEX;
        return 1;
    }
    if (buf[m - 1] == '?')
        out->flags |= KH_EC_SUBORD, buf[--m] = '\0';
    else if (buf[m - 1] == '!')
        out->flags |= KH_EC_DOMINANT, buf[--m] = '\0';
    char *colon = strchr(buf, ':');
    size_t n1 = colon ? (size_t)(colon - buf) : m;
    for (size_t i = 0; i < m; i++)
        if (!(buf[i] == ':' || (buf[i] >= '0' && buf[i] <= '9') ||
              (buf[i] >= 'A' && buf[i] <= 'Z') ||
              (buf[i] >= 'a' && buf[i] <= 'z') || buf[i] == '-'))
            return 0;
    if (n1 == 0)
        return 0;
    out->code = kh_dict_str(d, buf, n1);
    if (colon) {
        if (strchr(colon + 1, ':') || !colon[1])
            return 0;
        out->code2 = kh_dict_str(d, colon + 1, strlen(colon + 1));
        out->flags |= KH_EC_PAIRED;
    }
    return 1;
}

uint32_t kh_dict_actor_code(const kh_dict *d, const kh_actor *a, int32_t date)
{
    uint32_t dflt = KH_NONE;
    for (uint32_t i = 0; i < a->ncodes; i++) {
        const kh_dcode *c = &d->dcodes[a->codes_first + i];
        if (c->from == 0 && c->to == 99999999) {
            if (dflt == KH_NONE)
                dflt = c->code;
            continue;
        }
        if (date >= c->from && date <= c->to)
            return c->code;
    }
    return dflt;
}

/* ---- indexes ------------------------------------------------------------ */

static int cmp_len_desc(const void *a, const void *b, void *ctx)
{
    const kh_dict *d = ctx;
    const kh_root *x = &d->roots[*(const uint32_t *)a];
    const kh_root *y = &d->roots[*(const uint32_t *)b];
    if (x->length != y->length)
        return x->length > y->length ? -1 : 1;
    /* equal lengths: the one read first wins, as in TABARI */
    return *(const uint32_t *)a < *(const uint32_t *)b ? -1 : 1;
}

static int cmp_pat_desc(const void *a, const void *b)
{
    const kh_pattern *x = a, *y = b;
    if (x->length != y->length)
        return x->length > y->length ? -1 : 1;
    return x->line < y->line ? -1 : x->line > y->line;
}

/* The exact words a pattern needs, for the coder's quick rejection; and
 * up to two groups of alternatives whose every phrase starts with an
 * exact word (after index_alts), one of which the sentence must hold. */
static void needs(kh_dict *d, kh_pattern *pt)
{
    pt->nneed = 0;
    pt->need_alt[0] = pt->need_alt[1] = KH_NONE;
    for (uint32_t i = 0, k = 0; i < pt->pels.n && k < 2; i++) {
        const kh_pel *e = &d->pels[pt->pels.first + i];
        if ((e->type == KH_PEL_ALT || e->type == KH_PEL_SYNSET) &&
            d->alts[e->arg].nkeys && !d->alts[e->arg].nothers)
            pt->need_alt[k++] = e->arg;
    }
    for (uint32_t i = 0; i < pt->pels.n && pt->nneed < 4; i++) {
        const kh_pel *e = &d->pels[pt->pels.first + i];
        if (e->type == KH_PEL_WORD &&
            (e->match == KH_MATCH_EXACT || e->match == KH_MATCH_FORM))
            pt->need[pt->nneed++] = e->arg;
    }
}

static int cmp_alt_key(const void *a, const void *b)
{
    const kh_alt_key *x = a, *y = b;
    if (x->word != y->word)
        return x->word < y->word ? -1 : 1;
    return x->phrase < y->phrase ? -1 : x->phrase > y->phrase;
}

/* Indexes each group's phrases by their first exact word. */
static void index_alts(kh_dict *d)
{
    d->nalt_keys = d->nalt_others = 0;
    for (size_t g = 0; g < d->nalts; g++) {
        kh_alt *a = &d->alts[g];
        a->keys_first = (uint32_t)d->nalt_keys;
        a->others_first = (uint32_t)d->nalt_others;
        for (uint32_t k = 0; k < a->n; k++) {
            kh_span sp = d->alt_spans[a->first + k];
            const kh_pel *e = sp.n ? &d->pels[sp.first] : NULL;
            if (e && e->type == KH_PEL_WORD &&
                (e->match == KH_MATCH_EXACT || e->match == KH_MATCH_FORM)) {
                kh_alt_key key = {e->arg, k};
                PUSH(d, alt_keys, &key);
            } else {
                PUSH(d, alt_others, &k);
            }
        }
        a->nkeys = (uint32_t)d->nalt_keys - a->keys_first;
        a->nothers = (uint32_t)d->nalt_others - a->others_first;
        if (a->nkeys > 1)
            qsort(d->alt_keys + a->keys_first, a->nkeys, sizeof *d->alt_keys,
                  cmp_alt_key);
    }
}

/* The function words, in the order of enum kh_fword (classify.c). */
static const char *const function_words[] = {
    "THE", "A", "AN", "WAS", "WERE", "BEEN", "BY", "HE", "SHE", "IT",
    "THEY", "THEM", "THEIR", "ITS", "HIS", "HER", "HIM", "AND", "BUT", "OR",
    "NOR", "OF", "IN", "FORMER"};

static int cmp_owner(const void *a, const void *b)
{
    const kh_pattern *x = a, *y = b;
    if (x->owner != y->owner)
        return x->owner < y->owner ? -1 : 1;
    /* the order read: file, then line (file ids grow with the files) */
    if (x->file != y->file)
        return x->file < y->file ? -1 : 1;
    return x->line < y->line ? -1 : x->line > y->line;
}

/* A verb written again in a later file added patterns away from its
 * first ones: puts each verb's (and time phrase's) patterns together. */
static void gather_patterns(kh_dict *d)
{
    qsort(d->patterns, d->npatterns, sizeof *d->patterns, cmp_owner);
    for (size_t v = 0; v < d->nverbs; v++)
        d->verbs[v].npatterns = 0;
    for (size_t t = 0; t < d->ntimes; t++)
        d->times[t].npatterns = 0;
    for (size_t i = 0; i < d->npatterns; i++) {
        uint32_t o = d->patterns[i].owner;
        uint32_t *first, *n;
        if (o & KH_OWNER_TIME) {
            if ((o & ~KH_OWNER_TIME) >= d->ntimes)
                continue;
            first = &d->times[o & ~KH_OWNER_TIME].patterns_first;
            n = &d->times[o & ~KH_OWNER_TIME].npatterns;
        } else {
            if (o >= d->nverbs)
                continue;
            first = &d->verbs[o].patterns_first;
            n = &d->verbs[o].npatterns;
        }
        if (!*n)
            *first = (uint32_t)i;
        (*n)++;
    }
    d->scattered = 0;
}

void kh_dict_finish(kh_dict *d)
{
    if (d->scattered)
        gather_patterns(d);
    d->grievance = kh_dict_synset(d, "&GRIEVANCE", 10);
    d->nfw = (int)(sizeof function_words / sizeof *function_words);
    for (int i = 0; i < d->nfw; i++)
        d->fw[i] = kh_dict_word(d, function_words[i],
                                strlen(function_words[i]));
    index_alts(d);
    for (size_t i = 0; i < d->npatterns; i++)
        needs(d, &d->patterns[i]);
    kh_dict_impl *im = d->impl;
    size_t nw = im->words.n;
    free(im->first_at);
    free(im->index);
    im->first_at = kh_xcalloc(nw + 1, sizeof *im->first_at);
    memset(im->stem_len, 0, sizeof im->stem_len);
    for (size_t i = 0; i < d->nroots; i++) {
        const kh_root *r = &d->roots[i];
        if (!r->words.n)
            continue;
        const kh_pel *p = &d->pels[r->words.first];
        im->first_at[p->arg + 1]++;
        if (p->match == KH_MATCH_STEM) {
            size_t len;
            kh_dict_word_text(d, p->arg, &len);
            im->stem_len[len < 63 ? len : 63] = 1;
        }
    }
    for (size_t w = 0; w < nw; w++)
        im->first_at[w + 1] += im->first_at[w];
    im->index = kh_xmalloc((im->first_at[nw] + 1) * sizeof *im->index);
    uint32_t *fill = kh_xcalloc(nw + 1, sizeof *fill);
    for (size_t i = 0; i < d->nroots; i++) {
        const kh_root *r = &d->roots[i];
        if (!r->words.n)
            continue;
        uint32_t w = d->pels[r->words.first].arg;
        im->index[im->first_at[w] + fill[w]++] = (uint32_t)i;
    }
    free(fill);
    for (size_t w = 0; w < nw; w++) {
        uint32_t a = im->first_at[w], b = im->first_at[w + 1];
        if (b - a > 1)
            qsort_r(im->index + a, b - a, sizeof *im->index, cmp_len_desc,
                    d);
    }
    for (size_t v = 0; v < d->nverbs; v++) {
        kh_verb *vb = &d->verbs[v];
        if (vb->npatterns > 1)
            qsort(d->patterns + vb->patterns_first, vb->npatterns,
                  sizeof *d->patterns, cmp_pat_desc);
    }
    for (size_t t = 0; t < d->ntimes; t++) {
        kh_time *tm = &d->times[t];
        if (tm->npatterns > 1)
            qsort(d->patterns + tm->patterns_first, tm->npatterns,
                  sizeof *d->patterns, cmp_pat_desc);
    }
    im->nindexed_words = nw;
}

const uint32_t *kh_dict_roots_of(const kh_dict *d, uint32_t w, size_t *n)
{
    const kh_dict_impl *im = d->impl;
    if (w == KH_NONE || w >= im->nindexed_words) {
        *n = 0;
        return NULL;
    }
    *n = im->first_at[w + 1] - im->first_at[w];
    return im->index + im->first_at[w];
}

int kh_dict_has_stem_len(const kh_dict *d, size_t k)
{
    return d->impl->stem_len[k < 63 ? k : 63];
}
