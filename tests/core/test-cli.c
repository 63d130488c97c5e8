/* test-cli.c — convenor-cli's shared behaviour: --help, --version, info, new-sample, bad input.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "test-util.h"


/* Each run writes its files into a fresh directory of its own. */
static char *test_dir;


static void
test_version_and_help (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out2 = NULL, *err2 = NULL;
  g_autofree char *out3 = NULL, *err3 = NULL;

  g_assert_cmpint (cvn_test_run_cli (&out, &err, "--version", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "convenor-cli " PACKAGE_VERSION "\n");

  g_assert_cmpint (cvn_test_run_cli (&out2, &err2, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out2, "info FILE"));
  g_assert_nonnull (strstr (out2, "new-sample OUT.convenor"));

  g_assert_cmpint (cvn_test_run_cli (&out3, &err3, "frobnicate", NULL), !=, 0);
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

  g_assert_cmpint (cvn_test_run_cli (&out, &err, "new-sample", path, NULL), ==, 0);
  g_assert_cmpint (cvn_test_run_cli (&out2, &err2, "info", path, NULL), ==, 0);

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

    g_assert_cmpint (cvn_test_run_cli (&out3, &err3, "new-sample", path, NULL), !=, 0);
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
  g_assert_cmpint (cvn_test_run_cli (&out, &err, "info", path, NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  /* One line, naming the file. */
  g_assert_nonnull (strstr (err, path));
  g_assert_nonnull (strstr (err, "not a Convenor document"));
  g_assert_cmpuint (strchr (err, '\n') - err, ==, strlen (err) - 1);

  g_assert_cmpint (cvn_test_run_cli (&out2, &err2, "info", missing, NULL), ==, 1);
  g_assert_nonnull (strstr (err2, missing));

  g_assert_cmpint (cvn_test_run_cli (&out3, &err3, "info", NULL), !=, 0);
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
