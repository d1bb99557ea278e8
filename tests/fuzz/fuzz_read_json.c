/* fuzz_read_json.c - libFuzzer harness: one JSON Lines record. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kh_error err;
    fuzz_check_doc(kh_read_json((const char *)data, size, "fuzz.jsonl", 1,
                                &err));
    return 0;
}
