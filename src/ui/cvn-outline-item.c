/* cvn-outline-item.c
 *
 * The outline follows the tiers the way the partnership documents describe them: the strategic
 * board and its sub-groups; the alliances with their clusters and each cluster's schools; then
 * the groups that sit outside that hierarchy. A school in three groups appears three times, once
 * under each, because that overlap is what the people using Convenor need to see.
 *
 * A borough of 25,000 schools has tens of thousands of rows, and the outline is built again
 * after every edit, so only the top of it is made then: the section headings and what they
 * list. A group's rows, and the count of schools in its subtitle, are made when first asked
 * for (a row is shown, opened or searched for), and the long lists of a section make a row
 * only when it is read. The rows therefore keep the snapshot until the last of them is gone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-outline"

#include "config.h"

#include "cvn-outline-item.h"

#include <glib/gi18n.h>
#include <string.h>

/* What the rows of one outline share: the snapshot they are read from, and the groups nested
 * under each group. Reference-counted (a GRcBox): every row that may still make rows keeps
 * it. */
typedef struct
{
  CvnSnapshot    *snapshot;
  GDestroyNotify  snapshot_free;
  GHashTable     *children_of;   /* parent group id -> GPtrArray of const CvnGroup * */
} Outline;

static void
outline_clear (gpointer data)
{
  Outline *outline = data;

  g_hash_table_unref (outline->children_of);
  if (outline->snapshot_free != NULL)
    outline->snapshot_free (outline->snapshot);
}

/* The outline a top-level list of rows was built with, kept on the list. */
static GQuark
outline_quark (void)
{
  return g_quark_from_static_string ("cvn-outline");
}

static Outline *
outline_ref (Outline *outline)
{
  return g_rc_box_acquire (outline);
}

static void
outline_unref (Outline *outline)
{
  g_rc_box_release_full (outline, outline_clear);
}

struct _CvnOutlineItem
{
  GObject         parent_instance;

  CvnObjectKind   kind;
  gint64          id;
  guint           position;
  char           *title;
  char           *subtitle;      /* NULL until asked for, on a group's branch */
  char           *icon_name;
  char           *key;
  GListModel     *children;
  gboolean        children_made;

  /* A group heading a branch makes its rows and its subtitle when first asked; until both are
   * made it keeps the outline, the group, and the ids of the groups above it (whose branches
   * it must not repeat, should the groups' parents loop). */
  Outline        *outline;
  const CvnGroup *group;
  GArray         *ancestors;     /* gint64 */
};

G_DEFINE_FINAL_TYPE (CvnOutlineItem, cvn_outline_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_ID,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_ICON_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cvn_outline_item_finalize (GObject *object)
{
  CvnOutlineItem *self = CVN_OUTLINE_ITEM (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->icon_name, g_free);
  g_clear_pointer (&self->key, g_free);
  g_clear_object (&self->children);
  g_clear_pointer (&self->ancestors, g_array_unref);
  g_clear_pointer (&self->outline, outline_unref);

  G_OBJECT_CLASS (cvn_outline_item_parent_class)->finalize (object);
}

static void
cvn_outline_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CvnOutlineItem *self = CVN_OUTLINE_ITEM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, cvn_outline_item_get_subtitle (self));
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, self->icon_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cvn_outline_item_class_init (CvnOutlineItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cvn_outline_item_finalize;
  object_class->get_property = cvn_outline_item_get_property;

  /* Items are built once from a snapshot and never change (a subtitle made late is made from
   * the same snapshot), so the properties are read-only;
   * they exist so that expressions and bindings can reach the values. */
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      CVN_OBJECT_NONE, CVN_OBJECT_GROUP, CVN_OBJECT_NONE,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cvn_outline_item_init (CvnOutlineItem *self)
{
}

CvnOutlineItem *
cvn_outline_item_new (CvnObjectKind  kind,
                      gint64         id,
                      const char    *title,
                      const char    *subtitle,
                      const char    *icon_name)
{
  CvnOutlineItem *self = g_object_new (CVN_TYPE_OUTLINE_ITEM, NULL);

  self->kind = kind;
  self->id = id;
  self->title = g_strdup (title != NULL ? title : "");
  self->subtitle = g_strdup (subtitle != NULL ? subtitle : "");
  self->icon_name = g_strdup (icon_name);
  self->children_made = TRUE;
  return self;
}

static void make_branch          (CvnOutlineItem *self);
static void make_branch_subtitle (CvnOutlineItem *self);

/* A group's branch keeps the outline only until it has made what it makes late. */
static void
release_outline_when_made (CvnOutlineItem *self)
{
  if (self->children_made && self->subtitle != NULL)
    {
      self->group = NULL;
      g_clear_pointer (&self->ancestors, g_array_unref);
      g_clear_pointer (&self->outline, outline_unref);
    }
}

gboolean
cvn_outline_item_is_heading (CvnOutlineItem *self)
{
  g_return_val_if_fail (CVN_IS_OUTLINE_ITEM (self), FALSE);

  return self->kind == CVN_OBJECT_NONE;
}

CvnObjectKind
cvn_outline_item_get_kind (CvnOutlineItem *self)
{
  g_return_val_if_fail (CVN_IS_OUTLINE_ITEM (self), CVN_OBJECT_NONE);

  return self->kind;
}

gint64
cvn_outline_item_get_id (CvnOutlineItem *self)
{
  g_return_val_if_fail (CVN_IS_OUTLINE_ITEM (self), 0);

  return self->id;
}

const char *
cvn_outline_item_get_title (CvnOutlineItem *self)
{
  g_return_val_if_fail (CVN_IS_OUTLINE_ITEM (self), NULL);

  return self->title;
}

const char *
cvn_outline_item_get_subtitle (CvnOutlineItem *self)
{
  g_return_val_if_fail (CVN_IS_OUTLINE_ITEM (self), NULL);

  if (self->subtitle == NULL)
    make_branch_subtitle (self);
  return self->subtitle;
}

const char *
cvn_outline_item_get_icon_name (CvnOutlineItem *self)
{
  g_return_val_if_fail (CVN_IS_OUTLINE_ITEM (self), NULL);

  return self->icon_name;
}

const char *
cvn_outline_item_get_key (CvnOutlineItem *self)
{
  g_return_val_if_fail (CVN_IS_OUTLINE_ITEM (self), NULL);

  return self->key != NULL ? self->key : "";
}

guint
cvn_outline_item_get_position (CvnOutlineItem *self)
{
  g_return_val_if_fail (CVN_IS_OUTLINE_ITEM (self), 0);

  return self->position;
}

GListModel *
cvn_outline_item_get_children (CvnOutlineItem *self)
{
  g_return_val_if_fail (CVN_IS_OUTLINE_ITEM (self), NULL);

  if (!self->children_made)
    make_branch (self);
  return self->children;
}

/* Building ------------------------------------------------------------------------------- */

const char *
cvn_outline_group_icon_name (const char *kind)
{
  static const struct {
    const char *kind;
    const char *icon_name;
  } icons[] = {
    { "board", "cvn-board-symbolic" },
    { "sub-group", "cvn-board-symbolic" },
    { "strategic group", "cvn-board-symbolic" },
    { "alliance", "cvn-alliance-symbolic" },
    { "consortium", "cvn-alliance-symbolic" },
    { "cluster", "cvn-cluster-symbolic" },
    { "learning community", "cvn-cluster-symbolic" },
    { "network", "cvn-cluster-symbolic" },
    { "committee", "cvn-committee-symbolic" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (icons); i++)
    if (g_strcmp0 (kind, icons[i].kind) == 0)
      return icons[i].icon_name;
  return "system-users-symbolic";
}

char *
cvn_outline_dup_kind_label (const char *kind)
{
  g_autofree char *first = NULL;

  /* Kinds are stored as the documents write them, in lower case; only the first letter needs
   * lifting for a label. They are the user's own words, so they are not translated. */
  if (kind == NULL || *kind == '\0')
    return g_strdup (_("Group"));
  first = g_utf8_strup (kind, g_utf8_next_char (kind) - kind);
  return g_strconcat (first, g_utf8_next_char (kind), NULL);
}

typedef enum
{
  SECTION_BOARD,
  SECTION_ALLIANCES,
  SECTION_CLUSTERS_OUTSIDE,
  SECTION_OTHER,
  SECTION_COMMITTEES,
  SECTION_UNCLUSTERED,
  SECTION_UNGROUPED_PEOPLE,
  N_SECTIONS
} Section;

static gboolean
is_committee (const CvnGroup *group)
{
  return g_strcmp0 (group->kind, "committee") == 0;
}

/* Whether @child is drawn inside @parent in the outline. Sub-groups sit under their board,
 * clusters under their alliance; an alliance whose parent is the board still gets its own
 * section, because that is how the tiers are talked about. */
static gboolean
nests_under (const CvnGroup *parent,
             const CvnGroup *child)
{
  if (is_committee (parent) || is_committee (child))
    return is_committee (parent) && is_committee (child);
  return child->tier == parent->tier || (parent->tier == 2 && child->tier == 1);
}

static const CvnGroup *
nesting_parent (CvnSnapshot    *snapshot,
                const CvnGroup *group)
{
  const CvnGroup *parent;

  if (group->parent_id == 0)
    return NULL;
  parent = cvn_snapshot_find_group (snapshot, group->parent_id);
  if (parent == NULL || !nests_under (parent, group))
    return NULL;
  return parent;
}

/* A group starts a branch of its section unless it nests under a parent. Parents that loop
 * back round (A in B in A) would hide every group of the loop, so a group that finds itself
 * among its own ancestors is treated as a root and shown. */
static gboolean
is_root (CvnSnapshot    *snapshot,
         const CvnGroup *group)
{
  const CvnGroup *parent = nesting_parent (snapshot, group);
  guint steps = 0;

  if (parent == NULL)
    return TRUE;
  while (parent != NULL && steps++ <= snapshot->groups->len)
    {
      if (parent->id == group->id)
        return TRUE;
      parent = nesting_parent (snapshot, parent);
    }
  return FALSE;
}

static Section
section_of (const CvnGroup *group)
{
  if (is_committee (group))
    return SECTION_COMMITTEES;
  switch (group->tier)
    {
    case 3:
      return SECTION_BOARD;
    case 2:
      return SECTION_ALLIANCES;
    case 1:
      return SECTION_CLUSTERS_OUTSIDE;
    default:
      return SECTION_OTHER;
    }
}

static char *
make_key (const char   *parent_key,
          CvnObjectKind kind,
          gint64        id)
{
  return g_strdup_printf ("%s/%s:%" G_GINT64_FORMAT,
                          parent_key, cvn_object_kind_to_string (kind), id);
}

static char *
join_subtitle (const char *first,
               const char *second)
{
  if (first == NULL || *first == '\0')
    return g_strdup (second != NULL ? second : "");
  if (second == NULL || *second == '\0')
    return g_strdup (first);
  /* TRANSLATORS: joins two parts of a short description, as in "Chair · URN 100001". */
  return g_strdup_printf (_("%s · %s"), first, second);
}

static char *
describe_establishment (const CvnEstablishment *establishment)
{
  if (establishment->urn > 0)
    return g_strdup_printf (_("URN %" G_GINT64_FORMAT), establishment->urn);
  return g_strdup (establishment->phase);
}

static int
compare_memberships (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  const CvnMembership *first = *(const CvnMembership * const *) a;
  const CvnMembership *second = *(const CvnMembership * const *) b;
  CvnSnapshot *snapshot = user_data;
  const char *first_name;
  const char *second_name;

  /* Schools first, then people, then groups; each alphabetically. */
  if (first->member_kind != second->member_kind)
    return (int) first->member_kind - (int) second->member_kind;
  first_name = cvn_snapshot_get_name (snapshot, first->member_kind, first->member_id);
  second_name = cvn_snapshot_get_name (snapshot, second->member_kind, second->member_id);
  return g_utf8_collate (first_name != NULL ? first_name : "",
                         second_name != NULL ? second_name : "");
}

static CvnOutlineItem *
build_member (CvnSnapshot         *snapshot,
              const CvnMembership *membership,
              const char          *parent_key)
{
  const char *role = membership->role != CVN_ROLE_MEMBER
                       ? cvn_role_get_label (membership->role) : NULL;
  g_autofree char *subtitle = NULL;
  CvnOutlineItem *item = NULL;

  switch (membership->member_kind)
    {
    case CVN_OBJECT_ESTABLISHMENT:
      {
        const CvnEstablishment *establishment =
          cvn_snapshot_find_establishment (snapshot, membership->member_id);
        g_autofree char *description = NULL;

        if (establishment == NULL)
          return NULL;
        description = describe_establishment (establishment);
        subtitle = join_subtitle (role, description);
        item = cvn_outline_item_new (CVN_OBJECT_ESTABLISHMENT, establishment->id,
                                     establishment->name, subtitle, "cvn-school-symbolic");
        break;
      }
    case CVN_OBJECT_PERSON:
      {
        const CvnPerson *person = cvn_snapshot_find_person (snapshot, membership->member_id);

        if (person == NULL)
          return NULL;
        subtitle = join_subtitle (role, person->job_title);
        item = cvn_outline_item_new (CVN_OBJECT_PERSON, person->id, person->name, subtitle,
                                     "avatar-default-symbolic");
        break;
      }
    case CVN_OBJECT_GROUP:
      {
        const CvnGroup *group = cvn_snapshot_find_group (snapshot, membership->member_id);
        g_autofree char *kind_label = NULL;

        if (group == NULL)
          return NULL;
        /* A group that is a member of another (a cluster represented on a committee) is shown
         * as a single row; its own branch is elsewhere in the outline. */
        kind_label = cvn_outline_dup_kind_label (group->kind);
        subtitle = join_subtitle (role, kind_label);
        item = cvn_outline_item_new (CVN_OBJECT_GROUP, group->id, group->name, subtitle,
                                     cvn_outline_group_icon_name (group->kind));
        break;
      }
    case CVN_OBJECT_NONE:
    default:
      return NULL;
    }

  item->key = make_key (parent_key, item->kind, item->id);
  return item;
}


/* Whether @id is among the groups on @path (the branch being walked, from its root down). */
static gboolean
path_contains (GArray *path,
               gint64  id)
{
  for (guint i = 0; i < path->len; i++)
    if (g_array_index (path, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* The group rows nested under @group's row, when @path ends with @group: its child groups that
 * nest under it and are not already on the branch above. */
static gboolean
nests_on_path (const CvnGroup *group,
               const CvnGroup *child,
               GArray         *path)
{
  return nests_under (group, child) && !path_contains (path, child->id);
}

/* A group row that makes its branch when asked. @path holds the ids of the groups above it. */
static CvnOutlineItem *
make_group_row (Outline        *outline,
                const CvnGroup *group,
                const char     *parent_key,
                GArray         *path)
{
  CvnOutlineItem *item = g_object_new (CVN_TYPE_OUTLINE_ITEM, NULL);

  item->kind = CVN_OBJECT_GROUP;
  item->id = group->id;
  item->title = g_strdup (group->name);
  item->icon_name = g_strdup (cvn_outline_group_icon_name (group->kind));
  item->key = make_key (parent_key, CVN_OBJECT_GROUP, group->id);
  item->outline = outline_ref (outline);
  item->group = group;
  if (path != NULL && path->len > 0)
    {
      item->ancestors = g_array_sized_new (FALSE, FALSE, sizeof (gint64), path->len);
      g_array_append_vals (item->ancestors, path->data, path->len);
    }
  return item;
}

/* The ids of the groups above @self's row, and its own: the path its rows are made on. */
static GArray *
branch_path (CvnOutlineItem *self)
{
  guint depth = self->ancestors != NULL ? self->ancestors->len : 0;
  GArray *path = g_array_sized_new (FALSE, FALSE, sizeof (gint64), depth + 1);

  if (depth > 0)
    g_array_append_vals (path, self->ancestors->data, depth);
  g_array_append_val (path, self->group->id);
  return path;
}

static void
append_row (GListStore     *rows,
            CvnOutlineItem *row)
{
  row->position = g_list_model_get_n_items (G_LIST_MODEL (rows));
  g_list_store_append (rows, row);
}

/* Makes the rows under a group: the groups nested in it, each heading a branch of its own, then
 * its members. */
static void
make_branch (CvnOutlineItem *self)
{
  Outline *outline = self->outline;
  CvnSnapshot *snapshot = outline->snapshot;
  g_autoptr (GListStore) children = g_list_store_new (CVN_TYPE_OUTLINE_ITEM);
  g_autoptr (GArray) path = branch_path (self);
  g_autoptr (GPtrArray) members = NULL;
  GPtrArray *child_groups = g_hash_table_lookup (outline->children_of, &self->group->id);

  for (guint i = 0; child_groups != NULL && i < child_groups->len; i++)
    {
      const CvnGroup *child = g_ptr_array_index (child_groups, i);
      g_autoptr (CvnOutlineItem) child_row = NULL;

      if (!nests_on_path (self->group, child, path))
        continue;
      child_row = make_group_row (outline, child, self->key, path);
      append_row (children, child_row);
    }

  members = cvn_snapshot_get_members (snapshot, self->group->id, TRUE);
  g_ptr_array_sort_with_data (members, compare_memberships, snapshot);
  for (guint i = 0; i < members->len; i++)
    {
      g_autoptr (CvnOutlineItem) member_row = build_member (snapshot,
                                                            g_ptr_array_index (members, i),
                                                            self->key);

      if (member_row != NULL)
        append_row (children, member_row);
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (children)) > 0)
    self->children = G_LIST_MODEL (g_steal_pointer (&children));
  self->children_made = TRUE;
  release_outline_when_made (self);
}

/* Adds the schools of the branch @group heads to @schools, and counts its own people into
 * @n_people when it is not NULL. @path ends with the group above @group. */
static void
collect_branch_schools (Outline        *outline,
                        const CvnGroup *group,
                        GArray         *path,
                        GHashTable     *schools,
                        guint          *n_people)
{
  CvnSnapshot *snapshot = outline->snapshot;
  GPtrArray *child_groups = g_hash_table_lookup (outline->children_of, &group->id);
  g_autoptr (GPtrArray) members = cvn_snapshot_get_members (snapshot, group->id, TRUE);

  g_array_append_val (path, group->id);
  for (guint i = 0; child_groups != NULL && i < child_groups->len; i++)
    {
      const CvnGroup *child = g_ptr_array_index (child_groups, i);

      if (nests_on_path (group, child, path))
        collect_branch_schools (outline, child, path, schools, NULL);
    }
  g_array_set_size (path, path->len - 1);

  for (guint i = 0; i < members->len; i++)
    {
      const CvnMembership *membership = g_ptr_array_index (members, i);

      if (membership->member_kind == CVN_OBJECT_ESTABLISHMENT
          && cvn_snapshot_find_establishment (snapshot, membership->member_id) != NULL)
        g_hash_table_add (schools, (gpointer) &membership->member_id);
      else if (membership->member_kind == CVN_OBJECT_PERSON && n_people != NULL
               && cvn_snapshot_find_person (snapshot, membership->member_id) != NULL)
        (*n_people)++;
    }
}

/* A group's subtitle: its kind, and the distinct schools of its whole branch (an alliance
 * counts the schools of its clusters, and a school in two of them once), or failing those its
 * people. */
static void
make_branch_subtitle (CvnOutlineItem *self)
{
  g_autoptr (GHashTable) schools = NULL;
  g_autoptr (GArray) path = NULL;
  g_autofree char *kind_label = NULL;
  g_autofree char *count = NULL;
  guint n_people = 0;

  if (self->outline == NULL)
    {
      self->subtitle = g_strdup ("");
      return;
    }

  schools = g_hash_table_new (g_int64_hash, g_int64_equal);
  path = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (self->ancestors != NULL)
    g_array_append_vals (path, self->ancestors->data, self->ancestors->len);
  collect_branch_schools (self->outline, self->group, path, schools, &n_people);

  kind_label = cvn_outline_dup_kind_label (self->group->kind);
  if (g_hash_table_size (schools) > 0)
    count = g_strdup_printf (ngettext ("%u school", "%u schools", g_hash_table_size (schools)),
                             g_hash_table_size (schools));
  else if (n_people > 0)
    count = g_strdup_printf (ngettext ("%u person", "%u people", n_people), n_people);
  self->subtitle = join_subtitle (kind_label, count);
  release_outline_when_made (self);
}

/* Whether the branch @group heads, below a row on @path, has a row showing @kind/@id; found
 * without making the rows. */
static gboolean
branch_shows (Outline        *outline,
              const CvnGroup *group,
              GArray         *path,
              CvnObjectKind   kind,
              gint64          id)
{
  CvnSnapshot *snapshot = outline->snapshot;
  GPtrArray *child_groups = g_hash_table_lookup (outline->children_of, &group->id);
  gboolean found = FALSE;

  g_array_append_val (path, group->id);
  for (guint i = 0; !found && child_groups != NULL && i < child_groups->len; i++)
    {
      const CvnGroup *child = g_ptr_array_index (child_groups, i);

      if (nests_on_path (group, child, path))
        found = (kind == CVN_OBJECT_GROUP && child->id == id)
                || branch_shows (outline, child, path, kind, id);
    }
  g_array_set_size (path, path->len - 1);

  if (!found)
    {
      g_autoptr (GPtrArray) members = cvn_snapshot_get_members (snapshot, group->id, TRUE);

      for (guint i = 0; !found && i < members->len; i++)
        {
          const CvnMembership *membership = g_ptr_array_index (members, i);

          found = membership->member_kind == kind && membership->member_id == id
                  && cvn_snapshot_get_name (snapshot, kind, id) != NULL;
        }
    }
  return found;
}

/* Long lists --------------------------------------------------------------------------------- */

/* The rows of a section: a list that makes each row when it is first read. The section of
 * people in no group can hold most of a borough's people, and the outline is built after
 * every edit; only the rows shown, opened or searched for are made. */
#define CVN_TYPE_OUTLINE_ROWS (cvn_outline_rows_get_type ())
G_DECLARE_FINAL_TYPE (CvnOutlineRows, cvn_outline_rows, CVN, OUTLINE_ROWS, GObject)

struct _CvnOutlineRows
{
  GObject          parent_instance;

  Outline         *outline;
  CvnObjectKind    kind;         /* of every row */
  const char      *parent_key;   /* static */
  GPtrArray       *sources;      /* the CvnEstablishment, CvnPerson or CvnGroup of each row */
  CvnOutlineItem **rows;         /* made when first read */
};

static void cvn_outline_rows_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CvnOutlineRows, cvn_outline_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      cvn_outline_rows_list_model_init))

static gint64
source_id (CvnObjectKind kind,
           gconstpointer source)
{
  switch (kind)
    {
    case CVN_OBJECT_ESTABLISHMENT:
      return ((const CvnEstablishment *) source)->id;
    case CVN_OBJECT_PERSON:
      return ((const CvnPerson *) source)->id;
    case CVN_OBJECT_GROUP:
      return ((const CvnGroup *) source)->id;
    case CVN_OBJECT_NONE:
    default:
      g_assert_not_reached ();
    }
}

static CvnOutlineItem *
make_row (CvnOutlineRows *self,
          guint           position)
{
  gconstpointer source = g_ptr_array_index (self->sources, position);
  CvnOutlineItem *item = NULL;

  switch (self->kind)
    {
    case CVN_OBJECT_ESTABLISHMENT:
      {
        const CvnEstablishment *establishment = source;
        g_autofree char *subtitle = describe_establishment (establishment);

        item = cvn_outline_item_new (CVN_OBJECT_ESTABLISHMENT, establishment->id,
                                     establishment->name, subtitle, "cvn-school-symbolic");
        item->key = make_key (self->parent_key, item->kind, item->id);
        break;
      }
    case CVN_OBJECT_PERSON:
      {
        const CvnPerson *person = source;

        item = cvn_outline_item_new (CVN_OBJECT_PERSON, person->id, person->name,
                                     person->job_title, "avatar-default-symbolic");
        item->key = make_key (self->parent_key, item->kind, item->id);
        break;
      }
    case CVN_OBJECT_GROUP:
      item = make_group_row (self->outline, source, self->parent_key, NULL);
      break;
    case CVN_OBJECT_NONE:
    default:
      g_assert_not_reached ();
    }
  item->position = position;
  return item;
}

static CvnOutlineItem *
rows_get (CvnOutlineRows *self,
          guint           position)
{
  if (self->rows[position] == NULL)
    self->rows[position] = make_row (self, position);
  return self->rows[position];
}

static GType
cvn_outline_rows_get_item_type (GListModel *model)
{
  return CVN_TYPE_OUTLINE_ITEM;
}

static guint
cvn_outline_rows_get_n_items (GListModel *model)
{
  return CVN_OUTLINE_ROWS (model)->sources->len;
}

static gpointer
cvn_outline_rows_get_item (GListModel *model,
                           guint       position)
{
  CvnOutlineRows *self = CVN_OUTLINE_ROWS (model);

  if (position >= self->sources->len)
    return NULL;
  return g_object_ref (rows_get (self, position));
}

static void
cvn_outline_rows_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = cvn_outline_rows_get_item_type;
  iface->get_n_items = cvn_outline_rows_get_n_items;
  iface->get_item = cvn_outline_rows_get_item;
}

static void
cvn_outline_rows_finalize (GObject *object)
{
  CvnOutlineRows *self = CVN_OUTLINE_ROWS (object);

  for (guint i = 0; i < self->sources->len; i++)
    g_clear_object (&self->rows[i]);
  g_free (self->rows);
  g_ptr_array_unref (self->sources);
  outline_unref (self->outline);

  G_OBJECT_CLASS (cvn_outline_rows_parent_class)->finalize (object);
}

static void
cvn_outline_rows_class_init (CvnOutlineRowsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cvn_outline_rows_finalize;
}

static void
cvn_outline_rows_init (CvnOutlineRows *self)
{
}

static CvnOutlineRows *
outline_rows_new (Outline       *outline,
                  CvnObjectKind  kind,
                  const char    *parent_key,
                  GPtrArray     *sources)
{
  CvnOutlineRows *self = g_object_new (CVN_TYPE_OUTLINE_ROWS, NULL);

  self->outline = outline_ref (outline);
  self->kind = kind;
  self->parent_key = parent_key;
  self->sources = g_ptr_array_ref (sources);
  self->rows = g_new0 (CvnOutlineItem *, sources->len);
  return self;
}

/* The row at @position of @rows if it has been made, without making it. */
static CvnOutlineItem *
peek_row (GListModel *rows,
          guint       position)
{
  CvnOutlineItem *item;

  if (CVN_IS_OUTLINE_ROWS (rows))
    return CVN_OUTLINE_ROWS (rows)->rows[position];
  /* The other lists of the outline are stores, which hold their rows: the pointer stays good
   * once the reference is given back. */
  item = g_list_model_get_item (rows, position);
  g_object_unref (item);
  return item;
}

/* What the row at @position shows, without making it. */
static void
peek_object (GListModel    *rows,
             guint          position,
             CvnObjectKind *kind,
             gint64        *id)
{
  CvnOutlineItem *item;

  if (CVN_IS_OUTLINE_ROWS (rows))
    {
      CvnOutlineRows *self = CVN_OUTLINE_ROWS (rows);

      *kind = self->kind;
      *id = source_id (self->kind, g_ptr_array_index (self->sources, position));
      return;
    }
  item = peek_row (rows, position);
  *kind = item->kind;
  *id = item->id;
}

gboolean
cvn_outline_has_child_rows (GListModel *rows,
                            guint       position)
{
  CvnOutlineItem *item;

  g_return_val_if_fail (G_IS_LIST_MODEL (rows), FALSE);
  g_return_val_if_fail (position < g_list_model_get_n_items (rows), FALSE);

  item = peek_row (rows, position);
  return item != NULL && item->children_made && item->children != NULL;
}

/* Building ------------------------------------------------------------------------------- */

static const char *
section_key (Section section)
{
  static const char * const keys[N_SECTIONS] = {
    "board", "alliances", "clusters-outside", "other", "committees", "unclustered",
    "ungrouped-people",
  };

  return keys[section];
}

static const char *
section_title (Section section)
{
  switch (section)
    {
    case SECTION_BOARD:
      return _("Strategic board");
    case SECTION_ALLIANCES:
      return _("Alliances");
    case SECTION_CLUSTERS_OUTSIDE:
      return _("Clusters outside any alliance");
    case SECTION_OTHER:
      return _("Other groups");
    case SECTION_COMMITTEES:
      return _("Committees");
    case SECTION_UNCLUSTERED:
      return _("Schools in no cluster");
    case SECTION_UNGROUPED_PEOPLE:
      return _("People in no group");
    case N_SECTIONS:
    default:
      g_assert_not_reached ();
    }
}

static CvnObjectKind
section_kind (Section section)
{
  switch (section)
    {
    case SECTION_UNCLUSTERED:
      return CVN_OBJECT_ESTABLISHMENT;
    case SECTION_UNGROUPED_PEOPLE:
      return CVN_OBJECT_PERSON;
    case SECTION_BOARD:
    case SECTION_ALLIANCES:
    case SECTION_CLUSTERS_OUTSIDE:
    case SECTION_OTHER:
    case SECTION_COMMITTEES:
      return CVN_OBJECT_GROUP;
    case N_SECTIONS:
    default:
      g_assert_not_reached ();
    }
}

GListStore *
cvn_outline_build (CvnSnapshot    *snapshot,
                   GDestroyNotify  snapshot_free)
{
  Outline *outline;
  GPtrArray *sections[N_SECTIONS] = { NULL };
  g_autoptr (GHashTable) clustered = NULL;
  g_autoptr (GHashTable) grouped = NULL;
  GListStore *roots;

  g_return_val_if_fail (snapshot != NULL, NULL);

  outline = g_rc_box_new0 (Outline);
  outline->snapshot = snapshot;
  outline->snapshot_free = snapshot_free;
  outline->children_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < snapshot->groups->len; i++)
    {
      const CvnGroup *group = &g_array_index (snapshot->groups, CvnGroup, i);
      GPtrArray *siblings;

      if (group->parent_id == 0)
        continue;
      siblings = g_hash_table_lookup (outline->children_of, &group->parent_id);
      if (siblings == NULL)
        {
          siblings = g_ptr_array_new ();
          g_hash_table_insert (outline->children_of, (gpointer) &group->parent_id, siblings);
        }
      g_ptr_array_add (siblings, (gpointer) group);
    }

  for (guint i = 0; i < N_SECTIONS; i++)
    sections[i] = g_ptr_array_new ();

  for (guint i = 0; i < snapshot->groups->len; i++)
    {
      const CvnGroup *group = &g_array_index (snapshot->groups, CvnGroup, i);

      if (is_root (snapshot, group))
        g_ptr_array_add (sections[section_of (group)], (gpointer) group);
    }

  /* Which schools are in a cluster, and which people in any group, is read in one pass over
   * the memberships rather than by asking after each of the borough's schools and people. */
  clustered = g_hash_table_new (g_int64_hash, g_int64_equal);
  grouped = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < snapshot->memberships->len; i++)
    {
      const CvnMembership *membership = &g_array_index (snapshot->memberships, CvnMembership, i);
      const CvnGroup *group;

      if (!cvn_snapshot_membership_is_current (snapshot, membership))
        continue;
      switch (membership->member_kind)
        {
        case CVN_OBJECT_ESTABLISHMENT:
          group = cvn_snapshot_find_group (snapshot, membership->group_id);
          if (group != NULL && group->tier == 1 && !is_committee (group))
            g_hash_table_add (clustered, (gpointer) &membership->member_id);
          break;
        case CVN_OBJECT_PERSON:
          g_hash_table_add (grouped, (gpointer) &membership->member_id);
          break;
        case CVN_OBJECT_GROUP:
        case CVN_OBJECT_NONE:
        default:
          break;
        }
    }

  for (guint i = 0; i < snapshot->establishments->len; i++)
    {
      const CvnEstablishment *establishment =
        &g_array_index (snapshot->establishments, CvnEstablishment, i);

      /* Closed schools need no cluster, so only open ones are listed as missing one. */
      if (establishment->is_open && !g_hash_table_contains (clustered, &establishment->id))
        g_ptr_array_add (sections[SECTION_UNCLUSTERED], (gpointer) establishment);
    }

  /* People are otherwise reached only through the groups they are in; someone just added, or
   * between roles, would have no row at all. */
  for (guint i = 0; i < snapshot->people->len; i++)
    {
      const CvnPerson *person = &g_array_index (snapshot->people, CvnPerson, i);

      if (!g_hash_table_contains (grouped, &person->id))
        g_ptr_array_add (sections[SECTION_UNGROUPED_PEOPLE], (gpointer) person);
    }

  roots = g_list_store_new (CVN_TYPE_OUTLINE_ITEM);
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      g_autoptr (GPtrArray) sources = sections[i];
      g_autoptr (CvnOutlineItem) heading = NULL;
      g_autofree char *count = NULL;

      if (sources->len == 0)
        continue;
      count = g_strdup_printf ("%u", sources->len);
      heading = cvn_outline_item_new (CVN_OBJECT_NONE, 0, section_title (i), count, NULL);
      heading->key = g_strdup (section_key (i));
      heading->children = G_LIST_MODEL (outline_rows_new (outline, section_kind (i),
                                                          section_key (i), sources));
      append_row (roots, heading);
    }

  /* The top level keeps the outline too: an empty document has no rows, but its snapshot is
   * still the window's. */
  g_object_set_qdata_full (G_OBJECT (roots), outline_quark (), outline,
                           (GDestroyNotify) outline_unref);
  return roots;
}

/* Finding -------------------------------------------------------------------------------- */

/* Looks depth first through @rows for the first row showing @kind/@id, adding the rows on the
 * way to @path. A group's branch is searched before its rows are made, and made only when the
 * row is there; @in_groups is FALSE when no group has the object, so that no branch need be
 * searched. */
static gboolean
find_object_in (GListModel    *rows,
                CvnObjectKind  kind,
                gint64         id,
                gboolean       in_groups,
                GPtrArray     *path)
{
  guint n_rows = g_list_model_get_n_items (rows);

  for (guint i = 0; i < n_rows; i++)
    {
      CvnOutlineItem *item = peek_row (rows, i);
      CvnObjectKind row_kind;
      gint64 row_id;
      gboolean descend;

      peek_object (rows, i, &row_kind, &row_id);
      if (row_kind == kind && row_id == id)
        {
          if (item == NULL)
            item = rows_get (CVN_OUTLINE_ROWS (rows), i);
          g_ptr_array_add (path, item);
          return TRUE;
        }

      if (row_kind == CVN_OBJECT_NONE)
        descend = TRUE;
      else if (row_kind != CVN_OBJECT_GROUP || !in_groups)
        descend = FALSE;
      else if (item != NULL && item->children_made)
        descend = item->children != NULL;
      else if (item != NULL)
        {
          g_autoptr (GArray) above = g_array_new (FALSE, FALSE, sizeof (gint64));

          if (item->ancestors != NULL)
            g_array_append_vals (above, item->ancestors->data, item->ancestors->len);
          descend = branch_shows (item->outline, item->group, above, kind, id);
        }
      else
        {
          CvnOutlineRows *section = CVN_OUTLINE_ROWS (rows);
          g_autoptr (GArray) above = g_array_new (FALSE, FALSE, sizeof (gint64));

          descend = branch_shows (section->outline, g_ptr_array_index (section->sources, i),
                                  above, kind, id);
          if (descend)
            item = rows_get (section, i);
        }

      if (!descend)
        continue;
      g_ptr_array_add (path, item);
      if (find_object_in (cvn_outline_item_get_children (item), kind, id, in_groups, path))
        return TRUE;
      g_ptr_array_remove_index (path, path->len - 1);
    }
  return FALSE;
}

GPtrArray *
cvn_outline_find_object (GListModel   *roots,
                         CvnObjectKind kind,
                         gint64        id)
{
  g_autoptr (GPtrArray) path = g_ptr_array_new ();
  gboolean in_groups = TRUE;
  Outline *outline;

  g_return_val_if_fail (G_IS_LIST_MODEL (roots), NULL);

  if (kind == CVN_OBJECT_NONE)
    return NULL;
  /* A school or a person in no group has a row only in a section's list, the one place worth
   * looking; a group may be a row of another's branch whatever its memberships. */
  outline = g_object_get_qdata (G_OBJECT (roots), outline_quark ());
  if (kind != CVN_OBJECT_GROUP && outline != NULL)
    {
      g_autoptr (GPtrArray) memberships =
        cvn_snapshot_get_memberships_of (outline->snapshot, kind, id, TRUE);

      in_groups = memberships->len > 0;
    }
  if (!find_object_in (roots, kind, id, in_groups, path))
    return NULL;
  return g_steal_pointer (&path);
}

GPtrArray *
cvn_outline_find_key (GListModel *roots,
                      const char *key)
{
  g_autoptr (GPtrArray) path = g_ptr_array_new ();
  g_auto (GStrv) parts = NULL;
  GListModel *rows = roots;

  g_return_val_if_fail (G_IS_LIST_MODEL (roots), NULL);

  if (key == NULL)
    return NULL;

  /* A key names each row on the way down: the section, then "kind:id" at each level. The
   * first row at each level that shows the object named is the one followed, as a depth-first
   * search would find it; only the rows on the way are made. */
  parts = g_strsplit (key, "/", -1);
  for (guint depth = 0; parts[depth] != NULL; depth++)
    {
      CvnOutlineItem *found = NULL;
      guint n_rows;

      if (rows == NULL)
        return NULL;
      n_rows = g_list_model_get_n_items (rows);
      if (depth == 0)
        {
          for (guint i = 0; i < n_rows && found == NULL; i++)
            if (g_strcmp0 (peek_row (rows, i)->key, parts[0]) == 0)
              found = peek_row (rows, i);
        }
      else
        {
          char *colon = strrchr (parts[depth], ':');
          CvnObjectKind kind;
          gint64 id;

          if (colon == NULL)
            return NULL;
          *colon = '\0';
          kind = cvn_object_kind_from_string (parts[depth]);
          if (kind == CVN_OBJECT_NONE
              || !g_ascii_string_to_signed (colon + 1, 10, 1, G_MAXINT64, &id, NULL))
            return NULL;
          for (guint i = 0; i < n_rows && found == NULL; i++)
            {
              CvnObjectKind row_kind;
              gint64 row_id;

              peek_object (rows, i, &row_kind, &row_id);
              if (row_kind == kind && row_id == id)
                found = CVN_IS_OUTLINE_ROWS (rows) ? rows_get (CVN_OUTLINE_ROWS (rows), i)
                                                   : peek_row (rows, i);
            }
        }
      if (found == NULL)
        return NULL;
      g_ptr_array_add (path, found);
      if (parts[depth + 1] != NULL)
        rows = cvn_outline_item_get_children (found);
    }
  return g_steal_pointer (&path);
}
