/* test-templates.c — the seed structures: their shape, their checks, and `convenor-cli new`.
 *
 * Every template must pass its own checks, except Bexley: the seed describes only its
 * strategic tier, so its heads' schools are in no cluster (see build_bexley in
 * cvn-templates.c), and exactly those school-unclustered findings are expected.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cvn-checks.h"
#include "cvn-document.h"
#include "cvn-snapshot.h"
#include "cvn-store.h"
#include "cvn-templates.h"
#include "test-util.h"

#define TODAY "2024-03-01"

typedef CvnTestDocument Fixture;

static CvnSnapshot *
build (Fixture    *f,
       const char *name)
{
  g_autoptr (GError) error = NULL;
  CvnSnapshot *snapshot;

  g_assert_true (cvn_template_build (f->doc, name, &error));
  g_assert_no_error (error);
  snapshot = cvn_snapshot_load_at (f->doc, TODAY, &error);
  g_assert_no_error (error);
  return snapshot;
}

static const CvnGroup *
find_group (CvnSnapshot *snapshot,
            const char  *name)
{
  const CvnGroup *group = cvn_test_find_group (snapshot, name);

  if (group == NULL)
    g_error ("no group called “%s”", name);
  return group;
}

/* The groups of @tier (0: any), optionally of @kind. */
static GPtrArray *
groups_of_tier (CvnSnapshot *snapshot,
                int          tier,
                const char  *kind)
{
  GPtrArray *groups = g_ptr_array_new ();

  for (guint i = 0; i < snapshot->groups->len; i++)
    {
      CvnGroup *group = &g_array_index (snapshot->groups, CvnGroup, i);

      if ((tier == 0 || group->tier == tier) && (kind == NULL || g_str_equal (group->kind, kind)))
        g_ptr_array_add (groups, group);
    }
  return groups;
}

static guint
count_members (CvnSnapshot   *snapshot,
               gint64         group_id,
               CvnObjectKind  kind,
               int            role)
{
  g_autoptr (GPtrArray) members = cvn_snapshot_get_members (snapshot, group_id, TRUE);
  guint n = 0;

  for (guint i = 0; i < members->len; i++)
    {
      const CvnMembership *m = g_ptr_array_index (members, i);

      if ((kind == CVN_OBJECT_NONE || m->member_kind == kind) &&
          (role < 0 || m->role == (CvnRole) role))
        n++;
    }
  return n;
}

/* Whether a person holds a current designation of a system-leader type. */
static gboolean
is_system_leader (CvnSnapshot *snapshot,
                  gint64       person_id,
                  const char  *code)
{
  g_autoptr (GPtrArray) designations = cvn_snapshot_get_designations_of (snapshot,
                                                                         CVN_OBJECT_PERSON,
                                                                         person_id, TRUE);

  for (guint i = 0; i < designations->len; i++)
    {
      const CvnDesignation *d = g_ptr_array_index (designations, i);
      const CvnDesignationType *type = cvn_snapshot_find_designation_type (snapshot, d->type_id);

      if (type->system_leader && (code == NULL || g_str_equal (type->code, code)))
        return TRUE;
    }
  return FALSE;
}

/* The person who leads a tier-1 group (role "lead head"). */
static const CvnPerson *
find_lead (CvnSnapshot *snapshot,
           gint64       group_id)
{
  g_autoptr (GPtrArray) members = cvn_snapshot_get_members (snapshot, group_id, TRUE);
  const CvnPerson *lead = NULL;

  for (guint i = 0; i < members->len; i++)
    {
      const CvnMembership *m = g_ptr_array_index (members, i);

      if (m->member_kind == CVN_OBJECT_PERSON && m->role == CVN_ROLE_LEAD_HEAD)
        {
          g_assert_null (lead);
          lead = cvn_snapshot_find_person (snapshot, m->member_id);
        }
    }
  g_assert_nonnull (lead);
  return lead;
}

static void
assert_no_findings (CvnSnapshot *snapshot)
{
  g_autoptr (GPtrArray) findings = cvn_checks_run (snapshot, NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      const CvnFinding *finding = g_ptr_array_index (findings, i);

      g_test_message ("unexpected finding: %s %s", finding->code, finding->message);
    }
  g_assert_cmpuint (findings->len, ==, 0);
}

static void
test_names (void)
{
  const char * const *names = cvn_template_get_names ();

  g_assert_cmpuint (g_strv_length ((char **) names), ==, 4);
  g_assert_true (g_strv_contains (names, "cumbria"));
  g_assert_true (g_strv_contains (names, "wigan"));
  g_assert_true (g_strv_contains (names, "bexley"));
  g_assert_true (g_strv_contains (names, "rotherham"));
  for (guint i = 0; names[i] != NULL; i++)
    g_assert_nonnull (cvn_template_get_description (names[i]));
  g_assert_null (cvn_template_get_description ("narnia"));
}

/* Cumbria: clusters -> three local alliances of system leaders -> the county alliance. */
static void
test_cumbria (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (CvnSnapshot) snapshot = build (f, "cumbria");
  g_autoptr (GPtrArray) boards = groups_of_tier (snapshot, 3, NULL);
  g_autoptr (GPtrArray) alliances = groups_of_tier (snapshot, 2, "alliance");
  g_autoptr (GPtrArray) clusters = groups_of_tier (snapshot, 1, "cluster");
  const CvnGroup *casl = find_group (snapshot, "Cumbria Alliance of System Leaders");

  g_assert_cmpuint (boards->len, ==, 1);
  g_assert_true (g_ptr_array_index (boards, 0) == casl);
  g_assert_cmpuint (alliances->len, ==, 3);
  g_assert_cmpuint (clusters->len, ==, 6);
  g_assert_cmpuint (snapshot->groups->len, ==, 10);
  g_assert_cmpuint (snapshot->establishments->len, ==, 30);

  for (guint i = 0; i < alliances->len; i++)
    {
      const CvnGroup *alliance = g_ptr_array_index (alliances, i);
      g_autoptr (GPtrArray) children = cvn_snapshot_get_child_groups (snapshot, alliance->id);

      g_assert_cmpint (alliance->parent_id, ==, casl->id);
      g_assert_cmpuint (children->len, ==, 2);
      /* An alliance of system leaders, chaired by one of them. */
      g_assert_cmpuint (count_members (snapshot, alliance->id, CVN_OBJECT_PERSON,
                                       CVN_ROLE_CHAIR), ==, 1);
      g_assert_cmpuint (count_members (snapshot, alliance->id, CVN_OBJECT_PERSON, -1), ==, 2);
    }
  for (guint i = 0; i < clusters->len; i++)
    {
      const CvnGroup *cluster = g_ptr_array_index (clusters, i);
      const CvnGroup *parent = cvn_snapshot_find_group (snapshot, cluster->parent_id);
      const CvnPerson *lead = find_lead (snapshot, cluster->id);

      g_assert_nonnull (parent);
      g_assert_cmpint (parent->tier, ==, 2);
      g_assert_cmpuint (count_members (snapshot, cluster->id, CVN_OBJECT_ESTABLISHMENT, -1),
                        ==, 5);
      g_assert_true (is_system_leader (snapshot, lead->id, "LLE"));
    }
  /* The county alliance: a chair who is a national leader, the three alliance chairs and an
   * officer. */
  g_assert_cmpuint (count_members (snapshot, casl->id, CVN_OBJECT_PERSON, -1), ==, 5);
  g_assert_cmpuint (count_members (snapshot, casl->id, CVN_OBJECT_PERSON, CVN_ROLE_CHAIR), ==, 1);
  assert_no_findings (snapshot);
}

/* Wigan: five primary consortia and one secondary -> primary and secondary improvement boards
 * -> the partnership strategic board. */
static void
test_wigan (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (CvnSnapshot) snapshot = build (f, "wigan");
  g_autoptr (GPtrArray) consortia = groups_of_tier (snapshot, 1, "consortium");
  g_autoptr (GPtrArray) phase_boards = groups_of_tier (snapshot, 2, "board");
  const CvnGroup *board = find_group (snapshot, "Wigan Partnership Strategic Board");
  const CvnGroup *primary_board = find_group (snapshot, "Primary Improvement Board");
  const CvnGroup *secondary_board = find_group (snapshot, "Secondary Improvement Board");
  guint n_primary = 0, n_secondary = 0;

  g_assert_cmpint (board->tier, ==, 3);
  g_assert_cmpuint (phase_boards->len, ==, 2);
  g_assert_cmpint (primary_board->parent_id, ==, board->id);
  g_assert_cmpint (secondary_board->parent_id, ==, board->id);
  g_assert_cmpuint (consortia->len, ==, 6);
  g_assert_cmpuint (snapshot->groups->len, ==, 9);

  for (guint i = 0; i < consortia->len; i++)
    {
      const CvnGroup *consortium = g_ptr_array_index (consortia, i);
      const CvnPerson *lead = find_lead (snapshot, consortium->id);

      if (g_str_equal (consortium->phase, "primary"))
        {
          n_primary++;
          g_assert_cmpint (consortium->parent_id, ==, primary_board->id);
        }
      else
        {
          n_secondary++;
          g_assert_cmpstr (consortium->phase, ==, "secondary");
          g_assert_cmpint (consortium->parent_id, ==, secondary_board->id);
        }
      g_assert_cmpuint (count_members (snapshot, consortium->id, CVN_OBJECT_ESTABLISHMENT, -1),
                        ==, 6);
      g_assert_true (is_system_leader (snapshot, lead->id, NULL));
    }
  g_assert_cmpuint (n_primary, ==, 5);
  g_assert_cmpuint (n_secondary, ==, 1);

  /* Both improvement boards are chaired by an LA officer with no school of their own. */
  for (guint i = 0; i < phase_boards->len; i++)
    {
      const CvnGroup *phase_board = g_ptr_array_index (phase_boards, i);
      g_autoptr (GPtrArray) members = cvn_snapshot_get_members (snapshot, phase_board->id, TRUE);
      guint chairs = 0;

      for (guint j = 0; j < members->len; j++)
        {
          const CvnMembership *m = g_ptr_array_index (members, j);

          if (m->role == CVN_ROLE_CHAIR)
            {
              chairs++;
              g_assert_cmpint (cvn_snapshot_find_person (snapshot, m->member_id)->establishment_id,
                               ==, 0);
            }
        }
      g_assert_cmpuint (chairs, ==, 1);
    }
  /* The strategic board: an independent chair, two head deputies and the two LA chairs. */
  g_assert_cmpuint (count_members (snapshot, board->id, CVN_OBJECT_PERSON, -1), ==, 5);
  g_assert_cmpuint (count_members (snapshot, board->id, CVN_OBJECT_PERSON, CVN_ROLE_CHAIR), ==,
                    1);
  assert_no_findings (snapshot);
}

/* Bexley: a board of 25 with five sub-groups, each co-chaired by 2-3 heads, 6-8 members, and
 * one senior leader per school, trust or federation. */
static void
test_bexley (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (CvnSnapshot) snapshot = build (f, "bexley");
  g_autoptr (GPtrArray) sub_groups = groups_of_tier (snapshot, 3, "sub-group");
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (GHashTable) co_chairs = g_hash_table_new (g_direct_hash, g_direct_equal);
  const CvnGroup *board = find_group (snapshot, "Bexley Strategic Education Partnership Board");

  g_assert_cmpint (board->tier, ==, 3);
  g_assert_cmpint (board->max_per_organisation, ==, 1);
  g_assert_cmpuint (count_members (snapshot, board->id, CVN_OBJECT_NONE, -1), ==, 25);
  g_assert_cmpuint (sub_groups->len, ==, 5);
  g_assert_cmpuint (snapshot->groups->len, ==, 6);

  for (guint i = 0; i < sub_groups->len; i++)
    {
      const CvnGroup *sub_group = g_ptr_array_index (sub_groups, i);
      g_autoptr (GPtrArray) members = cvn_snapshot_get_members (snapshot, sub_group->id, TRUE);
      guint n_co_chairs = 0;

      g_assert_cmpint (sub_group->parent_id, ==, board->id);
      g_assert_cmpuint (members->len, >=, 6);
      g_assert_cmpuint (members->len, <=, 8);
      for (guint j = 0; j < members->len; j++)
        {
          const CvnMembership *m = g_ptr_array_index (members, j);
          const CvnPerson *person = cvn_snapshot_find_person (snapshot, m->member_id);

          g_assert_cmpint (m->member_kind, ==, CVN_OBJECT_PERSON);
          if (m->role != CVN_ROLE_CO_CHAIR)
            continue;
          n_co_chairs++;
          /* Co-chairs are heads, and the board includes the chairs of all sub-groups. */
          g_assert_cmpstr (person->job_title, ==, "Headteacher");
          g_assert_cmpint (person->establishment_id, >, 0);
          g_assert_true (g_hash_table_add (co_chairs, GSIZE_TO_POINTER (person->id)));
          {
            g_autoptr (GPtrArray) of = cvn_snapshot_get_memberships_of (snapshot,
                                                                        CVN_OBJECT_PERSON,
                                                                        person->id, TRUE);
            gboolean on_board = FALSE;

            for (guint k = 0; k < of->len; k++)
              on_board |= ((CvnMembership *) g_ptr_array_index (of, k))->group_id == board->id;
            g_assert_true (on_board);
          }
        }
      g_assert_cmpuint (n_co_chairs, >=, 2);
      g_assert_cmpuint (n_co_chairs, <=, 3);
    }
  g_assert_cmpuint (g_hash_table_size (co_chairs), ==, 12);

  /* The documented exception: no cluster tier in the seed, so each of the 19 heads' schools
   * is in no cluster, and nothing else is found — in particular the board keeps its rule of
   * one leader per school. */
  findings = cvn_checks_run (snapshot, NULL);
  g_assert_cmpuint (snapshot->establishments->len, ==, 19);
  g_assert_cmpuint (findings->len, ==, 19);
  for (guint i = 0; i < findings->len; i++)
    {
      const CvnFinding *finding = g_ptr_array_index (findings, i);

      g_assert_cmpstr (finding->code, ==, CVN_CHECK_SCHOOL_UNCLUSTERED);
      g_assert_cmpint (finding->object_kind, ==, CVN_OBJECT_ESTABLISHMENT);
    }
}

/* Rotherham: learning communities each led by a consultant head or a local leader, reporting
 * to a strategic group of 6-8 heads with the director and two consultant heads. */
static void
test_rotherham (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (CvnSnapshot) snapshot = build (f, "rotherham");
  g_autoptr (GPtrArray) communities = groups_of_tier (snapshot, 1, "learning community");
  g_autoptr (GPtrArray) members = NULL;
  const CvnGroup *strategic = find_group (snapshot, "Partnership Strategic Group");
  guint heads = 0, consultants = 0, led_by_consultant = 0;

  g_assert_cmpint (strategic->tier, ==, 3);
  g_assert_cmpstr (strategic->kind, ==, "strategic group");
  g_assert_cmpuint (communities->len, ==, 6);
  g_assert_cmpuint (snapshot->groups->len, ==, 7);
  for (guint i = 0; i < snapshot->groups->len; i++)
    g_assert_cmpint (g_array_index (snapshot->groups, CvnGroup, i).tier, !=, 2);

  for (guint i = 0; i < communities->len; i++)
    {
      const CvnGroup *community = g_ptr_array_index (communities, i);
      const CvnPerson *lead = find_lead (snapshot, community->id);
      guint n_schools = count_members (snapshot, community->id, CVN_OBJECT_ESTABLISHMENT, -1);

      g_assert_cmpint (community->parent_id, ==, strategic->id);
      g_assert_cmpuint (n_schools, >=, 6);
      g_assert_cmpuint (n_schools, <=, 7);
      g_assert_true (is_system_leader (snapshot, lead->id, "CH") ||
                     is_system_leader (snapshot, lead->id, "LLE"));
      if (is_system_leader (snapshot, lead->id, "CH"))
        led_by_consultant++;
    }
  g_assert_cmpuint (led_by_consultant, ==, 2);

  members = cvn_snapshot_get_members (snapshot, strategic->id, TRUE);
  for (guint i = 0; i < members->len; i++)
    {
      const CvnMembership *m = g_ptr_array_index (members, i);
      const CvnPerson *person = cvn_snapshot_find_person (snapshot, m->member_id);

      g_assert_cmpint (m->member_kind, ==, CVN_OBJECT_PERSON);
      if (g_str_equal (person->job_title, "Headteacher"))
        heads++;
      if (is_system_leader (snapshot, person->id, "CH"))
        consultants++;
    }
  g_assert_cmpuint (heads, >=, 6);
  g_assert_cmpuint (heads, <=, 8);
  g_assert_cmpuint (consultants, ==, 2);
  g_assert_cmpuint (members->len, ==, heads + consultants + 1);
  assert_no_findings (snapshot);
}

/* A template is one edit: one undo takes it all away. Two templates in one document share the
 * designation types they both need. */
static void
test_one_edit (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (cvn_template_build (f->doc, "cumbria", &error));
  g_assert_true (cvn_template_build (f->doc, "wigan", &error));
  g_assert_no_error (error);
  g_assert_cmpint (cvn_store_count (f->doc, "designation_types", NULL), ==, 2);
  g_assert_cmpint (cvn_store_count (f->doc, "groups", NULL), ==, 19);

  g_assert_cmpstr (cvn_document_get_undo_label (f->doc), ==, "New from the wigan template");
  g_assert_true (cvn_document_undo (f->doc, &error));
  g_assert_cmpint (cvn_store_count (f->doc, "groups", NULL), ==, 10);
  g_assert_true (cvn_document_undo (f->doc, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cvn_store_count (f->doc, "groups", NULL), ==, 0);
  g_assert_cmpint (cvn_store_count (f->doc, "establishments", NULL), ==, 0);
  g_assert_cmpint (cvn_store_count (f->doc, "people", NULL), ==, 0);
}

static void
test_unknown (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  guint64 revision = cvn_document_get_revision (f->doc);

  g_assert_false (cvn_template_build (f->doc, "narnia", &error));
  g_assert_error (error, CVN_TEMPLATE_ERROR, CVN_TEMPLATE_ERROR_UNKNOWN);
  g_assert_nonnull (strstr (error->message, "narnia"));
  g_assert_nonnull (strstr (error->message, "cumbria"));
  g_assert_cmpuint (cvn_document_get_revision (f->doc), ==, revision);
  g_assert_false (cvn_document_can_undo (f->doc));
}

/* convenor-cli new */

static void
test_cli_new (Fixture       *f,
              gconstpointer  data)
{
  const char * const *names = cvn_template_get_names ();

  if (!cvn_test_have_cli ())
    return;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *file = g_strdup_printf ("%s.convenor", names[i]);
      g_autofree char *path = g_build_filename (f->dir, file, NULL);
      g_autofree char *out = NULL, *err = NULL, *check_out = NULL, *check_err = NULL;
      g_autoptr (CvnDocument) doc = NULL;
      g_autoptr (GError) error = NULL;
      int status;

      g_assert_cmpint (cvn_test_run_cli (&out, &err, "new", path, "--template", names[i], NULL),
                       ==, 0);
      g_assert_cmpstr (err, ==, "");
      doc = cvn_document_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (cvn_store_count (doc, "groups", NULL), >, 0);
      g_clear_object (&doc);

      /* The fresh document is clean, Bexley's unclustered schools apart. */
      status = cvn_test_run_cli (&check_out, &check_err, "check", "--fail-on-findings", path, NULL);
      if (g_str_equal (names[i], "bexley"))
        {
          g_auto (GStrv) lines = g_strsplit (check_out, "\n", -1);

          g_assert_cmpint (status, ==, 1);
          g_assert_cmpuint (g_strv_length (lines), ==, 20);
          for (guint j = 0; j < 19; j++)
            g_assert_true (g_str_has_prefix (lines[j], "school-unclustered\tschool\t"));
        }
      else
        {
          g_assert_cmpint (status, ==, 0);
          g_assert_cmpstr (check_out, ==, "");
        }
      cvn_test_remove_document (path);
    }
}

static void
test_cli_new_empty_and_errors (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *empty = g_build_filename (f->dir, "empty.convenor", NULL);
  g_autofree char *unknown = g_build_filename (f->dir, "unknown.convenor", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr (CvnDocument) doc = NULL;
  g_autoptr (GError) error = NULL;

  if (!cvn_test_have_cli ())
    return;

  g_assert_cmpint (cvn_test_run_cli (&out, &err, "new", empty, NULL), ==, 0);
  doc = cvn_document_open (empty, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cvn_store_count (doc, "groups", NULL), ==, 0);
  g_assert_cmpint (cvn_store_count (doc, "establishments", NULL), ==, 0);
  g_clear_object (&doc);

  /* A second "new" onto the same file refuses, naming it, and leaves it alone. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cvn_test_run_cli (&out, &err, "new", empty, "--template", "cumbria", NULL),
                   !=, 0);
  g_assert_nonnull (strstr (err, "empty.convenor"));
  doc = cvn_document_open (empty, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cvn_store_count (doc, "groups", NULL), ==, 0);
  g_clear_object (&doc);
  cvn_test_remove_document (empty);

  /* An unknown template names itself and the real ones, and makes no file. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cvn_test_run_cli (&out, &err, "new", unknown, "--template", "narnia", NULL),
                   !=, 0);
  g_assert_nonnull (strstr (err, "narnia"));
  g_assert_nonnull (strstr (err, "rotherham"));
  g_assert_cmpstr (strchr (err, '\n'), ==, "\n");
  g_assert_false (g_file_test (unknown, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cvn/templates/names", test_names);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, cvn_test_document_set_up, func, cvn_test_document_tear_down)
  ADD ("/cvn/templates/cumbria", test_cumbria);
  ADD ("/cvn/templates/wigan", test_wigan);
  ADD ("/cvn/templates/bexley", test_bexley);
  ADD ("/cvn/templates/rotherham", test_rotherham);
  ADD ("/cvn/templates/one-edit", test_one_edit);
  ADD ("/cvn/templates/unknown", test_unknown);
  ADD ("/cvn/templates/cli/new", test_cli_new);
  ADD ("/cvn/templates/cli/new-empty-and-errors", test_cli_new_empty_and_errors);
#undef ADD

  return g_test_run ();
}
