/* cvn-directory-entry-dialog.c
 *
 * The dialog copies what its choices need from the window's snapshot when it opens (schools
 * and people to hold the entry, the expertise areas), so that it keeps working while the
 * document changes underneath it; committing checks the choices again through the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-directory-entry-dialog"

#include "config.h"

#include "cvn-directory-entry-dialog.h"

#include "cvn-error-dialog.h"
#include "cvn-palette.h"
#include "cvn-store.h"

#include <glib/gi18n.h>

typedef struct
{
  CvnObjectKind kind;
  gint64        id;
  char         *name;
} Holder;

static const char * const priorities[] = { "", "high", "medium", "low" };

struct _CvnDirectoryEntryDialog
{
  AdwWindow       parent_instance;

  /* Template widgets */
  GtkButton      *save_button;
  AdwActionRow   *holder_row;
  GtkDropDown    *holder_dropdown;
  AdwComboRow    *area_row;
  AdwComboRow    *kind_row;
  AdwComboRow    *phase_row;
  AdwActionRow   *capacity_row;
  GtkSpinButton  *capacity_spin;
  AdwComboRow    *priority_row;
  AdwEntryRow    *evidence_row;
  AdwEntryRow    *notes_row;
  AdwComboRow    *qa_row;
  AdwEntryRow    *reviewer_row;
  AdwEntryRow    *reviewed_on_row;

  CvnDocument    *document;
  gint64          entry_id;
  char           *today;
  GArray         *holders;    /* Holder, parallel to the holder drop-down */
  GArray         *area_ids;   /* gint64, parallel to the area row */
  GPtrArray      *phases;     /* char *, parallel to the phase row; "" first */
  GtkStringList  *phase_list;
};

G_DEFINE_FINAL_TYPE (CvnDirectoryEntryDialog, cvn_directory_entry_dialog, ADW_TYPE_WINDOW)

static void
holder_clear (gpointer data)
{
  g_free (((Holder *) data)->name);
}

static gboolean
form_is_valid (CvnDirectoryEntryDialog *self,
               GError                 **error)
{
  const char *reviewed_on = gtk_editable_get_text (GTK_EDITABLE (self->reviewed_on_row));

  if (gtk_drop_down_get_selected (self->holder_dropdown) >= self->holders->len)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Choose the school or person the entry belongs to."));
      return FALSE;
    }
  if (adw_combo_row_get_selected (self->area_row) >= self->area_ids->len)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Choose an expertise area; add one from the directory’s menu "
                             "if there is none."));
      return FALSE;
    }
  if (!cvn_date_is_valid (reviewed_on))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a date of the form YYYY-MM-DD, such as 2025-03-14."),
                   reviewed_on);
      return FALSE;
    }
  return TRUE;
}

static void
validate_cb (CvnDirectoryEntryDialog *self)
{
  const char *reviewed_on = gtk_editable_get_text (GTK_EDITABLE (self->reviewed_on_row));

  if (cvn_date_is_valid (reviewed_on))
    gtk_widget_remove_css_class (GTK_WIDGET (self->reviewed_on_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->reviewed_on_row), "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), form_is_valid (self, NULL));
}

static void
kind_changed_cb (CvnDirectoryEntryDialog *self)
{
  gboolean need = adw_combo_row_get_selected (self->kind_row) == CVN_DIRECTORY_NEED;

  /* Strengths offer days; needs carry a priority. Each row shows only where it means
   * something. */
  gtk_widget_set_visible (GTK_WIDGET (self->capacity_row), !need);
  gtk_widget_set_visible (GTK_WIDGET (self->priority_row), need);
}

static void
today_clicked_cb (CvnDirectoryEntryDialog *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->reviewed_on_row), self->today);
}

static void
save_clicked_cb (CvnDirectoryEntryDialog *self)
{
  g_autoptr (GError) error = NULL;

  if (cvn_directory_entry_dialog_commit (self, &error) == 0)
    {
      cvn_error_dialog_present (GTK_WINDOW (self), NULL,
                                self->entry_id == 0 ? _("Could Not Add the Entry")
                                                    : _("Could Not Save the Entry"),
                                error);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Choices -------------------------------------------------------------------------------- */

static void
setup_holder_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* The button shows the chosen name cut short, so a long one does not widen the dialog. */
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_holder_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)),
                      gtk_string_object_get_string (item));
}

static void
fill_choices (CvnDirectoryEntryDialog *self,
              CvnSnapshot             *snapshot)
{
  g_autoptr (GtkStringList) holders = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) areas = gtk_string_list_new (NULL);
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  for (guint i = 0; i < snapshot->establishments->len; i++)
    {
      const CvnEstablishment *school = &g_array_index (snapshot->establishments,
                                                       CvnEstablishment, i);
      Holder holder = { CVN_OBJECT_ESTABLISHMENT, school->id, g_strdup (school->name) };

      g_array_append_val (self->holders, holder);
      gtk_string_list_append (holders, school->name);
    }
  for (guint i = 0; i < snapshot->people->len; i++)
    {
      const CvnPerson *person = &g_array_index (snapshot->people, CvnPerson, i);
      const CvnEstablishment *school = cvn_snapshot_find_establishment (snapshot,
                                                                        person->establishment_id);
      /* People are told apart from schools, and from each other, by their school. */
      g_autofree char *label = school != NULL
                                 ? g_strdup_printf (_("%s, %s"), person->name, school->name)
                                 : g_strdup_printf (_("%s (person)"), person->name);
      Holder holder = { CVN_OBJECT_PERSON, person->id, g_strdup (person->name) };

      g_array_append_val (self->holders, holder);
      gtk_string_list_append (holders, label);
    }
  gtk_drop_down_set_model (self->holder_dropdown, G_LIST_MODEL (holders));
  gtk_drop_down_set_expression (self->holder_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                             "string"));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_holder_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_holder_cb), NULL);
  gtk_drop_down_set_factory (self->holder_dropdown, factory);

  for (guint i = 0; i < snapshot->expertise_areas->len; i++)
    {
      const CvnExpertiseArea *area = &g_array_index (snapshot->expertise_areas,
                                                     CvnExpertiseArea, i);

      g_array_append_val (self->area_ids, area->id);
      gtk_string_list_append (areas, area->name);
    }
  adw_combo_row_set_model (self->area_row, G_LIST_MODEL (areas));

  self->phase_list = gtk_string_list_new (NULL);
  g_ptr_array_add (self->phases, g_strdup (""));
  gtk_string_list_append (self->phase_list, _("Not specified"));
  for (guint i = 0; cvn_palette_phases[i] != NULL; i++)
    {
      g_ptr_array_add (self->phases, g_strdup (cvn_palette_phases[i]));
      gtk_string_list_append (self->phase_list, cvn_palette_phase_label (cvn_palette_phases[i]));
    }
  adw_combo_row_set_model (self->phase_row, G_LIST_MODEL (self->phase_list));
}

static guint
find_phase (CvnDirectoryEntryDialog *self,
            const char              *phase)
{
  for (guint i = 0; i < self->phases->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->phases, i), phase) == 0)
      return i;

  /* A phase the list does not know (an imported "middle deemed secondary") is kept as it is,
   * offered as one more choice. */
  g_ptr_array_add (self->phases, g_strdup (phase));
  gtk_string_list_append (self->phase_list, phase);
  return self->phases->len - 1;
}

/* GObject -------------------------------------------------------------------------------- */

static void
cvn_directory_entry_dialog_dispose (GObject *object)
{
  CvnDirectoryEntryDialog *self = CVN_DIRECTORY_ENTRY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CVN_TYPE_DIRECTORY_ENTRY_DIALOG);
  g_clear_object (&self->document);
  g_clear_object (&self->phase_list);

  G_OBJECT_CLASS (cvn_directory_entry_dialog_parent_class)->dispose (object);
}

static void
cvn_directory_entry_dialog_finalize (GObject *object)
{
  CvnDirectoryEntryDialog *self = CVN_DIRECTORY_ENTRY_DIALOG (object);

  g_clear_pointer (&self->holders, g_array_unref);
  g_clear_pointer (&self->area_ids, g_array_unref);
  g_clear_pointer (&self->phases, g_ptr_array_unref);
  g_free (self->today);

  G_OBJECT_CLASS (cvn_directory_entry_dialog_parent_class)->finalize (object);
}

static void
cvn_directory_entry_dialog_class_init (CvnDirectoryEntryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cvn_directory_entry_dialog_dispose;
  object_class->finalize = cvn_directory_entry_dialog_finalize;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/convenor/Convenor/cvn-directory-entry-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CvnDirectoryEntryDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, CvnDirectoryEntryDialog, holder_row);
  gtk_widget_class_bind_template_child (widget_class, CvnDirectoryEntryDialog, holder_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CvnDirectoryEntryDialog, area_row);
  gtk_widget_class_bind_template_child (widget_class, CvnDirectoryEntryDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CvnDirectoryEntryDialog, phase_row);
  gtk_widget_class_bind_template_child (widget_class, CvnDirectoryEntryDialog, capacity_row);
  gtk_widget_class_bind_template_child (widget_class, CvnDirectoryEntryDialog, capacity_spin);
  gtk_widget_class_bind_template_child (widget_class, CvnDirectoryEntryDialog, priority_row);
  gtk_widget_class_bind_template_child (widget_class, CvnDirectoryEntryDialog, evidence_row);
  gtk_widget_class_bind_template_child (widget_class, CvnDirectoryEntryDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, CvnDirectoryEntryDialog, qa_row);
  gtk_widget_class_bind_template_child (widget_class, CvnDirectoryEntryDialog, reviewer_row);
  gtk_widget_class_bind_template_child (widget_class, CvnDirectoryEntryDialog, reviewed_on_row);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, validate_cb);
  gtk_widget_class_bind_template_callback (widget_class, today_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cvn_directory_entry_dialog_init (CvnDirectoryEntryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->holders = g_array_new (FALSE, TRUE, sizeof (Holder));
  g_array_set_clear_func (self->holders, holder_clear);
  self->area_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->phases = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect_object (self->holder_dropdown, "notify::selected", G_CALLBACK (validate_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->area_row, "notify::selected", G_CALLBACK (validate_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Public --------------------------------------------------------------------------------- */

CvnDirectoryEntryDialog *
cvn_directory_entry_dialog_new (CvnWindow *window,
                                gint64     entry_id)
{
  CvnDirectoryEntryDialog *self;
  CvnSnapshot *snapshot;
  const CvnDirectoryEntry *existing = NULL;

  g_return_val_if_fail (CVN_IS_WINDOW (window), NULL);

  snapshot = cvn_window_get_snapshot (window);
  g_return_val_if_fail (snapshot != NULL, NULL);

  self = g_object_new (CVN_TYPE_DIRECTORY_ENTRY_DIALOG,
                       "transient-for", window,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->document = g_object_ref (cvn_window_get_document (window));
  self->today = g_strdup (snapshot->today);
  fill_choices (self, snapshot);

  for (guint i = 0; entry_id != 0 && i < snapshot->directory_entries->len; i++)
    if (g_array_index (snapshot->directory_entries, CvnDirectoryEntry, i).id == entry_id)
      existing = &g_array_index (snapshot->directory_entries, CvnDirectoryEntry, i);
  g_return_val_if_fail (entry_id == 0 || existing != NULL, self);

  if (existing != NULL)
    {
      self->entry_id = entry_id;
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Directory Entry"));
      gtk_button_set_label (self->save_button, _("_Save"));
      cvn_directory_entry_dialog_set_entry (self, existing);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Directory Entry"));
      /* Nothing is chosen yet: the first school in the list is as likely wrong as right. */
      gtk_drop_down_set_selected (self->holder_dropdown, GTK_INVALID_LIST_POSITION);
      adw_combo_row_set_selected (self->kind_row, CVN_DIRECTORY_STRENGTH);
      kind_changed_cb (self);
      validate_cb (self);
    }
  return self;
}

void
cvn_directory_entry_dialog_set_entry (CvnDirectoryEntryDialog *self,
                                      const CvnDirectoryEntry *entry)
{
  guint holder = GTK_INVALID_LIST_POSITION;
  guint area = GTK_INVALID_LIST_POSITION;
  guint priority = 0;

  g_return_if_fail (CVN_IS_DIRECTORY_ENTRY_DIALOG (self));
  g_return_if_fail (entry != NULL);

  for (guint i = 0; i < self->holders->len; i++)
    {
      const Holder *candidate = &g_array_index (self->holders, Holder, i);

      if (candidate->kind == entry->holder_kind && candidate->id == entry->holder_id)
        holder = i;
    }
  for (guint i = 0; i < self->area_ids->len; i++)
    if (g_array_index (self->area_ids, gint64, i) == entry->area_id)
      area = i;
  for (guint i = 0; i < G_N_ELEMENTS (priorities); i++)
    if (g_strcmp0 (priorities[i], entry->priority) == 0)
      priority = i;

  gtk_drop_down_set_selected (self->holder_dropdown, holder);
  adw_combo_row_set_selected (self->area_row, area);
  adw_combo_row_set_selected (self->kind_row, entry->kind);
  adw_combo_row_set_selected (self->phase_row,
                              find_phase (self, entry->phase != NULL ? entry->phase : ""));
  gtk_spin_button_set_value (self->capacity_spin, entry->capacity_days);
  adw_combo_row_set_selected (self->priority_row, priority);
  gtk_editable_set_text (GTK_EDITABLE (self->evidence_row),
                         entry->evidence != NULL ? entry->evidence : "");
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row), entry->notes != NULL ? entry->notes : "");
  adw_combo_row_set_selected (self->qa_row, entry->qa_status);
  gtk_editable_set_text (GTK_EDITABLE (self->reviewer_row),
                         entry->reviewer != NULL ? entry->reviewer : "");
  gtk_editable_set_text (GTK_EDITABLE (self->reviewed_on_row),
                         entry->reviewed_on != NULL ? entry->reviewed_on : "");
  kind_changed_cb (self);
  validate_cb (self);
}

static char *
dup_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

void
cvn_directory_entry_dialog_get_entry (CvnDirectoryEntryDialog *self,
                                      CvnDirectoryEntry       *entry)
{
  guint holder, area, phase, priority, qa;

  g_return_if_fail (CVN_IS_DIRECTORY_ENTRY_DIALOG (self));
  g_return_if_fail (entry != NULL);

  holder = gtk_drop_down_get_selected (self->holder_dropdown);
  area = adw_combo_row_get_selected (self->area_row);
  phase = adw_combo_row_get_selected (self->phase_row);
  priority = adw_combo_row_get_selected (self->priority_row);
  qa = adw_combo_row_get_selected (self->qa_row);

  *entry = (CvnDirectoryEntry) { 0 };
  entry->id = self->entry_id;
  if (holder < self->holders->len)
    {
      entry->holder_kind = g_array_index (self->holders, Holder, holder).kind;
      entry->holder_id = g_array_index (self->holders, Holder, holder).id;
    }
  entry->area_id = area < self->area_ids->len ? g_array_index (self->area_ids, gint64, area) : 0;
  entry->kind = adw_combo_row_get_selected (self->kind_row) == CVN_DIRECTORY_NEED
                  ? CVN_DIRECTORY_NEED : CVN_DIRECTORY_STRENGTH;
  entry->evidence = dup_text (self->evidence_row);
  /* A need offers no days and a strength has no priority, whatever the hidden rows hold. */
  entry->capacity_days = entry->kind == CVN_DIRECTORY_STRENGTH
                           ? gtk_spin_button_get_value (self->capacity_spin) : 0;
  entry->phase = g_strdup (phase < self->phases->len ? g_ptr_array_index (self->phases, phase)
                                                     : "");
  entry->priority = g_strdup (entry->kind == CVN_DIRECTORY_NEED
                              && priority < G_N_ELEMENTS (priorities) ? priorities[priority]
                                                                      : "");
  entry->notes = dup_text (self->notes_row);
  entry->qa_status = qa < CVN_N_QA_STATUSES ? (CvnQaStatus) qa : CVN_QA_SELF_DECLARED;
  entry->reviewer = dup_text (self->reviewer_row);
  entry->reviewed_on = dup_text (self->reviewed_on_row);
}

gint64
cvn_directory_entry_dialog_commit (CvnDirectoryEntryDialog  *self,
                                   GError                  **error)
{
  CvnDirectoryEntry entry;
  g_autofree char *label = NULL;
  const Holder *holder;
  gint64 id;

  g_return_val_if_fail (CVN_IS_DIRECTORY_ENTRY_DIALOG (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!form_is_valid (self, error))
    return 0;

  cvn_directory_entry_dialog_get_entry (self, &entry);
  holder = &g_array_index (self->holders, Holder,
                           gtk_drop_down_get_selected (self->holder_dropdown));
  if (self->entry_id != 0)
    label = g_strdup_printf (_("Edit Directory Entry of %s"), holder->name);
  else if (entry.kind == CVN_DIRECTORY_NEED)
    label = g_strdup_printf (_("Add Need of %s"), holder->name);
  else
    label = g_strdup_printf (_("Add Strength of %s"), holder->name);

  if (!cvn_document_begin_edit (self->document, label, error))
    {
      cvn_directory_entry_clear (&entry);
      return 0;
    }
  if (self->entry_id != 0)
    id = cvn_store_update_directory_entry (self->document, &entry, error) ? self->entry_id : 0;
  else
    id = cvn_store_insert_directory_entry (self->document, &entry, error);
  cvn_directory_entry_clear (&entry);
  if (id == 0)
    {
      cvn_document_rollback_edit (self->document);
      return 0;
    }
  if (!cvn_document_commit_edit (self->document, error))
    return 0;
  return id;
}
