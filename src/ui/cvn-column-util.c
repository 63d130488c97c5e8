/* cvn-column-util.c — the plumbing of the Directory and Support tables.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-column-util"

#include "config.h"

#include "cvn-column-util.h"
#include "cvn-label-tooltip.h"
#include "cvn-store.h"

#include <adwaita.h>
#include <glib/gi18n.h>

/* Appends column number @column, titled @title (untranslated; "" for no title) and
 * @fixed_width wide until the user resizes it (0: its natural width). The view owns the
 * column returned, which a caller may adjust further. */
GtkColumnViewColumn *
cvn_column_append (GtkColumnView            *view,
                   guint                     column,
                   const char               *title,
                   int                       fixed_width,
                   const CvnColumnCallbacks *callbacks,
                   gpointer                  user_data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_object_set_data (G_OBJECT (factory), "cvn-column", GUINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", callbacks->setup, user_data);
  g_signal_connect (factory, "bind", callbacks->bind, user_data);
  if (callbacks->unbind != NULL)
    g_signal_connect (factory, "unbind", callbacks->unbind, user_data);
  /* Translating "" would give the catalogue's header. */
  view_column = gtk_column_view_column_new (title[0] != '\0' ? _(title) : "", factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (view_column, fixed_width);
  if (callbacks->compare != NULL)
    {
      g_autoptr (GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (callbacks->compare,
                                                                        GUINT_TO_POINTER (column),
                                                                        NULL));

      gtk_column_view_column_set_sorter (view_column, sorter);
    }
  gtk_column_view_append_column (view, view_column);
  g_object_unref (view_column);
  return view_column;
}

/* The number of the column whose cells @factory makes. */
guint
cvn_column_get_number (GtkListItemFactory *factory)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "cvn-column"));
}

/* A cell's label: cut short with an ellipsis, the whole text then in its tooltip, and
 * @numeric ones right-aligned in tabular figures. */
GtkWidget *
cvn_column_new_label (gboolean numeric)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  cvn_label_tooltip_when_ellipsized (GTK_LABEL (label));
  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

/* Replaces @store's items with @items, a GPtrArray that owns its item objects. An item @equal
 * to the old one of the same id is swapped (in @items) for that old object, and the store is
 * spliced only between the first and last difference, so that an edit rebinds a row or two of
 * a table instead of every row. */
void
cvn_column_update_store (GListStore             *store,
                         GPtrArray              *items,
                         CvnColumnItemIdFunc     id_of,
                         CvnColumnItemEqualFunc  equal)
{
  GListModel *model = G_LIST_MODEL (store);
  guint old_n = g_list_model_get_n_items (model);
  g_autoptr (GHashTable) old_by_id = g_hash_table_new_full (g_direct_hash, g_direct_equal,
                                                            NULL, g_object_unref);
  g_autoptr (GPtrArray) old_items = g_ptr_array_new_full (old_n, g_object_unref);
  guint start = 0, end = 0;

  for (guint i = 0; i < old_n; i++)
    {
      gpointer item = g_list_model_get_item (model, i);

      g_ptr_array_add (old_items, item);
      g_hash_table_insert (old_by_id, GSIZE_TO_POINTER (id_of (item)), g_object_ref (item));
    }
  for (guint i = 0; i < items->len; i++)
    {
      gpointer item = g_ptr_array_index (items, i);
      gpointer old = g_hash_table_lookup (old_by_id, GSIZE_TO_POINTER (id_of (item)));

      if (old != NULL && equal (old, item))
        {
          g_object_unref (item);
          g_ptr_array_index (items, i) = g_object_ref (old);
        }
    }

  while (start < old_n && start < items->len
         && g_ptr_array_index (old_items, start) == g_ptr_array_index (items, start))
    start++;
  while (end < old_n - start && end < items->len - start
         && g_ptr_array_index (old_items, old_n - 1 - end)
              == g_ptr_array_index (items, items->len - 1 - end))
    end++;
  if (start + end < old_n || start + end < items->len)
    g_list_store_splice (store, start, old_n - start - end, items->pdata + start,
                         items->len - start - end);
}

static void
undo_clicked_cb (AdwToast    *toast,
                 CvnDocument *document)
{
  g_autoptr (GError) error = NULL;

  if (!cvn_document_undo (document, &error))
    g_warning ("Could not undo: %s", error->message);
}

/* Deletes the record @id of @table as one edit called @label. Deleting is one undoable step,
 * so it needs no confirmation: a toast saying @deleted offers the way back at once. A failure
 * is shown under the heading @failure. */
void
cvn_column_delete_record (CvnWindow  *window,
                          const char *table,
                          gint64      id,
                          const char *label,
                          const char *failure,
                          const char *deleted)
{
  CvnDocument *document = cvn_window_get_document (window);
  g_autoptr (GError) error = NULL;
  AdwToast *toast;

  if (!cvn_document_begin_edit (document, label, &error)
      || !cvn_store_delete (document, table, id, &error)
      || !cvn_document_commit_edit (document, &error))
    {
      if (cvn_document_in_edit (document))
        cvn_document_rollback_edit (document);
      cvn_window_show_error (window, failure, error);
      return;
    }

  toast = adw_toast_new (deleted);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), document, 0);
  cvn_window_add_toast (window, toast);
}
