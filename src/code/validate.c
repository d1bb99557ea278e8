/*
 * validate.c - kh_validate: which suite a file is.
 */
#include "validate.h"

#include "../core/error.h"
#include "../tag/tag.h"
#include "../text/text.h"

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
    kh_validate_report rep = {report, NULL, 0, 0, 0, 0};
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
    }
    return rc;
}
