/* cvn-cli.h — the subcommands of convenor-cli.
 *
 * Each subcommand lives in its own cvn-cli-NAME.c, takes the arguments after its name
 * (argv[0] is the subcommand's name), prints its result on stdout and any error as one line
 * on stderr, and returns the process exit status.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cvn-document.h"

G_BEGIN_DECLS

typedef int (*CvnCliRun) (int    argc,
                          char **argv);

typedef struct
{
  const char *name;
  const char *usage;     /* arguments, as shown by --help */
  const char *summary;
  CvnCliRun   run;
} CvnCliCommand;

/* Prints "convenor-cli: MESSAGE" on stderr; returns the exit status for bad input (1). */
int          cvn_cli_fail          (const char  *format,
                                    ...) G_GNUC_PRINTF (1, 2);
/* Parses @argc/@argv with @entries; on a usage error prints it and returns FALSE. */
gboolean     cvn_cli_parse         (const char   *command,
                                    const char   *parameter_string,
                                    GOptionEntry *entries,
                                    int          *argc,
                                    char       ***argv);
/* Opens FILE for a subcommand, printing a one-line message naming the file on failure. */
CvnDocument *cvn_cli_open          (const char   *path);

int cvn_cli_new_sample (int argc, char **argv);
int cvn_cli_info       (int argc, char **argv);
int cvn_cli_check      (int argc, char **argv);
int cvn_cli_new        (int argc, char **argv);
int cvn_cli_generate   (int argc, char **argv);
int cvn_cli_render     (int argc, char **argv);
int cvn_cli_import_gias        (int argc, char **argv);
int cvn_cli_import_gias_groups (int argc, char **argv);
int cvn_cli_import_members     (int argc, char **argv);
int cvn_cli_export_members     (int argc, char **argv);
int cvn_cli_audit              (int argc, char **argv);
int cvn_cli_broker             (int argc, char **argv);
int cvn_cli_import_directory   (int argc, char **argv);
int cvn_cli_export_directory   (int argc, char **argv);
int cvn_cli_export             (int argc, char **argv);
int cvn_cli_report             (int argc, char **argv);
int cvn_cli_export_graphml     (int argc, char **argv);
int cvn_cli_import_graphml     (int argc, char **argv);
int cvn_cli_export_xml         (int argc, char **argv);
int cvn_cli_import_xml         (int argc, char **argv);

/* Finds a group by its exact name, then without regard to case; on a missing or ambiguous
 * name prints a message starting with @command and returns 0. */
gint64 cvn_cli_find_group (const char  *command,
                           CvnSnapshot *snapshot,
                           const char  *name);

G_END_DECLS
