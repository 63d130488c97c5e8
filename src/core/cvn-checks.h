/* cvn-checks.h — structure checks: what is missing or out of shape in a partnership.
 *
 * A check is a pure function of a snapshot and a set of thresholds, so the Checks view can run
 * them again whenever the document changes and the command line gives the same answer as the
 * window. Each finding names one object (a school, a person or a group) and says, in a full
 * sentence, what is wrong with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cvn-document.h"
#include "cvn-snapshot.h"

G_BEGIN_DECLS

/* The finding codes. They are stable: scripts match on them. */
#define CVN_CHECK_SCHOOL_UNCLUSTERED      "school-unclustered"
#define CVN_CHECK_CLUSTER_NO_ALLIANCE     "cluster-no-alliance"
#define CVN_CHECK_ALLIANCE_NOT_ON_BOARD   "alliance-not-on-board"
#define CVN_CHECK_COMMITTEE_UNREPRESENTED "committee-unrepresented"
#define CVN_CHECK_CLUSTER_NO_SYSTEM_LEADER "cluster-no-system-leader"
#define CVN_CHECK_GROUP_SIZE              "group-size"
#define CVN_CHECK_SCHOOL_OVERCOMMITTED    "school-overcommitted"
#define CVN_CHECK_CHAIR_OVERLOAD          "chair-overload"
#define CVN_CHECK_VULNERABLE_UNSUPPORTED  "vulnerable-unsupported"
#define CVN_CHECK_BOARD_COMPOSITION       "board-composition"

/* Defaults of the thresholds, used when a document has no setting of its own. */
#define CVN_CHECK_DEFAULT_CLUSTER_SIZE_MIN       4
#define CVN_CHECK_DEFAULT_CLUSTER_SIZE_MAX       10
#define CVN_CHECK_DEFAULT_MAX_GROUPS_PER_SCHOOL  6
#define CVN_CHECK_DEFAULT_MAX_CHAIRS_PER_PERSON  3

typedef struct
{
  const char    *code;         /* one of the CVN_CHECK_ codes; static */
  CvnObjectKind  object_kind;
  gint64         object_id;
  char          *object_name;
  char          *message;      /* a translated sentence naming the object */
} CvnFinding;

/* The thresholds of the checks. Settings keys in a document (all integers):
 *   checks.cluster-size-min, checks.cluster-size-max   size of tier-1 groups (4, 10)
 *   checks.max-groups-per-school                       (6; 0 turns the check off)
 *   checks.max-chairs-per-person                       (3; 0 turns the check off)
 *   checks.group-size-min.KIND, checks.group-size-max.KIND
 *        size of groups of KIND, with spaces in the kind written as hyphens
 *        ("checks.group-size-max.learning-community"); 0 means no bound. Sub-groups default
 *        to 6 to 8 members, the size the Bexley sub-groups keep to.
 * A tier-1 group takes its kind's range when one is set and the cluster range otherwise.
 * Initialise with cvn_check_settings_init or _load and release with _clear. */
typedef struct
{
  int         cluster_size_min;
  int         cluster_size_max;
  int         max_groups_per_school;
  int         max_chairs_per_person;

  /*< private >*/
  GHashTable *group_sizes;     /* normalised kind -> int[2] { min, max } */
} CvnCheckSettings;

void        cvn_check_settings_init            (CvnCheckSettings       *settings);
/* Fills @settings with the document's thresholds, and the defaults for those it does not set. */
void        cvn_check_settings_load            (CvnDocument            *doc,
                                                CvnCheckSettings       *settings);
void        cvn_check_settings_clear           (CvnCheckSettings       *settings);
/* Sets the size range of groups of @kind; 0 for @min or @max means no bound on that side. */
void        cvn_check_settings_set_group_size  (CvnCheckSettings       *settings,
                                                const char             *kind,
                                                int                     min,
                                                int                     max);
/* The size range for groups of @kind and @tier; FALSE when such groups have none. */
gboolean    cvn_check_settings_get_group_size  (const CvnCheckSettings *settings,
                                                const char             *kind,
                                                int                     tier,
                                                int                    *out_min,
                                                int                    *out_max);

/* Runs every check over @snapshot. With %NULL @settings the defaults apply. Returns a
 * GPtrArray of CvnFinding (it frees them), sorted by code, object kind (as
 * cvn_object_kind_to_string names it), object name and message. */
GPtrArray  *cvn_checks_run                     (CvnSnapshot            *snapshot,
                                                const CvnCheckSettings *settings);

/* The codes, in sorted order, %NULL-terminated; and a short translated title for each. */
const char * const *cvn_checks_get_codes       (void);
const char *cvn_check_code_get_title           (const char             *code);

void        cvn_finding_free                   (CvnFinding             *finding);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CvnFinding, cvn_finding_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CvnCheckSettings, cvn_check_settings_clear)

G_END_DECLS
