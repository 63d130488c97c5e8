/* cvn-canvas.c — an interactive view of a layout.
 *
 * Drawing. The renderer draws into an image surface the size of the widget, which becomes a
 * GdkTexture for the frame; a frame whose viewport, layout, style and selection are unchanged
 * reuses the texture. A pan is drawn properly in every frame: the renderer keeps what it drew
 * and draws only the strip that came into view (under 10 ms at 25,000 schools). Drawing a
 * new scale from nothing takes longer there (10–50 ms), more than a frame has. So when the
 * last one took longer than FRAME_BUDGET_US, a new scale is drawn in two parts. While the
 * input moves (a pinch, Ctrl+scroll, an animation) frames draw the last texture scaled to
 * the new viewport, which costs nothing. Once it has rested for SETTLE_MS, a worker thread
 * draws the new scale's ground (everything but the labels, legend and selection) with a
 * renderer of its own, the frames still showing the scaled texture; when it is done, the
 * canvas's renderer takes that ground and the next frame only places the labels (under
 * 10 ms at 25,000 schools). The worker only reads the layout: a node drag waits for it
 * before moving anything. Small documents are drawn in full in every frame, so they never
 * show a scaled texture. No level of detail ever drops schools: the renderer draws every
 * school in the viewport, however small.
 *
 * Input. One drag gesture handles the primary button: a press that moves less than
 * DRAG_THRESHOLD before its release is a click (select; Shift or Ctrl toggles); a drag that
 * starts on a node moves it, one that starts with Shift draws a rubber band, and any other
 * pans. The gesture callbacks only translate offsets into widget coordinates and call the
 * public cvn_canvas_drag_*() functions, which the tests call too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-canvas"

#include "config.h"

#include "cvn-canvas.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#define DRAG_THRESHOLD   4.0      /* pixels a press may wander and still be a click */
#define SETTLE_MS        100      /* rest after which an interaction is drawn properly */
#define FRAME_BUDGET_US  8000     /* new scales drawn quicker than this are drawn in a frame */
#define MAX_SCALE        8.0
#define MAX_RECT_SCALE   2.5
#define ZOOM_STEP        1.25
#define WHEEL_PAN_PX     48.0
#define FIT_MARGIN_PX    24.0
#define FIRST_SCREEN_MAX_SCALE 1.0
#define HIT_TOLERANCE_PX 4.0
#define ANIMATION_MS     650

typedef enum
{
  DRAG_NONE,
  DRAG_PENDING,   /* pressed, not yet moved far enough to be a drag */
  DRAG_PAN,
  DRAG_NODE,
  DRAG_BAND,
} DragMode;

/* What a texture was rendered for. Compared with memcmp, so always zeroed first. */
typedef struct
{
  guint    layout_serial;
  guint64  generation;
  double   x, y, scale;
  int      width, height;
  int      scale_factor;    /* device pixels per widget unit */
  guint    selection_serial;
  guint    style_serial;
} ImageKey;

struct _CvnCanvas
{
  GtkWidget       parent_instance;

  CvnRenderer    *renderer;
  CvnLayout      *layout;
  guint           layout_serial;
  CvnRenderStyle  style;
  guint           style_serial;
  gboolean        editable;
  double          bottom_inset;

  /* The viewport: the layout point at the widget's top-left corner, and the scale. */
  double          x, y, scale;
  /* The viewport follows a fit, done again whenever the canvas changes size, until the user
   * moves the view: a window that opens small and is then maximised, or a pane that settles
   * after the first frame, still shows the drawing fitted. */
  gboolean        fit_pending;
  int             fit_width, fit_height;   /* the size the fit was made for */
  gboolean        first_fit;        /* the fit is the layout's first view, not asked for */
  double          readable_scale;
  gboolean        rect_pending;     /* zoom to pending_rect once the canvas has a size */
  CvnRect         pending_rect;

  GArray         *selection;        /* CvnObjectRef */
  guint           selection_serial;
  GArray         *highlights;       /* CvnObjectRef */
  int             focus_node;
  CvnObjectRef    focus_ref;

  DragMode        drag_mode;
  guint           drag_button;
  GdkModifierType drag_state;
  double          press_x, press_y, last_x, last_y;
  int             drag_node;
  double          node_start_x, node_start_y;
  double          grab_dx, grab_dy;

  double          zoom_start_scale;
  double          zoom_anchor_x, zoom_anchor_y;   /* layout point under the pinch */

  GdkTexture     *texture;
  ImageKey        texture_key;
  gint64          last_render_us;
  gint64          ground_us;        /* the last drawing of a ground from nothing */
  gint64          budget_us;        /* new scales slower than this go to the worker */
  guint           n_taken;          /* grounds from the worker that frames showed */
  gboolean        moving;
  guint           settle_id;

  /* The worker that draws new scales (see "Drawing" above). */
  GThread        *worker;
  GAsyncQueue    *jobs;             /* GroundJob */
  GMutex          worker_lock;
  GCond           worker_done;
  gboolean        worker_busy;      /* under worker_lock: reading the layout */
  gboolean        job_pending;      /* a job posted, its result not back yet */
  CvnRenderer    *worker_renderer;  /* the worker's; touched here only between jobs */
  gboolean        ground_ready;     /* worker_renderer holds a ground for ready_key */
  ImageKey        ready_key;

  AdwAnimation   *animation;
  double          anim_from[3];     /* layout x, y at the anchor, and log scale */
  double          anim_to[3];
  double          anim_anchor_x, anim_anchor_y;

  double          pointer_x, pointer_y;
  gboolean        have_pointer;
};

G_DEFINE_FINAL_TYPE (CvnCanvas, cvn_canvas, GTK_TYPE_WIDGET)

enum {
  SELECTION_CHANGED,
  NODE_ACTIVATED,
  NODE_MOVED,
  NODE_TOOLTIP,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers -------------------------------------------------------------------------------- */

static const CvnLayoutNode *
node_at (CvnCanvas *self,
         int        index)
{
  if (self->layout == NULL || index < 0 || (guint) index >= self->layout->nodes->len)
    return NULL;
  return &g_array_index (self->layout->nodes, CvnLayoutNode, index);
}

/* Nodes that stand for an object: the ones that can be selected, focused and activated. */
static gboolean
node_is_object (const CvnLayoutNode *node)
{
  return node != NULL && node->kind != CVN_OBJECT_NONE && !(node->flags & CVN_NODE_PSEUDO);
}

static gboolean
node_is_draggable (CvnCanvas *self,
                   int        index)
{
  const CvnLayoutNode *node = node_at (self, index);

  /* The map's positions are the schools' real coordinates, data rather than arrangement.
   * Elsewhere only an object's first node is saved (the structure lists a school once under
   * each of its clusters), so only that one moves. */
  return self->editable && node_is_object (node) && self->layout->view != CVN_VIEW_MAP &&
         !(node->flags & CVN_NODE_UNPLACED) && node->shape != CVN_SHAPE_HEADING &&
         cvn_layout_find_node (self->layout, node->kind, node->id) == index;
}

static int
find_ref (GArray             *refs,
          const CvnObjectRef *ref)
{
  for (guint i = 0; i < refs->len; i++)
    {
      const CvnObjectRef *r = &g_array_index (refs, CvnObjectRef, i);

      if (r->kind == ref->kind && r->id == ref->id)
        return (int) i;
    }
  return -1;
}

static double
min_scale (CvnCanvas *self)
{
  double width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1);
  double height = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 1);
  double fit;

  if (self->layout == NULL)
    return 0.01;
  fit = MIN (width / MAX (self->layout->bounds.width, 1),
             height / MAX (self->layout->bounds.height, 1));
  return MIN (fit / 2, 0.05);
}

static void
settle_cb (gpointer data)
{
  CvnCanvas *self = data;

  self->settle_id = 0;
  self->moving = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* An interaction moved the viewport: frames may show the last texture stretched until the
 * input rests. */
static void
mark_moving (CvnCanvas *self)
{
  self->moving = TRUE;
  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->settle_id = g_timeout_add_once (SETTLE_MS, settle_cb, self);
}

/* Keeps some of the drawing on screen, so a wild fling cannot lose it. */
static void
clamp_viewport (CvnCanvas *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  const CvnRect *b;
  double keep_x, keep_y;

  self->scale = CLAMP (self->scale, min_scale (self), MAX_SCALE);
  if (self->layout == NULL || width <= 0 || height <= 0)
    return;
  b = &self->layout->bounds;
  keep_x = MIN (64 / self->scale, b->width / 2);
  keep_y = MIN (64 / self->scale, b->height / 2);
  self->x = CLAMP (self->x, b->x + keep_x - width / self->scale, b->x + b->width - keep_x);
  self->y = CLAMP (self->y, b->y + keep_y - height / self->scale, b->y + b->height - keep_y);
}

static void
apply_viewport (CvnCanvas *self,
                double     x,
                double     y,
                double     scale,
                gboolean   interactive)
{
  self->rect_pending = FALSE;
  self->fit_pending = FALSE;
  self->x = x;
  self->y = y;
  self->scale = scale;
  clamp_viewport (self);
  if (interactive)
    mark_moving (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
stop_animation (CvnCanvas *self)
{
  if (self->animation != NULL &&
      adw_animation_get_state (self->animation) == ADW_ANIMATION_PLAYING)
    adw_animation_pause (self->animation);
}

static void
update_accessible_description (CvnCanvas *self)
{
  const CvnLayoutNode *node = node_at (self, self->focus_node);

  if (node != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    node->label, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
set_cursor (CvnCanvas  *self,
            const char *name)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), name);
}

/* Drawing -------------------------------------------------------------------------------- */

/* A job for the worker: draw the ground of a viewport. */
typedef struct
{
  CvnCanvas      *canvas;         /* a reference, dropped in the main thread */
  CvnLayout      *layout;         /* NULL: the worker ends */
  CvnRenderStyle  style;
  CvnViewport     viewport;
  double          device_scale;
  ImageKey        key;
  CvnRenderer    *renderer;       /* the worker's, with the ground, handed back */
  gint64          duration_us;
} GroundJob;

static void
ground_job_free (GroundJob *job)
{
  g_clear_pointer (&job->layout, cvn_layout_unref);
  g_clear_object (&job->canvas);
  g_free (job);
}

/* Back in the main thread: the worker has drawn a ground. The canvas may have been
 * disposed since (jobs is then NULL). */
static gboolean
ground_job_done (gpointer data)
{
  GroundJob *job = data;
  CvnCanvas *self = job->canvas;

  if (self->jobs != NULL)
    {
      self->job_pending = FALSE;
      self->worker_renderer = job->renderer;
      self->ready_key = job->key;
      self->ground_ready = TRUE;
      self->ground_us = job->duration_us;
      g_debug ("Worker drew a ground at scale %.3f in %.1f ms", job->key.scale,
               job->duration_us / 1000.0);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  ground_job_free (job);
  return G_SOURCE_REMOVE;
}

/* The worker thread. Its renderer is made, used and freed here, so that its fonts come
 * from this thread's font map; the main thread only takes grounds from it while no job
 * is pending. */
static gpointer
ground_worker (gpointer data)
{
  CvnCanvas *self = data;   /* its jobs queue and lock outlive this thread */
  CvnRenderer *renderer = NULL;

  for (;;)
    {
      GroundJob *job = g_async_queue_pop (self->jobs);
      gint64 start = g_get_monotonic_time ();

      if (job->layout == NULL)
        {
          ground_job_free (job);
          break;
        }
      if (renderer == NULL)
        renderer = cvn_renderer_new ();
      cvn_renderer_set_style (renderer, &job->style);
      cvn_renderer_set_layout (renderer, job->layout);
      cvn_renderer_prepare_ground (renderer, &job->viewport, job->device_scale);
      job->duration_us = g_get_monotonic_time () - start;
      job->renderer = renderer;

      g_mutex_lock (&self->worker_lock);
      self->worker_busy = FALSE;
      g_cond_broadcast (&self->worker_done);
      g_mutex_unlock (&self->worker_lock);
      /* Always from an idle: g_main_context_invoke() could run it in this thread when the
       * main thread happens not to hold the context. */
      g_idle_add_full (G_PRIORITY_DEFAULT, ground_job_done, job, NULL);
    }
  g_clear_object (&renderer);
  return NULL;
}

/* Waits until the worker no longer reads the layout: before the layout changes in place. */
static void
wait_for_worker (CvnCanvas *self)
{
  g_mutex_lock (&self->worker_lock);
  while (self->worker_busy)
    g_cond_wait (&self->worker_done, &self->worker_lock);
  g_mutex_unlock (&self->worker_lock);
}

/* Returns FALSE when there is no worker thread to post to: the frame then draws the new
 * scale itself. */
static gboolean
post_ground_job (CvnCanvas      *self,
                 const ImageKey *key)
{
  GroundJob *job;

  if (self->worker == NULL)
    {
      g_autoptr (GError) error = NULL;

      self->worker = g_thread_try_new ("cvn-ground", ground_worker, self, &error);
      if (self->worker == NULL)
        {
          g_warning ("Could not start the drawing thread: %s", error->message);
          /* Frames draw new scales themselves from now on, without trying again. */
          self->ground_us = 0;
          return FALSE;
        }
    }
  job = g_new0 (GroundJob, 1);
  /* The worker must find the spatial index built: building it would write. */
  cvn_layout_build_index (self->layout);
  job->canvas = g_object_ref (self);
  job->layout = cvn_layout_ref (self->layout);
  job->style = self->style;
  job->viewport.x = self->x;
  job->viewport.y = self->y;
  job->viewport.scale = self->scale;
  job->viewport.width = key->width / self->scale;
  job->viewport.height = key->height / self->scale;
  job->device_scale = key->scale_factor;
  job->key = *key;
  self->job_pending = TRUE;
  self->ground_ready = FALSE;
  g_mutex_lock (&self->worker_lock);
  self->worker_busy = TRUE;
  g_mutex_unlock (&self->worker_lock);
  g_async_queue_push (self->jobs, job);
  return TRUE;
}

/* Whether two keys need the same ground: all but the position and the selection agree. */
static gboolean
same_ground (const ImageKey *a,
             const ImageKey *b)
{
  return a->layout_serial == b->layout_serial && a->generation == b->generation &&
         a->scale == b->scale && a->width == b->width && a->height == b->height &&
         a->scale_factor == b->scale_factor && a->style_serial == b->style_serial;
}

static void
current_key (CvnCanvas *self,
             ImageKey  *key)
{
  memset (key, 0, sizeof *key);
  key->layout_serial = self->layout_serial;
  key->generation = self->layout != NULL ? self->layout->generation : 0;
  key->x = self->x;
  key->y = self->y;
  key->scale = self->scale;
  key->width = gtk_widget_get_width (GTK_WIDGET (self));
  key->height = gtk_widget_get_height (GTK_WIDGET (self));
  key->scale_factor = MAX (gtk_widget_get_scale_factor (GTK_WIDGET (self)), 1);
  key->selection_serial = self->selection_serial;
  key->style_serial = self->style_serial;
}

static void
render_image (CvnCanvas      *self,
              const ImageKey *key)
{
  gint64 start = g_get_monotonic_time ();
  /* Whether the renderer has to draw the ground anew: it scrolls it for a pan, and
   * draws it again only around a dragged node. */
  gboolean anew = self->texture == NULL || self->texture_key.scale != key->scale ||
                  self->texture_key.layout_serial != key->layout_serial ||
                  self->texture_key.style_serial != key->style_serial;
  int pixel_width = key->width * key->scale_factor;
  int pixel_height = key->height * key->scale_factor;
  cairo_surface_t *surface;
  cairo_t *cr;
  CvnViewport viewport;
  GBytes *bytes;

  /* The image has a pixel for every device pixel, so a display at scale 2 shows it sharp
   * rather than stretched. The device scale keeps the renderer's user space in widget
   * units: the legend and the labels, sized in those, come out the size they are meant to
   * be on every display. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  cairo_surface_set_device_scale (surface, key->scale_factor, key->scale_factor);
  cr = cairo_create (surface);
  viewport.x = self->x;
  viewport.y = self->y;
  viewport.scale = self->scale;
  viewport.width = key->width / self->scale;
  viewport.height = key->height / self->scale;
  cvn_renderer_draw (self->renderer, cr, &viewport,
                     (const CvnObjectRef *) (gpointer) self->selection->data,
                     self->selection->len);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* The texture borrows the surface's pixels; the surface goes when the texture does. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) *
                                      pixel_height,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  g_clear_object (&self->texture);
  self->texture = gdk_memory_texture_new (pixel_width, pixel_height, GDK_MEMORY_DEFAULT, bytes,
                                          cairo_image_surface_get_stride (surface));
  g_bytes_unref (bytes);
  self->texture_key = *key;
  self->last_render_us = g_get_monotonic_time () - start;
  if (anew)
    self->ground_us = self->last_render_us;
  g_debug ("Rendered %d×%d at scale %.3f (%d× pixels) in %.1f ms", key->width, key->height,
           key->scale, key->scale_factor, self->last_render_us / 1000.0);
}

static void
node_rect (CvnCanvas           *self,
           const CvnLayoutNode *node,
           graphene_rect_t     *rect)
{
  double w = node->width, h = node->height;

  if (self->layout->view != CVN_VIEW_STRUCTURE && !(node->flags & CVN_NODE_UNPLACED) &&
      node->shape != CVN_SHAPE_HEADING)
    w = h = MAX (node->width, node->height);
  graphene_rect_init (rect, (node->x - w / 2 - self->x) * self->scale,
                      (node->y - h / 2 - self->y) * self->scale,
                      w * self->scale, h * self->scale);
}

static void
ring_path (cairo_t               *cr,
           CvnCanvas             *self,
           const CvnLayoutNode   *node,
           double                 grow)
{
  graphene_rect_t r;

  node_rect (self, node, &r);
  if (self->layout->view == CVN_VIEW_STRUCTURE || (node->flags & CVN_NODE_UNPLACED))
    {
      double x = r.origin.x - grow, y = r.origin.y - grow;
      double w = r.size.width + 2 * grow, h = r.size.height + 2 * grow;
      double radius = MIN (6, MIN (w, h) / 2);

      cairo_new_sub_path (cr);
      cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
      cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
      cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
      cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
      cairo_close_path (cr);
    }
  else
    {
      double radius = MAX (r.size.width / 2, 3) + grow;

      cairo_new_sub_path (cr);
      cairo_arc (cr, r.origin.x + r.size.width / 2, r.origin.y + r.size.height / 2, radius, 0,
                 2 * G_PI);
    }
}

/* Search matches, the keyboard focus and the rubber band, over the rendered image. */
static void
draw_overlay (CvnCanvas   *self,
              GtkSnapshot *snapshot,
              int          width,
              int          height)
{
  gboolean focus = self->focus_node >= 0 && gtk_widget_has_focus (GTK_WIDGET (self));
  gboolean band = self->drag_mode == DRAG_BAND;
  cairo_t *cr;

  if (self->highlights->len == 0 && !focus && !band)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (self->highlights->len > 0)
    {
      cairo_new_path (cr);
      for (guint i = 0; i < self->highlights->len; i++)
        {
          const CvnObjectRef *ref = &g_array_index (self->highlights, CvnObjectRef, i);
          const CvnLayoutNode *node = node_at (self, cvn_layout_find_node (self->layout,
                                                                           ref->kind,
                                                                           ref->id));
          graphene_rect_t r;

          if (node == NULL)
            continue;
          node_rect (self, node, &r);
          if (r.origin.x > width + 20 || r.origin.y > height + 20 ||
              r.origin.x + r.size.width < -20 || r.origin.y + r.size.height < -20)
            continue;
          ring_path (cr, self, node, 7);
        }
      cairo_set_source_rgba (cr, 0.96, 0.76, 0.07, 0.95);
      cairo_set_line_width (cr, 4);
      cairo_stroke (cr);
    }

  if (focus)
    {
      const CvnLayoutNode *node = node_at (self, self->focus_node);
      static const double dash[] = { 4, 3 };

      /* A light ring under a dark dashed one, visible on any fill. */
      ring_path (cr, self, node, 9);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
      cairo_set_line_width (cr, 4);
      cairo_stroke_preserve (cr);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  if (band)
    {
      double x0 = MIN (self->press_x, self->last_x), y0 = MIN (self->press_y, self->last_y);
      double x1 = MAX (self->press_x, self->last_x), y1 = MAX (self->press_y, self->last_y);

      cairo_rectangle (cr, floor (x0) + 0.5, floor (y0) + 0.5, floor (x1 - x0), floor (y1 - y0));
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.15);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.9);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

static void
cvn_canvas_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  CvnCanvas *self = CVN_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  ImageKey key;

  if (width <= 0 || height <= 0)
    return;
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 1 },
                             &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->layout == NULL)
    return;

  current_key (self, &key);
  if (self->texture == NULL || memcmp (&key, &self->texture_key, sizeof key) != 0)
    {
      /* A pan at one scale is drawn properly: the renderer scrolls what it drew before
       * and draws only the strip that came into view. A new scale that would take too
       * long shows the last texture scaled while the input moves, then while the worker
       * draws it. */
      gboolean stale_ok = self->texture != NULL && self->ground_us > self->budget_us &&
                          self->texture_key.scale != key.scale &&
                          self->texture_key.layout_serial == key.layout_serial &&
                          self->texture_key.generation == key.generation &&
                          self->texture_key.style_serial == key.style_serial;
      gboolean took = FALSE;

      if (stale_ok && !self->moving)
        {
          if (self->ground_ready && same_ground (&self->ready_key, &key) &&
              cvn_renderer_take_ground (self->renderer, self->worker_renderer))
            {
              took = TRUE;
              self->n_taken++;
            }
          else if (!self->job_pending && !post_ground_job (self, &key))
            stale_ok = FALSE;
        }
      if (took)
        {
          /* The worker's time, not this frame's, says how long a new scale takes. */
          gint64 ground_us = self->ground_us;

          self->ground_ready = FALSE;
          render_image (self, &key);
          self->ground_us = ground_us;
        }
      else if (stale_ok)
        {
          /* The last image, moved to where its contents belong now. */
          const ImageKey *old = &self->texture_key;
          double factor = self->scale / old->scale;

          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot,
                                  &GRAPHENE_POINT_INIT ((old->x - self->x) * self->scale,
                                                        (old->y - self->y) * self->scale));
          gtk_snapshot_scale (snapshot, factor, factor);
          gtk_snapshot_append_texture (snapshot, self->texture,
                                       &GRAPHENE_RECT_INIT (0, 0, old->width, old->height));
          gtk_snapshot_restore (snapshot);
          draw_overlay (self, snapshot, width, height);
          return;
        }
      else
        render_image (self, &key);
    }
  gtk_snapshot_append_texture (snapshot, self->texture,
                               &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_overlay (self, snapshot, width, height);
}

/* Viewport ------------------------------------------------------------------------------- */

/* The first view of a layout that is too small to read when it all fits: the top of the
 * drawing, its whole width across the canvas (clear of the legend) when that is readable,
 * or else at the readable scale, as much of the width as fits around the first node (the
 * root of a tree, kept clear of the legend), never past the drawing's edges. */
static void
first_screen (CvnCanvas   *self,
              int          width,
              int          height,
              CvnViewport *viewport)
{
  const CvnRect *b = &self->layout->bounds;
  const CvnLayoutNode *top = NULL;
  double legend_w, legend_h, room_w, scale, left, right;

  cvn_renderer_get_legend_size (self->renderer, &legend_w, &legend_h);
  room_w = MAX (width - legend_w - 2 * FIT_MARGIN_PX, 1);
  /* A narrow, tall drawing is not blown up past its natural size to fill the width. */
  scale = MAX (self->readable_scale, MIN (room_w / MAX (b->width, 1), FIRST_SCREEN_MAX_SCALE));
  viewport->scale = scale;
  viewport->width = width / scale;
  viewport->height = height / scale;
  viewport->y = b->y - FIT_MARGIN_PX / scale;
  if (b->width * scale <= room_w)
    {
      viewport->x = b->x + b->width / 2 - (FIT_MARGIN_PX + room_w / 2) / scale;
      return;
    }

  for (guint i = 0; i < self->layout->nodes->len && top == NULL; i++)
    if (node_is_object (node_at (self, (int) i)))
      top = node_at (self, (int) i);
  viewport->x = (top != NULL ? top->x : b->x + b->width / 2) -
                (FIT_MARGIN_PX + room_w / 2) / scale;
  left = b->x - FIT_MARGIN_PX / scale;
  right = b->x + b->width + FIT_MARGIN_PX / scale - width / scale;
  viewport->x = right >= left ? CLAMP (viewport->x, left, right) : (left + right) / 2;
}

static void
fit_now (CvnCanvas *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  CvnViewport viewport;

  /* Without a size yet, the fit is made when the canvas gets one. */
  self->fit_pending = TRUE;
  self->fit_width = self->fit_height = -1;
  if (self->layout == NULL || width <= 0 || height <= 0)
    return;
  cvn_renderer_fit (self->renderer, width, MAX (height - self->bottom_inset, 1), &viewport);
  if (self->first_fit && viewport.scale < self->readable_scale)
    first_screen (self, width, MAX (height - self->bottom_inset, 1), &viewport);
  apply_viewport (self, viewport.x, viewport.y, viewport.scale, FALSE);
  /* Until the user moves the view, it follows the canvas's size. */
  self->fit_pending = TRUE;
  self->fit_width = width;
  self->fit_height = height;
}

static void
cvn_canvas_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  CvnCanvas *self = CVN_CANVAS (widget);

  if (self->rect_pending)
    cvn_canvas_zoom_to_rect (self, &self->pending_rect, FALSE);
  else if (self->fit_pending && (width != self->fit_width || height != self->fit_height))
    fit_now (self);
  /* A context menu is the canvas's only kind of child; popovers are placed by their parent. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_present (GTK_POPOVER (child));
}

static void
animation_value_cb (double   value,
                    gpointer data)
{
  CvnCanvas *self = data;
  double x = self->anim_from[0] + (self->anim_to[0] - self->anim_from[0]) * value;
  double y = self->anim_from[1] + (self->anim_to[1] - self->anim_from[1]) * value;
  double scale = exp (self->anim_from[2] + (self->anim_to[2] - self->anim_from[2]) * value);

  self->x = x - self->anim_anchor_x / scale;
  self->y = y - self->anim_anchor_y / scale;
  self->scale = scale;
  mark_moving (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Public --------------------------------------------------------------------------------- */

GtkWidget *
cvn_canvas_new (void)
{
  return g_object_new (CVN_TYPE_CANVAS, NULL);
}

void
cvn_canvas_set_layout (CvnCanvas *self,
                       CvnLayout *layout)
{
  gboolean same_view;

  g_return_if_fail (CVN_IS_CANVAS (self));

  if (layout == self->layout)
    return;
  same_view = self->layout != NULL && layout != NULL && layout->view == self->layout->view;
  if (self->drag_mode != DRAG_NONE)
    {
      self->drag_mode = DRAG_NONE;
      set_cursor (self, NULL);
    }
  if (layout != NULL)
    cvn_layout_ref (layout);
  g_clear_pointer (&self->layout, cvn_layout_unref);
  self->layout = layout;
  self->layout_serial++;
  cvn_renderer_set_layout (self->renderer, layout);

  self->focus_node = layout != NULL && self->focus_ref.kind != CVN_OBJECT_NONE
                     ? cvn_layout_find_node (layout, self->focus_ref.kind, self->focus_ref.id)
                     : -1;
  update_accessible_description (self);

  if (!same_view)
    {
      stop_animation (self);
      self->rect_pending = FALSE;
      self->fit_pending = TRUE;
      self->first_fit = TRUE;
      fit_now (self);
    }
  else
    clamp_viewport (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

CvnLayout *
cvn_canvas_get_layout (CvnCanvas *self)
{
  g_return_val_if_fail (CVN_IS_CANVAS (self), NULL);

  return self->layout;
}

void
cvn_canvas_set_style (CvnCanvas            *self,
                      const CvnRenderStyle *style)
{
  g_return_if_fail (CVN_IS_CANVAS (self));
  g_return_if_fail (style != NULL);

  if (memcmp (style, &self->style, sizeof *style) == 0)
    return;
  self->style = *style;
  self->style_serial++;
  cvn_renderer_set_style (self->renderer, style);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

CvnRenderer *
cvn_canvas_get_renderer (CvnCanvas *self)
{
  g_return_val_if_fail (CVN_IS_CANVAS (self), NULL);

  return self->renderer;
}

void
cvn_canvas_set_editable (CvnCanvas *self,
                         gboolean   editable)
{
  g_return_if_fail (CVN_IS_CANVAS (self));

  self->editable = !!editable;
}

gboolean
cvn_canvas_get_editable (CvnCanvas *self)
{
  g_return_val_if_fail (CVN_IS_CANVAS (self), FALSE);

  return self->editable;
}

void
cvn_canvas_set_readable_scale (CvnCanvas *self,
                               double     scale)
{
  g_return_if_fail (CVN_IS_CANVAS (self));

  self->readable_scale = scale;
}

void
cvn_canvas_set_bottom_inset (CvnCanvas *self,
                             double     inset)
{
  g_return_if_fail (CVN_IS_CANVAS (self));

  self->bottom_inset = MAX (inset, 0);
}

void
cvn_canvas_get_viewport (CvnCanvas   *self,
                         CvnViewport *viewport)
{
  g_return_if_fail (CVN_IS_CANVAS (self));
  g_return_if_fail (viewport != NULL);

  viewport->x = self->x;
  viewport->y = self->y;
  viewport->scale = self->scale;
  viewport->width = gtk_widget_get_width (GTK_WIDGET (self)) / self->scale;
  viewport->height = gtk_widget_get_height (GTK_WIDGET (self)) / self->scale;
}

void
cvn_canvas_set_viewport (CvnCanvas *self,
                         double     x,
                         double     y,
                         double     scale)
{
  g_return_if_fail (CVN_IS_CANVAS (self));
  g_return_if_fail (scale > 0);

  stop_animation (self);
  self->fit_pending = FALSE;
  apply_viewport (self, x, y, scale, FALSE);
}

void
cvn_canvas_layout_to_widget (CvnCanvas *self,
                             double     x,
                             double     y,
                             double    *widget_x,
                             double    *widget_y)
{
  g_return_if_fail (CVN_IS_CANVAS (self));

  *widget_x = (x - self->x) * self->scale;
  *widget_y = (y - self->y) * self->scale;
}

void
cvn_canvas_widget_to_layout (CvnCanvas *self,
                             double     widget_x,
                             double     widget_y,
                             double    *x,
                             double    *y)
{
  g_return_if_fail (CVN_IS_CANVAS (self));

  *x = self->x + widget_x / self->scale;
  *y = self->y + widget_y / self->scale;
}

static void
pan_by (CvnCanvas *self,
        double     dx,
        double     dy,
        gboolean   interactive)
{
  apply_viewport (self, self->x - dx / self->scale, self->y - dy / self->scale, self->scale,
                  interactive);
}

void
cvn_canvas_pan_by (CvnCanvas *self,
                   double     dx,
                   double     dy)
{
  g_return_if_fail (CVN_IS_CANVAS (self));

  stop_animation (self);
  self->fit_pending = FALSE;
  pan_by (self, dx, dy, TRUE);
}

static void
zoom_by (CvnCanvas *self,
         double     factor,
         double     x,
         double     y,
         gboolean   interactive)
{
  double lx = self->x + x / self->scale, ly = self->y + y / self->scale;
  double scale = CLAMP (self->scale * factor, min_scale (self), MAX_SCALE);

  self->fit_pending = FALSE;
  apply_viewport (self, lx - x / scale, ly - y / scale, scale, interactive);
}

void
cvn_canvas_zoom_by (CvnCanvas *self,
                    double     factor,
                    double     x,
                    double     y)
{
  g_return_if_fail (CVN_IS_CANVAS (self));
  g_return_if_fail (factor > 0);

  stop_animation (self);
  zoom_by (self, factor, x, y, TRUE);
}

void
cvn_canvas_zoom_in (CvnCanvas *self)
{
  g_return_if_fail (CVN_IS_CANVAS (self));

  cvn_canvas_zoom_by (self, ZOOM_STEP, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                      gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

void
cvn_canvas_zoom_out (CvnCanvas *self)
{
  g_return_if_fail (CVN_IS_CANVAS (self));

  cvn_canvas_zoom_by (self, 1 / ZOOM_STEP, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                      gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

void
cvn_canvas_zoom_to_fit (CvnCanvas *self)
{
  g_return_if_fail (CVN_IS_CANVAS (self));

  stop_animation (self);
  self->fit_pending = TRUE;
  self->first_fit = FALSE;
  fit_now (self);
}

gboolean
cvn_canvas_get_fitted (CvnCanvas *self)
{
  g_return_val_if_fail (CVN_IS_CANVAS (self), FALSE);

  return self->fit_pending;
}

void
cvn_canvas_zoom_to_rect (CvnCanvas     *self,
                         const CvnRect *rect,
                         gboolean       animate)
{
  double width, height, legend_w, legend_h, room_w, room_h, scale, anchor_x, anchor_y;

  g_return_if_fail (CVN_IS_CANVAS (self));
  g_return_if_fail (rect != NULL);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  self->fit_pending = FALSE;
  if (width <= 0 || height <= 0)
    {
      /* Not laid out yet: done once it has a size. */
      self->pending_rect = *rect;
      self->rect_pending = TRUE;
      return;
    }
  self->rect_pending = FALSE;
  stop_animation (self);

  /* The rect goes in the room left of the legend and above the bottom inset. */
  cvn_renderer_get_legend_size (self->renderer, &legend_w, &legend_h);
  room_w = MAX (width - legend_w - 2 * FIT_MARGIN_PX, 1);
  room_h = MAX (height - self->bottom_inset - 2 * FIT_MARGIN_PX, 1);
  scale = MIN (room_w / MAX (rect->width, 1), room_h / MAX (rect->height, 1));
  /* A small group is not blown up beyond what reads well: markers grow with the zoom. */
  scale = CLAMP (scale, min_scale (self), MAX_RECT_SCALE);
  anchor_x = FIT_MARGIN_PX + room_w / 2;
  anchor_y = FIT_MARGIN_PX + room_h / 2;

  if (!animate || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      apply_viewport (self, rect->x + rect->width / 2 - anchor_x / scale,
                      rect->y + rect->height / 2 - anchor_y / scale, scale, FALSE);
      return;
    }

  self->anim_anchor_x = anchor_x;
  self->anim_anchor_y = anchor_y;
  self->anim_from[0] = self->x + anchor_x / self->scale;
  self->anim_from[1] = self->y + anchor_y / self->scale;
  self->anim_from[2] = log (self->scale);
  self->anim_to[0] = rect->x + rect->width / 2;
  self->anim_to[1] = rect->y + rect->height / 2;
  self->anim_to[2] = log (scale);
  if (self->animation == NULL)
    {
      self->animation = adw_timed_animation_new (GTK_WIDGET (self), 0, 1, ANIMATION_MS,
                                                 adw_callback_animation_target_new (
                                                   animation_value_cb, self, NULL));
      adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->animation),
                                      ADW_EASE_IN_OUT_CUBIC);
    }
  adw_animation_reset (self->animation);
  adw_animation_play (self->animation);
}

void
cvn_canvas_finish_animation (CvnCanvas *self)
{
  g_return_if_fail (CVN_IS_CANVAS (self));

  if (self->animation != NULL &&
      adw_animation_get_state (self->animation) == ADW_ANIMATION_PLAYING)
    adw_animation_skip (self->animation);
}

gboolean
cvn_canvas_node_is_visible (CvnCanvas *self,
                            guint      index)
{
  const CvnLayoutNode *node;
  double width, height, legend_w, legend_h;
  graphene_rect_t r;

  g_return_val_if_fail (CVN_IS_CANVAS (self), FALSE);

  node = node_at (self, (int) index);
  if (node == NULL)
    return FALSE;
  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self)) - self->bottom_inset;
  node_rect (self, node, &r);
  cvn_renderer_get_legend_size (self->renderer, &legend_w, &legend_h);
  if (r.origin.y < legend_h)
    width -= legend_w;
  return r.origin.x >= 0 && r.origin.y >= 0 && r.origin.x + r.size.width <= width &&
         r.origin.y + r.size.height <= height;
}

void
cvn_canvas_show_node (CvnCanvas *self,
                      guint      index,
                      gboolean   centre)
{
  const CvnLayoutNode *node;
  double width, height, margin = 40, dx = 0, dy = 0;
  graphene_rect_t r;

  g_return_if_fail (CVN_IS_CANVAS (self));

  node = node_at (self, (int) index);
  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (node == NULL || width <= 0 || height <= 0)
    return;
  stop_animation (self);
  node_rect (self, node, &r);
  if (centre)
    {
      dx = width / 2 - (r.origin.x + r.size.width / 2);
      dy = (height - self->bottom_inset) / 2 - (r.origin.y + r.size.height / 2);
    }
  else
    {
      double legend_w, legend_h, right = width;

      /* Beside the legend in the top right-hand corner counts as out of view. */
      cvn_renderer_get_legend_size (self->renderer, &legend_w, &legend_h);
      if (r.origin.y < legend_h)
        right = width - legend_w;
      /* The least movement that brings it in, with a margin; a node larger than the view
       * shows its top-left corner. */
      if (r.origin.x + r.size.width > right - margin)
        dx = right - margin - (r.origin.x + r.size.width);
      if (r.origin.x + dx < margin)
        dx = margin - r.origin.x;
      if (r.origin.y + r.size.height > height - self->bottom_inset - margin)
        dy = height - self->bottom_inset - margin - (r.origin.y + r.size.height);
      if (r.origin.y + dy < margin)
        dy = margin - r.origin.y;
    }
  if (dx != 0 || dy != 0)
    pan_by (self, dx, dy, FALSE);
}

/* Selection ------------------------------------------------------------------------------ */

static void
selection_changed (CvnCanvas *self,
                   gboolean   notify)
{
  self->selection_serial++;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (notify)
    g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

void
cvn_canvas_set_selection (CvnCanvas          *self,
                          const CvnObjectRef *objects,
                          guint               n_objects)
{
  g_return_if_fail (CVN_IS_CANVAS (self));
  g_return_if_fail (objects != NULL || n_objects == 0);

  if (n_objects == self->selection->len &&
      (n_objects == 0 || memcmp (objects, self->selection->data,
                                 n_objects * sizeof (CvnObjectRef)) == 0))
    return;
  g_array_set_size (self->selection, 0);
  g_array_append_vals (self->selection, objects, n_objects);
  selection_changed (self, FALSE);
}

const CvnObjectRef *
cvn_canvas_get_selection (CvnCanvas *self,
                          guint     *n_objects)
{
  g_return_val_if_fail (CVN_IS_CANVAS (self), NULL);

  if (n_objects != NULL)
    *n_objects = self->selection->len;
  return (const CvnObjectRef *) (gpointer) self->selection->data;
}

gboolean
cvn_canvas_is_selected (CvnCanvas     *self,
                        CvnObjectKind  kind,
                        gint64         id)
{
  CvnObjectRef ref = { kind, id };

  g_return_val_if_fail (CVN_IS_CANVAS (self), FALSE);

  return find_ref (self->selection, &ref) >= 0;
}

void
cvn_canvas_set_highlights (CvnCanvas          *self,
                           const CvnObjectRef *objects,
                           guint               n_objects)
{
  g_return_if_fail (CVN_IS_CANVAS (self));
  g_return_if_fail (objects != NULL || n_objects == 0);

  g_array_set_size (self->highlights, 0);
  g_array_append_vals (self->highlights, objects, n_objects);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const CvnObjectRef *
cvn_canvas_get_highlights (CvnCanvas *self,
                           guint     *n_objects)
{
  g_return_val_if_fail (CVN_IS_CANVAS (self), NULL);

  if (n_objects != NULL)
    *n_objects = self->highlights->len;
  return (const CvnObjectRef *) (gpointer) self->highlights->data;
}

/* A click on a node: it alone, or toggled with Shift or Ctrl. */
static void
click_object (CvnCanvas          *self,
              const CvnObjectRef *ref,
              gboolean            toggle)
{
  int position = find_ref (self->selection, ref);

  if (toggle)
    {
      if (position >= 0)
        g_array_remove_index (self->selection, position);
      else
        g_array_append_val (self->selection, *ref);
    }
  else
    {
      if (self->selection->len == 1 && position == 0)
        return;
      g_array_set_size (self->selection, 0);
      g_array_append_val (self->selection, *ref);
    }
  selection_changed (self, TRUE);
}

static void
click (CvnCanvas       *self,
       double           x,
       double           y,
       GdkModifierType  state)
{
  gboolean toggle = (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0;
  CvnLayoutHit hit;
  const CvnLayoutNode *node = NULL;

  if (!self->editable || self->layout == NULL)
    return;
  if (cvn_canvas_hit_test (self, x, y, &hit))
    {
      if (hit.node >= 0)
        node = node_at (self, hit.node);
      else if (hit.hull >= 0)
        {
          const CvnLayoutHull *hull = &g_array_index (self->layout->hulls, CvnLayoutHull,
                                                      hit.hull);

          /* Inside a group's hull but on no node: the group. */
          node = node_at (self, (int) hull->group);
          hit.node = (int) hull->group;
        }
    }
  if (node_is_object (node))
    {
      CvnObjectRef ref = { node->kind, node->id };

      self->focus_node = hit.node;
      self->focus_ref = ref;
      update_accessible_description (self);
      click_object (self, &ref, toggle);
    }
  else if (!toggle && self->selection->len > 0)
    {
      g_array_set_size (self->selection, 0);
      selection_changed (self, TRUE);
    }
}

typedef struct
{
  CvnCanvas *self;
  CvnRect    rect;
  GArray    *found;
} BandSearch;

static void
band_node_cb (guint    index,
              gpointer data)
{
  BandSearch *search = data;
  const CvnLayoutNode *node = node_at (search->self, (int) index);
  CvnObjectRef ref;

  if (!node_is_object (node) ||
      node->x < search->rect.x || node->x > search->rect.x + search->rect.width ||
      node->y < search->rect.y || node->y > search->rect.y + search->rect.height)
    return;
  ref.kind = node->kind;
  ref.id = node->id;
  if (find_ref (search->found, &ref) < 0)
    g_array_append_val (search->found, ref);
}

static void
finish_band (CvnCanvas *self)
{
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (CvnObjectRef));
  BandSearch search = { self, { 0 }, found };
  double x0, y0, x1, y1;

  cvn_canvas_widget_to_layout (self, MIN (self->press_x, self->last_x),
                               MIN (self->press_y, self->last_y), &x0, &y0);
  cvn_canvas_widget_to_layout (self, MAX (self->press_x, self->last_x),
                               MAX (self->press_y, self->last_y), &x1, &y1);
  search.rect = (CvnRect) { x0, y0, x1 - x0, y1 - y0 };
  cvn_layout_foreach_in_rect (self->layout, &search.rect, band_node_cb, &search);

  /* Ctrl with the Shift that started the band adds to what was selected. */
  if (!(self->drag_state & GDK_CONTROL_MASK))
    g_array_set_size (self->selection, 0);
  for (guint i = 0; i < found->len; i++)
    if (find_ref (self->selection, &g_array_index (found, CvnObjectRef, i)) < 0)
      g_array_append_val (self->selection, g_array_index (found, CvnObjectRef, i));
  selection_changed (self, TRUE);
}

/* Focus ---------------------------------------------------------------------------------- */

int
cvn_canvas_get_focus_node (CvnCanvas *self)
{
  g_return_val_if_fail (CVN_IS_CANVAS (self), -1);

  return self->focus_node;
}

void
cvn_canvas_set_focus_node (CvnCanvas *self,
                           int        index)
{
  const CvnLayoutNode *node;

  g_return_if_fail (CVN_IS_CANVAS (self));

  node = node_at (self, index);
  self->focus_node = node != NULL ? index : -1;
  self->focus_ref.kind = node != NULL ? node->kind : CVN_OBJECT_NONE;
  self->focus_ref.id = node != NULL ? node->id : 0;
  update_accessible_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Moves the keyboard focus to a node and, as a list does, selects it: the outline follows
 * the selection, and a screen reader reads the outline. With @extend (Ctrl), the focus moves
 * alone. */
static void
move_focus (CvnCanvas *self,
            int        index,
            gboolean   extend)
{
  const CvnLayoutNode *node = node_at (self, index);

  cvn_canvas_set_focus_node (self, index);
  cvn_canvas_show_node (self, (guint) index, FALSE);
  if (!extend && node != NULL && self->editable)
    {
      CvnObjectRef ref = { node->kind, node->id };

      click_object (self, &ref, FALSE);
    }
}

/* The next node that stands for an object, in the layout's own order (the structure's tree
 * order; name order elsewhere), or -1 past the end. */
static int
step_node (CvnCanvas *self,
           int        from,
           gboolean   backwards)
{
  int n = (int) self->layout->nodes->len;

  if (from < 0)
    from = backwards ? n : -1;
  for (int i = backwards ? from - 1 : from + 1; i >= 0 && i < n; i += backwards ? -1 : 1)
    if (node_is_object (node_at (self, i)))
      return i;
  return -1;
}

/* The nearest node in a direction, favouring those straight ahead. */
static int
nearest_in_direction (CvnCanvas *self,
                      int        from,
                      double     dx,
                      double     dy)
{
  const CvnLayoutNode *origin = node_at (self, from);
  double best_score = G_MAXDOUBLE;
  int best = -1;

  if (origin == NULL)
    return -1;
  for (guint i = 0; i < self->layout->nodes->len; i++)
    {
      const CvnLayoutNode *node = node_at (self, (int) i);
      double vx, vy, along, across, score;

      if ((int) i == from || !node_is_object (node))
        continue;
      vx = node->x - origin->x;
      vy = node->y - origin->y;
      along = vx * dx + vy * dy;
      across = fabs (vx * dy - vy * dx);
      if (along <= 0.5 || across > 2 * along)
        continue;
      score = along + 2.5 * across;
      if (score < best_score)
        {
          best_score = score;
          best = (int) i;
        }
    }
  return best;
}

/* Where keyboard navigation starts when no node has the focus yet: the selected node, or the
 * first node on screen, or the first node of all. */
static int
starting_node (CvnCanvas *self)
{
  CvnViewport viewport;

  for (guint i = 0; i < self->selection->len; i++)
    {
      const CvnObjectRef *ref = &g_array_index (self->selection, CvnObjectRef, i);
      int index = cvn_layout_find_node (self->layout, ref->kind, ref->id);

      if (index >= 0)
        return index;
    }
  cvn_canvas_get_viewport (self, &viewport);
  for (guint i = 0; i < self->layout->nodes->len; i++)
    {
      const CvnLayoutNode *node = node_at (self, (int) i);

      if (node_is_object (node) && node->x >= viewport.x && node->y >= viewport.y &&
          node->x <= viewport.x + viewport.width && node->y <= viewport.y + viewport.height)
        return (int) i;
    }
  return step_node (self, -1, FALSE);
}

/* Hit testing ---------------------------------------------------------------------------- */

gboolean
cvn_canvas_hit_test (CvnCanvas    *self,
                     double        x,
                     double        y,
                     CvnLayoutHit *hit)
{
  double lx, ly;

  g_return_val_if_fail (CVN_IS_CANVAS (self), FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  hit->node = hit->hull = -1;
  if (self->layout == NULL)
    return FALSE;
  cvn_canvas_widget_to_layout (self, x, y, &lx, &ly);
  return cvn_layout_hit_test (self->layout, lx, ly, HIT_TOLERANCE_PX / self->scale, hit);
}

void
cvn_canvas_get_node_rect (CvnCanvas       *self,
                          guint            index,
                          graphene_rect_t *rect)
{
  const CvnLayoutNode *node;

  g_return_if_fail (CVN_IS_CANVAS (self));

  node = node_at (self, (int) index);
  g_return_if_fail (node != NULL);
  node_rect (self, node, rect);
}

/* Input ---------------------------------------------------------------------------------- */

void
cvn_canvas_drag_begin (CvnCanvas       *self,
                       double           x,
                       double           y,
                       guint            button,
                       GdkModifierType  state)
{
  CvnLayoutHit hit;

  g_return_if_fail (CVN_IS_CANVAS (self));

  stop_animation (self);
  if (gtk_widget_get_focusable (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  self->press_x = self->last_x = x;
  self->press_y = self->last_y = y;
  self->drag_button = button;
  self->drag_state = state;
  self->drag_node = cvn_canvas_hit_test (self, x, y, &hit) ? hit.node : -1;
  /* The middle button always pans, at once. */
  self->drag_mode = button == GDK_BUTTON_MIDDLE ? DRAG_PAN : DRAG_PENDING;
  if (self->drag_mode == DRAG_PAN)
    set_cursor (self, "grabbing");
}

void
cvn_canvas_drag_update (CvnCanvas *self,
                        double     x,
                        double     y)
{
  g_return_if_fail (CVN_IS_CANVAS (self));

  switch (self->drag_mode)
    {
    case DRAG_NONE:
      return;
    case DRAG_PENDING:
      if (hypot (x - self->press_x, y - self->press_y) < DRAG_THRESHOLD || self->layout == NULL)
        return;
      if (self->editable && (self->drag_state & GDK_SHIFT_MASK))
        {
          self->drag_mode = DRAG_BAND;
          set_cursor (self, "crosshair");
        }
      else if (node_is_draggable (self, self->drag_node))
        {
          const CvnLayoutNode *node = node_at (self, self->drag_node);
          double lx, ly;

          cvn_canvas_widget_to_layout (self, self->press_x, self->press_y, &lx, &ly);
          self->drag_mode = DRAG_NODE;
          self->node_start_x = node->x;
          self->node_start_y = node->y;
          self->grab_dx = lx - node->x;
          self->grab_dy = ly - node->y;
          set_cursor (self, "grabbing");
        }
      else
        {
          self->drag_mode = DRAG_PAN;
          set_cursor (self, "grabbing");
        }
      cvn_canvas_drag_update (self, x, y);
      return;
    case DRAG_PAN:
      pan_by (self, x - self->last_x, y - self->last_y, TRUE);
      break;
    case DRAG_NODE:
      {
        double lx, ly;

        cvn_canvas_widget_to_layout (self, x, y, &lx, &ly);
        wait_for_worker (self);
        cvn_layout_move_node (self->layout, (guint) self->drag_node, lx - self->grab_dx,
                              ly - self->grab_dy);
        gtk_widget_queue_draw (GTK_WIDGET (self));
        break;
      }
    case DRAG_BAND:
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;
    default:
      g_assert_not_reached ();
    }
  self->last_x = x;
  self->last_y = y;
}

void
cvn_canvas_drag_end (CvnCanvas *self,
                     double     x,
                     double     y)
{
  DragMode mode;

  g_return_if_fail (CVN_IS_CANVAS (self));

  cvn_canvas_drag_update (self, x, y);
  mode = self->drag_mode;
  self->drag_mode = DRAG_NONE;
  set_cursor (self, NULL);
  switch (mode)
    {
    case DRAG_NONE:
    case DRAG_PAN:
      break;
    case DRAG_PENDING:
      if (self->drag_button == GDK_BUTTON_PRIMARY || self->drag_button == 0)
        click (self, self->press_x, self->press_y, self->drag_state);
      break;
    case DRAG_NODE:
      {
        const CvnLayoutNode *node = node_at (self, self->drag_node);

        if (node != NULL && (node->x != self->node_start_x || node->y != self->node_start_y))
          g_signal_emit (self, signals[NODE_MOVED], 0, (guint) self->drag_node,
                         self->node_start_x, self->node_start_y);
        break;
      }
    case DRAG_BAND:
      finish_band (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;
    default:
      g_assert_not_reached ();
    }
}

void
cvn_canvas_drag_cancel (CvnCanvas *self)
{
  g_return_if_fail (CVN_IS_CANVAS (self));

  /* A node being dragged goes back where it was. */
  if (self->drag_mode == DRAG_NODE && node_at (self, self->drag_node) != NULL)
    {
      wait_for_worker (self);
      cvn_layout_move_node (self->layout, (guint) self->drag_node, self->node_start_x,
                            self->node_start_y);
    }
  self->drag_mode = DRAG_NONE;
  set_cursor (self, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cvn_canvas_multi_click (CvnCanvas *self,
                        double     x,
                        double     y,
                        int        n_press)
{
  CvnLayoutHit hit;

  g_return_if_fail (CVN_IS_CANVAS (self));

  if (n_press == 2 && cvn_canvas_hit_test (self, x, y, &hit) && hit.node >= 0 &&
      node_is_object (node_at (self, hit.node)))
    g_signal_emit (self, signals[NODE_ACTIVATED], 0, (guint) hit.node);
}

gboolean
cvn_canvas_scroll (CvnCanvas       *self,
                   double           dx,
                   double           dy,
                   GdkScrollUnit    unit,
                   GdkModifierType  state)
{
  g_return_val_if_fail (CVN_IS_CANVAS (self), FALSE);

  stop_animation (self);
  if (state & GDK_CONTROL_MASK)
    {
      double x = self->have_pointer ? self->pointer_x : gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      double y = self->have_pointer ? self->pointer_y : gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
      double step = unit == GDK_SCROLL_UNIT_WHEEL ? log (ZOOM_STEP) : 0.01;

      zoom_by (self, exp (-dy * step), x, y, TRUE);
      return TRUE;
    }
  if (unit == GDK_SCROLL_UNIT_WHEEL)
    {
      dx *= WHEEL_PAN_PX;
      dy *= WHEEL_PAN_PX;
    }
  /* Shift turns a plain wheel sideways. */
  if ((state & GDK_SHIFT_MASK) && dx == 0)
    {
      dx = dy;
      dy = 0;
    }
  self->fit_pending = FALSE;
  pan_by (self, -dx, -dy, TRUE);
  return TRUE;
}

gboolean
cvn_canvas_key_press (CvnCanvas       *self,
                      guint            keyval,
                      GdkModifierType  state)
{
  gboolean ctrl = (state & GDK_CONTROL_MASK) != 0;
  double dx = 0, dy = 0;
  int next;

  g_return_val_if_fail (CVN_IS_CANVAS (self), FALSE);

  switch (keyval)
    {
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      cvn_canvas_zoom_in (self);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_underscore:
    case GDK_KEY_KP_Subtract:
      cvn_canvas_zoom_out (self);
      return TRUE;
    case GDK_KEY_0:
    case GDK_KEY_KP_0:
      cvn_canvas_zoom_to_fit (self);
      return TRUE;
    default:
      break;
    }

  if (self->layout == NULL)
    return FALSE;
  if (keyval == GDK_KEY_Escape && self->drag_mode != DRAG_NONE)
    {
      cvn_canvas_drag_cancel (self);
      return TRUE;
    }
  /* The rest is keyboard navigation, which the presentation keeps for itself. */
  if (!self->editable)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
      /* Ctrl+Tab leaves the canvas, as it leaves any widget that uses Tab itself. */
      if (ctrl)
        return FALSE;
      next = step_node (self, self->focus_node,
                        keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK));
      if (next < 0)
        {
          /* Past the last node, Tab moves on to the next widget. */
          cvn_canvas_set_focus_node (self, -1);
          return FALSE;
        }
      move_focus (self, next, FALSE);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      dx = -1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      dx = 1;
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      dy = -1;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      dy = 1;
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      next = step_node (self, -1, FALSE);
      if (next >= 0)
        move_focus (self, next, ctrl);
      return TRUE;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      next = step_node (self, -1, TRUE);
      if (next >= 0)
        move_focus (self, next, ctrl);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (self->focus_node < 0)
        return FALSE;
      g_signal_emit (self, signals[NODE_ACTIVATED], 0, (guint) self->focus_node);
      return TRUE;
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      {
        const CvnLayoutNode *node = node_at (self, self->focus_node);
        CvnObjectRef ref;

        if (node == NULL)
          return FALSE;
        ref.kind = node->kind;
        ref.id = node->id;
        click_object (self, &ref, ctrl);
        return TRUE;
      }
    case GDK_KEY_Escape:
      if (self->selection->len == 0)
        return FALSE;
      g_array_set_size (self->selection, 0);
      selection_changed (self, TRUE);
      return TRUE;
    default:
      return FALSE;
    }

  /* An arrow: the nearest node that way, or the first one when nothing has the focus. */
  next = self->focus_node >= 0 ? nearest_in_direction (self, self->focus_node, dx, dy)
                               : starting_node (self);
  if (next >= 0)
    move_focus (self, next, ctrl);
  return TRUE;
}

double
cvn_canvas_get_last_render_ms (CvnCanvas *self)
{
  g_return_val_if_fail (CVN_IS_CANVAS (self), 0);

  return self->last_render_us / 1000.0;
}

double
cvn_canvas_render_now (CvnCanvas *self)
{
  ImageKey key;

  g_return_val_if_fail (CVN_IS_CANVAS (self), 0);

  current_key (self, &key);
  if (self->layout == NULL || key.width <= 0 || key.height <= 0)
    return 0;
  render_image (self, &key);
  return cvn_canvas_get_last_render_ms (self);
}

void
cvn_canvas_set_frame_budget (CvnCanvas *self,
                             double     ms)
{
  g_return_if_fail (CVN_IS_CANVAS (self));

  self->budget_us = (gint64) (MAX (ms, 0) * 1000);
}

gboolean
cvn_canvas_is_up_to_date (CvnCanvas *self)
{
  ImageKey key;

  g_return_val_if_fail (CVN_IS_CANVAS (self), FALSE);

  current_key (self, &key);
  return self->layout == NULL ||
         (self->texture != NULL && memcmp (&key, &self->texture_key, sizeof key) == 0);
}

guint
cvn_canvas_get_n_background_grounds (CvnCanvas *self)
{
  g_return_val_if_fail (CVN_IS_CANVAS (self), 0);

  return self->n_taken;
}

GdkTexture *
cvn_canvas_get_texture (CvnCanvas *self)
{
  g_return_val_if_fail (CVN_IS_CANVAS (self), NULL);

  return self->texture;
}

void
cvn_canvas_get_rendered_size (CvnCanvas *self,
                              int       *width,
                              int       *height)
{
  g_return_if_fail (CVN_IS_CANVAS (self));

  if (width != NULL)
    *width = self->texture != NULL ? gdk_texture_get_width (self->texture) : 0;
  if (height != NULL)
    *height = self->texture != NULL ? gdk_texture_get_height (self->texture) : 0;
}

/* Event controllers ---------------------------------------------------------------------- */

static GdkModifierType
current_state (GtkEventController *controller)
{
  return gtk_event_controller_get_current_event_state (controller) &
         gtk_accelerator_get_default_mod_mask ();
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               CvnCanvas      *self)
{
  cvn_canvas_drag_begin (self, x, y,
                         gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)),
                         current_state (GTK_EVENT_CONTROLLER (gesture)));
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                CvnCanvas      *self)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  cvn_canvas_drag_update (self, x + offset_x, y + offset_y);
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             CvnCanvas      *self)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  cvn_canvas_drag_end (self, x + offset_x, y + offset_y);
}

static void
drag_cancel_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                CvnCanvas        *self)
{
  cvn_canvas_drag_cancel (self);
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            CvnCanvas       *self)
{
  if (n_press >= 2)
    cvn_canvas_multi_click (self, x, y, n_press);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           CvnCanvas                *self)
{
  return cvn_canvas_scroll (self, dx, dy, gtk_event_controller_scroll_get_unit (controller),
                            current_state (GTK_EVENT_CONTROLLER (controller)));
}

static void
zoom_begin_cb (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               CvnCanvas        *self)
{
  double x, y;

  stop_animation (self);
  /* A pinch is not a pan: the drag that its first finger started is forgotten. */
  if (self->drag_mode == DRAG_PAN || self->drag_mode == DRAG_PENDING)
    self->drag_mode = DRAG_NONE;
  self->zoom_start_scale = self->scale;
  if (!gtk_gesture_get_bounding_box_center (gesture, &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  cvn_canvas_widget_to_layout (self, x, y, &self->zoom_anchor_x, &self->zoom_anchor_y);
}

static void
zoom_scale_changed_cb (GtkGestureZoom *gesture,
                       double          scale,
                       CvnCanvas      *self)
{
  double x, y, new_scale;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    return;
  new_scale = CLAMP (self->zoom_start_scale * scale, min_scale (self), MAX_SCALE);
  /* The point that was under the fingers stays under them as they move apart and along. */
  self->fit_pending = FALSE;
  apply_viewport (self, self->zoom_anchor_x - x / new_scale, self->zoom_anchor_y - y / new_scale,
                  new_scale, TRUE);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CvnCanvas             *self)
{
  return cvn_canvas_key_press (self, keyval, state & gtk_accelerator_get_default_mod_mask ());
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           CvnCanvas                *self)
{
  CvnLayoutHit hit;

  self->pointer_x = x;
  self->pointer_y = y;
  self->have_pointer = TRUE;
  if (self->drag_mode != DRAG_NONE && self->drag_mode != DRAG_PENDING)
    return;
  if (self->editable && cvn_canvas_hit_test (self, x, y, &hit) && hit.node >= 0 &&
      node_is_object (node_at (self, hit.node)))
    set_cursor (self, node_is_draggable (self, hit.node) ? "grab" : "pointer");
  else
    set_cursor (self, NULL);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          CvnCanvas                *self)
{
  self->have_pointer = FALSE;
}

/* Moved to a display of another scale: the image is drawn again for its pixels (the key
 * holds the scale factor, so the next frame cannot reuse the old one). */
static void
scale_factor_changed_cb (CvnCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
focus_changed_cb (GtkEventControllerFocus *controller,
                  CvnCanvas               *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
cvn_canvas_query_tooltip (GtkWidget  *widget,
                          int         x,
                          int         y,
                          gboolean    keyboard_tooltip,
                          GtkTooltip *tooltip)
{
  CvnCanvas *self = CVN_CANVAS (widget);
  CvnLayoutHit hit = { -1, -1 };
  gboolean handled = FALSE;
  graphene_rect_t r;
  int index;

  if (self->layout == NULL || (self->drag_mode != DRAG_NONE && self->drag_mode != DRAG_PENDING))
    return FALSE;
  if (keyboard_tooltip)
    hit.node = self->focus_node;
  else
    cvn_canvas_hit_test (self, x, y, &hit);
  if (hit.node < 0 && hit.hull >= 0)
    index = (int) g_array_index (self->layout->hulls, CvnLayoutHull, hit.hull).group;
  else
    index = hit.node;
  if (!node_is_object (node_at (self, index)))
    return FALSE;
  g_signal_emit (self, signals[NODE_TOOLTIP], 0, (guint) index, tooltip, &handled);
  if (handled && hit.node >= 0)
    {
      GdkRectangle area;

      /* The tooltip stays while the pointer is on this node, and moves on with it. */
      node_rect (self, node_at (self, hit.node), &r);
      area.x = (int) floor (r.origin.x);
      area.y = (int) floor (r.origin.y);
      area.width = MAX ((int) ceil (r.size.width), 1);
      area.height = MAX ((int) ceil (r.size.height), 1);
      gtk_tooltip_set_tip_area (tooltip, &area);
    }
  return handled;
}

/* GObject -------------------------------------------------------------------------------- */

static void
cvn_canvas_dispose (GObject *object)
{
  CvnCanvas *self = CVN_CANVAS (object);

  g_clear_handle_id (&self->settle_id, g_source_remove);
  g_clear_object (&self->animation);
  g_clear_object (&self->texture);
  if (self->worker != NULL)
    {
      /* The worker finishes its job, then ends; a result it hands back finds jobs NULL. */
      g_async_queue_push (self->jobs, g_new0 (GroundJob, 1));
      g_thread_join (g_steal_pointer (&self->worker));
      self->worker_renderer = NULL;
    }
  g_clear_pointer (&self->jobs, g_async_queue_unref);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (cvn_canvas_parent_class)->dispose (object);
}

static void
cvn_canvas_finalize (GObject *object)
{
  CvnCanvas *self = CVN_CANVAS (object);

  g_clear_object (&self->renderer);
  g_clear_pointer (&self->layout, cvn_layout_unref);
  g_mutex_clear (&self->worker_lock);
  g_cond_clear (&self->worker_done);
  g_clear_pointer (&self->selection, g_array_unref);
  g_clear_pointer (&self->highlights, g_array_unref);

  G_OBJECT_CLASS (cvn_canvas_parent_class)->finalize (object);
}

static void
cvn_canvas_class_init (CvnCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cvn_canvas_dispose;
  object_class->finalize = cvn_canvas_finalize;
  widget_class->snapshot = cvn_canvas_snapshot;
  widget_class->size_allocate = cvn_canvas_size_allocate;
  widget_class->query_tooltip = cvn_canvas_query_tooltip;

  /**
   * CvnCanvas::selection-changed:
   *
   * The user changed the selection: a click, a rubber band, or the keyboard. Not emitted for
   * cvn_canvas_set_selection().
   */
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * CvnCanvas::node-activated:
   * @index: the node
   *
   * A double click or Enter on a node: open its details.
   */
  signals[NODE_ACTIVATED] =
    g_signal_new ("node-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /**
   * CvnCanvas::node-moved:
   * @index: the node, now at its new place in the layout
   * @old_x: where it was
   * @old_y:
   *
   * The user dropped a node they dragged. The canvas has moved it in the layout; saving the
   * place is the owner's business.
   */
  signals[NODE_MOVED] =
    g_signal_new ("node-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  /**
   * CvnCanvas::node-tooltip:
   * @index: the node under the pointer (a group's node for a point inside its hull)
   * @tooltip: the tooltip to fill in
   *
   * Returns: %TRUE when the handler filled in the tooltip.
   */
  signals[NODE_TOOLTIP] =
    g_signal_new ("node-tooltip", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_true_handled, NULL, NULL, G_TYPE_BOOLEAN, 2,
                  G_TYPE_UINT, GTK_TYPE_TOOLTIP);

  gtk_widget_class_set_css_name (widget_class, "canvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cvn_canvas_init (CvnCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *drag, *click_gesture, *zoom;
  GtkEventController *controller;

  self->renderer = cvn_renderer_new ();
  self->jobs = g_async_queue_new ();
  self->budget_us = FRAME_BUDGET_US;
  g_mutex_init (&self->worker_lock);
  g_cond_init (&self->worker_done);
  cvn_render_style_init (&self->style);
  cvn_renderer_set_style (self->renderer, &self->style);
  self->editable = TRUE;
  self->scale = 1;
  self->fit_pending = TRUE;
  self->first_fit = TRUE;
  self->focus_node = -1;
  self->drag_node = -1;
  self->selection = g_array_new (FALSE, FALSE, sizeof (CvnObjectRef));
  self->highlights = g_array_new (FALSE, FALSE, sizeof (CvnObjectRef));

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_widget_set_vexpand (widget, TRUE);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), 0);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (drag_cancel_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  click_gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click_gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (click_gesture, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click_gesture));

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect (zoom, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (zoom));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (focus_changed_cb), self);
  gtk_widget_add_controller (widget, controller);

  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_changed_cb), NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Partnership diagram"), -1);
}
