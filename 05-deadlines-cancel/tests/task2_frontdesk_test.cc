// Task 2: the front desk passes its caller's deadline and cancellation on to
// the backend, applies its own cap, and hands the backend's errors back. The
// backend is a fake that records what each call arrived with.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <optional>

#include "calls.h"
#include "common/plumbing/rpc_errors.h"
#include "common/testing/sync.h"
#include "common/testing/test_server.h"
#include "recording_backend.h"
#include "server.h"

namespace workbook::deadlines {
namespace {

using std::chrono::milliseconds;
using std::chrono::system_clock;
using workbook::testing::TestServer;
using workbook::testing::WaitUntil;

// The grpc-timeout header rounds the deadline up (to 10 ms above 1 s), and
// the backend counts from when the call reached it: the deadline it sees is
// a little later than the caller's. A backend that saw no deadline sees
// time_point::max(), centuries away.
constexpr milliseconds kSlack{500};

// A cap that never matters unless a test says so.
constexpr std::chrono::seconds kLongCap{60};

class Task2_FrontdeskPropagates : public ::testing::Test {
 protected:
  void TearDown() override {
    front_.Shutdown();
    backend_server_.Shutdown();
  }

  RecordingBackend backend_;
  TestServer backend_server_{{&backend_}};
  FrontdeskService frontdesk_{backend_server_.NewChannel(), kLongCap};
  TestServer front_{{&frontdesk_}};
  std::unique_ptr<Frontdesk::Stub> stub_ = front_.NewStub<Frontdesk>();
};

TEST_F(Task2_FrontdeskPropagates, ForwardsTheRequestAndReturnsTheReply) {
  backend_.gate.Open();
  SignReply reply;
  auto context = workbook::testing::ContextWithDeadline();
  const grpc::Status status =
      stub_->SignIn(context.get(), Request("r-1"), &reply);
  ASSERT_TRUE(status.ok()) << workbook::DescribeStatus(status);
  EXPECT_EQ(reply.greeting(), "Signed by the backend: r-1");
  EXPECT_EQ(reply.guest_number(), 7u);
}

TEST_F(Task2_FrontdeskPropagates, BackendSeesTheCallersDeadline) {
  const system_clock::time_point callers_deadline =
      system_clock::now() + milliseconds(2000);
  BackgroundCall call =
      BackgroundCall::Start(*stub_, Request("r-1"), milliseconds(2000));
  std::optional<system_clock::time_point> seen = backend_.deadline.Get();
  ASSERT_TRUE(seen) << "the backend was never called";
  EXPECT_NE(*seen, system_clock::time_point::max())
      << "the backend call carries no deadline at all";
  EXPECT_LT(*seen, callers_deadline + kSlack)
      << "the backend may work on after its caller gave up";
  EXPECT_GT(*seen, callers_deadline - kSlack);
  backend_.gate.Open();
  std::optional<grpc::Status> status = call.status();
  ASSERT_TRUE(status);
  EXPECT_TRUE(status->ok()) << workbook::DescribeStatus(*status);
}

TEST_F(Task2_FrontdeskPropagates, ItsOwnCapWinsWhenItComesFirst) {
  constexpr milliseconds kCap{1000};
  FrontdeskService capped(backend_server_.NewChannel(), kCap);
  TestServer front({&capped});
  auto stub = front.NewStub<Frontdesk>();
  const system_clock::time_point start = system_clock::now();
  BackgroundCall call =
      BackgroundCall::Start(*stub, Request("r-1"), milliseconds(30000));
  std::optional<system_clock::time_point> seen = backend_.deadline.Get();
  ASSERT_TRUE(seen) << "the backend was never called";
  EXPECT_LT(*seen, start + kCap + kSlack)
      << "the caller gave 30 s, the front desk's cap is 1 s: the earlier "
         "deadline applies";
  // The backend holds the call past the cap: the caller hears about it.
  std::optional<grpc::Status> status = call.status();
  ASSERT_TRUE(status);
  EXPECT_TRUE(IsDeadlineOutcome(status->error_code()))
      << workbook::DescribeStatus(*status);
  front.Shutdown();
}

TEST_F(Task2_FrontdeskPropagates, CallersCancelReachesTheBackend) {
  // 30 s: nothing but the caller's cancel can end the backend call within
  // the test's wait.
  BackgroundCall call =
      BackgroundCall::Start(*stub_, Request("r-1"), milliseconds(30000));
  std::optional<const grpc::ServerContextBase*> backend_call =
      backend_.call.Get();
  ASSERT_TRUE(backend_call) << "the backend was never called";
  call.Cancel();
  std::optional<grpc::Status> status = call.status();
  ASSERT_TRUE(status);
  EXPECT_EQ(status->error_code(), grpc::StatusCode::CANCELLED);
  EXPECT_TRUE(WaitUntil([&] { return (*backend_call)->IsCancelled(); }))
      << "the caller cancelled, but the backend call goes on";
}

TEST_F(Task2_FrontdeskPropagates, BackendErrorsPassThrough) {
  SignReply reply;
  auto context = workbook::testing::ContextWithDeadline();
  const grpc::Status status =
      stub_->SignIn(context.get(), Request("r-1", kRefusedName), &reply);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
      << workbook::DescribeStatus(status);
  EXPECT_EQ(status.error_message(), kRefusal);
}

}  // namespace
}  // namespace workbook::deadlines
