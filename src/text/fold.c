/*
 * fold.c - words as the dictionaries spell them: upper case, no accents.
 *
 * TABARI and PETRARCH dictionaries are upper-case ASCII; the text is not.
 * Folding maps both to one form, so that matching compares bytes:
 * letters are upper-cased, accents are removed (é -> E, ö -> O), the
 * typographic apostrophes become ', and anything without an ASCII form
 * (Arabic, Cyrillic) is kept, upper-cased where it has case.
 */
#include "text.h"

#include "utf8.h"

#include <utf8proc.h>

size_t kh_fold_word(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        unsigned c = p[i];
        if (c < 0x80) {
            if (o < cap)
                out[o] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
            o++;
            i++;
            continue;
        }
        int32_t cp;
        int len = kh_utf8_decode(p + i, n - i, &cp);
        if (len < 0) {
            i += (size_t)-len;
            continue;
        }
        i += (size_t)len;
        if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) {
            if (o < cap)
                out[o] = '\'';
            o++;
            continue;
        }
        /* Decompose and drop the marks: é -> e + acute -> e. */
        utf8proc_int32_t dec[8];
        int last;
        utf8proc_ssize_t nd = utf8proc_decompose_char(
            cp, dec, 8, UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK, &last);
        if (nd < 0 || nd > 8) {
            dec[0] = cp;
            nd = 1;
        }
        for (utf8proc_ssize_t k = 0; k < nd; k++) {
            int32_t u = utf8proc_toupper(dec[k]);
            unsigned char enc[4];
            int m = kh_utf8_encode(u, enc);
            for (int b = 0; b < m; b++, o++)
                if (o < cap)
                    out[o] = (char)enc[b];
        }
    }
    return o;
}
