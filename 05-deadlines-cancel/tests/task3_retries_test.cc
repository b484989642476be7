// Task 3: retries that sign once. The book signs once per request id; the
// client retries only what may be retried, with the same request id and a
// fresh deadline per attempt; together they survive a lost answer.
#include <gtest/gtest.h>

#include <chrono>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "calls.h"
#include "client.h"
#include "common/plumbing/rpc_errors.h"
#include "common/testing/pausable_proxy.h"
#include "common/testing/sync.h"
#include "common/testing/test_server.h"
#include "server.h"

namespace workbook::deadlines {
namespace {

using std::chrono::milliseconds;
using workbook::testing::CountDownLatch;
using workbook::testing::TestServer;

TEST(Task3_BookSignsOncePerRequest, TheSameRequestTwiceSignsOnce) {
  Book book;
  const SignResult first = book.Sign("r-1", "Ada");
  const SignResult again = book.Sign("r-1", "Ada");
  EXPECT_FALSE(first.replayed);
  EXPECT_TRUE(again.replayed);
  EXPECT_EQ(again.guest_number, first.guest_number);
  EXPECT_EQ(book.size(), 1u);
}

TEST(Task3_BookSignsOncePerRequest, DifferentRequestsSignOnceEach) {
  Book book;
  EXPECT_EQ(book.Sign("r-1", "Ada").guest_number, 1u);
  EXPECT_EQ(book.Sign("r-2", "Ada").guest_number, 2u);
  EXPECT_EQ(book.Sign("r-1", "Ada").guest_number, 1u);
  EXPECT_EQ(book.Sign("r-3", "Grace").guest_number, 3u);
  EXPECT_EQ(book.size(), 3u);
}

TEST(Task3_BookSignsOncePerRequest, AttemptsArrivingTogetherSignOnce) {
  Book book;
  constexpr int kAttempts = 8;
  std::vector<SignResult> results(kAttempts);
  {
    std::vector<std::thread> attempts;
    for (int i = 0; i < kAttempts; ++i) {
      attempts.emplace_back(
          [&book, &results, i] { results[i] = book.Sign("r-1", "Ada"); });
    }
    for (std::thread& attempt : attempts) attempt.join();
  }
  int firsts = 0;
  for (const SignResult& result : results) {
    firsts += !result.replayed;
    EXPECT_EQ(result.guest_number, 1u);
  }
  EXPECT_EQ(firsts, 1) << "exactly one attempt signs";
  EXPECT_EQ(book.size(), 1u);
}

TEST(Task3_ClientRetries, RetriesOnlyWhenTheOutcomeIsUnknown) {
  for (int code = grpc::StatusCode::OK;
       code <= grpc::StatusCode::UNAUTHENTICATED; ++code) {
    const auto status_code = static_cast<grpc::StatusCode>(code);
    const bool expected = status_code == grpc::StatusCode::DEADLINE_EXCEEDED ||
                          status_code == grpc::StatusCode::UNAVAILABLE;
    EXPECT_EQ(IsRetryable(status_code), expected)
        << workbook::StatusCodeName(status_code);
  }
}

// A GuestBook that fails attempts as scripted and answers OK afterwards. It
// records the request id and deadline of every attempt.
class ScriptedBackend final : public GuestBook::Service {
 public:
  // A scripted failure that is not a status: hold the attempt until its
  // client has gone (its deadline passed).
  static constexpr grpc::StatusCode kHoldUntilGone =
      grpc::StatusCode::DO_NOT_USE;

  explicit ScriptedBackend(std::deque<grpc::StatusCode> script)
      : script_(std::move(script)) {}

  grpc::Status Sign(grpc::ServerContext* context, const SignRequest* request,
                    SignReply* reply) override {
    grpc::StatusCode code = grpc::StatusCode::OK;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      request_ids_.push_back(request->request_id());
      deadlines_.push_back(context->deadline());
      if (!script_.empty()) {
        code = script_.front();
        script_.pop_front();
      }
    }
    if (code == kHoldUntilGone) {
      never_opened_.WaitOrCancelled(*context);
      return grpc::Status(grpc::StatusCode::CANCELLED, "the client left");
    }
    if (code != grpc::StatusCode::OK) {
      return grpc::Status(code, "scripted failure");
    }
    reply->set_greeting("signed");
    return grpc::Status::OK;
  }

  std::vector<std::string> request_ids() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return request_ids_;
  }
  std::vector<std::chrono::system_clock::time_point> deadlines() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return deadlines_;
  }

 private:
  mutable std::mutex mutex_;
  std::deque<grpc::StatusCode> script_;
  std::vector<std::string> request_ids_;
  std::vector<std::chrono::system_clock::time_point> deadlines_;
  workbook::testing::Gate never_opened_;
};

// Runs SignWithRetry against a ScriptedBackend.
class RetryRun {
 public:
  explicit RetryRun(std::deque<grpc::StatusCode> script,
                    RetryPolicy policy = {3, milliseconds(2000)})
      : backend_(std::move(script)) {
    GuestBookClient client(server_.NewChannel());
    result_ = client.SignWithRetry(Request("r-42"), policy, &reply_);
  }
  ~RetryRun() { server_.Shutdown(); }

  const RetryResult& result() const { return result_; }
  const SignReply& reply() const { return reply_; }
  const ScriptedBackend& backend() const { return backend_; }

 private:
  ScriptedBackend backend_;
  TestServer server_{{&backend_}};
  RetryResult result_;
  SignReply reply_;
};

TEST(Task3_ClientRetries, RetriesWithTheSameRequestId) {
  RetryRun run(
      {grpc::StatusCode::DEADLINE_EXCEEDED, grpc::StatusCode::UNAVAILABLE});
  EXPECT_TRUE(run.result().status.ok())
      << workbook::DescribeStatus(run.result().status);
  EXPECT_EQ(run.result().attempts, 3);
  EXPECT_EQ(run.reply().greeting(), "signed");
  EXPECT_EQ(run.backend().request_ids(),
            std::vector<std::string>({"r-42", "r-42", "r-42"}));
}

TEST(Task3_ClientRetries, EveryAttemptGetsItsOwnDeadline) {
  // The first attempt uses up all its time. A retry that shared its
  // deadline would have none left and never reach the server.
  RetryRun run({ScriptedBackend::kHoldUntilGone}, {3, milliseconds(300)});
  EXPECT_TRUE(run.result().status.ok())
      << workbook::DescribeStatus(run.result().status);
  EXPECT_EQ(run.result().attempts, 2);
  const auto deadlines = run.backend().deadlines();
  ASSERT_EQ(deadlines.size(), 2u);
  EXPECT_NE(deadlines[0], std::chrono::system_clock::time_point::max())
      << "an attempt without a deadline";
  EXPECT_GT(deadlines[1], deadlines[0]);
}

TEST(Task3_ClientRetries, DoesNotRetryAnAnswer) {
  RetryRun run({grpc::StatusCode::INVALID_ARGUMENT});
  EXPECT_EQ(run.result().status.error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(run.result().attempts, 1);
  EXPECT_EQ(run.backend().request_ids().size(), 1u);
}

TEST(Task3_ClientRetries, GivesUpAfterTheLastAttempt) {
  RetryRun run({grpc::StatusCode::UNAVAILABLE, grpc::StatusCode::UNAVAILABLE,
                grpc::StatusCode::UNAVAILABLE, grpc::StatusCode::UNAVAILABLE},
               {3, milliseconds(2000)});
  EXPECT_EQ(run.result().status.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_EQ(run.result().attempts, 3);
  EXPECT_EQ(run.backend().request_ids().size(), 3u);
}

// [begin lost-answer]
TEST(Task3_RetriesAreSafe, ALostAnswerIsRetriedAndSignedOnce) {
  // Your book behind the naive service (no slow step), your client in
  // front, and between them a network that loses the first answer.
  Book book;
  NaiveGuestBookService service(book, NoDelay);
  std::mutex mutex;
  std::vector<SignReport> reports;  // Guarded by mutex.
  CountDownLatch two_attempts_served(2);
  TestServer server({&service});
  workbook::testing::PausableProxy network(server.address());
  auto channel = grpc::CreateChannel(network.address(),
                                     grpc::InsecureChannelCredentials());
  GuestBookClient client(channel, Desk::kNaiveGuestBook);
  SignReply reply;
  ASSERT_EQ(client.SignOnce(Request(""), CallOptions(), &reply).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT)
      << "warming the connection up";
  service.SetListener([&](const SignReport& report) {
    std::lock_guard<std::mutex> lock(mutex);
    reports.push_back(report);
    two_attempts_served.CountDown();
  });

  network.HoldServerToClient();
  RetryResult result;
  std::thread retrying([&] {
    result =
        client.SignWithRetry(Request("r-1"), {3, milliseconds(1000)}, &reply);
  });
  // The first answer is held until that attempt's deadline passes; the
  // client retries. Once the server has served the retry, let it through.
  const bool retried = two_attempts_served.Wait();
  network.Release();
  retrying.join();
  ASSERT_TRUE(retried) << "the client never retried";

  EXPECT_TRUE(result.status.ok()) << workbook::DescribeStatus(result.status);
  EXPECT_GE(result.attempts, 2);
  EXPECT_TRUE(reply.replayed()) << "the answer that arrives is the retry's";
  EXPECT_EQ(reply.guest_number(), 1u);
  EXPECT_EQ(book.size(), 1u) << "exactly one line for one request";
  std::lock_guard<std::mutex> lock(mutex);
  ASSERT_GE(reports.size(), 2u);
  EXPECT_FALSE(reports[0].reply.replayed()) << "the first attempt signed";
  EXPECT_TRUE(reports[1].reply.replayed()) << "the retry was a replay";
  server.Shutdown();
}
// [end lost-answer]

}  // namespace
}  // namespace workbook::deadlines
