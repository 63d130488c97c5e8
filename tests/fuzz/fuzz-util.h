/* fuzz-util.h — what the libFuzzer targets that import into a document share: the entry
 * points' prototypes, and the one document every input meets.
 *
 * Each target is its own binary, so the document lives in this header's static variables.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cvn-document.h"
#include "cvn-sample.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* The document, in a temporary directory of its own that is removed when the fuzzer exits. */
static CvnDocument *fuzz_document;
static char *fuzz_dir;
static char *fuzz_path;

static void
fuzz_remove_document (void)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&fuzz_document);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (fuzz_path, suffixes[i], NULL);

      g_remove (file);
    }
  g_rmdir (fuzz_dir);
}

/* Makes the document, empty or (@with_sample) holding the sample borough. Inputs are then
 * imported inside an outer edit that is always rolled back, so every input meets the same
 * document without the cost of making a file. */
static void
fuzz_create_document (gboolean with_sample)
{
  g_autoptr (GError) error = NULL;

  /* A critical warning is a bug the fuzzer should stop on. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  fuzz_dir = g_dir_make_tmp ("convenor-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  fuzz_path = g_build_filename (fuzz_dir, "fuzz.convenor", NULL);
  if (with_sample)
    fuzz_document = cvn_sample_create (fuzz_path, &error);
  else
    fuzz_document = cvn_document_create (fuzz_path, &error);
  g_assert_no_error (error);
  atexit (fuzz_remove_document);
}

/* Opens the outer edit an input is imported in. */
static void
fuzz_begin (void)
{
  g_assert_true (cvn_document_begin_edit (fuzz_document, "Fuzz", NULL));
}

/* Rolls the outer edit back, unless the import has already done so on an error. */
static void
fuzz_roll_back (void)
{
  if (cvn_document_in_edit (fuzz_document))
    cvn_document_rollback_edit (fuzz_document);
}
