/* cvn-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-model"

#include "config.h"

#include "cvn-model.h"

#include <string.h>

void
cvn_establishment_clear (CvnEstablishment *self)
{
  g_free (self->name);
  g_free (self->phase);
  g_free (self->type);
  g_free (self->local_authority);
  g_free (self->religious_character);
  g_free (self->diocese);
  g_free (self->trust);
  g_free (self->federation);
  g_free (self->postcode);
  g_free (self->inspection_grade);
  g_free (self->risk_category);
  g_free (self->engagement);
  g_free (self->opted_out_reason);
  g_free (self->colour);
  memset (self, 0, sizeof *self);
}

void
cvn_establishment_init (CvnEstablishment *self)
{
  memset (self, 0, sizeof *self);
  self->name = g_strdup ("");
  self->phase = g_strdup ("");
  self->type = g_strdup ("");
  self->local_authority = g_strdup ("");
  self->religious_character = g_strdup ("");
  self->diocese = g_strdup ("");
  self->trust = g_strdup ("");
  self->federation = g_strdup ("");
  self->postcode = g_strdup ("");
  self->inspection_grade = g_strdup ("");
  self->pupils = -1;
  self->is_open = TRUE;
  self->risk_category = g_strdup ("");
  self->engagement = g_strdup ("");
  self->opted_out_reason = g_strdup ("");
  self->colour = g_strdup ("");
}

void
cvn_person_clear (CvnPerson *self)
{
  g_free (self->name);
  g_free (self->job_title);
  g_free (self->email);
  g_free (self->phone);
  g_free (self->colour);
  memset (self, 0, sizeof *self);
}

void
cvn_designation_type_clear (CvnDesignationType *self)
{
  g_free (self->code);
  g_free (self->name);
  memset (self, 0, sizeof *self);
}

void
cvn_designation_clear (CvnDesignation *self)
{
  g_free (self->from_date);
  g_free (self->until_date);
  memset (self, 0, sizeof *self);
}

void
cvn_group_clear (CvnGroup *self)
{
  g_free (self->name);
  g_free (self->kind);
  g_free (self->phase);
  g_free (self->purpose);
  g_free (self->status);
  g_free (self->colour);
  g_free (self->represents);
  g_free (self->seats_per_phase);
  memset (self, 0, sizeof *self);
}

void
cvn_group_init (CvnGroup *self)
{
  memset (self, 0, sizeof *self);
  self->name = g_strdup ("");
  self->kind = g_strdup ("cluster");
  self->phase = g_strdup ("");
  self->purpose = g_strdup ("");
  self->status = g_strdup ("active");
  self->colour = g_strdup ("");
  self->represents = g_strdup ("");
  self->seats_per_phase = g_strdup ("");
}

void
cvn_membership_clear (CvnMembership *self)
{
  g_free (self->from_date);
  g_free (self->until_date);
  memset (self, 0, sizeof *self);
}

void
cvn_expertise_area_clear (CvnExpertiseArea *self)
{
  g_free (self->name);
  memset (self, 0, sizeof *self);
}

void
cvn_directory_entry_clear (CvnDirectoryEntry *self)
{
  g_free (self->evidence);
  g_free (self->phase);
  g_free (self->priority);
  g_free (self->notes);
  g_free (self->reviewer);
  g_free (self->reviewed_on);
  memset (self, 0, sizeof *self);
}

void
cvn_support_engagement_clear (CvnSupportEngagement *self)
{
  g_free (self->broker);
  g_free (self->start_date);
  g_free (self->end_date);
  g_free (self->success_criteria);
  g_free (self->impact_notes);
  memset (self, 0, sizeof *self);
}

char *
cvn_today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

gboolean
cvn_date_range_is_current (const char *from_date,
                           const char *until_date,
                           const char *today)
{
  if (from_date != NULL && from_date[0] != '\0' && strcmp (from_date, today) > 0)
    return FALSE;
  if (until_date != NULL && until_date[0] != '\0' && strcmp (until_date, today) < 0)
    return FALSE;
  return TRUE;
}

gboolean
cvn_date_is_valid (const char *date)
{
  guint64 year, month, day;

  if (date == NULL || date[0] == '\0')
    return TRUE;
  if (strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;
  {
    char buf[11];

    memcpy (buf, date, 11);
    buf[4] = buf[7] = '\0';
    if (!g_ascii_string_to_unsigned (buf, 10, 1, 9999, &year, NULL) ||
        !g_ascii_string_to_unsigned (buf + 5, 10, 1, 12, &month, NULL) ||
        !g_ascii_string_to_unsigned (buf + 8, 10, 1, 31, &day, NULL))
      return FALSE;
  }
  return g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}
