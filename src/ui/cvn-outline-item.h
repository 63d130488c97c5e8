/* cvn-outline-item.h — one row of the outline: a section heading, a group, a school or a person.
 *
 * The outline is a thin adapter between a CvnSnapshot and the GtkTreeListModel that the sidebar
 * shows. It holds no GTK types, only GObjects and GListStores, so it can be built and walked
 * without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cvn-snapshot.h"

G_BEGIN_DECLS

#define CVN_TYPE_OUTLINE_ITEM (cvn_outline_item_get_type ())
G_DECLARE_FINAL_TYPE (CvnOutlineItem, cvn_outline_item, CVN, OUTLINE_ITEM, GObject)

CvnOutlineItem *cvn_outline_item_new           (CvnObjectKind   kind,
                                                gint64          id,
                                                const char     *title,
                                                const char     *subtitle,
                                                const char     *icon_name);
/* A section heading ("Alliances", "Committees" ...) has kind CVN_OBJECT_NONE and id 0. */
gboolean        cvn_outline_item_is_heading    (CvnOutlineItem *self);
CvnObjectKind   cvn_outline_item_get_kind      (CvnOutlineItem *self);
gint64          cvn_outline_item_get_id        (CvnOutlineItem *self);
const char     *cvn_outline_item_get_title     (CvnOutlineItem *self);
const char     *cvn_outline_item_get_subtitle  (CvnOutlineItem *self);
const char     *cvn_outline_item_get_icon_name (CvnOutlineItem *self);
/* A string naming the row by its place in the tree ("alliances/group:4/school:17"), which stays
 * the same when the outline is rebuilt from a newer snapshot; used to keep expansion and
 * selection across a rebuild. */
const char     *cvn_outline_item_get_key       (CvnOutlineItem *self);
/* The row's place in the list that holds it (its parent's rows, or the top level). */
guint           cvn_outline_item_get_position  (CvnOutlineItem *self);
/* The rows nested under this one, or NULL for a row with none. A group's rows are made on the
 * first call. */
GListModel     *cvn_outline_item_get_children  (CvnOutlineItem *self);

/* Builds the top-level rows of @snapshot: the section headings, each holding its rows. Rows
 * further down are made when first asked for, from @snapshot, which must therefore live as
 * long as any row: with @snapshot_free the outline owns it and frees it with the last row;
 * with NULL the caller keeps it alive. */
GListStore     *cvn_outline_build              (CvnSnapshot    *snapshot,
                                                GDestroyNotify  snapshot_free);
/* Whether the row at @position of @rows (a list of rows of an outline) has made its child
 * rows; one that has not cannot have been expanded. Makes no rows, so that a long list can be
 * walked cheaply. */
gboolean        cvn_outline_has_child_rows     (GListModel     *rows,
                                                guint           position);

/* Finds the first row, depth first, that shows the object @kind/@id, and returns the chain of
 * rows from a top-level row down to it (borrowed pointers), or NULL if no row shows it. Only
 * the rows on that chain are made. */
GPtrArray      *cvn_outline_find_object        (GListModel     *roots,
                                                CvnObjectKind   kind,
                                                gint64          id);
/* Like cvn_outline_find_object, but by cvn_outline_item_get_key. */
GPtrArray      *cvn_outline_find_key           (GListModel     *roots,
                                                const char     *key);

/* The symbolic icon for a group of @kind ("cluster", "alliance" ...). */
const char     *cvn_outline_group_icon_name    (const char     *kind);
/* A group kind as shown to people: "learning community" becomes "Learning community". */
char           *cvn_outline_dup_kind_label     (const char     *kind);

G_END_DECLS
