/* cvn-export-dialog.h — exporting a view to PDF, SVG or PNG.
 *
 * The dialog chooses the view, the part of it (the whole document or one group), the format,
 * paper size and orientation, a poster's sheets, the resolution of a PNG, and whether to
 * hide personal data; then asks for a file with a GtkFileChooserNative and writes it through
 * cvn_export_view(), the same path as `convenor-cli export`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cvn-document.h"
#include "cvn-page.h"

G_BEGIN_DECLS

#define CVN_TYPE_EXPORT_DIALOG (cvn_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CvnExportDialog, cvn_export_dialog, CVN, EXPORT_DIALOG, AdwWindow)

/* A dialog over @parent for @document, opening on @view of @group_id (0: the whole
 * document). */
CvnExportDialog *cvn_export_dialog_new         (GtkWindow              *parent,
                                                CvnDocument            *document,
                                                CvnView                 view,
                                                gint64                  group_id);
CvnDocument     *cvn_export_dialog_get_document (CvnExportDialog       *self);

/* What the dialog's controls say now. */
void             cvn_export_dialog_get_options (CvnExportDialog        *self,
                                                CvnExportOptions       *options,
                                                CvnExportFormat        *format);
/* Sets the controls; a group that is not in the document selects the whole document. */
void             cvn_export_dialog_set_options (CvnExportDialog        *self,
                                                const CvnExportOptions *options,
                                                CvnExportFormat         format);

/* The file name the file chooser suggests: "Kingsmere – Structure.pdf". */
char            *cvn_export_dialog_dup_suggested_name (CvnExportDialog *self);

/* Writes the export to @path as the controls say, adding the format's extension when @path
 * has none of .pdf, .svg or .png; emits ::exported on success. This is what the Export button
 * does once a file is chosen. */
gboolean         cvn_export_dialog_export_to   (CvnExportDialog        *self,
                                                const char             *path,
                                                GError                **error);

/* win.export, installed by CvnWindow: opens the dialog on the view the window shows (the
 * structure when its visible page is not one of the views), and says in a toast what was
 * written. */
void             cvn_export_dialog_window_action (GtkWidget            *widget,
                                                  const char           *action_name,
                                                  GVariant             *parameter);

G_END_DECLS
