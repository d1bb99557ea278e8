/*
 * fuzz_petrxml.c - libFuzzer harness: PETRARCH's validation XML from
 * memory.  Whatever it returns must hold together: every record's strings
 * readable, its codings and configs inside their arrays.
 */
#include "khaldun.h"
#include "read/petrxml.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t sink;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kh_error err;
    kh_petrxml *x = kh_petrxml_parse((const char *)data, size, "fuzz.xml",
                                     NULL, NULL, &err);
    if (!x) {
        if (err.code != KH_EINPUT || err.line < 1)
            abort();
        return 0;
    }
    for (size_t i = 0; i < x->nrecords; i++) {
        const kh_petr_record *r = &x->records[i];
        sink += strlen(r->id) + strlen(r->date) + strlen(r->category) +
                strlen(r->text) + (r->error ? strlen(r->error) : 0);
        if (r->ncodings && !r->codings)
            abort();
        for (size_t k = 0; k < r->ncodings; k++)
            sink += strlen(r->codings[k].source) +
                    strlen(r->codings[k].target) +
                    strlen(r->codings[k].event);
        if (r->config_first + r->nconfig > x->nconfigs)
            abort();
    }
    for (size_t i = 0; i < x->env.ninclude; i++)
        sink += strlen(x->env.include[i]);
    kh_petrxml_free(x);
    return 0;
}
