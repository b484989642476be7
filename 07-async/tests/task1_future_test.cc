// Task 1: GreeterClient::SayHelloAsync and GreetingFuture, against a fake
// server that holds every call until the test releases it.
#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "client.h"
#include "common/testing/sync.h"
#include "common/testing/test_server.h"
#include "common/testing/threads.h"
#include "tests/held_greeter.h"

namespace workbook::async {
namespace {

using testing::HeldGreeter;
using workbook::testing::kEventTimeout;
using workbook::testing::kRpcDeadline;
using workbook::testing::Signal;
using workbook::testing::TestServer;
using workbook::testing::ThreadCount;

class Task1_FutureClient : public ::testing::Test {
 protected:
  void TearDown() override { server_.Shutdown(); }

  HeldGreeter greeter_;
  TestServer server_{{&greeter_}};
  GreeterClient client_{server_.NewChannel()};
};

TEST_F(Task1_FutureClient, ReturnsTheGreeting) {
  greeter_.set_on_held([this](int) { greeter_.ReleaseAll(); });
  GreetingFuture future = client_.SayHelloAsync("Ada", kRpcDeadline);
  const GreetingResult result = future.result();
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  EXPECT_EQ(result.greeting, "Hello, Ada!");
  EXPECT_TRUE(future.done());
  EXPECT_EQ(future.result().greeting, "Hello, Ada!") << "asked a second time";
}

TEST_F(Task1_FutureClient, StartsTheCallAndReturnsAtOnce) {
  GreetingFuture future = client_.SayHelloAsync("Ada", kRpcDeadline);
  // The server holds the call, so it has not ended: SayHelloAsync returned
  // while the call was still in flight.
  ASSERT_TRUE(greeter_.WaitForHeld(1)) << "the call never reached the server";
  EXPECT_FALSE(future.done());
  EXPECT_FALSE(future.wait_for(std::chrono::milliseconds(1)));
  ASSERT_TRUE(greeter_.Release("Ada"));
  EXPECT_TRUE(future.wait_for(kEventTimeout));
  EXPECT_TRUE(future.result().status.ok());
}

// The server answers nobody until 50 calls are held at once. A client that
// waited for each answer before starting the next call could never get
// there: its first call would end DEADLINE_EXCEEDED.
TEST_F(Task1_FutureClient, ManyCallsInFlightFromOneThread) {
  constexpr int kCalls = 50;
  greeter_.set_on_held([this](int held) {
    if (held == kCalls) greeter_.ReleaseAll();
  });
  std::vector<GreetingFuture> futures;
  for (int i = 0; i < kCalls; ++i) {
    futures.push_back(
        client_.SayHelloAsync("caller " + std::to_string(i), kRpcDeadline));
  }
  for (int i = 0; i < kCalls; ++i) {
    const GreetingResult result = futures[i].result();
    ASSERT_TRUE(result.status.ok())
        << i << ": " << result.status.error_message();
    EXPECT_EQ(result.greeting, "Hello, caller " + std::to_string(i) + "!");
  }
}

// The server answers in the reverse order of the calls; each future is done
// exactly when its own answer has arrived, whatever the order.
TEST_F(Task1_FutureClient, CompletesInTheServersOrder) {
  const std::vector<std::string> names = {"Ada", "Bo", "Cy", "Di", "Ed"};
  std::vector<GreetingFuture> futures;
  for (const std::string& name : names)
    futures.push_back(client_.SayHelloAsync(name, kRpcDeadline));
  ASSERT_TRUE(greeter_.WaitForHeld(static_cast<int>(names.size())));
  for (int i = static_cast<int>(names.size()) - 1; i >= 0; --i) {
    for (int j = 0; j < i; ++j) {
      EXPECT_FALSE(futures[j].done()) << names[j] << " ended before its answer";
    }
    ASSERT_TRUE(greeter_.Release(names[i]));
    ASSERT_TRUE(futures[i].wait_for(kEventTimeout)) << names[i];
    EXPECT_EQ(futures[i].result().greeting, "Hello, " + names[i] + "!");
  }
}

TEST_F(Task1_FutureClient, CancelEndsTheCallAndTheServerSeesIt) {
  GreetingFuture future = client_.SayHelloAsync("Ada", kRpcDeadline);
  ASSERT_TRUE(greeter_.WaitForHeld(1));
  EXPECT_TRUE(future.cancel());
  EXPECT_EQ(future.result().status.error_code(), grpc::StatusCode::CANCELLED);
  EXPECT_TRUE(greeter_.WaitForCancelled(1)) << "the server never noticed";
}

TEST_F(Task1_FutureClient, CancelAfterTheEndChangesNothing) {
  greeter_.set_on_held([this](int) { greeter_.ReleaseAll(); });
  GreetingFuture future = client_.SayHelloAsync("Ada", kRpcDeadline);
  ASSERT_TRUE(future.wait_for(kEventTimeout));
  EXPECT_FALSE(future.cancel());
  EXPECT_TRUE(future.result().status.ok());
}

TEST_F(Task1_FutureClient, DeadlineEndsAHeldCall) {
  GreetingFuture future =
      client_.SayHelloAsync("Ada", std::chrono::milliseconds(200));
  const grpc::StatusCode code = future.result().status.error_code();
  // The client's timer says DEADLINE_EXCEEDED; when the server's timer fires
  // first, its reset can arrive first and read CANCELLED.
  EXPECT_TRUE(code == grpc::StatusCode::DEADLINE_EXCEEDED ||
              code == grpc::StatusCode::CANCELLED)
      << code;
}

// gRPC calls back on a thread of its own, before result() is ready.
TEST_F(Task1_FutureClient, OnDoneRunsOnAGrpcThreadFirst) {
  greeter_.set_on_held([this](int) { greeter_.ReleaseAll(); });
  Signal<std::thread::id> callback_thread;
  Signal<std::string> seen;
  GreetingFuture future = client_.SayHelloAsync(
      "Ada", kRpcDeadline, [&](const GreetingResult& result) {
        seen.Set(result.greeting);
        callback_thread.Set(std::this_thread::get_id());
      });
  ASSERT_TRUE(future.result().status.ok());
  ASSERT_TRUE(callback_thread.IsSet()) << "result() was ready before on_done";
  EXPECT_NE(*callback_thread.Get(), std::this_thread::get_id());
  EXPECT_EQ(*seen.Get(), "Hello, Ada!");
}

// The call goes on without its handle, and its state lives until gRPC has
// called back (AddressSanitizer would report a use after free otherwise).
TEST_F(Task1_FutureClient, DroppingTheHandleIsSafe) {
  Signal<grpc::StatusCode> ended;
  {
    GreetingFuture dropped = client_.SayHelloAsync(
        "Ada", kRpcDeadline, [&](const GreetingResult& result) {
          ended.Set(result.status.error_code());
        });
    ASSERT_TRUE(greeter_.WaitForHeld(1));
  }
  ASSERT_TRUE(greeter_.Release("Ada"));
  EXPECT_EQ(ended.Get(), grpc::StatusCode::OK);
  EXPECT_TRUE(greeter_.WaitUntilAllDone());
}

// 200 calls held at once need no thread each (bound measured on a 2-core
// machine: see the README).
TEST_F(Task1_FutureClient, NoThreadPerCallInFlight) {
  constexpr int kCalls = 200;
  // Warm up: the channel is connected and gRPC's pools exist.
  greeter_.set_on_held([this](int) { greeter_.ReleaseAll(); });
  ASSERT_TRUE(
      client_.SayHelloAsync("warm-up", kRpcDeadline).result().status.ok());
  greeter_.set_on_held(nullptr);

  const int before = ThreadCount();
  std::vector<GreetingFuture> futures;
  for (int i = 0; i < kCalls; ++i)
    futures.push_back(client_.SayHelloAsync("caller", kRpcDeadline));
  ASSERT_TRUE(greeter_.WaitForHeld(kCalls));
  const int added = ThreadCount() - before;
  RecordProperty("threads_added_for_200_calls", added);
  std::cout << "[ measured ] " << kCalls << " calls in flight added " << added
            << " threads; the process has " << ThreadCount() << "\n";
  EXPECT_LT(added, 32) << "a thread per call?";
  EXPECT_EQ(greeter_.ReleaseAll(), kCalls);
  for (GreetingFuture& future : futures)
    EXPECT_TRUE(future.result().status.ok());
}

}  // namespace
}  // namespace workbook::async
