// Tests of PausableProxy with real gRPC calls through it, including the case
// it exists for: the server answers OK, the answer is held, and the client's
// deadline passes - both sides are right about what they saw.
#include "common/testing/pausable_proxy.h"

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>

#include "common/testing/sync.h"
#include "common/testing/test_server.h"
#include "common/testing/tests/echo_call.h"
#include "testing/tests/probe.grpc.pb.h"

namespace workbook::testing {
namespace {

using probe::EchoCall;
using probe::EchoMessage;
using probe::Probe;
using std::chrono::milliseconds;

// Answers every call at once, and tells the test when it has answered the
// call whose text is "held".
class AnsweringProbe final : public Probe::Service {
 public:
  grpc::Status Echo(grpc::ServerContext*, const EchoMessage* request,
                    EchoMessage* reply) override {
    reply->set_text(request->text());
    if (request->text() == "held") {
      held_call_answered.Set(grpc::StatusCode::OK);
    }
    return grpc::Status::OK;
  }

  Signal<grpc::StatusCode> held_call_answered;  ///< What Echo("held") returned.
};

class ThroughTheProxy : public ServiceTest<AnsweringProbe> {
 protected:
  grpc::Status Echo(const std::string& text, EchoMessage* reply) {
    auto context = ContextWithDeadline();
    return stub_->Echo(context.get(), probe::Text(text), reply);
  }

  // A call through the proxy, so the connection and the HTTP/2 handshake
  // are done before a test holds anything.
  void WarmUp() {
    EchoMessage reply;
    const grpc::Status status = Echo("warm-up", &reply);
    ASSERT_TRUE(status.ok()) << status.error_message();
  }

  PausableProxy proxy_{server_.address()};
  std::unique_ptr<Probe::Stub> stub_ = Probe::NewStub(grpc::CreateChannel(
      proxy_.address(), grpc::InsecureChannelCredentials()));
};

TEST_F(ThroughTheProxy, RelaysACall) {
  EchoMessage reply;
  const grpc::Status status = Echo("Ada", &reply);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(reply.text(), "Ada");
  EXPECT_NE(proxy_.address(), server_.address());
}

TEST_F(ThroughTheProxy, HeldAnswerMissesTheDeadlineOfAServerThatSucceeded) {
  ASSERT_NO_FATAL_FAILURE(WarmUp());
  proxy_.HoldServerToClient();
  EchoCall call(*stub_, "held", milliseconds(300));

  EXPECT_EQ(service_.held_call_answered.Get(), grpc::StatusCode::OK)
      << "the request never reached the server";
  const std::optional<grpc::Status> status = call.status();
  ASSERT_TRUE(status.has_value()) << "the client's deadline did not end it";
  // The client may learn of the deadline from its own timer or from the
  // server's RST_STREAM, which cannot say "deadline" (gRPC #2685).
  EXPECT_TRUE(status->error_code() == grpc::StatusCode::DEADLINE_EXCEEDED ||
              status->error_code() == grpc::StatusCode::CANCELLED)
      << status->error_code() << " " << status->error_message();

  proxy_.Release();
  EchoMessage reply;
  const grpc::Status after = Echo("after", &reply);
  ASSERT_TRUE(after.ok()) << after.error_message();
  EXPECT_EQ(reply.text(), "after");
}

TEST_F(ThroughTheProxy, ReleaseDeliversWhatWasHeld) {
  ASSERT_NO_FATAL_FAILURE(WarmUp());
  proxy_.HoldServerToClient();
  EchoCall call(*stub_, "held");
  ASSERT_EQ(service_.held_call_answered.Get(), grpc::StatusCode::OK);
  // The answer has left the server, and the proxy holds it: the call cannot
  // have ended yet (status() with no wait).
  EXPECT_EQ(call.status(milliseconds(0)), std::nullopt);

  proxy_.Release();
  const std::optional<grpc::Status> status = call.status();
  ASSERT_TRUE(status.has_value()) << "the held answer was not delivered";
  EXPECT_TRUE(status->ok()) << status->error_message();
  EXPECT_EQ(call.reply().text(), "held");
}

TEST(PausableProxy, RefusesAnAddressItCannotParse) {
  EXPECT_THROW(PausableProxy("localhost:50051"), std::runtime_error);
}

}  // namespace
}  // namespace workbook::testing
