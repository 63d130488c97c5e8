/* test-search-checks.c — searching, the Checks page and its settings, new documents from templates,
 * and the keyboard shortcuts the window lists.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-search-checks"

#include "config.h"

#include "cvn-application.h"
#include "cvn-check-settings-window.h"
#include "cvn-checks-page.h"
#include "cvn-object-chooser.h"
#include "cvn-outline-item.h"
#include "cvn-sample.h"
#include "cvn-templates.h"
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

static gboolean
shows_results (GtkWidget     *widget,
               gconstpointer  results)
{
  GtkSelectionModel *model;

  if (!GTK_IS_LIST_VIEW (widget))
    return FALSE;
  model = gtk_list_view_get_model (GTK_LIST_VIEW (widget));
  return GTK_IS_SINGLE_SELECTION (model)
         && gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model)) == results;
}

/* The list view that shows @results. */
static GtkWidget *
find_results_view (GtkWidget  *widget,
                   GListModel *results)
{
  return cvn_test_find_widget (widget, shows_results, results);
}

static CvnOutlineItem *
result (CvnWindow *window,
        guint      position)
{
  return g_list_model_get_item (cvn_window_get_search_results (window), position);
}

static gboolean
results_contain (CvnWindow    *window,
                 CvnObjectKind kind,
                 gint64        id)
{
  GListModel *results = cvn_window_get_search_results (window);

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr (CvnOutlineItem) item = g_list_model_get_item (results, i);

      if (cvn_outline_item_get_kind (item) == kind && cvn_outline_item_get_id (item) == id)
        return TRUE;
    }
  return FALSE;
}

/* Search --------------------------------------------------------------------------------- */

static void
test_search_name (Fixture       *fixture,
                  gconstpointer  user_data)
{
  CvnSnapshot *snapshot = cvn_window_get_snapshot (fixture->window);
  const CvnEstablishment *school = cvn_test_find_school (snapshot, CVN_SAMPLE_UNCOVERED_SCHOOL);
  GtkSearchBar *bar = cvn_test_find_descendant (GTK_WIDGET (fixture->window), GTK_TYPE_SEARCH_BAR);
  GtkSearchEntry *entry = cvn_test_find_descendant (GTK_WIDGET (fixture->window),
                                                    GTK_TYPE_SEARCH_ENTRY);
  g_autoptr (CvnOutlineItem) first = NULL;
  CvnDetailsPane *details = cvn_window_get_details_pane (fixture->window);
  gint64 id = school->id;

  /* Ctrl+F opens the search bar. */
  g_assert_false (gtk_search_bar_get_search_mode (bar));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.find", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (bar));

  /* Case, apostrophes and a part of a word are all forgiven. */
  cvn_window_search (fixture->window, "GREYFRIARS prim");
  first = result (fixture->window, 0);
  g_assert_nonnull (first);
  g_assert_cmpint (cvn_outline_item_get_kind (first), ==, CVN_OBJECT_ESTABLISHMENT);
  g_assert_cmpint (cvn_outline_item_get_id (first), ==, id);

  /* Enter takes the first result: it is selected, and the search closes. */
  g_signal_emit_by_name (entry, "activate");
  cvn_test_flush ();
  g_assert_false (gtk_search_bar_get_search_mode (bar));
  g_assert_cmpint (cvn_details_pane_get_kind (details), ==, CVN_OBJECT_ESTABLISHMENT);
  g_assert_cmpint (cvn_details_pane_get_id (details), ==, id);

  /* Escape closes it too. */
  cvn_window_search (fixture->window, "Kingsmere");
  g_assert_cmpuint (g_list_model_get_n_items (cvn_window_get_search_results (fixture->window)),
                    >, 1);
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_false (gtk_search_bar_get_search_mode (bar));
  g_assert_cmpuint (g_list_model_get_n_items (cvn_window_get_search_results (fixture->window)),
                    ==, 0);

  /* Nothing matches nonsense. */
  cvn_window_search (fixture->window, "zzqxj");
  g_assert_cmpuint (g_list_model_get_n_items (cvn_window_get_search_results (fixture->window)),
                    ==, 0);
}

static void
test_search_urn (Fixture       *fixture,
                 gconstpointer  user_data)
{
  CvnSnapshot *snapshot = cvn_window_get_snapshot (fixture->window);
  const CvnEstablishment *school = cvn_test_find_school (snapshot, CVN_SAMPLE_UNSUPPORTED_SCHOOL);
  g_autofree char *urn = g_strdup_printf ("%" G_GINT64_FORMAT, school->urn);
  g_autofree char *detail = g_strdup_printf ("School · URN %s", urn);
  g_autoptr (CvnOutlineItem) first = NULL;
  gint64 id = school->id;

  g_assert_cmpint (school->urn, >, 0);
  cvn_window_search (fixture->window, urn);
  first = result (fixture->window, 0);
  g_assert_nonnull (first);
  g_assert_cmpint (cvn_outline_item_get_id (first), ==, id);
  g_assert_cmpstr (cvn_outline_item_get_subtitle (first), ==, detail);
  g_assert_cmpuint (g_list_model_get_n_items (cvn_window_get_search_results (fixture->window)),
                    ==, 1);

  /* A click on a result selects it, as Enter does. */
  g_signal_emit_by_name (find_results_view (GTK_WIDGET (fixture->window),
                                            cvn_window_get_search_results (fixture->window)),
                         "activate", 0);
  cvn_test_flush ();
  g_assert_cmpint (cvn_details_pane_get_kind (cvn_window_get_details_pane (fixture->window)), ==,
                   CVN_OBJECT_ESTABLISHMENT);
  g_assert_cmpint (cvn_details_pane_get_id (cvn_window_get_details_pane (fixture->window)), ==,
                   id);
}

static void
test_search_designation (Fixture       *fixture,
                         gconstpointer  user_data)
{
  CvnSnapshot *snapshot = cvn_window_get_snapshot (fixture->window);
  const CvnDesignation *designation = NULL;
  const CvnDesignationType *type = NULL;
  g_autofree char *lower_code = NULL;
  CvnObjectKind kind;
  gint64 holder;

  /* A current designation held by a person. */
  for (guint i = 0; i < snapshot->designations->len && designation == NULL; i++)
    {
      const CvnDesignation *candidate = &g_array_index (snapshot->designations, CvnDesignation, i);

      if (candidate->person_id != 0
          && cvn_date_range_is_current (candidate->from_date, candidate->until_date,
                                        snapshot->today))
        designation = candidate;
    }
  g_assert_nonnull (designation);
  type = cvn_snapshot_find_designation_type (snapshot, designation->type_id);
  kind = CVN_OBJECT_PERSON;
  holder = designation->person_id;

  /* By its code, in any case... */
  lower_code = g_ascii_strdown (type->code, -1);
  cvn_window_search (fixture->window, lower_code);
  g_assert_true (results_contain (fixture->window, kind, holder));

  /* ...and by words of its name. */
  if (*type->name != '\0' && g_strcmp0 (type->name, type->code) != 0)
    {
      cvn_window_search (fixture->window, type->name);
      g_assert_true (results_contain (fixture->window, kind, holder));
    }
}

/* Checks --------------------------------------------------------------------------------- */

static gboolean
findings_contain (CvnChecksPage *page,
                  const char    *code,
                  const char    *object_name)
{
  GListModel *findings = cvn_checks_page_get_findings (page);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr (CvnFindingItem) item = g_list_model_get_item (findings, i);

      if (g_strcmp0 (cvn_finding_item_get_code (item), code) == 0
          && (object_name == NULL
              || g_strcmp0 (cvn_finding_item_get_object_name (item), object_name) == 0))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static guint
badge (CvnWindow *window)
{
  AdwViewStack *stack = cvn_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);
  AdwViewStackPage *page = adw_view_stack_get_page (stack, cvn_window_get_checks_page (window));

  return adw_view_stack_page_get_badge_number (page);
}

static void
test_checks_page (Fixture       *fixture,
                  gconstpointer  user_data)
{
  CvnChecksPage *page = CVN_CHECKS_PAGE (cvn_window_get_checks_page (fixture->window));
  CvnSnapshot *snapshot = cvn_window_get_snapshot (fixture->window);
  const CvnEstablishment *greyfriars = cvn_test_find_school (snapshot, CVN_SAMPLE_UNCOVERED_SCHOOL);
  const CvnGroup *eastfield = cvn_test_find_group (snapshot, CVN_SAMPLE_UNPARENTED_CLUSTER);
  CvnDetailsPane *details = cvn_window_get_details_pane (fixture->window);
  GListModel *findings;
  CvnObjectRef school;
  gint64 eastfield_id = eastfield->id;
  guint unclustered = G_MAXUINT;

  /* The sample's four deliberate gaps, and nothing else. */
  g_assert_cmpuint (cvn_checks_page_get_n_findings (page), ==, 4);
  g_assert_true (findings_contain (page, CVN_CHECK_SCHOOL_UNCLUSTERED,
                                   CVN_SAMPLE_UNCOVERED_SCHOOL));
  g_assert_true (findings_contain (page, CVN_CHECK_CLUSTER_NO_ALLIANCE,
                                   CVN_SAMPLE_UNPARENTED_CLUSTER));
  g_assert_true (findings_contain (page, CVN_CHECK_COMMITTEE_UNREPRESENTED,
                                   CVN_SAMPLE_UNREPRESENTED_CLUSTER));
  g_assert_true (findings_contain (page, CVN_CHECK_VULNERABLE_UNSUPPORTED,
                                   CVN_SAMPLE_UNSUPPORTED_SCHOOL));
  g_assert_cmpuint (badge (fixture->window), ==, 4);

  /* A finding, clicked, shows what it is about. */
  findings = cvn_checks_page_get_findings (page);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr (CvnFindingItem) item = g_list_model_get_item (findings, i);

      if (g_strcmp0 (cvn_finding_item_get_code (item), CVN_CHECK_SCHOOL_UNCLUSTERED) == 0)
        unclustered = i;
    }
  cvn_checks_page_activate_finding (page, unclustered);
  g_assert_cmpint (cvn_details_pane_get_kind (details), ==, CVN_OBJECT_ESTABLISHMENT);
  g_assert_cmpint (cvn_details_pane_get_id (details), ==, greyfriars->id);

  /* Putting Greyfriars in a cluster mends that gap, and the page follows at once. */
  school = (CvnObjectRef) { CVN_OBJECT_ESTABLISHMENT, greyfriars->id };
  g_assert_cmpuint (cvn_window_add_to_group (fixture->window, &school, 1, eastfield_id,
                                             CVN_ROLE_MEMBER), ==, 1);
  g_assert_cmpuint (cvn_checks_page_get_n_findings (page), ==, 3);
  g_assert_false (findings_contain (page, CVN_CHECK_SCHOOL_UNCLUSTERED, NULL));
  g_assert_cmpuint (badge (fixture->window), ==, 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpuint (cvn_checks_page_get_n_findings (page), ==, 4);
  g_assert_true (findings_contain (page, CVN_CHECK_SCHOOL_UNCLUSTERED,
                                   CVN_SAMPLE_UNCOVERED_SCHOOL));
}

/* The number of findings the Checks page's list shows, read from the list widget itself. */
static guint
n_listed (CvnChecksPage *page)
{
  GtkColumnView *column_view = cvn_test_find_descendant (GTK_WIDGET (page),
                                                         GTK_TYPE_COLUMN_VIEW);

  g_assert_nonnull (column_view);
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (column_view)));
}

/* Out of sight, the page keeps only the count up to date (the badge); its list is filled when
 * it is shown, with the findings of the latest edit, and follows each edit while it is. */
static void
test_checks_hidden_page (Fixture       *fixture,
                         gconstpointer  user_data)
{
  CvnChecksPage *page = CVN_CHECKS_PAGE (cvn_window_get_checks_page (fixture->window));
  CvnSnapshot *snapshot = cvn_window_get_snapshot (fixture->window);
  const CvnEstablishment *greyfriars = cvn_test_find_school (snapshot, CVN_SAMPLE_UNCOVERED_SCHOOL);
  const CvnGroup *eastfield = cvn_test_find_group (snapshot, CVN_SAMPLE_UNPARENTED_CLUSTER);
  GtkLabel *summary;
  CvnObjectRef school = { CVN_OBJECT_ESTABLISHMENT, greyfriars->id };
  gint64 eastfield_id = eastfield->id;
  const char *first_page = cvn_window_get_visible_page (fixture->window);

  g_assert_cmpstr (first_page, !=, "checks");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_cmpuint (badge (fixture->window), ==, 4);
  g_assert_cmpuint (n_listed (page), ==, 0);

  /* An edit made elsewhere moves the badge at once, and leaves the list alone. */
  g_assert_cmpuint (cvn_window_add_to_group (fixture->window, &school, 1, eastfield_id,
                                             CVN_ROLE_MEMBER), ==, 1);
  g_assert_cmpuint (badge (fixture->window), ==, 3);
  g_assert_cmpuint (n_listed (page), ==, 0);

  /* Shown, the page lists the findings of that edit. */
  cvn_window_show_page (fixture->window, "checks");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_cmpuint (n_listed (page), ==, 3);
  summary = cvn_test_find_widget (GTK_WIDGET (page), is_label_with_text, "3 findings");
  g_assert_nonnull (summary);

  /* While it is shown, an edit refills it straight away. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpuint (n_listed (page), ==, 4);
  g_assert_cmpuint (badge (fixture->window), ==, 4);
  g_assert_cmpstr (gtk_label_get_text (summary), ==, "4 findings");

  /* Hidden again, it keeps the list it showed until it is next shown. */
  cvn_window_show_page (fixture->window, first_page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL));
  g_assert_cmpuint (badge (fixture->window), ==, 3);
  g_assert_cmpuint (n_listed (page), ==, 4);
  cvn_window_show_page (fixture->window, "checks");
  g_assert_cmpuint (n_listed (page), ==, 3);
  g_assert_false (findings_contain (page, CVN_CHECK_SCHOOL_UNCLUSTERED, NULL));
  g_assert_cmpstr (gtk_label_get_text (summary), ==, "3 findings");
}

static void
test_check_settings (Fixture       *fixture,
                     gconstpointer  user_data)
{
  CvnChecksPage *page = CVN_CHECKS_PAGE (cvn_window_get_checks_page (fixture->window));
  CvnCheckSettingsWindow *settings;
  GtkSpinButton *spin;
  g_autofree char *value = NULL;
  guint n_before = cvn_checks_page_get_n_findings (page);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.check-settings",
                                             NULL));
  settings = cvn_test_find_toplevel (CVN_TYPE_CHECK_SETTINGS_WINDOW);
  g_assert_nonnull (settings);
  spin = cvn_check_settings_window_get_spin (settings, "checks.cluster-size-max");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==,
                   CVN_CHECK_DEFAULT_CLUSTER_SIZE_MAX);

  /* Lowering the largest cluster size to 3 makes every bigger cluster a finding. */
  gtk_spin_button_set_value (spin, 3);
  cvn_check_settings_window_apply (settings);
  value = cvn_document_get_setting (fixture->document, "checks.cluster-size-max", NULL);
  g_assert_cmpstr (value, ==, "3");
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->document), ==,
                   "Set the largest cluster size to 3");
  g_assert_cmpuint (cvn_checks_page_get_n_findings (page), >, n_before);
  g_assert_true (findings_contain (page, CVN_CHECK_GROUP_SIZE, NULL));

  /* Undo puts back the setting, the findings and the spin button. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpuint (cvn_checks_page_get_n_findings (page), ==, n_before);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==,
                   CVN_CHECK_DEFAULT_CLUSTER_SIZE_MAX);
}

/* Templates and the application ---------------------------------------------------------- */

static void
test_new_from_template (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CvnApplication) application = cvn_application_new ();
  g_autofree char *directory = g_dir_make_tmp ("convenor-template-XXXXXX", &error);
  g_autofree char *path = g_build_filename (directory, "Wigan model", NULL);
  g_autofree char *bad_path = g_build_filename (directory, "Nowhere.convenor", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) bad_file = g_file_new_for_path (bad_path);
  CvnWindow *window;
  CvnChecksPage *page;
  CvnSnapshot *snapshot;

  g_assert_no_error (error);
  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  /* The menu offers each template through one action. */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (application), "new-from-template"));

  window = cvn_application_create_document (application, file, "wigan", &error);
  g_assert_no_error (error);
  g_assert_true (CVN_IS_WINDOW (window));
  /* The extension is added to a name typed without it. */
  g_assert_true (g_str_has_suffix (cvn_document_get_path (cvn_window_get_document (window)),
                                   "Wigan model.convenor"));
  snapshot = cvn_window_get_snapshot (window);
  g_assert_cmpuint (snapshot->groups->len, >, 5);
  g_assert_cmpuint (snapshot->establishments->len, >, 10);
  /* The template's structure is whole: its own checks find nothing. */
  page = CVN_CHECKS_PAGE (cvn_window_get_checks_page (window));
  g_assert_cmpuint (cvn_checks_page_get_n_findings (page), ==, 0);
  /* Building it was one edit, which undo takes back to the empty document. */
  g_assert_true (cvn_document_can_undo (cvn_window_get_document (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (cvn_window_get_snapshot (window)->groups->len, ==, 0);

  /* An unknown template creates nothing and leaves no file behind. */
  g_assert_null (cvn_application_create_document (application, bad_file, "atlantis", &error));
  g_assert_error (error, CVN_TEMPLATE_ERROR, CVN_TEMPLATE_ERROR_UNKNOWN);
  g_assert_false (g_file_query_exists (bad_file, NULL));

  gtk_window_destroy (GTK_WINDOW (window));
  cvn_test_remove_tree (directory);
}

/* The accelerators the shortcuts window lists. */
static GHashTable *
listed_accelerators (void)
{
  g_autoptr (GtkBuilder) builder =
    gtk_builder_new_from_resource ("/org/convenor/Convenor/gtk/help-overlay.ui");
  GHashTable *accelerators = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GSList *objects = gtk_builder_get_objects (builder);

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accelerator = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "accelerator", &accelerator, NULL);
      if (accelerator != NULL)
        g_hash_table_add (accelerators, g_steal_pointer (&accelerator));
    }
  g_slist_free (objects);
  return accelerators;
}

static void
test_shortcuts_listed (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr (GHashTable) accelerators = listed_accelerators ();
  static const char * const expected[] = {
    "<Control>z", "<Shift><Control>z", "<Control>f", "Delete",
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (g_hash_table_contains (accelerators, expected[i]));

  /* And the window answers to them: its own key bindings run the same actions. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.find", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (
    cvn_test_find_descendant (GTK_WIDGET (fixture->window), GTK_TYPE_SEARCH_BAR)));
}

int
main (int   argc,
      char *argv[])
{
  cvn_test_ui_init (&argc, &argv);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, cvn_test_sample_set_up, func, fixture_tear_down)

  ADD_TEST ("/cvn/ui/search/name", test_search_name);
  ADD_TEST ("/cvn/ui/search/urn", test_search_urn);
  ADD_TEST ("/cvn/ui/search/designation", test_search_designation);
  ADD_TEST ("/cvn/ui/checks/page", test_checks_page);
  ADD_TEST ("/cvn/ui/checks/settings", test_check_settings);
  ADD_TEST ("/cvn/ui/checks/hidden-page", test_checks_hidden_page);
  ADD_TEST ("/cvn/ui/shortcuts/listed", test_shortcuts_listed);
  g_test_add_func ("/cvn/ui/templates/new-from-template", test_new_from_template);

#undef ADD_TEST

  return cvn_test_ui_run ();
}
