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

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static CvnDocument *doc;
static char *dir;
static char *path;

static const char schools[] =
  "URN,EstablishmentName,LA (name),EstablishmentStatus (name),HeadFirstName,HeadLastName\n"
  "100001,St Thomas \xC3\xA0 Becket Primary School,Wigan,Open,Jane,Smith\n"
  "100002,\"Hindley Green, Community Primary School\",Wigan,Open,Tom,O'Neill\n"
  "100003,Turton High School,Bolton,Open,,\n";

static void
remove_document (void)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&doc);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
  g_rmdir (dir);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CvnGiasSummary) summary = NULL;
  CvnGiasOptions options = { NULL, FALSE, TRUE };

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  dir = g_dir_make_tmp ("fuzz-members-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "fuzz.convenor", NULL);
  doc = cvn_document_create (path, &error);
  g_assert_no_error (error);
  summary = cvn_import_gias_data (doc, "schools.csv", schools, strlen (schools), &options,
                                  &error);
  g_assert_no_error (error);
  atexit (remove_document);
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

  g_assert_true (cvn_document_begin_edit (doc, "Fuzz", NULL));
  ok = cvn_members_csv_import_data (doc, "fuzz.csv", (const char *) data, size, skip_unmatched,
                                    &summary, &error);
  g_assert_true (ok == (error == NULL));
  g_assert_nonnull (summary);
  if (!skip_unmatched && summary->unmatched->len > 0)
    g_assert_false (ok);
  if (cvn_document_in_edit (doc))
    cvn_document_rollback_edit (doc);

  /* Exporting what the import left must always work. */
  if (ok)
    {
      g_autofree char *csv = cvn_members_csv_export_string (doc, &error);

      g_assert_nonnull (csv);
    }
  return 0;
}
