#!/usr/bin/env bats
# Tests of ./workbook itself: a student's path through lesson 01 on a
# temporary copy of the workbook (made with `./workbook export`), from fresh
# stubs to a solved lesson. Run by CTest as "workbook.tool".
#
# Tests in this file run in order and share the copy and its build.

setup_file() {
  export SOURCE_ROOT=${WORKBOOK_SOURCE_ROOT:-$(cd "$BATS_TEST_DIRNAME/../.." && pwd)}
  export COPY="$BATS_FILE_TMPDIR/workbook"
  export WORKBOOK_BUILD_ROOT="$BATS_FILE_TMPDIR/build"
  export NO_COLOR=1
  "$SOURCE_ROOT/workbook" export "$COPY" > /dev/null
}

teardown() {
  # A failed watch test must not leave watch running (bats would wait for it).
  if [[ -n "${WATCH_PID:-}" ]]; then kill "$WATCH_PID" 2> /dev/null || true; fi
}

wb() { "$COPY/workbook" "$@"; }

solve() { cp "$COPY/01-unary/solution/$1" "$COPY/01-unary/exercise/$1"; }

@test "help lists the commands; bad commands and lessons exit 2 with a usage line" {
  run wb help
  [ "$status" -eq 0 ]
  [[ "$output" == *"check LESSON"* && "$output" == *"watch"* ]]
  run wb frobnicate
  [ "$status" -eq 2 ]
  [[ "$output" == *"unknown command 'frobnicate'"* && "$output" == *"./workbook help"* ]]
  run wb check 99
  [ "$status" -eq 2 ]
  [[ "$output" == *"no lesson '99'"* && "$output" == *"01-unary"* ]]
  run wb hint
  [ "$status" -eq 2 ]
  [[ "$output" == *"usage: ./workbook hint"* ]]
  run wb check --help
  [ "$status" -eq 0 ]
  [[ "$output" == *"usage: ./workbook check LESSON"* ]]
}

@test "fresh stubs: check fails and names every task" {
  run wb check 01
  [ "$status" -eq 1 ]
  [[ "$output" == *"✗ Task 1"* && "$output" == *"✗ Task 2"* && "$output" == *"✗ Task 3"* ]]
  [[ "$output" == *"TODO(01.1)"* ]]
  [[ "$output" == *"0 of 3 tasks done"* ]]
  [[ "$output" == *"01-unary/exercise/server.cc"* ]]
}

@test "a solved task passes and list shows the progress" {
  solve server.cc
  run wb check unary
  [ "$status" -eq 1 ]
  [[ "$output" == *"✓ Task 1"* && "$output" == *"✗ Task 2"* ]]
  [[ "$output" == *"1 of 3 tasks done"* ]]
  run wb list
  [ "$status" -eq 0 ]
  [[ "$output" == *"✓ done    Task 1"* && "$output" == *"→ current Task 2"* ]]
  run wb
  [[ "$output" == *"] 1 of "*" tasks done"* && "$output" == *"Edit:    01-unary/exercise/client.cc"* ]]
}

@test "hint advances one level per call and stops at the last" {
  run wb hint 01 2
  [[ "$output" == *"Task 2 — hint 1 of 3"* ]]
  run wb hint 01 2
  [[ "$output" == *"Task 2 — hint 2 of 3"* ]]
  run wb hint 01 2
  run wb hint 01 2
  [[ "$output" == *"hint 3 of 3"* ]]
  run wb hint 01 7
  [ "$status" -eq 2 ]
}

@test "no colours when the output is not a terminal, even without NO_COLOR" {
  run env -u NO_COLOR "$COPY/workbook" list
  [ "$status" -eq 0 ]
  [[ "$output" == *"→ current Task 2"* && "$output" != *$'\e['* ]]
  run env -u NO_COLOR "$COPY/workbook" hint 99
  [ "$status" -eq 2 ]
  [[ "$output" == "error: no lesson '99'"* ]]
}

@test "hint without a task gives the current task's next hint" {
  rm -rf "$COPY/.workbook/hints"
  run wb hint 01
  [ "$status" -eq 0 ]
  [[ "$output" == *"Task 2 — hint 1 of 3"* ]]
}

@test "reset asks first, then restores the stub and touches nothing else" {
  cp "$COPY/01-unary/exercise/server.cc" "$BATS_FILE_TMPDIR/solved-server.cc"
  echo "// a note of mine" >> "$COPY/01-unary/hints.md"
  run wb reset 01 < /dev/null
  [ "$status" -eq 2 ]
  [[ "$output" == *"--yes"* ]]
  cmp "$COPY/01-unary/exercise/server.cc" "$BATS_FILE_TMPDIR/solved-server.cc"
  run wb reset 01 --yes
  [ "$status" -eq 0 ]
  [ -z "$(git -C "$COPY" status --porcelain -- 01-unary/exercise)" ]
  grep -q "TODO(01.1)" "$COPY/01-unary/exercise/server.cc"
  grep -q "a note of mine" "$COPY/01-unary/hints.md"
}

@test "solution opens only once the lesson passes, or for teachers" {
  run wb solution 01
  [ "$status" -eq 1 ]
  [[ "$output" == *"--teacher"* ]]
  run wb solution 01 --teacher
  [ "$status" -eq 0 ]
  [[ "$output" == *"+++ reference: 01-unary/solution/server.cc"* ]]
}

@test "grade: a per-task table and reports, exit 0 only when all pass" {
  run wb grade 01
  [ "$status" -eq 1 ]
  [[ "$output" == *"01-unary"*"1"*"0/3 tests pass"* ]]
  jq -e 'length == 3 and all(.[]; .done == false)' "$COPY/.workbook/grade/grade.json"
  grep -q "<testsuites" "$COPY/.workbook/grade/01-unary.xml"
  solve server.cc; solve client.cc; solve validation.cc
  run wb grade 01
  [ "$status" -eq 0 ]
  jq -e 'all(.[]; .done)' "$COPY/.workbook/grade/grade.json"
}

@test "a solved lesson: check passes and the solution diff is shown" {
  run wb check 01
  [ "$status" -eq 0 ]
  [[ "$output" == *"3 of 3 tasks done"* ]]
  run wb solution 01
  [ "$status" -eq 0 ]
}

@test "watch rebuilds on save and shows the result" {
  wb reset 01 --yes
  mkfifo "$BATS_FILE_TMPDIR/keys"
  exec 4<> "$BATS_FILE_TMPDIR/keys"   # Held open so watch never sees end of input.
  coproc WATCH { timeout 300 "$COPY/workbook" watch 01 <&4 2>&1; }
  read_until() {  # Reads watch's output until a line contains $1 (60 s at most).
    local line
    while IFS= read -r -t 60 -u "${WATCH[0]}" line; do [[ "$line" == *"$1"* ]] && return 0; done
    return 1
  }
  read_until "built and tested"
  solve server.cc
  read_until "rebuilding"
  read_until "Task 2"
  read_until "built and tested"
  echo q >&4
  wait "$WATCH_PID"
}

@test "an export without solutions builds, resets, and skips verify with a reason" {
  local class="$BATS_FILE_TMPDIR/class"
  run "$SOURCE_ROOT/workbook" export "$class" --no-solutions
  [ "$status" -eq 0 ]
  [ -z "$(find "$class" -name solution -type d)" ]
  run env WORKBOOK_BUILD_ROOT="$BATS_FILE_TMPDIR/class-build" "$class/workbook" verify
  [ "$status" -eq 0 ]
  [[ "$output" == *"verify skipped"* ]]
  run cmake --preset solution -S "$class" -B "$BATS_FILE_TMPDIR/class-build/solution"
  [ "$status" -eq 0 ]
  # Without solutions both tracks compile the exercise files: the programs build.
  run cmake --build "$BATS_FILE_TMPDIR/class-build/solution" --target 01-unary_server 01-unary_client
  [ "$status" -eq 0 ]
  echo "// my attempt" >> "$class/01-unary/exercise/client.cc"
  run env WORKBOOK_BUILD_ROOT="$BATS_FILE_TMPDIR/class-build" "$class/workbook" reset 01 --yes
  [ "$status" -eq 0 ]
  [ -z "$(git -C "$class" status --porcelain)" ]
}
