/* cvn-generate.h — synthetic documents with the sample borough's shape, at any size.
 *
 * Benchmarks and render tests need partnerships of 600, 3,000 or 25,000 schools that look
 * like real ones: clusters of about seven neighbouring schools, alliances of about five
 * clusters, one strategic board with sub-groups, and cross-cutting diocesan, maths hub and
 * inclusion groups whose members come from several clusters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cvn-document.h"

G_BEGIN_DECLS

/* Fills an empty document with @n_schools synthetic schools and their partnerships, as one
 * edit. Deterministic: the same @n_schools and @seed always write the same document. */
gboolean     cvn_generate_build  (CvnDocument  *doc,
                                  guint         n_schools,
                                  guint64       seed,
                                  GError      **error);

/* Creates a new document at @path and fills it with cvn_generate_build(). */
CvnDocument *cvn_generate_create (const char   *path,
                                  guint         n_schools,
                                  guint64       seed,
                                  GError      **error);

G_END_DECLS
