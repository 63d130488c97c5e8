/* cvn-layout.c — what the three views share: filtering, nodes, hulls, saved positions and
 * the spatial index used for hit testing and culling.
 *
 * The views themselves live in cvn-layout-structure.c (a tidy tree), cvn-layout-graph.c
 * (a multilevel force layout; its header comment records why it is our own) and
 * cvn-layout-map.c (National Grid coordinates).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-render"

#include "config.h"

#include "cvn-layout.h"
#include "cvn-reports.h"
#include "cvn-layout-private.h"
#include "cvn-hull.h"
#include "cvn-palette.h"
#include "cvn-store.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

/* Private per-hull parameters kept so a hull can be traced again when a node moves. */
typedef struct
{
  double radius;
  double neck;
  double max_neck;
} HullStyle;

/* What one move changed: the area, in layout units, whose drawing is no longer right. */
#define N_DAMAGE 64

typedef struct
{
  guint64 generation;       /* the generation the move made */
  CvnRect rect;
} Damage;

typedef struct
{
  CvnLayout   layout;
  Damage      damage[N_DAMAGE]; /* the last moves, by generation modulo N_DAMAGE */
  GArray     *hull_styles;  /* HullStyle, parallel to layout.hulls */
  gboolean    grid_dirty;
  PangoLayout *measure;     /* only while computing */
} CvnLayoutReal;

static const char * const view_names[CVN_N_VIEWS] = { "structure", "graph", "map" };

const char *
cvn_view_to_string (CvnView view)
{
  g_return_val_if_fail ((guint) view < CVN_N_VIEWS, "structure");
  return view_names[view];
}

gboolean
cvn_view_from_string (const char *str,
                      CvnView    *out_view)
{
  for (guint i = 0; i < CVN_N_VIEWS; i++)
    if (g_strcmp0 (str, view_names[i]) == 0)
      {
        *out_view = (CvnView) i;
        return TRUE;
      }
  return FALSE;
}

void
cvn_layout_options_init (CvnLayoutOptions *options)
{
  memset (options, 0, sizeof *options);
  options->tier = -1;
}

double
cvn_layout_hash01 (gint64 id,
                   guint  salt)
{
  guint64 z = (guint64) id * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15) + salt;

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  z ^= z >> 31;
  return (z >> 11) * (1.0 / 9007199254740992.0);
}

static gpointer
index_key (CvnObjectKind kind,
           gint64        id)
{
  return GSIZE_TO_POINTER (((gsize) id << 2) | (gsize) kind);
}

gint64
cvn_layout_key (CvnObjectKind kind,
                gint64        id)
{
  return id * 4 + (gint64) kind;
}

/* The saved position and, after it, its key: the hash table's key points into its value. */
typedef struct
{
  CvnSavedPosition position;
  gint64           key;
} SavedEntry;

GHashTable *
cvn_layout_load_positions (CvnDocument *doc,
                           CvnView      view,
                           GError     **error)
{
  g_autoptr (GHashTable) saved = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                        g_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), NULL);

  stmt = cvn_document_prepare (doc, "SELECT object_kind, object_id, x, y, pinned FROM layouts "
                                    "WHERE view = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, cvn_view_to_string (view), -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SavedEntry *entry = g_new0 (SavedEntry, 1);
      CvnObjectKind kind = cvn_object_kind_from_string ((const char *) sqlite3_column_text (stmt,
                                                                                            0));

      entry->key = cvn_layout_key (kind, sqlite3_column_int64 (stmt, 1));
      entry->position.x = sqlite3_column_double (stmt, 2);
      entry->position.y = sqlite3_column_double (stmt, 3);
      entry->position.pinned = sqlite3_column_int (stmt, 4) != 0;
      g_hash_table_replace (saved, &entry->key, entry);
    }
  if (rc != SQLITE_DONE)
    {
      cvn_document_set_sql_error (doc, error, cvn_document_get_path (doc));
      return NULL;
    }
  return g_steal_pointer (&saved);
}

gboolean
cvn_layout_save_positions (CvnLayout   *self,
                           CvnDocument *doc,
                           const char  *label,
                           GError     **error)
{
  g_autoptr (GHashTable) written = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), FALSE);

  if (self->view == CVN_VIEW_MAP)
    return TRUE;
  if (!cvn_document_begin_edit (doc, label != NULL ? label : _("Arrange view"), error))
    return FALSE;
  /* The structure view lists a school under each of its clusters; the first place wins. */
  written = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint i = 0; i < self->nodes->len; i++)
    {
      const CvnLayoutNode *node = &g_array_index (self->nodes, CvnLayoutNode, i);

      if (node->kind == CVN_OBJECT_NONE ||
          !g_hash_table_add (written, index_key (node->kind, node->id)))
        continue;
      if (!cvn_store_set_position (doc, cvn_view_to_string (self->view), node->kind, node->id,
                                   node->x, node->y, (node->flags & CVN_NODE_PINNED) != 0,
                                   error))
        {
          g_prefix_error (error, _("Saving the %s view of “%s”: "),
                          cvn_view_to_string (self->view), cvn_document_get_path (doc));
          cvn_document_rollback_edit (doc);
          return FALSE;
        }
    }
  return cvn_document_commit_edit (doc, error);
}

static void
node_clear (gpointer data)
{
  CvnLayoutNode *node = data;

  g_free (node->label);
  g_free (node->short_label);
  g_free (node->badge);
  g_free (node->risk);
}

static CvnLayoutReal *
layout_new (CvnView view)
{
  CvnLayoutReal *real = g_atomic_rc_box_new0 (CvnLayoutReal);
  CvnLayout *self = &real->layout;

  self->view = view;
  self->nodes = g_array_new (FALSE, TRUE, sizeof (CvnLayoutNode));
  g_array_set_clear_func (self->nodes, node_clear);
  self->edges = g_array_new (FALSE, TRUE, sizeof (CvnLayoutEdge));
  self->hulls = g_array_new (FALSE, TRUE, sizeof (CvnLayoutHull));
  self->rings = g_array_new (FALSE, TRUE, sizeof (CvnLayoutRing));
  self->points = g_array_new (FALSE, TRUE, sizeof (CvnPoint));
  self->hull_members = g_array_new (FALSE, TRUE, sizeof (guint));
  self->index = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->unplaced_heading = -1;
  real->hull_styles = g_array_new (FALSE, TRUE, sizeof (HullStyle));
  return real;
}

static void
layout_free (gpointer data)
{
  CvnLayoutReal *real = data;
  CvnLayout *self = &real->layout;

  g_array_unref (self->nodes);
  g_array_unref (self->edges);
  g_array_unref (self->hulls);
  g_array_unref (self->rings);
  g_array_unref (self->points);
  g_array_unref (self->hull_members);
  g_hash_table_unref (self->index);
  g_free (self->grid_start);
  g_free (self->grid_items);
  g_array_unref (real->hull_styles);
  g_clear_object (&real->measure);
}

CvnLayout *
cvn_layout_ref (CvnLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &((CvnLayoutReal *) g_atomic_rc_box_acquire ((CvnLayoutReal *) self))->layout;
}

void
cvn_layout_unref (CvnLayout *self)
{
  if (self != NULL)
    g_atomic_rc_box_release_full ((CvnLayoutReal *) self, layout_free);
}

const CvnLayoutNode *
cvn_layout_get_node (CvnLayout *self,
                     guint      index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->nodes->len, NULL);
  return &g_array_index (self->nodes, CvnLayoutNode, index);
}

int
cvn_layout_find_node (CvnLayout    *self,
                      CvnObjectKind kind,
                      gint64        id)
{
  g_return_val_if_fail (self != NULL, -1);
  return GPOINTER_TO_INT (g_hash_table_lookup (self->index, index_key (kind, id))) - 1;
}

/* Text measurement. The layout and the renderer both turn hinting of metrics off, so that
 * a label measured here has the same width, relative to its size, at every zoom. */
static PangoLayout *
measure_layout (CvnLayoutReal *real)
{
  if (real->measure == NULL)
    {
      PangoFontMap *font_map = pango_cairo_font_map_get_default ();
      PangoContext *context = pango_font_map_create_context (font_map);
      cairo_font_options_t *font_options = cairo_font_options_create ();

      cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
      pango_cairo_context_set_font_options (context, font_options);
      /* At 72 dpi a point is a layout unit, so markup sizes mean what they say. */
      pango_cairo_context_set_resolution (context, 72);
      cairo_font_options_destroy (font_options);
      real->measure = pango_layout_new (context);
      g_object_unref (context);
    }
  return real->measure;
}

static double
measure (CvnLayoutReal *real,
         const char    *text,
         double         size,
         gboolean       bold)
{
  PangoLayout *layout = measure_layout (real);
  g_autoptr (PangoFontDescription) font = pango_font_description_from_string ("Cantarell");
  PangoRectangle logical;

  /* Measure at a fixed size of 100 and scale: one font size, so Pango's caches hit. */
  pango_font_description_set_absolute_size (font, 100 * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  return logical.width / (double) PANGO_SCALE * size / 100.0;
}

double
cvn_layout_measure_text (CvnLayoutBuilder *builder,
                         const char       *text,
                         double            size,
                         gboolean          bold)
{
  return measure ((CvnLayoutReal *) builder->layout, text, size, bold);
}

/* Building the shown set. */

static gboolean
group_passes_filters (const CvnLayoutOptions *options,
                      const CvnGroup         *group)
{
  if (options->tier >= 0 && group->tier != options->tier)
    return FALSE;
  if (options->group_kinds != NULL)
    {
      for (guint i = 0; options->group_kinds[i] != NULL; i++)
        if (g_ascii_strcasecmp (options->group_kinds[i], group->kind) == 0)
          return TRUE;
      return FALSE;
    }
  return TRUE;
}

/* Groups under @group: by parent, or as members. */
static void
collect_descendants (CvnSnapshot *snapshot,
                     GHashTable  *children,
                     gint64       group_id,
                     GHashTable  *into)
{
  GPtrArray *list = g_hash_table_lookup (children, GSIZE_TO_POINTER ((gsize) group_id));

  if (list == NULL)
    return;
  for (guint i = 0; i < list->len; i++)
    {
      const CvnGroup *child = g_ptr_array_index (list, i);

      if (g_hash_table_contains (into, GSIZE_TO_POINTER ((gsize) child->id)))
        continue;
      g_hash_table_insert (into, GSIZE_TO_POINTER ((gsize) child->id), (gpointer) child);
      collect_descendants (snapshot, children, child->id, into);
    }
}

static void
builder_init (CvnLayoutBuilder       *builder,
              CvnSnapshot            *snapshot,
              const CvnLayoutOptions *options,
              CvnLayout              *layout)
{
  g_autoptr (GHashTable) focus = NULL;

  memset (builder, 0, sizeof *builder);
  builder->snapshot = snapshot;
  builder->options = options;
  builder->layout = layout;
  builder->shown_groups = g_hash_table_new (g_direct_hash, g_direct_equal);
  builder->groups = g_ptr_array_new ();
  builder->heads = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                          (GDestroyNotify) g_ptr_array_unref);

  if (options->focus_group > 0)
    {
      g_autoptr (GHashTable) children = g_hash_table_new_full (g_direct_hash, g_direct_equal,
                                                               NULL,
                                                               (GDestroyNotify) g_ptr_array_unref);
      const CvnGroup *root = cvn_snapshot_find_group (snapshot, options->focus_group);

      for (guint i = 0; i < snapshot->groups->len; i++)
        {
          CvnGroup *g = &g_array_index (snapshot->groups, CvnGroup, i);
          GPtrArray *list;

          if (g->parent_id == 0)
            continue;
          list = g_hash_table_lookup (children, GSIZE_TO_POINTER ((gsize) g->parent_id));
          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (children, GSIZE_TO_POINTER ((gsize) g->parent_id), list);
            }
          g_ptr_array_add (list, g);
        }
      for (guint i = 0; i < snapshot->memberships->len; i++)
        {
          CvnMembership *m = &g_array_index (snapshot->memberships, CvnMembership, i);
          const CvnGroup *member;
          GPtrArray *list;

          if (m->member_kind != CVN_OBJECT_GROUP ||
              !cvn_snapshot_membership_is_current (snapshot, m) ||
              (member = cvn_snapshot_find_group (snapshot, m->member_id)) == NULL)
            continue;
          list = g_hash_table_lookup (children, GSIZE_TO_POINTER ((gsize) m->group_id));
          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (children, GSIZE_TO_POINTER ((gsize) m->group_id), list);
            }
          g_ptr_array_add (list, (gpointer) member);
        }
      focus = g_hash_table_new (g_direct_hash, g_direct_equal);
      if (root != NULL)
        {
          g_hash_table_insert (focus, GSIZE_TO_POINTER ((gsize) root->id), (gpointer) root);
          collect_descendants (snapshot, children, root->id, focus);
        }
    }

  for (guint i = 0; i < snapshot->groups->len; i++)
    {
      CvnGroup *g = &g_array_index (snapshot->groups, CvnGroup, i);
      gboolean is_focus = options->focus_group > 0 && g->id == options->focus_group;

      if (focus != NULL && !g_hash_table_contains (focus, GSIZE_TO_POINTER ((gsize) g->id)))
        continue;
      if (!is_focus && !group_passes_filters (options, g))
        continue;
      g_hash_table_insert (builder->shown_groups, GSIZE_TO_POINTER ((gsize) g->id), g);
      g_ptr_array_add (builder->groups, g);
    }

  for (guint i = 0; i < snapshot->people->len; i++)
    {
      CvnPerson *p = &g_array_index (snapshot->people, CvnPerson, i);
      GPtrArray *list;

      if (p->establishment_id == 0)
        continue;
      list = g_hash_table_lookup (builder->heads, GSIZE_TO_POINTER ((gsize) p->establishment_id));
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (builder->heads, GSIZE_TO_POINTER ((gsize) p->establishment_id),
                               list);
        }
      g_ptr_array_add (list, p);
    }
}

static void
builder_clear (CvnLayoutBuilder *builder)
{
  g_clear_pointer (&builder->shown_groups, g_hash_table_unref);
  g_clear_pointer (&builder->groups, g_ptr_array_unref);
  g_clear_pointer (&builder->heads, g_hash_table_unref);
}

gboolean
cvn_layout_builder_shows_school (CvnLayoutBuilder       *builder,
                                 const CvnEstablishment *school)
{
  const CvnLayoutOptions *options = builder->options;

  if (options->phase != NULL && options->phase[0] != '\0' &&
      g_ascii_strcasecmp (options->phase, school->phase) != 0)
    return FALSE;
  /* Within a focus, or with a filter on groups, a school appears through its groups; the
   * whole document also shows schools that belong to nothing, which is what a reader
   * checking coverage wants to see. */
  if (options->focus_group > 0)
    return FALSE;
  return school->is_open;
}

const CvnSavedPosition *
cvn_layout_builder_saved (CvnLayoutBuilder *builder,
                          CvnObjectKind     kind,
                          gint64            id)
{
  gint64 key = cvn_layout_key (kind, id);

  if (builder->options->saved == NULL)
    return NULL;
  return g_hash_table_lookup (builder->options->saved, &key);
}

static int
compare_members (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  CvnSnapshot *snapshot = user_data;
  const CvnMembership *ma = *(const CvnMembership * const *) a;
  const CvnMembership *mb = *(const CvnMembership * const *) b;
  static const int kind_order[] = { 3, 0, 1, 2 };
  gconstpointer pa, pb;

  if (ma->member_kind != mb->member_kind)
    return kind_order[ma->member_kind] - kind_order[mb->member_kind];
  /* Snapshot arrays are sorted by name, so the address of an element orders by name. */
  switch (ma->member_kind)
    {
    case CVN_OBJECT_ESTABLISHMENT:
      pa = cvn_snapshot_find_establishment (snapshot, ma->member_id);
      pb = cvn_snapshot_find_establishment (snapshot, mb->member_id);
      break;
    case CVN_OBJECT_PERSON:
      pa = cvn_snapshot_find_person (snapshot, ma->member_id);
      pb = cvn_snapshot_find_person (snapshot, mb->member_id);
      break;
    case CVN_OBJECT_GROUP:
      pa = cvn_snapshot_find_group (snapshot, ma->member_id);
      pb = cvn_snapshot_find_group (snapshot, mb->member_id);
      break;
    case CVN_OBJECT_NONE:
    default:
      pa = pb = NULL;
      break;
    }
  if (pa != pb)
    return (const char *) pa < (const char *) pb ? -1 : 1;
  return ma->id < mb->id ? -1 : (ma->id > mb->id);
}

GPtrArray *
cvn_layout_builder_members (CvnLayoutBuilder *builder,
                            const CvnGroup   *group)
{
  GPtrArray *all = cvn_snapshot_get_members (builder->snapshot, group->id, TRUE);
  GPtrArray *shown = g_ptr_array_new ();
  const char *phase = builder->options->phase;

  for (guint i = 0; i < all->len; i++)
    {
      CvnMembership *m = g_ptr_array_index (all, i);

      switch (m->member_kind)
        {
        case CVN_OBJECT_ESTABLISHMENT:
          {
            const CvnEstablishment *e = cvn_snapshot_find_establishment (builder->snapshot,
                                                                         m->member_id);

            if (e == NULL || (phase != NULL && phase[0] != '\0' &&
                              g_ascii_strcasecmp (phase, e->phase) != 0))
              continue;
          }
          break;
        case CVN_OBJECT_PERSON:
          if (cvn_snapshot_find_person (builder->snapshot, m->member_id) == NULL)
            continue;
          break;
        case CVN_OBJECT_GROUP:
          if (!g_hash_table_contains (builder->shown_groups,
                                      GSIZE_TO_POINTER ((gsize) m->member_id)))
            continue;
          break;
        case CVN_OBJECT_NONE:
        default:
          continue;
        }
      g_ptr_array_add (shown, m);
    }
  g_ptr_array_unref (all);
  g_ptr_array_sort_with_data (shown, compare_members, builder->snapshot);
  return shown;
}

static guint
append_node (CvnLayout     *layout,
             CvnObjectKind  kind,
             gint64         id,
             const char    *label)
{
  CvnLayoutNode node = { 0 };
  guint index = layout->nodes->len;

  node.kind = kind;
  node.id = id;
  node.label = g_strdup (label);
  node.parent = -1;
  g_array_append_val (layout->nodes, node);
  if (kind != CVN_OBJECT_NONE && !g_hash_table_contains (layout->index, index_key (kind, id)))
    g_hash_table_insert (layout->index, index_key (kind, id), GUINT_TO_POINTER (index + 1));
  return index;
}

/* Shortens a school's name by its common endings, then to about @max characters. */
static char *
abbreviate (const char *name,
            guint       max)
{
  static const char * const endings[][2] = {
    { " Church of England", " CE" }, { " Primary School", " Pri." }, { " High School", " High" },
    { " Nursery School", " Nurs." }, { " Special School", " Sp." }, { " Academy", " Acad." },
    { " School", "" }, { " Cluster", "" }, { " Alliance", "" }, { " Partnership", "" },
  };
  g_autoptr (GString) text = g_string_new (name);
  glong length;

  for (guint i = 0; i < G_N_ELEMENTS (endings); i++)
    {
      char *at = strstr (text->str, endings[i][0]);

      if (at != NULL)
        {
          gssize pos = at - text->str;

          g_string_erase (text, pos, (gssize) strlen (endings[i][0]));
          g_string_insert (text, pos, endings[i][1]);
        }
    }
  length = g_utf8_strlen (text->str, -1);
  if ((guint) length > max)
    {
      const char *cut = g_utf8_offset_to_pointer (text->str, max - 1);

      g_string_truncate (text, (gsize) (cut - text->str));
      g_string_append (text, "…");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The codes of the current system-leader designations of a holder, space-separated. */
static void
append_badges (CvnSnapshot   *snapshot,
               CvnObjectKind  kind,
               gint64         id,
               GString       *badges)
{
  g_autoptr (GPtrArray) list = cvn_snapshot_get_designations_of (snapshot, kind, id, TRUE);

  for (guint i = 0; i < list->len; i++)
    {
      const CvnDesignation *d = g_ptr_array_index (list, i);
      const CvnDesignationType *type = cvn_snapshot_find_designation_type (snapshot, d->type_id);

      if (type == NULL || !type->system_leader || strstr (badges->str, type->code) != NULL)
        continue;
      if (badges->len > 0)
        g_string_append_c (badges, ' ');
      g_string_append (badges, type->code);
    }
}

static void
set_colour (CvnLayoutNode   *node,
            const CvnColour *colour)
{
  node->colour[0] = colour->red;
  node->colour[1] = colour->green;
  node->colour[2] = colour->blue;
}

guint
cvn_layout_builder_add_school (CvnLayoutBuilder       *builder,
                               const CvnEstablishment *school)
{
  CvnLayout *layout = builder->layout;
  guint index = append_node (layout, CVN_OBJECT_ESTABLISHMENT, school->id, school->name);
  CvnLayoutNode *node = &g_array_index (layout->nodes, CvnLayoutNode, index);
  GPtrArray *heads = g_hash_table_lookup (builder->heads, GSIZE_TO_POINTER ((gsize) school->id));
  g_autoptr (GString) badges = g_string_new (NULL);
  CvnColour colour;

  node->short_label = abbreviate (school->name, 18);
  node->kind_name = cvn_palette_phases[0];
  for (guint i = 0; cvn_palette_phases[i] != NULL; i++)
    if (cvn_palette_phase_shape (school->phase) == cvn_palette_phase_shape (cvn_palette_phases[i]))
      node->kind_name = cvn_palette_phases[i];
  node->shape = cvn_palette_phase_shape (school->phase);
  cvn_palette_phase_colour (school->phase, FALSE, &colour);
  set_colour (node, &colour);
  node->width = node->height = 2 * CVN_SCHOOL_RADIUS;
  if (school->risk_category[0] != '\0')
    {
      node->flags |= CVN_NODE_AT_RISK;
      node->risk = g_strdup (school->risk_category);
    }
  if (!school->is_open)
    node->flags |= CVN_NODE_CLOSED;
  append_badges (builder->snapshot, CVN_OBJECT_ESTABLISHMENT, school->id, badges);
  for (guint i = 0; heads != NULL && i < heads->len; i++)
    append_badges (builder->snapshot, CVN_OBJECT_PERSON,
                   ((CvnPerson *) g_ptr_array_index (heads, i))->id, badges);
  if (badges->len > 0)
    {
      node->flags |= CVN_NODE_SYSTEM_LEADER;
      node->badge = g_string_free (g_steal_pointer (&badges), FALSE);
    }
  return index;
}

guint
cvn_layout_builder_add_person (CvnLayoutBuilder *builder,
                               const CvnPerson  *person,
                               CvnRole           role)
{
  CvnLayout *layout = builder->layout;
  g_autofree char *label = NULL;
  g_autoptr (GString) badges = g_string_new (NULL);
  guint index;
  CvnLayoutNode *node;
  CvnColour colour;

  /* Hidden people are shown by what they do, never by name, so a printed map of a
   * partnership can go to a meeting without personal data on it. */
  if (builder->options->hide_people)
    {
      g_autofree char *described = cvn_report_describe_person_hidden (builder->snapshot, person);

      /* The same wording as the reports: "Headteacher, Oakfield Primary School". */
      label = role != CVN_ROLE_MEMBER
              ? g_strdup_printf ("%s (%s)", described, cvn_role_get_label (role))
              : g_steal_pointer (&described);
    }
  else if (role != CVN_ROLE_MEMBER)
    label = g_strdup_printf ("%s (%s)", person->name, cvn_role_get_label (role));
  else
    label = g_strdup (person->name);
  index = append_node (layout, CVN_OBJECT_PERSON, person->id, label);
  node = &g_array_index (layout->nodes, CvnLayoutNode, index);
  node->short_label = builder->options->hide_people ? g_strdup (cvn_role_get_label (role))
                                                    : abbreviate (person->name, 16);
  node->kind_name = "person";
  node->shape = CVN_SHAPE_PERSON;
  node->width = node->height = 2 * CVN_PERSON_RADIUS;
  colour.red = colour.green = colour.blue = 0.37;
  set_colour (node, &colour);
  append_badges (builder->snapshot, CVN_OBJECT_PERSON, person->id, badges);
  if (badges->len > 0)
    {
      node->flags |= CVN_NODE_SYSTEM_LEADER;
      node->badge = g_string_free (g_steal_pointer (&badges), FALSE);
    }
  return index;
}

guint
cvn_layout_builder_add_group (CvnLayoutBuilder *builder,
                              const CvnGroup   *group)
{
  CvnLayout *layout = builder->layout;
  guint index = append_node (layout, CVN_OBJECT_GROUP, group->id, group->name);
  CvnLayoutNode *node = &g_array_index (layout->nodes, CvnLayoutNode, index);
  CvnColour colour;

  node->short_label = abbreviate (group->name, 16);
  node->kind_name = g_intern_string (group->kind);
  node->shape = CVN_SHAPE_GROUP;
  node->tier = group->tier;
  node->width = node->height = 2 * CVN_GROUP_RADIUS;
  if (!cvn_colour_parse (group->colour, &colour))
    cvn_palette_group_colour (group->kind, FALSE, &colour);
  set_colour (node, &colour);
  return index;
}

guint
cvn_layout_builder_add_heading (CvnLayoutBuilder *builder,
                                const char       *label)
{
  guint index = append_node (builder->layout, CVN_OBJECT_NONE, 0, label);
  CvnLayoutNode *node = &g_array_index (builder->layout->nodes, CvnLayoutNode, index);

  node->short_label = g_strdup (label);
  node->kind_name = "";
  node->shape = CVN_SHAPE_HEADING;
  node->flags |= CVN_NODE_PSEUDO;
  node->colour[0] = node->colour[1] = node->colour[2] = 0.37;
  return index;
}

void
cvn_layout_add_edge (CvnLayout   *layout,
                     guint        source,
                     guint        target,
                     CvnEdgeKind  kind,
                     CvnRole      role)
{
  CvnLayoutEdge edge = { source, target, kind, role, 0, 0 };

  g_array_append_val (layout->edges, edge);
}

/* Hulls. Kinds that usually share members get different paddings, so that the outlines of a
 * school's cluster, diocese and hub nest around it instead of lying on top of each other. */
static int
hull_level (const char *kind)
{
  static const char * const levels[][4] = {
    { "cluster", "learning community", "network", NULL },
    { "alliance", "consortium", "board", "diocesan group" },
    { "hub", "teaching school alliance", "trust", "committee" },
    { "inclusion group", "sub-group", "federation", "strategic group" },
  };

  for (guint level = 0; level < G_N_ELEMENTS (levels); level++)
    for (guint i = 0; i < 4 && levels[level][i] != NULL; i++)
      if (g_ascii_strcasecmp (kind, levels[level][i]) == 0)
        return (int) level;
  return 2;
}

/* Douglas-Peucker: marks the points of p[first..last] that keep the polyline within
 * @tolerance of the original. */
static void
simplify (const CvnPoint *p,
          guint           first,
          guint           last,
          double          tolerance,
          gboolean       *keep)
{
  double dx = p[last].x - p[first].x, dy = p[last].y - p[first].y;
  double length = hypot (dx, dy), worst = -1;
  guint farthest = first;

  if (last <= first + 1)
    return;
  for (guint i = first + 1; i < last; i++)
    {
      double d = length > 0 ? fabs ((p[i].x - p[first].x) * dy - (p[i].y - p[first].y) * dx) /
                              length
                            : hypot (p[i].x - p[first].x, p[i].y - p[first].y);

      if (d > worst)
        {
          worst = d;
          farthest = i;
        }
    }
  if (worst <= tolerance)
    return;
  keep[farthest] = TRUE;
  simplify (p, first, farthest, tolerance, keep);
  simplify (p, farthest, last, tolerance, keep);
}

/* The width or height of a ring, whichever is larger. */
static double
ring_extent (const CvnPoint *p,
             guint           n_points)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  for (guint i = 0; i < n_points; i++)
    {
      x0 = MIN (x0, p[i].x);
      x1 = MAX (x1, p[i].x);
      y0 = MIN (y0, p[i].y);
      y1 = MAX (y1, p[i].y);
    }
  return n_points > 0 ? MAX (x1 - x0, y1 - y0) : 0;
}

/* Coarse copies of a hull's rings, for drawing it when it is small on screen: a traced
 * outline has a point every fraction of a school's radius, which a ring thirty pixels
 * across does not need, and a zoomed-out borough draws thousands of hulls. Each copy is
 * within @fraction of its own ring's size of the original (a group spread over the map
 * has many small rings far apart); rings that would shrink below a triangle are left
 * out. Returns how many rings were added after @first. */
static guint
add_coarse_rings (CvnLayout     *layout,
                  CvnLayoutHull *hull,
                  double         fraction,
                  guint         *first)
{
  guint n = 0;

  *first = layout->rings->len;
  for (guint r = 0; r < hull->n_rings; r++)
    {
      CvnLayoutRing ring = g_array_index (layout->rings, CvnLayoutRing, hull->first_ring + r);
      g_autofree gboolean *keep = g_new0 (gboolean, ring.n_points);
      g_autofree CvnPoint *p = NULL;
      guint half = ring.n_points / 2, kept = 0;
      double tolerance;
      CvnLayoutRing coarse;

      if (ring.n_points < 4)
        continue;
      /* Copied first: the point table may move as points are added. */
      p = g_memdup2 (&g_array_index (layout->points, CvnPoint, ring.first_point),
                     ring.n_points * sizeof (CvnPoint));
      tolerance = ring_extent (p, ring.n_points) * fraction;
      keep[0] = keep[half] = keep[ring.n_points - 1] = TRUE;
      simplify (p, 0, half, tolerance, keep);
      simplify (p, half, ring.n_points - 1, tolerance, keep);
      for (guint i = 0; i < ring.n_points; i++)
        kept += keep[i];
      if (kept < 3)
        continue;
      coarse.first_point = layout->points->len;
      coarse.n_points = kept;
      for (guint i = 0; i < ring.n_points; i++)
        if (keep[i])
          g_array_append_val (layout->points, p[i]);
      g_array_append_val (layout->rings, coarse);
      n++;
    }
  return n;
}

static void
trace_hull (CvnLayout     *layout,
            CvnLayoutHull *hull,
            const HullStyle *style)
{
  g_autofree CvnPoint *centres = g_new (CvnPoint, hull->n_members);

  for (guint k = 0; k < hull->n_members; k++)
    {
      guint member = g_array_index (layout->hull_members, guint, hull->first_member + k);
      const CvnLayoutNode *node = &g_array_index (layout->nodes, CvnLayoutNode, member);

      centres[k].x = node->x;
      centres[k].y = node->y;
    }
  hull->first_ring = layout->rings->len;
  hull->n_rings = cvn_hull_trace (centres, hull->n_members, style->radius, style->neck,
                                  style->max_neck, layout->rings, layout->points, &hull->bounds);
  hull->area = hull->bounds.width * hull->bounds.height;
  hull->ring_extent = 0;
  for (guint r = 0; r < hull->n_rings; r++)
    {
      const CvnLayoutRing *ring = &g_array_index (layout->rings, CvnLayoutRing,
                                                  hull->first_ring + r);

      hull->ring_extent = MAX (hull->ring_extent,
                               ring_extent (&g_array_index (layout->points, CvnPoint,
                                                            ring->first_point),
                                            ring->n_points));
    }
  hull->n_coarse_rings = add_coarse_rings (layout, hull, 1 / 40.0, &hull->first_coarse_ring);
  hull->n_medium_rings = add_coarse_rings (layout, hull, 1 / 200.0, &hull->first_medium_ring);
}

/* Drawing order: largest first, so small hulls are drawn over big ones. Hulls within a
 * factor of two in area of each other are drawn in Z order of their centres instead: a
 * borough's many clusters then fill the image row block by row block, which costs a third
 * of filling them all over the image in turn (the pixels stay in the processor's cache),
 * and the order of two similar hulls that overlap is invisible under their translucency. */
typedef struct
{
  int     size_class;
  guint32 z;
  guint   group;
} HullOrder;

static guint32
spread_bits (guint32 v)
{
  v &= 0xffff;
  v = (v | (v << 8)) & 0x00ff00ff;
  v = (v | (v << 4)) & 0x0f0f0f0f;
  v = (v | (v << 2)) & 0x33333333;
  v = (v | (v << 1)) & 0x55555555;
  return v;
}

static int
compare_hull_order (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const HullOrder *keys = user_data;
  const HullOrder *ka = &keys[*(const guint *) a], *kb = &keys[*(const guint *) b];

  if (ka->size_class != kb->size_class)
    return ka->size_class > kb->size_class ? -1 : 1;
  if (ka->z != kb->z)
    return ka->z < kb->z ? -1 : 1;
  return ka->group < kb->group ? -1 : (ka->group > kb->group);
}

void
cvn_layout_build_hulls (CvnLayout        *layout,
                        CvnLayoutBuilder *builder)
{
  CvnLayoutReal *real = (CvnLayoutReal *) layout;
  g_autoptr (GArray) styles = g_array_new (FALSE, FALSE, sizeof (HullStyle));

  for (guint g = 0; g < builder->groups->len; g++)
    {
      const CvnGroup *group = g_ptr_array_index (builder->groups, g);
      int group_node = cvn_layout_find_node (layout, CVN_OBJECT_GROUP, group->id);
      g_autoptr (GPtrArray) members = NULL;
      CvnLayoutHull hull = { 0 };
      HullStyle style;

      if (group_node < 0)
        continue;
      members = cvn_layout_builder_members (builder, group);
      hull.group = (guint) group_node;
      hull.first_member = layout->hull_members->len;
      for (guint k = 0; k < members->len; k++)
        {
          const CvnMembership *m = g_ptr_array_index (members, k);
          int node;

          /* Hulls gather a group's schools: the overlapping partnerships a school belongs
           * to. People (board and committee members) and groups under a group are joined
           * to it by edges instead, which keeps hulls about places and schools. */
          if (m->member_kind != CVN_OBJECT_ESTABLISHMENT)
            continue;
          node = cvn_layout_find_node (layout, m->member_kind, m->member_id);
          if (node < 0 ||
              (g_array_index (layout->nodes, CvnLayoutNode, node).flags & CVN_NODE_UNPLACED))
            continue;
          g_array_append_val (layout->hull_members, node);
        }
      hull.n_members = layout->hull_members->len - hull.first_member;
      if (hull.n_members == 0)
        continue;
      /* In the graph the group's own node sits among its members and belongs in its hull;
       * on the map it only marks the members' centroid, which may lie anywhere. */
      if (layout->view != CVN_VIEW_MAP)
        {
          g_array_append_val (layout->hull_members, hull.group);
          hull.n_members++;
        }
      /* Where schools lie further apart than in the graph (a small borough's map), hulls
       * grow a little and their necks reach further, so a cluster still reads as one
       * region. */
      style.radius = (CVN_SCHOOL_RADIUS + 7.0 + 4.5 * hull_level (group->kind)) *
                     sqrt (MAX (builder->spread, 1.0));
      style.neck = style.radius * 0.5;
      style.max_neck = (builder->spread > 1.0 ? 3.0 : 4.5) * style.radius;
      trace_hull (layout, &hull, &style);
      g_array_append_val (layout->hulls, hull);
      g_array_append_val (styles, style);
      g_array_index (layout->nodes, CvnLayoutNode, hull.group).n_members =
        hull.n_members - (layout->view != CVN_VIEW_MAP ? 1 : 0);
    }

  /* The drawing order (see compare_hull_order); the styles follow. */
  {
    g_autofree guint *order = g_new (guint, layout->hulls->len);
    g_autofree HullOrder *keys = g_new0 (HullOrder, layout->hulls->len);
    g_autoptr (GArray) hulls = g_array_copy (layout->hulls);
    double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

    for (guint i = 0; i < hulls->len; i++)
      {
        const CvnLayoutHull *h = &g_array_index (hulls, CvnLayoutHull, i);

        x0 = MIN (x0, h->bounds.x + h->bounds.width / 2);
        x1 = MAX (x1, h->bounds.x + h->bounds.width / 2);
        y0 = MIN (y0, h->bounds.y + h->bounds.height / 2);
        y1 = MAX (y1, h->bounds.y + h->bounds.height / 2);
      }
    for (guint i = 0; i < hulls->len; i++)
      {
        const CvnLayoutHull *h = &g_array_index (hulls, CvnLayoutHull, i);
        double span = MAX (MAX (x1 - x0, y1 - y0), 1e-9);
        guint32 gx = (guint32) (1023 * (h->bounds.x + h->bounds.width / 2 - x0) / span);
        guint32 gy = (guint32) (1023 * (h->bounds.y + h->bounds.height / 2 - y0) / span);

        order[i] = i;
        keys[i].size_class = h->area > 0 ? (int) floor (log2 (h->area)) : G_MININT;
        keys[i].z = spread_bits (gx) | spread_bits (gy) << 1;
        keys[i].group = h->group;
      }
    g_qsort_with_data (order, (gint) hulls->len, sizeof (guint), compare_hull_order, keys);
    g_array_set_size (layout->hulls, 0);
    g_array_set_size (real->hull_styles, 0);
    for (guint i = 0; i < hulls->len; i++)
      {
        g_array_append_val (layout->hulls, g_array_index (hulls, CvnLayoutHull, order[i]));
        g_array_append_val (real->hull_styles, g_array_index (styles, HullStyle, order[i]));
      }
  }
}

gboolean
cvn_layout_hull_contains (CvnLayout *self,
                          guint      hull,
                          double     x,
                          double     y)
{
  const CvnLayoutHull *h;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (hull < self->hulls->len, FALSE);

  h = &g_array_index (self->hulls, CvnLayoutHull, hull);
  if (x < h->bounds.x || y < h->bounds.y ||
      x > h->bounds.x + h->bounds.width || y > h->bounds.y + h->bounds.height)
    return FALSE;
  return cvn_hull_rings_contain (self->rings, self->points, h->first_ring, h->n_rings, x, y);
}

/* Bounds and the spatial index. */

static void
node_box (const CvnLayoutNode *node,
          CvnRect             *box)
{
  box->x = node->x - node->width / 2;
  box->y = node->y - node->height / 2;
  box->width = node->width;
  box->height = node->height;
}

static void
rect_union (CvnRect       *acc,
            const CvnRect *r,
            gboolean      *empty)
{
  double x1, y1;

  if (r->width <= 0 && r->height <= 0)
    return;
  if (*empty)
    {
      *acc = *r;
      *empty = FALSE;
      return;
    }
  x1 = MAX (acc->x + acc->width, r->x + r->width);
  y1 = MAX (acc->y + acc->height, r->y + r->height);
  acc->x = MIN (acc->x, r->x);
  acc->y = MIN (acc->y, r->y);
  acc->width = x1 - acc->x;
  acc->height = y1 - acc->y;
}

static void
build_grid (CvnLayout *self)
{
  guint n = self->nodes->len;
  double area = MAX (1.0, self->bounds.width * self->bounds.height);
  g_autofree guint *counts = NULL;
  guint total = 0;

  g_clear_pointer (&self->grid_start, g_free);
  g_clear_pointer (&self->grid_items, g_free);
  self->grid_cell = MAX (sqrt (area / MAX (n, 1)) * 2, 1.0);
  self->grid_columns = (int) MIN (1024.0, ceil (self->bounds.width / self->grid_cell) + 1);
  self->grid_rows = (int) MIN (1024.0, ceil (self->bounds.height / self->grid_cell) + 1);
  self->grid_cell = MAX (self->grid_cell, MAX (self->bounds.width / (self->grid_columns - 0.5),
                                               self->bounds.height / (self->grid_rows - 0.5)));

  /* Two passes (count, then fill) give a compact array of node indices per cell. */
  counts = g_new0 (guint, (gsize) self->grid_columns * self->grid_rows + 1);
  for (int pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < n; i++)
        {
          const CvnLayoutNode *node = &g_array_index (self->nodes, CvnLayoutNode, i);
          CvnRect box;
          int i0, i1, j0, j1;

          node_box (node, &box);
          i0 = CLAMP ((int) floor ((box.x - self->bounds.x) / self->grid_cell), 0,
                      self->grid_columns - 1);
          i1 = CLAMP ((int) floor ((box.x + box.width - self->bounds.x) / self->grid_cell), 0,
                      self->grid_columns - 1);
          j0 = CLAMP ((int) floor ((box.y - self->bounds.y) / self->grid_cell), 0,
                      self->grid_rows - 1);
          j1 = CLAMP ((int) floor ((box.y + box.height - self->bounds.y) / self->grid_cell), 0,
                      self->grid_rows - 1);
          for (int j = j0; j <= j1; j++)
            for (int c = i0; c <= i1; c++)
              {
                gsize cell = (gsize) j * self->grid_columns + c;

                if (pass == 0)
                  counts[cell]++;
                else
                  self->grid_items[self->grid_start[cell] + counts[cell]++] = i;
              }
        }
      if (pass == 0)
        {
          gsize cells = (gsize) self->grid_columns * self->grid_rows;

          self->grid_start = g_new (guint, cells + 1);
          for (gsize c = 0; c < cells; c++)
            {
              self->grid_start[c] = total;
              total += counts[c];
              counts[c] = 0;
            }
          self->grid_start[cells] = total;
          self->grid_items = g_new (guint, MAX (total, 1));
        }
    }
  ((CvnLayoutReal *) self)->grid_dirty = FALSE;
}

void
cvn_layout_finish (CvnLayout *layout)
{
  gboolean empty = TRUE;
  CvnRect bounds = { 0, 0, 0, 0 };

  for (guint i = 0; i < layout->nodes->len; i++)
    {
      const CvnLayoutNode *node = &g_array_index (layout->nodes, CvnLayoutNode, i);
      CvnRect box;

      node_box (node, &box);
      rect_union (&bounds, &box, &empty);
      rect_union (&bounds, &node->label_rect, &empty);
    }
  for (guint i = 0; i < layout->hulls->len; i++)
    rect_union (&bounds, &g_array_index (layout->hulls, CvnLayoutHull, i).bounds, &empty);
  if (empty)
    {
      bounds.width = 1;
      bounds.height = 1;
    }
  layout->bounds = bounds;
  build_grid (layout);
}

void
cvn_layout_foreach_in_rect (CvnLayout     *self,
                            const CvnRect *rect,
                            void         (*func) (guint index, gpointer data),
                            gpointer       data)
{
  int i0, i1, j0, j1;

  g_return_if_fail (self != NULL);

  if (((CvnLayoutReal *) self)->grid_dirty)
    build_grid (self);
  i0 = (int) floor ((rect->x - self->bounds.x) / self->grid_cell);
  i1 = (int) floor ((rect->x + rect->width - self->bounds.x) / self->grid_cell);
  j0 = (int) floor ((rect->y - self->bounds.y) / self->grid_cell);
  j1 = (int) floor ((rect->y + rect->height - self->bounds.y) / self->grid_cell);
  /* Cells at the edges also hold whatever lies beyond the bounds (a node dragged outside),
   * so clamping the query keeps such nodes findable. */
  i0 = CLAMP (i0, 0, self->grid_columns - 1);
  i1 = CLAMP (i1, 0, self->grid_columns - 1);
  j0 = CLAMP (j0, 0, self->grid_rows - 1);
  j1 = CLAMP (j1, 0, self->grid_rows - 1);

  for (int j = j0; j <= j1; j++)
    for (int i = i0; i <= i1; i++)
      {
        gsize cell = (gsize) j * self->grid_columns + i;

        for (guint k = self->grid_start[cell]; k < self->grid_start[cell + 1]; k++)
          {
            guint index = self->grid_items[k];
            const CvnLayoutNode *node = &g_array_index (self->nodes, CvnLayoutNode, index);
            double nx0 = node->x - node->width / 2, ny0 = node->y - node->height / 2;
            int home_i, home_j;

            if (nx0 > rect->x + rect->width || ny0 > rect->y + rect->height ||
                nx0 + node->width < rect->x || ny0 + node->height < rect->y)
              continue;
            /* A node spanning several cells is reported once: from the first cell of the
             * query that it occupies. */
            home_i = CLAMP ((int) floor ((nx0 - self->bounds.x) / self->grid_cell), i0, i1);
            home_j = CLAMP ((int) floor ((ny0 - self->bounds.y) / self->grid_cell), j0, j1);
            if (home_i != i || home_j != j)
              continue;
            func (index, data);
          }
      }
}

void
cvn_layout_build_index (CvnLayout *self)
{
  g_return_if_fail (self != NULL);

  if (((CvnLayoutReal *) self)->grid_dirty)
    build_grid (self);
}

void
cvn_layout_collect_in_rect (CvnLayout     *self,
                            const CvnRect *rect,
                            GArray        *indices)
{
  int i0, i1, j0, j1;
  double rx1 = rect->x + rect->width, ry1 = rect->y + rect->height;

  g_return_if_fail (self != NULL);
  g_return_if_fail (indices != NULL);

  /* The same walk as cvn_layout_foreach_in_rect(), without a call per node: a frame of a
   * large borough visits tens of thousands. */
  g_array_set_size (indices, 0);
  if (((CvnLayoutReal *) self)->grid_dirty)
    build_grid (self);
  i0 = CLAMP ((int) floor ((rect->x - self->bounds.x) / self->grid_cell), 0, self->grid_columns - 1);
  i1 = CLAMP ((int) floor ((rx1 - self->bounds.x) / self->grid_cell), 0, self->grid_columns - 1);
  j0 = CLAMP ((int) floor ((rect->y - self->bounds.y) / self->grid_cell), 0, self->grid_rows - 1);
  j1 = CLAMP ((int) floor ((ry1 - self->bounds.y) / self->grid_cell), 0, self->grid_rows - 1);
  for (int j = j0; j <= j1; j++)
    for (int i = i0; i <= i1; i++)
      {
        gsize cell = (gsize) j * self->grid_columns + i;
        guint start = self->grid_start[cell], end = self->grid_start[cell + 1];
        guint n = indices->len;

        g_array_set_size (indices, n + (end - start));
        for (guint k = start; k < end; k++)
          {
            guint index = self->grid_items[k];
            const CvnLayoutNode *node = &g_array_index (self->nodes, CvnLayoutNode, index);
            double nx0 = node->x - node->width / 2, ny0 = node->y - node->height / 2;
            int home_i, home_j;

            if (nx0 > rx1 || ny0 > ry1 || nx0 + node->width < rect->x ||
                ny0 + node->height < rect->y)
              continue;
            home_i = CLAMP ((int) floor ((nx0 - self->bounds.x) / self->grid_cell), i0, i1);
            home_j = CLAMP ((int) floor ((ny0 - self->bounds.y) / self->grid_cell), j0, j1);
            if (home_i != i || home_j != j)
              continue;
            g_array_index (indices, guint, n++) = index;
          }
        g_array_set_size (indices, n);
      }
}

typedef struct
{
  CvnLayout *layout;
  double     x, y, tolerance;
  int        best;
  double     best_distance;
} HitSearch;

static void
hit_node_cb (guint    index,
             gpointer data)
{
  HitSearch *search = data;
  const CvnLayoutNode *node = &g_array_index (search->layout->nodes, CvnLayoutNode, index);
  double dx = fabs (search->x - node->x), dy = fabs (search->y - node->y);
  double distance;

  if (dx > node->width / 2 + search->tolerance || dy > node->height / 2 + search->tolerance)
    return;
  distance = dx * dx + dy * dy;
  /* Later nodes are drawn on top, so they win ties. */
  if (search->best < 0 || distance <= search->best_distance)
    {
      search->best = (int) index;
      search->best_distance = distance;
    }
}

gboolean
cvn_layout_hit_test (CvnLayout    *self,
                     double        x,
                     double        y,
                     double        tolerance,
                     CvnLayoutHit *hit)
{
  HitSearch search = { self, x, y, MAX (tolerance, 0), -1, 0 };
  CvnRect probe = { x - search.tolerance - 1, y - search.tolerance - 1,
                    2 * search.tolerance + 2, 2 * search.tolerance + 2 };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  hit->node = -1;
  hit->hull = -1;
  cvn_layout_foreach_in_rect (self, &probe, hit_node_cb, &search);
  hit->node = search.best;
  if (hit->node >= 0)
    return TRUE;
  for (guint h = self->hulls->len; h-- > 0;)
    if (cvn_layout_hull_contains (self, h, x, y))
      {
        hit->hull = (int) h;
        return TRUE;
      }
  return FALSE;
}

/* A node's box, as a square of its larger side (markers are round), with its label. */
static void
node_extent (const CvnLayoutNode *node,
             CvnRect             *rect)
{
  double side = MAX (node->width, node->height);
  gboolean empty = FALSE;

  *rect = (CvnRect) { node->x - side / 2, node->y - side / 2, side, side };
  if (node->label_rect.width > 0)
    rect_union (rect, &node->label_rect, &empty);
}

gboolean
cvn_layout_get_damage (CvnLayout *self,
                       guint64    since,
                       CvnRect   *rect)
{
  CvnLayoutReal *real = (CvnLayoutReal *) self;
  gboolean empty = TRUE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (since > self->generation || self->generation - since > N_DAMAGE)
    return FALSE;
  for (guint64 g = since + 1; g <= self->generation; g++)
    {
      const Damage *d = &real->damage[g % N_DAMAGE];

      if (d->generation != g)
        return FALSE;
      rect_union (rect, &d->rect, &empty);
    }
  if (empty)
    *rect = (CvnRect) { 0, 0, 0, 0 };
  return TRUE;
}

void
cvn_layout_move_node (CvnLayout *self,
                      guint      index,
                      double     x,
                      double     y)
{
  CvnLayoutReal *real = (CvnLayoutReal *) self;
  CvnLayoutNode *node;
  CvnRect damage, box;
  gboolean empty = FALSE;
  double dx, dy;

  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->nodes->len);

  node = &g_array_index (self->nodes, CvnLayoutNode, index);
  node_extent (node, &damage);
  dx = x - node->x;
  dy = y - node->y;
  node->x = x;
  node->y = y;
  node->label_rect.x += dx;
  node->label_rect.y += dy;
  node->flags |= CVN_NODE_PINNED;
  self->generation++;
  node_extent (node, &box);
  rect_union (&damage, &box, &empty);

  for (guint h = 0; h < self->hulls->len; h++)
    {
      CvnLayoutHull *hull = &g_array_index (self->hulls, CvnLayoutHull, h);

      for (guint k = 0; k < hull->n_members; k++)
        if (g_array_index (self->hull_members, guint, hull->first_member + k) == index)
          {
            rect_union (&damage, &hull->bounds, &empty);
            trace_hull (self, hull, &g_array_index (real->hull_styles, HullStyle, h));
            rect_union (&damage, &hull->bounds, &empty);
            break;
          }
    }

  /* Edges follow the node; structure connectors become straight lines. */
  for (guint e = 0; e < self->edges->len; e++)
    {
      CvnLayoutEdge *edge = &g_array_index (self->edges, CvnLayoutEdge, e);
      const CvnLayoutNode *other;

      if (edge->source != index && edge->target != index)
        continue;
      other = &g_array_index (self->nodes, CvnLayoutNode,
                              edge->source == index ? edge->target : edge->source);
      {
        /* The old line (from where the node was) lies within the old box and the other
         * end; the new one within the new box and the other end. */
        CvnRect end = { other->x, other->y, 1e-9, 1e-9 };

        rect_union (&damage, &end, &empty);
      }
      for (guint i = 0; i < edge->n_points; i++)
        {
          const CvnPoint *p = &g_array_index (self->points, CvnPoint, edge->first_point + i);
          CvnRect point = { p->x, p->y, 1e-9, 1e-9 };

          rect_union (&damage, &point, &empty);
        }
      edge->n_points = 0;
    }
  real->damage[self->generation % N_DAMAGE] = (Damage) { self->generation, damage };

  {
    CvnRect node_box = { x - node->width / 2, y - node->height / 2, node->width,
                         node->height };
    gboolean none = FALSE;

    rect_union (&self->bounds, &node_box, &none);
  }
  real->grid_dirty = TRUE;
}

CvnLayout *
cvn_layout_compute (CvnSnapshot            *snapshot,
                    CvnView                 view,
                    const CvnLayoutOptions *options)
{
  CvnLayoutReal *real;
  CvnLayoutBuilder builder;
  CvnLayoutOptions defaults;

  g_return_val_if_fail (snapshot != NULL, NULL);
  g_return_val_if_fail ((guint) view < CVN_N_VIEWS, NULL);

  if (options == NULL)
    {
      cvn_layout_options_init (&defaults);
      options = &defaults;
    }
  real = layout_new (view);
  builder_init (&builder, snapshot, options, &real->layout);
  switch (view)
    {
    case CVN_VIEW_STRUCTURE:
      cvn_layout_structure (&builder);
      break;
    case CVN_VIEW_GRAPH:
      cvn_layout_graph (&builder);
      break;
    case CVN_VIEW_MAP:
      cvn_layout_map (&builder);
      break;
    default:
      g_assert_not_reached ();
    }
  g_clear_object (&real->measure);
  cvn_layout_finish (&real->layout);
  builder_clear (&builder);
  return &real->layout;
}
