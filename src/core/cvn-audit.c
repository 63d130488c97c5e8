/* cvn-audit.c
 *
 * The audit works in three passes over the snapshot, each linear in its size, so that a
 * county-sized document (tens of thousands of schools, a hundred thousand directory entries)
 * audits in well under a frame's worth of a second:
 *
 *  1. groups: for every group, which sub-areas (columns) it falls under and whether it lies
 *     inside the audited group, following parent links and group-in-group memberships;
 *  2. schools: for every school, its columns, through its current memberships;
 *  3. entries: every directory entry lands in the cells of its holder's school's columns.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-audit"

#include "config.h"

#include "cvn-audit.h"
#include "cvn-directory.h"

#include <glib/gi18n-lib.h>
#include <string.h>

void
cvn_audit_options_init_from_document (CvnAuditOptions *options,
                                      CvnDocument     *doc)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (CVN_IS_DOCUMENT (doc));

  memset (options, 0, sizeof *options);
  options->stale_months = cvn_document_get_setting_int (doc, CVN_AUDIT_STALE_MONTHS_SETTING,
                                                        CVN_AUDIT_DEFAULT_STALE_MONTHS);
  if (options->stale_months <= 0)
    options->stale_months = CVN_AUDIT_DEFAULT_STALE_MONTHS;
}

const char *
cvn_audit_finding_kind_to_string (CvnAuditFindingKind kind)
{
  switch (kind)
    {
    case CVN_AUDIT_UNMET_NEED:
      return "unmet-need";
    case CVN_AUDIT_OVER_COMMITTED:
      return "over-committed";
    case CVN_AUDIT_STALE:
      return "stale";
    case CVN_AUDIT_SELF_DECLARED:
      return "self-declared";
    case CVN_AUDIT_VULNERABLE_UNSUPPORTED:
      return "vulnerable-unsupported";
    case CVN_AUDIT_N_FINDING_KINDS:
    default:
      g_return_val_if_reached ("");
    }
}

static void
cell_init (CvnAuditCell *cell)
{
  memset (cell, 0, sizeof *cell);
  cell->entry_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  cell->establishment_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static void
cell_clear (CvnAuditCell *cell)
{
  g_clear_pointer (&cell->entry_ids, g_array_unref);
  g_clear_pointer (&cell->establishment_ids, g_array_unref);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
cell_finish (CvnAuditCell *cell)
{
  GArray *ids = cell->establishment_ids;
  guint kept = 0;

  g_array_sort (ids, compare_ids);
  for (guint i = 0; i < ids->len; i++)
    if (kept == 0 || g_array_index (ids, gint64, i) != g_array_index (ids, gint64, kept - 1))
      g_array_index (ids, gint64, kept++) = g_array_index (ids, gint64, i);
  g_array_set_size (ids, kept);
}

void
cvn_audit_free (CvnAudit *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->n_areas; i++)
    {
      g_free (self->areas[i].name);
      cell_clear (&self->totals[i]);
      for (guint j = 0; j < self->n_sub_areas; j++)
        cell_clear (&self->cells[i * self->n_sub_areas + j]);
    }
  for (guint j = 0; j < self->n_sub_areas; j++)
    g_free (self->sub_areas[j].name);
  g_free (self->areas);
  g_free (self->sub_areas);
  g_free (self->cells);
  g_free (self->totals);
  g_clear_pointer (&self->findings, g_array_unref);
  g_free (self->today);
  g_free (self->stale_before);
  g_free (self);
}

const CvnAuditCell *
cvn_audit_get_cell (const CvnAudit *self,
                    guint           area_index,
                    guint           sub_area_index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (area_index < self->n_areas, NULL);
  g_return_val_if_fail (sub_area_index < self->n_sub_areas, NULL);

  return &self->cells[area_index * self->n_sub_areas + sub_area_index];
}

int
cvn_audit_find_area (const CvnAudit *self,
                     gint64          area_id)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; i < self->n_areas; i++)
    if (self->areas[i].area_id == area_id)
      return (int) i;
  return -1;
}

/* Working state ----------------------------------------------------------------------------- */

typedef struct
{
  CvnSnapshot *snapshot;
  CvnAudit    *audit;
  gint64       scope_id;          /* the audited group, or 0 */

  /* Per group (by index in snapshot->groups): the columns it falls under, and whether it is
   * the audited group or lies below it. */
  GArray     **group_columns;     /* GArray of guint, or NULL */
  gboolean    *group_in_scope;
  GHashTable  *group_index;       /* group id -> index + 1 */

  /* Per school (by index in snapshot->establishments). */
  GArray     **school_columns;    /* GArray of guint, or NULL */
  gboolean    *school_in_scope;
  gboolean    *school_badged;
  int          no_alliance;       /* the "No alliance" column, or -1 */

  GHashTable  *area_rows;         /* area id -> row + 1 */
  GHashTable  *badged_people;     /* person id set */
} Audit;

static guint
establishment_index (CvnSnapshot            *snapshot,
                     const CvnEstablishment *establishment)
{
  return (guint) (establishment - (const CvnEstablishment *) snapshot->establishments->data);
}

/* The index of a school in the snapshot, or -1 when @id names none. */
static int
find_school (CvnSnapshot *snapshot,
             gint64       id)
{
  const CvnEstablishment *establishment;

  if (id <= 0)
    return -1;
  establishment = cvn_snapshot_find_establishment (snapshot, id);
  return establishment != NULL ? (int) establishment_index (snapshot, establishment) : -1;
}

static void
add_column (GArray **columns,
            guint    column)
{
  if (*columns == NULL)
    *columns = g_array_sized_new (FALSE, FALSE, sizeof (guint), 2);
  for (guint i = 0; i < (*columns)->len; i++)
    if (g_array_index (*columns, guint, i) == column)
      return;
  g_array_append_val (*columns, column);
}

static void
add_sub_area (GArray             *sub_areas,
              CvnAuditSubAreaKind kind,
              gint64              id,
              const char         *name)
{
  CvnAuditSubArea sub_area = { kind, id, g_strdup (name) };

  g_array_append_val (sub_areas, sub_area);
}

/* Picks the columns: a group's children of the tier below it (a board's alliances, an
 * alliance's clusters) or, when it has none of that tier, all its children; a group without
 * children splits into its schools, which are added later, once membership is known. */
static gboolean
choose_group_columns (Audit  *self,
                      GArray *sub_areas)
{
  CvnSnapshot *snapshot = self->snapshot;
  const CvnGroup *scope = NULL;
  g_autoptr (GPtrArray) children = NULL;
  gboolean any_of_tier = FALSE;

  if (self->scope_id == 0)
    {
      for (guint i = 0; i < snapshot->groups->len; i++)
        {
          const CvnGroup *group = &g_array_index (snapshot->groups, CvnGroup, i);

          if (group->tier == 2)
            add_sub_area (sub_areas, CVN_AUDIT_SUB_AREA_GROUP, group->id, group->name);
        }
      self->no_alliance = (int) sub_areas->len;
      add_sub_area (sub_areas, CVN_AUDIT_SUB_AREA_NO_ALLIANCE, 0, _("No alliance"));
      return FALSE;
    }

  scope = cvn_snapshot_find_group (snapshot, self->scope_id);
  children = cvn_snapshot_get_child_groups (snapshot, scope->id);
  for (guint i = 0; i < children->len; i++)
    {
      const CvnGroup *child = g_ptr_array_index (children, i);

      if (scope->tier >= 2 && child->tier == scope->tier - 1)
        any_of_tier = TRUE;
    }
  for (guint i = 0; i < children->len; i++)
    {
      const CvnGroup *child = g_ptr_array_index (children, i);

      if (!any_of_tier || child->tier == scope->tier - 1)
        add_sub_area (sub_areas, CVN_AUDIT_SUB_AREA_GROUP, child->id, child->name);
    }
  return children->len == 0;
}

/* Groups reach upwards through their parent and through the groups they are current members
 * of (a cluster listed as a member of an alliance). A breadth-first walk with a visited set
 * copes with the cycles a hand-edited document can hold. */
static void
resolve_group (Audit      *self,
               guint       start,
               GHashTable *column_of_group,
               GArray     *queue,
               GHashTable *visited)
{
  CvnSnapshot *snapshot = self->snapshot;

  g_array_set_size (queue, 0);
  g_hash_table_remove_all (visited);
  g_array_append_val (queue, start);
  g_hash_table_add (visited, GUINT_TO_POINTER (start + 1));

  for (guint q = 0; q < queue->len; q++)
    {
      guint index = g_array_index (queue, guint, q);
      const CvnGroup *group = &g_array_index (snapshot->groups, CvnGroup, index);
      gpointer column;
      g_autoptr (GPtrArray) up = NULL;

      if (group->id == self->scope_id)
        self->group_in_scope[start] = TRUE;
      if (g_hash_table_lookup_extended (column_of_group, GSIZE_TO_POINTER (group->id), NULL,
                                        &column))
        add_column (&self->group_columns[start], GPOINTER_TO_UINT (column));

      up = cvn_snapshot_get_memberships_of (snapshot, CVN_OBJECT_GROUP, group->id, TRUE);
      if (group->parent_id > 0)
        {
          guint parent = GPOINTER_TO_UINT (g_hash_table_lookup (self->group_index,
                                                                GSIZE_TO_POINTER (group->parent_id)));

          if (parent > 0 && g_hash_table_add (visited, GUINT_TO_POINTER (parent)))
            {
              parent--;
              g_array_append_val (queue, parent);
            }
        }
      for (guint i = 0; i < up->len; i++)
        {
          const CvnMembership *membership = g_ptr_array_index (up, i);
          guint outer = GPOINTER_TO_UINT (g_hash_table_lookup (self->group_index,
                                                               GSIZE_TO_POINTER (membership->group_id)));

          if (outer > 0 && g_hash_table_add (visited, GUINT_TO_POINTER (outer)))
            {
              outer--;
              g_array_append_val (queue, outer);
            }
        }
    }
}

static void
resolve_groups (Audit  *self,
                GArray *sub_areas)
{
  CvnSnapshot *snapshot = self->snapshot;
  g_autoptr (GHashTable) column_of_group = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr (GHashTable) visited = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr (GArray) queue = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_groups = snapshot->groups->len;

  self->group_columns = g_new0 (GArray *, n_groups);
  self->group_in_scope = g_new0 (gboolean, n_groups);
  self->group_index = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint i = 0; i < n_groups; i++)
    g_hash_table_insert (self->group_index,
                         GSIZE_TO_POINTER (g_array_index (snapshot->groups, CvnGroup, i).id),
                         GUINT_TO_POINTER (i + 1));
  for (guint j = 0; j < sub_areas->len; j++)
    {
      const CvnAuditSubArea *sub_area = &g_array_index (sub_areas, CvnAuditSubArea, j);

      if (sub_area->kind == CVN_AUDIT_SUB_AREA_GROUP)
        g_hash_table_insert (column_of_group, GSIZE_TO_POINTER (sub_area->id),
                             GUINT_TO_POINTER (j));
    }
  for (guint i = 0; i < n_groups; i++)
    resolve_group (self, i, column_of_group, queue, visited);
}

static void
resolve_schools (Audit  *self,
                 GArray *sub_areas,
                 gboolean columns_are_schools)
{
  CvnSnapshot *snapshot = self->snapshot;
  guint n_schools = snapshot->establishments->len;

  self->school_columns = g_new0 (GArray *, n_schools);
  self->school_in_scope = g_new0 (gboolean, n_schools);
  self->school_badged = g_new0 (gboolean, n_schools);

  for (guint i = 0; i < snapshot->memberships->len; i++)
    {
      const CvnMembership *membership = &g_array_index (snapshot->memberships, CvnMembership, i);
      guint group;
      int school;
      GArray *columns;

      if (membership->member_kind != CVN_OBJECT_ESTABLISHMENT ||
          !cvn_snapshot_membership_is_current (snapshot, membership))
        continue;
      school = find_school (snapshot, membership->member_id);
      group = GPOINTER_TO_UINT (g_hash_table_lookup (self->group_index,
                                                     GSIZE_TO_POINTER (membership->group_id)));
      if (school < 0 || group == 0)
        continue;
      group--;
      if (self->group_in_scope[group])
        self->school_in_scope[school] = TRUE;
      columns = self->group_columns[group];
      for (guint c = 0; columns != NULL && c < columns->len; c++)
        add_column (&self->school_columns[school], g_array_index (columns, guint, c));
    }

  for (guint i = 0; i < n_schools; i++)
    {
      const CvnEstablishment *school = &g_array_index (snapshot->establishments,
                                                       CvnEstablishment, i);

      if (self->scope_id == 0)
        {
          /* The whole document holds every school; those in no alliance get a column too. */
          self->school_in_scope[i] = TRUE;
          if (self->school_columns[i] == NULL)
            add_column (&self->school_columns[i], (guint) self->no_alliance);
        }
      else if (columns_are_schools && self->school_in_scope[i])
        {
          add_column (&self->school_columns[i], sub_areas->len);
          add_sub_area (sub_areas, CVN_AUDIT_SUB_AREA_SCHOOL, school->id, school->name);
        }
    }

  /* Badged: the school itself, or (for people) the person or the person's school. */
  self->badged_people = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint i = 0; i < snapshot->designations->len; i++)
    {
      const CvnDesignation *designation = &g_array_index (snapshot->designations,
                                                          CvnDesignation, i);

      if (!cvn_designation_is_current (designation, snapshot->today))
        continue;
      if (designation->person_id > 0)
        g_hash_table_add (self->badged_people, GSIZE_TO_POINTER (designation->person_id));
      else
        {
          int school = find_school (snapshot, designation->establishment_id);

          if (school >= 0)
            self->school_badged[school] = TRUE;
        }
    }
}

/* Where a directory holder sits: its school's index (or -1), whether it is inside the
 * audited scope, and its columns. People without a school only count in the whole document,
 * under "No alliance". */
typedef struct
{
  int      school;
  gboolean in_scope;
  GArray  *columns;
  gboolean badged;
} Placement;

static void
place_holder (Audit        *self,
              CvnObjectKind kind,
              gint64        id,
              Placement    *out,
              GArray       *no_alliance_only)
{
  CvnSnapshot *snapshot = self->snapshot;

  out->school = find_school (snapshot, cvn_directory_holder_establishment (snapshot, kind, id));
  out->badged = kind == CVN_OBJECT_PERSON &&
                g_hash_table_contains (self->badged_people, GSIZE_TO_POINTER (id));
  if (out->school >= 0)
    {
      out->in_scope = self->school_in_scope[out->school];
      out->columns = self->school_columns[out->school];
      out->badged = out->badged || self->school_badged[out->school];
    }
  else
    {
      out->in_scope = self->scope_id == 0 && kind == CVN_OBJECT_PERSON;
      out->columns = out->in_scope ? no_alliance_only : NULL;
    }
}

static void
count_entry (CvnAuditCell            *cell,
             const CvnDirectoryEntry *entry,
             gint64                   school_id,
             gboolean                 badged)
{
  switch (entry->kind)
    {
    case CVN_DIRECTORY_STRENGTH:
      cell->strength_count++;
      cell->capacity_days += entry->capacity_days;
      if (badged)
        cell->badged_days += entry->capacity_days;
      else
        cell->unbadged_days += entry->capacity_days;
      break;
    case CVN_DIRECTORY_NEED:
      cell->need_count++;
      break;
    default:
      g_assert_not_reached ();
    }
  g_array_append_val (cell->entry_ids, entry->id);
  if (school_id > 0)
    g_array_append_val (cell->establishment_ids, school_id);
}

/* Findings ------------------------------------------------------------------------------ */

typedef struct
{
  CvnAuditFinding finding;
  guint           holder_rank;   /* schools, then people, each in the snapshot's name order */
  int             area_row;
} SortableFinding;

static guint
holder_rank (CvnSnapshot  *snapshot,
             CvnObjectKind kind,
             gint64        id)
{
  if (kind == CVN_OBJECT_ESTABLISHMENT)
    {
      int school = find_school (snapshot, id);

      return school >= 0 ? (guint) school : G_MAXUINT;
    }
  else
    {
      const CvnPerson *person = cvn_snapshot_find_person (snapshot, id);

      if (person == NULL)
        return G_MAXUINT;
      return snapshot->establishments->len +
             (guint) (person - (const CvnPerson *) snapshot->people->data);
    }
}

static void
add_finding (Audit              *self,
             GArray             *findings,
             CvnAuditFindingKind kind,
             gint64              entry_id,
             CvnObjectKind       holder_kind,
             gint64              holder_id,
             gint64              area_id,
             double              offered,
             double              committed)
{
  SortableFinding s = { { kind, entry_id, holder_kind, holder_id, area_id, offered, committed },
                        holder_rank (self->snapshot, holder_kind, holder_id),
                        GPOINTER_TO_INT (g_hash_table_lookup (self->area_rows,
                                                              GSIZE_TO_POINTER (area_id))) };

  g_array_append_val (findings, s);
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  const SortableFinding *x = a, *y = b;

  if (x->finding.kind != y->finding.kind)
    return x->finding.kind < y->finding.kind ? -1 : 1;
  if (x->holder_rank != y->holder_rank)
    return x->holder_rank < y->holder_rank ? -1 : 1;
  if (x->area_row != y->area_row)
    return x->area_row < y->area_row ? -1 : 1;
  return compare_ids (&x->finding.entry_id, &y->finding.entry_id);
}

typedef struct
{
  Audit  *audit;
  GArray *findings;
  GArray *no_alliance_only;
} OverCommitment;

static void
check_commitment (CvnObjectKind holder_kind,
                  gint64        holder_id,
                  gint64        area_id,
                  double        offered,
                  double        committed,
                  gpointer      user_data)
{
  OverCommitment *data = user_data;
  Placement placement;

  /* Days are entered by hand in halves and quarters; a hair's breadth is not a finding. */
  if (committed <= offered + 1e-9)
    return;
  place_holder (data->audit, holder_kind, holder_id, &placement, data->no_alliance_only);
  if (placement.in_scope)
    add_finding (data->audit, data->findings, CVN_AUDIT_OVER_COMMITTED, 0, holder_kind,
                 holder_id, area_id, offered, committed);
}

/* The date @months before @today, or an empty string when today is not a date. */
static char *
months_before (const char *today,
               int         months)
{
  g_autoptr (GDate) date = NULL;
  guint64 year, month, day;
  char buf[11];

  if (today == NULL || !cvn_date_is_valid (today) || today[0] == '\0')
    return g_strdup ("");
  memcpy (buf, today, sizeof buf);
  buf[4] = buf[7] = '\0';
  g_ascii_string_to_unsigned (buf, 10, 1, 9999, &year, NULL);
  g_ascii_string_to_unsigned (buf + 5, 10, 1, 12, &month, NULL);
  g_ascii_string_to_unsigned (buf + 8, 10, 1, 31, &day, NULL);
  date = g_date_new_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
  g_date_subtract_months (date, (guint) months);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* A need is unmet when no holder inside the scope could be brokered to it: a strength in
 * the area with days left, whose holder has no need there itself, at an open school other
 * than the one in need. These are the same rules brokerage applies. */
static void
find_unmet_needs (Audit             *self,
                  CvnCapacityLedger *ledger,
                  GArray            *findings,
                  GArray            *no_alliance_only)
{
  CvnSnapshot *snapshot = self->snapshot;
  guint n_areas = self->audit->n_areas;
  g_autofree guint *providers = g_new0 (guint, n_areas);
  /* (area row, school id) -> providers at that school; (kind, holder, area) already seen. */
  g_autoptr (GHashTable) at_school = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                            g_free, NULL);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < snapshot->directory_entries->len; i++)
    {
      const CvnDirectoryEntry *entry = &g_array_index (snapshot->directory_entries,
                                                       CvnDirectoryEntry, i);
      guint row = GPOINTER_TO_UINT (g_hash_table_lookup (self->area_rows,
                                                         GSIZE_TO_POINTER (entry->area_id)));
      Placement placement;
      char seen_key[64];

      if (entry->kind != CVN_DIRECTORY_STRENGTH || row == 0)
        continue;
      place_holder (self, entry->holder_kind, entry->holder_id, &placement, no_alliance_only);
      if (!placement.in_scope ||
          cvn_capacity_ledger_remaining (ledger, entry->holder_kind, entry->holder_id,
                                         entry->area_id) <= 0 ||
          cvn_capacity_ledger_has_need (ledger, entry->holder_kind, entry->holder_id,
                                        entry->area_id))
        continue;
      if (placement.school >= 0 &&
          !g_array_index (snapshot->establishments, CvnEstablishment, placement.school).is_open)
        continue;
      g_snprintf (seen_key, sizeof seen_key, "%d:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                  entry->holder_kind, entry->holder_id, entry->area_id);
      if (!g_hash_table_add (seen, g_strdup (seen_key)))
        continue;
      providers[row - 1]++;
      if (placement.school >= 0)
        {
          gint64 k = ((gint64) row << 40) |
                     g_array_index (snapshot->establishments, CvnEstablishment,
                                    placement.school).id;
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (at_school, &k));

          g_hash_table_insert (at_school, g_memdup2 (&k, sizeof k), GUINT_TO_POINTER (n + 1));
        }
    }

  for (guint i = 0; i < snapshot->directory_entries->len; i++)
    {
      const CvnDirectoryEntry *entry = &g_array_index (snapshot->directory_entries,
                                                       CvnDirectoryEntry, i);
      guint row = GPOINTER_TO_UINT (g_hash_table_lookup (self->area_rows,
                                                         GSIZE_TO_POINTER (entry->area_id)));
      Placement placement;
      guint own = 0;

      if (entry->kind != CVN_DIRECTORY_NEED || row == 0)
        continue;
      place_holder (self, entry->holder_kind, entry->holder_id, &placement, no_alliance_only);
      if (!placement.in_scope)
        continue;
      if (placement.school >= 0)
        {
          gint64 k = ((gint64) row << 40) |
                     g_array_index (snapshot->establishments, CvnEstablishment,
                                    placement.school).id;

          own = GPOINTER_TO_UINT (g_hash_table_lookup (at_school, &k));
        }
      if (providers[row - 1] <= own)
        add_finding (self, findings, CVN_AUDIT_UNMET_NEED, entry->id, entry->holder_kind,
                     entry->holder_id, entry->area_id, 0, 0);
    }
}

static void
find_findings (Audit  *self,
               GArray *no_alliance_only)
{
  CvnSnapshot *snapshot = self->snapshot;
  CvnAudit *audit = self->audit;
  g_autoptr (CvnCapacityLedger) ledger = cvn_capacity_ledger_new (snapshot);
  g_autoptr (GArray) findings = g_array_new (FALSE, FALSE, sizeof (SortableFinding));
  g_autoptr (GHashTable) supported = g_hash_table_new (g_direct_hash, g_direct_equal);
  OverCommitment over = { self, findings, no_alliance_only };

  find_unmet_needs (self, ledger, findings, no_alliance_only);
  cvn_capacity_ledger_foreach (ledger, check_commitment, &over);

  for (guint i = 0; i < snapshot->directory_entries->len; i++)
    {
      const CvnDirectoryEntry *entry = &g_array_index (snapshot->directory_entries,
                                                       CvnDirectoryEntry, i);
      Placement placement;

      place_holder (self, entry->holder_kind, entry->holder_id, &placement, no_alliance_only);
      if (!placement.in_scope)
        continue;
      if (entry->reviewed_on[0] == '\0' || strcmp (entry->reviewed_on, audit->stale_before) < 0)
        add_finding (self, findings, CVN_AUDIT_STALE, entry->id, entry->holder_kind,
                     entry->holder_id, entry->area_id, 0, 0);
      if (entry->qa_status == CVN_QA_SELF_DECLARED)
        add_finding (self, findings, CVN_AUDIT_SELF_DECLARED, entry->id, entry->holder_kind,
                     entry->holder_id, entry->area_id, 0, 0);
    }

  for (guint i = 0; i < snapshot->support_engagements->len; i++)
    {
      const CvnSupportEngagement *engagement = &g_array_index (snapshot->support_engagements,
                                                               CvnSupportEngagement, i);

      if (engagement->status == CVN_ENGAGEMENT_AGREED ||
          engagement->status == CVN_ENGAGEMENT_ACTIVE)
        g_hash_table_add (supported, GSIZE_TO_POINTER (engagement->recipient_id));
    }
  for (guint i = 0; i < snapshot->establishments->len; i++)
    {
      const CvnEstablishment *school = &g_array_index (snapshot->establishments,
                                                       CvnEstablishment, i);

      if (self->school_in_scope[i] && school->is_open && school->risk_category[0] != '\0' &&
          !g_hash_table_contains (supported, GSIZE_TO_POINTER (school->id)))
        add_finding (self, findings, CVN_AUDIT_VULNERABLE_UNSUPPORTED, 0,
                     CVN_OBJECT_ESTABLISHMENT, school->id, 0, 0, 0);
    }

  g_array_sort (findings, compare_findings);
  audit->findings = g_array_sized_new (FALSE, FALSE, sizeof (CvnAuditFinding), findings->len);
  for (guint i = 0; i < findings->len; i++)
    g_array_append_val (audit->findings, g_array_index (findings, SortableFinding, i).finding);
}

/* The whole audit -------------------------------------------------------------------------- */

static void
audit_clear (Audit *self)
{
  CvnSnapshot *snapshot = self->snapshot;

  for (guint i = 0; self->group_columns != NULL && i < snapshot->groups->len; i++)
    g_clear_pointer (&self->group_columns[i], g_array_unref);
  for (guint i = 0; self->school_columns != NULL && i < snapshot->establishments->len; i++)
    g_clear_pointer (&self->school_columns[i], g_array_unref);
  g_free (self->group_columns);
  g_free (self->group_in_scope);
  g_free (self->school_columns);
  g_free (self->school_in_scope);
  g_free (self->school_badged);
  g_clear_pointer (&self->group_index, g_hash_table_unref);
  g_clear_pointer (&self->area_rows, g_hash_table_unref);
  g_clear_pointer (&self->badged_people, g_hash_table_unref);
}

CvnAudit *
cvn_audit_compute (CvnSnapshot           *snapshot,
                   gint64                 group_id,
                   const CvnAuditOptions *options)
{
  CvnAudit *audit;
  Audit self = { 0 };
  g_autoptr (GArray) sub_areas = NULL;
  g_autoptr (GArray) no_alliance_only = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean columns_are_schools;
  guint n_areas, n_columns;

  g_return_val_if_fail (snapshot != NULL, NULL);
  g_return_val_if_fail (group_id == 0 || cvn_snapshot_find_group (snapshot, group_id) != NULL,
                        NULL);

  audit = g_new0 (CvnAudit, 1);
  audit->group_id = group_id;
  audit->today = g_strdup (snapshot->today);
  audit->stale_months = options != NULL && options->stale_months > 0
                          ? options->stale_months : CVN_AUDIT_DEFAULT_STALE_MONTHS;
  audit->stale_before = months_before (snapshot->today, audit->stale_months);

  self.snapshot = snapshot;
  self.audit = audit;
  self.scope_id = group_id;
  self.no_alliance = -1;

  sub_areas = g_array_new (FALSE, FALSE, sizeof (CvnAuditSubArea));
  columns_are_schools = choose_group_columns (&self, sub_areas);
  resolve_groups (&self, sub_areas);
  resolve_schools (&self, sub_areas, columns_are_schools);
  if (self.no_alliance >= 0)
    {
      guint column = (guint) self.no_alliance;

      g_array_append_val (no_alliance_only, column);
    }

  n_areas = snapshot->expertise_areas->len;
  n_columns = sub_areas->len;
  audit->n_areas = n_areas;
  audit->areas = g_new0 (CvnAuditArea, MAX (n_areas, 1));
  audit->n_sub_areas = n_columns;
  audit->sub_areas = (CvnAuditSubArea *) (void *) g_array_steal (sub_areas, NULL);
  audit->cells = g_new0 (CvnAuditCell, MAX (n_areas * n_columns, 1));
  audit->totals = g_new0 (CvnAuditCell, MAX (n_areas, 1));
  self.area_rows = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint i = 0; i < n_areas; i++)
    {
      const CvnExpertiseArea *area = &g_array_index (snapshot->expertise_areas,
                                                     CvnExpertiseArea, i);

      audit->areas[i].area_id = area->id;
      audit->areas[i].name = g_strdup (area->name);
      g_hash_table_insert (self.area_rows, GSIZE_TO_POINTER (area->id), GUINT_TO_POINTER (i + 1));
      cell_init (&audit->totals[i]);
      for (guint j = 0; j < n_columns; j++)
        cell_init (&audit->cells[i * n_columns + j]);
    }

  for (guint i = 0; i < snapshot->directory_entries->len; i++)
    {
      const CvnDirectoryEntry *entry = &g_array_index (snapshot->directory_entries,
                                                       CvnDirectoryEntry, i);
      guint row = GPOINTER_TO_UINT (g_hash_table_lookup (self.area_rows,
                                                         GSIZE_TO_POINTER (entry->area_id)));
      Placement placement;
      gint64 school_id;

      if (row == 0)
        continue;
      row--;
      place_holder (&self, entry->holder_kind, entry->holder_id, &placement, no_alliance_only);
      if (!placement.in_scope)
        continue;
      school_id = placement.school >= 0
                    ? g_array_index (snapshot->establishments, CvnEstablishment,
                                     placement.school).id
                    : 0;
      count_entry (&audit->totals[row], entry, school_id, placement.badged);
      for (guint c = 0; placement.columns != NULL && c < placement.columns->len; c++)
        count_entry (&audit->cells[row * n_columns + g_array_index (placement.columns, guint, c)],
                     entry, school_id, placement.badged);
    }
  for (guint i = 0; i < n_areas; i++)
    {
      cell_finish (&audit->totals[i]);
      for (guint j = 0; j < n_columns; j++)
        cell_finish (&audit->cells[i * n_columns + j]);
    }

  find_findings (&self, no_alliance_only);
  audit_clear (&self);
  return audit;
}
