/* test-util.c — the plumbing the core and UI tests share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-util"

#include "config.h"

#include "test-util.h"

#include "cvn-sample.h"
#include "cvn-store.h"

#include <glib/gstdio.h>
#include <stdarg.h>
#include <string.h>
#include <sys/wait.h>

/* Files and directories ------------------------------------------------------------------ */

/* A new, empty directory under the system's temporary directory; the caller removes it
 * with cvn_test_remove_tree(). */
char *
cvn_test_make_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *directory = g_dir_make_tmp ("convenor-test-XXXXXX", &error);

  g_assert_no_error (error);
  return directory;
}

/* A path in the test case's own directory. With G_TEST_OPTION_ISOLATE_DIRS each case has
 * one, removed afterwards, so parallel tests never meet in /tmp. */
char *
cvn_test_temp_path (const char *name)
{
  const char *directory = g_get_user_cache_dir ();

  g_assert_cmpint (g_mkdir_with_parents (directory, 0700), ==, 0);
  return g_build_filename (directory, name, NULL);
}

/* A fixture in the source tree's tests/data/@folder. */
char *
cvn_test_data_path (const char *folder,
                    const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", folder, name, NULL);
}

/* Removes @directory and everything in it, without following symbolic links. */
void
cvn_test_remove_tree (const char *directory)
{
  g_autoptr (GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        cvn_test_remove_tree (path);
      else
        g_remove (path);
    }
  g_rmdir (directory);
}

/* Removes a document and the side files SQLite may have left beside it. */
void
cvn_test_remove_document (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
}

/* The whole file, byte for byte, for comparing a file before and after a failed change. */
GBytes *
cvn_test_read_bytes (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* Documents ------------------------------------------------------------------------------ */

/* A new, empty document at @path, replacing any file a previous run left there. */
CvnDocument *
cvn_test_create_document (const char *path)
{
  g_autoptr (GError) error = NULL;
  CvnDocument *doc;

  g_unlink (path);
  doc = cvn_document_create (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* A new, empty document called @name in the test case's own directory. */
CvnDocument *
cvn_test_new_document (const char *name)
{
  g_autofree char *path = cvn_test_temp_path (name);

  return cvn_test_create_document (path);
}

/* A new copy of the sample borough at @path. */
CvnDocument *
cvn_test_create_sample (const char *path)
{
  g_autoptr (GError) error = NULL;
  CvnDocument *doc = cvn_sample_create (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

CvnSnapshot *
cvn_test_load (CvnDocument *doc)
{
  g_autoptr (GError) error = NULL;
  CvnSnapshot *snapshot = cvn_snapshot_load (doc, &error);

  g_assert_no_error (error);
  g_assert_nonnull (snapshot);
  return snapshot;
}

/* Inserts a group with the defaults of cvn_group_init() but for the given fields; must be
 * called inside an edit. */
gint64
cvn_test_add_group (CvnDocument *doc,
                    const char  *name,
                    const char  *kind,
                    int          tier,
                    gint64       parent)
{
  return cvn_test_add_group_with_purpose (doc, name, kind, tier, parent, "");
}

gint64
cvn_test_add_group_with_purpose (CvnDocument *doc,
                                 const char  *name,
                                 const char  *kind,
                                 int          tier,
                                 gint64       parent,
                                 const char  *purpose)
{
  g_autoptr (GError) error = NULL;
  CvnGroup group;
  gint64 id;

  cvn_group_init (&group);
  g_free (group.name);
  group.name = g_strdup (name);
  g_free (group.kind);
  group.kind = g_strdup (kind);
  group.tier = tier;
  group.parent_id = parent;
  g_free (group.purpose);
  group.purpose = g_strdup (purpose);
  id = cvn_store_insert_group (doc, &group, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  cvn_group_clear (&group);
  return id;
}

/* Inserts an open school with the defaults of cvn_establishment_init() but for its name, URN
 * (0: none) and phase; must be called inside an edit. */
gint64
cvn_test_add_school (CvnDocument *doc,
                     const char  *name,
                     gint64       urn,
                     const char  *phase)
{
  g_autoptr (GError) error = NULL;
  CvnEstablishment school;
  gint64 id;

  cvn_establishment_init (&school);
  g_free (school.name);
  school.name = g_strdup (name);
  school.urn = urn;
  g_free (school.phase);
  school.phase = g_strdup (phase);
  id = cvn_store_insert_establishment (doc, &school, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  cvn_establishment_clear (&school);
  return id;
}

/* Inserts a membership; empty dates leave it open at that end. Must be called inside an
 * edit. */
void
cvn_test_add_membership (CvnDocument   *doc,
                         gint64         group,
                         CvnObjectKind  kind,
                         gint64         member,
                         CvnRole        role,
                         const char    *from_date,
                         const char    *until_date)
{
  g_autoptr (GError) error = NULL;
  CvnMembership membership = { 0 };

  membership.group_id = group;
  membership.member_kind = kind;
  membership.member_id = member;
  membership.role = role;
  membership.from_date = (char *) from_date;
  membership.until_date = (char *) until_date;
  g_assert_cmpint (cvn_store_insert_membership (doc, &membership, &error), >, 0);
  g_assert_no_error (error);
}

/* Orders the strings of a GPtrArray, for g_ptr_array_sort(). */
int
cvn_test_compare_strings (gconstpointer a,
                          gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The first group called @name, or NULL. */
const CvnGroup *
cvn_test_find_group (CvnSnapshot *snapshot,
                     const char  *name)
{
  for (guint i = 0; i < snapshot->groups->len; i++)
    {
      const CvnGroup *group = &g_array_index (snapshot->groups, CvnGroup, i);

      if (g_strcmp0 (group->name, name) == 0)
        return group;
    }
  return NULL;
}

/* The first school called @name, or NULL. */
const CvnEstablishment *
cvn_test_find_school (CvnSnapshot *snapshot,
                      const char  *name)
{
  for (guint i = 0; i < snapshot->establishments->len; i++)
    {
      const CvnEstablishment *school = &g_array_index (snapshot->establishments,
                                                       CvnEstablishment, i);

      if (g_strcmp0 (school->name, name) == 0)
        return school;
    }
  return NULL;
}

/* Fixtures ------------------------------------------------------------------------------- */

/* A fixture set-up for g_test_add(): a new, empty document. */
void
cvn_test_document_set_up (CvnTestDocument *fixture,
                          gconstpointer    user_data)
{
  fixture->dir = cvn_test_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "test.convenor", NULL);
  fixture->doc = cvn_test_create_document (fixture->path);
  fixture->snapshot = NULL;
}

/* A fixture set-up for g_test_add(): a new copy of the sample borough, named after it (a title
 * some outputs show), and its snapshot as of the sample's own today, CVN_SAMPLE_TODAY. */
void
cvn_test_document_set_up_sample (CvnTestDocument *fixture,
                                 gconstpointer    user_data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = cvn_test_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "kingsmere.convenor", NULL);
  fixture->doc = cvn_test_create_sample (fixture->path);
  fixture->snapshot = cvn_snapshot_load_at (fixture->doc, CVN_SAMPLE_TODAY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->snapshot);
}

/* Closes the document and removes its directory with everything the test wrote there. */
void
cvn_test_document_tear_down (CvnTestDocument *fixture,
                             gconstpointer    user_data)
{
  g_clear_pointer (&fixture->snapshot, cvn_snapshot_free);
  g_clear_object (&fixture->doc);
  cvn_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

/* Running programs ----------------------------------------------------------------------- */

/* Runs @argv (the program searched for in PATH) to its end and returns its exit status.
 * Output not asked for through @out_stdout is thrown away, so that it cannot break the TAP
 * stream; standard error not asked for goes to the test's own. */
int
cvn_test_spawn (const char * const *argv,
                char              **out_stdout,
                char              **out_stderr)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) envp = NULL;
  GSpawnFlags flags = G_SPAWN_SEARCH_PATH;
  int status = 0;

  if (out_stdout == NULL)
    flags |= G_SPAWN_STDOUT_TO_DEV_NULL;
  /* Untranslated messages and a decimal point, whatever the machine's locale. */
  envp = g_environ_setenv (g_get_environ (), "LC_ALL", "C.UTF-8", TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, envp, flags, NULL, NULL, out_stdout,
                               out_stderr, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

/* Whether $CONVENOR_CLI names the build's convenor-cli; when it does not (the test binary run
 * by hand), marks the test skipped, for it to return. */
gboolean
cvn_test_have_cli (void)
{
  if (g_getenv ("CONVENOR_CLI") != NULL)
    return TRUE;
  g_test_skip ("CONVENOR_CLI is not set");
  return FALSE;
}

/* Runs convenor-cli (the build's, named by $CONVENOR_CLI) with the NULL-terminated @args and
 * returns its exit status. */
int
cvn_test_run_cli_argv (const char * const *args,
                       char              **out_stdout,
                       char              **out_stderr)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  const char *cli = g_getenv ("CONVENOR_CLI");

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  return cvn_test_spawn ((const char * const *) argv->pdata, out_stdout, out_stderr);
}

/* As cvn_test_run_cli_argv(), with the arguments listed up to a NULL. */
int
cvn_test_run_cli (char       **out_stdout,
                  char       **out_stderr,
                  const char  *first_arg,
                  ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return cvn_test_run_cli_argv ((const char * const *) args->pdata, out_stdout, out_stderr);
}
