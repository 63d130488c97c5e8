/* cvn-generate.c — synthetic documents for benchmarks and render tests.
 *
 * The shape follows the sample borough and the local systems in the seed documents: schools
 * sit in geographic clusters of about seven; about five neighbouring clusters form an
 * alliance; one strategic board has the alliances under it, five sub-groups co-chaired by
 * heads, and two heads' committees; diocesan groups, maths hubs and inclusion partnerships
 * cut across the clusters. Every school has a head; only the heads who sit on a board,
 * sub-group or committee are members of anything, so the membership graph has about 1.2
 * nodes and 1.3-1.4 edges per school, like the real registers the benchmarks stand in for.
 *
 * Randomness comes from a SplitMix64 stream seeded by the caller, never by the clock, so a
 * seed always yields the same file. Schools are spread over a square whose side grows with
 * the square root of their number, at real British National Grid coordinates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-generate"

#include "config.h"

#include "cvn-generate.h"
#include "cvn-store.h"

#include <glib/gi18n-lib.h>
#include <math.h>

typedef struct
{
  guint64 state;
} Random;

static guint64
random_next (Random *r)
{
  guint64 z = (r->state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

/* A double in [0, 1). */
static double
random_double (Random *r)
{
  return (random_next (r) >> 11) * (1.0 / 9007199254740992.0);
}

static guint
random_below (Random *r,
              guint   n)
{
  return n == 0 ? 0 : (guint) (random_double (r) * n);
}

/* A standard normal deviate (Box-Muller; the second value is thrown away for simplicity). */
static double
random_normal (Random *r)
{
  double u = 1.0 - random_double (r);
  double v = random_double (r);

  return sqrt (-2.0 * log (u)) * cos (2.0 * G_PI * v);
}

static const char * const places[] = {
  "Ashford", "Barnfield", "Beckside", "Birchley", "Blackmoor", "Bramley", "Brookfield",
  "Burnside", "Castleton", "Chadwell", "Chapelford", "Claydon", "Coldharbour", "Copperfield",
  "Crossgate", "Dalston", "Deanwood", "Eastbrook", "Elmstead", "Fairfield", "Fernhill",
  "Foxdale", "Gatesby", "Glenfield", "Hadley", "Hallam", "Harcourt", "Hawthorn", "Heathcote",
  "Highbury", "Hollins", "Kingsmead", "Kirkby", "Langley", "Larkhill", "Lindley", "Longford",
  "Marsden", "Meadowbank", "Middleton", "Millbrook", "Moorside", "Netherton", "Newlands",
  "Northwood", "Oakfield", "Orchard", "Parkside", "Pendle", "Priestley", "Queensbury",
  "Radcliffe", "Ravensworth", "Redhill", "Riverside", "Rosedale", "Rushton", "Saltley",
  "Sandford", "Shawfield", "Southgate", "Springwell", "Stanfield", "Stoneleigh", "Summerhill",
  "Sutton", "Thornbury", "Towerhill", "Upton", "Waterside", "Wellbrook", "Westcliffe",
  "Whitmore", "Willowbank", "Windmill", "Woodhouse", "Wrenfield", "Yarrow", "Yewtree",
  "Abbeydale",
};

static const char * const features[] = {
  "", " Park", " Green", " Vale", " Hill", " Bridge", " Lane", " Road", " Heath", " Fields",
  " Grange", " Meadow", " Common", " Wood", " Cross", " Brook", " Moor", " Dale", " Gate",
  " End", " Rise", " Row", " Mill", " Well", " Court", " Farm", " Hall", " Croft", " Side",
  " Lea",
};

static const char * const prefixes[] = {
  "", "North ", "South ", "East ", "West ", "Upper ", "Lower ", "Great ", "Little ", "Old ",
  "New ", "High ", "Nether ",
};

static const char * const first_names[] = {
  "Aisha", "Alan", "Amira", "Andrew", "Bethan", "Catherine", "Chidi", "Claire", "Daniel",
  "Deborah", "Eleanor", "Emeka", "Fiona", "Gareth", "Grace", "Hannah", "Imran", "Jack",
  "Joanne", "Kamal", "Karen", "Laura", "Liam", "Mandeep", "Margaret", "Michael", "Nadia",
  "Niamh", "Owen", "Priya", "Rachel", "Rhys", "Ruth", "Samuel", "Sarah", "Sean", "Siobhan",
  "Stephen", "Tariq", "Yusuf",
};

static const char * const last_names[] = {
  "Adeyemi", "Ahmed", "Armstrong", "Bell", "Bhatti", "Brennan", "Chowdhury", "Clarke",
  "Davies", "Dixon", "Evans", "Fletcher", "Gallagher", "Green", "Hall", "Hughes", "Hussain",
  "Jackson", "Kaur", "Kelly", "Khan", "Lewis", "Lloyd", "Marshall", "Morgan", "Nolan",
  "Okafor", "Owen", "Patel", "Price", "Quinn", "Roberts", "Shaw", "Singh", "Taylor", "Turner",
  "Walsh", "Ward", "Williams", "Young",
};

static const char * const sub_group_names[] = {
  "Standards and Curriculum", "Inclusion and SEND", "Leadership and Workforce",
  "Early Years and Transition", "School-to-School Support",
};

typedef enum
{
  PHASE_PRIMARY,
  PHASE_SECONDARY,
  PHASE_SPECIAL,
  PHASE_NURSERY,
  PHASE_ALL_THROUGH,
} Phase;

static const char * const phase_names[] = {
  "primary", "secondary", "special", "nursery", "all-through",
};

typedef struct
{
  gint64  id;
  gint64  head_id;
  int     cluster;        /* -1: in no cluster */
  Phase   phase;
  int     church;         /* 0 none, 1 Church of England, 2 Roman Catholic */
  double  easting;
  double  northing;
} School;

typedef struct
{
  Random       random;
  CvnDocument *doc;
  guint        n_schools;
  School      *schools;
  guint        n_clusters;
  guint        n_alliances;
  int         *alliance_of_cluster;
  double      *cluster_x;
  double      *cluster_y;
  gint64      *cluster_ids;
  gint64      *alliance_ids;
  gint64       board_id;
  gint64       nle_type, lle_type, sle_type, hub_type;
} Generator;

/* The @i-th distinct place name. A step coprime to the number of combinations walks all of
 * them once in a scrambled order, so neighbouring schools do not share a stem. */
static char *
place_name (guint i,
            guint step)
{
  guint n = G_N_ELEMENTS (places) * G_N_ELEMENTS (features) * G_N_ELEMENTS (prefixes);
  guint k = (guint) (((guint64) i * step) % n);
  guint place = k % G_N_ELEMENTS (places);
  guint feature = (k / G_N_ELEMENTS (places)) % G_N_ELEMENTS (features);
  guint prefix = k / (G_N_ELEMENTS (places) * G_N_ELEMENTS (features));

  if (i >= n)
    return g_strdup_printf ("%s%s%s %u", prefixes[prefix], places[place], features[feature],
                            i / n + 1);
  return g_strdup_printf ("%s%s%s", prefixes[prefix], places[place], features[feature]);
}

static guint
morton (guint x,
        guint y)
{
  guint code = 0;

  for (guint bit = 0; bit < 16; bit++)
    code |= ((x >> bit) & 1u) << (2 * bit) | ((y >> bit) & 1u) << (2 * bit + 1);
  return code;
}

static int
compare_morton (gconstpointer a,
                gconstpointer b)
{
  const guint *ka = a, *kb = b;

  /* Each entry is (code, cluster index); order by code, then index, for a total order. */
  if (ka[0] != kb[0])
    return ka[0] < kb[0] ? -1 : 1;
  return ka[1] < kb[1] ? -1 : (ka[1] > kb[1]);
}

static gint64
add_group (Generator   *gen,
           const char  *name,
           const char  *kind,
           int          tier,
           gint64       parent_id,
           const char  *phase,
           const char  *purpose,
           GError     **error)
{
  CvnGroup group;
  gint64 id;

  cvn_group_init (&group);
  g_free (group.name);
  group.name = g_strdup (name);
  g_free (group.kind);
  group.kind = g_strdup (kind);
  group.tier = tier;
  group.parent_id = parent_id;
  if (phase != NULL)
    {
      g_free (group.phase);
      group.phase = g_strdup (phase);
    }
  if (purpose != NULL)
    {
      g_free (group.purpose);
      group.purpose = g_strdup (purpose);
    }
  id = cvn_store_insert_group (gen->doc, &group, error);
  cvn_group_clear (&group);
  return id;
}

static gboolean
add_member (Generator     *gen,
            gint64         group_id,
            CvnObjectKind  kind,
            gint64         member_id,
            CvnRole        role,
            GError       **error)
{
  CvnMembership m = { 0 };

  m.group_id = group_id;
  m.member_kind = kind;
  m.member_id = member_id;
  m.role = role;
  m.from_date = (char *) "";
  m.until_date = (char *) "";
  return cvn_store_insert_membership (gen->doc, &m, error) != 0;
}

static gint64
add_designation_type (Generator   *gen,
                      const char  *code,
                      const char  *name,
                      gboolean     for_schools,
                      gboolean     system_leader,
                      GError     **error)
{
  CvnDesignationType type = { 0 };

  type.code = (char *) code;
  type.name = (char *) name;
  type.for_schools = for_schools;
  type.system_leader = system_leader;
  return cvn_store_insert_designation_type (gen->doc, &type, error);
}

static gboolean
add_designation (Generator  *gen,
                 gint64      type_id,
                 gint64      person_id,
                 gint64      establishment_id,
                 GError    **error)
{
  CvnDesignation d = { 0 };

  d.type_id = type_id;
  d.person_id = person_id;
  d.establishment_id = establishment_id;
  d.from_date = (char *) "";
  d.until_date = (char *) "";
  return cvn_store_insert_designation (gen->doc, &d, error) != 0;
}

/* Lays the clusters on a jittered grid over the square and groups them into alliances of
 * five along a Z-order curve, which keeps each alliance's clusters next to each other. */
static void
place_clusters (Generator *gen,
                double     side,
                double     origin_e,
                double     origin_n)
{
  guint columns = (guint) ceil (sqrt (gen->n_clusters));
  double cell = side / columns;
  g_autofree guint *order = g_new (guint, 2 * gen->n_clusters);

  for (guint c = 0; c < gen->n_clusters; c++)
    {
      guint gx = c % columns, gy = c / columns;

      gen->cluster_x[c] = origin_e + (gx + 0.5 + 0.5 * (random_double (&gen->random) - 0.5)) * cell;
      gen->cluster_y[c] = origin_n + (gy + 0.5 + 0.5 * (random_double (&gen->random) - 0.5)) * cell;
      order[2 * c] = morton (gx, gy);
      order[2 * c + 1] = c;
    }
  qsort (order, gen->n_clusters, 2 * sizeof (guint), compare_morton);
  gen->n_alliances = MAX (1, (gen->n_clusters + 2) / 5);
  for (guint k = 0; k < gen->n_clusters; k++)
    gen->alliance_of_cluster[order[2 * k + 1]] = MIN (k / 5, gen->n_alliances - 1);
}

static Phase
pick_phase (Random *r)
{
  double p = random_double (r);

  if (p < 0.76)
    return PHASE_PRIMARY;
  if (p < 0.90)
    return PHASE_SECONDARY;
  if (p < 0.94)
    return PHASE_SPECIAL;
  if (p < 0.97)
    return PHASE_NURSERY;
  return PHASE_ALL_THROUGH;
}

static const char *
school_suffix (Phase phase,
               int   church)
{
  switch (phase)
    {
    case PHASE_PRIMARY:
      return church == 1 ? " CE Primary School" : church == 2 ? " Catholic Primary School"
                                                              : " Primary School";
    case PHASE_SECONDARY:
      return church == 1 ? " CE Academy" : church == 2 ? " Catholic High School" : " High School";
    case PHASE_SPECIAL:
      return " Special School";
    case PHASE_NURSERY:
      return " Nursery School";
    case PHASE_ALL_THROUGH:
    default:
      return " All-through Academy";
    }
}

static const char *
school_type (Phase   phase,
             int     church,
             Random *r)
{
  if (church == 1)
    return random_double (r) < 0.5 ? "Voluntary controlled school" : "Voluntary aided school";
  if (church == 2)
    return "Voluntary aided school";
  switch (phase)
    {
    case PHASE_SPECIAL:
      return "Community special school";
    case PHASE_NURSERY:
      return "Local authority nursery school";
    case PHASE_ALL_THROUGH:
      return "Academy converter";
    case PHASE_PRIMARY:
    case PHASE_SECONDARY:
    default:
      return random_double (r) < 0.4 ? "Academy converter" : "Community school";
    }
}

static int
pupils_for (Phase   phase,
            Random *r)
{
  switch (phase)
    {
    case PHASE_PRIMARY:
      return 120 + (int) random_below (r, 500);
    case PHASE_SECONDARY:
      return 600 + (int) random_below (r, 1200);
    case PHASE_SPECIAL:
      return 40 + (int) random_below (r, 160);
    case PHASE_NURSERY:
      return 40 + (int) random_below (r, 80);
    case PHASE_ALL_THROUGH:
    default:
      return 900 + (int) random_below (r, 1100);
    }
}

static gboolean
write_schools (Generator *gen,
               double     side,
               GError   **error)
{
  static const char * const grades[] = {
    "Outstanding", "Good", "Good", "Good", "Good", "Requires improvement", "Inadequate",
  };
  guint n = gen->n_schools;
  double sigma = side / ceil (sqrt (gen->n_clusters)) * 0.26;

  for (guint i = 0; i < n; i++)
    {
      School *s = &gen->schools[i];
      CvnEstablishment e;
      CvnPerson head = { 0 };
      g_autofree char *stem = place_name (i, 7919);
      g_autofree char *head_name = NULL;
      g_autofree char *email = NULL;
      double church = random_double (&gen->random);
      double risk = random_double (&gen->random);

      /* Cluster boundaries wobble around the even split, so cluster sizes vary from about
       * four to ten schools; about one school in fifty has opted out of its cluster. */
      s->cluster = (int) MIN ((guint64) i * gen->n_clusters / n, gen->n_clusters - 1);
      s->phase = pick_phase (&gen->random);
      s->church = church < 0.18 ? 1 : church < 0.26 ? 2 : 0;
      if (s->phase == PHASE_SPECIAL || s->phase == PHASE_NURSERY)
        s->church = 0;
      s->easting = gen->cluster_x[s->cluster] + sigma * random_normal (&gen->random);
      s->northing = gen->cluster_y[s->cluster] + sigma * random_normal (&gen->random);

      cvn_establishment_init (&e);
      e.urn = 100000 + i;
      g_free (e.name);
      e.name = g_strconcat (stem, school_suffix (s->phase, s->church), NULL);
      g_free (e.phase);
      e.phase = g_strdup (phase_names[s->phase]);
      g_free (e.type);
      e.type = g_strdup (school_type (s->phase, s->church, &gen->random));
      g_free (e.local_authority);
      e.local_authority = g_strdup ("Synthetic Borough");
      if (s->church != 0)
        {
          g_free (e.religious_character);
          e.religious_character = g_strdup (s->church == 1 ? "Church of England"
                                                           : "Roman Catholic");
        }
      e.has_location = random_double (&gen->random) >= 0.01;
      e.easting = round (CLAMP (s->easting, 0, 700000));
      e.northing = round (CLAMP (s->northing, 0, 1300000));
      g_free (e.inspection_grade);
      e.inspection_grade = g_strdup (grades[random_below (&gen->random, G_N_ELEMENTS (grades))]);
      e.pupils = pupils_for (s->phase, &gen->random);
      g_free (e.risk_category);
      e.risk_category = g_strdup (risk < 0.05 ? "high" : risk < 0.15 ? "medium" : "");
      if (random_double (&gen->random) < 0.02)
        {
          s->cluster = -1;
          g_free (e.opted_out_reason);
          e.opted_out_reason = g_strdup ("Works within its trust's own network");
        }
      s->id = cvn_store_insert_establishment (gen->doc, &e, error);
      cvn_establishment_clear (&e);
      if (s->id == 0)
        return FALSE;

      head_name = g_strdup_printf ("%s %s",
                                   first_names[random_below (&gen->random,
                                                             G_N_ELEMENTS (first_names))],
                                   last_names[random_below (&gen->random,
                                                            G_N_ELEMENTS (last_names))]);
      email = g_strdup_printf ("head%u@schools.example.org.uk", 100000 + i);
      head.name = head_name;
      head.job_title = (char *) "Headteacher";
      head.email = email;
      head.phone = (char *) "";
      head.colour = (char *) "";
      head.establishment_id = s->id;
      s->head_id = cvn_store_insert_person (gen->doc, &head, error);
      if (s->head_id == 0)
        return FALSE;

      /* About one head in fifty is a national leader and one in twenty-five a local one. */
      {
        double d = random_double (&gen->random);

        if (d < 0.02 && !add_designation (gen, gen->nle_type, s->head_id, 0, error))
          return FALSE;
        if (d >= 0.02 && d < 0.06 && !add_designation (gen, gen->lle_type, s->head_id, 0, error))
          return FALSE;
        if (d >= 0.06 && d < 0.10 && !add_designation (gen, gen->sle_type, s->head_id, 0, error))
          return FALSE;
      }
      if (i % 200 == 17 && s->phase != PHASE_NURSERY &&
          !add_designation (gen, gen->hub_type, 0, s->id, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_tiers (Generator *gen,
             GError   **error)
{
  guint lead_seen = G_MAXUINT;

  gen->board_id = add_group (gen, "Strategic Partnership Board", "board", 3, 0, NULL,
                             "Sets the priorities of the local school-improvement system",
                             error);
  if (gen->board_id == 0)
    return FALSE;

  for (guint a = 0; a < gen->n_alliances; a++)
    {
      g_autofree char *stem = place_name (a, 4409);
      g_autofree char *name = g_strdup_printf ("%s Alliance", stem);

      gen->alliance_ids[a] = add_group (gen, name, "alliance", 2, gen->board_id, NULL, NULL,
                                        error);
      if (gen->alliance_ids[a] == 0)
        return FALSE;
    }
  for (guint c = 0; c < gen->n_clusters; c++)
    {
      g_autofree char *stem = place_name (c, 3191);
      g_autofree char *name = g_strdup_printf ("%s Cluster", stem);

      gen->cluster_ids[c] = add_group (gen, name, "cluster", 1,
                                       gen->alliance_ids[gen->alliance_of_cluster[c]], NULL,
                                       NULL, error);
      if (gen->cluster_ids[c] == 0)
        return FALSE;
    }
  for (guint i = 0; i < gen->n_schools; i++)
    {
      School *s = &gen->schools[i];
      CvnRole role = CVN_ROLE_MEMBER;

      if (s->cluster < 0)
        continue;
      /* The first school of each cluster is the one whose head leads it. */
      if ((guint) s->cluster != lead_seen)
        {
          role = CVN_ROLE_LEAD_HEAD;
          lead_seen = (guint) s->cluster;
        }
      if (!add_member (gen, gen->cluster_ids[s->cluster], CVN_OBJECT_ESTABLISHMENT, s->id, role,
                       error))
        return FALSE;
    }
  return TRUE;
}

/* The board's 25 heads, five sub-groups of six to eight heads co-chaired by two or three of
 * them, and the primary and secondary heads' committees with one representative per
 * alliance (secondary: per two alliances). */
static gboolean
write_board (Generator *gen,
             GError   **error)
{
  guint n = gen->n_schools;
  guint board_size = MIN (25u, n);
  g_autofree gint64 *primary_rep = g_new0 (gint64, gen->n_alliances);
  g_autofree gint64 *secondary_rep = g_new0 (gint64, gen->n_alliances);
  gint64 tpc, tsa;

  for (guint k = 0; k < board_size; k++)
    {
      School *s = &gen->schools[(guint) (((guint64) k * n) / board_size)];

      if (!add_member (gen, gen->board_id, CVN_OBJECT_PERSON, s->head_id,
                       k == 0 ? CVN_ROLE_CHAIR : CVN_ROLE_MEMBER, error))
        return FALSE;
    }
  for (guint g = 0; g < G_N_ELEMENTS (sub_group_names); g++)
    {
      gint64 id = add_group (gen, sub_group_names[g], "sub-group", 3, gen->board_id, NULL, NULL,
                             error);
      guint size = 6 + random_below (&gen->random, 3);
      guint chairs = 2 + random_below (&gen->random, 2);

      if (id == 0)
        return FALSE;
      size = MIN (size, n);
      for (guint k = 0; k < size; k++)
        {
          School *s = &gen->schools[random_below (&gen->random, n)];

          if (!add_member (gen, id, CVN_OBJECT_PERSON, s->head_id,
                           k < chairs ? CVN_ROLE_CO_CHAIR : CVN_ROLE_MEMBER, error))
            return FALSE;
        }
    }

  for (guint i = 0; i < n; i++)
    {
      School *s = &gen->schools[i];
      int a;

      if (s->cluster < 0)
        continue;
      a = gen->alliance_of_cluster[s->cluster];
      if (s->phase == PHASE_PRIMARY && primary_rep[a] == 0)
        primary_rep[a] = s->head_id;
      if (s->phase == PHASE_SECONDARY && secondary_rep[a] == 0 && a % 2 == 0)
        secondary_rep[a] = s->head_id;
    }
  tpc = add_group (gen, "Primary Heads Consortium", "committee", 0, 0, "primary",
                   "Represents every primary partnership", error);
  tsa = add_group (gen, "Secondary Heads Association", "committee", 0, 0, "secondary",
                   "Represents the secondary schools", error);
  if (tpc == 0 || tsa == 0)
    return FALSE;
  for (guint a = 0; a < gen->n_alliances; a++)
    {
      if (primary_rep[a] != 0 &&
          !add_member (gen, tpc, CVN_OBJECT_PERSON, primary_rep[a],
                       a == 0 ? CVN_ROLE_CHAIR : CVN_ROLE_REPRESENTATIVE, error))
        return FALSE;
      if (secondary_rep[a] != 0 &&
          !add_member (gen, tsa, CVN_OBJECT_PERSON, secondary_rep[a],
                       a == 0 ? CVN_ROLE_CHAIR : CVN_ROLE_REPRESENTATIVE, error))
        return FALSE;
    }
  return TRUE;
}

/* Cross-cutting groups cover regions of consecutive alliances: a diocesan group per
 * denomination per twelve alliances, a maths hub per four, an inclusion partnership per
 * three. Their members are a share of the region's schools, from many clusters. */
static gboolean
write_cross_cutting (Generator *gen,
                     GError   **error)
{
  typedef struct
  {
    const char *kind;
    const char *prefix;          /* the group's name is prefix + a place + suffix */
    const char *suffix;
    guint       alliances_per_region;
    int         church;          /* members must have this religious character; 0: any */
    double      share;
  } Kind;
  static const Kind kinds[] = {
    { "diocesan group", "Diocese of ", " Church of England Schools", 12, 1, 0.40 },
    { "diocesan group", "Diocese of ", " Catholic Schools", 12, 2, 0.40 },
    { "hub", "", " Maths Hub", 4, 0, 0.035 },
    { "inclusion group", "", " Inclusion Partnership", 3, 0, 0.03 },
  };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      guint per = kinds[k].alliances_per_region;
      guint n_regions = MAX (1, (gen->n_alliances + per / 2) / per);
      g_autofree gint64 *ids = g_new0 (gint64, n_regions);
      g_autofree guint *sizes = g_new0 (guint, n_regions);

      for (guint r = 0; r < n_regions; r++)
        {
          g_autofree char *stem = place_name (r * 7 + k, 2003);
          g_autofree char *name = g_strconcat (kinds[k].prefix, stem, kinds[k].suffix, NULL);

          ids[r] = add_group (gen, name, kinds[k].kind, 0, 0, NULL, NULL, error);
          if (ids[r] == 0)
            return FALSE;
        }
      for (guint i = 0; i < gen->n_schools; i++)
        {
          School *s = &gen->schools[i];
          guint region;
          gboolean join;

          if (s->cluster < 0)
            continue;
          region = MIN ((guint) gen->alliance_of_cluster[s->cluster] / per, n_regions - 1);
          if (kinds[k].church != 0)
            join = s->church == kinds[k].church && random_double (&gen->random) < kinds[k].share;
          else if (g_str_equal (kinds[k].kind, "inclusion group"))
            join = s->phase == PHASE_SPECIAL || random_double (&gen->random) < kinds[k].share;
          else
            join = random_double (&gen->random) < kinds[k].share;
          /* Every group keeps at least one member, even in a tiny document. */
          if (!join && sizes[region] == 0 && i + 1 == gen->n_schools)
            join = TRUE;
          if (!join)
            continue;
          if (!add_member (gen, ids[region], CVN_OBJECT_ESTABLISHMENT, s->id,
                           sizes[region] == 0 ? CVN_ROLE_LEAD_HEAD : CVN_ROLE_MEMBER, error))
            return FALSE;
          sizes[region]++;
        }
    }
  return TRUE;
}

gboolean
cvn_generate_build (CvnDocument *doc,
                    guint        n_schools,
                    guint64      seed,
                    GError     **error)
{
  Generator gen = { 0 };
  double side, origin_e, origin_n;
  gboolean ok = FALSE;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (n_schools > 0, FALSE);

  gen.random.state = seed ^ G_GUINT64_CONSTANT (0x436f6e76656e6f72);
  gen.doc = doc;
  gen.n_schools = n_schools;
  gen.n_clusters = MAX (1, (n_schools + 3) / 7);
  gen.schools = g_new0 (School, n_schools);
  gen.alliance_of_cluster = g_new0 (int, gen.n_clusters);
  gen.cluster_x = g_new0 (double, gen.n_clusters);
  gen.cluster_y = g_new0 (double, gen.n_clusters);
  gen.cluster_ids = g_new0 (gint64, gen.n_clusters);

  /* Roughly 1.8 km between neighbouring schools; centred on the Midlands and kept inside
   * the National Grid's extent however many schools there are. */
  side = sqrt (n_schools) * 1800.0;
  origin_e = MAX (0.0, 400000.0 - side / 2);
  origin_n = MAX (0.0, 300000.0 - side / 2);
  place_clusters (&gen, side, origin_e, origin_n);
  gen.alliance_ids = g_new0 (gint64, gen.n_alliances);

  if (!cvn_document_begin_edit (doc, _("Generate a synthetic partnership"), error))
    goto out;
  gen.nle_type = add_designation_type (&gen, "NLE", "National leader of education", FALSE, TRUE,
                                       error);
  gen.lle_type = gen.nle_type == 0 ? 0 :
                 add_designation_type (&gen, "LLE", "Local leader of education", FALSE, TRUE,
                                       error);
  gen.sle_type = gen.lle_type == 0 ? 0 :
                 add_designation_type (&gen, "SLE", "Specialist leader of education", FALSE,
                                       FALSE, error);
  gen.hub_type = gen.sle_type == 0 ? 0 :
                 add_designation_type (&gen, "TSH", "Teaching school hub", TRUE, TRUE, error);
  if (gen.hub_type == 0 ||
      !write_schools (&gen, side, error) ||
      !write_tiers (&gen, error) ||
      !write_board (&gen, error) ||
      !write_cross_cutting (&gen, error))
    {
      cvn_document_rollback_edit (doc);
      goto out;
    }
  ok = cvn_document_commit_edit (doc, error);

out:
  g_free (gen.schools);
  g_free (gen.alliance_of_cluster);
  g_free (gen.cluster_x);
  g_free (gen.cluster_y);
  g_free (gen.cluster_ids);
  g_free (gen.alliance_ids);
  return ok;
}

CvnDocument *
cvn_generate_create (const char *path,
                     guint       n_schools,
                     guint64     seed,
                     GError    **error)
{
  g_autoptr (CvnDocument) doc = cvn_document_create (path, error);

  if (doc == NULL || !cvn_generate_build (doc, n_schools, seed, error))
    return NULL;
  return g_steal_pointer (&doc);
}
