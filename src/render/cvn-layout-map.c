/* cvn-layout-map.c — schools at their real places, groups as hulls around them.
 *
 * Easting and northing are British National Grid metres, a planar projection, so they are
 * drawn directly: x grows east, y grows south (north is up). The scale is chosen so that
 * neighbouring schools are about as far apart as in the graph, which keeps markers and
 * labels the same size in every view; metres_per_unit lets the renderer draw a scale bar.
 *
 * Schools without coordinates are not dropped: they are listed in columns to the right of
 * the map under "No location:", where they can still be selected. Saved positions are not
 * used here, since a school's place on a map is data, not arrangement.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-render"

#include "config.h"

#include "cvn-layout-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#define SPACING        28.0   /* layout units between neighbouring schools, on average */
#define MIN_EXTENT     1400.0 /* layout units across the map's longer side, at least */
#define LIST_GAP       60.0
#define LIST_ROW       20.0
#define LIST_WIDTH     230.0
#define LIST_MARKER    16.0

void
cvn_layout_map (CvnLayoutBuilder *builder)
{
  CvnLayout *layout = builder->layout;
  CvnSnapshot *snapshot = builder->snapshot;
  g_autoptr (GArray) unplaced = g_array_new (FALSE, FALSE, sizeof (const CvnEstablishment *));
  double e0 = G_MAXDOUBLE, n0 = G_MAXDOUBLE, e1 = -G_MAXDOUBLE, n1 = -G_MAXDOUBLE;
  guint n_located = 0, n_groups;
  double mpu, map_width, map_height;
  g_autoptr (GHashTable) shown_schools = g_hash_table_new (g_direct_hash, g_direct_equal);

  /* Which schools: those the options show, and within a focus the members of its groups. */
  for (guint i = 0; i < builder->groups->len; i++)
    {
      g_autoptr (GPtrArray) members = cvn_layout_builder_members (builder,
                                                                  g_ptr_array_index (builder->groups, i));

      for (guint k = 0; k < members->len; k++)
        {
          const CvnMembership *m = g_ptr_array_index (members, k);

          if (m->member_kind == CVN_OBJECT_ESTABLISHMENT)
            g_hash_table_add (shown_schools, GSIZE_TO_POINTER ((gsize) m->member_id));
        }
    }
  for (guint i = 0; i < snapshot->establishments->len; i++)
    {
      const CvnEstablishment *e = &g_array_index (snapshot->establishments, CvnEstablishment, i);

      if (!cvn_layout_builder_shows_school (builder, e) &&
          !g_hash_table_contains (shown_schools, GSIZE_TO_POINTER ((gsize) e->id)))
        continue;
      if (!e->has_location)
        {
          g_array_append_val (unplaced, e);
          continue;
        }
      e0 = MIN (e0, e->easting);
      e1 = MAX (e1, e->easting);
      n0 = MIN (n0, e->northing);
      n1 = MAX (n1, e->northing);
      n_located++;
    }

  if (n_located > 0)
    {
      double area = MAX ((e1 - e0) * (n1 - n0), 1e6);

      /* Neighbours about SPACING apart on average, but a small borough is still spread
       * over a screen's worth of units rather than huddled in its middle. */
      mpu = MIN (sqrt (area / n_located) / SPACING, MAX (e1 - e0, n1 - n0) / MIN_EXTENT);
      mpu = MAX (mpu, 1.0);
      builder->spread = sqrt (area / n_located) / mpu / SPACING;
    }
  else
    {
      mpu = 1.0;
      e0 = e1 = n0 = n1 = 0;
    }
  layout->metres_per_unit = mpu;
  map_width = (e1 - e0) / mpu;
  map_height = (n1 - n0) / mpu;

  for (guint i = 0; i < snapshot->establishments->len; i++)
    {
      const CvnEstablishment *e = &g_array_index (snapshot->establishments, CvnEstablishment, i);
      CvnLayoutNode *node;
      guint index;

      if (!e->has_location ||
          (!cvn_layout_builder_shows_school (builder, e) &&
           !g_hash_table_contains (shown_schools, GSIZE_TO_POINTER ((gsize) e->id))))
        continue;
      index = cvn_layout_builder_add_school (builder, e);
      node = &g_array_index (layout->nodes, CvnLayoutNode, index);
      node->x = (e->easting - e0) / mpu;
      node->y = (n1 - e->northing) / mpu;
    }

  /* Groups at the centroid of their located members; a group with none is not on the map. */
  n_groups = 0;
  for (guint i = 0; i < builder->groups->len; i++)
    {
      const CvnGroup *group = g_ptr_array_index (builder->groups, i);
      g_autoptr (GPtrArray) members = cvn_layout_builder_members (builder, group);
      double sx = 0, sy = 0;
      guint count = 0;
      CvnLayoutNode *node;
      guint index;

      for (guint k = 0; k < members->len; k++)
        {
          const CvnMembership *m = g_ptr_array_index (members, k);
          int school;

          if (m->member_kind != CVN_OBJECT_ESTABLISHMENT)
            continue;
          school = cvn_layout_find_node (layout, CVN_OBJECT_ESTABLISHMENT, m->member_id);
          if (school < 0)
            continue;
          sx += g_array_index (layout->nodes, CvnLayoutNode, school).x;
          sy += g_array_index (layout->nodes, CvnLayoutNode, school).y;
          count++;
        }
      if (count == 0)
        continue;
      index = cvn_layout_builder_add_group (builder, group);
      node = &g_array_index (layout->nodes, CvnLayoutNode, index);
      node->x = sx / count;
      node->y = sy / count;
      node->width = node->height = CVN_GROUP_RADIUS;
      node->parent = -1;
      n_groups++;
    }

  /* The list of schools without a location, in columns no taller than the map. */
  if (unplaced->len > 0)
    {
      guint heading = cvn_layout_builder_add_heading (builder, _("No location:"));
      CvnLayoutNode *node = &g_array_index (layout->nodes, CvnLayoutNode, heading);
      double left = n_located > 0 ? map_width + LIST_GAP : 0;
      guint per_column = (guint) MAX (8.0, floor (map_height / LIST_ROW) - 1);
      double width = cvn_layout_measure_text (builder, node->label, 15, TRUE) * 1.05 + 6;

      layout->unplaced_heading = (int) heading;
      node->width = width;
      node->height = LIST_ROW;
      node->x = left + width / 2;
      node->y = LIST_ROW / 2;
      node->label_rect = (CvnRect) { left, 0, width, LIST_ROW };
      for (guint k = 0; k < unplaced->len; k++)
        {
          const CvnEstablishment *e = g_array_index (unplaced, const CvnEstablishment *, k);
          guint index = cvn_layout_builder_add_school (builder, e);
          double x = left + (k / per_column) * (LIST_WIDTH + 16);
          double y = (k % per_column + 1) * LIST_ROW + 4;

          node = &g_array_index (layout->nodes, CvnLayoutNode, index);
          node->flags |= CVN_NODE_UNPLACED;
          node->width = LIST_WIDTH;
          node->height = LIST_ROW - 2;
          node->x = x + LIST_WIDTH / 2;
          node->y = y + LIST_ROW / 2;
          node->label_rect = (CvnRect) { x + LIST_MARKER, y, LIST_WIDTH - LIST_MARKER, LIST_ROW };
        }
    }

  cvn_layout_build_hulls (layout, builder);
}
