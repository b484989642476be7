// Task 2: GreeterClient::SayHello. Tested against a fake Greeter written
// here, so the test needs none of the server tasks.
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <mutex>
#include <string>
#include <utility>

#include "client.h"
#include "common/testing/test_server.h"

namespace workbook::unary {
namespace {

using std::chrono::milliseconds;

// Records what the client sent and answers with whatever the test set up.
// The handler runs on a gRPC thread, so everything it shares with the test
// is guarded by mutex_.
class FakeGreeter final : public Greeter::Service {
 public:
  grpc::Status SayHello(grpc::ServerContext* context,
                        const HelloRequest* request,
                        HelloReply* reply) override {
    std::shared_future<void> hold;
    grpc::Status status;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      received_name_ = request->name();
      received_deadline_ = context->deadline();
      ++calls_;
      hold = hold_;
      status = reply_status_;
    }
    if (hold.valid()) hold.wait_for(workbook::testing::kRpcDeadline);
    reply->set_message("fake greeting for " + request->name());
    return status;
  }

  void FailWith(grpc::Status status) {
    std::lock_guard<std::mutex> lock(mutex_);
    reply_status_ = std::move(status);
  }

  // Keeps every call open until the returned promise is set.
  std::promise<void> HoldReplies() {
    std::promise<void> release;
    std::lock_guard<std::mutex> lock(mutex_);
    hold_ = release.get_future().share();
    return release;
  }

  std::mutex mutex_;
  std::string received_name_;
  std::chrono::system_clock::time_point received_deadline_;
  int calls_ = 0;

 private:
  grpc::Status reply_status_ = grpc::Status::OK;
  std::shared_future<void> hold_;
};

class Task2_ClientCallsSayHello
    : public workbook::testing::ServiceTest<FakeGreeter> {
 protected:
  GreeterClient ClientWithDeadline(milliseconds deadline) {
    return GreeterClient(server_.NewChannel(), deadline);
  }
};

TEST_F(Task2_ClientCallsSayHello, ReturnsTheServersGreeting) {
  GreeterClient client = ClientWithDeadline(milliseconds(5000));
  std::string greeting;
  const grpc::Status status = client.SayHello("Ada", &greeting);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(greeting, "fake greeting for Ada");
  std::lock_guard<std::mutex> lock(service_.mutex_);
  EXPECT_EQ(service_.received_name_, "Ada");
}

TEST_F(Task2_ClientCallsSayHello, ReusesOneChannelForManyCalls) {
  GreeterClient client = ClientWithDeadline(milliseconds(5000));
  for (int i = 0; i < 5; ++i) {
    std::string greeting;
    ASSERT_TRUE(client.SayHello("caller " + std::to_string(i), &greeting).ok());
    EXPECT_EQ(greeting, "fake greeting for caller " + std::to_string(i));
  }
  std::lock_guard<std::mutex> lock(service_.mutex_);
  EXPECT_EQ(service_.calls_, 5);
}

TEST_F(Task2_ClientCallsSayHello, SendsTheConfiguredDeadline) {
  const milliseconds deadline(3000);
  GreeterClient client = ClientWithDeadline(deadline);
  const auto before = std::chrono::system_clock::now();
  std::string greeting;
  ASSERT_TRUE(client.SayHello("Ada", &greeting).ok());
  const auto after = std::chrono::system_clock::now();

  // The deadline travels with the call; the server sees when it expires.
  std::lock_guard<std::mutex> lock(service_.mutex_);
  EXPECT_GE(service_.received_deadline_, before + deadline - milliseconds(100))
      << "the call had no deadline, or a shorter one than the client was given";
  EXPECT_LE(service_.received_deadline_, after + deadline + milliseconds(100))
      << "the call's deadline is later than the client was given";
}

TEST_F(Task2_ClientCallsSayHello,
       ReturnsTheServersErrorAndLeavesTheGreetingAlone) {
  service_.FailWith(
      grpc::Status(grpc::StatusCode::NOT_FOUND, "nobody by that name"));
  GreeterClient client = ClientWithDeadline(milliseconds(5000));
  std::string greeting = "untouched";
  const grpc::Status status = client.SayHello("Ada", &greeting);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(status.error_message(), "nobody by that name");
  EXPECT_EQ(greeting, "untouched");
}

TEST_F(Task2_ClientCallsSayHello, GivesUpWhenTheDeadlinePasses) {
  std::promise<void> release = service_.HoldReplies();
  GreeterClient client = ClientWithDeadline(milliseconds(100));
  std::string greeting;
  const grpc::Status status = client.SayHello("Ada", &greeting);
  release.set_value();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED)
      << "the call must end when its deadline passes, not when the server "
         "answers";
}

TEST(Task2_ClientWithoutServer, ReportsUnavailable) {
  workbook::testing::RefusingAddress nobody;
  GreeterClient client(
      grpc::CreateChannel(nobody.address(), grpc::InsecureChannelCredentials()),
      milliseconds(5000));
  std::string greeting;
  const grpc::Status status = client.SayHello("Ada", &greeting);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE)
      << status.error_message();
}

}  // namespace
}  // namespace workbook::unary
