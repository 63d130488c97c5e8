/* test-details-directory.c — designations, directory entries and support engagements in the
 * details pane, and the designation dialog.
 *
 * Each test opens a fresh copy of the sample borough in a CvnWindow. Expected figures come
 * from snapshots of the document, never from ids or counts written down from a run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-details-directory"

#include "config.h"

#include "cvn-designation-dialog.h"
#include "cvn-details-pane.h"
#include "cvn-directory.h"
#include "cvn-sample.h"
#include "cvn-window.h"
#include "ui-util.h"

#include <adwaita.h>
#include <stdio.h>
#include <string.h>

typedef CvnTestSample Fixture;

/* Helpers ------------------------------------------------------------------------------- */

static const CvnDesignationType *
find_type (CvnSnapshot *snapshot,
           const char  *code)
{
  for (guint i = 0; i < snapshot->designation_types->len; i++)
    {
      const CvnDesignationType *type = &g_array_index (snapshot->designation_types,
                                                       CvnDesignationType, i);

      if (g_str_equal (type->code, code))
        return type;
    }
  return NULL;
}

static guint
count_types (CvnSnapshot *snapshot,
             gboolean     for_schools)
{
  guint count = 0;

  for (guint i = 0; i < snapshot->designation_types->len; i++)
    if (!g_array_index (snapshot->designation_types, CvnDesignationType, i).for_schools
        == !for_schools)
      count++;
  return count;
}

static const CvnDesignation *
find_designation (CvnSnapshot *snapshot,
                  gint64       id)
{
  for (guint i = 0; i < snapshot->designations->len; i++)
    if (g_array_index (snapshot->designations, CvnDesignation, i).id == id)
      return &g_array_index (snapshot->designations, CvnDesignation, i);
  return NULL;
}

/* The first person holding a current designation. */
static const CvnDesignation *
first_current_person_designation (CvnSnapshot *snapshot)
{
  for (guint i = 0; i < snapshot->designations->len; i++)
    {
      const CvnDesignation *designation = &g_array_index (snapshot->designations,
                                                          CvnDesignation, i);

      if (designation->person_id != 0
          && cvn_designation_is_current (designation, snapshot->today))
        return designation;
    }
  g_assert_not_reached ();
  return NULL;
}

/* Collects the action rows under @root (a group of the pane). */
static void
collect_rows (GtkWidget *root,
              GPtrArray *rows)
{
  if (ADW_IS_ACTION_ROW (root))
    g_ptr_array_add (rows, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static guint
count_group_rows (CvnDetailsPane *pane,
                  const char     *name)
{
  GtkWidget *group = cvn_test_find_named (GTK_WIDGET (pane), name);
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  if (group == NULL)
    return 0;
  collect_rows (group, rows);
  return rows->len;
}

/* Designations -------------------------------------------------------------------------- */

static void
test_add_designation_and_undo (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr (CvnSnapshot) before = cvn_test_load (fixture->document);
  g_autoptr (CvnSnapshot) after = NULL;
  g_autoptr (CvnSnapshot) undone = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) held_before = NULL;
  g_autoptr (GPtrArray) held_after = NULL;
  g_autoptr (GPtrArray) held_undone = NULL;
  g_autofree char *label = NULL;
  const CvnPerson *person = &g_array_index (before->people, CvnPerson, 0);
  const CvnDesignationType *nle = find_type (before, "NLE");
  const CvnDesignationType *hub = NULL;
  const CvnDesignation *added;
  CvnDesignationDialog *dialog;
  gint64 id;

  g_assert_nonnull (nle);
  g_assert_false (nle->for_schools);
  for (guint i = 0; i < before->designation_types->len; i++)
    if (g_array_index (before->designation_types, CvnDesignationType, i).for_schools)
      hub = &g_array_index (before->designation_types, CvnDesignationType, i);
  g_assert_nonnull (hub);

  dialog = cvn_designation_dialog_new (GTK_WINDOW (fixture->window), fixture->document, before,
                                       CVN_OBJECT_PERSON, person->id, 0);
  /* A person is offered only the types people hold. */
  g_assert_cmpuint (cvn_designation_dialog_get_n_types (dialog), ==, count_types (before, FALSE));
  g_assert_false (cvn_designation_dialog_select_type (dialog, hub->id));

  /* Nothing chosen yet: committing says so and changes nothing. */
  g_assert_cmpint (cvn_designation_dialog_commit (dialog, &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_true (cvn_designation_dialog_select_type (dialog, nle->id));
  cvn_designation_dialog_set_dates (dialog, "2024-09-01", "2023-08-31");
  g_assert_cmpint (cvn_designation_dialog_commit (dialog, &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  cvn_designation_dialog_set_dates (dialog, "2023-09-01", "");
  id = cvn_designation_dialog_commit (dialog, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));

  label = g_strdup_printf ("Add NLE to %s", person->name);
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->document), ==, label);

  after = cvn_test_load (fixture->document);
  added = find_designation (after, id);
  g_assert_nonnull (added);
  g_assert_cmpint (added->person_id, ==, person->id);
  g_assert_cmpint (added->establishment_id, ==, 0);
  g_assert_cmpint (added->type_id, ==, nle->id);
  g_assert_cmpstr (added->from_date, ==, "2023-09-01");
  g_assert_cmpstr (added->until_date, ==, "");
  held_before = cvn_snapshot_get_designations_of (before, CVN_OBJECT_PERSON, person->id, TRUE);
  held_after = cvn_snapshot_get_designations_of (after, CVN_OBJECT_PERSON, person->id, TRUE);
  g_assert_cmpuint (held_after->len, ==, held_before->len + 1);

  g_assert_true (cvn_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  undone = cvn_test_load (fixture->document);
  g_assert_null (find_designation (undone, id));
  held_undone = cvn_snapshot_get_designations_of (undone, CVN_OBJECT_PERSON, person->id, TRUE);
  g_assert_cmpuint (held_undone->len, ==, held_before->len);
}

static void
test_end_designation (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr (CvnSnapshot) before = cvn_test_load (fixture->document);
  g_autoptr (CvnSnapshot) after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all_after = NULL;
  g_autoptr (GPtrArray) current_after = NULL;
  g_autoptr (GPtrArray) all_before = NULL;
  g_autoptr (GDateTime) today = NULL;
  g_autoptr (GDateTime) yesterday = NULL;
  g_autofree char *yesterday_text = NULL;
  g_autofree char *label = NULL;
  const CvnDesignation *designation = first_current_person_designation (before);
  gint64 id = designation->id;
  gint64 person_id = designation->person_id;
  const CvnDesignationType *type = cvn_snapshot_find_designation_type (before,
                                                                       designation->type_id);
  const CvnDesignation *ended;
  CvnDetailsPane *pane = cvn_window_get_details_pane (fixture->window);
  guint n_listed = 0;
  gboolean found_in_pane = FALSE;
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  int year, month, day;

  g_assert_true (cvn_designation_end (fixture->document, before, id, &error));
  g_assert_no_error (error);
  label = g_strdup_printf ("End %s of %s", type->code,
                           cvn_snapshot_get_name (before, CVN_OBJECT_PERSON, person_id));
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->document), ==, label);

  after = cvn_test_load (fixture->document);
  ended = find_designation (after, id);
  /* Still there, as history, but no longer counting. */
  g_assert_nonnull (ended);
  g_assert_false (cvn_designation_is_current (ended, before->today));
  g_assert_true (cvn_designation_is_expired (ended, before->today));
  g_assert_cmpint (sscanf (before->today, "%4d-%2d-%2d", &year, &month, &day), ==, 3);
  today = g_date_time_new_utc (year, month, day, 0, 0, 0);
  yesterday = g_date_time_add_days (today, -1);
  yesterday_text = g_date_time_format (yesterday, "%Y-%m-%d");
  g_assert_cmpstr (ended->until_date, ==, yesterday_text);
  all_before = cvn_snapshot_get_designations_of (before, CVN_OBJECT_PERSON, person_id, FALSE);
  all_after = cvn_snapshot_get_designations_of (after, CVN_OBJECT_PERSON, person_id, FALSE);
  current_after = cvn_snapshot_get_designations_of (after, CVN_OBJECT_PERSON, person_id, TRUE);
  g_assert_cmpuint (all_after->len, ==, all_before->len);
  for (guint i = 0; i < current_after->len; i++)
    g_assert_cmpint (((const CvnDesignation *) g_ptr_array_index (current_after, i))->id, !=, id);

  /* Ending it again is refused. */
  g_assert_false (cvn_designation_end (fixture->document, after, id, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* The pane still lists it, among the past designations. */
  cvn_details_pane_show (pane, after, CVN_OBJECT_PERSON, person_id);
  collect_rows (GTK_WIDGET (pane), rows);
  for (guint i = 0; i < rows->len; i++)
    {
      const gint64 *row_designation = g_object_get_data (G_OBJECT (g_ptr_array_index (rows, i)),
                                                         "cvn-designation");

      if (row_designation == NULL)
        continue;
      n_listed++;
      if (*row_designation == id)
        {
          found_in_pane = TRUE;
          g_assert_true (gtk_widget_has_css_class (g_ptr_array_index (rows, i), "ended"));
        }
    }
  g_assert_true (found_in_pane);
  g_assert_cmpuint (n_listed, ==, all_after->len);

  /* Deleting removes the record, as one undoable edit. */
  g_assert_true (cvn_designation_delete (fixture->document, after, id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, cvn_snapshot_free);
  after = cvn_test_load (fixture->document);
  g_assert_null (find_designation (after, id));
  g_assert_true (cvn_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, cvn_snapshot_free);
  after = cvn_test_load (fixture->document);
  g_assert_nonnull (find_designation (after, id));
}

static void
test_add_designation_type (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr (CvnSnapshot) before = cvn_test_load (fixture->document);
  g_autoptr (CvnSnapshot) after = NULL;
  g_autoptr (GError) error = NULL;
  const CvnEstablishment *school = &g_array_index (before->establishments, CvnEstablishment, 0);
  const CvnDesignationType *added;
  CvnDesignationDialog *dialog;
  guint n_offered;
  gint64 type_id, designation_id;

  dialog = cvn_designation_dialog_new (GTK_WINDOW (fixture->window), fixture->document, before,
                                       CVN_OBJECT_ESTABLISHMENT, school->id, 0);
  n_offered = cvn_designation_dialog_get_n_types (dialog);
  g_assert_cmpuint (n_offered, ==, count_types (before, TRUE));

  /* A code the document has already, in another case, is refused; so is no code. */
  g_assert_cmpint (cvn_designation_dialog_add_type (dialog, "nle", "", FALSE, TRUE, &error), ==,
                   0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpint (cvn_designation_dialog_add_type (dialog, "  ", "", TRUE, FALSE, &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  type_id = cvn_designation_dialog_add_type (dialog, " ESH ", "English hub", TRUE, FALSE,
                                             &error);
  g_assert_no_error (error);
  g_assert_cmpint (type_id, >, 0);
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->document), ==,
                   "Add Designation Type ESH");
  /* A type a school can hold is offered at once, and chosen. */
  g_assert_cmpuint (cvn_designation_dialog_get_n_types (dialog), ==, n_offered + 1);

  after = cvn_test_load (fixture->document);
  g_assert_cmpuint (after->designation_types->len, ==, before->designation_types->len + 1);
  added = find_type (after, "ESH");
  g_assert_nonnull (added);
  g_assert_cmpint (added->id, ==, type_id);
  g_assert_cmpstr (added->name, ==, "English hub");
  g_assert_true (added->for_schools);
  g_assert_false (added->system_leader);

  /* A type for people goes into the list, but a school is not offered it. */
  g_assert_cmpint (cvn_designation_dialog_add_type (dialog, "MLE", "", FALSE, TRUE, &error), >,
                   0);
  g_assert_no_error (error);
  g_assert_cmpuint (cvn_designation_dialog_get_n_types (dialog), ==, n_offered + 1);

  cvn_designation_dialog_set_dates (dialog, "2021-09-01", "");
  designation_id = cvn_designation_dialog_commit (dialog, &error);
  g_assert_no_error (error);
  g_assert_cmpint (designation_id, >, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_pointer (&after, cvn_snapshot_free);
  after = cvn_test_load (fixture->document);
  g_assert_cmpint (find_designation (after, designation_id)->type_id, ==, type_id);
  g_assert_cmpint (find_designation (after, designation_id)->establishment_id, ==, school->id);
}

/* Directory and engagements in the pane ------------------------------------------------ */

typedef struct
{
  CvnObjectKind kind;
  gint64        id;
  guint         n_emitted;
} Activated;

static void
object_activated_cb (CvnDetailsPane *pane,
                     int             kind,
                     gint64          id,
                     Activated      *activated)
{
  activated->kind = (CvnObjectKind) kind;
  activated->id = id;
  activated->n_emitted++;
}

static void
test_directory_in_pane (Fixture       *fixture,
                        gconstpointer  user_data)
{
  CvnSnapshot *snapshot = cvn_window_get_snapshot (fixture->window);
  CvnDetailsPane *pane = cvn_window_get_details_pane (fixture->window);
  const CvnEstablishment *best = NULL;
  guint best_score = 0;
  guint n_strengths = 0, n_needs = 0, n_received = 0, n_given = 0;
  g_autoptr (GPtrArray) received_rows = g_ptr_array_new ();
  Activated activated = { 0 };
  const CvnSupportEngagement *first_received = NULL;
  gulong handler;

  /* The school with the most entries and engagements, so every group has rows to count. */
  for (guint i = 0; i < snapshot->establishments->len; i++)
    {
      const CvnEstablishment *school = &g_array_index (snapshot->establishments,
                                                       CvnEstablishment, i);
      guint entries = 0, received = 0;

      for (guint j = 0; j < snapshot->directory_entries->len; j++)
        {
          const CvnDirectoryEntry *entry = &g_array_index (snapshot->directory_entries,
                                                           CvnDirectoryEntry, j);

          entries += entry->holder_kind == CVN_OBJECT_ESTABLISHMENT
                     && entry->holder_id == school->id;
        }
      for (guint j = 0; j < snapshot->support_engagements->len; j++)
        received += g_array_index (snapshot->support_engagements, CvnSupportEngagement,
                                   j).recipient_id == school->id;
      if (received > 0 && entries + received > best_score)
        {
          best = school;
          best_score = entries + received;
        }
    }
  g_assert_nonnull (best);

  for (guint j = 0; j < snapshot->directory_entries->len; j++)
    {
      const CvnDirectoryEntry *entry = &g_array_index (snapshot->directory_entries,
                                                       CvnDirectoryEntry, j);

      if (entry->holder_kind != CVN_OBJECT_ESTABLISHMENT || entry->holder_id != best->id)
        continue;
      if (entry->kind == CVN_DIRECTORY_NEED)
        n_needs++;
      else
        n_strengths++;
    }
  for (guint j = 0; j < snapshot->support_engagements->len; j++)
    {
      const CvnSupportEngagement *engagement = &g_array_index (snapshot->support_engagements,
                                                               CvnSupportEngagement, j);

      if (engagement->recipient_id == best->id)
        {
          if (first_received == NULL)
            first_received = engagement;
          n_received++;
        }
      if (engagement->provider_kind == CVN_OBJECT_ESTABLISHMENT
          && engagement->provider_id == best->id)
        n_given++;
    }
  g_assert_cmpuint (n_strengths + n_needs, >, 0);
  g_assert_cmpuint (n_received, >, 0);

  cvn_details_pane_show (pane, snapshot, CVN_OBJECT_ESTABLISHMENT, best->id);
  g_assert_cmpuint (count_group_rows (pane, "strengths"), ==, n_strengths);
  g_assert_cmpuint (count_group_rows (pane, "needs"), ==, n_needs);
  g_assert_cmpuint (count_group_rows (pane, "received"), ==, n_received);
  g_assert_cmpuint (count_group_rows (pane, "given"), ==, n_given);

  /* The first row of support received leads to its provider. */
  collect_rows (cvn_test_find_named (GTK_WIDGET (pane), "received"), received_rows);
  handler = g_signal_connect (pane, "object-activated", G_CALLBACK (object_activated_cb),
                              &activated);
  g_signal_emit_by_name (g_ptr_array_index (received_rows, 0), "activated");
  g_signal_handler_disconnect (pane, handler);
  g_assert_cmpuint (activated.n_emitted, ==, 1);
  g_assert_cmpint (activated.kind, ==, first_received->provider_kind);
  g_assert_cmpint (activated.id, ==, first_received->provider_id);

  /* Each strength or need row opens the directory's dialog on its entry. */
  if (n_strengths > 0)
    {
      g_autoptr (GPtrArray) strength_rows = g_ptr_array_new ();

      collect_rows (cvn_test_find_named (GTK_WIDGET (pane), "strengths"), strength_rows);
      g_assert_cmpstr (gtk_actionable_get_action_name (g_ptr_array_index (strength_rows, 0)), ==,
                       "details.edit-directory-entry");
    }
}

int
main (int   argc,
      char *argv[])
{
  cvn_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, cvn_test_sample_set_up, func, cvn_test_sample_tear_down)
  ADD ("/cvn/ui/details-directory/add-designation-and-undo", test_add_designation_and_undo);
  ADD ("/cvn/ui/details-directory/end-designation", test_end_designation);
  ADD ("/cvn/ui/details-directory/add-designation-type", test_add_designation_type);
  ADD ("/cvn/ui/details-directory/directory-in-pane", test_directory_in_pane);
#undef ADD

  return cvn_test_ui_run ();
}
