/* cvn-layout-private.h — what the three layouts share (internal to src/render).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cvn-layout.h"

G_BEGIN_DECLS

/* What a view shows after the options' filters: built once, shared by the three layouts. */
typedef struct
{
  CvnSnapshot             *snapshot;
  const CvnLayoutOptions  *options;
  CvnLayout               *layout;
  GHashTable              *shown_groups;   /* group id -> CvnGroup * */
  GPtrArray               *groups;         /* shown CvnGroup *, in snapshot order */
  GHashTable              *heads;          /* establishment id -> GPtrArray of CvnPerson * */
  double                   spread;         /* map: typical spacing of schools over the graph's */
} CvnLayoutBuilder;

gboolean  cvn_layout_builder_shows_school  (CvnLayoutBuilder       *builder,
                                            const CvnEstablishment *school);
/* Adds a node for an object and returns its index; labels, badges, colours come from the
 * snapshot. */
guint     cvn_layout_builder_add_school    (CvnLayoutBuilder       *builder,
                                            const CvnEstablishment *school);
guint     cvn_layout_builder_add_person    (CvnLayoutBuilder       *builder,
                                            const CvnPerson        *person,
                                            CvnRole                 role);
guint     cvn_layout_builder_add_group     (CvnLayoutBuilder       *builder,
                                            const CvnGroup         *group);
guint     cvn_layout_builder_add_heading   (CvnLayoutBuilder       *builder,
                                            const char             *label);
/* The current memberships of @group whose members are shown, in a stable order: schools by
 * name, then people by name, then groups. */
GPtrArray *cvn_layout_builder_members      (CvnLayoutBuilder       *builder,
                                            const CvnGroup         *group);
/* The saved position of an object, or NULL. */
const CvnSavedPosition *cvn_layout_builder_saved (CvnLayoutBuilder *builder,
                                                  CvnObjectKind     kind,
                                                  gint64            id);

void      cvn_layout_add_edge             (CvnLayout              *layout,
                                           guint                   source,
                                           guint                   target,
                                           CvnEdgeKind             kind,
                                           CvnRole                 role);

/* Builds the hulls of the groups whose members are nodes of the layout (graph and map). */
void      cvn_layout_build_hulls          (CvnLayout              *layout,
                                           CvnLayoutBuilder       *builder);
/* Recomputes bounds and the spatial index once positions are final. */
void      cvn_layout_finish               (CvnLayout              *layout);

/* The three layouts. */
void      cvn_layout_structure            (CvnLayoutBuilder       *builder);
void      cvn_layout_graph                (CvnLayoutBuilder       *builder);
void      cvn_layout_map                  (CvnLayoutBuilder       *builder);

/* Width of @text in layout units at @size, measured with Pango, for boxes that fit labels. */
double    cvn_layout_measure_text         (CvnLayoutBuilder       *builder,
                                           const char             *text,
                                           double                  size,
                                           gboolean                bold);

/* A deterministic number in [0, 1) from an id and a salt: layouts seed from ids, never from
 * the clock. */
double    cvn_layout_hash01               (gint64                  id,
                                           guint                   salt);

G_END_DECLS
