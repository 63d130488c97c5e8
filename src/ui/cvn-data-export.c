/* cvn-data-export.c — File › Export Data.
 *
 * The exports only read the document and take well under a second for a borough, so they run
 * on the main thread. (Imports, which can take seconds, run in a worker; cvn-import-dialog.c
 * says how the document's connection is handed over for that.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-export"

#include "config.h"

#include "cvn-data-export.h"

#include "cvn-members-csv.h"
#include "cvn-xml-document.h"

#include <glib/gi18n.h>
#include <string.h>

const char *
cvn_data_export_get_extension (CvnDataExportFormat format)
{
  switch (format)
    {
    case CVN_DATA_EXPORT_MEMBERSHIPS:
      return "csv";
    case CVN_DATA_EXPORT_GRAPHML:
      return "graphml";
    case CVN_DATA_EXPORT_XML:
      return "xml";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Adds the format's extension to a name typed without any, so that the file opens in the
 * program meant for it. A name with another extension is left as the user chose it. */
static GFile *
with_extension (GFile      *file,
                const char *extension)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *named = NULL;
  g_autoptr (GFile) parent = NULL;

  if (basename == NULL || strchr (basename, '.') != NULL)
    return g_object_ref (file);
  named = g_strconcat (basename, ".", extension, NULL);
  parent = g_file_get_parent (file);
  return g_file_get_child (parent, named);
}

static void
open_exported_cb (AdwToast  *toast,
                  CvnWindow *window)
{
  const char *uri = g_object_get_data (G_OBJECT (toast), "cvn-uri");

  gtk_show_uri (GTK_WINDOW (window), uri, GDK_CURRENT_TIME);
}

static void
announce (CvnWindow *window,
          GFile     *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *escaped = g_markup_escape_text (basename, -1);
  g_autofree char *message = g_strdup_printf (_("Exported “%s”"), escaped);
  /* Toast titles are Pango markup; a file name may hold an ampersand. */
  AdwToast *toast = adw_toast_new (message);

  /* The toast opens the file in the program the desktop has for it (a spreadsheet, yEd); the
   * application's own open-uri action would try to open it as a Convenor document. */
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "cvn-uri", g_file_get_uri (file), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (open_exported_cb), window, 0);
  cvn_window_add_toast (window, toast);
}

gboolean
cvn_data_export_write (CvnWindow                      *window,
                       CvnDataExportFormat             format,
                       const CvnGraphmlExportOptions  *graphml_options,
                       GFile                          *file,
                       GFile                         **out_written,
                       GError                        **error)
{
  static const CvnGraphmlExportOptions default_graphml = { FALSE, FALSE, NULL };
  CvnDocument *document;
  g_autoptr (GFile) destination = NULL;
  g_autofree char *path = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (CVN_IS_WINDOW (window), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  document = cvn_window_get_document (window);
  destination = with_extension (file, cvn_data_export_get_extension (format));
  path = g_file_get_path (destination);
  if (path == NULL)
    {
      g_autofree char *basename = g_file_get_basename (destination);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is not a local file; exports can only be written to a local "
                     "folder."), basename);
      return FALSE;
    }

  switch (format)
    {
    case CVN_DATA_EXPORT_MEMBERSHIPS:
      ok = cvn_members_csv_export (document, path, error);
      break;
    case CVN_DATA_EXPORT_GRAPHML:
      ok = cvn_graphml_export (document, path,
                               graphml_options != NULL ? graphml_options : &default_graphml,
                               error);
      break;
    case CVN_DATA_EXPORT_XML:
      ok = cvn_xml_document_export (document, path, error);
      break;
    default:
      g_return_val_if_reached (FALSE);
    }
  if (!ok)
    return FALSE;

  announce (window, destination);
  if (out_written != NULL)
    *out_written = g_steal_pointer (&destination);
  return TRUE;
}

/* The file chooser ---------------------------------------------------------------------- */

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    CvnWindow       *window)
{
  CvnDataExportFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser),
                                                                   "cvn-format"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr (GError) error = NULL;
      CvnGraphmlExportOptions options = { FALSE, FALSE, NULL };

      if (format == CVN_DATA_EXPORT_GRAPHML)
        {
          options.flat = g_strcmp0 (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser),
                                                                 "form"), "flat") == 0;
          options.hide_people = g_strcmp0 (gtk_file_chooser_get_choice (
                                             GTK_FILE_CHOOSER (chooser), "hide-people"),
                                           "true") == 0;
        }
      if (!cvn_data_export_write (window, format, &options, file, NULL, &error))
        cvn_window_show_error (window, _("Could Not Export"), error);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_destination (CvnWindow           *window,
                    CvnDataExportFormat  format)
{
  g_autofree char *title = cvn_document_dup_title (cvn_window_get_document (window));
  g_autofree char *name = NULL;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  const char *heading = NULL;
  GtkFileChooserNative *chooser;

  switch (format)
    {
    case CVN_DATA_EXPORT_MEMBERSHIPS:
      heading = _("Export the Membership Spreadsheet");
      /* TRANSLATORS: the file name suggested for the membership spreadsheet of a document. */
      name = g_strdup_printf (_("%s memberships.csv"), title);
      gtk_file_filter_set_name (filter, _("Spreadsheets (CSV)"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_suffix (filter, "csv");
      break;
    case CVN_DATA_EXPORT_GRAPHML:
      heading = _("Export GraphML");
      name = g_strdup_printf ("%s.graphml", title);
      gtk_file_filter_set_name (filter, _("GraphML"));
      gtk_file_filter_add_mime_type (filter, "application/graphml+xml");
      gtk_file_filter_add_suffix (filter, "graphml");
      break;
    case CVN_DATA_EXPORT_XML:
      heading = _("Export Lossless XML");
      name = g_strdup_printf ("%s.xml", title);
      gtk_file_filter_set_name (filter, _("XML documents"));
      gtk_file_filter_add_mime_type (filter, "application/xml");
      gtk_file_filter_add_suffix (filter, "xml");
      break;
    default:
      g_return_if_reached ();
    }

  chooser = gtk_file_chooser_native_new (heading, GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (!cvn_window_get_is_sample (window))
    {
      g_autoptr (GFile) document_file =
        g_file_new_for_path (cvn_document_get_path (cvn_window_get_document (window)));
      g_autoptr (GFile) folder = g_file_get_parent (document_file);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }

  /* The GraphML options ride on the file chooser itself rather than in a dialog of their
   * own: two choices, and the portal's chooser shows them too. */
  if (format == CVN_DATA_EXPORT_GRAPHML)
    {
      static const char *form_ids[] = { "nested", "flat", NULL };
      const char *form_labels[] = { _("Groups nested, for yEd"),
                                    _("Flat, for Gephi, Cytoscape and networkx"), NULL };

      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "form", _("Form"), form_ids,
                                   form_labels);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "form", "nested");
      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "hide-people",
                                   _("Leave out people (personal data)"), NULL, NULL);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "hide-people", "false");
    }

  g_object_set_data (G_OBJECT (chooser), "cvn-format", GINT_TO_POINTER (format));
  /* The chooser is released in the response handler; a native dialog is not kept alive by
   * being shown. */
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), window, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_memberships_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  choose_destination (CVN_WINDOW (widget), CVN_DATA_EXPORT_MEMBERSHIPS);
}

static void
export_graphml_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  choose_destination (CVN_WINDOW (widget), CVN_DATA_EXPORT_GRAPHML);
}

static void
export_xml_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  choose_destination (CVN_WINDOW (widget), CVN_DATA_EXPORT_XML);
}

void
cvn_data_export_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-memberships", NULL,
                                   export_memberships_action);
  gtk_widget_class_install_action (widget_class, "win.export-graphml", NULL,
                                   export_graphml_action);
  gtk_widget_class_install_action (widget_class, "win.export-xml", NULL, export_xml_action);
}
