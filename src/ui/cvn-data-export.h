/* cvn-data-export.h — File › Export Data: the document's data for other programs.
 *
 * Three exports, each through a GtkFileChooserNative and told in a toast: the membership
 * spreadsheet (cvn-members-csv.h), GraphML for yEd, Gephi, Cytoscape and networkx, nested or
 * flat and with or without people (cvn-graphml.h), and the lossless XML form of the whole
 * document (cvn-xml-document.h). Each writes what the matching importer reads back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cvn-graphml.h"
#include "cvn-window.h"

G_BEGIN_DECLS

typedef enum
{
  CVN_DATA_EXPORT_MEMBERSHIPS,   /* membership spreadsheet, .csv */
  CVN_DATA_EXPORT_GRAPHML,       /* GraphML, .graphml */
  CVN_DATA_EXPORT_XML,           /* lossless XML, .xml */
} CvnDataExportFormat;

/* The extension of @format, without the dot. */
const char *cvn_data_export_get_extension   (CvnDataExportFormat              format);

/* Writes @format of @window's document to @file, adding the format's extension when the name
 * has none, and says so in a toast. @graphml_options apply to GraphML (NULL: nested, people
 * shown). @out_written (may be NULL) receives the file written. This is what the actions do
 * once a file is chosen; on failure the caller shows @error. */
gboolean    cvn_data_export_write           (CvnWindow                       *window,
                                             CvnDataExportFormat              format,
                                             const CvnGraphmlExportOptions   *graphml_options,
                                             GFile                           *file,
                                             GFile                          **out_written,
                                             GError                         **error);

/* win.export-memberships, win.export-graphml and win.export-xml, installed on CvnWindow's
 * class. */
void        cvn_data_export_install_actions (GtkWidgetClass                  *widget_class);

G_END_DECLS
