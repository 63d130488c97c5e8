/* cvn-window-private.h — the CvnWindow struct, shared by the files the window is split into:
 * cvn-window.c (the outline, reloading, the pages), cvn-window-actions.c (editing: new,
 * delete, undo and redo, add to group, drag and drop, the checks page) and
 * cvn-window-search.c (the search bar and its results).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cvn-window.h"

G_BEGIN_DECLS

struct _CvnWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwViewSwitcherTitle *window_title;
  GtkPaned             *content_paned;
  AdwViewStack         *main_stack;
  AdwToastOverlay      *toast_overlay;
  GtkPaned             *paned;
  GtkStack             *sidebar_stack;
  GtkListView          *outline_view;
  CvnDetailsPane       *details_pane;
  GMenu                *recent_menu;
  GMenu                *edit_section;
  GtkButton            *undo_button;
  GtkButton            *redo_button;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkListView          *results_view;

  CvnDocument          *document;
  gboolean              is_sample;
  /* The document as last loaded; the outline built from it owns it. */
  CvnSnapshot          *snapshot;
  GListStore           *outline;
  GtkTreeListModel     *tree;
  GtkMultiSelection    *selection;
  GSettings            *settings;

  /* An object shown in the details pane that no outline row shows (a closed school in no
   * group, found by searching); kept so a reload shows it again. */
  CvnObjectKind         shown_kind;
  gint64                shown_id;

  /* Set while the outline is being replaced, so the details pane is updated once at the end
   * rather than for every intermediate selection. */
  gboolean              rebuilding;

  /* Search results: CvnOutlineItems, rebuilt as the query changes. */
  GListStore           *search_results;
  GtkSingleSelection   *search_selection;

  /* The Checks page and its place in the view stack (for the badge). */
  GtkWidget            *checks_page;
  AdwViewStackPage     *checks_stack_page;

  /* The outline's context menu, shared by its rows. */
  GtkWidget            *outline_menu;
};

/* cvn-window.c */
void      cvn_window_reload_now               (CvnWindow     *self);

/* cvn-window-actions.c */
void      cvn_window_actions_class_init       (GtkWidgetClass *widget_class);
void      cvn_window_actions_init             (CvnWindow     *self);
void      cvn_window_actions_constructed      (CvnWindow     *self);
void      cvn_window_actions_dispose          (CvnWindow     *self);
/* Follows the document's undo and redo stacks: enables the actions and names them in the
 * menu and the tooltips. */
void      cvn_window_update_edit_actions      (CvnWindow     *self);
/* Starts the checks over the snapshot just loaded, to run while the window rebuilds the rest
 * from it; the Checks page and its badge take in what they found when the window has
 * reloaded. */
void      cvn_window_begin_checks             (CvnWindow     *self);
/* Adds drag and drop, and the context menu, to an outline row's widget. */
void      cvn_window_setup_outline_row        (CvnWindow     *self,
                                               GtkListItem   *list_item,
                                               GtkWidget     *widget);

/* cvn-window-search.c */
void      cvn_window_search_class_init        (GtkWidgetClass *widget_class);
void      cvn_window_search_init              (CvnWindow     *self);
void      cvn_window_search_dispose           (CvnWindow     *self);
/* Runs the query again over the new snapshot. */
void      cvn_window_search_refresh           (CvnWindow     *self);

G_END_DECLS
