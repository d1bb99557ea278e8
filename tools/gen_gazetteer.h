/*
 * gen_gazetteer.h - what the parts of tools/gen_gazetteer share.
 */
#ifndef KH_TOOLS_GEN_GAZETTEER_H
#define KH_TOOLS_GEN_GAZETTEER_H

#include "core/arena.h"
#include "extract/gazetteer.h"
#include "read/json.h"

#include <stddef.h>
#include <stdint.h>

typedef struct gz_opts {
    const char *out, *cities, *iso, *countries, *places, *brown;
} gz_opts;

void gz_say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void gz_die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
char *gz_slurp(const char *path, size_t *n);
kh_jval *gz_json(kh_arena *a, const char *path);
const char *gz_jstr(const kh_jval *o, const char *key);
int gz_arabic(const char *cc2);
void gz_name_all(kh_gazb *b, const char *name, uint32_t place,
                 uint32_t flags, int arabic);

/* Builds the gazetteer the options describe and writes it; returns 0. */
int gz_build(const gz_opts *o);

#endif
