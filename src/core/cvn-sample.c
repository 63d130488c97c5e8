/* cvn-sample.c — Kingsmere, the fictional sample borough, built by code.
 *
 * The sample is the first document a new user opens, and the one the tests, screenshots and
 * help pages lean on, so it has to look like a real English local authority: about a hundred
 * schools of every phase in one 20 km square, clusters and learning communities (tier 1) inside
 * three district alliances (tier 2) under a strategic partnership board with sub-groups
 * (tier 3), overlapping diocesan, hub, inclusion, trust and federation groups, two heads'
 * committees, system leaders with current and lapsed designations, a directory of strengths
 * and needs, and brokered support for the schools the authority worries about.
 *
 * Names, people, URNs (from 900001, which no real school has), postcodes (the unused "KM"
 * area) and telephone numbers (Ofcom's drama range) are all invented. Everything random comes
 * from a GRand with a fixed seed and nothing reads the clock, so the same code always writes
 * the same document; dates are written as seen from CVN_SAMPLE_TODAY.
 *
 * The borough has four deliberate gaps that the structure checks must find. Each is named in
 * cvn-sample.h and marked GAP below:
 *   1. CVN_SAMPLE_UNCOVERED_SCHOOL, a free school opened in 2024, is open but in no tier-1
 *      group (it is in the maths hub, which is not a cluster).
 *   2. CVN_SAMPLE_UNPARENTED_CLUSTER, formed in 2025 from part of the Parkside Cluster, has not
 *      yet been placed in any district alliance.
 *   3. CVN_SAMPLE_UNREPRESENTED_CLUSTER has had nobody on the Primary Heads Committee since its
 *      representative stood down in July 2025, while every other cluster sends a head.
 *   4. CVN_SAMPLE_UNSUPPORTED_SCHOOL has a risk category but no active support engagement:
 *      its only support ended in 2025.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-sample"

#include "config.h"

#include "cvn-sample.h"
#include "cvn-store.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

/* Changing the seed, or the order in which the code draws numbers, changes the sample. */
#define SAMPLE_SEED 2019
#define FIRST_URN 900001
#define LOCAL_AUTHORITY "Kingsmere"
#define EMAIL_DOMAIN "kingsmere.example"

/* The borough is the 20 km grid square with this south-west corner. */
#define SQUARE_EASTING 430000
#define SQUARE_NORTHING 390000
#define SQUARE_SIZE 20000
/* Schools of a cluster lie within this many metres of the cluster's centre. */
#define CLUSTER_RADIUS 1400

/* When the partnership in its present form began. */
#define PARTNERSHIP_START "2019-09-01"
/* Peer and quality-assurance reviews fall between these dates, so some are over a year old. */
#define EARLIEST_REVIEW "2024-01-08"
#define LATEST_REVIEW "2026-11-20"

#define COFE_CHARACTER "Church of England"
#define COFE_DIOCESE "Diocese of Kingsmere"
#define CATHOLIC_CHARACTER "Roman Catholic"
#define CATHOLIC_DIOCESE "Diocese of Aldenham"

#define TYPE_COMMUNITY "Community school"
#define TYPE_VOLUNTARY_AIDED "Voluntary aided school"
#define TYPE_VOLUNTARY_CONTROLLED "Voluntary controlled school"
#define TYPE_FOUNDATION "Foundation school"
#define TYPE_ACADEMY_CONVERTER "Academy converter"
#define TYPE_ACADEMY_SPONSOR_LED "Academy sponsor led"
#define TYPE_FREE_SCHOOL "Free schools"
#define TYPE_NURSERY "Local authority nursery school"
#define TYPE_COMMUNITY_SPECIAL "Community special school"
#define TYPE_ACADEMY_SPECIAL "Academy special converter"
#define TYPE_PUPIL_REFERRAL_UNIT "Pupil referral unit"
#define TYPE_ACADEMY_AP "Academy alternative provision sponsor led"

#define PHASE_NURSERY "nursery"
#define PHASE_PRIMARY "primary"
#define PHASE_SECONDARY "secondary"
#define PHASE_ALL_THROUGH "all-through"
#define PHASE_SPECIAL "special"
#define PHASE_AP "alternative provision"

/* Expertise areas, in the order the directory lists them. */
typedef enum
{
  AREA_READING,
  AREA_PHONICS,
  AREA_EARLY_YEARS,
  AREA_MATHS,
  AREA_SEND,
  AREA_ATTENDANCE,
  AREA_BEHAVIOUR,
  AREA_CURRICULUM,
  AREA_ASSESSMENT,
  AREA_LEADERSHIP,
  AREA_GOVERNANCE,
  AREA_HR,
  AREA_FINANCE,
  AREA_SITE,
  AREA_PASTORAL,
  AREA_FAMILY,
  AREA_MENTAL_HEALTH,
  AREA_DISADVANTAGED,
  AREA_LOOKED_AFTER,
  AREA_ITT,
  AREA_ECT,
  N_AREAS
} Area;

/* Which phases an expertise area makes sense for, so a nursery is not offered as a source of
 * expertise in initial teacher training. */
enum
{
  SUITS_NURSERY = 1 << 0,
  SUITS_PRIMARY = 1 << 1,
  SUITS_SECONDARY = 1 << 2,
  SUITS_SPECIAL = 1 << 3,
  SUITS_AP = 1 << 4,
};
#define SUITS_SCHOOLS (SUITS_PRIMARY | SUITS_SECONDARY | SUITS_SPECIAL | SUITS_AP)
#define SUITS_ALL (SUITS_NURSERY | SUITS_SCHOOLS)

typedef struct
{
  const char *name;
  guint       suits;
  const char *strength;      /* evidence for a strength in the area */
  const char *need;          /* what an area for development in it looks like */
} AreaSpec;

static const AreaSpec expertise_areas[N_AREAS] = {
  [AREA_READING] = { "reading", SUITS_SCHOOLS,
    "Reading at the expected standard well above national for three years; a whole-school "
    "reading spine and daily story time.",
    "Reading attainment at the end of the key stage below national for two years." },
  [AREA_PHONICS] = { "phonics", SUITS_NURSERY | SUITS_PRIMARY | SUITS_SPECIAL,
    "Validated phonics programme taught with fidelity; phonics screening check above 90%.",
    "Phonics screening check below national; the programme is not taught consistently." },
  [AREA_EARLY_YEARS] = { "early years", SUITS_NURSERY | SUITS_PRIMARY,
    "Good level of development consistently above national; hosts visits for other settings.",
    "Good level of development below national; provision for two-year-olds is new." },
  [AREA_MATHS] = { "maths", SUITS_PRIMARY | SUITS_SECONDARY | SUITS_SPECIAL,
    "Teaching for mastery embedded across the school; staff lead maths hub work groups.",
    "Attainment and progress in maths below national; gaps in fluency." },
  [AREA_SEND] = { "SEND", SUITS_ALL,
    "Strong graduated approach; the SENCO trains and supervises SENCOs in other schools.",
    "Special educational needs identified late; support plans not reviewed." },
  [AREA_ATTENDANCE] = { "attendance", SUITS_ALL,
    "Persistent absence well below national through early help and first-day calling.",
    "Persistent absence above national and rising." },
  [AREA_BEHAVIOUR] = { "behaviour and inclusion", SUITS_SCHOOLS,
    "Relational behaviour policy; suspensions far below the borough average.",
    "Suspensions above the borough average; behaviour policy applied inconsistently." },
  [AREA_CURRICULUM] = { "curriculum design", SUITS_SCHOOLS,
    "Ambitious, well-sequenced curriculum in every subject, praised at inspection.",
    "Foundation subjects not yet sequenced; subject leaders new to their role." },
  [AREA_ASSESSMENT] = { "assessment and moderation",
    SUITS_PRIMARY | SUITS_SECONDARY | SUITS_SPECIAL,
    "Staff are local authority moderators at key stages 1 and 2.",
    "Teacher assessment not accurate at moderation." },
  [AREA_LEADERSHIP] = { "leadership development", SUITS_ALL,
    "Runs the borough's middle-leadership programme; several leaders promoted to headship.",
    "Senior team new in post; monitoring of teaching not yet effective." },
  [AREA_GOVERNANCE] = { "governance", SUITS_ALL,
    "Governors hold leaders to account well; the chair mentors new chairs.",
    "Governors do not yet challenge leaders on outcomes." },
  [AREA_HR] = { "HR", SUITS_ALL,
    "Experienced in restructures and in managing staff absence fairly.",
    "High staff turnover and long-term absence." },
  [AREA_FINANCE] = { "finance and business", SUITS_ALL,
    "Balanced budget with sound forecasting; the business manager supports other schools.",
    "Deficit budget forecast for the next three years." },
  [AREA_SITE] = { "site management", SUITS_ALL,
    "Planned maintenance programme and strong health and safety practice.",
    "Condition of the buildings and health and safety records need attention." },
  [AREA_PASTORAL] = { "pastoral care", SUITS_SCHOOLS,
    "Strong pastoral team and a well-used nurture provision.",
    "Pastoral support stretched; no nurture provision." },
  [AREA_FAMILY] = { "family and parental engagement", SUITS_ALL,
    "High parental engagement through family learning and a parent forum.",
    "Few parents attend consultations; families hard to reach." },
  [AREA_MENTAL_HEALTH] = { "mental health and wellbeing", SUITS_ALL,
    "Trained senior mental health lead and a whole-school approach to wellbeing.",
    "Rising anxiety among pupils; staff not trained to respond." },
  [AREA_DISADVANTAGED] = { "disadvantaged pupils", SUITS_SCHOOLS,
    "Disadvantaged pupils attain in line with others nationally; pupil premium strategy "
    "shared as a model.",
    "Wide gap between disadvantaged pupils and their peers." },
  [AREA_LOOKED_AFTER] = { "looked-after children", SUITS_SCHOOLS,
    "Designated teacher works closely with the virtual school; strong personal education plans.",
    "Personal education plans late and of variable quality." },
  [AREA_ITT] = { "initial teacher training", SUITS_PRIMARY | SUITS_SECONDARY | SUITS_SPECIAL,
    "Lead partner for school-based initial teacher training with strong trainee outcomes.",
    "Few trainee placements; new teachers hard to recruit." },
  [AREA_ECT] = { "early-career and CPD", SUITS_ALL,
    "Delivers the early career framework and a CPD offer used by other schools.",
    "Early career teachers not well supported; professional development not planned." },
};

typedef enum
{
  DESIGNATION_NLE,
  DESIGNATION_LLE,
  DESIGNATION_NLG,
  DESIGNATION_SLE,
  DESIGNATION_TEACHING_SCHOOL,
  DESIGNATION_TEACHING_SCHOOL_HUB,
  DESIGNATION_MATHS_HUB,
  DESIGNATION_ENGLISH_HUB,
  DESIGNATION_RESEARCH_SCHOOL,
  DESIGNATION_CONSULTANT_HEAD,
  DESIGNATION_ASSOCIATE_HEAD,
  DESIGNATION_IMPROVEMENT_PARTNER,
  DESIGNATION_OFSTED_INSPECTOR,
  DESIGNATION_EXECUTIVE_HEAD,
  N_DESIGNATION_TYPES
} Designation;

typedef struct
{
  const char *code;
  const char *name;
  gboolean    for_schools;
  gboolean    system_leader;
} DesignationTypeSpec;

/* The editable list of designations a document starts with. */
static const DesignationTypeSpec designation_types[N_DESIGNATION_TYPES] = {
  [DESIGNATION_NLE] = { "NLE", "National Leader of Education", FALSE, TRUE },
  [DESIGNATION_LLE] = { "LLE", "Local Leader of Education", FALSE, TRUE },
  [DESIGNATION_NLG] = { "NLG", "National Leader of Governance", FALSE, TRUE },
  [DESIGNATION_SLE] = { "SLE", "Specialist Leader of Education", FALSE, FALSE },
  [DESIGNATION_TEACHING_SCHOOL] = { "TS", "Teaching school", TRUE, FALSE },
  [DESIGNATION_TEACHING_SCHOOL_HUB] = { "TSH", "Teaching school hub", TRUE, FALSE },
  [DESIGNATION_MATHS_HUB] = { "MH", "Maths hub", TRUE, FALSE },
  [DESIGNATION_ENGLISH_HUB] = { "EH", "English hub", TRUE, FALSE },
  [DESIGNATION_RESEARCH_SCHOOL] = { "RS", "Research school", TRUE, FALSE },
  [DESIGNATION_CONSULTANT_HEAD] = { "CH", "Consultant head", FALSE, TRUE },
  [DESIGNATION_ASSOCIATE_HEAD] = { "AH", "Associate head", FALSE, TRUE },
  [DESIGNATION_IMPROVEMENT_PARTNER] = { "IP", "Improvement partner", FALSE, FALSE },
  [DESIGNATION_OFSTED_INSPECTOR] = { "OI", "Ofsted inspector", FALSE, FALSE },
  [DESIGNATION_EXECUTIVE_HEAD] = { "EXH", "Executive head", FALSE, TRUE },
};

static const char * const first_names[] = {
  "Abigail", "Adam", "Aisha", "Alison", "Amanda", "Andrew", "Angela", "Anthony", "Ben", "Carl",
  "Caroline", "Catherine", "Claire", "Colin", "Daniel", "David", "Deborah", "Donna", "Emma",
  "Fiona", "Gareth", "Gemma", "Graham", "Hannah", "Helen", "Imran", "Jacqueline", "James",
  "Jane", "Jason", "Jennifer", "Joanne", "Jonathan", "Julie", "Karen", "Kate", "Kirsty", "Lisa",
  "Louise", "Mark", "Martin", "Matthew", "Michelle", "Mohammed", "Natalie", "Neil", "Nicola",
  "Paul", "Priya", "Rachel", "Rebecca", "Richard", "Sarah", "Sharon", "Simon", "Sophie",
  "Stephen", "Stuart", "Tariq", "Victoria", "Yasmin", "Zoe",
};

static const char * const surnames[] = {
  "Ahmed", "Ainsworth", "Akhtar", "Armitage", "Ashton", "Barker", "Barnes", "Bennett", "Booth",
  "Bradshaw", "Brennan", "Brooks", "Butterworth", "Chadwick", "Clarke", "Coleman", "Cooper",
  "Crossley", "Dawson", "Dixon", "Doherty", "Duckworth", "Ellis", "Fairclough", "Fletcher",
  "Foster", "Gallagher", "Gibson", "Greenwood", "Haigh", "Hargreaves", "Harrison", "Hussain",
  "Jackson", "Kaur", "Kelly", "Kershaw", "Lawson", "Lees", "Lord", "Marsden", "McCarthy",
  "Mellor", "Mistry", "Moss", "Nolan", "O'Connor", "Ogden", "Parkinson", "Patel", "Pickering",
  "Quinn", "Rahman", "Riley", "Robinson", "Schofield", "Shaw", "Singh", "Stott", "Sutcliffe",
  "Taylor", "Thornton", "Walsh", "Whitehead", "Whittaker", "Wilkinson", "Wood", "Wright",
  "Yates",
};

/* Letters that real inward postcodes use. */
static const char postcode_letters[] = "ABDEFGHJLNPQRSTUWXYZ";

typedef enum
{
  ALLIANCE_NORTH,
  ALLIANCE_CENTRAL,
  ALLIANCE_SOUTH,
  N_ALLIANCES,
  NO_ALLIANCE = -1
} Alliance;

typedef struct
{
  const char *name;
  const char *colour;
  const char *chair_school;    /* the alliance is chaired by this school's head */
} AllianceSpec;

static const AllianceSpec alliances[N_ALLIANCES] = {
  [ALLIANCE_NORTH] = { "Kingsmere North Alliance", "#1a5fb4", "Ashworth Primary School" },
  [ALLIANCE_CENTRAL] = { "Kingsmere Central Alliance", "#26a269",
                         "Market Street Primary School" },
  [ALLIANCE_SOUTH] = { "Kingsmere South and Vale Alliance", "#c64600",
                       "Thornbury Vale Academy" },
};

typedef enum
{
  CLUSTER_ASHWORTH,
  CLUSTER_BRACKENHURST,
  CLUSTER_FELLSIDE,
  CLUSTER_HARTLEY_MOOR,
  CLUSTER_NORBRIDGE,
  CLUSTER_TOWN_CENTRE,
  CLUSTER_RIVERSIDE,
  CLUSTER_MILLBROOK,
  CLUSTER_PARKSIDE,
  CLUSTER_SOUTHFIELDS,
  CLUSTER_THORNBURY_VALE,
  CLUSTER_OAKHURST,
  CLUSTER_WEXCOMBE,
  CLUSTER_EASTFIELD,
  N_CLUSTERS,
  NO_CLUSTER = -1
} Cluster;

typedef struct
{
  const char *name;
  const char *kind;
  Alliance    alliance;
  int         easting;         /* the centre its schools gather around */
  int         northing;
  const char *lead_school;     /* the head of this school is the cluster's lead head */
  const char *formed_on;
  Cluster     formerly;        /* where its schools were before it formed, or NO_CLUSTER */
} ClusterSpec;

/* The northern district calls its tier-1 groups learning communities, the others clusters. */
static const ClusterSpec clusters[N_CLUSTERS] = {
  [CLUSTER_ASHWORTH] = { "Ashworth Learning Community", "learning community", ALLIANCE_NORTH,
    433800, 407200, "Ashworth Primary School", PARTNERSHIP_START, NO_CLUSTER },
  [CLUSTER_BRACKENHURST] = { "Brackenhurst Learning Community", "learning community",
    ALLIANCE_NORTH, 438600, 407900, "Brackenhurst Junior School", PARTNERSHIP_START,
    NO_CLUSTER },
  [CLUSTER_FELLSIDE] = { "Fellside Learning Community", "learning community", ALLIANCE_NORTH,
    443300, 407400, "Fellside Primary School", PARTNERSHIP_START, NO_CLUSTER },
  /* GAP 3: see the Primary Heads Committee in add_primary_committee (). */
  [CLUSTER_HARTLEY_MOOR] = { CVN_SAMPLE_UNREPRESENTED_CLUSTER, "learning community",
    ALLIANCE_NORTH, 447200, 404300, "Hartley Moor CofE Primary School", PARTNERSHIP_START,
    NO_CLUSTER },
  [CLUSTER_NORBRIDGE] = { "Norbridge Learning Community", "learning community", ALLIANCE_NORTH,
    435500, 403600, "Kestrel Way Primary School", PARTNERSHIP_START, NO_CLUSTER },
  [CLUSTER_TOWN_CENTRE] = { "Kingsmere Town Centre Cluster", "cluster", ALLIANCE_CENTRAL,
    440300, 400800, "St Peter's CofE Primary School", PARTNERSHIP_START, NO_CLUSTER },
  [CLUSTER_RIVERSIDE] = { "Riverside Cluster", "cluster", ALLIANCE_CENTRAL,
    436800, 399600, "Riverside Primary School", PARTNERSHIP_START, NO_CLUSTER },
  [CLUSTER_MILLBROOK] = { "Millbrook Cluster", "cluster", ALLIANCE_CENTRAL,
    432600, 399000, "Millbrook High School", PARTNERSHIP_START, NO_CLUSTER },
  [CLUSTER_PARKSIDE] = { "Parkside Cluster", "cluster", ALLIANCE_CENTRAL,
    443900, 401400, "Sir Thomas Wray School", PARTNERSHIP_START, NO_CLUSTER },
  [CLUSTER_SOUTHFIELDS] = { "Southfields Cluster", "cluster", ALLIANCE_SOUTH,
    434200, 394200, "Greenway Primary School", PARTNERSHIP_START, NO_CLUSTER },
  [CLUSTER_THORNBURY_VALE] = { "Thornbury Vale Cluster", "cluster", ALLIANCE_SOUTH,
    439200, 393000, "Kingfisher Primary School", PARTNERSHIP_START, NO_CLUSTER },
  [CLUSTER_OAKHURST] = { "Oakhurst Cluster", "cluster", ALLIANCE_SOUTH,
    443800, 394700, "Oakhurst Primary School", PARTNERSHIP_START, NO_CLUSTER },
  [CLUSTER_WEXCOMBE] = { "Wexcombe Cluster", "cluster", ALLIANCE_SOUTH,
    447600, 391900, "Wexcombe High School", PARTNERSHIP_START, NO_CLUSTER },
  /* GAP 2: formed out of the Parkside Cluster in 2025 and not yet in any alliance. */
  [CLUSTER_EASTFIELD] = { CVN_SAMPLE_UNPARENTED_CLUSTER, "learning community", NO_ALLIANCE,
    447700, 398700, "Eastfield Primary School", "2025-09-01", CLUSTER_PARKSIDE },
};

typedef enum
{
  TRUST_KINGSMERE_LEARNING,
  TRUST_ST_AIDANS,
  TRUST_VALE,
  TRUST_KINGSMERE_ACADEMY,
  TRUST_HORIZON,
  N_TRUSTS,
  NO_TRUST = -1
} Trust;

typedef struct
{
  const char *name;
  gboolean    local_group;     /* a multi-academy trust whose schools form a group here */
} TrustSpec;

static const TrustSpec trusts[N_TRUSTS] = {
  [TRUST_KINGSMERE_LEARNING] = { "Kingsmere Learning Trust", TRUE },
  [TRUST_ST_AIDANS] = { "St Aidan's Catholic Academy Trust", TRUE },
  [TRUST_VALE] = { "Vale Academies Trust", TRUE },
  /* A single-academy trust, and a trust based outside the borough with one school in it: no
   * group would show anything the school's own record does not. */
  [TRUST_KINGSMERE_ACADEMY] = { "Kingsmere Academy Trust", FALSE },
  [TRUST_HORIZON] = { "Horizon Education Trust", FALSE },
};

typedef enum
{
  FAITH_NONE,
  FAITH_COFE,
  FAITH_CATHOLIC,
} Faith;

typedef struct
{
  const char *name;
  const char *phase;
  const char *type;
  Faith       faith;
  Cluster     cluster;
  Trust       trust;
} SchoolSpec;

/* Every school of the borough, by cluster. URNs follow this order. */
static const SchoolSpec schools[] = {
  { "Ashworth Primary School", PHASE_PRIMARY, TYPE_COMMUNITY, FAITH_NONE, CLUSTER_ASHWORTH,
    NO_TRUST },
  { "St Anne's CofE Primary School", PHASE_PRIMARY, TYPE_VOLUNTARY_AIDED, FAITH_COFE,
    CLUSTER_ASHWORTH, NO_TRUST },
  { "Ashworth Nursery School", PHASE_NURSERY, TYPE_NURSERY, FAITH_NONE, CLUSTER_ASHWORTH,
    NO_TRUST },
  { "Cragside Primary School", PHASE_PRIMARY, TYPE_ACADEMY_CONVERTER, FAITH_NONE,
    CLUSTER_ASHWORTH, TRUST_KINGSMERE_LEARNING },
  { "Holy Family Catholic Primary School", PHASE_PRIMARY, TYPE_ACADEMY_CONVERTER,
    FAITH_CATHOLIC, CLUSTER_ASHWORTH, TRUST_ST_AIDANS },
  { "Moorfield Academy", PHASE_SECONDARY, TYPE_ACADEMY_CONVERTER, FAITH_NONE, CLUSTER_ASHWORTH,
    TRUST_KINGSMERE_LEARNING },
  { "Westleigh Primary School", PHASE_PRIMARY, TYPE_COMMUNITY, FAITH_NONE, CLUSTER_ASHWORTH,
    NO_TRUST },

  { "Brackenhurst Infant School", PHASE_PRIMARY, TYPE_COMMUNITY, FAITH_NONE,
    CLUSTER_BRACKENHURST, NO_TRUST },
  { "Brackenhurst Junior School", PHASE_PRIMARY, TYPE_COMMUNITY, FAITH_NONE,
    CLUSTER_BRACKENHURST, NO_TRUST },
  { "St Oswald's CofE Primary School", PHASE_PRIMARY, TYPE_VOLUNTARY_CONTROLLED, FAITH_COFE,
    CLUSTER_BRACKENHURST, NO_TRUST },
  { "Larchwood Primary School", PHASE_PRIMARY, TYPE_COMMUNITY, FAITH_NONE,
    CLUSTER_BRACKENHURST, NO_TRUST },
  { "Brackenhurst High School", PHASE_SECONDARY, TYPE_FOUNDATION, FAITH_NONE,
    CLUSTER_BRACKENHURST, NO_TRUST },
  { "Heathcote Primary School", PHASE_PRIMARY, TYPE_ACADEMY_SPONSOR_LED, FAITH_NONE,
    CLUSTER_BRACKENHURST, TRUST_KINGSMERE_LEARNING },

  { "Fellside Primary School", PHASE_PRIMARY, TYPE_COMMUNITY, FAITH_NONE, CLUSTER_FELLSIDE,
    NO_TRUST },
  { "St Cuthbert's Catholic Primary School", PHASE_PRIMARY, TYPE_VOLUNTARY_AIDED,
    FAITH_CATHOLIC, CLUSTER_FELLSIDE, NO_TRUST },
  { "Fellside Community College", PHASE_SECONDARY, TYPE_COMMUNITY, FAITH_NONE,
    CLUSTER_FELLSIDE, NO_TRUST },
  { "Greenbank Primary School", PHASE_PRIMARY, TYPE_ACADEMY_CONVERTER, FAITH_NONE,
    CLUSTER_FELLSIDE, TRUST_KINGSMERE_LEARNING },
  { "Oak Tree Nursery School", PHASE_NURSERY, TYPE_NURSERY, FAITH_NONE, CLUSTER_FELLSIDE,
    NO_TRUST },
  { "Fellside Park School", PHASE_SPECIAL, TYPE_COMMUNITY_SPECIAL, FAITH_NONE,
    CLUSTER_FELLSIDE, NO_TRUST },
  { "Nettleton Primary School", PHASE_PRIMARY, TYPE_COMMUNITY, FAITH_NONE, CLUSTER_FELLSIDE,
    NO_TRUST },

  { "Hartley Moor CofE Primary School", PHASE_PRIMARY, TYPE_VOLUNTARY_CONTROLLED, FAITH_COFE,
    CLUSTER_HARTLEY_MOOR, NO_TRUST },
  { "Upper Hartley Primary School", PHASE_PRIMARY, TYPE_COMMUNITY, FAITH_NONE,
    CLUSTER_HARTLEY_MOOR, NO_TRUST },
  { "Windle Edge Primary School", PHASE_PRIMARY, TYPE_COMMUNITY, FAITH_NONE,
    CLUSTER_HARTLEY_MOOR, NO_TRUST },
  { "Thwaite Bridge CofE Primary School", PHASE_PRIMARY, TYPE_VOLUNTARY_AIDED, FAITH_COFE,
    CLUSTER_HARTLEY_MOOR, NO_TRUST },
  { "Holme Carr Primary School", PHASE_PRIMARY, TYPE_COMMUNITY, FAITH_NONE,
    CLUSTER_HARTLEY_MOOR, NO_TRUST },

  { "Norbridge Primary School", PHASE_PRIMARY, TYPE_COMMUNITY, FAITH_NONE, CLUSTER_NORBRIDGE,
    NO_TRUST },
  { "Norbridge Academy", PHASE_SECONDARY, TYPE_ACADEMY_SPONSOR_LED, FAITH_NONE,
    CLUSTER_NORBRIDGE, TRUST_VALE },
  { "St Mary's Catholic Primary School", PHASE_PRIMARY, TYPE_VOLUNTARY_AIDED, FAITH_CATHOLIC,
    CLUSTER_NORBRIDGE, NO_TRUST },
  { "Park Lane Primary School", PHASE_PRIMARY, TYPE_COMMUNITY, FAITH_NONE, CLUSTER_NORBRIDGE,
    NO_TRUST },
  { "Kestrel Way Primary School", PHASE_PRIMARY, TYPE_FOUNDATION, FAITH_NONE,
    CLUSTER_NORBRIDGE, NO_TRUST },
  { "Norbridge Nursery School", PHASE_NURSERY, TYPE_NURSERY, FAITH_NONE, CLUSTER_NORBRIDGE,
    NO_TRUST },
  { "Willowbrook Primary School", PHASE_PRIMARY, TYPE_ACADEMY_CONVERTER, FAITH_NONE,
    CLUSTER_NORBRIDGE, TRUST_VALE },

  { "Kingsmere Academy", PHASE_SECONDARY, TYPE_ACADEMY_CONVERTER, FAITH_NONE,
    CLUSTER_TOWN_CENTRE, TRUST_KINGSMERE_ACADEMY },
  { "St Peter's CofE Primary School", PHASE_PRIMARY, TYPE_VOLUNTARY_AIDED, FAITH_COFE,
    CLUSTER_TOWN_CENTRE, NO_TRUST },
  { "Market Street Primary School", PHASE_PRIMARY, TYPE_COMMUNITY, FAITH_NONE,
    CLUSTER_TOWN_CENTRE, NO_TRUST },
  { "Christ Church CofE Primary School", PHASE_PRIMARY, TYPE_VOLUNTARY_CONTROLLED, FAITH_COFE,
    CLUSTER_TOWN_CENTRE, NO_TRUST },
  { "St Joseph's Catholic Primary School", PHASE_PRIMARY, TYPE_ACADEMY_CONVERTER,
    FAITH_CATHOLIC, CLUSTER_TOWN_CENTRE, TRUST_ST_AIDANS },
  { "Kingsmere Central Nursery School", PHASE_NURSERY, TYPE_NURSERY, FAITH_NONE,
    CLUSTER_TOWN_CENTRE, NO_TRUST },
  { "Abbeygate Primary School", PHASE_PRIMARY, TYPE_COMMUNITY, FAITH_NONE, CLUSTER_TOWN_CENTRE,
    NO_TRUST },
  { "Victoria Park Primary School", PHASE_PRIMARY, TYPE_ACADEMY_CONVERTER, FAITH_NONE,
    CLUSTER_TOWN_CENTRE, TRUST_KINGSMERE_LEARNING },
  { "Hawthorn House School", PHASE_SPECIAL, TYPE_COMMUNITY_SPECIAL, FAITH_NONE,
    CLUSTER_TOWN_CENTRE, NO_TRUST },

  { "Riverside Primary School", PHASE_PRIMARY, TYPE_COMMUNITY, FAITH_NONE, CLUSTER_RIVERSIDE,
    NO_TRUST },
  { "Riverside Pupil Referral Unit", PHASE_AP, TYPE_PUPIL_REFERRAL_UNIT, FAITH_NONE,
    CLUSTER_RIVERSIDE, NO_TRUST },
  { "St Bede's Catholic High School", PHASE_SECONDARY, TYPE_ACADEMY_CONVERTER, FAITH_CATHOLIC,
    CLUSTER_RIVERSIDE, TRUST_ST_AIDANS },
  { "Ferry Lane Primary School", PHASE_PRIMARY, TYPE_COMMUNITY, FAITH_NONE, CLUSTER_RIVERSIDE,
    NO_TRUST },
  { "Quayside Infant School", PHASE_PRIMARY, TYPE_ACADEMY_CONVERTER, FAITH_NONE,
    CLUSTER_RIVERSIDE, TRUST_KINGSMERE_LEARNING },
  { "Quayside Junior School", PHASE_PRIMARY, TYPE_ACADEMY_CONVERTER, FAITH_NONE,
    CLUSTER_RIVERSIDE, TRUST_KINGSMERE_LEARNING },
  { "Wharfside Primary School", PHASE_PRIMARY, TYPE_COMMUNITY, FAITH_NONE, CLUSTER_RIVERSIDE,
    NO_TRUST },

  { "Millbrook Primary School", PHASE_PRIMARY, TYPE_COMMUNITY, FAITH_NONE, CLUSTER_MILLBROOK,
    NO_TRUST },
  { "Meadowbank Infant School", PHASE_PRIMARY, TYPE_COMMUNITY, FAITH_NONE, CLUSTER_MILLBROOK,
    NO_TRUST },
  { "Meadowbank Junior School", PHASE_PRIMARY, TYPE_COMMUNITY, FAITH_NONE, CLUSTER_MILLBROOK,
    NO_TRUST },
  { "Millbrook High School", PHASE_SECONDARY, TYPE_COMMUNITY, FAITH_NONE, CLUSTER_MILLBROOK,
    NO_TRUST },
  { "St Luke's CofE Primary School", PHASE_PRIMARY, TYPE_VOLUNTARY_AIDED, FAITH_COFE,
    CLUSTER_MILLBROOK, NO_TRUST },
  { "Lowther Road Primary School", PHASE_PRIMARY, TYPE_COMMUNITY, FAITH_NONE,
    CLUSTER_MILLBROOK, NO_TRUST },
  { "Cherry Tree School", PHASE_SPECIAL, TYPE_COMMUNITY_SPECIAL, FAITH_NONE, CLUSTER_MILLBROOK,
    NO_TRUST },
  /* Closed in 2023; its pupils moved to Millbrook Primary. See CLOSED_SCHOOL. */
  { "Old Mill Junior School", PHASE_PRIMARY, TYPE_COMMUNITY, FAITH_NONE, CLUSTER_MILLBROOK,
    NO_TRUST },

  { "Parkside Primary School", PHASE_PRIMARY, TYPE_COMMUNITY, FAITH_NONE, CLUSTER_PARKSIDE,
    NO_TRUST },
  { "Holy Trinity CofE Primary School", PHASE_PRIMARY, TYPE_VOLUNTARY_CONTROLLED, FAITH_COFE,
    CLUSTER_PARKSIDE, NO_TRUST },
  { "Sir Thomas Wray School", PHASE_SECONDARY, TYPE_ACADEMY_CONVERTER, FAITH_NONE,
    CLUSTER_PARKSIDE, TRUST_KINGSMERE_LEARNING },
  { "Elmhurst Primary School", PHASE_PRIMARY, TYPE_COMMUNITY, FAITH_NONE, CLUSTER_PARKSIDE,
    NO_TRUST },
  { "Sycamore Primary School", PHASE_PRIMARY, TYPE_COMMUNITY, FAITH_NONE, CLUSTER_PARKSIDE,
    NO_TRUST },
  { "Parkside Nursery School", PHASE_NURSERY, TYPE_NURSERY, FAITH_NONE, CLUSTER_PARKSIDE,
    NO_TRUST },

  { "Southfields Primary School", PHASE_PRIMARY, TYPE_COMMUNITY, FAITH_NONE,
    CLUSTER_SOUTHFIELDS, NO_TRUST },
  { "Southfields Academy", PHASE_SECONDARY, TYPE_ACADEMY_SPONSOR_LED, FAITH_NONE,
    CLUSTER_SOUTHFIELDS, TRUST_VALE },
  { "Our Lady of Lourdes Catholic Primary School", PHASE_PRIMARY, TYPE_VOLUNTARY_AIDED,
    FAITH_CATHOLIC, CLUSTER_SOUTHFIELDS, NO_TRUST },
  { "Greenway Primary School", PHASE_PRIMARY, TYPE_COMMUNITY, FAITH_NONE, CLUSTER_SOUTHFIELDS,
    NO_TRUST },
  { "Foxhill Primary School", PHASE_PRIMARY, TYPE_ACADEMY_CONVERTER, FAITH_NONE,
    CLUSTER_SOUTHFIELDS, TRUST_VALE },
  { "Lime Grove Primary School", PHASE_PRIMARY, TYPE_COMMUNITY, FAITH_NONE,
    CLUSTER_SOUTHFIELDS, NO_TRUST },
  { "Springfield Park School", PHASE_SPECIAL, TYPE_COMMUNITY_SPECIAL, FAITH_NONE,
    CLUSTER_SOUTHFIELDS, NO_TRUST },

  { "Thornbury Vale Academy", PHASE_ALL_THROUGH, TYPE_ACADEMY_CONVERTER, FAITH_NONE,
    CLUSTER_THORNBURY_VALE, TRUST_VALE },
  { "Thornbury CofE Primary School", PHASE_PRIMARY, TYPE_VOLUNTARY_CONTROLLED, FAITH_COFE,
    CLUSTER_THORNBURY_VALE, NO_TRUST },
  { "Vale Park School", PHASE_SPECIAL, TYPE_ACADEMY_SPECIAL, FAITH_NONE,
    CLUSTER_THORNBURY_VALE, TRUST_VALE },
  { "Hazelmere Primary School", PHASE_PRIMARY, TYPE_COMMUNITY, FAITH_NONE,
    CLUSTER_THORNBURY_VALE, NO_TRUST },
  { "Kingfisher Primary School", PHASE_PRIMARY, TYPE_COMMUNITY, FAITH_NONE,
    CLUSTER_THORNBURY_VALE, NO_TRUST },
  { "Thornbury Nursery School", PHASE_NURSERY, TYPE_NURSERY, FAITH_NONE,
    CLUSTER_THORNBURY_VALE, NO_TRUST },
  { "Dovecote Primary School", PHASE_PRIMARY, TYPE_FOUNDATION, FAITH_NONE,
    CLUSTER_THORNBURY_VALE, NO_TRUST },

  { "Oakhurst Primary School", PHASE_PRIMARY, TYPE_COMMUNITY, FAITH_NONE, CLUSTER_OAKHURST,
    NO_TRUST },
  { "Oakhurst Community College", PHASE_SECONDARY, TYPE_COMMUNITY, FAITH_NONE,
    CLUSTER_OAKHURST, NO_TRUST },
  { "St Wilfrid's Catholic Primary School", PHASE_PRIMARY, TYPE_VOLUNTARY_AIDED,
    FAITH_CATHOLIC, CLUSTER_OAKHURST, NO_TRUST },
  { "Beechwood Primary School", PHASE_PRIMARY, TYPE_COMMUNITY, FAITH_NONE, CLUSTER_OAKHURST,
    NO_TRUST },
  { "Ridgeway Infant School", PHASE_PRIMARY, TYPE_COMMUNITY, FAITH_NONE, CLUSTER_OAKHURST,
    NO_TRUST },
  { "Ridgeway Junior School", PHASE_PRIMARY, TYPE_COMMUNITY, FAITH_NONE, CLUSTER_OAKHURST,
    NO_TRUST },
  { "St Chad's CofE Primary School", PHASE_PRIMARY, TYPE_VOLUNTARY_AIDED, FAITH_COFE,
    CLUSTER_OAKHURST, NO_TRUST },

  { "Wexcombe Primary School", PHASE_PRIMARY, TYPE_COMMUNITY, FAITH_NONE, CLUSTER_WEXCOMBE,
    NO_TRUST },
  { "Wexcombe St Michael's CofE Primary School", PHASE_PRIMARY, TYPE_VOLUNTARY_CONTROLLED,
    FAITH_COFE, CLUSTER_WEXCOMBE, NO_TRUST },
  { "Wexcombe High School", PHASE_SECONDARY, TYPE_FOUNDATION, FAITH_NONE, CLUSTER_WEXCOMBE,
    NO_TRUST },
  { CVN_SAMPLE_UNSUPPORTED_SCHOOL, PHASE_PRIMARY, TYPE_COMMUNITY, FAITH_NONE, CLUSTER_WEXCOMBE,
    NO_TRUST },
  { "Castle Hill Primary School", PHASE_PRIMARY, TYPE_ACADEMY_CONVERTER, FAITH_NONE,
    CLUSTER_WEXCOMBE, TRUST_VALE },
  { "Southgate Learning Centre", PHASE_AP, TYPE_ACADEMY_AP, FAITH_NONE, CLUSTER_WEXCOMBE,
    TRUST_VALE },

  { "Eastfield Primary School", PHASE_PRIMARY, TYPE_COMMUNITY, FAITH_NONE, CLUSTER_EASTFIELD,
    NO_TRUST },
  { "St Francis Catholic Primary School", PHASE_PRIMARY, TYPE_ACADEMY_CONVERTER,
    FAITH_CATHOLIC, CLUSTER_EASTFIELD, TRUST_ST_AIDANS },
  { "Eastfield Academy", PHASE_SECONDARY, TYPE_ACADEMY_SPONSOR_LED, FAITH_NONE,
    CLUSTER_EASTFIELD, TRUST_KINGSMERE_LEARNING },
  { "Coppice Primary School", PHASE_PRIMARY, TYPE_COMMUNITY, FAITH_NONE, CLUSTER_EASTFIELD,
    NO_TRUST },
  { "Linden Road Primary School", PHASE_PRIMARY, TYPE_COMMUNITY, FAITH_NONE,
    CLUSTER_EASTFIELD, NO_TRUST },

  /* GAP 1: opened in 2024 and has joined no cluster. */
  { CVN_SAMPLE_UNCOVERED_SCHOOL, PHASE_PRIMARY, TYPE_FREE_SCHOOL, FAITH_NONE, NO_CLUSTER,
    TRUST_HORIZON },
};

#define N_SCHOOLS G_N_ELEMENTS (schools)

/* Schools that also belong to a second cluster. */
typedef struct
{
  const char *school;
  Cluster     cluster;
} SecondClusterSpec;

static const SecondClusterSpec second_clusters[] = {
  /* The rural secondary takes pupils from the Hartley Moor villages as well as from Fellside,
   * so it belongs to both learning communities. */
  { "Fellside Community College", CLUSTER_HARTLEY_MOOR },
};

/* The one closed school: its memberships end on the day it closed and stay as history. */
#define CLOSED_SCHOOL "Old Mill Junior School"
#define CLOSED_ON "2023-08-31"
/* The uncovered free school opened here, between the town centre and Oakhurst. */
#define UNCOVERED_SCHOOL_OPENED "2024-09-01"
#define UNCOVERED_SCHOOL_EASTING 441900
#define UNCOVERED_SCHOOL_NORTHING 397300

#define FEDERATION "Brackenhurst Schools Federation"

static const char * const federation_schools[] = {
  "Brackenhurst Infant School", "Brackenhurst Junior School",
};

/* An executive head leads both schools from the first; the second has a head of school. */
typedef struct
{
  const char *lead_school;
  const char *partner_school;
} ExecutiveHeadship;

static const ExecutiveHeadship executive_headships[] = {
  { "Brackenhurst Junior School", "Brackenhurst Infant School" },
  { "Quayside Junior School", "Quayside Infant School" },
};

/* The schools the local authority has placed in a risk category. */
typedef struct
{
  const char *school;
  const char *risk_category;
  const char *inspection_grade;
  Area        needs[2];        /* high-priority areas for development */
} VulnerableSpec;

static const VulnerableSpec vulnerable_schools[] = {
  { "Westleigh Primary School", "Category 3: intensive support", "Inadequate",
    { AREA_LEADERSHIP, AREA_READING } },
  { "Heathcote Primary School", "Category 2: targeted support", "Requires improvement",
    { AREA_MATHS, AREA_CURRICULUM } },
  { "Lowther Road Primary School", "Category 3: intensive support", "Requires improvement",
    { AREA_PHONICS, AREA_ATTENDANCE } },
  { "Norbridge Academy", "Category 2: targeted support", "Requires improvement",
    { AREA_BEHAVIOUR, AREA_ATTENDANCE } },
  { "Riverside Pupil Referral Unit", "Category 2: targeted support", "Requires improvement",
    { AREA_CURRICULUM, AREA_MENTAL_HEALTH } },
  /* GAP 4: see support_engagements below. */
  { CVN_SAMPLE_UNSUPPORTED_SCHOOL, "Category 2: targeted support", "Requires improvement",
    { AREA_MATHS, AREA_SEND } },
};

/* Brokered support. A provider is a school, or the head of a school when by_head is set. */
typedef struct
{
  const char          *recipient;
  Area                 area;
  const char          *provider;
  gboolean             by_head;
  double               days;
  const char          *start_date;
  const char          *end_date;
  CvnEngagementStatus  status;
  const char          *success_criteria;
  const char          *impact_notes;
} EngagementSpec;

static const EngagementSpec support_engagements[] = {
  { "Westleigh Primary School", AREA_LEADERSHIP, "Victoria Park Primary School", TRUE, 20,
    "2026-01-05", "2027-07-23", CVN_ENGAGEMENT_ACTIVE,
    "Senior leaders monitor teaching accurately; the school leaves category 3 by July 2027.",
    "" },
  { "Westleigh Primary School", AREA_READING, "St Peter's CofE Primary School", FALSE, 10,
    "2026-04-20", "2026-12-18", CVN_ENGAGEMENT_ACTIVE,
    "Reading at the expected standard at key stage 2 rises to 65%.", "" },
  { "Heathcote Primary School", AREA_MATHS, "Ashworth Primary School", FALSE, 8,
    "2025-09-01", "2026-07-22", CVN_ENGAGEMENT_COMPLETED,
    "Key stage 2 maths at the expected standard above 65%.",
    "Expected standard in maths rose from 58% to 71%; teachers now plan with the hub's "
    "mastery materials." },
  { "Heathcote Primary School", AREA_CURRICULUM, "Market Street Primary School", TRUE, 12,
    "2026-09-07", "2027-07-21", CVN_ENGAGEMENT_ACTIVE,
    "Every foundation subject has a sequenced curriculum taught from September 2027.", "" },
  { "Lowther Road Primary School", AREA_ATTENDANCE, "Greenway Primary School", FALSE, 6,
    "2024-01-08", "2024-07-19", CVN_ENGAGEMENT_COMPLETED,
    "Persistent absence below 20%.",
    "Persistent absence fell from 27% to 21%; first-day calling continues." },
  { "Lowther Road Primary School", AREA_PHONICS, "St Peter's CofE Primary School", FALSE, 10,
    "2026-09-07", "2027-03-31", CVN_ENGAGEMENT_ACTIVE,
    "Phonics screening check at or above national in June 2027.", "" },
  { "Norbridge Academy", AREA_BEHAVIOUR, "Millbrook High School", TRUE, 15,
    "2026-02-23", "2027-02-19", CVN_ENGAGEMENT_ACTIVE,
    "Suspensions halved; a consistent behaviour policy in every department.", "" },
  { "Norbridge Academy", AREA_ATTENDANCE, "Thornbury Vale Academy", FALSE, 6,
    "2027-01-04", "2027-07-16", CVN_ENGAGEMENT_AGREED,
    "Persistent absence below 18% by the summer term.", "" },
  { "Riverside Pupil Referral Unit", AREA_CURRICULUM, "Hawthorn House School", FALSE, 8,
    "2026-06-01", "2027-05-28", CVN_ENGAGEMENT_ACTIVE,
    "A curriculum that returns pupils to mainstream school within two terms.", "" },
  /* GAP 4: the unsupported school's only support ended in 2025; its category was reviewed
   * this term and nothing new has been brokered. */
  { CVN_SAMPLE_UNSUPPORTED_SCHOOL, AREA_MATHS, "Elmhurst Primary School", TRUE, 12,
    "2025-01-06", "2025-07-18", CVN_ENGAGEMENT_COMPLETED,
    "Key stage 2 maths at the expected standard above 60%.",
    "Some gains in year 6, but outcomes dipped again in 2026; the risk remains." },
};

/* Designations held by the head of a school (person) or by the school itself. */
typedef struct
{
  const char  *school;
  Designation  type;
  const char  *from_date;
  const char  *until_date;
} DesignationSpec;

static const DesignationSpec head_designations[] = {
  /* The national leader programme closed in 2022; these stay as history. */
  { "Sir Thomas Wray School", DESIGNATION_NLE, "2013-09-01", "2022-08-31" },
  { "Sir Thomas Wray School", DESIGNATION_CONSULTANT_HEAD, "2022-09-01", "" },
  { "Kingsmere Academy", DESIGNATION_NLE, "2016-09-01", "2022-08-31" },
  { "St Peter's CofE Primary School", DESIGNATION_LLE, "2015-09-01", "" },
  { "Ashworth Primary School", DESIGNATION_LLE, "2017-09-01", "" },
  { "Greenway Primary School", DESIGNATION_LLE, "2018-09-01", "" },
  { "Fellside Primary School", DESIGNATION_LLE, "2019-09-01", "" },
  { "Oakhurst Primary School", DESIGNATION_LLE, "2019-09-01", "2024-08-31" },
  { "Hartley Moor CofE Primary School", DESIGNATION_LLE, "2020-09-01", "" },
  { "Kestrel Way Primary School", DESIGNATION_LLE, "2021-09-01", "" },
  { "Eastfield Primary School", DESIGNATION_LLE, "2022-09-01", "" },
  { "Oakhurst Community College", DESIGNATION_CONSULTANT_HEAD, "2024-09-01", "" },
  { "Wexcombe High School", DESIGNATION_ASSOCIATE_HEAD, "2023-09-01", "" },
  { "Market Street Primary School", DESIGNATION_CONSULTANT_HEAD, "2020-09-01", "" },
  { "Kingfisher Primary School", DESIGNATION_CONSULTANT_HEAD, "2021-01-04", "" },
  { "Victoria Park Primary School", DESIGNATION_ASSOCIATE_HEAD, "2022-09-01", "2027-08-31" },
  { "Elmhurst Primary School", DESIGNATION_ASSOCIATE_HEAD, "2023-09-01", "2026-08-31" },
  { "Millbrook High School", DESIGNATION_ASSOCIATE_HEAD, "2024-01-08", "" },
  { "Southfields Primary School", DESIGNATION_ASSOCIATE_HEAD, "2024-09-01", "" },
  { "Brackenhurst Junior School", DESIGNATION_EXECUTIVE_HEAD, "2020-09-01", "" },
  { "Quayside Junior School", DESIGNATION_EXECUTIVE_HEAD, "2022-09-01", "" },
  { "Larchwood Primary School", DESIGNATION_EXECUTIVE_HEAD, "2016-09-01", "2021-08-31" },
  { "Thornbury Vale Academy", DESIGNATION_OFSTED_INSPECTOR, "2018-04-01", "" },
  { "Beechwood Primary School", DESIGNATION_OFSTED_INSPECTOR, "2021-09-01", "" },
  { "Moorfield Academy", DESIGNATION_OFSTED_INSPECTOR, "2019-09-01", "" },
  { "Hazelmere Primary School", DESIGNATION_IMPROVEMENT_PARTNER, "2020-09-01", "" },
  { "Fellside Community College", DESIGNATION_IMPROVEMENT_PARTNER, "2022-09-01", "" },
};

static const DesignationSpec school_designations[] = {
  /* Teaching schools gave way to teaching school hubs in 2021. */
  { "Sir Thomas Wray School", DESIGNATION_TEACHING_SCHOOL, "2014-09-01", "2021-08-31" },
  { "St Peter's CofE Primary School", DESIGNATION_TEACHING_SCHOOL, "2016-09-01", "2021-08-31" },
  { "Sir Thomas Wray School", DESIGNATION_TEACHING_SCHOOL_HUB, "2021-09-01", "" },
  { "Kingsmere Academy", DESIGNATION_MATHS_HUB, "2015-09-01", "" },
  { "St Peter's CofE Primary School", DESIGNATION_ENGLISH_HUB, "2018-04-01", "" },
  { "Moorfield Academy", DESIGNATION_RESEARCH_SCHOOL, "2019-09-01", "" },
};

/* Leaders other than heads who hold a designation and offer expertise. */
typedef struct
{
  const char  *school;
  const char  *job_title;
  Designation  type;
  const char  *from_date;
  const char  *until_date;
  Area         area;
} LeaderSpec;

static const LeaderSpec other_leaders[] = {
  { "Sir Thomas Wray School", "Deputy Headteacher", DESIGNATION_SLE, "2015-09-01", "",
    AREA_MATHS },
  { "St Peter's CofE Primary School", "Deputy Headteacher", DESIGNATION_SLE, "2016-09-01", "",
    AREA_PHONICS },
  { "Cherry Tree School", "Assistant Headteacher", DESIGNATION_SLE, "2018-09-01", "",
    AREA_SEND },
  { "Moorfield Academy", "Assistant Headteacher", DESIGNATION_SLE, "2017-09-01", "2023-08-31",
    AREA_ASSESSMENT },
  { "Victoria Park Primary School", "Deputy Headteacher", DESIGNATION_SLE, "2021-09-01", "",
    AREA_EARLY_YEARS },
  { "Thornbury Vale Academy", "Assistant Headteacher", DESIGNATION_SLE, "2022-09-01", "",
    AREA_BEHAVIOUR },
  { "Southfields Academy", "Chair of Governors", DESIGNATION_NLG, "2017-04-01", "",
    AREA_GOVERNANCE },
};

/* People who work across the borough rather than in one school. */
typedef enum
{
  OFFICER_DIRECTOR,
  OFFICER_SCHOOL_IMPROVEMENT,
  OFFICER_ADVISER_NORTH,
  OFFICER_ADVISER_CENTRAL,
  OFFICER_ADVISER_SOUTH,
  OFFICER_SEND,
  OFFICER_EARLY_YEARS,
  OFFICER_GOVERNANCE,
  OFFICER_ATTENDANCE,
  OFFICER_COUNCILLOR,
  OFFICER_COFE_DIRECTOR,
  OFFICER_CATHOLIC_DIRECTOR,
  OFFICER_CEO_KINGSMERE_LEARNING,
  OFFICER_CEO_ST_AIDANS,
  OFFICER_CEO_VALE,
  N_OFFICERS,
  NO_OFFICER = -1
} Officer;

static const char * const officer_titles[N_OFFICERS] = {
  [OFFICER_DIRECTOR] = "Director of Education",
  [OFFICER_SCHOOL_IMPROVEMENT] = "Head of School Improvement",
  [OFFICER_ADVISER_NORTH] = "School Improvement Adviser",
  [OFFICER_ADVISER_CENTRAL] = "School Improvement Adviser",
  [OFFICER_ADVISER_SOUTH] = "School Improvement Adviser",
  [OFFICER_SEND] = "Head of SEND and Inclusion",
  [OFFICER_EARLY_YEARS] = "Early Years Adviser",
  [OFFICER_GOVERNANCE] = "Governance Adviser",
  [OFFICER_ATTENDANCE] = "Attendance and Welfare Lead",
  [OFFICER_COUNCILLOR] = "Cabinet Member for Children and Education",
  [OFFICER_COFE_DIRECTOR] = "Diocesan Director of Education",
  [OFFICER_CATHOLIC_DIRECTOR] = "Diocesan Director of Schools",
  [OFFICER_CEO_KINGSMERE_LEARNING] = "Chief Executive Officer",
  [OFFICER_CEO_ST_AIDANS] = "Chief Executive Officer",
  [OFFICER_CEO_VALE] = "Chief Executive Officer",
};

#define BOARD_NAME "Kingsmere Schools Partnership Board"
#define BOARD_CHAIR_SCHOOL "Sir Thomas Wray School"
#define PRIMARY_COMMITTEE_CHAIR_SCHOOL "Market Street Primary School"
#define SECONDARY_COMMITTEE_CHAIR_SCHOOL "Kingsmere Academy"
/* The head who represented the unrepresented cluster until standing down. */
#define FORMER_REPRESENTATIVE_SCHOOL "Upper Hartley Primary School"
#define FORMER_REPRESENTATIVE_UNTIL "2025-07-31"
#define MATHS_HUB_SCHOOL "Kingsmere Academy"
/* The group kinds the heads' committees should hear from. */
#define COMMITTEE_REPRESENTS "cluster,learning community"

typedef struct
{
  const char *name;
  const char *purpose;
  guint       n_co_chairs;
  guint       n_heads;         /* other heads on the sub-group */
  Officer     officer;         /* the officer who sits on it */
  const char *phase;           /* heads are drawn from this phase only, when set */
  gboolean    has_former_co_chair;
} SubGroupSpec;

/* Co-chairs, heads and the officer make six to eight members each. */
static const SubGroupSpec sub_groups[] = {
  { "Standards and Curriculum Sub-group",
    "Leads the borough's work on curriculum, assessment and outcomes at every key stage.",
    2, 4, OFFICER_ADVISER_CENTRAL, NULL, FALSE },
  { "Inclusion and SEND Sub-group",
    "Oversees inclusion, special educational needs and alternative provision.",
    3, 4, OFFICER_SEND, NULL, FALSE },
  { "Leadership and Workforce Sub-group",
    "Plans leadership development, recruitment and the early career offer.",
    2, 3, OFFICER_GOVERNANCE, NULL, TRUE },
  { "School-to-School Support Sub-group",
    "Matches capacity to need and brokers support for vulnerable schools.",
    3, 3, OFFICER_SCHOOL_IMPROVEMENT, NULL, FALSE },
  { "Early Years and Transition Sub-group",
    "Improves the early years and the moves from nursery to primary and primary to secondary.",
    2, 5, OFFICER_EARLY_YEARS, PHASE_PRIMARY, FALSE },
};

typedef struct
{
  CvnDocument *doc;
  GRand       *rand;
  GError      *error;          /* the first failure; every step after it does nothing */
  GHashTable  *person_names;   /* names given so far, so no two people share one */
  guint        n_people;
  gint64       area_ids[N_AREAS];
  gint64       designation_type_ids[N_DESIGNATION_TYPES];
  gint64       school_ids[N_SCHOOLS];
  gint64       head_ids[N_SCHOOLS];        /* 0 for the closed school */
  char        *head_names[N_SCHOOLS];
  gint64       officer_ids[N_OFFICERS];
  char        *officer_names[N_OFFICERS];
  gint64       cluster_ids[N_CLUSTERS];
  gint64       alliance_ids[N_ALLIANCES];
  gint64       board_id;
  gint64       sub_group_ids[G_N_ELEMENTS (sub_groups)];
  gint64       sub_group_first_co_chairs[G_N_ELEMENTS (sub_groups)];
  gint64       need_ids[G_N_ELEMENTS (vulnerable_schools)][2];
} Borough;

static void
set_text (char       **field,
          const char  *value)
{
  g_free (*field);
  *field = g_strdup (value != NULL ? value : "");
}

static gboolean
failed (Borough *self)
{
  return self->error != NULL;
}

/* A whole number from @low to @high inclusive. */
static int
random_between (Borough *self,
                int      low,
                int      high)
{
  return g_rand_int_range (self->rand, low, high + 1);
}

static gboolean
random_chance (Borough *self,
               double   probability)
{
  return g_rand_double (self->rand) < probability;
}

static const char *
random_item (Borough            *self,
             const char * const *items,
             guint               n_items)
{
  return items[g_rand_int_range (self->rand, 0, (gint32) n_items)];
}

/* Puts @indices (guint) in a random order. */
static void
shuffle (Borough *self,
         GArray  *indices)
{
  for (guint i = indices->len; i > 1; i--)
    {
      guint j = (guint) g_rand_int_range (self->rand, 0, (gint32) i);
      guint swap = g_array_index (indices, guint, i - 1);

      g_array_index (indices, guint, i - 1) = g_array_index (indices, guint, j);
      g_array_index (indices, guint, j) = swap;
    }
}

static guint32
julian_from_iso (const char *iso)
{
  GDate date;

  g_assert (iso != NULL && iso[0] != '\0' && cvn_date_is_valid (iso));
  g_date_clear (&date, 1);
  g_date_set_dmy (&date,
                  (GDateDay) g_ascii_strtoull (iso + 8, NULL, 10),
                  (GDateMonth) g_ascii_strtoull (iso + 5, NULL, 10),
                  (GDateYear) g_ascii_strtoull (iso, NULL, 10));
  return g_date_get_julian (&date);
}

static char *
iso_from_julian (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                          (guint) g_date_get_month (&date), g_date_get_day (&date));
}

/* A random date from @earliest to @latest inclusive, as YYYY-MM-DD. */
static char *
random_date (Borough    *self,
             const char *earliest,
             const char *latest)
{
  guint32 first = julian_from_iso (earliest);
  guint32 last = julian_from_iso (latest);

  return iso_from_julian (first + (guint32) random_between (self, 0, (int) (last - first)));
}

static guint
school_index (const char *name)
{
  for (guint i = 0; i < N_SCHOOLS; i++)
    if (g_str_equal (schools[i].name, name))
      return i;
  g_error ("The sample names a school it does not have: %s", name);
}

static gboolean
is_federated (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (federation_schools); i++)
    if (g_str_equal (federation_schools[i], name))
      return TRUE;
  return FALSE;
}

static gboolean
school_is_open (guint index)
{
  return !g_str_equal (schools[index].name, CLOSED_SCHOOL);
}

static const VulnerableSpec *
find_vulnerable (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (vulnerable_schools); i++)
    if (g_str_equal (vulnerable_schools[i].school, name))
      return &vulnerable_schools[i];
  return NULL;
}

static guint
suits_for_phase (const char *phase)
{
  if (g_str_equal (phase, PHASE_NURSERY))
    return SUITS_NURSERY;
  if (g_str_equal (phase, PHASE_PRIMARY))
    return SUITS_PRIMARY;
  if (g_str_equal (phase, PHASE_SECONDARY))
    return SUITS_SECONDARY;
  if (g_str_equal (phase, PHASE_ALL_THROUGH))
    return SUITS_PRIMARY | SUITS_SECONDARY;
  if (g_str_equal (phase, PHASE_SPECIAL))
    return SUITS_SPECIAL;
  return SUITS_AP;
}

/* When the school's membership of its cluster began. */
static const char *
joined_cluster_on (guint index)
{
  return clusters[schools[index].cluster].formed_on;
}

/* Adds a group; @represents is the comma-separated group kinds a committee should seat
 * someone from, or NULL. */
static gint64
add_group_full (Borough    *self,
                const char *name,
                const char *kind,
                int         tier,
                gint64      parent_id,
                const char *phase,
                const char *purpose,
                const char *colour,
                const char *represents)
{
  CvnGroup group;
  gint64 id;

  if (failed (self))
    return 0;
  cvn_group_init (&group);
  set_text (&group.name, name);
  set_text (&group.kind, kind);
  group.tier = tier;
  group.parent_id = parent_id;
  set_text (&group.phase, phase);
  set_text (&group.purpose, purpose);
  set_text (&group.colour, colour);
  set_text (&group.represents, represents);
  id = cvn_store_insert_group (self->doc, &group, &self->error);
  cvn_group_clear (&group);
  return id;
}

static gint64
add_group (Borough    *self,
           const char *name,
           const char *kind,
           int         tier,
           gint64      parent_id,
           const char *phase,
           const char *purpose,
           const char *colour)
{
  return add_group_full (self, name, kind, tier, parent_id, phase, purpose, colour, NULL);
}

static void
add_membership (Borough       *self,
                gint64         group_id,
                CvnObjectKind  member_kind,
                gint64         member_id,
                CvnRole        role,
                const char    *from_date,
                const char    *until_date)
{
  CvnMembership membership = { 0 };

  if (failed (self))
    return;
  membership.group_id = group_id;
  membership.member_kind = member_kind;
  membership.member_id = member_id;
  membership.role = role;
  set_text (&membership.from_date, from_date);
  set_text (&membership.until_date, until_date);
  cvn_store_insert_membership (self->doc, &membership, &self->error);
  cvn_membership_clear (&membership);
}

static void
add_school_member (Borough    *self,
                   gint64      group_id,
                   guint       index,
                   const char *from_date,
                   const char *until_date)
{
  add_membership (self, group_id, CVN_OBJECT_ESTABLISHMENT, self->school_ids[index],
                  CVN_ROLE_MEMBER, from_date, until_date);
}

static void
add_person_member (Borough    *self,
                   gint64      group_id,
                   gint64      person_id,
                   CvnRole     role,
                   const char *from_date)
{
  add_membership (self, group_id, CVN_OBJECT_PERSON, person_id, role, from_date, NULL);
}

static void
seed_reference_lists (Borough *self)
{
  for (guint i = 0; i < N_AREAS && !failed (self); i++)
    {
      CvnExpertiseArea area = { 0 };

      set_text (&area.name, expertise_areas[i].name);
      area.position = (int) i;
      self->area_ids[i] = cvn_store_insert_expertise_area (self->doc, &area, &self->error);
      cvn_expertise_area_clear (&area);
    }
  for (guint i = 0; i < N_DESIGNATION_TYPES && !failed (self); i++)
    {
      CvnDesignationType type = { 0 };

      set_text (&type.code, designation_types[i].code);
      set_text (&type.name, designation_types[i].name);
      type.for_schools = designation_types[i].for_schools;
      type.system_leader = designation_types[i].system_leader;
      self->designation_type_ids[i] = cvn_store_insert_designation_type (self->doc, &type,
                                                                          &self->error);
      cvn_designation_type_clear (&type);
    }
}

/* A point within CLUSTER_RADIUS of the centre, spread evenly over the disc. */
static void
place_near (Borough *self,
            int      easting,
            int      northing,
            double  *out_easting,
            double  *out_northing)
{
  double angle = g_rand_double_range (self->rand, 0, 2 * G_PI);
  double distance = CLUSTER_RADIUS * sqrt (g_rand_double (self->rand));

  *out_easting = CLAMP (round (easting + distance * cos (angle)),
                        SQUARE_EASTING, SQUARE_EASTING + SQUARE_SIZE);
  *out_northing = CLAMP (round (northing + distance * sin (angle)),
                         SQUARE_NORTHING, SQUARE_NORTHING + SQUARE_SIZE);
}

static int
random_pupils (Borough          *self,
               const SchoolSpec *spec)
{
  if (g_str_equal (spec->phase, PHASE_NURSERY))
    return random_between (self, 60, 130);
  if (g_str_equal (spec->phase, PHASE_SECONDARY))
    return random_between (self, 750, 1650);
  if (g_str_equal (spec->phase, PHASE_ALL_THROUGH))
    return random_between (self, 1500, 2000);
  if (g_str_equal (spec->phase, PHASE_SPECIAL))
    return random_between (self, 70, 220);
  if (g_str_equal (spec->phase, PHASE_AP))
    return random_between (self, 25, 80);
  if (strstr (spec->name, "Infant") != NULL)
    return random_between (self, 170, 270);
  if (strstr (spec->name, "Junior") != NULL)
    return random_between (self, 220, 360);
  return random_between (self, 180, 630);
}

static const char *
random_grade (Borough *self)
{
  int roll = random_between (self, 1, 100);

  if (roll <= 20)
    return "Outstanding";
  if (roll <= 92)
    return "Good";
  return "Requires improvement";
}

static const char *
random_engagement (Borough *self)
{
  static const char * const levels[] = { "high", "high", "medium", "medium", "medium", "low" };

  return random_item (self, levels, G_N_ELEMENTS (levels));
}

static char *
random_postcode (Borough *self,
                 guint    district)
{
  int last_letter = (int) sizeof postcode_letters - 2;
  int sector = random_between (self, 1, 9);
  char first = postcode_letters[random_between (self, 0, last_letter)];
  char second = postcode_letters[random_between (self, 0, last_letter)];

  return g_strdup_printf ("KM%u %d%c%c", district, sector, first, second);
}

static gint64
add_school (Borough *self,
            guint    index)
{
  const SchoolSpec *spec = &schools[index];
  const VulnerableSpec *vulnerable = find_vulnerable (spec->name);
  g_autofree char *postcode = NULL;
  CvnEstablishment school;
  gint64 id;

  if (failed (self))
    return 0;
  cvn_establishment_init (&school);
  school.urn = FIRST_URN + index;
  set_text (&school.name, spec->name);
  set_text (&school.phase, spec->phase);
  set_text (&school.type, spec->type);
  set_text (&school.local_authority, LOCAL_AUTHORITY);
  switch (spec->faith)
    {
    case FAITH_COFE:
      set_text (&school.religious_character, COFE_CHARACTER);
      set_text (&school.diocese, COFE_DIOCESE);
      break;
    case FAITH_CATHOLIC:
      set_text (&school.religious_character, CATHOLIC_CHARACTER);
      set_text (&school.diocese, CATHOLIC_DIOCESE);
      break;
    case FAITH_NONE:
      break;
    }
  if (spec->trust != NO_TRUST)
    set_text (&school.trust, trusts[spec->trust].name);
  if (is_federated (spec->name))
    set_text (&school.federation, FEDERATION);

  school.has_location = TRUE;
  if (spec->cluster != NO_CLUSTER)
    {
      place_near (self, clusters[spec->cluster].easting, clusters[spec->cluster].northing,
                  &school.easting, &school.northing);
      postcode = random_postcode (self, (guint) spec->cluster + 1);
    }
  else
    {
      school.easting = UNCOVERED_SCHOOL_EASTING;
      school.northing = UNCOVERED_SCHOOL_NORTHING;
      postcode = random_postcode (self, N_CLUSTERS + 1);
    }
  set_text (&school.postcode, postcode);
  school.pupils = random_pupils (self, spec);
  set_text (&school.inspection_grade, random_grade (self));
  set_text (&school.engagement, random_engagement (self));

  if (vulnerable != NULL)
    {
      set_text (&school.risk_category, vulnerable->risk_category);
      set_text (&school.inspection_grade, vulnerable->inspection_grade);
    }
  if (g_str_equal (spec->name, CVN_SAMPLE_UNCOVERED_SCHOOL))
    {
      /* Too new to have been inspected, and not yet part of anything local. */
      set_text (&school.inspection_grade, "");
      set_text (&school.engagement, "low");
    }
  if (!school_is_open (index))
    school.is_open = FALSE;

  id = cvn_store_insert_establishment (self->doc, &school, &self->error);
  cvn_establishment_clear (&school);
  return id;
}

/* "Jane O'Connor" -> "jane.oconnor@kingsmere.example" */
static char *
email_for (const char *name)
{
  g_autoptr (GString) local = g_string_new (NULL);

  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == ' ')
        g_string_append_c (local, '.');
      else if (g_ascii_isalnum (*p))
        g_string_append_c (local, g_ascii_tolower (*p));
    }
  return g_strdup_printf ("%s@%s", local->str, EMAIL_DOMAIN);
}

static char *
invent_name (Borough *self)
{
  /* Each draw is its own statement: C leaves the order of arguments unspecified, and the
   * sample must not depend on the compiler. */
  for (;;)
    {
      const char *first = random_item (self, first_names, G_N_ELEMENTS (first_names));
      const char *last = random_item (self, surnames, G_N_ELEMENTS (surnames));
      char *name = g_strdup_printf ("%s %s", first, last);

      if (!g_hash_table_contains (self->person_names, name))
        {
          g_hash_table_add (self->person_names, name);
          return g_strdup (name);
        }
      g_free (name);
    }
}

/* Adds a fictional person; their name is returned in @out_name when it is not NULL. */
static gint64
add_person (Borough     *self,
            const char  *job_title,
            gint64       establishment_id,
            char       **out_name)
{
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;
  CvnPerson person = { 0 };
  gint64 id;

  if (failed (self))
    return 0;
  name = invent_name (self);
  email = email_for (name);
  /* Ofcom keeps 01632 960000 to 960999 for drama, so these ring nobody. */
  phone = g_strdup_printf ("01632 960%03u", self->n_people++);
  set_text (&person.name, name);
  set_text (&person.job_title, job_title);
  set_text (&person.email, email);
  set_text (&person.phone, phone);
  person.establishment_id = establishment_id;
  id = cvn_store_insert_person (self->doc, &person, &self->error);
  cvn_person_clear (&person);
  if (out_name != NULL)
    *out_name = g_steal_pointer (&name);
  return id;
}

static const char *
head_title (const char *school)
{
  for (guint i = 0; i < G_N_ELEMENTS (executive_headships); i++)
    {
      if (g_str_equal (executive_headships[i].lead_school, school))
        return "Executive Headteacher";
      if (g_str_equal (executive_headships[i].partner_school, school))
        return "Head of School";
    }
  return "Headteacher";
}

static void
add_people (Borough *self)
{
  for (guint i = 0; i < N_SCHOOLS; i++)
    if (school_is_open (i))
      self->head_ids[i] = add_person (self, head_title (schools[i].name), self->school_ids[i],
                                      &self->head_names[i]);
  for (guint i = 0; i < N_OFFICERS; i++)
    self->officer_ids[i] = add_person (self, officer_titles[i], 0, &self->officer_names[i]);
}

static gint64
head_of (Borough    *self,
         const char *school)
{
  return self->head_ids[school_index (school)];
}

static void
add_designation (Borough               *self,
                 const DesignationSpec *spec,
                 gint64                 person_id,
                 gint64                 school_id)
{
  CvnDesignation designation = { 0 };

  if (failed (self))
    return;
  designation.type_id = self->designation_type_ids[spec->type];
  designation.person_id = person_id;
  designation.establishment_id = school_id;
  set_text (&designation.from_date, spec->from_date);
  set_text (&designation.until_date, spec->until_date);
  cvn_store_insert_designation (self->doc, &designation, &self->error);
  cvn_designation_clear (&designation);
}

static void
add_designations (Borough *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (head_designations); i++)
    add_designation (self, &head_designations[i], head_of (self, head_designations[i].school),
                     0);
  for (guint i = 0; i < G_N_ELEMENTS (school_designations); i++)
    add_designation (self, &school_designations[i], 0,
                     self->school_ids[school_index (school_designations[i].school)]);
}

/* The board, the alliances under it and the clusters under them, with their members. */
static void
add_tiers (Borough *self)
{
  self->board_id = add_group (self, BOARD_NAME, "board", 3, 0, NULL,
                              "Sets the borough's priorities for school improvement and holds "
                              "the partnership to account.", "#3d3846");

  for (guint a = 0; a < N_ALLIANCES; a++)
    {
      gint64 chair = head_of (self, alliances[a].chair_school);

      self->alliance_ids[a] = add_group (self, alliances[a].name, "alliance", 2, self->board_id,
                                         NULL, "Pools the system leaders of its district and "
                                         "brokers support between its clusters.",
                                         alliances[a].colour);
      add_person_member (self, self->alliance_ids[a], chair, CVN_ROLE_CHAIR, PARTNERSHIP_START);
      for (guint c = 0; c < N_CLUSTERS; c++)
        {
          gint64 lead = head_of (self, clusters[c].lead_school);

          if (clusters[c].alliance == (Alliance) a && lead != chair)
            add_person_member (self, self->alliance_ids[a], lead, CVN_ROLE_MEMBER,
                               PARTNERSHIP_START);
        }
    }

  for (guint c = 0; c < N_CLUSTERS; c++)
    {
      const ClusterSpec *spec = &clusters[c];
      gint64 parent = spec->alliance != NO_ALLIANCE ? self->alliance_ids[spec->alliance] : 0;

      self->cluster_ids[c] = add_group (self, spec->name, spec->kind, 1, parent, NULL,
                                        "Neighbouring schools working together on peer review, "
                                        "shared training and first-call support.", NULL);
      add_person_member (self, self->cluster_ids[c], head_of (self, spec->lead_school),
                         CVN_ROLE_LEAD_HEAD, spec->formed_on);
    }

  for (guint i = 0; i < N_SCHOOLS; i++)
    {
      Cluster cluster = schools[i].cluster;

      if (cluster == NO_CLUSTER)
        continue;
      if (!school_is_open (i))
        {
          add_school_member (self, self->cluster_ids[cluster], i, PARTNERSHIP_START, CLOSED_ON);
          continue;
        }
      if (clusters[cluster].formerly != NO_CLUSTER)
        {
          g_autofree char *left_on = iso_from_julian (julian_from_iso (joined_cluster_on (i)) - 1);

          add_school_member (self, self->cluster_ids[clusters[cluster].formerly], i,
                             PARTNERSHIP_START, left_on);
        }
      add_school_member (self, self->cluster_ids[cluster], i, joined_cluster_on (i), NULL);
    }
  for (guint k = 0; k < G_N_ELEMENTS (second_clusters); k++)
    add_school_member (self, self->cluster_ids[second_clusters[k].cluster],
                       school_index (second_clusters[k].school),
                       clusters[second_clusters[k].cluster].formed_on, NULL);
}

/* Heads who could sit on a sub-group: open schools not in a risk category, in random order. */
static GArray *
eligible_heads (Borough *self)
{
  GArray *indices = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < N_SCHOOLS; i++)
    if (school_is_open (i) && find_vulnerable (schools[i].name) == NULL)
      g_array_append_val (indices, i);
  shuffle (self, indices);
  return indices;
}

/* Takes the next head from @pool who is not used yet and matches @phase (any when NULL). */
static gint64
take_head (Borough    *self,
           GArray     *pool,
           gboolean   *used,
           const char *phase)
{
  for (guint k = 0; k < pool->len; k++)
    {
      guint i = g_array_index (pool, guint, k);

      if (!used[i] && (phase == NULL || g_str_equal (schools[i].phase, phase)))
        {
          used[i] = TRUE;
          return self->head_ids[i];
        }
    }
  g_error ("The sample ran out of heads for its sub-groups");
}

static void
add_sub_groups (Borough *self)
{
  g_autoptr (GArray) pool = eligible_heads (self);
  gboolean used[N_SCHOOLS] = { FALSE };

  /* The board's chair and the committee chairs have enough to do. */
  used[school_index (BOARD_CHAIR_SCHOOL)] = TRUE;
  used[school_index (PRIMARY_COMMITTEE_CHAIR_SCHOOL)] = TRUE;
  used[school_index (SECONDARY_COMMITTEE_CHAIR_SCHOOL)] = TRUE;

  for (guint s = 0; s < G_N_ELEMENTS (sub_groups); s++)
    {
      const SubGroupSpec *spec = &sub_groups[s];
      gint64 id = add_group (self, spec->name, "sub-group", 3, self->board_id, NULL,
                             spec->purpose, "#9141ac");

      self->sub_group_ids[s] = id;
      for (guint k = 0; k < spec->n_co_chairs; k++)
        {
          gint64 co_chair = take_head (self, pool, used, NULL);

          if (k == 0)
            self->sub_group_first_co_chairs[s] = co_chair;
          add_person_member (self, id, co_chair, CVN_ROLE_CO_CHAIR, "2020-01-13");
        }
      for (guint k = 0; k < spec->n_heads; k++)
        add_person_member (self, id, take_head (self, pool, used, spec->phase),
                           CVN_ROLE_MEMBER, "2020-01-13");
      if (spec->officer != NO_OFFICER)
        add_person_member (self, id, self->officer_ids[spec->officer], CVN_ROLE_MEMBER,
                           "2020-01-13");
      if (spec->has_former_co_chair)
        add_membership (self, id, CVN_OBJECT_PERSON, take_head (self, pool, used, NULL),
                        CVN_ROLE_CO_CHAIR, "2020-01-13", "2025-08-31");
    }
}

/* The primary heads of a cluster's open schools outside any risk category. */
static GArray *
primary_heads_of (Cluster cluster)
{
  GArray *indices = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < N_SCHOOLS; i++)
    if (schools[i].cluster == cluster && school_is_open (i) &&
        g_str_equal (schools[i].phase, PHASE_PRIMARY) && find_vulnerable (schools[i].name) == NULL)
      g_array_append_val (indices, i);
  return indices;
}

/* A head from every cluster but one, so the committee can see which partnership it lacks. */
static gint64
add_primary_committee (Borough *self)
{
  guint chair_school = school_index (PRIMARY_COMMITTEE_CHAIR_SCHOOL);
  gint64 id = add_group_full (self, CVN_SAMPLE_PRIMARY_COMMITTEE, "committee", 0, 0,
                              PHASE_PRIMARY, "The primary heads' voice to the board; it should "
                              "seat a head from every partnership.", "#865e3c",
                              COMMITTEE_REPRESENTS);

  for (guint c = 0; c < N_CLUSTERS; c++)
    {
      g_autoptr (GArray) heads = NULL;
      guint representative;

      /* GAP 3: this cluster's representative stood down and nobody has replaced them. */
      if (g_str_equal (clusters[c].name, CVN_SAMPLE_UNREPRESENTED_CLUSTER))
        {
          add_membership (self, id, CVN_OBJECT_PERSON,
                          head_of (self, FORMER_REPRESENTATIVE_SCHOOL),
                          CVN_ROLE_REPRESENTATIVE, PARTNERSHIP_START,
                          FORMER_REPRESENTATIVE_UNTIL);
          continue;
        }
      if (schools[chair_school].cluster == (Cluster) c)
        {
          add_person_member (self, id, self->head_ids[chair_school], CVN_ROLE_CHAIR,
                             clusters[c].formed_on);
          continue;
        }
      heads = primary_heads_of ((Cluster) c);
      g_assert (heads->len > 0);
      representative = g_array_index (heads, guint,
                                      g_rand_int_range (self->rand, 0, (gint32) heads->len));
      add_person_member (self, id, self->head_ids[representative], CVN_ROLE_REPRESENTATIVE,
                         clusters[c].formed_on);
    }
  add_person_member (self, id, self->officer_ids[OFFICER_SCHOOL_IMPROVEMENT],
                     CVN_ROLE_OBSERVER, PARTNERSHIP_START);
  return id;
}

/* Every secondary and all-through head sits on the association; between them they reach
 * every cluster, so it has no gap of its own. */
static gint64
add_secondary_committee (Borough *self)
{
  gint64 id = add_group_full (self, "Secondary Heads Association", "committee", 0, 0,
                              PHASE_SECONDARY, "Brings together the head of every secondary and "
                              "all-through school.", "#865e3c", COMMITTEE_REPRESENTS);

  for (guint i = 0; i < N_SCHOOLS; i++)
    {
      if (!school_is_open (i) ||
          (!g_str_equal (schools[i].phase, PHASE_SECONDARY) &&
           !g_str_equal (schools[i].phase, PHASE_ALL_THROUGH)))
        continue;
      add_person_member (self, id, self->head_ids[i],
                         g_str_equal (schools[i].name, SECONDARY_COMMITTEE_CHAIR_SCHOOL)
                         ? CVN_ROLE_CHAIR : CVN_ROLE_REPRESENTATIVE, "2018-09-01");
    }
  return id;
}

/* Adds @person to the board unless they are on it already. */
static void
add_board_member (Borough    *self,
                  GHashTable *seated,
                  gint64      person_id,
                  CvnRole     role)
{
  if (g_hash_table_contains (seated, &person_id))
    return;
  g_hash_table_add (seated, g_memdup2 (&person_id, sizeof person_id));
  add_person_member (self, self->board_id, person_id, role, PARTNERSHIP_START);
}

static void
add_board_members (Borough *self)
{
  static const Officer officers[] = {
    OFFICER_DIRECTOR, OFFICER_SCHOOL_IMPROVEMENT, OFFICER_SEND, OFFICER_COFE_DIRECTOR,
    OFFICER_CATHOLIC_DIRECTOR, OFFICER_CEO_KINGSMERE_LEARNING, OFFICER_CEO_ST_AIDANS,
    OFFICER_CEO_VALE,
  };
  g_autoptr (GHashTable) seated = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         NULL);

  add_board_member (self, seated, head_of (self, BOARD_CHAIR_SCHOOL), CVN_ROLE_CHAIR);
  for (guint a = 0; a < N_ALLIANCES; a++)
    add_board_member (self, seated, head_of (self, alliances[a].chair_school), CVN_ROLE_MEMBER);
  for (guint s = 0; s < G_N_ELEMENTS (sub_groups); s++)
    add_board_member (self, seated, self->sub_group_first_co_chairs[s], CVN_ROLE_MEMBER);
  add_board_member (self, seated, head_of (self, PRIMARY_COMMITTEE_CHAIR_SCHOOL),
                    CVN_ROLE_MEMBER);
  add_board_member (self, seated, head_of (self, SECONDARY_COMMITTEE_CHAIR_SCHOOL),
                    CVN_ROLE_MEMBER);
  for (guint k = 0; k < G_N_ELEMENTS (officers); k++)
    add_board_member (self, seated, self->officer_ids[officers[k]], CVN_ROLE_MEMBER);
  add_board_member (self, seated, self->officer_ids[OFFICER_COUNCILLOR], CVN_ROLE_OBSERVER);
}

static gboolean
has_faith (guint    index,
           gpointer data)
{
  return schools[index].faith == (Faith) GPOINTER_TO_INT (data);
}

static gboolean
has_trust (guint    index,
           gpointer data)
{
  return schools[index].trust == (Trust) GPOINTER_TO_INT (data);
}

static gboolean
in_federation (guint    index,
               gpointer data)
{
  return is_federated (schools[index].name);
}

/* Adds every open school that @keep accepts, from the day it joined the partnership. */
static void
add_schools_where (Borough  *self,
                   gint64    group_id,
                   gboolean (*keep) (guint index, gpointer data),
                   gpointer  data)
{
  for (guint i = 0; i < N_SCHOOLS; i++)
    if (school_is_open (i) && keep (i, data))
      add_school_member (self, group_id, i, PARTNERSHIP_START, NULL);
}

static void
add_faith_and_trust_groups (Borough *self)
{
  gint64 id;

  id = add_group (self, "Kingsmere Diocesan Schools Group", "diocesan group", 0, 0, NULL,
                  "Church of England schools of the diocese working together on "
                  "distinctiveness and school improvement.", "#613583");
  add_person_member (self, id, self->officer_ids[OFFICER_COFE_DIRECTOR], CVN_ROLE_CHAIR,
                     PARTNERSHIP_START);
  add_schools_where (self, id, has_faith, GINT_TO_POINTER (FAITH_COFE));

  id = add_group (self, "Aldenham Catholic Schools Partnership", "diocesan group", 0, 0, NULL,
                  "Catholic schools of the diocese in Kingsmere.", "#a51d2d");
  add_person_member (self, id, self->officer_ids[OFFICER_CATHOLIC_DIRECTOR], CVN_ROLE_CHAIR,
                     PARTNERSHIP_START);
  add_schools_where (self, id, has_faith, GINT_TO_POINTER (FAITH_CATHOLIC));

  for (guint t = 0; t < N_TRUSTS; t++)
    {
      static const Officer chief_executives[] = {
        [TRUST_KINGSMERE_LEARNING] = OFFICER_CEO_KINGSMERE_LEARNING,
        [TRUST_ST_AIDANS] = OFFICER_CEO_ST_AIDANS,
        [TRUST_VALE] = OFFICER_CEO_VALE,
      };

      if (!trusts[t].local_group)
        continue;
      id = add_group (self, trusts[t].name, "trust", 0, 0, NULL,
                      "A multi-academy trust with schools in Kingsmere.", "#5e5c64");
      add_person_member (self, id, self->officer_ids[chief_executives[t]], CVN_ROLE_CHAIR,
                         PARTNERSHIP_START);
      add_schools_where (self, id, has_trust, GINT_TO_POINTER (t));
    }

  id = add_group (self, FEDERATION, "federation", 0, 0, PHASE_PRIMARY,
                  "Infant and junior schools under one governing board and executive head.",
                  "#986a44");
  add_person_member (self, id, head_of (self, executive_headships[0].lead_school),
                     CVN_ROLE_LEAD_HEAD, "2020-09-01");
  add_schools_where (self, id, in_federation, NULL);
}

static void
add_maths_hub (Borough *self)
{
  static const char * const joined[] = { PARTNERSHIP_START, "2021-09-01", "2023-09-01" };
  guint lead = school_index (MATHS_HUB_SCHOOL);
  guint uncovered = school_index (CVN_SAMPLE_UNCOVERED_SCHOOL);
  g_autoptr (GArray) candidates = g_array_new (FALSE, FALSE, sizeof (guint));
  gint64 id;

  id = add_group (self, "Kingsmere and Vale Maths Hub", "hub", 0, 0, NULL,
                  "Teaching for mastery work groups and maths specialists for the area.",
                  "#e5a50a");
  add_school_member (self, id, lead, "2015-09-01", NULL);
  add_person_member (self, id, self->head_ids[lead], CVN_ROLE_LEAD_HEAD, "2015-09-01");
  add_school_member (self, id, uncovered, UNCOVERED_SCHOOL_OPENED, NULL);
  add_school_member (self, id, school_index (CLOSED_SCHOOL), PARTNERSHIP_START, CLOSED_ON);

  for (guint i = 0; i < N_SCHOOLS; i++)
    if (school_is_open (i) && i != lead && i != uncovered &&
        (g_str_equal (schools[i].phase, PHASE_PRIMARY) ||
         g_str_equal (schools[i].phase, PHASE_SECONDARY) ||
         g_str_equal (schools[i].phase, PHASE_ALL_THROUGH)))
      g_array_append_val (candidates, i);
  shuffle (self, candidates);
  for (guint k = 0; k < 16; k++)
    {
      guint i = g_array_index (candidates, guint, k);

      /* One school left the hub's work groups in 2024; its membership stays as history. */
      add_school_member (self, id, i, random_item (self, joined, G_N_ELEMENTS (joined)),
                         k == 0 ? "2024-08-31" : NULL);
    }
}

/* The northern group covers the north and central districts (and the new Eastfield
 * community); the southern one the south. The pupil referral unit serves the whole borough
 * and sits in both. */
static gboolean
is_southern (guint index)
{
  Cluster cluster = schools[index].cluster;

  return cluster != NO_CLUSTER && clusters[cluster].alliance == ALLIANCE_SOUTH;
}

static void
add_inclusion_group (Borough    *self,
                     const char *name,
                     gboolean    southern,
                     const char *chair_school,
                     const char *colour)
{
  g_autoptr (GArray) mainstream = g_array_new (FALSE, FALSE, sizeof (guint));
  gint64 id;

  id = add_group (self, name, "inclusion group", 0, 0, NULL,
                  "Special schools, alternative provision and mainstream schools sharing "
                  "inclusive practice and planning places.", colour);
  add_person_member (self, id, head_of (self, chair_school), CVN_ROLE_CHAIR, "2021-09-01");
  for (guint i = 0; i < N_SCHOOLS; i++)
    {
      gboolean specialist = g_str_equal (schools[i].phase, PHASE_SPECIAL) ||
                            g_str_equal (schools[i].phase, PHASE_AP);

      if (!school_is_open (i) || schools[i].cluster == NO_CLUSTER)
        continue;
      if (specialist && (is_southern (i) == southern ||
                         g_str_equal (schools[i].type, TYPE_PUPIL_REFERRAL_UNIT)))
        add_school_member (self, id, i, "2021-09-01", NULL);
      else if (!specialist && is_southern (i) == southern)
        g_array_append_val (mainstream, i);
    }
  shuffle (self, mainstream);
  for (guint k = 0; k < 5; k++)
    add_school_member (self, id, g_array_index (mainstream, guint, k), "2021-09-01", NULL);
}

static void
add_cross_cutting_groups (Borough *self)
{
  add_faith_and_trust_groups (self);
  add_maths_hub (self);
  add_inclusion_group (self, "Northern Inclusion Group", FALSE, "Hawthorn House School",
                       "#2190a4");
  add_inclusion_group (self, "Southern Inclusion Group", TRUE, "Vale Park School", "#1a8a6f");
}

static gint64
add_directory_entry (Borough          *self,
                     CvnObjectKind     holder_kind,
                     gint64            holder_id,
                     Area              area,
                     CvnDirectoryKind  kind,
                     const char       *phase,
                     double            capacity_days,
                     const char       *priority,
                     CvnQaStatus       qa_status,
                     const char       *reviewer,
                     const char       *reviewed_on)
{
  CvnDirectoryEntry entry = { 0 };
  gint64 id;

  if (failed (self))
    return 0;
  entry.holder_kind = holder_kind;
  entry.holder_id = holder_id;
  entry.area_id = self->area_ids[area];
  entry.kind = kind;
  set_text (&entry.evidence, kind == CVN_DIRECTORY_STRENGTH ? expertise_areas[area].strength
                                                            : expertise_areas[area].need);
  entry.capacity_days = capacity_days;
  set_text (&entry.phase, phase);
  set_text (&entry.priority, priority);
  entry.qa_status = qa_status;
  set_text (&entry.reviewer, reviewer);
  set_text (&entry.reviewed_on, reviewed_on);
  id = cvn_store_insert_directory_entry (self->doc, &entry, &self->error);
  cvn_directory_entry_clear (&entry);
  return id;
}

/* A strength with days on offer and a review: peer reviews are done by another head, quality
 * assurance by one of the authority's advisers. @assured strengths are the ones support has
 * been brokered from, so they have been quality-assured. */
static void
add_strength (Borough       *self,
              CvnObjectKind  holder_kind,
              gint64         holder_id,
              Area           area,
              const char    *phase,
              gboolean       assured)
{
  static const Officer advisers[] = {
    OFFICER_ADVISER_NORTH, OFFICER_ADVISER_CENTRAL, OFFICER_ADVISER_SOUTH,
    OFFICER_SCHOOL_IMPROVEMENT,
  };
  double days = random_between (self, 1, 10);
  int roll = random_between (self, 1, 10);
  CvnQaStatus status = assured ? CVN_QA_QUALITY_ASSURED
                       : roll <= 4 ? CVN_QA_SELF_DECLARED
                       : roll <= 7 ? CVN_QA_PEER_REVIEWED : CVN_QA_QUALITY_ASSURED;
  g_autofree char *reviewed_on = NULL;
  const char *reviewer = NULL;

  switch (status)
    {
    case CVN_QA_SELF_DECLARED:
      break;
    case CVN_QA_PEER_REVIEWED:
      {
        guint peer;

        do
          peer = (guint) random_between (self, 0, (int) N_SCHOOLS - 1);
        while (self->head_ids[peer] == 0 || self->head_ids[peer] == holder_id);
        reviewer = self->head_names[peer];
        reviewed_on = random_date (self, EARLIEST_REVIEW, LATEST_REVIEW);
      }
      break;
    case CVN_QA_QUALITY_ASSURED:
      reviewer = self->officer_names[advisers[random_between (self, 0,
                                                              G_N_ELEMENTS (advisers) - 1)]];
      reviewed_on = random_date (self, EARLIEST_REVIEW, LATEST_REVIEW);
      break;
    case CVN_N_QA_STATUSES:
      g_assert_not_reached ();
    }
  add_directory_entry (self, holder_kind, holder_id, area, CVN_DIRECTORY_STRENGTH, phase, days,
                       NULL, status, reviewer, reviewed_on);
}

static gint64
add_need (Borough       *self,
          CvnObjectKind  holder_kind,
          gint64         holder_id,
          Area           area,
          const char    *phase,
          const char    *priority)
{
  return add_directory_entry (self, holder_kind, holder_id, area, CVN_DIRECTORY_NEED, phase, 0,
                              priority, CVN_QA_SELF_DECLARED, NULL, NULL);
}

/* Up to @count random areas that suit @suits, skipping those in @taken (a bit per area). */
static void
add_random_strengths (Borough       *self,
                      CvnObjectKind  holder_kind,
                      gint64         holder_id,
                      const char    *phase,
                      guint          count,
                      guint32        taken)
{
  g_autoptr (GArray) areas = g_array_new (FALSE, FALSE, sizeof (guint));
  guint suits = suits_for_phase (phase);

  for (guint a = 0; a < N_AREAS; a++)
    if ((expertise_areas[a].suits & suits) != 0 && (taken & (1u << a)) == 0)
      g_array_append_val (areas, a);
  shuffle (self, areas);
  for (guint k = 0; k < count && k < areas->len; k++)
    add_strength (self, holder_kind, holder_id, g_array_index (areas, guint, k), phase, FALSE);
}

/* Strengths the brokered support draws on, as a bit per area. */
static guint32
add_provider_strengths (Borough       *self,
                        guint          school,
                        gboolean       by_head,
                        CvnObjectKind  holder_kind,
                        gint64         holder_id)
{
  guint32 taken = 0;

  for (guint e = 0; e < G_N_ELEMENTS (support_engagements); e++)
    {
      const EngagementSpec *spec = &support_engagements[e];

      if (spec->by_head == by_head && school_index (spec->provider) == school &&
          (taken & (1u << spec->area)) == 0)
        {
          add_strength (self, holder_kind, holder_id, spec->area, schools[school].phase, TRUE);
          taken |= 1u << spec->area;
        }
    }
  return taken;
}

static void
add_school_directory (Borough *self)
{
  static const char * const priorities[] = { "medium", "medium", "medium", "low", "low",
                                             "high" };

  for (guint i = 0; i < N_SCHOOLS; i++)
    {
      const VulnerableSpec *vulnerable = find_vulnerable (schools[i].name);
      const char *phase = schools[i].phase;
      gint64 id = self->school_ids[i];
      guint32 taken;
      int roll;

      if (!school_is_open (i))
        continue;
      if (vulnerable != NULL)
        {
          guint v = (guint) (vulnerable - vulnerable_schools);

          for (guint k = 0; k < G_N_ELEMENTS (vulnerable->needs); k++)
            self->need_ids[v][k] = add_need (self, CVN_OBJECT_ESTABLISHMENT, id,
                                             vulnerable->needs[k], phase, "high");
          continue;
        }

      taken = add_provider_strengths (self, i, FALSE, CVN_OBJECT_ESTABLISHMENT, id);
      roll = random_between (self, 1, 20);
      add_random_strengths (self, CVN_OBJECT_ESTABLISHMENT, id, phase,
                            roll <= 6 ? 0 : roll <= 13 ? 1 : roll <= 18 ? 2 : 3, taken);
      if (random_chance (self, 0.35))
        {
          g_autoptr (GArray) areas = g_array_new (FALSE, FALSE, sizeof (guint));

          for (guint a = 0; a < N_AREAS; a++)
            if ((expertise_areas[a].suits & suits_for_phase (phase)) != 0)
              g_array_append_val (areas, a);
          shuffle (self, areas);
          add_need (self, CVN_OBJECT_ESTABLISHMENT, id, g_array_index (areas, guint, 0), phase,
                    random_item (self, priorities, G_N_ELEMENTS (priorities)));
        }
    }
}

/* System leaders and specialist leaders offer their own expertise, as people. */
static void
add_people_directory (Borough *self)
{
  gboolean done[N_SCHOOLS] = { FALSE };

  for (guint d = 0; d < G_N_ELEMENTS (head_designations); d++)
    {
      const DesignationSpec *spec = &head_designations[d];
      guint school = school_index (spec->school);
      gint64 head = self->head_ids[school];
      guint32 taken;

      if (done[school] || !designation_types[spec->type].system_leader ||
          !cvn_date_range_is_current (spec->from_date, spec->until_date, CVN_SAMPLE_TODAY))
        continue;
      done[school] = TRUE;
      taken = add_provider_strengths (self, school, TRUE, CVN_OBJECT_PERSON, head);
      /* Leading other schools is what system leaders are for. */
      if ((taken & (1u << AREA_LEADERSHIP)) == 0)
        {
          add_strength (self, CVN_OBJECT_PERSON, head, AREA_LEADERSHIP, schools[school].phase,
                        FALSE);
          taken |= 1u << AREA_LEADERSHIP;
        }
      add_random_strengths (self, CVN_OBJECT_PERSON, head, schools[school].phase,
                            (guint) random_between (self, 0, 1), taken);
    }

  /* Providers whose designation has lapsed still offer what was brokered from them. */
  for (guint e = 0; e < G_N_ELEMENTS (support_engagements); e++)
    {
      guint school = school_index (support_engagements[e].provider);

      if (support_engagements[e].by_head && !done[school])
        {
          done[school] = TRUE;
          add_provider_strengths (self, school, TRUE, CVN_OBJECT_PERSON,
                                  self->head_ids[school]);
        }
    }
}

static void
add_other_leaders (Borough *self)
{
  for (guint k = 0; k < G_N_ELEMENTS (other_leaders); k++)
    {
      const LeaderSpec *spec = &other_leaders[k];
      guint school = school_index (spec->school);
      DesignationSpec designation = { spec->school, spec->type, spec->from_date,
                                      spec->until_date };
      gint64 id = add_person (self, spec->job_title, self->school_ids[school], NULL);

      add_designation (self, &designation, id, 0);
      add_strength (self, CVN_OBJECT_PERSON, id, spec->area, schools[school].phase,
                    spec->until_date[0] == '\0' && random_chance (self, 0.5));
    }
}

static gint64
need_for (Borough    *self,
          const char *school,
          Area        area)
{
  for (guint v = 0; v < G_N_ELEMENTS (vulnerable_schools); v++)
    for (guint k = 0; k < G_N_ELEMENTS (vulnerable_schools[v].needs); k++)
      if (g_str_equal (vulnerable_schools[v].school, school) &&
          vulnerable_schools[v].needs[k] == area)
        return self->need_ids[v][k];
  return 0;
}

static void
add_support (Borough *self)
{
  for (guint e = 0; e < G_N_ELEMENTS (support_engagements) && !failed (self); e++)
    {
      const EngagementSpec *spec = &support_engagements[e];
      guint provider = school_index (spec->provider);
      CvnSupportEngagement engagement = { 0 };

      engagement.provider_kind = spec->by_head ? CVN_OBJECT_PERSON : CVN_OBJECT_ESTABLISHMENT;
      engagement.provider_id = spec->by_head ? self->head_ids[provider]
                                             : self->school_ids[provider];
      engagement.recipient_id = self->school_ids[school_index (spec->recipient)];
      engagement.area_id = self->area_ids[spec->area];
      engagement.need_entry_id = need_for (self, spec->recipient, spec->area);
      set_text (&engagement.broker, self->officer_names[OFFICER_SCHOOL_IMPROVEMENT]);
      engagement.days = spec->days;
      set_text (&engagement.start_date, spec->start_date);
      set_text (&engagement.end_date, spec->end_date);
      set_text (&engagement.success_criteria, spec->success_criteria);
      engagement.status = spec->status;
      set_text (&engagement.impact_notes, spec->impact_notes);
      cvn_store_insert_support_engagement (self->doc, &engagement, &self->error);
      cvn_support_engagement_clear (&engagement);
    }
}

static gboolean
document_is_empty (CvnDocument  *doc,
                   GError      **error)
{
  static const char * const tables[] = {
    "establishments", "people", "groups", "designation_types", "expertise_areas",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      gint64 count = cvn_store_count (doc, tables[i], error);

      if (count < 0)
        return FALSE;
      if (count > 0)
        {
          g_set_error (error, CVN_DOCUMENT_ERROR, CVN_DOCUMENT_ERROR_INVALID,
                       _("The sample borough can only be built in an empty document, and "
                         "“%s” already holds %s"), cvn_document_get_path (doc), tables[i]);
          return FALSE;
        }
    }
  return TRUE;
}

static void
build_borough (Borough *self)
{
  seed_reference_lists (self);
  for (guint i = 0; i < N_SCHOOLS; i++)
    self->school_ids[i] = add_school (self, i);
  add_people (self);
  add_designations (self);
  add_other_leaders (self);
  add_tiers (self);
  add_sub_groups (self);
  add_primary_committee (self);
  add_secondary_committee (self);
  add_board_members (self);
  add_cross_cutting_groups (self);
  add_school_directory (self);
  add_people_directory (self);
  add_support (self);
}

gboolean
cvn_sample_build (CvnDocument *doc,
                  GError     **error)
{
  Borough borough = { 0 };
  gboolean ok;

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!document_is_empty (doc, error) ||
      !cvn_document_begin_edit (doc, _("Create sample borough"), error))
    return FALSE;

  borough.doc = doc;
  borough.rand = g_rand_new_with_seed (SAMPLE_SEED);
  borough.person_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  build_borough (&borough);

  ok = !failed (&borough);
  if (ok)
    ok = cvn_document_commit_edit (doc, &borough.error);
  else
    cvn_document_rollback_edit (doc);
  if (!ok)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&borough.error),
                                  _("Building the sample borough in “%s”: "),
                                  cvn_document_get_path (doc));
    }

  for (guint i = 0; i < N_SCHOOLS; i++)
    g_free (borough.head_names[i]);
  for (guint i = 0; i < N_OFFICERS; i++)
    g_free (borough.officer_names[i]);
  g_hash_table_unref (borough.person_names);
  g_rand_free (borough.rand);
  return ok;
}

/* Removes a half-written document together with SQLite's write-ahead log files. */
static void
remove_document_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
}

CvnDocument *
cvn_sample_create (const char *path,
                   GError    **error)
{
  g_autoptr (CvnDocument) doc = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  /* cvn_document_create refuses an existing path without touching it, so only a file this
   * call created is ever removed. */
  doc = cvn_document_create (path, error);
  if (doc == NULL)
    return NULL;
  if (!cvn_sample_build (doc, error))
    {
      g_clear_object (&doc);
      remove_document_files (path);
      return NULL;
    }
  return g_steal_pointer (&doc);
}
