/* cvn-directory.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-directory"

#include "config.h"

#include "cvn-directory.h"
#include "cvn-store.h"

#include <glib/gi18n-lib.h>
#include <string.h>

const char * const cvn_directory_default_areas[] = {
  N_("reading"),
  N_("phonics"),
  N_("early years"),
  N_("maths"),
  N_("SEND"),
  N_("attendance"),
  N_("behaviour and inclusion"),
  N_("curriculum design"),
  N_("assessment and moderation"),
  N_("leadership development"),
  N_("governance"),
  N_("HR"),
  N_("finance and business"),
  N_("site management"),
  N_("pastoral care"),
  N_("family and parental engagement"),
  N_("mental health and wellbeing"),
  N_("disadvantaged pupils"),
  N_("looked-after children"),
  N_("initial teacher training"),
  N_("early-career and CPD"),
  NULL
};

typedef struct
{
  const char *code;
  const char *name;
  gboolean    for_schools;
  gboolean    system_leader;
} DesignationSeed;

/* The national designations named in the partnership documents. Improvement partners and
 * Ofsted inspectors are roles a person holds, but not system-leader designations. */
static const DesignationSeed designation_seeds[] = {
  { "NLE", N_("National leader of education"), FALSE, TRUE },
  { "LLE", N_("Local leader of education"), FALSE, TRUE },
  { "NLG", N_("National leader of governance"), FALSE, TRUE },
  { "SLE", N_("Specialist leader of education"), FALSE, FALSE },
  { "TS", N_("Teaching school"), TRUE, FALSE },
  { "TSH", N_("Teaching school hub"), TRUE, FALSE },
  { "MH", N_("Maths hub"), TRUE, FALSE },
  { "EH", N_("English hub"), TRUE, FALSE },
  { "RS", N_("Research school"), TRUE, FALSE },
  { "CH", N_("Consultant head"), FALSE, TRUE },
  { "AH", N_("Associate head"), FALSE, TRUE },
  { "IP", N_("Improvement partner"), FALSE, FALSE },
  { "OI", N_("Ofsted inspector"), FALSE, FALSE },
  { "EXH", N_("Executive head"), FALSE, TRUE },
};

/* Collects the values of the first column of @sql, folded to lower case, into a set. */
static GHashTable *
collect_folded (CvnDocument *doc,
                const char  *sql,
                int         *out_max,
                GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = cvn_document_prepare (doc, sql, error);
  g_autoptr (GHashTable) set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *value = (const char *) sqlite3_column_text (stmt, 0);

      g_hash_table_add (set, g_utf8_casefold (value != NULL ? value : "", -1));
      if (out_max != NULL)
        *out_max = MAX (*out_max, sqlite3_column_int (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    {
      cvn_document_set_sql_error (doc, error, cvn_document_get_path (doc));
      return NULL;
    }
  return g_steal_pointer (&set);
}

gboolean
cvn_directory_seed_areas (CvnDocument *doc,
                          GError     **error)
{
  g_autoptr (GHashTable) existing = NULL;
  g_autoptr (GPtrArray) missing = g_ptr_array_new ();
  int max_position = 0;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), FALSE);

  existing = collect_folded (doc, "SELECT name, position FROM expertise_areas", &max_position,
                             error);
  if (existing == NULL)
    return FALSE;
  for (guint i = 0; cvn_directory_default_areas[i] != NULL; i++)
    {
      const char *name = cvn_directory_default_areas[i];
      g_autofree char *folded = g_utf8_casefold (name, -1);
      g_autofree char *folded_translated = g_utf8_casefold (_(name), -1);

      if (!g_hash_table_contains (existing, folded) &&
          !g_hash_table_contains (existing, folded_translated))
        g_ptr_array_add (missing, (gpointer) name);
    }
  /* Nothing to add means no edit, so the undo history gains no empty step. */
  if (missing->len == 0)
    return TRUE;

  if (!cvn_document_begin_edit (doc, _("Add expertise areas"), error))
    return FALSE;
  for (guint i = 0; i < missing->len; i++)
    {
      CvnExpertiseArea area = { 0 };

      area.name = (char *) _((const char *) g_ptr_array_index (missing, i));
      area.position = max_position + (int) i + 1;
      if (cvn_store_insert_expertise_area (doc, &area, error) == 0)
        {
          cvn_document_rollback_edit (doc);
          return FALSE;
        }
    }
  return cvn_document_commit_edit (doc, error);
}

gboolean
cvn_directory_seed_designation_types (CvnDocument *doc,
                                      GError     **error)
{
  g_autoptr (GHashTable) existing = NULL;
  g_autoptr (GPtrArray) missing = g_ptr_array_new ();

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), FALSE);

  /* A designation is already there when its code or its name is, whoever added it. */
  existing = collect_folded (doc, "SELECT code, 0 FROM designation_types "
                                  "UNION ALL SELECT name, 0 FROM designation_types",
                             NULL, error);
  if (existing == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (designation_seeds); i++)
    {
      g_autofree char *code = g_utf8_casefold (designation_seeds[i].code, -1);
      g_autofree char *name = g_utf8_casefold (designation_seeds[i].name, -1);
      g_autofree char *translated = g_utf8_casefold (_(designation_seeds[i].name), -1);

      if (!g_hash_table_contains (existing, code) && !g_hash_table_contains (existing, name) &&
          !g_hash_table_contains (existing, translated))
        g_ptr_array_add (missing, (gpointer) &designation_seeds[i]);
    }
  if (missing->len == 0)
    return TRUE;

  if (!cvn_document_begin_edit (doc, _("Add designation types"), error))
    return FALSE;
  for (guint i = 0; i < missing->len; i++)
    {
      const DesignationSeed *seed = g_ptr_array_index (missing, i);
      CvnDesignationType type = { 0 };

      type.code = (char *) seed->code;
      type.name = (char *) _(seed->name);
      type.for_schools = seed->for_schools;
      type.system_leader = seed->system_leader;
      if (cvn_store_insert_designation_type (doc, &type, error) == 0)
        {
          cvn_document_rollback_edit (doc);
          return FALSE;
        }
    }
  return cvn_document_commit_edit (doc, error);
}

gboolean
cvn_designation_is_current (const CvnDesignation *designation,
                            const char           *today)
{
  g_return_val_if_fail (designation != NULL, FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  return cvn_date_range_is_current (designation->from_date, designation->until_date, today);
}

gboolean
cvn_designation_is_expired (const CvnDesignation *designation,
                            const char           *today)
{
  g_return_val_if_fail (designation != NULL, FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  return designation->until_date != NULL && designation->until_date[0] != '\0' &&
         strcmp (designation->until_date, today) < 0;
}

static gboolean
holds_current_designation (CvnSnapshot  *snapshot,
                           CvnObjectKind kind,
                           gint64        id)
{
  g_autoptr (GPtrArray) current = NULL;

  if (id <= 0)
    return FALSE;
  current = cvn_snapshot_get_designations_of (snapshot, kind, id, TRUE);
  return current->len > 0;
}

gboolean
cvn_directory_holder_is_badged (CvnSnapshot  *snapshot,
                                CvnObjectKind holder_kind,
                                gint64        holder_id)
{
  g_return_val_if_fail (snapshot != NULL, FALSE);

  if (holds_current_designation (snapshot, holder_kind, holder_id))
    return TRUE;
  if (holder_kind == CVN_OBJECT_PERSON)
    return holds_current_designation (snapshot, CVN_OBJECT_ESTABLISHMENT,
                                      cvn_directory_holder_establishment (snapshot, holder_kind,
                                                                          holder_id));
  return FALSE;
}

gint64
cvn_directory_holder_establishment (CvnSnapshot  *snapshot,
                                    CvnObjectKind holder_kind,
                                    gint64        holder_id)
{
  g_return_val_if_fail (snapshot != NULL, 0);

  switch (holder_kind)
    {
    case CVN_OBJECT_ESTABLISHMENT:
      return holder_id;
    case CVN_OBJECT_PERSON:
      {
        const CvnPerson *person = cvn_snapshot_find_person (snapshot, holder_id);

        return person != NULL ? person->establishment_id : 0;
      }
    case CVN_OBJECT_GROUP:
    case CVN_OBJECT_NONE:
    default:
      return 0;
    }
}

gboolean
cvn_engagement_status_commits_days (CvnEngagementStatus status)
{
  switch (status)
    {
    case CVN_ENGAGEMENT_PROPOSED:
    case CVN_ENGAGEMENT_AGREED:
    case CVN_ENGAGEMENT_ACTIVE:
      return TRUE;
    case CVN_ENGAGEMENT_COMPLETED:
    case CVN_ENGAGEMENT_WITHDRAWN:
    case CVN_N_ENGAGEMENT_STATUSES:
    default:
      return FALSE;
    }
}

/* The ledger ------------------------------------------------------------------------------ */

typedef struct
{
  CvnObjectKind holder_kind;
  gint64        holder_id;
  gint64        area_id;
} LedgerKey;

typedef struct
{
  LedgerKey key;
  double    offered;
  double    committed;
  gboolean  has_need;
} LedgerRow;

struct _CvnCapacityLedger
{
  GHashTable *rows;   /* LedgerKey * -> LedgerRow * (the key lives inside the row) */
};

static guint
ledger_key_hash (gconstpointer data)
{
  const LedgerKey *k = data;
  guint64 h = (guint64) k->holder_id * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

  h ^= (guint64) k->area_id * G_GUINT64_CONSTANT (0xC2B2AE3D27D4EB4F) + (guint64) k->holder_kind;
  return (guint) (h ^ (h >> 32));
}

static gboolean
ledger_key_equal (gconstpointer a,
                  gconstpointer b)
{
  const LedgerKey *ka = a, *kb = b;

  return ka->holder_kind == kb->holder_kind && ka->holder_id == kb->holder_id &&
         ka->area_id == kb->area_id;
}

static LedgerRow *
ledger_row (CvnCapacityLedger *self,
            CvnObjectKind      holder_kind,
            gint64             holder_id,
            gint64             area_id,
            gboolean           create)
{
  LedgerKey k = { holder_kind, holder_id, area_id };
  LedgerRow *row = g_hash_table_lookup (self->rows, &k);

  if (row == NULL && create)
    {
      row = g_new0 (LedgerRow, 1);
      row->key = k;
      g_hash_table_insert (self->rows, &row->key, row);
    }
  return row;
}

CvnCapacityLedger *
cvn_capacity_ledger_new (CvnSnapshot *snapshot)
{
  CvnCapacityLedger *self;

  g_return_val_if_fail (snapshot != NULL, NULL);

  self = g_new0 (CvnCapacityLedger, 1);
  self->rows = g_hash_table_new_full (ledger_key_hash, ledger_key_equal, NULL, g_free);

  for (guint i = 0; i < snapshot->directory_entries->len; i++)
    {
      const CvnDirectoryEntry *entry = &g_array_index (snapshot->directory_entries,
                                                       CvnDirectoryEntry, i);
      LedgerRow *row = ledger_row (self, entry->holder_kind, entry->holder_id, entry->area_id,
                                   TRUE);

      switch (entry->kind)
        {
        case CVN_DIRECTORY_STRENGTH:
          row->offered += entry->capacity_days;
          break;
        case CVN_DIRECTORY_NEED:
          row->has_need = TRUE;
          break;
        default:
          g_assert_not_reached ();
        }
    }
  for (guint i = 0; i < snapshot->support_engagements->len; i++)
    {
      const CvnSupportEngagement *engagement = &g_array_index (snapshot->support_engagements,
                                                               CvnSupportEngagement, i);

      if (engagement->area_id > 0 && cvn_engagement_status_commits_days (engagement->status))
        ledger_row (self, engagement->provider_kind, engagement->provider_id,
                    engagement->area_id, TRUE)->committed += engagement->days;
    }
  return self;
}

void
cvn_capacity_ledger_free (CvnCapacityLedger *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_free (self);
}

double
cvn_capacity_ledger_offered (CvnCapacityLedger *self,
                             CvnObjectKind      holder_kind,
                             gint64             holder_id,
                             gint64             area_id)
{
  LedgerRow *row = ledger_row (self, holder_kind, holder_id, area_id, FALSE);

  return row != NULL ? row->offered : 0.0;
}

double
cvn_capacity_ledger_committed (CvnCapacityLedger *self,
                               CvnObjectKind      holder_kind,
                               gint64             holder_id,
                               gint64             area_id)
{
  LedgerRow *row = ledger_row (self, holder_kind, holder_id, area_id, FALSE);

  return row != NULL ? row->committed : 0.0;
}

double
cvn_capacity_ledger_remaining (CvnCapacityLedger *self,
                               CvnObjectKind      holder_kind,
                               gint64             holder_id,
                               gint64             area_id)
{
  LedgerRow *row = ledger_row (self, holder_kind, holder_id, area_id, FALSE);

  return row != NULL ? row->offered - row->committed : 0.0;
}

gboolean
cvn_capacity_ledger_has_need (CvnCapacityLedger *self,
                              CvnObjectKind      holder_kind,
                              gint64             holder_id,
                              gint64             area_id)
{
  LedgerRow *row = ledger_row (self, holder_kind, holder_id, area_id, FALSE);

  return row != NULL && row->has_need;
}

void
cvn_capacity_ledger_foreach (CvnCapacityLedger     *self,
                             CvnCapacityLedgerFunc  func,
                             gpointer               user_data)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (self != NULL);
  g_return_if_fail (func != NULL);

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      LedgerRow *row = value;

      if (row->offered > 0 || row->committed > 0)
        func (row->key.holder_kind, row->key.holder_id, row->key.area_id, row->offered,
              row->committed, user_data);
    }
}

double
cvn_directory_remaining_capacity (CvnSnapshot             *snapshot,
                                  const CvnDirectoryEntry *entry)
{
  double offered = 0, committed = 0;

  g_return_val_if_fail (snapshot != NULL, 0.0);
  g_return_val_if_fail (entry != NULL, 0.0);

  if (entry->kind != CVN_DIRECTORY_STRENGTH)
    return 0.0;
  for (guint i = 0; i < snapshot->directory_entries->len; i++)
    {
      const CvnDirectoryEntry *other = &g_array_index (snapshot->directory_entries,
                                                       CvnDirectoryEntry, i);

      if (other->kind == CVN_DIRECTORY_STRENGTH && other->holder_kind == entry->holder_kind &&
          other->holder_id == entry->holder_id && other->area_id == entry->area_id)
        offered += other->capacity_days;
    }
  /* An entry not (yet) in the snapshot still offers its own days. */
  if (entry->id <= 0)
    offered += entry->capacity_days;
  for (guint i = 0; i < snapshot->support_engagements->len; i++)
    {
      const CvnSupportEngagement *engagement = &g_array_index (snapshot->support_engagements,
                                                               CvnSupportEngagement, i);

      if (engagement->provider_kind == entry->holder_kind &&
          engagement->provider_id == entry->holder_id && engagement->area_id == entry->area_id &&
          cvn_engagement_status_commits_days (engagement->status))
        committed += engagement->days;
    }
  return offered - committed;
}
