/*
 * extract.h - the stages that read the whole article: dates (and, as they
 * land, places, quotes and entities).
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

#endif
