#include "client.h"

namespace workbook::unary {

grpc::Status GreeterClient::SayHello(const std::string& name,
                                     std::string* greeting) {
  // TODO(01.2): build a HelloRequest, give the call a deadline of `deadline_`
  // through a grpc::ClientContext, call stub_->SayHello, and on OK copy the
  // reply's message into *greeting. Return the call's status.
  (void)name;
  (void)greeting;
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED,
                      "TODO(01.2): GreeterClient::SayHello is not written yet");
}

}  // namespace workbook::unary
