// Lesson 01's SayHello across languages: the Python and Go programs in
// 01-unary/python and 01-unary/go against the C++ server program, and the
// generated C++ stub against the Python and Go servers. One greeter.proto,
// three languages; a status and its message cross the boundary unchanged.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/plumbing/rpc_errors.h"
#include "common/testing/polyglot/polyglot.h"
#include "common/testing/test_server.h"
#include "greeter.grpc.pb.h"

namespace workbook::testing::polyglot {
namespace {

using ::testing::HasSubstr;
// The tests sit beside the polyglot test support (RunningServer, RunClient,
// ContextWithDeadline, ...); the lesson's proto is workbook.unary.
using workbook::unary::Greeter;
using workbook::unary::HelloReply;
using workbook::unary::HelloRequest;

// What every server of this lesson answers to an empty name, in any language.
constexpr char kEmptyName[] =
    "name must not be empty: set HelloRequest.name to who to greet";

TEST_P(CrossLanguage, ClientGreetsTheCppServer) {
  RunningServer server(CppServer());
  ASSERT_FALSE(server.address().empty()) << "the C++ server did not start";
  const ProcessResult client =
      RunClient(GetParam().client, server.address(), {"--name=Ada"});
  EXPECT_EQ(client.exit_code, 0) << client.err;
  EXPECT_EQ(Lines(client.out),
            std::vector<std::string>{"Greeter replied: Hello, Ada!"});
  EXPECT_EQ(server.Stop().exit_code, 0);
}

TEST_P(CrossLanguage, ClientSeesTheCppServersRefusal) {
  RunningServer server(CppServer());
  ASSERT_FALSE(server.address().empty()) << "the C++ server did not start";
  const ProcessResult client =
      RunClient(GetParam().client, server.address(), {"--name="});
  EXPECT_EQ(client.exit_code, 1);
  EXPECT_EQ(Lines(client.err),
            std::vector<std::string>{FailureLine(
                "SayHello", server.address(), "INVALID_ARGUMENT", kEmptyName)})
      << "the C++ server's status and message, seen from " << GetParam().name;
}

TEST_P(CrossLanguage, ClientWithoutServerNamesTargetAndStatus) {
  const RefusingAddress nobody;  // connections are refused at once
  const std::string& address = nobody.address();
  const ProcessResult client =
      RunClient(GetParam().client, address, {"--name=Ada"});
  EXPECT_EQ(client.exit_code, 1);
  const std::vector<std::string> lines = Lines(client.err);
  ASSERT_EQ(lines.size(), 1u) << client.err;
  EXPECT_THAT(lines[0],
              HasSubstr("SayHello to " + address + " failed: UNAVAILABLE"));
}

TEST_P(CrossLanguage, CppClientIsGreetedByTheServer) {
  RunningServer server(GetParam().server);
  ASSERT_FALSE(server.address().empty()) << "the server did not start";
  {
    auto stub = Greeter::NewStub(ChannelTo(server.address()));
    HelloRequest request;
    request.set_name("Zoë");
    HelloReply reply;
    const grpc::Status status =
        stub->SayHello(ContextWithDeadline().get(), request, &reply);
    ASSERT_TRUE(status.ok()) << DescribeStatus(status);
    EXPECT_EQ(reply.message(), "Hello, Zoë!");
  }  // The channel closes its connection: the server has nothing to wait for.
  EXPECT_EQ(server.Stop().exit_code, 0) << "the server exits 0 on SIGTERM";
}

TEST_P(CrossLanguage, CppClientSeesTheServersRefusal) {
  RunningServer server(GetParam().server);
  ASSERT_FALSE(server.address().empty()) << "the server did not start";
  auto stub = Greeter::NewStub(ChannelTo(server.address()));
  HelloReply reply;
  const grpc::Status status =
      stub->SayHello(ContextWithDeadline().get(), HelloRequest(), &reply);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
      << DescribeStatus(status);
  EXPECT_EQ(status.error_message(), kEmptyName);
}

}  // namespace
}  // namespace workbook::testing::polyglot
