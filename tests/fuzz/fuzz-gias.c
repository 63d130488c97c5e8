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
#include "fuzz-util.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_create_document (FALSE);
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

  fuzz_begin ();
  summary = cvn_import_gias_data (fuzz_document, "fuzz.csv", (const char *) data, size, &options,
                                  &error);
  /* Either a summary or an error that says where, never both or neither. */
  g_assert_true ((summary == NULL) != (error == NULL));
  fuzz_roll_back ();
  return 0;
}
