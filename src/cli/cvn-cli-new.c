/* cvn-cli-new.c — convenor-cli new OUT.convenor [--template NAME]
 *
 * Writes a new document: empty, or holding one of the seed structures (cumbria, wigan, bexley,
 * rotherham). An unknown template is refused before any file is made, and a template that
 * fails half way leaves no file behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "convenor-cli"

#include "config.h"

#include "cvn-cli.h"
#include "cvn-templates.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

static void
remove_document_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

int
cvn_cli_new (int    argc,
             char **argv)
{
  g_autoptr (CvnDocument) doc = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *template_name = NULL;
  GOptionEntry entries[] = {
    { "template", 't', 0, G_OPTION_ARG_STRING, &template_name,
      N_("Start from a seed structure: cumbria, wigan, bexley or rotherham"), N_("NAME") },
    { NULL }
  };

  if (!cvn_cli_parse ("new", "OUT.convenor", entries, &argc, &argv))
    return 2;
  if (argc != 2)
    return cvn_cli_fail (_("new: expected one output file, OUT.convenor")) + 1;
  if (template_name != NULL &&
      !g_strv_contains (cvn_template_get_names (), template_name))
    {
      g_autofree char *names = g_strjoinv (", ", (char **) cvn_template_get_names ());

      return cvn_cli_fail (_("new: there is no template called “%s”; choose one of %s"),
                           template_name, names) + 1;
    }

  doc = cvn_document_create (argv[1], &error);
  if (doc == NULL)
    return cvn_cli_fail ("%s", error->message);
  if (template_name != NULL && !cvn_template_build (doc, template_name, &error))
    {
      g_clear_object (&doc);
      remove_document_files (argv[1]);
      return cvn_cli_fail ("%s: %s", argv[1], error->message);
    }
  return 0;
}
