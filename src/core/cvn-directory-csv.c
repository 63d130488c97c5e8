/* cvn-directory-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-directory-csv"

#include "config.h"

#include "cvn-directory-csv.h"
#include "cvn-csv.h"
#include "cvn-store.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

G_DEFINE_QUARK (cvn-directory-csv-error-quark, cvn_directory_csv_error)

/* A long list of problems is cut here; the first ones are what the user fixes first. */
#define MAX_REPORTED_PROBLEMS 20

enum
{
  COLUMN_HOLDER,
  COLUMN_HOLDER_KIND,
  COLUMN_URN,
  COLUMN_AREA,
  COLUMN_KIND,
  COLUMN_CAPACITY_DAYS,
  COLUMN_PRIORITY,
  COLUMN_QA_STATUS,
  COLUMN_REVIEWED_ON,
  COLUMN_REVIEWER,
  COLUMN_EVIDENCE,
  COLUMN_PHASE,
  COLUMN_NOTES,
  N_COLUMNS
};

static const char * const column_names[N_COLUMNS] = {
  "holder", "holder_kind", "urn", "area", "kind", "capacity_days", "priority", "qa_status",
  "reviewed_on", "reviewer", "evidence", "phase", "notes",
};

/* Name lookups: a name maps to its id, or to -1 when several objects share it. */
static void
index_name (GHashTable *table,
            const char *name,
            gint64      id)
{
  gpointer existing = g_hash_table_lookup (table, name);

  g_hash_table_insert (table, (gpointer) name,
                       existing != NULL ? GSIZE_TO_POINTER ((gsize) -1) : GSIZE_TO_POINTER (id));
}

static gint64
lookup_name (GHashTable *table,
             const char *name)
{
  gpointer value = g_hash_table_lookup (table, name);

  if (value == NULL)
    return 0;
  if (GPOINTER_TO_SIZE (value) == (gsize) -1)
    return -1;
  return (gint64) GPOINTER_TO_SIZE (value);
}

typedef struct
{
  CvnSnapshot *snapshot;
  GHashTable  *schools_by_name;     /* name -> id or -1 */
  GHashTable  *people_by_name;      /* name -> id or -1 */
  GHashTable  *areas_by_name;       /* name -> id */
  GHashTable  *areas_by_folded;     /* casefolded name (owned) -> id */
  GHashTable  *existing;            /* "kind:holder:area:entry kind" (owned) -> GPtrArray of
                                     * CvnDirectoryEntry *, by id */
  GHashTable  *rows_by_key;         /* same keys (owned) -> rows of the file so far */
  GArray      *pending;             /* CvnDirectoryEntry to insert (id 0) or update */
  GString     *problems;
  guint        n_problems;
} Import;

static char *
entry_key (CvnObjectKind    holder_kind,
           gint64           holder_id,
           gint64           area_id,
           CvnDirectoryKind kind)
{
  return g_strdup_printf ("%d:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%d", holder_kind,
                          holder_id, area_id, kind);
}

static void
import_init (Import      *self,
             CvnSnapshot *snapshot)
{
  memset (self, 0, sizeof *self);
  self->snapshot = snapshot;
  self->schools_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  self->people_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  self->areas_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  self->areas_by_folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
  self->rows_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pending = g_array_new (FALSE, TRUE, sizeof (CvnDirectoryEntry));
  g_array_set_clear_func (self->pending, (GDestroyNotify) cvn_directory_entry_clear);
  self->problems = g_string_new (NULL);

  for (guint i = 0; i < snapshot->establishments->len; i++)
    {
      const CvnEstablishment *e = &g_array_index (snapshot->establishments, CvnEstablishment, i);

      index_name (self->schools_by_name, e->name, e->id);
    }
  for (guint i = 0; i < snapshot->people->len; i++)
    {
      const CvnPerson *p = &g_array_index (snapshot->people, CvnPerson, i);

      index_name (self->people_by_name, p->name, p->id);
    }
  for (guint i = 0; i < snapshot->expertise_areas->len; i++)
    {
      const CvnExpertiseArea *a = &g_array_index (snapshot->expertise_areas, CvnExpertiseArea, i);

      g_hash_table_insert (self->areas_by_name, a->name, GSIZE_TO_POINTER (a->id));
      g_hash_table_insert (self->areas_by_folded, g_utf8_casefold (a->name, -1),
                           GSIZE_TO_POINTER (a->id));
    }
  for (guint i = 0; i < snapshot->directory_entries->len; i++)
    {
      CvnDirectoryEntry *e = &g_array_index (snapshot->directory_entries, CvnDirectoryEntry, i);
      char *key = entry_key (e->holder_kind, e->holder_id, e->area_id, e->kind);
      GPtrArray *list = g_hash_table_lookup (self->existing, key);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (self->existing, key, list);
        }
      else
        g_free (key);
      g_ptr_array_add (list, e);
    }
}

static void
import_clear (Import *self)
{
  g_clear_pointer (&self->schools_by_name, g_hash_table_unref);
  g_clear_pointer (&self->people_by_name, g_hash_table_unref);
  g_clear_pointer (&self->areas_by_name, g_hash_table_unref);
  g_clear_pointer (&self->areas_by_folded, g_hash_table_unref);
  g_clear_pointer (&self->existing, g_hash_table_unref);
  g_clear_pointer (&self->rows_by_key, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_array_unref);
  if (self->problems != NULL)
    g_string_free (g_steal_pointer (&self->problems), TRUE);
}

static void
add_problem (Import     *self,
             guint       line,
             const char *format,
             ...) G_GNUC_PRINTF (3, 4);

static void
add_problem (Import     *self,
             guint       line,
             const char *format,
             ...)
{
  va_list args;

  if (self->n_problems++ >= MAX_REPORTED_PROBLEMS)
    return;
  if (self->problems->len > 0)
    g_string_append (self->problems, "; ");
  g_string_append_printf (self->problems, _("line %u: "), line);
  va_start (args, format);
  g_string_append_vprintf (self->problems, format, args);
  va_end (args);
}

/* A field with surrounding spaces removed; NULL (absent column) becomes NULL. */
static char *
field (CvnCsvReader *reader,
       const int    *columns,
       guint         column)
{
  const char *value = cvn_csv_reader_get_column (reader, columns[column]);

  return value != NULL ? g_strstrip (g_strdup (value)) : NULL;
}

static gboolean
parse_days (const char *text,
            double     *out)
{
  char *end = NULL;
  double value;

  if (text == NULL || text[0] == '\0')
    {
      *out = 0;
      return TRUE;
    }
  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (value) || value < 0)
    return FALSE;
  *out = value;
  return TRUE;
}

static gboolean
parse_urn (const char *text,
           gint64     *out)
{
  guint64 value;

  *out = 0;
  if (text == NULL || text[0] == '\0')
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *out = (gint64) value;
  return TRUE;
}

/* Finds the school or person a row is about; reports a problem and returns 0 if none. */
static gint64
match_holder (Import       *self,
              guint         line,
              CvnObjectKind kind,
              const char   *name,
              gint64        urn)
{
  CvnSnapshot *snapshot = self->snapshot;
  gint64 id;

  if (kind == CVN_OBJECT_ESTABLISHMENT)
    {
      const CvnEstablishment *school = urn > 0 ? cvn_snapshot_find_establishment_by_urn (snapshot,
                                                                                         urn)
                                               : NULL;

      if (school != NULL)
        return school->id;
      id = name[0] != '\0' ? lookup_name (self->schools_by_name, name) : 0;
      if (id > 0)
        return id;
      if (id < 0)
        add_problem (self, line, _("several schools are called “%s”; give the URN"), name);
      else if (urn > 0 && name[0] != '\0')
        add_problem (self, line, _("no school has URN %" G_GINT64_FORMAT " or is called “%s”"),
                     urn, name);
      else if (urn > 0)
        add_problem (self, line, _("no school has URN %" G_GINT64_FORMAT), urn);
      else
        add_problem (self, line, _("no school is called “%s”"), name);
      return 0;
    }

  id = name[0] != '\0' ? lookup_name (self->people_by_name, name) : 0;
  if (id > 0)
    return id;
  if (id < 0 && urn > 0)
    {
      /* Two people of one name: the URN says which school's. */
      const CvnEstablishment *school = cvn_snapshot_find_establishment_by_urn (snapshot, urn);

      for (guint i = 0; school != NULL && i < snapshot->people->len; i++)
        {
          const CvnPerson *person = &g_array_index (snapshot->people, CvnPerson, i);

          if (g_str_equal (person->name, name) && person->establishment_id == school->id)
            return person->id;
        }
    }
  if (id < 0)
    add_problem (self, line, _("several people are called “%s”; give their school’s URN"), name);
  else if (name[0] == '\0')
    add_problem (self, line, _("the holder is empty"));
  else
    add_problem (self, line, _("no person is called “%s”"), name);
  return 0;
}

static void
import_values (Import      *self,
               guint        line,
               char * const values[N_COLUMNS])
{
  g_autofree char *key = NULL;
  CvnObjectKind holder_kind = CVN_OBJECT_ESTABLISHMENT;
  CvnDirectoryKind kind;
  CvnDirectoryEntry entry = { 0 };
  const CvnDirectoryEntry *base;
  gint64 holder_id, area_id, urn;
  double days = 0;
  CvnQaStatus qa_status = CVN_QA_SELF_DECLARED;
  guint problems_before = self->n_problems;
  GPtrArray *existing;
  guint occurrence;

  if (values[COLUMN_HOLDER_KIND] != NULL && values[COLUMN_HOLDER_KIND][0] != '\0')
    {
      g_autofree char *lower = g_ascii_strdown (values[COLUMN_HOLDER_KIND], -1);

      holder_kind = cvn_object_kind_from_string (lower);
      if (holder_kind != CVN_OBJECT_ESTABLISHMENT && holder_kind != CVN_OBJECT_PERSON)
        {
          add_problem (self, line, _("holder_kind is “%s”; expected school or person"),
                       values[COLUMN_HOLDER_KIND]);
          return;
        }
    }
  if (!parse_urn (values[COLUMN_URN], &urn))
    {
      add_problem (self, line, _("“%s” is not a URN"), values[COLUMN_URN]);
      return;
    }

  if (values[COLUMN_KIND] == NULL || values[COLUMN_KIND][0] == '\0' ||
      g_ascii_strcasecmp (values[COLUMN_KIND], "strength") == 0)
    kind = CVN_DIRECTORY_STRENGTH;
  else if (g_ascii_strcasecmp (values[COLUMN_KIND], "need") == 0)
    kind = CVN_DIRECTORY_NEED;
  else
    {
      add_problem (self, line, _("kind is “%s”; expected strength or need"), values[COLUMN_KIND]);
      kind = CVN_DIRECTORY_STRENGTH;
    }

  area_id = (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (self->areas_by_name,
                                                            values[COLUMN_AREA]));
  if (area_id == 0)
    {
      g_autofree char *folded = g_utf8_casefold (values[COLUMN_AREA], -1);

      area_id = (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (self->areas_by_folded, folded));
    }
  if (area_id == 0 && values[COLUMN_AREA][0] == '\0')
    add_problem (self, line, _("no expertise area is given"));
  else if (area_id == 0)
    add_problem (self, line, _("unknown expertise area “%s”"), values[COLUMN_AREA]);

  if (!parse_days (values[COLUMN_CAPACITY_DAYS], &days))
    add_problem (self, line, _("capacity_days is “%s”; expected a number of days, 0 or more"),
                 values[COLUMN_CAPACITY_DAYS]);
  if (values[COLUMN_QA_STATUS] != NULL && values[COLUMN_QA_STATUS][0] != '\0')
    {
      g_autofree char *lower = g_ascii_strdown (values[COLUMN_QA_STATUS], -1);

      if (!cvn_qa_status_from_string (lower, &qa_status))
        add_problem (self, line,
                     _("qa_status is “%s”; expected self-declared, peer-reviewed or "
                       "quality-assured"), values[COLUMN_QA_STATUS]);
    }
  if (values[COLUMN_REVIEWED_ON] != NULL && !cvn_date_is_valid (values[COLUMN_REVIEWED_ON]))
    add_problem (self, line, _("reviewed_on is “%s”; expected a date YYYY-MM-DD"),
                 values[COLUMN_REVIEWED_ON]);

  holder_id = match_holder (self, line, holder_kind,
                            values[COLUMN_HOLDER] != NULL ? values[COLUMN_HOLDER] : "", urn);
  if (self->n_problems > problems_before)
    return;

  /* The Nth row for a holder, area and kind updates the Nth such entry (there is normally
   * one), starting from its values so that columns the file leaves out keep them; rows
   * beyond the entries there add new ones. */
  key = entry_key (holder_kind, holder_id, area_id, kind);
  existing = g_hash_table_lookup (self->existing, key);
  occurrence = GPOINTER_TO_UINT (g_hash_table_lookup (self->rows_by_key, key));
  base = existing != NULL && occurrence < existing->len ? g_ptr_array_index (existing, occurrence)
                                                        : NULL;
  entry.id = base != NULL ? base->id : 0;
  entry.holder_kind = holder_kind;
  entry.holder_id = holder_id;
  entry.area_id = area_id;
  entry.kind = kind;
#define TAKE(member, column) \
  entry.member = g_strdup (values[column] != NULL ? values[column] \
                                                  : (base != NULL ? base->member : ""))
  TAKE (evidence, COLUMN_EVIDENCE);
  TAKE (phase, COLUMN_PHASE);
  TAKE (priority, COLUMN_PRIORITY);
  TAKE (notes, COLUMN_NOTES);
  TAKE (reviewer, COLUMN_REVIEWER);
  TAKE (reviewed_on, COLUMN_REVIEWED_ON);
#undef TAKE
  entry.capacity_days = values[COLUMN_CAPACITY_DAYS] != NULL || base == NULL
                          ? days : base->capacity_days;
  entry.qa_status = values[COLUMN_QA_STATUS] != NULL && values[COLUMN_QA_STATUS][0] != '\0'
                      ? qa_status
                      : (base != NULL ? base->qa_status : CVN_QA_SELF_DECLARED);

  g_array_append_val (self->pending, entry);
  g_hash_table_insert (self->rows_by_key, g_steal_pointer (&key),
                       GUINT_TO_POINTER (occurrence + 1));
}

/* Reads one row's fields, trimmed; a column the file lacks (or a short row) gives NULL,
 * except the area, which every row must name. */
static void
import_row (Import       *self,
            CvnCsvReader *reader,
            const int    *columns)
{
  char *values[N_COLUMNS];

  for (guint c = 0; c < N_COLUMNS; c++)
    values[c] = field (reader, columns, c);
  if (values[COLUMN_AREA] == NULL)
    values[COLUMN_AREA] = g_strdup ("");
  import_values (self, cvn_csv_reader_get_line (reader), values);
  for (guint c = 0; c < N_COLUMNS; c++)
    g_free (values[c]);
}

static gboolean
import_reader (CvnDocument            *doc,
               CvnCsvReader           *reader,
               CvnDirectoryCsvResult  *result,
               GError                **error)
{
  const char *name = cvn_csv_reader_get_name (reader);
  g_autoptr (CvnSnapshot) snapshot = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *label = NULL;
  int columns[N_COLUMNS];
  Import self;
  guint added = 0, updated = 0;

  if (!cvn_csv_reader_read_header (reader, error))
    return FALSE;
  for (guint c = 0; c < N_COLUMNS; c++)
    columns[c] = cvn_csv_reader_find_column (reader, column_names[c]);
  if (columns[COLUMN_AREA] < 0 || (columns[COLUMN_HOLDER] < 0 && columns[COLUMN_URN] < 0))
    {
      g_set_error (error, CVN_DIRECTORY_CSV_ERROR, CVN_DIRECTORY_CSV_ERROR_HEADER,
                   _("%s: the header needs the columns “area” and “holder” or “urn”"), name);
      return FALSE;
    }

  snapshot = cvn_snapshot_load (doc, error);
  if (snapshot == NULL)
    return FALSE;
  import_init (&self, snapshot);

  while (cvn_csv_reader_next_row (reader, &local_error))
    {
      gboolean blank = TRUE;

      /* Spreadsheets pad the end of a sheet with rows of empty cells. */
      for (guint f = 0; f < cvn_csv_reader_get_n_fields (reader) && blank; f++)
        {
          const char *value = cvn_csv_reader_get_field (reader, f);

          for (; value != NULL && *value != '\0' && blank; value++)
            blank = g_ascii_isspace (*value);
        }
      if (!blank)
        import_row (&self, reader, columns);
    }
  if (local_error != NULL)
    {
      import_clear (&self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (self.n_problems > 0)
    {
      if (self.n_problems > MAX_REPORTED_PROBLEMS)
        g_string_append_printf (self.problems, _("; and %u more"),
                                self.n_problems - MAX_REPORTED_PROBLEMS);
      g_set_error (error, CVN_DIRECTORY_CSV_ERROR, CVN_DIRECTORY_CSV_ERROR_ROWS,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s: nothing imported; %u row has a problem: %s",
                                "%s: nothing imported; %u rows have problems: %s",
                                self.n_problems),
                   name, self.n_problems, self.problems->str);
      import_clear (&self);
      return FALSE;
    }

  label = g_strdup_printf (_("Import directory from %s"), name);
  if (self.pending->len > 0 && !cvn_document_begin_edit (doc, label, error))
    {
      import_clear (&self);
      return FALSE;
    }
  for (guint i = 0; i < self.pending->len; i++)
    {
      const CvnDirectoryEntry *entry = &g_array_index (self.pending, CvnDirectoryEntry, i);
      gboolean ok;

      if (entry->id > 0)
        ok = cvn_store_update_directory_entry (doc, entry, error);
      else
        ok = cvn_store_insert_directory_entry (doc, entry, error) > 0;
      if (!ok)
        {
          cvn_document_rollback_edit (doc);
          import_clear (&self);
          g_prefix_error (error, "%s: ", name);
          return FALSE;
        }
      if (entry->id > 0)
        updated++;
      else
        added++;
    }
  import_clear (&self);
  if (added + updated > 0 && !cvn_document_commit_edit (doc, error))
    return FALSE;
  if (result != NULL)
    {
      result->added = added;
      result->updated = updated;
    }
  return TRUE;
}

gboolean
cvn_directory_csv_import (CvnDocument            *doc,
                          const char             *path,
                          CvnDirectoryCsvResult  *result,
                          GError                **error)
{
  g_autoptr (CvnCsvReader) reader = NULL;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  reader = cvn_csv_reader_new_for_path (path, error);
  if (reader == NULL)
    return FALSE;
  return import_reader (doc, reader, result, error);
}

gboolean
cvn_directory_csv_import_data (CvnDocument            *doc,
                               const char             *name,
                               const char             *data,
                               gsize                   length,
                               CvnDirectoryCsvResult  *result,
                               GError                **error)
{
  g_autoptr (CvnCsvReader) reader = NULL;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  reader = cvn_csv_reader_new_for_data (name != NULL ? name : "directory.csv",
                                        data != NULL ? data : "", length);
  return import_reader (doc, reader, result, error);
}

/* Export ---------------------------------------------------------------------------------- */

typedef struct
{
  const CvnDirectoryEntry *entry;
  guint                    holder_rank;
  int                      area_position;
} ExportRow;

static int
compare_export_rows (gconstpointer a,
                     gconstpointer b)
{
  const ExportRow *x = a, *y = b;

  if (x->holder_rank != y->holder_rank)
    return x->holder_rank < y->holder_rank ? -1 : 1;
  if (x->area_position != y->area_position)
    return x->area_position < y->area_position ? -1 : 1;
  if (x->entry->kind != y->entry->kind)
    return x->entry->kind < y->entry->kind ? -1 : 1;
  return x->entry->id < y->entry->id ? -1 : x->entry->id > y->entry->id;
}

char *
cvn_directory_csv_export_to_string (CvnSnapshot *snapshot)
{
  GString *out = g_string_new (NULL);
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (ExportRow));
  g_autoptr (GHashTable) area_positions = g_hash_table_new (g_direct_hash, g_direct_equal);

  g_return_val_if_fail (snapshot != NULL, NULL);

  for (guint i = 0; i < snapshot->expertise_areas->len; i++)
    g_hash_table_insert (area_positions,
                         GSIZE_TO_POINTER (g_array_index (snapshot->expertise_areas,
                                                          CvnExpertiseArea, i).id),
                         GINT_TO_POINTER ((int) i));
  for (guint i = 0; i < snapshot->directory_entries->len; i++)
    {
      const CvnDirectoryEntry *entry = &g_array_index (snapshot->directory_entries,
                                                       CvnDirectoryEntry, i);
      ExportRow row = { entry, G_MAXUINT,
                        GPOINTER_TO_INT (g_hash_table_lookup (area_positions,
                                                              GSIZE_TO_POINTER (entry->area_id))) };

      if (entry->holder_kind == CVN_OBJECT_ESTABLISHMENT)
        {
          const CvnEstablishment *school = cvn_snapshot_find_establishment (snapshot,
                                                                            entry->holder_id);

          if (school != NULL)
            row.holder_rank = (guint) (school - (const CvnEstablishment *)
                                                  snapshot->establishments->data);
        }
      else
        {
          const CvnPerson *person = cvn_snapshot_find_person (snapshot, entry->holder_id);

          if (person != NULL)
            row.holder_rank = snapshot->establishments->len +
                              (guint) (person - (const CvnPerson *) snapshot->people->data);
        }
      g_array_append_val (rows, row);
    }
  g_array_sort (rows, compare_export_rows);

  cvn_csv_append_row (out, column_names, N_COLUMNS);
  for (guint i = 0; i < rows->len; i++)
    {
      const CvnDirectoryEntry *entry = g_array_index (rows, ExportRow, i).entry;
      const CvnExpertiseArea *area = cvn_snapshot_find_expertise_area (snapshot, entry->area_id);
      const CvnEstablishment *school = NULL;
      char days[G_ASCII_DTOSTR_BUF_SIZE] = "";
      g_autofree char *urn = NULL;
      const char *fields[N_COLUMNS];

      if (entry->holder_kind == CVN_OBJECT_ESTABLISHMENT)
        school = cvn_snapshot_find_establishment (snapshot, entry->holder_id);
      else
        {
          const CvnPerson *person = cvn_snapshot_find_person (snapshot, entry->holder_id);

          if (person != NULL && person->establishment_id > 0)
            school = cvn_snapshot_find_establishment (snapshot, person->establishment_id);
        }
      if (school != NULL && school->urn > 0)
        urn = g_strdup_printf ("%" G_GINT64_FORMAT, school->urn);
      if (entry->kind == CVN_DIRECTORY_STRENGTH || entry->capacity_days != 0)
        g_ascii_formatd (days, sizeof days, "%g", entry->capacity_days);

      fields[COLUMN_HOLDER] = cvn_snapshot_get_name (snapshot, entry->holder_kind,
                                                     entry->holder_id);
      if (fields[COLUMN_HOLDER] == NULL)
        fields[COLUMN_HOLDER] = "";
      fields[COLUMN_HOLDER_KIND] = cvn_object_kind_to_string (entry->holder_kind);
      fields[COLUMN_URN] = urn != NULL ? urn : "";
      fields[COLUMN_AREA] = area != NULL ? area->name : "";
      fields[COLUMN_KIND] = entry->kind == CVN_DIRECTORY_NEED ? "need" : "strength";
      fields[COLUMN_CAPACITY_DAYS] = days;
      fields[COLUMN_PRIORITY] = entry->priority;
      fields[COLUMN_QA_STATUS] = cvn_qa_status_to_string (entry->qa_status);
      fields[COLUMN_REVIEWED_ON] = entry->reviewed_on;
      fields[COLUMN_REVIEWER] = entry->reviewer;
      fields[COLUMN_EVIDENCE] = entry->evidence;
      fields[COLUMN_PHASE] = entry->phase;
      fields[COLUMN_NOTES] = entry->notes;
      cvn_csv_append_row (out, fields, N_COLUMNS);
    }
  return g_string_free (out, FALSE);
}

gboolean
cvn_directory_csv_export (CvnDocument *doc,
                          const char  *path,
                          GError     **error)
{
  g_autoptr (CvnSnapshot) snapshot = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  snapshot = cvn_snapshot_load (doc, error);
  if (snapshot == NULL)
    return FALSE;
  text = cvn_directory_csv_export_to_string (snapshot);
  if (!g_file_set_contents (path, text, -1, error))
    {
      g_prefix_error (error, _("Exporting the directory to %s: "), path);
      return FALSE;
    }
  return TRUE;
}
