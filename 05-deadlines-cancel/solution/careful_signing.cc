#include <chrono>
#include <string>

#include "server.h"

namespace workbook::deadlines {

namespace {

// "1234 ms", for messages a person reads.
std::string Millis(std::chrono::system_clock::duration duration) {
  return std::to_string(
             std::chrono::duration_cast<std::chrono::milliseconds>(duration)
                 .count()) +
         " ms";
}

}  // namespace

grpc::Status GuestBookService::SignCarefully(grpc::ServerContext& context,
                                             const SignRequest& request,
                                             SignReply* reply) {
  // The deadline is the client's, carried over the wire as a timeout and
  // turned back into a time point on this machine's clock. A call without
  // one reports the end of time, time_point::max(): subtracting now() from
  // that would be meaningless, so check for it first.
  const auto deadline = context.deadline();
  if (deadline != std::chrono::system_clock::time_point::max()) {
    const auto budget = deadline - std::chrono::system_clock::now();
    if (budget < signing_time_) {
      // Refuse before starting: work that cannot finish in time helps
      // nobody, and refusing costs nothing. The client still hears why.
      return grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED,
                          "signing takes about " + Millis(signing_time_) +
                              "; this call has " + Millis(budget) +
                              " left, so the book was not touched");
    }
  }
  slow_step_(context);
  // The last moment to change our mind: once SignInto() ran, the line is
  // in the book. A client that is gone would never hear of it and may well
  // try again, so do not sign for it.
  if (context.IsCancelled()) {
    return grpc::Status(grpc::StatusCode::CANCELLED,
                        "the client left before the book was signed; "
                        "nothing was written");
  }
  SignInto(book_, request, reply);
  return grpc::Status::OK;
}

}  // namespace workbook::deadlines
