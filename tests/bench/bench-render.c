/* bench-render.c — layout and frame times of the three views at 600, 3,000 and 25,000
 * schools.
 *
 * Each size is a synthetic document written by the generator (cvn-generate.c) into a
 * temporary folder. For each view the benchmark prints the median of five layouts
 * (computed from scratch: no saved positions), and frame times on a 1920x1080 cairo image
 * surface for the whole view (zoom to fit) and a zoomed view (eight times closer, centred
 * on the middle of the drawing):
 *   first   the first frame (empty caches: labels shaped, marker images made);
 *   drawn   the median of seven frames drawn from nothing at the same scale, as after a
 *           node is dragged (the renderer's kept ground and scene are dropped before each);
 *   pan     the median of fifteen frames of a drag, 40 x 24 pixels a frame: the ground is
 *           scrolled and only the strips that came into view are drawn, labels placed anew;
 *   drag    the median of fifteen frames of a node drag, 6 x 4 pixels a frame: the ground
 *           is drawn again only where the layout changed (see time_drag ());
 *   cached  the median of seven repeated frames (a new selection over the same view);
 *   zoom    the median of seven frames each at a scale not drawn before, as when a zoom comes
 *           to rest, drawn in one go; then (frame, worker) the same split as the canvas
 *           makes it: the ground drawn by a second renderer, as the canvas's worker thread
 *           does (worker), and the frame that takes it and places the labels (frame), which
 *           is all the main thread does.
 * Peak RSS is the process's high-water mark after each size, so the last line is the peak
 * of the whole run. Times are CPU time of the drawing thread (see now ()). For profiling,
 * `--view NAME` runs one view only and `--drawn` (after it) only the full view's first,
 * drawn and zoom frames.
 *
 * Targets (issue "Draw the partnership"): layout under 0.1 s at 600 schools and under 2 s
 * at 25,000; frames under 8 ms at 600 and under 16 ms at 25,000; peak memory under 400 MB.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cvn-generate.h"
#include "cvn-layout.h"
#include "cvn-renderer.h"
#include "cvn-snapshot.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#define LAYOUT_RUNS 5
#define FRAME_RUNS  7
#define WIDTH       1920
#define HEIGHT      1080
#define ZOOM        8.0
#define PAN_RUNS    15
#define PAN_X       40.0      /* pixels per frame of a brisk drag */
#define PAN_Y       24.0

/* Times are the thread's CPU time in microseconds: the work is single-threaded, so on an
 * idle machine this is the wall time, and other load on a shared machine (builds, other
 * tests) does not inflate it. */
static gint64
now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        int     n)
{
  qsort (values, (size_t) n, sizeof (double), compare_doubles);
  return values[n / 2];
}

static double
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

/* Draws a frame of @viewport and returns how long it took, in milliseconds. */
static double
timed_draw (CvnRenderer       *renderer,
            cairo_t           *cr,
            const CvnViewport *viewport)
{
  gint64 start = now ();

  cvn_renderer_draw (renderer, cr, viewport, NULL, 0);
  cairo_surface_flush (cairo_get_target (cr));
  return (now () - start) / 1000.0;
}

/* Draws a first frame (empty caches: labels are shaped, marker images made), then
 * FRAME_RUNS frames that each draw the whole scene again (the renderer's scene cache is
 * dropped before each, as a pan or zoom would), then FRAME_RUNS frames that repeat the
 * last one (hover or selection changes: the cached scene is copied). */
static void
time_frames (CvnRenderer       *renderer,
             cairo_t           *cr,
             const CvnViewport *viewport,
             double            *first,
             double            *drawn,
             double            *cached)
{
  double times[FRAME_RUNS];

  *first = timed_draw (renderer, cr, viewport);
  for (int i = 0; i < FRAME_RUNS; i++)
    {
      cvn_renderer_invalidate (renderer);
      times[i] = timed_draw (renderer, cr, viewport);
    }
  *drawn = median (times, FRAME_RUNS);
  for (int i = 0; i < FRAME_RUNS; i++)
    times[i] = timed_draw (renderer, cr, viewport);
  *cached = median (times, FRAME_RUNS);
}

/* Frames of a drag: the viewport moves PAN_X, PAN_Y pixels per frame, so each frame
 * scrolls the renderer's ground and draws the strip that came into view, and places the
 * labels anew. */
static double
time_pan (CvnRenderer       *renderer,
          cairo_t           *cr,
          const CvnViewport *start_viewport)
{
  double times[PAN_RUNS];
  CvnViewport viewport = *start_viewport;

  cvn_renderer_draw (renderer, cr, &viewport, NULL, 0);
  for (int i = 0; i < PAN_RUNS; i++)
    {
      viewport.x += PAN_X / viewport.scale;
      viewport.y += PAN_Y / viewport.scale;
      times[i] = timed_draw (renderer, cr, &viewport);
    }
  return median (times, PAN_RUNS);
}

/* Frames of a node drag: the school nearest the middle of the view moves 6 x 4 pixels a
 * frame; the kept ground is drawn again only where the layout changed. The node is put
 * back afterwards. */
static double
time_drag (CvnRenderer       *renderer,
           cairo_t           *cr,
           const CvnViewport *viewport)
{
  CvnLayout *layout = cvn_renderer_get_layout (renderer);
  g_autoptr (GArray) in_view = g_array_new (FALSE, FALSE, sizeof (guint));
  double cx = viewport->x + viewport->width / 2, cy = viewport->y + viewport->height / 2;
  double times[PAN_RUNS], x0, y0, best = G_MAXDOUBLE;
  int index = -1;

  cvn_layout_collect_in_rect (layout, &(CvnRect) { viewport->x, viewport->y, viewport->width,
                                                   viewport->height }, in_view);
  for (guint i = 0; i < in_view->len; i++)
    {
      const CvnLayoutNode *n = cvn_layout_get_node (layout, g_array_index (in_view, guint, i));
      double d = hypot (n->x - cx, n->y - cy);

      if (n->kind == CVN_OBJECT_ESTABLISHMENT && d < best)
        {
          best = d;
          index = (int) g_array_index (in_view, guint, i);
        }
    }
  if (index < 0)
    return 0;
  x0 = cvn_layout_get_node (layout, (guint) index)->x;
  y0 = cvn_layout_get_node (layout, (guint) index)->y;
  cvn_renderer_draw (renderer, cr, viewport, NULL, 0);
  for (int i = 0; i < PAN_RUNS; i++)
    {
      cvn_layout_move_node (layout, (guint) index, x0 + 6 * (i + 1) / viewport->scale,
                            y0 + 4 * (i + 1) / viewport->scale);
      times[i] = timed_draw (renderer, cr, viewport);
    }
  cvn_layout_move_node (layout, (guint) index, x0, y0);
  return median (times, PAN_RUNS);
}

/* Frames of a zoom that has come to rest: each at a scale not drawn before (3% apart,
 * from 2% closer than @start), centred where @start is, so only what does not depend on
 * the scale can be reused. Drawn two ways: all in one frame (@sync, the median), and as
 * the canvas does it, the ground by a second renderer that a worker thread would own
 * (@worker, its CPU time) and then the frame by the first renderer, which takes that
 * ground and places the labels (@ui). */
G_GNUC_NO_INLINE static void
time_new_scales (CvnRenderer       *renderer,
                 cairo_t           *cr,
                 const CvnViewport *start,
                 double            *sync,
                 double            *ui,
                 double            *worker)
{
  g_autoptr (CvnRenderer) background = cvn_renderer_new ();
  double sync_times[FRAME_RUNS], ui_times[FRAME_RUNS], worker_times[FRAME_RUNS];
  double ds = 1;

  cairo_surface_get_device_scale (cairo_get_target (cr), &ds, NULL);
  cvn_renderer_set_layout (background, cvn_renderer_get_layout (renderer));
  for (int i = 0; i < FRAME_RUNS; i++)
    {
      CvnViewport viewport;
      gint64 begin;

      cvn_viewport_init_centred (&viewport, start->x + start->width / 2,
                                 start->y + start->height / 2, start->scale * (1.02 + 0.03 * i),
                                 start->width * start->scale, start->height * start->scale);
      sync_times[i] = timed_draw (renderer, cr, &viewport);

      cvn_viewport_init_centred (&viewport, start->x + start->width / 2,
                                 start->y + start->height / 2, start->scale * (1.035 + 0.03 * i),
                                 start->width * start->scale, start->height * start->scale);
      begin = now ();
      cvn_renderer_prepare_ground (background, &viewport, ds);
      worker_times[i] = (now () - begin) / 1000.0;
      begin = now ();
      if (!cvn_renderer_take_ground (renderer, background))
        g_error ("bench-render: the renderer did not take the prepared ground");
      ui_times[i] = (now () - begin) / 1000.0 + timed_draw (renderer, cr, &viewport);
    }
  *sync = median (sync_times, FRAME_RUNS);
  *ui = median (ui_times, FRAME_RUNS);
  *worker = median (worker_times, FRAME_RUNS);
}

static int only_view = -1;   /* --view NAME: one view only (for profiling) */
static gboolean only_drawn;  /* --drawn: only frames of the full view drawn from nothing */

static gboolean
bench_size (guint        n_schools,
            const char  *dir)
{
  g_autofree char *path = g_strdup_printf ("%s/bench-%u.convenor", dir, n_schools);
  g_autoptr (CvnDocument) doc = NULL;
  g_autoptr (CvnSnapshot) snapshot = NULL;
  g_autoptr (GError) error = NULL;
  gint64 start;
  double generate_ms, load_ms;

  start = now ();
  doc = cvn_generate_create (path, n_schools, 1, &error);
  if (doc == NULL)
    {
      fprintf (stderr, "bench-render: %s\n", error->message);
      return FALSE;
    }
  generate_ms = (now () - start) / 1000.0;
  start = now ();
  snapshot = cvn_snapshot_load (doc, &error);
  if (snapshot == NULL)
    {
      fprintf (stderr, "bench-render: %s\n", error->message);
      return FALSE;
    }
  load_ms = (now () - start) / 1000.0;
  printf ("%u schools: generated in %.0f ms, snapshot loaded in %.0f ms\n", n_schools,
          generate_ms, load_ms);

  for (guint v = 0; v < CVN_N_VIEWS; v++)
    {
      double layout_times[LAYOUT_RUNS];
      g_autoptr (CvnLayout) layout = NULL;
      g_autoptr (CvnRenderer) renderer = cvn_renderer_new ();
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
      cairo_t *cr = cairo_create (surface);
      CvnViewport full, zoomed;
      double full_ms, zoomed_ms, full_first, zoomed_first, full_cached, zoomed_cached;
      double full_pan, zoomed_pan, full_zoom, zoomed_zoom, full_ui, zoomed_ui;
      double full_worker, zoomed_worker, full_drag, zoomed_drag;

      if (only_view >= 0 && (int) v != only_view)
        {
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
          continue;
        }

      for (int i = 0; i < LAYOUT_RUNS; i++)
        {
          g_clear_pointer (&layout, cvn_layout_unref);
          start = now ();
          layout = cvn_layout_compute (snapshot, (CvnView) v, NULL);
          layout_times[i] = (now () - start) / 1000.0;
        }
      cvn_renderer_set_layout (renderer, layout);
      cvn_renderer_fit (renderer, WIDTH, HEIGHT, &full);
      cvn_viewport_init_centred (&zoomed, layout->bounds.x + layout->bounds.width / 2,
                                 layout->bounds.y + layout->bounds.height / 2,
                                 full.scale * ZOOM, WIDTH, HEIGHT);
      if (only_drawn)
        {
          /* For profiling: a first frame, then frames drawn from nothing only. */
          time_frames (renderer, cr, &full, &full_first, &full_ms, &full_cached);
          time_new_scales (renderer, cr, &full, &full_zoom, &full_ui, &full_worker);
          printf ("  %-9s  full: first %6.1f, drawn %6.1f, zoom %6.1f (frame %4.1f after "
                  "%5.1f in the worker) ms\n", cvn_view_to_string ((CvnView) v), full_first,
                  full_ms, full_zoom, full_ui, full_worker);
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
          continue;
        }
      time_frames (renderer, cr, &full, &full_first, &full_ms, &full_cached);
      time_frames (renderer, cr, &zoomed, &zoomed_first, &zoomed_ms, &zoomed_cached);
      full_pan = time_pan (renderer, cr, &full);
      zoomed_pan = time_pan (renderer, cr, &zoomed);
      full_drag = time_drag (renderer, cr, &full);
      zoomed_drag = time_drag (renderer, cr, &zoomed);
      time_new_scales (renderer, cr, &full, &full_zoom, &full_ui, &full_worker);
      time_new_scales (renderer, cr, &zoomed, &zoomed_zoom, &zoomed_ui, &zoomed_worker);
      printf ("  %-9s  nodes %6u  layout %7.1f ms\n"
              "             full:   first %6.1f, drawn %6.1f, pan %5.1f, drag %5.1f, "
              "cached %4.1f, zoom %6.1f (frame %4.1f, worker %5.1f) ms\n"
              "             zoomed: first %6.1f, drawn %6.1f, pan %5.1f, drag %5.1f, "
              "cached %4.1f, zoom %6.1f (frame %4.1f, worker %5.1f) ms\n",
              cvn_view_to_string ((CvnView) v), layout->nodes->len,
              median (layout_times, LAYOUT_RUNS), full_first, full_ms, full_pan, full_drag,
              full_cached, full_zoom, full_ui, full_worker, zoomed_first, zoomed_ms,
              zoomed_pan, zoomed_drag, zoomed_cached, zoomed_zoom, zoomed_ui, zoomed_worker);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  printf ("  peak RSS so far %.0f MB\n", peak_rss_mb ());
  g_unlink (path);
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  static const guint default_sizes[] = { 600, 3000, 25000 };
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("convenor-bench-XXXXXX", &error);
  gboolean ok = TRUE;

  if (dir == NULL)
    {
      fprintf (stderr, "bench-render: %s\n", error->message);
      return 1;
    }
  if (argc > 2 && g_str_equal (argv[1], "--view"))
    {
      CvnView view;

      if (!cvn_view_from_string (argv[2], &view))
        {
          fprintf (stderr, "bench-render: unknown view \u201c%s\u201d\n", argv[2]);
          return 1;
        }
      only_view = (int) view;
      argc -= 2;
      argv += 2;
    }
  if (argc > 1 && g_str_equal (argv[1], "--drawn"))
    {
      only_drawn = TRUE;
      argc--;
      argv++;
    }
  if (argc > 1)
    for (int i = 1; i < argc && ok; i++)
      ok = bench_size ((guint) MAX (1, atoi (argv[i])), dir);
  else
    for (guint i = 0; i < G_N_ELEMENTS (default_sizes) && ok; i++)
      ok = bench_size (default_sizes[i], dir);
  g_rmdir (dir);
  return ok ? 0 : 1;
}
