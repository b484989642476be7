# Declares the targets of one lesson; called from NN-topic/CMakeLists.txt.
#
# workbook_lesson(
#   PROTO_LIBRARY <target>        from workbook_proto_library()
#   TRACK_SOURCES <file>...       present in both solution/ and exercise/
#   [GIVEN_SOURCES <file>...]     lesson code no task asks for, the same on both tracks
#   SERVER <file>  CLIENT <file>  the runnable programs' main()s
#   TESTS <file>...               GoogleTest files: one suite per task (TaskN_...)
#   [BENCHMARK <file>]            an optional Google Benchmark program
# )
#
# For lesson folder 01-unary this creates
#   01-unary_lib     the lesson code, from solution/ or exercise/ (WORKBOOK_TRACK)
#   01-unary_server  -> build/<preset>/01-unary/server
#   01-unary_client  -> build/<preset>/01-unary/client
#   01-unary_tests   -> build/<preset>/01-unary/tests, registered with CTest,
#                       each test named "01-unary.<Suite>.<Test>" and labelled 01-unary
#   01-unary         the umbrella target: `cmake --build --preset reference --target 01-unary`

include(CheckLinkerFlag)
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

function(workbook_lesson)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "PROTO_LIBRARY;SERVER;CLIENT;BENCHMARK"
                        "TRACK_SOURCES;GIVEN_SOURCES;TESTS")
  foreach(required PROTO_LIBRARY TRACK_SOURCES SERVER CLIENT TESTS)
    if(NOT arg_${required})
      message(FATAL_ERROR "workbook_lesson() in ${CMAKE_CURRENT_SOURCE_DIR} needs ${required}")
    endif()
  endforeach()
  get_filename_component(lesson "${CMAKE_CURRENT_SOURCE_DIR}" NAME)

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
  foreach(source IN LISTS arg_TRACK_SOURCES)
    foreach(folder IN LISTS tracks)
      if(NOT EXISTS "${CMAKE_CURRENT_SOURCE_DIR}/${folder}/${source}")
        message(FATAL_ERROR "${lesson}: ${folder}/${source} is missing; "
                            "solution/ and exercise/ must hold the same files")
      endif()
    endforeach()
    list(APPEND track_files "${track}/${source}")
  endforeach()

  add_library(${lesson}_lib STATIC ${track_files} ${arg_GIVEN_SOURCES})
  workbook_target_defaults(${lesson}_lib)
  target_include_directories(${lesson}_lib PUBLIC "${CMAKE_CURRENT_SOURCE_DIR}")
  target_link_libraries(${lesson}_lib PUBLIC ${arg_PROTO_LIBRARY} workbook_common)
  # The exercise files are what a student recompiles on every save.
  target_precompile_headers(${lesson}_lib REUSE_FROM workbook_pch)

  foreach(program server client)
    string(TOUPPER ${program} key)
    add_executable(${lesson}_${program} ${arg_${key}})
    workbook_target_defaults(${lesson}_${program})
    set_target_properties(${lesson}_${program} PROPERTIES OUTPUT_NAME ${program})
    target_link_libraries(${lesson}_${program} PRIVATE ${lesson}_lib)
  endforeach()

  # Every lesson's test program also holds the workbook-wide program tests.
  add_executable(${lesson}_tests ${arg_TESTS} "${PROJECT_SOURCE_DIR}/common/testing/program_tests.cc")
  workbook_target_defaults(${lesson}_tests)
  set_target_properties(${lesson}_tests PROPERTIES OUTPUT_NAME tests)
  target_link_libraries(${lesson}_tests PRIVATE ${lesson}_lib workbook_testing)
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

  if(arg_BENCHMARK)
    find_package(benchmark CONFIG REQUIRED)
    add_executable(${lesson}_benchmark ${arg_BENCHMARK})
    workbook_target_defaults(${lesson}_benchmark)
    set_target_properties(${lesson}_benchmark PROPERTIES OUTPUT_NAME benchmark)
    target_link_libraries(${lesson}_benchmark PRIVATE ${lesson}_lib workbook_testing
                                                      benchmark::benchmark)
  endif()
endfunction()
