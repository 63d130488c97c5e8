/* cvn-document.h — one Convenor document: a SQLite file with undoable edits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <sqlite3.h>

#include "cvn-types.h"

G_BEGIN_DECLS

#define CVN_DOCUMENT_ERROR (cvn_document_error_quark ())

typedef enum
{
  CVN_DOCUMENT_ERROR_NOT_A_DOCUMENT,
  CVN_DOCUMENT_ERROR_CORRUPT,
  CVN_DOCUMENT_ERROR_TOO_NEW,
  CVN_DOCUMENT_ERROR_EXISTS,
  CVN_DOCUMENT_ERROR_SQL,
  CVN_DOCUMENT_ERROR_INVALID,
  CVN_DOCUMENT_ERROR_NOTHING_TO_UNDO,
} CvnDocumentError;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

#define CVN_TYPE_DOCUMENT (cvn_document_get_type ())
G_DECLARE_FINAL_TYPE (CvnDocument, cvn_document, CVN, DOCUMENT, GObject)

GQuark        cvn_document_error_quark     (void);

/* Creates a new, empty document at @path; fails if a file is already there. */
CvnDocument  *cvn_document_create          (const char   *path,
                                            GError      **error);
/* Opens an existing document, migrating an older schema. A file that is not a Convenor
 * document, is corrupt, or was written by a newer version is refused and left untouched. */
CvnDocument  *cvn_document_open            (const char   *path,
                                            GError      **error);
const char   *cvn_document_get_path        (CvnDocument  *self);
/* The file name without its extension, for window titles. */
char         *cvn_document_dup_title       (CvnDocument  *self);
sqlite3      *cvn_document_get_db          (CvnDocument  *self);
/* Increases with every committed edit, undo and redo. */
guint64       cvn_document_get_revision    (CvnDocument  *self);

/* Copies the document, as it is now, to a new file at @dest (Save As). */
gboolean      cvn_document_save_copy       (CvnDocument  *self,
                                            const char   *dest,
                                            GError      **error);

/* Edits. Every change to a document happens between begin_edit and commit_edit: one
 * transaction, one undo step named @label. Edits nest; only the outermost commits. */
gboolean      cvn_document_begin_edit      (CvnDocument  *self,
                                            const char   *label,
                                            GError      **error);
gboolean      cvn_document_commit_edit     (CvnDocument  *self,
                                            GError      **error);
void          cvn_document_rollback_edit   (CvnDocument  *self);
gboolean      cvn_document_in_edit         (CvnDocument  *self);

gboolean      cvn_document_can_undo        (CvnDocument  *self);
gboolean      cvn_document_can_redo        (CvnDocument  *self);
const char   *cvn_document_get_undo_label  (CvnDocument  *self);
const char   *cvn_document_get_redo_label  (CvnDocument  *self);
gboolean      cvn_document_undo            (CvnDocument  *self,
                                            GError      **error);
gboolean      cvn_document_redo            (CvnDocument  *self,
                                            GError      **error);

/* SQL helpers that turn SQLite failures into GErrors. */
sqlite3_stmt *cvn_document_prepare         (CvnDocument  *self,
                                            const char   *sql,
                                            GError      **error);
/* Like cvn_document_prepare, but the document keeps the statement for the next call with the
 * same SQL (reset, bindings cleared): for statements run once per row. Do not finalize it. */
sqlite3_stmt *cvn_document_prepare_cached  (CvnDocument  *self,
                                            const char   *sql,
                                            GError      **error);
gboolean      cvn_document_exec            (CvnDocument  *self,
                                            const char   *sql,
                                            GError      **error);
/* Steps @stmt to completion (an INSERT, UPDATE or DELETE). */
gboolean      cvn_document_step_done       (CvnDocument  *self,
                                            sqlite3_stmt *stmt,
                                            GError      **error);
gint64        cvn_document_last_insert_id  (CvnDocument  *self);
void          cvn_document_set_sql_error   (CvnDocument  *self,
                                            GError      **error,
                                            const char   *context);

/* Per-document settings (check thresholds and the like). */
char         *cvn_document_get_setting     (CvnDocument  *self,
                                            const char   *key,
                                            const char   *default_value);
int           cvn_document_get_setting_int (CvnDocument  *self,
                                            const char   *key,
                                            int           default_value);
gboolean      cvn_document_set_setting     (CvnDocument  *self,
                                            const char   *key,
                                            const char   *value,
                                            GError      **error);

G_END_DECLS
