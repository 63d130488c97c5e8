/* cvn-xml-document.h — the whole document as XML, losslessly.
 *
 * The XML form holds every table and every column of a document, with its ids, so that a
 * document can be read back exactly (for archiving, for diffing two versions in a text tool,
 * for moving data between Convenor versions). Its shape:
 *
 *   <convenor-document version="1">
 *     <settings><setting key="…" value="…"/></settings>
 *     <establishments><establishment id="1" urn="100001" name="…" … /></establishments>
 *     … one container per table, one empty element per row …
 *   </convenor-document>
 *
 * Containers are named after the tables and rows after one row of them (people/person,
 * groups/group, designation_types/designation_type …). Each column is an attribute of the same
 * name; a NULL is an absent attribute, an empty text an empty one. Tables come in the order of
 * cvn_schema_tables, rows by primary key, columns in table order, and nothing depends on the
 * clock, so the same document always gives the same bytes: export, import, export again gives
 * an identical file. data/convenor-document.rng is its RELAX NG schema.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cvn-document.h"

G_BEGIN_DECLS

/* The XML form of @doc as UTF-8 bytes. Fails (CVN_XML_ERROR_UNREPRESENTABLE) when a text
 * holds a character XML 1.0 cannot carry, naming the table, row and column, rather than
 * writing a file that would not read back as it was. */
GBytes      *cvn_xml_document_export_bytes (CvnDocument  *doc,
                                            GError      **error);
/* Writes the XML form of @doc to @path, replacing what is there. */
gboolean     cvn_xml_document_export       (CvnDocument  *doc,
                                            const char   *path,
                                            GError      **error);

/* Creates a NEW document at @out_path holding what the XML form at @xml_path holds, ids and
 * all, in one edit. Refuses when something is already at @out_path. On any error nothing is
 * left at @out_path. Errors name the file and line. */
CvnDocument *cvn_xml_document_import       (const char   *out_path,
                                            const char   *xml_path,
                                            GError      **error);
/* The same for XML already in memory; @name stands for the file in messages. @out_path may be
 * ":memory:" for a document that lives only in memory (the fuzzer uses this). */
CvnDocument *cvn_xml_document_import_data  (const char   *out_path,
                                            const char   *name,
                                            const char   *data,
                                            gsize         length,
                                            GError      **error);

G_END_DECLS
