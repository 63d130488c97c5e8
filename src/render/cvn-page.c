/* cvn-page.c — paper, page furniture, and diagrams on one page or over a poster of sheets.
 *
 * The composition — title band, diagram, footer — is drawn into one rectangle of points: a
 * page's printable area, or for a poster the assembled poster, whose text grows with it so
 * a title on a 2 × 2 poster is as legible across a room as it is on a page in the hand. A
 * sheet of a poster shows the part of the composition under it, shifted and clipped, and
 * adds its own marks in its margin, where neither the composition nor the neighbouring sheet
 * will cover them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-render"

#include "config.h"

#include "cvn-page.h"
#include "cvn-layout.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#define PAGE_FONT_FAMILY "Cantarell, DejaVu Sans, Sans"
#define DEFAULT_MARGIN   CVN_MM_TO_PT (12)
#define FOOTER_SIZE      7.5
#define FOOTER_HEIGHT    (FOOTER_SIZE * 2.4)
#define CROP_GAP         3.0
#define CROP_LENGTH      14.0

/* The renderer measures labels, the legend and its level of detail in pixels. On paper a
 * pixel is the CSS one, 1/96 inch or 0.75 pt, so a printed view shows what a 96 dpi screen
 * of the same size would: labels of 8 pt, and the structure's text wherever it would be
 * readable on screen. */
#define PT_PER_PX        0.75

/* The structure view's text disappears when its labels would be smaller than this many
 * pixels (see draw_structure_nodes in cvn-renderer.c): right on a screen, where the user can
 * zoom in, but a PDF can be zoomed too. So when a structure would lose its text on paper the
 * page makes its pixels smaller, down to MIN_PT_PER_PX, rather than print empty boxes. */
#define STRUCTURE_TEXT_PX 5.0
#define MIN_PT_PER_PX     0.3

G_DEFINE_QUARK (cvn-export-error-quark, cvn_export_error)

/* Paper and formats */

const char *
cvn_paper_to_string (CvnPaper paper)
{
  switch (paper)
    {
    case CVN_PAPER_A4:
      return "a4";
    case CVN_PAPER_A3:
      return "a3";
    default:
      g_return_val_if_reached ("a4");
    }
}

gboolean
cvn_paper_from_string (const char *str,
                       CvnPaper   *out_paper)
{
  g_return_val_if_fail (out_paper != NULL, FALSE);

  if (str == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (str, "a4") == 0)
    *out_paper = CVN_PAPER_A4;
  else if (g_ascii_strcasecmp (str, "a3") == 0)
    *out_paper = CVN_PAPER_A3;
  else
    return FALSE;
  return TRUE;
}

void
cvn_paper_get_size (CvnPaper  paper,
                    gboolean  landscape,
                    double   *width_pt,
                    double   *height_pt)
{
  double width, height;

  switch (paper)
    {
    case CVN_PAPER_A3:
      width = CVN_A3_WIDTH_PT;
      height = CVN_A3_HEIGHT_PT;
      break;
    case CVN_PAPER_A4:
    default:
      width = CVN_A4_WIDTH_PT;
      height = CVN_A4_HEIGHT_PT;
      break;
    }
  if (width_pt != NULL)
    *width_pt = landscape ? height : width;
  if (height_pt != NULL)
    *height_pt = landscape ? width : height;
}

gboolean
cvn_export_format_from_path (const char      *path,
                             CvnExportFormat *out_format)
{
  const char *dot;

  g_return_val_if_fail (out_format != NULL, FALSE);

  dot = path != NULL ? strrchr (path, '.') : NULL;
  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FALSE;
  if (g_ascii_strcasecmp (dot, ".pdf") == 0)
    *out_format = CVN_EXPORT_PDF;
  else if (g_ascii_strcasecmp (dot, ".svg") == 0)
    *out_format = CVN_EXPORT_SVG;
  else if (g_ascii_strcasecmp (dot, ".png") == 0)
    *out_format = CVN_EXPORT_PNG;
  else
    return FALSE;
  return TRUE;
}

const char *
cvn_export_format_to_string (CvnExportFormat format)
{
  switch (format)
    {
    case CVN_EXPORT_PDF:
      return "pdf";
    case CVN_EXPORT_SVG:
      return "svg";
    case CVN_EXPORT_PNG:
      return "png";
    default:
      g_return_val_if_reached ("pdf");
    }
}

gboolean
cvn_page_check_writable (const char  *path,
                         GError     **error)
{
  g_autofree char *folder = NULL;
  int saved_errno;

  g_return_val_if_fail (path != NULL, FALSE);

  folder = g_path_get_dirname (path);
  if (g_file_test (folder, G_FILE_TEST_IS_DIR) && g_access (folder, W_OK) == 0)
    return TRUE;
  saved_errno = g_file_test (folder, G_FILE_TEST_EXISTS) ? errno : ENOENT;
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

char *
cvn_page_format_date (const char *iso_date)
{
  int year, month, day;
  g_autoptr (GDateTime) date = NULL;

  if (iso_date == NULL)
    return g_strdup ("");
  if (strlen (iso_date) != 10 || sscanf (iso_date, "%4d-%2d-%2d", &year, &month, &day) != 3)
    return g_strdup (iso_date);
  date = g_date_time_new_local (year, month, day, 12, 0, 0);
  if (date == NULL)
    return g_strdup (iso_date);
  /* TRANSLATORS: the date printed on pages, in g_date_time_format()'s codes: "28 November
   * 2026".
   * xgettext:no-c-format */
  return g_date_time_format (date, _("%-d %B %Y"));
}

char *
cvn_page_dup_view_title (CvnView     view,
                         const char *group_name)
{
  const char *title;

  switch (view)
    {
    case CVN_VIEW_STRUCTURE:
      title = _("Structure");
      break;
    case CVN_VIEW_GRAPH:
      title = _("Membership graph");
      break;
    case CVN_VIEW_MAP:
      title = _("Map");
      break;
    default:
      g_return_val_if_reached (g_strdup (""));
    }
  if (group_name != NULL && group_name[0] != '\0')
    /* TRANSLATORS: a view's title limited to one group, "Map: Kingsmere North Alliance". */
    return g_strdup_printf (_("%s: %s"), title, group_name);
  return g_strdup (title);
}

/* Text */

PangoContext *
cvn_page_create_pango_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *font_options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, font_options);
  pango_cairo_context_set_resolution (context, 72);
  cairo_font_options_destroy (font_options);
  return context;
}

PangoLayout *
cvn_page_create_text (PangoContext *context,
                      const char   *text,
                      double        size_pt,
                      gboolean      bold,
                      double        width)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string (PAGE_FONT_FAMILY);

  pango_font_description_set_absolute_size (font, size_pt * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (width >= 0)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      /* A hyphen where an e-mail address or a URN is broken would change what it says. */
      pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static double
text_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static double
text_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return (double) width / PANGO_SCALE;
}

static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           double       x,
           double       y,
           double       grey)
{
  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* Options and footer */

void
cvn_page_options_init (CvnPageOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  cvn_paper_get_size (CVN_PAPER_A4, FALSE, &options->page_width, &options->page_height);
  options->margin = DEFAULT_MARGIN;
  options->columns = 1;
  options->rows = 1;
  options->overlap = CVN_POSTER_DEFAULT_OVERLAP_PT;
  options->crop_marks = TRUE;
}

void
cvn_page_options_set_paper (CvnPageOptions *options,
                            CvnPaper        paper,
                            gboolean        landscape)
{
  g_return_if_fail (options != NULL);

  cvn_paper_get_size (paper, landscape, &options->page_width, &options->page_height);
}

double
cvn_page_get_footer_height (void)
{
  return FOOTER_HEIGHT;
}

/* A footer across @width at (@x, @y), scaled by @k. */
static void
draw_footer_at (cairo_t      *cr,
                PangoContext *context,
                double        x,
                double        y,
                double        width,
                double        k,
                const char   *left,
                const char   *right)
{
  double size = FOOTER_SIZE * k, right_width = 0;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 0.5 * k);
  cairo_move_to (cr, x, y + 0.25 * k);
  cairo_line_to (cr, x + width, y + 0.25 * k);
  cairo_stroke (cr);
  if (right != NULL)
    {
      g_autoptr (PangoLayout) text = cvn_page_create_text (context, right, size, FALSE, -1);

      right_width = text_width (text);
      show_text (cr, text, x + width - right_width, y + size * 0.6, 0.3);
    }
  if (left != NULL)
    {
      g_autoptr (PangoLayout) text = cvn_page_create_text (context, left, size, FALSE, -1);

      /* Ellipsised rather than run under the page number. */
      pango_layout_set_width (text, (int) (MAX (width - right_width - 2 * size, 1) *
                                           PANGO_SCALE));
      pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
      show_text (cr, text, x, y + size * 0.6, 0.3);
    }
  cairo_restore (cr);
}

void
cvn_page_draw_footer (cairo_t              *cr,
                      PangoContext         *context,
                      const CvnPageOptions *options,
                      const char           *left,
                      const char           *right)
{
  g_return_if_fail (cr != NULL && context != NULL && options != NULL);

  draw_footer_at (cr, context, options->margin,
                  options->page_height - options->margin - FOOTER_HEIGHT,
                  options->page_width - 2 * options->margin, 1.0, left, right);
}

/* Diagram pages */

struct _CvnDiagramPages
{
  CvnRenderer    *renderer;
  CvnPageOptions  options;      /* its strings point into the fields below */
  char           *title;
  char           *document_name;
  char           *date;
  PangoContext   *context;

  double          cell_width;   /* one sheet's printed area */
  double          cell_height;
  double          canvas_width; /* the whole composition */
  double          canvas_height;
  double          k;            /* text scale of the composition */
  double          pt_per_px;    /* the renderer's pixel on this composition */
  double          band_height;  /* title band, in canvas points */
  double          footer_height;
  CvnRect         diagram;      /* in canvas points */
  CvnViewport     viewport;
};

void
cvn_diagram_pages_free (CvnDiagramPages *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->renderer);
  g_clear_object (&self->context);
  g_free (self->title);
  g_free (self->document_name);
  g_free (self->date);
  g_free (self);
}

static char *
dup_footer_note (CvnDiagramPages *self)
{
  if (self->options.people_hidden)
    return g_strdup (_("Personal data hidden: people appear by their role, without names or "
                       "contact details."));
  return NULL;
}

/* Measures the title band so that the diagram gets the rest. */
static void
measure_composition (CvnDiagramPages *self)
{
  g_autoptr (PangoLayout) title = NULL;
  g_autoptr (PangoLayout) name = NULL;
  g_autofree char *note = dup_footer_note (self);
  double k = self->k;

  title = cvn_page_create_text (self->context, self->title, 16 * k, TRUE, -1);
  name = cvn_page_create_text (self->context, self->document_name, 9 * k, FALSE, -1);
  self->band_height = MAX (text_height (title), 2.2 * text_height (name)) + 8 * k;
  self->footer_height = note != NULL ? FOOTER_HEIGHT * k : 0;
  self->diagram.x = 0;
  self->diagram.y = self->band_height;
  self->diagram.width = self->canvas_width;
  self->diagram.height = MAX (self->canvas_height - self->band_height - self->footer_height,
                              1);
  cvn_renderer_fit (self->renderer, self->diagram.width / self->pt_per_px,
                    self->diagram.height / self->pt_per_px, &self->viewport);

  /* Twice, since the legend's share of the page shrinks with the pixels. */
  for (int pass = 0; pass < 2; pass++)
    {
      CvnLayout *layout = cvn_renderer_get_layout (self->renderer);
      double text_px;

      if (layout == NULL || layout->view != CVN_VIEW_STRUCTURE || layout->font_size <= 0)
        break;
      text_px = layout->font_size * self->viewport.scale;
      if (text_px >= STRUCTURE_TEXT_PX || self->pt_per_px <= MIN_PT_PER_PX)
        break;
      self->pt_per_px = MAX (self->pt_per_px * text_px / STRUCTURE_TEXT_PX * 0.98,
                             MIN_PT_PER_PX);
      cvn_renderer_fit (self->renderer, self->diagram.width / self->pt_per_px,
                        self->diagram.height / self->pt_per_px, &self->viewport);
    }
}

CvnDiagramPages *
cvn_diagram_pages_new (CvnRenderer          *renderer,
                       const CvnPageOptions *options)
{
  CvnDiagramPages *self;
  guint columns, rows;

  g_return_val_if_fail (CVN_IS_RENDERER (renderer), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->page_width > 2 * options->margin &&
                        options->page_height > 2 * options->margin, NULL);

  self = g_new0 (CvnDiagramPages, 1);
  self->renderer = g_object_ref (renderer);
  self->options = *options;
  self->title = g_strdup (options->title != NULL ? options->title : "");
  self->document_name = g_strdup (options->document_name != NULL ? options->document_name : "");
  self->date = g_strdup (options->date != NULL ? options->date : "");
  self->options.title = self->title;
  self->options.document_name = self->document_name;
  self->options.date = self->date;
  self->context = cvn_page_create_pango_context ();

  columns = self->options.columns = CLAMP (options->columns, 1, CVN_POSTER_MAX_TILES);
  rows = self->options.rows = CLAMP (options->rows, 1, CVN_POSTER_MAX_TILES);
  self->cell_width = options->page_width - 2 * options->margin;
  self->cell_height = options->page_height - 2 * options->margin;
  /* An overlap wider than a third of a sheet would leave little that is new on each. */
  self->options.overlap = columns * rows > 1
                            ? CLAMP (options->overlap, 0,
                                     MIN (self->cell_width, self->cell_height) / 3)
                            : 0;
  self->canvas_width = columns * self->cell_width - (columns - 1) * self->options.overlap;
  self->canvas_height = rows * self->cell_height - (rows - 1) * self->options.overlap;
  self->k = MIN (sqrt ((double) columns * rows), 3.0);
  /* A poster's labels and legend grow a little with it, but less than its title, so the
   * extra paper shows more of the diagram's detail rather than the same detail larger. */
  self->pt_per_px = PT_PER_PX * sqrt (self->k);
  measure_composition (self);
  return self;
}

guint
cvn_diagram_pages_get_n_pages (CvnDiagramPages *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->options.columns * self->options.rows;
}

void
cvn_diagram_pages_get_diagram_area (CvnDiagramPages *self,
                                    CvnRect         *area,
                                    CvnViewport     *viewport,
                                    double          *pt_per_px)
{
  g_return_if_fail (self != NULL);

  if (pt_per_px != NULL)
    *pt_per_px = self->pt_per_px;
  if (area != NULL)
    *area = self->diagram;
  if (viewport != NULL)
    *viewport = self->viewport;
}

/* The whole composition in canvas points: title band, diagram, footer. */
static void
draw_composition (CvnDiagramPages *self,
                  cairo_t         *cr)
{
  g_autoptr (PangoLayout) title = NULL;
  g_autoptr (PangoLayout) name = NULL;
  g_autoptr (PangoLayout) date = NULL;
  g_autofree char *note = dup_footer_note (self);
  double k = self->k, right;

  /* The diagram first, clipped to its area, so nothing it draws can cover the title. */
  cairo_save (cr);
  cairo_rectangle (cr, self->diagram.x, self->diagram.y, self->diagram.width,
                   self->diagram.height);
  cairo_clip (cr);
  cairo_translate (cr, self->diagram.x, self->diagram.y);
  cairo_scale (cr, self->pt_per_px, self->pt_per_px);
  cvn_renderer_draw (self->renderer, cr, &self->viewport, NULL, 0);
  cairo_restore (cr);

  name = cvn_page_create_text (self->context, self->document_name, 9 * k, FALSE, -1);
  date = cvn_page_create_text (self->context, self->date, 9 * k, FALSE, -1);
  right = MAX (text_width (name), text_width (date));
  title = cvn_page_create_text (self->context, self->title, 16 * k, TRUE,
                                MAX (self->canvas_width - right - 12 * k, 1));
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  show_text (cr, title, 0, 0, 0.1);
  show_text (cr, name, self->canvas_width - text_width (name), 0, 0.3);
  show_text (cr, date, self->canvas_width - text_width (date), text_height (name), 0.3);

  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 0.75 * k);
  cairo_move_to (cr, 0, self->band_height - 4 * k);
  cairo_line_to (cr, self->canvas_width, self->band_height - 4 * k);
  cairo_stroke (cr);

  if (note != NULL)
    draw_footer_at (cr, self->context, 0, self->canvas_height - self->footer_height,
                    self->canvas_width, k, note, NULL);
}

static void
crop_mark (cairo_t *cr,
           double   x,
           double   y,
           double   dx,
           double   dy)
{
  /* Two strokes pointing away from the corner along the trim lines, with a gap so that a
   * trimmed edge shows no ink. */
  cairo_move_to (cr, x + dx * CROP_GAP, y);
  cairo_line_to (cr, x + dx * (CROP_GAP + CROP_LENGTH), y);
  cairo_move_to (cr, x, y + dy * CROP_GAP);
  cairo_line_to (cr, x, y + dy * (CROP_GAP + CROP_LENGTH));
}

/* Crop marks, overlap ticks and the sheet's label, all in the margin. */
static void
draw_sheet_marks (CvnDiagramPages *self,
                  cairo_t         *cr,
                  guint            row,
                  guint            column)
{
  const CvnPageOptions *o = &self->options;
  double x0 = o->margin, y0 = o->margin;
  double x1 = o->margin + self->cell_width, y1 = o->margin + self->cell_height;
  double tick = CROP_LENGTH * 0.7, inset;
  g_autofree char *where = NULL;
  g_autofree char *label = NULL;
  g_autoptr (PangoLayout) text = NULL;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.5);
  if (o->crop_marks)
    {
      crop_mark (cr, x0, y0, -1, -1);
      crop_mark (cr, x1, y0, 1, -1);
      crop_mark (cr, x0, y1, -1, 1);
      crop_mark (cr, x1, y1, 1, 1);
      cairo_stroke (cr);
    }

  /* Where the next sheet's edge goes: ticks and a small arrowhead in the margins. */
  if (column + 1 < o->columns && o->overlap > 0)
    {
      double x = x1 - o->overlap;

      cairo_move_to (cr, x, y0 - CROP_GAP);
      cairo_line_to (cr, x, y0 - CROP_GAP - tick);
      cairo_move_to (cr, x, y1 + CROP_GAP);
      cairo_line_to (cr, x, y1 + CROP_GAP + tick);
      cairo_stroke (cr);
      cairo_move_to (cr, x, y0 - CROP_GAP);
      cairo_rel_line_to (cr, 2.5, -5);
      cairo_rel_line_to (cr, -5, 0);
      cairo_close_path (cr);
      cairo_move_to (cr, x, y1 + CROP_GAP);
      cairo_rel_line_to (cr, 2.5, 5);
      cairo_rel_line_to (cr, -5, 0);
      cairo_close_path (cr);
      cairo_fill (cr);
    }
  if (row + 1 < o->rows && o->overlap > 0)
    {
      double y = y1 - o->overlap;

      cairo_move_to (cr, x0 - CROP_GAP, y);
      cairo_line_to (cr, x0 - CROP_GAP - tick, y);
      cairo_move_to (cr, x1 + CROP_GAP, y);
      cairo_line_to (cr, x1 + CROP_GAP + tick, y);
      cairo_stroke (cr);
      cairo_move_to (cr, x0 - CROP_GAP, y);
      cairo_rel_line_to (cr, -5, 2.5);
      cairo_rel_line_to (cr, 0, -5);
      cairo_close_path (cr);
      cairo_move_to (cr, x1 + CROP_GAP, y);
      cairo_rel_line_to (cr, 5, 2.5);
      cairo_rel_line_to (cr, 0, -5);
      cairo_close_path (cr);
      cairo_fill (cr);
    }

  /* TRANSLATORS: the label of one sheet of a poster, "Row 2, column 3 of 2 × 3". */
  where = g_strdup_printf (_("Row %u, column %u of %u × %u"), row + 1, column + 1,
                           o->rows, o->columns);
  if (o->overlap > 0)
    label = g_strdup_printf (_("%s · %s · %s — %s · trim at the corner marks; the next "
                               "sheet’s edge goes on the arrowed ticks (%.0f mm overlap)"),
                             self->title, self->document_name, self->date, where,
                             o->overlap * 25.4 / 72);
  else
    label = g_strdup_printf ("%s · %s · %s — %s", self->title, self->document_name,
                             self->date, where);
  /* Centred between the overlap ticks, so it never runs into them. */
  inset = o->overlap + CROP_GAP + CROP_LENGTH;
  text = cvn_page_create_text (self->context, label, FOOTER_SIZE, FALSE,
                               MAX (self->cell_width - 2 * inset, 1));
  pango_layout_set_alignment (text, PANGO_ALIGN_CENTER);
  pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_MIDDLE);
  show_text (cr, text, x0 + inset, y1 + (o->margin - FOOTER_SIZE * 1.3) / 2, 0.25);
  cairo_restore (cr);
}

void
cvn_diagram_pages_draw_page (CvnDiagramPages *self,
                             cairo_t         *cr,
                             guint            page)
{
  const CvnPageOptions *o;
  guint row, column;

  g_return_if_fail (self != NULL && cr != NULL);
  g_return_if_fail (page < cvn_diagram_pages_get_n_pages (self));

  o = &self->options;
  row = page / o->columns;
  column = page % o->columns;

  cairo_save (cr);
  cairo_rectangle (cr, o->margin, o->margin, self->cell_width, self->cell_height);
  cairo_clip (cr);
  cairo_translate (cr, o->margin - column * (self->cell_width - o->overlap),
                   o->margin - row * (self->cell_height - o->overlap));
  draw_composition (self, cr);
  cairo_restore (cr);

  if (cvn_diagram_pages_get_n_pages (self) > 1)
    draw_sheet_marks (self, cr, row, column);
}

char *
cvn_diagram_pages_dup_sheet_path (const char *path,
                                  guint       row,
                                  guint       column,
                                  gboolean    tiled)
{
  const char *dot, *slash;
  g_autofree char *stem = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!tiled)
    return g_strdup (path);
  dot = strrchr (path, '.');
  slash = strrchr (path, G_DIR_SEPARATOR);
  if (dot == NULL || (slash != NULL && dot < slash))
    dot = path + strlen (path);
  stem = g_strndup (path, dot - path);
  return g_strdup_printf ("%s-row%u-col%u%s", stem, row + 1, column + 1, dot);
}

static gboolean
check_surface (cairo_surface_t  *surface,
               const char       *path,
               GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, CVN_EXPORT_ERROR, CVN_EXPORT_ERROR_WRITE, _("Could not write “%s”: %s"),
               path, cairo_status_to_string (status));
  return FALSE;
}

static gboolean
write_pdf (CvnDiagramPages  *self,
           const char       *path,
           GError          **error)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, self->options.page_width,
                                                       self->options.page_height);
  gboolean ok;

  if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
    {
      cairo_t *cr = cairo_create (surface);

      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Convenor");
      for (guint page = 0; page < cvn_diagram_pages_get_n_pages (self); page++)
        {
          cvn_diagram_pages_draw_page (self, cr, page);
          cairo_show_page (cr);
        }
      cairo_destroy (cr);
      cairo_surface_finish (surface);
    }
  ok = check_surface (surface, path, error);
  cairo_surface_destroy (surface);
  return ok;
}

static gboolean
write_svg (CvnDiagramPages  *self,
           const char       *path,
           guint             page,
           GError          **error)
{
  cairo_surface_t *surface = cairo_svg_surface_create (path, self->options.page_width,
                                                       self->options.page_height);
  gboolean ok;

  if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
    {
      cairo_t *cr = cairo_create (surface);

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cvn_diagram_pages_draw_page (self, cr, page);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
    }
  ok = check_surface (surface, path, error);
  cairo_surface_destroy (surface);
  return ok;
}

static gboolean
write_png (CvnDiagramPages  *self,
           const char       *path,
           guint             page,
           double            dpi,
           GError          **error)
{
  int width = (int) round (self->options.page_width * dpi / 72);
  int height = (int) round (self->options.page_height * dpi / 72);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    {
      cairo_t *cr = cairo_create (surface);

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, dpi / 72, dpi / 72);
      cvn_diagram_pages_draw_page (self, cr, page);
      status = cairo_status (cr);
      cairo_destroy (cr);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_write_to_png (surface, path);
    }
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CVN_EXPORT_ERROR, CVN_EXPORT_ERROR_WRITE,
                   _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

gboolean
cvn_diagram_pages_write (CvnDiagramPages  *self,
                         const char       *path,
                         CvnExportFormat   format,
                         double            dpi,
                         GPtrArray        *written,
                         GError          **error)
{
  guint n_pages;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (format == CVN_EXPORT_PNG && (dpi < CVN_EXPORT_MIN_DPI || dpi > CVN_EXPORT_MAX_DPI))
    {
      g_set_error (error, CVN_EXPORT_ERROR, CVN_EXPORT_ERROR_INVALID,
                   _("A resolution of %g dots per inch is outside %d to %d"), dpi,
                   CVN_EXPORT_MIN_DPI, CVN_EXPORT_MAX_DPI);
      return FALSE;
    }

  n_pages = cvn_diagram_pages_get_n_pages (self);
  switch (format)
    {
    case CVN_EXPORT_PDF:
      if (!write_pdf (self, path, error))
        return FALSE;
      if (written != NULL)
        g_ptr_array_add (written, g_strdup (path));
      return TRUE;
    case CVN_EXPORT_SVG:
    case CVN_EXPORT_PNG:
      for (guint page = 0; page < n_pages; page++)
        {
          g_autofree char *sheet = cvn_diagram_pages_dup_sheet_path (path,
                                                                     page / self->options.columns,
                                                                     page % self->options.columns,
                                                                     n_pages > 1);
          gboolean ok = format == CVN_EXPORT_SVG ? write_svg (self, sheet, page, error)
                                                 : write_png (self, sheet, page, dpi, error);

          if (!ok)
            return FALSE;
          if (written != NULL)
            g_ptr_array_add (written, g_steal_pointer (&sheet));
        }
      return TRUE;
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* Exporting a view */

void
cvn_export_options_init (CvnExportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->view = CVN_VIEW_STRUCTURE;
  options->paper = CVN_PAPER_A4;
  options->columns = 1;
  options->rows = 1;
  options->dpi = CVN_EXPORT_DEFAULT_DPI;
}

CvnDiagramPages *
cvn_export_create_pages (CvnDocument             *doc,
                         CvnSnapshot             *snapshot,
                         const CvnExportOptions  *options,
                         double                   page_width,
                         double                   page_height,
                         GError                 **error)
{
  g_autoptr (GHashTable) saved = NULL;
  g_autoptr (CvnLayout) layout = NULL;
  g_autoptr (CvnRenderer) renderer = NULL;
  g_autofree char *title = NULL;
  g_autofree char *document_name = NULL;
  g_autofree char *date = NULL;
  const CvnGroup *group = NULL;
  CvnLayoutOptions layout_options;
  CvnRenderStyle style;
  CvnPageOptions page;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), NULL);
  g_return_val_if_fail (snapshot != NULL && options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options->columns < 1 || options->columns > CVN_POSTER_MAX_TILES ||
      options->rows < 1 || options->rows > CVN_POSTER_MAX_TILES)
    {
      g_set_error (error, CVN_EXPORT_ERROR, CVN_EXPORT_ERROR_INVALID,
                   _("A poster of %u × %u sheets is outside 1 to %d sheets each way"),
                   options->columns, options->rows, CVN_POSTER_MAX_TILES);
      return NULL;
    }
  if (options->group_id > 0)
    {
      group = cvn_snapshot_find_group (snapshot, options->group_id);
      if (group == NULL)
        {
          g_set_error (error, CVN_EXPORT_ERROR, CVN_EXPORT_ERROR_INVALID,
                       _("%s has no group with id %" G_GINT64_FORMAT),
                       cvn_document_get_path (doc), options->group_id);
          return NULL;
        }
    }

  saved = cvn_layout_load_positions (doc, options->view, error);
  if (saved == NULL)
    return NULL;
  cvn_layout_options_init (&layout_options);
  layout_options.hide_people = options->hide_people;
  layout_options.focus_group = options->group_id;
  layout_options.saved = saved;
  layout = cvn_layout_compute (snapshot, options->view, &layout_options);

  renderer = cvn_renderer_new ();
  cvn_render_style_init (&style);
  style.show_legend = TRUE;
  style.show_labels = TRUE;
  style.paint_background = FALSE;
  cvn_renderer_set_style (renderer, &style);
  cvn_renderer_set_layout (renderer, layout);

  title = cvn_page_dup_view_title (options->view, group != NULL ? group->name : NULL);
  document_name = cvn_document_dup_title (doc);
  date = cvn_page_format_date (snapshot->today);
  cvn_page_options_init (&page);
  page.page_width = page_width;
  page.page_height = page_height;
  page.columns = options->columns;
  page.rows = options->rows;
  page.title = title;
  page.document_name = document_name;
  page.date = date;
  page.people_hidden = options->hide_people;
  return cvn_diagram_pages_new (renderer, &page);
}

gboolean
cvn_export_view (CvnDocument             *doc,
                 CvnSnapshot             *snapshot,
                 const CvnExportOptions  *options,
                 const char              *path,
                 GPtrArray               *written,
                 GError                 **error)
{
  g_autoptr (CvnDiagramPages) pages = NULL;
  CvnExportFormat format;
  double width, height;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (!cvn_export_format_from_path (path, &format))
    {
      g_set_error (error, CVN_EXPORT_ERROR, CVN_EXPORT_ERROR_FORMAT,
                   _("Cannot tell the format of “%s”: name it .pdf, .svg or .png"), path);
      return FALSE;
    }
  if (!cvn_page_check_writable (path, error))
    return FALSE;
  cvn_paper_get_size (options->paper, options->landscape, &width, &height);
  pages = cvn_export_create_pages (doc, snapshot, options, width, height, error);
  if (pages == NULL)
    return FALSE;
  return cvn_diagram_pages_write (pages, path, format, options->dpi, written, error);
}
