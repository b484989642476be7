// Task 2: GreeterClient::SayHello. Tested against a fake Greeter written
// here, so the test needs none of the server tasks.
#include <gtest/gtest.h>

#include <chrono>
#include <mutex>
#include <string>
#include <utility>

#include "client.h"
#include "common/testing/sync.h"
#include "common/testing/test_server.h"

namespace workbook::unary {
namespace {

using std::chrono::milliseconds;

// A Greeter written for these tests: it records what the client sent and
// answers as the test set it up. Its handler runs on a gRPC thread while the
// test runs on its own, so everything the two share is guarded by mutex_ -
// inside the class: a test only calls the methods below and never has to
// remember a lock.
class FakeGreeter final : public Greeter::Service {
 public:
  grpc::Status SayHello(grpc::ServerContext* context,
                        const HelloRequest* request,
                        HelloReply* reply) override {
    bool hold = false;
    grpc::Status status;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      received_name_ = request->name();
      received_deadline_ = context->deadline();
      ++calls_;
      hold = holding_replies_;
      status = reply_status_;
    }
    // Wait outside the lock, so the test can still ask what was received.
    if (hold) release_.Wait();
    reply->set_message("fake greeting for " + request->name());
    return status;
  }

  // How to answer: with this error instead of OK.
  void FailWith(grpc::Status status) {
    std::lock_guard<std::mutex> lock(mutex_);
    reply_status_ = std::move(status);
  }

  // Keeps every call open until ReleaseReplies(). (The fixture releases
  // them too before it shuts the server down.)
  void HoldReplies() {
    std::lock_guard<std::mutex> lock(mutex_);
    holding_replies_ = true;
  }
  void ReleaseReplies() { release_.Open(); }

  // What the client sent in its last call, and how many calls it made.
  std::string received_name() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return received_name_;
  }
  std::chrono::system_clock::time_point received_deadline() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return received_deadline_;
  }
  int calls() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return calls_;
  }

 private:
  mutable std::mutex mutex_;
  std::string received_name_;
  std::chrono::system_clock::time_point received_deadline_;
  int calls_ = 0;
  grpc::Status reply_status_ = grpc::Status::OK;
  bool holding_replies_ = false;
  workbook::testing::Gate release_;  // Thread-safe on its own.
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
  EXPECT_EQ(service_.received_name(), "Ada");
}

TEST_F(Task2_ClientCallsSayHello, ReusesOneChannelForManyCalls) {
  GreeterClient client = ClientWithDeadline(milliseconds(5000));
  for (int i = 0; i < 5; ++i) {
    std::string greeting;
    ASSERT_TRUE(client.SayHello("caller " + std::to_string(i), &greeting).ok());
    EXPECT_EQ(greeting, "fake greeting for caller " + std::to_string(i));
  }
  EXPECT_EQ(service_.calls(), 5);
}

TEST_F(Task2_ClientCallsSayHello, SendsTheConfiguredDeadline) {
  const milliseconds deadline(3000);
  GreeterClient client = ClientWithDeadline(deadline);
  const auto before = std::chrono::system_clock::now();
  std::string greeting;
  ASSERT_TRUE(client.SayHello("Ada", &greeting).ok());
  const auto after = std::chrono::system_clock::now();

  // The deadline travels with the call; the server sees when it expires.
  EXPECT_GE(service_.received_deadline(), before + deadline - milliseconds(100))
      << "the call had no deadline, or a shorter one than the client was given";
  EXPECT_LE(service_.received_deadline(), after + deadline + milliseconds(100))
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
  service_.HoldReplies();
  GreeterClient client = ClientWithDeadline(milliseconds(100));
  std::string greeting;
  const grpc::Status status = client.SayHello("Ada", &greeting);
  service_.ReleaseReplies();
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
