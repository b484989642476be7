#include <chrono>

#include "client.h"

namespace workbook::deadlines {

bool IsRetryable(grpc::StatusCode code) {
  switch (code) {
    // The attempt ran out of time: the server may or may not have done
    // the work. Only a retry with the same request id can find out.
    case grpc::StatusCode::DEADLINE_EXCEEDED:
    // No connection (or it broke): the server may be back in a moment.
    case grpc::StatusCode::UNAVAILABLE:
      return true;
    default:
      // CANCELLED was our own decision; INVALID_ARGUMENT and the rest are
      // the server's answer, and asking again gets the same one.
      return false;
  }
}

RetryResult GuestBookClient::SignWithRetry(const SignRequest& request,
                                           const RetryPolicy& policy,
                                           SignReply* reply) {
  RetryResult result;
  while (true) {
    ++result.attempts;
    // A ClientContext belongs to one call and cannot be reused, and each
    // attempt gets its own time: a deadline counted from the first attempt
    // would leave the later ones no time at all.
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() +
                         policy.attempt_deadline);
    result.status = Call(&context, request, reply);
    if (result.status.ok() || !IsRetryable(result.status.error_code()) ||
        result.attempts >= policy.max_attempts) {
      return result;
    }
  }
}

}  // namespace workbook::deadlines
