#include <string>
#include <utility>
#include <vector>

#include "common/request_checks.h"
#include "server.h"

namespace workbook::client_streaming {
namespace {

// "Hello, Ada!", "Hello, Ada and Grace!", "Hello, Ada, Grace and Linus!",
// and for an empty stream "Hello, nobody!".
std::string GreetingFor(const std::vector<std::string>& names) {
  if (names.empty()) return "Hello, nobody!";
  std::string list = names.front();
  for (std::size_t i = 1; i < names.size(); ++i) {
    list += (i + 1 == names.size() ? " and " : ", ") + names[i];
  }
  return "Hello, " + list + "!";
}

}  // namespace

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
