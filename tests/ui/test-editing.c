/* test-editing.c — editing through the window: each edit made the way a user makes it (an
 * action, a field of the details pane, a dialog), its undo label, and its undo.
 *
 * Each test opens a fresh copy of the sample borough. Objects are found by name through the
 * snapshot, the sample's deliberate gaps by the names in cvn-sample.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-editing"

#include "config.h"

#include "cvn-edits.h"
#include "cvn-object-chooser.h"
#include "cvn-outline-item.h"
#include "cvn-sample.h"
#include "cvn-window.h"
#include "ui-util.h"

#include <adwaita.h>
#include <string.h>

typedef CvnTestSample Fixture;

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  cvn_test_destroy_dialogs ();
  cvn_test_sample_tear_down (fixture, user_data);
}

/* Helpers -------------------------------------------------------------------------------- */

static CvnSnapshot *
snapshot_of (Fixture *fixture)
{
  return cvn_window_get_snapshot (fixture->window);
}

/* The @nth tier-1 cluster (kind "cluster") that has an alliance as its parent. */
static const CvnGroup *
nth_cluster (CvnSnapshot *snapshot,
             guint        nth)
{
  for (guint i = 0; i < snapshot->groups->len; i++)
    {
      const CvnGroup *group = &g_array_index (snapshot->groups, CvnGroup, i);
      const CvnGroup *parent = cvn_snapshot_find_group (snapshot, group->parent_id);

      if (group->tier == 1 && g_strcmp0 (group->kind, "cluster") == 0
          && parent != NULL && parent->tier == 2 && nth-- == 0)
        return group;
    }
  return NULL;
}

static const CvnGroup *
first_alliance (CvnSnapshot *snapshot)
{
  for (guint i = 0; i < snapshot->groups->len; i++)
    {
      const CvnGroup *group = &g_array_index (snapshot->groups, CvnGroup, i);

      if (group->tier == 2)
        return group;
    }
  return NULL;
}

/* A school that is a current member of @cluster and of no other tier-1 group. */
static const CvnEstablishment *
school_only_in (CvnSnapshot    *snapshot,
                const CvnGroup *cluster)
{
  g_autoptr (GPtrArray) members = cvn_snapshot_get_members (snapshot, cluster->id, TRUE);

  for (guint i = 0; i < members->len; i++)
    {
      const CvnMembership *membership = g_ptr_array_index (members, i);
      g_autoptr (GPtrArray) groups = NULL;
      guint n_tier1 = 0;

      if (membership->member_kind != CVN_OBJECT_ESTABLISHMENT)
        continue;
      groups = cvn_snapshot_get_memberships_of (snapshot, CVN_OBJECT_ESTABLISHMENT,
                                                membership->member_id, TRUE);
      for (guint j = 0; j < groups->len; j++)
        {
          const CvnMembership *other = g_ptr_array_index (groups, j);
          const CvnGroup *group = cvn_snapshot_find_group (snapshot, other->group_id);

          n_tier1 += group != NULL && group->tier == 1;
        }
      if (n_tier1 == 1)
        return cvn_snapshot_find_establishment (snapshot, membership->member_id);
    }
  return NULL;
}

static const CvnMembership *
current_membership (CvnSnapshot  *snapshot,
                    gint64        group_id,
                    CvnObjectKind kind,
                    gint64        id)
{
  g_autoptr (GPtrArray) memberships = cvn_snapshot_get_memberships_of (snapshot, kind, id, TRUE);

  for (guint i = 0; i < memberships->len; i++)
    {
      const CvnMembership *membership = g_ptr_array_index (memberships, i);

      if (membership->group_id == group_id)
        return membership;
    }
  return NULL;
}

static gboolean
is_button_for_action (GtkWidget     *widget,
                      gconstpointer  action_name)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

static GtkWidget *
find_button_with_action (GtkWidget  *widget,
                         const char *action_name)
{
  return cvn_test_find_widget (widget, is_button_for_action, action_name);
}

/* The label the primary menu gives the item for @action_name. */
static char *
menu_label (CvnWindow  *window,
            const char *action_name)
{
  GtkWidget *widget = GTK_WIDGET (window);
  GMenuModel *menu = NULL;
  GPtrArray *stack = g_ptr_array_new ();

  /* The primary menu button is the one with the primary property set. */
  g_ptr_array_add (stack, widget);
  while (stack->len > 0 && menu == NULL)
    {
      GtkWidget *current = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_MENU_BUTTON (current) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (current)))
        menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (current));
      for (GtkWidget *child = gtk_widget_get_first_child (current); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
  g_ptr_array_unref (stack);
  g_assert_nonnull (menu);

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr (GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *action = NULL;
          g_autofree char *label = NULL;

          if (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &action)
              && g_strcmp0 (action, action_name) == 0
              && g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_LABEL, "s",
                                                  &label))
            return g_steal_pointer (&label);
        }
    }
  return NULL;
}

static void
activate (Fixture    *fixture,
          const char *action_name,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->window), action_name,
                                                     parameter));
  cvn_test_flush ();
}

static void
undo (Fixture *fixture)
{
  activate (fixture, "win.undo", NULL);
}

/* Tests ---------------------------------------------------------------------------------- */

static void
test_create_school (Fixture       *fixture,
                    gconstpointer  user_data)
{
  CvnDetailsPane *details = cvn_window_get_details_pane (fixture->window);
  GtkWidget *undo_button = find_button_with_action (GTK_WIDGET (fixture->window), "win.undo");
  const CvnEstablishment *school;
  g_autofree char *label = NULL;
  gint64 id;

  activate (fixture, "win.new-school", NULL);
  school = cvn_test_find_school (snapshot_of (fixture), "New school");
  g_assert_nonnull (school);
  id = school->id;
  g_assert_true (school->is_open);

  /* It is shown, and its name is ready to be typed over. */
  g_assert_cmpint (cvn_details_pane_get_kind (details), ==, CVN_OBJECT_ESTABLISHMENT);
  g_assert_cmpint (cvn_details_pane_get_id (details), ==, id);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                         cvn_details_pane_get_field_row (details, "name")));
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->document), ==, "Create New school");
  g_assert_nonnull (undo_button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (undo_button), ==, "Undo Create New school");
  label = menu_label (fixture->window, "win.undo");
  g_assert_cmpstr (label, ==, "_Undo Create New school");

  /* A second one gets a name of its own. */
  activate (fixture, "win.new-school", NULL);
  g_assert_nonnull (cvn_test_find_school (snapshot_of (fixture), "New school 2"));

  undo (fixture);
  undo (fixture);
  g_assert_null (cvn_test_find_school (snapshot_of (fixture), "New school"));
  g_assert_cmpstr (cvn_document_get_redo_label (fixture->document), ==, "Create New school");
  activate (fixture, "win.redo", NULL);
  g_assert_nonnull (cvn_test_find_school (snapshot_of (fixture), "New school"));
}

static void
test_create_group (Fixture       *fixture,
                   gconstpointer  user_data)
{
  const CvnGroup *alliance = first_alliance (snapshot_of (fixture));
  const CvnGroup *cluster;
  gint64 alliance_id = alliance->id;

  /* With an alliance selected, a new cluster goes inside it, in tier 1. */
  g_assert_true (cvn_window_select_object (fixture->window, CVN_OBJECT_GROUP, alliance_id));
  activate (fixture, "win.new-group", g_variant_new_string ("cluster"));
  cluster = cvn_test_find_group (snapshot_of (fixture), "New cluster");
  g_assert_nonnull (cluster);
  g_assert_cmpstr (cluster->kind, ==, "cluster");
  g_assert_cmpint (cluster->tier, ==, 1);
  g_assert_cmpint (cluster->parent_id, ==, alliance_id);

  /* A kind of the user's own is kept as typed (in lower case). */
  g_assert_true (cvn_window_select_object (fixture->window, CVN_OBJECT_GROUP, cluster->id));
  gtk_editable_set_text (GTK_EDITABLE (cvn_details_pane_get_field_row (
                           cvn_window_get_details_pane (fixture->window), "kind")),
                         "Reading Network");
  g_signal_emit_by_name (cvn_details_pane_get_field_row (
                           cvn_window_get_details_pane (fixture->window), "kind"), "apply");
  cvn_test_flush ();
  g_assert_cmpstr (cvn_test_find_group (snapshot_of (fixture), "New cluster")->kind, ==,
                   "reading network");
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->document), ==,
                   "Change the kind of New cluster to reading network");
}

static void
test_rename_group (Fixture       *fixture,
                   gconstpointer  user_data)
{
  CvnDetailsPane *details = cvn_window_get_details_pane (fixture->window);
  const CvnGroup *cluster = nth_cluster (snapshot_of (fixture), 0);
  g_autofree char *old_name = g_strdup (cluster->name);
  g_autofree char *expected = g_strdup_printf ("Rename %s to Riverside Cluster", old_name);
  g_autofree char *tooltip = NULL;
  g_autofree char *label = NULL;
  gint64 id = cluster->id;
  GtkWidget *row;

  g_assert_true (cvn_window_select_object (fixture->window, CVN_OBJECT_GROUP, id));
  row = cvn_details_pane_get_field_row (details, "name");
  g_assert_true (ADW_IS_ENTRY_ROW (row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, old_name);

  /* Typing a name and pressing Enter renames, as one edit named after it. */
  gtk_editable_set_text (GTK_EDITABLE (row), "Riverside Cluster");
  g_signal_emit_by_name (row, "apply");
  cvn_test_flush ();
  g_assert_nonnull (cvn_test_find_group (snapshot_of (fixture), "Riverside Cluster"));
  g_assert_null (cvn_test_find_group (snapshot_of (fixture), old_name));
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->document), ==, expected);
  tooltip = g_strdup_printf ("Undo %s", expected);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (
                     find_button_with_action (GTK_WIDGET (fixture->window), "win.undo")), ==,
                   tooltip);
  label = menu_label (fixture->window, "win.undo");
  g_assert_true (g_str_has_prefix (label, "_Undo Rename "));
  g_assert_cmpstr (label + strlen ("_"), ==, tooltip);

  /* The pane shows the group still, with the new name in its field. */
  g_assert_cmpint (cvn_details_pane_get_id (details), ==, id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
                     cvn_details_pane_get_field_row (details, "name"))), ==, "Riverside Cluster");

  /* An empty name is refused and the field goes back to the name. */
  row = cvn_details_pane_get_field_row (details, "name");
  gtk_editable_set_text (GTK_EDITABLE (row), "   ");
  g_signal_emit_by_name (row, "apply");
  cvn_test_flush ();
  g_assert_nonnull (cvn_test_find_group (snapshot_of (fixture), "Riverside Cluster"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Riverside Cluster");
  g_assert_nonnull (cvn_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  cvn_test_destroy_dialogs ();

  undo (fixture);
  g_assert_nonnull (cvn_test_find_group (snapshot_of (fixture), old_name));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
                     cvn_details_pane_get_field_row (details, "name"))), ==, old_name);
}

static void
test_recolour (Fixture       *fixture,
               gconstpointer  user_data)
{
  CvnDetailsPane *details = cvn_window_get_details_pane (fixture->window);
  const CvnGroup *cluster = nth_cluster (snapshot_of (fixture), 1);
  g_autofree char *name = g_strdup (cluster->name);
  g_autofree char *expected = g_strdup_printf ("Change the colour of %s", name);
  GdkRGBA teal = { 0x3a / 255.0, 0x7b / 255.0, 0xd5 / 255.0, 1 };
  GtkWidget *button;

  g_assert_cmpstr (cluster->colour, ==, "");
  g_assert_true (cvn_window_select_object (fixture->window, CVN_OBJECT_GROUP, cluster->id));
  button = cvn_test_find_descendant (cvn_details_pane_get_field_row (details, "colour"),
                                     GTK_TYPE_COLOR_BUTTON);
  g_assert_nonnull (button);
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (button), &teal);
  g_signal_emit_by_name (button, "color-set");
  cvn_test_flush ();
  g_assert_cmpstr (cvn_test_find_group (snapshot_of (fixture), name)->colour, ==, "#3a7bd5");
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->document), ==, expected);

  undo (fixture);
  g_assert_cmpstr (cvn_test_find_group (snapshot_of (fixture), name)->colour, ==, "");
}

static void
test_set_parent (Fixture       *fixture,
                 gconstpointer  user_data)
{
  const CvnGroup *eastfield = cvn_test_find_group (snapshot_of (fixture),
                                                   CVN_SAMPLE_UNPARENTED_CLUSTER);
  const CvnGroup *alliance = first_alliance (snapshot_of (fixture));
  g_autofree char *expected = g_strdup_printf ("Put %s in %s", eastfield->name, alliance->name);
  gint64 eastfield_id = eastfield->id;
  gint64 alliance_id = alliance->id;
  CvnObjectChooser *chooser;
  GtkWidget *tier;

  g_assert_cmpint (eastfield->parent_id, ==, 0);
  g_assert_true (cvn_window_select_object (fixture->window, CVN_OBJECT_GROUP, eastfield_id));
  activate (fixture, "win.choose-parent", g_variant_new_int64 (eastfield_id));
  chooser = cvn_test_find_toplevel (CVN_TYPE_OBJECT_CHOOSER);
  g_assert_nonnull (chooser);
  /* A group is never offered as its own parent. */
  g_assert_false (cvn_object_chooser_choose (chooser, CVN_OBJECT_GROUP, eastfield_id));
  g_assert_true (cvn_object_chooser_choose (chooser, CVN_OBJECT_GROUP, alliance_id));
  cvn_test_flush ();
  g_assert_cmpint (cvn_test_find_group (snapshot_of (fixture),
                                        CVN_SAMPLE_UNPARENTED_CLUSTER)->parent_id, ==, alliance_id);
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->document), ==, expected);

  /* The tier is a choice of its own. */
  tier = cvn_details_pane_get_field_row (cvn_window_get_details_pane (fixture->window), "tier");
  g_assert_true (ADW_IS_COMBO_ROW (tier));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (tier)), ==, 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (tier), 0);
  cvn_test_flush ();
  g_assert_cmpint (cvn_test_find_group (snapshot_of (fixture),
                                        CVN_SAMPLE_UNPARENTED_CLUSTER)->tier, ==, 0);
  undo (fixture);
  g_assert_cmpint (cvn_test_find_group (snapshot_of (fixture),
                                        CVN_SAMPLE_UNPARENTED_CLUSTER)->tier, ==, 1);

  undo (fixture);
  g_assert_cmpint (cvn_test_find_group (snapshot_of (fixture),
                                        CVN_SAMPLE_UNPARENTED_CLUSTER)->parent_id, ==, 0);
}

static void
test_add_membership (Fixture       *fixture,
                     gconstpointer  user_data)
{
  const CvnGroup *cluster = nth_cluster (snapshot_of (fixture), 0);
  const CvnPerson *person = NULL;
  g_autofree char *expected = NULL;
  const CvnMembership *membership;
  CvnObjectChooser *chooser;
  gint64 cluster_id = cluster->id;
  gint64 person_id;

  /* Someone who is not in the cluster yet. */
  for (guint i = 0; i < snapshot_of (fixture)->people->len && person == NULL; i++)
    {
      const CvnPerson *candidate = &g_array_index (snapshot_of (fixture)->people, CvnPerson, i);

      if (current_membership (snapshot_of (fixture), cluster_id, CVN_OBJECT_PERSON,
                              candidate->id) == NULL)
        person = candidate;
    }
  g_assert_nonnull (person);
  person_id = person->id;
  expected = g_strdup_printf ("Add %s to %s", person->name, cluster->name);

  activate (fixture, "win.add-member", g_variant_new_int64 (cluster_id));
  chooser = cvn_test_find_toplevel (CVN_TYPE_OBJECT_CHOOSER);
  g_assert_nonnull (chooser);
  cvn_object_chooser_set_role (chooser, CVN_ROLE_CO_CHAIR);
  g_assert_true (cvn_object_chooser_choose (chooser, CVN_OBJECT_PERSON, person_id));
  cvn_test_flush ();

  membership = current_membership (snapshot_of (fixture), cluster_id, CVN_OBJECT_PERSON,
                                   person_id);
  g_assert_nonnull (membership);
  g_assert_cmpint (membership->role, ==, CVN_ROLE_CO_CHAIR);
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->document), ==, expected);

  /* Members already in the group are not offered again. */
  activate (fixture, "win.add-member", g_variant_new_int64 (cluster_id));
  chooser = cvn_test_find_toplevel (CVN_TYPE_OBJECT_CHOOSER);
  g_assert_false (cvn_object_chooser_choose (chooser, CVN_OBJECT_PERSON, person_id));
  gtk_window_destroy (GTK_WINDOW (chooser));

  undo (fixture);
  g_assert_null (current_membership (snapshot_of (fixture), cluster_id, CVN_OBJECT_PERSON,
                                     person_id));
}

static void
test_end_membership (Fixture       *fixture,
                     gconstpointer  user_data)
{
  CvnDetailsPane *details = cvn_window_get_details_pane (fixture->window);
  const CvnGroup *cluster = nth_cluster (snapshot_of (fixture), 0);
  const CvnEstablishment *school = school_only_in (snapshot_of (fixture), cluster);
  const CvnMembership *membership;
  g_autofree char *expected = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) before = g_date_time_add_days (now, -1);
  g_autofree char *yesterday = g_date_time_format (before, "%Y-%m-%d");
  gint64 cluster_id = cluster->id;
  gint64 school_id, membership_id;
  gboolean found = FALSE;

  g_assert_nonnull (school);
  school_id = school->id;
  membership = current_membership (snapshot_of (fixture), cluster_id, CVN_OBJECT_ESTABLISHMENT,
                                   school_id);
  membership_id = membership->id;
  expected = g_strdup_printf ("End the membership of %s in %s", school->name, cluster->name);

  /* Ending it from the school's details keeps the membership, ended, as history. */
  g_assert_true (cvn_window_select_object (fixture->window, CVN_OBJECT_ESTABLISHMENT, school_id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (details), "details.end-membership", "x",
                                             membership_id));
  cvn_test_flush ();
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->document), ==, expected);
  g_assert_null (current_membership (snapshot_of (fixture), cluster_id, CVN_OBJECT_ESTABLISHMENT,
                                     school_id));
  all = cvn_snapshot_get_memberships_of (snapshot_of (fixture), CVN_OBJECT_ESTABLISHMENT,
                                         school_id, FALSE);
  for (guint i = 0; i < all->len; i++)
    {
      const CvnMembership *ended = g_ptr_array_index (all, i);

      if (ended->id == membership_id)
        {
          found = TRUE;
          g_assert_cmpstr (ended->until_date, ==, yesterday);
        }
    }
  g_assert_true (found);
  /* Now in no cluster, the school is listed among those that need one. */
  g_assert_true (cvn_window_select_object (fixture->window, CVN_OBJECT_ESTABLISHMENT, school_id));

  undo (fixture);
  g_assert_nonnull (current_membership (snapshot_of (fixture), cluster_id,
                                        CVN_OBJECT_ESTABLISHMENT, school_id));
}

/* Whether a row of the outline shows @school_id directly under the group @group_id. */
static gboolean
outline_has_member_row (CvnWindow *window,
                        gint64     group_id,
                        gint64     school_id)
{
  GtkTreeListModel *tree = cvn_window_get_outline_model (window);

  /* Open every row so the whole tree can be walked. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (tree)); i++)
    {
      g_autoptr (GtkTreeListRow) row = gtk_tree_list_model_get_row (tree, i);

      gtk_tree_list_row_set_expanded (row, TRUE);
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (tree)); i++)
    {
      g_autoptr (GtkTreeListRow) row = gtk_tree_list_model_get_row (tree, i);
      g_autoptr (GtkTreeListRow) parent = gtk_tree_list_row_get_parent (row);
      g_autoptr (CvnOutlineItem) item = gtk_tree_list_row_get_item (row);
      g_autoptr (CvnOutlineItem) parent_item = NULL;

      if (parent == NULL || cvn_outline_item_get_kind (item) != CVN_OBJECT_ESTABLISHMENT
          || cvn_outline_item_get_id (item) != school_id)
        continue;
      parent_item = gtk_tree_list_row_get_item (parent);
      if (cvn_outline_item_get_kind (parent_item) == CVN_OBJECT_GROUP
          && cvn_outline_item_get_id (parent_item) == group_id)
        return TRUE;
    }
  return FALSE;
}

static void
test_move_school (Fixture       *fixture,
                  gconstpointer  user_data)
{
  const CvnGroup *from = nth_cluster (snapshot_of (fixture), 0);
  const CvnGroup *to = nth_cluster (snapshot_of (fixture), 1);
  const CvnEstablishment *school = school_only_in (snapshot_of (fixture), from);
  g_autofree char *expected = g_strdup_printf ("Move %s to %s", school->name, to->name);
  g_autofree char *tooltip = g_strdup_printf ("Undo %s", expected);
  gint64 from_id = from->id, to_id = to->id, school_id = school->id;

  g_assert_true (outline_has_member_row (fixture->window, from_id, school_id));
  g_assert_false (outline_has_member_row (fixture->window, to_id, school_id));

  /* What dropping the school's row on the other cluster's row does. */
  g_assert_true (cvn_window_move_member (fixture->window, CVN_OBJECT_ESTABLISHMENT, school_id,
                                         from_id, to_id));
  cvn_test_flush ();
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->document), ==, expected);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (
                     find_button_with_action (GTK_WIDGET (fixture->window), "win.undo")), ==,
                   tooltip);
  g_assert_null (current_membership (snapshot_of (fixture), from_id, CVN_OBJECT_ESTABLISHMENT,
                                     school_id));
  g_assert_nonnull (current_membership (snapshot_of (fixture), to_id, CVN_OBJECT_ESTABLISHMENT,
                                        school_id));
  g_assert_false (outline_has_member_row (fixture->window, from_id, school_id));
  g_assert_true (outline_has_member_row (fixture->window, to_id, school_id));

  undo (fixture);
  g_assert_true (outline_has_member_row (fixture->window, from_id, school_id));
  g_assert_false (outline_has_member_row (fixture->window, to_id, school_id));
  g_assert_cmpstr (cvn_document_get_redo_label (fixture->document), ==, expected);
}

static void
test_add_two_to_group (Fixture       *fixture,
                       gconstpointer  user_data)
{
  CvnSnapshot *snapshot = snapshot_of (fixture);
  const CvnEstablishment *greyfriars = cvn_test_find_school (snapshot, CVN_SAMPLE_UNCOVERED_SCHOOL);
  const CvnGroup *cluster = cvn_test_find_group (snapshot, CVN_SAMPLE_UNPARENTED_CLUSTER);
  const CvnGroup *other_cluster = nth_cluster (snapshot, 0);
  const CvnEstablishment *other = school_only_in (snapshot, other_cluster);
  g_autofree char *expected = g_strdup_printf ("Add 2 schools to %s", cluster->name);
  g_autoptr (GArray) selected = NULL;
  CvnObjectRef both[2];
  CvnObjectChooser *chooser;
  gint64 cluster_id = cluster->id;

  both[0] = (CvnObjectRef) { CVN_OBJECT_ESTABLISHMENT, greyfriars->id };
  both[1] = (CvnObjectRef) { CVN_OBJECT_ESTABLISHMENT, other->id };
  g_assert_true (cvn_window_select_objects (fixture->window, both, 2));
  selected = cvn_window_get_selected_objects (fixture->window);
  g_assert_cmpuint (selected->len, ==, 2);
  /* With two rows selected the details pane offers what can be done to both. */
  g_assert_cmpint (cvn_details_pane_get_kind (cvn_window_get_details_pane (fixture->window)), ==,
                   CVN_OBJECT_NONE);

  activate (fixture, "win.add-to-group", NULL);
  chooser = cvn_test_find_toplevel (CVN_TYPE_OBJECT_CHOOSER);
  g_assert_nonnull (chooser);
  /* The list can be narrowed by typing. */
  cvn_object_chooser_set_search (chooser, "eastfield");
  g_assert_cmpuint (cvn_object_chooser_get_n_shown (chooser), ==, 1);
  g_assert_true (cvn_object_chooser_choose (chooser, CVN_OBJECT_GROUP, cluster_id));
  cvn_test_flush ();

  g_assert_cmpstr (cvn_document_get_undo_label (fixture->document), ==, expected);
  g_assert_nonnull (current_membership (snapshot_of (fixture), cluster_id,
                                        CVN_OBJECT_ESTABLISHMENT, both[0].id));
  g_assert_nonnull (current_membership (snapshot_of (fixture), cluster_id,
                                        CVN_OBJECT_ESTABLISHMENT, both[1].id));

  /* One step undoes both. */
  undo (fixture);
  g_assert_null (current_membership (snapshot_of (fixture), cluster_id, CVN_OBJECT_ESTABLISHMENT,
                                     both[0].id));
  g_assert_null (current_membership (snapshot_of (fixture), cluster_id, CVN_OBJECT_ESTABLISHMENT,
                                     both[1].id));
}

static gint64
count_rows (CvnDocument *document,
            const char  *sql)
{
  g_autoptr (sqlite3_stmt) stmt = cvn_document_prepare (document, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
test_delete_cascade (Fixture       *fixture,
                     gconstpointer  user_data)
{
  const CvnGroup *cluster = nth_cluster (snapshot_of (fixture), 0);
  g_autofree char *name = g_strdup (cluster->name);
  g_autofree char *heading = g_strdup_printf ("Delete %s?", name);
  g_autofree char *label = g_strdup_printf ("Delete %s", name);
  g_autoptr (GPtrArray) members = cvn_snapshot_get_members (snapshot_of (fixture), cluster->id,
                                                            FALSE);
  g_autoptr (GPtrArray) member_of = cvn_snapshot_get_memberships_of (snapshot_of (fixture),
                                                                     CVN_OBJECT_GROUP,
                                                                     cluster->id, FALSE);
  g_autofree char *body = g_strdup_printf ("Deleting %s also removes %u memberships.", name,
                                           members->len + member_of->len);
  gint64 n_memberships = count_rows (fixture->document, "SELECT count(*) FROM memberships");
  AdwMessageDialog *dialog;
  gint64 id = cluster->id;

  g_assert_true (cvn_window_select_object (fixture->window, CVN_OBJECT_GROUP, id));
  activate (fixture, "win.delete", NULL);

  /* The cluster has members, so deleting it asks first, and says what goes with it. */
  dialog = cvn_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, body);
  g_assert_nonnull (cvn_test_find_group (snapshot_of (fixture), name));
  /* What clicking Delete does: the answer, then the dialog goes. */
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  cvn_test_flush ();

  g_assert_null (cvn_test_find_group (snapshot_of (fixture), name));
  g_assert_cmpint (count_rows (fixture->document, "SELECT count(*) FROM memberships"), ==,
                   n_memberships - (gint64) (members->len + member_of->len));
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->document), ==, label);

  undo (fixture);
  g_assert_nonnull (cvn_test_find_group (snapshot_of (fixture), name));
  g_assert_cmpint (count_rows (fixture->document, "SELECT count(*) FROM memberships"), ==,
                   n_memberships);

  /* A new school nothing refers to is deleted at once, without asking. */
  activate (fixture, "win.new-school", NULL);
  g_assert_nonnull (cvn_test_find_school (snapshot_of (fixture), "New school"));
  activate (fixture, "win.delete", NULL);
  g_assert_null (cvn_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_null (cvn_test_find_school (snapshot_of (fixture), "New school"));
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->document), ==, "Delete New school");
}

static void
test_school_fields (Fixture       *fixture,
                    gconstpointer  user_data)
{
  CvnDetailsPane *details = cvn_window_get_details_pane (fixture->window);
  const CvnEstablishment *school = cvn_test_find_school (snapshot_of (fixture),
                                                         CVN_SAMPLE_UNCOVERED_SCHOOL);
  g_autofree char *expected = g_strdup_printf ("Change the reason for opting out of clusters "
                                               "of %s", school->name);
  gint64 id = school->id;
  GtkWidget *row;
  GtkWidget *toggle;

  g_assert_true (cvn_window_select_object (fixture->window, CVN_OBJECT_ESTABLISHMENT, id));

  /* Numbers are read as typed, thousands separators and all. */
  row = cvn_details_pane_get_field_row (details, "pupils");
  gtk_editable_set_text (GTK_EDITABLE (row), "1,250");
  g_signal_emit_by_name (row, "apply");
  cvn_test_flush ();
  g_assert_cmpint (cvn_snapshot_find_establishment (snapshot_of (fixture), id)->pupils, ==, 1250);

  row = cvn_details_pane_get_field_row (details, "opted_out_reason");
  gtk_editable_set_text (GTK_EDITABLE (row), "Works within its trust's network");
  g_signal_emit_by_name (row, "apply");
  cvn_test_flush ();
  g_assert_cmpstr (cvn_snapshot_find_establishment (snapshot_of (fixture), id)->opted_out_reason,
                   ==, "Works within its trust's network");
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->document), ==, expected);

  /* The pane is rebuilt after every edit; the field being typed in keeps the focus, so moving
   * from one field to the next (which commits the first) does not lose the second. */
  g_assert_true (cvn_details_pane_focus_field (details, "postcode"));
  row = cvn_details_pane_get_field_row (details, "trust");
  gtk_editable_set_text (GTK_EDITABLE (row), "Greyfriars Learning Trust");
  g_signal_emit_by_name (row, "apply");
  cvn_test_flush ();
  g_assert_cmpstr (cvn_snapshot_find_establishment (snapshot_of (fixture), id)->trust, ==,
                   "Greyfriars Learning Trust");
  g_assert_true (cvn_details_pane_get_field_row (details, "trust") != row);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                         cvn_details_pane_get_field_row (details, "postcode")));

  toggle = cvn_test_find_descendant (cvn_details_pane_get_field_row (details, "is_open"),
                                     GTK_TYPE_SWITCH);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));
  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  cvn_test_flush ();
  g_assert_false (cvn_snapshot_find_establishment (snapshot_of (fixture), id)->is_open);
}

int
main (int   argc,
      char *argv[])
{
  cvn_test_ui_init (&argc, &argv);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, cvn_test_sample_set_up, func, fixture_tear_down)

  ADD_TEST ("/cvn/ui/editing/create-school", test_create_school);
  ADD_TEST ("/cvn/ui/editing/create-group", test_create_group);
  ADD_TEST ("/cvn/ui/editing/rename-group", test_rename_group);
  ADD_TEST ("/cvn/ui/editing/recolour", test_recolour);
  ADD_TEST ("/cvn/ui/editing/set-parent", test_set_parent);
  ADD_TEST ("/cvn/ui/editing/add-membership", test_add_membership);
  ADD_TEST ("/cvn/ui/editing/end-membership", test_end_membership);
  ADD_TEST ("/cvn/ui/editing/move-school", test_move_school);
  ADD_TEST ("/cvn/ui/editing/add-two-to-group", test_add_two_to_group);
  ADD_TEST ("/cvn/ui/editing/delete-cascade", test_delete_cascade);
  ADD_TEST ("/cvn/ui/editing/school-fields", test_school_fields);

#undef ADD_TEST

  return cvn_test_ui_run ();
}
