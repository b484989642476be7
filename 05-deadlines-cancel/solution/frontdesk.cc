#include <chrono>
#include <memory>

#include "server.h"

namespace workbook::deadlines {

grpc::Status FrontdeskService::SignIn(grpc::ServerContext* context,
                                      const SignRequest* request,
                                      SignReply* reply) {
  // A child context of this call: gRPC gives the backend call the caller's
  // deadline and cancels it when the caller's call is cancelled. A plain
  // ClientContext would carry neither: the backend would work on for a
  // caller that left long ago.
  std::unique_ptr<grpc::ClientContext> backend_call =
      grpc::ClientContext::FromServerContext(*context);
  // Our own limit on top: gRPC keeps the earlier of this deadline and the
  // caller's. (backend_call->deadline() does not show that minimum: it
  // reports only what was set here.)
  backend_call->set_deadline(std::chrono::system_clock::now() + backend_cap_);
  // The backend call ends before this handler returns, as it must: the
  // child context refers to this call, which ends with the handler.
  return backend_->Sign(backend_call.get(), *request, reply);
}

}  // namespace workbook::deadlines
