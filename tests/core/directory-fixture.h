/* directory-fixture.h — a small borough built for the audit, brokerage and directory tests.
 *
 * Included by test-audit.c, test-brokerage.c and test-directory-csv.c, each its own binary.
 * Every figure the tests check follows from the table below, so a reader can work each
 * expected number out by hand. "Today" is pinned at FIXTURE_TODAY; with the default 12
 * months, reviews before 2024-03-01 are stale.
 *
 *   Borough Board (tier 3)
 *   ├── North Alliance (tier 2) ── North Cluster 1: A1, A2 (D1 left in 2020)
 *   │                          └── North Cluster 2: A3, A4
 *   ├── South Alliance (tier 2) ── South Cluster:   B1, B2
 *   └── Inclusion Sub-group (tier 3, a sub-group, not an area)
 *   Maths Hub Group (cross-cutting): A1, B1.   C1 and D1 are in no cluster.
 *
 *   A1 and A4 are in Oak Trust. C1 (open) and B2 have a risk category; D1 is closed.
 *   People: Kim (at A2), Pat (at B1, NLE since 2020), Sam (at A3, LLE ended 2019), Lee (no
 *   school). B1 is a teaching school hub.
 *
 *   entry            area         kind      days  QA               reviewed
 *   A2               reading      strength  6     self-declared    2024-01-10 (stale)
 *   Kim              reading      strength  1     self-declared    2025-01-01
 *   A3               reading      strength  2     quality-assured  2025-02-01 (2 committed)
 *   A4               reading      strength  3     peer-reviewed    2024-03-01
 *   B1               reading      strength  10    quality-assured  2025-01-01 (badged)
 *   B2               reading      strength  8     peer-reviewed    2024-12-01
 *   B2               reading      need            self-declared    2024-12-01
 *   A1               reading      need (high)     peer-reviewed    2025-01-15
 *   Pat              maths        strength  4     peer-reviewed    2024-06-01 (badged)
 *   Sam              maths        strength  3     peer-reviewed    never      (5 committed)
 *   C1               maths        need (high)     self-declared    never
 *   Lee              maths        strength  2     quality-assured  2025-01-01
 *   D1               reading      need (low)      quality-assured  2025-01-01
 *   A2               phonics      need (high)     quality-assured  2025-01-01 (no provider)
 *   A2               early years  strength  2     quality-assured  2025-01-01
 *   Kim              early years  need            quality-assured  2025-01-01 (only A2 offers)
 *
 *   engagements: A3 → A1 reading 2 days agreed; Sam → B2 maths 5 days active;
 *                A2 → A1 reading 1 day completed (no longer holds days).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cvn-directory.h"
#include "cvn-document.h"
#include "cvn-store.h"
#include "test-util.h"

#include <glib/gstdio.h>
#include <string.h>

#define FIXTURE_TODAY "2025-03-01"

typedef struct
{
  gint64 board, north, south, sub_group, north1, north2, south1, maths_hub;
  gint64 a1, a2, a3, a4, b1, b2, c1, d1;
  gint64 kim, pat, sam, lee;
  gint64 reading, maths, phonics, early_years;
  gint64 nle, lle, tsh;
  /* Entry ids, named after the table above. */
  gint64 a2_reading, kim_reading, a3_reading, a4_reading, b1_reading, b2_reading, b2_need;
  gint64 a1_need, pat_maths, sam_maths, c1_need, lee_maths, d1_need, a2_phonics_need;
  gint64 a2_early_years, kim_early_years_need;
} Fixture;

static gint64
fixture_school (CvnDocument *doc,
                const char  *name,
                gint64       urn,
                double       easting,
                double       northing,
                const char  *trust,
                const char  *risk,
                gboolean     is_open)
{
  CvnEstablishment school;
  g_autoptr (GError) error = NULL;
  gint64 id;

  cvn_establishment_init (&school);
  g_free (school.name);
  school.name = g_strdup (name);
  school.urn = urn;
  school.has_location = easting > 0;
  school.easting = easting;
  school.northing = northing;
  g_free (school.trust);
  school.trust = g_strdup (trust);
  g_free (school.risk_category);
  school.risk_category = g_strdup (risk);
  g_free (school.phase);
  school.phase = g_strdup ("primary");
  school.is_open = is_open;
  id = cvn_store_insert_establishment (doc, &school, &error);
  g_assert_no_error (error);
  cvn_establishment_clear (&school);
  return id;
}

static gint64
fixture_person (CvnDocument *doc,
                const char  *name,
                gint64       school)
{
  CvnPerson person = { 0 };
  g_autoptr (GError) error = NULL;
  gint64 id;

  person.name = (char *) name;
  person.job_title = (char *) "";
  person.email = (char *) "";
  person.phone = (char *) "";
  person.colour = (char *) "";
  person.establishment_id = school;
  id = cvn_store_insert_person (doc, &person, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_member (CvnDocument *doc,
                gint64       group,
                gint64       school,
                const char  *from,
                const char  *until)
{
  cvn_test_add_membership (doc, group, CVN_OBJECT_ESTABLISHMENT, school, CVN_ROLE_MEMBER, from,
                           until);
}

/* The id of the row that @sql, a query with one parameter, finds for @key. */
static gint64
fixture_find_id (CvnDocument *doc,
                 const char  *sql,
                 const char  *key)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GError) error = NULL;

  stmt = cvn_document_prepare (doc, sql, &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static gint64
fixture_designation_type (CvnDocument *doc,
                          const char  *code)
{
  return fixture_find_id (doc, "SELECT id FROM designation_types WHERE code = ?1", code);
}

static gint64
fixture_area (CvnDocument *doc,
              const char  *name)
{
  return fixture_find_id (doc, "SELECT id FROM expertise_areas WHERE name = ?1", name);
}

static void
fixture_designation (CvnDocument *doc,
                     gint64       type,
                     gint64       person,
                     gint64       school,
                     const char  *from,
                     const char  *until)
{
  CvnDesignation designation = { 0 };
  g_autoptr (GError) error = NULL;

  designation.type_id = type;
  designation.person_id = person;
  designation.establishment_id = school;
  designation.from_date = (char *) from;
  designation.until_date = (char *) until;
  cvn_store_insert_designation (doc, &designation, &error);
  g_assert_no_error (error);
}

static gint64
fixture_entry (CvnDocument     *doc,
               CvnObjectKind    holder_kind,
               gint64           holder,
               gint64           area,
               CvnDirectoryKind kind,
               double           days,
               const char      *priority,
               CvnQaStatus      qa,
               const char      *reviewed_on)
{
  CvnDirectoryEntry entry = { 0 };
  g_autoptr (GError) error = NULL;
  gint64 id;

  entry.holder_kind = holder_kind;
  entry.holder_id = holder;
  entry.area_id = area;
  entry.kind = kind;
  entry.capacity_days = days;
  entry.priority = (char *) priority;
  entry.qa_status = qa;
  entry.reviewed_on = (char *) reviewed_on;
  entry.reviewer = (char *) (reviewed_on[0] != '\0' ? "Borough QA panel" : "");
  entry.evidence = (char *) (kind == CVN_DIRECTORY_STRENGTH ? "Outcomes, \"good\" practice" : "");
  entry.phase = (char *) "";
  entry.notes = (char *) "";
  id = cvn_store_insert_directory_entry (doc, &entry, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_engagement (CvnDocument        *doc,
                    CvnObjectKind       provider_kind,
                    gint64              provider,
                    gint64              recipient,
                    gint64              area,
                    double              days,
                    CvnEngagementStatus status)
{
  CvnSupportEngagement engagement = { 0 };
  g_autoptr (GError) error = NULL;

  engagement.provider_kind = provider_kind;
  engagement.provider_id = provider;
  engagement.recipient_id = recipient;
  engagement.area_id = area;
  engagement.days = days;
  engagement.status = status;
  cvn_store_insert_support_engagement (doc, &engagement, &error);
  g_assert_no_error (error);
}

/* Builds the borough into the empty @doc; with @with_entries FALSE, only the structure,
 * people, areas and designations (the directory spreadsheet tests import the rest). */
static G_GNUC_UNUSED void
fixture_build (CvnDocument *doc,
               Fixture     *f,
               gboolean     with_entries)
{
  g_autoptr (GError) error = NULL;
  const CvnObjectKind S = CVN_OBJECT_ESTABLISHMENT, P = CVN_OBJECT_PERSON;
  const CvnDirectoryKind STRENGTH = CVN_DIRECTORY_STRENGTH, NEED = CVN_DIRECTORY_NEED;

  memset (f, 0, sizeof *f);
  g_assert_true (cvn_directory_seed_areas (doc, &error));
  g_assert_no_error (error);
  g_assert_true (cvn_directory_seed_designation_types (doc, &error));
  g_assert_no_error (error);

  g_assert_true (cvn_document_begin_edit (doc, "Build the fixture", &error));
  f->board = cvn_test_add_group (doc, "Borough Board", "board", 3, 0);
  f->north = cvn_test_add_group (doc, "North Alliance", "alliance", 2, f->board);
  f->south = cvn_test_add_group (doc, "South Alliance", "alliance", 2, f->board);
  f->sub_group = cvn_test_add_group (doc, "Inclusion Sub-group", "sub-group", 3, f->board);
  f->north1 = cvn_test_add_group (doc, "North Cluster 1", "cluster", 1, f->north);
  f->north2 = cvn_test_add_group (doc, "North Cluster 2", "cluster", 1, f->north);
  f->south1 = cvn_test_add_group (doc, "South Cluster", "cluster", 1, f->south);
  f->maths_hub = cvn_test_add_group (doc, "Maths Hub Group", "hub", 0, 0);

  f->a1 = fixture_school (doc, "A1 Primary", 100001, 400000, 300000, "Oak Trust", "", TRUE);
  f->a2 = fixture_school (doc, "A2 Primary", 100002, 401000, 300000, "", "", TRUE);
  f->a3 = fixture_school (doc, "A3 Primary", 100003, 400000, 302000, "", "", TRUE);
  f->a4 = fixture_school (doc, "A4 Primary", 100004, 402000, 300000, "Oak Trust", "", TRUE);
  f->b1 = fixture_school (doc, "B1 Primary", 100005, 410000, 300000, "", "", TRUE);
  f->b2 = fixture_school (doc, "B2 Primary", 100006, 0, 0, "", "category 3", TRUE);
  f->c1 = fixture_school (doc, "C1 Primary", 100007, 420000, 300000, "", "vulnerable", TRUE);
  f->d1 = fixture_school (doc, "D1 Primary", 0, 400500, 300000, "", "closed risk", FALSE);

  fixture_member (doc, f->north1, f->a1, "", "");
  fixture_member (doc, f->north1, f->a2, "2019-09-01", "");
  fixture_member (doc, f->north1, f->d1, "2015-09-01", "2020-07-31");
  fixture_member (doc, f->north2, f->a3, "", "");
  fixture_member (doc, f->north2, f->a4, "", "");
  fixture_member (doc, f->south1, f->b1, "", "");
  fixture_member (doc, f->south1, f->b2, "", "");
  fixture_member (doc, f->maths_hub, f->a1, "", "");
  fixture_member (doc, f->maths_hub, f->b1, "", "");

  f->kim = fixture_person (doc, "Kim Adeyemi", f->a2);
  f->lee = fixture_person (doc, "Lee Brown", 0);
  f->pat = fixture_person (doc, "Pat Carter", f->b1);
  f->sam = fixture_person (doc, "Sam Davies", f->a3);

  f->nle = fixture_designation_type (doc, "NLE");
  f->lle = fixture_designation_type (doc, "LLE");
  f->tsh = fixture_designation_type (doc, "TSH");
  fixture_designation (doc, f->nle, f->pat, 0, "2020-09-01", "");
  fixture_designation (doc, f->lle, f->sam, 0, "2015-09-01", "2019-08-31");
  fixture_designation (doc, f->tsh, 0, f->b1, "2021-09-01", "");

  f->reading = fixture_area (doc, "reading");
  f->maths = fixture_area (doc, "maths");
  f->phonics = fixture_area (doc, "phonics");
  f->early_years = fixture_area (doc, "early years");

  if (with_entries)
    {
      f->a2_reading = fixture_entry (doc, S, f->a2, f->reading, STRENGTH, 6, "",
                                     CVN_QA_SELF_DECLARED, "2024-01-10");
      f->kim_reading = fixture_entry (doc, P, f->kim, f->reading, STRENGTH, 1, "",
                                      CVN_QA_SELF_DECLARED, "2025-01-01");
      f->a3_reading = fixture_entry (doc, S, f->a3, f->reading, STRENGTH, 2, "",
                                     CVN_QA_QUALITY_ASSURED, "2025-02-01");
      f->a4_reading = fixture_entry (doc, S, f->a4, f->reading, STRENGTH, 3, "",
                                     CVN_QA_PEER_REVIEWED, "2024-03-01");
      f->b1_reading = fixture_entry (doc, S, f->b1, f->reading, STRENGTH, 10, "",
                                     CVN_QA_QUALITY_ASSURED, "2025-01-01");
      f->b2_reading = fixture_entry (doc, S, f->b2, f->reading, STRENGTH, 8, "",
                                     CVN_QA_PEER_REVIEWED, "2024-12-01");
      f->b2_need = fixture_entry (doc, S, f->b2, f->reading, NEED, 0, "medium",
                                  CVN_QA_SELF_DECLARED, "2024-12-01");
      f->a1_need = fixture_entry (doc, S, f->a1, f->reading, NEED, 0, "high",
                                  CVN_QA_PEER_REVIEWED, "2025-01-15");
      f->pat_maths = fixture_entry (doc, P, f->pat, f->maths, STRENGTH, 4, "",
                                    CVN_QA_PEER_REVIEWED, "2024-06-01");
      f->sam_maths = fixture_entry (doc, P, f->sam, f->maths, STRENGTH, 3, "",
                                    CVN_QA_PEER_REVIEWED, "");
      f->c1_need = fixture_entry (doc, S, f->c1, f->maths, NEED, 0, "high",
                                  CVN_QA_SELF_DECLARED, "");
      f->lee_maths = fixture_entry (doc, P, f->lee, f->maths, STRENGTH, 2, "",
                                    CVN_QA_QUALITY_ASSURED, "2025-01-01");
      f->d1_need = fixture_entry (doc, S, f->d1, f->reading, NEED, 0, "low",
                                  CVN_QA_QUALITY_ASSURED, "2025-01-01");
      f->a2_phonics_need = fixture_entry (doc, S, f->a2, f->phonics, NEED, 0, "high",
                                          CVN_QA_QUALITY_ASSURED, "2025-01-01");
      f->a2_early_years = fixture_entry (doc, S, f->a2, f->early_years, STRENGTH, 2, "",
                                         CVN_QA_QUALITY_ASSURED, "2025-01-01");
      f->kim_early_years_need = fixture_entry (doc, P, f->kim, f->early_years, NEED, 0, "",
                                               CVN_QA_QUALITY_ASSURED, "2025-01-01");

      fixture_engagement (doc, S, f->a3, f->a1, f->reading, 2, CVN_ENGAGEMENT_AGREED);
      fixture_engagement (doc, P, f->sam, f->b2, f->maths, 5, CVN_ENGAGEMENT_ACTIVE);
      fixture_engagement (doc, S, f->a2, f->a1, f->reading, 1, CVN_ENGAGEMENT_COMPLETED);
    }
  g_assert_true (cvn_document_commit_edit (doc, &error));
  g_assert_no_error (error);
}

/* A new document in the test's temporary directory. */
static G_GNUC_UNUSED CvnDocument *
fixture_create (const char *name,
                Fixture    *f,
                gboolean    with_entries)
{
  CvnDocument *doc = cvn_test_new_document (name);

  fixture_build (doc, f, with_entries);
  return doc;
}
