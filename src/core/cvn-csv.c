/* cvn-csv.c — a streaming CSV reader and an RFC 4180 writer.
 *
 * The parser works on bytes. The characters that give CSV its shape (comma, quote, CR, LF) are
 * the same single bytes in UTF-8 and in Windows-1252, so a row can be split into fields before
 * anyone knows the encoding; a field is only turned into UTF-8 when it is asked for, which
 * keeps a 130-column register cheap when an importer wants a dozen of its columns.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-csv"

#include "config.h"

#include "cvn-csv.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

/* The reader never holds more of a file than this, plus the row it is assembling. */
#define READ_BUFFER_SIZE 65536
/* A row longer than this is not a spreadsheet row; refusing it bounds the memory a damaged or
 * hostile file can make the reader use. */
#define MAX_ROW_BYTES (4 * 1024 * 1024)
#define MAX_FIELDS 10000

typedef enum
{
  STATE_FIELD_START,
  STATE_UNQUOTED,
  STATE_QUOTED,
  STATE_QUOTE_IN_QUOTED,
} ParseState;

struct _CvnCsvReader
{
  char           *name;
  FILE           *file;          /* NULL when reading data in memory */
  const char     *data;
  gsize           data_length;
  gboolean        data_taken;

  char           *buffer;        /* READ_BUFFER_SIZE bytes, for files */
  const char     *chunk;         /* what is being parsed: the buffer, or the data */
  gsize           chunk_length;
  gsize           chunk_pos;
  gboolean        skip_lf;       /* the last row ended with CR; a LF right after belongs to it */

  CvnCsvEncoding  encoding;
  guint           line;          /* the line the parser is on */
  guint           row_line;      /* the line the current row started on */

  GString        *row;           /* the current row's fields, each ended by a NUL */
  GArray         *starts;        /* guint: where each field starts in row */
  GStringChunk   *converted;     /* fields turned into UTF-8 for this row */
  GString        *scratch;

  char          **header;
  guint           n_columns;
};

G_DEFINE_QUARK (cvn-csv-error-quark, cvn_csv_error)

/* Windows-1252 differs from Latin-1 only in 0x80-0x9F. The five bytes it leaves undefined map
 * to the C1 controls of the same value, as web browsers do, so no byte is ever lost. */
static const gunichar windows_1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static CvnCsvReader *
reader_new (const char *name)
{
  CvnCsvReader *self = g_new0 (CvnCsvReader, 1);

  self->name = g_strdup (name);
  self->line = 1;
  self->row_line = 1;
  self->row = g_string_sized_new (1024);
  self->starts = g_array_sized_new (FALSE, FALSE, sizeof (guint), 160);
  self->converted = g_string_chunk_new (1024);
  self->scratch = g_string_sized_new (256);
  return self;
}

void
cvn_csv_reader_free (CvnCsvReader *self)
{
  if (self == NULL)
    return;
  if (self->file != NULL)
    fclose (self->file);
  g_free (self->name);
  g_free (self->buffer);
  g_string_free (self->row, TRUE);
  g_array_unref (self->starts);
  g_string_chunk_free (self->converted);
  g_string_free (self->scratch, TRUE);
  g_strfreev (self->header);
  g_free (self);
}

static void
set_io_error (CvnCsvReader *self,
              int           saved_errno,
              GError      **error)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not read “%s”: %s"), self->name, g_strerror (saved_errno));
}

/* Reads the next piece of the file into the buffer; at the end, chunk_length becomes 0. */
static gboolean
fill_chunk (CvnCsvReader *self,
            GError      **error)
{
  self->chunk_pos = 0;
  if (self->file == NULL)
    {
      self->chunk = self->data;
      self->chunk_length = self->data_taken ? 0 : self->data_length;
      self->data_taken = TRUE;
      return TRUE;
    }

  self->chunk = self->buffer;
  self->chunk_length = fread (self->buffer, 1, READ_BUFFER_SIZE, self->file);
  if (self->chunk_length == 0 && ferror (self->file))
    {
      set_io_error (self, errno, error);
      return FALSE;
    }
  return TRUE;
}

/* A file is UTF-8 when all of it is valid UTF-8. That takes one pass through the file, with
 * the same fixed buffer, before parsing starts; a sequence cut by the buffer's end is carried
 * over to the next read. */
static gboolean
detect_file_encoding (CvnCsvReader *self,
                      GError      **error)
{
  gsize carry = 0;

  self->encoding = CVN_CSV_ENCODING_UTF8;
  for (;;)
    {
      gsize n_read = fread (self->buffer + carry, 1, READ_BUFFER_SIZE - carry, self->file);
      gsize length = carry + n_read;
      const char *end = NULL;

      if (n_read == 0)
        {
          if (ferror (self->file))
            {
              set_io_error (self, errno, error);
              return FALSE;
            }
          if (carry > 0)
            self->encoding = CVN_CSV_ENCODING_WINDOWS_1252;
          break;
        }

      carry = 0;
      if (!g_utf8_validate_len (self->buffer, length, &end))
        {
          gsize rest = self->buffer + length - end;

          if (rest < 4 && g_utf8_get_char_validated (end, rest) == (gunichar) -2)
            {
              memmove (self->buffer, end, rest);
              carry = rest;
            }
          else
            {
              self->encoding = CVN_CSV_ENCODING_WINDOWS_1252;
              break;
            }
        }
    }

  if (fseek (self->file, 0, SEEK_SET) != 0)
    {
      set_io_error (self, errno, error);
      return FALSE;
    }
  return TRUE;
}

/* Skips a UTF-8 byte order mark at the very start of the input. */
static gboolean
skip_byte_order_mark (CvnCsvReader *self,
                      GError      **error)
{
  if (!fill_chunk (self, error))
    return FALSE;
  if (self->chunk_length >= 3 && memcmp (self->chunk, "\xEF\xBB\xBF", 3) == 0)
    self->chunk_pos = 3;
  return TRUE;
}

CvnCsvReader *
cvn_csv_reader_new_for_path (const char *path,
                             GError    **error)
{
  g_autofree char *name = NULL;
  CvnCsvReader *self;
  FILE *file;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_fopen (path, "rb");
  name = g_path_get_basename (path);
  if (file == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not open “%s”: %s"), path, g_strerror (saved_errno));
      return NULL;
    }

  self = reader_new (name);
  self->file = file;
  self->buffer = g_malloc (READ_BUFFER_SIZE);
  if (!detect_file_encoding (self, error) || !skip_byte_order_mark (self, error))
    {
      cvn_csv_reader_free (self);
      return NULL;
    }
  return self;
}

CvnCsvReader *
cvn_csv_reader_new_for_data (const char *name,
                             const char *data,
                             gsize       length)
{
  CvnCsvReader *self;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  self = reader_new (name);
  self->data = data != NULL ? data : "";
  self->data_length = length;
  self->encoding = g_utf8_validate_len (self->data, length, NULL) ? CVN_CSV_ENCODING_UTF8
                                                                 : CVN_CSV_ENCODING_WINDOWS_1252;
  skip_byte_order_mark (self, NULL);
  return self;
}

const char *
cvn_csv_reader_get_name (CvnCsvReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}

CvnCsvEncoding
cvn_csv_reader_get_encoding (CvnCsvReader *self)
{
  g_return_val_if_fail (self != NULL, CVN_CSV_ENCODING_UTF8);

  return self->encoding;
}

guint
cvn_csv_reader_get_line (CvnCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->row_line;
}

guint
cvn_csv_reader_get_n_fields (CvnCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->starts->len;
}

static gboolean
start_field (CvnCsvReader *self,
             GError      **error)
{
  guint start = self->row->len;

  if (self->starts->len >= MAX_FIELDS)
    {
      g_set_error (error, CVN_CSV_ERROR, CVN_CSV_ERROR_ROW_TOO_LONG,
                   _("%s line %u: the row has more than %u fields"), self->name,
                   self->row_line, MAX_FIELDS);
      return FALSE;
    }
  g_array_append_val (self->starts, start);
  return TRUE;
}

static inline void
end_field (CvnCsvReader *self)
{
  g_string_append_c (self->row, '\0');
}

/* Counts a line break outside or inside quotes; a CR is one only when no LF follows it. */
static inline void
count_line_break (CvnCsvReader *self,
                  char          c)
{
  self->line++;
  if (c == '\r')
    self->skip_lf = TRUE;
}

gboolean
cvn_csv_reader_next_row (CvnCsvReader *self,
                         GError      **error)
{
  ParseState state = STATE_FIELD_START;

  g_return_val_if_fail (self != NULL, FALSE);

  g_string_truncate (self->row, 0);
  g_array_set_size (self->starts, 0);
  g_string_chunk_clear (self->converted);
  self->row_line = self->line;

  for (;;)
    {
      char c;

      if (self->chunk_pos >= self->chunk_length)
        {
          if (!fill_chunk (self, error))
            return FALSE;
          if (self->chunk_length == 0)
            break;
        }
      c = self->chunk[self->chunk_pos++];

      if (self->skip_lf)
        {
          self->skip_lf = FALSE;
          if (c == '\n')
            continue;
        }

      if (G_UNLIKELY (self->row->len >= MAX_ROW_BYTES))
        {
          g_set_error (error, CVN_CSV_ERROR, CVN_CSV_ERROR_ROW_TOO_LONG,
                       _("%s line %u: the row is longer than %u bytes"), self->name,
                       self->row_line, MAX_ROW_BYTES);
          return FALSE;
        }

      switch (state)
        {
        case STATE_FIELD_START:
          if (c == '\n' || c == '\r')
            {
              count_line_break (self, c);
              if (self->starts->len == 0)
                {
                  /* An empty line: no row at all. */
                  self->row_line = self->line;
                  continue;
                }
              /* A comma ended the line: its last field is empty. */
              if (!start_field (self, error))
                return FALSE;
              end_field (self);
              return TRUE;
            }
          if (!start_field (self, error))
            return FALSE;
          if (c == '"')
            state = STATE_QUOTED;
          else if (c == ',')
            end_field (self);
          else
            {
              g_string_append_c (self->row, c);
              state = STATE_UNQUOTED;
            }
          break;

        case STATE_UNQUOTED:
          if (c == ',')
            {
              end_field (self);
              state = STATE_FIELD_START;
            }
          else if (c == '\n' || c == '\r')
            {
              count_line_break (self, c);
              end_field (self);
              return TRUE;
            }
          else
            g_string_append_c (self->row, c);
          break;

        case STATE_QUOTED:
          if (c == '"')
            state = STATE_QUOTE_IN_QUOTED;
          else
            {
              if (c == '\n')
                self->line++;
              g_string_append_c (self->row, c);
            }
          break;

        case STATE_QUOTE_IN_QUOTED:
          if (c == '"')
            {
              /* A doubled quote stands for one. */
              g_string_append_c (self->row, '"');
              state = STATE_QUOTED;
            }
          else if (c == ',')
            {
              end_field (self);
              state = STATE_FIELD_START;
            }
          else if (c == '\n' || c == '\r')
            {
              count_line_break (self, c);
              end_field (self);
              return TRUE;
            }
          else
            {
              /* Text after a closing quote ("a"b) is kept, as spreadsheets do. */
              g_string_append_c (self->row, c);
              state = STATE_UNQUOTED;
            }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  /* The end of the input. */
  switch (state)
    {
    case STATE_FIELD_START:
      if (self->starts->len == 0)
        return FALSE;
      if (!start_field (self, error))
        return FALSE;
      end_field (self);
      return TRUE;

    case STATE_UNQUOTED:
    case STATE_QUOTE_IN_QUOTED:
      end_field (self);
      return TRUE;

    case STATE_QUOTED:
      g_set_error (error, CVN_CSV_ERROR, CVN_CSV_ERROR_UNCLOSED_QUOTE,
                   _("%s line %u: a quoted field is not closed before the end of the file"),
                   self->name, self->row_line);
      return FALSE;

    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

static const char *
windows_1252_to_utf8 (CvnCsvReader *self,
                      const char   *raw)
{
  const guchar *p;

  for (p = (const guchar *) raw; *p != '\0' && *p < 0x80; p++)
    ;
  if (*p == '\0')
    return raw;

  g_string_truncate (self->scratch, 0);
  g_string_append_len (self->scratch, raw, (const char *) p - raw);
  for (; *p != '\0'; p++)
    {
      if (*p < 0x80)
        g_string_append_c (self->scratch, *p);
      else if (*p < 0xA0)
        g_string_append_unichar (self->scratch, windows_1252_high[*p - 0x80]);
      else
        g_string_append_unichar (self->scratch, *p);
    }
  return g_string_chunk_insert_len (self->converted, self->scratch->str, self->scratch->len);
}

const char *
cvn_csv_reader_get_field (CvnCsvReader *self,
                          guint         index)
{
  const char *raw;

  g_return_val_if_fail (self != NULL, NULL);

  if (index >= self->starts->len)
    return NULL;
  raw = self->row->str + g_array_index (self->starts, guint, index);
  switch (self->encoding)
    {
    case CVN_CSV_ENCODING_UTF8:
      return raw;
    case CVN_CSV_ENCODING_WINDOWS_1252:
      return windows_1252_to_utf8 (self, raw);
    default:
      g_assert_not_reached ();
    }
  return raw;
}

gboolean
cvn_csv_reader_read_header (CvnCsvReader *self,
                            GError      **error)
{
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!cvn_csv_reader_next_row (self, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, CVN_CSV_ERROR, CVN_CSV_ERROR_NO_HEADER,
                     _("%s: the file is empty; expected a header row"), self->name);
      return FALSE;
    }

  g_strfreev (self->header);
  self->n_columns = cvn_csv_reader_get_n_fields (self);
  self->header = g_new0 (char *, self->n_columns + 1);
  for (guint i = 0; i < self->n_columns; i++)
    self->header[i] = g_strstrip (g_strdup (cvn_csv_reader_get_field (self, i)));
  return TRUE;
}

int
cvn_csv_reader_find_column (CvnCsvReader *self,
                            const char   *name)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);

  for (guint i = 0; i < self->n_columns; i++)
    if (g_ascii_strcasecmp (self->header[i], name) == 0)
      return (int) i;
  return -1;
}

guint
cvn_csv_reader_get_n_columns (CvnCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_columns;
}

const char *
cvn_csv_reader_get_column (CvnCsvReader *self,
                           int           column)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (column < 0)
    return NULL;
  return cvn_csv_reader_get_field (self, (guint) column);
}

static gboolean
needs_quotes (const char *field)
{
  gsize length = strlen (field);

  if (length == 0)
    return FALSE;
  return strpbrk (field, ",\"\r\n") != NULL || field[0] == ' ' || field[length - 1] == ' ';
}

void
cvn_csv_append_row (GString            *out,
                    const char * const *fields,
                    guint               n_fields)
{
  g_return_if_fail (out != NULL);

  for (guint i = 0; i < n_fields; i++)
    {
      const char *field = fields[i] != NULL ? fields[i] : "";

      if (i > 0)
        g_string_append_c (out, ',');
      if (!needs_quotes (field))
        {
          g_string_append (out, field);
          continue;
        }
      g_string_append_c (out, '"');
      for (const char *p = field; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  g_string_append (out, "\r\n");
}
