/* fuzz-graphml.c — libFuzzer target: any bytes as GraphML.
 *
 * The document holds the sample borough, so that URN and name matching, existing groups and
 * memberships are all reached. Each input is imported inside an outer edit that is always
 * rolled back, so every input meets the same document. When an import succeeds, what it left
 * is exported in both forms and the nested export is imported again: Convenor's own GraphML
 * must always read back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fuzz-graphml"

#include "config.h"

#include "cvn-graphml.h"
#include "cvn-sample.h"
#include "fuzz-util.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_create_document (TRUE);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (CvnGraphmlSummary) summary = NULL;
  g_autoptr (GError) error = NULL;

  fuzz_begin ();
  summary = cvn_graphml_import_data (fuzz_document, "fuzz.graphml", (const char *) data, size,
                                     (size & 1) != 0 ? "graph" : NULL, &error);
  g_assert_true ((summary == NULL) == (error != NULL));

  if (summary != NULL)
    {
      CvnGraphmlExportOptions nested = { FALSE, FALSE, NULL };
      CvnGraphmlExportOptions flat = { TRUE, TRUE, "graph" };
      g_autoptr (GBytes) nested_bytes = cvn_graphml_export_bytes (fuzz_document, &nested, &error);
      g_autoptr (GBytes) flat_bytes = NULL;
      g_autoptr (CvnGraphmlSummary) again = NULL;
      gsize length;
      const char *text;

      g_assert_no_error (error);
      flat_bytes = cvn_graphml_export_bytes (fuzz_document, &flat, &error);
      g_assert_no_error (error);
      text = g_bytes_get_data (nested_bytes, &length);
      again = cvn_graphml_import_data (fuzz_document, "export.graphml", text, length, NULL, &error);
      g_assert_no_error (error);
    }

  fuzz_roll_back ();
  return 0;
}
