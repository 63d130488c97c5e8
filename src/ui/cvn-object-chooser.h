/* cvn-object-chooser.h — a dialog to pick one school, person or group of a document.
 *
 * Used to add members to a group, to add schools to a group, and to choose a group's parent or
 * a person's school. It lists the candidates from a snapshot, filters them as the user types,
 * and can ask for the role a new member will have.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cvn-snapshot.h"

G_BEGIN_DECLS

typedef enum
{
  CVN_CHOOSE_SCHOOLS = 1 << 0,
  CVN_CHOOSE_PEOPLE  = 1 << 1,
  CVN_CHOOSE_GROUPS  = 1 << 2,
} CvnChooseKinds;

#define CVN_TYPE_OBJECT_CHOOSER (cvn_object_chooser_get_type ())
G_DECLARE_FINAL_TYPE (CvnObjectChooser, cvn_object_chooser, CVN, OBJECT_CHOOSER, AdwWindow)

/* A chooser over the objects of @kinds in @snapshot (copied; it may be freed afterwards).
 * @accept_label is the button's label ("_Add"); with @ask_role a role can be chosen too. */
CvnObjectChooser *cvn_object_chooser_new             (GtkWindow        *parent,
                                                      const char       *title,
                                                      const char       *accept_label,
                                                      CvnSnapshot      *snapshot,
                                                      CvnChooseKinds    kinds,
                                                      gboolean          ask_role);
/* A sentence above the list, saying what the choice is for. */
void              cvn_object_chooser_set_description (CvnObjectChooser *self,
                                                      const char       *description);
/* Leaves an object out of the list (a group cannot be its own parent, nor a member twice).
 * Call before presenting. */
void              cvn_object_chooser_hide_object     (CvnObjectChooser *self,
                                                      CvnObjectKind     kind,
                                                      gint64            id);
void              cvn_object_chooser_set_role        (CvnObjectChooser *self,
                                                      CvnRole           role);
/* The number of objects the list shows now (after filtering). */
guint             cvn_object_chooser_get_n_shown     (CvnObjectChooser *self);
/* Filters the list as typing @text in the search entry does. */
void              cvn_object_chooser_set_search      (CvnObjectChooser *self,
                                                      const char       *text);
/* Chooses @kind/@id as activating its row does: emits ::chosen and closes the dialog. Returns
 * FALSE (and does nothing) when the object is not one of the candidates. */
gboolean          cvn_object_chooser_choose          (CvnObjectChooser *self,
                                                      CvnObjectKind     kind,
                                                      gint64            id);

/* A factory for rows that show a CvnOutlineItem's icon, title and subtitle (the chooser's
 * list and the search results): @spacing pixels between icon and text, @margin above and
 * below, and @css_class, if not NULL, on each row. */
GtkListItemFactory *cvn_object_row_factory_new (int         spacing,
                                                int         margin,
                                                const char *css_class);

G_END_DECLS
