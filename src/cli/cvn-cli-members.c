/* cvn-cli-members.c — convenor-cli import-members and export-members
 *
 * import-members FILE.convenor MEMBERS.csv [--skip-unmatched] prints groups-created,
 * people-created, memberships-added, memberships-existing, unmatched and skipped as
 * "name<TAB>count" lines, then "unmatched<TAB>LINE<TAB>REASON" and "skipped<TAB>LINE<TAB>REASON"
 * lines. When rows name schools the document does not have, it imports nothing, lists them,
 * and exits with status 1, unless --skip-unmatched says to import the other rows.
 *
 * export-members FILE.convenor --to OUT.csv writes every membership, one row each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "convenor-cli"

#include "config.h"

#include "cvn-cli.h"
#include "cvn-members-csv.h"

#include <glib/gi18n.h>
#include <stdio.h>

static void
print_problems (const char *label,
                GArray     *problems)
{
  for (guint i = 0; i < problems->len; i++)
    {
      const CvnMembersProblem *problem = &g_array_index (problems, CvnMembersProblem, i);
      g_autofree char *reason = g_strdup (problem->reason);

      g_strdelimit (reason, "\t\r\n", ' ');
      printf ("%s\t%u\t%s\n", label, problem->line, reason);
    }
}

int
cvn_cli_import_members (int    argc,
                        char **argv)
{
  g_autoptr (CvnDocument) doc = NULL;
  g_autoptr (CvnMembersSummary) summary = NULL;
  g_autoptr (GError) error = NULL;
  gboolean skip_unmatched = FALSE;
  gboolean ok;
  GOptionEntry entries[] = {
    { "skip-unmatched", 0, 0, G_OPTION_ARG_NONE, &skip_unmatched,
      N_("Import the other rows when some name schools that are not in the document"), NULL },
    { NULL }
  };

  if (!cvn_cli_parse ("import-members", "FILE.convenor MEMBERS.csv", entries, &argc, &argv))
    return 2;
  if (argc != 3)
    return cvn_cli_fail (_("import-members: expected a document and a membership file, "
                           "FILE.convenor MEMBERS.csv")) + 1;

  doc = cvn_cli_open (argv[1]);
  if (doc == NULL)
    return 1;
  ok = cvn_members_csv_import (doc, argv[2], skip_unmatched, &summary, &error);
  if (!ok && g_error_matches (error, CVN_MEMBERS_CSV_ERROR, CVN_MEMBERS_CSV_ERROR_UNMATCHED))
    {
      print_problems ("unmatched", summary->unmatched);
      return cvn_cli_fail (_("%s; run again with --skip-unmatched to import the other rows"),
                           error->message);
    }
  if (!ok)
    return cvn_cli_fail ("%s", error->message);

  printf ("groups-created\t%u\n", summary->groups_created);
  printf ("people-created\t%u\n", summary->people_created);
  printf ("memberships-added\t%u\n", summary->memberships_added);
  printf ("memberships-existing\t%u\n", summary->memberships_existing);
  printf ("unmatched\t%u\n", summary->unmatched->len);
  printf ("skipped\t%u\n", summary->skipped->len);
  print_problems ("unmatched", summary->unmatched);
  print_problems ("skipped", summary->skipped);
  return 0;
}

int
cvn_cli_export_members (int    argc,
                        char **argv)
{
  g_autoptr (CvnDocument) doc = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *out_path = NULL;
  GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &out_path, N_("The CSV file to write"), "OUT.csv" },
    { NULL }
  };

  if (!cvn_cli_parse ("export-members", "FILE.convenor --to OUT.csv", entries, &argc, &argv))
    return 2;
  if (argc != 2 || out_path == NULL)
    return cvn_cli_fail (_("export-members: expected one document and --to OUT.csv")) + 1;

  doc = cvn_cli_open (argv[1]);
  if (doc == NULL)
    return 1;
  if (!cvn_members_csv_export (doc, out_path, &error))
    return cvn_cli_fail ("%s", error->message);
  return 0;
}
