/* cvn-broker-dialog.h — finding and recording support for a need.
 *
 * The dialog lists the candidates cvn_brokerage_rank() finds, best first, each with the
 * reason for its place; choosing one opens a short form (days, dates, broker, success
 * criteria) that records a proposed support engagement as one edit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cvn-brokerage.h"
#include "cvn-window.h"

G_BEGIN_DECLS

#define CVN_TYPE_BROKER_DIALOG (cvn_broker_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CvnBrokerDialog, cvn_broker_dialog, CVN, BROKER_DIALOG, AdwWindow)

/* Support for the need @need_entry_id, or (when it is 0) for @school_id in @area_id. */
CvnBrokerDialog             *cvn_broker_dialog_new            (CvnWindow        *window,
                                                               gint64            need_entry_id,
                                                               gint64            school_id,
                                                               gint64            area_id);

guint                        cvn_broker_dialog_get_n_candidates (CvnBrokerDialog *self);
const CvnBrokerageCandidate *cvn_broker_dialog_get_candidate  (CvnBrokerDialog  *self,
                                                               guint             index);

/* Opens the form for candidate @index, as clicking its row does. */
void                         cvn_broker_dialog_choose         (CvnBrokerDialog  *self,
                                                               guint             index);
/* Fills the form; NULL strings leave a field as it is. */
void                         cvn_broker_dialog_set_form       (CvnBrokerDialog  *self,
                                                               double            days,
                                                               const char       *broker,
                                                               const char       *start_date,
                                                               const char       *end_date,
                                                               const char       *success_criteria);
/* Records the chosen candidate with the form's values, as the Record button does, without
 * closing the dialog. Returns the new engagement's id, or 0 with @error set. */
gint64                       cvn_broker_dialog_commit         (CvnBrokerDialog  *self,
                                                               GError          **error);

G_END_DECLS
