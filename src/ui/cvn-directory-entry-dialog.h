/* cvn-directory-entry-dialog.h — adding or editing one strength or need of the directory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cvn-model.h"
#include "cvn-window.h"

G_BEGIN_DECLS

#define CVN_TYPE_DIRECTORY_ENTRY_DIALOG (cvn_directory_entry_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CvnDirectoryEntryDialog, cvn_directory_entry_dialog,
                      CVN, DIRECTORY_ENTRY_DIALOG, AdwWindow)

/* A dialog over @window editing the entry @entry_id, or adding a new one when it is 0. */
CvnDirectoryEntryDialog *cvn_directory_entry_dialog_new       (CvnWindow                *window,
                                                               gint64                    entry_id);

/* Fills the form from @entry (its id is ignored: the dialog keeps the entry it was made for). */
void                     cvn_directory_entry_dialog_set_entry (CvnDirectoryEntryDialog  *self,
                                                               const CvnDirectoryEntry  *entry);
/* Reads the form into @entry, which the caller clears with cvn_directory_entry_clear. */
void                     cvn_directory_entry_dialog_get_entry (CvnDirectoryEntryDialog  *self,
                                                               CvnDirectoryEntry        *entry);

/* Writes the form to the document as one edit ("Add Directory Entry" or "Edit Directory
 * Entry"), as the dialog's Add/Save button does, without closing the dialog. Returns the
 * entry's id, or 0 with @error set when the form is incomplete or the store refuses it. */
gint64                   cvn_directory_entry_dialog_commit    (CvnDirectoryEntryDialog  *self,
                                                               GError                  **error);

G_END_DECLS
