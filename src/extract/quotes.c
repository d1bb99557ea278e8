/*
 * quotes.c - the quotes stage.  Placeholder until it lands (issue 6).
 */
#include "extract.h"

int kh_find_quotes(kh_doc *d)
{
    (void)d;
    return KH_OK;
}
