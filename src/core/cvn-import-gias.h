/* cvn-import-gias.h — the DfE "Get Information About Schools" downloads into a document.
 *
 * The establishment file (edubasealldata, ~50,000 rows, ~130 columns, Windows-1252) becomes
 * establishments matched by URN; the groups and group-links files become trusts and
 * federations with their member schools. An import is one edit: it either happens whole or,
 * on any error, leaves the document as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cvn-document.h"

G_BEGIN_DECLS

#define CVN_IMPORT_GIAS_ERROR (cvn_import_gias_error_quark ())

typedef enum
{
  CVN_IMPORT_GIAS_ERROR_MISSING_COLUMN,
  CVN_IMPORT_GIAS_ERROR_BAD_VALUE,
} CvnImportGiasError;

typedef struct
{
  /* Local authorities to import, each a name ("Wigan") or a code ("359"); NULL or empty for
   * all of them. */
  const char * const *local_authorities;
  /* Also add schools that are closed (by default only open ones are added). */
  gboolean            include_closed;
  /* Import head teachers as people linked to their school. They are personal data, so this
   * is off unless asked for. */
  gboolean            with_heads;
} CvnGiasOptions;

/* A school whose GIAS-owned fields changed, and which: "name,phase,location". */
typedef struct
{
  gint64  urn;
  char   *name;
  char   *fields;
} CvnGiasChange;

/* A row (or link) that was not imported, and why. */
typedef struct
{
  char   *file;                 /* base name of the file the row is in */
  guint   line;
  char   *reason;
} CvnGiasSkip;

typedef struct
{
  guint      added;
  guint      changed;
  guint      closed;
  guint      unchanged;
  guint      not_selected;      /* rows left out by the local authority or open-only filter */
  guint      heads_added;
  GArray    *changes;           /* CvnGiasChange, in file order */
  GArray    *closures;          /* CvnGiasChange (fields empty): schools that became closed */
  GArray    *skips;             /* CvnGiasSkip, in file order */
  GPtrArray *unused_local_authorities;  /* filter values that matched no row */

  /* Groups import. */
  guint      groups_added;
  guint      groups_existing;
  guint      memberships_added;
  guint      memberships_existing;
} CvnGiasSummary;

GQuark          cvn_import_gias_error_quark (void);

CvnGiasSummary *cvn_gias_summary_new        (void);
void            cvn_gias_summary_free       (CvnGiasSummary       *self);

/* Imports the establishment CSV at @path into @doc in one edit labelled "Import schools".
 * Establishments already in the document are matched by URN and only the fields GIAS owns
 * (name, phase, type, local authority, religious character, diocese, trust, federation,
 * postcode, location, inspection grade, pupils, open) are updated; everything local is kept.
 * Returns a summary of what changed, or NULL with @error set and the document unchanged. */
CvnGiasSummary *cvn_import_gias             (CvnDocument          *doc,
                                             const char           *path,
                                             const CvnGiasOptions *options,
                                             GError              **error);
/* The same for a file already in memory; @name stands for the file in messages. */
CvnGiasSummary *cvn_import_gias_data        (CvnDocument          *doc,
                                             const char           *name,
                                             const char           *data,
                                             gsize                 length,
                                             const CvnGiasOptions *options,
                                             GError              **error);

/* Imports the "allgroupsdata" and "allgroupslinksdata" files: trusts and federations become
 * groups of kind trust or federation (matched by name and kind on re-import), and each link
 * becomes a membership of the school with that URN. Links to unknown schools, and groups of
 * other types (sponsors), are reported as skipped. */
CvnGiasSummary *cvn_import_gias_groups      (CvnDocument          *doc,
                                             const char           *groups_path,
                                             const char           *links_path,
                                             GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CvnGiasSummary, cvn_gias_summary_free)

G_END_DECLS
