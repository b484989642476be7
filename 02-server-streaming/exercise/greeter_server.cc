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
  // TODO(02.1): write as many greetings as the request asks for, one
  // HelloReply each; a request that leaves count unset (0, as the original
  // tutorial's name-only request does) gets kDefaultGreetings (requests.h).
  // Greeting i (from 0) is "<kGreetings[i % kGreetings.size()]>, <name>!".
  // Send each with writer->Write(); stop (and return CANCELLED) if Write()
  // returns false. Return OK after the last one.
  (void)writer;
  return grpc::Status(
      grpc::StatusCode::UNIMPLEMENTED,
      "TODO(02.1): GreeterService::SayHelloServerStream is not written yet");
}

}  // namespace workbook::server_streaming
