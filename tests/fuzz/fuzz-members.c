/* fuzz-members.c — libFuzzer target: any bytes as a membership spreadsheet.
 *
 * The document holds a few schools (one with a URN, one without, and a person) so that the
 * matching paths are reached. Each input is imported inside an outer edit that is always
 * rolled back, so every input meets the same document. Odd-length inputs may skip unmatched
 * schools; even-length ones must refuse them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fuzz-members"

#include "config.h"

#include "cvn-import-gias.h"
#include "cvn-members-csv.h"
#include "fuzz-util.h"

#include <string.h>

static const char schools[] =
  "URN,EstablishmentName,LA (name),EstablishmentStatus (name),HeadFirstName,HeadLastName\n"
  "100001,St Thomas \xC3\xA0 Becket Primary School,Wigan,Open,Jane,Smith\n"
  "100002,\"Hindley Green, Community Primary School\",Wigan,Open,Tom,O'Neill\n"
  "100003,Turton High School,Bolton,Open,,\n";

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CvnGiasSummary) summary = NULL;
  CvnGiasOptions options = { NULL, FALSE, TRUE };

  fuzz_create_document (FALSE);
  summary = cvn_import_gias_data (fuzz_document, "schools.csv", schools, strlen (schools),
                                  &options, &error);
  g_assert_no_error (error);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (CvnMembersSummary) summary = NULL;
  g_autoptr (GError) error = NULL;
  gboolean skip_unmatched = (size & 1) != 0;
  gboolean ok;

  fuzz_begin ();
  ok = cvn_members_csv_import_data (fuzz_document, "fuzz.csv", (const char *) data, size,
                                    skip_unmatched, &summary, &error);
  g_assert_true (ok == (error == NULL));
  g_assert_nonnull (summary);
  if (!skip_unmatched && summary->unmatched->len > 0)
    g_assert_false (ok);
  fuzz_roll_back ();

  /* Exporting what the import left must always work. */
  if (ok)
    {
      g_autofree char *csv = cvn_members_csv_export_string (fuzz_document, &error);

      g_assert_nonnull (csv);
    }
  return 0;
}
