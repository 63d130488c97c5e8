/* cvn-search.c
 *
 * Search runs over a snapshot, so it costs one pass over the objects of the document and no
 * SQL. A document of a whole local authority holds a few thousand objects; folding their
 * names each time a key is typed is well within a frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-search"

#include "config.h"

#include "cvn-search.h"

#include <glib/gi18n-lib.h>
#include <string.h>

void
cvn_search_result_free (CvnSearchResult *result)
{
  if (result == NULL)
    return;
  g_free (result->detail);
  g_free (result);
}

char *
cvn_search_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  GString *folded;

  if (text == NULL)
    return g_strdup ("");
  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_strdup ("");
  folded = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* "St Anne's", "St Annes" and "st annés" are all the same school to someone typing. */
      if (g_unichar_ismark (c) || c == '\'' || c == 0x2018 || c == 0x2019)
        continue;
      g_string_append_unichar (folded, g_unichar_tolower (c));
    }
  return g_string_free (folded, FALSE);
}

/* Whether @word starts a word of @text: at its beginning or after a character that is not a
 * letter or a digit. */
static gboolean
starts_a_word (const char *text,
               const char *word)
{
  size_t length = strlen (word);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (p != text)
        {
          const char *before = g_utf8_prev_char (p);

          if (g_unichar_isalnum (g_utf8_get_char (before)))
            continue;
        }
      if (strncmp (p, word, length) == 0)
        return TRUE;
    }
  return FALSE;
}

typedef struct
{
  char   *query;       /* folded */
  GStrv   words;       /* folded, no empty ones */
  gboolean is_number;
} Query;

static gboolean
match_words (const Query *query,
             const char  *folded,
             gboolean     word_starts)
{
  for (guint i = 0; query->words[i] != NULL; i++)
    if (word_starts ? !starts_a_word (folded, query->words[i])
                    : strstr (folded, query->words[i]) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
match_name (const Query    *query,
            const char     *name,
            CvnSearchMatch *out_match)
{
  g_autofree char *folded = cvn_search_fold (name);

  if (g_str_has_prefix (folded, query->query))
    *out_match = CVN_SEARCH_MATCH_NAME;
  else if (match_words (query, folded, TRUE))
    *out_match = CVN_SEARCH_MATCH_NAME_WORDS;
  else if (match_words (query, folded, FALSE))
    *out_match = CVN_SEARCH_MATCH_NAME_PART;
  else
    return FALSE;
  return TRUE;
}

/* The code of the first current designation of @kind/@id that matches, or NULL. */
static const char *
match_designation (const Query  *query,
                   CvnSnapshot  *snapshot,
                   CvnObjectKind kind,
                   gint64        id)
{
  g_autoptr (GPtrArray) designations = cvn_snapshot_get_designations_of (snapshot, kind, id,
                                                                         TRUE);

  for (guint i = 0; i < designations->len; i++)
    {
      const CvnDesignation *designation = g_ptr_array_index (designations, i);
      const CvnDesignationType *type =
        cvn_snapshot_find_designation_type (snapshot, designation->type_id);
      g_autofree char *code = NULL;
      g_autofree char *name = NULL;

      if (type == NULL)
        continue;
      code = cvn_search_fold (type->code);
      name = cvn_search_fold (type->name);
      if (g_str_has_prefix (code, query->query) || match_words (query, name, TRUE))
        return type->code;
    }
  return NULL;
}

static void
add_result (GPtrArray     *results,
            CvnObjectKind  kind,
            gint64         id,
            CvnSearchMatch match,
            char          *detail)
{
  CvnSearchResult *result = g_new0 (CvnSearchResult, 1);

  result->kind = kind;
  result->id = id;
  result->match = match;
  result->detail = detail;
  g_ptr_array_add (results, result);
}

static int
compare_results (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const CvnSearchResult *first = *(const CvnSearchResult * const *) a;
  const CvnSearchResult *second = *(const CvnSearchResult * const *) b;
  CvnSnapshot *snapshot = user_data;
  const char *first_name;
  const char *second_name;

  if (first->match != second->match)
    return (int) first->match - (int) second->match;
  first_name = cvn_snapshot_get_name (snapshot, first->kind, first->id);
  second_name = cvn_snapshot_get_name (snapshot, second->kind, second->id);
  return g_utf8_collate (first_name != NULL ? first_name : "",
                         second_name != NULL ? second_name : "");
}

GPtrArray *
cvn_search_run (CvnSnapshot *snapshot,
                const char  *text,
                guint        max_results)
{
  GPtrArray *results = g_ptr_array_new_with_free_func ((GDestroyNotify) cvn_search_result_free);
  g_autofree char *folded = NULL;
  g_auto (GStrv) words = NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  Query query;

  g_return_val_if_fail (snapshot != NULL, results);

  folded = g_strstrip (cvn_search_fold (text));
  if (*folded == '\0')
    return results;
  words = g_strsplit_set (folded, " \t", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_strv_builder_add (builder, words[i]);

  query.query = folded;
  query.words = g_strv_builder_end (builder);
  query.is_number = TRUE;
  for (const char *p = folded; *p != '\0'; p++)
    query.is_number &= g_ascii_isdigit (*p);

  for (guint i = 0; i < snapshot->groups->len; i++)
    {
      const CvnGroup *group = &g_array_index (snapshot->groups, CvnGroup, i);
      CvnSearchMatch match;

      if (match_name (&query, group->name, &match))
        add_result (results, CVN_OBJECT_GROUP, group->id, match, NULL);
    }

  for (guint i = 0; i < snapshot->establishments->len; i++)
    {
      const CvnEstablishment *school = &g_array_index (snapshot->establishments,
                                                       CvnEstablishment, i);
      g_autofree char *urn = school->urn > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, school->urn)
                                             : NULL;
      const char *code;
      CvnSearchMatch match;

      if (match_name (&query, school->name, &match))
        add_result (results, CVN_OBJECT_ESTABLISHMENT, school->id, match, NULL);
      else if (query.is_number && urn != NULL && g_str_has_prefix (urn, folded))
        add_result (results, CVN_OBJECT_ESTABLISHMENT, school->id, CVN_SEARCH_MATCH_URN,
                    g_strdup_printf (_("URN %s"), urn));
      else if ((code = match_designation (&query, snapshot, CVN_OBJECT_ESTABLISHMENT,
                                          school->id)) != NULL)
        add_result (results, CVN_OBJECT_ESTABLISHMENT, school->id, CVN_SEARCH_MATCH_DESIGNATION,
                    g_strdup (code));
    }

  for (guint i = 0; i < snapshot->people->len; i++)
    {
      const CvnPerson *person = &g_array_index (snapshot->people, CvnPerson, i);
      const char *code;
      CvnSearchMatch match;

      if (match_name (&query, person->name, &match))
        add_result (results, CVN_OBJECT_PERSON, person->id, match, NULL);
      else if ((code = match_designation (&query, snapshot, CVN_OBJECT_PERSON,
                                          person->id)) != NULL)
        add_result (results, CVN_OBJECT_PERSON, person->id, CVN_SEARCH_MATCH_DESIGNATION,
                    g_strdup (code));
    }

  g_strfreev (query.words);

  g_ptr_array_sort_with_data (results, compare_results, snapshot);
  if (max_results > 0 && results->len > max_results)
    g_ptr_array_set_size (results, max_results);
  return results;
}
