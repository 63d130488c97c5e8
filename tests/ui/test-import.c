/* test-import.c — File › Import and File › Export Data.
 *
 * Each test opens a fresh copy of the sample borough in a CvnWindow and drives the import
 * dialog through its own functions (the file chooser aside), as the buttons do. What the
 * summary should say comes from running the core importer with the same options on a second
 * copy of the sample, never from figures written down from a run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-import"

#include "config.h"

#include "cvn-data-export.h"
#include "cvn-directory-csv.h"
#include "cvn-graphml.h"
#include "cvn-import-dialog.h"
#include "cvn-import-gias.h"
#include "cvn-members-csv.h"
#include "cvn-sample.h"
#include "cvn-window.h"
#include "ui-util.h"
#include "cvn-xml-document.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

typedef struct
{
  CvnTestSample  sample;
  GPtrArray     *paths;     /* other files the test wrote, removed at the end */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  cvn_test_sample_set_up (&fixture->sample, user_data);
  fixture->paths = g_ptr_array_new_with_free_func (g_free);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&fixture->sample.window)));
  g_clear_object (&fixture->sample.document);
  cvn_test_remove_document (fixture->sample.path);
  for (guint i = 0; i < fixture->paths->len; i++)
    cvn_test_remove_document (g_ptr_array_index (fixture->paths, i));
  /* Nothing was left behind but the files the test wrote itself. */
  g_assert_cmpint (g_rmdir (fixture->sample.directory), ==, 0);
  cvn_test_sample_close (&fixture->sample);
  g_ptr_array_unref (fixture->paths);
}

/* Helpers ------------------------------------------------------------------------------- */

static char *
fixture_file (Fixture    *fixture,
              const char *name)
{
  char *path = g_build_filename (fixture->sample.directory, name, NULL);

  g_ptr_array_add (fixture->paths, g_strdup (path));
  return path;
}

static CvnSnapshot *
snapshot_of (Fixture *fixture)
{
  return cvn_window_get_snapshot (fixture->sample.window);
}

/* A second copy of the sample, for the core importer to show what the dialog should say. */
static CvnDocument *
create_reference (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = fixture_file (fixture, "Reference.convenor");
  CvnDocument *reference = cvn_sample_create (path, &error);

  g_assert_no_error (error);
  return reference;
}

static CvnImportDialog *
open_dialog (Fixture *fixture)
{
  CvnImportDialog *dialog = cvn_import_dialog_new (fixture->sample.window);

  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
set_path (CvnImportDialog *dialog,
          const char      *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);

  cvn_import_dialog_set_file (dialog, file);
}

static void
wait_while_running (CvnImportDialog *dialog)
{
  while (cvn_import_dialog_get_state (dialog) == CVN_IMPORT_STATE_RUNNING)
    g_main_context_iteration (NULL, TRUE);
}

static void
wait_for_local_authorities (CvnImportDialog *dialog)
{
  while (cvn_import_dialog_get_file_local_authorities (dialog) == NULL)
    g_main_context_iteration (NULL, TRUE);
}

/* TRUE when @text has @line as one of its lines, whole. */
static gboolean
has_line (const char *text,
          const char *line)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  return g_strv_contains ((const char * const *) lines, line);
}

static void
assert_line (const char *text,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
assert_line (const char *text,
             const char *format,
             ...)
{
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);
  if (!has_line (text, line))
    g_error ("The summary has no line “%s”:\n%s", line, text);
}

static guint
count_people (CvnSnapshot *snapshot)
{
  return snapshot->people->len;
}

static const CvnEstablishment *
find_by_urn (CvnSnapshot *snapshot,
             gint64       urn)
{
  return cvn_snapshot_find_establishment_by_urn (snapshot, urn);
}

/* Every line the summary shows for a GIAS schools import, from the core's own summary. */
static void
assert_gias_summary (const char           *text,
                     const CvnGiasSummary *expected,
                     gboolean              with_heads)
{
  assert_line (text, "Added: %u", expected->added);
  assert_line (text, "Changed: %u", expected->changed);
  assert_line (text, "Closed: %u", expected->closed);
  assert_line (text, "Unchanged: %u", expected->unchanged);
  assert_line (text, "Left out: %u", expected->not_selected);
  assert_line (text, "Rows skipped: %u", expected->skips->len);
  for (guint i = 0; i < expected->skips->len; i++)
    {
      const CvnGiasSkip *skip = &g_array_index (expected->skips, CvnGiasSkip, i);

      assert_line (text, "  %s line %u: %s", skip->file, skip->line, skip->reason);
    }
  if (with_heads)
    assert_line (text, "Headteachers added: %u", expected->heads_added);
  else
    g_assert_null (strstr (text, "Headteachers added"));
  for (guint i = 0; i < expected->unused_local_authorities->len; i++)
    assert_line (text, "  %s",
                 (const char *) g_ptr_array_index (expected->unused_local_authorities, i));
}

/* Guessing ------------------------------------------------------------------------------- */

static void
test_guess_kind (void)
{
  static const struct {
    const char   *folder;
    const char   *name;
    CvnImportKind kind;
    gboolean      is_links;
  } cases[] = {
    { "gias", "schools.csv", CVN_IMPORT_KIND_GIAS_SCHOOLS, FALSE },
    { "gias", "schools-update.csv", CVN_IMPORT_KIND_GIAS_SCHOOLS, FALSE },
    { "gias", "groups.csv", CVN_IMPORT_KIND_GIAS_GROUPS, FALSE },
    { "gias", "group-links.csv", CVN_IMPORT_KIND_GIAS_GROUPS, TRUE },
    { "members", "members.csv", CVN_IMPORT_KIND_MEMBERSHIPS, FALSE },
    { "directory", "strengths.csv", CVN_IMPORT_KIND_DIRECTORY, FALSE },
    { "xml", "yed-like.graphml", CVN_IMPORT_KIND_GRAPHML, FALSE },
    { "xml", "gephi-like.graphml", CVN_IMPORT_KIND_GRAPHML, FALSE },
  };
  g_autofree char *xml = g_test_build_filename (G_TEST_DIST, "data", "xml",
                                                "unknown-column.xml", NULL);
  CvnImportKind kind;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", cases[i].folder,
                                                     cases[i].name, NULL);
      gboolean is_links = !cases[i].is_links;

      g_test_message ("%s", cases[i].name);
      g_assert_true (cvn_import_guess_kind (path, &kind, &is_links));
      g_assert_cmpint (kind, ==, cases[i].kind);
      g_assert_cmpint (is_links, ==, cases[i].is_links);
    }

  /* The lossless XML form is a whole document, not something to import into one. */
  g_assert_false (cvn_import_guess_kind (xml, &kind, NULL));
}

static void
test_groups_file_finds_partner (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autofree char *links = cvn_test_data_path ("gias", "group-links.csv");
  g_autofree char *groups = cvn_test_data_path ("gias", "groups.csv");
  g_autoptr (GFile) groups_file = g_file_new_for_path (groups);
  g_autoptr (GFile) links_file = g_file_new_for_path (links);
  g_autoptr (CvnDocument) reference = create_reference (fixture);
  g_autoptr (CvnGiasSummary) expected = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  CvnImportDialog *dialog = open_dialog (fixture);

  /* Choosing the links file puts it in its place and finds the groups file beside it. */
  set_path (dialog, links);
  g_assert_cmpint (cvn_import_dialog_get_kind (dialog), ==, CVN_IMPORT_KIND_GIAS_GROUPS);
  g_assert_true (g_file_equal (cvn_import_dialog_get_links_file (dialog), links_file));
  g_assert_true (g_file_equal (cvn_import_dialog_get_file (dialog), groups_file));

  expected = cvn_import_gias_groups (reference, groups, links, &error);
  g_assert_no_error (error);

  g_assert_true (cvn_import_dialog_start (dialog));
  wait_while_running (dialog);
  g_assert_cmpint (cvn_import_dialog_get_state (dialog), ==, CVN_IMPORT_STATE_DONE);
  text = cvn_import_dialog_dup_summary_text (dialog);
  g_test_message ("%s", text);
  assert_line (text, "Added: %u", expected->groups_added);
  assert_line (text, "Added: %u", expected->memberships_added);
  assert_line (text, "Rows skipped: %u", expected->skips->len);
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->sample.document), ==,
                   "Import trusts and federations");

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* GIAS establishments --------------------------------------------------------------------- */

static void
test_gias_all (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autofree char *path = cvn_test_data_path ("gias", "schools.csv");
  g_autoptr (CvnDocument) reference = create_reference (fixture);
  g_autoptr (CvnGiasSummary) expected = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  CvnGiasOptions options = { NULL, FALSE, FALSE };
  CvnImportDialog *dialog = open_dialog (fixture);
  guint schools_before = snapshot_of (fixture)->establishments->len;
  guint people_before = count_people (snapshot_of (fixture));
  GPtrArray *las;

  set_path (dialog, path);
  g_assert_cmpint (cvn_import_dialog_get_kind (dialog), ==, CVN_IMPORT_KIND_GIAS_SCHOOLS);

  /* The file's local authorities are offered; the sample's own (Kingsmere) is not in the
   * file, so nothing is filled in and every authority is imported. */
  wait_for_local_authorities (dialog);
  las = cvn_import_dialog_get_file_local_authorities (dialog);
  g_assert_cmpuint (las->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (las, 0), ==, "Bolton");
  g_assert_cmpstr (g_ptr_array_index (las, 1), ==, "Wigan");
  g_assert_cmpstr (cvn_import_dialog_get_local_authorities (dialog), ==, "");

  expected = cvn_import_gias (reference, path, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expected->added, >, 0);

  g_assert_true (cvn_import_dialog_start (dialog));
  g_assert_cmpint (cvn_import_dialog_get_state (dialog), ==, CVN_IMPORT_STATE_RUNNING);
  /* Nothing else may start while one import runs. */
  g_assert_false (cvn_import_dialog_start (dialog));
  wait_while_running (dialog);
  g_assert_cmpint (cvn_import_dialog_get_state (dialog), ==, CVN_IMPORT_STATE_DONE);

  text = cvn_import_dialog_dup_summary_text (dialog);
  g_test_message ("%s", text);
  assert_gias_summary (text, expected, FALSE);

  /* The window reloaded from the document's ::changed signal, and shows the new schools; no
   * head teacher came in. */
  g_assert_cmpuint (snapshot_of (fixture)->establishments->len, ==,
                    schools_before + expected->added);
  g_assert_cmpuint (count_people (snapshot_of (fixture)), ==, people_before);
  g_assert_nonnull (find_by_urn (snapshot_of (fixture), 100001));
  g_assert_nonnull (find_by_urn (snapshot_of (fixture), 100006));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_gias_filter_with_heads (Fixture       *fixture,
                             gconstpointer  user_data)
{
  static const char * const wanted[] = { "Wigan", "Nowhere", NULL };
  g_autofree char *path = cvn_test_data_path ("gias", "schools.csv");
  g_autoptr (CvnDocument) reference = create_reference (fixture);
  g_autoptr (CvnGiasSummary) expected = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  CvnGiasOptions options = { wanted, TRUE, TRUE };
  CvnImportDialog *dialog = open_dialog (fixture);
  guint schools_before = snapshot_of (fixture)->establishments->len;
  guint people_before = count_people (snapshot_of (fixture));
  CvnSnapshot *snapshot;
  guint wigan = 0;

  set_path (dialog, path);
  cvn_import_dialog_set_local_authorities (dialog, "Wigan, Nowhere");
  cvn_import_dialog_set_include_closed (dialog, TRUE);
  cvn_import_dialog_set_with_heads (dialog, TRUE);

  expected = cvn_import_gias (reference, path, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expected->heads_added, >, 0);
  g_assert_cmpuint (expected->not_selected, >, 0);
  g_assert_cmpuint (expected->unused_local_authorities->len, ==, 1);

  g_assert_true (cvn_import_dialog_start (dialog));
  wait_while_running (dialog);
  g_assert_cmpint (cvn_import_dialog_get_state (dialog), ==, CVN_IMPORT_STATE_DONE);
  text = cvn_import_dialog_dup_summary_text (dialog);
  g_test_message ("%s", text);
  assert_gias_summary (text, expected, TRUE);
  assert_line (text, "Local authorities not in the file: 1");
  assert_line (text, "  Nowhere");

  snapshot = snapshot_of (fixture);
  g_assert_cmpuint (snapshot->establishments->len, ==, schools_before + expected->added);
  g_assert_cmpuint (count_people (snapshot), ==, people_before + expected->heads_added);
  /* Only Wigan's schools came in, the closed one among them; none of Bolton's. */
  for (guint i = 0; i < snapshot->establishments->len; i++)
    {
      const CvnEstablishment *e = &g_array_index (snapshot->establishments, CvnEstablishment, i);

      if (e->urn >= 100001 && e->urn <= 100011)
        {
          g_assert_cmpstr (e->local_authority, ==, "Wigan");
          wigan++;
        }
    }
  g_assert_cmpuint (wigan, ==, expected->added);
  g_assert_nonnull (find_by_urn (snapshot, 100005));
  g_assert_false (find_by_urn (snapshot, 100005)->is_open);
  g_assert_null (find_by_urn (snapshot, 100006));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* GIAS names a few authorities with a comma in them; the entry's commas still separate. */
static void
test_gias_names_with_commas (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autofree char *path = fixture_file (fixture, "bristol.csv");
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  CvnImportDialog *dialog = open_dialog (fixture);
  static const char data[] =
    "URN,LA (code),LA (name),EstablishmentName,EstablishmentStatus (name)\r\n"
    "300001,801,\"Bristol, City of\",Avon Primary School,Open\r\n"
    "300002,359,Wigan,Ince Nursery School,Open\r\n"
    "300003,350,Bolton,Turton High School,Open\r\n"
    "300004,810,\"Kingston upon Hull, City of\",Humber Academy,Open\r\n";

  g_file_set_contents (path, data, -1, &error);
  g_assert_no_error (error);
  set_path (dialog, path);
  wait_for_local_authorities (dialog);
  g_assert_cmpuint (cvn_import_dialog_get_file_local_authorities (dialog)->len, ==, 4);

  cvn_import_dialog_set_local_authorities (dialog, "Bristol, City of, 359");
  g_assert_true (cvn_import_dialog_start (dialog));
  wait_while_running (dialog);
  g_assert_cmpint (cvn_import_dialog_get_state (dialog), ==, CVN_IMPORT_STATE_DONE);
  text = cvn_import_dialog_dup_summary_text (dialog);
  assert_line (text, "Added: 2");
  assert_line (text, "Left out: 2");
  g_assert_null (strstr (text, "Local authorities not in the file"));
  g_assert_nonnull (find_by_urn (snapshot_of (fixture), 300001));
  g_assert_nonnull (find_by_urn (snapshot_of (fixture), 300002));
  g_assert_null (find_by_urn (snapshot_of (fixture), 300004));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_gias_one_undo_step (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *path = cvn_test_data_path ("gias", "schools.csv");
  g_autofree char *label_before = g_strdup (cvn_document_get_undo_label (fixture->sample.document));
  g_autoptr (GError) error = NULL;
  CvnImportDialog *dialog = open_dialog (fixture);
  guint schools_before = snapshot_of (fixture)->establishments->len;

  set_path (dialog, path);
  cvn_import_dialog_set_with_heads (dialog, TRUE);
  g_assert_true (cvn_import_dialog_start (dialog));
  wait_while_running (dialog);
  g_assert_cmpint (cvn_import_dialog_get_state (dialog), ==, CVN_IMPORT_STATE_DONE);
  g_assert_cmpuint (snapshot_of (fixture)->establishments->len, >, schools_before);
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->sample.document), ==,
                   "Import schools from schools.csv");

  /* One undo takes back the schools and the heads together. */
  g_assert_true (cvn_document_undo (fixture->sample.document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (snapshot_of (fixture)->establishments->len, ==, schools_before);
  g_assert_null (find_by_urn (snapshot_of (fixture), 100001));
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->sample.document), ==, label_before);
  g_assert_true (cvn_document_can_redo (fixture->sample.document));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_gias_error_shown (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *path = cvn_test_data_path ("gias", "schools-malformed.csv");
  g_autoptr (CvnDocument) reference = create_reference (fixture);
  g_autoptr (CvnGiasSummary) expected = NULL;
  g_autoptr (GError) error = NULL;
  CvnImportDialog *dialog = open_dialog (fixture);
  guint64 revision = cvn_document_get_revision (fixture->sample.document);
  guint schools_before = snapshot_of (fixture)->establishments->len;

  expected = cvn_import_gias (reference, path, NULL, &error);
  g_assert_null (expected);
  g_assert_nonnull (error);

  set_path (dialog, path);
  g_assert_true (cvn_import_dialog_start (dialog));
  wait_while_running (dialog);

  /* The importer's own message, naming the file and the line, is what the dialog shows. */
  g_assert_cmpint (cvn_import_dialog_get_state (dialog), ==, CVN_IMPORT_STATE_FAILED);
  g_assert_cmpstr (cvn_import_dialog_get_failure (dialog), ==, error->message);
  g_assert_nonnull (strstr (error->message, "schools-malformed.csv"));
  g_assert_null (cvn_import_dialog_dup_summary_text (dialog));
  g_assert_cmpuint (cvn_document_get_revision (fixture->sample.document), ==, revision);
  g_assert_false (cvn_document_in_edit (fixture->sample.document));
  g_assert_cmpuint (snapshot_of (fixture)->establishments->len, ==, schools_before);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Cancelling ------------------------------------------------------------------------------- */

/* A GIAS register of @n_rows open schools in 20 local authorities, in UTF-8. */
static void
write_register (const char *path,
                guint       n_rows)
{
  g_autoptr (GString) text = g_string_new ("URN,LA (code),LA (name),EstablishmentName,"
                                           "EstablishmentStatus (name),PhaseOfEducation (name),"
                                           "TypeOfEstablishment (name),NumberOfPupils,"
                                           "Postcode,Easting,Northing,HeadFirstName,"
                                           "HeadLastName\r\n");
  g_autoptr (GError) error = NULL;

  for (guint row = 0; row < n_rows; row++)
    g_string_append_printf (text, "%u,%u,Authority %u,\"School %u, Upper Site\",Open,%s,"
                                  "Academy converter,%u,WN%u 1AB,%u,%u,Head,Number %u\r\n",
                            200000 + row, 300 + row % 20, row % 20, row,
                            row % 3 == 0 ? "Secondary" : "Primary", 100 + row % 900, row % 90,
                            350000 + row % 5000, 400000 + row % 7000, row);
  g_file_set_contents (path, text->str, (gssize) text->len, &error);
  g_assert_no_error (error);
}

static void
cancel_cb (gpointer data)
{
  cvn_import_dialog_cancel (data);
}

static void
test_cancel_leaves_document (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autofree char *small = cvn_test_data_path ("gias", "schools.csv");
  g_autofree char *large = fixture_file (fixture, "register.csv");
  g_autofree char *label_before = g_strdup (cvn_document_get_undo_label (fixture->sample.document));
  CvnImportDialog *dialog = open_dialog (fixture);
  guint64 revision = cvn_document_get_revision (fixture->sample.document);
  guint schools_before = snapshot_of (fixture)->establishments->len;

  /* Cancelled at once: whether the worker had begun or not, nothing comes in. */
  set_path (dialog, small);
  g_assert_true (cvn_import_dialog_start (dialog));
  cvn_import_dialog_cancel (dialog);
  wait_while_running (dialog);
  g_assert_cmpint (cvn_import_dialog_get_state (dialog), ==, CVN_IMPORT_STATE_FAILED);
  g_assert_nonnull (cvn_import_dialog_get_failure (dialog));
  g_assert_cmpuint (cvn_document_get_revision (fixture->sample.document), ==, revision);
  g_assert_false (cvn_document_in_edit (fixture->sample.document));
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->sample.document), ==, label_before);

  /* Cancelled while the worker is writing a larger register. */
  write_register (large, 20000);
  set_path (dialog, large);
  g_assert_cmpint (cvn_import_dialog_get_state (dialog), ==, CVN_IMPORT_STATE_READY);
  g_assert_true (cvn_import_dialog_start (dialog));
  g_timeout_add_once (30, cancel_cb, dialog);
  wait_while_running (dialog);
  g_assert_cmpint (cvn_import_dialog_get_state (dialog), ==, CVN_IMPORT_STATE_FAILED);
  g_assert_cmpuint (cvn_document_get_revision (fixture->sample.document), ==, revision);
  g_assert_false (cvn_document_in_edit (fixture->sample.document));
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->sample.document), ==, label_before);
  g_assert_cmpuint (snapshot_of (fixture)->establishments->len, ==, schools_before);
  g_assert_null (find_by_urn (snapshot_of (fixture), 200000));

  /* The document is still usable: after a failure the dialog waits for the options again,
   * and the same file then imports whole. */
  g_assert_false (cvn_import_dialog_start (dialog));
  set_path (dialog, large);
  g_assert_true (cvn_import_dialog_start (dialog));
  wait_while_running (dialog);
  g_assert_cmpint (cvn_import_dialog_get_state (dialog), ==, CVN_IMPORT_STATE_DONE);
  g_assert_cmpuint (snapshot_of (fixture)->establishments->len, ==, schools_before + 20000);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Closing the dialog while it imports cancels, and the dialog goes once the worker is back. */
static void
test_close_while_running (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *large = fixture_file (fixture, "register.csv");
  CvnImportDialog *dialog = open_dialog (fixture);
  guint64 revision = cvn_document_get_revision (fixture->sample.document);
  GWeakRef weak;

  write_register (large, 5000);
  set_path (dialog, large);
  g_weak_ref_init (&weak, dialog);
  g_assert_true (cvn_import_dialog_start (dialog));
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpint (cvn_import_dialog_get_state (dialog), ==, CVN_IMPORT_STATE_RUNNING);
  for (GObject *alive = g_weak_ref_get (&weak); alive != NULL; alive = g_weak_ref_get (&weak))
    {
      g_object_unref (alive);
      g_main_context_iteration (NULL, TRUE);
    }
  g_weak_ref_clear (&weak);
  g_assert_cmpuint (cvn_document_get_revision (fixture->sample.document), ==, revision);
  g_assert_false (cvn_document_in_edit (fixture->sample.document));
}

/* A dialog destroyed under a running import (its window closed) still hands the document back
 * unchanged and out of the edit. */
static void
test_destroy_while_running (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autofree char *large = fixture_file (fixture, "register.csv");
  g_autoptr (GError) error = NULL;
  CvnImportDialog *dialog = open_dialog (fixture);
  guint64 revision = cvn_document_get_revision (fixture->sample.document);
  GWeakRef weak;

  write_register (large, 5000);
  set_path (dialog, large);
  g_weak_ref_init (&weak, dialog);
  g_assert_true (cvn_import_dialog_start (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  for (GObject *alive = g_weak_ref_get (&weak); alive != NULL; alive = g_weak_ref_get (&weak))
    {
      g_object_unref (alive);
      g_main_context_iteration (NULL, TRUE);
    }
  g_weak_ref_clear (&weak);
  g_assert_cmpuint (cvn_document_get_revision (fixture->sample.document), ==, revision);
  g_assert_false (cvn_document_in_edit (fixture->sample.document));

  /* The document takes edits as before. */
  g_assert_true (cvn_document_begin_edit (fixture->sample.document, "Test", &error));
  g_assert_no_error (error);
  g_assert_true (cvn_document_set_setting (fixture->sample.document, "test.key", "1", &error));
  g_assert_no_error (error);
  g_assert_true (cvn_document_commit_edit (fixture->sample.document, &error));
  g_assert_no_error (error);
}

/* How long the main loop goes without running while a register imports: the UI must not
 * freeze. For measuring, CONVENOR_IMPORT_ROWS sets the size of the generated register (50000
 * is the national one), or CONVENOR_IMPORT_FILE names a register to import instead, with
 * CONVENOR_IMPORT_LA as the local authority filter. */
typedef struct
{
  gint64 last;
  gint64 longest;
  guint count;
  gboolean running;
} Ticks;

static gboolean
tick_cb (gpointer data)
{
  Ticks *ticks = data;
  gint64 now = g_get_monotonic_time ();

  if (ticks->running)
    {
      ticks->longest = MAX (ticks->longest, now - ticks->last);
      ticks->count++;
    }
  ticks->last = now;
  return G_SOURCE_CONTINUE;
}

static void
finished_cb (CvnImportDialog *dialog,
             gint64          *finished_at)
{
  *finished_at = g_get_monotonic_time ();
}

/* Runs the main loop for @milliseconds, so the window has drawn itself before measuring. */
static void
settle (guint milliseconds)
{
  gint64 until = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static void
test_ui_stays_responsive (Fixture       *fixture,
                          gconstpointer  user_data)
{
  const char *rows_text = g_getenv ("CONVENOR_IMPORT_ROWS");
  const char *given = g_getenv ("CONVENOR_IMPORT_FILE");
  guint n_rows = rows_text != NULL ? (guint) g_ascii_strtoull (rows_text, NULL, 10) : 10000;
  g_autofree char *path = given != NULL ? g_strdup (given)
                                        : fixture_file (fixture, "register.csv");
  CvnImportDialog *dialog = open_dialog (fixture);
  Ticks ticks = { 0 };
  gint64 started, finished_at = 0, reloaded_at;
  guint tick_id;

  if (given == NULL)
    write_register (path, n_rows);
  set_path (dialog, path);
  cvn_import_dialog_set_local_authorities (dialog, g_getenv ("CONVENOR_IMPORT_LA"));
  cvn_import_dialog_set_with_heads (dialog, TRUE);
  g_signal_connect (dialog, "finished", G_CALLBACK (finished_cb), &finished_at);
  settle (500);

  tick_id = g_timeout_add (5, tick_cb, &ticks);
  started = g_get_monotonic_time ();
  ticks.last = started;
  ticks.running = TRUE;
  g_assert_true (cvn_import_dialog_start (dialog));
  while (cvn_import_dialog_get_state (dialog) == CVN_IMPORT_STATE_RUNNING)
    {
      g_main_context_iteration (NULL, TRUE);
      /* The iteration that ends with the job's return holds the commit and the window's
       * reload on the main thread; those are measured apart. */
      if (cvn_import_dialog_get_state (dialog) == CVN_IMPORT_STATE_RUNNING)
        ticks.longest = MAX (ticks.longest, g_get_monotonic_time () - ticks.last);
    }
  reloaded_at = g_get_monotonic_time ();
  g_source_remove (tick_id);
  g_assert_cmpint (cvn_import_dialog_get_state (dialog), ==, CVN_IMPORT_STATE_DONE);

  g_test_message ("%s: import and reload %.3f s; longest main-loop stall while the worker ran "
                  "%.1f ms; the last iteration (commit, reload, summary) took %.0f ms",
                  given != NULL ? given : "generated register", (finished_at - started) / 1e6,
                  ticks.longest / 1e3, (reloaded_at - ticks.last) / 1e3);
  /* The main loop kept running while the worker imported. How long it stalled at most is a
   * measurement (printed above), not a pass mark: these machines are shared, and timings
   * belong in benchmarks. */
  g_assert_cmpuint (ticks.count, >=, 2);
  if (given == NULL)
    g_assert_nonnull (find_by_urn (snapshot_of (fixture), 200000 + n_rows - 1));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Membership spreadsheets ------------------------------------------------------------------ */

/* A spreadsheet that puts two sample schools in a new network, with a row between them for a
 * school the document does not have. */
static char *
write_memberships (Fixture *fixture)
{
  CvnSnapshot *snapshot = snapshot_of (fixture);
  const CvnEstablishment *first = &g_array_index (snapshot->establishments, CvnEstablishment, 0);
  const CvnEstablishment *second = &g_array_index (snapshot->establishments, CvnEstablishment, 1);
  char *path = fixture_file (fixture, "members.csv");
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;

  text = g_strdup_printf ("group,member,member_kind,urn,role\r\n"
                          "Imported Network,\"%s\",school,%" G_GINT64_FORMAT ",member\r\n"
                          "Imported Network,Nowhere Primary School,school,999999,member\r\n"
                          "Imported Network,\"%s\",school,%" G_GINT64_FORMAT ",chair\r\n",
                          first->name, first->urn, second->name, second->urn);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_members_unmatched_declined (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autofree char *path = write_memberships (fixture);
  g_autofree char *label_before = g_strdup (cvn_document_get_undo_label (fixture->sample.document));
  CvnImportDialog *dialog = open_dialog (fixture);
  guint64 revision = cvn_document_get_revision (fixture->sample.document);
  guint memberships_before = snapshot_of (fixture)->memberships->len;
  GtkWidget *question;
  g_autofree char *body = NULL;
  GtkWidget *extra, *label;

  set_path (dialog, path);
  g_assert_cmpint (cvn_import_dialog_get_kind (dialog), ==, CVN_IMPORT_KIND_MEMBERSHIPS);
  g_assert_true (cvn_import_dialog_start (dialog));
  wait_while_running (dialog);

  /* The dialog asks, naming the row by its line, and nothing is in the document yet. */
  g_assert_cmpint (cvn_import_dialog_get_state (dialog), ==, CVN_IMPORT_STATE_ASKING);
  question = cvn_import_dialog_get_question (dialog);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (question));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (question)), ==,
                   "Import the Other Rows?");
  body = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (question)));
  g_assert_nonnull (strstr (body, "1 row"));
  extra = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (question));
  g_assert_nonnull (extra);
  label = cvn_test_find_descendant (extra, GTK_TYPE_LABEL);
  g_assert_nonnull (label);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), "Line 3: "));
  g_assert_cmpuint (cvn_document_get_revision (fixture->sample.document), ==, revision);
  g_assert_false (cvn_document_in_edit (fixture->sample.document));

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "cancel");
  g_assert_cmpint (cvn_import_dialog_get_state (dialog), ==, CVN_IMPORT_STATE_FAILED);
  g_assert_null (cvn_import_dialog_get_question (dialog));
  g_assert_cmpuint (cvn_document_get_revision (fixture->sample.document), ==, revision);
  g_assert_cmpuint (snapshot_of (fixture)->memberships->len, ==, memberships_before);
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->sample.document), ==, label_before);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_members_unmatched_accepted (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autofree char *path = write_memberships (fixture);
  g_autofree char *label_before = g_strdup (cvn_document_get_undo_label (fixture->sample.document));
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  CvnImportDialog *dialog = open_dialog (fixture);
  guint memberships_before = snapshot_of (fixture)->memberships->len;
  guint groups_before = snapshot_of (fixture)->groups->len;

  set_path (dialog, path);
  g_assert_true (cvn_import_dialog_start (dialog));
  wait_while_running (dialog);
  g_assert_cmpint (cvn_import_dialog_get_state (dialog), ==, CVN_IMPORT_STATE_ASKING);

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (cvn_import_dialog_get_question (dialog)),
                               "import");
  wait_while_running (dialog);
  g_assert_cmpint (cvn_import_dialog_get_state (dialog), ==, CVN_IMPORT_STATE_DONE);
  text = cvn_import_dialog_dup_summary_text (dialog);
  g_test_message ("%s", text);
  assert_line (text, "Added: 2");
  assert_line (text, "Groups created: 1");
  assert_line (text, "Rows left out: schools not in the document: 1");
  g_assert_cmpuint (snapshot_of (fixture)->memberships->len, ==, memberships_before + 2);
  g_assert_cmpuint (snapshot_of (fixture)->groups->len, ==, groups_before + 1);

  /* The group and its members go in one undo step. */
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->sample.document), ==,
                   "Import memberships from members.csv");
  g_assert_true (cvn_document_undo (fixture->sample.document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (snapshot_of (fixture)->memberships->len, ==, memberships_before);
  g_assert_cmpuint (snapshot_of (fixture)->groups->len, ==, groups_before);
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->sample.document), ==, label_before);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Directory spreadsheets and GraphML ----------------------------------------------------- */

static void
test_directory_and_graphml (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autofree char *directory_path = fixture_file (fixture, "directory.csv");
  g_autofree char *graphml_path = fixture_file (fixture, "flat.graphml");
  g_autoptr (GFile) graphml_file = g_file_new_for_path (graphml_path);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  CvnGraphmlExportOptions flat = { TRUE, FALSE, NULL };
  CvnImportDialog *dialog = open_dialog (fixture);
  guint entries = snapshot_of (fixture)->directory_entries->len;
  guint64 revision = cvn_document_get_revision (fixture->sample.document);

  g_assert_cmpuint (entries, >, 0);

  /* The directory, exported and read back: every row updates the entry it came from. */
  g_assert_true (cvn_directory_csv_export (fixture->sample.document, directory_path, &error));
  g_assert_no_error (error);
  set_path (dialog, directory_path);
  g_assert_cmpint (cvn_import_dialog_get_kind (dialog), ==, CVN_IMPORT_KIND_DIRECTORY);
  g_assert_true (cvn_import_dialog_start (dialog));
  wait_while_running (dialog);
  g_assert_cmpint (cvn_import_dialog_get_state (dialog), ==, CVN_IMPORT_STATE_DONE);
  text = cvn_import_dialog_dup_summary_text (dialog);
  assert_line (text, "Entries added: 0");
  assert_line (text, "Entries updated: %u", entries);
  g_assert_cmpuint (snapshot_of (fixture)->directory_entries->len, ==, entries);
  g_clear_pointer (&text, g_free);

  /* The document's own flat GraphML: everything in it is matched, nothing added. */
  g_assert_true (cvn_data_export_write (fixture->sample.window, CVN_DATA_EXPORT_GRAPHML, &flat,
                                        graphml_file, NULL, &error));
  g_assert_no_error (error);
  set_path (dialog, graphml_path);
  g_assert_cmpint (cvn_import_dialog_get_kind (dialog), ==, CVN_IMPORT_KIND_GRAPHML);
  g_assert_true (cvn_import_dialog_start (dialog));
  wait_while_running (dialog);
  g_assert_cmpint (cvn_import_dialog_get_state (dialog), ==, CVN_IMPORT_STATE_DONE);
  text = cvn_import_dialog_dup_summary_text (dialog);
  g_test_message ("%s", text);
  assert_line (text, "Schools added: 0");
  assert_line (text, "Schools already in the document: %u",
               snapshot_of (fixture)->establishments->len);
  assert_line (text, "Groups already in the document: %u", snapshot_of (fixture)->groups->len);
  assert_line (text, "Memberships added: 0");
  g_assert_cmpuint (cvn_document_get_revision (fixture->sample.document), >=, revision);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Exporting --------------------------------------------------------------------------------- */

static void
test_export_round_trip (Fixture       *fixture,
                        gconstpointer  user_data)
{
  CvnSnapshot *snapshot = snapshot_of (fixture);
  g_autofree char *members_base = fixture_file (fixture, "memberships");
  g_autofree char *members_path = fixture_file (fixture, "memberships.csv");
  g_autofree char *graphml_path = fixture_file (fixture, "sample.graphml");
  g_autofree char *flat_path = fixture_file (fixture, "flat.graphml");
  g_autofree char *xml_path = fixture_file (fixture, "sample.xml");
  g_autofree char *copy_path = fixture_file (fixture, "Copy.convenor");
  g_autofree char *graph_copy_path = fixture_file (fixture, "Graph.convenor");
  g_autoptr (GFile) members_file = g_file_new_for_path (members_base);
  g_autoptr (GFile) graphml_file = g_file_new_for_path (graphml_path);
  g_autoptr (GFile) flat_file = g_file_new_for_path (flat_path);
  g_autoptr (GFile) xml_file = g_file_new_for_path (xml_path);
  g_autoptr (GFile) written = NULL;
  g_autoptr (CvnMembersSummary) members = NULL;
  g_autoptr (CvnGraphmlSummary) graph = NULL;
  g_autoptr (CvnDocument) copy = NULL;
  g_autoptr (CvnDocument) graph_copy = NULL;
  g_autoptr (GBytes) original = NULL;
  g_autoptr (GBytes) again = NULL;
  g_autoptr (GError) error = NULL;
  CvnGraphmlExportOptions flat = { TRUE, TRUE, NULL };
  guint64 revision = cvn_document_get_revision (fixture->sample.document);

  /* The membership spreadsheet, named without an extension: .csv is added. Read back into
   * the same document, every row is a membership it already has. */
  g_assert_true (cvn_data_export_write (fixture->sample.window, CVN_DATA_EXPORT_MEMBERSHIPS, NULL,
                                        members_file, &written, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_file_peek_path (written), ==, members_path);
  g_assert_true (cvn_members_csv_import (fixture->sample.document, members_path, FALSE, &members,
                                         &error));
  g_assert_no_error (error);
  g_assert_cmpuint (members->memberships_added, ==, 0);
  g_assert_cmpuint (members->memberships_existing, ==, snapshot->memberships->len);
  g_assert_cmpuint (members->unmatched->len, ==, 0);
  g_assert_cmpuint (cvn_document_get_revision (fixture->sample.document), ==, revision);

  /* Nested GraphML; and flat GraphML without people, read into an empty document. */
  g_assert_true (cvn_data_export_write (fixture->sample.window, CVN_DATA_EXPORT_GRAPHML, NULL,
                                        graphml_file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cvn_data_export_write (fixture->sample.window, CVN_DATA_EXPORT_GRAPHML, &flat,
                                        flat_file, NULL, &error));
  g_assert_no_error (error);
  graph = cvn_graphml_import (fixture->sample.document, graphml_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (graph->schools_created + graph->people_created + graph->groups_created,
                    ==, 0);
  g_assert_cmpuint (graph->schools_matched, ==, snapshot_of (fixture)->establishments->len);
  g_clear_pointer (&graph, cvn_graphml_summary_free);

  graph_copy = cvn_document_create (graph_copy_path, &error);
  g_assert_no_error (error);
  graph = cvn_graphml_import (graph_copy, flat_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (graph->schools_created, ==, snapshot_of (fixture)->establishments->len);
  g_assert_cmpuint (graph->groups_created, ==, snapshot_of (fixture)->groups->len);
  g_assert_cmpuint (graph->people_created, ==, 0);

  /* The lossless XML reads back into a new document that exports the same bytes. */
  g_assert_true (cvn_data_export_write (fixture->sample.window, CVN_DATA_EXPORT_XML, NULL, xml_file,
                                        NULL, &error));
  g_assert_no_error (error);
  copy = cvn_xml_document_import (copy_path, xml_path, &error);
  g_assert_no_error (error);
  original = cvn_xml_document_export_bytes (fixture->sample.document, &error);
  g_assert_no_error (error);
  again = cvn_xml_document_export_bytes (copy, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (original, again));
}

/* The window's actions ----------------------------------------------------------------------- */

static CvnImportDialog *
find_import_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (CVN_IS_IMPORT_DIALOG (window))
        return CVN_IMPORT_DIALOG (window);
    }
  return NULL;
}

static void
test_import_action (Fixture       *fixture,
                    gconstpointer  user_data)
{
  CvnImportDialog *dialog;

  g_assert_null (find_import_dialog ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->sample.window), "win.import",
                                             NULL));
  dialog = find_import_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) ==
                 GTK_WINDOW (fixture->sample.window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_cmpint (cvn_import_dialog_get_state (dialog), ==, CVN_IMPORT_STATE_READY);
  /* Nothing to import until a file is chosen. */
  g_assert_false (cvn_import_dialog_start (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  cvn_test_ui_init (&argc, &argv);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/cvn/ui/import/guess-kind", test_guess_kind);
  ADD_TEST ("/cvn/ui/import/groups-file-finds-partner", test_groups_file_finds_partner);
  ADD_TEST ("/cvn/ui/import/gias-all", test_gias_all);
  ADD_TEST ("/cvn/ui/import/gias-filter-with-heads", test_gias_filter_with_heads);
  ADD_TEST ("/cvn/ui/import/gias-names-with-commas", test_gias_names_with_commas);
  ADD_TEST ("/cvn/ui/import/gias-one-undo-step", test_gias_one_undo_step);
  ADD_TEST ("/cvn/ui/import/gias-error-shown", test_gias_error_shown);
  ADD_TEST ("/cvn/ui/import/cancel-leaves-document", test_cancel_leaves_document);
  ADD_TEST ("/cvn/ui/import/close-while-running", test_close_while_running);
  ADD_TEST ("/cvn/ui/import/destroy-while-running", test_destroy_while_running);
  ADD_TEST ("/cvn/ui/import/ui-stays-responsive", test_ui_stays_responsive);
  ADD_TEST ("/cvn/ui/import/members-unmatched-declined", test_members_unmatched_declined);
  ADD_TEST ("/cvn/ui/import/members-unmatched-accepted", test_members_unmatched_accepted);
  ADD_TEST ("/cvn/ui/import/directory-and-graphml", test_directory_and_graphml);
  ADD_TEST ("/cvn/ui/export/round-trip", test_export_round_trip);
  ADD_TEST ("/cvn/ui/import/action", test_import_action);

  return cvn_test_ui_run ();
}
