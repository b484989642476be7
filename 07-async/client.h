// Lesson 07: a client that keeps many calls in flight from one thread.
#ifndef WORKBOOK_07_ASYNC_CLIENT_H_
#define WORKBOOK_07_ASYNC_CLIENT_H_

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "async.grpc.pb.h"

namespace workbook::async {

/// How one SayHello call ended.
struct GreetingResult {
  grpc::Status status;   ///< OK, the server's error, or gRPC's.
  std::string greeting;  ///< The reply's message when `status` is OK.
};

/// Called once when a call ends, on a gRPC thread (rarely, when the call
/// fails before it starts, on the thread that started it). It must return
/// quickly and never block: gRPC has few threads for all callbacks.
using OnGreeting = std::function<void(const GreetingResult&)>;

// [begin greeting-future]
/// A handle on one SayHello call in flight, like the future Python's
/// `stub.SayHello.future(request, timeout)` returns. Get one from
/// GreeterClient::SayHelloAsync(). Move-only; dropping it before the call
/// ends is safe (the call goes on, its result is thrown away).
class GreetingFuture {
 public:
  /// Everything one call needs until gRPC has called back: the handle and
  /// the callback share it, so whichever lets go last frees it.
  struct Call {
    grpc::ClientContext context;  ///< The deadline; cancellation.
    HelloRequest request;
    HelloReply reply;  ///< gRPC writes the reply here before calling back.
    std::promise<GreetingResult> promise;  ///< Fulfilled by the callback.
    OnGreeting on_done;                    ///< Called before the promise.
  };

  /// A handle on `call`, whose promise nobody has taken the future of yet.
  explicit GreetingFuture(std::shared_ptr<Call> call)
      : call_(std::move(call)), result_(call_->promise.get_future().share()) {}

  /// Task 1: whether the call has ended (never blocks).
  bool done() const;

  /// Task 1: waits at most `timeout` for the call to end; true if it has.
  bool wait_for(std::chrono::milliseconds timeout) const;

  /// Task 1: waits for the call to end and returns how it ended. May be
  /// called again (same answer). Never call it inside a gRPC callback.
  GreetingResult result() const;

  /// Task 1: asks gRPC to cancel the call. False when it had already ended.
  /// True means only "asked": the call may still end another way, e.g. OK
  /// if the answer was on its way; result() says what happened.
  bool cancel();

 private:
  std::shared_ptr<Call> call_;
  std::shared_future<GreetingResult> result_;
};
// [end greeting-future]

/// One name's outcome in GreeterClient::GreetAll().
struct NamedGreeting {
  std::string name;
  GreetingResult result;
};

// [begin greeter-client]
/// Calls the Greeter without waiting for each answer before the next call.
class GreeterClient {
 public:
  /// A client calling through `channel`.
  explicit GreeterClient(std::shared_ptr<grpc::Channel> channel)
      : stub_(Greeter::NewStub(std::move(channel))) {}

  /// Task 1: starts SayHello for `name` with a deadline `timeout` from now
  /// and returns at once with a handle on the call. `on_done`, if given,
  /// runs once when the call ends, before result() is ready.
  GreetingFuture SayHelloAsync(const std::string& name,
                               std::chrono::milliseconds timeout,
                               OnGreeting on_done = nullptr);

  /// Task 3: calls SayHello for every name at once, with a CompletionQueue
  /// and no thread but the caller's, each call with a deadline `timeout`
  /// from now. Returns the outcomes in the order the calls *ended*, and
  /// passes each to `on_each` (if given, on this thread) as it arrives.
  /// Returns only when gRPC holds no more state of these calls.
  std::vector<NamedGreeting> GreetAll(
      const std::vector<std::string>& names, std::chrono::milliseconds timeout,
      const std::function<void(const NamedGreeting&)>& on_each = nullptr);

 private:
  std::unique_ptr<Greeter::Stub> stub_;  // Generated from async.proto.
};
// [end greeter-client]

}  // namespace workbook::async

#endif  // WORKBOOK_07_ASYNC_CLIENT_H_
