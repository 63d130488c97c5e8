/* cvn-window.c
 *
 * The window reads its document through snapshots: each time the document changes it loads a
 * new snapshot, rebuilds the outline from it, and puts back the rows the user had expanded and
 * selected, found again by their place in the tree. The outline makes its rows as they are
 * needed, so these walks go only where rows have been opened, never row by row through a
 * section of thousands.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-window"

#include "config.h"

#include "cvn-window.h"
#include "cvn-window-private.h"

#include "cvn-application.h"
#include "cvn-canvas-page.h"
#include "cvn-directory-view.h"
#include "cvn-error-dialog.h"
#include "cvn-outline-item.h"

#include <glib/gi18n.h>
#include <string.h>

G_DEFINE_FINAL_TYPE (CvnWindow, cvn_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  RELOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_IS_SAMPLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The outline ---------------------------------------------------------------------------- */

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  GListModel *children = cvn_outline_item_get_children (CVN_OUTLINE_ITEM (item));

  return children != NULL ? g_object_ref (children) : NULL;
}

/* The selected rows' items, section headings left out, in outline order. */
static GPtrArray *
get_selected_items (CvnWindow *self)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GtkBitset) selected = NULL;
  GtkBitsetIter iter;
  guint position;

  if (self->tree == NULL)
    return items;
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr (GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, position);
      CvnOutlineItem *item;

      if (row == NULL)
        continue;
      item = CVN_OUTLINE_ITEM (gtk_tree_list_row_get_item (row));
      if (cvn_outline_item_is_heading (item))
        g_object_unref (item);
      else
        g_ptr_array_add (items, item);
    }
  return items;
}

static void
update_details (CvnWindow *self)
{
  g_autoptr (GPtrArray) items = get_selected_items (self);

  if (self->snapshot == NULL)
    cvn_details_pane_show (self->details_pane, NULL, CVN_OBJECT_NONE, 0);
  else if (items->len > 1)
    {
      guint counts[CVN_OBJECT_GROUP + 1] = { 0 };

      for (guint i = 0; i < items->len; i++)
        counts[cvn_outline_item_get_kind (g_ptr_array_index (items, i))]++;
      cvn_details_pane_show_selection (self->details_pane, counts[CVN_OBJECT_ESTABLISHMENT],
                                       counts[CVN_OBJECT_PERSON], counts[CVN_OBJECT_GROUP]);
    }
  else if (items->len == 1)
    {
      CvnOutlineItem *item = g_ptr_array_index (items, 0);

      cvn_details_pane_show (self->details_pane, self->snapshot,
                             cvn_outline_item_get_kind (item), cvn_outline_item_get_id (item));
    }
  else
    cvn_details_pane_show (self->details_pane, self->snapshot, self->shown_kind, self->shown_id);
}

static void
selection_changed_cb (CvnWindow *self)
{
  if (self->rebuilding)
    return;
  /* Choosing rows in the outline replaces an object that was shown without a row. */
  self->shown_kind = CVN_OBJECT_NONE;
  self->shown_id = 0;
  update_details (self);
}

static void
outline_activate_cb (CvnWindow *self,
                     guint      position)
{
  g_autoptr (GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, position);

  /* Activating a row (Enter, or a double click) opens or closes it, which is what a reader
   * stepping through the tiers wants from a heading or a group. */
  if (row != NULL && gtk_tree_list_row_is_expandable (row))
    gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
}

/* Long names are cut short in a narrow sidebar; the tooltip gives them whole. It is asked for
 * when wanted rather than set on every bind: setting a tooltip makes GTK look for the pointer
 * there and then, a round trip to the display server for each row shown. */
static gboolean
row_query_tooltip_cb (GtkWidget  *box,
                      int         x,
                      int         y,
                      gboolean    keyboard_mode,
                      GtkTooltip *tooltip,
                      GtkLabel   *title)
{
  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (box), "cvn-heading")))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_text (title));
  return TRUE;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              CvnWindow                *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  /* The icon repeats what the row's accessible label says, so it is left out of the tree. */
  GtkWidget *image = g_object_new (GTK_TYPE_IMAGE,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "outline-row");
  gtk_widget_set_has_tooltip (box, TRUE);
  g_signal_connect (box, "query-tooltip", G_CALLBACK (row_query_tooltip_cb), title);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "outline-count");
  gtk_widget_set_valign (count, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), count);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (list_item, expander);
  cvn_window_setup_outline_row (self, list_item, expander);

  g_object_set_data (G_OBJECT (list_item), "cvn-image", image);
  g_object_set_data (G_OBJECT (list_item), "cvn-title", title);
  g_object_set_data (G_OBJECT (list_item), "cvn-subtitle", subtitle);
  g_object_set_data (G_OBJECT (list_item), "cvn-count", count);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             CvnWindow                *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  CvnOutlineItem *item = CVN_OUTLINE_ITEM (gtk_tree_list_row_get_item (row));
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *image = g_object_get_data (G_OBJECT (list_item), "cvn-image");
  GtkWidget *title = g_object_get_data (G_OBJECT (list_item), "cvn-title");
  GtkWidget *subtitle = g_object_get_data (G_OBJECT (list_item), "cvn-subtitle");
  GtkWidget *count = g_object_get_data (G_OBJECT (list_item), "cvn-count");
  gboolean heading = cvn_outline_item_is_heading (item);
  const char *subtitle_text = cvn_outline_item_get_subtitle (item);
  g_autofree char *accessible_label = NULL;

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  gtk_image_set_from_icon_name (GTK_IMAGE (image), cvn_outline_item_get_icon_name (item));
  gtk_widget_set_visible (image, !heading);
  gtk_label_set_text (GTK_LABEL (title), cvn_outline_item_get_title (item));
  g_object_set_data (G_OBJECT (box), "cvn-heading", GINT_TO_POINTER (heading));

  /* A heading carries its count at the end of the row; other rows a line of detail below. */
  gtk_label_set_text (GTK_LABEL (heading ? count : subtitle), subtitle_text);
  gtk_widget_set_visible (count, heading);
  gtk_widget_set_visible (subtitle, !heading && *subtitle_text != '\0');
  if (heading)
    gtk_widget_add_css_class (box, "heading-row");
  else
    gtk_widget_remove_css_class (box, "heading-row");

  /* Headings group rows; there is nothing to show for one in the details pane. */
  gtk_list_item_set_selectable (list_item, !heading);

  if (*subtitle_text != '\0')
    /* TRANSLATORS: the accessible name of an outline row: its title, then its detail. */
    accessible_label = g_strdup_printf (_("%s, %s"), cvn_outline_item_get_title (item),
                                        subtitle_text);
  else
    accessible_label = g_strdup (cvn_outline_item_get_title (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (expander),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               CvnWindow                *self)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
}

/* Adds the keys of the expanded rows among @rows (the children of @parent, or the top level
 * when it is NULL), and of those below them, to @keys. Only rows that have made their child
 * rows can have been expanded, so the thousands of rows of a long section are passed over
 * without being made. */
static void
collect_expanded_keys_in (CvnWindow      *self,
                          GtkTreeListRow *parent,
                          GListModel     *rows,
                          GHashTable     *keys)
{
  guint n_rows = g_list_model_get_n_items (rows);

  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr (GtkTreeListRow) row = NULL;
      g_autoptr (CvnOutlineItem) item = NULL;

      if (!cvn_outline_has_child_rows (rows, i))
        continue;
      row = parent != NULL ? gtk_tree_list_row_get_child_row (parent, i)
                           : gtk_tree_list_model_get_child_row (self->tree, i);
      if (row == NULL || !gtk_tree_list_row_get_expanded (row))
        continue;
      item = gtk_tree_list_row_get_item (row);
      g_hash_table_add (keys, g_strdup (cvn_outline_item_get_key (item)));
      collect_expanded_keys_in (self, row, cvn_outline_item_get_children (item), keys);
    }
}

static GHashTable *
collect_expanded_keys (CvnWindow *self)
{
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  collect_expanded_keys_in (self, NULL, G_LIST_MODEL (self->outline), keys);
  return keys;
}

/* The row of the last item of @path (from cvn_outline_find_*), with the rows above it
 * expanded so that it is in the tree. */
static GtkTreeListRow *
open_path (CvnWindow *self,
           GPtrArray *path)
{
  GtkTreeListRow *row = NULL;

  g_assert (path->len > 0);

  for (guint depth = 0; depth < path->len; depth++)
    {
      guint index = cvn_outline_item_get_position (g_ptr_array_index (path, depth));
      GtkTreeListRow *child_row;

      if (row == NULL)
        child_row = gtk_tree_list_model_get_child_row (self->tree, index);
      else
        {
          gtk_tree_list_row_set_expanded (row, TRUE);
          child_row = gtk_tree_list_row_get_child_row (row, index);
        }
      g_clear_object (&row);
      row = child_row;
      g_return_val_if_fail (row != NULL, NULL);
    }
  return row;
}

/* Expands the rows whose keys are in @keys, or with NULL the section headings (a window's
 * first outline). */
static void
expand_rows (CvnWindow  *self,
             GHashTable *keys)
{
  GHashTableIter iter;
  gpointer key;

  if (keys == NULL)
    {
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->outline)); i++)
        {
          g_autoptr (GtkTreeListRow) row = gtk_tree_list_model_get_child_row (self->tree, i);

          gtk_tree_list_row_set_expanded (row, TRUE);
        }
      return;
    }

  /* A row is only ever expanded below expanded rows, so each key's path opens rows that were
   * open before; the order the keys come in does not matter. */
  g_hash_table_iter_init (&iter, keys);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autoptr (GPtrArray) path = cvn_outline_find_key (G_LIST_MODEL (self->outline), key);
      g_autoptr (GtkTreeListRow) row = NULL;

      if (path == NULL)
        continue;
      row = open_path (self, path);
      if (row != NULL)
        gtk_tree_list_row_set_expanded (row, TRUE);
    }
}

/* Expands the rows along @path (from cvn_outline_find_*) and selects its last row, alone when
 * @exclusive or beside the rows already selected otherwise. */
static void
select_path (CvnWindow *self,
             GPtrArray *path,
             gboolean   exclusive)
{
  g_autoptr (GtkTreeListRow) row = open_path (self, path);
  guint position;

  g_return_if_fail (row != NULL);
  position = gtk_tree_list_row_get_position (row);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, exclusive);
  if (exclusive)
    gtk_widget_activate_action (GTK_WIDGET (self->outline_view), "list.scroll-to-item", "u",
                                position);
}

static void
show_load_error (CvnWindow    *self,
                 const GError *error)
{
  g_autofree char *message = g_strdup_printf (_("Could not read the document: %s"),
                                              error->message);
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  cvn_window_add_toast (self, toast);
}

static gpointer
free_snapshot_thread (gpointer data)
{
  cvn_snapshot_free (data);
  return NULL;
}

/* Freeing the snapshot of a large borough takes a few hundredths of a second that nobody need
 * wait for, so it is done in a thread. Nothing reads a snapshot once its outline is gone. */
static void
free_snapshot_later (gpointer data)
{
  GThread *thread = g_thread_try_new ("cvn-free-snapshot", free_snapshot_thread, data, NULL);

  if (thread != NULL)
    g_thread_unref (thread);
  else
    cvn_snapshot_free (data);
}

static void
reload (CvnWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CvnSnapshot) snapshot = cvn_snapshot_load (self->document, &error);
  g_autoptr (GHashTable) expanded = NULL;
  g_autoptr (GPtrArray) selected = NULL;
  gboolean is_empty;

  if (snapshot == NULL)
    {
      show_load_error (self, error);
      return;
    }

  if (self->tree != NULL)
    expanded = collect_expanded_keys (self);
  selected = get_selected_items (self);

  /* The outline keeps the snapshot its rows are made from, and frees it with the last of them:
   * the old one goes with the old outline. */
  self->snapshot = g_steal_pointer (&snapshot);
  /* Before the old outline goes: the checks still running over the old snapshot are waited
   * for first. */
  cvn_window_begin_checks (self);
  g_clear_object (&self->outline);
  self->outline = cvn_outline_build (self->snapshot, free_snapshot_later);

  self->rebuilding = TRUE;
  g_clear_object (&self->tree);
  self->tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->outline)),
                                        FALSE, FALSE, create_children_cb, NULL, NULL);
  /* The rows are opened before the list shows the tree: each row opened in a shown tree
   * would have the list bind its rows anew. */
  expand_rows (self, expanded);
  gtk_multi_selection_set_model (self->selection, G_LIST_MODEL (self->tree));
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));

  /* Each selected row is looked for in the same place first; if the edit moved it (a school
   * now in another cluster), the first row showing the same object will do. */
  for (guint i = 0; i < selected->len; i++)
    {
      CvnOutlineItem *item = g_ptr_array_index (selected, i);
      g_autoptr (GPtrArray) path = cvn_outline_find_key (G_LIST_MODEL (self->outline),
                                                        cvn_outline_item_get_key (item));

      if (path == NULL)
        path = cvn_outline_find_object (G_LIST_MODEL (self->outline),
                                        cvn_outline_item_get_kind (item),
                                        cvn_outline_item_get_id (item));
      if (path != NULL)
        select_path (self, path, i == 0);
    }
  self->rebuilding = FALSE;

  is_empty = g_list_model_get_n_items (G_LIST_MODEL (self->outline)) == 0;
  gtk_stack_set_visible_child_name (self->sidebar_stack, is_empty ? "empty" : "outline");
  cvn_details_pane_set_document_is_empty (self->details_pane, is_empty);
  update_details (self);

  cvn_window_update_edit_actions (self);
  cvn_window_search_refresh (self);
  g_signal_emit (self, signals[RELOADED], 0);
}

void
cvn_window_reload_now (CvnWindow *self)
{
  reload (self);
}

static void
document_changed_cb (CvnWindow *self)
{
  reload (self);
}

static void
details_object_activated_cb (CvnWindow *self,
                             int        kind,
                             gint64     id)
{
  cvn_window_select_object (self, (CvnObjectKind) kind, id);
}

/* Titles --------------------------------------------------------------------------------- */

static void
update_titles (CvnWindow *self)
{
  g_autofree char *title = cvn_document_dup_title (self->document);
  g_autofree char *subtitle = NULL;

  if (self->is_sample)
    subtitle = g_strdup (_("Sample borough"));
  else
    {
      g_autofree char *directory = g_path_get_dirname (cvn_document_get_path (self->document));
      const char *home = g_get_home_dir ();

      /* Show the folder the way a file manager's path bar would: home as "~". */
      if (g_str_has_prefix (directory, home)
          && (directory[strlen (home)] == '/' || directory[strlen (home)] == '\0'))
        subtitle = g_strconcat ("~", directory + strlen (home), NULL);
      else
        subtitle = g_steal_pointer (&directory);
    }

  adw_view_switcher_title_set_title (self->window_title, title);
  adw_view_switcher_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* Save As -------------------------------------------------------------------------------- */

/* Adds the .convenor extension when the user typed a name without one, so the copy is
 * recognised as a Convenor document by the file manager. */
static GFile *
with_extension (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *named = NULL;
  g_autoptr (GFile) parent = NULL;

  if (basename == NULL || g_str_has_suffix (basename, ".convenor"))
    return g_object_ref (file);
  named = g_strconcat (basename, ".convenor", NULL);
  parent = g_file_get_parent (file);
  return g_file_get_child (parent, named);
}

static void
save_as_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     CvnWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr (GFile) destination = with_extension (chosen);
      g_autoptr (GError) error = NULL;

      if (!cvn_window_save_copy (self, destination, &error))
        cvn_window_show_error (self, _("Could Not Save a Copy"), error);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CvnWindow *self = CVN_WINDOW (widget);
  g_autofree char *title = cvn_document_dup_title (self->document);
  g_autofree char *name = g_strdup_printf (_("%s copy.convenor"), title);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save a Copy"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Convenor documents"));
  gtk_file_filter_add_mime_type (filter, "application/x-convenor");
  gtk_file_filter_add_suffix (filter, "convenor");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (!self->is_sample)
    {
      g_autoptr (GFile) file = g_file_new_for_path (cvn_document_get_path (self->document));
      g_autoptr (GFile) folder = g_file_get_parent (file);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }

  /* The chooser is released in the response handler; a native dialog is not kept alive by
   * being shown. */
  g_signal_connect (chooser, "response", G_CALLBACK (save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* GObject -------------------------------------------------------------------------------- */

/* GtkWindow:application is not a construct property, so it is set after constructed(); the
 * Open Recent submenu follows it here. */
static void
application_changed_cb (CvnWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  g_menu_remove_all (self->recent_menu);
  if (CVN_IS_APPLICATION (application))
    g_menu_append_section (self->recent_menu, NULL,
                           cvn_application_get_recent_menu (CVN_APPLICATION (application)));
}

static void
bind_settings (CvnWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  /* Running from the build tree without the schema installed is allowed: the window then
   * simply does not remember its size. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("The %s settings schema is not installed; the window size is not remembered",
               APP_ID);
      return;
    }

  self->settings = g_settings_new_full (schema, NULL, NULL);
  g_settings_bind (self->settings, "window-width", self, "default-width",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "sidebar-position", self->paned, "position",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
cvn_window_constructed (GObject *object)
{
  CvnWindow *self = CVN_WINDOW (object);

  G_OBJECT_CLASS (cvn_window_parent_class)->constructed (object);

  g_assert (CVN_IS_DOCUMENT (self->document));

  g_signal_connect_object (self->document, "changed", G_CALLBACK (document_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_titles (self);
  cvn_window_actions_constructed (self);
  reload (self);
  /* The diagram first: it is the page the window opens on. */
  cvn_canvas_page_install (self, GTK_SELECTION_MODEL (self->selection));
  cvn_directory_view_install (self);
}

static void
cvn_window_dispose (GObject *object)
{
  CvnWindow *self = CVN_WINDOW (object);

  cvn_window_actions_dispose (self);
  cvn_window_search_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CVN_TYPE_WINDOW);

  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->settings);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (cvn_window_parent_class)->dispose (object);
}

static void
cvn_window_finalize (GObject *object)
{
  CvnWindow *self = CVN_WINDOW (object);

  /* The outline owns the snapshot, which pages may read until the window is finalized. */
  self->snapshot = NULL;
  g_clear_object (&self->outline);

  G_OBJECT_CLASS (cvn_window_parent_class)->finalize (object);
}

static void
cvn_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CvnWindow *self = CVN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_IS_SAMPLE:
      g_value_set_boolean (value, self->is_sample);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cvn_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CvnWindow *self = CVN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    case PROP_IS_SAMPLE:
      self->is_sample = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cvn_window_class_init (CvnWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cvn_window_constructed;
  object_class->dispose = cvn_window_dispose;
  object_class->finalize = cvn_window_finalize;
  object_class->get_property = cvn_window_get_property;
  object_class->set_property = cvn_window_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CVN_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_SAMPLE] =
    g_param_spec_boolean ("is-sample", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CvnWindow::reloaded:
   *
   * Emitted after the window has loaded a new snapshot of its document (after every edit,
   * undo and redo) and rebuilt the outline from it. Pages that show the document follow it
   * here and read cvn_window_get_snapshot() rather than loading snapshots of their own.
   */
  signals[RELOADED] = g_signal_new ("reloaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (CVN_TYPE_DETAILS_PANE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/convenor/Convenor/cvn-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CvnWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CvnWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CvnWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, CvnWindow, content_paned);
  gtk_widget_class_bind_template_child (widget_class, CvnWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CvnWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, CvnWindow, outline_view);
  gtk_widget_class_bind_template_child (widget_class, CvnWindow, details_pane);
  gtk_widget_class_bind_template_child (widget_class, CvnWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, CvnWindow, edit_section);
  gtk_widget_class_bind_template_child (widget_class, CvnWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, CvnWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, CvnWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CvnWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CvnWindow, results_view);
  gtk_widget_class_bind_template_callback (widget_class, outline_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, details_object_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);

  cvn_window_actions_class_init (widget_class);
  cvn_window_search_class_init (widget_class);
}

static void
cvn_window_init (CvnWindow *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Several rows can be selected (Ctrl and Shift with a click), to add a handful of schools to
   * a group at once or to delete them. */
  self->selection = gtk_multi_selection_new (NULL);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row_cb), self, 0);
  gtk_list_view_set_factory (self->outline_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->outline_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect (self, "notify::application", G_CALLBACK (application_changed_cb), NULL);

  bind_settings (self);
  cvn_window_actions_init (self);
  cvn_window_search_init (self);
}

/* Public --------------------------------------------------------------------------------- */

CvnWindow *
cvn_window_new (GtkApplication *application,
                CvnDocument    *document,
                gboolean        is_sample)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (CVN_IS_DOCUMENT (document), NULL);

  return g_object_new (CVN_TYPE_WINDOW,
                       "application", application,
                       "document", document,
                       "is-sample", is_sample,
                       NULL);
}

CvnDocument *
cvn_window_get_document (CvnWindow *self)
{
  g_return_val_if_fail (CVN_IS_WINDOW (self), NULL);

  return self->document;
}

gboolean
cvn_window_get_is_sample (CvnWindow *self)
{
  g_return_val_if_fail (CVN_IS_WINDOW (self), FALSE);

  return self->is_sample;
}

CvnSnapshot *
cvn_window_get_snapshot (CvnWindow *self)
{
  g_return_val_if_fail (CVN_IS_WINDOW (self), NULL);

  return self->snapshot;
}

GtkTreeListModel *
cvn_window_get_outline_model (CvnWindow *self)
{
  g_return_val_if_fail (CVN_IS_WINDOW (self), NULL);

  return self->tree;
}

CvnDetailsPane *
cvn_window_get_details_pane (CvnWindow *self)
{
  g_return_val_if_fail (CVN_IS_WINDOW (self), NULL);

  return self->details_pane;
}

gboolean
cvn_window_select_object (CvnWindow    *self,
                          CvnObjectKind kind,
                          gint64        id)
{
  g_autoptr (GPtrArray) path = NULL;

  g_return_val_if_fail (CVN_IS_WINDOW (self), FALSE);

  if (self->tree == NULL)
    return FALSE;
  path = cvn_outline_find_object (G_LIST_MODEL (self->outline), kind, id);
  if (path != NULL)
    {
      select_path (self, path, TRUE);
      return TRUE;
    }

  /* Some objects have no row (a closed school in no group); they are still shown, with no row
   * selected, as long as the document has them. */
  if (self->snapshot == NULL || cvn_snapshot_get_name (self->snapshot, kind, id) == NULL)
    return FALSE;
  self->rebuilding = TRUE;
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  self->rebuilding = FALSE;
  self->shown_kind = kind;
  self->shown_id = id;
  update_details (self);
  return TRUE;
}

gboolean
cvn_window_select_objects (CvnWindow          *self,
                           const CvnObjectRef *objects,
                           guint               n_objects)
{
  gboolean first = TRUE;

  g_return_val_if_fail (CVN_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (objects != NULL || n_objects == 0, FALSE);

  if (self->tree == NULL)
    return FALSE;
  for (guint i = 0; i < n_objects; i++)
    {
      g_autoptr (GPtrArray) path = cvn_outline_find_object (G_LIST_MODEL (self->outline),
                                                            objects[i].kind, objects[i].id);

      if (path == NULL)
        continue;
      select_path (self, path, first);
      first = FALSE;
    }
  return !first;
}

GArray *
cvn_window_get_selected_objects (CvnWindow *self)
{
  g_autoptr (GPtrArray) items = NULL;
  GArray *objects = g_array_new (FALSE, FALSE, sizeof (CvnObjectRef));

  g_return_val_if_fail (CVN_IS_WINDOW (self), objects);

  items = get_selected_items (self);
  for (guint i = 0; i < items->len; i++)
    {
      CvnObjectRef ref = { cvn_outline_item_get_kind (g_ptr_array_index (items, i)),
                           cvn_outline_item_get_id (g_ptr_array_index (items, i)) };
      gboolean seen = FALSE;

      /* A school in two selected clusters may be selected twice, once under each. */
      for (guint j = 0; j < objects->len && !seen; j++)
        seen = g_array_index (objects, CvnObjectRef, j).kind == ref.kind
               && g_array_index (objects, CvnObjectRef, j).id == ref.id;
      if (!seen)
        g_array_append_val (objects, ref);
    }
  if (objects->len == 0 && self->shown_kind != CVN_OBJECT_NONE)
    {
      CvnObjectRef ref = { self->shown_kind, self->shown_id };

      g_array_append_val (objects, ref);
    }
  return objects;
}

gboolean
cvn_window_save_copy (CvnWindow *self,
                      GFile     *destination,
                      GError   **error)
{
  g_autoptr (GFile) document_file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  g_return_val_if_fail (CVN_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_file_get_path (destination);
  basename = g_file_get_basename (destination);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is not a local file; a copy can only be saved to a local folder."),
                   basename);
      return FALSE;
    }

  /* Saving a copy replaces whatever is at the destination, which must never be the document
   * that is open here. */
  document_file = g_file_new_for_path (cvn_document_get_path (self->document));
  if (g_file_equal (document_file, destination))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” is the document open in this window; choose another name for the "
                     "copy."), basename);
      return FALSE;
    }

  if (!cvn_document_save_copy (self->document, path, error))
    return FALSE;

  message = g_strdup_printf (_("Saved a copy as “%s”"), basename);
  toast = adw_toast_new (message);
  if (CVN_IS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))))
    {
      g_autofree char *uri = g_file_get_uri (destination);

      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "app.open-uri");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    }
  cvn_window_add_toast (self, toast);
  return TRUE;
}

void
cvn_window_add_toast (CvnWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (CVN_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
cvn_window_show_error (CvnWindow    *self,
                       const char   *heading,
                       const GError *error)
{
  g_return_if_fail (CVN_IS_WINDOW (self));

  cvn_error_dialog_present (GTK_WINDOW (self), NULL, heading, error);
}

AdwViewStackPage *
cvn_window_add_page (CvnWindow  *self,
                     const char *name,
                     const char *title,
                     const char *icon_name,
                     GtkWidget  *page)
{
  AdwViewStackPage *stack_page;

  g_return_val_if_fail (CVN_IS_WINDOW (self), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (page), NULL);

  stack_page = adw_view_stack_add_titled (self->main_stack, page, name, title);
  adw_view_stack_page_set_icon_name (stack_page, icon_name);
  /* The Checks page, added first, stays the last in the switcher and is not the page a window
   * opens on: that should be a view of the partnership, not its list of problems. It is taken
   * out and put back after each page added after it. */
  if (self->checks_page != NULL && page != self->checks_page)
    {
      g_autoptr (GtkWidget) checks = g_object_ref (self->checks_page);
      guint badge = adw_view_stack_page_get_badge_number (self->checks_stack_page);
      gboolean was_visible = adw_view_stack_get_visible_child (self->main_stack) == checks;

      adw_view_stack_remove (self->main_stack, checks);
      self->checks_stack_page = adw_view_stack_add_titled (self->main_stack, checks, "checks",
                                                           _("Checks"));
      adw_view_stack_page_set_icon_name (self->checks_stack_page, "dialog-warning-symbolic");
      adw_view_stack_page_set_badge_number (self->checks_stack_page, badge);
      adw_view_stack_page_set_needs_attention (self->checks_stack_page, badge > 0);
      if (was_visible || adw_view_stack_get_visible_child (self->main_stack) == checks)
        adw_view_stack_set_visible_child (self->main_stack, page);
    }
  /* The details pane gives up the middle of the window to the first page and stays beside it
   * at its narrowest. */
  if (!gtk_widget_get_visible (GTK_WIDGET (self->main_stack)))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->main_stack), TRUE);
      gtk_widget_set_hexpand (GTK_WIDGET (self->details_pane), FALSE);
    }
  return stack_page;
}

void
cvn_window_show_page (CvnWindow  *self,
                      const char *name)
{
  g_return_if_fail (CVN_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->main_stack, name);
}

const char *
cvn_window_get_visible_page (CvnWindow *self)
{
  g_return_val_if_fail (CVN_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->main_stack);
}
