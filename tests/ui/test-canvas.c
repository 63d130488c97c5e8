/* test-canvas.c — the Diagram page: the canvas's viewport, selection shared with the outline,
 * dragging and saving nodes, views, keyboard focus, and presentation mode.
 *
 * Each test opens a fresh copy of the sample borough in a window, which opens on the Diagram
 * page. Input goes through the canvas's cvn_canvas_drag_*(), _scroll() and _key_press(),
 * which its event controllers call with the same arguments, so the tests exercise what a
 * pointer or a keyboard would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-canvas"

#include "config.h"

#include "cvn-canvas-page.h"
#include "cvn-edits.h"
#include "cvn-presentation.h"
#include "cvn-sample.h"
#include "cvn-window.h"
#include "ui-util.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

typedef struct
{
  CvnTestSample  sample;
  CvnCanvasPage *page;
  CvnCanvas     *canvas;
} Fixture;

static gboolean
canvas_is_allocated (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) > 100 &&
         gtk_widget_get_height (GTK_WIDGET (data)) > 100;
}

/* Runs whatever is pending: idles (the canvas follows the outline from one) and redraws,
 * until nothing is left or a few seconds have gone (a window may keep redrawing). */
static void
settle (void)
{
  gint64 deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

  for (int i = 0; i < 10000 && g_get_monotonic_time () < deadline; i++)
    if (!g_main_context_iteration (NULL, FALSE) && !g_main_context_pending (NULL))
      break;
}

/* Runs the main loop until @object is the canvas's only selected object, or 60 s pass. The
 * outline hands its selection to the canvas from an idle callback, which a slow (sanitized)
 * build can reach only after settle () has given up. */
static void
wait_for_only_selected (CvnCanvas     *canvas,
                        CvnObjectKind  kind,
                        gint64         id)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  guint n_selected = 0;

  while (g_get_monotonic_time () < deadline)
    {
      cvn_canvas_get_selection (canvas, &n_selected);
      if (n_selected == 1 && cvn_canvas_is_selected (canvas, kind, id))
        break;
      g_main_context_iteration (NULL, FALSE);
    }
  settle ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);

  /* The memory backend keeps settings for the whole run: each test starts from the
   * defaults (the structure view). */
  g_settings_reset (settings, "view");
  g_settings_reset (settings, "hide-people");
  cvn_test_sample_open (&fixture->sample);
  gtk_window_set_default_size (GTK_WINDOW (fixture->sample.window), 1400, 860);
  gtk_window_present (GTK_WINDOW (fixture->sample.window));
  fixture->page = cvn_canvas_page_get_for_window (fixture->sample.window);
  g_assert_nonnull (fixture->page);
  fixture->canvas = cvn_canvas_page_get_canvas (fixture->page);
  cvn_test_iterate_until (canvas_is_allocated, fixture->canvas);
  settle ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&fixture->sample.window)));
  settle ();
  cvn_test_sample_close (&fixture->sample);
}

/* Helpers -------------------------------------------------------------------------------- */

static CvnLayout *
layout_of (Fixture *fixture)
{
  CvnLayout *layout = cvn_canvas_get_layout (fixture->canvas);

  g_assert_nonnull (layout);
  return layout;
}

static const CvnLayoutNode *
node_of (Fixture       *fixture,
         CvnObjectKind  kind,
         gint64         id)
{
  CvnLayout *layout = layout_of (fixture);
  int index = cvn_layout_find_node (layout, kind, id);

  g_assert_cmpint (index, >=, 0);
  return cvn_layout_get_node (layout, (guint) index);
}

/* A school in a cluster that sits in an alliance. */
static const CvnEstablishment *
clustered_school (CvnSnapshot     *snapshot,
                  const CvnGroup **out_cluster)
{
  for (guint i = 0; i < snapshot->groups->len; i++)
    {
      const CvnGroup *cluster = &g_array_index (snapshot->groups, CvnGroup, i);
      g_autoptr (GPtrArray) members = NULL;

      if (cluster->tier != 1 || cluster->parent_id == 0)
        continue;
      members = cvn_snapshot_get_members (snapshot, cluster->id, TRUE);
      for (guint j = 0; j < members->len; j++)
        {
          const CvnMembership *m = g_ptr_array_index (members, j);

          if (m->member_kind == CVN_OBJECT_ESTABLISHMENT)
            {
              if (out_cluster != NULL)
                *out_cluster = cluster;
              return cvn_snapshot_find_establishment (snapshot, m->member_id);
            }
        }
    }
  return NULL;
}

/* Brings a node to the middle of the canvas and returns where its centre is drawn. */
static void
centre_node (Fixture       *fixture,
             CvnObjectKind  kind,
             gint64         id,
             double        *x,
             double        *y)
{
  int index = cvn_layout_find_node (layout_of (fixture), kind, id);
  const CvnLayoutNode *node;

  g_assert_cmpint (index, >=, 0);
  cvn_canvas_show_node (fixture->canvas, (guint) index, TRUE);
  node = cvn_layout_get_node (layout_of (fixture), (guint) index);
  cvn_canvas_layout_to_widget (fixture->canvas, node->x, node->y, x, y);
}

static void
click_at (Fixture        *fixture,
          double          x,
          double          y,
          GdkModifierType state)
{
  cvn_canvas_drag_begin (fixture->canvas, x, y, GDK_BUTTON_PRIMARY, state);
  cvn_canvas_drag_end (fixture->canvas, x, y);
}

static void
drag (Fixture        *fixture,
      double          x0,
      double          y0,
      double          x1,
      double          y1,
      GdkModifierType state)
{
  cvn_canvas_drag_begin (fixture->canvas, x0, y0, GDK_BUTTON_PRIMARY, state);
  for (int step = 1; step <= 5; step++)
    cvn_canvas_drag_update (fixture->canvas, x0 + (x1 - x0) * step / 5,
                            y0 + (y1 - y0) * step / 5);
  cvn_canvas_drag_end (fixture->canvas, x1, y1);
}

/* A point of the canvas with nothing under it. */
static void
empty_point (Fixture *fixture,
             double  *x,
             double  *y)
{
  int width = gtk_widget_get_width (GTK_WIDGET (fixture->canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (fixture->canvas));

  for (int py = 20; py < height - 20; py += 7)
    for (int px = 20; px < width - 200; px += 7)
      {
        CvnLayoutHit hit;

        if (!cvn_canvas_hit_test (fixture->canvas, px, py, &hit))
          {
            *x = px;
            *y = py;
            return;
          }
      }
  g_assert_not_reached ();
}

static gboolean
outline_has (CvnWindow     *window,
             CvnObjectKind  kind,
             gint64         id)
{
  g_autoptr (GArray) selected = cvn_window_get_selected_objects (window);

  for (guint i = 0; i < selected->len; i++)
    if (g_array_index (selected, CvnObjectRef, i).kind == kind &&
        g_array_index (selected, CvnObjectRef, i).id == id)
      return TRUE;
  return FALSE;
}

static gboolean
read_position (CvnDocument   *document,
               const char    *view,
               CvnObjectKind  kind,
               gint64         id,
               double        *x,
               double        *y,
               gboolean      *pinned)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = cvn_document_prepare (document,
                                                        "SELECT x, y, pinned FROM layouts "
                                                        "WHERE view = ?1 AND object_kind = ?2 "
                                                        "AND object_id = ?3", &error);

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, view, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, cvn_object_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  *x = sqlite3_column_double (stmt, 0);
  *y = sqlite3_column_double (stmt, 1);
  *pinned = sqlite3_column_int (stmt, 2) != 0;
  return TRUE;
}

/* Tests ---------------------------------------------------------------------------------- */

static void
test_default_page (Fixture       *fixture,
                   gconstpointer  user_data)
{
  CvnLayout *layout = layout_of (fixture);

  g_assert_cmpstr (cvn_window_get_visible_page (fixture->sample.window), ==, "diagram");
  g_assert_cmpint (cvn_canvas_page_get_view (fixture->page), ==, CVN_VIEW_STRUCTURE);
  g_assert_cmpint (layout->view, ==, CVN_VIEW_STRUCTURE);
  g_assert_cmpuint (layout->nodes->len, >, 100);
  /* Drawing a frame works and is quick for the sample. */
  g_assert_cmpfloat (cvn_canvas_render_now (fixture->canvas), <, 1000);
}

static void
test_pan (Fixture       *fixture,
          gconstpointer  user_data)
{
  CvnViewport before, after;
  double x, y;

  cvn_canvas_page_set_view (fixture->page, CVN_VIEW_GRAPH);
  cvn_canvas_zoom_in (fixture->canvas);
  cvn_canvas_zoom_in (fixture->canvas);
  cvn_canvas_get_viewport (fixture->canvas, &before);

  /* Dragging empty space moves the drawing with the pointer. */
  empty_point (fixture, &x, &y);
  drag (fixture, x, y, x + 60, y + 40, 0);
  cvn_canvas_get_viewport (fixture->canvas, &after);
  g_assert_cmpfloat_with_epsilon (after.x, before.x - 60 / before.scale, 1e-6);
  g_assert_cmpfloat_with_epsilon (after.y, before.y - 40 / before.scale, 1e-6);
  g_assert_cmpfloat (after.scale, ==, before.scale);

  /* A click on empty space is no pan. */
  before = after;
  click_at (fixture, x, y, 0);
  cvn_canvas_get_viewport (fixture->canvas, &after);
  g_assert_cmpfloat (after.x, ==, before.x);

  /* The wheel scrolls down and, with Shift, sideways. */
  cvn_canvas_scroll (fixture->canvas, 0, 1, GDK_SCROLL_UNIT_WHEEL, 0);
  cvn_canvas_get_viewport (fixture->canvas, &after);
  g_assert_cmpfloat (after.y, >, before.y);
  before = after;
  cvn_canvas_scroll (fixture->canvas, 0, 1, GDK_SCROLL_UNIT_WHEEL, GDK_SHIFT_MASK);
  cvn_canvas_get_viewport (fixture->canvas, &after);
  g_assert_cmpfloat (after.x, >, before.x);
  g_assert_cmpfloat (after.y, ==, before.y);
}

static void
test_zoom (Fixture       *fixture,
           gconstpointer  user_data)
{
  CvnLayout *layout;
  CvnViewport before, after;
  double cx, cy, lx, ly, lx2, ly2;

  cvn_canvas_page_set_view (fixture->page, CVN_VIEW_GRAPH);
  layout = layout_of (fixture);
  cvn_canvas_get_viewport (fixture->canvas, &before);

  cvn_canvas_zoom_in (fixture->canvas);
  cvn_canvas_get_viewport (fixture->canvas, &after);
  g_assert_cmpfloat (after.scale, >, before.scale * 1.1);
  cvn_canvas_zoom_out (fixture->canvas);
  cvn_canvas_get_viewport (fixture->canvas, &after);
  g_assert_cmpfloat_with_epsilon (after.scale, before.scale, 1e-9);

  /* The keys do what the buttons do. */
  g_assert_true (cvn_canvas_key_press (fixture->canvas, GDK_KEY_plus, 0));
  cvn_canvas_get_viewport (fixture->canvas, &after);
  g_assert_cmpfloat (after.scale, >, before.scale * 1.1);

  /* Ctrl and the wheel zoom about the pointer: the point under it stays put. */
  cx = gtk_widget_get_width (GTK_WIDGET (fixture->canvas)) / 2.0;
  cy = gtk_widget_get_height (GTK_WIDGET (fixture->canvas)) / 2.0;
  cvn_canvas_widget_to_layout (fixture->canvas, cx, cy, &lx, &ly);
  before = after;
  cvn_canvas_scroll (fixture->canvas, 0, -1, GDK_SCROLL_UNIT_WHEEL, GDK_CONTROL_MASK);
  cvn_canvas_get_viewport (fixture->canvas, &after);
  g_assert_cmpfloat (after.scale, >, before.scale);
  cvn_canvas_widget_to_layout (fixture->canvas, cx, cy, &lx2, &ly2);
  g_assert_cmpfloat_with_epsilon (lx, lx2, 1e-6);
  g_assert_cmpfloat_with_epsilon (ly, ly2, 1e-6);

  /* Zoom to fit shows every node: Ctrl+0 on the page, as the key binding does. */
  cvn_canvas_zoom_in (fixture->canvas);
  cvn_canvas_zoom_in (fixture->canvas);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "canvas.zoom-fit", NULL);
  cvn_canvas_get_viewport (fixture->canvas, &after);
  g_assert_cmpfloat (after.scale, <, before.scale);
  for (guint i = 0; i < layout->nodes->len; i++)
    {
      const CvnLayoutNode *node = cvn_layout_get_node (layout, i);

      g_assert_cmpfloat (node->x, >=, after.x);
      g_assert_cmpfloat (node->y, >=, after.y);
      g_assert_cmpfloat (node->x, <=, after.x + after.width);
      g_assert_cmpfloat (node->y, <=, after.y + after.height);
    }
}

static void
test_click_select (Fixture       *fixture,
                   gconstpointer  user_data)
{
  CvnSnapshot *snapshot = cvn_window_get_snapshot (fixture->sample.window);
  const CvnGroup *cluster = NULL;
  const CvnEstablishment *school = clustered_school (snapshot, &cluster);
  gint64 school_id = school->id, cluster_id = cluster->id;
  guint n_selected;
  const CvnObjectRef *selected;
  double x, y;

  /* A click on a school's row selects it, and the outline follows. */
  centre_node (fixture, CVN_OBJECT_ESTABLISHMENT, school_id, &x, &y);
  click_at (fixture, x, y, 0);
  selected = cvn_canvas_get_selection (fixture->canvas, &n_selected);
  g_assert_cmpuint (n_selected, ==, 1);
  g_assert_cmpint (selected[0].kind, ==, CVN_OBJECT_ESTABLISHMENT);
  g_assert_cmpint (selected[0].id, ==, school_id);
  settle ();
  g_assert_true (outline_has (fixture->sample.window, CVN_OBJECT_ESTABLISHMENT, school_id));
  g_assert_cmpint (cvn_details_pane_get_id (cvn_window_get_details_pane (fixture->sample.window)),
                   ==, school_id);

  /* Shift and a click on the cluster's box adds it. */
  centre_node (fixture, CVN_OBJECT_GROUP, cluster_id, &x, &y);
  click_at (fixture, x, y, GDK_SHIFT_MASK);
  g_assert_true (cvn_canvas_is_selected (fixture->canvas, CVN_OBJECT_ESTABLISHMENT, school_id));
  g_assert_true (cvn_canvas_is_selected (fixture->canvas, CVN_OBJECT_GROUP, cluster_id));
  settle ();
  g_assert_true (outline_has (fixture->sample.window, CVN_OBJECT_GROUP, cluster_id));
  g_assert_true (outline_has (fixture->sample.window, CVN_OBJECT_ESTABLISHMENT, school_id));

  /* The other way: choosing in the outline selects on the canvas. */
  g_assert_true (cvn_window_select_object (fixture->sample.window, CVN_OBJECT_GROUP, cluster_id));
  wait_for_only_selected (fixture->canvas, CVN_OBJECT_GROUP, cluster_id);
  selected = cvn_canvas_get_selection (fixture->canvas, &n_selected);
  g_assert_cmpuint (n_selected, ==, 1);
  g_assert_cmpint (selected[0].id, ==, cluster_id);

  /* A click on nothing clears the selection, there and in the outline. */
  {
    double ex, ey;

    empty_point (fixture, &ex, &ey);
    click_at (fixture, ex, ey, 0);
  }
  cvn_canvas_get_selection (fixture->canvas, &n_selected);
  g_assert_cmpuint (n_selected, ==, 0);
  settle ();
  g_assert_false (outline_has (fixture->sample.window, CVN_OBJECT_GROUP, cluster_id));
}

static void
test_outline_centres (Fixture       *fixture,
                      gconstpointer  user_data)
{
  CvnSnapshot *snapshot = cvn_window_get_snapshot (fixture->sample.window);
  const CvnEstablishment *school = clustered_school (snapshot, NULL);
  gint64 school_id = school->id;
  const CvnLayoutNode *node;
  double x, y;

  cvn_canvas_page_set_view (fixture->page, CVN_VIEW_MAP);
  /* Far away from the school... */
  node = node_of (fixture, CVN_OBJECT_ESTABLISHMENT, school_id);
  cvn_canvas_set_viewport (fixture->canvas, node->x + 5000, node->y + 5000, 2.0);
  /* ...choosing it in the outline brings it into view. */
  g_assert_true (cvn_window_select_object (fixture->sample.window, CVN_OBJECT_ESTABLISHMENT,
                                           school_id));
  wait_for_only_selected (fixture->canvas, CVN_OBJECT_ESTABLISHMENT, school_id);
  g_assert_true (cvn_canvas_is_selected (fixture->canvas, CVN_OBJECT_ESTABLISHMENT, school_id));
  node = node_of (fixture, CVN_OBJECT_ESTABLISHMENT, school_id);
  cvn_canvas_layout_to_widget (fixture->canvas, node->x, node->y, &x, &y);
  g_assert_cmpfloat (x, >, 0);
  g_assert_cmpfloat (y, >, 0);
  g_assert_cmpfloat (x, <, gtk_widget_get_width (GTK_WIDGET (fixture->canvas)));
  g_assert_cmpfloat (y, <, gtk_widget_get_height (GTK_WIDGET (fixture->canvas)));
}

static void
test_rubber_band (Fixture       *fixture,
                  gconstpointer  user_data)
{
  CvnLayout *layout;
  g_autoptr (GHashTable) expected = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  double x0, y0, x1, y1, lx0, ly0, lx1, ly1;
  guint n_selected;
  const CvnObjectRef *selected;

  cvn_canvas_page_set_view (fixture->page, CVN_VIEW_GRAPH);
  layout = layout_of (fixture);
  x0 = gtk_widget_get_width (GTK_WIDGET (fixture->canvas)) * 0.3;
  y0 = gtk_widget_get_height (GTK_WIDGET (fixture->canvas)) * 0.3;
  x1 = x0 + 180;
  y1 = y0 + 140;
  cvn_canvas_widget_to_layout (fixture->canvas, x0, y0, &lx0, &ly0);
  cvn_canvas_widget_to_layout (fixture->canvas, x1, y1, &lx1, &ly1);
  g_array_set_size (keys, layout->nodes->len);
  for (guint i = 0; i < layout->nodes->len; i++)
    {
      const CvnLayoutNode *node = cvn_layout_get_node (layout, i);

      g_array_index (keys, gint64, i) = cvn_layout_key (node->kind, node->id);
      if (node->kind != CVN_OBJECT_NONE && !(node->flags & CVN_NODE_PSEUDO) &&
          node->x >= lx0 && node->x <= lx1 && node->y >= ly0 && node->y <= ly1)
        g_hash_table_add (expected, &g_array_index (keys, gint64, i));
    }
  g_assert_cmpuint (g_hash_table_size (expected), >, 1);

  /* Shift and a drag draws a band, wherever it starts; what it encloses is selected. */
  drag (fixture, x0, y0, x1, y1, GDK_SHIFT_MASK);
  selected = cvn_canvas_get_selection (fixture->canvas, &n_selected);
  g_assert_cmpuint (n_selected, ==, g_hash_table_size (expected));
  for (guint i = 0; i < n_selected; i++)
    {
      gint64 key = cvn_layout_key (selected[i].kind, selected[i].id);

      g_assert_true (g_hash_table_contains (expected, &key));
    }
  settle ();
  for (guint i = 0; i < n_selected; i++)
    if (selected[i].kind == CVN_OBJECT_ESTABLISHMENT)
      g_assert_true (outline_has (fixture->sample.window, selected[i].kind, selected[i].id));
}

static void
test_drag_node (Fixture       *fixture,
                gconstpointer  user_data)
{
  CvnSnapshot *snapshot = cvn_window_get_snapshot (fixture->sample.window);
  const CvnEstablishment *school = clustered_school (snapshot, NULL);
  gint64 school_id = school->id;
  g_autofree char *name = g_strdup (school->name);
  g_autofree char *label = g_strdup_printf ("Move %s", name);
  const CvnLayoutNode *node, *other;
  g_autoptr (GError) error = NULL;
  double old_x, old_y, x, y, saved_x, saved_y, other_x, other_y, scale;
  gint64 other_id = 0;
  gboolean pinned;
  CvnViewport viewport;

  cvn_canvas_page_set_view (fixture->page, CVN_VIEW_GRAPH);
  cvn_canvas_zoom_in (fixture->canvas);
  node = node_of (fixture, CVN_OBJECT_ESTABLISHMENT, school_id);
  old_x = node->x;
  old_y = node->y;
  /* Some other school, which must stay where it is. */
  for (guint i = 0; i < snapshot->establishments->len && other_id == 0; i++)
    {
      const CvnEstablishment *e = &g_array_index (snapshot->establishments, CvnEstablishment, i);

      if (e->id != school_id &&
          cvn_layout_find_node (layout_of (fixture), CVN_OBJECT_ESTABLISHMENT, e->id) >= 0)
        other_id = e->id;
    }
  other = node_of (fixture, CVN_OBJECT_ESTABLISHMENT, other_id);
  other_x = other->x;
  other_y = other->y;
  g_assert_false (read_position (fixture->sample.document, "graph", CVN_OBJECT_ESTABLISHMENT,
                                 school_id, &saved_x, &saved_y, &pinned));

  centre_node (fixture, CVN_OBJECT_ESTABLISHMENT, school_id, &x, &y);
  cvn_canvas_get_viewport (fixture->canvas, &viewport);
  scale = viewport.scale;
  drag (fixture, x, y, x + 50, y + 30, 0);
  settle ();

  /* Saved, pinned, as one undoable edit named after the school... */
  g_assert_true (read_position (fixture->sample.document, "graph", CVN_OBJECT_ESTABLISHMENT,
                                school_id, &saved_x, &saved_y, &pinned));
  g_assert_true (pinned);
  g_assert_cmpfloat_with_epsilon (saved_x, old_x + 50 / scale, 1e-6);
  g_assert_cmpfloat_with_epsilon (saved_y, old_y + 30 / scale, 1e-6);
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->sample.document), ==, label);

  /* ...and drawn there after the document reloaded, with nothing else moved. */
  node = node_of (fixture, CVN_OBJECT_ESTABLISHMENT, school_id);
  g_assert_cmpfloat_with_epsilon (node->x, saved_x, 1e-6);
  g_assert_cmpfloat_with_epsilon (node->y, saved_y, 1e-6);
  g_assert_true (node->flags & CVN_NODE_PINNED);
  other = node_of (fixture, CVN_OBJECT_ESTABLISHMENT, other_id);
  g_assert_cmpfloat_with_epsilon (other->x, other_x, 1e-6);
  g_assert_cmpfloat_with_epsilon (other->y, other_y, 1e-6);

  /* Undo puts it back. */
  g_assert_true (cvn_document_undo (fixture->sample.document, &error));
  g_assert_no_error (error);
  settle ();
  g_assert_false (read_position (fixture->sample.document, "graph", CVN_OBJECT_ESTABLISHMENT,
                                 school_id, &saved_x, &saved_y, &pinned));
  node = node_of (fixture, CVN_OBJECT_ESTABLISHMENT, school_id);
  g_assert_cmpfloat_with_epsilon (node->x, old_x, 1e-6);
  g_assert_cmpfloat_with_epsilon (node->y, old_y, 1e-6);
  g_assert_false (node->flags & CVN_NODE_PINNED);
  other = node_of (fixture, CVN_OBJECT_ESTABLISHMENT, other_id);
  g_assert_cmpfloat_with_epsilon (other->x, other_x, 1e-6);
  g_assert_cmpfloat_with_epsilon (other->y, other_y, 1e-6);
}

static void
test_drag_structure_group (Fixture       *fixture,
                           gconstpointer  user_data)
{
  CvnSnapshot *snapshot = cvn_window_get_snapshot (fixture->sample.window);
  const CvnGroup *cluster = NULL;
  gint64 cluster_id;
  const CvnLayoutNode *node;
  g_autoptr (GError) error = NULL;
  double x, y, old_x, saved_x, saved_y;
  gboolean pinned;

  clustered_school (snapshot, &cluster);
  cluster_id = cluster->id;
  node = node_of (fixture, CVN_OBJECT_GROUP, cluster_id);
  old_x = node->x;
  centre_node (fixture, CVN_OBJECT_GROUP, cluster_id, &x, &y);
  drag (fixture, x, y, x - 80, y, 0);
  settle ();
  g_assert_true (read_position (fixture->sample.document, "structure", CVN_OBJECT_GROUP, cluster_id,
                                &saved_x, &saved_y, &pinned));
  g_assert_true (pinned);
  node = node_of (fixture, CVN_OBJECT_GROUP, cluster_id);
  g_assert_cmpfloat (node->x, <, old_x - 10);
  g_assert_true (cvn_document_undo (fixture->sample.document, &error));
  g_assert_no_error (error);
  settle ();
  node = node_of (fixture, CVN_OBJECT_GROUP, cluster_id);
  g_assert_cmpfloat_with_epsilon (node->x, old_x, 1e-6);
}

static void
test_document_change_keeps_layout (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  CvnLayout *layout;
  g_autoptr (GArray) before = g_array_new (FALSE, FALSE, sizeof (CvnLayoutNode));
  g_autoptr (GError) error = NULL;
  CvnViewport viewport_before, viewport_after;
  const CvnGroup *cluster = NULL;
  gint64 id, cluster_id;

  clustered_school (cvn_window_get_snapshot (fixture->sample.window), &cluster);
  cluster_id = cluster->id;

  cvn_canvas_page_set_view (fixture->page, CVN_VIEW_GRAPH);
  layout = layout_of (fixture);
  g_array_append_vals (before, layout->nodes->data, layout->nodes->len);
  cvn_canvas_get_viewport (fixture->canvas, &viewport_before);

  /* A new school, in a group: the graph places it, and nothing else moves. */
  id = cvn_edit_create_establishment (fixture->sample.document, "Test Newbuild Primary", &error);
  g_assert_no_error (error);
  g_assert_cmpint (cvn_edit_add_membership (fixture->sample.document, cluster_id,
                                            CVN_OBJECT_ESTABLISHMENT, id, CVN_ROLE_MEMBER,
                                            "", "", &error), >, 0);
  g_assert_no_error (error);
  settle ();
  layout = layout_of (fixture);
  g_assert_cmpint (cvn_layout_find_node (layout, CVN_OBJECT_ESTABLISHMENT, id), >=, 0);
  for (guint i = 0; i < before->len; i++)
    {
      const CvnLayoutNode *old = &g_array_index (before, CvnLayoutNode, i);
      int index;

      if (old->kind == CVN_OBJECT_NONE)
        continue;
      index = cvn_layout_find_node (layout, old->kind, old->id);
      g_assert_cmpint (index, >=, 0);
      g_assert_cmpfloat_with_epsilon (cvn_layout_get_node (layout, (guint) index)->x, old->x,
                                      1e-6);
      g_assert_cmpfloat_with_epsilon (cvn_layout_get_node (layout, (guint) index)->y, old->y,
                                      1e-6);
    }
  /* The view stays where the user had it. */
  cvn_canvas_get_viewport (fixture->canvas, &viewport_after);
  g_assert_cmpfloat (viewport_after.scale, ==, viewport_before.scale);
  g_assert_cmpfloat (viewport_after.x, ==, viewport_before.x);
}

static void
test_switch_view (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  CvnSnapshot *snapshot = cvn_window_get_snapshot (fixture->sample.window);
  const CvnEstablishment *school = clustered_school (snapshot, NULL);
  gint64 school_id = school->id;
  double structure_x, graph_x;

  structure_x = node_of (fixture, CVN_OBJECT_ESTABLISHMENT, school_id)->x;
  cvn_canvas_page_set_view (fixture->page, CVN_VIEW_GRAPH);
  g_assert_cmpint (layout_of (fixture)->view, ==, CVN_VIEW_GRAPH);
  g_assert_cmpstr (g_settings_get_string (settings, "view"), ==, "graph");
  graph_x = node_of (fixture, CVN_OBJECT_ESTABLISHMENT, school_id)->x;
  g_assert_cmpfloat (graph_x, !=, structure_x);

  cvn_canvas_page_set_view (fixture->page, CVN_VIEW_MAP);
  g_assert_cmpint (layout_of (fixture)->view, ==, CVN_VIEW_MAP);
  g_assert_cmpstr (g_settings_get_string (settings, "view"), ==, "map");
  g_assert_cmpfloat (layout_of (fixture)->metres_per_unit, >, 0);

  cvn_canvas_page_set_view (fixture->page, CVN_VIEW_STRUCTURE);
  g_assert_cmpint (layout_of (fixture)->view, ==, CVN_VIEW_STRUCTURE);
  g_assert_cmpfloat (node_of (fixture, CVN_OBJECT_ESTABLISHMENT, school_id)->x, ==,
                     structure_x);
  g_assert_cmpstr (g_settings_get_string (settings, "view"), ==, "structure");
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  user_data)
{
  CvnSnapshot *snapshot = cvn_window_get_snapshot (fixture->sample.window);
  CvnLayout *layout;
  guint n_schools = 0;

  cvn_canvas_page_set_view (fixture->page, CVN_VIEW_GRAPH);
  cvn_canvas_page_set_filters (fixture->page, "secondary", -1, NULL);
  layout = layout_of (fixture);
  for (guint i = 0; i < layout->nodes->len; i++)
    {
      const CvnLayoutNode *node = cvn_layout_get_node (layout, i);

      if (node->kind != CVN_OBJECT_ESTABLISHMENT)
        continue;
      g_assert_cmpstr (cvn_snapshot_find_establishment (snapshot, node->id)->phase, ==,
                       "secondary");
      n_schools++;
    }
  g_assert_cmpuint (n_schools, >, 0);

  cvn_canvas_page_set_filters (fixture->page, NULL, 2, NULL);
  layout = layout_of (fixture);
  for (guint i = 0; i < layout->nodes->len; i++)
    {
      const CvnLayoutNode *node = cvn_layout_get_node (layout, i);

      if (node->kind == CVN_OBJECT_GROUP && !(node->flags & CVN_NODE_PSEUDO))
        g_assert_cmpint (cvn_snapshot_find_group (snapshot, node->id)->tier, ==, 2);
    }
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  user_data)
{
  CvnLayout *layout = layout_of (fixture);
  const CvnLayoutNode *node;
  int first, second;
  guint n_selected;
  const CvnObjectRef *selected;

  gtk_widget_grab_focus (GTK_WIDGET (fixture->canvas));
  g_assert_cmpint (cvn_canvas_get_focus_node (fixture->canvas), ==, -1);

  /* Tab walks the nodes in the layout's order, from the top of the tree. */
  g_assert_true (cvn_canvas_key_press (fixture->canvas, GDK_KEY_Tab, 0));
  first = cvn_canvas_get_focus_node (fixture->canvas);
  g_assert_cmpint (first, >=, 0);
  node = cvn_layout_get_node (layout, (guint) first);
  g_assert_cmpint (node->kind, ==, CVN_OBJECT_GROUP);
  g_assert_true (cvn_canvas_key_press (fixture->canvas, GDK_KEY_Tab, 0));
  second = cvn_canvas_get_focus_node (fixture->canvas);
  g_assert_cmpint (second, >, first);

  /* The focused node is selected, so the outline (which screen readers read) names it. */
  node = cvn_layout_get_node (layout, (guint) second);
  selected = cvn_canvas_get_selection (fixture->canvas, &n_selected);
  g_assert_cmpuint (n_selected, ==, 1);
  g_assert_cmpint (selected[0].id, ==, node->id);
  settle ();
  g_assert_true (outline_has (fixture->sample.window, node->kind, node->id));

  /* Shift+Tab goes back. */
  g_assert_true (cvn_canvas_key_press (fixture->canvas, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  g_assert_cmpint (cvn_canvas_get_focus_node (fixture->canvas), ==, first);

  /* Down from the board reaches something below it. */
  {
    double y = cvn_layout_get_node (layout, (guint) first)->y;

    g_assert_true (cvn_canvas_key_press (fixture->canvas, GDK_KEY_Down, 0));
    g_assert_cmpfloat (cvn_layout_get_node (layout,
                                            (guint) cvn_canvas_get_focus_node (
                                              fixture->canvas))->y, >, y);
  }

  /* Past the last node, Tab leaves the canvas. */
  cvn_canvas_key_press (fixture->canvas, GDK_KEY_End, 0);
  g_assert_false (cvn_canvas_key_press (fixture->canvas, GDK_KEY_Tab, 0));
  g_assert_cmpint (cvn_canvas_get_focus_node (fixture->canvas), ==, -1);
}

static void
test_create_group (Fixture       *fixture,
                   gconstpointer  user_data)
{
  CvnSnapshot *snapshot = cvn_window_get_snapshot (fixture->sample.window);
  g_autoptr (GArray) refs = g_array_new (FALSE, FALSE, sizeof (CvnObjectRef));
  g_autoptr (GPtrArray) members = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id;

  for (guint i = 0; i < snapshot->establishments->len && refs->len < 3; i++)
    {
      CvnObjectRef ref = { CVN_OBJECT_ESTABLISHMENT,
                           g_array_index (snapshot->establishments, CvnEstablishment, i).id };

      g_array_append_val (refs, ref);
    }
  cvn_canvas_set_selection (fixture->canvas, (const CvnObjectRef *) (gpointer) refs->data,
                            refs->len);
  id = cvn_canvas_page_create_group_from_selection (fixture->page, "Canvas Test Cluster",
                                                    "cluster", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  settle ();
  snapshot = cvn_window_get_snapshot (fixture->sample.window);
  g_assert_cmpstr (cvn_snapshot_find_group (snapshot, id)->name, ==, "Canvas Test Cluster");
  g_assert_cmpint (cvn_snapshot_find_group (snapshot, id)->tier, ==, 1);
  members = cvn_snapshot_get_members (snapshot, id, TRUE);
  g_assert_cmpuint (members->len, ==, 3);
  g_assert_cmpint (cvn_layout_find_node (layout_of (fixture), CVN_OBJECT_GROUP, id), >=, 0);
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->sample.document), ==,
                   "Create Canvas Test Cluster from 3 schools");

  /* One edit: one undo removes the group and its memberships. */
  g_assert_true (cvn_document_undo (fixture->sample.document, &error));
  g_assert_no_error (error);
  settle ();
  g_assert_null (cvn_snapshot_find_group (cvn_window_get_snapshot (fixture->sample.window), id));
}

static gboolean
has_highlights (gpointer data)
{
  guint n;

  cvn_canvas_get_highlights (CVN_CANVAS (data), &n);
  return n > 0;
}

static void
test_search_highlights (Fixture       *fixture,
                        gconstpointer  user_data)
{
  CvnSnapshot *snapshot = cvn_window_get_snapshot (fixture->sample.window);
  const CvnEstablishment *school = clustered_school (snapshot, NULL);
  gint64 school_id = school->id;
  const CvnObjectRef *highlights;
  guint n;

  /* The search's matches are ringed on the canvas, and the rings go with the search. */
  cvn_window_search (fixture->sample.window, school->name);
  cvn_test_iterate_until (has_highlights, fixture->canvas);
  highlights = cvn_canvas_get_highlights (fixture->canvas, &n);
  g_assert_cmpint (highlights[0].kind, ==, CVN_OBJECT_ESTABLISHMENT);
  g_assert_cmpint (highlights[0].id, ==, school_id);
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (cvn_window_get_search_results (
                                                        fixture->sample.window)));
  g_assert_cmpfloat (cvn_canvas_render_now (fixture->canvas), >, 0);
  cvn_window_search (fixture->sample.window, "");
  settle ();
  cvn_canvas_get_highlights (fixture->canvas, &n);
  g_assert_cmpuint (n, ==, 0);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data)) &&
         gtk_widget_get_width (GTK_WIDGET (data)) > 100;
}

static void
assert_step_shown (CvnPresentation *presentation)
{
  CvnCanvas *canvas = cvn_presentation_get_canvas (presentation);
  CvnViewport viewport;
  CvnRect rect;

  cvn_canvas_finish_animation (canvas);
  cvn_canvas_get_viewport (canvas, &viewport);
  cvn_presentation_get_step_rect (presentation, &rect);
  /* The step's part of the drawing is in view, and fills a fair part of it. */
  g_assert_cmpfloat (rect.x, >=, viewport.x - 1);
  g_assert_cmpfloat (rect.y, >=, viewport.y - 1);
  g_assert_cmpfloat (rect.x + rect.width, <=, viewport.x + viewport.width + 1);
  g_assert_cmpfloat (rect.y + rect.height, <=, viewport.y + viewport.height + 1);
  g_assert_true (rect.width > 0.3 * viewport.width || rect.height > 0.3 * viewport.height);
}

static gboolean
presentation_closed (gpointer data)
{
  return cvn_canvas_page_get_presentation (CVN_CANVAS_PAGE (data)) == NULL;
}

static void
test_presentation (Fixture       *fixture,
                   gconstpointer  user_data)
{
  CvnSnapshot *snapshot = cvn_window_get_snapshot (fixture->sample.window);
  CvnPresentation *presentation;
  const CvnGroup *board = NULL;
  CvnLayout *layout;
  gint64 alliance_id;

  for (guint i = 0; i < snapshot->groups->len && board == NULL; i++)
    if (g_array_index (snapshot->groups, CvnGroup, i).tier == 3 &&
        g_array_index (snapshot->groups, CvnGroup, i).parent_id == 0)
      board = &g_array_index (snapshot->groups, CvnGroup, i);
  g_assert_nonnull (board);

  /* F5, through the window's action. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->sample.window), "win.present", NULL);
  presentation = CVN_PRESENTATION (cvn_canvas_page_get_presentation (fixture->page));
  g_assert_nonnull (presentation);
  cvn_test_iterate_until (is_mapped, cvn_presentation_get_canvas (presentation));
  settle ();

  /* Presentation style: large, high contrast, nothing to edit, people by role. */
  g_assert_false (cvn_canvas_get_editable (cvn_presentation_get_canvas (presentation)));
  layout = cvn_canvas_get_layout (cvn_presentation_get_canvas (presentation));
  for (guint i = 0; i < layout->nodes->len; i++)
    {
      const CvnLayoutNode *node = cvn_layout_get_node (layout, i);

      if (node->kind == CVN_OBJECT_PERSON)
        g_assert_cmpstr (node->label, !=,
                         cvn_snapshot_find_person (snapshot, node->id)->name);
    }

  /* The board first... */
  g_assert_cmpuint (cvn_presentation_get_n_steps (presentation), >, 3);
  g_assert_cmpuint (cvn_presentation_get_step (presentation), ==, 0);
  g_assert_cmpint (cvn_presentation_get_step_tier (presentation), ==, 3);
  g_assert_cmpint (cvn_presentation_get_step_group (presentation), ==, board->id);
  g_assert_cmpstr (cvn_presentation_get_caption (presentation), ==, board->name);
  assert_step_shown (presentation);

  /* ...then an alliance... */
  g_assert_true (cvn_presentation_key_press (presentation, GDK_KEY_Right, 0));
  g_assert_cmpint (cvn_presentation_get_step_tier (presentation), ==, 2);
  alliance_id = cvn_presentation_get_step_group (presentation);
  g_assert_cmpstr (cvn_presentation_get_caption (presentation), ==,
                   cvn_snapshot_find_group (snapshot, alliance_id)->name);
  assert_step_shown (presentation);

  /* ...and after the alliances, clusters; Left goes back. */
  while (cvn_presentation_get_step_tier (presentation) == 2)
    g_assert_true (cvn_presentation_key_press (presentation, GDK_KEY_Page_Down, 0));
  g_assert_cmpint (cvn_presentation_get_step_tier (presentation), ==, 1);
  g_assert_cmpstr (cvn_presentation_get_caption (presentation), ==,
                   cvn_snapshot_find_group (snapshot,
                                            cvn_presentation_get_step_group (presentation))->name);
  assert_step_shown (presentation);
  g_assert_true (cvn_presentation_key_press (presentation, GDK_KEY_Left, 0));
  g_assert_cmpint (cvn_presentation_get_step_tier (presentation), ==, 2);

  /* Escape leaves. */
  g_assert_true (cvn_presentation_key_press (presentation, GDK_KEY_Escape, 0));
  cvn_test_iterate_until (presentation_closed, fixture->page);
}

/* Whether the canvas is at least as wide as the number of pixels @data points at. */
static gboolean
canvas_is_wide (gpointer data)
{
  CvnCanvas *canvas = ((gpointer *) data)[0];
  int *width = ((gpointer *) data)[1];

  return gtk_widget_get_width (GTK_WIDGET (canvas)) >= *width;
}

/* Runs what is pending (a resize, its allocation, idles) for up to a second. */
static void
run_pending (void)
{
  gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

/* The first screen of each view: the whole drawing when that reads, else the top of the
 * drawing at a readable scale (text at least 7 pixels high), its whole width when the canvas
 * has room for it. Until the user moves the view, it follows the canvas's size. */
static void
test_first_screen (Fixture       *fixture,
                   gconstpointer  user_data)
{
  CvnCanvas *canvas = fixture->canvas;
  CvnLayout *layout = layout_of (fixture);
  const CvnRect *b = &layout->bounds;
  const CvnLayoutNode *root = cvn_layout_get_node (layout, 0);
  CvnViewport viewport, fit, moved;
  double legend_w, legend_h;
  int wide;
  gpointer wide_data[2] = { canvas, &wide };

  /* The sample's structure is too wide to read whole in this window: its top, readable,
   * with the board (the root) in view. */
  g_assert_cmpint (layout->view, ==, CVN_VIEW_STRUCTURE);
  g_assert_true (cvn_canvas_get_fitted (canvas));
  cvn_renderer_fit (cvn_canvas_get_renderer (canvas), gtk_widget_get_width (GTK_WIDGET (canvas)),
                    gtk_widget_get_height (GTK_WIDGET (canvas)), &fit);
  g_assert_cmpfloat (fit.scale * layout->font_size, <, 7);
  cvn_canvas_get_viewport (canvas, &viewport);
  g_assert_cmpfloat (viewport.scale * layout->font_size, >=, 7 - 1e-6);
  g_assert_cmpfloat (viewport.y, <=, b->y);
  g_assert_cmpfloat (viewport.y + viewport.height, >, b->y + root->height);
  g_assert_true (cvn_canvas_node_is_visible (canvas, 0));

  /* Given room, the whole width at the top, still readable: the canvas follows its size. */
  cvn_renderer_get_legend_size (cvn_canvas_get_renderer (canvas), &legend_w, &legend_h);
  wide = (int) ceil (b->width * 7 / layout->font_size + legend_w + 80);
  gtk_widget_set_size_request (GTK_WIDGET (canvas), wide, -1);
  cvn_test_iterate_until (canvas_is_wide, wide_data);
  run_pending ();
  cvn_canvas_get_viewport (canvas, &viewport);
  g_assert_cmpfloat (viewport.scale * layout->font_size, >=, 7 - 1e-6);
  g_assert_cmpfloat (viewport.x, <=, b->x);
  g_assert_cmpfloat (viewport.x + viewport.width, >=, b->x + b->width);
  g_assert_cmpfloat (viewport.y, <=, b->y);
  g_assert_cmpfloat (viewport.y + viewport.height, >, b->y + root->height);

  /* Once the user moves the view, a new size leaves it where they put it. */
  cvn_canvas_pan_by (canvas, 30, 20);
  g_assert_false (cvn_canvas_get_fitted (canvas));
  cvn_canvas_get_viewport (canvas, &moved);
  wide += 100;
  gtk_widget_set_size_request (GTK_WIDGET (canvas), wide, -1);
  cvn_test_iterate_until (canvas_is_wide, wide_data);
  run_pending ();
  cvn_canvas_get_viewport (canvas, &viewport);
  g_assert_cmpfloat (viewport.x, ==, moved.x);
  g_assert_cmpfloat (viewport.y, ==, moved.y);
  g_assert_cmpfloat (viewport.scale, ==, moved.scale);
  gtk_widget_set_size_request (GTK_WIDGET (canvas), -1, -1);

  /* The graph, shown for the first time, is fitted as "zoom to fit" fits it. */
  cvn_canvas_page_set_view (fixture->page, CVN_VIEW_GRAPH);
  cvn_canvas_get_viewport (canvas, &viewport);
  cvn_canvas_zoom_to_fit (canvas);
  cvn_canvas_get_viewport (canvas, &fit);
  g_assert_cmpfloat_with_epsilon (viewport.scale, fit.scale, 1e-9);
  g_assert_cmpfloat_with_epsilon (viewport.x, fit.x, 1e-9);
  g_assert_cmpfloat_with_epsilon (viewport.y, fit.y, 1e-9);

  /* The structure comes back as the user left it. */
  cvn_canvas_page_set_view (fixture->page, CVN_VIEW_STRUCTURE);
  cvn_canvas_get_viewport (canvas, &viewport);
  g_assert_cmpfloat_with_epsilon (viewport.x, moved.x, 1e-9);
  g_assert_cmpfloat_with_epsilon (viewport.scale, moved.scale, 1e-9);
}

/* On a display at scale 2 the canvas draws a pixel for every device pixel, not a widget-sized
 * image stretched (and blurred) to twice its size. GDK reads GDK_SCALE when it opens the
 * display, so the scale 2 half of the test runs in a child process. */
static void
test_hidpi (Fixture       *fixture,
            gconstpointer  user_data)
{
  int width = gtk_widget_get_width (GTK_WIDGET (fixture->canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (fixture->canvas));
  int factor = gtk_widget_get_scale_factor (GTK_WIDGET (fixture->canvas));
  int rendered_width = 0, rendered_height = 0;

  cvn_canvas_render_now (fixture->canvas);
  cvn_canvas_get_rendered_size (fixture->canvas, &rendered_width, &rendered_height);
  g_assert_cmpint (rendered_width, ==, width * factor);
  g_assert_cmpint (rendered_height, ==, height * factor);

  if (!g_test_subprocess ())
    {
      g_assert_cmpint (factor, ==, 1);
      g_setenv ("GDK_SCALE", "2", TRUE);
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_unsetenv ("GDK_SCALE");
      g_test_trap_assert_passed ();
      return;
    }
  g_assert_cmpint (factor, ==, 2);
  g_assert_cmpint (rendered_width, ==, 2 * width);
}

static gboolean
canvas_is_up_to_date (gpointer data)
{
  return cvn_canvas_is_up_to_date (data);
}

/* A new scale that takes too long for a frame is drawn by the worker thread while frames
 * show the last image scaled; the picture the canvas then shows is the one a renderer draws
 * from nothing. */
static void
test_background_zoom (Fixture       *fixture,
                      gconstpointer  user_data)
{
  CvnCanvas *canvas = fixture->canvas;
  g_autoptr (CvnRenderer) fresh = cvn_renderer_new ();
  const CvnObjectRef *selection;
  CvnRenderStyle style;
  CvnViewport viewport;
  GdkTexture *texture;
  cairo_surface_t *expected;
  cairo_t *cr;
  g_autofree guchar *shown = NULL;
  guint n_selection = 0, n_different = 0;
  int width, height, stride;

  cvn_canvas_page_set_view (fixture->page, CVN_VIEW_GRAPH);
  cvn_render_style_init (&style);
  cvn_canvas_set_style (canvas, &style);
  cvn_canvas_set_frame_budget (canvas, 0);
  cvn_canvas_render_now (canvas);
  settle ();
  g_assert_true (cvn_canvas_is_up_to_date (canvas));

  cvn_canvas_zoom_in (canvas);
  g_assert_false (cvn_canvas_is_up_to_date (canvas));
  /* The frames of the zoom, and those while the worker draws, show the old image. */
  settle ();
  cvn_test_iterate_until (canvas_is_up_to_date, canvas);
  g_assert_true (cvn_canvas_is_up_to_date (canvas));
  g_assert_cmpuint (cvn_canvas_get_n_background_grounds (canvas), ==, 1);

  /* What the canvas shows against a fresh drawing of its viewport. */
  texture = cvn_canvas_get_texture (canvas);
  g_assert_nonnull (texture);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  g_assert_cmpint (gtk_widget_get_scale_factor (GTK_WIDGET (canvas)), ==, 1);
  stride = cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, width);
  shown = g_malloc ((gsize) stride * height);
  gdk_texture_download (texture, shown, (gsize) stride);

  cvn_canvas_get_viewport (canvas, &viewport);
  selection = cvn_canvas_get_selection (canvas, &n_selection);
  cvn_renderer_set_style (fresh, &style);
  cvn_renderer_set_layout (fresh, layout_of (fixture));
  expected = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (expected);
  cvn_renderer_draw (fresh, cr, &viewport, selection, n_selection);
  cairo_destroy (cr);
  cairo_surface_flush (expected);
  g_assert_cmpint (cairo_image_surface_get_stride (expected), ==, stride);
  {
    const guchar *want = cairo_image_surface_get_data (expected);

    for (gsize i = 0; i < (gsize) stride * height; i++)
      n_different += ABS ((int) shown[i] - (int) want[i]) > 8;
  }
  cairo_surface_destroy (expected);
  g_assert_cmpuint (n_different, <=, 24);

  /* Zoomed again and closed while the worker may still be drawing: the window goes at
   * once, the worker ends after its job, and nothing is touched after it is freed (the
   * sanitized build checks). */
  cvn_canvas_zoom_in (canvas);
  {
    gint64 until = g_get_monotonic_time () + 150 * 1000;

    while (g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE);
  }
}

int
main (int   argc,
      char *argv[])
{
  cvn_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/cvn/ui/canvas/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("default-page", test_default_page);
  ADD ("pan", test_pan);
  ADD ("zoom", test_zoom);
  ADD ("click-select", test_click_select);
  ADD ("outline-centres", test_outline_centres);
  ADD ("rubber-band", test_rubber_band);
  ADD ("drag-node", test_drag_node);
  ADD ("drag-structure-group", test_drag_structure_group);
  ADD ("document-change-keeps-layout", test_document_change_keeps_layout);
  ADD ("switch-view", test_switch_view);
  ADD ("filters", test_filters);
  ADD ("keyboard", test_keyboard);
  ADD ("create-group", test_create_group);
  ADD ("search-highlights", test_search_highlights);
  ADD ("presentation", test_presentation);
  ADD ("hidpi", test_hidpi);
  ADD ("background-zoom", test_background_zoom);
  ADD ("first-screen", test_first_screen);

#undef ADD

  return cvn_test_ui_run ();
}
