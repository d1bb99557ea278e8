/*
 * fuzz_dict_tabari.c - libFuzzer harness: TABARI dictionary files.
 *
 * The first byte picks the kind (actors, agents, verbs, options); the rest
 * is the file.  The dictionary is finished and one sentence is coded with
 * it, so that whatever the reader accepts, the coder survives.
 */
#include "code/code.h"
#include "dict/dict.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const kinds[] = {"actors", "agents", "verbs",
                                        "options"};
    if (size < 1)
        return 0;
    kh_dict *d = kh_dict_create();
    /* a few real entries, so that what the input adds meets them */
    static const char base_actors[] = "ARNOR [ARN]\nGONDOR_ [GON]\n";
    static const char base_verbs[] = "ATTACK [190]\n- * WITH + [193]\n";
    kh_dict_read_tabari_mem(d, base_actors, strlen(base_actors), "actors",
                            "base", NULL, NULL, NULL);
    kh_dict_read_tabari_mem(d, base_verbs, strlen(base_verbs), "verbs",
                            "base", NULL, NULL, NULL);
    kh_dict_read_tabari_mem(d, (const char *)data + 1, size - 1,
                            kinds[data[0] % 4], "fuzz", NULL, NULL, NULL);
    kh_dict_finish(d);
    static const char s[] = "Arnor and Gondor said on Friday that Arnor "
                            "attacked Gondor with rockets, officials said.";
    kh_doc *doc = kh_doc_new(s, sizeof s - 1, NULL, NULL);
    kh_normalize(doc);
    kh_tokenize(doc);
    kh_split_sentences(doc);
    kh_unit *u = calloc(1, sizeof *u);
    kh_code_unit(u, d, doc, 0, doc->ntokens, 20240101);
    free(u);
    kh_doc_free(doc);
    kh_dict_destroy(d);
    return 0;
}
