/* cvn-members-csv.h — the membership spreadsheet a committee already keeps, in and out.
 *
 * One row per membership, columns found by header name: group, group_kind, tier, parent_group,
 * member, member_kind (school, person or group), urn, role, from, until. Only group and member
 * are required; other columns are ignored. Export writes the same columns, so exporting and
 * importing into a copy reproduces the memberships.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cvn-document.h"

G_BEGIN_DECLS

#define CVN_MEMBERS_CSV_ERROR (cvn_members_csv_error_quark ())

typedef enum
{
  CVN_MEMBERS_CSV_ERROR_MISSING_COLUMN,
  CVN_MEMBERS_CSV_ERROR_BAD_VALUE,
  /* Some rows name schools the document does not have, and skipping them was not allowed. */
  CVN_MEMBERS_CSV_ERROR_UNMATCHED,
} CvnMembersCsvError;

/* A row that was not imported: its line and why. */
typedef struct
{
  guint  line;
  char  *reason;
} CvnMembersProblem;

typedef struct
{
  guint   groups_created;
  guint   people_created;
  guint   memberships_added;
  guint   memberships_existing;   /* rows that were already memberships of the document */
  GArray *unmatched;              /* CvnMembersProblem: schools not in the document */
  GArray *skipped;                /* CvnMembersProblem: rows without a group or member */
} CvnMembersSummary;

GQuark             cvn_members_csv_error_quark   (void);

void               cvn_members_summary_free      (CvnMembersSummary  *self);

/* Imports the membership spreadsheet at @path into @doc in one edit. Members are matched by
 * URN first, then by exact name. A group named in `group`, `parent_group` or as a member is
 * created when the document has none of that name; so is a person. A school must already be
 * there: when some are not, nothing is imported (CVN_MEMBERS_CSV_ERROR_UNMATCHED) unless
 * @skip_unmatched, which imports the other rows. A row that is already a membership is not
 * added twice. @out_summary, when given, is set whether or not the import succeeded, so the
 * caller can list the unmatched rows of a refused import. */
gboolean           cvn_members_csv_import        (CvnDocument        *doc,
                                                  const char         *path,
                                                  gboolean            skip_unmatched,
                                                  CvnMembersSummary **out_summary,
                                                  GError            **error);
/* The same for a file already in memory; @name stands for the file in messages. */
gboolean           cvn_members_csv_import_data   (CvnDocument        *doc,
                                                  const char         *name,
                                                  const char         *data,
                                                  gsize               length,
                                                  gboolean            skip_unmatched,
                                                  CvnMembersSummary **out_summary,
                                                  GError            **error);

/* Every membership of @doc as UTF-8 CSV (RFC 4180 quoting, CRLF), with a header row and one
 * row per membership sorted by group name, then member name. */
char              *cvn_members_csv_export_string (CvnDocument        *doc,
                                                  GError            **error);
gboolean           cvn_members_csv_export        (CvnDocument        *doc,
                                                  const char         *path,
                                                  GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CvnMembersSummary, cvn_members_summary_free)

G_END_DECLS
