// Task 1: the server writes the SayHelloServerStream stream. Tested through
// the generated stub, the way any client (in any language) would call it.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "common/plumbing/rpc_errors.h"
#include "common/testing/test_server.h"
#include "server.h"

namespace workbook::server_streaming {
namespace {

using workbook::testing::ContextWithDeadline;

// Everything one call delivered: the messages, then the status.
struct Received {
  std::vector<std::string> greetings;
  grpc::Status status;
};

// The greeting the server must send at position `i` (from 0).
std::string ExpectedGreeting(uint32_t i, const std::string& name) {
  return std::string(kGreetings[i % kGreetings.size()]) + ", " + name + "!";
}

class Task1_ServerStreamsGreetings
    : public workbook::testing::ServiceTest<GreeterService> {
 protected:
  Received SayHelloServerStream(const std::string& name, uint32_t count) {
    HelloRequest request;
    request.set_name(name);
    request.set_count(count);
    return SayHelloServerStream(request);
  }

  Received SayHelloServerStream(const HelloRequest& request) {
    auto context = ContextWithDeadline();
    auto reader = stub_->SayHelloServerStream(context.get(), request);
    Received received;
    HelloReply reply;
    while (reader->Read(&reply)) received.greetings.push_back(reply.message());
    received.status = reader->Finish();
    return received;
  }

  std::unique_ptr<Greeter::Stub> stub_ = Greeter::NewStub(server_.NewChannel());
};

TEST_F(Task1_ServerStreamsGreetings, SendsOneGreetingForACountOfOne) {
  const Received received = SayHelloServerStream("Ada", 1);
  ASSERT_TRUE(received.status.ok()) << DescribeStatus(received.status);
  EXPECT_EQ(received.greetings, std::vector<std::string>{"Hello, Ada!"});
}

TEST_F(Task1_ServerStreamsGreetings, GreetsInEachLanguageInOrder) {
  const Received received = SayHelloServerStream("Ada", kGreetings.size());
  ASSERT_TRUE(received.status.ok()) << DescribeStatus(received.status);
  const std::vector<std::string> expected = {
      "Hello, Ada!", "Bonjour, Ada!", "Hola, Ada!", "Ciao, Ada!",
      "Hallo, Ada!", "Olá, Ada!",     "Hej, Ada!",  "Merhaba, Ada!"};
  EXPECT_EQ(received.greetings, expected);
}

TEST_F(Task1_ServerStreamsGreetings,
       ANameOnlyRequestGetsOneGreetingPerLanguage) {
  // The request as the original tutorial builds it: HelloRequest(name=...),
  // count not set (it reads as 0). It gets kDefaultGreetings, not an error.
  HelloRequest request;
  request.set_name("Ada");
  const Received received = SayHelloServerStream(request);
  ASSERT_TRUE(received.status.ok()) << DescribeStatus(received.status);
  const std::vector<std::string> expected = {
      "Hello, Ada!", "Bonjour, Ada!", "Hola, Ada!", "Ciao, Ada!",
      "Hallo, Ada!", "Olá, Ada!",     "Hej, Ada!",  "Merhaba, Ada!"};
  EXPECT_EQ(received.greetings, expected);
}

TEST_F(Task1_ServerStreamsGreetings, SendsTheMostAllowedAllInOrder) {
  const Received received = SayHelloServerStream("Grace", kMaxGreetings);
  ASSERT_TRUE(received.status.ok()) << DescribeStatus(received.status);
  ASSERT_EQ(received.greetings.size(), kMaxGreetings)
      << "every greeting is its own message";
  for (uint32_t i = 0; i < kMaxGreetings; ++i) {
    ASSERT_EQ(received.greetings[i], ExpectedGreeting(i, "Grace"))
        << "greeting " << i;
  }
}

TEST_F(Task1_ServerStreamsGreetings, KeepsNonAsciiNamesIntact) {
  const Received received = SayHelloServerStream("Zoë 世界", 2);
  ASSERT_TRUE(received.status.ok()) << DescribeStatus(received.status);
  EXPECT_EQ(received.greetings, (std::vector<std::string>{
                                    "Hello, Zoë 世界!", "Bonjour, Zoë 世界!"}));
}

// Not a task: the checks of requests.h, which the exercise already calls.
// A refused request ends the stream before any message.
class Limits : public Task1_ServerStreamsGreetings {};

TEST_F(Limits, ACountOverTheLimitIsInvalidAndNamesTheLimit) {
  const Received received = SayHelloServerStream("Ada", kMaxGreetings + 1);
  EXPECT_EQ(received.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
      << DescribeStatus(received.status);
  EXPECT_NE(received.status.error_message().find(std::to_string(kMaxGreetings)),
            std::string::npos)
      << received.status.error_message();
  EXPECT_TRUE(received.greetings.empty());
}

TEST_F(Limits, AnEmptyNameIsInvalid) {
  const Received received = SayHelloServerStream("", 3);
  EXPECT_EQ(received.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
      << DescribeStatus(received.status);
  EXPECT_TRUE(received.greetings.empty());
}

TEST_F(Limits, AnOversizedRequestIsResourceExhausted) {
  const Received received = SayHelloServerStream(
      std::string(workbook::kMaxReceiveMessageBytes + 1, 'n'), 1);
  EXPECT_EQ(received.status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED)
      << DescribeStatus(received.status);
}

}  // namespace
}  // namespace workbook::server_streaming
