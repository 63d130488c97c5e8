/* cvn-check-settings-window.h — the thresholds of the structure checks for one document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cvn-document.h"

G_BEGIN_DECLS

#define CVN_TYPE_CHECK_SETTINGS_WINDOW (cvn_check_settings_window_get_type ())
G_DECLARE_FINAL_TYPE (CvnCheckSettingsWindow, cvn_check_settings_window, CVN,
                      CHECK_SETTINGS_WINDOW, AdwPreferencesWindow)

CvnCheckSettingsWindow *cvn_check_settings_window_new      (GtkWindow              *parent,
                                                            CvnDocument            *document);
/* The spin button of a setting ("checks.cluster-size-min" ...), or NULL. */
GtkSpinButton          *cvn_check_settings_window_get_spin (CvnCheckSettingsWindow *self,
                                                            const char             *key);
/* Commits at once the values changed in the last moments, as closing the window does. */
void                    cvn_check_settings_window_apply    (CvnCheckSettingsWindow *self);

G_END_DECLS
