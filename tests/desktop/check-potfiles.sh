#!/bin/sh
# Checks po/POTFILES.in against the tree: every listed file must exist (or the convenor-pot
# target fails), the list must stay sorted, and every source file with translatable strings
# must be listed (or its strings silently never reach translators).
#
# Usage: check-potfiles.sh SOURCE_ROOT

set -u

srcroot=${1:?usage: check-potfiles.sh SOURCE_ROOT}
potfiles="$srcroot/po/POTFILES.in"
status=0

if [ ! -f "$potfiles" ]; then
  echo "$potfiles: file not found" >&2
  exit 1
fi

listed=$(mktemp) || exit 1
trap 'rm -f "$listed"' EXIT
grep -v -e '^#' -e '^[[:space:]]*$' "$potfiles" > "$listed"

while IFS= read -r file; do
  if [ ! -f "$srcroot/$file" ]; then
    echo "$potfiles: $file is listed but does not exist" >&2
    status=1
  fi
done < "$listed"

if ! LC_ALL=C sort -c "$listed" 2>/dev/null; then
  echo "$potfiles: the list is not sorted (LC_ALL=C sort)" >&2
  status=1
fi

# C files that call the gettext macros, and GtkBuilder files with translatable properties.
# The leading character class keeps identifiers such as "foo_(" from matching.
for file in $(cd "$srcroot" && {
                grep -rlE --include='*.c' '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|Q_|g_dngettext|g_dpgettext2?|ngettext)[[:space:]]*\(' src 2>/dev/null
                grep -rl --include='*.ui' 'translatable="yes"' src ui 2>/dev/null
              } | LC_ALL=C sort -u); do
  if ! grep -qxF "$file" "$listed"; then
    echo "$potfiles: $file has translatable strings but is not listed" >&2
    status=1
  fi
done

exit $status
