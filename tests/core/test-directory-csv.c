/* test-directory-csv.c — the directory spreadsheet: round trip, matching, refusal, CLI.
 *
 * The borough is drawn in directory-fixture.h; the spreadsheets are in tests/data/directory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cvn-directory-csv.h"
#include "cvn-snapshot.h"

#include "directory-fixture.h"


static char *
export_string (CvnDocument *doc)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CvnSnapshot) snapshot = cvn_snapshot_load_at (doc, FIXTURE_TODAY, &error);

  g_assert_no_error (error);
  return cvn_directory_csv_export_to_string (snapshot);
}

static const CvnDirectoryEntry *
find_entry (CvnSnapshot     *snapshot,
            CvnObjectKind    holder_kind,
            gint64           holder,
            gint64           area,
            CvnDirectoryKind kind)
{
  for (guint i = 0; i < snapshot->directory_entries->len; i++)
    {
      const CvnDirectoryEntry *e = &g_array_index (snapshot->directory_entries,
                                                   CvnDirectoryEntry, i);

      if (e->holder_kind == holder_kind && e->holder_id == holder && e->area_id == area &&
          e->kind == kind)
        return e;
    }
  return NULL;
}

static void
test_round_trip (void)
{
  Fixture f1, f2;
  g_autoptr (CvnDocument) full = fixture_create ("full.convenor", &f1, TRUE);
  g_autoptr (CvnDocument) empty = fixture_create ("empty.convenor", &f2, FALSE);
  g_autoptr (GError) error = NULL;
  g_autofree char *first = export_string (full);
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *path = cvn_test_temp_path ("directory.csv");
  g_autofree char *from_file = NULL;
  CvnDirectoryCsvResult result = { 0 };

  /* The header, and a row whose evidence needs quoting. */
  g_assert_true (g_str_has_prefix (first, "holder,holder_kind,urn,area,kind,capacity_days,"
                                          "priority,qa_status,reviewed_on,reviewer,evidence,"
                                          "phase,notes\r\n"));
  g_assert_nonnull (strstr (first, "\r\nA2 Primary,school,100002,reading,strength,6,,"
                                   "self-declared,2024-01-10,Borough QA panel,"
                                   "\"Outcomes, \"\"good\"\" practice\",,\r\n"));
  g_assert_nonnull (strstr (first, "\r\nSam Davies,person,100003,maths,strength,3,,"
                                   "peer-reviewed,,,\"Outcomes, \"\"good\"\" practice\",,\r\n"));
  g_assert_nonnull (strstr (first, "\r\nLee Brown,person,,maths,strength,2,"));

  g_assert_true (cvn_directory_csv_import_data (empty, "directory.csv", first, strlen (first),
                                                &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 16);
  g_assert_cmpuint (result.updated, ==, 0);
  g_assert_cmpstr (cvn_document_get_undo_label (empty), ==, "Import directory from directory.csv");
  second = export_string (empty);
  g_assert_cmpstr (second, ==, first);

  /* Importing the same spreadsheet again updates every entry and adds none. */
  g_assert_true (cvn_directory_csv_import_data (empty, "directory.csv", first, strlen (first),
                                                &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.updated, ==, 16);
  third = export_string (empty);
  g_assert_cmpstr (third, ==, first);

  /* Through a file as well. */
  g_assert_true (cvn_directory_csv_export (full, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &from_file, NULL, &error));
  g_assert_cmpstr (from_file, ==, first);
}

static void
test_import_matching (void)
{
  Fixture f;
  g_autoptr (CvnDocument) doc = fixture_create ("matching.convenor", &f, TRUE);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "directory",
                                                 "strengths.csv", NULL);
  g_autoptr (CvnSnapshot) snapshot = NULL;
  g_autoptr (GError) error = NULL;
  CvnDirectoryCsvResult result = { 0 };
  const CvnDirectoryEntry *e;

  g_assert_true (cvn_directory_csv_import (doc, path, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 4);
  g_assert_cmpuint (result.updated, ==, 0);

  snapshot = cvn_snapshot_load_at (doc, FIXTURE_TODAY, &error);
  g_assert_no_error (error);

  /* Matched by URN although the name is wrong. */
  e = find_entry (snapshot, CVN_OBJECT_ESTABLISHMENT, f.a1, f.maths, CVN_DIRECTORY_STRENGTH);
  g_assert_nonnull (e);
  g_assert_cmpfloat (e->capacity_days, ==, 2.5);
  g_assert_cmpint (e->qa_status, ==, CVN_QA_PEER_REVIEWED);
  g_assert_cmpstr (e->reviewed_on, ==, "2025-01-20");
  g_assert_cmpstr (e->evidence, ==, "Year 6 results, 3 years running");

  /* Matched by name; the area's case does not matter; quoted quotes and line breaks. */
  e = find_entry (snapshot, CVN_OBJECT_ESTABLISHMENT, f.a3, f.phonics, CVN_DIRECTORY_STRENGTH);
  g_assert_nonnull (e);
  g_assert_cmpstr (e->reviewer, ==, "Reviewer, Jo");
  g_assert_cmpstr (e->evidence, ==, "Validated \"SSP\" programme\r\nwith two lines");

  e = find_entry (snapshot, CVN_OBJECT_ESTABLISHMENT, f.c1, f.reading, CVN_DIRECTORY_NEED);
  g_assert_nonnull (e);
  g_assert_cmpstr (e->priority, ==, "high");
  g_assert_cmpint (e->qa_status, ==, CVN_QA_SELF_DECLARED);

  e = find_entry (snapshot, CVN_OBJECT_PERSON, f.kim, f.maths, CVN_DIRECTORY_NEED);
  g_assert_nonnull (e);
  g_assert_cmpstr (e->priority, ==, "medium");
}

static void
test_update_keeps_missing_columns (void)
{
  Fixture f;
  g_autoptr (CvnDocument) doc = fixture_create ("update.convenor", &f, TRUE);
  g_autoptr (CvnSnapshot) snapshot = NULL;
  g_autoptr (GError) error = NULL;
  const char csv[] = "urn,area,kind,capacity_days\n100005,reading,strength,12\n";
  CvnDirectoryCsvResult result = { 0 };
  const CvnDirectoryEntry *e;

  g_assert_true (cvn_directory_csv_import_data (doc, "b1.csv", csv, strlen (csv), &result,
                                                &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.updated, ==, 1);
  snapshot = cvn_snapshot_load_at (doc, FIXTURE_TODAY, &error);
  e = find_entry (snapshot, CVN_OBJECT_ESTABLISHMENT, f.b1, f.reading, CVN_DIRECTORY_STRENGTH);
  g_assert_cmpint (e->id, ==, f.b1_reading);
  g_assert_cmpfloat (e->capacity_days, ==, 12);
  /* Columns the file does not have keep their values. */
  g_assert_cmpint (e->qa_status, ==, CVN_QA_QUALITY_ASSURED);
  g_assert_cmpstr (e->reviewed_on, ==, "2025-01-01");
}

static void
test_duplicates (void)
{
  Fixture f1, f2;
  g_autoptr (CvnDocument) full = fixture_create ("dup-full.convenor", &f1, TRUE);
  g_autoptr (CvnDocument) empty = fixture_create ("dup-empty.convenor", &f2, FALSE);
  g_autoptr (GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  CvnDirectoryCsvResult result = { 0 };

  /* A second phonics need for A2, told apart only by its priority. */
  g_assert_true (cvn_document_begin_edit (full, "Duplicate", &error));
  fixture_entry (full, CVN_OBJECT_ESTABLISHMENT, f1.a2, f1.phonics, CVN_DIRECTORY_NEED, 0, "low",
                 CVN_QA_QUALITY_ASSURED, "2025-01-01");
  g_assert_true (cvn_document_commit_edit (full, &error));
  first = export_string (full);

  g_assert_true (cvn_directory_csv_import_data (empty, "dup.csv", first, strlen (first),
                                                &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 17);
  second = export_string (empty);
  g_assert_cmpstr (second, ==, first);

  /* Both rows find their own entry again. */
  g_assert_true (cvn_directory_csv_import_data (empty, "dup.csv", first, strlen (first),
                                                &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.updated, ==, 17);
  g_assert_cmpint (cvn_store_count (empty, "directory_entries", NULL), ==, 17);
}

static void
test_refuse_unmatched (void)
{
  Fixture f;
  g_autoptr (CvnDocument) doc = fixture_create ("refuse.convenor", &f, TRUE);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "directory",
                                                 "unmatched.csv", NULL);
  g_autofree char *before = export_string (doc);
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  guint64 revision = cvn_document_get_revision (doc);
  const char no_area[] = "holder,kind\nA1 Primary,strength\n";

  g_assert_false (cvn_directory_csv_import (doc, path, NULL, &error));
  g_assert_error (error, CVN_DIRECTORY_CSV_ERROR, CVN_DIRECTORY_CSV_ERROR_ROWS);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "unmatched.csv: nothing imported; 4 rows"));
  g_assert_nonnull (strstr (error->message, "line 3: no school is called “Nowhere Primary”"));
  g_assert_nonnull (strstr (error->message, "line 4: unknown expertise area “knitting”"));
  g_assert_nonnull (strstr (error->message, "line 5: capacity_days is “-3”"));
  g_assert_nonnull (strstr (error->message, "line 6: no person is called “Mystery Person”"));
  g_assert_null (strstr (error->message, "line 2"));
  g_assert_null (strchr (error->message, '\n'));

  /* Nothing changed, not even the good row on line 2. */
  after = export_string (doc);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (cvn_document_get_revision (doc), ==, revision);
  g_assert_cmpint (cvn_store_count (doc, "directory_entries", NULL), ==, 16);
  g_clear_error (&error);

  g_assert_false (cvn_directory_csv_import_data (doc, "no-area.csv", no_area, strlen (no_area),
                                                 NULL, &error));
  g_assert_error (error, CVN_DIRECTORY_CSV_ERROR, CVN_DIRECTORY_CSV_ERROR_HEADER);
  g_assert_nonnull (strstr (error->message, "no-area.csv"));
}

/* The command line ------------------------------------------------------------------------ */

static void
test_cli (void)
{
  Fixture f1, f2;
  g_autoptr (CvnDocument) full = fixture_create ("cli-full.convenor", &f1, TRUE);
  g_autoptr (CvnDocument) empty = fixture_create ("cli-empty.convenor", &f2, FALSE);
  g_autofree char *csv = cvn_test_temp_path ("cli-directory.csv");
  g_autofree char *unmatched = g_test_build_filename (G_TEST_DIST, "data", "directory",
                                                      "unmatched.csv", NULL);
  g_autofree char *expected = export_string (full);
  g_autofree char *written = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out2 = NULL, *err2 = NULL;
  g_autofree char *out3 = NULL, *err3 = NULL;
  const char *full_path = cvn_document_get_path (full);
  const char *empty_path = cvn_document_get_path (empty);

  g_assert_cmpint (cvn_test_run_cli (&out, &err, "export-directory", full_path, "--to", csv, NULL),
                   ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_file_get_contents (csv, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, expected);

  g_assert_cmpint (cvn_test_run_cli (&out2, &err2, "import-directory", empty_path, csv, NULL),
                   ==, 0);
  g_assert_cmpstr (out2, ==, "added\t16\nupdated\t0\n");
  imported = export_string (empty);
  g_assert_cmpstr (imported, ==, expected);

  /* Refused: one line naming the file and the lines, nothing changed. */
  g_assert_cmpint (cvn_test_run_cli (&out3, &err3, "import-directory", empty_path, unmatched, NULL),
                   ==, 1);
  g_assert_cmpstr (out3, ==, "");
  g_assert_true (g_str_has_prefix (err3, "convenor-cli: unmatched.csv: nothing imported"));
  g_assert_nonnull (strstr (err3, "line 3"));
  g_assert_cmpuint (strchr (err3, '\n') - err3, ==, strlen (err3) - 1);
  g_clear_pointer (&imported, g_free);
  imported = export_string (empty);
  g_assert_cmpstr (imported, ==, expected);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cvn/directory-csv/round-trip", test_round_trip);
  g_test_add_func ("/cvn/directory-csv/matching", test_import_matching);
  g_test_add_func ("/cvn/directory-csv/update-keeps-missing-columns",
                   test_update_keeps_missing_columns);
  g_test_add_func ("/cvn/directory-csv/duplicates", test_duplicates);
  g_test_add_func ("/cvn/directory-csv/refuse-unmatched", test_refuse_unmatched);
  g_test_add_func ("/cvn/directory-csv/cli", test_cli);

  return g_test_run ();
}
