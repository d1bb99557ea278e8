/*
 * pipeline.c - runs the stages in order on a document.
 *
 * The pipeline goes one way (DESIGN.md): each stage reads what the earlier
 * ones wrote into the document and adds its own annotations.  A pipeline
 * holds what is loaded once and shared, read-only, by every document:
 * options now, dictionaries and models as their stages land.
 */
#include "pipeline.h"

#include "../code/code.h"
#include "../dict/dict.h"
#include "../extract/extract.h"
#include "../tag/tag.h"
#include "../text/text.h"
#include "arena.h"
#include "doc.h"
#include "error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    DONE_TEXT = 1, DONE_DATES = 2, DONE_TAG = 4, DONE_EVENTS = 8,
    DONE_PLACES = 16, DONE_QUOTES = 32, DONE_ENTITIES = 64,
};

/* Where the bundled dictionaries are: $KHALDUN_DICT, else the tree the
 * library was built in. */
static const char *dict_default(void)
{
    const char *env = getenv("KHALDUN_DICT");
    if (env && *env)
        return env;
#ifdef KH_DICT_PATH
    return KH_DICT_PATH;
#else
    return "data/dict/khaldun.project";
#endif
}

kh_pipeline *kh_pipeline_new(const kh_pipeline_opts *opts, kh_error *err)
{
    char date[11] = "";
    if (opts && opts->default_date && !kh_parse_iso_date(opts->default_date,
                                                          date)) {
        kh_fail(err, KH_EUSAGE, NULL, 0, 0,
                "default date \"%.40s\" is not YYYY-MM-DD or YYYYMMDD",
                opts->default_date);
        return NULL;
    }
    kh_pipeline *p = kh_xcalloc(1, sizeof *p);
    p->stages = opts && opts->stages ? opts->stages : KH_STAGE_ALL;
    memcpy(p->default_date, date, sizeof date);
    if (p->stages & KH_STAGE_TAG) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s",
                 kh_data_dir(opts ? opts->data_dir : NULL), KH_TAG_MODEL_FILE);
        if (kh_tag_model_load(path, &p->tagger, err) != KH_OK) {
            free(p);
            return NULL;
        }
    }
    if ((p->stages & KH_STAGE_PLACES) &&
        kh_gaz_load(kh_data_dir(opts ? opts->data_dir : NULL), &p->gaz,
                    err) != KH_OK) {
        kh_pipeline_free(p);
        return NULL;
    }
    if (p->stages & KH_STAGE_EVENTS) {
        if (opts && opts->dict) {
            p->dict = (kh_dict *)opts->dict;
        } else {
            const char *path = opts && opts->dict_path ? opts->dict_path
                                                       : dict_default();
            p->dict = kh_dict_load(path, opts ? opts->dict_warn : NULL,
                                   opts ? opts->dict_warn_ctx : NULL, err);
            if (!p->dict) {
                kh_pipeline_free(p);
                return NULL;
            }
            p->own_dict = 1;
        }
    }
    return p;
}

void kh_pipeline_free(kh_pipeline *p)
{
    if (!p)
        return;
    kh_tag_model_free(p->tagger);
    kh_gaz_free(p->gaz);
    if (p->own_dict)
        kh_dict_free(p->dict);
    free(p);
}

int kh_process(const kh_pipeline *p, kh_doc *doc, kh_error *err)
{
    if (!p || !doc)
        return kh_fail(err, KH_EUSAGE, NULL, 0, 0, "no pipeline or document");
    if (doc->stages_done)
        return kh_fail(err, KH_EUSAGE, doc->origin, 0, 0,
                       "document already processed");
    if (doc->input_len > UINT32_MAX - 16)
        return kh_fail(err, KH_ELIMIT, doc->origin, 0, 0,
                       "article of %zu bytes is over the 4 GiB offset limit",
                       doc->input_len);
    kh_normalize(doc);
    kh_tokenize(doc);
    kh_split_sentences(doc);
    doc->stages_done |= DONE_TEXT;
    if (p->tagger) {
        kh_tag_doc(p->tagger, doc);
        doc->stages_done |= DONE_TAG;
    }
    if (p->stages & KH_STAGE_DATES) {
        kh_find_dates(doc);
        doc->stages_done |= DONE_DATES;
    }
    kh_choose_story_date(doc, p->default_date[0] ? p->default_date : NULL);
    if (p->stages & KH_STAGE_DATES)
        kh_resolve_dates(doc);
    if (p->dict) {
        kh_code_doc(p->dict, doc);
        doc->stages_done |= DONE_EVENTS;
    }
    /* The whole-article stages read the events and give each its place,
     * quote and date (DESIGN.md: dates, places, quotes, entities). */
    if (p->gaz) {
        kh_find_places(p->gaz, doc);
        doc->stages_done |= DONE_PLACES;
    }
    /* entities and quotes ask for the same words and quotation marks:
     * one cache of them for both (extract.h) */
    kh_word_cache_begin(doc);
    if (p->stages & KH_STAGE_ENTITIES) {
        kh_find_entities(p->dict, doc);
        doc->stages_done |= DONE_ENTITIES;
    }
    if (p->stages & KH_STAGE_QUOTES) {
        kh_find_quotes(p->dict, doc);
        doc->stages_done |= DONE_QUOTES;
    }
    kh_word_cache_end();
    if (p->stages & KH_STAGE_DATES)
        kh_date_events(doc);
    return KH_OK;
}
