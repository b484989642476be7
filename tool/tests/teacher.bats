#!/usr/bin/env bats
# Teachers' and maintainers' commands against the fixture workbook
# (fixture.bash): grade, export (--no-solutions, --classroom) and verify,
# including the proofs that verify fails on a declared-but-missing suite, an
# undeclared TaskN_ suite and an undeclared TODO. CTest runs it as
# "workbook.tool.teacher".

load fixture

setup_file() { fixture_setup_file; }

@test "grade: lesson by lesson, test by test, with points, totals, commit and time" {
  mkdir -p "$WB/.workbook/grade" && touch "$WB/.workbook/grade/stale.xml"
  solve 01-greet server.cc
  fake 01-greet client.cc "FAKE-TEST: Task2_Client.Calls crash"
  fake 02-chat room.cc "FAKE-BUILD-ERROR: expected ';' before '}' token"
  run wb grade
  [ "$status" -eq 1 ]
  [[ "$output" == *"01-greet"*"1"*"10/10"*"2/2 tests pass"* ]]
  [[ "$output" == *"01-greet"*"2"*"0/20"*"0/4 tests pass"* && "$output" == *"✗ Task2_Client.Calls (crashed)"* ]]
  [[ "$output" == *"01-greet"*"checks"*"1/1 tests pass"* ]]
  [[ "$output" == *"02-chat"*"0/5"*"does not build: 02-chat/exercise/room.cc:2:3: error: expected ';'"* ]]
  [[ "$output" == *"Total: 10 of 35 points, 1 of 3 tasks done."* ]]
  local json="$WB/.workbook/grade/grade.json"
  jq -e '.total == {"points": 35, "earned": 10, "tasks": 3, "tasks_done": 1, "lessons": 2, "lessons_done": 0}' "$json"
  jq -e --arg commit "$(git -C "$WB" rev-parse HEAD)" '.commit == $commit and .uncommitted_changes and (.time | test("^2[0-9-]+T"))' "$json"
  jq -e '.lessons[0].tasks[1].results[] | select(.test == "Task2_Client.Calls") | .result == "crashed"' "$json"
  jq -e '.lessons[1] | .built == false and (.build_errors[0] | test("room.cc:2:3"))' "$json"
  [ ! -e "$WB/.workbook/grade/stale.xml" ]
  grep -q '<testcase classname="01-greet.Task2_Client" name="Calls"><failure message="crashed">' "$WB/.workbook/grade/01-greet.xml"
  grep -q 'name="build"><failure' "$WB/.workbook/grade/02-chat.xml"
}

@test "grade LESSON --task K exits 0 exactly when that task passes" {
  solve 01-greet server.cc
  run wb grade 01 --task 1
  [ "$status" -eq 0 ]
  [[ "$output" == *"Total: 10 of 10 points, 1 of 1 tasks done."* ]]
  run wb grade 01 --task 2
  [ "$status" -eq 1 ]
  run wb grade --task 1
  [ "$status" -eq 2 ]
  run wb grade 01 --task 9
  [ "$status" -eq 2 ]
}

@test "export refuses edited stubs, and a class copy describes what it has" {
  fake 01-greet server.cc "my attempt"
  run wb export "$BATS_TEST_TMPDIR/class"
  [ "$status" -eq 1 ]
  [[ "$output" == *"01-greet/exercise/server.cc"* && "$output" == *"./workbook reset LESSON"* ]]
  [ ! -e "$BATS_TEST_TMPDIR/class" ]
  git -C "$WB" checkout -q -- 01-greet/exercise
  run wb export "$BATS_TEST_TMPDIR/class" --no-solutions --classroom
  [ "$status" -eq 0 ]
  local class="$BATS_TEST_TMPDIR/class"
  [ -z "$(find "$class" -name solution -type d)" ]
  grep -q "TODO(01.1)" "$class/01-greet/exercise/server.cc"
  ! grep -q "workbook solution" "$class/01-greet/README.md"
  grep -q "## Your tasks" "$class/01-greet/README.md"
  run "$class/workbook" help
  [[ "$output" == *"exported for a class"* && "$output" != *"./workbook solution"* && "$output" != *"./workbook verify"* ]]
  run "$class/workbook" solution --help
  [ "$status" -eq 2 ]
  local workflow="$class/.github/workflows/classroom.yml"
  [ "$(grep -c 'uses: classroom-resources/autograding-command-grader@v1' "$workflow")" -eq 3 ]
  grep -q 'command: ./workbook grade 01 --task 2' "$workflow"
  grep -q 'max-score: 20' "$workflow"
  grep -q 'runners: lesson-01-task-1,lesson-01-task-2,lesson-02-task-1' "$workflow"
  grep -q 'LESSON-02-TASK-1_RESULTS: "${{steps.lesson-02-task-1.outputs.result}}"' "$workflow"
  [ -z "$(git -C "$class" status --porcelain)" ]
}

@test "verify passes on the fixture and ends with the line CI reads" {
  run wb verify
  [ "$status" -eq 0 ]
  [[ "$output" == *"ok   01-greet task 1"* && "$output" == *"ok   02-chat task 1"* ]]
  [[ "${lines[-1]}" == "verify: 3 passed, 0 failed" ]]
}

# verify_with_change DESCRIPTION: commits what the test changed in $WB
# (verify proves the committed stubs) and runs verify on lesson 01.

verify_committed() {
  commit "$WB" "$1"
  run wb verify 01
  git -C "$WB" reset -q --hard HEAD~1
}

@test "verify fails on a declared suite the test program does not have" {
  sed -i 's/"suites": \["Task1_ServerGreets"\]/"suites": ["Task1_ServerGreets", "Task1_Ghost"]/' "$WB/01-greet/lesson.json"
  verify_committed "a suite that does not exist"
  [ "$status" -eq 1 ]
  [[ "$output" == *"FAIL 01-greet task 1: suite Task1_Ghost is declared but the test program has none"* ]]
  [[ "${lines[-1]}" == "verify: 1 passed, 1 failed" ]]
}

@test "verify fails on a TaskN_ suite no task declares" {
  sed -i 's/^  {"suite": "Task2_Room", "name": "Joins"},/&\n  {"suite": "Task2_Extra", "name": "Works"},/' "$WB/01-greet/tests/tests.json"
  echo "// FAKE-TEST: Task2_Extra.* pass" >> "$WB/01-greet/solution/room.cc"
  verify_committed "an undeclared suite"
  [ "$status" -eq 1 ]
  [[ "$output" == *"FAIL 01-greet task 2: suite Task2_Extra is not declared in its suites"* ]]
}

@test "verify fails on a TODO, hint section or README row of an undeclared task" {
  echo "// TODO(01.3): something no task declares." >> "$WB/01-greet/exercise/room.cc"
  verify_committed "an undeclared TODO"
  [ "$status" -eq 1 ]
  [[ "$output" == *"FAIL 01-greet: exercise/room.cc: TODO(01.3) is for task 3, which lesson.json does not declare"* ]]
  printf '\n## Task 4: more\n\n### Hint 1\nx\n' >> "$WB/01-greet/hints.md"
  sed -i 's#^| 2 |.*#&\n| 5 | `exercise/x.cc` | more | `Task5_More` |#' "$WB/01-greet/README.md"
  verify_committed "an undeclared hint section and README row"
  [ "$status" -eq 1 ]
  [[ "$output" == *'hints.md has a "## Task 4" section, and lesson.json no such task'* ]]
  [[ "$output" == *"README.md has a row for task 5, which lesson.json does not declare"* ]]
}

@test "verify fails on a stub that passes, a solution that fails, an undeclared exercise file" {
  echo "// FAKE-TEST: Task1_* pass" >> "$WB/01-greet/exercise/server.cc"
  echo "// FAKE-TEST: Task2_Room.Joins fail" >> "$WB/01-greet/solution/room.cc"
  echo "// TODO(01.1): a file no task lists." > "$WB/01-greet/exercise/extra.cc"
  git -C "$WB" add 01-greet/exercise/extra.cc
  verify_committed "broken tracks"
  [ "$status" -eq 1 ]
  [[ "$output" == *"FAIL 01-greet task 1: TODO(01.1) is in exercise/extra.cc, which the task does not list in its files; its tests pass on the stub"* ]]
  [[ "$output" == *"FAIL 01-greet task 2: its tests fail on the solution: Task2_Room.Joins"* ]]
  [[ "$output" == *"exercise/extra.cc belongs to no task in lesson.json"* ]]
}
