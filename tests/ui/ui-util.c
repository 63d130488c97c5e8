/* ui-util.c — the plumbing the UI tests share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ui-util"

#include "config.h"

#include "ui-util.h"

#include <adwaita.h>

/* The test program's home, removed when the tests have run. */
static char *test_home;

/* The program ---------------------------------------------------------------------------- */

/* Initialises GTest, GTK and libadwaita for a UI test program. */
void
cvn_test_ui_init (int    *argc,
                  char ***argv)
{
  g_autofree char *data_home = NULL;
  g_autofree char *config_home = NULL;
  g_autofree char *cache_home = NULL;

  test_home = g_dir_make_tmp ("convenor-ui-home-XXXXXX", NULL);
  g_assert_nonnull (test_home);
  data_home = g_build_filename (test_home, "data", NULL);
  config_home = g_build_filename (test_home, "config", NULL);
  cache_home = g_build_filename (test_home, "cache", NULL);

  /* There is no session bus under xvfb-run, so the accessibility bridge could only warn (and
   * warnings are fatal in tests). */
  g_setenv ("GTK_A11Y", "none", TRUE);
  /* Recently used files and sample copies go to a home of the test's own, never the user's. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

/* Runs the tests added since cvn_test_ui_init(), then removes the test's home. */
int
cvn_test_ui_run (void)
{
  int status = g_test_run ();

  cvn_test_remove_tree (test_home);
  g_clear_pointer (&test_home, g_free);
  return status;
}

/* The sample in a window ----------------------------------------------------------------- */

/* Makes the copy and its window, without showing it, so that a test can size it first. */
void
cvn_test_sample_open (CvnTestSample *sample)
{
  sample->directory = cvn_test_make_dir ();
  sample->path = g_build_filename (sample->directory, "Sample.convenor", NULL);
  sample->document = cvn_test_create_sample (sample->path);
  sample->window = cvn_window_new (NULL, sample->document, TRUE);
}

/* Destroys the window, unless the test has (and cleared the pointer), and removes the copy. */
void
cvn_test_sample_close (CvnTestSample *sample)
{
  if (sample->window != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&sample->window)));
  g_clear_object (&sample->document);
  cvn_test_remove_tree (sample->directory);
  g_clear_pointer (&sample->path, g_free);
  g_clear_pointer (&sample->directory, g_free);
}

/* A fixture set-up for g_test_add(): opens the sample and shows its window. */
void
cvn_test_sample_set_up (CvnTestSample *sample,
                        gconstpointer  user_data)
{
  cvn_test_sample_open (sample);
  gtk_window_present (GTK_WINDOW (sample->window));
}

void
cvn_test_sample_tear_down (CvnTestSample *sample,
                           gconstpointer  user_data)
{
  cvn_test_sample_close (sample);
}

/* The main loop -------------------------------------------------------------------------- */

/* Runs what is waiting in the main loop, such as the idle from which the details pane
 * commits its fields. */
void
cvn_test_flush (void)
{
  for (guint i = 0; i < 500 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Runs the main loop until @done says so, failing after ten seconds. */
void
cvn_test_iterate_until (gboolean (*done) (gpointer data),
                        gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Destroys every toplevel but the document windows: the dialogs a test left open. */
void
cvn_test_destroy_dialogs (void)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (!CVN_IS_WINDOW (l->data))
      gtk_window_destroy (l->data);
  g_list_free (toplevels);
}

/* Finding widgets ------------------------------------------------------------------------ */

/* @widget or the first of its descendants, depth first, for which @match is TRUE; or NULL. */
gpointer
cvn_test_find_widget (GtkWidget          *widget,
                      CvnTestWidgetMatch  match,
                      gconstpointer       data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gpointer found = cvn_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* @widget or the first of its descendants that is a @type; or NULL. */
gpointer
cvn_test_find_descendant (GtkWidget *widget,
                          GType      type)
{
  return cvn_test_find_widget (widget, is_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

/* @widget or the first of its descendants with the widget name @name; or NULL. */
GtkWidget *
cvn_test_find_named (GtkWidget  *widget,
                     const char *name)
{
  return cvn_test_find_widget (widget, is_named, name);
}

/* The first visible toplevel that is a @type, or NULL. */
gpointer
cvn_test_find_toplevel (GType type)
{
  GList *toplevels = gtk_window_list_toplevels ();
  gpointer found = NULL;

  for (GList *l = toplevels; l != NULL && found == NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);
  return found;
}
