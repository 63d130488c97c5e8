/* cvn-checks-page.h — the Checks page: the structure checks' findings, kept up to date.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cvn-checks.h"

G_BEGIN_DECLS

/* One finding, as the page lists it. */
#define CVN_TYPE_FINDING_ITEM (cvn_finding_item_get_type ())
G_DECLARE_FINAL_TYPE (CvnFindingItem, cvn_finding_item, CVN, FINDING_ITEM, GObject)

const char    *cvn_finding_item_get_code        (CvnFindingItem *self);
/* The check's short title ("School in no cluster"). */
const char    *cvn_finding_item_get_title       (CvnFindingItem *self);
CvnObjectKind  cvn_finding_item_get_object_kind (CvnFindingItem *self);
gint64         cvn_finding_item_get_object_id   (CvnFindingItem *self);
const char    *cvn_finding_item_get_object_name (CvnFindingItem *self);
const char    *cvn_finding_item_get_message     (CvnFindingItem *self);

#define CVN_TYPE_CHECKS_PAGE (cvn_checks_page_get_type ())
G_DECLARE_FINAL_TYPE (CvnChecksPage, cvn_checks_page, CVN, CHECKS_PAGE, GtkWidget)

GtkWidget  *cvn_checks_page_new               (void);
/* Runs the checks over @snapshot with @document's thresholds, in a thread while the caller
 * goes on. The page takes in what they found at cvn_checks_page_finish_update(), or when its
 * findings, or their number, are asked for; @snapshot must not be freed before then (the
 * checks only read it). It lists them at once if it is shown, or else when it is next shown
 * or its findings are asked for, so that an edit made elsewhere pays only for the count. */
void        cvn_checks_page_begin_update      (CvnChecksPage          *self,
                                               CvnSnapshot            *snapshot,
                                               CvnDocument            *document);
/* Waits for the checks begun by cvn_checks_page_begin_update(), if they are still running,
 * and shows what they found. */
void        cvn_checks_page_finish_update     (CvnChecksPage          *self);
/* The findings listed: CvnFindingItems, in the order the checks return them. Lists any that
 * the page, out of sight, has not listed yet. */
GListModel *cvn_checks_page_get_findings      (CvnChecksPage          *self);
/* The number of findings of the last update, listed or not. */
guint       cvn_checks_page_get_n_findings    (CvnChecksPage          *self);
/* Does what clicking the finding at @position does: emits ::finding-activated. */
void        cvn_checks_page_activate_finding  (CvnChecksPage          *self,
                                               guint                   position);

G_END_DECLS
