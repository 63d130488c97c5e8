/* ui-util.h — the plumbing the UI tests share: the test program's environment, a copy of the
 * sample borough open in a window, running the main loop, and finding widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cvn-window.h"
#include "test-util.h"

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A fresh copy of the sample borough in a temporary directory, open in a window. */
typedef struct
{
  char        *directory;
  char        *path;
  CvnDocument *document;
  CvnWindow   *window;
} CvnTestSample;

/* Whether @widget is the one cvn_test_find_widget() looks for, as @data describes it. */
typedef gboolean (*CvnTestWidgetMatch) (GtkWidget     *widget,
                                        gconstpointer  data);

void       cvn_test_ui_init          (int                 *argc,
                                      char              ***argv);
int        cvn_test_ui_run           (void);

void       cvn_test_sample_open      (CvnTestSample       *sample);
void       cvn_test_sample_close     (CvnTestSample       *sample);
void       cvn_test_sample_set_up    (CvnTestSample       *sample,
                                      gconstpointer        user_data);
void       cvn_test_sample_tear_down (CvnTestSample       *sample,
                                      gconstpointer        user_data);

void       cvn_test_flush            (void);
void       cvn_test_iterate_until    (gboolean           (*done) (gpointer data),
                                      gpointer             data);
void       cvn_test_destroy_dialogs  (void);

gpointer   cvn_test_find_widget      (GtkWidget           *widget,
                                      CvnTestWidgetMatch   match,
                                      gconstpointer        data);
gpointer   cvn_test_find_descendant  (GtkWidget           *widget,
                                      GType                type);
GtkWidget *cvn_test_find_named       (GtkWidget           *widget,
                                      const char          *name);
gpointer   cvn_test_find_toplevel    (GType                type);

G_END_DECLS
