/* test-export.c — diagrams and reports on paper, checked with the tools people open them with.
 *
 * Every view and every report of the sample borough is written through `convenor-cli export`
 * and `convenor-cli report`, and the files are checked from outside: pdfinfo for the page
 * count and the exact paper size, pdftotext for the words on the pages (group names present,
 * people's names absent when hidden), xmllint and rsvg-convert for SVG, and the PNG's own
 * header for its size in pixels. The pager is also checked directly: wrapping, repeated
 * headers, and nothing printed beyond the margins (pdftotext -bbox).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <math.h>
#include <string.h>

#include "cvn-page.h"
#include "cvn-report-pdf.h"
#include "cvn-reports.h"
#include "cvn-sample.h"
#include "cvn-snapshot.h"
#include "test-util.h"

typedef CvnTestDocument Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  cvn_test_document_set_up_sample (f, data);
  /* The snapshot as the command line sees it: today is the real today. */
  cvn_snapshot_free (f->snapshot);
  f->snapshot = cvn_test_load (f->doc);
}

static char *
out_path (Fixture    *f,
          const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

/* Running programs */

static gboolean
have_tools (void)
{
  static const char * const tools[] = { "pdfinfo", "pdftotext", "xmllint", "rsvg-convert" };

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      g_autofree char *found = g_find_program_in_path (tools[i]);

      if (found == NULL)
        {
          g_autofree char *message = g_strdup_printf ("%s is not installed", tools[i]);

          g_test_skip (message);
          return FALSE;
        }
    }
  return TRUE;
}

#define CLI_OK(...) \
  G_STMT_START { \
    g_autofree char *cli_out_ = NULL, *cli_err_ = NULL; \
    int cli_status_ = cvn_test_run_cli (&cli_out_, &cli_err_, __VA_ARGS__, NULL); \
    if (cli_status_ != 0) \
      g_error ("convenor-cli failed (%d): %s", cli_status_, cli_err_); \
  } G_STMT_END

/* pdfinfo's "Pages:" and "Page size:" lines. */
static void
pdf_info (const char *path,
          guint      *pages,
          char      **page_size)
{
  g_autofree char *out = NULL;
  g_auto (GStrv) lines = NULL;

  g_assert_cmpint (cvn_test_spawn ((const char *[]) { "pdfinfo", path, NULL }, &out, NULL), ==, 0);
  *pages = 0;
  *page_size = NULL;
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "Pages:"))
        *pages = (guint) g_ascii_strtoull (g_strstrip (lines[i] + 6), NULL, 10);
      else if (g_str_has_prefix (lines[i], "Page size:"))
        *page_size = g_strdup (g_strstrip (lines[i] + 10));
    }
  g_assert_nonnull (*page_size);
}

static void
assert_pdf (const char *path,
            guint       expected_pages,
            const char *expected_size)
{
  g_autofree char *size = NULL;
  guint pages;

  pdf_info (path, &pages, &size);
  g_assert_cmpuint (pages, ==, expected_pages);
  g_assert_cmpstr (size, ==, expected_size);
}

/* The text of pages @first to @last (0: to the end), with every run of white space made one
 * space, so a name broken over two lines still reads as one. */
static char *
pdf_text_full (const char *path,
               guint       first,
               guint       last,
               gboolean    layout)
{
  g_autofree char *first_arg = g_strdup_printf ("%u", MAX (first, 1));
  g_autofree char *last_arg = g_strdup_printf ("%u", last);
  g_autofree char *out = NULL;
  g_autoptr (GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) "pdftotext");
  /* -layout keeps the cells of a row on one line, in order; without it pdftotext reads
   * column by column, but keeps a wrapped cell's lines together. */
  if (layout)
    g_ptr_array_add (argv, (gpointer) "-layout");
  g_ptr_array_add (argv, (gpointer) "-f");
  g_ptr_array_add (argv, first_arg);
  if (last > 0)
    {
      g_ptr_array_add (argv, (gpointer) "-l");
      g_ptr_array_add (argv, last_arg);
    }
  g_ptr_array_add (argv, (gpointer) path);
  g_ptr_array_add (argv, (gpointer) "-");
  g_ptr_array_add (argv, NULL);
  g_assert_cmpint (cvn_test_spawn ((const char * const *) argv->pdata, &out, NULL), ==, 0);
  return g_regex_replace_literal (space, out, -1, 0, " ", 0, NULL);
}

static char *
pdf_text (const char *path,
          guint       first,
          guint       last)
{
  return pdf_text_full (path, first, last, FALSE);
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
png_size (const char *path,
          int        *width,
          int        *height)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  *width = cairo_image_surface_get_width (surface);
  *height = cairo_image_surface_get_height (surface);
  cairo_surface_destroy (surface);
}

#define A4_PORTRAIT  "595.276 x 841.89 pts (A4)"
#define A4_LANDSCAPE "841.89 x 595.276 pts (A4)"
#define A3_LANDSCAPE "1190.55 x 841.89 pts (A3)"

/* Paper, formats and names */

static void
test_paper (void)
{
  double width, height;
  CvnPaper paper;
  CvnExportFormat format;
  g_autofree char *date = cvn_page_format_date ("2026-11-28");
  g_autofree char *title = cvn_page_dup_view_title (CVN_VIEW_MAP, "Riverside Cluster");
  g_autofree char *sheet = cvn_diagram_pages_dup_sheet_path ("/tmp/out/poster.png", 1, 2, TRUE);
  g_autofree char *single = cvn_diagram_pages_dup_sheet_path ("/tmp/out/poster.png", 0, 0,
                                                              FALSE);
  CvnPageOptions options;

  cvn_paper_get_size (CVN_PAPER_A4, FALSE, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.276, 0.001);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.001);
  /* 210 mm and 297 mm, as ISO 216 has them. */
  g_assert_cmpfloat_with_epsilon (width * 25.4 / 72, 210, 0.01);
  g_assert_cmpfloat_with_epsilon (height * 25.4 / 72, 297, 0.01);
  cvn_paper_get_size (CVN_PAPER_A3, TRUE, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 1190.55, 0.001);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.001);

  g_assert_true (cvn_paper_from_string ("A3", &paper));
  g_assert_cmpint (paper, ==, CVN_PAPER_A3);
  g_assert_false (cvn_paper_from_string ("letter", &paper));
  g_assert_cmpstr (cvn_paper_to_string (CVN_PAPER_A4), ==, "a4");

  g_assert_true (cvn_export_format_from_path ("x/plan.PDF", &format));
  g_assert_cmpint (format, ==, CVN_EXPORT_PDF);
  g_assert_true (cvn_export_format_from_path ("plan.svg", &format));
  g_assert_cmpint (format, ==, CVN_EXPORT_SVG);
  g_assert_true (cvn_export_format_from_path ("plan.png", &format));
  g_assert_cmpint (format, ==, CVN_EXPORT_PNG);
  g_assert_false (cvn_export_format_from_path ("plan.jpg", &format));
  g_assert_false (cvn_export_format_from_path ("dir.pdf/plan", &format));

  g_assert_cmpstr (date, ==, "28 November 2026");
  g_assert_cmpstr (title, ==, "Map: Riverside Cluster");
  g_assert_cmpstr (sheet, ==, "/tmp/out/poster-row2-col3.png");
  g_assert_cmpstr (single, ==, "/tmp/out/poster.png");

  cvn_page_options_init (&options);
  g_assert_cmpfloat_with_epsilon (options.page_width, 595.276, 0.001);
  g_assert_cmpuint (options.columns, ==, 1);
  g_assert_cmpuint (options.rows, ==, 1);
}

/* Diagrams */

/* Each view fits one page of the size asked for, titled, with the group names on it. */
static void
test_views_pdf (Fixture       *f,
                gconstpointer  data)
{
  static const char * const titles[CVN_N_VIEWS] = { "Structure", "Membership graph", "Map" };

  if (!have_tools ())
    return;

  for (guint v = 0; v < CVN_N_VIEWS; v++)
    {
      const char *view = cvn_view_to_string (v);
      g_autofree char *a4_name = g_strdup_printf ("%s-a4.pdf", view);
      g_autofree char *a3_name = g_strdup_printf ("%s-a3.pdf", view);
      g_autofree char *a4 = out_path (f, a4_name);
      g_autofree char *a3 = out_path (f, a3_name);
      g_autofree char *text = NULL;
      g_autofree char *date = cvn_page_format_date (f->snapshot->today);
      guint n_tier1 = 0, n_found = 0;

      CLI_OK ("export", f->path, "--view", view, "--to", a4);
      assert_pdf (a4, 1, A4_PORTRAIT);
      CLI_OK ("export", f->path, "--view", view, "--paper", "a3", "--landscape", "--to", a3);
      assert_pdf (a3, 1, A3_LANDSCAPE);

      text = pdf_text (a3, 1, 1);
      g_assert_true (g_str_has_prefix (text, titles[v]) || strstr (text, titles[v]) != NULL);
      g_assert_nonnull (strstr (text, "kingsmere"));
      g_assert_nonnull (strstr (text, date));
      /* The legend of group kinds. */
      g_assert_nonnull (strstr (text, "Legend"));
      g_assert_nonnull (strstr (text, "Cluster"));

      for (guint i = 0; i < f->snapshot->groups->len; i++)
        {
          const CvnGroup *group = &g_array_index (f->snapshot->groups, CvnGroup, i);

          /* The structure names every group in its box. */
          if (v == CVN_VIEW_STRUCTURE && strstr (text, group->name) == NULL)
            g_error ("%s is missing from the structure on A3", group->name);
          if (group->tier == 1)
            {
              n_tier1++;
              n_found += strstr (text, group->name) != NULL ? 1 : 0;
            }
        }
      /* The graph and the map label hulls where labels do not collide; most clusters must
       * be named. */
      g_assert_cmpuint (n_tier1, >, 0);
      g_assert_cmpuint (n_found * 4, >=, n_tier1 * 3);
    }
}

/* The map carries a scale bar (its label in metres or kilometres). */
static void
test_map_scale_bar (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *pdf = out_path (f, "map.pdf");
  g_autofree char *text = NULL;
  g_autoptr (GRegex) scale = g_regex_new (" [0-9.]+ (km|m) ", 0, 0, NULL);

  if (!have_tools ())
    return;
  CLI_OK ("export", f->path, "--view", "map", "--landscape", "--to", pdf);
  assert_pdf (pdf, 1, A4_LANDSCAPE);
  text = pdf_text (pdf, 1, 1);
  g_assert_true (g_regex_match (scale, text, 0, NULL));
}

/* A 2x2 poster is four sheets, each labelled with its place. */
static void
test_poster (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *pdf = out_path (f, "poster.pdf");
  g_autofree char *out = NULL, *err = NULL;
  guint page = 1;

  if (!have_tools ())
    return;
  g_assert_cmpint (cvn_test_run_cli (&out, &err, "export", f->path, "--view", "structure",
                                     "--tiles", "2x2", "--to", pdf, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, pdf));
  g_assert_cmpstr (out + strlen (pdf), ==, "\n");
  assert_pdf (pdf, 4, A4_PORTRAIT);
  for (guint row = 1; row <= 2; row++)
    for (guint column = 1; column <= 2; column++, page++)
      {
        g_autofree char *text = pdf_text (pdf, page, page);
        g_autofree char *label = g_strdup_printf ("Row %u, column %u of 2 × 2", row, column);

        g_assert_nonnull (strstr (text, label));
        g_assert_nonnull (strstr (text, "overlap"));
      }

  /* 3 across and 1 down, on A3 landscape. */
  {
    g_autofree char *wide = out_path (f, "wide.pdf");

    CLI_OK ("export", f->path, "--view", "graph", "--tiles", "3x1", "--paper", "a3",
            "--landscape", "--to", wide);
    assert_pdf (wide, 3, A3_LANDSCAPE);
  }
}

/* The poster's geometry: its sheets together hold a diagram area that much larger, less the
 * overlaps, and the diagram is drawn bigger than on one page. */
static void
test_poster_geometry (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CvnDiagramPages) single = NULL;
  g_autoptr (CvnDiagramPages) poster = NULL;
  CvnExportOptions options;
  CvnRect single_area, poster_area;
  CvnViewport single_viewport, poster_viewport;
  double single_px, poster_px;

  cvn_export_options_init (&options);
  options.view = CVN_VIEW_GRAPH;
  single = cvn_export_create_pages (f->doc, f->snapshot, &options, CVN_A4_WIDTH_PT,
                                    CVN_A4_HEIGHT_PT, &error);
  g_assert_no_error (error);
  options.columns = 2;
  options.rows = 2;
  poster = cvn_export_create_pages (f->doc, f->snapshot, &options, CVN_A4_WIDTH_PT,
                                    CVN_A4_HEIGHT_PT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cvn_diagram_pages_get_n_pages (single), ==, 1);
  g_assert_cmpuint (cvn_diagram_pages_get_n_pages (poster), ==, 4);

  cvn_diagram_pages_get_diagram_area (single, &single_area, &single_viewport, &single_px);
  cvn_diagram_pages_get_diagram_area (poster, &poster_area, &poster_viewport, &poster_px);
  g_assert_cmpfloat_with_epsilon (single_px, 0.75, 1e-9);
  /* Two sheets' printed width, less one overlap of 10 mm. */
  g_assert_cmpfloat_with_epsilon (poster_area.width, 2 * single_area.width -
                                  CVN_POSTER_DEFAULT_OVERLAP_PT, 0.01);
  g_assert_cmpfloat (poster_viewport.scale * poster_px, >, 1.5 * single_viewport.scale * single_px);

  /* Out-of-range posters are refused. */
  options.columns = 0;
  g_assert_null (cvn_export_create_pages (f->doc, f->snapshot, &options, CVN_A4_WIDTH_PT,
                                          CVN_A4_HEIGHT_PT, &error));
  g_assert_error (error, CVN_EXPORT_ERROR, CVN_EXPORT_ERROR_INVALID);
}

/* With --hide-people no person's name is on any diagram; without it, they are. */
static void
test_views_hide_people (Fixture       *f,
                        gconstpointer  data)
{
  if (!have_tools ())
    return;

  for (guint v = 0; v < CVN_N_VIEWS; v++)
    {
      const char *view = cvn_view_to_string (v);
      g_autofree char *hidden_name = g_strdup_printf ("%s-hidden.pdf", view);
      g_autofree char *shown_name = g_strdup_printf ("%s-shown.pdf", view);
      g_autofree char *hidden = out_path (f, hidden_name);
      g_autofree char *shown = out_path (f, shown_name);
      g_autofree char *hidden_text = NULL;
      g_autofree char *shown_text = NULL;
      guint n_shown = 0;

      CLI_OK ("export", f->path, "--view", view, "--paper", "a3", "--landscape",
              "--hide-people", "--to", hidden);
      CLI_OK ("export", f->path, "--view", view, "--paper", "a3", "--landscape", "--to",
              shown);
      hidden_text = pdf_text (hidden, 1, 0);
      shown_text = pdf_text (shown, 1, 0);
      g_assert_nonnull (strstr (hidden_text, "Personal data hidden"));
      for (guint i = 0; i < f->snapshot->people->len; i++)
        {
          const CvnPerson *person = &g_array_index (f->snapshot->people, CvnPerson, i);

          if (strstr (hidden_text, person->name) != NULL)
            g_error ("%s shows %s with personal data hidden", view, person->name);
          n_shown += strstr (shown_text, person->name) != NULL ? 1 : 0;
        }
      /* The map draws schools only; the structure and graph name the people in groups. */
      if (v != CVN_VIEW_MAP)
        g_assert_cmpuint (n_shown, >, 10);
    }
}

/* One group's part of a view: its clusters are there, another alliance's are not. */
static void
test_group (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *pdf = out_path (f, "north.pdf");
  g_autofree char *text = NULL;
  g_autofree char *out = NULL, *err = NULL;

  if (!have_tools ())
    return;
  CLI_OK ("export", f->path, "--view", "structure", "--group", "kingsmere north alliance",
          "--landscape", "--to", pdf);
  text = pdf_text (pdf, 1, 1);
  g_assert_nonnull (strstr (text, "Structure: Kingsmere North Alliance"));
  g_assert_nonnull (strstr (text, "Ashworth Learning Community"));
  g_assert_null (strstr (text, "Wexcombe Cluster"));

  g_assert_cmpint (cvn_test_run_cli (&out, &err, "export", f->path, "--view", "map", "--group",
                                     "Atlantis Alliance", "--to", pdf, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "Atlantis Alliance"));
}

/* SVG is well-formed XML that librsvg can draw at the paper's size. */
static void
test_svg (Fixture       *f,
          gconstpointer  data)
{
  if (!have_tools ())
    return;

  for (guint v = 0; v < CVN_N_VIEWS; v++)
    {
      const char *view = cvn_view_to_string (v);
      g_autofree char *svg_name = g_strdup_printf ("%s.svg", view);
      g_autofree char *png_name = g_strdup_printf ("%s-from-svg.png", view);
      g_autofree char *svg = out_path (f, svg_name);
      g_autofree char *png = out_path (f, png_name);
      g_autofree char *contents = NULL;
      int width, height;

      CLI_OK ("export", f->path, "--view", view, "--to", svg);
      g_assert_cmpint (cvn_test_spawn ((const char *[]) { "xmllint", "--noout", svg, NULL }, NULL,
                                       NULL), ==, 0);
      g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
      g_assert_nonnull (strstr (contents, "width=\"595.276pt\""));
      g_assert_cmpint (cvn_test_spawn ((const char *[]) { "rsvg-convert", svg, "-o", png, NULL },
                                       NULL, NULL), ==, 0);
      png_size (png, &width, &height);
      /* librsvg draws at 96 dpi: 595.276 pt is 793.7 px. */
      g_assert_cmpint (width, ==, 794);
      g_assert_cmpint (height, ==, 1123);
    }
}

/* PNGs are sized from the paper at the resolution asked for; a poster writes one a sheet. */
static void
test_png (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *a4 = out_path (f, "a4.png");
  g_autofree char *a3 = out_path (f, "a3.png");
  g_autofree char *tiles = out_path (f, "tiles.png");
  g_autofree char *tile1 = out_path (f, "tiles-row1-col1.png");
  g_autofree char *tile2 = out_path (f, "tiles-row1-col2.png");
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *expected = NULL;
  int width, height;

  CLI_OK ("export", f->path, "--view", "map", "--to", a4);
  png_size (a4, &width, &height);
  /* A4 at 150 dpi: 595.276 / 72 × 150 and 841.89 / 72 × 150, rounded. */
  g_assert_cmpint (width, ==, 1240);
  g_assert_cmpint (height, ==, 1754);

  CLI_OK ("export", f->path, "--view", "graph", "--paper", "a3", "--landscape", "--dpi", "100",
          "--to", a3);
  png_size (a3, &width, &height);
  g_assert_cmpint (width, ==, (int) round (1190.55 / 72 * 100));
  g_assert_cmpint (height, ==, (int) round (841.89 / 72 * 100));

  g_assert_cmpint (cvn_test_run_cli (&out, &err, "export", f->path, "--view", "structure",
                                     "--tiles", "2x1", "--dpi", "72", "--to", tiles, NULL), ==, 0);
  expected = g_strdup_printf ("%s\n%s\n", tile1, tile2);
  g_assert_cmpstr (out, ==, expected);
  png_size (tile2, &width, &height);
  g_assert_cmpint (width, ==, 595);
  g_assert_cmpint (height, ==, 842);
  g_assert_false (g_file_test (tiles, G_FILE_TEST_EXISTS));
}

/* Reports */

/* Every report as PDF: real text, the page count the pager promises, the paper asked for,
 * page numbers, and for the long membership lists, headers repeated on continued pages. */
static void
test_reports_pdf (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *document_name = cvn_document_dup_title (f->doc);

  if (!have_tools ())
    return;

  for (guint k = 0; k < CVN_N_REPORT_KINDS; k++)
    {
      const char *kind = cvn_report_kind_to_string (k);
      g_autofree char *name = g_strdup_printf ("%s.pdf", kind);
      g_autofree char *pdf = out_path (f, name);
      g_autoptr (CvnReport) report = cvn_report_build (f->snapshot, k, NULL, NULL);
      g_autoptr (CvnReportPager) pager = NULL;
      g_autofree char *text = NULL;
      g_autofree char *first = NULL;
      g_autofree char *last = NULL;
      CvnPageOptions page;
      guint n_pages;

      cvn_page_options_init (&page);
      cvn_page_options_set_paper (&page, CVN_PAPER_A4, report->prefers_landscape);
      page.document_name = document_name;
      pager = cvn_report_pager_new (report, &page);
      n_pages = cvn_report_pager_get_n_pages (pager);

      CLI_OK ("report", f->path, "--kind", kind, "--to", pdf);
      assert_pdf (pdf, n_pages, report->prefers_landscape ? A4_LANDSCAPE : A4_PORTRAIT);
      text = pdf_text (pdf, 1, 0);
      g_assert_nonnull (strstr (text, report->title));
      first = g_strdup_printf ("Page 1 of %u", n_pages);
      last = g_strdup_printf ("Page %u of %u", n_pages, n_pages);
      g_assert_nonnull (strstr (text, first));
      g_assert_nonnull (strstr (text, last));
      for (guint s = 0; s < report->sections->len; s++)
        {
          const CvnReportSection *section = g_ptr_array_index (report->sections, s);

          if (section->heading != NULL && strstr (text, section->heading) == NULL)
            g_error ("report %s lacks the heading %s", kind, section->heading);
        }
    }

  /* The membership lists run over many pages; every group is named, the table's header
   * comes back on every page, and a section cut by a page break says so. */
  {
    g_autofree char *pdf = out_path (f, "membership.pdf");
    g_autofree char *text = pdf_text (pdf, 1, 0);
    g_autofree char *size = NULL;
    guint pages;

    pdf_info (pdf, &pages, &size);
    g_assert_cmpuint (pages, >=, 5);
    for (guint i = 0; i < f->snapshot->groups->len; i++)
      g_assert_nonnull (strstr (text, g_array_index (f->snapshot->groups, CvnGroup, i).name));
    g_assert_nonnull (strstr (text, "(continued)"));
    for (guint p = 1; p <= pages; p++)
      {
        g_autofree char *page_text = pdf_text_full (pdf, p, p, TRUE);

        g_assert_nonnull (strstr (page_text, "Member Kind Role Contact From Until"));
      }
  }

  /* A3 on request, and landscape. */
  {
    g_autofree char *pdf = out_path (f, "audit-a3.pdf");

    CLI_OK ("report", f->path, "--kind", "audit", "--paper", "a3", "--landscape", "--to", pdf);
    assert_pdf (pdf, 1, A3_LANDSCAPE);
  }
}

/* With --hide-people, no report names anyone or prints a contact detail. */
static void
test_reports_hide_people (Fixture       *f,
                          gconstpointer  data)
{
  if (!have_tools ())
    return;

  for (guint k = 0; k < CVN_N_REPORT_KINDS; k++)
    {
      const char *kind = cvn_report_kind_to_string (k);
      g_autofree char *pdf_name = g_strdup_printf ("%s-hidden.pdf", kind);
      g_autofree char *csv_name = g_strdup_printf ("%s-hidden.csv", kind);
      g_autofree char *pdf = out_path (f, pdf_name);
      g_autofree char *csv = out_path (f, csv_name);
      g_autofree char *text = NULL;
      g_autofree char *contents = NULL;

      CLI_OK ("report", f->path, "--kind", kind, "--hide-people", "--to", pdf);
      CLI_OK ("report", f->path, "--kind", kind, "--hide-people", "--to", csv);
      text = pdf_text (pdf, 1, 0);
      g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
      g_assert_nonnull (strstr (text, "Personal data hidden"));
      g_assert_null (strchr (text, '@'));
      g_assert_null (strchr (contents, '@'));
      for (guint i = 0; i < f->snapshot->people->len; i++)
        {
          const CvnPerson *person = &g_array_index (f->snapshot->people, CvnPerson, i);

          if (strstr (text, person->name) != NULL || strstr (contents, person->name) != NULL)
            g_error ("report %s names %s with personal data hidden", kind, person->name);
        }
    }
}

/* The command line's CSV is the report's. */
static void
test_reports_csv (Fixture       *f,
                  gconstpointer  data)
{
  for (guint k = 0; k < CVN_N_REPORT_KINDS; k++)
    {
      const char *kind = cvn_report_kind_to_string (k);
      g_autofree char *name = g_strdup_printf ("%s.csv", kind);
      g_autofree char *csv = out_path (f, name);
      g_autoptr (CvnReport) report = cvn_report_build (f->snapshot, k, NULL, NULL);
      g_autofree char *expected = cvn_report_to_csv (report);
      g_autofree char *contents = NULL;

      CLI_OK ("report", f->path, "--kind", kind, "--to", csv);
      g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, expected);
      g_assert_cmpuint (count_occurrences (contents, "\r\n"), >=,
                        cvn_report_get_n_rows (report) + 1);
    }
}

/* A made-up report with very long text: it wraps inside its column, a header row comes
 * back on every page, and no word is printed outside the margins. */
static void
test_pager (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (CvnReport) report = g_new0 (CvnReport, 1);
  g_autoptr (CvnReportPager) pager = NULL;
  g_autofree char *pdf = out_path (f, "long.pdf");
  g_autofree char *bbox = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GRegex) words = g_regex_new ("xMax=\"([0-9.]+)\"", 0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  CvnReportSection *section;
  const double *widths;
  CvnPageOptions page;
  double sum = 0;
  guint n_pages, n_words = 0;

  report->kind = CVN_REPORT_MEMBERSHIP;
  report->title = g_strdup ("Long names");
  report->today = g_strdup ("2026-11-28");
  report->empty_text = g_strdup ("Nothing.");
  report->section_title = g_strdup ("Group");
  report->n_columns = 3;
  report->columns = g_new0 (CvnReportColumn, 3);
  report->columns[0] = (CvnReportColumn) { g_strdup ("Name"), 2, CVN_REPORT_COLUMN_WRAP };
  report->columns[1] = (CvnReportColumn) { g_strdup ("Note"), 3, CVN_REPORT_COLUMN_WRAP };
  report->columns[2] = (CvnReportColumn) { g_strdup ("Since"), 1, CVN_REPORT_COLUMN_COMPACT };
  report->sections = g_ptr_array_new ();
  section = g_new0 (CvnReportSection, 1);
  section->heading = g_strdup ("A group with a great many members");
  section->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_ptr_array_add (report->sections, section);
  for (guint i = 0; i < 150; i++)
    {
      char **row = g_new0 (char *, 4);

      row[0] = i % 10 == 0
                 ? g_strdup_printf ("The Very Long Name Of School Number %u Church of England "
                                    "Voluntary Aided Primary And Nursery School With A Unit", i)
                 : g_strdup_printf ("School %u", i);
      row[1] = i % 7 == 0
                 ? g_strdup ("averyveryverylongwordwithoutanyspacesatallthatmustbebrokenbetween"
                             "characterssoitstaysinsideitscolumn@kingsmere.example")
                 : g_strdup ("Short");
      row[2] = g_strdup ("2019-09-01");
      g_ptr_array_add (section->rows, row);
    }
  g_ptr_array_set_free_func (report->sections, NULL);

  cvn_page_options_init (&page);
  page.document_name = "long";
  pager = cvn_report_pager_new (report, &page);
  n_pages = cvn_report_pager_get_n_pages (pager);
  g_assert_cmpuint (n_pages, >=, 3);
  widths = cvn_report_pager_get_column_widths (pager);
  for (guint c = 0; c < 3; c++)
    sum += widths[c];
  g_assert_cmpfloat_with_epsilon (sum, page.page_width - 2 * page.margin, 0.5);
  g_assert_cmpint (cvn_report_pager_find_row (pager, 0, 0), ==, 0);
  g_assert_cmpint (cvn_report_pager_find_row (pager, 0, 149), ==, (int) n_pages - 1);
  g_assert_cmpint (cvn_report_pager_find_row (pager, 0, 150), ==, -1);

  g_assert_true (cvn_report_write_pdf (report, &page, pdf, &error));
  g_assert_no_error (error);
  if (!have_tools ())
    {
      g_free (section->heading);
      g_ptr_array_unref (section->rows);
      g_free (section);
      return;
    }
  assert_pdf (pdf, n_pages, A4_PORTRAIT);
  for (guint p = 1; p <= n_pages; p++)
    {
      g_autofree char *text = pdf_text_full (pdf, p, p, TRUE);

      g_assert_nonnull (strstr (text, "Name Note Since"));
      if (p > 1)
        g_assert_nonnull (strstr (text, "A group with a great many members (continued)"));
    }

  g_assert_cmpint (cvn_test_spawn ((const char *[]) { "pdftotext", "-bbox", pdf, "-", NULL }, &bbox,
                                   NULL), ==, 0);
  g_regex_match (words, bbox, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *x = g_match_info_fetch (match, 1);

      g_assert_cmpfloat (g_ascii_strtod (x, NULL), <=, page.page_width - page.margin + 0.5);
      n_words++;
      g_match_info_next (match, NULL);
    }
  g_assert_cmpuint (n_words, >, 600);

  g_free (section->heading);
  g_ptr_array_unref (section->rows);
  g_free (section);
}

/* Usage errors exit with 2, files and groups that are not there with 1, each with one line
 * naming what was wrong. */
static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  static const struct
  {
    int         status;
    const char *needle;
    const char *args[12];
  } cases[] = {
    { 2, "plan.jpg", { "export", NULL, "--view", "map", "--to", "plan.jpg", NULL } },
    { 2, "atlas", { "export", NULL, "--view", "atlas", "--to", "plan.pdf", NULL } },
    { 2, "--tiles", { "export", NULL, "--view", "map", "--tiles", "0x2", "--to", "p.pdf", NULL } },
    { 2, "--tiles", { "export", NULL, "--view", "map", "--tiles", "9x9", "--to", "p.pdf", NULL } },
    { 2, "--tiles", { "export", NULL, "--view", "map", "--tiles", "two", "--to", "p.pdf", NULL } },
    { 2, "letter", { "export", NULL, "--view", "map", "--paper", "letter", "--to", "p.pdf",
                     NULL } },
    { 2, "--dpi", { "export", NULL, "--view", "map", "--dpi", "5", "--to", "p.png", NULL } },
    { 2, "export", { "export", NULL, "--view", "map", NULL } },
    { 2, "minutes", { "report", NULL, "--kind", "minutes", "--to", "r.pdf", NULL } },
    { 2, "r.txt", { "report", NULL, "--kind", "audit", "--to", "r.txt", NULL } },
    { 2, "--group", { "report", NULL, "--kind", "membership", "--group", "Riverside Cluster",
                      "--to", "r.pdf", NULL } },
    { 1, "Atlantis", { "report", NULL, "--kind", "audit", "--group", "Atlantis", "--to",
                       "r.pdf", NULL } },
    { 1, "no-such-dir", { "report", NULL, "--kind", "audit", "--to", "/no-such-dir/r.pdf",
                          NULL } },
    { 1, "no-such-dir", { "export", NULL, "--view", "graph", "--to", "/no-such-dir/g.svg",
                          NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GPtrArray) argv = g_ptr_array_new ();
      g_autofree char *out = NULL, *err = NULL;

      g_ptr_array_add (argv, (gpointer) g_getenv ("CONVENOR_CLI"));
      for (guint j = 0; cases[i].args[j] != NULL || j == 1; j++)
        g_ptr_array_add (argv, j == 1 ? f->path : (gpointer) cases[i].args[j]);
      g_ptr_array_add (argv, NULL);
      g_assert_cmpint (cvn_test_spawn ((const char * const *) argv->pdata, &out, &err),
                       ==, cases[i].status);
      if (strstr (err, cases[i].needle) == NULL)
        g_error ("case %u: “%s” not in: %s", i, cases[i].needle, err);
    }

  {
    g_autofree char *missing = out_path (f, "missing.convenor");
    g_autofree char *pdf = out_path (f, "x.pdf");
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (cvn_test_run_cli (&out, &err, "export", missing, "--view", "map", "--to", pdf,
                                       NULL), ==, 1);
    g_assert_nonnull (strstr (err, "missing.convenor"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, cvn_test_document_tear_down)

  g_test_add_func ("/cvn/export/paper", test_paper);
  ADD ("/cvn/export/views-pdf", test_views_pdf);
  ADD ("/cvn/export/map-scale-bar", test_map_scale_bar);
  ADD ("/cvn/export/poster", test_poster);
  ADD ("/cvn/export/poster-geometry", test_poster_geometry);
  ADD ("/cvn/export/hide-people", test_views_hide_people);
  ADD ("/cvn/export/group", test_group);
  ADD ("/cvn/export/svg", test_svg);
  ADD ("/cvn/export/png", test_png);
  ADD ("/cvn/export/reports-pdf", test_reports_pdf);
  ADD ("/cvn/export/reports-hide-people", test_reports_hide_people);
  ADD ("/cvn/export/reports-csv", test_reports_csv);
  ADD ("/cvn/export/pager", test_pager);
  ADD ("/cvn/export/errors", test_errors);

#undef ADD

  return g_test_run ();
}
