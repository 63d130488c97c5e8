/* cvn-xml-document.c — the lossless XML form of a document.
 *
 * Both directions are driven by the schema itself (PRAGMA table_info) rather than by the
 * entity structs: the structs turn NULL into 0 or -1 and leave out the settings and layouts
 * tables, so only SQL sees every column as it is. A table this file does not know, or a column
 * the RELAX NG schema does not list, shows up at once — the first as an export error, the
 * second as a failing schema test — when the document's schema grows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-xml"

#include "config.h"

#include "cvn-xml-document.h"
#include "cvn-schema.h"
#include "cvn-xml-safe.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/tree.h>
#include <string.h>

#define ROOT_ELEMENT "convenor-document"

/* The element names of each table and of one of its rows. */
static const struct
{
  const char *table;
  const char *row;
} xml_tables[] = {
  { "settings", "setting" },
  { "establishments", "establishment" },
  { "people", "person" },
  { "designation_types", "designation_type" },
  { "designations", "designation" },
  { "groups", "group" },
  { "memberships", "membership" },
  { "expertise_areas", "expertise_area" },
  { "directory_entries", "directory_entry" },
  { "support_engagements", "support_engagement" },
  { "layouts", "layout" },
};

typedef struct
{
  char     *name;
  char     *type;        /* the declared type, upper case: INTEGER, REAL, TEXT */
  int       pk;          /* position in the primary key, 0 when not part of it */
} Column;

static void
column_clear (gpointer data)
{
  Column *column = data;

  g_clear_pointer (&column->name, g_free);
  g_clear_pointer (&column->type, g_free);
}

static const char *
row_element_for (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (xml_tables); i++)
    if (g_str_equal (xml_tables[i].table, table))
      return xml_tables[i].row;
  return NULL;
}

/* The columns of @table in table order. */
static GArray *
load_columns (CvnDocument *doc,
              const char  *table,
              GError     **error)
{
  g_autoptr (GArray) columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA main.table_info(\"%s\")", table);
  int rc;

  g_array_set_clear_func (columns, column_clear);
  stmt = cvn_document_prepare (doc, sql, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Column column;

      column.name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      column.type = g_ascii_strup ((const char *) sqlite3_column_text (stmt, 2), -1);
      column.pk = sqlite3_column_int (stmt, 5);
      g_array_append_val (columns, column);
    }
  if (rc != SQLITE_DONE)
    {
      cvn_document_set_sql_error (doc, error, table);
      return NULL;
    }
  return g_steal_pointer (&columns);
}

/* "ORDER BY" for @columns: the primary key in key order, or the rowid without one. */
static char *
order_by (GArray *columns)
{
  g_autoptr (GString) order = g_string_new (NULL);

  for (int position = 1; position <= (int) columns->len; position++)
    for (guint i = 0; i < columns->len; i++)
      {
        const Column *column = &g_array_index (columns, Column, i);

        if (column->pk == position)
          g_string_append_printf (order, "%s\"%s\"", order->len > 0 ? ", " : "", column->name);
      }
  if (order->len == 0)
    g_string_append (order, "rowid");
  return g_string_free (g_steal_pointer (&order), FALSE);
}

static char *
column_list (GArray *columns)
{
  g_autoptr (GString) list = g_string_new (NULL);

  for (guint i = 0; i < columns->len; i++)
    g_string_append_printf (list, "%s\"%s\"", i > 0 ? ", " : "",
                            g_array_index (columns, Column, i).name);
  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* Names a row in a message: by its id where it has one, else by its place in the table. */
static char *
describe_row (sqlite3_stmt *stmt,
              GArray       *columns,
              const char   *table,
              guint         index)
{
  for (guint i = 0; i < columns->len; i++)
    if (g_str_equal (g_array_index (columns, Column, i).name, "id"))
      return g_strdup_printf (_("the %s row with id %s"), table,
                              (const char *) sqlite3_column_text (stmt, (int) i));
  return g_strdup_printf (_("row %u of %s"), index + 1, table);
}

static gboolean
export_table (CvnDocument *doc,
              xmlNode     *root,
              const char  *table,
              GError     **error)
{
  const char *row_name = row_element_for (table);
  g_autoptr (GArray) columns = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *order = NULL;
  g_autofree char *list = NULL;
  xmlNode *container;
  guint index = 0;
  int rc;

  if (row_name == NULL)
    {
      g_set_error (error, CVN_XML_ERROR, CVN_XML_ERROR_UNREPRESENTABLE,
                   _("The document has a table “%s” that the XML form does not know"), table);
      return FALSE;
    }
  columns = load_columns (doc, table, error);
  if (columns == NULL)
    return FALSE;
  order = order_by (columns);
  list = column_list (columns);
  sql = g_strdup_printf ("SELECT %s FROM main.\"%s\" ORDER BY %s", list, table, order);
  stmt = cvn_document_prepare (doc, sql, error);
  if (stmt == NULL)
    return FALSE;

  container = xmlNewChild (root, NULL, (const xmlChar *) table, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      xmlNode *row = xmlNewChild (container, NULL, (const xmlChar *) row_name, NULL);

      for (guint i = 0; i < columns->len; i++)
        {
          const char *name = g_array_index (columns, Column, i).name;
          g_autofree char *value = NULL;

          switch (sqlite3_column_type (stmt, (int) i))
            {
            case SQLITE_NULL:
              continue;
            case SQLITE_INTEGER:
              value = g_strdup_printf ("%" G_GINT64_FORMAT,
                                       (gint64) sqlite3_column_int64 (stmt, (int) i));
              break;
            case SQLITE_FLOAT:
              value = cvn_xml_format_double (sqlite3_column_double (stmt, (int) i));
              break;
            case SQLITE_TEXT:
              value = g_strdup ((const char *) sqlite3_column_text (stmt, (int) i));
              if (!cvn_xml_text_is_representable (value))
                {
                  g_autofree char *what = describe_row (stmt, columns, table, index);

                  g_set_error (error, CVN_XML_ERROR, CVN_XML_ERROR_UNREPRESENTABLE,
                               _("The %s of %s holds a character that XML cannot carry "
                                 "(a control character or invalid UTF-8)"), name, what);
                  return FALSE;
                }
              break;
            case SQLITE_BLOB:
            default:
              {
                g_autofree char *what = describe_row (stmt, columns, table, index);

                g_set_error (error, CVN_XML_ERROR, CVN_XML_ERROR_UNREPRESENTABLE,
                             _("The %s of %s holds binary data, which the XML form does not "
                               "carry"), name, what);
                return FALSE;
              }
            }
          xmlNewProp (row, (const xmlChar *) name, (const xmlChar *) value);
        }
      index++;
    }
  if (rc != SQLITE_DONE)
    {
      cvn_document_set_sql_error (doc, error, table);
      return FALSE;
    }
  return TRUE;
}

GBytes *
cvn_xml_document_export_bytes (CvnDocument *doc,
                               GError     **error)
{
  g_autoptr (xmlDoc) xml = NULL;
  g_autofree char *version = NULL;
  xmlNode *root;
  xmlChar *buffer = NULL;
  int size = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), NULL);

  xml = xmlNewDoc ((const xmlChar *) "1.0");
  root = xmlNewNode (NULL, (const xmlChar *) ROOT_ELEMENT);
  xmlDocSetRootElement (xml, root);
  version = g_strdup_printf ("%d", CVN_SCHEMA_VERSION);
  xmlNewProp (root, (const xmlChar *) "version", (const xmlChar *) version);

  /* One read transaction for every table, so the file is one consistent state even if
   * another connection writes meanwhile. A savepoint works inside an open edit as well. */
  if (!cvn_document_exec (doc, "SAVEPOINT cvn_xml_export", error))
    return NULL;
  for (guint t = 0; ok && cvn_schema_tables[t] != NULL; t++)
    ok = export_table (doc, root, cvn_schema_tables[t], error);
  cvn_document_exec (doc, "RELEASE cvn_xml_export", NULL);
  if (!ok)
    return NULL;

  xmlDocDumpFormatMemoryEnc (xml, &buffer, &size, "UTF-8", 1);
  if (buffer == NULL)
    {
      g_set_error (error, CVN_XML_ERROR, CVN_XML_ERROR_UNREPRESENTABLE,
                   _("Could not write the document as XML"));
      return NULL;
    }
  {
    GBytes *bytes = g_bytes_new (buffer, (gsize) size);

    xmlFree (buffer);
    return bytes;
  }
}

gboolean
cvn_xml_document_export (CvnDocument *doc,
                         const char  *path,
                         GError     **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local_error = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = cvn_xml_document_export_bytes (doc, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  if (!g_file_set_contents (path, data, (gssize) size, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), path,
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* One table being read: its columns and the INSERT that takes one row of them. */
typedef struct
{
  const char   *table;
  GArray       *columns;
  sqlite3_stmt *insert;
} TableReader;

static void
table_reader_clear (TableReader *reader)
{
  g_clear_pointer (&reader->columns, g_array_unref);
  g_clear_pointer (&reader->insert, sqlite3_finalize);
}

typedef struct
{
  CvnDocument *doc;
  const char  *name;
  GHashTable  *row_lines;   /* "table:rowid" -> line, for foreign key messages */
} Import;

/* Binds @value the way the column's declared type would store it, so that a REAL keeps its
 * exact value and an INTEGER stays one; anything else is bound as text, which is how SQLite
 * itself would have kept it. */
static void
bind_value (sqlite3_stmt *stmt,
            int           index,
            const Column *column,
            const char   *value)
{
  if (strstr (column->type, "INT") != NULL)
    {
      gint64 number;

      if (g_ascii_string_to_signed (value, 10, G_MININT64, G_MAXINT64, &number, NULL))
        {
          sqlite3_bind_int64 (stmt, index, number);
          return;
        }
    }
  else if (strstr (column->type, "REAL") != NULL)
    {
      char *end = NULL;
      double number;

      errno = 0;
      number = g_ascii_strtod (value, &end);
      if (*value != '\0' && !g_ascii_isspace (*value) && end != NULL && *end == '\0' &&
          errno == 0)
        {
          sqlite3_bind_double (stmt, index, number);
          return;
        }
    }
  sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

static gboolean
import_row (Import      *self,
            TableReader *reader,
            xmlNode     *row,
            GError     **error)
{
  g_autofree char *key = NULL;

  sqlite3_reset (reader->insert);
  sqlite3_clear_bindings (reader->insert);

  for (xmlNode *child = row->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      {
        cvn_xml_set_node_error (error, self->name, child,
                                _("a %s element holds no elements, but this one holds <%s>"),
                                (const char *) row->name, (const char *) child->name);
        return FALSE;
      }

  for (xmlAttr *attr = row->properties; attr != NULL; attr = attr->next)
    {
      g_autofree char *value = NULL;
      guint i;

      for (i = 0; i < reader->columns->len; i++)
        if (xmlStrEqual (attr->name,
                         (const xmlChar *) g_array_index (reader->columns, Column, i).name))
          break;
      if (attr->ns != NULL || i == reader->columns->len)
        {
          cvn_xml_set_node_error (error, self->name, row,
                                  _("%s has no column “%s”"), reader->table,
                                  (const char *) attr->name);
          return FALSE;
        }
      value = cvn_xml_dup_prop (row, (const char *) attr->name);
      bind_value (reader->insert, (int) i + 1, &g_array_index (reader->columns, Column, i),
                  value != NULL ? value : "");
    }

  if (sqlite3_step (reader->insert) != SQLITE_DONE)
    {
      cvn_xml_set_node_error (error, self->name, row, _("this %s cannot be stored: %s"),
                              (const char *) row->name,
                              sqlite3_errmsg (cvn_document_get_db (self->doc)));
      return FALSE;
    }
  key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, reader->table,
                         (gint64) sqlite3_last_insert_rowid (cvn_document_get_db (self->doc)));
  g_hash_table_replace (self->row_lines, g_steal_pointer (&key),
                        GINT_TO_POINTER ((int) CLAMP (xmlGetLineNo (row), 0, G_MAXINT)));
  return TRUE;
}

static gboolean
import_table (Import      *self,
              const char  *table,
              xmlNode     *container,
              GError     **error)
{
  const char *row_name = row_element_for (table);
  TableReader reader = { table, NULL, NULL };
  g_autoptr (GString) placeholders = g_string_new (NULL);
  g_autofree char *list = NULL;
  g_autofree char *sql = NULL;
  gboolean ok = TRUE;

  reader.columns = load_columns (self->doc, table, error);
  if (reader.columns == NULL)
    return FALSE;
  for (guint i = 0; i < reader.columns->len; i++)
    g_string_append_printf (placeholders, "%s?%u", i > 0 ? ", " : "", i + 1);
  list = column_list (reader.columns);
  sql = g_strdup_printf ("INSERT INTO main.\"%s\" (%s) VALUES (%s)", table, list,
                         placeholders->str);
  reader.insert = cvn_document_prepare (self->doc, sql, error);
  if (reader.insert == NULL)
    {
      table_reader_clear (&reader);
      return FALSE;
    }

  for (xmlNode *row = container->children; ok && row != NULL; row = row->next)
    {
      if (row->type == XML_TEXT_NODE && !xmlIsBlankNode (row))
        {
          cvn_xml_set_node_error (error, self->name, row, _("%s holds text outside any %s"),
                                  table, row_name);
          ok = FALSE;
        }
      else if (row->type != XML_ELEMENT_NODE)
        continue;
      else if (!cvn_xml_is_element (row, NULL, row_name) || row->ns != NULL)
        {
          cvn_xml_set_node_error (error, self->name, row,
                                  _("%s holds <%s>, where only <%s> can stand"), table,
                                  (const char *) row->name, row_name);
          ok = FALSE;
        }
      else
        ok = import_row (self, &reader, row, error);
    }
  table_reader_clear (&reader);
  return ok;
}

/* Foreign keys are checked once every row is in, because a file lists a group before the
 * parent group it names, say; this finds the first dangling reference and names its line. */
static gboolean
check_references (Import  *self,
                  GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = cvn_document_prepare (self->doc, "PRAGMA main.foreign_key_check", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);
      gint64 rowid = sqlite3_column_int64 (stmt, 1);
      const char *parent = (const char *) sqlite3_column_text (stmt, 2);
      g_autofree char *key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, table, rowid);
      int line = GPOINTER_TO_INT (g_hash_table_lookup (self->row_lines, key));
      const char *row_name = row_element_for (table);

      if (line > 0)
        g_set_error (error, CVN_XML_ERROR, CVN_XML_ERROR_INVALID,
                     _("%s line %d: this %s refers to a row of %s that the file does not have"),
                     self->name, line, row_name != NULL ? row_name : table, parent);
      else
        g_set_error (error, CVN_XML_ERROR, CVN_XML_ERROR_INVALID,
                     _("%s: a row of %s refers to a row of %s that the file does not have"),
                     self->name, table, parent);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_root (const char *name,
            xmlNode    *root,
            GError    **error)
{
  g_autofree char *version = NULL;
  gint64 number;

  if (!cvn_xml_is_element (root, NULL, ROOT_ELEMENT) || root->ns != NULL)
    {
      cvn_xml_set_node_error (error, name, root,
                              _("this is not a Convenor document in XML: it begins with <%s>, "
                                "not <%s>"), (const char *) root->name, ROOT_ELEMENT);
      return FALSE;
    }
  version = cvn_xml_dup_prop (root, "version");
  if (version == NULL ||
      !g_ascii_string_to_signed (version, 10, 1, G_MAXINT, &number, NULL))
    {
      cvn_xml_set_node_error (error, name, root,
                              _("<%s> needs a version, a whole number from 1"), ROOT_ELEMENT);
      return FALSE;
    }
  if (number > CVN_SCHEMA_VERSION)
    {
      cvn_xml_set_node_error (error, name, root,
                              _("the file was written by a newer version of Convenor "
                                "(document version %s; this version reads version %d)"),
                              version, CVN_SCHEMA_VERSION);
      return FALSE;
    }
  /* Older versions' XML would need their own migration; there are none yet. */
  if (number != CVN_SCHEMA_VERSION)
    {
      cvn_xml_set_node_error (error, name, root,
                              _("document version %s cannot be read by this version of "
                                "Convenor, which reads version %d"), version,
                              CVN_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

static gboolean
import_tables (Import   *self,
               xmlNode  *root,
               GError  **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  /* A new document may one day come with rows of its own (default settings, say); the file
   * says everything the document holds, so those give way to it. */
  for (guint t = 0; cvn_schema_tables[t] != NULL; t++)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM main.\"%s\"", cvn_schema_tables[t]);

      if (!cvn_document_exec (self->doc, sql, error))
        return FALSE;
    }

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      const char *table = NULL;

      if (child->type == XML_TEXT_NODE && !xmlIsBlankNode (child))
        {
          cvn_xml_set_node_error (error, self->name, child,
                                  _("<%s> holds text outside any table"), ROOT_ELEMENT);
          return FALSE;
        }
      if (child->type != XML_ELEMENT_NODE)
        continue;
      for (guint t = 0; cvn_schema_tables[t] != NULL; t++)
        if (child->ns == NULL && xmlStrEqual (child->name,
                                              (const xmlChar *) cvn_schema_tables[t]))
          table = cvn_schema_tables[t];
      if (table == NULL || row_element_for (table) == NULL)
        {
          cvn_xml_set_node_error (error, self->name, child,
                                  _("a Convenor document has no table called “%s”"),
                                  (const char *) child->name);
          return FALSE;
        }
      if (!g_hash_table_add (seen, (gpointer) table))
        {
          cvn_xml_set_node_error (error, self->name, child,
                                  _("the table %s appears a second time"), table);
          return FALSE;
        }
      if (!import_table (self, table, child, error))
        return FALSE;
    }
  return check_references (self, error);
}

static void
remove_document_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  if (g_str_equal (path, ":memory:"))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
}

CvnDocument *
cvn_xml_document_import_data (const char  *out_path,
                              const char  *name,
                              const char  *data,
                              gsize        length,
                              GError     **error)
{
  g_autoptr (xmlDoc) xml = NULL;
  g_autoptr (CvnDocument) doc = NULL;
  g_autoptr (GHashTable) row_lines = NULL;
  g_autofree char *label = NULL;
  g_autofree char *base = NULL;
  Import import;
  gboolean ok;

  g_return_val_if_fail (out_path != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  /* Refuse before reading, so that a mistyped command never parses anything. */
  if (!g_str_equal (out_path, ":memory:") && g_file_test (out_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, CVN_DOCUMENT_ERROR, CVN_DOCUMENT_ERROR_EXISTS,
                   _("“%s” already exists; importing XML always makes a new document"),
                   out_path);
      return NULL;
    }

  xml = cvn_xml_safe_read_memory (name, data, length, error);
  if (xml == NULL || !check_root (name, xmlDocGetRootElement (xml), error))
    return NULL;

  doc = cvn_document_create (out_path, error);
  if (doc == NULL)
    return NULL;

  base = g_path_get_basename (name);
  label = g_strdup_printf (_("Import %s"), base);
  row_lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import = (Import) { doc, name, row_lines };

  ok = cvn_document_begin_edit (doc, label, error);
  if (ok)
    {
      /* Lets a row name a parent that comes later in the file; check_references looks at
       * every reference before the commit. The pragma ends with the transaction. */
      ok = cvn_document_exec (doc, "PRAGMA defer_foreign_keys = ON", error) &&
           import_tables (&import, xmlDocGetRootElement (xml), error) &&
           cvn_document_commit_edit (doc, error);
      if (!ok && cvn_document_in_edit (doc))
        cvn_document_rollback_edit (doc);
    }
  if (!ok)
    {
      g_clear_object (&doc);
      remove_document_files (out_path);
      return NULL;
    }
  return g_steal_pointer (&doc);
}

CvnDocument *
cvn_xml_document_import (const char  *out_path,
                         const char  *xml_path,
                         GError     **error)
{
  g_autofree char *data = NULL;
  GStatBuf info;
  gsize length = 0;

  g_return_val_if_fail (out_path != NULL, NULL);
  g_return_val_if_fail (xml_path != NULL, NULL);

  if (!g_str_equal (out_path, ":memory:") && g_file_test (out_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, CVN_DOCUMENT_ERROR, CVN_DOCUMENT_ERROR_EXISTS,
                   _("“%s” already exists; importing XML always makes a new document"),
                   out_path);
      return NULL;
    }
  if (g_stat (xml_path, &info) == 0 && (guint64) info.st_size > CVN_XML_MAX_INPUT_SIZE)
    {
      g_autofree char *size = g_format_size ((guint64) info.st_size);
      g_autofree char *limit = g_format_size (CVN_XML_MAX_INPUT_SIZE);

      g_set_error (error, CVN_XML_ERROR, CVN_XML_ERROR_TOO_LARGE,
                   _("%s is %s; Convenor reads XML files of up to %s"), xml_path, size, limit);
      return NULL;
    }
  /* GLib's message names the file already. */
  if (!g_file_get_contents (xml_path, &data, &length, error))
    return NULL;
  return cvn_xml_document_import_data (out_path, xml_path, data, length, error);
}
