/* cvn-details-pane.c
 *
 * The pane is rebuilt from scratch for every selection and after every edit: a document holds
 * at most a few hundred memberships per object, and building rows afresh is simpler than
 * keeping a diff right. Rows that name another object (a school's groups, a group's members)
 * are activatable and emit ::object-activated so the window can select that object in the
 * outline.
 *
 * Every field is editable where it is shown. A text field is an AdwEntryRow that commits when
 * Enter is pressed or when the focus leaves it; a number is a GtkSpinButton, a yes-or-no a
 * GtkSwitch, a colour a GtkColorButton, each the suffix of an AdwActionRow. Each commit is one
 * undoable edit made through cvn-edits.h, named after what changed ("Rename Cluster 4 to
 * Riverside Cluster").
 *
 * Commits run from an idle callback rather than inside the signal that asks for them: the edit
 * changes the document, the window reloads, and this pane rebuilds itself, which would pull
 * the very row that is emitting the signal out from under it. Because the pane is rebuilt, the
 * field that had the focus is found again by its name and given the focus back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-details-pane"

#include "config.h"

#include "cvn-details-pane.h"

#include "cvn-designation-dialog.h"
#include "cvn-directory.h"
#include "cvn-directory-entry-dialog.h"
#include "cvn-directory-view.h"
#include "cvn-edits.h"
#include "cvn-error-dialog.h"
#include "cvn-outline-item.h"
#include "cvn-palette.h"
#include "cvn-window.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

/* How long a spin button waits after the last click before committing, so that clicking from
 * 4 up to 8 is one edit rather than four. */
#define SPIN_COMMIT_DELAY_MS 700

struct _CvnDetailsPane
{
  GtkWidget      parent_instance;

  GtkStack      *stack;
  AdwStatusPage *status_page;
  AdwStatusPage *selection_page;
  GtkScrolledWindow *scrolled_window;
  GtkImage      *icon;
  GtkLabel      *title_label;
  GtkLabel      *summary_label;
  GtkBox        *groups_box;

  CvnDocument   *document;
  CvnObjectKind  kind;
  gint64         id;

  /* Field name -> its row, for giving the focus back after a rebuild. */
  GHashTable    *field_rows;
  /* Membership id -> MembershipInfo, for the Edit Dates dialog. */
  GHashTable    *memberships;
};

G_DEFINE_FINAL_TYPE (CvnDetailsPane, cvn_details_pane, GTK_TYPE_WIDGET)

enum {
  OBJECT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char *from_date;
  char *until_date;
  char *heading;       /* "St Anne's Primary in Cluster 4" */
} MembershipInfo;

static void
membership_info_free (MembershipInfo *info)
{
  g_free (info->from_date);
  g_free (info->until_date);
  g_free (info->heading);
  g_free (info);
}

/* Formatting ----------------------------------------------------------------------------- */

static char *
format_date (const char *date)
{
  g_autoptr (GDateTime) time = NULL;
  int year, month, day;

  if (date == NULL || *date == '\0')
    return g_strdup ("");
  if (sscanf (date, "%4d-%2d-%2d", &year, &month, &day) != 3)
    return g_strdup (date);
  time = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (time == NULL)
    return g_strdup (date);
  /* TRANSLATORS: a date as shown in the details pane; see g_date_time_format(). */
  return g_date_time_format (time, _("%-d %B %Y"));
}

static char *
format_date_range (const char *from_date,
                   const char *until_date)
{
  g_autofree char *from = format_date (from_date);
  g_autofree char *until = format_date (until_date);

  if (*from != '\0' && *until != '\0')
    /* TRANSLATORS: a period, as in "1 September 2021 to 31 August 2024". */
    return g_strdup_printf (_("%s to %s"), from, until);
  if (*from != '\0')
    return g_strdup_printf (_("Since %s"), from);
  if (*until != '\0')
    return g_strdup_printf (_("Until %s"), until);
  return g_strdup ("");
}

static char *
join (const char *first,
      const char *second)
{
  if (first == NULL || *first == '\0')
    return g_strdup (second != NULL ? second : "");
  if (second == NULL || *second == '\0')
    return g_strdup (first);
  /* TRANSLATORS: joins two parts of a short description, as in "Chair · Since 1 May 2022". */
  return g_strdup_printf (_("%s · %s"), first, second);
}

/* Whether a dated thing (a membership, a designation) is over, yet to start, or current. The
 * tag is shown beside the row; NULL means current. */
static const char *
date_range_tag (const char *from_date,
                const char *until_date,
                const char *today)
{
  if (cvn_date_range_is_current (from_date, until_date, today))
    return NULL;
  if (until_date != NULL && *until_date != '\0' && strcmp (until_date, today) < 0)
    return _("Ended");
  return _("Not started");
}

static const char *
tier_label (int tier)
{
  switch (tier)
    {
    case 3:
      return _("Tier 3, strategic");
    case 2:
      return _("Tier 2, alliance");
    case 1:
      return _("Tier 1, cluster");
    default:
      return _("Cross-cutting, no tier");
    }
}

/* Edits ---------------------------------------------------------------------------------- */

typedef enum
{
  EDIT_SET_TEXT,
  EDIT_SET_NUMBER,
  EDIT_SET_PARENT,
  EDIT_SET_SCHOOL,
  EDIT_SET_ROLE,
  EDIT_SET_DATES,
  EDIT_END_MEMBERSHIP,
  EDIT_DELETE_MEMBERSHIP,
  EDIT_END_DESIGNATION,
  EDIT_DELETE_DESIGNATION,
} EditKind;

/* One edit waiting for the idle callback that makes it. */
typedef struct
{
  CvnDetailsPane *self;
  EditKind        edit;
  CvnObjectKind   kind;
  gint64          id;          /* the object, or the membership */
  char           *field;
  char           *text;
  char           *text2;
  gboolean        is_set;
  double          number;
  GtkWidget      *row;         /* the entry to put back as it was if the edit fails */
  char           *original;
} PendingEdit;

static void
pending_edit_free (PendingEdit *pending)
{
  g_clear_object (&pending->self);
  g_clear_object (&pending->row);
  g_free (pending->field);
  g_free (pending->text);
  g_free (pending->text2);
  g_free (pending->original);
  g_free (pending);
}

static gboolean
run_edit (PendingEdit *pending,
          GError     **error)
{
  CvnDocument *doc = pending->self->document;
  g_autoptr (CvnSnapshot) snapshot = NULL;
  CvnRole role;

  switch (pending->edit)
    {
    case EDIT_SET_TEXT:
      return cvn_edit_set_text (doc, pending->kind, pending->id, pending->field, pending->text,
                                error);
    case EDIT_SET_NUMBER:
      return cvn_edit_set_number (doc, pending->kind, pending->id, pending->field,
                                  pending->is_set, pending->number, error);
    case EDIT_SET_PARENT:
      return cvn_edit_set_parent (doc, pending->id, (gint64) pending->number, error);
    case EDIT_SET_SCHOOL:
      return cvn_edit_set_person_school (doc, pending->id, (gint64) pending->number, error);
    case EDIT_SET_ROLE:
      if (!cvn_role_from_string (pending->text, &role))
        role = CVN_ROLE_MEMBER;
      return cvn_edit_set_membership_role (doc, pending->id, role, error);
    case EDIT_SET_DATES:
      return cvn_edit_set_membership_dates (doc, pending->id, pending->text, pending->text2,
                                            error);
    case EDIT_END_MEMBERSHIP:
      return cvn_edit_end_membership (doc, pending->id, error);
    case EDIT_DELETE_MEMBERSHIP:
      return cvn_edit_delete_membership (doc, pending->id, error);
    case EDIT_END_DESIGNATION:
    case EDIT_DELETE_DESIGNATION:
      /* The pane keeps no snapshot (it copies what it shows), so the designation is read
       * afresh: one small load for one click. */
      snapshot = cvn_snapshot_load (doc, error);
      if (snapshot == NULL)
        return FALSE;
      if (pending->edit == EDIT_END_DESIGNATION)
        return cvn_designation_end (doc, snapshot, pending->id, error);
      return cvn_designation_delete (doc, snapshot, pending->id, error);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
pending_edit_cb (gpointer user_data)
{
  PendingEdit *pending = user_data;
  g_autoptr (GError) error = NULL;

  if (pending->self->document == NULL)
    return G_SOURCE_REMOVE;
  if (!run_edit (pending, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (pending->self));

      /* The entry goes back to what the document holds, so what is shown stays true. */
      if (pending->row != NULL && pending->original != NULL)
        gtk_editable_set_text (GTK_EDITABLE (pending->row), pending->original);
      cvn_error_dialog_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL,
                                _("Could Not Make the Change"), error);
    }
  return G_SOURCE_REMOVE;
}

static PendingEdit *
pending_edit_new (CvnDetailsPane *self,
                  EditKind        edit,
                  CvnObjectKind   kind,
                  gint64          id)
{
  PendingEdit *pending = g_new0 (PendingEdit, 1);

  pending->self = g_object_ref (self);
  pending->edit = edit;
  pending->kind = kind;
  pending->id = id;
  return pending;
}

static void
schedule (PendingEdit *pending)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, pending_edit_cb, pending,
                   (GDestroyNotify) pending_edit_free);
}

/* Field rows keep what they edit as data: the object, the field, the value it had. */
static void
set_field_data (CvnDetailsPane *self,
                GtkWidget      *row,
                const char     *field)
{
  g_object_set_data (G_OBJECT (row), "cvn-kind", GINT_TO_POINTER (self->kind));
  g_object_set_data_full (G_OBJECT (row), "cvn-id", g_memdup2 (&self->id, sizeof self->id),
                          g_free);
  g_object_set_data_full (G_OBJECT (row), "cvn-field", g_strdup (field), g_free);
  g_hash_table_replace (self->field_rows, g_strdup (field), row);
}

static CvnObjectKind
row_kind (GtkWidget *row)
{
  return (CvnObjectKind) GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "cvn-kind"));
}

static gint64
row_id (GtkWidget *row)
{
  const gint64 *id = g_object_get_data (G_OBJECT (row), "cvn-id");

  return id != NULL ? *id : 0;
}

static const char *
row_field (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "cvn-field");
}

/* Reads a number as people type them: "1,250", " 42 ". */
static gboolean
parse_number (const char *text,
              gboolean   *is_set,
              double     *value)
{
  g_autoptr (GString) digits = g_string_new (NULL);
  char *end = NULL;

  for (const char *p = text; *p != '\0'; p++)
    if (*p != ',' && !g_ascii_isspace (*p))
      g_string_append_c (digits, *p);
  if (digits->len == 0)
    {
      *is_set = FALSE;
      *value = 0;
      return TRUE;
    }
  *value = g_ascii_strtod (digits->str, &end);
  *is_set = TRUE;
  return end != NULL && *end == '\0';
}

static void
commit_entry (CvnDetailsPane *self,
              GtkWidget      *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *original = g_strdup (g_object_get_data (G_OBJECT (row), "cvn-original"));
  gboolean numeric = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "cvn-numeric"));
  PendingEdit *pending;

  if (g_strcmp0 (text, original) == 0 || self->document == NULL)
    return;
  /* The row now stands for what was typed, so leaving it again does not commit twice. */
  g_object_set_data_full (G_OBJECT (row), "cvn-original", g_strdup (text), g_free);

  pending = pending_edit_new (self, numeric ? EDIT_SET_NUMBER : EDIT_SET_TEXT, row_kind (row),
                              row_id (row));
  pending->field = g_strdup (row_field (row));
  pending->row = g_object_ref (row);
  pending->original = g_strdup (original);
  if (numeric && !parse_number (text, &pending->is_set, &pending->number))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      g_autoptr (GError) error = g_error_new (CVN_EDIT_ERROR, CVN_EDIT_ERROR_INVALID,
                                             _("“%s” is not a number"), text);

      gtk_editable_set_text (GTK_EDITABLE (row), original);
      g_object_set_data_full (G_OBJECT (row), "cvn-original", g_strdup (original), g_free);
      cvn_error_dialog_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL,
                                _("Could Not Make the Change"), error);
      pending_edit_free (pending);
      return;
    }
  pending->text = g_strdup (text);
  schedule (pending);
}

static void
entry_apply_cb (AdwEntryRow    *row,
                CvnDetailsPane *self)
{
  commit_entry (self, GTK_WIDGET (row));
}

static void
entry_focus_leave_cb (GtkEventControllerFocus *controller,
                      CvnDetailsPane          *self)
{
  commit_entry (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static gboolean
entry_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      CvnDetailsPane        *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  const char *original = g_object_get_data (G_OBJECT (row), "cvn-original");

  /* Escape gives up what was typed and puts back the value the document holds. */
  if (keyval != GDK_KEY_Escape || g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)),
                                             original) == 0)
    return GDK_EVENT_PROPAGATE;
  gtk_editable_set_text (GTK_EDITABLE (row), original);
  gtk_editable_set_position (GTK_EDITABLE (row), -1);
  return GDK_EVENT_STOP;
}

/* A text field, edited in place. @numeric fields hold numbers and may be left empty. */
static GtkWidget *
add_entry (CvnDetailsPane      *self,
           AdwPreferencesGroup *group,
           const char          *title,
           const char          *field,
           const char          *value,
           gboolean             numeric)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  if (numeric)
    adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_NUMBER);
  gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
  set_field_data (self, row, field);
  g_object_set_data_full (G_OBJECT (row), "cvn-original", g_strdup (value != NULL ? value : ""),
                          g_free);
  g_object_set_data (G_OBJECT (row), "cvn-numeric", GINT_TO_POINTER (numeric));

  g_signal_connect_object (row, "apply", G_CALLBACK (entry_apply_cb), self, 0);
  g_signal_connect_object (row, "entry-activated", G_CALLBACK (entry_apply_cb), self, 0);
  g_signal_connect_object (focus, "leave", G_CALLBACK (entry_focus_leave_cb), self, 0);
  gtk_widget_add_controller (row, focus);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self, 0);
  gtk_widget_add_controller (row, keys);

  adw_preferences_group_add (group, row);
  return row;
}

static char *
format_number (gboolean is_set,
               double   value)
{
  return is_set ? g_strdup_printf ("%.0f", value) : g_strdup ("");
}

static void
switch_active_cb (GtkSwitch      *toggle,
                  GParamSpec     *pspec,
                  CvnDetailsPane *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (toggle), "cvn-row");
  PendingEdit *pending = pending_edit_new (self, EDIT_SET_NUMBER, row_kind (row), row_id (row));

  pending->field = g_strdup (row_field (row));
  pending->is_set = TRUE;
  pending->number = gtk_switch_get_active (toggle) ? 1 : 0;
  schedule (pending);
}

/* A yes-or-no field: a row with a switch. */
static GtkWidget *
add_switch (CvnDetailsPane      *self,
            AdwPreferencesGroup *group,
            const char          *title,
            const char          *subtitle,
            const char          *field,
            gboolean             active)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, subtitle);
  gtk_switch_set_active (GTK_SWITCH (toggle), active);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (row, toggle);
  adw_action_row_set_activatable_widget (row, toggle);
  set_field_data (self, GTK_WIDGET (row), field);
  g_object_set_data (G_OBJECT (toggle), "cvn-row", row);
  g_signal_connect_object (toggle, "notify::active", G_CALLBACK (switch_active_cb), self, 0);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  return GTK_WIDGET (row);
}

static void
free_weak_ref (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static gboolean
spin_commit_cb (gpointer user_data)
{
  GtkSpinButton *spin = user_data;
  g_autoptr (CvnDetailsPane) self = g_weak_ref_get (g_object_get_data (G_OBJECT (spin),
                                                                       "cvn-pane"));
  GtkWidget *widget = GTK_WIDGET (spin);
  PendingEdit *pending;

  g_object_set_data (G_OBJECT (spin), "cvn-timeout", NULL);
  if (self == NULL)
    return G_SOURCE_REMOVE;
  /* The row may be gone by now (the pane rebuilt); the spin button carries the field itself. */
  pending = pending_edit_new (self, EDIT_SET_NUMBER, row_kind (widget), row_id (widget));
  pending->field = g_strdup (row_field (widget));
  pending->number = gtk_spin_button_get_value (spin);
  /* Zero means "no rule" in every field shown with a spin button. */
  pending->is_set = pending->number > 0;
  schedule (pending);
  return G_SOURCE_REMOVE;
}

static void
spin_value_changed_cb (GtkSpinButton  *spin,
                       CvnDetailsPane *self)
{
  guint timeout = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (spin), "cvn-timeout"));

  if (timeout != 0)
    g_source_remove (timeout);
  timeout = g_timeout_add_full (G_PRIORITY_DEFAULT, SPIN_COMMIT_DELAY_MS, spin_commit_cb,
                                g_object_ref (spin), g_object_unref);
  g_object_set_data (G_OBJECT (spin), "cvn-timeout", GUINT_TO_POINTER (timeout));
}

/* A whole number of 0 or more, where 0 means there is no rule: a row with a spin button. */
static GtkWidget *
add_spin (CvnDetailsPane      *self,
          AdwPreferencesGroup *group,
          const char          *title,
          const char          *subtitle,
          const char          *field,
          int                  value)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 100, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, subtitle);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), MAX (value, 0));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  adw_action_row_add_suffix (row, spin);
  set_field_data (self, GTK_WIDGET (row), field);
  g_object_set_data (G_OBJECT (spin), "cvn-kind", GINT_TO_POINTER (self->kind));
  g_object_set_data_full (G_OBJECT (spin), "cvn-id", g_memdup2 (&self->id, sizeof self->id),
                          g_free);
  g_object_set_data_full (G_OBJECT (spin), "cvn-field", g_strdup (field), g_free);
  /* The spin button may outlive the pane by the commit delay, so it holds it weakly. */
  {
    GWeakRef *pane_ref = g_new0 (GWeakRef, 1);

    g_weak_ref_init (pane_ref, self);
    g_object_set_data_full (G_OBJECT (spin), "cvn-pane", pane_ref, free_weak_ref);
  }
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (spin_value_changed_cb), self, 0);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  return GTK_WIDGET (row);
}

static void
colour_set_cb (GtkColorButton *button,
               CvnDetailsPane *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "cvn-row");
  PendingEdit *pending = pending_edit_new (self, EDIT_SET_TEXT, row_kind (row), row_id (row));
  GdkRGBA rgba;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  pending->field = g_strdup ("colour");
  pending->text = g_strdup_printf ("#%02x%02x%02x", (guint) (rgba.red * 255 + 0.5),
                                   (guint) (rgba.green * 255 + 0.5),
                                   (guint) (rgba.blue * 255 + 0.5));
  schedule (pending);
}

static void
colour_reset_cb (GtkButton      *button,
                 CvnDetailsPane *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "cvn-row");
  PendingEdit *pending = pending_edit_new (self, EDIT_SET_TEXT, row_kind (row), row_id (row));

  pending->field = g_strdup ("colour");
  pending->text = g_strdup ("");
  schedule (pending);
}

/* The colour an object is drawn in: a colour button, and a button that goes back to the
 * colour of its kind. */
static GtkWidget *
add_colour (CvnDetailsPane      *self,
            AdwPreferencesGroup *group,
            const char          *colour,
            const CvnColour     *kind_colour)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *button = gtk_color_button_new ();
  GtkWidget *reset = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  gboolean has_colour = colour != NULL && *colour != '\0';
  GdkRGBA rgba = { kind_colour->red, kind_colour->green, kind_colour->blue, 1 };

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Colour"));
  /* Without a colour of its own the object is drawn in its kind's, which the button shows. */
  adw_action_row_set_subtitle (row, has_colour ? colour : _("The colour of its kind"));
  if (has_colour)
    gdk_rgba_parse (&rgba, colour);
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (button), FALSE);
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  gtk_color_button_set_title (GTK_COLOR_BUTTON (button), _("Choose a Colour"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Choose a colour"));
  gtk_widget_set_valign (reset, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (reset, "flat");
  gtk_widget_set_tooltip_text (reset, _("Use the colour of its kind"));
  gtk_widget_set_visible (reset, has_colour);
  adw_action_row_add_suffix (row, reset);
  adw_action_row_add_suffix (row, button);
  set_field_data (self, GTK_WIDGET (row), "colour");
  g_object_set_data (G_OBJECT (button), "cvn-row", row);
  g_object_set_data (G_OBJECT (reset), "cvn-row", row);
  g_signal_connect_object (button, "color-set", G_CALLBACK (colour_set_cb), self, 0);
  g_signal_connect_object (reset, "clicked", G_CALLBACK (colour_reset_cb), self, 0);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  return GTK_WIDGET (row);
}

static void
tier_selected_cb (AdwComboRow    *row,
                  GParamSpec     *pspec,
                  CvnDetailsPane *self)
{
  PendingEdit *pending = pending_edit_new (self, EDIT_SET_NUMBER, row_kind (GTK_WIDGET (row)),
                                           row_id (GTK_WIDGET (row)));
  guint selected = adw_combo_row_get_selected (row);

  pending->field = g_strdup ("tier");
  pending->is_set = selected > 0;
  pending->number = selected;
  schedule (pending);
}

/* Actions on memberships and fields, from the rows' menus and buttons. */
static void
set_role_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CvnDetailsPane *self = CVN_DETAILS_PANE (widget);
  gint64 membership_id;
  const char *role;
  PendingEdit *pending;

  g_variant_get (parameter, "(x&s)", &membership_id, &role);
  pending = pending_edit_new (self, EDIT_SET_ROLE, CVN_OBJECT_NONE, membership_id);
  pending->text = g_strdup (role);
  schedule (pending);
}

static void
dates_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   CvnDetailsPane   *self)
{
  GtkEditable *from = g_object_get_data (G_OBJECT (dialog), "cvn-from");
  GtkEditable *until = g_object_get_data (G_OBJECT (dialog), "cvn-until");
  const gint64 *membership_id = g_object_get_data (G_OBJECT (dialog), "cvn-membership");
  PendingEdit *pending;

  if (g_strcmp0 (response, "save") != 0)
    return;
  pending = pending_edit_new (self, EDIT_SET_DATES, CVN_OBJECT_NONE, *membership_id);
  pending->text = g_strdup (gtk_editable_get_text (from));
  pending->text2 = g_strdup (gtk_editable_get_text (until));
  schedule (pending);
}

static GtkWidget *
new_date_row (const char *title,
              const char *value)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), value);
  return row;
}

static void
edit_dates_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CvnDetailsPane *self = CVN_DETAILS_PANE (widget);
  gint64 membership_id = g_variant_get_int64 (parameter);
  MembershipInfo *info = g_hash_table_lookup (self->memberships, &membership_id);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;
  GtkWidget *list;
  GtkWidget *from;
  GtkWidget *until;

  if (info == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Membership Dates"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s. Write dates as YYYY-MM-DD; leave a date empty when it "
                                    "is not known."), info->heading);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  from = new_date_row (_("Member from"), info->from_date);
  until = new_date_row (_("Member until"), info->until_date);
  gtk_list_box_append (GTK_LIST_BOX (list), from);
  gtk_list_box_append (GTK_LIST_BOX (list), until);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "cvn-from", from);
  g_object_set_data (G_OBJECT (dialog), "cvn-until", until);
  g_object_set_data_full (G_OBJECT (dialog), "cvn-membership",
                          g_memdup2 (&membership_id, sizeof membership_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (dates_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Designations and the directory, from their rows' menus and the groups' buttons. */
static void
open_designation_dialog (CvnDetailsPane *self,
                         gint64          designation_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr (CvnSnapshot) snapshot = NULL;
  g_autoptr (GError) error = NULL;
  CvnDesignationDialog *dialog;

  if (self->document == NULL
      || (self->kind != CVN_OBJECT_ESTABLISHMENT && self->kind != CVN_OBJECT_PERSON))
    return;
  snapshot = cvn_snapshot_load (self->document, &error);
  if (snapshot == NULL)
    {
      cvn_error_dialog_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL,
                                _("Could Not Read the Document"), error);
      return;
    }
  dialog = cvn_designation_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       self->document, snapshot, self->kind, self->id,
                                       designation_id);
  if (dialog != NULL)
    gtk_window_present (GTK_WINDOW (dialog));
}

/* details.add-designation (no parameter) and details.edit-designation (the designation). */
static void
designation_dialog_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  open_designation_dialog (CVN_DETAILS_PANE (widget),
                           parameter != NULL ? g_variant_get_int64 (parameter) : 0);
}

/* The directory entry dialog reads its choices from the window's snapshot, so it opens only
 * when the pane is in a window. */
static void
open_entry_dialog (CvnDetailsPane *self,
                   gint64          entry_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  CvnDirectoryEntryDialog *dialog;

  if (!CVN_IS_WINDOW (root) || cvn_window_get_snapshot (CVN_WINDOW (root)) == NULL)
    return;
  dialog = cvn_directory_entry_dialog_new (CVN_WINDOW (root), entry_id);
  /* A new entry belongs to the school or person shown; the rest is for the reader. */
  if (entry_id == 0)
    {
      CvnDirectoryEntry entry = { 0 };

      entry.holder_kind = self->kind;
      entry.holder_id = self->id;
      entry.kind = CVN_DIRECTORY_STRENGTH;
      entry.evidence = entry.phase = entry.priority = entry.notes = (char *) "";
      entry.reviewer = entry.reviewed_on = (char *) "";
      entry.qa_status = CVN_QA_SELF_DECLARED;
      cvn_directory_entry_dialog_set_entry (dialog, &entry);
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

/* details.add-directory-entry (no parameter) and details.edit-directory-entry (the entry). */
static void
entry_dialog_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_entry_dialog (CVN_DETAILS_PANE (widget),
                     parameter != NULL ? g_variant_get_int64 (parameter) : 0);
}

/* The actions whose parameter names the one record an edit is for: ending or deleting a
 * membership or a designation, and clearing a group's parent or a person's school (which
 * sets them to none, 0). */
static const struct
{
  const char    *name;
  EditKind       edit;
  CvnObjectKind  kind;
} record_actions[] = {
  { "details.end-membership", EDIT_END_MEMBERSHIP, CVN_OBJECT_NONE },
  { "details.delete-membership", EDIT_DELETE_MEMBERSHIP, CVN_OBJECT_NONE },
  { "details.clear-parent", EDIT_SET_PARENT, CVN_OBJECT_GROUP },
  { "details.clear-school", EDIT_SET_SCHOOL, CVN_OBJECT_PERSON },
  { "details.end-designation", EDIT_END_DESIGNATION, CVN_OBJECT_NONE },
  { "details.delete-designation", EDIT_DELETE_DESIGNATION, CVN_OBJECT_NONE },
};

static void
record_edit_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  for (guint i = 0; i < G_N_ELEMENTS (record_actions); i++)
    if (g_str_equal (action_name, record_actions[i].name))
      schedule (pending_edit_new (CVN_DETAILS_PANE (widget), record_actions[i].edit,
                                  record_actions[i].kind, g_variant_get_int64 (parameter)));
}

static void
set_kind_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CvnDetailsPane *self = CVN_DETAILS_PANE (widget);
  PendingEdit *pending;

  if (self->kind != CVN_OBJECT_GROUP)
    return;
  pending = pending_edit_new (self, EDIT_SET_TEXT, CVN_OBJECT_GROUP, self->id);
  pending->field = g_strdup ("kind");
  pending->text = g_variant_dup_string (parameter, NULL);
  schedule (pending);
}

/* Rows ----------------------------------------------------------------------------------- */

static void
clear (CvnDetailsPane *self)
{
  GtkWidget *child;

  g_hash_table_remove_all (self->field_rows);
  g_hash_table_remove_all (self->memberships);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);
}

static AdwPreferencesGroup *
add_group (CvnDetailsPane *self,
           const char     *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (self->groups_box, group);
  return ADW_PREFERENCES_GROUP (group);
}

/* A flat button at the end of a group's heading ("Add Member…"), running a window action. */
static void
add_header_button (AdwPreferencesGroup *group,
                   const char          *label,
                   const char          *icon_name,
                   const char          *action_name,
                   GVariant            *target)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon_name);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  adw_preferences_group_set_header_suffix (group, button);
}

static AdwActionRow *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Names come from the document ("St Mary & St John"), not from markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return ADW_ACTION_ROW (row);
}

/* A field that is worked out rather than entered (a count): its name small above, its value
 * below, like a form read back. An empty value says so in words rather than leaving a gap that
 * looks like a fault. */
static void
add_field (AdwPreferencesGroup *group,
           const char          *label,
           const char          *value)
{
  gboolean known = value != NULL && *value != '\0';
  AdwActionRow *row = new_row (label, known ? value : _("Not recorded"));

  gtk_widget_add_css_class (GTK_WIDGET (row), "property");
  if (!known)
    gtk_widget_add_css_class (GTK_WIDGET (row), "not-recorded");
  adw_preferences_group_add (group, GTK_WIDGET (row));
}

static void
link_row_activated_cb (AdwActionRow   *row,
                       CvnDetailsPane *self)
{
  CvnObjectKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "cvn-link-kind"));
  const gint64 *id = g_object_get_data (G_OBJECT (row), "cvn-link-id");

  g_signal_emit (self, signals[OBJECT_ACTIVATED], 0, (int) kind, *id);
}

static const char *
object_icon_name (CvnSnapshot  *snapshot,
                  CvnObjectKind kind,
                  gint64        id)
{
  switch (kind)
    {
    case CVN_OBJECT_ESTABLISHMENT:
      return "cvn-school-symbolic";
    case CVN_OBJECT_PERSON:
      return "avatar-default-symbolic";
    case CVN_OBJECT_GROUP:
      {
        const CvnGroup *group = cvn_snapshot_find_group (snapshot, id);

        return cvn_outline_group_icon_name (group != NULL ? group->kind : NULL);
      }
    case CVN_OBJECT_NONE:
    default:
      return "action-unavailable-symbolic";
    }
}

/* The menu of a membership row: its role, its dates, ending it, or erasing the record. */
static GMenuModel *
membership_menu (const CvnMembership *membership,
                 gboolean             is_current)
{
  GMenu *menu = g_menu_new ();
  g_autoptr (GMenu) roles = g_menu_new ();
  g_autoptr (GMenu) dates = g_menu_new ();
  g_autoptr (GMenu) ending = g_menu_new ();
  g_autoptr (GMenuItem) item = NULL;

  for (CvnRole role = CVN_ROLE_MEMBER; role < CVN_N_ROLES; role++)
    {
      g_autoptr (GMenuItem) role_item = NULL;

      if (role == membership->role)
        continue;
      role_item = g_menu_item_new (cvn_role_get_label (role), NULL);
      g_menu_item_set_action_and_target_value (
        role_item, "details.set-role",
        g_variant_new ("(xs)", membership->id, cvn_role_to_string (role)));
      g_menu_append_item (roles, role_item);
    }
  item = g_menu_item_new_submenu (_("Change _Role"), G_MENU_MODEL (roles));
  g_menu_append_item (dates, item);
  g_clear_object (&item);

  item = g_menu_item_new (_("Edit _Dates…"), NULL);
  g_menu_item_set_action_and_target_value (item, "details.edit-dates",
                                           g_variant_new_int64 (membership->id));
  g_menu_append_item (dates, item);
  g_clear_object (&item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (dates));

  if (is_current)
    {
      item = g_menu_item_new (_("_End Membership"), NULL);
      g_menu_item_set_action_and_target_value (item, "details.end-membership",
                                               g_variant_new_int64 (membership->id));
      g_menu_append_item (ending, item);
      g_clear_object (&item);
    }
  item = g_menu_item_new (_("Delete Membership _Record"), NULL);
  g_menu_item_set_action_and_target_value (item, "details.delete-membership",
                                           g_variant_new_int64 (membership->id));
  g_menu_append_item (ending, item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (ending));
  return G_MENU_MODEL (menu);
}

/* A row that leads to another object; @tag ("Ended") marks one that is no longer current. A
 * row for a membership (@membership not NULL) has a menu to change or end it. */
static AdwActionRow *
add_link (CvnDetailsPane      *self,
          AdwPreferencesGroup *group,
          CvnSnapshot         *snapshot,
          CvnObjectKind        kind,
          gint64               id,
          const char          *subtitle,
          const char          *tag,
          const CvnMembership *membership)
{
  const char *name = cvn_snapshot_get_name (snapshot, kind, id);
  AdwActionRow *row;
  GtkWidget *image;

  if (name == NULL)
    return NULL;

  row = new_row (name, subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "cvn-link-kind", GINT_TO_POINTER (kind));
  g_object_set_data_full (G_OBJECT (row), "cvn-link-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (row, "activated", G_CALLBACK (link_row_activated_cb), self, 0);

  image = gtk_image_new_from_icon_name (object_icon_name (snapshot, kind, id));
  gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  kind == CVN_OBJECT_ESTABLISHMENT ? _("School")
                                  : kind == CVN_OBJECT_PERSON ? _("Person") : _("Group"),
                                  -1);
  adw_action_row_add_prefix (row, image);

  if (tag != NULL)
    {
      GtkWidget *label = gtk_label_new (tag);

      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (label, "tag");
      adw_action_row_add_suffix (row, label);
      gtk_widget_add_css_class (GTK_WIDGET (row), "ended");
    }

  if (membership != NULL)
    {
      g_autoptr (GMenuModel) menu = membership_menu (membership, tag == NULL);
      GtkWidget *button = gtk_menu_button_new ();
      const char *member_name = cvn_snapshot_get_name (snapshot, membership->member_kind,
                                                       membership->member_id);
      const char *group_name = cvn_snapshot_get_name (snapshot, CVN_OBJECT_GROUP,
                                                      membership->group_id);
      MembershipInfo *info = g_new0 (MembershipInfo, 1);

      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Change or End the Membership"));
      adw_action_row_add_suffix (row, button);

      info->from_date = g_strdup (membership->from_date);
      info->until_date = g_strdup (membership->until_date);
      /* TRANSLATORS: names a membership, as in "St Anne's Primary in Cluster 4". */
      info->heading = g_strdup_printf (_("%s in %s"), member_name != NULL ? member_name : "",
                                       group_name != NULL ? group_name : "");
      g_hash_table_replace (self->memberships, g_memdup2 (&membership->id, sizeof (gint64)),
                            info);
    }

  image = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show"), -1);
  adw_action_row_add_suffix (row, image);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  return row;
}

/* A row naming the object a field points at (a group's parent, a person's school), with
 * buttons to choose another and to clear it. */
static void
add_reference (CvnDetailsPane      *self,
               AdwPreferencesGroup *group,
               CvnSnapshot         *snapshot,
               const char          *title,
               const char          *field,
               CvnObjectKind        kind,
               gint64               id,
               const char          *none_text,
               const char          *choose_action,
               const char          *choose_tooltip,
               const char          *clear_action,
               const char          *clear_tooltip)
{
  const char *name = id != 0 ? cvn_snapshot_get_name (snapshot, kind, id) : NULL;
  AdwActionRow *row = new_row (title, name != NULL ? name : none_text);
  GtkWidget *choose = gtk_button_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *clear_button;

  gtk_widget_add_css_class (GTK_WIDGET (row), "property");
  if (name == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "not-recorded");
  else
    {
      GtkWidget *image = gtk_image_new_from_icon_name ("go-next-symbolic");

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "cvn-link-kind", GINT_TO_POINTER (kind));
      g_object_set_data_full (G_OBJECT (row), "cvn-link-id", g_memdup2 (&id, sizeof id), g_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (link_row_activated_cb), self, 0);
      clear_button = gtk_button_new_from_icon_name ("edit-clear-symbolic");
      gtk_widget_add_css_class (clear_button, "flat");
      gtk_widget_set_valign (clear_button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (clear_button, clear_tooltip);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (clear_button), clear_action);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (clear_button),
                                              g_variant_new_int64 (self->id));
      adw_action_row_add_suffix (row, clear_button);
      gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show"), -1);
      g_object_set_data (G_OBJECT (row), "cvn-go", image);
    }

  gtk_widget_add_css_class (choose, "flat");
  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (choose, choose_tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (choose), choose_action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (choose),
                                          g_variant_new_int64 (self->id));
  adw_action_row_add_suffix (row, choose);
  if (g_object_get_data (G_OBJECT (row), "cvn-go") != NULL)
    adw_action_row_add_suffix (row, g_object_get_data (G_OBJECT (row), "cvn-go"));
  set_field_data (self, GTK_WIDGET (row), field);
  adw_preferences_group_add (group, GTK_WIDGET (row));
}

/* The Delete button at the foot of the pane. */
static void
add_delete_button (CvnDetailsPane *self,
                   const char     *label)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_add_css_class (button, "destructive-action");
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (button, 12);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.delete-object");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new ("(ix)", (int) self->kind, self->id));
  gtk_box_append (self->groups_box, button);
}

static int
role_rank (CvnRole role)
{
  return role == CVN_ROLE_MEMBER ? CVN_N_ROLES : (int) role;
}

static int
compare_memberships (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  const CvnMembership *first = *(const CvnMembership * const *) a;
  const CvnMembership *second = *(const CvnMembership * const *) b;
  CvnSnapshot *snapshot = user_data;
  gboolean first_current = cvn_snapshot_membership_is_current (snapshot, first);
  gboolean second_current = cvn_snapshot_membership_is_current (snapshot, second);
  const char *first_name;
  const char *second_name;

  /* Current memberships first, then the others (history) most recent first. */
  if (first_current != second_current)
    return first_current ? -1 : 1;
  if (!first_current)
    {
      int by_date = g_strcmp0 (second->until_date, first->until_date);

      if (by_date != 0)
        return by_date;
    }
  /* Chairs and other office holders before plain members. */
  if (role_rank (first->role) != role_rank (second->role))
    return role_rank (first->role) - role_rank (second->role);
  if (first->member_kind != second->member_kind)
    return (int) first->member_kind - (int) second->member_kind;
  first_name = cvn_snapshot_get_name (snapshot, first->member_kind, first->member_id);
  second_name = cvn_snapshot_get_name (snapshot, second->member_kind, second->member_id);
  return g_utf8_collate (first_name != NULL ? first_name : "",
                         second_name != NULL ? second_name : "");
}

static int
compare_groups_of (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const CvnMembership *first = *(const CvnMembership * const *) a;
  const CvnMembership *second = *(const CvnMembership * const *) b;
  CvnSnapshot *snapshot = user_data;
  gboolean first_current = cvn_snapshot_membership_is_current (snapshot, first);
  gboolean second_current = cvn_snapshot_membership_is_current (snapshot, second);
  const CvnGroup *first_group = cvn_snapshot_find_group (snapshot, first->group_id);
  const CvnGroup *second_group = cvn_snapshot_find_group (snapshot, second->group_id);

  if (first_current != second_current)
    return first_current ? -1 : 1;
  if (first_group == NULL || second_group == NULL)
    return (first_group == NULL) - (second_group == NULL);
  /* Higher tiers first, as the outline reads: board, alliance, cluster, then the rest. */
  if (first_group->tier != second_group->tier)
    return second_group->tier - first_group->tier;
  return g_utf8_collate (first_group->name, second_group->name);
}

/* The groups an object (a school or a person) is in, current ones first and ended ones after,
 * marked, so the history stays visible. */
static void
add_groups_of (CvnDetailsPane *self,
               CvnSnapshot    *snapshot,
               CvnObjectKind   kind,
               gint64          id)
{
  g_autoptr (GPtrArray) memberships = cvn_snapshot_get_memberships_of (snapshot, kind, id, FALSE);
  AdwPreferencesGroup *group;

  group = add_group (self, _("Groups"));
  add_header_button (group, _("_Add to Group…"), "list-add-symbolic",
                     "win.add-object-to-group", g_variant_new ("(ix)", (int) kind, id));
  if (memberships->len == 0)
    {
      adw_preferences_group_set_description (group, _("Not a member of any group."));
      return;
    }

  g_ptr_array_sort_with_data (memberships, compare_groups_of, snapshot);
  for (guint i = 0; i < memberships->len; i++)
    {
      const CvnMembership *membership = g_ptr_array_index (memberships, i);
      const CvnGroup *member_of = cvn_snapshot_find_group (snapshot, membership->group_id);
      g_autofree char *kind_label = NULL;
      g_autofree char *role = NULL;
      g_autofree char *dates = NULL;
      g_autofree char *subtitle = NULL;

      if (member_of == NULL)
        continue;
      kind_label = cvn_outline_dup_kind_label (member_of->kind);
      role = join (kind_label, cvn_role_get_label (membership->role));
      dates = format_date_range (membership->from_date, membership->until_date);
      subtitle = join (role, dates);
      add_link (self, group, snapshot, CVN_OBJECT_GROUP, member_of->id, subtitle,
                date_range_tag (membership->from_date, membership->until_date,
                                snapshot->today), membership);
    }
}

static void
append_menu_item (GMenu      *menu,
                  const char *label,
                  const char *action_name,
                  gint64      id)
{
  g_autoptr (GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action_name, g_variant_new_int64 (id));
  g_menu_append_item (menu, item);
}

/* The menu of a designation row: its dates, ending it, or erasing the record. */
static GMenuModel *
designation_menu (gint64   designation_id,
                  gboolean is_expired)
{
  GMenu *menu = g_menu_new ();
  g_autoptr (GMenu) dates = g_menu_new ();
  g_autoptr (GMenu) ending = g_menu_new ();

  append_menu_item (dates, _("Edit _Dates…"), "details.edit-designation", designation_id);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (dates));
  if (!is_expired)
    append_menu_item (ending, _("_End"), "details.end-designation", designation_id);
  append_menu_item (ending, _("_Delete"), "details.delete-designation", designation_id);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (ending));
  return G_MENU_MODEL (menu);
}

/* The designations an object holds, current ones first and expired ones after as history
 * (they no longer count, but the record of them stays). */
static void
add_designations (CvnDetailsPane *self,
                  CvnSnapshot    *snapshot,
                  CvnObjectKind   kind,
                  gint64          id)
{
  g_autoptr (GPtrArray) designations = cvn_snapshot_get_designations_of (snapshot, kind, id,
                                                                         FALSE);
  AdwPreferencesGroup *current;
  AdwPreferencesGroup *past = NULL;
  guint n_current = 0;

  current = add_group (self, _("Designations"));
  add_header_button (current, _("Add _Designation…"), "list-add-symbolic",
                     "details.add-designation", NULL);
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < designations->len; i++)
      {
        const CvnDesignation *designation = g_ptr_array_index (designations, i);
        const CvnDesignationType *type =
          cvn_snapshot_find_designation_type (snapshot, designation->type_id);
        gboolean is_current = cvn_date_range_is_current (designation->from_date,
                                                         designation->until_date,
                                                         snapshot->today);
        const char *tag = date_range_tag (designation->from_date, designation->until_date,
                                          snapshot->today);
        g_autofree char *title = NULL;
        g_autofree char *dates = NULL;
        g_autoptr (GMenuModel) menu = NULL;
        GtkWidget *button;
        AdwActionRow *row;

        if (type == NULL || is_current != (pass == 0))
          continue;
        if (!is_current && past == NULL)
          past = add_group (self, _("Past Designations"));

        if (*type->name != '\0' && g_strcmp0 (type->name, type->code) != 0)
          /* TRANSLATORS: a designation and its code, as in "Local leader of education (LLE)". */
          title = g_strdup_printf (_("%s (%s)"), type->name, type->code);
        else
          title = g_strdup (type->code);
        dates = format_date_range (designation->from_date, designation->until_date);
        row = new_row (title, dates);
        if (!is_current)
          {
            GtkWidget *label = gtk_label_new (tag);

            gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
            gtk_widget_add_css_class (label, "tag");
            adw_action_row_add_suffix (row, label);
            gtk_widget_add_css_class (GTK_WIDGET (row), "ended");
          }
        else
          n_current++;
        menu = designation_menu (designation->id,
                                 cvn_designation_is_expired (designation, snapshot->today));
        button = gtk_menu_button_new ();
        gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
        gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
        gtk_widget_add_css_class (button, "flat");
        gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
        gtk_widget_set_tooltip_text (button, _("Change or End the Designation"));
        adw_action_row_add_suffix (row, button);
        g_object_set_data_full (G_OBJECT (row), "cvn-designation",
                                g_memdup2 (&designation->id, sizeof (gint64)), g_free);
        adw_preferences_group_add (is_current ? current : past, GTK_WIDGET (row));
      }
  if (n_current == 0)
    adw_preferences_group_set_description (current, _("No current designation."));
}

static AdwPreferencesGroup *
add_named_group (CvnDetailsPane *self,
                 const char     *title,
                 const char     *name)
{
  AdwPreferencesGroup *group = add_group (self, title);

  /* Named so that tests and the inspector can find the group whatever its title's language. */
  gtk_widget_set_name (GTK_WIDGET (group), name);
  return group;
}

static char *
format_days (double days)
{
  /* TRANSLATORS: days of support, as in "4.5 days"; the number is already formatted. */
  g_autofree char *number = g_strdup_printf ("%g", days);

  return g_strdup_printf (days == 1 ? _("%s day") : _("%s days"), number);
}

/* The holder's strengths and areas for development, each opening the directory's dialog. */
static void
add_directory_entries (CvnDetailsPane *self,
                       CvnSnapshot    *snapshot,
                       CvnObjectKind   kind,
                       gint64          id)
{
  AdwPreferencesGroup *strengths;
  AdwPreferencesGroup *needs;
  guint n_strengths = 0, n_needs = 0;

  strengths = add_named_group (self, _("Strengths"), "strengths");
  add_header_button (strengths, _("Add _Strength or Need…"), "list-add-symbolic",
                     "details.add-directory-entry", NULL);
  needs = add_named_group (self, _("Areas for Development"), "needs");

  for (guint i = 0; i < snapshot->directory_entries->len; i++)
    {
      const CvnDirectoryEntry *entry = &g_array_index (snapshot->directory_entries,
                                                       CvnDirectoryEntry, i);
      const CvnExpertiseArea *area = cvn_snapshot_find_expertise_area (snapshot, entry->area_id);
      gboolean is_need = entry->kind == CVN_DIRECTORY_NEED;
      g_autofree char *amount = NULL;
      g_autofree char *reviewed = NULL;
      g_autofree char *first = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *image;
      AdwActionRow *row;

      if (entry->holder_kind != kind || entry->holder_id != id)
        continue;
      if (is_need)
        {
          if (*entry->priority != '\0')
            /* TRANSLATORS: a need's priority, as in "high priority". */
            amount = g_strdup_printf (_("%s priority"), entry->priority);
        }
      else
        {
          g_autofree char *days = format_days (entry->capacity_days);

          /* TRANSLATORS: the capacity a strength offers, as in "4 days per term". */
          amount = g_strdup_printf (_("%s per term"), days);
        }
      if (*entry->reviewed_on != '\0')
        {
          g_autofree char *date = format_date (entry->reviewed_on);

          reviewed = g_strdup_printf (_("reviewed %s"), date);
        }
      first = join (amount, cvn_directory_view_qa_label (entry->qa_status));
      subtitle = join (first, reviewed);

      row = new_row (area != NULL ? area->name : _("Unknown area"), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "details.edit-directory-entry");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                              g_variant_new_int64 (entry->id));
      image = gtk_image_new_from_icon_name ("document-edit-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Edit"), -1);
      adw_action_row_add_suffix (row, image);
      adw_preferences_group_add (is_need ? needs : strengths, GTK_WIDGET (row));
      if (is_need)
        n_needs++;
      else
        n_strengths++;
    }
  if (n_strengths == 0)
    adw_preferences_group_set_description (strengths, _("No strengths recorded."));
  if (n_needs == 0)
    adw_preferences_group_set_description (needs, _("No areas for development recorded."));
}

/* Support the holder receives (a school) and gives (a school or a person); each row leads to
 * the other party. */
static void
add_engagements (CvnDetailsPane *self,
                 CvnSnapshot    *snapshot,
                 CvnObjectKind   kind,
                 gint64          id)
{
  AdwPreferencesGroup *received = NULL;
  AdwPreferencesGroup *given = NULL;

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < snapshot->support_engagements->len; i++)
      {
        const CvnSupportEngagement *engagement = &g_array_index (snapshot->support_engagements,
                                                                 CvnSupportEngagement, i);
        const CvnExpertiseArea *area = cvn_snapshot_find_expertise_area (snapshot,
                                                                         engagement->area_id);
        gboolean as_recipient = pass == 0;
        g_autofree char *days = format_days (engagement->days);
        g_autofree char *first = NULL;
        g_autofree char *second = NULL;
        AdwPreferencesGroup **group;

        if (as_recipient
            ? kind != CVN_OBJECT_ESTABLISHMENT || engagement->recipient_id != id
            : engagement->provider_kind != kind || engagement->provider_id != id)
          continue;
        group = as_recipient ? &received : &given;
        if (*group == NULL)
          *group = as_recipient ? add_named_group (self, _("Support Received"), "received")
                                : add_named_group (self, _("Support Given"), "given");
        first = join (area != NULL ? area->name : NULL, days);
        second = join (first, cvn_directory_view_status_label (engagement->status));
        if (as_recipient)
          add_link (self, *group, snapshot, engagement->provider_kind, engagement->provider_id,
                    second, NULL, NULL);
        else
          add_link (self, *group, snapshot, CVN_OBJECT_ESTABLISHMENT, engagement->recipient_id,
                    second, NULL, NULL);
      }
}

static void
set_header (CvnDetailsPane *self,
            const char     *icon_name,
            const char     *title,
            const char     *summary)
{
  gtk_image_set_from_icon_name (self->icon, icon_name);
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary != NULL && *summary != '\0');
}

/* Objects -------------------------------------------------------------------------------- */

static void
show_establishment (CvnDetailsPane         *self,
                    CvnSnapshot            *snapshot,
                    const CvnEstablishment *establishment)
{
  g_autofree char *phase = cvn_outline_dup_kind_label (establishment->phase);
  g_autofree char *summary = NULL;
  g_autofree char *urn = NULL;
  g_autofree char *pupils = NULL;
  g_autofree char *easting = NULL;
  g_autofree char *northing = NULL;
  AdwPreferencesGroup *group;
  AdwPreferencesGroup *people = NULL;
  CvnColour kind_colour;

  if (*establishment->phase == '\0')
    g_clear_pointer (&phase, g_free);
  summary = join (phase, establishment->type);
  if (!establishment->is_open)
    {
      char *closed = join (summary, _("Closed"));

      g_free (summary);
      summary = closed;
    }
  set_header (self, "cvn-school-symbolic", establishment->name, summary);

  group = add_group (self, _("School"));
  add_entry (self, group, _("Name"), "name", establishment->name, FALSE);
  urn = format_number (establishment->urn > 0, (double) establishment->urn);
  add_entry (self, group, _("URN"), "urn", urn, TRUE);
  add_entry (self, group, _("Phase"), "phase", establishment->phase, FALSE);
  add_entry (self, group, _("Type"), "type", establishment->type, FALSE);
  add_entry (self, group, _("Local authority"), "local_authority",
             establishment->local_authority, FALSE);
  add_entry (self, group, _("Trust"), "trust", establishment->trust, FALSE);
  add_entry (self, group, _("Federation"), "federation", establishment->federation, FALSE);
  add_entry (self, group, _("Diocese"), "diocese", establishment->diocese, FALSE);
  add_entry (self, group, _("Religious character"), "religious_character",
             establishment->religious_character, FALSE);
  pupils = format_number (establishment->pupils >= 0, establishment->pupils);
  add_entry (self, group, _("Pupils"), "pupils", pupils, TRUE);
  add_entry (self, group, _("Inspection grade"), "inspection_grade",
             establishment->inspection_grade, FALSE);
  add_entry (self, group, _("Risk category"), "risk_category", establishment->risk_category,
             FALSE);
  add_entry (self, group, _("Engagement with the local system"), "engagement",
             establishment->engagement, FALSE);
  add_switch (self, group, _("Open"), _("Closed schools need no cluster"), "is_open",
              establishment->is_open);
  cvn_palette_phase_colour (establishment->phase, FALSE, &kind_colour);
  add_colour (self, group, establishment->colour, &kind_colour);

  group = add_group (self, _("Location"));
  add_entry (self, group, _("Postcode"), "postcode", establishment->postcode, FALSE);
  easting = format_number (establishment->has_location, establishment->easting);
  northing = format_number (establishment->has_location, establishment->northing);
  add_entry (self, group, _("Easting (metres)"), "easting", easting, TRUE);
  add_entry (self, group, _("Northing (metres)"), "northing", northing, TRUE);

  group = add_group (self, _("Opted Out of Clusters"));
  adw_preferences_group_set_description (group, _("When the school has chosen to be in no "
                                                  "cluster, say why; the checks then leave it "
                                                  "alone."));
  add_entry (self, group, _("Reason for being in no cluster"), "opted_out_reason",
             establishment->opted_out_reason, FALSE);

  add_designations (self, snapshot, CVN_OBJECT_ESTABLISHMENT, establishment->id);
  add_directory_entries (self, snapshot, CVN_OBJECT_ESTABLISHMENT, establishment->id);
  add_engagements (self, snapshot, CVN_OBJECT_ESTABLISHMENT, establishment->id);
  add_groups_of (self, snapshot, CVN_OBJECT_ESTABLISHMENT, establishment->id);

  for (guint i = 0; i < snapshot->people->len; i++)
    {
      const CvnPerson *person = &g_array_index (snapshot->people, CvnPerson, i);

      if (person->establishment_id != establishment->id)
        continue;
      if (people == NULL)
        people = add_group (self, _("People"));
      add_link (self, people, snapshot, CVN_OBJECT_PERSON, person->id, person->job_title, NULL,
                NULL);
    }

  add_delete_button (self, _("_Delete School…"));
}

static void
show_person (CvnDetailsPane  *self,
             CvnSnapshot     *snapshot,
             const CvnPerson *person)
{
  const CvnEstablishment *school = person->establishment_id != 0
    ? cvn_snapshot_find_establishment (snapshot, person->establishment_id) : NULL;
  g_autofree char *summary = join (person->job_title, school != NULL ? school->name : NULL);
  AdwPreferencesGroup *group;

  set_header (self, "avatar-default-symbolic", person->name, summary);

  group = add_group (self, _("Person"));
  add_entry (self, group, _("Name"), "name", person->name, FALSE);
  add_entry (self, group, _("Job title"), "job_title", person->job_title, FALSE);
  add_reference (self, group, snapshot, _("School"), "establishment_id",
                 CVN_OBJECT_ESTABLISHMENT, person->establishment_id, _("None"),
                 "win.choose-school", _("Choose the School"),
                 "details.clear-school", _("No School"));
  add_entry (self, group, _("Email"), "email", person->email, FALSE);
  add_entry (self, group, _("Phone"), "phone", person->phone, FALSE);
  add_colour (self, group, person->colour, &(CvnColour) { 0.6, 0.6, 0.6 });

  add_designations (self, snapshot, CVN_OBJECT_PERSON, person->id);
  add_directory_entries (self, snapshot, CVN_OBJECT_PERSON, person->id);
  add_engagements (self, snapshot, CVN_OBJECT_PERSON, person->id);
  add_groups_of (self, snapshot, CVN_OBJECT_PERSON, person->id);

  add_delete_button (self, _("_Delete Person…"));
}

/* Adds the schools of @group and of the groups nested in it (by parent) to @schools. */
static void
collect_schools (CvnSnapshot    *snapshot,
                 const CvnGroup *group,
                 GHashTable     *schools,
                 GHashTable     *visited)
{
  g_autoptr (GPtrArray) members = NULL;
  g_autoptr (GPtrArray) children = NULL;

  /* Parents may loop (A in B in A); each group is counted once. */
  if (!g_hash_table_add (visited, (gpointer) &group->id))
    return;

  members = cvn_snapshot_get_members (snapshot, group->id, TRUE);
  for (guint i = 0; i < members->len; i++)
    {
      const CvnMembership *membership = g_ptr_array_index (members, i);

      if (membership->member_kind == CVN_OBJECT_ESTABLISHMENT)
        g_hash_table_add (schools, (gpointer) &membership->member_id);
    }

  children = cvn_snapshot_get_child_groups (snapshot, group->id);
  for (guint i = 0; i < children->len; i++)
    collect_schools (snapshot, g_ptr_array_index (children, i), schools, visited);
}

static gboolean
is_composed_group (const CvnGroup *group)
{
  static const char * const kinds[] = {
    "board", "committee", "sub-group", "strategic group",
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (group->kind, kinds[i]) == 0)
      return TRUE;
  return group->max_per_organisation > 0 || group->seats_per_alliance > 0
         || *group->seats_per_phase != '\0' || *group->represents != '\0';
}

static void
add_kind_entry (CvnDetailsPane      *self,
                AdwPreferencesGroup *group,
                const char          *kind)
{
  GtkWidget *row = add_entry (self, group, _("Kind"), "kind", kind, FALSE);
  g_autoptr (GMenu) menu = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();

  /* Any kind can be typed; the menu offers the ones the partnership documents use. */
  for (guint i = 0; cvn_group_kinds[i] != NULL; i++)
    {
      g_autofree char *label = cvn_outline_dup_kind_label (cvn_group_kinds[i]);
      g_autoptr (GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "details.set-kind",
                                               g_variant_new_string (cvn_group_kinds[i]));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "pan-down-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Kinds of Group"));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
}

static void
add_tier_row (CvnDetailsPane      *self,
              AdwPreferencesGroup *group,
              int                  tier)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr (GtkStringList) tiers = gtk_string_list_new (NULL);

  for (int i = 0; i <= 3; i++)
    gtk_string_list_append (tiers, tier_label (i));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Tier"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (tiers));
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), TRUE);
  gtk_widget_add_css_class (row, "property");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), (guint) CLAMP (tier, 0, 3));
  set_field_data (self, row, "tier");
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (tier_selected_cb), self, 0);
  adw_preferences_group_add (group, row);
}

static void
show_group (CvnDetailsPane *self,
            CvnSnapshot    *snapshot,
            const CvnGroup *shown)
{
  g_autofree char *kind_label = cvn_outline_dup_kind_label (shown->kind);
  g_autofree char *tier = shown->tier > 0 ? g_strdup_printf (_("Tier %d"), shown->tier)
                                          : g_strdup (_("No tier"));
  g_autofree char *summary = join (kind_label, tier);
  g_autofree char *schools_count = NULL;
  g_autofree char *people_count = NULL;
  g_autofree char *part_of = NULL;
  g_autoptr (GPtrArray) members = cvn_snapshot_get_members (snapshot, shown->id, FALSE);
  g_autoptr (GPtrArray) children = cvn_snapshot_get_child_groups (snapshot, shown->id);
  g_autoptr (GHashTable) schools = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) visited = g_hash_table_new (g_int64_hash, g_int64_equal);
  const CvnGroup *parent = shown->parent_id != 0
    ? cvn_snapshot_find_group (snapshot, shown->parent_id) : NULL;
  guint n_schools = 0, n_people = 0, n_groups = 0, n_all_schools;
  AdwPreferencesGroup *group;
  CvnColour kind_colour;

  set_header (self, cvn_outline_group_icon_name (shown->kind), shown->name, summary);

  for (guint i = 0; i < members->len; i++)
    {
      const CvnMembership *membership = g_ptr_array_index (members, i);

      if (!cvn_snapshot_membership_is_current (snapshot, membership))
        continue;
      switch (membership->member_kind)
        {
        case CVN_OBJECT_ESTABLISHMENT:
          n_schools++;
          break;
        case CVN_OBJECT_PERSON:
          n_people++;
          break;
        case CVN_OBJECT_GROUP:
          n_groups++;
          break;
        case CVN_OBJECT_NONE:
        default:
          break;
        }
    }
  collect_schools (snapshot, shown, schools, visited);
  n_all_schools = g_hash_table_size (schools);

  group = add_group (self, _("Group"));
  add_entry (self, group, _("Name"), "name", shown->name, FALSE);
  add_kind_entry (self, group, shown->kind);
  add_tier_row (self, group, shown->tier);
  if (parent != NULL)
    /* TRANSLATORS: what a group is part of; %s is the parent's kind, as in "Part of (alliance)". */
    part_of = g_strdup_printf (_("Part of (%s)"), *parent->kind != '\0' ? parent->kind
                                                                         : _("group"));
  add_reference (self, group, snapshot, part_of != NULL ? part_of : _("Part of"), "parent_id",
                 CVN_OBJECT_GROUP, shown->parent_id, _("Nothing, a group of its own"),
                 "win.choose-parent", _("Choose What It Is Part Of"),
                 "details.clear-parent", _("Make It a Group of Its Own"));
  add_entry (self, group, _("Phase"), "phase", shown->phase, FALSE);
  add_entry (self, group, _("Purpose"), "purpose", shown->purpose, FALSE);
  add_entry (self, group, _("Status"), "status", shown->status, FALSE);
  cvn_palette_group_colour (shown->kind, FALSE, &kind_colour);
  add_colour (self, group, shown->colour, &kind_colour);

  group = add_group (self, _("Size"));
  /* An alliance has its schools through its clusters rather than as members of its own;
   * both numbers matter, so the count says which is which. */
  if (n_all_schools == n_schools)
    schools_count = g_strdup_printf ("%u", n_schools);
  else if (n_schools == 0)
    schools_count = g_strdup_printf (ngettext ("%u, through its sub-groups",
                                               "%u, all through its sub-groups", n_all_schools),
                                     n_all_schools);
  else
    /* TRANSLATORS: the number of schools in a group and its sub-groups, then how many of
     * them are members of the group itself. */
    schools_count = g_strdup_printf (_("%u, of which %u directly"), n_all_schools, n_schools);
  people_count = g_strdup_printf ("%u", n_people);
  add_field (group, _("Schools"), schools_count);
  add_field (group, _("People"), people_count);
  if (n_groups > 0)
    {
      g_autofree char *groups_count = g_strdup_printf ("%u", n_groups);

      add_field (group, _("Member groups"), groups_count);
    }

  if (is_composed_group (shown))
    {
      group = add_group (self, _("Composition Rules"));
      adw_preferences_group_set_description (group, _("What the membership should look like; "
                                                      "the checks report where it does not. "
                                                      "0 means no rule."));
      add_entry (self, group, _("Represents every group of these kinds"), "represents",
                 shown->represents, FALSE);
      add_spin (self, group, _("Most members from one organisation"),
                _("Schools of one trust or federation count as one organisation"),
                "max_per_organisation", shown->max_per_organisation);
      add_spin (self, group, _("Seats per alliance"), _("At least this many from each alliance"),
                "seats_per_alliance", shown->seats_per_alliance);
      add_entry (self, group, _("Seats per phase, as primary=3, secondary=2"),
                 "seats_per_phase", shown->seats_per_phase, FALSE);
    }

  if (children->len > 0)
    {
      gboolean all_clusters = TRUE;
      AdwPreferencesGroup *sub_groups;

      for (guint i = 0; i < children->len; i++)
        all_clusters &= ((const CvnGroup *) g_ptr_array_index (children, i))->tier == 1;
      sub_groups = add_group (self, all_clusters ? _("Clusters") : _("Sub-groups"));
      for (guint i = 0; i < children->len; i++)
        {
          const CvnGroup *child = g_ptr_array_index (children, i);
          g_autofree char *child_kind = cvn_outline_dup_kind_label (child->kind);

          add_link (self, sub_groups, snapshot, CVN_OBJECT_GROUP, child->id, child_kind, NULL,
                    NULL);
        }
    }

  group = add_group (self, _("Members"));
  add_header_button (group, _("_Add Member…"), "list-add-symbolic", "win.add-member",
                     g_variant_new_int64 (shown->id));
  if (members->len == 0)
    adw_preferences_group_set_description (group, _("This group has no members yet."));
  else
    {
      guint n_current = n_schools + n_people + n_groups;
      guint n_other = members->len - n_current;
      g_autofree char *current = g_strdup_printf (ngettext ("%u current member",
                                                            "%u current members", n_current),
                                                  n_current);
      g_autofree char *description = NULL;

      if (n_other > 0)
        {
          /* TRANSLATORS: memberships that have ended or not yet begun, after the current ones,
           * as in "12 current members, 3 past or future". */
          description = g_strdup_printf (ngettext ("%s, %u past or future",
                                                   "%s, %u past or future", n_other),
                                         current, n_other);
        }
      adw_preferences_group_set_description (group, description != NULL ? description : current);
    }
  g_ptr_array_sort_with_data (members, compare_memberships, snapshot);
  for (guint i = 0; i < members->len; i++)
    {
      const CvnMembership *membership = g_ptr_array_index (members, i);
      g_autofree char *dates = format_date_range (membership->from_date, membership->until_date);
      g_autofree char *detail = NULL;
      g_autofree char *subtitle = NULL;

      if (membership->member_kind == CVN_OBJECT_PERSON)
        {
          const CvnPerson *person = cvn_snapshot_find_person (snapshot, membership->member_id);

          detail = g_strdup (person != NULL ? person->job_title : "");
        }
      else if (membership->member_kind == CVN_OBJECT_ESTABLISHMENT)
        {
          const CvnEstablishment *school =
            cvn_snapshot_find_establishment (snapshot, membership->member_id);

          if (school != NULL && school->urn > 0)
            detail = g_strdup_printf (_("URN %" G_GINT64_FORMAT), school->urn);
        }
      if (membership->role != CVN_ROLE_MEMBER)
        {
          char *with_role = join (cvn_role_get_label (membership->role), detail);

          g_free (detail);
          detail = with_role;
        }
      subtitle = join (detail, dates);
      add_link (self, group, snapshot, membership->member_kind, membership->member_id, subtitle,
                date_range_tag (membership->from_date, membership->until_date,
                                snapshot->today), membership);
    }

  add_delete_button (self, _("_Delete Group…"));
}

/* Public --------------------------------------------------------------------------------- */

/* The field whose row holds the keyboard focus, if one does. */
static const char *
find_focused_field (CvnDetailsPane *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (GtkWidget *widget = focus; widget != NULL && widget != GTK_WIDGET (self);
       widget = gtk_widget_get_parent (widget))
    {
      const char *field = row_field (widget);

      if (field != NULL && g_hash_table_lookup (self->field_rows, field) == widget)
        return field;
    }
  return NULL;
}

void
cvn_details_pane_show (CvnDetailsPane *self,
                       CvnSnapshot    *snapshot,
                       CvnObjectKind   kind,
                       gint64          id)
{
  g_autofree char *focus_field = NULL;
  gboolean found = FALSE;
  gboolean same_object;

  g_return_if_fail (CVN_IS_DETAILS_PANE (self));
  g_return_if_fail (snapshot != NULL || kind == CVN_OBJECT_NONE);

  same_object = kind == self->kind && id == self->id;
  /* After an edit the pane is rebuilt; the field that had the focus gets it back, so tabbing
   * from one field to the next goes on working. */
  if (same_object)
    focus_field = g_strdup (find_focused_field (self));

  clear (self);
  self->kind = kind;
  self->id = id;
  switch (kind)
    {
    case CVN_OBJECT_ESTABLISHMENT:
      {
        const CvnEstablishment *establishment = cvn_snapshot_find_establishment (snapshot, id);

        if ((found = establishment != NULL))
          show_establishment (self, snapshot, establishment);
        break;
      }
    case CVN_OBJECT_PERSON:
      {
        const CvnPerson *person = cvn_snapshot_find_person (snapshot, id);

        if ((found = person != NULL))
          show_person (self, snapshot, person);
        break;
      }
    case CVN_OBJECT_GROUP:
      {
        const CvnGroup *group = cvn_snapshot_find_group (snapshot, id);

        if ((found = group != NULL))
          show_group (self, snapshot, group);
        break;
      }
    case CVN_OBJECT_NONE:
    default:
      break;
    }

  self->kind = found ? kind : CVN_OBJECT_NONE;
  self->id = found ? id : 0;
  gtk_stack_set_visible_child_name (self->stack, found ? "details" : "empty");

  /* A new object starts at the top; the same object shown again after an edit keeps its place
   * so the reader does not lose it. */
  if (found && !same_object)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  if (found && focus_field != NULL)
    cvn_details_pane_focus_field (self, focus_field);
}

void
cvn_details_pane_show_selection (CvnDetailsPane *self,
                                 guint           n_schools,
                                 guint           n_people,
                                 guint           n_groups)
{
  guint n_items = n_schools + n_people + n_groups;
  g_autofree char *title = NULL;

  g_return_if_fail (CVN_IS_DETAILS_PANE (self));

  clear (self);
  self->kind = CVN_OBJECT_NONE;
  self->id = 0;
  if (n_schools == n_items)
    title = g_strdup_printf (ngettext ("%u School Selected", "%u Schools Selected", n_items),
                             n_items);
  else if (n_people == n_items)
    title = g_strdup_printf (ngettext ("%u Person Selected", "%u People Selected", n_items),
                             n_items);
  else if (n_groups == n_items)
    title = g_strdup_printf (ngettext ("%u Group Selected", "%u Groups Selected", n_items),
                             n_items);
  else
    title = g_strdup_printf (ngettext ("%u Item Selected", "%u Items Selected", n_items),
                             n_items);
  adw_status_page_set_title (self->selection_page, title);
  gtk_stack_set_visible_child_name (self->stack, "selection");
}

void
cvn_details_pane_set_document_is_empty (CvnDetailsPane *self,
                                        gboolean        is_empty)
{
  g_return_if_fail (CVN_IS_DETAILS_PANE (self));

  if (is_empty)
    {
      adw_status_page_set_title (self->status_page, _("Empty Document"));
      adw_status_page_set_description (self->status_page,
                                       _("This document has no groups, schools or people "
                                         "yet. Add them with the + button, or start from a "
                                         "template with New in the main menu."));
    }
  else
    {
      adw_status_page_set_title (self->status_page, _("Nothing Selected"));
      adw_status_page_set_description (self->status_page,
                                       _("Choose a group, school or person in the outline to "
                                         "see its details and memberships."));
    }
}

void
cvn_details_pane_set_document (CvnDetailsPane *self,
                               CvnDocument    *document)
{
  g_return_if_fail (CVN_IS_DETAILS_PANE (self));
  g_return_if_fail (document == NULL || CVN_IS_DOCUMENT (document));

  g_set_object (&self->document, document);
}

gboolean
cvn_details_pane_focus_field (CvnDetailsPane *self,
                              const char     *field)
{
  GtkWidget *row;

  g_return_val_if_fail (CVN_IS_DETAILS_PANE (self), FALSE);

  row = g_hash_table_lookup (self->field_rows, field);
  return row != NULL && gtk_widget_grab_focus (row);
}

GtkWidget *
cvn_details_pane_get_field_row (CvnDetailsPane *self,
                                const char     *field)
{
  g_return_val_if_fail (CVN_IS_DETAILS_PANE (self), NULL);

  return g_hash_table_lookup (self->field_rows, field);
}

CvnObjectKind
cvn_details_pane_get_kind (CvnDetailsPane *self)
{
  g_return_val_if_fail (CVN_IS_DETAILS_PANE (self), CVN_OBJECT_NONE);

  return self->kind;
}

gint64
cvn_details_pane_get_id (CvnDetailsPane *self)
{
  g_return_val_if_fail (CVN_IS_DETAILS_PANE (self), 0);

  return self->id;
}

GtkWidget *
cvn_details_pane_new (void)
{
  return g_object_new (CVN_TYPE_DETAILS_PANE, NULL);
}

static void
cvn_details_pane_dispose (GObject *object)
{
  CvnDetailsPane *self = CVN_DETAILS_PANE (object);

  g_clear_object (&self->document);
  if (self->field_rows != NULL)
    g_hash_table_remove_all (self->field_rows);
  gtk_widget_dispose_template (GTK_WIDGET (object), CVN_TYPE_DETAILS_PANE);

  G_OBJECT_CLASS (cvn_details_pane_parent_class)->dispose (object);
}

static void
cvn_details_pane_finalize (GObject *object)
{
  CvnDetailsPane *self = CVN_DETAILS_PANE (object);

  g_clear_pointer (&self->field_rows, g_hash_table_unref);
  g_clear_pointer (&self->memberships, g_hash_table_unref);

  G_OBJECT_CLASS (cvn_details_pane_parent_class)->finalize (object);
}

static void
cvn_details_pane_class_init (CvnDetailsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cvn_details_pane_dispose;
  object_class->finalize = cvn_details_pane_finalize;

  /**
   * CvnDetailsPane::object-activated:
   * @kind: the CvnObjectKind of the object
   * @id: its id
   *
   * Emitted when a row naming another object (a group, a member, a school) is activated.
   */
  signals[OBJECT_ACTIVATED] =
    g_signal_new ("object-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/convenor/Convenor/cvn-details-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, CvnDetailsPane, stack);
  gtk_widget_class_bind_template_child (widget_class, CvnDetailsPane, status_page);
  gtk_widget_class_bind_template_child (widget_class, CvnDetailsPane, selection_page);
  gtk_widget_class_bind_template_child (widget_class, CvnDetailsPane, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, CvnDetailsPane, icon);
  gtk_widget_class_bind_template_child (widget_class, CvnDetailsPane, title_label);
  gtk_widget_class_bind_template_child (widget_class, CvnDetailsPane, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CvnDetailsPane, groups_box);

  gtk_widget_class_install_action (widget_class, "details.set-role", "(xs)", set_role_action);
  gtk_widget_class_install_action (widget_class, "details.edit-dates", "x", edit_dates_action);
  gtk_widget_class_install_action (widget_class, "details.set-kind", "s", set_kind_action);
  for (guint i = 0; i < G_N_ELEMENTS (record_actions); i++)
    gtk_widget_class_install_action (widget_class, record_actions[i].name, "x",
                                     record_edit_action);
  gtk_widget_class_install_action (widget_class, "details.add-designation", NULL,
                                   designation_dialog_action);
  gtk_widget_class_install_action (widget_class, "details.edit-designation", "x",
                                   designation_dialog_action);
  gtk_widget_class_install_action (widget_class, "details.add-directory-entry", NULL,
                                   entry_dialog_action);
  gtk_widget_class_install_action (widget_class, "details.edit-directory-entry", "x",
                                   entry_dialog_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "detailspane");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cvn_details_pane_init (CvnDetailsPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->field_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->memberships = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                             (GDestroyNotify) membership_info_free);
}
