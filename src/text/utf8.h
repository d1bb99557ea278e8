/*
 * utf8.h - strict UTF-8 decoding and character classes for the text stages.
 */
#ifndef KH_UTF8_H
#define KH_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decodes one code point at s[0..n), n >= 1.  Returns its length (1-4) and
 * sets *cp, or returns minus the length of the maximal invalid subpart
 * (Unicode's "substitution of maximal subparts"), which is at least 1. */
static inline int kh_utf8_decode(const unsigned char *s, size_t n, int32_t *cp)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = (int32_t)c;
        return 1;
    }
    int len;
    unsigned lo = 0x80, hi = 0xBF;
    int32_t v;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2, v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3, v = c & 0x0F;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;   /* no surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4, v = c & 0x07;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;   /* nothing above U+10FFFF */
    } else {
        return -1;
    }
    for (int i = 1; i < len; i++) {
        if ((size_t)i >= n || s[i] < lo || s[i] > hi)
            return -i;
        v = (v << 6) | (s[i] & 0x3F);
        lo = 0x80, hi = 0xBF;
    }
    *cp = v;
    return len;
}

/* Encodes cp (valid scalar value) into out[4]; returns the length. */
int kh_utf8_encode(int32_t cp, unsigned char *out);

/* Character classes the tokenizer needs for non-ASCII code points. */
enum {
    KH_CC_OTHER = 0,
    KH_CC_SPACE,       /* white space and controls */
    KH_CC_UPPER,       /* Lu, Lt */
    KH_CC_LOWER,       /* Ll */
    KH_CC_LETTER,      /* Lm, Lo: letters without case (Arabic, CJK) */
    KH_CC_MARK,        /* Mn, Mc, Me and format characters inside words */
    KH_CC_DIGIT,       /* Nd */
    KH_CC_PUNCT,       /* other punctuation */
    KH_CC_SYMBOL,      /* S* and other numbers */
};
int kh_char_class(int32_t cp);

#endif
