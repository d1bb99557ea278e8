/* fuzz_read_html.c - libFuzzer harness: an HTML page. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kh_error err;
    fuzz_check_doc(kh_read_html((const char *)data, size, "fuzz.html", &err));
    return 0;
}
