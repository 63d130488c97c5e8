/* cvn-edits.c
 *
 * Every function here is one edit: it begins an edit with a label built from the names the
 * document holds right now, makes its changes with plain SQL or the store, and commits. A
 * failure rolls the whole edit back, so the document is never left half changed.
 *
 * Field edits go through a table of the columns a person may change by hand, which names each
 * column for the undo label and says how to check its value. Column names never come from the
 * caller straight into SQL: they are looked up in that table first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-edits"

#include "config.h"

#include "cvn-edits.h"

#include "cvn-store.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

G_DEFINE_QUARK (cvn-edit-error-quark, cvn_edit_error)

/* Fields ---------------------------------------------------------------------------------- */

typedef enum
{
  FIELD_TEXT,
  FIELD_KIND,          /* a group kind: lower case, not empty */
  FIELD_NAME,          /* not empty */
  FIELD_COLOUR,        /* #rrggbb or empty */
  FIELD_SEATS,         /* "primary=3,secondary=2" or empty */
  FIELD_KIND_LIST,     /* "cluster, learning community" or empty */
  FIELD_URN,           /* a positive integer no other school has, or NULL */
  FIELD_COUNT,         /* a whole number >= 0, or NULL */
  FIELD_RULE,          /* a whole number > 0, or NULL for no rule (0 clears it too) */
  FIELD_GRID,          /* metres of the British National Grid, or NULL */
  FIELD_FLAG,          /* 0 or 1, never NULL */
  FIELD_TIER,          /* 1, 2, 3 or NULL */
} FieldType;

typedef struct
{
  CvnObjectKind  kind;
  const char    *column;
  FieldType      type;
  const char    *label;   /* as it reads in "Change the %s of St Anne's" */
} Field;

static const Field fields[] = {
  { CVN_OBJECT_ESTABLISHMENT, "name", FIELD_NAME, N_("name") },
  { CVN_OBJECT_ESTABLISHMENT, "urn", FIELD_URN, N_("URN") },
  { CVN_OBJECT_ESTABLISHMENT, "phase", FIELD_TEXT, N_("phase") },
  { CVN_OBJECT_ESTABLISHMENT, "type", FIELD_TEXT, N_("type") },
  { CVN_OBJECT_ESTABLISHMENT, "local_authority", FIELD_TEXT, N_("local authority") },
  { CVN_OBJECT_ESTABLISHMENT, "religious_character", FIELD_TEXT, N_("religious character") },
  { CVN_OBJECT_ESTABLISHMENT, "diocese", FIELD_TEXT, N_("diocese") },
  { CVN_OBJECT_ESTABLISHMENT, "trust", FIELD_TEXT, N_("trust") },
  { CVN_OBJECT_ESTABLISHMENT, "federation", FIELD_TEXT, N_("federation") },
  { CVN_OBJECT_ESTABLISHMENT, "postcode", FIELD_TEXT, N_("postcode") },
  { CVN_OBJECT_ESTABLISHMENT, "easting", FIELD_GRID, N_("easting") },
  { CVN_OBJECT_ESTABLISHMENT, "northing", FIELD_GRID, N_("northing") },
  { CVN_OBJECT_ESTABLISHMENT, "inspection_grade", FIELD_TEXT, N_("inspection grade") },
  { CVN_OBJECT_ESTABLISHMENT, "pupils", FIELD_COUNT, N_("number of pupils") },
  { CVN_OBJECT_ESTABLISHMENT, "is_open", FIELD_FLAG, N_("open or closed status") },
  { CVN_OBJECT_ESTABLISHMENT, "risk_category", FIELD_TEXT, N_("risk category") },
  { CVN_OBJECT_ESTABLISHMENT, "engagement", FIELD_TEXT, N_("engagement") },
  { CVN_OBJECT_ESTABLISHMENT, "opted_out_reason", FIELD_TEXT,
    N_("reason for opting out of clusters") },
  { CVN_OBJECT_ESTABLISHMENT, "colour", FIELD_COLOUR, N_("colour") },
  { CVN_OBJECT_PERSON, "name", FIELD_NAME, N_("name") },
  { CVN_OBJECT_PERSON, "job_title", FIELD_TEXT, N_("job title") },
  { CVN_OBJECT_PERSON, "email", FIELD_TEXT, N_("email address") },
  { CVN_OBJECT_PERSON, "phone", FIELD_TEXT, N_("phone number") },
  { CVN_OBJECT_PERSON, "colour", FIELD_COLOUR, N_("colour") },
  { CVN_OBJECT_GROUP, "name", FIELD_NAME, N_("name") },
  { CVN_OBJECT_GROUP, "kind", FIELD_KIND, N_("kind") },
  { CVN_OBJECT_GROUP, "tier", FIELD_TIER, N_("tier") },
  { CVN_OBJECT_GROUP, "phase", FIELD_TEXT, N_("phase") },
  { CVN_OBJECT_GROUP, "purpose", FIELD_TEXT, N_("purpose") },
  { CVN_OBJECT_GROUP, "status", FIELD_TEXT, N_("status") },
  { CVN_OBJECT_GROUP, "colour", FIELD_COLOUR, N_("colour") },
  { CVN_OBJECT_GROUP, "represents", FIELD_KIND_LIST, N_("groups to represent") },
  { CVN_OBJECT_GROUP, "max_per_organisation", FIELD_RULE, N_("limit per organisation") },
  { CVN_OBJECT_GROUP, "seats_per_alliance", FIELD_RULE, N_("seats per alliance") },
  { CVN_OBJECT_GROUP, "seats_per_phase", FIELD_SEATS, N_("seats per phase") },
};

static const Field *
find_field (CvnObjectKind  kind,
            const char    *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].kind == kind && g_strcmp0 (fields[i].column, column) == 0)
      return &fields[i];
  return NULL;
}

static gboolean
field_is_text (const Field *field)
{
  switch (field->type)
    {
    case FIELD_TEXT:
    case FIELD_KIND:
    case FIELD_NAME:
    case FIELD_COLOUR:
    case FIELD_SEATS:
    case FIELD_KIND_LIST:
      return TRUE;
    case FIELD_URN:
    case FIELD_COUNT:
    case FIELD_RULE:
    case FIELD_GRID:
    case FIELD_FLAG:
    case FIELD_TIER:
    default:
      return FALSE;
    }
}

/* Helpers --------------------------------------------------------------------------------- */

const char *
cvn_edit_table_for_kind (CvnObjectKind kind)
{
  switch (kind)
    {
    case CVN_OBJECT_ESTABLISHMENT:
      return "establishments";
    case CVN_OBJECT_PERSON:
      return "people";
    case CVN_OBJECT_GROUP:
      return "groups";
    case CVN_OBJECT_NONE:
    default:
      return NULL;
    }
}

char *
cvn_edit_dup_name (CvnDocument  *doc,
                   CvnObjectKind kind,
                   gint64        id)
{
  const char *table = cvn_edit_table_for_kind (kind);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), NULL);

  if (table == NULL)
    return NULL;
  sql = g_strdup_printf ("SELECT name FROM %s WHERE id = ?1", table);
  stmt = cvn_document_prepare (doc, sql, NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static gboolean
name_is_taken (CvnDocument  *doc,
               const char   *table,
               const char   *name)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE name = ?1", table);

  stmt = cvn_document_prepare (doc, sql, NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

char *
cvn_edit_dup_unused_name (CvnDocument  *doc,
                          CvnObjectKind kind,
                          const char   *base)
{
  const char *table = cvn_edit_table_for_kind (kind);

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), NULL);
  g_return_val_if_fail (table != NULL && base != NULL, NULL);

  if (!name_is_taken (doc, table, base))
    return g_strdup (base);
  for (guint number = 2; ; number++)
    {
      g_autofree char *name = g_strdup_printf ("%s %u", base, number);

      if (!name_is_taken (doc, table, name))
        return g_steal_pointer (&name);
    }
}

/* Looks up the name of @kind/@id for a label, failing with a message when it is not there. */
static char *
require_name (CvnDocument  *doc,
              CvnObjectKind kind,
              gint64        id,
              GError      **error)
{
  char *name = cvn_edit_dup_name (doc, kind, id);

  if (name == NULL)
    {
      const char *what;

      switch (kind)
        {
        case CVN_OBJECT_ESTABLISHMENT:
          what = _("The school is no longer in the document");
          break;
        case CVN_OBJECT_PERSON:
          what = _("The person is no longer in the document");
          break;
        case CVN_OBJECT_GROUP:
          what = _("The group is no longer in the document");
          break;
        case CVN_OBJECT_NONE:
        default:
          what = _("There is nothing to change");
          break;
        }
      g_set_error_literal (error, CVN_EDIT_ERROR, CVN_EDIT_ERROR_NOT_FOUND, what);
    }
  return name;
}

/* Commits the edit begun by the caller when @ok, and rolls it back otherwise. */
static gboolean
finish_edit (CvnDocument *doc,
             gboolean     ok,
             GError     **error)
{
  if (!ok)
    {
      cvn_document_rollback_edit (doc);
      return FALSE;
    }
  return cvn_document_commit_edit (doc, error);
}

static char *
strip_copy (const char *value)
{
  return g_strstrip (g_strdup (value != NULL ? value : ""));
}

/* Creating -------------------------------------------------------------------------------- */

gint64
cvn_edit_create_establishment (CvnDocument *doc,
                               const char  *name,
                               GError     **error)
{
  g_autofree char *stripped = strip_copy (name);
  g_autofree char *label = NULL;
  CvnEstablishment establishment;
  gint64 id;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), 0);

  if (*stripped == '\0')
    {
      g_set_error_literal (error, CVN_EDIT_ERROR, CVN_EDIT_ERROR_INVALID,
                           _("A school needs a name"));
      return 0;
    }
  /* TRANSLATORS: an undo step; %s is the name of a new school, person or group. */
  label = g_strdup_printf (_("Create %s"), stripped);
  if (!cvn_document_begin_edit (doc, label, error))
    return 0;
  cvn_establishment_init (&establishment);
  g_free (establishment.name);
  establishment.name = g_strdup (stripped);
  id = cvn_store_insert_establishment (doc, &establishment, error);
  cvn_establishment_clear (&establishment);
  return finish_edit (doc, id > 0, error) ? id : 0;
}

gint64
cvn_edit_create_person (CvnDocument *doc,
                        const char  *name,
                        GError     **error)
{
  g_autofree char *stripped = strip_copy (name);
  g_autofree char *label = NULL;
  CvnPerson person = { 0 };
  gint64 id;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), 0);

  if (*stripped == '\0')
    {
      g_set_error_literal (error, CVN_EDIT_ERROR, CVN_EDIT_ERROR_INVALID,
                           _("A person needs a name"));
      return 0;
    }
  label = g_strdup_printf (_("Create %s"), stripped);
  if (!cvn_document_begin_edit (doc, label, error))
    return 0;
  person.name = stripped;
  person.job_title = (char *) "";
  person.email = (char *) "";
  person.phone = (char *) "";
  person.colour = (char *) "";
  id = cvn_store_insert_person (doc, &person, error);
  return finish_edit (doc, id > 0, error) ? id : 0;
}

int
cvn_edit_default_tier_for_kind (const char *kind)
{
  static const struct {
    const char *kind;
    int         tier;
  } tiers[] = {
    { "cluster", 1 },
    { "learning community", 1 },
    { "network", 1 },
    { "alliance", 2 },
    { "consortium", 2 },
    { "board", 3 },
    { "sub-group", 3 },
    { "strategic group", 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tiers); i++)
    if (g_strcmp0 (kind, tiers[i].kind) == 0)
      return tiers[i].tier;
  return 0;
}

static gboolean
check_parent (CvnDocument *doc,
              gint64       group_id,
              gint64       parent_id,
              GError     **error);

gint64
cvn_edit_create_group (CvnDocument *doc,
                       const char  *name,
                       const char  *kind,
                       int          tier,
                       gint64       parent_id,
                       GError     **error)
{
  g_autofree char *stripped = strip_copy (name);
  g_autofree char *stripped_kind = strip_copy (kind);
  g_autofree char *lower_kind = NULL;
  g_autofree char *label = NULL;
  CvnGroup group;
  gint64 id;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), 0);

  if (*stripped == '\0' || *stripped_kind == '\0')
    {
      g_set_error_literal (error, CVN_EDIT_ERROR, CVN_EDIT_ERROR_INVALID,
                           *stripped == '\0' ? _("A group needs a name")
                                             : _("A group needs a kind, such as cluster"));
      return 0;
    }
  if (tier < 0 || tier > 3)
    {
      g_set_error (error, CVN_EDIT_ERROR, CVN_EDIT_ERROR_INVALID,
                   _("Tier %d does not exist; groups are in tier 1, 2 or 3, or in none"), tier);
      return 0;
    }
  if (parent_id != 0 && !check_parent (doc, 0, parent_id, error))
    return 0;

  lower_kind = g_utf8_strdown (stripped_kind, -1);
  label = g_strdup_printf (_("Create %s"), stripped);
  if (!cvn_document_begin_edit (doc, label, error))
    return 0;
  cvn_group_init (&group);
  g_free (group.name);
  group.name = g_strdup (stripped);
  g_free (group.kind);
  group.kind = g_strdup (lower_kind);
  group.tier = tier;
  group.parent_id = parent_id;
  id = cvn_store_insert_group (doc, &group, error);
  cvn_group_clear (&group);
  return finish_edit (doc, id > 0, error) ? id : 0;
}

/* Changing fields ------------------------------------------------------------------------- */

static gboolean
is_hex_colour (const char *value)
{
  if (strlen (value) != 7 || value[0] != '#')
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (value[i]))
      return FALSE;
  return TRUE;
}

/* "primary=3, secondary = 2" -> "primary=3,secondary=2"; NULL when it does not read. */
static char *
normalise_seats (const char *value)
{
  g_auto (GStrv) rules = g_strsplit (value, ",", -1);
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; rules[i] != NULL; i++)
    {
      g_auto (GStrv) pair = NULL;
      g_autofree char *phase = NULL;
      guint64 seats;

      g_strstrip (rules[i]);
      if (*rules[i] == '\0')
        continue;
      pair = g_strsplit (rules[i], "=", 2);
      if (pair[1] == NULL)
        return NULL;
      phase = g_utf8_strdown (g_strstrip (pair[0]), -1);
      if (*phase == '\0'
          || !g_ascii_string_to_unsigned (g_strstrip (pair[1]), 10, 1, 1000, &seats, NULL))
        return NULL;
      g_ptr_array_add (parts, g_strdup_printf ("%s=%" G_GUINT64_FORMAT, phase, seats));
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (",", (char **) parts->pdata);
}

static char *
normalise_kind_list (const char *value)
{
  g_auto (GStrv) kinds = g_strsplit (value, ",", -1);
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; kinds[i] != NULL; i++)
    {
      g_strstrip (kinds[i]);
      if (*kinds[i] != '\0')
        g_ptr_array_add (parts, g_utf8_strdown (kinds[i], -1));
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}

/* Checks and normalises a text value; returns the value to store or NULL with @error set. */
static char *
validate_text (const Field *field,
               const char  *value,
               GError     **error)
{
  g_autofree char *stripped = strip_copy (value);

  switch (field->type)
    {
    case FIELD_NAME:
      if (*stripped == '\0')
        {
          g_set_error_literal (error, CVN_EDIT_ERROR, CVN_EDIT_ERROR_INVALID,
                               _("The name cannot be empty"));
          return NULL;
        }
      return g_steal_pointer (&stripped);
    case FIELD_KIND:
      if (*stripped == '\0')
        {
          g_set_error_literal (error, CVN_EDIT_ERROR, CVN_EDIT_ERROR_INVALID,
                               _("A group needs a kind, such as cluster"));
          return NULL;
        }
      return g_utf8_strdown (stripped, -1);
    case FIELD_COLOUR:
      if (*stripped != '\0' && !is_hex_colour (stripped))
        {
          g_set_error (error, CVN_EDIT_ERROR, CVN_EDIT_ERROR_INVALID,
                       _("“%s” is not a colour; write colours as #rrggbb"), stripped);
          return NULL;
        }
      return g_ascii_strdown (stripped, -1);
    case FIELD_SEATS:
      {
        char *seats = normalise_seats (stripped);

        if (seats == NULL)
          g_set_error (error, CVN_EDIT_ERROR, CVN_EDIT_ERROR_INVALID,
                       _("“%s” does not read as seats per phase; write them as "
                         "primary=3, secondary=2"), stripped);
        return seats;
      }
    case FIELD_KIND_LIST:
      return normalise_kind_list (stripped);
    case FIELD_TEXT:
      return g_steal_pointer (&stripped);
    case FIELD_URN:
    case FIELD_COUNT:
    case FIELD_RULE:
    case FIELD_GRID:
    case FIELD_FLAG:
    case FIELD_TIER:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
validate_number (CvnDocument *doc,
                 gint64       id,
                 const Field *field,
                 gboolean    *is_set,
                 double       value,
                 GError     **error)
{
  if (*is_set && !isfinite (value))
    {
      g_set_error_literal (error, CVN_EDIT_ERROR, CVN_EDIT_ERROR_INVALID,
                           _("The value is not a number"));
      return FALSE;
    }

  switch (field->type)
    {
    case FIELD_URN:
      if (!*is_set)
        return TRUE;
      if (value < 1 || value > 999999999 || value != floor (value))
        {
          g_set_error (error, CVN_EDIT_ERROR, CVN_EDIT_ERROR_INVALID,
                       _("%.0f is not a URN; a URN is a whole number such as 100001"), value);
          return FALSE;
        }
      {
        g_autoptr (sqlite3_stmt) stmt = cvn_document_prepare (
          doc, "SELECT name FROM establishments WHERE urn = ?1 AND id <> ?2", error);

        if (stmt == NULL)
          return FALSE;
        sqlite3_bind_int64 (stmt, 1, (gint64) value);
        sqlite3_bind_int64 (stmt, 2, id);
        if (sqlite3_step (stmt) == SQLITE_ROW)
          {
            g_set_error (error, CVN_EDIT_ERROR, CVN_EDIT_ERROR_DUPLICATE,
                         _("URN %.0f already belongs to %s"), value,
                         (const char *) sqlite3_column_text (stmt, 0));
            return FALSE;
          }
      }
      return TRUE;
    case FIELD_COUNT:
      if (*is_set && (value < 0 || value > G_MAXINT || value != floor (value)))
        {
          g_set_error (error, CVN_EDIT_ERROR, CVN_EDIT_ERROR_INVALID,
                       _("The %s must be a whole number of 0 or more"), _(field->label));
          return FALSE;
        }
      return TRUE;
    case FIELD_RULE:
      if (*is_set && value == 0)
        *is_set = FALSE;
      if (*is_set && (value < 0 || value > 1000 || value != floor (value)))
        {
          g_set_error (error, CVN_EDIT_ERROR, CVN_EDIT_ERROR_INVALID,
                       _("The %s must be a whole number of 1 or more, or 0 for no rule"),
                       _(field->label));
          return FALSE;
        }
      return TRUE;
    case FIELD_GRID:
      if (*is_set && (value < 0 || value > 2000000))
        {
          g_set_error (error, CVN_EDIT_ERROR, CVN_EDIT_ERROR_INVALID,
                       _("%.0f is not on the British National Grid; eastings and northings "
                         "are metres between 0 and 1,300,000"), value);
          return FALSE;
        }
      return TRUE;
    case FIELD_FLAG:
      if (!*is_set || (value != 0 && value != 1))
        {
          g_set_error_literal (error, CVN_EDIT_ERROR, CVN_EDIT_ERROR_INVALID,
                               _("The value must be yes or no"));
          return FALSE;
        }
      return TRUE;
    case FIELD_TIER:
      if (*is_set && value == 0)
        *is_set = FALSE;
      if (*is_set && value != 1 && value != 2 && value != 3)
        {
          g_set_error (error, CVN_EDIT_ERROR, CVN_EDIT_ERROR_INVALID,
                       _("Tier %.0f does not exist; groups are in tier 1, 2 or 3, or in none"),
                       value);
          return FALSE;
        }
      return TRUE;
    case FIELD_TEXT:
    case FIELD_KIND:
    case FIELD_NAME:
    case FIELD_COLOUR:
    case FIELD_SEATS:
    case FIELD_KIND_LIST:
    default:
      g_assert_not_reached ();
    }
}

/* Reads the field's current value, and the object's name. */
static gboolean
read_field (CvnDocument  *doc,
            CvnObjectKind kind,
            gint64        id,
            const Field  *field,
            char        **out_name,
            char        **out_text,
            gboolean     *out_is_set,
            double       *out_number,
            GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT name, %s FROM %s WHERE id = ?1",
                                          field->column, cvn_edit_table_for_kind (kind));
  g_autoptr (sqlite3_stmt) stmt = cvn_document_prepare (doc, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_free (require_name (doc, kind, id, error));
      return FALSE;
    }
  *out_name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (out_text != NULL)
    *out_text = g_strdup (sqlite3_column_type (stmt, 1) == SQLITE_NULL
                          ? "" : (const char *) sqlite3_column_text (stmt, 1));
  if (out_is_set != NULL)
    *out_is_set = sqlite3_column_type (stmt, 1) != SQLITE_NULL;
  if (out_number != NULL)
    *out_number = sqlite3_column_double (stmt, 1);
  return TRUE;
}

static gboolean
write_field (CvnDocument  *doc,
             CvnObjectKind kind,
             gint64        id,
             const Field  *field,
             const char   *text,
             gboolean      is_set,
             double        number,
             GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = ?1 WHERE id = ?2",
                                          cvn_edit_table_for_kind (kind), field->column);
  g_autoptr (sqlite3_stmt) stmt = cvn_document_prepare (doc, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  else if (!is_set)
    sqlite3_bind_null (stmt, 1);
  else if (field->type == FIELD_GRID)
    sqlite3_bind_double (stmt, 1, number);
  else
    sqlite3_bind_int64 (stmt, 1, (gint64) number);
  sqlite3_bind_int64 (stmt, 2, id);
  return cvn_document_step_done (doc, stmt, error);
}

static char *
field_edit_label (const Field *field,
                  const char  *name,
                  const char  *new_text,
                  gboolean     is_set,
                  double       number)
{
  switch (field->type)
    {
    case FIELD_NAME:
      /* TRANSLATORS: an undo step, as in "Rename Cluster 4 to Riverside Cluster". */
      return g_strdup_printf (_("Rename %s to %s"), name, new_text);
    case FIELD_COLOUR:
      if (*new_text == '\0')
        return g_strdup_printf (_("Reset the colour of %s"), name);
      return g_strdup_printf (_("Change the colour of %s"), name);
    case FIELD_KIND:
      /* TRANSLATORS: an undo step; the second %s is a group kind, such as "consortium". */
      return g_strdup_printf (_("Change the kind of %s to %s"), name, new_text);
    case FIELD_FLAG:
      return g_strdup_printf (number != 0 ? _("Mark %s as open") : _("Mark %s as closed"),
                              name);
    case FIELD_TIER:
      if (!is_set)
        return g_strdup_printf (_("Take %s out of the tiers"), name);
      /* TRANSLATORS: an undo step, as in "Put Cluster 4 in tier 1". */
      return g_strdup_printf (_("Put %s in tier %.0f"), name, number);
    case FIELD_TEXT:
    case FIELD_SEATS:
    case FIELD_KIND_LIST:
      if (*new_text == '\0')
        /* TRANSLATORS: an undo step, as in "Clear the phase of St Anne's Primary". */
        return g_strdup_printf (_("Clear the %s of %s"), _(field->label), name);
      /* TRANSLATORS: an undo step, as in "Change the phase of St Anne's Primary". */
      return g_strdup_printf (_("Change the %s of %s"), _(field->label), name);
    case FIELD_URN:
    case FIELD_COUNT:
    case FIELD_RULE:
    case FIELD_GRID:
    default:
      if (!is_set)
        return g_strdup_printf (_("Clear the %s of %s"), _(field->label), name);
      return g_strdup_printf (_("Change the %s of %s"), _(field->label), name);
    }
}

static const Field *
require_field (CvnObjectKind kind,
               const char   *column,
               gboolean      text,
               GError      **error)
{
  const Field *field = find_field (kind, column);

  if (field == NULL || field_is_text (field) != text)
    {
      g_set_error (error, CVN_EDIT_ERROR, CVN_EDIT_ERROR_INVALID,
                   _("“%s” is not a %s field that can be changed by hand"), column,
                   text ? _("text") : _("number"));
      return NULL;
    }
  return field;
}

gboolean
cvn_edit_set_text (CvnDocument  *doc,
                   CvnObjectKind kind,
                   gint64        id,
                   const char   *column,
                   const char   *value,
                   GError      **error)
{
  const Field *field;
  g_autofree char *name = NULL;
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (column != NULL, FALSE);

  if ((field = require_field (kind, column, TRUE, error)) == NULL)
    return FALSE;
  if ((new_value = validate_text (field, value, error)) == NULL)
    return FALSE;
  if (!read_field (doc, kind, id, field, &name, &old_value, NULL, NULL, error))
    return FALSE;
  if (g_strcmp0 (old_value, new_value) == 0)
    return TRUE;

  label = field_edit_label (field, name, new_value, TRUE, 0);
  if (!cvn_document_begin_edit (doc, label, error))
    return FALSE;
  return finish_edit (doc, write_field (doc, kind, id, field, new_value, TRUE, 0, error), error);
}

gboolean
cvn_edit_set_number (CvnDocument  *doc,
                     CvnObjectKind kind,
                     gint64        id,
                     const char   *column,
                     gboolean      is_set,
                     double        value,
                     GError      **error)
{
  const Field *field;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  gboolean old_is_set = FALSE;
  double old_value = 0;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (column != NULL, FALSE);

  if ((field = require_field (kind, column, FALSE, error)) == NULL)
    return FALSE;
  if (!validate_number (doc, id, field, &is_set, value, error))
    return FALSE;
  if (!read_field (doc, kind, id, field, &name, NULL, &old_is_set, &old_value, error))
    return FALSE;
  if (old_is_set == is_set && (!is_set || old_value == value))
    return TRUE;

  label = field_edit_label (field, name, "", is_set, value);
  if (!cvn_document_begin_edit (doc, label, error))
    return FALSE;
  return finish_edit (doc, write_field (doc, kind, id, field, NULL, is_set, value, error),
                      error);
}

static gint64
read_parent (CvnDocument *doc,
             gint64       group_id)
{
  g_autoptr (sqlite3_stmt) stmt =
    cvn_document_prepare (doc, "SELECT parent_id FROM groups WHERE id = ?1", NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, group_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

/* Whether @parent_id may be the parent of @group_id (0 for a group not made yet): it exists,
 * and it is not the group itself or one of the groups inside it. */
static gboolean
check_parent (CvnDocument *doc,
              gint64       group_id,
              gint64       parent_id,
              GError     **error)
{
  g_autofree char *parent_name = require_name (doc, CVN_OBJECT_GROUP, parent_id, error);
  gint64 ancestor = parent_id;
  gint64 n_groups;

  if (parent_name == NULL)
    return FALSE;
  if (group_id == 0)
    return TRUE;

  /* Walking up from the new parent must not reach the group. Parents already looping in the
   * document (which no edit here makes) would walk for ever, so the walk is bounded. */
  n_groups = cvn_store_count (doc, "groups", NULL);
  for (gint64 steps = 0; ancestor != 0 && steps <= n_groups; steps++)
    {
      if (ancestor == group_id)
        {
          g_autofree char *name = cvn_edit_dup_name (doc, CVN_OBJECT_GROUP, group_id);

          if (parent_id == group_id)
            g_set_error (error, CVN_EDIT_ERROR, CVN_EDIT_ERROR_CYCLE,
                         _("%s cannot be part of itself"), name);
          else
            g_set_error (error, CVN_EDIT_ERROR, CVN_EDIT_ERROR_CYCLE,
                         _("%s cannot be part of %s, which is already part of it"),
                         name, parent_name);
          return FALSE;
        }
      ancestor = read_parent (doc, ancestor);
    }
  return TRUE;
}

gboolean
cvn_edit_set_parent (CvnDocument *doc,
                     gint64       group_id,
                     gint64       parent_id,
                     GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 old_parent;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), FALSE);

  if ((name = require_name (doc, CVN_OBJECT_GROUP, group_id, error)) == NULL)
    return FALSE;
  old_parent = read_parent (doc, group_id);
  if (old_parent == parent_id)
    return TRUE;
  if (parent_id != 0 && !check_parent (doc, group_id, parent_id, error))
    return FALSE;

  if (parent_id != 0)
    {
      g_autofree char *parent_name = cvn_edit_dup_name (doc, CVN_OBJECT_GROUP, parent_id);

      /* TRANSLATORS: an undo step, as in "Put Cluster 4 in Riverside Alliance". */
      label = g_strdup_printf (_("Put %s in %s"), name, parent_name);
    }
  else
    {
      g_autofree char *old_name = cvn_edit_dup_name (doc, CVN_OBJECT_GROUP, old_parent);

      /* TRANSLATORS: an undo step, as in "Take Cluster 4 out of Riverside Alliance". */
      label = g_strdup_printf (_("Take %s out of %s"), name, old_name != NULL ? old_name : "");
    }

  if (!cvn_document_begin_edit (doc, label, error))
    return FALSE;
  stmt = cvn_document_prepare (doc, "UPDATE groups SET parent_id = ?1 WHERE id = ?2", error);
  if (stmt != NULL)
    {
      if (parent_id != 0)
        sqlite3_bind_int64 (stmt, 1, parent_id);
      else
        sqlite3_bind_null (stmt, 1);
      sqlite3_bind_int64 (stmt, 2, group_id);
    }
  return finish_edit (doc, stmt != NULL && cvn_document_step_done (doc, stmt, error), error);
}

gboolean
cvn_edit_set_person_school (CvnDocument *doc,
                            gint64       person_id,
                            gint64       establishment_id,
                            GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *school = NULL;
  g_autofree char *label = NULL;
  g_autoptr (sqlite3_stmt) read = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), FALSE);

  if ((name = require_name (doc, CVN_OBJECT_PERSON, person_id, error)) == NULL)
    return FALSE;
  if (establishment_id != 0
      && (school = require_name (doc, CVN_OBJECT_ESTABLISHMENT, establishment_id, error)) == NULL)
    return FALSE;

  read = cvn_document_prepare (doc, "SELECT establishment_id FROM people WHERE id = ?1", error);
  if (read == NULL)
    return FALSE;
  sqlite3_bind_int64 (read, 1, person_id);
  if (sqlite3_step (read) == SQLITE_ROW && sqlite3_column_int64 (read, 0) == establishment_id)
    return TRUE;

  if (school != NULL)
    /* TRANSLATORS: an undo step, as in "Set the school of Jane Smith to St Anne's Primary". */
    label = g_strdup_printf (_("Set the school of %s to %s"), name, school);
  else
    label = g_strdup_printf (_("Clear the school of %s"), name);
  if (!cvn_document_begin_edit (doc, label, error))
    return FALSE;
  stmt = cvn_document_prepare (doc, "UPDATE people SET establishment_id = ?1 WHERE id = ?2",
                               error);
  if (stmt != NULL)
    {
      if (establishment_id != 0)
        sqlite3_bind_int64 (stmt, 1, establishment_id);
      else
        sqlite3_bind_null (stmt, 1);
      sqlite3_bind_int64 (stmt, 2, person_id);
    }
  return finish_edit (doc, stmt != NULL && cvn_document_step_done (doc, stmt, error), error);
}

/* Memberships ----------------------------------------------------------------------------- */

static gboolean
read_membership (CvnDocument   *doc,
                 gint64         membership_id,
                 CvnMembership *membership,
                 GError       **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  const char *role;

  stmt = cvn_document_prepare (doc, "SELECT group_id, establishment_id, person_id, "
                                    "member_group_id, role, from_date, until_date "
                                    "FROM memberships WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, membership_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, CVN_EDIT_ERROR, CVN_EDIT_ERROR_NOT_FOUND,
                           _("The membership is no longer in the document"));
      return FALSE;
    }

  membership->id = membership_id;
  membership->group_id = sqlite3_column_int64 (stmt, 0);
  if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    {
      membership->member_kind = CVN_OBJECT_ESTABLISHMENT;
      membership->member_id = sqlite3_column_int64 (stmt, 1);
    }
  else if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
    {
      membership->member_kind = CVN_OBJECT_PERSON;
      membership->member_id = sqlite3_column_int64 (stmt, 2);
    }
  else
    {
      membership->member_kind = CVN_OBJECT_GROUP;
      membership->member_id = sqlite3_column_int64 (stmt, 3);
    }
  role = (const char *) sqlite3_column_text (stmt, 4);
  if (!cvn_role_from_string (role, &membership->role))
    membership->role = CVN_ROLE_MEMBER;
  membership->from_date = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  membership->until_date = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  return TRUE;
}

static const char *
member_column (CvnObjectKind kind)
{
  switch (kind)
    {
    case CVN_OBJECT_ESTABLISHMENT:
      return "establishment_id";
    case CVN_OBJECT_PERSON:
      return "person_id";
    case CVN_OBJECT_GROUP:
      return "member_group_id";
    case CVN_OBJECT_NONE:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The id of a current membership of @kind/@member_id in @group_id, or 0. */
static gint64
find_current_membership (CvnDocument  *doc,
                         gint64        group_id,
                         CvnObjectKind kind,
                         gint64        member_id)
{
  g_autofree char *today = cvn_today ();
  g_autofree char *sql = g_strdup_printf ("SELECT id, from_date, until_date FROM memberships "
                                          "WHERE group_id = ?1 AND %s = ?2 ORDER BY id",
                                          member_column (kind));
  g_autoptr (sqlite3_stmt) stmt = cvn_document_prepare (doc, sql, NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_int64 (stmt, 2, member_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (cvn_date_range_is_current ((const char *) sqlite3_column_text (stmt, 1),
                                   (const char *) sqlite3_column_text (stmt, 2), today))
      return sqlite3_column_int64 (stmt, 0);
  return 0;
}

static gboolean
check_dates (const char *from_date,
             const char *until_date,
             GError    **error)
{
  const char *dates[] = { from_date, until_date };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    if (!cvn_date_is_valid (dates[i]))
      {
        g_set_error (error, CVN_EDIT_ERROR, CVN_EDIT_ERROR_INVALID,
                     _("“%s” is not a date; write dates as YYYY-MM-DD, such as 2026-09-01"),
                     dates[i]);
        return FALSE;
      }
  if (from_date != NULL && until_date != NULL && *from_date != '\0' && *until_date != '\0'
      && strcmp (until_date, from_date) < 0)
    {
      g_set_error (error, CVN_EDIT_ERROR, CVN_EDIT_ERROR_INVALID,
                   _("The membership cannot end (%s) before it begins (%s)"),
                   until_date, from_date);
      return FALSE;
    }
  return TRUE;
}

/* Inserts a membership inside the caller's edit, checking the member and the group. */
static gint64
insert_membership (CvnDocument  *doc,
                   gint64        group_id,
                   CvnObjectKind member_kind,
                   gint64        member_id,
                   CvnRole       role,
                   const char   *from_date,
                   const char   *until_date,
                   GError      **error)
{
  CvnMembership membership = { 0 };
  g_autofree char *member_name = NULL;
  g_autofree char *group_name = NULL;

  if ((group_name = require_name (doc, CVN_OBJECT_GROUP, group_id, error)) == NULL
      || (member_name = require_name (doc, member_kind, member_id, error)) == NULL
      || !check_dates (from_date, until_date, error))
    return 0;
  if (member_kind == CVN_OBJECT_GROUP && member_id == group_id)
    {
      g_set_error (error, CVN_EDIT_ERROR, CVN_EDIT_ERROR_CYCLE,
                   _("%s cannot be a member of itself"), group_name);
      return 0;
    }
  if (member_kind == CVN_OBJECT_GROUP
      && find_current_membership (doc, member_id, CVN_OBJECT_GROUP, group_id) != 0)
    {
      g_set_error (error, CVN_EDIT_ERROR, CVN_EDIT_ERROR_CYCLE,
                   _("%s cannot be a member of %s, which is already a member of it"),
                   member_name, group_name);
      return 0;
    }
  if (find_current_membership (doc, group_id, member_kind, member_id) != 0)
    {
      g_set_error (error, CVN_EDIT_ERROR, CVN_EDIT_ERROR_DUPLICATE,
                   _("%s is already a member of %s"), member_name, group_name);
      return 0;
    }

  membership.group_id = group_id;
  membership.member_kind = member_kind;
  membership.member_id = member_id;
  membership.role = role;
  membership.from_date = (char *) (from_date != NULL ? from_date : "");
  membership.until_date = (char *) (until_date != NULL ? until_date : "");
  return cvn_store_insert_membership (doc, &membership, error);
}

gint64
cvn_edit_add_membership (CvnDocument  *doc,
                         gint64        group_id,
                         CvnObjectKind member_kind,
                         gint64        member_id,
                         CvnRole       role,
                         const char   *from_date,
                         const char   *until_date,
                         GError      **error)
{
  g_autofree char *member_name = NULL;
  g_autofree char *group_name = NULL;
  g_autofree char *label = NULL;
  gint64 id;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), 0);
  g_return_val_if_fail (role < CVN_N_ROLES, 0);

  if ((group_name = require_name (doc, CVN_OBJECT_GROUP, group_id, error)) == NULL
      || (member_name = require_name (doc, member_kind, member_id, error)) == NULL)
    return 0;

  /* TRANSLATORS: an undo step, as in "Add St Anne's Primary to Cluster 4". */
  label = g_strdup_printf (_("Add %s to %s"), member_name, group_name);
  if (!cvn_document_begin_edit (doc, label, error))
    return 0;
  id = insert_membership (doc, group_id, member_kind, member_id, role, from_date, until_date,
                          error);
  return finish_edit (doc, id > 0, error) ? id : 0;
}

guint
cvn_edit_add_to_group (CvnDocument         *doc,
                       const CvnObjectRef  *members,
                       guint                n_members,
                       gint64               group_id,
                       CvnRole              role,
                       GError             **error)
{
  g_autofree char *group_name = NULL;
  g_autofree char *label = NULL;
  g_autoptr (GArray) to_add = g_array_new (FALSE, FALSE, sizeof (CvnObjectRef));
  gboolean all_schools = TRUE;
  gboolean all_people = TRUE;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), 0);
  g_return_val_if_fail (members != NULL || n_members == 0, 0);

  if ((group_name = require_name (doc, CVN_OBJECT_GROUP, group_id, error)) == NULL)
    return 0;

  /* Those that already are members are left as they are, so adding a whole selection to a
   * group does what was meant for the rest rather than refusing. */
  for (guint i = 0; i < n_members; i++)
    {
      gboolean seen = FALSE;

      if (find_current_membership (doc, group_id, members[i].kind, members[i].id) != 0)
        continue;
      for (guint j = 0; j < to_add->len && !seen; j++)
        seen = g_array_index (to_add, CvnObjectRef, j).kind == members[i].kind
               && g_array_index (to_add, CvnObjectRef, j).id == members[i].id;
      if (seen)
        continue;
      g_array_append_val (to_add, members[i]);
      all_schools &= members[i].kind == CVN_OBJECT_ESTABLISHMENT;
      all_people &= members[i].kind == CVN_OBJECT_PERSON;
    }
  if (to_add->len == 0)
    return 0;

  if (to_add->len == 1)
    {
      const CvnObjectRef *only = &g_array_index (to_add, CvnObjectRef, 0);
      g_autofree char *name = require_name (doc, only->kind, only->id, error);

      if (name == NULL)
        return 0;
      label = g_strdup_printf (_("Add %s to %s"), name, group_name);
    }
  else if (all_schools)
    label = g_strdup_printf (ngettext ("Add %u school to %s", "Add %u schools to %s",
                                       to_add->len), to_add->len, group_name);
  else if (all_people)
    label = g_strdup_printf (ngettext ("Add %u person to %s", "Add %u people to %s",
                                       to_add->len), to_add->len, group_name);
  else
    label = g_strdup_printf (ngettext ("Add %u member to %s", "Add %u members to %s",
                                       to_add->len), to_add->len, group_name);

  if (!cvn_document_begin_edit (doc, label, error))
    return 0;
  for (guint i = 0; i < to_add->len; i++)
    {
      const CvnObjectRef *member = &g_array_index (to_add, CvnObjectRef, i);

      if (insert_membership (doc, group_id, member->kind, member->id, role, "", "", error) == 0)
        {
          finish_edit (doc, FALSE, error);
          return 0;
        }
    }
  return finish_edit (doc, TRUE, error) ? to_add->len : 0;
}

/* "Make Jane Smith chair of Cluster 4" */
static char *
role_label (CvnRole     role,
            const char *member,
            const char *group)
{
  switch (role)
    {
    case CVN_ROLE_MEMBER:
      return g_strdup_printf (_("Make %s an ordinary member of %s"), member, group);
    case CVN_ROLE_CHAIR:
      return g_strdup_printf (_("Make %s chair of %s"), member, group);
    case CVN_ROLE_CO_CHAIR:
      return g_strdup_printf (_("Make %s co-chair of %s"), member, group);
    case CVN_ROLE_LEAD_HEAD:
      return g_strdup_printf (_("Make %s lead head of %s"), member, group);
    case CVN_ROLE_REPRESENTATIVE:
      return g_strdup_printf (_("Make %s a representative on %s"), member, group);
    case CVN_ROLE_OBSERVER:
      return g_strdup_printf (_("Make %s an observer of %s"), member, group);
    case CVN_N_ROLES:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Reads a membership and the names of its member and group, for a label. */
static gboolean
read_membership_names (CvnDocument   *doc,
                       gint64         membership_id,
                       CvnMembership *membership,
                       char         **member_name,
                       char         **group_name,
                       GError       **error)
{
  if (!read_membership (doc, membership_id, membership, error))
    return FALSE;
  *member_name = cvn_edit_dup_name (doc, membership->member_kind, membership->member_id);
  *group_name = cvn_edit_dup_name (doc, CVN_OBJECT_GROUP, membership->group_id);
  if (*member_name == NULL)
    *member_name = g_strdup ("");
  if (*group_name == NULL)
    *group_name = g_strdup ("");
  return TRUE;
}

static gboolean
update_membership (CvnDocument         *doc,
                   const CvnMembership *membership,
                   GError             **error)
{
  return cvn_store_update_membership (doc, membership, error);
}

gboolean
cvn_edit_set_membership_role (CvnDocument *doc,
                              gint64       membership_id,
                              CvnRole      role,
                              GError     **error)
{
  CvnMembership membership = { 0 };
  g_autofree char *member_name = NULL;
  g_autofree char *group_name = NULL;
  g_autofree char *label = NULL;
  gboolean ok;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (role < CVN_N_ROLES, FALSE);

  if (!read_membership_names (doc, membership_id, &membership, &member_name, &group_name, error))
    return FALSE;
  if (membership.role == role)
    {
      cvn_membership_clear (&membership);
      return TRUE;
    }
  label = role_label (role, member_name, group_name);
  membership.role = role;
  ok = cvn_document_begin_edit (doc, label, error)
       && finish_edit (doc, update_membership (doc, &membership, error), error);
  cvn_membership_clear (&membership);
  return ok;
}

gboolean
cvn_edit_set_membership_dates (CvnDocument *doc,
                               gint64       membership_id,
                               const char  *from_date,
                               const char  *until_date,
                               GError     **error)
{
  CvnMembership membership = { 0 };
  g_autofree char *member_name = NULL;
  g_autofree char *group_name = NULL;
  g_autofree char *label = NULL;
  g_autofree char *from = strip_copy (from_date);
  g_autofree char *until = strip_copy (until_date);
  gboolean ok;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), FALSE);

  if (!check_dates (from, until, error))
    return FALSE;
  if (!read_membership_names (doc, membership_id, &membership, &member_name, &group_name, error))
    return FALSE;
  if (g_strcmp0 (membership.from_date, from) == 0 && g_strcmp0 (membership.until_date, until) == 0)
    {
      cvn_membership_clear (&membership);
      return TRUE;
    }
  /* TRANSLATORS: an undo step, as in "Change the dates of St Anne's Primary in Cluster 4". */
  label = g_strdup_printf (_("Change the dates of %s in %s"), member_name, group_name);
  g_free (membership.from_date);
  membership.from_date = g_steal_pointer (&from);
  g_free (membership.until_date);
  membership.until_date = g_steal_pointer (&until);
  ok = cvn_document_begin_edit (doc, label, error)
       && finish_edit (doc, update_membership (doc, &membership, error), error);
  cvn_membership_clear (&membership);
  return ok;
}

static char *
yesterday (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) before = g_date_time_add_days (now, -1);

  return g_date_time_format (before, "%Y-%m-%d");
}

/* Ends @membership inside the caller's edit (see the top of cvn-edits.h). */
static gboolean
end_membership (CvnDocument   *doc,
                CvnMembership *membership,
                GError       **error)
{
  g_autofree char *today = cvn_today ();

  if (*membership->from_date != '\0' && strcmp (membership->from_date, today) >= 0)
    return cvn_store_delete (doc, "memberships", membership->id, error);

  g_free (membership->until_date);
  membership->until_date = yesterday ();
  return update_membership (doc, membership, error);
}

gboolean
cvn_edit_end_membership (CvnDocument *doc,
                         gint64       membership_id,
                         GError     **error)
{
  CvnMembership membership = { 0 };
  g_autofree char *member_name = NULL;
  g_autofree char *group_name = NULL;
  g_autofree char *label = NULL;
  g_autofree char *today = cvn_today ();
  gboolean ok;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), FALSE);

  if (!read_membership_names (doc, membership_id, &membership, &member_name, &group_name, error))
    return FALSE;
  if (*membership.until_date != '\0' && strcmp (membership.until_date, today) < 0)
    {
      g_set_error (error, CVN_EDIT_ERROR, CVN_EDIT_ERROR_INVALID,
                   _("The membership of %s in %s has already ended"), member_name, group_name);
      cvn_membership_clear (&membership);
      return FALSE;
    }
  /* TRANSLATORS: an undo step, as in "End the membership of St Anne's Primary in Cluster 4". */
  label = g_strdup_printf (_("End the membership of %s in %s"), member_name, group_name);
  ok = cvn_document_begin_edit (doc, label, error)
       && finish_edit (doc, end_membership (doc, &membership, error), error);
  cvn_membership_clear (&membership);
  return ok;
}

gboolean
cvn_edit_delete_membership (CvnDocument *doc,
                            gint64       membership_id,
                            GError     **error)
{
  CvnMembership membership = { 0 };
  g_autofree char *member_name = NULL;
  g_autofree char *group_name = NULL;
  g_autofree char *label = NULL;
  gboolean ok;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), FALSE);

  if (!read_membership_names (doc, membership_id, &membership, &member_name, &group_name, error))
    return FALSE;
  /* TRANSLATORS: an undo step; the membership is erased, not ended. */
  label = g_strdup_printf (_("Delete the membership of %s in %s"), member_name, group_name);
  ok = cvn_document_begin_edit (doc, label, error)
       && finish_edit (doc, cvn_store_delete (doc, "memberships", membership_id, error), error);
  cvn_membership_clear (&membership);
  return ok;
}

gboolean
cvn_edit_move_member (CvnDocument  *doc,
                      CvnObjectKind member_kind,
                      gint64        member_id,
                      gint64        from_group_id,
                      gint64        to_group_id,
                      GError      **error)
{
  g_autofree char *member_name = NULL;
  g_autofree char *group_name = NULL;
  g_autofree char *label = NULL;
  g_autofree char *today = cvn_today ();
  CvnMembership old = { 0 };
  gint64 old_id = 0;
  gboolean ok;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), FALSE);

  if ((member_name = require_name (doc, member_kind, member_id, error)) == NULL
      || (group_name = require_name (doc, CVN_OBJECT_GROUP, to_group_id, error)) == NULL)
    return FALSE;
  if (from_group_id == to_group_id)
    return TRUE;
  if (from_group_id != 0)
    old_id = find_current_membership (doc, from_group_id, member_kind, member_id);
  if (old_id != 0 && !read_membership (doc, old_id, &old, error))
    return FALSE;

  if (old_id != 0)
    /* TRANSLATORS: an undo step, as in "Move St Anne's Primary to Cluster 4". */
    label = g_strdup_printf (_("Move %s to %s"), member_name, group_name);
  else
    label = g_strdup_printf (_("Add %s to %s"), member_name, group_name);

  if (!cvn_document_begin_edit (doc, label, error))
    {
      cvn_membership_clear (&old);
      return FALSE;
    }
  ok = (old_id == 0 || end_membership (doc, &old, error))
       && insert_membership (doc, to_group_id, member_kind, member_id,
                             old_id != 0 ? old.role : CVN_ROLE_MEMBER,
                             old_id != 0 ? today : "", "", error) > 0;
  cvn_membership_clear (&old);
  return finish_edit (doc, ok, error);
}

/* Deleting -------------------------------------------------------------------------------- */

/* The ids of @objects of @kind, as a comma-separated SQL list ("0" when there are none). Ids
 * are integers, so writing them into the SQL cannot inject anything. */
static char *
id_list (const CvnObjectRef  *objects,
         guint                n_objects,
         CvnObjectKind        kind)
{
  GString *list = g_string_new ("0");

  for (guint i = 0; i < n_objects; i++)
    if (objects[i].kind == kind)
      g_string_append_printf (list, ",%" G_GINT64_FORMAT, objects[i].id);
  return g_string_free (list, FALSE);
}

static gint64
count_where (CvnDocument *doc,
             const char  *format,
             ...) G_GNUC_PRINTF (2, 3);

static gint64
count_where (CvnDocument *doc,
             const char  *format,
             ...)
{
  g_autofree char *sql = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  stmt = cvn_document_prepare (doc, sql, NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

/* "a", "a and b", "a, b and c" */
static char *
join_list (GPtrArray *parts)
{
  g_autofree char *joined = NULL;

  if (parts->len == 0)
    return g_strdup ("");
  joined = g_strdup (g_ptr_array_index (parts, 0));
  for (guint i = 1; i < parts->len; i++)
    {
      char *longer;

      if (i + 1 < parts->len)
        /* TRANSLATORS: joins the items of a list but the last, as in "7 memberships, 2 ..." */
        longer = g_strdup_printf (_("%s, %s"), joined, (char *) g_ptr_array_index (parts, i));
      else
        /* TRANSLATORS: joins the last item of a list, as in "... and 2 directory entries" */
        longer = g_strdup_printf (_("%s and %s"), joined, (char *) g_ptr_array_index (parts, i));
      g_free (joined);
      joined = longer;
    }
  return g_steal_pointer (&joined);
}

char *
cvn_edit_describe_delete (CvnDocument         *doc,
                          const CvnObjectRef  *objects,
                          guint                n_objects)
{
  g_autofree char *schools = id_list (objects, n_objects, CVN_OBJECT_ESTABLISHMENT);
  g_autofree char *people = id_list (objects, n_objects, CVN_OBJECT_PERSON);
  g_autofree char *groups = id_list (objects, n_objects, CVN_OBJECT_GROUP);
  g_autoptr (GPtrArray) removed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) description = g_string_new (NULL);
  gint64 n_memberships, n_designations, n_entries, n_engagements, n_children, n_staff;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), NULL);
  g_return_val_if_fail (objects != NULL && n_objects > 0, NULL);

  n_memberships = count_where (doc, "SELECT count(*) FROM memberships WHERE establishment_id IN "
                                    "(%s) OR person_id IN (%s) OR group_id IN (%s) "
                                    "OR member_group_id IN (%s)", schools, people, groups, groups);
  n_designations = count_where (doc, "SELECT count(*) FROM designations WHERE establishment_id "
                                     "IN (%s) OR person_id IN (%s)", schools, people);
  n_entries = count_where (doc, "SELECT count(*) FROM directory_entries WHERE establishment_id "
                                "IN (%s) OR person_id IN (%s)", schools, people);
  n_engagements = count_where (doc, "SELECT count(*) FROM support_engagements WHERE "
                                    "provider_establishment_id IN (%s) OR "
                                    "recipient_establishment_id IN (%s) OR "
                                    "provider_person_id IN (%s)", schools, schools, people);
  n_children = count_where (doc, "SELECT count(*) FROM groups WHERE parent_id IN (%s) "
                                 "AND id NOT IN (%s)", groups, groups);
  n_staff = count_where (doc, "SELECT count(*) FROM people WHERE establishment_id IN (%s) "
                              "AND id NOT IN (%s)", schools, people);

  if (n_memberships > 0)
    g_ptr_array_add (removed, g_strdup_printf (ngettext ("%" G_GINT64_FORMAT " membership",
                                                         "%" G_GINT64_FORMAT " memberships",
                                                         n_memberships), n_memberships));
  if (n_designations > 0)
    g_ptr_array_add (removed, g_strdup_printf (ngettext ("%" G_GINT64_FORMAT " designation",
                                                         "%" G_GINT64_FORMAT " designations",
                                                         n_designations), n_designations));
  if (n_entries > 0)
    g_ptr_array_add (removed, g_strdup_printf (ngettext ("%" G_GINT64_FORMAT " directory entry",
                                                         "%" G_GINT64_FORMAT
                                                         " directory entries", n_entries),
                                               n_entries));
  if (n_engagements > 0)
    g_ptr_array_add (removed, g_strdup_printf (ngettext ("%" G_GINT64_FORMAT
                                                         " support engagement",
                                                         "%" G_GINT64_FORMAT
                                                         " support engagements", n_engagements),
                                               n_engagements));

  if (removed->len > 0)
    {
      g_autofree char *list = join_list (removed);

      if (n_objects == 1)
        {
          g_autofree char *name = cvn_edit_dup_name (doc, objects[0].kind, objects[0].id);

          /* TRANSLATORS: as in "Deleting Cluster 4 also removes 7 memberships and 2 directory
           * entries." */
          g_string_append_printf (description, _("Deleting %s also removes %s."),
                                  name != NULL ? name : "", list);
        }
      else
        g_string_append_printf (description,
                                ngettext ("Deleting %u item also removes %s.",
                                          "Deleting these %u items also removes %s.",
                                          n_objects), n_objects, list);
    }
  if (n_children > 0)
    {
      if (description->len > 0)
        g_string_append_c (description, ' ');
      g_string_append_printf (description,
                              ngettext ("%" G_GINT64_FORMAT " group that is part of it stays, "
                                        "with no parent.",
                                        "%" G_GINT64_FORMAT " groups that are part of it stay, "
                                        "with no parent.", n_children), n_children);
    }
  if (n_staff > 0)
    {
      if (description->len > 0)
        g_string_append_c (description, ' ');
      g_string_append_printf (description,
                              ngettext ("%" G_GINT64_FORMAT " person who works there stays, "
                                        "with no school.",
                                        "%" G_GINT64_FORMAT " people who work there stay, "
                                        "with no school.", n_staff), n_staff);
    }

  if (description->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&description), FALSE);
}

gboolean
cvn_edit_delete (CvnDocument         *doc,
                 const CvnObjectRef  *objects,
                 guint                n_objects,
                 GError             **error)
{
  g_autofree char *label = NULL;
  CvnObjectKind common_kind;
  gboolean same_kind = TRUE;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (objects != NULL && n_objects > 0, FALSE);

  common_kind = objects[0].kind;
  for (guint i = 0; i < n_objects; i++)
    {
      g_autofree char *name = require_name (doc, objects[i].kind, objects[i].id, error);

      if (name == NULL)
        return FALSE;
      same_kind &= objects[i].kind == common_kind;
      if (n_objects == 1)
        /* TRANSLATORS: an undo step, as in "Delete Cluster 4". */
        label = g_strdup_printf (_("Delete %s"), name);
    }

  if (label == NULL && same_kind && common_kind == CVN_OBJECT_ESTABLISHMENT)
    label = g_strdup_printf (ngettext ("Delete %u school", "Delete %u schools", n_objects),
                             n_objects);
  else if (label == NULL && same_kind && common_kind == CVN_OBJECT_PERSON)
    label = g_strdup_printf (ngettext ("Delete %u person", "Delete %u people", n_objects),
                             n_objects);
  else if (label == NULL && same_kind && common_kind == CVN_OBJECT_GROUP)
    label = g_strdup_printf (ngettext ("Delete %u group", "Delete %u groups", n_objects),
                             n_objects);
  else if (label == NULL)
    label = g_strdup_printf (ngettext ("Delete %u item", "Delete %u items", n_objects),
                             n_objects);

  if (!cvn_document_begin_edit (doc, label, error))
    return FALSE;
  for (guint i = 0; i < n_objects; i++)
    {
      /* The same object twice in @objects is deleted once. */
      g_autofree char *name = cvn_edit_dup_name (doc, objects[i].kind, objects[i].id);

      if (name != NULL
          && !cvn_store_delete (doc, cvn_edit_table_for_kind (objects[i].kind), objects[i].id,
                                error))
        return finish_edit (doc, FALSE, error);
    }
  return finish_edit (doc, TRUE, error);
}

/* Settings -------------------------------------------------------------------------------- */

gboolean
cvn_edit_set_setting_int (CvnDocument *doc,
                          const char  *key,
                          int          value,
                          const char  *label,
                          GError     **error)
{
  g_autofree char *text = g_strdup_printf ("%d", value);
  g_autofree char *old = NULL;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (key != NULL && label != NULL, FALSE);

  old = cvn_document_get_setting (doc, key, NULL);
  if (g_strcmp0 (old, text) == 0)
    return TRUE;
  if (!cvn_document_begin_edit (doc, label, error))
    return FALSE;
  return finish_edit (doc, cvn_document_set_setting (doc, key, text, error), error);
}
