/* cvn-cli-import-gias.c — convenor-cli import-gias and import-gias-groups
 *
 * import-gias FILE.convenor EXTRACT.csv [--la NAME-OR-CODE ...] [--include-closed]
 * [--with-heads] prints the summary as "name<TAB>count" lines (added, changed, closed,
 * skipped, unchanged, not-selected, and heads with --with-heads), then one line per school or
 * row behind the counts: "changed<TAB>URN<TAB>NAME<TAB>field,field", "closed<TAB>URN<TAB>NAME"
 * and "skipped<TAB>LINE<TAB>REASON".
 *
 * import-gias-groups FILE.convenor GROUPS.csv LINKS.csv prints groups-added, groups-existing,
 * memberships-added, memberships-existing, skipped, not-selected, then
 * "skipped<TAB>FILE<TAB>LINE<TAB>REASON" lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "convenor-cli"

#include "config.h"

#include "cvn-cli.h"
#include "cvn-import-gias.h"

#include <glib/gi18n.h>
#include <stdio.h>

/* Keeps a name with a tab or line break in it to one field of one line. */
static char *
one_field (const char *text)
{
  char *field = g_strdup (text);

  g_strdelimit (field, "\t\r\n", ' ');
  return field;
}

static void
print_changes (const char *label,
               GArray     *changes,
               gboolean    with_fields)
{
  for (guint i = 0; i < changes->len; i++)
    {
      const CvnGiasChange *change = &g_array_index (changes, CvnGiasChange, i);
      g_autofree char *name = one_field (change->name);

      if (with_fields)
        printf ("%s\t%" G_GINT64_FORMAT "\t%s\t%s\n", label, change->urn, name, change->fields);
      else
        printf ("%s\t%" G_GINT64_FORMAT "\t%s\n", label, change->urn, name);
    }
}

int
cvn_cli_import_gias (int    argc,
                     char **argv)
{
  g_autoptr (CvnDocument) doc = NULL;
  g_autoptr (CvnGiasSummary) summary = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) local_authorities = NULL;
  gboolean include_closed = FALSE, with_heads = FALSE;
  CvnGiasOptions options = { 0 };
  GOptionEntry entries[] = {
    { "la", 0, 0, G_OPTION_ARG_STRING_ARRAY, &local_authorities,
      N_("Import only this local authority, by name or code (repeatable)"), "NAME-OR-CODE" },
    { "include-closed", 0, 0, G_OPTION_ARG_NONE, &include_closed,
      N_("Also add schools that have closed"), NULL },
    { "with-heads", 0, 0, G_OPTION_ARG_NONE, &with_heads,
      N_("Import head teachers as people (personal data)"), NULL },
    { NULL }
  };

  if (!cvn_cli_parse ("import-gias", "FILE.convenor EXTRACT.csv", entries, &argc, &argv))
    return 2;
  if (argc != 3)
    return cvn_cli_fail (_("import-gias: expected a document and a GIAS extract, "
                           "FILE.convenor EXTRACT.csv")) + 1;

  doc = cvn_cli_open (argv[1]);
  if (doc == NULL)
    return 1;
  options.local_authorities = (const char * const *) local_authorities;
  options.include_closed = include_closed;
  options.with_heads = with_heads;
  summary = cvn_import_gias (doc, argv[2], &options, &error);
  if (summary == NULL)
    return cvn_cli_fail ("%s", error->message);

  for (guint i = 0; i < summary->unused_local_authorities->len; i++)
    fprintf (stderr, _("convenor-cli: warning: %s has no rows for local authority “%s”\n"),
             argv[2], (const char *) g_ptr_array_index (summary->unused_local_authorities, i));
  printf ("added\t%u\n", summary->added);
  printf ("changed\t%u\n", summary->changed);
  printf ("closed\t%u\n", summary->closed);
  printf ("skipped\t%u\n", summary->skips->len);
  printf ("unchanged\t%u\n", summary->unchanged);
  printf ("not-selected\t%u\n", summary->not_selected);
  if (with_heads)
    printf ("heads\t%u\n", summary->heads_added);
  print_changes ("changed", summary->changes, TRUE);
  print_changes ("closed", summary->closures, FALSE);
  for (guint i = 0; i < summary->skips->len; i++)
    {
      const CvnGiasSkip *skip = &g_array_index (summary->skips, CvnGiasSkip, i);
      g_autofree char *reason = one_field (skip->reason);

      printf ("skipped\t%u\t%s\n", skip->line, reason);
    }
  return 0;
}

int
cvn_cli_import_gias_groups (int    argc,
                            char **argv)
{
  g_autoptr (CvnDocument) doc = NULL;
  g_autoptr (CvnGiasSummary) summary = NULL;
  g_autoptr (GError) error = NULL;

  if (!cvn_cli_parse ("import-gias-groups", "FILE.convenor GROUPS.csv LINKS.csv", NULL, &argc,
                      &argv))
    return 2;
  if (argc != 4)
    return cvn_cli_fail (_("import-gias-groups: expected a document, the GIAS groups file and "
                           "the group links file, FILE.convenor GROUPS.csv LINKS.csv")) + 1;

  doc = cvn_cli_open (argv[1]);
  if (doc == NULL)
    return 1;
  summary = cvn_import_gias_groups (doc, argv[2], argv[3], &error);
  if (summary == NULL)
    return cvn_cli_fail ("%s", error->message);

  printf ("groups-added\t%u\n", summary->groups_added);
  printf ("groups-existing\t%u\n", summary->groups_existing);
  printf ("memberships-added\t%u\n", summary->memberships_added);
  printf ("memberships-existing\t%u\n", summary->memberships_existing);
  printf ("skipped\t%u\n", summary->skips->len);
  printf ("not-selected\t%u\n", summary->not_selected);
  for (guint i = 0; i < summary->skips->len; i++)
    {
      const CvnGiasSkip *skip = &g_array_index (summary->skips, CvnGiasSkip, i);
      g_autofree char *reason = one_field (skip->reason);

      printf ("skipped\t%s\t%u\t%s\n", skip->file, skip->line, reason);
    }
  return 0;
}
