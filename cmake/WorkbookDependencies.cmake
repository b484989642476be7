# Every find_package of the workbook, in one place. All of it comes from
# Debian bookworm packages that `./workbook setup` installs.

find_package(Threads REQUIRED)
find_package(Protobuf REQUIRED)          # module mode: Debian's protobuf has no CMake config
find_package(gRPC CONFIG REQUIRED)       # gRPC::grpc++ and gRPC::grpc_cpp_plugin
find_package(absl CONFIG REQUIRED)       # flags for the lesson programs
find_package(GTest CONFIG REQUIRED)      # GTest::gtest, GTest::gmock
find_package(benchmark CONFIG REQUIRED)  # the lessons' benchmark programs
find_package(ZLIB REQUIRED)              # lesson 03's upload checksum (CRC-32)

# Only the workbook's own tool (tool/) needs these; the exercise track does
# not build it, so a student's build does not need them.
if(WORKBOOK_TOOL)
  find_package(nlohmann_json 3 CONFIG REQUIRED)  # the tool reads lesson.json and gtest's JSON
  find_program(BATS_PROGRAM bats REQUIRED)       # the tool's end-to-end test
endif()

# The original tutorial's languages (cmake/WorkbookPolyglot.cmake): Python and
# Go programs beside lessons 01-04 and tests across languages. On by default
# on the solution track; a student's exercise build and the sanitizer builds
# (which test C++, not Python or Go) do not pay for them.
if(WORKBOOK_TRACK STREQUAL "solution" AND NOT CMAKE_CXX_FLAGS MATCHES "-fsanitize")
  set(workbook_polyglot_default ON)
else()
  set(workbook_polyglot_default OFF)
endif()
option(WORKBOOK_POLYGLOT "Build the lessons' Python and Go programs and test them against C++"
       ${workbook_polyglot_default})
if(WORKBOOK_POLYGLOT)
  # Debian's python3, which has python3-grpcio; a python3 earlier on PATH
  # (pyenv, a venv) may not.
  find_program(WORKBOOK_PYTHON3 python3 PATHS /usr/bin NO_DEFAULT_PATH REQUIRED)
  execute_process(COMMAND "${WORKBOOK_PYTHON3}" -s -c "import grpc, google.protobuf"
                  RESULT_VARIABLE python_grpc_missing OUTPUT_QUIET ERROR_QUIET)
  if(python_grpc_missing)
    message(FATAL_ERROR "${WORKBOOK_PYTHON3} cannot import grpc: run ./workbook setup "
                        "(python3-grpcio, python3-protobuf), or configure with -DWORKBOOK_POLYGLOT=OFF")
  endif()
  find_program(WORKBOOK_GRPC_PYTHON_PLUGIN grpc_python_plugin REQUIRED)  # protobuf-compiler-grpc
  find_program(WORKBOOK_GO go REQUIRED)                                  # golang-go
  find_program(WORKBOOK_PROTOC_GEN_GO protoc-gen-go REQUIRED)
  find_program(WORKBOOK_PROTOC_GEN_GO_GRPC protoc-gen-go-grpc REQUIRED)
  if(NOT IS_DIRECTORY /usr/share/gocode/src/google.golang.org/grpc)
    message(FATAL_ERROR "grpc-go is missing from /usr/share/gocode: run ./workbook setup "
                        "(golang-google-grpc-dev), or configure with -DWORKBOOK_POLYGLOT=OFF")
  endif()
endif()

if(WORKBOOK_DOCS)
  find_package(Doxygen REQUIRED)
endif()
