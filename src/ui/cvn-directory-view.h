/* cvn-directory-view.h — the directory of strengths and needs as a sortable, filterable table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cvn-model.h"
#include "cvn-window.h"

G_BEGIN_DECLS

#define CVN_TYPE_DIRECTORY_VIEW (cvn_directory_view_get_type ())
G_DECLARE_FINAL_TYPE (CvnDirectoryView, cvn_directory_view, CVN, DIRECTORY_VIEW, GtkWidget)

/* Adds the Directory, Audit and Support pages to @window. The window calls this once, when it
 * has its document. */
void                     cvn_directory_view_install        (CvnWindow        *window);

GtkWidget               *cvn_directory_view_new            (CvnWindow        *window);

/* The rows as the table shows them, filtered and sorted. */
guint                    cvn_directory_view_get_n_rows     (CvnDirectoryView *self);
/* The entry behind a row; valid until the document next changes. */
const CvnDirectoryEntry *cvn_directory_view_get_entry      (CvnDirectoryView *self,
                                                            guint             position);
double                   cvn_directory_view_get_remaining  (CvnDirectoryView *self,
                                                            guint             position);

/* Filters, as the search entry and drop-downs above the table set them. An id of 0 or a
 * NULL/empty string shows everything. */
void                     cvn_directory_view_set_search_text (CvnDirectoryView *self,
                                                             const char       *text);
void                     cvn_directory_view_set_area_filter (CvnDirectoryView *self,
                                                             gint64            area_id);
void                     cvn_directory_view_set_group_filter (CvnDirectoryView *self,
                                                              gint64            group_id);

/* Sorts by a column, as clicking its heading does: "holder", "holder-kind", "area", "kind",
 * "capacity", "remaining", "phase", "priority", "qa-status", "reviewer", "reviewed-on",
 * "evidence". */
void                     cvn_directory_view_sort_by         (CvnDirectoryView *self,
                                                             const char       *column,
                                                             GtkSortType       direction);

/* Selects the row of @entry_id; FALSE when no row shows it (filtered out or gone). */
gboolean                 cvn_directory_view_select_entry    (CvnDirectoryView *self,
                                                             gint64            entry_id);

/* Names for enum values shown in tables and forms; translated. */
const char              *cvn_directory_view_qa_label        (CvnQaStatus          status);
const char              *cvn_directory_view_status_label    (CvnEngagementStatus  status);
/* "School" or "Person". */
const char              *cvn_directory_view_holder_label    (CvnObjectKind        kind);

G_END_DECLS
