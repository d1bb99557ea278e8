/*
 * extract.h - the stages that read the whole article: dates, places,
 * entities, quotes.  They run after the events (DESIGN.md) and give each
 * event its date, place and quote.
 */
#ifndef KH_EXTRACT_H
#define KH_EXTRACT_H

#include "../core/doc.h"

/* Finds the absolute dates written in the text (full dates such as
 * "January 6, 2024", "6 January 2024", "2024-01-06", and months such as
 * "January 2024") and fills doc->dates. */
int kh_find_dates(kh_doc *d);

/* Sets the story date when the article came without one: the latest full
 * date in the text, else default_date (YYYY-MM-DD or NULL). */
void kh_choose_story_date(kh_doc *d, const char *default_date);

/* The month (1-12) that s[0..n) names: January, Jan, Jan., Sept. ...
 * Case-insensitive; 0 when it names none. */
int kh_month_name(const char *s, size_t n);

/* After the story date is chosen: finds the relative expressions
 * ("on Friday", "yesterday", "last week", "two days later", "in 2014",
 * "since mid-October"), resolves them against the story date, and
 * replaces doc->dates with every date of the article in text order, each
 * with its sentence.  Expressions that need a story date are dropped when
 * there is none. */
void kh_resolve_dates(kh_doc *d);

/* After the events: each event takes the date of the expression that
 * governs it in its sentence (e->date, e->date_ref), else keeps the date
 * the coder gave it (the story date).  The rule is in dates_events.c. */
void kh_date_events(kh_doc *d);

/* The date that governs token tok (an index in doc->tokens) as it would
 * govern an event read there: its index in doc->dates, or -1 when none
 * does (the event keeps the story date). */
long kh_date_of_token(const kh_doc *d, size_t tok);

/* Writes x's value into out[n] as its granularity has it: 2024-01-06,
 * 2024-01, 2024, 2024-W01 (ISO week), 199X (decade).  Returns the
 * length, as snprintf does. */
int kh_date_format(const kh_date_mention *x, char *out, size_t n);

/* "day", "month", "year", "week", "decade"; "" for anything else. */
const char *kh_date_gran_name(int gran);

/* The gazetteer: places by name, loaded once per pipeline from the data
 * folder and shared read-only by every document. */
typedef struct kh_gazetteer kh_gazetteer;
int kh_gaz_load(const char *data_dir, kh_gazetteer **out, kh_error *err);
void kh_gaz_free(kh_gazetteer *g);

/* Finds the places the article names (doc->places, doc->place_mentions)
 * and gives each event its place (e->place): the one named in its
 * sentence, else the dateline's.  Actors written as place names
 * ("Baghdad announced") are not places. */
int kh_find_places(const kh_gazetteer *g, kh_doc *d);

/* Finds the direct quotes and their speakers (doc->quotes) and marks the
 * events read inside one (e->in_quote, e->quote).  Speakers are entities:
 * runs after kh_find_entities. */
int kh_find_quotes(kh_doc *d);

/* Finds the people, organisations and places the article names, merges
 * their mentions (doc->entities, doc->entity_mentions) and codes them with
 * the dictionaries when dict is not NULL. */
struct kh_dict;
int kh_find_entities(const struct kh_dict *dict, kh_doc *d);

#endif
