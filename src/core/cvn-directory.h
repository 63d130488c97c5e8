/* cvn-directory.h — the directory of strengths and needs: seed lists and shared rules.
 *
 * The directory records, per school or person, strengths (with the days of capacity offered
 * per term) and needs in an editable list of expertise areas. These helpers hold the rules
 * that the audit, brokerage, the importer and the views must agree on: what counts as a
 * current designation, what "badged" capacity is, and how much of an offer is still free.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cvn-document.h"
#include "cvn-model.h"
#include "cvn-snapshot.h"

G_BEGIN_DECLS

/* The expertise areas a new directory starts with, in order, NULL-terminated. */
extern const char * const cvn_directory_default_areas[];

/* Adds those of cvn_directory_default_areas that the document lacks, after the existing ones,
 * as one edit ("Add expertise areas"); does nothing when none is missing. Areas are matched by
 * name without regard to case, so a renamed "Send" is not added again as "SEND". */
gboolean cvn_directory_seed_areas             (CvnDocument  *doc,
                                               GError      **error);
/* Adds the national designations (NLE, LLE, NLG, SLE, teaching school hub ...) that the
 * document lacks, matched by code, as one edit; does nothing when none is missing. */
gboolean cvn_directory_seed_designation_types (CvnDocument  *doc,
                                               GError      **error);

/* A designation counts while today is inside its from/until dates. One that has ended stays
 * in the document as history but is no longer current; one not yet begun is neither. */
gboolean cvn_designation_is_current           (const CvnDesignation *designation,
                                               const char           *today);
gboolean cvn_designation_is_expired           (const CvnDesignation *designation,
                                               const char           *today);

/* TRUE when the holder, or the holder's school (a person's establishment), holds a current
 * designation. Capacity counts whether or not it is badged; the audit reports both. */
gboolean cvn_directory_holder_is_badged       (CvnSnapshot   *snapshot,
                                               CvnObjectKind  holder_kind,
                                               gint64         holder_id);

/* The establishment a directory holder belongs to: the school itself, or a person's school
 * (0 when the person has none). */
gint64   cvn_directory_holder_establishment   (CvnSnapshot   *snapshot,
                                               CvnObjectKind  holder_kind,
                                               gint64         holder_id);

/* TRUE for support engagements that hold a provider's days: proposed, agreed or active. */
gboolean cvn_engagement_status_commits_days   (CvnEngagementStatus status);

/* Days offered and committed per (holder, area), computed once from a snapshot so that the
 * audit and brokerage can ask about many holders without rescanning the engagements. */
typedef struct _CvnCapacityLedger CvnCapacityLedger;

CvnCapacityLedger *cvn_capacity_ledger_new       (CvnSnapshot       *snapshot);
void               cvn_capacity_ledger_free      (CvnCapacityLedger *self);
/* Sum of capacity_days of the holder's strengths in @area_id. */
double             cvn_capacity_ledger_offered   (CvnCapacityLedger *self,
                                                  CvnObjectKind      holder_kind,
                                                  gint64             holder_id,
                                                  gint64             area_id);
/* Days of proposed, agreed and active engagements with this provider in @area_id. */
double             cvn_capacity_ledger_committed (CvnCapacityLedger *self,
                                                  CvnObjectKind      holder_kind,
                                                  gint64             holder_id,
                                                  gint64             area_id);
/* offered − committed: what the holder can still give in @area_id (may be negative). */
double             cvn_capacity_ledger_remaining (CvnCapacityLedger *self,
                                                  CvnObjectKind      holder_kind,
                                                  gint64             holder_id,
                                                  gint64             area_id);
/* TRUE when the holder has a need entry in @area_id. */
gboolean           cvn_capacity_ledger_has_need  (CvnCapacityLedger *self,
                                                  CvnObjectKind      holder_kind,
                                                  gint64             holder_id,
                                                  gint64             area_id);
/* Calls @func once per (holder, area) that offers or has committed days. */
typedef void (*CvnCapacityLedgerFunc) (CvnObjectKind holder_kind,
                                       gint64        holder_id,
                                       gint64        area_id,
                                       double        offered,
                                       double        committed,
                                       gpointer      user_data);
void               cvn_capacity_ledger_foreach   (CvnCapacityLedger     *self,
                                                  CvnCapacityLedgerFunc  func,
                                                  gpointer               user_data);

/* Remaining capacity of a strength: capacity_days − days of proposed, agreed and active
 * engagements whose provider is the entry's holder in the entry's area. When a holder has
 * several strengths in one area (unusual), their days are pooled. 0 for a need. This scans
 * the snapshot; use a CvnCapacityLedger when asking about many entries. */
double   cvn_directory_remaining_capacity     (CvnSnapshot             *snapshot,
                                               const CvnDirectoryEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CvnCapacityLedger, cvn_capacity_ledger_free)

G_END_DECLS
