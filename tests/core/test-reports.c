/* test-reports.c — the reports as tables (cvn-reports.h), built from the sample borough, and
 * their CSV form read back with the project's own CSV reader.
 *
 * "Today" is pinned to the sample's date, so which memberships are current never drifts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cvn-audit.h"
#include "cvn-checks.h"
#include "cvn-csv.h"
#include "cvn-reports.h"
#include "cvn-sample.h"
#include "cvn-snapshot.h"
#include "test-util.h"

typedef CvnTestDocument Fixture;

static CvnReport *
build (Fixture       *f,
       CvnReportKind  kind,
       gboolean       hide_people)
{
  g_autoptr (GError) error = NULL;
  CvnReportOptions options;
  CvnReport *report;

  cvn_report_options_init (&options);
  options.hide_people = hide_people;
  report = cvn_report_build (f->snapshot, kind, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpint (report->kind, ==, kind);
  g_assert_cmpuint (report->n_columns, >, 0);
  return report;
}

static int
find_column (const CvnReport *report,
             const char      *title)
{
  for (guint i = 0; i < report->n_columns; i++)
    if (g_str_equal (report->columns[i].title, title))
      return (int) i;
  return -1;
}

static const CvnReportSection *
find_section (const CvnReport *report,
              const char      *heading)
{
  for (guint i = 0; i < report->sections->len; i++)
    {
      const CvnReportSection *section = g_ptr_array_index (report->sections, i);

      if (g_strcmp0 (section->heading, heading) == 0)
        return section;
    }
  return NULL;
}

/* TRUE when any cell, heading or detail of @report holds @text. */
static gboolean
report_contains (const CvnReport *report,
                 const char      *text)
{
  for (guint s = 0; s < report->sections->len; s++)
    {
      const CvnReportSection *section = g_ptr_array_index (report->sections, s);

      if ((section->heading != NULL && strstr (section->heading, text) != NULL) ||
          (section->detail != NULL && strstr (section->detail, text) != NULL))
        return TRUE;
      for (guint r = 0; r < section->rows->len; r++)
        {
          char **row = g_ptr_array_index (section->rows, r);

          for (guint c = 0; c < report->n_columns; c++)
            if (strstr (row[c], text) != NULL)
              return TRUE;
        }
    }
  return FALSE;
}

static void
test_kind_names (void)
{
  for (guint i = 0; i < CVN_N_REPORT_KINDS; i++)
    {
      CvnReportKind kind;

      g_assert_true (cvn_report_kind_from_string (cvn_report_kind_to_string (i), &kind));
      g_assert_cmpint (kind, ==, i);
      g_assert_cmpstr (cvn_report_kind_get_title (i), !=, "");
    }
  {
    CvnReportKind kind = CVN_REPORT_AUDIT;

    g_assert_false (cvn_report_kind_from_string ("minutes", &kind));
    g_assert_false (cvn_report_kind_from_string (NULL, &kind));
    g_assert_true (cvn_report_kind_from_string ("Engagements", &kind));
    g_assert_cmpint (kind, ==, CVN_REPORT_ENGAGEMENTS);
  }
}

/* Every group has its section, every membership its row, chairs come first, and people
 * appear with their name and contact details. */
static void
test_membership (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (CvnReport) report = build (f, CVN_REPORT_MEMBERSHIP, FALSE);
  int member = find_column (report, "Member");
  int role = find_column (report, "Role");
  int contact = find_column (report, "Contact");
  int until = find_column (report, "Until");
  const CvnReportSection *board;
  const CvnPerson *someone = NULL;

  g_assert_cmpint (member, ==, 0);
  g_assert_cmpint (role, >=, 0);
  g_assert_cmpint (contact, >=, 0);
  g_assert_cmpint (until, >=, 0);
  g_assert_cmpstr (report->section_title, ==, "Group");
  g_assert_cmpuint (report->sections->len, ==, f->snapshot->groups->len);
  g_assert_cmpuint (cvn_report_get_n_rows (report), ==, f->snapshot->memberships->len);
  for (guint i = 0; i < f->snapshot->groups->len; i++)
    {
      const CvnGroup *group = &g_array_index (f->snapshot->groups, CvnGroup, i);
      const CvnReportSection *section = g_ptr_array_index (report->sections, i);
      g_autoptr (GPtrArray) members = cvn_snapshot_get_members (f->snapshot, group->id, FALSE);

      g_assert_cmpstr (section->heading, ==, group->name);
      g_assert_nonnull (section->detail);
      g_assert_cmpuint (section->rows->len, ==, members->len);
    }

  board = find_section (report, "Kingsmere Schools Partnership Board");
  g_assert_nonnull (board);
  g_assert_cmpuint (board->rows->len, >, 1);
  g_assert_cmpstr (((char **) g_ptr_array_index (board->rows, 0))[role], ==, "Chair");
  g_assert_true (strstr (board->detail, "tier 3") != NULL);

  /* A person appears by name, with their post, and with their e-mail address. */
  for (guint i = 0; i < f->snapshot->people->len && someone == NULL; i++)
    {
      const CvnPerson *person = &g_array_index (f->snapshot->people, CvnPerson, i);
      g_autoptr (GPtrArray) groups = cvn_snapshot_get_memberships_of (f->snapshot,
                                                                      CVN_OBJECT_PERSON,
                                                                      person->id, FALSE);

      if (groups->len > 0 && person->email[0] != '\0')
        someone = person;
    }
  g_assert_nonnull (someone);
  g_assert_true (report_contains (report, someone->name));
  g_assert_true (report_contains (report, someone->email));

  /* Memberships that have ended keep their row, with the date they ended. */
  {
    gboolean found_ended = FALSE;

    for (guint i = 0; i < f->snapshot->memberships->len; i++)
      {
        const CvnMembership *m = &g_array_index (f->snapshot->memberships, CvnMembership, i);

        if (m->until_date[0] != '\0' && strcmp (m->until_date, CVN_SAMPLE_TODAY) < 0)
          {
            g_assert_true (report_contains (report, m->until_date));
            found_ended = TRUE;
          }
      }
    g_assert_true (found_ended);
  }
}

/* With personal data hidden no person's name, e-mail address or telephone number is left,
 * and people appear as their post and establishment. */
static void
test_hide_people (Fixture       *f,
                  gconstpointer  data)
{
  for (guint k = 0; k < CVN_N_REPORT_KINDS; k++)
    {
      g_autoptr (CvnReport) report = build (f, k, TRUE);

      g_assert_true (report->people_hidden);
      for (guint i = 0; i < f->snapshot->people->len; i++)
        {
          const CvnPerson *person = &g_array_index (f->snapshot->people, CvnPerson, i);

          if (report_contains (report, person->name))
            g_error ("report %s shows %s with personal data hidden",
                     cvn_report_kind_to_string (k), person->name);
          g_assert_false (person->email[0] != '\0' && report_contains (report, person->email));
          g_assert_false (person->phone[0] != '\0' && report_contains (report, person->phone));
        }
      g_assert_false (report_contains (report, "@"));
    }

  {
    g_autoptr (CvnReport) report = build (f, CVN_REPORT_MEMBERSHIP, TRUE);
    const CvnPerson *head = NULL;
    const CvnEstablishment *school = NULL;
    g_autofree char *expected = NULL;
    g_autofree char *described = NULL;

    g_assert_cmpint (find_column (report, "Contact"), ==, -1);
    for (guint i = 0; i < f->snapshot->people->len && head == NULL; i++)
      {
        const CvnPerson *person = &g_array_index (f->snapshot->people, CvnPerson, i);
        g_autoptr (GPtrArray) groups = cvn_snapshot_get_memberships_of (f->snapshot,
                                                                        CVN_OBJECT_PERSON,
                                                                        person->id, FALSE);

        if (groups->len > 0 && g_str_equal (person->job_title, "Headteacher") &&
            person->establishment_id > 0)
          head = person;
      }
    g_assert_nonnull (head);
    school = cvn_snapshot_find_establishment (f->snapshot, head->establishment_id);
    expected = g_strdup_printf ("Headteacher, %s", school->name);
    described = cvn_report_describe_person (f->snapshot, head, TRUE);
    g_assert_cmpstr (described, ==, expected);
    g_assert_true (report_contains (report, expected));
  }

  /* Someone with neither post nor school is still not named. */
  {
    CvnPerson nobody = { 0 };
    g_autofree char *described = NULL;

    nobody.name = (char *) "Alex Example";
    nobody.job_title = (char *) "";
    described = cvn_report_describe_person_hidden (f->snapshot, &nobody);
    g_assert_cmpstr (described, ==, "Name withheld");
  }
}

/* The report and the committee-unrepresented check agree partnership by partnership. */
static void
test_representation (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (CvnReport) report = build (f, CVN_REPORT_REPRESENTATION, FALSE);
  g_autoptr (GPtrArray) findings = cvn_checks_run (f->snapshot, NULL);
  g_autoptr (GPtrArray) representation = cvn_reports_get_representation (f->snapshot);
  g_autoptr (GHashTable) unrepresented = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                                g_free, NULL);
  int partnership = find_column (report, "Partnership");
  int represented = find_column (report, "Represented");
  int by = find_column (report, "Represented by");
  const CvnReportSection *primary;
  guint n_no = 0;
  gboolean found = FALSE;

  g_assert_cmpint (partnership, >=, 0);
  g_assert_cmpint (represented, >=, 0);
  g_assert_cmpint (by, >=, 0);

  for (guint i = 0; i < findings->len; i++)
    {
      const CvnFinding *finding = g_ptr_array_index (findings, i);

      if (g_str_equal (finding->code, CVN_CHECK_COMMITTEE_UNREPRESENTED))
        g_hash_table_add (unrepresented, g_strdup (finding->message));
    }
  g_assert_cmpuint (g_hash_table_size (unrepresented), >, 0);

  g_assert_cmpuint (cvn_report_get_n_rows (report), ==, representation->len);
  for (guint s = 0; s < report->sections->len; s++)
    {
      const CvnReportSection *section = g_ptr_array_index (report->sections, s);

      for (guint r = 0; r < section->rows->len; r++)
        {
          char **row = g_ptr_array_index (section->rows, r);
          g_autofree char *message = g_strdup_printf ("%s is not represented on %s",
                                                      row[partnership], section->heading);
          gboolean is_no = g_str_equal (row[represented], "No");

          g_assert_cmpint (is_no, ==, g_hash_table_contains (unrepresented, message));
          n_no += is_no ? 1 : 0;
          if (!is_no)
            g_assert_cmpstr (row[by], !=, "");
        }
    }
  g_assert_cmpuint (n_no, ==, g_hash_table_size (unrepresented));

  /* The sample's deliberate gap. */
  primary = find_section (report, CVN_SAMPLE_PRIMARY_COMMITTEE);
  g_assert_nonnull (primary);
  for (guint r = 0; r < primary->rows->len; r++)
    {
      char **row = g_ptr_array_index (primary->rows, r);

      if (g_str_equal (row[partnership], CVN_SAMPLE_UNREPRESENTED_CLUSTER))
        {
          g_assert_cmpstr (row[represented], ==, "No");
          found = TRUE;
        }
    }
  g_assert_true (found);
}

/* Areas in the document's order; every entry under its area, strengths before needs. */
static void
test_directory (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (CvnReport) report = build (f, CVN_REPORT_DIRECTORY, FALSE);
  int entry = find_column (report, "Entry");
  int days = find_column (report, "Days");

  g_assert_cmpint (entry, >=, 0);
  g_assert_cmpint (days, >=, 0);
  g_assert_true (report->columns[days].flags & CVN_REPORT_COLUMN_NUMERIC);
  g_assert_cmpuint (report->sections->len, ==, f->snapshot->expertise_areas->len);
  g_assert_cmpuint (cvn_report_get_n_rows (report), ==, f->snapshot->directory_entries->len);
  for (guint s = 0; s < report->sections->len; s++)
    {
      const CvnReportSection *section = g_ptr_array_index (report->sections, s);
      const CvnExpertiseArea *area = &g_array_index (f->snapshot->expertise_areas,
                                                     CvnExpertiseArea, s);
      gboolean seen_need = FALSE;

      g_assert_cmpint (g_ascii_strcasecmp (section->heading, area->name), ==, 0);
      for (guint r = 0; r < section->rows->len; r++)
        {
          char **row = g_ptr_array_index (section->rows, r);
          gboolean is_need = g_str_has_prefix (row[entry], "Need");

          g_assert_false (seen_need && !is_need);
          seen_need |= is_need;
          /* Only strengths offer days. */
          g_assert_cmpint (is_need, ==, row[days][0] == '\0');
        }
    }
}

/* The matrix is the audit's: same rows, same columns, same figures. */
static void
test_audit (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (CvnReport) report = build (f, CVN_REPORT_AUDIT, FALSE);
  g_autoptr (CvnAudit) audit = cvn_audit_compute (f->snapshot, 0, NULL);
  const CvnReportSection *section;

  g_assert_cmpuint (report->n_columns, ==, audit->n_sub_areas + 2);
  g_assert_cmpuint (report->sections->len, ==, 1);
  section = g_ptr_array_index (report->sections, 0);
  g_assert_null (section->heading);
  g_assert_cmpuint (section->rows->len, ==, audit->n_areas);
  for (guint j = 0; j < audit->n_sub_areas; j++)
    g_assert_cmpstr (report->columns[j + 1].title, ==, audit->sub_areas[j].name);
  for (guint i = 0; i < audit->n_areas; i++)
    {
      char **row = g_ptr_array_index (section->rows, i);

      g_assert_cmpstr (row[0], ==, audit->areas[i].name);
      for (guint j = 0; j < audit->n_sub_areas; j++)
        {
          const CvnAuditCell *cell = cvn_audit_get_cell (audit, i, j);
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];
          g_autofree char *expected = g_strdup_printf ("%s / %u",
                                                       g_ascii_formatd (buffer, sizeof buffer,
                                                                        "%g",
                                                                        cell->capacity_days),
                                                       cell->need_count);

          g_assert_cmpstr (row[j + 1], ==, expected);
        }
    }

  /* One group's audit, and a group that is not there. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (CvnReport) missing = NULL;
    g_autoptr (CvnReport) alliance = NULL;
    CvnReportOptions options;
    gint64 alliance_id = 0;

    for (guint i = 0; i < f->snapshot->groups->len; i++)
      if (g_array_index (f->snapshot->groups, CvnGroup, i).tier == 2)
        alliance_id = g_array_index (f->snapshot->groups, CvnGroup, i).id;
    cvn_report_options_init (&options);
    options.group_id = alliance_id;
    alliance = cvn_report_build (f->snapshot, CVN_REPORT_AUDIT, &options, &error);
    g_assert_no_error (error);
    g_assert_true (strstr (alliance->note,
                           cvn_snapshot_get_name (f->snapshot, CVN_OBJECT_GROUP,
                                                  alliance_id)) != NULL);

    options.group_id = 999999;
    missing = cvn_report_build (f->snapshot, CVN_REPORT_AUDIT, &options, &error);
    g_assert_null (missing);
    g_assert_error (error, CVN_REPORT_ERROR, CVN_REPORT_ERROR_NO_SUCH_GROUP);
  }
}

/* Every engagement once, by start date; brokers are withheld when people are hidden. */
static void
test_engagements (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (CvnReport) report = build (f, CVN_REPORT_ENGAGEMENTS, FALSE);
  g_autoptr (CvnReport) hidden = build (f, CVN_REPORT_ENGAGEMENTS, TRUE);
  int from = find_column (report, "From");
  int broker = find_column (report, "Broker");
  const CvnReportSection *section = g_ptr_array_index (report->sections, 0);
  const CvnReportSection *hidden_section = g_ptr_array_index (hidden->sections, 0);
  const CvnSupportEngagement *first = &g_array_index (f->snapshot->support_engagements,
                                                      CvnSupportEngagement, 0);

  g_assert_true (report->prefers_landscape);
  g_assert_null (report->section_title);
  g_assert_cmpuint (section->rows->len, ==, f->snapshot->support_engagements->len);
  for (guint r = 1; r < section->rows->len; r++)
    g_assert_cmpint (strcmp (((char **) g_ptr_array_index (section->rows, r - 1))[from],
                             ((char **) g_ptr_array_index (section->rows, r))[from]), <=, 0);

  g_assert_cmpstr (first->broker, !=, "");
  g_assert_true (report_contains (report, first->broker));
  for (guint r = 0; r < hidden_section->rows->len; r++)
    g_assert_cmpstr (((char **) g_ptr_array_index (hidden_section->rows, r))[broker], !=,
                     first->broker);
}

/* The CSV holds a header and one line per row, with the section in the first column, and
 * reads back through the project's own reader field for field. */
static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  for (guint k = 0; k < CVN_N_REPORT_KINDS; k++)
    {
      g_autoptr (CvnReport) report = build (f, k, FALSE);
      g_autofree char *csv = cvn_report_to_csv (report);
      g_autoptr (CvnCsvReader) reader = cvn_csv_reader_new_for_data ("report.csv", csv,
                                                                     strlen (csv));
      g_autoptr (GError) error = NULL;
      gboolean sectioned = report->section_title != NULL;
      guint extra = sectioned ? 1 : 0;
      guint n_rows = 0;

      g_assert_true (cvn_csv_reader_next_row (reader, &error));
      g_assert_cmpuint (cvn_csv_reader_get_n_fields (reader), ==, report->n_columns + extra);
      if (sectioned)
        g_assert_cmpstr (cvn_csv_reader_get_field (reader, 0), ==, report->section_title);
      g_assert_cmpstr (cvn_csv_reader_get_field (reader, extra), ==, report->columns[0].title);

      for (guint s = 0; s < report->sections->len; s++)
        {
          const CvnReportSection *section = g_ptr_array_index (report->sections, s);

          for (guint r = 0; r < section->rows->len; r++)
            {
              char **row = g_ptr_array_index (section->rows, r);

              g_assert_true (cvn_csv_reader_next_row (reader, &error));
              g_assert_no_error (error);
              g_assert_cmpuint (cvn_csv_reader_get_n_fields (reader), ==,
                                report->n_columns + extra);
              if (sectioned)
                g_assert_cmpstr (cvn_csv_reader_get_field (reader, 0), ==, section->heading);
              for (guint c = 0; c < report->n_columns; c++)
                g_assert_cmpstr (cvn_csv_reader_get_field (reader, c + extra), ==, row[c]);
              n_rows++;
            }
        }
      g_assert_false (cvn_csv_reader_next_row (reader, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (n_rows, ==, cvn_report_get_n_rows (report));
    }

  /* Written to a file, and a file that cannot be written names itself. */
  {
    g_autoptr (CvnReport) report = build (f, CVN_REPORT_MEMBERSHIP, FALSE);
    g_autofree char *path = g_build_filename (f->dir, "members.csv", NULL);
    g_autofree char *bad = g_build_filename (f->dir, "no-such-dir", "members.csv", NULL);
    g_autofree char *contents = NULL;
    g_autofree char *expected = cvn_report_to_csv (report);
    g_autoptr (GError) error = NULL;

    g_assert_true (cvn_report_write_csv (report, path, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, expected);
    g_assert_true (g_str_has_prefix (contents, "Group,Member,"));

    g_assert_false (cvn_report_write_csv (report, bad, &error));
    g_assert_nonnull (error);
    g_assert_true (strstr (error->message, "members.csv") != NULL);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, cvn_test_document_set_up_sample, func, \
              cvn_test_document_tear_down)

  g_test_add_func ("/cvn/reports/kind-names", test_kind_names);
  ADD ("/cvn/reports/membership", test_membership);
  ADD ("/cvn/reports/hide-people", test_hide_people);
  ADD ("/cvn/reports/representation", test_representation);
  ADD ("/cvn/reports/directory", test_directory);
  ADD ("/cvn/reports/audit", test_audit);
  ADD ("/cvn/reports/engagements", test_engagements);
  ADD ("/cvn/reports/csv", test_csv);

#undef ADD

  return g_test_run ();
}
