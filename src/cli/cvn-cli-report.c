/* cvn-cli-report.c — convenor-cli report FILE --kind KIND --to OUT.pdf|csv
 *
 *   [--hide-people] [--paper a4|a3] [--landscape | --portrait] [--group NAME]
 *
 * Writes one of the reports of cvn-reports.h: membership (each group and its members, with
 * role and dates), representation (each committee against the partnerships it should
 * represent), directory (strengths and needs by expertise area), audit (capacity against need;
 * --group audits one group instead of the whole document) or engagements (the register of
 * brokered support). A PDF breaks its tables across pages with their headers repeated and
 * numbers the pages; a CSV holds the same rows, one line each, for a spreadsheet. Reports
 * with many columns (the register) default to landscape paper.
 *
 * Exit status: 0 on success; 1 for a file that cannot be read or written, or a group that is
 * not there; 2 for a usage error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "convenor-cli"

#include "config.h"

#include "cvn-cli.h"
#include "cvn-page.h"
#include "cvn-report-pdf.h"
#include "cvn-reports.h"
#include "cvn-snapshot.h"

#include <glib/gi18n.h>
#include <stdio.h>

int
cvn_cli_report (int    argc,
                char **argv)
{
  g_autoptr (CvnDocument) doc = NULL;
  g_autoptr (CvnSnapshot) snapshot = NULL;
  g_autoptr (CvnReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *kind_name = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *paper_name = NULL;
  g_autofree char *group_name = NULL;
  g_autofree char *document_name = NULL;
  gboolean hide_people = FALSE, landscape = FALSE, portrait = FALSE, is_pdf;
  CvnReportKind kind;
  CvnReportOptions report_options;
  CvnPaper paper = CVN_PAPER_A4;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_name,
      N_("The report: membership, representation, directory, audit or engagements"), "KIND" },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &out_path,
      N_("The file to write; its extension (.pdf or .csv) sets the format"), "OUT" },
    { "hide-people", 0, 0, G_OPTION_ARG_NONE, &hide_people,
      N_("Show people by their post and establishment instead of their name and contact "
         "details"), NULL },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name, N_("Paper size: a4 (default) or a3"),
      "SIZE" },
    { "landscape", 0, 0, G_OPTION_ARG_NONE, &landscape, N_("Turn the paper sideways"), NULL },
    { "portrait", 0, 0, G_OPTION_ARG_NONE, &portrait,
      N_("Keep the paper upright even for a wide report"), NULL },
    { "group", 0, 0, G_OPTION_ARG_STRING, &group_name,
      N_("audit: audit this group instead of the whole document"), "NAME" },
    { NULL }
  };

  if (!cvn_cli_parse ("report", "FILE --kind KIND --to OUT.pdf|csv", entries, &argc, &argv))
    return 2;
  if (argc != 2 || kind_name == NULL || out_path == NULL)
    return cvn_cli_fail (_("report: expected one document, --kind and --to OUT")) + 1;
  if (!cvn_report_kind_from_string (kind_name, &kind))
    return cvn_cli_fail (_("report: unknown kind “%s”; use membership, representation, "
                           "directory, audit or engagements"), kind_name) + 1;
  if (g_str_has_suffix (out_path, ".pdf") || g_str_has_suffix (out_path, ".PDF"))
    is_pdf = TRUE;
  else if (g_str_has_suffix (out_path, ".csv") || g_str_has_suffix (out_path, ".CSV"))
    is_pdf = FALSE;
  else
    return cvn_cli_fail (_("report: cannot tell the format of “%s”; name it .pdf or .csv"),
                         out_path) + 1;
  if (paper_name != NULL && !cvn_paper_from_string (paper_name, &paper))
    return cvn_cli_fail (_("report: unknown paper “%s”; use a4 or a3"), paper_name) + 1;
  if (landscape && portrait)
    return cvn_cli_fail (_("report: choose --landscape or --portrait, not both")) + 1;
  if (group_name != NULL && kind != CVN_REPORT_AUDIT)
    return cvn_cli_fail (_("report: --group applies only to the audit")) + 1;

  doc = cvn_cli_open (argv[1]);
  if (doc == NULL)
    return 1;
  snapshot = cvn_snapshot_load (doc, &error);
  if (snapshot == NULL)
    return cvn_cli_fail ("%s", error->message);

  cvn_report_options_init (&report_options);
  report_options.hide_people = hide_people;
  if (group_name != NULL)
    {
      report_options.group_id = cvn_cli_find_group ("report", snapshot, group_name);
      if (report_options.group_id == 0)
        return 1;
    }
  report = cvn_report_build (snapshot, kind, &report_options, &error);
  if (report == NULL)
    return cvn_cli_fail ("%s", error->message);

  if (is_pdf)
    {
      CvnPageOptions page;

      document_name = cvn_document_dup_title (doc);
      cvn_page_options_init (&page);
      cvn_page_options_set_paper (&page, paper,
                                  landscape || (report->prefers_landscape && !portrait));
      page.document_name = document_name;
      if (!cvn_report_write_pdf (report, &page, out_path, &error))
        return cvn_cli_fail ("%s", error->message);
    }
  else if (!cvn_report_write_csv (report, out_path, &error))
    return cvn_cli_fail ("%s", error->message);
  return 0;
}
