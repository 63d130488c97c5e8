/* cvn-cli-broker.c — convenor-cli broker FILE --school NAME-OR-URN --area AREA
 *
 * Prints the ranked candidates to support a school in an expertise area as tab-separated
 * values, with a header row:
 * "rank<TAB>provider<TAB>provider_kind<TAB>remaining_days<TAB>qa_status<TAB>distance_km<TAB>reason".
 * remaining_days is printed like %g, distance_km with one decimal (empty when unknown).
 *
 * With --record RANK --days D, the candidate of that rank is also recorded as proposed support
 * (one undoable edit, "Broker support for SCHOOL"), and a confirmation goes to stderr so the
 * table on stdout stays the same.
 *
 * Exit status: 0 on success (also when there is no candidate); 1 for a file that cannot be
 * read or a school or area that is not there; 2 for a usage error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "convenor-cli"

#include "config.h"

#include "cvn-cli.h"
#include "cvn-brokerage.h"
#include "cvn-snapshot.h"

#include <glib/gi18n.h>
#include <stdio.h>

static void
print_field (const char *text)
{
  g_autofree char *field = g_strdup (text != NULL ? text : "");

  g_strdelimit (field, "\t\r\n", ' ');
  fputs (field, stdout);
}

/* A school by URN (all digits), then exact name, then name without regard to case. */
static const CvnEstablishment *
find_school (CvnSnapshot *snapshot,
             const char  *name_or_urn)
{
  guint64 urn;

  if (g_ascii_string_to_unsigned (name_or_urn, 10, 1, G_MAXINT64, &urn, NULL))
    {
      const CvnEstablishment *school = cvn_snapshot_find_establishment_by_urn (snapshot,
                                                                               (gint64) urn);

      if (school != NULL)
        return school;
    }
  for (int pass = 0; pass < 2; pass++)
    {
      const CvnEstablishment *found = NULL;
      guint n = 0;

      for (guint i = 0; i < snapshot->establishments->len; i++)
        {
          const CvnEstablishment *school = &g_array_index (snapshot->establishments,
                                                           CvnEstablishment, i);

          if (pass == 0 ? g_str_equal (school->name, name_or_urn)
                        : g_ascii_strcasecmp (school->name, name_or_urn) == 0)
            {
              found = school;
              n++;
            }
        }
      if (n == 1)
        return found;
      if (n > 1)
        {
          cvn_cli_fail (_("broker: several schools are called “%s”; give the URN"), name_or_urn);
          return NULL;
        }
    }
  cvn_cli_fail (_("broker: there is no school “%s”"), name_or_urn);
  return NULL;
}

static const CvnExpertiseArea *
find_area (CvnSnapshot *snapshot,
           const char  *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (guint i = 0; i < snapshot->expertise_areas->len; i++)
    {
      const CvnExpertiseArea *area = &g_array_index (snapshot->expertise_areas,
                                                     CvnExpertiseArea, i);

      if (g_str_equal (area->name, name))
        return area;
    }
  for (guint i = 0; i < snapshot->expertise_areas->len; i++)
    {
      const CvnExpertiseArea *area = &g_array_index (snapshot->expertise_areas,
                                                     CvnExpertiseArea, i);
      g_autofree char *area_folded = g_utf8_casefold (area->name, -1);

      if (g_str_equal (area_folded, folded))
        return area;
    }
  cvn_cli_fail (_("broker: there is no expertise area “%s”"), name);
  return NULL;
}

int
cvn_cli_broker (int    argc,
                char **argv)
{
  g_autoptr (CvnDocument) doc = NULL;
  g_autoptr (CvnSnapshot) snapshot = NULL;
  g_autoptr (GPtrArray) candidates = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *school_name = NULL;
  g_autofree char *area_name = NULL;
  g_autofree char *broker = NULL;
  g_autofree char *start_date = NULL;
  g_autofree char *end_date = NULL;
  g_autofree char *criteria = NULL;
  const CvnEstablishment *school;
  const CvnExpertiseArea *area;
  CvnBrokerageOptions options = { 0 };
  int limit = 0, record = 0;
  double days = 0;
  GOptionEntry entries[] = {
    { "school", 0, 0, G_OPTION_ARG_STRING, &school_name,
      N_("The school needing support, by name or URN"), N_("NAME-OR-URN") },
    { "area", 0, 0, G_OPTION_ARG_STRING, &area_name,
      N_("The expertise area of the need"), N_("AREA") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit,
      N_("Print at most N candidates"), N_("N") },
    { "record", 0, 0, G_OPTION_ARG_INT, &record,
      N_("Record the candidate of this rank as proposed support (needs --days)"), N_("RANK") },
    { "days", 0, 0, G_OPTION_ARG_DOUBLE, &days,
      N_("Days of support to record"), N_("D") },
    { "broker", 0, 0, G_OPTION_ARG_STRING, &broker,
      N_("Who brokered the support"), N_("NAME") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start_date,
      N_("First day of the support"), N_("YYYY-MM-DD") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end_date,
      N_("Last day of the support"), N_("YYYY-MM-DD") },
    { "criteria", 0, 0, G_OPTION_ARG_STRING, &criteria,
      N_("Success criteria of the support"), N_("TEXT") },
    { NULL }
  };

  if (!cvn_cli_parse ("broker", "FILE --school NAME-OR-URN --area AREA", entries, &argc, &argv))
    return 2;
  if (argc != 2)
    return cvn_cli_fail (_("broker: expected one document, FILE")) + 1;
  if (school_name == NULL || area_name == NULL)
    return cvn_cli_fail (_("broker: --school and --area are both needed")) + 1;
  if (limit < 0 || record < 0)
    return cvn_cli_fail (_("broker: --limit and --record take a positive number")) + 1;
  if (record > 0 && !(days > 0))
    return cvn_cli_fail (_("broker: --record needs --days with a positive number of days")) + 1;

  doc = cvn_cli_open (argv[1]);
  if (doc == NULL)
    return 1;
  snapshot = cvn_snapshot_load (doc, &error);
  if (snapshot == NULL)
    return cvn_cli_fail ("%s", error->message);
  school = find_school (snapshot, school_name);
  if (school == NULL)
    return 1;
  area = find_area (snapshot, area_name);
  if (area == NULL)
    return 1;

  options.max_candidates = (guint) limit;
  candidates = cvn_brokerage_rank (snapshot, 0, school->id, area->id, &options, &error);
  if (candidates == NULL)
    return cvn_cli_fail ("%s: %s", argv[1], error->message);

  puts ("rank\tprovider\tprovider_kind\tremaining_days\tqa_status\tdistance_km\treason");
  for (guint i = 0; i < candidates->len; i++)
    {
      const CvnBrokerageCandidate *candidate = g_ptr_array_index (candidates, i);
      char remaining[G_ASCII_DTOSTR_BUF_SIZE];
      char distance[G_ASCII_DTOSTR_BUF_SIZE] = "";

      g_ascii_formatd (remaining, sizeof remaining, "%g", candidate->remaining_days);
      if (candidate->distance_km >= 0)
        g_ascii_formatd (distance, sizeof distance, "%.1f", candidate->distance_km);
      printf ("%u\t", candidate->rank);
      print_field (candidate->provider_name);
      printf ("\t%s\t%s\t%s\t%s\t", cvn_object_kind_to_string (candidate->provider_kind),
              remaining, cvn_qa_status_to_string (candidate->qa_status), distance);
      print_field (candidate->reason);
      putchar ('\n');
    }
  if (fflush (stdout) != 0)
    return cvn_cli_fail (_("broker: could not write the candidates"));

  if (record > 0)
    {
      const CvnBrokerageCandidate *candidate;
      gint64 id;

      if ((guint) record > candidates->len)
        return cvn_cli_fail (_("broker: there is no candidate of rank %d"), record);
      candidate = g_ptr_array_index (candidates, record - 1);
      id = cvn_brokerage_record (doc, candidate, 0, days, broker, start_date, end_date, criteria,
                                 &error);
      if (id == 0)
        return cvn_cli_fail ("%s: %s", argv[1], error->message);
      {
        g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

        fprintf (stderr, _("convenor-cli: recorded %s supporting %s as proposed support %s\n"),
                 candidate->provider_name, school->name, number);
      }
    }
  return 0;
}
