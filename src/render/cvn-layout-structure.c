/* cvn-layout-structure.c — the tiers as a tidy tree, top-down.
 *
 * Board at the top, its sub-groups and alliances below it, clusters below those, and each
 * cluster's schools as a list under it (split into columns of at most twelve). Children
 * sit side by side; when a row of them would be very wide, it wraps onto further rows
 * reached by a trunk down the left-hand gutter, at the width that gives the block a
 * screen-like shape, so a 25,000-school partnership is a large rectangle rather than a
 * ribbon hundreds of screens wide.
 *
 * Every box has its own slot and nothing is placed on top of anything else, so labels
 * never overlap; long names are ellipsised inside their box (the canvas shows them in
 * full on hover). Groups outside the tiers — diocesan groups, hubs, committees — follow
 * in a band of their own under the tree, as boxes with their member counts (the graph and
 * the map show their members), next to a list of the schools that belong to no cluster.
 *
 * Positions come from the tree alone, so they are deterministic; pinned nodes keep their
 * saved place and their connectors become straight lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-render"

#include "config.h"

#include "cvn-layout-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#define FONT_SIZE        12.0
#define TITLE_SIZE       13.0
#define LEAF_WIDTH       210.0
#define LEAF_HEIGHT      20.0
#define LEAF_PITCH       24.0
#define LEAF_INDENT      16.0
#define LEAF_MARKER      18.0   /* room for the phase marker before a school's name */
#define COLUMN_GAP       14.0
#define LEAVES_PER_COLUMN 12
#define GROUP_HEIGHT     42.0
#define GROUP_MIN_WIDTH  150.0
#define GROUP_MAX_WIDTH  360.0
#define GROUP_PADDING    10.0
#define SIBLING_GAP      24.0
#define LEVEL_GAP        36.0
#define GUTTER           22.0
#define BAND_GAP         90.0
/* A row of siblings wraps once it is wider than this and than the shape below asks for. */
#define MAX_SINGLE_ROW   1500.0
/* The shape aimed at for the whole drawing: a screen's or a landscape page's. */
#define PAGE_ASPECT      1.6

typedef struct _TreeNode TreeNode;

struct _TreeNode
{
  int        node;        /* layout node of the box; -1 for the invisible forest root */
  GPtrArray *children;    /* TreeNode * */
  GArray    *leaves;      /* guint layout nodes listed under the box */
  /* Measured: */
  double     width, height;
  double     box_width;
  guint      n_rows;
  GArray    *row_of;      /* guint: the row of each item (leaf block first, then children) */
  GArray    *row_widths;  /* double */
  GArray    *row_heights; /* double */
  int        leaf_columns, leaf_rows;
};

typedef struct
{
  CvnLayoutBuilder *builder;
  CvnLayout        *layout;
  GHashTable       *tree_nodes;   /* group id -> TreeNode * */
  double            aspect;       /* the shape wrapped rows aim at for each block */
} Structure;

static TreeNode *
tree_node_new (int node)
{
  TreeNode *t = g_new0 (TreeNode, 1);

  t->node = node;
  t->children = g_ptr_array_new ();
  t->leaves = g_array_new (FALSE, FALSE, sizeof (guint));
  t->row_of = g_array_new (FALSE, FALSE, sizeof (guint));
  t->row_widths = g_array_new (FALSE, TRUE, sizeof (double));
  t->row_heights = g_array_new (FALSE, TRUE, sizeof (double));
  return t;
}

static void
tree_node_free (gpointer data)
{
  TreeNode *t = data;

  g_ptr_array_unref (t->children);
  g_array_unref (t->leaves);
  g_array_unref (t->row_of);
  g_array_unref (t->row_widths);
  g_array_unref (t->row_heights);
  g_free (t);
}

static CvnLayoutNode *
node_at (CvnLayout *layout,
         int        index)
{
  return &g_array_index (layout->nodes, CvnLayoutNode, index);
}

/* Measuring, bottom up. Items of a box are its leaf block (when it lists members) and then
 * its child subtrees. */
static void
leaf_block_size (TreeNode *t,
                 double   *width,
                 double   *height)
{
  guint n = t->leaves->len;

  t->leaf_columns = (int) ((n + LEAVES_PER_COLUMN - 1) / LEAVES_PER_COLUMN);
  t->leaf_rows = (int) ((n + t->leaf_columns - 1) / t->leaf_columns);
  *width = t->leaf_columns * (LEAF_INDENT + LEAF_WIDTH) + (t->leaf_columns - 1) * COLUMN_GAP;
  *height = t->leaf_rows * LEAF_PITCH - (LEAF_PITCH - LEAF_HEIGHT);
}

static guint
n_items (TreeNode *t)
{
  return (t->leaves->len > 0 ? 1 : 0) + t->children->len;
}

static void
item_size (TreeNode *t,
           guint     item,
           double   *width,
           double   *height)
{
  if (t->leaves->len > 0)
    {
      if (item == 0)
        {
          leaf_block_size (t, width, height);
          return;
        }
      item--;
    }
  *width = ((TreeNode *) g_ptr_array_index (t->children, item))->width;
  *height = ((TreeNode *) g_ptr_array_index (t->children, item))->height;
}

/* Breaks the items into rows no wider than @target and returns the block's size. */
static void
arrange_rows (TreeNode *t,
              double    target,
              double   *block_width,
              double   *block_height)
{
  guint items = n_items (t);
  double row_width = 0;
  guint row = 0;

  g_array_set_size (t->row_of, 0);
  g_array_set_size (t->row_widths, 0);
  g_array_set_size (t->row_heights, 0);
  for (guint i = 0; i < items; i++)
    {
      double w, h, zero = 0;

      item_size (t, i, &w, &h);
      if (i > 0 && row_width + SIBLING_GAP + w > target + 0.5)
        {
          row++;
          row_width = 0;
        }
      if (t->row_widths->len <= row)
        {
          g_array_append_val (t->row_widths, zero);
          g_array_append_val (t->row_heights, zero);
        }
      row_width += (row_width > 0 ? SIBLING_GAP : 0) + w;
      g_array_index (t->row_widths, double, row) = row_width;
      g_array_index (t->row_heights, double, row) =
        MAX (g_array_index (t->row_heights, double, row), h);
      g_array_append_val (t->row_of, row);
    }
  t->n_rows = t->row_widths->len;

  *block_width = t->box_width;
  *block_height = t->node >= 0 ? GROUP_HEIGHT : 0;
  for (guint r = 0; r < t->n_rows; r++)
    {
      double gutter = t->n_rows > 1 && t->node >= 0 ? GUTTER : 0;

      *block_width = MAX (*block_width, gutter + g_array_index (t->row_widths, double, r));
      *block_height += (r == 0 && t->node < 0 ? 0 : LEVEL_GAP) +
                       g_array_index (t->row_heights, double, r);
    }
}

/* Sizes the subtree of @t. Rows of children wrap only when a single row would be very
 * wide; then the row width is the one, among the widths of the first k children, that
 * makes the block's shape closest to a screen's. @fixed_width, when positive, is the row
 * width to use instead (the band under the tree matches the tree's width). */
static void
measure (Structure *s,
         TreeNode  *t,
         double     fixed_width)
{
  guint items;
  double total_width = 0, widest = 0, target;

  for (guint i = 0; i < t->children->len; i++)
    measure (s, g_ptr_array_index (t->children, i), 0);

  t->box_width = 0;
  if (t->node >= 0)
    t->box_width = node_at (s->layout, t->node)->width;

  items = n_items (t);
  for (guint i = 0; i < items; i++)
    {
      double w, h;

      item_size (t, i, &w, &h);
      total_width += w + (i > 0 ? SIBLING_GAP : 0);
      widest = MAX (widest, w);
    }

  if (fixed_width > 0)
    target = MAX (fixed_width, widest);
  else if (total_width <= MAX_SINGLE_ROW)
    target = total_width;
  else
    {
      double prefix = 0, best_score = G_MAXDOUBLE;
      const guint steps = 24;

      /* Candidate widths: each prefix of the row, and evenly spaced widths between the
       * widest child and the whole row. */
      target = total_width;
      for (guint k = 0; k < items + steps; k++)
        {
          double w, h, bw, bh, score, candidate;

          if (k < items)
            {
              item_size (t, k, &w, &h);
              prefix += w + (k > 0 ? SIBLING_GAP : 0);
              candidate = prefix;
            }
          else
            candidate = widest + (total_width - widest) * (k - items + 1) / (steps + 1);
          if (candidate < widest)
            continue;
          arrange_rows (t, candidate, &bw, &bh);
          score = fabs (log (bw / MAX (bh, 1) / s->aspect));
          if (score < best_score - 1e-9)
            {
              best_score = score;
              target = candidate;
            }
        }
    }
  arrange_rows (t, target, &t->width, &t->height);
}

/* Placing, top down. */

static void
add_connector (Structure *s,
               int        parent,
               guint      child,
               CvnPoint  *points,
               guint      n_points)
{
  CvnLayoutEdge edge = { (guint) parent, child, CVN_EDGE_TREE, CVN_ROLE_MEMBER, 0, 0 };

  edge.first_point = s->layout->points->len;
  edge.n_points = n_points;
  g_array_append_vals (s->layout->points, points, n_points);
  g_array_append_val (s->layout->edges, edge);
}

static void
place (Structure *s,
       TreeNode  *t,
       double     x,
       double     y)
{
  CvnLayout *layout = s->layout;
  double gutter = t->n_rows > 1 && t->node >= 0 ? GUTTER : 0;
  double row_y = y + (t->node >= 0 ? GROUP_HEIGHT + LEVEL_GAP : 0);
  double box_x = 0, box_bottom = y + GROUP_HEIGHT, first_bus = row_y - LEVEL_GAP / 2;
  guint items = n_items (t);
  guint item = 0;

  if (t->node >= 0)
    {
      CvnLayoutNode *box = node_at (layout, t->node);
      double first_row = t->n_rows > 0 ? g_array_index (t->row_widths, double, 0) : 0;

      /* Centred over its first row of children, and inside its own block. */
      box_x = x + gutter + first_row / 2;
      box_x = CLAMP (box_x, x + t->box_width / 2, x + t->width - t->box_width / 2);
      box->x = box_x;
      box->y = y + GROUP_HEIGHT / 2;
      box->label_rect.x = box_x - t->box_width / 2 + GROUP_PADDING;
      box->label_rect.y = y + 4;
      box->label_rect.width = t->box_width - 2 * GROUP_PADDING;
      box->label_rect.height = GROUP_HEIGHT - 8;
    }

  for (guint r = 0; r < t->n_rows; r++)
    {
      double item_x = x + gutter;
      double bus = row_y - LEVEL_GAP / 2;

      for (; item < items && g_array_index (t->row_of, guint, item) == r; item++)
        {
          double w, h;
          CvnPoint route[6];
          guint n_route = 0;

          item_size (t, item, &w, &h);
          if (t->node >= 0)
            {
              route[n_route++] = (CvnPoint) { box_x, box_bottom };
              route[n_route++] = (CvnPoint) { box_x, first_bus };
              if (r > 0)
                {
                  route[n_route++] = (CvnPoint) { x + gutter / 2, first_bus };
                  route[n_route++] = (CvnPoint) { x + gutter / 2, bus };
                }
            }

          if (t->leaves->len > 0 && item == 0)
            {
              /* The leaf block: columns of rows, each column hanging from its own spine. */
              for (guint k = 0; k < t->leaves->len; k++)
                {
                  int column = (int) k / t->leaf_rows, line = (int) k % t->leaf_rows;
                  double column_x = item_x + column * (LEAF_INDENT + LEAF_WIDTH + COLUMN_GAP);
                  double spine = column_x + LEAF_INDENT / 2;
                  double left = column_x + LEAF_INDENT;
                  double top = row_y + line * LEAF_PITCH;
                  guint leaf = g_array_index (t->leaves, guint, k);
                  CvnLayoutNode *node = node_at (layout, (int) leaf);
                  CvnPoint points[8];
                  guint n_points = n_route;

                  node->x = left + LEAF_WIDTH / 2;
                  node->y = top + LEAF_HEIGHT / 2;
                  node->width = LEAF_WIDTH;
                  node->height = LEAF_HEIGHT;
                  node->label_rect.x = left + LEAF_MARKER;
                  node->label_rect.y = top;
                  node->label_rect.width = LEAF_WIDTH - LEAF_MARKER - 4;
                  node->label_rect.height = LEAF_HEIGHT;
                  if (t->node < 0)
                    continue;
                  memcpy (points, route, n_route * sizeof (CvnPoint));
                  if (n_route > 0)
                    points[n_points++] = (CvnPoint) { spine, route[n_route - 1].y };
                  points[n_points++] = (CvnPoint) { spine, node->y };
                  points[n_points++] = (CvnPoint) { left, node->y };
                  add_connector (s, t->node, leaf, points, n_points);
                }
            }
          else
            {
              TreeNode *child = g_ptr_array_index (t->children, item - (t->leaves->len > 0));

              place (s, child, item_x, row_y);
              if (t->node >= 0)
                {
                  CvnLayoutNode *child_box = node_at (layout, child->node);
                  double bus_y = route[n_route - 1].y;

                  route[n_route++] = (CvnPoint) { child_box->x, bus_y };
                  route[n_route++] = (CvnPoint) { child_box->x, row_y };
                  add_connector (s, t->node, (guint) child->node, route, n_route);
                }
            }
          item_x += w + SIBLING_GAP;
        }
      row_y += g_array_index (t->row_heights, double, r) + LEVEL_GAP;
    }
}

/* Building the tree. */

static guint
add_group_box (Structure      *s,
               const CvnGroup *group)
{
  guint index = cvn_layout_builder_add_group (s->builder, group);
  CvnLayoutNode *node = node_at (s->layout, (int) index);
  double width = cvn_layout_measure_text (s->builder, group->name, TITLE_SIZE, TRUE);

  node->width = CLAMP (width * 1.04 + 2 * GROUP_PADDING + 6, GROUP_MIN_WIDTH, GROUP_MAX_WIDTH);
  node->height = GROUP_HEIGHT;
  return index;
}

static void
add_leaves (Structure      *s,
            TreeNode       *t,
            const CvnGroup *group,
            GHashTable     *listed)
{
  g_autoptr (GPtrArray) members = cvn_layout_builder_members (s->builder, group);
  guint n_listed = 0;

  for (guint k = 0; k < members->len; k++)
    {
      const CvnMembership *m = g_ptr_array_index (members, k);
      guint leaf;

      if (m->member_kind == CVN_OBJECT_ESTABLISHMENT)
        {
          const CvnEstablishment *e = cvn_snapshot_find_establishment (s->builder->snapshot,
                                                                       m->member_id);

          leaf = cvn_layout_builder_add_school (s->builder, e);
          if (listed != NULL)
            g_hash_table_add (listed, GSIZE_TO_POINTER ((gsize) e->id));
        }
      else if (m->member_kind == CVN_OBJECT_PERSON)
        leaf = cvn_layout_builder_add_person (s->builder,
                                              cvn_snapshot_find_person (s->builder->snapshot,
                                                                        m->member_id),
                                              m->role);
      else
        continue;
      node_at (s->layout, (int) leaf)->flags |= CVN_NODE_LEAF;
      node_at (s->layout, (int) leaf)->parent = t->node;
      g_array_append_val (t->leaves, leaf);
      n_listed++;
    }
  node_at (s->layout, t->node)->n_members = n_listed;
}

static void
count_members (Structure      *s,
               TreeNode       *t,
               const CvnGroup *group)
{
  g_autoptr (GPtrArray) members = cvn_layout_builder_members (s->builder, group);
  guint n = 0;

  for (guint k = 0; k < members->len; k++)
    if (((const CvnMembership *) g_ptr_array_index (members, k))->member_kind !=
        CVN_OBJECT_GROUP)
      n++;
  node_at (s->layout, t->node)->n_members = n;
}

/* The group a tier group hangs from: its parent, or else the first tier group that has it
 * as a member; never one of its own descendants. */
static const CvnGroup *
tree_parent (Structure      *s,
             GHashTable     *in_tree,
             const CvnGroup *group)
{
  CvnSnapshot *snapshot = s->builder->snapshot;
  const CvnGroup *candidate = NULL;

  if (group->parent_id > 0 &&
      g_hash_table_contains (in_tree, GSIZE_TO_POINTER ((gsize) group->parent_id)))
    candidate = cvn_snapshot_find_group (snapshot, group->parent_id);
  else
    {
      g_autoptr (GPtrArray) of = cvn_snapshot_get_memberships_of (snapshot, CVN_OBJECT_GROUP,
                                                                  group->id, TRUE);

      for (guint i = 0; i < of->len && candidate == NULL; i++)
        {
          const CvnMembership *m = g_ptr_array_index (of, i);

          if (g_hash_table_contains (in_tree, GSIZE_TO_POINTER ((gsize) m->group_id)))
            candidate = cvn_snapshot_find_group (snapshot, m->group_id);
        }
    }

  /* Walk up from the candidate: reaching @group would make a cycle. */
  for (const CvnGroup *up = candidate; up != NULL;)
    {
      const CvnGroup *next;

      if (up->id == group->id)
        return NULL;
      next = up->parent_id > 0 && g_hash_table_contains (in_tree,
                                                         GSIZE_TO_POINTER ((gsize) up->parent_id))
             ? cvn_snapshot_find_group (snapshot, up->parent_id) : NULL;
      if (next == candidate)
        break;
      up = next;
    }
  return candidate;
}

static void
apply_pinned (Structure *s)
{
  CvnLayout *layout = s->layout;

  for (guint i = 0; i < layout->nodes->len; i++)
    {
      CvnLayoutNode *node = node_at (layout, (int) i);
      const CvnSavedPosition *saved;
      double dx, dy;

      if (node->kind == CVN_OBJECT_NONE ||
          cvn_layout_find_node (layout, node->kind, node->id) != (int) i)
        continue;
      saved = cvn_layout_builder_saved (s->builder, node->kind, node->id);
      if (saved == NULL || !saved->pinned)
        continue;
      dx = saved->x - node->x;
      dy = saved->y - node->y;
      node->x = saved->x;
      node->y = saved->y;
      node->label_rect.x += dx;
      node->label_rect.y += dy;
      node->flags |= CVN_NODE_PINNED;
      for (guint e = 0; e < layout->edges->len; e++)
        {
          CvnLayoutEdge *edge = &g_array_index (layout->edges, CvnLayoutEdge, e);

          if (edge->source == i || edge->target == i)
            edge->n_points = 0;
        }
    }
}

void
cvn_layout_structure (CvnLayoutBuilder *builder)
{
  Structure s = { builder, builder->layout, NULL, PAGE_ASPECT };
  g_autoptr (GHashTable) in_tree = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr (GHashTable) listed = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func (tree_node_free);
  TreeNode *forest = tree_node_new (-1);
  TreeNode *band = tree_node_new (-1);
  gboolean grew = TRUE;
  double y = 0;

  builder->layout->font_size = FONT_SIZE;
  g_ptr_array_add (all, forest);
  g_ptr_array_add (all, band);
  s.tree_nodes = g_hash_table_new (g_direct_hash, g_direct_equal);

  /* Tier groups, and groups whose parent is a tier group (a board's sub-groups). */
  for (guint i = 0; i < builder->groups->len; i++)
    {
      const CvnGroup *g = g_ptr_array_index (builder->groups, i);

      if (g->tier >= 1 || g->id == builder->options->focus_group)
        g_hash_table_insert (in_tree, GSIZE_TO_POINTER ((gsize) g->id), (gpointer) g);
    }
  while (grew)
    {
      grew = FALSE;
      for (guint i = 0; i < builder->groups->len; i++)
        {
          const CvnGroup *g = g_ptr_array_index (builder->groups, i);

          if (g->parent_id > 0 &&
              !g_hash_table_contains (in_tree, GSIZE_TO_POINTER ((gsize) g->id)) &&
              g_hash_table_contains (in_tree, GSIZE_TO_POINTER ((gsize) g->parent_id)))
            {
              g_hash_table_insert (in_tree, GSIZE_TO_POINTER ((gsize) g->id), (gpointer) g);
              grew = TRUE;
            }
        }
    }

  /* Boxes in snapshot order (tier 3 first, then by kind and name), so siblings are ordered
   * by kind and name. */
  for (guint i = 0; i < builder->groups->len; i++)
    {
      const CvnGroup *g = g_ptr_array_index (builder->groups, i);
      TreeNode *t = tree_node_new ((int) add_group_box (&s, g));

      g_ptr_array_add (all, t);
      g_hash_table_insert (s.tree_nodes, GSIZE_TO_POINTER ((gsize) g->id), t);
      /* Groups across the tiers are boxes with a count: their members are listed under
       * their clusters already, and the graph and map draw them as hulls. */
      if (g_hash_table_contains (in_tree, GSIZE_TO_POINTER ((gsize) g->id)))
        add_leaves (&s, t, g, listed);
      else
        count_members (&s, t, g);
    }
  for (guint i = 0; i < builder->groups->len; i++)
    {
      const CvnGroup *g = g_ptr_array_index (builder->groups, i);
      TreeNode *t = g_hash_table_lookup (s.tree_nodes, GSIZE_TO_POINTER ((gsize) g->id));

      if (g_hash_table_contains (in_tree, GSIZE_TO_POINTER ((gsize) g->id)))
        {
          const CvnGroup *parent = tree_parent (&s, in_tree, g);

          if (parent != NULL && parent->id != g->id)
            {
              TreeNode *p = g_hash_table_lookup (s.tree_nodes, GSIZE_TO_POINTER ((gsize) parent->id));

              g_ptr_array_add (p->children, t);
              node_at (s.layout, t->node)->parent = p->node;
              node_at (s.layout, p->node)->n_groups++;
            }
          else
            g_ptr_array_add (forest->children, t);
        }
      else
        g_ptr_array_add (band->children, t);
    }

  /* Schools listed under no tier group: a catch-all box in the band, so that no school is
   * silently left out of the picture. */
  if (builder->options->focus_group <= 0)
    {
      CvnSnapshot *snapshot = builder->snapshot;
      TreeNode *loose = NULL;

      for (guint i = 0; i < snapshot->establishments->len; i++)
        {
          const CvnEstablishment *e = &g_array_index (snapshot->establishments,
                                                      CvnEstablishment, i);
          guint leaf;

          if (!cvn_layout_builder_shows_school (builder, e) ||
              g_hash_table_contains (listed, GSIZE_TO_POINTER ((gsize) e->id)))
            continue;
          if (loose == NULL)
            {
              guint box = cvn_layout_builder_add_heading (builder, _("Not in a cluster"));
              CvnLayoutNode *node = node_at (s.layout, (int) box);

              node->shape = CVN_SHAPE_GROUP;
              node->width = GROUP_MIN_WIDTH + 20;
              node->height = GROUP_HEIGHT;
              loose = tree_node_new ((int) box);
              g_ptr_array_add (all, loose);
              g_ptr_array_add (band->children, loose);
            }
          leaf = cvn_layout_builder_add_school (builder, e);
          node_at (s.layout, (int) leaf)->flags |= CVN_NODE_LEAF;
          node_at (s.layout, (int) leaf)->parent = loose->node;
          g_array_append_val (loose->leaves, leaf);
        }
      if (loose != NULL)
        node_at (s.layout, loose->node)->n_members = loose->leaves->len;
    }

  /* Blocks shaped alike do not always add up to a page-shaped whole (the band below the
   * tree adds height), so try a few block shapes and keep the one whose whole drawing is
   * closest to a page. Measuring is linear in the tree, so this costs little. */
  {
    static const double aspects[] = { 0.8, 1.0, 1.3, 1.6, 2.0, 2.5, 3.2, 4.0, 5.0 };
    double best_score = G_MAXDOUBLE, best_aspect = PAGE_ASPECT;

    for (guint k = 0; k < G_N_ELEMENTS (aspects); k++)
      {
        double width, height, score;

        s.aspect = aspects[k];
        measure (&s, forest, 0);
        width = forest->width;
        height = forest->height;
        if (band->children->len > 0)
          {
            measure (&s, band, MAX (forest->width, MAX_SINGLE_ROW));
            width = MAX (width, band->width);
            height += BAND_GAP + band->height;
          }
        score = fabs (log (width / MAX (height, 1) / PAGE_ASPECT));
        if (score < best_score - 1e-9)
          {
            best_score = score;
            best_aspect = aspects[k];
          }
      }
    s.aspect = best_aspect;
  }
  measure (&s, forest, 0);
  place (&s, forest, 0, 0);
  y = forest->height;
  if (band->children->len > 0)
    {
      guint heading = cvn_layout_builder_add_heading (builder, _("Groups across the tiers"));
      CvnLayoutNode *node = node_at (s.layout, (int) heading);
      double top = forest->children->len > 0 ? y + BAND_GAP : 0;
      double width = cvn_layout_measure_text (builder, node->label, TITLE_SIZE + 3, TRUE) + 8;

      node->width = width;
      node->height = 24;
      node->x = width / 2;
      node->y = top + 12;
      node->label_rect = (CvnRect) { 0, top, width, 24 };
      measure (&s, band, MAX (forest->width, MAX_SINGLE_ROW));
      place (&s, band, 0, top + 24 + LEVEL_GAP);
    }

  apply_pinned (&s);
  g_hash_table_unref (s.tree_nodes);
}
