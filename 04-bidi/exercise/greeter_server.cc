#include "server.h"

namespace workbook::bidi {

grpc::Status GreeterService::SayHelloBiStream(
    grpc::ServerContext* /*context*/,
    grpc::ServerReaderWriter<HelloReply, HelloRequest>* stream) {
  // TODO(04.1): answer each name with "Hello, <name>!" as soon as it
  // arrives, before the client sends the next, and end with OK when the
  // client is done. An invalid name (see ValidateName, given) ends the call
  // with INVALID_ARGUMENT. The tests check: each reply arrives before the
  // next name is sent; 100 names greeted in order; no names, no replies and
  // OK; an empty name ends the call after greeting the names before it;
  // four streams at once.
  (void)stream;
  return grpc::Status(
      grpc::StatusCode::UNIMPLEMENTED,
      "TODO(04.1): GreeterService::SayHelloBiStream is not written yet");
}

}  // namespace workbook::bidi
