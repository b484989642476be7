#include <string>
#include <utility>
#include <vector>

#include "common/plumbing/request_checks.h"
#include "server.h"

namespace workbook::client_streaming {

grpc::Status GreeterService::SayHelloClientStream(
    grpc::ServerContext* /*context*/, grpc::ServerReader<HelloRequest>* reader,
    HelloReply* reply) {
  std::vector<std::string> names;
  HelloRequest request;
  while (reader->Read(&request)) {
    if (names.size() == kMaxNamesPerGreeting) {
      return grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED,
                          "too many names: one greeting holds at most " +
                              std::to_string(kMaxNamesPerGreeting));
    }
    // One bad name fails the whole call. Returning stops reading: gRPC
    // sends the status right away, without waiting for the rest of the
    // stream, and the client's later writes fail.
    const std::string which = "name #" + std::to_string(names.size() + 1);
    if (grpc::Status bad = CheckTextField(which, request.name(), kMaxNameBytes);
        !bad.ok()) {
      return bad;
    }
    names.push_back(std::move(*request.mutable_name()));
  }
  // Read() returned false: the client has sent its last name.
  reply->set_message(GreetingFor(names));
  return grpc::Status::OK;
}

}  // namespace workbook::client_streaming
