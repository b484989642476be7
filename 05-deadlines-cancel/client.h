// Lesson 05: the client side. One attempt with every knob this lesson is
// about (deadline, cancel, wait-for-ready), and a retry loop that is safe
// because the server deduplicates (Task 3).
#ifndef WORKBOOK_05_DEADLINES_CANCEL_CLIENT_H_
#define WORKBOOK_05_DEADLINES_CANCEL_CLIENT_H_

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string_view>

#include "deadlines.grpc.pb.h"

namespace workbook::deadlines {

/// Which service a GuestBookClient calls: all three take a SignRequest and
/// answer a SignReply.
enum class Desk { kGuestBook, kNaiveGuestBook, kFrontdesk };

/// "GuestBook.Sign", "NaiveGuestBook.Sign" or "Frontdesk.SignIn".
std::string_view MethodName(Desk desk);

/// How one attempt is made.
struct CallOptions {
  /// The attempt's deadline, counted from when it starts.
  std::chrono::milliseconds deadline{2000};
  /// Cancel the attempt (ClientContext::TryCancel) this long after it
  /// started, if it is still running; nothing: never.
  std::optional<std::chrono::milliseconds> cancel_after;
  /// Wait for the channel to connect instead of failing UNAVAILABLE at once
  /// (ClientContext::set_wait_for_ready).
  bool wait_for_ready = false;
};

/// How SignWithRetry() retries.
struct RetryPolicy {
  /// Attempts in all, the first one included; at least 1.
  int max_attempts = 3;
  /// Each attempt's own deadline, counted from when that attempt starts.
  std::chrono::milliseconds attempt_deadline{1000};
};

/// What SignWithRetry() did.
struct RetryResult {
  /// The last attempt's status: OK, or why the request failed.
  grpc::Status status;
  /// How many attempts were made.
  int attempts = 0;
};

/// Task 3: whether an attempt that failed with `code` may be retried with
/// the same request id: true for codes that leave the outcome unknown or
/// say "try again" (DEADLINE_EXCEEDED, UNAVAILABLE); false for OK, for the
/// caller's own CANCELLED and for answers a retry cannot change
/// (INVALID_ARGUMENT and every other code).
bool IsRetryable(grpc::StatusCode code);

// [begin client]
/// Calls GuestBook.Sign (or the same method on another desk).
class GuestBookClient {
 public:
  /// Calls `desk` on `channel`.
  explicit GuestBookClient(const std::shared_ptr<grpc::Channel>& channel,
                           Desk desk = Desk::kGuestBook);

  /// One attempt, made as `options` say; returns its status.
  grpc::Status SignOnce(const SignRequest& request, const CallOptions& options,
                        SignReply* reply);

  /// Task 3: signs `request`, retrying when an attempt fails with a code
  /// IsRetryable() accepts, at most `policy.max_attempts` attempts in all.
  /// Every attempt sends the same request (so the same request_id) with its
  /// own ClientContext and its own deadline of `policy.attempt_deadline`.
  RetryResult SignWithRetry(const SignRequest& request,
                            const RetryPolicy& policy, SignReply* reply);

 private:
  // One blocking call to the desk's method.
  grpc::Status Call(grpc::ClientContext* context, const SignRequest& request,
                    SignReply* reply);

  const Desk desk_;
  std::unique_ptr<GuestBook::Stub> guest_book_;
  std::unique_ptr<NaiveGuestBook::Stub> naive_guest_book_;
  std::unique_ptr<Frontdesk::Stub> frontdesk_;
};
// [end client]

}  // namespace workbook::deadlines

#endif  // WORKBOOK_05_DEADLINES_CANCEL_CLIENT_H_
