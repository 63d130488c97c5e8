/* cvn-engagements-view.h — the register of brokered school-to-school support.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cvn-model.h"
#include "cvn-window.h"

G_BEGIN_DECLS

#define CVN_TYPE_ENGAGEMENTS_VIEW (cvn_engagements_view_get_type ())
G_DECLARE_FINAL_TYPE (CvnEngagementsView, cvn_engagements_view, CVN, ENGAGEMENTS_VIEW, GtkWidget)

GtkWidget                  *cvn_engagements_view_new        (CvnWindow          *window);

/* The rows as the table shows them, filtered and sorted. */
guint                       cvn_engagements_view_get_n_rows (CvnEngagementsView *self);
/* The engagement behind a row; valid until the document next changes. */
const CvnSupportEngagement *cvn_engagements_view_get_engagement (CvnEngagementsView *self,
                                                                 guint               position);

/* Changes the status of engagement @id as one edit, as the status drop-down in its row
 * does. */
gboolean                    cvn_engagements_view_set_status (CvnEngagementsView  *self,
                                                             gint64               id,
                                                             CvnEngagementStatus  status,
                                                             GError             **error);

G_END_DECLS
