/* cvn-cli-render.c — convenor-cli render FILE --view VIEW --to OUT.png
 *
 * Draws one view exactly as the canvas shows it after "zoom to fit": the same layout (saved
 * positions included), the same renderer, legend and scale bar, and no page furniture.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "convenor-cli"

#include "config.h"

#include "cvn-cli.h"
#include "cvn-layout.h"
#include "cvn-renderer.h"
#include "cvn-snapshot.h"

#include <glib/gi18n.h>

int
cvn_cli_render (int    argc,
                char **argv)
{
  g_autoptr (CvnDocument) doc = NULL;
  g_autoptr (CvnSnapshot) snapshot = NULL;
  g_autoptr (CvnLayout) layout = NULL;
  g_autoptr (GHashTable) saved = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *view_name = NULL;
  g_autofree char *out = NULL;
  g_autofree char *group_name = NULL;
  g_autofree char *phase = NULL;
  int width = 1600, height = 1000;
  gboolean hide_people = FALSE, presentation = FALSE;
  CvnLayoutOptions options;
  CvnRenderStyle style;
  CvnView view;
  GOptionEntry entries[] = {
    { "view", 0, 0, G_OPTION_ARG_STRING, &view_name, N_("structure, graph or map"), "VIEW" },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The PNG file to write"), "OUT.png" },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, N_("Width in pixels (default 1600)"), "W" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, N_("Height in pixels (default 1000)"), "H" },
    { "group", 0, 0, G_OPTION_ARG_STRING, &group_name,
      N_("Draw only this group and what is under it"), "NAME" },
    { "phase", 0, 0, G_OPTION_ARG_STRING, &phase, N_("Draw only schools of this phase"),
      "PHASE" },
    { "hide-people", 0, 0, G_OPTION_ARG_NONE, &hide_people,
      N_("Show people by role instead of name"), NULL },
    { "presentation", 0, 0, G_OPTION_ARG_NONE, &presentation,
      N_("High-contrast colours and large type"), NULL },
    { NULL }
  };

  if (!cvn_cli_parse ("render", "FILE --view structure|graph|map --to OUT.png", entries, &argc,
                      &argv))
    return 2;
  if (argc != 2)
    return cvn_cli_fail (_("render: expected one document, FILE")) + 1;
  if (view_name == NULL || !cvn_view_from_string (view_name, &view))
    return cvn_cli_fail (_("render: --view must be structure, graph or map")) + 1;
  if (out == NULL)
    return cvn_cli_fail (_("render: --to OUT.png is required")) + 1;
  if (width < 16 || height < 16 || width > 20000 || height > 20000)
    return cvn_cli_fail (_("render: --width and --height must be between 16 and 20000")) + 1;

  doc = cvn_cli_open (argv[1]);
  if (doc == NULL)
    return 1;
  snapshot = cvn_snapshot_load (doc, &error);
  if (snapshot == NULL)
    return cvn_cli_fail ("%s: %s", argv[1], error->message);
  saved = cvn_layout_load_positions (doc, view, &error);
  if (saved == NULL)
    return cvn_cli_fail ("%s: %s", argv[1], error->message);

  cvn_layout_options_init (&options);
  options.saved = saved;
  options.hide_people = hide_people;
  options.phase = phase;
  if (group_name != NULL)
    {
      for (guint i = 0; i < snapshot->groups->len && options.focus_group == 0; i++)
        if (g_utf8_collate (g_array_index (snapshot->groups, CvnGroup, i).name, group_name) == 0)
          options.focus_group = g_array_index (snapshot->groups, CvnGroup, i).id;
      if (options.focus_group == 0)
        return cvn_cli_fail (_("%s: there is no group called “%s”"), argv[1], group_name);
    }

  layout = cvn_layout_compute (snapshot, view, &options);
  cvn_render_style_init (&style);
  style.high_contrast = presentation;
  style.large_type = presentation;
  if (!cvn_render_to_png (layout, &style, width, height, out, &error))
    return cvn_cli_fail ("%s", error->message);
  return 0;
}
