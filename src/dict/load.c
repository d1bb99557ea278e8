/*
 * load.c - kh_dict_load: which reader a path needs.
 */
#include "dict.h"

#include "../core/error.h"

#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static int ends(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n > k && strcasecmp(s + n - k, suffix) == 0;
}

kh_dict *kh_dict_load(const char *path,
                      void (*warn)(void *ctx, const kh_error *e), void *ctx,
                      kh_error *err)
{
    struct stat st;
    if (!path || stat(path, &st) != 0) {
        kh_fail(err, KH_EIO, path ? path : "", 0, 0,
                "no such dictionary file or folder");
        return NULL;
    }
    kh_dict *d = kh_dict_create();
    int rc;
    if (!S_ISDIR(st.st_mode) &&
        (ends(path, ".project") || ends(path, ".actors") ||
         ends(path, ".agents") || ends(path, ".verbs") ||
         ends(path, ".options")))
        rc = kh_dict_read_tabari(d, path, warn, ctx, err);
    else {
        kh_options_petrarch(&d->options);
        rc = kh_dict_read_petrarch(d, path, warn, ctx, err);
    }
    if (rc != KH_OK) {
        kh_dict_destroy(d);
        return NULL;
    }
    kh_dict_finish(d);
    return d;
}

void kh_dict_free(kh_dict *dict)
{
    kh_dict_destroy(dict);
}
