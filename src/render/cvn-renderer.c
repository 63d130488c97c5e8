/* cvn-renderer.c — drawing a layout onto a cairo_t.
 *
 * Level of detail: every frame draws only what meets the viewport (through the layout's
 * spatial index), and never fewer schools than the viewport holds. What changes with zoom
 * is how each is drawn: a marker smaller than about a pixel and a half becomes a one-pixel
 * square in a single batched fill per colour (the cluster's hull already stands for the
 * group), membership edges are left to the hulls once markers are that small, structure
 * rows shorter than six pixels lose their text and become coloured bars, and labels are
 * placed greedily by importance in screen space and dropped, or abbreviated, where they
 * would collide. Hull outlines are decimated to a point every pixel and a half and filled
 * in one batch per colour, with rings oriented so that the non-zero rule fills overlapping
 * hulls of one colour once.
 *
 * Image targets (the canvas, PNG export) keep the ground — everything but the labels, the
 * legend and the selection — between frames. It depends on the scale and not on where the
 * view is, so a pan scrolls it by whole pixels and draws only the strips that came into
 * view; every rule of what is drawn is independent of the view's position (long edges
 * become stubs by their length, not by where their ends lie), so a panned picture equals
 * one drawn afresh (tested). Only a new scale, layout or style draws the ground anew.
 *
 * Labels of the graph and the map keep their size on screen at every zoom; those of the
 * structure view belong to their boxes and scale with them. Text is shaped by Pango with
 * hinting of metrics off, so widths measured by the layout hold at every scale. Shaped
 * labels are cached per node; label widths for collision tests come from a per-character
 * advance table, so only labels that are actually drawn are ever shaped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-render"

#include "config.h"

#include "cvn-renderer.h"
#include "cvn-hull.h"
#include "cvn-palette.h"
#include "cvn-raster.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#define FONT_FAMILY      "Cantarell, DejaVu Sans, Sans"
#define LABEL_PX         11.0
#define LEGEND_PX        11.5
#define MARGIN_PX        20.0
#define MAX_FIT_SCALE    1.6
#define MAX_CACHED       8000
#define OCCUPANCY_CELL   48
#define MAX_TITLES       400
#define MAX_LABEL_IMAGES 3000   /* about 25 MB of label images at most */
#define LABEL_PAD        2      /* pixels around a label image's text */
#define SCHOOL_PRIORITY  5000000  /* label priorities from here on are people and schools */
#define OUTLINE_MIN_PX   10.0   /* hulls smaller on screen are drawn without an outline */
#define COARSE_HULL_PX   48.0   /* hulls smaller on screen are drawn from their coarse rings */    /* structure boxes named in a smaller size when zoomed out */

#define CVN_SCHOOL_RADIUS_PX(scale) (CVN_SCHOOL_RADIUS * (scale))

typedef struct
{
  CvnColour   colour;
  CvnColour   more[3];   /* groups of one kind with their own colours: up to four swatches */
  guint       n_more;
  const char *kind;
  CvnShape    shape;     /* for phases and people */
  gboolean    is_group;
  char       *label;
} LegendEntry;

/* What a cached scene was drawn for. Compared with memcmp, so always zeroed first. */
typedef struct
{
  CvnViewport    viewport;
  double         ds_x, ds_y;      /* the target's device scale */
  guint64        generation;
} CacheKey;

/* What the cached ground was drawn for; its position is ground_ox, ground_oy. */
typedef struct
{
  double         scale;
  double         ds_x, ds_y;
  int            width, height;   /* pixels */
  guint64        generation;
  gboolean       titles;
} GroundKey;

/* A ground kept from an earlier scale: going back to it (zoom to fit after a zoom) copies
 * it instead of drawing it again. */
#define N_SPARE_GROUNDS 2

typedef struct
{
  cairo_surface_t *surface;
  gboolean         valid;
  GroundKey        key;
  int              ox, oy;
} Ground;

struct _CvnRenderer
{
  GObject         parent_instance;

  CvnLayout      *layout;
  CvnRenderStyle  style;
  PangoContext   *context;
  GPtrArray      *label_layouts;   /* PangoLayout * per node, or NULL */
  GHashTable     *label_images;    /* floating labels drawn once, for image targets */
  GArray         *label_order;     /* Candidate: see label_order () */
  GByteArray     *in_view;         /* per node, while a frame places labels */
  GArray         *label_heights;   /* int per label layout: its height in pixels */
  guint           n_cached;
  double          advances[2][128]; /* width of each ASCII character at size 1 (regular, bold) */
  gboolean        have_advances;
  GArray         *legend;          /* LegendEntry */
  gboolean        legend_has_people, legend_has_leaders, legend_has_risk;
  GArray         *drawn_rects;
  GArray         *drawn_nodes;
  GArray         *visible;         /* guint, reused per frame */
  GHashTable     *sprites;         /* marker images by style, for image targets */
  CvnColour      *colours;         /* per node, for the current layout and style */
  cairo_surface_t *scene;          /* the last scene drawn for an image target */
  CacheKey        scene_key;
  CacheKey        last_key;        /* the last frame drawn straight onto its target */
  gboolean        last_key_valid;
  cairo_surface_t *ground;         /* the last ground drawn for an image target */
  cairo_surface_t *legend_image;   /* the legend, for image targets */
  double          legend_density;
  gboolean        ground_valid, scene_valid; /* the images are kept: new ones cost page faults */
  GroundKey       ground_key;
  int             ground_ox, ground_oy; /* its top-left corner, in pixels of the layout */
  Ground          spares[N_SPARE_GROUNDS]; /* grounds of scales seen before, newest first */
  GArray         *strip_nodes;     /* guint, reused per strip */
};

G_DEFINE_FINAL_TYPE (CvnRenderer, cvn_renderer, G_TYPE_OBJECT)

static void
unref_if_set (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
}

static void
legend_entry_clear (gpointer data)
{
  g_free (((LegendEntry *) data)->label);
}

void
cvn_render_style_init (CvnRenderStyle *style)
{
  memset (style, 0, sizeof *style);
  style->show_legend = TRUE;
  style->show_labels = TRUE;
  style->paint_background = TRUE;
}

static void
clear_label_cache (CvnRenderer *self)
{
  g_clear_pointer (&self->colours, g_free);
  g_ptr_array_set_size (self->label_layouts, 0);
  g_array_set_size (self->label_heights, 0);
  g_clear_pointer (&self->label_order, g_array_unref);
  g_hash_table_remove_all (self->label_images);
  self->n_cached = 0;
}

static void
cvn_renderer_finalize (GObject *object)
{
  CvnRenderer *self = CVN_RENDERER (object);

  g_clear_pointer (&self->layout, cvn_layout_unref);
  g_clear_object (&self->context);
  g_clear_pointer (&self->label_layouts, g_ptr_array_unref);
  g_clear_pointer (&self->legend, g_array_unref);
  g_clear_pointer (&self->drawn_rects, g_array_unref);
  g_clear_pointer (&self->drawn_nodes, g_array_unref);
  g_clear_pointer (&self->visible, g_array_unref);
  g_clear_pointer (&self->strip_nodes, g_array_unref);
  g_clear_pointer (&self->label_images, g_hash_table_unref);
  g_clear_pointer (&self->label_heights, g_array_unref);
  g_clear_pointer (&self->label_order, g_array_unref);
  g_clear_pointer (&self->in_view, g_byte_array_unref);
  g_clear_pointer (&self->ground, cairo_surface_destroy);
  for (guint i = 0; i < N_SPARE_GROUNDS; i++)
    g_clear_pointer (&self->spares[i].surface, cairo_surface_destroy);
  g_clear_pointer (&self->legend_image, cairo_surface_destroy);
  g_clear_pointer (&self->sprites, g_hash_table_unref);
  g_clear_pointer (&self->colours, g_free);
  g_clear_pointer (&self->scene, cairo_surface_destroy);

  G_OBJECT_CLASS (cvn_renderer_parent_class)->finalize (object);
}

static void
cvn_renderer_class_init (CvnRendererClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cvn_renderer_finalize;
}

static void
cvn_renderer_init (CvnRenderer *self)
{
  cairo_font_options_t *font_options = cairo_font_options_create ();

  cvn_render_style_init (&self->style);
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (font_options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (self->context, font_options);
  /* At 72 dpi a point is a layout unit (or a pixel), so markup sizes mean what they say. */
  pango_cairo_context_set_resolution (self->context, 72);
  cairo_font_options_destroy (font_options);
  self->label_layouts = g_ptr_array_new_with_free_func (unref_if_set);
  self->legend = g_array_new (FALSE, TRUE, sizeof (LegendEntry));
  g_array_set_clear_func (self->legend, legend_entry_clear);
  self->drawn_rects = g_array_new (FALSE, FALSE, sizeof (CvnRect));
  self->drawn_nodes = g_array_new (FALSE, FALSE, sizeof (guint));
  self->visible = g_array_new (FALSE, FALSE, sizeof (guint));
  self->strip_nodes = g_array_new (FALSE, FALSE, sizeof (guint));
  self->label_heights = g_array_new (FALSE, TRUE, sizeof (int));
  self->in_view = g_byte_array_new ();
  self->label_images = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                              (GDestroyNotify) cairo_surface_destroy);
  self->sprites = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                         (GDestroyNotify) cairo_surface_destroy);
}

CvnRenderer *
cvn_renderer_new (void)
{
  return g_object_new (CVN_TYPE_RENDERER, NULL);
}

/* Colours. */

static void
group_colour (CvnRenderer         *self,
              const CvnLayoutNode *node,
              CvnColour           *colour)
{
  if (self->style.high_contrast)
    cvn_palette_group_colour (node->kind_name, TRUE, colour);
  else
    {
      colour->red = node->colour[0];
      colour->green = node->colour[1];
      colour->blue = node->colour[2];
    }
}

static void
compute_node_colour (CvnRenderer         *self,
                     const CvnLayoutNode *node,
                     CvnColour           *colour)
{
  if (node->kind == CVN_OBJECT_GROUP)
    group_colour (self, node, colour);
  else if (node->kind == CVN_OBJECT_ESTABLISHMENT)
    cvn_palette_phase_colour (node->kind_name, self->style.high_contrast, colour);
  else
    colour->red = colour->green = colour->blue = self->style.high_contrast ? 0.0 : 0.37;
}

/* Node colours are looked up once per layout and style: the palette matches kind names,
 * which is too slow to repeat for 25,000 nodes in every frame. */
static void
node_colour (CvnRenderer         *self,
             const CvnLayoutNode *node,
             CvnColour           *colour)
{
  const CvnLayoutNode *first = (const CvnLayoutNode *) (gpointer) self->layout->nodes->data;
  gsize index = (gsize) (node - first);

  if (self->colours == NULL)
    {
      self->colours = g_new (CvnColour, MAX (self->layout->nodes->len, 1));
      for (guint i = 0; i < self->layout->nodes->len; i++)
        compute_node_colour (self, &first[i], &self->colours[i]);
    }
  *colour = self->colours[index];
}

static void
set_source (cairo_t         *cr,
            const CvnColour *colour,
            double           alpha)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, alpha);
}

static void
text_colour (CvnRenderer *self,
             cairo_t     *cr)
{
  if (self->style.high_contrast)
    cairo_set_source_rgb (cr, 0, 0, 0);
  else
    cairo_set_source_rgb (cr, 0.14, 0.12, 0.19);
}

/* Legend contents follow the layout: only kinds and phases it shows. */
static void
build_legend (CvnRenderer *self)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  CvnLayout *layout = self->layout;

  g_array_set_size (self->legend, 0);
  g_clear_pointer (&self->legend_image, cairo_surface_destroy);
  self->legend_has_people = self->legend_has_leaders = self->legend_has_risk = FALSE;
  if (layout == NULL)
    return;
  for (guint i = 0; i < layout->nodes->len; i++)
    {
      const CvnLayoutNode *node = &g_array_index (layout->nodes, CvnLayoutNode, i);
      LegendEntry entry = { 0 };
      CvnColour colour;

      self->legend_has_leaders |= (node->flags & CVN_NODE_SYSTEM_LEADER) != 0;
      self->legend_has_risk |= (node->flags & CVN_NODE_AT_RISK) != 0;
      if (node->kind == CVN_OBJECT_PERSON)
        self->legend_has_people = TRUE;
      if (node->kind != CVN_OBJECT_GROUP)
        continue;
      group_colour (self, node, &colour);
      if (!g_hash_table_add (seen, (gpointer) node->kind_name))
        {
          /* Another group of a kind already listed: add its colour if it has its own. */
          for (guint k = 0; k < self->legend->len; k++)
            {
              LegendEntry *known = &g_array_index (self->legend, LegendEntry, k);
              gboolean have = memcmp (&known->colour, &colour, sizeof colour) == 0;

              if (!known->is_group || g_strcmp0 (known->kind, node->kind_name) != 0)
                continue;
              for (guint m = 0; m < known->n_more; m++)
                have |= memcmp (&known->more[m], &colour, sizeof colour) == 0;
              if (!have && known->n_more < G_N_ELEMENTS (known->more))
                known->more[known->n_more++] = colour;
            }
          continue;
        }
      entry.is_group = TRUE;
      entry.kind = node->kind_name;
      entry.colour = colour;
      entry.label = g_strdup (cvn_palette_group_kind_label (node->kind_name));
      g_array_append_val (self->legend, entry);
    }
  for (guint p = 0; cvn_palette_phases[p] != NULL; p++)
    for (guint i = 0; i < layout->nodes->len; i++)
      {
        const CvnLayoutNode *node = &g_array_index (layout->nodes, CvnLayoutNode, i);
        LegendEntry entry = { 0 };

        if (node->kind != CVN_OBJECT_ESTABLISHMENT || node->kind_name != cvn_palette_phases[p])
          continue;
        entry.kind = cvn_palette_phases[p];
        entry.shape = cvn_palette_phase_shape (entry.kind);
        cvn_palette_phase_colour (entry.kind, self->style.high_contrast, &entry.colour);
        entry.label = g_strdup (cvn_palette_phase_label (entry.kind));
        g_array_append_val (self->legend, entry);
        break;
      }
}

void
cvn_renderer_set_layout (CvnRenderer *self,
                         CvnLayout   *layout)
{
  g_return_if_fail (CVN_IS_RENDERER (self));

  if (layout == self->layout)
    return;
  if (layout != NULL)
    cvn_layout_ref (layout);
  g_clear_pointer (&self->layout, cvn_layout_unref);
  self->layout = layout;
  clear_label_cache (self);
  self->scene_valid = self->ground_valid = self->last_key_valid = FALSE;
  for (guint i = 0; i < N_SPARE_GROUNDS; i++)
    self->spares[i].valid = FALSE;
  build_legend (self);
}

CvnLayout *
cvn_renderer_get_layout (CvnRenderer *self)
{
  g_return_val_if_fail (CVN_IS_RENDERER (self), NULL);
  return self->layout;
}

void
cvn_renderer_set_style (CvnRenderer          *self,
                        const CvnRenderStyle *style)
{
  g_return_if_fail (CVN_IS_RENDERER (self));
  g_return_if_fail (style != NULL);

  if (memcmp (style, &self->style, sizeof *style) == 0)
    return;
  self->style = *style;
  clear_label_cache (self);
  self->scene_valid = self->ground_valid = self->last_key_valid = FALSE;
  for (guint i = 0; i < N_SPARE_GROUNDS; i++)
    self->spares[i].valid = FALSE;
  build_legend (self);
}

/* Text. */

static PangoFontDescription *
font_for (double   size,
          gboolean bold)
{
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  return font;
}

static PangoLayout *
new_text (CvnRenderer *self,
          const char  *text,
          double       size,
          gboolean     bold)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr (PangoFontDescription) font = font_for (size, bold);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
ensure_advances (CvnRenderer *self)
{
  if (self->have_advances)
    return;
  for (int bold = 0; bold < 2; bold++)
    {
      g_autoptr (PangoLayout) layout = new_text (self, "", 100, bold);

      for (int c = 0; c < 128; c++)
        {
          char text[2] = { (char) c, '\0' };
          PangoRectangle logical;

          if (c < 32 || c == 127)
            text[0] = 'n';
          pango_layout_set_text (layout, text, 1);
          pango_layout_get_extents (layout, NULL, &logical);
          self->advances[bold][c] = logical.width / (double) PANGO_SCALE / 100.0;
        }
    }
  self->have_advances = TRUE;
}

/* An estimate of a label's width from the advance table, slightly generous because it
 * ignores kerning; good enough to test collisions without shaping. */
static double
estimate_width (CvnRenderer *self,
                const char  *text,
                double       size,
                gboolean     bold)
{
  double width = 0;

  ensure_advances (self);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      width += self->advances[bold ? 1 : 0][c < 128 ? c : 'n'];
    }
  return width * size * 1.03;
}

static double
label_px (CvnRenderer *self)
{
  return LABEL_PX * (self->style.large_type ? 1.5 : 1.0);
}

/* The shaped label of a node, cached; @variant 1 is the short label. */
static PangoLayout *
node_text (CvnRenderer         *self,
           guint                index,
           const CvnLayoutNode *node,
           int                  variant)
{
  guint slot = index * 2 + (guint) variant;
  PangoLayout *layout;

  if (slot < self->label_layouts->len && g_ptr_array_index (self->label_layouts, slot) != NULL)
    return g_ptr_array_index (self->label_layouts, slot);
  if (self->n_cached >= MAX_CACHED)
    clear_label_cache (self);
  if (self->label_layouts->len <= slot)
    g_ptr_array_set_size (self->label_layouts, (gint) MAX (slot + 1, self->layout->nodes->len * 2));

  if (self->layout->view == CVN_VIEW_STRUCTURE || (node->flags & CVN_NODE_UNPLACED) ||
      node->shape == CVN_SHAPE_HEADING)
    {
      /* Box labels: in layout units, ellipsised to their rectangle. */
      double size = self->layout->font_size > 0 ? self->layout->font_size : 12.0;

      if (node->shape == CVN_SHAPE_HEADING)
        layout = new_text (self, node->label, size + 3, TRUE);
      else if (node->shape == CVN_SHAPE_GROUP)
        {
          g_autofree char *markup = NULL;
          const char *kind = (node->flags & CVN_NODE_PSEUDO) ? _("Schools")
                                                              : cvn_palette_group_kind_label (node->kind_name);
          g_autofree char *members = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                   "%u member", "%u members",
                                                                   node->n_members),
                                                      node->n_members);
          g_autofree char *groups = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u group",
                                                                  "%u groups", node->n_groups),
                                                     node->n_groups);
          /* An alliance whose schools are all in its clusters has no members of its own:
           * "6 groups" says more than "0 members". */
          g_autofree char *count = node->n_groups == 0 ? g_strdup (members)
                                   : node->n_members == 0 ? g_strdup (groups)
                                   : g_strdup_printf ("%s · %s", members, groups);

          layout = new_text (self, "", size, FALSE);
          markup = g_markup_printf_escaped ("<span size='%d' weight='bold'>%s</span>\n"
                                            "<span size='%d' foreground='%s'>%s · %s</span>",
                                            (int) ((size + 1) * PANGO_SCALE), node->label,
                                            (int) ((size - 1.5) * PANGO_SCALE),
                                            self->style.high_contrast ? "#000000" : "#5e5c64",
                                            kind, count);
          pango_layout_set_markup (layout, markup, -1);
        }
      else
        layout = new_text (self, node->label, (node->flags & CVN_NODE_UNPLACED) ? 12.0 : size,
                           FALSE);
      if (node->label_rect.width > 0)
        {
          pango_layout_set_width (layout, (int) (node->label_rect.width * PANGO_SCALE));
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
        }
    }
  else
    layout = new_text (self, variant == 0 ? node->label : node->short_label, label_px (self),
                       node->kind == CVN_OBJECT_GROUP);
  g_ptr_array_index (self->label_layouts, slot) = layout;
  if (self->label_heights->len <= slot)
    g_array_set_size (self->label_heights, self->label_layouts->len);
  /* Pango measures a layout anew each time it is asked, which costs more than drawing it. */
  pango_layout_get_pixel_size (layout, NULL, &g_array_index (self->label_heights, int, slot));
  self->n_cached++;
  return layout;
}

/* The height in pixels of node_text (self, index, node, 0), shaped before. */
static int
node_text_height (CvnRenderer *self,
                  guint        index)
{
  return g_array_index (self->label_heights, int, index * 2);
}

/* Viewports. */

void
cvn_viewport_init_centred (CvnViewport *viewport,
                           double       x,
                           double       y,
                           double       scale,
                           double       width,
                           double       height)
{
  viewport->scale = scale;
  viewport->width = width / scale;
  viewport->height = height / scale;
  viewport->x = x - viewport->width / 2;
  viewport->y = y - viewport->height / 2;
}

static double legend_width (CvnRenderer *self);

void
cvn_renderer_fit (CvnRenderer *self,
                  double       width,
                  double       height,
                  CvnViewport *viewport)
{
  CvnRect bounds;
  double reserved = 0, scale, room_w, room_h;

  g_return_if_fail (CVN_IS_RENDERER (self));
  g_return_if_fail (viewport != NULL);

  if (self->layout == NULL)
    {
      cvn_viewport_init_centred (viewport, 0, 0, 1, width, height);
      return;
    }
  bounds = self->layout->bounds;
  if (self->style.show_legend && self->legend->len > 0)
    reserved = legend_width (self) + MARGIN_PX;
  room_w = MAX (width - 2 * MARGIN_PX - reserved, 1);
  room_h = MAX (height - 2 * MARGIN_PX, 1);
  scale = MIN (room_w / MAX (bounds.width, 1), room_h / MAX (bounds.height, 1));
  scale = MIN (scale, MAX_FIT_SCALE * (self->style.large_type ? 1.5 : 1.0));
  viewport->scale = scale;
  viewport->width = width / scale;
  viewport->height = height / scale;
  /* Centred in the room left of the legend. */
  viewport->x = bounds.x + bounds.width / 2 - (MARGIN_PX + room_w / 2) / scale;
  viewport->y = bounds.y + bounds.height / 2 - height / 2 / scale;
}

/* Shapes, centred on (x, y) with radius r, in the current user space. */
static void
shape_path (cairo_t  *cr,
            CvnShape  shape,
            double    x,
            double    y,
            double    r)
{
  switch (shape)
    {
    case CVN_SHAPE_SQUARE:
      cairo_rectangle (cr, x - 0.86 * r, y - 0.86 * r, 1.72 * r, 1.72 * r);
      break;
    case CVN_SHAPE_DIAMOND:
      cairo_move_to (cr, x, y - 1.2 * r);
      cairo_line_to (cr, x + 1.2 * r, y);
      cairo_line_to (cr, x, y + 1.2 * r);
      cairo_line_to (cr, x - 1.2 * r, y);
      cairo_close_path (cr);
      break;
    case CVN_SHAPE_TRIANGLE:
      cairo_move_to (cr, x, y - 1.25 * r);
      cairo_line_to (cr, x + 1.1 * r, y + 0.75 * r);
      cairo_line_to (cr, x - 1.1 * r, y + 0.75 * r);
      cairo_close_path (cr);
      break;
    case CVN_SHAPE_HEXAGON:
      for (int k = 0; k < 6; k++)
        {
          double a = G_PI / 6 + k * G_PI / 3;

          if (k == 0)
            cairo_move_to (cr, x + 1.05 * r * cos (a), y + 1.05 * r * sin (a));
          else
            cairo_line_to (cr, x + 1.05 * r * cos (a), y + 1.05 * r * sin (a));
        }
      cairo_close_path (cr);
      break;
    case CVN_SHAPE_PERSON:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y - 0.42 * r, 0.48 * r, 0, 2 * G_PI);
      cairo_close_path (cr);
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y + 1.0 * r, 0.95 * r, G_PI, 2 * G_PI);
      cairo_close_path (cr);
      break;
    case CVN_SHAPE_CIRCLE:
    case CVN_SHAPE_GROUP:
    case CVN_SHAPE_HEADING:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      cairo_close_path (cr);
      break;
    }
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* Frame state. */

typedef struct
{
  CvnRenderer        *self;
  CvnLayout          *layout;
  cairo_t            *cr;
  cairo_matrix_t      device;     /* the caller's user space: device-space drawing */
  const CvnViewport  *viewport;
  double              scale;
  CvnRect             visible;    /* the whole viewport, with a margin: decides what shows */
  CvnRect             cull;       /* the part being drawn now (all of it, or a strip) */
  GArray             *nodes;      /* guint: the nodes that meet cull */
  gboolean            titles;     /* structure: name boxes in a smaller size (see below) */
  GHashTable         *selected;   /* node index + 1 */
  double              device_width, device_height;
  /* Label occupancy in device space. */
  GArray             *occupied;   /* CvnRect */
  GArray            **cells;
  int                 cell_columns, cell_rows;
} Frame;

static gboolean
rects_meet (const CvnRect *a,
            const CvnRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static void
to_device (Frame  *f,
           double  x,
           double  y,
           double *dx,
           double *dy)
{
  *dx = (x - f->viewport->x) * f->scale;
  *dy = (y - f->viewport->y) * f->scale;
}

static void
ring_path (Frame               *f,
           const CvnLayoutRing *ring,
           gboolean             reverse)
{
  const CvnPoint *p = &g_array_index (f->layout->points, CvnPoint, ring->first_point);
  double min_step = 1.5 / f->scale;
  double last_x = 0, last_y = 0;
  guint emitted = 0;

  for (guint k = 0; k < ring->n_points; k++)
    {
      const CvnPoint *q = &p[reverse ? ring->n_points - 1 - k : k];

      if (emitted > 0 && fabs (q->x - last_x) < min_step && fabs (q->y - last_y) < min_step)
        continue;
      if (emitted == 0)
        cairo_move_to (f->cr, q->x, q->y);
      else
        cairo_line_to (f->cr, q->x, q->y);
      last_x = q->x;
      last_y = q->y;
      emitted++;
    }
  if (emitted > 0)
    cairo_close_path (f->cr);
}

static double
ring_signed_area (CvnLayout           *layout,
                  const CvnLayoutRing *ring)
{
  const CvnPoint *p = &g_array_index (layout->points, CvnPoint, ring->first_point);
  double area = 0;

  for (guint i = 0, j = ring->n_points - 1; i < ring->n_points; j = i++)
    area += (p[j].x + p[i].x) * (p[j].y - p[i].y);
  return area / 2;
}

static void
hull_path (Frame               *f,
           const CvnLayoutHull *hull)
{
  for (guint r = 0; r < hull->n_rings; r++)
    {
      const CvnLayoutRing *ring = &g_array_index (f->layout->rings, CvnLayoutRing,
                                                  hull->first_ring + r);
      const CvnPoint *first = &g_array_index (f->layout->points, CvnPoint, ring->first_point);
      gboolean hole = FALSE;

      /* A ring inside another ring of the same hull is a hole: it winds the other way. */
      for (guint o = 0; o < hull->n_rings && hull->n_rings > 1; o++)
        if (o != r && cvn_hull_rings_contain (f->layout->rings, f->layout->points,
                                              hull->first_ring + o, 1, first->x, first->y))
          hole = !hole;
      ring_path (f, ring, (ring_signed_area (f->layout, ring) > 0) != hole);
    }
}

/* Image targets: every hull's fill in one sweep down the image (row by row, so the pixels
 * stay in the processor's cache even when thousands of small hulls are spread over the
 * screen), then the outlines, in the same order. Vector targets: one fill and one stroke
 * per hull. */
static void
draw_hulls (Frame *f)
{
  CvnLayout *layout = f->layout;
  cairo_t *cr = f->cr;
  gboolean hc = f->self->style.high_contrast;
  CvnRaster raster;

  if (cvn_raster_begin (&raster, cr))
    {
      g_autoptr (GArray) fills = g_array_new (FALSE, FALSE, sizeof (CvnRasterHull));
      g_autoptr (GArray) drawn = g_array_new (FALSE, FALSE, sizeof (guint));

      for (guint h = 0; h < layout->hulls->len; h++)
        {
          const CvnLayoutHull *hull = &g_array_index (layout->hulls, CvnLayoutHull, h);
          const CvnLayoutNode *group = &g_array_index (layout->nodes, CvnLayoutNode,
                                                       hull->group);
          double extent = hull->ring_extent * f->scale;
          CvnRasterHull fill;
          CvnColour colour;

          if (!rects_meet (&hull->bounds, &f->cull))
            continue;
          group_colour (f->self, group, &colour);
          /* The coarsest rings that stay within a pixel or so of the traced outline. */
          if (extent < COARSE_HULL_PX)
            cvn_raster_hull_init (&fill, hull->first_coarse_ring, hull->n_coarse_rings,
                                  colour.red, colour.green, colour.blue, hc ? 0.20 : 0.12);
          else if (extent < 5 * COARSE_HULL_PX)
            cvn_raster_hull_init (&fill, hull->first_medium_ring, hull->n_medium_rings,
                                  colour.red, colour.green, colour.blue, hc ? 0.20 : 0.12);
          else
            cvn_raster_hull_init (&fill, hull->first_ring, hull->n_rings, colour.red,
                                  colour.green, colour.blue, hc ? 0.20 : 0.12);
          g_array_append_val (fills, fill);
          g_array_append_val (drawn, h);
        }
      cvn_raster_fill_hulls (&raster, (const CvnRasterHull *) (gpointer) fills->data,
                             fills->len, layout->rings, layout->points);

      for (guint d = 0; d < drawn->len; d++)
        {
          const CvnLayoutHull *hull = &g_array_index (layout->hulls, CvnLayoutHull,
                                                      g_array_index (drawn, guint, d));
          const CvnRasterHull *fill = &g_array_index (fills, CvnRasterHull, d);
          const CvnLayoutNode *group = &g_array_index (layout->nodes, CvnLayoutNode,
                                                       hull->group);
          double extent = hull->ring_extent * f->scale;
          /* No segment of an outline need be shorter than two pixels (the rings were
           * chosen for the scale, so there are few that short). A step relative to the
           * hull's size would cut across the small rings of a group spread over the map. */
          double min_step = 2.0 / f->scale;
          CvnColour colour;

          /* A hull a few pixels across is a tinted spot; an outline would only blur it. */
          if (extent < OUTLINE_MIN_PX)
            continue;
          group_colour (f->self, group, &colour);
          for (guint k = 0; k < fill->n_rings; k++)
            {
              const CvnLayoutRing *ring = &g_array_index (layout->rings, CvnLayoutRing,
                                                          fill->first_ring + k);
              const CvnPoint *p = &g_array_index (layout->points, CvnPoint, ring->first_point);
              const CvnPoint *last = &p[ring->n_points - 1];

              for (guint i = 0; i < ring->n_points; i++)
                {
                  if (i + 1 < ring->n_points && fabs (p[i].x - last->x) < min_step &&
                      fabs (p[i].y - last->y) < min_step)
                    continue;
                  cvn_raster_line (&raster, last->x, last->y, p[i].x, p[i].y,
                                   hc ? 2.0 : 1.2, colour.red, colour.green, colour.blue,
                                   hc ? 0.95 : 0.65);
                  last = &p[i];
                }
            }
        }
      cvn_raster_end (&raster);
      return;
    }

  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  cairo_set_line_width (cr, (hc ? 2.0 : 1.2) / f->scale);
  for (guint h = 0; h < layout->hulls->len; h++)
    {
      const CvnLayoutHull *hull = &g_array_index (layout->hulls, CvnLayoutHull, h);
      const CvnLayoutNode *group = &g_array_index (layout->nodes, CvnLayoutNode, hull->group);
      CvnColour colour;

      if (!rects_meet (&hull->bounds, &f->cull))
        continue;
      group_colour (f->self, group, &colour);
      cairo_new_path (cr);
      hull_path (f, hull);
      set_source (cr, &colour, hc ? 0.20 : 0.12);
      cairo_fill_preserve (cr);
      set_source (cr, &colour, hc ? 0.95 : 0.60);
      cairo_stroke (cr);
    }
}

/* Edges. */

static gboolean
segment_visible (Frame  *f,
                 double  x0,
                 double  y0,
                 double  x1,
                 double  y1)
{
  CvnRect box = { MIN (x0, x1), MIN (y0, y1), fabs (x1 - x0) + 1e-9, fabs (y1 - y0) + 1e-9 };

  return rects_meet (&box, &f->cull);
}

/* Which batch an edge is drawn in, or -1: 0 memberships of a school in its own group, 1
 * groups under groups, 2 people at their schools, 3 a school's memberships of its other
 * groups (drawn only for selected nodes, see edge_selected), 4 people's seats. */
static int
edge_pass (const CvnLayoutEdge *edge,
           const CvnLayoutNode *a,
           double               school_px)
{
  switch (edge->kind)
    {
    case CVN_EDGE_MEMBERSHIP:
      /* Below about a pixel and a half per marker, the hull stands for a school's
       * membership; edges between groups stay. A member's edge to a group other than the
       * one it is drawn beside is fainter: it crosses the drawing. */
      if (a->kind == CVN_OBJECT_GROUP)
        return 1;
      if (school_px < 1.5)
        return -1;
      if (a->kind == CVN_OBJECT_PERSON)
        return 4;
      return a->parent == (int) edge->target ? 0 : 3;
    case CVN_EDGE_PARENT:
      return 1;
    case CVN_EDGE_WORKS_AT:
      return school_px >= 1.5 ? 2 : -1;
    case CVN_EDGE_TREE:
    default:
      return -1;
    }
}

static void
edge_style (int      pass,
            gboolean hc,
            double  *alpha,
            double  *width)
{
  static const double alphas[2][5] = { { 0.28, 0.4, 0.6, 0.10, 0.22 },
                                       { 0.7, 0.8, 0.9, 0.35, 0.6 } };
  static const double widths[2][5] = { { 0.9, 1.3, 1.2, 0.8, 0.8 },
                                       { 1.4, 2.0, 1.2, 0.8, 1.2 } };

  *alpha = alphas[hc ? 1 : 0][pass];
  *width = widths[hc ? 1 : 0][pass];
}

/* An edge longer than about half the screen is drawn as two 60-pixel stubs, one from each
 * end: enough to show which way it goes (the whole edge appears when either end is
 * selected), without a zoomed view of a large borough being crossed by hundreds of lines
 * to a board or committee far away. The rule depends on the scale and the size of the
 * view, not on where the view is, so a panned picture is the same as one drawn afresh. */
static gboolean
edge_is_long (Frame               *f,
              const CvnLayoutNode *a,
              const CvnLayoutNode *b)
{
  double limit = MAX (0.36 * (f->device_width * f->device_width +
                               f->device_height * f->device_height),
                      240.0 * 240.0) / (f->scale * f->scale);
  double dx = b->x - a->x, dy = b->y - a->y;

  return dx * dx + dy * dy > limit;
}

/* The first 60 pixels of a long edge from @a towards @b, as an offset from @a. */
static void
edge_stub (Frame               *f,
           const CvnLayoutNode *a,
           const CvnLayoutNode *b,
           double              *ux,
           double              *uy)
{
  double stub = 60 / f->scale, length = hypot (b->x - a->x, b->y - a->y);

  *ux = (b->x - a->x) * stub / length;
  *uy = (b->y - a->y) * stub / length;
}

static void
draw_edge_line (Frame               *f,
                CvnRaster           *raster,
                const CvnLayoutNode *a,
                const CvnLayoutNode *b,
                double               width,
                double               alpha)
{
  double ux, uy;

  if (!edge_is_long (f, a, b))
    {
      if (segment_visible (f, a->x, a->y, b->x, b->y))
        cvn_raster_line (raster, a->x, a->y, b->x, b->y, width, 0.24, 0.22, 0.27, alpha);
      return;
    }
  edge_stub (f, a, b, &ux, &uy);
  if (segment_visible (f, a->x, a->y, a->x + ux, a->y + uy))
    cvn_raster_line (raster, a->x, a->y, a->x + ux, a->y + uy, width, 0.24, 0.22, 0.27, alpha);
  if (segment_visible (f, b->x, b->y, b->x - ux, b->y - uy))
    cvn_raster_line (raster, b->x, b->y, b->x - ux, b->y - uy, width, 0.24, 0.22, 0.27, alpha);
}

/* A school's memberships beyond its own cluster cross the whole drawing (a diocese, a
 * hub): the hulls already show them, so these edges appear only around what is selected,
 * where they answer "what else is this in?". */
static gboolean
edge_selected (Frame               *f,
               const CvnLayoutEdge *edge)
{
  return g_hash_table_contains (f->selected, GUINT_TO_POINTER (edge->source + 1)) ||
         g_hash_table_contains (f->selected, GUINT_TO_POINTER (edge->target + 1));
}

static void
draw_graph_edges (Frame *f)
{
  CvnLayout *layout = f->layout;
  cairo_t *cr = f->cr;
  double school_px = CVN_SCHOOL_RADIUS_PX (f->scale);
  gboolean hc = f->self->style.high_contrast;
  CvnRaster raster;

  if (cvn_raster_begin (&raster, cr))
    {
      for (guint e = 0; e < layout->edges->len; e++)
        {
          const CvnLayoutEdge *edge = &g_array_index (layout->edges, CvnLayoutEdge, e);
          const CvnLayoutNode *a = &g_array_index (layout->nodes, CvnLayoutNode, edge->source);
          const CvnLayoutNode *b = &g_array_index (layout->nodes, CvnLayoutNode, edge->target);
          int pass = edge_pass (edge, a, school_px);
          double alpha, width;

          if (pass < 0 || (pass == 3 && !edge_selected (f, edge)))
            continue;
          edge_style (pass, hc, &alpha, &width);
          draw_edge_line (f, &raster, a, b, width, pass == 2 ? alpha * 0.7 : alpha);
        }
      cvn_raster_end (&raster);
      return;
    }

  /* Vector targets: one stroke per batch. */
  for (int pass = 0; pass < 5; pass++)
    {
      guint n = 0;
      double alpha, width;

      cairo_new_path (cr);
      for (guint e = 0; e < layout->edges->len; e++)
        {
          const CvnLayoutEdge *edge = &g_array_index (layout->edges, CvnLayoutEdge, e);
          const CvnLayoutNode *a = &g_array_index (layout->nodes, CvnLayoutNode, edge->source);
          const CvnLayoutNode *b = &g_array_index (layout->nodes, CvnLayoutNode, edge->target);

          if (edge_pass (edge, a, school_px) != pass ||
              (pass == 3 && !edge_selected (f, edge)))
            continue;
          if (edge_is_long (f, a, b))
            {
              double ux, uy;

              edge_stub (f, a, b, &ux, &uy);
              cairo_move_to (cr, a->x, a->y);
              cairo_line_to (cr, a->x + ux, a->y + uy);
              cairo_move_to (cr, b->x, b->y);
              cairo_line_to (cr, b->x - ux, b->y - uy);
            }
          else if (segment_visible (f, a->x, a->y, b->x, b->y))
            {
              cairo_move_to (cr, a->x, a->y);
              cairo_line_to (cr, b->x, b->y);
            }
          else
            continue;
          n++;
        }
      if (n == 0)
        continue;
      edge_style (pass, hc, &alpha, &width);
      cairo_set_source_rgba (cr, 0.24, 0.22, 0.27, alpha);
      cairo_set_line_width (cr, width / f->scale);
      if (pass == 2)
        {
          double dash[2] = { 1.0 / f->scale, 3.0 / f->scale };

          cairo_set_dash (cr, dash, 2, 0);
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
}

/* Nodes of the graph and the map. */

/* The layout gives every marker its size (the map draws group nodes smaller, as mere
 * anchors for their labels). */
static double
marker_radius (const CvnLayoutNode *node)
{
  return node->width / 2;
}

/* Marker images for image targets: cairo fills a small path in a few microseconds, but
 * copies a prepared image in under one, which is what a frame of 25,000 schools needs. One
 * image per shape, colour, size and outline, cached for the renderer's life. */
static cairo_surface_t *
marker_sprite (CvnRenderer     *self,
               CvnShape         shape,
               const CvnColour *colour,
               double           radius_px,
               gboolean         outline,
               int             *half)
{
  int quarter = (int) (radius_px * 4 + 0.5);
  /* The key packs the style into 64 bits: a frame looks up every marker in view, and
   * formatting a string key for each cost more than drawing it. */
  gint64 key = (gint64) ((guint64) shape << 48 | (guint64) (colour->red * 255) << 40 |
                         (guint64) (colour->green * 255) << 32 |
                         (guint64) (colour->blue * 255) << 24 |
                         (guint64) CLAMP (quarter, 0, 0x7fffff) << 1 | (outline ? 1 : 0));
  cairo_surface_t *sprite = g_hash_table_lookup (self->sprites, &key);
  double r = quarter / 4.0;
  int size = (int) ceil (r * 2.6 + 4);

  *half = size / 2;
  if (sprite == NULL)
    {
      cairo_t *cr;

      sprite = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
      cr = cairo_create (sprite);
      shape_path (cr, shape, *half, *half, r);
      set_source (cr, colour, 1.0);
      if (outline)
        {
          cairo_fill_preserve (cr);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_set_line_width (cr, MIN (1.0, 0.15 * r));
          cairo_stroke (cr);
        }
      else
        cairo_fill (cr);
      cairo_destroy (cr);
      cairo_surface_flush (sprite);
      g_hash_table_insert (self->sprites, g_memdup2 (&key, sizeof key), sprite);
    }
  return sprite;
}

static gboolean
can_blit (cairo_t *cr)
{
  cairo_matrix_t m;

  cairo_get_matrix (cr, &m);
  return cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_IMAGE &&
         m.xy == 0 && m.yx == 0;
}

/* Composites a marker image centred on a layout point, at whole pixels. */
static void
blit (CvnRaster       *raster,
      cairo_surface_t *sprite,
      int              half,
      double           x,
      double           y)
{
  cvn_raster_image (raster, sprite, (int) floor (x * raster->sx + raster->tx + 0.5) - half,
                    (int) floor (y * raster->sy + raster->ty + 0.5) - half);
}

/* Markers on image targets: marker images composited straight into the pixels (a call
 * to cairo per marker cost more than the marker), and markers below a pixel and a half
 * as squares of one or two pixels, one per node, so the density of a zoomed-out borough
 * still shows. */
static void
draw_markers_blit (Frame     *f,
                   CvnRaster *raster)
{
  CvnRenderer *self = f->self;
  CvnLayout *layout = f->layout;
  GArray *visible = f->nodes;
  CvnColour risk = { 0.75, 0.11, 0.16 }, gold = { 0.96, 0.76, 0.07 };
  /* Pixels per device unit: marker images are made at the target's density. */
  double density = raster->sx / f->scale;

  for (guint v = 0; v < visible->len; v++)
    {
      const CvnLayoutNode *node = &g_array_index (layout->nodes, CvnLayoutNode,
                                                  g_array_index (visible, guint, v));
      double r = marker_radius (node) * f->scale;
      cairo_surface_t *sprite;
      CvnColour c;
      int half;

      if (node->kind == CVN_OBJECT_NONE || (node->flags & CVN_NODE_UNPLACED))
        continue;
      if (r < 1.5)
        {
          node_colour (self, node, &c);
          cvn_raster_dot (raster, node->x, node->y, r >= 0.75 ? 2 : 1, c.red, c.green, c.blue);
          continue;
        }
      r = MIN (r, 40.0);
      if (node->kind == CVN_OBJECT_GROUP)
        {
          /* A ring: the group's colour around a white centre. */
          group_colour (self, node, &c);
          sprite = marker_sprite (self, CVN_SHAPE_CIRCLE, &c, r * density, FALSE, &half);
          blit (raster, sprite, half, node->x, node->y);
          sprite = marker_sprite (self, CVN_SHAPE_CIRCLE, &(CvnColour) { 1, 1, 1 },
                                  r * 0.56 * density, FALSE, &half);
          blit (raster, sprite, half, node->x, node->y);
          continue;
        }
      if ((node->flags & CVN_NODE_AT_RISK) && r >= 3)
        {
          sprite = marker_sprite (self, CVN_SHAPE_CIRCLE, &risk, (r + 2.2 * f->scale) * density,
                                  FALSE, &half);
          blit (raster, sprite, half, node->x, node->y);
          sprite = marker_sprite (self, CVN_SHAPE_CIRCLE, &(CvnColour) { 1, 1, 1 },
                                  (r + 0.6 * f->scale) * density, FALSE, &half);
          blit (raster, sprite, half, node->x, node->y);
        }
      node_colour (self, node, &c);
      sprite = marker_sprite (self, node->shape, &c, r * density, r >= 2.5, &half);
      blit (raster, sprite, half, node->x, node->y);
      if ((node->flags & CVN_NODE_SYSTEM_LEADER) && r >= 3)
        {
          double lr = marker_radius (node) * 0.8;

          sprite = marker_sprite (self, CVN_SHAPE_CIRCLE, &gold, r * 0.45 * density, TRUE,
                                  &half);
          blit (raster, sprite, half, node->x + lr, node->y - lr);
        }
    }
}

static void
draw_markers (Frame *f)
{
  CvnLayout *layout = f->layout;
  CvnRaster raster;

  if (cvn_raster_begin (&raster, f->cr))
    {
      draw_markers_blit (f, &raster);
      cvn_raster_end (&raster);
      return;
    }

  GArray *visible = f->nodes;
  cairo_t *cr = f->cr;
  gboolean hc = f->self->style.high_contrast;
  double school_px = CVN_SCHOOL_RADIUS_PX (f->scale);
  CvnColour colours[8];
  guint n_colours = 0;

  /* Schools and people, batched by colour. */
  for (guint pass = 0;; pass++)
    {
      gboolean found = FALSE;
      CvnColour colour = { 0, 0, 0 };

      cairo_new_path (cr);
      for (guint v = 0; v < visible->len; v++)
        {
          guint index = g_array_index (visible, guint, v);
          const CvnLayoutNode *node = &g_array_index (layout->nodes, CvnLayoutNode, index);
          CvnColour c;
          double r = marker_radius (node);

          if (node->kind == CVN_OBJECT_GROUP || node->kind == CVN_OBJECT_NONE ||
              (node->flags & CVN_NODE_UNPLACED))
            continue;
          node_colour (f->self, node, &c);
          if (!found)
            {
              gboolean done_before = FALSE;

              for (guint k = 0; k < n_colours; k++)
                done_before |= memcmp (&colours[k], &c, sizeof c) == 0;
              if (done_before)
                continue;
              colour = c;
              found = TRUE;
            }
          else if (memcmp (&colour, &c, sizeof c) != 0)
            continue;
          if (r * f->scale < 1.5)
            {
              /* Sub-pixel: a one-pixel square, snapped, still one per school. */
              double px = 1.0 / f->scale;

              cairo_rectangle (cr, node->x - px / 2, node->y - px / 2, px * 1.4, px * 1.4);
            }
          else
            shape_path (cr, node->shape, node->x, node->y, r);
        }
      if (!found)
        break;
      if (n_colours < G_N_ELEMENTS (colours))
        colours[n_colours++] = colour;
      else
        break;
      set_source (cr, &colour, 1.0);
      if (school_px >= 2.5)
        {
          cairo_fill_preserve (cr);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_set_line_width (cr, MIN (1.0, 0.15 * school_px) / f->scale);
          cairo_stroke (cr);
        }
      else
        cairo_fill (cr);
    }

  /* Badges, once markers are big enough to carry them. */
  if (school_px >= 3)
    {
      cairo_new_path (cr);
      for (guint v = 0; v < visible->len; v++)
        {
          const CvnLayoutNode *node = &g_array_index (layout->nodes, CvnLayoutNode,
                                                      g_array_index (visible, guint, v));

          if ((node->flags & CVN_NODE_AT_RISK) && !(node->flags & CVN_NODE_UNPLACED))
            {
              cairo_new_sub_path (cr);
              cairo_arc (cr, node->x, node->y, marker_radius (node) + 2.2, 0, 2 * G_PI);
            }
        }
      cairo_set_source_rgba (cr, 0.75, 0.11, 0.16, 1.0);
      cairo_set_line_width (cr, hc ? 2.4 : 1.8);
      cairo_stroke (cr);
      cairo_new_path (cr);
      for (guint v = 0; v < visible->len; v++)
        {
          const CvnLayoutNode *node = &g_array_index (layout->nodes, CvnLayoutNode,
                                                      g_array_index (visible, guint, v));
          double r = marker_radius (node);

          if ((node->flags & CVN_NODE_SYSTEM_LEADER) && !(node->flags & CVN_NODE_UNPLACED))
            {
              cairo_new_sub_path (cr);
              cairo_arc (cr, node->x + r * 0.8, node->y - r * 0.8, r * 0.45, 0, 2 * G_PI);
            }
        }
      cairo_set_source_rgb (cr, 0.96, 0.76, 0.07);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.4, 0.3, 0);
      cairo_set_line_width (cr, 0.8 / f->scale);
      cairo_stroke (cr);
    }

  /* Group nodes: rings in their colour. */
  for (guint v = 0; v < visible->len; v++)
    {
      const CvnLayoutNode *node = &g_array_index (layout->nodes, CvnLayoutNode,
                                                  g_array_index (visible, guint, v));
      CvnColour c;
      double r = marker_radius (node);

      if (node->kind != CVN_OBJECT_GROUP)
        continue;
      group_colour (f->self, node, &c);
      cairo_new_path (cr);
      if (r * f->scale < 1.5)
        {
          double px = 1.5 / f->scale;

          cairo_rectangle (cr, node->x - px / 2, node->y - px / 2, px, px);
          set_source (cr, &c, 1.0);
          cairo_fill (cr);
          continue;
        }
      cairo_arc (cr, node->x, node->y, r * 0.78, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      set_source (cr, &c, 1.0);
      cairo_set_line_width (cr, r * 0.44);
      cairo_stroke (cr);
    }
}

/* Labels of the graph and the map: greedy, in screen space. */

static gboolean
occupancy_free (Frame         *f,
                const CvnRect *rect)
{
  int i0 = MAX (0, (int) (rect->x / OCCUPANCY_CELL));
  int i1 = MIN (f->cell_columns - 1, (int) ((rect->x + rect->width) / OCCUPANCY_CELL));
  int j0 = MAX (0, (int) (rect->y / OCCUPANCY_CELL));
  int j1 = MIN (f->cell_rows - 1, (int) ((rect->y + rect->height) / OCCUPANCY_CELL));

  if (rect->x < 0 || rect->y < 0 || rect->x + rect->width > f->device_width ||
      rect->y + rect->height > f->device_height)
    return FALSE;
  for (int j = j0; j <= j1; j++)
    for (int i = i0; i <= i1; i++)
      {
        GArray *cell = f->cells[j * f->cell_columns + i];

        for (guint k = 0; cell != NULL && k < cell->len; k++)
          if (rects_meet (rect, &g_array_index (f->occupied, CvnRect,
                                                g_array_index (cell, guint, k))))
            return FALSE;
      }
  return TRUE;
}

static void
occupy (Frame         *f,
        const CvnRect *rect)
{
  guint id = f->occupied->len;
  int i0 = MAX (0, (int) (rect->x / OCCUPANCY_CELL));
  int i1 = MIN (f->cell_columns - 1, (int) ((rect->x + rect->width) / OCCUPANCY_CELL));
  int j0 = MAX (0, (int) (rect->y / OCCUPANCY_CELL));
  int j1 = MIN (f->cell_rows - 1, (int) ((rect->y + rect->height) / OCCUPANCY_CELL));

  g_array_append_val (f->occupied, *rect);
  for (int j = j0; j <= j1; j++)
    for (int i = i0; i <= i1; i++)
      {
        GArray **cell = &f->cells[j * f->cell_columns + i];

        if (*cell == NULL)
          *cell = g_array_new (FALSE, FALSE, sizeof (guint));
        g_array_append_val (*cell, id);
      }
}

typedef struct
{
  int   priority;
  guint index;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a, *cb = b;

  if (ca->priority != cb->priority)
    return ca->priority - cb->priority;
  return ca->index < cb->index ? -1 : (ca->index > cb->index);
}

typedef struct
{
  guint  index;
  int    variant;
  double x, y;      /* device position of the text's top-left corner */
} Placed;

/* A floating label's colour: a group's name in a darker shade of the group's colour. */
static void
label_colour (CvnRenderer         *self,
              cairo_t             *cr,
              const CvnLayoutNode *node)
{
  if (node->kind == CVN_OBJECT_GROUP && !self->style.high_contrast)
    {
      CvnColour c;

      group_colour (self, node, &c);
      cairo_set_source_rgb (cr, c.red * 0.6, c.green * 0.6, c.blue * 0.6);
    }
  else
    text_colour (self, cr);
}

/* The image of a placed label at @density pixels per device unit, LABEL_PAD pixels of
 * room around the text, made on first use and kept with the shaped labels. */
static cairo_surface_t *
label_image (CvnRenderer  *self,
             const Placed *p,
             double        density)
{
  guint key = (p->index * 2 + (guint) p->variant) * 4 + (guint) MIN (density, 3.0);
  cairo_surface_t *image = g_hash_table_lookup (self->label_images, GUINT_TO_POINTER (key + 1));
  const CvnLayoutNode *node = &g_array_index (self->layout->nodes, CvnLayoutNode, p->index);
  PangoLayout *text;
  PangoRectangle logical;
  cairo_t *cr;

  if (image != NULL)
    return image;
  if (g_hash_table_size (self->label_images) >= MAX_LABEL_IMAGES)
    g_hash_table_remove_all (self->label_images);
  text = node_text (self, p->index, node, p->variant);
  pango_layout_get_pixel_extents (text, NULL, &logical);
  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                      (int) ceil ((logical.x + logical.width) * density) +
                                      2 * LABEL_PAD,
                                      (int) ceil ((logical.y + logical.height) * density) +
                                      2 * LABEL_PAD);
  cairo_surface_set_device_scale (image, density, density);
  cr = cairo_create (image);
  label_colour (self, cr, node);
  cairo_move_to (cr, LABEL_PAD / density, LABEL_PAD / density);
  pango_cairo_show_layout (cr, text);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  g_hash_table_insert (self->label_images, GUINT_TO_POINTER (key + 1), image);
  return image;
}

/* Every node that may have a floating label, in the order labels claim their places:
 * groups by tier (the board first) and size, then people, then schools that are system
 * leaders or at risk, then other schools. It holds as long as the layout, so a frame only
 * picks out the nodes in view instead of sorting them. */
static GArray *
label_order (CvnRenderer *self)
{
  CvnLayout *layout = self->layout;

  if (self->label_order != NULL)
    return self->label_order;
  self->label_order = g_array_new (FALSE, FALSE, sizeof (Candidate));
  for (guint index = 0; index < layout->nodes->len; index++)
    {
      const CvnLayoutNode *node = &g_array_index (layout->nodes, CvnLayoutNode, index);
      Candidate c = { 0, index };

      if (node->flags & CVN_NODE_UNPLACED || node->kind == CVN_OBJECT_NONE)
        continue;
      if (node->kind == CVN_OBJECT_GROUP)
        c.priority = 10 + (3 - CLAMP (node->tier, 0, 3)) * 1000000
                     - (int) MIN (node->n_members, 999999u);
      else if (node->kind == CVN_OBJECT_PERSON)
        c.priority = SCHOOL_PRIORITY;
      else if (node->flags & (CVN_NODE_SYSTEM_LEADER | CVN_NODE_AT_RISK))
        c.priority = SCHOOL_PRIORITY + 1000000;
      else
        c.priority = SCHOOL_PRIORITY + 2000000;
      g_array_append_val (self->label_order, c);
    }
  g_array_sort (self->label_order, compare_candidates);
  return self->label_order;
}

static void
draw_floating_labels (Frame *f)
{
  CvnRenderer *self = f->self;
  CvnLayout *layout = f->layout;
  GArray *visible = self->visible;
  g_autoptr (GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr (GArray) placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  double size = label_px (self);
  double school_px = CVN_SCHOOL_RADIUS_PX (f->scale);
  cairo_t *cr = f->cr;
  CvnRaster raster;

  /* Selected nodes first, then the others in view by their lasting order (see
   * label_order ()), which saves sorting thousands of candidates every frame. */
  if (self->in_view->len < layout->nodes->len)
    {
      guint before = self->in_view->len;

      g_byte_array_set_size (self->in_view, layout->nodes->len);
      memset (self->in_view->data + before, 0, self->in_view->len - before);
    }
  for (guint v = 0; v < visible->len; v++)
    self->in_view->data[g_array_index (visible, guint, v)] = 1;
  for (guint v = 0; v < visible->len; v++)
    {
      guint index = g_array_index (visible, guint, v);
      const CvnLayoutNode *node = &g_array_index (layout->nodes, CvnLayoutNode, index);

      if (!(node->flags & CVN_NODE_UNPLACED) && node->kind != CVN_OBJECT_NONE &&
          g_hash_table_contains (f->selected, GUINT_TO_POINTER (index + 1)))
        g_array_append_val (candidates, ((Candidate) { 0, index }));
    }
  g_array_sort (candidates, compare_candidates);
  {
    GArray *order = label_order (self);

    for (guint k = 0; k < order->len; k++)
      {
        const Candidate *c = &g_array_index (order, Candidate, k);

        if (c->priority >= SCHOOL_PRIORITY && school_px < 2.5)
          break;
        if (self->in_view->data[c->index] &&
            !g_hash_table_contains (f->selected, GUINT_TO_POINTER (c->index + 1)))
          g_array_append_val (candidates, *c);
      }
  }
  for (guint v = 0; v < visible->len; v++)
    self->in_view->data[g_array_index (visible, guint, v)] = 0;

  for (guint k = 0; k < candidates->len; k++)
    {
      guint index = g_array_index (candidates, Candidate, k).index;
      const CvnLayoutNode *node = &g_array_index (layout->nodes, CvnLayoutNode, index);
      gboolean bold = node->kind == CVN_OBJECT_GROUP;
      double cx, cy, r = marker_radius (node) * f->scale + 3;
      double height = size * 1.3;
      gboolean done = FALSE;

      to_device (f, node->x, node->y, &cx, &cy);
      for (int variant = 0; variant < 2 && !done; variant++)
        {
          const char *text = variant == 0 ? node->label : node->short_label;
          double width;

          if (text == NULL || (variant == 1 && g_strcmp0 (text, node->label) == 0))
            continue;
          width = estimate_width (self, text, size, bold) + 4;
          /* Right, left, below, above the marker. */
          for (int position = 0; position < 4 && !done; position++)
            {
              CvnRect rect;

              switch (position)
                {
                case 0:
                  rect = (CvnRect) { cx + r, cy - height / 2, width, height };
                  break;
                case 1:
                  rect = (CvnRect) { cx - r - width, cy - height / 2, width, height };
                  break;
                case 2:
                  rect = (CvnRect) { cx - width / 2, cy + r - 2, width, height };
                  break;
                default:
                  rect = (CvnRect) { cx - width / 2, cy - r - height + 2, width, height };
                  break;
                }
              if (!occupancy_free (f, &rect))
                continue;
              occupy (f, &rect);
              g_array_append_val (self->drawn_rects, rect);
              g_array_append_val (self->drawn_nodes, index);
              g_array_append_val (placed, ((Placed) { index, variant, rect.x + 2,
                                                      rect.y + (height - size * 1.2) / 2 }));
              done = TRUE;
            }
        }
    }

  /* Pale backing behind every label, then the text. Image targets get both written
   * straight into the pixels, the text from an image of each label made once: a frame
   * places hundreds of labels, and Pango and cairo would shape and composite every glyph
   * of every one again. */
  cairo_save (cr);
  cairo_set_matrix (cr, &f->device);
  if (cvn_raster_begin (&raster, cr))
    {
      double density = raster.sx;

      for (guint k = 0; k < self->drawn_rects->len; k++)
        {
          const CvnRect *rect = &g_array_index (self->drawn_rects, CvnRect, k);

          cvn_raster_rect (&raster, rect->x + 1, rect->y + 1, rect->width - 2,
                           rect->height - 2, 1, 1, 1, self->style.high_contrast ? 0.92 : 0.78);
        }
      for (guint k = 0; k < placed->len; k++)
        {
          const Placed *p = &g_array_index (placed, Placed, k);
          cairo_surface_t *image = label_image (self, p, density);

          cvn_raster_image (&raster, image,
                            (int) floor (p->x * raster.sx + raster.tx + 0.5) - LABEL_PAD,
                            (int) floor (p->y * raster.sy + raster.ty + 0.5) - LABEL_PAD);
        }
      cvn_raster_end (&raster);
      cairo_restore (cr);
      return;
    }
  cairo_new_path (cr);
  for (guint k = 0; k < self->drawn_rects->len; k++)
    {
      const CvnRect *rect = &g_array_index (self->drawn_rects, CvnRect, k);

      cairo_rectangle (cr, rect->x + 1, rect->y + 1, rect->width - 2, rect->height - 2);
    }
  cairo_set_source_rgba (cr, 1, 1, 1, self->style.high_contrast ? 0.92 : 0.78);
  cairo_fill (cr);
  for (guint k = 0; k < placed->len; k++)
    {
      const Placed *p = &g_array_index (placed, Placed, k);
      const CvnLayoutNode *node = &g_array_index (layout->nodes, CvnLayoutNode, p->index);

      label_colour (self, cr, node);
      cairo_move_to (cr, p->x, p->y);
      pango_cairo_show_layout (cr, node_text (self, p->index, node, p->variant));
    }
  cairo_restore (cr);
}

/* The structure view. */

/* A horizontal or vertical run of a connector, for merging. */
typedef struct
{
  gboolean vertical;
  double   at;          /* the line's y (horizontal) or x (vertical) */
  double   from, to;
} Run;

static int
compare_runs (gconstpointer a,
              gconstpointer b)
{
  const Run *ra = a, *rb = b;

  if (ra->vertical != rb->vertical)
    return ra->vertical - rb->vertical;
  if (ra->at != rb->at)
    return ra->at < rb->at ? -1 : 1;
  return ra->from < rb->from ? -1 : ra->from > rb->from;
}

static void
draw_connectors (Frame *f)
{
  CvnLayout *layout = f->layout;
  cairo_t *cr = f->cr;
  gboolean leaves_small = 24.0 * f->scale < 3;
  guint n = 0;
  CvnRaster raster;

  cairo_new_path (cr);
  for (guint e = 0; e < layout->edges->len; e++)
    {
      const CvnLayoutEdge *edge = &g_array_index (layout->edges, CvnLayoutEdge, e);
      const CvnLayoutNode *target = &g_array_index (layout->nodes, CvnLayoutNode, edge->target);
      const CvnLayoutNode *source = &g_array_index (layout->nodes, CvnLayoutNode, edge->source);
      const CvnPoint *p;
      double x0, y0, x1, y1;

      if (leaves_small && (target->flags & CVN_NODE_LEAF))
        continue;
      if (edge->n_points == 0)
        {
          if (!segment_visible (f, source->x, source->y, target->x, target->y))
            continue;
          cairo_move_to (cr, source->x, source->y + source->height / 2);
          cairo_line_to (cr, target->x, target->y - target->height / 2);
          n++;
          continue;
        }
      p = &g_array_index (layout->points, CvnPoint, edge->first_point);
      x0 = x1 = p[0].x;
      y0 = y1 = p[0].y;
      for (guint k = 1; k < edge->n_points; k++)
        {
          x0 = MIN (x0, p[k].x);
          x1 = MAX (x1, p[k].x);
          y0 = MIN (y0, p[k].y);
          y1 = MAX (y1, p[k].y);
        }
      if (!segment_visible (f, x0, y0, x1, y1))
        continue;
      cairo_move_to (cr, p[0].x, p[0].y);
      for (guint k = 1; k < edge->n_points; k++)
        cairo_line_to (cr, p[k].x, p[k].y);
      n++;
    }
  if (n == 0)
    return;
  if (f->self->style.high_contrast)
    cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  else
    cairo_set_source_rgb (cr, 0.6, 0.59, 0.58);
  cairo_set_line_width (cr, MAX (1.4, 0.6 / f->scale));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  if (cvn_raster_begin (&raster, cr))
    {
      /* The same path, drawn segment by segment straight into the pixels: connectors
       * share long runs (a parent's bus is part of every child's route), which cairo's
       * tessellator handles slowly and which would be drawn once per child. Horizontal
       * and vertical runs on one line are merged first, so each pixel is drawn once. */
      cairo_path_t *path = cairo_copy_path (cr);
      g_autoptr (GArray) runs = g_array_new (FALSE, FALSE, sizeof (Run));
      double width = MAX (1.4 * f->scale, 0.6), last_x = 0, last_y = 0;
      gboolean hc = f->self->style.high_contrast;
      double red = hc ? 0.2 : 0.6, green = hc ? 0.2 : 0.59, blue = hc ? 0.2 : 0.58;

      for (int i = 0; i < path->num_data; i += path->data[i].header.length)
        {
          const cairo_path_data_t *d = &path->data[i];

          if (d->header.type == CAIRO_PATH_LINE_TO)
            {
              double x = d[1].point.x, y = d[1].point.y;

              if (y == last_y && x != last_x)
                g_array_append_val (runs, ((Run) { FALSE, y, MIN (x, last_x), MAX (x, last_x) }));
              else if (x == last_x && y != last_y)
                g_array_append_val (runs, ((Run) { TRUE, x, MIN (y, last_y), MAX (y, last_y) }));
              else
                cvn_raster_line (&raster, last_x, last_y, x, y, MIN (width, 3.0), red, green,
                                 blue, 1.0);
            }
          if (d->header.type == CAIRO_PATH_MOVE_TO || d->header.type == CAIRO_PATH_LINE_TO)
            {
              last_x = d[1].point.x;
              last_y = d[1].point.y;
            }
        }
      cairo_path_destroy (path);
      g_array_sort (runs, compare_runs);
      for (guint k = 0; k < runs->len;)
        {
          Run run = g_array_index (runs, Run, k++);

          /* Runs on the same line that touch or overlap become one. */
          while (k < runs->len)
            {
              const Run *next = &g_array_index (runs, Run, k);

              if (next->vertical != run.vertical || next->at != run.at || next->from > run.to)
                break;
              run.to = MAX (run.to, next->to);
              k++;
            }
          if (run.vertical)
            cvn_raster_line (&raster, run.at, run.from, run.at, run.to, MIN (width, 3.0), red,
                             green, blue, 1.0);
          else
            cvn_raster_line (&raster, run.from, run.at, run.to, run.at, MIN (width, 3.0), red,
                             green, blue, 1.0);
        }
      cvn_raster_end (&raster);
      cairo_new_path (cr);
      return;
    }
  cairo_stroke (cr);
}

static void
draw_structure_nodes (Frame *f)
{
  CvnRenderer *self = f->self;
  CvnLayout *layout = f->layout;
  GArray *visible = f->nodes;
  cairo_t *cr = f->cr;
  gboolean hc = self->style.high_contrast;
  double row_px = 20.0 * f->scale;
  gboolean text = self->style.show_labels && layout->font_size * f->scale >= 5.0;
  gboolean titles = f->titles;
  CvnRaster row_raster;

  /* Group boxes. */
  for (guint v = 0; v < visible->len; v++)
    {
      guint index = g_array_index (visible, guint, v);
      const CvnLayoutNode *node = &g_array_index (layout->nodes, CvnLayoutNode, index);
      double x = node->x - node->width / 2, y = node->y - node->height / 2;
      CvnColour c;

      if (node->shape != CVN_SHAPE_GROUP)
        continue;
      /* Boxes too small for a border and a title come after the others (see below):
       * a group's box is always larger than those of the groups inside it. */
      if (node->height * f->scale < 5)
        continue;
      node_colour (self, node, &c);
      rounded_rect (cr, x, y, node->width, node->height, 6);
      if (node->flags & CVN_NODE_PSEUDO)
        {
          double dash[2] = { 5, 3 };

          cairo_set_source_rgb (cr, 0.98, 0.98, 0.97);
          cairo_fill_preserve (cr);
          cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
          cairo_set_dash (cr, dash, 2, 0);
          cairo_set_line_width (cr, hc ? 2.0 : 1.2);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      else
        {
          cairo_set_source_rgb (cr, 1 - (1 - c.red) * 0.14, 1 - (1 - c.green) * 0.14,
                                1 - (1 - c.blue) * 0.14);
          cairo_fill_preserve (cr);
          set_source (cr, &c, 1.0);
          cairo_set_line_width (cr, hc ? 2.4 : 1.4);
          cairo_stroke (cr);
          cairo_rectangle (cr, x + 0.7, y + 6, 4, node->height - 12);
          cairo_fill (cr);
        }
      if (text)
        {
          text_colour (self, cr);
          cairo_move_to (cr, node->label_rect.x, node->label_rect.y);
          pango_cairo_show_layout (cr, node_text (self, index, node, 0));
        }
      else if (titles && !(node->flags & CVN_NODE_PSEUDO) && node->height * f->scale >= 11 &&
               node->label_rect.width * f->scale >= 36)
        {
          double px = CLAMP (node->height * f->scale * 0.42, 7.0, 11.0);
          g_autoptr (PangoLayout) title = new_text (self, node->label, px / f->scale, TRUE);
          int title_height;

          pango_layout_set_width (title, (int) (node->label_rect.width * PANGO_SCALE));
          pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
          pango_layout_get_size (title, NULL, &title_height);
          text_colour (self, cr);
          cairo_move_to (cr, node->label_rect.x,
                         node->y - title_height / (double) PANGO_SCALE / 2);
          pango_cairo_show_layout (cr, title);
        }
    }

  /* Boxes too small for a border and a title: blocks of the group's colour. A zoomed-out
   * borough has thousands; image targets get them written straight into the pixels. */
  {
    CvnRaster raster;
    gboolean fast = cvn_raster_begin (&raster, cr);

    for (guint v = 0; v < visible->len; v++)
      {
        const CvnLayoutNode *node = &g_array_index (layout->nodes, CvnLayoutNode,
                                                    g_array_index (visible, guint, v));
        double x = node->x - node->width / 2, y = node->y - node->height / 2;
        CvnColour c;

        if (node->shape != CVN_SHAPE_GROUP || node->height * f->scale >= 5)
          continue;
        node_colour (self, node, &c);
        if (fast)
          {
            cvn_raster_rect (&raster, x, y, node->width, node->height, c.red, c.green, c.blue,
                             0.8);
            continue;
          }
        cairo_rectangle (cr, x, y, node->width, node->height);
        set_source (cr, &c, 0.8);
        cairo_fill (cr);
      }
    if (fast)
      cvn_raster_end (&raster);
  }

  /* Rows of members: a marker and a name, or coloured bars when too small to read. */
  if (row_px < 6 && cvn_raster_begin (&row_raster, cr))
    {
      for (guint v = 0; v < visible->len; v++)
        {
          const CvnLayoutNode *node = &g_array_index (layout->nodes, CvnLayoutNode,
                                                      g_array_index (visible, guint, v));
          CvnColour c;

          if (!(node->flags & CVN_NODE_LEAF))
            continue;
          node_colour (self, node, &c);
          cvn_raster_rect (&row_raster, node->x - node->width / 2, node->y - node->height / 2,
                           node->width, node->height, c.red, c.green, c.blue,
                           hc ? 0.8 : 0.45);
        }
      cvn_raster_end (&row_raster);
    }
  else if (row_px < 6)
    {
      CvnColour colours[8];
      guint n_colours = 0;

      for (;;)
        {
          gboolean found = FALSE;
          CvnColour colour = { 0, 0, 0 };

          cairo_new_path (cr);
          for (guint v = 0; v < visible->len; v++)
            {
              const CvnLayoutNode *node = &g_array_index (layout->nodes, CvnLayoutNode,
                                                          g_array_index (visible, guint, v));
              CvnColour c;

              if (!(node->flags & CVN_NODE_LEAF))
                continue;
              node_colour (self, node, &c);
              if (!found)
                {
                  gboolean done_before = FALSE;

                  for (guint k = 0; k < n_colours; k++)
                    done_before |= memcmp (&colours[k], &c, sizeof c) == 0;
                  if (done_before)
                    continue;
                  colour = c;
                  found = TRUE;
                }
              else if (memcmp (&colour, &c, sizeof c) != 0)
                continue;
              cairo_rectangle (cr, node->x - node->width / 2, node->y - node->height / 2,
                               node->width, node->height);
            }
          if (!found || n_colours >= G_N_ELEMENTS (colours))
            break;
          colours[n_colours++] = colour;
          set_source (cr, &colour, hc ? 0.8 : 0.45);
          cairo_fill (cr);
        }
    }
  else
    {
      /* Image targets: the markers first, copies of marker images written into the
       * pixels (a path filled by cairo per row cost more than the row's text). */
      gboolean markers_done = cvn_raster_begin (&row_raster, cr);

      if (markers_done)
        {
          double density = row_raster.sx / f->scale;

          for (guint v = 0; v < visible->len; v++)
            {
              const CvnLayoutNode *node = &g_array_index (layout->nodes, CvnLayoutNode,
                                                          g_array_index (visible, guint, v));
              cairo_surface_t *sprite;
              CvnColour c;
              int half;

              if (!(node->flags & CVN_NODE_LEAF))
                continue;
              node_colour (self, node, &c);
              sprite = marker_sprite (self, node->shape, &c, 4.6 * f->scale * density, FALSE,
                                      &half);
              blit (&row_raster, sprite, half, node->x - node->width / 2 + 9, node->y);
            }
          cvn_raster_end (&row_raster);
        }
      for (guint v = 0; v < visible->len; v++)
        {
          guint index = g_array_index (visible, guint, v);
          const CvnLayoutNode *node = &g_array_index (layout->nodes, CvnLayoutNode, index);
          double left = node->x - node->width / 2;
          CvnColour c;

          if (!(node->flags & CVN_NODE_LEAF))
            continue;
          if (!markers_done)
            {
              node_colour (self, node, &c);
              cairo_new_path (cr);
              shape_path (cr, node->shape, left + 9, node->y, 4.6);
              set_source (cr, &c, 1.0);
              cairo_fill (cr);
            }
          if (node->flags & CVN_NODE_AT_RISK)
            {
              cairo_new_path (cr);
              cairo_arc (cr, left + 9, node->y, 7.4, 0, 2 * G_PI);
              cairo_set_source_rgb (cr, 0.75, 0.11, 0.16);
              cairo_set_line_width (cr, 1.6);
              cairo_stroke (cr);
            }
          if (text)
            {
              PangoLayout *label = node_text (self, index, node, 0);
              int label_height = node_text_height (self, index);

              text_colour (self, cr);
              cairo_move_to (cr, node->label_rect.x,
                             node->label_rect.y + (node->label_rect.height - label_height) / 2);
              pango_cairo_show_layout (cr, label);
            }
          if (node->flags & CVN_NODE_SYSTEM_LEADER)
            {
              cairo_new_path (cr);
              cairo_arc (cr, left + 14, node->y - 5, 2.6, 0, 2 * G_PI);
              cairo_set_source_rgb (cr, 0.96, 0.76, 0.07);
              cairo_fill_preserve (cr);
              cairo_set_source_rgb (cr, 0.4, 0.3, 0);
              cairo_set_line_width (cr, 0.6);
              cairo_stroke (cr);
            }
        }
    }

  /* Headings. */
  for (guint v = 0; v < visible->len; v++)
    {
      guint index = g_array_index (visible, guint, v);
      const CvnLayoutNode *node = &g_array_index (layout->nodes, CvnLayoutNode, index);

      if (node->shape != CVN_SHAPE_HEADING || !text)
        continue;
      text_colour (self, cr);
      cairo_move_to (cr, node->label_rect.x, node->label_rect.y);
      pango_cairo_show_layout (cr, node_text (self, index, node, 0));
    }
}

/* Lists beside the map (schools with no location). */
static void
draw_list_rows (Frame *f)
{
  CvnRenderer *self = f->self;
  CvnLayout *layout = f->layout;
  GArray *visible = f->nodes;
  cairo_t *cr = f->cr;
  gboolean text = self->style.show_labels && 12.0 * f->scale >= 5.0;

  for (guint v = 0; v < visible->len; v++)
    {
      guint index = g_array_index (visible, guint, v);
      const CvnLayoutNode *node = &g_array_index (layout->nodes, CvnLayoutNode, index);
      CvnColour c;

      if (node->shape == CVN_SHAPE_HEADING)
        {
          if (text)
            {
              text_colour (self, cr);
              cairo_move_to (cr, node->label_rect.x, node->label_rect.y);
              pango_cairo_show_layout (cr, node_text (self, index, node, 0));
            }
          continue;
        }
      if (!(node->flags & CVN_NODE_UNPLACED))
        continue;
      node_colour (self, node, &c);
      cairo_new_path (cr);
      shape_path (cr, node->shape, node->label_rect.x - 8, node->y, 4.5);
      set_source (cr, &c, 1.0);
      cairo_fill (cr);
      if (text)
        {
          PangoLayout *label = node_text (self, index, node, 0);
          int label_height = node_text_height (self, index);

          text_colour (self, cr);
          cairo_move_to (cr, node->label_rect.x,
                         node->label_rect.y + (node->label_rect.height - label_height) / 2);
          pango_cairo_show_layout (cr, label);
        }
    }
}

/* Selection: a ring around each selected node, a heavier outline for a selected group's
 * hull. */
static void
draw_selection (Frame *f)
{
  CvnLayout *layout = f->layout;
  cairo_t *cr = f->cr;
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, f->selected);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint index = GPOINTER_TO_UINT (key) - 1;
      const CvnLayoutNode *node = &g_array_index (layout->nodes, CvnLayoutNode, index);

      cairo_new_path (cr);
      if (layout->view == CVN_VIEW_STRUCTURE || (node->flags & CVN_NODE_UNPLACED))
        rounded_rect (cr, node->x - node->width / 2 - 3, node->y - node->height / 2 - 3,
                      node->width + 6, node->height + 6, 8);
      else
        cairo_arc (cr, node->x, node->y, marker_radius (node) + 4 / f->scale + 2, 0, 2 * G_PI);
      if (node->kind == CVN_OBJECT_GROUP && layout->view != CVN_VIEW_STRUCTURE)
        for (guint h = 0; h < layout->hulls->len; h++)
          {
            const CvnLayoutHull *hull = &g_array_index (layout->hulls, CvnLayoutHull, h);

            if (hull->group == index)
              hull_path (f, hull);
          }
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 1.0);
      cairo_set_line_width (cr, 3.0 / f->scale);
      cairo_stroke (cr);
    }
}

/* Device-space furniture: the legend and the scale bar. */

static double
legend_px (CvnRenderer *self)
{
  return LEGEND_PX * (self->style.large_type ? 1.4 : 1.0);
}

static double
legend_width (CvnRenderer *self)
{
  double size = legend_px (self), widest = estimate_width (self, _("Legend"), size, TRUE);

  for (guint i = 0; i < self->legend->len; i++)
    widest = MAX (widest, estimate_width (self, g_array_index (self->legend, LegendEntry,
                                                               i).label, size, FALSE));
  if (self->legend_has_people)
    widest = MAX (widest, estimate_width (self, _("Person"), size, FALSE));
  if (self->legend_has_leaders)
    widest = MAX (widest, estimate_width (self, _("System leader"), size, FALSE));
  if (self->legend_has_risk)
    widest = MAX (widest, estimate_width (self, _("Risk category"), size, FALSE));
  return widest + size * 3.6;
}

static void
legend_text (CvnRenderer *self,
             cairo_t     *cr,
             const char  *text,
             double       x,
             double       y,
             double       size,
             gboolean     bold)
{
  g_autoptr (PangoLayout) layout = new_text (self, text, size, bold);

  text_colour (self, cr);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static double
legend_height (CvnRenderer *self)
{
  double size = legend_px (self);
  guint rows = self->legend->len + 1 + (self->legend_has_people ? 1 : 0) +
               (self->legend_has_leaders ? 1 : 0) + (self->legend_has_risk ? 1 : 0);

  return rows * size * 1.6 + size * 0.8;
}

/* Paints the legend with its top-left corner at (@x, @y) of @cr's user space. */
static void
paint_legend (CvnRenderer *self,
              cairo_t     *cr,
              double       x,
              double       y)
{
  double size = legend_px (self), line = size * 1.6;
  double width = legend_width (self), height = legend_height (self), row_y;
  gboolean hc = self->style.high_contrast;

  rounded_rect (cr, x, y, width, height, 6);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.94);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, hc ? 0.9 : 0.25);
  cairo_set_line_width (cr, hc ? 1.5 : 1.0);
  cairo_stroke (cr);

  legend_text (self, cr, _("Legend"), x + size * 0.7, y + size * 0.4, size, TRUE);
  row_y = y + size * 0.4 + line;
  for (guint i = 0; i < self->legend->len; i++, row_y += line)
    {
      const LegendEntry *entry = &g_array_index (self->legend, LegendEntry, i);
      double sx = x + size * 0.7, sy = row_y + size * 0.1, s = size * 1.1;

      cairo_new_path (cr);
      if (entry->is_group)
        {
          guint n = entry->n_more + 1;

          /* One stripe per colour the kind's groups use. */
          for (guint k = 0; k < n; k++)
            {
              const CvnColour *c = k == 0 ? &entry->colour : &entry->more[k - 1];

              cairo_rectangle (cr, sx + k * s * 1.3 / n, sy, s * 1.3 / n, s);
              set_source (cr, c, self->layout->view == CVN_VIEW_STRUCTURE ? 0.25 : 0.3);
              cairo_fill (cr);
            }
          rounded_rect (cr, sx, sy, s * 1.3, s, 3);
          set_source (cr, &entry->colour, 1.0);
          cairo_set_line_width (cr, hc ? 2 : 1.3);
          cairo_stroke (cr);
        }
      else
        {
          shape_path (cr, entry->shape, sx + s * 0.65, sy + s * 0.5, s * 0.38);
          set_source (cr, &entry->colour, 1.0);
          cairo_fill (cr);
        }
      legend_text (self, cr, entry->label, sx + s * 1.3 + size * 0.6, row_y, size, FALSE);
    }
  if (self->legend_has_people)
    {
      double sx = x + size * 0.7 + size * 0.72, sy = row_y + size * 0.65;

      cairo_new_path (cr);
      shape_path (cr, CVN_SHAPE_PERSON, sx, sy - size * 0.1, size * 0.4);
      cairo_set_source_rgb (cr, 0.37, 0.37, 0.37);
      cairo_fill (cr);
      legend_text (self, cr, _("Person"), x + size * 2.73, row_y, size, FALSE);
      row_y += line;
    }
  if (self->legend_has_leaders)
    {
      cairo_new_path (cr);
      cairo_arc (cr, x + size * 1.42, row_y + size * 0.65, size * 0.3, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 0.96, 0.76, 0.07);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.4, 0.3, 0);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      legend_text (self, cr, _("System leader"), x + size * 2.73, row_y, size, FALSE);
      row_y += line;
    }
  if (self->legend_has_risk)
    {
      cairo_new_path (cr);
      cairo_arc (cr, x + size * 1.42, row_y + size * 0.65, size * 0.42, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 0.75, 0.11, 0.16);
      cairo_set_line_width (cr, 1.8);
      cairo_stroke (cr);
      legend_text (self, cr, _("Risk category"), x + size * 2.73, row_y, size, FALSE);
    }
}

/* The legend in the top-right corner of the frame; @area is where it went. Image targets
 * get a copy of an image of it made once: it is a dozen shaped texts, every frame. */
static void
draw_legend (Frame   *f,
             CvnRect *area)
{
  CvnRenderer *self = f->self;
  double width = legend_width (self), height = legend_height (self);
  double x = floor (f->device_width - width - MARGIN_PX / 2), y = MARGIN_PX / 2;
  CvnRaster raster;

  *area = (CvnRect) { x, y, width, height };
  if (!cvn_raster_begin (&raster, f->cr))
    {
      paint_legend (self, f->cr, x, y);
      return;
    }
  if (self->legend_image == NULL || self->legend_density != raster.density)
    {
      cairo_t *cr;

      g_clear_pointer (&self->legend_image, cairo_surface_destroy);
      self->legend_density = raster.density;
      self->legend_image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                       (int) ceil ((width + 4) * raster.density),
                                                       (int) ceil ((height + 4) * raster.density));
      cairo_surface_set_device_scale (self->legend_image, raster.density, raster.density);
      cr = cairo_create (self->legend_image);
      paint_legend (self, cr, 2, 2);
      cairo_destroy (cr);
      cairo_surface_flush (self->legend_image);
    }
  cvn_raster_image (&raster, self->legend_image,
                    (int) floor ((x - 2) * raster.sx + raster.tx + 0.5),
                    (int) floor ((y - 2) * raster.sy + raster.ty + 0.5));
  cvn_raster_end (&raster);
}

void
cvn_renderer_get_legend_size (CvnRenderer *self,
                              double      *width,
                              double      *height)
{
  double size, rows;

  g_return_if_fail (CVN_IS_RENDERER (self));

  if (self->layout == NULL || !self->style.show_legend || self->legend->len == 0)
    {
      *width = *height = 0;
      return;
    }
  size = legend_px (self);
  rows = self->legend->len + 1 + (self->legend_has_people ? 1 : 0) +
         (self->legend_has_leaders ? 1 : 0) + (self->legend_has_risk ? 1 : 0);
  /* As draw_legend places it: half a margin from the corner, and half a margin clear. */
  *width = legend_width (self) + MARGIN_PX;
  *height = rows * size * 1.6 + size * 0.8 + MARGIN_PX;
}

static void
draw_scale_bar (Frame   *f,
                CvnRect *area)
{
  CvnRenderer *self = f->self;
  cairo_t *cr = f->cr;
  double metres_per_px = f->layout->metres_per_unit / f->scale;
  double target = metres_per_px * 140, step = pow (10, floor (log10 (target))), metres, px;
  double x = MARGIN_PX, y = f->device_height - MARGIN_PX, size = legend_px (self);
  g_autofree char *label = NULL;

  if (target <= 0 || !isfinite (target))
    return;
  metres = target >= 5 * step ? 5 * step : target >= 2 * step ? 2 * step : step;
  px = metres / metres_per_px;
  label = metres >= 1000 ? g_strdup_printf (_("%g km"), metres / 1000)
                         : g_strdup_printf (_("%g m"), metres);

  *area = (CvnRect) { x - 6, y - size * 2.6, px + 12, size * 3.0 };
  rounded_rect (cr, area->x, area->y, area->width, area->height, 4);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
  cairo_fill (cr);
  cairo_rectangle (cr, x, y - 6, px / 2, 4);
  cairo_set_source_rgb (cr, 0.14, 0.12, 0.19);
  cairo_fill (cr);
  cairo_rectangle (cr, x + 0.5, y - 5.5, px - 1, 3);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  legend_text (self, cr, label, x, y - 8 - size * 1.35, size, FALSE);
}

/* Sets up a frame for @viewport: what is visible (the viewport and a margin, since nodes
 * just outside may reach into it with a badge or an outline), and the nodes there. */
static void
frame_init_full (Frame             *f,
                 CvnRenderer       *self,
                 cairo_t           *cr,
                 const CvnViewport *viewport,
                 GHashTable        *selected,
                 gboolean           gather)
{
  double margin = 16 / viewport->scale + 2 * CVN_GROUP_RADIUS;

  memset (f, 0, sizeof *f);
  f->self = self;
  f->layout = self->layout;
  f->cr = cr;
  f->viewport = viewport;
  f->scale = viewport->scale;
  f->selected = selected;
  f->device_width = viewport->width * viewport->scale;
  f->device_height = viewport->height * viewport->scale;
  cairo_get_matrix (cr, &f->device);
  f->visible = (CvnRect) { viewport->x - margin, viewport->y - margin,
                           viewport->width + 2 * margin, viewport->height + 2 * margin };
  f->cull = f->visible;
  f->nodes = self->visible;
  if (gather)
    cvn_layout_collect_in_rect (self->layout, &f->visible, self->visible);
}

/* Structure: zoomed out past the boxes' own text, a few hundred boxes on screen still have
 * room for their names in a smaller, legible size, so an overview says what it shows.
 * Decided for the whole viewport, so that every strip of it agrees. */
static gboolean
structure_titles (CvnRenderer       *self,
                  const CvnViewport *viewport)
{
  double margin = 16 / viewport->scale + 2 * CVN_GROUP_RADIUS;
  CvnRect rect = { viewport->x - margin, viewport->y - margin,
                   viewport->width + 2 * margin, viewport->height + 2 * margin };
  guint n_boxes = 0;

  if (self->layout->view != CVN_VIEW_STRUCTURE || !self->style.show_labels ||
      self->layout->font_size * viewport->scale >= 5.0)
    return FALSE;
  cvn_layout_collect_in_rect (self->layout, &rect, self->strip_nodes);
  for (guint v = 0; v < self->strip_nodes->len && n_boxes <= MAX_TITLES; v++)
    n_boxes += g_array_index (self->layout->nodes, CvnLayoutNode,
                              g_array_index (self->strip_nodes, guint, v)).shape ==
               CVN_SHAPE_GROUP;
  return n_boxes <= MAX_TITLES;
}

static void
frame_init (Frame             *f,
            CvnRenderer       *self,
            cairo_t           *cr,
            const CvnViewport *viewport,
            GHashTable        *selected)
{
  frame_init_full (f, self, cr, viewport, selected, TRUE);
  f->titles = structure_titles (self, viewport);
}

/* Narrows a frame to the device rectangle @area, for drawing a strip of the ground: only
 * what meets it is visited. What is visible (which edges show, for instance) is still
 * decided for the whole viewport, so the strip matches a whole drawing pixel for pixel. */
static void
frame_cull (Frame                       *f,
            const cairo_rectangle_int_t *area)
{
  double margin = 16 / f->scale + 2 * CVN_GROUP_RADIUS;

  f->cull = (CvnRect) { f->viewport->x + area->x / f->scale - margin,
                        f->viewport->y + area->y / f->scale - margin,
                        area->width / f->scale + 2 * margin,
                        area->height / f->scale + 2 * margin };
  cvn_layout_collect_in_rect (f->layout, &f->cull, f->self->strip_nodes);
  f->nodes = f->self->strip_nodes;
}

/* The ground: the white page, hulls, edges, connectors, boxes and markers. It depends on
 * the layout, the style and the scale, and not on the selection or the labels' places, so
 * image targets keep it between frames (see cvn_renderer_draw). */
static void
draw_ground (Frame *f)
{
  CvnRenderer *self = f->self;
  cairo_t *cr = f->cr;

  cairo_save (cr);
  if (self->style.paint_background)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
    }
  cairo_scale (cr, f->scale, f->scale);
  cairo_translate (cr, -f->viewport->x, -f->viewport->y);
  switch (self->layout->view)
    {
    case CVN_VIEW_STRUCTURE:
      draw_connectors (f);
      draw_structure_nodes (f);
      break;
    case CVN_VIEW_GRAPH:
    case CVN_VIEW_MAP:
      draw_hulls (f);
      if (self->layout->view == CVN_VIEW_GRAPH)
        draw_graph_edges (f);
      draw_markers (f);
      draw_list_rows (f);
      break;
    default:
      g_assert_not_reached ();
    }
  cairo_restore (cr);
}

/* Whether draw_furniture() looks at the nodes in view: only floating labels do. */
static gboolean
furniture_needs_nodes (CvnRenderer *self)
{
  return self->style.show_labels && self->layout->view != CVN_VIEW_STRUCTURE;
}

/* What goes over the ground in every frame: the legend, the scale bar and the floating
 * labels, whose places depend on the viewport. */
static void
draw_furniture (Frame *f)
{
  CvnRenderer *self = f->self;
  cairo_t *cr = f->cr;
  CvnRect legend_area = { 0, 0, 0, 0 }, scale_area = { 0, 0, 0, 0 };

  g_array_set_size (self->drawn_rects, 0);
  g_array_set_size (self->drawn_nodes, 0);
  cairo_save (cr);
  if (self->style.show_legend && self->legend->len > 0)
    draw_legend (f, &legend_area);
  if (self->layout->view == CVN_VIEW_MAP && self->layout->metres_per_unit > 0)
    draw_scale_bar (f, &scale_area);

  /* Floating labels last, kept clear of the legend and scale bar. */
  if (self->style.show_labels && self->layout->view != CVN_VIEW_STRUCTURE)
    {
      f->cell_columns = (int) (f->device_width / OCCUPANCY_CELL) + 1;
      f->cell_rows = (int) (f->device_height / OCCUPANCY_CELL) + 1;
      f->cells = g_new0 (GArray *, (gsize) f->cell_columns * f->cell_rows);
      f->occupied = g_array_new (FALSE, FALSE, sizeof (CvnRect));
      if (legend_area.width > 0)
        occupy (f, &legend_area);
      if (scale_area.width > 0)
        occupy (f, &scale_area);
      /* Keep labels off the list of schools with no location beside the map. */
      for (guint v = 0; v < self->visible->len; v++)
        {
          const CvnLayoutNode *node = &g_array_index (self->layout->nodes, CvnLayoutNode,
                                                      g_array_index (self->visible, guint, v));
          CvnRect rect;

          if (!(node->flags & CVN_NODE_UNPLACED) && node->shape != CVN_SHAPE_HEADING)
            continue;
          rect.x = (node->x - node->width / 2 - f->viewport->x) * f->scale - 12;
          rect.y = (node->y - node->height / 2 - f->viewport->y) * f->scale;
          rect.width = node->width * f->scale + 12;
          rect.height = node->height * f->scale;
          occupy (f, &rect);
        }
      cairo_scale (cr, f->scale, f->scale);
      cairo_translate (cr, -f->viewport->x, -f->viewport->y);
      draw_floating_labels (f);
      for (int c = 0; c < f->cell_columns * f->cell_rows; c++)
        if (f->cells[c] != NULL)
          g_array_unref (f->cells[c]);
      g_clear_pointer (&f->cells, g_free);
      g_clear_pointer (&f->occupied, g_array_unref);
    }
  cairo_restore (cr);
}

/* The selection, over a scene drawn before: rings, outlines, and the memberships of
 * selected nodes that reach across the drawing. */
static void
draw_selection_overlay (CvnRenderer       *self,
                        cairo_t           *cr,
                        const CvnViewport *viewport,
                        GHashTable        *selected)
{
  CvnLayout *layout = self->layout;
  Frame f;

  if (g_hash_table_size (selected) == 0)
    return;
  cairo_save (cr);
  /* The nodes in view were gathered for the frame under it. */
  frame_init_full (&f, self, cr, viewport, selected, FALSE);
  cairo_scale (cr, f.scale, f.scale);
  cairo_translate (cr, -viewport->x, -viewport->y);
  if (layout->view == CVN_VIEW_GRAPH)
    {
      cairo_new_path (cr);
      for (guint e = 0; e < layout->edges->len; e++)
        {
          const CvnLayoutEdge *edge = &g_array_index (layout->edges, CvnLayoutEdge, e);
          const CvnLayoutNode *a = &g_array_index (layout->nodes, CvnLayoutNode, edge->source);
          const CvnLayoutNode *b = &g_array_index (layout->nodes, CvnLayoutNode, edge->target);

          if (edge->kind == CVN_EDGE_TREE || !edge_selected (&f, edge) ||
              !segment_visible (&f, a->x, a->y, b->x, b->y))
            continue;
          cairo_move_to (cr, a->x, a->y);
          cairo_line_to (cr, b->x, b->y);
        }
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.7);
      cairo_set_line_width (cr, 1.5 / f.scale);
      cairo_stroke (cr);
    }
  draw_selection (&f);
  cairo_restore (cr);
}

/* Draws the part @area (in pixels) of the ground for a viewport whose top-left corner is
 * at pixel (@ox, @oy) of the layout at this scale. */
static void
draw_ground_area (CvnRenderer                 *self,
                  const CvnViewport           *viewport,
                  int                          ox,
                  int                          oy,
                  const cairo_rectangle_int_t *area)
{
  g_autoptr (GHashTable) none = g_hash_table_new (g_direct_hash, g_direct_equal);
  GroundKey *k = &self->ground_key;
  CvnViewport snapped = *viewport;
  cairo_rectangle_int_t user_area;
  cairo_t *cr = cairo_create (self->ground);
  gboolean whole;
  Frame f;

  /* The ground is drawn at whole pixels of the layout (at most half a pixel from the
   * viewport asked for), so that a scrolled ground and a new strip meet exactly. */
  snapped.x = ox / (viewport->scale * k->ds_x);
  snapped.y = oy / (viewport->scale * k->ds_y);
  cairo_rectangle (cr, area->x / k->ds_x, area->y / k->ds_y, area->width / k->ds_x,
                   area->height / k->ds_y);
  cairo_clip (cr);
  if (!self->style.paint_background)
    {
      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
    }
  /* A strip visits only the nodes that meet it. */
  whole = area->width >= k->width && area->height >= k->height;
  frame_init_full (&f, self, cr, &snapped, none, whole);
  f.titles = k->titles;
  if (!whole)
    {
      user_area.x = (int) floor (area->x / k->ds_x);
      user_area.y = (int) floor (area->y / k->ds_y);
      user_area.width = (int) ceil (area->width / k->ds_x) + 1;
      user_area.height = (int) ceil (area->height / k->ds_y) + 1;
      frame_cull (&f, &user_area);
    }
  draw_ground (&f);
  cairo_destroy (cr);
}

/* Moves the ground's pixels by (@dx, @dy) whole pixels: the content at pixel p of the
 * image goes to p - (dx, dy). */
static void
scroll_ground (CvnRenderer *self,
               int          dx,
               int          dy)
{
  guint8 *data;
  int stride, width = self->ground_key.width, height = self->ground_key.height;
  int columns = width - ABS (dx);

  cairo_surface_flush (self->ground);
  data = cairo_image_surface_get_data (self->ground);
  stride = cairo_image_surface_get_stride (self->ground);
  for (int k = 0; k < height - ABS (dy); k++)
    {
      int row = dy >= 0 ? k : height - 1 - k;
      guint8 *to = data + (gsize) row * stride + (gsize) MAX (0, -dx) * 4;
      const guint8 *from = data + (gsize) (row + dy) * stride + (gsize) MAX (0, dx) * 4;

      memmove (to, from, (gsize) columns * 4);
    }
  cairo_surface_mark_dirty (self->ground);
}

/* A node moved (a drag) since the ground was drawn: the ground is drawn again only where
 * the layout says it changed, widened by what is drawn at a fixed size in pixels around
 * the nodes (markers' least size, badges, outlines), and is then the ground of the new
 * generation. */
#define DAMAGE_MARGIN_PX 16

static void
patch_ground (CvnRenderer       *self,
              const CvnViewport *viewport,
              const GroundKey   *key)
{
  GroundKey before = *key;
  CvnRect damage;
  cairo_rectangle_int_t area;
  double sx = viewport->scale * key->ds_x, sy = viewport->scale * key->ds_y;
  double margin_x = ceil (DAMAGE_MARGIN_PX * key->ds_x);
  double margin_y = ceil (DAMAGE_MARGIN_PX * key->ds_y);
  int x1, y1;

  before.generation = self->ground_key.generation;
  if (!self->ground_valid || key->generation == self->ground_key.generation ||
      memcmp (&before, &self->ground_key, sizeof before) != 0 ||
      !cvn_layout_get_damage (self->layout, self->ground_key.generation, &damage))
    return;
  self->ground_key.generation = key->generation;
  /* Clamped before conversion: a layout far off screen could overflow an int. */
  area.x = MAX (0, (int) CLAMP (floor (damage.x * sx) - self->ground_ox - margin_x, -1e9, 1e9));
  area.y = MAX (0, (int) CLAMP (floor (damage.y * sy) - self->ground_oy - margin_y, -1e9, 1e9));
  x1 = MIN (key->width, (int) CLAMP (ceil ((damage.x + damage.width) * sx) - self->ground_ox +
                                     margin_x, -1e9, 1e9));
  y1 = MIN (key->height, (int) CLAMP (ceil ((damage.y + damage.height) * sy) - self->ground_oy +
                                      margin_y, -1e9, 1e9));
  if (x1 <= area.x || y1 <= area.y)
    return;
  area.width = x1 - area.x;
  area.height = y1 - area.y;
  draw_ground_area (self, viewport, self->ground_ox, self->ground_oy, &area);
}

/* Keeps the current ground as the newest spare, the oldest making way, and returns the
 * oldest one's image (or NULL) for the caller to reuse as the ground's or to free. */
static cairo_surface_t *
keep_ground (CvnRenderer *self)
{
  Ground current = { self->ground, TRUE, self->ground_key, self->ground_ox, self->ground_oy };
  cairo_surface_t *oldest = self->spares[N_SPARE_GROUNDS - 1].surface;

  memmove (&self->spares[1], &self->spares[0], (N_SPARE_GROUNDS - 1) * sizeof (Ground));
  self->spares[0] = current;
  return oldest;
}

/* Brings the ground up to date for @viewport: scrolled and patched when only the position
 * changed by less than a screen, drawn anew otherwise. */
static void
update_ground (CvnRenderer       *self,
               const CvnViewport *viewport,
               double             ds_x,
               double             ds_y,
               int                width,
               int                height)
{
  GroundKey key;
  int ox = (int) floor (viewport->x * viewport->scale * ds_x + 0.5);
  int oy = (int) floor (viewport->y * viewport->scale * ds_y + 0.5);
  int dx = ox - self->ground_ox, dy = oy - self->ground_oy;

  memset (&key, 0, sizeof key);
  key.scale = viewport->scale;
  key.ds_x = ds_x;
  key.ds_y = ds_y;
  key.width = width;
  key.height = height;
  key.generation = self->layout->generation;
  key.titles = structure_titles (self, viewport);
  patch_ground (self, viewport, &key);
  /* A ground of this scale kept from before takes the current one's place. */
  if (!self->ground_valid || memcmp (&key, &self->ground_key, sizeof key) != 0)
    for (guint i = 0; i < N_SPARE_GROUNDS; i++)
      {
        Ground *spare = &self->spares[i];

        if (spare->valid && memcmp (&key, &spare->key, sizeof key) == 0 &&
            ABS (ox - spare->ox) < width / 2 && ABS (oy - spare->oy) < height / 2)
          {
            Ground current = { self->ground, self->ground_valid, self->ground_key,
                               self->ground_ox, self->ground_oy };

            self->ground = spare->surface;
            self->ground_valid = TRUE;
            self->ground_key = spare->key;
            self->ground_ox = spare->ox;
            self->ground_oy = spare->oy;
            *spare = current;
            dx = ox - self->ground_ox;
            dy = oy - self->ground_oy;
            break;
          }
      }
  /* Structure boxes are named or not by how many are in view: when that changes, the
   * strips would disagree with the rest, so all is drawn anew. */
  if (self->ground_valid && memcmp (&key, &self->ground_key, sizeof key) == 0 &&
      ABS (dx) < width / 2 && ABS (dy) < height / 2)
    {
      cairo_rectangle_int_t strip;

      if (dx == 0 && dy == 0)
        return;
      scroll_ground (self, dx, dy);
      self->ground_ox = ox;
      self->ground_oy = oy;
      /* Rows that came into view, then columns. */
      if (dy != 0)
        {
          strip = (cairo_rectangle_int_t) { 0, dy > 0 ? height - dy : 0, width, ABS (dy) };
          draw_ground_area (self, viewport, ox, oy, &strip);
        }
      if (dx != 0)
        {
          strip = (cairo_rectangle_int_t) { dx > 0 ? width - dx : 0, dy > 0 ? 0 : -dy,
                                            ABS (dx), height - ABS (dy) };
          draw_ground_area (self, viewport, ox, oy, &strip);
        }
      return;
    }

  /* A ground of another scale is kept; the oldest kept one's image is reused. */
  if (self->ground_valid && self->ground_key.scale != key.scale)
    self->ground = keep_ground (self);
  if (self->ground == NULL || cairo_image_surface_get_width (self->ground) != width ||
      cairo_image_surface_get_height (self->ground) != height)
    {
      g_clear_pointer (&self->ground, cairo_surface_destroy);
      self->ground = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
    }
  cairo_surface_set_device_scale (self->ground, ds_x, ds_y);
  self->ground_valid = TRUE;
  self->ground_key = key;
  self->ground_ox = ox;
  self->ground_oy = oy;
  draw_ground_area (self, viewport, ox, oy,
                    &(cairo_rectangle_int_t) { 0, 0, width, height });
}

/* The width and height in pixels of a frame of @viewport on a target of @ds_x, @ds_y
 * pixels per device unit. */
static void
frame_pixels (const CvnViewport *viewport,
              double             ds_x,
              double             ds_y,
              int               *width,
              int               *height)
{
  *width = (int) ceil (viewport->width * viewport->scale * ds_x - 0.01);
  *height = (int) ceil (viewport->height * viewport->scale * ds_y - 0.01);
}

void
cvn_renderer_prepare_ground (CvnRenderer       *self,
                             const CvnViewport *viewport,
                             double             device_scale)
{
  int width, height;

  g_return_if_fail (CVN_IS_RENDERER (self));
  g_return_if_fail (viewport != NULL && viewport->scale > 0 && device_scale > 0);

  frame_pixels (viewport, device_scale, device_scale, &width, &height);
  if (self->layout == NULL || width <= 0 || height <= 0 ||
      (gsize) width * height > 16 * 1024 * 1024)
    return;
  update_ground (self, viewport, device_scale, device_scale, width, height);
}

gboolean
cvn_renderer_take_ground (CvnRenderer *self,
                          CvnRenderer *from)
{
  g_return_val_if_fail (CVN_IS_RENDERER (self), FALSE);
  g_return_val_if_fail (CVN_IS_RENDERER (from), FALSE);

  if (!from->ground_valid || from->layout == NULL || from->layout != self->layout ||
      memcmp (&from->style, &self->style, sizeof self->style) != 0)
    return FALSE;
  /* The current ground is kept, as when the scale changes here. */
  if (self->ground_valid && self->ground_key.scale != from->ground_key.scale)
    self->ground = keep_ground (self);
  g_clear_pointer (&self->ground, cairo_surface_destroy);
  self->ground = g_steal_pointer (&from->ground);
  self->ground_valid = TRUE;
  self->ground_key = from->ground_key;
  self->ground_ox = from->ground_ox;
  self->ground_oy = from->ground_oy;
  from->ground_valid = FALSE;
  return TRUE;
}

void
cvn_renderer_draw (CvnRenderer        *self,
                   cairo_t            *cr,
                   const CvnViewport  *viewport,
                   const CvnObjectRef *selection,
                   guint               n_selection)
{
  g_autoptr (GHashTable) selected = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr (GHashTable) none = g_hash_table_new (g_direct_hash, g_direct_equal);
  cairo_matrix_t device;
  double ds_x = 1, ds_y = 1;
  int width, height;
  CacheKey key;

  g_return_if_fail (CVN_IS_RENDERER (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (viewport != NULL && viewport->scale > 0);

  if (self->layout == NULL)
    {
      if (self->style.paint_background)
        {
          cairo_save (cr);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_paint (cr);
          cairo_restore (cr);
        }
      return;
    }
  for (guint i = 0; i < n_selection; i++)
    {
      int index = cvn_layout_find_node (self->layout, selection[i].kind, selection[i].id);

      if (index >= 0)
        g_hash_table_add (selected, GUINT_TO_POINTER ((guint) index + 1));
    }

  /* Image targets keep two images: the ground (see draw_ground), kept while only the
   * viewport's position changes, and the scene (the ground with the labels and legend),
   * kept while only the selection changes. A frame that repeats (hover, a toast, a redraw
   * of the window) copies the scene; a pan scrolls the ground and draws only the strips
   * that came into view; a dragged node has the ground drawn again only where the layout
   * changed (see patch_ground). Only a new scale, layout or style draws all.
   * Vector targets, transformed ones and huge ones get the drawing as it is. */
  cairo_get_matrix (cr, &device);
  cairo_surface_get_device_scale (cairo_get_target (cr), &ds_x, &ds_y);
  frame_pixels (viewport, ds_x, ds_y, &width, &height);
  if (!can_blit (cr) || device.xx != 1 || device.yy != 1 || width <= 0 || height <= 0 ||
      (gsize) width * height > 16 * 1024 * 1024)
    {
      Frame f;

      frame_init (&f, self, cr, viewport, none);
      draw_ground (&f);
      draw_furniture (&f);
      draw_selection_overlay (self, cr, viewport, selected);
      return;
    }
  memset (&key, 0, sizeof key);
  key.viewport = *viewport;
  key.ds_x = ds_x;
  key.ds_y = ds_y;
  key.generation = self->layout->generation;
  if (!(self->scene_valid && memcmp (&key, &self->scene_key, sizeof key) == 0) &&
      !(self->last_key_valid && memcmp (&key, &self->last_key, sizeof key) == 0))
    {
      Frame f;

      /* A new viewport (a pan, a zoom) is drawn straight onto the target; only a frame
       * that repeats one (a new selection over the same view) keeps a scene for the next. */
      update_ground (self, viewport, ds_x, ds_y, width, height);
      cairo_save (cr);
      /* A ground on a white page is opaque: copying it is cheaper than compositing. */
      if (self->style.paint_background)
        cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
      cairo_set_source_surface (cr, self->ground, 0, 0);
      cairo_rectangle (cr, 0, 0, width / ds_x, height / ds_y);
      cairo_fill (cr);
      cairo_restore (cr);
      frame_init_full (&f, self, cr, viewport, none, furniture_needs_nodes (self));
      draw_furniture (&f);
      self->last_key = key;
      self->last_key_valid = TRUE;
      self->scene_valid = FALSE;
      draw_selection_overlay (self, cr, viewport, selected);
      return;
    }
  if (!self->scene_valid || memcmp (&key, &self->scene_key, sizeof key) != 0)
    {
      cairo_t *scene_cr;
      Frame f;

      update_ground (self, viewport, ds_x, ds_y, width, height);
      if (self->scene == NULL || cairo_image_surface_get_width (self->scene) != width ||
          cairo_image_surface_get_height (self->scene) != height)
        {
          g_clear_pointer (&self->scene, cairo_surface_destroy);
          self->scene = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
        }
      cairo_surface_set_device_scale (self->scene, ds_x, ds_y);
      scene_cr = cairo_create (self->scene);
      cairo_set_operator (scene_cr, CAIRO_OPERATOR_SOURCE);
      cairo_set_source_surface (scene_cr, self->ground, 0, 0);
      cairo_paint (scene_cr);
      cairo_set_operator (scene_cr, CAIRO_OPERATOR_OVER);
      frame_init_full (&f, self, scene_cr, viewport, none, furniture_needs_nodes (self));
      draw_furniture (&f);
      cairo_destroy (scene_cr);
      memcpy (&self->scene_key, &key, sizeof key);
      self->scene_valid = TRUE;
    }
  cairo_save (cr);
  if (self->style.paint_background)
    cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_surface (cr, self->scene, 0, 0);
  cairo_rectangle (cr, 0, 0, width / ds_x, height / ds_y);
  cairo_fill (cr);
  cairo_restore (cr);
  draw_selection_overlay (self, cr, viewport, selected);
}

void
cvn_renderer_invalidate (CvnRenderer *self)
{
  g_return_if_fail (CVN_IS_RENDERER (self));

  self->scene_valid = self->ground_valid = self->last_key_valid = FALSE;
  for (guint i = 0; i < N_SPARE_GROUNDS; i++)
    self->spares[i].valid = FALSE;
}

void
cvn_renderer_get_drawn_labels (CvnRenderer  *self,
                               GArray      **rects,
                               GArray      **nodes)
{
  g_return_if_fail (CVN_IS_RENDERER (self));

  if (rects != NULL)
    *rects = self->drawn_rects;
  if (nodes != NULL)
    *nodes = self->drawn_nodes;
}

gboolean
cvn_render_to_png (CvnLayout            *layout,
                   const CvnRenderStyle *style,
                   int                   width,
                   int                   height,
                   const char           *path,
                   GError              **error)
{
  g_autoptr (CvnRenderer) renderer = cvn_renderer_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  CvnViewport viewport;
  cairo_status_t status;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cvn_renderer_set_layout (renderer, layout);
  if (style != NULL)
    cvn_renderer_set_style (renderer, style);
  cvn_renderer_fit (renderer, width, height, &viewport);
  cvn_renderer_draw (renderer, cr, &viewport, NULL, 0);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
