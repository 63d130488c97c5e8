/* cvn-checks-page.c
 *
 * The checks are a pure function of a snapshot, and the window loads a snapshot after every
 * edit anyway, so the page simply runs them again each time and replaces its list. The list is
 * a GtkColumnView over a GListStore, so a document with thousands of findings (a fresh
 * register import, every school in no cluster) stays quick to show.
 *
 * Most edits are made with the page out of sight, where only the count of findings (the
 * switcher's badge) shows. The findings are then kept as the checks return them, and listed
 * when the page is shown or its list is asked for; an edit before that replaces them unlisted.
 *
 * On a large borough the checks take a fifth of a second. The window starts them in a thread
 * as soon as it has loaded a snapshot, and collects them once it has rebuilt everything else
 * from it, so the two run side by side; a snapshot never changes, so both may read it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-checks-page"

#include "config.h"

#include "cvn-checks-page.h"

#include "cvn-outline-item.h"

#include <adwaita.h>
#include <glib/gi18n.h>

/* Items ---------------------------------------------------------------------------------- */

struct _CvnFindingItem
{
  GObject        parent_instance;

  const char    *code;        /* static */
  CvnObjectKind  object_kind;
  gint64         object_id;
  char          *object_name;
  char          *message;
  const char    *icon_name;   /* static */
};

G_DEFINE_FINAL_TYPE (CvnFindingItem, cvn_finding_item, G_TYPE_OBJECT)

static void
cvn_finding_item_finalize (GObject *object)
{
  CvnFindingItem *self = CVN_FINDING_ITEM (object);

  g_free (self->object_name);
  g_free (self->message);

  G_OBJECT_CLASS (cvn_finding_item_parent_class)->finalize (object);
}

static void
cvn_finding_item_class_init (CvnFindingItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cvn_finding_item_finalize;
}

static void
cvn_finding_item_init (CvnFindingItem *self)
{
}

/* The icon of the object a finding is about; a static string. */
static const char *
finding_icon_name (const CvnFinding *finding,
                   CvnSnapshot      *snapshot)
{
  switch (finding->object_kind)
    {
    case CVN_OBJECT_ESTABLISHMENT:
      return "cvn-school-symbolic";
    case CVN_OBJECT_PERSON:
      return "avatar-default-symbolic";
    case CVN_OBJECT_GROUP:
      {
        const CvnGroup *group = cvn_snapshot_find_group (snapshot, finding->object_id);

        return cvn_outline_group_icon_name (group != NULL ? group->kind : NULL);
      }
    case CVN_OBJECT_NONE:
    default:
      return "dialog-warning-symbolic";
    }
}

/* Makes the item of @finding, taking its strings. */
static CvnFindingItem *
finding_item_new_take (CvnFinding *finding,
                       const char *icon_name)
{
  CvnFindingItem *self = g_object_new (CVN_TYPE_FINDING_ITEM, NULL);

  self->code = finding->code;
  self->object_kind = finding->object_kind;
  self->object_id = finding->object_id;
  self->object_name = finding->object_name != NULL ? g_steal_pointer (&finding->object_name)
                                                   : g_strdup ("");
  self->message = finding->message != NULL ? g_steal_pointer (&finding->message)
                                           : g_strdup ("");
  self->icon_name = icon_name;
  return self;
}

const char *
cvn_finding_item_get_code (CvnFindingItem *self)
{
  g_return_val_if_fail (CVN_IS_FINDING_ITEM (self), NULL);
  return self->code;
}

const char *
cvn_finding_item_get_title (CvnFindingItem *self)
{
  g_return_val_if_fail (CVN_IS_FINDING_ITEM (self), NULL);
  return cvn_check_code_get_title (self->code);
}

CvnObjectKind
cvn_finding_item_get_object_kind (CvnFindingItem *self)
{
  g_return_val_if_fail (CVN_IS_FINDING_ITEM (self), CVN_OBJECT_NONE);
  return self->object_kind;
}

gint64
cvn_finding_item_get_object_id (CvnFindingItem *self)
{
  g_return_val_if_fail (CVN_IS_FINDING_ITEM (self), 0);
  return self->object_id;
}

const char *
cvn_finding_item_get_object_name (CvnFindingItem *self)
{
  g_return_val_if_fail (CVN_IS_FINDING_ITEM (self), NULL);
  return self->object_name;
}

const char *
cvn_finding_item_get_message (CvnFindingItem *self)
{
  g_return_val_if_fail (CVN_IS_FINDING_ITEM (self), NULL);
  return self->message;
}

/* The page -------------------------------------------------------------------------------- */

struct _CvnChecksPage
{
  GtkWidget      parent_instance;

  GtkLabel      *summary_label;
  GtkStack      *stack;
  GtkColumnView *column_view;

  GListStore    *findings;

  /* The findings of the last update not yet listed (CvnFinding), with each one's icon, or NULL
   * when the list is up to date. The icons are found when the findings are kept, because the
   * snapshot the checks read may be gone by the time they are listed. */
  GPtrArray     *unlisted;
  GPtrArray     *unlisted_icons;

  /* The checks running in a thread, from cvn_checks_page_begin_update(). */
  GThread       *checking;
};

/* The work of one run of the checks, handed to a thread and back. */
typedef struct
{
  CvnSnapshot      *snapshot;
  CvnCheckSettings  settings;
  GPtrArray        *findings;   /* CvnFinding */
  GPtrArray        *icons;      /* static strings, one for each finding */
} Checking;

static void
checking_free (Checking *checking)
{
  cvn_check_settings_clear (&checking->settings);
  g_clear_pointer (&checking->findings, g_ptr_array_unref);
  g_clear_pointer (&checking->icons, g_ptr_array_unref);
  g_free (checking);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Checking, checking_free)

/* Runs the checks; in a thread, or not. */
static Checking *
run_checks (Checking *checking)
{
  checking->findings = cvn_checks_run (checking->snapshot, &checking->settings);
  checking->icons = g_ptr_array_sized_new (checking->findings->len);
  for (guint i = 0; i < checking->findings->len; i++)
    g_ptr_array_add (checking->icons,
                     (gpointer) finding_icon_name (g_ptr_array_index (checking->findings, i),
                                                   checking->snapshot));
  return checking;
}

static gpointer
run_checks_thread (gpointer data)
{
  return run_checks (data);
}

G_DEFINE_FINAL_TYPE (CvnChecksPage, cvn_checks_page, GTK_TYPE_WIDGET)

enum {
  FINDING_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The check's title is not a column of its own: it heads each finding, small, so the finding
 * keeps the width to read as a sentence. */
typedef enum
{
  COLUMN_OBJECT,
  COLUMN_FINDING,
} Column;

/* Tooltips are asked for when wanted: setting one on every bind would make GTK look for the
 * pointer each time, a round trip to the display server per cell. */
static gboolean
cell_query_tooltip_cb (GtkWidget   *widget,
                       int          x,
                       int          y,
                       gboolean     keyboard_mode,
                       GtkTooltip  *tooltip,
                       GtkListItem *list_item)
{
  CvnFindingItem *item = gtk_list_item_get_item (list_item);

  if (item == NULL)
    return FALSE;
  /* The title of a finding shows the check's stable code, for those who script the command
   * line's "check" against it; a name cut short shows whole. */
  if (g_object_get_data (G_OBJECT (list_item), "cvn-title") == widget)
    gtk_tooltip_set_text (tooltip, item->code);
  else
    gtk_tooltip_set_text (tooltip, item->object_name);
  return TRUE;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (column == COLUMN_FINDING)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *title = gtk_label_new (NULL);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_add_css_class (title, "dim-label");
      gtk_widget_add_css_class (title, "caption-heading");
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), label);
      g_object_set_data (G_OBJECT (list_item), "cvn-title", title);
      gtk_widget_set_has_tooltip (title, TRUE);
      g_signal_connect (title, "query-tooltip", G_CALLBACK (cell_query_tooltip_cb), list_item);
      gtk_list_item_set_child (list_item, box);
    }
  else
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *image = g_object_new (GTK_TYPE_IMAGE,
                                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                       NULL);

      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (cell_query_tooltip_cb), list_item);
      gtk_box_append (GTK_BOX (box), image);
      gtk_box_append (GTK_BOX (box), label);
      g_object_set_data (G_OBJECT (list_item), "cvn-image", image);
      gtk_list_item_set_child (list_item, box);
    }
  g_object_set_data (G_OBJECT (list_item), "cvn-label", label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  CvnFindingItem *item = gtk_list_item_get_item (list_item);
  GtkLabel *label = g_object_get_data (G_OBJECT (list_item), "cvn-label");

  switch (column)
    {
    case COLUMN_OBJECT:
      gtk_label_set_text (label, item->object_name);
      gtk_image_set_from_icon_name (g_object_get_data (G_OBJECT (list_item), "cvn-image"),
                                    item->icon_name);
      break;
    case COLUMN_FINDING:
    default:
      {
        GtkWidget *title = g_object_get_data (G_OBJECT (list_item), "cvn-title");

        gtk_label_set_text (GTK_LABEL (title), cvn_finding_item_get_title (item));
        gtk_label_set_text (label, item->message);
        break;
      }
    }
}

static void
add_column (CvnChecksPage *self,
            const char    *title,
            Column         column,
            gboolean       expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  if (!expand)
    gtk_column_view_column_set_fixed_width (view_column, 220);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
  g_object_unref (view_column);
}

static void
finding_activate_cb (CvnChecksPage *self,
                     guint          position)
{
  cvn_checks_page_activate_finding (self, position);
}

static void
cvn_checks_page_dispose (GObject *object)
{
  CvnChecksPage *self = CVN_CHECKS_PAGE (object);
  GtkWidget *child;

  /* The thread reads a snapshot that is not the page's to keep alive. */
  if (self->checking != NULL)
    checking_free (g_thread_join (g_steal_pointer (&self->checking)));
  gtk_widget_dispose_template (GTK_WIDGET (self), CVN_TYPE_CHECKS_PAGE);
  /* The template's outer box has no name to be disposed by, so it is let go of here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->findings);
  g_clear_pointer (&self->unlisted, g_ptr_array_unref);
  g_clear_pointer (&self->unlisted_icons, g_ptr_array_unref);

  G_OBJECT_CLASS (cvn_checks_page_parent_class)->dispose (object);
}

/* Lists the findings kept since the last update, if any. */
static void
list_findings (CvnChecksPage *self)
{
  g_autoptr (GPtrArray) findings = g_steal_pointer (&self->unlisted);
  g_autoptr (GPtrArray) icons = g_steal_pointer (&self->unlisted_icons);
  g_autoptr (GPtrArray) items = NULL;

  if (findings == NULL)
    return;
  items = g_ptr_array_new_full (findings->len, g_object_unref);
  for (guint i = 0; i < findings->len; i++)
    g_ptr_array_add (items, finding_item_new_take (g_ptr_array_index (findings, i),
                                                   g_ptr_array_index (icons, i)));
  g_list_store_splice (self->findings, 0, g_list_model_get_n_items (G_LIST_MODEL (self->findings)),
                       items->pdata, items->len);
}

static void
cvn_checks_page_map (GtkWidget *widget)
{
  CvnChecksPage *self = CVN_CHECKS_PAGE (widget);

  /* Listed before the list is mapped, so that it is shown once, already filled. */
  cvn_checks_page_finish_update (self);
  list_findings (self);

  GTK_WIDGET_CLASS (cvn_checks_page_parent_class)->map (widget);
}

static void
cvn_checks_page_class_init (CvnChecksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cvn_checks_page_dispose;
  widget_class->map = cvn_checks_page_map;

  /**
   * CvnChecksPage::finding-activated:
   * @kind: the CvnObjectKind of the object the finding is about
   * @id: its id
   */
  signals[FINDING_ACTIVATED] =
    g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/convenor/Convenor/cvn-checks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CvnChecksPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CvnChecksPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CvnChecksPage, column_view);
  gtk_widget_class_bind_template_callback (widget_class, finding_activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cvn_checks_page_init (CvnChecksPage *self)
{
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->findings = g_list_store_new (CVN_TYPE_FINDING_ITEM);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->findings)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  /* TRANSLATORS: the column headings of the Checks page. */
  add_column (self, _("About"), COLUMN_OBJECT, FALSE);
  add_column (self, _("Finding"), COLUMN_FINDING, TRUE);
}

GtkWidget *
cvn_checks_page_new (void)
{
  return g_object_new (CVN_TYPE_CHECKS_PAGE, NULL);
}

/* Keeps what @checking found, lists it if the page is shown, and sums it up. */
static void
keep_findings (CvnChecksPage *self,
               Checking      *checking)
{
  g_autofree char *summary = NULL;
  guint n_findings = checking->findings->len;

  g_clear_pointer (&self->unlisted, g_ptr_array_unref);
  g_clear_pointer (&self->unlisted_icons, g_ptr_array_unref);
  self->unlisted = g_steal_pointer (&checking->findings);
  self->unlisted_icons = g_steal_pointer (&checking->icons);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    list_findings (self);

  if (n_findings == 0)
    summary = g_strdup (_("No problems found"));
  else
    summary = g_strdup_printf (ngettext ("%u finding", "%u findings", n_findings), n_findings);
  gtk_label_set_text (self->summary_label, summary);
  gtk_stack_set_visible_child_name (self->stack, n_findings > 0 ? "findings" : "none");
}

void
cvn_checks_page_begin_update (CvnChecksPage *self,
                              CvnSnapshot   *snapshot,
                              CvnDocument   *document)
{
  g_autoptr (Checking) checking = g_new0 (Checking, 1);
  g_autoptr (GError) error = NULL;

  g_return_if_fail (CVN_IS_CHECKS_PAGE (self));
  g_return_if_fail (snapshot != NULL);
  g_return_if_fail (CVN_IS_DOCUMENT (document));

  /* Checks still running read an older snapshot, which may go once they are done; what they
   * found is shown until these are. */
  cvn_checks_page_finish_update (self);
  checking->snapshot = snapshot;
  /* The thresholds are read here: the document is not to be used from another thread. */
  cvn_check_settings_load (document, &checking->settings);
  self->checking = g_thread_try_new ("cvn-checks", run_checks_thread, checking, &error);
  if (self->checking != NULL)
    {
      g_steal_pointer (&checking);
      return;
    }
  /* Without a thread, the checks run here and now. */
  g_debug ("Running the checks without a thread: %s", error->message);
  keep_findings (self, run_checks (checking));
}

void
cvn_checks_page_finish_update (CvnChecksPage *self)
{
  g_autoptr (Checking) checking = NULL;

  g_return_if_fail (CVN_IS_CHECKS_PAGE (self));

  if (self->checking == NULL)
    return;
  checking = g_thread_join (g_steal_pointer (&self->checking));
  keep_findings (self, checking);
}

GListModel *
cvn_checks_page_get_findings (CvnChecksPage *self)
{
  g_return_val_if_fail (CVN_IS_CHECKS_PAGE (self), NULL);

  cvn_checks_page_finish_update (self);
  list_findings (self);
  return G_LIST_MODEL (self->findings);
}

guint
cvn_checks_page_get_n_findings (CvnChecksPage *self)
{
  g_return_val_if_fail (CVN_IS_CHECKS_PAGE (self), 0);

  cvn_checks_page_finish_update (self);
  if (self->unlisted != NULL)
    return self->unlisted->len;
  return g_list_model_get_n_items (G_LIST_MODEL (self->findings));
}

void
cvn_checks_page_activate_finding (CvnChecksPage *self,
                                  guint          position)
{
  g_autoptr (CvnFindingItem) item = NULL;

  g_return_if_fail (CVN_IS_CHECKS_PAGE (self));

  cvn_checks_page_finish_update (self);
  list_findings (self);
  item = g_list_model_get_item (G_LIST_MODEL (self->findings), position);
  if (item != NULL)
    g_signal_emit (self, signals[FINDING_ACTIVATED], 0, (int) item->object_kind,
                   item->object_id);
}
