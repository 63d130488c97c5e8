/* test-brokerage.c — ranking who could support a school, and recording the support.
 *
 * The borough is drawn in directory-fixture.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cvn-brokerage.h"
#include "cvn-snapshot.h"

#include "directory-fixture.h"

typedef struct
{
  Fixture      f;
  CvnDocument *doc;
  CvnSnapshot *snapshot;
} BrokerTest;

static void
setup (BrokerTest   *t,
       gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  t->doc = fixture_create ("brokerage.convenor", &t->f, TRUE);
  t->snapshot = cvn_snapshot_load_at (t->doc, FIXTURE_TODAY, &error);
  g_assert_no_error (error);
}

static void
teardown (BrokerTest   *t,
          gconstpointer data)
{
  g_clear_pointer (&t->snapshot, cvn_snapshot_free);
  g_clear_object (&t->doc);
}

static GPtrArray *
rank (BrokerTest *t,
      gint64      school,
      gint64      area)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *candidates = cvn_brokerage_rank (t->snapshot, 0, school, area, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (candidates);
  return candidates;
}

static const CvnBrokerageCandidate *
find (GPtrArray    *candidates,
      CvnObjectKind kind,
      gint64        id)
{
  for (guint i = 0; i < candidates->len; i++)
    {
      const CvnBrokerageCandidate *c = g_ptr_array_index (candidates, i);

      if (c->provider_kind == kind && c->provider_id == id)
        return c;
    }
  return NULL;
}

static void
test_ranking (BrokerTest   *t,
              gconstpointer data)
{
  g_autoptr (GPtrArray) candidates = rank (t, t->f.a1, t->f.reading);
  const CvnBrokerageCandidate *c;

  g_assert_cmpuint (candidates->len, ==, 4);

  /* A2, self-declared, shares A1's cluster and so beats B1, quality-assured with more days
   * but in the other alliance. */
  c = g_ptr_array_index (candidates, 0);
  g_assert_cmpuint (c->rank, ==, 1);
  g_assert_cmpint (c->provider_id, ==, t->f.a2);
  g_assert_cmpint (c->provider_kind, ==, CVN_OBJECT_ESTABLISHMENT);
  g_assert_cmpint (c->nearness, ==, CVN_NEARNESS_SAME_CLUSTER);
  g_assert_cmpint (c->entry_id, ==, t->f.a2_reading);
  g_assert_cmpint (c->need_entry_id, ==, t->f.a1_need);
  g_assert_cmpfloat (c->remaining_days, ==, 6);
  g_assert_cmpfloat_with_epsilon (c->distance_km, 1.0, 1e-9);
  g_assert_false (c->conflict);
  g_assert_cmpstr (c->reason, ==, "same cluster, self-declared, 6 days left, 1.0 km");

  /* Kim works at A2: same cluster, same rating, fewer days. */
  c = g_ptr_array_index (candidates, 1);
  g_assert_cmpint (c->provider_kind, ==, CVN_OBJECT_PERSON);
  g_assert_cmpint (c->provider_id, ==, t->f.kim);
  g_assert_cmpint (c->provider_school_id, ==, t->f.a2);
  g_assert_cmpstr (c->reason, ==, "same cluster, self-declared, 1 day left, 1.0 km");

  /* A4 is in A1's alliance and A1's trust: flagged, not excluded. */
  c = g_ptr_array_index (candidates, 2);
  g_assert_cmpint (c->provider_id, ==, t->f.a4);
  g_assert_cmpint (c->nearness, ==, CVN_NEARNESS_SAME_ALLIANCE);
  g_assert_true (c->conflict);
  g_assert_cmpstr (c->conflict_reason, ==, "same trust");
  g_assert_cmpstr (c->reason, ==, "same alliance, peer-reviewed, 3 days left, 2.0 km, "
                                  "same trust: conflict to consider");

  c = g_ptr_array_index (candidates, 3);
  g_assert_cmpint (c->provider_id, ==, t->f.b1);
  g_assert_cmpint (c->nearness, ==, CVN_NEARNESS_WIDER_AREA);
  g_assert_cmpint (c->qa_status, ==, CVN_QA_QUALITY_ASSURED);
  g_assert_cmpstr (c->reason, ==, "wider area, quality-assured, 10 days left, 10.0 km");

  /* A3 has given both its days to A1 already. */
  g_assert_null (find (candidates, CVN_OBJECT_ESTABLISHMENT, t->f.a3));
  /* B2 offers reading but needs it itself. */
  g_assert_null (find (candidates, CVN_OBJECT_ESTABLISHMENT, t->f.b2));
}

static void
test_by_need (BrokerTest   *t,
              gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) by_need = cvn_brokerage_rank (t->snapshot, t->f.a1_need, 0, 0, NULL,
                                                      &error);
  g_autoptr (GPtrArray) by_school = rank (t, t->f.a1, t->f.reading);
  g_autoptr (GPtrArray) strength = NULL;
  g_autoptr (GPtrArray) limited = NULL;
  CvnBrokerageOptions options = { 2 };

  g_assert_no_error (error);
  g_assert_cmpuint (by_need->len, ==, by_school->len);
  for (guint i = 0; i < by_need->len; i++)
    g_assert_cmpstr (((CvnBrokerageCandidate *) g_ptr_array_index (by_need, i))->reason, ==,
                     ((CvnBrokerageCandidate *) g_ptr_array_index (by_school, i))->reason);

  /* A strength is not a need to broker for. */
  strength = cvn_brokerage_rank (t->snapshot, t->f.b1_reading, 0, 0, NULL, &error);
  g_assert_error (error, CVN_BROKERAGE_ERROR, CVN_BROKERAGE_ERROR_INVALID);
  g_assert_null (strength);
  g_clear_error (&error);

  limited = cvn_brokerage_rank (t->snapshot, 0, t->f.a1, t->f.reading, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (limited->len, ==, 2);
}

static void
test_never_own_provider (BrokerTest   *t,
                         gconstpointer data)
{
  g_autoptr (GPtrArray) candidates = rank (t, t->f.a2, t->f.reading);
  g_autoptr (GPtrArray) early_years = rank (t, t->f.a2, t->f.early_years);
  g_autoptr (GPtrArray) kim = NULL;
  g_autoptr (GError) error = NULL;

  /* Neither A2 nor Kim, who works there, can support A2. */
  g_assert_null (find (candidates, CVN_OBJECT_ESTABLISHMENT, t->f.a2));
  g_assert_null (find (candidates, CVN_OBJECT_PERSON, t->f.kim));
  g_assert_cmpuint (candidates->len, ==, 2);
  g_assert_cmpint (((CvnBrokerageCandidate *) g_ptr_array_index (candidates, 0))->provider_id, ==,
                   t->f.a4);
  g_assert_cmpint (((CvnBrokerageCandidate *) g_ptr_array_index (candidates, 1))->provider_id, ==,
                   t->f.b1);
  /* A2 is the only school offering early years. */
  g_assert_cmpuint (early_years->len, ==, 0);

  /* Kim's own need is a need of her school: A2 cannot meet it either. */
  kim = cvn_brokerage_rank (t->snapshot, t->f.kim_early_years_need, 0, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kim->len, ==, 0);
}

static void
test_exclusions (BrokerTest   *t,
                 gconstpointer data)
{
  g_autoptr (GPtrArray) maths = rank (t, t->f.c1, t->f.maths);
  g_autoptr (GPtrArray) for_b2 = rank (t, t->f.b2, t->f.reading);
  const CvnBrokerageCandidate *b1;

  /* Sam is committed beyond his offer; Pat and Lee (no school, so no distance) remain. */
  g_assert_cmpuint (maths->len, ==, 2);
  g_assert_null (find (maths, CVN_OBJECT_PERSON, t->f.sam));
  g_assert_cmpint (((CvnBrokerageCandidate *) g_ptr_array_index (maths, 0))->provider_id, ==,
                   t->f.lee);
  g_assert_cmpstr (((CvnBrokerageCandidate *) g_ptr_array_index (maths, 0))->reason, ==,
                   "wider area, quality-assured, 2 days left, distance unknown");
  g_assert_cmpint (((CvnBrokerageCandidate *) g_ptr_array_index (maths, 1))->provider_id, ==,
                   t->f.pat);

  /* B2 has no map position: B1 shares its cluster, at an unknown distance. */
  b1 = g_ptr_array_index (for_b2, 0);
  g_assert_cmpint (b1->provider_id, ==, t->f.b1);
  g_assert_cmpfloat (b1->distance_km, <, 0);
  g_assert_null (find (for_b2, CVN_OBJECT_ESTABLISHMENT, t->f.b2));
}

static void
test_distance_orders_equals (void)
{
  g_autofree char *path = cvn_test_temp_path ("distance.convenor");
  g_autoptr (CvnDocument) doc = NULL;
  g_autoptr (CvnSnapshot) snapshot = NULL;
  g_autoptr (GPtrArray) candidates = NULL;
  g_autoptr (GError) error = NULL;
  gint64 area, near, far, nowhere, recipient;

  doc = cvn_document_create (path, &error);
  g_assert_no_error (error);
  g_assert_true (cvn_directory_seed_areas (doc, &error));
  area = fixture_area (doc, "SEND");
  g_assert_true (cvn_document_begin_edit (doc, "Schools", &error));
  recipient = fixture_school (doc, "Recipient", 0, 500000, 200000, "", "", TRUE);
  nowhere = fixture_school (doc, "Aardvark School", 0, 0, 0, "", "", TRUE);
  far = fixture_school (doc, "Bee School", 0, 530000, 200000, "", "", TRUE);
  near = fixture_school (doc, "Cat School", 0, 503000, 204000, "", "", TRUE);
  for (guint i = 0; i < 3; i++)
    fixture_entry (doc, CVN_OBJECT_ESTABLISHMENT, (gint64[]) { nowhere, far, near }[i], area,
                   CVN_DIRECTORY_STRENGTH, 4, "", CVN_QA_PEER_REVIEWED, "2025-01-01");
  g_assert_true (cvn_document_commit_edit (doc, &error));
  snapshot = cvn_snapshot_load_at (doc, FIXTURE_TODAY, &error);
  g_assert_no_error (error);

  /* Equal in every other way: nearer first, unknown last. */
  candidates = cvn_brokerage_rank (snapshot, 0, recipient, area, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (candidates->len, ==, 3);
  g_assert_cmpint (((CvnBrokerageCandidate *) g_ptr_array_index (candidates, 0))->provider_id,
                   ==, near);
  g_assert_cmpstr (((CvnBrokerageCandidate *) g_ptr_array_index (candidates, 0))->reason, ==,
                   "wider area, peer-reviewed, 4 days left, 5.0 km");
  g_assert_cmpint (((CvnBrokerageCandidate *) g_ptr_array_index (candidates, 1))->provider_id,
                   ==, far);
  g_assert_cmpint (((CvnBrokerageCandidate *) g_ptr_array_index (candidates, 2))->provider_id,
                   ==, nowhere);
}

static void
test_record (BrokerTest   *t,
             gconstpointer data)
{
  g_autoptr (GPtrArray) candidates = rank (t, t->f.a1, t->f.reading);
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (CvnSnapshot) snapshot = NULL;
  g_autoptr (GError) error = NULL;
  const CvnBrokerageCandidate *a2 = g_ptr_array_index (candidates, 0);
  const CvnSupportEngagement *recorded = NULL;
  gint64 count = cvn_store_count (t->doc, "support_engagements", NULL);
  guint64 revision = cvn_document_get_revision (t->doc);
  gint64 id;

  /* Bad input changes nothing. */
  g_assert_cmpint (cvn_brokerage_record (t->doc, a2, 0, 0, "Jo", "", "", "", &error), ==, 0);
  g_assert_error (error, CVN_BROKERAGE_ERROR, CVN_BROKERAGE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cvn_brokerage_record (t->doc, a2, 0, 2, "Jo", "2025-13-01", "", "", &error),
                   ==, 0);
  g_assert_error (error, CVN_BROKERAGE_ERROR, CVN_BROKERAGE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (cvn_document_get_revision (t->doc), ==, revision);

  id = cvn_brokerage_record (t->doc, a2, 0, 4, "Jo Officer", "2025-04-01", "2025-07-18",
                             "Reading age up six months", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (cvn_store_count (t->doc, "support_engagements", NULL), ==, count + 1);
  g_assert_cmpuint (cvn_document_get_revision (t->doc), ==, revision + 1);
  g_assert_cmpstr (cvn_document_get_undo_label (t->doc), ==, "Broker support for A1 Primary");

  snapshot = cvn_snapshot_load_at (t->doc, FIXTURE_TODAY, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < snapshot->support_engagements->len; i++)
    if (g_array_index (snapshot->support_engagements, CvnSupportEngagement, i).id == id)
      recorded = &g_array_index (snapshot->support_engagements, CvnSupportEngagement, i);
  g_assert_nonnull (recorded);
  g_assert_cmpint (recorded->status, ==, CVN_ENGAGEMENT_PROPOSED);
  g_assert_cmpint (recorded->provider_kind, ==, CVN_OBJECT_ESTABLISHMENT);
  g_assert_cmpint (recorded->provider_id, ==, t->f.a2);
  g_assert_cmpint (recorded->recipient_id, ==, t->f.a1);
  g_assert_cmpint (recorded->area_id, ==, t->f.reading);
  g_assert_cmpint (recorded->need_entry_id, ==, t->f.a1_need);
  g_assert_cmpfloat (recorded->days, ==, 4);
  g_assert_cmpstr (recorded->broker, ==, "Jo Officer");
  g_assert_cmpstr (recorded->start_date, ==, "2025-04-01");
  g_assert_cmpstr (recorded->success_criteria, ==, "Reading age up six months");

  /* The proposed days now count against A2's offer. */
  after = cvn_brokerage_rank (snapshot, 0, t->f.a1, t->f.reading, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((CvnBrokerageCandidate *) g_ptr_array_index (after, 0))->reason, ==,
                   "same cluster, self-declared, 2 days left, 1.0 km");

  /* One edit: one undo takes it away. */
  g_assert_true (cvn_document_undo (t->doc, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cvn_store_count (t->doc, "support_engagements", NULL), ==, count);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, BrokerTest, NULL, setup, func, teardown)
  ADD ("/cvn/brokerage/ranking", test_ranking);
  ADD ("/cvn/brokerage/by-need", test_by_need);
  ADD ("/cvn/brokerage/never-own-provider", test_never_own_provider);
  ADD ("/cvn/brokerage/exclusions", test_exclusions);
  ADD ("/cvn/brokerage/record", test_record);
#undef ADD
  g_test_add_func ("/cvn/brokerage/distance", test_distance_orders_equals);

  return g_test_run ();
}
