/* fuzz_read_feed.c - libFuzzer harness: an RSS or Atom feed, each item
 * coded and checked as an article is. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int item(void *ctx, kh_doc *d, const kh_error *err)
{
    (void)ctx;
    if (!d && (!err || err->code == KH_OK))
        abort();   /* an item is a document or an error */
    fuzz_check_doc(d);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kh_error err;
    int rc = kh_read_feed((const char *)data, size, "fuzz.rss", item, NULL,
                          &err);
    if (rc != KH_OK && err.code != rc)
        abort();
    return 0;
}
