/* cvn-object-chooser.c
 *
 * The candidates are CvnOutlineItems made once from the snapshot, so the dialog needs nothing
 * from the document while it is open, and an edit made meanwhile cannot pull objects out from
 * under it. What is chosen is checked again by the edit that follows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-object-chooser"

#include "config.h"

#include "cvn-object-chooser.h"

#include "cvn-outline-item.h"
#include "cvn-search.h"

#include <glib/gi18n.h>
#include <string.h>

struct _CvnObjectChooser
{
  AdwWindow           parent_instance;

  AdwWindowTitle     *window_title;
  GtkButton          *accept_button;
  GtkLabel           *description_label;
  GtkSearchEntry     *search_entry;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  GtkListBox         *role_list;
  AdwComboRow        *role_row;

  GListStore         *candidates;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GHashTable         *hidden;        /* "kind:id" */
  char               *query;         /* folded */
};

G_DEFINE_FINAL_TYPE (CvnObjectChooser, cvn_object_chooser, ADW_TYPE_WINDOW)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
object_key (CvnObjectKind kind,
            gint64        id)
{
  return g_strdup_printf ("%d:%" G_GINT64_FORMAT, (int) kind, id);
}

static gboolean
filter_cb (gpointer item,
           gpointer user_data)
{
  CvnObjectChooser *self = user_data;
  g_autofree char *key = object_key (cvn_outline_item_get_kind (item),
                                     cvn_outline_item_get_id (item));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (g_hash_table_contains (self->hidden, key))
    return FALSE;
  if (self->query == NULL || *self->query == '\0')
    return TRUE;
  title = cvn_search_fold (cvn_outline_item_get_title (item));
  subtitle = cvn_search_fold (cvn_outline_item_get_subtitle (item));
  return strstr (title, self->query) != NULL || strstr (subtitle, self->query) != NULL;
}

static void
update_state (CvnObjectChooser *self)
{
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  gtk_stack_set_visible_child_name (self->list_stack, n_shown > 0 ? "list" : "empty");
  gtk_widget_set_sensitive (GTK_WIDGET (self->accept_button),
                            gtk_single_selection_get_selected_item (self->selection) != NULL);
}

static void
refilter (CvnObjectChooser *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

static void
search_changed_cb (CvnObjectChooser *self)
{
  g_free (self->query);
  self->query = g_strstrip (cvn_search_fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  refilter (self);
}

static void
choose_item (CvnObjectChooser *self,
             CvnOutlineItem   *item)
{
  CvnRole role = CVN_ROLE_MEMBER;

  if (item == NULL)
    return;
  if (gtk_widget_get_visible (GTK_WIDGET (self->role_list)))
    role = (CvnRole) adw_combo_row_get_selected (self->role_row);
  /* The dialog goes first: whatever the handler does (an edit, another dialog) happens with
   * this one out of the way. */
  g_object_ref (self);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_signal_emit (self, signals[CHOSEN], 0, (int) cvn_outline_item_get_kind (item),
                 cvn_outline_item_get_id (item), (int) role);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
accept_clicked_cb (CvnObjectChooser *self)
{
  choose_item (self, gtk_single_selection_get_selected_item (self->selection));
}

static void
search_activate_cb (CvnObjectChooser *self)
{
  /* Enter in the search entry takes the first (and so the selected) match. */
  accept_clicked_cb (self);
}

static void
list_activate_cb (CvnObjectChooser *self,
                  guint             position)
{
  g_autoptr (CvnOutlineItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered),
                                                           position);

  choose_item (self, item);
}

/* How cvn_object_row_factory_new() lays out its rows. */
typedef struct
{
  int   spacing;
  int   margin;
  char *css_class;
} RowStyle;

static void
row_style_free (gpointer data)
{
  RowStyle *style = data;

  g_free (style->css_class);
  g_free (style);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  const RowStyle *style = user_data;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, style->spacing);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *image = g_object_new (GTK_TYPE_IMAGE,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  if (style->css_class != NULL)
    gtk_widget_add_css_class (box, style->css_class);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_margin_top (box, style->margin);
  gtk_widget_set_margin_bottom (box, style->margin);
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_list_item_set_child (list_item, box);
  g_object_set_data (G_OBJECT (list_item), "cvn-image", image);
  g_object_set_data (G_OBJECT (list_item), "cvn-title", title);
  g_object_set_data (G_OBJECT (list_item), "cvn-subtitle", subtitle);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  CvnOutlineItem *item = gtk_list_item_get_item (list_item);

  gtk_image_set_from_icon_name (g_object_get_data (G_OBJECT (list_item), "cvn-image"),
                                cvn_outline_item_get_icon_name (item));
  gtk_label_set_text (g_object_get_data (G_OBJECT (list_item), "cvn-title"),
                      cvn_outline_item_get_title (item));
  gtk_label_set_text (g_object_get_data (G_OBJECT (list_item), "cvn-subtitle"),
                      cvn_outline_item_get_subtitle (item));
}

GtkListItemFactory *
cvn_object_row_factory_new (int         spacing,
                            int         margin,
                            const char *css_class)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  RowStyle *style = g_new0 (RowStyle, 1);

  style->spacing = spacing;
  style->margin = margin;
  style->css_class = g_strdup (css_class);
  g_object_set_data_full (G_OBJECT (factory), "cvn-row-style", style, row_style_free);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), style);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  return factory;
}

static void
add_candidates (CvnObjectChooser *self,
                CvnSnapshot      *snapshot,
                CvnChooseKinds    kinds)
{
  if (kinds & CVN_CHOOSE_GROUPS)
    for (guint i = 0; i < snapshot->groups->len; i++)
      {
        const CvnGroup *group = &g_array_index (snapshot->groups, CvnGroup, i);
        g_autofree char *kind_label = cvn_outline_dup_kind_label (group->kind);
        g_autofree char *subtitle = group->tier > 0
          ? g_strdup_printf (_("%s · Tier %d"), kind_label, group->tier)
          : g_strdup (kind_label);
        g_autoptr (CvnOutlineItem) item =
          cvn_outline_item_new (CVN_OBJECT_GROUP, group->id, group->name, subtitle,
                                cvn_outline_group_icon_name (group->kind));

        g_list_store_append (self->candidates, item);
      }

  if (kinds & CVN_CHOOSE_SCHOOLS)
    for (guint i = 0; i < snapshot->establishments->len; i++)
      {
        const CvnEstablishment *school = &g_array_index (snapshot->establishments,
                                                         CvnEstablishment, i);
        g_autofree char *subtitle = NULL;
        g_autoptr (CvnOutlineItem) item = NULL;

        if (school->urn > 0)
          subtitle = g_strdup_printf (_("School · URN %" G_GINT64_FORMAT), school->urn);
        else
          subtitle = g_strdup (_("School"));
        item = cvn_outline_item_new (CVN_OBJECT_ESTABLISHMENT, school->id, school->name,
                                     subtitle, "cvn-school-symbolic");
        g_list_store_append (self->candidates, item);
      }

  if (kinds & CVN_CHOOSE_PEOPLE)
    for (guint i = 0; i < snapshot->people->len; i++)
      {
        const CvnPerson *person = &g_array_index (snapshot->people, CvnPerson, i);
        g_autoptr (CvnOutlineItem) item =
          cvn_outline_item_new (CVN_OBJECT_PERSON, person->id, person->name,
                                *person->job_title != '\0' ? person->job_title : _("Person"),
                                "avatar-default-symbolic");

        g_list_store_append (self->candidates, item);
      }
}

static void
cvn_object_chooser_dispose (GObject *object)
{
  CvnObjectChooser *self = CVN_OBJECT_CHOOSER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CVN_TYPE_OBJECT_CHOOSER);
  g_clear_object (&self->selection);
  g_clear_object (&self->candidates);

  G_OBJECT_CLASS (cvn_object_chooser_parent_class)->dispose (object);
}

static void
cvn_object_chooser_finalize (GObject *object)
{
  CvnObjectChooser *self = CVN_OBJECT_CHOOSER (object);

  g_clear_pointer (&self->hidden, g_hash_table_unref);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (cvn_object_chooser_parent_class)->finalize (object);
}

static void
cvn_object_chooser_class_init (CvnObjectChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cvn_object_chooser_dispose;
  object_class->finalize = cvn_object_chooser_finalize;

  /**
   * CvnObjectChooser::chosen:
   * @kind: the CvnObjectKind of the object chosen
   * @id: its id
   * @role: the CvnRole chosen (CVN_ROLE_MEMBER when no role was asked for)
   */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 3,
                                  G_TYPE_INT, G_TYPE_INT64, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/convenor/Convenor/cvn-object-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, CvnObjectChooser, window_title);
  gtk_widget_class_bind_template_child (widget_class, CvnObjectChooser, accept_button);
  gtk_widget_class_bind_template_child (widget_class, CvnObjectChooser, description_label);
  gtk_widget_class_bind_template_child (widget_class, CvnObjectChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CvnObjectChooser, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CvnObjectChooser, list_view);
  gtk_widget_class_bind_template_child (widget_class, CvnObjectChooser, role_list);
  gtk_widget_class_bind_template_child (widget_class, CvnObjectChooser, role_row);
  gtk_widget_class_bind_template_callback (widget_class, accept_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cvn_object_chooser_init (CvnObjectChooser *self)
{
  GtkListItemFactory *factory;
  g_autoptr (GtkStringList) roles = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->candidates = g_list_store_new (CVN_TYPE_OUTLINE_ITEM);
  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->candidates)),
                                              GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);

  factory = cvn_object_row_factory_new (12, 3, NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  for (CvnRole role = CVN_ROLE_MEMBER; role < CVN_N_ROLES; role++)
    gtk_string_list_append (roles, cvn_role_get_label (role));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

CvnObjectChooser *
cvn_object_chooser_new (GtkWindow      *parent,
                        const char     *title,
                        const char     *accept_label,
                        CvnSnapshot    *snapshot,
                        CvnChooseKinds  kinds,
                        gboolean        ask_role)
{
  CvnObjectChooser *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (snapshot != NULL, NULL);

  self = g_object_new (CVN_TYPE_OBJECT_CHOOSER,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       "title", title,
                       NULL);
  adw_window_title_set_title (self->window_title, title);
  gtk_button_set_label (self->accept_button, accept_label);
  gtk_widget_set_visible (GTK_WIDGET (self->role_list), ask_role);
  add_candidates (self, snapshot, kinds);
  update_state (self);
  return self;
}

void
cvn_object_chooser_set_description (CvnObjectChooser *self,
                                    const char       *description)
{
  g_return_if_fail (CVN_IS_OBJECT_CHOOSER (self));

  gtk_label_set_text (self->description_label, description);
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          description != NULL && *description != '\0');
}

void
cvn_object_chooser_hide_object (CvnObjectChooser *self,
                                CvnObjectKind     kind,
                                gint64            id)
{
  g_return_if_fail (CVN_IS_OBJECT_CHOOSER (self));

  g_hash_table_add (self->hidden, object_key (kind, id));
  refilter (self);
}

void
cvn_object_chooser_set_role (CvnObjectChooser *self,
                             CvnRole           role)
{
  g_return_if_fail (CVN_IS_OBJECT_CHOOSER (self));
  g_return_if_fail (role < CVN_N_ROLES);

  adw_combo_row_set_selected (self->role_row, role);
}

guint
cvn_object_chooser_get_n_shown (CvnObjectChooser *self)
{
  g_return_val_if_fail (CVN_IS_OBJECT_CHOOSER (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

void
cvn_object_chooser_set_search (CvnObjectChooser *self,
                               const char       *text)
{
  g_return_if_fail (CVN_IS_OBJECT_CHOOSER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  /* The entry reports changes after a short delay; the list follows at once. */
  search_changed_cb (self);
}

gboolean
cvn_object_chooser_choose (CvnObjectChooser *self,
                           CvnObjectKind     kind,
                           gint64            id)
{
  guint n_items;

  g_return_val_if_fail (CVN_IS_OBJECT_CHOOSER (self), FALSE);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (CvnOutlineItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (cvn_outline_item_get_kind (item) == kind && cvn_outline_item_get_id (item) == id)
        {
          choose_item (self, item);
          return TRUE;
        }
    }
  return FALSE;
}
