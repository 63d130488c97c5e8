/* cvn-model.h — plain structs for the entities of a document.
 *
 * The store reads and writes these; a snapshot holds a whole document of them for readers
 * (checks, audit, layout, drawing, the outline) that want fast, consistent access. Ids are the
 * SQLite rowids; 0 means "none". Strings are never NULL (empty means unknown).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cvn-types.h"

G_BEGIN_DECLS

typedef struct
{
  gint64    id;
  gint64    urn;                 /* 0 when the school has no URN */
  char     *name;
  char     *phase;               /* nursery, primary, secondary, all-through, special, ... */
  char     *type;
  char     *local_authority;
  char     *religious_character;
  char     *diocese;
  char     *trust;
  char     *federation;
  char     *postcode;
  gboolean  has_location;
  double    easting;
  double    northing;
  char     *inspection_grade;
  int       pupils;              /* -1 when unknown */
  gboolean  is_open;
  char     *risk_category;       /* the local authority's own category; empty for none */
  char     *engagement;
  char     *opted_out_reason;    /* set when a school has chosen to be in no cluster */
  char     *colour;
} CvnEstablishment;

typedef struct
{
  gint64  id;
  char   *name;
  char   *job_title;
  char   *email;
  char   *phone;
  gint64  establishment_id;
  char   *colour;
} CvnPerson;

typedef struct
{
  gint64    id;
  char     *code;                /* NLE, LLE, SLE ... */
  char     *name;
  gboolean  for_schools;         /* held by a school (teaching school hub) rather than a person */
  gboolean  system_leader;
} CvnDesignationType;

typedef struct
{
  gint64  id;
  gint64  type_id;
  gint64  person_id;
  gint64  establishment_id;
  char   *from_date;             /* YYYY-MM-DD or empty */
  char   *until_date;
} CvnDesignation;

typedef struct
{
  gint64  id;
  char   *name;
  char   *kind;                  /* cluster, alliance, board, committee ... */
  int     tier;                  /* 1, 2, 3, or 0 for cross-cutting groups */
  gint64  parent_id;
  char   *phase;
  char   *purpose;
  char   *status;
  char   *colour;                /* #rrggbb or empty for the kind's colour */
  char   *represents;            /* committees: comma-separated group kinds to represent */
  int     max_per_organisation;  /* 0: no rule */
  int     seats_per_alliance;    /* 0: no rule */
  char   *seats_per_phase;       /* "primary=3,secondary=2" or empty */
} CvnGroup;

typedef struct
{
  gint64         id;
  gint64         group_id;
  CvnObjectKind  member_kind;
  gint64         member_id;
  CvnRole        role;
  char          *from_date;
  char          *until_date;
} CvnMembership;

typedef struct
{
  gint64  id;
  char   *name;
  int     position;
} CvnExpertiseArea;

typedef struct
{
  gint64            id;
  CvnObjectKind     holder_kind;   /* establishment or person */
  gint64            holder_id;
  gint64            area_id;
  CvnDirectoryKind  kind;
  char             *evidence;
  double            capacity_days; /* strengths: days offered per term */
  char             *phase;
  char             *priority;      /* needs: high, medium, low */
  char             *notes;
  CvnQaStatus       qa_status;
  char             *reviewer;
  char             *reviewed_on;
} CvnDirectoryEntry;

typedef struct
{
  gint64               id;
  CvnObjectKind        provider_kind;
  gint64               provider_id;
  gint64               recipient_id;  /* an establishment */
  gint64               area_id;
  gint64               need_entry_id;
  char                *broker;
  double               days;
  char                *start_date;
  char                *end_date;
  char                *success_criteria;
  CvnEngagementStatus  status;
  char                *impact_notes;
} CvnSupportEngagement;

void cvn_establishment_clear        (CvnEstablishment     *self);
void cvn_person_clear               (CvnPerson            *self);
void cvn_designation_type_clear     (CvnDesignationType   *self);
void cvn_designation_clear          (CvnDesignation       *self);
void cvn_group_clear                (CvnGroup             *self);
void cvn_membership_clear           (CvnMembership        *self);
void cvn_expertise_area_clear       (CvnExpertiseArea     *self);
void cvn_directory_entry_clear      (CvnDirectoryEntry    *self);
void cvn_support_engagement_clear   (CvnSupportEngagement *self);

/* Fills every string with an empty one and every field with its default. */
void cvn_establishment_init         (CvnEstablishment     *self);
void cvn_group_init                 (CvnGroup             *self);

/* Today's date as YYYY-MM-DD, the form every date in a document takes. */
char     *cvn_today                 (void);
/* TRUE when a from/until date range (either may be empty) includes @today. */
gboolean  cvn_date_range_is_current (const char *from_date,
                                     const char *until_date,
                                     const char *today);
/* TRUE for an empty string or a valid YYYY-MM-DD date. */
gboolean  cvn_date_is_valid         (const char *date);

G_END_DECLS
