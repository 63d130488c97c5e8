/* bench-render.c — layout and frame times of the three views at 600, 3,000 and 25,000
 * schools.
 *
 * Each size is a synthetic document written by the generator (cvn-generate.c) into a
 * temporary folder. For each view the benchmark prints the median of five layouts
 * (computed from scratch: no saved positions), and the median of seven frames drawn on a
 * 1920x1080 cairo image surface for the whole view (zoom to fit) and for a zoomed view
 * (eight times closer, centred on the middle of the drawing), after one first frame that
 * fills the renderer's caches, reported separately as "first". Peak RSS is the process's
 * high-water mark after each size, so the last line is the peak of the whole run.
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
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#define LAYOUT_RUNS 5
#define FRAME_RUNS  7
#define WIDTH       1920
#define HEIGHT      1080
#define ZOOM        8.0

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

/* Draws FRAME_RUNS frames after a first one; returns the median and stores the first. */
static double
time_frames (CvnRenderer       *renderer,
             cairo_t           *cr,
             const CvnViewport *viewport,
             double            *first)
{
  double times[FRAME_RUNS];
  gint64 start = g_get_monotonic_time ();

  cvn_renderer_draw (renderer, cr, viewport, NULL, 0);
  cairo_surface_flush (cairo_get_target (cr));
  *first = (g_get_monotonic_time () - start) / 1000.0;
  for (int i = 0; i < FRAME_RUNS; i++)
    {
      start = g_get_monotonic_time ();
      cvn_renderer_draw (renderer, cr, viewport, NULL, 0);
      cairo_surface_flush (cairo_get_target (cr));
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  return median (times, FRAME_RUNS);
}

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

  start = g_get_monotonic_time ();
  doc = cvn_generate_create (path, n_schools, 1, &error);
  if (doc == NULL)
    {
      fprintf (stderr, "bench-render: %s\n", error->message);
      return FALSE;
    }
  generate_ms = (g_get_monotonic_time () - start) / 1000.0;
  start = g_get_monotonic_time ();
  snapshot = cvn_snapshot_load (doc, &error);
  if (snapshot == NULL)
    {
      fprintf (stderr, "bench-render: %s\n", error->message);
      return FALSE;
    }
  load_ms = (g_get_monotonic_time () - start) / 1000.0;
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
      double full_ms, zoomed_ms, full_first, zoomed_first;

      for (int i = 0; i < LAYOUT_RUNS; i++)
        {
          g_clear_pointer (&layout, cvn_layout_unref);
          start = g_get_monotonic_time ();
          layout = cvn_layout_compute (snapshot, (CvnView) v, NULL);
          layout_times[i] = (g_get_monotonic_time () - start) / 1000.0;
        }
      cvn_renderer_set_layout (renderer, layout);
      cvn_renderer_fit (renderer, WIDTH, HEIGHT, &full);
      cvn_viewport_init_centred (&zoomed, layout->bounds.x + layout->bounds.width / 2,
                                 layout->bounds.y + layout->bounds.height / 2,
                                 full.scale * ZOOM, WIDTH, HEIGHT);
      full_ms = time_frames (renderer, cr, &full, &full_first);
      zoomed_ms = time_frames (renderer, cr, &zoomed, &zoomed_first);
      printf ("  %-9s  nodes %6u  layout %8.1f ms  frame full %6.1f ms (first %6.1f)  "
              "zoomed %6.1f ms (first %6.1f)\n",
              cvn_view_to_string ((CvnView) v), layout->nodes->len,
              median (layout_times, LAYOUT_RUNS), full_ms, full_first, zoomed_ms, zoomed_first);
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
  if (argc > 1)
    for (int i = 1; i < argc && ok; i++)
      ok = bench_size ((guint) MAX (1, atoi (argv[i])), dir);
  else
    for (guint i = 0; i < G_N_ELEMENTS (default_sizes) && ok; i++)
      ok = bench_size (default_sizes[i], dir);
  g_rmdir (dir);
  return ok ? 0 : 1;
}
