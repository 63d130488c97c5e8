/* cvn-presentation.h — presentation mode: one view, full screen, stepped through by tier.
 *
 * For a workshop on a projector: no editing chrome, large type, the high-contrast palette,
 * people shown by their role rather than their name. The arrow keys (and Page Up/Down, Space,
 * as presenter remotes send them) step from the whole partnership under its board to each
 * alliance and then each cluster, zooming smoothly to each, with a caption naming it. Escape
 * leaves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cvn-canvas.h"
#include "cvn-layout.h"
#include "cvn-snapshot.h"

G_BEGIN_DECLS

#define CVN_TYPE_PRESENTATION (cvn_presentation_get_type ())
G_DECLARE_FINAL_TYPE (CvnPresentation, cvn_presentation, CVN, PRESENTATION, GtkWindow)

/* Presents @layout (laid out with people hidden). The steps and their captions are read from
 * @snapshot now; neither is kept. The window is full screen on @parent's monitor. */
CvnPresentation *cvn_presentation_new          (GtkWindow       *parent,
                                                CvnSnapshot     *snapshot,
                                                CvnLayout       *layout);
CvnCanvas       *cvn_presentation_get_canvas   (CvnPresentation *self);

guint            cvn_presentation_get_n_steps  (CvnPresentation *self);
guint            cvn_presentation_get_step     (CvnPresentation *self);
/* The group the current step shows: the board (or 0 for a partnership without one) on the
 * first step, then an alliance or a cluster. */
gint64           cvn_presentation_get_step_group (CvnPresentation *self);
/* The tier of the current step's group: 3 for the first step, then 2 or 1. */
int              cvn_presentation_get_step_tier (CvnPresentation *self);
const char      *cvn_presentation_get_caption  (CvnPresentation *self);
/* The part of the layout the step shows. */
void             cvn_presentation_get_step_rect (CvnPresentation *self,
                                                 CvnRect         *rect);

void             cvn_presentation_set_step     (CvnPresentation *self,
                                                guint            step,
                                                gboolean         animate);
gboolean         cvn_presentation_next         (CvnPresentation *self);
gboolean         cvn_presentation_previous     (CvnPresentation *self);

/* The keys, as the window's key controller handles them (tests call it directly). */
gboolean         cvn_presentation_key_press    (CvnPresentation *self,
                                                guint            keyval,
                                                GdkModifierType  state);

G_END_DECLS
