/* cvn-window-actions.c — editing in the window: new objects, delete, undo and redo, adding to
 * groups, drag and drop in the outline, and the Checks page.
 *
 * Every change goes through cvn-edits.h, one undoable edit each. The window never updates
 * itself after an edit: the document's ::changed signal reloads it, so an edit made here, an
 * undo, and an edit made by another part of the window all look the same.
 *
 * Undo, redo and delete are bound as the window's own key bindings rather than application
 * accelerators. Application accelerators are handled before the focused widget sees the key,
 * so Ctrl+Z would undo the document while someone is correcting a name they are typing;
 * bindings come after, so a text field undoes its own typing first and passes Ctrl+Z on only
 * when it has nothing to undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-window"

#include "config.h"

#include "cvn-window-private.h"

#include "cvn-check-settings-window.h"
#include "cvn-checks-page.h"
#include "cvn-data-export.h"
#include "cvn-edits.h"
#include "cvn-export-dialog.h"
#include "cvn-import-dialog.h"
#include "cvn-object-chooser.h"
#include "cvn-outline-item.h"
#include "cvn-print.h"

#include <glib/gi18n.h>

/* Dragged outline rows carry this prefix, so that text dropped from elsewhere is refused. */
#define DRAG_PREFIX "convenor-member:"

/* Undo and redo ---------------------------------------------------------------------------- */

static char *
escape_mnemonics (const char *label)
{
  g_auto (GStrv) parts = g_strsplit (label, "_", -1);

  return g_strjoinv ("__", parts);
}

static void
add_edit_item (GMenu      *menu,
               const char *label,
               const char *action,
               const char *accel)
{
  g_autoptr (GMenuItem) item = g_menu_item_new (label, action);

  g_menu_item_set_attribute (item, "accel", "s", accel);
  g_menu_append_item (menu, item);
}

void
cvn_window_update_edit_actions (CvnWindow *self)
{
  const char *undo_label = cvn_document_get_undo_label (self->document);
  const char *redo_label = cvn_document_get_redo_label (self->document);
  gboolean can_undo = cvn_document_can_undo (self->document);
  gboolean can_redo = cvn_document_can_redo (self->document);
  g_autofree char *undo_tooltip = NULL;
  g_autofree char *redo_tooltip = NULL;
  g_autofree char *undo_item = NULL;
  g_autofree char *redo_item = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", can_undo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", can_redo);

  if (can_undo && undo_label != NULL)
    {
      g_autofree char *escaped = escape_mnemonics (undo_label);

      /* TRANSLATORS: the Undo item names what it undoes, as in "Undo Move St Anne's Primary
       * to Cluster 4". */
      undo_tooltip = g_strdup_printf (_("Undo %s"), undo_label);
      undo_item = g_strdup_printf (_("_Undo %s"), escaped);
    }
  else
    {
      undo_tooltip = g_strdup (_("Undo"));
      undo_item = g_strdup (_("_Undo"));
    }
  if (can_redo && redo_label != NULL)
    {
      g_autofree char *escaped = escape_mnemonics (redo_label);

      redo_tooltip = g_strdup_printf (_("Redo %s"), redo_label);
      redo_item = g_strdup_printf (_("_Redo %s"), escaped);
    }
  else
    {
      redo_tooltip = g_strdup (_("Redo"));
      redo_item = g_strdup (_("_Redo"));
    }

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->undo_button), undo_tooltip);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->redo_button), redo_tooltip);
  g_menu_remove_all (self->edit_section);
  add_edit_item (self->edit_section, undo_item, "win.undo", "<Control>z");
  add_edit_item (self->edit_section, redo_item, "win.redo", "<Shift><Control>z");
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CvnWindow *self = CVN_WINDOW (widget);
  g_autoptr (GError) error = NULL;

  if (!cvn_document_can_undo (self->document))
    return;
  if (!cvn_document_undo (self->document, &error))
    cvn_window_show_error (self, _("Could Not Undo"), error);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CvnWindow *self = CVN_WINDOW (widget);
  g_autoptr (GError) error = NULL;

  if (!cvn_document_can_redo (self->document))
    return;
  if (!cvn_document_redo (self->document, &error))
    cvn_window_show_error (self, _("Could Not Redo"), error);
}

/* A toast naming the edit just made, with a button to undo it; for edits whose effect is not
 * in front of the user's eyes (deleting, moving in a collapsed outline). */
static void
toast_edit (CvnWindow *self)
{
  const char *label = cvn_document_get_undo_label (self->document);
  AdwToast *toast;

  if (label == NULL)
    return;
  toast = adw_toast_new (label);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  cvn_window_add_toast (self, toast);
}

/* New objects ------------------------------------------------------------------------------ */

/* Shows a new object and puts the cursor in its name, ready to be typed over. */
static void
show_new_object (CvnWindow    *self,
                 CvnObjectKind kind,
                 gint64        id)
{
  cvn_window_select_object (self, kind, id);
  cvn_details_pane_focus_field (self->details_pane, "name");
}

static void
new_school_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CvnWindow *self = CVN_WINDOW (widget);
  g_autofree char *name = cvn_edit_dup_unused_name (self->document, CVN_OBJECT_ESTABLISHMENT,
                                                    _("New school"));
  g_autoptr (GError) error = NULL;
  gint64 id = cvn_edit_create_establishment (self->document, name, &error);

  if (id == 0)
    cvn_window_show_error (self, _("Could Not Add a School"), error);
  else
    show_new_object (self, CVN_OBJECT_ESTABLISHMENT, id);
}

static void
new_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CvnWindow *self = CVN_WINDOW (widget);
  g_autofree char *name = cvn_edit_dup_unused_name (self->document, CVN_OBJECT_PERSON,
                                                    _("New person"));
  g_autoptr (GError) error = NULL;
  gint64 id = cvn_edit_create_person (self->document, name, &error);

  if (id == 0)
    cvn_window_show_error (self, _("Could Not Add a Person"), error);
  else
    show_new_object (self, CVN_OBJECT_PERSON, id);
}

/* The group selected in the outline when a new group of @tier would naturally sit inside it:
 * a new cluster in the selected alliance, a new sub-group in the selected board. */
static gint64
natural_parent (CvnWindow  *self,
                const char *kind,
                int         tier)
{
  g_autoptr (GArray) selected = cvn_window_get_selected_objects (self);
  const CvnObjectRef *ref;
  const CvnGroup *group;

  if (selected->len != 1)
    return 0;
  ref = &g_array_index (selected, CvnObjectRef, 0);
  if (ref->kind != CVN_OBJECT_GROUP
      || (group = cvn_snapshot_find_group (self->snapshot, ref->id)) == NULL)
    return 0;
  if (g_strcmp0 (kind, "committee") == 0)
    return g_strcmp0 (group->kind, "committee") == 0 ? group->id : 0;
  if (tier == 0 || g_strcmp0 (group->kind, "committee") == 0)
    return 0;
  if (group->tier == tier + 1 || (tier == 3 && group->tier == 3))
    return group->id;
  return 0;
}

static void
new_group_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CvnWindow *self = CVN_WINDOW (widget);
  const char *kind = g_variant_get_string (parameter, NULL);
  int tier = cvn_edit_default_tier_for_kind (kind);
  /* TRANSLATORS: the name of a new group until it is renamed; %s is its kind ("cluster"). */
  g_autofree char *base = g_strdup_printf (_("New %s"), kind);
  g_autofree char *name = cvn_edit_dup_unused_name (self->document, CVN_OBJECT_GROUP, base);
  g_autoptr (GError) error = NULL;
  gint64 id;

  id = cvn_edit_create_group (self->document, name, kind, tier,
                              natural_parent (self, kind, tier), &error);
  if (id == 0)
    cvn_window_show_error (self, _("Could Not Add a Group"), error);
  else
    show_new_object (self, CVN_OBJECT_GROUP, id);
}

/* Deleting ------------------------------------------------------------------------------- */

static void
delete_now (CvnWindow          *self,
            const CvnObjectRef *objects,
            guint               n_objects)
{
  g_autoptr (GError) error = NULL;

  if (!cvn_edit_delete (self->document, objects, n_objects, &error))
    cvn_window_show_error (self, _("Could Not Delete"), error);
  else
    toast_edit (self);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    CvnWindow        *self)
{
  GArray *objects = g_object_get_data (G_OBJECT (dialog), "cvn-objects");

  if (g_strcmp0 (response, "delete") == 0)
    delete_now (self, (const CvnObjectRef *) (gpointer) objects->data, objects->len);
}

GtkWidget *
cvn_window_delete_objects (CvnWindow          *self,
                           const CvnObjectRef *objects,
                           guint               n_objects)
{
  g_autofree char *description = NULL;
  g_autofree char *heading = NULL;
  GArray *copy;
  GtkWidget *dialog;

  g_return_val_if_fail (CVN_IS_WINDOW (self), NULL);
  g_return_val_if_fail (objects != NULL || n_objects == 0, NULL);

  if (n_objects == 0)
    return NULL;

  /* Nothing else refers to them: deleting loses nothing that undo cannot bring back at a
   * glance, so it happens at once, with Undo in the toast. */
  description = cvn_edit_describe_delete (self->document, objects, n_objects);
  if (description == NULL)
    {
      delete_now (self, objects, n_objects);
      return NULL;
    }

  if (n_objects == 1)
    {
      g_autofree char *name = cvn_edit_dup_name (self->document, objects[0].kind, objects[0].id);

      heading = g_strdup_printf (_("Delete %s?"), name != NULL ? name : "");
    }
  else
    heading = g_strdup_printf (ngettext ("Delete %u Item?", "Delete %u Items?", n_objects),
                               n_objects);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, description);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  copy = g_array_sized_new (FALSE, FALSE, sizeof (CvnObjectRef), n_objects);
  g_array_append_vals (copy, objects, n_objects);
  g_object_set_data_full (G_OBJECT (dialog), "cvn-objects", copy,
                          (GDestroyNotify) g_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CvnWindow *self = CVN_WINDOW (widget);
  g_autoptr (GArray) selected = cvn_window_get_selected_objects (self);

  cvn_window_delete_objects (self, (const CvnObjectRef *) (gpointer) selected->data,
                             selected->len);
}

static void
delete_object_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CvnObjectRef ref;
  int kind;

  g_variant_get (parameter, "(ix)", &kind, &ref.id);
  ref.kind = (CvnObjectKind) kind;
  cvn_window_delete_objects (CVN_WINDOW (widget), &ref, 1);
}

/* Adding to groups ----------------------------------------------------------------------- */

guint
cvn_window_add_to_group (CvnWindow          *self,
                         const CvnObjectRef *objects,
                         guint               n_objects,
                         gint64              group_id,
                         CvnRole             role)
{
  g_autoptr (GError) error = NULL;
  guint n_added;

  g_return_val_if_fail (CVN_IS_WINDOW (self), 0);
  g_return_val_if_fail (objects != NULL || n_objects == 0, 0);

  n_added = cvn_edit_add_to_group (self->document, objects, n_objects, group_id, role, &error);
  if (error != NULL)
    cvn_window_show_error (self, _("Could Not Add to the Group"), error);
  else if (n_added == 0)
    {
      g_autofree char *name = cvn_edit_dup_name (self->document, CVN_OBJECT_GROUP, group_id);
      g_autofree char *message = g_strdup_printf (_("Already members of %s"),
                                                  name != NULL ? name : "");

      cvn_window_add_toast (self, adw_toast_new (message));
    }
  else
    toast_edit (self);
  return n_added;
}

typedef struct
{
  CvnWindow *self;
  GArray    *objects;
} AddToGroup;

static void
add_to_group_free (gpointer  data,
                   GClosure *closure)
{
  AddToGroup *add = data;

  g_array_unref (add->objects);
  g_free (add);
}

static void
add_to_group_chosen_cb (CvnObjectChooser *chooser,
                        int               kind,
                        gint64            id,
                        int               role,
                        AddToGroup       *add)
{
  cvn_window_add_to_group (add->self, (const CvnObjectRef *) (gpointer) add->objects->data,
                           add->objects->len, id, (CvnRole) role);
}

/* Opens the chooser of groups to add @objects to. */
static CvnObjectChooser *
choose_group_for (CvnWindow *self,
                  GArray    *objects)
{
  g_autofree char *description = NULL;
  CvnObjectChooser *chooser;
  AddToGroup *add;

  if (objects->len == 0 || self->snapshot == NULL)
    return NULL;
  if (objects->len == 1)
    {
      const CvnObjectRef *only = &g_array_index (objects, CvnObjectRef, 0);
      const char *name = cvn_snapshot_get_name (self->snapshot, only->kind, only->id);

      description = g_strdup_printf (_("Choose the group to add %s to."), name != NULL ? name : "");
    }
  else
    {
      gboolean all_schools = TRUE;

      for (guint i = 0; i < objects->len; i++)
        all_schools &= g_array_index (objects, CvnObjectRef, i).kind == CVN_OBJECT_ESTABLISHMENT;
      if (all_schools)
        description = g_strdup_printf (ngettext ("Choose the group to add %u school to.",
                                                 "Choose the group to add these %u schools to.",
                                                 objects->len), objects->len);
      else
        description = g_strdup_printf (ngettext ("Choose the group to add %u item to.",
                                                 "Choose the group to add these %u items to.",
                                                 objects->len), objects->len);
    }

  chooser = cvn_object_chooser_new (GTK_WINDOW (self), _("Add to Group"), _("_Add"),
                                    self->snapshot, CVN_CHOOSE_GROUPS, TRUE);
  cvn_object_chooser_set_description (chooser, description);
  for (guint i = 0; i < objects->len; i++)
    {
      const CvnObjectRef *ref = &g_array_index (objects, CvnObjectRef, i);

      if (ref->kind == CVN_OBJECT_GROUP)
        cvn_object_chooser_hide_object (chooser, CVN_OBJECT_GROUP, ref->id);
    }
  add = g_new0 (AddToGroup, 1);
  add->self = self;
  add->objects = g_array_ref (objects);
  g_signal_connect_data (chooser, "chosen", G_CALLBACK (add_to_group_chosen_cb), add,
                         add_to_group_free, 0);
  gtk_window_present (GTK_WINDOW (chooser));
  return chooser;
}

static void
add_to_group_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CvnWindow *self = CVN_WINDOW (widget);
  g_autoptr (GArray) selected = cvn_window_get_selected_objects (self);

  choose_group_for (self, selected);
}

static void
add_object_to_group_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  g_autoptr (GArray) objects = g_array_new (FALSE, FALSE, sizeof (CvnObjectRef));
  CvnObjectRef ref;
  int kind;

  g_variant_get (parameter, "(ix)", &kind, &ref.id);
  ref.kind = (CvnObjectKind) kind;
  g_array_append_val (objects, ref);
  choose_group_for (CVN_WINDOW (widget), objects);
}

/* An object chooser over the window's snapshot for a choice about one object, @subject_id (a
 * group or a person), which chooser_subject() gives the "chosen" handler @chosen_cb back. The
 * caller hides what may not be chosen, then presents it. */
static CvnObjectChooser *
new_chooser_about (CvnWindow      *self,
                   gint64          subject_id,
                   const char     *title,
                   const char     *accept_label,
                   CvnChooseKinds  kinds,
                   gboolean        ask_role,
                   const char     *description,
                   GCallback       chosen_cb)
{
  CvnObjectChooser *chooser = cvn_object_chooser_new (GTK_WINDOW (self), title, accept_label,
                                                      self->snapshot, kinds, ask_role);

  cvn_object_chooser_set_description (chooser, description);
  g_object_set_data_full (G_OBJECT (chooser), "cvn-subject",
                          g_memdup2 (&subject_id, sizeof subject_id), g_free);
  g_signal_connect_object (chooser, "chosen", chosen_cb, self, 0);
  return chooser;
}

static gint64
chooser_subject (CvnObjectChooser *chooser)
{
  return *(const gint64 *) g_object_get_data (G_OBJECT (chooser), "cvn-subject");
}

static void
add_member_chosen_cb (CvnObjectChooser *chooser,
                      int               kind,
                      gint64            id,
                      int               role,
                      CvnWindow        *self)
{
  g_autoptr (GError) error = NULL;

  if (cvn_edit_add_membership (self->document, chooser_subject (chooser), (CvnObjectKind) kind,
                               id, (CvnRole) role, "", "", &error) == 0)
    cvn_window_show_error (self, _("Could Not Add the Member"), error);
}

static void
add_member_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CvnWindow *self = CVN_WINDOW (widget);
  gint64 group_id = g_variant_get_int64 (parameter);
  const CvnGroup *group = cvn_snapshot_find_group (self->snapshot, group_id);
  g_autoptr (GPtrArray) members = NULL;
  g_autofree char *description = NULL;
  CvnObjectChooser *chooser;

  if (group == NULL)
    return;
  description = g_strdup_printf (_("Choose a school, a person or a group to add to %s."),
                                 group->name);
  chooser = new_chooser_about (self, group_id, _("Add Member"), _("_Add"),
                               CVN_CHOOSE_SCHOOLS | CVN_CHOOSE_PEOPLE | CVN_CHOOSE_GROUPS, TRUE,
                               description, G_CALLBACK (add_member_chosen_cb));
  cvn_object_chooser_hide_object (chooser, CVN_OBJECT_GROUP, group_id);
  members = cvn_snapshot_get_members (self->snapshot, group_id, TRUE);
  for (guint i = 0; i < members->len; i++)
    {
      const CvnMembership *membership = g_ptr_array_index (members, i);

      cvn_object_chooser_hide_object (chooser, membership->member_kind, membership->member_id);
    }
  gtk_window_present (GTK_WINDOW (chooser));
}

/* Parents and schools --------------------------------------------------------------------- */

static void
parent_chosen_cb (CvnObjectChooser *chooser,
                  int               kind,
                  gint64            id,
                  int               role,
                  CvnWindow        *self)
{
  g_autoptr (GError) error = NULL;

  if (!cvn_edit_set_parent (self->document, chooser_subject (chooser), id, &error))
    cvn_window_show_error (self, _("Could Not Change What the Group Is Part Of"), error);
}

/* Whether @group is @ancestor_id or lies inside it, following parents. */
static gboolean
is_within (CvnSnapshot    *snapshot,
           const CvnGroup *group,
           gint64          ancestor_id)
{
  for (guint steps = 0; group != NULL && steps <= snapshot->groups->len; steps++)
    {
      if (group->id == ancestor_id)
        return TRUE;
      group = group->parent_id != 0 ? cvn_snapshot_find_group (snapshot, group->parent_id)
                                    : NULL;
    }
  return FALSE;
}

static void
choose_parent_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CvnWindow *self = CVN_WINDOW (widget);
  gint64 group_id = g_variant_get_int64 (parameter);
  const CvnGroup *group = cvn_snapshot_find_group (self->snapshot, group_id);
  g_autofree char *description = NULL;
  CvnObjectChooser *chooser;

  if (group == NULL)
    return;
  description = g_strdup_printf (_("Choose the group %s is part of: the alliance of a "
                                   "cluster, the board of a sub-group."), group->name);
  chooser = new_chooser_about (self, group_id, _("Part Of"), _("_Choose"), CVN_CHOOSE_GROUPS,
                               FALSE, description, G_CALLBACK (parent_chosen_cb));
  /* A group cannot be part of itself, nor of a group inside it. */
  for (guint i = 0; i < self->snapshot->groups->len; i++)
    {
      const CvnGroup *other = &g_array_index (self->snapshot->groups, CvnGroup, i);

      if (is_within (self->snapshot, other, group_id))
        cvn_object_chooser_hide_object (chooser, CVN_OBJECT_GROUP, other->id);
    }
  gtk_window_present (GTK_WINDOW (chooser));
}

static void
school_chosen_cb (CvnObjectChooser *chooser,
                  int               kind,
                  gint64            id,
                  int               role,
                  CvnWindow        *self)
{
  g_autoptr (GError) error = NULL;

  if (!cvn_edit_set_person_school (self->document, chooser_subject (chooser), id, &error))
    cvn_window_show_error (self, _("Could Not Change the School"), error);
}

static void
choose_school_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CvnWindow *self = CVN_WINDOW (widget);
  gint64 person_id = g_variant_get_int64 (parameter);
  const CvnPerson *person = cvn_snapshot_find_person (self->snapshot, person_id);
  g_autofree char *description = NULL;
  CvnObjectChooser *chooser;

  if (person == NULL)
    return;
  description = g_strdup_printf (_("Choose the school %s works at."), person->name);
  chooser = new_chooser_about (self, person_id, _("School"), _("_Choose"), CVN_CHOOSE_SCHOOLS,
                               FALSE, description, G_CALLBACK (school_chosen_cb));
  if (person->establishment_id != 0)
    cvn_object_chooser_hide_object (chooser, CVN_OBJECT_ESTABLISHMENT, person->establishment_id);
  gtk_window_present (GTK_WINDOW (chooser));
}

/* Moving --------------------------------------------------------------------------------- */

gboolean
cvn_window_move_member (CvnWindow    *self,
                        CvnObjectKind kind,
                        gint64        id,
                        gint64        from_group_id,
                        gint64        to_group_id)
{
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (CVN_IS_WINDOW (self), FALSE);

  if (from_group_id == to_group_id)
    return TRUE;
  if (!cvn_edit_move_member (self->document, kind, id, from_group_id, to_group_id, &error))
    {
      cvn_window_show_error (self, _("Could Not Move"), error);
      return FALSE;
    }
  toast_edit (self);
  return TRUE;
}

/* Drag and drop in the outline ------------------------------------------------------------ */

static CvnOutlineItem *
list_item_object (GtkListItem *list_item)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);

  return row != NULL ? CVN_OUTLINE_ITEM (gtk_tree_list_row_get_item (row)) : NULL;
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkListItem   *list_item)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  g_autoptr (CvnOutlineItem) item = list_item_object (list_item);
  g_autoptr (GtkTreeListRow) parent_row = NULL;
  g_autoptr (CvnOutlineItem) parent = NULL;
  g_autofree char *data = NULL;
  gint64 from_group = 0;
  CvnObjectKind kind;

  if (item == NULL)
    return NULL;
  kind = cvn_outline_item_get_kind (item);
  /* Schools and people move between groups; groups move by their parent, in the details. */
  if (kind != CVN_OBJECT_ESTABLISHMENT && kind != CVN_OBJECT_PERSON)
    return NULL;
  parent_row = gtk_tree_list_row_get_parent (row);
  if (parent_row != NULL)
    parent = gtk_tree_list_row_get_item (parent_row);
  if (parent != NULL && cvn_outline_item_get_kind (parent) == CVN_OBJECT_GROUP)
    from_group = cvn_outline_item_get_id (parent);

  data = g_strdup_printf (DRAG_PREFIX "%d:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, (int) kind,
                          cvn_outline_item_get_id (item), from_group);
  g_object_set_data_full (G_OBJECT (source), "cvn-title",
                          g_strdup (cvn_outline_item_get_title (item)), g_free);
  g_object_set_data_full (G_OBJECT (source), "cvn-icon",
                          g_strdup (cvn_outline_item_get_icon_name (item)), g_free);
  return gdk_content_provider_new_typed (G_TYPE_STRING, data);
}

/* A group row hovered during a drag opens by itself (GtkTreeExpander does that), inserting its
 * members below it. The list keeps its place by the row it last scrolled to, usually the
 * selected one, so rows opening above that row push everything up, and the group aimed at
 * slides away from under the pointer. Scrolling to the top row first makes that row the
 * list's anchor, and rows opening below it then leave the rest where it is. */
static void
anchor_at_top (GtkWidget *row_widget)
{
  GtkWidget *list_view = gtk_widget_get_ancestor (row_widget, GTK_TYPE_LIST_VIEW);
  GtkWidget *top;

  if (list_view == NULL)
    return;
  top = gtk_widget_pick (list_view, gtk_widget_get_width (list_view) / 2.0, 2,
                         GTK_PICK_DEFAULT);
  for (; top != NULL && top != list_view; top = gtk_widget_get_parent (top))
    {
      GtkListItem *list_item = g_object_get_data (G_OBJECT (top), "cvn-list-item");

      if (list_item != NULL)
        {
          gtk_widget_activate_action (list_view, "list.scroll-to-item", "u",
                                      gtk_list_item_get_position (list_item));
          return;
        }
    }
}

/* What is dragged shows as its name with its icon, like a tag carried across the outline. */
static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               gpointer       user_data)
{
  GtkWidget *icon = gtk_drag_icon_get_for_drag (drag);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  anchor_at_top (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source)));

  gtk_box_append (GTK_BOX (box),
                  gtk_image_new_from_icon_name (g_object_get_data (G_OBJECT (source),
                                                                   "cvn-icon")));
  gtk_box_append (GTK_BOX (box), gtk_label_new (g_object_get_data (G_OBJECT (source),
                                                                   "cvn-title")));
  gtk_widget_add_css_class (box, "drag-tag");
  gtk_drag_icon_set_child (GTK_DRAG_ICON (icon), box);
}

static gboolean
parse_drag (const char    *data,
            CvnObjectKind *kind,
            gint64        *id,
            gint64        *from_group)
{
  g_auto (GStrv) parts = NULL;
  gint64 values[3];

  if (data == NULL || !g_str_has_prefix (data, DRAG_PREFIX))
    return FALSE;
  parts = g_strsplit (data + strlen (DRAG_PREFIX), ":", -1);
  if (g_strv_length (parts) != 3)
    return FALSE;
  for (guint i = 0; i < 3; i++)
    if (!g_ascii_string_to_signed (parts[i], 10, 0, G_MAXINT64, &values[i], NULL))
      return FALSE;
  *kind = (CvnObjectKind) values[0];
  *id = values[1];
  *from_group = values[2];
  return *kind == CVN_OBJECT_ESTABLISHMENT || *kind == CVN_OBJECT_PERSON;
}

static GdkDragAction
drop_enter_cb (GtkDropTarget *target,
               double         x,
               double         y,
               GtkListItem   *list_item)
{
  g_autoptr (CvnOutlineItem) item = list_item_object (list_item);

  /* Only a group takes a member. */
  if (item == NULL || cvn_outline_item_get_kind (item) != CVN_OBJECT_GROUP)
    return 0;
  return GDK_ACTION_MOVE;
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkListItem   *list_item)
{
  g_autoptr (CvnOutlineItem) item = list_item_object (list_item);
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  CvnWindow *self = CVN_WINDOW (gtk_widget_get_root (widget));
  CvnObjectKind kind;
  gint64 id, from_group;

  if (item == NULL || cvn_outline_item_get_kind (item) != CVN_OBJECT_GROUP
      || !G_VALUE_HOLDS_STRING (value)
      || !parse_drag (g_value_get_string (value), &kind, &id, &from_group))
    return FALSE;
  return cvn_window_move_member (self, kind, id, from_group, cvn_outline_item_get_id (item));
}

static void
context_menu_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 GtkListItem     *list_item)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  CvnWindow *self = CVN_WINDOW (gtk_widget_get_root (widget));
  g_autoptr (CvnOutlineItem) item = list_item_object (list_item);
  guint position = gtk_list_item_get_position (list_item);
  double menu_x, menu_y;

  if (item == NULL || cvn_outline_item_is_heading (item))
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  /* The menu acts on the selection; a right click outside it selects the row first. */
  if (!gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), position))
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  if (!gtk_widget_translate_coordinates (widget, GTK_WIDGET (self->outline_view), x, y,
                                         &menu_x, &menu_y))
    return;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->outline_menu),
                               &(GdkRectangle) { (int) menu_x, (int) menu_y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->outline_menu));
}

void
cvn_window_setup_outline_row (CvnWindow   *self,
                              GtkListItem *list_item,
                              GtkWidget   *widget)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);
  GtkGesture *click = gtk_gesture_click_new ();

  g_object_set_data (G_OBJECT (widget), "cvn-list-item", list_item);
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), list_item);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), NULL);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (source));

  g_signal_connect (target, "enter", G_CALLBACK (drop_enter_cb), list_item);
  g_signal_connect (target, "motion", G_CALLBACK (drop_enter_cb), list_item);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), list_item);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (target));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (context_menu_cb), list_item);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));
}

/* Check settings and the Checks page ------------------------------------------------------ */

static void
check_settings_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CvnWindow *self = CVN_WINDOW (widget);
  CvnCheckSettingsWindow *settings = cvn_check_settings_window_new (GTK_WINDOW (self),
                                                                    self->document);

  gtk_window_present (GTK_WINDOW (settings));
}

static void
finding_activated_cb (CvnWindow *self,
                      int        kind,
                      gint64     id)
{
  cvn_window_select_object (self, (CvnObjectKind) kind, id);
}

void
cvn_window_begin_checks (CvnWindow *self)
{
  if (self->checks_page != NULL)
    cvn_checks_page_begin_update (CVN_CHECKS_PAGE (self->checks_page), self->snapshot,
                                  self->document);
}

/* Connected last, so that the checks have had the rest of the reload to run in. */
static void
reloaded_cb (CvnWindow *self)
{
  guint n_findings;

  if (self->checks_page == NULL || self->snapshot == NULL)
    return;
  cvn_checks_page_finish_update (CVN_CHECKS_PAGE (self->checks_page));
  n_findings = cvn_checks_page_get_n_findings (CVN_CHECKS_PAGE (self->checks_page));
  adw_view_stack_page_set_badge_number (self->checks_stack_page, n_findings);
  adw_view_stack_page_set_needs_attention (self->checks_stack_page, n_findings > 0);
}

GtkWidget *
cvn_window_get_checks_page (CvnWindow *self)
{
  g_return_val_if_fail (CVN_IS_WINDOW (self), NULL);

  return self->checks_page;
}

/* Set-up ----------------------------------------------------------------------------------- */

void
cvn_window_actions_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.new-school", NULL, new_school_action);
  gtk_widget_class_install_action (widget_class, "win.new-person", NULL, new_person_action);
  gtk_widget_class_install_action (widget_class, "win.new-group", "s", new_group_action);
  gtk_widget_class_install_action (widget_class, "win.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "win.delete-object", "(ix)",
                                   delete_object_action);
  gtk_widget_class_install_action (widget_class, "win.add-to-group", NULL, add_to_group_action);
  gtk_widget_class_install_action (widget_class, "win.add-object-to-group", "(ix)",
                                   add_object_to_group_action);
  gtk_widget_class_install_action (widget_class, "win.add-member", "x", add_member_action);
  gtk_widget_class_install_action (widget_class, "win.choose-parent", "x", choose_parent_action);
  gtk_widget_class_install_action (widget_class, "win.choose-school", "x", choose_school_action);
  gtk_widget_class_install_action (widget_class, "win.check-settings", NULL,
                                   check_settings_action);
  /* Printing and exporting live in cvn-print.c and cvn-export-dialog.c. */
  gtk_widget_class_install_action (widget_class, "win.print", NULL, cvn_print_window_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL,
                                   cvn_export_dialog_window_action);
  /* Importing data (win.import, Ctrl+I) and exporting it (win.export-memberships,
   * win.export-graphml, win.export-xml) live in cvn-import-dialog.c and cvn-data-export.c. */
  cvn_import_dialog_install_actions (widget_class);
  cvn_data_export_install_actions (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "win.print", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
}

void
cvn_window_actions_init (CvnWindow *self)
{
  g_autoptr (GMenu) menu = g_menu_new ();
  g_autoptr (GMenuItem) add_item = g_menu_item_new (_("_Add to Group…"), "win.add-to-group");
  g_autoptr (GMenuItem) delete_item = g_menu_item_new (_("_Delete…"), "win.delete");
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  g_menu_append_item (menu, add_item);
  g_menu_item_set_attribute (delete_item, "accel", "s", "Delete");
  g_menu_append_item (menu, delete_item);
  self->outline_menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->outline_menu), FALSE);
  gtk_widget_set_halign (self->outline_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->outline_menu, GTK_WIDGET (self->outline_view));

  /* Delete works on the outline's selection when the outline has the focus; elsewhere the key
   * belongs to whatever is being typed. */
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                      gtk_named_action_new ("win.delete")));
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0),
                      gtk_named_action_new ("win.delete")));
  gtk_widget_add_controller (GTK_WIDGET (self->outline_view), shortcuts);
}

void
cvn_window_actions_constructed (CvnWindow *self)
{
  cvn_details_pane_set_document (self->details_pane, self->document);

  self->checks_page = cvn_checks_page_new ();
  self->checks_stack_page = cvn_window_add_page (self, "checks", _("Checks"),
                                                 "dialog-warning-symbolic", self->checks_page);
  g_signal_connect_object (self->checks_page, "finding-activated",
                           G_CALLBACK (finding_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_after (self, "reloaded", G_CALLBACK (reloaded_cb), NULL);
}

void
cvn_window_actions_dispose (CvnWindow *self)
{
  if (self->outline_menu != NULL)
    {
      gtk_widget_unparent (self->outline_menu);
      self->outline_menu = NULL;
    }
  self->checks_page = NULL;
  self->checks_stack_page = NULL;
}
