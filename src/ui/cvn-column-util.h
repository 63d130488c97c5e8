/* cvn-column-util.h — the plumbing of the Directory and Support tables: column views whose
 * cells are made by one signal factory per column, over a store of item objects that is
 * updated in place when the document changes, and whose rows are deleted with an undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cvn-window.h"

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The callbacks of a column: the factory's "setup" and "bind" and, when not NULL, "unbind",
 * each called with the view as user data; and the comparison the column sorts by (NULL: it
 * does not sort), called with the column's number as user data. */
typedef struct
{
  GCallback        setup;
  GCallback        bind;
  GCallback        unbind;
  GCompareDataFunc compare;
} CvnColumnCallbacks;

/* An item's id, and whether two items (of the same id) show the same. */
typedef gint64   (*CvnColumnItemIdFunc)    (gconstpointer item);
typedef gboolean (*CvnColumnItemEqualFunc) (gconstpointer a,
                                            gconstpointer b);

GtkColumnViewColumn *cvn_column_append          (GtkColumnView            *view,
                                                 guint                     column,
                                                 const char               *title,
                                                 int                       fixed_width,
                                                 const CvnColumnCallbacks *callbacks,
                                                 gpointer                  user_data);
guint                cvn_column_get_number      (GtkListItemFactory       *factory);
GtkWidget           *cvn_column_new_label       (gboolean                  numeric);
void                 cvn_column_update_store    (GListStore               *store,
                                                 GPtrArray                *items,
                                                 CvnColumnItemIdFunc       id_of,
                                                 CvnColumnItemEqualFunc    equal);
void                 cvn_column_delete_record   (CvnWindow                *window,
                                                 const char               *table,
                                                 gint64                    id,
                                                 const char               *label,
                                                 const char               *failure,
                                                 const char               *deleted);

G_END_DECLS
