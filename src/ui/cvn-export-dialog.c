/* cvn-export-dialog.c — exporting a view to PDF, SVG or PNG.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-export-dialog"

#include "config.h"

#include "cvn-export-dialog.h"
#include "cvn-error-dialog.h"
#include "cvn-snapshot.h"
#include "cvn-window.h"

#include <glib/gi18n.h>

struct _CvnExportDialog
{
  AdwWindow             parent_instance;

  CvnDocument          *document;
  GArray               *group_ids;    /* gint64 per row of group_row; 0 for the whole document */
  GtkFileChooserNative *chooser;

  AdwComboRow          *view_row;
  AdwComboRow          *group_row;
  GtkSwitch            *hide_people_switch;
  AdwComboRow          *format_row;
  AdwComboRow          *paper_row;
  AdwComboRow          *orientation_row;
  GtkSpinButton        *columns_spin;
  GtkSpinButton        *rows_spin;
  AdwActionRow         *resolution_row;
  GtkSpinButton        *resolution_spin;
};

G_DEFINE_FINAL_TYPE (CvnExportDialog, cvn_export_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

enum
{
  EXPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const format_extensions[] = { ".pdf", ".svg", ".png" };

static void
format_changed_cb (CvnExportDialog *self)
{
  gboolean png = adw_combo_row_get_selected (self->format_row) == CVN_EXPORT_PNG;

  gtk_widget_set_sensitive (GTK_WIDGET (self->resolution_row), png);
}

/* The rows of the Part list: the whole document, then every group in the snapshot's order
 * (board, alliances, clusters, then the cross-cutting groups). */
static void
fill_groups (CvnExportDialog *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (CvnSnapshot) snapshot = NULL;
  g_autoptr (GError) error = NULL;
  gint64 whole = 0;

  g_array_set_size (self->group_ids, 0);
  gtk_string_list_append (names, _("Whole document"));
  g_array_append_val (self->group_ids, whole);
  snapshot = cvn_snapshot_load (self->document, &error);
  if (snapshot == NULL)
    g_warning ("Listing the groups of %s: %s", cvn_document_get_path (self->document),
               error->message);
  for (guint i = 0; snapshot != NULL && i < snapshot->groups->len; i++)
    {
      const CvnGroup *group = &g_array_index (snapshot->groups, CvnGroup, i);

      gtk_string_list_append (names, group->name);
      g_array_append_val (self->group_ids, group->id);
    }
  adw_combo_row_set_model (self->group_row, G_LIST_MODEL (names));
}

void
cvn_export_dialog_get_options (CvnExportDialog  *self,
                               CvnExportOptions *options,
                               CvnExportFormat  *format)
{
  guint group;

  g_return_if_fail (CVN_IS_EXPORT_DIALOG (self));

  if (options != NULL)
    {
      cvn_export_options_init (options);
      options->view = (CvnView) MIN (adw_combo_row_get_selected (self->view_row),
                                     CVN_N_VIEWS - 1);
      group = adw_combo_row_get_selected (self->group_row);
      options->group_id = group < self->group_ids->len
                            ? g_array_index (self->group_ids, gint64, group) : 0;
      options->hide_people = gtk_switch_get_active (self->hide_people_switch);
      options->paper = adw_combo_row_get_selected (self->paper_row) == 1 ? CVN_PAPER_A3
                                                                          : CVN_PAPER_A4;
      options->landscape = adw_combo_row_get_selected (self->orientation_row) == 1;
      options->columns = (guint) gtk_spin_button_get_value_as_int (self->columns_spin);
      options->rows = (guint) gtk_spin_button_get_value_as_int (self->rows_spin);
      options->dpi = gtk_spin_button_get_value (self->resolution_spin);
    }
  if (format != NULL)
    *format = (CvnExportFormat) MIN (adw_combo_row_get_selected (self->format_row),
                                     CVN_EXPORT_PNG);
}

void
cvn_export_dialog_set_options (CvnExportDialog        *self,
                               const CvnExportOptions *options,
                               CvnExportFormat         format)
{
  guint group = 0;

  g_return_if_fail (CVN_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  for (guint i = 0; i < self->group_ids->len; i++)
    if (g_array_index (self->group_ids, gint64, i) == options->group_id)
      group = i;
  adw_combo_row_set_selected (self->view_row, options->view);
  adw_combo_row_set_selected (self->group_row, group);
  gtk_switch_set_active (self->hide_people_switch, options->hide_people);
  adw_combo_row_set_selected (self->format_row, format);
  adw_combo_row_set_selected (self->paper_row, options->paper == CVN_PAPER_A3 ? 1 : 0);
  adw_combo_row_set_selected (self->orientation_row, options->landscape ? 1 : 0);
  gtk_spin_button_set_value (self->columns_spin, options->columns);
  gtk_spin_button_set_value (self->rows_spin, options->rows);
  gtk_spin_button_set_value (self->resolution_spin, options->dpi);
  format_changed_cb (self);
}

char *
cvn_export_dialog_dup_suggested_name (CvnExportDialog *self)
{
  g_autofree char *title = NULL;
  g_autofree char *view = NULL;
  const char *group_name = NULL;
  CvnExportOptions options;
  CvnExportFormat format;
  guint group;

  g_return_val_if_fail (CVN_IS_EXPORT_DIALOG (self), NULL);

  cvn_export_dialog_get_options (self, &options, &format);
  title = cvn_document_dup_title (self->document);
  view = cvn_page_dup_view_title (options.view, NULL);
  group = adw_combo_row_get_selected (self->group_row);
  if (options.group_id != 0)
    group_name = gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (self->group_row)),
                                             group);
  if (group_name != NULL)
    /* TRANSLATORS: a file name, "Kingsmere – Map – Riverside Cluster.pdf". */
    return g_strdup_printf (_("%s – %s – %s%s"), title, view, group_name,
                            format_extensions[format]);
  /* TRANSLATORS: a file name, "Kingsmere – Structure.pdf". */
  return g_strdup_printf (_("%s – %s%s"), title, view, format_extensions[format]);
}

gboolean
cvn_export_dialog_export_to (CvnExportDialog  *self,
                             const char       *path,
                             GError          **error)
{
  g_autoptr (CvnSnapshot) snapshot = NULL;
  g_autoptr (GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *target = NULL;
  CvnExportOptions options;
  CvnExportFormat format, named;

  g_return_val_if_fail (CVN_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  cvn_export_dialog_get_options (self, &options, &format);
  /* A name typed with an extension of its own says the format; one without gets the
   * dialog's. */
  if (cvn_export_format_from_path (path, &named))
    target = g_strdup (path);
  else
    target = g_strconcat (path, format_extensions[format], NULL);

  snapshot = cvn_snapshot_load (self->document, error);
  if (snapshot == NULL)
    return FALSE;
  if (!cvn_export_view (self->document, snapshot, &options, target, written, error))
    return FALSE;
  g_signal_emit (self, signals[EXPORTED], 0,
                 written->len > 0 ? (const char *) g_ptr_array_index (written, 0) : target,
                 written->len);
  return TRUE;
}

static void
chooser_response_cb (CvnExportDialog      *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Convenor can only export to a local file, not to %s"), uri);
      cvn_error_dialog_present (GTK_WINDOW (self), NULL, _("Could not export"), error);
      return;
    }
  if (!cvn_export_dialog_export_to (self, path, &error))
    {
      cvn_error_dialog_present (GTK_WINDOW (self), NULL, _("Could not export"), error);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
export_clicked_cb (CvnExportDialog *self)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = cvn_export_dialog_dup_suggested_name (self);
  static const char * const mime_types[] = { "application/pdf", "image/svg+xml", "image/png" };
  static const char * const filter_names[] = { N_("PDF documents"), N_("SVG images"),
                                               N_("PNG images") };
  CvnExportFormat format;

  if (self->chooser != NULL)
    return;
  cvn_export_dialog_get_options (self, NULL, &format);
  self->chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _(filter_names[format]));
  gtk_file_filter_add_mime_type (filter, mime_types[format]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
cvn_export_dialog_constructed (GObject *object)
{
  CvnExportDialog *self = CVN_EXPORT_DIALOG (object);

  G_OBJECT_CLASS (cvn_export_dialog_parent_class)->constructed (object);

  fill_groups (self);
  format_changed_cb (self);
}

static void
cvn_export_dialog_dispose (GObject *object)
{
  CvnExportDialog *self = CVN_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), CVN_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (cvn_export_dialog_parent_class)->dispose (object);
}

static void
cvn_export_dialog_finalize (GObject *object)
{
  CvnExportDialog *self = CVN_EXPORT_DIALOG (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->group_ids, g_array_unref);

  G_OBJECT_CLASS (cvn_export_dialog_parent_class)->finalize (object);
}

static void
cvn_export_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CvnExportDialog *self = CVN_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cvn_export_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CvnExportDialog *self = CVN_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_set_object (&self->document, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cvn_export_dialog_class_init (CvnExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cvn_export_dialog_constructed;
  object_class->dispose = cvn_export_dialog_dispose;
  object_class->finalize = cvn_export_dialog_finalize;
  object_class->get_property = cvn_export_dialog_get_property;
  object_class->set_property = cvn_export_dialog_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CVN_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted after a successful export with the first file written and the number of files
   * (a poster as SVG or PNG writes one a sheet). */
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING,
                                    G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/convenor/Convenor/cvn-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CvnExportDialog, view_row);
  gtk_widget_class_bind_template_child (widget_class, CvnExportDialog, group_row);
  gtk_widget_class_bind_template_child (widget_class, CvnExportDialog, hide_people_switch);
  gtk_widget_class_bind_template_child (widget_class, CvnExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, CvnExportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, CvnExportDialog, orientation_row);
  gtk_widget_class_bind_template_child (widget_class, CvnExportDialog, columns_spin);
  gtk_widget_class_bind_template_child (widget_class, CvnExportDialog, rows_spin);
  gtk_widget_class_bind_template_child (widget_class, CvnExportDialog, resolution_row);
  gtk_widget_class_bind_template_child (widget_class, CvnExportDialog, resolution_spin);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cvn_export_dialog_init (CvnExportDialog *self)
{
  self->group_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}

CvnExportDialog *
cvn_export_dialog_new (GtkWindow   *parent,
                       CvnDocument *document,
                       CvnView      view,
                       gint64       group_id)
{
  CvnExportDialog *self;
  CvnExportOptions options;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CVN_IS_DOCUMENT (document), NULL);

  self = g_object_new (CVN_TYPE_EXPORT_DIALOG,
                       "document", document,
                       "transient-for", parent,
                       NULL);
  cvn_export_options_init (&options);
  options.view = view;
  options.group_id = group_id;
  /* The structure is wide: it reads best sideways. */
  options.landscape = view == CVN_VIEW_STRUCTURE;
  cvn_export_dialog_set_options (self, &options, CVN_EXPORT_PDF);
  return self;
}

CvnDocument *
cvn_export_dialog_get_document (CvnExportDialog *self)
{
  g_return_val_if_fail (CVN_IS_EXPORT_DIALOG (self), NULL);

  return self->document;
}

static void
window_exported_cb (CvnExportDialog *self,
                    const char      *path,
                    guint            n_files,
                    CvnWindow       *window)
{
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (n_files > 1)
    /* TRANSLATORS: a poster written as one image a sheet, "Exported 4 files, the first
     * “Kingsmere – Map-row1-col1.png”". */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u file, “%s”",
                                            "Exported %u files, the first “%s”", n_files),
                               n_files, basename);
  else
    message = g_strdup_printf (_("Exported “%s”"), basename);
  toast = adw_toast_new (message);
  if (gtk_window_get_application (GTK_WINDOW (window)) != NULL)
    {
      g_autoptr (GFile) file = g_file_new_for_path (path);
      g_autofree char *uri = g_file_get_uri (file);

      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "app.open-uri");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    }
  cvn_window_add_toast (window, toast);
}

void
cvn_export_dialog_window_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  CvnWindow *window = CVN_WINDOW (widget);
  CvnExportDialog *dialog;
  CvnView view;

  if (!cvn_view_from_string (cvn_window_get_visible_page (window), &view))
    view = CVN_VIEW_STRUCTURE;
  dialog = cvn_export_dialog_new (GTK_WINDOW (window), cvn_window_get_document (window), view,
                                  0);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (window_exported_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
