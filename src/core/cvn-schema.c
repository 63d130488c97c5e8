/* cvn-schema.c — version 1 of the Convenor document.
 *
 * Each entry of `migrations` takes a document from version N to N + 1; a new schema version
 * appends an entry and never edits an old one, so every older file can be brought up to date.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cvn-schema"

#include "config.h"

#include "cvn-schema.h"

const char * const cvn_schema_tables[] = {
  "settings",
  "establishments",
  "people",
  "designation_types",
  "designations",
  "groups",
  "memberships",
  "expertise_areas",
  "directory_entries",
  "support_engagements",
  "layouts",
  NULL
};

static const char migration_0_to_1[] =
  "CREATE TABLE settings (\n"
  "  key TEXT PRIMARY KEY NOT NULL,\n"
  "  value TEXT NOT NULL\n"
  ");\n"
  /* A school or another organisation. Easting and northing are British National Grid metres. */
  "CREATE TABLE establishments (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  urn INTEGER UNIQUE,\n"
  "  name TEXT NOT NULL CHECK (name <> ''),\n"
  "  phase TEXT NOT NULL DEFAULT '',\n"
  "  type TEXT NOT NULL DEFAULT '',\n"
  "  local_authority TEXT NOT NULL DEFAULT '',\n"
  "  religious_character TEXT NOT NULL DEFAULT '',\n"
  "  diocese TEXT NOT NULL DEFAULT '',\n"
  "  trust TEXT NOT NULL DEFAULT '',\n"
  "  federation TEXT NOT NULL DEFAULT '',\n"
  "  postcode TEXT NOT NULL DEFAULT '',\n"
  "  easting REAL,\n"
  "  northing REAL,\n"
  "  inspection_grade TEXT NOT NULL DEFAULT '',\n"
  "  pupils INTEGER,\n"
  "  is_open INTEGER NOT NULL DEFAULT 1 CHECK (is_open IN (0, 1)),\n"
  "  risk_category TEXT NOT NULL DEFAULT '',\n"
  "  engagement TEXT NOT NULL DEFAULT '',\n"
  "  opted_out_reason TEXT NOT NULL DEFAULT '',\n"
  "  colour TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE TABLE people (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  name TEXT NOT NULL CHECK (name <> ''),\n"
  "  job_title TEXT NOT NULL DEFAULT '',\n"
  "  email TEXT NOT NULL DEFAULT '',\n"
  "  phone TEXT NOT NULL DEFAULT '',\n"
  "  establishment_id INTEGER REFERENCES establishments (id) ON DELETE SET NULL,\n"
  "  colour TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE INDEX people_establishment ON people (establishment_id);\n"
  /* The editable list of designations (NLE, LLE, SLE, teaching school hub ...). */
  "CREATE TABLE designation_types (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  code TEXT NOT NULL UNIQUE CHECK (code <> ''),\n"
  "  name TEXT NOT NULL,\n"
  "  holder TEXT NOT NULL DEFAULT 'person' CHECK (holder IN ('person', 'school')),\n"
  "  system_leader INTEGER NOT NULL DEFAULT 0 CHECK (system_leader IN (0, 1))\n"
  ");\n"
  "CREATE TABLE designations (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  type_id INTEGER NOT NULL REFERENCES designation_types (id) ON DELETE CASCADE,\n"
  "  person_id INTEGER REFERENCES people (id) ON DELETE CASCADE,\n"
  "  establishment_id INTEGER REFERENCES establishments (id) ON DELETE CASCADE,\n"
  "  from_date TEXT NOT NULL DEFAULT '',\n"
  "  until_date TEXT NOT NULL DEFAULT '',\n"
  "  CHECK ((person_id IS NULL) <> (establishment_id IS NULL))\n"
  ");\n"
  "CREATE INDEX designations_person ON designations (person_id);\n"
  "CREATE INDEX designations_establishment ON designations (establishment_id);\n"
  /* Clusters, alliances, boards, committees, hubs, trusts ... Tier is 1, 2, 3 or NULL for
   * cross-cutting groups. The composition columns hold the board-composition rules. */
  "CREATE TABLE groups (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  name TEXT NOT NULL CHECK (name <> ''),\n"
  "  kind TEXT NOT NULL CHECK (kind <> ''),\n"
  "  tier INTEGER CHECK (tier IS NULL OR tier BETWEEN 1 AND 3),\n"
  "  parent_id INTEGER REFERENCES groups (id) ON DELETE SET NULL,\n"
  "  phase TEXT NOT NULL DEFAULT '',\n"
  "  purpose TEXT NOT NULL DEFAULT '',\n"
  "  status TEXT NOT NULL DEFAULT 'active',\n"
  "  colour TEXT NOT NULL DEFAULT '',\n"
  "  represents TEXT NOT NULL DEFAULT '',\n"
  "  max_per_organisation INTEGER,\n"
  "  seats_per_alliance INTEGER,\n"
  "  seats_per_phase TEXT NOT NULL DEFAULT '',\n"
  "  CHECK (parent_id IS NULL OR parent_id <> id)\n"
  ");\n"
  "CREATE INDEX groups_parent ON groups (parent_id);\n"
  "CREATE TABLE memberships (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  group_id INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,\n"
  "  establishment_id INTEGER REFERENCES establishments (id) ON DELETE CASCADE,\n"
  "  person_id INTEGER REFERENCES people (id) ON DELETE CASCADE,\n"
  "  member_group_id INTEGER REFERENCES groups (id) ON DELETE CASCADE,\n"
  "  role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'chair', 'co-chair',\n"
  "    'lead head', 'representative', 'observer')),\n"
  "  from_date TEXT NOT NULL DEFAULT '',\n"
  "  until_date TEXT NOT NULL DEFAULT '',\n"
  "  CHECK ((establishment_id IS NOT NULL) + (person_id IS NOT NULL)\n"
  "         + (member_group_id IS NOT NULL) = 1)\n"
  ");\n"
  "CREATE INDEX memberships_group ON memberships (group_id);\n"
  "CREATE INDEX memberships_establishment ON memberships (establishment_id);\n"
  "CREATE INDEX memberships_person ON memberships (person_id);\n"
  "CREATE INDEX memberships_member_group ON memberships (member_group_id);\n"
  "CREATE TABLE expertise_areas (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  name TEXT NOT NULL UNIQUE CHECK (name <> ''),\n"
  "  position INTEGER NOT NULL DEFAULT 0\n"
  ");\n"
  /* A strength or an area for development of a school or a person. */
  "CREATE TABLE directory_entries (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  establishment_id INTEGER REFERENCES establishments (id) ON DELETE CASCADE,\n"
  "  person_id INTEGER REFERENCES people (id) ON DELETE CASCADE,\n"
  "  area_id INTEGER NOT NULL REFERENCES expertise_areas (id) ON DELETE CASCADE,\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('strength', 'need')),\n"
  "  evidence TEXT NOT NULL DEFAULT '',\n"
  "  capacity_days REAL NOT NULL DEFAULT 0 CHECK (capacity_days >= 0),\n"
  "  phase TEXT NOT NULL DEFAULT '',\n"
  "  priority TEXT NOT NULL DEFAULT '',\n"
  "  notes TEXT NOT NULL DEFAULT '',\n"
  "  qa_status TEXT NOT NULL DEFAULT 'self-declared'\n"
  "    CHECK (qa_status IN ('self-declared', 'peer-reviewed', 'quality-assured')),\n"
  "  reviewer TEXT NOT NULL DEFAULT '',\n"
  "  reviewed_on TEXT NOT NULL DEFAULT '',\n"
  "  CHECK ((person_id IS NULL) <> (establishment_id IS NULL))\n"
  ");\n"
  "CREATE INDEX directory_establishment ON directory_entries (establishment_id);\n"
  "CREATE INDEX directory_person ON directory_entries (person_id);\n"
  "CREATE INDEX directory_area ON directory_entries (area_id);\n"
  /* Brokered school-to-school support. */
  "CREATE TABLE support_engagements (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  provider_establishment_id INTEGER REFERENCES establishments (id) ON DELETE CASCADE,\n"
  "  provider_person_id INTEGER REFERENCES people (id) ON DELETE CASCADE,\n"
  "  recipient_establishment_id INTEGER NOT NULL\n"
  "    REFERENCES establishments (id) ON DELETE CASCADE,\n"
  "  area_id INTEGER REFERENCES expertise_areas (id) ON DELETE SET NULL,\n"
  "  need_entry_id INTEGER REFERENCES directory_entries (id) ON DELETE SET NULL,\n"
  "  broker TEXT NOT NULL DEFAULT '',\n"
  "  days REAL NOT NULL DEFAULT 0 CHECK (days >= 0),\n"
  "  start_date TEXT NOT NULL DEFAULT '',\n"
  "  end_date TEXT NOT NULL DEFAULT '',\n"
  "  success_criteria TEXT NOT NULL DEFAULT '',\n"
  "  status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'agreed',\n"
  "    'active', 'completed', 'withdrawn')),\n"
  "  impact_notes TEXT NOT NULL DEFAULT '',\n"
  "  CHECK ((provider_establishment_id IS NULL) <> (provider_person_id IS NULL))\n"
  ");\n"
  "CREATE INDEX engagements_recipient ON support_engagements (recipient_establishment_id);\n"
  "CREATE INDEX engagements_provider ON support_engagements (provider_establishment_id);\n"
  /* Saved positions per view; a pinned node was placed by hand and layouts keep it. */
  "CREATE TABLE layouts (\n"
  "  view TEXT NOT NULL,\n"
  "  object_kind TEXT NOT NULL CHECK (object_kind IN ('school', 'person', 'group')),\n"
  "  object_id INTEGER NOT NULL,\n"
  "  x REAL NOT NULL,\n"
  "  y REAL NOT NULL,\n"
  "  pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),\n"
  "  PRIMARY KEY (view, object_kind, object_id)\n"
  ");\n";

static const char * const migrations[] = {
  migration_0_to_1,
};

const char *
cvn_schema_get_migration (guint from_version)
{
  if (from_version >= G_N_ELEMENTS (migrations))
    return NULL;
  return migrations[from_version];
}
