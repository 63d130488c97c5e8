/* test-window.c — the document window: outline, details pane and Save As.
 *
 * Each test opens a fresh copy of the sample borough in a CvnWindow. Should the sample ever
 * lack the tiers these tests look for, a small borough is added through the store, so the
 * window is always tested against a board, an alliance, a cluster and its schools.
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

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

typedef struct
{
  char        *directory;
  CvnDocument *document;
  CvnWindow   *window;
} Fixture;

static gint64
insert_group (CvnDocument *document,
              const char  *name,
              const char  *kind,
              int          tier,
              gint64       parent_id)
{
  g_autoptr (GError) error = NULL;
  CvnGroup group;
  gint64 id;

  cvn_group_init (&group);
  g_free (group.name);
  group.name = g_strdup (name);
  g_free (group.kind);
  group.kind = g_strdup (kind);
  group.tier = tier;
  group.parent_id = parent_id;
  id = cvn_store_insert_group (document, &group, &error);
  g_assert_no_error (error);
  cvn_group_clear (&group);
  return id;
}

static gint64
insert_school (CvnDocument *document,
               const char  *name,
               gint64       urn)
{
  g_autoptr (GError) error = NULL;
  CvnEstablishment establishment;
  gint64 id;

  cvn_establishment_init (&establishment);
  g_free (establishment.name);
  establishment.name = g_strdup (name);
  g_free (establishment.phase);
  establishment.phase = g_strdup ("primary");
  establishment.urn = urn;
  id = cvn_store_insert_establishment (document, &establishment, &error);
  g_assert_no_error (error);
  cvn_establishment_clear (&establishment);
  return id;
}

static void
insert_membership (CvnDocument  *document,
                   gint64        group_id,
                   CvnObjectKind kind,
                   gint64        member_id,
                   CvnRole       role)
{
  g_autoptr (GError) error = NULL;
  CvnMembership membership = { 0, group_id, kind, member_id, role, (char *) "", (char *) "" };

  cvn_store_insert_membership (document, &membership, &error);
  g_assert_no_error (error);
}

/* Adds the tiers the tests need when the sample does not have them. */
static void
ensure_tiers (CvnDocument *document)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CvnSnapshot) snapshot = cvn_snapshot_load (document, &error);
  gboolean has_board = FALSE;
  gint64 board, alliance, cluster, school;

  g_assert_no_error (error);
  for (guint i = 0; i < snapshot->groups->len; i++)
    has_board |= g_array_index (snapshot->groups, CvnGroup, i).tier == 3;
  if (has_board)
    return;

  cvn_document_begin_edit (document, "Test borough", &error);
  g_assert_no_error (error);
  board = insert_group (document, "Test Strategic Board", "board", 3, 0);
  insert_group (document, "Inclusion Sub-group", "sub-group", 3, board);
  alliance = insert_group (document, "North Alliance", "alliance", 2, board);
  cluster = insert_group (document, "Riverside Cluster", "cluster", 1, alliance);
  school = insert_school (document, "Riverside Primary School", 100001);
  insert_membership (document, cluster, CVN_OBJECT_ESTABLISHMENT, school, CVN_ROLE_MEMBER);
  school = insert_school (document, "Hillside Academy", 100002);
  insert_membership (document, cluster, CVN_OBJECT_ESTABLISHMENT, school, CVN_ROLE_LEAD_HEAD);
  insert_group (document, "Primary Heads Consortium", "committee", 0, 0);
  cvn_document_commit_edit (document, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->directory = g_dir_make_tmp ("convenor-ui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->directory, "Sample.convenor", NULL);
  fixture->document = cvn_sample_create (path, &error);
  g_assert_no_error (error);
  ensure_tiers (fixture->document);

  fixture->window = cvn_window_new (NULL, fixture->document, TRUE);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
remove_directory (const char *directory)
{
  g_autoptr (GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);

      g_remove (path);
    }
  g_rmdir (directory);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->document);
  remove_directory (fixture->directory);
  g_free (fixture->directory);
}

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

static AdwActionRow *
find_action_row (GtkWidget  *widget,
                 const char *title)
{
  if (ADW_IS_ACTION_ROW (widget)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_ACTION_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwActionRow *row = find_action_row (child, title);

      if (row != NULL)
        return row;
    }
  return NULL;
}

static GtkListView *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return GTK_LIST_VIEW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkListView *list_view = find_list_view (child);

      if (list_view != NULL)
        return list_view;
    }
  return NULL;
}

/* The item of the outline row that is selected, through the list view's selection model. */
static CvnOutlineItem *
selected_item (CvnWindow *window)
{
  GtkListView *list_view = find_list_view (GTK_WIDGET (window));
  GtkSingleSelection *selection;
  GtkTreeListRow *row;

  g_assert_nonnull (list_view);
  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (list_view));
  g_assert_true (gtk_single_selection_get_model (selection)
                 == G_LIST_MODEL (cvn_window_get_outline_model (window)));
  row = gtk_single_selection_get_selected_item (selection);
  return row != NULL ? gtk_tree_list_row_get_item (row) : NULL;
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
  AdwActionRow *row;

  g_assert_nonnull (school);
  g_assert_cmpint (cvn_details_pane_get_kind (details), ==, CVN_OBJECT_NONE);
  g_assert_null (find_action_row (GTK_WIDGET (details), "URN"));

  g_assert_true (cvn_window_select_object (fixture->window, CVN_OBJECT_ESTABLISHMENT,
                                           school->id));
  item = selected_item (fixture->window);
  g_assert_nonnull (item);
  g_assert_cmpint (cvn_outline_item_get_kind (item), ==, CVN_OBJECT_ESTABLISHMENT);
  g_assert_cmpint (cvn_outline_item_get_id (item), ==, school->id);

  g_assert_cmpint (cvn_details_pane_get_kind (details), ==, CVN_OBJECT_ESTABLISHMENT);
  g_assert_cmpint (cvn_details_pane_get_id (details), ==, school->id);
  row = find_action_row (GTK_WIDGET (details), "URN");
  g_assert_nonnull (row);
  urn = g_strdup_printf ("%" G_GINT64_FORMAT, school->urn);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, urn);

  /* The school's groups are listed, its cluster among them. */
  g_assert_nonnull (find_action_row (GTK_WIDGET (details), cluster->name));

  /* An object that is in no row cannot be selected. */
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
  AdwActionRow *row;

  g_assert_nonnull (school);
  alliance = cvn_snapshot_find_group (snapshot, cluster->parent_id);
  g_assert_true (cvn_window_select_object (fixture->window, CVN_OBJECT_GROUP, cluster->id));

  row = find_action_row (GTK_WIDGET (details), "Tier");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Tier 1, cluster");
  /* The parent alliance and the member school each have a row leading to them. */
  g_assert_nonnull (find_action_row (GTK_WIDGET (details), alliance->name));
  g_assert_nonnull (find_action_row (GTK_WIDGET (details), school->name));
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

static void
test_unclustered_school (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GtkTreeListRow) row = NULL;
  g_autoptr (CvnOutlineItem) parent = NULL;
  GtkTreeListModel *tree;

  cvn_document_begin_edit (fixture->document, "Add a school", &error);
  g_assert_no_error (error);
  insert_school (fixture->document, "Zebedee Free School", 199999);
  cvn_document_commit_edit (fixture->document, &error);
  g_assert_no_error (error);

  tree = cvn_window_get_outline_model (fixture->window);
  row = find_row (tree, "Zebedee Free School");
  g_assert_nonnull (row);
  parent = parent_item (row);
  g_assert_cmpstr (cvn_outline_item_get_title (parent), ==, "Schools in no cluster");
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
  remove_directory (nested);
  g_rmdir (directory);
}

int
main (int   argc,
      char *argv[])
{
  /* There is no session bus under xvfb-run, so the accessibility bridge could only warn (and
   * warnings are fatal in tests). */
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD_WINDOW_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_WINDOW_TEST ("/cvn/ui/window/outline-tiers", test_outline_tiers);
  ADD_WINDOW_TEST ("/cvn/ui/window/select-school", test_select_school);
  ADD_WINDOW_TEST ("/cvn/ui/window/select-group", test_select_group_details);
  ADD_WINDOW_TEST ("/cvn/ui/window/reload-keeps-selection", test_reload_keeps_selection);
  ADD_WINDOW_TEST ("/cvn/ui/window/unclustered-school", test_unclustered_school);
  ADD_WINDOW_TEST ("/cvn/ui/window/save-copy", test_save_copy);
  ADD_WINDOW_TEST ("/cvn/ui/window/titles", test_titles);
  g_test_add_func ("/cvn/ui/application/sample-copy-names", test_sample_copy_names);

#undef ADD_WINDOW_TEST

  return g_test_run ();
}
