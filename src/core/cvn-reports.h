/* cvn-reports.h — the printed reports as plain tables: membership lists, committee
 * representation, the directory by area, the audit matrix and the support-engagement register.
 *
 * A report is data, not drawing: a title, a note, columns, and rows gathered into sections
 * (one per group, committee or area). The same report is written as CSV here in the core and
 * drawn as paginated PDF by src/render/cvn-report-pdf.h, so a spreadsheet and a printout of
 * one report always agree. With hide_people, every person's name and contact details give way
 * to their job title and establishment ("Headteacher, Oakfield Primary School").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cvn-document.h"
#include "cvn-snapshot.h"

G_BEGIN_DECLS

#define CVN_REPORT_ERROR (cvn_report_error_quark ())

typedef enum
{
  CVN_REPORT_ERROR_NO_SUCH_GROUP,
} CvnReportError;

typedef enum
{
  CVN_REPORT_MEMBERSHIP = 0,     /* each group, its members with role and dates */
  CVN_REPORT_REPRESENTATION,     /* each committee against the partnerships it should hear */
  CVN_REPORT_DIRECTORY,          /* strengths and needs, by expertise area */
  CVN_REPORT_AUDIT,              /* capacity against need: areas × sub-areas */
  CVN_REPORT_ENGAGEMENTS,        /* the register of brokered support */
} CvnReportKind;

#define CVN_N_REPORT_KINDS 5

typedef enum
{
  CVN_REPORT_COLUMN_WRAP    = 0,       /* takes a share of the width; long text wraps */
  CVN_REPORT_COLUMN_COMPACT = 1 << 0,  /* dates, days, codes: as wide as its widest cell */
  CVN_REPORT_COLUMN_NUMERIC = 1 << 1,  /* right-aligned */
} CvnReportColumnFlags;

typedef struct
{
  char   *title;
  double  weight;     /* share of the width left over by the compact columns */
  guint   flags;      /* CvnReportColumnFlags */
} CvnReportColumn;

typedef struct
{
  char      *heading;   /* the group, committee or area; NULL for a report's only section */
  char      *detail;    /* a line under the heading ("Learning community, tier 1"), or NULL */
  GPtrArray *rows;      /* char ** of the report's n_columns strings, never NULL */
} CvnReportSection;

typedef struct
{
  CvnReportKind      kind;
  char              *title;
  char              *note;             /* a sentence or two under the title, or NULL */
  char              *section_title;    /* CSV's first column ("Group"); NULL: no sections */
  char              *empty_text;       /* shown for a section without rows ("No members.") */
  guint              n_columns;
  CvnReportColumn   *columns;
  GPtrArray         *sections;         /* CvnReportSection */
  gboolean           prefers_landscape;
  gboolean           people_hidden;
  char              *today;            /* YYYY-MM-DD, from the snapshot */
} CvnReport;

typedef struct
{
  gboolean  hide_people;
  gint64    group_id;     /* audit: the group to audit; 0 for the whole document */
} CvnReportOptions;

GQuark         cvn_report_error_quark       (void);

/* "membership", "representation", "directory", "audit", "engagements": the command line's
 * names. */
const char    *cvn_report_kind_to_string    (CvnReportKind  kind);
gboolean       cvn_report_kind_from_string  (const char    *str,
                                             CvnReportKind *out_kind);
/* A translated title ("Membership lists"). */
const char    *cvn_report_kind_get_title    (CvnReportKind  kind);

void           cvn_report_options_init      (CvnReportOptions *options);

/* Builds report @kind from @snapshot; @options may be NULL. Fails only for an audit of a
 * group that is not in the snapshot. */
CvnReport     *cvn_report_build             (CvnSnapshot            *snapshot,
                                             CvnReportKind           kind,
                                             const CvnReportOptions *options,
                                             GError                **error);
void           cvn_report_free              (CvnReport     *self);

/* The number of rows over every section. */
guint          cvn_report_get_n_rows        (const CvnReport *self);

/* The report as RFC 4180 CSV: a header row, then one row per table row with the section's
 * heading in the first column when the report has sections. Sections without rows are left
 * out: a spreadsheet has no place for "No members.". */
char          *cvn_report_to_csv            (const CvnReport *self);
gboolean       cvn_report_write_csv         (const CvnReport *self,
                                             const char      *path,
                                             GError         **error);

/* How a person appears when personal data is hidden: their job title and establishment
 * ("Headteacher, Oakfield Primary School"), either alone when the other is unknown, or
 * "Name withheld" when both are. */
char          *cvn_report_describe_person_hidden (CvnSnapshot     *snapshot,
                                                  const CvnPerson *person);

/* A person's name, or the hidden description when @hide_people. */
char          *cvn_report_describe_person   (CvnSnapshot     *snapshot,
                                             const CvnPerson *person,
                                             gboolean         hide_people);

/* Committee representation, the one implementation of the rule, shared by the report, the
 * committee-unrepresented check in cvn-checks.c and anyone else who wants to show it. A
 * committee is a live group of kind "committee" or one with a represents field; it should
 * hear from every live group of the kinds it represents (tier-1 groups when it names none)
 * whose phase matches its own. A partnership is represented when a current member of the
 * committee draws on the partnership's reach (cvn-reach.h): is, or works at, a school or
 * person within it (the partnership, its sub-groups and member groups, their member schools
 * and people), or is one of those groups. */
typedef struct
{
  const CvnGroup *committee;
  const CvnGroup *partnership;
  GPtrArray      *representatives;   /* const CvnMembership * of the committee */
} CvnRepresentation;

/* Returns a GPtrArray of CvnRepresentation (it frees them), committee by committee in
 * snapshot order, partnerships in snapshot order within each. */
GPtrArray     *cvn_reports_get_representation (CvnSnapshot *snapshot);
void           cvn_representation_free        (CvnRepresentation *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CvnReport, cvn_report_free)

G_END_DECLS
