/* cvn-directory-csv.h — the directory of strengths and needs as a spreadsheet.
 *
 * Columns are found by their header, in any order: holder, holder_kind (school or person),
 * urn, area, kind (strength or need), capacity_days, priority, qa_status (self-declared,
 * peer-reviewed, quality-assured), reviewed_on (YYYY-MM-DD), reviewer, evidence, and the
 * optional phase and notes. Holders are matched by URN, then by exact name; a person may
 * carry the URN of their school to tell apart two people of the same name.
 *
 * Importing is all or nothing: every row is checked first, every problem is reported by line,
 * and only a file without problems is written, as one edit. A row whose holder already has an
 * entry of that kind in that area updates it (so importing the same file twice changes
 * nothing); other rows add entries. Should a holder have several entries of one kind in one
 * area, the Nth such row updates the Nth entry, so an exported directory comes back whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cvn-document.h"
#include "cvn-snapshot.h"

G_BEGIN_DECLS

#define CVN_DIRECTORY_CSV_ERROR (cvn_directory_csv_error_quark ())

typedef enum
{
  CVN_DIRECTORY_CSV_ERROR_HEADER,   /* a required column is missing */
  CVN_DIRECTORY_CSV_ERROR_ROWS,     /* rows that name nothing known or hold bad values */
} CvnDirectoryCsvError;

typedef struct
{
  guint added;
  guint updated;
} CvnDirectoryCsvResult;

GQuark   cvn_directory_csv_error_quark      (void);

/* Imports the spreadsheet at @path into @doc. @result (may be NULL) receives the counts. */
gboolean cvn_directory_csv_import           (CvnDocument            *doc,
                                             const char             *path,
                                             CvnDirectoryCsvResult  *result,
                                             GError                **error);
/* The same for @length bytes at @data; @name stands for the file in messages. */
gboolean cvn_directory_csv_import_data      (CvnDocument            *doc,
                                             const char             *name,
                                             const char             *data,
                                             gsize                   length,
                                             CvnDirectoryCsvResult  *result,
                                             GError                **error);

/* The whole directory of @snapshot as CSV text (UTF-8, CRLF line ends), schools first, then
 * people, each in name order, then by area. */
char    *cvn_directory_csv_export_to_string (CvnSnapshot            *snapshot);
/* Writes the directory of @doc, as it is now, to @path (replacing the file atomically). */
gboolean cvn_directory_csv_export           (CvnDocument            *doc,
                                             const char             *path,
                                             GError                **error);

G_END_DECLS
