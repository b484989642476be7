// Task 2: GreeterService and GreetingCall, called through the generated
// stub, with a receptionist that greets only when the test says so.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "common/testing/sync.h"
#include "common/testing/test_server.h"
#include "common/testing/threads.h"
#include "receptionist.h"
#include "server.h"
#include "tests/held_greeter.h"

namespace workbook::async {
namespace {

using testing::HoldingReceptionist;
using workbook::testing::ContextWithDeadline;
using workbook::testing::kEventTimeout;
using workbook::testing::Signal;
using workbook::testing::TestServer;
using workbook::testing::ThreadCount;
using workbook::testing::WaitUntil;

// A thread cap that a sync server could not hold 500 calls with (see the
// SyncServer suite); the callback server does not need the threads.
void CapThreads(grpc::ServerBuilder& builder) {
  grpc::ResourceQuota quota("eight threads");
  quota.SetMaxThreads(8);
  builder.SetResourceQuota(quota);
}

// One SayHello call in flight, made with the stub's callback API so that
// the test thread stays free.
struct PendingCall {
  std::unique_ptr<grpc::ClientContext> context;
  HelloRequest request;
  HelloReply reply;
  Signal<grpc::Status> status;
};

class Task2_CallbackServer : public ::testing::Test {
 protected:
  void TearDown() override { server_.Shutdown(); }

  // Starts SayHello for `name`; the call's deadline is `timeout` from now.
  std::unique_ptr<PendingCall> Call(
      const std::string& name,
      std::chrono::milliseconds timeout = workbook::testing::kRpcDeadline) {
    auto call = std::make_unique<PendingCall>();
    call->context = ContextWithDeadline(timeout);
    call->request.set_name(name);
    PendingCall* raw = call.get();
    stub_->async()->SayHello(raw->context.get(), &raw->request, &raw->reply,
                             [raw](grpc::Status s) { raw->status.Set(s); });
    return call;
  }

  HoldingReceptionist receptionist_;
  GreeterService service_{receptionist_};
  TestServer server_{{&service_}, CapThreads};
  std::unique_ptr<Greeter::Stub> stub_ = server_.NewStub<Greeter>();
};

TEST_F(Task2_CallbackServer, AnswersWhenTheReceptionistGreets) {
  auto call = Call("Ada");
  ASSERT_TRUE(receptionist_.WaitForWaiting(1))
      << "the call never reached the receptionist";
  EXPECT_FALSE(call->status.IsSet()) << "answered before the receptionist";
  EXPECT_EQ(service_.open_calls(), 1);
  EXPECT_EQ(receptionist_.GreetAll(), 1);
  const std::optional<grpc::Status> status = call->status.Get();
  ASSERT_TRUE(status.has_value());
  ASSERT_TRUE(status->ok()) << status->error_message();
  EXPECT_EQ(call->reply.message(), "Welcome, Ada.");
  EXPECT_TRUE(WaitUntil([&] { return service_.open_calls() == 0; }))
      << "OnDone() did not run";
}

// A greeting that is ready at once needs no GreetingCall: nothing is held
// and nothing waits for a receptionist's thread.
TEST_F(Task2_CallbackServer, AnswersAtOnceWhenTheReceptionistCan) {
  TimedReceptionist at_once(std::chrono::milliseconds(0));
  GreeterService service(at_once);
  TestServer server({&service});
  auto stub = server.NewStub<Greeter>();
  for (const std::string& name : {"Ada", "Bo"}) {
    auto context = ContextWithDeadline();
    HelloRequest request;
    request.set_name(name);
    HelloReply reply;
    const grpc::Status status = stub->SayHello(context.get(), request, &reply);
    ASSERT_TRUE(status.ok()) << status.error_message();
    EXPECT_EQ(reply.message(), "Hello, " + name + "!");
    EXPECT_EQ(service.open_calls(), 0) << "a GreetingCall for a ready answer";
  }
  server.Shutdown();
}

TEST_F(Task2_CallbackServer, RefusesAnInvalidNameAtOnce) {
  for (const std::string& name : {std::string(), std::string(101, 'x')}) {
    auto context = ContextWithDeadline();
    HelloRequest request;
    request.set_name(name);
    HelloReply reply;
    const grpc::Status status = stub_->SayHello(context.get(), request, &reply);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
        << name.size() << " bytes: " << status.error_message();
  }
  EXPECT_EQ(receptionist_.waiting(), 0);
}

// 500 calls held at once on a server capped at 8 threads; measured, the
// whole process gains only a few threads (see the README).
TEST_F(Task2_CallbackServer, HoldsHundredsOfCallsWithAFewThreads) {
  constexpr int kCalls = 500;
  const int before = ThreadCount();
  std::vector<std::unique_ptr<PendingCall>> calls;
  for (int i = 0; i < kCalls; ++i)
    calls.push_back(Call("caller " + std::to_string(i)));
  ASSERT_TRUE(receptionist_.WaitForWaiting(kCalls))
      << receptionist_.waiting() << " of " << kCalls << " calls held";
  const int added = ThreadCount() - before;
  std::cout << "[ measured ] " << kCalls << " held calls added " << added
            << " threads; the process has " << ThreadCount() << "\n";
  RecordProperty("threads_added_for_500_held_calls", added);
  EXPECT_LT(added, 32);
  EXPECT_EQ(service_.open_calls(), kCalls);
  EXPECT_EQ(receptionist_.GreetAll(), kCalls);
  for (auto& call : calls) {
    const std::optional<grpc::Status> status = call->status.Get();
    ASSERT_TRUE(status.has_value());
    EXPECT_TRUE(status->ok()) << status->error_message();
  }
  EXPECT_TRUE(WaitUntil([&] { return service_.open_calls() == 0; }));
}

TEST_F(Task2_CallbackServer, CancelledCallIsFinishedAndForgotten) {
  auto call = Call("Ada");
  ASSERT_TRUE(receptionist_.WaitForWaiting(1));
  call->context->TryCancel();
  EXPECT_EQ(call->status.Get()->error_code(), grpc::StatusCode::CANCELLED);
  EXPECT_TRUE(WaitUntil([&] { return receptionist_.left() == 1; }))
      << "OnCancel() did not tell the receptionist";
  EXPECT_EQ(receptionist_.waiting(), 0);
  EXPECT_TRUE(WaitUntil([&] { return service_.open_calls() == 0; }))
      << "the cancelled call was never finished (or OnDone() did not run)";
}

TEST_F(Task2_CallbackServer, DeadlineEndsAHeldCall) {
  auto call = Call("Ada", std::chrono::milliseconds(1000));
  ASSERT_TRUE(receptionist_.WaitForWaiting(1));
  const grpc::StatusCode code = call->status.Get()->error_code();
  EXPECT_TRUE(code == grpc::StatusCode::DEADLINE_EXCEEDED ||
              code == grpc::StatusCode::CANCELLED)
      << code;
  EXPECT_TRUE(WaitUntil([&] { return receptionist_.left() == 1; }));
  EXPECT_TRUE(WaitUntil([&] { return service_.open_calls() == 0; }));
}

// Server::Shutdown() cancels the held calls after its grace period; it
// returns only once every one of them is finished.
TEST_F(Task2_CallbackServer, ShutdownWithHeldCallsReturns) {
  constexpr int kCalls = 10;
  std::vector<std::unique_ptr<PendingCall>> calls;
  for (int i = 0; i < kCalls; ++i) calls.push_back(Call("Ada"));
  ASSERT_TRUE(receptionist_.WaitForWaiting(kCalls));
  auto shutdown =
      std::async(std::launch::async, [this] { server_.Shutdown(); });
  ASSERT_EQ(shutdown.wait_for(kEventTimeout), std::future_status::ready)
      << "Shutdown() hangs: a held call is never finished";
  for (auto& call : calls) {
    const grpc::StatusCode code = call->status.Get()->error_code();
    // CANCELLED from the server's cancellation; UNAVAILABLE when the
    // connection closes first.
    EXPECT_TRUE(code == grpc::StatusCode::CANCELLED ||
                code == grpc::StatusCode::UNAVAILABLE)
        << code;
  }
  EXPECT_EQ(service_.open_calls(), 0);
  EXPECT_EQ(receptionist_.left(), kCalls);
}

// The receptionist greets while the clients cancel: every call is finished
// exactly once, by whichever comes first (run it under TSan and ASan too).
TEST_F(Task2_CallbackServer, GreetingRacingACancellationFinishesOnce) {
  constexpr int kCalls = 100;
  std::vector<std::unique_ptr<PendingCall>> calls;
  for (int i = 0; i < kCalls; ++i) calls.push_back(Call("Ada"));
  ASSERT_TRUE(receptionist_.WaitForWaiting(kCalls));
  auto greeter = std::async(std::launch::async,
                            [this] { return receptionist_.GreetAll(); });
  for (auto& call : calls) call->context->TryCancel();
  greeter.get();
  for (auto& call : calls) {
    const grpc::StatusCode code = call->status.Get()->error_code();
    EXPECT_TRUE(code == grpc::StatusCode::OK ||
                code == grpc::StatusCode::CANCELLED)
        << code;
  }
  EXPECT_TRUE(WaitUntil([&] { return service_.open_calls() == 0; }));
}

}  // namespace
}  // namespace workbook::async
