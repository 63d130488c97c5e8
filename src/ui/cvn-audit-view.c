/* cvn-audit-view.c
 *
 * The view recomputes its audit from the window's snapshot whenever the document or the
 * chosen group changes, and draws it with the shared heat map renderer (src/render), the same
 * code that puts the matrix in PDF reports. The cell rectangles the renderer returns are kept
 * for hit-testing clicks and tooltips.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-audit-view"

#include "config.h"

#include "cvn-audit-view.h"

#include "cvn-broker-dialog.h"
#include "cvn-directory.h"
#include "cvn-directory-view.h"
#include "cvn-heatmap.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

/* Lists longer than this show their first rows and a row that reveals the rest. */
#define SHORT_LIST_ROWS 8

/* The heat map measures text in points for paper; on screen it is scaled up towards the size
 * of the interface's own text (11 pt at 96 dpi against the renderer's 12 units at 72), a
 * little short of it so that an alliance's clusters and the totals fit beside the outline. */
#define SCREEN_SCALE 1.1

struct _CvnAuditView
{
  GtkWidget        parent_instance;

  /* Template widgets */
  GtkDropDown     *group_dropdown;
  GtkLabel        *summary_label;
  GtkStack        *stack;
  GtkDrawingArea  *heatmap;
  GtkBox          *lists_box;

  CvnWindow       *window;          /* not owned: the window owns the view */
  GArray          *group_ids;       /* gint64, parallel to the drop-down; 0 first */
  gint64           group_id;
  gboolean         updating_groups;
  CvnAudit        *audit;
  GArray          *cells;           /* CvnHeatmapCell */
  GPtrArray       *list_groups;     /* the AdwPreferencesGroups in lists_box */

  GtkPopover      *drill_down;
  GtkLabel        *drill_down_title;
  GtkLabel        *drill_down_summary;
  GtkListBox      *drill_down_list;
  GArray          *drill_down_schools; /* gint64 */
  int              selected_area;
  int              selected_sub_area;
  gboolean         needs_reload;
};

G_DEFINE_FINAL_TYPE (CvnAuditView, cvn_audit_view, GTK_TYPE_WIDGET)

/* The heat map ----------------------------------------------------------------------------- */

static void
init_style (CvnAuditView    *self,
            CvnHeatmapStyle *style)
{
  GdkRGBA colour;

  cvn_heatmap_style_init (style);
  style->paint_background = FALSE;
  style->selected_area = self->selected_area;
  style->selected_sub_area = self->selected_sub_area;
  /* Headings follow the theme's text colour, so the matrix reads in the dark style too. */
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self->heatmap)),
                               &colour);
  style->text.red = colour.red;
  style->text.green = colour.green;
  style->text.blue = colour.blue;
}

/* Cells in the drawing area's own coordinates, for hit-testing and pointing popovers. */
static GArray *
scale_cells (GArray *cells)
{
  for (guint i = 0; i < cells->len; i++)
    {
      CvnHeatmapCell *cell = &g_array_index (cells, CvnHeatmapCell, i);

      cell->x *= SCREEN_SCALE;
      cell->y *= SCREEN_SCALE;
      cell->width *= SCREEN_SCALE;
      cell->height *= SCREEN_SCALE;
    }
  return cells;
}

static void
draw_heatmap_cb (GtkDrawingArea *area,
                 cairo_t        *cr,
                 int             width,
                 int             height,
                 gpointer        user_data)
{
  CvnAuditView *self = user_data;
  CvnHeatmapStyle style;

  if (self->audit == NULL)
    return;
  init_style (self, &style);
  cairo_scale (cr, SCREEN_SCALE, SCREEN_SCALE);
  g_clear_pointer (&self->cells, g_array_unref);
  self->cells = scale_cells (cvn_heatmap_draw (self->audit, cr, &style));
}

/* Works out the size and cells of the heat map without waiting for a frame, so that clicks
 * and the tests can hit-test as soon as the audit changes. */
static void
layout_heatmap (CvnAuditView *self)
{
  CvnHeatmapStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;

  init_style (self, &style);
  cvn_heatmap_measure (self->audit, &style, &width, &height);
  gtk_drawing_area_set_content_width (self->heatmap, (int) ceil (width * SCREEN_SCALE));
  gtk_drawing_area_set_content_height (self->heatmap, (int) ceil (height * SCREEN_SCALE));

  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  g_clear_pointer (&self->cells, g_array_unref);
  self->cells = scale_cells (cvn_heatmap_draw (self->audit, cr, &style));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  gtk_widget_queue_draw (GTK_WIDGET (self->heatmap));
}

static const CvnAuditCell *
cell_figures (const CvnAudit       *audit,
              const CvnHeatmapCell *cell)
{
  if (cell->sub_area_index == audit->n_sub_areas)
    return &audit->totals[cell->area_index];
  return cvn_audit_get_cell (audit, cell->area_index, cell->sub_area_index);
}

/* "16 days offered, 9 of them badged; 1 need" */
static char *
describe_figures (const CvnAuditCell *figures)
{
  g_autofree char *days = cvn_heatmap_format_days (figures->capacity_days);
  g_autofree char *offered = NULL;
  g_autofree char *needs = NULL;

  if (!(figures->capacity_days > 0))
    offered = g_strdup (_("No days offered"));
  else if (!(figures->badged_days > 0))
    offered = g_strdup_printf (_("%s offered, none badged"), days);
  else if (figures->badged_days >= figures->capacity_days)
    offered = g_strdup_printf (_("%s offered, all badged"), days);
  else
    {
      g_autofree char *badged = g_strdup_printf ("%g", figures->badged_days);

      /* TRANSLATORS: "16 days offered, 9 of them badged". */
      offered = g_strdup_printf (_("%s offered, %s of them badged"), days, badged);
    }
  if (figures->need_count == 0)
    needs = g_strdup (_("no needs"));
  else
    needs = g_strdup_printf (ngettext ("%u need", "%u needs", figures->need_count),
                             figures->need_count);
  /* TRANSLATORS: what a cell of the audit holds: days offered, then needs. */
  return g_strdup_printf (_("%s; %s"), offered, needs);
}

static const char *
column_name (CvnAuditView         *self,
             const CvnHeatmapCell *cell)
{
  if (cell->sub_area_index == self->audit->n_sub_areas)
    return self->audit->group_id != 0 ? _("the whole group") : _("the whole document");
  return self->audit->sub_areas[cell->sub_area_index].name;
}

static char *
describe_cell (CvnAuditView         *self,
               const CvnHeatmapCell *cell)
{
  g_autofree char *figures = describe_figures (cell_figures (self->audit, cell));

  /* TRANSLATORS: "maths in Kingsmere North Alliance: 17 days offered, ...". */
  return g_strdup_printf (_("%s in %s: %s"), self->audit->areas[cell->area_index].name,
                          column_name (self, cell), figures);
}

static gboolean
heatmap_query_tooltip_cb (CvnAuditView *self,
                          int           x,
                          int           y,
                          gboolean      keyboard_mode,
                          GtkTooltip   *tooltip)
{
  int index;
  g_autofree char *text = NULL;

  if (self->cells == NULL || self->audit == NULL)
    return FALSE;
  index = cvn_heatmap_hit (self->cells, x, y);
  if (index < 0)
    return FALSE;
  text = describe_cell (self, &g_array_index (self->cells, CvnHeatmapCell, index));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Drilling down ------------------------------------------------------------------------- */

static void
drill_down_closed_cb (CvnAuditView *self)
{
  g_array_set_size (self->drill_down_schools, 0);
  self->selected_area = -1;
  self->selected_sub_area = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self->heatmap));
}

static void
drill_down_activated_cb (CvnAuditView  *self,
                         GtkListBoxRow *row)
{
  cvn_audit_view_activate_drill_down (self, (guint) gtk_list_box_row_get_index (row));
}

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* What each school brings to a cell: days offered by it and its people, and needs. */
typedef struct
{
  double days;
  guint  needs;
} Contribution;

static void
show_drill_down (CvnAuditView         *self,
                 const CvnHeatmapCell *cell)
{
  CvnSnapshot *snapshot = cvn_window_get_snapshot (self->window);
  const CvnAuditCell *figures = cell_figures (self->audit, cell);
  g_autoptr (GHashTable) entries = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr (GHashTable) contributions = g_hash_table_new_full (g_direct_hash, g_direct_equal,
                                                                NULL, g_free);
  g_autofree char *title = NULL;
  g_autofree char *summary = describe_figures (figures);
  const char *column = column_name (self, cell);
  GdkRectangle rect = { (int) cell->x, (int) cell->y, (int) cell->width, (int) cell->height };

  for (guint i = 0; i < snapshot->directory_entries->len; i++)
    {
      CvnDirectoryEntry *entry = &g_array_index (snapshot->directory_entries,
                                                 CvnDirectoryEntry, i);

      g_hash_table_insert (entries, GSIZE_TO_POINTER (entry->id), entry);
    }
  for (guint i = 0; i < figures->entry_ids->len; i++)
    {
      const CvnDirectoryEntry *entry =
        g_hash_table_lookup (entries,
                             GSIZE_TO_POINTER (g_array_index (figures->entry_ids, gint64, i)));
      gint64 school;
      Contribution *contribution;

      if (entry == NULL)
        continue;
      school = cvn_directory_holder_establishment (snapshot, entry->holder_kind,
                                                   entry->holder_id);
      contribution = g_hash_table_lookup (contributions, GSIZE_TO_POINTER (school));
      if (contribution == NULL)
        {
          contribution = g_new0 (Contribution, 1);
          g_hash_table_insert (contributions, GSIZE_TO_POINTER (school), contribution);
        }
      if (entry->kind == CVN_DIRECTORY_NEED)
        contribution->needs++;
      else
        contribution->days += entry->capacity_days;
    }

  title = g_strdup_printf (_("%s in %s"), self->audit->areas[cell->area_index].name, column);
  gtk_label_set_text (self->drill_down_title, title);
  gtk_label_set_text (self->drill_down_summary, summary);

  clear_list_box (self->drill_down_list);
  g_array_set_size (self->drill_down_schools, 0);
  for (guint i = 0; i < figures->establishment_ids->len; i++)
    {
      gint64 id = g_array_index (figures->establishment_ids, gint64, i);
      const CvnEstablishment *school = cvn_snapshot_find_establishment (snapshot, id);
      Contribution *contribution = g_hash_table_lookup (contributions, GSIZE_TO_POINTER (id));
      GtkWidget *row = adw_action_row_new ();
      g_autoptr (GString) subtitle = g_string_new (NULL);

      if (school == NULL)
        continue;
      if (contribution != NULL && contribution->days > 0)
        {
          g_autofree char *days = cvn_heatmap_format_days (contribution->days);

          g_string_append_printf (subtitle, _("%s offered"), days);
        }
      if (contribution != NULL && contribution->needs > 0)
        {
          if (subtitle->len > 0)
            g_string_append (subtitle, " · ");
          g_string_append_printf (subtitle,
                                  ngettext ("%u need", "%u needs", contribution->needs),
                                  contribution->needs);
        }
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), school->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_append (self->drill_down_list, row);
      g_array_append_val (self->drill_down_schools, id);
    }
  if (self->drill_down_schools->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No schools recorded here"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->drill_down_list, row);
    }

  self->selected_area = (int) cell->area_index;
  self->selected_sub_area = (int) cell->sub_area_index;
  gtk_widget_queue_draw (GTK_WIDGET (self->heatmap));
  gtk_popover_set_pointing_to (self->drill_down, &rect);
  gtk_popover_popup (self->drill_down);
}

static void
heatmap_pressed_cb (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    CvnAuditView    *self)
{
  cvn_audit_view_activate_point (self, x, y);
}

static void
create_drill_down (CvnAuditView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *summary = gtk_label_new (NULL);
  GtkWidget *list = gtk_list_box_new ();

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 40);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (summary), 40);
  gtk_widget_add_css_class (summary, "dim-label");
  gtk_widget_add_css_class (summary, "caption");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Schools behind this cell"), -1);
  g_signal_connect_object (list, "row-activated", G_CALLBACK (drill_down_activated_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_widget_set_size_request (scrolled, 320, -1);

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), summary);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  self->drill_down = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->drill_down, box);
  gtk_widget_set_parent (GTK_WIDGET (self->drill_down), GTK_WIDGET (self->heatmap));
  g_signal_connect_object (self->drill_down, "closed", G_CALLBACK (drill_down_closed_cb), self,
                           G_CONNECT_SWAPPED);
  self->drill_down_title = GTK_LABEL (title);
  self->drill_down_summary = GTK_LABEL (summary);
  self->drill_down_list = GTK_LIST_BOX (list);
}

/* The lists ---------------------------------------------------------------------------- */

static void
finding_activated_cb (AdwActionRow *row,
                      CvnAuditView *self)
{
  CvnObjectKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "cvn-kind"));
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "cvn-id"));
  CvnSnapshot *snapshot = cvn_window_get_snapshot (self->window);

  /* A person who is not in the outline is found through their school. */
  if (!cvn_window_select_object (self->window, kind, id) && kind == CVN_OBJECT_PERSON)
    cvn_window_select_object (self->window, CVN_OBJECT_ESTABLISHMENT,
                              cvn_directory_holder_establishment (snapshot, kind, id));
}

static void
find_support_clicked_cb (GtkButton    *button,
                         CvnAuditView *self)
{
  gint64 entry_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "cvn-entry-id"));

  gtk_window_present (GTK_WINDOW (cvn_broker_dialog_new (self->window, entry_id, 0, 0)));
}

static char *
describe_finding (CvnSnapshot           *snapshot,
                  GHashTable            *entries,
                  const CvnAuditFinding *finding)
{
  const CvnExpertiseArea *area = cvn_snapshot_find_expertise_area (snapshot, finding->area_id);
  const CvnDirectoryEntry *entry = g_hash_table_lookup (entries,
                                                        GSIZE_TO_POINTER (finding->entry_id));
  const char *area_name = area != NULL ? area->name : "";
  g_autofree char *detail = NULL;

  switch (finding->kind)
    {
    case CVN_AUDIT_UNMET_NEED:
      if (entry != NULL && entry->priority[0] != '\0')
        /* TRANSLATORS: the priority of a need: "high", "medium" or "low". */
        detail = g_strdup_printf (_("%s priority"), entry->priority);
      break;
    case CVN_AUDIT_OVER_COMMITTED:
      {
        g_autofree char *committed = cvn_heatmap_format_days (finding->committed_days);
        g_autofree char *offered = cvn_heatmap_format_days (finding->offered_days);

        detail = g_strdup_printf (_("%s committed, %s offered"), committed, offered);
      }
      break;
    case CVN_AUDIT_STALE:
      if (entry != NULL && entry->reviewed_on[0] != '\0')
        detail = g_strdup_printf (_("last reviewed %s"), entry->reviewed_on);
      else
        detail = g_strdup (_("never reviewed"));
      break;
    case CVN_AUDIT_SELF_DECLARED:
      detail = g_strdup (entry != NULL && entry->kind == CVN_DIRECTORY_NEED ? _("need")
                                                                             : _("strength"));
      break;
    case CVN_AUDIT_VULNERABLE_UNSUPPORTED:
      {
        const CvnEstablishment *school = cvn_snapshot_find_establishment (snapshot,
                                                                          finding->holder_id);

        return g_strdup (school != NULL ? school->risk_category : "");
      }
    case CVN_AUDIT_N_FINDING_KINDS:
    default:
      g_assert_not_reached ();
    }
  if (detail == NULL)
    return g_strdup (area_name);
  return g_strdup_printf ("%s · %s", area_name, detail);
}

/* Directory entries of @snapshot by id. */
static GHashTable *
index_entries (CvnSnapshot *snapshot)
{
  GHashTable *entries = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (guint i = 0; i < snapshot->directory_entries->len; i++)
    {
      CvnDirectoryEntry *entry = &g_array_index (snapshot->directory_entries,
                                                 CvnDirectoryEntry, i);

      g_hash_table_insert (entries, GSIZE_TO_POINTER (entry->id), entry);
    }
  return entries;
}

static GtkWidget *
create_finding_row (CvnAuditView          *self,
                    CvnSnapshot           *snapshot,
                    GHashTable            *entries,
                    const CvnAuditFinding *finding)
{
  const char *holder = cvn_snapshot_get_name (snapshot, finding->holder_kind,
                                              finding->holder_id);
  g_autofree char *subtitle = describe_finding (snapshot, entries, finding);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), holder != NULL ? holder : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row),
                                finding->holder_kind == CVN_OBJECT_PERSON
                                  ? "avatar-default-symbolic" : "cvn-school-symbolic");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Show in the outline"));
  g_object_set_data (G_OBJECT (row), "cvn-kind", GINT_TO_POINTER (finding->holder_kind));
  g_object_set_data (G_OBJECT (row), "cvn-id", GSIZE_TO_POINTER (finding->holder_id));
  g_signal_connect_object (row, "activated", G_CALLBACK (finding_activated_cb), self, 0);

  if (finding->kind == CVN_AUDIT_UNMET_NEED && finding->entry_id != 0)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Find Support…"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (button), "cvn-entry-id",
                         GSIZE_TO_POINTER (finding->entry_id));
      g_signal_connect_object (button, "clicked", G_CALLBACK (find_support_clicked_cb), self,
                               0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

/* Adds the rows a long list left out, in place of its "Show All" row. */
static void
show_all_activated_cb (AdwActionRow *show_all,
                       CvnAuditView *self)
{
  CvnAuditFindingKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (show_all),
                                                                  "cvn-kind"));
  AdwPreferencesGroup *group = g_ptr_array_index (self->list_groups, kind);
  CvnSnapshot *snapshot = cvn_window_get_snapshot (self->window);
  g_autoptr (GHashTable) entries = index_entries (snapshot);
  guint seen = 0;

  adw_preferences_group_remove (group, GTK_WIDGET (show_all));
  for (guint i = 0; i < self->audit->findings->len; i++)
    {
      const CvnAuditFinding *finding = &g_array_index (self->audit->findings, CvnAuditFinding,
                                                       i);

      if (finding->kind == kind && seen++ >= SHORT_LIST_ROWS)
        adw_preferences_group_add (group, create_finding_row (self, snapshot, entries, finding));
    }
}

static void
fill_lists (CvnAuditView *self,
            CvnSnapshot  *snapshot)
{
  static const struct
  {
    const char *title;
    const char *empty;
  } kinds[CVN_AUDIT_N_FINDING_KINDS] = {
    [CVN_AUDIT_UNMET_NEED] = { N_("Needs Nobody Can Meet"),
                               N_("Every need has a provider with days left nearby.") },
    [CVN_AUDIT_OVER_COMMITTED] = { N_("Over-Committed Providers"),
                                   N_("No provider has promised more days than it offers.") },
    [CVN_AUDIT_STALE] = { N_("Due for Review"), N_("Every entry has been reviewed recently.") },
    [CVN_AUDIT_SELF_DECLARED] = { N_("Self-Declared Only"),
                                  N_("Every entry has been reviewed by someone else.") },
    [CVN_AUDIT_VULNERABLE_UNSUPPORTED] = { N_("Vulnerable Schools Without Support"),
                                           N_("Every school with a risk category has agreed "
                                              "or active support.") },
  };
  g_autoptr (GHashTable) entries = index_entries (snapshot);
  guint counts[CVN_AUDIT_N_FINDING_KINDS] = { 0 };
  guint shown[CVN_AUDIT_N_FINDING_KINDS] = { 0 };
  AdwPreferencesGroup *groups[CVN_AUDIT_N_FINDING_KINDS];

  for (guint i = 0; i < self->list_groups->len; i++)
    gtk_box_remove (self->lists_box, g_ptr_array_index (self->list_groups, i));
  g_ptr_array_set_size (self->list_groups, 0);
  for (guint i = 0; i < self->audit->findings->len; i++)
    counts[g_array_index (self->audit->findings, CvnAuditFinding, i).kind]++;

  for (guint kind = 0; kind < CVN_AUDIT_N_FINDING_KINDS; kind++)
    {
      GtkWidget *group = adw_preferences_group_new ();
      g_autofree char *description = NULL;

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(kinds[kind].title));
      switch ((CvnAuditFindingKind) kind)
        {
        case CVN_AUDIT_STALE:
          {
            int months = self->audit->stale_months;
            g_autofree char *period = g_strdup_printf (ngettext ("%d month", "%d months",
                                                                 (gulong) months), months);

            /* TRANSLATORS: "161 entries not reviewed in the last 12 months, or never". */
            description = g_strdup_printf (
              ngettext ("%u entry not reviewed in the last %s, or never",
                        "%u entries not reviewed in the last %s, or never", counts[kind]),
              counts[kind], period);
          }
          break;
        case CVN_AUDIT_UNMET_NEED:
          description = g_strdup_printf (
            ngettext ("%u need with no provider that has days left nearby",
                      "%u needs with no provider that has days left nearby", counts[kind]),
            counts[kind]);
          break;
        case CVN_AUDIT_OVER_COMMITTED:
          description = g_strdup_printf (
            ngettext ("%u offer with more days promised than offered",
                      "%u offers with more days promised than offered", counts[kind]),
            counts[kind]);
          break;
        case CVN_AUDIT_SELF_DECLARED:
          description = g_strdup_printf (
            ngettext ("%u entry nobody else has reviewed yet",
                      "%u entries nobody else has reviewed yet", counts[kind]),
            counts[kind]);
          break;
        case CVN_AUDIT_VULNERABLE_UNSUPPORTED:
          description = g_strdup_printf (
            ngettext ("%u school with a risk category and no agreed or active support",
                      "%u schools with a risk category and no agreed or active support",
                      counts[kind]),
            counts[kind]);
          break;
        case CVN_AUDIT_N_FINDING_KINDS:
        default:
          g_assert_not_reached ();
        }
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             counts[kind] > 0 ? description
                                                              : _(kinds[kind].empty));
      gtk_box_append (self->lists_box, group);
      g_ptr_array_add (self->list_groups, group);
      groups[kind] = ADW_PREFERENCES_GROUP (group);
    }

  for (guint i = 0; i < self->audit->findings->len; i++)
    {
      const CvnAuditFinding *finding = &g_array_index (self->audit->findings, CvnAuditFinding,
                                                       i);

      /* Long lists start short: their other rows are made only when asked for. */
      if (shown[finding->kind]++ < SHORT_LIST_ROWS)
        adw_preferences_group_add (groups[finding->kind],
                                   create_finding_row (self, snapshot, entries, finding));
    }

  for (guint kind = 0; kind < CVN_AUDIT_N_FINDING_KINDS; kind++)
    if (counts[kind] > SHORT_LIST_ROWS)
      {
        GtkWidget *row = adw_action_row_new ();
        g_autofree char *title = g_strdup_printf (_("Show All %u"), counts[kind]);

        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
        gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   gtk_image_new_from_icon_name ("pan-down-symbolic"));
        g_object_set_data (G_OBJECT (row), "cvn-kind", GUINT_TO_POINTER (kind));
        g_signal_connect_object (row, "activated", G_CALLBACK (show_all_activated_cb), self, 0);
        adw_preferences_group_add (groups[kind], row);
      }
}

/* Recomputing --------------------------------------------------------------------------- */

static void
update_summary (CvnAuditView *self)
{
  double days = 0;
  guint needs = 0;
  g_autofree char *days_text = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->audit->n_areas; i++)
    {
      days += self->audit->totals[i].capacity_days;
      needs += self->audit->totals[i].need_count;
    }
  days_text = cvn_heatmap_format_days (days);
  /* TRANSLATORS: "345 days offered, 12 needs". */
  text = g_strdup_printf (ngettext ("%s offered, %u need", "%s offered, %u needs", needs),
                          days_text, needs);
  gtk_label_set_text (self->summary_label, text);
}

static void
recompute (CvnAuditView *self)
{
  CvnSnapshot *snapshot = cvn_window_get_snapshot (self->window);
  CvnAuditOptions options;

  if (snapshot == NULL)
    return;
  if (self->group_id != 0 && cvn_snapshot_find_group (snapshot, self->group_id) == NULL)
    self->group_id = 0;

  if (self->drill_down != NULL)
    gtk_popover_popdown (self->drill_down);
  cvn_audit_options_init_from_document (&options, cvn_window_get_document (self->window));
  g_clear_pointer (&self->audit, cvn_audit_free);
  self->audit = cvn_audit_compute (snapshot, self->group_id, &options);

  gtk_stack_set_visible_child_name (self->stack, self->audit->n_areas > 0 ? "audit" : "empty");
  layout_heatmap (self);
  fill_lists (self, snapshot);
  update_summary (self);
}

static void
update_group_choices (CvnAuditView *self,
                      CvnSnapshot  *snapshot)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  gint64 none = 0;
  guint selected = 0;

  g_array_set_size (self->group_ids, 0);
  g_array_append_val (self->group_ids, none);
  gtk_string_list_append (names, _("Whole document"));
  /* The board, then each alliance, then each cluster: the tiers from the top, which is the
   * snapshot's order of groups. Committees and other cross-cutting groups are left out. */
  for (int tier = 3; tier >= 1; tier--)
    for (guint i = 0; i < snapshot->groups->len; i++)
      {
        const CvnGroup *group = &g_array_index (snapshot->groups, CvnGroup, i);

        if (group->tier != tier || (tier == 3 && g_strcmp0 (group->kind, "board") != 0))
          continue;
        if (group->id == self->group_id)
          selected = self->group_ids->len;
        g_array_append_val (self->group_ids, group->id);
        gtk_string_list_append (names, group->name);
      }

  self->updating_groups = TRUE;
  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->group_dropdown, selected);
  self->updating_groups = FALSE;
  if (selected == 0)
    self->group_id = 0;
}

static void
reload (CvnAuditView *self)
{
  CvnSnapshot *snapshot = cvn_window_get_snapshot (self->window);

  if (snapshot == NULL)
    return;
  self->needs_reload = FALSE;
  update_group_choices (self, snapshot);
  recompute (self);
}

/* Auditing takes a moment on a large document, so a page that is not on screen waits until it
 * is shown, or asked about its audit, before catching up with the edits made meanwhile. */
static void
ensure_current (CvnAuditView *self)
{
  if (self->needs_reload)
    reload (self);
}

static void
window_reloaded_cb (CvnAuditView *self)
{
  self->needs_reload = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
}

static void
group_selected_cb (CvnAuditView *self)
{
  guint selected = gtk_drop_down_get_selected (self->group_dropdown);

  if (self->updating_groups || selected >= self->group_ids->len)
    return;
  self->group_id = g_array_index (self->group_ids, gint64, selected);
  recompute (self);
}

/* GObject -------------------------------------------------------------------------------- */

static void
cvn_audit_view_dispose (GObject *object)
{
  CvnAuditView *self = CVN_AUDIT_VIEW (object);
  GtkWidget *child;

  if (self->drill_down != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->drill_down));
      self->drill_down = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), CVN_TYPE_AUDIT_VIEW);
  /* Template children that are not bound to a field (the tool bar, the separator) are not
   * unparented by dispose_template. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (cvn_audit_view_parent_class)->dispose (object);
}

static void
cvn_audit_view_finalize (GObject *object)
{
  CvnAuditView *self = CVN_AUDIT_VIEW (object);

  g_clear_pointer (&self->audit, cvn_audit_free);
  g_clear_pointer (&self->cells, g_array_unref);
  g_clear_pointer (&self->group_ids, g_array_unref);
  g_clear_pointer (&self->list_groups, g_ptr_array_unref);
  g_clear_pointer (&self->drill_down_schools, g_array_unref);

  G_OBJECT_CLASS (cvn_audit_view_parent_class)->finalize (object);
}

static void
cvn_audit_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cvn_audit_view_parent_class)->map (widget);
  ensure_current (CVN_AUDIT_VIEW (widget));
}

static void
cvn_audit_view_class_init (CvnAuditViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cvn_audit_view_dispose;
  object_class->finalize = cvn_audit_view_finalize;
  widget_class->map = cvn_audit_view_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/convenor/Convenor/cvn-audit-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CvnAuditView, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CvnAuditView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CvnAuditView, stack);
  gtk_widget_class_bind_template_child (widget_class, CvnAuditView, heatmap);
  gtk_widget_class_bind_template_child (widget_class, CvnAuditView, lists_box);
  gtk_widget_class_bind_template_callback (widget_class, heatmap_query_tooltip_cb);
}

static void
cvn_audit_view_init (CvnAuditView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->group_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->list_groups = g_ptr_array_new ();
  self->drill_down_schools = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->selected_area = -1;
  self->selected_sub_area = -1;

  gtk_drop_down_set_expression (self->group_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                             "string"));
  g_signal_connect_object (self->group_dropdown, "notify::selected",
                           G_CALLBACK (group_selected_cb), self, G_CONNECT_SWAPPED);
  gtk_drawing_area_set_draw_func (self->heatmap, draw_heatmap_cb, self, NULL);
  g_signal_connect_object (click, "pressed", G_CALLBACK (heatmap_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->heatmap), GTK_EVENT_CONTROLLER (click));
  create_drill_down (self);
}

/* Public --------------------------------------------------------------------------------- */

GtkWidget *
cvn_audit_view_new (CvnWindow *window)
{
  CvnAuditView *self;

  g_return_val_if_fail (CVN_IS_WINDOW (window), NULL);

  self = g_object_new (CVN_TYPE_AUDIT_VIEW, NULL);
  self->window = window;
  /* The window reloads its snapshot after every edit, undo and redo, then says so. */
  g_signal_connect_object (window, "reloaded",
                           G_CALLBACK (window_reloaded_cb), self, G_CONNECT_SWAPPED);
  window_reloaded_cb (self);
  return GTK_WIDGET (self);
}

void
cvn_audit_view_set_group (CvnAuditView *self,
                          gint64        group_id)
{
  g_return_if_fail (CVN_IS_AUDIT_VIEW (self));

  ensure_current (self);

  for (guint i = 0; i < self->group_ids->len; i++)
    if (g_array_index (self->group_ids, gint64, i) == group_id)
      {
        gtk_drop_down_set_selected (self->group_dropdown, i);
        return;
      }

  /* Groups the drop-down does not offer (a committee, a sub-group) can still be audited. */
  self->group_id = group_id;
  recompute (self);
}

gint64
cvn_audit_view_get_group (CvnAuditView *self)
{
  g_return_val_if_fail (CVN_IS_AUDIT_VIEW (self), 0);

  ensure_current (self);

  return self->group_id;
}

const CvnAudit *
cvn_audit_view_get_audit (CvnAuditView *self)
{
  g_return_val_if_fail (CVN_IS_AUDIT_VIEW (self), NULL);

  ensure_current (self);

  return self->audit;
}

GArray *
cvn_audit_view_get_cells (CvnAuditView *self)
{
  g_return_val_if_fail (CVN_IS_AUDIT_VIEW (self), NULL);

  ensure_current (self);

  return self->cells;
}

gboolean
cvn_audit_view_activate_point (CvnAuditView *self,
                               double        x,
                               double        y)
{
  int index;

  g_return_val_if_fail (CVN_IS_AUDIT_VIEW (self), FALSE);

  ensure_current (self);

  if (self->cells == NULL || self->audit == NULL)
    return FALSE;
  index = cvn_heatmap_hit (self->cells, x, y);
  if (index < 0)
    return FALSE;
  show_drill_down (self, &g_array_index (self->cells, CvnHeatmapCell, index));
  return TRUE;
}

GArray *
cvn_audit_view_get_drill_down (CvnAuditView *self)
{
  g_return_val_if_fail (CVN_IS_AUDIT_VIEW (self), NULL);

  return self->drill_down_schools;
}

gboolean
cvn_audit_view_activate_drill_down (CvnAuditView *self,
                                    guint         index)
{
  gint64 id;

  g_return_val_if_fail (CVN_IS_AUDIT_VIEW (self), FALSE);

  if (index >= self->drill_down_schools->len)
    return FALSE;
  id = g_array_index (self->drill_down_schools, gint64, index);
  gtk_popover_popdown (self->drill_down);
  return cvn_window_select_object (self->window, CVN_OBJECT_ESTABLISHMENT, id);
}
