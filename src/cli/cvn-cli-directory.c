/* cvn-cli-directory.c — the directory of strengths and needs as a spreadsheet:
 *
 *   convenor-cli import-directory FILE.convenor DIR.csv
 *   convenor-cli export-directory FILE.convenor --to OUT.csv
 *
 * Importing is all or nothing: a file with any unmatched or invalid row changes nothing and
 * the one-line error names every problem by line. On success it prints
 * "added<TAB>N" and "updated<TAB>N". The column layout is described in cvn-directory-csv.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "convenor-cli"

#include "config.h"

#include "cvn-cli.h"
#include "cvn-directory-csv.h"

#include <glib/gi18n.h>
#include <stdio.h>

int
cvn_cli_import_directory (int    argc,
                          char **argv)
{
  g_autoptr (CvnDocument) doc = NULL;
  g_autoptr (GError) error = NULL;
  CvnDirectoryCsvResult result = { 0 };

  if (!cvn_cli_parse ("import-directory", "FILE.convenor DIR.csv", NULL, &argc, &argv))
    return 2;
  if (argc != 3)
    return cvn_cli_fail (_("import-directory: expected a document and a spreadsheet, "
                           "FILE.convenor DIR.csv")) + 1;

  doc = cvn_cli_open (argv[1]);
  if (doc == NULL)
    return 1;
  if (!cvn_directory_csv_import (doc, argv[2], &result, &error))
    return cvn_cli_fail ("%s", error->message);
  printf ("added\t%u\nupdated\t%u\n", result.added, result.updated);
  return 0;
}

int
cvn_cli_export_directory (int    argc,
                          char **argv)
{
  g_autoptr (CvnDocument) doc = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *to = NULL;
  GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &to, N_("Write the spreadsheet here"), N_("OUT.csv") },
    { NULL }
  };

  if (!cvn_cli_parse ("export-directory", "FILE.convenor --to OUT.csv", entries, &argc, &argv))
    return 2;
  if (argc != 2 || to == NULL)
    return cvn_cli_fail (_("export-directory: expected a document and --to OUT.csv")) + 1;

  doc = cvn_cli_open (argv[1]);
  if (doc == NULL)
    return 1;
  if (!cvn_directory_csv_export (doc, to, &error))
    return cvn_cli_fail ("%s", error->message);
  return 0;
}
