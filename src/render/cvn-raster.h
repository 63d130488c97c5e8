/* cvn-raster.h — a fast path for drawing many simple primitives on image surfaces
 * (internal to src/render).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "cvn-layout.h"

G_BEGIN_DECLS

typedef struct
{
  guint32 *data;
  int      stride;            /* in pixels */
  int      x0, y0, x1, y1;    /* the clip, in pixels; x1 and y1 exclusive */
  /* Layout to pixel: px = x * sx + tx, py = y * sy + ty. */
  double   sx, tx, sy, ty;
  double   density;           /* pixels per device unit (the surface's device scale) */
  cairo_surface_t *surface;
} CvnRaster;

/* Prepares direct drawing on the target of @cr when it is an ARGB32 or RGB24 image surface
 * and the current transformation (layout to device) only scales and translates. Returns
 * FALSE otherwise: vector targets (PDF, SVG, print) take the cairo path. Call
 * cvn_raster_end() before drawing through cairo again. */
gboolean cvn_raster_begin   (CvnRaster *raster,
                             cairo_t   *cr);
void     cvn_raster_end     (CvnRaster *raster);

/* An anti-aliased line about @width device units wide between two layout points. */
void     cvn_raster_line    (CvnRaster *raster,
                             double     x0,
                             double     y0,
                             double     x1,
                             double     y1,
                             double     width,
                             double     red,
                             double     green,
                             double     blue,
                             double     alpha);

/* An opaque square of @size device units centred on a layout point: a marker too small to
 * have a shape. */
void     cvn_raster_dot     (CvnRaster *raster,
                             double     x,
                             double     y,
                             int        size,
                             double     red,
                             double     green,
                             double     blue);

/* A rectangle of layout units, anti-aliased at its edges. */
void     cvn_raster_rect    (CvnRaster *raster,
                             double     x,
                             double     y,
                             double     width,
                             double     height,
                             double     red,
                             double     green,
                             double     blue,
                             double     alpha);

/* Composites an ARGB32 image (premultiplied, flushed) with its top-left corner at pixel
 * (@x, @y) of the target, over what is there. */
void     cvn_raster_image   (CvnRaster       *raster,
                             cairo_surface_t *image,
                             int              x,
                             int              y);

/* A hull for cvn_raster_fill_hulls(): its rings and its colour. */
typedef struct
{
  guint   first_ring, n_rings;
  guint32 source;     /* premultiplied colour */
  guint   inverse;    /* 256 - alpha, alpha in 0..256 */
} CvnRasterHull;

void     cvn_raster_hull_init  (CvnRasterHull *hull,
                                guint          first_ring,
                                guint          n_rings,
                                double         red,
                                double         green,
                                double         blue,
                                double         alpha);

/* Fills many hulls (even-odd within each), in the order given, as cvn_raster_fill_rings()
 * would one after another, but in one sweep down the rows. */
void     cvn_raster_fill_hulls (CvnRaster           *raster,
                                const CvnRasterHull *hulls,
                                guint                n_hulls,
                                GArray              *rings,
                                GArray              *points);

G_END_DECLS
