/* cvn-outline-item.c
 *
 * The outline follows the tiers the way the partnership documents describe them: the strategic
 * board and its sub-groups; the alliances with their clusters and each cluster's schools; then
 * the groups that sit outside that hierarchy. A school in three groups appears three times, once
 * under each, because that overlap is what the people using Convenor need to see.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-outline"

#include "config.h"

#include "cvn-outline-item.h"

#include <glib/gi18n.h>

struct _CvnOutlineItem
{
  GObject        parent_instance;

  CvnObjectKind  kind;
  gint64         id;
  char          *title;
  char          *subtitle;
  char          *icon_name;
  char          *key;
  GListStore    *children;
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
      g_value_set_string (value, self->subtitle);
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

  /* Items are built once from a snapshot and never change, so the properties are read-only;
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
  return self;
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

GListStore *
cvn_outline_item_get_children (CvnOutlineItem *self)
{
  g_return_val_if_fail (CVN_IS_OUTLINE_ITEM (self), NULL);

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

typedef struct
{
  CvnSnapshot *snapshot;
  GHashTable  *children_of;   /* parent group id -> GPtrArray of const CvnGroup * */
  GHashTable  *on_path;       /* group ids being built above the current one */
} Builder;

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
build_member (Builder             *builder,
              const CvnMembership *membership,
              const char          *parent_key)
{
  CvnSnapshot *snapshot = builder->snapshot;
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

static CvnOutlineItem *
build_group (Builder        *builder,
             const CvnGroup *group,
             const char     *parent_key,
             GHashTable     *schools_seen)
{
  CvnSnapshot *snapshot = builder->snapshot;
  g_autoptr (GListStore) children = g_list_store_new (CVN_TYPE_OUTLINE_ITEM);
  g_autoptr (GHashTable) schools = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GPtrArray) members = NULL;
  g_autofree char *key = make_key (parent_key, CVN_OBJECT_GROUP, group->id);
  g_autofree char *kind_label = NULL;
  g_autofree char *count = NULL;
  g_autofree char *subtitle = NULL;
  GPtrArray *child_groups;
  guint n_people = 0;
  CvnOutlineItem *item;

  g_hash_table_add (builder->on_path, (gpointer) &group->id);

  child_groups = g_hash_table_lookup (builder->children_of, &group->id);
  for (guint i = 0; child_groups != NULL && i < child_groups->len; i++)
    {
      const CvnGroup *child = g_ptr_array_index (child_groups, i);
      g_autoptr (CvnOutlineItem) child_item = NULL;

      if (!nests_under (group, child) || g_hash_table_contains (builder->on_path, &child->id))
        continue;
      child_item = build_group (builder, child, key, schools);
      g_list_store_append (children, child_item);
    }

  members = cvn_snapshot_get_members (snapshot, group->id, TRUE);
  g_ptr_array_sort_with_data (members, compare_memberships, snapshot);
  for (guint i = 0; i < members->len; i++)
    {
      const CvnMembership *membership = g_ptr_array_index (members, i);
      g_autoptr (CvnOutlineItem) member_item = build_member (builder, membership, key);

      if (member_item == NULL)
        continue;
      if (membership->member_kind == CVN_OBJECT_ESTABLISHMENT)
        g_hash_table_add (schools, (gpointer) &membership->member_id);
      else if (membership->member_kind == CVN_OBJECT_PERSON)
        n_people++;
      g_list_store_append (children, member_item);
    }

  g_hash_table_remove (builder->on_path, &group->id);

  /* The count is of distinct schools in the whole branch: an alliance counts the schools of
   * its clusters, and a school in two of them once. */
  if (schools_seen != NULL)
    {
      GHashTableIter iter;
      gpointer school_id;

      g_hash_table_iter_init (&iter, schools);
      while (g_hash_table_iter_next (&iter, &school_id, NULL))
        g_hash_table_add (schools_seen, school_id);
    }
  kind_label = cvn_outline_dup_kind_label (group->kind);
  if (g_hash_table_size (schools) > 0)
    count = g_strdup_printf (ngettext ("%u school", "%u schools", g_hash_table_size (schools)),
                             g_hash_table_size (schools));
  else if (n_people > 0)
    count = g_strdup_printf (ngettext ("%u person", "%u people", n_people), n_people);
  subtitle = join_subtitle (kind_label, count);

  item = cvn_outline_item_new (CVN_OBJECT_GROUP, group->id, group->name, subtitle,
                               cvn_outline_group_icon_name (group->kind));
  item->key = g_steal_pointer (&key);
  if (g_list_model_get_n_items (G_LIST_MODEL (children)) > 0)
    item->children = g_steal_pointer (&children);
  return item;
}

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

static gboolean
is_in_a_cluster (CvnSnapshot            *snapshot,
                 const CvnEstablishment *establishment)
{
  g_autoptr (GPtrArray) memberships =
    cvn_snapshot_get_memberships_of (snapshot, CVN_OBJECT_ESTABLISHMENT, establishment->id, TRUE);

  for (guint i = 0; i < memberships->len; i++)
    {
      const CvnMembership *membership = g_ptr_array_index (memberships, i);
      const CvnGroup *group = cvn_snapshot_find_group (snapshot, membership->group_id);

      if (group != NULL && group->tier == 1 && !is_committee (group))
        return TRUE;
    }
  return FALSE;
}

GListStore *
cvn_outline_build (CvnSnapshot *snapshot)
{
  Builder builder = { snapshot, NULL, NULL };
  GListStore *sections[N_SECTIONS] = { NULL };
  GListStore *roots;

  g_return_val_if_fail (snapshot != NULL, NULL);

  builder.children_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                               (GDestroyNotify) g_ptr_array_unref);
  builder.on_path = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < snapshot->groups->len; i++)
    {
      const CvnGroup *group = &g_array_index (snapshot->groups, CvnGroup, i);
      GPtrArray *siblings;

      if (group->parent_id == 0)
        continue;
      siblings = g_hash_table_lookup (builder.children_of, &group->parent_id);
      if (siblings == NULL)
        {
          siblings = g_ptr_array_new ();
          g_hash_table_insert (builder.children_of, (gpointer) &group->parent_id, siblings);
        }
      g_ptr_array_add (siblings, (gpointer) group);
    }

  for (guint i = 0; i < N_SECTIONS; i++)
    sections[i] = g_list_store_new (CVN_TYPE_OUTLINE_ITEM);

  for (guint i = 0; i < snapshot->groups->len; i++)
    {
      const CvnGroup *group = &g_array_index (snapshot->groups, CvnGroup, i);
      g_autoptr (CvnOutlineItem) item = NULL;
      Section section;

      if (!is_root (snapshot, group))
        continue;
      section = section_of (group);
      item = build_group (&builder, group, section_key (section), NULL);
      g_list_store_append (sections[section], item);
    }

  for (guint i = 0; i < snapshot->establishments->len; i++)
    {
      const CvnEstablishment *establishment =
        &g_array_index (snapshot->establishments, CvnEstablishment, i);
      g_autoptr (CvnOutlineItem) item = NULL;
      g_autofree char *subtitle = NULL;

      /* Closed schools need no cluster, so only open ones are listed as missing one. */
      if (!establishment->is_open || is_in_a_cluster (snapshot, establishment))
        continue;
      subtitle = describe_establishment (establishment);
      item = cvn_outline_item_new (CVN_OBJECT_ESTABLISHMENT, establishment->id,
                                   establishment->name, subtitle, "cvn-school-symbolic");
      item->key = make_key (section_key (SECTION_UNCLUSTERED), item->kind, item->id);
      g_list_store_append (sections[SECTION_UNCLUSTERED], item);
    }

  /* People are otherwise reached only through the groups they are in; someone just added, or
   * between roles, would have no row at all. */
  for (guint i = 0; i < snapshot->people->len; i++)
    {
      const CvnPerson *person = &g_array_index (snapshot->people, CvnPerson, i);
      g_autoptr (GPtrArray) memberships =
        cvn_snapshot_get_memberships_of (snapshot, CVN_OBJECT_PERSON, person->id, TRUE);
      g_autoptr (CvnOutlineItem) item = NULL;

      if (memberships->len > 0)
        continue;
      item = cvn_outline_item_new (CVN_OBJECT_PERSON, person->id, person->name,
                                   person->job_title, "avatar-default-symbolic");
      item->key = make_key (section_key (SECTION_UNGROUPED_PEOPLE), item->kind, item->id);
      g_list_store_append (sections[SECTION_UNGROUPED_PEOPLE], item);
    }

  roots = g_list_store_new (CVN_TYPE_OUTLINE_ITEM);
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      guint n_items = g_list_model_get_n_items (G_LIST_MODEL (sections[i]));
      g_autoptr (CvnOutlineItem) heading = NULL;
      g_autofree char *count = NULL;

      if (n_items == 0)
        {
          g_object_unref (sections[i]);
          continue;
        }
      count = g_strdup_printf ("%u", n_items);
      heading = cvn_outline_item_new (CVN_OBJECT_NONE, 0, section_title (i), count, NULL);
      heading->key = g_strdup (section_key (i));
      heading->children = sections[i];
      g_list_store_append (roots, heading);
    }

  g_hash_table_unref (builder.on_path);
  g_hash_table_unref (builder.children_of);
  return roots;
}

/* Finding -------------------------------------------------------------------------------- */

typedef gboolean (*ItemMatchFunc) (CvnOutlineItem *item,
                                   gconstpointer   data);

static gboolean
find_path (GListModel    *model,
           ItemMatchFunc  match,
           gconstpointer  data,
           GPtrArray     *path)
{
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (CvnOutlineItem) item = g_list_model_get_item (model, i);

      g_ptr_array_add (path, item);
      if (match (item, data))
        return TRUE;
      if (item->children != NULL && find_path (G_LIST_MODEL (item->children), match, data, path))
        return TRUE;
      g_ptr_array_remove_index (path, path->len - 1);
    }
  return FALSE;
}

typedef struct
{
  CvnObjectKind kind;
  gint64        id;
} ObjectRef;

static gboolean
match_object (CvnOutlineItem *item,
              gconstpointer   data)
{
  const ObjectRef *ref = data;

  return item->kind == ref->kind && item->id == ref->id;
}

static gboolean
match_key (CvnOutlineItem *item,
           gconstpointer   data)
{
  return g_strcmp0 (item->key, data) == 0;
}

GPtrArray *
cvn_outline_find_object (GListModel   *roots,
                         CvnObjectKind kind,
                         gint64        id)
{
  g_autoptr (GPtrArray) path = g_ptr_array_new ();
  ObjectRef ref = { kind, id };

  g_return_val_if_fail (G_IS_LIST_MODEL (roots), NULL);

  if (kind == CVN_OBJECT_NONE || !find_path (roots, match_object, &ref, path))
    return NULL;
  return g_steal_pointer (&path);
}

GPtrArray *
cvn_outline_find_key (GListModel *roots,
                      const char *key)
{
  g_autoptr (GPtrArray) path = g_ptr_array_new ();

  g_return_val_if_fail (G_IS_LIST_MODEL (roots), NULL);

  if (key == NULL || !find_path (roots, match_key, key, path))
    return NULL;
  return g_steal_pointer (&path);
}
