/* cvn-cli-info.c — convenor-cli info FILE
 *
 * Prints one "name<TAB>count" line per figure, in a fixed order, so scripts can rely on it:
 * establishments, people, groups, groups.tier1-3, groups.untiered, groups.kind.KIND for each
 * kind present, memberships, memberships.current, designations, directory entries and support
 * engagements.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "convenor-cli"

#include "config.h"

#include "cvn-cli.h"
#include "cvn-snapshot.h"

#include <glib/gi18n.h>
#include <stdio.h>

static void
print_count (const char *name,
             guint       count)
{
  printf ("%s\t%u\n", name, count);
}

int
cvn_cli_info (int    argc,
              char **argv)
{
  g_autoptr (CvnDocument) doc = NULL;
  g_autoptr (CvnSnapshot) snapshot = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GTree) kinds = NULL;
  guint tiers[4] = { 0 };
  guint current = 0, open_schools = 0;

  if (!cvn_cli_parse ("info", "FILE", NULL, &argc, &argv))
    return 2;
  if (argc != 2)
    return cvn_cli_fail (_("info: expected one document, FILE")) + 1;

  doc = cvn_cli_open (argv[1]);
  if (doc == NULL)
    return 1;
  snapshot = cvn_snapshot_load (doc, &error);
  if (snapshot == NULL)
    return cvn_cli_fail ("%s", error->message);

  kinds = g_tree_new ((GCompareFunc) g_strcmp0);
  for (guint i = 0; i < snapshot->groups->len; i++)
    {
      const CvnGroup *group = &g_array_index (snapshot->groups, CvnGroup, i);
      guint n = GPOINTER_TO_UINT (g_tree_lookup (kinds, group->kind));

      tiers[CLAMP (group->tier, 0, 3)]++;
      g_tree_insert (kinds, group->kind, GUINT_TO_POINTER (n + 1));
    }
  for (guint i = 0; i < snapshot->memberships->len; i++)
    if (cvn_snapshot_membership_is_current (snapshot,
                                            &g_array_index (snapshot->memberships,
                                                            CvnMembership, i)))
      current++;
  for (guint i = 0; i < snapshot->establishments->len; i++)
    if (g_array_index (snapshot->establishments, CvnEstablishment, i).is_open)
      open_schools++;

  print_count ("establishments", snapshot->establishments->len);
  print_count ("establishments.open", open_schools);
  print_count ("people", snapshot->people->len);
  print_count ("groups", snapshot->groups->len);
  print_count ("groups.tier1", tiers[1]);
  print_count ("groups.tier2", tiers[2]);
  print_count ("groups.tier3", tiers[3]);
  print_count ("groups.untiered", tiers[0]);
  {
    GTreeNode *node;

    for (node = g_tree_node_first (kinds); node != NULL; node = g_tree_node_next (node))
      {
        g_autofree char *name = g_strdup_printf ("groups.kind.%s",
                                                 (const char *) g_tree_node_key (node));

        g_strdelimit (name, " ", '-');
        print_count (name, GPOINTER_TO_UINT (g_tree_node_value (node)));
      }
  }
  print_count ("memberships", snapshot->memberships->len);
  print_count ("memberships.current", current);
  print_count ("designations", snapshot->designations->len);
  print_count ("expertise-areas", snapshot->expertise_areas->len);
  print_count ("directory-entries", snapshot->directory_entries->len);
  print_count ("support-engagements", snapshot->support_engagements->len);
  return 0;
}
