/* cvn-checks.c — structure checks over a snapshot.
 *
 * The rules, written down once so that the code, the tests and the help agree:
 *
 * - Only *current* memberships and designations count (their dates include the snapshot's
 *   "today"), and only *live* groups: a group whose status is "closed" or "dissolved" is
 *   treated as if it were not there. Proposed groups do count, so a draft model can be checked.
 *
 * - A group's *reach*, and what *draws on* it, are defined in cvn-reach.h, which the reports
 *   share. So a head whose school sits in one of an alliance's clusters speaks for that
 *   alliance, and so does a system leader who belongs to the alliance directly.
 *
 * - committee-unrepresented reports the partnerships cvn_reports_get_representation() finds
 *   no representative for, so the check and the representation report always agree.
 *
 * - A group's *upper group* of tier N is its parent when the parent is a tier-N group, or else
 *   a tier-N group it is a current member of. Either way of drawing the structure works.
 *
 * - The *members of a board*, for alliance-not-on-board, are the current members of the
 *   alliance's tier-3 upper group and, when that group is itself a sub-group of another tier-3
 *   group, of that group too, up the chain.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-checks"

#include "config.h"

#include "cvn-checks.h"
#include "cvn-reach.h"
#include "cvn-reports.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static const char * const check_codes[] = {
  CVN_CHECK_ALLIANCE_NOT_ON_BOARD,
  CVN_CHECK_BOARD_COMPOSITION,
  CVN_CHECK_CHAIR_OVERLOAD,
  CVN_CHECK_CLUSTER_NO_ALLIANCE,
  CVN_CHECK_CLUSTER_NO_SYSTEM_LEADER,
  CVN_CHECK_COMMITTEE_UNREPRESENTED,
  CVN_CHECK_GROUP_SIZE,
  CVN_CHECK_SCHOOL_OVERCOMMITTED,
  CVN_CHECK_SCHOOL_UNCLUSTERED,
  CVN_CHECK_VULNERABLE_UNSUPPORTED,
  NULL
};

/* Settings */

/* Kinds are written with hyphens for spaces in settings keys, and compared without case. */
static char *
normalise_kind (const char *kind)
{
  char *normal = g_ascii_strdown (kind != NULL ? kind : "", -1);

  g_strstrip (normal);
  g_strdelimit (normal, " _", '-');
  return normal;
}

void
cvn_check_settings_init (CvnCheckSettings *settings)
{
  g_return_if_fail (settings != NULL);

  settings->cluster_size_min = CVN_CHECK_DEFAULT_CLUSTER_SIZE_MIN;
  settings->cluster_size_max = CVN_CHECK_DEFAULT_CLUSTER_SIZE_MAX;
  settings->max_groups_per_school = CVN_CHECK_DEFAULT_MAX_GROUPS_PER_SCHOOL;
  settings->max_chairs_per_person = CVN_CHECK_DEFAULT_MAX_CHAIRS_PER_PERSON;
  settings->group_sizes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  /* Bexley's sub-groups have "typically 6-8 people as members". */
  cvn_check_settings_set_group_size (settings, "sub-group", 6, 8);
}

void
cvn_check_settings_clear (CvnCheckSettings *settings)
{
  g_return_if_fail (settings != NULL);

  g_clear_pointer (&settings->group_sizes, g_hash_table_unref);
}

void
cvn_check_settings_set_group_size (CvnCheckSettings *settings,
                                   const char       *kind,
                                   int               min,
                                   int               max)
{
  int *range;

  g_return_if_fail (settings != NULL && settings->group_sizes != NULL);
  g_return_if_fail (kind != NULL);

  range = g_new (int, 2);
  range[0] = MAX (min, 0);
  range[1] = MAX (max, 0);
  g_hash_table_replace (settings->group_sizes, normalise_kind (kind), range);
}

gboolean
cvn_check_settings_get_group_size (const CvnCheckSettings *settings,
                                   const char             *kind,
                                   int                     tier,
                                   int                    *out_min,
                                   int                    *out_max)
{
  g_autofree char *normal = normalise_kind (kind);
  const int *range = NULL;
  int min = 0, max = 0;

  g_return_val_if_fail (settings != NULL, FALSE);

  if (settings->group_sizes != NULL)
    range = g_hash_table_lookup (settings->group_sizes, normal);
  if (range != NULL)
    {
      min = range[0];
      max = range[1];
    }
  else if (tier == 1)
    {
      min = settings->cluster_size_min;
      max = settings->cluster_size_max;
    }
  if (out_min != NULL)
    *out_min = MAX (min, 0);
  if (out_max != NULL)
    *out_max = MAX (max, 0);
  return min > 0 || max > 0;
}

/* Reads every "checks.group-size-min.KIND" and "checks.group-size-max.KIND" setting; the
 * kinds are open-ended, so the keys are found by prefix rather than listed. */
static void
load_group_sizes (CvnDocument      *doc,
                  CvnCheckSettings *settings)
{
  static const char min_prefix[] = "checks.group-size-min.";
  static const char max_prefix[] = "checks.group-size-max.";
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = cvn_document_prepare (doc, "SELECT key, value FROM settings "
                                    "WHERE key LIKE 'checks.group-size-%' ORDER BY key", NULL);
  if (stmt == NULL)
    return;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      const char *value = (const char *) sqlite3_column_text (stmt, 1);
      gboolean is_min = g_str_has_prefix (key, min_prefix);
      gboolean is_max = g_str_has_prefix (key, max_prefix);
      const char *kind;
      gint64 parsed;
      int min = 0, max = 0;

      if (!is_min && !is_max)
        continue;
      kind = key + (is_min ? strlen (min_prefix) : strlen (max_prefix));
      if (kind[0] == '\0' ||
          !g_ascii_string_to_signed (value, 10, 0, G_MAXINT, &parsed, NULL))
        continue;
      /* The other bound keeps the value it has, from a default or an earlier key. */
      cvn_check_settings_get_group_size (settings, kind, 0, &min, &max);
      if (is_min)
        min = (int) parsed;
      else
        max = (int) parsed;
      cvn_check_settings_set_group_size (settings, kind, min, max);
    }
}

void
cvn_check_settings_load (CvnDocument      *doc,
                         CvnCheckSettings *settings)
{
  g_return_if_fail (CVN_IS_DOCUMENT (doc));
  g_return_if_fail (settings != NULL);

  cvn_check_settings_init (settings);
  settings->cluster_size_min =
    cvn_document_get_setting_int (doc, "checks.cluster-size-min", settings->cluster_size_min);
  settings->cluster_size_max =
    cvn_document_get_setting_int (doc, "checks.cluster-size-max", settings->cluster_size_max);
  settings->max_groups_per_school =
    cvn_document_get_setting_int (doc, "checks.max-groups-per-school",
                                  settings->max_groups_per_school);
  settings->max_chairs_per_person =
    cvn_document_get_setting_int (doc, "checks.max-chairs-per-person",
                                  settings->max_chairs_per_person);
  load_group_sizes (doc, settings);
}

/* Findings */

void
cvn_finding_free (CvnFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->object_name);
  g_free (finding->message);
  g_free (finding);
}

const char * const *
cvn_checks_get_codes (void)
{
  return check_codes;
}

const char *
cvn_check_code_get_title (const char *code)
{
  g_return_val_if_fail (code != NULL, NULL);

  if (g_str_equal (code, CVN_CHECK_SCHOOL_UNCLUSTERED))
    return _("Schools in no cluster");
  if (g_str_equal (code, CVN_CHECK_CLUSTER_NO_ALLIANCE))
    return _("Clusters in no alliance");
  if (g_str_equal (code, CVN_CHECK_ALLIANCE_NOT_ON_BOARD))
    return _("Alliances not on the board");
  if (g_str_equal (code, CVN_CHECK_COMMITTEE_UNREPRESENTED))
    return _("Partnerships not represented on a committee");
  if (g_str_equal (code, CVN_CHECK_CLUSTER_NO_SYSTEM_LEADER))
    return _("Clusters without a system leader");
  if (g_str_equal (code, CVN_CHECK_GROUP_SIZE))
    return _("Groups too small or too large");
  if (g_str_equal (code, CVN_CHECK_SCHOOL_OVERCOMMITTED))
    return _("Schools in too many groups");
  if (g_str_equal (code, CVN_CHECK_CHAIR_OVERLOAD))
    return _("People chairing too many groups");
  if (g_str_equal (code, CVN_CHECK_VULNERABLE_UNSUPPORTED))
    return _("Vulnerable schools without support");
  if (g_str_equal (code, CVN_CHECK_BOARD_COMPOSITION))
    return _("Boards breaking their composition rules");
  return code;
}

/* The state of one run of the checks. */
typedef struct
{
  CvnSnapshot            *snapshot;
  const CvnCheckSettings *settings;
  GPtrArray              *findings;
  GHashTable             *children;     /* cvn_reach_index_children() */
  GHashTable             *staff;        /* establishment id -> GPtrArray of CvnPerson * */
  gboolean                has_tier2;
} Checker;

static void
add_finding (Checker       *ck,
             const char    *code,
             CvnObjectKind  kind,
             gint64         id,
             char          *message)
{
  CvnFinding *finding = g_new0 (CvnFinding, 1);
  const char *name = cvn_snapshot_get_name (ck->snapshot, kind, id);

  finding->code = code;
  finding->object_kind = kind;
  finding->object_id = id;
  finding->object_name = g_strdup (name != NULL ? name : "");
  finding->message = message;
  g_ptr_array_add (ck->findings, finding);
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  const CvnFinding *fa = *(const CvnFinding * const *) a;
  const CvnFinding *fb = *(const CvnFinding * const *) b;
  int cmp;

  if ((cmp = strcmp (fa->code, fb->code)) != 0)
    return cmp;
  if ((cmp = strcmp (cvn_object_kind_to_string (fa->object_kind),
                     cvn_object_kind_to_string (fb->object_kind))) != 0)
    return cmp;
  if ((cmp = strcmp (fa->object_name, fb->object_name)) != 0)
    return cmp;
  if ((cmp = strcmp (fa->message, fb->message)) != 0)
    return cmp;
  return (fa->object_id > fb->object_id) - (fa->object_id < fb->object_id);
}

static gpointer
id_key (gint64 id)
{
  return GSIZE_TO_POINTER ((gsize) id);
}

static GHashTable *
new_id_set (void)
{
  return g_hash_table_new (g_direct_hash, g_direct_equal);
}

static const CvnGroup *
find_live_group (Checker *ck,
                 gint64   id)
{
  const CvnGroup *group = id > 0 ? cvn_snapshot_find_group (ck->snapshot, id) : NULL;

  return cvn_reach_is_live_group (group) ? group : NULL;
}

/* The current memberships of an object in live groups. */
static GPtrArray *
get_memberships_of (Checker       *ck,
                    CvnObjectKind  kind,
                    gint64         id)
{
  g_autoptr (GPtrArray) all = cvn_snapshot_get_memberships_of (ck->snapshot, kind, id, TRUE);
  GPtrArray *memberships = g_ptr_array_new ();

  for (guint i = 0; i < all->len; i++)
    {
      const CvnMembership *m = g_ptr_array_index (all, i);

      if (find_live_group (ck, m->group_id) != NULL)
        g_ptr_array_add (memberships, (gpointer) m);
    }
  return memberships;
}

static const CvnGroup *
find_upper_group (Checker        *ck,
                  const CvnGroup *group,
                  int             tier)
{
  const CvnGroup *parent = find_live_group (ck, group->parent_id);
  g_autoptr (GPtrArray) memberships = NULL;

  if (parent != NULL && parent->tier == tier)
    return parent;
  memberships = get_memberships_of (ck, CVN_OBJECT_GROUP, group->id);
  for (guint i = 0; i < memberships->len; i++)
    {
      const CvnMembership *m = g_ptr_array_index (memberships, i);
      const CvnGroup *upper = find_live_group (ck, m->group_id);

      if (upper->tier == tier)
        return upper;
    }
  return NULL;
}

static gint64
person_establishment (Checker *ck,
                      gint64   person_id)
{
  const CvnPerson *person = cvn_snapshot_find_person (ck->snapshot, person_id);

  return person != NULL ? person->establishment_id : 0;
}

/* The establishment a member stands for: a school member itself, a person their school. */
static const CvnEstablishment *
member_establishment (Checker             *ck,
                      const CvnMembership *m)
{
  switch (m->member_kind)
    {
    case CVN_OBJECT_ESTABLISHMENT:
      return cvn_snapshot_find_establishment (ck->snapshot, m->member_id);
    case CVN_OBJECT_PERSON:
      {
        gint64 establishment_id = person_establishment (ck, m->member_id);

        return establishment_id > 0
                 ? cvn_snapshot_find_establishment (ck->snapshot, establishment_id) : NULL;
      }
    case CVN_OBJECT_GROUP:
    case CVN_OBJECT_NONE:
    default:
      return NULL;
    }
}

/* A member listed twice (say as chair and as member) takes one seat. */
static GPtrArray *
get_distinct_members (Checker *ck,
                      gint64   group_id)
{
  g_autoptr (GPtrArray) members = cvn_reach_get_live_members (ck->snapshot, group_id);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *distinct = g_ptr_array_new ();

  for (guint i = 0; i < members->len; i++)
    {
      const CvnMembership *m = g_ptr_array_index (members, i);
      char *member_key = g_strdup_printf ("%d:%" G_GINT64_FORMAT, m->member_kind, m->member_id);

      if (g_hash_table_add (seen, member_key))
        g_ptr_array_add (distinct, (gpointer) m);
    }
  return distinct;
}

/* school-unclustered */

static void
check_unclustered_schools (Checker *ck)
{
  for (guint i = 0; i < ck->snapshot->establishments->len; i++)
    {
      const CvnEstablishment *school = &g_array_index (ck->snapshot->establishments,
                                                       CvnEstablishment, i);
      g_autoptr (GPtrArray) memberships = NULL;
      gboolean clustered = FALSE;

      if (!school->is_open || school->opted_out_reason[0] != '\0')
        continue;
      memberships = get_memberships_of (ck, CVN_OBJECT_ESTABLISHMENT, school->id);
      for (guint j = 0; j < memberships->len && !clustered; j++)
        {
          const CvnMembership *m = g_ptr_array_index (memberships, j);

          clustered = find_live_group (ck, m->group_id)->tier == 1;
        }
      if (!clustered)
        add_finding (ck, CVN_CHECK_SCHOOL_UNCLUSTERED, CVN_OBJECT_ESTABLISHMENT, school->id,
                     g_strdup_printf (_("%s is in no cluster"), school->name));
    }
}

/* cluster-no-alliance and alliance-not-on-board */

/* A document with no tier-2 group at all describes a two-tier system, like Rotherham's, where
 * learning communities report straight to the strategic group; there a tier-1 group under a
 * tier-3 group is in its place, and only one that reports to nothing is a finding. */
static void
check_clusters_in_alliances (Checker *ck)
{
  for (guint i = 0; i < ck->snapshot->groups->len; i++)
    {
      const CvnGroup *cluster = &g_array_index (ck->snapshot->groups, CvnGroup, i);

      if (cluster->tier != 1 || !cvn_reach_is_live_group (cluster))
        continue;
      if (find_upper_group (ck, cluster, 2) != NULL)
        continue;
      if (ck->has_tier2)
        add_finding (ck, CVN_CHECK_CLUSTER_NO_ALLIANCE, CVN_OBJECT_GROUP, cluster->id,
                     g_strdup_printf (_("%s is in no alliance"), cluster->name));
      else if (find_upper_group (ck, cluster, 3) == NULL)
        add_finding (ck, CVN_CHECK_CLUSTER_NO_ALLIANCE, CVN_OBJECT_GROUP, cluster->id,
                     g_strdup_printf (_("%s reports to no alliance or board"), cluster->name));
    }
}

static void
check_alliances_on_boards (Checker *ck)
{
  for (guint i = 0; i < ck->snapshot->groups->len; i++)
    {
      const CvnGroup *alliance = &g_array_index (ck->snapshot->groups, CvnGroup, i);
      g_autoptr (GHashTable) visited = NULL;
      g_auto (CvnReach) reach = { 0 };
      const CvnGroup *board;
      gboolean on_board = FALSE;

      if (alliance->tier != 2 || !cvn_reach_is_live_group (alliance))
        continue;
      board = find_upper_group (ck, alliance, 3);
      if (board == NULL)
        {
          add_finding (ck, CVN_CHECK_ALLIANCE_NOT_ON_BOARD, CVN_OBJECT_GROUP, alliance->id,
                       g_strdup_printf (_("%s reports to no board"), alliance->name));
          continue;
        }

      cvn_reach_init (&reach);
      cvn_reach_collect (&reach, ck->snapshot, ck->children, alliance->id);
      visited = new_id_set ();
      for (const CvnGroup *level = board;
           level != NULL && level->tier == 3 && !on_board &&
           g_hash_table_add (visited, id_key (level->id));
           level = find_live_group (ck, level->parent_id))
        {
          g_autoptr (GPtrArray) members = cvn_reach_get_live_members (ck->snapshot, level->id);

          for (guint j = 0; j < members->len && !on_board; j++)
            on_board = cvn_reach_draws_on (&reach, ck->snapshot, g_ptr_array_index (members, j),
                                           TRUE);
        }
      if (!on_board)
        add_finding (ck, CVN_CHECK_ALLIANCE_NOT_ON_BOARD, CVN_OBJECT_GROUP, alliance->id,
                     g_strdup_printf (_("%s has no member on %s"), alliance->name, board->name));
    }
}

/* committee-unrepresented */

static void
check_committees (Checker *ck)
{
  g_autoptr (GPtrArray) representation = cvn_reports_get_representation (ck->snapshot);

  for (guint i = 0; i < representation->len; i++)
    {
      const CvnRepresentation *r = g_ptr_array_index (representation, i);

      if (r->representatives->len == 0)
        add_finding (ck, CVN_CHECK_COMMITTEE_UNREPRESENTED, CVN_OBJECT_GROUP, r->partnership->id,
                     g_strdup_printf (_("%s is not represented on %s"),
                                      r->partnership->name, r->committee->name));
    }
}

/* cluster-no-system-leader */

static gboolean
holds_system_leadership (Checker       *ck,
                         CvnObjectKind  kind,
                         gint64         id)
{
  g_autoptr (GPtrArray) designations = cvn_snapshot_get_designations_of (ck->snapshot, kind, id,
                                                                         TRUE);

  for (guint i = 0; i < designations->len; i++)
    {
      const CvnDesignation *d = g_ptr_array_index (designations, i);
      const CvnDesignationType *type = cvn_snapshot_find_designation_type (ck->snapshot,
                                                                           d->type_id);

      if (type != NULL && type->system_leader)
        return TRUE;
    }
  return FALSE;
}

/* A cluster has a system leader when one of its person members, or anyone whose establishment
 * is one of its member schools, holds a current system-leader designation; a member school
 * that holds one itself (a national support school) counts too. */
static void
check_system_leaders (Checker *ck)
{
  for (guint i = 0; i < ck->snapshot->groups->len; i++)
    {
      const CvnGroup *cluster = &g_array_index (ck->snapshot->groups, CvnGroup, i);
      g_autoptr (GPtrArray) members = NULL;
      gboolean found = FALSE;

      if (cluster->tier != 1 || !cvn_reach_is_live_group (cluster))
        continue;
      members = cvn_reach_get_live_members (ck->snapshot, cluster->id);
      for (guint j = 0; j < members->len && !found; j++)
        {
          const CvnMembership *m = g_ptr_array_index (members, j);

          if (m->member_kind == CVN_OBJECT_PERSON)
            found = holds_system_leadership (ck, CVN_OBJECT_PERSON, m->member_id);
          else if (m->member_kind == CVN_OBJECT_ESTABLISHMENT)
            {
              GPtrArray *staff = g_hash_table_lookup (ck->staff, id_key (m->member_id));

              found = holds_system_leadership (ck, CVN_OBJECT_ESTABLISHMENT, m->member_id);
              for (guint k = 0; staff != NULL && k < staff->len && !found; k++)
                found = holds_system_leadership (ck, CVN_OBJECT_PERSON,
                                                 ((const CvnPerson *)
                                                  g_ptr_array_index (staff, k))->id);
            }
        }
      if (!found)
        add_finding (ck, CVN_CHECK_CLUSTER_NO_SYSTEM_LEADER, CVN_OBJECT_GROUP, cluster->id,
                     g_strdup_printf (_("%s has no system leader among its members or the "
                                        "staff of its schools"), cluster->name));
    }
}

/* group-size */

/* A tier-1 group is measured in open member schools, the number its work is planned around;
 * any other group in members of every kind. */
static void
check_group_sizes (Checker *ck)
{
  for (guint i = 0; i < ck->snapshot->groups->len; i++)
    {
      const CvnGroup *group = &g_array_index (ck->snapshot->groups, CvnGroup, i);
      g_autoptr (GPtrArray) members = NULL;
      gboolean schools_only = group->tier == 1;
      int min, max, count = 0;
      char *message = NULL;

      if (!cvn_reach_is_live_group (group) ||
          !cvn_check_settings_get_group_size (ck->settings, group->kind, group->tier,
                                              &min, &max))
        continue;
      members = get_distinct_members (ck, group->id);
      for (guint j = 0; j < members->len; j++)
        {
          const CvnMembership *m = g_ptr_array_index (members, j);

          if (!schools_only)
            count++;
          else if (m->member_kind == CVN_OBJECT_ESTABLISHMENT &&
                   cvn_snapshot_find_establishment (ck->snapshot, m->member_id)->is_open)
            count++;
        }

      if (min > 0 && count < min)
        message = schools_only
          ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%s has %d school, fewer than the %d a %s should have",
                                          "%s has %d schools, fewer than the %d a %s should have",
                                          count),
                             group->name, count, min, group->kind)
          : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%s has %d member, fewer than the %d a %s should have",
                                          "%s has %d members, fewer than the %d a %s should have",
                                          count),
                             group->name, count, min, group->kind);
      else if (max > 0 && count > max)
        message = schools_only
          ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%s has %d school, more than the %d a %s should have",
                                          "%s has %d schools, more than the %d a %s should have",
                                          count),
                             group->name, count, max, group->kind)
          : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%s has %d member, more than the %d a %s should have",
                                          "%s has %d members, more than the %d a %s should have",
                                          count),
                             group->name, count, max, group->kind);
      if (message != NULL)
        add_finding (ck, CVN_CHECK_GROUP_SIZE, CVN_OBJECT_GROUP, group->id, message);
    }
}

/* school-overcommitted and chair-overload */

static guint
count_distinct_groups (GPtrArray *memberships,
                       gboolean   chairs_only)
{
  g_autoptr (GHashTable) groups = new_id_set ();

  for (guint i = 0; i < memberships->len; i++)
    {
      const CvnMembership *m = g_ptr_array_index (memberships, i);

      if (!chairs_only || m->role == CVN_ROLE_CHAIR || m->role == CVN_ROLE_CO_CHAIR)
        g_hash_table_add (groups, id_key (m->group_id));
    }
  return g_hash_table_size (groups);
}

static void
check_commitments (Checker *ck)
{
  int max_groups = ck->settings->max_groups_per_school;
  int max_chairs = ck->settings->max_chairs_per_person;

  for (guint i = 0; max_groups > 0 && i < ck->snapshot->establishments->len; i++)
    {
      const CvnEstablishment *school = &g_array_index (ck->snapshot->establishments,
                                                       CvnEstablishment, i);
      g_autoptr (GPtrArray) memberships = NULL;
      guint count;

      if (!school->is_open)
        continue;
      memberships = get_memberships_of (ck, CVN_OBJECT_ESTABLISHMENT, school->id);
      count = count_distinct_groups (memberships, FALSE);
      if (count > (guint) max_groups)
        add_finding (ck, CVN_CHECK_SCHOOL_OVERCOMMITTED, CVN_OBJECT_ESTABLISHMENT, school->id,
                     g_strdup_printf (_("%s is in %u groups, more than the limit of %d"),
                                      school->name, count, max_groups));
    }

  for (guint i = 0; max_chairs > 0 && i < ck->snapshot->people->len; i++)
    {
      const CvnPerson *person = &g_array_index (ck->snapshot->people, CvnPerson, i);
      g_autoptr (GPtrArray) memberships = get_memberships_of (ck, CVN_OBJECT_PERSON, person->id);
      guint count = count_distinct_groups (memberships, TRUE);

      if (count > (guint) max_chairs)
        add_finding (ck, CVN_CHECK_CHAIR_OVERLOAD, CVN_OBJECT_PERSON, person->id,
                     g_strdup_printf (_("%s chairs or co-chairs %u groups, more than the "
                                        "limit of %d"),
                                      person->name, count, max_chairs));
    }
}

/* vulnerable-unsupported */

static void
check_vulnerable_schools (Checker *ck)
{
  g_autoptr (GHashTable) supported = new_id_set ();

  for (guint i = 0; i < ck->snapshot->support_engagements->len; i++)
    {
      const CvnSupportEngagement *e = &g_array_index (ck->snapshot->support_engagements,
                                                      CvnSupportEngagement, i);

      if (e->status == CVN_ENGAGEMENT_ACTIVE || e->status == CVN_ENGAGEMENT_AGREED)
        g_hash_table_add (supported, id_key (e->recipient_id));
    }

  for (guint i = 0; i < ck->snapshot->establishments->len; i++)
    {
      const CvnEstablishment *school = &g_array_index (ck->snapshot->establishments,
                                                       CvnEstablishment, i);

      if (school->is_open && school->risk_category[0] != '\0' &&
          !g_hash_table_contains (supported, id_key (school->id)))
        add_finding (ck, CVN_CHECK_VULNERABLE_UNSUPPORTED, CVN_OBJECT_ESTABLISHMENT, school->id,
                     g_strdup_printf (_("%s is in risk category “%s” but has no active or "
                                        "agreed support"),
                                      school->name, school->risk_category));
    }
}

/* board-composition */

typedef struct
{
  char *name;
  guint count;
} OrganisationCount;

static void
organisation_count_free (OrganisationCount *count)
{
  g_free (count->name);
  g_free (count);
}

static void
count_organisation (GHashTable *counts,
                    const char *kind,
                    const char *key_part,
                    const char *name)
{
  g_autofree char *count_key = g_strdup_printf ("%s:%s", kind, key_part);
  OrganisationCount *count = g_hash_table_lookup (counts, count_key);

  if (count == NULL)
    {
      count = g_new0 (OrganisationCount, 1);
      count->name = g_strdup (name);
      g_hash_table_insert (counts, g_steal_pointer (&count_key), count);
    }
  count->count++;
}

static int
compare_organisation_counts (gconstpointer a,
                             gconstpointer b)
{
  const OrganisationCount *ca = *(const OrganisationCount * const *) a;
  const OrganisationCount *cb = *(const OrganisationCount * const *) b;

  return strcmp (ca->name, cb->name);
}

/* At most max_per_organisation members from one school, trust or federation: a member school
 * counts for itself, its trust and its federation; a person counts for their establishment,
 * and so for its trust and federation too. Member groups and people with no establishment
 * (officers, councillors) belong to no organisation here. */
static void
check_organisations (Checker        *ck,
                     const CvnGroup *board,
                     GPtrArray      *members)
{
  g_autoptr (GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify)
                                                         organisation_count_free);
  g_autoptr (GPtrArray) over = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < members->len; i++)
    {
      const CvnEstablishment *school = member_establishment (ck, g_ptr_array_index (members, i));
      g_autofree char *id = NULL;

      if (school == NULL)
        continue;
      id = g_strdup_printf ("%" G_GINT64_FORMAT, school->id);
      count_organisation (counts, "school", id, school->name);
      if (school->trust[0] != '\0')
        count_organisation (counts, "trust", school->trust, school->trust);
      if (school->federation[0] != '\0')
        count_organisation (counts, "federation", school->federation, school->federation);
    }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((OrganisationCount *) value)->count > (guint) board->max_per_organisation)
      g_ptr_array_add (over, value);
  g_ptr_array_sort (over, compare_organisation_counts);
  for (guint i = 0; i < over->len; i++)
    {
      const OrganisationCount *count = g_ptr_array_index (over, i);

      add_finding (ck, CVN_CHECK_BOARD_COMPOSITION, CVN_OBJECT_GROUP, board->id,
                   g_strdup_printf (_("%s has %u members from %s; its rule allows %d from "
                                      "any one school, trust or federation"),
                                    board->name, count->count, count->name,
                                    board->max_per_organisation));
    }
}

/* Whether @board is @group's tier-3 upper group or an ancestor of that group. */
static gboolean
is_under_board (Checker        *ck,
                const CvnGroup *group,
                const CvnGroup *board)
{
  g_autoptr (GHashTable) visited = new_id_set ();

  for (const CvnGroup *level = find_upper_group (ck, group, 3);
       level != NULL && g_hash_table_add (visited, id_key (level->id));
       level = find_live_group (ck, level->parent_id))
    if (level->id == board->id)
      return TRUE;
  return FALSE;
}

/* Each tier-2 group under the board needs seats_per_alliance members drawn from it: people
 * and schools of its reach, not the alliance as a member group, which fills no seat. */
static void
check_alliance_seats (Checker        *ck,
                      const CvnGroup *board,
                      GPtrArray      *members)
{
  for (guint i = 0; i < ck->snapshot->groups->len; i++)
    {
      const CvnGroup *alliance = &g_array_index (ck->snapshot->groups, CvnGroup, i);
      g_auto (CvnReach) reach = { 0 };
      int count = 0;

      if (alliance->tier != 2 || !cvn_reach_is_live_group (alliance) ||
          !is_under_board (ck, alliance, board))
        continue;
      cvn_reach_init (&reach);
      cvn_reach_collect (&reach, ck->snapshot, ck->children, alliance->id);
      for (guint j = 0; j < members->len; j++)
        if (cvn_reach_draws_on (&reach, ck->snapshot, g_ptr_array_index (members, j), FALSE))
          count++;
      if (count < board->seats_per_alliance)
        add_finding (ck, CVN_CHECK_BOARD_COMPOSITION, CVN_OBJECT_GROUP, board->id,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s has %d member from %s; its rule asks "
                                                   "for %d from each alliance",
                                                   "%s has %d members from %s; its rule asks "
                                                   "for %d from each alliance",
                                                   count),
                                      board->name, count, alliance->name,
                                      board->seats_per_alliance));
    }
}

/* seats_per_phase reads "primary=3,secondary=2": at least that many members whose
 * establishment has the phase (compared without case). */
static void
check_phase_seats (Checker        *ck,
                   const CvnGroup *board,
                   GPtrArray      *members)
{
  g_auto (GStrv) rules = g_strsplit (board->seats_per_phase, ",", -1);

  for (guint i = 0; rules[i] != NULL; i++)
    {
      g_auto (GStrv) parts = NULL;
      const char *phase;
      guint64 wanted;
      int count = 0;

      g_strstrip (rules[i]);
      if (rules[i][0] == '\0')
        continue;
      parts = g_strsplit (rules[i], "=", 2);
      if (g_strv_length (parts) != 2 ||
          g_strstrip (parts[0])[0] == '\0' ||
          !g_ascii_string_to_unsigned (g_strstrip (parts[1]), 10, 0, G_MAXINT, &wanted, NULL))
        {
          add_finding (ck, CVN_CHECK_BOARD_COMPOSITION, CVN_OBJECT_GROUP, board->id,
                       g_strdup_printf (_("%s has a seats-per-phase rule that cannot be read: "
                                          "“%s” should be PHASE=NUMBER"),
                                        board->name, rules[i]));
          continue;
        }
      phase = parts[0];
      for (guint j = 0; j < members->len; j++)
        {
          const CvnEstablishment *school = member_establishment (ck,
                                                                 g_ptr_array_index (members, j));

          if (school != NULL && g_ascii_strcasecmp (school->phase, phase) == 0)
            count++;
        }
      if (count < (int) wanted)
        add_finding (ck, CVN_CHECK_BOARD_COMPOSITION, CVN_OBJECT_GROUP, board->id,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s has %d %s member; its rule asks for %d",
                                                   "%s has %d %s members; its rule asks for %d",
                                                   count),
                                      board->name, count, phase, (int) wanted));
    }
}

static void
check_compositions (Checker *ck)
{
  for (guint i = 0; i < ck->snapshot->groups->len; i++)
    {
      const CvnGroup *board = &g_array_index (ck->snapshot->groups, CvnGroup, i);
      g_autoptr (GPtrArray) members = NULL;

      if (!cvn_reach_is_live_group (board) ||
          (board->max_per_organisation <= 0 && board->seats_per_alliance <= 0 &&
           board->seats_per_phase[0] == '\0'))
        continue;
      members = get_distinct_members (ck, board->id);
      if (board->max_per_organisation > 0)
        check_organisations (ck, board, members);
      if (board->seats_per_alliance > 0)
        check_alliance_seats (ck, board, members);
      if (board->seats_per_phase[0] != '\0')
        check_phase_seats (ck, board, members);
    }
}

/* Running */

static void
add_to_index (GHashTable *index,
              gint64      index_key,
              gpointer    value)
{
  GPtrArray *list = g_hash_table_lookup (index, id_key (index_key));

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (index, id_key (index_key), list);
    }
  g_ptr_array_add (list, value);
}

GPtrArray *
cvn_checks_run (CvnSnapshot            *snapshot,
                const CvnCheckSettings *settings)
{
  g_auto (CvnCheckSettings) defaults = { 0 };
  Checker ck = { 0 };

  g_return_val_if_fail (snapshot != NULL, NULL);

  if (settings == NULL)
    {
      cvn_check_settings_init (&defaults);
      settings = &defaults;
    }

  ck.snapshot = snapshot;
  ck.settings = settings;
  ck.findings = g_ptr_array_new_with_free_func ((GDestroyNotify) cvn_finding_free);
  ck.children = cvn_reach_index_children (snapshot);
  ck.staff = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                    (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < snapshot->groups->len; i++)
    {
      const CvnGroup *group = &g_array_index (snapshot->groups, CvnGroup, i);

      if (cvn_reach_is_live_group (group) && group->tier == 2)
        ck.has_tier2 = TRUE;
    }
  for (guint i = 0; i < snapshot->people->len; i++)
    {
      CvnPerson *person = &g_array_index (snapshot->people, CvnPerson, i);

      if (person->establishment_id > 0)
        add_to_index (ck.staff, person->establishment_id, person);
    }

  check_unclustered_schools (&ck);
  check_clusters_in_alliances (&ck);
  check_alliances_on_boards (&ck);
  check_committees (&ck);
  check_system_leaders (&ck);
  check_group_sizes (&ck);
  check_commitments (&ck);
  check_vulnerable_schools (&ck);
  check_compositions (&ck);

  g_hash_table_unref (ck.children);
  g_hash_table_unref (ck.staff);
  g_ptr_array_sort (ck.findings, compare_findings);
  return ck.findings;
}
