/* cvn-designation-dialog.h — adding a designation to a school or person, or changing its
 * dates, and adding to the document's list of designation types.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cvn-document.h"
#include "cvn-snapshot.h"

G_BEGIN_DECLS

#define CVN_TYPE_DESIGNATION_DIALOG (cvn_designation_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CvnDesignationDialog, cvn_designation_dialog,
                      CVN, DESIGNATION_DIALOG, AdwWindow)

/* A dialog over @parent adding a designation to the school or person @holder_kind/@holder_id,
 * or, when @designation_id is not 0, editing that designation's type and dates. The choices
 * are copied from @snapshot, which may be freed afterwards; only the designation types held
 * by that kind of holder (for_schools) are offered. */
CvnDesignationDialog *cvn_designation_dialog_new        (GtkWindow             *parent,
                                                         CvnDocument           *document,
                                                         CvnSnapshot           *snapshot,
                                                         CvnObjectKind          holder_kind,
                                                         gint64                 holder_id,
                                                         gint64                 designation_id);
/* How many designation types the dialog offers, and choosing one by id (FALSE when it is
 * not offered). */
guint                 cvn_designation_dialog_get_n_types (CvnDesignationDialog *self);
gboolean              cvn_designation_dialog_select_type (CvnDesignationDialog *self,
                                                          gint64                type_id);
/* Fills the date rows; YYYY-MM-DD or empty (not recorded). */
void                  cvn_designation_dialog_set_dates   (CvnDesignationDialog *self,
                                                          const char           *from_date,
                                                          const char           *until_date);
/* Writes the form as one edit ("Add NLE to Priya Shah", "Edit Dates of NLE of Priya Shah"),
 * as the Add/Save button does, without closing the dialog. Returns the designation's id, or 0
 * with @error set when the form is incomplete or the store refuses it. */
gint64                cvn_designation_dialog_commit      (CvnDesignationDialog *self,
                                                          GError              **error);
/* Adds a designation type to the document as one edit ("Add Designation Type SLE"), as the
 * New Type rows do, and offers and chooses it when this holder can hold it. @name may be empty
 * (the code stands for it). Returns the type's id, or 0 with @error set (no code, or a code
 * the document already has). */
gint64                cvn_designation_dialog_add_type    (CvnDesignationDialog *self,
                                                          const char           *code,
                                                          const char           *name,
                                                          gboolean              for_schools,
                                                          gboolean              system_leader,
                                                          GError              **error);

/* Ends a designation as of @snapshot's today, as one edit ("End LLE of Priya Shah"): its until
 * date becomes yesterday, so it stops counting at once and stays as history. One that began
 * today or has not begun never took effect and is removed instead, as ending a membership
 * does. A designation that has already ended is refused. */
gboolean              cvn_designation_end                (CvnDocument          *document,
                                                          CvnSnapshot          *snapshot,
                                                          gint64                designation_id,
                                                          GError              **error);
/* Removes a designation record altogether, as one edit ("Delete LLE of Priya Shah"). */
gboolean              cvn_designation_delete             (CvnDocument          *document,
                                                          CvnSnapshot          *snapshot,
                                                          gint64                designation_id,
                                                          GError              **error);

G_END_DECLS
