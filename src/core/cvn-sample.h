/* cvn-sample.h — the fictional sample borough, built by code.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cvn-document.h"

G_BEGIN_DECLS

/* The sample's deliberate gaps, which the structure checks must find (see cvn-sample.c). They
 * are named here so that tests of the checks can look for them without hard-coding ids. */
#define CVN_SAMPLE_UNCOVERED_SCHOOL      "Greyfriars Primary Academy"
#define CVN_SAMPLE_UNPARENTED_CLUSTER    "Eastfield Learning Community"
#define CVN_SAMPLE_UNREPRESENTED_CLUSTER "Hartley Moor Learning Community"
#define CVN_SAMPLE_UNSUPPORTED_SCHOOL    "Brook Lane Primary School"
/* The committee that should seat a head from every cluster and learning community. */
#define CVN_SAMPLE_PRIMARY_COMMITTEE     "Primary Heads Committee"
/* The day the sample's dates were written against: reviews and memberships are old or
 * current as seen from here. */
#define CVN_SAMPLE_TODAY                 "2026-11-28"

/* Fills an empty document with the sample borough as one edit. Deterministic: the same code
 * always writes the same document. */
gboolean cvn_sample_build (CvnDocument  *doc,
                           GError      **error);

/* Creates a new document at @path holding the sample borough. Fails, leaving it alone, when
 * something is already at @path; removes the new file when building fails. */
CvnDocument *cvn_sample_create (const char  *path,
                                GError     **error);

G_END_DECLS
