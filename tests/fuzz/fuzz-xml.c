/* fuzz-xml.c — libFuzzer target: any bytes as the lossless XML form of a document.
 *
 * Each input is imported into a new document in memory. When that succeeds, the document is
 * exported, the export imported into another new document and exported again: the two exports
 * must be the same bytes, which is the promise the XML form makes for any document it accepts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fuzz-xml"

#include "config.h"

#include "cvn-xml-document.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (CvnDocument) doc = NULL;
  g_autoptr (CvnDocument) copy = NULL;
  g_autoptr (GBytes) first = NULL;
  g_autoptr (GBytes) second = NULL;
  g_autoptr (GError) error = NULL;
  const char *text;
  gsize length;

  doc = cvn_xml_document_import_data (":memory:", "fuzz.xml", (const char *) data, size, &error);
  g_assert_true ((doc == NULL) == (error != NULL));
  if (doc == NULL)
    return 0;

  first = cvn_xml_document_export_bytes (doc, &error);
  g_assert_no_error (error);
  text = g_bytes_get_data (first, &length);
  copy = cvn_xml_document_import_data (":memory:", "export.xml", text, length, &error);
  g_assert_no_error (error);
  second = cvn_xml_document_export_bytes (copy, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (first, second));
  return 0;
}
