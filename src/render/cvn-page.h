/* cvn-page.h — paper, page furniture, and a diagram fitted to one page or tiled as a poster.
 *
 * A diagram page is a title band (the view's title, the document's name and the date), the
 * diagram drawn by the one renderer (cvn-renderer.h) with its legend of group kinds and, on
 * the map, its scale bar, and a footer. A poster spreads the same composition over rows ×
 * columns sheets: the whole poster is drawn once per sheet, shifted and clipped, so the
 * strips two neighbouring sheets share are identical and the sheets can be taped together.
 * Each sheet of a poster carries crop marks at the corners of its printed area, ticks where
 * the next sheet's edge goes, and a label ("Row 2, column 3 of 2 × 3") in its margin.
 *
 * Everything here draws in points onto a cairo_t whose origin is the top-left corner of the
 * sheet: a PDF or SVG page, a scaled PNG, or a GtkPrintContext with a full-page origin.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "cvn-renderer.h"

G_BEGIN_DECLS

#define CVN_EXPORT_ERROR (cvn_export_error_quark ())

typedef enum
{
  CVN_EXPORT_ERROR_FORMAT,       /* a file name whose extension is not .pdf, .svg or .png */
  CVN_EXPORT_ERROR_WRITE,        /* cairo could not write the file */
  CVN_EXPORT_ERROR_INVALID,      /* an option out of range: tiles, resolution */
} CvnExportError;

typedef enum
{
  CVN_PAPER_A4 = 0,
  CVN_PAPER_A3,
} CvnPaper;

#define CVN_N_PAPERS 2

/* ISO 216 sizes in PostScript points (1/72 inch): 210 × 297 mm and 297 × 420 mm. */
#define CVN_A4_WIDTH_PT   595.276
#define CVN_A4_HEIGHT_PT  841.89
#define CVN_A3_WIDTH_PT   841.89
#define CVN_A3_HEIGHT_PT  1190.55

#define CVN_MM_TO_PT(mm) ((mm) * 72.0 / 25.4)

/* What neighbouring poster sheets share by default, and the most tiles either way. */
#define CVN_POSTER_DEFAULT_OVERLAP_PT CVN_MM_TO_PT (10)
#define CVN_POSTER_MAX_TILES          8

#define CVN_EXPORT_DEFAULT_DPI 150
#define CVN_EXPORT_MIN_DPI     30
#define CVN_EXPORT_MAX_DPI     600

typedef enum
{
  CVN_EXPORT_PDF = 0,
  CVN_EXPORT_SVG,
  CVN_EXPORT_PNG,
} CvnExportFormat;

GQuark      cvn_export_error_quark     (void);

/* "a4", "a3". */
const char *cvn_paper_to_string        (CvnPaper         paper);
gboolean    cvn_paper_from_string      (const char      *str,
                                        CvnPaper        *out_paper);
void        cvn_paper_get_size         (CvnPaper         paper,
                                        gboolean         landscape,
                                        double          *width_pt,
                                        double          *height_pt);

/* The format a file name asks for by its extension (any case); FALSE for anything else. */
gboolean    cvn_export_format_from_path (const char      *path,
                                         CvnExportFormat *out_format);
/* "pdf", "svg", "png". */
const char *cvn_export_format_to_string (CvnExportFormat format);

/* Fails, naming @path and the reason, when the folder @path would be written in is missing
 * or not writable: checked before drawing, since cairo reports only "error while writing to
 * output stream" once it is too late to say why. */
gboolean    cvn_page_check_writable    (const char      *path,
                                        GError         **error);

/* A date as pages print it, "28 November 2026", from YYYY-MM-DD; other text is returned as
 * it is. */
char       *cvn_page_format_date       (const char      *iso_date);

/* The title a view's pages carry: "Structure", "Membership graph", "Map", followed by the
 * group's name when the view is limited to one (@group_name may be NULL). */
char       *cvn_page_dup_view_title    (CvnView          view,
                                        const char      *group_name);

/* A Pango context for print: 72 units per inch, so a 10-point font is 10 units tall, with
 * hinting of metrics off so text measures the same on every surface. */
PangoContext *cvn_page_create_pango_context (void);

/* A paragraph of text in the pages' typeface; @width < 0 for no wrapping. */
PangoLayout  *cvn_page_create_text     (PangoContext    *context,
                                        const char      *text,
                                        double           size_pt,
                                        gboolean         bold,
                                        double           width);

typedef struct
{
  double       page_width;      /* the sheet, in points */
  double       page_height;
  double       margin;          /* points between the sheet's edge and what is printed */
  guint        columns;         /* poster tiles across and down; 1 × 1 fits one page */
  guint        rows;
  double       overlap;         /* points neighbouring poster sheets share */
  gboolean     crop_marks;      /* on poster sheets */
  const char  *title;
  const char  *document_name;
  const char  *date;            /* as printed, see cvn_page_format_date() */
  gboolean     people_hidden;   /* the footer says so */
} CvnPageOptions;

/* A4 portrait, 12 mm margins, one tile, 10 mm overlap, crop marks on, no text. */
void        cvn_page_options_init      (CvnPageOptions  *options);
void        cvn_page_options_set_paper (CvnPageOptions  *options,
                                        CvnPaper         paper,
                                        gboolean         landscape);

/* The running footer shared by diagrams and reports: @left at the left (document, date),
 * @right at the right ("Page 3 of 7"), under a hairline. Draws nothing for NULL text. */
void        cvn_page_draw_footer       (cairo_t         *cr,
                                        PangoContext    *context,
                                        const CvnPageOptions *options,
                                        const char      *left,
                                        const char      *right);
/* The height the footer takes above the bottom margin. */
double      cvn_page_get_footer_height (void);

/* The diagram on one page or a poster of sheets. It holds a reference to @renderer, whose
 * layout and style it draws; set hide-people on the layout, not here. */
typedef struct _CvnDiagramPages CvnDiagramPages;

CvnDiagramPages *cvn_diagram_pages_new        (CvnRenderer          *renderer,
                                               const CvnPageOptions *options);
void             cvn_diagram_pages_free       (CvnDiagramPages      *self);
/* rows × columns. */
guint            cvn_diagram_pages_get_n_pages (CvnDiagramPages     *self);
/* The area of the whole composition (one page's printable area, or the assembled poster's)
 * given to the diagram itself, in points, and the viewport it is drawn with, whose device
 * units are the renderer's pixels: @pt_per_px points each (0.75 on a single page, the size of
 * a pixel on a 96 dpi screen). Any of the pointers may be NULL. */
void             cvn_diagram_pages_get_diagram_area (CvnDiagramPages *self,
                                                     CvnRect         *area,
                                                     CvnViewport     *viewport,
                                                     double          *pt_per_px);
/* Draws sheet @page, counting row by row from the top left, onto @cr in points with the
 * origin at the sheet's top-left corner. */
void             cvn_diagram_pages_draw_page  (CvnDiagramPages      *self,
                                               cairo_t              *cr,
                                               guint                 page);
/* Writes every sheet to @path. PDF takes one page per sheet. SVG and PNG hold one sheet per
 * file, so a poster writes PATH-row1-col1.svg and so on beside @path. PNGs are sized from
 * the paper at @dpi. Appends every file written to @written (char *) when it is not NULL. */
gboolean         cvn_diagram_pages_write      (CvnDiagramPages      *self,
                                               const char           *path,
                                               CvnExportFormat       format,
                                               double                dpi,
                                               GPtrArray            *written,
                                               GError              **error);

/* The file a poster's sheet is written to: "poster.png" -> "poster-row2-col3.png", or @path
 * itself for a single page. */
char            *cvn_diagram_pages_dup_sheet_path (const char *path,
                                                   guint       row,
                                                   guint       column,
                                                   gboolean    tiled);

/* Exporting a view of a document, as the command line and the Export dialog do. */
typedef struct
{
  CvnView          view;
  gint64           group_id;      /* only this group and what is under it; 0 for all */
  gboolean         hide_people;
  CvnPaper         paper;
  gboolean         landscape;
  guint            columns;
  guint            rows;
  double           dpi;           /* PNG only */
} CvnExportOptions;

void             cvn_export_options_init      (CvnExportOptions     *options);

/* Lays out @options->view of @snapshot (with the positions saved in @doc, so a hand-arranged
 * view prints as arranged) and writes it to @path in the format its extension names. */
gboolean         cvn_export_view              (CvnDocument            *doc,
                                               CvnSnapshot            *snapshot,
                                               const CvnExportOptions *options,
                                               const char             *path,
                                               GPtrArray              *written,
                                               GError                **error);

/* Builds the pages of a view as cvn_export_view() would, for printing; @page_width and
 * @page_height (points) come from the print setup. */
CvnDiagramPages *cvn_export_create_pages      (CvnDocument            *doc,
                                               CvnSnapshot            *snapshot,
                                               const CvnExportOptions *options,
                                               double                  page_width,
                                               double                  page_height,
                                               GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CvnDiagramPages, cvn_diagram_pages_free)

G_END_DECLS
