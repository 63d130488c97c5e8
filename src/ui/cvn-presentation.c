/* cvn-presentation.c — presentation mode.
 *
 * The steps are fixed when the window opens: the whole partnership first (named after its
 * board), then each alliance, then each cluster, the clusters ordered by the alliance they
 * belong to so that consecutive steps are neighbours. Each step is the part of the layout its
 * group covers: in the structure view the group's box and everything drawn below it; in the
 * graph and the map the group's node and the hulls of it and the groups under it.
 *
 * The window is a plain GtkWindow without decorations, made full screen; it is also sized to
 * its monitor, so it fills the screen even where no window manager honours the request.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-presentation"

#include "config.h"

#include "cvn-presentation.h"

#include "cvn-palette.h"

#include <glib/gi18n.h>
#include <math.h>

#define CAPTION_INSET 190.0

typedef struct
{
  gint64   group_id;
  int      tier;
  char    *title;
  char    *subtitle;
  CvnRect  rect;
} Step;

struct _CvnPresentation
{
  GtkWindow   parent_instance;

  CvnCanvas  *canvas;
  GtkWidget  *title_label;
  GtkWidget  *subtitle_label;
  GtkWidget  *counter_label;
  GArray     *steps;         /* Step */
  guint       step;
};

G_DEFINE_FINAL_TYPE (CvnPresentation, cvn_presentation, GTK_TYPE_WINDOW)

static void
step_clear (gpointer data)
{
  Step *step = data;

  g_free (step->title);
  g_free (step->subtitle);
}

/* Extents ------------------------------------------------------------------------------- */

static void
add_box (CvnRect  *acc,
         gboolean *empty,
         double    x,
         double    y,
         double    width,
         double    height)
{
  double x1, y1;

  if (*empty)
    {
      *acc = (CvnRect) { x, y, width, height };
      *empty = FALSE;
      return;
    }
  x1 = MAX (acc->x + acc->width, x + width);
  y1 = MAX (acc->y + acc->height, y + height);
  acc->x = MIN (acc->x, x);
  acc->y = MIN (acc->y, y);
  acc->width = x1 - acc->x;
  acc->height = y1 - acc->y;
}

static void
add_node (CvnRect             *acc,
          gboolean            *empty,
          const CvnLayoutNode *node)
{
  add_box (acc, empty, node->x - node->width / 2, node->y - node->height / 2, node->width,
           node->height);
}

/* What the steps are read from, gathered in one pass each so that a partnership of
 * thousands of clusters opens at once. */
typedef struct
{
  CvnSnapshot *snapshot;
  CvnLayout   *layout;
  GHashTable  *children;   /* group id -> GArray of gint64: groups under it, by parent or as
                            * members */
  CvnRect     *extents;    /* per node: what it covers (see node_extents) */
  gboolean    *has_extent;
} Steps;

static void
add_child (GHashTable *children,
           gint64      parent_id,
           gint64      child_id)
{
  GArray *list = g_hash_table_lookup (children, GSIZE_TO_POINTER ((gsize) parent_id));

  if (list == NULL)
    {
      list = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (children, GSIZE_TO_POINTER ((gsize) parent_id), list);
    }
  g_array_append_val (list, child_id);
}

/* In the structure view, a group node covers its box and every box drawn below it in the
 * tree; in the graph and the map, its node and its hulls. */
static void
node_extents (Steps *steps)
{
  CvnLayout *layout = steps->layout;
  guint n = layout->nodes->len;

  steps->extents = g_new0 (CvnRect, MAX (n, 1));
  steps->has_extent = g_new0 (gboolean, MAX (n, 1));
  if (layout->view == CVN_VIEW_STRUCTURE)
    for (guint i = 0; i < n; i++)
      {
        const CvnLayoutNode *node = &g_array_index (layout->nodes, CvnLayoutNode, i);
        int up = (int) i;

        for (int depth = 0; up >= 0 && (guint) up < n && depth < 64; depth++)
          {
            gboolean empty = !steps->has_extent[up];

            add_node (&steps->extents[up], &empty, node);
            steps->has_extent[up] = TRUE;
            up = g_array_index (layout->nodes, CvnLayoutNode, up).parent;
          }
      }
  else
    {
      for (guint i = 0; i < n; i++)
        {
          const CvnLayoutNode *node = &g_array_index (layout->nodes, CvnLayoutNode, i);
          gboolean empty = TRUE;

          add_node (&steps->extents[i], &empty, node);
          steps->has_extent[i] = TRUE;
        }
      for (guint h = 0; h < layout->hulls->len; h++)
        {
          const CvnLayoutHull *hull = &g_array_index (layout->hulls, CvnLayoutHull, h);
          gboolean empty = FALSE;

          if (hull->group < n)
            add_box (&steps->extents[hull->group], &empty, hull->bounds.x, hull->bounds.y,
                     hull->bounds.width, hull->bounds.height);
        }
    }
}

static void
steps_init (Steps       *steps,
            CvnSnapshot *snapshot,
            CvnLayout   *layout)
{
  steps->snapshot = snapshot;
  steps->layout = layout;
  steps->children = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                           (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < snapshot->groups->len; i++)
    {
      const CvnGroup *group = &g_array_index (snapshot->groups, CvnGroup, i);

      if (group->parent_id != 0)
        add_child (steps->children, group->parent_id, group->id);
    }
  for (guint i = 0; i < snapshot->memberships->len; i++)
    {
      const CvnMembership *m = &g_array_index (snapshot->memberships, CvnMembership, i);

      if (m->member_kind == CVN_OBJECT_GROUP && cvn_snapshot_membership_is_current (snapshot, m))
        add_child (steps->children, m->group_id, m->member_id);
    }
  node_extents (steps);
}

static void
steps_clear (Steps *steps)
{
  g_clear_pointer (&steps->children, g_hash_table_unref);
  g_clear_pointer (&steps->extents, g_free);
  g_clear_pointer (&steps->has_extent, g_free);
}

/* The group and the groups under it, in breadth-first order. */
static GArray *
collect_groups (Steps  *steps,
                gint64  group_id)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  GArray *groups = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_hash_table_add (seen, GSIZE_TO_POINTER ((gsize) group_id));
  g_array_append_val (groups, group_id);
  for (guint q = 0; q < groups->len; q++)
    {
      GArray *list = g_hash_table_lookup (steps->children,
                                          GSIZE_TO_POINTER ((gsize) g_array_index (groups, gint64,
                                                                                   q)));

      for (guint i = 0; list != NULL && i < list->len; i++)
        if (g_hash_table_add (seen, GSIZE_TO_POINTER ((gsize) g_array_index (list, gint64, i))))
          g_array_append_val (groups, g_array_index (list, gint64, i));
    }
  return groups;
}

static gboolean
group_extent (Steps   *steps,
              GArray  *groups,
              CvnRect *rect)
{
  gboolean empty = TRUE;
  int index = cvn_layout_find_node (steps->layout, CVN_OBJECT_GROUP,
                                    g_array_index (groups, gint64, 0));

  if (index < 0)
    return FALSE;
  if (steps->layout->view == CVN_VIEW_STRUCTURE)
    {
      /* The tree already holds everything under the group below its box. */
      *rect = steps->extents[index];
      return steps->has_extent[index];
    }
  for (guint i = 0; i < groups->len; i++)
    {
      int node = cvn_layout_find_node (steps->layout, CVN_OBJECT_GROUP,
                                       g_array_index (groups, gint64, i));

      if (node >= 0 && steps->has_extent[node])
        add_box (rect, &empty, steps->extents[node].x, steps->extents[node].y,
                 steps->extents[node].width, steps->extents[node].height);
    }
  return !empty;
}

/* Steps ---------------------------------------------------------------------------------- */

static guint
count_schools (Steps  *steps,
               GArray *groups)
{
  g_autoptr (GHashTable) schools = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (guint g = 0; g < groups->len; g++)
    {
      g_autoptr (GPtrArray) members = cvn_snapshot_get_members (steps->snapshot,
                                                                g_array_index (groups, gint64, g),
                                                                TRUE);

      for (guint i = 0; i < members->len; i++)
        {
          const CvnMembership *m = g_ptr_array_index (members, i);

          if (m->member_kind == CVN_OBJECT_ESTABLISHMENT)
            g_hash_table_add (schools, GSIZE_TO_POINTER ((gsize) m->member_id));
        }
    }
  return g_hash_table_size (schools);
}

static char *
describe_group (Steps          *steps,
                const CvnGroup *group,
                GArray         *groups)
{
  const CvnGroup *parent = cvn_snapshot_find_group (steps->snapshot, group->parent_id);
  guint n_schools = count_schools (steps, groups);
  g_autofree char *schools = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u school",
                                                           "%u schools", n_schools),
                                              n_schools);
  const char *kind = cvn_palette_group_kind_label (group->kind);

  if (parent != NULL && group->tier < 3)
    /* TRANSLATORS: a presentation caption: "Cluster in Kingsmere North Alliance · 8 schools". */
    return g_strdup_printf (_("%s in %s · %s"), kind, parent->name, schools);
  /* TRANSLATORS: a presentation caption: "Alliance · 29 schools". */
  return g_strdup_printf (_("%s · %s"), kind, schools);
}

static void
add_step (CvnPresentation *self,
          Steps           *steps,
          const CvnGroup  *group)
{
  g_autoptr (GArray) groups = collect_groups (steps, group->id);
  Step step = { 0 };

  if (!group_extent (steps, groups, &step.rect))
    return;
  step.group_id = group->id;
  step.tier = group->tier;
  step.title = g_strdup (group->name);
  step.subtitle = describe_group (steps, group, groups);
  g_array_append_val (self->steps, step);
}

/* The alliance a cluster sits in: its nearest ancestor of tier 2. */
static gint64
alliance_of (CvnSnapshot    *snapshot,
             const CvnGroup *group)
{
  for (int depth = 0; group != NULL && depth < 32; depth++)
    {
      if (group->tier == 2)
        return group->id;
      group = cvn_snapshot_find_group (snapshot, group->parent_id);
    }
  return 0;
}

static void
build_steps (CvnPresentation *self,
             CvnSnapshot     *snapshot,
             CvnLayout       *layout)
{
  const CvnGroup *board = NULL;
  Step overview = { 0 };
  guint n_alliances = 0, n_clusters = 0, first_alliance;
  g_autoptr (GHashTable) alliance_order = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr (GPtrArray) clusters = g_ptr_array_new ();
  Steps steps = { 0 };

  steps_init (&steps, snapshot, layout);

  for (guint i = 0; i < snapshot->groups->len && board == NULL; i++)
    {
      const CvnGroup *group = &g_array_index (snapshot->groups, CvnGroup, i);

      if (group->tier == 3 && group->parent_id == 0)
        board = group;
    }
  for (guint i = 0; i < snapshot->groups->len; i++)
    {
      const CvnGroup *group = &g_array_index (snapshot->groups, CvnGroup, i);

      if (cvn_layout_find_node (layout, CVN_OBJECT_GROUP, group->id) < 0)
        continue;
      n_alliances += group->tier == 2;
      n_clusters += group->tier == 1;
    }

  /* The whole partnership, named after its board. */
  overview.group_id = board != NULL ? board->id : 0;
  overview.tier = 3;
  overview.rect = layout->bounds;
  overview.title = g_strdup (board != NULL ? board->name : _("The Whole Partnership"));
  {
    g_autofree char *alliances = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u alliance",
                                                               "%u alliances", n_alliances),
                                                  n_alliances);
    g_autofree char *cluster_count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                   "%u cluster",
                                                                   "%u clusters", n_clusters),
                                                      n_clusters);

    /* TRANSLATORS: the first presentation caption: "Board · 3 alliances · 14 clusters". */
    overview.subtitle = g_strdup_printf (_("%s · %s · %s"),
                                         board != NULL ? cvn_palette_group_kind_label (board->kind)
                                                       : _("Partnership"),
                                         alliances, cluster_count);
  }
  g_array_append_val (self->steps, overview);

  first_alliance = self->steps->len;
  for (guint i = 0; i < snapshot->groups->len; i++)
    {
      const CvnGroup *group = &g_array_index (snapshot->groups, CvnGroup, i);

      if (group->tier == 2)
        add_step (self, &steps, group);
    }
  for (guint s = first_alliance; s < self->steps->len; s++)
    g_hash_table_insert (alliance_order,
                         GSIZE_TO_POINTER ((gsize) g_array_index (self->steps, Step, s).group_id),
                         GUINT_TO_POINTER (s - first_alliance + 1));

  /* Clusters alliance by alliance (in the snapshot's order within each), then those in
   * none. */
  for (guint i = 0; i < snapshot->groups->len; i++)
    if (g_array_index (snapshot->groups, CvnGroup, i).tier == 1)
      g_ptr_array_add (clusters, &g_array_index (snapshot->groups, CvnGroup, i));
  {
    g_autofree guint *order = g_new (guint, MAX (clusters->len, 1));
    g_autofree guint *sorted = g_new (guint, MAX (clusters->len, 1));
    guint n_orders = g_hash_table_size (alliance_order) + 1, k = 0;

    for (guint c = 0; c < clusters->len; c++)
      {
        guint position = GPOINTER_TO_UINT (g_hash_table_lookup (
          alliance_order, GSIZE_TO_POINTER ((gsize) alliance_of (snapshot,
                                                                   g_ptr_array_index (clusters,
                                                                                      c)))));

        order[c] = position > 0 ? position - 1 : n_orders - 1;
      }
    /* A stable counting sort by alliance. */
    for (guint a = 0; a < n_orders; a++)
      for (guint c = 0; c < clusters->len; c++)
        if (order[c] == a)
          sorted[k++] = c;
    for (guint c = 0; c < k; c++)
      add_step (self, &steps, g_ptr_array_index (clusters, sorted[c]));
  }
  steps_clear (&steps);
}

static void
show_step (CvnPresentation *self,
           gboolean         animate)
{
  const Step *step = &g_array_index (self->steps, Step, self->step);
  g_autofree char *counter = g_strdup_printf (_("%u of %u"), self->step + 1, self->steps->len);
  g_autofree char *accessible = NULL;

  gtk_label_set_text (GTK_LABEL (self->title_label), step->title);
  gtk_label_set_text (GTK_LABEL (self->subtitle_label), step->subtitle);
  gtk_label_set_text (GTK_LABEL (self->counter_label), counter);
  cvn_canvas_zoom_to_rect (self->canvas, &step->rect, animate);

  accessible = g_strdup_printf ("%s, %s", step->title, step->subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->canvas),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, accessible, -1);
}

/* Keys ----------------------------------------------------------------------------------- */

gboolean
cvn_presentation_key_press (CvnPresentation *self,
                            guint            keyval,
                            GdkModifierType  state)
{
  g_return_val_if_fail (CVN_IS_PRESENTATION (self), FALSE);

  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
    case GDK_KEY_space:
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      cvn_presentation_next (self);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
    case GDK_KEY_BackSpace:
      cvn_presentation_previous (self);
      return TRUE;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      cvn_presentation_set_step (self, 0, TRUE);
      return TRUE;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      cvn_presentation_set_step (self, self->steps->len - 1, TRUE);
      return TRUE;
    case GDK_KEY_Escape:
    case GDK_KEY_F5:
      gtk_window_close (GTK_WINDOW (self));
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CvnPresentation       *self)
{
  return cvn_presentation_key_press (self, keyval,
                                     state & gtk_accelerator_get_default_mod_mask ());
}

/* GObject -------------------------------------------------------------------------------- */

static void
cvn_presentation_finalize (GObject *object)
{
  CvnPresentation *self = CVN_PRESENTATION (object);

  g_clear_pointer (&self->steps, g_array_unref);

  G_OBJECT_CLASS (cvn_presentation_parent_class)->finalize (object);
}

static void
cvn_presentation_class_init (CvnPresentationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cvn_presentation_finalize;
}

static GtkWidget *
scaled_label (double   scale,
              gboolean bold)
{
  GtkWidget *label = gtk_label_new (NULL);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  gtk_label_set_attributes (GTK_LABEL (label), attrs);
  pango_attr_list_unref (attrs);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  return label;
}

static void
ensure_style (void)
{
  static gboolean done;
  g_autoptr (GtkCssProvider) provider = NULL;

  if (done)
    return;
  done = TRUE;
  /* Captions sit on the drawing, so they carry their own dark backing, legible on any part
   * of it and from the back of a room. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider,
                                   ".cvn-presentation-caption {"
                                   "  background-color: rgba(0, 0, 0, 0.85);"
                                   "  color: white;"
                                   "  border-radius: 14px;"
                                   "  padding: 18px 30px;"
                                   "}"
                                   ".cvn-presentation-hint {"
                                   "  color: rgba(255, 255, 255, 0.75);"
                                   "}", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
cvn_presentation_init (CvnPresentation *self)
{
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *caption = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *aside = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *hint = gtk_label_new (_("← → step · + − zoom · Esc leave"));
  GtkEventController *controller;
  CvnRenderStyle style;

  ensure_style ();
  self->steps = g_array_new (FALSE, TRUE, sizeof (Step));
  g_array_set_clear_func (self->steps, step_clear);

  gtk_window_set_title (GTK_WINDOW (self), _("Presentation"));
  gtk_window_set_decorated (GTK_WINDOW (self), FALSE);

  self->canvas = CVN_CANVAS (cvn_canvas_new ());
  cvn_canvas_set_editable (self->canvas, FALSE);
  cvn_canvas_set_bottom_inset (self->canvas, CAPTION_INSET);
  cvn_render_style_init (&style);
  style.high_contrast = TRUE;
  style.large_type = TRUE;
  cvn_canvas_set_style (self->canvas, &style);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (self->canvas));

  self->title_label = scaled_label (2.4, TRUE);
  self->subtitle_label = scaled_label (1.6, FALSE);
  self->counter_label = scaled_label (1.6, FALSE);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), self->title_label);
  gtk_box_append (GTK_BOX (texts), self->subtitle_label);
  gtk_box_append (GTK_BOX (caption), texts);
  /* The step count, and under it how to move on, out of the drawing's way. */
  gtk_widget_set_valign (aside, GTK_ALIGN_END);
  gtk_label_set_xalign (GTK_LABEL (self->counter_label), 1);
  gtk_label_set_xalign (GTK_LABEL (hint), 1);
  gtk_widget_add_css_class (hint, "cvn-presentation-hint");
  gtk_box_append (GTK_BOX (aside), self->counter_label);
  gtk_box_append (GTK_BOX (aside), hint);
  gtk_box_append (GTK_BOX (caption), aside);
  gtk_widget_add_css_class (caption, "cvn-presentation-caption");
  gtk_widget_set_valign (caption, GTK_ALIGN_END);
  gtk_widget_set_margin_start (caption, 32);
  gtk_widget_set_margin_end (caption, 32);
  gtk_widget_set_margin_bottom (caption, 28);
  gtk_widget_set_can_target (caption, FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), caption);

  gtk_window_set_child (GTK_WINDOW (self), overlay);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* Public --------------------------------------------------------------------------------- */

CvnPresentation *
cvn_presentation_new (GtkWindow   *parent,
                      CvnSnapshot *snapshot,
                      CvnLayout   *layout)
{
  CvnPresentation *self;
  GdkDisplay *display;
  GdkMonitor *monitor = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (snapshot != NULL, NULL);
  g_return_val_if_fail (layout != NULL, NULL);

  self = g_object_new (CVN_TYPE_PRESENTATION, NULL);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  cvn_canvas_set_layout (self->canvas, layout);
  build_steps (self, snapshot, layout);

  display = parent != NULL ? gtk_widget_get_display (GTK_WIDGET (parent))
                           : gdk_display_get_default ();
  if (parent != NULL && gtk_native_get_surface (GTK_NATIVE (parent)) != NULL)
    monitor = gdk_display_get_monitor_at_surface (display,
                                                  gtk_native_get_surface (GTK_NATIVE (parent)));
  if (monitor == NULL)
    {
      g_autoptr (GdkMonitor) first = g_list_model_get_item (gdk_display_get_monitors (display), 0);

      monitor = first;
    }
  if (monitor != NULL)
    {
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
      gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), monitor);
    }
  else
    gtk_window_fullscreen (GTK_WINDOW (self));

  show_step (self, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
  return self;
}

CvnCanvas *
cvn_presentation_get_canvas (CvnPresentation *self)
{
  g_return_val_if_fail (CVN_IS_PRESENTATION (self), NULL);

  return self->canvas;
}

guint
cvn_presentation_get_n_steps (CvnPresentation *self)
{
  g_return_val_if_fail (CVN_IS_PRESENTATION (self), 0);

  return self->steps->len;
}

guint
cvn_presentation_get_step (CvnPresentation *self)
{
  g_return_val_if_fail (CVN_IS_PRESENTATION (self), 0);

  return self->step;
}

gint64
cvn_presentation_get_step_group (CvnPresentation *self)
{
  g_return_val_if_fail (CVN_IS_PRESENTATION (self), 0);

  return g_array_index (self->steps, Step, self->step).group_id;
}

int
cvn_presentation_get_step_tier (CvnPresentation *self)
{
  g_return_val_if_fail (CVN_IS_PRESENTATION (self), 0);

  return g_array_index (self->steps, Step, self->step).tier;
}

const char *
cvn_presentation_get_caption (CvnPresentation *self)
{
  g_return_val_if_fail (CVN_IS_PRESENTATION (self), NULL);

  return g_array_index (self->steps, Step, self->step).title;
}

void
cvn_presentation_get_step_rect (CvnPresentation *self,
                                CvnRect         *rect)
{
  g_return_if_fail (CVN_IS_PRESENTATION (self));

  *rect = g_array_index (self->steps, Step, self->step).rect;
}

void
cvn_presentation_set_step (CvnPresentation *self,
                           guint            step,
                           gboolean         animate)
{
  g_return_if_fail (CVN_IS_PRESENTATION (self));

  step = MIN (step, self->steps->len - 1);
  if (step == self->step && animate)
    return;
  self->step = step;
  show_step (self, animate);
}

gboolean
cvn_presentation_next (CvnPresentation *self)
{
  g_return_val_if_fail (CVN_IS_PRESENTATION (self), FALSE);

  if (self->step + 1 >= self->steps->len)
    return FALSE;
  cvn_presentation_set_step (self, self->step + 1, TRUE);
  return TRUE;
}

gboolean
cvn_presentation_previous (CvnPresentation *self)
{
  g_return_val_if_fail (CVN_IS_PRESENTATION (self), FALSE);

  if (self->step == 0)
    return FALSE;
  cvn_presentation_set_step (self, self->step - 1, TRUE);
  return TRUE;
}
