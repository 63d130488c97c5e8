/* cvn-broker-dialog.c
 *
 * The candidates are ranked once, from the window's snapshot, when the dialog opens; they are
 * a proposal to choose from, and recording one goes through cvn_brokerage_record(), which
 * checks the document as it is then.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-broker-dialog"

#include "config.h"

#include "cvn-broker-dialog.h"

#include "cvn-directory.h"
#include "cvn-error-dialog.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

struct _CvnBrokerDialog
{
  AdwWindow       parent_instance;

  /* Template widgets */
  GtkButton      *cancel_button;
  GtkButton      *back_button;
  GtkButton      *record_button;
  GtkStack       *stack;
  GtkLabel       *need_label;
  GtkListBox     *candidate_list;
  AdwStatusPage  *none_page;
  AdwPreferencesGroup *form_group;
  GtkSpinButton  *days_spin;
  AdwEntryRow    *start_row;
  AdwEntryRow    *end_row;
  AdwEntryRow    *broker_row;
  AdwEntryRow    *criteria_row;

  CvnWindow      *window;      /* the dialog is destroyed with it */
  CvnDocument    *document;
  gint64          need_entry_id;
  GPtrArray      *candidates;  /* CvnBrokerageCandidate */
  int             chosen;      /* index into candidates, or -1 */
};

G_DEFINE_FINAL_TYPE (CvnBrokerDialog, cvn_broker_dialog, ADW_TYPE_WINDOW)

static gboolean
form_dates_are_valid (CvnBrokerDialog *self)
{
  const char *start = gtk_editable_get_text (GTK_EDITABLE (self->start_row));
  const char *end = gtk_editable_get_text (GTK_EDITABLE (self->end_row));

  return cvn_date_is_valid (start) && cvn_date_is_valid (end)
         && (*start == '\0' || *end == '\0' || strcmp (start, end) <= 0);
}

static void
validate_cb (CvnBrokerDialog *self)
{
  const char *start = gtk_editable_get_text (GTK_EDITABLE (self->start_row));
  const char *end = gtk_editable_get_text (GTK_EDITABLE (self->end_row));
  gboolean end_ok = cvn_date_is_valid (end)
                    && (*start == '\0' || *end == '\0' || !cvn_date_is_valid (start)
                        || strcmp (start, end) <= 0);

  if (cvn_date_is_valid (start))
    gtk_widget_remove_css_class (GTK_WIDGET (self->start_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->start_row), "error");
  if (end_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->end_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->end_row), "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->record_button), form_dates_are_valid (self));
}

static void
show_candidates (CvnBrokerDialog *self)
{
  self->chosen = -1;
  gtk_stack_set_visible_child_name (self->stack,
                                    self->candidates->len > 0 ? "candidates" : "none");
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->record_button), FALSE);
}

static void
back_clicked_cb (CvnBrokerDialog *self)
{
  show_candidates (self);
}

static void
candidate_activated_cb (CvnBrokerDialog *self,
                        GtkListBoxRow   *row)
{
  cvn_broker_dialog_choose (self, (guint) gtk_list_box_row_get_index (row));
}

static void
show_engagements_cb (AdwToast  *toast,
                     CvnWindow *window)
{
  cvn_window_show_page (window, "engagements");
}

static void
record_clicked_cb (CvnBrokerDialog *self)
{
  g_autoptr (GError) error = NULL;
  const CvnBrokerageCandidate *candidate;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (cvn_broker_dialog_commit (self, &error) == 0)
    {
      cvn_error_dialog_present (GTK_WINDOW (self), NULL, _("Could Not Record the Support"),
                                error);
      return;
    }

  candidate = g_ptr_array_index (self->candidates, self->chosen);
  message = g_strdup_printf (_("Support from %s proposed"), candidate->provider_name);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Show"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (show_engagements_cb),
                           self->window, 0);
  cvn_window_add_toast (self->window, toast);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Building ------------------------------------------------------------------------------- */

static GtkWidget *
create_candidate_row (const CvnBrokerageCandidate *candidate)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *rank = g_strdup_printf ("%u", candidate->rank);
  GtkWidget *rank_label = gtk_label_new (rank);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), candidate->provider_name);
  /* Names and reasons come from the document, not from markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), candidate->reason);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  gtk_widget_add_css_class (rank_label, "numeric");
  gtk_widget_add_css_class (rank_label, "dim-label");
  gtk_label_set_width_chars (GTK_LABEL (rank_label), 2);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), rank_label);

  if (candidate->conflict)
    {
      GtkWidget *warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      g_autofree char *tooltip = g_strdup_printf (
        _("Possible conflict of interest: %s as the school being supported"),
        candidate->conflict_reason != NULL ? candidate->conflict_reason : _("connected"));

      gtk_widget_add_css_class (warning, "warning");
      gtk_widget_set_tooltip_text (warning, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (warning),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), warning);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  return row;
}

static void
describe_need (CvnBrokerDialog *self,
               CvnSnapshot     *snapshot,
               gint64           school_id,
               gint64           area_id)
{
  const CvnEstablishment *school;
  const CvnExpertiseArea *area;
  g_autofree char *text = NULL;

  /* A need held by a person is met at their school, which is what the candidates say too. */
  for (guint i = 0; self->need_entry_id != 0 && i < snapshot->directory_entries->len; i++)
    {
      const CvnDirectoryEntry *entry = &g_array_index (snapshot->directory_entries,
                                                       CvnDirectoryEntry, i);

      if (entry->id == self->need_entry_id)
        {
          school_id = cvn_directory_holder_establishment (snapshot, entry->holder_kind,
                                                          entry->holder_id);
          area_id = entry->area_id;
        }
    }
  school = cvn_snapshot_find_establishment (snapshot, school_id);
  area = cvn_snapshot_find_expertise_area (snapshot, area_id);
  text = g_strdup_printf (_("Support for %s in %s"), school != NULL ? school->name : _("a school"),
                          area != NULL ? area->name : _("an area"));
  gtk_label_set_text (self->need_label, text);
}

/* GObject -------------------------------------------------------------------------------- */

static void
cvn_broker_dialog_dispose (GObject *object)
{
  CvnBrokerDialog *self = CVN_BROKER_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CVN_TYPE_BROKER_DIALOG);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (cvn_broker_dialog_parent_class)->dispose (object);
}

static void
cvn_broker_dialog_finalize (GObject *object)
{
  CvnBrokerDialog *self = CVN_BROKER_DIALOG (object);

  g_clear_pointer (&self->candidates, g_ptr_array_unref);

  G_OBJECT_CLASS (cvn_broker_dialog_parent_class)->finalize (object);
}

static void
cvn_broker_dialog_class_init (CvnBrokerDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cvn_broker_dialog_dispose;
  object_class->finalize = cvn_broker_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/convenor/Convenor/cvn-broker-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CvnBrokerDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CvnBrokerDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, CvnBrokerDialog, record_button);
  gtk_widget_class_bind_template_child (widget_class, CvnBrokerDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CvnBrokerDialog, need_label);
  gtk_widget_class_bind_template_child (widget_class, CvnBrokerDialog, candidate_list);
  gtk_widget_class_bind_template_child (widget_class, CvnBrokerDialog, none_page);
  gtk_widget_class_bind_template_child (widget_class, CvnBrokerDialog, form_group);
  gtk_widget_class_bind_template_child (widget_class, CvnBrokerDialog, days_spin);
  gtk_widget_class_bind_template_child (widget_class, CvnBrokerDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, CvnBrokerDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, CvnBrokerDialog, broker_row);
  gtk_widget_class_bind_template_child (widget_class, CvnBrokerDialog, criteria_row);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, record_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, candidate_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, validate_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cvn_broker_dialog_init (CvnBrokerDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->chosen = -1;
}

/* Public --------------------------------------------------------------------------------- */

CvnBrokerDialog *
cvn_broker_dialog_new (CvnWindow *window,
                       gint64     need_entry_id,
                       gint64     school_id,
                       gint64     area_id)
{
  CvnBrokerDialog *self;
  CvnSnapshot *snapshot;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (CVN_IS_WINDOW (window), NULL);
  g_return_val_if_fail (need_entry_id != 0 || (school_id != 0 && area_id != 0), NULL);

  snapshot = cvn_window_get_snapshot (window);
  g_return_val_if_fail (snapshot != NULL, NULL);

  self = g_object_new (CVN_TYPE_BROKER_DIALOG,
                       "transient-for", window,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->window = window;
  self->document = g_object_ref (cvn_window_get_document (window));
  self->need_entry_id = need_entry_id;
  describe_need (self, snapshot, school_id, area_id);

  self->candidates = cvn_brokerage_rank (snapshot, need_entry_id, school_id, area_id, NULL,
                                         &error);
  if (self->candidates == NULL)
    {
      self->candidates = g_ptr_array_new_with_free_func (
        (GDestroyNotify) cvn_brokerage_candidate_free);
      adw_status_page_set_title (self->none_page, _("Cannot Look for Support"));
      adw_status_page_set_description (self->none_page, error->message);
    }
  else
    adw_status_page_set_description (
      self->none_page,
      _("Nobody in the document has days left in this area. Record more strengths in the "
        "directory, or look beyond the partnership."));

  for (guint i = 0; i < self->candidates->len; i++)
    gtk_list_box_append (self->candidate_list,
                         create_candidate_row (g_ptr_array_index (self->candidates, i)));
  show_candidates (self);
  return self;
}

guint
cvn_broker_dialog_get_n_candidates (CvnBrokerDialog *self)
{
  g_return_val_if_fail (CVN_IS_BROKER_DIALOG (self), 0);

  return self->candidates->len;
}

const CvnBrokerageCandidate *
cvn_broker_dialog_get_candidate (CvnBrokerDialog *self,
                                 guint            index)
{
  g_return_val_if_fail (CVN_IS_BROKER_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->candidates->len, NULL);

  return g_ptr_array_index (self->candidates, index);
}

void
cvn_broker_dialog_choose (CvnBrokerDialog *self,
                          guint            index)
{
  const CvnBrokerageCandidate *candidate;
  g_autofree char *description = NULL;
  g_autofree char *days = NULL;

  g_return_if_fail (CVN_IS_BROKER_DIALOG (self));
  g_return_if_fail (index < self->candidates->len);

  candidate = g_ptr_array_index (self->candidates, index);
  self->chosen = (int) index;

  days = g_strdup_printf ("%g", candidate->remaining_days);
  description = g_strdup_printf (_("From %s, with %s days left in this area."),
                                 candidate->provider_name, days);
  adw_preferences_group_set_description (self->form_group, description);
  /* Offer what is left, up to a typical half-term's worth; the user can ask for more. */
  gtk_spin_button_set_value (self->days_spin,
                             MAX (0.5, MIN (candidate->remaining_days, 5.0)));
  gtk_stack_set_visible_child_name (self->stack, "form");
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->record_button), TRUE);
  validate_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->days_spin));
}

void
cvn_broker_dialog_set_form (CvnBrokerDialog *self,
                            double           days,
                            const char      *broker,
                            const char      *start_date,
                            const char      *end_date,
                            const char      *success_criteria)
{
  g_return_if_fail (CVN_IS_BROKER_DIALOG (self));

  if (days > 0)
    gtk_spin_button_set_value (self->days_spin, days);
  if (broker != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->broker_row), broker);
  if (start_date != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->start_row), start_date);
  if (end_date != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->end_row), end_date);
  if (success_criteria != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->criteria_row), success_criteria);
}

gint64
cvn_broker_dialog_commit (CvnBrokerDialog  *self,
                          GError          **error)
{
  const CvnBrokerageCandidate *candidate;
  g_autofree char *broker = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *criteria = NULL;

  g_return_val_if_fail (CVN_IS_BROKER_DIALOG (self), 0);
  g_return_val_if_fail (self->chosen >= 0, 0);

  candidate = g_ptr_array_index (self->candidates, self->chosen);
  broker = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->broker_row))));
  start = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->start_row))));
  end = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->end_row))));
  criteria = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->criteria_row))));
  gtk_spin_button_update (self->days_spin);

  return cvn_brokerage_record (self->document, candidate, self->need_entry_id,
                               gtk_spin_button_get_value (self->days_spin), broker, start, end,
                               criteria, error);
}
