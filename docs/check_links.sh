#!/usr/bin/env bash
# Fails when a page of the site links to a file that is not there: a lesson
# README's link to a renamed source, or a previous/next link to a lesson
# that does not exist.
#
# Usage: check_links.sh HTML_DIR
set -uo pipefail
cd "$1" || exit 1
broken=0
for page in index.html md_*.html; do
  # Relative links only: no URLs, no in-page anchors.
  while IFS= read -r target; do
    target=${target%%#*}
    [[ -z "$target" || -e "$target" ]] && continue
    echo "$page: broken link to $target" >&2
    broken=1
  done < <(grep -o 'href="[^"]*"' "$page" | sed 's/^href="//; s/"$//' | grep -Ev '^([a-z]+:|#|/)')
done
exit $broken
