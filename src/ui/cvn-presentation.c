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

/* The group and the groups under it, by parent or as members. */
static GHashTable *
collect_groups (CvnSnapshot *snapshot,
                gint64       group_id)
{
  GHashTable *groups = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr (GArray) queue = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_hash_table_add (groups, GSIZE_TO_POINTER ((gsize) group_id));
  g_array_append_val (queue, group_id);
  for (guint q = 0; q < queue->len; q++)
    {
      gint64 id = g_array_index (queue, gint64, q);
      g_autoptr (GPtrArray) children = cvn_snapshot_get_child_groups (snapshot, id);
      g_autoptr (GPtrArray) members = cvn_snapshot_get_members (snapshot, id, TRUE);

      for (guint i = 0; i < children->len; i++)
        {
          const CvnGroup *child = g_ptr_array_index (children, i);

          if (g_hash_table_add (groups, GSIZE_TO_POINTER ((gsize) child->id)))
            g_array_append_val (queue, child->id);
        }
      for (guint i = 0; i < members->len; i++)
        {
          const CvnMembership *m = g_ptr_array_index (members, i);

          if (m->member_kind == CVN_OBJECT_GROUP &&
              g_hash_table_add (groups, GSIZE_TO_POINTER ((gsize) m->member_id)))
            g_array_append_val (queue, m->member_id);
        }
    }
  return groups;
}

static gboolean
group_extent (CvnLayout   *layout,
              CvnSnapshot *snapshot,
              gint64       group_id,
              CvnRect     *rect)
{
  int index = cvn_layout_find_node (layout, CVN_OBJECT_GROUP, group_id);
  gboolean empty = TRUE;

  if (index < 0)
    return FALSE;
  if (layout->view == CVN_VIEW_STRUCTURE)
    {
      /* The group's box and every box drawn below it in the tree. */
      for (guint i = 0; i < layout->nodes->len; i++)
        {
          int up = (int) i;

          for (int depth = 0; up >= 0 && depth < 64; depth++)
            {
              if (up == index)
                {
                  add_node (rect, &empty,
                            &g_array_index (layout->nodes, CvnLayoutNode, i));
                  break;
                }
              up = g_array_index (layout->nodes, CvnLayoutNode, up).parent;
            }
        }
    }
  else
    {
      g_autoptr (GHashTable) groups = collect_groups (snapshot, group_id);
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, groups);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          int node = cvn_layout_find_node (layout, CVN_OBJECT_GROUP,
                                           (gint64) GPOINTER_TO_SIZE (key));

          if (node < 0)
            continue;
          add_node (rect, &empty, &g_array_index (layout->nodes, CvnLayoutNode, node));
          for (guint h = 0; h < layout->hulls->len; h++)
            {
              const CvnLayoutHull *hull = &g_array_index (layout->hulls, CvnLayoutHull, h);

              if ((int) hull->group == node)
                add_box (rect, &empty, hull->bounds.x, hull->bounds.y, hull->bounds.width,
                         hull->bounds.height);
            }
        }
    }
  return !empty;
}

/* Steps ---------------------------------------------------------------------------------- */

static guint
count_schools (CvnSnapshot *snapshot,
               gint64       group_id)
{
  g_autoptr (GHashTable) groups = collect_groups (snapshot, group_id);
  g_autoptr (GHashTable) schools = g_hash_table_new (g_direct_hash, g_direct_equal);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autoptr (GPtrArray) members = cvn_snapshot_get_members (snapshot,
                                                                (gint64) GPOINTER_TO_SIZE (key),
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
describe_group (CvnSnapshot    *snapshot,
                const CvnGroup *group)
{
  const CvnGroup *parent = cvn_snapshot_find_group (snapshot, group->parent_id);
  guint n_schools = count_schools (snapshot, group->id);
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
          CvnLayout       *layout,
          CvnSnapshot     *snapshot,
          const CvnGroup  *group)
{
  Step step = { 0 };

  if (!group_extent (layout, snapshot, group->id, &step.rect))
    return;
  step.group_id = group->id;
  step.tier = group->tier;
  step.title = g_strdup (group->name);
  step.subtitle = describe_group (snapshot, group);
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
  g_autoptr (GArray) alliance_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

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
    g_autofree char *clusters = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u cluster",
                                                              "%u clusters", n_clusters),
                                                 n_clusters);

    /* TRANSLATORS: the first presentation caption: "Board · 3 alliances · 14 clusters". */
    overview.subtitle = g_strdup_printf (_("%s · %s · %s"),
                                         board != NULL ? cvn_palette_group_kind_label (board->kind)
                                                       : _("Partnership"),
                                         alliances, clusters);
  }
  g_array_append_val (self->steps, overview);

  first_alliance = self->steps->len;
  for (guint i = 0; i < snapshot->groups->len; i++)
    {
      const CvnGroup *group = &g_array_index (snapshot->groups, CvnGroup, i);

      if (group->tier == 2)
        add_step (self, layout, snapshot, group);
    }
  for (guint s = first_alliance; s < self->steps->len; s++)
    g_array_append_val (alliance_ids, g_array_index (self->steps, Step, s).group_id);

  /* Clusters alliance by alliance, then those in none. */
  for (guint a = 0; a <= alliance_ids->len; a++)
    for (guint i = 0; i < snapshot->groups->len; i++)
      {
        const CvnGroup *group = &g_array_index (snapshot->groups, CvnGroup, i);
        gint64 alliance;
        gboolean known = FALSE;

        if (group->tier != 1)
          continue;
        alliance = alliance_of (snapshot, group);
        for (guint k = 0; k < alliance_ids->len; k++)
          known |= g_array_index (alliance_ids, gint64, k) == alliance;
        if (a < alliance_ids->len ? alliance == g_array_index (alliance_ids, gint64, a) : !known)
          add_step (self, layout, snapshot, group);
      }
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
