/* cvn-snapshot.h — a whole document read into memory at one revision.
 *
 * Readers that look at many objects at once (checks, audit, brokerage, layout, drawing, the
 * outline) load a snapshot instead of querying row by row. A snapshot never changes; load a
 * new one when the document's revision moves on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cvn-document.h"
#include "cvn-model.h"

G_BEGIN_DECLS

struct _CvnSnapshot
{
  guint64  revision;
  char    *today;                /* YYYY-MM-DD: what "current" means for this snapshot */

  GArray  *establishments;       /* CvnEstablishment, ordered by name */
  GArray  *people;               /* CvnPerson, ordered by name */
  GArray  *designation_types;    /* CvnDesignationType, ordered by code */
  GArray  *designations;         /* CvnDesignation */
  GArray  *groups;               /* CvnGroup, ordered by tier (3 first), kind, name */
  GArray  *memberships;          /* CvnMembership */
  GArray  *expertise_areas;      /* CvnExpertiseArea, by position */
  GArray  *directory_entries;    /* CvnDirectoryEntry */
  GArray  *support_engagements;  /* CvnSupportEngagement */

  /*< private >*/
  GHashTable *index;             /* (table, id) -> element index */
  GHashTable *members_of;        /* group id -> GPtrArray of CvnMembership * */
  GHashTable *groups_of;         /* (member kind, member id) -> GPtrArray of CvnMembership * */
  GHashTable *designations_of;   /* (holder kind, holder id) -> GPtrArray of CvnDesignation * */
};

CvnSnapshot              *cvn_snapshot_load                 (CvnDocument  *doc,
                                                             GError      **error);
/* Like cvn_snapshot_load, but takes "today" from the caller (tests pin the date). */
CvnSnapshot              *cvn_snapshot_load_at              (CvnDocument  *doc,
                                                             const char   *today,
                                                             GError      **error);
void                      cvn_snapshot_free                 (CvnSnapshot  *self);

const CvnEstablishment   *cvn_snapshot_find_establishment   (CvnSnapshot  *self,
                                                             gint64        id);
const CvnEstablishment   *cvn_snapshot_find_establishment_by_urn (CvnSnapshot *self,
                                                                  gint64       urn);
const CvnPerson          *cvn_snapshot_find_person          (CvnSnapshot  *self,
                                                             gint64        id);
const CvnGroup           *cvn_snapshot_find_group           (CvnSnapshot  *self,
                                                             gint64        id);
const CvnDesignationType *cvn_snapshot_find_designation_type (CvnSnapshot *self,
                                                              gint64       id);
const CvnExpertiseArea   *cvn_snapshot_find_expertise_area  (CvnSnapshot  *self,
                                                             gint64        id);
/* The display name of any object, or NULL when there is none with that id. */
const char               *cvn_snapshot_get_name             (CvnSnapshot  *self,
                                                             CvnObjectKind kind,
                                                             gint64        id);

/* Memberships of a group (its members), and memberships of an object (the groups it is in).
 * With @current_only, memberships that ended or have not begun are left out. The array holds
 * pointers into the snapshot; free it with g_ptr_array_unref. */
GPtrArray                *cvn_snapshot_get_members          (CvnSnapshot  *self,
                                                             gint64        group_id,
                                                             gboolean      current_only);
GPtrArray                *cvn_snapshot_get_memberships_of   (CvnSnapshot  *self,
                                                             CvnObjectKind kind,
                                                             gint64        id,
                                                             gboolean      current_only);
/* The designations an object holds; current ones only with @current_only. */
GPtrArray                *cvn_snapshot_get_designations_of  (CvnSnapshot  *self,
                                                             CvnObjectKind kind,
                                                             gint64        id,
                                                             gboolean      current_only);
/* Child groups of @parent_id (0: groups with no parent), in snapshot order. */
GPtrArray                *cvn_snapshot_get_child_groups     (CvnSnapshot  *self,
                                                             gint64        parent_id);
gboolean                  cvn_snapshot_membership_is_current (CvnSnapshot         *self,
                                                              const CvnMembership *membership);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CvnSnapshot, cvn_snapshot_free)

G_END_DECLS
