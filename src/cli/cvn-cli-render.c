/* cvn-cli-render.c — convenor-cli render (being written).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "convenor-cli"

#include "config.h"

#include "cvn-cli.h"

int
cvn_cli_render (int    argc,
                char **argv)
{
  return cvn_cli_fail ("render: not available yet");
}
