/*
 * places.c - the places stage: gazetteer and mentions.
 *
 * Placeholder until the gazetteer lands (issue 6): loads an empty
 * gazetteer and finds no places.
 */
#include "extract.h"

#include "../core/error.h"

#include <stdlib.h>

struct kh_gazetteer {
    size_t nplaces;
};

int kh_gaz_load(const char *data_dir, kh_gazetteer **out, kh_error *err)
{
    (void)data_dir, (void)err;
    *out = kh_xcalloc(1, sizeof **out);
    return KH_OK;
}

void kh_gaz_free(kh_gazetteer *g)
{
    free(g);
}

int kh_find_places(const kh_gazetteer *g, kh_doc *d)
{
    (void)g, (void)d;
    return KH_OK;
}
