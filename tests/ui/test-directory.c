/* test-directory.c — the Directory, Audit and Support pages of the window, and brokering.
 *
 * Each test opens a fresh copy of the sample borough in a CvnWindow and finds the pages among
 * the window's widgets. Expected figures come from the window's snapshot and the core (audit,
 * ledger), never from ids or counts written down from a run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-directory"

#include "config.h"

#include "cvn-audit-view.h"
#include "cvn-broker-dialog.h"
#include "cvn-directory.h"
#include "cvn-directory-entry-dialog.h"
#include "cvn-directory-view.h"
#include "cvn-engagements-view.h"
#include "cvn-heatmap.h"
#include "cvn-sample.h"
#include "cvn-window.h"
#include "ui-util.h"

#include <adwaita.h>
#include <string.h>

typedef CvnTestSample Fixture;

/* Helpers ------------------------------------------------------------------------------- */

static CvnDirectoryView *
get_directory_view (Fixture *fixture)
{
  GtkWidget *view = cvn_test_find_descendant (GTK_WIDGET (fixture->window),
                                              CVN_TYPE_DIRECTORY_VIEW);

  g_assert_nonnull (view);
  return CVN_DIRECTORY_VIEW (view);
}

static CvnSnapshot *
snapshot_of (Fixture *fixture)
{
  return cvn_window_get_snapshot (fixture->window);
}

static guint
count_entries_in_area (CvnSnapshot *snapshot,
                       gint64       area_id)
{
  guint count = 0;

  for (guint i = 0; i < snapshot->directory_entries->len; i++)
    if (g_array_index (snapshot->directory_entries, CvnDirectoryEntry, i).area_id == area_id)
      count++;
  return count;
}

static const CvnGroup *
first_group (CvnSnapshot *snapshot,
             const char  *kind,
             int          tier)
{
  for (guint i = 0; i < snapshot->groups->len; i++)
    {
      const CvnGroup *group = &g_array_index (snapshot->groups, CvnGroup, i);

      if (group->tier == tier && g_str_equal (group->kind, kind))
        return group;
    }
  g_assert_not_reached ();
  return NULL;
}

/* The directory ------------------------------------------------------------------------- */

static void
test_lists_all_entries (Fixture       *fixture,
                        gconstpointer  user_data)
{
  CvnDirectoryView *view = get_directory_view (fixture);
  CvnSnapshot *snapshot = snapshot_of (fixture);
  g_autoptr (GHashTable) shown = g_hash_table_new (g_direct_hash, g_direct_equal);

  g_assert_cmpuint (snapshot->directory_entries->len, >, 50);
  g_assert_cmpuint (cvn_directory_view_get_n_rows (view), ==,
                    snapshot->directory_entries->len);
  for (guint i = 0; i < cvn_directory_view_get_n_rows (view); i++)
    g_assert_true (g_hash_table_add (shown,
                                     GSIZE_TO_POINTER (cvn_directory_view_get_entry (view, i)->id)));
  for (guint i = 0; i < snapshot->directory_entries->len; i++)
    g_assert_true (g_hash_table_contains (
      shown, GSIZE_TO_POINTER (g_array_index (snapshot->directory_entries,
                                              CvnDirectoryEntry, i).id)));
}

static void
test_filter_by_area_and_text (Fixture       *fixture,
                              gconstpointer  user_data)
{
  CvnDirectoryView *view = get_directory_view (fixture);
  CvnSnapshot *snapshot = snapshot_of (fixture);
  guint all = cvn_directory_view_get_n_rows (view);
  const CvnExpertiseArea *maths = NULL;
  g_autofree char *holder = NULL;
  guint in_area, with_text;

  for (guint i = 0; i < snapshot->expertise_areas->len; i++)
    if (g_str_equal (g_array_index (snapshot->expertise_areas, CvnExpertiseArea, i).name,
                     "maths"))
      maths = &g_array_index (snapshot->expertise_areas, CvnExpertiseArea, i);
  g_assert_nonnull (maths);

  cvn_directory_view_set_area_filter (view, maths->id);
  in_area = cvn_directory_view_get_n_rows (view);
  g_assert_cmpuint (in_area, ==, count_entries_in_area (snapshot, maths->id));
  g_assert_cmpuint (in_area, >, 0);
  g_assert_cmpuint (in_area, <, all);
  for (guint i = 0; i < in_area; i++)
    g_assert_cmpint (cvn_directory_view_get_entry (view, i)->area_id, ==, maths->id);

  /* Text narrows further: the holder of the first maths row, in another case. */
  holder = g_utf8_strup (cvn_snapshot_get_name (snapshot,
                                                cvn_directory_view_get_entry (view, 0)->holder_kind,
                                                cvn_directory_view_get_entry (view, 0)->holder_id),
                         -1);
  cvn_directory_view_set_search_text (view, holder);
  with_text = cvn_directory_view_get_n_rows (view);
  g_assert_cmpuint (with_text, >=, 1);
  g_assert_cmpuint (with_text, <, in_area);

  /* Text alone, across areas. */
  cvn_directory_view_set_area_filter (view, 0);
  g_assert_cmpuint (cvn_directory_view_get_n_rows (view), >=, with_text);
  g_assert_cmpuint (cvn_directory_view_get_n_rows (view), <, all);
  cvn_directory_view_set_search_text (view, "no school is called this");
  g_assert_cmpuint (cvn_directory_view_get_n_rows (view), ==, 0);
  cvn_directory_view_set_search_text (view, NULL);
  g_assert_cmpuint (cvn_directory_view_get_n_rows (view), ==, all);
}

static void
test_filter_by_group (Fixture       *fixture,
                      gconstpointer  user_data)
{
  CvnDirectoryView *view = get_directory_view (fixture);
  CvnSnapshot *snapshot = snapshot_of (fixture);
  const CvnGroup *alliance = first_group (snapshot, "alliance", 2);
  g_autoptr (CvnAudit) audit = cvn_audit_compute (snapshot, alliance->id, NULL);
  g_autoptr (GHashTable) expected = g_hash_table_new (g_direct_hash, g_direct_equal);
  guint all = cvn_directory_view_get_n_rows (view);

  /* The audit of the alliance counts each entry of its schools (and their people) once. */
  for (guint i = 0; i < audit->n_areas; i++)
    for (guint k = 0; k < audit->totals[i].entry_ids->len; k++)
      g_hash_table_add (expected,
                        GSIZE_TO_POINTER (g_array_index (audit->totals[i].entry_ids, gint64, k)));

  cvn_directory_view_set_group_filter (view, alliance->id);
  g_assert_cmpuint (cvn_directory_view_get_n_rows (view), >, 0);
  g_assert_cmpuint (cvn_directory_view_get_n_rows (view), <, all);
  g_assert_cmpuint (cvn_directory_view_get_n_rows (view), ==, g_hash_table_size (expected));
  for (guint i = 0; i < cvn_directory_view_get_n_rows (view); i++)
    g_assert_true (g_hash_table_contains (
      expected, GSIZE_TO_POINTER (cvn_directory_view_get_entry (view, i)->id)));

  cvn_directory_view_set_group_filter (view, 0);
  g_assert_cmpuint (cvn_directory_view_get_n_rows (view), ==, all);
}

static void
test_sort_by_capacity (Fixture       *fixture,
                       gconstpointer  user_data)
{
  CvnDirectoryView *view = get_directory_view (fixture);
  guint n = cvn_directory_view_get_n_rows (view);
  double previous;
  gboolean any_change = FALSE;

  cvn_directory_view_sort_by (view, "capacity", GTK_SORT_DESCENDING);
  g_assert_cmpuint (cvn_directory_view_get_n_rows (view), ==, n);
  previous = G_MAXDOUBLE;
  for (guint i = 0; i < n; i++)
    {
      const CvnDirectoryEntry *entry = cvn_directory_view_get_entry (view, i);

      /* Strengths, largest offer first; needs offer nothing and come last. */
      if (entry->kind == CVN_DIRECTORY_NEED)
        {
          previous = -1;
          continue;
        }
      g_assert_cmpfloat (entry->capacity_days, <=, previous);
      any_change |= entry->capacity_days < previous && previous != G_MAXDOUBLE;
      previous = entry->capacity_days;
    }
  g_assert_true (any_change);
  g_assert_cmpint (cvn_directory_view_get_entry (view, n - 1)->kind, ==, CVN_DIRECTORY_NEED);

  cvn_directory_view_sort_by (view, "capacity", GTK_SORT_ASCENDING);
  g_assert_cmpint (cvn_directory_view_get_entry (view, 0)->kind, ==, CVN_DIRECTORY_NEED);
  previous = -G_MAXDOUBLE;
  for (guint i = 0; i < n; i++)
    {
      const CvnDirectoryEntry *entry = cvn_directory_view_get_entry (view, i);

      if (entry->kind == CVN_DIRECTORY_STRENGTH)
        {
          g_assert_cmpfloat (entry->capacity_days, >=, previous);
          previous = entry->capacity_days;
        }
    }
}

static void
test_add_entry_and_undo (Fixture       *fixture,
                         gconstpointer  user_data)
{
  CvnDirectoryView *view = get_directory_view (fixture);
  CvnSnapshot *snapshot = snapshot_of (fixture);
  guint before = cvn_directory_view_get_n_rows (view);
  const CvnEstablishment *school = &g_array_index (snapshot->establishments,
                                                   CvnEstablishment, 0);
  const CvnExpertiseArea *area = &g_array_index (snapshot->expertise_areas,
                                                 CvnExpertiseArea, 0);
  CvnDirectoryEntry entry = { 0 };
  CvnDirectoryEntry read_back;
  CvnDirectoryEntryDialog *dialog;
  g_autoptr (GError) error = NULL;
  g_autofree char *label = NULL;
  gint64 id;

  /* The snapshot is replaced by the edit; what is needed from it afterwards is copied now. */
  label = g_strdup_printf ("Add Strength of %s", school->name);
  entry.holder_kind = CVN_OBJECT_ESTABLISHMENT;
  entry.holder_id = school->id;
  entry.area_id = area->id;
  entry.kind = CVN_DIRECTORY_STRENGTH;
  entry.evidence = (char *) "Moderation leads trained by the local authority.";
  entry.capacity_days = 4.5;
  entry.phase = (char *) "primary";
  entry.priority = (char *) "high";   /* a strength has none: the dialog drops it */
  entry.notes = (char *) "";
  entry.qa_status = CVN_QA_PEER_REVIEWED;
  entry.reviewer = (char *) "A. Reviewer";
  entry.reviewed_on = (char *) "2026-01-15";

  dialog = cvn_directory_entry_dialog_new (fixture->window, 0);
  cvn_directory_entry_dialog_set_entry (dialog, &entry);
  cvn_directory_entry_dialog_get_entry (dialog, &read_back);
  g_assert_cmpint (read_back.holder_id, ==, school->id);
  g_assert_cmpint (read_back.area_id, ==, area->id);
  g_assert_cmpfloat (read_back.capacity_days, ==, 4.5);
  g_assert_cmpstr (read_back.priority, ==, "");
  g_assert_cmpstr (read_back.reviewed_on, ==, "2026-01-15");
  cvn_directory_entry_clear (&read_back);

  id = cvn_directory_entry_dialog_commit (dialog, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_cmpuint (cvn_directory_view_get_n_rows (view), ==, before + 1);
  g_assert_true (cvn_directory_view_select_entry (view, id));
  g_assert_true (cvn_document_can_undo (fixture->document));
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->document), ==, label);

  cvn_document_undo (fixture->document, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cvn_directory_view_get_n_rows (view), ==, before);
  g_assert_false (cvn_directory_view_select_entry (view, id));

  /* An invalid review date is refused without touching the document. */
  entry.reviewed_on = (char *) "15/01/2026";
  dialog = cvn_directory_entry_dialog_new (fixture->window, 0);
  cvn_directory_entry_dialog_set_entry (dialog, &entry);
  g_assert_cmpint (cvn_directory_entry_dialog_commit (dialog, &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (cvn_directory_view_get_n_rows (view), ==, before);
}

static void
test_edit_entry (Fixture       *fixture,
                 gconstpointer  user_data)
{
  CvnDirectoryView *view = get_directory_view (fixture);
  const CvnDirectoryEntry *first = cvn_directory_view_get_entry (view, 0);
  gint64 id = first->id;
  CvnDirectoryEntryDialog *dialog = cvn_directory_entry_dialog_new (fixture->window, id);
  CvnDirectoryEntry entry;
  g_autoptr (GError) error = NULL;
  guint before = cvn_directory_view_get_n_rows (view);

  /* The form opens with the entry as it is. */
  cvn_directory_entry_dialog_get_entry (dialog, &entry);
  g_assert_cmpint (entry.id, ==, id);
  g_assert_cmpint (entry.holder_id, ==, first->holder_id);
  g_assert_cmpstr (entry.evidence, ==, first->evidence);
  g_free (entry.evidence);
  entry.evidence = g_strdup ("Revised after the spring review.");
  cvn_directory_entry_dialog_set_entry (dialog, &entry);
  cvn_directory_entry_clear (&entry);
  g_assert_cmpint (cvn_directory_entry_dialog_commit (dialog, &error), ==, id);
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_cmpuint (cvn_directory_view_get_n_rows (view), ==, before);
  g_assert_true (cvn_directory_view_select_entry (view, id));
  cvn_directory_view_set_search_text (view, "after the spring review");
  g_assert_cmpuint (cvn_directory_view_get_n_rows (view), ==, 1);
  g_assert_cmpint (cvn_directory_view_get_entry (view, 0)->id, ==, id);
}

/* Deleting a row of either table is one edit, named after the row, that undo takes back. */
static void
test_delete_rows_and_undo (Fixture       *fixture,
                           gconstpointer  user_data)
{
  CvnDirectoryView *directory = get_directory_view (fixture);
  CvnEngagementsView *register_view =
    CVN_ENGAGEMENTS_VIEW (cvn_test_find_descendant (GTK_WIDGET (fixture->window),
                                                    CVN_TYPE_ENGAGEMENTS_VIEW));
  GtkColumnView *register_table = cvn_test_find_descendant (GTK_WIDGET (register_view),
                                                            GTK_TYPE_COLUMN_VIEW);
  guint entries = cvn_directory_view_get_n_rows (directory);
  guint engagements = cvn_engagements_view_get_n_rows (register_view);
  gint64 entry_id = cvn_directory_view_get_entry (directory, 0)->id;
  const CvnSupportEngagement *engagement = cvn_engagements_view_get_engagement (register_view,
                                                                                0);
  gint64 engagement_id = engagement->id;
  g_autofree char *label = g_strdup_printf ("Delete Support for %s",
                                            cvn_snapshot_get_name (snapshot_of (fixture),
                                                                   CVN_OBJECT_ESTABLISHMENT,
                                                                   engagement->recipient_id));
  g_autoptr (GError) error = NULL;

  g_assert_true (cvn_directory_view_select_entry (directory, entry_id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (directory), "directory.delete", NULL));
  g_assert_cmpuint (cvn_directory_view_get_n_rows (directory), ==, entries - 1);
  g_assert_true (g_str_has_prefix (cvn_document_get_undo_label (fixture->document), "Delete "));

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (
    register_table)), 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (register_view), "engagements.delete",
                                             NULL));
  g_assert_cmpuint (cvn_engagements_view_get_n_rows (register_view), ==, engagements - 1);
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->document), ==, label);
  for (guint i = 0; i < cvn_engagements_view_get_n_rows (register_view); i++)
    g_assert_cmpint (cvn_engagements_view_get_engagement (register_view, i)->id, !=,
                     engagement_id);

  g_assert_true (cvn_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cvn_engagements_view_get_n_rows (register_view), ==, engagements);
  g_assert_true (cvn_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cvn_directory_view_get_n_rows (directory), ==, entries);
  g_assert_true (cvn_directory_view_select_entry (directory, entry_id));
}

/* The audit ----------------------------------------------------------------------------- */

static void
test_audit_alliance (Fixture       *fixture,
                     gconstpointer  user_data)
{
  CvnAuditView *view = cvn_test_find_descendant (GTK_WIDGET (fixture->window),
                                                 CVN_TYPE_AUDIT_VIEW);
  CvnSnapshot *snapshot = snapshot_of (fixture);
  const CvnGroup *alliance = first_group (snapshot, "alliance", 2);
  g_autoptr (GPtrArray) children = cvn_snapshot_get_child_groups (snapshot, alliance->id);
  const CvnAudit *audit;
  GArray *cells;
  guint clusters = 0;
  const CvnHeatmapCell *chosen = NULL;
  const CvnAuditCell *figures = NULL;
  GArray *schools;

  g_assert_nonnull (view);
  /* The whole document first: one column per alliance and one for "No alliance". */
  g_assert_cmpint (cvn_audit_view_get_group (view), ==, 0);
  g_assert_cmpuint (cvn_audit_view_get_audit (view)->n_sub_areas, >, 1);

  cvn_audit_view_set_group (view, alliance->id);
  g_assert_cmpint (cvn_audit_view_get_group (view), ==, alliance->id);
  audit = cvn_audit_view_get_audit (view);
  for (guint i = 0; i < children->len; i++)
    if (((const CvnGroup *) g_ptr_array_index (children, i))->tier == 1)
      clusters++;
  g_assert_cmpuint (clusters, >, 1);
  g_assert_cmpuint (audit->n_sub_areas, ==, clusters);
  for (guint j = 0; j < audit->n_sub_areas; j++)
    {
      const CvnGroup *cluster = cvn_snapshot_find_group (snapshot, audit->sub_areas[j].id);

      g_assert_nonnull (cluster);
      g_assert_cmpint (cluster->parent_id, ==, alliance->id);
    }

  cells = cvn_audit_view_get_cells (view);
  g_assert_cmpuint (cells->len, ==, audit->n_areas * (audit->n_sub_areas + 1));

  /* Click the first cluster cell that has schools behind it. */
  for (guint k = 0; k < cells->len && chosen == NULL; k++)
    {
      const CvnHeatmapCell *cell = &g_array_index (cells, CvnHeatmapCell, k);

      if (cell->sub_area_index < audit->n_sub_areas
          && cvn_audit_get_cell (audit, cell->area_index, cell->sub_area_index)
               ->establishment_ids->len > 1)
        {
          chosen = cell;
          figures = cvn_audit_get_cell (audit, cell->area_index, cell->sub_area_index);
        }
    }
  g_assert_nonnull (chosen);
  g_assert_false (cvn_audit_view_activate_point (view, -10, -10));
  g_assert_true (cvn_audit_view_activate_point (view, chosen->x + chosen->width / 2,
                                                chosen->y + chosen->height / 2));
  schools = cvn_audit_view_get_drill_down (view);
  g_assert_cmpuint (schools->len, ==, figures->establishment_ids->len);
  for (guint i = 0; i < schools->len; i++)
    g_assert_cmpint (g_array_index (schools, gint64, i), ==,
                     g_array_index (figures->establishment_ids, gint64, i));

  /* Clicking a school in the list shows it in the details pane. */
  {
    gint64 school = g_array_index (schools, gint64, 1);

    g_assert_true (cvn_audit_view_activate_drill_down (view, 1));
    g_assert_cmpint (cvn_details_pane_get_kind (cvn_window_get_details_pane (fixture->window)),
                     ==, CVN_OBJECT_ESTABLISHMENT);
    g_assert_cmpint (cvn_details_pane_get_id (cvn_window_get_details_pane (fixture->window)),
                     ==, school);
  }
}

/* Brokering and the support register ------------------------------------------------------ */

static void
test_broker_need (Fixture       *fixture,
                  gconstpointer  user_data)
{
  CvnSnapshot *snapshot = snapshot_of (fixture);
  CvnEngagementsView *register_view =
    CVN_ENGAGEMENTS_VIEW (cvn_test_find_descendant (GTK_WIDGET (fixture->window),
                                                    CVN_TYPE_ENGAGEMENTS_VIEW));
  guint engagements_before = snapshot->support_engagements->len;
  CvnBrokerDialog *dialog = NULL;
  const CvnBrokerageCandidate *candidate;
  CvnObjectKind provider_kind;
  gint64 provider_id, area_id, id;
  double remaining_before, remaining_after;
  g_autoptr (GError) error = NULL;
  g_autoptr (CvnCapacityLedger) ledger_before = NULL;
  g_autoptr (CvnCapacityLedger) ledger_after = NULL;
  const CvnSupportEngagement *recorded = NULL;

  g_assert_nonnull (register_view);
  g_assert_cmpuint (cvn_engagements_view_get_n_rows (register_view), ==, engagements_before);

  /* The first need in the directory that somebody could meet. */
  for (guint i = 0; i < snapshot->directory_entries->len && dialog == NULL; i++)
    {
      const CvnDirectoryEntry *entry = &g_array_index (snapshot->directory_entries,
                                                       CvnDirectoryEntry, i);

      if (entry->kind != CVN_DIRECTORY_NEED || entry->holder_kind != CVN_OBJECT_ESTABLISHMENT)
        continue;
      dialog = cvn_broker_dialog_new (fixture->window, entry->id, 0, 0);
      if (cvn_broker_dialog_get_n_candidates (dialog) == 0)
        {
          gtk_window_destroy (GTK_WINDOW (dialog));
          dialog = NULL;
        }
    }
  g_assert_nonnull (dialog);

  candidate = cvn_broker_dialog_get_candidate (dialog, 0);
  g_assert_cmpuint (candidate->rank, ==, 1);
  g_assert_nonnull (candidate->reason);
  g_assert_cmpfloat (candidate->remaining_days, >, 1);
  provider_kind = candidate->provider_kind;
  provider_id = candidate->provider_id;
  area_id = candidate->area_id;
  ledger_before = cvn_capacity_ledger_new (snapshot);
  remaining_before = cvn_capacity_ledger_remaining (ledger_before, provider_kind, provider_id,
                                                    area_id);

  cvn_broker_dialog_choose (dialog, 0);
  cvn_broker_dialog_set_form (dialog, 1, "School improvement officer", "2027-01-04",
                              "2027-03-26", "Reading at the expected standard rises");
  id = cvn_broker_dialog_commit (dialog, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));

  snapshot = snapshot_of (fixture);
  g_assert_cmpuint (snapshot->support_engagements->len, ==, engagements_before + 1);
  for (guint i = 0; i < snapshot->support_engagements->len; i++)
    if (g_array_index (snapshot->support_engagements, CvnSupportEngagement, i).id == id)
      recorded = &g_array_index (snapshot->support_engagements, CvnSupportEngagement, i);
  g_assert_nonnull (recorded);
  g_assert_cmpint (recorded->status, ==, CVN_ENGAGEMENT_PROPOSED);
  g_assert_cmpint (recorded->provider_id, ==, provider_id);
  g_assert_cmpfloat (recorded->days, ==, 1);
  g_assert_cmpstr (recorded->broker, ==, "School improvement officer");

  ledger_after = cvn_capacity_ledger_new (snapshot);
  remaining_after = cvn_capacity_ledger_remaining (ledger_after, provider_kind, provider_id,
                                                   area_id);
  g_assert_cmpfloat_with_epsilon (remaining_after, remaining_before - 1, 1e-9);

  /* The register lists it, and its status changes in place as one edit. */
  g_assert_cmpuint (cvn_engagements_view_get_n_rows (register_view), ==,
                    engagements_before + 1);
  g_assert_true (cvn_engagements_view_set_status (register_view, id, CVN_ENGAGEMENT_AGREED,
                                                  &error));
  g_assert_no_error (error);
  snapshot = snapshot_of (fixture);
  for (guint i = 0; i < snapshot->support_engagements->len; i++)
    if (g_array_index (snapshot->support_engagements, CvnSupportEngagement, i).id == id)
      g_assert_cmpint (g_array_index (snapshot->support_engagements, CvnSupportEngagement,
                                      i).status, ==, CVN_ENGAGEMENT_AGREED);
  cvn_document_undo (fixture->document, &error);
  g_assert_no_error (error);
  cvn_document_undo (fixture->document, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cvn_engagements_view_get_n_rows (register_view), ==, engagements_before);
}

int
main (int   argc,
      char *argv[])
{
  cvn_test_ui_init (&argc, &argv);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, cvn_test_sample_set_up, func, cvn_test_sample_tear_down)

  ADD_TEST ("/cvn/ui/directory/lists-all-entries", test_lists_all_entries);
  ADD_TEST ("/cvn/ui/directory/filter-by-area-and-text", test_filter_by_area_and_text);
  ADD_TEST ("/cvn/ui/directory/filter-by-group", test_filter_by_group);
  ADD_TEST ("/cvn/ui/directory/sort-by-capacity", test_sort_by_capacity);
  ADD_TEST ("/cvn/ui/directory/add-entry-and-undo", test_add_entry_and_undo);
  ADD_TEST ("/cvn/ui/directory/edit-entry", test_edit_entry);
  ADD_TEST ("/cvn/ui/directory/delete-rows-and-undo", test_delete_rows_and_undo);
  ADD_TEST ("/cvn/ui/audit/alliance", test_audit_alliance);
  ADD_TEST ("/cvn/ui/brokerage/broker-need", test_broker_need);

  return cvn_test_ui_run ();
}
