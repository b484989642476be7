// Task 3: ListPrimes stops producing primes once the client is gone. The
// service itself counts what it produced (PrimeStreamReport), so the tests
// measure the server's work instead of guessing it from time.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <future>
#include <memory>

#include "common/plumbing/rpc_errors.h"
#include "common/testing/test_server.h"
#include "fixed_window_channel.h"
#include "server.h"

namespace workbook::server_streaming {
namespace {

using workbook::testing::ContextWithDeadline;

// How many primes a server may still produce after its client went away.
// The clients below read a few primes and then nothing, so the server gets
// only as far as flow control lets it: the 64 KiB window plus about as much
// in gRPC's own buffers, at 9 to 13 bytes per Prime message. That is about
// 8,500 primes (measured); a server that ignores the client produces all
// kMaxPrimesPerCall (100,000) of them.
constexpr uint32_t kMaxPrimesAfterTheClientLeft = 25'000;

constexpr char kSayWhy[] =
    "a handler that stops because the client is gone sets "
    "report.client_gone";

class Task3_ServerStopsWhenTheClientGoesAway
    : public workbook::testing::ServiceTest<PrimeService> {
 protected:
  void SetUp() override {
    service_.SetStreamEndListener(
        [this](const PrimeStreamReport& report) { report_.set_value(report); });
  }

  // The report of the one call the test made, once its handler returned.
  PrimeStreamReport WaitForReport() {
    std::future<PrimeStreamReport> report = report_.get_future();
    if (report.wait_for(std::chrono::seconds(10)) !=
        std::future_status::ready) {
      ADD_FAILURE() << "ListPrimes did not return within 10 s";
      return {};
    }
    return report.get();
  }

  // Asks for as many primes as allowed, so stopping early is visible.
  std::unique_ptr<grpc::ClientReader<Prime>> ListManyPrimes(
      grpc::ClientContext* context) {
    ListPrimesRequest request;
    request.set_count(kMaxPrimesPerCall);
    return stub_->ListPrimes(context, request);
  }

  std::promise<PrimeStreamReport> report_;
  std::unique_ptr<Primes::Stub> stub_ =
      Primes::NewStub(FixedWindowChannel(server_.address()));
};

TEST_F(Task3_ServerStopsWhenTheClientGoesAway, StopsSoonAfterTheClientCancels) {
  auto context = ContextWithDeadline();
  auto reader = ListManyPrimes(context.get());
  Prime prime;
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(reader->Read(&prime));
  context->TryCancel();
  EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::CANCELLED);

  const PrimeStreamReport report = WaitForReport();
  EXPECT_LE(report.produced, kMaxPrimesAfterTheClientLeft)
      << "the server kept computing primes for a client that had cancelled "
         "after 3";
  EXPECT_TRUE(report.client_gone) << kSayWhy;
}

TEST_F(Task3_ServerStopsWhenTheClientGoesAway,
       StopsWhenTheClientsDeadlinePasses) {
  // A client that reads one prime and then nothing: the server fills the
  // window, blocks in Write(), and is freed by the deadline.
  auto context = ContextWithDeadline(std::chrono::milliseconds(200));
  auto reader = ListManyPrimes(context.get());
  Prime prime;
  ASSERT_TRUE(reader->Read(&prime));
  const PrimeStreamReport report = WaitForReport();
  EXPECT_LE(report.produced, kMaxPrimesAfterTheClientLeft)
      << "the server kept computing primes after the client's deadline had "
         "passed";
  EXPECT_TRUE(report.client_gone) << kSayWhy;
  EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
}

TEST_F(Task3_ServerStopsWhenTheClientGoesAway, StopsWhenTheClientHangsUp) {
  // Destroying an unfinished call (here, with its channel) cancels it too.
  {
    auto context = ContextWithDeadline();
    auto reader = ListManyPrimes(context.get());
    Prime prime;
    ASSERT_TRUE(reader->Read(&prime));
    stub_.reset();
  }
  const PrimeStreamReport report = WaitForReport();
  EXPECT_LE(report.produced, kMaxPrimesAfterTheClientLeft)
      << "the server kept computing primes after the client hung up";
  EXPECT_TRUE(report.client_gone) << kSayWhy;
}

TEST_F(Task3_ServerStopsWhenTheClientGoesAway,
       FinishesForAClientThatReadsEverything) {
  ListPrimesRequest request;
  request.set_count(1000);
  auto context = ContextWithDeadline();
  auto reader = stub_->ListPrimes(context.get(), request);
  Prime prime;
  uint32_t read = 0;
  while (reader->Read(&prime)) ++read;
  const grpc::Status status = reader->Finish();
  ASSERT_TRUE(status.ok()) << DescribeStatus(status);
  EXPECT_EQ(read, 1000u);
  const PrimeStreamReport report = WaitForReport();
  EXPECT_FALSE(report.client_gone);
  EXPECT_EQ(report.produced, 1000u);
}

}  // namespace
}  // namespace workbook::server_streaming
