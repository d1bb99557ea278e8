/*
 * options.c - TABARI's .options commands (manual, ch. 8), also used by the
 * OPTION: lines of validation records.
 *
 * The program looks at a command's first four letters and the colon, and
 * is forgiving about blanks and case; so is this.  Commands that only
 * change TABARI's interactive output (OUTPUT:, LABEL:, NONEVENTS:, most
 * SET: switches) are accepted and ignored.
 */
#include "dict.h"

#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Upper-cases s[0..n) into buf without blanks around '=' and '['. */
static size_t squeeze(const char *s, size_t n, char *buf, size_t cap)
{
    size_t m = 0;
    for (size_t i = 0; i < n && m + 1 < cap; i++)
        buf[m++] = (char)toupper((unsigned char)s[i]);
    buf[m] = '\0';
    return m;
}

static int truth(const char *v)
{
    while (*v == ' ' || *v == '=')
        v++;
    return *v == 'T' || *v == '1' || *v == 'Y';
}

/* The number after key in s ("VERBS[5]", "MIN = 4"), or -1. */
static int num_after(const char *s, const char *key)
{
    const char *p = s;
    size_t k = strlen(key);
    while ((p = strstr(p, key)) != NULL) {
        /* a whole word: MIN must not match inside EMIN or BMIN */
        if (p == s || !isalpha((unsigned char)p[-1])) {
            const char *q = p + k;
            while (*q == ' ' || *q == '=' || *q == '[')
                q++;
            if (isdigit((unsigned char)*q))
                return atoi(q);
        }
        p += k;
    }
    return -1;
}

static int has_word(const char *s, const char *w)
{
    size_t k = strlen(w);
    for (const char *p = s; (p = strstr(p, w)) != NULL; p += k)
        if ((p == s || !isalpha((unsigned char)p[-1])) &&
            !isalpha((unsigned char)p[k]))
            return 1;
    return 0;
}

/* The code in [...] after key, interned, or KH_NONE. */
static uint32_t code_after(kh_dict *d, const char *s, const char *key)
{
    const char *p = strstr(s, key);
    if (!p)
        return KH_NONE;
    const char *b = strchr(p, '[');
    const char *e = b ? strchr(b, ']') : NULL;
    if (!b || !e)
        return KH_NONE;
    b++;
    while (b < e && *b == ' ')
        b++;
    while (e > b && e[-1] == ' ')
        e--;
    return e > b ? kh_dict_str(d, b, (size_t)(e - b)) : KH_NONE;
}

/* Our SET: switches (dict.h says what each does).  Returns 1 when arg
 * names one, or is another of TABARI's own switches. */
static int ours(kh_options *o, const char *arg, const char *val)
{
    static const struct {
        const char *name;
        size_t off;
    } sw[] = {
        {"LEMMAS", offsetof(kh_options, lemmas)},
        {"RELATIVE CLAUSES", offsetof(kh_options, relative)},
        {"SAYING ABROAD", offsetof(kh_options, saying_abroad)},
        {"MAIN CLAUSE COMMAS", offsetof(kh_options, main_commas)},
        {"LONE AGENTS", offsetof(kh_options, lone_agents)},
        {"QUOTE PRONOUNS", offsetof(kh_options, quote_pronouns)},
        {"NEAREST SOURCE", offsetof(kh_options, nearest_source)},
        {"UNKNOWN SOURCES", offsetof(kh_options, unknown_sources)},
        {"REPORTED ACCUSATIONS", offsetof(kh_options, reported_accusations)},
        {"FUTURE AS INTENT", offsetof(kh_options, future_intent)},
        {"ACTOR RULES", offsetof(kh_options, actor_rules)},
        {"PLACES", offsetof(kh_options, places)},
        {"CLAUSE SUBJECTS", offsetof(kh_options, clause_subjects)},
    };
    for (size_t i = 0; i < sizeof sw / sizeof *sw; i++)
        if (strncmp(arg, sw[i].name, strlen(sw[i].name)) == 0) {
            *(int *)((char *)o + sw[i].off) = truth(val);
            return 1;
        }
    /* TABARI's switches that only change its own output */
    return 1;
}

int kh_options_apply(kh_dict *d, const char *line, size_t n)
{
    char buf[512];
    squeeze(line, n, buf, sizeof buf);
    kh_options *o = &d->options;
    const char *colon = strchr(buf, ':');
    if (!colon || colon - buf < 3)
        return 0;
    const char *arg = colon + 1;
    while (*arg == ' ')
        arg++;
    if (strncmp(buf, "COMP", 4) == 0) {
        /* A COMPLEX: command replaces the conditions. */
        o->cx_verbs = o->cx_actors = o->cx_pronouns = o->cx_conj = 0;
        o->cx_comma = o->cx_lateverb = 0;
        o->cx_noactprior = o->cx_noactafter = o->cx_noverb = 0;
        o->cx_nosource = o->cx_notarget = o->cx_noevent = 0;
        int v;
        if ((v = num_after(arg, "VERBS")) >= 0) o->cx_verbs = v;
        if ((v = num_after(arg, "ACTORS")) >= 0) o->cx_actors = v;
        if ((v = num_after(arg, "PRONOUNS")) >= 0) o->cx_pronouns = v;
        if ((v = num_after(arg, "CONJ")) >= 0) o->cx_conj = v;
        if ((v = num_after(arg, "COMMA")) >= 0) o->cx_comma = v;
        if ((v = num_after(arg, "LATEVERB")) >= 0) o->cx_lateverb = v;
        o->cx_noactprior = has_word(arg, "NOACTPRIOR");
        o->cx_noactafter = has_word(arg, "NOACTAFTER");
        o->cx_noverb = has_word(arg, "NOVERB");
        o->cx_nosource = has_word(arg, "NOSOURCE");
        o->cx_notarget = has_word(arg, "NOTARGET");
        o->cx_noevent = has_word(arg, "NOEVENT");
        return 1;
    }
    if (strncmp(buf, "DEFA", 4) == 0) {
        if (has_word(arg, "OFF")) {
            o->default_source = o->default_target = KH_NONE;
            o->default_prior = o->default_after = 0;
            return 1;
        }
        const char *src = strstr(arg, "SOURCE");
        const char *tgt = strstr(arg, "TARGET");
        if (src)
            o->default_source = code_after(d, src, "SOURCE");
        if (tgt)
            o->default_target = code_after(d, tgt, "TARGET");
        /* PRIOR follows SOURCE's code; AFTER follows TARGET's */
        o->default_prior = has_word(arg, "PRIOR");
        o->default_after = has_word(arg, "AFTER");
        return 1;
    }
    if (strncmp(buf, "COMM", 4) == 0) {
        if (has_word(arg, "OFF")) {
            o->comma_on = 0;
            return 1;
        }
        o->comma_on = 1;
        int v;
        if ((v = num_after(arg, "MIN")) >= 0) o->comma_min = v;
        if ((v = num_after(arg, "MAX")) >= 0) o->comma_max = v;
        if ((v = num_after(arg, "BMIN")) >= 0) o->comma_bmin = v;
        if ((v = num_after(arg, "BMAX")) >= 0) o->comma_bmax = v;
        if ((v = num_after(arg, "EMIN")) >= 0) o->comma_emin = v;
        if ((v = num_after(arg, "EMAX")) >= 0) o->comma_emax = v;
        return 1;
    }
    if (strncmp(buf, "FORW", 4) == 0) {
        if (has_word(arg, "OFF")) {
            o->forward = 0;
            return 1;
        }
        size_t k = strcspn(arg, " ");
        if (k >= sizeof o->forward_format)
            return 0;
        memcpy(o->forward_format, arg, k);
        o->forward_format[k] = '\0';
        o->forward = 1;
        return 1;
    }
    if (strncmp(buf, "SET", 3) == 0) {
        const char *eq = strchr(arg, '=');
        const char *val = eq ? eq + 1 : arg;
        if (strncmp(arg, "CODE", 4) == 0) {
            if (strstr(arg, "SENTENCE"))
                o->code_by = KH_CODE_BY_SENTENCE;
            else if (strstr(arg, "ALL"))
                o->code_by = KH_CODE_ALL;
            else
                o->code_by = KH_CODE_BY_CLAUSE;
        } else if (strncmp(arg, "TIME", 4) == 0) {
            o->time_shift = truth(val);
        } else if (strncmp(arg, "CONV", 4) == 0) {
            o->convert_agents = truth(val);
        } else if (strncmp(arg, "MINI", 4) == 0) {
            int v = num_after(arg, "WORDS");
            if (v < 0)
                return 0;
            o->min_words = v;
        } else if (strncmp(arg, "YYYY", 4) == 0) {
            o->yyyy = truth(val);
        } else if (strncmp(arg, "FBIS", 4) == 0) {
            o->fbis = truth(val);
        } else if (strncmp(arg, "NEGATION", 8) == 0) {
            o->negation = truth(val);   /* ours, not TABARI's */
        } else if (strncmp(arg, "USE TAGS", 8) == 0) {
            o->use_tags = truth(val);   /* ours, not TABARI's */
        } else if (!ours(o, arg, val)) {
            return 0;
        }
        /* other switches only change TABARI's own output */
        return 1;
    }
    if (strncmp(buf, "OUTP", 4) == 0 || strncmp(buf, "LABE", 4) == 0 ||
        strncmp(buf, "NONE", 4) == 0)
        return 1;
    return 0;
}
