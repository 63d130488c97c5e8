/* cvn-cli-new-sample.c — convenor-cli new-sample OUT.convenor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "convenor-cli"

#include "config.h"

#include "cvn-cli.h"
#include "cvn-sample.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>

int
cvn_cli_new_sample (int    argc,
                    char **argv)
{
  g_autoptr (CvnDocument) doc = NULL;
  g_autoptr (GError) error = NULL;
  gboolean force = FALSE;
  GOptionEntry entries[] = {
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_("Replace OUT.convenor if it exists"), NULL },
    { NULL }
  };

  if (!cvn_cli_parse ("new-sample", "OUT.convenor", entries, &argc, &argv))
    return 2;
  if (argc != 2)
    return cvn_cli_fail (_("new-sample: expected one output file, OUT.convenor")) + 1;

  if (force && g_file_test (argv[1], G_FILE_TEST_EXISTS) && g_remove (argv[1]) != 0)
    return cvn_cli_fail (_("Could not replace “%s”: %s"), argv[1], g_strerror (errno));

  doc = cvn_sample_create (argv[1], &error);
  if (doc == NULL)
    return cvn_cli_fail ("%s", error->message);
  return 0;
}
