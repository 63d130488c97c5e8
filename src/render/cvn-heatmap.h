/* cvn-heatmap.h — the capacity-against-need matrix of an audit, drawn onto any cairo_t.
 *
 * One row per expertise area, one column per sub-area of the audit (an alliance's clusters,
 * a board's alliances ...) and a last column with the scope's totals. Each cell is coloured by
 * how the days offered there compare with the needs there, and says both in words, so that
 * the matrix reads in greyscale and to readers who cannot tell red from green. The audit view
 * draws it in a GtkDrawingArea and hit-tests clicks with the cell rectangles this returns;
 * reports draw the same picture onto a PDF page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "cvn-audit.h"
#include "cvn-palette.h"

G_BEGIN_DECLS

/* Needs count as met in a cell that offers at least this many days per need: a typical piece
 * of brokered school-to-school support in the partnership documents is a day a fortnight over
 * half a term. */
#define CVN_HEATMAP_DAYS_PER_NEED 5.0

typedef enum
{
  CVN_HEATMAP_EMPTY = 0,   /* nothing offered, nothing needed */
  CVN_HEATMAP_SPARE,       /* days offered and no need: capacity to share */
  CVN_HEATMAP_MET,         /* needs, with enough days offered beside them */
  CVN_HEATMAP_SHORT,       /* needs, with some days offered but fewer than they want */
  CVN_HEATMAP_GAP,         /* needs and no days offered at all */
  CVN_HEATMAP_N_LEVELS
} CvnHeatmapLevel;

typedef struct
{
  gboolean  high_contrast;     /* presentation: deeper fills, heavier outlines */
  gboolean  large_type;        /* presentation: text and cells half as large again */
  gboolean  show_legend;
  gboolean  paint_background;  /* white page; a widget that paints its own turns this off */
  CvnColour text;              /* headings and legend (cells always use dark text) */
  int       selected_area;     /* the row of a cell to outline, or -1 */
  int       selected_sub_area; /* its column (n_sub_areas: the totals column), or -1 */
} CvnHeatmapStyle;

typedef struct
{
  double           x, y;            /* in the cairo_t's user space at draw time */
  double           width, height;
  guint            area_index;      /* the row: audit->areas[area_index] */
  guint            sub_area_index;  /* the column; audit->n_sub_areas for the totals */
  CvnHeatmapLevel  level;
} CvnHeatmapCell;

void             cvn_heatmap_style_init   (CvnHeatmapStyle       *style);

CvnHeatmapLevel  cvn_heatmap_classify     (const CvnAuditCell    *cell);
/* "Gap", "Short of days" ... for the legend and tooltips; translated. */
const char      *cvn_heatmap_level_label  (CvnHeatmapLevel        level);

/* The size, in user-space units (pixels on screen, points on paper), that the matrix of
 * @audit takes when drawn with @style, legend included. */
void             cvn_heatmap_measure      (const CvnAudit        *audit,
                                           const CvnHeatmapStyle *style,
                                           double                *width,
                                           double                *height);

/* Draws the matrix with its top-left corner at the user-space origin of @cr and returns its
 * cells (CvnHeatmapCell), row by row: n_areas × (n_sub_areas + 1), the last of each row
 * being the totals column. @style may be NULL for the defaults. */
GArray          *cvn_heatmap_draw         (const CvnAudit        *audit,
                                           cairo_t               *cr,
                                           const CvnHeatmapStyle *style);

/* The index in @cells (from cvn_heatmap_draw) of the cell under (@x, @y), or -1. */
int              cvn_heatmap_hit          (GArray                *cells,
                                           double                 x,
                                           double                 y);

/* "12 days", "2.5 days", "1 day"; translated. */
char            *cvn_heatmap_format_days  (double                 days);

G_END_DECLS
