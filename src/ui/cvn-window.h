/* cvn-window.h — a document window: the outline of a document beside the details of the
 * selected object.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cvn-details-pane.h"
#include "cvn-document.h"
#include "cvn-snapshot.h"

G_BEGIN_DECLS

#define CVN_TYPE_WINDOW (cvn_window_get_type ())
G_DECLARE_FINAL_TYPE (CvnWindow, cvn_window, CVN, WINDOW, AdwApplicationWindow)

/* @application may be NULL (tests); @is_sample marks a working copy of the sample borough,
 * which the header bar says instead of showing the file's path. */
CvnWindow        *cvn_window_new               (GtkApplication *application,
                                                CvnDocument    *document,
                                                gboolean        is_sample);
CvnDocument      *cvn_window_get_document      (CvnWindow      *self);
gboolean          cvn_window_get_is_sample     (CvnWindow      *self);
/* The snapshot the window shows now; it is replaced (and the old one freed) whenever the
 * document changes, so do not keep it. */
CvnSnapshot      *cvn_window_get_snapshot      (CvnWindow      *self);
/* The outline as the list view shows it: GtkTreeListRows over CvnOutlineItems. */
GtkTreeListModel *cvn_window_get_outline_model (CvnWindow      *self);
CvnDetailsPane   *cvn_window_get_details_pane  (CvnWindow      *self);

/* Expands the outline down to the first row that shows @kind/@id, selects it and scrolls to it.
 * Returns FALSE when no row shows that object. */
gboolean          cvn_window_select_object     (CvnWindow      *self,
                                                CvnObjectKind   kind,
                                                gint64          id);

/* Writes a copy of the document to @destination and tells the user with a toast. Refuses to
 * write over the document itself. This is what win.save-as does once a file is chosen. */
gboolean          cvn_window_save_copy         (CvnWindow      *self,
                                                GFile          *destination,
                                                GError        **error);

void              cvn_window_add_toast         (CvnWindow      *self,
                                                AdwToast       *toast);
/* Shows @error in a message dialog over the window, headed by @heading. */
void              cvn_window_show_error        (CvnWindow      *self,
                                                const char     *heading,
                                                const GError   *error);

/* Adds a page to the middle of the window (the canvas views, the directory, the audit, the
 * checks ...); the header bar's view switcher offers every page. Feature code calls this
 * from its own file instead of editing the window's template. */
AdwViewStackPage *cvn_window_add_page          (CvnWindow      *self,
                                                const char     *name,
                                                const char     *title,
                                                const char     *icon_name,
                                                GtkWidget      *page);
void              cvn_window_show_page         (CvnWindow      *self,
                                                const char     *name);
const char       *cvn_window_get_visible_page  (CvnWindow      *self);

G_END_DECLS
