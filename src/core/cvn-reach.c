/* cvn-reach.c — what a group speaks for; see cvn-reach.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-reach"

#include "config.h"

#include "cvn-reach.h"

static gpointer
id_key (gint64 id)
{
  return GSIZE_TO_POINTER ((gsize) id);
}

gboolean
cvn_reach_is_live_group (const CvnGroup *group)
{
  return group != NULL &&
         g_ascii_strcasecmp (group->status, "closed") != 0 &&
         g_ascii_strcasecmp (group->status, "dissolved") != 0;
}

/* The current memberships (const CvnMembership *) of a group whose member still exists and,
 * for a member group, is live. */
GPtrArray *
cvn_reach_get_live_members (CvnSnapshot *snapshot,
                            gint64       group_id)
{
  g_autoptr (GPtrArray) all = cvn_snapshot_get_members (snapshot, group_id, TRUE);
  GPtrArray *members = g_ptr_array_new ();

  for (guint i = 0; i < all->len; i++)
    {
      const CvnMembership *m = g_ptr_array_index (all, i);
      gboolean exists = m->member_kind == CVN_OBJECT_GROUP
                          ? cvn_reach_is_live_group (cvn_snapshot_find_group (snapshot,
                                                                              m->member_id))
                          : cvn_snapshot_get_name (snapshot, m->member_kind,
                                                   m->member_id) != NULL;

      if (exists)
        g_ptr_array_add (members, (gpointer) m);
    }
  return members;
}

/* The live groups of @snapshot by their parent: a table from parent id to a GPtrArray of
 * const CvnGroup *, to hand to cvn_reach_collect(). */
GHashTable *
cvn_reach_index_children (CvnSnapshot *snapshot)
{
  GHashTable *children = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < snapshot->groups->len; i++)
    {
      const CvnGroup *group = &g_array_index (snapshot->groups, CvnGroup, i);
      GPtrArray *siblings;

      if (group->parent_id <= 0 || !cvn_reach_is_live_group (group))
        continue;
      siblings = g_hash_table_lookup (children, id_key (group->parent_id));
      if (siblings == NULL)
        {
          siblings = g_ptr_array_new ();
          g_hash_table_insert (children, id_key (group->parent_id), siblings);
        }
      g_ptr_array_add (siblings, (gpointer) group);
    }
  return children;
}

void
cvn_reach_init (CvnReach *self)
{
  self->groups = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->schools = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->people = g_hash_table_new (g_direct_hash, g_direct_equal);
}

void
cvn_reach_clear (CvnReach *self)
{
  g_clear_pointer (&self->groups, g_hash_table_unref);
  g_clear_pointer (&self->schools, g_hash_table_unref);
  g_clear_pointer (&self->people, g_hash_table_unref);
}

/* Adds the reach of @group_id to @self; @children is cvn_reach_index_children()'s table. */
void
cvn_reach_collect (CvnReach    *self,
                   CvnSnapshot *snapshot,
                   GHashTable  *children,
                   gint64       group_id)
{
  g_autoptr (GPtrArray) members = NULL;
  GPtrArray *child_groups;

  /* The visited set also stops a cycle of groups that are members of each other. */
  if (!g_hash_table_add (self->groups, id_key (group_id)))
    return;

  members = cvn_reach_get_live_members (snapshot, group_id);
  for (guint i = 0; i < members->len; i++)
    {
      const CvnMembership *m = g_ptr_array_index (members, i);

      switch (m->member_kind)
        {
        case CVN_OBJECT_ESTABLISHMENT:
          g_hash_table_add (self->schools, id_key (m->member_id));
          break;
        case CVN_OBJECT_PERSON:
          g_hash_table_add (self->people, id_key (m->member_id));
          break;
        case CVN_OBJECT_GROUP:
          cvn_reach_collect (self, snapshot, children, m->member_id);
          break;
        case CVN_OBJECT_NONE:
        default:
          break;
        }
    }

  child_groups = g_hash_table_lookup (children, id_key (group_id));
  for (guint i = 0; child_groups != NULL && i < child_groups->len; i++)
    cvn_reach_collect (self, snapshot, children,
                       ((const CvnGroup *) g_ptr_array_index (child_groups, i))->id);
}

/* Whether @membership (of some other group) draws on @self. Member groups count only when
 * @count_groups: a seat "drawn from an alliance's schools" is a person or a school. */
gboolean
cvn_reach_draws_on (const CvnReach      *self,
                    CvnSnapshot         *snapshot,
                    const CvnMembership *membership,
                    gboolean             count_groups)
{
  switch (membership->member_kind)
    {
    case CVN_OBJECT_GROUP:
      return count_groups && g_hash_table_contains (self->groups, id_key (membership->member_id));
    case CVN_OBJECT_ESTABLISHMENT:
      return g_hash_table_contains (self->schools, id_key (membership->member_id));
    case CVN_OBJECT_PERSON:
      {
        const CvnPerson *person = cvn_snapshot_find_person (snapshot, membership->member_id);

        return g_hash_table_contains (self->people, id_key (membership->member_id)) ||
               (person != NULL && person->establishment_id > 0 &&
                g_hash_table_contains (self->schools, id_key (person->establishment_id)));
      }
    case CVN_OBJECT_NONE:
    default:
      return FALSE;
    }
}
