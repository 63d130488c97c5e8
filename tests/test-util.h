/* test-util.h — the plumbing the core and UI tests share: temporary files and documents,
 * small documents built by hand, lookups by name, and running convenor-cli.
 *
 * Every helper asserts on failure, so a test reads as the steps it takes. Nothing here uses
 * GTK: the core tests link it too (the UI tests' own helpers are in tests/ui/ui-util.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cvn-document.h"
#include "cvn-snapshot.h"

G_BEGIN_DECLS

/* A document in a temporary directory of its own, as a test fixture. */
typedef struct
{
  char        *dir;
  char        *path;
  CvnDocument *doc;
  CvnSnapshot *snapshot;   /* set by cvn_test_document_set_up_sample() only */
} CvnTestDocument;

/* Fixtures */

void                    cvn_test_document_set_up        (CvnTestDocument    *fixture,
                                                         gconstpointer       user_data);
void                    cvn_test_document_set_up_sample (CvnTestDocument    *fixture,
                                                         gconstpointer       user_data);
void                    cvn_test_document_tear_down     (CvnTestDocument    *fixture,
                                                         gconstpointer       user_data);

/* Files and directories */

char                   *cvn_test_make_dir               (void);
char                   *cvn_test_temp_path              (const char         *name);
char                   *cvn_test_data_path              (const char         *folder,
                                                         const char         *name);
void                    cvn_test_remove_tree            (const char         *directory);
void                    cvn_test_remove_document        (const char         *path);
GBytes                 *cvn_test_read_bytes             (const char         *path);

/* Documents */

CvnDocument            *cvn_test_create_document        (const char         *path);
CvnDocument            *cvn_test_new_document           (const char         *name);
CvnDocument            *cvn_test_create_sample          (const char         *path);
CvnSnapshot            *cvn_test_load                   (CvnDocument        *doc);
gint64                  cvn_test_add_group              (CvnDocument        *doc,
                                                         const char         *name,
                                                         const char         *kind,
                                                         int                 tier,
                                                         gint64              parent);
gint64                  cvn_test_add_group_with_purpose (CvnDocument        *doc,
                                                         const char         *name,
                                                         const char         *kind,
                                                         int                 tier,
                                                         gint64              parent,
                                                         const char         *purpose);
gint64                  cvn_test_add_school             (CvnDocument        *doc,
                                                         const char         *name,
                                                         gint64              urn,
                                                         const char         *phase);
void                    cvn_test_add_membership         (CvnDocument        *doc,
                                                         gint64              group,
                                                         CvnObjectKind       kind,
                                                         gint64              member,
                                                         CvnRole             role,
                                                         const char         *from_date,
                                                         const char         *until_date);
int                     cvn_test_compare_strings        (gconstpointer       a,
                                                         gconstpointer       b);
const CvnGroup         *cvn_test_find_group             (CvnSnapshot        *snapshot,
                                                         const char         *name);
const CvnEstablishment *cvn_test_find_school            (CvnSnapshot        *snapshot,
                                                         const char         *name);

/* Running programs */

int                     cvn_test_spawn                  (const char * const *argv,
                                                         char              **out_stdout,
                                                         char              **out_stderr);
gboolean                cvn_test_have_cli               (void);
int                     cvn_test_run_cli_argv           (const char * const *args,
                                                         char              **out_stdout,
                                                         char              **out_stderr);
int                     cvn_test_run_cli                (char              **out_stdout,
                                                         char              **out_stderr,
                                                         const char         *first_arg,
                                                         ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
