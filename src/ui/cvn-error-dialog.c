/* cvn-error-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-error-dialog"

#include "config.h"

#include "cvn-error-dialog.h"

#include <adwaita.h>
#include <glib/gi18n.h>

GtkWidget *
cvn_error_dialog_present (GtkWindow      *parent,
                          GtkApplication *application,
                          const char     *heading,
                          const GError   *error)
{
  GtkWidget *dialog;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (heading != NULL, NULL);
  g_return_val_if_fail (error != NULL, NULL);

  dialog = adw_message_dialog_new (parent, heading, NULL);
  /* The core's messages name files and fields in plain text; they are not markup. */
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  if (parent == NULL && application != NULL)
    gtk_window_set_application (GTK_WINDOW (dialog), application);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
