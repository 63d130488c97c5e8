/* test-cli.c — convenor-cli's shared behaviour: --help, --version, info, new-sample, bad input.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>


/* Each run writes its files into a fresh directory of its own. */
static char *test_dir;


/* Runs convenor-cli with @args; returns its exit status and output. */
static int
run_cli (const char * const *args,
         char              **out_stdout,
         char              **out_stderr)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  const char *cli = g_getenv ("CONVENOR_CLI");
  int status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out_stdout, out_stderr, &status, &error));
  g_assert_no_error (error);
  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  return -1;
}

static void
test_version_and_help (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out2 = NULL, *err2 = NULL;
  g_autofree char *out3 = NULL, *err3 = NULL;

  g_assert_cmpint (run_cli ((const char *[]) { "--version", NULL }, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "convenor-cli " PACKAGE_VERSION "\n");

  g_assert_cmpint (run_cli ((const char *[]) { "--help", NULL }, &out2, &err2), ==, 0);
  g_assert_nonnull (strstr (out2, "info FILE"));
  g_assert_nonnull (strstr (out2, "new-sample OUT.convenor"));

  g_assert_cmpint (run_cli ((const char *[]) { "frobnicate", NULL }, &out3, &err3), !=, 0);
  g_assert_nonnull (strstr (err3, "frobnicate"));
}

static void
test_info_sample (void)
{
  g_autofree char *path = g_build_filename (test_dir, "sample.convenor", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out2 = NULL, *err2 = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_cmpint (run_cli ((const char *[]) { "new-sample", path, NULL }, &out, &err), ==, 0);
  g_assert_cmpint (run_cli ((const char *[]) { "info", path, NULL }, &out2, &err2), ==, 0);

  /* Every line is NAME<TAB>COUNT. */
  lines = g_strsplit (out2, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[i], "\t", -1);
      guint64 n;

      g_assert_cmpuint (g_strv_length (fields), ==, 2);
      g_assert_true (g_ascii_string_to_unsigned (fields[1], 10, 0, G_MAXUINT, &n, NULL));
      g_hash_table_insert (counts, g_strdup (fields[0]), GUINT_TO_POINTER ((guint) n + 1));
    }
  for (guint i = 0; i < 3; i++)
    {
      const char *name = (const char *[]) { "groups.tier1", "groups.tier2", "groups.tier3" }[i];

      g_assert_true (g_hash_table_contains (counts, name));
      g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, name)), >, 1);
    }
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "establishments")), >, 80);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "memberships")), >, 1);

  /* new-sample does not overwrite. */
  {
    g_autofree char *out3 = NULL, *err3 = NULL;

    g_assert_cmpint (run_cli ((const char *[]) { "new-sample", path, NULL }, &out3, &err3), !=, 0);
    g_assert_nonnull (strstr (err3, path));
  }
}

static void
test_bad_input (void)
{
  g_autofree char *path = g_build_filename (test_dir, "minutes.convenor", NULL);
  g_autofree char *missing = g_build_filename (test_dir, "missing.convenor", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out2 = NULL, *err2 = NULL;
  g_autofree char *out3 = NULL, *err3 = NULL;

  g_assert_true (g_file_set_contents (path, "Minutes of the board\n", -1, NULL));
  g_assert_cmpint (run_cli ((const char *[]) { "info", path, NULL }, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "");
  /* One line, naming the file. */
  g_assert_nonnull (strstr (err, path));
  g_assert_nonnull (strstr (err, "not a Convenor document"));
  g_assert_cmpuint (strchr (err, '\n') - err, ==, strlen (err) - 1);

  g_assert_cmpint (run_cli ((const char *[]) { "info", missing, NULL }, &out2, &err2), ==, 1);
  g_assert_nonnull (strstr (err2, missing));

  g_assert_cmpint (run_cli ((const char *[]) { "info", NULL }, &out3, &err3), !=, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  test_dir = g_dir_make_tmp ("cvn-test-XXXXXX", NULL);
  g_assert_nonnull (test_dir);

  g_test_add_func ("/cvn/cli/version-and-help", test_version_and_help);
  g_test_add_func ("/cvn/cli/info-sample", test_info_sample);
  g_test_add_func ("/cvn/cli/bad-input", test_bad_input);

  return g_test_run ();
}
