/* cvn-checks-page.c
 *
 * The checks are a pure function of a snapshot, and the window loads a snapshot after every
 * edit anyway, so the page simply runs them again each time and replaces its list. The list is
 * a GtkColumnView over a GListStore, so a document with thousands of findings (a fresh
 * register import, every school in no cluster) stays quick to show.
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
  char          *icon_name;
};

G_DEFINE_FINAL_TYPE (CvnFindingItem, cvn_finding_item, G_TYPE_OBJECT)

static void
cvn_finding_item_finalize (GObject *object)
{
  CvnFindingItem *self = CVN_FINDING_ITEM (object);

  g_free (self->object_name);
  g_free (self->message);
  g_free (self->icon_name);

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

static CvnFindingItem *
finding_item_new (const CvnFinding *finding,
                  CvnSnapshot      *snapshot)
{
  CvnFindingItem *self = g_object_new (CVN_TYPE_FINDING_ITEM, NULL);

  self->code = finding->code;
  self->object_kind = finding->object_kind;
  self->object_id = finding->object_id;
  self->object_name = g_strdup (finding->object_name != NULL ? finding->object_name : "");
  self->message = g_strdup (finding->message != NULL ? finding->message : "");
  switch (finding->object_kind)
    {
    case CVN_OBJECT_ESTABLISHMENT:
      self->icon_name = g_strdup ("cvn-school-symbolic");
      break;
    case CVN_OBJECT_PERSON:
      self->icon_name = g_strdup ("avatar-default-symbolic");
      break;
    case CVN_OBJECT_GROUP:
      {
        const CvnGroup *group = cvn_snapshot_find_group (snapshot, finding->object_id);

        self->icon_name = g_strdup (cvn_outline_group_icon_name (group != NULL ? group->kind
                                                                               : NULL));
        break;
      }
    case CVN_OBJECT_NONE:
    default:
      self->icon_name = g_strdup ("dialog-warning-symbolic");
      break;
    }
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
};

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

  gtk_widget_dispose_template (GTK_WIDGET (self), CVN_TYPE_CHECKS_PAGE);
  /* The template's outer box has no name to be disposed by, so it is let go of here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->findings);

  G_OBJECT_CLASS (cvn_checks_page_parent_class)->dispose (object);
}

static void
cvn_checks_page_class_init (CvnChecksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cvn_checks_page_dispose;

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

void
cvn_checks_page_update (CvnChecksPage          *self,
                        CvnSnapshot            *snapshot,
                        const CvnCheckSettings *settings)
{
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *summary = NULL;

  g_return_if_fail (CVN_IS_CHECKS_PAGE (self));
  g_return_if_fail (snapshot != NULL);

  findings = cvn_checks_run (snapshot, settings);
  for (guint i = 0; i < findings->len; i++)
    g_ptr_array_add (items, finding_item_new (g_ptr_array_index (findings, i), snapshot));
  g_list_store_splice (self->findings, 0, g_list_model_get_n_items (G_LIST_MODEL (self->findings)),
                       items->pdata, items->len);

  if (items->len == 0)
    summary = g_strdup (_("No problems found"));
  else
    summary = g_strdup_printf (ngettext ("%u finding", "%u findings", items->len), items->len);
  gtk_label_set_text (self->summary_label, summary);
  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "findings" : "none");
}

GListModel *
cvn_checks_page_get_findings (CvnChecksPage *self)
{
  g_return_val_if_fail (CVN_IS_CHECKS_PAGE (self), NULL);

  return G_LIST_MODEL (self->findings);
}

guint
cvn_checks_page_get_n_findings (CvnChecksPage *self)
{
  g_return_val_if_fail (CVN_IS_CHECKS_PAGE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->findings));
}

void
cvn_checks_page_activate_finding (CvnChecksPage *self,
                                  guint          position)
{
  g_autoptr (CvnFindingItem) item = NULL;

  g_return_if_fail (CVN_IS_CHECKS_PAGE (self));

  item = g_list_model_get_item (G_LIST_MODEL (self->findings), position);
  if (item != NULL)
    g_signal_emit (self, signals[FINDING_ACTIVATED], 0, (int) item->object_kind,
                   item->object_id);
}
