/* cvn-audit.c
 *
 * The audit works in passes over the snapshot, each linear in its size and with no hashing
 * per directory entry, so that a county-sized document (25,000 schools, 100,000 directory
 * entries: tests/bench/bench-audit.c) audits in tens of milliseconds:
 *
 *  1. groups: for every group, which sub-areas (columns) it falls under and whether it lies
 *     inside the audited group, following parent links and group-in-group memberships;
 *  2. schools: for every school, its columns, through its current memberships;
 *  3. entries: every directory entry lands in the cells of its holder's school's columns;
 *  4. findings: the entries, ordered by holder and area with counting sorts, are walked
 *     alongside the engagements to total each holder's offer and commitments per area, and
 *     the lists come out already in order (schools, then people, by name; then by area).
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
cell_clear (CvnAuditCell *cell)
{
  g_clear_pointer (&cell->entry_ids, g_array_unref);
  g_clear_pointer (&cell->establishment_ids, g_array_unref);
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
  /* The totals share the cells' block. */
  g_free (self->cells);
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

/* Ids are SQLite rowids, nearly always dense, so an array indexed by id finds an object's
 * place in the snapshot without hashing; a sparse document falls back to a hash table. */
typedef struct
{
  gint64      max_id;
  gint32     *slots;       /* id -> index, -1 for none; NULL when sparse */
  GHashTable *sparse;      /* id -> index + 1 */
} IdMap;

static void
id_map_init (IdMap  *map,
             GArray *array)
{
  guint n = array->len;
  gsize stride = g_array_get_element_size (array);

  memset (map, 0, sizeof *map);
  /* Every entity struct starts with its gint64 id. */
  for (guint i = 0; i < n; i++)
    map->max_id = MAX (map->max_id, *(const gint64 *) (void *) (array->data + i * stride));
  if (map->max_id <= 4 * (gint64) n + 1024)
    {
      map->slots = g_new (gint32, map->max_id + 1);
      memset (map->slots, 0xff, sizeof (gint32) * (gsize) (map->max_id + 1));
      for (guint i = 0; i < n; i++)
        map->slots[*(const gint64 *) (void *) (array->data + i * stride)] = (gint32) i;
    }
  else
    {
      map->sparse = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; i < n; i++)
        g_hash_table_insert (map->sparse, array->data + i * stride, GUINT_TO_POINTER (i + 1));
    }
}

/* The index of the object with @id, or -1. */
static int
id_map_lookup (const IdMap *map,
               gint64       id)
{
  if (id <= 0 || id > map->max_id)
    return -1;
  if (map->slots != NULL)
    return map->slots[id];
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (map->sparse, &id)) - 1;
}

static void
id_map_clear (IdMap *map)
{
  g_clear_pointer (&map->slots, g_free);
  g_clear_pointer (&map->sparse, g_hash_table_unref);
}

/* Where a directory entry (or the provider of an engagement) sits. */
typedef struct
{
  int      row;         /* the area's row, or -1 */
  int      school;      /* the holder's school's index, or -1 */
  guint    holder;      /* schools first, then people, in the snapshot's name order */
  gboolean in_scope;
  gboolean badged;
  GArray  *columns;     /* guint column indexes, or NULL */
} Place;

typedef struct
{
  CvnSnapshot *snapshot;
  CvnAudit    *audit;
  gint64       scope_id;          /* the audited group, or 0 */

  IdMap        schools;
  IdMap        people;
  IdMap        areas;
  guint        n_holders;         /* schools + people; the rank of an unknown holder */

  /* Per group (by index in snapshot->groups): the columns it falls under, and whether it is
   * the audited group or lies below it. */
  GArray     **group_columns;     /* GArray of guint, or NULL */
  gboolean    *group_in_scope;
  GHashTable  *group_index;       /* group id -> index + 1 */

  /* Per school (by index in snapshot->establishments) and per person. */
  GArray     **school_columns;    /* GArray of guint, or NULL */
  gboolean    *school_in_scope;
  gboolean    *school_badged;
  gboolean    *person_badged;
  int          no_alliance;       /* the "No alliance" column, or -1 */
  GArray      *no_alliance_only;  /* guint: just that column */

  Place       *places;            /* per directory entry */
  guint       *order;             /* entry indexes by holder, area row, id */
} Audit;

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

static void
enqueue_group (Audit      *self,
               gint64      group_id,
               GArray     *queue,
               GHashTable *visited)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->group_index,
                                                       GSIZE_TO_POINTER (group_id)));

  if (index > 0 && g_hash_table_add (visited, GUINT_TO_POINTER (index)))
    {
      index--;
      g_array_append_val (queue, index);
    }
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
      g_autoptr (GPtrArray) up = NULL;
      gpointer column;

      if (group->id == self->scope_id)
        self->group_in_scope[start] = TRUE;
      if (g_hash_table_lookup_extended (column_of_group, GSIZE_TO_POINTER (group->id), NULL,
                                        &column))
        add_column (&self->group_columns[start], GPOINTER_TO_UINT (column));

      if (group->parent_id > 0)
        enqueue_group (self, group->parent_id, queue, visited);
      up = cvn_snapshot_get_memberships_of (snapshot, CVN_OBJECT_GROUP, group->id, TRUE);
      for (guint i = 0; i < up->len; i++)
        enqueue_group (self, ((const CvnMembership *) g_ptr_array_index (up, i))->group_id,
                       queue, visited);
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
resolve_schools (Audit   *self,
                 GArray  *sub_areas,
                 gboolean columns_are_schools)
{
  CvnSnapshot *snapshot = self->snapshot;
  guint n_schools = snapshot->establishments->len;

  self->school_columns = g_new0 (GArray *, n_schools);
  self->school_in_scope = g_new0 (gboolean, n_schools);
  self->school_badged = g_new0 (gboolean, n_schools);
  self->person_badged = g_new0 (gboolean, snapshot->people->len);

  for (guint i = 0; i < snapshot->memberships->len; i++)
    {
      const CvnMembership *membership = &g_array_index (snapshot->memberships, CvnMembership, i);
      guint group;
      int school;
      GArray *columns;

      if (membership->member_kind != CVN_OBJECT_ESTABLISHMENT ||
          !cvn_snapshot_membership_is_current (snapshot, membership))
        continue;
      school = id_map_lookup (&self->schools, membership->member_id);
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

  /* Badged: the holder, or a person's school, holds a current designation. */
  for (guint i = 0; i < snapshot->designations->len; i++)
    {
      const CvnDesignation *designation = &g_array_index (snapshot->designations,
                                                          CvnDesignation, i);
      int index;

      if (!cvn_designation_is_current (designation, snapshot->today))
        continue;
      if (designation->person_id > 0)
        {
          index = id_map_lookup (&self->people, designation->person_id);
          if (index >= 0)
            self->person_badged[index] = TRUE;
        }
      else
        {
          index = id_map_lookup (&self->schools, designation->establishment_id);
          if (index >= 0)
            self->school_badged[index] = TRUE;
        }
    }
}

/* Places a holder: its school, its rank, whether it is inside the scope, and its columns.
 * People count through their school; people without one only count in the whole document,
 * under "No alliance". */
static void
place_holder (Audit        *self,
              CvnObjectKind kind,
              gint64        id,
              Place        *place)
{
  CvnSnapshot *snapshot = self->snapshot;

  place->school = -1;
  place->holder = self->n_holders;
  place->badged = FALSE;
  if (kind == CVN_OBJECT_ESTABLISHMENT)
    {
      place->school = id_map_lookup (&self->schools, id);
      if (place->school >= 0)
        place->holder = (guint) place->school;
    }
  else if (kind == CVN_OBJECT_PERSON)
    {
      int person = id_map_lookup (&self->people, id);

      if (person >= 0)
        {
          place->holder = snapshot->establishments->len + (guint) person;
          place->badged = self->person_badged[person];
          place->school = id_map_lookup (&self->schools,
                                         g_array_index (snapshot->people, CvnPerson,
                                                        person).establishment_id);
        }
    }

  if (place->school >= 0)
    {
      place->in_scope = self->school_in_scope[place->school];
      place->columns = self->school_columns[place->school];
      place->badged = place->badged || self->school_badged[place->school];
    }
  else
    {
      place->in_scope = self->scope_id == 0 && kind == CVN_OBJECT_PERSON &&
                        place->holder < self->n_holders;
      place->columns = place->in_scope ? self->no_alliance_only : NULL;
    }
}

/* Orders @n items by (holder, row) with two stable counting sorts, so items of one holder
 * and area stay in their original (id) order; linear in @n. */
static guint *
order_by_holder (const Place *places,
                 guint        n,
                 guint        n_holders,
                 guint        n_rows)
{
  g_autofree guint *by_row = g_new (guint, MAX (n, 1));
  g_autofree guint *counts = g_new0 (guint, MAX (n_holders, n_rows) + 2);
  guint *order = g_new (guint, MAX (n, 1));
  guint sum = 0;

  /* Rows first: row r goes to bucket r + 1, an unknown area (-1) to bucket 0. */
  for (guint i = 0; i < n; i++)
    counts[places[i].row + 1]++;
  for (guint b = 0; b <= n_rows; b++)
    {
      guint c = counts[b];

      counts[b] = sum;
      sum += c;
    }
  for (guint i = 0; i < n; i++)
    by_row[counts[places[i].row + 1]++] = i;

  memset (counts, 0, sizeof (guint) * (MAX (n_holders, n_rows) + 2));
  sum = 0;
  for (guint i = 0; i < n; i++)
    counts[places[i].holder]++;
  for (guint b = 0; b <= n_holders; b++)
    {
      guint c = counts[b];

      counts[b] = sum;
      sum += c;
    }
  for (guint k = 0; k < n; k++)
    order[counts[places[by_row[k]].holder]++] = by_row[k];
  return order;
}

/* The cells an entry counts in: its area's total, then one per column of its holder. Cells
 * and totals share one block, totals last, so one index names either. */
static guint
entry_targets (const Audit *self,
               const Place *place,
               guint       *targets)
{
  guint n_columns = self->audit->n_sub_areas;
  guint n = 0;

  targets[n++] = self->audit->n_areas * n_columns + (guint) place->row;
  for (guint c = 0; place->columns != NULL && c < place->columns->len; c++)
    targets[n++] = (guint) place->row * n_columns + g_array_index (place->columns, guint, c);
  return n;
}

/* Totals every cell, then fills the drill-down lists. Each list is allocated once at its
 * final size and written in order, which matters at county scale: growing fifteen thousand
 * small arrays one entry at a time costs more than all the arithmetic. */
static void
fill_cells (Audit *self)
{
  CvnSnapshot *snapshot = self->snapshot;
  CvnAudit *audit = self->audit;
  GArray *entries = snapshot->directory_entries;
  guint n_cells = audit->n_areas * audit->n_sub_areas + audit->n_areas;
  guint max_targets = audit->n_sub_areas + 1;
  g_autofree guint *sizes = g_new0 (guint, MAX (n_cells, 1));
  g_autofree guint *targets = g_new (guint, max_targets);
  g_autofree guint *last_school = NULL;
  g_autofree guint *by_school = NULL;
  g_autofree guint *starts = NULL;
  guint n_schools = snapshot->establishments->len;

  for (guint i = 0; i < entries->len; i++)
    {
      const CvnDirectoryEntry *entry = &g_array_index (entries, CvnDirectoryEntry, i);
      const Place *place = &self->places[i];
      guint n;

      if (!place->in_scope)
        continue;
      n = entry_targets (self, place, targets);
      for (guint t = 0; t < n; t++)
        {
          CvnAuditCell *cell = &audit->cells[targets[t]];

          sizes[targets[t]]++;
          switch (entry->kind)
            {
            case CVN_DIRECTORY_STRENGTH:
              cell->strength_count++;
              cell->capacity_days += entry->capacity_days;
              if (place->badged)
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
        }
    }

  for (guint c = 0; c < n_cells; c++)
    {
      audit->cells[c].entry_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), sizes[c]);
      audit->cells[c].establishment_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64),
                                                             sizes[c]);
    }
  for (guint i = 0; i < entries->len; i++)
    {
      const Place *place = &self->places[i];
      guint n;

      if (!place->in_scope)
        continue;
      n = entry_targets (self, place, targets);
      for (guint t = 0; t < n; t++)
        g_array_append_val (audit->cells[targets[t]].entry_ids,
                            g_array_index (entries, CvnDirectoryEntry, i).id);
    }

  /* The schools behind each cell, once each and in name order: walk the entries school by
   * school (a counting sort), skipping a school already listed in that cell. */
  starts = g_new0 (guint, n_schools + 2);
  by_school = g_new (guint, MAX (entries->len, 1));
  for (guint i = 0; i < entries->len; i++)
    if (self->places[i].in_scope && self->places[i].school >= 0)
      starts[self->places[i].school + 1]++;
  for (guint k = 0; k < n_schools; k++)
    starts[k + 1] += starts[k];
  for (guint i = 0; i < entries->len; i++)
    if (self->places[i].in_scope && self->places[i].school >= 0)
      by_school[starts[self->places[i].school]++] = i;
  last_school = g_new0 (guint, MAX (n_cells, 1));
  for (guint k = 0; k < starts[n_schools]; k++)
    {
      const Place *place = &self->places[by_school[k]];
      gint64 school_id = g_array_index (snapshot->establishments, CvnEstablishment,
                                        place->school).id;
      guint n = entry_targets (self, place, targets);

      for (guint t = 0; t < n; t++)
        if (last_school[targets[t]] != (guint) place->school + 1)
          {
            last_school[targets[t]] = (guint) place->school + 1;
            g_array_append_val (audit->cells[targets[t]].establishment_ids, school_id);
          }
    }
}

/* Findings ------------------------------------------------------------------------------ */

/* What one holder offers, has committed and needs in one area: a run of entries of the
 * holder-ordered directory, matched with a run of its engagements as provider. */
typedef struct
{
  guint         holder;
  int           row;
  int           school;
  gboolean      in_scope;
  double        offered;
  double        committed;
  gboolean      has_strength;
  gboolean      has_need;
  gint64        area_id;
  CvnObjectKind holder_kind;
  gint64        holder_id;
} Ledger;

static void
append_finding (GArray             *findings,
                CvnAuditFindingKind kind,
                gint64              entry_id,
                CvnObjectKind       holder_kind,
                gint64              holder_id,
                gint64              area_id,
                double              offered,
                double              committed)
{
  CvnAuditFinding finding = { kind, entry_id, holder_kind, holder_id, area_id, offered,
                              committed };

  g_array_append_val (findings, finding);
}

/* The date @months before @today, or an empty string when today is not a date. */
static char *
months_before (const char *today,
               int         months)
{
  g_autoptr (GDate) date = NULL;
  guint64 year, month, day;
  char buf[11];

  if (today == NULL || today[0] == '\0' || !cvn_date_is_valid (today))
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

/* Walks the directory holder by holder and area by area (and the engagements alongside it)
 * to total each holder's offer, commitments and needs, without a hash lookup per entry. */
static GArray *
build_ledgers (Audit *self)
{
  CvnSnapshot *snapshot = self->snapshot;
  GArray *entries = snapshot->directory_entries;
  GArray *engagements = snapshot->support_engagements;
  GArray *ledgers = g_array_new (FALSE, TRUE, sizeof (Ledger));
  g_autofree Place *providers = g_new0 (Place, MAX (engagements->len, 1));
  g_autofree guint *engagement_order = NULL;
  guint e = 0, k = 0;

  for (guint i = 0; i < engagements->len; i++)
    {
      const CvnSupportEngagement *engagement = &g_array_index (engagements,
                                                               CvnSupportEngagement, i);

      place_holder (self, engagement->provider_kind, engagement->provider_id, &providers[i]);
      providers[i].row = id_map_lookup (&self->areas, engagement->area_id);
      /* Withdrawn, completed and area-less support holds no days: sort it out of the way. */
      if (providers[i].row < 0 || !cvn_engagement_status_commits_days (engagement->status))
        {
          providers[i].row = -1;
          providers[i].holder = self->n_holders;
        }
    }
  engagement_order = order_by_holder (providers, engagements->len, self->n_holders,
                                      self->audit->n_areas);

  /* Merge the two ordered lists by (holder, row); the unknown holder's bucket sorts last. */
  while (e < entries->len || k < engagements->len)
    {
      const Place *pe = e < entries->len ? &self->places[self->order[e]] : NULL;
      const Place *pk = k < engagements->len ? &providers[engagement_order[k]] : NULL;
      Ledger ledger = { 0 };
      const Place *first;

      if (pe != NULL && pe->holder >= self->n_holders)
        pe = NULL;
      if (pk != NULL && pk->holder >= self->n_holders)
        pk = NULL;
      if (pe == NULL && pk == NULL)
        break;
      if (pe == NULL || (pk != NULL && (pk->holder < pe->holder ||
                                        (pk->holder == pe->holder && pk->row < pe->row))))
        first = pk;
      else
        first = pe;

      ledger.holder = first->holder;
      ledger.row = first->row;
      ledger.school = first->school;
      ledger.in_scope = first->in_scope;
      ledger.area_id = self->audit->areas[first->row].area_id;

      while (e < entries->len)
        {
          const Place *p = &self->places[self->order[e]];
          const CvnDirectoryEntry *entry;

          if (p->holder != ledger.holder || p->row != ledger.row)
            break;
          entry = &g_array_index (entries, CvnDirectoryEntry, self->order[e]);
          ledger.holder_kind = entry->holder_kind;
          ledger.holder_id = entry->holder_id;
          if (entry->kind == CVN_DIRECTORY_STRENGTH)
            {
              ledger.has_strength = TRUE;
              ledger.offered += entry->capacity_days;
            }
          else
            ledger.has_need = TRUE;
          e++;
        }
      while (k < engagements->len)
        {
          const Place *p = &providers[engagement_order[k]];
          const CvnSupportEngagement *engagement;

          if (p->holder != ledger.holder || p->row != ledger.row)
            break;
          engagement = &g_array_index (engagements, CvnSupportEngagement, engagement_order[k]);
          ledger.holder_kind = engagement->provider_kind;
          ledger.holder_id = engagement->provider_id;
          ledger.committed += engagement->days;
          k++;
        }
      g_array_append_val (ledgers, ledger);
    }
  return ledgers;
}

/* A need is unmet when no holder inside the scope could be brokered to it: a strength in
 * the area with days left, whose holder has no need there itself, at an open school other
 * than the one in need (or with no school). These are the rules brokerage applies. */
static gboolean *
find_met_needs (Audit  *self,
                GArray *ledgers)
{
  CvnSnapshot *snapshot = self->snapshot;
  guint n_areas = self->audit->n_areas;
  guint n_schools = snapshot->establishments->len;
  g_autofree guint *providers = g_new0 (guint, MAX (n_areas, 1));
  /* Providers per (school, area): an array while that stays small, a hash table beyond. */
  gboolean dense = (guint64) n_schools * n_areas <= 8 * 1024 * 1024;
  g_autofree guint *at_school = dense ? g_new0 (guint, MAX (n_schools * n_areas, 1)) : NULL;
  g_autoptr (GHashTable) at_school_sparse = dense ? NULL : g_hash_table_new (NULL, NULL);
  gboolean *met = g_new0 (gboolean, MAX (ledgers->len, 1));

  for (guint i = 0; i < ledgers->len; i++)
    {
      const Ledger *l = &g_array_index (ledgers, Ledger, i);
      guint key;

      if (!l->in_scope || !l->has_strength || l->has_need || l->offered - l->committed <= 0)
        continue;
      if (l->school >= 0 &&
          !g_array_index (snapshot->establishments, CvnEstablishment, l->school).is_open)
        continue;
      providers[l->row]++;
      if (l->school < 0)
        continue;
      key = (guint) l->school * n_areas + (guint) l->row;
      if (dense)
        at_school[key]++;
      else
        g_hash_table_insert (at_school_sparse, GUINT_TO_POINTER (key + 1),
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (
                               at_school_sparse, GUINT_TO_POINTER (key + 1))) + 1));
    }
  for (guint i = 0; i < ledgers->len; i++)
    {
      const Ledger *l = &g_array_index (ledgers, Ledger, i);
      guint own = 0;

      if (!l->has_need)
        continue;
      if (l->school >= 0)
        {
          guint key = (guint) l->school * n_areas + (guint) l->row;

          own = dense ? at_school[key]
                      : GPOINTER_TO_UINT (g_hash_table_lookup (at_school_sparse,
                                                               GUINT_TO_POINTER (key + 1)));
        }
      met[i] = providers[l->row] > own;
    }
  return met;
}

static void
find_findings (Audit *self)
{
  CvnSnapshot *snapshot = self->snapshot;
  CvnAudit *audit = self->audit;
  GArray *entries = snapshot->directory_entries;
  g_autoptr (GArray) ledgers = build_ledgers (self);
  g_autofree gboolean *met = find_met_needs (self, ledgers);
  g_autoptr (GHashTable) supported = g_hash_table_new (g_direct_hash, g_direct_equal);
  GArray *lists[CVN_AUDIT_N_FINDING_KINDS];
  guint e = 0, n_findings;

  for (guint kind = 0; kind < CVN_AUDIT_N_FINDING_KINDS; kind++)
    lists[kind] = g_array_sized_new (FALSE, FALSE, sizeof (CvnAuditFinding), 1024);

  /* Ledgers and the ordered entries advance together: each ledger is a run of entries. */
  for (guint i = 0; i < ledgers->len; i++)
    {
      const Ledger *l = &g_array_index (ledgers, Ledger, i);

      for (; e < entries->len; e++)
        {
          const Place *p = &self->places[self->order[e]];
          const CvnDirectoryEntry *entry = &g_array_index (entries, CvnDirectoryEntry,
                                                           self->order[e]);

          if (p->holder != l->holder || p->row != l->row)
            break;
          if (!p->in_scope)
            continue;
          if (entry->kind == CVN_DIRECTORY_NEED && !met[i])
            append_finding (lists[CVN_AUDIT_UNMET_NEED], CVN_AUDIT_UNMET_NEED, entry->id,
                            entry->holder_kind, entry->holder_id, entry->area_id, 0, 0);
          if (entry->reviewed_on[0] == '\0' ||
              strcmp (entry->reviewed_on, audit->stale_before) < 0)
            append_finding (lists[CVN_AUDIT_STALE], CVN_AUDIT_STALE, entry->id,
                            entry->holder_kind, entry->holder_id, entry->area_id, 0, 0);
          if (entry->qa_status == CVN_QA_SELF_DECLARED)
            append_finding (lists[CVN_AUDIT_SELF_DECLARED], CVN_AUDIT_SELF_DECLARED, entry->id,
                            entry->holder_kind, entry->holder_id, entry->area_id, 0, 0);
        }
      /* Days are entered in halves and quarters; a hair's breadth is not a finding. */
      if (l->in_scope && l->committed > l->offered + 1e-9)
        append_finding (lists[CVN_AUDIT_OVER_COMMITTED], CVN_AUDIT_OVER_COMMITTED, 0,
                        l->holder_kind, l->holder_id, l->area_id, l->offered, l->committed);
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
        append_finding (lists[CVN_AUDIT_VULNERABLE_UNSUPPORTED],
                        CVN_AUDIT_VULNERABLE_UNSUPPORTED, 0, CVN_OBJECT_ESTABLISHMENT,
                        school->id, 0, 0, 0);
    }

  n_findings = 0;
  for (guint kind = 0; kind < CVN_AUDIT_N_FINDING_KINDS; kind++)
    n_findings += lists[kind]->len;
  audit->findings = g_array_sized_new (FALSE, FALSE, sizeof (CvnAuditFinding), n_findings);
  for (guint kind = 0; kind < CVN_AUDIT_N_FINDING_KINDS; kind++)
    {
      g_array_append_vals (audit->findings, lists[kind]->data, lists[kind]->len);
      g_array_unref (lists[kind]);
    }
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
  g_free (self->person_badged);
  g_free (self->places);
  g_free (self->order);
  g_clear_pointer (&self->group_index, g_hash_table_unref);
  g_clear_pointer (&self->no_alliance_only, g_array_unref);
  id_map_clear (&self->schools);
  id_map_clear (&self->people);
  id_map_clear (&self->areas);
}

CvnAudit *
cvn_audit_compute (CvnSnapshot           *snapshot,
                   gint64                 group_id,
                   const CvnAuditOptions *options)
{
  CvnAudit *audit;
  Audit self = { 0 };
  g_autoptr (GArray) sub_areas = NULL;
  GArray *entries;
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
  self.no_alliance_only = g_array_new (FALSE, FALSE, sizeof (guint));
  self.n_holders = snapshot->establishments->len + snapshot->people->len;
  id_map_init (&self.schools, snapshot->establishments);
  id_map_init (&self.people, snapshot->people);
  id_map_init (&self.areas, snapshot->expertise_areas);

  sub_areas = g_array_new (FALSE, FALSE, sizeof (CvnAuditSubArea));
  columns_are_schools = choose_group_columns (&self, sub_areas);
  resolve_groups (&self, sub_areas);
  resolve_schools (&self, sub_areas, columns_are_schools);
  if (self.no_alliance >= 0)
    {
      guint column = (guint) self.no_alliance;

      g_array_append_val (self.no_alliance_only, column);
    }

  n_areas = snapshot->expertise_areas->len;
  n_columns = sub_areas->len;
  audit->n_areas = n_areas;
  audit->areas = g_new0 (CvnAuditArea, MAX (n_areas, 1));
  audit->n_sub_areas = n_columns;
  audit->sub_areas = (CvnAuditSubArea *) (void *) g_array_steal (sub_areas, NULL);
  audit->cells = g_new0 (CvnAuditCell, n_areas * n_columns + n_areas + 1);
  audit->totals = audit->cells + n_areas * n_columns;
  for (guint i = 0; i < n_areas; i++)
    {
      const CvnExpertiseArea *area = &g_array_index (snapshot->expertise_areas,
                                                     CvnExpertiseArea, i);

      audit->areas[i].area_id = area->id;
      audit->areas[i].name = g_strdup (area->name);
    }

  entries = snapshot->directory_entries;
  self.places = g_new0 (Place, MAX (entries->len, 1));
  for (guint i = 0; i < entries->len; i++)
    {
      const CvnDirectoryEntry *entry = &g_array_index (entries, CvnDirectoryEntry, i);
      Place *place = &self.places[i];

      place_holder (&self, entry->holder_kind, entry->holder_id, place);
      place->row = id_map_lookup (&self.areas, entry->area_id);
      /* An entry of an unknown holder or area stays out of every figure and list. */
      if (place->row < 0 || place->holder >= self.n_holders)
        {
          place->row = -1;
          place->holder = self.n_holders;
          place->in_scope = FALSE;
        }
    }
  fill_cells (&self);

  self.order = order_by_holder (self.places, entries->len, self.n_holders, n_areas);
  find_findings (&self);
  audit_clear (&self);
  return audit;
}
