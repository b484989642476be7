// Task 3: invalid names are refused with INVALID_ARGUMENT. Tested on
// ValidateName itself and over the wire, where SayHello calls it first.
#include <gtest/gtest.h>

#include <string>

#include "common/plumbing/rpc_errors.h"
#include "common/plumbing/server_runner.h"
#include "common/testing/test_server.h"
#include "server.h"

namespace workbook::unary {
namespace {

using workbook::testing::ContextWithDeadline;

TEST(Task3_ValidateName, AcceptsOrdinaryNames) {
  EXPECT_TRUE(ValidateName("Ada").ok());
  EXPECT_TRUE(ValidateName("x").ok());
  EXPECT_TRUE(ValidateName(std::string(kMaxNameBytes, 'a')).ok())
      << "the limit itself is allowed";
}

TEST(Task3_ValidateName, RejectsAnEmptyName) {
  const grpc::Status status = ValidateName("");
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
      << "got " << DescribeStatus(status);
  EXPECT_NE(status.error_message().find("empty"), std::string::npos)
      << "the message should say the name is empty, got: "
      << status.error_message();
}

TEST(Task3_ValidateName, RejectsANameOfOnlySpaces) {
  EXPECT_EQ(ValidateName("   ").error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST(Task3_ValidateName, RejectsANameOverTheLimitAndSaysTheLimit) {
  const grpc::Status status = ValidateName(std::string(kMaxNameBytes + 1, 'a'));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
      << "got " << DescribeStatus(status);
  EXPECT_NE(status.error_message().find(std::to_string(kMaxNameBytes)),
            std::string::npos)
      << "the message should name the limit, got: " << status.error_message();
}

class Task3_ServerRejectsBadNames
    : public workbook::testing::ServiceTest<GreeterService> {
 protected:
  grpc::Status SayHello(const std::string& name) {
    HelloRequest request;
    request.set_name(name);
    HelloReply reply;
    return stub_->SayHello(ContextWithDeadline().get(), request, &reply);
  }

  std::unique_ptr<Greeter::Stub> stub_ = Greeter::NewStub(server_.NewChannel());
};

TEST_F(Task3_ServerRejectsBadNames, EmptyNameArrivesAsInvalidArgument) {
  const grpc::Status status = SayHello("");
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
      << "got " << DescribeStatus(status);
}

TEST_F(Task3_ServerRejectsBadNames, OverlongNameArrivesAsInvalidArgument) {
  const grpc::Status status = SayHello(std::string(500, 'n'));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
      << "got " << DescribeStatus(status);
}

// Not a task: gRPC itself refuses a message over the server's size limit
// before SayHello runs, so no service code ever sees it.
class Limits : public workbook::testing::ServiceTest<GreeterService> {};

TEST_F(Limits, OversizedMessageIsResourceExhausted) {
  auto stub = Greeter::NewStub(server_.NewChannel());
  HelloRequest request;
  request.set_name(std::string(workbook::kMaxReceiveMessageBytes + 1, 'n'));
  HelloReply reply;
  const grpc::Status status =
      stub->SayHello(ContextWithDeadline().get(), request, &reply);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED)
      << "got " << DescribeStatus(status);
}

}  // namespace
}  // namespace workbook::unary
