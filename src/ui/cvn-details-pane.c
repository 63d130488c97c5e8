/* cvn-details-pane.c
 *
 * The pane is rebuilt from scratch for every selection: a document holds at most a few hundred
 * memberships per object, and building rows afresh is simpler than keeping a diff right. Rows
 * that name another object (a school's groups, a group's members) are activatable and emit
 * ::object-activated so the window can select that object in the outline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-details-pane"

#include "config.h"

#include "cvn-details-pane.h"

#include "cvn-outline-item.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

struct _CvnDetailsPane
{
  GtkWidget      parent_instance;

  GtkStack      *stack;
  AdwStatusPage *status_page;
  GtkScrolledWindow *scrolled_window;
  GtkImage      *icon;
  GtkLabel      *title_label;
  GtkLabel      *summary_label;
  GtkBox        *groups_box;

  CvnObjectKind  kind;
  gint64         id;
};

G_DEFINE_FINAL_TYPE (CvnDetailsPane, cvn_details_pane, GTK_TYPE_WIDGET)

enum {
  OBJECT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Formatting ----------------------------------------------------------------------------- */

static char *
format_date (const char *date)
{
  g_autoptr (GDateTime) time = NULL;
  int year, month, day;

  if (date == NULL || *date == '\0')
    return g_strdup ("");
  if (sscanf (date, "%4d-%2d-%2d", &year, &month, &day) != 3)
    return g_strdup (date);
  time = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (time == NULL)
    return g_strdup (date);
  /* TRANSLATORS: a date as shown in the details pane; see g_date_time_format(). */
  return g_date_time_format (time, _("%-d %B %Y"));
}

static char *
format_date_range (const char *from_date,
                   const char *until_date)
{
  g_autofree char *from = format_date (from_date);
  g_autofree char *until = format_date (until_date);

  if (*from != '\0' && *until != '\0')
    /* TRANSLATORS: a period, as in "1 September 2021 to 31 August 2024". */
    return g_strdup_printf (_("%s to %s"), from, until);
  if (*from != '\0')
    return g_strdup_printf (_("Since %s"), from);
  if (*until != '\0')
    return g_strdup_printf (_("Until %s"), until);
  return g_strdup ("");
}

static char *
join (const char *first,
      const char *second)
{
  if (first == NULL || *first == '\0')
    return g_strdup (second != NULL ? second : "");
  if (second == NULL || *second == '\0')
    return g_strdup (first);
  /* TRANSLATORS: joins two parts of a short description, as in "Chair · Since 1 May 2022". */
  return g_strdup_printf (_("%s · %s"), first, second);
}

/* Whether a dated thing (a membership, a designation) is over, yet to start, or current. The
 * tag is shown beside the row; NULL means current. */
static const char *
date_range_tag (const char *from_date,
                const char *until_date,
                const char *today)
{
  if (cvn_date_range_is_current (from_date, until_date, today))
    return NULL;
  if (until_date != NULL && *until_date != '\0' && strcmp (until_date, today) < 0)
    return _("Ended");
  return _("Not started");
}

static const char *
tier_label (int tier)
{
  switch (tier)
    {
    case 3:
      return _("Tier 3, strategic");
    case 2:
      return _("Tier 2, alliance");
    case 1:
      return _("Tier 1, cluster");
    default:
      return _("Cross-cutting, no tier");
    }
}

/* Rows ----------------------------------------------------------------------------------- */

static void
clear (CvnDetailsPane *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);
}

static AdwPreferencesGroup *
add_group (CvnDetailsPane *self,
           const char     *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (self->groups_box, group);
  return ADW_PREFERENCES_GROUP (group);
}

static AdwActionRow *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Names come from the document ("St Mary & St John"), not from markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return ADW_ACTION_ROW (row);
}

/* A field: its name small above, its value below, like a form read back. An empty value says
 * so in words rather than leaving a gap that looks like a fault. */
static void
add_field (AdwPreferencesGroup *group,
           const char          *label,
           const char          *value)
{
  gboolean known = value != NULL && *value != '\0';
  AdwActionRow *row = new_row (label, known ? value : _("Not recorded"));

  gtk_widget_add_css_class (GTK_WIDGET (row), "property");
  if (!known)
    gtk_widget_add_css_class (GTK_WIDGET (row), "not-recorded");
  adw_preferences_group_add (group, GTK_WIDGET (row));
}

static void
link_row_activated_cb (AdwActionRow   *row,
                       CvnDetailsPane *self)
{
  CvnObjectKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "cvn-kind"));
  const gint64 *id = g_object_get_data (G_OBJECT (row), "cvn-id");

  g_signal_emit (self, signals[OBJECT_ACTIVATED], 0, (int) kind, *id);
}

static const char *
object_icon_name (CvnSnapshot  *snapshot,
                  CvnObjectKind kind,
                  gint64        id)
{
  switch (kind)
    {
    case CVN_OBJECT_ESTABLISHMENT:
      return "cvn-school-symbolic";
    case CVN_OBJECT_PERSON:
      return "avatar-default-symbolic";
    case CVN_OBJECT_GROUP:
      {
        const CvnGroup *group = cvn_snapshot_find_group (snapshot, id);

        return cvn_outline_group_icon_name (group != NULL ? group->kind : NULL);
      }
    case CVN_OBJECT_NONE:
    default:
      return "action-unavailable-symbolic";
    }
}

/* A row that leads to another object; @tag ("Ended") marks one that is no longer current. */
static void
add_link (CvnDetailsPane      *self,
          AdwPreferencesGroup *group,
          CvnSnapshot         *snapshot,
          CvnObjectKind        kind,
          gint64               id,
          const char          *subtitle,
          const char          *tag)
{
  const char *name = cvn_snapshot_get_name (snapshot, kind, id);
  AdwActionRow *row;
  GtkWidget *image;

  if (name == NULL)
    return;

  row = new_row (name, subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "cvn-kind", GINT_TO_POINTER (kind));
  g_object_set_data_full (G_OBJECT (row), "cvn-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (row, "activated", G_CALLBACK (link_row_activated_cb), self, 0);

  image = gtk_image_new_from_icon_name (object_icon_name (snapshot, kind, id));
  gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  kind == CVN_OBJECT_ESTABLISHMENT ? _("School")
                                  : kind == CVN_OBJECT_PERSON ? _("Person") : _("Group"),
                                  -1);
  adw_action_row_add_prefix (row, image);

  if (tag != NULL)
    {
      GtkWidget *label = gtk_label_new (tag);

      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (label, "tag");
      adw_action_row_add_suffix (row, label);
      gtk_widget_add_css_class (GTK_WIDGET (row), "ended");
    }

  image = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show"), -1);
  adw_action_row_add_suffix (row, image);
  adw_preferences_group_add (group, GTK_WIDGET (row));
}

static int
role_rank (CvnRole role)
{
  return role == CVN_ROLE_MEMBER ? CVN_N_ROLES : (int) role;
}

static int
compare_memberships (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  const CvnMembership *first = *(const CvnMembership * const *) a;
  const CvnMembership *second = *(const CvnMembership * const *) b;
  CvnSnapshot *snapshot = user_data;
  gboolean first_current = cvn_snapshot_membership_is_current (snapshot, first);
  gboolean second_current = cvn_snapshot_membership_is_current (snapshot, second);
  const char *first_name;
  const char *second_name;

  /* Current memberships first, then the others (history) most recent first. */
  if (first_current != second_current)
    return first_current ? -1 : 1;
  if (!first_current)
    {
      int by_date = g_strcmp0 (second->until_date, first->until_date);

      if (by_date != 0)
        return by_date;
    }
  /* Chairs and other office holders before plain members. */
  if (role_rank (first->role) != role_rank (second->role))
    return role_rank (first->role) - role_rank (second->role);
  if (first->member_kind != second->member_kind)
    return (int) first->member_kind - (int) second->member_kind;
  first_name = cvn_snapshot_get_name (snapshot, first->member_kind, first->member_id);
  second_name = cvn_snapshot_get_name (snapshot, second->member_kind, second->member_id);
  return g_utf8_collate (first_name != NULL ? first_name : "",
                         second_name != NULL ? second_name : "");
}

static int
compare_groups_of (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const CvnMembership *first = *(const CvnMembership * const *) a;
  const CvnMembership *second = *(const CvnMembership * const *) b;
  CvnSnapshot *snapshot = user_data;
  gboolean first_current = cvn_snapshot_membership_is_current (snapshot, first);
  gboolean second_current = cvn_snapshot_membership_is_current (snapshot, second);
  const CvnGroup *first_group = cvn_snapshot_find_group (snapshot, first->group_id);
  const CvnGroup *second_group = cvn_snapshot_find_group (snapshot, second->group_id);

  if (first_current != second_current)
    return first_current ? -1 : 1;
  if (first_group == NULL || second_group == NULL)
    return (first_group == NULL) - (second_group == NULL);
  /* Higher tiers first, as the outline reads: board, alliance, cluster, then the rest. */
  if (first_group->tier != second_group->tier)
    return second_group->tier - first_group->tier;
  return g_utf8_collate (first_group->name, second_group->name);
}

/* The groups an object (a school or a person) is in, current ones first and ended ones after,
 * marked, so the history stays visible. */
static void
add_groups_of (CvnDetailsPane *self,
               CvnSnapshot    *snapshot,
               CvnObjectKind   kind,
               gint64          id)
{
  g_autoptr (GPtrArray) memberships = cvn_snapshot_get_memberships_of (snapshot, kind, id, FALSE);
  AdwPreferencesGroup *group;

  group = add_group (self, _("Groups"));
  if (memberships->len == 0)
    {
      adw_preferences_group_set_description (group, _("Not a member of any group."));
      return;
    }

  g_ptr_array_sort_with_data (memberships, compare_groups_of, snapshot);
  for (guint i = 0; i < memberships->len; i++)
    {
      const CvnMembership *membership = g_ptr_array_index (memberships, i);
      const CvnGroup *member_of = cvn_snapshot_find_group (snapshot, membership->group_id);
      g_autofree char *kind_label = NULL;
      g_autofree char *role = NULL;
      g_autofree char *dates = NULL;
      g_autofree char *subtitle = NULL;

      if (member_of == NULL)
        continue;
      kind_label = cvn_outline_dup_kind_label (member_of->kind);
      role = join (kind_label, cvn_role_get_label (membership->role));
      dates = format_date_range (membership->from_date, membership->until_date);
      subtitle = join (role, dates);
      add_link (self, group, snapshot, CVN_OBJECT_GROUP, member_of->id, subtitle,
                date_range_tag (membership->from_date, membership->until_date,
                                snapshot->today));
    }
}

static void
add_designations (CvnDetailsPane *self,
                  CvnSnapshot    *snapshot,
                  CvnObjectKind   kind,
                  gint64          id)
{
  g_autoptr (GPtrArray) designations = cvn_snapshot_get_designations_of (snapshot, kind, id,
                                                                         FALSE);
  AdwPreferencesGroup *current = NULL;
  AdwPreferencesGroup *past = NULL;

  /* Current designations first, as a group of their own, and expired ones after as history. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < designations->len; i++)
      {
        const CvnDesignation *designation = g_ptr_array_index (designations, i);
        const CvnDesignationType *type =
          cvn_snapshot_find_designation_type (snapshot, designation->type_id);
        gboolean is_current = cvn_date_range_is_current (designation->from_date,
                                                         designation->until_date,
                                                         snapshot->today);
        g_autofree char *title = NULL;
        g_autofree char *dates = NULL;
        AdwActionRow *row;

        if (type == NULL || is_current != (pass == 0))
          continue;
        if (is_current && current == NULL)
          current = add_group (self, _("Designations"));
        else if (!is_current && past == NULL)
          past = add_group (self, _("Past Designations"));

        if (*type->name != '\0' && g_strcmp0 (type->name, type->code) != 0)
          /* TRANSLATORS: a designation and its code, as in "Local leader of education (LLE)". */
          title = g_strdup_printf (_("%s (%s)"), type->name, type->code);
        else
          title = g_strdup (type->code);
        dates = format_date_range (designation->from_date, designation->until_date);
        row = new_row (title, dates);
        if (!is_current)
          {
            GtkWidget *label = gtk_label_new (date_range_tag (designation->from_date,
                                                              designation->until_date,
                                                              snapshot->today));

            gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
            gtk_widget_add_css_class (label, "tag");
            adw_action_row_add_suffix (row, label);
            gtk_widget_add_css_class (GTK_WIDGET (row), "ended");
          }
        adw_preferences_group_add (is_current ? current : past, GTK_WIDGET (row));
      }
}

static void
set_header (CvnDetailsPane *self,
            const char     *icon_name,
            const char     *title,
            const char     *summary)
{
  gtk_image_set_from_icon_name (self->icon, icon_name);
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary != NULL && *summary != '\0');
}

/* Objects -------------------------------------------------------------------------------- */

static void
show_establishment (CvnDetailsPane         *self,
                    CvnSnapshot            *snapshot,
                    const CvnEstablishment *establishment)
{
  g_autofree char *phase = cvn_outline_dup_kind_label (establishment->phase);
  g_autofree char *summary = NULL;
  g_autofree char *urn = NULL;
  g_autofree char *pupils = NULL;
  g_autofree char *location = NULL;
  AdwPreferencesGroup *group;
  AdwPreferencesGroup *people = NULL;

  if (*establishment->phase == '\0')
    g_clear_pointer (&phase, g_free);
  summary = join (phase, establishment->type);
  if (!establishment->is_open)
    {
      char *closed = join (summary, _("Closed"));

      g_free (summary);
      summary = closed;
    }
  set_header (self, "cvn-school-symbolic", establishment->name, summary);

  group = add_group (self, _("School"));
  if (establishment->urn > 0)
    urn = g_strdup_printf ("%" G_GINT64_FORMAT, establishment->urn);
  add_field (group, _("URN"), urn);
  add_field (group, _("Phase"), phase);
  add_field (group, _("Type"), establishment->type);
  add_field (group, _("Local authority"), establishment->local_authority);
  add_field (group, _("Trust"), establishment->trust);
  if (*establishment->federation != '\0')
    add_field (group, _("Federation"), establishment->federation);
  add_field (group, _("Diocese"), establishment->diocese);
  if (*establishment->religious_character != '\0')
    add_field (group, _("Religious character"), establishment->religious_character);
  if (establishment->pupils >= 0)
    pupils = g_strdup_printf ("%d", establishment->pupils);
  add_field (group, _("Pupils"), pupils);
  add_field (group, _("Inspection grade"), establishment->inspection_grade);
  add_field (group, _("Risk category"),
             *establishment->risk_category != '\0' ? establishment->risk_category : _("None"));
  if (establishment->has_location)
    {
      /* TRANSLATORS: a British National Grid reference in metres. */
      g_autofree char *grid = g_strdup_printf (_("Easting %.0f, northing %.0f"),
                                               establishment->easting,
                                               establishment->northing);

      location = join (establishment->postcode, grid);
    }
  else
    location = g_strdup (establishment->postcode);
  add_field (group, _("Location"), location);
  if (*establishment->engagement != '\0')
    {
      g_autofree char *engagement = cvn_outline_dup_kind_label (establishment->engagement);

      add_field (group, _("Engagement with the local system"), engagement);
    }
  if (*establishment->opted_out_reason != '\0')
    add_field (group, _("Reason for being in no cluster"), establishment->opted_out_reason);

  add_designations (self, snapshot, CVN_OBJECT_ESTABLISHMENT, establishment->id);
  add_groups_of (self, snapshot, CVN_OBJECT_ESTABLISHMENT, establishment->id);

  for (guint i = 0; i < snapshot->people->len; i++)
    {
      const CvnPerson *person = &g_array_index (snapshot->people, CvnPerson, i);

      if (person->establishment_id != establishment->id)
        continue;
      if (people == NULL)
        people = add_group (self, _("People"));
      add_link (self, people, snapshot, CVN_OBJECT_PERSON, person->id, person->job_title, NULL);
    }
}

static void
show_person (CvnDetailsPane  *self,
             CvnSnapshot     *snapshot,
             const CvnPerson *person)
{
  const CvnEstablishment *school = person->establishment_id != 0
    ? cvn_snapshot_find_establishment (snapshot, person->establishment_id) : NULL;
  g_autofree char *summary = join (person->job_title, school != NULL ? school->name : NULL);
  AdwPreferencesGroup *group;

  set_header (self, "avatar-default-symbolic", person->name, summary);

  group = add_group (self, _("Person"));
  add_field (group, _("Job title"), person->job_title);
  if (school != NULL)
    {
      g_autofree char *urn = school->urn > 0
        ? g_strdup_printf (_("URN %" G_GINT64_FORMAT), school->urn) : NULL;
      g_autofree char *subtitle = join (_("School"), urn);

      add_link (self, group, snapshot, CVN_OBJECT_ESTABLISHMENT, school->id, subtitle, NULL);
    }
  else
    add_field (group, _("School"), NULL);
  add_field (group, _("Email"), person->email);
  add_field (group, _("Phone"), person->phone);

  add_designations (self, snapshot, CVN_OBJECT_PERSON, person->id);
  add_groups_of (self, snapshot, CVN_OBJECT_PERSON, person->id);
}

/* Adds the schools of @group and of the groups nested in it (by parent) to @schools. */
static void
collect_schools (CvnSnapshot    *snapshot,
                 const CvnGroup *group,
                 GHashTable     *schools,
                 GHashTable     *visited)
{
  g_autoptr (GPtrArray) members = NULL;
  g_autoptr (GPtrArray) children = NULL;

  /* Parents may loop (A in B in A); each group is counted once. */
  if (!g_hash_table_add (visited, (gpointer) &group->id))
    return;

  members = cvn_snapshot_get_members (snapshot, group->id, TRUE);
  for (guint i = 0; i < members->len; i++)
    {
      const CvnMembership *membership = g_ptr_array_index (members, i);

      if (membership->member_kind == CVN_OBJECT_ESTABLISHMENT)
        g_hash_table_add (schools, (gpointer) &membership->member_id);
    }

  children = cvn_snapshot_get_child_groups (snapshot, group->id);
  for (guint i = 0; i < children->len; i++)
    collect_schools (snapshot, g_ptr_array_index (children, i), schools, visited);
}

static void
show_group (CvnDetailsPane *self,
            CvnSnapshot    *snapshot,
            const CvnGroup *shown)
{
  g_autofree char *kind_label = cvn_outline_dup_kind_label (shown->kind);
  g_autofree char *tier = shown->tier > 0 ? g_strdup_printf (_("Tier %d"), shown->tier)
                                          : g_strdup (_("No tier"));
  g_autofree char *summary = join (kind_label, tier);
  g_autofree char *phase = NULL;
  g_autofree char *status = NULL;
  g_autofree char *schools_count = NULL;
  g_autofree char *people_count = NULL;
  g_autoptr (GPtrArray) members = cvn_snapshot_get_members (snapshot, shown->id, FALSE);
  g_autoptr (GPtrArray) children = cvn_snapshot_get_child_groups (snapshot, shown->id);
  g_autoptr (GHashTable) schools = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) visited = g_hash_table_new (g_int64_hash, g_int64_equal);
  const CvnGroup *parent = shown->parent_id != 0
    ? cvn_snapshot_find_group (snapshot, shown->parent_id) : NULL;
  guint n_schools = 0, n_people = 0, n_groups = 0, n_all_schools;
  AdwPreferencesGroup *group;

  set_header (self, cvn_outline_group_icon_name (shown->kind), shown->name, summary);

  for (guint i = 0; i < members->len; i++)
    {
      const CvnMembership *membership = g_ptr_array_index (members, i);

      if (!cvn_snapshot_membership_is_current (snapshot, membership))
        continue;
      switch (membership->member_kind)
        {
        case CVN_OBJECT_ESTABLISHMENT:
          n_schools++;
          break;
        case CVN_OBJECT_PERSON:
          n_people++;
          break;
        case CVN_OBJECT_GROUP:
          n_groups++;
          break;
        case CVN_OBJECT_NONE:
        default:
          break;
        }
    }
  collect_schools (snapshot, shown, schools, visited);
  n_all_schools = g_hash_table_size (schools);

  group = add_group (self, _("Group"));
  add_field (group, _("Kind"), kind_label);
  add_field (group, _("Tier"), tier_label (shown->tier));
  if (parent != NULL)
    {
      /* TRANSLATORS: leads to a group's parent; %s is its kind, as in "alliance". */
      g_autofree char *subtitle = g_strdup_printf (_("The %s this group is part of"),
                                                   *parent->kind != '\0' ? parent->kind
                                                                          : _("group"));

      add_link (self, group, snapshot, CVN_OBJECT_GROUP, parent->id, subtitle, NULL);
    }
  if (*shown->phase != '\0')
    phase = cvn_outline_dup_kind_label (shown->phase);
  add_field (group, _("Phase"), phase != NULL ? phase : _("All phases"));
  add_field (group, _("Purpose"), shown->purpose);
  status = cvn_outline_dup_kind_label (shown->status);
  add_field (group, _("Status"), *shown->status != '\0' ? status : NULL);

  /* An alliance has its schools through its clusters rather than as members of its own;
   * both numbers matter, so the count says which is which. */
  if (n_all_schools == n_schools)
    schools_count = g_strdup_printf ("%u", n_schools);
  else if (n_schools == 0)
    schools_count = g_strdup_printf (ngettext ("%u, through its sub-groups",
                                               "%u, all through its sub-groups", n_all_schools),
                                     n_all_schools);
  else
    /* TRANSLATORS: the number of schools in a group and its sub-groups, then how many of
     * them are members of the group itself. */
    schools_count = g_strdup_printf (_("%u, of which %u directly"), n_all_schools, n_schools);
  people_count = g_strdup_printf ("%u", n_people);
  add_field (group, _("Schools"), schools_count);
  add_field (group, _("People"), people_count);
  if (n_groups > 0)
    {
      g_autofree char *groups_count = g_strdup_printf ("%u", n_groups);

      add_field (group, _("Member groups"), groups_count);
    }

  if (children->len > 0)
    {
      gboolean all_clusters = TRUE;
      AdwPreferencesGroup *sub_groups;

      for (guint i = 0; i < children->len; i++)
        all_clusters &= ((const CvnGroup *) g_ptr_array_index (children, i))->tier == 1;
      sub_groups = add_group (self, all_clusters ? _("Clusters") : _("Sub-groups"));
      for (guint i = 0; i < children->len; i++)
        {
          const CvnGroup *child = g_ptr_array_index (children, i);
          g_autofree char *child_kind = cvn_outline_dup_kind_label (child->kind);

          add_link (self, sub_groups, snapshot, CVN_OBJECT_GROUP, child->id, child_kind, NULL);
        }
    }

  group = add_group (self, _("Members"));
  if (members->len == 0)
    adw_preferences_group_set_description (group, _("This group has no members yet."));
  else
    {
      guint n_current = n_schools + n_people + n_groups;
      guint n_other = members->len - n_current;
      g_autofree char *current = g_strdup_printf (ngettext ("%u current member",
                                                            "%u current members", n_current),
                                                  n_current);
      g_autofree char *description = NULL;

      if (n_other > 0)
        {
          /* TRANSLATORS: memberships that have ended or not yet begun, after the current ones,
           * as in "12 current members, 3 past or future". */
          description = g_strdup_printf (ngettext ("%s, %u past or future",
                                                   "%s, %u past or future", n_other),
                                         current, n_other);
        }
      adw_preferences_group_set_description (group, description != NULL ? description : current);
    }
  g_ptr_array_sort_with_data (members, compare_memberships, snapshot);
  for (guint i = 0; i < members->len; i++)
    {
      const CvnMembership *membership = g_ptr_array_index (members, i);
      g_autofree char *dates = format_date_range (membership->from_date, membership->until_date);
      g_autofree char *detail = NULL;
      g_autofree char *subtitle = NULL;

      if (membership->member_kind == CVN_OBJECT_PERSON)
        {
          const CvnPerson *person = cvn_snapshot_find_person (snapshot, membership->member_id);

          detail = g_strdup (person != NULL ? person->job_title : "");
        }
      else if (membership->member_kind == CVN_OBJECT_ESTABLISHMENT)
        {
          const CvnEstablishment *school =
            cvn_snapshot_find_establishment (snapshot, membership->member_id);

          if (school != NULL && school->urn > 0)
            detail = g_strdup_printf (_("URN %" G_GINT64_FORMAT), school->urn);
        }
      if (membership->role != CVN_ROLE_MEMBER)
        {
          char *with_role = join (cvn_role_get_label (membership->role), detail);

          g_free (detail);
          detail = with_role;
        }
      subtitle = join (detail, dates);
      add_link (self, group, snapshot, membership->member_kind, membership->member_id, subtitle,
                date_range_tag (membership->from_date, membership->until_date,
                                snapshot->today));
    }
}

/* Public --------------------------------------------------------------------------------- */

void
cvn_details_pane_show (CvnDetailsPane *self,
                       CvnSnapshot    *snapshot,
                       CvnObjectKind   kind,
                       gint64          id)
{
  gboolean found = FALSE;
  gboolean same_object;

  g_return_if_fail (CVN_IS_DETAILS_PANE (self));
  g_return_if_fail (snapshot != NULL || kind == CVN_OBJECT_NONE);

  same_object = kind == self->kind && id == self->id;
  clear (self);
  switch (kind)
    {
    case CVN_OBJECT_ESTABLISHMENT:
      {
        const CvnEstablishment *establishment = cvn_snapshot_find_establishment (snapshot, id);

        if ((found = establishment != NULL))
          show_establishment (self, snapshot, establishment);
        break;
      }
    case CVN_OBJECT_PERSON:
      {
        const CvnPerson *person = cvn_snapshot_find_person (snapshot, id);

        if ((found = person != NULL))
          show_person (self, snapshot, person);
        break;
      }
    case CVN_OBJECT_GROUP:
      {
        const CvnGroup *group = cvn_snapshot_find_group (snapshot, id);

        if ((found = group != NULL))
          show_group (self, snapshot, group);
        break;
      }
    case CVN_OBJECT_NONE:
    default:
      break;
    }

  self->kind = found ? kind : CVN_OBJECT_NONE;
  self->id = found ? id : 0;
  gtk_stack_set_visible_child_name (self->stack, found ? "details" : "empty");

  /* A new object starts at the top; the same object shown again after an edit keeps its place
   * so the reader does not lose it. */
  if (found && !same_object)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
}

void
cvn_details_pane_set_document_is_empty (CvnDetailsPane *self,
                                        gboolean        is_empty)
{
  g_return_if_fail (CVN_IS_DETAILS_PANE (self));

  if (is_empty)
    {
      adw_status_page_set_title (self->status_page, _("Empty Document"));
      adw_status_page_set_description (self->status_page,
                                       _("This document has no groups, schools or people "
                                         "yet."));
    }
  else
    {
      adw_status_page_set_title (self->status_page, _("Nothing Selected"));
      adw_status_page_set_description (self->status_page,
                                       _("Choose a group, school or person in the outline to "
                                         "see its details and memberships."));
    }
}

CvnObjectKind
cvn_details_pane_get_kind (CvnDetailsPane *self)
{
  g_return_val_if_fail (CVN_IS_DETAILS_PANE (self), CVN_OBJECT_NONE);

  return self->kind;
}

gint64
cvn_details_pane_get_id (CvnDetailsPane *self)
{
  g_return_val_if_fail (CVN_IS_DETAILS_PANE (self), 0);

  return self->id;
}

GtkWidget *
cvn_details_pane_new (void)
{
  return g_object_new (CVN_TYPE_DETAILS_PANE, NULL);
}

static void
cvn_details_pane_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CVN_TYPE_DETAILS_PANE);

  G_OBJECT_CLASS (cvn_details_pane_parent_class)->dispose (object);
}

static void
cvn_details_pane_class_init (CvnDetailsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cvn_details_pane_dispose;

  /**
   * CvnDetailsPane::object-activated:
   * @kind: the CvnObjectKind of the object
   * @id: its id
   *
   * Emitted when a row naming another object (a group, a member, a school) is activated.
   */
  signals[OBJECT_ACTIVATED] =
    g_signal_new ("object-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/convenor/Convenor/cvn-details-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, CvnDetailsPane, stack);
  gtk_widget_class_bind_template_child (widget_class, CvnDetailsPane, status_page);
  gtk_widget_class_bind_template_child (widget_class, CvnDetailsPane, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, CvnDetailsPane, icon);
  gtk_widget_class_bind_template_child (widget_class, CvnDetailsPane, title_label);
  gtk_widget_class_bind_template_child (widget_class, CvnDetailsPane, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CvnDetailsPane, groups_box);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "detailspane");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cvn_details_pane_init (CvnDetailsPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
