// Lesson 07: a callback (reactor) server that answers later.
#ifndef WORKBOOK_07_ASYNC_SERVER_H_
#define WORKBOOK_07_ASYNC_SERVER_H_

#include <grpcpp/grpcpp.h>

#include <atomic>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>

#include "async.grpc.pb.h"

namespace workbook::async {

/// The longest name SayHello accepts, in bytes.
inline constexpr std::size_t kMaxNameBytes = 100;

// [begin receptionist]
/// A SayHello call waiting for its greeting (GreetingCall implements it).
class Visitor {
 public:
  virtual ~Visitor() = default;

  /// Ends the call with OK and `greeting` as the reply. May be called from
  /// any thread; a visitor is greeted at most once.
  virtual void Greet(const std::string& greeting) = 0;
};

/// Whoever does the actual work of a call: it decides *when* each visitor
/// gets its greeting. The service hands every valid call to it and returns
/// at once; the receptionist answers later, from a thread of its own.
class Receptionist {
 public:
  virtual ~Receptionist() = default;

  /// `visitor` wants a greeting for `name`. The receptionist calls
  /// visitor->Greet() exactly once, later (or, if it has the answer ready,
  /// right away), unless Leave(visitor) comes first.
  virtual void Arrive(Visitor* visitor, const std::string& name) = 0;

  /// `visitor` is gone (its call was cancelled). Once Leave() returns, the
  /// receptionist never touches `visitor` again: it may be deleted.
  virtual void Leave(Visitor* visitor) = 0;

  /// The greeting for `name` if it is ready right now (nothing to wait for),
  /// otherwise nothing; then the call goes through Arrive().
  virtual std::optional<std::string> GreetingNow(const std::string& name) {
    (void)name;
    return std::nullopt;
  }
};
// [end receptionist]

// [begin greeting-call]
/// Task 2: one SayHello call on the server, from the moment it arrives until
/// gRPC is done with it. A *reactor*: gRPC calls its On...() methods
/// ("reactions") on its own threads as things happen to the call.
///
/// Life of a call: the constructor hands the call to the receptionist; one
/// of two things ends it, whichever comes first:
///   - Greet(): the receptionist has the greeting -> Finish(OK);
///   - OnCancel(): the client cancelled, its deadline passed, or the server
///     is shutting down -> leave the receptionist, Finish(CANCELLED).
/// Every call must be finished exactly once, even a cancelled one: a call
/// never finished keeps Server::Shutdown() waiting forever. After the call
/// is finished, gRPC calls OnDone() last; the reactor deletes itself there.
class GreetingCall final : public grpc::ServerUnaryReactor, public Visitor {
 public:
  /// Starts the call for `name`, which SayHello has checked. `reply` is
  /// gRPC's reply message, valid until OnDone(); `open_calls` counts
  /// GreetingCalls not yet done (one more from here, one less in OnDone()).
  GreetingCall(Receptionist& receptionist, std::atomic<int>& open_calls,
               const std::string& name, HelloReply* reply);

  /// Called by the receptionist, on its thread: answer OK with `greeting`.
  void Greet(const std::string& greeting) override;

  /// Called by gRPC when the call is cancelled before it was finished.
  void OnCancel() override;

  /// Called by gRPC last, once the call is over: the reactor's end.
  void OnDone() override;

 private:
  // Finishes the call with `status` unless it is already finished. Greet()
  // and OnCancel() may race on two threads: exactly one of them wins.
  void FinishOnce(const grpc::Status& status, const std::string& greeting);

  Receptionist& receptionist_;
  std::atomic<int>& open_calls_;
  HelloReply* const reply_;  // gRPC's; written only by the winning Finish.
  std::mutex mutex_;  // Taken by the constructor and each reaction: README.
  bool finished_ = false;  // Guarded by mutex_: Finish() was called.
};
// [end greeting-call]

// [begin greeter-service]
/// The Greeter service with gRPC's callback API: SayHello returns a reactor
/// instead of a status, and the call stays open after SayHello has returned.
/// No thread waits for a held call, so thousands can be open at once.
class GreeterService final : public Greeter::CallbackService {
 public:
  /// A service that hands every valid call to `receptionist` (not owned; it
  /// must outlive the server).
  explicit GreeterService(Receptionist& receptionist)
      : receptionist_(receptionist) {}

  /// Task 2: answers at once when it can: INVALID_ARGUMENT for an invalid
  /// name (see workbook::CheckTextField), OK when the receptionist has the
  /// greeting ready (GreetingNow). Otherwise returns a new GreetingCall.
  grpc::ServerUnaryReactor* SayHello(grpc::CallbackServerContext* context,
                                     const HelloRequest* request,
                                     HelloReply* reply) override;

  /// How many GreetingCalls exist right now (created, OnDone() not yet run).
  int open_calls() const { return open_calls_.load(); }

 private:
  Receptionist& receptionist_;
  std::atomic<int> open_calls_{0};
};
// [end greeter-service]

}  // namespace workbook::async

#endif  // WORKBOOK_07_ASYNC_SERVER_H_
