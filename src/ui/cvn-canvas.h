/* cvn-canvas.h — an interactive view of a layout: pan, zoom, select, drag, keyboard focus.
 *
 * The canvas draws a CvnLayout through the shared renderer and turns pointer, touch and key
 * input into viewport changes, selections and node moves. It knows nothing of documents or
 * windows: it reports what the user did through signals, and whoever owns it (the diagram
 * page, the presentation window) decides what that means for the document.
 *
 * Coordinates: "widget" coordinates are the canvas's own pixels; "layout" coordinates are the
 * layout's units (cvn-layout.h). The viewport maps one to the other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cvn-layout.h"
#include "cvn-renderer.h"

G_BEGIN_DECLS

#define CVN_TYPE_CANVAS (cvn_canvas_get_type ())
G_DECLARE_FINAL_TYPE (CvnCanvas, cvn_canvas, CVN, CANVAS, GtkWidget)

GtkWidget       *cvn_canvas_new                (void);

/* The layout to show. A new layout of the same view keeps the viewport (the document changed
 * under it); the first layout, or one of another view, is fitted to the canvas. */
void             cvn_canvas_set_layout         (CvnCanvas            *self,
                                                CvnLayout            *layout);
CvnLayout       *cvn_canvas_get_layout         (CvnCanvas            *self);
void             cvn_canvas_set_style          (CvnCanvas            *self,
                                                const CvnRenderStyle *style);
CvnRenderer     *cvn_canvas_get_renderer       (CvnCanvas            *self);

/* An editable canvas selects, drags nodes and draws rubber bands; one that is not (the
 * presentation) only pans and zooms, and leaves the arrow keys to its owner. */
void             cvn_canvas_set_editable       (CvnCanvas            *self,
                                                gboolean              editable);
gboolean         cvn_canvas_get_editable       (CvnCanvas            *self);

/* A layout shown for the first time is fitted to the canvas, unless that would draw it
 * smaller than @scale: then its top is shown, its whole width when that is at @scale or
 * larger, or else at @scale around its first node (the root of a tree). 0 (the default)
 * always fits. */
void             cvn_canvas_set_readable_scale (CvnCanvas            *self,
                                                double                scale);
/* Room kept clear along the bottom edge (for a caption) when fitting and zooming to a rect. */
void             cvn_canvas_set_bottom_inset   (CvnCanvas            *self,
                                                double                inset);

/* The viewport in widget units: (x, y) is the layout point at the widget's top-left corner,
 * width and height the widget's size in layout units, scale widget pixels per layout unit. */
void             cvn_canvas_get_viewport       (CvnCanvas            *self,
                                                CvnViewport          *viewport);
void             cvn_canvas_set_viewport       (CvnCanvas            *self,
                                                double                x,
                                                double                y,
                                                double                scale);
void             cvn_canvas_layout_to_widget   (CvnCanvas            *self,
                                                double                x,
                                                double                y,
                                                double               *widget_x,
                                                double               *widget_y);
void             cvn_canvas_widget_to_layout   (CvnCanvas            *self,
                                                double                widget_x,
                                                double                widget_y,
                                                double               *x,
                                                double               *y);

/* Moves the drawing by (@dx, @dy) widget pixels, as dragging empty space does. */
void             cvn_canvas_pan_by             (CvnCanvas            *self,
                                                double                dx,
                                                double                dy);
/* Zooms by @factor keeping the layout point under widget point (@x, @y) where it is. */
void             cvn_canvas_zoom_by            (CvnCanvas            *self,
                                                double                factor,
                                                double                x,
                                                double                y);
void             cvn_canvas_zoom_in            (CvnCanvas            *self);
void             cvn_canvas_zoom_out           (CvnCanvas            *self);
void             cvn_canvas_zoom_to_fit        (CvnCanvas            *self);
/* TRUE while the viewport is a fit (a layout's first view, or "zoom to fit") that the user
 * has not moved since: it is fitted again whenever the canvas changes size. */
gboolean         cvn_canvas_get_fitted         (CvnCanvas            *self);
/* Shows @rect (layout units) as large as fits, clear of the legend and the bottom inset;
 * with @animate, a smooth zoom from where the view is now. */
void             cvn_canvas_zoom_to_rect       (CvnCanvas            *self,
                                                const CvnRect        *rect,
                                                gboolean              animate);
/* Ends a running zoom animation at its destination at once. */
void             cvn_canvas_finish_animation   (CvnCanvas            *self);
/* TRUE when node @index is wholly in view, clear of the legend and the bottom inset. */
gboolean         cvn_canvas_node_is_visible    (CvnCanvas            *self,
                                                guint                 index);
/* Pans (without zooming) until node @index is in view; with @centre, into the middle. */
void             cvn_canvas_show_node          (CvnCanvas            *self,
                                                guint                 index,
                                                gboolean              centre);

/* The selection, as objects: kept across new layouts. Setting it does not emit
 * CvnCanvas::selection-changed, which reports the user's choices only. */
void             cvn_canvas_set_selection      (CvnCanvas            *self,
                                                const CvnObjectRef   *objects,
                                                guint                 n_objects);
const CvnObjectRef *cvn_canvas_get_selection   (CvnCanvas            *self,
                                                guint                *n_objects);
gboolean         cvn_canvas_is_selected        (CvnCanvas            *self,
                                                CvnObjectKind         kind,
                                                gint64                id);
/* Objects drawn with a highlight ring (search matches); not a selection. */
void             cvn_canvas_set_highlights     (CvnCanvas            *self,
                                                const CvnObjectRef   *objects,
                                                guint                 n_objects);
const CvnObjectRef *cvn_canvas_get_highlights  (CvnCanvas            *self,
                                                guint                *n_objects);

/* The node with the keyboard focus ring, or -1. */
int              cvn_canvas_get_focus_node     (CvnCanvas            *self);
void             cvn_canvas_set_focus_node     (CvnCanvas            *self,
                                                int                   index);

/* The node (or, failing one, the smallest hull) under widget point (@x, @y). */
gboolean         cvn_canvas_hit_test           (CvnCanvas            *self,
                                                double                x,
                                                double                y,
                                                CvnLayoutHit         *hit);
/* The node's box (a marker's square in the graph and the map) in widget coordinates. */
void             cvn_canvas_get_node_rect      (CvnCanvas            *self,
                                                guint                 index,
                                                graphene_rect_t      *rect);

/* Input, in widget coordinates. The canvas's event controllers call these, and tests drive
 * the canvas through them. A drag that has not moved a few pixels by its end is a click. */
void             cvn_canvas_drag_begin         (CvnCanvas            *self,
                                                double                x,
                                                double                y,
                                                guint                 button,
                                                GdkModifierType       state);
void             cvn_canvas_drag_update        (CvnCanvas            *self,
                                                double                x,
                                                double                y);
void             cvn_canvas_drag_end           (CvnCanvas            *self,
                                                double                x,
                                                double                y);
void             cvn_canvas_drag_cancel        (CvnCanvas            *self);
/* A double (or further) click: activates the node under the pointer. */
void             cvn_canvas_multi_click        (CvnCanvas            *self,
                                                double                x,
                                                double                y,
                                                int                   n_press);
/* Wheel and touchpad scrolling: pans, or zooms about the pointer with Ctrl. */
gboolean         cvn_canvas_scroll             (CvnCanvas            *self,
                                                double                dx,
                                                double                dy,
                                                GdkScrollUnit         unit,
                                                GdkModifierType       state);
gboolean         cvn_canvas_key_press          (CvnCanvas            *self,
                                                guint                 keyval,
                                                GdkModifierType       state);

/* How long the last full drawing took, in milliseconds. */
double           cvn_canvas_get_last_render_ms (CvnCanvas            *self);
/* Draws now, as the next frame would (tests and benchmarks; the widget need not be mapped).
 * Returns the milliseconds it took. */
double           cvn_canvas_render_now         (CvnCanvas            *self);
/* The size in pixels of the last image drawn (0 x 0 before the first): the widget's size
 * times its scale factor. For tests. */
void             cvn_canvas_get_rendered_size  (CvnCanvas            *self,
                                                int                  *width,
                                                int                  *height);
/* A new scale whose drawing from nothing took longer than @ms milliseconds (8 by default)
 * is drawn by a worker thread while frames show the last image scaled (see cvn-canvas.c);
 * 0 sends every new scale there (tests). */
void             cvn_canvas_set_frame_budget   (CvnCanvas            *self,
                                                double                ms);
/* Whether the last image drawn shows the current viewport, layout, style and selection. */
gboolean         cvn_canvas_is_up_to_date      (CvnCanvas            *self);
/* How many new scales drawn by the worker have been shown. For tests. */
guint            cvn_canvas_get_n_background_grounds (CvnCanvas      *self);
/* The last image drawn, or NULL (transfer none). For tests. */
GdkTexture      *cvn_canvas_get_texture        (CvnCanvas            *self);

G_END_DECLS
