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

if(WORKBOOK_DOCS)
  find_package(Doxygen REQUIRED)
endif()
