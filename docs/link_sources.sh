#!/usr/bin/env bash
# Makes a lesson page's links to its own files work on the site.
#
# A README links to files beside it (greeter.proto, tests/, ../common/...),
# which is right on GitHub. Doxygen keeps those links as they are, relative to
# the site's html/ folder, where the files do not exist. This copies the
# lessons and common/ into html/src/ and points each such link there.
# A lesson's solution/ is never copied: the site must not hand out answers.
#
# Usage: link_sources.sh HTML_DIR SOURCE_ROOT LESSON...
set -euo pipefail
html=$1 root=$2
shift 2
mkdir -p "$html/src"
cp -r "$root/common" "$html/src/"
for lesson in "$@"; do
  (cd "$root" && tar --exclude="$lesson/solution" -cf - "$lesson") | tar -xf - -C "$html/src"
  # Rewrites href="x" unless x is a URL, an anchor, an absolute path, or a
  # file Doxygen generated (.html pages and their assets).
  LESSON=$lesson perl -pi -e \
    's{href="(?![a-z]+:|#|/)(?![^"]*\.(?:html|js|css|png|svg)\b)([^"]*)"}{href="src/$ENV{LESSON}/$1"}g' \
    "$html/md_${lesson//-/_}_README.html"
done
