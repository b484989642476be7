#include <string>

#include "server.h"

namespace workbook::server_streaming {

grpc::Status GreeterService::SayHelloServerStream(
    grpc::ServerContext* /*context*/, const HelloRequest* request,
    grpc::ServerWriter<HelloReply>* writer) {
  // A refused request ends the stream before any message: the client reads
  // nothing and gets this status from Finish().
  if (grpc::Status invalid = ValidateHelloRequest(*request); !invalid.ok()) {
    return invalid;
  }
  // A request with only a name, as the original tutorial sends it, gets
  // kDefaultGreetings.
  const uint32_t count = GreetingCount(*request);
  HelloReply reply;
  for (uint32_t i = 0; i < count; ++i) {
    const std::string_view hello = kGreetings[i % kGreetings.size()];
    reply.set_message(std::string(hello) + ", " + request->name() + "!");
    // Write() sends one message; once it returns, gRPC has its own copy and
    // `reply` can be reused. It returns false when the stream is broken
    // (the client cancelled or vanished): nothing more can be sent.
    if (!writer->Write(reply)) {
      return grpc::Status(grpc::StatusCode::CANCELLED, "the client went away");
    }
  }
  // Returning ends the stream: the status follows the last message.
  return grpc::Status::OK;
}

}  // namespace workbook::server_streaming
