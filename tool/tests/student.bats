#!/usr/bin/env bats
# One student's path through the real lesson 01, end to end: the script,
# CMake, the compiler, GoogleTest and the tool together, on a copy of the
# workbook (prepare_student_copy.sh; the build phase makes it, so that this
# test only rebuilds the file the student changes). Run by CTest as
# "workbook.tool.student"; loop.bats and teacher.bats test every command in detail.

setup_file() {
  export SOURCE_ROOT=${WORKBOOK_SOURCE_ROOT:-$(cd "$BATS_TEST_DIRNAME/../.." && pwd)}
  : "${WORKBOOK_TOOL_PROGRAM:?set it to the built tool (build/solution/tool/workbook_tool)}"
  : "${WORKBOOK_STUDENT_COPY:?set it to the copy prepare_student_copy.sh makes}"
  export WORKBOOK_TOOL_PROGRAM NO_COLOR=1 COPY=$WORKBOOK_STUDENT_COPY
  # A class copy has no solution to solve the task with.
  [[ -d "$SOURCE_ROOT/01-unary/solution" ]] || skip "this copy of the workbook has no solutions"
  git -C "$SOURCE_ROOT" rev-parse --git-dir > /dev/null 2>&1 || skip "the workbook is not a git checkout"
  unset WORKBOOK_BUILD_ROOT WORKBOOK_STATE_DIR
  # Puts back what an earlier run changed (nothing to build when it did not).
  bash "$BATS_TEST_DIRNAME/prepare_student_copy.sh" "$SOURCE_ROOT" "$COPY"
}

# Puts the stub back and marks the copy as not ready, so that the next build
# phase (not the next test run) recompiles it.
teardown_file() {
  cp "$SOURCE_ROOT/01-unary/exercise/server.cc" "$COPY/01-unary/exercise/server.cc"
  rm -f "$COPY/ready"
}

wb() { "$COPY/workbook" "$@"; }

@test "fresh stubs: check fails, naming every task and its failing tests" {
  run wb check 01
  [ "$status" -eq 1 ]
  [[ "$output" == *"✗ Task 1"* && "$output" == *"✗ Task 2"* && "$output" == *"✗ Task 3"* ]]
  [[ "$output" == *"✗ Task1_ServerSaysHello."* && "$output" == *"TODO(01.1)"* ]]
  [[ "$output" == *"0 of 3 tasks done in 01-unary"* ]]
  [[ "$output" == *"Next: Task 1 in 01-unary/exercise/server.cc"* ]]
}

@test "the student solves task 1: it passes, the others still fail, list shows it" {
  cp "$COPY/01-unary/solution/server.cc" "$COPY/01-unary/exercise/server.cc"
  run wb check 01 1
  [ "$status" -eq 0 ]
  [[ "$output" == *"✓ Task 1"* ]]
  run wb check 01
  [ "$status" -eq 1 ]
  [[ "$output" == *"✓ Task 1"* && "$output" == *"✗ Task 2"* && "$output" == *"1 of 3 tasks done"* ]]
  run wb list
  [[ "$output" == *"✓ done    Task 1"* && "$output" == *"→ current Task 2"* ]]
}
