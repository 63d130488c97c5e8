/* cvn-cli-check.c — convenor-cli check FILE [--fail-on-findings]
 *
 * Runs the structure checks with the document's own thresholds and prints one finding per
 * line, "CODE<TAB>OBJECT-KIND<TAB>OBJECT-NAME<TAB>MESSAGE", sorted by code, kind and name.
 * Tabs and line breaks inside a name or message are printed as spaces, so every finding stays
 * one line of four fields.
 *
 * Exit status: 0 when the checks ran (whatever they found); with --fail-on-findings, 1 when
 * there is at least one finding; 2 for a usage error or a file that cannot be read, so that
 * a script can tell "found something" from "could not look".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "convenor-cli"

#include "config.h"

#include "cvn-cli.h"
#include "cvn-checks.h"
#include "cvn-snapshot.h"

#include <glib/gi18n.h>
#include <stdio.h>

static char *
one_field (const char *text)
{
  char *field = g_strdup (text);

  g_strdelimit (field, "\t\r\n", ' ');
  return field;
}

int
cvn_cli_check (int    argc,
               char **argv)
{
  g_autoptr (CvnDocument) doc = NULL;
  g_autoptr (CvnSnapshot) snapshot = NULL;
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (CvnCheckSettings) settings = { 0 };
  gboolean fail_on_findings = FALSE;
  GOptionEntry entries[] = {
    { "fail-on-findings", 0, 0, G_OPTION_ARG_NONE, &fail_on_findings,
      N_("Exit with status 1 when there is any finding"), NULL },
    { NULL }
  };

  if (!cvn_cli_parse ("check", "FILE", entries, &argc, &argv))
    return 2;
  if (argc != 2)
    return cvn_cli_fail (_("check: expected one document, FILE")) + 1;

  doc = cvn_cli_open (argv[1]);
  if (doc == NULL)
    return 2;
  snapshot = cvn_snapshot_load (doc, &error);
  if (snapshot == NULL)
    return cvn_cli_fail ("%s", error->message) + 1;

  cvn_check_settings_load (doc, &settings);
  findings = cvn_checks_run (snapshot, &settings);
  for (guint i = 0; i < findings->len; i++)
    {
      const CvnFinding *finding = g_ptr_array_index (findings, i);
      g_autofree char *name = one_field (finding->object_name);
      g_autofree char *message = one_field (finding->message);

      printf ("%s\t%s\t%s\t%s\n", finding->code,
              cvn_object_kind_to_string (finding->object_kind), name, message);
    }
  if (fflush (stdout) != 0)
    return cvn_cli_fail (_("check: could not write the findings")) + 1;

  return fail_on_findings && findings->len > 0 ? 1 : 0;
}
