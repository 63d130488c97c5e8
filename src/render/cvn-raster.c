/* cvn-raster.c — direct drawing of lines and hull fills on image surfaces.
 *
 * Why: cairo 1.16 (Debian 12) strokes a path of many crossing lines through its
 * tessellator, which costs about 0.3 s for 1,500 long membership edges at 1920x1080, and a
 * stroked hull outline costs more than its fill. A canvas frame has 8 ms. For image
 * surfaces (the screen and PNG export) we therefore draw edges and hull outlines as
 * Wu-style anti-aliased lines and hull interiors as even-odd scanline spans straight into
 * the pixels: a few microseconds per line and per hull. Vector targets (PDF, SVG, print)
 * never come here; they get the same picture from cairo paths.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-render"

#include "config.h"

#include "cvn-raster.h"

#include <math.h>
#include <stdlib.h>

gboolean
cvn_raster_begin (CvnRaster *raster,
                  cairo_t   *cr)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_matrix_t m;
  double ox, oy, dsx = 1, dsy = 1, cx0, cy0, cx1, cy1;
  cairo_format_t format;

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE)
    return FALSE;
  format = cairo_image_surface_get_format (target);
  if (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24)
    return FALSE;
  cairo_get_matrix (cr, &m);
  if (m.xy != 0 || m.yx != 0 || m.xx <= 0 || m.yy <= 0)
    return FALSE;

  cairo_surface_get_device_offset (target, &ox, &oy);
  cairo_surface_get_device_scale (target, &dsx, &dsy);
  raster->sx = m.xx * dsx;
  raster->tx = m.x0 * dsx + ox;
  raster->sy = m.yy * dsy;
  raster->ty = m.y0 * dsy + oy;

  /* The clip's extents, in pixels, within the surface. They are taken without the
   * current transformation, whose round trip could make a clip that ends on a whole pixel
   * reach into the next one (and a strip of a scrolled image would then blend its edge
   * twice). */
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_clip_extents (cr, &cx0, &cy0, &cx1, &cy1);
  cairo_restore (cr);
  raster->x0 = MAX (0, (int) floor (cx0 * dsx + ox + 1e-6));
  raster->y0 = MAX (0, (int) floor (cy0 * dsy + oy + 1e-6));
  raster->x1 = MIN (cairo_image_surface_get_width (target), (int) ceil (cx1 * dsx + ox - 1e-6));
  raster->y1 = MIN (cairo_image_surface_get_height (target),
                    (int) ceil (cy1 * dsy + oy - 1e-6));
  if (raster->x0 >= raster->x1 || raster->y0 >= raster->y1)
    return FALSE;

  cairo_surface_flush (target);
  raster->surface = target;
  raster->edges = raster->active = raster->crossings = NULL;
  raster->edges_size = raster->active_size = raster->crossings_size = 0;
  raster->data = (guint32 *) cairo_image_surface_get_data (target);
  raster->stride = cairo_image_surface_get_stride (target) / 4;
  return raster->data != NULL;
}

void
cvn_raster_end (CvnRaster *raster)
{
  cairo_surface_mark_dirty (raster->surface);
  g_clear_pointer (&raster->edges, g_free);
  g_clear_pointer (&raster->active, g_free);
  g_clear_pointer (&raster->crossings, g_free);
  raster->edges_size = raster->active_size = raster->crossings_size = 0;
}

/* Premultiplied OVER of a colour with @alpha (0-256) onto one pixel. Two channels are
 * blended per multiplication (red and blue, then alpha and green), the usual trick for
 * 8-bit ARGB. */
static inline guint32
premultiply (guint red,
             guint green,
             guint blue,
             guint alpha)
{
  guint a = MIN (alpha, 256u);

  return (MIN (255u, a * 255 >> 8)) << 24 | ((red * a) >> 8) << 16 | ((green * a) >> 8) << 8 |
         ((blue * a) >> 8);
}

static inline void
blend_premultiplied (guint32 *pixel,
                     guint32  source,
                     guint    inverse)
{
  guint32 d = *pixel;
  guint32 rb = ((d & 0x00ff00ff) * inverse >> 8) & 0x00ff00ff;
  guint32 ag = (((d >> 8) & 0x00ff00ff) * inverse) & 0xff00ff00;

  *pixel = source + (rb | ag);
}

static inline void
blend (guint32 *pixel,
       guint    red,
       guint    green,
       guint    blue,
       guint    alpha)
{
  blend_premultiplied (pixel, premultiply (red, green, blue, alpha), 256 - MIN (alpha, 256u));
}

static inline void
plot (CvnRaster *r,
      int        x,
      int        y,
      guint      red,
      guint      green,
      guint      blue,
      double     alpha)
{
  guint a;

  if (x < r->x0 || y < r->y0 || x >= r->x1 || y >= r->y1)
    return;
  a = (guint) (alpha * 256 + 0.5);
  if (a == 0)
    return;
  blend (r->data + (gsize) y * r->stride + x, red, green, blue, MIN (a, 256u));
}

/* Liang-Barsky: clips the segment to the raster's clip, widened by @margin. */
static gboolean
clip_segment (const CvnRaster *r,
              double          *x0,
              double          *y0,
              double          *x1,
              double          *y1,
              double           margin)
{
  double t0 = 0, t1 = 1, dx = *x1 - *x0, dy = *y1 - *y0;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { *x0 - (r->x0 - margin), (r->x1 + margin) - *x0,
                  *y0 - (r->y0 - margin), (r->y1 + margin) - *y0 };

  for (int i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      if (p[i] < 0)
        t0 = MAX (t0, q[i] / p[i]);
      else
        t1 = MIN (t1, q[i] / p[i]);
      if (t0 > t1)
        return FALSE;
    }
  *x1 = *x0 + t1 * dx;
  *y1 = *y0 + t1 * dy;
  *x0 = *x0 + t0 * dx;
  *y0 = *y0 + t0 * dy;
  return TRUE;
}

void
cvn_raster_line (CvnRaster *r,
                 double     x0,
                 double     y0,
                 double     x1,
                 double     y1,
                 double     width,
                 double     red,
                 double     green,
                 double     blue,
                 double     alpha)
{
  guint cr = (guint) (red * 255 + 0.5), cg = (guint) (green * 255 + 0.5);
  guint cb = (guint) (blue * 255 + 0.5);
  gboolean steep;
  double dx, dy, gradient, strength = alpha * MIN (width, 1.0);
  int passes = MAX (1, (int) floor (width + 0.25));

  /* Pixel centres sit at half-integers. */
  x0 = x0 * r->sx + r->tx - 0.5;
  y0 = y0 * r->sy + r->ty - 0.5;
  x1 = x1 * r->sx + r->tx - 0.5;
  y1 = y1 * r->sy + r->ty - 0.5;
  if (!clip_segment (r, &x0, &y0, &x1, &y1, 2))
    return;

  steep = fabs (y1 - y0) > fabs (x1 - x0);
  if (steep)
    {
      double t = x0; x0 = y0; y0 = t;
      t = x1; x1 = y1; y1 = t;
    }
  if (x0 > x1)
    {
      double t = x0; x0 = x1; x1 = t;
      t = y0; y0 = y1; y1 = t;
    }
  dx = x1 - x0;
  dy = y1 - y0;
  gradient = dx < 1e-9 ? 0 : dy / dx;

  for (int pass = 0; pass < passes; pass++)
    {
      /* Wider lines are parallel passes a pixel apart across the line. */
      double offset = pass - (passes - 1) / 2.0;
      int xs = (int) floor (x0 + 0.5), xe = (int) floor (x1 + 0.5);

      for (int x = xs; x <= xe; x++)
        {
          double y = y0 + gradient * (x - x0) + offset;
          int iy = (int) floor (y);
          double f = y - iy;
          double coverage = strength;

          /* Fractional coverage at the ends keeps short edges from looking heavy. */
          if (x == xs)
            coverage *= MIN (1.0, 1.0 - (x0 + 0.5 - xs));
          if (x == xe)
            coverage *= MIN (1.0, x1 + 0.5 - xe);
          if (coverage <= 0)
            continue;
          if (steep)
            {
              plot (r, iy, x, cr, cg, cb, coverage * (1 - f));
              plot (r, iy + 1, x, cr, cg, cb, coverage * f);
            }
          else
            {
              plot (r, x, iy, cr, cg, cb, coverage * (1 - f));
              plot (r, x, iy + 1, cr, cg, cb, coverage * f);
            }
        }
    }
}

/* Ring edges in pixels, top first. */
typedef struct
{
  double x0, y0, x1, y1;
} Edge;

static int
compare_edge_top (const void *a,
                  const void *b)
{
  double ya = ((const Edge *) a)->y0, yb = ((const Edge *) b)->y0;

  return ya < yb ? -1 : ya > yb;
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* A scanline crosses a hull a handful of times: insertion sort beats a call to qsort. */
static void
sort_crossings (double *crossings,
                guint   n)
{
  if (n > 24)
    {
      qsort (crossings, n, sizeof (double), compare_double);
      return;
    }
  for (guint i = 1; i < n; i++)
    {
      double v = crossings[i];
      guint j = i;

      for (; j > 0 && crossings[j - 1] > v; j--)
        crossings[j] = crossings[j - 1];
      crossings[j] = v;
    }
}

/* Scratch space for fills, kept between the fills of one frame (a frame fills thousands
 * of small hulls; allocating per hull cost more than filling them). */
static gpointer
scratch (gpointer *buffer,
         gsize    *size,
         gsize     needed)
{
  if (*size < needed)
    {
      *size = MAX (needed, *size * 2);
      *buffer = g_realloc (*buffer, *size);
    }
  return *buffer;
}

void
cvn_raster_fill_rings (CvnRaster *r,
                       GArray    *rings,
                       GArray    *points,
                       guint      first_ring,
                       guint      n_rings,
                       double     red,
                       double     green,
                       double     blue,
                       double     alpha)
{
  guint cr = (guint) (red * 255 + 0.5), cg = (guint) (green * 255 + 0.5);
  guint cb = (guint) (blue * 255 + 0.5), a = MIN ((guint) (alpha * 256 + 0.5), 256u);
  guint32 source = premultiply (cr, cg, cb, a);
  double ymin = G_MAXDOUBLE, ymax = -G_MAXDOUBLE;
  guint n_edges = 0, n_active = 0, next = 0;
  Edge *edges;
  Edge **active;
  double *crossings;
  int y_first, y_last;

  for (guint k = first_ring; k < first_ring + n_rings; k++)
    n_edges += g_array_index (rings, CvnLayoutRing, k).n_points;
  if (n_edges == 0 || a == 0)
    return;
  edges = scratch (&r->edges, &r->edges_size, n_edges * sizeof (Edge));
  active = scratch (&r->active, &r->active_size, n_edges * sizeof (Edge *));
  crossings = scratch (&r->crossings, &r->crossings_size, n_edges * sizeof (double));
  n_edges = 0;
  for (guint k = first_ring; k < first_ring + n_rings; k++)
    {
      const CvnLayoutRing *ring = &g_array_index (rings, CvnLayoutRing, k);
      const CvnPoint *p = &g_array_index (points, CvnPoint, ring->first_point);
      double ax = p[ring->n_points - 1].x * r->sx + r->tx;
      double ay = p[ring->n_points - 1].y * r->sy + r->ty;

      /* Vertices closer than a pixel to the previous one add nothing at this scale. */
      for (guint i = 0; i < ring->n_points; i++)
        {
          double bx = p[i].x * r->sx + r->tx, by = p[i].y * r->sy + r->ty;
          Edge *e;

          if (i + 1 < ring->n_points && fabs (bx - ax) < 1.0 && fabs (by - ay) < 1.0)
            continue;
          if (ay != by)
            {
              e = &edges[n_edges++];
              if (ay < by)
                *e = (Edge) { ax, ay, bx, by };
              else
                *e = (Edge) { bx, by, ax, ay };
              ymin = MIN (ymin, e->y0);
              ymax = MAX (ymax, e->y1);
            }
          ax = bx;
          ay = by;
        }
    }

  y_first = MAX (r->y0, (int) ceil (ymin - 0.5));
  y_last = MIN (r->y1 - 1, (int) floor (ymax - 0.5));
  if (y_first > y_last)
    return;

  /* An active edge list: edges sorted by their first scanline join the list as the sweep
   * reaches them and leave it after their last, so a big hull costs its area plus its
   * edges, not edges times scanlines. */
  qsort (edges, n_edges, sizeof (Edge), compare_edge_top);
  for (int y = y_first; y <= y_last; y++)
    {
      double sample = y + 0.5;
      guint n = 0, kept = 0;
      guint32 *row = r->data + (gsize) y * r->stride;

      while (next < n_edges && edges[next].y0 <= sample)
        active[n_active++] = &edges[next++];
      for (guint k = 0; k < n_active; k++)
        {
          const Edge *edge = active[k];

          if (sample >= edge->y1)
            continue;
          active[kept++] = active[k];
          if (sample < edge->y0)
            continue;
          crossings[n++] = edge->x0 + (sample - edge->y0) * (edge->x1 - edge->x0) /
                                      (edge->y1 - edge->y0);
        }
      n_active = kept;
      if (n < 2)
        continue;
      sort_crossings (crossings, n);
      for (guint k = 0; k + 1 < n; k += 2)
        {
          int xs = MAX (r->x0, (int) ceil (crossings[k] - 0.5));
          int xe = MIN (r->x1 - 1, (int) floor (crossings[k + 1] - 0.5));

          for (int x = xs; x <= xe; x++)
            blend_premultiplied (row + x, source, 256 - a);
        }
    }
}

void
cvn_raster_dot (CvnRaster *r,
                double     x,
                double     y,
                int        size,
                double     red,
                double     green,
                double     blue)
{
  guint cr = (guint) (red * 255 + 0.5), cg = (guint) (green * 255 + 0.5);
  guint cb = (guint) (blue * 255 + 0.5);
  int px = (int) floor (x * r->sx + r->tx - size / 2.0 + 0.5);
  int py = (int) floor (y * r->sy + r->ty - size / 2.0 + 0.5);

  for (int j = MAX (py, r->y0); j < MIN (py + size, r->y1); j++)
    for (int i = MAX (px, r->x0); i < MIN (px + size, r->x1); i++)
      blend (r->data + (gsize) j * r->stride + i, cr, cg, cb, 256);
}

void
cvn_raster_rect (CvnRaster *r,
                 double     x,
                 double     y,
                 double     width,
                 double     height,
                 double     red,
                 double     green,
                 double     blue,
                 double     alpha)
{
  guint cr = (guint) (red * 255 + 0.5), cg = (guint) (green * 255 + 0.5);
  guint cb = (guint) (blue * 255 + 0.5);
  double x0 = x * r->sx + r->tx, y0 = y * r->sy + r->ty;
  double x1 = (x + width) * r->sx + r->tx, y1 = (y + height) * r->sy + r->ty;
  int i0 = MAX (r->x0, (int) floor (x0)), i1 = MIN (r->x1, (int) ceil (x1));
  int j0 = MAX (r->y0, (int) floor (y0)), j1 = MIN (r->y1, (int) ceil (y1));

  /* Each pixel gets the share of it that the rectangle covers. */
  for (int j = j0; j < j1; j++)
    {
      double cover_y = MIN (y1, j + 1.0) - MAX (y0, (double) j);
      guint32 *row = r->data + (gsize) j * r->stride;

      for (int i = i0; i < i1; i++)
        {
          double cover = cover_y * (MIN (x1, i + 1.0) - MAX (x0, (double) i)) * alpha;
          guint a = (guint) (cover * 256 + 0.5);

          if (a > 0)
            blend (row + i, cr, cg, cb, MIN (a, 256u));
        }
    }
}
