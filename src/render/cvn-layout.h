/* cvn-layout.h — where every node of a view goes.
 *
 * A layout places the objects of one view of a snapshot in layout coordinates: units that
 * are one device pixel at scale 1, with y growing downwards. It knows nothing about cairo;
 * the renderer (cvn-renderer.h) draws a layout onto any cairo_t, and a canvas hit-tests it
 * to find what is under the pointer. Layouts are immutable once computed, except for
 * cvn_layout_move_node(), which a canvas uses while the user drags a node.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cvn-document.h"
#include "cvn-snapshot.h"

G_BEGIN_DECLS

typedef enum
{
  CVN_VIEW_STRUCTURE,
  CVN_VIEW_GRAPH,
  CVN_VIEW_MAP,
} CvnView;

#define CVN_N_VIEWS 3

/* "structure", "graph", "map": the names the layouts table and the command line use. */
const char *cvn_view_to_string   (CvnView     view);
gboolean    cvn_view_from_string (const char *str,
                                  CvnView    *out_view);

typedef struct
{
  double x, y, width, height;
} CvnRect;

/* Marker radii of the graph and the map, in layout units. */
#define CVN_SCHOOL_RADIUS 6.0
#define CVN_GROUP_RADIUS  10.0
#define CVN_PERSON_RADIUS 5.0

typedef enum
{
  CVN_SHAPE_CIRCLE,       /* primary schools, and schools of an unknown phase */
  CVN_SHAPE_SQUARE,       /* secondary */
  CVN_SHAPE_DIAMOND,      /* special */
  CVN_SHAPE_TRIANGLE,     /* nursery */
  CVN_SHAPE_HEXAGON,      /* all-through */
  CVN_SHAPE_PERSON,       /* people */
  CVN_SHAPE_GROUP,        /* a group's own node: a ring in the graph, a box in the structure */
  CVN_SHAPE_HEADING,      /* a heading with no object: "No location:", "Not in a cluster" */
} CvnShape;

typedef enum
{
  CVN_NODE_PINNED        = 1 << 0,   /* placed by hand; layouts keep it where it is */
  CVN_NODE_SYSTEM_LEADER = 1 << 1,   /* the school or its head holds a system-leader badge */
  CVN_NODE_AT_RISK       = 1 << 2,   /* the school has a risk category */
  CVN_NODE_UNPLACED      = 1 << 3,   /* map: no coordinates, listed beside the map */
  CVN_NODE_CLOSED        = 1 << 4,
  CVN_NODE_LEAF          = 1 << 5,   /* structure: a row in a group's list of members */
  CVN_NODE_PSEUDO        = 1 << 6,   /* stands for no object (a heading or a catch-all group) */
} CvnNodeFlags;

typedef struct
{
  CvnObjectKind  kind;          /* CVN_OBJECT_NONE for headings */
  gint64         id;
  double         x, y;          /* centre */
  double         width, height; /* structure: the box; graph and map: the marker's size */
  CvnRect        label_rect;    /* structure: where the label is drawn; else empty */
  char          *label;
  char          *short_label;   /* abbreviation used when the label would collide */
  char          *badge;         /* designation codes ("NLE") or NULL */
  char          *risk;          /* the school's risk category or NULL */
  const char    *kind_name;     /* group kind or school phase; an interned string */
  CvnShape       shape;
  guint          flags;         /* CvnNodeFlags */
  int            tier;          /* groups: 0-3 */
  int            parent;        /* structure: the node above; graph: the primary group; or -1 */
  guint          n_members;     /* groups: members shown in this view */
  guint          n_groups;      /* structure: the group boxes drawn under it */
  double         colour[3];     /* fill colour, from the group kind or the school phase */
} CvnLayoutNode;

typedef enum
{
  CVN_EDGE_TREE,        /* structure: parent to child connector */
  CVN_EDGE_MEMBERSHIP,  /* a school, person or group in a group */
  CVN_EDGE_PARENT,      /* a group under its parent group */
  CVN_EDGE_WORKS_AT,    /* a person at their school */
} CvnEdgeKind;

typedef struct
{
  guint        source;
  guint        target;
  CvnEdgeKind  kind;
  CvnRole      role;
  guint        first_point;  /* structure connectors: a polyline in the layout's points */
  guint        n_points;     /* 0: a straight line from source to target */
} CvnLayoutEdge;

typedef struct
{
  double x, y;
} CvnPoint;

/* A translucent region around a group's members (bubble-set style): the outline of the
 * union of padded circles around the members' centres, joined along a spanning tree, so
 * that it hugs the members instead of swallowing the schools between them. */
typedef struct
{
  guint    group;        /* node index of the group */
  CvnRect  bounds;
  guint    first_ring;   /* rings in the layout's ring table; even-odd fill */
  guint    n_rings;
  double   ring_extent;       /* the width or height of its largest ring */
  guint    first_coarse_ring; /* the same rings, each simplified to about a fortieth of */
  guint    n_coarse_rings;    /* its size: enough when the rings are small on screen */
  guint    first_medium_ring; /* ... and to a two-hundredth, for rings a few hundred */
  guint    n_medium_rings;    /* pixels across */
  guint    first_member; /* member node indices in the layout's member table */
  guint    n_members;
  double   area;         /* drawn largest first, so small hulls stay on top */
} CvnLayoutHull;

typedef struct
{
  guint first_point;
  guint n_points;
} CvnLayoutRing;

typedef struct _CvnLayout CvnLayout;

struct _CvnLayout
{
  CvnView  view;
  GArray  *nodes;          /* CvnLayoutNode */
  GArray  *edges;          /* CvnLayoutEdge */
  GArray  *hulls;          /* CvnLayoutHull, in drawing order */
  GArray  *rings;          /* CvnLayoutRing */
  GArray  *points;         /* CvnPoint: hull rings and connector polylines */
  GArray  *hull_members;   /* guint node indices */
  CvnRect  bounds;         /* everything drawn, hulls included */
  double   metres_per_unit; /* map: for the scale bar; 0 elsewhere */
  double   font_size;       /* structure: label size in layout units */
  int      unplaced_heading; /* map: node index of "No location:", or -1 */
  guint64  generation;      /* changes whenever cvn_layout_move_node() moves something */

  /*< private >*/
  GHashTable *index;       /* (kind, id) -> first node index + 1 */
  double      grid_cell;
  int         grid_columns, grid_rows;
  guint      *grid_start;  /* spatial index for hit testing and culling */
  guint      *grid_items;
};

typedef struct
{
  double   x, y;
  gboolean pinned;
} CvnSavedPosition;

typedef struct
{
  gboolean     hide_people;     /* label people by role, never by name */
  const char  *phase;           /* only schools of this phase; NULL: all */
  const char **group_kinds;     /* NULL-terminated: only groups of these kinds; NULL: all */
  int          tier;            /* only groups of this tier (0: cross-cutting); -1: all */
  gint64       focus_group;     /* only this group, the groups under it and their members */
  GHashTable  *saved;           /* from cvn_layout_load_positions(), or NULL */
  gboolean     relayout;        /* ignore saved positions that are not pinned */
} CvnLayoutOptions;

void        cvn_layout_options_init   (CvnLayoutOptions  *options);

/* Reads the saved positions of @view from the document's layouts table, keyed by
 * cvn_layout_key(). */
GHashTable *cvn_layout_load_positions (CvnDocument       *doc,
                                       CvnView            view,
                                       GError           **error);
gint64      cvn_layout_key            (CvnObjectKind      kind,
                                       gint64             id);

/* Lays out @view of @snapshot. Deterministic: the same snapshot and options give the same
 * positions. Nodes with saved positions start (and, unless options->relayout, stay) where
 * they were saved; pinned ones always stay. */
CvnLayout  *cvn_layout_compute        (CvnSnapshot             *snapshot,
                                       CvnView                  view,
                                       const CvnLayoutOptions  *options);
CvnLayout  *cvn_layout_ref            (CvnLayout         *self);
void        cvn_layout_unref          (CvnLayout         *self);

/* Writes every node's position into the layouts table, as an edit labelled @label (nested
 * in the caller's edit if there is one). The map saves nothing: its positions are data. */
gboolean    cvn_layout_save_positions (CvnLayout         *self,
                                       CvnDocument       *doc,
                                       const char        *label,
                                       GError           **error);

const CvnLayoutNode *cvn_layout_get_node (CvnLayout *self,
                                          guint      index);
/* The index of the node showing (@kind, @id), or -1 when the view does not show it. */
int         cvn_layout_find_node      (CvnLayout         *self,
                                       CvnObjectKind      kind,
                                       gint64             id);

typedef struct
{
  int node;   /* index of the node under the point, or -1 */
  int hull;   /* index of the smallest hull under the point when no node is, or -1 */
} CvnLayoutHit;

/* Finds what is at (@x, @y) in layout coordinates. @tolerance (layout units) widens small
 * nodes so they stay easy to hit when zoomed out. Returns FALSE when nothing is there. */
gboolean    cvn_layout_hit_test       (CvnLayout         *self,
                                       double             x,
                                       double             y,
                                       double             tolerance,
                                       CvnLayoutHit      *hit);

/* Calls @func for every node whose box meets @rect, in index order, using the spatial
 * index; the renderer uses it to skip what is off screen. */
void        cvn_layout_foreach_in_rect (CvnLayout        *self,
                                        const CvnRect    *rect,
                                        void            (*func) (guint index, gpointer data),
                                        gpointer          data);
/* The same nodes, as indices into @indices (emptied first), in the same order. */
void        cvn_layout_collect_in_rect (CvnLayout        *self,
                                        const CvnRect    *rect,
                                        GArray           *indices);

/* The area, in layout units, that the moves since generation @since changed: what was
 * drawn there for that generation is no longer right, and nothing else changed. FALSE
 * when the layout no longer knows (too many moves since). */
gboolean    cvn_layout_get_damage     (CvnLayout         *self,
                                       guint64            since,
                                       CvnRect           *rect);

/* Builds the spatial index now if a move left it stale. Reading a layout (drawing it, the
 * functions above) changes nothing in it after that, so several threads may read it at
 * once, until the next cvn_layout_move_node(). */
void        cvn_layout_build_index    (CvnLayout         *self);

/* Moves a node (while the user drags it) and rebuilds the hulls around it. */
void        cvn_layout_move_node      (CvnLayout         *self,
                                       guint              index,
                                       double             x,
                                       double             y);

/* TRUE when (@x, @y) is inside the hull, by the even-odd rule over its rings. */
gboolean    cvn_layout_hull_contains  (CvnLayout         *self,
                                       guint              hull,
                                       double             x,
                                       double             y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CvnLayout, cvn_layout_unref)

G_END_DECLS
