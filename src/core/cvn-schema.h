/* cvn-schema.h — the document's SQL schema and its migrations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Written into PRAGMA application_id so that Convenor recognises its own files ("CVNR"). */
#define CVN_APPLICATION_ID 0x43564E52

/* The schema version this build writes (PRAGMA user_version). */
#define CVN_SCHEMA_VERSION 1

/* Returns the SQL that brings a document at @from_version to @from_version + 1. */
const char *cvn_schema_get_migration (guint from_version);

/* The tables whose edits are recorded for undo, in creation order. */
extern const char * const cvn_schema_tables[];

G_END_DECLS
