/* cvn-directory-view.c
 *
 * The table is fed by a list of CvnDirectoryItems, one per directory entry, rebuilt from the
 * window's snapshot whenever the document changes. Each item carries what the columns show
 * (names resolved, remaining days worked out once through a capacity ledger), so binding a row
 * and comparing two rows for sorting never go back to the snapshot. Filtering happens in one
 * custom filter that reads the search text and drop-downs; sorting follows the column headings
 * through the column view's own sorter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-directory-view"

#include "config.h"

#include "cvn-directory-view.h"
#include "cvn-column-util.h"

#include "cvn-audit.h"
#include "cvn-audit-view.h"
#include "cvn-broker-dialog.h"
#include "cvn-directory.h"
#include "cvn-directory-csv.h"
#include "cvn-directory-entry-dialog.h"
#include "cvn-engagements-view.h"
#include "cvn-error-dialog.h"
#include "cvn-store.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

/* One row of the table ------------------------------------------------------------------- */

#define CVN_TYPE_DIRECTORY_ITEM (cvn_directory_item_get_type ())
G_DECLARE_FINAL_TYPE (CvnDirectoryItem, cvn_directory_item, CVN, DIRECTORY_ITEM, GObject)

struct _CvnDirectoryItem
{
  GObject            parent_instance;

  CvnDirectoryEntry  entry;
  char              *holder_name;
  char              *area_name;
  int                area_position;
  char              *phase;        /* the entry's phase, or else its holder school's */
  double             remaining;
  gint64             school_id;    /* the holder, or a person's school; 0 for none */
  gboolean           stale;        /* not reviewed within the audit's stale period */
  char              *search_text;  /* casefolded: holder, area, evidence, notes, reviewer */
};

G_DEFINE_FINAL_TYPE (CvnDirectoryItem, cvn_directory_item, G_TYPE_OBJECT)

static void
cvn_directory_item_finalize (GObject *object)
{
  CvnDirectoryItem *self = CVN_DIRECTORY_ITEM (object);

  cvn_directory_entry_clear (&self->entry);
  g_free (self->holder_name);
  g_free (self->area_name);
  g_free (self->phase);
  g_free (self->search_text);

  G_OBJECT_CLASS (cvn_directory_item_parent_class)->finalize (object);
}

static void
cvn_directory_item_class_init (CvnDirectoryItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cvn_directory_item_finalize;
}

static void
cvn_directory_item_init (CvnDirectoryItem *self)
{
}

static void
copy_entry (CvnDirectoryEntry       *dest,
            const CvnDirectoryEntry *src)
{
  *dest = *src;
  dest->evidence = g_strdup (src->evidence);
  dest->phase = g_strdup (src->phase);
  dest->priority = g_strdup (src->priority);
  dest->notes = g_strdup (src->notes);
  dest->reviewer = g_strdup (src->reviewer);
  dest->reviewed_on = g_strdup (src->reviewed_on);
}

/* The view ------------------------------------------------------------------------------- */

/* The columns in the order the table shows them: what a broker scans for comes first. */
typedef enum
{
  COLUMN_HOLDER,
  COLUMN_AREA,
  COLUMN_KIND,
  COLUMN_CAPACITY,
  COLUMN_REMAINING,
  COLUMN_SUPPORT,
  COLUMN_QA_STATUS,
  COLUMN_REVIEWED_ON,
  COLUMN_PRIORITY,
  COLUMN_REVIEWER,
  COLUMN_PHASE,
  COLUMN_HOLDER_KIND,
  COLUMN_EVIDENCE,
  N_COLUMNS
} Column;

typedef struct
{
  const char *id;
  const char *title;
  gboolean    numeric;
  int         fixed_width;    /* the column's width until the user resizes it */
} ColumnInfo;

static const ColumnInfo column_info[N_COLUMNS] = {
  [COLUMN_HOLDER] = { "holder", N_("Holder"), FALSE, 200 },
  [COLUMN_HOLDER_KIND] = { "holder-kind", N_("Type"), FALSE, 80 },
  [COLUMN_AREA] = { "area", N_("Area"), FALSE, 160 },
  [COLUMN_KIND] = { "kind", N_("Kind"), FALSE, 80 },
  [COLUMN_CAPACITY] = { "capacity", N_("Days Offered"), TRUE, 100 },
  [COLUMN_REMAINING] = { "remaining", N_("Days Left"), TRUE, 80 },
  [COLUMN_PHASE] = { "phase", N_("Phase"), FALSE, 100 },
  [COLUMN_PRIORITY] = { "priority", N_("Priority"), FALSE, 80 },
  [COLUMN_QA_STATUS] = { "qa-status", N_("Assurance"), FALSE, 130 },
  [COLUMN_REVIEWER] = { "reviewer", N_("Reviewer"), FALSE, 150 },
  [COLUMN_REVIEWED_ON] = { "reviewed-on", N_("Reviewed"), FALSE, 100 },
  [COLUMN_EVIDENCE] = { "evidence", N_("Evidence"), FALSE, 320 },
  [COLUMN_SUPPORT] = { "support", "", FALSE, 110 },
};

/* Choices of the kind and assurance drop-downs, after "all". */
enum { KIND_ALL = 0, KIND_STRENGTHS, KIND_NEEDS };
enum { STATUS_ANY = 0, STATUS_SELF_DECLARED, STATUS_PEER_REVIEWED, STATUS_QUALITY_ASSURED,
       STATUS_DUE_FOR_REVIEW };

struct _CvnDirectoryView
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  GtkDropDown        *area_dropdown;
  GtkDropDown        *kind_dropdown;
  GtkDropDown        *phase_dropdown;
  GtkDropDown        *group_dropdown;
  GtkDropDown        *status_dropdown;
  GtkStack           *stack;
  GtkColumnView      *column_view;

  CvnWindow          *window;      /* not owned: the window owns the view */
  GListStore         *store;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  GtkSingleSelection *selection;
  GtkColumnViewColumn *columns[N_COLUMNS];

  /* The choices of the drop-downs, parallel to their string lists (index 0 is "all"). */
  GArray             *area_ids;    /* gint64 */
  GArray             *group_ids;   /* gint64 */
  GPtrArray          *phases;      /* char * */
  gboolean            updating_filters;

  /* The filter as the user set it. */
  char               *search_text; /* casefolded, or NULL */
  gint64              area_id;
  gint64              group_id;
  char               *phase;
  guint               kind;
  guint               status;
  GHashTable         *group_schools;  /* establishment ids in the chosen group */
  GHashTable         *group_people;   /* person ids in the chosen group */
  gboolean            needs_reload;
};

G_DEFINE_FINAL_TYPE (CvnDirectoryView, cvn_directory_view, GTK_TYPE_WIDGET)

static void update_actions (CvnDirectoryView *self);
static void ensure_current (CvnDirectoryView *self);

const char *
cvn_directory_view_qa_label (CvnQaStatus status)
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
      g_return_val_if_reached ("");
    }
}

const char *
cvn_directory_view_status_label (CvnEngagementStatus status)
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
      g_return_val_if_reached ("");
    }
}

const char *
cvn_directory_view_holder_label (CvnObjectKind kind)
{
  switch (kind)
    {
    case CVN_OBJECT_ESTABLISHMENT:
      return _("School");
    case CVN_OBJECT_PERSON:
      return _("Person");
    case CVN_OBJECT_GROUP:
      return _("Group");
    case CVN_OBJECT_NONE:
    default:
      return "";
    }
}

static const char *
priority_label (const char *priority)
{
  if (g_strcmp0 (priority, "high") == 0)
    return _("High");
  if (g_strcmp0 (priority, "medium") == 0)
    return _("Medium");
  if (g_strcmp0 (priority, "low") == 0)
    return _("Low");
  return priority;
}

static int
priority_rank (const char *priority)
{
  if (g_strcmp0 (priority, "high") == 0)
    return 3;
  if (g_strcmp0 (priority, "medium") == 0)
    return 2;
  if (g_strcmp0 (priority, "low") == 0)
    return 1;
  return 0;
}

static char *
format_number (double days)
{
  return g_strdup_printf ("%g", days);
}

/* Building the rows ---------------------------------------------------------------------- */

/* The first day a review must be on or after not to be stale, as the audit counts it. */
static char *
stale_before (CvnDirectoryView *self,
              CvnSnapshot      *snapshot)
{
  CvnAuditOptions options;
  int year, month, day;
  g_autoptr (GDateTime) today = NULL;
  g_autoptr (GDateTime) before = NULL;

  cvn_audit_options_init_from_document (&options, cvn_window_get_document (self->window));
  if (options.stale_months <= 0)
    options.stale_months = CVN_AUDIT_DEFAULT_STALE_MONTHS;
  if (sscanf (snapshot->today, "%d-%d-%d", &year, &month, &day) != 3)
    return g_strdup ("");
  today = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (today == NULL)
    return g_strdup ("");
  before = g_date_time_add_months (today, -options.stale_months);
  return g_date_time_format (before, "%Y-%m-%d");
}

static CvnDirectoryItem *
create_item (CvnSnapshot             *snapshot,
             CvnCapacityLedger       *ledger,
             const CvnDirectoryEntry *entry,
             const char              *stale_date)
{
  CvnDirectoryItem *item = g_object_new (CVN_TYPE_DIRECTORY_ITEM, NULL);
  const CvnExpertiseArea *area = cvn_snapshot_find_expertise_area (snapshot, entry->area_id);
  const char *holder = cvn_snapshot_get_name (snapshot, entry->holder_kind, entry->holder_id);
  const CvnEstablishment *school;
  g_autofree char *search = NULL;

  copy_entry (&item->entry, entry);
  item->holder_name = g_strdup (holder != NULL ? holder : "");
  item->area_name = g_strdup (area != NULL ? area->name : "");
  item->area_position = area != NULL ? area->position : G_MAXINT;
  item->school_id = cvn_directory_holder_establishment (snapshot, entry->holder_kind,
                                                       entry->holder_id);
  school = cvn_snapshot_find_establishment (snapshot, item->school_id);
  item->phase = g_strdup (entry->phase[0] != '\0' ? entry->phase
                                                  : school != NULL ? school->phase : "");
  if (entry->kind == CVN_DIRECTORY_STRENGTH)
    item->remaining = cvn_capacity_ledger_remaining (ledger, entry->holder_kind,
                                                     entry->holder_id, entry->area_id);
  item->stale = entry->reviewed_on[0] == '\0' || strcmp (entry->reviewed_on, stale_date) < 0;

  search = g_strjoin ("\n", item->holder_name, item->area_name, entry->evidence, entry->notes,
                      entry->reviewer, item->phase, NULL);
  item->search_text = g_utf8_casefold (search, -1);
  return item;
}

static int
compare_initial_order (gconstpointer a,
                       gconstpointer b)
{
  const CvnDirectoryItem *x = *(CvnDirectoryItem * const *) a;
  const CvnDirectoryItem *y = *(CvnDirectoryItem * const *) b;
  int result;

  /* Schools, then people; each by name, then by the document's order of areas. */
  if (x->entry.holder_kind != y->entry.holder_kind)
    return x->entry.holder_kind == CVN_OBJECT_ESTABLISHMENT ? -1 : 1;
  result = g_utf8_collate (x->holder_name, y->holder_name);
  if (result != 0)
    return result;
  if (x->area_position != y->area_position)
    return x->area_position < y->area_position ? -1 : 1;
  if (x->entry.kind != y->entry.kind)
    return x->entry.kind < y->entry.kind ? -1 : 1;
  return x->entry.id < y->entry.id ? -1 : x->entry.id > y->entry.id;
}

/* Filtering ------------------------------------------------------------------------------ */

static void
add_group_members (CvnSnapshot *snapshot,
                   gint64       group_id,
                   GHashTable  *visited,
                   GHashTable  *schools,
                   GHashTable  *people)
{
  g_autoptr (GPtrArray) members = NULL;
  g_autoptr (GPtrArray) children = NULL;

  /* A hand-edited document may nest groups in a cycle; each group is visited once. */
  if (!g_hash_table_add (visited, GSIZE_TO_POINTER (group_id)))
    return;

  members = cvn_snapshot_get_members (snapshot, group_id, TRUE);
  for (guint i = 0; i < members->len; i++)
    {
      const CvnMembership *membership = g_ptr_array_index (members, i);

      switch (membership->member_kind)
        {
        case CVN_OBJECT_ESTABLISHMENT:
          g_hash_table_add (schools, GSIZE_TO_POINTER (membership->member_id));
          break;
        case CVN_OBJECT_PERSON:
          g_hash_table_add (people, GSIZE_TO_POINTER (membership->member_id));
          break;
        case CVN_OBJECT_GROUP:
          add_group_members (snapshot, membership->member_id, visited, schools, people);
          break;
        case CVN_OBJECT_NONE:
        default:
          break;
        }
    }
  children = cvn_snapshot_get_child_groups (snapshot, group_id);
  for (guint i = 0; i < children->len; i++)
    add_group_members (snapshot, ((const CvnGroup *) g_ptr_array_index (children, i))->id,
                       visited, schools, people);
}

/* Works out who is in the chosen group: its current members, and the members of the groups
 * inside it (its child groups and groups that are its members), so that choosing an alliance
 * shows the entries of every school in its clusters. */
static void
update_group_members (CvnDirectoryView *self)
{
  CvnSnapshot *snapshot = cvn_window_get_snapshot (self->window);
  g_autoptr (GHashTable) visited = g_hash_table_new (g_direct_hash, g_direct_equal);

  g_hash_table_remove_all (self->group_schools);
  g_hash_table_remove_all (self->group_people);
  if (self->group_id != 0 && snapshot != NULL)
    add_group_members (snapshot, self->group_id, visited, self->group_schools,
                       self->group_people);
}

static gboolean
filter_item_cb (gpointer item_pointer,
                gpointer user_data)
{
  CvnDirectoryView *self = user_data;
  CvnDirectoryItem *item = item_pointer;
  const CvnDirectoryEntry *entry = &item->entry;

  if (self->area_id != 0 && entry->area_id != self->area_id)
    return FALSE;
  if (self->kind == KIND_STRENGTHS && entry->kind != CVN_DIRECTORY_STRENGTH)
    return FALSE;
  if (self->kind == KIND_NEEDS && entry->kind != CVN_DIRECTORY_NEED)
    return FALSE;
  if (self->phase != NULL && g_strcmp0 (item->phase, self->phase) != 0)
    return FALSE;
  switch (self->status)
    {
    case STATUS_SELF_DECLARED:
      if (entry->qa_status != CVN_QA_SELF_DECLARED)
        return FALSE;
      break;
    case STATUS_PEER_REVIEWED:
      if (entry->qa_status != CVN_QA_PEER_REVIEWED)
        return FALSE;
      break;
    case STATUS_QUALITY_ASSURED:
      if (entry->qa_status != CVN_QA_QUALITY_ASSURED)
        return FALSE;
      break;
    case STATUS_DUE_FOR_REVIEW:
      if (!item->stale)
        return FALSE;
      break;
    default:
      break;
    }
  if (self->group_id != 0)
    {
      gboolean in_group =
        (item->school_id != 0
         && g_hash_table_contains (self->group_schools, GSIZE_TO_POINTER (item->school_id)))
        || (entry->holder_kind == CVN_OBJECT_PERSON
            && g_hash_table_contains (self->group_people, GSIZE_TO_POINTER (entry->holder_id)));

      if (!in_group)
        return FALSE;
    }
  if (self->search_text != NULL && strstr (item->search_text, self->search_text) == NULL)
    return FALSE;
  return TRUE;
}

static void
update_stack (CvnDirectoryView *self)
{
  const char *page;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->store)) == 0)
    page = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0)
    page = "no-results";
  else
    page = "entries";
  gtk_stack_set_visible_child_name (self->stack, page);
}

static void
refilter (CvnDirectoryView *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_stack (self);
  update_actions (self);
}

static void
search_changed_cb (CvnDirectoryView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search_text, g_free);
  if (*stripped != '\0')
    self->search_text = g_utf8_casefold (stripped, -1);
  refilter (self);
}

static void
filter_dropdown_changed_cb (CvnDirectoryView *self)
{
  guint area = gtk_drop_down_get_selected (self->area_dropdown);
  guint group = gtk_drop_down_get_selected (self->group_dropdown);
  guint phase = gtk_drop_down_get_selected (self->phase_dropdown);
  gint64 group_id;

  if (self->updating_filters)
    return;

  self->area_id = area != GTK_INVALID_LIST_POSITION && area < self->area_ids->len
                    ? g_array_index (self->area_ids, gint64, area) : 0;
  group_id = group != GTK_INVALID_LIST_POSITION && group < self->group_ids->len
               ? g_array_index (self->group_ids, gint64, group) : 0;
  g_clear_pointer (&self->phase, g_free);
  if (phase != GTK_INVALID_LIST_POSITION && phase > 0 && phase < self->phases->len)
    self->phase = g_strdup (g_ptr_array_index (self->phases, phase));
  self->kind = gtk_drop_down_get_selected (self->kind_dropdown);
  if (self->kind == GTK_INVALID_LIST_POSITION)
    self->kind = KIND_ALL;
  self->status = gtk_drop_down_get_selected (self->status_dropdown);
  if (self->status == GTK_INVALID_LIST_POSITION)
    self->status = STATUS_ANY;
  if (group_id != self->group_id)
    {
      self->group_id = group_id;
      update_group_members (self);
    }
  refilter (self);
}

static guint
find_id (GArray *ids,
         gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return 0;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* Refills the area, phase and group drop-downs from the snapshot, keeping what was chosen
 * when it is still there. */
static void
update_filter_choices (CvnDirectoryView *self,
                       CvnSnapshot      *snapshot)
{
  g_autoptr (GtkStringList) areas = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) groups = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) phases = gtk_string_list_new (NULL);
  g_autoptr (GHashTable) seen_phases = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) phase_names = g_ptr_array_new ();
  gint64 none = 0;
  guint phase_index = 0;

  self->updating_filters = TRUE;

  g_array_set_size (self->area_ids, 0);
  g_array_append_val (self->area_ids, none);
  gtk_string_list_append (areas, _("All areas"));
  for (guint i = 0; i < snapshot->expertise_areas->len; i++)
    {
      const CvnExpertiseArea *area = &g_array_index (snapshot->expertise_areas,
                                                     CvnExpertiseArea, i);

      g_array_append_val (self->area_ids, area->id);
      gtk_string_list_append (areas, area->name);
    }
  gtk_drop_down_set_model (self->area_dropdown, G_LIST_MODEL (areas));
  gtk_drop_down_set_selected (self->area_dropdown, find_id (self->area_ids, self->area_id));
  self->area_id = g_array_index (self->area_ids, gint64,
                                 gtk_drop_down_get_selected (self->area_dropdown));

  g_array_set_size (self->group_ids, 0);
  g_array_append_val (self->group_ids, none);
  gtk_string_list_append (groups, _("All groups"));
  for (guint i = 0; i < snapshot->groups->len; i++)
    {
      const CvnGroup *group = &g_array_index (snapshot->groups, CvnGroup, i);

      g_array_append_val (self->group_ids, group->id);
      gtk_string_list_append (groups, group->name);
    }
  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (groups));
  gtk_drop_down_set_selected (self->group_dropdown, find_id (self->group_ids, self->group_id));
  self->group_id = g_array_index (self->group_ids, gint64,
                                  gtk_drop_down_get_selected (self->group_dropdown));
  update_group_members (self);

  /* Phases are whatever the entries and their schools say, in alphabetical order. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->store)); i++)
    {
      g_autoptr (CvnDirectoryItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (item->phase[0] != '\0' && g_hash_table_add (seen_phases, item->phase))
        g_ptr_array_add (phase_names, item->phase);
    }
  g_ptr_array_sort (phase_names, compare_strings);
  g_ptr_array_set_size (self->phases, 0);
  g_ptr_array_add (self->phases, g_strdup (""));
  gtk_string_list_append (phases, _("All phases"));
  for (guint i = 0; i < phase_names->len; i++)
    {
      const char *phase = g_ptr_array_index (phase_names, i);

      g_ptr_array_add (self->phases, g_strdup (phase));
      gtk_string_list_append (phases, phase);
      if (g_strcmp0 (phase, self->phase) == 0)
        phase_index = i + 1;
    }
  gtk_drop_down_set_model (self->phase_dropdown, G_LIST_MODEL (phases));
  gtk_drop_down_set_selected (self->phase_dropdown, phase_index);
  if (phase_index == 0)
    g_clear_pointer (&self->phase, g_free);

  self->updating_filters = FALSE;
}

/* Selection and actions ------------------------------------------------------------------ */

static CvnDirectoryItem *
get_selected_item (CvnDirectoryView *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_actions (CvnDirectoryView *self)
{
  CvnDirectoryItem *item = get_selected_item (self);
  gboolean has_areas = self->area_ids->len > 1;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "directory.add", has_areas);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "directory.edit", item != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "directory.delete", item != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "directory.find-support",
                                 item != NULL && item->entry.kind == CVN_DIRECTORY_NEED
                                 && item->school_id != 0);
}

gboolean
cvn_directory_view_select_entry (CvnDirectoryView *self,
                                 gint64            entry_id)
{
  GListModel *model = G_LIST_MODEL (self->sort_model);

  g_return_val_if_fail (CVN_IS_DIRECTORY_VIEW (self), FALSE);

  ensure_current (self);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (CvnDirectoryItem) item = g_list_model_get_item (model, i);

      if (item->entry.id == entry_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->column_view), "list.scroll-to-item",
                                      "u", i);
          return TRUE;
        }
    }
  return FALSE;
}

static gint64
item_id (gconstpointer item)
{
  return ((const CvnDirectoryItem *) item)->entry.id;
}

static gboolean
items_equal (gconstpointer item_a,
             gconstpointer item_b)
{
  const CvnDirectoryItem *a = item_a;
  const CvnDirectoryItem *b = item_b;
  const CvnDirectoryEntry *x = &a->entry;
  const CvnDirectoryEntry *y = &b->entry;

  return x->id == y->id && x->holder_kind == y->holder_kind && x->holder_id == y->holder_id
         && x->area_id == y->area_id && x->kind == y->kind
         && x->capacity_days == y->capacity_days && x->qa_status == y->qa_status
         && g_str_equal (x->evidence, y->evidence) && g_str_equal (x->phase, y->phase)
         && g_str_equal (x->priority, y->priority) && g_str_equal (x->notes, y->notes)
         && g_str_equal (x->reviewer, y->reviewer)
         && g_str_equal (x->reviewed_on, y->reviewed_on)
         && g_str_equal (a->holder_name, b->holder_name)
         && g_str_equal (a->area_name, b->area_name) && a->area_position == b->area_position
         && g_str_equal (a->phase, b->phase) && a->remaining == b->remaining
         && a->school_id == b->school_id && a->stale == b->stale;
}

static void
reload (CvnDirectoryView *self)
{
  CvnSnapshot *snapshot = cvn_window_get_snapshot (self->window);
  CvnDirectoryItem *selected = get_selected_item (self);
  gint64 selected_id = selected != NULL ? selected->entry.id : 0;
  g_autoptr (CvnCapacityLedger) ledger = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autofree char *stale_date = NULL;

  if (snapshot == NULL)
    return;
  self->needs_reload = FALSE;

  ledger = cvn_capacity_ledger_new (snapshot);
  stale_date = stale_before (self, snapshot);
  items = g_ptr_array_new_full (snapshot->directory_entries->len, g_object_unref);
  for (guint i = 0; i < snapshot->directory_entries->len; i++)
    g_ptr_array_add (items, create_item (snapshot, ledger,
                                         &g_array_index (snapshot->directory_entries,
                                                         CvnDirectoryEntry, i),
                                         stale_date));
  g_ptr_array_sort (items, compare_initial_order);

  cvn_column_update_store (self->store, items, item_id, items_equal);
  update_filter_choices (self, snapshot);
  refilter (self);
  selected = get_selected_item (self);
  if (selected_id != 0 && (selected == NULL || selected->entry.id != selected_id))
    cvn_directory_view_select_entry (self, selected_id);
  update_actions (self);
}

/* A page that is not on screen does not rebuild its rows after every edit; it catches up when
 * it is next shown, or when it is asked about its rows. */
static void
ensure_current (CvnDirectoryView *self)
{
  if (self->needs_reload)
    reload (self);
}

static void
window_reloaded_cb (CvnDirectoryView *self)
{
  self->needs_reload = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
}

static void
open_entry_dialog (CvnDirectoryView *self,
                   gint64            entry_id)
{
  CvnDirectoryEntryDialog *dialog = cvn_directory_entry_dialog_new (self->window, entry_id);
  CvnDirectoryItem *item = get_selected_item (self);

  /* A new entry starts from the selected row's holder and area: adding a second strength to
   * the same school is the common case. */
  if (entry_id == 0 && item != NULL)
    {
      CvnDirectoryEntry entry = { 0 };

      entry.holder_kind = item->entry.holder_kind;
      entry.holder_id = item->entry.holder_id;
      entry.area_id = item->entry.area_id;
      entry.kind = CVN_DIRECTORY_STRENGTH;
      entry.evidence = entry.phase = entry.priority = entry.notes = (char *) "";
      entry.reviewer = entry.reviewed_on = (char *) "";
      entry.qa_status = CVN_QA_SELF_DECLARED;
      cvn_directory_entry_dialog_set_entry (dialog, &entry);
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_entry_dialog (CVN_DIRECTORY_VIEW (widget), 0);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CvnDirectoryView *self = CVN_DIRECTORY_VIEW (widget);
  CvnDirectoryItem *item = get_selected_item (self);

  if (item != NULL)
    open_entry_dialog (self, item->entry.id);
}

static void
row_activated_cb (CvnDirectoryView *self,
                  guint             position)
{
  g_autoptr (CvnDirectoryItem) item = g_list_model_get_item (G_LIST_MODEL (self->sort_model),
                                                             position);

  if (item != NULL)
    open_entry_dialog (self, item->entry.id);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CvnDirectoryView *self = CVN_DIRECTORY_VIEW (widget);
  CvnDirectoryItem *item = get_selected_item (self);
  g_autofree char *label = NULL;

  if (item == NULL)
    return;

  label = g_strdup_printf (item->entry.kind == CVN_DIRECTORY_NEED
                             ? _("Delete Need of %s in %s") : _("Delete Strength of %s in %s"),
                           item->holder_name, item->area_name);
  cvn_column_delete_record (self->window, "directory_entries", item->entry.id, label,
                            _("Could Not Delete the Entry"), _("Entry deleted"));
}

static void
find_support_for (CvnDirectoryView *self,
                  gint64            entry_id)
{
  CvnBrokerDialog *dialog = cvn_broker_dialog_new (self->window, entry_id, 0, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
find_support_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CvnDirectoryView *self = CVN_DIRECTORY_VIEW (widget);
  CvnDirectoryItem *item = get_selected_item (self);

  if (item != NULL && item->entry.kind == CVN_DIRECTORY_NEED)
    find_support_for (self, item->entry.id);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CvnDirectoryView *self = CVN_DIRECTORY_VIEW (widget);

  self->updating_filters = TRUE;
  gtk_drop_down_set_selected (self->area_dropdown, 0);
  gtk_drop_down_set_selected (self->kind_dropdown, KIND_ALL);
  gtk_drop_down_set_selected (self->phase_dropdown, 0);
  gtk_drop_down_set_selected (self->group_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, STATUS_ANY);
  self->updating_filters = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  cvn_directory_view_set_search_text (self, NULL);
  filter_dropdown_changed_cb (self);
}

/* Importing and exporting ---------------------------------------------------------------- */

static void
add_csv_filter (GtkFileChooser *chooser)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Spreadsheets (CSV)"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
import_response_cb (GtkNativeDialog  *chooser,
                    int               response,
                    CvnDirectoryView *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr (GError) error = NULL;
      CvnDirectoryCsvResult result = { 0 };

      if (path == NULL)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                     _("Only spreadsheets in a local folder can be imported."));
      if (error != NULL
          || !cvn_directory_csv_import (cvn_window_get_document (self->window), path, &result,
                                        &error))
        /* The importer names every line it refused, so the message is shown whole. */
        cvn_window_show_error (self->window, _("Could Not Import the Directory"), error);
      else
        {
          g_autofree char *added = g_strdup_printf (
            ngettext ("%u entry added", "%u entries added", result.added),
            result.added);
          g_autofree char *message = g_strdup_printf (
            /* TRANSLATORS: the first %s is "N entries added"; then the number updated. */
            ngettext ("%s, %u updated", "%s, %u updated", result.updated),
            added, result.updated);

          cvn_window_add_toast (self->window, adw_toast_new (message));
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CvnDirectoryView *self = CVN_DIRECTORY_VIEW (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import a Directory Spreadsheet"),
                                         GTK_WINDOW (self->window),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_csv_filter (GTK_FILE_CHOOSER (chooser));
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_response_cb (GtkNativeDialog  *chooser,
                    int               response,
                    CvnDirectoryView *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *basename = g_file_get_basename (file);
      g_autoptr (GError) error = NULL;

      if (path == NULL)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                     _("“%s” is not in a local folder."), basename);
      if (error != NULL
          || !cvn_directory_csv_export (cvn_window_get_document (self->window), path, &error))
        cvn_window_show_error (self->window, _("Could Not Export the Directory"), error);
      else
        {
          g_autofree char *message = g_strdup_printf (_("Directory exported to “%s”"),
                                                      basename);

          cvn_window_add_toast (self->window, adw_toast_new (message));
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CvnDirectoryView *self = CVN_DIRECTORY_VIEW (widget);
  CvnDocument *document = cvn_window_get_document (self->window);
  g_autofree char *title = cvn_document_dup_title (document);
  g_autofree char *name = g_strdup_printf (_("%s directory.csv"), title);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export the Directory"), GTK_WINDOW (self->window),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_csv_filter (GTK_FILE_CHOOSER (chooser));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Expertise areas ------------------------------------------------------------------------ */

typedef struct
{
  CvnWindow            *window;
  AdwPreferencesGroup  *group;
  GPtrArray            *rows;   /* the AdwEntryRows of the areas, in order */
  AdwEntryRow          *new_row;
} AreasDialog;

static void fill_areas_dialog (AreasDialog *dialog);

/* Errors in the areas dialog are shown over it rather than over the window behind. */
static void
show_areas_error (GtkWidget    *row,
                  const GError *error)
{
  cvn_error_dialog_present (GTK_WINDOW (gtk_widget_get_root (row)), NULL,
                            _("Could Not Change the Expertise Areas"), error);
}

static void
areas_dialog_free (gpointer data)
{
  AreasDialog *dialog = data;

  g_ptr_array_unref (dialog->rows);
  g_free (dialog);
}

/* cvn-store.h can add an area but not rename one; renaming is a single UPDATE inside an edit,
 * which the document records for undo like any other. */
static gboolean
rename_area (CvnDocument *document,
             gint64       area_id,
             const char  *name,
             GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = cvn_document_prepare (document, "UPDATE expertise_areas SET name = ?1 WHERE id = ?2",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, area_id);
  return cvn_document_step_done (document, stmt, error);
}

static gboolean
name_is_taken (CvnSnapshot *snapshot,
               const char  *name,
               gint64       except_id)
{
  for (guint i = 0; i < snapshot->expertise_areas->len; i++)
    {
      const CvnExpertiseArea *area = &g_array_index (snapshot->expertise_areas,
                                                     CvnExpertiseArea, i);

      if (area->id != except_id && g_utf8_collate (area->name, name) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
area_apply_cb (AdwEntryRow *row,
               AreasDialog *dialog)
{
  CvnDocument *document = cvn_window_get_document (dialog->window);
  CvnSnapshot *snapshot = cvn_window_get_snapshot (dialog->window);
  gint64 area_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "cvn-area-id"));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr (GError) error = NULL;
  g_autofree char *label = NULL;
  gboolean done;

  if (*name == '\0')
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                         _("An expertise area needs a name."));
  else if (name_is_taken (snapshot, name, area_id))
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                 _("There is already an expertise area called “%s”."), name);
  if (error != NULL)
    {
      show_areas_error (GTK_WIDGET (row), error);
      return;
    }

  if (area_id != 0)
    {
      const CvnExpertiseArea *area = cvn_snapshot_find_expertise_area (snapshot, area_id);

      label = g_strdup_printf (_("Rename Expertise Area %s to %s"),
                               area != NULL ? area->name : "", name);
    }
  else
    label = g_strdup_printf (_("Add Expertise Area %s"), name);

  done = cvn_document_begin_edit (document, label, &error);
  if (done && area_id != 0)
    done = rename_area (document, area_id, name, &error);
  else if (done)
    {
      CvnExpertiseArea area = { 0, name, 0 };

      for (guint i = 0; i < snapshot->expertise_areas->len; i++)
        area.position = MAX (area.position,
                             g_array_index (snapshot->expertise_areas, CvnExpertiseArea,
                                            i).position + 1);
      done = cvn_store_insert_expertise_area (document, &area, &error) != 0;
    }
  if (done)
    done = cvn_document_commit_edit (document, &error);
  if (!done)
    {
      if (cvn_document_in_edit (document))
        cvn_document_rollback_edit (document);
      show_areas_error (GTK_WIDGET (row), error);
      return;
    }
  fill_areas_dialog (dialog);
}

static void
fill_areas_dialog (AreasDialog *dialog)
{
  CvnSnapshot *snapshot = cvn_window_get_snapshot (dialog->window);

  for (guint i = 0; i < dialog->rows->len; i++)
    adw_preferences_group_remove (dialog->group, g_ptr_array_index (dialog->rows, i));
  g_ptr_array_set_size (dialog->rows, 0);

  for (guint i = 0; snapshot != NULL && i < snapshot->expertise_areas->len; i++)
    {
      const CvnExpertiseArea *area = &g_array_index (snapshot->expertise_areas,
                                                     CvnExpertiseArea, i);
      GtkWidget *row = adw_entry_row_new ();

      gtk_editable_set_text (GTK_EDITABLE (row), area->name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Area name"), -1);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "cvn-area-id", GSIZE_TO_POINTER (area->id));
      g_signal_connect (row, "apply", G_CALLBACK (area_apply_cb), dialog);
      adw_preferences_group_add (dialog->group, row);
      g_ptr_array_add (dialog->rows, row);
    }
  gtk_editable_set_text (GTK_EDITABLE (dialog->new_row), "");
}

static void
edit_areas_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CvnDirectoryView *self = CVN_DIRECTORY_VIEW (widget);
  AreasDialog *dialog = g_new0 (AreasDialog, 1);
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *add_group = adw_preferences_group_new ();

  dialog->window = self->window;
  dialog->rows = g_ptr_array_new ();
  dialog->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_object_set_data_full (G_OBJECT (window), "cvn-areas-dialog", dialog, areas_dialog_free);

  gtk_window_set_title (GTK_WINDOW (window), _("Expertise Areas"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self->window));
  gtk_window_set_default_size (GTK_WINDOW (window), 460, 600);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (add_group), _("New Area"));
  dialog->new_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (dialog->new_row), _("Name"));
  adw_entry_row_set_show_apply_button (dialog->new_row, TRUE);
  g_signal_connect (dialog->new_row, "apply", G_CALLBACK (area_apply_cb), dialog);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (add_group), GTK_WIDGET (dialog->new_row));

  adw_preferences_group_set_title (dialog->group, _("Areas"));
  adw_preferences_group_set_description (
    dialog->group, _("Rename an area by editing its name; every entry in it follows."));

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (add_group));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), dialog->group);
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);

  fill_areas_dialog (dialog);
  gtk_window_present (GTK_WINDOW (window));
}

/* Cells ---------------------------------------------------------------------------------- */

static gboolean
support_link_cb (GtkLabel         *label,
                 const char       *uri,
                 CvnDirectoryView *self)
{
  gint64 entry_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (label), "cvn-entry-id"));

  if (entry_id != 0)
    find_support_for (self, entry_id);
  return TRUE;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               CvnDirectoryView         *self)
{
  Column column = cvn_column_get_number (GTK_LIST_ITEM_FACTORY (factory));
  GtkWidget *child;

  if (column == COLUMN_SUPPORT)
    {
      g_autofree char *markup = g_markup_printf_escaped ("<a href=\"find-support\">%s</a>",
                                                          _("Find support…"));

      /* A link rather than a button, so that need rows stand no taller than the others. */
      child = gtk_label_new (NULL);
      gtk_label_set_markup (GTK_LABEL (child), markup);
      gtk_label_set_xalign (GTK_LABEL (child), 0);
      gtk_widget_set_tooltip_text (child, _("Rank who could meet this need"));
      g_signal_connect (child, "activate-link", G_CALLBACK (support_link_cb), self);
    }
  else
    {
      /* Long evidence and names are cut short in the table; the tooltip gives them whole. */
      child = cvn_column_new_label (column_info[column].numeric);
    }
  gtk_list_item_set_child (list_item, child);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              CvnDirectoryView         *self)
{
  Column column = cvn_column_get_number (GTK_LIST_ITEM_FACTORY (factory));
  CvnDirectoryItem *item = gtk_list_item_get_item (list_item);
  const CvnDirectoryEntry *entry = &item->entry;
  GtkWidget *child = gtk_list_item_get_child (list_item);
  g_autofree char *owned = NULL;
  const char *text = "";
  gboolean strength = entry->kind == CVN_DIRECTORY_STRENGTH;

  if (column == COLUMN_SUPPORT)
    {
      gboolean need = !strength && item->school_id != 0;

      gtk_widget_set_visible (child, need);
      g_object_set_data (G_OBJECT (child), "cvn-entry-id",
                         GSIZE_TO_POINTER (need ? entry->id : 0));
      return;
    }

  switch (column)
    {
    case COLUMN_HOLDER:
      text = item->holder_name;
      break;
    case COLUMN_HOLDER_KIND:
      text = cvn_directory_view_holder_label (entry->holder_kind);
      break;
    case COLUMN_AREA:
      text = item->area_name;
      break;
    case COLUMN_KIND:
      text = strength ? _("Strength") : _("Need");
      break;
    case COLUMN_CAPACITY:
      text = strength ? (owned = format_number (entry->capacity_days)) : "";
      break;
    case COLUMN_REMAINING:
      text = strength ? (owned = format_number (item->remaining)) : "";
      break;
    case COLUMN_PHASE:
      text = item->phase;
      break;
    case COLUMN_PRIORITY:
      text = priority_label (entry->priority);
      break;
    case COLUMN_QA_STATUS:
      text = cvn_directory_view_qa_label (entry->qa_status);
      break;
    case COLUMN_REVIEWER:
      text = entry->reviewer;
      break;
    case COLUMN_REVIEWED_ON:
      text = entry->reviewed_on[0] != '\0' ? entry->reviewed_on : _("Never");
      break;
    case COLUMN_EVIDENCE:
      text = entry->evidence;
      break;
    case COLUMN_SUPPORT:
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_text (GTK_LABEL (child), text);

  /* A strength offered beyond what it can give, and a review that is due, stand out. */
  if ((column == COLUMN_REMAINING && strength && item->remaining < 0)
      || (column == COLUMN_REVIEWED_ON && item->stale))
    gtk_widget_add_css_class (child, "warning");
  else
    gtk_widget_remove_css_class (child, "warning");
  if (column == COLUMN_KIND && !strength)
    gtk_widget_add_css_class (child, "accent");
  else
    gtk_widget_remove_css_class (child, "accent");
}

static int
compare_doubles (double a,
                 double b)
{
  return a < b ? -1 : a > b;
}

static int
compare_items_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const CvnDirectoryItem *x = a;
  const CvnDirectoryItem *y = b;
  Column column = GPOINTER_TO_UINT (user_data);
  gboolean x_strength = x->entry.kind == CVN_DIRECTORY_STRENGTH;
  gboolean y_strength = y->entry.kind == CVN_DIRECTORY_STRENGTH;
  int result = 0;

  switch (column)
    {
    case COLUMN_HOLDER:
      result = g_utf8_collate (x->holder_name, y->holder_name);
      break;
    case COLUMN_HOLDER_KIND:
      result = (int) x->entry.holder_kind - (int) y->entry.holder_kind;
      break;
    case COLUMN_AREA:
      result = x->area_position < y->area_position ? -1 : x->area_position > y->area_position;
      break;
    case COLUMN_KIND:
      result = (int) x->entry.kind - (int) y->entry.kind;
      break;
    case COLUMN_CAPACITY:
      /* Needs offer nothing; they sort below every strength, however small. */
      result = compare_doubles (x_strength ? x->entry.capacity_days : -1,
                                y_strength ? y->entry.capacity_days : -1);
      break;
    case COLUMN_REMAINING:
      result = compare_doubles (x_strength ? x->remaining : -G_MAXDOUBLE,
                                y_strength ? y->remaining : -G_MAXDOUBLE);
      break;
    case COLUMN_PHASE:
      result = g_utf8_collate (x->phase, y->phase);
      break;
    case COLUMN_PRIORITY:
      result = priority_rank (x->entry.priority) - priority_rank (y->entry.priority);
      break;
    case COLUMN_QA_STATUS:
      result = (int) x->entry.qa_status - (int) y->entry.qa_status;
      break;
    case COLUMN_REVIEWER:
      result = g_utf8_collate (x->entry.reviewer, y->entry.reviewer);
      break;
    case COLUMN_REVIEWED_ON:
      result = strcmp (x->entry.reviewed_on, y->entry.reviewed_on);
      break;
    case COLUMN_EVIDENCE:
      result = g_utf8_collate (x->entry.evidence, y->entry.evidence);
      break;
    case COLUMN_SUPPORT:
    case N_COLUMNS:
    default:
      break;
    }
  if (result == 0)
    result = g_utf8_collate (x->holder_name, y->holder_name);
  if (result == 0)
    result = x->entry.id < y->entry.id ? -1 : x->entry.id > y->entry.id;
  return gtk_ordering_from_cmpfunc (result);
}

static void
create_columns (CvnDirectoryView *self)
{
  static const CvnColumnCallbacks sorted = {
    G_CALLBACK (setup_cell_cb), G_CALLBACK (bind_cell_cb), NULL, compare_items_cb,
  };
  /* The support column holds a link, which neither sorts nor needs widening. */
  static const CvnColumnCallbacks unsorted = {
    G_CALLBACK (setup_cell_cb), G_CALLBACK (bind_cell_cb), NULL, NULL,
  };

  for (Column column = 0; column < N_COLUMNS; column++)
    {
      GtkColumnViewColumn *view_column;

      view_column = cvn_column_append (self->column_view, column, column_info[column].title,
                                       column_info[column].fixed_width,
                                       column != COLUMN_SUPPORT ? &sorted : &unsorted, self);
      gtk_column_view_column_set_resizable (view_column, column != COLUMN_SUPPORT);
      if (column == COLUMN_EVIDENCE)
        gtk_column_view_column_set_expand (view_column, TRUE);
      self->columns[column] = view_column;
    }
}

/* GObject -------------------------------------------------------------------------------- */

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (CVN_DIRECTORY_VIEW (widget)->search_entry));
}

static void
cvn_directory_view_dispose (GObject *object)
{
  CvnDirectoryView *self = CVN_DIRECTORY_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CVN_TYPE_DIRECTORY_VIEW);
  /* Template children that are not bound to a field (the tool bar, the separator) are not
   * unparented by dispose_template. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cvn_directory_view_parent_class)->dispose (object);
}

static void
cvn_directory_view_finalize (GObject *object)
{
  CvnDirectoryView *self = CVN_DIRECTORY_VIEW (object);

  g_clear_pointer (&self->area_ids, g_array_unref);
  g_clear_pointer (&self->group_ids, g_array_unref);
  g_clear_pointer (&self->phases, g_ptr_array_unref);
  g_clear_pointer (&self->group_schools, g_hash_table_unref);
  g_clear_pointer (&self->group_people, g_hash_table_unref);
  g_free (self->search_text);
  g_free (self->phase);

  G_OBJECT_CLASS (cvn_directory_view_parent_class)->finalize (object);
}

static void
cvn_directory_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cvn_directory_view_parent_class)->map (widget);
  ensure_current (CVN_DIRECTORY_VIEW (widget));
}

static void
cvn_directory_view_class_init (CvnDirectoryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cvn_directory_view_dispose;
  object_class->finalize = cvn_directory_view_finalize;
  widget_class->map = cvn_directory_view_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/convenor/Convenor/cvn-directory-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CvnDirectoryView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CvnDirectoryView, area_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CvnDirectoryView, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CvnDirectoryView, phase_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CvnDirectoryView, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CvnDirectoryView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CvnDirectoryView, stack);
  gtk_widget_class_bind_template_child (widget_class, CvnDirectoryView, column_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "directory.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "directory.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "directory.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "directory.find-support", NULL,
                                   find_support_action);
  gtk_widget_class_install_action (widget_class, "directory.clear-filters", NULL,
                                   clear_filters_action);
  gtk_widget_class_install_action (widget_class, "directory.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "directory.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "directory.edit-areas", NULL,
                                   edit_areas_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "directory.delete",
                                       NULL);
  gtk_widget_class_install_action (widget_class, "directory.focus-search", NULL,
                                   focus_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "directory.focus-search", NULL);
}

static void
cvn_directory_view_init (CvnDirectoryView *self)
{
  const char *kinds[] = { _("Strengths and needs"), _("Strengths"), _("Needs"), NULL };
  const char *statuses[] = { _("Any assurance"), _("Self-declared"), _("Peer-reviewed"),
                             _("Quality-assured"), _("Due for review"), NULL };
  g_autoptr (GtkStringList) kind_list = NULL;
  g_autoptr (GtkStringList) status_list = NULL;
  GtkSorter *sorter;
  GtkDropDown *dropdowns[5];

  gtk_widget_init_template (GTK_WIDGET (self));
  dropdowns[0] = self->area_dropdown;
  dropdowns[1] = self->kind_dropdown;
  dropdowns[2] = self->phase_dropdown;
  dropdowns[3] = self->group_dropdown;
  dropdowns[4] = self->status_dropdown;

  self->area_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->group_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->phases = g_ptr_array_new_with_free_func (g_free);
  self->group_schools = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->group_people = g_hash_table_new (g_direct_hash, g_direct_equal);

  kind_list = gtk_string_list_new (kinds);
  status_list = gtk_string_list_new (statuses);
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kind_list));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (status_list));
  /* Searching a drop-down matches the text of its string items. */
  gtk_drop_down_set_expression (self->area_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                             "string"));
  gtk_drop_down_set_expression (self->group_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                             "string"));

  self->store = g_list_store_new (CVN_TYPE_DIRECTORY_ITEM);
  self->filter = gtk_custom_filter_new (filter_item_cb, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  create_columns (self);
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              g_object_ref (sorter));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);

  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    g_signal_connect_object (dropdowns[i], "notify::selected",
                             G_CALLBACK (filter_dropdown_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Public --------------------------------------------------------------------------------- */

GtkWidget *
cvn_directory_view_new (CvnWindow *window)
{
  CvnDirectoryView *self;

  g_return_val_if_fail (CVN_IS_WINDOW (window), NULL);

  self = g_object_new (CVN_TYPE_DIRECTORY_VIEW, NULL);
  self->window = window;
  /* The window reloads its snapshot after every edit, undo and redo, then says so. */
  g_signal_connect_object (window, "reloaded",
                           G_CALLBACK (window_reloaded_cb), self, G_CONNECT_SWAPPED);
  reload (self);
  return GTK_WIDGET (self);
}

void
cvn_directory_view_install (CvnWindow *window)
{
  g_return_if_fail (CVN_IS_WINDOW (window));

  cvn_window_add_page (window, "directory", _("Directory"), "x-office-address-book-symbolic",
                       cvn_directory_view_new (window));
  cvn_window_add_page (window, "audit", _("Audit"), "view-grid-symbolic",
                       cvn_audit_view_new (window));
  cvn_window_add_page (window, "engagements", _("Support"), "emblem-shared-symbolic",
                       cvn_engagements_view_new (window));
}

guint
cvn_directory_view_get_n_rows (CvnDirectoryView *self)
{
  g_return_val_if_fail (CVN_IS_DIRECTORY_VIEW (self), 0);

  ensure_current (self);

  return g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
}

const CvnDirectoryEntry *
cvn_directory_view_get_entry (CvnDirectoryView *self,
                              guint             position)
{
  g_autoptr (CvnDirectoryItem) item = NULL;

  g_return_val_if_fail (CVN_IS_DIRECTORY_VIEW (self), NULL);

  ensure_current (self);

  item = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);
  /* The store keeps its own reference, so the entry outlives this one. */
  return item != NULL ? &item->entry : NULL;
}

double
cvn_directory_view_get_remaining (CvnDirectoryView *self,
                                  guint             position)
{
  g_autoptr (CvnDirectoryItem) item = NULL;

  g_return_val_if_fail (CVN_IS_DIRECTORY_VIEW (self), 0);

  ensure_current (self);

  item = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);
  return item != NULL ? item->remaining : 0;
}

void
cvn_directory_view_set_search_text (CvnDirectoryView *self,
                                    const char       *text)
{
  g_return_if_fail (CVN_IS_DIRECTORY_VIEW (self));

  ensure_current (self);

  /* The entry reports a search only after a pause in typing; a caller setting the text wants
   * the table to follow at once. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                 text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  search_changed_cb (self);
}

void
cvn_directory_view_set_area_filter (CvnDirectoryView *self,
                                    gint64            area_id)
{
  g_return_if_fail (CVN_IS_DIRECTORY_VIEW (self));

  ensure_current (self);

  gtk_drop_down_set_selected (self->area_dropdown, find_id (self->area_ids, area_id));
}

void
cvn_directory_view_set_group_filter (CvnDirectoryView *self,
                                     gint64            group_id)
{
  g_return_if_fail (CVN_IS_DIRECTORY_VIEW (self));

  ensure_current (self);

  gtk_drop_down_set_selected (self->group_dropdown, find_id (self->group_ids, group_id));
}

void
cvn_directory_view_sort_by (CvnDirectoryView *self,
                            const char       *column,
                            GtkSortType       direction)
{
  g_return_if_fail (CVN_IS_DIRECTORY_VIEW (self));

  ensure_current (self);

  for (guint i = 0; i < N_COLUMNS; i++)
    if (g_strcmp0 (column_info[i].id, column) == 0)
      {
        gtk_column_view_sort_by_column (self->column_view, self->columns[i], direction);
        return;
      }
  g_critical ("The directory has no column “%s”", column);
}
