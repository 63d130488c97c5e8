/* cvn-application.h — the Convenor application: opens documents in windows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cvn-window.h"

G_BEGIN_DECLS

#define CVN_TYPE_APPLICATION (cvn_application_get_type ())
G_DECLARE_FINAL_TYPE (CvnApplication, cvn_application, CVN, APPLICATION, AdwApplication)

CvnApplication *cvn_application_new                (void);
/* The Open Recent submenu: recently opened Convenor documents, kept up to date. */
GMenuModel     *cvn_application_get_recent_menu    (CvnApplication *self);
/* Opens @file in a new window, or presents the window that already has it open. A file that
 * cannot be opened is reported in a message dialog, and NULL is returned. */
CvnWindow      *cvn_application_open_file          (CvnApplication *self,
                                                    GFile          *file);
/* Creates a new document at @file (adding the .convenor extension when its name has none),
 * replacing a file already there, fills it from the template @template_name ("cumbria",
 * "wigan", "bexley", "rotherham"; NULL for an empty document) and opens it in a new window.
 * This is what New and New › From a Template do once a file is chosen. Returns the window, or
 * NULL with @error set (and no file left behind). */
CvnWindow      *cvn_application_create_document    (CvnApplication *self,
                                                    GFile          *file,
                                                    const char     *template_name,
                                                    GError        **error);
/* Opens a new working copy of the sample borough in a new window. */
CvnWindow      *cvn_application_open_sample        (CvnApplication *self);

/* Creates a working copy of the sample borough in @directory, named after today's date
 * ("Sample borough 2026-11-28 1.convenor") with the first number not yet taken. */
CvnDocument    *cvn_application_create_sample_copy (const char     *directory,
                                                    GError        **error);

G_END_DECLS
