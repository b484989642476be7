// Lesson checks (they pass on the stubs): client and server decide on their
// own whether a call succeeded, and they can disagree. The naive server
// shows the weak form (it did not look); a careful fake the strong form (it
// looked, and was still told it failed).
#include <gtest/gtest.h>

#include <chrono>
#include <optional>

#include "calls.h"
#include "common/plumbing/rpc_errors.h"
#include "common/testing/pausable_proxy.h"
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

class Termination : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(ConnectWithARefusedRequest(*stub_),
              grpc::StatusCode::INVALID_ARGUMENT);
    naive_.SetListener(
        [this](const SignReport& report) { report_.Set(report); });
  }
  void TearDown() override { server_.Shutdown(); }

  HeldStep step_;
  Book book_;
  NaiveGuestBookService naive_{book_, step_.AsSlowStep()};
  TestServer server_{{&naive_}};
  std::unique_ptr<NaiveGuestBook::Stub> stub_ =
      server_.NewStub<NaiveGuestBook>();
  Signal<SignReport> report_;
};

// [begin naive-cancelled]
TEST_F(Termination, NaiveServerSignsWhatTheClientCancelled) {
  BackgroundCall call =
      BackgroundCall::Start(*stub_, Request("r-1"), kRpcDeadline);
  std::optional<const grpc::ServerContextBase*> server_call =
      step_.started.Get();
  ASSERT_TRUE(server_call) << "the handler never started";

  call.Cancel();
  std::optional<grpc::Status> status = call.status();
  ASSERT_TRUE(status);
  EXPECT_EQ(status->error_code(), grpc::StatusCode::CANCELLED);
  // The cancellation reaches the server too: its IsCancelled() turns true
  // while the handler is still busy with the slow step.
  ASSERT_TRUE(WaitUntil([&] { return (*server_call)->IsCancelled(); }));

  step_.gate.Open();
  std::optional<SignReport> report = report_.Get();
  ASSERT_TRUE(report) << "the handler never returned";
  EXPECT_TRUE(report->status.ok()) << "the naive server says it succeeded";
  EXPECT_TRUE(report->client_gone);
  EXPECT_EQ(book_.size(), 1u) << "and the book is signed";
}
// [end naive-cancelled]

TEST_F(Termination, NaiveServerSignsAfterTheClientsDeadlinePassed) {
  BackgroundCall call =
      BackgroundCall::Start(*stub_, Request("r-1"), milliseconds(500));
  std::optional<const grpc::ServerContextBase*> server_call =
      step_.started.Get();
  ASSERT_TRUE(server_call) << "the handler never started";

  // No sleep: the deadline passing is an event, the end of the call.
  std::optional<grpc::Status> status = call.status();
  ASSERT_TRUE(status);
  EXPECT_TRUE(IsDeadlineOutcome(status->error_code()))
      << workbook::DescribeStatus(*status);
  ASSERT_TRUE(WaitUntil([&] { return (*server_call)->IsCancelled(); }))
      << "the server should see that the call's deadline passed";

  step_.gate.Open();
  std::optional<SignReport> report = report_.Get();
  ASSERT_TRUE(report) << "the handler never returned";
  EXPECT_TRUE(report->status.ok());
  EXPECT_EQ(book_.size(), 1u);
}

TEST_F(Termination, ADeadlineAlreadyPastNeverReachesTheHandler) {
  BackgroundCall late =
      BackgroundCall::Start(*stub_, Request("r-1"), milliseconds(-1000));
  std::optional<grpc::Status> status = late.status();
  ASSERT_TRUE(status);
  EXPECT_EQ(status->error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  // A second call on the same connection, after the first: once its
  // handler has returned, the first would have had its turn.
  step_.gate.Open();
  SignReply reply;
  auto context = workbook::testing::ContextWithDeadline();
  ASSERT_TRUE(stub_->Sign(context.get(), Request("r-2"), &reply).ok());
  EXPECT_EQ(step_.runs, 1) << "the late call's handler ran";
  EXPECT_EQ(book_.size(), 1u);
}

// A guest book that does everything right and fast: no slow step, and it
// signs only when its client has not cancelled.
class CarefulAndFast final : public GuestBook::Service {
 public:
  explicit CarefulAndFast(Book& book) : book_(book) {}
  grpc::Status Sign(grpc::ServerContext* context, const SignRequest* request,
                    SignReply* reply) override {
    if (grpc::Status invalid = ValidateSignRequest(*request); !invalid.ok()) {
      return invalid;
    }
    const bool gone = context->IsCancelled();
    if (!gone) SignInto(book_, *request, reply);
    signed_.Set(!gone);
    return gone ? grpc::Status::CANCELLED : grpc::Status::OK;
  }
  Signal<bool> signed_;  // Whether the handler signed.

 private:
  Book& book_;
};

// [begin strong-disagreement]
TEST(Disagreement, EvenACarefulServerIsToldItFailed) {
  Book book;
  CarefulAndFast service(book);
  TestServer server({&service});
  workbook::testing::PausableProxy network(server.address());
  auto stub = GuestBook::NewStub(grpc::CreateChannel(
      network.address(), grpc::InsecureChannelCredentials()));
  {  // Warm up: connect and finish the HTTP/2 handshake before holding.
    SignReply reply;
    auto context = workbook::testing::ContextWithDeadline();
    ASSERT_EQ(stub->Sign(context.get(), Request(""), &reply).error_code(),
              grpc::StatusCode::INVALID_ARGUMENT);
  }

  // The server's answer will be held on the way back, as a slow or broken
  // network would.
  network.HoldServerToClient();
  BackgroundCall call =
      BackgroundCall::Start(*stub, Request("r-1"), milliseconds(1000));
  std::optional<bool> committed = service.signed_.Get();
  ASSERT_TRUE(committed) << "the handler never ran";
  ASSERT_TRUE(*committed)
      << "precondition: the call should reach the server well within 1 s";

  std::optional<grpc::Status> status = call.status();
  ASSERT_TRUE(status);
  network.Release();
  EXPECT_TRUE(IsDeadlineOutcome(status->error_code()))
      << workbook::DescribeStatus(*status);
  EXPECT_EQ(book.size(), 1u)
      << "the server signed and answered OK; the client was told the call "
         "failed";
  server.Shutdown();
}
// [end strong-disagreement]

}  // namespace
}  // namespace workbook::deadlines
