/* test-xml-document.c — the lossless XML form: byte-identical round trips, the RELAX NG
 * schema, refusal of hostile and broken files, and the command line.
 *
 * Fixtures are in tests/data/xml; the schema is data/convenor-document.rng.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cvn-document.h"
#include "cvn-sample.h"
#include "cvn-schema.h"
#include "cvn-snapshot.h"
#include "cvn-store.h"
#include "cvn-xml-document.h"
#include "cvn-xml-safe.h"
#include "test-util.h"

#include <glib/gstdio.h>
#include <string.h>

static char *
schema_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "convenor-document.rng", NULL);
}

/* A document with a row in every table, awkward text (markup characters, line breaks, tabs,
 * a carriage return, leading spaces, characters beyond the BMP), NULLs, doubles that need 17
 * digits, a gap in the ids and a group that names a parent with a higher id. */
static CvnDocument *
create_every_entity (const char *path)
{
  g_autoptr (GError) error = NULL;
  CvnDocument *doc;
  gint64 full, plain, spaced, gap, board, alliance, cluster, committee, child, later;
  gint64 pat, lee, nle, tsh, reading, maths, strength, need;

  g_unlink (path);
  doc = cvn_document_create (path, &error);
  g_assert_no_error (error);
  g_assert_true (cvn_document_begin_edit (doc, "Build", &error));

  g_assert_true (cvn_document_set_setting (doc, "checks.min_members", "3", &error));
  g_assert_true (cvn_document_set_setting (doc, "title",
                                           "Line one\nLine two\t<&> \"quoted\" 'single'",
                                           &error));

  {
    CvnEstablishment school;

    cvn_establishment_init (&school);
    g_free (school.name);
    school.name = g_strdup ("St Mary's & St John's \"Primary\" <School>");
    school.urn = 100001;
    g_free (school.phase);
    school.phase = g_strdup ("primary");
    g_free (school.engagement);
    school.engagement = g_strdup ("multi\nline\r\nwith a carriage return\tand a tab");
    g_free (school.colour);
    school.colour = g_strdup ("#aabbcc");
    school.has_location = TRUE;
    school.easting = 0.1;
    school.northing = 123456.789;
    school.pupils = 250;
    full = cvn_store_insert_establishment (doc, &school, &error);
    g_assert_no_error (error);
    cvn_establishment_clear (&school);
  }
  plain = cvn_test_add_school (doc, "Ysgol Gymraeg — ŵ ŷ \xF0\x9F\x99\x82", 0, "");
  gap = cvn_test_add_school (doc, "Removed Academy", 100003, "");
  spaced = cvn_test_add_school (doc, "  Spaced Out Primary  ", 100004, "");
  g_assert_true (cvn_store_delete (doc, "establishments", gap, &error));
  {
    CvnEstablishment closed;

    cvn_establishment_init (&closed);
    g_free (closed.name);
    closed.name = g_strdup ("Closed Infants");
    closed.is_open = FALSE;
    g_assert_cmpint (cvn_store_insert_establishment (doc, &closed, &error), >, 0);
    g_assert_no_error (error);
    cvn_establishment_clear (&closed);
  }

  {
    CvnPerson person = { 0, (char *) "Pat Jones", (char *) "Headteacher",
                         (char *) "pat@example.org", (char *) "01234 567890", full,
                         (char *) "" };

    pat = cvn_store_insert_person (doc, &person, &error);
    g_assert_no_error (error);
    person.name = (char *) "Lee Brown";
    person.establishment_id = 0;
    lee = cvn_store_insert_person (doc, &person, &error);
    g_assert_no_error (error);
  }

  {
    CvnDesignationType type = { 0, (char *) "NLE", (char *) "National leader of education",
                                FALSE, TRUE };
    CvnDesignation designation = { 0, 0, 0, 0, (char *) "2020-09-01", (char *) "" };

    nle = cvn_store_insert_designation_type (doc, &type, &error);
    g_assert_no_error (error);
    type = (CvnDesignationType) { 0, (char *) "TSH", (char *) "Teaching school hub", TRUE,
                                  FALSE };
    tsh = cvn_store_insert_designation_type (doc, &type, &error);
    g_assert_no_error (error);
    designation.type_id = nle;
    designation.person_id = pat;
    g_assert_cmpint (cvn_store_insert_designation (doc, &designation, &error), >, 0);
    designation.type_id = tsh;
    designation.person_id = 0;
    designation.establishment_id = full;
    designation.from_date = (char *) "";
    g_assert_cmpint (cvn_store_insert_designation (doc, &designation, &error), >, 0);
    g_assert_no_error (error);
  }

  board = cvn_test_add_group (doc, "Borough Board", "board", 3, 0);
  alliance = cvn_test_add_group (doc, "North Alliance", "alliance", 2, board);
  cluster = cvn_test_add_group (doc, "North Cluster", "cluster", 1, alliance);
  {
    CvnGroup group;

    cvn_group_init (&group);
    g_free (group.name);
    group.name = g_strdup ("Primary Heads Committee");
    g_free (group.kind);
    group.kind = g_strdup ("committee");
    g_free (group.represents);
    group.represents = g_strdup ("cluster,learning community");
    group.max_per_organisation = 1;
    group.seats_per_alliance = 2;
    g_free (group.seats_per_phase);
    group.seats_per_phase = g_strdup ("primary=3,secondary=2");
    committee = cvn_store_insert_group (doc, &group, &error);
    g_assert_no_error (error);
    cvn_group_clear (&group);
  }
  /* The child comes first, so the file lists a parent id that only appears further down. */
  child = cvn_test_add_group (doc, "Maths Sub-group", "sub-group", 3, 0);
  later = cvn_test_add_group (doc, "Standards Board", "board", 3, 0);
  {
    g_autoptr (CvnSnapshot) snapshot = cvn_snapshot_load (doc, &error);
    CvnGroup group = *cvn_snapshot_find_group (snapshot, child);

    g_assert_no_error (error);
    group.parent_id = later;
    g_assert_true (cvn_store_update_group (doc, &group, &error));
  }

  cvn_test_add_membership (doc, cluster, CVN_OBJECT_ESTABLISHMENT, full, CVN_ROLE_CHAIR,
                           "2023-09-01", "2026-08-31");
  cvn_test_add_membership (doc, cluster, CVN_OBJECT_ESTABLISHMENT, plain, CVN_ROLE_MEMBER, "", "");
  cvn_test_add_membership (doc, cluster, CVN_OBJECT_ESTABLISHMENT, spaced, CVN_ROLE_LEAD_HEAD,
                           "", "");
  cvn_test_add_membership (doc, committee, CVN_OBJECT_PERSON, pat, CVN_ROLE_CO_CHAIR, "", "");
  cvn_test_add_membership (doc, board, CVN_OBJECT_PERSON, lee, CVN_ROLE_OBSERVER, "", "2019-07-31");
  cvn_test_add_membership (doc, committee, CVN_OBJECT_GROUP, cluster, CVN_ROLE_REPRESENTATIVE,
                           "", "");

  {
    CvnExpertiseArea area = { 0, (char *) "Reading", 0 };
    CvnDirectoryEntry entry = { 0 };
    CvnSupportEngagement engagement = { 0 };

    reading = cvn_store_insert_expertise_area (doc, &area, &error);
    area = (CvnExpertiseArea) { 0, (char *) "Maths", 1 };
    maths = cvn_store_insert_expertise_area (doc, &area, &error);
    g_assert_no_error (error);

    entry.holder_kind = CVN_OBJECT_ESTABLISHMENT;
    entry.holder_id = full;
    entry.area_id = reading;
    entry.kind = CVN_DIRECTORY_STRENGTH;
    entry.evidence = (char *) "Outcomes, \"good\" practice";
    entry.capacity_days = 2.5;
    entry.phase = (char *) "primary";
    entry.priority = (char *) "";
    entry.notes = (char *) "";
    entry.qa_status = CVN_QA_QUALITY_ASSURED;
    entry.reviewer = (char *) "Borough QA panel";
    entry.reviewed_on = (char *) "2025-01-10";
    strength = cvn_store_insert_directory_entry (doc, &entry, &error);
    g_assert_no_error (error);
    entry.holder_kind = CVN_OBJECT_PERSON;
    entry.holder_id = lee;
    entry.area_id = maths;
    entry.kind = CVN_DIRECTORY_NEED;
    entry.capacity_days = 0;
    entry.priority = (char *) "high";
    entry.qa_status = CVN_QA_SELF_DECLARED;
    entry.reviewer = (char *) "";
    entry.reviewed_on = (char *) "";
    need = cvn_store_insert_directory_entry (doc, &entry, &error);
    g_assert_no_error (error);

    engagement.provider_kind = CVN_OBJECT_PERSON;
    engagement.provider_id = pat;
    engagement.recipient_id = plain;
    engagement.area_id = maths;
    engagement.need_entry_id = need;
    engagement.broker = (char *) "Local authority";
    engagement.days = 0.1 + 0.2;
    engagement.start_date = (char *) "2025-01-06";
    engagement.end_date = (char *) "";
    engagement.success_criteria = (char *) "Pupils <secure> in times tables";
    engagement.status = CVN_ENGAGEMENT_ACTIVE;
    engagement.impact_notes = (char *) "";
    g_assert_cmpint (cvn_store_insert_support_engagement (doc, &engagement, &error), >, 0);
    g_assert_no_error (error);
    g_assert_cmpint (strength, >, 0);
  }

  g_assert_true (cvn_store_set_position (doc, "structure", CVN_OBJECT_ESTABLISHMENT, full,
                                         12.5, -3.25, TRUE, &error));
  g_assert_true (cvn_store_set_position (doc, "structure", CVN_OBJECT_GROUP, cluster, 1e300,
                                         4.9406564584124654e-324, FALSE, &error));
  g_assert_true (cvn_store_set_position (doc, "map", CVN_OBJECT_PERSON, pat, 1.0 / 3.0, 0,
                                         FALSE, &error));
  g_assert_true (cvn_document_commit_edit (doc, &error));
  g_assert_no_error (error);
  return doc;
}

/* Every row of every table, each value with its storage type, rows sorted: two documents
 * dump the same exactly when they hold the same data. */
static char *
dump_document (CvnDocument *doc)
{
  g_autoptr (GString) dump = g_string_new (NULL);

  for (guint t = 0; cvn_schema_tables[t] != NULL; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s", cvn_schema_tables[t]);
      g_autoptr (GError) error = NULL;
      g_autoptr (sqlite3_stmt) stmt = cvn_document_prepare (doc, sql, &error);
      g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);

      g_assert_no_error (error);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          GString *row = g_string_new (NULL);

          for (int i = 0; i < sqlite3_column_count (stmt); i++)
            switch (sqlite3_column_type (stmt, i))
              {
              case SQLITE_NULL:
                g_string_append (row, "NULL|");
                break;
              case SQLITE_INTEGER:
                g_string_append_printf (row, "i%" G_GINT64_FORMAT "|",
                                        (gint64) sqlite3_column_int64 (stmt, i));
                break;
              case SQLITE_FLOAT:
                g_string_append_printf (row, "r%.17g|", sqlite3_column_double (stmt, i));
                break;
              default:
                g_string_append_printf (row, "t%s|", sqlite3_column_text (stmt, i));
                break;
              }
          g_ptr_array_add (rows, g_string_free (row, FALSE));
        }
      g_ptr_array_sort (rows, cvn_test_compare_strings);
      g_string_append_printf (dump, "[%s] %u rows\n", cvn_schema_tables[t], rows->len);
      for (guint i = 0; i < rows->len; i++)
        g_string_append_printf (dump, "%s\n", (const char *) g_ptr_array_index (rows, i));
    }
  return g_string_free (g_steal_pointer (&dump), FALSE);
}

static void
assert_valid (GBytes *bytes)
{
  g_autofree char *rng = schema_path ();
  g_autoptr (GError) error = NULL;
  g_autoptr (xmlDoc) xml = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  xml = cvn_xml_safe_read_memory ("export.xml", data, size, &error);
  g_assert_no_error (error);
  g_assert_true (cvn_xml_validate_relaxng (xml, "export.xml", rng, &error));
  g_assert_no_error (error);
}

/* Export, validate, import into a new document, export again: the same bytes, and the same
 * rows, types and ids in every table. */
static void
assert_round_trip (CvnDocument *doc,
                   const char  *copy_name)
{
  g_autofree char *copy_path = cvn_test_temp_path (copy_name);
  g_autofree char *xml_path = cvn_test_temp_path ("round-trip.xml");
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) first = NULL;
  g_autoptr (GBytes) second = NULL;
  g_autoptr (CvnDocument) copy = NULL;
  g_autofree char *dump_original = NULL;
  g_autofree char *dump_copy = NULL;

  first = cvn_xml_document_export_bytes (doc, &error);
  g_assert_no_error (error);
  assert_valid (first);
  g_assert_true (cvn_xml_document_export (doc, xml_path, &error));
  g_assert_no_error (error);

  g_unlink (copy_path);
  copy = cvn_xml_document_import (copy_path, xml_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  second = cvn_xml_document_export_bytes (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (first, NULL), g_bytes_get_size (first),
                   g_bytes_get_data (second, NULL), g_bytes_get_size (second));

  dump_original = dump_document (doc);
  dump_copy = dump_document (copy);
  g_assert_cmpstr (dump_copy, ==, dump_original);

  /* The copy is a document like any other: it opens again after closing. */
  g_clear_object (&copy);
  copy = cvn_document_open (copy_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
}

static void
test_every_entity (void)
{
  g_autofree char *path = cvn_test_temp_path ("every.convenor");
  g_autoptr (CvnDocument) doc = create_every_entity (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = cvn_xml_document_export_bytes (doc, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  /* The shape the header promises, including the awkward values written exactly. */
  g_assert_true (g_str_has_prefix (text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<convenor-document version=\"1\">\n"));
  g_assert_nonnull (strstr (text, "<setting key=\"title\" value=\"Line one&#10;Line two&#9;"
                                  "&lt;&amp;&gt; &quot;quoted&quot; 'single'\"/>"));
  g_assert_nonnull (strstr (text, "engagement=\"multi&#10;line&#13;&#10;with a carriage "
                                  "return&#9;and a tab\""));
  g_assert_nonnull (strstr (text, "easting=\"0.1\" northing=\"123456.789\""));
  g_assert_nonnull (strstr (text, "days=\"0.30000000000000004\""));
  /* The shortest text that reads back exactly: 15 digits are enough for the denormal. */
  g_assert_nonnull (strstr (text, "x=\"1e+300\" y=\"4.94065645841247e-324\""));
  g_assert_nonnull (strstr (text, "name=\"  Spaced Out Primary  \""));
  /* NULLs are absent attributes: the second school has no URN, location or pupils. */
  g_assert_nonnull (strstr (text, "<establishment id=\"2\" name=\"Ysgol Gymraeg — ŵ ŷ "
                                  "\xF0\x9F\x99\x82\" phase=\"\""));
  /* The deleted school leaves a gap that the file keeps. */
  g_assert_null (strstr (text, "<establishment id=\"3\""));
  g_assert_nonnull (strstr (text, "<establishment id=\"4\" urn=\"100004\""));
  /* A child listed before the parent it names. */
  g_assert_nonnull (strstr (text, "name=\"Maths Sub-group\" kind=\"sub-group\" tier=\"3\" "
                                  "parent_id=\"6\""));

  assert_round_trip (doc, "every-copy.convenor");
}

static void
test_sample (void)
{
  g_autofree char *path = cvn_test_temp_path ("sample.convenor");
  g_autoptr (CvnDocument) doc = NULL;
  g_autoptr (GError) error = NULL;

  g_unlink (path);
  doc = cvn_sample_create (path, &error);
  g_assert_no_error (error);
  assert_round_trip (doc, "sample-copy.convenor");
}

static void
test_refuses_existing (void)
{
  g_autofree char *path = cvn_test_temp_path ("every-existing.convenor");
  g_autofree char *xml_path = cvn_test_temp_path ("existing.xml");
  g_autofree char *target = cvn_test_temp_path ("precious.convenor");
  g_autoptr (CvnDocument) doc = create_every_entity (path);
  g_autoptr (CvnDocument) copy = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (cvn_xml_document_export (doc, xml_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (target, "precious", -1, &error));

  copy = cvn_xml_document_import (target, xml_path, &error);
  g_assert_null (copy);
  g_assert_error (error, CVN_DOCUMENT_ERROR, CVN_DOCUMENT_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "precious.convenor"));
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "precious");
}

/* Imports @name and expects @domain/@code with every word of @expected in the message, and
 * no document left behind. */
static void
assert_import_fails (const char *name,
                     GQuark      domain,
                     int         code,
                     const char *expected)
{
  g_autofree char *path = cvn_test_data_path ("xml", name);
  g_autofree char *out = cvn_test_temp_path ("refused.convenor");
  g_auto (GStrv) words = g_strsplit (expected, "|", -1);
  g_autoptr (GError) error = NULL;
  g_autoptr (CvnDocument) doc = NULL;

  g_unlink (out);
  doc = cvn_xml_document_import (out, path, &error);
  g_assert_null (doc);
  g_assert_error (error, domain, code);
  g_test_message ("%s: %s", name, error->message);
  g_assert_nonnull (strstr (error->message, name));
  for (guint i = 0; words[i] != NULL; i++)
    g_assert_nonnull (strstr (error->message, words[i]));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_hostile (void)
{
  assert_import_fails ("billion-laughs.xml", CVN_XML_ERROR, CVN_XML_ERROR_REFUSED,
                       "line 3|declares the entity “a”");
  assert_import_fails ("external-entity.xml", CVN_XML_ERROR, CVN_XML_ERROR_REFUSED,
                       "line 3|external entity “passwd”|file:///etc/passwd");
  assert_import_fails ("parameter-entity.xml", CVN_XML_ERROR, CVN_XML_ERROR_REFUSED,
                       "line 4|external entity “remote”");
}

static void
test_invalid (void)
{
  assert_import_fails ("dangling-reference.xml", CVN_XML_ERROR, CVN_XML_ERROR_INVALID,
                       "line 5|group refers to a row of groups");
  assert_import_fails ("unknown-column.xml", CVN_XML_ERROR, CVN_XML_ERROR_INVALID,
                       "line 5|no column “colour”");
  assert_import_fails ("newer-version.xml", CVN_XML_ERROR, CVN_XML_ERROR_INVALID,
                       "line 2|newer version");
}

static void
test_malformed_and_constraints (void)
{
  static const struct
  {
    const char *xml;
    int         code;
    const char *expected;
  } cases[] = {
    { "<convenor-document version=\"1\">\n  <settings>\n</convenor-document>\n",
      CVN_XML_ERROR_MALFORMED, "in.xml line 3, column" },
    { "<graphml/>", CVN_XML_ERROR_INVALID, "in.xml line 1: this is not a Convenor document" },
    { "<convenor-document version=\"1\"><settings/><settings/></convenor-document>",
      CVN_XML_ERROR_INVALID, "the table settings appears a second time" },
    { "<convenor-document version=\"1\">\n<people>\n<person id=\"1\" name=\"\" job_title=\"\" "
      "email=\"\" phone=\"\" colour=\"\"/>\n</people></convenor-document>",
      CVN_XML_ERROR_INVALID, "in.xml line 3: this person cannot be stored: CHECK constraint" },
    { "<convenor-document version=\"1\">\n<expertise_areas>\n"
      "<expertise_area id=\"1\" name=\"Maths\" position=\"0\"/>\n"
      "<expertise_area id=\"1\" name=\"Reading\" position=\"1\"/>\n"
      "</expertise_areas></convenor-document>",
      CVN_XML_ERROR_INVALID, "in.xml line 4: this expertise_area cannot be stored: UNIQUE" },
    { "<convenor-document version=\"1\"><layouts><row/></layouts></convenor-document>",
      CVN_XML_ERROR_INVALID, "layouts holds <row>, where only <layout> can stand" },
    { "", CVN_XML_ERROR_MALFORMED, "in.xml is empty" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CvnDocument) doc = NULL;

      doc = cvn_xml_document_import_data (":memory:", "in.xml", cases[i].xml,
                                          strlen (cases[i].xml), &error);
      g_assert_null (doc);
      g_assert_error (error, CVN_XML_ERROR, cases[i].code);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].expected));
    }
}

static void
test_too_large (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (xmlDoc) xml = NULL;

  /* The size is refused before a byte is read, so a short buffer stands for a huge one. */
  xml = cvn_xml_safe_read_memory ("huge.xml", "<a/>", CVN_XML_MAX_INPUT_SIZE + 1, &error);
  g_assert_null (xml);
  g_assert_error (error, CVN_XML_ERROR, CVN_XML_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.xml"));
}

static void
test_unrepresentable (void)
{
  g_autofree char *path = cvn_test_temp_path ("control.convenor");
  g_autoptr (CvnDocument) doc = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  gint64 id;

  g_unlink (path);
  doc = cvn_document_create (path, &error);
  g_assert_no_error (error);
  g_assert_true (cvn_document_begin_edit (doc, "Build", &error));
  cvn_test_add_school (doc, "Good Primary", 0, "");
  id = cvn_test_add_school (doc, "Bell\x07 Primary", 0, "");
  g_assert_true (cvn_document_commit_edit (doc, &error));

  bytes = cvn_xml_document_export_bytes (doc, &error);
  g_assert_null (bytes);
  g_assert_error (error, CVN_XML_ERROR, CVN_XML_ERROR_UNREPRESENTABLE);
  g_assert_nonnull (strstr (error->message, "name"));
  g_assert_nonnull (strstr (error->message, "establishments"));
  {
    g_autofree char *id_text = g_strdup_printf ("id %" G_GINT64_FORMAT, id);

    g_assert_nonnull (strstr (error->message, id_text));
  }
}

static void
test_cli (void)
{
  g_autofree char *path = cvn_test_temp_path ("cli.convenor");
  g_autofree char *xml = cvn_test_temp_path ("cli.xml");
  g_autofree char *copy = cvn_test_temp_path ("cli-copy.convenor");
  g_autofree char *xml_again = cvn_test_temp_path ("cli-again.xml");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *err = NULL;
  g_autoptr (CvnDocument) doc = NULL;
  gsize first_length, second_length;

  if (!cvn_test_have_cli ())
    return;
  doc = create_every_entity (path);
  g_clear_object (&doc);
  g_unlink (copy);

  {
    const char *args[] = { "export-xml", path, "--to", xml, NULL };

    g_assert_cmpint (cvn_test_run_cli_argv (args, NULL, NULL), ==, 0);
  }
  {
    const char *args[] = { "import-xml", copy, xml, NULL };

    g_assert_cmpint (cvn_test_run_cli_argv (args, NULL, NULL), ==, 0);
  }
  {
    const char *args[] = { "export-xml", copy, "--to", xml_again, NULL };

    g_assert_cmpint (cvn_test_run_cli_argv (args, NULL, NULL), ==, 0);
  }
  g_assert_true (g_file_get_contents (xml, &first, &first_length, NULL));
  g_assert_true (g_file_get_contents (xml_again, &second, &second_length, NULL));
  g_assert_cmpmem (first, first_length, second, second_length);

  /* A second import to the same place is refused with one line naming the file. */
  {
    const char *args[] = { "import-xml", copy, xml, NULL };

    g_assert_cmpint (cvn_test_run_cli_argv (args, NULL, &err), !=, 0);
    g_assert_nonnull (strstr (err, "cli-copy.convenor"));
    g_assert_nonnull (strstr (err, "already exists"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cvn/xml-document/every-entity", test_every_entity);
  g_test_add_func ("/cvn/xml-document/sample", test_sample);
  g_test_add_func ("/cvn/xml-document/refuses-existing", test_refuses_existing);
  g_test_add_func ("/cvn/xml-document/hostile", test_hostile);
  g_test_add_func ("/cvn/xml-document/invalid", test_invalid);
  g_test_add_func ("/cvn/xml-document/malformed-and-constraints",
                   test_malformed_and_constraints);
  g_test_add_func ("/cvn/xml-document/too-large", test_too_large);
  g_test_add_func ("/cvn/xml-document/unrepresentable", test_unrepresentable);
  g_test_add_func ("/cvn/xml-document/cli", test_cli);

  return g_test_run ();
}
