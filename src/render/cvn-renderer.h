/* cvn-renderer.h — the one renderer: draws a layout onto any cairo_t.
 *
 * The canvas, the print pages and every export (PDF, SVG, PNG) draw through this, differing
 * only in the cairo surface and viewport they hand it. The renderer owns caches (shaped
 * labels, measured widths) tied to its layout and style, so a canvas keeps one renderer per
 * view and calls cvn_renderer_draw() for every frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "cvn-layout.h"

G_BEGIN_DECLS

/* The part of the layout to draw: the visible rectangle in layout coordinates and the scale
 * in device units (pixels, or points for print) per layout unit. The rectangle's top-left
 * corner is drawn at the cairo_t's user-space origin. */
typedef struct
{
  double x, y;
  double width, height;
  double scale;
} CvnViewport;

typedef struct
{
  gboolean high_contrast;    /* presentation: stronger colours and outlines */
  gboolean large_type;       /* presentation: labels half as large again */
  gboolean show_legend;
  gboolean show_labels;
  gboolean paint_background; /* white page; a canvas that paints its own turns this off */
} CvnRenderStyle;

#define CVN_TYPE_RENDERER (cvn_renderer_get_type ())
G_DECLARE_FINAL_TYPE (CvnRenderer, cvn_renderer, CVN, RENDERER, GObject)

void         cvn_render_style_init        (CvnRenderStyle       *style);

CvnRenderer *cvn_renderer_new             (void);
void         cvn_renderer_set_layout      (CvnRenderer          *self,
                                           CvnLayout            *layout);
CvnLayout   *cvn_renderer_get_layout      (CvnRenderer          *self);
void         cvn_renderer_set_style       (CvnRenderer          *self,
                                           const CvnRenderStyle *style);

/* The viewport that shows the whole layout in a @width x @height device area, leaving room
 * for the legend. */
void         cvn_renderer_fit             (CvnRenderer          *self,
                                           double                width,
                                           double                height,
                                           CvnViewport          *viewport);
/* The device area the legend takes in the top right-hand corner of every draw, margin
 * included (0 x 0 when there is no legend), so that a canvas can keep what it zooms to clear
 * of it. */
void         cvn_renderer_get_legend_size (CvnRenderer          *self,
                                           double               *width,
                                           double               *height);
/* A viewport of @width x @height device units centred on (@x, @y) at @scale. */
void         cvn_viewport_init_centred    (CvnViewport          *viewport,
                                           double                x,
                                           double                y,
                                           double                scale,
                                           double                width,
                                           double                height);

/* Draws the viewport: hulls, edges, nodes, labels that fit without colliding, the
 * selection, and the legend and map scale bar in device space. No title or page furniture. */
void         cvn_renderer_draw            (CvnRenderer          *self,
                                           cairo_t              *cr,
                                           const CvnViewport    *viewport,
                                           const CvnObjectRef   *selection,
                                           guint                 n_selection);

/* Drawing a new scale in another thread. Most of the work of a frame at a new scale is its
 * "ground": everything but the labels, the legend and the selection, which depends only on
 * the layout, the style and the viewport's scale. A canvas can have a second renderer,
 * used only by a worker thread, draw the ground of a viewport for a target of
 * @device_scale pixels per device unit (cvn_renderer_prepare_ground()), then hand it to its
 * own renderer (cvn_renderer_take_ground(), back in the main thread once the worker is
 * done), whose next draw at that scale only scrolls it and places the labels. The layout
 * must not change while the worker reads it; see cvn_layout_build_index().
 * cvn_renderer_take_ground() returns FALSE, and takes nothing, unless @from has a ground
 * for the same layout and style. */
void         cvn_renderer_prepare_ground  (CvnRenderer          *self,
                                           const CvnViewport    *viewport,
                                           double                device_scale);
gboolean     cvn_renderer_take_ground     (CvnRenderer          *self,
                                           CvnRenderer          *from);

/* Forgets the cached scene, so the next draw renders everything again. A canvas needs it
 * only after changing a layout in place other than by cvn_layout_move_node(). */
void         cvn_renderer_invalidate      (CvnRenderer          *self);

/* The labels the last draw placed, as device rectangles (CvnRect), with the node index of
 * each in @nodes (guint). For tests and for a canvas that wants to show tooltips only for
 * unlabelled nodes. */
void         cvn_renderer_get_drawn_labels (CvnRenderer         *self,
                                            GArray             **rects,
                                            GArray             **nodes);

/* Draws @layout into a new PNG file of @width x @height pixels, fitted, as the canvas
 * would show it after "zoom to fit" (legend included, no page furniture). */
gboolean     cvn_render_to_png            (CvnLayout            *layout,
                                           const CvnRenderStyle *style,
                                           int                   width,
                                           int                   height,
                                           const char           *path,
                                           GError              **error);


G_END_DECLS
