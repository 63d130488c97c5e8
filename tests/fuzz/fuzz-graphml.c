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

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static CvnDocument *doc;
static char *dir;
static char *path;

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

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  dir = g_dir_make_tmp ("fuzz-graphml-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "fuzz.convenor", NULL);
  doc = cvn_sample_create (path, &error);
  g_assert_no_error (error);
  atexit (remove_document);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (CvnGraphmlSummary) summary = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (cvn_document_begin_edit (doc, "Fuzz", NULL));
  summary = cvn_graphml_import_data (doc, "fuzz.graphml", (const char *) data, size,
                                     (size & 1) != 0 ? "graph" : NULL, &error);
  g_assert_true ((summary == NULL) == (error != NULL));

  if (summary != NULL)
    {
      CvnGraphmlExportOptions nested = { FALSE, FALSE, NULL };
      CvnGraphmlExportOptions flat = { TRUE, TRUE, "graph" };
      g_autoptr (GBytes) nested_bytes = cvn_graphml_export_bytes (doc, &nested, &error);
      g_autoptr (GBytes) flat_bytes = NULL;
      g_autoptr (CvnGraphmlSummary) again = NULL;
      gsize length;
      const char *text;

      g_assert_no_error (error);
      flat_bytes = cvn_graphml_export_bytes (doc, &flat, &error);
      g_assert_no_error (error);
      text = g_bytes_get_data (nested_bytes, &length);
      again = cvn_graphml_import_data (doc, "export.graphml", text, length, NULL, &error);
      g_assert_no_error (error);
    }

  if (cvn_document_in_edit (doc))
    cvn_document_rollback_edit (doc);
  return 0;
}
