/* test-checks.c — the structure checks, one small document per case, and `convenor-cli check`.
 *
 * Each test starts from a healthy three-tier structure that has no findings (a board, an
 * alliance under it, a cluster of four schools under that, led by a local leader of education
 * who sits on the alliance and the board), changes one thing, and looks for the one finding
 * that change should cause, or for its absence. "Today" is pinned, so dated memberships and
 * designations give the same answer whenever the tests run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cvn-checks.h"
#include "cvn-document.h"
#include "cvn-sample.h"
#include "cvn-snapshot.h"
#include "cvn-store.h"
#include "test-util.h"

#define TODAY "2024-03-01"

typedef struct
{
  char             *dir;
  char             *path;
  CvnDocument      *doc;
  CvnCheckSettings  settings;
  gint64            lle_type;

  /* The healthy structure. */
  gint64            board;
  gint64            alliance;
  gint64            cluster;
  gint64            schools[4];
  gint64            lead;
} Fixture;

/* Building documents */

static gint64
add_school_full (Fixture    *f,
                 const char *name,
                 const char *phase,
                 const char *trust,
                 const char *risk_category,
                 const char *opted_out_reason,
                 gboolean    is_open)
{
  g_autoptr (GError) error = NULL;
  CvnEstablishment school;
  gint64 id;

  cvn_establishment_init (&school);
  g_free (school.name);
  school.name = g_strdup (name);
  g_free (school.phase);
  school.phase = g_strdup (phase);
  g_free (school.trust);
  school.trust = g_strdup (trust);
  g_free (school.risk_category);
  school.risk_category = g_strdup (risk_category);
  g_free (school.opted_out_reason);
  school.opted_out_reason = g_strdup (opted_out_reason);
  school.is_open = is_open;
  id = cvn_store_insert_establishment (f->doc, &school, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  cvn_establishment_clear (&school);
  return id;
}

static gint64
add_school (Fixture    *f,
            const char *name)
{
  return add_school_full (f, name, "primary", "", "", "", TRUE);
}

static gint64
add_person (Fixture    *f,
            const char *name,
            gint64      establishment_id)
{
  g_autoptr (GError) error = NULL;
  CvnPerson person = { 0 };
  gint64 id;

  person.name = (char *) name;
  person.establishment_id = establishment_id;
  id = cvn_store_insert_person (f->doc, &person, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_group_full (Fixture  *f,
                CvnGroup *group)
{
  g_autoptr (GError) error = NULL;
  gint64 id = cvn_store_insert_group (f->doc, group, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_group (Fixture    *f,
           const char *name,
           const char *kind,
           int         tier,
           gint64      parent_id)
{
  CvnGroup group = { 0 };

  group.name = (char *) name;
  group.kind = (char *) kind;
  group.tier = tier;
  group.parent_id = parent_id;
  return add_group_full (f, &group);
}

static void
add_member (Fixture       *f,
            gint64         group_id,
            CvnObjectKind  kind,
            gint64         member_id,
            CvnRole        role)
{
  cvn_test_add_membership (f->doc, group_id, kind, member_id, role, "", "");
}

static void
add_school_member (Fixture *f,
                   gint64   group_id,
                   gint64   school_id)
{
  add_member (f, group_id, CVN_OBJECT_ESTABLISHMENT, school_id, CVN_ROLE_MEMBER);
}

static void
add_person_member (Fixture *f,
                   gint64   group_id,
                   gint64   person_id,
                   CvnRole  role)
{
  add_member (f, group_id, CVN_OBJECT_PERSON, person_id, role);
}

static gint64
add_designation_type (Fixture    *f,
                      const char *code,
                      gboolean    system_leader)
{
  g_autoptr (GError) error = NULL;
  CvnDesignationType type = { 0 };
  gint64 id;

  type.code = (char *) code;
  type.name = (char *) code;
  type.system_leader = system_leader;
  id = cvn_store_insert_designation_type (f->doc, &type, &error);
  g_assert_no_error (error);
  return id;
}

static void
designate_dated (Fixture    *f,
                 gint64      type_id,
                 gint64      person_id,
                 const char *from_date,
                 const char *until_date)
{
  g_autoptr (GError) error = NULL;
  CvnDesignation designation = { 0 };

  designation.type_id = type_id;
  designation.person_id = person_id;
  designation.from_date = (char *) from_date;
  designation.until_date = (char *) until_date;
  g_assert_cmpint (cvn_store_insert_designation (f->doc, &designation, &error), >, 0);
  g_assert_no_error (error);
}

static void
add_engagement (Fixture             *f,
                gint64               provider_school,
                gint64               recipient_school,
                CvnEngagementStatus  status)
{
  g_autoptr (GError) error = NULL;
  CvnSupportEngagement engagement = { 0 };

  engagement.provider_kind = CVN_OBJECT_ESTABLISHMENT;
  engagement.provider_id = provider_school;
  engagement.recipient_id = recipient_school;
  engagement.status = status;
  g_assert_cmpint (cvn_store_insert_support_engagement (f->doc, &engagement, &error), >, 0);
  g_assert_no_error (error);
}

/* Four schools in a cluster, in an alliance, under a board; a local leader of education leads
 * the cluster from the first school and sits on the alliance and the board. */
static void
build_healthy (Fixture *f)
{
  static const char * const names[] = {
    "Ashdown Primary", "Birchwood Primary", "Calder Primary", "Dunmore Primary",
  };

  f->board = add_group (f, "Borough Partnership Board", "board", 3, 0);
  f->alliance = add_group (f, "North Alliance", "alliance", 2, f->board);
  f->cluster = add_group (f, "North Cluster", "cluster", 1, f->alliance);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      f->schools[i] = add_school (f, names[i]);
      add_school_member (f, f->cluster, f->schools[i]);
    }
  f->lead = add_person (f, "Anna Lead", f->schools[0]);
  designate_dated (f, f->lle_type, f->lead, "", "");
  add_person_member (f, f->cluster, f->lead, CVN_ROLE_LEAD_HEAD);
  add_person_member (f, f->alliance, f->lead, CVN_ROLE_CHAIR);
  add_person_member (f, f->board, f->lead, CVN_ROLE_MEMBER);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->dir = cvn_test_make_dir ();
  f->path = g_build_filename (f->dir, "test.convenor", NULL);
  f->doc = cvn_test_create_document (f->path);
  cvn_check_settings_init (&f->settings);
  g_assert_true (cvn_document_begin_edit (f->doc, "Test", &error));
  g_assert_no_error (error);
  f->lle_type = add_designation_type (f, "LLE", TRUE);
  if (data != NULL)
    build_healthy (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->doc != NULL && cvn_document_in_edit (f->doc))
    cvn_document_rollback_edit (f->doc);
  g_clear_object (&f->doc);
  cvn_test_remove_tree (f->dir);
  cvn_check_settings_clear (&f->settings);
  g_free (f->path);
  g_free (f->dir);
}

/* Commits what the test built and runs the checks at the pinned date. */
static GPtrArray *
run_checks (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CvnSnapshot) snapshot = NULL;

  if (cvn_document_in_edit (f->doc))
    {
      g_assert_true (cvn_document_commit_edit (f->doc, &error));
      g_assert_no_error (error);
    }
  snapshot = cvn_snapshot_load_at (f->doc, TODAY, &error);
  g_assert_no_error (error);
  return cvn_checks_run (snapshot, &f->settings);
}

static const CvnFinding *
find_finding (GPtrArray  *findings,
              const char *code,
              const char *name)
{
  for (guint i = 0; i < findings->len; i++)
    {
      const CvnFinding *finding = g_ptr_array_index (findings, i);

      if (g_str_equal (finding->code, code) && g_str_equal (finding->object_name, name))
        return finding;
    }
  return NULL;
}

static guint
count_code (GPtrArray  *findings,
            const char *code)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (((const CvnFinding *) g_ptr_array_index (findings, i))->code, code))
      n++;
  return n;
}

/* Asserts a finding of @code about @name exists, and returns its message. */
static const char *
assert_finding (GPtrArray     *findings,
                const char    *code,
                CvnObjectKind  kind,
                const char    *name)
{
  const CvnFinding *finding = find_finding (findings, code, name);

  if (finding == NULL)
    g_error ("expected a %s finding about “%s”", code, name);
  g_assert_cmpint (finding->object_kind, ==, kind);
  g_assert_cmpint (finding->object_id, >, 0);
  g_assert_nonnull (strstr (finding->message, name));
  return finding->message;
}

/* The healthy structure */

static void
test_healthy_is_clean (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GPtrArray) findings = run_checks (f);

  for (guint i = 0; i < findings->len; i++)
    {
      const CvnFinding *finding = g_ptr_array_index (findings, i);

      g_test_message ("unexpected: %s %s", finding->code, finding->message);
    }
  g_assert_cmpuint (findings->len, ==, 0);
}

static void
test_empty_document (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GPtrArray) findings = run_checks (f);

  g_assert_cmpuint (findings->len, ==, 0);
}

/* school-unclustered */

static void
test_school_unclustered (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (GPtrArray) findings = NULL;
  gint64 network = add_group (f, "Maths Network", "network", 0, 0);
  gint64 closed = add_group (f, "Old Cluster", "cluster", 1, f->alliance);
  gint64 left, future, networked, in_closed;
  CvnGroup update = { 0 };
  g_autoptr (GError) error = NULL;
  const char *message;

  add_school (f, "Oakfield Primary");
  left = add_school (f, "Leaver Primary");
  cvn_test_add_membership (f->doc, f->cluster, CVN_OBJECT_ESTABLISHMENT, left, CVN_ROLE_MEMBER,
                           "2020-09-01", "2023-08-31");
  future = add_school (f, "Newcomer Primary");
  cvn_test_add_membership (f->doc, f->cluster, CVN_OBJECT_ESTABLISHMENT, future, CVN_ROLE_MEMBER,
                           "2024-09-01", "");
  networked = add_school (f, "Network Only Primary");
  add_school_member (f, network, networked);
  in_closed = add_school (f, "Closed Cluster Primary");
  add_school_member (f, closed, in_closed);
  update.id = closed;
  update.name = (char *) "Old Cluster";
  update.kind = (char *) "cluster";
  update.tier = 1;
  update.parent_id = f->alliance;
  update.status = (char *) "closed";
  g_assert_true (cvn_store_update_group (f->doc, &update, &error));
  g_assert_no_error (error);

  /* None of these is a finding: a closed school, a school that opted out, a dated membership
   * that is current today. */
  add_school_full (f, "Shut Primary", "primary", "", "", "", FALSE);
  add_school_full (f, "Independent Primary", "primary", "", "", "Chose to stay independent",
                   TRUE);
  cvn_test_add_membership (f->doc, f->cluster, CVN_OBJECT_ESTABLISHMENT,
                           add_school (f, "Current Primary"), CVN_ROLE_MEMBER, "2023-09-01",
                           "2024-08-31");

  findings = run_checks (f);
  message = assert_finding (findings, CVN_CHECK_SCHOOL_UNCLUSTERED, CVN_OBJECT_ESTABLISHMENT,
                            "Oakfield Primary");
  g_assert_cmpstr (message, ==, "Oakfield Primary is in no cluster");
  assert_finding (findings, CVN_CHECK_SCHOOL_UNCLUSTERED, CVN_OBJECT_ESTABLISHMENT,
                  "Leaver Primary");
  assert_finding (findings, CVN_CHECK_SCHOOL_UNCLUSTERED, CVN_OBJECT_ESTABLISHMENT,
                  "Newcomer Primary");
  assert_finding (findings, CVN_CHECK_SCHOOL_UNCLUSTERED, CVN_OBJECT_ESTABLISHMENT,
                  "Network Only Primary");
  assert_finding (findings, CVN_CHECK_SCHOOL_UNCLUSTERED, CVN_OBJECT_ESTABLISHMENT,
                  "Closed Cluster Primary");
  g_assert_cmpuint (count_code (findings, CVN_CHECK_SCHOOL_UNCLUSTERED), ==, 5);
}

/* cluster-no-alliance */

static void
test_cluster_no_alliance (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (GPtrArray) findings = NULL;
  gint64 orphan = add_group (f, "Orphan Cluster", "cluster", 1, 0);
  gint64 under_board = add_group (f, "Board Cluster", "learning community", 1, f->board);
  gint64 by_membership = add_group (f, "Member Cluster", "cluster", 1, 0);

  add_member (f, f->alliance, CVN_OBJECT_GROUP, by_membership, CVN_ROLE_MEMBER);
  findings = run_checks (f);

  g_assert_cmpstr (assert_finding (findings, CVN_CHECK_CLUSTER_NO_ALLIANCE, CVN_OBJECT_GROUP,
                                   "Orphan Cluster"),
                   ==, "Orphan Cluster is in no alliance");
  /* With alliances in the document, a cluster hanging straight from the board is missing
   * its alliance. */
  assert_finding (findings, CVN_CHECK_CLUSTER_NO_ALLIANCE, CVN_OBJECT_GROUP, "Board Cluster");
  g_assert_null (find_finding (findings, CVN_CHECK_CLUSTER_NO_ALLIANCE, "Member Cluster"));
  g_assert_null (find_finding (findings, CVN_CHECK_CLUSTER_NO_ALLIANCE, "North Cluster"));
  g_assert_cmpuint (count_code (findings, CVN_CHECK_CLUSTER_NO_ALLIANCE), ==, 2);
  (void) orphan;
  (void) under_board;
}

/* A document with no alliances at all is a two-tier system: clusters may report to the board
 * directly, but one that reports to nothing is still a finding. */
static void
test_cluster_two_tier (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GPtrArray) findings = NULL;
  gint64 group = add_group (f, "Strategic Group", "strategic group", 3, 0);

  add_group (f, "Learning Community 1", "learning community", 1, group);
  add_group (f, "Loose Community", "learning community", 1, 0);
  findings = run_checks (f);

  g_assert_null (find_finding (findings, CVN_CHECK_CLUSTER_NO_ALLIANCE, "Learning Community 1"));
  g_assert_cmpstr (assert_finding (findings, CVN_CHECK_CLUSTER_NO_ALLIANCE, CVN_OBJECT_GROUP,
                                   "Loose Community"),
                   ==, "Loose Community reports to no alliance or board");
  g_assert_cmpuint (count_code (findings, CVN_CHECK_CLUSTER_NO_ALLIANCE), ==, 1);
}

/* alliance-not-on-board */

static void
test_alliance_not_on_board (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (GPtrArray) findings = NULL;
  gint64 south = add_group (f, "South Alliance", "alliance", 2, f->board);
  gint64 south_cluster = add_group (f, "South Cluster", "cluster", 1, south);
  gint64 south_school = add_school (f, "Southgate Primary");
  gint64 south_head = add_person (f, "Sam South", south_school);

  add_school_member (f, south_cluster, south_school);
  /* The head sits on an unrelated network, not on the board. */
  add_person_member (f, add_group (f, "Reading Network", "network", 0, 0), south_head,
                     CVN_ROLE_MEMBER);
  add_group (f, "Floating Alliance", "alliance", 2, 0);
  findings = run_checks (f);

  g_assert_cmpstr (assert_finding (findings, CVN_CHECK_ALLIANCE_NOT_ON_BOARD, CVN_OBJECT_GROUP,
                                   "South Alliance"),
                   ==, "South Alliance has no member on Borough Partnership Board");
  g_assert_cmpstr (assert_finding (findings, CVN_CHECK_ALLIANCE_NOT_ON_BOARD, CVN_OBJECT_GROUP,
                                   "Floating Alliance"),
                   ==, "Floating Alliance reports to no board");
  g_assert_null (find_finding (findings, CVN_CHECK_ALLIANCE_NOT_ON_BOARD, "North Alliance"));
  g_assert_cmpuint (count_code (findings, CVN_CHECK_ALLIANCE_NOT_ON_BOARD), ==, 2);
}

/* Each way an alliance can have a member on its board. */
static void
test_alliance_on_board_ways (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr (GPtrArray) findings = NULL;
  gint64 sub_group = add_group (f, "Standards Sub-group", "sub-group", 3, f->board);
  gint64 as_group = add_group (f, "Group Alliance", "alliance", 2, f->board);
  gint64 by_school = add_group (f, "School Alliance", "alliance", 2, f->board);
  gint64 by_person = add_group (f, "Person Alliance", "alliance", 2, f->board);
  gint64 under_sub = add_group (f, "Sub Alliance", "alliance", 2, sub_group);
  gint64 not_on = add_group (f, "Missing Alliance", "alliance", 2, f->board);
  gint64 cluster = add_group (f, "School Alliance Cluster", "cluster", 1, by_school);
  gint64 school = add_school (f, "Member School");
  gint64 leader = add_person (f, "Lee Leader", 0);
  gint64 old_leader = add_person (f, "Olive Former", 0);

  /* The alliance itself as a member of the board. */
  add_member (f, f->board, CVN_OBJECT_GROUP, as_group, CVN_ROLE_MEMBER);
  /* A school of one of the alliance's clusters. */
  add_school_member (f, cluster, school);
  add_school_member (f, f->board, school);
  /* A person who belongs to the alliance itself (an alliance of system leaders). */
  add_person_member (f, by_person, leader, CVN_ROLE_MEMBER);
  add_person_member (f, f->board, leader, CVN_ROLE_MEMBER);
  /* A sub-group's alliance is on the board when it has a member on the parent board. */
  add_member (f, f->board, CVN_OBJECT_GROUP, under_sub, CVN_ROLE_MEMBER);
  /* A board membership that ended does not count. */
  add_person_member (f, not_on, old_leader, CVN_ROLE_MEMBER);
  cvn_test_add_membership (f->doc, f->board, CVN_OBJECT_PERSON, old_leader, CVN_ROLE_MEMBER,
                           "2019-01-01", "2023-12-31");
  findings = run_checks (f);

  g_assert_null (find_finding (findings, CVN_CHECK_ALLIANCE_NOT_ON_BOARD, "Group Alliance"));
  g_assert_null (find_finding (findings, CVN_CHECK_ALLIANCE_NOT_ON_BOARD, "School Alliance"));
  g_assert_null (find_finding (findings, CVN_CHECK_ALLIANCE_NOT_ON_BOARD, "Person Alliance"));
  g_assert_null (find_finding (findings, CVN_CHECK_ALLIANCE_NOT_ON_BOARD, "Sub Alliance"));
  g_assert_cmpstr (assert_finding (findings, CVN_CHECK_ALLIANCE_NOT_ON_BOARD, CVN_OBJECT_GROUP,
                                   "Missing Alliance"),
                   ==, "Missing Alliance has no member on Borough Partnership Board");
  g_assert_cmpuint (count_code (findings, CVN_CHECK_ALLIANCE_NOT_ON_BOARD), ==, 1);
}

/* committee-unrepresented */

static void
test_committee_unrepresented (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr (GPtrArray) findings = NULL;
  CvnGroup committee = { 0 };
  gint64 committee_id, hartley, hartley_school, diocesan, maths, network_person;
  gint64 secondary_cluster;

  committee.name = (char *) "Primary Heads Committee";
  committee.kind = (char *) "committee";
  committee.phase = (char *) "primary";
  committee.represents = (char *) "cluster, diocesan group";
  committee_id = add_group_full (f, &committee);
  /* North Cluster is represented by its lead head. */
  add_person_member (f, committee_id, f->lead, CVN_ROLE_MEMBER);

  hartley = add_group (f, "Hartley Moor Cluster", "cluster", 1, f->alliance);
  hartley_school = add_school (f, "Hartley Primary");
  add_school_member (f, hartley, hartley_school);
  diocesan = add_group (f, "Diocesan Group", "diocesan group", 0, 0);
  add_school_member (f, diocesan, f->schools[2]);
  add_school_member (f, committee_id, f->schools[2]);
  /* Groups of kinds the committee does not represent are not expected on it. */
  maths = add_group (f, "Maths Hub", "hub", 0, 0);
  network_person = add_person (f, "Hub Lead", 0);
  add_person_member (f, maths, network_person, CVN_ROLE_MEMBER);
  /* Nor is a secondary cluster on a primary committee. */
  secondary_cluster = add_group (f, "Secondary Cluster", "cluster", 1, f->alliance);
  {
    CvnGroup update = { 0 };
    g_autoptr (GError) error = NULL;

    update.id = secondary_cluster;
    update.name = (char *) "Secondary Cluster";
    update.kind = (char *) "cluster";
    update.tier = 1;
    update.parent_id = f->alliance;
    update.phase = (char *) "secondary";
    g_assert_true (cvn_store_update_group (f->doc, &update, &error));
    g_assert_no_error (error);
  }
  findings = run_checks (f);

  g_assert_cmpstr (assert_finding (findings, CVN_CHECK_COMMITTEE_UNREPRESENTED,
                                   CVN_OBJECT_GROUP, "Hartley Moor Cluster"),
                   ==, "Hartley Moor Cluster is not represented on Primary Heads Committee");
  g_assert_null (find_finding (findings, CVN_CHECK_COMMITTEE_UNREPRESENTED, "North Cluster"));
  g_assert_null (find_finding (findings, CVN_CHECK_COMMITTEE_UNREPRESENTED, "Diocesan Group"));
  g_assert_null (find_finding (findings, CVN_CHECK_COMMITTEE_UNREPRESENTED, "Maths Hub"));
  g_assert_null (find_finding (findings, CVN_CHECK_COMMITTEE_UNREPRESENTED,
                               "Secondary Cluster"));
  g_assert_cmpuint (count_code (findings, CVN_CHECK_COMMITTEE_UNREPRESENTED), ==, 1);
}

/* Every way of being represented on a committee, and a committee of any kind that names the
 * kinds it represents; a plain committee represents the tier-1 groups. */
static void
test_committee_represented_ways (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr (GPtrArray) findings = NULL;
  CvnGroup association = { 0 };
  gint64 committee = add_group (f, "Heads Committee", "committee", 0, 0);
  gint64 association_id, as_group, by_school, by_staff, by_member, missing;
  gint64 school_a, school_b, member;

  as_group = add_group (f, "Group Cluster", "cluster", 1, f->alliance);
  add_member (f, committee, CVN_OBJECT_GROUP, as_group, CVN_ROLE_REPRESENTATIVE);
  by_school = add_group (f, "School Cluster", "cluster", 1, f->alliance);
  school_a = add_school (f, "School A");
  add_school_member (f, by_school, school_a);
  add_school_member (f, committee, school_a);
  by_staff = add_group (f, "Staff Cluster", "cluster", 1, f->alliance);
  school_b = add_school (f, "School B");
  add_school_member (f, by_staff, school_b);
  add_person_member (f, committee, add_person (f, "Bea Staff", school_b), CVN_ROLE_MEMBER);
  by_member = add_group (f, "Member Cluster", "cluster", 1, f->alliance);
  member = add_person (f, "Max Member", 0);
  add_person_member (f, by_member, member, CVN_ROLE_MEMBER);
  add_person_member (f, committee, member, CVN_ROLE_MEMBER);
  missing = add_group (f, "Missing Cluster", "cluster", 1, f->alliance);
  add_person_member (f, committee, f->lead, CVN_ROLE_CHAIR);

  association.name = (char *) "Secondary Heads Association";
  association.kind = (char *) "network";
  association.represents = (char *) "alliance";
  association_id = add_group_full (f, &association);
  findings = run_checks (f);

  g_assert_null (find_finding (findings, CVN_CHECK_COMMITTEE_UNREPRESENTED, "Group Cluster"));
  g_assert_null (find_finding (findings, CVN_CHECK_COMMITTEE_UNREPRESENTED, "School Cluster"));
  g_assert_null (find_finding (findings, CVN_CHECK_COMMITTEE_UNREPRESENTED, "Staff Cluster"));
  g_assert_null (find_finding (findings, CVN_CHECK_COMMITTEE_UNREPRESENTED, "Member Cluster"));
  g_assert_null (find_finding (findings, CVN_CHECK_COMMITTEE_UNREPRESENTED, "North Cluster"));
  assert_finding (findings, CVN_CHECK_COMMITTEE_UNREPRESENTED, CVN_OBJECT_GROUP,
                  "Missing Cluster");
  g_assert_cmpstr (assert_finding (findings, CVN_CHECK_COMMITTEE_UNREPRESENTED,
                                   CVN_OBJECT_GROUP, "North Alliance"),
                   ==, "North Alliance is not represented on Secondary Heads Association");
  g_assert_cmpuint (count_code (findings, CVN_CHECK_COMMITTEE_UNREPRESENTED), ==, 2);
  (void) missing;
  (void) association_id;
}

/* cluster-no-system-leader */

static void
test_cluster_no_system_leader (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr (GPtrArray) findings = NULL;
  gint64 sle_type = add_designation_type (f, "SLE", FALSE);
  gint64 bare, lapsed, badged, by_staff, by_person;
  gint64 lapsed_head, badged_head, staff_head, member_leader;

  bare = add_group (f, "Bare Cluster", "cluster", 1, f->alliance);
  add_school_member (f, bare, add_school (f, "Bare School"));

  /* A local leader whose designation ended last year leads no more. */
  lapsed = add_group (f, "Lapsed Cluster", "cluster", 1, f->alliance);
  lapsed_head = add_person (f, "Lapsed Head", add_school (f, "Lapsed School"));
  add_person_member (f, lapsed, lapsed_head, CVN_ROLE_LEAD_HEAD);
  designate_dated (f, f->lle_type, lapsed_head, "2018-09-01", "2023-08-31");

  /* A designation that is not system leadership does not count. */
  badged = add_group (f, "Badged Cluster", "cluster", 1, f->alliance);
  badged_head = add_person (f, "Specialist Head", 0);
  add_person_member (f, badged, badged_head, CVN_ROLE_MEMBER);
  designate_dated (f, sle_type, badged_head, "", "");

  /* A system leader on the staff of a member school counts, member or not. */
  by_staff = add_group (f, "Staff Cluster", "cluster", 1, f->alliance);
  {
    gint64 school = add_school (f, "Staffed School");

    add_school_member (f, by_staff, school);
    staff_head = add_person (f, "Staff Leader", school);
    designate_dated (f, f->lle_type, staff_head, "2020-01-01", "");
  }

  /* So does a system leader who is a member of the cluster in person. */
  by_person = add_group (f, "Person Cluster", "cluster", 1, f->alliance);
  member_leader = add_person (f, "Visiting Leader", 0);
  add_person_member (f, by_person, member_leader, CVN_ROLE_MEMBER);
  designate_dated (f, f->lle_type, member_leader, "", "");

  findings = run_checks (f);
  g_assert_cmpstr (assert_finding (findings, CVN_CHECK_CLUSTER_NO_SYSTEM_LEADER,
                                   CVN_OBJECT_GROUP, "Bare Cluster"),
                   ==, "Bare Cluster has no system leader among its members or the staff of "
                       "its schools");
  assert_finding (findings, CVN_CHECK_CLUSTER_NO_SYSTEM_LEADER, CVN_OBJECT_GROUP,
                  "Lapsed Cluster");
  assert_finding (findings, CVN_CHECK_CLUSTER_NO_SYSTEM_LEADER, CVN_OBJECT_GROUP,
                  "Badged Cluster");
  g_assert_null (find_finding (findings, CVN_CHECK_CLUSTER_NO_SYSTEM_LEADER, "Staff Cluster"));
  g_assert_null (find_finding (findings, CVN_CHECK_CLUSTER_NO_SYSTEM_LEADER, "Person Cluster"));
  g_assert_null (find_finding (findings, CVN_CHECK_CLUSTER_NO_SYSTEM_LEADER, "North Cluster"));
  g_assert_cmpuint (count_code (findings, CVN_CHECK_CLUSTER_NO_SYSTEM_LEADER), ==, 3);
}

/* group-size */

static gint64
add_cluster_of (Fixture    *f,
                const char *name,
                guint       n_schools)
{
  gint64 cluster = add_group (f, name, "cluster", 1, f->alliance);

  for (guint i = 0; i < n_schools; i++)
    {
      g_autofree char *school = g_strdup_printf ("%s School %u", name, i + 1);

      add_school_member (f, cluster, add_school (f, school));
    }
  return cluster;
}

static void
test_group_size (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (GPtrArray) findings = NULL;
  gint64 small, sub_group;

  small = add_cluster_of (f, "Small", 3);
  /* People do not make a cluster bigger: only its schools count. */
  add_person_member (f, small, add_person (f, "Extra Person", 0), CVN_ROLE_MEMBER);
  add_cluster_of (f, "Large", 11);
  add_cluster_of (f, "Largest Allowed", 10);
  {
    gint64 with_closed = add_cluster_of (f, "Shrinking", 4);

    add_school_member (f, with_closed, add_school_full (f, "Closed School", "primary", "", "",
                                                        "", FALSE));
  }
  /* Sub-groups are measured in members of every kind, 6 to 8 by default. */
  sub_group = add_group (f, "Finance Sub-group", "sub-group", 3, f->board);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("Finance Member %u", i + 1);

      add_person_member (f, sub_group, add_person (f, name, 0), CVN_ROLE_MEMBER);
    }
  findings = run_checks (f);

  g_assert_cmpstr (assert_finding (findings, CVN_CHECK_GROUP_SIZE, CVN_OBJECT_GROUP, "Small"),
                   ==, "Small has 3 schools, fewer than the 4 a cluster should have");
  g_assert_cmpstr (assert_finding (findings, CVN_CHECK_GROUP_SIZE, CVN_OBJECT_GROUP, "Large"),
                   ==, "Large has 11 schools, more than the 10 a cluster should have");
  g_assert_cmpstr (assert_finding (findings, CVN_CHECK_GROUP_SIZE, CVN_OBJECT_GROUP,
                                   "Finance Sub-group"),
                   ==, "Finance Sub-group has 5 members, fewer than the 6 a sub-group should "
                       "have");
  g_assert_null (find_finding (findings, CVN_CHECK_GROUP_SIZE, "Largest Allowed"));
  g_assert_null (find_finding (findings, CVN_CHECK_GROUP_SIZE, "Shrinking"));
  g_assert_null (find_finding (findings, CVN_CHECK_GROUP_SIZE, "North Cluster"));
  /* Boards have no size range unless the document sets one. */
  g_assert_null (find_finding (findings, CVN_CHECK_GROUP_SIZE, "Borough Partnership Board"));
  g_assert_cmpuint (count_code (findings, CVN_CHECK_GROUP_SIZE), ==, 3);
}

static void
test_group_size_settings (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (GPtrArray) findings = NULL;

  add_cluster_of (f, "Small", 3);
  cvn_check_settings_set_group_size (&f->settings, "board", 2, 0);
  f->settings.cluster_size_min = 2;
  f->settings.cluster_size_max = 3;
  findings = run_checks (f);

  g_assert_null (find_finding (findings, CVN_CHECK_GROUP_SIZE, "Small"));
  g_assert_cmpstr (assert_finding (findings, CVN_CHECK_GROUP_SIZE, CVN_OBJECT_GROUP,
                                   "North Cluster"),
                   ==, "North Cluster has 4 schools, more than the 3 a cluster should have");
  g_assert_cmpstr (assert_finding (findings, CVN_CHECK_GROUP_SIZE, CVN_OBJECT_GROUP,
                                   "Borough Partnership Board"),
                   ==, "Borough Partnership Board has 1 member, fewer than the 2 a board "
                       "should have");
  g_assert_cmpuint (count_code (findings, CVN_CHECK_GROUP_SIZE), ==, 2);
}

/* Thresholds come from the document's settings, with defaults for those it does not set. */
static void
test_settings_load (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (CvnCheckSettings) loaded = { 0 };
  g_auto (CvnCheckSettings) defaults = { 0 };
  int min = -1, max = -1;

  cvn_check_settings_load (f->doc, &defaults);
  g_assert_cmpint (defaults.cluster_size_min, ==, 4);
  g_assert_cmpint (defaults.cluster_size_max, ==, 10);
  g_assert_cmpint (defaults.max_groups_per_school, ==, 6);
  g_assert_cmpint (defaults.max_chairs_per_person, ==, 3);
  g_assert_true (cvn_check_settings_get_group_size (&defaults, "cluster", 1, &min, &max));
  g_assert_cmpint (min, ==, 4);
  g_assert_cmpint (max, ==, 10);
  g_assert_true (cvn_check_settings_get_group_size (&defaults, "sub-group", 3, &min, &max));
  g_assert_cmpint (min, ==, 6);
  g_assert_cmpint (max, ==, 8);
  g_assert_false (cvn_check_settings_get_group_size (&defaults, "board", 3, NULL, NULL));

  g_assert_true (cvn_document_set_setting (f->doc, "checks.cluster-size-min", "3", &error));
  g_assert_true (cvn_document_set_setting (f->doc, "checks.cluster-size-max", "12", &error));
  g_assert_true (cvn_document_set_setting (f->doc, "checks.max-groups-per-school", "9",
                                           &error));
  g_assert_true (cvn_document_set_setting (f->doc, "checks.max-chairs-per-person", "2",
                                           &error));
  g_assert_true (cvn_document_set_setting (f->doc, "checks.group-size-max.learning-community",
                                           "15", &error));
  g_assert_true (cvn_document_set_setting (f->doc, "checks.group-size-min.sub-group", "5",
                                           &error));
  g_assert_true (cvn_document_set_setting (f->doc, "checks.group-size-min.board", "bad",
                                           &error));
  g_assert_no_error (error);
  g_assert_true (cvn_document_commit_edit (f->doc, &error));

  cvn_check_settings_load (f->doc, &loaded);
  g_assert_cmpint (loaded.cluster_size_min, ==, 3);
  g_assert_cmpint (loaded.cluster_size_max, ==, 12);
  g_assert_cmpint (loaded.max_groups_per_school, ==, 9);
  g_assert_cmpint (loaded.max_chairs_per_person, ==, 2);
  /* A tier-1 kind with only a maximum set has no minimum of its own. */
  g_assert_true (cvn_check_settings_get_group_size (&loaded, "learning community", 1, &min,
                                                    &max));
  g_assert_cmpint (min, ==, 0);
  g_assert_cmpint (max, ==, 15);
  /* Setting one bound of a sub-group keeps the default of the other. */
  g_assert_true (cvn_check_settings_get_group_size (&loaded, "Sub-group", 3, &min, &max));
  g_assert_cmpint (min, ==, 5);
  g_assert_cmpint (max, ==, 8);
  /* A value that is not a number is ignored. */
  g_assert_false (cvn_check_settings_get_group_size (&loaded, "board", 3, NULL, NULL));
}

/* school-overcommitted */

static void
test_school_overcommitted (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr (GPtrArray) findings = NULL;

  /* North Cluster is one group; six networks make seven for Ashdown, six for Birchwood. */
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("Network %u", i + 1);
      gint64 network = add_group (f, name, "network", 0, 0);

      add_school_member (f, network, f->schools[0]);
      if (i < 5)
        add_school_member (f, network, f->schools[1]);
      else
        cvn_test_add_membership (f->doc, network, CVN_OBJECT_ESTABLISHMENT, f->schools[1],
                                 CVN_ROLE_MEMBER, "2020-01-01", "2022-12-31");
    }
  findings = run_checks (f);

  g_assert_cmpstr (assert_finding (findings, CVN_CHECK_SCHOOL_OVERCOMMITTED,
                                   CVN_OBJECT_ESTABLISHMENT, "Ashdown Primary"),
                   ==, "Ashdown Primary is in 7 groups, more than the limit of 6");
  g_assert_null (find_finding (findings, CVN_CHECK_SCHOOL_OVERCOMMITTED, "Birchwood Primary"));
  g_assert_cmpuint (count_code (findings, CVN_CHECK_SCHOOL_OVERCOMMITTED), ==, 1);

  g_clear_pointer (&findings, g_ptr_array_unref);
  f->settings.max_groups_per_school = 7;
  findings = run_checks (f);
  g_assert_cmpuint (count_code (findings, CVN_CHECK_SCHOOL_OVERCOMMITTED), ==, 0);
}

/* chair-overload */

static void
test_chair_overload (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GPtrArray) findings = NULL;
  gint64 busy = add_person (f, "Busy Chair", 0);
  gint64 steady = add_person (f, "Steady Chair", 0);

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("Forum %u", i + 1);
      gint64 forum = add_group (f, name, "network", 0, 0);

      add_person_member (f, forum, busy, i % 2 == 0 ? CVN_ROLE_CHAIR : CVN_ROLE_CO_CHAIR);
      /* Steady chairs three now; the fourth chair ended. */
      if (i < 3)
        add_person_member (f, forum, steady, CVN_ROLE_CHAIR);
      else
        cvn_test_add_membership (f->doc, forum, CVN_OBJECT_PERSON, steady, CVN_ROLE_CHAIR,
                                 "2019-01-01", "2023-07-31");
      /* Being an ordinary member of many groups is no burden the check counts. */
      add_person_member (f, forum, f->lead, CVN_ROLE_MEMBER);
    }
  findings = run_checks (f);

  g_assert_cmpstr (assert_finding (findings, CVN_CHECK_CHAIR_OVERLOAD, CVN_OBJECT_PERSON,
                                   "Busy Chair"),
                   ==, "Busy Chair chairs or co-chairs 4 groups, more than the limit of 3");
  g_assert_null (find_finding (findings, CVN_CHECK_CHAIR_OVERLOAD, "Steady Chair"));
  g_assert_null (find_finding (findings, CVN_CHECK_CHAIR_OVERLOAD, "Anna Lead"));
  g_assert_cmpuint (count_code (findings, CVN_CHECK_CHAIR_OVERLOAD), ==, 1);
}

/* vulnerable-unsupported */

static void
test_vulnerable_unsupported (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr (GPtrArray) findings = NULL;
  static const struct
  {
    const char          *name;
    CvnEngagementStatus  status;
    gboolean             supported;
  } cases[] = {
    { "Proposed Support Primary", CVN_ENGAGEMENT_PROPOSED, FALSE },
    { "Agreed Support Primary", CVN_ENGAGEMENT_AGREED, TRUE },
    { "Active Support Primary", CVN_ENGAGEMENT_ACTIVE, TRUE },
    { "Completed Support Primary", CVN_ENGAGEMENT_COMPLETED, FALSE },
    { "Withdrawn Support Primary", CVN_ENGAGEMENT_WITHDRAWN, FALSE },
  };

  add_school_full (f, "Brook Lane Primary", "primary", "", "Category 3", "", TRUE);
  add_school_full (f, "Closed Risk Primary", "primary", "", "Category 3", "", FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 school = add_school_full (f, cases[i].name, "primary", "", "Category 2", "", TRUE);

      add_engagement (f, f->schools[0], school, cases[i].status);
    }
  findings = run_checks (f);

  g_assert_cmpstr (assert_finding (findings, CVN_CHECK_VULNERABLE_UNSUPPORTED,
                                   CVN_OBJECT_ESTABLISHMENT, "Brook Lane Primary"),
                   ==, "Brook Lane Primary is in risk category “Category 3” but has no active "
                       "or agreed support");
  g_assert_null (find_finding (findings, CVN_CHECK_VULNERABLE_UNSUPPORTED,
                               "Closed Risk Primary"));
  /* Healthy schools have no risk category and need no support. */
  g_assert_null (find_finding (findings, CVN_CHECK_VULNERABLE_UNSUPPORTED, "Ashdown Primary"));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_true ((find_finding (findings, CVN_CHECK_VULNERABLE_UNSUPPORTED,
                                  cases[i].name) == NULL) == cases[i].supported);
  g_assert_cmpuint (count_code (findings, CVN_CHECK_VULNERABLE_UNSUPPORTED), ==, 4);
}

/* board-composition */

static gint64
add_board_with_rules (Fixture    *f,
                      const char *name,
                      int         max_per_organisation,
                      int         seats_per_alliance,
                      const char *seats_per_phase)
{
  CvnGroup board = { 0 };

  board.name = (char *) name;
  board.kind = (char *) "board";
  board.max_per_organisation = max_per_organisation;
  board.seats_per_alliance = seats_per_alliance;
  board.seats_per_phase = (char *) seats_per_phase;
  return add_group_full (f, &board);
}

static void
test_board_one_per_organisation (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr (GPtrArray) findings = NULL;
  gint64 strict = add_board_with_rules (f, "Strict Board", 1, 0, "");
  gint64 fair = add_board_with_rules (f, "Fair Board", 1, 0, "");
  gint64 oak_a = add_school_full (f, "Oak Academy A", "primary", "Oak Trust", "", "", TRUE);
  gint64 oak_b = add_school_full (f, "Oak Academy B", "secondary", "Oak Trust", "", "", TRUE);
  gint64 head_a = add_person (f, "Head A", oak_a);
  gint64 head_b = add_person (f, "Head B", oak_b);
  gint64 deputy_a = add_person (f, "Deputy A", oak_a);

  /* Two senior leaders of Oak Academy A, and a third from its trust. */
  add_person_member (f, strict, head_a, CVN_ROLE_CHAIR);
  add_person_member (f, strict, deputy_a, CVN_ROLE_MEMBER);
  add_person_member (f, strict, head_b, CVN_ROLE_MEMBER);
  /* One leader per school, with officers who belong to no organisation, keeps the rule; so
   * does one person listed twice. */
  add_person_member (f, fair, head_a, CVN_ROLE_CHAIR);
  add_person_member (f, fair, head_a, CVN_ROLE_MEMBER);
  add_person_member (f, fair, f->lead, CVN_ROLE_MEMBER);
  add_person_member (f, fair, add_person (f, "Officer One", 0), CVN_ROLE_MEMBER);
  add_person_member (f, fair, add_person (f, "Officer Two", 0), CVN_ROLE_MEMBER);
  findings = run_checks (f);

  g_assert_nonnull (find_finding (findings, CVN_CHECK_BOARD_COMPOSITION, "Strict Board"));
  g_assert_null (find_finding (findings, CVN_CHECK_BOARD_COMPOSITION, "Fair Board"));
  g_assert_cmpuint (count_code (findings, CVN_CHECK_BOARD_COMPOSITION), ==, 2);
  /* Sorted by message within the same board: the school before the trust. */
  {
    guint first = 0;

    while (!g_str_equal (((CvnFinding *) g_ptr_array_index (findings, first))->code,
                         CVN_CHECK_BOARD_COMPOSITION))
      first++;
    g_assert_cmpstr (((CvnFinding *) g_ptr_array_index (findings, first))->message, ==,
                     "Strict Board has 2 members from Oak Academy A; its rule allows 1 from "
                     "any one school, trust or federation");
    g_assert_cmpstr (((CvnFinding *) g_ptr_array_index (findings, first + 1))->message, ==,
                     "Strict Board has 3 members from Oak Trust; its rule allows 1 from any "
                     "one school, trust or federation");
    g_assert_cmpint (((CvnFinding *) g_ptr_array_index (findings, first))->object_kind, ==,
                     CVN_OBJECT_GROUP);
  }
}

static void
test_board_seats (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GPtrArray) findings = NULL;
  CvnGroup update = { 0 };
  g_autoptr (GError) error = NULL;
  gint64 south, south_cluster, secondary;

  /* The healthy board now asks for a seat per alliance and for primary and secondary seats. */
  update.id = f->board;
  update.name = (char *) "Borough Partnership Board";
  update.kind = (char *) "board";
  update.tier = 3;
  update.seats_per_alliance = 1;
  update.seats_per_phase = (char *) "primary=2, secondary=1";
  g_assert_true (cvn_store_update_group (f->doc, &update, &error));
  g_assert_no_error (error);

  south = add_group (f, "South Alliance", "alliance", 2, f->board);
  south_cluster = add_group (f, "South Cluster", "cluster", 1, south);
  secondary = add_school_full (f, "South Secondary", "secondary", "", "", "", TRUE);
  add_school_member (f, south_cluster, secondary);
  /* The alliance as a member group is on the board, but fills no seat drawn from its
   * schools. */
  add_member (f, f->board, CVN_OBJECT_GROUP, south, CVN_ROLE_MEMBER);
  add_person_member (f, f->board, add_person (f, "Second Primary Head", f->schools[1]),
                     CVN_ROLE_MEMBER);
  findings = run_checks (f);

  g_assert_cmpuint (count_code (findings, CVN_CHECK_BOARD_COMPOSITION), ==, 2);
  g_assert_nonnull (find_finding (findings, CVN_CHECK_BOARD_COMPOSITION,
                                  "Borough Partnership Board"));
  {
    g_autoptr (GPtrArray) messages = g_ptr_array_new ();

    for (guint i = 0; i < findings->len; i++)
      {
        const CvnFinding *finding = g_ptr_array_index (findings, i);

        if (g_str_equal (finding->code, CVN_CHECK_BOARD_COMPOSITION))
          g_ptr_array_add (messages, finding->message);
      }
    g_assert_cmpstr (g_ptr_array_index (messages, 0), ==,
                     "Borough Partnership Board has 0 members from South Alliance; its rule "
                     "asks for 1 from each alliance");
    g_assert_cmpstr (g_ptr_array_index (messages, 1), ==,
                     "Borough Partnership Board has 0 secondary members; its rule asks for 1");
  }

  /* A head from the south's secondary school fills both seats. */
  g_clear_pointer (&findings, g_ptr_array_unref);
  g_assert_true (cvn_document_begin_edit (f->doc, "More", &error));
  add_person_member (f, f->board, add_person (f, "South Head", secondary), CVN_ROLE_MEMBER);
  findings = run_checks (f);
  g_assert_cmpuint (count_code (findings, CVN_CHECK_BOARD_COMPOSITION), ==, 0);
}

static void
test_board_bad_phase_rule (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr (GPtrArray) findings = NULL;

  add_board_with_rules (f, "Muddled Board", 0, 0, "primary:3");
  findings = run_checks (f);

  g_assert_cmpstr (assert_finding (findings, CVN_CHECK_BOARD_COMPOSITION, CVN_OBJECT_GROUP,
                                   "Muddled Board"),
                   ==, "Muddled Board has a seats-per-phase rule that cannot be read: "
                       "“primary:3” should be PHASE=NUMBER");
}

/* Sorting and the code list */

static void
test_sorted (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GPtrArray) findings = NULL;
  const char * const *codes = cvn_checks_get_codes ();

  add_school (f, "Zeta Primary");
  add_school (f, "Alpha Primary");
  add_group (f, "Orphan Cluster", "cluster", 1, 0);
  add_school_full (f, "Risky Primary", "primary", "", "Category 4", "", TRUE);
  findings = run_checks (f);

  g_assert_cmpuint (findings->len, >=, 5);
  for (guint i = 1; i < findings->len; i++)
    {
      const CvnFinding *a = g_ptr_array_index (findings, i - 1);
      const CvnFinding *b = g_ptr_array_index (findings, i);
      int cmp = strcmp (a->code, b->code);

      if (cmp == 0)
        cmp = strcmp (cvn_object_kind_to_string (a->object_kind),
                      cvn_object_kind_to_string (b->object_kind));
      if (cmp == 0)
        cmp = strcmp (a->object_name, b->object_name);
      g_assert_cmpint (cmp, <=, 0);
    }

  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_assert_nonnull (cvn_check_code_get_title (codes[i]));
      g_assert_cmpstr (cvn_check_code_get_title (codes[i]), !=, codes[i]);
      if (i > 0)
        g_assert_cmpint (strcmp (codes[i - 1], codes[i]), <, 0);
    }
  g_assert_cmpuint (g_strv_length ((char **) codes), ==, 10);
}

/* The sample borough's deliberate gaps are found, and nothing else. */
static void
test_sample_gaps (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CvnDocument) sample = NULL;
  g_autoptr (CvnSnapshot) snapshot = NULL;
  g_autoptr (GPtrArray) findings = NULL;
  g_autofree char *path = g_build_filename (f->dir, "sample.convenor", NULL);
  g_auto (CvnCheckSettings) settings = { 0 };

  sample = cvn_sample_create (path, &error);
  g_assert_no_error (error);
  snapshot = cvn_snapshot_load_at (sample, CVN_SAMPLE_TODAY, &error);
  g_assert_no_error (error);
  cvn_check_settings_load (sample, &settings);
  findings = cvn_checks_run (snapshot, &settings);

  assert_finding (findings, CVN_CHECK_SCHOOL_UNCLUSTERED, CVN_OBJECT_ESTABLISHMENT,
                  CVN_SAMPLE_UNCOVERED_SCHOOL);
  assert_finding (findings, CVN_CHECK_CLUSTER_NO_ALLIANCE, CVN_OBJECT_GROUP,
                  CVN_SAMPLE_UNPARENTED_CLUSTER);
  g_assert_nonnull (strstr (assert_finding (findings, CVN_CHECK_COMMITTEE_UNREPRESENTED,
                                            CVN_OBJECT_GROUP, CVN_SAMPLE_UNREPRESENTED_CLUSTER),
                            CVN_SAMPLE_PRIMARY_COMMITTEE));
  assert_finding (findings, CVN_CHECK_VULNERABLE_UNSUPPORTED, CVN_OBJECT_ESTABLISHMENT,
                  CVN_SAMPLE_UNSUPPORTED_SCHOOL);
  for (guint i = 0; i < findings->len; i++)
    {
      const CvnFinding *finding = g_ptr_array_index (findings, i);

      g_test_message ("sample: %s %s", finding->code, finding->message);
    }
  g_assert_cmpuint (findings->len, ==, 4);
  g_clear_object (&sample);
  cvn_test_remove_document (path);
}

/* convenor-cli check */

typedef struct
{
  int   status;
  char *out;
  char *err;
} CliResult;

static void
cli_result_clear (CliResult *result)
{
  g_free (result->out);
  g_free (result->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliResult, cli_result_clear)

static void
test_cli_output (Fixture       *f,
                 gconstpointer  data)
{
  g_auto (CliResult) plain = { 0 };
  g_auto (CliResult) strict = { 0 };
  g_auto (GStrv) lines = NULL;
  g_autoptr (GError) error = NULL;
  guint n_lines;

  add_school (f, "Zeta Primary");
  add_school (f, "Alpha Primary");
  add_group (f, "Orphan Cluster", "cluster", 1, 0);
  add_school_full (f, "Risky Primary", "primary", "", "Category 4", "", TRUE);
  /* A tab in a name must not split the line into more fields. */
  add_school (f, "Tab\tPrimary");
  g_assert_true (cvn_document_commit_edit (f->doc, &error));
  g_assert_no_error (error);

  plain.status = cvn_test_run_cli (&plain.out, &plain.err, "check", f->path, NULL);
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_cmpstr (plain.err, ==, "");
  g_assert_true (g_str_has_suffix (plain.out, "\n"));

  lines = g_strsplit (plain.out, "\n", -1);
  n_lines = g_strv_length (lines) - 1;
  g_assert_cmpstr (lines[n_lines], ==, "");
  g_assert_cmpuint (n_lines, ==, 8);
  for (guint i = 0; i < n_lines; i++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 4);
      g_assert_true (g_strv_contains (cvn_checks_get_codes (), fields[0]));
      g_assert_true (g_str_equal (fields[1], "school") || g_str_equal (fields[1], "person") ||
                     g_str_equal (fields[1], "group"));
      g_assert_nonnull (strstr (fields[3], fields[2]));
      if (i > 0)
        {
          g_auto (GStrv) previous = g_strsplit (lines[i - 1], "\t", -1);
          int cmp = strcmp (previous[0], fields[0]);

          if (cmp == 0)
            cmp = strcmp (previous[1], fields[1]);
          if (cmp == 0)
            cmp = strcmp (previous[2], fields[2]);
          g_assert_cmpint (cmp, <=, 0);
        }
    }
  g_assert_cmpstr (lines[0], ==,
                   "cluster-no-alliance\tgroup\tOrphan Cluster\tOrphan Cluster reports to no "
                   "alliance or board");
  g_assert_cmpstr (lines[1], ==,
                   "cluster-no-system-leader\tgroup\tOrphan Cluster\tOrphan Cluster has no "
                   "system leader among its members or the staff of its schools");
  g_assert_cmpstr (lines[2], ==,
                   "group-size\tgroup\tOrphan Cluster\tOrphan Cluster has 0 schools, fewer than "
                   "the 4 a cluster should have");
  g_assert_cmpstr (lines[3], ==,
                   "school-unclustered\tschool\tAlpha Primary\tAlpha Primary is in no cluster");
  g_assert_cmpstr (lines[4], ==,
                   "school-unclustered\tschool\tRisky Primary\tRisky Primary is in no cluster");
  g_assert_cmpstr (lines[5], ==,
                   "school-unclustered\tschool\tTab Primary\tTab Primary is in no cluster");
  g_assert_cmpstr (lines[6], ==,
                   "school-unclustered\tschool\tZeta Primary\tZeta Primary is in no cluster");
  g_assert_cmpstr (lines[7], ==,
                   "vulnerable-unsupported\tschool\tRisky Primary\tRisky Primary is in risk "
                   "category “Category 4” but has no active or agreed support");

  strict.status = cvn_test_run_cli (&strict.out, &strict.err, "check", "--fail-on-findings",
                                    f->path, NULL);
  g_assert_cmpint (strict.status, ==, 1);
  g_assert_cmpstr (strict.out, ==, plain.out);
}

static void
test_cli_clean (Fixture       *f,
                gconstpointer  data)
{
  g_auto (CliResult) result = { 0 };
  g_autoptr (GError) error = NULL;

  g_assert_true (cvn_document_commit_edit (f->doc, &error));
  result.status = cvn_test_run_cli (&result.out, &result.err, "check", "--fail-on-findings",
                                    f->path, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, "");
}

/* The document's own thresholds apply on the command line. */
static void
test_cli_settings (Fixture       *f,
                   gconstpointer  data)
{
  g_auto (CliResult) result = { 0 };
  g_autoptr (GError) error = NULL;

  g_assert_true (cvn_document_set_setting (f->doc, "checks.cluster-size-min", "5", &error));
  g_assert_true (cvn_document_commit_edit (f->doc, &error));
  g_assert_no_error (error);
  result.status = cvn_test_run_cli (&result.out, &result.err, "check", f->path, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==,
                   "group-size\tgroup\tNorth Cluster\tNorth Cluster has 4 schools, fewer than "
                   "the 5 a cluster should have\n");
}

static void
test_cli_bad_file (Fixture       *f,
                   gconstpointer  data)
{
  g_auto (CliResult) garbage = { 0 };
  g_auto (CliResult) missing = { 0 };
  g_auto (CliResult) usage = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *text = g_build_filename (f->dir, "notes.convenor", NULL);
  g_autofree char *absent = g_build_filename (f->dir, "absent.convenor", NULL);

  g_assert_true (g_file_set_contents (text, "not a database at all\n", -1, &error));
  g_assert_no_error (error);

  garbage.status = cvn_test_run_cli (&garbage.out, &garbage.err, "check", text, NULL);
  g_assert_cmpint (garbage.status, !=, 0);
  g_assert_cmpstr (garbage.out, ==, "");
  g_assert_nonnull (strstr (garbage.err, "notes.convenor"));
  g_assert_nonnull (strchr (garbage.err, '\n'));
  g_assert_cmpstr (strchr (garbage.err, '\n'), ==, "\n");

  missing.status = cvn_test_run_cli (&missing.out, &missing.err, "check", "--fail-on-findings",
                                     absent, NULL);
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_nonnull (strstr (missing.err, "absent.convenor"));
  g_assert_cmpstr (strchr (missing.err, '\n'), ==, "\n");

  usage.status = cvn_test_run_cli (&usage.out, &usage.err, "check", NULL);
  g_assert_cmpint (usage.status, ==, 2);
  g_remove (text);
}

int
main (int    argc,
      char **argv)
{
  static const gboolean healthy = TRUE;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func, with_healthy) \
  g_test_add (path, Fixture, (with_healthy) ? &healthy : NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("/cvn/checks/empty-document", test_empty_document, FALSE);
  ADD ("/cvn/checks/healthy-is-clean", test_healthy_is_clean, TRUE);
  ADD ("/cvn/checks/school-unclustered", test_school_unclustered, TRUE);
  ADD ("/cvn/checks/cluster-no-alliance", test_cluster_no_alliance, TRUE);
  ADD ("/cvn/checks/cluster-no-alliance/two-tier", test_cluster_two_tier, FALSE);
  ADD ("/cvn/checks/alliance-not-on-board", test_alliance_not_on_board, TRUE);
  ADD ("/cvn/checks/alliance-not-on-board/ways", test_alliance_on_board_ways, TRUE);
  ADD ("/cvn/checks/committee-unrepresented", test_committee_unrepresented, TRUE);
  ADD ("/cvn/checks/committee-unrepresented/ways", test_committee_represented_ways, TRUE);
  ADD ("/cvn/checks/cluster-no-system-leader", test_cluster_no_system_leader, TRUE);
  ADD ("/cvn/checks/group-size", test_group_size, TRUE);
  ADD ("/cvn/checks/group-size/settings", test_group_size_settings, TRUE);
  ADD ("/cvn/checks/settings-load", test_settings_load, FALSE);
  ADD ("/cvn/checks/school-overcommitted", test_school_overcommitted, TRUE);
  ADD ("/cvn/checks/chair-overload", test_chair_overload, TRUE);
  ADD ("/cvn/checks/vulnerable-unsupported", test_vulnerable_unsupported, TRUE);
  ADD ("/cvn/checks/board-composition/one-per-organisation", test_board_one_per_organisation,
       TRUE);
  ADD ("/cvn/checks/board-composition/seats", test_board_seats, TRUE);
  ADD ("/cvn/checks/board-composition/bad-rule", test_board_bad_phase_rule, FALSE);
  ADD ("/cvn/checks/sorted", test_sorted, FALSE);
  ADD ("/cvn/checks/sample-gaps", test_sample_gaps, FALSE);
  ADD ("/cvn/checks/cli/output", test_cli_output, FALSE);
  ADD ("/cvn/checks/cli/clean", test_cli_clean, TRUE);
  ADD ("/cvn/checks/cli/settings", test_cli_settings, TRUE);
  ADD ("/cvn/checks/cli/bad-file", test_cli_bad_file, FALSE);

#undef ADD

  return g_test_run ();
}
