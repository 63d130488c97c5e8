/* cvn-designation-dialog.c
 *
 * Designations change over time (teaching schools gave way to teaching school hubs in 2021;
 * the first NLE accreditations ended in 2022), so a designation carries from and until dates
 * and the list of types is the document's own, which the dialog can add to. The dialog copies
 * what it needs from a snapshot when it opens, so that it keeps working while the document
 * changes underneath it; the store checks the choices again when it commits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-designation-dialog"

#include "config.h"

#include "cvn-designation-dialog.h"

#include "cvn-directory.h"
#include "cvn-error-dialog.h"
#include "cvn-store.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

struct _CvnDesignationDialog
{
  AdwWindow       parent_instance;

  /* Template widgets */
  GtkButton      *save_button;
  AdwComboRow    *type_row;
  AdwEntryRow    *from_row;
  AdwEntryRow    *until_row;
  AdwExpanderRow *new_type_row;
  AdwEntryRow    *code_row;
  AdwEntryRow    *name_row;
  GtkSwitch      *for_schools_switch;
  GtkSwitch      *system_leader_switch;

  CvnDocument    *document;
  CvnObjectKind   holder_kind;
  gint64          holder_id;
  char           *holder_name;
  gint64          designation_id;
  GArray         *type_ids;     /* gint64, parallel to the type row */
  GPtrArray      *type_codes;   /* char *, parallel to the type row */
  GPtrArray      *all_codes;    /* char *, every type of the document, casefolded */
  GtkStringList  *type_list;
};

G_DEFINE_FINAL_TYPE (CvnDesignationDialog, cvn_designation_dialog, ADW_TYPE_WINDOW)

/* Validation ----------------------------------------------------------------------------- */

static gboolean
check_date (const char  *date,
            GError     **error)
{
  if (cvn_date_is_valid (date))
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("“%s” is not a date of the form YYYY-MM-DD, such as 2025-03-14."), date);
  return FALSE;
}

static gboolean
form_is_valid (CvnDesignationDialog *self,
               GError              **error)
{
  const char *from = gtk_editable_get_text (GTK_EDITABLE (self->from_row));
  const char *until = gtk_editable_get_text (GTK_EDITABLE (self->until_row));

  if (adw_combo_row_get_selected (self->type_row) >= self->type_ids->len)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Choose a designation; add a new type below if the list lacks "
                             "it."));
      return FALSE;
    }
  if (!check_date (from, error) || !check_date (until, error))
    return FALSE;
  if (*from != '\0' && *until != '\0' && strcmp (from, until) > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The designation cannot end (%s) before it begins (%s)."), until, from);
      return FALSE;
    }
  return TRUE;
}

static void
mark_date_row (AdwEntryRow *row)
{
  if (cvn_date_is_valid (gtk_editable_get_text (GTK_EDITABLE (row))))
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
}

static void
validate_cb (CvnDesignationDialog *self)
{
  /* Signals from the template may arrive before the arrays exist. */
  if (self->type_ids == NULL)
    return;
  mark_date_row (self->from_row);
  mark_date_row (self->until_row);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), form_is_valid (self, NULL));
}

/* Signals -------------------------------------------------------------------------------- */

static void
save_clicked_cb (CvnDesignationDialog *self)
{
  g_autoptr (GError) error = NULL;

  if (cvn_designation_dialog_commit (self, &error) == 0)
    {
      cvn_error_dialog_present (GTK_WINDOW (self), NULL,
                                self->designation_id == 0 ? _("Could Not Add the Designation")
                                                          : _("Could Not Save the Designation"),
                                error);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
add_type_clicked_cb (CvnDesignationDialog *self)
{
  g_autoptr (GError) error = NULL;

  if (cvn_designation_dialog_add_type (self,
                                       gtk_editable_get_text (GTK_EDITABLE (self->code_row)),
                                       gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                                       gtk_switch_get_active (self->for_schools_switch),
                                       gtk_switch_get_active (self->system_leader_switch),
                                       &error) == 0)
    {
      cvn_error_dialog_present (GTK_WINDOW (self), NULL, _("Could Not Add the Type"), error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->code_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  adw_expander_row_set_expanded (self->new_type_row, FALSE);
}

/* Choices -------------------------------------------------------------------------------- */

static char *
type_title (const char *code,
            const char *name)
{
  if (name != NULL && *name != '\0' && g_strcmp0 (name, code) != 0)
    /* TRANSLATORS: a designation and its code, as in "Local leader of education (LLE)". */
    return g_strdup_printf (_("%s (%s)"), name, code);
  return g_strdup (code);
}

static void
offer_type (CvnDesignationDialog *self,
            gint64                id,
            const char           *code,
            const char           *name)
{
  g_autofree char *title = type_title (code, name);

  g_array_append_val (self->type_ids, id);
  g_ptr_array_add (self->type_codes, g_strdup (code));
  gtk_string_list_append (self->type_list, title);
}

static void
fill_choices (CvnDesignationDialog *self,
              CvnSnapshot          *snapshot,
              gint64                current_type_id)
{
  gboolean for_schools = self->holder_kind == CVN_OBJECT_ESTABLISHMENT;

  for (guint i = 0; i < snapshot->designation_types->len; i++)
    {
      const CvnDesignationType *type = &g_array_index (snapshot->designation_types,
                                                       CvnDesignationType, i);

      g_ptr_array_add (self->all_codes, g_utf8_casefold (type->code, -1));
      /* A school holds a hub designation, a person an NLE: each is offered only the types
       * it can hold, except the one an existing designation already has. */
      if ((!type->for_schools) == (!for_schools) || type->id == current_type_id)
        offer_type (self, type->id, type->code, type->name);
    }
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (self->type_list));
}

/* GObject -------------------------------------------------------------------------------- */

static void
cvn_designation_dialog_dispose (GObject *object)
{
  CvnDesignationDialog *self = CVN_DESIGNATION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CVN_TYPE_DESIGNATION_DIALOG);
  g_clear_object (&self->document);
  g_clear_object (&self->type_list);

  G_OBJECT_CLASS (cvn_designation_dialog_parent_class)->dispose (object);
}

static void
cvn_designation_dialog_finalize (GObject *object)
{
  CvnDesignationDialog *self = CVN_DESIGNATION_DIALOG (object);

  g_clear_pointer (&self->type_ids, g_array_unref);
  g_clear_pointer (&self->type_codes, g_ptr_array_unref);
  g_clear_pointer (&self->all_codes, g_ptr_array_unref);
  g_free (self->holder_name);

  G_OBJECT_CLASS (cvn_designation_dialog_parent_class)->finalize (object);
}

static void
cvn_designation_dialog_class_init (CvnDesignationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cvn_designation_dialog_dispose;
  object_class->finalize = cvn_designation_dialog_finalize;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/convenor/Convenor/cvn-designation-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CvnDesignationDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, CvnDesignationDialog, type_row);
  gtk_widget_class_bind_template_child (widget_class, CvnDesignationDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, CvnDesignationDialog, until_row);
  gtk_widget_class_bind_template_child (widget_class, CvnDesignationDialog, new_type_row);
  gtk_widget_class_bind_template_child (widget_class, CvnDesignationDialog, code_row);
  gtk_widget_class_bind_template_child (widget_class, CvnDesignationDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, CvnDesignationDialog, for_schools_switch);
  gtk_widget_class_bind_template_child (widget_class, CvnDesignationDialog,
                                        system_leader_switch);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_type_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, validate_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cvn_designation_dialog_init (CvnDesignationDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->type_list = gtk_string_list_new (NULL);
  self->type_codes = g_ptr_array_new_with_free_func (g_free);
  self->all_codes = g_ptr_array_new_with_free_func (g_free);
  self->type_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/* Public --------------------------------------------------------------------------------- */

static const CvnDesignation *
find_designation (CvnSnapshot *snapshot,
                  gint64       designation_id)
{
  for (guint i = 0; i < snapshot->designations->len; i++)
    {
      const CvnDesignation *designation = &g_array_index (snapshot->designations,
                                                          CvnDesignation, i);

      if (designation->id == designation_id)
        return designation;
    }
  return NULL;
}

CvnDesignationDialog *
cvn_designation_dialog_new (GtkWindow     *parent,
                            CvnDocument   *document,
                            CvnSnapshot   *snapshot,
                            CvnObjectKind  holder_kind,
                            gint64         holder_id,
                            gint64         designation_id)
{
  CvnDesignationDialog *self;
  const CvnDesignation *existing = NULL;
  const char *holder_name;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CVN_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (snapshot != NULL, NULL);
  g_return_val_if_fail (holder_kind == CVN_OBJECT_ESTABLISHMENT
                        || holder_kind == CVN_OBJECT_PERSON, NULL);

  if (designation_id != 0)
    {
      existing = find_designation (snapshot, designation_id);
      g_return_val_if_fail (existing != NULL, NULL);
    }
  holder_name = cvn_snapshot_get_name (snapshot, holder_kind, holder_id);
  g_return_val_if_fail (holder_name != NULL, NULL);

  self = g_object_new (CVN_TYPE_DESIGNATION_DIALOG,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->document = g_object_ref (document);
  self->holder_kind = holder_kind;
  self->holder_id = holder_id;
  self->holder_name = g_strdup (holder_name);
  self->designation_id = designation_id;
  gtk_switch_set_active (self->for_schools_switch, holder_kind == CVN_OBJECT_ESTABLISHMENT);
  gtk_switch_set_active (self->system_leader_switch, holder_kind == CVN_OBJECT_PERSON);
  fill_choices (self, snapshot, existing != NULL ? existing->type_id : 0);

  if (existing != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Designation of %s"), holder_name);

      gtk_window_set_title (GTK_WINDOW (self), title);
      gtk_button_set_label (self->save_button, _("_Save"));
      cvn_designation_dialog_select_type (self, existing->type_id);
      cvn_designation_dialog_set_dates (self, existing->from_date, existing->until_date);
    }
  else
    {
      g_autofree char *title = g_strdup_printf (_("New Designation of %s"), holder_name);

      gtk_window_set_title (GTK_WINDOW (self), title);
      /* Nothing is chosen yet: the first type in the list is as likely wrong as right. */
      adw_combo_row_set_selected (self->type_row, GTK_INVALID_LIST_POSITION);
      cvn_designation_dialog_set_dates (self, snapshot->today, "");
    }
  validate_cb (self);
  return self;
}

guint
cvn_designation_dialog_get_n_types (CvnDesignationDialog *self)
{
  g_return_val_if_fail (CVN_IS_DESIGNATION_DIALOG (self), 0);

  return self->type_ids->len;
}

gboolean
cvn_designation_dialog_select_type (CvnDesignationDialog *self,
                                    gint64                type_id)
{
  g_return_val_if_fail (CVN_IS_DESIGNATION_DIALOG (self), FALSE);

  for (guint i = 0; i < self->type_ids->len; i++)
    if (g_array_index (self->type_ids, gint64, i) == type_id)
      {
        adw_combo_row_set_selected (self->type_row, i);
        return TRUE;
      }
  return FALSE;
}

void
cvn_designation_dialog_set_dates (CvnDesignationDialog *self,
                                  const char           *from_date,
                                  const char           *until_date)
{
  g_return_if_fail (CVN_IS_DESIGNATION_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->from_row), from_date != NULL ? from_date : "");
  gtk_editable_set_text (GTK_EDITABLE (self->until_row), until_date != NULL ? until_date : "");
  validate_cb (self);
}

/* Runs @designation through the store as one edit named @label: inserted when its id is 0,
 * updated otherwise, deleted with @delete. Returns its id, or 0 with @error set. */
static gint64
store_designation (CvnDocument          *document,
                   const char           *label,
                   const CvnDesignation *designation,
                   gboolean              delete,
                   GError              **error)
{
  gint64 id;

  if (!cvn_document_begin_edit (document, label, error))
    return 0;
  if (delete)
    id = cvn_store_delete (document, "designations", designation->id, error) ? designation->id
                                                                             : 0;
  else if (designation->id != 0)
    id = cvn_store_update_designation (document, designation, error) ? designation->id : 0;
  else
    id = cvn_store_insert_designation (document, designation, error);
  if (id == 0)
    {
      cvn_document_rollback_edit (document);
      return 0;
    }
  if (!cvn_document_commit_edit (document, error))
    return 0;
  return id;
}

gint64
cvn_designation_dialog_commit (CvnDesignationDialog  *self,
                               GError               **error)
{
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  g_autofree char *label = NULL;
  CvnDesignation designation = { 0 };
  const char *code;
  guint selected;

  g_return_val_if_fail (CVN_IS_DESIGNATION_DIALOG (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!form_is_valid (self, error))
    return 0;

  selected = adw_combo_row_get_selected (self->type_row);
  code = g_ptr_array_index (self->type_codes, selected);
  from = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->from_row))));
  until = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->until_row))));
  designation.id = self->designation_id;
  designation.type_id = g_array_index (self->type_ids, gint64, selected);
  if (self->holder_kind == CVN_OBJECT_PERSON)
    designation.person_id = self->holder_id;
  else
    designation.establishment_id = self->holder_id;
  designation.from_date = from;
  designation.until_date = until;

  if (self->designation_id != 0)
    /* TRANSLATORS: an undo step, as in "Edit Dates of NLE of Priya Shah". */
    label = g_strdup_printf (_("Edit Dates of %s of %s"), code, self->holder_name);
  else
    /* TRANSLATORS: an undo step, as in "Add NLE to Priya Shah". */
    label = g_strdup_printf (_("Add %s to %s"), code, self->holder_name);
  return store_designation (self->document, label, &designation, FALSE, error);
}

gint64
cvn_designation_dialog_add_type (CvnDesignationDialog  *self,
                                 const char            *code,
                                 const char            *name,
                                 gboolean               for_schools,
                                 gboolean               system_leader,
                                 GError               **error)
{
  g_autofree char *stripped_code = NULL;
  g_autofree char *stripped_name = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *label = NULL;
  CvnDesignationType type = { 0 };
  gint64 id;

  g_return_val_if_fail (CVN_IS_DESIGNATION_DIALOG (self), 0);
  g_return_val_if_fail (code != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  stripped_code = g_strstrip (g_strdup (code));
  stripped_name = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (*stripped_code == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Give the new designation type a code, such as NLE."));
      return 0;
    }
  folded = g_utf8_casefold (stripped_code, -1);
  for (guint i = 0; i < self->all_codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->all_codes, i), folded) == 0)
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                     _("The document already has a designation type %s."), stripped_code);
        return 0;
      }

  type.code = stripped_code;
  type.name = *stripped_name != '\0' ? stripped_name : stripped_code;
  type.for_schools = for_schools;
  type.system_leader = system_leader;
  /* TRANSLATORS: an undo step, as in "Add Designation Type SLE". */
  label = g_strdup_printf (_("Add Designation Type %s"), stripped_code);
  if (!cvn_document_begin_edit (self->document, label, error))
    return 0;
  id = cvn_store_insert_designation_type (self->document, &type, error);
  if (id == 0)
    {
      cvn_document_rollback_edit (self->document);
      return 0;
    }
  if (!cvn_document_commit_edit (self->document, error))
    return 0;

  g_ptr_array_add (self->all_codes, g_steal_pointer (&folded));
  /* A type this holder cannot hold is in the document's list now, but not offered here. */
  if ((!for_schools) == (self->holder_kind != CVN_OBJECT_ESTABLISHMENT))
    {
      g_autoptr (GtkStringList) list = gtk_string_list_new (NULL);

      /* The combo row is given a new list rather than having one added to the one it shows:
       * GTK 4.8's drop-down crashes when its model grows under a changed selection. */
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->type_list)); i++)
        gtk_string_list_append (list, gtk_string_list_get_string (self->type_list, i));
      g_set_object (&self->type_list, list);
      offer_type (self, id, type.code, type.name);
      adw_combo_row_set_model (self->type_row, G_LIST_MODEL (self->type_list));
      adw_combo_row_set_selected (self->type_row, self->type_ids->len - 1);
    }
  validate_cb (self);
  return id;
}

/* Ending and deleting -------------------------------------------------------------------- */

/* The day before @today (YYYY-MM-DD), in the same form. */
static char *
day_before (const char *today)
{
  g_autoptr (GDateTime) day = NULL;
  g_autoptr (GDateTime) before = NULL;
  int year, month, date;

  if (sscanf (today, "%4d-%2d-%2d", &year, &month, &date) != 3
      || (day = g_date_time_new_utc (year, month, date, 0, 0, 0)) == NULL)
    return g_strdup (today);
  before = g_date_time_add_days (day, -1);
  return g_date_time_format (before, "%Y-%m-%d");
}

/* Finds a designation and names it for an undo step: "LLE of Priya Shah". */
static const CvnDesignation *
describe_designation (CvnSnapshot  *snapshot,
                      gint64        designation_id,
                      char        **out_heading,
                      GError      **error)
{
  const CvnDesignation *designation = find_designation (snapshot, designation_id);
  const CvnDesignationType *type;
  const char *holder;

  if (designation == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no designation %" G_GINT64_FORMAT " in the document."),
                   designation_id);
      return NULL;
    }
  type = cvn_snapshot_find_designation_type (snapshot, designation->type_id);
  holder = designation->person_id != 0
             ? cvn_snapshot_get_name (snapshot, CVN_OBJECT_PERSON, designation->person_id)
             : cvn_snapshot_get_name (snapshot, CVN_OBJECT_ESTABLISHMENT,
                                      designation->establishment_id);
  /* TRANSLATORS: names a designation, as in "LLE of Priya Shah". */
  *out_heading = g_strdup_printf (_("%s of %s"), type != NULL ? type->code : _("Designation"),
                                  holder != NULL ? holder : "");
  return designation;
}

gboolean
cvn_designation_end (CvnDocument  *document,
                     CvnSnapshot  *snapshot,
                     gint64        designation_id,
                     GError      **error)
{
  g_autofree char *heading = NULL;
  g_autofree char *label = NULL;
  g_autofree char *yesterday = NULL;
  const CvnDesignation *designation;
  CvnDesignation ended;

  g_return_val_if_fail (CVN_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);

  designation = describe_designation (snapshot, designation_id, &heading, error);
  if (designation == NULL)
    return FALSE;
  if (cvn_designation_is_expired (designation, snapshot->today))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The designation %s has already ended."), heading);
      return FALSE;
    }

  /* TRANSLATORS: an undo step, as in "End LLE of Priya Shah". */
  label = g_strdup_printf (_("End %s"), heading);
  ended = *designation;
  /* Dates are inclusive, so the last day is yesterday; one that never took effect goes. */
  if (*designation->from_date != '\0' && strcmp (designation->from_date, snapshot->today) >= 0)
    return store_designation (document, label, designation, TRUE, error) != 0;
  yesterday = day_before (snapshot->today);
  ended.until_date = yesterday;
  return store_designation (document, label, &ended, FALSE, error) != 0;
}

gboolean
cvn_designation_delete (CvnDocument  *document,
                        CvnSnapshot  *snapshot,
                        gint64        designation_id,
                        GError      **error)
{
  g_autofree char *heading = NULL;
  g_autofree char *label = NULL;
  const CvnDesignation *designation;

  g_return_val_if_fail (CVN_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);

  designation = describe_designation (snapshot, designation_id, &heading, error);
  if (designation == NULL)
    return FALSE;
  /* TRANSLATORS: an undo step; the designation is erased, not ended. */
  label = g_strdup_printf (_("Delete %s"), heading);
  return store_designation (document, label, designation, TRUE, error) != 0;
}
