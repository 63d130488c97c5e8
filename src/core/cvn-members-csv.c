/* cvn-members-csv.c — the membership spreadsheet in and out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-members-csv"

#include "config.h"

#include "cvn-members-csv.h"
#include "cvn-csv.h"
#include "cvn-snapshot.h"
#include "cvn-store.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

/* What a group named only in passing (a parent, a member) is until a row says otherwise. */
#define DEFAULT_GROUP_KIND "cluster"

G_DEFINE_QUARK (cvn-members-csv-error-quark, cvn_members_csv_error)

enum
{
  COLUMN_GROUP,
  COLUMN_GROUP_KIND,
  COLUMN_TIER,
  COLUMN_PARENT_GROUP,
  COLUMN_MEMBER,
  COLUMN_MEMBER_KIND,
  COLUMN_URN,
  COLUMN_ROLE,
  COLUMN_FROM,
  COLUMN_UNTIL,
  N_COLUMNS
};

static const char * const column_names[N_COLUMNS] = {
  "group", "group_kind", "tier", "parent_group", "member", "member_kind", "urn", "role", "from",
  "until",
};

/* A group this import made; later rows may fill in what the first mention left out. */
typedef struct
{
  CvnGroup group;
  gboolean kind_given;
} CreatedGroup;

typedef struct
{
  CvnDocument       *doc;
  CvnCsvReader      *reader;
  CvnSnapshot       *snapshot;
  CvnMembersSummary *summary;
  int                columns[N_COLUMNS];
  GHashTable        *groups_by_name;     /* name -> id */
  GHashTable        *schools_by_name;    /* name -> id */
  GHashTable        *people_by_name;     /* name -> id */
  GHashTable        *parents;            /* group id -> parent id, for every group */
  GHashTable        *created_groups;     /* group id -> CreatedGroup */
  GHashTable        *memberships;        /* "group:kind:member:role:from:until" */
} Import;

#define ID_TO_POINTER(id) GSIZE_TO_POINTER ((gsize) (id))
#define POINTER_TO_ID(p) ((gint64) GPOINTER_TO_SIZE (p))

static void
problem_clear (gpointer data)
{
  CvnMembersProblem *problem = data;

  g_clear_pointer (&problem->reason, g_free);
}

static CvnMembersSummary *
summary_new (void)
{
  CvnMembersSummary *self = g_new0 (CvnMembersSummary, 1);

  self->unmatched = g_array_new (FALSE, TRUE, sizeof (CvnMembersProblem));
  g_array_set_clear_func (self->unmatched, problem_clear);
  self->skipped = g_array_new (FALSE, TRUE, sizeof (CvnMembersProblem));
  g_array_set_clear_func (self->skipped, problem_clear);
  return self;
}

void
cvn_members_summary_free (CvnMembersSummary *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->unmatched);
  g_array_unref (self->skipped);
  g_free (self);
}

static void
created_group_free (gpointer data)
{
  CreatedGroup *created = data;

  cvn_group_clear (&created->group);
  g_free (created);
}

static void add_problem (GArray       *problems,
                         CvnCsvReader *reader,
                         const char   *format,
                         ...) G_GNUC_PRINTF (3, 4);

static void
add_problem (GArray       *problems,
             CvnCsvReader *reader,
             const char   *format,
             ...)
{
  CvnMembersProblem problem;
  va_list args;

  va_start (args, format);
  problem.line = cvn_csv_reader_get_line (reader);
  problem.reason = g_strdup_vprintf (format, args);
  va_end (args);
  g_array_append_val (problems, problem);
}

static void bad_value (CvnCsvReader  *reader,
                       int            column,
                       GError       **error,
                       const char    *format,
                       ...) G_GNUC_PRINTF (4, 5);

static void
bad_value (CvnCsvReader  *reader,
           int            column,
           GError       **error,
           const char    *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, CVN_MEMBERS_CSV_ERROR, CVN_MEMBERS_CSV_ERROR_BAD_VALUE,
               _("%s line %u, column %s: %s"), cvn_csv_reader_get_name (reader),
               cvn_csv_reader_get_line (reader), column_names[column], message);
}

/* The row's value in @column without surrounding spaces; "" when absent. */
static char *
dup_value (Import *self,
           int     column)
{
  const char *value = cvn_csv_reader_get_column (self->reader, self->columns[column]);

  return g_strstrip (g_strdup (value != NULL ? value : ""));
}

/* Keeps the first (lowest id) object of each name, so matching by name is stable. */
static void
index_name (GHashTable *index,
            const char *name,
            gint64      id)
{
  gpointer old;

  if (g_hash_table_lookup_extended (index, name, NULL, &old) && POINTER_TO_ID (old) < id)
    return;
  g_hash_table_insert (index, g_strdup (name), ID_TO_POINTER (id));
}

static gint64
lookup_name (GHashTable *index,
             const char *name)
{
  return POINTER_TO_ID (g_hash_table_lookup (index, name));
}

static void
build_indexes (Import *self)
{
  CvnSnapshot *snapshot = self->snapshot;

  for (guint i = 0; i < snapshot->groups->len; i++)
    {
      const CvnGroup *group = &g_array_index (snapshot->groups, CvnGroup, i);

      index_name (self->groups_by_name, group->name, group->id);
      g_hash_table_insert (self->parents, ID_TO_POINTER (group->id),
                           ID_TO_POINTER (group->parent_id));
    }
  for (guint i = 0; i < snapshot->establishments->len; i++)
    {
      const CvnEstablishment *e = &g_array_index (snapshot->establishments, CvnEstablishment, i);

      index_name (self->schools_by_name, e->name, e->id);
    }
  for (guint i = 0; i < snapshot->people->len; i++)
    {
      const CvnPerson *person = &g_array_index (snapshot->people, CvnPerson, i);

      index_name (self->people_by_name, person->name, person->id);
    }
  for (guint i = 0; i < snapshot->memberships->len; i++)
    {
      const CvnMembership *m = &g_array_index (snapshot->memberships, CvnMembership, i);

      g_hash_table_add (self->memberships,
                        g_strdup_printf ("%" G_GINT64_FORMAT ":%d:%" G_GINT64_FORMAT ":%d:%s:%s",
                                         m->group_id, m->member_kind, m->member_id, m->role,
                                         m->from_date, m->until_date));
    }
}

/* TRUE when making @parent_id the parent of @group_id would close a loop of parents. */
static gboolean
would_loop (Import *self,
            gint64  group_id,
            gint64  parent_id)
{
  guint steps = g_hash_table_size (self->parents) + 1;

  for (gint64 id = parent_id; id != 0 && steps > 0; steps--)
    {
      if (id == group_id)
        return TRUE;
      id = POINTER_TO_ID (g_hash_table_lookup (self->parents, ID_TO_POINTER (id)));
    }
  return FALSE;
}

/* The id of the group called @name, made when the document has none. @kind, @tier and
 * @parent_name describe it when known (NULL, 0 and NULL when not). A group that was in the
 * document before is never changed; one this import made takes what later rows add. */
static gint64
ensure_group (Import      *self,
              const char  *name,
              const char  *kind,
              int          tier,
              const char  *parent_name,
              GError     **error)
{
  gint64 id = lookup_name (self->groups_by_name, name);
  gint64 parent_id = 0;
  CreatedGroup *created;

  if (parent_name != NULL && parent_name[0] != '\0' && !g_str_equal (parent_name, name))
    {
      parent_id = ensure_group (self, parent_name, NULL, 0, NULL, error);
      if (parent_id == 0)
        return 0;
    }

  if (id != 0)
    {
      gboolean changed = FALSE;

      created = g_hash_table_lookup (self->created_groups, ID_TO_POINTER (id));
      if (created == NULL)
        return id;
      if (kind != NULL && kind[0] != '\0' && !created->kind_given)
        {
          g_free (created->group.kind);
          created->group.kind = g_strdup (kind);
          created->kind_given = TRUE;
          changed = TRUE;
        }
      if (tier > 0 && created->group.tier == 0)
        {
          created->group.tier = tier;
          changed = TRUE;
        }
      if (parent_id > 0 && created->group.parent_id == 0 && !would_loop (self, id, parent_id))
        {
          created->group.parent_id = parent_id;
          g_hash_table_insert (self->parents, ID_TO_POINTER (id), ID_TO_POINTER (parent_id));
          changed = TRUE;
        }
      if (changed && !cvn_store_update_group (self->doc, &created->group, error))
        return 0;
      return id;
    }

  created = g_new0 (CreatedGroup, 1);
  cvn_group_init (&created->group);
  g_free (created->group.name);
  created->group.name = g_strdup (name);
  created->kind_given = kind != NULL && kind[0] != '\0';
  g_free (created->group.kind);
  created->group.kind = g_strdup (created->kind_given ? kind : DEFAULT_GROUP_KIND);
  created->group.tier = tier;
  created->group.parent_id = parent_id;
  id = cvn_store_insert_group (self->doc, &created->group, error);
  if (id == 0)
    {
      created_group_free (created);
      return 0;
    }
  created->group.id = id;
  g_hash_table_insert (self->created_groups, ID_TO_POINTER (id), created);
  g_hash_table_insert (self->parents, ID_TO_POINTER (id), ID_TO_POINTER (parent_id));
  index_name (self->groups_by_name, name, id);
  self->summary->groups_created++;
  return id;
}

static gint64
ensure_person (Import      *self,
               const char  *name,
               GError     **error)
{
  gint64 id = lookup_name (self->people_by_name, name);
  CvnPerson person = { 0 };

  if (id != 0)
    return id;
  person.name = (char *) name;
  person.job_title = (char *) "";
  person.email = (char *) "";
  person.phone = (char *) "";
  person.colour = (char *) "";
  id = cvn_store_insert_person (self->doc, &person, error);
  if (id == 0)
    return 0;
  index_name (self->people_by_name, name, id);
  self->summary->people_created++;
  return id;
}

/* Accepts YYYY-MM-DD, and dd/mm/yyyy as spreadsheets like to rewrite dates. */
static gboolean
parse_date (Import  *self,
            int      column,
            char   **out_date,
            GError **error)
{
  g_autofree char *text = dup_value (self, column);
  guint day, month, year;
  int consumed = 0;

  if (cvn_date_is_valid (text))
    {
      *out_date = g_steal_pointer (&text);
      return TRUE;
    }
  if (sscanf (text, "%2u/%2u/%4u%n", &day, &month, &year, &consumed) == 3 &&
      text[consumed] == '\0' && year >= 1000 &&
      g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      *out_date = g_strdup_printf ("%04u-%02u-%02u", year, month, day);
      return TRUE;
    }
  bad_value (self->reader, column, error, _("“%s” is not a date (YYYY-MM-DD)"), text);
  return FALSE;
}

static gboolean
row_is_blank (CvnCsvReader *reader)
{
  for (guint i = 0; i < cvn_csv_reader_get_n_fields (reader); i++)
    {
      const char *field = cvn_csv_reader_get_field (reader, i);

      for (; *field != '\0'; field++)
        if (!g_ascii_isspace (*field))
          return FALSE;
    }
  return TRUE;
}

/* Finds (or, for people and groups, makes) the member a row names. Returns FALSE on an
 * error; a school that is not in the document leaves *out_id at 0. */
static gboolean
resolve_member (Import         *self,
                const char     *name,
                CvnObjectKind  *kind,
                gint64          urn,
                gint64         *out_id,
                GError        **error)
{
  *out_id = 0;

  if (*kind == CVN_OBJECT_NONE)
    {
      /* No kind given: a URN or a school's name means a school, a group's name a group,
       * and anything else a person. */
      if (urn > 0 || lookup_name (self->schools_by_name, name) != 0)
        *kind = CVN_OBJECT_ESTABLISHMENT;
      else if (lookup_name (self->groups_by_name, name) != 0)
        *kind = CVN_OBJECT_GROUP;
      else
        *kind = CVN_OBJECT_PERSON;
    }

  switch (*kind)
    {
    case CVN_OBJECT_ESTABLISHMENT:
      {
        const CvnEstablishment *school = NULL;

        if (urn > 0)
          school = cvn_snapshot_find_establishment_by_urn (self->snapshot, urn);
        *out_id = school != NULL ? school->id : lookup_name (self->schools_by_name, name);
        return TRUE;
      }
    case CVN_OBJECT_PERSON:
      *out_id = ensure_person (self, name, error);
      return *out_id != 0;
    case CVN_OBJECT_GROUP:
      *out_id = ensure_group (self, name, NULL, 0, NULL, error);
      return *out_id != 0;
    case CVN_OBJECT_NONE:
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

static gboolean
import_row (Import  *self,
            GError **error)
{
  CvnCsvReader *reader = self->reader;
  g_autofree char *group_name = dup_value (self, COLUMN_GROUP);
  g_autofree char *group_kind = dup_value (self, COLUMN_GROUP_KIND);
  g_autofree char *tier_text = dup_value (self, COLUMN_TIER);
  g_autofree char *parent_name = dup_value (self, COLUMN_PARENT_GROUP);
  g_autofree char *member_name = dup_value (self, COLUMN_MEMBER);
  g_autofree char *kind_text = dup_value (self, COLUMN_MEMBER_KIND);
  g_autofree char *urn_text = dup_value (self, COLUMN_URN);
  g_autofree char *role_text = dup_value (self, COLUMN_ROLE);
  g_autofree char *key = NULL;
  CvnMembership membership = { 0 };
  CvnObjectKind kind = CVN_OBJECT_NONE;
  guint64 tier = 0, urn = 0;
  gboolean ok = FALSE;

  if (row_is_blank (reader))
    return TRUE;
  if (group_name[0] == '\0' || member_name[0] == '\0')
    {
      add_problem (self->summary->skipped, reader,
                   group_name[0] == '\0' ? _("the row names no group")
                                         : _("the row names no member"));
      return TRUE;
    }

  if (tier_text[0] != '\0' && !g_ascii_string_to_unsigned (tier_text, 10, 1, 3, &tier, NULL))
    {
      bad_value (reader, COLUMN_TIER, error, _("“%s” is not a tier (1, 2, 3 or empty)"),
                 tier_text);
      return FALSE;
    }
  if (kind_text[0] != '\0')
    {
      g_autofree char *lower = g_ascii_strdown (kind_text, -1);

      kind = cvn_object_kind_from_string (lower);
      if (kind == CVN_OBJECT_NONE)
        {
          bad_value (reader, COLUMN_MEMBER_KIND, error,
                     _("“%s” is not a kind of member (school, person or group)"), kind_text);
          return FALSE;
        }
    }
  if (urn_text[0] != '\0' &&
      !g_ascii_string_to_unsigned (urn_text, 10, 1, G_MAXINT32, &urn, NULL))
    {
      bad_value (reader, COLUMN_URN, error, _("“%s” is not a URN"), urn_text);
      return FALSE;
    }
  if (urn > 0 && kind != CVN_OBJECT_NONE && kind != CVN_OBJECT_ESTABLISHMENT)
    urn = 0;
  membership.role = CVN_ROLE_MEMBER;
  if (role_text[0] != '\0' && !cvn_role_from_string (role_text, &membership.role))
    {
      bad_value (reader, COLUMN_ROLE, error,
                 _("“%s” is not a role (member, chair, co-chair, lead head, representative or "
                   "observer)"), role_text);
      return FALSE;
    }
  if (!parse_date (self, COLUMN_FROM, &membership.from_date, error) ||
      !parse_date (self, COLUMN_UNTIL, &membership.until_date, error))
    goto out;

  /* The member first, so that a row naming an unknown school creates no group. */
  if (!resolve_member (self, member_name, &kind, (gint64) urn, &membership.member_id, error))
    goto out;
  membership.member_kind = kind;

  if (membership.member_id == 0)
    {
      if (urn > 0)
        add_problem (self->summary->unmatched, reader,
                     _("no school with URN %" G_GUINT64_FORMAT " or name “%s”"), urn,
                     member_name);
      else
        add_problem (self->summary->unmatched, reader, _("no school named “%s”"), member_name);
      ok = TRUE;
      goto out;
    }
  membership.group_id = ensure_group (self, group_name, group_kind, (int) tier, parent_name,
                                      error);
  if (membership.group_id == 0)
    goto out;
  if (kind == CVN_OBJECT_GROUP && membership.member_id == membership.group_id)
    {
      add_problem (self->summary->skipped, reader, _("“%s” cannot be a member of itself"),
                   group_name);
      ok = TRUE;
      goto out;
    }

  key = g_strdup_printf ("%" G_GINT64_FORMAT ":%d:%" G_GINT64_FORMAT ":%d:%s:%s",
                         membership.group_id, membership.member_kind, membership.member_id,
                         membership.role, membership.from_date, membership.until_date);
  if (g_hash_table_contains (self->memberships, key))
    {
      self->summary->memberships_existing++;
      ok = TRUE;
      goto out;
    }
  if (cvn_store_insert_membership (self->doc, &membership, error) == 0)
    goto out;
  g_hash_table_add (self->memberships, g_steal_pointer (&key));
  self->summary->memberships_added++;
  ok = TRUE;

out:
  cvn_membership_clear (&membership);
  return ok;
}

static gboolean
import_rows (Import   *self,
             gboolean  skip_unmatched,
             GError  **error)
{
  g_autoptr (GError) local_error = NULL;
  CvnCsvReader *reader = self->reader;
  GArray *unmatched = self->summary->unmatched;

  if (!cvn_csv_reader_read_header (reader, error))
    return FALSE;
  for (int i = 0; i < N_COLUMNS; i++)
    self->columns[i] = cvn_csv_reader_find_column (reader, column_names[i]);
  if (self->columns[COLUMN_GROUP] < 0 || self->columns[COLUMN_MEMBER] < 0)
    {
      g_set_error (error, CVN_MEMBERS_CSV_ERROR, CVN_MEMBERS_CSV_ERROR_MISSING_COLUMN,
                   _("%s: there is no “%s” column; a membership file needs “group” and "
                     "“member”"), cvn_csv_reader_get_name (reader),
                   self->columns[COLUMN_GROUP] < 0 ? "group" : "member");
      return FALSE;
    }

  while (cvn_csv_reader_next_row (reader, &local_error))
    if (!import_row (self, error))
      return FALSE;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (unmatched->len > 0 && !skip_unmatched)
    {
      const CvnMembersProblem *first = &g_array_index (unmatched, CvnMembersProblem, 0);

      g_set_error (error, CVN_MEMBERS_CSV_ERROR, CVN_MEMBERS_CSV_ERROR_UNMATCHED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s line %u: %s; nothing was imported (%u row names a school "
                                "that is not in the document)",
                                "%s line %u: %s; nothing was imported (%u rows name schools "
                                "that are not in the document)", unmatched->len),
                   cvn_csv_reader_get_name (reader), first->line, first->reason,
                   unmatched->len);
      return FALSE;
    }
  return TRUE;
}

static gboolean
import_members (CvnDocument        *doc,
                CvnCsvReader       *reader,
                gboolean            skip_unmatched,
                CvnMembersSummary **out_summary,
                GError            **error)
{
  g_autoptr (CvnMembersSummary) summary = summary_new ();
  g_autoptr (CvnSnapshot) snapshot = NULL;
  g_autoptr (GHashTable) groups_by_name = NULL;
  g_autoptr (GHashTable) schools_by_name = NULL;
  g_autoptr (GHashTable) people_by_name = NULL;
  g_autoptr (GHashTable) parents = NULL;
  g_autoptr (GHashTable) created_groups = NULL;
  g_autoptr (GHashTable) memberships = NULL;
  g_autofree char *label = NULL;
  gboolean ok;
  Import import;

  label = g_strdup_printf (_("Import memberships from %s"), cvn_csv_reader_get_name (reader));
  if (!cvn_document_begin_edit (doc, label, error))
    return FALSE;
  snapshot = cvn_snapshot_load (doc, error);
  if (snapshot == NULL)
    {
      cvn_document_rollback_edit (doc);
      return FALSE;
    }

  groups_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  schools_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  people_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  parents = g_hash_table_new (g_direct_hash, g_direct_equal);
  created_groups = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                          created_group_free);
  memberships = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import = (Import) {
    .doc = doc,
    .reader = reader,
    .snapshot = snapshot,
    .summary = summary,
    .groups_by_name = groups_by_name,
    .schools_by_name = schools_by_name,
    .people_by_name = people_by_name,
    .parents = parents,
    .created_groups = created_groups,
    .memberships = memberships,
  };
  build_indexes (&import);

  ok = import_rows (&import, skip_unmatched, error) && cvn_document_commit_edit (doc, error);
  if (!ok && cvn_document_in_edit (doc))
    cvn_document_rollback_edit (doc);
  if (out_summary != NULL)
    *out_summary = g_steal_pointer (&summary);
  return ok;
}

gboolean
cvn_members_csv_import (CvnDocument        *doc,
                        const char         *path,
                        gboolean            skip_unmatched,
                        CvnMembersSummary **out_summary,
                        GError            **error)
{
  g_autoptr (CvnCsvReader) reader = NULL;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (out_summary != NULL)
    *out_summary = NULL;
  reader = cvn_csv_reader_new_for_path (path, error);
  if (reader == NULL)
    return FALSE;
  return import_members (doc, reader, skip_unmatched, out_summary, error);
}

gboolean
cvn_members_csv_import_data (CvnDocument        *doc,
                             const char         *name,
                             const char         *data,
                             gsize               length,
                             gboolean            skip_unmatched,
                             CvnMembersSummary **out_summary,
                             GError            **error)
{
  g_autoptr (CvnCsvReader) reader = NULL;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (out_summary != NULL)
    *out_summary = NULL;
  reader = cvn_csv_reader_new_for_data (name, data, length);
  return import_members (doc, reader, skip_unmatched, out_summary, error);
}

/* Export. */

typedef struct
{
  const char          *group;
  const char          *member;
  const CvnMembership *membership;
} ExportRow;

static int
compare_export_rows (gconstpointer a,
                     gconstpointer b)
{
  const ExportRow *x = a, *y = b;
  int cmp;

  if ((cmp = strcmp (x->group, y->group)) != 0)
    return cmp;
  if ((cmp = strcmp (x->member, y->member)) != 0)
    return cmp;
  if ((cmp = (int) x->membership->member_kind - (int) y->membership->member_kind) != 0)
    return cmp;
  if ((cmp = (int) x->membership->role - (int) y->membership->role) != 0)
    return cmp;
  if ((cmp = strcmp (x->membership->from_date, y->membership->from_date)) != 0)
    return cmp;
  return x->membership->id < y->membership->id ? -1 : x->membership->id > y->membership->id;
}

char *
cvn_members_csv_export_string (CvnDocument *doc,
                               GError     **error)
{
  g_autoptr (CvnSnapshot) snapshot = NULL;
  g_autoptr (GArray) rows = NULL;
  g_autoptr (GString) out = g_string_new (NULL);

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), NULL);

  snapshot = cvn_snapshot_load (doc, error);
  if (snapshot == NULL)
    return NULL;

  rows = g_array_sized_new (FALSE, FALSE, sizeof (ExportRow), snapshot->memberships->len);
  for (guint i = 0; i < snapshot->memberships->len; i++)
    {
      const CvnMembership *m = &g_array_index (snapshot->memberships, CvnMembership, i);
      ExportRow row = { NULL, NULL, m };

      row.group = cvn_snapshot_get_name (snapshot, CVN_OBJECT_GROUP, m->group_id);
      row.member = cvn_snapshot_get_name (snapshot, m->member_kind, m->member_id);
      if (row.group != NULL && row.member != NULL)
        g_array_append_val (rows, row);
    }
  g_array_sort (rows, compare_export_rows);

  cvn_csv_append_row (out, column_names, N_COLUMNS);
  for (guint i = 0; i < rows->len; i++)
    {
      const ExportRow *row = &g_array_index (rows, ExportRow, i);
      const CvnMembership *m = row->membership;
      const CvnGroup *group = cvn_snapshot_find_group (snapshot, m->group_id);
      const CvnGroup *parent = cvn_snapshot_find_group (snapshot, group->parent_id);
      const CvnEstablishment *school = NULL;
      g_autofree char *tier = NULL;
      g_autofree char *urn = NULL;
      const char *fields[N_COLUMNS];

      if (m->member_kind == CVN_OBJECT_ESTABLISHMENT)
        school = cvn_snapshot_find_establishment (snapshot, m->member_id);
      if (group->tier > 0)
        tier = g_strdup_printf ("%d", group->tier);
      if (school != NULL && school->urn > 0)
        urn = g_strdup_printf ("%" G_GINT64_FORMAT, school->urn);

      fields[COLUMN_GROUP] = row->group;
      fields[COLUMN_GROUP_KIND] = group->kind;
      fields[COLUMN_TIER] = tier;
      fields[COLUMN_PARENT_GROUP] = parent != NULL ? parent->name : "";
      fields[COLUMN_MEMBER] = row->member;
      fields[COLUMN_MEMBER_KIND] = cvn_object_kind_to_string (m->member_kind);
      fields[COLUMN_URN] = urn;
      fields[COLUMN_ROLE] = cvn_role_to_string (m->role);
      fields[COLUMN_FROM] = m->from_date;
      fields[COLUMN_UNTIL] = m->until_date;
      cvn_csv_append_row (out, fields, N_COLUMNS);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
cvn_members_csv_export (CvnDocument *doc,
                        const char  *path,
                        GError     **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  text = cvn_members_csv_export_string (doc, error);
  if (text == NULL)
    return FALSE;
  return g_file_set_contents (path, text, -1, error);
}
