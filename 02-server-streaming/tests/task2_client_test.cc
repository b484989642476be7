// Task 2: the clients read a stream to its end and report how it ended.
// Tested against fake services written here, so the tests need none of the
// server tasks.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <future>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "client.h"
#include "common/plumbing/rpc_errors.h"
#include "common/testing/test_server.h"

namespace workbook::server_streaming {
namespace {

using std::chrono::milliseconds;
using workbook::testing::kRpcDeadline;

// Streams the greetings the test set up, then ends with `final_status_`.
class FakeGreeter final : public Greeter::Service {
 public:
  grpc::Status SayHelloServerStream(
      grpc::ServerContext* context, const HelloRequest* request,
      grpc::ServerWriter<HelloReply>* writer) override {
    std::vector<std::string> greetings;
    grpc::Status final_status;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      received_name_ = request->name();
      received_count_ = request->count();
      received_deadline_ = context->deadline();
      greetings = greetings_;
      final_status = final_status_;
    }
    HelloReply reply;
    for (const std::string& greeting : greetings) {
      reply.set_message(greeting);
      if (!writer->Write(reply)) break;
    }
    return final_status;
  }

  // What the next calls stream. Set by the test while the server runs and
  // read by a handler thread, so guarded by mutex_.
  void Script(std::vector<std::string> greetings,
              grpc::Status final_status = grpc::Status::OK) {
    std::lock_guard<std::mutex> lock(mutex_);
    greetings_ = std::move(greetings);
    final_status_ = std::move(final_status);
  }

  std::mutex mutex_;
  std::vector<std::string> greetings_;
  grpc::Status final_status_ = grpc::Status::OK;
  std::string received_name_;
  uint32_t received_count_ = 0;
  std::chrono::system_clock::time_point received_deadline_;
};

class Task2_GreeterClientReadsTheStream
    : public workbook::testing::ServiceTest<FakeGreeter> {
 protected:
  GreeterClient client_{server_.NewChannel(), kRpcDeadline};
};

TEST_F(Task2_GreeterClientReadsTheStream, CollectsEveryGreetingInOrder) {
  const std::vector<std::string> sent = {"one", "two", "three", "four", "five"};
  service_.Script(sent);
  std::vector<std::string> greetings;
  const grpc::Status status =
      client_.SayHelloServerStream("Ada", 5, &greetings);
  ASSERT_TRUE(status.ok()) << DescribeStatus(status);
  EXPECT_EQ(greetings, sent);
}

TEST_F(Task2_GreeterClientReadsTheStream, SendsTheNameTheCountAndADeadline) {
  const auto before = std::chrono::system_clock::now();
  std::vector<std::string> greetings;
  ASSERT_TRUE(client_.SayHelloServerStream("Grace", 7, &greetings).ok());
  const auto after = std::chrono::system_clock::now();
  std::lock_guard<std::mutex> lock(service_.mutex_);
  EXPECT_EQ(service_.received_name_, "Grace");
  EXPECT_EQ(service_.received_count_, 7u);
  EXPECT_GE(service_.received_deadline_,
            before + kRpcDeadline - milliseconds(100))
      << "the call had no deadline, or a shorter one than the client was given";
  EXPECT_LE(service_.received_deadline_,
            after + kRpcDeadline + milliseconds(100));
}

TEST_F(Task2_GreeterClientReadsTheStream, AnEmptyStreamThatEndsOkIsOk) {
  std::vector<std::string> greetings;
  const grpc::Status status =
      client_.SayHelloServerStream("Ada", 1, &greetings);
  EXPECT_TRUE(status.ok()) << DescribeStatus(status);
  EXPECT_TRUE(greetings.empty());
}

TEST_F(Task2_GreeterClientReadsTheStream,
       KeepsTheGreetingsThatArrivedBeforeAnError) {
  const std::vector<std::string> sent = {"one", "two", "three"};
  service_.Script(sent, grpc::Status(grpc::StatusCode::ABORTED,
                                     "the greeting shard crashed"));
  std::vector<std::string> greetings;
  const grpc::Status status =
      client_.SayHelloServerStream("Ada", 10, &greetings);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::ABORTED)
      << DescribeStatus(status);
  EXPECT_EQ(status.error_message(), "the greeting shard crashed");
  EXPECT_EQ(greetings, sent) << "the three greetings before the error are real";
}

TEST_F(Task2_GreeterClientReadsTheStream,
       ReturnsARefusalThatCameBeforeAnyGreeting) {
  service_.Script(
      {}, grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "count is 5000"));
  std::vector<std::string> greetings;
  const grpc::Status status =
      client_.SayHelloServerStream("Ada", 5000, &greetings);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
      << DescribeStatus(status);
  EXPECT_TRUE(greetings.empty());
}

// Streams primes numbered 1, 2, 3... (the values need not be real primes
// here), `fail_after_` of them and then `failure_` if that is set, and
// reports whether its handler saw the client cancel.
class FakePrimes final : public Primes::Service {
 public:
  grpc::Status ListPrimes(grpc::ServerContext* context,
                          const ListPrimesRequest* request,
                          grpc::ServerWriter<Prime>* writer) override {
    received_count_ = request->count();
    uint32_t fail_after;
    grpc::Status failure;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      fail_after = fail_after_;
      failure = failure_;
    }
    Prime prime;
    for (uint32_t index = 1; index <= request->count(); ++index) {
      if (index > fail_after) return failure;
      prime.set_index(index);
      prime.set_value(index * 10);
      if (!writer->Write(prime)) break;
    }
    saw_cancel_.set_value(context->IsCancelled());
    return grpc::Status::OK;
  }

  // Makes the next calls end with `failure` after `primes` primes. Set by
  // the test while the server runs, so guarded by mutex_.
  void FailAfter(uint32_t primes, grpc::Status failure) {
    std::lock_guard<std::mutex> lock(mutex_);
    fail_after_ = primes;
    failure_ = std::move(failure);
  }

  std::atomic<uint32_t> received_count_{0};
  std::promise<bool>
      saw_cancel_;  // Set when a stream ran to its end or was cut off.

 private:
  std::mutex mutex_;
  uint32_t fail_after_ = UINT32_MAX;
  grpc::Status failure_;
};

class Task2_PrimesClientReadsTheStream
    : public workbook::testing::ServiceTest<FakePrimes> {
 protected:
  // Calls ListPrimes and records the index of each prime handed over;
  // asks to stop after `stop_after` primes (0: never).
  grpc::Status ListPrimes(uint32_t count, uint32_t stop_after = 0) {
    return client_.ListPrimes(count, [&](const Prime& prime) {
      handed_over_.push_back(prime.index());
      return stop_after == 0 || handed_over_.size() < stop_after;
    });
  }

  PrimesClient client_{server_.NewChannel(), kRpcDeadline};
  std::vector<uint32_t> handed_over_;
};

TEST_F(Task2_PrimesClientReadsTheStream, HandsOverTenThousandPrimesInOrder) {
  const grpc::Status status = ListPrimes(10'000);
  ASSERT_TRUE(status.ok()) << DescribeStatus(status);
  EXPECT_EQ(service_.received_count_, 10'000u)
      << "the request should carry the count";
  ASSERT_EQ(handed_over_.size(), 10'000u);
  for (uint32_t i = 0; i < handed_over_.size(); ++i) {
    ASSERT_EQ(handed_over_[i], i + 1)
        << "prime " << i << " was handed over out of order";
  }
}

TEST_F(Task2_PrimesClientReadsTheStream, AnEmptyStreamThatEndsOkIsOk) {
  const grpc::Status status = ListPrimes(0);
  EXPECT_TRUE(status.ok()) << DescribeStatus(status);
  EXPECT_TRUE(handed_over_.empty());
}

TEST_F(Task2_PrimesClientReadsTheStream,
       HandsOverThePrimesBeforeAnErrorThenReturnsIt) {
  service_.FailAfter(
      3, grpc::Status(grpc::StatusCode::DATA_LOSS, "prime table corrupted"));
  const grpc::Status status = ListPrimes(100);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::DATA_LOSS)
      << DescribeStatus(status);
  EXPECT_EQ(status.error_message(), "prime table corrupted");
  EXPECT_EQ(handed_over_, (std::vector<uint32_t>{1, 2, 3}));
}

TEST_F(Task2_PrimesClientReadsTheStream,
       CancelsTheCallWhenTheHandlerHasEnough) {
  const grpc::Status status = ListPrimes(100'000, /*stop_after=*/3);
  EXPECT_TRUE(status.ok()) << "stopping on purpose is not an error, got "
                           << DescribeStatus(status);
  ASSERT_EQ(handed_over_, (std::vector<uint32_t>{1, 2, 3}))
      << "no prime may be handed over after the handler returned false";
  std::future<bool> saw_cancel = service_.saw_cancel_.get_future();
  ASSERT_EQ(saw_cancel.wait_for(kRpcDeadline), std::future_status::ready);
  EXPECT_TRUE(saw_cancel.get()) << "the server should see the call cancelled";
}

TEST(Task2_ClientsWithoutServer, ReportUnavailable) {
  workbook::testing::RefusingAddress nobody;
  auto channel =
      grpc::CreateChannel(nobody.address(), grpc::InsecureChannelCredentials());
  std::vector<std::string> greetings;
  EXPECT_EQ(GreeterClient(channel, kRpcDeadline)
                .SayHelloServerStream("Ada", 1, &greetings)
                .error_code(),
            grpc::StatusCode::UNAVAILABLE);
  const grpc::Status status =
      PrimesClient(channel, kRpcDeadline).ListPrimes(1, [](const Prime&) {
        return true;
      });
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE)
      << DescribeStatus(status);
}

}  // namespace
}  // namespace workbook::server_streaming
