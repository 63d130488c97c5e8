/* fuzz-gias.c — libFuzzer target: any bytes as a GIAS establishment CSV.
 *
 * Each input is imported into the same document inside an outer edit that is always rolled
 * back, so every input meets a fresh, empty document without the cost of making a file. The
 * input's length picks the options, so filters, closed schools and heads are all reached.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fuzz-gias"

#include "config.h"

#include "cvn-import-gias.h"

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

  /* A critical warning is a bug the fuzzer should stop on. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  dir = g_dir_make_tmp ("fuzz-gias-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "fuzz.convenor", NULL);
  doc = cvn_document_create (path, &error);
  g_assert_no_error (error);
  atexit (remove_document);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char * const local_authorities[] = { "Wigan", "350", NULL };
  g_autoptr (CvnGiasSummary) summary = NULL;
  g_autoptr (GError) error = NULL;
  CvnGiasOptions options = { NULL, FALSE, FALSE };

  options.local_authorities = (size & 1) != 0 ? local_authorities : NULL;
  options.include_closed = (size & 2) != 0;
  options.with_heads = (size & 4) != 0;

  g_assert_true (cvn_document_begin_edit (doc, "Fuzz", NULL));
  summary = cvn_import_gias_data (doc, "fuzz.csv", (const char *) data, size, &options, &error);
  /* Either a summary or an error that says where, never both or neither. */
  g_assert_true ((summary == NULL) != (error == NULL));
  if (cvn_document_in_edit (doc))
    cvn_document_rollback_edit (doc);
  return 0;
}
