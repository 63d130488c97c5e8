/* cvn-cli-graphml.c — convenor-cli export-graphml and import-graphml
 *
 * export-graphml FILE --to OUT.graphml [--flat] [--hide-people] [--view VIEW] writes GraphML
 * (see cvn-graphml.h for the nested and flat forms).
 *
 * import-graphml FILE.convenor IN.graphml [--view VIEW] prints "name<TAB>count" lines:
 * schools-created, schools-matched, people-created, people-matched, groups-created,
 * groups-matched, memberships-added, memberships-existing, parents-set, positions,
 * edges-ignored, notes-kept, notes-dropped; then one "unknown-attribute<TAB>NAME" line for
 * each attribute Convenor has no field for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "convenor-cli"

#include "config.h"

#include "cvn-cli.h"
#include "cvn-graphml.h"

#include <glib/gi18n.h>
#include <stdio.h>

int
cvn_cli_export_graphml (int    argc,
                        char **argv)
{
  g_autoptr (CvnDocument) doc = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *view = NULL;
  gboolean flat = FALSE, hide_people = FALSE;
  CvnGraphmlExportOptions options = { 0 };
  GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &out_path, N_("The GraphML file to write"),
      "OUT.graphml" },
    { "flat", 0, 0, G_OPTION_ARG_NONE, &flat,
      N_("Write groups as nodes with membership edges instead of nesting them"), NULL },
    { "hide-people", 0, 0, G_OPTION_ARG_NONE, &hide_people,
      N_("Leave people (personal data) out"), NULL },
    { "view", 0, 0, G_OPTION_ARG_STRING, &view,
      N_("Take saved positions from this view (default: structure)"), "VIEW" },
    { NULL }
  };

  if (!cvn_cli_parse ("export-graphml", "FILE.convenor --to OUT.graphml", entries, &argc,
                      &argv))
    return 2;
  if (argc != 2 || out_path == NULL)
    return cvn_cli_fail (_("export-graphml: expected one document and --to OUT.graphml")) + 1;

  doc = cvn_cli_open (argv[1]);
  if (doc == NULL)
    return 1;
  options.flat = flat;
  options.hide_people = hide_people;
  options.view = view;
  if (!cvn_graphml_export (doc, out_path, &options, &error))
    return cvn_cli_fail ("%s", error->message);
  return 0;
}

int
cvn_cli_import_graphml (int    argc,
                        char **argv)
{
  g_autoptr (CvnDocument) doc = NULL;
  g_autoptr (CvnGraphmlSummary) summary = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *view = NULL;
  GOptionEntry entries[] = {
    { "view", 0, 0, G_OPTION_ARG_STRING, &view,
      N_("Save the file's x and y positions for this view (default: structure)"), "VIEW" },
    { NULL }
  };

  if (!cvn_cli_parse ("import-graphml", "FILE.convenor IN.graphml", entries, &argc, &argv))
    return 2;
  if (argc != 3)
    return cvn_cli_fail (_("import-graphml: expected a document and a GraphML file, "
                           "FILE.convenor IN.graphml")) + 1;

  doc = cvn_cli_open (argv[1]);
  if (doc == NULL)
    return 1;
  summary = cvn_graphml_import (doc, argv[2], view, &error);
  if (summary == NULL)
    return cvn_cli_fail ("%s", error->message);

  printf ("schools-created\t%u\n", summary->schools_created);
  printf ("schools-matched\t%u\n", summary->schools_matched);
  printf ("people-created\t%u\n", summary->people_created);
  printf ("people-matched\t%u\n", summary->people_matched);
  printf ("groups-created\t%u\n", summary->groups_created);
  printf ("groups-matched\t%u\n", summary->groups_matched);
  printf ("memberships-added\t%u\n", summary->memberships_added);
  printf ("memberships-existing\t%u\n", summary->memberships_existing);
  printf ("parents-set\t%u\n", summary->parents_set);
  printf ("positions\t%u\n", summary->positions);
  printf ("edges-ignored\t%u\n", summary->edges_ignored);
  printf ("notes-kept\t%u\n", summary->notes_kept);
  printf ("notes-dropped\t%u\n", summary->notes_dropped);
  for (guint i = 0; i < summary->unknown_attributes->len; i++)
    printf ("unknown-attribute\t%s\n",
            (const char *) g_ptr_array_index (summary->unknown_attributes, i));
  return 0;
}
