/* cvn-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-store"

#include "config.h"

#include "cvn-store.h"
#include "cvn-schema.h"

#include <glib/gi18n-lib.h>

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *value)
{
  sqlite3_bind_text (stmt, index, value != NULL ? value : "", -1, SQLITE_TRANSIENT);
}

static void
bind_id (sqlite3_stmt *stmt,
         int           index,
         gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_positive_int (sqlite3_stmt *stmt,
                   int           index,
                   gint64        value)
{
  if (value > 0)
    sqlite3_bind_int64 (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
check_in_edit (CvnDocument *doc)
{
  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (cvn_document_in_edit (doc), FALSE);
  return TRUE;
}

/* Runs @stmt; for an UPDATE, fails when no row had @id. */
static gboolean
finish (CvnDocument  *doc,
        sqlite3_stmt *stmt,
        gboolean      is_update,
        gint64        id,
        GError      **error)
{
  if (!cvn_document_step_done (doc, stmt, error))
    return FALSE;
  if (is_update && sqlite3_changes (cvn_document_get_db (doc)) == 0)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, CVN_DOCUMENT_ERROR, CVN_DOCUMENT_ERROR_INVALID,
                   _("There is no object with id %s"), id_text);
      return FALSE;
    }
  return TRUE;
}

static gint64
finish_insert (CvnDocument  *doc,
               sqlite3_stmt *stmt,
               GError      **error)
{
  if (!cvn_document_step_done (doc, stmt, error))
    return 0;
  return cvn_document_last_insert_id (doc);
}

static void
bind_establishment (sqlite3_stmt           *stmt,
                    const CvnEstablishment *e)
{
  bind_positive_int (stmt, 1, e->urn);
  bind_text (stmt, 2, e->name);
  bind_text (stmt, 3, e->phase);
  bind_text (stmt, 4, e->type);
  bind_text (stmt, 5, e->local_authority);
  bind_text (stmt, 6, e->religious_character);
  bind_text (stmt, 7, e->diocese);
  bind_text (stmt, 8, e->trust);
  bind_text (stmt, 9, e->federation);
  bind_text (stmt, 10, e->postcode);
  if (e->has_location)
    {
      sqlite3_bind_double (stmt, 11, e->easting);
      sqlite3_bind_double (stmt, 12, e->northing);
    }
  bind_text (stmt, 13, e->inspection_grade);
  if (e->pupils >= 0)
    sqlite3_bind_int (stmt, 14, e->pupils);
  sqlite3_bind_int (stmt, 15, e->is_open ? 1 : 0);
  bind_text (stmt, 16, e->risk_category);
  bind_text (stmt, 17, e->engagement);
  bind_text (stmt, 18, e->opted_out_reason);
  bind_text (stmt, 19, e->colour);
}

#define ESTABLISHMENT_COLUMNS \
  "urn, name, phase, type, local_authority, religious_character, diocese, trust, federation, " \
  "postcode, easting, northing, inspection_grade, pupils, is_open, risk_category, engagement, " \
  "opted_out_reason, colour"

gint64
cvn_store_insert_establishment (CvnDocument            *doc,
                                const CvnEstablishment *establishment,
                                GError                **error)
{
  sqlite3_stmt *stmt;

  if (!check_in_edit (doc))
    return 0;
  stmt = cvn_document_prepare_cached (doc, "INSERT INTO establishments (" ESTABLISHMENT_COLUMNS ") "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                                    "?13, ?14, ?15, ?16, ?17, ?18, ?19)", error);
  if (stmt == NULL)
    return 0;
  bind_establishment (stmt, establishment);
  return finish_insert (doc, stmt, error);
}

gboolean
cvn_store_update_establishment (CvnDocument            *doc,
                                const CvnEstablishment *establishment,
                                GError                **error)
{
  sqlite3_stmt *stmt;

  if (!check_in_edit (doc))
    return FALSE;
  stmt = cvn_document_prepare_cached (doc, "UPDATE establishments SET (" ESTABLISHMENT_COLUMNS ") = "
                                    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                                    "?13, ?14, ?15, ?16, ?17, ?18, ?19) WHERE id = ?20", error);
  if (stmt == NULL)
    return FALSE;
  bind_establishment (stmt, establishment);
  sqlite3_bind_int64 (stmt, 20, establishment->id);
  return finish (doc, stmt, TRUE, establishment->id, error);
}

static void
bind_person (sqlite3_stmt    *stmt,
             const CvnPerson *p)
{
  bind_text (stmt, 1, p->name);
  bind_text (stmt, 2, p->job_title);
  bind_text (stmt, 3, p->email);
  bind_text (stmt, 4, p->phone);
  bind_id (stmt, 5, p->establishment_id);
  bind_text (stmt, 6, p->colour);
}

gint64
cvn_store_insert_person (CvnDocument     *doc,
                         const CvnPerson *person,
                         GError         **error)
{
  sqlite3_stmt *stmt;

  if (!check_in_edit (doc))
    return 0;
  stmt = cvn_document_prepare_cached (doc, "INSERT INTO people (name, job_title, email, phone, "
                                    "establishment_id, colour) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                               error);
  if (stmt == NULL)
    return 0;
  bind_person (stmt, person);
  return finish_insert (doc, stmt, error);
}

gboolean
cvn_store_update_person (CvnDocument     *doc,
                         const CvnPerson *person,
                         GError         **error)
{
  sqlite3_stmt *stmt;

  if (!check_in_edit (doc))
    return FALSE;
  stmt = cvn_document_prepare_cached (doc, "UPDATE people SET (name, job_title, email, phone, "
                                    "establishment_id, colour) = (?1, ?2, ?3, ?4, ?5, ?6) "
                                    "WHERE id = ?7", error);
  if (stmt == NULL)
    return FALSE;
  bind_person (stmt, person);
  sqlite3_bind_int64 (stmt, 7, person->id);
  return finish (doc, stmt, TRUE, person->id, error);
}

gint64
cvn_store_insert_designation_type (CvnDocument              *doc,
                                   const CvnDesignationType *type,
                                   GError                  **error)
{
  sqlite3_stmt *stmt;

  if (!check_in_edit (doc))
    return 0;
  stmt = cvn_document_prepare_cached (doc, "INSERT INTO designation_types (code, name, holder, "
                                    "system_leader) VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return 0;
  bind_text (stmt, 1, type->code);
  bind_text (stmt, 2, type->name);
  bind_text (stmt, 3, type->for_schools ? "school" : "person");
  sqlite3_bind_int (stmt, 4, type->system_leader ? 1 : 0);
  return finish_insert (doc, stmt, error);
}

static void
bind_designation (sqlite3_stmt         *stmt,
                  const CvnDesignation *d)
{
  bind_id (stmt, 1, d->type_id);
  bind_id (stmt, 2, d->person_id);
  bind_id (stmt, 3, d->establishment_id);
  bind_text (stmt, 4, d->from_date);
  bind_text (stmt, 5, d->until_date);
}

gint64
cvn_store_insert_designation (CvnDocument          *doc,
                              const CvnDesignation *designation,
                              GError              **error)
{
  sqlite3_stmt *stmt;

  if (!check_in_edit (doc))
    return 0;
  stmt = cvn_document_prepare_cached (doc, "INSERT INTO designations (type_id, person_id, "
                                    "establishment_id, from_date, until_date) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return 0;
  bind_designation (stmt, designation);
  return finish_insert (doc, stmt, error);
}

gboolean
cvn_store_update_designation (CvnDocument          *doc,
                              const CvnDesignation *designation,
                              GError              **error)
{
  sqlite3_stmt *stmt;

  if (!check_in_edit (doc))
    return FALSE;
  stmt = cvn_document_prepare_cached (doc, "UPDATE designations SET (type_id, person_id, "
                                    "establishment_id, from_date, until_date) = "
                                    "(?1, ?2, ?3, ?4, ?5) WHERE id = ?6", error);
  if (stmt == NULL)
    return FALSE;
  bind_designation (stmt, designation);
  sqlite3_bind_int64 (stmt, 6, designation->id);
  return finish (doc, stmt, TRUE, designation->id, error);
}

static void
bind_group (sqlite3_stmt   *stmt,
            const CvnGroup *g)
{
  bind_text (stmt, 1, g->name);
  bind_text (stmt, 2, g->kind);
  bind_positive_int (stmt, 3, g->tier);
  bind_id (stmt, 4, g->parent_id);
  bind_text (stmt, 5, g->phase);
  bind_text (stmt, 6, g->purpose);
  bind_text (stmt, 7, g->status != NULL && g->status[0] != '\0' ? g->status : "active");
  bind_text (stmt, 8, g->colour);
  bind_text (stmt, 9, g->represents);
  bind_positive_int (stmt, 10, g->max_per_organisation);
  bind_positive_int (stmt, 11, g->seats_per_alliance);
  bind_text (stmt, 12, g->seats_per_phase);
}

#define GROUP_COLUMNS \
  "name, kind, tier, parent_id, phase, purpose, status, colour, represents, " \
  "max_per_organisation, seats_per_alliance, seats_per_phase"

gint64
cvn_store_insert_group (CvnDocument    *doc,
                        const CvnGroup *group,
                        GError        **error)
{
  sqlite3_stmt *stmt;

  if (!check_in_edit (doc))
    return 0;
  stmt = cvn_document_prepare_cached (doc, "INSERT INTO groups (" GROUP_COLUMNS ") VALUES "
                                    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)", error);
  if (stmt == NULL)
    return 0;
  bind_group (stmt, group);
  return finish_insert (doc, stmt, error);
}

gboolean
cvn_store_update_group (CvnDocument    *doc,
                        const CvnGroup *group,
                        GError        **error)
{
  sqlite3_stmt *stmt;

  if (!check_in_edit (doc))
    return FALSE;
  stmt = cvn_document_prepare_cached (doc, "UPDATE groups SET (" GROUP_COLUMNS ") = "
                                    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
                                    "WHERE id = ?13", error);
  if (stmt == NULL)
    return FALSE;
  bind_group (stmt, group);
  sqlite3_bind_int64 (stmt, 13, group->id);
  return finish (doc, stmt, TRUE, group->id, error);
}

static void
bind_membership (sqlite3_stmt        *stmt,
                 const CvnMembership *m)
{
  bind_id (stmt, 1, m->group_id);
  bind_id (stmt, 2, m->member_kind == CVN_OBJECT_ESTABLISHMENT ? m->member_id : 0);
  bind_id (stmt, 3, m->member_kind == CVN_OBJECT_PERSON ? m->member_id : 0);
  bind_id (stmt, 4, m->member_kind == CVN_OBJECT_GROUP ? m->member_id : 0);
  bind_text (stmt, 5, cvn_role_to_string (m->role));
  bind_text (stmt, 6, m->from_date);
  bind_text (stmt, 7, m->until_date);
}

#define MEMBERSHIP_COLUMNS \
  "group_id, establishment_id, person_id, member_group_id, role, from_date, until_date"

gint64
cvn_store_insert_membership (CvnDocument         *doc,
                             const CvnMembership *membership,
                             GError             **error)
{
  sqlite3_stmt *stmt;

  if (!check_in_edit (doc))
    return 0;
  if (membership->member_kind == CVN_OBJECT_GROUP &&
      membership->member_id == membership->group_id)
    {
      g_set_error_literal (error, CVN_DOCUMENT_ERROR, CVN_DOCUMENT_ERROR_INVALID,
                           _("A group cannot be a member of itself"));
      return 0;
    }
  stmt = cvn_document_prepare_cached (doc, "INSERT INTO memberships (" MEMBERSHIP_COLUMNS ") "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return 0;
  bind_membership (stmt, membership);
  return finish_insert (doc, stmt, error);
}

gboolean
cvn_store_update_membership (CvnDocument         *doc,
                             const CvnMembership *membership,
                             GError             **error)
{
  sqlite3_stmt *stmt;

  if (!check_in_edit (doc))
    return FALSE;
  stmt = cvn_document_prepare_cached (doc, "UPDATE memberships SET (" MEMBERSHIP_COLUMNS ") = "
                                    "(?1, ?2, ?3, ?4, ?5, ?6, ?7) WHERE id = ?8", error);
  if (stmt == NULL)
    return FALSE;
  bind_membership (stmt, membership);
  sqlite3_bind_int64 (stmt, 8, membership->id);
  return finish (doc, stmt, TRUE, membership->id, error);
}

gint64
cvn_store_insert_expertise_area (CvnDocument            *doc,
                                 const CvnExpertiseArea *area,
                                 GError                **error)
{
  sqlite3_stmt *stmt;

  if (!check_in_edit (doc))
    return 0;
  stmt = cvn_document_prepare_cached (doc, "INSERT INTO expertise_areas (name, position) "
                                    "VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return 0;
  bind_text (stmt, 1, area->name);
  sqlite3_bind_int (stmt, 2, area->position);
  return finish_insert (doc, stmt, error);
}

static void
bind_directory_entry (sqlite3_stmt            *stmt,
                      const CvnDirectoryEntry *e)
{
  bind_id (stmt, 1, e->holder_kind == CVN_OBJECT_ESTABLISHMENT ? e->holder_id : 0);
  bind_id (stmt, 2, e->holder_kind == CVN_OBJECT_PERSON ? e->holder_id : 0);
  bind_id (stmt, 3, e->area_id);
  bind_text (stmt, 4, e->kind == CVN_DIRECTORY_NEED ? "need" : "strength");
  bind_text (stmt, 5, e->evidence);
  sqlite3_bind_double (stmt, 6, e->capacity_days);
  bind_text (stmt, 7, e->phase);
  bind_text (stmt, 8, e->priority);
  bind_text (stmt, 9, e->notes);
  bind_text (stmt, 10, cvn_qa_status_to_string (e->qa_status));
  bind_text (stmt, 11, e->reviewer);
  bind_text (stmt, 12, e->reviewed_on);
}

#define DIRECTORY_COLUMNS \
  "establishment_id, person_id, area_id, kind, evidence, capacity_days, phase, priority, " \
  "notes, qa_status, reviewer, reviewed_on"

gint64
cvn_store_insert_directory_entry (CvnDocument             *doc,
                                  const CvnDirectoryEntry *entry,
                                  GError                 **error)
{
  sqlite3_stmt *stmt;

  if (!check_in_edit (doc))
    return 0;
  stmt = cvn_document_prepare_cached (doc, "INSERT INTO directory_entries (" DIRECTORY_COLUMNS ") "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                               error);
  if (stmt == NULL)
    return 0;
  bind_directory_entry (stmt, entry);
  return finish_insert (doc, stmt, error);
}

gboolean
cvn_store_update_directory_entry (CvnDocument             *doc,
                                  const CvnDirectoryEntry *entry,
                                  GError                 **error)
{
  sqlite3_stmt *stmt;

  if (!check_in_edit (doc))
    return FALSE;
  stmt = cvn_document_prepare_cached (doc, "UPDATE directory_entries SET (" DIRECTORY_COLUMNS ") = "
                                    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
                                    "WHERE id = ?13", error);
  if (stmt == NULL)
    return FALSE;
  bind_directory_entry (stmt, entry);
  sqlite3_bind_int64 (stmt, 13, entry->id);
  return finish (doc, stmt, TRUE, entry->id, error);
}

static void
bind_support_engagement (sqlite3_stmt               *stmt,
                         const CvnSupportEngagement *e)
{
  bind_id (stmt, 1, e->provider_kind == CVN_OBJECT_ESTABLISHMENT ? e->provider_id : 0);
  bind_id (stmt, 2, e->provider_kind == CVN_OBJECT_PERSON ? e->provider_id : 0);
  bind_id (stmt, 3, e->recipient_id);
  bind_id (stmt, 4, e->area_id);
  bind_id (stmt, 5, e->need_entry_id);
  bind_text (stmt, 6, e->broker);
  sqlite3_bind_double (stmt, 7, e->days);
  bind_text (stmt, 8, e->start_date);
  bind_text (stmt, 9, e->end_date);
  bind_text (stmt, 10, e->success_criteria);
  bind_text (stmt, 11, cvn_engagement_status_to_string (e->status));
  bind_text (stmt, 12, e->impact_notes);
}

#define ENGAGEMENT_COLUMNS \
  "provider_establishment_id, provider_person_id, recipient_establishment_id, area_id, " \
  "need_entry_id, broker, days, start_date, end_date, success_criteria, status, impact_notes"

gint64
cvn_store_insert_support_engagement (CvnDocument                *doc,
                                     const CvnSupportEngagement *engagement,
                                     GError                    **error)
{
  sqlite3_stmt *stmt;

  if (!check_in_edit (doc))
    return 0;
  if (engagement->provider_kind == CVN_OBJECT_ESTABLISHMENT &&
      engagement->provider_id == engagement->recipient_id)
    {
      g_set_error_literal (error, CVN_DOCUMENT_ERROR, CVN_DOCUMENT_ERROR_INVALID,
                           _("A school cannot be its own provider of support"));
      return 0;
    }
  stmt = cvn_document_prepare_cached (doc, "INSERT INTO support_engagements (" ENGAGEMENT_COLUMNS ") "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                               error);
  if (stmt == NULL)
    return 0;
  bind_support_engagement (stmt, engagement);
  return finish_insert (doc, stmt, error);
}

gboolean
cvn_store_update_support_engagement (CvnDocument                *doc,
                                     const CvnSupportEngagement *engagement,
                                     GError                    **error)
{
  sqlite3_stmt *stmt;

  if (!check_in_edit (doc))
    return FALSE;
  stmt = cvn_document_prepare_cached (doc, "UPDATE support_engagements SET (" ENGAGEMENT_COLUMNS ") = "
                                    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
                                    "WHERE id = ?13", error);
  if (stmt == NULL)
    return FALSE;
  bind_support_engagement (stmt, engagement);
  sqlite3_bind_int64 (stmt, 13, engagement->id);
  return finish (doc, stmt, TRUE, engagement->id, error);
}

static gboolean
is_known_table (const char *table)
{
  for (guint i = 0; cvn_schema_tables[i] != NULL; i++)
    if (g_str_equal (cvn_schema_tables[i], table))
      return TRUE;
  return FALSE;
}

gboolean
cvn_store_delete (CvnDocument *doc,
                  const char  *table,
                  gint64       id,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *sql = NULL;

  if (!check_in_edit (doc))
    return FALSE;
  g_return_val_if_fail (is_known_table (table), FALSE);

  sql = g_strdup_printf ("DELETE FROM %s WHERE rowid = ?1", table);
  stmt = cvn_document_prepare_cached (doc, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!finish (doc, stmt, TRUE, id, error))
    return FALSE;

  /* Layouts refer to objects of several tables, so no foreign key removes their rows. */
  {
    const char *kind = NULL;

    if (g_str_equal (table, "establishments"))
      kind = "school";
    else if (g_str_equal (table, "people"))
      kind = "person";
    else if (g_str_equal (table, "groups"))
      kind = "group";
    if (kind != NULL)
      {
        g_autoptr (sqlite3_stmt) layouts = NULL;

        layouts = cvn_document_prepare (doc, "DELETE FROM layouts WHERE object_kind = ?1 "
                                             "AND object_id = ?2", error);
        if (layouts == NULL)
          return FALSE;
        sqlite3_bind_text (layouts, 1, kind, -1, SQLITE_STATIC);
        sqlite3_bind_int64 (layouts, 2, id);
        return cvn_document_step_done (doc, layouts, error);
      }
  }
  return TRUE;
}

gboolean
cvn_store_set_position (CvnDocument  *doc,
                        const char   *view,
                        CvnObjectKind kind,
                        gint64        id,
                        double        x,
                        double        y,
                        gboolean      pinned,
                        GError      **error)
{
  sqlite3_stmt *stmt;

  if (!check_in_edit (doc))
    return FALSE;
  stmt = cvn_document_prepare_cached (doc, "INSERT INTO layouts (view, object_kind, object_id, x, y, "
                                    "pinned) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                                    "ON CONFLICT (view, object_kind, object_id) DO UPDATE SET "
                                    "x = excluded.x, y = excluded.y, pinned = excluded.pinned",
                               error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, view);
  bind_text (stmt, 2, cvn_object_kind_to_string (kind));
  sqlite3_bind_int64 (stmt, 3, id);
  sqlite3_bind_double (stmt, 4, x);
  sqlite3_bind_double (stmt, 5, y);
  sqlite3_bind_int (stmt, 6, pinned ? 1 : 0);
  return cvn_document_step_done (doc, stmt, error);
}

gint64
cvn_store_count (CvnDocument *doc,
                 const char  *table,
                 GError     **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *sql = NULL;
  gint64 count;

  g_return_val_if_fail (is_known_table (table), -1);

  sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  stmt = cvn_document_prepare_cached (doc, sql, error);
  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      cvn_document_set_sql_error (doc, error, cvn_document_get_path (doc));
      sqlite3_reset (stmt);
      return -1;
    }
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}
