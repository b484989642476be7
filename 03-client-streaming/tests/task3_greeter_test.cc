// Task 3: the Greeter greets every name of the stream, and rejects a bad
// name mid-stream. Tested through the generated stub.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "common/plumbing/rpc_errors.h"
#include "common/testing/test_server.h"
#include "server.h"

namespace workbook::client_streaming {
namespace {

using workbook::testing::ContextWithDeadline;

HelloRequest Named(const std::string& name) {
  HelloRequest request;
  request.set_name(name);
  return request;
}

// How a client stream ended, seen from the client.
struct StreamResult {
  grpc::Status status;
  HelloReply reply;
};

class GreeterTest : public workbook::testing::ServiceTest<GreeterService> {
 protected:
  // Sends `names`, closes the stream, and finishes.
  StreamResult Greet(const std::vector<std::string>& names) {
    StreamResult result;
    auto context = ContextWithDeadline();
    auto writer = stub_->SayHelloClientStream(context.get(), &result.reply);
    for (const std::string& name : names) {
      if (!writer->Write(Named(name))) break;
    }
    writer->WritesDone();
    result.status = writer->Finish();
    return result;
  }

  // Sends "Ada" and `bad_name`, then keeps writing good names, as a client
  // that does not know yet, until a write fails. If the server never ended
  // the call, that happens only at the deadline: DEADLINE_EXCEEDED.
  StreamResult GreetWithABadName(const std::string& bad_name) {
    StreamResult result;
    auto context = ContextWithDeadline();
    auto writer = stub_->SayHelloClientStream(context.get(), &result.reply);
    writer->Write(Named("Ada"));
    writer->Write(Named(bad_name));
    while (writer->Write(Named("Grace"))) {
    }
    writer->WritesDone();
    result.status = writer->Finish();
    return result;
  }

  std::unique_ptr<Greeter::Stub> stub_ = NewStub<Greeter>();
};

class Task3_GreeterGreetsEveryone : public GreeterTest {};

TEST_F(Task3_GreeterGreetsEveryone, NobodyForAnEmptyStream) {
  const StreamResult result = Greet({});
  ASSERT_TRUE(result.status.ok()) << DescribeStatus(result.status);
  EXPECT_EQ(result.reply.message(), "Hello, nobody!");
}

TEST_F(Task3_GreeterGreetsEveryone, OneName) {
  const StreamResult result = Greet({"Ada"});
  ASSERT_TRUE(result.status.ok()) << DescribeStatus(result.status);
  EXPECT_EQ(result.reply.message(), "Hello, Ada!");
}

TEST_F(Task3_GreeterGreetsEveryone, ManyNamesInOrder) {
  const StreamResult result = Greet({"Ada", "Grace", "Linus"});
  ASSERT_TRUE(result.status.ok()) << DescribeStatus(result.status);
  EXPECT_EQ(result.reply.message(), "Hello, Ada, Grace and Linus!");
}

TEST_F(Task3_GreeterGreetsEveryone, AsManyNamesAsTheLimitAllows) {
  const StreamResult result =
      Greet(std::vector<std::string>(kMaxNamesPerGreeting, "Zoë"));
  ASSERT_TRUE(result.status.ok())
      << DescribeStatus(result.status) << " (the limit is allowed)";
  EXPECT_EQ(result.reply.message().rfind("Hello, Zoë, Zoë, ", 0), 0u)
      << result.reply.message();
}

class Task3_GreeterRejectsMidStream : public GreeterTest {};

TEST_F(Task3_GreeterRejectsMidStream,
       AnEmptyNameFailsTheCallAndLaterWritesFail) {
  const StreamResult result = GreetWithABadName("");
  EXPECT_EQ(result.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
      << DescribeStatus(result.status);
  EXPECT_NE(result.status.error_message().find("#2"), std::string::npos)
      << "say which name is bad (by position, from 1), got: "
      << result.status.error_message();
  EXPECT_NE(result.status.error_message().find("empty"), std::string::npos)
      << result.status.error_message();
  EXPECT_EQ(result.reply.message(), "") << "a failed call has no reply";
}

TEST_F(Task3_GreeterRejectsMidStream, TheClientsLaterWritesFailAtOnce) {
  // The server answered at the bad name, so the call is over: the client's
  // next writes fail (a few may still go through while the answer is on its
  // way), and Finish() returns the server's status, not the deadline's.
  const StreamResult result = GreetWithABadName("");
  EXPECT_NE(result.status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED)
      << "the client could write until the deadline: stop reading at the first "
         "bad name";
  EXPECT_EQ(result.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
      << DescribeStatus(result.status);
}

TEST_F(Task3_GreeterRejectsMidStream, ANameOfOnlySpacesIsEmpty) {
  const StreamResult result = GreetWithABadName("   ");
  EXPECT_EQ(result.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
      << DescribeStatus(result.status);
}

TEST_F(Task3_GreeterRejectsMidStream, AnOverlongNameSaysTheLimit) {
  const StreamResult result =
      GreetWithABadName(std::string(kMaxNameBytes + 1, 'n'));
  EXPECT_EQ(result.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
      << DescribeStatus(result.status);
  EXPECT_NE(result.status.error_message().find(std::to_string(kMaxNameBytes)),
            std::string::npos)
      << "the message should name the limit, got: "
      << result.status.error_message();
}

TEST_F(Task3_GreeterRejectsMidStream, OneNameTooManyIsResourceExhausted) {
  const StreamResult result =
      Greet(std::vector<std::string>(kMaxNamesPerGreeting + 1, "Ada"));
  EXPECT_EQ(result.status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED)
      << DescribeStatus(result.status);
  EXPECT_NE(
      result.status.error_message().find(std::to_string(kMaxNamesPerGreeting)),
      std::string::npos)
      << "the message should name the limit, got: "
      << result.status.error_message();
}

}  // namespace
}  // namespace workbook::client_streaming
