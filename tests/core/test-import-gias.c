/* test-import-gias.c — the GIAS establishment, groups and group-links importers.
 *
 * The fixtures in tests/data/gias are written for these tests: schools.csv is Windows-1252
 * with CRLF, two local authorities (Wigan 359, Bolton 350), a closed school, quoted commas,
 * quotes and line breaks, a row with no URN, a repeated URN, a long and two short rows;
 * schools-update.csv is the same register a year on, as UTF-8 with a byte order mark, LF and
 * its columns in another order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cvn-import-gias.h"
#include "cvn-snapshot.h"
#include "cvn-store.h"
#include "test-util.h"

#include <gio/gio.h>
#include <string.h>

typedef CvnTestDocument Fixture;

static CvnGiasSummary *
import_fixture (CvnDocument          *doc,
                const char           *name,
                const CvnGiasOptions *options)
{
  g_autofree char *path = cvn_test_data_path ("gias", name);
  g_autoptr (GError) error = NULL;
  CvnGiasSummary *summary = cvn_import_gias (doc, path, options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (summary);
  return summary;
}

static const CvnEstablishment *
find (CvnSnapshot *snapshot,
      gint64       urn)
{
  const CvnEstablishment *e = cvn_snapshot_find_establishment_by_urn (snapshot, urn);

  g_assert_nonnull (e);
  return e;
}

static const CvnPerson *
find_person (CvnSnapshot *snapshot,
             const char  *name)
{
  for (guint i = 0; i < snapshot->people->len; i++)
    {
      const CvnPerson *person = &g_array_index (snapshot->people, CvnPerson, i);

      if (g_str_equal (person->name, name))
        return person;
    }
  return NULL;
}

static void
assert_skip (CvnGiasSummary *summary,
             guint           index,
             guint           line,
             const char     *reason_part)
{
  const CvnGiasSkip *skip;

  g_assert_cmpuint (index, <, summary->skips->len);
  skip = &g_array_index (summary->skips, CvnGiasSkip, index);
  g_assert_cmpuint (skip->line, ==, line);
  if (strstr (skip->reason, reason_part) == NULL)
    g_error ("skip reason “%s” does not mention “%s”", skip->reason, reason_part);
}

static void
test_import (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr (CvnGiasSummary) summary = import_fixture (fixture->doc, "schools.csv", NULL);
  g_autoptr (CvnSnapshot) snapshot = cvn_test_load (fixture->doc);
  const CvnEstablishment *e;

  /* Open schools only: the closed Old Mill Primary (100005) is not added. */
  g_assert_cmpuint (summary->added, ==, 9);
  g_assert_cmpuint (summary->changed, ==, 0);
  g_assert_cmpuint (summary->closed, ==, 0);
  g_assert_cmpuint (summary->not_selected, ==, 1);
  g_assert_cmpuint (snapshot->establishments->len, ==, 9);
  g_assert_null (cvn_snapshot_find_establishment_by_urn (snapshot, 100005));

  g_assert_cmpuint (summary->skips->len, ==, 3);
  assert_skip (summary, 0, 11, "no URN");
  assert_skip (summary, 1, 12, "already appeared on line 3");
  assert_skip (summary, 2, 15, "ends before the URN or the name");

  /* Windows-1252 0xE0 comes in as UTF-8 "à". */
  e = find (snapshot, 100001);
  g_assert_cmpstr (e->name, ==, "St Thomas à Becket Church of England Primary School");
  g_assert_cmpstr (e->phase, ==, "primary");
  g_assert_cmpstr (e->type, ==, "Voluntary aided school");
  g_assert_cmpstr (e->local_authority, ==, "Wigan");
  g_assert_cmpstr (e->religious_character, ==, "Church of England");
  g_assert_cmpstr (e->diocese, ==, "Diocese of Liverpool");
  g_assert_cmpstr (e->postcode, ==, "WN1 2AB");
  g_assert_cmpstr (e->inspection_grade, ==, "Good");
  g_assert_cmpint (e->pupils, ==, 210);
  g_assert_true (e->has_location);
  g_assert_cmpfloat (e->easting, ==, 357000);
  g_assert_cmpfloat (e->northing, ==, 405000);
  g_assert_true (e->is_open);

  /* Quoted commas and doubled quotes; GIAS's "Does not apply" and "None" become nothing. */
  e = find (snapshot, 100002);
  g_assert_cmpstr (e->name, ==, "Hindley Green, Community Primary School");
  g_assert_cmpstr (e->religious_character, ==, "");
  g_assert_cmpstr (e->diocese, ==, "");
  e = find (snapshot, 100003);
  g_assert_cmpstr (e->name, ==, "The \"Meadows\" Academy");
  g_assert_cmpstr (e->phase, ==, "secondary");
  g_assert_cmpstr (e->trust, ==, "Three Towers Trust");
  g_assert_cmpstr (e->religious_character, ==, "");
  /* "Open, but proposed to close" is open. */
  g_assert_true (e->is_open);

  /* The row after a quoted line break is read whole. */
  e = find (snapshot, 100004);
  g_assert_cmpstr (e->phase, ==, "nursery");
  g_assert_cmpstr (e->postcode, ==, "WN2 2AF");

  e = find (snapshot, 100007);
  g_assert_cmpstr (e->phase, ==, "special");
  g_assert_cmpstr (e->federation, ==, "The Bolton Special Federation");
  e = find (snapshot, 100008);
  g_assert_false (e->has_location);

  /* A row with more fields than the header keeps its named columns... */
  e = find (snapshot, 100009);
  g_assert_cmpstr (e->name, ==, "Westhoughton Primary School");
  g_assert_cmpint (e->pupils, ==, 400);
  /* ...and one that stops after the name has only what it holds. */
  e = find (snapshot, 100010);
  g_assert_cmpstr (e->local_authority, ==, "Bolton");
  g_assert_cmpstr (e->phase, ==, "");
  g_assert_cmpint (e->pupils, ==, -1);
  g_assert_false (e->has_location);

  /* Head teachers are personal data: none without --with-heads. */
  g_assert_cmpuint (snapshot->people->len, ==, 0);

  /* The import is one undo step. */
  g_assert_true (cvn_document_can_undo (fixture->doc));
  g_assert_cmpstr (cvn_document_get_undo_label (fixture->doc), ==,
                   "Import schools from schools.csv");
  g_assert_true (cvn_document_undo (fixture->doc, NULL));
  g_assert_cmpint (cvn_store_count (fixture->doc, "establishments", NULL), ==, 0);
}

static void
test_local_authority_filter (Fixture       *fixture,
                             gconstpointer  user_data)
{
  const char * const wigan[] = { "wigan", NULL };
  const char * const bolton_and_nowhere[] = { "350", "Nowhere", NULL };
  CvnGiasOptions options = { wigan, FALSE, FALSE };
  g_autoptr (CvnGiasSummary) first = NULL;
  g_autoptr (CvnGiasSummary) second = NULL;
  g_autoptr (CvnSnapshot) snapshot = NULL;

  /* By name, in any case: Wigan's four open schools. */
  first = import_fixture (fixture->doc, "schools.csv", &options);
  g_assert_cmpuint (first->added, ==, 4);
  g_assert_cmpuint (first->unused_local_authorities->len, ==, 0);
  snapshot = cvn_test_load (fixture->doc);
  for (guint i = 0; i < snapshot->establishments->len; i++)
    g_assert_cmpstr (g_array_index (snapshot->establishments, CvnEstablishment, i)
                       .local_authority, ==, "Wigan");

  /* By code, and a name that matches nothing is reported. */
  options.local_authorities = bolton_and_nowhere;
  second = import_fixture (fixture->doc, "schools.csv", &options);
  g_assert_cmpuint (second->added, ==, 5);
  g_assert_cmpuint (second->unused_local_authorities->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (second->unused_local_authorities, 0), ==, "Nowhere");
  g_assert_cmpint (cvn_store_count (fixture->doc, "establishments", NULL), ==, 9);
}

static void
test_include_closed (Fixture       *fixture,
                     gconstpointer  user_data)
{
  CvnGiasOptions options = { NULL, TRUE, FALSE };
  g_autoptr (CvnGiasSummary) summary = import_fixture (fixture->doc, "schools.csv", &options);
  g_autoptr (CvnSnapshot) snapshot = cvn_test_load (fixture->doc);
  const CvnEstablishment *e;

  g_assert_cmpuint (summary->added, ==, 10);
  g_assert_cmpuint (summary->not_selected, ==, 0);
  e = find (snapshot, 100005);
  g_assert_cmpstr (e->name, ==, "Old Mill Primary School");
  g_assert_false (e->is_open);
}

static void
test_with_heads (Fixture       *fixture,
                 gconstpointer  user_data)
{
  CvnGiasOptions options = { NULL, FALSE, TRUE };
  g_autoptr (CvnGiasSummary) summary = import_fixture (fixture->doc, "schools.csv", &options);
  g_autoptr (CvnSnapshot) snapshot = cvn_test_load (fixture->doc);
  const CvnPerson *head;

  g_assert_cmpuint (summary->heads_added, ==, 7);
  g_assert_cmpuint (snapshot->people->len, ==, 7);
  head = find_person (snapshot, "Chloé Dubois");
  g_assert_nonnull (head);
  g_assert_cmpstr (head->job_title, ==, "Headteacher");
  g_assert_cmpint (head->establishment_id, ==, find (snapshot, 100004)->id);
  head = find_person (snapshot, "Tom O'Neill");
  g_assert_nonnull (head);
  g_assert_cmpint (head->establishment_id, ==, find (snapshot, 100002)->id);
}

static const CvnGiasChange *
find_change (GArray *changes,
             gint64  urn)
{
  for (guint i = 0; i < changes->len; i++)
    if (g_array_index (changes, CvnGiasChange, i).urn == urn)
      return &g_array_index (changes, CvnGiasChange, i);
  return NULL;
}

static void
test_reimport (Fixture       *fixture,
               gconstpointer  user_data)
{
  CvnGiasOptions options = { NULL, FALSE, TRUE };
  g_autoptr (CvnGiasSummary) first = import_fixture (fixture->doc, "schools.csv", &options);
  g_autoptr (CvnGiasSummary) second = NULL;
  g_autoptr (CvnSnapshot) before = cvn_test_load (fixture->doc);
  g_autoptr (CvnSnapshot) after = NULL;
  g_autoptr (GError) error = NULL;
  CvnEstablishment local;
  CvnGroup cluster;
  CvnMembership membership = { 0 };
  const CvnEstablishment *e;
  const CvnGiasChange *change;
  gint64 cluster_id;

  /* What the local authority keeps about its schools, which GIAS knows nothing of. */
  g_assert_cmpuint (first->added, ==, 9);
  g_assert_true (cvn_document_begin_edit (fixture->doc, "Local data", &error));
  local = *find (before, 100001);
  local.risk_category = (char *) "Category C";
  local.engagement = (char *) "high";
  g_assert_true (cvn_store_update_establishment (fixture->doc, &local, &error));
  cvn_group_init (&cluster);
  g_free (cluster.name);
  cluster.name = g_strdup ("Wigan North Cluster");
  cluster.tier = 1;
  cluster_id = cvn_store_insert_group (fixture->doc, &cluster, &error);
  cvn_group_clear (&cluster);
  membership.group_id = cluster_id;
  membership.member_kind = CVN_OBJECT_ESTABLISHMENT;
  membership.member_id = find (before, 100001)->id;
  membership.from_date = (char *) "";
  membership.until_date = (char *) "";
  g_assert_cmpint (cvn_store_insert_membership (fixture->doc, &membership, &error), >, 0);
  membership.member_id = find (before, 100003)->id;
  g_assert_cmpint (cvn_store_insert_membership (fixture->doc, &membership, &error), >, 0);
  g_assert_true (cvn_store_set_position (fixture->doc, "map", CVN_OBJECT_ESTABLISHMENT,
                                         find (before, 100001)->id, 10, 20, TRUE, &error));
  g_assert_true (cvn_document_commit_edit (fixture->doc, &error));
  g_assert_no_error (error);

  second = import_fixture (fixture->doc, "schools-update.csv", &options);
  after = cvn_test_load (fixture->doc);

  g_assert_cmpuint (second->added, ==, 1);
  g_assert_cmpuint (second->changed, ==, 3);
  g_assert_cmpuint (second->closed, ==, 1);
  g_assert_cmpuint (second->unchanged, ==, 3);
  g_assert_cmpuint (second->not_selected, ==, 1);
  g_assert_cmpuint (second->skips->len, ==, 0);

  /* Which fields changed, per school, in the order of the file. */
  g_assert_cmpuint (second->changes->len, ==, 3);
  change = &g_array_index (second->changes, CvnGiasChange, 0);
  g_assert_cmpint (change->urn, ==, 100001);
  g_assert_cmpstr (change->fields, ==, "inspection_grade,pupils");
  change = find_change (second->changes, 100002);
  g_assert_nonnull (change);
  g_assert_cmpstr (change->name, ==, "Hindley Green Community Primary School");
  g_assert_cmpstr (change->fields, ==, "name");
  change = find_change (second->changes, 100006);
  g_assert_nonnull (change);
  g_assert_cmpstr (change->fields, ==, "head");
  g_assert_cmpuint (second->closures->len, ==, 1);
  g_assert_cmpint (g_array_index (second->closures, CvnGiasChange, 0).urn, ==, 100003);

  e = find (after, 100001);
  g_assert_cmpint (e->pupils, ==, 225);
  g_assert_cmpstr (e->inspection_grade, ==, "Outstanding");
  /* The same name, read from UTF-8 this time, is no change. */
  g_assert_cmpstr (e->name, ==, "St Thomas à Becket Church of England Primary School");
  /* Local fields, memberships and layouts are kept. */
  g_assert_cmpstr (e->risk_category, ==, "Category C");
  g_assert_cmpstr (e->engagement, ==, "high");
  g_assert_cmpuint (after->memberships->len, ==, 2);
  g_assert_cmpint (cvn_store_count (fixture->doc, "layouts", NULL), ==, 1);
  g_assert_false (find (after, 100003)->is_open);
  g_assert_cmpstr (find (after, 100012)->name, ==, "Abram Bryn Gates Primary School");
  /* Schools the new file does not list are left alone. */
  g_assert_cmpint (find (after, 100009)->pupils, ==, 400);

  /* The new head is added; the former one keeps their record. */
  g_assert_cmpstr (find_person (after, "Rachel Owens")->job_title, ==, "Headteacher");
  g_assert_cmpstr (find_person (after, "Peter Hughes")->job_title, ==, "Former headteacher");

  /* A third import of the same file changes nothing. */
  {
    g_autoptr (CvnGiasSummary) third = import_fixture (fixture->doc, "schools-update.csv",
                                                       &options);

    g_assert_cmpuint (third->added + third->changed + third->closed, ==, 0);
    g_assert_cmpuint (third->unchanged, ==, 8);
  }
}

static void
test_failed_import_changes_nothing (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  g_autofree char *malformed = cvn_test_data_path ("gias", "schools-malformed.csv");
  g_autoptr (CvnGiasSummary) first = import_fixture (fixture->doc, "schools.csv", NULL);
  g_autoptr (CvnGiasSummary) summary = NULL;
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  g_autoptr (GError) error = NULL;
  guint64 revision;

  g_assert_cmpuint (first->added, ==, 9);
  g_clear_object (&fixture->doc);
  before = cvn_test_read_bytes (fixture->path);

  fixture->doc = cvn_document_open (fixture->path, &error);
  g_assert_no_error (error);
  revision = cvn_document_get_revision (fixture->doc);
  summary = cvn_import_gias (fixture->doc, malformed, NULL, &error);
  g_assert_null (summary);
  g_assert_error (error, CVN_IMPORT_GIAS_ERROR, CVN_IMPORT_GIAS_ERROR_BAD_VALUE);
  g_assert_cmpstr (error->message, ==,
                   "schools-malformed.csv line 8, column Easting: “abc” is not a number");
  g_assert_false (cvn_document_in_edit (fixture->doc));
  g_assert_false (cvn_document_can_undo (fixture->doc));
  g_assert_cmpuint (cvn_document_get_revision (fixture->doc), ==, revision);
  g_assert_cmpint (cvn_store_count (fixture->doc, "establishments", NULL), ==, 9);

  g_clear_object (&fixture->doc);
  after = cvn_test_read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  user_data)
{
  static const char no_urn[] = "EstablishmentName,LA (name)\nA School,Wigan\n";
  static const char bad_pupils[] = "URN,EstablishmentName,NumberOfPupils\n1,A,12\n2,B,-3\n";
  static const char unclosed[] = "URN,EstablishmentName\n1,A\n2,\"B\n";
  g_autoptr (GError) error = NULL;

  g_assert_null (cvn_import_gias_data (fixture->doc, "x.csv", no_urn, strlen (no_urn), NULL,
                                       &error));
  g_assert_error (error, CVN_IMPORT_GIAS_ERROR, CVN_IMPORT_GIAS_ERROR_MISSING_COLUMN);
  g_assert_nonnull (strstr (error->message, "x.csv"));
  g_clear_error (&error);

  g_assert_null (cvn_import_gias_data (fixture->doc, "p.csv", bad_pupils, strlen (bad_pupils),
                                       NULL, &error));
  g_assert_error (error, CVN_IMPORT_GIAS_ERROR, CVN_IMPORT_GIAS_ERROR_BAD_VALUE);
  g_assert_cmpstr (error->message, ==, "p.csv line 3, column NumberOfPupils: “-3” is not a number");
  g_clear_error (&error);

  g_assert_null (cvn_import_gias_data (fixture->doc, "q.csv", unclosed, strlen (unclosed), NULL,
                                       &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "q.csv line 3"));

  /* Every failure left the document as it was. */
  g_assert_cmpint (cvn_store_count (fixture->doc, "establishments", NULL), ==, 0);
  g_assert_false (cvn_document_can_undo (fixture->doc));
}

static void
test_groups (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autofree char *groups = cvn_test_data_path ("gias", "groups.csv");
  g_autofree char *links = cvn_test_data_path ("gias", "group-links.csv");
  g_autoptr (CvnGiasSummary) schools = import_fixture (fixture->doc, "schools.csv", NULL);
  g_autoptr (CvnGiasSummary) summary = NULL;
  g_autoptr (CvnGiasSummary) again = NULL;
  g_autoptr (CvnSnapshot) snapshot = NULL;
  g_autoptr (GError) error = NULL;
  const CvnGroup *trust = NULL, *federation = NULL;

  g_assert_cmpuint (schools->added, ==, 9);
  summary = cvn_import_gias_groups (fixture->doc, groups, links, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->groups_added, ==, 2);
  g_assert_cmpuint (summary->not_selected, ==, 1);
  g_assert_cmpuint (summary->memberships_added, ==, 3);
  g_assert_cmpuint (summary->skips->len, ==, 4);
  g_assert_cmpstr (g_array_index (summary->skips, CvnGiasSkip, 0).file, ==, "groups.csv");
  assert_skip (summary, 0, 4, "not a trust or federation");
  g_assert_cmpstr (g_array_index (summary->skips, CvnGiasSkip, 1).file, ==, "group-links.csv");
  assert_skip (summary, 1, 5, "not a trust or federation");
  assert_skip (summary, 2, 6, "no school with URN 999999");
  assert_skip (summary, 3, 7, "group 5004 is closed");

  snapshot = cvn_test_load (fixture->doc);
  for (guint i = 0; i < snapshot->groups->len; i++)
    {
      const CvnGroup *group = &g_array_index (snapshot->groups, CvnGroup, i);

      if (g_str_equal (group->kind, "trust"))
        trust = group;
      else if (g_str_equal (group->kind, "federation"))
        federation = group;
    }
  g_assert_nonnull (trust);
  g_assert_cmpstr (trust->name, ==, "THREE TOWERS TRUST");
  g_assert_nonnull (federation);
  g_assert_cmpstr (federation->name, ==, "The Bolton Special Federation");
  {
    g_autoptr (GPtrArray) members = cvn_snapshot_get_members (snapshot, trust->id, FALSE);
    gboolean found_dated = FALSE;

    g_assert_cmpuint (members->len, ==, 2);
    for (guint i = 0; i < members->len; i++)
      {
        const CvnMembership *m = g_ptr_array_index (members, i);

        g_assert_cmpint (m->member_kind, ==, CVN_OBJECT_ESTABLISHMENT);
        if (m->member_id == find (snapshot, 100001)->id)
          {
            g_assert_cmpstr (m->from_date, ==, "2019-09-01");
            found_dated = TRUE;
          }
      }
    g_assert_true (found_dated);
  }

  /* Importing again finds everything in place. */
  again = cvn_import_gias_groups (fixture->doc, groups, links, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->groups_added, ==, 0);
  g_assert_cmpuint (again->groups_existing, ==, 2);
  g_assert_cmpuint (again->memberships_added, ==, 0);
  g_assert_cmpuint (again->memberships_existing, ==, 3);
}

/* The real GIAS samples in shared/data: their headers, encodings and quirks must all parse. */
static void
test_real_files (Fixture       *fixture,
                 gconstpointer  user_data)
{
  const char *shared = g_getenv ("CONVENOR_SHARED_DATA");
  g_autofree char *dir = NULL;
  g_autofree char *subset = NULL;
  g_autofree char *claim = NULL;
  g_autofree char *groups = NULL;
  g_autofree char *links = NULL;
  g_autoptr (CvnGiasSummary) first = NULL;
  g_autoptr (CvnGiasSummary) second = NULL;
  g_autoptr (CvnGiasSummary) third = NULL;
  g_autoptr (CvnSnapshot) snapshot = NULL;
  g_autoptr (GError) error = NULL;
  CvnGiasOptions options = { NULL, TRUE, TRUE };
  const CvnEstablishment *e;

  dir = g_build_filename (shared != NULL ? shared : "", "gias", NULL);
  if (shared == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("the shared GIAS samples are not here (set CONVENOR_SHARED_DATA)");
      return;
    }
  subset = g_build_filename (dir, "itt-mentor-services__gias_subset.csv", NULL);
  claim = g_build_filename (dir, "claim-additional-payments__example_schools_data.csv", NULL);
  groups = g_build_filename (dir, "teaching-vacancies__example_groups_data.csv", NULL);
  links = g_build_filename (dir, "teaching-vacancies__example_group_links_data.csv", NULL);

  first = cvn_import_gias (fixture->doc, subset, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->added, ==, 8);
  g_assert_cmpuint (first->skips->len, ==, 0);

  /* Windows-1252, CRLF, a 133-column header and a ragged row of 139 fields. */
  second = cvn_import_gias (fixture->doc, claim, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->added, ==, 4);
  g_assert_cmpuint (second->skips->len, ==, 0);

  third = cvn_import_gias_groups (fixture->doc, groups, links, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (third->groups_added, ==, 4);
  g_assert_cmpuint (third->memberships_added, ==, 1);

  snapshot = cvn_test_load (fixture->doc);
  e = find (snapshot, 126416);
  g_assert_cmpstr (e->name, ==, "St Thomas à Becket Church of England Aided Primary School");
  g_assert_cmpstr (e->local_authority, ==, "Wiltshire");
  e = find (snapshot, 150516);
  g_assert_false (e->has_location);
  g_assert_cmpstr (e->local_authority, ==, "");
  g_assert_true (find (snapshot, 126370)->is_open);
  g_assert_false (find (snapshot, 100004)->is_open);
  g_assert_cmpstr (find (snapshot, 137666)->trust, ==, "THE FIRST FEDERATION TRUST");
  g_assert_cmpstr (find (snapshot, 101173)->phase, ==, "special");
}

/* convenor-cli import-gias prints the summary lines scripts read. */
static void
test_cli (Fixture       *fixture,
          gconstpointer  user_data)
{
  g_autofree char *schools = cvn_test_data_path ("gias", "schools.csv");
  g_autofree char *update = cvn_test_data_path ("gias", "schools-update.csv");
  g_autofree char *malformed = cvn_test_data_path ("gias", "schools-malformed.csv");
  g_autofree char *out = NULL, *out2 = NULL, *out3 = NULL;
  g_autofree char *err = NULL, *err2 = NULL, *err3 = NULL;

  if (!cvn_test_have_cli ())
    return;
  g_clear_object (&fixture->doc);

  g_assert_cmpint (cvn_test_run_cli (&out, &err, "import-gias", fixture->path, schools, "--la",
                                     "Wigan", "--la", "350", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "added\t9\nchanged\t0\nclosed\t0\nskipped\t3\n"));
  g_assert_nonnull (strstr (out, "\nskipped\t12\tURN 100002 already appeared on line 3\n"));

  g_assert_cmpint (cvn_test_run_cli (&out2, &err2, "import-gias", fixture->path, update, NULL),
                   ==, 0);
  g_assert_true (g_str_has_prefix (out2, "added\t1\nchanged\t2\nclosed\t1\nskipped\t0\n"));
  g_assert_nonnull (strstr (out2, "\nchanged\t100001\tSt Thomas à Becket Church of England "
                                  "Primary School\tinspection_grade,pupils\n"));
  g_assert_nonnull (strstr (out2, "\nclosed\t100003\tThe \"Meadows\" Academy\n"));

  g_assert_cmpint (cvn_test_run_cli (&out3, &err3, "import-gias", fixture->path, malformed, NULL),
                   !=, 0);
  g_assert_cmpstr (out3, ==, "");
  g_assert_cmpstr (err3, ==, "convenor-cli: schools-malformed.csv line 8, column Easting: "
                             "“abc” is not a number\n");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, cvn_test_document_set_up, func, cvn_test_document_tear_down)
  ADD ("/cvn/import-gias/import", test_import);
  ADD ("/cvn/import-gias/local-authority-filter", test_local_authority_filter);
  ADD ("/cvn/import-gias/include-closed", test_include_closed);
  ADD ("/cvn/import-gias/with-heads", test_with_heads);
  ADD ("/cvn/import-gias/reimport", test_reimport);
  ADD ("/cvn/import-gias/failed-import-changes-nothing", test_failed_import_changes_nothing);
  ADD ("/cvn/import-gias/bad-input", test_bad_input);
  ADD ("/cvn/import-gias/groups", test_groups);
  ADD ("/cvn/import-gias/real-files", test_real_files);
  ADD ("/cvn/import-gias/cli", test_cli);
#undef ADD

  return g_test_run ();
}
