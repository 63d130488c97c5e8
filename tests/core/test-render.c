/* test-render.c — layouts, the renderer, the generator and `convenor-cli render`.
 *
 * The assertions are geometric: hulls contain their members, structure labels never
 * overlap, everything fits the page, layouts repeat exactly, pinned and saved nodes stay
 * put, and the command line writes an image of the size asked for. They run on the sample
 * borough and on synthetic documents from the generator.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cvn-generate.h"
#include "cvn-layout.h"
#include "cvn-renderer.h"
#include "cvn-sample.h"
#include "cvn-snapshot.h"
#include "cvn-store.h"

#include <glib/gstdio.h>
#include <math.h>

typedef struct
{
  char        *dir;
  CvnDocument *sample;
  CvnDocument *generated;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *sample_path = NULL;
  g_autofree char *generated_path = NULL;

  fixture->dir = g_dir_make_tmp ("test-render-XXXXXX", &error);
  g_assert_no_error (error);
  sample_path = g_build_filename (fixture->dir, "sample.convenor", NULL);
  generated_path = g_build_filename (fixture->dir, "generated.convenor", NULL);
  fixture->sample = cvn_sample_create (sample_path, &error);
  g_assert_no_error (error);
  fixture->generated = cvn_generate_create (generated_path, 240, 7, &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->sample);
  g_clear_object (&fixture->generated);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static CvnSnapshot *
load (CvnDocument *doc)
{
  g_autoptr (GError) error = NULL;
  CvnSnapshot *snapshot = cvn_snapshot_load_at (doc, "2024-03-01", &error);

  g_assert_no_error (error);
  return snapshot;
}

static CvnLayout *
compute (CvnDocument *doc,
         CvnView      view,
         gboolean     with_saved)
{
  g_autoptr (CvnSnapshot) snapshot = load (doc);
  g_autoptr (GHashTable) saved = NULL;
  CvnLayoutOptions options;

  cvn_layout_options_init (&options);
  if (with_saved)
    {
      g_autoptr (GError) error = NULL;

      saved = cvn_layout_load_positions (doc, view, &error);
      g_assert_no_error (error);
      options.saved = saved;
    }
  return cvn_layout_compute (snapshot, view, &options);
}

static const CvnLayoutNode *
node_at (CvnLayout *layout,
         guint      i)
{
  return cvn_layout_get_node (layout, i);
}

static guint
count_kind (CvnLayout     *layout,
            CvnObjectKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < layout->nodes->len; i++)
    n += node_at (layout, i)->kind == kind;
  return n;
}

/* Every group's hull contains the centre of each of its members (graph and map). */
static void
assert_hulls_contain_members (CvnLayout *layout)
{
  g_assert_cmpuint (layout->hulls->len, >, 0);
  for (guint h = 0; h < layout->hulls->len; h++)
    {
      const CvnLayoutHull *hull = &g_array_index (layout->hulls, CvnLayoutHull, h);

      g_assert_cmpuint (hull->n_members, >, 0);
      g_assert_cmpuint (hull->n_rings, >, 0);
      for (guint k = 0; k < hull->n_members; k++)
        {
          guint member = g_array_index (layout->hull_members, guint, hull->first_member + k);
          const CvnLayoutNode *node = node_at (layout, member);

          if (!cvn_layout_hull_contains (layout, h, node->x, node->y))
            g_error ("the hull of “%s” misses its member “%s” at (%g, %g)",
                     node_at (layout, hull->group)->label, node->label, node->x, node->y);
        }
    }
}

static void
test_hulls_contain_members (Fixture       *fixture,
                            gconstpointer  data)
{
  CvnDocument *docs[] = { fixture->sample, fixture->generated };

  for (guint d = 0; d < G_N_ELEMENTS (docs); d++)
    for (CvnView view = CVN_VIEW_GRAPH; view <= CVN_VIEW_MAP; view++)
      {
        g_autoptr (CvnLayout) layout = compute (docs[d], view, FALSE);

        assert_hulls_contain_members (layout);
      }
}

/* A school in several groups sits inside several hulls. */
static void
test_overlapping_hulls (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr (CvnLayout) layout = compute (fixture->sample, CVN_VIEW_GRAPH, FALSE);
  guint most = 0;

  for (guint i = 0; i < layout->nodes->len; i++)
    {
      const CvnLayoutNode *node = node_at (layout, i);
      guint inside = 0;

      if (node->kind != CVN_OBJECT_ESTABLISHMENT)
        continue;
      for (guint h = 0; h < layout->hulls->len; h++)
        inside += cvn_layout_hull_contains (layout, h, node->x, node->y);
      most = MAX (most, inside);
    }
  g_assert_cmpuint (most, >=, 3);
}

static gboolean
rects_overlap (const CvnRect *a,
               const CvnRect *b)
{
  return a->x < b->x + b->width - 1e-6 && b->x < a->x + a->width - 1e-6 &&
         a->y < b->y + b->height - 1e-6 && b->y < a->y + a->height - 1e-6;
}

static int
compare_rect_x (gconstpointer a,
                gconstpointer b)
{
  const CvnRect *ra = a, *rb = b;

  return ra->x < rb->x ? -1 : ra->x > rb->x;
}

/* Sort and sweep: no two rectangles of @rects overlap. */
static void
assert_disjoint (GArray     *rects,
                 const char *what)
{
  g_array_sort (rects, compare_rect_x);
  for (guint i = 0; i < rects->len; i++)
    {
      const CvnRect *a = &g_array_index (rects, CvnRect, i);

      for (guint j = i + 1; j < rects->len; j++)
        {
          const CvnRect *b = &g_array_index (rects, CvnRect, j);

          if (b->x >= a->x + a->width)
            break;
          if (rects_overlap (a, b))
            g_error ("two %s overlap: (%g, %g %gx%g) and (%g, %g %gx%g)", what, a->x, a->y,
                     a->width, a->height, b->x, b->y, b->width, b->height);
        }
    }
}

static void
test_structure_labels_disjoint (Fixture       *fixture,
                                gconstpointer  data)
{
  CvnDocument *docs[] = { fixture->sample, fixture->generated };

  for (guint d = 0; d < G_N_ELEMENTS (docs); d++)
    {
      g_autoptr (CvnLayout) layout = compute (docs[d], CVN_VIEW_STRUCTURE, FALSE);
      g_autoptr (GArray) labels = g_array_new (FALSE, FALSE, sizeof (CvnRect));
      g_autoptr (GArray) boxes = g_array_new (FALSE, FALSE, sizeof (CvnRect));
      guint schools = 0;

      for (guint i = 0; i < layout->nodes->len; i++)
        {
          const CvnLayoutNode *node = node_at (layout, i);
          CvnRect box = { node->x - node->width / 2, node->y - node->height / 2,
                          node->width, node->height };

          g_assert_cmpfloat (node->label_rect.width, >, 0);
          g_array_append_val (labels, node->label_rect);
          g_array_append_val (boxes, box);
          /* A label stays within its own box. */
          if (node->shape != CVN_SHAPE_HEADING)
            {
              g_assert_cmpfloat (node->label_rect.x, >=, box.x - 1e-6);
              g_assert_cmpfloat (node->label_rect.x + node->label_rect.width, <=,
                                 box.x + box.width + 1e-6);
            }
          schools += node->kind == CVN_OBJECT_ESTABLISHMENT;
        }
      g_assert_cmpuint (schools, >, 0);
      assert_disjoint (labels, "structure labels");
      assert_disjoint (boxes, "structure boxes");
    }
}

/* Every school of the sample appears in the structure (listed under its cluster, or in
 * the catch-all box). */
static void
test_structure_lists_every_school (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr (CvnSnapshot) snapshot = load (fixture->sample);
  g_autoptr (CvnLayout) layout = compute (fixture->sample, CVN_VIEW_STRUCTURE, FALSE);

  for (guint i = 0; i < snapshot->establishments->len; i++)
    {
      const CvnEstablishment *e = &g_array_index (snapshot->establishments, CvnEstablishment, i);

      if (e->is_open)
        g_assert_cmpint (cvn_layout_find_node (layout, CVN_OBJECT_ESTABLISHMENT, e->id), >=, 0);
    }
}

/* A structure box counts the group boxes under it: each box with children has as many as
 * nodes name it their parent, and the generated alliances, whose schools are all in their
 * clusters, have groups but no members of their own. */
static void
test_structure_counts_groups (Fixture       *fixture,
                              gconstpointer  data)
{
  CvnDocument *docs[] = { fixture->sample, fixture->generated };

  for (guint d = 0; d < G_N_ELEMENTS (docs); d++)
    {
      g_autoptr (CvnLayout) layout = compute (docs[d], CVN_VIEW_STRUCTURE, FALSE);
      g_autofree guint *children = g_new0 (guint, layout->nodes->len);
      guint n_alliances = 0;

      for (guint i = 0; i < layout->nodes->len; i++)
        {
          const CvnLayoutNode *node = node_at (layout, i);

          if (node->parent >= 0 && node->shape == CVN_SHAPE_GROUP &&
              !(node->flags & CVN_NODE_LEAF))
            children[node->parent]++;
        }
      for (guint i = 0; i < layout->nodes->len; i++)
        {
          const CvnLayoutNode *node = node_at (layout, i);

          if (node->shape != CVN_SHAPE_GROUP)
            continue;
          g_assert_cmpuint (node->n_groups, ==, children[i]);
          if (node->tier == 2)
            {
              n_alliances++;
              g_assert_cmpuint (node->n_groups, >, 0);
              if (d == 1)
                g_assert_cmpuint (node->n_members, ==, 0);
            }
        }
      g_assert_cmpuint (n_alliances, >, 0);
    }
}

static cairo_surface_t *
draw (CvnLayout        *layout,
      int               width,
      int               height,
      CvnViewport      *viewport,
      CvnRenderer     **out_renderer)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr (CvnRenderer) renderer = cvn_renderer_new ();

  cvn_renderer_set_layout (renderer, layout);
  cvn_renderer_fit (renderer, width, height, viewport);
  cvn_renderer_draw (renderer, cr, viewport, NULL, 0);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  if (out_renderer != NULL)
    *out_renderer = g_steal_pointer (&renderer);
  return surface;
}

/* Fitted to a page, every node lies inside it, and the page is not blank. */
static void
test_nodes_inside_page (Fixture       *fixture,
                        gconstpointer  data)
{
  CvnDocument *docs[] = { fixture->sample, fixture->generated };

  for (guint d = 0; d < G_N_ELEMENTS (docs); d++)
    for (CvnView view = CVN_VIEW_STRUCTURE; view <= CVN_VIEW_MAP; view++)
      {
        g_autoptr (CvnLayout) layout = compute (docs[d], view, FALSE);
        CvnViewport viewport;
        cairo_surface_t *surface = draw (layout, 1200, 800, &viewport, NULL);
        const guint8 *data_bytes = cairo_image_surface_get_data (surface);
        int stride = cairo_image_surface_get_stride (surface);
        guint inked = 0;

        for (guint i = 0; i < layout->nodes->len; i++)
          {
            const CvnLayoutNode *node = node_at (layout, i);
            double x0 = (node->x - node->width / 2 - viewport.x) * viewport.scale;
            double y0 = (node->y - node->height / 2 - viewport.y) * viewport.scale;
            double x1 = (node->x + node->width / 2 - viewport.x) * viewport.scale;
            double y1 = (node->y + node->height / 2 - viewport.y) * viewport.scale;

            g_assert_cmpfloat (x0, >=, -0.01);
            g_assert_cmpfloat (y0, >=, -0.01);
            g_assert_cmpfloat (x1, <=, 1200.01);
            g_assert_cmpfloat (y1, <=, 800.01);
          }
        for (int y = 0; y < 800; y += 4)
          for (int x = 0; x < 1200; x += 4)
            inked += ((const guint32 *) (data_bytes + y * stride))[x] != 0xffffffff;
        g_assert_cmpuint (inked, >, 200);
        cairo_surface_destroy (surface);
      }
}

/* Labels the renderer places in the graph and the map never overlap and stay on the page. */
static void
test_floating_labels_disjoint (Fixture       *fixture,
                               gconstpointer  data)
{
  for (CvnView view = CVN_VIEW_GRAPH; view <= CVN_VIEW_MAP; view++)
    {
      g_autoptr (CvnLayout) layout = compute (fixture->sample, view, FALSE);
      g_autoptr (CvnRenderer) renderer = NULL;
      g_autoptr (GArray) copy = g_array_new (FALSE, FALSE, sizeof (CvnRect));
      CvnViewport viewport;
      cairo_surface_t *surface = draw (layout, 1600, 1000, &viewport, &renderer);
      GArray *rects, *nodes;

      cvn_renderer_get_drawn_labels (renderer, &rects, &nodes);
      g_assert_cmpuint (rects->len, >, 10);
      g_assert_cmpuint (rects->len, ==, nodes->len);
      for (guint i = 0; i < rects->len; i++)
        {
          const CvnRect *r = &g_array_index (rects, CvnRect, i);

          g_assert_cmpfloat (r->x, >=, 0);
          g_assert_cmpfloat (r->y, >=, 0);
          g_assert_cmpfloat (r->x + r->width, <=, 1600);
          g_assert_cmpfloat (r->y + r->height, <=, 1000);
        }
      g_array_append_vals (copy, rects->data, rects->len);
      assert_disjoint (copy, "drawn labels");
      cairo_surface_destroy (surface);
    }
}

static void
assert_same_positions (CvnLayout *a,
                       CvnLayout *b,
                       double     tolerance)
{
  g_assert_cmpuint (a->nodes->len, ==, b->nodes->len);
  for (guint i = 0; i < a->nodes->len; i++)
    {
      const CvnLayoutNode *na = node_at (a, i), *nb = node_at (b, i);

      g_assert_cmpint (na->kind, ==, nb->kind);
      g_assert_cmpint (na->id, ==, nb->id);
      g_assert_cmpfloat (fabs (na->x - nb->x), <=, tolerance);
      g_assert_cmpfloat (fabs (na->y - nb->y), <=, tolerance);
    }
}

static void
test_deterministic (Fixture       *fixture,
                    gconstpointer  data)
{
  CvnDocument *docs[] = { fixture->sample, fixture->generated };

  for (guint d = 0; d < G_N_ELEMENTS (docs); d++)
    for (CvnView view = CVN_VIEW_STRUCTURE; view <= CVN_VIEW_MAP; view++)
      {
        g_autoptr (CvnLayout) first = compute (docs[d], view, FALSE);
        g_autoptr (CvnLayout) second = compute (docs[d], view, FALSE);

        assert_same_positions (first, second, 0);
        g_assert_cmpuint (first->hulls->len, ==, second->hulls->len);
        g_assert_cmpuint (first->points->len, ==, second->points->len);
      }
}

static void
save_pinned (CvnDocument *doc,
             CvnView      view,
             CvnObjectKind kind,
             gint64       id,
             double       x,
             double       y)
{
  g_autoptr (GError) error = NULL;

  cvn_document_begin_edit (doc, "Move a node", &error);
  g_assert_no_error (error);
  cvn_store_set_position (doc, cvn_view_to_string (view), kind, id, x, y, TRUE, &error);
  g_assert_no_error (error);
  cvn_document_commit_edit (doc, &error);
  g_assert_no_error (error);
}

/* A node the user dragged keeps its place, in a fresh arrangement too. */
static void
test_pinned_node_stays (Fixture       *fixture,
                        gconstpointer  data)
{
  for (CvnView view = CVN_VIEW_STRUCTURE; view <= CVN_VIEW_GRAPH; view++)
    {
      g_autoptr (CvnLayout) before = compute (fixture->sample, view, FALSE);
      g_autoptr (CvnSnapshot) snapshot = load (fixture->sample);
      g_autoptr (GHashTable) saved = NULL;
      g_autoptr (CvnLayout) after = NULL;
      g_autoptr (GError) error = NULL;
      const CvnLayoutNode *school = NULL;
      CvnLayoutOptions options;
      int index;

      for (guint i = 0; i < before->nodes->len && school == NULL; i++)
        if (node_at (before, i)->kind == CVN_OBJECT_ESTABLISHMENT)
          school = node_at (before, i);
      g_assert_nonnull (school);
      save_pinned (fixture->sample, view, school->kind, school->id, school->x + 333.5,
                   school->y - 211.25);

      saved = cvn_layout_load_positions (fixture->sample, view, &error);
      g_assert_no_error (error);
      cvn_layout_options_init (&options);
      options.saved = saved;
      options.relayout = TRUE;
      after = cvn_layout_compute (snapshot, view, &options);
      index = cvn_layout_find_node (after, school->kind, school->id);
      g_assert_cmpint (index, >=, 0);
      g_assert_cmpfloat (node_at (after, index)->x, ==, school->x + 333.5);
      g_assert_cmpfloat (node_at (after, index)->y, ==, school->y - 211.25);
      g_assert_true (node_at (after, index)->flags & CVN_NODE_PINNED);
    }
}

/* With saved positions, adding a school moves nothing else, and the newcomer lands inside
 * its cluster's hull. */
static void
test_adding_school_is_stable (Fixture       *fixture,
                              gconstpointer  data)
{
  CvnDocument *doc = fixture->generated;
  g_autoptr (CvnLayout) before = compute (doc, CVN_VIEW_GRAPH, FALSE);
  g_autoptr (CvnLayout) after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CvnSnapshot) snapshot = load (doc);
  const CvnGroup *cluster = NULL;
  CvnEstablishment school;
  CvnMembership membership = { 0 };
  gint64 id;
  int index, cluster_node;
  gboolean in_hull = FALSE;

  g_assert_true (cvn_layout_save_positions (before, doc, "Arrange", &error));
  g_assert_no_error (error);

  for (guint i = 0; i < snapshot->groups->len && cluster == NULL; i++)
    if (g_str_equal (g_array_index (snapshot->groups, CvnGroup, i).kind, "cluster"))
      cluster = &g_array_index (snapshot->groups, CvnGroup, i);
  g_assert_nonnull (cluster);

  cvn_document_begin_edit (doc, "Add a school", &error);
  g_assert_no_error (error);
  cvn_establishment_init (&school);
  g_free (school.name);
  school.name = g_strdup ("Newcomer Primary School");
  g_free (school.phase);
  school.phase = g_strdup ("primary");
  id = cvn_store_insert_establishment (doc, &school, &error);
  g_assert_no_error (error);
  cvn_establishment_clear (&school);
  membership.group_id = cluster->id;
  membership.member_kind = CVN_OBJECT_ESTABLISHMENT;
  membership.member_id = id;
  membership.from_date = (char *) "";
  membership.until_date = (char *) "";
  cvn_store_insert_membership (doc, &membership, &error);
  g_assert_no_error (error);
  cvn_document_commit_edit (doc, &error);
  g_assert_no_error (error);

  after = compute (doc, CVN_VIEW_GRAPH, TRUE);
  g_assert_cmpuint (after->nodes->len, ==, before->nodes->len + 1);
  for (guint i = 0; i < before->nodes->len; i++)
    {
      const CvnLayoutNode *old_node = node_at (before, i);
      int moved = cvn_layout_find_node (after, old_node->kind, old_node->id);

      g_assert_cmpint (moved, >=, 0);
      g_assert_cmpfloat (fabs (node_at (after, moved)->x - old_node->x), <=, 0.01);
      g_assert_cmpfloat (fabs (node_at (after, moved)->y - old_node->y), <=, 0.01);
    }
  index = cvn_layout_find_node (after, CVN_OBJECT_ESTABLISHMENT, id);
  cluster_node = cvn_layout_find_node (after, CVN_OBJECT_GROUP, cluster->id);
  g_assert_cmpint (index, >=, 0);
  g_assert_cmpfloat (hypot (node_at (after, index)->x - node_at (after, cluster_node)->x,
                            node_at (after, index)->y - node_at (after, cluster_node)->y),
                     <, 150);
  for (guint h = 0; h < after->hulls->len; h++)
    if (g_array_index (after->hulls, CvnLayoutHull, h).group == (guint) cluster_node)
      in_hull = cvn_layout_hull_contains (after, h, node_at (after, index)->x,
                                          node_at (after, index)->y);
  g_assert_true (in_hull);
}

static void
test_hit_test (Fixture       *fixture,
               gconstpointer  data)
{
  for (CvnView view = CVN_VIEW_STRUCTURE; view <= CVN_VIEW_MAP; view++)
    {
      g_autoptr (CvnLayout) layout = compute (fixture->sample, view, FALSE);
      CvnLayoutHit hit;
      guint checked = 0;

      for (guint i = 0; i < layout->nodes->len; i += 7)
        {
          const CvnLayoutNode *node = node_at (layout, i);

          if (node->kind != CVN_OBJECT_ESTABLISHMENT)
            continue;
          g_assert_true (cvn_layout_hit_test (layout, node->x, node->y, 0, &hit));
          g_assert_cmpint (hit.node, >=, 0);
          /* Another node may share the point only if it is the same object. */
          g_assert_cmpint (node_at (layout, hit.node)->kind, ==, node->kind);
          checked++;
        }
      g_assert_cmpuint (checked, >, 0);
      g_assert_false (cvn_layout_hit_test (layout, layout->bounds.x - 500,
                                           layout->bounds.y - 500, 2, &hit));
      g_assert_cmpint (hit.node, ==, -1);
      g_assert_cmpint (hit.hull, ==, -1);
    }
}

/* A school without coordinates is listed beside the map, not dropped. */
static void
test_map_lists_unplaced (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (CvnSnapshot) snapshot = load (fixture->generated);
  g_autoptr (CvnLayout) layout = compute (fixture->generated, CVN_VIEW_MAP, FALSE);
  guint without = 0, unplaced = 0;
  double map_right = -G_MAXDOUBLE;

  for (guint i = 0; i < snapshot->establishments->len; i++)
    {
      const CvnEstablishment *e = &g_array_index (snapshot->establishments, CvnEstablishment, i);

      without += !e->has_location && e->is_open;
    }
  for (guint i = 0; i < layout->nodes->len; i++)
    {
      const CvnLayoutNode *node = node_at (layout, i);

      if (node->kind == CVN_OBJECT_ESTABLISHMENT && !(node->flags & CVN_NODE_UNPLACED))
        map_right = MAX (map_right, node->x);
    }
  for (guint i = 0; i < layout->nodes->len; i++)
    {
      const CvnLayoutNode *node = node_at (layout, i);

      if (!(node->flags & CVN_NODE_UNPLACED))
        continue;
      unplaced++;
      g_assert_cmpfloat (node->x - node->width / 2, >, map_right);
    }
  g_assert_cmpuint (without, >, 0);
  g_assert_cmpuint (unplaced, ==, without);
  g_assert_cmpint (layout->unplaced_heading, >=, 0);
  g_assert_cmpstr (node_at (layout, (guint) layout->unplaced_heading)->label, ==, "No location:");
  g_assert_cmpfloat (layout->metres_per_unit, >, 0);
  g_assert_cmpuint (count_kind (layout, CVN_OBJECT_PERSON), ==, 0);
}

/* A focus group draws only its part of the document. */
static void
test_focus_group (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr (CvnSnapshot) snapshot = load (fixture->sample);
  const CvnGroup *alliance = NULL;
  CvnLayoutOptions options;

  for (guint i = 0; i < snapshot->groups->len && alliance == NULL; i++)
    if (g_str_equal (g_array_index (snapshot->groups, CvnGroup, i).kind, "alliance"))
      alliance = &g_array_index (snapshot->groups, CvnGroup, i);
  g_assert_nonnull (alliance);
  cvn_layout_options_init (&options);
  options.focus_group = alliance->id;

  for (CvnView view = CVN_VIEW_STRUCTURE; view <= CVN_VIEW_MAP; view++)
    {
      g_autoptr (CvnLayout) focused = cvn_layout_compute (snapshot, view, &options);
      g_autoptr (CvnLayout) whole = cvn_layout_compute (snapshot, view, NULL);

      g_assert_cmpuint (count_kind (focused, CVN_OBJECT_ESTABLISHMENT), >, 0);
      g_assert_cmpuint (count_kind (focused, CVN_OBJECT_ESTABLISHMENT), <,
                        count_kind (whole, CVN_OBJECT_ESTABLISHMENT));
      for (guint i = 0; i < focused->nodes->len; i++)
        {
          const CvnLayoutNode *node = node_at (focused, i);
          const CvnGroup *group;

          if (node->kind != CVN_OBJECT_GROUP)
            continue;
          /* Only the alliance and groups under it. */
          group = cvn_snapshot_find_group (snapshot, node->id);
          g_assert_true (group->id == alliance->id || group->parent_id == alliance->id);
        }
    }
}

/* Hidden people are labelled by role, never by name. */
static void
test_hide_people (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr (CvnSnapshot) snapshot = load (fixture->sample);
  CvnLayoutOptions options;

  cvn_layout_options_init (&options);
  options.hide_people = TRUE;
  for (CvnView view = CVN_VIEW_STRUCTURE; view <= CVN_VIEW_GRAPH; view++)
    {
      g_autoptr (CvnLayout) layout = cvn_layout_compute (snapshot, view, &options);
      guint people = 0;

      for (guint i = 0; i < layout->nodes->len; i++)
        {
          const CvnLayoutNode *node = node_at (layout, i);
          const CvnPerson *person;

          if (node->kind != CVN_OBJECT_PERSON)
            continue;
          person = cvn_snapshot_find_person (snapshot, node->id);
          g_assert_null (strstr (node->label, person->name));
          g_assert_null (strstr (node->short_label, person->name));
          people++;
        }
      g_assert_cmpuint (people, >, 0);
    }
}

/* Vector targets (print, PDF, SVG) take the cairo path rather than the image fast path. */
static void
test_vector_target (Fixture       *fixture,
                    gconstpointer  data)
{
  for (CvnView view = CVN_VIEW_STRUCTURE; view <= CVN_VIEW_MAP; view++)
    {
      g_autoptr (CvnLayout) layout = compute (fixture->sample, view, FALSE);
      g_autoptr (CvnRenderer) renderer = cvn_renderer_new ();
      cairo_rectangle_t extents = { 0, 0, 800, 600 };
      cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA,
                                                                 &extents);
      cairo_t *cr = cairo_create (surface);
      CvnViewport viewport;
      double x, y, w, h;
      CvnObjectRef selection = { node_at (layout, 0)->kind, node_at (layout, 0)->id };

      cvn_renderer_set_layout (renderer, layout);
      cvn_renderer_fit (renderer, 800, 600, &viewport);
      cvn_renderer_draw (renderer, cr, &viewport, &selection, 1);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_recording_surface_ink_extents (surface, &x, &y, &w, &h);
      g_assert_cmpfloat (w, >, 100);
      g_assert_cmpfloat (h, >, 100);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* Distance from a point to the segment a-b. */
static double
segment_distance (const CvnPoint *q,
                  const CvnPoint *a,
                  const CvnPoint *b)
{
  double dx = b->x - a->x, dy = b->y - a->y, length2 = dx * dx + dy * dy, t;

  t = length2 > 0 ? CLAMP (((q->x - a->x) * dx + (q->y - a->y) * dy) / length2, 0, 1) : 0;
  return hypot (q->x - (a->x + t * dx), q->y - (a->y + t * dy));
}

/* Hulls small on screen are drawn from coarse copies of their rings: every point of a
 * traced ring must lie within a fortieth of that ring's own size of its coarse copy, even
 * for a group whose members are spread over the whole map (many small rings far apart). */
static void
test_coarse_rings_follow_hulls (Fixture       *fixture,
                                gconstpointer  data)
{
  for (CvnView view = CVN_VIEW_GRAPH; view <= CVN_VIEW_MAP; view++)
    {
      g_autoptr (CvnLayout) layout = compute (fixture->sample, view, FALSE);
      guint checked = 0;

      for (guint h = 0; h < layout->hulls->len; h++)
        {
          const CvnLayoutHull *hull = &g_array_index (layout->hulls, CvnLayoutHull, h);
          guint coarse = 0;

          for (guint r = 0; r < hull->n_rings; r++)
            {
              const CvnLayoutRing *ring = &g_array_index (layout->rings, CvnLayoutRing,
                                                          hull->first_ring + r);
              const CvnPoint *p = &g_array_index (layout->points, CvnPoint, ring->first_point);
              const CvnLayoutRing *simple;
              const CvnPoint *q;
              double x0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y0 = G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

              if (ring->n_points < 4)
                continue;
              g_assert_cmpuint (coarse, <, hull->n_coarse_rings);
              simple = &g_array_index (layout->rings, CvnLayoutRing,
                                       hull->first_coarse_ring + coarse++);
              q = &g_array_index (layout->points, CvnPoint, simple->first_point);
              g_assert_cmpuint (simple->n_points, >=, 3);
              g_assert_cmpuint (simple->n_points, <=, ring->n_points);
              for (guint i = 0; i < ring->n_points; i++)
                {
                  x0 = MIN (x0, p[i].x);
                  x1 = MAX (x1, p[i].x);
                  y0 = MIN (y0, p[i].y);
                  y1 = MAX (y1, p[i].y);
                }
              for (guint i = 0; i < ring->n_points; i++)
                {
                  double nearest = G_MAXDOUBLE;

                  for (guint j = 0; j < simple->n_points; j++)
                    nearest = MIN (nearest, segment_distance (&p[i], &q[j],
                                                              &q[(j + 1) % simple->n_points]));
                  g_assert_cmpfloat (nearest, <=, MAX (x1 - x0, y1 - y0) / 40 + 1e-6);
                }
              checked++;
            }
          g_assert_cmpuint (coarse, ==, hull->n_coarse_rings);
        }
      g_assert_cmpuint (checked, >, 10);
    }
}

/* Draws @viewport with @renderer onto a new image of @width x @height pixels at device
 * scale @device_scale. */
static cairo_surface_t *
draw_image (CvnRenderer       *renderer,
            const CvnViewport *viewport,
            int                width,
            int                height,
            double             device_scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         (int) (width * device_scale),
                                                         (int) (height * device_scale));
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, device_scale, device_scale);
  cr = cairo_create (surface);
  cvn_renderer_draw (renderer, cr, viewport, NULL, 0);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The largest difference of any channel of any pixel between two images of one size, and
 * how many channels differ by more than a few levels of 255. */
static guint
max_difference (cairo_surface_t *a,
                cairo_surface_t *b,
                guint           *n_different)
{
  int width = cairo_image_surface_get_width (a), height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);
  const guint8 *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  guint worst = 0;

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, height);
  *n_different = 0;
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width * 4; x++)
      {
        guint d = (guint) ABS (pa[y * stride + x] - pb[y * stride + x]);

        worst = MAX (worst, d);
        *n_different += d > 8;
      }
  return worst;
}

/* Draws @viewport (640 x 480 device units at @density) with @renderer, whose kept grounds
 * are under test, and with a new renderer for the same layout, which draws it from
 * nothing; fails unless the pictures agree. A line clipped at a strip's edge or at the
 * image's border may round a pixel's coverage a level or two differently, and cairo may
 * round a handful of pixels on a strip's edge further; a strip left out, misplaced or
 * blended twice differs by far more, in hundreds of channels. */
static void
assert_matches_fresh (CvnRenderer       *renderer,
                      const CvnViewport *viewport,
                      int                density,
                      const char        *what)
{
  g_autoptr (CvnRenderer) fresh = cvn_renderer_new ();
  cairo_surface_t *image, *expected;
  guint n_different, worst;

  cvn_renderer_set_layout (fresh, cvn_renderer_get_layout (renderer));
  image = draw_image (renderer, viewport, 640, 480, density);
  expected = draw_image (fresh, viewport, 640, 480, density);
  worst = max_difference (image, expected, &n_different);
  g_test_message ("%s: %u channels differ, by up to %u", what, n_different, worst);
  if (worst > 48 || n_different > 24)
    g_error ("%s: %u channels differ, by up to %u", what, n_different, worst);
  cairo_surface_destroy (image);
  cairo_surface_destroy (expected);
}

/* Panning scrolls the kept ground and draws only the strips that came into view: the
 * result must be the picture a fresh renderer draws for the same viewport. */
static void
test_pan_matches_fresh (Fixture       *fixture,
                        gconstpointer  data)
{
  static const double moves[][2] = { { 37, -21 }, { -120, 0 }, { 0, 64 }, { 5, 5 } };

  for (CvnView view = CVN_VIEW_STRUCTURE; view <= CVN_VIEW_MAP; view++)
    {
      g_autoptr (CvnLayout) layout = compute (fixture->generated, view, FALSE);
      g_autoptr (CvnRenderer) panned = cvn_renderer_new ();
      CvnViewport viewport;
      cairo_surface_t *image;

      cvn_renderer_set_layout (panned, layout);
      cvn_renderer_fit (panned, 640, 480, &viewport);
      /* Zoomed in, so that the strips cut through hulls, edges, boxes and labels. */
      cvn_viewport_init_centred (&viewport, viewport.x + viewport.width / 2,
                                 viewport.y + viewport.height / 2, viewport.scale * 3,
                                 640, 480);
      image = draw_image (panned, &viewport, 640, 480, 1);
      cairo_surface_destroy (image);
      for (guint m = 0; m < G_N_ELEMENTS (moves); m++)
        {
          g_autofree char *what = g_strdup_printf ("%s view, move %u",
                                                   cvn_view_to_string (view), m);

          viewport.x += moves[m][0] / viewport.scale;
          viewport.y += moves[m][1] / viewport.scale;
          assert_matches_fresh (panned, &viewport, 1, what);
        }
    }
}

/* Going back to a scale drawn before (zoom to fit after a zoom) reuses the ground kept for
 * it, scrolled where the view moved: the picture must still be the one drawn afresh. */
static void
test_zoom_back_matches_fresh (Fixture       *fixture,
                              gconstpointer  data)
{
  for (CvnView view = CVN_VIEW_STRUCTURE; view <= CVN_VIEW_MAP; view++)
    {
      g_autoptr (CvnLayout) layout = compute (fixture->generated, view, FALSE);
      g_autoptr (CvnRenderer) renderer = cvn_renderer_new ();
      CvnViewport fitted, zoomed, back;

      cvn_renderer_set_layout (renderer, layout);
      cvn_renderer_fit (renderer, 640, 480, &fitted);
      cvn_viewport_init_centred (&zoomed, fitted.x + fitted.width / 3,
                                 fitted.y + fitted.height / 3, fitted.scale * 4, 640, 480);
      back = fitted;
      back.x += 23 / back.scale;
      back.y -= 11 / back.scale;
      cairo_surface_destroy (draw_image (renderer, &fitted, 640, 480, 1));
      cairo_surface_destroy (draw_image (renderer, &zoomed, 640, 480, 1));
      assert_matches_fresh (renderer, &back, 1, cvn_view_to_string (view));
    }
}

/* Dragging a node redraws the kept ground only where the layout changed (the node, the
 * hulls around it, its edges): after one move, and after several between two frames,
 * the picture must be the one drawn from nothing. */
static void
test_moved_node_matches_fresh (Fixture       *fixture,
                               gconstpointer  data)
{
  for (CvnView view = CVN_VIEW_STRUCTURE; view <= CVN_VIEW_MAP; view++)
    {
      g_autoptr (CvnLayout) layout = compute (fixture->generated, view, FALSE);
      g_autoptr (CvnRenderer) renderer = cvn_renderer_new ();
      g_autoptr (GArray) in_view = g_array_new (FALSE, FALSE, sizeof (guint));
      CvnViewport viewport;
      const CvnLayoutNode *node = NULL;
      guint index = 0;
      CvnRect damage;

      cvn_renderer_set_layout (renderer, layout);
      cvn_renderer_fit (renderer, 640, 480, &viewport);
      cvn_viewport_init_centred (&viewport, viewport.x + viewport.width / 2,
                                 viewport.y + viewport.height / 2, viewport.scale * 3,
                                 640, 480);
      /* The school nearest the middle of the view. */
      cvn_layout_collect_in_rect (layout,
                                  &(CvnRect) { viewport.x, viewport.y, viewport.width,
                                               viewport.height }, in_view);
      for (guint i = 0; i < in_view->len; i++)
        {
          const CvnLayoutNode *n = cvn_layout_get_node (layout,
                                                        g_array_index (in_view, guint, i));
          double cx = viewport.x + viewport.width / 2, cy = viewport.y + viewport.height / 2;

          if (n->kind == CVN_OBJECT_ESTABLISHMENT &&
              (node == NULL || hypot (n->x - cx, n->y - cy) <
                               hypot (node->x - cx, node->y - cy)))
            {
              index = g_array_index (in_view, guint, i);
              node = n;
            }
        }
      g_assert_nonnull (node);
      cairo_surface_destroy (draw_image (renderer, &viewport, 640, 480, 1));

      cvn_layout_move_node (layout, index, node->x + 30 / viewport.scale,
                            node->y - 20 / viewport.scale);
      g_assert_true (cvn_layout_get_damage (layout, layout->generation - 1, &damage));
      g_assert_cmpfloat (damage.width, >, 0);
      assert_matches_fresh (renderer, &viewport, 1, cvn_view_to_string (view));

      for (int m = 0; m < 3; m++)
        cvn_layout_move_node (layout, index, node->x - 25 / viewport.scale,
                              node->y + 15 / viewport.scale);
      /* And a pan in the same frame. */
      viewport.x += 17 / viewport.scale;
      assert_matches_fresh (renderer, &viewport, 1, cvn_view_to_string (view));

      /* Too many moves ago: the layout no longer knows what changed. */
      g_assert_false (cvn_layout_get_damage (layout, 0, &damage) &&
                      layout->generation > 64);
    }
}

/* A ground drawn by a second renderer (as a canvas's worker thread does) and taken by the
 * first gives the picture a renderer draws from nothing, at a device scale of 2 too; a
 * renderer takes nothing drawn for another layout or style. */
static void
test_prepared_ground (Fixture       *fixture,
                      gconstpointer  data)
{
  for (CvnView view = CVN_VIEW_STRUCTURE; view <= CVN_VIEW_MAP; view++)
    for (int density = 1; density <= 2; density++)
      {
        g_autoptr (CvnLayout) layout = compute (fixture->generated, view, FALSE);
        g_autoptr (CvnLayout) other = compute (fixture->sample, view, FALSE);
        g_autoptr (CvnRenderer) renderer = cvn_renderer_new ();
        g_autoptr (CvnRenderer) worker = cvn_renderer_new ();
        g_autofree char *what = g_strdup_printf ("%s view at density %d",
                                                 cvn_view_to_string (view), density);
        CvnRenderStyle style;
        CvnViewport fitted, zoomed;

        cvn_renderer_set_layout (renderer, layout);
        cvn_renderer_fit (renderer, 640, 480, &fitted);
        cvn_viewport_init_centred (&zoomed, fitted.x + fitted.width / 3,
                                   fitted.y + fitted.height / 3, fitted.scale * 3, 640, 480);
        cairo_surface_destroy (draw_image (renderer, &fitted, 640, 480, density));

        /* Another layout, then another style: nothing is taken. */
        cvn_renderer_set_layout (worker, other);
        cvn_renderer_prepare_ground (worker, &zoomed, density);
        g_assert_false (cvn_renderer_take_ground (renderer, worker));
        cvn_renderer_set_layout (worker, layout);
        cvn_render_style_init (&style);
        style.high_contrast = TRUE;
        cvn_renderer_set_style (worker, &style);
        cvn_renderer_prepare_ground (worker, &zoomed, density);
        g_assert_false (cvn_renderer_take_ground (renderer, worker));

        cvn_render_style_init (&style);
        cvn_renderer_set_style (worker, &style);
        cvn_renderer_prepare_ground (worker, &zoomed, density);
        g_assert_true (cvn_renderer_take_ground (renderer, worker));
        /* Taken, not shared. */
        g_assert_false (cvn_renderer_take_ground (renderer, worker));
        assert_matches_fresh (renderer, &zoomed, density, what);
        /* The ground that was current is kept: going back to the fitted scale. */
        assert_matches_fresh (renderer, &fitted, density, what);
      }
}

/* On a display at twice the density the image has twice the pixels, and the drawing is
 * the same picture, not a stretched one: its pixels are not all doubled. */
static void
test_device_scale (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (CvnLayout) layout = compute (fixture->sample, CVN_VIEW_GRAPH, FALSE);
  g_autoptr (CvnRenderer) renderer = cvn_renderer_new ();
  CvnViewport viewport;
  cairo_surface_t *image;
  const guint8 *data_ptr;
  int stride;
  guint doubled = 0, pairs = 0;

  cvn_renderer_set_layout (renderer, layout);
  cvn_renderer_fit (renderer, 400, 300, &viewport);
  image = draw_image (renderer, &viewport, 400, 300, 2);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 800);
  data_ptr = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);
  for (int y = 0; y < 600; y++)
    for (int x = 0; x < 800; x += 2)
      {
        const guint32 *row = (const guint32 *) (gconstpointer) (data_ptr + y * stride);

        if (row[x] == 0xffffffff && row[x + 1] == 0xffffffff)
          continue;
        pairs++;
        doubled += row[x] == row[x + 1];
      }
  g_assert_cmpuint (pairs, >, 1000);
  g_assert_cmpuint (doubled, <, pairs * 9 / 10);
  cairo_surface_destroy (image);
}

static void
test_generator (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-generate-XXXXXX", &error);
  g_autofree char *a_path = g_build_filename (dir, "a.convenor", NULL);
  g_autofree char *b_path = g_build_filename (dir, "b.convenor", NULL);
  g_autoptr (CvnDocument) a = cvn_generate_create (a_path, 700, 3, &error);
  g_autoptr (CvnDocument) b = NULL;
  g_autoptr (CvnSnapshot) sa = NULL;
  g_autoptr (CvnSnapshot) sb = NULL;
  guint clusters = 0, alliances = 0, boards = 0, cross = 0;

  g_assert_no_error (error);
  b = cvn_generate_create (b_path, 700, 3, &error);
  g_assert_no_error (error);
  sa = load (a);
  sb = load (b);

  /* Deterministic: the same seed writes the same schools at the same places. */
  g_assert_cmpuint (sa->establishments->len, ==, 700);
  g_assert_cmpuint (sb->establishments->len, ==, 700);
  g_assert_cmpuint (sa->memberships->len, ==, sb->memberships->len);
  for (guint i = 0; i < sa->establishments->len; i++)
    {
      const CvnEstablishment *ea = &g_array_index (sa->establishments, CvnEstablishment, i);
      const CvnEstablishment *eb = &g_array_index (sb->establishments, CvnEstablishment, i);

      g_assert_cmpstr (ea->name, ==, eb->name);
      g_assert_cmpfloat (ea->easting, ==, eb->easting);
      g_assert_cmpfloat (ea->northing, ==, eb->northing);
    }

  /* The sample's shape: about a cluster per seven schools, an alliance per five clusters,
   * one board, and cross-cutting groups. */
  for (guint i = 0; i < sa->groups->len; i++)
    {
      const CvnGroup *g = &g_array_index (sa->groups, CvnGroup, i);

      clusters += g_str_equal (g->kind, "cluster");
      alliances += g_str_equal (g->kind, "alliance");
      boards += g_str_equal (g->kind, "board");
      cross += g->tier == 0;
    }
  g_assert_cmpuint (clusters, ==, 100);
  g_assert_cmpuint (alliances, ==, 20);
  g_assert_cmpuint (boards, ==, 1);
  g_assert_cmpuint (cross, >=, 4);
  g_assert_cmpuint (sa->people->len, ==, 700);

  g_clear_object (&a);
  g_clear_object (&b);
  remove_tree (dir);
}

static void
run_cli (const char * const *args,
         int                *status)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  const char *cli = g_getenv ("CONVENOR_CLI");
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err,
                status, &error);
  g_assert_no_error (error);
}

static void
test_cli_render (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *cli = g_getenv ("CONVENOR_CLI");
  g_autofree char *png = g_build_filename (fixture->dir, "graph.png", NULL);
  g_autofree char *generated = g_build_filename (fixture->dir, "cli.convenor", NULL);
  const char *views[] = { "structure", "graph", "map" };
  int status;

  if (cli == NULL)
    {
      g_test_skip ("CONVENOR_CLI is not set");
      return;
    }

  {
    const char *args[] = { "generate", generated, "--schools", "150", "--seed", "2", NULL };

    run_cli (args, &status);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      const char *args[] = { "render", cvn_document_get_path (fixture->sample), "--view",
                             views[v], "--to", png, "--width", "640", "--height", "400", NULL };
      const char *generated_args[] = { "render", generated, "--view", views[v], "--to", png,
                                       NULL };
      cairo_surface_t *image;

      run_cli (args, &status);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      image = cairo_image_surface_create_from_png (png);
      g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (image), ==, 640);
      g_assert_cmpint (cairo_image_surface_get_height (image), ==, 400);
      cairo_surface_destroy (image);

      /* The default size is 1600 x 1000. */
      run_cli (generated_args, &status);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      image = cairo_image_surface_create_from_png (png);
      g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1600);
      g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1000);
      cairo_surface_destroy (image);
    }

  {
    const char *bad_view[] = { "render", cvn_document_get_path (fixture->sample), "--view",
                               "globe", "--to", png, NULL };
    const char *bad_group[] = { "render", cvn_document_get_path (fixture->sample), "--view",
                                "graph", "--group", "No Such Group", "--to", png, NULL };

    run_cli (bad_view, &status);
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    run_cli (bad_group, &status);
    g_assert_false (g_spawn_check_wait_status (status, NULL));
  }
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cvn/render/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("hulls-contain-members", test_hulls_contain_members);
  ADD ("overlapping-hulls", test_overlapping_hulls);
  ADD ("structure-labels-disjoint", test_structure_labels_disjoint);
  ADD ("structure-lists-every-school", test_structure_lists_every_school);
  ADD ("nodes-inside-page", test_nodes_inside_page);
  ADD ("floating-labels-disjoint", test_floating_labels_disjoint);
  ADD ("deterministic", test_deterministic);
  ADD ("pinned-node-stays", test_pinned_node_stays);
  ADD ("adding-school-is-stable", test_adding_school_is_stable);
  ADD ("hit-test", test_hit_test);
  ADD ("map-lists-unplaced", test_map_lists_unplaced);
  ADD ("focus-group", test_focus_group);
  ADD ("hide-people", test_hide_people);
  ADD ("vector-target", test_vector_target);
  ADD ("pan-matches-fresh", test_pan_matches_fresh);
  ADD ("zoom-back-matches-fresh", test_zoom_back_matches_fresh);
  ADD ("prepared-ground", test_prepared_ground);
  ADD ("structure-counts-groups", test_structure_counts_groups);
  ADD ("moved-node-matches-fresh", test_moved_node_matches_fresh);
  ADD ("coarse-rings-follow-hulls", test_coarse_rings_follow_hulls);
  ADD ("device-scale", test_device_scale);
  ADD ("cli", test_cli_render);
#undef ADD
  g_test_add_func ("/cvn/generate/deterministic-shape", test_generator);

  status = g_test_run ();
  /* Font caches live as long as the process; free them so the leak checker sees ours. */
  return status;
}
