/* cvn-cli-xml.c — convenor-cli export-xml and import-xml
 *
 * export-xml FILE --to OUT.xml writes the lossless XML form of a document (cvn-xml-document.h).
 * import-xml OUT.convenor IN.xml makes a NEW document from it, refusing when OUT.convenor is
 * already there, and prints nothing on success.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "convenor-cli"

#include "config.h"

#include "cvn-cli.h"
#include "cvn-xml-document.h"

#include <glib/gi18n.h>

int
cvn_cli_export_xml (int    argc,
                    char **argv)
{
  g_autoptr (CvnDocument) doc = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *out_path = NULL;
  GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &out_path, N_("The XML file to write"), "OUT.xml" },
    { NULL }
  };

  if (!cvn_cli_parse ("export-xml", "FILE.convenor --to OUT.xml", entries, &argc, &argv))
    return 2;
  if (argc != 2 || out_path == NULL)
    return cvn_cli_fail (_("export-xml: expected one document and --to OUT.xml")) + 1;

  doc = cvn_cli_open (argv[1]);
  if (doc == NULL)
    return 1;
  if (!cvn_xml_document_export (doc, out_path, &error))
    return cvn_cli_fail ("%s", error->message);
  return 0;
}

int
cvn_cli_import_xml (int    argc,
                    char **argv)
{
  g_autoptr (CvnDocument) doc = NULL;
  g_autoptr (GError) error = NULL;

  if (!cvn_cli_parse ("import-xml", "OUT.convenor IN.xml", NULL, &argc, &argv))
    return 2;
  if (argc != 3)
    return cvn_cli_fail (_("import-xml: expected a new document and an XML file, "
                           "OUT.convenor IN.xml")) + 1;

  doc = cvn_xml_document_import (argv[1], argv[2], &error);
  if (doc == NULL)
    return cvn_cli_fail ("%s", error->message);
  return 0;
}
