// Lesson checks (given code only; they pass on the stubs): what a
// synchronous server costs when calls are held, the contrast Task 2's
// callback server is measured against; and the program's receptionist.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "async.grpc.pb.h"
#include "common/testing/sync.h"
#include "common/testing/test_server.h"
#include "common/testing/threads.h"
#include "receptionist.h"

namespace workbook::async {
namespace {

using workbook::testing::ContextWithDeadline;
using workbook::testing::Gate;
using workbook::testing::Signal;
using workbook::testing::TestServer;
using workbook::testing::ThreadCount;
using workbook::testing::WaitUntil;

// A sync Greeter that holds every call on a gate: each held call keeps one
// of the server's threads waiting.
class GatedSyncGreeter final : public Greeter::Service {
 public:
  grpc::Status SayHello(grpc::ServerContext* context,
                        const HelloRequest* request,
                        HelloReply* reply) override {
    if (!gate_.WaitOrCancelled(*context)) {
      return grpc::Status(grpc::StatusCode::CANCELLED, "left the gate");
    }
    reply->set_message("Hello, " + request->name() + "!");
    return grpc::Status::OK;
  }

  Gate gate_;
};

struct PendingCall {
  std::unique_ptr<grpc::ClientContext> context = ContextWithDeadline();
  HelloRequest request;
  HelloReply reply;
  Signal<grpc::Status> status;
};

std::vector<std::unique_ptr<PendingCall>> StartCalls(Greeter::Stub& stub,
                                                     int count) {
  std::vector<std::unique_ptr<PendingCall>> calls;
  for (int i = 0; i < count; ++i) {
    auto call = std::make_unique<PendingCall>();
    call->request.set_name("caller " + std::to_string(i));
    PendingCall* raw = call.get();
    stub.async()->SayHello(raw->context.get(), &raw->request, &raw->reply,
                           [raw](grpc::Status s) { raw->status.Set(s); });
    calls.push_back(std::move(call));
  }
  return calls;
}

// 32 calls at once on a sync server whose resource quota allows 8 threads:
// it cannot hold them all, and refuses the rest at once with gRPC's own
// "Server Threadpool Exhausted" rather than queueing them.
TEST(SyncServer, AThreadCapRefusesHeldCallsBeyondIt) {
  constexpr int kCalls = 32;
  GatedSyncGreeter greeter;
  TestServer server({&greeter}, [](grpc::ServerBuilder& builder) {
    grpc::ResourceQuota quota("eight threads");
    quota.SetMaxThreads(8);
    builder.SetResourceQuota(quota);
  });
  auto stub = server.NewStub<Greeter>();
  auto calls = StartCalls(*stub, kCalls);
  int refused = 0;
  std::string message;
  // Every call is either refused (it has ended) or parked at the gate.
  ASSERT_TRUE(WaitUntil([&] {
    refused = 0;
    for (auto& call : calls) {
      if (!call->status.IsSet()) continue;
      const grpc::Status status = *call->status.Get();
      EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
      message = status.error_message();
      ++refused;
    }
    return refused + greeter.gate_.waiters() == kCalls;
  })) << refused
      << " refused, " << greeter.gate_.waiters() << " parked";
  std::cout << "[ measured ] with 8 threads allowed: "
            << greeter.gate_.waiters() << " of " << kCalls << " calls parked, "
            << refused << " refused: " << message << "\n";
  EXPECT_GE(refused, 1);
  EXPECT_LT(greeter.gate_.waiters(), 8);
  EXPECT_EQ(message, "Server Threadpool Exhausted");
  greeter.gate_.Open();
  for (auto& call : calls) EXPECT_TRUE(call->status.Get().has_value());
  server.Shutdown();
}

// Without a cap, a sync server holds N calls with N threads of its own.
TEST(SyncServer, EveryHeldCallHoldsAThread) {
  constexpr int kCalls = 50;
  GatedSyncGreeter greeter;
  TestServer server({&greeter});
  auto stub = server.NewStub<Greeter>();
  const int before = ThreadCount();
  auto calls = StartCalls(*stub, kCalls);
  ASSERT_TRUE(greeter.gate_.WaitForWaiters(kCalls));
  const int added = ThreadCount() - before;
  std::cout << "[ measured ] " << kCalls
            << " calls held by a sync server added " << added
            << " threads; the process has " << ThreadCount() << "\n";
  EXPECT_GE(added, kCalls - 2) << "(one thread per held call, give or take "
                                  "the server's spare pollers)";
  greeter.gate_.Open();
  for (auto& call : calls) {
    const std::optional<grpc::Status> status = call->status.Get();
    ASSERT_TRUE(status.has_value());
    EXPECT_TRUE(status->ok()) << status->error_message();
  }
  server.Shutdown();
}

// A visitor standing in for a GreetingCall: remembers its greeting.
class FakeVisitor final : public Visitor {
 public:
  void Greet(const std::string& greeting) override {
    thread.Set(std::this_thread::get_id());
    greeted.Set(greeting);
  }
  Signal<std::thread::id> thread;
  Signal<std::string> greeted;
};

// Records the order in which visitors are greeted.
class OrderedVisitor final : public Visitor {
 public:
  OrderedVisitor(std::string name, std::vector<std::string>& order,
                 std::mutex& mutex, workbook::testing::CountDownLatch& latch)
      : name_(std::move(name)), order_(order), mutex_(mutex), latch_(latch) {}
  void Greet(const std::string& /*greeting*/) override {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      order_.push_back(name_);
    }
    latch_.CountDown();
  }

 private:
  std::string name_;
  std::vector<std::string>& order_;
  std::mutex& mutex_;
  workbook::testing::CountDownLatch& latch_;
};

TEST(Receptionist, GreetsShorterNamesFirst) {
  std::vector<std::string> order;
  std::mutex mutex;
  workbook::testing::CountDownLatch latch(2);
  OrderedVisitor alexander("Alexander", order, mutex, latch);
  OrderedVisitor bo("Bo", order, mutex, latch);
  TimedReceptionist receptionist(std::chrono::milliseconds(20));
  receptionist.Arrive(&alexander, "Alexander");  // Due in 180 ms.
  receptionist.Arrive(&bo, "Bo");                // Due in 40 ms.
  ASSERT_TRUE(latch.Wait());
  std::lock_guard<std::mutex> lock(mutex);
  EXPECT_EQ(order, (std::vector<std::string>{"Bo", "Alexander"}));
}

// The receptionist greets in the order greetings are due, so once a visitor
// due later has been greeted, one who left earlier would have been too.
TEST(Receptionist, NeverGreetsAVisitorWhoLeft) {
  FakeVisitor left;
  FakeVisitor stayed;
  TimedReceptionist receptionist(std::chrono::milliseconds(20));
  receptionist.Arrive(&left, "Al");  // Due in 40 ms.
  receptionist.Leave(&left);
  receptionist.Arrive(&stayed, "Alexander");  // Due in 180 ms.
  EXPECT_EQ(stayed.greeted.Get(), "Hello, Alexander!");
  EXPECT_FALSE(left.greeted.IsSet());
}

TEST(Receptionist, WithoutDelayEveryGreetingIsReadyAtOnce) {
  TimedReceptionist at_once(std::chrono::milliseconds(0));
  EXPECT_EQ(at_once.GreetingNow("Ada"), "Hello, Ada!");
  TimedReceptionist slow(std::chrono::milliseconds(20));
  EXPECT_FALSE(slow.GreetingNow("Ada").has_value());
}

}  // namespace
}  // namespace workbook::async
