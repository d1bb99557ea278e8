/*
 * fuzz_reader.c - libFuzzer harness: a whole input file through the
 * reader (format sniffing, JSON Lines splitting, line limits), with a small
 * limit so that the limit paths are reached.
 */
#include "fuzz_common.h"

#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char path[64];
    if (!path[0])
        snprintf(path, sizeof path, "/tmp/khaldun-fuzz-%d", (int)getpid());
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    const char *paths[] = {path};
    kh_read_opts o = {KH_INPUT_AUTO, 4096};
    kh_reader *r = kh_reader_open(paths, 1, &o);
    kh_doc *d;
    kh_error err;
    int rc;
    while ((rc = kh_reader_next(r, &d, &err)) != 0)
        if (rc > 0)
            fuzz_check_doc(d);
    kh_reader_close(r);
    return 0;
}
