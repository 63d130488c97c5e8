/* cvn-brokerage.h — who could support a school in an area of need.
 *
 * Following the partnership documents ("look for support locally first, then wider"),
 * candidates are the strengths in the area with days left, nearest in the structure first:
 * a shared cluster, then a shared alliance, then anywhere in the document; then by quality
 * assurance, days left and distance on the map.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cvn-document.h"
#include "cvn-snapshot.h"

G_BEGIN_DECLS

#define CVN_BROKERAGE_ERROR (cvn_brokerage_error_quark ())

typedef enum
{
  CVN_BROKERAGE_ERROR_NOT_FOUND,   /* the school, area or need is not in the document */
  CVN_BROKERAGE_ERROR_INVALID,     /* a need that is not a need, bad days or dates */
} CvnBrokerageError;

typedef enum
{
  CVN_NEARNESS_SAME_CLUSTER = 0,   /* provider and recipient share a current tier-1 group */
  CVN_NEARNESS_SAME_ALLIANCE,      /* ... or a tier-2 group, directly or through a cluster */
  CVN_NEARNESS_WIDER_AREA,         /* anywhere else in the document */
} CvnNearness;

typedef struct
{
  guint max_candidates;            /* 0: all */
} CvnBrokerageOptions;

typedef struct
{
  guint          rank;             /* 1 for the best */
  gint64         entry_id;         /* the provider's strength (the best-assured one) */
  CvnObjectKind  provider_kind;    /* a school or a person */
  gint64         provider_id;
  gint64         provider_school_id; /* the school itself, or the person's school (or 0) */
  char          *provider_name;
  gint64         recipient_id;
  gint64         area_id;
  gint64         need_entry_id;    /* the need being met, or 0 */
  CvnNearness    nearness;
  CvnQaStatus    qa_status;
  double         remaining_days;
  double         distance_km;      /* < 0 when either school has no location */
  gboolean       conflict;         /* same trust or federation as the recipient */
  char          *conflict_reason;  /* "same trust", "same federation", or NULL */
  char          *reason;           /* "same cluster, quality-assured, 6 days left, 2.1 km" */
} CvnBrokerageCandidate;

GQuark                 cvn_brokerage_error_quark      (void);

/* Ranks the candidates to support a need: either @need_entry_id (a need held by a school or
 * by a person at a school), or @school_id with @area_id. Excluded: the recipient itself and
 * people at it, providers with a need of their own in the area, providers with no days left
 * and closed schools. Returns a GPtrArray of CvnBrokerageCandidate (owning them), best first;
 * @options may be NULL. */
GPtrArray             *cvn_brokerage_rank             (CvnSnapshot                 *snapshot,
                                                       gint64                       need_entry_id,
                                                       gint64                       school_id,
                                                       gint64                       area_id,
                                                       const CvnBrokerageOptions   *options,
                                                       GError                     **error);

/* Records @candidate as a proposed support engagement of @days for its recipient, as one
 * edit labelled "Broker support for SCHOOL". @need_entry_id (0: the candidate's) links the
 * need being met. Dates are YYYY-MM-DD or empty. Returns the engagement's id, 0 on error. */
gint64                 cvn_brokerage_record           (CvnDocument                 *doc,
                                                       const CvnBrokerageCandidate *candidate,
                                                       gint64                       need_entry_id,
                                                       double                       days,
                                                       const char                  *broker,
                                                       const char                  *start_date,
                                                       const char                  *end_date,
                                                       const char                  *success_criteria,
                                                       GError                     **error);

const char            *cvn_nearness_to_string         (CvnNearness                  nearness);
CvnBrokerageCandidate *cvn_brokerage_candidate_copy   (const CvnBrokerageCandidate *self);
void                   cvn_brokerage_candidate_free   (CvnBrokerageCandidate       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CvnBrokerageCandidate, cvn_brokerage_candidate_free)

G_END_DECLS
