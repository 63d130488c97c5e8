/* cvn-palette.h — the colours, shapes and names a view uses for kinds and phases.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cvn-layout.h"

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue;
} CvnColour;

/* The colour of a group kind: calm GNOME palette hues, darker and more saturated in the
 * high-contrast palette. Unknown kinds get a stable colour from their name. */
void        cvn_palette_group_colour (const char *kind,
                                      gboolean    high_contrast,
                                      CvnColour  *colour);
/* The fill of a school's marker by phase. */
void        cvn_palette_phase_colour (const char *phase,
                                      gboolean    high_contrast,
                                      CvnColour  *colour);
CvnShape    cvn_palette_phase_shape  (const char *phase);
/* Parses "#rrggbb"; FALSE for anything else (including an empty string). */
gboolean    cvn_colour_parse         (const char *text,
                                      CvnColour  *colour);

/* Names for the legend, in British English and translatable. */
const char *cvn_palette_group_kind_label (const char *kind);
const char *cvn_palette_phase_label      (const char *phase);

/* The phases with their own shape, in legend order; NULL-terminated. */
extern const char * const cvn_palette_phases[];

G_END_DECLS
