/*
 * validate.c - kh_validate: which suite a file is.
 */
#include "validate.h"

#include "../core/error.h"
#include "../tag/tag.h"
#include "../text/text.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int kh_vexpect_cmp(const void *a, const void *b)
{
    const kh_vexpect *x = a, *y = b;
    int c = strcmp(x->src, y->src);
    if (!c)
        c = strcmp(x->tgt, y->tgt);
    if (!c)
        c = strcmp(x->code, y->code);
    return c;
}

int kh_vroot(const char *code)
{
    if (!code || !isdigit((unsigned char)code[0]) ||
        !isdigit((unsigned char)code[1]))
        return 0;
    int r = (code[0] - '0') * 10 + (code[1] - '0');
    return r >= 1 && r <= 20 ? r : 0;
}

/* ---- scoring events ------------------------------------------------------
 *
 * Each record's expected and coded events are paired in stages, each stage
 * over every pair still free before the next begins, so that an exact
 * match is never taken by a looser one: exact; same actors and root; same
 * actors; same root and a related actor.  The stages after the first only
 * say what kind of error an unmatched event is (kh_validate_events). */

enum { PAIR_EXACT, PAIR_ROOT, PAIR_CODE, PAIR_ACTOR, NPAIR };

static int same_country(const char *a, const char *b)
{
    return strlen(a) >= 3 && strlen(b) >= 3 && strncmp(a, b, 3) == 0;
}

static int pairs(int stage, const kh_vexpect *w, const kh_vexpect *g)
{
    int actors = !strcmp(w->src, g->src) && !strcmp(w->tgt, g->tgt);
    int root = kh_vroot(w->code) == kh_vroot(g->code);
    switch (stage) {
    case PAIR_EXACT:
        return actors && !strcmp(w->code, g->code);
    case PAIR_ROOT:
        return actors && root;
    case PAIR_CODE:
        return actors;
    default:
        return root && (same_country(w->src, g->src) ||
                        same_country(w->tgt, g->tgt) ||
                        (!strcmp(w->src, g->tgt) && !strcmp(w->tgt, g->src)));
    }
}

static void add_pair(kh_validate_events *e, int stage)
{
    if (stage == PAIR_EXACT)
        e->matched++;
    else if (stage == PAIR_ROOT)
        e->root_matched++;
    else if (stage == PAIR_CODE)
        e->wrong_code++;
    else
        e->wrong_actor++;
}

void kh_vscore(kh_validate_report *rep, const kh_vexpect *want, int nw,
               const kh_vexpect *got, int ng, int partial)
{
    enum { MAX = 64 };
    nw = nw < MAX ? nw : MAX;
    ng = ng < MAX ? ng : MAX;
    char wused[MAX] = {0}, gused[MAX] = {0}, seen[21] = {0};
    kh_validate_events *all = &rep->ev, *by = rep->by_root;
    if (nw)
        all->records++;
    for (int i = 0; i < nw; i++) {
        int r = kh_vroot(want[i].code);
        if (!seen[r])
            seen[r] = 1, by[r].records++;
        all->expected++, by[r].expected++;
    }
    for (int stage = 0; stage < NPAIR; stage++)
        for (int i = 0; i < nw; i++)
            for (int j = 0; j < ng && !wused[i]; j++)
                if (!gused[j] && pairs(stage, &want[i], &got[j])) {
                    wused[i] = gused[j] = 1;
                    add_pair(all, stage);
                    add_pair(&by[kh_vroot(want[i].code)], stage);
                }
    for (int i = 0; i < nw; i++)
        if (!wused[i])
            all->missed++, by[kh_vroot(want[i].code)].missed++;
    for (int j = 0; j < ng; j++) {
        if (!gused[j] && partial)
            continue;
        int r = kh_vroot(got[j].code);
        all->coded++, by[r].coded++;
        if (!gused[j])
            all->spurious++, by[r].spurious++;
    }
}

int kh_vgot(const kh_unit *u, kh_vexpect *got, int max)
{
    int n = 0;
    for (int i = 0; i < u->nevents && n < max; i++, n++) {
        snprintf(got[n].src, sizeof got[n].src, "%s", u->events[i].source);
        snprintf(got[n].tgt, sizeof got[n].tgt, "%s", u->events[i].target);
        snprintf(got[n].code, sizeof got[n].code, "%s", u->events[i].code);
    }
    qsort(got, (size_t)n, sizeof *got, kh_vexpect_cmp);
    return n;
}

static const char *status_name(int s)
{
    switch (s) {
    case KH_UNIT_DISCARD: return "{###}";
    case KH_UNIT_STORY_DISCARD: return "{###} (story)";
    case KH_UNIT_COMPLEX: return "{+++}";
    case KH_UNIT_SHORT: return "{---} (too short)";
    default: return "";
    }
}

void kh_vdescribe(kh_buf *b, const kh_unit *u)
{
    if (u->status != KH_UNIT_CODED) {
        kh_buf_printf(b, "%s", status_name(u->status));
        if (u->why)
            kh_buf_printf(b, " (%s)", u->why);
        return;
    }
    if (!u->nevents)
        kh_buf_puts(b, "{---}");
    kh_vexpect got[64];
    int ng = kh_vgot(u, got, 64);
    for (int i = 0; i < ng; i++)
        kh_buf_printf(b, "%s{ %s / %s / %s }", i ? " " : "", got[i].src,
                      got[i].tgt, got[i].code);
}

kh_doc *kh_vcode(kh_unit *u, const kh_dict *d, const char *text,
                 int32_t date, const struct kh_tag_model *tagger)
{
    kh_doc *doc = kh_doc_new(text, strlen(text), NULL, NULL);
    kh_normalize(doc);
    kh_tokenize(doc);
    kh_split_sentences(doc);
    if (tagger)
        kh_tag_doc(tagger, doc);
    kh_code_unit(u, d, doc, 0, doc->ntokens, date);
    return doc;
}

int kh_validate(const char *path, unsigned flags, FILE *report,
                kh_validate_stats *stats, kh_error *err)
{
    kh_validate_report rep = {.out = report};
    /* The tags when the model is there; without it the suites still run
     * (as TABARI and PETRARCH's own coders would). */
    kh_tag_model *tagger = NULL;
    if (!(flags & KH_VALIDATE_NO_TAGS)) {
        char mp[4096];
        snprintf(mp, sizeof mp, "%s/%s", kh_data_dir(NULL),
                 KH_TAG_MODEL_FILE);
        if (kh_tag_model_load(mp, &tagger, NULL) != KH_OK)
            tagger = NULL;
        rep.tagger = tagger;
    }
    size_t n = strlen(path);
    int rc;
    if (n > 4 && strcasecmp(path + n - 4, ".xml") == 0)
        rc = kh_validate_petrarch(path, &rep, err);
    else
        rc = kh_validate_tabari(path, &rep, err);
    kh_tag_model_free(tagger);
    if (stats) {
        stats->records = rep.records;
        stats->passed = rep.passed;
        stats->failed = rep.failed;
        stats->dict_warnings = rep.dict_warnings;
        stats->events = rep.ev;
        memcpy(stats->by_root, rep.by_root, sizeof stats->by_root);
    }
    return rc;
}
