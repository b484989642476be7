// Task 1: the careful GuestBook signs only for a client that can still hear
// the answer. The slow step is held on a gate the test opens, so "the client
// left during the slow step" is an order of events, not a race.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <optional>

#include "calls.h"
#include "common/plumbing/rpc_errors.h"
#include "common/testing/sync.h"
#include "common/testing/test_server.h"
#include "server.h"

namespace workbook::deadlines {
namespace {

using std::chrono::milliseconds;
using workbook::testing::kRpcDeadline;
using workbook::testing::Signal;
using workbook::testing::TestServer;
using workbook::testing::WaitUntil;

// What signing is expected to take: well inside every deadline below
// except the one that is meant to be too short.
constexpr milliseconds kSigningTime{100};

class Task1_CarefulServer : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(ConnectWithARefusedRequest(*stub_),
              grpc::StatusCode::INVALID_ARGUMENT);
    service_.SetListener(
        [this](const SignReport& report) { report_.Set(report); });
  }
  void TearDown() override { server_.Shutdown(); }

  // Waits until the call the test started is in the slow step, and returns
  // the server's side of it.
  const grpc::ServerContextBase* StartedCall() {
    std::optional<const grpc::ServerContextBase*> started = step_.started.Get();
    if (!started) {
      ADD_FAILURE() << "the slow step never started";
      return nullptr;
    }
    return *started;
  }

  HeldStep step_;
  Book book_;
  GuestBookService service_{book_, step_.AsSlowStep(), kSigningTime};
  TestServer server_{{&service_}};
  std::unique_ptr<GuestBook::Stub> stub_ = server_.NewStub<GuestBook>();
  Signal<SignReport> report_;  // The first call after SetUp, once returned.
};

TEST_F(Task1_CarefulServer, SignsForAPatientClient) {
  step_.gate.Open();
  SignReply reply;
  auto context = workbook::testing::ContextWithDeadline();
  const grpc::Status status =
      stub_->Sign(context.get(), Request("r-1", "Ada"), &reply);
  ASSERT_TRUE(status.ok()) << workbook::DescribeStatus(status);
  EXPECT_EQ(reply.guest_number(), 1u);
  EXPECT_FALSE(reply.replayed());
  ASSERT_EQ(book_.size(), 1u);
  EXPECT_EQ(book_.lines()[0].name, "Ada");
}

TEST_F(Task1_CarefulServer, DoesNotSignForAClientThatCancelled) {
  BackgroundCall call =
      BackgroundCall::Start(*stub_, Request("r-1"), kRpcDeadline);
  const grpc::ServerContextBase* server_call = StartedCall();
  ASSERT_NE(server_call, nullptr);
  call.Cancel();
  std::optional<grpc::Status> status = call.status();
  ASSERT_TRUE(status);
  EXPECT_EQ(status->error_code(), grpc::StatusCode::CANCELLED);
  ASSERT_TRUE(WaitUntil([&] { return server_call->IsCancelled(); }));

  // Only now does the slow step finish: the handler must notice.
  step_.gate.Open();
  std::optional<SignReport> report = report_.Get();
  ASSERT_TRUE(report) << "the handler never returned";
  EXPECT_EQ(report->status.error_code(), grpc::StatusCode::CANCELLED)
      << workbook::DescribeStatus(report->status);
  EXPECT_EQ(book_.size(), 0u) << "signed for a client that had cancelled";
}

TEST_F(Task1_CarefulServer, DoesNotSignAfterTheDeadlinePassed) {
  BackgroundCall call =
      BackgroundCall::Start(*stub_, Request("r-1"), milliseconds(500));
  const grpc::ServerContextBase* server_call = StartedCall();
  ASSERT_NE(server_call, nullptr);
  std::optional<grpc::Status> status = call.status();
  ASSERT_TRUE(status);
  EXPECT_TRUE(IsDeadlineOutcome(status->error_code()))
      << workbook::DescribeStatus(*status);
  ASSERT_TRUE(WaitUntil([&] { return server_call->IsCancelled(); }));

  step_.gate.Open();
  std::optional<SignReport> report = report_.Get();
  ASSERT_TRUE(report) << "the handler never returned";
  EXPECT_FALSE(report->status.ok());
  EXPECT_EQ(book_.size(), 0u) << "signed for a client whose deadline passed";
}

TEST_F(Task1_CarefulServer, RefusesWorkItCannotFinishInTime) {
  // Signing would take a minute; the caller gives it 30 s. If the server
  // started anyway, the slow step would hold the call until the gate's
  // bound and then sign: the test would see it.
  HeldStep step;
  Book book;
  GuestBookService slow(book, step.AsSlowStep(), std::chrono::minutes(1));
  TestServer server({&slow});
  SignReply reply;
  auto context = workbook::testing::ContextWithDeadline(milliseconds(30000));
  const grpc::Status status =
      server.NewStub<GuestBook>()->Sign(context.get(), Request("r-1"), &reply);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED)
      << workbook::DescribeStatus(status);
  EXPECT_FALSE(status.error_message().empty())
      << "say why: how long signing takes, how much time the call had";
  EXPECT_EQ(step.runs, 0) << "the slow step started anyway";
  EXPECT_EQ(book.size(), 0u);
  server.Shutdown();
}

TEST_F(Task1_CarefulServer, NeverRefusesACallWithoutADeadline) {
  // No deadline, on purpose: a client may wait as long as it takes. The
  // test ends the call itself if the server misbehaves.
  BackgroundCall call =
      BackgroundCall::Start(*stub_, Request("r-1"), std::nullopt);
  ASSERT_NE(StartedCall(), nullptr)
      << "a call without a deadline has all the time in the world";
  step_.gate.Open();
  std::optional<grpc::Status> status = call.status();
  ASSERT_TRUE(status);
  EXPECT_TRUE(status->ok()) << workbook::DescribeStatus(*status);
  EXPECT_EQ(book_.size(), 1u);
}

}  // namespace
}  // namespace workbook::deadlines
