#include "server.h"

namespace workbook::bidi {

grpc::Status GreeterService::SayHelloBiStream(
    grpc::ServerContext* /*context*/,
    grpc::ServerReaderWriter<HelloReply, HelloRequest>* stream) {
  HelloRequest request;
  // Read() blocks until the client's next message arrives. It returns false
  // once the client has called WritesDone() (no more names), or when the
  // call is cancelled (the client went away, the server shuts down).
  while (stream->Read(&request)) {
    if (grpc::Status invalid = ValidateName(request.name()); !invalid.ok()) {
      return invalid;  // Ends the call; the client's Finish() returns it.
    }
    HelloReply reply;
    reply.set_message("Hello, " + request.name() + "!");
    // Answer now, while the client may still be sending: the reply does not
    // wait for the end of the client's stream.
    if (!stream->Write(reply)) break;  // The call is over: nobody to answer.
  }
  return grpc::Status::OK;
}

}  // namespace workbook::bidi
