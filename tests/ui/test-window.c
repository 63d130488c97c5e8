/* test-window.c — the application and its document window: outline, details pane, Save As.
 *
 * Each window test opens a fresh copy of the sample borough in a CvnWindow, and looks for its
 * board, alliances, clusters and schools through the snapshot rather than by hard-coded ids;
 * the sample's deliberate gaps (cvn-sample.h) are looked for by name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include "cvn-application.h"
#include "cvn-outline-item.h"
#include "cvn-sample.h"
#include "cvn-store.h"
#include "cvn-window.h"
#include "ui-util.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

typedef CvnTestSample Fixture;

/* Helpers -------------------------------------------------------------------------------- */

static void
expand_all (GtkTreeListModel *tree)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (tree)); i++)
    {
      g_autoptr (GtkTreeListRow) row = gtk_tree_list_model_get_row (tree, i);

      gtk_tree_list_row_set_expanded (row, TRUE);
    }
}

/* The first row whose item has @title, or NULL. */
static GtkTreeListRow *
find_row (GtkTreeListModel *tree,
          const char       *title)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (tree)); i++)
    {
      g_autoptr (GtkTreeListRow) row = gtk_tree_list_model_get_row (tree, i);
      g_autoptr (CvnOutlineItem) item = gtk_tree_list_row_get_item (row);

      if (g_strcmp0 (cvn_outline_item_get_title (item), title) == 0)
        return g_steal_pointer (&row);
    }
  return NULL;
}

static CvnOutlineItem *
parent_item (GtkTreeListRow *row)
{
  g_autoptr (GtkTreeListRow) parent = gtk_tree_list_row_get_parent (row);

  return parent != NULL ? gtk_tree_list_row_get_item (parent) : NULL;
}

static const CvnGroup *
first_group_of_tier (CvnSnapshot *snapshot,
                     int          tier)
{
  for (guint i = 0; i < snapshot->groups->len; i++)
    {
      const CvnGroup *group = &g_array_index (snapshot->groups, CvnGroup, i);

      if (group->tier == tier && g_strcmp0 (group->kind, "committee") != 0)
        return group;
    }
  return NULL;
}

/* A cluster with an alliance as its parent, and a school with a URN in it. */
static const CvnEstablishment *
find_clustered_school (CvnSnapshot     *snapshot,
                       const CvnGroup **out_cluster)
{
  for (guint i = 0; i < snapshot->groups->len; i++)
    {
      const CvnGroup *cluster = &g_array_index (snapshot->groups, CvnGroup, i);
      const CvnGroup *parent = cvn_snapshot_find_group (snapshot, cluster->parent_id);
      g_autoptr (GPtrArray) members = NULL;

      if (cluster->tier != 1 || parent == NULL || parent->tier != 2)
        continue;
      members = cvn_snapshot_get_members (snapshot, cluster->id, TRUE);
      for (guint j = 0; j < members->len; j++)
        {
          const CvnMembership *membership = g_ptr_array_index (members, j);
          const CvnEstablishment *school;

          if (membership->member_kind != CVN_OBJECT_ESTABLISHMENT)
            continue;
          school = cvn_snapshot_find_establishment (snapshot, membership->member_id);
          if (school != NULL && school->urn > 0)
            {
              *out_cluster = cluster;
              return school;
            }
        }
    }
  return NULL;
}

static gboolean
is_action_row_titled (GtkWidget     *widget,
                      gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static AdwActionRow *
find_action_row (GtkWidget  *widget,
                 const char *title)
{
  return cvn_test_find_widget (widget, is_action_row_titled, title);
}

/* The item of the one outline row that is selected, through the list view's selection model;
 * NULL when none or several are. */
static CvnOutlineItem *
selected_item (CvnWindow *window)
{
  GtkListView *list_view = cvn_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW);
  GtkMultiSelection *selection;
  g_autoptr (GtkBitset) selected = NULL;
  g_autoptr (GtkTreeListRow) row = NULL;

  g_assert_nonnull (list_view);
  selection = GTK_MULTI_SELECTION (gtk_list_view_get_model (list_view));
  g_assert_true (gtk_multi_selection_get_model (selection)
                 == G_LIST_MODEL (cvn_window_get_outline_model (window)));
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (selection));
  if (gtk_bitset_get_size (selected) != 1)
    return NULL;
  row = g_list_model_get_item (G_LIST_MODEL (selection), gtk_bitset_get_nth (selected, 0));
  return gtk_tree_list_row_get_item (row);
}

/* Tests ---------------------------------------------------------------------------------- */

static void
test_outline_tiers (Fixture       *fixture,
                    gconstpointer  user_data)
{
  CvnSnapshot *snapshot = cvn_window_get_snapshot (fixture->window);
  GtkTreeListModel *tree = cvn_window_get_outline_model (fixture->window);
  const CvnGroup *board = first_group_of_tier (snapshot, 3);
  const CvnGroup *cluster = NULL;
  const CvnEstablishment *school = find_clustered_school (snapshot, &cluster);
  const CvnGroup *alliance;
  g_autoptr (GtkTreeListRow) row = NULL;
  g_autoptr (CvnOutlineItem) parent = NULL;
  g_autoptr (CvnOutlineItem) item = NULL;

  g_assert_nonnull (board);
  g_assert_nonnull (school);
  alliance = cvn_snapshot_find_group (snapshot, cluster->parent_id);

  /* The section headings open by themselves, so the board is visible without expanding. */
  row = find_row (tree, board->name);
  g_assert_nonnull (row);
  parent = parent_item (row);
  g_assert_cmpstr (cvn_outline_item_get_title (parent), ==, "Strategic board");
  g_assert_true (cvn_outline_item_is_heading (parent));
  g_clear_object (&parent);
  g_clear_object (&row);

  expand_all (tree);

  /* The alliance heads its own branch, not the board's, and the cluster sits inside it. */
  row = find_row (tree, alliance->name);
  g_assert_nonnull (row);
  parent = parent_item (row);
  g_assert_cmpstr (cvn_outline_item_get_title (parent), ==, "Alliances");
  g_clear_object (&parent);
  g_clear_object (&row);

  row = find_row (tree, cluster->name);
  g_assert_nonnull (row);
  parent = parent_item (row);
  g_assert_cmpint (cvn_outline_item_get_kind (parent), ==, CVN_OBJECT_GROUP);
  g_assert_cmpint (cvn_outline_item_get_id (parent), ==, alliance->id);
  g_clear_object (&parent);
  g_clear_object (&row);

  row = find_row (tree, school->name);
  g_assert_nonnull (row);
  item = gtk_tree_list_row_get_item (row);
  g_assert_cmpint (cvn_outline_item_get_kind (item), ==, CVN_OBJECT_ESTABLISHMENT);
  g_assert_cmpint (cvn_outline_item_get_id (item), ==, school->id);
  g_assert_cmpuint (gtk_tree_list_row_get_depth (row), >=, 3);
}

static void
test_select_school (Fixture       *fixture,
                    gconstpointer  user_data)
{
  CvnSnapshot *snapshot = cvn_window_get_snapshot (fixture->window);
  CvnDetailsPane *details = cvn_window_get_details_pane (fixture->window);
  const CvnGroup *cluster = NULL;
  const CvnEstablishment *school = find_clustered_school (snapshot, &cluster);
  g_autoptr (CvnOutlineItem) item = NULL;
  g_autofree char *urn = NULL;
  GtkWidget *entry;

  g_assert_nonnull (school);
  g_assert_cmpint (cvn_details_pane_get_kind (details), ==, CVN_OBJECT_NONE);
  g_assert_null (cvn_details_pane_get_field_row (details, "urn"));

  g_assert_true (cvn_window_select_object (fixture->window, CVN_OBJECT_ESTABLISHMENT,
                                           school->id));
  item = selected_item (fixture->window);
  g_assert_nonnull (item);
  g_assert_cmpint (cvn_outline_item_get_kind (item), ==, CVN_OBJECT_ESTABLISHMENT);
  g_assert_cmpint (cvn_outline_item_get_id (item), ==, school->id);

  g_assert_cmpint (cvn_details_pane_get_kind (details), ==, CVN_OBJECT_ESTABLISHMENT);
  g_assert_cmpint (cvn_details_pane_get_id (details), ==, school->id);
  /* The URN is shown in its field, ready to be edited. */
  entry = cvn_details_pane_get_field_row (details, "urn");
  g_assert_true (ADW_IS_ENTRY_ROW (entry));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (entry)), ==, "URN");
  urn = g_strdup_printf ("%" G_GINT64_FORMAT, school->urn);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, urn);

  /* The school's groups are listed, its cluster among them. */
  g_assert_nonnull (find_action_row (GTK_WIDGET (details), cluster->name));

  /* An object that is not in the document cannot be selected. */
  g_assert_false (cvn_window_select_object (fixture->window, CVN_OBJECT_ESTABLISHMENT,
                                            G_MAXINT64));
}

static void
test_select_group_details (Fixture       *fixture,
                           gconstpointer  user_data)
{
  CvnSnapshot *snapshot = cvn_window_get_snapshot (fixture->window);
  CvnDetailsPane *details = cvn_window_get_details_pane (fixture->window);
  const CvnGroup *cluster = NULL;
  const CvnEstablishment *school = find_clustered_school (snapshot, &cluster);
  const CvnGroup *alliance;
  g_autoptr (CvnOutlineItem) item = NULL;
  AdwActionRow *row;
  gint64 school_id;

  g_assert_nonnull (school);
  alliance = cvn_snapshot_find_group (snapshot, cluster->parent_id);
  g_assert_true (cvn_window_select_object (fixture->window, CVN_OBJECT_GROUP, cluster->id));

  row = find_action_row (GTK_WIDGET (details), "Tier");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Tier 1, cluster");
  /* The parent alliance and the member school each have a row leading to them. */
  row = ADW_ACTION_ROW (cvn_details_pane_get_field_row (details, "parent_id"));
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, alliance->name);
  row = find_action_row (GTK_WIDGET (details), school->name);
  g_assert_nonnull (row);

  /* Activating the school's row selects the school in the outline and shows it. */
  school_id = school->id;
  adw_action_row_activate (row);
  item = selected_item (fixture->window);
  g_assert_nonnull (item);
  g_assert_cmpint (cvn_outline_item_get_kind (item), ==, CVN_OBJECT_ESTABLISHMENT);
  g_assert_cmpint (cvn_outline_item_get_id (item), ==, school_id);
  g_assert_cmpint (cvn_details_pane_get_id (details), ==, school_id);
  g_assert_nonnull (cvn_details_pane_get_field_row (details, "urn"));
}

static void
test_reload_keeps_selection (Fixture       *fixture,
                             gconstpointer  user_data)
{
  CvnSnapshot *snapshot = cvn_window_get_snapshot (fixture->window);
  const CvnGroup *cluster = NULL;
  const CvnEstablishment *school = find_clustered_school (snapshot, &cluster);
  g_autoptr (GError) error = NULL;
  g_autoptr (CvnOutlineItem) item = NULL;
  g_autoptr (GtkTreeListRow) row = NULL;
  CvnEstablishment renamed;
  gint64 school_id;
  gint64 cluster_id;
  g_autofree char *cluster_name = NULL;
  g_autofree char *key_end = NULL;

  g_assert_nonnull (school);
  school_id = school->id;
  cluster_id = cluster->id;
  cluster_name = g_strdup (cluster->name);
  g_assert_true (cvn_window_select_object (fixture->window, CVN_OBJECT_ESTABLISHMENT, school_id));

  /* Renaming the school changes the document, which rebuilds the outline from a new
   * snapshot: the same row stays selected, under the same cluster, with the new name. */
  renamed = *school;
  renamed.name = (char *) "Renamed Community School";
  cvn_document_begin_edit (fixture->document, "Rename", &error);
  g_assert_no_error (error);
  cvn_store_update_establishment (fixture->document, &renamed, &error);
  g_assert_no_error (error);
  cvn_document_commit_edit (fixture->document, &error);
  g_assert_no_error (error);
  school = NULL;
  cluster = NULL;

  g_assert_true (cvn_window_get_snapshot (fixture->window) != snapshot);
  item = selected_item (fixture->window);
  g_assert_nonnull (item);
  g_assert_cmpint (cvn_outline_item_get_id (item), ==, school_id);
  g_assert_cmpstr (cvn_outline_item_get_title (item), ==, "Renamed Community School");
  key_end = g_strdup_printf ("group:%" G_GINT64_FORMAT "/school:%" G_GINT64_FORMAT,
                             cluster_id, school_id);
  g_assert_true (g_str_has_suffix (cvn_outline_item_get_key (item), key_end));

  /* The cluster row that was opened to reach the school is still open. */
  row = find_row (cvn_window_get_outline_model (fixture->window), cluster_name);
  g_assert_nonnull (row);
  g_assert_true (gtk_tree_list_row_get_expanded (row));
  g_assert_cmpint (cvn_details_pane_get_id (cvn_window_get_details_pane (fixture->window)), ==,
                   school_id);
}

/* The position of the top-level row titled @title in @roots. */
static guint
heading_position (GListModel *roots,
                  const char *title)
{
  for (guint i = 0; i < g_list_model_get_n_items (roots); i++)
    {
      g_autoptr (CvnOutlineItem) heading = g_list_model_get_item (roots, i);

      if (g_strcmp0 (cvn_outline_item_get_title (heading), title) == 0)
        return i;
    }
  g_assert_not_reached ();
}

/* The outline makes a group's rows only when they are asked for: looking a school up makes
 * the rows on the way to it, and no others; a group's count of schools, made late, is still
 * of its whole branch. */
static void
test_outline_made_when_asked (Fixture       *fixture,
                              gconstpointer  user_data)
{
  CvnSnapshot *snapshot = cvn_window_get_snapshot (fixture->window);
  const CvnGroup *cluster = NULL;
  const CvnEstablishment *school = find_clustered_school (snapshot, &cluster);
  const CvnGroup *alliance = cvn_snapshot_find_group (snapshot, cluster->parent_id);
  g_autoptr (GListStore) roots = cvn_outline_build (snapshot, NULL);
  g_autoptr (CvnOutlineItem) heading = NULL;
  g_autoptr (GPtrArray) path = NULL;
  g_autoptr (GPtrArray) again = NULL;
  g_autoptr (GHashTable) schools = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *count = NULL;
  GListModel *alliances;
  CvnOutlineItem *alliance_row;
  guint n_alliances;

  heading = g_list_model_get_item (G_LIST_MODEL (roots),
                                   heading_position (G_LIST_MODEL (roots), "Alliances"));
  alliances = cvn_outline_item_get_children (heading);
  n_alliances = g_list_model_get_n_items (alliances);
  g_assert_cmpuint (n_alliances, >, 1);
  for (guint i = 0; i < n_alliances; i++)
    g_assert_false (cvn_outline_has_child_rows (alliances, i));

  path = cvn_outline_find_object (G_LIST_MODEL (roots), CVN_OBJECT_ESTABLISHMENT, school->id);
  g_assert_nonnull (path);
  g_assert_cmpuint (path->len, ==, 4);
  g_assert_true (g_ptr_array_index (path, 0) == heading);
  alliance_row = g_ptr_array_index (path, 1);
  g_assert_cmpint (cvn_outline_item_get_id (alliance_row), ==, alliance->id);
  g_assert_cmpint (cvn_outline_item_get_id (g_ptr_array_index (path, 2)), ==, cluster->id);
  g_assert_cmpint (cvn_outline_item_get_id (g_ptr_array_index (path, 3)), ==, school->id);
  for (guint i = 0; i < n_alliances; i++)
    g_assert_true (cvn_outline_has_child_rows (alliances, i)
                   == (i == cvn_outline_item_get_position (alliance_row)));

  /* The school is found again by its key, as a reload does, to the very same row. */
  again = cvn_outline_find_key (G_LIST_MODEL (roots),
                                cvn_outline_item_get_key (g_ptr_array_index (path, 3)));
  g_assert_nonnull (again);
  g_assert_cmpuint (again->len, ==, 4);
  g_assert_true (g_ptr_array_index (again, 3) == g_ptr_array_index (path, 3));

  /* The alliance counts the schools of all its clusters, each once. */
  for (guint i = 0; i < snapshot->groups->len; i++)
    {
      const CvnGroup *group = &g_array_index (snapshot->groups, CvnGroup, i);
      g_autoptr (GPtrArray) members = NULL;

      if (group->parent_id != alliance->id && group->id != alliance->id)
        continue;
      members = cvn_snapshot_get_members (snapshot, group->id, TRUE);
      for (guint j = 0; j < members->len; j++)
        {
          const CvnMembership *membership = g_ptr_array_index (members, j);

          if (membership->member_kind == CVN_OBJECT_ESTABLISHMENT)
            g_hash_table_add (schools, (gpointer) &membership->member_id);
        }
    }
  g_assert_cmpuint (g_hash_table_size (schools), >, 1);
  count = g_strdup_printf ("%u schools", g_hash_table_size (schools));
  g_assert_true (g_str_has_suffix (cvn_outline_item_get_subtitle (alliance_row), count));
}

/* Rows opened, and headings closed, stay so when an edit rebuilds the outline; an edit that
 * moves nothing in the outline keeps every row where it was. */
static void
test_reload_keeps_expanded (Fixture       *fixture,
                            gconstpointer  user_data)
{
  CvnSnapshot *snapshot = cvn_window_get_snapshot (fixture->window);
  GtkTreeListModel *tree = cvn_window_get_outline_model (fixture->window);
  const CvnGroup *cluster = NULL;
  const CvnEstablishment *school = find_clustered_school (snapshot, &cluster);
  const CvnGroup *alliance = cvn_snapshot_find_group (snapshot, cluster->parent_id);
  const CvnEstablishment *greyfriars = cvn_test_find_school (snapshot, CVN_SAMPLE_UNCOVERED_SCHOOL);
  g_autofree char *alliance_name = g_strdup (alliance->name);
  g_autofree char *cluster_name = g_strdup (cluster->name);
  g_autofree char *school_name = g_strdup (school->name);
  g_autoptr (GtkTreeListRow) row = NULL;
  g_autoptr (GError) error = NULL;
  CvnEstablishment renamed;
  guint n_rows;

  g_assert_null (find_row (tree, cluster_name));
  row = find_row (tree, alliance_name);
  gtk_tree_list_row_set_expanded (row, TRUE);
  g_clear_object (&row);
  row = find_row (tree, cluster_name);
  gtk_tree_list_row_set_expanded (row, TRUE);
  g_clear_object (&row);
  row = find_row (tree, "Committees");
  gtk_tree_list_row_set_expanded (row, FALSE);
  g_clear_object (&row);
  g_assert_nonnull ((row = find_row (tree, school_name)));
  g_clear_object (&row);
  g_assert_null (find_row (tree, CVN_SAMPLE_PRIMARY_COMMITTEE));
  n_rows = g_list_model_get_n_items (G_LIST_MODEL (tree));

  /* Renaming the school in no cluster touches none of those rows. */
  renamed = *greyfriars;
  renamed.name = (char *) "Greyfriars Renamed Academy";
  cvn_document_begin_edit (fixture->document, "Rename", &error);
  g_assert_no_error (error);
  cvn_store_update_establishment (fixture->document, &renamed, &error);
  g_assert_no_error (error);
  cvn_document_commit_edit (fixture->document, &error);
  g_assert_no_error (error);

  tree = cvn_window_get_outline_model (fixture->window);
  g_assert_true (cvn_window_get_snapshot (fixture->window) != snapshot);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tree)), ==, n_rows);
  row = find_row (tree, alliance_name);
  g_assert_true (gtk_tree_list_row_get_expanded (row));
  g_clear_object (&row);
  row = find_row (tree, cluster_name);
  g_assert_nonnull (row);
  g_assert_true (gtk_tree_list_row_get_expanded (row));
  g_clear_object (&row);
  row = find_row (tree, "Committees");
  g_assert_false (gtk_tree_list_row_get_expanded (row));
  g_clear_object (&row);
  g_assert_null (find_row (tree, CVN_SAMPLE_PRIMARY_COMMITTEE));
  g_assert_nonnull ((row = find_row (tree, school_name)));
  g_clear_object (&row);
  g_assert_nonnull ((row = find_row (tree, "Greyfriars Renamed Academy")));
  g_clear_object (&row);
  row = find_row (tree, "Schools in no cluster");
  g_assert_true (gtk_tree_list_row_get_expanded (row));
}

static void
assert_row_in_section (GtkTreeListModel *tree,
                       const char       *title,
                       const char       *section)
{
  g_autoptr (GtkTreeListRow) row = find_row (tree, title);
  g_autoptr (CvnOutlineItem) parent = NULL;

  g_assert_nonnull (row);
  parent = parent_item (row);
  g_assert_nonnull (parent);
  g_assert_true (cvn_outline_item_is_heading (parent));
  g_assert_cmpstr (cvn_outline_item_get_title (parent), ==, section);
}

static void
test_sample_gaps (Fixture       *fixture,
                  gconstpointer  user_data)
{
  GtkTreeListModel *tree = cvn_window_get_outline_model (fixture->window);

  /* Section headings start open, so the first level of every section is there to read. */
  assert_row_in_section (tree, CVN_SAMPLE_UNCOVERED_SCHOOL, "Schools in no cluster");
  assert_row_in_section (tree, CVN_SAMPLE_UNPARENTED_CLUSTER, "Clusters outside any alliance");
  assert_row_in_section (tree, CVN_SAMPLE_PRIMARY_COMMITTEE, "Committees");
}

static void
test_unclustered_school (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  GtkTreeListModel *tree;

  cvn_document_begin_edit (fixture->document, "Add a school", &error);
  g_assert_no_error (error);
  cvn_test_add_school (fixture->document, "Zebedee Free School", 199999, "primary");
  cvn_document_commit_edit (fixture->document, &error);
  g_assert_no_error (error);

  /* The new school appears as soon as the edit is committed. */
  tree = cvn_window_get_outline_model (fixture->window);
  assert_row_in_section (tree, "Zebedee Free School", "Schools in no cluster");
}

static void
test_save_copy (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->directory, "Copy.convenor", NULL);
  g_autoptr (GFile) destination = g_file_new_for_path (path);
  g_autoptr (GFile) itself = g_file_new_for_path (cvn_document_get_path (fixture->document));
  g_autoptr (CvnDocument) copy = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (cvn_window_save_copy (fixture->window, destination, &error));
  g_assert_no_error (error);

  copy = cvn_document_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  g_assert_cmpint (cvn_store_count (copy, "establishments", NULL), ==,
                   cvn_store_count (fixture->document, "establishments", NULL));
  g_assert_cmpint (cvn_store_count (copy, "groups", NULL), >, 0);
  g_assert_cmpint (cvn_store_count (copy, "groups", NULL), ==,
                   cvn_store_count (fixture->document, "groups", NULL));

  /* Saving a copy over the open document would delete it; it is refused. */
  g_assert_false (cvn_window_save_copy (fixture->window, itself, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_true (g_file_test (cvn_document_get_path (fixture->document), G_FILE_TEST_EXISTS));
}

static void
test_titles (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Sample");
  g_assert_true (cvn_window_get_is_sample (fixture->window));
}

static void
test_sample_copy_names (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *directory = g_dir_make_tmp ("convenor-sample-XXXXXX", &error);
  g_autofree char *nested = NULL;
  g_autofree char *today = cvn_today ();
  g_autofree char *first_name = NULL;
  g_autofree char *second_name = NULL;
  g_autoptr (CvnDocument) first = NULL;
  g_autoptr (CvnDocument) second = NULL;

  g_assert_no_error (error);
  /* The folder is made when it does not exist yet, as on a first start. */
  nested = g_build_filename (directory, "convenor", NULL);

  first = cvn_application_create_sample_copy (nested, &error);
  g_assert_no_error (error);
  second = cvn_application_create_sample_copy (nested, &error);
  g_assert_no_error (error);

  first_name = g_path_get_basename (cvn_document_get_path (first));
  second_name = g_path_get_basename (cvn_document_get_path (second));
  g_assert_true (g_str_has_prefix (first_name, "Sample borough "));
  g_assert_nonnull (strstr (first_name, today));
  g_assert_true (g_str_has_suffix (first_name, " 1.convenor"));
  g_assert_true (g_str_has_suffix (second_name, " 2.convenor"));

  g_clear_object (&first);
  g_clear_object (&second);
  cvn_test_remove_tree (nested);
  g_rmdir (directory);
}

/* The application ------------------------------------------------------------------------ */

static CvnApplication *
new_registered_application (void)
{
  g_autoptr (GError) error = NULL;
  CvnApplication *application = cvn_application_new ();

  /* Tests run side by side and without a session bus: each has an application of its own. */
  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);
  return application;
}

static void
destroy_windows (CvnApplication *application)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (application))) != NULL)
    gtk_window_destroy (windows->data);
}

static gboolean
set_flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
recent_menu_names (GMenuModel *menu,
                   const char *label)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *item_label = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &item_label)
          && g_strcmp0 (item_label, label) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_application_open_file (void)
{
  g_autoptr (CvnApplication) application = new_registered_application ();
  g_autoptr (GError) error = NULL;
  g_autofree char *directory = g_dir_make_tmp ("convenor-open-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (CvnDocument) document = NULL;
  GtkRecentManager *recent = gtk_recent_manager_get_default ();
  g_autoptr (GtkRecentInfo) info = NULL;
  GMenuModel *recent_menu;
  CvnWindow *window;
  gboolean timed_out = FALSE;
  guint timeout_id;

  g_assert_no_error (error);
  path = g_build_filename (directory, "Harbour_side.convenor", NULL);
  document = cvn_document_create (path, &error);
  g_assert_no_error (error);
  g_clear_object (&document);
  file = g_file_new_for_path (path);
  uri = g_file_get_uri (file);

  window = cvn_application_open_file (application, file);
  g_assert_true (CVN_IS_WINDOW (window));
  g_assert_false (cvn_window_get_is_sample (window));
  g_assert_cmpstr (cvn_document_get_path (cvn_window_get_document (window)), ==, path);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Harbour_side");

  /* Opening the same file again brings its window forward instead of opening it twice. */
  g_assert_true (cvn_application_open_file (application, file) == window);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (application))),
                    ==, 1);

  /* The document joins the recently used files, with the Convenor MIME type, and the Open
   * Recent menu lists it by title, its "_" kept from turning into a mnemonic. */
  info = gtk_recent_manager_lookup_item (recent, uri, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_recent_info_get_mime_type (info), ==, "application/x-convenor");
  recent_menu = cvn_application_get_recent_menu (application);
  timeout_id = g_timeout_add_seconds (10, set_flag_cb, &timed_out);
  while (!recent_menu_names (recent_menu, "Harbour__side") && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout_id);
  g_assert_true (recent_menu_names (recent_menu, "Harbour__side"));

  destroy_windows (application);
  gtk_recent_manager_remove_item (recent, uri, NULL);
  cvn_test_remove_tree (directory);
}

static void
test_application_open_error (void)
{
  g_autoptr (CvnApplication) application = new_registered_application ();
  g_autoptr (GError) error = NULL;
  g_autofree char *directory = g_dir_make_tmp ("convenor-error-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr (GFile) file = NULL;
  AdwMessageDialog *dialog = NULL;

  g_assert_no_error (error);
  path = g_build_filename (directory, "notes.convenor", NULL);
  g_file_set_contents (path, "These are not the schools you are looking for.", -1, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);

  /* A file that is not a document opens no window and says why in a message dialog, which
   * keeps the application running until it is read. */
  g_assert_null (cvn_application_open_file (application, file));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l != NULL;
       l = l->next)
    {
      g_assert_false (CVN_IS_WINDOW (l->data));
      if (ADW_IS_MESSAGE_DIALOG (l->data))
        dialog = l->data;
    }
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Could Not Open \u201cnotes.convenor\u201d");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), path));

  destroy_windows (application);
  cvn_test_remove_tree (directory);
}

/* The pages the user is not looking at take no part in the window's size, so refilling one
 * (the Checks page's findings, after every edit) costs no measuring of it: on a
 * 25,000-school borough that measuring took over 0.1 s of every edit. */
static void
test_hidden_pages_not_measured (Fixture       *fixture,
                                gconstpointer  user_data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *checks = cvn_window_get_checks_page (fixture->window);
  int before, after;

  g_assert_nonnull (checks);
  g_assert_cmpstr (cvn_window_get_visible_page (fixture->window), !=, "checks");
  gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &before, NULL, NULL, NULL);
  gtk_widget_set_size_request (checks, before + 2000, -1);
  gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &after, NULL, NULL, NULL);
  g_assert_cmpint (after, ==, before);

  /* Shown, it counts. */
  cvn_window_show_page (fixture->window, "checks");
  gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &after, NULL, NULL, NULL);
  g_assert_cmpint (after, >=, before + 2000);
  gtk_widget_set_size_request (checks, -1, -1);
}

int
main (int   argc,
      char *argv[])
{
  cvn_test_ui_init (&argc, &argv);

#define ADD_WINDOW_TEST(path, func) \
  g_test_add (path, Fixture, NULL, cvn_test_sample_set_up, func, cvn_test_sample_tear_down)

  ADD_WINDOW_TEST ("/cvn/ui/window/outline-tiers", test_outline_tiers);
  ADD_WINDOW_TEST ("/cvn/ui/window/select-school", test_select_school);
  ADD_WINDOW_TEST ("/cvn/ui/window/select-group", test_select_group_details);
  ADD_WINDOW_TEST ("/cvn/ui/window/reload-keeps-selection", test_reload_keeps_selection);
  ADD_WINDOW_TEST ("/cvn/ui/window/reload-keeps-expanded", test_reload_keeps_expanded);
  ADD_WINDOW_TEST ("/cvn/ui/window/outline-made-when-asked", test_outline_made_when_asked);
  ADD_WINDOW_TEST ("/cvn/ui/window/sample-gaps", test_sample_gaps);
  ADD_WINDOW_TEST ("/cvn/ui/window/unclustered-school", test_unclustered_school);
  ADD_WINDOW_TEST ("/cvn/ui/window/save-copy", test_save_copy);
  ADD_WINDOW_TEST ("/cvn/ui/window/titles", test_titles);
  ADD_WINDOW_TEST ("/cvn/ui/window/hidden-pages-not-measured", test_hidden_pages_not_measured);
  g_test_add_func ("/cvn/ui/application/sample-copy-names", test_sample_copy_names);
  g_test_add_func ("/cvn/ui/application/open-file", test_application_open_file);
  g_test_add_func ("/cvn/ui/application/open-error", test_application_open_error);

#undef ADD_WINDOW_TEST

  return cvn_test_ui_run ();
}
