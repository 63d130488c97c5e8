/* cvn-raster.c — direct drawing of lines and hull fills on image surfaces.
 *
 * Why: cairo 1.16 (Debian 12) strokes a path of many crossing lines through its
 * tessellator, which costs about 0.3 s for 1,500 long membership edges at 1920x1080, and a
 * stroked hull outline costs more than its fill. A canvas frame has 8 ms. For image
 * surfaces (the screen and PNG export) we therefore draw edges and hull outlines as
 * Wu-style anti-aliased lines and hull interiors as even-odd scanline spans straight into
 * the pixels: a few microseconds per line and per hull. All the hulls of a frame are filled
 * in one sweep down the rows; rectangles (structure boxes, label backings) and prepared
 * images (markers, labels, the legend) are written the same way, runs of pixels four at a
 * time with SSE2. Vector targets (PDF, SVG, print) never come here; they get the same
 * picture from cairo paths.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-render"

#include "config.h"

#include "cvn-raster.h"

#include <math.h>
#include <stdlib.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* floor() and ceil() to int for pixel coordinates, without a call into libm (x86-64
 * before SSE4.1 has no instruction for them, and a frame rounds millions of values).
 * Values are clamped first: converting a double beyond int's range is undefined. */
static inline int
floor_int (double v)
{
  int i;

  v = CLAMP (v, -1e9, 1e9);
  i = (int) v;
  return i - (v < i);
}

static inline int
ceil_int (double v)
{
  int i;

  v = CLAMP (v, -1e9, 1e9);
  i = (int) v;
  return i + (v > i);
}

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
  raster->density = dsx;
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
  raster->data = (guint32 *) cairo_image_surface_get_data (target);
  raster->stride = cairo_image_surface_get_stride (target) / 4;
  return raster->data != NULL;
}

void
cvn_raster_end (CvnRaster *raster)
{
  cairo_surface_mark_dirty (raster->surface);
}

/* A colour split for the two-channel multiply of 8-bit ARGB: red and blue as 0x00rr00bb,
 * alpha (opaque) and green as 0x00ff00gg. One multiplication then scales two channels. */
static inline guint32
split_rb (guint red,
          guint blue)
{
  return red << 16 | blue;
}

static inline guint32
split_ag (guint green)
{
  return 0xffu << 16 | green;
}

/* The premultiplied pixel of a split colour at @alpha (0-256). */
static inline guint32
premultiply_split (guint32 rb,
                   guint32 ag,
                   guint   alpha)
{
  guint a = MIN (alpha, 256u);

  return ((rb * a >> 8) & 0x00ff00ff) | ((ag * a >> 8) & 0x00ff00ff) << 8;
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
  return premultiply_split (split_rb (red, blue), split_ag (green), alpha);
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

/* blend_premultiplied() along a run of pixels: the fill of a large hull is most of a
 * frame's pixels, so four are blended at once where the processor can (SSE2 is part of
 * every x86-64). The result is the same, bit for bit, as pixel by pixel. */
static void
blend_span (guint32 *pixels,
            int      n,
            guint32  source,
            guint    inverse)
{
  int i = 0;

#if defined(__SSE2__)
  {
    __m128i zero = _mm_setzero_si128 ();
    __m128i factor = _mm_set1_epi16 ((short) inverse);
    __m128i add = _mm_set1_epi32 ((int) source);

    for (; i + 4 <= n; i += 4)
      {
        __m128i d = _mm_loadu_si128 ((const __m128i *) (gpointer) (pixels + i));
        __m128i lo = _mm_srli_epi16 (_mm_mullo_epi16 (_mm_unpacklo_epi8 (d, zero), factor), 8);
        __m128i hi = _mm_srli_epi16 (_mm_mullo_epi16 (_mm_unpackhi_epi8 (d, zero), factor), 8);

        _mm_storeu_si128 ((__m128i *) (gpointer) (pixels + i),
                          _mm_add_epi8 (_mm_packus_epi16 (lo, hi), add));
      }
  }
#endif
  for (; i < n; i++)
    blend_premultiplied (pixels + i, source, inverse);
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

/* OVER of a split colour (see split_rb ()) at @alpha (0-256) onto the pixel at @x, @y, if
 * it is inside the clip: blend () without splitting the colour again for every pixel. */
static inline void
plot_split (CvnRaster *r,
            int        x,
            int        y,
            guint32    rb,
            guint32    ag,
            guint      alpha)
{
  if ((guint) (x - r->x0) >= (guint) (r->x1 - r->x0) ||
      (guint) (y - r->y0) >= (guint) (r->y1 - r->y0) || alpha == 0)
    return;
  blend_premultiplied (r->data + (gsize) y * r->stride + x, premultiply_split (rb, ag, alpha),
                       256 - alpha);
}

/* One column (or row, for a steep line) of a line: the two pixels that straddle @y, a
 * 16.16 fixed-point position, share @coverage (0-256) by the fraction. */
static inline void
line_column (CvnRaster *r,
             gboolean   steep,
             int        x,
             gint32     y,
             guint      coverage,
             guint32    rb,
             guint32    ag)
{
  int iy = y >> 16;
  guint f = (guint) (y >> 8) & 0xff;
  guint below = (coverage * f + 128) >> 8;
  guint above = coverage - below;

  if (steep)
    {
      plot_split (r, iy, x, rb, ag, above);
      plot_split (r, iy + 1, x, rb, ag, below);
    }
  else
    {
      plot_split (r, x, iy, rb, ag, above);
      plot_split (r, x, iy + 1, rb, ag, below);
    }
}

/* Wu's anti-aliased line in fixed point: along the major axis one column at a time, the
 * minor position stepped by the gradient in 16.16, two pixels blended per column. Outlines
 * of the hulls of a full map are about a hundred thousand short segments a frame, so the
 * work per pixel is kept to integer multiplies. */
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
  guint32 rb = split_rb (cr, cb), ag = split_ag (cg);
  gboolean steep;
  double dx, dy, gradient, strength;
  guint coverage;
  int passes;

  width *= r->density;
  strength = alpha * MIN (width, 1.0);
  coverage = (guint) (CLAMP (strength, 0.0, 1.0) * 256 + 0.5);
  passes = MAX (1, floor_int (width + 0.25));
  if (coverage == 0)
    return;

  /* Pixel centres sit at half-integers. */
  x0 = x0 * r->sx + r->tx - 0.5;
  y0 = y0 * r->sy + r->ty - 0.5;
  x1 = x1 * r->sx + r->tx - 0.5;
  y1 = y1 * r->sy + r->ty - 0.5;
  /* Most segments lie well inside the clip; only the others need clipping (which divides
   * four times). Clipped, every coordinate is within a few pixels of the surface, so the
   * fixed-point positions below cannot overflow. */
  if ((MIN (x0, x1) < r->x0 - 2 || MAX (x0, x1) > r->x1 + 2 || MIN (y0, y1) < r->y0 - 2 ||
       MAX (y0, y1) > r->y1 + 2) &&
      !clip_segment (r, &x0, &y0, &x1, &y1, 2))
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

  {
    int xs = floor_int (x0 + 0.5), xe = floor_int (x1 + 0.5);
    gint32 step = (gint32) lround (gradient * 65536);
    /* Fractional coverage at the ends keeps short edges from looking heavy. */
    double start_share = MIN (1.0, 1.0 - (x0 + 0.5 - xs));
    double end_share = MIN (1.0, x1 + 0.5 - xe);
    guint start_coverage = (guint) (MAX (0.0, coverage * start_share) + 0.5);
    guint end_coverage = (guint) (MAX (0.0, coverage * end_share) + 0.5);

    if (xs == xe)
      start_coverage = (guint) (MAX (0.0, coverage * start_share * end_share) + 0.5);

    for (int pass = 0; pass < passes; pass++)
      {
        /* Wider lines are parallel passes a pixel apart across the line. */
        double offset = pass - (passes - 1) / 2.0;
        gint32 y = (gint32) lround ((y0 + gradient * (xs - x0) + offset) * 65536);

        line_column (r, steep, xs, y, start_coverage, rb, ag);
        y += step;
        for (int x = xs + 1; x < xe; x++, y += step)
          line_column (r, steep, x, y, coverage, rb, ag);
        if (xe > xs)
          line_column (r, steep, xe, y, end_coverage, rb, ag);
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
  int px;
  int py;

  size = MAX (1, (int) (size * r->density + 0.5));
  px = floor_int (x * r->sx + r->tx - size / 2.0 + 0.5);
  py = floor_int (y * r->sy + r->ty - size / 2.0 + 0.5);

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
  int i0 = MAX (r->x0, floor_int (x0)), i1 = MIN (r->x1, ceil_int (x1));
  int j0 = MAX (r->y0, floor_int (y0)), j1 = MIN (r->y1, ceil_int (y1));
  /* Columns wholly inside: from the first whole pixel to the last. */
  int inner0 = MAX (i0, ceil_int (x0)), inner1 = MIN (i1, floor_int (x1));

  /* Each pixel gets the share of it that the rectangle covers; the inside of a row, all
   * of it, in one run. */
  for (int j = j0; j < j1; j++)
    {
      double cover_y = MIN (y1, j + 1.0) - MAX (y0, (double) j);
      guint32 *row = r->data + (gsize) j * r->stride;
      guint a = MIN ((guint) (cover_y * alpha * 256 + 0.5), 256u);

      if (inner1 > inner0 && a > 0)
        blend_span (row + inner0, inner1 - inner0, premultiply (cr, cg, cb, a), 256 - a);
      for (int i = i0; i < i1; i++)
        {
          double cover;
          guint edge;

          if (i >= inner0 && i < inner1)
            {
              i = inner1 - 1;
              continue;
            }
          cover = cover_y * (MIN (x1, i + 1.0) - MAX (x0, (double) i)) * alpha;
          edge = (guint) (cover * 256 + 0.5);
          if (edge > 0)
            blend (row + i, cr, cg, cb, MIN (edge, 256u));
        }
    }
}

void
cvn_raster_image (CvnRaster       *r,
                  cairo_surface_t *image,
                  int              x,
                  int              y)
{
  const guint8 *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  int first = MAX (0, r->x0 - x), end = MIN (width, r->x1 - x);

  g_return_if_fail (cairo_image_surface_get_format (image) == CAIRO_FORMAT_ARGB32);

  for (int j = MAX (0, r->y0 - y); j < MIN (height, r->y1 - y); j++)
    {
      const guint32 *from = (const guint32 *) (gconstpointer) (data + (gsize) j * stride);
      guint32 *to = r->data + (gsize) (y + j) * r->stride + x;
      int i = first;

#if defined(__SSE2__)
      /* Four pixels at a time: OVER with each pixel's own alpha. */
      {
        __m128i zero = _mm_setzero_si128 (), full = _mm_set1_epi16 (255);

        for (; i + 4 <= end; i += 4)
          {
            __m128i source = _mm_loadu_si128 ((const __m128i *) (gconstpointer) (from + i));
            __m128i d, lo, hi, alo, ahi;

            if (_mm_movemask_epi8 (_mm_cmpeq_epi32 (source, zero)) == 0xffff)
              continue;
            d = _mm_loadu_si128 ((const __m128i *) (gpointer) (to + i));
            alo = _mm_sub_epi16 (full, _mm_shufflehi_epi16 (_mm_shufflelo_epi16 (
                    _mm_unpacklo_epi8 (source, zero), 0xff), 0xff));
            ahi = _mm_sub_epi16 (full, _mm_shufflehi_epi16 (_mm_shufflelo_epi16 (
                    _mm_unpackhi_epi8 (source, zero), 0xff), 0xff));
            lo = _mm_srli_epi16 (_mm_mullo_epi16 (_mm_unpacklo_epi8 (d, zero), alo), 8);
            hi = _mm_srli_epi16 (_mm_mullo_epi16 (_mm_unpackhi_epi8 (d, zero), ahi), 8);
            _mm_storeu_si128 ((__m128i *) (gpointer) (to + i),
                              _mm_add_epi8 (_mm_packus_epi16 (lo, hi), source));
          }
      }
#endif
      for (; i < end; i++)
        {
          guint32 source = from[i];
          guint a = source >> 24;

          /* Premultiplied OVER. */
          if (a == 255)
            to[i] = source;
          else if (a != 0)
            blend_premultiplied (to + i, source, 255 - a);
        }
    }
}

/* An edge of the sweep in cvn_raster_fill_hulls(): its x at the current scanline, how
 * far x moves per scanline, its last scanline, and its hull. */
typedef struct
{
  double x, slope;
  int    last_row;
  guint  hull;
} SweepEdge;

static inline gboolean
sweep_before (const SweepEdge *a,
              const SweepEdge *b)
{
  return a->hull < b->hull || (a->hull == b->hull && a->x < b->x);
}

void
cvn_raster_fill_hulls (CvnRaster           *r,
                       const CvnRasterHull *hulls,
                       guint                n_hulls,
                       GArray              *rings,
                       GArray              *points)
{
  g_autofree SweepEdge *edges = NULL;
  g_autofree int *starts = NULL;
  guint n_points = 0, n_edges = 0;
  g_autofree guint *count = NULL;
  g_autofree guint *order = NULL;
  g_autofree SweepEdge *active_buffer = NULL;
  g_autofree SweepEdge *merged_buffer = NULL;
  g_autofree SweepEdge *joining = NULL;
  SweepEdge *active, *merged;
  int n_rows = r->y1 - r->y0;
  guint n_active = 0;

  if (n_rows <= 0 || n_hulls == 0)
    return;
  for (guint h = 0; h < n_hulls; h++)
    for (guint k = hulls[h].first_ring; k < hulls[h].first_ring + hulls[h].n_rings; k++)
      n_points += g_array_index (rings, CvnLayoutRing, k).n_points;
  /* At most an edge per point. */
  edges = g_new (SweepEdge, n_points);
  starts = g_new (int, n_points);

  /* Every ring edge that crosses a scanline sample inside the clip, in pixels. */
  for (guint h = 0; h < n_hulls; h++)
    for (guint k = hulls[h].first_ring; k < hulls[h].first_ring + hulls[h].n_rings; k++)
      {
        const CvnLayoutRing *ring = &g_array_index (rings, CvnLayoutRing, k);
        const CvnPoint *p = &g_array_index (points, CvnPoint, ring->first_point);
        double ax = p[ring->n_points - 1].x * r->sx + r->tx;
        double ay = p[ring->n_points - 1].y * r->sy + r->ty;

        for (guint i = 0; i < ring->n_points; i++)
          {
            double bx = p[i].x * r->sx + r->tx, by = p[i].y * r->sy + r->ty;
            double x0 = ax, y0 = ay, x1 = bx, y1 = by;
            int first, last;

            /* Vertices closer than a pixel to the previous one add nothing at this scale. */
            if (i + 1 < ring->n_points && fabs (bx - ax) < 1.0 && fabs (by - ay) < 1.0)
              continue;
            ax = bx;
            ay = by;
            if (y0 == y1)
              continue;
            if (y0 > y1)
              {
                double t;

                t = x0; x0 = x1; x1 = t;
                t = y0; y0 = y1; y1 = t;
              }
            /* Scanline samples are at pixel centres: rows first to last. */
            first = MAX (r->y0, ceil_int (y0 - 0.5));
            last = MIN (r->y1 - 1, ceil_int (y1 - 0.5) - 1);
            if (first > last)
              continue;
            {
              SweepEdge e;

              e.slope = (x1 - x0) / (y1 - y0);
              e.x = x0 + (first + 0.5 - y0) * e.slope;
              e.last_row = last;
              e.hull = h;
              edges[n_edges] = e;
              starts[n_edges++] = first;
            }
          }
      }
  if (n_edges == 0)
    return;

  /* Edges by their first row (a counting sort), then one sweep down the rows: each row is
   * filled by every hull in turn while it is in the processor's cache. Within a row the
   * active edges are kept in order of hull, then x: an insertion sort, since the order
   * barely changes from one row to the next. */
  count = g_new0 (guint, (gsize) n_rows + 1);
  order = g_new (guint, n_edges);
  active = active_buffer = g_new (SweepEdge, n_edges);
  merged = merged_buffer = g_new (SweepEdge, n_edges);
  joining = g_new (SweepEdge, n_edges);
  for (guint e = 0; e < n_edges; e++)
    count[starts[e] - r->y0 + 1]++;
  for (int row = 0; row < n_rows; row++)
    count[row + 1] += count[row];
  for (guint e = 0; e < n_edges; e++)
    order[count[starts[e] - r->y0]++] = e;
  /* count[row] is now the end of that row's edges in order; the start is count[row - 1]. */

  for (int row = 0, next = 0; row < n_rows; row++)
    {
      int y = r->y0 + row;
      guint32 *pixels = r->data + (gsize) y * r->stride;
      guint kept = 0;

      /* Edges past their last row leave; those of this row join. */
      guint n_joining = 0, i = 0, j = 0, n = 0;

      for (guint k = 0; k < n_active; k++)
        if (active[k].last_row >= y)
          active[kept++] = active[k];
      n_active = kept;
      /* The edges that join, in order (the counting sort kept them in hull order), merged
       * into the active ones. */
      for (; next < (int) count[row]; next++)
        {
          SweepEdge e = edges[order[next]];
          guint k = n_joining++;

          for (; k > 0 && sweep_before (&e, &joining[k - 1]); k--)
            joining[k] = joining[k - 1];
          joining[k] = e;
        }
      if (n_joining > 0)
        {
          while (i < n_active || j < n_joining)
            merged[n++] = j >= n_joining || (i < n_active &&
                                             !sweep_before (&joining[j], &active[i]))
                          ? active[i++] : joining[j++];
          {
            SweepEdge *t = active;

            active = merged;
            merged = t;
          }
          n_active = n;
        }
      /* Within a hull, edges may change order where they meet. */
      for (guint k = 1; k < n_active; k++)
        if (sweep_before (&active[k], &active[k - 1]))
          {
            SweepEdge e = active[k];
            guint m = k;

            for (; m > 0 && sweep_before (&e, &active[m - 1]); m--)
              active[m] = active[m - 1];
            active[m] = e;
          }

      for (guint k = 0; k + 1 < n_active;)
        {
          const CvnRasterHull *hull = &hulls[active[k].hull];

          if (active[k + 1].hull != active[k].hull)
            {
              k++;
              continue;
            }
          {
            int xs = MAX (r->x0, ceil_int (active[k].x - 0.5));
            int xe = MIN (r->x1 - 1, floor_int (active[k + 1].x - 0.5));

            if (xe >= xs)
              blend_span (pixels + xs, xe - xs + 1, hull->source, hull->inverse);
          }
          k += 2;
        }
      for (guint k = 0; k < n_active; k++)
        active[k].x += active[k].slope;
    }
}

void
cvn_raster_hull_init (CvnRasterHull *hull,
                      guint          first_ring,
                      guint          n_rings,
                      double         red,
                      double         green,
                      double         blue,
                      double         alpha)
{
  guint a = MIN ((guint) (alpha * 256 + 0.5), 256u);

  hull->first_ring = first_ring;
  hull->n_rings = n_rings;
  hull->source = premultiply ((guint) (red * 255 + 0.5), (guint) (green * 255 + 0.5),
                              (guint) (blue * 255 + 0.5), a);
  hull->inverse = 256 - a;
}
