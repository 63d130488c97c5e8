/* cvn-store.h — writing entities into a document.
 *
 * Every function here must run inside an edit (cvn_document_begin_edit); the edit's label
 * names the undo step. Inserting ignores the struct's id and returns the new one (0 on error).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cvn-document.h"
#include "cvn-model.h"

G_BEGIN_DECLS

gint64   cvn_store_insert_establishment      (CvnDocument                *doc,
                                              const CvnEstablishment     *establishment,
                                              GError                    **error);
gboolean cvn_store_update_establishment      (CvnDocument                *doc,
                                              const CvnEstablishment     *establishment,
                                              GError                    **error);
gint64   cvn_store_insert_person             (CvnDocument                *doc,
                                              const CvnPerson            *person,
                                              GError                    **error);
gboolean cvn_store_update_person             (CvnDocument                *doc,
                                              const CvnPerson            *person,
                                              GError                    **error);
gint64   cvn_store_insert_designation_type   (CvnDocument                *doc,
                                              const CvnDesignationType   *type,
                                              GError                    **error);
gint64   cvn_store_insert_designation        (CvnDocument                *doc,
                                              const CvnDesignation       *designation,
                                              GError                    **error);
gboolean cvn_store_update_designation        (CvnDocument                *doc,
                                              const CvnDesignation       *designation,
                                              GError                    **error);
gint64   cvn_store_insert_group              (CvnDocument                *doc,
                                              const CvnGroup             *group,
                                              GError                    **error);
gboolean cvn_store_update_group              (CvnDocument                *doc,
                                              const CvnGroup             *group,
                                              GError                    **error);
gint64   cvn_store_insert_membership         (CvnDocument                *doc,
                                              const CvnMembership        *membership,
                                              GError                    **error);
gboolean cvn_store_update_membership         (CvnDocument                *doc,
                                              const CvnMembership        *membership,
                                              GError                    **error);
gint64   cvn_store_insert_expertise_area     (CvnDocument                *doc,
                                              const CvnExpertiseArea     *area,
                                              GError                    **error);
gint64   cvn_store_insert_directory_entry    (CvnDocument                *doc,
                                              const CvnDirectoryEntry    *entry,
                                              GError                    **error);
gboolean cvn_store_update_directory_entry    (CvnDocument                *doc,
                                              const CvnDirectoryEntry    *entry,
                                              GError                    **error);
gint64   cvn_store_insert_support_engagement (CvnDocument                *doc,
                                              const CvnSupportEngagement *engagement,
                                              GError                    **error);
gboolean cvn_store_update_support_engagement (CvnDocument                *doc,
                                              const CvnSupportEngagement *engagement,
                                              GError                    **error);

/* Deletes a row of @table ("establishments", "people", "groups", "memberships", ...) and,
 * through the schema's foreign keys, what depends on it. */
gboolean cvn_store_delete                    (CvnDocument                *doc,
                                              const char                 *table,
                                              gint64                      id,
                                              GError                    **error);

/* Saves a node position of @view (structure, graph, map); pinned when the user placed it. */
gboolean cvn_store_set_position              (CvnDocument                *doc,
                                              const char                 *view,
                                              CvnObjectKind               kind,
                                              gint64                      id,
                                              double                      x,
                                              double                      y,
                                              gboolean                    pinned,
                                              GError                    **error);

/* Counts the rows of @table, or -1 on error. */
gint64   cvn_store_count                     (CvnDocument                *doc,
                                              const char                 *table,
                                              GError                    **error);

G_END_DECLS
