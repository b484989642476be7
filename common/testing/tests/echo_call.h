// One Echo call in flight while the test thread stays free to open gates,
// cancel the call, or hold the connection meanwhile.
#ifndef WORKBOOK_COMMON_TESTING_TESTS_ECHO_CALL_H_
#define WORKBOOK_COMMON_TESTING_TESTS_ECHO_CALL_H_

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <optional>
#include <string>
#include <thread>

#include "common/testing/sync.h"
#include "common/testing/test_server.h"
#include "testing/tests/probe.grpc.pb.h"

namespace workbook::testing::probe {

/// A request with `text`.
inline EchoMessage Text(const std::string& text) {
  EchoMessage message;
  message.set_text(text);
  return message;
}

/// Starts Echo(`text`) with a deadline of `deadline` from now: a blocking
/// call on a thread of its own. (Not the callback API: ThreadSanitizer cannot
/// see the hand-off from the calling thread to gRPC's callback thread, which
/// happens inside Debian's uninstrumented gRPC, and reports a race in the
/// header-inlined callback code.)
class EchoCall {
 public:
  EchoCall(Probe::Stub& stub, const std::string& text,
           std::chrono::milliseconds deadline = kRpcDeadline)
      : request_(Text(text)) {
    context_.set_deadline(DeadlineIn(deadline));
    thread_ = std::thread(
        [this, &stub] { done_.Set(stub.Echo(&context_, request_, &reply_)); });
  }
  /// Never leaves the call running: it writes into this object.
  ~EchoCall() {
    context_.TryCancel();
    thread_.join();
  }
  EchoCall(const EchoCall&) = delete;
  EchoCall& operator=(const EchoCall&) = delete;

  /// Cancels the call from the client side (TryCancel() is thread-safe).
  void Cancel() { context_.TryCancel(); }
  /// The call's final status; nothing if it did not end within `bound`.
  std::optional<grpc::Status> status(
      std::chrono::milliseconds bound = kEventTimeout) {
    return done_.Get(bound);
  }
  /// The reply; read it only after status() returned one.
  const EchoMessage& reply() const { return reply_; }

 private:
  grpc::ClientContext context_;
  const EchoMessage request_;
  EchoMessage reply_;
  Signal<grpc::Status> done_;
  std::thread thread_;
};

}  // namespace workbook::testing::probe

#endif  // WORKBOOK_COMMON_TESTING_TESTS_ECHO_CALL_H_
