/* cvn-import-dialog.h — File › Import: bringing a register, a spreadsheet or a graph into the
 * document.
 *
 * The dialog chooses a file, guesses what it holds from its header row (or its extension) and
 * lets the user say otherwise, takes the options of a GIAS import, runs the import off the main
 * thread with a Cancel button, and shows what changed. Whatever it imports is one undo step;
 * an import that fails or is cancelled leaves the document as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cvn-window.h"

G_BEGIN_DECLS

typedef enum
{
  CVN_IMPORT_KIND_GIAS_SCHOOLS,   /* the GIAS establishment download */
  CVN_IMPORT_KIND_GIAS_GROUPS,    /* the GIAS groups and group links downloads (two files) */
  CVN_IMPORT_KIND_MEMBERSHIPS,    /* a membership spreadsheet (cvn-members-csv.h) */
  CVN_IMPORT_KIND_DIRECTORY,      /* a directory spreadsheet (cvn-directory-csv.h) */
  CVN_IMPORT_KIND_GRAPHML,        /* GraphML from yEd, Gephi, Cytoscape, networkx */
} CvnImportKind;

typedef enum
{
  CVN_IMPORT_STATE_READY,     /* choosing the file and the options */
  CVN_IMPORT_STATE_RUNNING,   /* the import runs in a worker thread */
  CVN_IMPORT_STATE_ASKING,    /* asking whether to import the rows that did match */
  CVN_IMPORT_STATE_DONE,      /* imported; the summary is shown */
  CVN_IMPORT_STATE_FAILED,    /* failed, cancelled or declined: nothing was imported */
} CvnImportState;

#define CVN_TYPE_IMPORT_DIALOG (cvn_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CvnImportDialog, cvn_import_dialog, CVN, IMPORT_DIALOG, AdwWindow)

/* Reads the start of @path and says what it seems to hold: FALSE when its first line (or its
 * extension) does not tell. A GIAS groups file and a GIAS links file are both
 * CVN_IMPORT_KIND_GIAS_GROUPS, told apart by @out_is_links. */
gboolean          cvn_import_guess_kind                (const char      *path,
                                                        CvnImportKind   *out_kind,
                                                        gboolean        *out_is_links);

/* A dialog over @window that imports into the window's document. */
CvnImportDialog  *cvn_import_dialog_new                (CvnWindow       *window);

/* Chooses the file, as the file chooser does: guesses its kind, and for a GIAS groups or
 * links file puts it in its place and looks beside it for the other one. After an import that
 * ended (done or failed) it starts over. Not while an import runs or asks. */
void              cvn_import_dialog_set_file           (CvnImportDialog *self,
                                                        GFile           *file);
GFile            *cvn_import_dialog_get_file           (CvnImportDialog *self);
/* The second file of a GIAS groups import: the links. */
void              cvn_import_dialog_set_links_file     (CvnImportDialog *self,
                                                        GFile           *file);
GFile            *cvn_import_dialog_get_links_file     (CvnImportDialog *self);
void              cvn_import_dialog_set_kind           (CvnImportDialog *self,
                                                        CvnImportKind    kind);
CvnImportKind     cvn_import_dialog_get_kind           (CvnImportDialog *self);

/* The GIAS options, as the controls show them. @local_authorities is the text of the entry:
 * names or codes separated by commas. */
void              cvn_import_dialog_set_local_authorities (CvnImportDialog *self,
                                                           const char      *local_authorities);
const char       *cvn_import_dialog_get_local_authorities (CvnImportDialog *self);
void              cvn_import_dialog_set_include_closed (CvnImportDialog *self,
                                                        gboolean         include_closed);
void              cvn_import_dialog_set_with_heads     (CvnImportDialog *self,
                                                        gboolean         with_heads);
/* The local authorities the file holds, "Name (code)" in name order, once the dialog has read
 * them in the background (NULL before that, and for files that are not GIAS establishments). */
GPtrArray        *cvn_import_dialog_get_file_local_authorities (CvnImportDialog *self);

/* Starts the import, as the Import button does. Returns FALSE (and does nothing) when the
 * dialog is not ready: no file, or an import already running. ::finished follows. */
gboolean          cvn_import_dialog_start              (CvnImportDialog *self);
/* Cancels a running import, as the Cancel button does; the document is left as it was. */
void              cvn_import_dialog_cancel             (CvnImportDialog *self);
CvnImportState    cvn_import_dialog_get_state          (CvnImportDialog *self);

/* What the summary page shows, one line a row: "Schools added: 9", and a detail row under it
 * indented by two spaces. NULL unless the state is DONE. */
char             *cvn_import_dialog_dup_summary_text   (CvnImportDialog *self);
/* What the failure page says (the importer's error, naming the file and line). NULL unless the
 * state is FAILED. */
const char       *cvn_import_dialog_get_failure        (CvnImportDialog *self);
/* The message dialog that asks whether to import the rows of a membership spreadsheet that
 * matched (an AdwMessageDialog with the responses "cancel" and "import"), while the state is
 * ASKING; NULL otherwise. */
GtkWidget        *cvn_import_dialog_get_question       (CvnImportDialog *self);

/* win.import (Ctrl+I), installed on CvnWindow's class: opens the dialog. */
void              cvn_import_dialog_install_actions    (GtkWidgetClass  *widget_class);

G_END_DECLS
