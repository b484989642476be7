// One Echo call in flight, made with the callback API so the test thread
// stays free to open gates, cancel, or hold the connection meanwhile.
#ifndef WORKBOOK_COMMON_TESTING_TESTS_ECHO_CALL_H_
#define WORKBOOK_COMMON_TESTING_TESTS_ECHO_CALL_H_

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <optional>
#include <string>

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

/// Starts Echo(`text`) with a deadline of `deadline` from now.
class EchoCall {
 public:
  EchoCall(Probe::Stub& stub, const std::string& text,
           std::chrono::milliseconds deadline = kRpcDeadline) {
    context_.set_deadline(DeadlineIn(deadline));
    request_.set_text(text);
    stub.async()->Echo(&context_, &request_, &reply_,
                       [this](grpc::Status status) { done_.Set(status); });
  }
  /// Never leaves the call running: gRPC would write into a destroyed reply.
  ~EchoCall() {
    context_.TryCancel();
    done_.Get();
  }
  EchoCall(const EchoCall&) = delete;
  EchoCall& operator=(const EchoCall&) = delete;

  /// Cancels the call from the client side.
  void Cancel() { context_.TryCancel(); }
  /// The call's final status; nothing if it did not end within `bound`.
  std::optional<grpc::Status> status(
      std::chrono::milliseconds bound = kEventTimeout) {
    return done_.Get(bound);
  }
  /// The reply; read it only after status() returned.
  const EchoMessage& reply() const { return reply_; }

 private:
  grpc::ClientContext context_;
  EchoMessage request_;
  EchoMessage reply_;
  Signal<grpc::Status> done_;
};

}  // namespace workbook::testing::probe

#endif  // WORKBOOK_COMMON_TESTING_TESTS_ECHO_CALL_H_
