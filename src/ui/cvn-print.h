/* cvn-print.h — printing a view through the system print dialog.
 *
 * The print operation draws the pages of cvn-page.h (the same composition as every export)
 * onto the pages the printer gives it, with page setup in the dialog and GTK's print preview.
 * A "Poster" tab in the dialog spreads the view over columns × rows sheets and hides personal
 * data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cvn-document.h"
#include "cvn-page.h"

G_BEGIN_DECLS

/* A print operation for @options' view of @document. Paper and orientation of @options give
 * the default page setup; columns, rows and hide_people the Poster tab's first values. */
GtkPrintOperation *cvn_print_operation_new         (CvnDocument             *document,
                                                    const CvnExportOptions  *options);
/* The options the operation prints with now, including what the user chose on the Poster
 * tab. */
void               cvn_print_operation_get_options (GtkPrintOperation       *operation,
                                                    CvnExportOptions        *options);
/* Shows the print dialog over @parent and prints, without blocking; a failure is shown in a
 * message dialog. Remembers the printer settings and page setup for the next time. */
void               cvn_print_run_dialog            (GtkWindow               *parent,
                                                    CvnDocument             *document,
                                                    const CvnExportOptions  *options);

/* win.print, installed by CvnWindow: prints the view the window shows (the structure when
 * its visible page is not one of the views) with the system dialog, A4 portrait to begin
 * with. */
void               cvn_print_window_action         (GtkWidget               *widget,
                                                    const char              *action_name,
                                                    GVariant                *parameter);

G_END_DECLS
