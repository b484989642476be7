#include "client.h"

namespace workbook::unary {

grpc::Status GreeterClient::SayHello(const std::string& name,
                                     std::string* greeting) {
  HelloRequest request;
  request.set_name(name);

  // One ClientContext per call: it carries the deadline (and, in later
  // lessons, metadata and cancellation). Without a deadline a call to a
  // stuck server would wait forever.
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + deadline_);

  // The generated stub method sends the request over HTTP/2 and blocks until
  // the reply or an error arrives.
  HelloReply reply;
  grpc::Status status = stub_->SayHello(&context, request, &reply);
  if (status.ok()) *greeting = reply.message();
  return status;
}

}  // namespace workbook::unary
