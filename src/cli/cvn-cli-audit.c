/* cvn-cli-audit.c — convenor-cli audit FILE [--group NAME] [--lists] [--stale-months N]
 *
 * Prints the capacity-against-need matrix as tab-separated values: a header row "area"
 * followed by one column per sub-area (for the whole document the tier-2 alliances and
 * "No alliance"; for a board its alliances; for an alliance its clusters; for a cluster its
 * schools), then one row per expertise area whose cells read CAPACITY/NEEDS, the days offered
 * (printed like %g) and the number of needs. Nothing else goes to stdout unless --lists asks
 * for the findings, which follow the matrix as
 * "LIST<TAB>KIND<TAB>HOLDER-KIND<TAB>HOLDER<TAB>AREA<TAB>DETAIL" lines.
 *
 * Exit status: 0 on success; 1 for a file that cannot be read or a group that is not there;
 * 2 for a usage error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "convenor-cli"

#include "config.h"

#include "cvn-cli.h"
#include "cvn-audit.h"
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

static char *
format_days (double days)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%g", days));
}

/* Finds a group by its exact name, then without regard to case; reports a missing or
 * ambiguous name and returns 0. */
static gint64
find_group (CvnSnapshot *snapshot,
            const char  *name)
{
  for (int pass = 0; pass < 2; pass++)
    {
      gint64 found = 0;
      guint n = 0;

      for (guint i = 0; i < snapshot->groups->len; i++)
        {
          const CvnGroup *group = &g_array_index (snapshot->groups, CvnGroup, i);
          gboolean match = pass == 0 ? g_str_equal (group->name, name)
                                     : g_utf8_collate (group->name, name) == 0 ||
                                       g_ascii_strcasecmp (group->name, name) == 0;

          if (match)
            {
              found = group->id;
              n++;
            }
        }
      if (n == 1)
        return found;
      if (n > 1)
        {
          cvn_cli_fail (_("audit: several groups are called “%s”"), name);
          return 0;
        }
    }
  cvn_cli_fail (_("audit: there is no group called “%s”"), name);
  return 0;
}

static void
print_finding (CvnSnapshot           *snapshot,
               GHashTable            *entries_by_id,
               const CvnAuditFinding *finding)
{
  const CvnExpertiseArea *area = cvn_snapshot_find_expertise_area (snapshot, finding->area_id);
  const CvnDirectoryEntry *entry = g_hash_table_lookup (entries_by_id,
                                                        GSIZE_TO_POINTER (finding->entry_id));
  g_autofree char *detail = NULL;

  switch (finding->kind)
    {
    case CVN_AUDIT_UNMET_NEED:
      detail = g_strdup (entry != NULL ? entry->priority : "");
      break;
    case CVN_AUDIT_OVER_COMMITTED:
      {
        g_autofree char *committed = format_days (finding->committed_days);
        g_autofree char *offered = format_days (finding->offered_days);

        detail = g_strdup_printf (_("%s days committed, %s offered"), committed, offered);
      }
      break;
    case CVN_AUDIT_STALE:
      detail = g_strdup (entry != NULL && entry->reviewed_on[0] != '\0' ? entry->reviewed_on
                                                                        : _("never reviewed"));
      break;
    case CVN_AUDIT_SELF_DECLARED:
      detail = g_strdup (entry != NULL && entry->kind == CVN_DIRECTORY_NEED ? "need"
                                                                             : "strength");
      break;
    case CVN_AUDIT_VULNERABLE_UNSUPPORTED:
      {
        const CvnEstablishment *school = cvn_snapshot_find_establishment (snapshot,
                                                                          finding->holder_id);

        detail = g_strdup (school != NULL ? school->risk_category : "");
      }
      break;
    case CVN_AUDIT_N_FINDING_KINDS:
    default:
      g_assert_not_reached ();
    }

  printf ("LIST\t%s\t%s\t", cvn_audit_finding_kind_to_string (finding->kind),
          cvn_object_kind_to_string (finding->holder_kind));
  print_field (cvn_snapshot_get_name (snapshot, finding->holder_kind, finding->holder_id));
  putchar ('\t');
  print_field (area != NULL ? area->name : "");
  putchar ('\t');
  print_field (detail);
  putchar ('\n');
}

int
cvn_cli_audit (int    argc,
               char **argv)
{
  g_autoptr (CvnDocument) doc = NULL;
  g_autoptr (CvnSnapshot) snapshot = NULL;
  g_autoptr (CvnAudit) audit = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *group_name = NULL;
  CvnAuditOptions options;
  gboolean lists = FALSE;
  int stale_months = 0;
  gint64 group_id = 0;
  GOptionEntry entries[] = {
    { "group", 0, 0, G_OPTION_ARG_STRING, &group_name,
      N_("Audit this group (board, alliance or cluster) instead of the whole document"),
      N_("NAME") },
    { "lists", 0, 0, G_OPTION_ARG_NONE, &lists,
      N_("After the matrix, print the findings as LIST<TAB>KIND<TAB>HOLDER-KIND<TAB>HOLDER"
         "<TAB>AREA<TAB>DETAIL lines; KIND is unmet-need (DETAIL: priority), over-committed "
         "(days committed and offered), stale (date of last review), self-declared (strength "
         "or need) or vulnerable-unsupported (risk category)"), NULL },
    { "stale-months", 0, 0, G_OPTION_ARG_INT, &stale_months,
      N_("Reviews older than this many months are stale (default: the document’s "
         "audit.stale-months setting, or 12)"), N_("N") },
    { NULL }
  };

  if (!cvn_cli_parse ("audit", "FILE", entries, &argc, &argv))
    return 2;
  if (argc != 2)
    return cvn_cli_fail (_("audit: expected one document, FILE")) + 1;
  if (stale_months < 0)
    return cvn_cli_fail (_("audit: --stale-months must be a number of months")) + 1;

  doc = cvn_cli_open (argv[1]);
  if (doc == NULL)
    return 1;
  snapshot = cvn_snapshot_load (doc, &error);
  if (snapshot == NULL)
    return cvn_cli_fail ("%s", error->message);
  if (group_name != NULL)
    {
      group_id = find_group (snapshot, group_name);
      if (group_id == 0)
        return 1;
    }

  cvn_audit_options_init_from_document (&options, doc);
  if (stale_months > 0)
    options.stale_months = stale_months;
  audit = cvn_audit_compute (snapshot, group_id, &options);

  fputs ("area", stdout);
  for (guint j = 0; j < audit->n_sub_areas; j++)
    {
      putchar ('\t');
      print_field (audit->sub_areas[j].name);
    }
  putchar ('\n');
  for (guint i = 0; i < audit->n_areas; i++)
    {
      print_field (audit->areas[i].name);
      for (guint j = 0; j < audit->n_sub_areas; j++)
        {
          const CvnAuditCell *cell = cvn_audit_get_cell (audit, i, j);
          g_autofree char *days = format_days (cell->capacity_days);

          printf ("\t%s/%u", days, cell->need_count);
        }
      putchar ('\n');
    }

  if (lists)
    {
      g_autoptr (GHashTable) entries_by_id = g_hash_table_new (g_direct_hash, g_direct_equal);

      for (guint i = 0; i < snapshot->directory_entries->len; i++)
        {
          CvnDirectoryEntry *entry = &g_array_index (snapshot->directory_entries,
                                                     CvnDirectoryEntry, i);

          g_hash_table_insert (entries_by_id, GSIZE_TO_POINTER (entry->id), entry);
        }
      for (guint i = 0; i < audit->findings->len; i++)
        print_finding (snapshot, entries_by_id,
                       &g_array_index (audit->findings, CvnAuditFinding, i));
    }

  if (fflush (stdout) != 0)
    return cvn_cli_fail (_("audit: could not write the matrix"));
  return 0;
}
