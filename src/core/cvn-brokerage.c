/* cvn-brokerage.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-brokerage"

#include "config.h"

#include "cvn-brokerage.h"
#include "cvn-directory.h"
#include "cvn-store.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

G_DEFINE_QUARK (cvn-brokerage-error-quark, cvn_brokerage_error)

const char *
cvn_nearness_to_string (CvnNearness nearness)
{
  switch (nearness)
    {
    case CVN_NEARNESS_SAME_CLUSTER:
      return _("same cluster");
    case CVN_NEARNESS_SAME_ALLIANCE:
      return _("same alliance");
    case CVN_NEARNESS_WIDER_AREA:
      return _("wider area");
    default:
      g_return_val_if_reached ("");
    }
}

CvnBrokerageCandidate *
cvn_brokerage_candidate_copy (const CvnBrokerageCandidate *self)
{
  CvnBrokerageCandidate *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->provider_name = g_strdup (self->provider_name);
  copy->conflict_reason = g_strdup (self->conflict_reason);
  copy->reason = g_strdup (self->reason);
  return copy;
}

void
cvn_brokerage_candidate_free (CvnBrokerageCandidate *self)
{
  if (self == NULL)
    return;
  g_free (self->provider_name);
  g_free (self->conflict_reason);
  g_free (self->reason);
  g_free (self);
}

/* The tier-1 and tier-2 groups a school (and, for a person, the person too) currently
 * belongs to, directly or upwards through parents and group-in-group memberships. */
typedef struct
{
  GHashTable *clusters;   /* group id set */
  GHashTable *alliances;
} Reach;

static void
reach_clear (Reach *reach)
{
  g_clear_pointer (&reach->clusters, g_hash_table_unref);
  g_clear_pointer (&reach->alliances, g_hash_table_unref);
}

static void
reach_from (CvnSnapshot  *snapshot,
            CvnObjectKind kind,
            gint64        id,
            GArray       *queue,
            GHashTable   *visited)
{
  g_autoptr (GPtrArray) memberships = NULL;

  if (id <= 0)
    return;
  memberships = cvn_snapshot_get_memberships_of (snapshot, kind, id, TRUE);
  for (guint i = 0; i < memberships->len; i++)
    {
      const CvnMembership *membership = g_ptr_array_index (memberships, i);

      if (g_hash_table_add (visited, GSIZE_TO_POINTER (membership->group_id)))
        g_array_append_val (queue, membership->group_id);
    }
}

static void
reach_init (Reach        *reach,
            CvnSnapshot  *snapshot,
            CvnObjectKind kind,
            gint64        id)
{
  g_autoptr (GArray) queue = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GHashTable) visited = g_hash_table_new (g_direct_hash, g_direct_equal);

  reach->clusters = g_hash_table_new (g_direct_hash, g_direct_equal);
  reach->alliances = g_hash_table_new (g_direct_hash, g_direct_equal);

  reach_from (snapshot, kind, id, queue, visited);
  if (kind == CVN_OBJECT_PERSON)
    reach_from (snapshot, CVN_OBJECT_ESTABLISHMENT,
                cvn_directory_holder_establishment (snapshot, kind, id), queue, visited);

  for (guint q = 0; q < queue->len; q++)
    {
      const CvnGroup *group = cvn_snapshot_find_group (snapshot, g_array_index (queue, gint64, q));

      if (group == NULL)
        continue;
      if (group->tier == 1)
        g_hash_table_add (reach->clusters, GSIZE_TO_POINTER (group->id));
      else if (group->tier == 2)
        g_hash_table_add (reach->alliances, GSIZE_TO_POINTER (group->id));
      if (group->parent_id > 0 && g_hash_table_add (visited, GSIZE_TO_POINTER (group->parent_id)))
        g_array_append_val (queue, group->parent_id);
      reach_from (snapshot, CVN_OBJECT_GROUP, group->id, queue, visited);
    }
}

static gboolean
sets_meet (GHashTable *a,
           GHashTable *b)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    if (g_hash_table_contains (b, item))
      return TRUE;
  return FALSE;
}

static gboolean
same_text (const char *a,
           const char *b)
{
  return a != NULL && b != NULL && a[0] != '\0' && g_ascii_strcasecmp (a, b) == 0;
}

static char *
describe (const CvnBrokerageCandidate *candidate)
{
  GString *reason = g_string_new (cvn_nearness_to_string (candidate->nearness));
  char days[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (reason, ", ");
  g_string_append (reason, cvn_qa_status_to_string (candidate->qa_status));
  g_string_append (reason, ", ");
  g_ascii_formatd (days, sizeof days, "%g", candidate->remaining_days);
  if (candidate->remaining_days == 1.0)
    g_string_append (reason, _("1 day left"));
  else
    g_string_append_printf (reason, _("%s days left"), days);
  g_string_append (reason, ", ");
  if (candidate->distance_km >= 0)
    g_string_append_printf (reason, _("%.1f km"), candidate->distance_km);
  else
    g_string_append (reason, _("distance unknown"));
  if (candidate->conflict)
    g_string_append_printf (reason, _(", %s: conflict to consider"), candidate->conflict_reason);
  return g_string_free (reason, FALSE);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const CvnBrokerageCandidate *x = *(CvnBrokerageCandidate * const *) a;
  const CvnBrokerageCandidate *y = *(CvnBrokerageCandidate * const *) b;
  gboolean x_far = x->distance_km < 0, y_far = y->distance_km < 0;
  int by_name;

  if (x->nearness != y->nearness)
    return x->nearness < y->nearness ? -1 : 1;
  if (x->qa_status != y->qa_status)
    return x->qa_status > y->qa_status ? -1 : 1;
  if (x->remaining_days != y->remaining_days)
    return x->remaining_days > y->remaining_days ? -1 : 1;
  if (x_far != y_far)
    return x_far ? 1 : -1;
  if (!x_far && x->distance_km != y->distance_km)
    return x->distance_km < y->distance_km ? -1 : 1;
  by_name = g_utf8_collate (x->provider_name, y->provider_name);
  if (by_name != 0)
    return by_name;
  if (x->provider_kind != y->provider_kind)
    return x->provider_kind < y->provider_kind ? -1 : 1;
  return x->provider_id < y->provider_id ? -1 : x->provider_id > y->provider_id;
}

static gboolean
resolve_request (CvnSnapshot             *snapshot,
                 gint64                   need_entry_id,
                 gint64                  *school_id,
                 gint64                  *area_id,
                 gint64                  *out_need_id,
                 GError                 **error)
{
  *out_need_id = 0;
  if (need_entry_id > 0)
    {
      const CvnDirectoryEntry *need = NULL;

      for (guint i = 0; i < snapshot->directory_entries->len && need == NULL; i++)
        if (g_array_index (snapshot->directory_entries, CvnDirectoryEntry, i).id == need_entry_id)
          need = &g_array_index (snapshot->directory_entries, CvnDirectoryEntry, i);
      if (need == NULL)
        {
          g_set_error (error, CVN_BROKERAGE_ERROR, CVN_BROKERAGE_ERROR_NOT_FOUND,
                       _("There is no directory entry with id %" G_GINT64_FORMAT), need_entry_id);
          return FALSE;
        }
      if (need->kind != CVN_DIRECTORY_NEED)
        {
          g_set_error (error, CVN_BROKERAGE_ERROR, CVN_BROKERAGE_ERROR_INVALID,
                       _("Directory entry %" G_GINT64_FORMAT " is a strength, not a need"),
                       need_entry_id);
          return FALSE;
        }
      *school_id = cvn_directory_holder_establishment (snapshot, need->holder_kind,
                                                      need->holder_id);
      *area_id = need->area_id;
      *out_need_id = need->id;
      if (*school_id <= 0)
        {
          g_set_error (error, CVN_BROKERAGE_ERROR, CVN_BROKERAGE_ERROR_INVALID,
                       _("The need of %s has no school to receive support"),
                       cvn_snapshot_get_name (snapshot, need->holder_kind, need->holder_id));
          return FALSE;
        }
    }

  if (cvn_snapshot_find_establishment (snapshot, *school_id) == NULL)
    {
      g_set_error (error, CVN_BROKERAGE_ERROR, CVN_BROKERAGE_ERROR_NOT_FOUND,
                   _("There is no school with id %" G_GINT64_FORMAT), *school_id);
      return FALSE;
    }
  if (cvn_snapshot_find_expertise_area (snapshot, *area_id) == NULL)
    {
      g_set_error (error, CVN_BROKERAGE_ERROR, CVN_BROKERAGE_ERROR_NOT_FOUND,
                   _("There is no expertise area with id %" G_GINT64_FORMAT), *area_id);
      return FALSE;
    }

  /* Asked by school and area, link the school's own recorded need when it has one. */
  for (guint i = 0; i < snapshot->directory_entries->len && *out_need_id == 0; i++)
    {
      const CvnDirectoryEntry *entry = &g_array_index (snapshot->directory_entries,
                                                       CvnDirectoryEntry, i);

      if (entry->kind == CVN_DIRECTORY_NEED && entry->area_id == *area_id &&
          entry->holder_kind == CVN_OBJECT_ESTABLISHMENT && entry->holder_id == *school_id)
        *out_need_id = entry->id;
    }
  return TRUE;
}

GPtrArray *
cvn_brokerage_rank (CvnSnapshot               *snapshot,
                    gint64                     need_entry_id,
                    gint64                     school_id,
                    gint64                     area_id,
                    const CvnBrokerageOptions *options,
                    GError                   **error)
{
  g_autoptr (GPtrArray) candidates = NULL;
  g_autoptr (CvnCapacityLedger) ledger = NULL;
  g_autoptr (GHashTable) by_holder = NULL;
  const CvnEstablishment *recipient;
  Reach recipient_reach = { 0 };
  gint64 need_id;

  g_return_val_if_fail (snapshot != NULL, NULL);
  g_return_val_if_fail (need_entry_id > 0 || (school_id > 0 && area_id > 0), NULL);

  if (!resolve_request (snapshot, need_entry_id, &school_id, &area_id, &need_id, error))
    return NULL;
  recipient = cvn_snapshot_find_establishment (snapshot, school_id);

  candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) cvn_brokerage_candidate_free);
  ledger = cvn_capacity_ledger_new (snapshot);
  /* One candidate per provider, even when it wrote several strengths in the area. */
  by_holder = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reach_init (&recipient_reach, snapshot, CVN_OBJECT_ESTABLISHMENT, school_id);

  for (guint i = 0; i < snapshot->directory_entries->len; i++)
    {
      const CvnDirectoryEntry *entry = &g_array_index (snapshot->directory_entries,
                                                       CvnDirectoryEntry, i);
      const CvnEstablishment *provider_school;
      g_autofree char *holder_key = NULL;
      CvnBrokerageCandidate *candidate;
      gint64 provider_school_id;
      double remaining;

      if (entry->kind != CVN_DIRECTORY_STRENGTH || entry->area_id != area_id)
        continue;
      provider_school_id = cvn_directory_holder_establishment (snapshot, entry->holder_kind,
                                                              entry->holder_id);
      provider_school = provider_school_id > 0
                          ? cvn_snapshot_find_establishment (snapshot, provider_school_id)
                          : NULL;
      /* A school is never its own provider, nor are the people who work there. */
      if (provider_school_id == school_id)
        continue;
      if (provider_school != NULL && !provider_school->is_open)
        continue;
      if (cvn_capacity_ledger_has_need (ledger, entry->holder_kind, entry->holder_id, area_id))
        continue;
      remaining = cvn_capacity_ledger_remaining (ledger, entry->holder_kind, entry->holder_id,
                                                 area_id);
      if (remaining <= 0)
        continue;

      holder_key = g_strdup_printf ("%d:%" G_GINT64_FORMAT, entry->holder_kind, entry->holder_id);
      candidate = g_hash_table_lookup (by_holder, holder_key);
      if (candidate != NULL)
        {
          if (entry->qa_status > candidate->qa_status)
            {
              candidate->qa_status = entry->qa_status;
              candidate->entry_id = entry->id;
            }
          continue;
        }

      candidate = g_new0 (CvnBrokerageCandidate, 1);
      candidate->entry_id = entry->id;
      candidate->provider_kind = entry->holder_kind;
      candidate->provider_id = entry->holder_id;
      candidate->provider_school_id = provider_school_id;
      candidate->provider_name = g_strdup (cvn_snapshot_get_name (snapshot, entry->holder_kind,
                                                                  entry->holder_id));
      if (candidate->provider_name == NULL)
        candidate->provider_name = g_strdup ("");
      candidate->recipient_id = school_id;
      candidate->area_id = area_id;
      candidate->need_entry_id = need_id;
      candidate->qa_status = entry->qa_status;
      candidate->remaining_days = remaining;
      candidate->distance_km = -1;
      if (provider_school != NULL && provider_school->has_location && recipient->has_location)
        candidate->distance_km = hypot (provider_school->easting - recipient->easting,
                                        provider_school->northing - recipient->northing) / 1000.0;
      if (provider_school != NULL && same_text (provider_school->trust, recipient->trust))
        candidate->conflict_reason = g_strdup (_("same trust"));
      else if (provider_school != NULL &&
               same_text (provider_school->federation, recipient->federation))
        candidate->conflict_reason = g_strdup (_("same federation"));
      candidate->conflict = candidate->conflict_reason != NULL;

      {
        Reach reach = { 0 };

        reach_init (&reach, snapshot, entry->holder_kind, entry->holder_id);
        if (sets_meet (reach.clusters, recipient_reach.clusters))
          candidate->nearness = CVN_NEARNESS_SAME_CLUSTER;
        else if (sets_meet (reach.alliances, recipient_reach.alliances))
          candidate->nearness = CVN_NEARNESS_SAME_ALLIANCE;
        else
          candidate->nearness = CVN_NEARNESS_WIDER_AREA;
        reach_clear (&reach);
      }

      g_ptr_array_add (candidates, candidate);
      g_hash_table_insert (by_holder, g_steal_pointer (&holder_key), candidate);
    }
  reach_clear (&recipient_reach);

  g_ptr_array_sort (candidates, compare_candidates);
  if (options != NULL && options->max_candidates > 0 && candidates->len > options->max_candidates)
    g_ptr_array_set_size (candidates, (int) options->max_candidates);
  for (guint i = 0; i < candidates->len; i++)
    {
      CvnBrokerageCandidate *candidate = g_ptr_array_index (candidates, i);

      candidate->rank = i + 1;
      candidate->reason = describe (candidate);
    }
  return g_steal_pointer (&candidates);
}

gint64
cvn_brokerage_record (CvnDocument                 *doc,
                      const CvnBrokerageCandidate *candidate,
                      gint64                       need_entry_id,
                      double                       days,
                      const char                  *broker,
                      const char                  *start_date,
                      const char                  *end_date,
                      const char                  *success_criteria,
                      GError                     **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *recipient_name = NULL;
  g_autofree char *label = NULL;
  CvnSupportEngagement engagement = { 0 };
  gint64 id;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), 0);
  g_return_val_if_fail (candidate != NULL, 0);

  if (!(days > 0) || !isfinite (days))
    {
      g_set_error_literal (error, CVN_BROKERAGE_ERROR, CVN_BROKERAGE_ERROR_INVALID,
                           _("Support must be for a positive number of days"));
      return 0;
    }
  if (!cvn_date_is_valid (start_date) || !cvn_date_is_valid (end_date))
    {
      g_set_error (error, CVN_BROKERAGE_ERROR, CVN_BROKERAGE_ERROR_INVALID,
                   _("“%s” is not a date of the form YYYY-MM-DD"),
                   cvn_date_is_valid (start_date) ? end_date : start_date);
      return 0;
    }
  if (start_date != NULL && end_date != NULL && start_date[0] != '\0' && end_date[0] != '\0' &&
      strcmp (end_date, start_date) < 0)
    {
      g_set_error (error, CVN_BROKERAGE_ERROR, CVN_BROKERAGE_ERROR_INVALID,
                   _("Support cannot end (%s) before it starts (%s)"), end_date, start_date);
      return 0;
    }

  stmt = cvn_document_prepare (doc, "SELECT name FROM establishments WHERE id = ?1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, candidate->recipient_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, CVN_BROKERAGE_ERROR, CVN_BROKERAGE_ERROR_NOT_FOUND,
                   _("There is no school with id %" G_GINT64_FORMAT), candidate->recipient_id);
      return 0;
    }
  recipient_name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_finalize);

  engagement.provider_kind = candidate->provider_kind;
  engagement.provider_id = candidate->provider_id;
  engagement.recipient_id = candidate->recipient_id;
  engagement.area_id = candidate->area_id;
  engagement.need_entry_id = need_entry_id > 0 ? need_entry_id : candidate->need_entry_id;
  engagement.broker = (char *) (broker != NULL ? broker : "");
  engagement.days = days;
  engagement.start_date = (char *) (start_date != NULL ? start_date : "");
  engagement.end_date = (char *) (end_date != NULL ? end_date : "");
  engagement.success_criteria = (char *) (success_criteria != NULL ? success_criteria : "");
  engagement.status = CVN_ENGAGEMENT_PROPOSED;
  engagement.impact_notes = (char *) "";

  label = g_strdup_printf (_("Broker support for %s"), recipient_name);
  if (!cvn_document_begin_edit (doc, label, error))
    return 0;
  id = cvn_store_insert_support_engagement (doc, &engagement, error);
  if (id == 0)
    {
      cvn_document_rollback_edit (doc);
      return 0;
    }
  if (!cvn_document_commit_edit (doc, error))
    return 0;
  return id;
}
