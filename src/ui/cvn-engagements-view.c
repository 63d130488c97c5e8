/* cvn-engagements-view.c
 *
 * Like the directory, the register is a column view over items rebuilt from the window's
 * snapshot on every change. The status of an engagement is its most often changed field, so
 * each row carries a drop-down that edits it in place; everything else is edited in a small
 * dialog, one edit per save.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-engagements-view"

#include "config.h"

#include "cvn-engagements-view.h"
#include "cvn-column-util.h"

#include "cvn-directory-view.h"
#include "cvn-error-dialog.h"
#include "cvn-store.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

/* One row ------------------------------------------------------------------------------- */

#define CVN_TYPE_ENGAGEMENT_ITEM (cvn_engagement_item_get_type ())
G_DECLARE_FINAL_TYPE (CvnEngagementItem, cvn_engagement_item, CVN, ENGAGEMENT_ITEM, GObject)

struct _CvnEngagementItem
{
  GObject               parent_instance;

  CvnSupportEngagement  engagement;
  char                 *provider_name;
  char                 *recipient_name;
  char                 *area_name;
  char                 *search_text;    /* casefolded */
};

G_DEFINE_FINAL_TYPE (CvnEngagementItem, cvn_engagement_item, G_TYPE_OBJECT)

static void
cvn_engagement_item_finalize (GObject *object)
{
  CvnEngagementItem *self = CVN_ENGAGEMENT_ITEM (object);

  cvn_support_engagement_clear (&self->engagement);
  g_free (self->provider_name);
  g_free (self->recipient_name);
  g_free (self->area_name);
  g_free (self->search_text);

  G_OBJECT_CLASS (cvn_engagement_item_parent_class)->finalize (object);
}

static void
cvn_engagement_item_class_init (CvnEngagementItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cvn_engagement_item_finalize;
}

static void
cvn_engagement_item_init (CvnEngagementItem *self)
{
}

static void
copy_engagement (CvnSupportEngagement       *dest,
                 const CvnSupportEngagement *src)
{
  *dest = *src;
  dest->broker = g_strdup (src->broker);
  dest->start_date = g_strdup (src->start_date);
  dest->end_date = g_strdup (src->end_date);
  dest->success_criteria = g_strdup (src->success_criteria);
  dest->impact_notes = g_strdup (src->impact_notes);
}

/* The view ------------------------------------------------------------------------------ */

/* The columns in the order the table shows them: who, what and how it stands come first. */
typedef enum
{
  COLUMN_PROVIDER,
  COLUMN_RECIPIENT,
  COLUMN_AREA,
  COLUMN_STATUS,
  COLUMN_DAYS,
  COLUMN_START,
  COLUMN_END,
  COLUMN_BROKER,
  COLUMN_CRITERIA,
  COLUMN_IMPACT,
  N_COLUMNS
} Column;

typedef struct
{
  const char *id;
  const char *title;
  int         fixed_width;
} ColumnInfo;

static const ColumnInfo column_info[N_COLUMNS] = {
  [COLUMN_PROVIDER] = { "provider", N_("Provider"), 200 },
  [COLUMN_RECIPIENT] = { "recipient", N_("Recipient"), 200 },
  [COLUMN_AREA] = { "area", N_("Area"), 150 },
  [COLUMN_BROKER] = { "broker", N_("Broker"), 140 },
  [COLUMN_DAYS] = { "days", N_("Days"), 70 },
  [COLUMN_START] = { "start", N_("Start"), 110 },
  [COLUMN_END] = { "end", N_("End"), 110 },
  [COLUMN_CRITERIA] = { "success-criteria", N_("Success Criteria"), 240 },
  [COLUMN_STATUS] = { "status", N_("Status"), 150 },
  [COLUMN_IMPACT] = { "impact-notes", N_("Impact Notes"), 240 },
};

struct _CvnEngagementsView
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkSearchEntry      *search_entry;
  GtkDropDown         *status_dropdown;
  GtkStack            *stack;
  GtkColumnView       *column_view;

  CvnWindow           *window;     /* not owned: the window owns the view */
  GListStore          *store;
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filter_model;
  GtkSortListModel    *sort_model;
  GtkSingleSelection  *selection;
  char                *search_text;
  guint                status;     /* 0: any; else a CvnEngagementStatus + 1 */
  gboolean             needs_reload;
};

G_DEFINE_FINAL_TYPE (CvnEngagementsView, cvn_engagements_view, GTK_TYPE_WIDGET)

static CvnEngagementItem *
get_selected_item (CvnEngagementsView *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_actions (CvnEngagementsView *self)
{
  gboolean selected = get_selected_item (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "engagements.edit", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "engagements.delete", selected);
}

static void
update_stack (CvnEngagementsView *self)
{
  const char *page;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->store)) == 0)
    page = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0)
    page = "no-results";
  else
    page = "engagements";
  gtk_stack_set_visible_child_name (self->stack, page);
}

static gboolean
filter_item_cb (gpointer item_pointer,
                gpointer user_data)
{
  CvnEngagementsView *self = user_data;
  CvnEngagementItem *item = item_pointer;

  if (self->status != 0 && item->engagement.status != self->status - 1)
    return FALSE;
  if (self->search_text != NULL && strstr (item->search_text, self->search_text) == NULL)
    return FALSE;
  return TRUE;
}

static void
refilter (CvnEngagementsView *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_stack (self);
  update_actions (self);
}

static void
search_changed_cb (CvnEngagementsView *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (
    GTK_EDITABLE (self->search_entry))));

  g_clear_pointer (&self->search_text, g_free);
  if (*text != '\0')
    self->search_text = g_utf8_casefold (text, -1);
  refilter (self);
}

static void
status_filter_changed_cb (CvnEngagementsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);

  self->status = selected != GTK_INVALID_LIST_POSITION ? selected : 0;
  refilter (self);
}

static CvnEngagementItem *
create_item (CvnSnapshot                *snapshot,
             const CvnSupportEngagement *engagement)
{
  CvnEngagementItem *item = g_object_new (CVN_TYPE_ENGAGEMENT_ITEM, NULL);
  const char *provider = cvn_snapshot_get_name (snapshot, engagement->provider_kind,
                                                engagement->provider_id);
  const char *recipient = cvn_snapshot_get_name (snapshot, CVN_OBJECT_ESTABLISHMENT,
                                                 engagement->recipient_id);
  const CvnExpertiseArea *area = cvn_snapshot_find_expertise_area (snapshot,
                                                                   engagement->area_id);
  g_autofree char *search = NULL;

  copy_engagement (&item->engagement, engagement);
  item->provider_name = g_strdup (provider != NULL ? provider : "");
  item->recipient_name = g_strdup (recipient != NULL ? recipient : "");
  item->area_name = g_strdup (area != NULL ? area->name : "");
  search = g_strjoin ("\n", item->provider_name, item->recipient_name, item->area_name,
                      engagement->broker, engagement->success_criteria, engagement->impact_notes,
                      NULL);
  item->search_text = g_utf8_casefold (search, -1);
  return item;
}

static int
compare_initial_order (gconstpointer a,
                       gconstpointer b)
{
  const CvnEngagementItem *x = *(CvnEngagementItem * const *) a;
  const CvnEngagementItem *y = *(CvnEngagementItem * const *) b;
  int result;

  /* The newest first: what was brokered last is what is being followed up. */
  result = -strcmp (x->engagement.start_date, y->engagement.start_date);
  if (result != 0)
    return result;
  return x->engagement.id > y->engagement.id ? -1 : x->engagement.id < y->engagement.id;
}

static gint64
item_id (gconstpointer item)
{
  return ((const CvnEngagementItem *) item)->engagement.id;
}

static gboolean
items_equal (gconstpointer item_a,
             gconstpointer item_b)
{
  const CvnEngagementItem *a = item_a;
  const CvnEngagementItem *b = item_b;
  const CvnSupportEngagement *x = &a->engagement;
  const CvnSupportEngagement *y = &b->engagement;

  return x->id == y->id && x->provider_kind == y->provider_kind
         && x->provider_id == y->provider_id && x->recipient_id == y->recipient_id
         && x->area_id == y->area_id && x->need_entry_id == y->need_entry_id
         && x->days == y->days && x->status == y->status && g_str_equal (x->broker, y->broker)
         && g_str_equal (x->start_date, y->start_date) && g_str_equal (x->end_date, y->end_date)
         && g_str_equal (x->success_criteria, y->success_criteria)
         && g_str_equal (x->impact_notes, y->impact_notes)
         && g_str_equal (a->provider_name, b->provider_name)
         && g_str_equal (a->recipient_name, b->recipient_name)
         && g_str_equal (a->area_name, b->area_name);
}

static void
reload (CvnEngagementsView *self)
{
  CvnSnapshot *snapshot = cvn_window_get_snapshot (self->window);
  CvnEngagementItem *selected = get_selected_item (self);
  gint64 selected_id = selected != NULL ? selected->engagement.id : 0;
  GListModel *model = G_LIST_MODEL (self->sort_model);
  g_autoptr (GPtrArray) items = NULL;

  if (snapshot == NULL)
    return;
  self->needs_reload = FALSE;

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < snapshot->support_engagements->len; i++)
    g_ptr_array_add (items, create_item (snapshot,
                                         &g_array_index (snapshot->support_engagements,
                                                         CvnSupportEngagement, i)));
  g_ptr_array_sort (items, compare_initial_order);
  cvn_column_update_store (self->store, items, item_id, items_equal);
  refilter (self);

  /* An edited engagement is a new row object; the selection follows it. */
  selected = get_selected_item (self);
  for (guint i = 0; selected_id != 0 && (selected == NULL || selected->engagement.id != selected_id)
                    && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (CvnEngagementItem) item = g_list_model_get_item (model, i);

      if (item->engagement.id == selected_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          break;
        }
    }
  update_actions (self);
}

/* A page that is not on screen catches up with the document when it is next shown, or when it
 * is asked about its rows, rather than after every edit. */
static void
ensure_current (CvnEngagementsView *self)
{
  if (self->needs_reload)
    reload (self);
}

static void
window_reloaded_cb (CvnEngagementsView *self)
{
  self->needs_reload = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
}

/* Editing ------------------------------------------------------------------------------ */

static gboolean
update_engagement (CvnEngagementsView          *self,
                   const CvnSupportEngagement *engagement,
                   const char                 *label,
                   GError                    **error)
{
  CvnDocument *document = cvn_window_get_document (self->window);

  if (!cvn_document_begin_edit (document, label, error))
    return FALSE;
  if (!cvn_store_update_support_engagement (document, engagement, error))
    {
      cvn_document_rollback_edit (document);
      return FALSE;
    }
  return cvn_document_commit_edit (document, error);
}

static CvnEngagementItem *
find_item (CvnEngagementsView *self,
           gint64              id)
{
  GListModel *model = G_LIST_MODEL (self->store);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (CvnEngagementItem) item = g_list_model_get_item (model, i);

      if (item->engagement.id == id)
        return item;
    }
  return NULL;
}

typedef struct
{
  CvnEngagementsView   *view;
  CvnSupportEngagement  engagement;
  char                 *recipient_name;
  GtkWidget            *save_button;
  GtkSpinButton        *days_spin;
  AdwEntryRow          *start_row;
  AdwEntryRow          *end_row;
  AdwEntryRow          *broker_row;
  AdwEntryRow          *criteria_row;
  AdwComboRow          *status_row;
  GtkTextBuffer        *impact_buffer;
} EditDialog;

static void
edit_dialog_free (gpointer data)
{
  EditDialog *dialog = data;

  cvn_support_engagement_clear (&dialog->engagement);
  g_free (dialog->recipient_name);
  g_free (dialog);
}

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
edit_validate_cb (EditDialog *dialog)
{
  g_autofree char *start = row_text (dialog->start_row);
  g_autofree char *end = row_text (dialog->end_row);
  gboolean start_ok = cvn_date_is_valid (start);
  gboolean end_ok = cvn_date_is_valid (end)
                    && (!start_ok || *start == '\0' || *end == '\0' || strcmp (start, end) <= 0);

  if (start_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (dialog->start_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (dialog->start_row), "error");
  if (end_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (dialog->end_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (dialog->end_row), "error");
  gtk_widget_set_sensitive (dialog->save_button, start_ok && end_ok);
}

static void
edit_save_cb (GtkButton  *button,
              EditDialog *dialog)
{
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));
  CvnSupportEngagement engagement = dialog->engagement;
  g_autofree char *broker = row_text (dialog->broker_row);
  g_autofree char *start = row_text (dialog->start_row);
  g_autofree char *end = row_text (dialog->end_row);
  g_autofree char *criteria = row_text (dialog->criteria_row);
  g_autofree char *impact = NULL;
  g_autofree char *label = NULL;
  g_autoptr (GError) error = NULL;
  GtkTextIter text_start, text_end;
  guint status = adw_combo_row_get_selected (dialog->status_row);

  gtk_text_buffer_get_bounds (dialog->impact_buffer, &text_start, &text_end);
  impact = gtk_text_buffer_get_text (dialog->impact_buffer, &text_start, &text_end, FALSE);
  gtk_spin_button_update (dialog->days_spin);

  engagement.broker = broker;
  engagement.start_date = start;
  engagement.end_date = end;
  engagement.success_criteria = criteria;
  engagement.impact_notes = impact;
  engagement.days = gtk_spin_button_get_value (dialog->days_spin);
  if (status < CVN_N_ENGAGEMENT_STATUSES)
    engagement.status = status;

  label = g_strdup_printf (_("Edit Support for %s"), dialog->recipient_name);
  if (!update_engagement (dialog->view, &engagement, label, &error))
    {
      cvn_error_dialog_present (window, NULL, _("Could Not Save the Support"), error);
      return;
    }
  gtk_window_destroy (window);
}

static GtkWidget *
add_entry_row (AdwPreferencesGroup *group,
               const char          *title,
               const char          *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  adw_preferences_group_add (group, row);
  return row;
}

static void
open_edit_dialog (CvnEngagementsView *self,
                  CvnEngagementItem  *item)
{
  EditDialog *dialog = g_new0 (EditDialog, 1);
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *who = adw_preferences_group_new ();
  GtkWidget *plan = adw_preferences_group_new ();
  GtkWidget *outcome = adw_preferences_group_new ();
  GtkWidget *days_row = adw_action_row_new ();
  GtkWidget *days_spin = gtk_spin_button_new_with_range (0, 365, 0.5);
  GtkWidget *status_row = adw_combo_row_new ();
  GtkWidget *impact_view = gtk_text_view_new ();
  GtkWidget *impact_frame = gtk_frame_new (NULL);
  g_autoptr (GtkStringList) statuses = gtk_string_list_new (NULL);
  const char *names[][2] = {
    { _("Provider"), item->provider_name },
    { _("Recipient"), item->recipient_name },
    { _("Area"), item->area_name },
  };

  dialog->view = self;
  copy_engagement (&dialog->engagement, &item->engagement);
  dialog->recipient_name = g_strdup (item->recipient_name);
  g_object_set_data_full (G_OBJECT (window), "cvn-edit-dialog", dialog, edit_dialog_free);

  gtk_window_set_title (GTK_WINDOW (window), _("Edit Support"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self->window));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 520, 700);

  dialog->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (dialog->save_button, "suggested-action");
  g_signal_connect (dialog->save_button, "clicked", G_CALLBACK (edit_save_cb), dialog);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), dialog->save_button);

  /* Who gives and who receives is what the engagement is; a different pairing is a new
   * engagement, brokered from the directory. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), names[i][0]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), names[i][1]);
      gtk_widget_add_css_class (row, "property");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (who), row);
    }

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (plan), _("Plan"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (days_row), _("_Days"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (days_row), TRUE);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (days_spin), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (days_spin), item->engagement.days);
  gtk_widget_set_valign (days_spin, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (days_row), days_spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (days_row), days_spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (plan), days_row);
  dialog->days_spin = GTK_SPIN_BUTTON (days_spin);
  dialog->start_row = ADW_ENTRY_ROW (add_entry_row (ADW_PREFERENCES_GROUP (plan),
                                                    _("_Start (YYYY-MM-DD)"),
                                                    item->engagement.start_date));
  dialog->end_row = ADW_ENTRY_ROW (add_entry_row (ADW_PREFERENCES_GROUP (plan),
                                                  _("_End (YYYY-MM-DD)"),
                                                  item->engagement.end_date));
  dialog->broker_row = ADW_ENTRY_ROW (add_entry_row (ADW_PREFERENCES_GROUP (plan), _("_Broker"),
                                                     item->engagement.broker));
  dialog->criteria_row = ADW_ENTRY_ROW (add_entry_row (ADW_PREFERENCES_GROUP (plan),
                                                       _("Success _Criteria"),
                                                       item->engagement.success_criteria));
  g_signal_connect_swapped (dialog->start_row, "changed", G_CALLBACK (edit_validate_cb), dialog);
  g_signal_connect_swapped (dialog->end_row, "changed", G_CALLBACK (edit_validate_cb), dialog);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (outcome), _("Outcome"));
  for (guint status = 0; status < CVN_N_ENGAGEMENT_STATUSES; status++)
    gtk_string_list_append (statuses, cvn_directory_view_status_label (status));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (status_row), _("S_tatus"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (status_row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (status_row), G_LIST_MODEL (statuses));
  adw_combo_row_set_selected (ADW_COMBO_ROW (status_row), item->engagement.status);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (outcome), status_row);
  dialog->status_row = ADW_COMBO_ROW (status_row);

  /* Impact notes run to a paragraph or two, so they get a text area of their own. */
  dialog->impact_buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (impact_view));
  gtk_text_buffer_set_text (dialog->impact_buffer, item->engagement.impact_notes, -1);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (impact_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (impact_view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (impact_view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (impact_view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (impact_view), 8);
  gtk_widget_set_size_request (impact_view, -1, 120);
  gtk_accessible_update_property (GTK_ACCESSIBLE (impact_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Impact notes"), -1);
  gtk_frame_set_child (GTK_FRAME (impact_frame), impact_view);
  gtk_widget_set_margin_top (impact_frame, 12);
  {
    GtkWidget *impact_label = gtk_label_new_with_mnemonic (_("_Impact Notes"));
    GtkWidget *impact_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

    gtk_label_set_mnemonic_widget (GTK_LABEL (impact_label), impact_view);
    gtk_label_set_xalign (GTK_LABEL (impact_label), 0);
    gtk_widget_add_css_class (impact_label, "heading");
    gtk_widget_set_margin_top (impact_label, 12);
    gtk_box_append (GTK_BOX (impact_box), impact_label);
    gtk_box_append (GTK_BOX (impact_box), impact_frame);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (outcome), impact_box);
  }

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (who));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (plan));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (outcome));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);
  edit_validate_cb (dialog);
  gtk_window_present (GTK_WINDOW (window));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CvnEngagementsView *self = CVN_ENGAGEMENTS_VIEW (widget);
  CvnEngagementItem *item = get_selected_item (self);

  if (item != NULL)
    open_edit_dialog (self, item);
}

static void
row_activated_cb (CvnEngagementsView *self,
                  guint               position)
{
  g_autoptr (CvnEngagementItem) item = g_list_model_get_item (G_LIST_MODEL (self->sort_model),
                                                              position);

  if (item != NULL)
    open_edit_dialog (self, item);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CvnEngagementsView *self = CVN_ENGAGEMENTS_VIEW (widget);
  CvnEngagementItem *item = get_selected_item (self);
  g_autofree char *label = NULL;

  if (item == NULL)
    return;
  label = g_strdup_printf (_("Delete Support for %s"), item->recipient_name);
  cvn_column_delete_record (self->window, "support_engagements", item->engagement.id, label,
                            _("Could Not Delete the Support"), _("Support deleted"));
}

/* Cells -------------------------------------------------------------------------------- */

static void
status_selected_cb (GtkDropDown        *dropdown,
                    GParamSpec         *pspec,
                    CvnEngagementsView *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dropdown), "cvn-engagement-id"));
  guint status = gtk_drop_down_get_selected (dropdown);
  g_autoptr (GError) error = NULL;

  /* Binding a row sets the drop-down too; only a choice by the user reaches the document. */
  if (id == 0 || g_object_get_data (G_OBJECT (dropdown), "cvn-binding") != NULL
      || status >= CVN_N_ENGAGEMENT_STATUSES)
    return;
  if (!cvn_engagements_view_set_status (self, id, status, &error))
    cvn_window_show_error (self->window, _("Could Not Change the Status"), error);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               CvnEngagementsView       *self)
{
  Column column = cvn_column_get_number (GTK_LIST_ITEM_FACTORY (factory));
  GtkWidget *child;

  if (column == COLUMN_STATUS)
    {
      g_autoptr (GtkStringList) statuses = gtk_string_list_new (NULL);

      for (guint status = 0; status < CVN_N_ENGAGEMENT_STATUSES; status++)
        gtk_string_list_append (statuses, cvn_directory_view_status_label (status));
      child = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (statuses)), NULL);
      gtk_widget_add_css_class (child, "flat");
      gtk_widget_set_tooltip_text (child, _("Status of this support"));
      g_signal_connect (child, "notify::selected", G_CALLBACK (status_selected_cb), self);
    }
  else
    child = cvn_column_new_label (column == COLUMN_DAYS);
  gtk_list_item_set_child (list_item, child);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              CvnEngagementsView       *self)
{
  Column column = cvn_column_get_number (GTK_LIST_ITEM_FACTORY (factory));
  CvnEngagementItem *item = gtk_list_item_get_item (list_item);
  const CvnSupportEngagement *engagement = &item->engagement;
  GtkWidget *child = gtk_list_item_get_child (list_item);
  g_autofree char *owned = NULL;
  const char *text = "";

  switch (column)
    {
    case COLUMN_STATUS:
      g_object_set_data (G_OBJECT (child), "cvn-binding", GINT_TO_POINTER (TRUE));
      g_object_set_data (G_OBJECT (child), "cvn-engagement-id",
                         GSIZE_TO_POINTER (engagement->id));
      gtk_drop_down_set_selected (GTK_DROP_DOWN (child), engagement->status);
      g_object_set_data (G_OBJECT (child), "cvn-binding", NULL);
      return;
    case COLUMN_PROVIDER:
      text = item->provider_name;
      break;
    case COLUMN_RECIPIENT:
      text = item->recipient_name;
      break;
    case COLUMN_AREA:
      text = item->area_name;
      break;
    case COLUMN_BROKER:
      text = engagement->broker;
      break;
    case COLUMN_DAYS:
      text = owned = g_strdup_printf ("%g", engagement->days);
      break;
    case COLUMN_START:
      text = engagement->start_date;
      break;
    case COLUMN_END:
      text = engagement->end_date;
      break;
    case COLUMN_CRITERIA:
      text = engagement->success_criteria;
      break;
    case COLUMN_IMPACT:
      text = engagement->impact_notes;
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_text (GTK_LABEL (child), text);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                CvnEngagementsView       *self)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);

  /* A recycled drop-down must not edit the engagement it showed before. */
  if (GTK_IS_DROP_DOWN (child))
    g_object_set_data (G_OBJECT (child), "cvn-engagement-id", NULL);
}

static int
compare_items_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const CvnEngagementItem *x = a;
  const CvnEngagementItem *y = b;
  const CvnSupportEngagement *p = &x->engagement;
  const CvnSupportEngagement *q = &y->engagement;
  int result = 0;

  switch ((Column) GPOINTER_TO_UINT (user_data))
    {
    case COLUMN_PROVIDER:
      result = g_utf8_collate (x->provider_name, y->provider_name);
      break;
    case COLUMN_RECIPIENT:
      result = g_utf8_collate (x->recipient_name, y->recipient_name);
      break;
    case COLUMN_AREA:
      result = g_utf8_collate (x->area_name, y->area_name);
      break;
    case COLUMN_BROKER:
      result = g_utf8_collate (p->broker, q->broker);
      break;
    case COLUMN_DAYS:
      result = p->days < q->days ? -1 : p->days > q->days;
      break;
    case COLUMN_START:
      result = strcmp (p->start_date, q->start_date);
      break;
    case COLUMN_END:
      result = strcmp (p->end_date, q->end_date);
      break;
    case COLUMN_CRITERIA:
      result = g_utf8_collate (p->success_criteria, q->success_criteria);
      break;
    case COLUMN_STATUS:
      result = (int) p->status - (int) q->status;
      break;
    case COLUMN_IMPACT:
      result = g_utf8_collate (p->impact_notes, q->impact_notes);
      break;
    case N_COLUMNS:
    default:
      break;
    }
  if (result == 0)
    result = p->id < q->id ? -1 : p->id > q->id;
  return gtk_ordering_from_cmpfunc (result);
}

static void
create_columns (CvnEngagementsView *self)
{
  static const CvnColumnCallbacks callbacks = {
    G_CALLBACK (setup_cell_cb), G_CALLBACK (bind_cell_cb), G_CALLBACK (unbind_cell_cb),
    compare_items_cb,
  };

  for (Column column = 0; column < N_COLUMNS; column++)
    {
      GtkColumnViewColumn *view_column = cvn_column_append (self->column_view, column,
                                                            column_info[column].title,
                                                            column_info[column].fixed_width,
                                                            &callbacks, self);

      if (column == COLUMN_IMPACT)
        gtk_column_view_column_set_expand (view_column, TRUE);
    }
}

/* GObject ------------------------------------------------------------------------------ */

static void
cvn_engagements_view_dispose (GObject *object)
{
  CvnEngagementsView *self = CVN_ENGAGEMENTS_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CVN_TYPE_ENGAGEMENTS_VIEW);
  /* Template children that are not bound to a field (the tool bar, the separator) are not
   * unparented by dispose_template. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cvn_engagements_view_parent_class)->dispose (object);
}

static void
cvn_engagements_view_finalize (GObject *object)
{
  CvnEngagementsView *self = CVN_ENGAGEMENTS_VIEW (object);

  g_free (self->search_text);

  G_OBJECT_CLASS (cvn_engagements_view_parent_class)->finalize (object);
}

static void
cvn_engagements_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cvn_engagements_view_parent_class)->map (widget);
  ensure_current (CVN_ENGAGEMENTS_VIEW (widget));
}

static void
cvn_engagements_view_class_init (CvnEngagementsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cvn_engagements_view_dispose;
  object_class->finalize = cvn_engagements_view_finalize;
  widget_class->map = cvn_engagements_view_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/convenor/Convenor/cvn-engagements-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CvnEngagementsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CvnEngagementsView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CvnEngagementsView, stack);
  gtk_widget_class_bind_template_child (widget_class, CvnEngagementsView, column_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "engagements.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "engagements.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "engagements.delete",
                                       NULL);
}

static void
cvn_engagements_view_init (CvnEngagementsView *self)
{
  g_autoptr (GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (statuses, _("Any status"));
  for (guint status = 0; status < CVN_N_ENGAGEMENT_STATUSES; status++)
    gtk_string_list_append (statuses, cvn_directory_view_status_label (status));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  g_signal_connect_object (self->status_dropdown, "notify::selected",
                           G_CALLBACK (status_filter_changed_cb), self, G_CONNECT_SWAPPED);

  self->store = g_list_store_new (CVN_TYPE_ENGAGEMENT_ITEM);
  self->filter = gtk_custom_filter_new (filter_item_cb, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  create_columns (self);
  self->sort_model = gtk_sort_list_model_new (
    g_object_ref (G_LIST_MODEL (self->filter_model)),
    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
}

/* Public ------------------------------------------------------------------------------- */

GtkWidget *
cvn_engagements_view_new (CvnWindow *window)
{
  CvnEngagementsView *self;

  g_return_val_if_fail (CVN_IS_WINDOW (window), NULL);

  self = g_object_new (CVN_TYPE_ENGAGEMENTS_VIEW, NULL);
  self->window = window;
  g_signal_connect_object (window, "reloaded",
                           G_CALLBACK (window_reloaded_cb), self, G_CONNECT_SWAPPED);
  reload (self);
  return GTK_WIDGET (self);
}

guint
cvn_engagements_view_get_n_rows (CvnEngagementsView *self)
{
  g_return_val_if_fail (CVN_IS_ENGAGEMENTS_VIEW (self), 0);

  ensure_current (self);

  return g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
}

const CvnSupportEngagement *
cvn_engagements_view_get_engagement (CvnEngagementsView *self,
                                     guint               position)
{
  g_autoptr (CvnEngagementItem) item = NULL;

  g_return_val_if_fail (CVN_IS_ENGAGEMENTS_VIEW (self), NULL);

  ensure_current (self);

  item = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);
  /* The store keeps its own reference, so the engagement outlives this one. */
  return item != NULL ? &item->engagement : NULL;
}

gboolean
cvn_engagements_view_set_status (CvnEngagementsView  *self,
                                 gint64               id,
                                 CvnEngagementStatus  status,
                                 GError             **error)
{
  CvnEngagementItem *item;
  CvnSupportEngagement engagement;
  g_autofree char *label = NULL;

  g_return_val_if_fail (CVN_IS_ENGAGEMENTS_VIEW (self), FALSE);
  g_return_val_if_fail (status < CVN_N_ENGAGEMENT_STATUSES, FALSE);

  ensure_current (self);

  item = find_item (self, id);
  if (item == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The support engagement is no longer in the document."));
      return FALSE;
    }
  if (item->engagement.status == status)
    return TRUE;

  engagement = item->engagement;
  engagement.status = status;
  /* TRANSLATORS: an undo step: "Mark Support for Brook Lane Primary School as Agreed". */
  label = g_strdup_printf (_("Mark Support for %s as %s"), item->recipient_name,
                           cvn_directory_view_status_label (status));
  return update_engagement (self, &engagement, label, error);
}
