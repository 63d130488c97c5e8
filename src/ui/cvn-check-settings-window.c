/* cvn-check-settings-window.c
 *
 * Each threshold is a setting of the document, changed as an undoable edit. A spin button
 * commits a moment after the last click (and at once when the window closes), so clicking
 * from 4 up to 8 is one edit, "Set the smallest cluster size to 8", not four. Undoing while
 * the window is open moves the spin buttons back with the document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-check-settings"

#include "config.h"

#include "cvn-check-settings-window.h"

#include "cvn-checks.h"
#include "cvn-edits.h"
#include "cvn-error-dialog.h"

#include <glib/gi18n.h>

#define COMMIT_DELAY_MS 600

typedef enum
{
  SETTING_CLUSTER_MIN,
  SETTING_CLUSTER_MAX,
  SETTING_GROUPS_PER_SCHOOL,
  SETTING_CHAIRS_PER_PERSON,
  N_SETTINGS
} Setting;

static const char * const setting_keys[N_SETTINGS] = {
  "checks.cluster-size-min",
  "checks.cluster-size-max",
  "checks.max-groups-per-school",
  "checks.max-chairs-per-person",
};

struct _CvnCheckSettingsWindow
{
  AdwPreferencesWindow  parent_instance;

  GtkSpinButton        *cluster_min_spin;
  GtkSpinButton        *cluster_max_spin;
  GtkSpinButton        *groups_per_school_spin;
  GtkSpinButton        *chairs_per_person_spin;

  CvnDocument          *document;
  GtkSpinButton        *spins[N_SETTINGS];
  guint                 timeouts[N_SETTINGS];
  gboolean              loading;
};

G_DEFINE_FINAL_TYPE (CvnCheckSettingsWindow, cvn_check_settings_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

static char *
setting_label (Setting setting,
               int     value)
{
  switch (setting)
    {
    case SETTING_CLUSTER_MIN:
      return g_strdup_printf (_("Set the smallest cluster size to %d"), value);
    case SETTING_CLUSTER_MAX:
      return g_strdup_printf (_("Set the largest cluster size to %d"), value);
    case SETTING_GROUPS_PER_SCHOOL:
      if (value == 0)
        return g_strdup (_("Turn off the limit of groups per school"));
      return g_strdup_printf (_("Allow each school %d groups"), value);
    case SETTING_CHAIRS_PER_PERSON:
      if (value == 0)
        return g_strdup (_("Turn off the limit of chairs per person"));
      return g_strdup_printf (_("Allow each person to chair %d groups"), value);
    case N_SETTINGS:
    default:
      g_assert_not_reached ();
    }
}

static void
commit (CvnCheckSettingsWindow *self,
        Setting                 setting)
{
  int value = gtk_spin_button_get_value_as_int (self->spins[setting]);
  g_autofree char *label = setting_label (setting, value);
  g_autoptr (GError) error = NULL;

  g_clear_handle_id (&self->timeouts[setting], g_source_remove);
  if (!cvn_edit_set_setting_int (self->document, setting_keys[setting], value, label, &error))
    cvn_error_dialog_present (GTK_WINDOW (self), NULL, _("Could Not Change the Setting"),
                              error);
}

typedef struct
{
  CvnCheckSettingsWindow *self;
  Setting                 setting;
} Pending;

static gboolean
commit_timeout_cb (gpointer user_data)
{
  Pending *pending = user_data;

  pending->self->timeouts[pending->setting] = 0;
  commit (pending->self, pending->setting);
  return G_SOURCE_REMOVE;
}

static void
value_changed_cb (GtkSpinButton          *spin,
                  CvnCheckSettingsWindow *self)
{
  for (Setting setting = 0; setting < N_SETTINGS; setting++)
    {
      Pending *pending;

      if (self->spins[setting] != spin || self->loading)
        continue;
      g_clear_handle_id (&self->timeouts[setting], g_source_remove);
      pending = g_new (Pending, 1);
      pending->self = self;
      pending->setting = setting;
      self->timeouts[setting] = g_timeout_add_full (G_PRIORITY_DEFAULT, COMMIT_DELAY_MS,
                                                    commit_timeout_cb, pending, g_free);
    }
}

static void
load (CvnCheckSettingsWindow *self)
{
  g_auto (CvnCheckSettings) settings = { 0 };
  int values[N_SETTINGS];

  cvn_check_settings_load (self->document, &settings);
  values[SETTING_CLUSTER_MIN] = settings.cluster_size_min;
  values[SETTING_CLUSTER_MAX] = settings.cluster_size_max;
  values[SETTING_GROUPS_PER_SCHOOL] = settings.max_groups_per_school;
  values[SETTING_CHAIRS_PER_PERSON] = settings.max_chairs_per_person;

  self->loading = TRUE;
  for (Setting setting = 0; setting < N_SETTINGS; setting++)
    if (self->timeouts[setting] == 0)
      gtk_spin_button_set_value (self->spins[setting], values[setting]);
  self->loading = FALSE;
}

void
cvn_check_settings_window_apply (CvnCheckSettingsWindow *self)
{
  g_return_if_fail (CVN_IS_CHECK_SETTINGS_WINDOW (self));

  for (Setting setting = 0; setting < N_SETTINGS; setting++)
    if (self->timeouts[setting] != 0)
      commit (self, setting);
}

static gboolean
cvn_check_settings_window_close_request (GtkWindow *window)
{
  cvn_check_settings_window_apply (CVN_CHECK_SETTINGS_WINDOW (window));

  return GTK_WINDOW_CLASS (cvn_check_settings_window_parent_class)->close_request (window);
}

static void
cvn_check_settings_window_dispose (GObject *object)
{
  CvnCheckSettingsWindow *self = CVN_CHECK_SETTINGS_WINDOW (object);

  for (Setting setting = 0; setting < N_SETTINGS; setting++)
    g_clear_handle_id (&self->timeouts[setting], g_source_remove);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), CVN_TYPE_CHECK_SETTINGS_WINDOW);

  G_OBJECT_CLASS (cvn_check_settings_window_parent_class)->dispose (object);
}

static void
cvn_check_settings_window_class_init (CvnCheckSettingsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cvn_check_settings_window_dispose;
  window_class->close_request = cvn_check_settings_window_close_request;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/convenor/Convenor/cvn-check-settings-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CvnCheckSettingsWindow, cluster_min_spin);
  gtk_widget_class_bind_template_child (widget_class, CvnCheckSettingsWindow, cluster_max_spin);
  gtk_widget_class_bind_template_child (widget_class, CvnCheckSettingsWindow,
                                        groups_per_school_spin);
  gtk_widget_class_bind_template_child (widget_class, CvnCheckSettingsWindow,
                                        chairs_per_person_spin);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cvn_check_settings_window_init (CvnCheckSettingsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->spins[SETTING_CLUSTER_MIN] = self->cluster_min_spin;
  self->spins[SETTING_CLUSTER_MAX] = self->cluster_max_spin;
  self->spins[SETTING_GROUPS_PER_SCHOOL] = self->groups_per_school_spin;
  self->spins[SETTING_CHAIRS_PER_PERSON] = self->chairs_per_person_spin;
  for (Setting setting = 0; setting < N_SETTINGS; setting++)
    g_signal_connect_object (self->spins[setting], "value-changed",
                             G_CALLBACK (value_changed_cb), self, 0);
}

CvnCheckSettingsWindow *
cvn_check_settings_window_new (GtkWindow   *parent,
                               CvnDocument *document)
{
  CvnCheckSettingsWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CVN_IS_DOCUMENT (document), NULL);

  self = g_object_new (CVN_TYPE_CHECK_SETTINGS_WINDOW, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  load (self);
  g_signal_connect_object (document, "changed", G_CALLBACK (load), self, G_CONNECT_SWAPPED);
  return self;
}

GtkSpinButton *
cvn_check_settings_window_get_spin (CvnCheckSettingsWindow *self,
                                    const char             *key)
{
  g_return_val_if_fail (CVN_IS_CHECK_SETTINGS_WINDOW (self), NULL);

  for (Setting setting = 0; setting < N_SETTINGS; setting++)
    if (g_strcmp0 (setting_keys[setting], key) == 0)
      return self->spins[setting];
  return NULL;
}
