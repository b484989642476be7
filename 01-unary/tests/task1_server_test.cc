// Task 1: the server answers SayHello. Tested through the generated stub, the
// way any client (in any language) would call it.
#include <gtest/gtest.h>

#include <string>

#include "common/testing/test_server.h"
#include "server.h"

namespace workbook::unary {
namespace {

using workbook::testing::ContextWithDeadline;

class Task1_ServerSaysHello
    : public workbook::testing::ServiceTest<GreeterService> {
 protected:
  grpc::Status SayHello(const std::string& name, HelloReply* reply) {
    HelloRequest request;
    request.set_name(name);
    return stub_->SayHello(ContextWithDeadline().get(), request, reply);
  }

  std::unique_ptr<Greeter::Stub> stub_ = Greeter::NewStub(server_.NewChannel());
};

TEST_F(Task1_ServerSaysHello, GreetsByName) {
  HelloReply reply;
  const grpc::Status status = SayHello("Ada", &reply);
  ASSERT_TRUE(status.ok()) << "SayHello failed: " << status.error_message();
  EXPECT_EQ(reply.message(), "Hello, Ada!");
}

TEST_F(Task1_ServerSaysHello, GreetsEachCallerWithTheirOwnName) {
  for (const std::string name : {"Grace", "Linus", "Barbara Liskov"}) {
    HelloReply reply;
    const grpc::Status status = SayHello(name, &reply);
    ASSERT_TRUE(status.ok())
        << "SayHello(" << name << ") failed: " << status.error_message();
    EXPECT_EQ(reply.message(), "Hello, " + name + "!");
  }
}

TEST_F(Task1_ServerSaysHello, KeepsNonAsciiNamesIntact) {
  HelloReply reply;
  const grpc::Status status = SayHello("Zoë 世界", &reply);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(reply.message(), "Hello, Zoë 世界!");
}

}  // namespace
}  // namespace workbook::unary
