# workbook_proto_library(<target> <file.proto>...)
#
# Turns a lesson's .proto files into one static library holding the generated
# message classes (*.pb.h/cc) and gRPC service classes (*.grpc.pb.h/cc).
# Generated code compiles once per lesson, however often a student edits an
# exercise. Code includes it by file name: #include "greeter.grpc.pb.h".
# protoc reruns whenever a .proto changes, so editing the contract is enough.
function(workbook_proto_library target)
  if(NOT ARGN)
    message(FATAL_ERROR "workbook_proto_library(${target}) needs at least one .proto file")
  endif()
  add_library(${target} STATIC ${ARGN})
  set(generated_dir "${CMAKE_CURRENT_BINARY_DIR}/generated")
  file(MAKE_DIRECTORY "${generated_dir}")
  protobuf_generate(TARGET ${target} LANGUAGE cpp
                    IMPORT_DIRS "${CMAKE_CURRENT_SOURCE_DIR}"
                    PROTOC_OUT_DIR "${generated_dir}")
  protobuf_generate(TARGET ${target} LANGUAGE grpc
                    GENERATE_EXTENSIONS .grpc.pb.h .grpc.pb.cc
                    PLUGIN "protoc-gen-grpc=$<TARGET_FILE:gRPC::grpc_cpp_plugin>"
                    IMPORT_DIRS "${CMAKE_CURRENT_SOURCE_DIR}"
                    PROTOC_OUT_DIR "${generated_dir}")
  target_include_directories(${target} PUBLIC "${generated_dir}")
  target_link_libraries(${target} PUBLIC protobuf::libprotobuf gRPC::grpc++)
  target_compile_features(${target} PUBLIC cxx_std_17)
endfunction()
