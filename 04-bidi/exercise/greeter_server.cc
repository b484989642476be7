#include "server.h"

namespace workbook::bidi {

grpc::Status GreeterService::SayHelloBiStream(
    grpc::ServerContext* /*context*/,
    grpc::ServerReaderWriter<HelloReply, HelloRequest>* stream) {
  // TODO(04.1): read the client's HelloRequests one by one with
  // stream->Read(&request) until it returns false. For each one: refuse an
  // invalid name (ValidateName returns the status to end the call with),
  // otherwise write a HelloReply "Hello, <name>!" at once, before reading the
  // next name. Return OK when the client is done.
  (void)stream;
  return grpc::Status(
      grpc::StatusCode::UNIMPLEMENTED,
      "TODO(04.1): GreeterService::SayHelloBiStream is not written yet");
}

}  // namespace workbook::bidi
