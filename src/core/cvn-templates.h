/* cvn-templates.h — seed structures to start a document from.
 *
 * Each template builds, as one undoable edit, the partnership structure one of the source
 * documents describes (Cumbria, Wigan, Bexley, Rotherham), with placeholder schools and people
 * ("Primary School 1", "Lead Head, Cluster 1") for the user to rename.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cvn-document.h"

G_BEGIN_DECLS

#define CVN_TEMPLATE_ERROR (cvn_template_error_quark ())

typedef enum
{
  CVN_TEMPLATE_ERROR_UNKNOWN,
} CvnTemplateError;

GQuark              cvn_template_error_quark       (void);

/* The template names, %NULL-terminated: cumbria, wigan, bexley, rotherham. */
const char * const *cvn_template_get_names         (void);
/* A translated one-line description of a template, or %NULL for an unknown name. */
const char         *cvn_template_get_description   (const char   *name);

/* Adds the structure of template @name to @doc as one edit. An unknown name fails with
 * CVN_TEMPLATE_ERROR_UNKNOWN and leaves the document as it was. */
gboolean            cvn_template_build             (CvnDocument  *doc,
                                                    const char   *name,
                                                    GError      **error);

G_END_DECLS
