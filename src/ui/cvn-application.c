/* cvn-application.c
 *
 * Started with no file, Convenor opens a fresh working copy of the sample borough rather than
 * an empty window: a new user sees what a mapped local system looks like, and can change it
 * freely without ever touching a file that ships with the application.
 *
 * Documents have no Save step (every edit is committed as it is made), so closing a window or
 * quitting never needs to ask anything.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-application"

#include "config.h"

#include "cvn-application.h"

#include "cvn-error-dialog.h"
#include "cvn-model.h"
#include "cvn-sample.h"
#include "cvn-templates.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>

#define CONVENOR_MIME_TYPE "application/x-convenor"
#define MAX_RECENT_DOCUMENTS 10

struct _CvnApplication
{
  AdwApplication    parent_instance;

  GMenu            *recent_menu;
  GtkRecentManager *recent_manager;
};

G_DEFINE_FINAL_TYPE (CvnApplication, cvn_application, ADW_TYPE_APPLICATION)

/* Documents ------------------------------------------------------------------------------ */

CvnDocument *
cvn_application_create_sample_copy (const char *directory,
                                    GError    **error)
{
  g_autofree char *today = cvn_today ();

  g_return_val_if_fail (directory != NULL, NULL);

  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), directory,
                   g_strerror (saved_errno));
      return NULL;
    }

  for (guint number = 1; number < 1000; number++)
    {
      /* TRANSLATORS: the file name of a working copy of the sample; %s is today's date
       * (YYYY-MM-DD) and %u numbers the copies made that day. */
      g_autofree char *name = g_strdup_printf (_("Sample borough %s %u.convenor"), today, number);
      g_autofree char *path = g_build_filename (directory, name, NULL);
      g_autoptr (GError) local_error = NULL;
      CvnDocument *document;

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      document = cvn_sample_create (path, &local_error);
      if (document != NULL)
        return document;
      if (g_error_matches (local_error, CVN_DOCUMENT_ERROR, CVN_DOCUMENT_ERROR_EXISTS))
        continue;

      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Creating the sample borough “%s”: "), path);
      return NULL;
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               _("There are already too many copies of the sample borough from today in “%s”."),
               directory);
  return NULL;
}

static CvnWindow *
find_window (CvnApplication *self,
             GFile          *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      g_autoptr (GFile) open_file = NULL;

      if (!CVN_IS_WINDOW (l->data))
        continue;
      open_file = g_file_new_for_path (cvn_document_get_path (cvn_window_get_document (l->data)));
      if (g_file_equal (open_file, file))
        return l->data;
    }
  return NULL;
}

static void
add_to_recent (CvnApplication *self,
               GFile          *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *exec = g_strdup_printf ("%s %%u", g_get_prgname ());
  GtkRecentData data = { 0 };

  data.mime_type = (char *) CONVENOR_MIME_TYPE;
  data.app_name = (char *) g_get_application_name ();
  data.app_exec = exec;
  gtk_recent_manager_add_full (self->recent_manager, uri, &data);
}

static void
report_error (CvnApplication *self,
              const char     *heading,
              const GError   *error)
{
  cvn_error_dialog_present (gtk_application_get_active_window (GTK_APPLICATION (self)),
                            GTK_APPLICATION (self), heading, error);
}

static CvnWindow *
present_document (CvnApplication *self,
                  CvnDocument    *document,
                  gboolean        is_sample)
{
  CvnWindow *window = cvn_window_new (GTK_APPLICATION (self), document, is_sample);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

CvnWindow *
cvn_application_open_file (CvnApplication *self,
                           GFile          *file)
{
  g_autoptr (CvnDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *heading = NULL;
  CvnWindow *window;

  g_return_val_if_fail (CVN_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  window = find_window (self, file);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return window;
    }

  path = g_file_get_path (file);
  basename = g_file_get_basename (file);
  /* TRANSLATORS: the heading of the message shown when a document cannot be opened. */
  heading = g_strdup_printf (_("Could Not Open “%s”"), basename);
  if (path == NULL)
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Only documents on this computer can be opened. Copy the "
                             "document to a local folder first."));
      report_error (self, heading, error);
      return NULL;
    }

  document = cvn_document_open (path, &error);
  if (document == NULL)
    {
      report_error (self, heading, error);
      return NULL;
    }

  add_to_recent (self, file);
  return present_document (self, document, FALSE);
}

CvnWindow *
cvn_application_open_sample (CvnApplication *self)
{
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), "convenor", NULL);
  g_autoptr (CvnDocument) document = NULL;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (CVN_IS_APPLICATION (self), NULL);

  document = cvn_application_create_sample_copy (directory, &error);
  if (document == NULL)
    {
      report_error (self, _("Could Not Open the Sample Borough"), error);
      return NULL;
    }

  /* Working copies of the sample stay out of Open Recent: one is made at every start, and
   * they would soon push the user's own documents off the list. */
  return present_document (self, document, TRUE);
}

/* Open Recent ---------------------------------------------------------------------------- */

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *first = (GtkRecentInfo *) a;
  GtkRecentInfo *second = (GtkRecentInfo *) b;

  /* Most recently used first. */
  return g_date_time_compare (gtk_recent_info_get_modified (second),
                              gtk_recent_info_get_modified (first));
}

static char *
escape_mnemonics (const char *label)
{
  g_auto (GStrv) parts = g_strsplit (label, "_", -1);

  /* Menu labels treat "_" as a mnemonic; a file called "draft_model" must keep its "_". */
  return g_strjoinv ("__", parts);
}

static void
update_recent_menu (CvnApplication *self)
{
  GList *items = gtk_recent_manager_get_items (self->recent_manager);
  GList *documents = NULL;
  guint n_documents = 0;

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (g_strcmp0 (gtk_recent_info_get_mime_type (info), CONVENOR_MIME_TYPE) == 0
          && gtk_recent_info_is_local (info) && gtk_recent_info_exists (info))
        documents = g_list_prepend (documents, info);
    }
  documents = g_list_sort (documents, compare_recent);

  g_menu_remove_all (self->recent_menu);
  for (GList *l = documents; l != NULL && n_documents < MAX_RECENT_DOCUMENTS; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      g_autofree char *name = g_strdup (gtk_recent_info_get_display_name (info));
      g_autofree char *label = NULL;
      g_autoptr (GMenuItem) item = NULL;

      /* Listed by title, as the window shows them, without the extension they all share. */
      if (g_str_has_suffix (name, ".convenor") && strlen (name) > strlen (".convenor"))
        name[strlen (name) - strlen (".convenor")] = '\0';
      label = escape_mnemonics (name);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (
        item, "app.open-uri", g_variant_new_string (gtk_recent_info_get_uri (info)));
      g_menu_append_item (self->recent_menu, item);
      n_documents++;
    }
  if (n_documents == 0)
    g_menu_append (self->recent_menu, _("No Recent Documents"), "app.no-recent-documents");

  g_list_free (documents);
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static void
recent_changed_cb (CvnApplication *self)
{
  update_recent_menu (self);
}

GMenuModel *
cvn_application_get_recent_menu (CvnApplication *self)
{
  g_return_val_if_fail (CVN_IS_APPLICATION (self), NULL);

  return G_MENU_MODEL (self->recent_menu);
}

/* Actions -------------------------------------------------------------------------------- */

static GtkFileFilter *
new_document_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Convenor documents"));
  gtk_file_filter_add_mime_type (filter, CONVENOR_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "convenor");
  return filter;
}

CvnWindow *
cvn_application_create_document (CvnApplication *self,
                                  GFile          *chosen,
                                  const char     *template_name,
                                  GError        **error)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (CvnDocument) document = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (CVN_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (chosen), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  basename = g_file_get_basename (chosen);
  if (!g_str_has_suffix (basename, ".convenor"))
    {
      g_autofree char *named = g_strconcat (basename, ".convenor", NULL);
      g_autoptr (GFile) parent = g_file_get_parent (chosen);

      file = g_file_get_child (parent, named);
      g_free (basename);
      basename = g_steal_pointer (&named);
    }
  else
    file = g_object_ref (chosen);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("New documents can only be created in a folder on this "
                             "computer."));
      return NULL;
    }
  if (find_window (self, file) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                   _("“%s” is open in another window; choose another name."), basename);
      return NULL;
    }
  /* The chooser has already asked whether to replace an existing file. */
  if (g_file_query_exists (file, NULL) && !g_file_delete (file, NULL, error))
    {
      g_prefix_error (error, _("Replacing “%s”: "), path);
      return NULL;
    }
  document = cvn_document_create (path, error);
  if (document == NULL)
    return NULL;

  /* A template fills the new document as its first edit, so undoing it leaves the empty
   * document the user asked for rather than no document at all. */
  if (template_name != NULL && !cvn_template_build (document, template_name, error))
    {
      g_clear_object (&document);
      g_file_delete (file, NULL, NULL);
      return NULL;
    }

  add_to_recent (self, file);
  return present_document (self, document, FALSE);
}

static void
new_response_cb (GtkNativeDialog *chooser,
                 int              response,
                 CvnApplication  *self)
{
  const char *template_name = g_object_get_data (G_OBJECT (chooser), "cvn-template");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr (GError) error = NULL;

      if (cvn_application_create_document (self, chosen, template_name, &error) == NULL)
        {
          g_autofree char *basename = g_file_get_basename (chosen);
          g_autofree char *heading = g_strdup_printf (_("Could Not Create “%s”"), basename);

          report_error (self, heading, error);
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* Asks where to save a new document, empty or (with @template_name) from a template. */
static void
choose_new_document (CvnApplication *self,
                     const char     *template_name)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr (GtkFileFilter) filter = new_document_filter ();
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (template_name != NULL)
    {
      g_autofree char *place = g_strdup (template_name);

      /* Template names are place names in lower case: "cumbria" -> "Cumbria". */
      place[0] = g_ascii_toupper (place[0]);
      /* TRANSLATORS: the title of the file chooser; %s is a place, such as Cumbria. */
      title = g_strdup_printf (_("New Document from the %s Model"), place);
      /* TRANSLATORS: the suggested file name of a new document from a template. */
      name = g_strdup_printf (_("%s model.convenor"), place);
    }
  else
    {
      title = g_strdup (_("New Document"));
      name = g_strdup (_("Untitled.convenor"));
    }

  chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Create"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "cvn-template", g_strdup (template_name), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (new_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
new_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  choose_new_document (user_data, NULL);
}

static void
new_from_template_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  CvnApplication *self = user_data;
  const char *name = g_variant_get_string (parameter, NULL);

  if (cvn_template_get_description (name) == NULL)
    {
      g_autoptr (GError) error = g_error_new (CVN_TEMPLATE_ERROR, CVN_TEMPLATE_ERROR_UNKNOWN,
                                              _("There is no template called “%s”."), name);

      report_error (self, _("Could Not Create the Document"), error);
      return;
    }
  choose_new_document (self, name);
}

static void
open_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  CvnApplication  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr (GFile) file = g_list_model_get_item (files, i);

          cvn_application_open_file (self, file);
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  CvnApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr (GtkFileFilter) documents = new_document_filter ();
  g_autoptr (GtkFileFilter) all_files = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Document"), parent,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), documents);
  gtk_file_filter_set_name (all_files, _("All files"));
  gtk_file_filter_add_pattern (all_files, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all_files);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), documents);
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_uri_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  CvnApplication *self = user_data;
  g_autoptr (GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  cvn_application_open_file (self, file);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  CvnApplication *self = user_data;
  static const char * const developers[] = { "The Convenor developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", _("Convenor"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Convenor developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Map local school-improvement partnerships: who is in "
                                       "which cluster, alliance and board, what capacity each "
                                       "area holds, and where support should be brokered."),
                         "developers", developers,
                         "copyright", _("© 2026 The Convenor developers"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* TRANSLATORS: your name(s), shown in the About window. */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  CvnApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* GtkApplication gives every application window a win.show-help-overlay action built from
   * gtk/help-overlay.ui in our resources; app.shortcuts reaches it from the menus. */
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "new", new_action, NULL, NULL, NULL, { 0 } },
  { "new-from-template", new_from_template_action, "s", NULL, NULL, { 0 } },
  { "open", open_action, NULL, NULL, NULL, { 0 } },
  { "open-uri", open_uri_action, "s", NULL, NULL, { 0 } },
  { "no-recent-documents", NULL, NULL, NULL, NULL, { 0 } },
  { "about", about_action, NULL, NULL, NULL, { 0 } },
  { "shortcuts", shortcuts_action, NULL, NULL, NULL, { 0 } },
  { "quit", quit_action, NULL, NULL, NULL, { 0 } },
};

/* GApplication --------------------------------------------------------------------------- */

static void
cvn_application_startup (GApplication *application)
{
  CvnApplication *self = CVN_APPLICATION (application);
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.new", { "<Control>n", NULL } },
    { "app.open", { "<Control>o", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "app.shortcuts", { "<Control>question", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };
  GAction *placeholder;

  G_APPLICATION_CLASS (cvn_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  /* "No Recent Documents" is shown greyed out: its action exists but never runs. */
  placeholder = g_action_map_lookup_action (G_ACTION_MAP (self), "no-recent-documents");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (placeholder), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);
  /* GTK binds Ctrl+? to win.show-help-overlay itself; app.shortcuts now owns that key, and two
   * actions on one key would be one too many. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         (const char * const[]) { NULL });

  self->recent_manager = gtk_recent_manager_get_default ();
  g_signal_connect_object (self->recent_manager, "changed",
                           G_CALLBACK (recent_changed_cb), self, G_CONNECT_SWAPPED);
  update_recent_menu (self);
}

static void
cvn_application_activate (GApplication *application)
{
  CvnApplication *self = CVN_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    gtk_window_present (window);
  else
    cvn_application_open_sample (self);
}

static void
cvn_application_open (GApplication  *application,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  CvnApplication *self = CVN_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    cvn_application_open_file (self, files[i]);
}

static void
cvn_application_finalize (GObject *object)
{
  CvnApplication *self = CVN_APPLICATION (object);

  g_clear_object (&self->recent_menu);

  G_OBJECT_CLASS (cvn_application_parent_class)->finalize (object);
}

static void
cvn_application_class_init (CvnApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = cvn_application_finalize;

  application_class->startup = cvn_application_startup;
  application_class->activate = cvn_application_activate;
  application_class->open = cvn_application_open;
}

static void
cvn_application_init (CvnApplication *self)
{
  self->recent_menu = g_menu_new ();
}

CvnApplication *
cvn_application_new (void)
{
  return g_object_new (CVN_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/convenor/Convenor",
                       NULL);
}
