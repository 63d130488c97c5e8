/* cvn-document.c — the SQLite store and the undo mechanism.
 *
 * Undo follows SQLite's own "automatic undo/redo" recipe: temporary triggers on every table
 * write the SQL that reverses each row change into a temporary log. An edit is one transaction;
 * the log rows it wrote form one undo step. Undoing a step runs its statements backwards,
 * which makes the triggers log the statements that redo it. The triggers and the log live in
 * the connection's TEMP schema, so nothing of the mechanism is ever written into the file, and
 * every feature that edits the document gets undo without writing any undo code of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-document"

#include "config.h"

#include "cvn-document.h"
#include "cvn-schema.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

typedef struct
{
  char   *label;
  gint64  first_seq;
  gint64  last_seq;
} UndoStep;

struct _CvnDocument
{
  GObject   parent_instance;

  char     *path;
  sqlite3  *db;
  guint64   revision;

  guint     edit_depth;
  char     *edit_label;
  gint64    edit_start_seq;

  GArray   *undo_stack;  /* UndoStep */
  GArray   *redo_stack;  /* UndoStep */

  GHashTable *statements;  /* SQL text -> sqlite3_stmt, see cvn_document_prepare_cached */
};

G_DEFINE_TYPE (CvnDocument, cvn_document, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (cvn-document-error-quark, cvn_document_error)

static void
undo_step_clear (gpointer data)
{
  UndoStep *step = data;

  g_clear_pointer (&step->label, g_free);
}

static void
cvn_document_finalize (GObject *object)
{
  CvnDocument *self = CVN_DOCUMENT (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      if (self->edit_depth > 0)
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_close_v2 (self->db);
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->edit_label, g_free);
  g_clear_pointer (&self->undo_stack, g_array_unref);
  g_clear_pointer (&self->redo_stack, g_array_unref);

  G_OBJECT_CLASS (cvn_document_parent_class)->finalize (object);
}

static void
cvn_document_class_init (CvnDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cvn_document_finalize;

  /**
   * CvnDocument::changed:
   *
   * Emitted after an edit is committed, undone or redone.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
cvn_document_init (CvnDocument *self)
{
  self->undo_stack = g_array_new (FALSE, TRUE, sizeof (UndoStep));
  g_array_set_clear_func (self->undo_stack, undo_step_clear);
  self->redo_stack = g_array_new (FALSE, TRUE, sizeof (UndoStep));
  g_array_set_clear_func (self->redo_stack, undo_step_clear);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

void
cvn_document_set_sql_error (CvnDocument *self,
                            GError     **error,
                            const char  *context)
{
  int code = sqlite3_extended_errcode (self->db);

  g_set_error (error, CVN_DOCUMENT_ERROR, CVN_DOCUMENT_ERROR_SQL, "%s: %s (SQLite error %d)",
               context, sqlite3_errmsg (self->db), code);
}

static gboolean
db_exec (sqlite3     *db,
         const char  *sql,
         const char  *path,
         GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, CVN_DOCUMENT_ERROR, CVN_DOCUMENT_ERROR_SQL, "“%s”: %s", path,
                   message != NULL ? message : sqlite3_errmsg (db));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

gboolean
cvn_document_exec (CvnDocument *self,
                   const char  *sql,
                   GError     **error)
{
  g_return_val_if_fail (CVN_IS_DOCUMENT (self), FALSE);

  return db_exec (self->db, sql, self->path, error);
}

sqlite3_stmt *
cvn_document_prepare (CvnDocument *self,
                      const char  *sql,
                      GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CVN_IS_DOCUMENT (self), NULL);

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      cvn_document_set_sql_error (self, error, self->path);
      return NULL;
    }
  return stmt;
}

sqlite3_stmt *
cvn_document_prepare_cached (CvnDocument *self,
                             const char  *sql,
                             GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CVN_IS_DOCUMENT (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      cvn_document_set_sql_error (self, error, self->path);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
cvn_document_step_done (CvnDocument  *self,
                        sqlite3_stmt *stmt,
                        GError      **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    {
      cvn_document_set_sql_error (self, error, self->path);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gint64
cvn_document_last_insert_id (CvnDocument *self)
{
  return sqlite3_last_insert_rowid (self->db);
}

static gint64
query_int (sqlite3    *db,
           const char *sql,
           int        *out_rc)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 value = 0;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  if (out_rc != NULL)
    *out_rc = rc;
  return value;
}

/* Creates the TEMP triggers that write, for every row change, the SQL that reverses it. */
static gboolean
install_undo_triggers (CvnDocument *self,
                       GError     **error)
{
  if (!cvn_document_exec (self, "CREATE TEMP TABLE undo_log (seq INTEGER PRIMARY KEY, "
                                "sql TEXT NOT NULL)", error))
    return FALSE;

  for (guint t = 0; cvn_schema_tables[t] != NULL; t++)
    {
      const char *table = cvn_schema_tables[t];
      g_autoptr (GString) update_sql = g_string_new (NULL);
      g_autoptr (GString) insert_cols = g_string_new ("rowid");
      g_autoptr (GString) insert_vals = g_string_new ("old.rowid");
      g_autoptr (sqlite3_stmt) info = NULL;
      g_autofree char *info_sql = g_strdup_printf ("PRAGMA main.table_info(%s)", table);
      g_autofree char *triggers = NULL;

      info = cvn_document_prepare (self, info_sql, error);
      if (info == NULL)
        return FALSE;
      while (sqlite3_step (info) == SQLITE_ROW)
        {
          const char *column = (const char *) sqlite3_column_text (info, 1);

          if (update_sql->len > 0)
            g_string_append (update_sql, "||','||");
          g_string_append_printf (update_sql, "'\"%s\"='||quote(old.\"%s\")", column, column);
          g_string_append_printf (insert_cols, ",\"%s\"", column);
          g_string_append_printf (insert_vals, "||','||quote(old.\"%s\")", column);
        }

      triggers = g_strdup_printf (
        "CREATE TEMP TRIGGER undo_%s_insert AFTER INSERT ON main.%s BEGIN "
        "  INSERT INTO undo_log (sql) VALUES ('DELETE FROM main.%s WHERE rowid='||new.rowid); "
        "END; "
        "CREATE TEMP TRIGGER undo_%s_update AFTER UPDATE ON main.%s BEGIN "
        "  INSERT INTO undo_log (sql) VALUES ('UPDATE main.%s SET '||%s||"
        "    ' WHERE rowid='||old.rowid); "
        "END; "
        "CREATE TEMP TRIGGER undo_%s_delete BEFORE DELETE ON main.%s BEGIN "
        "  INSERT INTO undo_log (sql) VALUES ('INSERT INTO main.%s (%s) VALUES ('||%s||')'); "
        "END;",
        table, table, table, table, table, table, update_sql->str, table, table, table,
        insert_cols->str, insert_vals->str);
      if (!cvn_document_exec (self, triggers, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (CvnDocument *self,
         guint        from_version,
         GError     **error)
{
  if (from_version >= CVN_SCHEMA_VERSION)
    return TRUE;

  if (!cvn_document_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  for (guint v = from_version; v < CVN_SCHEMA_VERSION; v++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %u", v + 1);

      if (!cvn_document_exec (self, cvn_schema_get_migration (v), error) ||
          !cvn_document_exec (self, set_version, error))
        {
          g_prefix_error (error, _("Upgrading from version %u: "), v);
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }
  return cvn_document_exec (self, "COMMIT", error);
}

static gboolean
open_connection (CvnDocument *self,
                 int          flags,
                 GError     **error)
{
  int rc = sqlite3_open_v2 (self->path, &self->db, flags | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not open “%s”: %s"),
                   self->path, self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 2000);
  return TRUE;
}

/* Pragmas for a connection that will write: WAL so readers never block and a crash loses
 * nothing that was committed; foreign keys so that no edit leaves a dangling reference. */
static gboolean
configure_connection (CvnDocument *self,
                      GError     **error)
{
  return cvn_document_exec (self, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; "
                                  "PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY",
                            error);
}

CvnDocument *
cvn_document_create (const char *path,
                     GError    **error)
{
  g_autoptr (CvnDocument) self = NULL;
  g_autofree char *set_id = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, CVN_DOCUMENT_ERROR, CVN_DOCUMENT_ERROR_EXISTS,
                   _("“%s” already exists"), path);
      return NULL;
    }

  self = g_object_new (CVN_TYPE_DOCUMENT, NULL);
  self->path = g_strdup (path);
  if (!open_connection (self, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error))
    return NULL;

  set_id = g_strdup_printf ("PRAGMA application_id = %d", CVN_APPLICATION_ID);
  if (!cvn_document_exec (self, set_id, error) ||
      !configure_connection (self, error) ||
      !migrate (self, 0, error) ||
      !install_undo_triggers (self, error))
    {
      sqlite3_close_v2 (g_steal_pointer (&self->db));
      g_remove (path);
      return NULL;
    }
  return g_steal_pointer (&self);
}

/* Looks at a file without changing a byte of it: the header, the application id, the schema
 * version and SQLite's own consistency check. */
static gboolean
inspect_file (const char *path,
              guint      *out_version,
              GError    **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autoptr (CvnDocument) probe = NULL;
  char header[16] = { 0 };
  gint64 application_id, version;
  FILE *file;
  size_t n_read;
  int rc;

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not open “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  n_read = fread (header, 1, sizeof header, file);
  fclose (file);
  if (n_read < sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, CVN_DOCUMENT_ERROR, CVN_DOCUMENT_ERROR_NOT_A_DOCUMENT,
                   _("“%s” is not a Convenor document"), path);
      return FALSE;
    }

  probe = g_object_new (CVN_TYPE_DOCUMENT, NULL);
  probe->path = g_strdup (path);

  /* A WAL-mode file with no -wal beside it has nothing to replay; opening it immutable keeps
   * SQLite from creating -wal and -shm files next to a file we may yet refuse. */
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);

    if (!g_file_test (wal, G_FILE_TEST_EXISTS))
      {
        g_autofree char *absolute = g_canonicalize_filename (path, NULL);
        g_autofree char *uri = g_filename_to_uri (absolute, NULL, NULL);
        g_autofree char *immutable = g_strconcat (uri, "?immutable=1", NULL);

        g_free (probe->path);
        probe->path = g_steal_pointer (&immutable);
      }
  }
  if (!open_connection (probe, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, error))
    return FALSE;

  application_id = query_int (probe->db, "PRAGMA application_id", &rc);
  if (rc == SQLITE_OK)
    version = query_int (probe->db, "PRAGMA user_version", &rc);
  if (rc == SQLITE_NOTADB)
    {
      g_set_error (error, CVN_DOCUMENT_ERROR, CVN_DOCUMENT_ERROR_NOT_A_DOCUMENT,
                   _("“%s” is not a Convenor document"), path);
      return FALSE;
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CVN_DOCUMENT_ERROR, CVN_DOCUMENT_ERROR_CORRUPT,
                   _("“%s” is damaged and cannot be opened: %s"), path,
                   sqlite3_errmsg (probe->db));
      return FALSE;
    }
  if (application_id != CVN_APPLICATION_ID)
    {
      g_set_error (error, CVN_DOCUMENT_ERROR, CVN_DOCUMENT_ERROR_NOT_A_DOCUMENT,
                   _("“%s” is a database, but not a Convenor document"), path);
      return FALSE;
    }
  if (version > CVN_SCHEMA_VERSION)
    {
      g_set_error (error, CVN_DOCUMENT_ERROR, CVN_DOCUMENT_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Convenor (document version %d; "
                     "this version reads up to %d)"),
                   path, (int) CLAMP (version, G_MININT, G_MAXINT), CVN_SCHEMA_VERSION);
      return FALSE;
    }

  {
    g_autoptr (sqlite3_stmt) check = NULL;
    const char *result = NULL;

    rc = sqlite3_prepare_v2 (probe->db, "PRAGMA quick_check", -1, &check, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step (check)) == SQLITE_ROW)
      result = (const char *) sqlite3_column_text (check, 0);
    if (result == NULL || !g_str_equal (result, "ok"))
      {
        g_set_error (error, CVN_DOCUMENT_ERROR, CVN_DOCUMENT_ERROR_CORRUPT,
                     _("“%s” is damaged and cannot be opened: %s"), path,
                     result != NULL ? result : sqlite3_errmsg (probe->db));
        return FALSE;
      }
  }

  *out_version = (guint) version;
  return TRUE;
}

CvnDocument *
cvn_document_open (const char *path,
                   GError    **error)
{
  g_autoptr (CvnDocument) self = NULL;
  guint version = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!inspect_file (path, &version, error))
    return NULL;

  self = g_object_new (CVN_TYPE_DOCUMENT, NULL);
  self->path = g_strdup (path);
  if (!open_connection (self, SQLITE_OPEN_READWRITE, error) ||
      !configure_connection (self, error) ||
      !migrate (self, version, error) ||
      !install_undo_triggers (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
cvn_document_get_path (CvnDocument *self)
{
  g_return_val_if_fail (CVN_IS_DOCUMENT (self), NULL);

  return self->path;
}

char *
cvn_document_dup_title (CvnDocument *self)
{
  g_autofree char *base = NULL;
  char *dot;

  g_return_val_if_fail (CVN_IS_DOCUMENT (self), NULL);

  base = g_path_get_basename (self->path);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

sqlite3 *
cvn_document_get_db (CvnDocument *self)
{
  g_return_val_if_fail (CVN_IS_DOCUMENT (self), NULL);

  return self->db;
}

guint64
cvn_document_get_revision (CvnDocument *self)
{
  g_return_val_if_fail (CVN_IS_DOCUMENT (self), 0);

  return self->revision;
}

gboolean
cvn_document_save_copy (CvnDocument *self,
                        const char  *dest,
                        GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CVN_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);
  g_return_val_if_fail (self->edit_depth == 0, FALSE);

  if (g_file_test (dest, G_FILE_TEST_EXISTS) && g_remove (dest) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not replace “%s”: %s"), dest, g_strerror (saved_errno));
      return FALSE;
    }

  stmt = cvn_document_prepare (self, "VACUUM main INTO ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, dest, -1, SQLITE_TRANSIENT);
  if (!cvn_document_step_done (self, stmt, error))
    {
      g_prefix_error (error, _("Saving a copy as “%s”: "), dest);
      return FALSE;
    }
  return TRUE;
}

static gint64
last_log_seq (CvnDocument *self)
{
  return query_int (self->db, "SELECT coalesce(max(seq), 0) FROM temp.undo_log", NULL);
}

gboolean
cvn_document_begin_edit (CvnDocument *self,
                         const char  *label,
                         GError     **error)
{
  g_return_val_if_fail (CVN_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  if (self->edit_depth++ > 0)
    return TRUE;

  if (!cvn_document_exec (self, "BEGIN IMMEDIATE", error))
    {
      self->edit_depth = 0;
      return FALSE;
    }
  g_free (self->edit_label);
  self->edit_label = g_strdup (label);
  self->edit_start_seq = last_log_seq (self);
  return TRUE;
}

gboolean
cvn_document_in_edit (CvnDocument *self)
{
  g_return_val_if_fail (CVN_IS_DOCUMENT (self), FALSE);

  return self->edit_depth > 0;
}

static void
changed (CvnDocument *self)
{
  self->revision++;
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
cvn_document_commit_edit (CvnDocument *self,
                          GError     **error)
{
  gint64 end_seq;

  g_return_val_if_fail (CVN_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->edit_depth > 0, FALSE);

  if (--self->edit_depth > 0)
    return TRUE;

  end_seq = last_log_seq (self);
  if (!cvn_document_exec (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  if (end_seq > self->edit_start_seq)
    {
      UndoStep step = { g_steal_pointer (&self->edit_label), self->edit_start_seq + 1, end_seq };

      g_array_append_val (self->undo_stack, step);
      g_array_set_size (self->redo_stack, 0);
      changed (self);
    }
  return TRUE;
}

void
cvn_document_rollback_edit (CvnDocument *self)
{
  g_return_if_fail (CVN_IS_DOCUMENT (self));
  g_return_if_fail (self->edit_depth > 0);

  /* An inner failure abandons the whole edit: the outer levels' commits become no-ops that
   * report nothing was changed. */
  self->edit_depth = 0;
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  g_clear_pointer (&self->edit_label, g_free);
}

gboolean
cvn_document_can_undo (CvnDocument *self)
{
  g_return_val_if_fail (CVN_IS_DOCUMENT (self), FALSE);

  return self->undo_stack->len > 0;
}

gboolean
cvn_document_can_redo (CvnDocument *self)
{
  g_return_val_if_fail (CVN_IS_DOCUMENT (self), FALSE);

  return self->redo_stack->len > 0;
}

static const char *
top_label (GArray *stack)
{
  if (stack->len == 0)
    return NULL;
  return g_array_index (stack, UndoStep, stack->len - 1).label;
}

const char *
cvn_document_get_undo_label (CvnDocument *self)
{
  g_return_val_if_fail (CVN_IS_DOCUMENT (self), NULL);

  return top_label (self->undo_stack);
}

const char *
cvn_document_get_redo_label (CvnDocument *self)
{
  g_return_val_if_fail (CVN_IS_DOCUMENT (self), NULL);

  return top_label (self->redo_stack);
}

/* The part of a logged statement that a run of its neighbours shares, and the part that
 * differs: "DELETE FROM main.t WHERE rowid=" + "42", or "INSERT INTO main.t (...) VALUES " +
 * "(...)". UPDATEs are not batched. */
static gboolean
split_statement (const char *sql,
                 gsize      *out_prefix_len)
{
  const char *values;

  if (g_str_has_prefix (sql, "DELETE FROM main."))
    {
      const char *where = strstr (sql, " WHERE rowid=");

      if (where == NULL)
        return FALSE;
      *out_prefix_len = (gsize) (where - sql) + strlen (" WHERE rowid=");
      return TRUE;
    }
  /* The column list holds only quoted column names, so the first ") VALUES (" ends it. */
  if (g_str_has_prefix (sql, "INSERT INTO main.") && (values = strstr (sql, ") VALUES (")) != NULL)
    {
      *out_prefix_len = (gsize) (values - sql) + strlen (") VALUES ");
      return TRUE;
    }
  return FALSE;
}

/* Runs logged statements in order, joining runs of deletes or inserts on the same table into
 * one statement each. Replaying a large import row by row compiles every statement with its
 * triggers and foreign-key actions: 40,000 rows took over five seconds that way. */
static int
compare_prefixes (gconstpointer a,
                  gconstpointer b)
{
  const char *sql_a = *(const char * const *) a;
  const char *sql_b = *(const char * const *) b;
  gsize len_a = 0, len_b = 0;
  int order;

  split_statement (sql_a, &len_a);
  split_statement (sql_b, &len_b);
  order = strncmp (sql_a, sql_b, MIN (len_a, len_b));
  return order != 0 ? order : (len_a > len_b) - (len_a < len_b);
}

/* TRUE when every statement is a DELETE, or every one an INSERT: an undo of pure additions or
 * of pure deletions, which ends in the same rows whatever order its statements run in
 * (references are checked at commit, and a row already removed by a cascade is simply not
 * found again). */
static gboolean
is_one_kind (GPtrArray *statements)
{
  gsize prefix_len;
  char kind;

  if (statements->len == 0)
    return FALSE;
  kind = ((const char *) g_ptr_array_index (statements, 0))[0];
  for (guint i = 0; i < statements->len; i++)
    {
      const char *sql = g_ptr_array_index (statements, i);

      if (sql[0] != kind || !split_statement (sql, &prefix_len))
        return FALSE;
    }
  return TRUE;
}

static gboolean
run_batched (CvnDocument *self,
             GPtrArray   *statements,
             GError     **error)
{
  const guint max_batch = 500;
  guint i = 0;

  /* An import logs its rows table by table interleaved (a school, its membership, the next
   * school ...); grouping them by table lets whole runs be joined. The sort is stable, so rows
   * of one table keep their order. */
  if (is_one_kind (statements))
    g_ptr_array_sort (statements, compare_prefixes);

  while (i < statements->len)
    {
      const char *first = g_ptr_array_index (statements, i);
      g_autoptr (GString) sql = NULL;
      gboolean is_delete;
      gsize prefix_len;
      guint j;

      if (!split_statement (first, &prefix_len))
        {
          if (!cvn_document_exec (self, first, error))
            return FALSE;
          i++;
          continue;
        }

      is_delete = first[0] == 'D';
      sql = g_string_new_len (first, (gssize) prefix_len);
      if (is_delete)
        {
          g_string_truncate (sql, prefix_len - strlen ("="));
          g_string_append (sql, " IN (");
        }
      for (j = i; j < statements->len && j - i < max_batch; j++)
        {
          const char *next = g_ptr_array_index (statements, j);
          gsize next_len;

          if (!split_statement (next, &next_len) || next_len != prefix_len ||
              strncmp (next, first, prefix_len) != 0)
            break;
          if (j > i)
            g_string_append_c (sql, ',');
          g_string_append (sql, next + prefix_len);
        }
      if (is_delete)
        g_string_append_c (sql, ')');
      if (!cvn_document_exec (self, sql->str, error))
        return FALSE;
      i = j;
    }
  return TRUE;
}

/* Pops a step from @from, replays its inverse statements newest first, and pushes the
 * statements that the replay logged onto @to. */
static gboolean
replay (CvnDocument *self,
        GArray      *from,
        GArray      *to,
        GError     **error)
{
  g_autoptr (sqlite3_stmt) select = NULL;
  g_autoptr (GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *delete_sql = NULL;
  UndoStep step;
  gint64 start_seq, end_seq;

  g_return_val_if_fail (self->edit_depth == 0, FALSE);

  if (from->len == 0)
    {
      g_set_error_literal (error, CVN_DOCUMENT_ERROR, CVN_DOCUMENT_ERROR_NOTHING_TO_UNDO,
                           _("There is nothing to undo or redo"));
      return FALSE;
    }
  step = g_array_index (from, UndoStep, from->len - 1);

  select = cvn_document_prepare (self, "SELECT sql FROM temp.undo_log WHERE seq BETWEEN ?1 AND ?2 "
                                       "ORDER BY seq DESC", error);
  if (select == NULL)
    return FALSE;
  sqlite3_bind_int64 (select, 1, step.first_seq);
  sqlite3_bind_int64 (select, 2, step.last_seq);
  while (sqlite3_step (select) == SQLITE_ROW)
    g_ptr_array_add (statements, g_strdup ((const char *) sqlite3_column_text (select, 0)));

  /* Rows come back in the reverse of the order they were changed, so a parent deleted before
   * its children is restored after them: references are checked at commit, not per row. */
  if (!cvn_document_exec (self, "BEGIN IMMEDIATE; PRAGMA defer_foreign_keys = ON", error))
    return FALSE;
  start_seq = last_log_seq (self);
  if (!run_batched (self, statements, error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  end_seq = last_log_seq (self);
  delete_sql = g_strdup_printf ("DELETE FROM temp.undo_log WHERE seq BETWEEN %" G_GINT64_FORMAT
                                " AND %" G_GINT64_FORMAT, step.first_seq, step.last_seq);
  if (!cvn_document_exec (self, delete_sql, error) || !cvn_document_exec (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  {
    UndoStep inverse = { g_steal_pointer (&g_array_index (from, UndoStep, from->len - 1).label),
                         start_seq + 1, end_seq };

    g_array_set_size (from, from->len - 1);
    g_array_append_val (to, inverse);
  }
  changed (self);
  return TRUE;
}

gboolean
cvn_document_undo (CvnDocument *self,
                   GError     **error)
{
  g_return_val_if_fail (CVN_IS_DOCUMENT (self), FALSE);

  return replay (self, self->undo_stack, self->redo_stack, error);
}

gboolean
cvn_document_redo (CvnDocument *self,
                   GError     **error)
{
  g_return_val_if_fail (CVN_IS_DOCUMENT (self), FALSE);

  return replay (self, self->redo_stack, self->undo_stack, error);
}

char *
cvn_document_get_setting (CvnDocument *self,
                          const char  *key,
                          const char  *default_value)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CVN_IS_DOCUMENT (self), NULL);

  stmt = cvn_document_prepare (self, "SELECT value FROM settings WHERE key = ?1", NULL);
  if (stmt == NULL)
    return g_strdup (default_value);
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return g_strdup (default_value);
}

int
cvn_document_get_setting_int (CvnDocument *self,
                              const char  *key,
                              int          default_value)
{
  g_autofree char *value = cvn_document_get_setting (self, key, NULL);
  gint64 parsed;

  if (value == NULL || !g_ascii_string_to_signed (value, 10, G_MININT, G_MAXINT, &parsed, NULL))
    return default_value;
  return (int) parsed;
}

gboolean
cvn_document_set_setting (CvnDocument *self,
                          const char  *key,
                          const char  *value,
                          GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CVN_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->edit_depth > 0, FALSE);

  if (value == NULL)
    stmt = cvn_document_prepare (self, "DELETE FROM settings WHERE key = ?1", error);
  else
    stmt = cvn_document_prepare (self, "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  return cvn_document_step_done (self, stmt, error);
}
