/* cvn-cli.c — convenor-cli: Convenor without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "convenor-cli"

#include "config.h"

#include "cvn-cli.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

/* One line per subcommand; later features add theirs here. */
static const CvnCliCommand commands[] = {
  { "info", "FILE", N_("Print counts of what a document holds"), cvn_cli_info },
  { "check", "FILE [--fail-on-findings]", N_("List structure findings, one per line"),
    cvn_cli_check },
  { "new", "OUT.convenor [--template NAME]",
    N_("Write a new document, empty or from a seed structure"), cvn_cli_new },
  { "new-sample", "OUT.convenor", N_("Write a fresh copy of the sample borough"),
    cvn_cli_new_sample },
  { "generate", "OUT.convenor --schools N [--seed S]",
    N_("Write a synthetic partnership of N schools"), cvn_cli_generate },
  { "render", "FILE --view structure|graph|map --to OUT.png",
    N_("Draw a view of a document to a PNG image"), cvn_cli_render },
  { "import-gias", "FILE EXTRACT.csv [--la NAME-OR-CODE …] [--include-closed] [--with-heads]",
    N_("Import or update schools from a GIAS establishment file"), cvn_cli_import_gias },
  { "import-gias-groups", "FILE GROUPS.csv LINKS.csv",
    N_("Import trusts and federations from the GIAS groups files"),
    cvn_cli_import_gias_groups },
  { "import-members", "FILE MEMBERS.csv [--skip-unmatched]",
    N_("Import memberships from a spreadsheet"), cvn_cli_import_members },
  { "export-members", "FILE --to OUT.csv", N_("Write every membership to a spreadsheet"),
    cvn_cli_export_members },
  { "audit", "FILE [--group NAME] [--lists]",
    N_("Print capacity against need by expertise area and sub-area"), cvn_cli_audit },
  { "broker", "FILE --school NAME-OR-URN --area AREA",
    N_("Rank who could support a school in an area of need"), cvn_cli_broker },
  { "import-directory", "FILE DIR.csv",
    N_("Import strengths and needs from a spreadsheet"), cvn_cli_import_directory },
  { "export-directory", "FILE --to OUT.csv",
    N_("Write the directory of strengths and needs to a spreadsheet"),
    cvn_cli_export_directory },
  { "export", "FILE --view structure|graph|map --to OUT.pdf|svg|png [--group NAME] "
    "[--paper a4|a3] [--landscape] [--tiles 2x2] [--dpi N] [--hide-people]",
    N_("Draw a view on paper as PDF, SVG or PNG, on one page or as a poster"), cvn_cli_export },
  { "report", "FILE --kind membership|representation|directory|audit|engagements "
    "--to OUT.pdf|csv [--hide-people]",
    N_("Write a report as a paginated PDF or a CSV spreadsheet"), cvn_cli_report },
  { "export-graphml", "FILE --to OUT.graphml [--flat] [--hide-people] [--view VIEW]",
    N_("Write groups, schools and people as GraphML for yEd, Gephi or networkx"),
    cvn_cli_export_graphml },
  { "import-graphml", "FILE.convenor IN.graphml [--view VIEW]",
    N_("Import schools, groups and memberships from GraphML"), cvn_cli_import_graphml },
  { "export-xml", "FILE --to OUT.xml", N_("Write the whole document as lossless XML"),
    cvn_cli_export_xml },
  { "import-xml", "OUT.convenor IN.xml", N_("Make a new document from its lossless XML"),
    cvn_cli_import_xml },
};

int
cvn_cli_fail (const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "convenor-cli: %s\n", message);
  return 1;
}

gboolean
cvn_cli_parse (const char   *command,
               const char   *parameter_string,
               GOptionEntry *entries,
               int          *argc,
               char       ***argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *summary = g_strdup_printf ("convenor-cli %s", command);

  context = g_option_context_new (parameter_string);
  g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      cvn_cli_fail ("%s: %s", command, error->message);
      return FALSE;
    }
  return TRUE;
}

CvnDocument *
cvn_cli_open (const char *path)
{
  g_autoptr (GError) error = NULL;
  CvnDocument *doc = cvn_document_open (path, &error);

  if (doc == NULL)
    cvn_cli_fail ("%s", error->message);
  return doc;
}

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: convenor-cli COMMAND [ARGUMENTS…]"));
  fprintf (out, "%s\n", _("Commands:"));
  /* Usage lines are long, so each summary goes on its own line beneath. */
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %s %s\n      %s\n", commands[i].name, commands[i].usage,
             _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Options:"));
  fprintf (out, "  --help\n      %s\n", _("Show this help"));
  fprintf (out, "  --version\n      %s\n", _("Show the version"));
  fprintf (out, "\n%s\n", _("Run “convenor-cli COMMAND --help” for a command’s options."));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_help (stderr);
      return 2;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_help (stdout);
      return 0;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      printf ("convenor-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  cvn_cli_fail (_("unknown command “%s”; see convenor-cli --help"), argv[1]);
  return 2;
}
