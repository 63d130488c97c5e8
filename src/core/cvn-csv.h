/* cvn-csv.h — a small streaming CSV reader and an RFC 4180 writer.
 *
 * The reader takes a file through a fixed-size buffer, one row at a time, so a 50,000-row
 * register never sits in memory whole. It accepts what spreadsheets and the DfE actually
 * write: quoted fields holding commas, doubled quotes and line breaks; CRLF or LF line ends;
 * UTF-8 with or without a byte order mark, or Windows-1252 (detected: a file that is valid
 * UTF-8 is read as UTF-8, any other as Windows-1252). Fields come back as UTF-8.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CVN_CSV_ERROR (cvn_csv_error_quark ())

typedef enum
{
  CVN_CSV_ERROR_UNCLOSED_QUOTE,
  CVN_CSV_ERROR_ROW_TOO_LONG,
  CVN_CSV_ERROR_NO_HEADER,
} CvnCsvError;

typedef enum
{
  CVN_CSV_ENCODING_UTF8,
  CVN_CSV_ENCODING_WINDOWS_1252,
} CvnCsvEncoding;

typedef struct _CvnCsvReader CvnCsvReader;

GQuark          cvn_csv_error_quark          (void);

/* Opens @path for reading. Error messages name the file by its base name. */
CvnCsvReader   *cvn_csv_reader_new_for_path  (const char    *path,
                                              GError       **error);
/* Reads @length bytes at @data, which must stay alive as long as the reader; @name is what
 * error messages call the data. */
CvnCsvReader   *cvn_csv_reader_new_for_data  (const char    *name,
                                              const char    *data,
                                              gsize          length);
void            cvn_csv_reader_free          (CvnCsvReader  *self);

/* The file's base name (or the name given for data), for messages. */
const char     *cvn_csv_reader_get_name      (CvnCsvReader  *self);
CvnCsvEncoding  cvn_csv_reader_get_encoding  (CvnCsvReader  *self);

/* Moves to the next row. Returns FALSE at the end of the input (with @error unset) or on an
 * error. Lines that are completely empty are passed over. */
gboolean        cvn_csv_reader_next_row      (CvnCsvReader  *self,
                                              GError       **error);
/* The line on which the current row starts, counting from 1. */
guint           cvn_csv_reader_get_line      (CvnCsvReader  *self);
guint           cvn_csv_reader_get_n_fields  (CvnCsvReader  *self);
/* Field @index of the current row as UTF-8, or NULL when the row has fewer fields. The string
 * lives until the next call of next_row. */
const char     *cvn_csv_reader_get_field     (CvnCsvReader  *self,
                                              guint          index);

/* Reads the first row as the header: column names, trimmed of spaces. */
gboolean        cvn_csv_reader_read_header   (CvnCsvReader  *self,
                                              GError       **error);
/* The index of the header column named @name (compared without regard to ASCII case), or -1.
 * The first of several columns with the same name wins. */
int             cvn_csv_reader_find_column   (CvnCsvReader  *self,
                                              const char    *name);
guint           cvn_csv_reader_get_n_columns (CvnCsvReader  *self);
/* The field of the current row in header column @column (from find_column), or NULL when the
 * column is absent from the header (-1) or missing from this short row. */
const char     *cvn_csv_reader_get_column    (CvnCsvReader  *self,
                                              int            column);

/* Appends one row to @out, quoting each field that holds a comma, a quote, a line break or a
 * leading or trailing space, and ending it with CRLF as RFC 4180 says. */
void            cvn_csv_append_row           (GString            *out,
                                              const char * const *fields,
                                              guint               n_fields);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CvnCsvReader, cvn_csv_reader_free)

G_END_DECLS
