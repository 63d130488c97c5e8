/* cvn-error-dialog.h — telling the user that something failed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Presents an AdwMessageDialog with @heading and the error's message, and a Close button.
 * With no @parent the dialog stands alone and joins @application (when given), so that the
 * application stays running until it is read. Returns the dialog (owned by GTK). */
GtkWidget *cvn_error_dialog_present (GtkWindow      *parent,
                                     GtkApplication *application,
                                     const char     *heading,
                                     const GError   *error);

G_END_DECLS
