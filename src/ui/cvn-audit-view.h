/* cvn-audit-view.h — capacity against need for a part of the local system: the heat map and
 * the lists of what needs attention.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cvn-audit.h"
#include "cvn-window.h"

G_BEGIN_DECLS

#define CVN_TYPE_AUDIT_VIEW (cvn_audit_view_get_type ())
G_DECLARE_FINAL_TYPE (CvnAuditView, cvn_audit_view, CVN, AUDIT_VIEW, GtkWidget)

GtkWidget      *cvn_audit_view_new                 (CvnWindow    *window);

/* Audits @group_id (0: the whole document), as choosing it in the drop-down does. */
void            cvn_audit_view_set_group           (CvnAuditView *self,
                                                    gint64        group_id);
gint64          cvn_audit_view_get_group           (CvnAuditView *self);
/* The audit shown now; replaced whenever the document or the group changes. */
const CvnAudit *cvn_audit_view_get_audit           (CvnAuditView *self);
/* The heat map's cells (CvnHeatmapCell) in the drawing area's coordinates. */
GArray         *cvn_audit_view_get_cells           (CvnAuditView *self);

/* Drills down into the cell under (@x, @y) of the heat map, as a click does: a popover lists
 * the schools behind it. Returns FALSE when no cell is there. */
gboolean        cvn_audit_view_activate_point      (CvnAuditView *self,
                                                    double        x,
                                                    double        y);
/* The schools the drill-down popover lists (gint64 establishment ids), empty when closed. */
GArray         *cvn_audit_view_get_drill_down      (CvnAuditView *self);
/* Selects the @index-th school of the drill-down in the window's outline, as clicking it
 * does, and closes the popover. */
gboolean        cvn_audit_view_activate_drill_down (CvnAuditView *self,
                                                    guint         index);

G_END_DECLS
