/* cvn-reach.h — what a group speaks for: the rule the checks and the reports share.
 *
 * Only *live* groups count (a group whose status is "closed" or "dissolved" is treated as if
 * it were not there), and only the current memberships of a snapshot.
 *
 * A group's *reach* is the group itself, its descendants (child groups by parent, and groups
 * that are current members of it), the schools that are current members of any of those, and
 * the people who are current members of any of those. A membership of another group *draws on*
 * a reach when its member is one of those groups, one of those schools, one of those people, or
 * a person whose establishment is one of those schools. So a head whose school sits in one of
 * an alliance's clusters speaks for that alliance, and so does a system leader who belongs to
 * the alliance directly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cvn-snapshot.h"

G_BEGIN_DECLS

typedef struct
{
  GHashTable *groups;    /* group ids */
  GHashTable *schools;   /* establishment ids */
  GHashTable *people;    /* person ids */
} CvnReach;

gboolean    cvn_reach_is_live_group       (const CvnGroup      *group);
GPtrArray  *cvn_reach_get_live_members    (CvnSnapshot         *snapshot,
                                           gint64               group_id);
GHashTable *cvn_reach_index_children      (CvnSnapshot         *snapshot);

void        cvn_reach_init                (CvnReach            *self);
void        cvn_reach_clear               (CvnReach            *self);
void        cvn_reach_collect             (CvnReach            *self,
                                           CvnSnapshot         *snapshot,
                                           GHashTable          *children,
                                           gint64               group_id);
gboolean    cvn_reach_draws_on            (const CvnReach      *self,
                                           CvnSnapshot         *snapshot,
                                           const CvnMembership *membership,
                                           gboolean             count_groups);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CvnReach, cvn_reach_clear)

G_END_DECLS
