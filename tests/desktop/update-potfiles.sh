#!/bin/sh
# Rewrites po/POTFILES.in from the tree: the data files, every C file that calls the gettext
# macros and every GtkBuilder file with translatable strings. Run from the project root after
# adding a source file; tests/desktop/check-potfiles.sh fails until you do.
set -eu
{
  ls data/*.desktop.in data/*.gschema.xml data/*.metainfo.xml.in data/*.mime.xml
  grep -rlE --include='*.c' '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|Q_|g_dngettext|g_dpgettext2?|ngettext)[[:space:]]*\(' src
  grep -rl --include='*.ui' 'translatable="yes"' src ui
} | LC_ALL=C sort -u > po/POTFILES.in
