// Lesson 02's SayHelloServerStream across languages: the Python and Go
// programs in 02-server-streaming/python and /go against the C++ server
// program, and the generated C++ stub against the Python and Go servers.
// Every message of the stream arrives, in order; a refusal crosses the
// language boundary with its code and message. The foreign clients send what
// the original tutorial sends, a name only: that must get the default
// number of greetings, not an error.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "common/plumbing/rpc_errors.h"
#include "common/testing/polyglot/polyglot.h"
#include "common/testing/test_server.h"
#include "server_streaming.grpc.pb.h"

namespace workbook::testing::polyglot {
namespace {

// The tests sit beside the polyglot test support (RunningServer, RunClient,
// ContextWithDeadline, ...); the lesson's proto is workbook.server_streaming.
using workbook::server_streaming::Greeter;
using workbook::server_streaming::HelloReply;
using workbook::server_streaming::HelloRequest;

// What every server of this lesson streams to a request with only a name:
// one greeting per language, in this order.
const std::vector<std::string> kGreetingsForAda = {
    "Hello, Ada!", "Bonjour, Ada!", "Hola, Ada!", "Ciao, Ada!",
    "Hallo, Ada!", "Olá, Ada!",     "Hej, Ada!",  "Merhaba, Ada!"};

// Everything one call delivered: the messages, then the status.
struct Received {
  std::vector<std::string> greetings;
  grpc::Status status;
};

Received SayHelloServerStream(const std::string& address,
                              const HelloRequest& request) {
  auto stub = Greeter::NewStub(ChannelTo(address));
  auto context = ContextWithDeadline();
  auto reader = stub->SayHelloServerStream(context.get(), request);
  Received received;
  HelloReply reply;
  while (reader->Read(&reply)) received.greetings.push_back(reply.message());
  received.status = reader->Finish();
  return received;
}

HelloRequest Request(const std::string& name, uint32_t count = 0) {
  HelloRequest request;
  request.set_name(name);
  if (count != 0) request.set_count(count);
  return request;
}

TEST_P(CrossLanguage, ClientGetsEveryGreetingFromTheCppServerInOrder) {
  RunningServer server(CppServer());
  ASSERT_FALSE(server.address().empty()) << "the C++ server did not start";
  const ProcessResult client =
      RunClient(GetParam().client, server.address(), {"--name=Ada"});
  EXPECT_EQ(client.exit_code, 0) << client.err;
  std::vector<std::string> expected;
  for (const std::string& greeting : kGreetingsForAda) {
    expected.push_back("Greeter replied: " + greeting);
  }
  EXPECT_EQ(Lines(client.out), expected);
  EXPECT_EQ(server.Stop().exit_code, 0);
}

TEST_P(CrossLanguage, ClientSeesTheCppServersRefusal) {
  RunningServer server(CppServer());
  ASSERT_FALSE(server.address().empty()) << "the C++ server did not start";
  const ProcessResult client =
      RunClient(GetParam().client, server.address(), {"--name="});
  EXPECT_EQ(client.exit_code, 1);
  EXPECT_EQ(client.out, "") << "a refused request gets no message";
  EXPECT_EQ(Lines(client.err),
            std::vector<std::string>{
                FailureLine("SayHelloServerStream", server.address(),
                            "INVALID_ARGUMENT", "name must not be empty")});
}

TEST_P(CrossLanguage, CppClientReadsEveryGreetingInOrder) {
  RunningServer server(GetParam().server);
  ASSERT_FALSE(server.address().empty()) << "the server did not start";

  const Received name_only =
      SayHelloServerStream(server.address(), Request("Ada"));
  ASSERT_TRUE(name_only.status.ok()) << DescribeStatus(name_only.status);
  EXPECT_EQ(name_only.greetings, kGreetingsForAda);

  // Past the eighth language the greetings come round again.
  const Received twelve =
      SayHelloServerStream(server.address(), Request("Ada", 12));
  ASSERT_TRUE(twelve.status.ok()) << DescribeStatus(twelve.status);
  std::vector<std::string> expected = kGreetingsForAda;
  expected.insert(expected.end(), kGreetingsForAda.begin(),
                  kGreetingsForAda.begin() + 4);
  EXPECT_EQ(twelve.greetings, expected);
  EXPECT_EQ(server.Stop().exit_code, 0) << "the server exits 0 on SIGTERM";
}

TEST_P(CrossLanguage, CppClientSeesTheServersRefusals) {
  RunningServer server(GetParam().server);
  ASSERT_FALSE(server.address().empty()) << "the server did not start";

  const Received no_name = SayHelloServerStream(server.address(), Request(""));
  EXPECT_EQ(no_name.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
      << DescribeStatus(no_name.status);
  EXPECT_EQ(no_name.status.error_message(), "name must not be empty");
  EXPECT_TRUE(no_name.greetings.empty());

  const Received too_many =
      SayHelloServerStream(server.address(), Request("Ada", 1001));
  EXPECT_EQ(too_many.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
      << DescribeStatus(too_many.status);
  EXPECT_EQ(too_many.status.error_message(),
            "count is 1001: set HelloRequest.count to how many greetings you "
            "want, 1 to 1000 (unset: 8)")
      << "the same words as the C++ server's";
  EXPECT_TRUE(too_many.greetings.empty());
}

}  // namespace
}  // namespace workbook::testing::polyglot
