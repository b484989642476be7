// Lesson 04's SayHelloBiStream across languages: the Python and Go programs
// in 04-bidi/python and /go against the C++ server program, and the
// generated C++ stub against the Python and Go servers. Every reply arrives,
// in order, each while the client is still sending; a refusal crosses the
// language boundary with its code and message.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "bidi.grpc.pb.h"
#include "common/plumbing/rpc_errors.h"
#include "common/testing/polyglot/polyglot.h"
#include "common/testing/test_server.h"

namespace workbook::testing::polyglot {
namespace {

// The tests sit beside the polyglot test support (RunningServer, RunClient,
// ContextWithDeadline, ...); the lesson's proto is workbook.bidi.
using workbook::bidi::Greeter;
using workbook::bidi::HelloReply;
using workbook::bidi::HelloRequest;

HelloRequest Request(const std::string& name) {
  HelloRequest request;
  request.set_name(name);
  return request;
}

// One SayHelloBiStream call to the server at `address`, with the stub and
// the context it needs alive while it runs.
struct BiStreamCall {
  explicit BiStreamCall(const std::string& address)
      : stub(Greeter::NewStub(ChannelTo(address))),
        context(ContextWithDeadline()),
        stream(stub->SayHelloBiStream(context.get())) {}

  std::unique_ptr<Greeter::Stub> stub;
  std::unique_ptr<grpc::ClientContext> context;
  std::unique_ptr<grpc::ClientReaderWriter<HelloRequest, HelloReply>> stream;
};

TEST_P(CrossLanguage, ClientGetsAReplyPerNameFromTheCppServer) {
  RunningServer server(CppServer());
  ASSERT_FALSE(server.address().empty()) << "the C++ server did not start";
  const ProcessResult client =
      RunClient(GetParam().client, server.address(),
                {"--name=Ada", "--name=Grace", "--name=Linus"});
  EXPECT_EQ(client.exit_code, 0) << client.err;
  EXPECT_EQ(Lines(client.out),
            (std::vector<std::string>{"Greeter replied: Hello, Ada!",
                                      "Greeter replied: Hello, Grace!",
                                      "Greeter replied: Hello, Linus!"}));
  EXPECT_EQ(server.Stop().exit_code, 0);
}

TEST_P(CrossLanguage, ClientSeesTheCppServersRefusalAfterTheReplyBefore) {
  RunningServer server(CppServer());
  ASSERT_FALSE(server.address().empty()) << "the C++ server did not start";
  const ProcessResult client =
      RunClient(GetParam().client, server.address(), {"--name=Ada", "--name="});
  EXPECT_EQ(client.exit_code, 1);
  EXPECT_EQ(Lines(client.out),
            std::vector<std::string>{"Greeter replied: Hello, Ada!"})
      << "the reply sent before the refusal is real";
  EXPECT_EQ(Lines(client.err),
            std::vector<std::string>{
                FailureLine("SayHelloBiStream", server.address(),
                            "INVALID_ARGUMENT", "name must not be empty")});
}

TEST_P(CrossLanguage, CppClientIsAnsweredWhileItIsStillSending) {
  RunningServer server(GetParam().server);
  ASSERT_FALSE(server.address().empty()) << "the server did not start";
  {
    BiStreamCall call(server.address());
    auto& stream = call.stream;
    HelloReply reply;
    // Each reply is read before the next name is written: the server
    // answers a name at once, not at the end of the client's stream.
    for (const std::string name : {"Ada", "Grace", "Zoë"}) {
      ASSERT_TRUE(stream->Write(Request(name))) << name;
      ASSERT_TRUE(stream->Read(&reply)) << "no reply to " << name;
      EXPECT_EQ(reply.message(), "Hello, " + name + "!");
    }
    ASSERT_TRUE(stream->WritesDone());
    EXPECT_FALSE(stream->Read(&reply)) << "an extra reply: " << reply.message();
    const grpc::Status status = stream->Finish();
    EXPECT_TRUE(status.ok()) << DescribeStatus(status);
  }  // The channel closes its connection: the server has nothing to wait for.
  EXPECT_EQ(server.Stop().exit_code, 0) << "the server exits 0 on SIGTERM";
}

TEST_P(CrossLanguage, CppClientSeesTheServersRefusal) {
  RunningServer server(GetParam().server);
  ASSERT_FALSE(server.address().empty()) << "the server did not start";
  BiStreamCall call(server.address());
  auto& stream = call.stream;
  HelloReply reply;
  ASSERT_TRUE(stream->Write(Request("Ada")));
  ASSERT_TRUE(stream->Read(&reply));
  EXPECT_EQ(reply.message(), "Hello, Ada!");
  stream->Write(Request(""));  // may already fail if the server was quick
  EXPECT_FALSE(stream->Read(&reply)) << "a reply to an empty name";
  const grpc::Status status = stream->Finish();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
      << DescribeStatus(status);
  EXPECT_EQ(status.error_message(), "name must not be empty");
}

}  // namespace
}  // namespace workbook::testing::polyglot
