/* cvn-reports.c — the printed reports as plain tables.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-reports"

#include "config.h"

#include "cvn-reports.h"
#include "cvn-audit.h"
#include "cvn-csv.h"
#include "cvn-reach.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (cvn-report-error-quark, cvn_report_error)

static const char * const kind_names[CVN_N_REPORT_KINDS] = {
  "membership", "representation", "directory", "audit", "engagements",
};

const char *
cvn_report_kind_to_string (CvnReportKind kind)
{
  g_return_val_if_fail ((guint) kind < CVN_N_REPORT_KINDS, "");

  return kind_names[kind];
}

gboolean
cvn_report_kind_from_string (const char    *str,
                             CvnReportKind *out_kind)
{
  g_return_val_if_fail (out_kind != NULL, FALSE);

  for (guint i = 0; str != NULL && i < CVN_N_REPORT_KINDS; i++)
    if (g_ascii_strcasecmp (str, kind_names[i]) == 0)
      {
        *out_kind = (CvnReportKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
cvn_report_kind_get_title (CvnReportKind kind)
{
  switch (kind)
    {
    case CVN_REPORT_MEMBERSHIP:
      return _("Membership lists");
    case CVN_REPORT_REPRESENTATION:
      return _("Committee representation");
    case CVN_REPORT_DIRECTORY:
      return _("Directory of strengths and needs");
    case CVN_REPORT_AUDIT:
      return _("Audit of capacity against need");
    case CVN_REPORT_ENGAGEMENTS:
      return _("Register of support engagements");
    default:
      g_return_val_if_reached ("");
    }
}

void
cvn_report_options_init (CvnReportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
}

/* Building blocks */

static void
section_free (gpointer data)
{
  CvnReportSection *section = data;

  g_free (section->heading);
  g_free (section->detail);
  g_ptr_array_unref (section->rows);
  g_free (section);
}

void
cvn_report_free (CvnReport *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->note);
  g_free (self->section_title);
  g_free (self->empty_text);
  for (guint i = 0; i < self->n_columns; i++)
    g_free (self->columns[i].title);
  g_free (self->columns);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_free (self->today);
  g_free (self);
}

static CvnReport *
report_new (CvnReportKind  kind,
            CvnSnapshot   *snapshot,
            gboolean       hide_people)
{
  CvnReport *report = g_new0 (CvnReport, 1);

  report->kind = kind;
  report->title = g_strdup (cvn_report_kind_get_title (kind));
  report->sections = g_ptr_array_new_with_free_func (section_free);
  report->people_hidden = hide_people;
  report->today = g_strdup (snapshot->today);
  return report;
}

static void
add_column (CvnReport  *report,
            const char *title,
            double      weight,
            guint       flags)
{
  report->columns = g_renew (CvnReportColumn, report->columns, report->n_columns + 1);
  report->columns[report->n_columns].title = g_strdup (title);
  report->columns[report->n_columns].weight = weight;
  report->columns[report->n_columns].flags = flags;
  report->n_columns++;
}

/* Takes ownership of @heading and @detail. */
static CvnReportSection *
add_section (CvnReport *report,
             char      *heading,
             char      *detail)
{
  CvnReportSection *section = g_new0 (CvnReportSection, 1);

  section->heading = heading;
  section->detail = detail;
  section->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_ptr_array_add (report->sections, section);
  return section;
}

/* Appends a row of the report's n_columns cells, taking ownership of each (NULL reads as an
 * empty cell). */
static void
add_row (CvnReport        *report,
         CvnReportSection *section,
         ...)
{
  char **row = g_new0 (char *, report->n_columns + 1);
  va_list args;

  va_start (args, section);
  for (guint i = 0; i < report->n_columns; i++)
    {
      char *cell = va_arg (args, char *);

      row[i] = cell != NULL ? cell : g_strdup ("");
    }
  va_end (args);
  g_ptr_array_add (section->rows, row);
}

guint
cvn_report_get_n_rows (const CvnReport *self)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->sections->len; i++)
    n += ((const CvnReportSection *) g_ptr_array_index (self->sections, i))->rows->len;
  return n;
}

static char *
format_days (double days)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%g", days));
}

/* "learning community" -> "Learning community", for headings and cells. */
static char *
capitalise (const char *text)
{
  GString *out;

  if (text == NULL || text[0] == '\0')
    return g_strdup ("");
  out = g_string_new (NULL);
  g_string_append_unichar (out, g_unichar_totitle (g_utf8_get_char (text)));
  g_string_append (out, g_utf8_next_char (text));
  return g_string_free (out, FALSE);
}

/* Joins the non-empty strings of a NULL-terminated list with @separator. */
static char *
join_present (const char *separator,
              ...)
{
  GString *out = g_string_new (NULL);
  const char *part;
  va_list args;

  va_start (args, separator);
  while ((part = va_arg (args, const char *)) != NULL)
    if (part[0] != '\0')
      {
        if (out->len > 0)
          g_string_append (out, separator);
        g_string_append (out, part);
      }
  va_end (args);
  return g_string_free (out, FALSE);
}

/* People */

char *
cvn_report_describe_person_hidden (CvnSnapshot     *snapshot,
                                   const CvnPerson *person)
{
  const CvnEstablishment *school = NULL;

  g_return_val_if_fail (snapshot != NULL && person != NULL, NULL);

  if (person->establishment_id > 0)
    school = cvn_snapshot_find_establishment (snapshot, person->establishment_id);
  if (person->job_title[0] == '\0' && school == NULL)
    return g_strdup (_("Name withheld"));
  return join_present (", ", person->job_title, school != NULL ? school->name : "", NULL);
}

char *
cvn_report_describe_person (CvnSnapshot     *snapshot,
                            const CvnPerson *person,
                            gboolean         hide_people)
{
  g_return_val_if_fail (snapshot != NULL && person != NULL, NULL);

  if (hide_people)
    return cvn_report_describe_person_hidden (snapshot, person);
  return g_strdup (person->name);
}

/* A person with their post, for lists where the school matters as much as the name:
 * "Adam McCarthy, Headteacher, Ashworth Primary School", or the hidden description. */
static char *
describe_person_in_post (CvnSnapshot     *snapshot,
                         const CvnPerson *person,
                         gboolean         hide_people)
{
  g_autofree char *post = cvn_report_describe_person_hidden (snapshot, person);

  if (hide_people)
    return g_steal_pointer (&post);
  if (person->job_title[0] == '\0' && person->establishment_id <= 0)
    return g_strdup (person->name);
  return g_strdup_printf ("%s, %s", person->name, post);
}

/* Brokers and reviewers are free text, usually a person's name. With personal data hidden, a
 * name the document knows becomes that person's post; any other text is withheld, since it
 * may well be a name too. */
static char *
describe_named (CvnSnapshot *snapshot,
                const char  *name,
                gboolean     hide_people)
{
  if (name == NULL || name[0] == '\0')
    return g_strdup ("");
  if (!hide_people)
    return g_strdup (name);
  for (guint i = 0; i < snapshot->people->len; i++)
    {
      const CvnPerson *person = &g_array_index (snapshot->people, CvnPerson, i);

      if (g_utf8_collate (person->name, name) == 0)
        return cvn_report_describe_person_hidden (snapshot, person);
    }
  return g_strdup (_("Name withheld"));
}

/* The name of any member, with people described as @hide_people says. */
static char *
describe_object (CvnSnapshot   *snapshot,
                 CvnObjectKind  kind,
                 gint64         id,
                 gboolean       hide_people)
{
  const char *name;

  if (kind == CVN_OBJECT_PERSON)
    {
      const CvnPerson *person = cvn_snapshot_find_person (snapshot, id);

      if (person != NULL)
        return describe_person_in_post (snapshot, person, hide_people);
    }
  name = cvn_snapshot_get_name (snapshot, kind, id);
  return g_strdup (name != NULL ? name : _("(deleted)"));
}

/* Membership lists */

static int
role_rank (CvnRole role)
{
  switch (role)
    {
    case CVN_ROLE_CHAIR:
      return 0;
    case CVN_ROLE_CO_CHAIR:
      return 1;
    case CVN_ROLE_LEAD_HEAD:
      return 2;
    case CVN_ROLE_REPRESENTATIVE:
      return 3;
    case CVN_ROLE_MEMBER:
      return 4;
    case CVN_ROLE_OBSERVER:
      return 5;
    case CVN_N_ROLES:
    default:
      return 6;
    }
}

static int
kind_rank (CvnObjectKind kind)
{
  switch (kind)
    {
    case CVN_OBJECT_GROUP:
      return 0;
    case CVN_OBJECT_ESTABLISHMENT:
      return 1;
    case CVN_OBJECT_PERSON:
      return 2;
    case CVN_OBJECT_NONE:
    default:
      return 3;
    }
}

typedef struct
{
  const CvnMembership *membership;
  char                *name;
  gboolean             current;
} MemberRow;

static void
member_row_clear (MemberRow *row)
{
  g_free (row->name);
}

/* Current members before past and future ones; then chairs first, groups before schools
 * before people, and by name, so a list reads the way a committee clerk would write it. */
static int
compare_member_rows (gconstpointer a,
                     gconstpointer b)
{
  const MemberRow *ra = a, *rb = b;
  int cmp;

  if (ra->current != rb->current)
    return ra->current ? -1 : 1;
  if ((cmp = role_rank (ra->membership->role) - role_rank (rb->membership->role)) != 0)
    return cmp;
  if ((cmp = kind_rank (ra->membership->member_kind) -
             kind_rank (rb->membership->member_kind)) != 0)
    return cmp;
  if ((cmp = g_utf8_collate (ra->name, rb->name)) != 0)
    return cmp;
  return (ra->membership->id > rb->membership->id) - (ra->membership->id < rb->membership->id);
}

static char *
describe_member_kind (CvnSnapshot         *snapshot,
                      const CvnMembership *m)
{
  switch (m->member_kind)
    {
    case CVN_OBJECT_ESTABLISHMENT:
      {
        const CvnEstablishment *school = cvn_snapshot_find_establishment (snapshot,
                                                                          m->member_id);

        if (school != NULL && school->phase[0] != '\0')
          /* TRANSLATORS: a school member of a group, with its phase ("School (primary)"). */
          return g_strdup_printf (_("School (%s)"), school->phase);
        return g_strdup (_("School"));
      }
    case CVN_OBJECT_PERSON:
      return g_strdup (_("Person"));
    case CVN_OBJECT_GROUP:
      {
        const CvnGroup *group = cvn_snapshot_find_group (snapshot, m->member_id);

        if (group != NULL && group->kind[0] != '\0')
          /* TRANSLATORS: a group that is a member of another, with its kind. */
          return g_strdup_printf (_("Group (%s)"), group->kind);
        return g_strdup (_("Group"));
      }
    case CVN_OBJECT_NONE:
    default:
      return g_strdup ("");
    }
}

static char *
describe_contact (CvnSnapshot         *snapshot,
                  const CvnMembership *m)
{
  const CvnPerson *person;

  if (m->member_kind != CVN_OBJECT_PERSON)
    return g_strdup ("");
  person = cvn_snapshot_find_person (snapshot, m->member_id);
  if (person == NULL)
    return g_strdup ("");
  return join_present (", ", person->email, person->phone, NULL);
}

static char *
describe_group (CvnSnapshot    *snapshot,
                const CvnGroup *group,
                guint           n_current)
{
  g_autofree char *kind = capitalise (group->kind);
  g_autofree char *tier = group->tier > 0 ? g_strdup_printf (_("tier %d"), group->tier)
                                          : g_strdup ("");
  const CvnGroup *parent = group->parent_id > 0
                             ? cvn_snapshot_find_group (snapshot, group->parent_id) : NULL;
  g_autofree char *within = parent != NULL ? g_strdup_printf (_("part of %s"), parent->name)
                                           : g_strdup ("");
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "%u current member",
                                                         "%u current members", n_current),
                                            n_current);
  g_autofree char *status = g_ascii_strcasecmp (group->status, "active") != 0
                              ? g_strdup (group->status) : g_strdup ("");

  return join_present (" · ", kind, tier, within, status, count, NULL);
}

static void
build_membership (CvnReport   *report,
                  CvnSnapshot *snapshot)
{
  gboolean hide = report->people_hidden;

  report->section_title = g_strdup (_("Group"));
  report->empty_text = g_strdup (_("No members."));
  add_column (report, _("Member"), 3.2, CVN_REPORT_COLUMN_WRAP);
  add_column (report, _("Kind"), 1.1, CVN_REPORT_COLUMN_WRAP);
  add_column (report, _("Role"), 0.9, CVN_REPORT_COLUMN_WRAP);
  /* With personal data hidden there are no contact details to show, so no column. */
  if (!hide)
    add_column (report, _("Contact"), 2.6, CVN_REPORT_COLUMN_WRAP);
  add_column (report, _("From"), 1.0, CVN_REPORT_COLUMN_COMPACT);
  add_column (report, _("Until"), 1.0, CVN_REPORT_COLUMN_COMPACT);
  if (hide)
    report->note = g_strdup (_("Personal data hidden: people appear by their post and "
                               "establishment, without contact details."));

  for (guint i = 0; i < snapshot->groups->len; i++)
    {
      const CvnGroup *group = &g_array_index (snapshot->groups, CvnGroup, i);
      g_autoptr (GPtrArray) members = cvn_snapshot_get_members (snapshot, group->id, FALSE);
      g_autoptr (GArray) rows = g_array_new (FALSE, TRUE, sizeof (MemberRow));
      CvnReportSection *section;
      guint n_current = 0;

      g_array_set_clear_func (rows, (GDestroyNotify) member_row_clear);
      for (guint j = 0; j < members->len; j++)
        {
          MemberRow row;

          row.membership = g_ptr_array_index (members, j);
          row.name = describe_object (snapshot, row.membership->member_kind,
                                      row.membership->member_id, hide);
          row.current = cvn_snapshot_membership_is_current (snapshot, row.membership);
          n_current += row.current ? 1 : 0;
          g_array_append_val (rows, row);
        }
      g_array_sort (rows, compare_member_rows);

      section = add_section (report, g_strdup (group->name),
                             describe_group (snapshot, group, n_current));
      for (guint j = 0; j < rows->len; j++)
        {
          MemberRow *row = &g_array_index (rows, MemberRow, j);
          const CvnMembership *m = row->membership;
          char **cells = g_new0 (char *, report->n_columns + 1);
          guint c = 0;

          cells[c++] = g_steal_pointer (&row->name);
          cells[c++] = describe_member_kind (snapshot, m);
          cells[c++] = g_strdup (cvn_role_get_label (m->role));
          if (!hide)
            cells[c++] = describe_contact (snapshot, m);
          cells[c++] = g_strdup (m->from_date);
          cells[c++] = g_strdup (m->until_date);
          g_assert (c == report->n_columns);
          g_ptr_array_add (section->rows, cells);
        }
    }
}

/* Committee representation: the one rule, which cvn-checks.c's committee-unrepresented check
 * applies too. */

static char *
normalise_kind (const char *kind)
{
  char *normal = g_ascii_strdown (kind != NULL ? kind : "", -1);

  g_strstrip (normal);
  g_strdelimit (normal, " _", '-');
  return normal;
}

static gboolean
kind_in_list (const char * const *kinds,
              const char         *kind)
{
  g_autofree char *normal = normalise_kind (kind);

  for (guint i = 0; kinds[i] != NULL; i++)
    {
      g_autofree char *wanted = normalise_kind (kinds[i]);

      if (wanted[0] != '\0' && g_str_equal (wanted, normal))
        return TRUE;
    }
  return FALSE;
}

void
cvn_representation_free (CvnRepresentation *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->representatives, g_ptr_array_unref);
  g_free (self);
}

static gboolean
is_committee (const CvnGroup *group)
{
  return cvn_reach_is_live_group (group) &&
         (g_ascii_strcasecmp (group->kind, "committee") == 0 || group->represents[0] != '\0');
}

/* A committee represents the kinds named in its represents field; a group of kind "committee"
 * that names none represents the tier-1 groups, the partnerships every heads' committee is
 * expected to hear from. A committee with a phase (a primary heads' committee) expects only
 * groups of the same phase or of no stated phase. */
static void
represent_committee (CvnSnapshot    *snapshot,
                     GHashTable     *children,
                     const CvnGroup *committee,
                     GPtrArray      *out)
{
  g_auto (GStrv) kinds = g_strsplit (committee->represents, ",", -1);
  gboolean by_tier = committee->represents[0] == '\0' || g_strv_length (kinds) == 0;
  g_autoptr (GPtrArray) members = cvn_reach_get_live_members (snapshot, committee->id);

  for (guint i = 0; i < snapshot->groups->len; i++)
    {
      const CvnGroup *group = &g_array_index (snapshot->groups, CvnGroup, i);
      g_auto (CvnReach) reach = { 0 };
      CvnRepresentation *representation;

      if (group->id == committee->id || !cvn_reach_is_live_group (group))
        continue;
      if (by_tier ? group->tier != 1 : !kind_in_list ((const char * const *) kinds, group->kind))
        continue;
      if (committee->phase[0] != '\0' && group->phase[0] != '\0' &&
          g_ascii_strcasecmp (committee->phase, group->phase) != 0)
        continue;

      cvn_reach_init (&reach);
      cvn_reach_collect (&reach, snapshot, children, group->id);

      representation = g_new0 (CvnRepresentation, 1);
      representation->committee = committee;
      representation->partnership = group;
      representation->representatives = g_ptr_array_new ();
      for (guint j = 0; j < members->len; j++)
        if (cvn_reach_draws_on (&reach, snapshot, g_ptr_array_index (members, j), TRUE))
          g_ptr_array_add (representation->representatives, g_ptr_array_index (members, j));
      g_ptr_array_add (out, representation);
    }
}

GPtrArray *
cvn_reports_get_representation (CvnSnapshot *snapshot)
{
  g_autoptr (GHashTable) children = NULL;
  GPtrArray *out;

  g_return_val_if_fail (snapshot != NULL, NULL);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) cvn_representation_free);
  children = cvn_reach_index_children (snapshot);
  for (guint i = 0; i < snapshot->groups->len; i++)
    {
      const CvnGroup *group = &g_array_index (snapshot->groups, CvnGroup, i);

      if (is_committee (group))
        represent_committee (snapshot, children, group, out);
    }
  return out;
}

static char *
describe_representatives (CvnSnapshot *snapshot,
                          GPtrArray   *representatives,
                          gboolean     hide_people)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < representatives->len; i++)
    {
      const CvnMembership *m = g_ptr_array_index (representatives, i);
      g_autofree char *name = describe_object (snapshot, m->member_kind, m->member_id,
                                               hide_people);

      if (out->len > 0)
        g_string_append (out, "; ");
      g_string_append (out, name);
      if (m->role != CVN_ROLE_MEMBER)
        g_string_append_printf (out, " (%s)", cvn_role_get_label (m->role));
    }
  return g_string_free (out, FALSE);
}

static char *
describe_committee (CvnSnapshot    *snapshot,
                    const CvnGroup *committee,
                    guint           n_partnerships,
                    guint           n_unrepresented)
{
  g_autoptr (GPtrArray) members = cvn_reach_get_live_members (snapshot, committee->id);
  g_autofree char *represents = committee->represents[0] != '\0'
                                  ? g_strdup_printf (_("represents every %s"),
                                                     committee->represents)
                                  : g_strdup (_("represents every tier-1 group"));
  g_autofree char *phase = committee->phase[0] != '\0'
                             ? g_strdup_printf (_("phase: %s"), committee->phase)
                             : g_strdup ("");
  g_autofree char *seats = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "%u current member",
                                                         "%u current members", members->len),
                                            members->len);
  g_autofree char *gaps = g_strdup_printf (_("%u of %u partnerships unrepresented"),
                                           n_unrepresented, n_partnerships);

  g_strdelimit (represents, ",", '/');
  return join_present (" · ", represents, phase, seats, gaps, NULL);
}

static void
build_representation (CvnReport   *report,
                      CvnSnapshot *snapshot)
{
  g_autoptr (GPtrArray) all = cvn_reports_get_representation (snapshot);
  gboolean hide = report->people_hidden;
  guint start = 0;

  report->section_title = g_strdup (_("Committee"));
  report->empty_text = g_strdup (_("No partnership of the kinds this committee represents."));
  report->note = g_strdup (_("A partnership is represented when a current member of the "
                             "committee belongs to it or works at one of its schools."));
  add_column (report, _("Partnership"), 2.6, CVN_REPORT_COLUMN_WRAP);
  add_column (report, _("Kind"), 1.4, CVN_REPORT_COLUMN_WRAP);
  add_column (report, _("Represented"), 1.0, CVN_REPORT_COLUMN_COMPACT);
  add_column (report, _("Represented by"), 4.0, CVN_REPORT_COLUMN_WRAP);

  /* Committees with no partnership to represent still get their (empty) section. */
  for (guint i = 0; i < snapshot->groups->len; i++)
    {
      const CvnGroup *committee = &g_array_index (snapshot->groups, CvnGroup, i);
      CvnReportSection *section;
      guint end = start, n_unrepresented = 0;

      if (!is_committee (committee))
        continue;
      while (end < all->len &&
             ((CvnRepresentation *) g_ptr_array_index (all, end))->committee == committee)
        {
          CvnRepresentation *r = g_ptr_array_index (all, end);

          n_unrepresented += r->representatives->len == 0 ? 1 : 0;
          end++;
        }

      section = add_section (report, g_strdup (committee->name),
                             describe_committee (snapshot, committee, end - start,
                                                 n_unrepresented));
      for (guint j = start; j < end; j++)
        {
          CvnRepresentation *r = g_ptr_array_index (all, j);
          gboolean represented = r->representatives->len > 0;

          add_row (report, section,
                   g_strdup (r->partnership->name),
                   capitalise (r->partnership->kind),
                   g_strdup (represented ? _("Yes") : _("No")),
                   represented
                     ? describe_representatives (snapshot, r->representatives, hide)
                     : g_strdup (_("Nobody: not represented")));
        }
      start = end;
    }
}

/* The directory by area */

static const char *
qa_status_label (CvnQaStatus status)
{
  switch (status)
    {
    case CVN_QA_SELF_DECLARED:
      return _("Self-declared");
    case CVN_QA_PEER_REVIEWED:
      return _("Peer-reviewed");
    case CVN_QA_QUALITY_ASSURED:
      return _("Quality-assured");
    case CVN_N_QA_STATUSES:
    default:
      return "";
    }
}

typedef struct
{
  const CvnDirectoryEntry *entry;
  char                    *holder;
} DirectoryRow;

static void
directory_row_clear (DirectoryRow *row)
{
  g_free (row->holder);
}

static int
compare_directory_rows (gconstpointer a,
                        gconstpointer b)
{
  const DirectoryRow *ra = a, *rb = b;
  int cmp;

  if (ra->entry->kind != rb->entry->kind)
    return ra->entry->kind == CVN_DIRECTORY_STRENGTH ? -1 : 1;
  if ((cmp = g_utf8_collate (ra->holder, rb->holder)) != 0)
    return cmp;
  return (ra->entry->id > rb->entry->id) - (ra->entry->id < rb->entry->id);
}

static char *
describe_directory_kind (const CvnDirectoryEntry *entry)
{
  if (entry->kind == CVN_DIRECTORY_STRENGTH)
    return g_strdup (_("Strength"));
  if (entry->priority[0] != '\0')
    /* TRANSLATORS: a need with its priority, "Need (high)". */
    return g_strdup_printf (_("Need (%s)"), entry->priority);
  return g_strdup (_("Need"));
}

static void
build_directory (CvnReport   *report,
                 CvnSnapshot *snapshot)
{
  gboolean hide = report->people_hidden;

  report->section_title = g_strdup (_("Expertise area"));
  report->empty_text = g_strdup (_("No strengths or needs recorded."));
  report->note = g_strdup (_("Strengths offer days of support per term; needs carry their "
                             "priority. Reviews older than a year deserve a fresh look."));
  add_column (report, _("School or person"), 2.6, CVN_REPORT_COLUMN_WRAP);
  add_column (report, _("Entry"), 1.0, CVN_REPORT_COLUMN_WRAP);
  add_column (report, _("Days"), 0.6, CVN_REPORT_COLUMN_COMPACT | CVN_REPORT_COLUMN_NUMERIC);
  add_column (report, _("Assurance"), 1.1, CVN_REPORT_COLUMN_WRAP);
  add_column (report, _("Last review"), 1.4, CVN_REPORT_COLUMN_WRAP);
  add_column (report, _("Evidence and notes"), 3.6, CVN_REPORT_COLUMN_WRAP);

  for (guint i = 0; i < snapshot->expertise_areas->len; i++)
    {
      const CvnExpertiseArea *area = &g_array_index (snapshot->expertise_areas,
                                                     CvnExpertiseArea, i);
      g_autoptr (GArray) rows = g_array_new (FALSE, TRUE, sizeof (DirectoryRow));
      CvnReportSection *section;
      guint n_strengths = 0, n_needs = 0;
      double days = 0;

      g_array_set_clear_func (rows, (GDestroyNotify) directory_row_clear);
      for (guint j = 0; j < snapshot->directory_entries->len; j++)
        {
          const CvnDirectoryEntry *entry = &g_array_index (snapshot->directory_entries,
                                                           CvnDirectoryEntry, j);
          DirectoryRow row;

          if (entry->area_id != area->id)
            continue;
          row.entry = entry;
          row.holder = describe_object (snapshot, entry->holder_kind, entry->holder_id, hide);
          g_array_append_val (rows, row);
          if (entry->kind == CVN_DIRECTORY_STRENGTH)
            {
              n_strengths++;
              days += entry->capacity_days;
            }
          else
            n_needs++;
        }
      g_array_sort (rows, compare_directory_rows);

      {
        g_autofree char *total = format_days (days);
        char *detail = g_strdup_printf (_("%u strengths offering %s days per term · %u needs"),
                                        n_strengths, total, n_needs);

        section = add_section (report, capitalise (area->name), detail);
      }
      for (guint j = 0; j < rows->len; j++)
        {
          DirectoryRow *row = &g_array_index (rows, DirectoryRow, j);
          const CvnDirectoryEntry *entry = row->entry;
          g_autofree char *reviewer = describe_named (snapshot, entry->reviewer, hide);

          add_row (report, section,
                   g_steal_pointer (&row->holder),
                   describe_directory_kind (entry),
                   entry->kind == CVN_DIRECTORY_STRENGTH ? format_days (entry->capacity_days)
                                                         : g_strdup (""),
                   g_strdup (qa_status_label (entry->qa_status)),
                   join_present (", ", reviewer, entry->reviewed_on, NULL),
                   join_present (" — ", entry->evidence, entry->notes, NULL));
        }
    }
}

/* The audit matrix */

static char *
describe_cell (const CvnAuditCell *cell)
{
  g_autofree char *days = format_days (cell->capacity_days);

  return g_strdup_printf ("%s / %u", days, cell->need_count);
}

static gboolean
build_audit (CvnReport    *report,
             CvnSnapshot  *snapshot,
             gint64        group_id,
             GError      **error)
{
  g_autoptr (CvnAudit) audit = NULL;
  const CvnGroup *group = NULL;

  if (group_id != 0)
    {
      group = cvn_snapshot_find_group (snapshot, group_id);
      if (group == NULL)
        {
          g_set_error (error, CVN_REPORT_ERROR, CVN_REPORT_ERROR_NO_SUCH_GROUP,
                       _("There is no group with id %" G_GINT64_FORMAT " to audit"),
                       group_id);
          return FALSE;
        }
    }
  audit = cvn_audit_compute (snapshot, group_id, NULL);
  g_return_val_if_fail (audit != NULL, FALSE);

  report->note = g_strdup_printf (_("%s. Each cell reads days of capacity offered per term "
                                    "/ number of needs. A school in two sub-areas counts in "
                                    "both, but once in the total."),
                                  group != NULL ? group->name : _("The whole document"));
  report->empty_text = g_strdup (_("No expertise areas."));
  add_column (report, _("Expertise area"), 2.2, CVN_REPORT_COLUMN_WRAP);
  for (guint j = 0; j < audit->n_sub_areas; j++)
    add_column (report, audit->sub_areas[j].name, 1.0, CVN_REPORT_COLUMN_NUMERIC);
  add_column (report, _("Total"), 1.0, CVN_REPORT_COLUMN_NUMERIC);
  report->prefers_landscape = audit->n_sub_areas > 4;

  {
    CvnReportSection *section = add_section (report, NULL, NULL);

    for (guint i = 0; i < audit->n_areas; i++)
      {
        char **row = g_new0 (char *, report->n_columns + 1);

        row[0] = g_strdup (audit->areas[i].name);
        for (guint j = 0; j < audit->n_sub_areas; j++)
          row[j + 1] = describe_cell (cvn_audit_get_cell (audit, i, j));
        row[audit->n_sub_areas + 1] = describe_cell (&audit->totals[i]);
        g_ptr_array_add (section->rows, row);
      }
  }
  return TRUE;
}

/* The support-engagement register */

static const char *
engagement_status_label (CvnEngagementStatus status)
{
  switch (status)
    {
    case CVN_ENGAGEMENT_PROPOSED:
      return _("Proposed");
    case CVN_ENGAGEMENT_AGREED:
      return _("Agreed");
    case CVN_ENGAGEMENT_ACTIVE:
      return _("Active");
    case CVN_ENGAGEMENT_COMPLETED:
      return _("Completed");
    case CVN_ENGAGEMENT_WITHDRAWN:
      return _("Withdrawn");
    case CVN_N_ENGAGEMENT_STATUSES:
    default:
      return "";
    }
}

static int
compare_engagements (gconstpointer a,
                     gconstpointer b)
{
  const CvnSupportEngagement *ea = *(const CvnSupportEngagement * const *) a;
  const CvnSupportEngagement *eb = *(const CvnSupportEngagement * const *) b;
  int cmp;

  if ((cmp = strcmp (ea->start_date, eb->start_date)) != 0)
    return cmp;
  return (ea->id > eb->id) - (ea->id < eb->id);
}

static void
build_engagements (CvnReport   *report,
                   CvnSnapshot *snapshot)
{
  gboolean hide = report->people_hidden;
  g_autoptr (GPtrArray) engagements = g_ptr_array_new ();
  CvnReportSection *section;

  report->empty_text = g_strdup (_("No support has been brokered."));
  report->prefers_landscape = TRUE;
  add_column (report, _("Provider"), 2.0, CVN_REPORT_COLUMN_WRAP);
  add_column (report, _("Recipient"), 1.8, CVN_REPORT_COLUMN_WRAP);
  add_column (report, _("Area"), 1.3, CVN_REPORT_COLUMN_WRAP);
  add_column (report, _("Days"), 0.5, CVN_REPORT_COLUMN_COMPACT | CVN_REPORT_COLUMN_NUMERIC);
  add_column (report, _("From"), 1.0, CVN_REPORT_COLUMN_COMPACT);
  add_column (report, _("Until"), 1.0, CVN_REPORT_COLUMN_COMPACT);
  add_column (report, _("Status"), 1.0, CVN_REPORT_COLUMN_COMPACT);
  add_column (report, _("Broker"), 1.3, CVN_REPORT_COLUMN_WRAP);
  add_column (report, _("Success criteria"), 2.6, CVN_REPORT_COLUMN_WRAP);
  add_column (report, _("Impact"), 2.6, CVN_REPORT_COLUMN_WRAP);

  for (guint i = 0; i < snapshot->support_engagements->len; i++)
    g_ptr_array_add (engagements, &g_array_index (snapshot->support_engagements,
                                                  CvnSupportEngagement, i));
  g_ptr_array_sort (engagements, compare_engagements);

  section = add_section (report, NULL, NULL);
  for (guint i = 0; i < engagements->len; i++)
    {
      const CvnSupportEngagement *e = g_ptr_array_index (engagements, i);
      const CvnExpertiseArea *area = cvn_snapshot_find_expertise_area (snapshot, e->area_id);

      add_row (report, section,
               describe_object (snapshot, e->provider_kind, e->provider_id, hide),
               describe_object (snapshot, CVN_OBJECT_ESTABLISHMENT, e->recipient_id, hide),
               g_strdup (area != NULL ? area->name : ""),
               format_days (e->days),
               g_strdup (e->start_date),
               g_strdup (e->end_date),
               g_strdup (engagement_status_label (e->status)),
               describe_named (snapshot, e->broker, hide),
               g_strdup (e->success_criteria),
               g_strdup (e->impact_notes));
    }
}

CvnReport *
cvn_report_build (CvnSnapshot             *snapshot,
                  CvnReportKind            kind,
                  const CvnReportOptions  *options,
                  GError                 **error)
{
  g_autoptr (CvnReport) report = NULL;
  CvnReportOptions defaults;

  g_return_val_if_fail (snapshot != NULL, NULL);
  g_return_val_if_fail ((guint) kind < CVN_N_REPORT_KINDS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    {
      cvn_report_options_init (&defaults);
      options = &defaults;
    }
  report = report_new (kind, snapshot, options->hide_people);
  switch (kind)
    {
    case CVN_REPORT_MEMBERSHIP:
      build_membership (report, snapshot);
      break;
    case CVN_REPORT_REPRESENTATION:
      build_representation (report, snapshot);
      break;
    case CVN_REPORT_DIRECTORY:
      build_directory (report, snapshot);
      break;
    case CVN_REPORT_AUDIT:
      if (!build_audit (report, snapshot, options->group_id, error))
        return NULL;
      break;
    case CVN_REPORT_ENGAGEMENTS:
      build_engagements (report, snapshot);
      break;
    default:
      g_return_val_if_reached (NULL);
    }
  return g_steal_pointer (&report);
}

/* CSV */

char *
cvn_report_to_csv (const CvnReport *self)
{
  GString *out;
  g_autoptr (GPtrArray) fields = g_ptr_array_new ();
  gboolean sectioned;

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_new (NULL);
  sectioned = self->section_title != NULL;
  if (sectioned)
    g_ptr_array_add (fields, self->section_title);
  for (guint i = 0; i < self->n_columns; i++)
    g_ptr_array_add (fields, self->columns[i].title);
  cvn_csv_append_row (out, (const char * const *) fields->pdata, fields->len);

  for (guint s = 0; s < self->sections->len; s++)
    {
      const CvnReportSection *section = g_ptr_array_index (self->sections, s);

      for (guint r = 0; r < section->rows->len; r++)
        {
          char **row = g_ptr_array_index (section->rows, r);

          g_ptr_array_set_size (fields, 0);
          if (sectioned)
            g_ptr_array_add (fields, section->heading != NULL ? section->heading : "");
          for (guint i = 0; i < self->n_columns; i++)
            g_ptr_array_add (fields, row[i]);
          cvn_csv_append_row (out, (const char * const *) fields->pdata, fields->len);
        }
    }
  return g_string_free (out, FALSE);
}

gboolean
cvn_report_write_csv (const CvnReport  *self,
                      const char       *path,
                      GError          **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  text = cvn_report_to_csv (self);
  if (!g_file_set_contents (path, text, -1, error))
    {
      g_prefix_error (error, _("Writing the report %s: "), path);
      return FALSE;
    }
  return TRUE;
}
