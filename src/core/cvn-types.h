/* cvn-types.h — forward declarations and enums shared across the layers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CvnDocument CvnDocument;
typedef struct _CvnSnapshot CvnSnapshot;

/* The three kinds of thing that can be a member of a group. */
typedef enum
{
  CVN_OBJECT_NONE = 0,
  CVN_OBJECT_ESTABLISHMENT,
  CVN_OBJECT_PERSON,
  CVN_OBJECT_GROUP,
} CvnObjectKind;

/* One object of the document, a school, a person or a group: what a selection, a highlight
 * or an edit names. */
typedef struct
{
  CvnObjectKind kind;
  gint64        id;
} CvnObjectRef;

typedef enum
{
  CVN_ROLE_MEMBER = 0,
  CVN_ROLE_CHAIR,
  CVN_ROLE_CO_CHAIR,
  CVN_ROLE_LEAD_HEAD,
  CVN_ROLE_REPRESENTATIVE,
  CVN_ROLE_OBSERVER,
  CVN_N_ROLES
} CvnRole;

typedef enum
{
  CVN_DIRECTORY_STRENGTH = 0,
  CVN_DIRECTORY_NEED,
} CvnDirectoryKind;

typedef enum
{
  CVN_QA_SELF_DECLARED = 0,
  CVN_QA_PEER_REVIEWED,
  CVN_QA_QUALITY_ASSURED,
  CVN_N_QA_STATUSES
} CvnQaStatus;

typedef enum
{
  CVN_ENGAGEMENT_PROPOSED = 0,
  CVN_ENGAGEMENT_AGREED,
  CVN_ENGAGEMENT_ACTIVE,
  CVN_ENGAGEMENT_COMPLETED,
  CVN_ENGAGEMENT_WITHDRAWN,
  CVN_N_ENGAGEMENT_STATUSES
} CvnEngagementStatus;

/* Stable names as stored in the document and printed by the command line. */
const char   *cvn_object_kind_to_string        (CvnObjectKind kind);
CvnObjectKind cvn_object_kind_from_string      (const char *str);
const char   *cvn_role_to_string               (CvnRole role);
gboolean      cvn_role_from_string             (const char *str,
                                                CvnRole    *out_role);
const char   *cvn_role_get_label               (CvnRole role);
const char   *cvn_qa_status_to_string          (CvnQaStatus status);
gboolean      cvn_qa_status_from_string        (const char  *str,
                                                CvnQaStatus *out_status);
const char   *cvn_engagement_status_to_string  (CvnEngagementStatus status);
gboolean      cvn_engagement_status_from_string (const char          *str,
                                                 CvnEngagementStatus *out_status);

/* The group kinds Convenor knows by name; a document may use others. */
extern const char * const cvn_group_kinds[];

G_END_DECLS
