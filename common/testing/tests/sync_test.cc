// Tests of the gates, signals, latches and WaitUntil in sync.h. None of them
// sleeps: each waits for the event it expects, with a bound.
#include "common/testing/sync.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

#include "common/testing/test_server.h"
#include "common/testing/tests/echo_call.h"
#include "common/testing/tests/probe_service.h"

namespace workbook::testing {
namespace {

using probe::EchoCall;
using probe::Parking;
using probe::Probe;
using probe::ProbeService;
using std::chrono::milliseconds;

// A thread joined when the test leaves, even through a failed ASSERT.
class JoinedThread {
 public:
  template <typename F>
  explicit JoinedThread(F body) : thread_(std::move(body)) {}
  ~JoinedThread() { thread_.join(); }

 private:
  std::thread thread_;
};

TEST(Gate, LetsAParkedThreadThroughWhenOpened) {
  Gate gate;
  Signal<bool> passed;
  JoinedThread parked([&] { passed.Set(gate.Wait()); });
  ASSERT_TRUE(gate.WaitForWaiters(1));
  EXPECT_EQ(gate.waiters(), 1);
  EXPECT_FALSE(passed.IsSet()) << "Wait() returned before the gate opened";
  gate.Open();
  EXPECT_EQ(passed.Get(), true);
  EXPECT_TRUE(gate.is_open());
}

TEST(Gate, CountsEveryWaiterAndForgetsThemOnceThrough) {
  Gate gate;
  CountDownLatch through(3);
  JoinedThread first([&] {
    gate.Wait();
    through.CountDown();
  });
  JoinedThread second([&] {
    gate.Wait();
    through.CountDown();
  });
  JoinedThread third([&] {
    gate.Wait();
    through.CountDown();
  });
  ASSERT_TRUE(gate.WaitForWaiters(3));
  EXPECT_EQ(through.count(), 3);
  gate.Open();
  ASSERT_TRUE(through.Wait());
  EXPECT_TRUE(WaitUntil([&] { return gate.waiters() == 0; }));
}

TEST(Gate, StaysOpen) {
  Gate gate;
  EXPECT_FALSE(gate.is_open());
  gate.Open();
  EXPECT_TRUE(gate.Wait(milliseconds(0)));
  EXPECT_TRUE(gate.Wait(milliseconds(0)));
}

TEST(Gate, WaitGivesUpAtTheBound) {
  Gate gate;
  EXPECT_FALSE(gate.Wait(milliseconds(20)));
  EXPECT_EQ(gate.waiters(), 0);
}

TEST(Gate, WaitForWaitersGivesUpAtTheBound) {
  Gate gate;
  EXPECT_FALSE(gate.WaitForWaiters(1, milliseconds(20)));
}

TEST(Gate, OpenEveryGateOpensAllThatExist) {
  Gate one;
  Gate two;
  OpenEveryGate();
  EXPECT_TRUE(one.is_open());
  EXPECT_TRUE(two.is_open());
}

// WaitOrCancelled() in a real handler: the server parks the call, the test
// opens the gate or the client cancels.
class GateInAHandler : public ServiceTest<ProbeService> {
 protected:
  GateInAHandler() : ServiceTest(Parking::kGateOrCancelled) {}
  std::unique_ptr<Probe::Stub> stub_ = NewStub<Probe>();
};

TEST_F(GateInAHandler, ReturnsTrueWhenOpened) {
  EchoCall call(*stub_, "Ada");
  ASSERT_TRUE(service_.gate.WaitForWaiters(1));
  service_.gate.Open();
  EXPECT_EQ(service_.gate_passed.Get(), true);
  const std::optional<grpc::Status> status = call.status();
  ASSERT_TRUE(status.has_value()) << "the call never finished";
  EXPECT_TRUE(status->ok()) << status->error_message();
  EXPECT_EQ(call.reply().text(), "Ada");
}

TEST_F(GateInAHandler, ReturnsFalseWhenTheClientCancels) {
  EchoCall call(*stub_, "Ada");
  ASSERT_TRUE(service_.gate.WaitForWaiters(1));
  call.Cancel();
  EXPECT_EQ(service_.gate_passed.Get(), false);
  EXPECT_FALSE(service_.gate.is_open());
  const std::optional<grpc::Status> status = call.status();
  ASSERT_TRUE(status.has_value()) << "the call never finished";
  EXPECT_EQ(status->error_code(), grpc::StatusCode::CANCELLED);
}

TEST(Signal, FirstSetWins) {
  Signal<int> signal;
  EXPECT_FALSE(signal.IsSet());
  signal.Set(1);
  signal.Set(2);
  EXPECT_TRUE(signal.IsSet());
  EXPECT_EQ(signal.Get(), 1);
}

TEST(Signal, GetGivesNothingAtTheBound) {
  Signal<int> signal;
  EXPECT_EQ(signal.Get(milliseconds(20)), std::nullopt);
}

TEST(Signal, CarriesAValueFromAnotherThread) {
  Signal<std::string> signal;
  JoinedThread sender([&] { signal.Set("from a thread"); });
  EXPECT_EQ(signal.Get(), "from a thread");
}

TEST(CountDownLatch, OpensAfterTheLastEvent) {
  CountDownLatch latch(3);
  latch.CountDown();
  latch.CountDown();
  EXPECT_EQ(latch.count(), 1);
  EXPECT_FALSE(latch.Wait(milliseconds(20)));
  JoinedThread last([&] { latch.CountDown(); });
  EXPECT_TRUE(latch.Wait());
  EXPECT_EQ(latch.count(), 0);
}

TEST(CountDownLatch, StaysAtZero) {
  CountDownLatch latch(0);
  EXPECT_TRUE(latch.Wait(milliseconds(0)));
  latch.CountDown();
  EXPECT_EQ(latch.count(), 0);
}

TEST(WaitUntil, ReturnsAtOnceWhenTheConditionHolds) {
  int checks = 0;
  EXPECT_TRUE(WaitUntil([&] { return ++checks > 0; }));
  EXPECT_EQ(checks, 1);
}

TEST(WaitUntil, GivesUpAtTheBound) {
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(WaitUntil([] { return false; }, milliseconds(20)));
  EXPECT_GE(std::chrono::steady_clock::now() - start, milliseconds(20));
}

TEST(WaitUntil, SeesAStateAnotherThreadReaches) {
  std::atomic<bool> reached{false};
  JoinedThread worker([&] { reached = true; });
  EXPECT_TRUE(WaitUntil([&] { return reached.load(); }));
}

}  // namespace
}  // namespace workbook::testing
