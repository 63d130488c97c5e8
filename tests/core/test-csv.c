/* test-csv.c — the streaming CSV reader and writer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cvn-csv.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

/* Reads every row of @reader into a list of string arrays, with each row's first line. */
static GPtrArray *
read_all (CvnCsvReader *reader,
          GArray       *lines,
          GError      **error)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  while (cvn_csv_reader_next_row (reader, error))
    {
      guint n = cvn_csv_reader_get_n_fields (reader);
      char **row = g_new0 (char *, n + 1);
      guint line = cvn_csv_reader_get_line (reader);

      for (guint i = 0; i < n; i++)
        row[i] = g_strdup (cvn_csv_reader_get_field (reader, i));
      g_ptr_array_add (rows, row);
      if (lines != NULL)
        g_array_append_val (lines, line);
    }
  return rows;
}

static void
assert_row (GPtrArray  *rows,
            guint       index,
            const char *first,
            ...)
{
  char **row;
  va_list args;
  guint n = 0;

  g_assert_cmpuint (index, <, rows->len);
  row = g_ptr_array_index (rows, index);
  va_start (args, first);
  for (const char *expected = first; expected != NULL; expected = va_arg (args, const char *))
    {
      g_assert_nonnull (row[n]);
      g_assert_cmpstr (row[n], ==, expected);
      n++;
    }
  va_end (args);
  g_assert_cmpuint (g_strv_length (row), ==, n);
}

static void
test_quoted_fields (void)
{
  static const char data[] =
    "URN,Name,Street\r\n"
    "1,\"Hindley Green, Community Primary\",Green Lane\r\n"
    "2,\"The \"\"Meadows\"\" Academy\",\"12 Church Street\r\nInce\"\r\n"
    "3,Plain,\"\"\r\n"
    "4,\"a\"b,c\r\n";
  g_autoptr (CvnCsvReader) reader = cvn_csv_reader_new_for_data ("schools.csv", data,
                                                                  strlen (data));
  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;

  rows = read_all (reader, lines, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 5);
  assert_row (rows, 0, "URN", "Name", "Street", NULL);
  assert_row (rows, 1, "1", "Hindley Green, Community Primary", "Green Lane", NULL);
  assert_row (rows, 2, "2", "The \"Meadows\" Academy", "12 Church Street\r\nInce", NULL);
  assert_row (rows, 3, "3", "Plain", "", NULL);
  /* Text after a closing quote is kept, as spreadsheets do. */
  assert_row (rows, 4, "4", "ab", "c", NULL);
  /* The quoted line break moves every later row down a line. */
  g_assert_cmpuint (g_array_index (lines, guint, 0), ==, 1);
  g_assert_cmpuint (g_array_index (lines, guint, 1), ==, 2);
  g_assert_cmpuint (g_array_index (lines, guint, 2), ==, 3);
  g_assert_cmpuint (g_array_index (lines, guint, 3), ==, 5);
  g_assert_cmpuint (g_array_index (lines, guint, 4), ==, 6);
  g_assert_cmpint (cvn_csv_reader_get_encoding (reader), ==, CVN_CSV_ENCODING_UTF8);
}

static void
test_line_ends (void)
{
  /* LF, CRLF, a lone CR, blank lines and no line break at the end. */
  static const char data[] = "a,b\n\n1,2\r\n\r\n3,4\r5,6\n7,";
  g_autoptr (CvnCsvReader) reader = cvn_csv_reader_new_for_data ("ends.csv", data,
                                                                  strlen (data));
  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;

  rows = read_all (reader, lines, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 5);
  assert_row (rows, 0, "a", "b", NULL);
  assert_row (rows, 1, "1", "2", NULL);
  assert_row (rows, 2, "3", "4", NULL);
  assert_row (rows, 3, "5", "6", NULL);
  assert_row (rows, 4, "7", "", NULL);
  g_assert_cmpuint (g_array_index (lines, guint, 1), ==, 3);
  g_assert_cmpuint (g_array_index (lines, guint, 2), ==, 5);
  g_assert_cmpuint (g_array_index (lines, guint, 3), ==, 6);
  g_assert_cmpuint (g_array_index (lines, guint, 4), ==, 7);
}

static void
test_header_and_ragged_rows (void)
{
  static const char data[] = "\xEF\xBB\xBF URN , LA (name),Name\n1,Wigan,A,extra,more\n2,Bolton\n";
  g_autoptr (CvnCsvReader) reader = cvn_csv_reader_new_for_data ("ragged.csv", data,
                                                                  strlen (data));
  g_autoptr (GError) error = NULL;
  int urn, la, name;

  g_assert_true (cvn_csv_reader_read_header (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cvn_csv_reader_get_n_columns (reader), ==, 3);
  /* The byte order mark and the spaces around a name are not part of it. */
  urn = cvn_csv_reader_find_column (reader, "URN");
  la = cvn_csv_reader_find_column (reader, "la (NAME)");
  name = cvn_csv_reader_find_column (reader, "Name");
  g_assert_cmpint (urn, ==, 0);
  g_assert_cmpint (la, ==, 1);
  g_assert_cmpint (name, ==, 2);
  g_assert_cmpint (cvn_csv_reader_find_column (reader, "Postcode"), ==, -1);

  g_assert_true (cvn_csv_reader_next_row (reader, &error));
  g_assert_cmpuint (cvn_csv_reader_get_n_fields (reader), ==, 5);
  g_assert_cmpstr (cvn_csv_reader_get_column (reader, name), ==, "A");
  g_assert_null (cvn_csv_reader_get_column (reader, -1));

  g_assert_true (cvn_csv_reader_next_row (reader, &error));
  g_assert_cmpuint (cvn_csv_reader_get_n_fields (reader), ==, 2);
  g_assert_cmpstr (cvn_csv_reader_get_column (reader, la), ==, "Bolton");
  g_assert_null (cvn_csv_reader_get_column (reader, name));

  g_assert_false (cvn_csv_reader_next_row (reader, &error));
  g_assert_no_error (error);
}

static void
test_windows_1252 (void)
{
  /* à (0xE0), € (0x80), ’ (0x92), and an undefined byte (0x81) kept as a C1 control. */
  static const char data[] = "Name,Note\r\nSt Thomas \xE0 Becket,\x80 5 \x92n\x81\r\n";
  g_autoptr (CvnCsvReader) reader = cvn_csv_reader_new_for_data ("cp1252.csv", data,
                                                                  strlen (data));
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;

  rows = read_all (reader, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cvn_csv_reader_get_encoding (reader), ==, CVN_CSV_ENCODING_WINDOWS_1252);
  assert_row (rows, 1, "St Thomas \xC3\xA0 Becket", "\xE2\x82\xAC 5 \xE2\x80\x99n\xC2\x81", NULL);
  for (guint i = 0; i < rows->len; i++)
    for (char **field = g_ptr_array_index (rows, i); *field != NULL; field++)
      g_assert_true (g_utf8_validate (*field, -1, NULL));
}

static void
test_unclosed_quote (void)
{
  static const char data[] = "a,b\n1,2\n3,\"never closed\n4,5\n";
  g_autoptr (CvnCsvReader) reader = cvn_csv_reader_new_for_data ("broken.csv", data,
                                                                  strlen (data));
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;

  rows = read_all (reader, NULL, &error);
  g_assert_error (error, CVN_CSV_ERROR, CVN_CSV_ERROR_UNCLOSED_QUOTE);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_nonnull (strstr (error->message, "broken.csv line 3"));
}

static void
test_empty_input (void)
{
  g_autoptr (CvnCsvReader) reader = cvn_csv_reader_new_for_data ("empty.csv", "\n\n", 2);
  g_autoptr (GError) error = NULL;

  g_assert_false (cvn_csv_reader_read_header (reader, &error));
  g_assert_error (error, CVN_CSV_ERROR, CVN_CSV_ERROR_NO_HEADER);
  g_assert_nonnull (strstr (error->message, "empty.csv"));
}

/* A file larger than the read buffer, with a UTF-8 character and a quoted field cut by the
 * buffer's edge: both must come through whole. */
static void
test_file_across_buffers (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "big.csv", NULL);
  g_autoptr (GString) data = g_string_new ("id,text\n");
  g_autoptr (CvnCsvReader) reader = NULL;
  g_autoptr (GError) error = NULL;
  guint n_rows = 0;

  gsize target;

  while (data->len < 65536 - 100)
    g_string_append_printf (data, "%u,plain\n", n_rows++);
  /* A padding row places the first byte of "é" last in the first 65,536-byte read. */
  target = 65535 - strlen ("last,\"caf");
  g_string_append (data, "pad,");
  while (data->len < target - 1)
    g_string_append_c (data, 'x');
  g_string_append_c (data, '\n');
  g_string_append (data, "last,\"caf\xC3\xA9, \"\"quoted\"\"\n ok\"\n");
  g_assert_cmpuint ((guchar) data->str[65535], ==, 0xC3);
  g_assert_true (g_file_set_contents (path, data->str, data->len, &error));

  reader = cvn_csv_reader_new_for_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cvn_csv_reader_get_encoding (reader), ==, CVN_CSV_ENCODING_UTF8);
  g_assert_cmpstr (cvn_csv_reader_get_name (reader), ==, "big.csv");
  {
    g_autoptr (GPtrArray) rows = read_all (reader, NULL, &error);
    char **last;

    g_assert_no_error (error);
    last = g_ptr_array_index (rows, rows->len - 1);
    g_assert_cmpstr (last[0], ==, "last");
    g_assert_cmpstr (last[1], ==, "caf\xC3\xA9, \"quoted\"\n ok");
  }
  g_remove (path);
  g_rmdir (dir);
}

/* A Windows-1252 byte far into the file makes the whole file Windows-1252, early rows too. */
static void
test_file_detects_late_windows_1252 (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "late.csv", NULL);
  g_autoptr (GString) data = g_string_new ("name\n\xC3\xA9t\xC3\xA9\n");
  g_autoptr (CvnCsvReader) reader = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < 20000; i++)
    g_string_append (data, "row\n");
  g_string_append (data, "St Thomas \xE0 Becket\n");
  g_assert_true (g_file_set_contents (path, data->str, data->len, &error));

  reader = cvn_csv_reader_new_for_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cvn_csv_reader_get_encoding (reader), ==, CVN_CSV_ENCODING_WINDOWS_1252);
  g_assert_true (cvn_csv_reader_read_header (reader, &error));
  g_assert_true (cvn_csv_reader_next_row (reader, &error));
  /* The two bytes of a UTF-8 "é" read as Windows-1252 are "Ã©". */
  g_assert_cmpstr (cvn_csv_reader_get_field (reader, 0), ==, "\xC3\x83\xC2\xA9t\xC3\x83\xC2\xA9");
  g_remove (path);
  g_rmdir (dir);
}

static void
test_missing_file (void)
{
  g_autoptr (GError) error = NULL;
  CvnCsvReader *reader = cvn_csv_reader_new_for_path ("/nonexistent/schools.csv", &error);

  g_assert_null (reader);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "schools.csv"));
}

static void
test_writer_round_trip (void)
{
  const char * const header[] = { "group", "member", "note" };
  const char * const row[] = { "Wigan, North", "The \"Meadows\"", "two\nlines" };
  const char * const plain[] = { "a", NULL, " padded" };
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (CvnCsvReader) reader = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;

  cvn_csv_append_row (out, header, 3);
  cvn_csv_append_row (out, row, 3);
  cvn_csv_append_row (out, plain, 3);
  g_assert_cmpstr (out->str, ==,
                   "group,member,note\r\n"
                   "\"Wigan, North\",\"The \"\"Meadows\"\"\",\"two\nlines\"\r\n"
                   "a,,\" padded\"\r\n");

  reader = cvn_csv_reader_new_for_data ("out.csv", out->str, out->len);
  rows = read_all (reader, NULL, &error);
  g_assert_no_error (error);
  assert_row (rows, 1, "Wigan, North", "The \"Meadows\"", "two\nlines", NULL);
  assert_row (rows, 2, "a", "", " padded", NULL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cvn/csv/quoted-fields", test_quoted_fields);
  g_test_add_func ("/cvn/csv/line-ends", test_line_ends);
  g_test_add_func ("/cvn/csv/header-and-ragged-rows", test_header_and_ragged_rows);
  g_test_add_func ("/cvn/csv/windows-1252", test_windows_1252);
  g_test_add_func ("/cvn/csv/unclosed-quote", test_unclosed_quote);
  g_test_add_func ("/cvn/csv/empty-input", test_empty_input);
  g_test_add_func ("/cvn/csv/file-across-buffers", test_file_across_buffers);
  g_test_add_func ("/cvn/csv/file-detects-late-windows-1252",
                   test_file_detects_late_windows_1252);
  g_test_add_func ("/cvn/csv/missing-file", test_missing_file);
  g_test_add_func ("/cvn/csv/writer-round-trip", test_writer_round_trip);

  return g_test_run ();
}
