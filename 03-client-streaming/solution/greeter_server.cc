#include <string>
#include <utility>
#include <vector>

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

// OK, or INVALID_ARGUMENT saying what is wrong with the name at `position`
// (counted from 1, as a person would).
grpc::Status CheckName(const std::string& name, std::size_t position) {
  const std::string which = "name #" + std::to_string(position);
  if (name.find_first_not_of(' ') == std::string::npos) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        which + " is empty: every HelloRequest needs a name");
  }
  if (name.size() > kMaxNameBytes) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        which + " is " + std::to_string(name.size()) +
                            " bytes long; the limit is " +
                            std::to_string(kMaxNameBytes));
  }
  return grpc::Status::OK;
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
    if (grpc::Status bad = CheckName(request.name(), names.size() + 1);
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
