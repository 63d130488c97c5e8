/* cvn-import-dialog.c — File › Import.
 *
 * How an import runs without freezing the window, and still undoes as one step.
 *
 * The importers in src/core (GIAS, membership and directory spreadsheets, GraphML) each run as
 * one edit and have no progress callback; the national GIAS register takes more than a second
 * to read. Undo is kept per connection (TEMP triggers write the undo log), so an import made
 * through a second connection could not be undone from the window. The import therefore runs
 * on the window's own connection, in a GTask worker thread, and the connection changes hands
 * rather than being shared (it is opened with SQLITE_OPEN_NOMUTEX: usable from any thread, one
 * at a time):
 *
 * 1. On the main thread the dialog builds the job and hands the document to the worker. From
 *    now until the job comes back the main thread does not touch the document: the dialog is
 *    modal over the window, so nothing in the window can start an edit, and the window only
 *    reads its in-memory snapshot to draw. (Edits the window delays, such as a field of the
 *    details pane committed from an idle when it loses the focus, have long been made by the
 *    time a file is chosen and Import pressed.)
 * 2. The worker begins an outer edit and calls the importer inside it. Edits nest, so the
 *    importer's own commit is a no-op and no ::changed signal is emitted off the main thread;
 *    an importer that fails rolls the whole edit back itself.
 * 3. Back on the main thread, the dialog commits the outer edit: one transaction, one undo
 *    step, and the document's ::changed signal reloads the window as after any other edit. If
 *    the import failed, or the user cancelled, it rolls back instead.
 *
 * Cancelling sets a GCancellable that an SQLite progress handler (installed by the worker)
 * checks every few thousand virtual machine steps, so the importer's next statement fails and
 * it abandons the edit; a cancel that arrives after the last statement is honoured in step 3
 * by rolling back. Either way a cancelled import leaves the document unchanged.
 *
 * Measured under Xvfb on two cores with a national-size register (50,000 rows, 130 columns,
 * 65 MB, Windows-1252) and head teachers: all 150 authorities took 1.0-1.7 s in the worker,
 * the commit about 70 ms and the window's reload after it 0.7-1.0 s (the reload is the
 * window's own work, a snapshot and an outline of 40,000 schools); one authority took 0.7 s in
 * the worker and 90 ms on the main thread. While the worker ran, the main loop never went more
 * than about 70 ms without running (the first frame of the progress page). A cancel came back
 * within 20-60 ms. tests/ui/test-import.c measures this again (CONVENOR_IMPORT_ROWS,
 * CONVENOR_IMPORT_FILE).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-import"

#include "config.h"

#include "cvn-import-dialog.h"

#include "cvn-csv.h"
#include "cvn-directory-csv.h"
#include "cvn-graphml.h"
#include "cvn-import-gias.h"
#include "cvn-members-csv.h"

#include <glib/gi18n.h>
#include <string.h>

/* How many SQLite virtual machine steps pass between looks at the cancellable: often enough
 * to stop within a few milliseconds, rarely enough to cost nothing measurable. */
#define PROGRESS_STEPS 4000
#define PULSE_INTERVAL_MS 100
/* The most rows a list on the summary page (or in the question) shows; the rest are
 * counted. A national import can skip thousands of rows, and a list box of thousands of rows
 * would be slow and of no use to read. */
#define MAX_LISTED 200
/* The first line of a file is looked for in this much of it. */
#define GUESS_BYTES 65536

struct _CvnImportDialog
{
  AdwWindow        parent_instance;

  /* Template widgets */
  GtkButton       *cancel_button;
  GtkButton       *import_button;
  GtkButton       *done_button;
  GtkStack        *stack;
  AdwPreferencesGroup *file_group;
  AdwActionRow    *file_row;
  GtkButton       *file_button;
  AdwActionRow    *links_row;
  AdwComboRow     *kind_row;
  AdwPreferencesGroup *gias_group;
  AdwEntryRow     *la_row;
  GtkMenuButton   *la_menu_button;
  GtkListBox      *la_list;
  GtkSwitch       *closed_switch;
  GtkCheckButton  *heads_check;
  AdwStatusPage   *progress_status;
  GtkProgressBar  *progress_bar;
  AdwStatusPage   *summary_status;
  GtkBox          *summary_box;
  AdwStatusPage   *failed_status;
  GtkLabel        *failed_label;

  CvnWindow       *window;          /* weak */
  CvnDocument     *document;
  GFile           *file;
  GFile           *links_file;
  CvnImportKind    kind;
  CvnImportState   state;
  gboolean         guessed;         /* the kind was told from the file */
  gboolean         gone;            /* destroyed: no longer shown, whoever holds it */

  /* The local authorities the file holds (LocalAuthority), read in the background. */
  GPtrArray       *file_las;
  GPtrArray       *file_la_names;
  GCancellable    *scan_cancellable;
  gboolean         la_edited;       /* the user has typed in the entry */
  gboolean         la_syncing;      /* the entry and the check buttons are being matched up */

  GCancellable    *cancellable;     /* of the running import */
  guint            pulse_id;
  gboolean         close_when_done;
  GtkNativeDialog *chooser;
  GtkWidget       *question;        /* weak */

  GString         *summary_text;
  char            *failure;
};

G_DEFINE_FINAL_TYPE (CvnImportDialog, cvn_import_dialog, ADW_TYPE_WINDOW)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char  *name;
  char  *code;
  guint  schools;
} LocalAuthority;

static void
local_authority_free (gpointer data)
{
  LocalAuthority *la = data;

  g_free (la->name);
  g_free (la->code);
  g_free (la);
}

/* Guessing what a file holds ------------------------------------------------------------- */

gboolean
cvn_import_guess_kind (const char    *path,
                       CvnImportKind *out_kind,
                       gboolean      *out_is_links)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFileInputStream) stream = NULL;
  g_autoptr (CvnCsvReader) reader = NULL;
  g_autofree char *buffer = NULL;
  g_autofree char *lower = NULL;
  const char *start;
  gssize length;
  gboolean has_urn;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (out_kind != NULL, FALSE);

  if (out_is_links != NULL)
    *out_is_links = FALSE;
  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".graphml"))
    {
      *out_kind = CVN_IMPORT_KIND_GRAPHML;
      return TRUE;
    }

  /* Only the first line matters, so only the start of the file is read: the national
   * register is 60 MB. */
  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, NULL);
  if (stream == NULL)
    return FALSE;
  buffer = g_malloc (GUESS_BYTES + 1);
  length = g_input_stream_read (G_INPUT_STREAM (stream), buffer, GUESS_BYTES, NULL, NULL);
  if (length <= 0)
    return FALSE;
  buffer[length] = '\0';

  start = buffer;
  if (g_str_has_prefix (start, "\xEF\xBB\xBF"))
    start += 3;
  while (g_ascii_isspace (*start))
    start++;
  if (*start == '<')
    {
      if (strstr (start, "<graphml") == NULL)
        return FALSE;
      *out_kind = CVN_IMPORT_KIND_GRAPHML;
      return TRUE;
    }

  reader = cvn_csv_reader_new_for_data (path, buffer, (gsize) length);
  if (!cvn_csv_reader_read_header (reader, NULL))
    return FALSE;

  has_urn = cvn_csv_reader_find_column (reader, "URN") >= 0;
  if (has_urn && cvn_csv_reader_find_column (reader, "EstablishmentName") >= 0 &&
      cvn_csv_reader_find_column (reader, "Group UID") < 0)
    *out_kind = CVN_IMPORT_KIND_GIAS_SCHOOLS;
  else if (cvn_csv_reader_find_column (reader, "Group UID") >= 0)
    {
      *out_kind = CVN_IMPORT_KIND_GIAS_GROUPS;
      if (out_is_links != NULL)
        *out_is_links = has_urn;
    }
  else if (cvn_csv_reader_find_column (reader, "group") >= 0 &&
           cvn_csv_reader_find_column (reader, "member") >= 0)
    *out_kind = CVN_IMPORT_KIND_MEMBERSHIPS;
  else if (cvn_csv_reader_find_column (reader, "holder") >= 0 &&
           cvn_csv_reader_find_column (reader, "area") >= 0)
    *out_kind = CVN_IMPORT_KIND_DIRECTORY;
  else
    return FALSE;
  return TRUE;
}

/* Looks beside @file for the other half of a GIAS groups import: the links file when @want_links,
 * the groups file otherwise. The downloads are named "allgroupsdata….csv" and
 * "allgroupslinksdata….csv", so only CSV files with "group" in their name are read. */
static GFile *
find_partner_file (GFile    *file,
                   gboolean  want_links)
{
  g_autoptr (GFile) folder = g_file_get_parent (file);
  g_autoptr (GFileEnumerator) children = NULL;
  GFileInfo *info;
  guint looked_at = 0;

  if (folder == NULL)
    return NULL;
  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (children == NULL)
    return NULL;
  /* A folder of thousands of files is not worth searching from the main thread. */
  while (looked_at++ < 500 &&
         g_file_enumerator_iterate (children, &info, NULL, NULL, NULL) && info != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (g_file_info_get_name (info), -1);
      g_autoptr (GFile) child = NULL;
      g_autofree char *path = NULL;
      CvnImportKind kind;
      gboolean is_links;

      if (!g_str_has_suffix (lower, ".csv") || strstr (lower, "group") == NULL)
        continue;
      child = g_file_get_child (folder, g_file_info_get_name (info));
      if (g_file_equal (child, file))
        continue;
      path = g_file_get_path (child);
      if (path != NULL &&
          cvn_import_guess_kind (path, &kind, &is_links) &&
          kind == CVN_IMPORT_KIND_GIAS_GROUPS && is_links == want_links)
        return g_steal_pointer (&child);
    }
  return NULL;
}

/* The controls ---------------------------------------------------------------------------- */

static const char *
kind_description (CvnImportKind kind)
{
  switch (kind)
    {
    case CVN_IMPORT_KIND_GIAS_SCHOOLS:
      return _("The establishment download from Get Information About Schools.");
    case CVN_IMPORT_KIND_GIAS_GROUPS:
      return _("Trusts and federations, from the GIAS groups and group links downloads.");
    case CVN_IMPORT_KIND_MEMBERSHIPS:
      return _("One row for each member of a group: group, member, role and dates.");
    case CVN_IMPORT_KIND_DIRECTORY:
      return _("Strengths and areas for development: holder, area, kind and capacity.");
    case CVN_IMPORT_KIND_GRAPHML:
      return _("A graph from yEd, Gephi, Cytoscape or networkx.");
    default:
      g_assert_not_reached ();
    }
}

static gboolean
is_ready (CvnImportDialog *self)
{
  if (self->state != CVN_IMPORT_STATE_READY)
    return FALSE;
  if (self->file == NULL)
    return FALSE;
  return self->kind != CVN_IMPORT_KIND_GIAS_GROUPS || self->links_file != NULL;
}

static void
set_file_subtitle (AdwActionRow *row,
                   GFile        *file)
{
  g_autofree char *name = file != NULL ? g_file_get_basename (file) : NULL;

  adw_action_row_set_subtitle (row, name != NULL ? name : _("No file chosen"));
}

static void
update_controls (CvnImportDialog *self)
{
  gboolean groups = self->kind == CVN_IMPORT_KIND_GIAS_GROUPS;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row),
                                 groups ? _("_Groups file") : _("_File"));
  set_file_subtitle (self->file_row, self->file);
  set_file_subtitle (self->links_row, self->links_file);
  gtk_widget_set_visible (GTK_WIDGET (self->links_row), groups);
  gtk_widget_set_visible (GTK_WIDGET (self->gias_group),
                          self->kind == CVN_IMPORT_KIND_GIAS_SCHOOLS);
  /* The kind's description goes under the group's title rather than under the row's, where
   * it would squeeze the chosen kind at the end of the row into an ellipsis. */
  if (self->file != NULL && !self->guessed)
    {
      g_autofree char *description = g_strdup_printf (
        "%s %s", _("What this file holds could not be told from its first line; say what it "
                   "is below."), kind_description (self->kind));

      adw_preferences_group_set_description (self->file_group, description);
    }
  else
    adw_preferences_group_set_description (self->file_group, kind_description (self->kind));
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), is_ready (self));
}

static void
set_state (CvnImportDialog *self,
           CvnImportState   state)
{
  const char *page = NULL;

  self->state = state;
  switch (state)
    {
    case CVN_IMPORT_STATE_READY:
      page = "options";
      break;
    case CVN_IMPORT_STATE_RUNNING:
    case CVN_IMPORT_STATE_ASKING:
      page = "progress";
      break;
    case CVN_IMPORT_STATE_DONE:
      page = "summary";
      break;
    case CVN_IMPORT_STATE_FAILED:
      page = "failed";
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_stack_set_visible_child_name (self->stack, page);

  /* Cancel stays while there is something to cancel; once the import is done, Done closes. */
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), state != CVN_IMPORT_STATE_DONE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), TRUE);
  gtk_button_set_label (self->cancel_button,
                        state == CVN_IMPORT_STATE_FAILED ? _("_Close") : _("_Cancel"));
  gtk_widget_set_visible (GTK_WIDGET (self->import_button),
                          state == CVN_IMPORT_STATE_READY);
  gtk_widget_set_visible (GTK_WIDGET (self->done_button), state == CVN_IMPORT_STATE_DONE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), is_ready (self));
  if (state == CVN_IMPORT_STATE_DONE)
    gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->done_button));
  else if (state == CVN_IMPORT_STATE_READY)
    gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->import_button));
}

static void scan_file_las (CvnImportDialog *self);

static void
kind_selected_cb (CvnImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected == self->kind)
    return;
  self->kind = (CvnImportKind) selected;
  if (self->kind == CVN_IMPORT_KIND_GIAS_SCHOOLS && self->file_las == NULL)
    scan_file_las (self);
  update_controls (self);
}

/* Local authorities ------------------------------------------------------------------------- */

static const LocalAuthority *
find_file_la (CvnImportDialog *self,
              const char      *name_or_code)
{
  for (guint i = 0; self->file_las != NULL && i < self->file_las->len; i++)
    {
      const LocalAuthority *la = g_ptr_array_index (self->file_las, i);

      if (g_ascii_strcasecmp (la->name, name_or_code) == 0 ||
          (la->code != NULL && g_ascii_strcasecmp (la->code, name_or_code) == 0))
        return la;
    }
  return NULL;
}

/* TRUE when the name of a local authority in the file begins with @prefix (ignoring case). */
static gboolean
file_la_begins_with (CvnImportDialog *self,
                     const char      *prefix)
{
  gsize length = strlen (prefix);

  for (guint i = 0; self->file_las != NULL && i < self->file_las->len; i++)
    {
      const LocalAuthority *la = g_ptr_array_index (self->file_las, i);

      if (g_ascii_strncasecmp (la->name, prefix, length) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The entry's names and codes. Commas separate them, but GIAS writes some names with a comma
 * ("Bristol, City of"); pieces that together make the name of a local authority in the file
 * are put back together. */
static GPtrArray *
parse_local_authorities (CvnImportDialog *self,
                         const char      *text)
{
  g_auto (GStrv) pieces = g_strsplit (text, ",", -1);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  guint n_pieces = g_strv_length (pieces);

  for (guint i = 0; i < n_pieces; i++)
    {
      g_autofree char *name = g_strdup (g_strstrip (pieces[i]));
      g_autoptr (GString) longer = g_string_new (name);

      /* The pieces that follow are joined on while they still begin a name in the file, and
       * taken when they make one whole. */
      for (guint j = i + 1; j < n_pieces; j++)
        {
          const LocalAuthority *la;

          g_string_append_printf (longer, ", %s", g_strstrip (pieces[j]));
          if (!file_la_begins_with (self, longer->str))
            break;
          la = find_file_la (self, longer->str);
          if (la != NULL && g_ascii_strcasecmp (la->name, longer->str) == 0)
            {
              g_free (name);
              name = g_strdup (longer->str);
              i = j;
            }
        }
      if (*name != '\0')
        g_ptr_array_add (names, g_steal_pointer (&name));
    }
  return names;
}

static gboolean
names_contain (GPtrArray            *names,
               const LocalAuthority *la)
{
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      if (g_ascii_strcasecmp (name, la->name) == 0 ||
          (la->code != NULL && g_ascii_strcasecmp (name, la->code) == 0))
        return TRUE;
    }
  return FALSE;
}

static char *
join_names (GPtrArray *names)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? ", " : "",
                            (const char *) g_ptr_array_index (names, i));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
set_la_text (CvnImportDialog *self,
             const char      *text)
{
  self->la_syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->la_row), text);
  self->la_syncing = FALSE;
}

/* Ticks the check buttons of the local authorities the entry names. */
static void
sync_la_checks (CvnImportDialog *self)
{
  g_autoptr (GPtrArray) names = parse_local_authorities (
    self, gtk_editable_get_text (GTK_EDITABLE (self->la_row)));
  guint i = 0;

  self->la_syncing = TRUE;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->la_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row), i++)
    {
      GtkWidget *check = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

      if (self->file_las == NULL || i >= self->file_las->len)
        break;
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   names_contain (names, g_ptr_array_index (self->file_las, i)));
    }
  self->la_syncing = FALSE;
}

static void
la_changed_cb (CvnImportDialog *self)
{
  if (self->la_syncing)
    return;
  self->la_edited = TRUE;
  sync_la_checks (self);
}

static void
la_toggled_cb (GtkCheckButton  *check,
               CvnImportDialog *self)
{
  const LocalAuthority *la = g_object_get_data (G_OBJECT (check), "cvn-la");
  g_autoptr (GPtrArray) names = NULL;
  g_autofree char *text = NULL;

  if (self->la_syncing)
    return;
  names = parse_local_authorities (self, gtk_editable_get_text (GTK_EDITABLE (self->la_row)));
  if (gtk_check_button_get_active (check))
    {
      if (!names_contain (names, la))
        g_ptr_array_add (names, g_strdup (la->name));
    }
  else
    for (guint i = names->len; i > 0; i--)
      {
        const char *name = g_ptr_array_index (names, i - 1);

        if (g_ascii_strcasecmp (name, la->name) == 0 ||
            (la->code != NULL && g_ascii_strcasecmp (name, la->code) == 0))
          g_ptr_array_remove_index (names, i - 1);
      }
  text = join_names (names);
  self->la_edited = TRUE;
  set_la_text (self, text);
}

static void
clear_file_las (CvnImportDialog *self)
{
  GtkWidget *row;

  g_cancellable_cancel (self->scan_cancellable);
  g_clear_object (&self->scan_cancellable);
  g_clear_pointer (&self->file_las, g_ptr_array_unref);
  g_clear_pointer (&self->file_la_names, g_ptr_array_unref);
  if (self->la_list != NULL)
    while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->la_list))) != NULL)
      gtk_list_box_remove (self->la_list, row);
  if (self->la_menu_button != NULL)
    gtk_widget_set_sensitive (GTK_WIDGET (self->la_menu_button), FALSE);
  if (self->gias_group != NULL)
    adw_preferences_group_set_description (
      self->gias_group, _("Names or codes, separated by commas. Leave empty to import every "
                          "local authority in the file."));
}

static int
compare_las (gconstpointer a,
             gconstpointer b)
{
  const LocalAuthority *x = *(LocalAuthority * const *) a;
  const LocalAuthority *y = *(LocalAuthority * const *) b;

  return g_utf8_collate (x->name, y->name);
}

/* Reads the local authority columns of the whole file, in a worker thread. */
static void
scan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (CvnCsvReader) reader = cvn_csv_reader_new_for_path (path, &error);
  g_autoptr (GHashTable) by_name = NULL;
  g_autoptr (GPtrArray) las = NULL;
  GHashTableIter iter;
  gpointer value;
  int name_column, code_column;
  guint rows = 0;

  if (reader == NULL || !cvn_csv_reader_read_header (reader, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  name_column = cvn_csv_reader_find_column (reader, "LA (name)");
  code_column = cvn_csv_reader_find_column (reader, "LA (code)");
  by_name = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, local_authority_free);
  while (cvn_csv_reader_next_row (reader, &error))
    {
      const char *name = cvn_csv_reader_get_column (reader, name_column);
      const char *code = cvn_csv_reader_get_column (reader, code_column);
      LocalAuthority *la;

      if (++rows % 1000 == 0 && g_task_return_error_if_cancelled (task))
        return;
      if (name == NULL || *name == '\0')
        name = code;
      if (name == NULL || *name == '\0')
        continue;
      la = g_hash_table_lookup (by_name, name);
      if (la == NULL)
        {
          la = g_new0 (LocalAuthority, 1);
          la->name = g_strdup (name);
          la->code = code != NULL && *code != '\0' && g_strcmp0 (code, name) != 0
                     ? g_strdup (code) : NULL;
          g_hash_table_insert (by_name, la->name, la);
        }
      la->schools++;
    }
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  las = g_ptr_array_new_with_free_func (local_authority_free);
  g_hash_table_iter_init (&iter, by_name);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_ptr_array_add (las, value);
      g_hash_table_iter_steal (&iter);
    }
  /* A row that gives only the code counts under the authority other rows name with it. */
  for (guint i = las->len; i > 0; i--)
    {
      LocalAuthority *bare = g_ptr_array_index (las, i - 1);

      if (bare->code != NULL)
        continue;
      for (guint j = 0; j < las->len; j++)
        {
          LocalAuthority *named = g_ptr_array_index (las, j);

          if (named->code != NULL && g_str_equal (named->code, bare->name))
            {
              named->schools += bare->schools;
              g_ptr_array_remove_index_fast (las, i - 1);
              break;
            }
        }
    }
  g_ptr_array_sort (las, compare_las);
  g_task_return_pointer (task, g_steal_pointer (&las), (GDestroyNotify) g_ptr_array_unref);
}

/* Offers the file's local authorities, and fills in the ones this document already has
 * schools in: updating one's own schools from the national register is the usual import. */
static void
scan_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  CvnImportDialog *self = CVN_IMPORT_DIALOG (source);
  g_autoptr (GPtrArray) las = g_task_propagate_pointer (G_TASK (result), NULL);
  g_autoptr (GPtrArray) own = NULL;
  g_autofree char *description = NULL;
  CvnSnapshot *snapshot;

  if (las == NULL || self->gone || g_task_get_cancellable (G_TASK (result)) !=
      self->scan_cancellable)
    return;

  self->file_las = g_steal_pointer (&las);
  self->file_la_names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->file_las->len; i++)
    {
      const LocalAuthority *la = g_ptr_array_index (self->file_las, i);
      g_autofree char *label = la->code != NULL ? g_strdup_printf ("%s (%s)", la->name, la->code)
                                                : g_strdup (la->name);
      GtkWidget *check = gtk_check_button_new_with_label (label);

      g_ptr_array_add (self->file_la_names, g_strdup (la->name));
      g_object_set_data (G_OBJECT (check), "cvn-la", (gpointer) la);
      g_signal_connect_object (check, "toggled", G_CALLBACK (la_toggled_cb), self, 0);
      gtk_list_box_append (self->la_list, check);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->la_menu_button), self->file_las->len > 0);

  description = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE,
                 "Names or codes, separated by commas. Leave empty to import the %u local "
                 "authority in the file.",
                 "Names or codes, separated by commas. Leave empty to import all %u local "
                 "authorities in the file.", self->file_las->len), self->file_las->len);
  adw_preferences_group_set_description (self->gias_group, description);

  snapshot = self->window != NULL ? cvn_window_get_snapshot (self->window) : NULL;
  own = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; snapshot != NULL && i < snapshot->establishments->len; i++)
    {
      const CvnEstablishment *e = &g_array_index (snapshot->establishments, CvnEstablishment, i);
      const LocalAuthority *la;

      if (e->local_authority == NULL || *e->local_authority == '\0')
        continue;
      la = find_file_la (self, e->local_authority);
      if (la != NULL && !names_contain (own, la))
        g_ptr_array_add (own, g_strdup (la->name));
    }
  if (!self->la_edited && own->len > 0 && own->len < self->file_las->len)
    {
      g_autofree char *text = join_names (own);

      set_la_text (self, text);
    }
  sync_la_checks (self);
}

static void
scan_file_las (CvnImportDialog *self)
{
  g_autoptr (GTask) task = NULL;
  char *path;

  clear_file_las (self);
  if (self->file == NULL || self->kind != CVN_IMPORT_KIND_GIAS_SCHOOLS)
    return;
  path = g_file_get_path (self->file);
  if (path == NULL)
    return;
  self->scan_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->scan_cancellable, scan_done_cb, NULL);
  g_task_set_task_data (task, path, g_free);
  g_task_run_in_thread (task, scan_thread);
}

/* The import job ------------------------------------------------------------------------- */

typedef struct
{
  CvnDocument           *document;
  GApplication          *application;   /* held while the job runs, or NULL */
  GCancellable          *cancellable;
  CvnImportKind          kind;
  char                  *path;
  char                  *links_path;
  char                  *name;          /* the file's base name, for messages */
  char                  *label;         /* the undo step */
  GStrv                  local_authorities;
  gboolean               include_closed;
  gboolean               with_heads;
  gboolean               skip_unmatched;

  /* What the worker hands back. */
  CvnGiasSummary        *gias;
  CvnMembersSummary     *members;
  CvnGraphmlSummary     *graphml;
  CvnDirectoryCsvResult  directory;
  GError                *error;

  guint64                revision;      /* the document's, when the job began */
  gint64                 started;       /* monotonic times, for the debug log */
  gint64                 worker_done;
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_clear_object (&job->document);
  g_clear_object (&job->cancellable);
  g_free (job->path);
  g_free (job->links_path);
  g_free (job->name);
  g_free (job->label);
  g_strfreev (job->local_authorities);
  g_clear_pointer (&job->gias, cvn_gias_summary_free);
  g_clear_pointer (&job->members, cvn_members_summary_free);
  g_clear_pointer (&job->graphml, cvn_graphml_summary_free);
  g_clear_error (&job->error);
  if (job->application != NULL)
    {
      g_application_release (job->application);
      g_object_unref (job->application);
    }
  g_free (job);
}

/* Called by SQLite on the worker thread every PROGRESS_STEPS steps: a non-zero answer stops
 * the running statement with SQLITE_INTERRUPT, and the importer gives up its edit. */
static int
progress_cb (void *data)
{
  return g_cancellable_is_cancelled (G_CANCELLABLE (data)) ? 1 : 0;
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  CvnDocument *doc = job->document;
  sqlite3 *db = cvn_document_get_db (doc);

  /* Cancelled before it began: the document is not touched at all. */
  if (g_cancellable_is_cancelled (job->cancellable))
    {
      g_task_return_boolean (task, FALSE);
      return;
    }

  sqlite3_progress_handler (db, PROGRESS_STEPS, progress_cb, job->cancellable);
  if (cvn_document_begin_edit (doc, job->label, &job->error))
    switch (job->kind)
      {
      case CVN_IMPORT_KIND_GIAS_SCHOOLS:
        {
          CvnGiasOptions options = {
            .local_authorities = (const char * const *) job->local_authorities,
            .include_closed = job->include_closed,
            .with_heads = job->with_heads,
          };

          job->gias = cvn_import_gias (doc, job->path, &options, &job->error);
        }
        break;
      case CVN_IMPORT_KIND_GIAS_GROUPS:
        job->gias = cvn_import_gias_groups (doc, job->path, job->links_path, &job->error);
        break;
      case CVN_IMPORT_KIND_MEMBERSHIPS:
        cvn_members_csv_import (doc, job->path, job->skip_unmatched, &job->members,
                                &job->error);
        break;
      case CVN_IMPORT_KIND_DIRECTORY:
        cvn_directory_csv_import (doc, job->path, &job->directory, &job->error);
        break;
      case CVN_IMPORT_KIND_GRAPHML:
        job->graphml = cvn_graphml_import (doc, job->path, NULL, &job->error);
        break;
      default:
        g_assert_not_reached ();
      }
  sqlite3_progress_handler (db, 0, NULL, NULL);
  job->worker_done = g_get_monotonic_time ();

  /* The outer edit, when the importer has not abandoned it, stays open for the main thread
   * to commit or roll back. */
  g_task_return_boolean (task, job->error == NULL);
}

/* The summary page ------------------------------------------------------------------------- */

static void
clear_summary (CvnImportDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->summary_box))) != NULL)
    gtk_box_remove (self->summary_box, child);
  g_string_truncate (self->summary_text, 0);
}

static AdwPreferencesGroup *
add_group (CvnImportDialog *self,
           const char      *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (self->summary_box, group);
  return ADW_PREFERENCES_GROUP (group);
}

static GtkWidget *
count_label (guint count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, count > 0 ? "heading" : "dim-label");
  return label;
}

/* A row "title … count", and the same line in the summary text. */
static void
add_count (CvnImportDialog     *self,
           AdwPreferencesGroup *group,
           const char          *title,
           const char          *subtitle,
           guint                count)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  if (subtitle != NULL)
    {
      g_autofree char *escaped_subtitle = g_markup_escape_text (subtitle, -1);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), count_label (count));
  adw_preferences_group_add (group, row);
  g_string_append_printf (self->summary_text, "%s: %u\n", title, count);
}

/* A row "title … count" that opens on the lines it stands for, MAX_LISTED of them at most. */
static void
add_list (CvnImportDialog     *self,
          AdwPreferencesGroup *group,
          const char          *title,
          guint                count,
          GPtrArray           *lines)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  GtkWidget *row;

  if (lines == NULL || lines->len == 0)
    {
      add_count (self, group, title, NULL, count);
      return;
    }

  row = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), count_label (count));
  g_string_append_printf (self->summary_text, "%s: %u\n", title, count);
  for (guint i = 0; i < lines->len && i < MAX_LISTED; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      g_autofree char *escaped_line = g_markup_escape_text (line, -1);
      GtkWidget *child = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), escaped_line);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (child), 0);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
      g_string_append_printf (self->summary_text, "  %s\n", line);
    }
  if (lines->len > MAX_LISTED)
    {
      g_autofree char *more = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", lines->len - MAX_LISTED),
        lines->len - MAX_LISTED);
      GtkWidget *child = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), more);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
      g_string_append_printf (self->summary_text, "  %s\n", more);
    }
  adw_preferences_group_add (group, row);
}

/* "name, phase, location" from the importer, with a space after each comma to read well. */
static char *
describe_change (const CvnGiasChange *change)
{
  if (change->fields == NULL || *change->fields == '\0')
    return g_strdup_printf (_("%s (URN %" G_GINT64_FORMAT ")"), change->name, change->urn);
  else
    {
      g_auto (GStrv) fields = g_strsplit (change->fields, ",", -1);
      g_autofree char *joined = g_strjoinv (", ", fields);

      /* TRANSLATORS: a school whose details changed, and which: "Ince Nursery (URN 100004):
       * name, phase". */
      return g_strdup_printf (_("%s (URN %" G_GINT64_FORMAT "): %s"), change->name,
                              change->urn, joined);
    }
}

static GPtrArray *
change_lines (GArray *changes)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; changes != NULL && i < changes->len; i++)
    g_ptr_array_add (lines, describe_change (&g_array_index (changes, CvnGiasChange, i)));
  return lines;
}

static GPtrArray *
gias_skip_lines (GArray *skips)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; skips != NULL && i < skips->len; i++)
    {
      const CvnGiasSkip *skip = &g_array_index (skips, CvnGiasSkip, i);

      /* TRANSLATORS: a row that was not imported: "schools.csv line 12: the row has no URN". */
      g_ptr_array_add (lines, g_strdup_printf (_("%s line %u: %s"), skip->file, skip->line,
                                               skip->reason));
    }
  return lines;
}

static GPtrArray *
member_problem_lines (GArray *problems)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const CvnMembersProblem *problem = &g_array_index (problems, CvnMembersProblem, i);

      /* TRANSLATORS: a row of a spreadsheet that was not imported, and why. */
      g_ptr_array_add (lines, g_strdup_printf (_("Line %u: %s"), problem->line,
                                               problem->reason));
    }
  return lines;
}

static void
show_gias_summary (CvnImportDialog *self,
                   ImportJob       *job,
                   GString         *headline)
{
  CvnGiasSummary *s = job->gias;
  AdwPreferencesGroup *group = add_group (self, _("Schools"));
  g_autoptr (GPtrArray) changes = change_lines (s->changes);
  g_autoptr (GPtrArray) closures = change_lines (s->closures);
  g_autoptr (GPtrArray) skips = gias_skip_lines (s->skips);

  g_string_append_printf (headline,
                          g_dngettext (GETTEXT_PACKAGE, "%u school added, %u changed",
                                       "%u schools added, %u changed", s->added),
                          s->added, s->changed);
  add_count (self, group, _("Added"), NULL, s->added);
  add_list (self, group, _("Changed"), s->changed, changes);
  add_list (self, group, _("Closed"), s->closed, closures);
  add_count (self, group, _("Unchanged"), NULL, s->unchanged);
  add_count (self, group, _("Left out"),
             _("In another local authority, or closed and not asked for"), s->not_selected);
  if (job->with_heads)
    add_count (self, group, _("Headteachers added"), NULL, s->heads_added);
  add_list (self, group, _("Rows skipped"), skips->len, skips);

  if (s->unused_local_authorities->len > 0)
    {
      AdwPreferencesGroup *unused = add_group (self, NULL);

      add_list (self, unused, _("Local authorities not in the file"),
                s->unused_local_authorities->len, s->unused_local_authorities);
    }
}

static void
show_groups_summary (CvnImportDialog *self,
                     ImportJob       *job,
                     GString         *headline)
{
  CvnGiasSummary *s = job->gias;
  AdwPreferencesGroup *groups = add_group (self, _("Trusts and Federations"));
  AdwPreferencesGroup *members = add_group (self, _("Memberships"));
  g_autoptr (GPtrArray) skips = gias_skip_lines (s->skips);

  g_string_append_printf (headline,
                          g_dngettext (GETTEXT_PACKAGE, "%u group added, %u memberships added",
                                       "%u groups added, %u memberships added",
                                       s->groups_added),
                          s->groups_added, s->memberships_added);
  add_count (self, groups, _("Added"), NULL, s->groups_added);
  add_count (self, groups, _("Already in the document"), NULL, s->groups_existing);
  add_count (self, members, _("Added"), NULL, s->memberships_added);
  add_count (self, members, _("Already in the document"), NULL, s->memberships_existing);
  add_list (self, members, _("Rows skipped"), skips->len, skips);
}

static void
show_members_summary (CvnImportDialog *self,
                      ImportJob       *job,
                      GString         *headline)
{
  CvnMembersSummary *s = job->members;
  AdwPreferencesGroup *group = add_group (self, _("Memberships"));
  g_autoptr (GPtrArray) skipped = member_problem_lines (s->skipped);
  g_autoptr (GPtrArray) unmatched = member_problem_lines (s->unmatched);

  g_string_append_printf (headline,
                          g_dngettext (GETTEXT_PACKAGE, "%u membership added",
                                       "%u memberships added", s->memberships_added),
                          s->memberships_added);
  add_count (self, group, _("Added"), NULL, s->memberships_added);
  add_count (self, group, _("Already in the document"), NULL, s->memberships_existing);
  add_count (self, group, _("Groups created"), NULL, s->groups_created);
  add_count (self, group, _("People created"), NULL, s->people_created);
  add_list (self, group, _("Rows skipped"), skipped->len, skipped);
  if (unmatched->len > 0)
    add_list (self, group, _("Rows left out: schools not in the document"), unmatched->len,
              unmatched);
}

static void
show_directory_summary (CvnImportDialog *self,
                        ImportJob       *job,
                        GString         *headline)
{
  AdwPreferencesGroup *group = add_group (self, _("Directory"));

  g_string_append_printf (headline,
                          g_dngettext (GETTEXT_PACKAGE, "%u entry added, %u updated",
                                       "%u entries added, %u updated", job->directory.added),
                          job->directory.added, job->directory.updated);
  add_count (self, group, _("Entries added"), NULL, job->directory.added);
  add_count (self, group, _("Entries updated"), NULL, job->directory.updated);
}

static void
show_graphml_summary (CvnImportDialog *self,
                      ImportJob       *job,
                      GString         *headline)
{
  CvnGraphmlSummary *s = job->graphml;
  AdwPreferencesGroup *objects = add_group (self, _("Schools, People and Groups"));
  AdwPreferencesGroup *links = add_group (self, _("Memberships and Layout"));

  g_string_append_printf (headline,
                          g_dngettext (GETTEXT_PACKAGE, "%u new object, %u memberships added",
                                       "%u new objects, %u memberships added",
                                       s->schools_created + s->people_created +
                                       s->groups_created),
                          s->schools_created + s->people_created + s->groups_created,
                          s->memberships_added);
  add_count (self, objects, _("Schools added"), NULL, s->schools_created);
  add_count (self, objects, _("Schools already in the document"), NULL, s->schools_matched);
  add_count (self, objects, _("People added"), NULL, s->people_created);
  add_count (self, objects, _("People already in the document"), NULL, s->people_matched);
  add_count (self, objects, _("Groups added"), NULL, s->groups_created);
  add_count (self, objects, _("Groups already in the document"), NULL, s->groups_matched);
  add_count (self, links, _("Memberships added"), NULL, s->memberships_added);
  add_count (self, links, _("Memberships already in the document"), NULL,
             s->memberships_existing);
  add_count (self, links, _("Parent groups set"), NULL, s->parents_set);
  add_count (self, links, _("Positions saved"), NULL, s->positions);
  if (s->edges_ignored > 0)
    add_count (self, links, _("Edges ignored"),
               _("Between two schools or people, or loops: Convenor has nothing to make of "
                 "them"), s->edges_ignored);
  if (s->unknown_attributes->len > 0)
    {
      AdwPreferencesGroup *notes = add_group (self, _("Other Attributes"));

      add_count (self, notes, _("Values kept as notes"), NULL, s->notes_kept);
      add_count (self, notes, _("Values dropped"), NULL, s->notes_dropped);
      add_list (self, notes, _("Attributes Convenor has no field for"),
                s->unknown_attributes->len, s->unknown_attributes);
    }
}

static void
show_summary (CvnImportDialog *self,
              ImportJob       *job)
{
  g_autoptr (GString) headline = g_string_new (NULL);
  g_autofree char *description = NULL;

  clear_summary (self);
  switch (job->kind)
    {
    case CVN_IMPORT_KIND_GIAS_SCHOOLS:
      show_gias_summary (self, job, headline);
      break;
    case CVN_IMPORT_KIND_GIAS_GROUPS:
      show_groups_summary (self, job, headline);
      break;
    case CVN_IMPORT_KIND_MEMBERSHIPS:
      show_members_summary (self, job, headline);
      break;
    case CVN_IMPORT_KIND_DIRECTORY:
      show_directory_summary (self, job, headline);
      break;
    case CVN_IMPORT_KIND_GRAPHML:
      show_graphml_summary (self, job, headline);
      break;
    default:
      g_assert_not_reached ();
    }

  if (cvn_document_get_revision (job->document) == job->revision)
    /* TRANSLATORS: the summary under "Import Complete" when the file held nothing new. */
    description = g_strdup_printf (_("“%s”: %s. Nothing in the document changed."),
                                   job->name, headline->str);
  else
    /* TRANSLATORS: the summary under "Import Complete": the file, what came of it ("9 schools
     * added, 1 changed"), and how to take it back. */
    description = g_strdup_printf (_("“%s”: %s. Undo takes back the whole import in one "
                                     "step."), job->name, headline->str);
  adw_status_page_set_title (self->summary_status, _("Import Complete"));
  adw_status_page_set_description (self->summary_status, description);
}

/* Finishing ----------------------------------------------------------------------------------- */

static void
show_failure (CvnImportDialog *self,
              const char      *title,
              const char      *message)
{
  g_free (self->failure);
  self->failure = g_strdup (message);
  adw_status_page_set_title (self->failed_status, title);
  gtk_label_set_text (self->failed_label, message);
  set_state (self, CVN_IMPORT_STATE_FAILED);
}

static void
stop_pulse (CvnImportDialog *self)
{
  g_clear_handle_id (&self->pulse_id, g_source_remove);
}

static void run_job (CvnImportDialog *self,
                     gboolean         skip_unmatched);

static void
question_response_cb (AdwMessageDialog *question,
                      const char       *response,
                      CvnImportDialog  *self)
{
  self->question = NULL;
  if (g_str_equal (response, "import"))
    run_job (self, TRUE);
  else
    {
      show_failure (self, _("Nothing Was Imported"),
                    _("The rows that name schools missing from this document were not "
                      "imported, and neither were the others. Add those schools first, or "
                      "import again and let the other rows in."));
      g_signal_emit (self, signals[FINISHED], 0);
    }
}

/* Some rows name schools the document lacks: says which, by line, and asks before anything
 * is imported. */
static void
ask_about_unmatched (CvnImportDialog *self,
                     ImportJob       *job)
{
  g_autoptr (GPtrArray) lines = member_problem_lines (job->members->unmatched);
  g_autoptr (GString) listing = g_string_new (NULL);
  g_autofree char *body = NULL;
  GtkWidget *question, *extra, *label;
  guint n = lines->len;

  for (guint i = 0; i < n && i < MAX_LISTED; i++)
    g_string_append_printf (listing, "%s%s", i > 0 ? "\n" : "",
                            (const char *) g_ptr_array_index (lines, i));
  if (n > MAX_LISTED)
    g_string_append_printf (listing, "\n%s", _("…"));

  body = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE,
                 "%u row of “%s” names a school that is not in this document. Nothing has been "
                 "imported yet: the other rows can be imported without it.",
                 "%u rows of “%s” name schools that are not in this document. Nothing has been "
                 "imported yet: the other rows can be imported without them.", n),
    n, job->name);
  question = adw_message_dialog_new (GTK_WINDOW (self), _("Import the Other Rows?"), body);

  /* The rows, by line, in a card; a long list scrolls. A wrapped label reports its natural
   * height for a width it will not get, so the scrolled window is given a fixed height rather
   * than asked to follow the label's. */
  label = gtk_label_new (listing->str);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 9);
  gtk_widget_set_margin_bottom (label, 9);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  if (n <= 6)
    {
      extra = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_box_append (GTK_BOX (extra), label);
    }
  else
    {
      extra = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (extra), GTK_POLICY_NEVER,
                                      GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (extra), 180);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (extra), label);
    }
  gtk_widget_add_css_class (extra, "card");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (question), extra);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (question),
                                    "cancel", _("_Import Nothing"),
                                    "import", _("Import _Other Rows"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (question), "import",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (question), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (question), "cancel");
  g_signal_connect_object (question, "response", G_CALLBACK (question_response_cb), self, 0);

  self->question = question;
  g_object_add_weak_pointer (G_OBJECT (question), (gpointer *) &self->question);
  set_state (self, CVN_IMPORT_STATE_ASKING);
  gtk_window_present (GTK_WINDOW (question));
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CvnImportDialog *self = CVN_IMPORT_DIALOG (source);
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  gboolean cancelled = g_cancellable_is_cancelled (job->cancellable);

  /* The document comes back to the main thread: finish the edit the worker left open. This
   * happens even when the dialog has gone, so the document is never left inside an edit. */
  if (cvn_document_in_edit (job->document))
    {
      gint64 finishing = g_get_monotonic_time ();

      if (job->error == NULL && !cancelled)
        cvn_document_commit_edit (job->document, &job->error);
      else
        cvn_document_rollback_edit (job->document);
      g_debug ("Imported %s: %.0f ms in the worker, %.0f ms to finish the edit on the main "
               "thread (and reload the window)", job->name,
               (job->worker_done - job->started) / 1e3,
               (g_get_monotonic_time () - finishing) / 1e3);
    }

  if (self->gone)
    return;
  stop_pulse (self);
  if (self->cancellable == job->cancellable)
    g_clear_object (&self->cancellable);

  if (cancelled)
    show_failure (self, _("Import Cancelled"),
                  _("Nothing was imported; the document is as it was."));
  else if (job->kind == CVN_IMPORT_KIND_MEMBERSHIPS && !job->skip_unmatched &&
           g_error_matches (job->error, CVN_MEMBERS_CSV_ERROR, CVN_MEMBERS_CSV_ERROR_UNMATCHED) &&
           job->members != NULL && job->members->unmatched->len > 0)
    {
      ask_about_unmatched (self, job);
      return;
    }
  else if (job->error != NULL)
    show_failure (self, _("Nothing Was Imported"), job->error->message);
  else
    {
      show_summary (self, job);
      set_state (self, CVN_IMPORT_STATE_DONE);
    }

  g_signal_emit (self, signals[FINISHED], 0);
  if (self->close_when_done)
    gtk_window_close (GTK_WINDOW (self));
}

static gboolean
pulse_cb (gpointer data)
{
  CvnImportDialog *self = data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

/* The same labels as the importers give their own edits, so the Undo menu item reads the same
 * whichever way the import was made. */
static char *
dup_undo_label (CvnImportKind  kind,
                const char    *name)
{
  switch (kind)
    {
    case CVN_IMPORT_KIND_GIAS_SCHOOLS:
      return g_strdup_printf (_("Import schools from %s"), name);
    case CVN_IMPORT_KIND_GIAS_GROUPS:
      return g_strdup (_("Import trusts and federations"));
    case CVN_IMPORT_KIND_MEMBERSHIPS:
      return g_strdup_printf (_("Import memberships from %s"), name);
    case CVN_IMPORT_KIND_DIRECTORY:
      return g_strdup_printf (_("Import directory from %s"), name);
    case CVN_IMPORT_KIND_GRAPHML:
      return g_strdup_printf (_("Import %s"), name);
    default:
      g_assert_not_reached ();
    }
}

static void
run_job (CvnImportDialog *self,
         gboolean         skip_unmatched)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *description = NULL;
  GtkApplication *application;
  ImportJob *job;

  g_assert (self->file != NULL);
  g_assert (!cvn_document_in_edit (self->document));

  job = g_new0 (ImportJob, 1);
  job->document = g_object_ref (self->document);
  job->revision = cvn_document_get_revision (self->document);
  job->kind = self->kind;
  job->path = g_file_get_path (self->file);
  job->links_path = self->links_file != NULL ? g_file_get_path (self->links_file) : NULL;
  job->name = g_file_get_basename (self->file);
  job->label = dup_undo_label (job->kind, job->name);
  job->skip_unmatched = skip_unmatched;
  if (job->kind == CVN_IMPORT_KIND_GIAS_SCHOOLS)
    {
      g_autoptr (GPtrArray) names = parse_local_authorities (
        self, gtk_editable_get_text (GTK_EDITABLE (self->la_row)));

      g_ptr_array_add (names, NULL);
      job->local_authorities = (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
      job->include_closed = gtk_switch_get_active (self->closed_switch);
      job->with_heads = gtk_check_button_get_active (self->heads_check);
    }

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  job->cancellable = g_object_ref (self->cancellable);

  /* An application quits when its last window closes; it stays until the job has come back
   * and the edit is finished. */
  application = self->window != NULL ? gtk_window_get_application (GTK_WINDOW (self->window))
                                     : NULL;
  if (application != NULL)
    {
      job->application = G_APPLICATION (g_object_ref (application));
      g_application_hold (job->application);
    }

  adw_status_page_set_title (self->progress_status, _("Importing…"));
  /* TRANSLATORS: under "Importing…": the file being read. */
  description = g_strdup_printf (_("Reading “%s”"), job->name);
  adw_status_page_set_description (self->progress_status, description);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  stop_pulse (self);
  self->pulse_id = g_timeout_add (PULSE_INTERVAL_MS, pulse_cb, self);
  g_free (self->failure);
  self->failure = NULL;
  clear_summary (self);
  set_state (self, CVN_IMPORT_STATE_RUNNING);

  /* The task does not check the cancellable itself: the job always comes back, so the main
   * thread always finishes the edit. */
  task = g_task_new (self, NULL, import_done_cb, NULL);
  g_task_set_task_data (task, job, import_job_free);
  job->started = g_get_monotonic_time ();
  g_task_run_in_thread (task, import_thread);
}

/* The file chooser ----------------------------------------------------------------------- */

static void
add_filter (GtkFileChooser     *chooser,
            const char         *name,
            const char * const *mime_types,
            const char * const *suffixes)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; mime_types != NULL && mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  for (guint i = 0; suffixes != NULL && suffixes[i] != NULL; i++)
    gtk_file_filter_add_suffix (filter, suffixes[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     CvnImportDialog *self)
{
  gboolean links = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "cvn-links"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (links)
        cvn_import_dialog_set_links_file (self, file);
      else
        cvn_import_dialog_set_file (self, file);
      /* With the file chosen, the next step is usually Import. */
      if (is_ready (self))
        gtk_widget_grab_focus (GTK_WIDGET (self->import_button));
    }
  gtk_native_dialog_destroy (chooser);
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

static void
choose_file (CvnImportDialog *self,
             gboolean         links)
{
  static const char * const csv_types[] = { "text/csv", NULL };
  static const char * const csv_suffixes[] = { "csv", NULL };
  static const char * const graphml_types[] = { "application/graphml+xml", NULL };
  static const char * const graphml_suffixes[] = { "graphml", NULL };
  static const char * const all_types[] = { "text/csv", "application/graphml+xml", NULL };
  static const char * const all_suffixes[] = { "csv", "graphml", "xml", NULL };
  GtkFileChooserNative *chooser;
  GFile *current = links ? self->links_file : self->file;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }
  chooser = gtk_file_chooser_native_new (links ? _("Choose the GIAS Links File")
                                               : _("Choose a File to Import"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (!links)
    add_filter (GTK_FILE_CHOOSER (chooser), _("All files Convenor can import"), all_types,
                all_suffixes);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Spreadsheets (CSV)"), csv_types, csv_suffixes);
  if (!links)
    add_filter (GTK_FILE_CHOOSER (chooser), _("GraphML"), graphml_types, graphml_suffixes);
  if (current == NULL)
    current = self->file;
  if (current != NULL)
    {
      g_autoptr (GFile) folder = g_file_get_parent (current);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  g_object_set_data (G_OBJECT (chooser), "cvn-links", GINT_TO_POINTER (links));
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
choose_file_clicked_cb (CvnImportDialog *self)
{
  choose_file (self, FALSE);
}

static void
choose_links_clicked_cb (CvnImportDialog *self)
{
  choose_file (self, TRUE);
}

static gboolean
drop_cb (GtkDropTarget   *target,
         const GValue    *value,
         double           x,
         double           y,
         CvnImportDialog *self)
{
  GSList *files;

  if (self->state != CVN_IMPORT_STATE_READY || !G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;
  cvn_import_dialog_set_file (self, files->data);
  g_slist_free (files);
  return TRUE;
}

/* Buttons ---------------------------------------------------------------------------------- */

static void
import_clicked_cb (CvnImportDialog *self)
{
  cvn_import_dialog_start (self);
}

static void
cancel_clicked_cb (CvnImportDialog *self)
{
  if (self->state == CVN_IMPORT_STATE_RUNNING)
    cvn_import_dialog_cancel (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
back_clicked_cb (CvnImportDialog *self)
{
  set_state (self, CVN_IMPORT_STATE_READY);
}

static gboolean
close_request_cb (CvnImportDialog *self)
{
  /* The window stays until the worker has handed the document back, so that closing it cannot
   * leave an edit half made. */
  if (self->state == CVN_IMPORT_STATE_RUNNING)
    {
      self->close_when_done = TRUE;
      cvn_import_dialog_cancel (self);
      return TRUE;
    }
  return FALSE;
}

/* GObject -------------------------------------------------------------------------------- */

/* gtk_window_destroy() unrealizes a window but disposes it only when the last reference goes,
 * and a running job holds one. So destroying the dialog under a running import (or closing
 * the window it belongs to) is seen here: the import is cancelled and the dialog is not
 * updated again. */
static void
cvn_import_dialog_unrealize (GtkWidget *widget)
{
  CvnImportDialog *self = CVN_IMPORT_DIALOG (widget);

  self->gone = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->scan_cancellable != NULL)
    g_cancellable_cancel (self->scan_cancellable);
  stop_pulse (self);

  GTK_WIDGET_CLASS (cvn_import_dialog_parent_class)->unrealize (widget);
}

static void
cvn_import_dialog_dispose (GObject *object)
{
  CvnImportDialog *self = CVN_IMPORT_DIALOG (object);

  self->gone = TRUE;
  /* A running job still comes back to import_done_cb, which rolls its edit back. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->scan_cancellable != NULL)
    g_cancellable_cancel (self->scan_cancellable);
  g_clear_object (&self->scan_cancellable);
  stop_pulse (self);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }
  if (self->question != NULL)
    gtk_window_destroy (GTK_WINDOW (self->question));
  g_clear_weak_pointer (&self->window);

  gtk_widget_dispose_template (GTK_WIDGET (self), CVN_TYPE_IMPORT_DIALOG);

  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_object (&self->links_file);
  g_clear_pointer (&self->file_las, g_ptr_array_unref);
  g_clear_pointer (&self->file_la_names, g_ptr_array_unref);

  G_OBJECT_CLASS (cvn_import_dialog_parent_class)->dispose (object);
}

static void
cvn_import_dialog_finalize (GObject *object)
{
  CvnImportDialog *self = CVN_IMPORT_DIALOG (object);

  g_string_free (self->summary_text, TRUE);
  g_free (self->failure);

  G_OBJECT_CLASS (cvn_import_dialog_parent_class)->finalize (object);
}

static void
cvn_import_dialog_class_init (CvnImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cvn_import_dialog_dispose;
  object_class->finalize = cvn_import_dialog_finalize;
  widget_class->unrealize = cvn_import_dialog_unrealize;

  /**
   * CvnImportDialog::finished:
   *
   * Emitted when an import has ended: imported (the summary is shown), failed, cancelled, or
   * declined at the question about unmatched rows.
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/convenor/Convenor/cvn-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CvnImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CvnImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, CvnImportDialog, done_button);
  gtk_widget_class_bind_template_child (widget_class, CvnImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CvnImportDialog, file_group);
  gtk_widget_class_bind_template_child (widget_class, CvnImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, CvnImportDialog, file_button);
  gtk_widget_class_bind_template_child (widget_class, CvnImportDialog, links_row);
  gtk_widget_class_bind_template_child (widget_class, CvnImportDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CvnImportDialog, gias_group);
  gtk_widget_class_bind_template_child (widget_class, CvnImportDialog, la_row);
  gtk_widget_class_bind_template_child (widget_class, CvnImportDialog, la_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CvnImportDialog, la_list);
  gtk_widget_class_bind_template_child (widget_class, CvnImportDialog, closed_switch);
  gtk_widget_class_bind_template_child (widget_class, CvnImportDialog, heads_check);
  gtk_widget_class_bind_template_child (widget_class, CvnImportDialog, progress_status);
  gtk_widget_class_bind_template_child (widget_class, CvnImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CvnImportDialog, summary_status);
  gtk_widget_class_bind_template_child (widget_class, CvnImportDialog, summary_box);
  gtk_widget_class_bind_template_child (widget_class, CvnImportDialog, failed_status);
  gtk_widget_class_bind_template_child (widget_class, CvnImportDialog, failed_label);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_file_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_links_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cvn_import_dialog_init (CvnImportDialog *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->summary_text = g_string_new (NULL);
  self->kind = CVN_IMPORT_KIND_GIAS_SCHOOLS;
  self->state = CVN_IMPORT_STATE_READY;
  adw_combo_row_set_selected (self->kind_row, self->kind);
  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (kind_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->la_row, "changed", G_CALLBACK (la_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);

  /* A file dropped on the dialog is chosen, as from the file chooser. */
  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  clear_file_las (self);
  update_controls (self);
  set_state (self, CVN_IMPORT_STATE_READY);
  /* The first thing to do is to choose the file. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->file_button));
}

/* Public --------------------------------------------------------------------------------- */

CvnImportDialog *
cvn_import_dialog_new (CvnWindow *window)
{
  CvnImportDialog *self;

  g_return_val_if_fail (CVN_IS_WINDOW (window), NULL);

  self = g_object_new (CVN_TYPE_IMPORT_DIALOG, "transient-for", window, NULL);
  g_set_weak_pointer (&self->window, window);
  self->document = g_object_ref (cvn_window_get_document (window));
  return self;
}

void
cvn_import_dialog_set_file (CvnImportDialog *self,
                            GFile           *file)
{
  g_autofree char *path = NULL;
  CvnImportKind kind = self->kind;
  gboolean is_links = FALSE;

  g_return_if_fail (CVN_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->state != CVN_IMPORT_STATE_RUNNING);
  g_return_if_fail (self->state != CVN_IMPORT_STATE_ASKING);

  path = g_file_get_path (file);
  self->guessed = path != NULL && cvn_import_guess_kind (path, &kind, &is_links);
  if (self->guessed && kind == CVN_IMPORT_KIND_GIAS_GROUPS)
    {
      /* The two halves of a groups import each go in their place, whichever was chosen, and
       * the other is looked for beside it. */
      g_autoptr (GFile) partner = find_partner_file (file, !is_links);

      g_set_object (is_links ? &self->links_file : &self->file, file);
      if (partner != NULL)
        g_set_object (is_links ? &self->file : &self->links_file, partner);
      else if (is_links)
        g_clear_object (&self->file);
    }
  else
    g_set_object (&self->file, file);

  self->kind = kind;
  if (adw_combo_row_get_selected (self->kind_row) != kind)
    adw_combo_row_set_selected (self->kind_row, kind);
  /* Choosing a file starts over after an import that ended either way. */
  if (self->state == CVN_IMPORT_STATE_FAILED || self->state == CVN_IMPORT_STATE_DONE)
    set_state (self, CVN_IMPORT_STATE_READY);
  self->la_edited = FALSE;
  set_la_text (self, "");
  scan_file_las (self);
  update_controls (self);
}

GFile *
cvn_import_dialog_get_file (CvnImportDialog *self)
{
  g_return_val_if_fail (CVN_IS_IMPORT_DIALOG (self), NULL);

  return self->file;
}

void
cvn_import_dialog_set_links_file (CvnImportDialog *self,
                                  GFile           *file)
{
  g_return_if_fail (CVN_IS_IMPORT_DIALOG (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  g_set_object (&self->links_file, file);
  update_controls (self);
}

GFile *
cvn_import_dialog_get_links_file (CvnImportDialog *self)
{
  g_return_val_if_fail (CVN_IS_IMPORT_DIALOG (self), NULL);

  return self->links_file;
}

void
cvn_import_dialog_set_kind (CvnImportDialog *self,
                            CvnImportKind    kind)
{
  g_return_if_fail (CVN_IS_IMPORT_DIALOG (self));
  g_return_if_fail (kind <= CVN_IMPORT_KIND_GRAPHML);

  adw_combo_row_set_selected (self->kind_row, kind);
}

CvnImportKind
cvn_import_dialog_get_kind (CvnImportDialog *self)
{
  g_return_val_if_fail (CVN_IS_IMPORT_DIALOG (self), CVN_IMPORT_KIND_GIAS_SCHOOLS);

  return self->kind;
}

void
cvn_import_dialog_set_local_authorities (CvnImportDialog *self,
                                         const char      *local_authorities)
{
  g_return_if_fail (CVN_IS_IMPORT_DIALOG (self));

  /* As typing does: the dialog does not fill in the entry over what was set here. */
  gtk_editable_set_text (GTK_EDITABLE (self->la_row),
                         local_authorities != NULL ? local_authorities : "");
  self->la_edited = TRUE;
}

const char *
cvn_import_dialog_get_local_authorities (CvnImportDialog *self)
{
  g_return_val_if_fail (CVN_IS_IMPORT_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->la_row));
}

void
cvn_import_dialog_set_include_closed (CvnImportDialog *self,
                                      gboolean         include_closed)
{
  g_return_if_fail (CVN_IS_IMPORT_DIALOG (self));

  gtk_switch_set_active (self->closed_switch, include_closed);
}

void
cvn_import_dialog_set_with_heads (CvnImportDialog *self,
                                  gboolean         with_heads)
{
  g_return_if_fail (CVN_IS_IMPORT_DIALOG (self));

  gtk_check_button_set_active (self->heads_check, with_heads);
}

GPtrArray *
cvn_import_dialog_get_file_local_authorities (CvnImportDialog *self)
{
  g_return_val_if_fail (CVN_IS_IMPORT_DIALOG (self), NULL);

  return self->file_la_names;
}

gboolean
cvn_import_dialog_start (CvnImportDialog *self)
{
  g_return_val_if_fail (CVN_IS_IMPORT_DIALOG (self), FALSE);

  if (!is_ready (self) || cvn_document_in_edit (self->document))
    return FALSE;

  /* The importers read files by path; a file only a GVfs URI reaches cannot be imported. */
  for (guint i = 0; i < 2; i++)
    {
      GFile *file = i == 0 ? self->file
                           : self->kind == CVN_IMPORT_KIND_GIAS_GROUPS ? self->links_file : NULL;
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (file != NULL && path == NULL)
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *message = g_strdup_printf (
            _("“%s” is not a file on this computer. Copy it to a local folder and import it "
              "from there."), name);

          show_failure (self, _("Nothing Was Imported"), message);
          g_signal_emit (self, signals[FINISHED], 0);
          return TRUE;
        }
    }

  run_job (self, FALSE);
  return TRUE;
}

void
cvn_import_dialog_cancel (CvnImportDialog *self)
{
  g_return_if_fail (CVN_IS_IMPORT_DIALOG (self));

  if (self->state != CVN_IMPORT_STATE_RUNNING || self->cancellable == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  adw_status_page_set_title (self->progress_status, _("Cancelling…"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
}

CvnImportState
cvn_import_dialog_get_state (CvnImportDialog *self)
{
  g_return_val_if_fail (CVN_IS_IMPORT_DIALOG (self), CVN_IMPORT_STATE_READY);

  return self->state;
}

char *
cvn_import_dialog_dup_summary_text (CvnImportDialog *self)
{
  g_return_val_if_fail (CVN_IS_IMPORT_DIALOG (self), NULL);

  if (self->state != CVN_IMPORT_STATE_DONE)
    return NULL;
  return g_strdup (self->summary_text->str);
}

const char *
cvn_import_dialog_get_failure (CvnImportDialog *self)
{
  g_return_val_if_fail (CVN_IS_IMPORT_DIALOG (self), NULL);

  return self->state == CVN_IMPORT_STATE_FAILED ? self->failure : NULL;
}

GtkWidget *
cvn_import_dialog_get_question (CvnImportDialog *self)
{
  g_return_val_if_fail (CVN_IS_IMPORT_DIALOG (self), NULL);

  return self->state == CVN_IMPORT_STATE_ASKING ? self->question : NULL;
}

/* win.import ----------------------------------------------------------------------------- */

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CvnImportDialog *dialog = cvn_import_dialog_new (CVN_WINDOW (widget));

  gtk_window_present (GTK_WINDOW (dialog));
}

void
cvn_import_dialog_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "win.import", NULL);
}
