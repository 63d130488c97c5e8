/* cvn-xml-safe.h — reading XML from other programs without trusting it.
 *
 * Every XML file Convenor reads (GraphML, the lossless document form) comes through here.
 * The parser never touches the network (XML_PARSE_NONET), never loads an external DTD, never
 * substitutes entities, refuses any document whose DTD declares an entity (which is how the
 * "billion laughs" and external-entity attacks begin), keeps libxml2's depth and text-size
 * limits (no XML_PARSE_HUGE), and refuses input larger than CVN_XML_MAX_INPUT_SIZE. Errors name
 * the file, line and column.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

#define CVN_XML_ERROR (cvn_xml_error_quark ())

typedef enum
{
  /* The input is larger than CVN_XML_MAX_INPUT_SIZE. */
  CVN_XML_ERROR_TOO_LARGE,
  /* The input is not well-formed XML. */
  CVN_XML_ERROR_MALFORMED,
  /* The input declares entities or otherwise asks for something Convenor will not do. */
  CVN_XML_ERROR_REFUSED,
  /* Well-formed XML that does not say what the reader expects (a semantic error). */
  CVN_XML_ERROR_INVALID,
  /* An export could not be written faithfully (for example a control character in a text). */
  CVN_XML_ERROR_UNREPRESENTABLE,
} CvnXmlError;

/* 256 MiB: far above any real partnership, well below what would exhaust memory. */
#define CVN_XML_MAX_INPUT_SIZE ((gsize) 256 * 1024 * 1024)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

GQuark   cvn_xml_error_quark          (void);

/* Reads and parses @path with the safe options. */
xmlDoc  *cvn_xml_safe_read_file       (const char  *path,
                                       GError     **error);
/* The same for a file already in memory; @name stands for the file in messages. */
xmlDoc  *cvn_xml_safe_read_memory     (const char  *name,
                                       const char  *data,
                                       gsize        length,
                                       GError     **error);

/* Sets @error to "NAME line N: MESSAGE" for a semantic error about @node (its line from
 * xmlGetLineNo; without the line when @node is NULL). */
void     cvn_xml_set_node_error       (GError     **error,
                                       const char  *name,
                                       xmlNode     *node,
                                       const char  *format,
                                       ...) G_GNUC_PRINTF (4, 5);

/* The value of attribute @attr of @node (no namespace), or NULL. Free with g_free. */
char    *cvn_xml_dup_prop             (xmlNode     *node,
                                       const char  *attr);
/* The text content of @node, or an empty string. Free with g_free. */
char    *cvn_xml_dup_content          (xmlNode     *node);
/* TRUE when @node is an element called @name in namespace @ns_href (NULL: any namespace). */
gboolean cvn_xml_is_element           (xmlNode     *node,
                                       const char  *ns_href,
                                       const char  *name);

/* TRUE when @text can stand in an XML 1.0 document as it is: valid UTF-8 and no control
 * character other than tab, line feed and carriage return. */
gboolean cvn_xml_text_is_representable (const char *text);
/* A copy of @text that can stand in an XML document: invalid UTF-8 and forbidden control
 * characters become U+FFFD. For exports that may lose such characters (GraphML). */
char    *cvn_xml_make_representable   (const char  *text);

/* The shortest decimal text (C locale, at most 17 significant digits) that reads back as
 * exactly @value, so that exports are both exact and stable. */
char    *cvn_xml_format_double        (double       value);

/* Validates @doc against the RELAX NG schema at @schema_path; the error lists the first
 * problem with its line. @name stands for the document in messages. */
gboolean cvn_xml_validate_relaxng     (xmlDoc      *doc,
                                       const char  *name,
                                       const char  *schema_path,
                                       GError     **error);

G_END_DECLS
