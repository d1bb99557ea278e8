/* pipeline.h - what a pipeline holds (see pipeline.c). */
#ifndef KH_PIPELINE_H
#define KH_PIPELINE_H

#include "khaldun.h"

struct kh_pipeline {
    unsigned stages;
    char default_date[11];
    struct kh_tag_model *tagger;   /* KH_STAGE_TAG: the model, owned */
    struct kh_dict *dict;          /* KH_STAGE_EVENTS: the dictionaries */
    int own_dict;                  /* loaded here, so freed here */
    struct kh_gazetteer *gaz;      /* KH_STAGE_PLACES: owned */
};

#endif
