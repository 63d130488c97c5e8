/* cvn-canvas-page.c — the Diagram page.
 *
 * The page lays out the window's snapshot in the chosen view and hands the layout to its
 * canvas; it turns what the user does on the canvas into edits of the document and into the
 * outline's selection, and the outline's selection into the canvas's.
 *
 * Keeping the drawing still. A layout computed afresh from a changed document could place
 * the graph's nodes anywhere, so the page remembers where each node was drawn ("base"
 * positions, per view) and hands them to the next layout as saved, unpinned positions: the
 * graph then only places what is new. Positions saved in the document take precedence, and
 * the base is only ever updated for nodes the document does not place, so that undoing a
 * drag (which removes the saved position) puts the node back where it was drawn before.
 * The first drag in the graph saves every node's place along with the dragged one, so the
 * arrangement the user sees is the one the document keeps and reopens with.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-canvas"

#include "config.h"

#include "cvn-canvas-page.h"

#include "cvn-edits.h"
#include "cvn-outline-item.h"
#include "cvn-palette.h"
#include "cvn-presentation.h"
#include "cvn-store.h"

#include <glib/gi18n.h>

/* The smallest text that still reads on screen, in pixels: the renderer's own smallest
 * box titles. */
#define READABLE_TEXT_PX 7.0

/* The layout's table of saved positions holds these: the position first, its key after it,
 * and the table's key pointing at the latter (as cvn_layout_load_positions() builds it). */
typedef struct
{
  CvnSavedPosition position;
  gint64           key;
} SavedEntry;

struct _CvnCanvasPage
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkToggleButton   *structure_button;
  GtkToggleButton   *graph_button;
  GtkToggleButton   *map_button;
  GtkDropDown       *phase_dropdown;
  GtkDropDown       *tier_dropdown;
  GtkBox            *kinds_box;
  GtkCheckButton    *hide_people_check;
  GtkCheckButton    *legend_check;
  GtkButton         *arrange_button;
  GtkLabel          *status_label;
  GtkStack          *stack;
  CvnCanvas         *canvas;

  CvnWindow         *window;
  GtkSelectionModel *outline_selection;
  GSettings         *settings;
  CvnView            view;
  gboolean           constructing;
  gboolean           switching_view;
  /* The document changed while the page was hidden: lay out again when it is shown. */
  gboolean           stale;
  /* Set while the page saves a dragged node: the layout on screen already shows it. */
  gboolean           saving_position;

  /* Selection sync: set while the page itself changes the outline's selection. */
  gboolean           pushing_selection;
  guint              pull_selection_id;

  GHashTable        *base[CVN_N_VIEWS];   /* layout key -> SavedEntry */
  GHashTable        *saved;               /* the document's positions for the current view */
  CvnViewport        viewports[CVN_N_VIEWS];
  gboolean           have_viewport[CVN_N_VIEWS];

  /* Filters */
  char              *phase;
  int                tier;
  GStrv              kinds;               /* NULL: every kind */
  GPtrArray         *kind_checks;         /* GtkCheckButton *, each with "cvn-kind" data */
  gboolean           updating_filters;

  GtkWidget         *presentation;
  GtkWidget         *context_menu;
};

G_DEFINE_FINAL_TYPE (CvnCanvasPage, cvn_canvas_page, GTK_TYPE_WIDGET)

static const char * const phase_values[] = {
  NULL, "primary", "secondary", "special", "nursery", "all-through",
};
/* Tier dropdown rows, in order: all, 3, 2, 1, cross-cutting. */
static const int tier_values[] = { -1, 3, 2, 1, 0 };

/* Positions ------------------------------------------------------------------------------ */

static GHashTable *
new_position_table (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
}

static void
put_position (GHashTable     *table,
              gint64          key,
              double          x,
              double          y,
              gboolean        pinned)
{
  SavedEntry *entry = g_new0 (SavedEntry, 1);

  entry->key = key;
  entry->position.x = x;
  entry->position.y = y;
  entry->position.pinned = pinned;
  g_hash_table_replace (table, &entry->key, entry);
}

static gboolean
node_is_object (const CvnLayoutNode *node)
{
  return node->kind != CVN_OBJECT_NONE && !(node->flags & CVN_NODE_PSEUDO);
}

static void
options_init (CvnCanvasPage    *self,
              CvnLayoutOptions *options)
{
  cvn_layout_options_init (options);
  options->hide_people = gtk_check_button_get_active (self->hide_people_check);
  options->phase = self->phase;
  options->tier = self->tier;
  options->group_kinds = (const char **) self->kinds;
}

/* The document's positions for the current view, over the base positions. */
static GHashTable *
merged_positions (CvnCanvasPage *self,
                  GHashTable   **out_saved)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) saved = cvn_layout_load_positions (cvn_window_get_document (self->window),
                                                            self->view, &error);
  GHashTable *merged = new_position_table ();
  GHashTableIter iter;
  gpointer value;

  if (saved == NULL)
    {
      /* The drawing is still worth having without them. */
      g_debug ("Could not read the saved positions: %s", error->message);
      saved = new_position_table ();
    }
  g_hash_table_iter_init (&iter, self->base[self->view]);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const SavedEntry *entry = value;

      put_position (merged, entry->key, entry->position.x, entry->position.y, FALSE);
    }
  g_hash_table_iter_init (&iter, saved);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const SavedEntry *entry = value;

      put_position (merged, entry->key, entry->position.x, entry->position.y,
                    entry->position.pinned);
    }
  if (out_saved != NULL)
    *out_saved = g_steal_pointer (&saved);
  return merged;
}

static CvnLayout *
compute_layout (CvnCanvasPage *self,
                gboolean       hide_people,
                gboolean       relayout,
                GHashTable   **out_saved)
{
  CvnSnapshot *snapshot = cvn_window_get_snapshot (self->window);
  g_autoptr (GHashTable) merged = NULL;
  CvnLayoutOptions options;
  gint64 start;
  CvnLayout *layout;

  if (snapshot == NULL)
    return NULL;
  merged = merged_positions (self, out_saved);
  options_init (self, &options);
  options.hide_people |= hide_people;
  options.saved = merged;
  options.relayout = relayout;
  start = g_get_monotonic_time ();
  layout = cvn_layout_compute (snapshot, self->view, &options);
  g_debug ("Laid out the %s view (%u nodes) in %.1f ms", cvn_view_to_string (self->view),
           layout->nodes->len, (g_get_monotonic_time () - start) / 1000.0);
  return layout;
}

static void
update_status (CvnCanvasPage *self,
               CvnLayout     *layout)
{
  guint n_schools = 0, n_groups = 0;
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       NULL);
  g_autofree char *schools = NULL;
  g_autofree char *groups = NULL;
  g_autofree char *text = NULL;
  gboolean filtered = self->phase != NULL || self->tier >= 0 || self->kinds != NULL;

  if (layout != NULL)
    for (guint i = 0; i < layout->nodes->len; i++)
      {
        const CvnLayoutNode *node = &g_array_index (layout->nodes, CvnLayoutNode, i);
        gint64 *key;

        if (!node_is_object (node) || node->kind == CVN_OBJECT_PERSON)
          continue;
        key = g_new (gint64, 1);
        *key = cvn_layout_key (node->kind, node->id);
        if (!g_hash_table_add (seen, key))
          continue;
        n_schools += node->kind == CVN_OBJECT_ESTABLISHMENT;
        n_groups += node->kind == CVN_OBJECT_GROUP;
      }

  schools = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u school", "%u schools", n_schools),
                             n_schools);
  groups = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u group", "%u groups", n_groups),
                            n_groups);
  if (filtered)
    /* TRANSLATORS: the diagram's status when filters leave things out: "12 schools · 3 groups
     * (filtered)". */
    text = g_strdup_printf (_("%s · %s (filtered)"), schools, groups);
  else
    text = g_strdup_printf (_("%s · %s"), schools, groups);
  gtk_label_set_text (self->status_label, text);
}

/* Lays out the current view again (the document or the filters changed) and shows it. */
static void
refresh_layout (CvnCanvasPage *self)
{
  g_autoptr (CvnLayout) layout = NULL;
  g_autoptr (GHashTable) saved = NULL;
  GHashTable *base = self->base[self->view];

  layout = compute_layout (self, FALSE, FALSE, &saved);
  if (layout != NULL)
    for (guint i = 0; i < layout->nodes->len; i++)
      {
        const CvnLayoutNode *node = &g_array_index (layout->nodes, CvnLayoutNode, i);
        gint64 key;

        if (!node_is_object (node) ||
            cvn_layout_find_node (layout, node->kind, node->id) != (int) i)
          continue;
        key = cvn_layout_key (node->kind, node->id);
        if (!g_hash_table_contains (saved, &key))
          put_position (base, key, node->x, node->y, FALSE);
      }
  g_clear_pointer (&self->saved, g_hash_table_unref);
  self->saved = g_steal_pointer (&saved);

  /* The structure's boxes hold their text: shrunk to fit a window, a large tree is
   * unreadable, so its first screen stops at the scale where the text is still
   * READABLE_TEXT_PX high. The graph and the map label what has room, at any scale. */
  cvn_canvas_set_readable_scale (self->canvas,
                                 layout != NULL && layout->view == CVN_VIEW_STRUCTURE &&
                                 layout->font_size > 0
                                 ? READABLE_TEXT_PX / layout->font_size : 0);
  cvn_canvas_set_layout (self->canvas, layout);
  gtk_stack_set_visible_child_name (self->stack, layout != NULL && layout->nodes->len > 0
                                                 ? "canvas" : "empty");
  update_status (self, layout);
}

/* Selection ------------------------------------------------------------------------------ */

static void update_actions (CvnCanvasPage *self);

static gboolean
pull_selection_cb (gpointer data)
{
  CvnCanvasPage *self = data;
  g_autoptr (GArray) objects = cvn_window_get_selected_objects (self->window);
  guint n_before;
  const CvnObjectRef *before = cvn_canvas_get_selection (self->canvas, &n_before);
  CvnLayout *layout = cvn_canvas_get_layout (self->canvas);
  gboolean same;

  self->pull_selection_id = 0;
  same = n_before == objects->len &&
         (n_before == 0 || memcmp (before, objects->data, n_before * sizeof (CvnObjectRef)) == 0);
  if (same)
    return G_SOURCE_REMOVE;
  cvn_canvas_set_selection (self->canvas, (const CvnObjectRef *) (gpointer) objects->data,
                            objects->len);
  update_actions (self);
  /* One object chosen in the outline: bring it into view if it is not. */
  if (objects->len == 1 && layout != NULL)
    {
      const CvnObjectRef *ref = &g_array_index (objects, CvnObjectRef, 0);
      int index = cvn_layout_find_node (layout, ref->kind, ref->id);

      if (index >= 0)
        {
          cvn_canvas_set_focus_node (self->canvas, index);
          if (!cvn_canvas_node_is_visible (self->canvas, (guint) index))
            cvn_canvas_show_node (self->canvas, (guint) index, TRUE);
        }
    }
  return G_SOURCE_REMOVE;
}

/* The outline's selection changes several times while the window rebuilds it; the canvas
 * follows once it has settled, so it does not jump to the intermediate states. */
static void
outline_selection_changed_cb (CvnCanvasPage *self)
{
  if (self->pushing_selection || self->pull_selection_id != 0)
    return;
  self->pull_selection_id = g_idle_add (pull_selection_cb, self);
}

/* "Create Group from Selection" needs a school selected. */
static void
update_actions (CvnCanvasPage *self)
{
  guint n_objects;
  const CvnObjectRef *objects = cvn_canvas_get_selection (self->canvas, &n_objects);
  gboolean has_school = FALSE;

  for (guint i = 0; i < n_objects; i++)
    has_school |= objects[i].kind == CVN_OBJECT_ESTABLISHMENT;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.create-group", has_school);
}

static void
canvas_selection_changed_cb (CvnCanvasPage *self)
{
  guint n_objects;
  const CvnObjectRef *objects = cvn_canvas_get_selection (self->canvas, &n_objects);

  update_actions (self);
  g_clear_handle_id (&self->pull_selection_id, g_source_remove);
  self->pushing_selection = TRUE;
  if (n_objects == 0)
    gtk_selection_model_unselect_all (self->outline_selection);
  else if (n_objects == 1)
    cvn_window_select_object (self->window, objects[0].kind, objects[0].id);
  else
    cvn_window_select_objects (self->window, objects, n_objects);
  self->pushing_selection = FALSE;
}

static void
canvas_node_activated_cb (CvnCanvasPage *self,
                          guint          index)
{
  const CvnLayoutNode *node = cvn_layout_get_node (cvn_canvas_get_layout (self->canvas), index);

  if (node == NULL)
    return;
  self->pushing_selection = TRUE;
  cvn_window_select_object (self->window, node->kind, node->id);
  self->pushing_selection = FALSE;
  /* The details pane is where the object's fields are edited; it takes the keyboard. */
  gtk_widget_child_focus (GTK_WIDGET (cvn_window_get_details_pane (self->window)),
                          GTK_DIR_TAB_FORWARD);
}

static void
search_results_changed_cb (CvnCanvasPage *self)
{
  GListModel *results = cvn_window_get_search_results (self->window);
  g_autoptr (GArray) refs = g_array_new (FALSE, FALSE, sizeof (CvnObjectRef));

  for (guint i = 0; results != NULL && i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr (CvnOutlineItem) item = g_list_model_get_item (results, i);
      CvnObjectRef ref = { cvn_outline_item_get_kind (item), cvn_outline_item_get_id (item) };

      if (ref.kind != CVN_OBJECT_NONE)
        g_array_append_val (refs, ref);
    }
  cvn_canvas_set_highlights (self->canvas, (const CvnObjectRef *) (gpointer) refs->data,
                             refs->len);
}

/* Editing -------------------------------------------------------------------------------- */

static void
show_error (CvnCanvasPage *self,
            const char    *heading,
            const GError  *error)
{
  cvn_window_show_error (self->window, heading, error);
}

gboolean
cvn_canvas_page_save_node_position (CvnCanvasPage  *self,
                                    guint           index,
                                    GError        **error)
{
  CvnDocument *doc;
  CvnLayout *layout;
  const CvnLayoutNode *node;
  const char *name;
  const char *view;
  g_autofree char *label = NULL;
  gboolean ok;

  g_return_val_if_fail (CVN_IS_CANVAS_PAGE (self), FALSE);

  doc = cvn_window_get_document (self->window);
  layout = cvn_canvas_get_layout (self->canvas);
  node = layout != NULL ? cvn_layout_get_node (layout, index) : NULL;
  g_return_val_if_fail (node != NULL && node_is_object (node), FALSE);

  name = cvn_window_get_snapshot (self->window) != NULL
         ? cvn_snapshot_get_name (cvn_window_get_snapshot (self->window), node->kind, node->id)
         : NULL;
  /* TRANSLATORS: the undo step of dragging a node: "Move St Anne's Primary". */
  label = g_strdup_printf (_("Move %s"), name != NULL ? name : node->label);
  view = cvn_view_to_string (layout->view);

  if (!cvn_document_begin_edit (doc, label, error))
    return FALSE;
  if (!cvn_store_set_position (doc, view, node->kind, node->id, node->x, node->y, TRUE, error))
    goto fail;
  /* The graph's other nodes are drawn where no document says; the first drag saves them
   * too, so the document keeps the arrangement the user is looking at. */
  if (layout->view == CVN_VIEW_GRAPH)
    for (guint i = 0; i < layout->nodes->len; i++)
      {
        const CvnLayoutNode *other = &g_array_index (layout->nodes, CvnLayoutNode, i);
        gint64 key;

        if (i == index || !node_is_object (other) ||
            cvn_layout_find_node (layout, other->kind, other->id) != (int) i)
          continue;
        key = cvn_layout_key (other->kind, other->id);
        if (self->saved != NULL && g_hash_table_contains (self->saved, &key))
          continue;
        if (!cvn_store_set_position (doc, view, other->kind, other->id, other->x, other->y,
                                     FALSE, error))
          goto fail;
      }
  /* The reload this commit brings need not lay the view out again: the canvas already
   * shows the node where it was dropped, and nothing else changed. */
  self->saving_position = TRUE;
  ok = cvn_document_commit_edit (doc, error);
  self->saving_position = FALSE;
  return ok;

fail:
  cvn_document_rollback_edit (doc);
  return FALSE;
}

static void
canvas_node_moved_cb (CvnCanvasPage *self,
                      guint          index,
                      double         old_x,
                      double         old_y)
{
  g_autoptr (GError) error = NULL;

  if (!cvn_canvas_page_save_node_position (self, index, &error))
    {
      show_error (self, _("Could Not Move"), error);
      /* The drawing goes back to what the document says. */
      refresh_layout (self);
    }
}

gint64
cvn_canvas_page_create_group_from_selection (CvnCanvasPage  *self,
                                             const char     *name,
                                             const char     *kind,
                                             GError        **error)
{
  CvnDocument *doc;
  guint n_objects;
  const CvnObjectRef *objects;
  g_autoptr (GArray) members = g_array_new (FALSE, FALSE, sizeof (CvnObjectRef));
  g_autofree char *label = NULL;
  g_autofree char *stripped = NULL;
  gint64 id;

  g_return_val_if_fail (CVN_IS_CANVAS_PAGE (self), 0);
  g_return_val_if_fail (name != NULL && kind != NULL, 0);

  doc = cvn_window_get_document (self->window);
  objects = cvn_canvas_get_selection (self->canvas, &n_objects);
  for (guint i = 0; i < n_objects; i++)
    if (objects[i].kind == CVN_OBJECT_ESTABLISHMENT)
      {
        CvnObjectRef member = objects[i];

        g_array_append_val (members, member);
      }
  if (members->len == 0)
    {
      g_set_error_literal (error, CVN_EDIT_ERROR, CVN_EDIT_ERROR_INVALID,
                           _("Select the schools that are to be the group’s members first"));
      return 0;
    }

  stripped = g_strstrip (g_strdup (name));
  /* TRANSLATORS: the undo step: "Create Riverside Cluster from 5 schools". */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Create %s from %u school",
                                        "Create %s from %u schools", members->len),
                           stripped, members->len);
  if (!cvn_document_begin_edit (doc, label, error))
    return 0;
  id = cvn_edit_create_group (doc, name, kind, cvn_edit_default_tier_for_kind (kind), 0, error);
  if (id == 0 ||
      (cvn_edit_add_to_group (doc, (const CvnObjectRef *) (gpointer) members->data,
                              members->len, id, CVN_ROLE_MEMBER, error) == 0 &&
       error != NULL && *error != NULL))
    {
      cvn_document_rollback_edit (doc);
      return 0;
    }
  if (!cvn_document_commit_edit (doc, error))
    return 0;
  cvn_window_select_object (self->window, CVN_OBJECT_GROUP, id);
  return id;
}

gboolean
cvn_canvas_page_arrange_afresh (CvnCanvasPage  *self,
                                GError        **error)
{
  g_autoptr (CvnLayout) layout = NULL;

  g_return_val_if_fail (CVN_IS_CANVAS_PAGE (self), FALSE);

  layout = compute_layout (self, FALSE, TRUE, NULL);
  if (layout == NULL)
    return TRUE;
  /* The fresh places go into the document, so the reload that follows draws them, and undo
   * brings back the old ones. */
  return cvn_layout_save_positions (layout, cvn_window_get_document (self->window),
                                    _("Arrange the Graph Afresh"), error);
}

static void
arrange_clicked_cb (CvnCanvasPage *self)
{
  g_autoptr (GError) error = NULL;

  if (!cvn_canvas_page_arrange_afresh (self, &error))
    show_error (self, _("Could Not Arrange the Graph"), error);
}

/* The dialog of "Create Group from Selection". */

typedef struct
{
  CvnCanvasPage *page;
  GtkWidget     *name_entry;
  GtkWidget     *kind_dropdown;
} GroupDialog;

static void
group_dialog_free (gpointer data)
{
  GroupDialog *dialog = data;

  g_object_unref (dialog->page);
  g_free (dialog);
}

static void
group_name_changed_cb (GtkEditable *entry,
                       GtkWidget   *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create", *name != '\0');
}

static void
group_dialog_response_cb (AdwMessageDialog *message_dialog,
                          const char       *response,
                          GroupDialog      *dialog)
{
  g_autoptr (GError) error = NULL;
  guint kind;

  if (g_strcmp0 (response, "create") != 0)
    return;
  kind = gtk_drop_down_get_selected (GTK_DROP_DOWN (dialog->kind_dropdown));
  if (cvn_canvas_page_create_group_from_selection (
        dialog->page, gtk_editable_get_text (GTK_EDITABLE (dialog->name_entry)),
        cvn_group_kinds[MIN (kind, g_strv_length ((char **) cvn_group_kinds) - 1)], &error) == 0)
    show_error (dialog->page, _("Could Not Create the Group"), error);
}

static void
create_group_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CvnCanvasPage *self = CVN_CANVAS_PAGE (widget);
  g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GroupDialog *dialog = g_new0 (GroupDialog, 1);
  GtkWidget *message, *box;
  guint n_objects, n_schools = 0;
  const CvnObjectRef *objects = cvn_canvas_get_selection (self->canvas, &n_objects);

  for (guint i = 0; i < n_objects; i++)
    n_schools += objects[i].kind == CVN_OBJECT_ESTABLISHMENT;
  for (guint i = 0; cvn_group_kinds[i] != NULL; i++)
    gtk_string_list_append (kinds, cvn_palette_group_kind_label (cvn_group_kinds[i]));
  name = cvn_edit_dup_unused_name (cvn_window_get_document (self->window), CVN_OBJECT_GROUP,
                                   _("New Cluster"));
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The selected school becomes its member.",
                                       "The %u selected schools become its members.", n_schools),
                          n_schools);

  message = adw_message_dialog_new (GTK_WINDOW (self->window), _("Create Group from Selection"),
                                    body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (message),
                                    "cancel", _("_Cancel"), "create", _("C_reate"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (message), "create",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (message), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (message), "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  dialog->page = g_object_ref (self);
  dialog->name_entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (dialog->name_entry), name);
  gtk_entry_set_activates_default (GTK_ENTRY (dialog->name_entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dialog->name_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  dialog->kind_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&kinds)), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dialog->kind_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Kind"), -1);
  gtk_box_append (GTK_BOX (box), dialog->name_entry);
  gtk_box_append (GTK_BOX (box), dialog->kind_dropdown);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (message), box);
  g_signal_connect (dialog->name_entry, "changed", G_CALLBACK (group_name_changed_cb), message);
  g_signal_connect_data (message, "response", G_CALLBACK (group_dialog_response_cb), dialog,
                         (GClosureNotify) (void (*) (void)) group_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (message));
  gtk_widget_grab_focus (dialog->name_entry);
}

/* Tooltips ------------------------------------------------------------------------------- */

static void
append_groups_of (GString       *text,
                  CvnSnapshot   *snapshot,
                  CvnObjectKind  kind,
                  gint64         id)
{
  g_autoptr (GPtrArray) memberships = cvn_snapshot_get_memberships_of (snapshot, kind, id, TRUE);
  guint shown = 0;

  if (memberships->len == 0)
    return;
  g_string_append_c (text, '\n');
  g_string_append (text, _("In: "));
  for (guint i = 0; i < memberships->len && shown < 4; i++, shown++)
    {
      const CvnMembership *m = g_ptr_array_index (memberships, i);
      const CvnGroup *group = cvn_snapshot_find_group (snapshot, m->group_id);
      g_autofree char *escaped = g_markup_escape_text (group != NULL ? group->name : "?", -1);

      if (shown > 0)
        g_string_append (text, ", ");
      g_string_append (text, escaped);
    }
  if (memberships->len > shown)
    /* TRANSLATORS: more groups than the tooltip lists: ", and 3 more". */
    g_string_append_printf (text, _(", and %u more"), memberships->len - shown);
}

static gboolean
canvas_node_tooltip_cb (CvnCanvasPage *self,
                        guint          index,
                        GtkTooltip    *tooltip)
{
  CvnSnapshot *snapshot = cvn_window_get_snapshot (self->window);
  const CvnLayoutNode *node = cvn_layout_get_node (cvn_canvas_get_layout (self->canvas), index);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *title = NULL;

  if (snapshot == NULL || node == NULL)
    return FALSE;
  switch (node->kind)
    {
    case CVN_OBJECT_ESTABLISHMENT:
      {
        const CvnEstablishment *school = cvn_snapshot_find_establishment (snapshot, node->id);

        if (school == NULL)
          return FALSE;
        title = g_markup_escape_text (school->name, -1);
        g_string_append_printf (text, "<b>%s</b>\n", title);
        g_string_append (text, *school->phase != '\0'
                               ? cvn_palette_phase_label (school->phase) : _("School"));
        if (school->urn > 0)
          g_string_append_printf (text, _(" · URN %" G_GINT64_FORMAT), school->urn);
        if (school->pupils >= 0)
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, " · %d pupil",
                                                     " · %d pupils", school->pupils),
                                  school->pupils);
        if (*school->inspection_grade != '\0')
          {
            g_autofree char *grade = g_markup_escape_text (school->inspection_grade, -1);

            g_string_append_printf (text, _(" · %s"), grade);
          }
        if (node->badge != NULL)
          {
            g_autofree char *badge = g_markup_escape_text (node->badge, -1);

            g_string_append_printf (text, _("\nSystem leadership: %s"), badge);
          }
        if (*school->risk_category != '\0')
          {
            g_autofree char *risk = g_markup_escape_text (school->risk_category, -1);

            g_string_append_printf (text, _("\nRisk category: %s"), risk);
          }
        append_groups_of (text, snapshot, node->kind, node->id);
        break;
      }
    case CVN_OBJECT_PERSON:
      {
        const CvnPerson *person = cvn_snapshot_find_person (snapshot, node->id);
        const CvnEstablishment *school;

        if (person == NULL)
          return FALSE;
        /* With names hidden the tooltip says no more than the drawing. */
        title = g_markup_escape_text (node->label, -1);
        g_string_append_printf (text, "<b>%s</b>", title);
        if (!gtk_check_button_get_active (self->hide_people_check))
          {
            school = cvn_snapshot_find_establishment (snapshot, person->establishment_id);
            if (*person->job_title != '\0')
              {
                g_autofree char *job = g_markup_escape_text (person->job_title, -1);

                g_string_append_printf (text, "\n%s", job);
              }
            if (school != NULL)
              {
                g_autofree char *at = g_markup_escape_text (school->name, -1);

                g_string_append_printf (text, _("\nAt %s"), at);
              }
            if (node->badge != NULL)
              {
                g_autofree char *badge = g_markup_escape_text (node->badge, -1);

                g_string_append_printf (text, _("\nDesignations: %s"), badge);
              }
            append_groups_of (text, snapshot, node->kind, node->id);
          }
        break;
      }
    case CVN_OBJECT_GROUP:
      {
        const CvnGroup *group = cvn_snapshot_find_group (snapshot, node->id);
        const CvnGroup *parent;
        g_autoptr (GPtrArray) members = NULL;
        guint n_schools = 0, n_people = 0, n_groups = 0;

        if (group == NULL)
          return FALSE;
        parent = cvn_snapshot_find_group (snapshot, group->parent_id);
        members = cvn_snapshot_get_members (snapshot, group->id, TRUE);
        for (guint i = 0; i < members->len; i++)
          {
            const CvnMembership *m = g_ptr_array_index (members, i);

            n_schools += m->member_kind == CVN_OBJECT_ESTABLISHMENT;
            n_people += m->member_kind == CVN_OBJECT_PERSON;
            n_groups += m->member_kind == CVN_OBJECT_GROUP;
          }
        title = g_markup_escape_text (group->name, -1);
        g_string_append_printf (text, "<b>%s</b>\n%s", title,
                                cvn_palette_group_kind_label (group->kind));
        if (group->tier > 0)
          g_string_append_printf (text, _(" · tier %d"), group->tier);
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "\n%u school", "\n%u schools",
                                                   n_schools), n_schools);
        if (n_people > 0)
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, " · %u person",
                                                     " · %u people", n_people), n_people);
        if (n_groups > 0)
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, " · %u group",
                                                     " · %u groups", n_groups), n_groups);
        if (parent != NULL)
          {
            g_autofree char *within = g_markup_escape_text (parent->name, -1);

            g_string_append_printf (text, _("\nPart of %s"), within);
          }
        break;
      }
    case CVN_OBJECT_NONE:
    default:
      return FALSE;
    }
  gtk_tooltip_set_markup (tooltip, text->str);
  return TRUE;
}

/* Views and filters ---------------------------------------------------------------------- */

static void
sync_view_buttons (CvnCanvasPage *self)
{
  GtkToggleButton *buttons[CVN_N_VIEWS] = { self->structure_button, self->graph_button,
                                            self->map_button };

  if (!gtk_toggle_button_get_active (buttons[self->view]))
    gtk_toggle_button_set_active (buttons[self->view], TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->arrange_button), self->view == CVN_VIEW_GRAPH);
}

void
cvn_canvas_page_set_view (CvnCanvasPage *self,
                          CvnView        view)
{
  g_return_if_fail (CVN_IS_CANVAS_PAGE (self));
  g_return_if_fail ((guint) view < CVN_N_VIEWS);

  /* Setting the toggle buttons below calls back here. */
  if (self->switching_view)
    return;
  if (view == self->view && cvn_canvas_get_layout (self->canvas) != NULL)
    {
      sync_view_buttons (self);
      return;
    }
  self->switching_view = TRUE;
  /* Each view comes back as it was left; one the user has not moved since it was fitted is
   * fitted again, to the canvas's size then. */
  if (cvn_canvas_get_layout (self->canvas) != NULL)
    {
      cvn_canvas_get_viewport (self->canvas, &self->viewports[self->view]);
      self->have_viewport[self->view] = !cvn_canvas_get_fitted (self->canvas);
    }
  self->view = view;
  sync_view_buttons (self);
  self->switching_view = FALSE;
  if (self->settings != NULL && !self->constructing)
    g_settings_set_string (self->settings, "view", cvn_view_to_string (view));
  refresh_layout (self);
  if (self->have_viewport[view])
    cvn_canvas_set_viewport (self->canvas, self->viewports[view].x, self->viewports[view].y,
                             self->viewports[view].scale);
}

CvnView
cvn_canvas_page_get_view (CvnCanvasPage *self)
{
  g_return_val_if_fail (CVN_IS_CANVAS_PAGE (self), CVN_VIEW_STRUCTURE);

  return self->view;
}

static void
view_toggled_cb (CvnCanvasPage   *self,
                 GtkToggleButton *button)
{
  if (!gtk_toggle_button_get_active (button) || self->switching_view)
    return;
  if (button == self->graph_button)
    cvn_canvas_page_set_view (self, CVN_VIEW_GRAPH);
  else if (button == self->map_button)
    cvn_canvas_page_set_view (self, CVN_VIEW_MAP);
  else
    cvn_canvas_page_set_view (self, CVN_VIEW_STRUCTURE);
}

static void
read_filters (CvnCanvasPage *self)
{
  guint phase = gtk_drop_down_get_selected (self->phase_dropdown);
  guint tier = gtk_drop_down_get_selected (self->tier_dropdown);
  g_autoptr (GStrvBuilder) kinds = g_strv_builder_new ();
  gboolean all_kinds = TRUE;

  g_free (self->phase);
  self->phase = g_strdup (phase < G_N_ELEMENTS (phase_values) ? phase_values[phase] : NULL);
  self->tier = tier < G_N_ELEMENTS (tier_values) ? tier_values[tier] : -1;
  for (guint i = 0; i < self->kind_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->kind_checks, i);

      if (gtk_check_button_get_active (check))
        g_strv_builder_add (kinds, g_object_get_data (G_OBJECT (check), "cvn-kind"));
      else
        all_kinds = FALSE;
    }
  g_clear_pointer (&self->kinds, g_strfreev);
  if (!all_kinds)
    self->kinds = g_strv_builder_end (kinds);
}

static void
filters_changed_cb (CvnCanvasPage *self)
{
  if (self->updating_filters || self->window == NULL)
    return;
  read_filters (self);
  refresh_layout (self);
}

static void
set_kind_checks_active (CvnCanvasPage *self)
{
  for (guint i = 0; i < self->kind_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->kind_checks, i);
      const char *kind = g_object_get_data (G_OBJECT (check), "cvn-kind");

      gtk_check_button_set_active (check, self->kinds == NULL ||
                                          g_strv_contains ((const char * const *) self->kinds,
                                                           kind));
    }
}

/* One check button per kind of group the document has. */
static void
rebuild_kind_checks (CvnCanvasPage *self)
{
  CvnSnapshot *snapshot = cvn_window_get_snapshot (self->window);
  g_autoptr (GPtrArray) kinds = g_ptr_array_new ();
  gboolean same;

  if (snapshot == NULL)
    return;
  for (guint i = 0; i < snapshot->groups->len; i++)
    {
      const char *kind = g_array_index (snapshot->groups, CvnGroup, i).kind;
      gboolean seen = FALSE;

      for (guint k = 0; k < kinds->len && !seen; k++)
        seen = g_strcmp0 (g_ptr_array_index (kinds, k), kind) == 0;
      if (!seen)
        g_ptr_array_add (kinds, (gpointer) kind);
    }
  same = kinds->len == self->kind_checks->len;
  for (guint k = 0; k < kinds->len && same; k++)
    same = g_strcmp0 (g_ptr_array_index (kinds, k),
                      g_object_get_data (g_ptr_array_index (self->kind_checks, k),
                                         "cvn-kind")) == 0;
  if (same)
    return;

  self->updating_filters = TRUE;
  for (guint i = 0; i < self->kind_checks->len; i++)
    gtk_box_remove (self->kinds_box, g_ptr_array_index (self->kind_checks, i));
  g_ptr_array_set_size (self->kind_checks, 0);
  for (guint k = 0; k < kinds->len; k++)
    {
      const char *kind = g_ptr_array_index (kinds, k);
      GtkWidget *check = gtk_check_button_new_with_label (cvn_palette_group_kind_label (kind));

      g_object_set_data_full (G_OBJECT (check), "cvn-kind", g_strdup (kind), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (filters_changed_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (self->kinds_box, check);
      g_ptr_array_add (self->kind_checks, check);
    }
  set_kind_checks_active (self);
  self->updating_filters = FALSE;
  read_filters (self);
}

static void
reset_filters_cb (CvnCanvasPage *self)
{
  self->updating_filters = TRUE;
  g_clear_pointer (&self->kinds, g_strfreev);
  gtk_drop_down_set_selected (self->phase_dropdown, 0);
  gtk_drop_down_set_selected (self->tier_dropdown, 0);
  set_kind_checks_active (self);
  self->updating_filters = FALSE;
  filters_changed_cb (self);
}

void
cvn_canvas_page_set_filters (CvnCanvasPage      *self,
                             const char         *phase,
                             int                 tier,
                             const char * const *group_kinds)
{
  g_return_if_fail (CVN_IS_CANVAS_PAGE (self));

  self->updating_filters = TRUE;
  gtk_drop_down_set_selected (self->phase_dropdown, 0);
  for (guint i = 1; i < G_N_ELEMENTS (phase_values); i++)
    if (g_strcmp0 (phase, phase_values[i]) == 0)
      gtk_drop_down_set_selected (self->phase_dropdown, i);
  gtk_drop_down_set_selected (self->tier_dropdown, 0);
  for (guint i = 1; i < G_N_ELEMENTS (tier_values); i++)
    if (tier == tier_values[i])
      gtk_drop_down_set_selected (self->tier_dropdown, i);
  g_clear_pointer (&self->kinds, g_strfreev);
  if (group_kinds != NULL)
    self->kinds = g_strdupv ((char **) group_kinds);
  set_kind_checks_active (self);
  self->updating_filters = FALSE;
  filters_changed_cb (self);
}

/* The window's reload: the document changed, or was undone. */
static void
window_reloaded_cb (CvnCanvasPage *self)
{
  if (self->saving_position)
    {
      g_autoptr (GError) error = NULL;
      GHashTable *saved = cvn_layout_load_positions (cvn_window_get_document (self->window),
                                                     self->view, &error);

      if (saved != NULL)
        {
          g_clear_pointer (&self->saved, g_hash_table_unref);
          self->saved = saved;
        }
    }
  else if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    /* Laying out 25,000 schools takes a second or two: not for a page no one is looking at. */
    self->stale = TRUE;
  else
    {
      rebuild_kind_checks (self);
      refresh_layout (self);
    }
  outline_selection_changed_cb (self);
}

static void
page_mapped_cb (CvnCanvasPage *self)
{
  if (!self->stale)
    return;
  self->stale = FALSE;
  rebuild_kind_checks (self);
  refresh_layout (self);
}

static void
legend_toggled_cb (CvnCanvasPage *self)
{
  CvnRenderStyle style;

  cvn_render_style_init (&style);
  style.show_legend = gtk_check_button_get_active (self->legend_check);
  /* The canvas paints its own white page under the drawing. */
  cvn_canvas_set_style (self->canvas, &style);
}

/* The context menu ----------------------------------------------------------------------- */

static void
context_pressed_cb (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    CvnCanvasPage   *self)
{
  CvnLayoutHit hit;

  /* A right click on a node that is not selected selects it first, as in a file manager. */
  if (cvn_canvas_hit_test (self->canvas, x, y, &hit) && hit.node >= 0)
    {
      const CvnLayoutNode *node = cvn_layout_get_node (cvn_canvas_get_layout (self->canvas),
                                                       (guint) hit.node);

      if (node->kind != CVN_OBJECT_NONE && !(node->flags & CVN_NODE_PSEUDO) &&
          !cvn_canvas_is_selected (self->canvas, node->kind, node->id))
        {
          CvnObjectRef ref = { node->kind, node->id };

          cvn_canvas_set_selection (self->canvas, &ref, 1);
          cvn_canvas_set_focus_node (self->canvas, hit.node);
          canvas_selection_changed_cb (self);
        }
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
open_details_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CvnCanvasPage *self = CVN_CANVAS_PAGE (widget);
  guint n_objects;
  const CvnObjectRef *objects = cvn_canvas_get_selection (self->canvas, &n_objects);
  CvnLayout *layout = cvn_canvas_get_layout (self->canvas);
  int index;

  if (n_objects == 0 || layout == NULL)
    return;
  index = cvn_layout_find_node (layout, objects[0].kind, objects[0].id);
  if (index >= 0)
    canvas_node_activated_cb (self, (guint) index);
}

static void
setup_context_menu (CvnCanvasPage *self)
{
  g_autoptr (GMenu) menu = g_menu_new ();
  g_autoptr (GMenu) objects = g_menu_new ();
  g_autoptr (GMenu) view = g_menu_new ();
  GtkGesture *gesture;

  g_menu_append (objects, _("Open _Details"), "canvas.open-details");
  g_menu_append (objects, _("Create _Group from Selection…"), "canvas.create-group");
  g_menu_append (view, _("Zoom to _Fit"), "canvas.zoom-fit");
  g_menu_append (view, _("_Present"), "canvas.present");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (objects));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (view));
  self->context_menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self->canvas));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (context_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->canvas), GTK_EVENT_CONTROLLER (gesture));
}

static void
ensure_style (void)
{
  static gboolean done;
  g_autoptr (GtkCssProvider) provider = NULL;

  if (done)
    return;
  done = TRUE;
  /* The count sits on the drawing, so it brings its own backing. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider,
                                   ".cvn-canvas-status {"
                                   "  background-color: rgba(255, 255, 255, 0.88);"
                                   "  color: #5e5c64;"
                                   "  border-radius: 6px;"
                                   "  padding: 2px 8px;"
                                   "}", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* Presentation --------------------------------------------------------------------------- */

GtkWidget *
cvn_canvas_page_present (CvnCanvasPage *self)
{
  g_autoptr (CvnLayout) layout = NULL;
  CvnPresentation *presentation;

  g_return_val_if_fail (CVN_IS_CANVAS_PAGE (self), NULL);

  if (self->presentation != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->presentation));
      return self->presentation;
    }
  /* People appear by their role: a projector is no place for personal data. */
  layout = compute_layout (self, TRUE, FALSE, NULL);
  if (layout == NULL || layout->nodes->len == 0)
    {
      cvn_window_add_toast (self->window, adw_toast_new (_("There is nothing to present")));
      return NULL;
    }
  presentation = cvn_presentation_new (GTK_WINDOW (self->window),
                                       cvn_window_get_snapshot (self->window), layout);
  self->presentation = GTK_WIDGET (presentation);
  g_object_add_weak_pointer (G_OBJECT (presentation), (gpointer *) &self->presentation);
  gtk_window_present (GTK_WINDOW (presentation));
  return self->presentation;
}

GtkWidget *
cvn_canvas_page_get_presentation (CvnCanvasPage *self)
{
  g_return_val_if_fail (CVN_IS_CANVAS_PAGE (self), NULL);

  return self->presentation;
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  cvn_canvas_page_present (CVN_CANVAS_PAGE (widget));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CvnCanvasPage *self = CVN_CANVAS_PAGE (widget);

  if (g_str_equal (action_name, "canvas.zoom-in"))
    cvn_canvas_zoom_in (self->canvas);
  else if (g_str_equal (action_name, "canvas.zoom-out"))
    cvn_canvas_zoom_out (self->canvas);
  else
    cvn_canvas_zoom_to_fit (self->canvas);
}

static void
window_present_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       data)
{
  cvn_canvas_page_present (CVN_CANVAS_PAGE (data));
}

/* GObject -------------------------------------------------------------------------------- */

static void
cvn_canvas_page_dispose (GObject *object)
{
  CvnCanvasPage *self = CVN_CANVAS_PAGE (object);

  g_clear_handle_id (&self->pull_selection_id, g_source_remove);
  if (self->presentation != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->presentation),
                                    (gpointer *) &self->presentation);
      gtk_window_destroy (GTK_WINDOW (self->presentation));
      self->presentation = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), CVN_TYPE_CANVAS_PAGE);
  /* The template's outer box has no name to be cleared by; it goes here. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->settings);
  g_clear_object (&self->outline_selection);

  G_OBJECT_CLASS (cvn_canvas_page_parent_class)->dispose (object);
}

static void
cvn_canvas_page_finalize (GObject *object)
{
  CvnCanvasPage *self = CVN_CANVAS_PAGE (object);

  for (guint v = 0; v < CVN_N_VIEWS; v++)
    g_clear_pointer (&self->base[v], g_hash_table_unref);
  g_clear_pointer (&self->saved, g_hash_table_unref);
  g_clear_pointer (&self->kind_checks, g_ptr_array_unref);
  g_clear_pointer (&self->kinds, g_strfreev);
  g_free (self->phase);

  G_OBJECT_CLASS (cvn_canvas_page_parent_class)->finalize (object);
}

static void
cvn_canvas_page_class_init (CvnCanvasPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cvn_canvas_page_dispose;
  object_class->finalize = cvn_canvas_page_finalize;

  g_type_ensure (CVN_TYPE_CANVAS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/convenor/Convenor/cvn-canvas-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CvnCanvasPage, structure_button);
  gtk_widget_class_bind_template_child (widget_class, CvnCanvasPage, graph_button);
  gtk_widget_class_bind_template_child (widget_class, CvnCanvasPage, map_button);
  gtk_widget_class_bind_template_child (widget_class, CvnCanvasPage, phase_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CvnCanvasPage, tier_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CvnCanvasPage, kinds_box);
  gtk_widget_class_bind_template_child (widget_class, CvnCanvasPage, hide_people_check);
  gtk_widget_class_bind_template_child (widget_class, CvnCanvasPage, legend_check);
  gtk_widget_class_bind_template_child (widget_class, CvnCanvasPage, arrange_button);
  gtk_widget_class_bind_template_child (widget_class, CvnCanvasPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, CvnCanvasPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CvnCanvasPage, canvas);
  gtk_widget_class_bind_template_callback (widget_class, view_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reset_filters_cb);
  gtk_widget_class_bind_template_callback (widget_class, arrange_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, legend_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, canvas_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, canvas_node_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, canvas_node_moved_cb);
  gtk_widget_class_bind_template_callback (widget_class, canvas_node_tooltip_cb);

  gtk_widget_class_install_action (widget_class, "canvas.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "canvas.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "canvas.create-group", NULL,
                                   create_group_action);
  gtk_widget_class_install_action (widget_class, "canvas.open-details", NULL,
                                   open_details_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK,
                                       "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "canvas.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK,
                                       "canvas.zoom-fit", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cvn_canvas_page_init (CvnCanvasPage *self)
{
  g_autoptr (GtkStringList) phases = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) tiers = gtk_string_list_new (NULL);

  self->constructing = TRUE;
  self->updating_filters = TRUE;
  ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
  setup_context_menu (self);

  for (guint v = 0; v < CVN_N_VIEWS; v++)
    self->base[v] = new_position_table ();
  self->kind_checks = g_ptr_array_new ();
  self->tier = -1;

  gtk_string_list_append (phases, _("All phases"));
  for (guint i = 1; i < G_N_ELEMENTS (phase_values); i++)
    gtk_string_list_append (phases, cvn_palette_phase_label (phase_values[i]));
  gtk_drop_down_set_model (self->phase_dropdown, G_LIST_MODEL (phases));
  gtk_string_list_append (tiers, _("All tiers"));
  gtk_string_list_append (tiers, _("Tier 3: board and sub-groups"));
  gtk_string_list_append (tiers, _("Tier 2: alliances"));
  gtk_string_list_append (tiers, _("Tier 1: clusters"));
  gtk_string_list_append (tiers, _("Cross-cutting groups"));
  gtk_drop_down_set_model (self->tier_dropdown, G_LIST_MODEL (tiers));
  self->updating_filters = FALSE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.create-group", FALSE);
  g_signal_connect (self, "map", G_CALLBACK (page_mapped_cb), NULL);
}

static GSettings *
lookup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  /* Running from the build tree without the schema is allowed: nothing is remembered. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  return schema != NULL ? g_settings_new_full (schema, NULL, NULL) : NULL;
}

/* Public --------------------------------------------------------------------------------- */

void
cvn_canvas_page_install (CvnWindow         *window,
                         GtkSelectionModel *outline_selection)
{
  CvnCanvasPage *self;
  GListModel *results;
  GSimpleAction *present;
  GtkEventController *shortcuts;
  CvnView view = CVN_VIEW_STRUCTURE;

  g_return_if_fail (CVN_IS_WINDOW (window));
  g_return_if_fail (GTK_IS_SELECTION_MODEL (outline_selection));

  self = g_object_new (CVN_TYPE_CANVAS_PAGE, NULL);
  self->window = window;
  self->outline_selection = g_object_ref (outline_selection);
  self->settings = lookup_settings ();
  if (self->settings != NULL)
    {
      g_autofree char *name = g_settings_get_string (self->settings, "view");

      cvn_view_from_string (name, &view);
      self->updating_filters = TRUE;
      g_settings_bind (self->settings, "hide-people", self->hide_people_check, "active",
                       G_SETTINGS_BIND_DEFAULT);
      self->updating_filters = FALSE;
    }

  g_signal_connect_object (window, "reloaded", G_CALLBACK (window_reloaded_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (outline_selection, "selection-changed",
                           G_CALLBACK (outline_selection_changed_cb), self, G_CONNECT_SWAPPED);
  results = cvn_window_get_search_results (window);
  if (results != NULL)
    g_signal_connect_object (results, "items-changed", G_CALLBACK (search_results_changed_cb),
                             self, G_CONNECT_SWAPPED);

  rebuild_kind_checks (self);
  self->view = view;
  cvn_canvas_page_set_view (self, view);
  sync_view_buttons (self);
  self->constructing = FALSE;
  g_object_set_data (G_OBJECT (window), "cvn-canvas-page", self);

  cvn_window_add_page (window, "diagram", _("Diagram"), "cvn-board-symbolic", GTK_WIDGET (self));
  /* The window opens on the diagram. */
  cvn_window_show_page (window, "diagram");

  /* Presentation works from any page: F5, or the main menu. */
  present = g_simple_action_new ("present", NULL);
  g_signal_connect_object (present, "activate", G_CALLBACK (window_present_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (window), G_ACTION (present));
  g_object_unref (present);
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F5, 0),
                                                          gtk_named_action_new ("win.present")));
  gtk_widget_add_controller (GTK_WIDGET (window), shortcuts);

  outline_selection_changed_cb (self);
}

CvnCanvasPage *
cvn_canvas_page_get_for_window (CvnWindow *window)
{
  g_return_val_if_fail (CVN_IS_WINDOW (window), NULL);

  return g_object_get_data (G_OBJECT (window), "cvn-canvas-page");
}

CvnCanvas *
cvn_canvas_page_get_canvas (CvnCanvasPage *self)
{
  g_return_val_if_fail (CVN_IS_CANVAS_PAGE (self), NULL);

  return self->canvas;
}
