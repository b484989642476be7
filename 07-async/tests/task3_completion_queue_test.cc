// Task 3: GreeterClient::GreetAll, the CompletionQueue fan-out, against a
// fake server that holds every call until the test releases it.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <string>
#include <vector>

#include "client.h"
#include "common/testing/sync.h"
#include "common/testing/test_server.h"
#include "common/testing/threads.h"
#include "tests/held_greeter.h"

namespace workbook::async {
namespace {

using testing::HeldGreeter;
using workbook::testing::kRpcDeadline;
using workbook::testing::Signal;
using workbook::testing::TestServer;
using workbook::testing::ThreadCount;

class Task3_CompletionQueueFanOut : public ::testing::Test {
 protected:
  void TearDown() override { server_.Shutdown(); }

  HeldGreeter greeter_;
  TestServer server_{{&greeter_}};
  GreeterClient client_{server_.NewChannel()};
};

std::vector<std::string> Names(int count) {
  std::vector<std::string> names;
  for (int i = 0; i < count; ++i)
    names.push_back("caller " + std::to_string(i));
  return names;
}

TEST_F(Task3_CompletionQueueFanOut, GreetsEveryone) {
  const std::vector<std::string> names = {"Ada", "Bo", "Cy"};
  greeter_.set_on_held([this](int) { greeter_.ReleaseAll(); });
  const std::vector<NamedGreeting> results =
      client_.GreetAll(names, kRpcDeadline);
  ASSERT_EQ(results.size(), names.size());
  std::vector<std::string> greeted;
  for (const NamedGreeting& outcome : results) {
    ASSERT_TRUE(outcome.result.status.ok())
        << outcome.name << ": " << outcome.result.status.error_message();
    EXPECT_EQ(outcome.result.greeting, "Hello, " + outcome.name + "!");
    greeted.push_back(outcome.name);
  }
  std::sort(greeted.begin(), greeted.end());
  EXPECT_EQ(greeted, names);
}

// Nobody is answered until all 50 calls are held at once: only a client that
// starts every call before it waits for any gets past this.
TEST_F(Task3_CompletionQueueFanOut, EveryCallIsInFlightBeforeAnyEnds) {
  constexpr int kCalls = 50;
  greeter_.set_on_held([this](int held) {
    if (held == kCalls) greeter_.ReleaseAll();
  });
  const std::vector<NamedGreeting> results =
      client_.GreetAll(Names(kCalls), kRpcDeadline);
  ASSERT_EQ(results.size(), static_cast<size_t>(kCalls));
  for (const NamedGreeting& outcome : results) {
    EXPECT_TRUE(outcome.result.status.ok())
        << outcome.name << ": " << outcome.result.status.error_message();
  }
}

// The server answers one call at a time, last name first, and answers the
// next only when the client has reported the previous one: the results must
// come out in exactly that order, each reported as it arrives.
TEST_F(Task3_CompletionQueueFanOut, ResultsComeInTheOrderCallsEnd) {
  const std::vector<std::string> names = {"Ada", "Bo", "Cy", "Di", "Ed"};
  std::vector<std::string> expected(names.rbegin(), names.rend());
  greeter_.set_on_held([&](int held) {
    if (held == static_cast<int>(names.size())) greeter_.Release(expected[0]);
  });
  std::vector<std::string> reported;
  const std::vector<NamedGreeting> results =
      client_.GreetAll(names, kRpcDeadline, [&](const NamedGreeting& outcome) {
        reported.push_back(outcome.name);
        if (reported.size() < expected.size())
          greeter_.Release(expected[reported.size()]);
      });
  EXPECT_EQ(reported, expected);
  std::vector<std::string> returned;
  for (const NamedGreeting& outcome : results) returned.push_back(outcome.name);
  EXPECT_EQ(returned, expected);
}

TEST_F(Task3_CompletionQueueFanOut, OneLateCallFailsAlone) {
  greeter_.set_on_held([this](int held) {
    if (held == 3) {
      greeter_.Release("Ada");
      greeter_.Release("Bo");
    }
  });
  const std::vector<NamedGreeting> results =
      client_.GreetAll({"Ada", "late", "Bo"}, std::chrono::milliseconds(2000));
  ASSERT_EQ(results.size(), 3u);
  for (const NamedGreeting& outcome : results) {
    if (outcome.name == "late") {
      const grpc::StatusCode code = outcome.result.status.error_code();
      EXPECT_TRUE(code == grpc::StatusCode::DEADLINE_EXCEEDED ||
                  code == grpc::StatusCode::CANCELLED)
          << code;
    } else {
      EXPECT_TRUE(outcome.result.status.ok())
          << outcome.name << ": " << outcome.result.status.error_message();
    }
  }
  EXPECT_EQ(results.back().name, "late") << "the late call ended last";
}

// While 100 calls are held, the process has barely more threads than
// before: GreetAll runs them all on the caller's thread.
TEST_F(Task3_CompletionQueueFanOut, StartsNoThreads) {
  constexpr int kCalls = 100;
  greeter_.set_on_held([this](int) { greeter_.ReleaseAll(); });
  ASSERT_EQ(client_.GreetAll({"warm-up"}, kRpcDeadline).size(), 1u);
  const int before = ThreadCount();
  Signal<int> added;
  greeter_.set_on_held([&](int held) {
    if (held != kCalls) return;
    added.Set(ThreadCount() - before);
    greeter_.ReleaseAll();
  });
  const std::vector<NamedGreeting> results =
      client_.GreetAll(Names(kCalls), kRpcDeadline);
  ASSERT_EQ(results.size(), static_cast<size_t>(kCalls));
  ASSERT_TRUE(added.IsSet()) << "the calls were never all in flight";
  std::cout << "[ measured ] " << kCalls << " calls in flight on one queue "
            << "added " << *added.Get() << " threads; the process has "
            << ThreadCount() << "\n";
  EXPECT_LT(*added.Get(), 32);
  // And nothing of them is left running once GreetAll has returned.
  EXPECT_TRUE(greeter_.WaitUntilAllDone());
}

}  // namespace
}  // namespace workbook::async
