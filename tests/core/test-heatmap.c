/* test-heatmap.c — the audit matrix drawn by src/render/cvn-heatmap.
 *
 * The heat map is drawn onto image and PDF surfaces without a display; the tests check its
 * geometry (one rectangle per cell, inside the measured size, not overlapping, hit-testable)
 * and how cells are classified, not pixels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-heatmap"

#include "config.h"

#include "cvn-audit.h"
#include "cvn-heatmap.h"
#include "cvn-sample.h"
#include "test-util.h"

#include <cairo-pdf.h>

typedef CvnTestDocument Fixture;

static gint64
find_group (CvnSnapshot *snapshot,
            const char  *kind,
            int          tier)
{
  for (guint i = 0; i < snapshot->groups->len; i++)
    {
      const CvnGroup *group = &g_array_index (snapshot->groups, CvnGroup, i);

      if (group->tier == tier && g_str_equal (group->kind, kind))
        return group->id;
    }
  g_assert_not_reached ();
  return 0;
}

static gboolean
rects_overlap (const CvnHeatmapCell *a,
               const CvnHeatmapCell *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static void
check_geometry (CvnAudit *audit,
                GArray   *cells,
                double    width,
                double    height)
{
  guint n_columns = audit->n_sub_areas + 1;

  g_assert_cmpuint (cells->len, ==, audit->n_areas * n_columns);
  for (guint k = 0; k < cells->len; k++)
    {
      const CvnHeatmapCell *cell = &g_array_index (cells, CvnHeatmapCell, k);
      const CvnAuditCell *figures;

      /* Row by row, the totals column last. */
      g_assert_cmpuint (cell->area_index, ==, k / n_columns);
      g_assert_cmpuint (cell->sub_area_index, ==, k % n_columns);
      g_assert_cmpfloat (cell->width, >, 20);
      g_assert_cmpfloat (cell->height, >, 20);
      g_assert_cmpfloat (cell->x, >=, 0);
      g_assert_cmpfloat (cell->y, >=, 0);
      g_assert_cmpfloat (cell->x + cell->width, <=, width);
      g_assert_cmpfloat (cell->y + cell->height, <=, height);
      g_assert_cmpint (cvn_heatmap_hit (cells, cell->x + cell->width / 2,
                                        cell->y + cell->height / 2), ==, (int) k);

      figures = cell->sub_area_index == audit->n_sub_areas
                  ? &audit->totals[cell->area_index]
                  : cvn_audit_get_cell (audit, cell->area_index, cell->sub_area_index);
      g_assert_cmpint (cell->level, ==, cvn_heatmap_classify (figures));

      /* Cells of one row share a top edge; columns move right. */
      if (k % n_columns > 0)
        {
          const CvnHeatmapCell *left = &g_array_index (cells, CvnHeatmapCell, k - 1);

          g_assert_cmpfloat (cell->y, ==, left->y);
          g_assert_cmpfloat (cell->x, >=, left->x + left->width);
        }
      for (guint l = 0; l < k; l++)
        g_assert_false (rects_overlap (cell, &g_array_index (cells, CvnHeatmapCell, l)));
    }
  g_assert_cmpint (cvn_heatmap_hit (cells, -5, -5), ==, -1);
  g_assert_cmpint (cvn_heatmap_hit (cells, width + 5, 0), ==, -1);
}

static void
test_whole_document (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr (CvnAudit) audit = cvn_audit_compute (fixture->snapshot, 0, NULL);
  g_autoptr (GArray) cells = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;

  g_assert_cmpuint (audit->n_areas, >, 10);
  cvn_heatmap_measure (audit, NULL, &width, &height);
  g_assert_cmpfloat (width, >, 200);
  g_assert_cmpfloat (height, >, audit->n_areas * 20.0);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  cr = cairo_create (surface);
  cells = cvn_heatmap_draw (audit, cr, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  check_geometry (audit, cells, width, height);

  /* Something was painted inside the first cell, and it is not the white background. */
  cairo_surface_flush (surface);
  {
    const CvnHeatmapCell *first = &g_array_index (cells, CvnHeatmapCell, 0);
    unsigned char *data = cairo_image_surface_get_data (surface);
    int stride = cairo_image_surface_get_stride (surface);
    guint32 pixel = *(guint32 *) (data + (int) (first->y + 3) * stride + (int) (first->x + 3) * 4);

    g_assert_cmphex (pixel & 0xffffff, !=, 0xffffff);
  }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_alliance_on_pdf (Fixture       *fixture,
                      gconstpointer  user_data)
{
  gint64 alliance = find_group (fixture->snapshot, "alliance", 2);
  g_autoptr (CvnAudit) audit = cvn_audit_compute (fixture->snapshot, alliance, NULL);
  g_autoptr (GArray) cells = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "heatmap.pdf", NULL);
  CvnHeatmapStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height, large_width, large_height;

  cvn_heatmap_style_init (&style);
  style.selected_area = 0;
  style.selected_sub_area = 0;
  cvn_heatmap_measure (audit, &style, &width, &height);
  surface = cairo_pdf_surface_create (pdf, width, height);
  cr = cairo_create (surface);
  cells = cvn_heatmap_draw (audit, cr, &style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_assert_cmpuint (audit->n_sub_areas, >, 1);
  check_geometry (audit, cells, width, height);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  /* Large type grows everything, for the projector. */
  style.large_type = TRUE;
  cvn_heatmap_measure (audit, &style, &large_width, &large_height);
  g_assert_cmpfloat (large_width, >, width);
  g_assert_cmpfloat (large_height, >, height);
}

static void
test_classify (void)
{
  CvnAuditCell cell = { 0 };
  g_autofree char *one = cvn_heatmap_format_days (1);
  g_autofree char *many = cvn_heatmap_format_days (12);
  g_autofree char *half = cvn_heatmap_format_days (2.5);

  g_assert_cmpint (cvn_heatmap_classify (&cell), ==, CVN_HEATMAP_EMPTY);
  cell.capacity_days = 3;
  g_assert_cmpint (cvn_heatmap_classify (&cell), ==, CVN_HEATMAP_SPARE);
  cell.need_count = 1;
  g_assert_cmpint (cvn_heatmap_classify (&cell), ==, CVN_HEATMAP_SHORT);
  cell.capacity_days = CVN_HEATMAP_DAYS_PER_NEED;
  g_assert_cmpint (cvn_heatmap_classify (&cell), ==, CVN_HEATMAP_MET);
  cell.need_count = 2;
  g_assert_cmpint (cvn_heatmap_classify (&cell), ==, CVN_HEATMAP_SHORT);
  cell.capacity_days = 0;
  g_assert_cmpint (cvn_heatmap_classify (&cell), ==, CVN_HEATMAP_GAP);

  g_assert_cmpstr (one, ==, "1 day");
  g_assert_cmpstr (many, ==, "12 days");
  g_assert_cmpstr (half, ==, "2.5 days");
  for (guint level = 0; level < CVN_HEATMAP_N_LEVELS; level++)
    g_assert_cmpstr (cvn_heatmap_level_label (level), !=, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cvn/heatmap/classify", test_classify);
  g_test_add ("/cvn/heatmap/whole-document", Fixture, NULL, cvn_test_document_set_up_sample,
              test_whole_document, cvn_test_document_tear_down);
  g_test_add ("/cvn/heatmap/alliance-on-pdf", Fixture, NULL, cvn_test_document_set_up_sample,
              test_alliance_on_pdf, cvn_test_document_tear_down);
  return g_test_run ();
}
