/* cvn-canvas-page.h — the Diagram page: the structure, graph and map views of the document on
 * an interactive canvas, with its view switcher, zoom buttons and filters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cvn-canvas.h"
#include "cvn-layout.h"
#include "cvn-window.h"

G_BEGIN_DECLS

#define CVN_TYPE_CANVAS_PAGE (cvn_canvas_page_get_type ())
G_DECLARE_FINAL_TYPE (CvnCanvasPage, cvn_canvas_page, CVN, CANVAS_PAGE, GtkWidget)

/* Adds the Diagram page to @window as its first page, and the window actions it brings
 * (win.present, F5). @outline_selection is the selection of the window's outline, which the
 * canvas follows and drives. */
void           cvn_canvas_page_install         (CvnWindow         *window,
                                                GtkSelectionModel *outline_selection);
/* The page cvn_canvas_page_install() added to @window, or NULL. */
CvnCanvasPage *cvn_canvas_page_get_for_window  (CvnWindow         *window);

CvnCanvas     *cvn_canvas_page_get_canvas      (CvnCanvasPage     *self);
CvnView        cvn_canvas_page_get_view        (CvnCanvasPage     *self);
/* Shows another view; remembered in GSettings (org.convenor.Convenor view). */
void           cvn_canvas_page_set_view        (CvnCanvasPage     *self,
                                                CvnView            view);

/* Filters: a phase name or NULL for all; a tier (0-3) or -1 for all; group kinds, a
 * NULL-terminated list or NULL for all. */
void           cvn_canvas_page_set_filters     (CvnCanvasPage     *self,
                                                const char        *phase,
                                                int                tier,
                                                const char * const *group_kinds);

/* Drops the canvas's node @index where it is now: saves the place, pinned, as one undoable
 * edit named after the object ("Move St Anne's Primary"). This is what a drag's release
 * does. */
gboolean       cvn_canvas_page_save_node_position (CvnCanvasPage  *self,
                                                   guint           index,
                                                   GError        **error);

/* Creates a group called @name of @kind with the selected schools as members: one edit.
 * Returns the new group's id, or 0 with @error set. */
gint64         cvn_canvas_page_create_group_from_selection (CvnCanvasPage  *self,
                                                            const char     *name,
                                                            const char     *kind,
                                                            GError        **error);

/* Lays the graph out afresh (pinned nodes stay) and saves it, as one undoable edit. */
gboolean       cvn_canvas_page_arrange_afresh  (CvnCanvasPage     *self,
                                                GError           **error);

/* Presentation mode: a full-screen window showing the current view. Returns it (owned by
 * GTK, like any toplevel), or NULL when there is nothing to show. */
GtkWidget     *cvn_canvas_page_present         (CvnCanvasPage     *self);
/* The presentation window open now, or NULL. */
GtkWidget     *cvn_canvas_page_get_presentation (CvnCanvasPage    *self);

G_END_DECLS
