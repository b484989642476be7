// The parts of the guest book services that are not this lesson's tasks:
// checking a request, committing it, reporting a call, the naive service.
#include <string>

#include "common/plumbing/request_checks.h"
#include "server.h"

namespace workbook::deadlines {

grpc::Status ValidateSignRequest(const SignRequest& request) {
  if (grpc::Status invalid =
          CheckTextField("request_id", request.request_id(), 64);
      !invalid.ok()) {
    return invalid;
  }
  return CheckTextField("name", request.name(), 100);
}

void SignInto(Book& book, const SignRequest& request, SignReply* reply) {
  const SignResult signed_as = book.Sign(request.request_id(), request.name());
  reply->set_guest_number(signed_as.guest_number);
  reply->set_replayed(signed_as.replayed);
  reply->set_greeting("Welcome, " + request.name() + "! You are guest #" +
                      std::to_string(signed_as.guest_number) + ".");
}

void SignReporter::Report(const SignReport& report) const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (listener_) listener_(report);
}

// [begin naive-sign]
grpc::Status NaiveGuestBookService::Sign(grpc::ServerContext* context,
                                         const SignRequest* request,
                                         SignReply* reply) {
  grpc::Status status = ValidateSignRequest(*request);
  if (status.ok()) {
    slow_step_(*context);
    // The client may have cancelled, or its deadline may have passed,
    // while the slow step ran. gRPC does not stop this thread for that: the
    // handler runs on until it returns, and nothing here asks.
    SignInto(book_, *request, reply);
  }
  Report({"NaiveGuestBook", *request, status, *reply, context->IsCancelled()});
  return status;
}
// [end naive-sign]

grpc::Status GuestBookService::Sign(grpc::ServerContext* context,
                                    const SignRequest* request,
                                    SignReply* reply) {
  grpc::Status status = ValidateSignRequest(*request);
  if (status.ok()) status = SignCarefully(*context, *request, reply);
  Report({"GuestBook", *request, status, *reply, context->IsCancelled()});
  return status;
}

}  // namespace workbook::deadlines
