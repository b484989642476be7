#include "server.h"

namespace workbook::unary {

grpc::Status GreeterService::SayHello(grpc::ServerContext* /*context*/,
                                      const HelloRequest* request,
                                      HelloReply* reply) {
  // Check the request before doing any work; the status travels back to the
  // client as the result of its call.
  if (grpc::Status invalid = ValidateName(request->name()); !invalid.ok()) {
    return invalid;
  }
  reply->set_message("Hello, " + request->name() + "!");
  // Returning OK is what sends `reply`; gRPC owns both messages and
  // serialises the reply after we return.
  return grpc::Status::OK;
}

}  // namespace workbook::unary
