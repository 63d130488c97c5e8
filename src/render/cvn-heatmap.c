/* cvn-heatmap.c — drawing the capacity-against-need matrix.
 *
 * Geometry is worked out once per call from the audit and the style, with a Pango context of
 * its own (hinting off, 72 dpi) so that measuring for a widget's size request and drawing onto
 * a screen or a PDF page place every label in the same spot.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-render"

#include "config.h"

#include "cvn-heatmap.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdlib.h>

#define FONT_FAMILY "Cantarell, DejaVu Sans, Sans"

typedef struct
{
  guint32 normal;
  guint32 high_contrast;
} LevelColour;

/* GNOME palette: blue for capacity to share, green for needs with enough days beside them,
 * orange for too few, red for none. Lightness falls from blue to red as well as hue changing,
 * so the order survives greyscale printing. EMPTY is drawn from the text colour instead. */
static const LevelColour level_colours[CVN_HEATMAP_N_LEVELS] = {
  [CVN_HEATMAP_EMPTY] = { 0x000000, 0x000000 },
  [CVN_HEATMAP_SPARE] = { 0x99c1f1, 0x62a0ea },
  [CVN_HEATMAP_MET] = { 0x8ff0a4, 0x33d17a },
  [CVN_HEATMAP_SHORT] = { 0xffbe6f, 0xff7800 },
  [CVN_HEATMAP_GAP] = { 0xf66151, 0xe01b24 },
};

typedef struct
{
  double x, y;
  double swatch;
  PangoLayout *label;
} LegendItem;

typedef struct
{
  PangoContext *context;
  double        unit;            /* 1, or 1.5 for large type */
  double        padding;
  double        row_header_width;
  double        column_width;
  double        total_gap;
  double        header_height;
  double        cell_height;
  double        matrix_width;    /* padding to the right edge of the totals column */
  double        matrix_height;   /* padding to the bottom of the last row */
  double        width;
  double        height;
  GPtrArray    *column_labels;   /* PangoLayout, n_sub_areas + 1 */
  GPtrArray    *row_labels;      /* PangoLayout, n_areas */
  LegendItem    legend[CVN_HEATMAP_N_LEVELS];
} Geometry;

void
cvn_heatmap_style_init (CvnHeatmapStyle *style)
{
  g_return_if_fail (style != NULL);

  style->high_contrast = FALSE;
  style->large_type = FALSE;
  style->show_legend = TRUE;
  style->paint_background = TRUE;
  style->text.red = 0x24 / 255.0;
  style->text.green = 0x1f / 255.0;
  style->text.blue = 0x31 / 255.0;
  style->selected_area = -1;
  style->selected_sub_area = -1;
}

CvnHeatmapLevel
cvn_heatmap_classify (const CvnAuditCell *cell)
{
  g_return_val_if_fail (cell != NULL, CVN_HEATMAP_EMPTY);

  if (cell->need_count == 0)
    return cell->capacity_days > 0 ? CVN_HEATMAP_SPARE : CVN_HEATMAP_EMPTY;
  if (!(cell->capacity_days > 0))
    return CVN_HEATMAP_GAP;
  if (cell->capacity_days >= CVN_HEATMAP_DAYS_PER_NEED * cell->need_count)
    return CVN_HEATMAP_MET;
  return CVN_HEATMAP_SHORT;
}

const char *
cvn_heatmap_level_label (CvnHeatmapLevel level)
{
  switch (level)
    {
    case CVN_HEATMAP_EMPTY:
      return _("Nothing recorded");
    case CVN_HEATMAP_SPARE:
      return _("Capacity, no need");
    case CVN_HEATMAP_MET:
      return _("Needs with enough days");
    case CVN_HEATMAP_SHORT:
      return _("Needs short of days");
    case CVN_HEATMAP_GAP:
      return _("Needs with no days");
    case CVN_HEATMAP_N_LEVELS:
    default:
      g_return_val_if_reached ("");
    }
}

char *
cvn_heatmap_format_days (double days)
{
  if (days == floor (days) && fabs (days) < 1e9)
    {
      long whole = (long) days;

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%ld day", "%ld days",
                                           (gulong) labs (whole)), whole);
    }
  /* TRANSLATORS: a number of days with a fraction, such as "2.5 days". */
  return g_strdup_printf (_("%.1f days"), days);
}

static char *
format_needs (guint count)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u need", "%u needs", count), count);
}

/* Text ----------------------------------------------------------------------------------- */

static PangoContext *
create_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *font_options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (font_options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, font_options);
  /* At 72 dpi a point is a user-space unit, so sizes below mean the same on screen and paper. */
  pango_cairo_context_set_resolution (context, 72);
  cairo_font_options_destroy (font_options);
  return context;
}

static PangoLayout *
new_text (PangoContext *context,
          const char   *text,
          double        size,
          gboolean      bold)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (font);
  return layout;
}

static void
text_size (PangoLayout *layout,
           double      *width,
           double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

/* Geometry ------------------------------------------------------------------------------- */

static void
geometry_clear (Geometry *geometry)
{
  g_clear_pointer (&geometry->column_labels, g_ptr_array_unref);
  g_clear_pointer (&geometry->row_labels, g_ptr_array_unref);
  for (guint i = 0; i < CVN_HEATMAP_N_LEVELS; i++)
    g_clear_object (&geometry->legend[i].label);
  g_clear_object (&geometry->context);
}

static void
geometry_init (Geometry              *geometry,
               const CvnAudit        *audit,
               const CvnHeatmapStyle *style)
{
  double unit = style->large_type ? 1.5 : 1.0;
  double widest_row = 0;
  double column_text_width;
  double legend_x, legend_y, legend_line_height = 0;

  *geometry = (Geometry) { 0 };
  geometry->context = create_context ();
  geometry->unit = unit;
  geometry->padding = 12 * unit;
  geometry->column_width = 96 * unit;
  geometry->total_gap = 10 * unit;
  geometry->cell_height = 40 * unit;
  column_text_width = geometry->column_width - 8 * unit;

  geometry->row_labels = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < audit->n_areas; i++)
    {
      PangoLayout *label = new_text (geometry->context, audit->areas[i].name, 12 * unit, FALSE);
      double width;

      text_size (label, &width, NULL);
      widest_row = MAX (widest_row, width);
      g_ptr_array_add (geometry->row_labels, label);
    }
  /* Long area names are cut short rather than squeezing the matrix; the tooltip and the
   * lists beside the matrix give them whole. */
  widest_row = MIN (widest_row, 240 * unit);
  for (guint i = 0; i < geometry->row_labels->len; i++)
    {
      PangoLayout *label = g_ptr_array_index (geometry->row_labels, i);

      pango_layout_set_width (label, (int) (widest_row * PANGO_SCALE));
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
    }
  geometry->row_header_width = widest_row + 12 * unit;

  geometry->column_labels = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint j = 0; j <= audit->n_sub_areas; j++)
    {
      gboolean total = j == audit->n_sub_areas;
      PangoLayout *label = new_text (geometry->context,
                                     total ? _("Total") : audit->sub_areas[j].name,
                                     11 * unit, total);
      double height;

      pango_layout_set_width (label, (int) (column_text_width * PANGO_SCALE));
      pango_layout_set_wrap (label, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      /* Three lines at most: "Kingsmere South and Vale Alliance" fits, a sentence does not. */
      pango_layout_set_height (label, -3);
      pango_layout_set_alignment (label, PANGO_ALIGN_CENTER);
      text_size (label, NULL, &height);
      geometry->header_height = MAX (geometry->header_height, height);
      g_ptr_array_add (geometry->column_labels, label);
    }
  geometry->header_height += 8 * unit;

  geometry->matrix_width = geometry->padding + geometry->row_header_width
                           + audit->n_sub_areas * geometry->column_width
                           + geometry->total_gap + geometry->column_width;
  geometry->matrix_height = geometry->padding + geometry->header_height
                            + audit->n_areas * geometry->cell_height;
  geometry->width = geometry->matrix_width + geometry->padding;
  geometry->height = geometry->matrix_height + geometry->padding;

  if (!style->show_legend)
    return;

  /* The legend flows left to right under the matrix, starting a new line where the next item
   * would pass the matrix's right edge (but never leaving a line empty). */
  legend_x = geometry->padding + geometry->row_header_width;
  legend_y = geometry->matrix_height + 14 * unit;
  for (guint level = 0; level < CVN_HEATMAP_N_LEVELS; level++)
    {
      LegendItem *item = &geometry->legend[level];
      double label_width, label_height, item_width;

      item->label = new_text (geometry->context, cvn_heatmap_level_label (level), 11 * unit,
                              FALSE);
      text_size (item->label, &label_width, &label_height);
      item->swatch = 14 * unit;
      item_width = item->swatch + 6 * unit + label_width;
      legend_line_height = MAX (legend_line_height, MAX (item->swatch, label_height));
      if (legend_x > geometry->padding + geometry->row_header_width
          && legend_x + item_width > geometry->matrix_width)
        {
          legend_x = geometry->padding + geometry->row_header_width;
          legend_y += legend_line_height + 6 * unit;
        }
      item->x = legend_x;
      item->y = legend_y;
      legend_x += item_width + 18 * unit;
      geometry->width = MAX (geometry->width, legend_x - 18 * unit + geometry->padding);
    }
  geometry->height = legend_y + legend_line_height + geometry->padding;
}

void
cvn_heatmap_measure (const CvnAudit        *audit,
                     const CvnHeatmapStyle *style,
                     double                *width,
                     double                *height)
{
  CvnHeatmapStyle defaults;
  Geometry geometry;

  g_return_if_fail (audit != NULL);

  if (style == NULL)
    {
      cvn_heatmap_style_init (&defaults);
      style = &defaults;
    }
  geometry_init (&geometry, audit, style);
  if (width != NULL)
    *width = ceil (geometry.width);
  if (height != NULL)
    *height = ceil (geometry.height);
  geometry_clear (&geometry);
}

/* Drawing -------------------------------------------------------------------------------- */

static void
set_rgb (cairo_t *cr,
         guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

static void
set_colour (cairo_t         *cr,
            const CvnColour *colour,
            double           alpha)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, alpha);
}

static void
fill_level (cairo_t               *cr,
            const CvnHeatmapStyle *style,
            CvnHeatmapLevel        level)
{
  if (level == CVN_HEATMAP_EMPTY)
    set_colour (cr, &style->text, style->high_contrast ? 0.12 : 0.06);
  else
    set_rgb (cr, style->high_contrast ? level_colours[level].high_contrast
                                      : level_colours[level].normal);
  cairo_fill (cr);
}

static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           double       x,
           double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_cell_text (cairo_t               *cr,
                Geometry              *geometry,
                const CvnHeatmapStyle *style,
                const CvnAuditCell    *cell,
                CvnHeatmapLevel        level,
                gboolean               total,
                double                 x,
                double                 y)
{
  double unit = geometry->unit;
  double centre_x = x + geometry->column_width / 2;
  double centre_y = y + geometry->cell_height / 2;
  g_autoptr (PangoLayout) days = NULL;
  g_autoptr (PangoLayout) needs = NULL;
  g_autofree char *days_text = NULL;
  double days_width, days_height, needs_width = 0, needs_height = 0;

  if (level == CVN_HEATMAP_EMPTY)
    {
      /* An empty cell carries a dash, so "nothing here" is not mistaken for "not drawn". */
      days = new_text (geometry->context, "–", 12 * unit, FALSE);
      text_size (days, &days_width, &days_height);
      set_colour (cr, &style->text, 0.45);
      show_text (cr, days, centre_x - days_width / 2, centre_y - days_height / 2);
      return;
    }

  days_text = cell->capacity_days > 0 ? cvn_heatmap_format_days (cell->capacity_days)
                                      : g_strdup (_("No days"));
  days = new_text (geometry->context, days_text, 12 * unit, total || style->high_contrast);
  text_size (days, &days_width, &days_height);
  if (cell->need_count > 0)
    {
      g_autofree char *needs_text = format_needs (cell->need_count);

      needs = new_text (geometry->context, needs_text, 10.5 * unit, level == CVN_HEATMAP_GAP);
      text_size (needs, &needs_width, &needs_height);
    }

  /* Cell fills are light, so their text is dark whatever the surrounding theme. */
  set_rgb (cr, style->high_contrast ? 0x000000 : 0x241f31);
  show_text (cr, days, centre_x - days_width / 2, centre_y - (days_height + needs_height) / 2);
  if (needs != NULL)
    show_text (cr, needs, centre_x - needs_width / 2,
               centre_y - (days_height + needs_height) / 2 + days_height);
}

GArray *
cvn_heatmap_draw (const CvnAudit        *audit,
                  cairo_t               *cr,
                  const CvnHeatmapStyle *style)
{
  CvnHeatmapStyle defaults;
  Geometry geometry;
  GArray *cells;
  double unit, columns_x, rows_y;

  g_return_val_if_fail (audit != NULL, NULL);
  g_return_val_if_fail (cr != NULL, NULL);

  if (style == NULL)
    {
      cvn_heatmap_style_init (&defaults);
      style = &defaults;
    }
  geometry_init (&geometry, audit, style);
  unit = geometry.unit;
  cells = g_array_sized_new (FALSE, FALSE, sizeof (CvnHeatmapCell),
                             audit->n_areas * (audit->n_sub_areas + 1));

  cairo_save (cr);
  pango_cairo_update_context (cr, geometry.context);

  if (style->paint_background)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_rectangle (cr, 0, 0, geometry.width, geometry.height);
      cairo_fill (cr);
    }

  columns_x = geometry.padding + geometry.row_header_width;
  rows_y = geometry.padding + geometry.header_height;

  /* Column headings sit on the matrix, bottom-aligned, so short names line up with long. */
  for (guint j = 0; j <= audit->n_sub_areas; j++)
    {
      PangoLayout *label = g_ptr_array_index (geometry.column_labels, j);
      double x = columns_x + j * geometry.column_width
                 + (j == audit->n_sub_areas ? geometry.total_gap : 0);
      double height;

      text_size (label, NULL, &height);
      set_colour (cr, &style->text, j == audit->n_sub_areas ? 1.0 : 0.8);
      show_text (cr, label, x + 4 * unit, rows_y - 6 * unit - height);
    }

  for (guint i = 0; i < audit->n_areas; i++)
    {
      PangoLayout *label = g_ptr_array_index (geometry.row_labels, i);
      double y = rows_y + i * geometry.cell_height;
      double height;

      text_size (label, NULL, &height);
      set_colour (cr, &style->text, 1.0);
      show_text (cr, label, geometry.padding, y + (geometry.cell_height - height) / 2);

      for (guint j = 0; j <= audit->n_sub_areas; j++)
        {
          gboolean total = j == audit->n_sub_areas;
          const CvnAuditCell *cell = total ? &audit->totals[i] : cvn_audit_get_cell (audit, i, j);
          CvnHeatmapCell rect = {
            .x = columns_x + j * geometry.column_width + (total ? geometry.total_gap : 0),
            .y = y,
            .width = geometry.column_width,
            .height = geometry.cell_height,
            .area_index = i,
            .sub_area_index = j,
            .level = cvn_heatmap_classify (cell),
          };

          /* A hairline of background between cells keeps neighbours of one colour apart. */
          cairo_rectangle (cr, rect.x + 1, rect.y + 1, rect.width - 2, rect.height - 2);
          fill_level (cr, style, rect.level);
          if (style->high_contrast && rect.level != CVN_HEATMAP_EMPTY)
            {
              cairo_rectangle (cr, rect.x + 1.5, rect.y + 1.5, rect.width - 3, rect.height - 3);
              set_rgb (cr, 0x000000);
              cairo_set_line_width (cr, 1);
              cairo_stroke (cr);
            }
          draw_cell_text (cr, &geometry, style, cell, rect.level, total, rect.x, rect.y);
          g_array_append_val (cells, rect);
        }
    }

  /* The selected cell is outlined last, so no neighbour paints over its frame. */
  if (style->selected_area >= 0 && style->selected_sub_area >= 0
      && (guint) style->selected_area < audit->n_areas
      && (guint) style->selected_sub_area <= audit->n_sub_areas)
    {
      const CvnHeatmapCell *rect = &g_array_index (cells, CvnHeatmapCell,
                                                   style->selected_area * (audit->n_sub_areas + 1)
                                                   + style->selected_sub_area);

      cairo_rectangle (cr, rect->x + 1.5 * unit, rect->y + 1.5 * unit,
                       rect->width - 3 * unit, rect->height - 3 * unit);
      set_rgb (cr, style->high_contrast ? 0x0b3d91 : 0x1c71d8);
      cairo_set_line_width (cr, 3 * unit);
      cairo_stroke (cr);
    }

  if (style->show_legend)
    for (guint level = 0; level < CVN_HEATMAP_N_LEVELS; level++)
      {
        LegendItem *item = &geometry.legend[level];
        double label_height;

        text_size (item->label, NULL, &label_height);
        cairo_rectangle (cr, item->x, item->y + (label_height - item->swatch) / 2, item->swatch,
                         item->swatch);
        fill_level (cr, style, level);
        set_colour (cr, &style->text, 0.8);
        show_text (cr, item->label, item->x + item->swatch + 6 * unit, item->y);
      }

  cairo_restore (cr);
  geometry_clear (&geometry);
  return cells;
}

int
cvn_heatmap_hit (GArray *cells,
                 double  x,
                 double  y)
{
  g_return_val_if_fail (cells != NULL, -1);

  for (guint i = 0; i < cells->len; i++)
    {
      const CvnHeatmapCell *cell = &g_array_index (cells, CvnHeatmapCell, i);

      if (x >= cell->x && x < cell->x + cell->width && y >= cell->y && y < cell->y + cell->height)
        return (int) i;
    }
  return -1;
}
