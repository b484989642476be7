// Task 1: the server side of SayHelloBiStream, tested through the generated
// stub as any client would call it.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "common/plumbing/rpc_errors.h"
#include "common/testing/test_server.h"
#include "server.h"

namespace workbook::bidi {
namespace {

using workbook::testing::ContextWithDeadline;

class Task1_GreeterBiStream
    : public workbook::testing::ServiceTest<GreeterService> {
 protected:
  HelloRequest Name(const std::string& name) {
    HelloRequest request;
    request.set_name(name);
    return request;
  }

  std::unique_ptr<Greeter::Stub> stub_ = NewStub<Greeter>();
};

// The heart of bidirectional streaming: the reply to the first name arrives
// while the client has not even sent the second. A server that read every
// name before answering would leave this client waiting (until the deadline).
TEST_F(Task1_GreeterBiStream, RepliesToEachNameBeforeTheNextIsSent) {
  auto context = ContextWithDeadline();
  auto stream = stub_->SayHelloBiStream(context.get());
  for (const std::string name : {"Ada", "Grace", "Linus"}) {
    ASSERT_TRUE(stream->Write(Name(name)))
        << "the call ended early: " << DescribeStatus(stream->Finish());
    HelloReply reply;
    ASSERT_TRUE(stream->Read(&reply))
        << "no reply to " << name << " while the stream was still open: "
        << "reply to each name as soon as it is read";
    EXPECT_EQ(reply.message(), "Hello, " + name + "!");
  }
  ASSERT_TRUE(stream->WritesDone());
  HelloReply extra;
  EXPECT_FALSE(stream->Read(&extra)) << "an extra reply: " << extra.message();
  const grpc::Status status = stream->Finish();
  EXPECT_TRUE(status.ok()) << DescribeStatus(status);
}

TEST_F(Task1_GreeterBiStream, GreetsEveryNameInOrder) {
  auto context = ContextWithDeadline();
  auto stream = stub_->SayHelloBiStream(context.get());
  constexpr int kNames = 100;
  for (int i = 0; i < kNames; ++i)
    ASSERT_TRUE(stream->Write(Name("guest " + std::to_string(i))));
  ASSERT_TRUE(stream->WritesDone());
  std::vector<std::string> greetings;
  HelloReply reply;
  while (stream->Read(&reply)) greetings.push_back(reply.message());
  const grpc::Status status = stream->Finish();
  EXPECT_TRUE(status.ok()) << DescribeStatus(status);
  ASSERT_EQ(greetings.size(), static_cast<size_t>(kNames));
  for (int i = 0; i < kNames; ++i) {
    EXPECT_EQ(greetings[i], "Hello, guest " + std::to_string(i) + "!");
  }
}

TEST_F(Task1_GreeterBiStream, EndsWithOkWhenTheClientSendsNothing) {
  auto context = ContextWithDeadline();
  auto stream = stub_->SayHelloBiStream(context.get());
  ASSERT_TRUE(stream->WritesDone());
  HelloReply reply;
  EXPECT_FALSE(stream->Read(&reply))
      << "a reply to nobody: " << reply.message();
  const grpc::Status status = stream->Finish();
  EXPECT_TRUE(status.ok()) << DescribeStatus(status);
}

TEST_F(Task1_GreeterBiStream, StopsAtAnInvalidNameWithInvalidArgument) {
  auto context = ContextWithDeadline();
  auto stream = stub_->SayHelloBiStream(context.get());
  ASSERT_TRUE(stream->Write(Name("Ada")));
  HelloReply reply;
  ASSERT_TRUE(stream->Read(&reply)) << "no reply to a valid name";
  EXPECT_EQ(reply.message(), "Hello, Ada!");
  stream->Write(
      Name(""));  // May fail if the server has already ended the call.
  EXPECT_FALSE(stream->Read(&reply))
      << "a reply to an empty name: " << reply.message();
  const grpc::Status status = stream->Finish();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
      << DescribeStatus(status);
  EXPECT_NE(status.error_message().find("empty"), std::string::npos)
      << status.error_message();
}

// Every call has its own handler thread; streams do not share anything.
TEST_F(Task1_GreeterBiStream, ServesSeveralStreamsAtOnce) {
  constexpr int kClients = 4;
  constexpr int kNames = 25;
  std::vector<std::thread> clients;
  std::vector<int> greeted(kClients, 0);
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      auto context = ContextWithDeadline();
      auto stream = stub_->SayHelloBiStream(context.get());
      for (int i = 0; i < kNames; ++i) {
        const std::string name = std::to_string(c) + "/" + std::to_string(i);
        HelloReply reply;
        if (!stream->Write(Name(name)) || !stream->Read(&reply)) break;
        if (reply.message() == "Hello, " + name + "!") ++greeted[c];
      }
      stream->WritesDone();
      stream->Finish();
    });
  }
  for (std::thread& client : clients) client.join();
  for (int c = 0; c < kClients; ++c)
    EXPECT_EQ(greeted[c], kNames) << "client " << c;
}

}  // namespace
}  // namespace workbook::bidi
