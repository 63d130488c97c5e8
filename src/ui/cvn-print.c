/* cvn-print.c — printing a view through GtkPrintOperation.
 *
 * The operation prints on the whole sheet (use-full-page) in points, so the pages of
 * cvn-page.h draw exactly as they do in a PDF export: their own margins, crop marks and
 * labels, at the paper size the user set up. The pages are laid out in begin-print, once the
 * paper is known, from a fresh snapshot of the document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-print"

#include "config.h"

#include "cvn-print.h"
#include "cvn-error-dialog.h"
#include "cvn-snapshot.h"
#include "cvn-window.h"

#include <glib/gi18n.h>

#define JOB_KEY "cvn-print-job"

typedef struct
{
  CvnDocument      *document;
  CvnExportOptions  options;
  CvnDiagramPages  *pages;
  GError           *error;       /* why begin-print cancelled, for done to report */
  gboolean          error_shown;

  /* The Poster tab, while the dialog shows it. */
  GtkWidget        *poster_check;
  GtkWidget        *columns_spin;
  GtkWidget        *rows_spin;
  GtkWidget        *hide_check;
} PrintJob;

/* The settings and page setup of the last print, so the dialog opens as the user left it
 * (the same printer, paper and orientation), for as long as the application runs. */
static GtkPrintSettings *last_settings;
static GtkPageSetup *last_page_setup;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->document);
  g_clear_pointer (&job->pages, cvn_diagram_pages_free);
  g_clear_error (&job->error);
  g_free (job);
}

static PrintJob *
get_job (GtkPrintOperation *operation)
{
  return g_object_get_data (G_OBJECT (operation), JOB_KEY);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                gpointer           user_data)
{
  PrintJob *job = get_job (operation);
  g_autoptr (CvnSnapshot) snapshot = NULL;

  g_clear_pointer (&job->pages, cvn_diagram_pages_free);
  g_clear_error (&job->error);
  snapshot = cvn_snapshot_load (job->document, &job->error);
  if (snapshot != NULL)
    job->pages = cvn_export_create_pages (job->document, snapshot, &job->options,
                                          gtk_print_context_get_width (context),
                                          gtk_print_context_get_height (context),
                                          &job->error);
  if (job->pages == NULL)
    {
      /* One (blank) page keeps GTK's pagination sane until the cancel takes effect; done
       * reports the error. */
      gtk_print_operation_set_n_pages (operation, 1);
      gtk_print_operation_cancel (operation);
      return;
    }
  gtk_print_operation_set_n_pages (operation, cvn_diagram_pages_get_n_pages (job->pages));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              gpointer           user_data)
{
  PrintJob *job = get_job (operation);

  if (job->pages == NULL || page_nr < 0 ||
      (guint) page_nr >= cvn_diagram_pages_get_n_pages (job->pages))
    return;
  cvn_diagram_pages_draw_page (job->pages, gtk_print_context_get_cairo_context (context),
                               (guint) page_nr);
}

static void
end_print_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              gpointer           user_data)
{
  g_clear_pointer (&get_job (operation)->pages, cvn_diagram_pages_free);
}

static void
poster_toggled_cb (GtkCheckButton *check,
                   PrintJob       *job)
{
  gboolean poster = gtk_check_button_get_active (check);

  gtk_widget_set_sensitive (job->columns_spin, poster);
  gtk_widget_set_sensitive (job->rows_spin, poster);
}

static GtkWidget *
new_spin (const char *name,
          const char *accessible_label,
          guint       value)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (1, CVN_POSTER_MAX_TILES, 1);

  gtk_widget_set_name (spin, name);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  return spin;
}

/* The Poster tab: one page or a poster of sheets, and personal data. */
static GObject *
create_custom_widget_cb (GtkPrintOperation *operation,
                         gpointer           user_data)
{
  PrintJob *job = get_job (operation);
  gboolean poster = job->options.columns * job->options.rows > 1;
  GtkWidget *box, *fit, *tiles, *caption, *times;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);

  fit = gtk_check_button_new_with_mnemonic (_("_Fit to one page"));
  gtk_widget_set_name (fit, "fit-check");
  job->poster_check = gtk_check_button_new_with_mnemonic (_("_Poster of"));
  gtk_widget_set_name (job->poster_check, "poster-check");
  gtk_check_button_set_group (GTK_CHECK_BUTTON (job->poster_check), GTK_CHECK_BUTTON (fit));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (poster ? job->poster_check : fit), TRUE);
  gtk_box_append (GTK_BOX (box), fit);

  tiles = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  job->columns_spin = new_spin ("columns", _("Sheets across"), job->options.columns);
  job->rows_spin = new_spin ("rows", _("Sheets down"), job->options.rows);
  /* TRANSLATORS: between the sheets across and down, "2 × 3 sheets". */
  times = gtk_label_new (_("×"));
  gtk_box_append (GTK_BOX (tiles), job->poster_check);
  gtk_box_append (GTK_BOX (tiles), job->columns_spin);
  gtk_box_append (GTK_BOX (tiles), times);
  gtk_box_append (GTK_BOX (tiles), job->rows_spin);
  gtk_box_append (GTK_BOX (tiles), gtk_label_new (_("sheets (across × down)")));
  gtk_box_append (GTK_BOX (box), tiles);
  g_signal_connect (job->poster_check, "toggled", G_CALLBACK (poster_toggled_cb), job);
  poster_toggled_cb (GTK_CHECK_BUTTON (job->poster_check), job);

  caption = gtk_label_new (_("Neighbouring sheets overlap by 10 mm. Each sheet has crop marks "
                             "and its row and column, so the sheets can be trimmed and taped "
                             "together."));
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (caption), 50);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (box), caption);

  job->hide_check = gtk_check_button_new_with_mnemonic (_("_Hide personal data: show people "
                                                          "by their role"));
  gtk_widget_set_name (job->hide_check, "hide-people");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (job->hide_check), job->options.hide_people);
  gtk_box_append (GTK_BOX (box), job->hide_check);

  return G_OBJECT (box);
}

static void
custom_widget_apply_cb (GtkPrintOperation *operation,
                        GtkWidget         *widget,
                        gpointer           user_data)
{
  PrintJob *job = get_job (operation);

  if (job->poster_check == NULL)
    return;
  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (job->poster_check)))
    {
      job->options.columns = (guint) gtk_spin_button_get_value_as_int (
                               GTK_SPIN_BUTTON (job->columns_spin));
      job->options.rows = (guint) gtk_spin_button_get_value_as_int (
                            GTK_SPIN_BUTTON (job->rows_spin));
    }
  else
    job->options.columns = job->options.rows = 1;
  job->options.hide_people = gtk_check_button_get_active (GTK_CHECK_BUTTON (job->hide_check));
}

static GtkPageSetup *
create_page_setup (const CvnExportOptions *options)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  GtkPaperSize *paper = gtk_paper_size_new (options->paper == CVN_PAPER_A3 ? GTK_PAPER_NAME_A3
                                                                           : GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size (setup, paper);
  gtk_page_setup_set_orientation (setup, options->landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                            : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_paper_size_free (paper);
  return setup;
}

GtkPrintOperation *
cvn_print_operation_new (CvnDocument            *document,
                         const CvnExportOptions *options)
{
  GtkPrintOperation *operation;
  g_autoptr (GtkPageSetup) setup = NULL;
  g_autofree char *title = NULL;
  g_autofree char *view_title = NULL;
  g_autofree char *job_name = NULL;
  PrintJob *job;

  g_return_val_if_fail (CVN_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  job = g_new0 (PrintJob, 1);
  job->document = g_object_ref (document);
  job->options = *options;
  job->options.columns = CLAMP (options->columns, 1, CVN_POSTER_MAX_TILES);
  job->options.rows = CLAMP (options->rows, 1, CVN_POSTER_MAX_TILES);

  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), JOB_KEY, job, (GDestroyNotify) print_job_free);

  title = cvn_document_dup_title (document);
  view_title = cvn_page_dup_view_title (options->view, NULL);
  /* TRANSLATORS: the name of a print job, "Kingsmere – Structure". */
  job_name = g_strdup_printf (_("%s – %s"), title, view_title);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
  gtk_print_operation_set_custom_tab_label (operation, _("Poster"));
  setup = create_page_setup (options);
  gtk_print_operation_set_default_page_setup (operation, setup);

  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), NULL);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), NULL);
  g_signal_connect (operation, "end-print", G_CALLBACK (end_print_cb), NULL);
  g_signal_connect (operation, "create-custom-widget", G_CALLBACK (create_custom_widget_cb),
                    NULL);
  g_signal_connect (operation, "custom-widget-apply", G_CALLBACK (custom_widget_apply_cb),
                    NULL);
  return operation;
}

void
cvn_print_operation_get_options (GtkPrintOperation *operation,
                                 CvnExportOptions  *options)
{
  PrintJob *job;

  g_return_if_fail (GTK_IS_PRINT_OPERATION (operation));
  g_return_if_fail (options != NULL);

  job = get_job (operation);
  g_return_if_fail (job != NULL);
  *options = job->options;
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         gpointer                 user_data)
{
  GtkWindow *parent = user_data;
  PrintJob *job = get_job (operation);
  g_autoptr (GError) error = NULL;

  switch (result)
    {
    case GTK_PRINT_OPERATION_RESULT_ERROR:
      gtk_print_operation_get_error (operation, &error);
      break;
    case GTK_PRINT_OPERATION_RESULT_APPLY:
      g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
      g_set_object (&last_page_setup, gtk_print_operation_get_default_page_setup (operation));
      break;
    case GTK_PRINT_OPERATION_RESULT_CANCEL:
    case GTK_PRINT_OPERATION_RESULT_IN_PROGRESS:
    default:
      break;
    }
  if (error == NULL && job->error != NULL)
    error = g_error_copy (job->error);
  if (error != NULL && !job->error_shown)
    cvn_error_dialog_present (parent, NULL, _("Could not print"), error);
  g_clear_object (&parent);
  g_object_unref (operation);
}

void
cvn_print_run_dialog (GtkWindow              *parent,
                      CvnDocument            *document,
                      const CvnExportOptions *options)
{
  GtkPrintOperation *operation;
  g_autoptr (GtkPrintOperation) hold = NULL;
  g_autoptr (GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  operation = cvn_print_operation_new (document, options);
  /* Held across the run, in case done (which drops the first reference) comes before it
   * returns. */
  hold = g_object_ref (operation);
  if (last_settings != NULL)
    gtk_print_operation_set_print_settings (operation, last_settings);
  if (last_page_setup != NULL)
    gtk_print_operation_set_default_page_setup (operation, last_page_setup);
  gtk_print_operation_set_allow_async (operation, TRUE);
  /* done takes over the operation and the reference to the window. */
  g_signal_connect (operation, "done", G_CALLBACK (done_cb),
                    parent != NULL ? g_object_ref (parent) : NULL);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent,
                                    &error);
  /* A dialog that could not even be shown fails here rather than in done. */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    {
      get_job (operation)->error_shown = TRUE;
      cvn_error_dialog_present (parent, NULL, _("Could not print"), error);
    }
}

void
cvn_print_window_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CvnWindow *window = CVN_WINDOW (widget);
  CvnExportOptions options;

  cvn_export_options_init (&options);
  if (!cvn_view_from_string (cvn_window_get_visible_page (window), &options.view))
    options.view = CVN_VIEW_STRUCTURE;
  cvn_print_run_dialog (GTK_WINDOW (window), cvn_window_get_document (window), &options);
}
