/*
 * fuzz_model.c - libFuzzer harness: the tagger's model loader.
 *
 * A model that loads is trusted by the tagger and the lemmatiser (probe
 * loops, row indexes, string offsets), so whatever loads must be safe to
 * use: each input that loads is used to tag a sentence and lemmatise a
 * few words.  Random bytes rarely get past the magic number, so half the
 * inputs are a small valid model (built here) with bytes of it changed by
 * the input: (3-byte offset, xor mask) pairs.  The checksum is not
 * verified (it would refuse nearly every changed model before the checks
 * behind it), except for one input in eight.
 */
#include "tag/model.h"
#include "tag/tag.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint8_t *tiny;
static size_t tiny_n;

static void build_tiny(void)
{
    static const uint64_t fkeys[] = {11, 22, 33, 0x123456789abcdef0ull};
    static const uint32_t frows[] = {
        0 << 6 | 2, 2 << 6 | 1, 0 << 6 | KH_ROW_DENSE, 3 << 6 | 1};
    static const uint32_t entries[] = {
        KH_ENTRY(KH_POS_NN, 100), KH_ENTRY(KH_POS_VB, -50),
        KH_ENTRY(KH_POS_DT, 7), KH_ENTRY(KH_POS_NNP, 3)};
    static int16_t dense[KH_POS_LANES];
    static const uint64_t dkeys[] = {5, 6};
    static const uint8_t dtags[] = {KH_POS_DT, KH_POS_IN};
    static const char strings[] = "\0go\0child";
    uint64_t lkeys[2] = {kh_lemma_key(KH_WC_VERB, "went", 4),
                         kh_lemma_key(KH_WC_NOUN, "children", 8)};
    static const uint32_t lvals[] = {1, 4};
    uint64_t wkeys[3] = {kh_lemma_key(KH_WC_VERB, "attack", 6),
                         kh_lemma_key(KH_WC_NOUN, "bus", 3),
                         kh_lemma_key(KH_WC_VERB, "hope", 4)};
    for (int t = 1; t < KH_POS_COUNT; t++)
        dense[t] = (int16_t)(t * 3 - 40);
    kh_tagm_build b = {
        .scale = 0.5f, .fkeys = fkeys, .frows = frows, .nfeat = 4,
        .entries = entries, .nentries = 4, .dense = dense, .ndense = 1,
        .dkeys = dkeys, .dtags = dtags, .ndict = 2, .lkeys = lkeys,
        .lvals = lvals, .nexc = 2, .wkeys = wkeys, .nlex = 3,
        .strings = strings, .nstrings = sizeof strings, .meta = "fuzz",
    };
    tiny = kh_tagm_serialize(&b, &tiny_n);
}

/* Uses a model that loaded: every table it has is reached. */
static void use(const kh_tag_model *m)
{
    static const char *const words[] = {
        "The", "militants", "ATTACKED", "Al-Sudani", "’s", "convoy", "in",
        "1,500", "--", "``", "went", "children", "hoped", "buses", "."};
    enum { N = sizeof words / sizeof *words };
    kh_tword w[N];
    uint8_t tags[N];
    for (size_t i = 0; i < N; i++)
        kh_tword_init(&w[i], words[i], strlen(words[i]));
    kh_tag_words(m, w, N, tags);
    char out[128];
    for (size_t i = 0; i < N; i++) {
        if (tags[i] == 0 || tags[i] >= KH_POS_COUNT)
            abort();
        static const int try_tags[] = {KH_POS_VBD, KH_POS_NNS, KH_POS_VBG,
                                       KH_POS_JJR, KH_POS_RBS};
        for (size_t k = 0; k < 5; k++)
            kh_lemmatize(m, words[i], strlen(words[i]), try_tags[k], out,
                         sizeof out);
    }
    (void)kh_tag_model_meta(m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!tiny)
        build_tiny();
    if (size == 0)
        return 0;
    int check = (data[0] & 14) == 0;
    uint8_t *buf;
    size_t n;
    if (data[0] & 1) {   /* the bytes as they come */
        n = size - 1;
        buf = malloc(n ? n : 1);
        memcpy(buf, data + 1, n);
    } else {             /* the small model, changed */
        n = tiny_n;
        buf = malloc(n);
        memcpy(buf, tiny, n);
        for (size_t i = 1; i + 4 <= size; i += 4) {
            size_t off = ((size_t)data[i] | (size_t)data[i + 1] << 8 |
                          (size_t)data[i + 2] << 16) % n;
            buf[off] ^= data[i + 3];
        }
        if (size % 4 == 3)   /* and sometimes cut short */
            n = (size_t)data[size - 1] * n / 256;
    }
    kh_tag_model *m;
    if (kh_tag_model_parse(buf, n, "fuzz.model", check, &m, NULL) == KH_OK) {
        use(m);
        kh_tag_model_free(m);
    }
    free(buf);
    return 0;
}
