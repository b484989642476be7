#include "server.h"

namespace workbook::unary {

grpc::Status GreeterService::SayHello(grpc::ServerContext* /*context*/,
                                      const HelloRequest* request,
                                      HelloReply* reply) {
  // Check the request before doing any work (Task 3 writes ValidateName).
  if (grpc::Status invalid = ValidateName(request->name()); !invalid.ok()) {
    return invalid;
  }
  // TODO(01.1): put "Hello, <name>!" into `reply` and return OK.
  (void)reply;
  return grpc::Status(
      grpc::StatusCode::UNIMPLEMENTED,
      "TODO(01.1): GreeterService::SayHello is not written yet");
}

}  // namespace workbook::unary
