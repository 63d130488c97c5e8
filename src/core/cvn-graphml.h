/* cvn-graphml.h — GraphML out to yEd, Gephi, Cytoscape and networkx, and back in.
 *
 * EXPORT. Every establishment, person (unless hidden) and group is a node; every field is a
 * typed <key> (attr.name is the field's name, attr.type its type) for the node or edge domain;
 * a node's `kind` says what it is: "school", "person" or "group" (a group's own kind, cluster
 * or board, is `group_kind`). Saved positions of one view (the layouts table; "structure"
 * unless told otherwise) are `x` and `y`.
 *
 * Nested form (the default). Groups nest by parent: a group node holds a <graph> with its
 * child groups. A school or person sits inside ONE group, its home group, chosen by this rule:
 * of the groups it is a member of, a tier-1 group with a current membership; else any tier-1
 * group; else a group with a current membership; else any; ties go to the group that comes
 * first in snapshot order (tier 3 first, then kind, then name), then to the older membership.
 * The role and dates of that membership are the node's `role`, `from` and `until` (left out
 * when member and undated). Every other membership is an edge from the member to the group
 * (`relation` "member", with `role`, `from`, `until`). A group whose parent cannot hold it (a
 * parent loop) sits at the top with a `relation` "parent" edge to its parent. Nodes carry
 * yEd's graphics (y:ShapeNode for schools and people, y:ProxyAutoBoundsNode for groups, and
 * yfiles.foldertype="group") so that yEd draws groups as group boxes; networkx reads nested
 * graphs only through that yfiles.foldertype attribute. Positions for yEd's geometry come from
 * the saved layout when every node has one, otherwise from a simple packing.
 *
 * Flat form. No nesting and no yEd extensions: groups are nodes like the rest, every
 * membership is a "member" edge and every parent a "parent" edge. It validates against the
 * GraphML 1.1 XML Schema.
 *
 * IMPORT reads GraphML from yEd, Gephi, Cytoscape, networkx and igraph, in one edit:
 * - What a node is: its `kind` attribute when it says school/establishment/organisation,
 *   person, group, or names a group kind (cluster, board ...); otherwise a node with a nested
 *   graph (or yEd's yfiles.foldertype) is a group and a leaf is a school.
 * - Its name: the `name` attribute, else `label`, else yEd's y:NodeLabel, else the node's id.
 * - Matching: a school with a `urn` matches the school with that URN; one without matches a
 *   school of exactly that name; people and groups match by exact name. Matches made earlier
 *   in the same file count, so a school drawn inside three group boxes becomes one school in
 *   three groups. Matched objects are not changed, except that a group without a parent
 *   takes the one the file gives it.
 * - New objects take the fields the file has (by attr.name, as written by the export). A new
 *   group's kind is its `group_kind`, else its `kind` if that names a group kind, else
 *   "cluster".
 * - Nesting: a school or person inside a group's graph becomes a member (role, dates from the
 *   node's `role`, `from`, `until`); a group inside a group's graph becomes its child.
 * - Edges: between a school or person and a group, a membership (role from the edge's `role`);
 *   between two groups, a membership of the source in the target, or the parent link with
 *   `relation` "parent"; between two schools or people (and hyperedges), ignored and counted.
 * - Attributes Convenor has no field for are kept as notes, "name: value; name: value", at the
 *   end of a new group's purpose or a new school's engagement text; on people and on matched
 *   objects they are dropped. The summary lists them either way.
 * - `x` and `y` become saved positions in the chosen view, matched objects' too.
 * Errors (CVN_XML_ERROR from cvn-xml-safe.h, or G_FILE_ERROR) name the file and line:
 * "in.graphml line 12, column 5: …" for XML that does not parse or is refused, "in.graphml
 * line 40: node “n3”: …" for what a node or edge says. A failed import changes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cvn-document.h"

G_BEGIN_DECLS

#define CVN_GRAPHML_NAMESPACE "http://graphml.graphdrawing.org/xmlns"
#define CVN_YFILES_NAMESPACE  "http://www.yworks.com/xml/graphml"

typedef struct
{
  gboolean    flat;          /* groups as nodes with membership edges, no yEd extensions */
  gboolean    hide_people;   /* leave people (personal data) out */
  const char *view;          /* the layouts view for x and y; NULL for "structure" */
} CvnGraphmlExportOptions;

typedef struct
{
  guint      schools_created;
  guint      schools_matched;
  guint      people_created;
  guint      people_matched;
  guint      groups_created;
  guint      groups_matched;
  guint      memberships_added;
  guint      memberships_existing;  /* already in the document (or twice in the file) */
  guint      parents_set;
  guint      positions;
  guint      edges_ignored;         /* between two schools or people, loops, hyperedges */
  guint      notes_kept;            /* values of unknown attributes written into notes */
  guint      notes_dropped;         /* values of unknown attributes with nowhere to go */
  GPtrArray *unknown_attributes;    /* their names, sorted, each once */
} CvnGraphmlSummary;

void               cvn_graphml_summary_free   (CvnGraphmlSummary              *self);

GBytes            *cvn_graphml_export_bytes   (CvnDocument                    *doc,
                                               const CvnGraphmlExportOptions  *options,
                                               GError                        **error);
gboolean           cvn_graphml_export         (CvnDocument                    *doc,
                                               const char                     *path,
                                               const CvnGraphmlExportOptions  *options,
                                               GError                        **error);

/* Imports the GraphML file at @path into @doc as one edit; on any error the document is left
 * as it was. @view names the layouts view for x and y (NULL: "structure"). */
CvnGraphmlSummary *cvn_graphml_import         (CvnDocument                    *doc,
                                               const char                     *path,
                                               const char                     *view,
                                               GError                        **error);
/* The same for a file already in memory; @name stands for the file in messages. */
CvnGraphmlSummary *cvn_graphml_import_data    (CvnDocument                    *doc,
                                               const char                     *name,
                                               const char                     *data,
                                               gsize                           length,
                                               const char                     *view,
                                               GError                        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CvnGraphmlSummary, cvn_graphml_summary_free)

G_END_DECLS
