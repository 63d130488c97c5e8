/* test-sample.c — the sample borough: its shape, its deliberate gaps, and that it is built the
 * same way every time.
 *
 * The gaps are found here from the snapshot by their definition, never by id, so a change to
 * the sample that loses one (or adds a second) fails a test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "cvn-sample.h"
#include "cvn-snapshot.h"
#include "cvn-store.h"
#include "test-util.h"

/* Reviews older than this are more than twelve months old as seen from CVN_SAMPLE_TODAY. */
#define YEAR_BEFORE_TODAY "2025-11-28"

typedef CvnTestDocument Fixture;

#define ESTABLISHMENT(s, i) (&g_array_index ((s)->establishments, CvnEstablishment, (i)))
#define PERSON(s, i) (&g_array_index ((s)->people, CvnPerson, (i)))
#define GROUP(s, i) (&g_array_index ((s)->groups, CvnGroup, (i)))

static const CvnGroup *
find_group_by_name (CvnSnapshot *snapshot,
                    const char  *name)
{
  for (guint i = 0; i < snapshot->groups->len; i++)
    if (g_str_equal (GROUP (snapshot, i)->name, name))
      return GROUP (snapshot, i);
  return NULL;
}

static guint
count_groups (CvnSnapshot *snapshot,
              int          tier,
              const char  *kind)
{
  guint n = 0;

  for (guint i = 0; i < snapshot->groups->len; i++)
    if (GROUP (snapshot, i)->tier == tier &&
        (kind == NULL || g_str_equal (GROUP (snapshot, i)->kind, kind)))
      n++;
  return n;
}

/* Current members of @group_id of one kind. */
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

      if (m->member_kind == kind && (role < 0 || m->role == (CvnRole) role))
        n++;
    }
  return n;
}

static gboolean
is_in_tier_one_group (CvnSnapshot *snapshot,
                      gint64       establishment_id)
{
  g_autoptr (GPtrArray) memberships = cvn_snapshot_get_memberships_of (snapshot,
                                                                       CVN_OBJECT_ESTABLISHMENT,
                                                                       establishment_id, TRUE);

  for (guint i = 0; i < memberships->len; i++)
    {
      const CvnMembership *m = g_ptr_array_index (memberships, i);

      if (cvn_snapshot_find_group (snapshot, m->group_id)->tier == 1)
        return TRUE;
    }
  return FALSE;
}

static void
test_schools (Fixture       *f,
              gconstpointer  data)
{
  static const char * const phases[] = {
    "nursery", "primary", "secondary", "all-through", "special", "alternative provision", NULL
  };
  g_autoptr (GHashTable) urns = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) phases_seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint faith = 0, closed = 0, in_trust = 0, federated = 0, infant = 0, junior = 0;
  guint n = f->snapshot->establishments->len;

  g_assert_cmpuint (n, >=, 80);
  g_assert_cmpuint (n, <=, 120);
  for (guint i = 0; i < n; i++)
    {
      const CvnEstablishment *school = ESTABLISHMENT (f->snapshot, i);

      /* No real school has a URN this high, and none is shared. */
      g_assert_cmpint (school->urn, >=, 900000);
      g_assert_true (g_hash_table_add (urns, (gpointer) &school->urn));
      g_assert_true (g_strv_contains (phases, school->phase));
      g_hash_table_add (phases_seen, school->phase);
      g_assert_cmpstr (school->local_authority, ==, "Kingsmere");
      g_assert_cmpint (school->pupils, >, 0);
      g_assert_cmpstr (school->postcode, !=, "");
      if (school->religious_character[0] != '\0')
        {
          g_assert_cmpstr (school->diocese, !=, "");
          faith++;
        }
      if (!school->is_open)
        closed++;
      if (school->trust[0] != '\0')
        in_trust++;
      if (school->federation[0] != '\0')
        federated++;
      if (strstr (school->name, "Infant") != NULL)
        infant++;
      if (strstr (school->name, "Junior") != NULL)
        junior++;
    }
  g_assert_cmpuint (g_hash_table_size (phases_seen), ==, g_strv_length ((GStrv) phases));
  g_assert_cmpuint (faith, >=, 10);
  g_assert_cmpuint (closed, ==, 1);
  g_assert_cmpuint (in_trust, >=, 10);
  g_assert_cmpuint (federated, >=, 2);
  g_assert_cmpuint (infant, >=, 2);
  g_assert_cmpuint (junior, >=, 2);
}

static void
test_coordinates (Fixture       *f,
                  gconstpointer  data)
{
  double min_e = G_MAXDOUBLE, max_e = -G_MAXDOUBLE, min_n = G_MAXDOUBLE, max_n = -G_MAXDOUBLE;

  for (guint i = 0; i < f->snapshot->establishments->len; i++)
    {
      const CvnEstablishment *school = ESTABLISHMENT (f->snapshot, i);

      g_assert_true (school->has_location);
      min_e = MIN (min_e, school->easting);
      max_e = MAX (max_e, school->easting);
      min_n = MIN (min_n, school->northing);
      max_n = MAX (max_n, school->northing);
    }
  /* One 20 km square, and the one the sample promises. */
  g_assert_cmpfloat (max_e - min_e, <=, 20000);
  g_assert_cmpfloat (max_n - min_n, <=, 20000);
  g_assert_cmpfloat (min_e, >=, 430000);
  g_assert_cmpfloat (max_e, <=, 450000);
  g_assert_cmpfloat (min_n, >=, 390000);
  g_assert_cmpfloat (max_n, <=, 410000);

  /* The schools of a cluster are neighbours: none is far from the cluster's middle, except
   * a secondary that serves two clusters' villages. */
  for (guint i = 0; i < f->snapshot->groups->len; i++)
    {
      const CvnGroup *cluster = GROUP (f->snapshot, i);
      g_autoptr (GPtrArray) members = NULL;
      double sum_e = 0, sum_n = 0;
      guint n = 0, near = 0;

      if (cluster->tier != 1)
        continue;
      members = cvn_snapshot_get_members (f->snapshot, cluster->id, TRUE);
      for (guint pass = 0; pass < 2; pass++)
        for (guint j = 0; j < members->len; j++)
          {
            const CvnMembership *m = g_ptr_array_index (members, j);
            const CvnEstablishment *school;

            if (m->member_kind != CVN_OBJECT_ESTABLISHMENT)
              continue;
            school = cvn_snapshot_find_establishment (f->snapshot, m->member_id);
            if (pass == 0)
              {
                sum_e += school->easting;
                sum_n += school->northing;
                n++;
              }
            else if (hypot (school->easting - sum_e / n, school->northing - sum_n / n) < 3000)
              near++;
          }
      g_assert_cmpuint (near, >=, n - 1);
    }
}

static void
test_tiers (Fixture       *f,
            gconstpointer  data)
{
  const CvnGroup *board = NULL;
  guint sub_groups = 0, alliances = 0, clusters = 0;

  for (guint i = 0; i < f->snapshot->groups->len; i++)
    if (g_str_equal (GROUP (f->snapshot, i)->kind, "board"))
      {
        g_assert_null (board);
        board = GROUP (f->snapshot, i);
      }
  g_assert_nonnull (board);
  g_assert_cmpint (board->tier, ==, 3);
  g_assert_cmpint (board->parent_id, ==, 0);

  for (guint i = 0; i < f->snapshot->groups->len; i++)
    {
      const CvnGroup *group = GROUP (f->snapshot, i);

      if (g_str_equal (group->kind, "sub-group"))
        {
          g_assert_cmpint (group->tier, ==, 3);
          g_assert_cmpint (group->parent_id, ==, board->id);
          sub_groups++;
        }
      else if (g_str_equal (group->kind, "alliance"))
        {
          g_assert_cmpint (group->tier, ==, 2);
          g_assert_cmpint (group->parent_id, ==, board->id);
          alliances++;
        }
      else if (group->tier == 1)
        {
          const CvnGroup *parent = cvn_snapshot_find_group (f->snapshot, group->parent_id);
          guint schools = count_members (f->snapshot, group->id, CVN_OBJECT_ESTABLISHMENT, -1);

          g_assert_true (g_str_equal (group->kind, "cluster") ||
                         g_str_equal (group->kind, "learning community"));
          g_assert_true (parent == NULL || g_str_equal (parent->kind, "alliance"));
          g_assert_cmpuint (schools, >=, 4);
          g_assert_cmpuint (schools, <=, 10);
          clusters++;
        }
      if (group->colour[0] != '\0')
        {
          g_assert_cmpuint (strlen (group->colour), ==, 7);
          g_assert_true (group->colour[0] == '#');
        }
    }
  g_assert_cmpuint (sub_groups, >=, 4);
  g_assert_cmpuint (sub_groups, <=, 5);
  g_assert_cmpuint (alliances, ==, 3);
  g_assert_cmpuint (clusters, >=, 12);
  g_assert_cmpuint (clusters, <=, 15);
  g_assert_cmpuint (count_groups (f->snapshot, 3, NULL), ==, sub_groups + 1);
  g_assert_cmpuint (count_groups (f->snapshot, 2, NULL), ==, 3);
  g_assert_cmpuint (count_groups (f->snapshot, 1, NULL), ==, clusters);
}

static void
test_sub_groups (Fixture       *f,
                 gconstpointer  data)
{
  guint seen = 0;

  for (guint i = 0; i < f->snapshot->groups->len; i++)
    {
      const CvnGroup *group = GROUP (f->snapshot, i);
      g_autoptr (GPtrArray) members = NULL;
      guint co_chairs = 0, people = 0;

      if (!g_str_equal (group->kind, "sub-group"))
        continue;
      seen++;
      members = cvn_snapshot_get_members (f->snapshot, group->id, TRUE);
      for (guint j = 0; j < members->len; j++)
        {
          const CvnMembership *m = g_ptr_array_index (members, j);
          const CvnPerson *person;

          g_assert_cmpint (m->member_kind, ==, CVN_OBJECT_PERSON);
          people++;
          if (m->role != CVN_ROLE_CO_CHAIR)
            continue;
          /* Co-chairs are heads of schools. */
          person = cvn_snapshot_find_person (f->snapshot, m->member_id);
          g_assert_cmpint (person->establishment_id, >, 0);
          g_assert_nonnull (strstr (person->job_title, "Head"));
          co_chairs++;
        }
      g_assert_cmpuint (co_chairs, >=, 2);
      g_assert_cmpuint (co_chairs, <=, 3);
      g_assert_cmpuint (people, >=, 6);
      g_assert_cmpuint (people, <=, 8);
    }
  g_assert_cmpuint (seen, >=, 4);
}

static void
test_cross_cutting (Fixture       *f,
                    gconstpointer  data)
{
  static const char * const kinds[] = { "diocesan group", "hub", "inclusion group" };
  static const guint expected[] = { 2, 1, 2 };
  guint overlapping = 0;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    g_assert_cmpuint (count_groups (f->snapshot, 0, kinds[k]), ==, expected[k]);

  /* Schools sit in their cluster and several cross-cutting groups at once. */
  for (guint i = 0; i < f->snapshot->establishments->len; i++)
    {
      const CvnEstablishment *school = ESTABLISHMENT (f->snapshot, i);
      g_autoptr (GPtrArray) memberships =
        cvn_snapshot_get_memberships_of (f->snapshot, CVN_OBJECT_ESTABLISHMENT, school->id, TRUE);
      guint cross_cutting = 0;

      for (guint j = 0; j < memberships->len; j++)
        {
          const CvnMembership *m = g_ptr_array_index (memberships, j);

          if (cvn_snapshot_find_group (f->snapshot, m->group_id)->tier == 0)
            cross_cutting++;
        }
      if (cross_cutting >= 2 && is_in_tier_one_group (f->snapshot, school->id))
        overlapping++;
    }
  g_assert_cmpuint (overlapping, >=, 10);
}

static void
test_committees (Fixture       *f,
                 gconstpointer  data)
{
  static const char * const names[] = {
    CVN_SAMPLE_PRIMARY_COMMITTEE, "Secondary Heads Association"
  };

  for (guint k = 0; k < G_N_ELEMENTS (names); k++)
    {
      const CvnGroup *committee = find_group_by_name (f->snapshot, names[k]);
      g_autoptr (GPtrArray) members = NULL;
      guint chairs = 0, heads = 0;

      g_assert_nonnull (committee);
      g_assert_cmpstr (committee->kind, ==, "committee");
      g_assert_cmpint (committee->tier, ==, 0);
      g_assert_cmpstr (committee->represents, ==, "cluster,learning community");
      members = cvn_snapshot_get_members (f->snapshot, committee->id, TRUE);
      for (guint j = 0; j < members->len; j++)
        {
          const CvnMembership *m = g_ptr_array_index (members, j);
          const CvnPerson *person = cvn_snapshot_find_person (f->snapshot, m->member_id);

          g_assert_cmpint (m->member_kind, ==, CVN_OBJECT_PERSON);
          if (person->establishment_id == 0)
            continue;
          g_assert_true (m->role == CVN_ROLE_REPRESENTATIVE || m->role == CVN_ROLE_CHAIR);
          if (m->role == CVN_ROLE_CHAIR)
            chairs++;
          heads++;
        }
      g_assert_cmpuint (chairs, ==, 1);
      g_assert_cmpuint (heads, >=, 10);
    }
}

static void
test_people (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) staffed = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint headteachers = 0, executive = 0, advisers = 0, improvement_heads = 0, open = 0;

  for (guint i = 0; i < f->snapshot->people->len; i++)
    {
      const CvnPerson *person = PERSON (f->snapshot, i);

      g_assert_true (g_hash_table_add (names, person->name));
      g_assert_true (g_str_has_suffix (person->email, "@kingsmere.example"));
      if (person->establishment_id > 0)
        g_hash_table_add (staffed, (gpointer) &person->establishment_id);
      if (g_str_equal (person->job_title, "Headteacher"))
        {
          g_assert_cmpint (person->establishment_id, >, 0);
          headteachers++;
        }
      if (g_str_equal (person->job_title, "Executive Headteacher"))
        executive++;
      if (g_str_equal (person->job_title, "School Improvement Adviser"))
        advisers++;
      if (g_str_equal (person->job_title, "Head of School Improvement"))
        improvement_heads++;
    }
  for (guint i = 0; i < f->snapshot->establishments->len; i++)
    {
      const CvnEstablishment *school = ESTABLISHMENT (f->snapshot, i);

      if (!school->is_open)
        continue;
      open++;
      g_assert_true (g_hash_table_contains (staffed, &school->id));
    }
  g_assert_cmpuint (headteachers, >=, open * 9 / 10);
  g_assert_cmpuint (executive, >=, 2);
  g_assert_cmpuint (advisers, >=, 2);
  g_assert_cmpuint (improvement_heads, ==, 1);
}

static void
test_designations (Fixture       *f,
                   gconstpointer  data)
{
  static const struct
  {
    const char *code;
    gboolean    for_schools;
    gboolean    system_leader;
  } expected[] = {
    { "NLE", FALSE, TRUE }, { "LLE", FALSE, TRUE }, { "NLG", FALSE, TRUE },
    { "SLE", FALSE, FALSE }, { "TS", TRUE, FALSE }, { "TSH", TRUE, FALSE },
    { "MH", TRUE, FALSE }, { "EH", TRUE, FALSE }, { "RS", TRUE, FALSE },
    { "CH", FALSE, TRUE }, { "AH", FALSE, TRUE }, { "IP", FALSE, FALSE },
    { "OI", FALSE, FALSE }, { "EXH", FALSE, TRUE },
  };
  gboolean expired_nle = FALSE, expired_teaching_school = FALSE;
  guint current = 0;

  g_assert_cmpuint (f->snapshot->designation_types->len, ==, G_N_ELEMENTS (expected));
  for (guint k = 0; k < G_N_ELEMENTS (expected); k++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < f->snapshot->designation_types->len; i++)
        {
          const CvnDesignationType *type = &g_array_index (f->snapshot->designation_types,
                                                           CvnDesignationType, i);

          if (!g_str_equal (type->code, expected[k].code))
            continue;
          found = TRUE;
          g_assert_cmpstr (type->name, !=, "");
          g_assert_cmpint (type->for_schools, ==, expected[k].for_schools);
          g_assert_cmpint (type->system_leader, ==, expected[k].system_leader);
        }
      g_assert_true (found);
    }

  for (guint i = 0; i < f->snapshot->designations->len; i++)
    {
      const CvnDesignation *d = &g_array_index (f->snapshot->designations, CvnDesignation, i);
      const CvnDesignationType *type = cvn_snapshot_find_designation_type (f->snapshot,
                                                                           d->type_id);

      g_assert_true (cvn_date_is_valid (d->from_date) && d->from_date[0] != '\0');
      g_assert_true (type->for_schools == (d->establishment_id > 0));
      if (g_str_equal (type->code, "NLE") && g_str_equal (d->until_date, "2022-08-31"))
        expired_nle = TRUE;
      if (g_str_equal (type->code, "TS") && g_str_equal (d->until_date, "2021-08-31"))
        expired_teaching_school = TRUE;
      if (cvn_date_range_is_current (d->from_date, d->until_date, CVN_SAMPLE_TODAY))
        current++;
    }
  /* Lapsed designations stay as history beside the current ones. */
  g_assert_true (expired_nle);
  g_assert_true (expired_teaching_school);
  g_assert_cmpuint (current, >=, 20);
  g_assert_cmpuint (current, <, f->snapshot->designations->len);
}

static void
test_expertise_areas (Fixture       *f,
                      gconstpointer  data)
{
  static const char * const expected[] = {
    "reading", "phonics", "early years", "maths", "SEND", "attendance",
    "behaviour and inclusion", "curriculum design", "assessment and moderation",
    "leadership development", "governance", "HR", "finance and business", "site management",
    "pastoral care", "family and parental engagement", "mental health and wellbeing",
    "disadvantaged pupils", "looked-after children", "initial teacher training",
    "early-career and CPD",
  };

  g_assert_cmpuint (f->snapshot->expertise_areas->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const CvnExpertiseArea *area = &g_array_index (f->snapshot->expertise_areas,
                                                     CvnExpertiseArea, i);

      g_assert_cmpstr (area->name, ==, expected[i]);
      g_assert_cmpint (area->position, ==, (int) i);
    }
}

static void
test_directory (Fixture       *f,
                gconstpointer  data)
{
  guint qa[CVN_N_QA_STATUSES] = { 0 };
  guint stale = 0, recent = 0, person_entries = 0, high = 0, medium = 0, low = 0;
  g_autoptr (GHashTable) schools_with_strengths = g_hash_table_new (g_int64_hash,
                                                                    g_int64_equal);
  g_autoptr (GHashTable) schools_with_needs = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < f->snapshot->directory_entries->len; i++)
    {
      const CvnDirectoryEntry *e = &g_array_index (f->snapshot->directory_entries,
                                                   CvnDirectoryEntry, i);

      g_assert_cmpstr (e->evidence, !=, "");
      if (e->holder_kind == CVN_OBJECT_PERSON)
        person_entries++;
      if (e->kind == CVN_DIRECTORY_STRENGTH)
        {
          g_assert_cmpfloat (e->capacity_days, >=, 1);
          g_assert_cmpfloat (e->capacity_days, <=, 10);
          qa[e->qa_status]++;
          if (e->qa_status != CVN_QA_SELF_DECLARED)
            {
              g_assert_cmpstr (e->reviewer, !=, "");
              g_assert_true (cvn_date_is_valid (e->reviewed_on) && e->reviewed_on[0] != '\0');
              if (strcmp (e->reviewed_on, YEAR_BEFORE_TODAY) < 0)
                stale++;
              else
                recent++;
            }
          if (e->holder_kind == CVN_OBJECT_ESTABLISHMENT)
            g_hash_table_add (schools_with_strengths, (gpointer) &e->holder_id);
        }
      else
        {
          if (g_str_equal (e->priority, "high"))
            high++;
          else if (g_str_equal (e->priority, "medium"))
            medium++;
          else if (g_str_equal (e->priority, "low"))
            low++;
          else
            g_assert_not_reached ();
          if (e->holder_kind == CVN_OBJECT_ESTABLISHMENT)
            g_hash_table_add (schools_with_needs, (gpointer) &e->holder_id);
        }
    }
  for (guint s = 0; s < CVN_N_QA_STATUSES; s++)
    g_assert_cmpuint (qa[s], >, 5);
  g_assert_cmpuint (stale, >, 5);
  g_assert_cmpuint (recent, >, 5);
  g_assert_cmpuint (person_entries, >, 5);
  g_assert_cmpuint (high, >, 0);
  g_assert_cmpuint (medium, >, 0);
  g_assert_cmpuint (low, >, 0);
  g_assert_cmpuint (g_hash_table_size (schools_with_strengths), >=, 40);
  g_assert_cmpuint (g_hash_table_size (schools_with_needs), >=, 20);
}

static gboolean
has_engagement (CvnSnapshot         *snapshot,
                gint64               school_id,
                CvnEngagementStatus  status)
{
  for (guint i = 0; i < snapshot->support_engagements->len; i++)
    {
      const CvnSupportEngagement *e = &g_array_index (snapshot->support_engagements,
                                                      CvnSupportEngagement, i);

      if (e->recipient_id == school_id && e->status == status)
        return TRUE;
    }
  return FALSE;
}

static void
test_risk_and_support (Fixture       *f,
                       gconstpointer  data)
{
  guint vulnerable = 0, supported = 0;

  for (guint i = 0; i < f->snapshot->establishments->len; i++)
    {
      const CvnEstablishment *school = ESTABLISHMENT (f->snapshot, i);

      if (school->risk_category[0] == '\0')
        continue;
      g_assert_true (g_str_has_prefix (school->risk_category, "Category "));
      vulnerable++;
      if (has_engagement (f->snapshot, school->id, CVN_ENGAGEMENT_ACTIVE) ||
          has_engagement (f->snapshot, school->id, CVN_ENGAGEMENT_AGREED) ||
          has_engagement (f->snapshot, school->id, CVN_ENGAGEMENT_COMPLETED))
        supported++;
    }
  g_assert_cmpuint (vulnerable, >=, 4);
  g_assert_cmpuint (vulnerable, <=, 8);
  g_assert_cmpuint (supported, >, vulnerable / 2);

  for (guint i = 0; i < f->snapshot->support_engagements->len; i++)
    {
      const CvnSupportEngagement *e = &g_array_index (f->snapshot->support_engagements,
                                                      CvnSupportEngagement, i);

      g_assert_cmpint (e->area_id, >, 0);
      g_assert_cmpstr (e->broker, !=, "");
      g_assert_cmpfloat (e->days, >, 0);
      g_assert_nonnull (cvn_snapshot_get_name (f->snapshot, e->provider_kind, e->provider_id));
    }
}

static void
test_history (Fixture       *f,
              gconstpointer  data)
{
  guint ended = 0;

  for (guint i = 0; i < f->snapshot->memberships->len; i++)
    {
      const CvnMembership *m = &g_array_index (f->snapshot->memberships, CvnMembership, i);

      /* Every membership began before the sample's today. */
      g_assert_true (cvn_date_is_valid (m->from_date));
      g_assert_cmpstr (m->from_date, !=, "");
      g_assert_cmpstr (m->from_date, <=, CVN_SAMPLE_TODAY);
      if (m->until_date[0] != '\0')
        {
          g_assert_cmpstr (m->until_date, <, CVN_SAMPLE_TODAY);
          g_assert_false (cvn_snapshot_membership_is_current (f->snapshot, m));
          ended++;
        }
    }
  g_assert_cmpuint (ended, >=, 3);
}

/* GAP 1: open schools in no tier-1 group (and not opted out of one). */
static void
test_gap_uncovered_school (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr (GPtrArray) uncovered = g_ptr_array_new ();

  for (guint i = 0; i < f->snapshot->establishments->len; i++)
    {
      const CvnEstablishment *school = ESTABLISHMENT (f->snapshot, i);

      if (school->is_open && school->opted_out_reason[0] == '\0' &&
          !is_in_tier_one_group (f->snapshot, school->id))
        g_ptr_array_add (uncovered, (gpointer) school);
    }
  g_assert_cmpuint (uncovered->len, ==, 1);
  g_assert_cmpstr (((CvnEstablishment *) uncovered->pdata[0])->name, ==,
                   CVN_SAMPLE_UNCOVERED_SCHOOL);
}

/* GAP 2: tier-1 groups under no alliance. */
static void
test_gap_unparented_cluster (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr (GPtrArray) orphans = g_ptr_array_new ();

  for (guint i = 0; i < f->snapshot->groups->len; i++)
    {
      const CvnGroup *group = GROUP (f->snapshot, i);
      const CvnGroup *parent = cvn_snapshot_find_group (f->snapshot, group->parent_id);

      if (group->tier == 1 && (parent == NULL || parent->tier != 2))
        g_ptr_array_add (orphans, (gpointer) group);
    }
  g_assert_cmpuint (orphans->len, ==, 1);
  g_assert_cmpstr (((CvnGroup *) orphans->pdata[0])->name, ==, CVN_SAMPLE_UNPARENTED_CLUSTER);
}

/* GAP 3: clusters none of whose schools, or heads of those schools, or person members, is a
 * current member of the primary committee. */
static gboolean
cluster_is_represented (CvnSnapshot    *snapshot,
                        const CvnGroup *cluster,
                        GPtrArray      *committee_members)
{
  g_autoptr (GPtrArray) members = cvn_snapshot_get_members (snapshot, cluster->id, TRUE);
  g_autoptr (GHashTable) schools = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) people = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < members->len; i++)
    {
      CvnMembership *m = g_ptr_array_index (members, i);

      if (m->member_kind == CVN_OBJECT_ESTABLISHMENT)
        g_hash_table_add (schools, &m->member_id);
      else if (m->member_kind == CVN_OBJECT_PERSON)
        g_hash_table_add (people, &m->member_id);
    }
  for (guint i = 0; i < snapshot->people->len; i++)
    {
      CvnPerson *person = PERSON (snapshot, i);

      if (g_hash_table_contains (schools, &person->establishment_id))
        g_hash_table_add (people, &person->id);
    }
  for (guint i = 0; i < committee_members->len; i++)
    {
      const CvnMembership *m = g_ptr_array_index (committee_members, i);

      if ((m->member_kind == CVN_OBJECT_ESTABLISHMENT &&
           g_hash_table_contains (schools, &m->member_id)) ||
          (m->member_kind == CVN_OBJECT_PERSON && g_hash_table_contains (people, &m->member_id)))
        return TRUE;
    }
  return FALSE;
}

static void
test_gap_unrepresented_cluster (Fixture       *f,
                                gconstpointer  data)
{
  const CvnGroup *committee = find_group_by_name (f->snapshot, CVN_SAMPLE_PRIMARY_COMMITTEE);
  g_autoptr (GPtrArray) members = NULL;
  g_autoptr (GPtrArray) all_members = NULL;
  g_autoptr (GPtrArray) unrepresented = g_ptr_array_new ();
  g_auto (GStrv) kinds = NULL;
  const CvnGroup *gap;
  guint former = 0;

  g_assert_nonnull (committee);
  kinds = g_strsplit (committee->represents, ",", -1);
  members = cvn_snapshot_get_members (f->snapshot, committee->id, TRUE);
  for (guint i = 0; i < f->snapshot->groups->len; i++)
    {
      const CvnGroup *group = GROUP (f->snapshot, i);

      if (group->tier == 1 && g_strv_contains ((const char * const *) kinds, group->kind) &&
          !cluster_is_represented (f->snapshot, group, members))
        g_ptr_array_add (unrepresented, (gpointer) group);
    }
  g_assert_cmpuint (unrepresented->len, ==, 1);
  gap = unrepresented->pdata[0];
  g_assert_cmpstr (gap->name, ==, CVN_SAMPLE_UNREPRESENTED_CLUSTER);

  /* It was represented once: counting ended memberships too, it is. */
  all_members = cvn_snapshot_get_members (f->snapshot, committee->id, FALSE);
  g_assert_true (cluster_is_represented (f->snapshot, gap, all_members));
  for (guint i = 0; i < all_members->len; i++)
    if (!cvn_snapshot_membership_is_current (f->snapshot, g_ptr_array_index (all_members, i)))
      former++;
  g_assert_cmpuint (former, ==, 1);
}

/* GAP 4: schools in a risk category with no active support. */
static void
test_gap_unsupported_school (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr (GPtrArray) unsupported = g_ptr_array_new ();
  const CvnEstablishment *gap;

  for (guint i = 0; i < f->snapshot->establishments->len; i++)
    {
      const CvnEstablishment *school = ESTABLISHMENT (f->snapshot, i);

      if (school->is_open && school->risk_category[0] != '\0' &&
          !has_engagement (f->snapshot, school->id, CVN_ENGAGEMENT_ACTIVE))
        g_ptr_array_add (unsupported, (gpointer) school);
    }
  g_assert_cmpuint (unsupported->len, ==, 1);
  gap = unsupported->pdata[0];
  g_assert_cmpstr (gap->name, ==, CVN_SAMPLE_UNSUPPORTED_SCHOOL);
  /* Nor is any support agreed; its only support is over. */
  g_assert_false (has_engagement (f->snapshot, gap->id, CVN_ENGAGEMENT_AGREED));
  g_assert_true (has_engagement (f->snapshot, gap->id, CVN_ENGAGEMENT_COMPLETED));
}

static void
test_one_edit (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (cvn_document_can_undo (f->doc));
  g_assert_cmpstr (cvn_document_get_undo_label (f->doc), ==, "Create sample borough");
  g_assert_true (cvn_document_undo (f->doc, &error));
  g_assert_no_error (error);
  g_assert_false (cvn_document_can_undo (f->doc));
  g_assert_cmpint (cvn_store_count (f->doc, "establishments", &error), ==, 0);
  g_assert_cmpint (cvn_store_count (f->doc, "memberships", &error), ==, 0);
  g_assert_no_error (error);
}

static void
test_refuses_non_empty (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  guint64 revision = cvn_document_get_revision (f->doc);
  gint64 schools = cvn_store_count (f->doc, "establishments", NULL);

  g_assert_false (cvn_sample_build (f->doc, &error));
  g_assert_error (error, CVN_DOCUMENT_ERROR, CVN_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, f->path));
  g_assert_cmpuint (cvn_document_get_revision (f->doc), ==, revision);
  g_assert_cmpint (cvn_store_count (f->doc, "establishments", NULL), ==, schools);
  g_assert_false (cvn_document_in_edit (f->doc));
}

/* Every row of every table, in rowid order, as text. */
static char *
dump_document (CvnDocument *doc)
{
  g_autoptr (GString) dump = g_string_new (NULL);
  g_autoptr (GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (sqlite3_stmt) list = NULL;
  g_autoptr (GError) error = NULL;

  list = cvn_document_prepare (doc, "SELECT name FROM main.sqlite_master WHERE type = 'table' "
                                    "AND name NOT LIKE 'sqlite_%' ORDER BY name", &error);
  g_assert_no_error (error);
  while (sqlite3_step (list) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (list, 0)));
  g_assert_cmpuint (tables->len, >=, 10);

  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM main.\"%s\" ORDER BY rowid",
                                              (const char *) tables->pdata[t]);
      g_autoptr (sqlite3_stmt) rows = cvn_document_prepare (doc, sql, &error);

      g_assert_no_error (error);
      g_string_append_printf (dump, "== %s\n", (const char *) tables->pdata[t]);
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (rows); c++)
            {
              const unsigned char *text = sqlite3_column_text (rows, c);

              g_string_append_printf (dump, "%s%s", c > 0 ? "|" : "",
                                      text != NULL ? (const char *) text : "NULL");
            }
          g_string_append_c (dump, '\n');
        }
    }
  return g_string_free (g_steal_pointer (&dump), FALSE);
}

static void
test_deterministic (void)
{
  g_autofree char *dir = cvn_test_make_dir ();
  g_autofree char *first_path = g_build_filename (dir, "first.convenor", NULL);
  g_autofree char *second_path = g_build_filename (dir, "second.convenor", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CvnDocument) first = cvn_sample_create (first_path, &error);
  g_autoptr (CvnDocument) second = NULL;
  g_autofree char *first_dump = NULL;
  g_autofree char *second_dump = NULL;
  g_auto (GStrv) first_lines = NULL;
  g_auto (GStrv) second_lines = NULL;

  g_assert_no_error (error);
  second = cvn_sample_create (second_path, &error);
  g_assert_no_error (error);

  first_dump = dump_document (first);
  second_dump = dump_document (second);
  g_assert_cmpuint (strlen (first_dump), >, 10000);
  /* Line by line first, so a failure names the first row that differs. */
  first_lines = g_strsplit (first_dump, "\n", -1);
  second_lines = g_strsplit (second_dump, "\n", -1);
  for (guint i = 0; first_lines[i] != NULL && second_lines[i] != NULL; i++)
    g_assert_cmpstr (first_lines[i], ==, second_lines[i]);
  g_assert_cmpstr (first_dump, ==, second_dump);

  g_clear_object (&first);
  g_clear_object (&second);
  cvn_test_remove_tree (dir);
}

static void
test_existing_path (void)
{
  static const char minutes[] = "Minutes of the partnership board\n";
  g_autofree char *dir = cvn_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "minutes.convenor", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CvnDocument) doc = NULL;
  gsize length;

  g_assert_true (g_file_set_contents (path, minutes, -1, NULL));
  doc = cvn_sample_create (path, &error);
  g_assert_null (doc);
  g_assert_error (error, CVN_DOCUMENT_ERROR, CVN_DOCUMENT_ERROR_EXISTS);

  /* The file is as it was. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, ==, strlen (minutes));
  g_assert_cmpstr (contents, ==, minutes);
  cvn_test_remove_tree (dir);
}

/* convenor-cli new-sample writes the same sample, and info counts it. */
static void
test_cli (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autoptr (GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto (GStrv) lines = NULL;

  if (!cvn_test_have_cli ())
    return;
  dir = cvn_test_make_dir ();
  path = g_build_filename (dir, "s.convenor", NULL);

  g_assert_cmpint (cvn_test_run_cli (NULL, NULL, "new-sample", path, NULL), ==, 0);
  g_assert_cmpint (cvn_test_run_cli (&out, NULL, "info", path, NULL), ==, 0);

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[i], "\t", 2);
      guint64 n;

      g_assert_cmpuint (g_strv_length (fields), ==, 2);
      g_assert_true (g_ascii_string_to_unsigned (fields[1], 10, 0, G_MAXUINT, &n, NULL));
      g_hash_table_insert (counts, g_strdup (fields[0]), GUINT_TO_POINTER ((guint) n));
    }
#define COUNT(name) GPOINTER_TO_UINT (g_hash_table_lookup (counts, (name)))
  g_assert_cmpuint (COUNT ("establishments"), >=, 80);
  g_assert_cmpuint (COUNT ("establishments"), <=, 120);
  g_assert_cmpuint (COUNT ("establishments.open"), ==, COUNT ("establishments") - 1);
  g_assert_cmpuint (COUNT ("groups.tier1"), >=, 12);
  g_assert_cmpuint (COUNT ("groups.tier1"), <=, 15);
  g_assert_cmpuint (COUNT ("groups.tier2"), ==, 3);
  g_assert_cmpuint (COUNT ("groups.tier3"), >=, 5);
  g_assert_cmpuint (COUNT ("groups.kind.committee"), ==, 2);
  g_assert_cmpuint (COUNT ("groups.kind.diocesan-group"), ==, 2);
  g_assert_cmpuint (COUNT ("expertise-areas"), ==, 21);
  g_assert_cmpuint (COUNT ("memberships.current"), <, COUNT ("memberships"));
  g_assert_cmpuint (COUNT ("people"), >, COUNT ("establishments"));
  g_assert_cmpuint (COUNT ("directory-entries"), >, 100);
  g_assert_cmpuint (COUNT ("support-engagements"), >=, 5);
#undef COUNT
  cvn_test_remove_tree (dir);
}

#define ADD_SAMPLE_TEST(path, func) \
  g_test_add ((path), Fixture, NULL, cvn_test_document_set_up_sample, (func), \
              cvn_test_document_tear_down)

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  ADD_SAMPLE_TEST ("/cvn/sample/schools", test_schools);
  ADD_SAMPLE_TEST ("/cvn/sample/coordinates", test_coordinates);
  ADD_SAMPLE_TEST ("/cvn/sample/tiers", test_tiers);
  ADD_SAMPLE_TEST ("/cvn/sample/sub-groups", test_sub_groups);
  ADD_SAMPLE_TEST ("/cvn/sample/cross-cutting", test_cross_cutting);
  ADD_SAMPLE_TEST ("/cvn/sample/committees", test_committees);
  ADD_SAMPLE_TEST ("/cvn/sample/people", test_people);
  ADD_SAMPLE_TEST ("/cvn/sample/designations", test_designations);
  ADD_SAMPLE_TEST ("/cvn/sample/expertise-areas", test_expertise_areas);
  ADD_SAMPLE_TEST ("/cvn/sample/directory", test_directory);
  ADD_SAMPLE_TEST ("/cvn/sample/risk-and-support", test_risk_and_support);
  ADD_SAMPLE_TEST ("/cvn/sample/history", test_history);
  ADD_SAMPLE_TEST ("/cvn/sample/gaps/uncovered-school", test_gap_uncovered_school);
  ADD_SAMPLE_TEST ("/cvn/sample/gaps/unparented-cluster", test_gap_unparented_cluster);
  ADD_SAMPLE_TEST ("/cvn/sample/gaps/unrepresented-cluster", test_gap_unrepresented_cluster);
  ADD_SAMPLE_TEST ("/cvn/sample/gaps/unsupported-school", test_gap_unsupported_school);
  ADD_SAMPLE_TEST ("/cvn/sample/one-edit", test_one_edit);
  ADD_SAMPLE_TEST ("/cvn/sample/refuses-non-empty", test_refuses_non_empty);
  g_test_add_func ("/cvn/sample/deterministic", test_deterministic);
  g_test_add_func ("/cvn/sample/existing-path", test_existing_path);
  g_test_add_func ("/cvn/sample/cli", test_cli);

  return g_test_run ();
}
