/* cvn-import-gias.c — the DfE "Get Information About Schools" downloads into a document.
 *
 * The register is streamed a row at a time through CvnCsvReader; only the columns this file
 * names are read, found by their header names because GIAS adds and moves columns between
 * years. A column that is absent from a file (or cut off a short row) leaves that field as it
 * is, so an older or trimmed extract never blanks what a newer one filled in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-import-gias"

#include "config.h"

#include "cvn-import-gias.h"
#include "cvn-csv.h"
#include "cvn-snapshot.h"
#include "cvn-store.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* Job titles as stored in the document, where a re-import looks for them again; they are data,
 * not interface text, so they are not translated. */
#define HEADTEACHER "Headteacher"
#define FORMER_HEADTEACHER "Former headteacher"

G_DEFINE_QUARK (cvn-import-gias-error-quark, cvn_import_gias_error)

/* The establishment fields GIAS owns. The text fields come first so that they can be handled
 * by one loop. */
typedef enum
{
  FIELD_NAME,
  FIELD_PHASE,
  FIELD_TYPE,
  FIELD_LOCAL_AUTHORITY,
  FIELD_RELIGIOUS_CHARACTER,
  FIELD_DIOCESE,
  FIELD_TRUST,
  FIELD_FEDERATION,
  FIELD_POSTCODE,
  FIELD_INSPECTION_GRADE,
  N_TEXT_FIELDS,
  FIELD_LOCATION = N_TEXT_FIELDS,
  FIELD_PUPILS,
  FIELD_OPEN,
  N_FIELDS
} Field;

/* As the import summary names them: the document's own column names. */
static const char * const field_names[N_FIELDS] = {
  "name", "phase", "type", "local_authority", "religious_character", "diocese", "trust",
  "federation", "postcode", "inspection_grade", "location", "pupils", "open",
};

/* Header names of the columns this importer reads. */
typedef struct
{
  int urn;
  int la_code;
  int la_name;
  int name;
  int type;
  int status;
  int phase;
  int religious_character;
  int diocese;
  int trust;
  int federation;
  int pupils;
  int inspection_grade;
  int postcode;
  int easting;
  int northing;
  int head_first_name;
  int head_last_name;
} Columns;

/* One row as read: a NULL text means the field is not in this file (or this short row). */
typedef struct
{
  gint64       urn;
  const char  *text[N_TEXT_FIELDS];
  gboolean     has_location_column;
  gboolean     has_location;
  double       easting;
  double       northing;
  gboolean     has_pupils_column;
  int          pupils;
  gboolean     has_status_column;
  gboolean     is_open;
  char        *head_name;
} Row;

typedef struct
{
  CvnDocument          *doc;
  CvnCsvReader         *reader;
  const CvnGiasOptions *options;
  CvnGiasSummary       *summary;
  CvnSnapshot          *snapshot;
  Columns               columns;
  GHashTable           *seen_urns;         /* URN -> line it first appeared on */
  GHashTable           *heads;             /* establishment id -> CvnPerson * (Headteacher) */
  gboolean             *la_used;           /* per options->local_authorities entry */
  GString              *changed_fields;
  /* Prepared once for the whole import: preparing a statement for each of 50,000 rows,
   * with the undo triggers it sets off, would take most of the import's time. */
  sqlite3_stmt         *insert_establishment;
  sqlite3_stmt         *update_establishment;
  sqlite3_stmt         *insert_head;
} Import;

/* The establishment columns GIAS owns; the importer writes these and no others, so the local
 * authority's own columns (risk category, engagement, colour ...) are never touched. */
#define GIAS_COLUMNS \
  "urn, name, phase, type, local_authority, religious_character, diocese, trust, federation, " \
  "postcode, inspection_grade, easting, northing, pupils, is_open"
#define GIAS_VALUES "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15"

static void
change_clear (gpointer data)
{
  CvnGiasChange *change = data;

  g_clear_pointer (&change->name, g_free);
  g_clear_pointer (&change->fields, g_free);
}

static void
skip_clear (gpointer data)
{
  CvnGiasSkip *skip = data;

  g_clear_pointer (&skip->file, g_free);
  g_clear_pointer (&skip->reason, g_free);
}

CvnGiasSummary *
cvn_gias_summary_new (void)
{
  CvnGiasSummary *self = g_new0 (CvnGiasSummary, 1);

  self->changes = g_array_new (FALSE, TRUE, sizeof (CvnGiasChange));
  g_array_set_clear_func (self->changes, change_clear);
  self->closures = g_array_new (FALSE, TRUE, sizeof (CvnGiasChange));
  g_array_set_clear_func (self->closures, change_clear);
  self->skips = g_array_new (FALSE, TRUE, sizeof (CvnGiasSkip));
  g_array_set_clear_func (self->skips, skip_clear);
  self->unused_local_authorities = g_ptr_array_new_with_free_func (g_free);
  return self;
}

void
cvn_gias_summary_free (CvnGiasSummary *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->changes);
  g_array_unref (self->closures);
  g_array_unref (self->skips);
  g_ptr_array_unref (self->unused_local_authorities);
  g_free (self);
}

static void add_skip (CvnGiasSummary *summary,
                      CvnCsvReader   *reader,
                      const char     *format,
                      ...) G_GNUC_PRINTF (3, 4);

static void
add_skip (CvnGiasSummary *summary,
          CvnCsvReader   *reader,
          const char     *format,
          ...)
{
  CvnGiasSkip skip;
  va_list args;

  va_start (args, format);
  skip.file = g_strdup (cvn_csv_reader_get_name (reader));
  skip.line = cvn_csv_reader_get_line (reader);
  skip.reason = g_strdup_vprintf (format, args);
  va_end (args);
  g_array_append_val (summary->skips, skip);
}

static void
add_change (GArray     *changes,
            gint64      urn,
            const char *name,
            const char *fields)
{
  CvnGiasChange change = { urn, g_strdup (name), g_strdup (fields) };

  g_array_append_val (changes, change);
}

static void bad_value (CvnCsvReader  *reader,
                       const char    *column,
                       GError       **error,
                       const char    *format,
                       ...) G_GNUC_PRINTF (4, 5);

/* Sets an error that names the file, the line and the column, as users need to find it. */
static void
bad_value (CvnCsvReader  *reader,
           const char    *column,
           GError       **error,
           const char    *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, CVN_IMPORT_GIAS_ERROR, CVN_IMPORT_GIAS_ERROR_BAD_VALUE,
               _("%s line %u, column %s: %s"), cvn_csv_reader_get_name (reader),
               cvn_csv_reader_get_line (reader), column, message);
}

/* Text as GIAS writes it, with its ways of saying "nothing" turned into nothing. */
static const char *
clean_text (const char *text)
{
  if (text == NULL)
    return NULL;
  while (g_ascii_isspace (*text))
    text++;
  if (g_ascii_strcasecmp (text, "Not applicable") == 0 ||
      g_ascii_strcasecmp (text, "Does not apply") == 0 ||
      g_ascii_strcasecmp (text, "Not recorded") == 0 ||
      g_ascii_strcasecmp (text, "None") == 0)
    return "";
  return text;
}

/* Copies @text without the spaces around it. */
static char *
dup_stripped (const char *text)
{
  return g_strstrip (g_strdup (text));
}

static gboolean
parse_integer (CvnCsvReader  *reader,
               const char    *column,
               const char    *text,
               gint64         min,
               gint64         max,
               gint64        *out_value,
               GError       **error)
{
  g_autofree char *stripped = dup_stripped (text);
  guint64 value;

  /* Parsed as unsigned so that a sign ("-5", "+5") is refused like any other stray text. */
  if (!g_ascii_string_to_unsigned (stripped, 10, 0, G_MAXINT64, &value, NULL))
    {
      bad_value (reader, column, error, _("“%s” is not a number"), stripped);
      return FALSE;
    }
  if ((gint64) value < min || (gint64) value > max)
    {
      bad_value (reader, column, error, _("%s is out of range"), stripped);
      return FALSE;
    }
  *out_value = (gint64) value;
  return TRUE;
}

/* Easting and northing in metres; GIAS writes whole numbers but decimals do no harm. */
static gboolean
parse_metres (CvnCsvReader  *reader,
              const char    *column,
              const char    *text,
              double        *out_value,
              GError       **error)
{
  g_autofree char *stripped = dup_stripped (text);
  char *end = NULL;
  double value;

  value = g_ascii_strtod (stripped, &end);
  if (stripped[0] == '\0' || end == NULL || *end != '\0' || !isfinite (value))
    {
      bad_value (reader, column, error, _("“%s” is not a number"), stripped);
      return FALSE;
    }
  /* The National Grid covers 700 km by 1300 km; anything far outside it is a typing slip. */
  if (value < -1000000 || value > 2000000)
    {
      bad_value (reader, column, error, _("%s is outside the British National Grid"), stripped);
      return FALSE;
    }
  *out_value = value;
  return TRUE;
}

/* GIAS phases, and types that say more than "Not applicable" does, in the document's words. */
static const char *
map_phase (const char *phase,
           const char *type)
{
  if (phase == NULL)
    return NULL;
  if (g_ascii_strcasecmp (phase, "Nursery") == 0)
    return "nursery";
  if (g_ascii_strcasecmp (phase, "Primary") == 0 ||
      g_ascii_strcasecmp (phase, "Middle deemed primary") == 0)
    return "primary";
  if (g_ascii_strcasecmp (phase, "Secondary") == 0 ||
      g_ascii_strcasecmp (phase, "Middle deemed secondary") == 0)
    return "secondary";
  if (g_ascii_strcasecmp (phase, "All-through") == 0 ||
      g_ascii_strcasecmp (phase, "All through") == 0)
    return "all-through";
  if (g_ascii_strcasecmp (phase, "16 plus") == 0)
    return "16 plus";
  if (type != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (type, -1);

      if (strstr (lower, "special") != NULL)
        return "special";
      if (strstr (lower, "pupil referral") != NULL ||
          strstr (lower, "alternative provision") != NULL)
        return "alternative provision";
    }
  if (phase[0] == '\0' || g_ascii_strcasecmp (phase, "Not applicable") == 0)
    return "";
  return phase;
}

/* "Open" and "Open, but proposed to close" are open; "Closed" and "Proposed to open" are not. */
static gboolean
status_is_open (const char *status)
{
  return g_ascii_strncasecmp (status, "Open", 4) == 0 &&
         (status[4] == '\0' || status[4] == ',' || status[4] == ' ');
}

static gboolean
find_columns (Import  *self,
              GError **error)
{
  CvnCsvReader *reader = self->reader;
  Columns *c = &self->columns;

  c->urn = cvn_csv_reader_find_column (reader, "URN");
  c->la_code = cvn_csv_reader_find_column (reader, "LA (code)");
  c->la_name = cvn_csv_reader_find_column (reader, "LA (name)");
  c->name = cvn_csv_reader_find_column (reader, "EstablishmentName");
  c->type = cvn_csv_reader_find_column (reader, "TypeOfEstablishment (name)");
  c->status = cvn_csv_reader_find_column (reader, "EstablishmentStatus (name)");
  c->phase = cvn_csv_reader_find_column (reader, "PhaseOfEducation (name)");
  c->religious_character = cvn_csv_reader_find_column (reader, "ReligiousCharacter (name)");
  c->diocese = cvn_csv_reader_find_column (reader, "Diocese (name)");
  c->trust = cvn_csv_reader_find_column (reader, "Trusts (name)");
  c->federation = cvn_csv_reader_find_column (reader, "Federations (name)");
  c->pupils = cvn_csv_reader_find_column (reader, "NumberOfPupils");
  c->inspection_grade = cvn_csv_reader_find_column (reader, "OfstedRating (name)");
  c->postcode = cvn_csv_reader_find_column (reader, "Postcode");
  c->easting = cvn_csv_reader_find_column (reader, "Easting");
  c->northing = cvn_csv_reader_find_column (reader, "Northing");
  c->head_first_name = cvn_csv_reader_find_column (reader, "HeadFirstName");
  c->head_last_name = cvn_csv_reader_find_column (reader, "HeadLastName");

  if (c->urn < 0 || c->name < 0)
    {
      g_set_error (error, CVN_IMPORT_GIAS_ERROR, CVN_IMPORT_GIAS_ERROR_MISSING_COLUMN,
                   _("%s: there is no “%s” column; is this a GIAS establishment file?"),
                   cvn_csv_reader_get_name (reader), c->urn < 0 ? "URN" : "EstablishmentName");
      return FALSE;
    }
  if (self->options->local_authorities != NULL && self->options->local_authorities[0] != NULL &&
      c->la_code < 0 && c->la_name < 0)
    {
      g_set_error (error, CVN_IMPORT_GIAS_ERROR, CVN_IMPORT_GIAS_ERROR_MISSING_COLUMN,
                   _("%s: there is no “LA (code)” or “LA (name)” column to choose local "
                     "authorities by"), cvn_csv_reader_get_name (reader));
      return FALSE;
    }
  return TRUE;
}

/* TRUE when the row's local authority is one the user asked for (or none was asked for). */
static gboolean
local_authority_selected (Import *self)
{
  const char * const *wanted = self->options->local_authorities;
  const char *code, *name;
  gboolean selected = FALSE;

  if (wanted == NULL || wanted[0] == NULL)
    return TRUE;

  code = cvn_csv_reader_get_column (self->reader, self->columns.la_code);
  name = cvn_csv_reader_get_column (self->reader, self->columns.la_name);
  for (guint i = 0; wanted[i] != NULL; i++)
    if ((code != NULL && g_ascii_strcasecmp (code, wanted[i]) == 0) ||
        (name != NULL && g_ascii_strcasecmp (name, wanted[i]) == 0))
      {
        self->la_used[i] = TRUE;
        selected = TRUE;
      }
  return selected;
}

static void
row_clear (Row *row)
{
  g_clear_pointer (&row->head_name, g_free);
}

/* Reads and checks the fields of the current row that the import uses. */
static gboolean
read_row (Import  *self,
          Row     *row,
          GError **error)
{
  CvnCsvReader *reader = self->reader;
  const Columns *c = &self->columns;
  const char *type = cvn_csv_reader_get_column (reader, c->type);
  const char *status = cvn_csv_reader_get_column (reader, c->status);
  const char *easting = cvn_csv_reader_get_column (reader, c->easting);
  const char *northing = cvn_csv_reader_get_column (reader, c->northing);
  const char *pupils = cvn_csv_reader_get_column (reader, c->pupils);

  row->text[FIELD_NAME] = cvn_csv_reader_get_column (reader, c->name);
  row->text[FIELD_TYPE] = clean_text (type);
  row->text[FIELD_PHASE] = map_phase (clean_text (cvn_csv_reader_get_column (reader, c->phase)),
                                      type);
  row->text[FIELD_LOCAL_AUTHORITY] = clean_text (cvn_csv_reader_get_column (reader, c->la_name));
  row->text[FIELD_RELIGIOUS_CHARACTER] =
    clean_text (cvn_csv_reader_get_column (reader, c->religious_character));
  row->text[FIELD_DIOCESE] = clean_text (cvn_csv_reader_get_column (reader, c->diocese));
  row->text[FIELD_TRUST] = clean_text (cvn_csv_reader_get_column (reader, c->trust));
  row->text[FIELD_FEDERATION] = clean_text (cvn_csv_reader_get_column (reader, c->federation));
  row->text[FIELD_POSTCODE] = clean_text (cvn_csv_reader_get_column (reader, c->postcode));
  row->text[FIELD_INSPECTION_GRADE] =
    clean_text (cvn_csv_reader_get_column (reader, c->inspection_grade));

  row->has_status_column = status != NULL;
  row->is_open = status == NULL || status_is_open (status);

  row->has_pupils_column = pupils != NULL;
  row->pupils = -1;
  if (pupils != NULL && clean_text (pupils)[0] != '\0')
    {
      gint64 value;

      if (!parse_integer (reader, "NumberOfPupils", pupils, 0, G_MAXINT, &value, error))
        return FALSE;
      row->pupils = (int) value;
    }

  row->has_location_column = easting != NULL && northing != NULL;
  row->has_location = FALSE;
  if (row->has_location_column && clean_text (easting)[0] != '\0' &&
      clean_text (northing)[0] != '\0')
    {
      if (!parse_metres (reader, "Easting", easting, &row->easting, error) ||
          !parse_metres (reader, "Northing", northing, &row->northing, error))
        return FALSE;
      row->has_location = TRUE;
    }

  if (self->options->with_heads)
    {
      const char *first = clean_text (cvn_csv_reader_get_column (reader, c->head_first_name));
      const char *last = clean_text (cvn_csv_reader_get_column (reader, c->head_last_name));
      g_autofree char *joined = g_strjoin (" ", first != NULL ? first : "",
                                           last != NULL ? last : "", NULL);

      row->head_name = dup_stripped (joined);
    }
  return TRUE;
}

static char **
text_slot (CvnEstablishment *e,
           Field             field)
{
  switch (field)
    {
    case FIELD_NAME:
      return &e->name;
    case FIELD_PHASE:
      return &e->phase;
    case FIELD_TYPE:
      return &e->type;
    case FIELD_LOCAL_AUTHORITY:
      return &e->local_authority;
    case FIELD_RELIGIOUS_CHARACTER:
      return &e->religious_character;
    case FIELD_DIOCESE:
      return &e->diocese;
    case FIELD_TRUST:
      return &e->trust;
    case FIELD_FEDERATION:
      return &e->federation;
    case FIELD_POSTCODE:
      return &e->postcode;
    case FIELD_INSPECTION_GRADE:
      return &e->inspection_grade;
    case FIELD_LOCATION:
    case FIELD_PUPILS:
    case FIELD_OPEN:
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

static void
note_change (GString *fields,
             Field    field)
{
  if (fields->len > 0)
    g_string_append_c (fields, ',');
  g_string_append (fields, field_names[field]);
}

/* Copies the row's fields into @e, listing in @changed_fields those whose value differs.
 * Opening or closing is not listed; the caller reports it. */
static void
apply_row (const Row        *row,
           CvnEstablishment *e,
           GString          *changed_fields)
{
  for (Field f = 0; f < N_TEXT_FIELDS; f++)
    {
      char **slot = text_slot (e, f);
      g_autofree char *value = NULL;

      if (row->text[f] == NULL)
        continue;
      value = dup_stripped (row->text[f]);
      if (g_strcmp0 (*slot, value) != 0)
        {
          note_change (changed_fields, f);
          g_free (*slot);
          *slot = g_steal_pointer (&value);
        }
    }
  if (row->has_location_column &&
      (row->has_location != e->has_location ||
       (row->has_location && (row->easting != e->easting || row->northing != e->northing))))
    {
      note_change (changed_fields, FIELD_LOCATION);
      e->has_location = row->has_location;
      e->easting = row->has_location ? row->easting : 0;
      e->northing = row->has_location ? row->northing : 0;
    }
  if (row->has_pupils_column && row->pupils != e->pupils)
    {
      note_change (changed_fields, FIELD_PUPILS);
      e->pupils = row->pupils;
    }
  if (row->has_status_column)
    e->is_open = row->is_open;
}

/* Copies what GIAS owns of @src into @dest, a fresh establishment; the local fields are not
 * needed, because write_establishment never writes them. */
static void
copy_gias_fields (CvnEstablishment       *dest,
                  const CvnEstablishment *src)
{
  cvn_establishment_init (dest);
  dest->id = src->id;
  dest->urn = src->urn;
  for (Field f = 0; f < N_TEXT_FIELDS; f++)
    {
      char **slot = text_slot (dest, f);

      g_free (*slot);
      *slot = g_strdup (*text_slot ((CvnEstablishment *) src, f));
    }
  dest->has_location = src->has_location;
  dest->easting = src->easting;
  dest->northing = src->northing;
  dest->pupils = src->pupils;
  dest->is_open = src->is_open;
}

static gboolean
prepare_statements (Import  *self,
                    GError **error)
{
  self->insert_establishment =
    cvn_document_prepare (self->doc, "INSERT INTO establishments (" GIAS_COLUMNS ") "
                                     "VALUES (" GIAS_VALUES ")", error);
  if (self->insert_establishment == NULL)
    return FALSE;
  self->update_establishment =
    cvn_document_prepare (self->doc, "UPDATE establishments SET (" GIAS_COLUMNS ") = "
                                     "(" GIAS_VALUES ") WHERE id = ?16", error);
  if (self->update_establishment == NULL)
    return FALSE;
  self->insert_head =
    cvn_document_prepare (self->doc, "INSERT INTO people (name, job_title, establishment_id) "
                                     "VALUES (?1, ?2, ?3)", error);
  return self->insert_head != NULL;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  sqlite3_bind_text (stmt, index, text != NULL ? text : "", -1, SQLITE_STATIC);
}

/* Runs a prepared statement to its end and makes it ready for the next row. */
static gboolean
run_statement (CvnDocument  *doc,
               sqlite3_stmt *stmt,
               GError      **error)
{
  gboolean ok = cvn_document_step_done (doc, stmt, error);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return ok;
}

/* Inserts @e (when its id is 0) or updates its GIAS-owned columns. */
static gboolean
write_establishment (Import           *self,
                     CvnEstablishment *e,
                     GError          **error)
{
  sqlite3_stmt *stmt = e->id == 0 ? self->insert_establishment : self->update_establishment;

  sqlite3_bind_int64 (stmt, 1, e->urn);
  bind_text (stmt, 2, e->name);
  bind_text (stmt, 3, e->phase);
  bind_text (stmt, 4, e->type);
  bind_text (stmt, 5, e->local_authority);
  bind_text (stmt, 6, e->religious_character);
  bind_text (stmt, 7, e->diocese);
  bind_text (stmt, 8, e->trust);
  bind_text (stmt, 9, e->federation);
  bind_text (stmt, 10, e->postcode);
  bind_text (stmt, 11, e->inspection_grade);
  if (e->has_location)
    {
      sqlite3_bind_double (stmt, 12, e->easting);
      sqlite3_bind_double (stmt, 13, e->northing);
    }
  if (e->pupils >= 0)
    sqlite3_bind_int (stmt, 14, e->pupils);
  sqlite3_bind_int (stmt, 15, e->is_open ? 1 : 0);
  if (e->id != 0)
    sqlite3_bind_int64 (stmt, 16, e->id);
  if (!run_statement (self->doc, stmt, error))
    return FALSE;
  if (e->id == 0)
    e->id = cvn_document_last_insert_id (self->doc);
  return TRUE;
}

/* The head teacher of each school, as the document holds them before the import. */
static GHashTable *
index_heads (CvnSnapshot *snapshot)
{
  GHashTable *heads = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < snapshot->people->len; i++)
    {
      CvnPerson *person = &g_array_index (snapshot->people, CvnPerson, i);

      if (person->establishment_id > 0 && g_str_equal (person->job_title, HEADTEACHER))
        g_hash_table_insert (heads, &person->establishment_id, person);
    }
  return heads;
}

/* Adds the row's head teacher to the school when the document has no such person yet. A new
 * name at a school whose head the document knows means the headship changed hands: the
 * earlier person is kept (with their memberships) and marked as the former head. */
static gboolean
import_head (Import     *self,
             const Row  *row,
             gint64      establishment_id,
             GString    *changed_fields,
             GError    **error)
{
  const CvnPerson *current;

  if (row->head_name == NULL || row->head_name[0] == '\0')
    return TRUE;

  current = g_hash_table_lookup (self->heads, &establishment_id);
  if (current != NULL && g_str_equal (current->name, row->head_name))
    return TRUE;
  if (current != NULL)
    {
      CvnPerson former = *current;

      former.job_title = (char *) FORMER_HEADTEACHER;
      if (!cvn_store_update_person (self->doc, &former, error))
        return FALSE;
    }

  bind_text (self->insert_head, 1, row->head_name);
  bind_text (self->insert_head, 2, HEADTEACHER);
  sqlite3_bind_int64 (self->insert_head, 3, establishment_id);
  if (!run_statement (self->doc, self->insert_head, error))
    return FALSE;
  self->summary->heads_added++;
  if (changed_fields->len > 0)
    g_string_append_c (changed_fields, ',');
  g_string_append (changed_fields, "head");
  return TRUE;
}

static gboolean
import_row (Import  *self,
            GError **error)
{
  CvnCsvReader *reader = self->reader;
  CvnGiasSummary *summary = self->summary;
  const char *urn_text = cvn_csv_reader_get_column (reader, self->columns.urn);
  const char *name = cvn_csv_reader_get_column (reader, self->columns.name);
  const CvnEstablishment *existing;
  gpointer first_line;
  Row row = { 0 };
  gboolean ok = FALSE;

  if (urn_text == NULL || name == NULL)
    {
      add_skip (summary, reader, _("the row has %u fields and ends before the URN or the name"),
                cvn_csv_reader_get_n_fields (reader));
      return TRUE;
    }
  if (!local_authority_selected (self))
    {
      summary->not_selected++;
      return TRUE;
    }
  if (clean_text (urn_text)[0] == '\0')
    {
      add_skip (summary, reader, _("the row has no URN"));
      return TRUE;
    }
  if (!parse_integer (reader, "URN", urn_text, 1, G_MAXINT32, &row.urn, error))
    return FALSE;
  if (clean_text (name)[0] == '\0')
    {
      add_skip (summary, reader, _("URN %" G_GINT64_FORMAT " has no name"), row.urn);
      return TRUE;
    }
  if (g_hash_table_lookup_extended (self->seen_urns, &row.urn, NULL, &first_line))
    {
      add_skip (summary, reader, _("URN %" G_GINT64_FORMAT " already appeared on line %u"),
                row.urn, GPOINTER_TO_UINT (first_line));
      return TRUE;
    }
  g_hash_table_insert (self->seen_urns, g_memdup2 (&row.urn, sizeof row.urn),
                       GUINT_TO_POINTER (cvn_csv_reader_get_line (reader)));

  if (!read_row (self, &row, error))
    goto out;

  g_string_truncate (self->changed_fields, 0);
  existing = cvn_snapshot_find_establishment_by_urn (self->snapshot, row.urn);
  if (existing == NULL)
    {
      CvnEstablishment e;
      gboolean written;

      if (!row.is_open && !self->options->include_closed)
        {
          summary->not_selected++;
          ok = TRUE;
          goto out;
        }
      cvn_establishment_init (&e);
      e.urn = row.urn;
      apply_row (&row, &e, self->changed_fields);
      written = write_establishment (self, &e, error) &&
                (!self->options->with_heads ||
                 import_head (self, &row, e.id, self->changed_fields, error));
      cvn_establishment_clear (&e);
      if (!written)
        goto out;
      summary->added++;
    }
  else
    {
      CvnEstablishment e;
      gboolean was_open = existing->is_open;
      gboolean updated;

      copy_gias_fields (&e, existing);
      apply_row (&row, &e, self->changed_fields);
      if (e.is_open != was_open && e.is_open)
        note_change (self->changed_fields, FIELD_OPEN);
      updated = self->changed_fields->len > 0 || e.is_open != was_open;
      if (updated && !write_establishment (self, &e, error))
        {
          cvn_establishment_clear (&e);
          goto out;
        }
      if (self->options->with_heads &&
          !import_head (self, &row, e.id, self->changed_fields, error))
        {
          cvn_establishment_clear (&e);
          goto out;
        }

      if (was_open && !e.is_open)
        {
          add_change (summary->closures, e.urn, e.name, "");
          summary->closed++;
        }
      if (self->changed_fields->len > 0)
        {
          add_change (summary->changes, e.urn, e.name, self->changed_fields->str);
          summary->changed++;
        }
      else if (!updated)
        summary->unchanged++;
      cvn_establishment_clear (&e);
    }
  ok = TRUE;

out:
  row_clear (&row);
  return ok;
}

static gboolean
import_rows (Import  *self,
             GError **error)
{
  g_autoptr (GError) local_error = NULL;
  const char * const *wanted = self->options->local_authorities;

  if (!cvn_csv_reader_read_header (self->reader, error) || !find_columns (self, error))
    return FALSE;

  while (cvn_csv_reader_next_row (self->reader, &local_error))
    if (!import_row (self, error))
      return FALSE;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  for (guint i = 0; wanted != NULL && wanted[i] != NULL; i++)
    if (!self->la_used[i])
      g_ptr_array_add (self->summary->unused_local_authorities, g_strdup (wanted[i]));
  return TRUE;
}

static CvnGiasSummary *
import_establishments (CvnDocument          *doc,
                       CvnCsvReader         *reader,
                       const CvnGiasOptions *options,
                       GError              **error)
{
  static const CvnGiasOptions default_options = { NULL, FALSE, FALSE };
  g_autoptr (CvnGiasSummary) summary = cvn_gias_summary_new ();
  g_autoptr (CvnSnapshot) snapshot = NULL;
  g_autoptr (GHashTable) seen_urns = NULL;
  g_autoptr (GHashTable) heads = NULL;
  g_autofree gboolean *la_used = NULL;
  g_autoptr (GString) changed_fields = g_string_new (NULL);
  g_autofree char *label = NULL;
  guint n_wanted = 0;
  g_autoptr (sqlite3_stmt) insert_establishment = NULL;
  g_autoptr (sqlite3_stmt) update_establishment = NULL;
  g_autoptr (sqlite3_stmt) insert_head = NULL;
  Import import;

  if (options == NULL)
    options = &default_options;
  if (options->local_authorities != NULL)
    n_wanted = g_strv_length ((char **) options->local_authorities);

  label = g_strdup_printf (_("Import schools from %s"), cvn_csv_reader_get_name (reader));
  if (!cvn_document_begin_edit (doc, label, error))
    return NULL;

  /* The snapshot is taken inside the edit, so nothing can change between reading what the
   * document holds and writing the import. */
  snapshot = cvn_snapshot_load (doc, error);
  if (snapshot == NULL)
    {
      cvn_document_rollback_edit (doc);
      return NULL;
    }
  seen_urns = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  heads = index_heads (snapshot);
  la_used = g_new0 (gboolean, n_wanted + 1);

  import = (Import) {
    .doc = doc,
    .reader = reader,
    .options = options,
    .summary = summary,
    .snapshot = snapshot,
    .seen_urns = seen_urns,
    .heads = heads,
    .la_used = la_used,
    .changed_fields = changed_fields,
  };
  if (!prepare_statements (&import, error))
    {
      g_clear_pointer (&import.insert_establishment, sqlite3_finalize);
      g_clear_pointer (&import.update_establishment, sqlite3_finalize);
      cvn_document_rollback_edit (doc);
      return NULL;
    }
  insert_establishment = import.insert_establishment;
  update_establishment = import.update_establishment;
  insert_head = import.insert_head;
  if (!import_rows (&import, error) || !cvn_document_commit_edit (doc, error))
    {
      if (cvn_document_in_edit (doc))
        cvn_document_rollback_edit (doc);
      return NULL;
    }
  return g_steal_pointer (&summary);
}

CvnGiasSummary *
cvn_import_gias (CvnDocument          *doc,
                 const char           *path,
                 const CvnGiasOptions *options,
                 GError              **error)
{
  g_autoptr (CvnCsvReader) reader = NULL;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  reader = cvn_csv_reader_new_for_path (path, error);
  if (reader == NULL)
    return NULL;
  return import_establishments (doc, reader, options, error);
}

CvnGiasSummary *
cvn_import_gias_data (CvnDocument          *doc,
                      const char           *name,
                      const char           *data,
                      gsize                 length,
                      const CvnGiasOptions *options,
                      GError              **error)
{
  g_autoptr (CvnCsvReader) reader = NULL;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  reader = cvn_csv_reader_new_for_data (name, data, length);
  return import_establishments (doc, reader, options, error);
}

/* Groups and group links. */

/* "01/12/2010" or "01-12-2010" as "2010-12-01"; empty stays empty. */
static gboolean
parse_gias_date (CvnCsvReader  *reader,
                 const char    *column,
                 const char    *text,
                 char         **out_date,
                 GError       **error)
{
  g_autofree char *stripped = dup_stripped (text != NULL ? text : "");
  guint day, month, year;
  char sep1, sep2;
  int consumed = 0;

  if (stripped[0] == '\0')
    {
      *out_date = g_strdup ("");
      return TRUE;
    }
  if (sscanf (stripped, "%2u%c%2u%c%4u%n", &day, &sep1, &month, &sep2, &year, &consumed) != 5 ||
      stripped[consumed] != '\0' || sep1 != sep2 || (sep1 != '/' && sep1 != '-') ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year) || year < 1800)
    {
      bad_value (reader, column, error, _("“%s” is not a date (dd/mm/yyyy)"), stripped);
      return FALSE;
    }
  *out_date = g_strdup_printf ("%04u-%02u-%02u", year, month, day);
  return TRUE;
}

/* The kind of group a GIAS group type becomes, or NULL for types that are not partnerships
 * of schools in Convenor's sense (sponsors). */
static const char *
group_kind_for_type (const char *type)
{
  g_autofree char *lower = g_ascii_strdown (type, -1);

  if (strstr (lower, "federation") != NULL)
    return "federation";
  if (strstr (lower, "sponsor") != NULL)
    return NULL;
  if (strstr (lower, "trust") != NULL)
    return "trust";
  return NULL;
}

static char *
group_key (const char *name,
           const char *kind)
{
  return g_strconcat (kind, "\x1f", name, NULL);
}

static gboolean
require_column (CvnCsvReader  *reader,
                const char    *name,
                int           *out_column,
                GError       **error)
{
  *out_column = cvn_csv_reader_find_column (reader, name);
  if (*out_column < 0)
    {
      g_set_error (error, CVN_IMPORT_GIAS_ERROR, CVN_IMPORT_GIAS_ERROR_MISSING_COLUMN,
                   _("%s: there is no “%s” column"), cvn_csv_reader_get_name (reader), name);
      return FALSE;
    }
  return TRUE;
}

/* What reading a groups file and then its links file share. */
typedef struct
{
  CvnDocument    *doc;
  CvnSnapshot    *snapshot;
  CvnGiasSummary *summary;
  GHashTable     *groups_by_uid;   /* GIAS UID -> group id, of every trust and federation */
  GHashTable     *left_out;        /* GIAS UID -> why that group was not imported */
} GroupsImport;

/* Skips a row with fewer fields than the columns it needs. */
static void
skip_short_row (CvnGiasSummary *summary,
                CvnCsvReader   *reader)
{
  add_skip (summary, reader, _("the row has only %u fields"),
            cvn_csv_reader_get_n_fields (reader));
}

/* Reads the groups file, adding trusts and federations the document does not have; fills
 * groups_by_uid with the group id of every trust and federation by its GIAS UID, and left_out
 * with why each other group was not imported, for reporting its links. */
static gboolean
import_groups_file (GroupsImport  *import,
                    const char    *path,
                    GError       **error)
{
  CvnGiasSummary *summary = import->summary;
  g_autoptr (CvnCsvReader) reader = cvn_csv_reader_new_for_path (path, error);
  g_autoptr (GHashTable) existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) added = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GError) local_error = NULL;
  int uid_column, name_column, type_column, status_column;

  if (reader == NULL || !cvn_csv_reader_read_header (reader, error) ||
      !require_column (reader, "Group UID", &uid_column, error) ||
      !require_column (reader, "Group Name", &name_column, error) ||
      !require_column (reader, "Group Type", &type_column, error))
    return FALSE;
  status_column = cvn_csv_reader_find_column (reader, "Group Status");

  for (guint i = 0; i < import->snapshot->groups->len; i++)
    {
      const CvnGroup *group = &g_array_index (import->snapshot->groups, CvnGroup, i);
      g_autofree char *key = group_key (group->name, group->kind);

      if (!g_hash_table_contains (existing, key))
        g_hash_table_insert (existing, g_steal_pointer (&key), (gpointer) group);
    }

  while (cvn_csv_reader_next_row (reader, &local_error))
    {
      const char *uid = cvn_csv_reader_get_column (reader, uid_column);
      const char *name = cvn_csv_reader_get_column (reader, name_column);
      const char *type = cvn_csv_reader_get_column (reader, type_column);
      const char *status = cvn_csv_reader_get_column (reader, status_column);
      g_autofree char *clean_name = NULL;
      g_autofree char *key = NULL;
      const CvnGroup *group;
      const char *kind;
      gpointer added_id;
      gboolean closed;

      if (uid == NULL || name == NULL || type == NULL)
        {
          skip_short_row (summary, reader);
          continue;
        }
      clean_name = dup_stripped (name);
      if (clean_text (uid)[0] == '\0' || clean_name[0] == '\0')
        {
          add_skip (summary, reader, _("the group has no UID or no name"));
          continue;
        }
      kind = group_kind_for_type (type);
      if (kind == NULL)
        {
          add_skip (summary, reader, _("%s is a “%s”, not a trust or federation"), clean_name,
                    type);
          g_hash_table_insert (import->left_out, dup_stripped (uid),
                               g_strdup_printf (_("group %s is a “%s”, not a trust or "
                                                  "federation"), uid, type));
          continue;
        }

      closed = status != NULL && g_ascii_strncasecmp (clean_text (status), "Closed", 6) == 0;
      key = group_key (clean_name, kind);
      group = g_hash_table_lookup (existing, key);
      if (group != NULL)
        {
          summary->groups_existing++;
          if (closed && !g_str_equal (group->status, "closed"))
            {
              CvnGroup updated = *group;

              updated.status = (char *) "closed";
              if (!cvn_store_update_group (import->doc, &updated, error))
                return FALSE;
            }
          g_hash_table_insert (import->groups_by_uid, dup_stripped (uid),
                               GINT_TO_POINTER (group->id));
        }
      else if (g_hash_table_lookup_extended (added, key, NULL, &added_id))
        {
          /* A second row with the same name and kind joins the group just made. */
          summary->groups_existing++;
          g_hash_table_insert (import->groups_by_uid, dup_stripped (uid), added_id);
        }
      else if (closed)
        {
          summary->not_selected++;
          g_hash_table_insert (import->left_out, dup_stripped (uid),
                               g_strdup_printf (_("group %s is closed"), uid));
        }
      else
        {
          CvnGroup new_group;
          gint64 id;

          cvn_group_init (&new_group);
          g_free (new_group.name);
          new_group.name = g_strdup (clean_name);
          g_free (new_group.kind);
          new_group.kind = g_strdup (kind);
          id = cvn_store_insert_group (import->doc, &new_group, error);
          cvn_group_clear (&new_group);
          if (id == 0)
            return FALSE;
          summary->groups_added++;
          g_hash_table_insert (import->groups_by_uid, dup_stripped (uid), GINT_TO_POINTER (id));
          g_hash_table_insert (added, g_steal_pointer (&key), GINT_TO_POINTER (id));
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
import_links_file (GroupsImport  *import,
                   const char    *path,
                   GError       **error)
{
  CvnGiasSummary *summary = import->summary;
  g_autoptr (CvnCsvReader) reader = cvn_csv_reader_new_for_path (path, error);
  g_autoptr (GHashTable) memberships = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                              NULL);
  g_autoptr (GError) local_error = NULL;
  int urn_column, uid_column, joined_column;

  if (reader == NULL || !cvn_csv_reader_read_header (reader, error) ||
      !require_column (reader, "URN", &urn_column, error) ||
      !require_column (reader, "Group UID", &uid_column, error))
    return FALSE;
  joined_column = cvn_csv_reader_find_column (reader, "Joined date");

  for (guint i = 0; i < import->snapshot->memberships->len; i++)
    {
      const CvnMembership *m = &g_array_index (import->snapshot->memberships, CvnMembership, i);

      if (m->member_kind == CVN_OBJECT_ESTABLISHMENT)
        g_hash_table_add (memberships,
                          g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                           m->group_id, m->member_id));
    }

  while (cvn_csv_reader_next_row (reader, &local_error))
    {
      const char *urn_text = cvn_csv_reader_get_column (reader, urn_column);
      const char *uid = cvn_csv_reader_get_column (reader, uid_column);
      g_autofree char *clean_uid = NULL;
      g_autofree char *key = NULL;
      const CvnEstablishment *school;
      CvnMembership membership = { 0 };
      gpointer group_id;
      gint64 urn, id;

      if (urn_text == NULL || uid == NULL)
        {
          skip_short_row (summary, reader);
          continue;
        }
      if (clean_text (urn_text)[0] == '\0')
        {
          add_skip (summary, reader, _("the link has no URN"));
          continue;
        }
      if (!parse_integer (reader, "URN", urn_text, 1, G_MAXINT32, &urn, error))
        return FALSE;
      clean_uid = dup_stripped (uid);
      if (!g_hash_table_lookup_extended (import->groups_by_uid, clean_uid, NULL, &group_id))
        {
          const char *reason = g_hash_table_lookup (import->left_out, clean_uid);

          if (reason != NULL)
            add_skip (summary, reader, "%s", reason);
          else
            add_skip (summary, reader, _("group %s is not in the groups file"), clean_uid);
          continue;
        }
      school = cvn_snapshot_find_establishment_by_urn (import->snapshot, urn);
      if (school == NULL)
        {
          add_skip (summary, reader, _("no school with URN %" G_GINT64_FORMAT
                                       " in the document"), urn);
          continue;
        }

      key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                             (gint64) GPOINTER_TO_INT (group_id), school->id);
      if (g_hash_table_contains (memberships, key))
        {
          summary->memberships_existing++;
          continue;
        }

      membership.group_id = GPOINTER_TO_INT (group_id);
      membership.member_kind = CVN_OBJECT_ESTABLISHMENT;
      membership.member_id = school->id;
      membership.role = CVN_ROLE_MEMBER;
      membership.until_date = (char *) "";
      if (!parse_gias_date (reader, "Joined date",
                            cvn_csv_reader_get_column (reader, joined_column),
                            &membership.from_date, error))
        return FALSE;
      id = cvn_store_insert_membership (import->doc, &membership, error);
      g_free (membership.from_date);
      if (id == 0)
        return FALSE;
      summary->memberships_added++;
      g_hash_table_add (memberships, g_steal_pointer (&key));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

CvnGiasSummary *
cvn_import_gias_groups (CvnDocument *doc,
                        const char  *groups_path,
                        const char  *links_path,
                        GError     **error)
{
  g_autoptr (CvnGiasSummary) summary = cvn_gias_summary_new ();
  g_autoptr (CvnSnapshot) snapshot = NULL;
  g_autoptr (GHashTable) groups_by_uid = NULL;
  g_autoptr (GHashTable) left_out = NULL;
  GroupsImport import;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), NULL);
  g_return_val_if_fail (groups_path != NULL, NULL);
  g_return_val_if_fail (links_path != NULL, NULL);

  if (!cvn_document_begin_edit (doc, _("Import trusts and federations"), error))
    return NULL;
  snapshot = cvn_snapshot_load (doc, error);
  groups_by_uid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  left_out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import = (GroupsImport) { doc, snapshot, summary, groups_by_uid, left_out };
  if (snapshot == NULL ||
      !import_groups_file (&import, groups_path, error) ||
      !import_links_file (&import, links_path, error) ||
      !cvn_document_commit_edit (doc, error))
    {
      if (cvn_document_in_edit (doc))
        cvn_document_rollback_edit (doc);
      return NULL;
    }
  return g_steal_pointer (&summary);
}
