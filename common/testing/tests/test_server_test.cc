// Tests of the service fixture: constructor arguments, stubs, and a shutdown
// that opens every gate first.
#include "common/testing/test_server.h"

#include <gtest/gtest.h>

#include "common/testing/sync.h"
#include "common/testing/tests/echo_call.h"
#include "common/testing/tests/probe_service.h"

namespace workbook::testing {
namespace {

using probe::EchoCall;
using probe::EchoMessage;
using probe::Parking;
using probe::Probe;
using probe::ProbeService;

class PrefixingService : public ServiceTest<ProbeService> {
 protected:
  PrefixingService() : ServiceTest(Parking::kNone, "echo: ") {}
};

TEST_F(PrefixingService, PassesConstructorArgumentsToTheService) {
  std::unique_ptr<Probe::Stub> stub = NewStub<Probe>();
  auto context = ContextWithDeadline();
  EchoMessage reply;
  const grpc::Status status =
      stub->Echo(context.get(), probe::Text("Ada"), &reply);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(reply.text(), "echo: Ada");
}

TEST(TestServer, MakesStubsOfAGeneratedService) {
  ProbeService service;
  TestServer server({&service});
  std::unique_ptr<Probe::Stub> stub = server.NewStub<Probe>();
  auto context = ContextWithDeadline();
  EchoMessage reply;
  const grpc::Status status =
      stub->Echo(context.get(), probe::Text("Ada"), &reply);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(reply.text(), "Ada");
}

// A handler parked on a gate the test never opens: without Shutdown()
// opening it, the handler would wait kEventTimeout and report false.
class ForgottenGate : public ServiceTest<ProbeService> {
 protected:
  ForgottenGate() : ServiceTest(Parking::kGate) {}
};

TEST_F(ForgottenGate, ShutdownOpensItAndTheCallEnds) {
  Gate unrelated;
  std::unique_ptr<Probe::Stub> stub = NewStub<Probe>();
  EchoCall call(*stub, "Ada");
  ASSERT_TRUE(service_.gate.WaitForWaiters(1));
  server_.Shutdown();
  EXPECT_EQ(service_.gate_passed.Get(), true);
  EXPECT_TRUE(unrelated.is_open());
  const std::optional<grpc::Status> status = call.status();
  ASSERT_TRUE(status.has_value()) << "the call never finished";
  EXPECT_TRUE(status->ok()) << status->error_message();
}

}  // namespace
}  // namespace workbook::testing
