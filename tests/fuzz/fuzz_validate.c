/*
 * fuzz_validate.c - libFuzzer harness: TABARI validation records (the
 * headers, the texts, the comment blocks with expectations and OPTION
 * lines), run against a small dictionary.
 */
#include "code/validate.h"
#include "dict/dict.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kh_dict *d = kh_dict_create();
    static const char actors[] = "ARNOR [ARN]\nGONDOR_ [GON]\n";
    static const char verbs[] = "RESTORE_ [064]\n- * TIES WITH + [065]\n";
    kh_dict_read_tabari_mem(d, actors, strlen(actors), "actors", "a", NULL,
                            NULL, NULL);
    kh_dict_read_tabari_mem(d, verbs, strlen(verbs), "verbs", "v", NULL,
                            NULL, NULL);
    kh_dict_finish(d);
    kh_validate_report rep = {0};
    kh_validate_tabari_records(d, (const char *)data, size, &rep);
    kh_dict_destroy(d);
    return 0;
}
