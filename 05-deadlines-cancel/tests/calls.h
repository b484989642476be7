// Test helpers of lesson 05: a slow step the test holds on a gate, and a
// call the test starts without waiting for it (to cancel it, or to watch the
// server while the client waits).
#ifndef WORKBOOK_05_DEADLINES_CANCEL_TESTS_CALLS_H_
#define WORKBOOK_05_DEADLINES_CANCEL_TESTS_CALLS_H_

#include <grpcpp/grpcpp.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <utility>

#include "common/testing/sync.h"
#include "common/testing/test_server.h"
#include "deadlines.grpc.pb.h"
#include "server.h"

namespace workbook::deadlines {

/// A slow step that parks each call on `gate` until the test opens it, and
/// tells the test which call arrived first (to watch its IsCancelled()).
struct HeldStep {
  workbook::testing::Gate gate;
  workbook::testing::Signal<const grpc::ServerContextBase*> started;
  std::atomic<int> runs{0};

  /// The step to give a service. The service must not outlive this object.
  SlowStep AsSlowStep() {
    return [this](const grpc::ServerContextBase& call) {
      ++runs;
      started.Set(&call);
      gate.Wait();
    };
  }
};

/// A slow step that takes no time.
inline void NoDelay(const grpc::ServerContextBase& /*call*/) {}

/// A request with these fields.
inline SignRequest Request(const std::string& request_id,
                           const std::string& name = "Ada") {
  SignRequest request;
  request.set_request_id(request_id);
  request.set_name(name);
  return request;
}

/// Makes a request `stub`'s server refuses at once (no request id). Afterwards
/// the connection is up, so the short deadlines a test sets are spent on its
/// call, not on connecting. Returns the refusal's code (INVALID_ARGUMENT).
template <typename Stub>
grpc::StatusCode ConnectWithARefusedRequest(Stub& stub) {
  SignReply reply;
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       workbook::testing::kRpcDeadline);
  return stub.Sign(&context, Request(""), &reply).error_code();
}

/// A unary call the test started and does not block on: a thread of its own
/// makes the (blocking) call, and its status arrives as an event. A thread,
/// not the callback API: ThreadSanitizer cannot see how gRPC hands a
/// callback over to its own threads, and would report races that are not.
class BackgroundCall {
 public:
  /// Starts a call on `stub` (a GuestBook, NaiveGuestBook or Frontdesk
  /// stub) with `deadline` from now; no deadline at all when it is empty.
  template <typename Stub>
  static BackgroundCall Start(Stub& stub, const SignRequest& request,
                              std::optional<std::chrono::milliseconds> deadline,
                              bool wait_for_ready = false) {
    BackgroundCall call;
    State& state = *call.state_;
    if (deadline) {
      state.context.set_deadline(std::chrono::system_clock::now() + *deadline);
    }
    state.context.set_wait_for_ready(wait_for_ready);
    call.thread_ = std::thread([&stub, &state, request] {
      state.status.Set(CallOn(stub, &state.context, request, &state.reply));
    });
    return call;
  }

  BackgroundCall(BackgroundCall&&) = default;
  BackgroundCall& operator=(BackgroundCall&&) = delete;
  /// Cancels the call if it still runs, and waits for its end.
  ~BackgroundCall() {
    if (!thread_.joinable()) return;
    state_->context.TryCancel();
    thread_.join();
  }

  /// ClientContext::TryCancel() on the call, from the test's thread.
  void Cancel() { state_->context.TryCancel(); }
  /// The call's status, waiting for it at most `bound`; nothing if it has
  /// not ended by then.
  std::optional<grpc::Status> status(
      std::chrono::milliseconds bound = workbook::testing::kEventTimeout) {
    return state_->status.Get(bound);
  }
  /// Whether the call has ended.
  bool ended() const { return state_->status.IsSet(); }
  /// The reply; read it only after status() returned OK.
  const SignReply& reply() const { return state_->reply; }

 private:
  struct State {
    grpc::ClientContext context;
    SignReply reply;
    workbook::testing::Signal<grpc::Status> status;
  };

  BackgroundCall() : state_(std::make_unique<State>()) {}

  static grpc::Status CallOn(GuestBook::Stub& stub,
                             grpc::ClientContext* context,
                             const SignRequest& request, SignReply* reply) {
    return stub.Sign(context, request, reply);
  }
  static grpc::Status CallOn(NaiveGuestBook::Stub& stub,
                             grpc::ClientContext* context,
                             const SignRequest& request, SignReply* reply) {
    return stub.Sign(context, request, reply);
  }
  static grpc::Status CallOn(Frontdesk::Stub& stub,
                             grpc::ClientContext* context,
                             const SignRequest& request, SignReply* reply) {
    return stub.SignIn(context, request, reply);
  }

  std::unique_ptr<State> state_;  // Stays put when the object moves.
  std::thread thread_;
};

/// True for the two codes a client may see when its deadline passed: gRPC
/// reports DEADLINE_EXCEEDED, or CANCELLED when the server's own deadline
/// timer reset the stream first (HTTP/2 cannot say why it reset a stream).
inline bool IsDeadlineOutcome(grpc::StatusCode code) {
  return code == grpc::StatusCode::DEADLINE_EXCEEDED ||
         code == grpc::StatusCode::CANCELLED;
}

}  // namespace workbook::deadlines

#endif  // WORKBOOK_05_DEADLINES_CANCEL_TESTS_CALLS_H_
