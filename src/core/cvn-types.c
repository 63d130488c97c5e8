/* cvn-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-types"

#include "config.h"

#include "cvn-types.h"

#include <glib/gi18n-lib.h>

const char * const cvn_group_kinds[] = {
  "cluster", "learning community", "network", "consortium", "alliance", "board",
  "sub-group", "committee", "hub", "teaching school alliance", "trust", "federation",
  "diocesan group", "inclusion group", "strategic group", NULL
};

static const char * const role_names[CVN_N_ROLES] = {
  "member", "chair", "co-chair", "lead head", "representative", "observer",
};

static const char * const qa_names[CVN_N_QA_STATUSES] = {
  "self-declared", "peer-reviewed", "quality-assured",
};

static const char * const engagement_names[CVN_N_ENGAGEMENT_STATUSES] = {
  "proposed", "agreed", "active", "completed", "withdrawn",
};

const char *
cvn_object_kind_to_string (CvnObjectKind kind)
{
  switch (kind)
    {
    case CVN_OBJECT_ESTABLISHMENT:
      return "school";
    case CVN_OBJECT_PERSON:
      return "person";
    case CVN_OBJECT_GROUP:
      return "group";
    case CVN_OBJECT_NONE:
    default:
      return "none";
    }
}

CvnObjectKind
cvn_object_kind_from_string (const char *str)
{
  if (str == NULL)
    return CVN_OBJECT_NONE;
  if (g_str_equal (str, "school") || g_str_equal (str, "establishment"))
    return CVN_OBJECT_ESTABLISHMENT;
  if (g_str_equal (str, "person"))
    return CVN_OBJECT_PERSON;
  if (g_str_equal (str, "group"))
    return CVN_OBJECT_GROUP;
  return CVN_OBJECT_NONE;
}

static gboolean
lookup_name (const char * const *names,
             guint               n_names,
             const char         *str,
             guint              *out_index)
{
  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < n_names; i++)
    if (g_ascii_strcasecmp (names[i], str) == 0)
      {
        *out_index = i;
        return TRUE;
      }
  return FALSE;
}

const char *
cvn_role_to_string (CvnRole role)
{
  g_return_val_if_fail (role < CVN_N_ROLES, "member");
  return role_names[role];
}

gboolean
cvn_role_from_string (const char *str,
                      CvnRole    *out_role)
{
  guint i;

  if (!lookup_name (role_names, CVN_N_ROLES, str, &i))
    return FALSE;
  *out_role = (CvnRole) i;
  return TRUE;
}

const char *
cvn_role_get_label (CvnRole role)
{
  switch (role)
    {
    case CVN_ROLE_MEMBER:
      return _("Member");
    case CVN_ROLE_CHAIR:
      return _("Chair");
    case CVN_ROLE_CO_CHAIR:
      return _("Co-chair");
    case CVN_ROLE_LEAD_HEAD:
      return _("Lead head");
    case CVN_ROLE_REPRESENTATIVE:
      return _("Representative");
    case CVN_ROLE_OBSERVER:
      return _("Observer");
    case CVN_N_ROLES:
    default:
      return "";
    }
}

const char *
cvn_qa_status_to_string (CvnQaStatus status)
{
  g_return_val_if_fail (status < CVN_N_QA_STATUSES, "self-declared");
  return qa_names[status];
}

gboolean
cvn_qa_status_from_string (const char  *str,
                           CvnQaStatus *out_status)
{
  guint i;

  if (!lookup_name (qa_names, CVN_N_QA_STATUSES, str, &i))
    return FALSE;
  *out_status = (CvnQaStatus) i;
  return TRUE;
}

const char *
cvn_engagement_status_to_string (CvnEngagementStatus status)
{
  g_return_val_if_fail (status < CVN_N_ENGAGEMENT_STATUSES, "proposed");
  return engagement_names[status];
}

gboolean
cvn_engagement_status_from_string (const char          *str,
                                   CvnEngagementStatus *out_status)
{
  guint i;

  if (!lookup_name (engagement_names, CVN_N_ENGAGEMENT_STATUSES, str, &i))
    return FALSE;
  *out_status = (CvnEngagementStatus) i;
  return TRUE;
}
