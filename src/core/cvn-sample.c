/* cvn-sample.c — placeholder until the sample borough lands.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-sample"

#include "config.h"

#include "cvn-sample.h"

gboolean
cvn_sample_build (CvnDocument *doc,
                  GError     **error)
{
  return TRUE;
}

CvnDocument *
cvn_sample_create (const char *path,
                   GError    **error)
{
  g_autoptr (CvnDocument) doc = cvn_document_create (path, error);

  if (doc == NULL || !cvn_sample_build (doc, error))
    return NULL;
  return g_steal_pointer (&doc);
}
