# Declares the targets of one lesson from its manifest, lesson.json; called
# from NN-topic/CMakeLists.txt as
#
#   workbook_lesson()
#
# The manifest is the one place a lesson's sources are declared (the tool
# reads the same file for tasks, suites and checks):
#   "protos"     the contract(s), compiled once into <lesson>_proto
#   "tasks"      each task's "files": present in both solution/ and exercise/
#   "given"      lesson code no task asks for, the same on both tracks
#   "server", "client", "benchmark"   the programs' main()s (benchmark optional)
#   "tests"      GoogleTest files: one suite per task (TaskN_...) + lesson checks
#
# For lesson folder 01-unary this creates
#   01-unary_proto   generated message and service code (workbook_proto_library)
#   01-unary_lib     the lesson code, from solution/ or exercise/ (WORKBOOK_TRACK)
#   01-unary_server  -> build/<preset>/01-unary/server
#   01-unary_client  -> build/<preset>/01-unary/client
#   01-unary_tests   -> build/<preset>/01-unary/tests, registered with CTest,
#                       each test named "01-unary.<Suite>.<Test>" and labelled 01-unary
#   01-unary_benchmark (when declared) -> build/<preset>/01-unary/benchmark
#   01-unary         the umbrella target: `cmake --build --preset solution --target 01-unary`

include(CheckLinkerFlag)
include(${CMAKE_CURRENT_LIST_DIR}/WorkbookPolyglot.cmake)
# GNU gold links a lesson's test program in 0.2 s instead of 0.5 s with the
# default linker: a third of a second off every edit -> test cycle.
check_linker_flag(CXX "-fuse-ld=gold" WORKBOOK_HAVE_GOLD)

# Settings every target written by the workbook shares.
function(workbook_target_defaults target)
  target_compile_features(${target} PUBLIC cxx_std_17)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
  if(WORKBOOK_HAVE_GOLD)
    target_link_options(${target} PRIVATE -fuse-ld=gold)
  endif()
endfunction()

# workbook_manifest_list(<out> <json> <key>...): the JSON array at <key>...
# as a CMake list (empty when the key is absent).
function(workbook_manifest_list out json)
  string(JSON type ERROR_VARIABLE missing TYPE "${json}" ${ARGN})
  set(items "")
  if(NOT missing AND type STREQUAL "ARRAY")
    string(JSON count LENGTH "${json}" ${ARGN})
    if(count GREATER 0)
      math(EXPR last "${count} - 1")
      foreach(index RANGE ${last})
        string(JSON item GET "${json}" ${ARGN} ${index})
        list(APPEND items "${item}")
      endforeach()
    endif()
  endif()
  set(${out} "${items}" PARENT_SCOPE)
endfunction()

# workbook_manifest_string(<out> <json> <key>): a string field, "" when absent.
function(workbook_manifest_string out json key)
  string(JSON value ERROR_VARIABLE missing GET "${json}" ${key})
  if(missing)
    set(value "")
  endif()
  set(${out} "${value}" PARENT_SCOPE)
endfunction()

function(workbook_lesson)
  get_filename_component(lesson "${CMAKE_CURRENT_SOURCE_DIR}" NAME)
  set(manifest_file "${CMAKE_CURRENT_SOURCE_DIR}/lesson.json")
  if(NOT EXISTS "${manifest_file}")
    message(FATAL_ERROR "${lesson}: lesson.json is missing (see CONTRIBUTING.md)")
  endif()
  # Editing the manifest re-runs CMake, so it is the source of truth.
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${manifest_file}")
  file(READ "${manifest_file}" manifest)
  string(JSON ignored ERROR_VARIABLE invalid TYPE "${manifest}")
  if(invalid)
    message(FATAL_ERROR "${lesson}/lesson.json is not valid JSON: ${invalid}")
  endif()

  workbook_manifest_list(protos "${manifest}" protos)
  workbook_manifest_list(given "${manifest}" given)
  workbook_manifest_list(tests "${manifest}" tests)
  workbook_manifest_string(server "${manifest}" server)
  workbook_manifest_string(client "${manifest}" client)
  workbook_manifest_string(benchmark "${manifest}" benchmark)
  # The track sources: every task's files, in the order the tasks list them.
  set(track_sources "")
  string(JSON task_count LENGTH "${manifest}" tasks)
  math(EXPR last_task "${task_count} - 1")
  foreach(index RANGE ${last_task})
    workbook_manifest_list(files "${manifest}" tasks ${index} files)
    list(APPEND track_sources ${files})
  endforeach()
  list(REMOVE_DUPLICATES track_sources)
  foreach(required protos track_sources server client tests)
    if(NOT ${required})
      message(FATAL_ERROR "${lesson}/lesson.json declares no ${required}")
    endif()
  endforeach()

  workbook_proto_library(${lesson}_proto ${protos})

  # A class copy exported without solutions (`./workbook export
  # --no-solutions`) builds the exercise files on both tracks.
  set(tracks exercise solution)
  set(track "${WORKBOOK_TRACK}")
  if(NOT IS_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}/solution")
    set(tracks exercise)
    set(track exercise)
  endif()

  # Copying a solution file over its stub must solve that part: the two
  # folders hold files of the same names.
  set(track_files "")
  foreach(source IN LISTS track_sources)
    foreach(folder IN LISTS tracks)
      if(NOT EXISTS "${CMAKE_CURRENT_SOURCE_DIR}/${folder}/${source}")
        message(FATAL_ERROR "${lesson}: ${folder}/${source} is missing; "
                            "solution/ and exercise/ must hold the same files")
      endif()
    endforeach()
    list(APPEND track_files "${track}/${source}")
  endforeach()

  add_library(${lesson}_lib STATIC ${track_files} ${given})
  workbook_target_defaults(${lesson}_lib)
  target_include_directories(${lesson}_lib PUBLIC "${CMAKE_CURRENT_SOURCE_DIR}")
  target_link_libraries(${lesson}_lib PUBLIC ${lesson}_proto workbook_plumbing)
  # The exercise files are what a student recompiles on every save.
  target_precompile_headers(${lesson}_lib REUSE_FROM workbook_pch)

  foreach(program server client)
    add_executable(${lesson}_${program} ${${program}})
    workbook_target_defaults(${lesson}_${program})
    set_target_properties(${lesson}_${program} PROPERTIES OUTPUT_NAME ${program})
    target_link_libraries(${lesson}_${program} PRIVATE ${lesson}_lib)
  endforeach()

  # Every lesson's test program also holds the workbook-wide program tests.
  add_executable(${lesson}_tests ${tests} "${PROJECT_SOURCE_DIR}/common/testing/program_tests.cc")
  workbook_target_defaults(${lesson}_tests)
  set_target_properties(${lesson}_tests PROPERTIES OUTPUT_NAME tests)
  target_link_libraries(${lesson}_tests PRIVATE ${lesson}_lib workbook_testing GTest::gtest_main)
  target_precompile_headers(${lesson}_tests REUSE_FROM workbook_testing)
  # Smoke and program tests run the lesson's two programs as processes.
  target_compile_definitions(${lesson}_tests PRIVATE
    WORKBOOK_SERVER_PROGRAM="$<TARGET_FILE:${lesson}_server>"
    WORKBOOK_CLIENT_PROGRAM="$<TARGET_FILE:${lesson}_client>")
  add_dependencies(${lesson}_tests ${lesson}_server ${lesson}_client)
  gtest_discover_tests(${lesson}_tests
    TEST_PREFIX "${lesson}."
    DISCOVERY_MODE PRE_TEST
    PROPERTIES LABELS "${lesson}" TIMEOUT 60)

  add_custom_target(${lesson} DEPENDS ${lesson}_server ${lesson}_client ${lesson}_tests)

  # The tutorial's Python and Go programs beside the C++ ones (python/, go/).
  if(WORKBOOK_POLYGLOT)
    list(GET protos 0 first_proto)
    workbook_polyglot(${lesson} "${first_proto}")
  endif()

  if(benchmark)
    add_executable(${lesson}_benchmark ${benchmark})
    workbook_target_defaults(${lesson}_benchmark)
    set_target_properties(${lesson}_benchmark PROPERTIES OUTPUT_NAME benchmark)
    target_link_libraries(${lesson}_benchmark PRIVATE ${lesson}_lib workbook_testing
                                                      benchmark::benchmark)
  endif()
endfunction()
