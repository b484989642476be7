#!/usr/bin/env bash
# prepare_student_copy.sh SOURCE COPY: the workbook copy student.bats walks
# through, with lesson 01's exercise track built, made in the build phase
# (target workbook_tool_student_copy) so that the test itself only rebuilds
# the one file a student changes.
#
# The copy holds SOURCE's working tree: the files git tracks and the new
# ones it does not ignore. A file is copied only when it differs, so that the copy's build
# stays incremental; a file the last test run changed (a solved stub) is put
# back the same way.
set -euo pipefail
source=$1 copy=$2
# A class copy without solutions has no student path to walk (student.bats
# skips it): nothing to prepare.
if [[ ! -d "$source/01-unary/solution" ]]; then mkdir -p "$copy" && touch "$copy/ready"; exit 0; fi
# Without git there is no list of the workbook's files (a downloaded
# archive): student.bats skips too.
if ! git -C "$source" rev-parse --git-dir > /dev/null 2>&1; then
  mkdir -p "$copy" && touch "$copy/ready"
  exit 0
fi
mkdir -p "$copy"
while IFS= read -r -d '' file; do
  [[ -f "$source/$file" ]] || continue  # Deleted in the working tree.
  if ! cmp -s "$source/$file" "$copy/$file"; then
    mkdir -p "$(dirname "$copy/$file")"
    cp "$source/$file" "$copy/$file"
  fi
done < <(git -C "$source" ls-files -z --cached --others --exclude-standard)
rm -rf "$copy/.workbook"
build=$copy/build/exercise
if [[ ! -f "$build/build.ninja" ]]; then
  cmake --preset exercise -S "$copy" -B "$build" -DWORKBOOK_ONLY_LESSONS=01-unary > "$copy/configure.log" 2>&1 \
    || { cat "$copy/configure.log" >&2; exit 1; }
fi
cmake --build "$build" --target 01-unary -j 2 > "$copy/build.log" 2>&1 \
  || { tail -40 "$copy/build.log" >&2; exit 1; }
touch "$copy/ready"
