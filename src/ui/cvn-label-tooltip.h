/* cvn-label-tooltip.h — a tooltip with a label's whole text, shown only when it is cut short.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Call once when the label is created (a list cell's setup, not its bind): the tooltip is
 * worked out when GTK asks for it, so binding thousands of cells costs nothing. */
void cvn_label_tooltip_when_ellipsized (GtkLabel *label);

G_END_DECLS
