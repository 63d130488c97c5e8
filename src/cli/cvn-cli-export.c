/* cvn-cli-export.c — convenor-cli export FILE --view VIEW --to OUT.pdf|svg|png
 *
 *   [--group NAME] [--paper a4|a3] [--landscape] [--tiles COLUMNSxROWS] [--dpi N]
 *   [--hide-people]
 *
 * Draws a view of a document on paper, through the same renderer as the window, with the
 * page furniture of a printout: title, document name, date, legend and (on the map) a scale
 * bar. The extension of OUT chooses the format. A PDF holds one page per poster sheet; SVG
 * and PNG hold one sheet per file, so a 2x2 poster as PNG writes OUT-row1-col1.png and three
 * more. PNGs are sized from the paper at --dpi (150 by default): A4 portrait at 150 dpi is
 * 1240 × 1754 pixels. Prints the name of every file written, one per line.
 *
 * Exit status: 0 on success; 1 for a file that cannot be read or written, or a group that is
 * not there; 2 for a usage error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "convenor-cli"

#include "config.h"

#include "cvn-cli.h"
#include "cvn-page.h"
#include "cvn-snapshot.h"

#include <glib/gi18n.h>
#include <stdio.h>

gint64
cvn_cli_find_group (const char  *command,
                    CvnSnapshot *snapshot,
                    const char  *name)
{
  /* The exact name first, then without regard to case, so "--group 'riverside cluster'"
   * works while two groups differing only in case stay distinguishable. */
  for (int pass = 0; pass < 2; pass++)
    {
      gint64 found = 0;
      guint n = 0;

      for (guint i = 0; i < snapshot->groups->len; i++)
        {
          const CvnGroup *group = &g_array_index (snapshot->groups, CvnGroup, i);
          gboolean match = pass == 0 ? g_str_equal (group->name, name)
                                     : g_ascii_strcasecmp (group->name, name) == 0;

          if (match)
            {
              found = group->id;
              n++;
            }
        }
      if (n == 1)
        return found;
      if (n > 1)
        {
          cvn_cli_fail (_("%s: several groups are called “%s”"), command, name);
          return 0;
        }
    }
  cvn_cli_fail (_("%s: there is no group called “%s”"), command, name);
  return 0;
}

/* "2x3", "2X3" or "2×3": columns across, then rows down. */
static gboolean
parse_tiles (const char *text,
             guint      *columns,
             guint      *rows)
{
  g_autofree char *normal = NULL;
  g_auto (GStrv) parts = NULL;
  guint64 across, down;

  if (text == NULL)
    return FALSE;
  normal = g_ascii_strdown (text, -1);
  parts = g_regex_split_simple ("x|×", normal, 0, 0);
  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (g_strstrip (parts[0]), 10, 1, CVN_POSTER_MAX_TILES, &across,
                                   NULL) ||
      !g_ascii_string_to_unsigned (g_strstrip (parts[1]), 10, 1, CVN_POSTER_MAX_TILES, &down,
                                   NULL))
    return FALSE;
  *columns = (guint) across;
  *rows = (guint) down;
  return TRUE;
}

int
cvn_cli_export (int    argc,
                char **argv)
{
  g_autoptr (CvnDocument) doc = NULL;
  g_autoptr (CvnSnapshot) snapshot = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *view_name = NULL;
  g_autofree char *group_name = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *paper_name = NULL;
  g_autofree char *tiles = NULL;
  gboolean landscape = FALSE, hide_people = FALSE;
  int dpi = CVN_EXPORT_DEFAULT_DPI;
  CvnExportOptions options;
  CvnExportFormat format;
  GOptionEntry entries[] = {
    { "view", 0, 0, G_OPTION_ARG_STRING, &view_name,
      N_("The view to draw: structure, graph or map"), "VIEW" },
    { "group", 0, 0, G_OPTION_ARG_STRING, &group_name,
      N_("Draw only this group and what is under it"), "NAME" },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &out_path,
      N_("The file to write; its extension (.pdf, .svg, .png) sets the format"), "OUT" },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name, N_("Paper size: a4 (default) or a3"),
      "SIZE" },
    { "landscape", 0, 0, G_OPTION_ARG_NONE, &landscape, N_("Turn the paper sideways"), NULL },
    { "tiles", 0, 0, G_OPTION_ARG_STRING, &tiles,
      N_("Spread the view over a poster of sheets, across x down (say 2x2)"), "CxR" },
    { "dpi", 0, 0, G_OPTION_ARG_INT, &dpi, N_("Resolution of a PNG in dots per inch (150)"),
      "N" },
    { "hide-people", 0, 0, G_OPTION_ARG_NONE, &hide_people,
      N_("Show people by their role instead of their name and contact details"), NULL },
    { NULL }
  };

  if (!cvn_cli_parse ("export", "FILE --view VIEW --to OUT.pdf|svg|png", entries, &argc,
                      &argv))
    return 2;
  if (argc != 2 || view_name == NULL || out_path == NULL)
    return cvn_cli_fail (_("export: expected one document, --view and --to OUT")) + 1;

  cvn_export_options_init (&options);
  options.hide_people = hide_people;
  options.landscape = landscape;
  options.dpi = dpi;
  if (!cvn_view_from_string (view_name, &options.view))
    return cvn_cli_fail (_("export: unknown view “%s”; use structure, graph or map"),
                         view_name) + 1;
  if (paper_name != NULL && !cvn_paper_from_string (paper_name, &options.paper))
    return cvn_cli_fail (_("export: unknown paper “%s”; use a4 or a3"), paper_name) + 1;
  if (tiles != NULL && !parse_tiles (tiles, &options.columns, &options.rows))
    return cvn_cli_fail (_("export: --tiles takes COLUMNSxROWS, each 1 to %d, such as 2x2"),
                         CVN_POSTER_MAX_TILES) + 1;
  if (!cvn_export_format_from_path (out_path, &format))
    return cvn_cli_fail (_("export: cannot tell the format of “%s”; name it .pdf, .svg or "
                           ".png"), out_path) + 1;
  if (format == CVN_EXPORT_PNG && (dpi < CVN_EXPORT_MIN_DPI || dpi > CVN_EXPORT_MAX_DPI))
    return cvn_cli_fail (_("export: --dpi must be from %d to %d"), CVN_EXPORT_MIN_DPI,
                         CVN_EXPORT_MAX_DPI) + 1;

  doc = cvn_cli_open (argv[1]);
  if (doc == NULL)
    return 1;
  snapshot = cvn_snapshot_load (doc, &error);
  if (snapshot == NULL)
    return cvn_cli_fail ("%s", error->message);
  if (group_name != NULL)
    {
      options.group_id = cvn_cli_find_group ("export", snapshot, group_name);
      if (options.group_id == 0)
        return 1;
    }

  if (!cvn_export_view (doc, snapshot, &options, out_path, written, &error))
    return cvn_cli_fail ("%s", error->message);
  for (guint i = 0; i < written->len; i++)
    printf ("%s\n", (const char *) g_ptr_array_index (written, i));
  return 0;
}
