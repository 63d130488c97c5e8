/* cvn-snapshot.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-snapshot"

#include "config.h"

#include "cvn-snapshot.h"

/* Index keys pack a small tag with an id so that one hash table serves every table. */
enum
{
  TAG_ESTABLISHMENT = 1,
  TAG_PERSON,
  TAG_GROUP,
  TAG_DESIGNATION_TYPE,
  TAG_AREA,
  TAG_URN,
};

static gpointer
key (guint  tag,
     gint64 id)
{
  return GSIZE_TO_POINTER (((gsize) id << 3) | tag);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? (const char *) text : "");
}

static gint64
column_id (sqlite3_stmt *stmt,
           int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? 0 : sqlite3_column_int64 (stmt, column);
}

typedef void (*ReadRow) (sqlite3_stmt *stmt, gpointer element);

static gboolean
load_table (CvnDocument *doc,
            const char  *sql,
            GArray      *array,
            ReadRow      read_row,
            GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = cvn_document_prepare (doc, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_array_set_size (array, array->len + 1);
      read_row (stmt, &g_array_index (array, char, (array->len - 1) *
                                                    g_array_get_element_size (array)));
    }
  if (rc != SQLITE_DONE)
    {
      cvn_document_set_sql_error (doc, error, cvn_document_get_path (doc));
      return FALSE;
    }
  return TRUE;
}

static void
read_establishment (sqlite3_stmt *stmt,
                    gpointer      element)
{
  CvnEstablishment *e = element;

  e->id = sqlite3_column_int64 (stmt, 0);
  e->urn = column_id (stmt, 1);
  e->name = column_dup (stmt, 2);
  e->phase = column_dup (stmt, 3);
  e->type = column_dup (stmt, 4);
  e->local_authority = column_dup (stmt, 5);
  e->religious_character = column_dup (stmt, 6);
  e->diocese = column_dup (stmt, 7);
  e->trust = column_dup (stmt, 8);
  e->federation = column_dup (stmt, 9);
  e->postcode = column_dup (stmt, 10);
  e->has_location = sqlite3_column_type (stmt, 11) != SQLITE_NULL &&
                    sqlite3_column_type (stmt, 12) != SQLITE_NULL;
  e->easting = sqlite3_column_double (stmt, 11);
  e->northing = sqlite3_column_double (stmt, 12);
  e->inspection_grade = column_dup (stmt, 13);
  e->pupils = sqlite3_column_type (stmt, 14) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 14);
  e->is_open = sqlite3_column_int (stmt, 15) != 0;
  e->risk_category = column_dup (stmt, 16);
  e->engagement = column_dup (stmt, 17);
  e->opted_out_reason = column_dup (stmt, 18);
  e->colour = column_dup (stmt, 19);
}

static void
read_person (sqlite3_stmt *stmt,
             gpointer      element)
{
  CvnPerson *p = element;

  p->id = sqlite3_column_int64 (stmt, 0);
  p->name = column_dup (stmt, 1);
  p->job_title = column_dup (stmt, 2);
  p->email = column_dup (stmt, 3);
  p->phone = column_dup (stmt, 4);
  p->establishment_id = column_id (stmt, 5);
  p->colour = column_dup (stmt, 6);
}

static void
read_designation_type (sqlite3_stmt *stmt,
                       gpointer      element)
{
  CvnDesignationType *t = element;

  t->id = sqlite3_column_int64 (stmt, 0);
  t->code = column_dup (stmt, 1);
  t->name = column_dup (stmt, 2);
  t->for_schools = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 3), "school") == 0;
  t->system_leader = sqlite3_column_int (stmt, 4) != 0;
}

static void
read_designation (sqlite3_stmt *stmt,
                  gpointer      element)
{
  CvnDesignation *d = element;

  d->id = sqlite3_column_int64 (stmt, 0);
  d->type_id = column_id (stmt, 1);
  d->person_id = column_id (stmt, 2);
  d->establishment_id = column_id (stmt, 3);
  d->from_date = column_dup (stmt, 4);
  d->until_date = column_dup (stmt, 5);
}

static void
read_group (sqlite3_stmt *stmt,
            gpointer      element)
{
  CvnGroup *g = element;

  g->id = sqlite3_column_int64 (stmt, 0);
  g->name = column_dup (stmt, 1);
  g->kind = column_dup (stmt, 2);
  g->tier = (int) column_id (stmt, 3);
  g->parent_id = column_id (stmt, 4);
  g->phase = column_dup (stmt, 5);
  g->purpose = column_dup (stmt, 6);
  g->status = column_dup (stmt, 7);
  g->colour = column_dup (stmt, 8);
  g->represents = column_dup (stmt, 9);
  g->max_per_organisation = (int) column_id (stmt, 10);
  g->seats_per_alliance = (int) column_id (stmt, 11);
  g->seats_per_phase = column_dup (stmt, 12);
}

static void
read_membership (sqlite3_stmt *stmt,
                 gpointer      element)
{
  CvnMembership *m = element;

  m->id = sqlite3_column_int64 (stmt, 0);
  m->group_id = column_id (stmt, 1);
  if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
    {
      m->member_kind = CVN_OBJECT_ESTABLISHMENT;
      m->member_id = sqlite3_column_int64 (stmt, 2);
    }
  else if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
    {
      m->member_kind = CVN_OBJECT_PERSON;
      m->member_id = sqlite3_column_int64 (stmt, 3);
    }
  else
    {
      m->member_kind = CVN_OBJECT_GROUP;
      m->member_id = column_id (stmt, 4);
    }
  if (!cvn_role_from_string ((const char *) sqlite3_column_text (stmt, 5), &m->role))
    m->role = CVN_ROLE_MEMBER;
  m->from_date = column_dup (stmt, 6);
  m->until_date = column_dup (stmt, 7);
}

static void
read_area (sqlite3_stmt *stmt,
           gpointer      element)
{
  CvnExpertiseArea *a = element;

  a->id = sqlite3_column_int64 (stmt, 0);
  a->name = column_dup (stmt, 1);
  a->position = sqlite3_column_int (stmt, 2);
}

static void
read_directory_entry (sqlite3_stmt *stmt,
                      gpointer      element)
{
  CvnDirectoryEntry *e = element;

  e->id = sqlite3_column_int64 (stmt, 0);
  if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    {
      e->holder_kind = CVN_OBJECT_ESTABLISHMENT;
      e->holder_id = sqlite3_column_int64 (stmt, 1);
    }
  else
    {
      e->holder_kind = CVN_OBJECT_PERSON;
      e->holder_id = column_id (stmt, 2);
    }
  e->area_id = column_id (stmt, 3);
  e->kind = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 4), "need") == 0
              ? CVN_DIRECTORY_NEED : CVN_DIRECTORY_STRENGTH;
  e->evidence = column_dup (stmt, 5);
  e->capacity_days = sqlite3_column_double (stmt, 6);
  e->phase = column_dup (stmt, 7);
  e->priority = column_dup (stmt, 8);
  e->notes = column_dup (stmt, 9);
  if (!cvn_qa_status_from_string ((const char *) sqlite3_column_text (stmt, 10), &e->qa_status))
    e->qa_status = CVN_QA_SELF_DECLARED;
  e->reviewer = column_dup (stmt, 11);
  e->reviewed_on = column_dup (stmt, 12);
}

static void
read_engagement (sqlite3_stmt *stmt,
                 gpointer      element)
{
  CvnSupportEngagement *e = element;

  e->id = sqlite3_column_int64 (stmt, 0);
  if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    {
      e->provider_kind = CVN_OBJECT_ESTABLISHMENT;
      e->provider_id = sqlite3_column_int64 (stmt, 1);
    }
  else
    {
      e->provider_kind = CVN_OBJECT_PERSON;
      e->provider_id = column_id (stmt, 2);
    }
  e->recipient_id = column_id (stmt, 3);
  e->area_id = column_id (stmt, 4);
  e->need_entry_id = column_id (stmt, 5);
  e->broker = column_dup (stmt, 6);
  e->days = sqlite3_column_double (stmt, 7);
  e->start_date = column_dup (stmt, 8);
  e->end_date = column_dup (stmt, 9);
  e->success_criteria = column_dup (stmt, 10);
  if (!cvn_engagement_status_from_string ((const char *) sqlite3_column_text (stmt, 11),
                                          &e->status))
    e->status = CVN_ENGAGEMENT_PROPOSED;
  e->impact_notes = column_dup (stmt, 12);
}

static GArray *
new_array (gsize          element_size,
           GDestroyNotify clear)
{
  GArray *array = g_array_new (FALSE, TRUE, (guint) element_size);

  g_array_set_clear_func (array, clear);
  return array;
}

#define NEW_ARRAY(type, clear) new_array (sizeof (type), (GDestroyNotify) (void (*) (void)) clear)

static void
add_to_list (GHashTable   *table,
             gpointer      list_key,
             gpointer      value)
{
  GPtrArray *list = g_hash_table_lookup (table, list_key);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (table, list_key, list);
    }
  g_ptr_array_add (list, value);
}

static guint
object_tag (CvnObjectKind kind)
{
  switch (kind)
    {
    case CVN_OBJECT_ESTABLISHMENT:
      return TAG_ESTABLISHMENT;
    case CVN_OBJECT_PERSON:
      return TAG_PERSON;
    case CVN_OBJECT_GROUP:
      return TAG_GROUP;
    case CVN_OBJECT_NONE:
    default:
      return 0;
    }
}

static void
build_indexes (CvnSnapshot *self)
{
  for (guint i = 0; i < self->establishments->len; i++)
    {
      CvnEstablishment *e = &g_array_index (self->establishments, CvnEstablishment, i);

      g_hash_table_insert (self->index, key (TAG_ESTABLISHMENT, e->id), GUINT_TO_POINTER (i + 1));
      if (e->urn > 0)
        g_hash_table_insert (self->index, key (TAG_URN, e->urn), GUINT_TO_POINTER (i + 1));
    }
  for (guint i = 0; i < self->people->len; i++)
    g_hash_table_insert (self->index,
                         key (TAG_PERSON, g_array_index (self->people, CvnPerson, i).id),
                         GUINT_TO_POINTER (i + 1));
  for (guint i = 0; i < self->groups->len; i++)
    g_hash_table_insert (self->index,
                         key (TAG_GROUP, g_array_index (self->groups, CvnGroup, i).id),
                         GUINT_TO_POINTER (i + 1));
  for (guint i = 0; i < self->designation_types->len; i++)
    g_hash_table_insert (self->index,
                         key (TAG_DESIGNATION_TYPE,
                              g_array_index (self->designation_types, CvnDesignationType, i).id),
                         GUINT_TO_POINTER (i + 1));
  for (guint i = 0; i < self->expertise_areas->len; i++)
    g_hash_table_insert (self->index,
                         key (TAG_AREA, g_array_index (self->expertise_areas, CvnExpertiseArea, i).id),
                         GUINT_TO_POINTER (i + 1));
  for (guint i = 0; i < self->memberships->len; i++)
    {
      CvnMembership *m = &g_array_index (self->memberships, CvnMembership, i);

      add_to_list (self->members_of, key (TAG_GROUP, m->group_id), m);
      add_to_list (self->groups_of, key (object_tag (m->member_kind), m->member_id), m);
    }
  for (guint i = 0; i < self->designations->len; i++)
    {
      CvnDesignation *d = &g_array_index (self->designations, CvnDesignation, i);

      if (d->person_id > 0)
        add_to_list (self->designations_of, key (TAG_PERSON, d->person_id), d);
      else
        add_to_list (self->designations_of, key (TAG_ESTABLISHMENT, d->establishment_id), d);
    }
}

CvnSnapshot *
cvn_snapshot_load_at (CvnDocument *doc,
                      const char  *today,
                      GError     **error)
{
  g_autoptr (CvnSnapshot) self = g_new0 (CvnSnapshot, 1);

  g_return_val_if_fail (CVN_IS_DOCUMENT (doc), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  self->revision = cvn_document_get_revision (doc);
  self->today = g_strdup (today);
  self->establishments = NEW_ARRAY (CvnEstablishment, cvn_establishment_clear);
  self->people = NEW_ARRAY (CvnPerson, cvn_person_clear);
  self->designation_types = NEW_ARRAY (CvnDesignationType, cvn_designation_type_clear);
  self->designations = NEW_ARRAY (CvnDesignation, cvn_designation_clear);
  self->groups = NEW_ARRAY (CvnGroup, cvn_group_clear);
  self->memberships = NEW_ARRAY (CvnMembership, cvn_membership_clear);
  self->expertise_areas = NEW_ARRAY (CvnExpertiseArea, cvn_expertise_area_clear);
  self->directory_entries = NEW_ARRAY (CvnDirectoryEntry, cvn_directory_entry_clear);
  self->support_engagements = NEW_ARRAY (CvnSupportEngagement, cvn_support_engagement_clear);
  self->index = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->members_of = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                            (GDestroyNotify) g_ptr_array_unref);
  self->groups_of = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                           (GDestroyNotify) g_ptr_array_unref);
  self->designations_of = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                 (GDestroyNotify) g_ptr_array_unref);

  if (!load_table (doc, "SELECT id, urn, name, phase, type, local_authority, religious_character, "
                        "diocese, trust, federation, postcode, easting, northing, "
                        "inspection_grade, pupils, is_open, risk_category, engagement, "
                        "opted_out_reason, colour FROM establishments ORDER BY name, id",
                   self->establishments, read_establishment, error) ||
      !load_table (doc, "SELECT id, name, job_title, email, phone, establishment_id, colour "
                        "FROM people ORDER BY name, id",
                   self->people, read_person, error) ||
      !load_table (doc, "SELECT id, code, name, holder, system_leader FROM designation_types "
                        "ORDER BY code",
                   self->designation_types, read_designation_type, error) ||
      !load_table (doc, "SELECT id, type_id, person_id, establishment_id, from_date, until_date "
                        "FROM designations ORDER BY id",
                   self->designations, read_designation, error) ||
      !load_table (doc, "SELECT id, name, kind, tier, parent_id, phase, purpose, status, colour, "
                        "represents, max_per_organisation, seats_per_alliance, seats_per_phase "
                        "FROM groups ORDER BY coalesce(tier, 0) = 0, tier DESC, kind, name, id",
                   self->groups, read_group, error) ||
      !load_table (doc, "SELECT id, group_id, establishment_id, person_id, member_group_id, role, "
                        "from_date, until_date FROM memberships ORDER BY id",
                   self->memberships, read_membership, error) ||
      !load_table (doc, "SELECT id, name, position FROM expertise_areas ORDER BY position, name",
                   self->expertise_areas, read_area, error) ||
      !load_table (doc, "SELECT id, establishment_id, person_id, area_id, kind, evidence, "
                        "capacity_days, phase, priority, notes, qa_status, reviewer, reviewed_on "
                        "FROM directory_entries ORDER BY id",
                   self->directory_entries, read_directory_entry, error) ||
      !load_table (doc, "SELECT id, provider_establishment_id, provider_person_id, "
                        "recipient_establishment_id, area_id, need_entry_id, broker, days, "
                        "start_date, end_date, success_criteria, status, impact_notes "
                        "FROM support_engagements ORDER BY id",
                   self->support_engagements, read_engagement, error))
    return NULL;

  build_indexes (self);
  return g_steal_pointer (&self);
}

CvnSnapshot *
cvn_snapshot_load (CvnDocument *doc,
                   GError     **error)
{
  g_autofree char *today = cvn_today ();

  return cvn_snapshot_load_at (doc, today, error);
}

void
cvn_snapshot_free (CvnSnapshot *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->members_of, g_hash_table_unref);
  g_clear_pointer (&self->groups_of, g_hash_table_unref);
  g_clear_pointer (&self->designations_of, g_hash_table_unref);
  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_pointer (&self->establishments, g_array_unref);
  g_clear_pointer (&self->people, g_array_unref);
  g_clear_pointer (&self->designation_types, g_array_unref);
  g_clear_pointer (&self->designations, g_array_unref);
  g_clear_pointer (&self->groups, g_array_unref);
  g_clear_pointer (&self->memberships, g_array_unref);
  g_clear_pointer (&self->expertise_areas, g_array_unref);
  g_clear_pointer (&self->directory_entries, g_array_unref);
  g_clear_pointer (&self->support_engagements, g_array_unref);
  g_free (self->today);
  g_free (self);
}

static guint
lookup (CvnSnapshot *self,
        guint        tag,
        gint64       id)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->index, key (tag, id)));
}

const CvnEstablishment *
cvn_snapshot_find_establishment (CvnSnapshot *self,
                                 gint64       id)
{
  guint i = lookup (self, TAG_ESTABLISHMENT, id);

  return i == 0 ? NULL : &g_array_index (self->establishments, CvnEstablishment, i - 1);
}

const CvnEstablishment *
cvn_snapshot_find_establishment_by_urn (CvnSnapshot *self,
                                        gint64       urn)
{
  guint i = lookup (self, TAG_URN, urn);

  return i == 0 ? NULL : &g_array_index (self->establishments, CvnEstablishment, i - 1);
}

const CvnPerson *
cvn_snapshot_find_person (CvnSnapshot *self,
                          gint64       id)
{
  guint i = lookup (self, TAG_PERSON, id);

  return i == 0 ? NULL : &g_array_index (self->people, CvnPerson, i - 1);
}

const CvnGroup *
cvn_snapshot_find_group (CvnSnapshot *self,
                         gint64       id)
{
  guint i = lookup (self, TAG_GROUP, id);

  return i == 0 ? NULL : &g_array_index (self->groups, CvnGroup, i - 1);
}

const CvnDesignationType *
cvn_snapshot_find_designation_type (CvnSnapshot *self,
                                    gint64       id)
{
  guint i = lookup (self, TAG_DESIGNATION_TYPE, id);

  return i == 0 ? NULL : &g_array_index (self->designation_types, CvnDesignationType, i - 1);
}

const CvnExpertiseArea *
cvn_snapshot_find_expertise_area (CvnSnapshot *self,
                                  gint64       id)
{
  guint i = lookup (self, TAG_AREA, id);

  return i == 0 ? NULL : &g_array_index (self->expertise_areas, CvnExpertiseArea, i - 1);
}

const char *
cvn_snapshot_get_name (CvnSnapshot  *self,
                       CvnObjectKind kind,
                       gint64        id)
{
  switch (kind)
    {
    case CVN_OBJECT_ESTABLISHMENT:
      {
        const CvnEstablishment *e = cvn_snapshot_find_establishment (self, id);
        return e != NULL ? e->name : NULL;
      }
    case CVN_OBJECT_PERSON:
      {
        const CvnPerson *p = cvn_snapshot_find_person (self, id);
        return p != NULL ? p->name : NULL;
      }
    case CVN_OBJECT_GROUP:
      {
        const CvnGroup *g = cvn_snapshot_find_group (self, id);
        return g != NULL ? g->name : NULL;
      }
    case CVN_OBJECT_NONE:
    default:
      return NULL;
    }
}

gboolean
cvn_snapshot_membership_is_current (CvnSnapshot         *self,
                                    const CvnMembership *membership)
{
  return cvn_date_range_is_current (membership->from_date, membership->until_date, self->today);
}

static GPtrArray *
filter_memberships (CvnSnapshot *self,
                    GPtrArray   *list,
                    gboolean     current_only)
{
  GPtrArray *result = g_ptr_array_new ();

  if (list == NULL)
    return result;
  for (guint i = 0; i < list->len; i++)
    {
      CvnMembership *m = g_ptr_array_index (list, i);

      if (!current_only || cvn_snapshot_membership_is_current (self, m))
        g_ptr_array_add (result, m);
    }
  return result;
}

GPtrArray *
cvn_snapshot_get_members (CvnSnapshot *self,
                          gint64       group_id,
                          gboolean     current_only)
{
  return filter_memberships (self, g_hash_table_lookup (self->members_of, key (TAG_GROUP, group_id)),
                             current_only);
}

GPtrArray *
cvn_snapshot_get_memberships_of (CvnSnapshot  *self,
                                 CvnObjectKind kind,
                                 gint64        id,
                                 gboolean      current_only)
{
  return filter_memberships (self, g_hash_table_lookup (self->groups_of, key (object_tag (kind), id)),
                             current_only);
}

GPtrArray *
cvn_snapshot_get_designations_of (CvnSnapshot  *self,
                                  CvnObjectKind kind,
                                  gint64        id,
                                  gboolean      current_only)
{
  GPtrArray *list = g_hash_table_lookup (self->designations_of, key (object_tag (kind), id));
  GPtrArray *result = g_ptr_array_new ();

  if (list == NULL)
    return result;
  for (guint i = 0; i < list->len; i++)
    {
      CvnDesignation *d = g_ptr_array_index (list, i);

      if (!current_only || cvn_date_range_is_current (d->from_date, d->until_date, self->today))
        g_ptr_array_add (result, d);
    }
  return result;
}

GPtrArray *
cvn_snapshot_get_child_groups (CvnSnapshot *self,
                               gint64       parent_id)
{
  GPtrArray *result = g_ptr_array_new ();

  for (guint i = 0; i < self->groups->len; i++)
    {
      CvnGroup *g = &g_array_index (self->groups, CvnGroup, i);

      if (g->parent_id == parent_id)
        g_ptr_array_add (result, g);
    }
  return result;
}
