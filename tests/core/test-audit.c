/* test-audit.c — the capacity audit, the directory's rules, and `convenor-cli audit`/`broker`.
 *
 * The expected numbers come from the borough drawn in directory-fixture.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cvn-audit.h"
#include "cvn-directory.h"
#include "cvn-snapshot.h"

#include "directory-fixture.h"


typedef struct
{
  Fixture      f;
  CvnDocument *doc;
  CvnSnapshot *snapshot;
} AuditTest;

static void
setup (AuditTest    *t,
       gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  t->doc = fixture_create ("audit.convenor", &t->f, TRUE);
  t->snapshot = cvn_snapshot_load_at (t->doc, FIXTURE_TODAY, &error);
  g_assert_no_error (error);
}

static void
teardown (AuditTest    *t,
          gconstpointer data)
{
  g_clear_pointer (&t->snapshot, cvn_snapshot_free);
  g_clear_object (&t->doc);
}

static int
column_of (const CvnAudit *audit,
           const char     *name)
{
  for (guint j = 0; j < audit->n_sub_areas; j++)
    if (g_str_equal (audit->sub_areas[j].name, name))
      return (int) j;
  g_assert_not_reached ();
}

static const CvnAuditCell *
cell (const CvnAudit *audit,
      gint64          area_id,
      const char     *sub_area)
{
  int row = cvn_audit_find_area (audit, area_id);

  g_assert_cmpint (row, >=, 0);
  return cvn_audit_get_cell (audit, (guint) row, (guint) column_of (audit, sub_area));
}

static gboolean
ids_are (GArray *ids,
         guint   n,
         ...)
{
  va_list args;
  gboolean same = ids->len == n;

  va_start (args, n);
  for (guint i = 0; i < n; i++)
    {
      gint64 id = va_arg (args, gint64);

      if (same && g_array_index (ids, gint64, i) != id)
        same = FALSE;
    }
  va_end (args);
  return same;
}

/* Seeding ---------------------------------------------------------------------------------- */

static void
test_seed (void)
{
  g_autofree char *path = cvn_test_temp_path ("seed.convenor");
  g_autoptr (CvnDocument) doc = NULL;
  g_autoptr (CvnSnapshot) snapshot = NULL;
  g_autoptr (GError) error = NULL;
  guint64 revision;
  guint n_leaders = 0, n_for_schools = 0;

  doc = cvn_document_create (path, &error);
  g_assert_no_error (error);

  /* A user who already typed "Send" keeps it; it is not added again as "SEND". */
  g_assert_true (cvn_document_begin_edit (doc, "An area", &error));
  cvn_store_insert_expertise_area (doc, &(CvnExpertiseArea) { 0, (char *) "Send", 0 }, &error);
  g_assert_no_error (error);
  g_assert_true (cvn_document_commit_edit (doc, &error));

  g_assert_true (cvn_directory_seed_areas (doc, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cvn_store_count (doc, "expertise_areas", NULL), ==, 21);
  g_assert_cmpstr (cvn_document_get_undo_label (doc), ==, "Add expertise areas");

  /* Idempotent: nothing missing, nothing added, no empty undo step. */
  revision = cvn_document_get_revision (doc);
  g_assert_true (cvn_directory_seed_areas (doc, &error));
  g_assert_cmpint (cvn_store_count (doc, "expertise_areas", NULL), ==, 21);
  g_assert_cmpuint (cvn_document_get_revision (doc), ==, revision);

  g_assert_true (cvn_directory_seed_designation_types (doc, &error));
  g_assert_no_error (error);
  g_assert_true (cvn_directory_seed_designation_types (doc, &error));
  g_assert_cmpint (cvn_store_count (doc, "designation_types", NULL), ==, 14);

  snapshot = cvn_snapshot_load_at (doc, FIXTURE_TODAY, &error);
  g_assert_no_error (error);
  /* The user's area keeps its place, first; the seeds follow in their order. */
  g_assert_cmpstr (g_array_index (snapshot->expertise_areas, CvnExpertiseArea, 0).name, ==, "Send");
  g_assert_cmpstr (g_array_index (snapshot->expertise_areas, CvnExpertiseArea, 1).name, ==,
                   "reading");
  g_assert_cmpstr (g_array_index (snapshot->expertise_areas, CvnExpertiseArea, 20).name, ==,
                   "early-career and CPD");
  for (guint i = 0; i < snapshot->designation_types->len; i++)
    {
      const CvnDesignationType *type = &g_array_index (snapshot->designation_types,
                                                       CvnDesignationType, i);

      g_assert_false (type->system_leader && type->for_schools);
      n_leaders += type->system_leader;
      n_for_schools += type->for_schools;
      if (g_str_equal (type->code, "NLE") || g_str_equal (type->code, "NLG"))
        g_assert_true (type->system_leader);
      if (g_str_equal (type->code, "SLE") || g_str_equal (type->code, "OI"))
        g_assert_false (type->system_leader || type->for_schools);
    }
  /* NLE, LLE, NLG, consultant head, associate head, executive head; five school badges. */
  g_assert_cmpuint (n_leaders, ==, 6);
  g_assert_cmpuint (n_for_schools, ==, 5);
}

/* The directory's rules --------------------------------------------------------------------- */

static void
test_rules (AuditTest    *t,
            gconstpointer data)
{
  CvnSnapshot *s = t->snapshot;
  g_autoptr (CvnCapacityLedger) ledger = cvn_capacity_ledger_new (s);
  g_autoptr (GPtrArray) sam = cvn_snapshot_get_designations_of (s, CVN_OBJECT_PERSON, t->f.sam,
                                                                 FALSE);

  /* Sam's LLE ended in 2019: history, not current. */
  g_assert_cmpuint (sam->len, ==, 1);
  g_assert_false (cvn_designation_is_current (g_ptr_array_index (sam, 0), FIXTURE_TODAY));
  g_assert_true (cvn_designation_is_expired (g_ptr_array_index (sam, 0), FIXTURE_TODAY));
  g_assert_true (cvn_designation_is_current (g_ptr_array_index (sam, 0), "2018-01-01"));

  /* Badged: the holder or the holder's school holds a current designation. */
  g_assert_true (cvn_directory_holder_is_badged (s, CVN_OBJECT_PERSON, t->f.pat));
  g_assert_true (cvn_directory_holder_is_badged (s, CVN_OBJECT_ESTABLISHMENT, t->f.b1));
  g_assert_false (cvn_directory_holder_is_badged (s, CVN_OBJECT_PERSON, t->f.sam));
  g_assert_false (cvn_directory_holder_is_badged (s, CVN_OBJECT_ESTABLISHMENT, t->f.a3));
  g_assert_false (cvn_directory_holder_is_badged (s, CVN_OBJECT_PERSON, t->f.kim));

  /* Remaining = offered − proposed/agreed/active days; completed support frees its days. */
  g_assert_cmpfloat (cvn_capacity_ledger_remaining (ledger, CVN_OBJECT_ESTABLISHMENT, t->f.a3,
                                                    t->f.reading), ==, 0);
  g_assert_cmpfloat (cvn_capacity_ledger_remaining (ledger, CVN_OBJECT_ESTABLISHMENT, t->f.a2,
                                                    t->f.reading), ==, 6);
  g_assert_cmpfloat (cvn_capacity_ledger_committed (ledger, CVN_OBJECT_PERSON, t->f.sam,
                                                    t->f.maths), ==, 5);
  g_assert_cmpfloat (cvn_capacity_ledger_remaining (ledger, CVN_OBJECT_PERSON, t->f.sam,
                                                    t->f.maths), ==, -2);
  g_assert_true (cvn_capacity_ledger_has_need (ledger, CVN_OBJECT_ESTABLISHMENT, t->f.b2,
                                               t->f.reading));
  for (guint i = 0; i < s->directory_entries->len; i++)
    {
      const CvnDirectoryEntry *e = &g_array_index (s->directory_entries, CvnDirectoryEntry, i);

      if (e->id == t->f.a3_reading)
        g_assert_cmpfloat (cvn_directory_remaining_capacity (s, e), ==, 0);
      else if (e->id == t->f.b1_reading)
        g_assert_cmpfloat (cvn_directory_remaining_capacity (s, e), ==, 10);
      else if (e->id == t->f.sam_maths)
        g_assert_cmpfloat (cvn_directory_remaining_capacity (s, e), ==, -2);
      else if (e->id == t->f.a1_need)
        g_assert_cmpfloat (cvn_directory_remaining_capacity (s, e), ==, 0);
    }
}

/* The matrix ------------------------------------------------------------------------------ */

static void
test_whole_document (AuditTest    *t,
                     gconstpointer data)
{
  g_autoptr (CvnAudit) audit = cvn_audit_compute (t->snapshot, 0, NULL);
  const CvnAuditCell *c;
  int reading = cvn_audit_find_area (audit, t->f.reading);
  int maths = cvn_audit_find_area (audit, t->f.maths);

  g_assert_cmpuint (audit->n_areas, ==, 21);
  g_assert_cmpuint (audit->n_sub_areas, ==, 3);
  g_assert_cmpstr (audit->sub_areas[0].name, ==, "North Alliance");
  g_assert_cmpint (audit->sub_areas[0].id, ==, t->f.north);
  g_assert_cmpstr (audit->sub_areas[1].name, ==, "South Alliance");
  g_assert_cmpstr (audit->sub_areas[2].name, ==, "No alliance");
  g_assert_cmpint (audit->sub_areas[2].kind, ==, CVN_AUDIT_SUB_AREA_NO_ALLIANCE);
  g_assert_cmpint (audit->stale_months, ==, 12);
  g_assert_cmpstr (audit->stale_before, ==, "2024-03-01");

  /* Reading, North: A2 6 + Kim 1 + A3 2 + A4 3, all unbadged; A1's need. */
  c = cell (audit, t->f.reading, "North Alliance");
  g_assert_cmpfloat (c->capacity_days, ==, 12);
  g_assert_cmpfloat (c->badged_days, ==, 0);
  g_assert_cmpfloat (c->unbadged_days, ==, 12);
  g_assert_cmpuint (c->strength_count, ==, 4);
  g_assert_cmpuint (c->need_count, ==, 1);
  g_assert_true (ids_are (c->establishment_ids, 4, t->f.a1, t->f.a2, t->f.a3, t->f.a4));
  g_assert_cmpuint (c->entry_ids->len, ==, 5);

  /* Reading, South: B1 10 (a teaching school hub: badged) + B2 8; B2's own need. */
  c = cell (audit, t->f.reading, "South Alliance");
  g_assert_cmpfloat (c->capacity_days, ==, 18);
  g_assert_cmpfloat (c->badged_days, ==, 10);
  g_assert_cmpfloat (c->unbadged_days, ==, 8);
  g_assert_cmpuint (c->need_count, ==, 1);
  g_assert_true (ids_are (c->establishment_ids, 2, t->f.b1, t->f.b2));

  /* D1 left its cluster in 2020, so its need counts under "No alliance". */
  c = cell (audit, t->f.reading, "No alliance");
  g_assert_cmpfloat (c->capacity_days, ==, 0);
  g_assert_cmpuint (c->need_count, ==, 1);
  g_assert_true (ids_are (c->establishment_ids, 1, t->f.d1));

  /* Maths: Sam's expired LLE leaves his days unbadged; Pat's NLE badges hers; Lee has no
   * school and C1 no cluster. */
  c = cell (audit, t->f.maths, "North Alliance");
  g_assert_cmpfloat (c->capacity_days, ==, 3);
  g_assert_cmpfloat (c->unbadged_days, ==, 3);
  c = cell (audit, t->f.maths, "South Alliance");
  g_assert_cmpfloat (c->capacity_days, ==, 4);
  g_assert_cmpfloat (c->badged_days, ==, 4);
  c = cell (audit, t->f.maths, "No alliance");
  g_assert_cmpfloat (c->capacity_days, ==, 2);
  g_assert_cmpuint (c->need_count, ==, 1);
  g_assert_true (ids_are (c->establishment_ids, 1, t->f.c1));

  c = cell (audit, t->f.phonics, "North Alliance");
  g_assert_cmpfloat (c->capacity_days, ==, 0);
  g_assert_cmpuint (c->need_count, ==, 1);
  c = cell (audit, t->f.early_years, "North Alliance");
  g_assert_cmpfloat (c->capacity_days, ==, 2);
  g_assert_cmpuint (c->need_count, ==, 1);

  /* Totals per area. */
  g_assert_cmpfloat (audit->totals[reading].capacity_days, ==, 30);
  g_assert_cmpfloat (audit->totals[reading].badged_days, ==, 10);
  g_assert_cmpfloat (audit->totals[reading].unbadged_days, ==, 20);
  g_assert_cmpuint (audit->totals[reading].need_count, ==, 3);
  g_assert_cmpfloat (audit->totals[maths].capacity_days, ==, 9);
  g_assert_cmpfloat (audit->totals[maths].badged_days, ==, 4);
  g_assert_cmpfloat (audit->totals[maths].unbadged_days, ==, 5);
  g_assert_cmpuint (audit->totals[maths].need_count, ==, 1);

  /* Every other area is empty everywhere. */
  for (guint i = 0; i < audit->n_areas; i++)
    {
      gint64 id = audit->areas[i].area_id;

      if (id == t->f.reading || id == t->f.maths || id == t->f.phonics || id == t->f.early_years)
        continue;
      g_assert_cmpfloat (audit->totals[i].capacity_days, ==, 0);
      g_assert_cmpuint (audit->totals[i].need_count, ==, 0);
    }
}

static void
test_groups (AuditTest    *t,
             gconstpointer data)
{
  g_autoptr (CvnAudit) board = cvn_audit_compute (t->snapshot, t->f.board, NULL);
  g_autoptr (CvnAudit) north = cvn_audit_compute (t->snapshot, t->f.north, NULL);
  g_autoptr (CvnAudit) cluster = cvn_audit_compute (t->snapshot, t->f.north1, NULL);
  int reading = cvn_audit_find_area (board, t->f.reading);

  /* A board splits into its alliances; its sub-group is not a part of the map. */
  g_assert_cmpuint (board->n_sub_areas, ==, 2);
  g_assert_cmpstr (board->sub_areas[0].name, ==, "North Alliance");
  g_assert_cmpstr (board->sub_areas[1].name, ==, "South Alliance");
  g_assert_cmpfloat (cell (board, t->f.reading, "North Alliance")->capacity_days, ==, 12);
  g_assert_cmpfloat (cell (board, t->f.reading, "South Alliance")->capacity_days, ==, 18);
  /* C1, D1 and Lee are outside the board. */
  g_assert_cmpfloat (board->totals[reading].capacity_days, ==, 30);
  g_assert_cmpuint (board->totals[reading].need_count, ==, 2);
  g_assert_cmpfloat (board->totals[cvn_audit_find_area (board, t->f.maths)].capacity_days, ==, 7);

  /* An alliance splits into its clusters. */
  g_assert_cmpuint (north->n_sub_areas, ==, 2);
  g_assert_cmpstr (north->sub_areas[0].name, ==, "North Cluster 1");
  g_assert_cmpstr (north->sub_areas[1].name, ==, "North Cluster 2");
  g_assert_cmpfloat (cell (north, t->f.reading, "North Cluster 1")->capacity_days, ==, 7);
  g_assert_cmpuint (cell (north, t->f.reading, "North Cluster 1")->need_count, ==, 1);
  g_assert_cmpfloat (cell (north, t->f.reading, "North Cluster 2")->capacity_days, ==, 5);
  g_assert_cmpfloat (cell (north, t->f.maths, "North Cluster 2")->capacity_days, ==, 3);

  /* A cluster splits into its current schools (D1 has left); Kim counts with A2. */
  g_assert_cmpuint (cluster->n_sub_areas, ==, 2);
  g_assert_cmpint (cluster->sub_areas[0].kind, ==, CVN_AUDIT_SUB_AREA_SCHOOL);
  g_assert_cmpstr (cluster->sub_areas[0].name, ==, "A1 Primary");
  g_assert_cmpstr (cluster->sub_areas[1].name, ==, "A2 Primary");
  g_assert_cmpfloat (cell (cluster, t->f.reading, "A1 Primary")->capacity_days, ==, 0);
  g_assert_cmpuint (cell (cluster, t->f.reading, "A1 Primary")->need_count, ==, 1);
  g_assert_cmpfloat (cell (cluster, t->f.reading, "A2 Primary")->capacity_days, ==, 7);
  g_assert_cmpuint (cell (cluster, t->f.early_years, "A2 Primary")->need_count, ==, 1);
}

/* Findings -------------------------------------------------------------------------------- */

typedef struct
{
  CvnAuditFindingKind kind;
  CvnObjectKind       holder_kind;
  gint64              holder_id;
  gint64              area_id;
  gint64              entry_id;
} Expected;

static void
assert_findings (const CvnAudit *audit,
                 const Expected *expected,
                 guint           n)
{
  for (guint i = 0; i < MIN (n, audit->findings->len); i++)
    {
      const CvnAuditFinding *f = &g_array_index (audit->findings, CvnAuditFinding, i);

      g_test_message ("finding %u: %s %" G_GINT64_FORMAT, i,
                      cvn_audit_finding_kind_to_string (f->kind), f->holder_id);
      g_assert_cmpint (f->kind, ==, expected[i].kind);
      g_assert_cmpint (f->holder_kind, ==, expected[i].holder_kind);
      g_assert_cmpint (f->holder_id, ==, expected[i].holder_id);
      g_assert_cmpint (f->area_id, ==, expected[i].area_id);
      g_assert_cmpint (f->entry_id, ==, expected[i].entry_id);
    }
  g_assert_cmpuint (audit->findings->len, ==, n);
}

static void
test_findings (AuditTest    *t,
               gconstpointer data)
{
  const Fixture *f = &t->f;
  g_autoptr (CvnAudit) audit = cvn_audit_compute (t->snapshot, 0, NULL);
  const CvnObjectKind S = CVN_OBJECT_ESTABLISHMENT, P = CVN_OBJECT_PERSON;
  const Expected expected[] = {
    /* Nobody offers phonics; the only early-years offer is Kim's own school's. A1's reading
     * need is met by A2 even though A3, its provider, has given all its days. */
    { CVN_AUDIT_UNMET_NEED, S, f->a2, f->phonics, f->a2_phonics_need },
    { CVN_AUDIT_UNMET_NEED, P, f->kim, f->early_years, f->kim_early_years_need },
    /* Sam offers 3 days of maths and is committed to 5; A3's 2 of 2 is not over. */
    { CVN_AUDIT_OVER_COMMITTED, P, f->sam, f->maths, 0 },
    /* Reviewed before 2024-03-01, or never; A4, reviewed on the day, is not stale. */
    { CVN_AUDIT_STALE, S, f->a2, f->reading, f->a2_reading },
    { CVN_AUDIT_STALE, S, f->c1, f->maths, f->c1_need },
    { CVN_AUDIT_STALE, P, f->sam, f->maths, f->sam_maths },
    { CVN_AUDIT_SELF_DECLARED, S, f->a2, f->reading, f->a2_reading },
    { CVN_AUDIT_SELF_DECLARED, S, f->b2, f->reading, f->b2_need },
    { CVN_AUDIT_SELF_DECLARED, S, f->c1, f->maths, f->c1_need },
    { CVN_AUDIT_SELF_DECLARED, P, f->kim, f->reading, f->kim_reading },
    /* C1 has a risk category and no support; B2's is active; D1 is closed. */
    { CVN_AUDIT_VULNERABLE_UNSUPPORTED, S, f->c1, 0, 0 },
  };
  const CvnAuditFinding *over = &g_array_index (audit->findings, CvnAuditFinding, 2);

  assert_findings (audit, expected, G_N_ELEMENTS (expected));
  g_assert_cmpfloat (over->offered_days, ==, 3);
  g_assert_cmpfloat (over->committed_days, ==, 5);
}

static void
test_findings_in_group (AuditTest    *t,
                        gconstpointer data)
{
  const Fixture *f = &t->f;
  g_autoptr (CvnAudit) audit = cvn_audit_compute (t->snapshot, f->north, NULL);
  const CvnObjectKind S = CVN_OBJECT_ESTABLISHMENT, P = CVN_OBJECT_PERSON;
  const Expected expected[] = {
    { CVN_AUDIT_UNMET_NEED, S, f->a2, f->phonics, f->a2_phonics_need },
    { CVN_AUDIT_UNMET_NEED, P, f->kim, f->early_years, f->kim_early_years_need },
    { CVN_AUDIT_OVER_COMMITTED, P, f->sam, f->maths, 0 },
    { CVN_AUDIT_STALE, S, f->a2, f->reading, f->a2_reading },
    { CVN_AUDIT_STALE, P, f->sam, f->maths, f->sam_maths },
    { CVN_AUDIT_SELF_DECLARED, S, f->a2, f->reading, f->a2_reading },
    { CVN_AUDIT_SELF_DECLARED, P, f->kim, f->reading, f->kim_reading },
  };

  assert_findings (audit, expected, G_N_ELEMENTS (expected));
}

static void
test_stale_months (AuditTest    *t,
                   gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CvnAudit) audit = NULL;
  CvnAuditOptions options;
  guint stale = 0;

  cvn_audit_options_init_from_document (&options, t->doc);
  g_assert_cmpint (options.stale_months, ==, 12);

  g_assert_true (cvn_document_begin_edit (t->doc, "Setting", &error));
  g_assert_true (cvn_document_set_setting (t->doc, CVN_AUDIT_STALE_MONTHS_SETTING, "6", &error));
  g_assert_true (cvn_document_commit_edit (t->doc, &error));
  g_assert_no_error (error);
  cvn_audit_options_init_from_document (&options, t->doc);
  g_assert_cmpint (options.stale_months, ==, 6);

  /* Six months before 2025-03-01: A4 (2024-03-01) and Pat (2024-06-01) join A2, C1, Sam. */
  audit = cvn_audit_compute (t->snapshot, 0, &options);
  g_assert_cmpstr (audit->stale_before, ==, "2024-09-01");
  for (guint i = 0; i < audit->findings->len; i++)
    if (g_array_index (audit->findings, CvnAuditFinding, i).kind == CVN_AUDIT_STALE)
      stale++;
  g_assert_cmpuint (stale, ==, 5);
}

/* Rowids far apart (rows imported with their own ids) take the audit's sparse lookups. */
static void
test_sparse_ids (void)
{
  g_autofree char *path = cvn_test_temp_path ("sparse.convenor");
  g_autoptr (CvnDocument) doc = NULL;
  g_autoptr (CvnSnapshot) snapshot = NULL;
  g_autoptr (CvnAudit) audit = NULL;
  g_autoptr (GError) error = NULL;
  gint64 reading, alliance, cluster;

  doc = cvn_document_create (path, &error);
  g_assert_no_error (error);
  g_assert_true (cvn_directory_seed_areas (doc, &error));
  reading = fixture_area (doc, "reading");
  g_assert_true (cvn_document_begin_edit (doc, "Sparse", &error));
  g_assert_true (cvn_document_exec (doc, "INSERT INTO establishments (id, name) VALUES "
                                         "(7000000, 'Far School'), (3, 'Near School');"
                                         "INSERT INTO people (id, name, establishment_id) VALUES "
                                         "(9000000, 'Far Person', 7000000)", &error));
  g_assert_no_error (error);
  alliance = cvn_test_add_group (doc, "Alliance", "alliance", 2, 0);
  cluster = cvn_test_add_group (doc, "Cluster", "cluster", 1, alliance);
  fixture_member (doc, cluster, 7000000, "", "");
  fixture_entry (doc, CVN_OBJECT_ESTABLISHMENT, 7000000, reading, CVN_DIRECTORY_STRENGTH, 5, "",
                 CVN_QA_SELF_DECLARED, "");
  fixture_entry (doc, CVN_OBJECT_PERSON, 9000000, reading, CVN_DIRECTORY_STRENGTH, 2, "",
                 CVN_QA_SELF_DECLARED, "");
  fixture_entry (doc, CVN_OBJECT_ESTABLISHMENT, 3, reading, CVN_DIRECTORY_NEED, 0, "high",
                 CVN_QA_SELF_DECLARED, "");
  g_assert_true (cvn_document_commit_edit (doc, &error));
  snapshot = cvn_snapshot_load_at (doc, FIXTURE_TODAY, &error);
  g_assert_no_error (error);

  audit = cvn_audit_compute (snapshot, 0, NULL);
  g_assert_cmpfloat (cell (audit, reading, "Alliance")->capacity_days, ==, 7);
  g_assert_cmpuint (cell (audit, reading, "No alliance")->need_count, ==, 1);
  g_assert_true (ids_are (cell (audit, reading, "Alliance")->establishment_ids, 1,
                          (gint64) 7000000));
}

/* The command line ------------------------------------------------------------------------ */

static void
assert_one_line (const char *text,
                 const char *needle)
{
  g_assert_nonnull (strstr (text, needle));
  g_assert_nonnull (strchr (text, '\n'));
  g_assert_cmpuint (strchr (text, '\n') - text, ==, strlen (text) - 1);
}

static void
test_cli_audit (AuditTest    *t,
                gconstpointer data)
{
  const char *path = cvn_document_get_path (t->doc);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out2 = NULL, *err2 = NULL;
  g_autofree char *out3 = NULL, *err3 = NULL;
  g_autofree char *out4 = NULL, *err4 = NULL;
  g_autofree char *out5 = NULL, *err5 = NULL;
  g_autoptr (GString) expected = g_string_new ("area\tNorth Alliance\tSouth Alliance\t"
                                               "No alliance\n");

  for (guint i = 0; cvn_directory_default_areas[i] != NULL; i++)
    {
      const char *name = cvn_directory_default_areas[i];

      if (g_str_equal (name, "reading"))
        g_string_append (expected, "reading\t12/1\t18/1\t0/1\n");
      else if (g_str_equal (name, "phonics"))
        g_string_append (expected, "phonics\t0/1\t0/0\t0/0\n");
      else if (g_str_equal (name, "early years"))
        g_string_append (expected, "early years\t2/1\t0/0\t0/0\n");
      else if (g_str_equal (name, "maths"))
        g_string_append (expected, "maths\t3/0\t4/0\t2/1\n");
      else
        g_string_append_printf (expected, "%s\t0/0\t0/0\t0/0\n", name);
    }

  g_assert_cmpint (cvn_test_run_cli (&out, &err, "audit", path, NULL), ==, 0);
  g_assert_cmpstr (out, ==, expected->str);
  g_assert_cmpstr (err, ==, "");

  g_assert_cmpint (cvn_test_run_cli (&out2, &err2, "audit", path, "--group", "North Alliance",
                                     NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out2, "area\tNorth Cluster 1\tNorth Cluster 2\n"
                                         "reading\t7/1\t5/0\n"
                                         "phonics\t0/1\t0/0\n"
                                         "early years\t2/1\t0/0\n"
                                         "maths\t0/0\t3/0\n"));

  /* The lists come after the matrix; which entries are stale depends on the real today, so
   * only the date-independent findings are checked exactly. */
  g_assert_cmpint (cvn_test_run_cli (&out3, &err3, "audit", path, "--lists", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out3, expected->str));
  g_assert_nonnull (strstr (out3, "\nLIST\tunmet-need\tschool\tA2 Primary\tphonics\thigh\n"));
  g_assert_nonnull (strstr (out3, "\nLIST\tunmet-need\tperson\tKim Adeyemi\tearly years\t\n"));
  g_assert_nonnull (strstr (out3, "\nLIST\tover-committed\tperson\tSam Davies\tmaths\t"
                                  "5 days committed, 3 offered\n"));
  g_assert_nonnull (strstr (out3, "\nLIST\tstale\tperson\tSam Davies\tmaths\tnever reviewed\n"));
  g_assert_nonnull (strstr (out3, "\nLIST\tself-declared\tschool\tB2 Primary\treading\tneed\n"));
  g_assert_nonnull (strstr (out3, "\nLIST\tvulnerable-unsupported\tschool\tC1 Primary\t\t"
                                  "vulnerable\n"));

  g_assert_cmpint (cvn_test_run_cli (&out4, &err4, "audit", path, "--group", "Atlantis", NULL),
                   ==, 1);
  assert_one_line (err4, "Atlantis");
  g_assert_cmpstr (out4, ==, "");

  g_assert_cmpint (cvn_test_run_cli (&out5, &err5, "audit", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out5, "--lists"));
  g_assert_nonnull (strstr (out5, "LIST<TAB>KIND"));
}

static void
test_cli_broker (AuditTest    *t,
                 gconstpointer data)
{
  const char *path = cvn_document_get_path (t->doc);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out2 = NULL, *err2 = NULL;
  g_autofree char *out3 = NULL, *err3 = NULL;
  g_autofree char *out4 = NULL, *err4 = NULL;
  g_autofree char *out5 = NULL, *err5 = NULL;
  g_autofree char *out6 = NULL, *err6 = NULL;

  g_assert_cmpint (cvn_test_run_cli (&out, &err, "broker", path, "--school", "A1 Primary", "--area",
                                     "reading", NULL), ==, 0);
  g_assert_cmpstr (out, ==,
                   "rank\tprovider\tprovider_kind\tremaining_days\tqa_status\tdistance_km\treason\n"
                   "1\tA2 Primary\tschool\t6\tself-declared\t1.0\t"
                   "same cluster, self-declared, 6 days left, 1.0 km\n"
                   "2\tKim Adeyemi\tperson\t1\tself-declared\t1.0\t"
                   "same cluster, self-declared, 1 day left, 1.0 km\n"
                   "3\tA4 Primary\tschool\t3\tpeer-reviewed\t2.0\t"
                   "same alliance, peer-reviewed, 3 days left, 2.0 km, "
                   "same trust: conflict to consider\n"
                   "4\tB1 Primary\tschool\t10\tquality-assured\t10.0\t"
                   "wider area, quality-assured, 10 days left, 10.0 km\n");
  g_assert_cmpstr (err, ==, "");

  /* By URN, and an unknown distance printed as an empty field. */
  g_assert_cmpint (cvn_test_run_cli (&out2, &err2, "broker", path, "--school", "100006", "--area",
                                     "Reading", "--limit", "1", NULL), ==, 0);
  g_assert_cmpstr (out2, ==,
                   "rank\tprovider\tprovider_kind\tremaining_days\tqa_status\tdistance_km\treason\n"
                   "1\tB1 Primary\tschool\t10\tquality-assured\t\t"
                   "same cluster, quality-assured, 10 days left, distance unknown\n");

  g_assert_cmpint (cvn_test_run_cli (&out3, &err3, "broker", path, "--school", "Nowhere School",
                                     "--area", "reading", NULL), ==, 1);
  assert_one_line (err3, "Nowhere School");
  g_assert_cmpint (cvn_test_run_cli (&out4, &err4, "broker", path, "--school", "A1 Primary",
                                     "--area", "knitting", NULL), ==, 1);
  assert_one_line (err4, "knitting");

  /* Recording proposes the support; its days then count against the provider's offer. */
  g_assert_cmpint (cvn_test_run_cli (&out5, &err5, "broker", path, "--school", "A1 Primary",
                                     "--area", "reading", "--record", "1", "--days", "2", NULL),
                   ==, 0);
  g_assert_cmpstr (out5, ==, out);
  g_assert_nonnull (strstr (err5, "A2 Primary"));
  g_assert_cmpint (cvn_test_run_cli (&out6, &err6, "broker", path, "--school", "A1 Primary",
                                     "--area", "reading", "--limit", "1", NULL), ==, 0);
  g_assert_nonnull (strstr (out6, "\n1\tA2 Primary\tschool\t4\t"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cvn/audit/seed", test_seed);
  g_test_add_func ("/cvn/audit/sparse-ids", test_sparse_ids);
#define ADD(path, func) g_test_add (path, AuditTest, NULL, setup, func, teardown)
  ADD ("/cvn/audit/rules", test_rules);
  ADD ("/cvn/audit/whole-document", test_whole_document);
  ADD ("/cvn/audit/groups", test_groups);
  ADD ("/cvn/audit/findings", test_findings);
  ADD ("/cvn/audit/findings-in-group", test_findings_in_group);
  ADD ("/cvn/audit/stale-months", test_stale_months);
  ADD ("/cvn/audit/cli-audit", test_cli_audit);
  ADD ("/cvn/audit/cli-broker", test_cli_broker);
#undef ADD

  return g_test_run ();
}
