/*
 * tagutil.h - helpers of the tag stage's tests: the floors of
 * tests/floors/tagger.txt and the model of the build's data folder.
 */
#ifndef KH_TAGUTIL_H
#define KH_TAGUTIL_H

#include "testutil.h"

#include "tag/tag.h"

#define TU_FLOORS "tests/floors/tagger.txt"

/* The floor named name (a percentage); fails the test when it is not
 * in the file. */
static inline double tu_floor(const char *name)
{
    return tu_floor_of(TU_FLOORS, name);
}

/* The path of file name in the data folder, in a static buffer. */
static inline const char *tu_data_path(const char *name)
{
    static char path[4096];
    snprintf(path, sizeof path, "%s/%s", kh_data_dir(NULL), name);
    return path;
}

/* The model of the data folder, loaded once; fails the test when it
 * does not load. */
static inline kh_tag_model *tu_tag_model(void)
{
    static kh_tag_model *m;
    if (!m) {
        kh_error err;
        if (kh_tag_model_load(tu_data_path(KH_TAG_MODEL_FILE), &m, &err) !=
            KH_OK)
            fail_msg("%s (run make first)", err.message);
    }
    return m;
}

/* Whether this build runs under AddressSanitizer (it is slower). */
#if defined(__SANITIZE_ADDRESS__)
#define TU_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TU_ASAN 1
#endif
#endif
#ifndef TU_ASAN
#define TU_ASAN 0
#endif

#endif
