/* cvn-palette.c — colours and shapes of kinds and phases.
 *
 * Group hues follow the GNOME Human Interface Guidelines palette (the colours libadwaita's
 * own widgets use), picked so that neighbouring kinds differ in hue and, for readers with a
 * red-green colour vision deficiency, in lightness too. Schools carry their phase twice, in
 * shape and colour, so the shape alone tells them apart in print and in greyscale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-render"

#include "config.h"

#include "cvn-palette.h"

#include <glib/gi18n-lib.h>
#include <string.h>

typedef struct
{
  const char *kind;
  guint32     normal;
  guint32     high_contrast;
} KindColour;

static const KindColour kind_colours[] = {
  { "cluster", 0x1c71d8, 0x0b3d91 },
  { "learning community", 0x1c71d8, 0x0b3d91 },
  { "network", 0x3584e4, 0x0b3d91 },
  { "consortium", 0x26a269, 0x0a5c2a },
  { "alliance", 0x26a269, 0x0a5c2a },
  { "board", 0x813d9c, 0x4a0f6b },
  { "strategic group", 0x813d9c, 0x4a0f6b },
  { "sub-group", 0xc061cb, 0x7d1f8a },
  { "committee", 0x865e3c, 0x4f3115 },
  { "hub", 0xc88800, 0x7a5200 },
  { "teaching school alliance", 0xc88800, 0x7a5200 },
  { "diocesan group", 0xe66100, 0x9c3a00 },
  { "inclusion group", 0xc01c28, 0x8a0010 },
  { "trust", 0x2190a4, 0x0a5563 },
  { "federation", 0x2190a4, 0x0a5563 },
};

/* Colours for kinds a document invents, chosen by a hash of the name. */
static const guint32 spare_colours[] = { 0x6f8396, 0x2190a4, 0xd56199, 0x5e5c64, 0x986a44 };

typedef struct
{
  const char *phase;
  guint32     normal;
  guint32     high_contrast;
  CvnShape    shape;
} PhaseStyle;

static const PhaseStyle phase_styles[] = {
  { "primary", 0x3d3846, 0x000000, CVN_SHAPE_CIRCLE },
  { "secondary", 0x1a5fb4, 0x002a80, CVN_SHAPE_SQUARE },
  { "special", 0x613583, 0x3b0060, CVN_SHAPE_DIAMOND },
  { "nursery", 0x986a44, 0x5c3310, CVN_SHAPE_TRIANGLE },
  { "all-through", 0x26a269, 0x005c2a, CVN_SHAPE_HEXAGON },
};

const char * const cvn_palette_phases[] = {
  "primary", "secondary", "special", "nursery", "all-through", NULL
};

static void
set_rgb (CvnColour *colour,
         guint32    rgb)
{
  colour->red = ((rgb >> 16) & 0xff) / 255.0;
  colour->green = ((rgb >> 8) & 0xff) / 255.0;
  colour->blue = (rgb & 0xff) / 255.0;
}

void
cvn_palette_group_colour (const char *kind,
                          gboolean    high_contrast,
                          CvnColour  *colour)
{
  guint32 spare;

  for (guint i = 0; i < G_N_ELEMENTS (kind_colours); i++)
    if (kind != NULL && g_ascii_strcasecmp (kind, kind_colours[i].kind) == 0)
      {
        set_rgb (colour, high_contrast ? kind_colours[i].high_contrast : kind_colours[i].normal);
        return;
      }
  spare = spare_colours[g_str_hash (kind != NULL ? kind : "") % G_N_ELEMENTS (spare_colours)];
  set_rgb (colour, spare);
  if (high_contrast)
    {
      colour->red *= 0.6;
      colour->green *= 0.6;
      colour->blue *= 0.6;
    }
}

static const PhaseStyle *
find_phase (const char *phase)
{
  if (phase == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (phase_styles); i++)
    if (g_ascii_strncasecmp (phase, phase_styles[i].phase, strlen (phase_styles[i].phase)) == 0)
      return &phase_styles[i];
  /* GIAS spells some phases differently ("Middle deemed secondary", "16 plus"). */
  if (strstr (phase, "econdary") != NULL || strstr (phase, "16") != NULL)
    return &phase_styles[1];
  if (strstr (phase, "rimary") != NULL)
    return &phase_styles[0];
  return NULL;
}

void
cvn_palette_phase_colour (const char *phase,
                          gboolean    high_contrast,
                          CvnColour  *colour)
{
  const PhaseStyle *style = find_phase (phase);

  if (style == NULL)
    set_rgb (colour, high_contrast ? 0x000000 : 0x5e5c64);
  else
    set_rgb (colour, high_contrast ? style->high_contrast : style->normal);
}

CvnShape
cvn_palette_phase_shape (const char *phase)
{
  const PhaseStyle *style = find_phase (phase);

  return style != NULL ? style->shape : CVN_SHAPE_CIRCLE;
}

gboolean
cvn_colour_parse (const char *text,
                  CvnColour  *colour)
{
  guint32 rgb = 0;

  if (text == NULL || text[0] != '#' || strlen (text) != 7)
    return FALSE;
  for (guint i = 1; i < 7; i++)
    {
      int digit = g_ascii_xdigit_value (text[i]);

      if (digit < 0)
        return FALSE;
      rgb = rgb << 4 | (guint32) digit;
    }
  set_rgb (colour, rgb);
  return TRUE;
}

const char *
cvn_palette_group_kind_label (const char *kind)
{
  static const struct
  {
    const char *kind;
    const char *label;
  } labels[] = {
    { "cluster", N_("Cluster") },
    { "learning community", N_("Learning community") },
    { "network", N_("Network") },
    { "consortium", N_("Consortium") },
    { "alliance", N_("Alliance") },
    { "board", N_("Board") },
    { "sub-group", N_("Sub-group") },
    { "committee", N_("Committee") },
    { "hub", N_("Hub") },
    { "teaching school alliance", N_("Teaching school alliance") },
    { "trust", N_("Trust") },
    { "federation", N_("Federation") },
    { "diocesan group", N_("Diocesan group") },
    { "inclusion group", N_("Inclusion group") },
    { "strategic group", N_("Strategic group") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (kind != NULL && g_ascii_strcasecmp (kind, labels[i].kind) == 0)
      return _(labels[i].label);
  return kind != NULL ? kind : "";
}

const char *
cvn_palette_phase_label (const char *phase)
{
  const PhaseStyle *style = find_phase (phase);

  if (style == NULL)
    return _("Other phase");
  if (g_str_equal (style->phase, "primary"))
    return _("Primary");
  if (g_str_equal (style->phase, "secondary"))
    return _("Secondary");
  if (g_str_equal (style->phase, "special"))
    return _("Special");
  if (g_str_equal (style->phase, "nursery"))
    return _("Nursery");
  return _("All-through");
}
