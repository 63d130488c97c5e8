/* cvn-edits.h — the edits a person makes by hand, each one undoable step named in their words.
 *
 * The window, the details pane and the outline change a document only through these functions.
 * Each runs its own edit (cvn_document_begin_edit ... commit_edit), so it becomes one undo step
 * whose label says what happened: "Rename Cluster 4 to Riverside Cluster", "Move St Anne's
 * Primary to Cluster 4", "Delete 3 schools". Each checks what the schema cannot (a group put
 * inside its own sub-group, a URN already in use, a date that is not a date) and fails with a
 * sentence the user can act on, leaving the document as it was.
 *
 * Membership dates are inclusive: a membership whose until date is today is still current
 * today. Ending a membership therefore writes *yesterday* as its last day, so that the school
 * leaves the group at once and the membership stays behind as history; a membership that only
 * began today (or has not begun) never took effect, and ending it removes it instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cvn-document.h"
#include "cvn-model.h"

G_BEGIN_DECLS

#define CVN_EDIT_ERROR (cvn_edit_error_quark ())

typedef enum
{
  CVN_EDIT_ERROR_NOT_FOUND,
  CVN_EDIT_ERROR_INVALID,
  CVN_EDIT_ERROR_DUPLICATE,
  CVN_EDIT_ERROR_CYCLE,
} CvnEditError;

GQuark    cvn_edit_error_quark            (void);

/* The table that holds objects of @kind ("establishments", "people", "groups"). */
const char *cvn_edit_table_for_kind       (CvnObjectKind  kind);
/* The name of an object as the document has it now, or NULL when there is no such object. */
char     *cvn_edit_dup_name               (CvnDocument   *doc,
                                           CvnObjectKind  kind,
                                           gint64         id);
/* @base, or "@base 2", "@base 3" ... : the first that no object of @kind is called yet. */
char     *cvn_edit_dup_unused_name        (CvnDocument   *doc,
                                           CvnObjectKind  kind,
                                           const char    *base);

/* Creating. Each returns the new object's id, or 0 with @error set. */
gint64    cvn_edit_create_establishment   (CvnDocument   *doc,
                                           const char    *name,
                                           GError       **error);
gint64    cvn_edit_create_person          (CvnDocument   *doc,
                                           const char    *name,
                                           GError       **error);
/* @tier is 1, 2, 3 or 0 for none; @parent_id 0 for none. */
gint64    cvn_edit_create_group           (CvnDocument   *doc,
                                           const char    *name,
                                           const char    *kind,
                                           int            tier,
                                           gint64         parent_id,
                                           GError       **error);
/* The tier a new group of @kind usually sits in: clusters 1, alliances 2, boards 3 ... */
int       cvn_edit_default_tier_for_kind  (const char    *kind);

/* Changing one field of an object. @field is the column's name ("name", "phase", "colour",
 * "opted_out_reason", "kind", "represents", "seats_per_phase" ...); text fields are trimmed,
 * and an unchanged value makes no edit at all (and succeeds). */
gboolean  cvn_edit_set_text               (CvnDocument   *doc,
                                           CvnObjectKind  kind,
                                           gint64         id,
                                           const char    *field,
                                           const char    *value,
                                           GError       **error);
/* Number fields ("urn", "pupils", "easting", "northing", "is_open", "tier",
 * "max_per_organisation", "seats_per_alliance"); @is_set FALSE clears the field (unknown, or
 * no rule). */
gboolean  cvn_edit_set_number             (CvnDocument   *doc,
                                           CvnObjectKind  kind,
                                           gint64         id,
                                           const char    *field,
                                           gboolean       is_set,
                                           double         value,
                                           GError       **error);
/* The group @group_id becomes part of @parent_id (0: of none). A parent that is the group
 * itself, or already part of it, is refused with CVN_EDIT_ERROR_CYCLE. */
gboolean  cvn_edit_set_parent             (CvnDocument   *doc,
                                           gint64         group_id,
                                           gint64         parent_id,
                                           GError       **error);
/* The school a person works at (0: none). */
gboolean  cvn_edit_set_person_school      (CvnDocument   *doc,
                                           gint64         person_id,
                                           gint64         establishment_id,
                                           GError       **error);

/* Memberships. Adding an object that is already a current member of the group fails with
 * CVN_EDIT_ERROR_DUPLICATE. Dates are YYYY-MM-DD or empty (not recorded). */
gint64    cvn_edit_add_membership         (CvnDocument   *doc,
                                           gint64         group_id,
                                           CvnObjectKind  member_kind,
                                           gint64         member_id,
                                           CvnRole        role,
                                           const char    *from_date,
                                           const char    *until_date,
                                           GError       **error);
/* Adds every object of @members (that is not already a current member) to @group_id with
 * @role, as one edit. Returns how many were added; 0 with @error set on failure, or 0 with no
 * error when all of them already were members. */
guint     cvn_edit_add_to_group           (CvnDocument         *doc,
                                           const CvnObjectRef  *members,
                                           guint                n_members,
                                           gint64               group_id,
                                           CvnRole              role,
                                           GError             **error);
gboolean  cvn_edit_set_membership_role    (CvnDocument   *doc,
                                           gint64         membership_id,
                                           CvnRole        role,
                                           GError       **error);
gboolean  cvn_edit_set_membership_dates   (CvnDocument   *doc,
                                           gint64         membership_id,
                                           const char    *from_date,
                                           const char    *until_date,
                                           GError       **error);
/* Ends a membership as of today (see the top of this file), keeping it as history. */
gboolean  cvn_edit_end_membership         (CvnDocument   *doc,
                                           gint64         membership_id,
                                           GError       **error);
/* Removes a membership record altogether, as if it had never been entered. */
gboolean  cvn_edit_delete_membership      (CvnDocument   *doc,
                                           gint64         membership_id,
                                           GError       **error);
/* Moves a member from one group to another as one edit: its current membership of
 * @from_group_id ends today and a new one of @to_group_id, with the same role, begins today.
 * With @from_group_id 0, or when it is not a current member there, it is only added. */
gboolean  cvn_edit_move_member            (CvnDocument   *doc,
                                           CvnObjectKind  member_kind,
                                           gint64         member_id,
                                           gint64         from_group_id,
                                           gint64         to_group_id,
                                           GError       **error);

/* Deleting. cvn_edit_describe_delete says, in a sentence or two, what else goes with the
 * objects ("Deleting Cluster 4 also removes 7 memberships and 2 directory entries."), or
 * returns NULL when nothing else refers to them and deleting needs no warning. */
char     *cvn_edit_describe_delete        (CvnDocument         *doc,
                                           const CvnObjectRef  *objects,
                                           guint                n_objects);
gboolean  cvn_edit_delete                 (CvnDocument         *doc,
                                           const CvnObjectRef  *objects,
                                           guint                n_objects,
                                           GError             **error);

/* Sets an integer setting of the document (a check threshold) as one edit named @label. */
gboolean  cvn_edit_set_setting_int        (CvnDocument   *doc,
                                           const char    *key,
                                           int            value,
                                           const char    *label,
                                           GError       **error);

G_END_DECLS
