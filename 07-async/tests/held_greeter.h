// Test fakes for lesson 07: a Greeter server that holds calls until the
// test releases them, and a receptionist that does the same for Task 2's
// service. Both let a test decide exactly when each call ends, so no test
// needs to sleep or depend on timing.
#ifndef WORKBOOK_07_ASYNC_TESTS_HELD_GREETER_H_
#define WORKBOOK_07_ASYNC_TESTS_HELD_GREETER_H_

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "async.grpc.pb.h"
#include "common/testing/sync.h"
#include "server.h"

namespace workbook::async::testing {

using workbook::testing::kEventTimeout;

/// A callback Greeter whose SayHello holds every call until the test
/// releases it (by name), then answers "Hello, <name>!". A held call that is
/// cancelled is finished CANCELLED and counted. Tests of the client tasks
/// run against it, so they do not depend on Task 2.
class HeldGreeter final : public Greeter::CallbackService {
 public:
  /// Called, under no lock, on a gRPC thread each time a call is parked,
  /// with the number held now. Tests use it to release calls as a barrier.
  using OnHeld = std::function<void(int held)>;

  HeldGreeter() = default;
  /// Destroy only after the server has shut down. Takes the lock once more:
  /// the last reaction ran on a gRPC thread, and this makes its writes
  /// visible to ThreadSanitizer before the members go.
  ~HeldGreeter() override;

  grpc::ServerUnaryReactor* SayHello(grpc::CallbackServerContext* context,
                                     const HelloRequest* request,
                                     HelloReply* reply) override;

  /// Runs `on_held` for every call parked from now on. Set before calls.
  void set_on_held(OnHeld on_held);

  /// Answers the first held call for `name`; false if none is held.
  bool Release(const std::string& name);
  /// Answers every held call; returns how many.
  int ReleaseAll();

  /// Calls held right now.
  int held() const;
  /// Waits until at least `n` calls are held at once.
  bool WaitForHeld(int n, std::chrono::milliseconds bound = kEventTimeout);
  /// Held calls that were cancelled (OnCancel) so far.
  int cancelled() const;
  /// Waits until at least `n` held calls were cancelled.
  bool WaitForCancelled(int n, std::chrono::milliseconds bound = kEventTimeout);
  /// Reactors whose OnDone() has not run yet.
  int open() const;
  /// Waits until every reactor has run OnDone().
  bool WaitUntilAllDone(std::chrono::milliseconds bound = kEventTimeout);

 private:
  class HeldCall;
  // Reactions of HeldCall.
  void Cancelled(HeldCall* call);
  void Done();

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<HeldCall*> held_;  // In arrival order.
  int cancelled_ = 0;
  int open_ = 0;
  OnHeld on_held_;
};

/// A receptionist that greets nobody until the test says so. Greet() is
/// called under its lock, as the Receptionist contract requires, so a
/// concurrent Leave() waits for it.
class HoldingReceptionist final : public Receptionist {
 public:
  HoldingReceptionist() = default;
  /// Takes the lock once more, as ~HeldGreeter() does.
  ~HoldingReceptionist() override;

  void Arrive(Visitor* visitor, const std::string& name) override;
  void Leave(Visitor* visitor) override;

  /// Greets every waiting visitor with "Welcome, <name>." (in arrival
  /// order); returns how many.
  int GreetAll();
  /// Visitors waiting right now.
  int waiting() const;
  /// Waits until at least `n` visitors wait at once.
  bool WaitForWaiting(int n, std::chrono::milliseconds bound = kEventTimeout);
  /// Visitors that left (Leave() while waiting) so far.
  int left() const;

 private:
  struct Waiting {
    Visitor* visitor;
    std::string name;
  };
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<Waiting> waiting_;
  int left_ = 0;
};

}  // namespace workbook::async::testing

#endif  // WORKBOOK_07_ASYNC_TESTS_HELD_GREETER_H_
