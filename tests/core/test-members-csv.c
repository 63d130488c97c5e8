/* test-members-csv.c — the membership spreadsheet in and out.
 *
 * Each test starts from a document holding the schools (and heads) of
 * tests/data/gias/schools.csv, as a committee's document would after a GIAS import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cvn-import-gias.h"
#include "cvn-members-csv.h"
#include "cvn-snapshot.h"
#include "cvn-store.h"
#include "test-util.h"

#include <gio/gio.h>
#include <string.h>

typedef CvnTestDocument Fixture;

static void
import_schools (CvnDocument *doc)
{
  g_autofree char *schools = cvn_test_data_path ("gias", "schools.csv");
  g_autoptr (CvnGiasSummary) summary = NULL;
  g_autoptr (GError) error = NULL;
  CvnGiasOptions options = { NULL, FALSE, TRUE };

  summary = cvn_import_gias (doc, schools, &options, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  cvn_test_document_set_up (fixture, user_data);
  import_schools (fixture->doc);
}

static const CvnGroup *
find_group (CvnSnapshot *snapshot,
            const char  *name)
{
  const CvnGroup *group = cvn_test_find_group (snapshot, name);

  if (group == NULL)
    g_error ("no group named “%s”", name);
  return group;
}

/* The membership of @member_name (of @kind) in @group_name, or NULL. */
static const CvnMembership *
find_membership (CvnSnapshot   *snapshot,
                 const char    *group_name,
                 CvnObjectKind  kind,
                 const char    *member_name)
{
  const CvnGroup *group = find_group (snapshot, group_name);
  g_autoptr (GPtrArray) members = cvn_snapshot_get_members (snapshot, group->id, FALSE);

  for (guint i = 0; i < members->len; i++)
    {
      const CvnMembership *m = g_ptr_array_index (members, i);

      if (m->member_kind == kind &&
          g_strcmp0 (cvn_snapshot_get_name (snapshot, kind, m->member_id), member_name) == 0)
        return m;
    }
  return NULL;
}

static guint
count_people_named (CvnSnapshot *snapshot,
                    const char  *name)
{
  guint n = 0;

  for (guint i = 0; i < snapshot->people->len; i++)
    if (g_str_equal (g_array_index (snapshot->people, CvnPerson, i).name, name))
      n++;
  return n;
}

static void
test_import (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autofree char *path = cvn_test_data_path ("members", "members.csv");
  g_autoptr (CvnMembersSummary) summary = NULL;
  g_autoptr (CvnMembersSummary) again = NULL;
  g_autoptr (CvnSnapshot) snapshot = NULL;
  g_autoptr (GError) error = NULL;
  const CvnGroup *cluster, *alliance, *board, *hub;
  const CvnMembership *m;

  g_assert_true (cvn_members_csv_import (fixture->doc, path, FALSE, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary->groups_created, ==, 4);
  g_assert_cmpuint (summary->people_created, ==, 2);
  g_assert_cmpuint (summary->memberships_added, ==, 8);
  g_assert_cmpuint (summary->unmatched->len, ==, 0);
  g_assert_cmpuint (summary->skipped->len, ==, 0);
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->doc), ==,
                   "Import memberships from members.csv");

  snapshot = cvn_test_load (fixture->doc);
  /* A group first named only as a parent takes its kind and tier from its own rows. */
  board = find_group (snapshot, "Wigan Strategic Board");
  alliance = find_group (snapshot, "Wigan Primary Alliance");
  cluster = find_group (snapshot, "Wigan North Cluster");
  hub = find_group (snapshot, "Maths Hub");
  g_assert_cmpstr (board->kind, ==, "board");
  g_assert_cmpint (board->tier, ==, 3);
  g_assert_cmpint (board->parent_id, ==, 0);
  g_assert_cmpstr (alliance->kind, ==, "alliance");
  g_assert_cmpint (alliance->tier, ==, 2);
  g_assert_cmpint (alliance->parent_id, ==, board->id);
  g_assert_cmpstr (cluster->kind, ==, "cluster");
  g_assert_cmpint (cluster->tier, ==, 1);
  g_assert_cmpint (cluster->parent_id, ==, alliance->id);
  g_assert_cmpstr (hub->kind, ==, "hub");
  g_assert_cmpint (hub->tier, ==, 0);

  /* Matched by URN, with role and date. */
  m = find_membership (snapshot, "Wigan North Cluster", CVN_OBJECT_ESTABLISHMENT,
                       "St Thomas à Becket Church of England Primary School");
  g_assert_nonnull (m);
  g_assert_cmpint (m->role, ==, CVN_ROLE_LEAD_HEAD);
  g_assert_cmpstr (m->from_date, ==, "2023-09-01");
  /* Matched by exact name. */
  g_assert_nonnull (find_membership (snapshot, "Wigan North Cluster", CVN_OBJECT_ESTABLISHMENT,
                                     "Hindley Green, Community Primary School"));
  /* An existing person (the head from GIAS), with spreadsheet dates turned into ISO ones. */
  m = find_membership (snapshot, "Wigan North Cluster", CVN_OBJECT_PERSON, "Jane Smith");
  g_assert_nonnull (m);
  g_assert_cmpint (m->role, ==, CVN_ROLE_CHAIR);
  g_assert_cmpstr (m->from_date, ==, "2023-09-01");
  g_assert_cmpstr (m->until_date, ==, "2025-08-31");
  g_assert_cmpuint (count_people_named (snapshot, "Jane Smith"), ==, 1);
  /* A group as a member. */
  g_assert_nonnull (find_membership (snapshot, "Wigan Primary Alliance", CVN_OBJECT_GROUP,
                                     "Wigan North Cluster"));
  /* New people are created. */
  m = find_membership (snapshot, "Wigan Strategic Board", CVN_OBJECT_PERSON,
                       "Councillor Pat Reid");
  g_assert_nonnull (m);
  g_assert_cmpint (m->role, ==, CVN_ROLE_OBSERVER);
  g_assert_cmpuint (count_people_named (snapshot, "Dr Amir Khan"), ==, 1);
  /* With no member_kind: a URN means a school, a school's name too. */
  g_assert_nonnull (find_membership (snapshot, "Maths Hub", CVN_OBJECT_ESTABLISHMENT,
                                     "Turton High School"));
  g_assert_nonnull (find_membership (snapshot, "Maths Hub", CVN_OBJECT_ESTABLISHMENT,
                                     "Green Fold School"));
  g_assert_cmpuint (snapshot->memberships->len, ==, 8);

  /* The same file again adds nothing. */
  g_assert_true (cvn_members_csv_import (fixture->doc, path, FALSE, &again, &error));
  g_assert_cmpuint (again->memberships_added, ==, 0);
  g_assert_cmpuint (again->memberships_existing, ==, 8);
  g_assert_cmpuint (again->groups_created + again->people_created, ==, 0);
}

static void
test_unmatched_refused (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *path = cvn_test_data_path ("members", "members-unmatched.csv");
  g_autoptr (CvnMembersSummary) summary = NULL;
  g_autoptr (GError) error = NULL;
  guint64 revision = cvn_document_get_revision (fixture->doc);
  const CvnMembersProblem *problem;

  g_assert_false (cvn_members_csv_import (fixture->doc, path, FALSE, &summary, &error));
  g_assert_error (error, CVN_MEMBERS_CSV_ERROR, CVN_MEMBERS_CSV_ERROR_UNMATCHED);
  g_assert_true (g_str_has_prefix (error->message, "members-unmatched.csv line 3: "));
  g_assert_nonnull (summary);
  g_assert_cmpuint (summary->unmatched->len, ==, 2);
  problem = &g_array_index (summary->unmatched, CvnMembersProblem, 0);
  g_assert_cmpuint (problem->line, ==, 3);
  g_assert_nonnull (strstr (problem->reason, "999999"));
  problem = &g_array_index (summary->unmatched, CvnMembersProblem, 1);
  g_assert_cmpuint (problem->line, ==, 5);
  g_assert_nonnull (strstr (problem->reason, "Imaginary Academy"));

  /* Nothing was imported. */
  g_assert_cmpuint (cvn_document_get_revision (fixture->doc), ==, revision);
  g_assert_cmpint (cvn_store_count (fixture->doc, "groups", NULL), ==, 0);
  g_assert_cmpint (cvn_store_count (fixture->doc, "memberships", NULL), ==, 0);
  g_assert_false (cvn_document_in_edit (fixture->doc));
}

static void
test_unmatched_skipped (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *path = cvn_test_data_path ("members", "members-unmatched.csv");
  g_autoptr (CvnMembersSummary) summary = NULL;
  g_autoptr (CvnSnapshot) snapshot = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (cvn_members_csv_import (fixture->doc, path, TRUE, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary->memberships_added, ==, 2);
  g_assert_cmpuint (summary->unmatched->len, ==, 2);
  g_assert_cmpuint (summary->skipped->len, ==, 1);
  g_assert_cmpuint (g_array_index (summary->skipped, CvnMembersProblem, 0).line, ==, 6);
  /* A group whose rows were all left out is not made. */
  g_assert_cmpuint (summary->groups_created, ==, 1);

  snapshot = cvn_test_load (fixture->doc);
  g_assert_nonnull (find_membership (snapshot, "Wigan North Cluster", CVN_OBJECT_ESTABLISHMENT,
                                     "Ince Nursery School"));
  g_assert_cmpuint (snapshot->memberships->len, ==, 2);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autofree char *path = cvn_test_data_path ("members", "members.csv");
  g_autofree char *copy_path = g_build_filename (fixture->dir, "copy.convenor", NULL);
  g_autofree char *fresh_path = g_build_filename (fixture->dir, "fresh.convenor", NULL);
  g_autofree char *csv_path = g_build_filename (fixture->dir, "members-out.csv", NULL);
  g_autofree char *exported = NULL;
  g_autofree char *from_copy = NULL;
  g_autofree char *from_fresh = NULL;
  g_autofree char *written = NULL;
  g_autoptr (CvnDocument) copy = NULL;
  g_autoptr (CvnDocument) fresh = NULL;
  g_autoptr (CvnMembersSummary) summary = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (cvn_members_csv_import (fixture->doc, path, FALSE, NULL, &error));
  g_assert_no_error (error);
  exported = cvn_members_csv_export_string (fixture->doc, &error);
  g_assert_no_error (error);

  /* One row per membership, sorted by group then member, RFC 4180 quoting. */
  g_assert_true (g_str_has_prefix (exported,
                                   "group,group_kind,tier,parent_group,member,member_kind,urn,"
                                   "role,from,until\r\n"
                                   "Maths Hub,hub,,,Dr Amir Khan,person,,representative,"
                                   "2024-01-15,\r\n"));
  g_assert_nonnull (strstr (exported,
                            "\r\nWigan North Cluster,cluster,1,Wigan Primary Alliance,"
                            "\"Hindley Green, Community Primary School\",school,100002,"
                            "member,,\r\n"));
  g_assert_nonnull (strstr (exported,
                            "\r\nWigan North Cluster,cluster,1,Wigan Primary Alliance,"
                            "Jane Smith,person,,chair,2023-09-01,2025-08-31\r\n"));

  g_assert_true (cvn_members_csv_export (fixture->doc, csv_path, &error));
  g_assert_true (g_file_get_contents (csv_path, &written, NULL, &error));
  g_assert_cmpstr (written, ==, exported);

  /* Into a copy whose memberships were removed: the same memberships come back. */
  g_assert_true (cvn_document_save_copy (fixture->doc, copy_path, &error));
  g_assert_no_error (error);
  copy = cvn_document_open (copy_path, &error);
  g_assert_no_error (error);
  g_assert_true (cvn_document_begin_edit (copy, "Remove memberships", &error));
  g_assert_true (cvn_document_exec (copy, "DELETE FROM memberships", &error));
  g_assert_true (cvn_document_commit_edit (copy, &error));
  g_assert_cmpint (cvn_store_count (copy, "memberships", NULL), ==, 0);
  g_assert_true (cvn_members_csv_import (copy, csv_path, FALSE, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary->groups_created + summary->people_created, ==, 0);
  from_copy = cvn_members_csv_export_string (copy, &error);
  g_assert_cmpstr (from_copy, ==, exported);

  /* Into a document with only the schools: groups and people are made as they were. */
  fresh = cvn_test_create_document (fresh_path);
  import_schools (fresh);
  g_assert_true (cvn_members_csv_import_data (fresh, "members-out.csv", exported,
                                              strlen (exported), FALSE, NULL, &error));
  g_assert_no_error (error);
  from_fresh = cvn_members_csv_export_string (fresh, &error);
  g_assert_cmpstr (from_fresh, ==, exported);
}

static void
assert_bad (CvnDocument *doc,
            const char  *data,
            int          code,
            const char  *message)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (cvn_members_csv_import_data (doc, "bad.csv", data, strlen (data), FALSE,
                                               NULL, &error));
  g_assert_error (error, CVN_MEMBERS_CSV_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_false (cvn_document_in_edit (doc));
  g_assert_cmpint (cvn_store_count (doc, "groups", NULL), ==, 0);
}

static void
test_bad_values (Fixture       *fixture,
                 gconstpointer  user_data)
{
  assert_bad (fixture->doc, "group,person\nA,B\n", CVN_MEMBERS_CSV_ERROR_MISSING_COLUMN,
              "bad.csv: there is no “member” column; a membership file needs “group” and "
              "“member”");
  assert_bad (fixture->doc, "group,member,role\nA,B,chair\nA,C,boss\n",
              CVN_MEMBERS_CSV_ERROR_BAD_VALUE,
              "bad.csv line 3, column role: “boss” is not a role (member, chair, co-chair, "
              "lead head, representative or observer)");
  assert_bad (fixture->doc, "group,member,tier\nA,B,4\n", CVN_MEMBERS_CSV_ERROR_BAD_VALUE,
              "bad.csv line 2, column tier: “4” is not a tier (1, 2, 3 or empty)");
  assert_bad (fixture->doc, "group,member,member_kind\nA,B,robot\n",
              CVN_MEMBERS_CSV_ERROR_BAD_VALUE,
              "bad.csv line 2, column member_kind: “robot” is not a kind of member (school, "
              "person or group)");
  assert_bad (fixture->doc, "group,member,from\nA,B,2023-13-01\n",
              CVN_MEMBERS_CSV_ERROR_BAD_VALUE,
              "bad.csv line 2, column from: “2023-13-01” is not a date (YYYY-MM-DD)");
  assert_bad (fixture->doc, "group,member,urn\nA,B,12x\n", CVN_MEMBERS_CSV_ERROR_BAD_VALUE,
              "bad.csv line 2, column urn: “12x” is not a URN");
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  user_data)
{
  g_autofree char *unmatched = cvn_test_data_path ("members", "members-unmatched.csv");
  g_autofree char *members = cvn_test_data_path ("members", "members.csv");
  g_autofree char *csv_path = g_build_filename (fixture->dir, "out.csv", NULL);
  g_autofree char *out = NULL, *out2 = NULL, *out3 = NULL, *out4 = NULL;
  g_autofree char *err = NULL;
  g_autofree char *written = NULL;
  g_autofree char *expected = NULL;
  g_autoptr (GError) error = NULL;

  if (!cvn_test_have_cli ())
    return;
  g_clear_object (&fixture->doc);

  g_assert_cmpint (cvn_test_run_cli (&out, &err, "import-members", fixture->path, unmatched,
                                     NULL), !=, 0);
  g_assert_cmpstr (out, ==,
                   "unmatched\t3\tno school with URN 999999 or name “Nowhere Primary School”\n"
                   "unmatched\t5\tno school named “Imaginary Academy”\n");
  g_assert_true (g_str_has_prefix (err, "convenor-cli: members-unmatched.csv line 3: "));
  g_assert_nonnull (strstr (err, "--skip-unmatched"));

  g_assert_cmpint (cvn_test_run_cli (&out2, NULL, "import-members", fixture->path, unmatched,
                                     "--skip-unmatched", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out2, "groups-created\t1\npeople-created\t0\n"
                                         "memberships-added\t2\nmemberships-existing\t0\n"
                                         "unmatched\t2\nskipped\t1\n"));

  g_assert_cmpint (cvn_test_run_cli (&out3, NULL, "import-members", fixture->path, members,
                                     NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out3, "groups-created\t3\npeople-created\t2\n"
                                         "memberships-added\t8\n"));

  g_assert_cmpint (cvn_test_run_cli (&out4, NULL, "export-members", fixture->path, "--to",
                                     csv_path, NULL), ==, 0);
  g_assert_cmpstr (out4, ==, "");

  fixture->doc = cvn_document_open (fixture->path, &error);
  g_assert_no_error (error);
  expected = cvn_members_csv_export_string (fixture->doc, &error);
  g_assert_true (g_file_get_contents (csv_path, &written, NULL, &error));
  g_assert_cmpstr (written, ==, expected);
  g_assert_cmpint (cvn_store_count (fixture->doc, "memberships", NULL), ==, 10);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, cvn_test_document_tear_down)
  ADD ("/cvn/members-csv/import", test_import);
  ADD ("/cvn/members-csv/unmatched-refused", test_unmatched_refused);
  ADD ("/cvn/members-csv/unmatched-skipped", test_unmatched_skipped);
  ADD ("/cvn/members-csv/round-trip", test_round_trip);
  ADD ("/cvn/members-csv/bad-values", test_bad_values);
  ADD ("/cvn/members-csv/cli", test_cli);
#undef ADD

  return g_test_run ();
}
