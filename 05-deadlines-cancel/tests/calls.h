// Test helpers of lesson 05: a slow step the test holds on a gate, and a
// call the test starts without waiting for it (to cancel it, or to watch the
// server while the client waits).
#ifndef WORKBOOK_05_DEADLINES_CANCEL_TESTS_CALLS_H_
#define WORKBOOK_05_DEADLINES_CANCEL_TESTS_CALLS_H_

#include <grpcpp/grpcpp.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "common/testing/sync.h"
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

/// A unary call the test started and does not block on: its status arrives
/// as an event. The call's state lives until gRPC has finished with it, even
/// if the test ends first (then the call is cancelled).
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
    state.request = request;
    if (deadline) {
      state.context.set_deadline(std::chrono::system_clock::now() + *deadline);
    }
    state.context.set_wait_for_ready(wait_for_ready);
    // The callback owns a reference: the context, request and reply stay
    // alive until gRPC is done with them.
    auto done = [state = call.state_](grpc::Status status) {
      state->status.Set(std::move(status));
    };
    StartOn(stub, &state.context, &state.request, &state.reply,
            std::move(done));
    return call;
  }

  BackgroundCall(BackgroundCall&&) = default;
  BackgroundCall& operator=(BackgroundCall&&) = default;
  /// Cancels the call if it still runs, and waits (bounded) for its end.
  ~BackgroundCall() {
    if (state_ == nullptr) return;
    state_->context.TryCancel();
    state_->status.Get();
  }

  /// ClientContext::TryCancel() on the call.
  void Cancel() { state_->context.TryCancel(); }
  /// The call's status, waiting for it at most `bound`; nothing if it has
  /// not ended by then.
  std::optional<grpc::Status> status(
      std::chrono::milliseconds bound = workbook::testing::kEventTimeout) {
    return state_->status.Get(bound);
  }
  /// Whether the call has ended.
  bool ended() const { return state_->status.IsSet(); }
  /// The reply (meaningful once status() is OK).
  const SignReply& reply() const { return state_->reply; }

 private:
  struct State {
    grpc::ClientContext context;
    SignRequest request;
    SignReply reply;
    workbook::testing::Signal<grpc::Status> status;
  };
  using Done = std::function<void(grpc::Status)>;

  BackgroundCall() : state_(std::make_shared<State>()) {}

  static void StartOn(GuestBook::Stub& stub, grpc::ClientContext* context,
                      const SignRequest* request, SignReply* reply, Done done) {
    stub.async()->Sign(context, request, reply, std::move(done));
  }
  static void StartOn(NaiveGuestBook::Stub& stub, grpc::ClientContext* context,
                      const SignRequest* request, SignReply* reply, Done done) {
    stub.async()->Sign(context, request, reply, std::move(done));
  }
  static void StartOn(Frontdesk::Stub& stub, grpc::ClientContext* context,
                      const SignRequest* request, SignReply* reply, Done done) {
    stub.async()->SignIn(context, request, reply, std::move(done));
  }

  std::shared_ptr<State> state_;
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
