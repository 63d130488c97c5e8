/* cvn-report-pdf.c — paginated tables.
 *
 * Pagination measures every cell once, with the text wrapped to its column, and places the
 * report's pieces (title block, section headings, header rows, rows) down the pages,
 * keeping a heading with its header row and first row. Drawing makes the text again for
 * just the rows of the page at hand. Everything is measured with hinting of metrics off,
 * so a print preview, a printer and a PDF break the pages in the same places.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-render"

#include "config.h"

#include "cvn-report-pdf.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#define TITLE_SIZE     18.0
#define SUBTITLE_SIZE  9.5
#define NOTE_SIZE      9.0
#define HEADING_SIZE   12.0
#define DETAIL_SIZE    8.0
#define HEADER_SIZE    8.0
#define CELL_SIZE      8.5
#define RUNNING_SIZE   8.0
#define PAD_X          4.0
#define PAD_Y          2.6
#define SECTION_GAP    12.0
#define MIN_WRAP_WIDTH 40.0

typedef enum
{
  ITEM_SECTION,
  ITEM_HEADER,
  ITEM_ROW,
  ITEM_EMPTY,
} ItemKind;

typedef struct
{
  ItemKind  kind;
  guint     section;
  guint     row;
  double    y;
  gboolean  continued;
} Item;

struct _CvnReportPager
{
  const CvnReport *report;
  CvnPageOptions   options;
  char            *document_name;
  char            *date;
  PangoContext    *context;

  double           table_width;
  double          *widths;           /* per column */
  double           header_height;
  double           title_height;     /* the first page's title block */
  double           running_height;   /* the small header of the pages after the first */
  GPtrArray       *row_heights;      /* per section: GArray of double */
  GPtrArray       *pages;            /* GArray of Item */
};

void
cvn_report_pager_free (CvnReportPager *self)
{
  if (self == NULL)
    return;
  g_free (self->document_name);
  g_free (self->date);
  g_clear_object (&self->context);
  g_free (self->widths);
  g_clear_pointer (&self->row_heights, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_free (self);
}

static double
layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return (double) width / PANGO_SCALE;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static double
natural_width (CvnReportPager *self,
               const char     *text,
               double          size,
               gboolean        bold)
{
  g_autoptr (PangoLayout) layout = NULL;

  if (text == NULL || text[0] == '\0')
    return 0;
  layout = cvn_page_create_text (self->context, text, size, bold, -1);
  return layout_width (layout);
}

/* The widest word of a header, the least a column can be without breaking one. */
static double
longest_word_width (CvnReportPager *self,
                    const char     *text,
                    double          size,
                    gboolean        bold)
{
  g_auto (GStrv) words = g_strsplit (text != NULL ? text : "", " ", -1);
  double widest = 0;

  for (guint i = 0; words[i] != NULL; i++)
    widest = MAX (widest, natural_width (self, words[i], size, bold));
  return widest;
}

static gboolean
report_has_column_text (const CvnReport *report,
                        guint            column)
{
  for (guint s = 0; s < report->sections->len; s++)
    {
      const CvnReportSection *section = g_ptr_array_index (report->sections, s);

      for (guint r = 0; r < section->rows->len; r++)
        if (((char **) g_ptr_array_index (section->rows, r))[column][0] != '\0')
          return TRUE;
    }
  return FALSE;
}

/* Compact columns take their widest cell; the rest share what is left by weight, and a
 * column whose cells all fit in less than its share gives the difference to the others. */
static void
compute_widths (CvnReportPager *self)
{
  const CvnReport *report = self->report;
  guint n = report->n_columns;
  g_autofree double *natural = g_new0 (double, n);
  g_autofree gboolean *fixed = g_new0 (gboolean, n);
  double compact = 0, left, weights;
  guint n_wrap = 0;
  gboolean changed;

  for (guint c = 0; c < n; c++)
    {
      double widest = longest_word_width (self, report->columns[c].title, HEADER_SIZE, TRUE);

      for (guint s = 0; s < report->sections->len; s++)
        {
          const CvnReportSection *section = g_ptr_array_index (report->sections, s);

          for (guint r = 0; r < section->rows->len; r++)
            widest = MAX (widest, natural_width (self,
                                                 ((char **) g_ptr_array_index (section->rows,
                                                                               r))[c],
                                                 CELL_SIZE, FALSE));
        }
      /* A point to spare, so rounding never wraps a cell measured to fit. */
      natural[c] = widest + 2 * PAD_X + 1;
      if (report->columns[c].flags & CVN_REPORT_COLUMN_COMPACT)
        {
          fixed[c] = TRUE;
          self->widths[c] = MIN (natural[c], self->table_width / 4);
          compact += self->widths[c];
        }
      else
        n_wrap++;
    }

  /* Compact columns give way when they would leave the others too narrow to read. */
  left = self->table_width - compact;
  if (n_wrap > 0 && left < n_wrap * MIN_WRAP_WIDTH && compact > 0)
    {
      double shrink = MAX (self->table_width - n_wrap * MIN_WRAP_WIDTH, 0) / compact;

      for (guint c = 0; c < n; c++)
        if (fixed[c])
          self->widths[c] *= shrink;
      left = self->table_width - compact * shrink;
    }
  if (n_wrap == 0)
    {
      /* Only compact columns: spread the spare width over them evenly. */
      for (guint c = 0; c < n; c++)
        self->widths[c] += MAX (left, 0) / n;
      return;
    }

  do
    {
      changed = FALSE;
      weights = 0;
      for (guint c = 0; c < n; c++)
        if (!fixed[c])
          weights += report->columns[c].weight > 0 ? report->columns[c].weight : 1;
      for (guint c = 0; c < n; c++)
        {
          double weight = report->columns[c].weight > 0 ? report->columns[c].weight : 1;

          if (fixed[c])
            continue;
          self->widths[c] = left * weight / weights;
          /* An empty column (contact details when hidden) keeps only its header's width. */
          if (natural[c] <= self->widths[c] || !report_has_column_text (report, c))
            {
              self->widths[c] = MIN (natural[c], self->widths[c]);
              fixed[c] = TRUE;
              left -= self->widths[c];
              changed = TRUE;
              break;
            }
        }
    }
  while (changed && left > 0);

  /* Anything left after every column fits goes to the wrapping columns by weight. */
  {
    double used = 0;
    double wrap_weights = 0;

    for (guint c = 0; c < n; c++)
      {
        used += self->widths[c];
        if (!(report->columns[c].flags & CVN_REPORT_COLUMN_COMPACT))
          wrap_weights += report->columns[c].weight > 0 ? report->columns[c].weight : 1;
      }
    if (self->table_width - used > 0.5 && wrap_weights > 0)
      for (guint c = 0; c < n; c++)
        if (!(report->columns[c].flags & CVN_REPORT_COLUMN_COMPACT))
          self->widths[c] += (self->table_width - used) *
                             (report->columns[c].weight > 0 ? report->columns[c].weight : 1) /
                             wrap_weights;
  }
}

static PangoLayout *
create_cell (CvnReportPager *self,
             guint           column,
             const char     *text,
             double          size,
             gboolean        bold)
{
  PangoLayout *layout = cvn_page_create_text (self->context, text, size, bold,
                                              MAX (self->widths[column] - 2 * PAD_X, 1));

  if (self->report->columns[column].flags & CVN_REPORT_COLUMN_NUMERIC)
    pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  return layout;
}

static double
measure_row (CvnReportPager *self,
             char          **cells,
             double          size,
             gboolean        bold)
{
  double height = 0;

  for (guint c = 0; c < self->report->n_columns; c++)
    {
      g_autoptr (PangoLayout) layout = create_cell (self, c, cells[c], size, bold);

      height = MAX (height, layout_height (layout));
    }
  return height + 2 * PAD_Y;
}

static char *
dup_subtitle (CvnReportPager *self)
{
  GString *out = g_string_new (NULL);

  if (self->document_name[0] != '\0')
    g_string_append (out, self->document_name);
  if (self->date[0] != '\0')
    g_string_append_printf (out, "%s%s", out->len > 0 ? " · " : "", self->date);
  if (self->report->people_hidden)
    g_string_append_printf (out, "%s%s", out->len > 0 ? " · " : "",
                            _("Personal data hidden"));
  return g_string_free (out, FALSE);
}

static double
section_height (CvnReportPager         *self,
                const CvnReportSection *section,
                gboolean                continued)
{
  g_autoptr (PangoLayout) heading = NULL;
  double height;

  if (section->heading == NULL)
    return 0;
  heading = cvn_page_create_text (self->context, section->heading, HEADING_SIZE, TRUE,
                                  self->table_width);
  height = layout_height (heading) + 3;
  if (!continued && section->detail != NULL)
    {
      g_autoptr (PangoLayout) detail = cvn_page_create_text (self->context, section->detail,
                                                             DETAIL_SIZE, FALSE,
                                                             self->table_width);

      height += layout_height (detail);
    }
  return height + 4;
}

static double
empty_height (CvnReportPager *self)
{
  g_autoptr (PangoLayout) layout = cvn_page_create_text (self->context,
                                                         self->report->empty_text,
                                                         CELL_SIZE, FALSE, self->table_width);

  return layout_height (layout) + 2 * PAD_Y;
}

static void
measure (CvnReportPager *self)
{
  const CvnReport *report = self->report;
  g_autofree char *subtitle = dup_subtitle (self);
  g_autoptr (PangoLayout) title = NULL;
  g_autoptr (PangoLayout) sub = NULL;
  g_autoptr (PangoLayout) running = NULL;
  g_auto (GStrv) headers = g_new0 (char *, report->n_columns + 1);

  title = cvn_page_create_text (self->context, report->title, TITLE_SIZE, TRUE,
                                self->table_width);
  sub = cvn_page_create_text (self->context, subtitle, SUBTITLE_SIZE, FALSE, self->table_width);
  self->title_height = layout_height (title) + 2 + layout_height (sub) + 6;
  if (report->note != NULL)
    {
      g_autoptr (PangoLayout) note = cvn_page_create_text (self->context, report->note,
                                                           NOTE_SIZE, FALSE, self->table_width);

      self->title_height += layout_height (note) + 4;
    }
  self->title_height += 8;

  running = cvn_page_create_text (self->context, report->title, RUNNING_SIZE, TRUE, -1);
  self->running_height = layout_height (running) + 10;

  for (guint c = 0; c < report->n_columns; c++)
    headers[c] = g_strdup (report->columns[c].title);
  self->header_height = measure_row (self, headers, HEADER_SIZE, TRUE);

  self->row_heights = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint s = 0; s < report->sections->len; s++)
    {
      const CvnReportSection *section = g_ptr_array_index (report->sections, s);
      GArray *heights = g_array_sized_new (FALSE, FALSE, sizeof (double), section->rows->len);

      for (guint r = 0; r < section->rows->len; r++)
        {
          double height = measure_row (self, g_ptr_array_index (section->rows, r), CELL_SIZE,
                                       FALSE);

          g_array_append_val (heights, height);
        }
      g_ptr_array_add (self->row_heights, heights);
    }
}

typedef struct
{
  CvnReportPager *self;
  GArray         *page;      /* Item, the page being filled */
  double          y;
  double          bottom;
  gboolean        has_content;
} Filler;

static void
start_page (Filler *filler)
{
  CvnReportPager *self = filler->self;
  gboolean first = self->pages->len == 0;

  filler->page = g_array_new (FALSE, TRUE, sizeof (Item));
  g_ptr_array_add (self->pages, filler->page);
  filler->y = self->options.margin + (first ? self->title_height : self->running_height);
  filler->has_content = FALSE;
}

static void
place (Filler   *filler,
       ItemKind  kind,
       guint     section,
       guint     row,
       gboolean  continued,
       double    height)
{
  Item item = { kind, section, row, filler->y, continued };

  g_array_append_val (filler->page, item);
  filler->y += height;
  filler->has_content = TRUE;
}

/* Moves to a new page unless this one is still empty (a piece taller than a page then goes
 * on it anyway, rather than leaving blank pages behind). */
static void
break_unless_empty (Filler *filler)
{
  if (filler->has_content)
    start_page (filler);
}

static void
paginate (CvnReportPager *self)
{
  const CvnReport *report = self->report;
  Filler filler = { self, NULL, 0, 0, FALSE };

  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  filler.bottom = self->options.page_height - self->options.margin -
                  cvn_page_get_footer_height () - 4;
  start_page (&filler);

  for (guint s = 0; s < report->sections->len; s++)
    {
      const CvnReportSection *section = g_ptr_array_index (report->sections, s);
      GArray *heights = g_ptr_array_index (self->row_heights, s);
      double heading = section_height (self, section, FALSE);
      double first = heights->len > 0 ? self->header_height +
                                        g_array_index (heights, double, 0)
                                      : empty_height (self);

      /* A heading stays with the header row and at least the first row under it. */
      if (filler.y + heading + first > filler.bottom)
        break_unless_empty (&filler);
      if (section->heading != NULL)
        place (&filler, ITEM_SECTION, s, 0, FALSE, heading);
      if (heights->len == 0)
        {
          place (&filler, ITEM_EMPTY, s, 0, FALSE, empty_height (self));
          filler.y += SECTION_GAP;
          continue;
        }
      place (&filler, ITEM_HEADER, s, 0, FALSE, self->header_height);
      for (guint r = 0; r < heights->len; r++)
        {
          double height = g_array_index (heights, double, r);

          if (filler.y + height > filler.bottom)
            {
              start_page (&filler);
              if (section->heading != NULL)
                place (&filler, ITEM_SECTION, s, r, TRUE, section_height (self, section, TRUE));
              place (&filler, ITEM_HEADER, s, r, TRUE, self->header_height);
            }
          place (&filler, ITEM_ROW, s, r, FALSE, height);
        }
      filler.y += SECTION_GAP;
    }
}

CvnReportPager *
cvn_report_pager_new (const CvnReport      *report,
                      const CvnPageOptions *options)
{
  CvnReportPager *self;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->page_width > 2 * options->margin &&
                        options->page_height > 2 * options->margin, NULL);

  self = g_new0 (CvnReportPager, 1);
  self->report = report;
  self->options = *options;
  self->document_name = g_strdup (options->document_name != NULL ? options->document_name : "");
  self->date = options->date != NULL ? g_strdup (options->date)
                                     : cvn_page_format_date (report->today);
  self->options.document_name = self->document_name;
  self->options.date = self->date;
  self->options.title = NULL;
  self->context = cvn_page_create_pango_context ();
  self->table_width = options->page_width - 2 * options->margin;
  self->widths = g_new0 (double, MAX (report->n_columns, 1));

  compute_widths (self);
  measure (self);
  paginate (self);
  return self;
}

guint
cvn_report_pager_get_n_pages (CvnReportPager *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->pages->len;
}

const double *
cvn_report_pager_get_column_widths (CvnReportPager *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->widths;
}

int
cvn_report_pager_find_row (CvnReportPager *self,
                           guint           section,
                           guint           row)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint p = 0; p < self->pages->len; p++)
    {
      GArray *page = g_ptr_array_index (self->pages, p);

      for (guint i = 0; i < page->len; i++)
        {
          const Item *item = &g_array_index (page, Item, i);

          if (item->kind == ITEM_ROW && item->section == section && item->row == row)
            return (int) p;
        }
    }
  return -1;
}

/* Drawing */

static void
show (cairo_t     *cr,
      PangoLayout *layout,
      double       x,
      double       y,
      double       grey)
{
  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
hairline (cairo_t *cr,
          double   x,
          double   y,
          double   width,
          double   line_width,
          double   grey)
{
  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_set_line_width (cr, line_width);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + width, y);
  cairo_stroke (cr);
}

static void
draw_title_block (CvnReportPager *self,
                  cairo_t        *cr)
{
  g_autofree char *subtitle = dup_subtitle (self);
  g_autoptr (PangoLayout) title = NULL;
  g_autoptr (PangoLayout) sub = NULL;
  double x = self->options.margin, y = self->options.margin;

  title = cvn_page_create_text (self->context, self->report->title, TITLE_SIZE, TRUE,
                                self->table_width);
  show (cr, title, x, y, 0.1);
  y += layout_height (title) + 2;
  sub = cvn_page_create_text (self->context, subtitle, SUBTITLE_SIZE, FALSE, self->table_width);
  show (cr, sub, x, y, 0.35);
  y += layout_height (sub) + 6;
  if (self->report->note != NULL)
    {
      g_autoptr (PangoLayout) note = cvn_page_create_text (self->context, self->report->note,
                                                           NOTE_SIZE, FALSE, self->table_width);

      show (cr, note, x, y, 0.2);
      y += layout_height (note) + 4;
    }
  hairline (cr, x, y + 2, self->table_width, 0.75, 0.55);
}

static void
draw_running_header (CvnReportPager *self,
                     cairo_t        *cr)
{
  g_autoptr (PangoLayout) title = NULL;
  g_autoptr (PangoLayout) name = NULL;
  double x = self->options.margin, y = self->options.margin, name_width;

  name = cvn_page_create_text (self->context, self->document_name, RUNNING_SIZE, FALSE, -1);
  name_width = layout_width (name);
  title = cvn_page_create_text (self->context, self->report->title, RUNNING_SIZE, TRUE,
                                MAX (self->table_width - name_width - 12, 1));
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  show (cr, title, x, y, 0.35);
  show (cr, name, x + self->table_width - name_width, y, 0.35);
  hairline (cr, x, y + layout_height (title) + 3, self->table_width, 0.5, 0.6);
}

static void
draw_section (CvnReportPager *self,
              cairo_t        *cr,
              const Item     *item)
{
  const CvnReportSection *section = g_ptr_array_index (self->report->sections, item->section);
  g_autofree char *text = item->continued
                            /* TRANSLATORS: a section heading repeated on the next page. */
                            ? g_strdup_printf (_("%s (continued)"), section->heading)
                            : g_strdup (section->heading);
  g_autoptr (PangoLayout) heading = cvn_page_create_text (self->context, text, HEADING_SIZE,
                                                          TRUE, self->table_width);
  double x = self->options.margin, y = item->y;

  show (cr, heading, x, y, 0.1);
  y += layout_height (heading) + 1;
  if (!item->continued && section->detail != NULL)
    {
      g_autoptr (PangoLayout) detail = cvn_page_create_text (self->context, section->detail,
                                                             DETAIL_SIZE, FALSE,
                                                             self->table_width);

      show (cr, detail, x, y, 0.4);
    }
}

static void
draw_cells (CvnReportPager *self,
            cairo_t        *cr,
            char          **cells,
            double          y,
            double          size,
            gboolean        bold)
{
  double x = self->options.margin;

  for (guint c = 0; c < self->report->n_columns; c++)
    {
      g_autoptr (PangoLayout) layout = create_cell (self, c, cells[c], size, bold);

      show (cr, layout, x + PAD_X, y + PAD_Y, bold ? 0.15 : 0.05);
      x += self->widths[c];
    }
}

static void
draw_header (CvnReportPager *self,
             cairo_t        *cr,
             const Item     *item)
{
  const CvnReport *report = self->report;
  g_auto (GStrv) headers = g_new0 (char *, report->n_columns + 1);

  for (guint c = 0; c < report->n_columns; c++)
    headers[c] = g_strdup (report->columns[c].title);
  cairo_rectangle (cr, self->options.margin, item->y, self->table_width, self->header_height);
  cairo_set_source_rgb (cr, 0.88, 0.89, 0.91);
  cairo_fill (cr);
  draw_cells (self, cr, headers, item->y, HEADER_SIZE, TRUE);
  hairline (cr, self->options.margin, item->y + self->header_height, self->table_width, 0.6,
            0.45);
}

static void
draw_row (CvnReportPager *self,
          cairo_t        *cr,
          const Item     *item)
{
  const CvnReportSection *section = g_ptr_array_index (self->report->sections, item->section);
  GArray *heights = g_ptr_array_index (self->row_heights, item->section);
  double height = g_array_index (heights, double, item->row);

  /* Every other row shaded, so the eye can follow a row across a wide table. */
  if (item->row % 2 == 1)
    {
      cairo_rectangle (cr, self->options.margin, item->y, self->table_width, height);
      cairo_set_source_rgb (cr, 0.96, 0.965, 0.97);
      cairo_fill (cr);
    }
  draw_cells (self, cr, g_ptr_array_index (section->rows, item->row), item->y, CELL_SIZE,
              FALSE);
  hairline (cr, self->options.margin, item->y + height, self->table_width, 0.3, 0.8);
}

static void
draw_empty (CvnReportPager *self,
            cairo_t        *cr,
            const Item     *item)
{
  g_autoptr (PangoLayout) layout = cvn_page_create_text (self->context,
                                                         self->report->empty_text,
                                                         CELL_SIZE, FALSE, self->table_width);
  PangoFontDescription *font = pango_font_description_copy (pango_layout_get_font_description (layout));

  pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  show (cr, layout, self->options.margin + PAD_X, item->y + PAD_Y, 0.4);
}

void
cvn_report_pager_draw_page (CvnReportPager *self,
                            cairo_t        *cr,
                            guint           page)
{
  GArray *items;
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;

  g_return_if_fail (self != NULL && cr != NULL);
  g_return_if_fail (page < self->pages->len);

  items = g_ptr_array_index (self->pages, page);
  cairo_save (cr);
  if (page == 0)
    draw_title_block (self, cr);
  else
    draw_running_header (self, cr);

  for (guint i = 0; i < items->len; i++)
    {
      const Item *item = &g_array_index (items, Item, i);

      switch (item->kind)
        {
        case ITEM_SECTION:
          draw_section (self, cr, item);
          break;
        case ITEM_HEADER:
          draw_header (self, cr, item);
          break;
        case ITEM_ROW:
          draw_row (self, cr, item);
          break;
        case ITEM_EMPTY:
          draw_empty (self, cr, item);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  left = dup_subtitle (self);
  /* TRANSLATORS: the page number in a report's footer, "Page 3 of 7". */
  right = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  cvn_page_draw_footer (cr, self->context, &self->options, left, right);
  cairo_restore (cr);
}

gboolean
cvn_report_write_pdf (const CvnReport       *report,
                      const CvnPageOptions  *options,
                      const char            *path,
                      GError               **error)
{
  g_autoptr (CvnReportPager) pager = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;

  g_return_val_if_fail (report != NULL && options != NULL && path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!cvn_page_check_writable (path, error))
    return FALSE;
  pager = cvn_report_pager_new (report, options);
  surface = cairo_pdf_surface_create (path, options->page_width, options->page_height);
  if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
    {
      cairo_t *cr = cairo_create (surface);

      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, report->title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Convenor");
      for (guint page = 0; page < cvn_report_pager_get_n_pages (pager); page++)
        {
          cvn_report_pager_draw_page (pager, cr, page);
          cairo_show_page (cr);
        }
      cairo_destroy (cr);
      cairo_surface_finish (surface);
    }
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CVN_EXPORT_ERROR, CVN_EXPORT_ERROR_WRITE,
                   _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
