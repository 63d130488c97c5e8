/* cvn-details-pane.h — the fields and memberships of the object selected in the outline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cvn-snapshot.h"

G_BEGIN_DECLS

#define CVN_TYPE_DETAILS_PANE (cvn_details_pane_get_type ())
G_DECLARE_FINAL_TYPE (CvnDetailsPane, cvn_details_pane, CVN, DETAILS_PANE, GtkWidget)

GtkWidget     *cvn_details_pane_new        (void);
/* Shows the object @kind/@id as it is in @snapshot, or the "Nothing selected" page when @kind
 * is CVN_OBJECT_NONE or the object is not in the snapshot. The pane copies what it shows, so
 * @snapshot may be freed afterwards. */
void           cvn_details_pane_show       (CvnDetailsPane *self,
                                            CvnSnapshot    *snapshot,
                                            CvnObjectKind   kind,
                                            gint64          id);
/* With nothing in the document there is nothing to select either; the pane says so. */
void           cvn_details_pane_set_document_is_empty (CvnDetailsPane *self,
                                                       gboolean        is_empty);
CvnObjectKind  cvn_details_pane_get_kind   (CvnDetailsPane *self);
gint64         cvn_details_pane_get_id     (CvnDetailsPane *self);

G_END_DECLS
