/* test-graphml.c — GraphML: round trips in both forms, the nesting rule, validation with the
 * GraphML schema and networkx, the writers' files (yEd, Gephi, Cytoscape, igraph, networkx),
 * hostile input, and a failed import that leaves the document byte for byte as it was.
 *
 * Fixtures are in tests/data/xml; real files from other programs are read from
 * $CONVENOR_SHARED_DATA/graphml when it is there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cvn-document.h"
#include "cvn-graphml.h"
#include "cvn-sample.h"
#include "cvn-snapshot.h"
#include "cvn-store.h"
#include "cvn-xml-safe.h"
#include "test-util.h"

#include <glib/gstdio.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <string.h>

/* The partnership of the round-trip tests:
 *
 *   Borough Board (tier 3) ── North Alliance (tier 2) ─┬─ Aire Cluster (tier 1): A, B (chair)
 *                                                     └─ Calder Cluster (tier 1): B, C, F (ended)
 *   Maths Hub (no tier): A (lead head), E, F            Heads Committee: Pat (chair),
 *   D is in no group.                                     Aire Cluster (representative)
 *   Lee is an observer on the board. Pat works at A.
 *
 * B is in two tier-1 clusters and nests in Aire, the first in snapshot order; E nests in the
 * hub, its only group; F's tier-1 membership has ended but still beats its current hub one. */
typedef struct
{
  gint64 board, alliance, aire, calder, hub, committee;
  gint64 a, b, c, d, e, f;
  gint64 pat, lee;
} Partnership;

static gint64
add_group (CvnDocument *doc,
           const char  *name,
           const char  *kind,
           int          tier,
           gint64       parent)
{
  g_autofree char *purpose = g_strdup_printf ("The %s's purpose, with <markup> & \"quotes\"",
                                              name);

  return cvn_test_add_group_with_purpose (doc, name, kind, tier, parent, purpose);
}

static gint64
add_school (CvnDocument *doc,
            const char  *name,
            gint64       urn,
            const char  *phase)
{
  g_autoptr (GError) error = NULL;
  CvnEstablishment school;
  gint64 id;

  cvn_establishment_init (&school);
  g_free (school.name);
  school.name = g_strdup (name);
  school.urn = urn;
  g_free (school.phase);
  school.phase = g_strdup (phase);
  if (urn != 0)
    {
      school.has_location = TRUE;
      school.easting = 430000.5 + (double) urn;
      school.northing = 407000.25;
      school.pupils = 200 + (int) urn % 100;
    }
  g_free (school.risk_category);
  school.risk_category = g_strdup (urn == 1003 ? "Category 2: targeted support" : "");
  school.is_open = urn != 1004;
  id = cvn_store_insert_establishment (doc, &school, &error);
  g_assert_no_error (error);
  cvn_establishment_clear (&school);
  return id;
}

static CvnDocument *
create_partnership (const char  *name,
                    Partnership *p)
{
  CvnDocument *doc = cvn_test_new_document (name);
  g_autoptr (GError) error = NULL;

  g_assert_true (cvn_document_begin_edit (doc, "Build", &error));
  p->board = add_group (doc, "Borough Board", "board", 3, 0);
  p->alliance = add_group (doc, "North Alliance", "alliance", 2, p->board);
  p->calder = add_group (doc, "Calder Cluster", "cluster", 1, p->alliance);
  p->aire = add_group (doc, "Aire Cluster", "cluster", 1, p->alliance);
  p->hub = add_group (doc, "Maths Hub", "hub", 0, 0);
  p->committee = add_group (doc, "Heads Committee", "committee", 0, 0);

  p->a = add_school (doc, "Aire Primary", 1001, "primary");
  p->b = add_school (doc, "Bridge Academy", 1002, "secondary");
  p->c = add_school (doc, "Calder \"Village\" School", 0, "primary");
  p->d = add_school (doc, "Dale Nursery", 1004, "nursery");
  p->e = add_school (doc, "Eastwood Primary", 1005, "primary");
  p->f = add_school (doc, "Fernhill Primary", 1006, "primary");

  {
    CvnPerson person = { 0, (char *) "Pat Jones", (char *) "Headteacher",
                         (char *) "pat@example.org", (char *) "", p->a, (char *) "" };

    p->pat = cvn_store_insert_person (doc, &person, &error);
    person = (CvnPerson) { 0, (char *) "Lee Brown", (char *) "Councillor", (char *) "",
                           (char *) "01234 567890", 0, (char *) "#336699" };
    p->lee = cvn_store_insert_person (doc, &person, &error);
    g_assert_no_error (error);
  }

  cvn_test_add_membership (doc, p->aire, CVN_OBJECT_ESTABLISHMENT, p->a, CVN_ROLE_MEMBER, "", "");
  cvn_test_add_membership (doc, p->aire, CVN_OBJECT_ESTABLISHMENT, p->b, CVN_ROLE_CHAIR,
                           "2024-09-01", "");
  cvn_test_add_membership (doc, p->calder, CVN_OBJECT_ESTABLISHMENT, p->b, CVN_ROLE_MEMBER, "", "");
  cvn_test_add_membership (doc, p->calder, CVN_OBJECT_ESTABLISHMENT, p->c, CVN_ROLE_MEMBER, "", "");
  cvn_test_add_membership (doc, p->calder, CVN_OBJECT_ESTABLISHMENT, p->f, CVN_ROLE_MEMBER,
                           "2015-09-01", "2020-08-31");
  cvn_test_add_membership (doc, p->hub, CVN_OBJECT_ESTABLISHMENT, p->a, CVN_ROLE_LEAD_HEAD, "", "");
  cvn_test_add_membership (doc, p->hub, CVN_OBJECT_ESTABLISHMENT, p->e, CVN_ROLE_MEMBER, "", "");
  cvn_test_add_membership (doc, p->hub, CVN_OBJECT_ESTABLISHMENT, p->f, CVN_ROLE_MEMBER, "", "");
  cvn_test_add_membership (doc, p->committee, CVN_OBJECT_PERSON, p->pat, CVN_ROLE_CHAIR, "", "");
  cvn_test_add_membership (doc, p->board, CVN_OBJECT_PERSON, p->lee, CVN_ROLE_OBSERVER, "", "");
  cvn_test_add_membership (doc, p->committee, CVN_OBJECT_GROUP, p->aire, CVN_ROLE_REPRESENTATIVE,
                           "", "");

  g_assert_true (cvn_store_set_position (doc, "structure", CVN_OBJECT_ESTABLISHMENT, p->a,
                                         120.5, 40.25, TRUE, &error));
  g_assert_true (cvn_store_set_position (doc, "structure", CVN_OBJECT_GROUP, p->aire, 0.1,
                                         -300, FALSE, &error));
  g_assert_true (cvn_document_commit_edit (doc, &error));
  g_assert_no_error (error);
  return doc;
}

/* Everything GraphML carries, by name rather than id, one sorted line per fact. */
static char *
describe (CvnDocument *doc,
          gboolean     with_people)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CvnSnapshot) s = cvn_snapshot_load (doc, &error);
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < s->establishments->len; i++)
    {
      const CvnEstablishment *e = &g_array_index (s->establishments, CvnEstablishment, i);

      g_ptr_array_add (lines, g_strdup_printf ("school|%s|%" G_GINT64_FORMAT "|%s|%s|%s|%s|"
                                               "%s|%s|%s|%s|%d|%.17g|%.17g|%s|%d|%d|%s|%s|"
                                               "%s|%s",
                                               e->name, e->urn, e->phase, e->type,
                                               e->local_authority, e->religious_character,
                                               e->diocese, e->trust, e->federation,
                                               e->postcode, e->has_location, e->easting,
                                               e->northing, e->inspection_grade, e->pupils,
                                               e->is_open, e->risk_category, e->engagement,
                                               e->opted_out_reason, e->colour));
    }
  for (guint i = 0; with_people && i < s->people->len; i++)
    {
      const CvnPerson *p = &g_array_index (s->people, CvnPerson, i);
      const char *school = cvn_snapshot_get_name (s, CVN_OBJECT_ESTABLISHMENT,
                                                  p->establishment_id);

      g_ptr_array_add (lines, g_strdup_printf ("person|%s|%s|%s|%s|%s|%s", p->name,
                                               p->job_title, p->email, p->phone,
                                               school != NULL ? school : "", p->colour));
    }
  for (guint i = 0; i < s->groups->len; i++)
    {
      const CvnGroup *g = &g_array_index (s->groups, CvnGroup, i);
      const char *parent = cvn_snapshot_get_name (s, CVN_OBJECT_GROUP, g->parent_id);

      g_ptr_array_add (lines, g_strdup_printf ("group|%s|%s|%d|%s|%s|%s|%s|%s|%s|%d|%d|%s",
                                               g->name, g->kind, g->tier,
                                               parent != NULL ? parent : "", g->phase,
                                               g->purpose, g->status, g->colour, g->represents,
                                               g->max_per_organisation, g->seats_per_alliance,
                                               g->seats_per_phase));
    }
  for (guint i = 0; i < s->memberships->len; i++)
    {
      const CvnMembership *m = &g_array_index (s->memberships, CvnMembership, i);

      if (!with_people && m->member_kind == CVN_OBJECT_PERSON)
        continue;
      g_ptr_array_add (lines, g_strdup_printf ("member|%s|%s|%s|%s|%s|%s",
                                               cvn_snapshot_get_name (s, CVN_OBJECT_GROUP,
                                                                      m->group_id),
                                               cvn_object_kind_to_string (m->member_kind),
                                               cvn_snapshot_get_name (s, m->member_kind,
                                                                      m->member_id),
                                               cvn_role_to_string (m->role), m->from_date,
                                               m->until_date));
    }
  stmt = cvn_document_prepare (doc, "SELECT view, object_kind, object_id, x, y FROM layouts",
                               &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CvnObjectKind kind = cvn_object_kind_from_string ((const char *) sqlite3_column_text (stmt,
                                                                                           1));

      if (!with_people && kind == CVN_OBJECT_PERSON)
        continue;
      g_ptr_array_add (lines, g_strdup_printf ("position|%s|%s|%s|%.17g|%.17g",
                                               sqlite3_column_text (stmt, 0),
                                               cvn_object_kind_to_string (kind),
                                               cvn_snapshot_get_name (s, kind,
                                                                      sqlite3_column_int64 (stmt,
                                                                                            2)),
                                               sqlite3_column_double (stmt, 3),
                                               sqlite3_column_double (stmt, 4)));
    }

  g_ptr_array_sort (lines, cvn_test_compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (text, "%s\n", (const char *) g_ptr_array_index (lines, i));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
export_string (CvnDocument *doc,
               gboolean     flat,
               gboolean     hide_people)
{
  CvnGraphmlExportOptions options = { flat, hide_people, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = cvn_graphml_export_bytes (doc, &options, &error);

  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static CvnGraphmlSummary *
import_string (CvnDocument *doc,
               const char  *name,
               const char  *text)
{
  g_autoptr (GError) error = NULL;
  CvnGraphmlSummary *summary;

  summary = cvn_graphml_import_data (doc, name, text, strlen (text), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (summary);
  return summary;
}

static void
assert_round_trip (CvnDocument *doc,
                   gboolean     flat,
                   gboolean     hide_people,
                   const char  *copy_name)
{
  g_autofree char *exported = export_string (doc, flat, hide_people);
  g_autoptr (CvnDocument) copy = cvn_test_new_document (copy_name);
  g_autoptr (CvnGraphmlSummary) summary = import_string (copy, "export.graphml", exported);
  g_autofree char *expected = describe (doc, !hide_people);
  g_autofree char *actual = describe (copy, !hide_people);

  g_assert_cmpstr (actual, ==, expected);
  g_assert_cmpuint (summary->schools_matched, ==, 0);
  g_assert_cmpuint (summary->memberships_existing, ==, 0);
  g_assert_cmpuint (summary->edges_ignored, ==, 0);
  g_assert_cmpuint (summary->notes_kept + summary->notes_dropped, ==, 0);
  g_assert_cmpuint (summary->unknown_attributes->len, ==, 0);

  /* Importing the same file again finds everything already there. */
  {
    g_autoptr (CvnGraphmlSummary) again = import_string (copy, "export.graphml", exported);
    g_autofree char *after = describe (copy, !hide_people);

    g_assert_cmpuint (again->schools_created + again->groups_created + again->people_created,
                      ==, 0);
    g_assert_cmpuint (again->memberships_added, ==, 0);
    g_assert_cmpuint (again->memberships_existing, ==, summary->memberships_added);
    g_assert_cmpstr (after, ==, expected);
  }
}

static xmlXPathObject *
query (xmlDoc     *xml,
       const char *expression)
{
  xmlXPathContext *context = xmlXPathNewContext (xml);
  xmlXPathObject *result;

  xmlXPathRegisterNs (context, (const xmlChar *) "g", (const xmlChar *) CVN_GRAPHML_NAMESPACE);
  xmlXPathRegisterNs (context, (const xmlChar *) "y", (const xmlChar *) CVN_YFILES_NAMESPACE);
  result = xmlXPathEvalExpression ((const xmlChar *) expression, context);
  xmlXPathFreeContext (context);
  g_assert_nonnull (result);
  return result;
}

static int
count_matches (xmlDoc     *xml,
               const char *format,
               ...) G_GNUC_PRINTF (2, 3);

static int
count_matches (xmlDoc     *xml,
               const char *format,
               ...)
{
  g_autofree char *expression = NULL;
  xmlXPathObject *result;
  va_list args;
  int n;

  va_start (args, format);
  expression = g_strdup_vprintf (format, args);
  va_end (args);
  result = query (xml, expression);
  n = result->nodesetval != NULL ? result->nodesetval->nodeNr : 0;
  xmlXPathFreeObject (result);
  return n;
}

static void
test_round_trip_nested (void)
{
  Partnership p;
  g_autoptr (CvnDocument) doc = create_partnership ("nested.convenor", &p);

  assert_round_trip (doc, FALSE, FALSE, "nested-copy.convenor");
  assert_round_trip (doc, FALSE, TRUE, "nested-no-people.convenor");
}

static void
test_round_trip_flat (void)
{
  Partnership p;
  g_autoptr (CvnDocument) doc = create_partnership ("flat.convenor", &p);

  assert_round_trip (doc, TRUE, FALSE, "flat-copy.convenor");
  assert_round_trip (doc, TRUE, TRUE, "flat-no-people.convenor");
}

static void
test_round_trip_sample (void)
{
  g_autofree char *path = cvn_test_temp_path ("sample.convenor");
  g_autoptr (CvnDocument) doc = NULL;
  g_autoptr (GError) error = NULL;

  g_unlink (path);
  doc = cvn_sample_create (path, &error);
  g_assert_no_error (error);
  assert_round_trip (doc, FALSE, FALSE, "sample-nested.convenor");
  assert_round_trip (doc, TRUE, FALSE, "sample-flat.convenor");
}

/* The nested form follows the header's rule, carries yEd's graphics, and the flat form has
 * neither nesting nor yEd. */
static void
test_nesting_rule (void)
{
  Partnership p;
  g_autoptr (CvnDocument) doc = create_partnership ("rule.convenor", &p);
  g_autofree char *nested = export_string (doc, FALSE, FALSE);
  g_autofree char *flat = export_string (doc, TRUE, FALSE);
  g_autoptr (GError) error = NULL;
  g_autoptr (xmlDoc) xml = cvn_xml_safe_read_memory ("nested", nested, strlen (nested), &error);
  g_autoptr (xmlDoc) flat_xml = NULL;
  g_autofree char *aire = g_strdup_printf ("g%" G_GINT64_FORMAT, p.aire);
  g_autofree char *calder = g_strdup_printf ("g%" G_GINT64_FORMAT, p.calder);
  g_autofree char *hub = g_strdup_printf ("g%" G_GINT64_FORMAT, p.hub);

  g_assert_no_error (error);
  /* Board > alliance > clusters, as group boxes. */
  g_assert_cmpint (count_matches (xml, "/g:graphml/g:graph/g:node[@id='g%" G_GINT64_FORMAT
                                       "']/g:graph/g:node[@id='g%" G_GINT64_FORMAT "']"
                                       "/g:graph/g:node[@id='%s']", p.board, p.alliance, aire),
                   ==, 1);
  g_assert_cmpint (count_matches (xml, "//g:node[@yfiles.foldertype='group']"), ==, 6);
  g_assert_cmpint (count_matches (xml, "//g:node[@id='%s']/g:data/y:ProxyAutoBoundsNode"
                                       "/y:Realizers/y:GroupNode/y:NodeLabel[.='Aire Cluster']",
                                  aire), ==, 2);
  g_assert_cmpint (count_matches (xml, "//g:key[@yfiles.type='nodegraphics']"), ==, 1);
  /* B, in two tier-1 clusters, nests in Aire (first in snapshot order) as its chair ... */
  g_assert_cmpint (count_matches (xml, "//g:node[@id='%s']/g:graph/g:node[@id='s%"
                                       G_GINT64_FORMAT "']/g:data[@key='n_role'][.='chair']",
                                  aire, p.b), ==, 1);
  /* ... and its Calder membership is an edge. */
  g_assert_cmpint (count_matches (xml, "/g:graphml/g:graph/g:edge[@source='s%" G_GINT64_FORMAT
                                       "'][@target='%s']/g:data[@key='e_role'][.='member']",
                                  p.b, calder), ==, 1);
  /* A is in Aire (tier 1) and the hub: Aire. E is only in the hub. F's ended tier-1
   * membership beats its current hub one. D is at the top. */
  g_assert_cmpint (count_matches (xml, "//g:node[@id='%s']/g:graph/g:node[@id='s%"
                                       G_GINT64_FORMAT "']", aire, p.a), ==, 1);
  g_assert_cmpint (count_matches (xml, "//g:node[@id='%s']/g:graph/g:node[@id='s%"
                                       G_GINT64_FORMAT "']", hub, p.e), ==, 1);
  g_assert_cmpint (count_matches (xml, "//g:node[@id='%s']/g:graph/g:node[@id='s%"
                                       G_GINT64_FORMAT "']/g:data[@key='n_until']"
                                       "[.='2020-08-31']", calder, p.f), ==, 1);
  g_assert_cmpint (count_matches (xml, "/g:graphml/g:graph/g:node[@id='s%" G_GINT64_FORMAT
                                       "']/g:data/y:ShapeNode/y:NodeLabel[.='Dale Nursery']",
                                  p.d), ==, 1);
  /* Typed keys, and the saved positions as x and y. */
  g_assert_cmpint (count_matches (xml, "//g:key[@attr.name='urn'][@attr.type='long']"
                                       "[@for='node']"), ==, 1);
  g_assert_cmpint (count_matches (xml, "//g:key[@attr.name='role'][@for='edge']"), ==, 1);
  g_assert_cmpint (count_matches (xml, "//g:node[@id='s%" G_GINT64_FORMAT "']"
                                       "/g:data[@key='n_x'][.='120.5']", p.a), ==, 1);
  /* Every node appears once: 6 groups, 6 schools, 2 people. */
  g_assert_cmpint (count_matches (xml, "//g:node"), ==, 14);

  flat_xml = cvn_xml_safe_read_memory ("flat", flat, strlen (flat), &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_matches (flat_xml, "//g:graph"), ==, 1);
  g_assert_cmpint (count_matches (flat_xml, "//g:node"), ==, 14);
  g_assert_cmpint (count_matches (flat_xml, "//y:*"), ==, 0);
  g_assert_null (strstr (flat, "yfiles"));
  /* 11 memberships and 3 parents. */
  g_assert_cmpint (count_matches (flat_xml, "//g:edge"), ==, 14);
  g_assert_cmpint (count_matches (flat_xml, "//g:edge[g:data[@key='e_relation']='parent']"),
                   ==, 3);

  /* Hidden people leave no trace. */
  {
    g_autofree char *hidden = export_string (doc, FALSE, TRUE);

    g_assert_null (strstr (hidden, "Pat Jones"));
    g_assert_null (strstr (hidden, "Lee Brown"));
    g_assert_null (strstr (hidden, "pat@example.org"));
  }
}

/* A chain of 200 groups, each the parent of the next: the nested export cuts it into pieces
 * no deeper than it allows, joined by "parent" edges, and the chain survives the round trip. */
static void
test_deep_chain (void)
{
  g_autoptr (CvnDocument) doc = cvn_test_new_document ("chain.convenor");
  g_autoptr (GString) graphml = g_string_new ("<graphml xmlns='http://graphml.graphdrawing.org/"
                                              "xmlns'><key id='k' for='node' "
                                              "attr.name='kind'/><key id='r' for='edge' "
                                              "attr.name='relation'/><graph>\n");
  g_autoptr (CvnGraphmlSummary) summary = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  g_autoptr (CvnDocument) copy = NULL;
  g_autoptr (CvnGraphmlSummary) copied = NULL;

  for (guint i = 0; i < 200; i++)
    g_string_append_printf (graphml, "<node id='g%u'><data key='k'>board</data></node>\n", i);
  for (guint i = 1; i < 200; i++)
    g_string_append_printf (graphml, "<edge source='g%u' target='g%u'><data key='r'>parent"
                                     "</data></edge>\n", i, i - 1);
  g_string_append (graphml, "</graph></graphml>\n");

  summary = import_string (doc, "chain.graphml", graphml->str);
  g_assert_cmpuint (summary->groups_created, ==, 200);
  g_assert_cmpuint (summary->parents_set, ==, 199);

  exported = export_string (doc, FALSE, FALSE);
  copy = cvn_test_new_document ("chain-copy.convenor");
  copied = import_string (copy, "export.graphml", exported);
  g_assert_cmpuint (copied->parents_set, ==, 199);
  expected = describe (doc, TRUE);
  actual = describe (copy, TRUE);
  g_assert_cmpstr (actual, ==, expected);
}

static const char *
shared_data (void)
{
  const char *dir = g_getenv ("CONVENOR_SHARED_DATA");

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    return NULL;
  return dir;
}

static void
test_flat_validates (void)
{
  Partnership p;
  g_autoptr (CvnDocument) doc = create_partnership ("validate.convenor", &p);
  g_autofree char *out = cvn_test_temp_path ("flat.graphml");
  g_autofree char *schema = NULL;
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  CvnGraphmlExportOptions options = { TRUE, FALSE, NULL };
  int status = 0;

  if (shared_data () == NULL)
    {
      g_test_skip ("../shared/data is absent (CONVENOR_SHARED_DATA): no GraphML schema to "
                   "validate against");
      return;
    }
  if (xmllint == NULL)
    {
      g_test_skip ("xmllint is not installed (Debian: libxml2-utils)");
      return;
    }
  schema = g_build_filename (shared_data (), "schema", "jgrapht-flattened", "graphml.xsd",
                             NULL);
  g_assert_true (g_file_test (schema, G_FILE_TEST_EXISTS));
  g_assert_true (cvn_graphml_export (doc, out, &options, &error));
  g_assert_no_error (error);

  {
    const char *argv[] = { xmllint, "--nonet", "--noout", "--schema", schema, out, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                                 NULL, NULL, &err, &status, &error));
    g_assert_no_error (error);
  }
  g_test_message ("xmllint: %s", err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "validates"));
}

/* A Python with networkx: python3 on the PATH, else Debian's. */
static char *
find_networkx_python (void)
{
  g_autofree char *in_path = g_find_program_in_path ("python3");
  const char *candidates[] = { in_path, "/usr/bin/python3" };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      const char *argv[] = { candidates[i], "-c", "import networkx", NULL };
      int status = 0;

      if (candidates[i] == NULL || !g_file_test (candidates[i], G_FILE_TEST_IS_EXECUTABLE))
        continue;
      if (g_spawn_sync (NULL, (char **) argv, NULL,
                        G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                        NULL, NULL, &status, NULL) &&
          g_spawn_check_wait_status (status, NULL))
        return g_strdup (candidates[i]);
    }
  return NULL;
}

/* networkx reads nested graphs only through yEd's yfiles.foldertype="group" (it flattens them,
 * keeping every node); the nested export writes it, so networkx reads both forms. */
static void
test_networkx_reads_exports (void)
{
  Partnership p;
  g_autoptr (CvnDocument) doc = create_partnership ("networkx.convenor", &p);
  g_autofree char *python = find_networkx_python ();
  g_autofree char *nested = cvn_test_temp_path ("networkx-nested.graphml");
  g_autofree char *flat = cvn_test_temp_path ("networkx-flat.graphml");
  g_autoptr (GError) error = NULL;
  CvnGraphmlExportOptions nested_options = { FALSE, FALSE, NULL };
  CvnGraphmlExportOptions flat_options = { TRUE, FALSE, NULL };
  const char *script =
    "import sys, networkx\n"
    "for path in sys.argv[2:]:\n"
    "    g = networkx.read_graphml(path)\n"
    "    kinds = sorted(d.get('kind', '?') for _, d in g.nodes(data=True))\n"
    "    print(g.number_of_nodes(), g.number_of_edges(), kinds.count('school'),\n"
    "          kinds.count('group'), kinds.count('person'), g.nodes[sys.argv[1]]['urn'])\n";
  g_autofree char *school = g_strdup_printf ("s%" G_GINT64_FORMAT, p.a);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (python == NULL)
    {
      g_test_skip ("no python3 with networkx (Debian: python3-networkx)");
      return;
    }
  g_assert_true (cvn_graphml_export (doc, nested, &nested_options, &error));
  g_assert_true (cvn_graphml_export (doc, flat, &flat_options, &error));
  g_assert_no_error (error);

  {
    const char *argv[] = { python, "-c", script, school, nested, flat, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                                 &err, &status, &error));
    g_assert_no_error (error);
  }
  g_test_message ("networkx: %s%s", out, err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  /* Nested: 14 nodes, and edges for the 4 memberships that are not nesting (B in Calder, A
   * and F in the hub, Aire on the committee). Flat: 11 memberships and 3 parents. */
  g_assert_cmpstr (out, ==, "14 4 6 6 2 1001\n14 14 6 6 2 1001\n");
}

static void
test_import_yed_like (void)
{
  g_autoptr (CvnDocument) doc = cvn_test_new_document ("yed.convenor");
  g_autofree char *path = cvn_test_data_path ("xml", "yed-like.graphml");
  g_autoptr (GError) error = NULL;
  g_autoptr (CvnGraphmlSummary) summary = NULL;
  g_autoptr (CvnSnapshot) s = NULL;
  g_autoptr (GPtrArray) groups_of_hill_top = NULL;
  const CvnGroup *riverside = NULL, *alliance = NULL, *board = NULL;
  const CvnEstablishment *hill_top = NULL, *riverside_primary = NULL;

  summary = cvn_graphml_import (doc, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->groups_created, ==, 4);
  g_assert_cmpuint (summary->parents_set, ==, 3);
  g_assert_cmpuint (summary->schools_created, ==, 4);
  g_assert_cmpuint (summary->schools_matched, ==, 1);
  g_assert_cmpuint (summary->memberships_added, ==, 5);
  g_assert_cmpuint (summary->edges_ignored, ==, 1);
  g_assert_cmpuint (summary->notes_kept, ==, 3);
  g_assert_cmpuint (summary->unknown_attributes->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (summary->unknown_attributes, 0), ==, "description");
  g_assert_cmpstr (g_ptr_array_index (summary->unknown_attributes, 1), ==, "url");
  g_assert_cmpstr (cvn_document_get_undo_label (doc), ==, "Import yed-like.graphml");

  s = cvn_snapshot_load (doc, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < s->groups->len; i++)
    {
      const CvnGroup *g = &g_array_index (s->groups, CvnGroup, i);

      if (g_str_equal (g->name, "Riverside Cluster"))
        riverside = g;
      else if (g_str_equal (g->name, "North Alliance"))
        alliance = g;
      else if (g_str_equal (g->name, "Northgate Partnership Board"))
        board = g;
      /* The label of the active realizer, never the closed "Folder" one. */
      g_assert_false (g_str_has_prefix (g->name, "Folder"));
      g_assert_cmpstr (g->kind, ==, "cluster");
    }
  g_assert_nonnull (riverside);
  g_assert_nonnull (alliance);
  g_assert_nonnull (board);
  g_assert_cmpint (riverside->parent_id, ==, alliance->id);
  g_assert_cmpint (alliance->parent_id, ==, board->id);
  g_assert_cmpint (board->parent_id, ==, 0);
  g_assert_cmpstr (board->purpose, ==, "description: Meets each half term");

  for (guint i = 0; i < s->establishments->len; i++)
    {
      const CvnEstablishment *e = &g_array_index (s->establishments, CvnEstablishment, i);

      if (g_str_equal (e->name, "Hill Top Primary"))
        hill_top = e;
      else if (g_str_equal (e->name, "Riverside Primary"))
        riverside_primary = e;
    }
  g_assert_nonnull (hill_top);
  g_assert_nonnull (riverside_primary);
  g_assert_cmpstr (riverside_primary->engagement, ==,
                   "url: https://riverside.example.org/; "
                   "description: Leads the cluster's reading project");
  groups_of_hill_top = cvn_snapshot_get_memberships_of (s, CVN_OBJECT_ESTABLISHMENT,
                                                        hill_top->id, FALSE);
  g_assert_cmpuint (groups_of_hill_top->len, ==, 2);

  /* One edit: undo removes the whole import. */
  g_assert_true (cvn_document_undo (doc, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cvn_store_count (doc, "establishments", NULL), ==, 0);
  g_assert_cmpint (cvn_store_count (doc, "groups", NULL), ==, 0);
}

static void
test_import_gephi_like (void)
{
  g_autoptr (CvnDocument) doc = cvn_test_new_document ("gephi.convenor");
  g_autofree char *path = cvn_test_data_path ("xml", "gephi-like.graphml");
  g_autoptr (GError) error = NULL;
  g_autoptr (CvnGraphmlSummary) summary = NULL;
  g_autoptr (CvnGraphmlSummary) again = NULL;
  g_autoptr (CvnSnapshot) s = NULL;
  g_autoptr (GPtrArray) members = NULL;
  const CvnEstablishment *eastfield;
  gint64 existing;

  /* The document already knows URN 100001, under another name. */
  g_assert_true (cvn_document_begin_edit (doc, "Build", &error));
  existing = add_school (doc, "Eastfield Primary School", 100001, "primary");
  g_assert_true (cvn_document_commit_edit (doc, &error));

  summary = cvn_graphml_import (doc, path, "graph", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->schools_matched, ==, 1);
  g_assert_cmpuint (summary->schools_created, ==, 2);
  g_assert_cmpuint (summary->groups_created, ==, 2);
  g_assert_cmpuint (summary->memberships_added, ==, 4);
  g_assert_cmpuint (summary->edges_ignored, ==, 1);
  g_assert_cmpuint (summary->positions, ==, 4);

  s = cvn_snapshot_load (doc, &error);
  g_assert_no_error (error);
  eastfield = cvn_snapshot_find_establishment_by_urn (s, 100001);
  g_assert_cmpint (eastfield->id, ==, existing);
  g_assert_cmpstr (eastfield->name, ==, "Eastfield Primary School");
  for (guint i = 0; i < s->groups->len; i++)
    {
      const CvnGroup *g = &g_array_index (s->groups, CvnGroup, i);

      if (g_str_equal (g->name, "Eastfield Cluster"))
        {
          g_assert_cmpstr (g->kind, ==, "cluster");
          g_assert_cmpint (g->tier, ==, 1);
          /* Gephi's visual attributes are notes; x and y are positions. */
          g_assert_cmpstr (g->purpose, ==, "size: 15.0");
          members = cvn_snapshot_get_members (s, g->id, FALSE);
        }
      else
        {
          g_assert_cmpstr (g->name, ==, "East Alliance");
          g_assert_cmpstr (g->kind, ==, "alliance");
          g_assert_cmpint (g->tier, ==, 2);
        }
    }
  g_assert_nonnull (members);
  g_assert_cmpuint (members->len, ==, 3);
  for (guint i = 0; i < members->len; i++)
    {
      const CvnMembership *m = g_ptr_array_index (members, i);

      if (m->member_id == existing)
        g_assert_cmpint (m->role, ==, CVN_ROLE_CHAIR);
      else if (g_str_equal (cvn_snapshot_get_name (s, m->member_kind, m->member_id),
                            "Gate House Nursery"))
        g_assert_cmpint (m->role, ==, CVN_ROLE_OBSERVER);
      else
        g_assert_cmpint (m->role, ==, CVN_ROLE_MEMBER);
    }
  {
    g_autoptr (sqlite3_stmt) stmt = cvn_document_prepare (doc, "SELECT x, y FROM layouts "
                                                               "WHERE view = 'graph' AND "
                                                               "object_kind = 'school' AND "
                                                               "object_id = ?1", &error);

    sqlite3_bind_int64 (stmt, 1, existing);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpfloat (sqlite3_column_double (stmt, 0), ==, -120.0);
    g_assert_cmpfloat (sqlite3_column_double (stmt, 1), ==, 60.0);
  }

  /* A second import adds nothing. */
  again = cvn_graphml_import (doc, path, "graph", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->schools_created + again->groups_created, ==, 0);
  g_assert_cmpuint (again->memberships_added, ==, 0);
  g_assert_cmpuint (again->memberships_existing, ==, 4);
}

static void
test_import_cytoscape_like (void)
{
  g_autoptr (CvnDocument) doc = cvn_test_new_document ("cytoscape.convenor");
  g_autofree char *path = cvn_test_data_path ("xml", "cytoscape-like.graphml");
  g_autoptr (GError) error = NULL;
  g_autoptr (CvnGraphmlSummary) summary = NULL;
  g_autoptr (CvnSnapshot) s = NULL;
  g_autoptr (GPtrArray) members = NULL;
  const CvnGroup *committee;

  summary = cvn_graphml_import (doc, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->groups_created, ==, 1);
  g_assert_cmpuint (summary->schools_created, ==, 1);
  g_assert_cmpuint (summary->people_created, ==, 1);
  g_assert_cmpuint (summary->memberships_added, ==, 2);
  /* The person-to-school edge has no place; the person's extra columns have none either. */
  g_assert_cmpuint (summary->edges_ignored, ==, 1);
  g_assert_cmpuint (summary->notes_dropped, ==, 3);

  s = cvn_snapshot_load (doc, &error);
  g_assert_no_error (error);
  committee = &g_array_index (s->groups, CvnGroup, 0);
  g_assert_cmpstr (committee->name, ==, "Secondary Heads Association");
  g_assert_cmpstr (committee->kind, ==, "committee");
  g_assert_cmpstr (g_array_index (s->establishments, CvnEstablishment, 0).phase, ==,
                   "secondary");
  members = cvn_snapshot_get_members (s, committee->id, FALSE);
  g_assert_cmpuint (members->len, ==, 2);
  for (guint i = 0; i < members->len; i++)
    {
      const CvnMembership *m = g_ptr_array_index (members, i);

      g_assert_cmpint (m->role, ==, m->member_kind == CVN_OBJECT_PERSON ? CVN_ROLE_CHAIR
                                                                        : CVN_ROLE_MEMBER);
    }
}

static void
test_import_real_files (void)
{
  const char *dir = shared_data ();
  g_autoptr (GError) error = NULL;

  if (dir == NULL)
    {
      g_test_skip ("../shared/data is absent (CONVENOR_SHARED_DATA): the real yEd, igraph and "
                   "networkx files cannot be read; tests/data/xml covers the same shapes");
      return;
    }

  /* yEd 3.23.2: a group inside a group, a town drawn twice, edges across levels. */
  {
    g_autofree char *path = g_build_filename (dir, "graphml",
                                              "yed_3.23.2__yEdExtended__nested_groups_3_levels"
                                              ".graphml", NULL);
    g_autoptr (CvnDocument) doc = cvn_test_new_document ("real-yed.convenor");
    g_autoptr (CvnGraphmlSummary) summary = cvn_graphml_import (doc, path, NULL, &error);
    g_autoptr (CvnSnapshot) s = NULL;
    const CvnGroup *outer = NULL, *inner = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (summary->groups_created, ==, 2);
    g_assert_cmpuint (summary->schools_created, ==, 4);
    g_assert_cmpuint (summary->schools_matched, ==, 1);
    g_assert_cmpuint (summary->memberships_added, ==, 3);
    g_assert_cmpuint (summary->edges_ignored, ==, 4);
    s = cvn_snapshot_load (doc, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < s->groups->len; i++)
      {
        const CvnGroup *g = &g_array_index (s->groups, CvnGroup, i);

        if (g_str_equal (g->name, "Northern Italy"))
          outer = g;
        else if (g_str_equal (g->name, "Group 2"))
          inner = g;
      }
    g_assert_nonnull (outer);
    g_assert_nonnull (inner);
    g_assert_cmpint (inner->parent_id, ==, outer->id);
    g_assert_cmpuint (s->establishments->len, ==, 4);
  }

  /* igraph: labels from a `label` key, numeric weights on edges between schools. */
  {
    g_autofree char *path = g_build_filename (dir, "graphml", "igraph__wa1.graphml", NULL);
    g_autoptr (CvnDocument) doc = cvn_test_new_document ("real-igraph.convenor");
    g_autoptr (CvnGraphmlSummary) summary = cvn_graphml_import (doc, path, NULL, &error);
    g_autoptr (CvnSnapshot) s = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (summary->schools_created, ==, 5);
    g_assert_cmpuint (summary->edges_ignored, ==, 7);
    s = cvn_snapshot_load (doc, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (g_array_index (s->establishments, CvnEstablishment, 0).name, ==, "A");
  }

  /* networkx: numbers with nan, node ids as the only names. */
  {
    g_autofree char *path = g_build_filename (dir, "graphml",
                                              "networkx__opcendo_network.graphml", NULL);
    g_autoptr (CvnDocument) doc = cvn_test_new_document ("real-networkx.convenor");
    g_autoptr (CvnGraphmlSummary) summary = cvn_graphml_import (doc, path, NULL, &error);
    g_autoptr (CvnSnapshot) s = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (summary->schools_created, ==, 23);
    g_assert_cmpuint (summary->edges_ignored, ==, 29);
    s = cvn_snapshot_load (doc, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < s->establishments->len; i++)
      {
        const CvnEstablishment *e = &g_array_index (s->establishments, CvnEstablishment, i);

        g_assert_null (strstr (e->engagement, "nan"));
        if (g_str_equal (e->name, "Ptprc"))
          g_assert_cmpstr (e->engagement, ==, "endo_l2fc: -2.8994; opc_l2fc: 3.9704");
      }
  }
}

static void
assert_refused (const char *name,
                int         code,
                const char *expected)
{
  g_autoptr (CvnDocument) doc = cvn_test_new_document ("hostile.convenor");
  g_autofree char *path = cvn_test_data_path ("xml", name);
  g_autoptr (GError) error = NULL;
  g_autoptr (CvnGraphmlSummary) summary = NULL;
  guint64 revision = cvn_document_get_revision (doc);

  summary = cvn_graphml_import (doc, path, NULL, &error);
  g_assert_null (summary);
  g_assert_error (error, CVN_XML_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, name));
  g_assert_nonnull (strstr (error->message, expected));
  g_assert_cmpuint (cvn_document_get_revision (doc), ==, revision);
  g_assert_cmpint (cvn_store_count (doc, "establishments", NULL), ==, 0);
  g_assert_false (cvn_document_can_undo (doc));
}

static void
test_hostile (void)
{
  assert_refused ("billion-laughs.graphml", CVN_XML_ERROR_REFUSED,
                  "line 5: the document declares the entity “lol”");
  assert_refused ("external-entity.graphml", CVN_XML_ERROR_REFUSED,
                  "line 4: the document declares the external entity “xxe” "
                  "(file:///etc/passwd)");
  assert_refused ("malformed.graphml", CVN_XML_ERROR_MALFORMED,
                  "line 9, column 48: Opening and ending tag mismatch");
}

static void
test_semantic_errors (void)
{
  static const struct
  {
    const char *graphml;
    const char *expected;
  } cases[] = {
    { "<graph/>", "in.graphml line 1: this is not GraphML" },
    { "<graphml xmlns='http://graphml.graphdrawing.org/xmlns'/>", "holds no <graph>" },
    { "<graphml>\n<graph>\n<node/>\n</graph></graphml>", "in.graphml line 3: <node> has no id" },
    { "<graphml><graph>\n<node id='a'/>\n<node id='a'/>\n</graph></graphml>",
      "in.graphml line 3: a second node has the id “a”" },
    { "<graphml><graph>\n<node id='a'>\n<data key='nope'>x</data></node></graph></graphml>",
      "in.graphml line 3: <data> refers to the key “nope”" },
    { "<graphml><graph>\n<node id='a'/>\n<edge source='a' target='b'/></graph></graphml>",
      "in.graphml line 3: edge from “a” to “b”: the file has no node “b”" },
    { "<graphml><key id='u' for='node' attr.name='URN'/><graph>\n"
      "<node id='a'><data key='u'>twelve</data></node></graph></graphml>",
      "in.graphml line 2: node “a”: urn “twelve” is not a whole number" },
    { "<graphml><key id='t' attr.name='tier'/><key id='k' attr.name='kind'/><graph>\n"
      "<node id='a'><data key='k'>cluster</data><data key='t'>7</data></node></graph>"
      "</graphml>", "node “a”: tier “7” is not a whole number from 0 to 3" },
    { "<graphml><key id='f' attr.name='from'/><graph>\n<node id='g'><graph>\n"
      "<node id='s'><data key='f'>1st May</data></node></graph></node></graph></graphml>",
      "in.graphml line 3: node “s”: the dates “1st May” and “” are not both YYYY-MM-DD" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (CvnDocument) doc = cvn_test_new_document ("semantic.convenor");
      g_autoptr (GError) error = NULL;
      g_autoptr (CvnGraphmlSummary) summary = NULL;

      summary = cvn_graphml_import_data (doc, "in.graphml", cases[i].graphml,
                                         strlen (cases[i].graphml), NULL, &error);
      g_assert_null (summary);
      g_assert_error (error, CVN_XML_ERROR, CVN_XML_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].expected));
      g_assert_cmpint (cvn_store_count (doc, "establishments", NULL), ==, 0);
      g_assert_cmpint (cvn_store_count (doc, "groups", NULL), ==, 0);
    }
}

/* The import fails at its last edge, after creating a group, two schools and a membership:
 * the rollback leaves not a byte of the file changed. */
static void
test_failed_import_leaves_file_unchanged (void)
{
  g_autofree char *path = cvn_test_temp_path ("unchanged.convenor");
  g_autofree char *bad = cvn_test_data_path ("xml", "bad-role.graphml");
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  g_autoptr (GError) error = NULL;
  Partnership p;

  {
    g_autoptr (CvnDocument) doc = create_partnership ("unchanged.convenor", &p);
  }
  before = cvn_test_read_bytes (path);

  {
    g_autoptr (CvnDocument) doc = cvn_document_open (path, &error);
    g_autoptr (CvnGraphmlSummary) summary = NULL;

    g_assert_no_error (error);
    summary = cvn_graphml_import (doc, bad, NULL, &error);
    g_assert_null (summary);
    g_assert_error (error, CVN_XML_ERROR, CVN_XML_ERROR_INVALID);
    g_test_message ("%s", error->message);
    g_assert_nonnull (strstr (error->message, "bad-role.graphml line 19: edge “wrong”: "
                                              "the role “secretary” is not one of"));
    g_assert_false (cvn_document_in_edit (doc));
    g_assert_false (cvn_document_can_undo (doc));
    g_assert_cmpint (cvn_store_count (doc, "groups", NULL), ==, 6);
  }
  after = cvn_test_read_bytes (path);
  g_assert_cmpmem (g_bytes_get_data (before, NULL), g_bytes_get_size (before),
                   g_bytes_get_data (after, NULL), g_bytes_get_size (after));
}

static void
test_cli (void)
{
  g_autofree char *path = cvn_test_temp_path ("cli.convenor");
  g_autofree char *copy = cvn_test_temp_path ("cli-copy.convenor");
  g_autofree char *out = cvn_test_temp_path ("cli.graphml");
  g_autofree char *bad = cvn_test_data_path ("xml", "external-entity.graphml");
  g_autofree char *text = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *err = NULL;
  Partnership p;

  if (!cvn_test_have_cli ())
    return;
  {
    g_autoptr (CvnDocument) doc = create_partnership ("cli.convenor", &p);
    g_autoptr (CvnDocument) empty = cvn_test_new_document ("cli-copy.convenor");
  }

  {
    const char *args[] = { "export-graphml", path, "--to", out, "--flat", "--hide-people",
                           NULL };

    g_assert_cmpint (cvn_test_run_cli_argv (args, NULL, NULL), ==, 0);
  }
  g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
  g_assert_null (strstr (text, "Pat Jones"));
  g_assert_null (strstr (text, "<graph id=\"g"));

  {
    const char *args[] = { "import-graphml", copy, out, NULL };

    g_assert_cmpint (cvn_test_run_cli_argv (args, &summary, NULL), ==, 0);
  }
  g_assert_true (g_str_has_prefix (summary, "schools-created\t6\nschools-matched\t0\n"
                                            "people-created\t0\npeople-matched\t0\n"
                                            "groups-created\t6\ngroups-matched\t0\n"
                                            "memberships-added\t9\n"));

  {
    const char *args[] = { "import-graphml", copy, bad, NULL };

    g_assert_cmpint (cvn_test_run_cli_argv (args, NULL, &err), ==, 1);
  }
  g_assert_nonnull (strstr (err, "external-entity.graphml line 4"));
  g_assert_null (strchr (strchr (err, '\n') + 1, '\n'));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cvn/graphml/round-trip-nested", test_round_trip_nested);
  g_test_add_func ("/cvn/graphml/round-trip-flat", test_round_trip_flat);
  g_test_add_func ("/cvn/graphml/round-trip-sample", test_round_trip_sample);
  g_test_add_func ("/cvn/graphml/nesting-rule", test_nesting_rule);
  g_test_add_func ("/cvn/graphml/deep-chain", test_deep_chain);
  g_test_add_func ("/cvn/graphml/flat-validates", test_flat_validates);
  g_test_add_func ("/cvn/graphml/networkx", test_networkx_reads_exports);
  g_test_add_func ("/cvn/graphml/import-yed-like", test_import_yed_like);
  g_test_add_func ("/cvn/graphml/import-gephi-like", test_import_gephi_like);
  g_test_add_func ("/cvn/graphml/import-cytoscape-like", test_import_cytoscape_like);
  g_test_add_func ("/cvn/graphml/import-real-files", test_import_real_files);
  g_test_add_func ("/cvn/graphml/hostile", test_hostile);
  g_test_add_func ("/cvn/graphml/semantic-errors", test_semantic_errors);
  g_test_add_func ("/cvn/graphml/failed-import-leaves-file-unchanged",
                   test_failed_import_leaves_file_unchanged);
  g_test_add_func ("/cvn/graphml/cli", test_cli);

  return g_test_run ();
}
