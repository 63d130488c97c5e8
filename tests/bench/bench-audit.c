/* bench-audit.c — how long the capacity audit of a county-sized document takes.
 *
 * Builds, in a temporary folder, a synthetic partnership of 25,000 schools (clusters,
 * alliances, a board, cross-cutting groups: cvn-generate.h) and gives it a directory of
 * 100,000 strengths and needs (four per school, a fifth of them held by heads) and 5,000
 * support engagements. It then loads a snapshot (timed on its own) and audits the whole
 * document seven times, printing each time and the median; the target is a median under
 * 200 ms, excluding the snapshot. It also reports an alliance's audit and a brokerage ranking.
 * With --check the program fails when the audit's median is over the target.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-audit"

#include "config.h"

#include "cvn-audit.h"
#include "cvn-brokerage.h"
#include "cvn-directory.h"
#include "cvn-document.h"
#include "cvn-generate.h"
#include "cvn-snapshot.h"
#include "cvn-store.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#define N_SCHOOLS 25000
#define N_ENTRIES 100000
#define N_ENGAGEMENTS 5000
#define N_RUNS 7
#define TARGET_MS 200.0
#define TODAY "2025-03-01"

static const char * const priorities[] = { "high", "medium", "low" };
static const char * const review_dates[] = { "", "2023-05-01", "2024-02-10", "2024-09-30",
                                             "2025-01-15" };

static GArray *
column_ids (CvnDocument *doc,
            const char  *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = cvn_document_prepare (doc, sql, &error);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  return ids;
}

static void
add_directory (CvnDocument *doc)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) schools = column_ids (doc, "SELECT id FROM establishments ORDER BY id");
  g_autoptr (GArray) people = column_ids (doc, "SELECT id FROM people ORDER BY id");
  g_autoptr (GArray) areas = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (20250301);

  g_assert_true (cvn_directory_seed_areas (doc, &error));
  g_assert_no_error (error);
  areas = column_ids (doc, "SELECT id FROM expertise_areas ORDER BY position");

  g_assert_true (cvn_document_begin_edit (doc, "Directory", &error));
  for (guint i = 0; i < N_ENTRIES; i++)
    {
      CvnDirectoryEntry entry = { 0 };
      gboolean by_person = people->len > 0 && i % 5 == 4;
      GArray *holders = by_person ? people : schools;

      entry.holder_kind = by_person ? CVN_OBJECT_PERSON : CVN_OBJECT_ESTABLISHMENT;
      entry.holder_id = g_array_index (holders, gint64,
                                       g_rand_int_range (rand, 0, (gint32) holders->len));
      entry.area_id = g_array_index (areas, gint64,
                                     g_rand_int_range (rand, 0, (gint32) areas->len));
      entry.kind = g_rand_int_range (rand, 0, 4) == 0 ? CVN_DIRECTORY_NEED
                                                      : CVN_DIRECTORY_STRENGTH;
      entry.capacity_days = entry.kind == CVN_DIRECTORY_STRENGTH ? g_rand_int_range (rand, 1, 11)
                                                                 : 0;
      entry.priority = (char *) (entry.kind == CVN_DIRECTORY_NEED
                                   ? priorities[g_rand_int_range (rand, 0, 3)] : "");
      entry.qa_status = (CvnQaStatus) g_rand_int_range (rand, 0, CVN_N_QA_STATUSES);
      entry.reviewed_on = (char *) review_dates[g_rand_int_range (rand, 0,
                                                                  G_N_ELEMENTS (review_dates))];
      entry.evidence = (char *) "";
      entry.phase = (char *) "";
      entry.notes = (char *) "";
      entry.reviewer = (char *) "";
      g_assert_cmpint (cvn_store_insert_directory_entry (doc, &entry, &error), >, 0);
    }
  for (guint i = 0; i < N_ENGAGEMENTS; i++)
    {
      CvnSupportEngagement engagement = { 0 };

      engagement.provider_kind = CVN_OBJECT_ESTABLISHMENT;
      engagement.provider_id = g_array_index (schools, gint64, (i * 7) % schools->len);
      engagement.recipient_id = g_array_index (schools, gint64, (i * 7 + 3) % schools->len);
      engagement.area_id = g_array_index (areas, gint64, i % areas->len);
      engagement.days = g_rand_int_range (rand, 1, 8);
      engagement.status = (CvnEngagementStatus) g_rand_int_range (rand, 0,
                                                                  CVN_N_ENGAGEMENT_STATUSES);
      g_assert_cmpint (cvn_store_insert_support_engagement (doc, &engagement, &error), >, 0);
    }
  g_assert_true (cvn_document_commit_edit (doc, &error));
  g_assert_no_error (error);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *times,
        int     n)
{
  qsort (times, (size_t) n, sizeof times[0], compare_doubles);
  return times[n / 2];
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-audit-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr (CvnDocument) doc = NULL;
  g_autoptr (CvnSnapshot) snapshot = NULL;
  gboolean check = argc > 1 && g_str_equal (argv[1], "--check");
  double load_times[3], audit_times[N_RUNS], group_times[N_RUNS], broker_times[N_RUNS];
  double audit_median;
  gint64 start, alliance = 0, recipient, area;
  guint n_findings = 0, n_candidates = 0;

  g_assert_no_error (error);
  path = g_build_filename (dir, "county.convenor", NULL);

  start = g_get_monotonic_time ();
  doc = cvn_generate_create (path, N_SCHOOLS, 1, &error);
  g_assert_no_error (error);
  add_directory (doc);
  printf ("# %d schools, %d directory entries, %d engagements; built in %.1f s\n", N_SCHOOLS,
          N_ENTRIES, N_ENGAGEMENTS, elapsed_ms (start) / 1000.0);

  for (int run = 0; run < 3; run++)
    {
      g_clear_pointer (&snapshot, cvn_snapshot_free);
      start = g_get_monotonic_time ();
      snapshot = cvn_snapshot_load_at (doc, TODAY, &error);
      load_times[run] = elapsed_ms (start);
      g_assert_no_error (error);
    }
  printf ("# %u establishments, %u people, %u groups, %u memberships in the snapshot\n",
          snapshot->establishments->len, snapshot->people->len, snapshot->groups->len,
          snapshot->memberships->len);
  printf ("snapshot load: median %.1f ms of 3\n", median (load_times, 3));

  for (int run = 0; run < N_RUNS; run++)
    {
      g_autoptr (CvnAudit) audit = NULL;

      start = g_get_monotonic_time ();
      audit = cvn_audit_compute (snapshot, 0, NULL);
      audit_times[run] = elapsed_ms (start);
      n_findings = audit->findings->len;
      printf ("whole-document audit run %d: %.1f ms (%u × %u cells, %u findings)\n", run + 1,
              audit_times[run], audit->n_areas, audit->n_sub_areas, n_findings);
    }

  for (guint i = 0; i < snapshot->groups->len && alliance == 0; i++)
    if (g_array_index (snapshot->groups, CvnGroup, i).tier == 2)
      alliance = g_array_index (snapshot->groups, CvnGroup, i).id;
  for (int run = 0; run < N_RUNS; run++)
    {
      g_autoptr (CvnAudit) audit = NULL;

      start = g_get_monotonic_time ();
      audit = alliance > 0 ? cvn_audit_compute (snapshot, alliance, NULL) : NULL;
      group_times[run] = elapsed_ms (start);
    }

  recipient = g_array_index (snapshot->establishments, CvnEstablishment,
                             snapshot->establishments->len / 2).id;
  area = g_array_index (snapshot->expertise_areas, CvnExpertiseArea, 3).id;
  for (int run = 0; run < N_RUNS; run++)
    {
      g_autoptr (GPtrArray) candidates = NULL;

      start = g_get_monotonic_time ();
      candidates = cvn_brokerage_rank (snapshot, 0, recipient, area, NULL, &error);
      broker_times[run] = elapsed_ms (start);
      g_assert_no_error (error);
      n_candidates = candidates->len;
    }

  audit_median = median (audit_times, N_RUNS);
  printf ("alliance audit: median %.1f ms of %d\n", median (group_times, N_RUNS), N_RUNS);
  printf ("brokerage ranking: median %.1f ms of %d (%u candidates)\n",
          median (broker_times, N_RUNS), N_RUNS, n_candidates);
  printf ("median: %.1f ms whole-document audit, excluding the snapshot (target %.0f ms)\n",
          audit_median, TARGET_MS);

  g_clear_pointer (&snapshot, cvn_snapshot_free);
  g_clear_object (&doc);
  {
    const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

        g_remove (file);
      }
  }
  g_rmdir (dir);

  if (check && audit_median > TARGET_MS)
    {
      fprintf (stderr, "bench-audit: the median %.1f ms is over the target of %.0f ms\n",
               audit_median, TARGET_MS);
      return 1;
    }
  return 0;
}
