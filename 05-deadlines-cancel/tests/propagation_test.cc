// Lesson checks (they pass on the stubs): what a server sees of its
// caller's deadline, and what a server that calls another server passes on
// when it uses a plain ClientContext: nothing.
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
using workbook::testing::Signal;
using workbook::testing::TestServer;
using workbook::testing::WaitUntil;

constexpr milliseconds kSlack{500};

class Propagation : public ::testing::Test {
 protected:
  void TearDown() override { backend_server_.Shutdown(); }

  RecordingBackend backend_;
  TestServer backend_server_{{&backend_}};
  std::unique_ptr<GuestBook::Stub> backend_stub_ =
      backend_server_.NewStub<GuestBook>();
};

TEST_F(Propagation, TheServerSeesTheClientsDeadlineOnItsOwnClock) {
  const system_clock::time_point deadline =
      system_clock::now() + milliseconds(2000);
  BackgroundCall call =
      BackgroundCall::Start(*backend_stub_, Request("r-1"), milliseconds(2000));
  std::optional<system_clock::time_point> seen = backend_.deadline.Get();
  ASSERT_TRUE(seen);
  // The wire carries a timeout ("2 s from now"), not a time: the server
  // adds it to its own clock when the call arrives.
  EXPECT_GT(*seen, deadline - kSlack);
  EXPECT_LT(*seen, deadline + kSlack);
}

TEST_F(Propagation, WithoutADeadlineTheServerSeesTheEndOfTime) {
  // No deadline, on purpose; the test opens the gate, so the call ends.
  BackgroundCall call =
      BackgroundCall::Start(*backend_stub_, Request("r-1"), std::nullopt);
  std::optional<system_clock::time_point> seen = backend_.deadline.Get();
  ASSERT_TRUE(seen);
  EXPECT_EQ(*seen, system_clock::time_point::max());
  backend_.gate.Open();
  std::optional<grpc::Status> status = call.status();
  ASSERT_TRUE(status);
  EXPECT_TRUE(status->ok()) << workbook::DescribeStatus(*status);
}

// [begin plain-relay]
// A front desk written the obvious way: a fresh ClientContext for the
// backend call. It knows nothing of the call it serves.
class PlainRelay final : public Frontdesk::Service {
 public:
  explicit PlainRelay(const std::shared_ptr<grpc::Channel>& backend)
      : backend_(GuestBook::NewStub(backend)) {}
  grpc::Status SignIn(grpc::ServerContext* context, const SignRequest* request,
                      SignReply* reply) override {
    call.Set(context);
    grpc::ClientContext backend_call;
    return backend_->Sign(&backend_call, *request, reply);
  }
  Signal<const grpc::ServerContextBase*> call;  // The relay's own call.

 private:
  std::unique_ptr<GuestBook::Stub> backend_;
};
// [end plain-relay]

TEST_F(Propagation, APlainClientContextCarriesNeitherDeadlineNorCancel) {
  PlainRelay relay(backend_server_.NewChannel());
  TestServer front({&relay});
  auto stub = front.NewStub<Frontdesk>();
  BackgroundCall call =
      BackgroundCall::Start(*stub, Request("r-1"), milliseconds(2000));
  std::optional<system_clock::time_point> seen = backend_.deadline.Get();
  std::optional<const grpc::ServerContextBase*> backend_call =
      backend_.call.Get();
  std::optional<const grpc::ServerContextBase*> relay_call = relay.call.Get();
  ASSERT_TRUE(seen && backend_call && relay_call);
  EXPECT_EQ(*seen, system_clock::time_point::max())
      << "the caller's 2 s deadline did not travel on";

  call.Cancel();
  ASSERT_TRUE(WaitUntil([&] { return (*relay_call)->IsCancelled(); }));
  // The relay's call is cancelled; the backend's is not, and nothing will
  // cancel it: it has no deadline either. (Only the gate, opened when the
  // test shuts the servers down, ends it.)
  EXPECT_FALSE((*backend_call)->IsCancelled());
  front.Shutdown();
}

}  // namespace
}  // namespace workbook::deadlines
