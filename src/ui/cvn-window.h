/* cvn-window.h — a document window: the outline of a document beside the details of the
 * selected object.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cvn-details-pane.h"
#include "cvn-document.h"
#include "cvn-renderer.h"
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
 * An object that no row shows (a closed school in no group) is shown in the details pane with
 * no row selected. Returns FALSE when the document has no such object. */
gboolean          cvn_window_select_object     (CvnWindow      *self,
                                                CvnObjectKind   kind,
                                                gint64          id);
/* Selects the first row of each object, all at once (as Ctrl and a click do). */
gboolean          cvn_window_select_objects    (CvnWindow          *self,
                                                const CvnObjectRef *objects,
                                                guint               n_objects);
/* The objects of the selected rows (headings left out), in outline order, each once: a GArray
 * of CvnObjectRef. */
GArray           *cvn_window_get_selected_objects (CvnWindow   *self);

/* Editing, as the window's actions and drag and drop do it. Each is one undoable edit; a
 * failure is shown to the user in a message dialog and FALSE (or 0) returned. */
/* What a drop of a school (or a person) on a group row does: ends its membership of
 * @from_group_id (0 when it came from no group) and adds it to @to_group_id. */
gboolean          cvn_window_move_member       (CvnWindow      *self,
                                                CvnObjectKind   kind,
                                                gint64          id,
                                                gint64          from_group_id,
                                                gint64          to_group_id);
/* Adds @objects to @group_id with @role and says how many in a toast. */
guint             cvn_window_add_to_group      (CvnWindow          *self,
                                                const CvnObjectRef *objects,
                                                guint               n_objects,
                                                gint64              group_id,
                                                CvnRole             role);
/* Deletes @objects; when other things refer to them, first asks in a message dialog that says
 * what goes with them, and returns that dialog (deleting when it is answered). Returns NULL
 * when the objects were deleted (or could not be) at once. */
GtkWidget        *cvn_window_delete_objects    (CvnWindow          *self,
                                                const CvnObjectRef *objects,
                                                guint               n_objects);

/* Search: opens the search bar with @query, as typing it after Ctrl+F does. */
void              cvn_window_search            (CvnWindow      *self,
                                                const char     *query);
/* The results of the current search: CvnOutlineItems, best first. */
GListModel       *cvn_window_get_search_results (CvnWindow     *self);

/* The Checks page: a CvnChecksPage. */
GtkWidget        *cvn_window_get_checks_page   (CvnWindow      *self);

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
