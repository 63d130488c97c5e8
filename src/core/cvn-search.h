/* cvn-search.h — finding schools, people and groups by what a person remembers of them.
 *
 * A query matches an object's name (ignoring case, accents and apostrophes, each word of the
 * query anywhere in the name), a school's URN (the digits it starts with), or a designation
 * held (its code, such as "NLE", or words of its name, such as "national leader").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cvn-snapshot.h"

G_BEGIN_DECLS

typedef enum
{
  CVN_SEARCH_MATCH_NAME = 0,     /* the name is the query, or starts with it */
  CVN_SEARCH_MATCH_NAME_WORDS,   /* every word of the query starts a word of the name */
  CVN_SEARCH_MATCH_NAME_PART,    /* every word of the query is somewhere in the name */
  CVN_SEARCH_MATCH_URN,
  CVN_SEARCH_MATCH_DESIGNATION,
} CvnSearchMatch;

typedef struct
{
  CvnObjectKind   kind;
  gint64          id;
  CvnSearchMatch  match;
  char           *detail;        /* what matched when it was not the name: "URN 100001", "NLE" */
} CvnSearchResult;

/* The objects of @snapshot that match @query, best first (by how they match, then by name),
 * at most @max_results of them (0 for no limit). An empty query matches nothing. Returns a
 * GPtrArray of CvnSearchResult that frees them. */
GPtrArray *cvn_search_run          (CvnSnapshot     *snapshot,
                                    const char      *query,
                                    guint            max_results);
void       cvn_search_result_free  (CvnSearchResult *result);

/* Folds @text for matching: lower case, accents and apostrophes removed. */
char      *cvn_search_fold         (const char      *text);

G_END_DECLS
