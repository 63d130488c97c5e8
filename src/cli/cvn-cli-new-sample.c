/* cvn-cli-new-sample.c — convenor-cli new-sample OUT.convenor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "convenor-cli"

#include "config.h"

#include "cvn-cli.h"
#include "cvn-sample.h"

#include <glib/gi18n.h>

int
cvn_cli_new_sample (int    argc,
                    char **argv)
{
  g_autoptr (CvnDocument) doc = NULL;
  g_autoptr (GError) error = NULL;

  if (!cvn_cli_parse ("new-sample", "OUT.convenor", NULL, &argc, &argv))
    return 2;
  if (argc != 2)
    return cvn_cli_fail (_("new-sample: expected one output file, OUT.convenor")) + 1;

  doc = cvn_sample_create (argv[1], &error);
  if (doc == NULL)
    return cvn_cli_fail ("%s", error->message);
  return 0;
}
