/*
 * fuzz_gazetteer.c - libFuzzer harness: the gazetteer file's loader.
 *
 * A gazetteer that loads is trusted by the places stage (probe loops,
 * name and ref slices, string offsets), so whatever loads must be safe to
 * use: each input that loads is searched for every name of a few
 * sentences, and the places stage runs over a document with it.  Random
 * bytes rarely get past the magic number, so half the inputs are a small
 * valid gazetteer (built here) with bytes of it changed by the input:
 * (3-byte offset, xor mask) pairs, sometimes cut short.
 */
#include "core/doc.h"
#include "extract/gazetteer.h"
#include "tag/tag.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint8_t *tiny;
static size_t tiny_n;

static void build_tiny(void)
{
    kh_gazb *b = kh_gazb_new();
    uint32_t iq = kh_gazb_place(b, "Iraq", "IRQ", NULL, KH_PLACE_COUNTRY, 33,
                                44, 0, 0, 0, 0);
    uint32_t bg = kh_gazb_place(b, "Baghdad", "IRQ", "IQ-BG", KH_PLACE_CITY,
                                33.34, 44.40, 7216000, 0, 98182,
                                KH_GP_CAPITAL | KH_GP_SEAT);
    uint32_t gv = kh_gazb_place(b, "Baghdād", "IRQ", "IQ-BG",
                                KH_PLACE_ADMIN1, 33.34, 44.40, 0, 8000000, 0,
                                0);
    uint32_t kr = kh_gazb_place(b, "Kurdistan Region", "IRQ", NULL,
                                KH_PLACE_ADMIN1, 36.19, 44.01, 0, 0, 0, 0);
    uint32_t mb = kh_gazb_place(b, "Mobile", "USA", "US-AL", KH_PLACE_CITY,
                                30.69, -88.04, 194288, 0, 4076598,
                                KH_GP_COMMON);
    kh_gazb_name(b, "Iraq", 4, iq, 0);
    kh_gazb_name(b, "Iraqi", 5, iq, KH_GR_DEMONYM);
    kh_gazb_name(b, "IRQ", 3, iq, KH_GR_ACRONYM);
    kh_gazb_name(b, "Baghdad", 7, bg, 0);
    kh_gazb_name(b, "Baghdad", 7, gv, KH_GR_WEAK);
    kh_gazb_name(b, "IQ-BG", 5, gv, KH_GR_ACRONYM);
    kh_gazb_name(b, "Kurdistan Region", 16, kr, 0);
    kh_gazb_name(b, "Kurdistan", 9, kr, KH_GR_PREFERRED);
    kh_gazb_name(b, "Mobile", 6, mb, 0);
    kh_gazb_serialize(b, &tiny, &tiny_n);
    kh_gazb_free(b);
}

/* A document as the places stage sees it after the earlier stages:
 * tokens with tags, sentences, an event.  Made once, by hand, so that the
 * harness exercises only the gazetteer and the stage. */
static kh_doc *make_doc(void)
{
    static const char text[] =
        "Baghdad announced that troops in the Kurdistan Region of Iraq and "
        "Mobile, Iraq moved to Baghdad province.";
    kh_doc *d = kh_doc_alloc(text, sizeof text - 1);
    d->text = d->input;
    d->text_len = d->input_len;
    d->text_body_start = 0;
    d->text_body_end = d->text_len;
    d->dateline = kh_arena_strdup(&d->arena, "Baghdad");
    d->tokens = kh_arena_calloc(&d->arena, 32 * sizeof *d->tokens);
    size_t n = 0;
    for (size_t i = 0; i < d->text_len && n < 32;) {
        while (i < d->text_len && d->text[i] == ' ')
            i++;
        if (i >= d->text_len)
            break;
        size_t s = i;
        if (d->text[i] == ',' || d->text[i] == '.') {
            i++;
        } else {
            while (i < d->text_len && d->text[i] != ' ' &&
                   d->text[i] != ',' && d->text[i] != '.')
                i++;
        }
        kh_token *t = &d->tokens[n++];
        t->start = (uint32_t)s, t->end = (uint32_t)i;
        int word = d->text[s] != ',' && d->text[s] != '.';
        t->kind = word ? KH_TOK_WORD : KH_TOK_PUNCT;
        t->flags = (uint16_t)(d->text[s] >= 'A' && d->text[s] <= 'Z'
                                  ? KH_TF_UPPER : 0);
        t->tag = (uint8_t)(t->flags ? KH_POS_NNP
                                    : word ? KH_POS_NN : KH_POS_COMMA);
    }
    d->ntokens = n;
    d->sents = kh_arena_calloc(&d->arena, sizeof *d->sents);
    d->sents[0].start = 0, d->sents[0].end = (uint32_t)d->text_len;
    d->sents[0].tok_first = 0, d->sents[0].tok_end = (uint32_t)n;
    d->nsents = 1;
    d->events = kh_arena_calloc(&d->arena, sizeof *d->events);
    d->events[0].src_start = 0, d->events[0].src_end = 7;
    d->events[0].verb_start = 8, d->events[0].verb_end = 17;
    d->events[0].end = (uint32_t)d->text_len;
    d->nevents = 1;
    return d;
}

static void use(const kh_gazetteer *g)
{
    static const char *const names[] = {
        "Iraq", "Iraqi", "Baghdad", "Kurdistan Region", "Kurdistan",
        "Mobile", "IQ-BG", "Nowhere", "Kurdistan Region of Iraq"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        char key[KH_GAZ_KEYMAX];
        size_t kl = kh_gaz_key(names[i], strlen(names[i]), key, sizeof key,
                               NULL);
        const kh_gaz_name *nm = kh_gaz_find(g, key, kl);
        for (uint32_t r = 0; nm && r < nm->count; r++) {
            const kh_gaz_place *p =
                &g->places[g->refs[nm->first + r] & KH_GR_PLACE];
            if (strlen(g->strings + p->name) > g->nstrings)
                abort();
        }
    }
    kh_doc *d = make_doc();
    kh_find_places(g, d);
    for (size_t m = 0; m < d->nplace_mentions; m++)
        if (d->place_mentions[m].ref >= d->nplaces ||
            d->place_mentions[m].end > d->text_len)
            abort();
    for (size_t e = 0; e < d->nevents; e++)
        if (d->events[e].place >= (int32_t)d->nplaces)
            abort();
    kh_doc_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!tiny)
        build_tiny();
    if (size == 0)
        return 0;
    uint8_t *buf;
    size_t n;
    if (data[0] & 1) {   /* the bytes as they come */
        n = size - 1;
        buf = malloc(n ? n : 1);
        memcpy(buf, data + 1, n);
    } else {             /* the small gazetteer, changed */
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
    kh_gazetteer *g;
    if (kh_gaz_open_mem(buf, n, "fuzz.bin", &g, NULL) == KH_OK) {
        use(g);
        kh_gaz_free(g);
    }
    free(buf);
    return 0;
}
