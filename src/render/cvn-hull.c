/* cvn-hull.c — bubble-set outlines around a group's members.
 *
 * A convex hull around a cross-cutting group (a diocese, a maths hub) swallows every school
 * that happens to lie between its members, so a reader cannot tell members from neighbours.
 * Bubble sets (Collins, Penn and Carpendale, 2009) instead draw an implicit surface around
 * the members only. This is the simple form of that idea: the union of a disc around each
 * member and thinner necks along the short edges of a minimum spanning tree of the members,
 * traced with marching squares over a signed-distance grid. Members far apart stay separate
 * islands (their membership edges join them to the group's node) rather than long necks
 * that would cross the whole drawing. The grid is sized to the group, and coarser
 * for very spread-out groups, so the cost follows the size of the outline, not the document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-render"

#include "config.h"

#include "cvn-hull.h"

#include <math.h>
#include <string.h>

/* Enough resolution for a smooth outline of a cluster, and a bound on the memory and time
 * one very large group can take. */
#define MAX_GRID_POINTS 160000

typedef struct
{
  double  x0, y0, h;
  int     cols, rows;
  float  *field;      /* signed distance to the region, per grid point */
} Grid;

/* Prim's algorithm on the complete graph of the centres; O(n^2), which is a few
 * milliseconds for the largest groups a document has (a few thousand members). */
static void
spanning_tree (const CvnPoint *centres,
               guint           n,
               int            *parent)
{
  g_autofree double *best = g_new (double, n);
  g_autofree gboolean *done = g_new0 (gboolean, n);

  for (guint i = 0; i < n; i++)
    {
      best[i] = G_MAXDOUBLE;
      parent[i] = -1;
    }
  best[0] = 0;
  for (guint k = 0; k < n; k++)
    {
      guint u = 0;
      double u_best = G_MAXDOUBLE;

      for (guint i = 0; i < n; i++)
        if (!done[i] && best[i] < u_best)
          {
            u_best = best[i];
            u = i;
          }
      done[u] = TRUE;
      for (guint v = 0; v < n; v++)
        if (!done[v])
          {
            double dx = centres[u].x - centres[v].x, dy = centres[u].y - centres[v].y;
            double d = dx * dx + dy * dy;

            if (d < best[v])
              {
                best[v] = d;
                parent[v] = (int) u;
              }
          }
    }
}

static void
stamp_disc (Grid  *grid,
            double cx,
            double cy,
            double r)
{
  int i0 = MAX (0, (int) floor ((cx - r - grid->x0) / grid->h) - 1);
  int i1 = MIN (grid->cols - 1, (int) ceil ((cx + r - grid->x0) / grid->h) + 1);
  int j0 = MAX (0, (int) floor ((cy - r - grid->y0) / grid->h) - 1);
  int j1 = MIN (grid->rows - 1, (int) ceil ((cy + r - grid->y0) / grid->h) + 1);

  for (int j = j0; j <= j1; j++)
    {
      double dy = grid->y0 + j * grid->h - cy;
      float *row = grid->field + (gsize) j * grid->cols;

      for (int i = i0; i <= i1; i++)
        {
          double dx = grid->x0 + i * grid->h - cx;
          float d = (float) (sqrt (dx * dx + dy * dy) - r);

          if (d < row[i])
            row[i] = d;
        }
    }
}

static inline guint
edge_h (const Grid *grid,
        int         i,
        int         j)
{
  return ((guint) j * grid->cols + (guint) i) * 2;
}

static inline guint
edge_v (const Grid *grid,
        int         i,
        int         j)
{
  return ((guint) j * grid->cols + (guint) i) * 2 + 1;
}

static void
link (int   *neighbours,
      guint  a,
      guint  b)
{
  if (neighbours[2 * a] < 0)
    neighbours[2 * a] = (int) b;
  else
    neighbours[2 * a + 1] = (int) b;
  if (neighbours[2 * b] < 0)
    neighbours[2 * b] = (int) a;
  else
    neighbours[2 * b + 1] = (int) a;
}

static CvnPoint
edge_point (const Grid *grid,
            guint       edge)
{
  guint p = edge / 2;
  int i = (int) (p % (guint) grid->cols), j = (int) (p / (guint) grid->cols);
  float f0 = grid->field[p];
  float f1 = (edge & 1) ? grid->field[p + grid->cols] : grid->field[p + 1];
  double t = f0 == f1 ? 0.5 : CLAMP (f0 / (f0 - f1), 0.0, 1.0);
  CvnPoint point;

  point.x = grid->x0 + (i + ((edge & 1) ? 0.0 : t)) * grid->h;
  point.y = grid->y0 + (j + ((edge & 1) ? t : 0.0)) * grid->h;
  return point;
}

guint
cvn_hull_trace (const CvnPoint *centres,
                guint           n_centres,
                double          radius,
                double          neck_radius,
                double          max_neck,
                GArray         *rings,
                GArray         *points,
                CvnRect        *bounds)
{
  Grid grid;
  double min_x = G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;
  double margin, w, hgt;
  g_autofree int *parent = NULL;
  g_autofree int *neighbours = NULL;
  g_autofree guint8 *visited = NULL;
  guint n_edges, n_rings = 0;
  double bx0 = G_MAXDOUBLE, by0 = G_MAXDOUBLE, bx1 = -G_MAXDOUBLE, by1 = -G_MAXDOUBLE;

  if (n_centres == 0)
    return 0;
  for (guint k = 0; k < n_centres; k++)
    {
      min_x = MIN (min_x, centres[k].x);
      max_x = MAX (max_x, centres[k].x);
      min_y = MIN (min_y, centres[k].y);
      max_y = MAX (max_y, centres[k].y);
    }

  /* About five grid steps across a disc's radius keeps outlines round; a group spread over
   * the whole document gets a coarser grid and proportionally fatter discs instead of an
   * unbounded one. */
  grid.h = radius / 2.5;
  w = max_x - min_x + 2 * radius;
  hgt = max_y - min_y + 2 * radius;
  if ((w / grid.h + 4) * (hgt / grid.h + 4) > MAX_GRID_POINTS)
    {
      grid.h = sqrt (w * hgt / MAX_GRID_POINTS) * 1.05;
      radius = MAX (radius, 1.5 * grid.h);
      neck_radius = MAX (neck_radius, 1.0 * grid.h);
    }
  margin = radius + 2 * grid.h;
  grid.x0 = min_x - margin;
  grid.y0 = min_y - margin;
  grid.cols = (int) ceil ((max_x - min_x + 2 * margin) / grid.h) + 1;
  grid.rows = (int) ceil ((max_y - min_y + 2 * margin) / grid.h) + 1;
  grid.field = g_new (float, (gsize) grid.cols * grid.rows);
  for (gsize k = 0; k < (gsize) grid.cols * grid.rows; k++)
    grid.field[k] = (float) radius;

  for (guint k = 0; k < n_centres; k++)
    stamp_disc (&grid, centres[k].x, centres[k].y, radius);

  /* Necks: discs every half grid step along each tree edge make a capsule whose scallops
   * are far below the grid's resolution. */
  parent = g_new (int, n_centres);
  spanning_tree (centres, n_centres, parent);
  for (guint k = 0; k < n_centres; k++)
    if (parent[k] >= 0)
      {
        const CvnPoint *a = &centres[k], *b = &centres[parent[k]];
        double length = hypot (b->x - a->x, b->y - a->y);
        int steps = (int) ceil (length / (grid.h * 0.5));

        if (length <= radius || length > max_neck)
          continue;
        for (int s = 1; s < steps; s++)
          {
            double t = (double) s / steps;

            stamp_disc (&grid, a->x + t * (b->x - a->x), a->y + t * (b->y - a->y), neck_radius);
          }
      }

  /* Marching squares. Each crossing of the outline with a grid edge is one point, shared by
   * the two cells beside that edge, so every point has exactly two neighbours and the
   * segments link up into closed rings. */
  n_edges = (guint) grid.cols * grid.rows * 2;
  neighbours = g_new (int, 2 * (gsize) n_edges);
  memset (neighbours, 0xff, sizeof (int) * 2 * (gsize) n_edges);
  for (int j = 0; j + 1 < grid.rows; j++)
    for (int i = 0; i + 1 < grid.cols; i++)
      {
        const float *f = grid.field + (gsize) j * grid.cols + i;
        int a = f[0] < 0, b = f[1] < 0, c = f[grid.cols + 1] < 0, d = f[grid.cols] < 0;
        int code = a | b << 1 | c << 2 | d << 3;
        guint top = edge_h (&grid, i, j), bottom = edge_h (&grid, i, j + 1);
        guint left = edge_v (&grid, i, j), right = edge_v (&grid, i + 1, j);
        gboolean centre_inside;

        switch (code)
          {
          case 0:
          case 15:
            break;
          case 1:
          case 14:
            link (neighbours, left, top);
            break;
          case 2:
          case 13:
            link (neighbours, top, right);
            break;
          case 3:
          case 12:
            link (neighbours, left, right);
            break;
          case 4:
          case 11:
            link (neighbours, right, bottom);
            break;
          case 6:
          case 9:
            link (neighbours, top, bottom);
            break;
          case 7:
          case 8:
            link (neighbours, left, bottom);
            break;
          case 5:
          case 10:
            /* A saddle: the average of the corners decides whether the two inside corners
             * connect through the cell's centre. */
            centre_inside = (f[0] + f[1] + f[grid.cols] + f[grid.cols + 1]) < 0;
            if ((code == 5) == centre_inside)
              {
                link (neighbours, top, right);
                link (neighbours, bottom, left);
              }
            else
              {
                link (neighbours, left, top);
                link (neighbours, right, bottom);
              }
            break;
          default:
            g_assert_not_reached ();
          }
      }

  visited = g_new0 (guint8, n_edges);
  for (guint e = 0; e < n_edges; e++)
    {
      CvnLayoutRing ring;
      int prev = -1, cur = (int) e;

      if (neighbours[2 * e] < 0 || visited[e])
        continue;
      ring.first_point = points->len;
      do
        {
          CvnPoint p = edge_point (&grid, (guint) cur);
          int next = neighbours[2 * cur] != prev ? neighbours[2 * cur] : neighbours[2 * cur + 1];

          visited[cur] = 1;
          g_array_append_val (points, p);
          bx0 = MIN (bx0, p.x);
          by0 = MIN (by0, p.y);
          bx1 = MAX (bx1, p.x);
          by1 = MAX (by1, p.y);
          prev = cur;
          cur = next;
        }
      while (cur >= 0 && cur != (int) e && !visited[cur]);
      ring.n_points = points->len - ring.first_point;
      if (ring.n_points < 3)
        {
          g_array_set_size (points, ring.first_point);
          continue;
        }
      g_array_append_val (rings, ring);
      n_rings++;
    }

  g_free (grid.field);
  bounds->x = bx0;
  bounds->y = by0;
  bounds->width = MAX (0, bx1 - bx0);
  bounds->height = MAX (0, by1 - by0);
  return n_rings;
}

gboolean
cvn_hull_rings_contain (GArray *rings,
                        GArray *points,
                        guint   first,
                        guint   n_rings,
                        double  x,
                        double  y)
{
  gboolean inside = FALSE;

  for (guint r = first; r < first + n_rings; r++)
    {
      const CvnLayoutRing *ring = &g_array_index (rings, CvnLayoutRing, r);
      const CvnPoint *p = &g_array_index (points, CvnPoint, ring->first_point);

      for (guint i = 0, j = ring->n_points - 1; i < ring->n_points; j = i++)
        if ((p[i].y > y) != (p[j].y > y) &&
            x < (p[j].x - p[i].x) * (y - p[i].y) / (p[j].y - p[i].y) + p[i].x)
          inside = !inside;
    }
  return inside;
}
