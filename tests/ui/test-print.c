/* test-print.c — printing and the Export dialog.
 *
 * The print operation runs with GTK_PRINT_OPERATION_ACTION_EXPORT, which prints to a PDF
 * file through exactly the signals a printer gets (begin-print, draw-page), and the PDF is
 * checked with pdfinfo and pdftotext. The Poster tab is driven by emitting
 * create-custom-widget and custom-widget-apply, as the print dialog does. The Export dialog
 * writes through the same calls its Export button makes once a file is chosen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-print"

#include "config.h"

#include "cvn-export-dialog.h"
#include "cvn-print.h"
#include "cvn-sample.h"
#include "cvn-snapshot.h"
#include "cvn-window.h"
#include "ui-util.h"

#include <adwaita.h>
#include <string.h>

typedef struct
{
  char        *directory;
  CvnDocument *document;
  CvnSnapshot *snapshot;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *path = NULL;

  fixture->directory = cvn_test_make_dir ();
  path = g_build_filename (fixture->directory, "Sample.convenor", NULL);
  fixture->document = cvn_test_create_sample (path);
  fixture->snapshot = cvn_test_load (fixture->document);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_pointer (&fixture->snapshot, cvn_snapshot_free);
  g_clear_object (&fixture->document);
  cvn_test_remove_tree (fixture->directory);
  g_free (fixture->directory);
}

/* Tools */

static gboolean
have_poppler (void)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (pdfinfo == NULL || pdftotext == NULL)
    {
      g_test_skip ("poppler-utils (pdfinfo, pdftotext) is not installed");
      return FALSE;
    }
  return TRUE;
}

static char *
run_tool (const char * const *argv)
{
  char *out = NULL;

  g_assert_cmpint (cvn_test_spawn (argv, &out, NULL), ==, 0);
  return out;
}

/* pdfinfo's page count and page size in points. */
static void
pdf_info (const char *path,
          guint      *pages,
          double     *width,
          double     *height)
{
  g_autofree char *out = run_tool ((const char *[]) { "pdfinfo", path, NULL });
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);

  *pages = 0;
  *width = *height = 0;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "Pages:"))
        *pages = (guint) g_ascii_strtoull (lines[i] + 6, NULL, 10);
      else if (g_str_has_prefix (lines[i], "Page size:"))
        {
          char *end = NULL;

          *width = g_ascii_strtod (lines[i] + 10, &end);
          g_assert_nonnull (strstr (end, " x "));
          *height = g_ascii_strtod (strstr (end, " x ") + 3, NULL);
        }
    }
}

static char *
pdf_text (const char *path)
{
  g_autofree char *out = run_tool ((const char *[]) { "pdftotext", path, "-", NULL });
  g_autoptr (GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (space, out, -1, 0, " ", 0, NULL);
}

static GtkPrintOperationResult
export_pdf (GtkPrintOperation *operation,
            const char        *path)
{
  g_autoptr (GError) error = NULL;
  GtkPrintOperationResult result;

  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL,
                                    &error);
  g_assert_no_error (error);
  return result;
}

/* Printing */

/* One page, A4 landscape as set up, with the view's title, the document and the legend. */
static void
test_print_one_page (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *pdf = g_build_filename (fixture->directory, "print.pdf", NULL);
  g_autoptr (GtkPrintOperation) operation = NULL;
  g_autofree char *text = NULL;
  CvnExportOptions options;
  double width, height;
  guint pages;

  if (!have_poppler ())
    return;
  cvn_export_options_init (&options);
  options.view = CVN_VIEW_STRUCTURE;
  options.landscape = TRUE;
  operation = cvn_print_operation_new (fixture->document, &options);
  g_assert_cmpint (export_pdf (operation, pdf), ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  pdf_info (pdf, &pages, &width, &height);
  g_assert_cmpuint (pages, ==, 1);
  g_assert_cmpfloat_with_epsilon (width, CVN_A4_HEIGHT_PT, 0.01);
  g_assert_cmpfloat_with_epsilon (height, CVN_A4_WIDTH_PT, 0.01);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Structure"));
  g_assert_nonnull (strstr (text, "Sample"));
  g_assert_nonnull (strstr (text, "Legend"));
  for (guint i = 0; i < fixture->snapshot->groups->len; i++)
    {
      const CvnGroup *group = &g_array_index (fixture->snapshot->groups, CvnGroup, i);

      if (group->tier >= 2 && strstr (text, group->name) == NULL)
        g_error ("%s is not on the printed structure", group->name);
    }
}

/* A3 portrait, as the page setup says. */
static void
test_print_a3 (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autofree char *pdf = g_build_filename (fixture->directory, "a3.pdf", NULL);
  g_autoptr (GtkPrintOperation) operation = NULL;
  CvnExportOptions options;
  double width, height;
  guint pages;

  if (!have_poppler ())
    return;
  cvn_export_options_init (&options);
  options.view = CVN_VIEW_MAP;
  options.paper = CVN_PAPER_A3;
  operation = cvn_print_operation_new (fixture->document, &options);
  g_assert_cmpint (export_pdf (operation, pdf), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  pdf_info (pdf, &pages, &width, &height);
  g_assert_cmpuint (pages, ==, 1);
  g_assert_cmpfloat_with_epsilon (width, CVN_A3_WIDTH_PT, 0.01);
  g_assert_cmpfloat_with_epsilon (height, CVN_A3_HEIGHT_PT, 0.01);
}

/* The Poster tab: a 2 × 2 poster with personal data hidden prints four labelled sheets and
 * names nobody. */
static void
test_print_poster_tab (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *pdf = g_build_filename (fixture->directory, "poster.pdf", NULL);
  g_autoptr (GtkPrintOperation) operation = NULL;
  g_autofree char *text = NULL;
  GObject *tab = NULL;
  GtkWidget *poster, *columns, *rows, *hide;
  CvnExportOptions options;
  double width, height;
  guint pages;

  if (!have_poppler ())
    return;
  cvn_export_options_init (&options);
  options.view = CVN_VIEW_GRAPH;
  operation = cvn_print_operation_new (fixture->document, &options);

  g_signal_emit_by_name (operation, "create-custom-widget", &tab);
  g_assert_true (GTK_IS_WIDGET (tab));
  g_object_ref_sink (tab);
  poster = cvn_test_find_named (GTK_WIDGET (tab), "poster-check");
  columns = cvn_test_find_named (GTK_WIDGET (tab), "columns");
  rows = cvn_test_find_named (GTK_WIDGET (tab), "rows");
  hide = cvn_test_find_named (GTK_WIDGET (tab), "hide-people");
  g_assert_nonnull (poster);
  g_assert_nonnull (columns);
  g_assert_nonnull (rows);
  g_assert_nonnull (hide);
  /* One page to begin with: the sheet counts wait for the poster choice. */
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (poster)));
  g_assert_false (gtk_widget_get_sensitive (columns));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (poster), TRUE);
  g_assert_true (gtk_widget_get_sensitive (columns));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (columns), 2);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (rows), 2);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (hide), TRUE);
  g_signal_emit_by_name (operation, "custom-widget-apply", tab);
  cvn_print_operation_get_options (operation, &options);
  g_assert_cmpuint (options.columns, ==, 2);
  g_assert_cmpuint (options.rows, ==, 2);
  g_assert_true (options.hide_people);

  g_assert_cmpint (export_pdf (operation, pdf), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  pdf_info (pdf, &pages, &width, &height);
  g_assert_cmpuint (pages, ==, 4);
  g_assert_cmpfloat_with_epsilon (width, CVN_A4_WIDTH_PT, 0.01);
  g_assert_cmpfloat_with_epsilon (height, CVN_A4_HEIGHT_PT, 0.01);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Row 1, column 1 of 2 × 2"));
  g_assert_nonnull (strstr (text, "Row 2, column 2 of 2 × 2"));
  for (guint i = 0; i < fixture->snapshot->people->len; i++)
    {
      const CvnPerson *person = &g_array_index (fixture->snapshot->people, CvnPerson, i);

      if (strstr (text, person->name) != NULL)
        g_error ("the poster names %s with personal data hidden", person->name);
    }
  g_object_unref (tab);
}

/* The Export dialog */

static void
exported_cb (CvnExportDialog *dialog,
             const char      *path,
             guint            n_files,
             gpointer         user_data)
{
  char **out = user_data;

  g_free (*out);
  *out = g_strdup_printf ("%s:%u", path, n_files);
}

/* The dialog's controls round-trip, its Export writes a PNG of the size the paper and
 * resolution say, and a name without an extension gets the format's. */
static void
test_export_dialog_png (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *base = g_build_filename (fixture->directory, "map", NULL);
  g_autofree char *expected = g_build_filename (fixture->directory, "map.png", NULL);
  g_autofree char *exported = NULL;
  g_autofree char *want = NULL;
  g_autofree char *name = NULL;
  g_autoptr (GError) error = NULL;
  CvnExportDialog *dialog;
  CvnExportOptions options, read;
  CvnExportFormat format;
  cairo_surface_t *png;

  dialog = cvn_export_dialog_new (NULL, fixture->document, CVN_VIEW_MAP, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &exported);

  cvn_export_dialog_get_options (dialog, &read, &format);
  g_assert_cmpint (read.view, ==, CVN_VIEW_MAP);
  g_assert_cmpint (format, ==, CVN_EXPORT_PDF);
  g_assert_cmpint (read.group_id, ==, 0);

  cvn_export_options_init (&options);
  options.view = CVN_VIEW_MAP;
  options.paper = CVN_PAPER_A4;
  options.landscape = TRUE;
  options.dpi = 100;
  options.hide_people = TRUE;
  cvn_export_dialog_set_options (dialog, &options, CVN_EXPORT_PNG);
  cvn_export_dialog_get_options (dialog, &read, &format);
  g_assert_cmpint (format, ==, CVN_EXPORT_PNG);
  g_assert_true (read.landscape);
  g_assert_true (read.hide_people);
  g_assert_cmpfloat (read.dpi, ==, 100);
  name = cvn_export_dialog_dup_suggested_name (dialog);
  g_assert_cmpstr (name, ==, "Sample – Map.png");

  g_assert_true (cvn_export_dialog_export_to (dialog, base, &error));
  g_assert_no_error (error);
  want = g_strdup_printf ("%s:1", expected);
  g_assert_cmpstr (exported, ==, want);
  png = cairo_image_surface_create_from_png (expected);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 1169);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, 827);
  cairo_surface_destroy (png);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* One group's part, as a PDF poster from the dialog. */
static void
test_export_dialog_group (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *pdf = g_build_filename (fixture->directory, "alliance.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autoptr (GError) error = NULL;
  const CvnGroup *alliance = NULL;
  CvnExportDialog *dialog;
  CvnExportOptions options;
  double width, height;
  guint pages;

  if (!have_poppler ())
    return;
  for (guint i = 0; i < fixture->snapshot->groups->len && alliance == NULL; i++)
    if (g_array_index (fixture->snapshot->groups, CvnGroup, i).tier == 2)
      alliance = &g_array_index (fixture->snapshot->groups, CvnGroup, i);
  g_assert_nonnull (alliance);

  dialog = cvn_export_dialog_new (NULL, fixture->document, CVN_VIEW_STRUCTURE, alliance->id);
  cvn_export_dialog_get_options (dialog, &options, NULL);
  g_assert_cmpint (options.group_id, ==, alliance->id);
  /* The structure opens on landscape paper. */
  g_assert_true (options.landscape);
  options.columns = 2;
  cvn_export_dialog_set_options (dialog, &options, CVN_EXPORT_PDF);

  g_assert_true (cvn_export_dialog_export_to (dialog, pdf, &error));
  g_assert_no_error (error);
  pdf_info (pdf, &pages, &width, &height);
  g_assert_cmpuint (pages, ==, 2);
  g_assert_cmpfloat_with_epsilon (width, CVN_A4_HEIGHT_PT, 0.01);
  text = pdf_text (pdf);
  title = g_strdup_printf ("Structure: %s", alliance->name);
  g_assert_nonnull (strstr (text, title));

  /* A file that cannot be written is an error naming it, and nothing is announced. */
  {
    g_autofree char *bad = g_build_filename (fixture->directory, "missing", "x.pdf", NULL);

    g_assert_false (cvn_export_dialog_export_to (dialog, bad, &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "x.pdf"));
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The window offers win.print and win.export; win.export opens the dialog over the window,
 * on the document the window shows. */
static void
test_window_actions (Fixture       *fixture,
                     gconstpointer  user_data)
{
  CvnWindow *window = cvn_window_new (NULL, fixture->document, TRUE);
  gboolean have_print = FALSE, have_export = FALSE;
  const char *name;
  GType owner;
  GVariantType *parameter;
  const char *property;
  CvnExportDialog *dialog = NULL;
  GListModel *toplevels;

  for (guint i = 0;
       gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (window), i, &owner, &name,
                                      (const GVariantType **) &parameter, &property);
       i++)
    {
      have_print |= g_str_equal (name, "win.print");
      have_export |= g_str_equal (name, "win.export");
    }
  g_assert_true (have_print);
  g_assert_true (have_export);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr (GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (CVN_IS_EXPORT_DIALOG (toplevel))
        dialog = CVN_EXPORT_DIALOG (toplevel);
    }
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (cvn_export_dialog_get_document (dialog) == fixture->document);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  cvn_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cvn/ui/print/one-page", test_print_one_page);
  ADD ("/cvn/ui/print/a3", test_print_a3);
  ADD ("/cvn/ui/print/poster-tab", test_print_poster_tab);
  ADD ("/cvn/ui/export-dialog/png", test_export_dialog_png);
  ADD ("/cvn/ui/export-dialog/group", test_export_dialog_group);
  ADD ("/cvn/ui/print/window-actions", test_window_actions);

#undef ADD

  return cvn_test_ui_run ();
}
