/* cvn-cli-generate.c — convenor-cli generate OUT.convenor --schools N [--seed S]
 *
 * Writes a synthetic partnership of N schools with the sample borough's shape, for
 * benchmarks and for trying the views on a large document. The same N and seed always give
 * the same file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "convenor-cli"

#include "config.h"

#include "cvn-cli.h"
#include "cvn-generate.h"

#include <glib/gi18n.h>

int
cvn_cli_generate (int    argc,
                  char **argv)
{
  g_autoptr (CvnDocument) doc = NULL;
  g_autoptr (GError) error = NULL;
  int n_schools = 0;
  gint64 seed = 1;
  GOptionEntry entries[] = {
    { "schools", 0, 0, G_OPTION_ARG_INT, &n_schools, N_("Number of schools (1 to 100000)"),
      "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, N_("Seed of the generator (default 1)"), "S" },
    { NULL }
  };

  if (!cvn_cli_parse ("generate", "OUT.convenor --schools N [--seed S]", entries, &argc, &argv))
    return 2;
  if (argc != 2)
    return cvn_cli_fail (_("generate: expected one output file, OUT.convenor")) + 1;
  if (n_schools < 1 || n_schools > 100000)
    return cvn_cli_fail (_("generate: --schools must be between 1 and 100000, not %d"),
                         n_schools) + 1;

  doc = cvn_generate_create (argv[1], (guint) n_schools, (guint64) seed, &error);
  if (doc == NULL)
    return cvn_cli_fail ("%s", error->message);
  return 0;
}
