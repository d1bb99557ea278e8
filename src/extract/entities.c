/*
 * entities.c - the entities stage.  Placeholder until it lands (issue 6).
 */
#include "extract.h"

int kh_find_entities(const struct kh_dict *dict, kh_doc *d)
{
    (void)dict, (void)d;
    return KH_OK;
}
