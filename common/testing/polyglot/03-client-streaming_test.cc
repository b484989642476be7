// Lesson 03's SayHelloClientStream across languages: the Python and Go
// programs in 03-client-streaming/python and /go against the C++ server
// program, and the generated C++ stub against the Python and Go servers.
// Every name of the stream arrives, in order; a refusal mid-stream crosses
// the language boundary with its code and message.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "client_streaming.grpc.pb.h"
#include "common/plumbing/rpc_errors.h"
#include "common/testing/polyglot/polyglot.h"
#include "common/testing/test_server.h"

namespace workbook::testing::polyglot {
namespace {

// The tests sit beside the polyglot test support (RunningServer, RunClient,
// ContextWithDeadline, ...); the lesson's proto is workbook.client_streaming.
using workbook::client_streaming::Greeter;
using workbook::client_streaming::HelloReply;
using workbook::client_streaming::HelloRequest;

// Streams `names` to the server at `address` (one HelloRequest each, a name
// only), closes the stream and returns the status; the reply in `*reply`.
grpc::Status SayHelloClientStream(const std::string& address,
                                  const std::vector<std::string>& names,
                                  HelloReply* reply) {
  auto stub = Greeter::NewStub(ChannelTo(address));
  auto context = ContextWithDeadline();
  auto writer = stub->SayHelloClientStream(context.get(), reply);
  HelloRequest request;
  for (const std::string& name : names) {
    request.set_name(name);
    // False once the server has ended the call: Finish() says why.
    if (!writer->Write(request)) break;
  }
  writer->WritesDone();
  return writer->Finish();
}

TEST_P(CrossLanguage, ClientGreetsEveryoneThroughTheCppServer) {
  RunningServer server(CppServer());
  ASSERT_FALSE(server.address().empty()) << "the C++ server did not start";
  const ProcessResult client =
      RunClient(GetParam().client, server.address(),
                {"--name=Ada", "--name=Grace", "--name=Linus"});
  EXPECT_EQ(client.exit_code, 0) << client.err;
  EXPECT_EQ(Lines(client.out),
            std::vector<std::string>{
                "Greeter replied: Hello, Ada, Grace and Linus!"});
  EXPECT_EQ(server.Stop().exit_code, 0);
}

TEST_P(CrossLanguage, ClientSeesTheCppServersRefusalMidStream) {
  RunningServer server(CppServer());
  ASSERT_FALSE(server.address().empty()) << "the C++ server did not start";
  const ProcessResult client =
      RunClient(GetParam().client, server.address(),
                {"--name=Ada", "--name=", "--name=Linus"});
  EXPECT_EQ(client.exit_code, 1);
  EXPECT_EQ(client.out, "");
  EXPECT_EQ(Lines(client.err),
            std::vector<std::string>{
                FailureLine("SayHelloClientStream", server.address(),
                            "INVALID_ARGUMENT", "name #2 must not be empty")});
}

TEST_P(CrossLanguage, CppClientStreamsNamesToTheServer) {
  RunningServer server(GetParam().server);
  ASSERT_FALSE(server.address().empty()) << "the server did not start";
  HelloReply reply;
  grpc::Status status = SayHelloClientStream(
      server.address(), {"Ada", "Grace", "Zoë", "Linus"}, &reply);
  ASSERT_TRUE(status.ok()) << DescribeStatus(status);
  EXPECT_EQ(reply.message(), "Hello, Ada, Grace, Zoë and Linus!");

  status = SayHelloClientStream(server.address(), {}, &reply);
  ASSERT_TRUE(status.ok()) << DescribeStatus(status);
  EXPECT_EQ(reply.message(), "Hello, nobody!");
  EXPECT_EQ(server.Stop().exit_code, 0) << "the server exits 0 on SIGTERM";
}

TEST_P(CrossLanguage, CppClientSeesTheServersRefusalMidStream) {
  RunningServer server(GetParam().server);
  ASSERT_FALSE(server.address().empty()) << "the server did not start";
  HelloReply reply;
  const grpc::Status status =
      SayHelloClientStream(server.address(), {"Ada", " ", "Linus"}, &reply);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
      << DescribeStatus(status);
  EXPECT_EQ(status.error_message(), "name #2 must not be empty");
}

}  // namespace
}  // namespace workbook::testing::polyglot
