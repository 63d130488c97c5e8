/* test-document.c — the SQLite document: round trips, migration, refusal, undo and redo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cvn-document.h"
#include "cvn-schema.h"
#include "cvn-snapshot.h"
#include "cvn-store.h"
#include "test-util.h"


/* Each run writes its files into a fresh directory of its own. */
static char *test_dir;

static char *
temp_path (const char *name)
{
  return g_build_filename (test_dir, name, NULL);
}

static CvnDocument *
create_document (const char *name)
{
  g_autofree char *path = temp_path (name);

  return cvn_test_create_document (path);
}


/* Writes one of every entity, returning the ids through the out-parameters. */
static void
fill_document (CvnDocument *doc,
               gint64      *out_school,
               gint64      *out_cluster)
{
  g_autoptr (GError) error = NULL;
  CvnEstablishment school;
  CvnGroup cluster, alliance;
  CvnPerson head = { 0 };
  CvnDesignationType nle = { 0 };
  CvnDesignation designation = { 0 };
  CvnMembership membership = { 0 };
  CvnExpertiseArea area = { 0 };
  CvnDirectoryEntry entry = { 0 };
  CvnSupportEngagement engagement = { 0 };
  CvnEstablishment other;
  gint64 school_id, other_id, head_id, cluster_id, alliance_id, type_id, area_id, entry_id;

  g_assert_true (cvn_document_begin_edit (doc, "Fill", &error));

  cvn_establishment_init (&school);
  g_free (school.name);
  school.name = g_strdup ("St Anne’s CofE Primary");
  school.urn = 900001;
  g_free (school.phase);
  school.phase = g_strdup ("primary");
  school.has_location = TRUE;
  school.easting = 431250.5;
  school.northing = 402000;
  school.pupils = 210;
  g_free (school.risk_category);
  school.risk_category = g_strdup ("Category 3: intensive support");
  school_id = cvn_store_insert_establishment (doc, &school, &error);
  g_assert_no_error (error);
  cvn_establishment_clear (&school);

  cvn_establishment_init (&other);
  g_free (other.name);
  other.name = g_strdup ("Kingsmere Academy");
  other.urn = 900002;
  other_id = cvn_store_insert_establishment (doc, &other, &error);
  g_assert_no_error (error);
  cvn_establishment_clear (&other);

  head.name = (char *) "Priya Shah";
  head.job_title = (char *) "Headteacher";
  head.establishment_id = other_id;
  head_id = cvn_store_insert_person (doc, &head, &error);
  g_assert_no_error (error);

  nle.code = (char *) "NLE";
  nle.name = (char *) "National Leader of Education";
  nle.system_leader = TRUE;
  type_id = cvn_store_insert_designation_type (doc, &nle, &error);
  g_assert_no_error (error);

  designation.type_id = type_id;
  designation.person_id = head_id;
  designation.from_date = (char *) "2015-09-01";
  designation.until_date = (char *) "2022-08-31";
  cvn_store_insert_designation (doc, &designation, &error);
  g_assert_no_error (error);

  cvn_group_init (&alliance);
  g_free (alliance.name);
  alliance.name = g_strdup ("North Alliance");
  g_free (alliance.kind);
  alliance.kind = g_strdup ("alliance");
  alliance.tier = 2;
  alliance_id = cvn_store_insert_group (doc, &alliance, &error);
  g_assert_no_error (error);
  cvn_group_clear (&alliance);

  cvn_group_init (&cluster);
  g_free (cluster.name);
  cluster.name = g_strdup ("Cluster 4");
  cluster.tier = 1;
  cluster.parent_id = alliance_id;
  cluster_id = cvn_store_insert_group (doc, &cluster, &error);
  g_assert_no_error (error);
  cvn_group_clear (&cluster);

  membership.group_id = cluster_id;
  membership.member_kind = CVN_OBJECT_ESTABLISHMENT;
  membership.member_id = school_id;
  membership.role = CVN_ROLE_MEMBER;
  membership.from_date = (char *) "2019-09-01";
  membership.until_date = (char *) "";
  cvn_store_insert_membership (doc, &membership, &error);
  g_assert_no_error (error);
  membership.member_kind = CVN_OBJECT_PERSON;
  membership.member_id = head_id;
  membership.role = CVN_ROLE_CHAIR;
  cvn_store_insert_membership (doc, &membership, &error);
  g_assert_no_error (error);

  area.name = (char *) "phonics";
  area_id = cvn_store_insert_expertise_area (doc, &area, &error);
  g_assert_no_error (error);

  entry.holder_kind = CVN_OBJECT_ESTABLISHMENT;
  entry.holder_id = other_id;
  entry.area_id = area_id;
  entry.kind = CVN_DIRECTORY_STRENGTH;
  entry.capacity_days = 6;
  entry.qa_status = CVN_QA_QUALITY_ASSURED;
  entry.reviewed_on = (char *) "2026-01-15";
  entry_id = cvn_store_insert_directory_entry (doc, &entry, &error);
  g_assert_no_error (error);
  g_assert_cmpint (entry_id, >, 0);

  engagement.provider_kind = CVN_OBJECT_ESTABLISHMENT;
  engagement.provider_id = other_id;
  engagement.recipient_id = school_id;
  engagement.area_id = area_id;
  engagement.days = 4;
  engagement.status = CVN_ENGAGEMENT_ACTIVE;
  engagement.broker = (char *) "LA";
  cvn_store_insert_support_engagement (doc, &engagement, &error);
  g_assert_no_error (error);

  g_assert_true (cvn_store_set_position (doc, "map", CVN_OBJECT_ESTABLISHMENT, school_id,
                                         12.5, -3.25, TRUE, &error));
  g_assert_true (cvn_document_set_setting (doc, "checks.cluster-size-min", "3", &error));

  g_assert_true (cvn_document_commit_edit (doc, &error));
  g_assert_no_error (error);

  *out_school = school_id;
  *out_cluster = cluster_id;
}

static void
test_round_trip (void)
{
  g_autoptr (CvnDocument) doc = create_document ("round-trip.convenor");
  g_autoptr (CvnDocument) reopened = NULL;
  g_autoptr (CvnSnapshot) snapshot = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_strdup (cvn_document_get_path (doc));
  const CvnEstablishment *school;
  const CvnGroup *cluster;
  const CvnPerson *head;
  const CvnDirectoryEntry *entry;
  const CvnSupportEngagement *engagement;
  gint64 school_id, cluster_id;

  fill_document (doc, &school_id, &cluster_id);
  g_clear_object (&doc);

  reopened = cvn_document_open (path, &error);
  g_assert_no_error (error);
  snapshot = cvn_snapshot_load_at (reopened, "2026-11-28", &error);
  g_assert_no_error (error);

  g_assert_cmpuint (snapshot->establishments->len, ==, 2);
  school = cvn_snapshot_find_establishment (snapshot, school_id);
  g_assert_nonnull (school);
  g_assert_cmpstr (school->name, ==, "St Anne’s CofE Primary");
  g_assert_cmpint (school->urn, ==, 900001);
  g_assert_true (school->has_location);
  g_assert_cmpfloat (school->easting, ==, 431250.5);
  g_assert_cmpint (school->pupils, ==, 210);
  g_assert_cmpstr (school->risk_category, ==, "Category 3: intensive support");
  g_assert_true (cvn_snapshot_find_establishment_by_urn (snapshot, 900001) == school);

  g_assert_cmpuint (snapshot->people->len, ==, 1);
  head = &g_array_index (snapshot->people, CvnPerson, 0);
  g_assert_cmpstr (head->name, ==, "Priya Shah");
  g_assert_cmpstr (cvn_snapshot_get_name (snapshot, CVN_OBJECT_ESTABLISHMENT,
                                          head->establishment_id), ==, "Kingsmere Academy");

  cluster = cvn_snapshot_find_group (snapshot, cluster_id);
  g_assert_cmpint (cluster->tier, ==, 1);
  g_assert_cmpstr (cvn_snapshot_find_group (snapshot, cluster->parent_id)->name, ==,
                   "North Alliance");
  {
    g_autoptr (GPtrArray) members = cvn_snapshot_get_members (snapshot, cluster_id, TRUE);
    g_autoptr (GPtrArray) groups = cvn_snapshot_get_memberships_of (snapshot,
                                                                    CVN_OBJECT_PERSON, head->id,
                                                                    TRUE);
    g_autoptr (GPtrArray) current = cvn_snapshot_get_designations_of (snapshot, CVN_OBJECT_PERSON,
                                                                      head->id, TRUE);
    g_autoptr (GPtrArray) all = cvn_snapshot_get_designations_of (snapshot, CVN_OBJECT_PERSON,
                                                                  head->id, FALSE);

    g_assert_cmpuint (members->len, ==, 2);
    g_assert_cmpuint (groups->len, ==, 1);
    g_assert_cmpint (((CvnMembership *) groups->pdata[0])->role, ==, CVN_ROLE_CHAIR);
    /* The NLE designation ended in 2022: kept as history, no longer current. */
    g_assert_cmpuint (all->len, ==, 1);
    g_assert_cmpuint (current->len, ==, 0);
  }

  g_assert_cmpuint (snapshot->expertise_areas->len, ==, 1);
  g_assert_cmpuint (snapshot->directory_entries->len, ==, 1);
  entry = &g_array_index (snapshot->directory_entries, CvnDirectoryEntry, 0);
  g_assert_cmpint (entry->qa_status, ==, CVN_QA_QUALITY_ASSURED);
  g_assert_cmpfloat (entry->capacity_days, ==, 6);
  g_assert_cmpstr (entry->reviewed_on, ==, "2026-01-15");

  g_assert_cmpuint (snapshot->support_engagements->len, ==, 1);
  engagement = &g_array_index (snapshot->support_engagements, CvnSupportEngagement, 0);
  g_assert_cmpint (engagement->status, ==, CVN_ENGAGEMENT_ACTIVE);
  g_assert_cmpint (engagement->recipient_id, ==, school_id);
  g_assert_cmpfloat (engagement->days, ==, 4);

  g_assert_cmpint (cvn_document_get_setting_int (reopened, "checks.cluster-size-min", 4), ==, 3);
  g_assert_cmpint (cvn_store_count (reopened, "layouts", &error), ==, 1);
  g_assert_cmpint (cvn_store_count (reopened, "designation_types", &error), ==, 1);
  g_assert_cmpint (cvn_store_count (reopened, "designations", &error), ==, 1);
}

static gint64
count_rows (CvnDocument *doc,
            const char  *table)
{
  g_autoptr (GError) error = NULL;
  gint64 n = cvn_store_count (doc, table, &error);

  g_assert_no_error (error);
  return n;
}

static void
test_undo_redo (void)
{
  g_autoptr (CvnDocument) doc = create_document ("undo.convenor");
  g_autoptr (GError) error = NULL;
  gint64 school_id, cluster_id;
  CvnGroup renamed;
  g_autoptr (CvnSnapshot) before = NULL;

  g_assert_false (cvn_document_can_undo (doc));
  fill_document (doc, &school_id, &cluster_id);
  g_assert_true (cvn_document_can_undo (doc));
  g_assert_cmpstr (cvn_document_get_undo_label (doc), ==, "Fill");

  /* Rename the cluster. */
  before = cvn_snapshot_load (doc, &error);
  cvn_group_init (&renamed);
  {
    const CvnGroup *cluster = cvn_snapshot_find_group (before, cluster_id);

    renamed.id = cluster->id;
    g_free (renamed.name);
    renamed.name = g_strdup ("Riverside Cluster");
    renamed.tier = cluster->tier;
    renamed.parent_id = cluster->parent_id;
  }
  g_assert_true (cvn_document_begin_edit (doc, "Rename Cluster 4", &error));
  g_assert_true (cvn_store_update_group (doc, &renamed, &error));
  g_assert_true (cvn_document_commit_edit (doc, &error));
  cvn_group_clear (&renamed);

  /* Delete the school: its membership, engagement and layout go with it. */
  g_assert_true (cvn_document_begin_edit (doc, "Delete St Anne’s", &error));
  g_assert_true (cvn_store_delete (doc, "establishments", school_id, &error));
  g_assert_true (cvn_document_commit_edit (doc, &error));
  g_assert_cmpint (count_rows (doc, "establishments"), ==, 1);
  g_assert_cmpint (count_rows (doc, "memberships"), ==, 1);
  g_assert_cmpint (count_rows (doc, "support_engagements"), ==, 0);
  g_assert_cmpint (count_rows (doc, "layouts"), ==, 0);

  /* Undo the delete: everything comes back, with the same ids. */
  g_assert_cmpstr (cvn_document_get_undo_label (doc), ==, "Delete St Anne’s");
  g_assert_true (cvn_document_undo (doc, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (doc, "establishments"), ==, 2);
  g_assert_cmpint (count_rows (doc, "memberships"), ==, 2);
  g_assert_cmpint (count_rows (doc, "support_engagements"), ==, 1);
  g_assert_cmpint (count_rows (doc, "layouts"), ==, 1);
  g_assert_cmpstr (cvn_document_get_redo_label (doc), ==, "Delete St Anne’s");

  /* Undo the rename. */
  g_assert_true (cvn_document_undo (doc, &error));
  {
    g_autoptr (CvnSnapshot) now = cvn_snapshot_load (doc, &error);

    g_assert_cmpstr (cvn_snapshot_find_group (now, cluster_id)->name, ==, "Cluster 4");
  }

  /* Redo both. */
  g_assert_true (cvn_document_redo (doc, &error));
  g_assert_true (cvn_document_redo (doc, &error));
  g_assert_false (cvn_document_can_redo (doc));
  g_assert_cmpint (count_rows (doc, "establishments"), ==, 1);
  {
    g_autoptr (CvnSnapshot) now = cvn_snapshot_load (doc, &error);

    g_assert_cmpstr (cvn_snapshot_find_group (now, cluster_id)->name, ==, "Riverside Cluster");
  }

  /* Undo everything back to an empty document, then a new edit clears the redo stack. */
  while (cvn_document_can_undo (doc))
    g_assert_true (cvn_document_undo (doc, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (doc, "establishments"), ==, 0);
  g_assert_cmpint (count_rows (doc, "groups"), ==, 0);
  g_assert_cmpint (count_rows (doc, "settings"), ==, 0);
  g_assert_true (cvn_document_can_redo (doc));
  g_assert_false (cvn_document_undo (doc, &error));
  g_assert_error (error, CVN_DOCUMENT_ERROR, CVN_DOCUMENT_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);

  g_assert_true (cvn_document_begin_edit (doc, "Set", &error));
  g_assert_true (cvn_document_set_setting (doc, "x", "1", &error));
  g_assert_true (cvn_document_commit_edit (doc, &error));
  g_assert_false (cvn_document_can_redo (doc));
}

static void
test_rollback (void)
{
  g_autoptr (CvnDocument) doc = create_document ("rollback.convenor");
  g_autoptr (GError) error = NULL;
  CvnGroup group;
  guint64 revision = cvn_document_get_revision (doc);

  cvn_group_init (&group);
  g_free (group.name);
  group.name = g_strdup ("Orphan");
  group.parent_id = 4242;  /* no such group: the foreign key refuses it */

  g_assert_true (cvn_document_begin_edit (doc, "Nested", &error));
  g_assert_true (cvn_document_begin_edit (doc, "Inner", &error));
  group.parent_id = 0;
  g_assert_cmpint (cvn_store_insert_group (doc, &group, &error), >, 0);
  group.parent_id = 4242;
  g_assert_cmpint (cvn_store_insert_group (doc, &group, &error), ==, 0);
  g_assert_error (error, CVN_DOCUMENT_ERROR, CVN_DOCUMENT_ERROR_SQL);
  cvn_document_rollback_edit (doc);
  cvn_group_clear (&group);

  g_assert_false (cvn_document_in_edit (doc));
  g_assert_false (cvn_document_can_undo (doc));
  g_assert_cmpuint (cvn_document_get_revision (doc), ==, revision);
  g_assert_cmpint (count_rows (doc, "groups"), ==, 0);
}

/* Tries to open @path, expecting @code, and checks the file was not changed. */
static void
assert_refused (const char *path,
                int         code)
{
  g_autoptr (GBytes) before = cvn_test_read_bytes (path);
  g_autoptr (GBytes) after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CvnDocument) doc = cvn_document_open (path, &error);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_null (doc);
  g_assert_error (error, CVN_DOCUMENT_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  after = cvn_test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_refuse_text_file (void)
{
  g_autofree char *path = temp_path ("notes.convenor");
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "Cluster 4: St Anne's, Oakfield\n", -1, &error));
  assert_refused (path, CVN_DOCUMENT_ERROR_NOT_A_DOCUMENT);

  g_assert_true (g_file_set_contents (path, "", 0, &error));
  assert_refused (path, CVN_DOCUMENT_ERROR_NOT_A_DOCUMENT);
}

static void
test_refuse_other_database (void)
{
  g_autofree char *path = temp_path ("other.sqlite");
  sqlite3 *db = NULL;

  g_remove (path);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1)", NULL, NULL,
                                 NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (path, CVN_DOCUMENT_ERROR_NOT_A_DOCUMENT);
}

static void
test_refuse_truncated (void)
{
  g_autoptr (CvnDocument) doc = create_document ("truncated.convenor");
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_strdup (cvn_document_get_path (doc));
  g_autofree char *contents = NULL;
  gint64 school_id, cluster_id;
  gsize length;

  fill_document (doc, &school_id, &cluster_id);
  g_clear_object (&doc);

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_cmpuint (length, >, 8192);
  g_assert_true (g_file_set_contents (path, contents, (gssize) (length / 2), &error));
  assert_refused (path, CVN_DOCUMENT_ERROR_CORRUPT);
}

static void
test_refuse_newer (void)
{
  g_autofree char *path = temp_path ("newer.convenor");
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;

  g_remove (path);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d; "
                         "CREATE TABLE future (x)", CVN_APPLICATION_ID, CVN_SCHEMA_VERSION + 1);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (path, CVN_DOCUMENT_ERROR_TOO_NEW);
}

static void
test_migrate_v0 (void)
{
  g_autofree char *path = temp_path ("v0.convenor");
  g_autofree char *sql = NULL;
  g_autoptr (CvnDocument) doc = NULL;
  g_autoptr (GError) error = NULL;
  sqlite3 *db = NULL;
  gint64 school_id, cluster_id;

  /* A version-0 document: Convenor's application id, no schema yet. */
  g_remove (path);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("PRAGMA application_id = %d", CVN_APPLICATION_ID);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  doc = cvn_document_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  {
    sqlite3_stmt *stmt = cvn_document_prepare (doc, "PRAGMA user_version", &error);

    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, CVN_SCHEMA_VERSION);
    sqlite3_finalize (stmt);
  }
  fill_document (doc, &school_id, &cluster_id);
  g_assert_cmpint (count_rows (doc, "establishments"), ==, 2);
}

static void
test_create_refuses_existing (void)
{
  g_autofree char *path = temp_path ("exists.convenor");
  g_autoptr (GError) error = NULL;
  g_autoptr (CvnDocument) doc = NULL;

  g_assert_true (g_file_set_contents (path, "keep me", -1, &error));
  doc = cvn_document_create (path, &error);
  g_assert_null (doc);
  g_assert_error (error, CVN_DOCUMENT_ERROR, CVN_DOCUMENT_ERROR_EXISTS);
  {
    g_autoptr (GBytes) bytes = cvn_test_read_bytes (path);

    g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "keep me", 7);
  }
}

static void
test_save_copy (void)
{
  g_autoptr (CvnDocument) doc = create_document ("original.convenor");
  g_autoptr (CvnDocument) copy = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *copy_path = temp_path ("copy.convenor");
  gint64 school_id, cluster_id;

  fill_document (doc, &school_id, &cluster_id);
  g_assert_true (cvn_document_save_copy (doc, copy_path, &error));
  g_assert_no_error (error);

  copy = cvn_document_open (copy_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (copy, "establishments"), ==, 2);
  g_assert_cmpint (count_rows (copy, "memberships"), ==, 2);
  g_assert_false (cvn_document_can_undo (copy));

  /* The copy is independent of the original. */
  g_assert_true (cvn_document_begin_edit (copy, "Delete", &error));
  g_assert_true (cvn_store_delete (copy, "groups", cluster_id, &error));
  g_assert_true (cvn_document_commit_edit (copy, &error));
  g_assert_cmpint (count_rows (doc, "groups"), ==, 2);
  g_assert_cmpint (count_rows (copy, "groups"), ==, 1);
}

static void
test_edits_survive_crash (void)
{
  g_autoptr (CvnDocument) doc = create_document ("crash.convenor");
  g_autoptr (CvnDocument) second = NULL;
  g_autoptr (GError) error = NULL;
  gint64 school_id, cluster_id;

  /* Committed edits are visible to another connection while the first is still open, so a
   * process that dies after commit loses nothing. */
  fill_document (doc, &school_id, &cluster_id);
  second = cvn_document_open (cvn_document_get_path (doc), &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (second, "establishments"), ==, 2);
}

static void
test_relative_path (void)
{
  g_autoptr (CvnDocument) doc = create_document ("relative.convenor");
  g_autoptr (CvnDocument) reopened = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *cwd = g_get_current_dir ();
  gint64 school_id, cluster_id;

  fill_document (doc, &school_id, &cluster_id);
  g_clear_object (&doc);

  /* A path relative to the working directory opens the same file. */
  g_assert_cmpint (g_chdir (test_dir), ==, 0);
  reopened = cvn_document_open ("relative.convenor", &error);
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (reopened, "establishments"), ==, 2);
}

/* A large edit logs rows of several tables interleaved; undo joins them into batches per table
 * (cvn-document.c run_batched), which must restore exactly the same rows. */
static void
test_undo_bulk (void)
{
  g_autoptr (CvnDocument) doc = create_document ("bulk.convenor");
  g_autoptr (GError) error = NULL;
  gint64 school_id, cluster_id;
  CvnEstablishment school;

  fill_document (doc, &school_id, &cluster_id);
  cvn_establishment_init (&school);
  g_assert_true (cvn_document_begin_edit (doc, "Import 1200 schools", &error));
  for (int i = 0; i < 1200; i++)
    {
      CvnMembership membership = { 0 };

      g_free (school.name);
      school.name = g_strdup_printf ("School %d", i);
      school.urn = 910000 + i;
      membership.group_id = cluster_id;
      membership.member_kind = CVN_OBJECT_ESTABLISHMENT;
      membership.member_id = cvn_store_insert_establishment (doc, &school, &error);
      g_assert_no_error (error);
      cvn_store_insert_membership (doc, &membership, &error);
      g_assert_no_error (error);
    }
  g_assert_true (cvn_document_commit_edit (doc, &error));
  cvn_establishment_clear (&school);

  /* Deleting the cluster cascades to its 1,201 school memberships and the chair's. */
  g_assert_true (cvn_document_begin_edit (doc, "Delete Cluster 4", &error));
  g_assert_true (cvn_store_delete (doc, "groups", cluster_id, &error));
  g_assert_true (cvn_document_commit_edit (doc, &error));
  g_assert_cmpint (count_rows (doc, "memberships"), ==, 0);

  g_assert_true (cvn_document_undo (doc, &error));
  g_assert_cmpint (count_rows (doc, "memberships"), ==, 1202);
  g_assert_true (cvn_document_undo (doc, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (doc, "establishments"), ==, 2);
  g_assert_cmpint (count_rows (doc, "memberships"), ==, 2);

  g_assert_true (cvn_document_redo (doc, &error));
  g_assert_cmpint (count_rows (doc, "establishments"), ==, 1202);
  g_assert_cmpint (count_rows (doc, "memberships"), ==, 1202);
  {
    g_autoptr (CvnSnapshot) snapshot = cvn_snapshot_load (doc, &error);
    const CvnEstablishment *last = cvn_snapshot_find_establishment_by_urn (snapshot, 911199);
    g_autoptr (GPtrArray) groups = NULL;

    g_assert_nonnull (last);
    g_assert_cmpstr (last->name, ==, "School 1199");
    groups = cvn_snapshot_get_memberships_of (snapshot, CVN_OBJECT_ESTABLISHMENT, last->id, TRUE);
    g_assert_cmpuint (groups->len, ==, 1);
    g_assert_cmpint (((CvnMembership *) groups->pdata[0])->group_id, ==, cluster_id);
  }
  g_assert_true (cvn_document_redo (doc, &error));
  g_assert_cmpint (count_rows (doc, "memberships"), ==, 0);
  g_assert_cmpint (count_rows (doc, "groups"), ==, 1);
}

static void
test_dates (void)
{
  g_assert_true (cvn_date_is_valid (""));
  g_assert_true (cvn_date_is_valid ("2024-02-29"));
  g_assert_false (cvn_date_is_valid ("2023-02-29"));
  g_assert_false (cvn_date_is_valid ("28/11/2026"));
  g_assert_false (cvn_date_is_valid ("2026-13-01"));
  g_assert_true (cvn_date_range_is_current ("", "", "2026-11-28"));
  g_assert_true (cvn_date_range_is_current ("2019-09-01", "2026-11-28", "2026-11-28"));
  g_assert_false (cvn_date_range_is_current ("2019-09-01", "2022-08-31", "2026-11-28"));
  g_assert_false (cvn_date_range_is_current ("2027-01-01", "", "2026-11-28"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  test_dir = g_dir_make_tmp ("cvn-test-XXXXXX", NULL);
  g_assert_nonnull (test_dir);

  g_test_add_func ("/cvn/document/round-trip", test_round_trip);
  g_test_add_func ("/cvn/document/undo-redo", test_undo_redo);
  g_test_add_func ("/cvn/document/undo-bulk", test_undo_bulk);
  g_test_add_func ("/cvn/document/rollback", test_rollback);
  g_test_add_func ("/cvn/document/refuse-text-file", test_refuse_text_file);
  g_test_add_func ("/cvn/document/refuse-other-database", test_refuse_other_database);
  g_test_add_func ("/cvn/document/refuse-truncated", test_refuse_truncated);
  g_test_add_func ("/cvn/document/refuse-newer", test_refuse_newer);
  g_test_add_func ("/cvn/document/migrate-v0", test_migrate_v0);
  g_test_add_func ("/cvn/document/create-refuses-existing", test_create_refuses_existing);
  g_test_add_func ("/cvn/document/save-copy", test_save_copy);
  g_test_add_func ("/cvn/document/edits-survive-crash", test_edits_survive_crash);
  g_test_add_func ("/cvn/document/relative-path", test_relative_path);
  g_test_add_func ("/cvn/document/dates", test_dates);

  return g_test_run ();
}
