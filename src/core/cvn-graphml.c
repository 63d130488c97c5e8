/* cvn-graphml.c — GraphML export and import.
 *
 * The rules (what nests where, what a node becomes) are in the header; this file follows them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-graphml"

#include "config.h"

#include "cvn-graphml.h"
#include "cvn-snapshot.h"
#include "cvn-store.h"
#include "cvn-xml-safe.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/tree.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define DEFAULT_VIEW "structure"
#define DEFAULT_GROUP_KIND "cluster"

/* yEd geometry, in yEd's units (points at 100%). */
#define LEAF_WIDTH     170.0
#define LEAF_HEIGHT    40.0
#define GROUP_INSET    15.0
#define GROUP_LABEL    24.0
#define EMPTY_GROUP    80.0
#define GAP            20.0
#define MIN_ROW_WIDTH  600.0

/* Real partnerships nest three or four deep. Deeper chains of parents (which only a crafted
 * file can make) are cut into top-level pieces joined by "parent" edges on export, and are
 * refused on import, so that neither side recurses or walks without bound. */
#define MAX_NESTING    48
#define MAX_PARENTS    256

#define ID_TO_POINTER(id) GSIZE_TO_POINTER ((gsize) (id))
#define POINTER_TO_ID(p) ((gint64) GPOINTER_TO_SIZE (p))

/* The keys the export declares, in the order it declares them. */
typedef struct
{
  const char *id;
  const char *domain;
  const char *name;
  const char *type;
} KeySpec;

static const KeySpec export_keys[] = {
  { "n_kind", "node", "kind", "string" },
  { "n_name", "node", "name", "string" },
  /* Establishments. */
  { "n_urn", "node", "urn", "long" },
  { "n_phase", "node", "phase", "string" },
  { "n_type", "node", "type", "string" },
  { "n_local_authority", "node", "local_authority", "string" },
  { "n_religious_character", "node", "religious_character", "string" },
  { "n_diocese", "node", "diocese", "string" },
  { "n_trust", "node", "trust", "string" },
  { "n_federation", "node", "federation", "string" },
  { "n_postcode", "node", "postcode", "string" },
  { "n_easting", "node", "easting", "double" },
  { "n_northing", "node", "northing", "double" },
  { "n_inspection_grade", "node", "inspection_grade", "string" },
  { "n_pupils", "node", "pupils", "int" },
  { "n_is_open", "node", "is_open", "boolean" },
  { "n_risk_category", "node", "risk_category", "string" },
  { "n_engagement", "node", "engagement", "string" },
  { "n_opted_out_reason", "node", "opted_out_reason", "string" },
  { "n_colour", "node", "colour", "string" },
  /* People. */
  { "n_job_title", "node", "job_title", "string" },
  { "n_email", "node", "email", "string" },
  { "n_phone", "node", "phone", "string" },
  { "n_works_at", "node", "works_at", "string" },
  /* Groups. */
  { "n_group_kind", "node", "group_kind", "string" },
  { "n_tier", "node", "tier", "int" },
  { "n_purpose", "node", "purpose", "string" },
  { "n_status", "node", "status", "string" },
  { "n_represents", "node", "represents", "string" },
  { "n_max_per_organisation", "node", "max_per_organisation", "int" },
  { "n_seats_per_alliance", "node", "seats_per_alliance", "int" },
  { "n_seats_per_phase", "node", "seats_per_phase", "string" },
  /* The membership that places a school or person inside its home group. */
  { "n_role", "node", "role", "string" },
  { "n_from", "node", "from", "string" },
  { "n_until", "node", "until", "string" },
  /* A saved position. */
  { "n_x", "node", "x", "double" },
  { "n_y", "node", "y", "double" },
  /* Edges. */
  { "e_relation", "edge", "relation", "string" },
  { "e_role", "edge", "role", "string" },
  { "e_from", "edge", "from", "string" },
  { "e_until", "edge", "until", "string" },
};

#define GRAPHICS_KEY "n_graphics"

void
cvn_graphml_summary_free (CvnGraphmlSummary *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->unknown_attributes, g_ptr_array_unref);
  g_free (self);
}

/* ---------------------------------------------------------------------------------------- */
/* Export                                                                                   */
/* ---------------------------------------------------------------------------------------- */

typedef struct
{
  double x;
  double y;
} Position;

/* One node of the export, with its place in the nesting and its yEd geometry. */
typedef struct _Box Box;
struct _Box
{
  CvnObjectKind        kind;
  gint64               id;
  const CvnMembership *home;        /* schools and people: the membership that nests them */
  GPtrArray           *children;    /* groups in the nested form: Box * */
  double               x, y;        /* absolute top-left corner */
  double               rx, ry;      /* packing: offset within the parent's content */
  double               width, height;
};

static void
box_free (gpointer data)
{
  Box *box = data;

  g_clear_pointer (&box->children, g_ptr_array_unref);
  g_free (box);
}

static Box *
box_new (CvnObjectKind kind,
         gint64        id)
{
  Box *box = g_new0 (Box, 1);

  box->kind = kind;
  box->id = id;
  return box;
}

typedef struct
{
  CvnDocument                   *doc;
  CvnSnapshot                   *snapshot;
  const CvnGraphmlExportOptions *options;
  GHashTable                    *positions;      /* "kind:id" -> Position */
  GHashTable                    *group_order;    /* group id -> index in snapshot->groups */
  GHashTable                    *nested;         /* CvnMembership * expressed by nesting */
  GPtrArray                     *roots;          /* Box *, the top-level nodes */
  GPtrArray                     *parent_edges;   /* const CvnGroup *: parents drawn as edges */
  xmlNs                         *y_ns;
} Export;

static char *
object_key (CvnObjectKind kind,
            gint64        id)
{
  return g_strdup_printf ("%s:%" G_GINT64_FORMAT, cvn_object_kind_to_string (kind), id);
}

static char *
node_id (CvnObjectKind kind,
         gint64        id)
{
  switch (kind)
    {
    case CVN_OBJECT_ESTABLISHMENT:
      return g_strdup_printf ("s%" G_GINT64_FORMAT, id);
    case CVN_OBJECT_PERSON:
      return g_strdup_printf ("p%" G_GINT64_FORMAT, id);
    case CVN_OBJECT_GROUP:
      return g_strdup_printf ("g%" G_GINT64_FORMAT, id);
    case CVN_OBJECT_NONE:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

static gboolean
load_positions (Export  *self,
                GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  const char *view = self->options->view != NULL ? self->options->view : DEFAULT_VIEW;
  int rc;

  stmt = cvn_document_prepare (self->doc, "SELECT object_kind, object_id, x, y FROM layouts "
                                          "WHERE view = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, view, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Position *position = g_new (Position, 1);
      CvnObjectKind kind = cvn_object_kind_from_string ((const char *) sqlite3_column_text (stmt,
                                                                                           0));

      position->x = sqlite3_column_double (stmt, 2);
      position->y = sqlite3_column_double (stmt, 3);
      g_hash_table_replace (self->positions, object_key (kind, sqlite3_column_int64 (stmt, 1)),
                            position);
    }
  if (rc != SQLITE_DONE)
    {
      cvn_document_set_sql_error (self->doc, error, cvn_document_get_path (self->doc));
      return FALSE;
    }
  return TRUE;
}

static const Position *
find_position (Export        *self,
               CvnObjectKind  kind,
               gint64         id)
{
  g_autofree char *key = object_key (kind, id);

  return g_hash_table_lookup (self->positions, key);
}

/* The home-group rule of the header, as a sort key: lower is better. */
static gboolean
home_is_better (Export              *self,
                const CvnMembership *candidate,
                const CvnMembership *best)
{
  const CvnGroup *a = cvn_snapshot_find_group (self->snapshot, candidate->group_id);
  const CvnGroup *b = cvn_snapshot_find_group (self->snapshot, best->group_id);
  int a_rank = (a->tier == 1 ? 0 : 2) +
               (cvn_snapshot_membership_is_current (self->snapshot, candidate) ? 0 : 1);
  int b_rank = (b->tier == 1 ? 0 : 2) +
               (cvn_snapshot_membership_is_current (self->snapshot, best) ? 0 : 1);
  guint a_order, b_order;

  if (a_rank != b_rank)
    return a_rank < b_rank;
  a_order = GPOINTER_TO_UINT (g_hash_table_lookup (self->group_order, ID_TO_POINTER (a->id)));
  b_order = GPOINTER_TO_UINT (g_hash_table_lookup (self->group_order, ID_TO_POINTER (b->id)));
  if (a_order != b_order)
    return a_order < b_order;
  return candidate->id < best->id;
}

static const CvnMembership *
choose_home (Export        *self,
             CvnObjectKind  kind,
             gint64         id)
{
  g_autoptr (GPtrArray) memberships = cvn_snapshot_get_memberships_of (self->snapshot, kind, id,
                                                                      FALSE);
  const CvnMembership *best = NULL;

  for (guint i = 0; i < memberships->len; i++)
    {
      const CvnMembership *membership = g_ptr_array_index (memberships, i);

      if (cvn_snapshot_find_group (self->snapshot, membership->group_id) == NULL)
        continue;
      if (best == NULL || home_is_better (self, membership, best))
        best = membership;
    }
  return best;
}

/* A box for @group holding its child groups' boxes, depth first; @placed marks groups already
 * in the tree so that a parent loop cannot recurse for ever, and @boxes finds a group's box. */
static Box *
add_group_tree (Export         *self,
                const CvnGroup *group,
                guint           depth,
                GHashTable     *placed,
                GHashTable     *boxes)
{
  g_autoptr (GPtrArray) children = NULL;
  Box *box = box_new (CVN_OBJECT_GROUP, group->id);

  box->children = g_ptr_array_new_with_free_func (box_free);
  g_hash_table_add (placed, ID_TO_POINTER (group->id));
  g_hash_table_insert (boxes, ID_TO_POINTER (group->id), box);
  if (depth >= MAX_NESTING)
    return box;

  children = cvn_snapshot_get_child_groups (self->snapshot, group->id);
  for (guint i = 0; i < children->len; i++)
    {
      const CvnGroup *child = g_ptr_array_index (children, i);

      if (!g_hash_table_contains (placed, ID_TO_POINTER (child->id)))
        g_ptr_array_add (box->children,
                         add_group_tree (self, child, depth + 1, placed, boxes));
    }
  return box;
}

static void
add_leaf (Export        *self,
          GHashTable    *boxes,
          CvnObjectKind  kind,
          gint64         id)
{
  Box *box = box_new (kind, id);
  Box *home_box = NULL;

  if (!self->options->flat)
    box->home = choose_home (self, kind, id);
  if (box->home != NULL)
    home_box = g_hash_table_lookup (boxes, ID_TO_POINTER (box->home->group_id));
  if (home_box != NULL)
    {
      g_hash_table_add (self->nested, (gpointer) box->home);
      g_ptr_array_add (home_box->children, box);
    }
  else
    {
      box->home = NULL;
      g_ptr_array_add (self->roots, box);
    }
}

static void
build_tree (Export *self)
{
  g_autoptr (GHashTable) placed = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) boxes = g_hash_table_new (NULL, NULL);

  if (self->options->flat)
    {
      for (guint i = 0; i < self->snapshot->groups->len; i++)
        {
          const CvnGroup *group = &g_array_index (self->snapshot->groups, CvnGroup, i);

          g_ptr_array_add (self->roots, box_new (CVN_OBJECT_GROUP, group->id));
          if (group->parent_id != 0 && cvn_snapshot_find_group (self->snapshot,
                                                                group->parent_id) != NULL)
            g_ptr_array_add (self->parent_edges, (gpointer) group);
        }
    }
  else
    {
      /* Groups without a parent first, then whatever a parent loop or MAX_NESTING left
       * unplaced; the second pass places every group that is still left. */
      for (guint pass = 0; pass < 2; pass++)
        for (guint i = 0; i < self->snapshot->groups->len; i++)
          {
            const CvnGroup *group = &g_array_index (self->snapshot->groups, CvnGroup, i);
            gboolean has_parent = group->parent_id != 0 &&
                                  cvn_snapshot_find_group (self->snapshot,
                                                           group->parent_id) != NULL;

            if (g_hash_table_contains (placed, ID_TO_POINTER (group->id)))
              continue;
            if (pass == 0 && has_parent)
              continue;
            g_ptr_array_add (self->roots, add_group_tree (self, group, 0, placed, boxes));
            if (has_parent)
              g_ptr_array_add (self->parent_edges, (gpointer) group);
          }
    }

  for (guint i = 0; i < self->snapshot->establishments->len; i++)
    add_leaf (self, boxes, CVN_OBJECT_ESTABLISHMENT,
              g_array_index (self->snapshot->establishments, CvnEstablishment, i).id);
  if (!self->options->hide_people)
    for (guint i = 0; i < self->snapshot->people->len; i++)
      add_leaf (self, boxes, CVN_OBJECT_PERSON,
                g_array_index (self->snapshot->people, CvnPerson, i).id);
}

/* Packs @boxes (already measured) into rows; returns the size of the whole. */
static void
pack_rows (GPtrArray *boxes,
           double    *out_width,
           double    *out_height)
{
  double area = 0, row_width, x = 0, y = 0, row_height = 0, width = 0;

  for (guint i = 0; i < boxes->len; i++)
    {
      Box *box = g_ptr_array_index (boxes, i);

      area += (box->width + GAP) * (box->height + GAP);
    }
  row_width = MAX (MIN_ROW_WIDTH, sqrt (area) * 1.4);
  for (guint i = 0; i < boxes->len; i++)
    {
      Box *box = g_ptr_array_index (boxes, i);

      if (x > 0 && x + box->width > row_width)
        {
          x = 0;
          y += row_height + GAP;
          row_height = 0;
        }
      box->rx = x;
      box->ry = y;
      x += box->width + GAP;
      width = MAX (width, x - GAP);
      row_height = MAX (row_height, box->height);
    }
  *out_width = width;
  *out_height = boxes->len > 0 ? y + row_height : 0;
}

static void
measure (Box *box)
{
  double width, height;

  if (box->kind != CVN_OBJECT_GROUP)
    {
      box->width = LEAF_WIDTH;
      box->height = LEAF_HEIGHT;
      return;
    }
  if (box->children == NULL || box->children->len == 0)
    {
      box->width = box->height = EMPTY_GROUP;
      return;
    }
  for (guint i = 0; i < box->children->len; i++)
    measure (g_ptr_array_index (box->children, i));
  pack_rows (box->children, &width, &height);
  box->width = width + 2 * GROUP_INSET;
  box->height = height + GROUP_LABEL + 2 * GROUP_INSET;
}

static void
place (Box    *box,
       double  x,
       double  y)
{
  box->x = x;
  box->y = y;
  if (box->children != NULL)
    for (guint i = 0; i < box->children->len; i++)
      {
        Box *child = g_ptr_array_index (box->children, i);

        place (child, x + GROUP_INSET + child->rx, y + GROUP_LABEL + GROUP_INSET + child->ry);
      }
}

/* TRUE when every node that is not drawn around others has a saved position. */
static gboolean
all_positioned (Export    *self,
                GPtrArray *boxes)
{
  for (guint i = 0; i < boxes->len; i++)
    {
      Box *box = g_ptr_array_index (boxes, i);

      if (box->children != NULL && box->children->len > 0)
        {
          if (!all_positioned (self, box->children))
            return FALSE;
        }
      else if (find_position (self, box->kind, box->id) == NULL)
        return FALSE;
    }
  return TRUE;
}

/* Geometry from saved positions: leaves centred on theirs, groups around their members. */
static void
fit (Export *self,
     Box    *box)
{
  double left = G_MAXDOUBLE, top = G_MAXDOUBLE, right = -G_MAXDOUBLE, bottom = -G_MAXDOUBLE;

  if (box->children == NULL || box->children->len == 0)
    {
      const Position *position = find_position (self, box->kind, box->id);

      box->width = box->kind == CVN_OBJECT_GROUP ? EMPTY_GROUP : LEAF_WIDTH;
      box->height = box->kind == CVN_OBJECT_GROUP ? EMPTY_GROUP : LEAF_HEIGHT;
      box->x = position->x - box->width / 2;
      box->y = position->y - box->height / 2;
      return;
    }
  for (guint i = 0; i < box->children->len; i++)
    {
      Box *child = g_ptr_array_index (box->children, i);

      fit (self, child);
      left = MIN (left, child->x);
      top = MIN (top, child->y);
      right = MAX (right, child->x + child->width);
      bottom = MAX (bottom, child->y + child->height);
    }
  box->x = left - GROUP_INSET;
  box->y = top - GROUP_INSET - GROUP_LABEL;
  box->width = right - left + 2 * GROUP_INSET;
  box->height = bottom - top + 2 * GROUP_INSET + GROUP_LABEL;
}

static void
compute_geometry (Export *self)
{
  double width, height;

  if (self->roots->len > 0 && all_positioned (self, self->roots))
    {
      for (guint i = 0; i < self->roots->len; i++)
        fit (self, g_ptr_array_index (self->roots, i));
      return;
    }
  for (guint i = 0; i < self->roots->len; i++)
    measure (g_ptr_array_index (self->roots, i));
  pack_rows (self->roots, &width, &height);
  for (guint i = 0; i < self->roots->len; i++)
    {
      Box *box = g_ptr_array_index (self->roots, i);

      place (box, box->rx, box->ry);
    }
}

static void
add_data (xmlNode    *node,
          const char *key,
          const char *value)
{
  g_autofree char *text = NULL;
  xmlNode *data;

  if (value == NULL || *value == '\0')
    return;
  text = cvn_xml_make_representable (value);
  data = xmlNewTextChild (node, NULL, (const xmlChar *) "data", (const xmlChar *) text);
  xmlNewProp (data, (const xmlChar *) "key", (const xmlChar *) key);
}

static void
add_data_int (xmlNode    *node,
              const char *key,
              gint64      value)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  add_data (node, key, text);
}

static void
add_data_double (xmlNode    *node,
                 const char *key,
                 double      value)
{
  g_autofree char *text = cvn_xml_format_double (value);

  add_data (node, key, text);
}

static void
set_double_prop (xmlNode    *node,
                 const char *name,
                 double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, "%.1f", value);
  xmlNewProp (node, (const xmlChar *) name, (const xmlChar *) buffer);
}

/* A colour yEd accepts (#RRGGBB), or @fallback. */
static const char *
yed_colour (const char *colour,
            const char *fallback)
{
  if (colour == NULL || strlen (colour) != 7 || colour[0] != '#')
    return fallback;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (colour[i]))
      return fallback;
  return colour;
}

/* @colour mixed with white, so that a group box's members stay readable on it. */
static char *
tint (const char *colour)
{
  guint r = 0, g = 0, b = 0;

  if (sscanf (colour, "#%02x%02x%02x", &r, &g, &b) != 3)
    return g_strdup ("#F2F2F2");
  return g_strdup_printf ("#%02X%02X%02X", 255 - (255 - r) * 15 / 100,
                          255 - (255 - g) * 15 / 100, 255 - (255 - b) * 15 / 100);
}

static xmlNode *
add_y (Export     *self,
       xmlNode    *parent,
       const char *name)
{
  return xmlNewChild (parent, self->y_ns, (const xmlChar *) name, NULL);
}

static void
add_y_geometry (Export *self,
                xmlNode *parent,
                double   x,
                double   y,
                double   width,
                double   height)
{
  xmlNode *geometry = add_y (self, parent, "Geometry");

  set_double_prop (geometry, "height", height);
  set_double_prop (geometry, "width", width);
  set_double_prop (geometry, "x", x);
  set_double_prop (geometry, "y", y);
}

static void
add_y_fill_and_border (Export     *self,
                       xmlNode    *parent,
                       const char *fill,
                       const char *border,
                       const char *border_type)
{
  xmlNode *node = add_y (self, parent, "Fill");

  xmlNewProp (node, (const xmlChar *) "color", (const xmlChar *) fill);
  xmlNewProp (node, (const xmlChar *) "transparent", (const xmlChar *) "false");
  node = add_y (self, parent, "BorderStyle");
  xmlNewProp (node, (const xmlChar *) "color", (const xmlChar *) border);
  xmlNewProp (node, (const xmlChar *) "type", (const xmlChar *) border_type);
  xmlNewProp (node, (const xmlChar *) "width", (const xmlChar *) "1.0");
}

static void
add_y_label (Export     *self,
             xmlNode    *parent,
             const char *text,
             gboolean    group)
{
  g_autofree char *label_text = cvn_xml_make_representable (text);
  xmlNode *label = xmlNewTextChild (parent, self->y_ns, (const xmlChar *) "NodeLabel",
                                    (const xmlChar *) label_text);

  if (group)
    {
      xmlNewProp (label, (const xmlChar *) "alignment", (const xmlChar *) "left");
      xmlNewProp (label, (const xmlChar *) "autoSizePolicy", (const xmlChar *) "node_width");
      xmlNewProp (label, (const xmlChar *) "backgroundColor", (const xmlChar *) "#EBEBEB");
      xmlNewProp (label, (const xmlChar *) "modelName", (const xmlChar *) "internal");
      xmlNewProp (label, (const xmlChar *) "modelPosition", (const xmlChar *) "t");
    }
  else
    {
      xmlNewProp (label, (const xmlChar *) "alignment", (const xmlChar *) "center");
      xmlNewProp (label, (const xmlChar *) "modelName", (const xmlChar *) "internal");
      xmlNewProp (label, (const xmlChar *) "modelPosition", (const xmlChar *) "c");
    }
}

static void
add_leaf_graphics (Export     *self,
                   xmlNode    *node,
                   Box        *box,
                   const char *label,
                   const char *fill)
{
  xmlNode *data = xmlNewChild (node, NULL, (const xmlChar *) "data", NULL);
  xmlNode *shape_node, *shape;

  xmlNewProp (data, (const xmlChar *) "key", (const xmlChar *) GRAPHICS_KEY);
  shape_node = add_y (self, data, "ShapeNode");
  add_y_geometry (self, shape_node, box->x, box->y, box->width, box->height);
  add_y_fill_and_border (self, shape_node, fill, "#000000", "line");
  add_y_label (self, shape_node, label, FALSE);
  shape = add_y (self, shape_node, "Shape");
  xmlNewProp (shape, (const xmlChar *) "type",
              (const xmlChar *) (box->kind == CVN_OBJECT_PERSON ? "ellipse" : "roundrectangle"));
}

static void
add_group_realizer (Export     *self,
                    xmlNode    *realizers,
                    Box        *box,
                    const char *label,
                    const char *fill,
                    gboolean    closed)
{
  xmlNode *group_node = add_y (self, realizers, "GroupNode");
  g_autofree char *light = tint (fill);
  xmlNode *node;

  if (closed)
    add_y_geometry (self, group_node, box->x, box->y, EMPTY_GROUP, EMPTY_GROUP);
  else
    add_y_geometry (self, group_node, box->x, box->y, box->width, box->height);
  add_y_fill_and_border (self, group_node, light, fill, "dashed");
  add_y_label (self, group_node, label, TRUE);
  node = add_y (self, group_node, "Shape");
  xmlNewProp (node, (const xmlChar *) "type", (const xmlChar *) "roundrectangle");
  node = add_y (self, group_node, "State");
  xmlNewProp (node, (const xmlChar *) "closed", (const xmlChar *) (closed ? "true" : "false"));
  xmlNewProp (node, (const xmlChar *) "closedHeight", (const xmlChar *) "80.0");
  xmlNewProp (node, (const xmlChar *) "closedWidth", (const xmlChar *) "80.0");
  xmlNewProp (node, (const xmlChar *) "innerGraphDisplayEnabled", (const xmlChar *) "false");
  node = add_y (self, group_node, "Insets");
  xmlNewProp (node, (const xmlChar *) "bottom", (const xmlChar *) "15");
  xmlNewProp (node, (const xmlChar *) "bottomF", (const xmlChar *) "15.0");
  xmlNewProp (node, (const xmlChar *) "left", (const xmlChar *) "15");
  xmlNewProp (node, (const xmlChar *) "leftF", (const xmlChar *) "15.0");
  xmlNewProp (node, (const xmlChar *) "right", (const xmlChar *) "15");
  xmlNewProp (node, (const xmlChar *) "rightF", (const xmlChar *) "15.0");
  xmlNewProp (node, (const xmlChar *) "top", (const xmlChar *) "15");
  xmlNewProp (node, (const xmlChar *) "topF", (const xmlChar *) "15.0");
}

static void
add_group_graphics (Export     *self,
                    xmlNode    *node,
                    Box        *box,
                    const char *label,
                    const char *fill)
{
  xmlNode *data = xmlNewChild (node, NULL, (const xmlChar *) "data", NULL);
  xmlNode *proxy, *realizers;

  xmlNewProp (data, (const xmlChar *) "key", (const xmlChar *) GRAPHICS_KEY);
  proxy = add_y (self, data, "ProxyAutoBoundsNode");
  realizers = add_y (self, proxy, "Realizers");
  xmlNewProp (realizers, (const xmlChar *) "active", (const xmlChar *) "0");
  add_group_realizer (self, realizers, box, label, fill, FALSE);
  add_group_realizer (self, realizers, box, label, fill, TRUE);
}

static void
add_establishment_data (xmlNode                *node,
                        const CvnEstablishment *e)
{
  add_data (node, "n_kind", "school");
  add_data (node, "n_name", e->name);
  if (e->urn > 0)
    add_data_int (node, "n_urn", e->urn);
  add_data (node, "n_phase", e->phase);
  add_data (node, "n_type", e->type);
  add_data (node, "n_local_authority", e->local_authority);
  add_data (node, "n_religious_character", e->religious_character);
  add_data (node, "n_diocese", e->diocese);
  add_data (node, "n_trust", e->trust);
  add_data (node, "n_federation", e->federation);
  add_data (node, "n_postcode", e->postcode);
  if (e->has_location)
    {
      add_data_double (node, "n_easting", e->easting);
      add_data_double (node, "n_northing", e->northing);
    }
  add_data (node, "n_inspection_grade", e->inspection_grade);
  if (e->pupils >= 0)
    add_data_int (node, "n_pupils", e->pupils);
  add_data (node, "n_is_open", e->is_open ? "true" : "false");
  add_data (node, "n_risk_category", e->risk_category);
  add_data (node, "n_engagement", e->engagement);
  add_data (node, "n_opted_out_reason", e->opted_out_reason);
  add_data (node, "n_colour", e->colour);
}

static void
add_person_data (Export          *self,
                 xmlNode         *node,
                 const CvnPerson *p)
{
  add_data (node, "n_kind", "person");
  add_data (node, "n_name", p->name);
  add_data (node, "n_job_title", p->job_title);
  add_data (node, "n_email", p->email);
  add_data (node, "n_phone", p->phone);
  if (p->establishment_id != 0 &&
      cvn_snapshot_find_establishment (self->snapshot, p->establishment_id) != NULL)
    {
      g_autofree char *id = node_id (CVN_OBJECT_ESTABLISHMENT, p->establishment_id);

      add_data (node, "n_works_at", id);
    }
  add_data (node, "n_colour", p->colour);
}

static void
add_group_data (xmlNode        *node,
                const CvnGroup *g)
{
  add_data (node, "n_kind", "group");
  add_data (node, "n_name", g->name);
  add_data (node, "n_group_kind", g->kind);
  if (g->tier > 0)
    add_data_int (node, "n_tier", g->tier);
  add_data (node, "n_phase", g->phase);
  add_data (node, "n_purpose", g->purpose);
  add_data (node, "n_status", g->status);
  add_data (node, "n_colour", g->colour);
  add_data (node, "n_represents", g->represents);
  if (g->max_per_organisation > 0)
    add_data_int (node, "n_max_per_organisation", g->max_per_organisation);
  if (g->seats_per_alliance > 0)
    add_data_int (node, "n_seats_per_alliance", g->seats_per_alliance);
  add_data (node, "n_seats_per_phase", g->seats_per_phase);
}

static void
write_box (Export  *self,
           xmlNode *graph,
           Box     *box)
{
  g_autofree char *id = node_id (box->kind, box->id);
  xmlNode *node = xmlNewChild (graph, NULL, (const xmlChar *) "node", NULL);
  const Position *position = find_position (self, box->kind, box->id);
  const char *label = cvn_snapshot_get_name (self->snapshot, box->kind, box->id);
  const char *fill = "#FFFFFF";

  xmlNewProp (node, (const xmlChar *) "id", (const xmlChar *) id);
  switch (box->kind)
    {
    case CVN_OBJECT_ESTABLISHMENT:
      {
        const CvnEstablishment *e = cvn_snapshot_find_establishment (self->snapshot, box->id);

        add_establishment_data (node, e);
        fill = yed_colour (e->colour, "#DDEBF7");
      }
      break;
    case CVN_OBJECT_PERSON:
      {
        const CvnPerson *p = cvn_snapshot_find_person (self->snapshot, box->id);

        add_person_data (self, node, p);
        fill = yed_colour (p->colour, "#FFF2CC");
      }
      break;
    case CVN_OBJECT_GROUP:
      {
        const CvnGroup *g = cvn_snapshot_find_group (self->snapshot, box->id);

        if (!self->options->flat)
          xmlNewProp (node, (const xmlChar *) "yfiles.foldertype", (const xmlChar *) "group");
        add_group_data (node, g);
        fill = yed_colour (g->colour, "#808080");
      }
      break;
    case CVN_OBJECT_NONE:
    default:
      g_assert_not_reached ();
    }

  if (box->home != NULL)
    {
      if (box->home->role != CVN_ROLE_MEMBER)
        add_data (node, "n_role", cvn_role_to_string (box->home->role));
      add_data (node, "n_from", box->home->from_date);
      add_data (node, "n_until", box->home->until_date);
    }
  if (position != NULL)
    {
      add_data_double (node, "n_x", position->x);
      add_data_double (node, "n_y", position->y);
    }

  if (self->options->flat)
    return;

  if (box->kind == CVN_OBJECT_GROUP)
    {
      g_autofree char *graph_id = g_strconcat (id, ":", NULL);
      xmlNode *inner;

      add_group_graphics (self, node, box, label, fill);
      inner = xmlNewChild (node, NULL, (const xmlChar *) "graph", NULL);
      xmlNewProp (inner, (const xmlChar *) "id", (const xmlChar *) graph_id);
      xmlNewProp (inner, (const xmlChar *) "edgedefault", (const xmlChar *) "directed");
      for (guint i = 0; i < box->children->len; i++)
        write_box (self, inner, g_ptr_array_index (box->children, i));
    }
  else
    add_leaf_graphics (self, node, box, label, fill);
}

static void
write_edges (Export  *self,
             xmlNode *graph)
{
  for (guint i = 0; i < self->snapshot->memberships->len; i++)
    {
      const CvnMembership *m = &g_array_index (self->snapshot->memberships, CvnMembership, i);
      g_autofree char *id = g_strdup_printf ("m%" G_GINT64_FORMAT, m->id);
      g_autofree char *source = NULL;
      g_autofree char *target = NULL;
      xmlNode *edge;

      if (g_hash_table_contains (self->nested, m))
        continue;
      if (m->member_kind == CVN_OBJECT_PERSON && self->options->hide_people)
        continue;
      if (cvn_snapshot_get_name (self->snapshot, m->member_kind, m->member_id) == NULL ||
          cvn_snapshot_find_group (self->snapshot, m->group_id) == NULL)
        continue;
      source = node_id (m->member_kind, m->member_id);
      target = node_id (CVN_OBJECT_GROUP, m->group_id);
      edge = xmlNewChild (graph, NULL, (const xmlChar *) "edge", NULL);
      xmlNewProp (edge, (const xmlChar *) "id", (const xmlChar *) id);
      xmlNewProp (edge, (const xmlChar *) "source", (const xmlChar *) source);
      xmlNewProp (edge, (const xmlChar *) "target", (const xmlChar *) target);
      add_data (edge, "e_relation", "member");
      add_data (edge, "e_role", cvn_role_to_string (m->role));
      add_data (edge, "e_from", m->from_date);
      add_data (edge, "e_until", m->until_date);
    }

  for (guint i = 0; i < self->parent_edges->len; i++)
    {
      const CvnGroup *group = g_ptr_array_index (self->parent_edges, i);
      g_autofree char *id = g_strdup_printf ("parent%" G_GINT64_FORMAT, group->id);
      g_autofree char *source = node_id (CVN_OBJECT_GROUP, group->id);
      g_autofree char *target = node_id (CVN_OBJECT_GROUP, group->parent_id);
      xmlNode *edge = xmlNewChild (graph, NULL, (const xmlChar *) "edge", NULL);

      xmlNewProp (edge, (const xmlChar *) "id", (const xmlChar *) id);
      xmlNewProp (edge, (const xmlChar *) "source", (const xmlChar *) source);
      xmlNewProp (edge, (const xmlChar *) "target", (const xmlChar *) target);
      add_data (edge, "e_relation", "parent");
    }
}

GBytes *
cvn_graphml_export_bytes (CvnDocument                    *doc,
                          const CvnGraphmlExportOptions  *options,
                          GError                        **error)
{
  static const CvnGraphmlExportOptions defaults = { FALSE, FALSE, NULL };
  g_autoptr (CvnSnapshot) snapshot = NULL;
  g_autoptr (xmlDoc) xml = NULL;
  g_autoptr (GHashTable) positions = NULL;
  g_autoptr (GHashTable) group_order = NULL;
  g_autoptr (GHashTable) nested = NULL;
  g_autoptr (GPtrArray) roots = NULL;
  g_autoptr (GPtrArray) parent_edges = NULL;
  xmlNode *root, *graph;
  xmlNs *ns;
  xmlChar *buffer = NULL;
  int size = 0;
  Export self;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), NULL);

  if (options == NULL)
    options = &defaults;
  snapshot = cvn_snapshot_load (doc, error);
  if (snapshot == NULL)
    return NULL;

  positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  group_order = g_hash_table_new (NULL, NULL);
  nested = g_hash_table_new (NULL, NULL);
  roots = g_ptr_array_new_with_free_func (box_free);
  parent_edges = g_ptr_array_new ();
  self = (Export) { doc, snapshot, options, positions, group_order, nested, roots,
                    parent_edges, NULL };
  for (guint i = 0; i < snapshot->groups->len; i++)
    g_hash_table_insert (group_order,
                         ID_TO_POINTER (g_array_index (snapshot->groups, CvnGroup, i).id),
                         GUINT_TO_POINTER (i));
  if (!load_positions (&self, error))
    return NULL;
  build_tree (&self);
  if (!options->flat)
    compute_geometry (&self);

  xml = xmlNewDoc ((const xmlChar *) "1.0");
  root = xmlNewNode (NULL, (const xmlChar *) "graphml");
  xmlDocSetRootElement (xml, root);
  ns = xmlNewNs (root, (const xmlChar *) CVN_GRAPHML_NAMESPACE, NULL);
  xmlSetNs (root, ns);
  {
    xmlNs *xsi = xmlNewNs (root, (const xmlChar *) "http://www.w3.org/2001/XMLSchema-instance",
                           (const xmlChar *) "xsi");

    if (!options->flat)
      self.y_ns = xmlNewNs (root, (const xmlChar *) CVN_YFILES_NAMESPACE,
                            (const xmlChar *) "y");
    xmlNewNsProp (root, xsi, (const xmlChar *) "schemaLocation",
                  (const xmlChar *) CVN_GRAPHML_NAMESPACE
                  " http://graphml.graphdrawing.org/xmlns/1.1/graphml.xsd");
  }

  for (guint i = 0; i < G_N_ELEMENTS (export_keys); i++)
    {
      xmlNode *key = xmlNewChild (root, NULL, (const xmlChar *) "key", NULL);

      xmlNewProp (key, (const xmlChar *) "id", (const xmlChar *) export_keys[i].id);
      xmlNewProp (key, (const xmlChar *) "for", (const xmlChar *) export_keys[i].domain);
      xmlNewProp (key, (const xmlChar *) "attr.name", (const xmlChar *) export_keys[i].name);
      xmlNewProp (key, (const xmlChar *) "attr.type", (const xmlChar *) export_keys[i].type);
    }
  if (!options->flat)
    {
      xmlNode *key = xmlNewChild (root, NULL, (const xmlChar *) "key", NULL);

      xmlNewProp (key, (const xmlChar *) "id", (const xmlChar *) GRAPHICS_KEY);
      xmlNewProp (key, (const xmlChar *) "for", (const xmlChar *) "node");
      xmlNewProp (key, (const xmlChar *) "yfiles.type", (const xmlChar *) "nodegraphics");
    }

  graph = xmlNewChild (root, NULL, (const xmlChar *) "graph", NULL);
  xmlNewProp (graph, (const xmlChar *) "id", (const xmlChar *) "G");
  xmlNewProp (graph, (const xmlChar *) "edgedefault", (const xmlChar *) "directed");
  for (guint i = 0; i < roots->len; i++)
    write_box (&self, graph, g_ptr_array_index (roots, i));
  write_edges (&self, graph);

  xmlDocDumpFormatMemoryEnc (xml, &buffer, &size, "UTF-8", 1);
  if (buffer == NULL)
    {
      g_set_error (error, CVN_XML_ERROR, CVN_XML_ERROR_UNREPRESENTABLE,
                   _("Could not write the document as GraphML"));
      return NULL;
    }
  {
    GBytes *bytes = g_bytes_new (buffer, (gsize) size);

    xmlFree (buffer);
    return bytes;
  }
}

gboolean
cvn_graphml_export (CvnDocument                    *doc,
                    const char                     *path,
                    const CvnGraphmlExportOptions  *options,
                    GError                        **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local_error = NULL;
  const char *data;
  gsize size;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = cvn_graphml_export_bytes (doc, options, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  if (!g_file_set_contents (path, data, (gssize) size, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), path,
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------------------------- */
/* Import                                                                                   */
/* ---------------------------------------------------------------------------------------- */

typedef struct
{
  char *name;           /* attr.name, normalised; NULL for yFiles keys */
  char *domain;         /* node, edge, graph, all ... */
  char *yfiles_type;
  char *default_value;
} KeyInfo;

static void
key_info_free (gpointer data)
{
  KeyInfo *key = data;

  g_free (key->name);
  g_free (key->domain);
  g_free (key->yfiles_type);
  g_free (key->default_value);
  g_free (key);
}

typedef struct
{
  char *name;
  char *value;
} Attribute;

static void
attribute_clear (gpointer data)
{
  Attribute *attribute = data;

  g_clear_pointer (&attribute->name, g_free);
  g_clear_pointer (&attribute->value, g_free);
}

typedef struct _GmlNode GmlNode;
struct _GmlNode
{
  char          *id;
  xmlNode       *element;
  GmlNode       *parent;       /* the node whose nested graph holds this one */
  GArray        *attributes;   /* Attribute, in the order of the file */
  char          *yed_label;
  gboolean       has_graph;    /* holds a nested graph, or yEd calls it a group */
  CvnObjectKind  kind;
  gint64         object_id;
  gboolean       created;
};

static void
gml_node_free (gpointer data)
{
  GmlNode *node = data;

  g_free (node->id);
  g_clear_pointer (&node->attributes, g_array_unref);
  g_free (node->yed_label);
  g_free (node);
}

typedef struct
{
  CvnDocument       *doc;
  const char        *name;
  const char        *view;
  CvnSnapshot       *snapshot;
  CvnGraphmlSummary *summary;
  GHashTable        *keys;             /* key id -> KeyInfo */
  GPtrArray         *nodes;            /* GmlNode, in the order of the file */
  GHashTable        *nodes_by_id;      /* id -> GmlNode */
  GPtrArray         *edges;            /* xmlNode * */
  GHashTable        *schools_by_urn;   /* urn -> id */
  GHashTable        *schools_by_name;  /* name -> id */
  GHashTable        *people_by_name;   /* name -> id */
  GHashTable        *groups_by_name;   /* name -> id */
  GHashTable        *groups;           /* id -> CvnGroup *, copies to update parents with */
  GHashTable        *memberships;      /* "group:kind:member:role:from:until" */
  GHashTable        *unknown;          /* attribute names without a field */
} Import;

/* Field names as the export writes them; other writers' "Local authority" or "local-authority"
 * come out the same. */
static char *
normalise_name (const char *name)
{
  char *normal = g_strstrip (g_ascii_strdown (name, -1));

  g_strdelimit (normal, " -", '_');
  return normal;
}

static gboolean
in_list (const char * const *list,
         const char         *name)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (g_str_equal (list[i], name))
      return TRUE;
  return FALSE;
}

static const char * const generic_fields[] = {
  "kind", "name", "label", "x", "y", "role", "from", "until", "id", NULL
};
static const char * const establishment_fields[] = {
  "urn", "phase", "type", "local_authority", "religious_character", "diocese", "trust",
  "federation", "postcode", "easting", "northing", "inspection_grade", "pupils", "is_open",
  "risk_category", "engagement", "opted_out_reason", "colour", NULL
};
static const char * const person_fields[] = {
  "job_title", "email", "phone", "works_at", "colour", NULL
};
static const char * const group_fields[] = {
  "group_kind", "tier", "phase", "purpose", "status", "colour", "represents",
  "max_per_organisation", "seats_per_alliance", "seats_per_phase", NULL
};

static gboolean
is_known_field (CvnObjectKind  kind,
                const char    *name)
{
  if (in_list (generic_fields, name))
    return TRUE;
  switch (kind)
    {
    case CVN_OBJECT_ESTABLISHMENT:
      return in_list (establishment_fields, name);
    case CVN_OBJECT_PERSON:
      return in_list (person_fields, name);
    case CVN_OBJECT_GROUP:
      return in_list (group_fields, name);
    case CVN_OBJECT_NONE:
    default:
      return FALSE;
    }
}

/* The value of attribute @name, or NULL when the element has none (or an empty one). */
static const char *
get_attribute (GArray     *attributes,
               const char *name)
{
  for (guint i = 0; i < attributes->len; i++)
    {
      const Attribute *attribute = &g_array_index (attributes, Attribute, i);

      if (g_str_equal (attribute->name, name))
        return attribute->value;
    }
  return NULL;
}

/* networkx writes a missing number as "nan"; Convenor has no value then, not an error. */
static gboolean
is_missing_number (const char *value)
{
  return value == NULL || g_ascii_strcasecmp (value, "nan") == 0 ||
         g_ascii_strcasecmp (value, "-nan") == 0;
}

static gboolean
is_graphml_element (xmlNode    *node,
                    const char *name)
{
  if (node == NULL || node->type != XML_ELEMENT_NODE ||
      !xmlStrEqual (node->name, (const xmlChar *) name))
    return FALSE;
  return node->ns == NULL || xmlStrEqual (node->ns->href,
                                          (const xmlChar *) CVN_GRAPHML_NAMESPACE);
}

static gboolean
is_yfiles_element (xmlNode    *node,
                   const char *name)
{
  return cvn_xml_is_element (node, CVN_YFILES_NAMESPACE, name);
}

/* The first yEd label with text under @node, depth first. */
static xmlNode *
find_node_label (xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      xmlNode *found;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (is_yfiles_element (child, "NodeLabel"))
        {
          g_autofree char *text = cvn_xml_dup_content (child);

          if (*g_strstrip (text) != '\0')
            return child;
        }
      found = find_node_label (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static xmlNode *
find_yfiles_descendant (xmlNode    *node,
                        const char *name)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      xmlNode *found;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (is_yfiles_element (child, name))
        return child;
      found = find_yfiles_descendant (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* yEd's label for a node: a group's ProxyAutoBoundsNode holds one realizer per state (open,
 * closed), and the active one is what yEd shows. */
static char *
read_yed_label (xmlNode *data)
{
  xmlNode *scope = data;
  xmlNode *realizers = find_yfiles_descendant (data, "Realizers");
  xmlNode *label;

  if (realizers != NULL)
    {
      g_autofree char *active_text = cvn_xml_dup_prop (realizers, "active");
      guint64 active = 0;
      guint index = 0;

      if (active_text != NULL)
        g_ascii_string_to_unsigned (active_text, 10, 0, G_MAXUINT, &active, NULL);
      for (xmlNode *child = realizers->children; child != NULL; child = child->next)
        if (child->type == XML_ELEMENT_NODE && index++ == active)
          {
            scope = child;
            break;
          }
    }
  label = find_node_label (scope);
  if (label == NULL)
    label = find_node_label (data);
  if (label == NULL)
    return NULL;
  return g_strstrip (cvn_xml_dup_content (label));
}

static gboolean
read_keys (Import  *self,
           xmlNode *root,
           GError **error)
{
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *attr_name = NULL;
      KeyInfo *key;

      if (!is_graphml_element (child, "key"))
        continue;
      id = cvn_xml_dup_prop (child, "id");
      if (id == NULL)
        {
          cvn_xml_set_node_error (error, self->name, child, _("<key> has no id"));
          return FALSE;
        }
      attr_name = cvn_xml_dup_prop (child, "attr.name");
      key = g_new0 (KeyInfo, 1);
      key->name = attr_name != NULL ? normalise_name (attr_name) : NULL;
      key->domain = cvn_xml_dup_prop (child, "for");
      if (key->domain == NULL)
        key->domain = g_strdup ("all");
      key->yfiles_type = cvn_xml_dup_prop (child, "yfiles.type");
      for (xmlNode *d = child->children; d != NULL; d = d->next)
        if (is_graphml_element (d, "default"))
          key->default_value = g_strstrip (cvn_xml_dup_content (d));
      g_hash_table_replace (self->keys, g_steal_pointer (&id), key);
    }
  return TRUE;
}

static int
compare_key_names (gconstpointer a,
                   gconstpointer b)
{
  const KeyInfo *key_a = *(KeyInfo * const *) a;
  const KeyInfo *key_b = *(KeyInfo * const *) b;

  return strcmp (key_a->name, key_b->name);
}

/* Reads the <data> children of a node or an edge (@domain) into @attributes, applying key
 * defaults; returns yEd's label through @out_label when there is one. */
static gboolean
read_data (Import      *self,
           xmlNode     *element,
           const char  *domain,
           GArray      *attributes,
           char       **out_label,
           GError     **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key_id, value;

  for (xmlNode *child = element->children; child != NULL; child = child->next)
    {
      g_autofree char *key_id_text = NULL;
      KeyInfo *key;
      Attribute attribute;

      if (!is_graphml_element (child, "data"))
        continue;
      key_id_text = cvn_xml_dup_prop (child, "key");
      if (key_id_text == NULL)
        {
          cvn_xml_set_node_error (error, self->name, child, _("<data> has no key"));
          return FALSE;
        }
      key = g_hash_table_lookup (self->keys, key_id_text);
      if (key == NULL)
        {
          cvn_xml_set_node_error (error, self->name, child,
                                  _("<data> refers to the key “%s”, which the file does not "
                                    "declare"), key_id_text);
          return FALSE;
        }
      if (key->yfiles_type != NULL)
        {
          if (out_label != NULL && *out_label == NULL &&
              g_str_equal (key->yfiles_type, "nodegraphics"))
            *out_label = read_yed_label (child);
          continue;
        }
      if (key->name == NULL)
        continue;
      g_hash_table_add (seen, key->name);
      attribute.name = g_strdup (key->name);
      attribute.value = g_strstrip (cvn_xml_dup_content (child));
      if (*attribute.value == '\0')
        {
          attribute_clear (&attribute);
          continue;
        }
      g_array_append_val (attributes, attribute);
    }

  /* Defaults in the order of the declarations would depend on hashing; sort them by name. */
  {
    g_autoptr (GPtrArray) defaults = g_ptr_array_new ();

    g_hash_table_iter_init (&iter, self->keys);
    while (g_hash_table_iter_next (&iter, &key_id, &value))
      {
        KeyInfo *key = value;

        if (key->name != NULL && key->default_value != NULL && *key->default_value != '\0' &&
            (g_str_equal (key->domain, domain) || g_str_equal (key->domain, "all")) &&
            !g_hash_table_contains (seen, key->name))
          {
            g_hash_table_add (seen, key->name);
            g_ptr_array_add (defaults, key);
          }
      }
    g_ptr_array_sort (defaults, (GCompareFunc) compare_key_names);
    for (guint i = 0; i < defaults->len; i++)
      {
        KeyInfo *key = g_ptr_array_index (defaults, i);
        Attribute attribute = { g_strdup (key->name), g_strdup (key->default_value) };

        g_array_append_val (attributes, attribute);
      }
  }
  return TRUE;
}

static gboolean collect_graph (Import  *self,
                               xmlNode *graph,
                               GmlNode *parent,
                               GError **error);

static gboolean
collect_node (Import  *self,
              xmlNode *element,
              GmlNode *parent,
              GError **error)
{
  g_autofree char *folder_type = NULL;
  GmlNode *node;

  node = g_new0 (GmlNode, 1);
  node->element = element;
  node->parent = parent;
  node->attributes = g_array_new (FALSE, TRUE, sizeof (Attribute));
  g_array_set_clear_func (node->attributes, attribute_clear);
  node->id = cvn_xml_dup_prop (element, "id");
  g_ptr_array_add (self->nodes, node);

  if (node->id == NULL)
    {
      cvn_xml_set_node_error (error, self->name, element, _("<node> has no id"));
      return FALSE;
    }
  if (g_hash_table_contains (self->nodes_by_id, node->id))
    {
      cvn_xml_set_node_error (error, self->name, element,
                              _("a second node has the id “%s”"), node->id);
      return FALSE;
    }
  g_hash_table_insert (self->nodes_by_id, node->id, node);

  if (!read_data (self, element, "node", node->attributes, &node->yed_label, error))
    return FALSE;
  folder_type = cvn_xml_dup_prop (element, "yfiles.foldertype");
  if (folder_type != NULL && (g_str_equal (folder_type, "group") ||
                              g_str_equal (folder_type, "folder")))
    node->has_graph = TRUE;

  for (xmlNode *child = element->children; child != NULL; child = child->next)
    if (is_graphml_element (child, "graph"))
      {
        node->has_graph = TRUE;
        if (!collect_graph (self, child, node, error))
          return FALSE;
      }
  return TRUE;
}

static gboolean
collect_graph (Import  *self,
               xmlNode *graph,
               GmlNode *parent,
               GError **error)
{
  for (xmlNode *child = graph->children; child != NULL; child = child->next)
    {
      if (is_graphml_element (child, "node"))
        {
          if (!collect_node (self, child, parent, error))
            return FALSE;
        }
      else if (is_graphml_element (child, "edge"))
        g_ptr_array_add (self->edges, child);
      else if (is_graphml_element (child, "hyperedge"))
        self->summary->edges_ignored++;
    }
  return TRUE;
}

static gboolean
is_group_kind (const char *kind)
{
  for (guint i = 0; cvn_group_kinds[i] != NULL; i++)
    if (g_ascii_strcasecmp (cvn_group_kinds[i], kind) == 0)
      return TRUE;
  return FALSE;
}

/* What the header calls "what a node is". */
static void
resolve_kind (GmlNode *node)
{
  const char *kind = get_attribute (node->attributes, "kind");

  if (kind != NULL)
    {
      if (g_ascii_strcasecmp (kind, "school") == 0 ||
          g_ascii_strcasecmp (kind, "establishment") == 0 ||
          g_ascii_strcasecmp (kind, "organisation") == 0 ||
          g_ascii_strcasecmp (kind, "organization") == 0)
        {
          node->kind = CVN_OBJECT_ESTABLISHMENT;
          return;
        }
      if (g_ascii_strcasecmp (kind, "person") == 0)
        {
          node->kind = CVN_OBJECT_PERSON;
          return;
        }
      if (g_ascii_strcasecmp (kind, "group") == 0 || is_group_kind (kind))
        {
          node->kind = CVN_OBJECT_GROUP;
          return;
        }
    }
  node->kind = node->has_graph ? CVN_OBJECT_GROUP : CVN_OBJECT_ESTABLISHMENT;
}

/* The group a node sits in: the nearest enclosing node that is a group. */
static GmlNode *
enclosing_group (GmlNode *node)
{
  for (GmlNode *up = node->parent; up != NULL; up = up->parent)
    if (up->kind == CVN_OBJECT_GROUP)
      return up;
  return NULL;
}

static const char *
node_name (GmlNode *node)
{
  const char *name = get_attribute (node->attributes, "name");

  if (name == NULL)
    name = get_attribute (node->attributes, "label");
  if (name == NULL && node->yed_label != NULL && *node->yed_label != '\0')
    name = node->yed_label;
  return name != NULL ? name : node->id;
}

/* Parses an optional whole number in [@min, @max]; integral doubles ("250.0", as networkx
 * writes them) count. Missing ("nan" included) sets @out_present to FALSE. */
static gboolean
parse_whole (Import     *self,
             GmlNode    *node,
             const char *field,
             gint64      min,
             gint64      max,
             gint64     *out_value,
             gboolean   *out_present,
             GError    **error)
{
  const char *text = get_attribute (node->attributes, field);
  char *end = NULL;
  double number;

  *out_present = FALSE;
  if (is_missing_number (text))
    return TRUE;
  if (g_ascii_string_to_signed (text, 10, min, max, out_value, NULL))
    {
      *out_present = TRUE;
      return TRUE;
    }
  number = g_ascii_strtod (text, &end);
  if (end != NULL && *end == '\0' && isfinite (number) && number == floor (number) &&
      number >= (double) min && number <= (double) max)
    {
      *out_value = (gint64) number;
      *out_present = TRUE;
      return TRUE;
    }
  cvn_xml_set_node_error (error, self->name, node->element,
                          _("node “%s”: %s “%s” is not a whole number from %" G_GINT64_FORMAT
                            " to %" G_GINT64_FORMAT), node->id, field, text, min, max);
  return FALSE;
}

static gboolean
parse_real (Import     *self,
            GmlNode    *node,
            const char *field,
            double     *out_value,
            gboolean   *out_present,
            GError    **error)
{
  const char *text = get_attribute (node->attributes, field);
  char *end = NULL;
  double number;

  *out_present = FALSE;
  if (is_missing_number (text))
    return TRUE;
  number = g_ascii_strtod (text, &end);
  if (end == NULL || *end != '\0' || !isfinite (number))
    {
      cvn_xml_set_node_error (error, self->name, node->element,
                              _("node “%s”: %s “%s” is not a number"), node->id, field, text);
      return FALSE;
    }
  *out_value = number;
  *out_present = TRUE;
  return TRUE;
}

static gboolean
parse_boolean (const char *text,
               gboolean   *out_value)
{
  static const char * const yes[] = { "true", "1", "yes", NULL };
  static const char * const no[] = { "false", "0", "no", NULL };

  for (guint i = 0; yes[i] != NULL; i++)
    if (g_ascii_strcasecmp (text, yes[i]) == 0)
      {
        *out_value = TRUE;
        return TRUE;
      }
  for (guint i = 0; no[i] != NULL; i++)
    if (g_ascii_strcasecmp (text, no[i]) == 0)
      {
        *out_value = FALSE;
        return TRUE;
      }
  return FALSE;
}

static void
take_text (char       **field,
           GArray      *attributes,
           const char  *name)
{
  const char *value = get_attribute (attributes, name);

  if (value != NULL)
    {
      g_free (*field);
      *field = g_strdup (value);
    }
}

/* "name: value; name: value" for the attributes Convenor has no field for, and a count of
 * them in the summary whether or not they can be kept. */
static char *
collect_notes (Import   *self,
               GmlNode  *node,
               gboolean  keep)
{
  g_autoptr (GString) notes = g_string_new (NULL);

  for (guint i = 0; i < node->attributes->len; i++)
    {
      const Attribute *attribute = &g_array_index (node->attributes, Attribute, i);

      if (is_known_field (node->kind, attribute->name) || is_missing_number (attribute->value))
        continue;
      g_hash_table_add (self->unknown, g_strdup (attribute->name));
      if (keep)
        {
          g_string_append_printf (notes, "%s%s: %s", notes->len > 0 ? "; " : "",
                                  attribute->name, attribute->value);
          self->summary->notes_kept++;
        }
      else
        self->summary->notes_dropped++;
    }
  return g_string_free (g_steal_pointer (&notes), FALSE);
}

static void
append_notes (char       **field,
              const char  *notes)
{
  char *joined;

  if (*notes == '\0')
    return;
  joined = **field != '\0' ? g_strconcat (*field, "\n", notes, NULL) : g_strdup (notes);
  g_free (*field);
  *field = joined;
}

static char *
membership_key (gint64        group_id,
                CvnObjectKind kind,
                gint64        member_id,
                CvnRole       role,
                const char   *from_date,
                const char   *until_date)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%d:%" G_GINT64_FORMAT ":%d:%s:%s", group_id,
                          (int) kind, member_id, (int) role, from_date, until_date);
}

static CvnGroup *
group_copy (const CvnGroup *group)
{
  CvnGroup *copy = g_new0 (CvnGroup, 1);

  *copy = *group;
  copy->name = g_strdup (group->name);
  copy->kind = g_strdup (group->kind);
  copy->phase = g_strdup (group->phase);
  copy->purpose = g_strdup (group->purpose);
  copy->status = g_strdup (group->status);
  copy->colour = g_strdup (group->colour);
  copy->represents = g_strdup (group->represents);
  copy->seats_per_phase = g_strdup (group->seats_per_phase);
  return copy;
}

static void
group_free (gpointer data)
{
  CvnGroup *group = data;

  cvn_group_clear (group);
  g_free (group);
}

/* The group with @id as this import knows it: created here, or copied from the snapshot. */
static CvnGroup *
lookup_group (Import *self,
              gint64  id)
{
  CvnGroup *group = g_hash_table_lookup (self->groups, ID_TO_POINTER (id));

  if (group == NULL)
    {
      const CvnGroup *existing = cvn_snapshot_find_group (self->snapshot, id);

      if (existing == NULL)
        return NULL;
      group = group_copy (existing);
      g_hash_table_insert (self->groups, ID_TO_POINTER (id), group);
    }
  return group;
}

/* Gives @group_id the parent @parent_id when it has none and the link makes no loop. Returns
 * FALSE only on a store error; @out_set says whether the parent is now @parent_id. */
static gboolean
set_parent (Import   *self,
            gint64    group_id,
            gint64    parent_id,
            gboolean *out_set,
            GError  **error)
{
  CvnGroup *group = lookup_group (self, group_id);
  guint steps = 0;

  *out_set = FALSE;
  if (group == NULL || group_id == parent_id)
    return TRUE;
  if (group->parent_id == parent_id)
    {
      *out_set = TRUE;
      return TRUE;
    }
  if (group->parent_id != 0)
    return TRUE;
  for (gint64 up = parent_id; up != 0; steps++)
    {
      CvnGroup *above = lookup_group (self, up);

      if (up == group_id || above == NULL || steps > MAX_PARENTS)
        return TRUE;
      up = above->parent_id;
    }
  group->parent_id = parent_id;
  if (!cvn_store_update_group (self->doc, group, error))
    return FALSE;
  self->summary->parents_set++;
  *out_set = TRUE;
  return TRUE;
}

/* Adds a membership unless the document (or this file) already has it. @what names the node
 * or edge in messages. */
static gboolean
add_membership (Import        *self,
                xmlNode       *element,
                const char    *what,
                gint64         group_id,
                CvnObjectKind  kind,
                gint64         member_id,
                GArray        *attributes,
                GError       **error)
{
  const char *role_text = get_attribute (attributes, "role");
  const char *from_date = get_attribute (attributes, "from");
  const char *until_date = get_attribute (attributes, "until");
  g_autofree char *key = NULL;
  CvnMembership membership = { 0 };

  if (kind == CVN_OBJECT_GROUP && member_id == group_id)
    {
      self->summary->edges_ignored++;
      return TRUE;
    }
  membership.role = CVN_ROLE_MEMBER;
  if (role_text != NULL && !cvn_role_from_string (role_text, &membership.role))
    {
      cvn_xml_set_node_error (error, self->name, element,
                              _("%s: the role “%s” is not one of member, chair, co-chair, "
                                "lead head, representative, observer"), what, role_text);
      return FALSE;
    }
  if (from_date == NULL)
    from_date = "";
  if (until_date == NULL)
    until_date = "";
  if (!cvn_date_is_valid (from_date) || !cvn_date_is_valid (until_date))
    {
      cvn_xml_set_node_error (error, self->name, element,
                              _("%s: the dates “%s” and “%s” are not both YYYY-MM-DD"), what,
                              from_date, until_date);
      return FALSE;
    }

  key = membership_key (group_id, kind, member_id, membership.role, from_date, until_date);
  if (g_hash_table_contains (self->memberships, key))
    {
      self->summary->memberships_existing++;
      return TRUE;
    }
  membership.group_id = group_id;
  membership.member_kind = kind;
  membership.member_id = member_id;
  membership.from_date = (char *) from_date;
  membership.until_date = (char *) until_date;
  if (cvn_store_insert_membership (self->doc, &membership, error) == 0)
    return FALSE;
  g_hash_table_add (self->memberships, g_steal_pointer (&key));
  self->summary->memberships_added++;
  return TRUE;
}

static gboolean
import_group (Import   *self,
              GmlNode  *node,
              GError  **error)
{
  const char *name = node_name (node);
  GmlNode *up = enclosing_group (node);
  gint64 parent_id = up != NULL ? up->object_id : 0;
  gint64 id = POINTER_TO_ID (g_hash_table_lookup (self->groups_by_name, name));
  g_autofree char *notes = NULL;
  CvnGroup group, *copy;
  gint64 number;
  gboolean present, set;

  if (id != 0)
    {
      node->object_id = id;
      self->summary->groups_matched++;
      g_free (collect_notes (self, node, FALSE));
      return parent_id == 0 || set_parent (self, id, parent_id, &set, error);
    }

  cvn_group_init (&group);
  g_free (group.name);
  group.name = g_strdup (name);
  {
    const char *kind = get_attribute (node->attributes, "group_kind");
    const char *node_kind = get_attribute (node->attributes, "kind");

    if (kind == NULL && node_kind != NULL && is_group_kind (node_kind))
      kind = node_kind;
    g_free (group.kind);
    group.kind = g_ascii_strdown (kind != NULL ? kind : DEFAULT_GROUP_KIND, -1);
  }
  take_text (&group.phase, node->attributes, "phase");
  take_text (&group.purpose, node->attributes, "purpose");
  take_text (&group.status, node->attributes, "status");
  take_text (&group.colour, node->attributes, "colour");
  take_text (&group.represents, node->attributes, "represents");
  take_text (&group.seats_per_phase, node->attributes, "seats_per_phase");
  group.parent_id = parent_id;
  if (!parse_whole (self, node, "tier", 0, 3, &number, &present, error))
    goto failed;
  group.tier = present ? (int) number : 0;
  if (!parse_whole (self, node, "max_per_organisation", 0, G_MAXINT, &number, &present, error))
    goto failed;
  group.max_per_organisation = present ? (int) number : 0;
  if (!parse_whole (self, node, "seats_per_alliance", 0, G_MAXINT, &number, &present, error))
    goto failed;
  group.seats_per_alliance = present ? (int) number : 0;
  notes = collect_notes (self, node, TRUE);
  append_notes (&group.purpose, notes);

  id = cvn_store_insert_group (self->doc, &group, error);
  if (id == 0)
    {
      g_prefix_error (error, _("%s line %ld: node “%s”: "), self->name,
                      xmlGetLineNo (node->element), node->id);
      goto failed;
    }
  group.id = id;
  copy = g_new (CvnGroup, 1);
  *copy = group;
  g_hash_table_insert (self->groups, ID_TO_POINTER (id), copy);
  g_hash_table_insert (self->groups_by_name, g_strdup (name), ID_TO_POINTER (id));
  node->object_id = id;
  node->created = TRUE;
  self->summary->groups_created++;
  if (parent_id != 0)
    self->summary->parents_set++;
  return TRUE;

failed:
  cvn_group_clear (&group);
  return FALSE;
}

static gboolean
import_establishment (Import   *self,
                      GmlNode  *node,
                      GError  **error)
{
  const char *name = node_name (node);
  g_autofree char *what = g_strdup_printf (_("node “%s”"), node->id);
  GmlNode *up = enclosing_group (node);
  gint64 urn = 0, id, pupils;
  gboolean has_urn, has_pupils, has_easting, has_northing;
  double easting = 0, northing = 0;

  if (!parse_whole (self, node, "urn", 1, G_MAXINT64, &urn, &has_urn, error))
    return FALSE;
  if (has_urn)
    id = POINTER_TO_ID (g_hash_table_lookup (self->schools_by_urn, &urn));
  else
    id = POINTER_TO_ID (g_hash_table_lookup (self->schools_by_name, name));

  if (id != 0)
    {
      self->summary->schools_matched++;
      g_free (collect_notes (self, node, FALSE));
    }
  else
    {
      CvnEstablishment school;
      g_autofree char *notes = NULL;
      const char *is_open = get_attribute (node->attributes, "is_open");

      if (!parse_whole (self, node, "pupils", 0, G_MAXINT, &pupils, &has_pupils, error) ||
          !parse_real (self, node, "easting", &easting, &has_easting, error) ||
          !parse_real (self, node, "northing", &northing, &has_northing, error))
        return FALSE;

      cvn_establishment_init (&school);
      g_free (school.name);
      school.name = g_strdup (name);
      school.urn = has_urn ? urn : 0;
      take_text (&school.phase, node->attributes, "phase");
      take_text (&school.type, node->attributes, "type");
      take_text (&school.local_authority, node->attributes, "local_authority");
      take_text (&school.religious_character, node->attributes, "religious_character");
      take_text (&school.diocese, node->attributes, "diocese");
      take_text (&school.trust, node->attributes, "trust");
      take_text (&school.federation, node->attributes, "federation");
      take_text (&school.postcode, node->attributes, "postcode");
      take_text (&school.inspection_grade, node->attributes, "inspection_grade");
      take_text (&school.risk_category, node->attributes, "risk_category");
      take_text (&school.engagement, node->attributes, "engagement");
      take_text (&school.opted_out_reason, node->attributes, "opted_out_reason");
      take_text (&school.colour, node->attributes, "colour");
      school.has_location = has_easting && has_northing;
      school.easting = easting;
      school.northing = northing;
      school.pupils = has_pupils ? (int) pupils : -1;
      if (is_open != NULL && !parse_boolean (is_open, &school.is_open))
        {
          cvn_establishment_clear (&school);
          cvn_xml_set_node_error (error, self->name, node->element,
                                  _("node “%s”: is_open “%s” is neither true nor false"),
                                  node->id, is_open);
          return FALSE;
        }
      notes = collect_notes (self, node, TRUE);
      append_notes (&school.engagement, notes);

      id = cvn_store_insert_establishment (self->doc, &school, error);
      cvn_establishment_clear (&school);
      if (id == 0)
        {
          g_prefix_error (error, _("%s line %ld: node “%s”: "), self->name,
                          xmlGetLineNo (node->element), node->id);
          return FALSE;
        }
      if (has_urn)
        {
          gint64 *key = g_new (gint64, 1);

          *key = urn;
          g_hash_table_insert (self->schools_by_urn, key, ID_TO_POINTER (id));
        }
      if (!g_hash_table_contains (self->schools_by_name, name))
        g_hash_table_insert (self->schools_by_name, g_strdup (name), ID_TO_POINTER (id));
      node->created = TRUE;
      self->summary->schools_created++;
    }
  node->object_id = id;

  if (up != NULL)
    return add_membership (self, node->element, what, up->object_id, CVN_OBJECT_ESTABLISHMENT,
                           id, node->attributes, error);
  return TRUE;
}

static gboolean
import_person (Import   *self,
               GmlNode  *node,
               GError  **error)
{
  const char *name = node_name (node);
  g_autofree char *what = g_strdup_printf (_("node “%s”"), node->id);
  GmlNode *up = enclosing_group (node);
  gint64 id = POINTER_TO_ID (g_hash_table_lookup (self->people_by_name, name));

  if (id != 0)
    {
      self->summary->people_matched++;
      g_free (collect_notes (self, node, FALSE));
    }
  else
    {
      CvnPerson person = { 0 };
      const char *works_at = get_attribute (node->attributes, "works_at");
      GmlNode *school = works_at != NULL ? g_hash_table_lookup (self->nodes_by_id, works_at)
                                         : NULL;

      person.name = g_strdup (name);
      person.job_title = g_strdup ("");
      person.email = g_strdup ("");
      person.phone = g_strdup ("");
      person.colour = g_strdup ("");
      take_text (&person.job_title, node->attributes, "job_title");
      take_text (&person.email, node->attributes, "email");
      take_text (&person.phone, node->attributes, "phone");
      take_text (&person.colour, node->attributes, "colour");
      if (school != NULL && school->kind == CVN_OBJECT_ESTABLISHMENT)
        person.establishment_id = school->object_id;
      g_free (collect_notes (self, node, FALSE));

      id = cvn_store_insert_person (self->doc, &person, error);
      cvn_person_clear (&person);
      if (id == 0)
        {
          g_prefix_error (error, _("%s line %ld: node “%s”: "), self->name,
                          xmlGetLineNo (node->element), node->id);
          return FALSE;
        }
      g_hash_table_insert (self->people_by_name, g_strdup (name), ID_TO_POINTER (id));
      node->created = TRUE;
      self->summary->people_created++;
    }
  node->object_id = id;

  if (up != NULL)
    return add_membership (self, node->element, what, up->object_id, CVN_OBJECT_PERSON, id,
                           node->attributes, error);
  return TRUE;
}

static gboolean
import_edge (Import   *self,
             xmlNode  *edge,
             GError  **error)
{
  g_autofree char *source_id = cvn_xml_dup_prop (edge, "source");
  g_autofree char *target_id = cvn_xml_dup_prop (edge, "target");
  g_autofree char *edge_id = cvn_xml_dup_prop (edge, "id");
  g_autofree char *what = NULL;
  g_autoptr (GArray) attributes = g_array_new (FALSE, TRUE, sizeof (Attribute));
  GmlNode *source, *target, *group, *member;
  const char *relation;

  g_array_set_clear_func (attributes, attribute_clear);
  if (source_id == NULL || target_id == NULL)
    {
      cvn_xml_set_node_error (error, self->name, edge, _("<edge> needs a source and a target"));
      return FALSE;
    }
  what = edge_id != NULL ? g_strdup_printf (_("edge “%s”"), edge_id)
                         : g_strdup_printf (_("edge from “%s” to “%s”"), source_id, target_id);
  source = g_hash_table_lookup (self->nodes_by_id, source_id);
  target = g_hash_table_lookup (self->nodes_by_id, target_id);
  if (source == NULL || target == NULL)
    {
      cvn_xml_set_node_error (error, self->name, edge,
                              _("%s: the file has no node “%s”"), what,
                              source == NULL ? source_id : target_id);
      return FALSE;
    }
  if (!read_data (self, edge, "edge", attributes, NULL, error))
    return FALSE;
  relation = get_attribute (attributes, "relation");

  if (source->kind == CVN_OBJECT_GROUP && target->kind == CVN_OBJECT_GROUP)
    {
      if (relation != NULL && g_ascii_strcasecmp (relation, "parent") == 0)
        {
          gboolean set;

          if (!set_parent (self, source->object_id, target->object_id, &set, error))
            return FALSE;
          if (!set)
            self->summary->edges_ignored++;
          return TRUE;
        }
      return add_membership (self, edge, what, target->object_id, CVN_OBJECT_GROUP,
                             source->object_id, attributes, error);
    }
  if (source->kind == CVN_OBJECT_GROUP)
    {
      group = source;
      member = target;
    }
  else if (target->kind == CVN_OBJECT_GROUP)
    {
      group = target;
      member = source;
    }
  else
    {
      self->summary->edges_ignored++;
      return TRUE;
    }
  return add_membership (self, edge, what, group->object_id, member->kind, member->object_id,
                         attributes, error);
}

static gboolean
import_positions (Import   *self,
                  GError  **error)
{
  const char *view = self->view != NULL ? self->view : DEFAULT_VIEW;

  for (guint i = 0; i < self->nodes->len; i++)
    {
      GmlNode *node = g_ptr_array_index (self->nodes, i);
      gboolean has_x, has_y;
      double x = 0, y = 0;

      if (!parse_real (self, node, "x", &x, &has_x, error) ||
          !parse_real (self, node, "y", &y, &has_y, error))
        return FALSE;
      if (!has_x || !has_y || node->object_id == 0)
        continue;
      if (!cvn_store_set_position (self->doc, view, node->kind, node->object_id, x, y, FALSE,
                                   error))
        return FALSE;
      self->summary->positions++;
    }
  return TRUE;
}

static void
index_document (Import *self)
{
  CvnSnapshot *snapshot = self->snapshot;

  for (guint i = 0; i < snapshot->establishments->len; i++)
    {
      const CvnEstablishment *e = &g_array_index (snapshot->establishments, CvnEstablishment, i);

      if (e->urn > 0)
        {
          gint64 *key = g_new (gint64, 1);

          *key = e->urn;
          g_hash_table_insert (self->schools_by_urn, key, ID_TO_POINTER (e->id));
        }
      if (!g_hash_table_contains (self->schools_by_name, e->name))
        g_hash_table_insert (self->schools_by_name, g_strdup (e->name), ID_TO_POINTER (e->id));
    }
  for (guint i = 0; i < snapshot->people->len; i++)
    {
      const CvnPerson *p = &g_array_index (snapshot->people, CvnPerson, i);

      if (!g_hash_table_contains (self->people_by_name, p->name))
        g_hash_table_insert (self->people_by_name, g_strdup (p->name), ID_TO_POINTER (p->id));
    }
  for (guint i = 0; i < snapshot->groups->len; i++)
    {
      const CvnGroup *g = &g_array_index (snapshot->groups, CvnGroup, i);

      if (!g_hash_table_contains (self->groups_by_name, g->name))
        g_hash_table_insert (self->groups_by_name, g_strdup (g->name), ID_TO_POINTER (g->id));
    }
  for (guint i = 0; i < snapshot->memberships->len; i++)
    {
      const CvnMembership *m = &g_array_index (snapshot->memberships, CvnMembership, i);

      g_hash_table_add (self->memberships,
                        membership_key (m->group_id, m->member_kind, m->member_id, m->role,
                                        m->from_date, m->until_date));
    }
}

/* Everything that writes, in the order that lets each step find what it refers to: groups
 * (parents before children, as the file nests them), then schools, then people (who name
 * their school), then edges and positions. */
static gboolean
import_objects (Import  *self,
                GError **error)
{
  static const CvnObjectKind order[] = {
    CVN_OBJECT_GROUP, CVN_OBJECT_ESTABLISHMENT, CVN_OBJECT_PERSON
  };

  for (guint pass = 0; pass < G_N_ELEMENTS (order); pass++)
    for (guint i = 0; i < self->nodes->len; i++)
      {
        GmlNode *node = g_ptr_array_index (self->nodes, i);
        gboolean ok = TRUE;

        if (node->kind != order[pass])
          continue;
        switch (node->kind)
          {
          case CVN_OBJECT_GROUP:
            ok = import_group (self, node, error);
            break;
          case CVN_OBJECT_ESTABLISHMENT:
            ok = import_establishment (self, node, error);
            break;
          case CVN_OBJECT_PERSON:
            ok = import_person (self, node, error);
            break;
          case CVN_OBJECT_NONE:
          default:
            g_assert_not_reached ();
          }
        if (!ok)
          return FALSE;
      }
  for (guint i = 0; i < self->edges->len; i++)
    if (!import_edge (self, g_ptr_array_index (self->edges, i), error))
      return FALSE;
  return import_positions (self, error);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

CvnGraphmlSummary *
cvn_graphml_import_data (CvnDocument  *doc,
                         const char   *name,
                         const char   *data,
                         gsize         length,
                         const char   *view,
                         GError      **error)
{
  g_autoptr (CvnGraphmlSummary) summary = g_new0 (CvnGraphmlSummary, 1);
  g_autoptr (xmlDoc) xml = NULL;
  g_autoptr (CvnSnapshot) snapshot = NULL;
  g_autoptr (GHashTable) keys = NULL;
  g_autoptr (GPtrArray) nodes = NULL;
  g_autoptr (GHashTable) nodes_by_id = NULL;
  g_autoptr (GPtrArray) edges = NULL;
  g_autoptr (GHashTable) schools_by_urn = NULL;
  g_autoptr (GHashTable) schools_by_name = NULL;
  g_autoptr (GHashTable) people_by_name = NULL;
  g_autoptr (GHashTable) groups_by_name = NULL;
  g_autoptr (GHashTable) groups = NULL;
  g_autoptr (GHashTable) memberships = NULL;
  g_autoptr (GHashTable) unknown = NULL;
  g_autofree char *base = NULL;
  g_autofree char *label = NULL;
  xmlNode *root;
  gboolean found_graph = FALSE;
  Import self;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  xml = cvn_xml_safe_read_memory (name, data, length, error);
  if (xml == NULL)
    return NULL;
  root = xmlDocGetRootElement (xml);
  if (!is_graphml_element (root, "graphml"))
    {
      cvn_xml_set_node_error (error, name, root,
                              _("this is not GraphML: it begins with <%s>, not <graphml>"),
                              (const char *) root->name);
      return NULL;
    }

  keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, key_info_free);
  nodes = g_ptr_array_new_with_free_func (gml_node_free);
  nodes_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  edges = g_ptr_array_new ();
  schools_by_urn = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  schools_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  people_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  groups_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  groups = g_hash_table_new_full (NULL, NULL, NULL, group_free);
  memberships = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  unknown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self = (Import) { doc, name, view, NULL, summary, keys, nodes, nodes_by_id, edges,
                    schools_by_urn, schools_by_name, people_by_name, groups_by_name, groups,
                    memberships, unknown };

  if (!read_keys (&self, root, error))
    return NULL;
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    if (is_graphml_element (child, "graph"))
      {
        found_graph = TRUE;
        if (!collect_graph (&self, child, NULL, error))
          return NULL;
      }
  if (!found_graph)
    {
      cvn_xml_set_node_error (error, name, root, _("<graphml> holds no <graph>"));
      return NULL;
    }
  for (guint i = 0; i < nodes->len; i++)
    resolve_kind (g_ptr_array_index (nodes, i));

  snapshot = cvn_snapshot_load (doc, error);
  if (snapshot == NULL)
    return NULL;
  self.snapshot = snapshot;
  index_document (&self);

  base = g_path_get_basename (name);
  label = g_strdup_printf (_("Import %s"), base);
  if (!cvn_document_begin_edit (doc, label, error))
    return NULL;
  if (!import_objects (&self, error) || !cvn_document_commit_edit (doc, error))
    {
      if (cvn_document_in_edit (doc))
        cvn_document_rollback_edit (doc);
      return NULL;
    }

  {
    GHashTableIter iter;
    gpointer key;

    summary->unknown_attributes = g_ptr_array_new_with_free_func (g_free);
    g_hash_table_iter_init (&iter, unknown);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_ptr_array_add (summary->unknown_attributes, g_strdup (key));
    g_ptr_array_sort (summary->unknown_attributes, (GCompareFunc) compare_strings);
  }
  return g_steal_pointer (&summary);
}

CvnGraphmlSummary *
cvn_graphml_import (CvnDocument  *doc,
                    const char   *path,
                    const char   *view,
                    GError      **error)
{
  g_autofree char *data = NULL;
  GStatBuf info;
  gsize length = 0;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (g_stat (path, &info) == 0 && (guint64) info.st_size > CVN_XML_MAX_INPUT_SIZE)
    {
      g_autofree char *size = g_format_size ((guint64) info.st_size);
      g_autofree char *limit = g_format_size (CVN_XML_MAX_INPUT_SIZE);

      g_set_error (error, CVN_XML_ERROR, CVN_XML_ERROR_TOO_LARGE,
                   _("%s is %s; Convenor reads XML files of up to %s"), path, size, limit);
      return NULL;
    }
  /* GLib's message names the file already. */
  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  return cvn_graphml_import_data (doc, path, data, length, view, error);
}
