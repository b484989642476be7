#!/usr/bin/env bash
# Checks that code shown in lesson READMEs is the real code.
#
# In a README, the line
#   <!-- excerpt: solution/server.cc say-hello -->
# must be followed by a fenced code block holding exactly the lines between
# the two `// [say-hello]` marker lines of that file (path relative to the
# lesson folder). With --update, rewrites the blocks from the sources instead.
#
# Usage: check_excerpts.sh [--update] LESSON_DIR...
set -euo pipefail
update=false
if [[ "${1:-}" == "--update" ]]; then update=true; shift; fi

# Prints the lines between the two "// [name]" markers of a source file.
region() {
  local file=$1 name=$2
  awk -v marker="// [$name]" '
    { line = $0; sub(/^[ \t]+/, "", line) }
    line == marker { inside = !inside; found++; next }
    inside { print }
    END { if (found != 2) exit 1 }' "$file"
}

# Prints the README with every excerpt block replaced by its source region,
# or fails naming the first excerpt whose source region is missing.
render() {
  local readme=$1 dir
  dir=$(dirname "$readme")
  local in_excerpt=false skipping=false line path name
  while IFS= read -r line || [[ -n "$line" ]]; do
    if $skipping; then
      [[ "$line" == '```' ]] && skipping=false
      continue
    fi
    printf '%s\n' "$line"
    if [[ "$line" =~ ^\<!--\ excerpt:\ ([^ ]+)\ ([^ ]+)\ --\>$ ]]; then
      path=${BASH_REMATCH[1]} name=${BASH_REMATCH[2]}
      in_excerpt=true
    elif $in_excerpt; then
      in_excerpt=false
      [[ "$line" == '```'* ]] || { echo "$readme: excerpt $path $name is not followed by a code block" >&2; return 1; }
      region "$dir/$path" "$name" || { echo "$readme: no region '// [$name]' in $dir/$path" >&2; return 1; }
      printf '```\n'
      skipping=true
    fi
  done < "$readme"
}

status=0
for lesson in "$@"; do
  readme="$lesson/README.md"
  [[ -f "$readme" ]] || { echo "$readme: missing" >&2; status=1; continue; }
  expected=$(render "$readme") || { status=1; continue; }
  if $update; then
    printf '%s\n' "$expected" > "$readme"
  elif ! diff -u "$readme" <(printf '%s\n' "$expected") >&2; then
    echo "$readme: a code excerpt no longer matches its source (docs/check_excerpts.sh --update $lesson)" >&2
    status=1
  fi
done
exit $status
