/* cvn-xml-safe.c — the one way Convenor parses XML.
 *
 * libxml2 is driven through a parser context of our own rather than xmlReadFile so that two
 * of its SAX callbacks can be replaced: the structured error handler, which keeps the first
 * error with its line and column instead of printing to stderr, and the entity declaration
 * handler, which stops the parser the moment a DTD declares an entity. Stopping at the
 * declaration, before any reference to it is met, means no entity is ever expanded, however
 * the declarations nest, and no SYSTEM identifier is ever resolved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-xml"

#include "config.h"

#include "cvn-xml-safe.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <stdarg.h>
#include <string.h>

G_DEFINE_QUARK (cvn-xml-error-quark, cvn_xml_error)

/* What one parse learnt about its input, reached from the callbacks through the parser
 * context's _private pointer. */
typedef struct
{
  const char *name;
  GError     *error;     /* the first problem: an error, or a refused declaration */
  char       *other;     /* the first error libxml2 raised outside the parser (encodings) */
} ParseState;

static void
ensure_initialised (void)
{
  static gsize initialised = 0;

  /* xmlInitParser is not safe to race with itself; later calls are no-ops. */
  if (g_once_init_enter (&initialised))
    {
      xmlInitParser ();
      g_once_init_leave (&initialised, 1);
    }
}

static char *
strip_message (const char *message)
{
  char *text = g_strdup (message != NULL ? message : _("unknown error"));

  return g_strstrip (text);
}

static void
structured_error_cb (void       *user_data,
                     xmlErrorPtr xml_error)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseState *state = ctxt != NULL ? ctxt->_private : NULL;
  g_autofree char *message = NULL;

  /* Warnings (a relative namespace URI, say) do not make a file unreadable. */
  if (state == NULL || xml_error == NULL || xml_error->level < XML_ERR_ERROR ||
      state->error != NULL)
    return;

  message = strip_message (xml_error->message);
  if (xml_error->line > 0)
    g_set_error (&state->error, CVN_XML_ERROR, CVN_XML_ERROR_MALFORMED,
                 _("%s line %d, column %d: %s"), state->name, xml_error->line,
                 MAX (xml_error->int2, 1), message);
  else
    g_set_error (&state->error, CVN_XML_ERROR, CVN_XML_ERROR_MALFORMED, "%s: %s",
                 state->name, message);
}

/* Errors raised without a parser context (a failed encoding conversion) would go to stderr;
 * this catches them for the duration of one parse, to report if nothing better comes. */
static void
other_error_cb (void       *user_data,
                xmlErrorPtr xml_error)
{
  ParseState *state = user_data;

  if (state->other == NULL && xml_error != NULL && xml_error->level >= XML_ERR_ERROR)
    state->other = strip_message (xml_error->message);
}

static void
refuse_entity (xmlParserCtxtPtr  ctxt,
               const xmlChar    *entity_name,
               const xmlChar    *system_id)
{
  ParseState *state = ctxt->_private;
  int line = ctxt->input != NULL ? ctxt->input->line : 0;

  if (state->error == NULL)
    {
      if (system_id != NULL)
        g_set_error (&state->error, CVN_XML_ERROR, CVN_XML_ERROR_REFUSED,
                     _("%s line %d: the document declares the external entity “%s” (%s); "
                       "Convenor does not read documents that declare entities, because they "
                       "can read other files"),
                     state->name, line, (const char *) entity_name, (const char *) system_id);
      else
        g_set_error (&state->error, CVN_XML_ERROR, CVN_XML_ERROR_REFUSED,
                     _("%s line %d: the document declares the entity “%s”; Convenor does not "
                       "read documents that declare entities, because they can expand without "
                       "limit"),
                     state->name, line, (const char *) entity_name);
    }
  xmlStopParser (ctxt);
}

static void
entity_decl_cb (void          *user_data,
                const xmlChar *entity_name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  refuse_entity (user_data, entity_name, system_id);
}

static void
unparsed_entity_decl_cb (void          *user_data,
                         const xmlChar *entity_name,
                         const xmlChar *public_id,
                         const xmlChar *system_id,
                         const xmlChar *notation_name)
{
  refuse_entity (user_data, entity_name, system_id);
}

xmlDoc *
cvn_xml_safe_read_memory (const char  *name,
                          const char  *data,
                          gsize        length,
                          GError     **error)
{
  ParseState state = { name, NULL, NULL };
  xmlStructuredErrorFunc saved_handler;
  void *saved_context;
  xmlParserCtxtPtr ctxt;
  xmlDoc *doc;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  ensure_initialised ();

  if (length > CVN_XML_MAX_INPUT_SIZE)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *limit = g_format_size (CVN_XML_MAX_INPUT_SIZE);

      g_set_error (error, CVN_XML_ERROR, CVN_XML_ERROR_TOO_LARGE,
                   _("%s is %s; Convenor reads XML files of up to %s"), name, size, limit);
      return NULL;
    }
  if (length == 0)
    {
      g_set_error (error, CVN_XML_ERROR, CVN_XML_ERROR_MALFORMED, _("%s is empty"), name);
      return NULL;
    }

  ctxt = xmlCreateMemoryParserCtxt (data, (int) length);
  if (ctxt == NULL)
    {
      g_set_error (error, CVN_XML_ERROR, CVN_XML_ERROR_MALFORMED,
                   _("%s: could not start the XML parser"), name);
      return NULL;
    }
  /* No XML_PARSE_NOENT, XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR, XML_PARSE_XINCLUDE or
   * XML_PARSE_HUGE: see the file comment in the header. */
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES);
  ctxt->_private = &state;
  ctxt->sax->serror = structured_error_cb;
  ctxt->sax->entityDecl = entity_decl_cb;
  ctxt->sax->unparsedEntityDecl = unparsed_entity_decl_cb;
  /* libxml2 hands errors to serror in place of the generic error callback, but only while
   * that callback is set, so it stays; warnings are not wanted at all. */
  ctxt->sax->warning = NULL;

  /* The handler is libxml2's per-thread global; it is put back as it was straight after. */
  saved_handler = xmlStructuredError;
  saved_context = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc (&state, other_error_cb);
  xmlParseDocument (ctxt);
  xmlSetStructuredErrorFunc (saved_context, saved_handler);

  doc = g_steal_pointer (&ctxt->myDoc);
  if (state.error == NULL && state.other != NULL)
    g_set_error (&state.error, CVN_XML_ERROR, CVN_XML_ERROR_MALFORMED, "%s: %s", name,
                 state.other);
  if (state.error == NULL && !ctxt->wellFormed)
    g_set_error (&state.error, CVN_XML_ERROR, CVN_XML_ERROR_MALFORMED,
                 _("%s is not well-formed XML"), name);
  g_clear_pointer (&state.other, g_free);
  xmlFreeParserCtxt (ctxt);

  if (state.error == NULL && doc != NULL && doc->intSubset != NULL &&
      (doc->intSubset->entities != NULL || doc->intSubset->pentities != NULL))
    g_set_error (&state.error, CVN_XML_ERROR, CVN_XML_ERROR_REFUSED,
                 _("%s declares entities; Convenor does not read documents that declare "
                   "entities"), name);
  if (state.error == NULL && (doc == NULL || xmlDocGetRootElement (doc) == NULL))
    g_set_error (&state.error, CVN_XML_ERROR, CVN_XML_ERROR_MALFORMED,
                 _("%s holds no XML element"), name);

  if (state.error != NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_propagate_error (error, state.error);
      return NULL;
    }
  return doc;
}

xmlDoc *
cvn_xml_safe_read_file (const char  *path,
                        GError     **error)
{
  g_autofree char *data = NULL;
  GStatBuf info;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  /* Look at the size before reading, so that a huge file is refused without being loaded. */
  if (g_stat (path, &info) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not read “%s”: %s"), path, g_strerror (saved_errno));
      return NULL;
    }
  if ((guint64) info.st_size > CVN_XML_MAX_INPUT_SIZE)
    {
      g_autofree char *size = g_format_size ((guint64) info.st_size);
      g_autofree char *limit = g_format_size (CVN_XML_MAX_INPUT_SIZE);

      g_set_error (error, CVN_XML_ERROR, CVN_XML_ERROR_TOO_LARGE,
                   _("%s is %s; Convenor reads XML files of up to %s"), path, size, limit);
      return NULL;
    }
  /* GLib's message names the file already. */
  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  return cvn_xml_safe_read_memory (path, data, length, error);
}

void
cvn_xml_set_node_error (GError    **error,
                        const char *name,
                        xmlNode    *node,
                        const char *format,
                        ...)
{
  g_autofree char *message = NULL;
  va_list args;
  long line;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  line = node != NULL ? xmlGetLineNo (node) : -1;
  if (line > 0)
    g_set_error (error, CVN_XML_ERROR, CVN_XML_ERROR_INVALID, _("%s line %ld: %s"), name, line,
                 message);
  else
    g_set_error (error, CVN_XML_ERROR, CVN_XML_ERROR_INVALID, "%s: %s", name, message);
}

char *
cvn_xml_dup_prop (xmlNode    *node,
                  const char *attr)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) attr);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

char *
cvn_xml_dup_content (xmlNode *node)
{
  xmlChar *value = xmlNodeGetContent (node);
  char *copy;

  if (value == NULL)
    return g_strdup ("");
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

gboolean
cvn_xml_is_element (xmlNode    *node,
                    const char *ns_href,
                    const char *name)
{
  if (node == NULL || node->type != XML_ELEMENT_NODE)
    return FALSE;
  if (!xmlStrEqual (node->name, (const xmlChar *) name))
    return FALSE;
  if (ns_href == NULL)
    return TRUE;
  return node->ns != NULL && xmlStrEqual (node->ns->href, (const xmlChar *) ns_href);
}

static gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

gboolean
cvn_xml_text_is_representable (const char *text)
{
  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!is_xml_char (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

char *
cvn_xml_make_representable (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  if (cvn_xml_text_is_representable (text))
    return g_strdup (text);

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, is_xml_char (c) ? c : 0xFFFD);
    }
  return g_string_free (out, FALSE);
}

char *
cvn_xml_format_double (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (int digits = 15; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  return g_strdup (buffer);
}

typedef struct
{
  const char *name;
  GError     *error;
} ValidationState;

static void
validation_error_cb (void       *user_data,
                     xmlErrorPtr xml_error)
{
  ValidationState *state = user_data;
  g_autofree char *message = NULL;

  if (state->error != NULL || xml_error == NULL || xml_error->level < XML_ERR_ERROR)
    return;
  message = strip_message (xml_error->message);
  if (xml_error->line > 0)
    g_set_error (&state->error, CVN_XML_ERROR, CVN_XML_ERROR_INVALID, _("%s line %d: %s"),
                 state->name, xml_error->line, message);
  else
    g_set_error (&state->error, CVN_XML_ERROR, CVN_XML_ERROR_INVALID, "%s: %s", state->name,
                 message);
}

gboolean
cvn_xml_validate_relaxng (xmlDoc      *doc,
                          const char  *name,
                          const char  *schema_path,
                          GError     **error)
{
  ValidationState schema_state = { schema_path, NULL };
  ValidationState doc_state = { name, NULL };
  xmlRelaxNGParserCtxtPtr parser;
  xmlRelaxNGPtr schema;
  xmlRelaxNGValidCtxtPtr validator;
  int rc;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (schema_path != NULL, FALSE);

  ensure_initialised ();

  parser = xmlRelaxNGNewParserCtxt (schema_path);
  xmlRelaxNGSetParserStructuredErrors (parser, validation_error_cb, &schema_state);
  schema = xmlRelaxNGParse (parser);
  xmlRelaxNGFreeParserCtxt (parser);
  if (schema == NULL)
    {
      if (schema_state.error != NULL)
        g_propagate_error (error, schema_state.error);
      else
        g_set_error (error, CVN_XML_ERROR, CVN_XML_ERROR_INVALID,
                     _("Could not read the schema “%s”"), schema_path);
      return FALSE;
    }
  g_clear_error (&schema_state.error);

  validator = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (validator, validation_error_cb, &doc_state);
  rc = xmlRelaxNGValidateDoc (validator, doc);
  xmlRelaxNGFreeValidCtxt (validator);
  xmlRelaxNGFree (schema);

  if (rc != 0)
    {
      if (doc_state.error != NULL)
        g_propagate_error (error, doc_state.error);
      else
        g_set_error (error, CVN_XML_ERROR, CVN_XML_ERROR_INVALID,
                     _("%s does not follow the schema “%s”"), name, schema_path);
      return FALSE;
    }
  g_clear_error (&doc_state.error);
  return TRUE;
}
