/*
 * validate_petrarch.c - runs PETRARCH's unit-test records.
 *
 * The dictionaries are the ones the file's <Environment> names, beside it;
 * <Config> options (require_dyad, comma_*) apply as the file sets them.
 * Each record's <Text> is coded from raw text, as one unit; its <Parse>
 * is never read.  A record passes when the events coded are exactly the
 * <EventCoding>s expected (in any order), or it expects no events and
 * none are coded, or it expects a discard and the text is discarded.
 * Every record counts, commented or outside <Include> or not, so that
 * the score is over the whole file.
 */
#include "validate.h"

#include "../core/error.h"
#include "../dict/dict.h"
#include "../read/petrxml.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void warn_cb(void *ctx, const kh_error *e)
{
    kh_validate_report *rep = ctx;
    char buf[1024];
    if (rep->out)
        fprintf(rep->out, "dictionary: %s\n",
                kh_error_format(e, buf, sizeof buf));
    rep->dict_warnings++;
}

static int truth(const char *v)
{
    return v && (tolower((unsigned char)v[0]) == 't' || v[0] == '1');
}

static void apply_config(kh_dict *d, const kh_petr_config *c)
{
    kh_options *o = &d->options;
    int v = c->value ? atoi(c->value) : 0;
    if (strcasecmp(c->option, "require_dyad") == 0)
        o->require_dyad = truth(c->value);
    else if (strcasecmp(c->option, "comma_min") == 0)
        o->comma_min = v;
    else if (strcasecmp(c->option, "comma_max") == 0)
        o->comma_max = v;
    else if (strcasecmp(c->option, "comma_bmin") == 0)
        o->comma_bmin = v;
    else if (strcasecmp(c->option, "comma_bmax") == 0)
        o->comma_bmax = v;
    else if (strcasecmp(c->option, "comma_emin") == 0)
        o->comma_emin = v;
    else if (strcasecmp(c->option, "comma_emax") == 0)
        o->comma_emax = v;
    /* new_actor_length and stop_on_error: not modelled (the first needs
     * noun phrases the coder does not code as actors) */
}

static int read_dict(kh_dict *d, const char *dir, const char *file,
                     kh_validate_report *rep, kh_error *err)
{
    if (!file)
        return KH_OK;
    char path[2048];
    snprintf(path, sizeof path, "%s%s", dir, file);
    return kh_dict_read_petrarch(d, path, warn_cb, rep, err);
}

/* The events r expects, as a list; returns how many (at most max). */
static int wanted(const kh_petr_record *r, kh_vexpect *want, int max)
{
    if (r->error || r->noevents)
        return 0;
    int n = 0;
    for (size_t i = 0; i < r->ncodings && n < max; i++, n++) {
        snprintf(want[n].src, sizeof want[n].src, "%s", r->codings[i].source);
        snprintf(want[n].tgt, sizeof want[n].tgt, "%s", r->codings[i].target);
        snprintf(want[n].code, sizeof want[n].code, "%s",
                 r->codings[i].event);
    }
    return n;
}

static int check(const kh_unit *u, const kh_petr_record *r)
{
    int st = u->status;
    if (r->error) {
        if (strcmp(r->error, "storydiscard") == 0)
            return st == KH_UNIT_STORY_DISCARD;
        if (strcmp(r->error, "sentencediscard") == 0)
            return st == KH_UNIT_DISCARD || st == KH_UNIT_STORY_DISCARD;
        return 0;   /* bad_input_parse, dateline: not modelled */
    }
    if (r->noevents || r->ncodings == 0)
        return st != KH_UNIT_CODED || u->nevents == 0;
    if (st != KH_UNIT_CODED)
        return 0;
    kh_vexpect want[64], got[64];
    int nw = wanted(r, want, 64);
    qsort(want, (size_t)nw, sizeof *want, kh_vexpect_cmp);
    int ng = kh_vgot(u, got, 64);
    if (ng != nw)
        return 0;
    for (int i = 0; i < nw; i++)
        if (kh_vexpect_cmp(&want[i], &got[i]))
            return 0;
    return 1;
}

static void describe_want(kh_buf *b, const kh_petr_record *r)
{
    if (r->error) {
        kh_buf_printf(b, "error=%s", r->error);
        return;
    }
    if (r->noevents || !r->ncodings) {
        kh_buf_puts(b, "no events");
        return;
    }
    for (size_t i = 0; i < r->ncodings; i++)
        kh_buf_printf(b, "%s{ %s / %s / %s }", i ? " " : "",
                      r->codings[i].source, r->codings[i].target,
                      r->codings[i].event);
}

int kh_validate_petrarch(const char *path, kh_validate_report *rep,
                         kh_error *err)
{
    kh_petrxml *x = kh_petrxml_read(path, warn_cb, rep, err);
    if (!x)
        return err ? err->code : KH_EINPUT;
    char dir[1024];
    const char *slash = strrchr(path, '/');
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path + 1) : 0,
             path);
    kh_dict *d = kh_dict_create();
    kh_options_petrarch(&d->options);
    int rc = KH_OK;
    const kh_petr_env *env = &x->env;
    if (!env->verbfile || !env->actorfile)
        rc = kh_fail(err, KH_EINPUT, path, 0, 0,
                     "the <Environment> names no verbs or actors file");
    if (rc == KH_OK)
        rc = read_dict(d, dir, env->verbfile, rep, err);
    if (rc == KH_OK)
        rc = read_dict(d, dir, env->actorfile, rep, err);
    if (rc == KH_OK)
        rc = read_dict(d, dir, env->agentfile, rep, err);
    if (rc == KH_OK)
        rc = read_dict(d, dir, env->discardfile, rep, err);
    if (rc != KH_OK) {
        kh_dict_destroy(d);
        kh_petrxml_free(x);
        return rc;
    }
    kh_dict_finish(d);
    for (size_t i = 0; i < x->nconfigs; i++)
        if (x->configs[i].in_env)
            apply_config(d, &x->configs[i]);
    kh_unit *u = kh_xcalloc(1, sizeof *u);
    const char *trace = getenv("KH_TRACE");
    for (size_t i = 0; i < x->nrecords; i++) {
        const kh_petr_record *r = &x->records[i];
        for (size_t k = 0; k < r->nconfig; k++)
            apply_config(d, &x->configs[r->config_first + k]);
        rep->records++;
        u->fwd_in = NULL;
        kh_doc *doc = kh_vcode(u, d, r->text, r->ymd, rep->tagger);
        if (trace && rep->out && strstr(trace, r->id)) {
            fprintf(rep->out, "TRACE %s: %s\n", r->id, u->why ? u->why : "");
            kh_trace_unit(u, rep->out);
        }
        if (check(u, r)) {
            rep->passed++;
        } else {
            rep->failed++;
            if (rep->out) {
                kh_buf b = KH_BUF_INIT;
                kh_buf_printf(&b, "FAIL %s (line %ld%s): expected ", r->id,
                              r->line,
                              r->commented ? ", commented out"
                              : r->skipped ? ", not included" : "");
                describe_want(&b, r);
                kh_buf_puts(&b, ", got ");
                kh_vdescribe(&b, u);
                fprintf(rep->out, "%s\n", kh_buf_cstr(&b));
                kh_buf_free(&b);
            }
        }
        kh_vexpect want[64], got[64];
        int nw = wanted(r, want, 64);
        int ng = u->status == KH_UNIT_CODED ? kh_vgot(u, got, 64) : 0;
        kh_vscore(rep, want, nw, got, ng, 0);
        kh_doc_free(doc);
    }
    free(u);
    kh_dict_destroy(d);
    kh_petrxml_free(x);
    return KH_OK;
}
