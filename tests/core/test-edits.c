/* test-edits.c — the hand edits of cvn-edits.h: labels, checks, and undo of each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-edits"

#include "config.h"

#include "cvn-edits.h"
#include "cvn-sample.h"
#include "cvn-snapshot.h"
#include "cvn-store.h"
#include "test-util.h"

#include <glib/gstdio.h>
#include <string.h>

typedef CvnTestDocument Fixture;

static gint64
count (CvnDocument *doc,
       const char  *sql)
{
  g_autoptr (sqlite3_stmt) stmt = cvn_document_prepare (doc, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
undo (CvnDocument *doc)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (cvn_document_undo (doc, &error));
  g_assert_no_error (error);
}

static void
test_create_and_rename (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *unused = NULL;
  gint64 cluster, school;

  cluster = cvn_edit_create_group (fixture->doc, "Cluster 4", "Cluster", 1, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cluster, >, 0);
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->doc), ==, "Create Cluster 4");

  /* Text is trimmed; the same value again makes no undo step. */
  g_assert_true (cvn_edit_set_text (fixture->doc, CVN_OBJECT_GROUP, cluster, "name",
                                    "  Riverside Cluster ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->doc), ==,
                   "Rename Cluster 4 to Riverside Cluster");
  g_assert_true (cvn_edit_set_text (fixture->doc, CVN_OBJECT_GROUP, cluster, "name",
                                    "Riverside Cluster", &error));
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->doc), ==,
                   "Rename Cluster 4 to Riverside Cluster");
  name = cvn_edit_dup_name (fixture->doc, CVN_OBJECT_GROUP, cluster);
  g_assert_cmpstr (name, ==, "Riverside Cluster");

  /* An empty name, a bad colour and an unknown column are refused. */
  g_assert_false (cvn_edit_set_text (fixture->doc, CVN_OBJECT_GROUP, cluster, "name", " ",
                                     &error));
  g_assert_error (error, CVN_EDIT_ERROR, CVN_EDIT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cvn_edit_set_text (fixture->doc, CVN_OBJECT_GROUP, cluster, "colour",
                                     "teal", &error));
  g_assert_error (error, CVN_EDIT_ERROR, CVN_EDIT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cvn_edit_set_text (fixture->doc, CVN_OBJECT_GROUP, cluster, "id; DROP",
                                     "x", &error));
  g_assert_error (error, CVN_EDIT_ERROR, CVN_EDIT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (cvn_edit_set_text (fixture->doc, CVN_OBJECT_GROUP, cluster, "colour",
                                    "#3A7BD5", &error));
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->doc), ==,
                   "Change the colour of Riverside Cluster");

  undo (fixture->doc);
  undo (fixture->doc);
  g_free (name);
  name = cvn_edit_dup_name (fixture->doc, CVN_OBJECT_GROUP, cluster);
  g_assert_cmpstr (name, ==, "Cluster 4");

  unused = cvn_edit_dup_unused_name (fixture->doc, CVN_OBJECT_GROUP, "Cluster 4");
  g_assert_cmpstr (unused, ==, "Cluster 4 2");

  /* URNs are unique. */
  school = cvn_edit_create_establishment (fixture->doc, "St Anne's Primary", &error);
  g_assert_no_error (error);
  g_assert_true (cvn_edit_set_number (fixture->doc, CVN_OBJECT_ESTABLISHMENT, school, "urn",
                                      TRUE, 100001, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->doc), ==,
                   "Change the URN of St Anne's Primary");
  school = cvn_edit_create_establishment (fixture->doc, "Greyfriars", &error);
  g_assert_false (cvn_edit_set_number (fixture->doc, CVN_OBJECT_ESTABLISHMENT, school, "urn",
                                       TRUE, 100001, &error));
  g_assert_error (error, CVN_EDIT_ERROR, CVN_EDIT_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "St Anne's Primary"));
}

static void
test_parent_cycle (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  gint64 board, alliance, cluster;

  board = cvn_edit_create_group (fixture->doc, "Board", "board", 3, 0, &error);
  alliance = cvn_edit_create_group (fixture->doc, "North Alliance", "alliance", 2, board, &error);
  cluster = cvn_edit_create_group (fixture->doc, "Cluster 1", "cluster", 1, 0, &error);
  g_assert_no_error (error);

  g_assert_true (cvn_edit_set_parent (fixture->doc, cluster, alliance, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->doc), ==,
                   "Put Cluster 1 in North Alliance");

  /* The board inside its own cluster would make a loop. */
  g_assert_false (cvn_edit_set_parent (fixture->doc, board, cluster, &error));
  g_assert_error (error, CVN_EDIT_ERROR, CVN_EDIT_ERROR_CYCLE);
  g_clear_error (&error);
  g_assert_false (cvn_edit_set_parent (fixture->doc, board, board, &error));
  g_assert_error (error, CVN_EDIT_ERROR, CVN_EDIT_ERROR_CYCLE);
  g_clear_error (&error);

  g_assert_true (cvn_edit_set_parent (fixture->doc, cluster, 0, &error));
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->doc), ==,
                   "Take Cluster 1 out of North Alliance");
  g_assert_true (cvn_edit_set_number (fixture->doc, CVN_OBJECT_GROUP, cluster, "tier", FALSE,
                                      0, &error));
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->doc), ==,
                   "Take Cluster 1 out of the tiers");
}

static void
test_memberships (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CvnSnapshot) snapshot = NULL;
  g_autoptr (GPtrArray) current = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autofree char *today = cvn_today ();
  CvnObjectRef both[2];
  gint64 cluster3, cluster4, school, other, membership;

  cluster3 = cvn_edit_create_group (fixture->doc, "Cluster 3", "cluster", 1, 0, &error);
  cluster4 = cvn_edit_create_group (fixture->doc, "Cluster 4", "cluster", 1, 0, &error);
  school = cvn_edit_create_establishment (fixture->doc, "St Anne's Primary", &error);
  other = cvn_edit_create_establishment (fixture->doc, "Greyfriars", &error);
  g_assert_no_error (error);

  membership = cvn_edit_add_membership (fixture->doc, cluster3, CVN_OBJECT_ESTABLISHMENT, school,
                                        CVN_ROLE_MEMBER, "2020-09-01", "", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->doc), ==,
                   "Add St Anne's Primary to Cluster 3");
  g_assert_cmpint (cvn_edit_add_membership (fixture->doc, cluster3, CVN_OBJECT_ESTABLISHMENT,
                                            school, CVN_ROLE_MEMBER, "", "", &error), ==, 0);
  g_assert_error (error, CVN_EDIT_ERROR, CVN_EDIT_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpint (cvn_edit_add_membership (fixture->doc, cluster3, CVN_OBJECT_ESTABLISHMENT,
                                            other, CVN_ROLE_MEMBER, "2020-13-01", "", &error),
                   ==, 0);
  g_assert_error (error, CVN_EDIT_ERROR, CVN_EDIT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (cvn_edit_set_membership_role (fixture->doc, membership, CVN_ROLE_LEAD_HEAD,
                                               &error));
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->doc), ==,
                   "Make St Anne's Primary lead head of Cluster 3");

  /* Moving ends the old membership (kept, ended) and starts one of the new group today,
   * with the same role. */
  g_assert_true (cvn_edit_move_member (fixture->doc, CVN_OBJECT_ESTABLISHMENT, school, cluster3,
                                       cluster4, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->doc), ==,
                   "Move St Anne's Primary to Cluster 4");
  snapshot = cvn_snapshot_load (fixture->doc, &error);
  g_assert_no_error (error);
  current = cvn_snapshot_get_memberships_of (snapshot, CVN_OBJECT_ESTABLISHMENT, school, TRUE);
  all = cvn_snapshot_get_memberships_of (snapshot, CVN_OBJECT_ESTABLISHMENT, school, FALSE);
  g_assert_cmpuint (current->len, ==, 1);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpint (((CvnMembership *) current->pdata[0])->group_id, ==, cluster4);
  g_assert_cmpint (((CvnMembership *) current->pdata[0])->role, ==, CVN_ROLE_LEAD_HEAD);
  g_assert_cmpstr (((CvnMembership *) current->pdata[0])->from_date, ==, today);

  undo (fixture->doc);
  g_assert_cmpint (count (fixture->doc, "SELECT count(*) FROM memberships"), ==, 1);
  g_assert_cmpint (count (fixture->doc, "SELECT count(*) FROM memberships WHERE until_date = ''"),
                   ==, 1);

  /* Ending keeps the record, with yesterday as its last day. */
  g_assert_true (cvn_edit_end_membership (fixture->doc, membership, &error));
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->doc), ==,
                   "End the membership of St Anne's Primary in Cluster 3");
  g_assert_cmpint (count (fixture->doc, "SELECT count(*) FROM memberships WHERE until_date <> '' "
                                        "AND until_date < date('now', 'localtime')"), ==, 1);
  g_assert_false (cvn_edit_end_membership (fixture->doc, membership, &error));
  g_assert_error (error, CVN_EDIT_ERROR, CVN_EDIT_ERROR_INVALID);
  g_clear_error (&error);

  /* Adding two schools is one step; one already a member is left alone. */
  both[0] = (CvnObjectRef) { CVN_OBJECT_ESTABLISHMENT, school };
  both[1] = (CvnObjectRef) { CVN_OBJECT_ESTABLISHMENT, other };
  g_assert_cmpuint (cvn_edit_add_to_group (fixture->doc, both, 2, cluster4, CVN_ROLE_MEMBER,
                                           &error), ==, 2);
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->doc), ==, "Add 2 schools to Cluster 4");
  g_assert_cmpuint (cvn_edit_add_to_group (fixture->doc, both, 2, cluster4, CVN_ROLE_MEMBER,
                                           &error), ==, 0);
  g_assert_no_error (error);
}

static void
test_delete_cascade (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CvnDocument) sample = NULL;
  g_autoptr (CvnSnapshot) snapshot = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "sample.convenor", NULL);
  g_autofree char *description = NULL;
  g_autofree char *expected = NULL;
  const CvnGroup *cluster = NULL;
  g_autoptr (GPtrArray) members = NULL;
  gint64 n_groups, n_memberships;
  CvnObjectRef ref;

  sample = cvn_sample_create (path, &error);
  g_assert_no_error (error);
  snapshot = cvn_snapshot_load (sample, &error);
  for (guint i = 0; i < snapshot->groups->len && cluster == NULL; i++)
    {
      const CvnGroup *group = &g_array_index (snapshot->groups, CvnGroup, i);

      if (g_strcmp0 (group->kind, "cluster") == 0)
        cluster = group;
    }
  g_assert_nonnull (cluster);
  members = cvn_snapshot_get_members (snapshot, cluster->id, FALSE);
  {
    g_autoptr (GPtrArray) of = cvn_snapshot_get_memberships_of (snapshot, CVN_OBJECT_GROUP,
                                                                cluster->id, FALSE);
    guint n = members->len + of->len;

    expected = g_strdup_printf ("Deleting %s also removes %u memberships.", cluster->name, n);
  }

  ref = (CvnObjectRef) { CVN_OBJECT_GROUP, cluster->id };
  description = cvn_edit_describe_delete (sample, &ref, 1);
  g_assert_cmpstr (description, ==, expected);

  n_groups = count (sample, "SELECT count(*) FROM groups");
  n_memberships = count (sample, "SELECT count(*) FROM memberships");
  g_assert_true (cvn_edit_delete (sample, &ref, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (sample, "SELECT count(*) FROM groups"), ==, n_groups - 1);
  g_assert_cmpint (count (sample, "SELECT count(*) FROM memberships"), <, n_memberships);
  undo (sample);
  g_assert_cmpint (count (sample, "SELECT count(*) FROM groups"), ==, n_groups);
  g_assert_cmpint (count (sample, "SELECT count(*) FROM memberships"), ==, n_memberships);

  g_clear_object (&sample);
  g_remove (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, cvn_test_document_set_up, func, cvn_test_document_tear_down)
  ADD ("/cvn/edits/create-and-rename", test_create_and_rename);
  ADD ("/cvn/edits/parent-cycle", test_parent_cycle);
  ADD ("/cvn/edits/memberships", test_memberships);
  ADD ("/cvn/edits/delete-cascade", test_delete_cascade);
#undef ADD

  return g_test_run ();
}
