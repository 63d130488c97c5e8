/* cvn-hull.h — bubble-set outlines around a group's members (internal to src/render).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cvn-layout.h"

G_BEGIN_DECLS

/* Traces the outline of the union of discs of @radius around @centres, joined by necks of
 * @neck_radius along the edges of a minimum spanning tree of the centres no longer than
 * @max_neck, so the region hugs its members and members close together form one piece. Appends the outline's rings to @rings (CvnLayoutRing) and their
 * points to @points (CvnPoint); returns the number of rings and stores their bounds. */
guint cvn_hull_trace (const CvnPoint *centres,
                      guint           n_centres,
                      double          radius,
                      double          neck_radius,
                      double          max_neck,
                      GArray         *rings,
                      GArray         *points,
                      CvnRect        *bounds);

/* TRUE when (@x, @y) is inside @n_rings rings starting at @first, by the even-odd rule. */
gboolean cvn_hull_rings_contain (GArray *rings,
                                 GArray *points,
                                 guint   first,
                                 guint   n_rings,
                                 double  x,
                                 double  y);

G_END_DECLS
