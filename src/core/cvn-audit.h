/* cvn-audit.h — capacity against need, by expertise area and by part of the local system.
 *
 * An audit looks at one group (a board, an alliance, a cluster) or at the whole document and
 * splits it into sub-areas: the board's tier-2 alliances, an alliance's clusters, a cluster's
 * schools; for the whole document, every tier-2 alliance plus "No alliance". For each
 * expertise area × sub-area it totals the days of capacity offered (badged and unbadged) and
 * counts the needs, keeping the directory entries and establishments behind every figure so a
 * view can drill down. Alongside the matrix come lists of findings: needs nobody can meet,
 * providers committed beyond their offer, stale and self-declared entries, and vulnerable
 * schools without support.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cvn-document.h"
#include "cvn-snapshot.h"

G_BEGIN_DECLS

/* The document setting holding the months after which a review is stale. */
#define CVN_AUDIT_STALE_MONTHS_SETTING "audit.stale-months"
#define CVN_AUDIT_DEFAULT_STALE_MONTHS 12

typedef struct
{
  /* Entries not reviewed for more than this many months are stale; never reviewed counts as
   * stale. 0 means the default, CVN_AUDIT_DEFAULT_STALE_MONTHS. */
  int stale_months;
} CvnAuditOptions;

/* Fills @options from the document's settings ("audit.stale-months"). */
void cvn_audit_options_init_from_document (CvnAuditOptions *options,
                                           CvnDocument     *doc);

typedef enum
{
  CVN_AUDIT_SUB_AREA_GROUP = 0,     /* an alliance, a cluster or another child group */
  CVN_AUDIT_SUB_AREA_SCHOOL,        /* a school of the audited cluster */
  CVN_AUDIT_SUB_AREA_NO_ALLIANCE,   /* whole document: schools in no tier-2 alliance */
} CvnAuditSubAreaKind;

typedef struct
{
  CvnAuditSubAreaKind  kind;
  gint64               id;          /* the group or school; 0 for "No alliance" */
  char                *name;
} CvnAuditSubArea;

typedef struct
{
  gint64  area_id;
  char   *name;
} CvnAuditArea;

typedef struct
{
  double  capacity_days;        /* all strengths: badged + unbadged */
  double  badged_days;          /* holder or holder's school has a current designation */
  double  unbadged_days;
  guint   strength_count;
  guint   need_count;
  GArray *entry_ids;            /* gint64, ascending: the directory entries counted here */
  GArray *establishment_ids;    /* gint64, unique, in the snapshot's (name) order: the schools
                                 * behind the entries (a person's school for a person) */
} CvnAuditCell;

typedef enum
{
  CVN_AUDIT_UNMET_NEED = 0,     /* no provider with days left in that area inside the scope */
  CVN_AUDIT_OVER_COMMITTED,     /* committed days exceed the days offered */
  CVN_AUDIT_STALE,              /* not reviewed for over N months, or never */
  CVN_AUDIT_SELF_DECLARED,      /* still only self-declared */
  CVN_AUDIT_VULNERABLE_UNSUPPORTED, /* risk category set, open, no agreed or active support */
  CVN_AUDIT_N_FINDING_KINDS
} CvnAuditFindingKind;

typedef struct
{
  CvnAuditFindingKind  kind;
  gint64               entry_id;      /* the directory entry, or 0 */
  CvnObjectKind        holder_kind;   /* the school or person the finding is about */
  gint64               holder_id;
  gint64               area_id;       /* 0 for vulnerable schools */
  double               offered_days;  /* over-committed: days offered and committed */
  double               committed_days;
} CvnAuditFinding;

typedef struct
{
  gint64           group_id;         /* 0: the whole document */
  char            *today;
  int              stale_months;
  char            *stale_before;     /* YYYY-MM-DD: reviews before this date are stale */

  guint            n_areas;
  CvnAuditArea    *areas;            /* rows, in the document's order of areas */
  guint            n_sub_areas;
  CvnAuditSubArea *sub_areas;        /* columns */
  CvnAuditCell    *cells;            /* n_areas × n_sub_areas, row by row */
  /* Per area, everything inside the scope counted once, even when a school sits in two
   * sub-areas (and so in two cells of the row). */
  CvnAuditCell    *totals;

  /* CvnAuditFinding, by kind in enum order; within a kind, schools then people, each in
   * name order, then by area. */
  GArray          *findings;
} CvnAudit;

/* Computes the audit of @group_id (0: the whole document) from @snapshot, whose "today"
 * decides which memberships and designations are current. @options may be NULL. Returns
 * NULL, with a critical, only for a @group_id that is not in the snapshot. */
CvnAudit           *cvn_audit_compute     (CvnSnapshot           *snapshot,
                                           gint64                 group_id,
                                           const CvnAuditOptions *options);
void                cvn_audit_free        (CvnAudit              *self);

const CvnAuditCell *cvn_audit_get_cell    (const CvnAudit        *self,
                                           guint                  area_index,
                                           guint                  sub_area_index);
/* The row of an area by id, or -1. */
int                 cvn_audit_find_area   (const CvnAudit        *self,
                                           gint64                 area_id);
/* Stable names of finding kinds for the command line: unmet-need, over-committed, stale,
 * self-declared, vulnerable-unsupported. */
const char         *cvn_audit_finding_kind_to_string (CvnAuditFindingKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CvnAudit, cvn_audit_free)

G_END_DECLS
