/* cvn-sample.h — the fictional sample borough, built by code.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cvn-document.h"

G_BEGIN_DECLS

/* Fills an empty document with the sample borough as one edit. Deterministic: the same code
 * always writes the same document. */
gboolean cvn_sample_build (CvnDocument  *doc,
                           GError      **error);

/* Creates a new document at @path holding the sample borough. */
CvnDocument *cvn_sample_create (const char  *path,
                                GError     **error);

G_END_DECLS
