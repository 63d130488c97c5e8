/* cvn-templates.c — the Cumbria, Wigan, Bexley and Rotherham structures as starting points.
 *
 * The structures come from the source documents in seeds/ (the Isos Partnership workshop slides
 * for Bexley, Cumbria and Wigan; the Rotherham partnership model of March 2011). Where the
 * documents give a number (three local alliances, five primary consortia, a board of 25,
 * sub-groups of 6-8 co-chaired by 2-3 heads, a strategic group of 6-8 heads) the template
 * keeps to it; where they do not (how many clusters, how many schools in each) it uses small
 * round numbers inside the sizes the checks expect, so a fresh template passes its own checks.
 * The one exception is Bexley: see build_bexley.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-templates"

#include "config.h"

#include "cvn-templates.h"
#include "cvn-store.h"

#include <glib/gi18n-lib.h>

G_DEFINE_QUARK (cvn-template-error-quark, cvn_template_error)

static const char * const template_names[] = {
  "cumbria", "wigan", "bexley", "rotherham", NULL
};

/* Builder: a document being filled, and the first error met. Once an error is set every
 * helper does nothing and returns 0, so a template reads as a plain list of steps and the
 * error is looked at once, at the end. */
typedef struct
{
  CvnDocument *doc;
  GError      *error;
  const char  *local_authority;
  guint        n_primary;
  guint        n_secondary;
  guint        n_special;
} Builder;

static gint64
add_school (Builder    *b,
            const char *phase)
{
  CvnEstablishment school;
  guint *counter;
  const char *label;
  gint64 id;

  if (b->error != NULL)
    return 0;
  if (g_str_equal (phase, "secondary"))
    {
      counter = &b->n_secondary;
      label = "Secondary School";
    }
  else if (g_str_equal (phase, "special"))
    {
      counter = &b->n_special;
      label = "Special School";
    }
  else
    {
      counter = &b->n_primary;
      label = "Primary School";
    }

  cvn_establishment_init (&school);
  g_free (school.name);
  school.name = g_strdup_printf ("%s %u", label, ++*counter);
  g_free (school.phase);
  school.phase = g_strdup (phase);
  g_free (school.local_authority);
  school.local_authority = g_strdup (b->local_authority);
  id = cvn_store_insert_establishment (b->doc, &school, &b->error);
  cvn_establishment_clear (&school);
  return id;
}

static gint64
add_person (Builder    *b,
            const char *name,
            const char *job_title,
            gint64      establishment_id)
{
  CvnPerson person = { 0 };

  if (b->error != NULL)
    return 0;
  person.name = (char *) name;
  person.job_title = (char *) job_title;
  person.establishment_id = establishment_id;
  return cvn_store_insert_person (b->doc, &person, &b->error);
}

static gint64
add_group_full (Builder  *b,
                CvnGroup *group)
{
  if (b->error != NULL)
    return 0;
  return cvn_store_insert_group (b->doc, group, &b->error);
}

static gint64
add_group (Builder    *b,
           const char *name,
           const char *kind,
           int         tier,
           gint64      parent_id,
           const char *phase,
           const char *purpose)
{
  CvnGroup group = { 0 };

  group.name = (char *) name;
  group.kind = (char *) kind;
  group.tier = tier;
  group.parent_id = parent_id;
  group.phase = (char *) phase;
  group.purpose = (char *) purpose;
  return add_group_full (b, &group);
}

static void
add_member (Builder       *b,
            gint64         group_id,
            CvnObjectKind  kind,
            gint64         member_id,
            CvnRole        role)
{
  CvnMembership membership = { 0 };

  if (b->error != NULL)
    return;
  membership.group_id = group_id;
  membership.member_kind = kind;
  membership.member_id = member_id;
  membership.role = role;
  cvn_store_insert_membership (b->doc, &membership, &b->error);
}

static void
add_school_member (Builder *b,
                   gint64   group_id,
                   gint64   school_id)
{
  add_member (b, group_id, CVN_OBJECT_ESTABLISHMENT, school_id, CVN_ROLE_MEMBER);
}

static void
add_person_member (Builder *b,
                   gint64   group_id,
                   gint64   person_id,
                   CvnRole  role)
{
  add_member (b, group_id, CVN_OBJECT_PERSON, person_id, role);
}

/* Designation types are an editable list, so a template reuses a type the document already has
 * under the same code instead of failing on the code's uniqueness. */
static gint64
ensure_designation_type (Builder    *b,
                         const char *code,
                         const char *name,
                         gboolean    for_schools,
                         gboolean    system_leader)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  CvnDesignationType type = { 0 };

  if (b->error != NULL)
    return 0;
  stmt = cvn_document_prepare (b->doc, "SELECT id FROM designation_types WHERE code = ?1",
                               &b->error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);

  type.code = (char *) code;
  type.name = (char *) name;
  type.for_schools = for_schools;
  type.system_leader = system_leader;
  return cvn_store_insert_designation_type (b->doc, &type, &b->error);
}

static void
designate (Builder       *b,
           gint64         type_id,
           CvnObjectKind  holder_kind,
           gint64         holder_id)
{
  CvnDesignation designation = { 0 };

  if (b->error != NULL)
    return;
  designation.type_id = type_id;
  if (holder_kind == CVN_OBJECT_PERSON)
    designation.person_id = holder_id;
  else
    designation.establishment_id = holder_id;
  cvn_store_insert_designation (b->doc, &designation, &b->error);
}

static gint64
lle_type (Builder *b)
{
  return ensure_designation_type (b, "LLE", "Local Leader of Education", FALSE, TRUE);
}

static gint64
nle_type (Builder *b)
{
  return ensure_designation_type (b, "NLE", "National Leader of Education", FALSE, TRUE);
}

/* Cumbria: school clusters of informal partnerships -> three Local Alliances of System Leaders
 * (LASLs) -> the county-wide Cumbria Alliance of System Leaders (CASL).
 *
 * Six clusters, two to each LASL, of four primary schools and one secondary. Each cluster is
 * led by a head who is a local leader of education, the system leader the checks look for;
 * the LASLs are alliances of those system leaders, and each is chaired by one of them (the LA
 * funds heads' release for part-time chairing roles). The CASL is chaired by a national leader
 * of education and has the three LASL chairs and an LA officer as members. */
static void
build_cumbria (Builder *b)
{
  gint64 lle = lle_type (b);
  gint64 nle = nle_type (b);
  gint64 casl, first_secondary = 0, casl_chair, officer;

  b->local_authority = "Cumbria";
  casl = add_group (b, "Cumbria Alliance of System Leaders", "board", 3, 0, "",
                    "Sets the vision and overall priorities, brings together key players and "
                    "holds county-wide strategic conversations.");

  for (guint a = 1; a <= 3; a++)
    {
      g_autofree char *alliance_name = g_strdup_printf ("Local Alliance of System Leaders %u", a);
      gint64 alliance = add_group (b, alliance_name, "alliance", 2, casl, "",
                                   "Connects the work of its clusters and co-ordinates support "
                                   "from teaching school alliances.");

      for (guint c = 1; c <= 2; c++)
        {
          guint n = (a - 1) * 2 + c;
          g_autofree char *cluster_name = g_strdup_printf ("Cluster %u", n);
          g_autofree char *lead_name = g_strdup_printf ("Lead Head, Cluster %u", n);
          gint64 cluster = add_group (b, cluster_name, "cluster", 1, alliance, "",
                                      "Peer review, mutual support, joint practice "
                                      "development and moderation.");
          gint64 lead_school = 0, lead, secondary;

          for (guint s = 0; s < 4; s++)
            {
              gint64 school = add_school (b, "primary");

              if (s == 0)
                lead_school = school;
              add_school_member (b, cluster, school);
            }
          secondary = add_school (b, "secondary");
          add_school_member (b, cluster, secondary);
          if (first_secondary == 0)
            first_secondary = secondary;

          lead = add_person (b, lead_name, "Headteacher", lead_school);
          designate (b, lle, CVN_OBJECT_PERSON, lead);
          add_person_member (b, cluster, lead, CVN_ROLE_LEAD_HEAD);
          add_person_member (b, alliance, lead, c == 1 ? CVN_ROLE_CHAIR : CVN_ROLE_MEMBER);
          if (c == 1)
            add_person_member (b, casl, lead, CVN_ROLE_MEMBER);
        }
    }

  casl_chair = add_person (b, "Chair, Cumbria Alliance of System Leaders", "Headteacher",
                           first_secondary);
  designate (b, nle, CVN_OBJECT_PERSON, casl_chair);
  add_person_member (b, casl, casl_chair, CVN_ROLE_CHAIR);
  officer = add_person (b, "Local Authority Officer", "Senior Adviser, School Improvement", 0);
  add_person_member (b, casl, officer, CVN_ROLE_MEMBER);
}

/* Wigan: five primary consortia and one secondary -> separate Primary and Secondary
 * Improvement Boards chaired by the LA -> an overarching Partnership Strategic Board with an
 * independent chair and two headteacher deputies.
 *
 * The consortia are tier 1: schools belong to them directly, and they are the "local clusters
 * of schools" of the slide, each with a lead headteacher. The two improvement boards are tier
 * 2: each co-ordinates several consortia, as a district alliance does, though they divide the
 * borough by phase rather than by area. The Partnership Strategic Board is tier 3. Lead heads
 * are local leaders of education; each improvement board has its consortia's lead heads as
 * members. The deputies are members of the strategic board with "Deputy Chair" in their title,
 * since a membership has no deputy role. */
static void
build_wigan (Builder *b)
{
  gint64 lle = lle_type (b);
  gint64 board, primary_board, secondary_board, chair, primary_officer, secondary_officer;
  gint64 primary_deputy_school = 0, secondary_deputy_school = 0, deputy;

  b->local_authority = "Wigan";
  board = add_group (b, "Wigan Partnership Strategic Board", "board", 3, 0, "",
                     "Oversees the partnership as a whole.");
  chair = add_person (b, "Independent Chair", "Independent Chair", 0);
  add_person_member (b, board, chair, CVN_ROLE_CHAIR);

  primary_board = add_group (b, "Primary Improvement Board", "board", 2, board, "primary",
                             "Commissions and brokers support for primary schools.");
  secondary_board = add_group (b, "Secondary Improvement Board", "board", 2, board, "secondary",
                               "Commissions and brokers support for secondary schools.");
  primary_officer = add_person (b, "Local Authority Officer (Primary)",
                                "Chair, Primary Improvement Board", 0);
  secondary_officer = add_person (b, "Local Authority Officer (Secondary)",
                                  "Chair, Secondary Improvement Board", 0);
  add_person_member (b, primary_board, primary_officer, CVN_ROLE_CHAIR);
  add_person_member (b, secondary_board, secondary_officer, CVN_ROLE_CHAIR);
  add_person_member (b, board, primary_officer, CVN_ROLE_MEMBER);
  add_person_member (b, board, secondary_officer, CVN_ROLE_MEMBER);

  for (guint c = 1; c <= 6; c++)
    {
      gboolean secondary = c == 6;
      g_autofree char *name = secondary ? g_strdup ("Secondary Consortium")
                                        : g_strdup_printf ("Primary Consortium %u", c);
      g_autofree char *lead_name = g_strdup_printf ("Lead Headteacher, %s", name);
      gint64 consortium = add_group (b, name, "consortium", 1,
                                     secondary ? secondary_board : primary_board,
                                     secondary ? "secondary" : "primary",
                                     "Commissions and brokers support among its schools.");
      gint64 lead_school = 0, lead;

      for (guint s = 0; s < 6; s++)
        {
          gint64 school = add_school (b, secondary ? "secondary" : "primary");

          if (s == 0)
            lead_school = school;
          /* The deputies lead schools in the first consortium of each phase. */
          if (s == 1 && c == 1)
            primary_deputy_school = school;
          if (s == 1 && secondary)
            secondary_deputy_school = school;
          add_school_member (b, consortium, school);
        }
      lead = add_person (b, lead_name, "Headteacher", lead_school);
      designate (b, lle, CVN_OBJECT_PERSON, lead);
      add_person_member (b, consortium, lead, CVN_ROLE_LEAD_HEAD);
      add_person_member (b, secondary ? secondary_board : primary_board, lead, CVN_ROLE_MEMBER);
    }

  deputy = add_person (b, "Deputy Chair (Primary Headteacher)", "Headteacher",
                       primary_deputy_school);
  add_person_member (b, board, deputy, CVN_ROLE_MEMBER);
  deputy = add_person (b, "Deputy Chair (Secondary Headteacher)", "Headteacher",
                       secondary_deputy_school);
  add_person_member (b, board, deputy, CVN_ROLE_MEMBER);
}

/* Bexley: a Strategic Education Partnership Board of 25 members, including the chairs of all
 * sub-groups, LA officials and members, and the RSC's regional representative; five sub-groups
 * on priority areas, each co-chaired by two or three heads, with 6-8 members.
 *
 * The 25: the 12 sub-group co-chairs (2, 3, 2, 3 and 2 of them), seven more heads, three LA
 * officers, two councillors (one chairs the board; the slide names no chair) and the RSC's
 * representative. The board allows one senior leader per school, trust or federation
 * (max_per_organisation = 1), so each of the 19 heads leads a different school. Each sub-group
 * has its co-chairs, a lead officer and heads from the board to make seven members.
 *
 * The exception to "a template passes its own checks": the slide describes only Bexley's
 * strategic tier, no clusters or alliances, so the 19 heads' schools are in no cluster and
 * school-unclustered reports each of them until the user adds the clusters. */
static void
build_bexley (Builder *b)
{
  static const struct
  {
    const char *name;
    guint       co_chairs;
  } sub_groups[] = {
    { "Education, Performance and Achievement", 2 },
    { "Inclusion", 3 },
    { "SEND", 2 },
    { "School Places and Planning", 3 },
    { "Workforce Development, Planning and Governance", 2 },
  };
  static const char * const phases[] = {
    "primary", "primary", "secondary", "primary", "special", "primary", "primary", "secondary",
    "primary", "primary", "primary", "secondary", "primary", "special", "primary", "secondary",
    "primary", "secondary", "primary",
  };
  gint64 heads[G_N_ELEMENTS (phases)];
  gint64 board, person;
  guint next_head = 0, next_pool = 12;
  CvnGroup group = { 0 };

  b->local_authority = "Bexley";
  group.name = (char *) "Bexley Strategic Education Partnership Board";
  group.kind = (char *) "board";
  group.tier = 3;
  group.purpose = (char *) "Steers the work of the partnership; develops, then agrees, its "
                           "priorities.";
  group.max_per_organisation = 1;
  board = add_group_full (b, &group);

  for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
    {
      g_autofree char *name = g_strdup_printf ("Headteacher %u", i + 1);

      heads[i] = add_person (b, name, "Headteacher", add_school (b, phases[i]));
      add_person_member (b, board, heads[i], CVN_ROLE_MEMBER);
    }

  for (guint g = 0; g < G_N_ELEMENTS (sub_groups); g++)
    {
      g_autofree char *name = g_strdup_printf ("%s Sub-group", sub_groups[g].name);
      g_autofree char *officer_name = g_strdup_printf ("Lead Officer, %s", sub_groups[g].name);
      gint64 sub_group = add_group (b, name, "sub-group", 3, board, "", "");
      guint size = sub_groups[g].co_chairs + 1;

      for (guint c = 0; c < sub_groups[g].co_chairs; c++)
        add_person_member (b, sub_group, heads[next_head++], CVN_ROLE_CO_CHAIR);
      person = add_person (b, officer_name, "Local Authority Officer", 0);
      add_person_member (b, sub_group, person, CVN_ROLE_MEMBER);
      /* Fill to seven from the seven heads who chair nothing, in turn. */
      for (; size < 7; size++)
        {
          add_person_member (b, sub_group, heads[next_pool], CVN_ROLE_MEMBER);
          next_pool = next_pool + 1 < G_N_ELEMENTS (heads) ? next_pool + 1 : 12;
        }
    }

  person = add_person (b, "Cabinet Member for Education", "Councillor", 0);
  add_person_member (b, board, person, CVN_ROLE_CHAIR);
  person = add_person (b, "Elected Member", "Councillor", 0);
  add_person_member (b, board, person, CVN_ROLE_MEMBER);
  person = add_person (b, "Director of Children's Services", "Local Authority Officer", 0);
  add_person_member (b, board, person, CVN_ROLE_MEMBER);
  person = add_person (b, "Assistant Director, Education", "Local Authority Officer", 0);
  add_person_member (b, board, person, CVN_ROLE_MEMBER);
  person = add_person (b, "Head of School Improvement", "Local Authority Officer", 0);
  add_person_member (b, board, person, CVN_ROLE_MEMBER);
  person = add_person (b, "RSC Regional Representative",
                       "Representative of the Regional Schools Commissioner", 0);
  add_person_member (b, board, person, CVN_ROLE_MEMBER);
}

/* Rotherham: learning communities, each with a consultant head or a local leader of education,
 * reporting to a Partnership Strategic Group of 6-8 heads (including teaching school heads),
 * the CYPS Strategic Director and two consultant heads.
 *
 * Six learning communities of one secondary school and its five feeder primaries; the first
 * and fourth also take a special school. The two consultant heads (primary and secondary, LA
 * staff with no school of their own) lead the first two; local leaders of education lead the
 * rest. There is no tier 2: the learning communities report straight to the strategic group,
 * which the checks accept in a document with no alliances. The strategic group has seven heads,
 * at least one from each phase (seats_per_phase), three of them from teaching schools. */
static void
build_rotherham (Builder *b)
{
  static const struct
  {
    const char *name;
    const char *phase;
    guint       school;   /* the nth school of its phase */
  } strategic_heads[] = {
    { "Teaching School Head (Primary)", "primary", 1 },
    { "Teaching School Head (Secondary)", "secondary", 1 },
    { "Teaching School Head (Special)", "special", 1 },
    { "Phase Head (Primary) 1", "primary", 7 },
    { "Phase Head (Primary) 2", "primary", 17 },
    { "Phase Head (Secondary) 1", "secondary", 3 },
    { "Phase Head (Secondary) 2", "secondary", 5 },
  };
  gint64 consultant_head = ensure_designation_type (b, "CH", "Consultant Head", FALSE, TRUE);
  gint64 teaching_school = ensure_designation_type (b, "TS", "Teaching School", TRUE, FALSE);
  gint64 lle = lle_type (b);
  gint64 primaries[30] = { 0 }, secondaries[6] = { 0 }, specials[2] = { 0 };
  gint64 consultants[2];
  gint64 strategic_group, person;
  CvnGroup group = { 0 };

  b->local_authority = "Rotherham";
  group.name = (char *) "Partnership Strategic Group";
  group.kind = (char *) "strategic group";
  group.tier = 3;
  group.purpose = (char *) "Commissions the audit of need and capacity, confirms priorities "
                           "and resources, and quality-assures the partnership's work.";
  group.seats_per_phase = (char *) "primary=1,secondary=1,special=1";
  strategic_group = add_group_full (b, &group);

  consultants[0] = add_person (b, "Primary Consultant Head", "Consultant Headteacher", 0);
  consultants[1] = add_person (b, "Secondary Consultant Head", "Consultant Headteacher", 0);
  for (guint i = 0; i < G_N_ELEMENTS (consultants); i++)
    {
      designate (b, consultant_head, CVN_OBJECT_PERSON, consultants[i]);
      add_person_member (b, strategic_group, consultants[i], CVN_ROLE_MEMBER);
    }
  person = add_person (b, "CYPS Strategic Director", "Strategic Director, Children and Young "
                       "People's Services", 0);
  add_person_member (b, strategic_group, person, CVN_ROLE_MEMBER);

  for (guint c = 0; c < 6; c++)
    {
      g_autofree char *name = g_strdup_printf ("Learning Community %u", c + 1);
      gint64 community = add_group (b, name, "learning community", 1, strategic_group, "",
                                    "Peer support and challenge, shared resources and a "
                                    "directory of its schools' strengths.");

      secondaries[c] = add_school (b, "secondary");
      add_school_member (b, community, secondaries[c]);
      for (guint s = 0; s < 5; s++)
        {
          primaries[c * 5 + s] = add_school (b, "primary");
          add_school_member (b, community, primaries[c * 5 + s]);
        }
      if (c == 0 || c == 3)
        {
          specials[c / 3] = add_school (b, "special");
          add_school_member (b, community, specials[c / 3]);
        }

      if (c < G_N_ELEMENTS (consultants))
        add_person_member (b, community, consultants[c], CVN_ROLE_LEAD_HEAD);
      else
        {
          g_autofree char *lead_name = g_strdup_printf ("Local Leader of Education, %s", name);

          person = add_person (b, lead_name, "Headteacher", primaries[c * 5 + 1]);
          designate (b, lle, CVN_OBJECT_PERSON, person);
          add_person_member (b, community, person, CVN_ROLE_LEAD_HEAD);
        }
    }

  designate (b, teaching_school, CVN_OBJECT_ESTABLISHMENT, primaries[0]);
  designate (b, teaching_school, CVN_OBJECT_ESTABLISHMENT, secondaries[0]);
  designate (b, teaching_school, CVN_OBJECT_ESTABLISHMENT, specials[0]);

  for (guint i = 0; i < G_N_ELEMENTS (strategic_heads); i++)
    {
      guint n = strategic_heads[i].school - 1;
      gint64 school = g_str_equal (strategic_heads[i].phase, "secondary") ? secondaries[n]
                    : g_str_equal (strategic_heads[i].phase, "special") ? specials[n]
                    : primaries[n];

      person = add_person (b, strategic_heads[i].name, "Headteacher", school);
      add_person_member (b, strategic_group, person, CVN_ROLE_MEMBER);
    }
}

const char * const *
cvn_template_get_names (void)
{
  return template_names;
}

const char *
cvn_template_get_description (const char *name)
{
  if (g_strcmp0 (name, "cumbria") == 0)
    return _("Cumbria: school clusters, three local alliances of system leaders and a county "
             "alliance");
  if (g_strcmp0 (name, "wigan") == 0)
    return _("Wigan: five primary consortia and one secondary, primary and secondary "
             "improvement boards and an overarching strategic board");
  if (g_strcmp0 (name, "bexley") == 0)
    return _("Bexley: a strategic board of 25 with five sub-groups co-chaired by headteachers");
  if (g_strcmp0 (name, "rotherham") == 0)
    return _("Rotherham: learning communities led by consultant heads or local leaders, and a "
             "strategic group of heads");
  return NULL;
}

gboolean
cvn_template_build (CvnDocument *doc,
                    const char  *name,
                    GError     **error)
{
  Builder b = { 0 };
  g_autofree char *label = NULL;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_strv_contains (template_names, name))
    {
      g_autofree char *names = g_strjoinv (", ", (char **) template_names);

      g_set_error (error, CVN_TEMPLATE_ERROR, CVN_TEMPLATE_ERROR_UNKNOWN,
                   _("There is no template called “%s”; the templates are %s"), name, names);
      return FALSE;
    }

  /* Translators: the name of an undo step; %s is a template name such as "cumbria". */
  label = g_strdup_printf (_("New from the %s template"), name);
  if (!cvn_document_begin_edit (doc, label, error))
    return FALSE;

  b.doc = doc;
  if (g_str_equal (name, "cumbria"))
    build_cumbria (&b);
  else if (g_str_equal (name, "wigan"))
    build_wigan (&b);
  else if (g_str_equal (name, "bexley"))
    build_bexley (&b);
  else
    build_rotherham (&b);

  if (b.error != NULL)
    {
      cvn_document_rollback_edit (doc);
      g_propagate_prefixed_error (error, b.error, _("Building the %s template: "), name);
      return FALSE;
    }
  return cvn_document_commit_edit (doc, error);
}
