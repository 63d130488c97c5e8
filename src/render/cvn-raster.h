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
  cairo_surface_t *surface;
  /* Scratch space for fills, freed by cvn_raster_end(). */
  gpointer edges, active, crossings;
  gsize    edges_size, active_size, crossings_size;
} CvnRaster;

/* Prepares direct drawing on the target of @cr when it is an ARGB32 or RGB24 image surface
 * and the current transformation (layout to device) only scales and translates. Returns
 * FALSE otherwise: vector targets (PDF, SVG, print) take the cairo path. Call
 * cvn_raster_end() before drawing through cairo again. */
gboolean cvn_raster_begin   (CvnRaster *raster,
                             cairo_t   *cr);
void     cvn_raster_end     (CvnRaster *raster);

/* An anti-aliased line about @width pixels wide between two layout points. */
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

/* Fills rings of layout points by the even-odd rule, at pixel centres (the outline drawn
 * over it with cvn_raster_line() provides the anti-aliasing). */
void     cvn_raster_fill_rings (CvnRaster      *raster,
                                GArray         *rings,
                                GArray         *points,
                                guint           first_ring,
                                guint           n_rings,
                                double          red,
                                double          green,
                                double          blue,
                                double          alpha);

/* An opaque square of @size pixels centred on a layout point: a marker too small to have a
 * shape. */
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

G_END_DECLS
