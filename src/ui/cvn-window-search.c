/* cvn-window-search.c — the search bar above the outline.
 *
 * While a query is typed the outline gives way to a list of results (schools, people and
 * groups, best match first, as cvn-search.h ranks them). Enter takes the first result, a click
 * takes any; either way the search closes and the outline shows the object, selected.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-window"

#include "config.h"

#include "cvn-window-private.h"

#include "cvn-object-chooser.h"
#include "cvn-outline-item.h"
#include "cvn-search.h"

#include <glib/gi18n.h>

/* More results than this are not read by anyone; a shorter list stays quick to build. */
#define MAX_RESULTS 200

static char *
describe_result (CvnSnapshot           *snapshot,
                 const CvnSearchResult *result,
                 const char           **icon_name)
{
  g_autofree char *what = NULL;

  switch (result->kind)
    {
    case CVN_OBJECT_ESTABLISHMENT:
      {
        const CvnEstablishment *school = cvn_snapshot_find_establishment (snapshot, result->id);

        *icon_name = "cvn-school-symbolic";
        if (result->detail == NULL && school != NULL && school->urn > 0)
          /* TRANSLATORS: a search result's detail, as in "School · URN 100001". */
          return g_strdup_printf (_("School · URN %" G_GINT64_FORMAT), school->urn);
        what = g_strdup (_("School"));
        break;
      }
    case CVN_OBJECT_PERSON:
      {
        const CvnPerson *person = cvn_snapshot_find_person (snapshot, result->id);

        *icon_name = "avatar-default-symbolic";
        what = g_strdup (person != NULL && *person->job_title != '\0' ? person->job_title
                                                                      : _("Person"));
        break;
      }
    case CVN_OBJECT_GROUP:
      {
        const CvnGroup *group = cvn_snapshot_find_group (snapshot, result->id);

        *icon_name = cvn_outline_group_icon_name (group != NULL ? group->kind : NULL);
        what = cvn_outline_dup_kind_label (group != NULL ? group->kind : NULL);
        break;
      }
    case CVN_OBJECT_NONE:
    default:
      *icon_name = NULL;
      return g_strdup ("");
    }

  if (result->detail != NULL)
    return g_strdup_printf (_("%s · %s"), what, result->detail);
  return g_steal_pointer (&what);
}

static void
show_results (CvnWindow *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->snapshot == NULL)
    return;
  results = cvn_search_run (self->snapshot, query, MAX_RESULTS);
  for (guint i = 0; i < results->len; i++)
    {
      const CvnSearchResult *result = g_ptr_array_index (results, i);
      const char *name = cvn_snapshot_get_name (self->snapshot, result->kind, result->id);
      const char *icon_name = NULL;
      g_autofree char *subtitle = describe_result (self->snapshot, result, &icon_name);

      g_ptr_array_add (items, cvn_outline_item_new (result->kind, result->id, name, subtitle,
                                                    icon_name));
    }
  g_list_store_splice (self->search_results, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->search_results)),
                       items->pdata, items->len);

  if (!gtk_search_bar_get_search_mode (self->search_bar))
    return;
  {
    g_autofree char *stripped = g_strstrip (g_strdup (query));

    if (*stripped == '\0')
      gtk_stack_set_visible_child_name (self->sidebar_stack,
                                        g_list_model_get_n_items (G_LIST_MODEL (self->outline)) > 0
                                        ? "outline" : "empty");
    else
      gtk_stack_set_visible_child_name (self->sidebar_stack, items->len > 0 ? "results"
                                                                            : "no-results");
  }
}

void
cvn_window_search_refresh (CvnWindow *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    show_results (self);
}

static void
search_changed_cb (CvnWindow *self)
{
  show_results (self);
}

/* Selects the result's object and closes the search. */
static void
take_result (CvnWindow *self,
             guint      position)
{
  g_autoptr (CvnOutlineItem) item = g_list_model_get_item (G_LIST_MODEL (self->search_results),
                                                           position);
  CvnObjectKind kind;
  gint64 id;

  if (item == NULL)
    return;
  kind = cvn_outline_item_get_kind (item);
  id = cvn_outline_item_get_id (item);
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  cvn_window_select_object (self, kind, id);
  gtk_widget_grab_focus (GTK_WIDGET (self->outline_view));
}

static void
search_activate_cb (CvnWindow *self)
{
  /* The entry reports changes after a short pause; Enter typed straight after the query must
   * act on the query as typed, not on the results of a moment before. */
  show_results (self);
  take_result (self, 0);
}

static void
results_activate_cb (CvnWindow *self,
                     guint      position)
{
  take_result (self, position);
}

static void
stop_search_cb (CvnWindow *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
search_mode_cb (CvnWindow *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    {
      show_results (self);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_list_store_remove_all (self->search_results);
  if (self->outline != NULL)
    gtk_stack_set_visible_child_name (self->sidebar_stack,
                                      g_list_model_get_n_items (G_LIST_MODEL (self->outline)) > 0
                                      ? "outline" : "empty");
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CvnWindow *self = CVN_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

void
cvn_window_search_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.find", NULL);
}

void
cvn_window_search_init (CvnWindow *self)
{
  GtkListItemFactory *factory = cvn_object_row_factory_new (8, 0, "outline-row");

  self->search_results = g_list_store_new (CVN_TYPE_OUTLINE_ITEM);
  self->search_selection =
    gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->search_results)));
  gtk_single_selection_set_autoselect (self->search_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->search_selection, TRUE);

  gtk_list_view_set_factory (self->results_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->results_view, GTK_SELECTION_MODEL (self->search_selection));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  /* Typing while the outline has the focus starts a search, as in a file manager. */
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->outline_view));

  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate",
                           G_CALLBACK (search_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search",
                           G_CALLBACK (stop_search_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->results_view, "activate",
                           G_CALLBACK (results_activate_cb), self, G_CONNECT_SWAPPED);
}

void
cvn_window_search_dispose (CvnWindow *self)
{
  g_clear_object (&self->search_selection);
  g_clear_object (&self->search_results);
}

void
cvn_window_search (CvnWindow  *self,
                   const char *query)
{
  g_return_if_fail (CVN_IS_WINDOW (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query != NULL ? query : "");
  show_results (self);
}

GListModel *
cvn_window_get_search_results (CvnWindow *self)
{
  g_return_val_if_fail (CVN_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->search_results);
}
