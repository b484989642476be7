# The original tutorial's languages beside the C++ lessons (issue 14): a
# lesson folder with python/ and/or go/ gets, from the lesson's own .proto,
#
#   <lesson>_python  build/<preset>/<lesson>/python/{client,server}: launchers
#                    that run python/greeter_{client,server}.py with Debian's
#                    python3 and the generated *_pb2.py on PYTHONPATH
#   <lesson>_go      build/<preset>/<lesson>/go/{client,server}: binaries built
#                    from go/{client,server}/main.go, offline, in GOPATH mode
#                    against Debian's Go packages (/usr/share/gocode)
#   <lesson>_polyglot_tests  common/testing/polyglot/<lesson>_test.cc: each
#                    seed method across the language boundary, both ways
#                    (CTest names <lesson>.polyglot.<Suite>.<Test>, label
#                    "polyglot")
#
# All of it is part of ALL, so `./workbook test` builds and runs it. The
# tools are found in WorkbookDependencies.cmake (WORKBOOK_POLYGLOT).

# Go builds share one build cache (in the build folder, so a clean clone
# needs nothing outside it). The first build compiles grpc-go (about 10 s);
# one Go build at a time lets every later one reuse that work.
set_property(GLOBAL APPEND PROPERTY JOB_POOLS workbook_go=1)

# workbook_polyglot(<lesson> <proto>): called by workbook_lesson().
function(workbook_polyglot lesson proto)
  set(source_dir "${CMAKE_CURRENT_SOURCE_DIR}")
  get_filename_component(proto_name "${proto}" NAME_WE)
  set(proto_path "${source_dir}/${proto}")

  if(IS_DIRECTORY "${source_dir}/python")
    workbook_polyglot_python(${lesson} "${proto_path}" ${proto_name})
  endif()
  if(IS_DIRECTORY "${source_dir}/go")
    workbook_polyglot_go(${lesson} "${proto_path}" ${proto_name})
  endif()

  set(test_source "${PROJECT_SOURCE_DIR}/common/testing/polyglot/${lesson}_test.cc")
  if(EXISTS "${test_source}" AND TARGET ${lesson}_python AND TARGET ${lesson}_go)
    # The test support shared by every lesson's cross-language tests.
    if(NOT TARGET workbook_polyglot_testing)
      add_library(workbook_polyglot_testing STATIC
        "${PROJECT_SOURCE_DIR}/common/testing/polyglot/polyglot.cc")
      workbook_target_defaults(workbook_polyglot_testing)
      target_link_libraries(workbook_polyglot_testing PUBLIC workbook_testing)
      target_precompile_headers(workbook_polyglot_testing REUSE_FROM workbook_testing)
    endif()
    add_executable(${lesson}_polyglot_tests "${test_source}")
    workbook_target_defaults(${lesson}_polyglot_tests)
    set_target_properties(${lesson}_polyglot_tests PROPERTIES OUTPUT_NAME polyglot_tests)
    target_link_libraries(${lesson}_polyglot_tests PRIVATE
      ${lesson}_proto workbook_polyglot_testing GTest::gtest_main)
    target_precompile_headers(${lesson}_polyglot_tests REUSE_FROM workbook_testing)
    set(binary_dir "${CMAKE_CURRENT_BINARY_DIR}")
    target_compile_definitions(${lesson}_polyglot_tests PRIVATE
      WORKBOOK_CPP_SERVER="$<TARGET_FILE:${lesson}_server>"
      WORKBOOK_PYTHON_SERVER="${binary_dir}/python/server"
      WORKBOOK_PYTHON_CLIENT="${binary_dir}/python/client"
      WORKBOOK_GO_SERVER="${binary_dir}/go/server"
      WORKBOOK_GO_CLIENT="${binary_dir}/go/client")
    add_dependencies(${lesson}_polyglot_tests ${lesson}_server ${lesson}_python ${lesson}_go)
    gtest_discover_tests(${lesson}_polyglot_tests
      TEST_PREFIX "${lesson}.polyglot."
      DISCOVERY_MODE PRE_TEST
      NO_PRETTY_VALUES
      PROPERTIES LABELS "polyglot;${lesson}" TIMEOUT 60)
  endif()
endfunction()

# Python: protoc writes <proto>_pb2.py (messages) and the gRPC plugin
# <proto>_pb2_grpc.py (stub and servicer), as the tutorial's run_codegen.sh
# does with grpc_tools.protoc.
function(workbook_polyglot_python lesson proto_path proto_name)
  get_filename_component(proto_dir "${proto_path}" DIRECTORY)
  set(out_dir "${CMAKE_CURRENT_BINARY_DIR}/python")
  set(generated_dir "${out_dir}/generated")
  set(generated "${generated_dir}/${proto_name}_pb2.py" "${generated_dir}/${proto_name}_pb2_grpc.py")
  add_custom_command(
    OUTPUT ${generated}
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${generated_dir}"
    COMMAND protobuf::protoc "--proto_path=${proto_dir}"
            "--python_out=${generated_dir}" "--grpc_python_out=${generated_dir}"
            "--plugin=protoc-gen-grpc_python=${WORKBOOK_GRPC_PYTHON_PLUGIN}"
            "${proto_path}"
    DEPENDS "${proto_path}"
    COMMENT "${lesson}: Python code from ${proto_name}.proto"
    VERBATIM)
  # The programs are the lesson's .py files, run in place. -s: packages in
  # ~/.local (say a newer protobuf) must not shadow Debian's. PYTHONPATH: the
  # generated code, then the plumbing every lesson's programs share
  # (common/plumbing/python/workbook_plumbing.py); its compiled .pyc goes to
  # the build folder, not beside it in the source tree.
  set(plumbing_dir "${PROJECT_SOURCE_DIR}/common/plumbing/python")
  foreach(program server client)
    file(GENERATE OUTPUT "${out_dir}/${program}"
      CONTENT "#!/bin/sh\n# ${lesson}'s Python ${program}: ${CMAKE_CURRENT_SOURCE_DIR}/python/greeter_${program}.py\nPYTHONPATH='${generated_dir}:${plumbing_dir}' PYTHONPYCACHEPREFIX='${PROJECT_BINARY_DIR}/python-cache' exec '${WORKBOOK_PYTHON3}' -s '${CMAKE_CURRENT_SOURCE_DIR}/python/greeter_${program}.py' \"$@\"\n"
      FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
                       WORLD_READ WORLD_EXECUTE)
  endforeach()
  add_custom_target(${lesson}_python ALL DEPENDS ${generated})
endfunction()

# Go: protoc-gen-go (messages) and protoc-gen-go-grpc (client and server
# interfaces). The workbook's protos have no go_package option, so the import
# path is given with M<file>=<path>: proto package workbook.unary becomes
# import "workbook/unary" (package unary) in a GOPATH inside the build folder.
function(workbook_polyglot_go lesson proto_path proto_name)
  get_filename_component(proto_dir "${proto_path}" DIRECTORY)
  file(STRINGS "${proto_path}" package_line REGEX "^package [a-z_.]+")
  string(REGEX MATCH "^package ([a-z_.]+)" matched "${package_line}")
  set(proto_package "${CMAKE_MATCH_1}")
  string(REPLACE "." "/" import_path "${proto_package}")
  if(NOT import_path)
    message(FATAL_ERROR "${lesson}: no `package` line in ${proto_path}")
  endif()

  set(out_dir "${CMAKE_CURRENT_BINARY_DIR}/go")
  set(gopath "${out_dir}/gopath")
  set(package_dir "${gopath}/src/${import_path}")
  set(generated "${package_dir}/${proto_name}.pb.go" "${package_dir}/${proto_name}_grpc.pb.go")
  add_custom_command(
    OUTPUT ${generated}
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${gopath}/src"
    COMMAND protobuf::protoc "--proto_path=${proto_dir}"
            "--plugin=protoc-gen-go=${WORKBOOK_PROTOC_GEN_GO}"
            "--plugin=protoc-gen-go-grpc=${WORKBOOK_PROTOC_GEN_GO_GRPC}"
            "--go_out=${gopath}/src" "--go_opt=M${proto_name}.proto=${import_path}"
            "--go-grpc_out=${gopath}/src" "--go-grpc_opt=M${proto_name}.proto=${import_path}"
            "${proto_path}"
    DEPENDS "${proto_path}"
    COMMENT "${lesson}: Go code from ${proto_name}.proto"
    VERBATIM)

  # The plumbing every lesson's Go programs share (package workbook/plumbing:
  # flags, listening, graceful stop, the one-line error), a GOPATH folder in
  # the source tree; go build writes nothing there (its cache is GOCACHE).
  set(plumbing_gopath "${PROJECT_SOURCE_DIR}/common/plumbing/go")
  file(GLOB plumbing_sources CONFIGURE_DEPENDS "${plumbing_gopath}/src/workbook/plumbing/*.go")

  set(programs "")
  foreach(program server client)
    set(main "${CMAKE_CURRENT_SOURCE_DIR}/go/${program}/main.go")
    # GOPATH mode, offline: imports come from the generated package, the
    # workbook's plumbing and Debian's golang-*-dev packages; nothing is
    # downloaded.
    add_custom_command(
      OUTPUT "${out_dir}/${program}"
      COMMAND "${CMAKE_COMMAND}" -E env --unset=GOROOT GOENV=off GO111MODULE=off GOFLAGS= GOPROXY=off
              "GOPATH=${gopath}:${plumbing_gopath}:/usr/share/gocode" "GOCACHE=${PROJECT_BINARY_DIR}/go-cache"
              "${WORKBOOK_GO}" build -o "${out_dir}/${program}" "${main}"
      DEPENDS "${main}" ${generated} ${plumbing_sources}
      JOB_POOL workbook_go
      COMMENT "${lesson}: Go ${program}"
      VERBATIM)
    list(APPEND programs "${out_dir}/${program}")
  endforeach()
  add_custom_target(${lesson}_go ALL DEPENDS ${programs})
endfunction()
