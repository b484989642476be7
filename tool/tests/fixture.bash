# Shared by the tool's tests against the fixture workbook (loop.bats,
# teacher.bats): fixture/ holds two tiny lessons whose build and test program
# are fakes with canned GoogleTest output, chosen by FAKE-TEST lines in the
# lesson's files (see fixture/fake/). CTest passes the built tool in
# WORKBOOK_TOOL_PROGRAM.

# fixture_setup_file: what each test file's setup_file does.
fixture_setup_file() {
  export SOURCE_ROOT=${WORKBOOK_SOURCE_ROOT:-$(cd "$BATS_TEST_DIRNAME/../.." && pwd)}
  : "${WORKBOOK_TOOL_PROGRAM:?set it to the built tool (build/solution/tool/workbook_tool)}"
  export WORKBOOK_TOOL_PROGRAM NO_COLOR=1
  unset WORKBOOK_BUILD_ROOT WORKBOOK_STATE_DIR TSAN_OPTIONS
  export WB="$BATS_FILE_TMPDIR/wb"
  make_fixture "$WB"
}

# make_fixture DIR: a workbook of the fixture lessons, with this workbook's
# script and help, as a git repository (reset and export need one).
make_fixture() {
  cp -r "$SOURCE_ROOT/tool/tests/fixture" "$1"
  cp "$SOURCE_ROOT/workbook" "$1/"
  mkdir -p "$1/tool" "$1/cmake"
  cp "$SOURCE_ROOT/tool/help.txt" "$1/tool/"
  touch "$1/cmake/tsan.supp"
  git -C "$1" init -q && git -C "$1" add -A \
    && git -C "$1" -c user.name=test -c user.email=test@localhost commit -qm fixture
}

# Every test starts from the fixture's stubs and no progress; the build
# folders stay (configured once).
setup() {
  git -C "$WB" checkout -q HEAD -- . && git -C "$WB" clean -qfd -e build
  rm -rf "$WB/.workbook"
}

teardown() {
  if [[ -n "${WATCH_PID:-}" ]]; then kill "$WATCH_PID" 2> /dev/null || true; fi
}

wb() { "$WB/workbook" "$@"; }
solve() { cp "$WB/$1/solution/$2" "$WB/$1/exercise/$2"; }
# fake LESSON FILE LINE: a FAKE-TEST line (or other) at the end of an exercise file.
fake() { echo "// $3" >> "$WB/$1/exercise/$2"; }
commit() { git -C "$1" -c user.name=test -c user.email=test@localhost commit -qam "$2"; }
