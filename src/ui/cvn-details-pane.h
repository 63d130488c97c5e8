/* cvn-details-pane.h — the fields and memberships of the object selected in the outline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cvn-document.h"
#include "cvn-snapshot.h"

G_BEGIN_DECLS

#define CVN_TYPE_DETAILS_PANE (cvn_details_pane_get_type ())
G_DECLARE_FINAL_TYPE (CvnDetailsPane, cvn_details_pane, CVN, DETAILS_PANE, GtkWidget)

GtkWidget     *cvn_details_pane_new        (void);
/* The document the pane's fields edit. Without one the pane only shows. */
void           cvn_details_pane_set_document (CvnDetailsPane *self,
                                              CvnDocument    *document);
/* Shows the object @kind/@id as it is in @snapshot, or the "Nothing selected" page when @kind
 * is CVN_OBJECT_NONE or the object is not in the snapshot. The pane copies what it shows, so
 * @snapshot may be freed afterwards. Its fields edit the object in the pane's document. */
void           cvn_details_pane_show       (CvnDetailsPane *self,
                                            CvnSnapshot    *snapshot,
                                            CvnObjectKind   kind,
                                            gint64          id);
/* Shows that several rows are selected, with what can be done to all of them at once. */
void           cvn_details_pane_show_selection (CvnDetailsPane *self,
                                                guint           n_schools,
                                                guint           n_people,
                                                guint           n_groups);
/* Gives the keyboard focus to the row of @field ("name", "urn", "kind", "tier" ...), as after
 * creating an object, so its name can be typed straight away. */
gboolean       cvn_details_pane_focus_field (CvnDetailsPane *self,
                                             const char     *field);
/* The row that edits @field of the object shown: an AdwEntryRow for text and numbers typed
 * in, an AdwComboRow for the tier, an AdwActionRow with a GtkSwitch, GtkSpinButton or
 * GtkColorButton suffix otherwise; NULL when the object has no such field. */
GtkWidget     *cvn_details_pane_get_field_row (CvnDetailsPane *self,
                                               const char     *field);
/* With nothing in the document there is nothing to select either; the pane says so. */
void           cvn_details_pane_set_document_is_empty (CvnDetailsPane *self,
                                                       gboolean        is_empty);
CvnObjectKind  cvn_details_pane_get_kind   (CvnDetailsPane *self);
gint64         cvn_details_pane_get_id     (CvnDetailsPane *self);

G_END_DECLS
