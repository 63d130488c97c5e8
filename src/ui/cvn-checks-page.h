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
/* Runs the checks over @snapshot with @settings (NULL for the defaults) and lists what they
 * find. Cheap enough to call after every edit. */
void        cvn_checks_page_update            (CvnChecksPage          *self,
                                               CvnSnapshot            *snapshot,
                                               const CvnCheckSettings *settings);
/* The findings listed: CvnFindingItems, in the order the checks return them. */
GListModel *cvn_checks_page_get_findings      (CvnChecksPage          *self);
guint       cvn_checks_page_get_n_findings    (CvnChecksPage          *self);
/* Does what clicking the finding at @position does: emits ::finding-activated. */
void        cvn_checks_page_activate_finding  (CvnChecksPage          *self,
                                               guint                   position);

G_END_DECLS
