/* fuzz_read_text.c - libFuzzer harness: a plain-text article file. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kh_error err;
    fuzz_check_doc(kh_read_text((const char *)data, size, "fuzz.txt", &err));
    return 0;
}
