#!/usr/bin/env bats
# The exercise loop against the fixture workbook (fixture.bash): help, check,
# crashes and hangs, lesson checks, sanitizers, hints, build errors, run,
# moved builds, reset, watch, list and status. Seconds; CTest runs it as
# "workbook.tool.loop" (teacher.bats and student.bats beside it).

load fixture

setup_file() { fixture_setup_file; }

@test "help answers without building; usage errors exit 2" {
  local empty="$BATS_TEST_TMPDIR/no-build"
  run env -u WORKBOOK_TOOL_PROGRAM WORKBOOK_BUILD_ROOT="$empty" "$WB/workbook" help
  [ "$status" -eq 0 ]
  [[ "$output" == *"./workbook check LESSON [TASK] [--tsan|--asan]"* && "$output" == *"./workbook solution"* ]]
  [ ! -e "$empty" ]
  run env -u WORKBOOK_TOOL_PROGRAM WORKBOOK_BUILD_ROOT="$empty" "$WB/workbook" run --help
  [ "$status" -eq 0 ]
  [[ "$output" == "usage: ./workbook run LESSON"* && "$output" == *"--client=python|go"* && "$output" == *"-- FLAGS"* ]]
  [ ! -e "$empty" ]
  run wb frobnicate
  [ "$status" -eq 2 ]
  [[ "$output" == *"unknown command 'frobnicate'"* && "$output" == *"./workbook help"* ]]
  run wb check 99
  [ "$status" -eq 2 ]
  [[ "$output" == *"no lesson '99'"* && "$output" == *"01-greet 02-chat"* ]]
  run wb hint
  [ "$status" -eq 2 ]
  [[ "$output" == *"usage: ./workbook hint LESSON [TASK]"* ]]
  run wb check 01 7
  [ "$status" -eq 2 ]
  [[ "$output" == *"01-greet has no task '7'"* && "$output" == *"Tasks of 01-greet: 1 2"* ]]
}

@test "check: every failing test by name, status codes by name, the lesson checks on their own line" {
  run wb check 01
  [ "$status" -eq 1 ]
  [[ "$output" == *"✗ Task 1  The server greets  2 of 2 tests fail  01-greet/exercise/server.cc"* ]]
  [[ "$output" == *"✗ Task1_ServerGreets.SaysHello"* && "$output" == *"✗ Task1_ServerGreets.SaysHelloTwice"* ]]
  [[ "$output" == *"01-greet/tests/task1_test.cc:21"* && "$output" == *"Which is: 12 (UNIMPLEMENTED)"* ]]
  [[ "$output" != *"0x1234"* ]]  # no stack trace
  [[ "$output" == *"✗ Sizes/Task2_Limits.Accepts/0"* ]]  # parameterised suites count for their task
  [[ "$output" == *"✓ Checks  lesson checks (SmokeTest)"* ]]
  [[ "$output" == *"0 of 2 tasks done in 01-greet; lesson checks pass."* ]]
  [[ "$output" == *"Next: Task 1 in 01-greet/exercise/server.cc. Hint: ./workbook hint 01 1"* ]]
}

@test "check LESSON TASK runs one task; exit 0 exactly when it passes; other results stay" {
  solve 01-greet server.cc
  run wb check 01 1
  [ "$status" -eq 0 ]
  [[ "$output" == *"✓ Task 1  The server greets  2 tests pass"* && "$output" != *"Task 2"* ]]
  run wb check 01 2
  [ "$status" -eq 1 ]
  [[ "$output" == *"✗ Task 2"* && "$output" == *"Next: Task 2 in 01-greet/exercise/client.cc"* ]]
  run wb list
  [[ "$output" == *"✓ done    Task 1"* && "$output" == *"→ current Task 2"* ]]
}

@test "the next file is the first declared file of the first failing task" {
  solve 01-greet server.cc
  solve 01-greet room.cc
  run wb check 01
  [[ "$output" == *"1 of 2 tasks done"* && "$output" == *"Next: Task 2 in 01-greet/exercise/client.cc"* ]]
  run wb
  [[ "$output" == *"] 1 of 3 tasks done"* && "$output" == *"Edit:    01-greet/exercise/client.cc"* ]]
}

@test "a crashing test is named with its signal; the other tests still count; earlier results stay" {
  solve 01-greet server.cc
  wb check 01 > /dev/null || true
  solve 01-greet client.cc
  solve 01-greet room.cc
  fake 01-greet client.cc "FAKE-TEST: Task2_Client.LeavesBeforeJoining crash"
  run wb check 01
  [ "$status" -eq 1 ]
  [[ "$output" == *"✓ Task 1"* ]]
  [[ "$output" == *"✗ Task 2  The client and the room  1 of 4 tests fail"* ]]
  [[ "$output" == *"✗ Task2_Client.LeavesBeforeJoining  (crashed)"* ]]
  [[ "$output" == *"this test crashed (SIGSEGV)"* && "$output" == *"about to crash in Task2_Client.LeavesBeforeJoining"* ]]
  [[ "$output" == *"✓ Checks"* ]]
  run wb list
  [[ "$output" == *"✓ done    Task 1"* && "$output" == *"→ current Task 2"* ]]
}

@test "a program that crashes outside any test is reported as such; earlier results stay" {
  solve 01-greet server.cc
  wb check 01 > /dev/null || true
  fake 01-greet client.cc "FAKE-TEST: startup crash"
  run wb check 01
  [ "$status" -eq 1 ]
  [[ "$output" == *"The tests did not run: the test program crashed (SIGSEGV) outside any test."* ]]
  [[ "$output" == *"crashing before the first test"* ]]
  run wb list
  [[ "$output" == *"✓ done    Task 1"* && "$output" == *"(last check: the test program crashed (SIGSEGV) outside any test)"* ]]
  run wb solution 01
  [ "$status" -eq 1 ]
}

@test "a test that hangs is stopped and named; the others still count" {
  solve 01-greet server.cc
  fake 01-greet room.cc "FAKE-TEST: Task2_Room.Joins hang"
  WORKBOOK_TEST_TIMEOUT=0.3 run wb check 01
  [ "$status" -eq 1 ]
  [[ "$output" == *"✗ Task2_Room.Joins  (crashed)"* && "$output" == *"ran out of time"* ]]
  [[ "$output" == *"✓ Task 1"* && "$output" == *"✓ Checks"* ]]
}

@test "lesson checks gate the lesson: its solution opens only when tasks and checks pass" {
  solve 01-greet server.cc; solve 01-greet client.cc; solve 01-greet room.cc
  fake 01-greet server.cc "FAKE-TEST: SmokeTest.* fail"
  run wb check 01
  [ "$status" -eq 1 ]
  [[ "$output" == *"2 of 2 tasks done in 01-greet; lesson checks fail."* ]]
  [[ "$output" == *"✗ Checks  lesson checks (SmokeTest)  1 of 1 test fail"* && "$output" == *"✗ SmokeTest.ProgramsTalk"* ]]
  [[ "$output" == *"client.exit_code"*"Which is: 1"* && "$output" != *"(CANCELLED)"* ]]  # not a status code
  [[ "$output" == *"Next: every task passes, but the lesson checks do not"* ]]
  run wb list
  [[ "$output" == *"→ current Checks  SmokeTest"* ]]
  run wb
  [[ "$output" == *"the lesson checks (SmokeTest) do not yet"* ]]
  run wb solution 01
  [ "$status" -eq 1 ]
  [[ "$output" == *"every task and lesson check"* && "$output" == *"--teacher"* ]]
  solve 01-greet server.cc
  run wb check 01
  [ "$status" -eq 0 ]
  [[ "$output" == *"2 of 2 tasks done in 01-greet; lesson checks pass."* ]]
  run wb solution 01
  [ "$status" -eq 0 ]
  run wb solution 01 --teacher
  [ "$status" -eq 0 ]
}

@test "check --tsan builds and runs the exercise-tsan preset and shows the sanitizer's summary" {
  solve 01-greet server.cc; solve 01-greet client.cc; solve 01-greet room.cc
  fake 01-greet room.cc "FAKE-TEST: Task2_Room.Joins race"
  run wb check 01
  [ "$status" -eq 0 ]
  run wb check 01 --tsan
  [ "$status" -eq 1 ]
  [[ "$output" == *"preset exercise-tsan"* && "$output" == *"✗ Task2_Room.Joins  (crashed)"* ]]
  [[ "$output" == *"SUMMARY: ThreadSanitizer: data race"* && "$output" == *"this test ended the test program (exit code 66)"* ]]
  [ -f "$WB/build/exercise-tsan/01-greet/tests" ]
  [ -f "$WB/.workbook/results/exercise-tsan/01-greet.json" ]
  run wb check 01 --asan
  [ "$status" -eq 0 ]
  [ -f "$WB/build/exercise-asan/01-greet/tests" ]
}

@test "hints: one level per call, the last says so, none spent on a finished lesson" {
  run wb hint 01 1
  [[ "$output" == *"Task 1 — hint 1 of 3"* && "$output" == *"A nudge."* && "$output" == *"ask again"* ]]
  wb hint 01 1 > /dev/null
  run wb hint 01 1
  [[ "$output" == *"hint 3 of 3"* && "$output" == *"this is the last hint for Task 1"* ]]
  run wb hint 01 1
  [[ "$output" == *"hint 3 of 3"* && "$output" == *"you have seen every hint for Task 1"* ]]
  run wb hint 01
  [[ "$output" == *"Task 1 — hint 3 of 3"* ]]  # the current task: still 1
  run wb hint 01 7
  [ "$status" -eq 2 ]
  solve 02-chat room.cc
  wb check 02 > /dev/null
  run wb hint 02
  [ "$status" -eq 0 ]
  [[ "$output" == *"Every task of 02-chat passes: no hint needed"* ]]
  [ ! -e "$WB/.workbook/hints/02-chat-1" ]
}

@test "a build error is shown as file:line: message, not the compiler's command line" {
  fake 01-greet server.cc "FAKE-BUILD-ERROR: 'reply' was not declared in this scope"
  run wb check 01
  [ "$status" -eq 1 ]
  [[ "$output" == *"01-greet/exercise/server.cc:2:3: error: 'reply' was not declared in this scope"* ]]
  [[ "$output" == *"|   FAKE-BUILD-ERROR"* ]]
  [[ "$output" != *"/usr/bin/c++"* && "$output" != *"FAILED:"* && "$output" != *"$WB/01-greet"* ]]
}

@test "run: client flags after --, server flags, --mine, and the other languages" {
  run wb run 01 --server-flag=--address=0.0.0.0 -- --name=Ada --count=3
  [ "$status" -eq 0 ]
  [[ "$output" == *"[server] fake C++ solution server, flags: --port=0 --address=0.0.0.0"* ]]
  [[ "$output" == *"[client] fake C++ solution client, flags: --target=127.0.0.1:50051 --name=Ada --count=3"* ]]
  [[ "$output" == *"[server] server stopped"* ]]
  run wb run 01 --mine
  [ "$status" -eq 0 ]
  [[ "$output" == *"fake C++ exercise server"* && "$output" == *"fake C++ exercise client"* ]]
  run wb run 01 --client=python
  [ "$status" -eq 0 ]
  [[ "$output" == *"[server] fake C++ solution server"* && "$output" == *"[client] fake python client, flags: --target=127.0.0.1:50051"* ]]
  run wb run 01 --server=python --mine
  [ "$status" -eq 0 ]
  [[ "$output" == *"[server] fake python server"* && "$output" == *"fake C++ exercise client"* ]]
  run wb run 01 --client=go
  [ "$status" -eq 2 ]
  [[ "$output" == *"01-greet has no go programs"* ]]
  run wb run 02 --server=python
  [ "$status" -eq 2 ]
  [[ "$output" == *"02-chat has no python programs"* && "$output" == *"01-greet"* ]]
  run wb run 01 --name=Ada
  [ "$status" -eq 2 ]
  [[ "$output" == *"Flags for the client go after --"* ]]
  run wb run 01 --client=rust
  [ "$status" -eq 2 ]
}

@test "a workbook moved with its build folder is configured again for its new place" {
  wb check 01 > /dev/null || true
  local moved="$BATS_TEST_TMPDIR/moved"
  cp -a "$WB" "$moved"
  cp "$moved/01-greet/solution/server.cc" "$moved/01-greet/exercise/server.cc"
  run "$moved/workbook" check 01
  [[ "$output" == *"build/exercise was configured for $WB; configuring it again for $moved"* ]]
  [[ "$output" == *"✓ Task 1"* ]]
  grep -q "CMAKE_HOME_DIRECTORY:INTERNAL=$moved" "$moved/build/exercise/CMakeCache.txt"
}

@test "reset asks first, then restores the stubs" {
  solve 01-greet server.cc
  run wb reset 01 < /dev/null
  [ "$status" -eq 2 ]
  [[ "$output" == *"--yes"* ]]
  run wb reset 01 --yes
  [ "$status" -eq 0 ]
  [ -z "$(git -C "$WB" status --porcelain -- 01-greet/exercise)" ]
}

@test "watch: the legend after every rebuild, the lesson done, no hint spent on it" {
  solve 01-greet server.cc; solve 01-greet client.cc
  mkfifo "$BATS_TEST_TMPDIR/keys"
  exec 4<> "$BATS_TEST_TMPDIR/keys"   # Held open so watch never sees end of input.
  coproc WATCH { timeout 60 "$WB/workbook" watch 01 <&4 2>&1; }
  read_until() {  # Reads watch's output until a line contains $1 (20 s at most).
    local line
    while IFS= read -r -t 20 -u "${WATCH[0]}" line; do [[ "$line" == *"$1"* ]] && return 0; done
    return 1
  }
  read_until "Next: Task 2"
  read_until "keys: h hint"
  solve 01-greet room.cc
  read_until "rebuilding"
  read_until "2 of 2 tasks done"
  read_until "01-greet is done. Press n for 02-chat."
  read_until "keys: h hint"
  echo h >&4
  read_until "no hint needed"
  echo q >&4
  wait "$WATCH_PID"
}

@test "watch in a terminal: keys act at once, and the terminal is restored on quit" {
  command -v script > /dev/null || skip "script (util-linux) is not installed"
  local transcript="$BATS_TEST_TMPDIR/transcript"
  # script(1) gives watch a terminal and flushes what it shows to the
  # transcript, where the keys wait for their moment; its input stays open
  # until stty has run after watch.
  wait_for() {
    for _ in $(seq 300); do grep -q "$1" "$transcript" 2> /dev/null && return 0; sleep 0.1; done
  }
  { wait_for "keys: h hint"; printf l; wait_for "current Task 1"; printf q; wait_for "speed"; } \
    | timeout 60 script -qfec "$WB/workbook watch 01; stty -a" "$transcript" > /dev/null
  grep -q "keys: h hint" "$transcript"
  grep -q "→ current Task 1" "$transcript"  # l showed the list, without Enter
  # watch turned echo and line editing off; they are back after it.
  grep -q "[^-]echo " "$transcript" && grep -q "[^-]icanon" "$transcript"
}

@test "a manifest that is not valid JSON is a clear error" {
  echo "{ not json" > "$WB/02-chat/lesson.json"
  run wb list
  [ "$status" -eq 1 ]
  [[ "$output" == *"02-chat/lesson.json is not valid JSON"* ]]
}
