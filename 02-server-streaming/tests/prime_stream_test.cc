// Not a task: what the ListPrimes stream holds. The exercise's loop already
// writes every prime (Task 3 is about when it should stop), so these pass on
// both tracks. Tested through the generated stub.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "common/plumbing/rpc_errors.h"
#include "common/testing/test_server.h"
#include "server.h"

namespace workbook::server_streaming {
namespace {

using workbook::testing::ContextWithDeadline;

// The first `count` primes, by the sieve of Eratosthenes: computed another
// way than the server does, so the two cannot share a mistake.
std::vector<uint64_t> FirstPrimes(uint32_t count) {
  std::vector<uint64_t> primes;
  // The count-th prime is below 15 * count for the counts tested here.
  std::vector<bool> composite(15 * static_cast<size_t>(count) + 16, false);
  for (uint64_t n = 2; primes.size() < count; ++n) {
    if (composite[n]) continue;
    primes.push_back(n);
    for (uint64_t multiple = n * n; multiple < composite.size();
         multiple += n) {
      composite[multiple] = true;
    }
  }
  return primes;
}

struct Received {
  std::vector<Prime> primes;
  grpc::Status status;
};

class PrimeStream : public workbook::testing::ServiceTest<PrimeService> {
 protected:
  Received ListPrimes(uint32_t count) {
    ListPrimesRequest request;
    request.set_count(count);
    auto context = ContextWithDeadline();
    auto reader = stub_->ListPrimes(context.get(), request);
    Received received;
    Prime prime;
    while (reader->Read(&prime)) received.primes.push_back(prime);
    received.status = reader->Finish();
    return received;
  }

  // Expects exactly the first `count` primes, numbered from 1, in order.
  void ExpectFirstPrimes(const Received& received, uint32_t count) {
    ASSERT_TRUE(received.status.ok()) << DescribeStatus(received.status);
    ASSERT_EQ(received.primes.size(), count);
    const std::vector<uint64_t> expected = FirstPrimes(count);
    for (uint32_t i = 0; i < count; ++i) {
      ASSERT_EQ(received.primes[i].index(), i + 1)
          << "message " << i << " is out of order";
      ASSERT_EQ(received.primes[i].value(), expected[i]) << "prime #" << i + 1;
    }
  }

  std::unique_ptr<Primes::Stub> stub_ = Primes::NewStub(server_.NewChannel());
};

TEST_F(PrimeStream, ACountOfZeroIsAnEmptyStreamThatEndsOk) {
  const Received received = ListPrimes(0);
  EXPECT_TRUE(received.status.ok()) << DescribeStatus(received.status);
  EXPECT_TRUE(received.primes.empty());
}

TEST_F(PrimeStream, ACountOfOneIsJustTwo) {
  ExpectFirstPrimes(ListPrimes(1), 1);
}

TEST_F(PrimeStream, TenThousandPrimesArriveInOrder) {
  const Received received = ListPrimes(10'000);
  ExpectFirstPrimes(received, 10'000);
  EXPECT_EQ(received.primes.back().value(), 104'729u) << "the 10,000th prime";
}

TEST(PrimeLimits, TheLimitItselfIsAllowed) {
  ListPrimesRequest request;
  request.set_count(kMaxPrimesPerCall);
  EXPECT_TRUE(ValidateListPrimesRequest(request).ok());
}

TEST_F(PrimeStream, ACountOverTheLimitIsInvalidAndNamesTheLimit) {
  const Received received = ListPrimes(kMaxPrimesPerCall + 1);
  EXPECT_EQ(received.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
      << DescribeStatus(received.status);
  EXPECT_NE(
      received.status.error_message().find(std::to_string(kMaxPrimesPerCall)),
      std::string::npos)
      << "the message should name the limit, got: "
      << received.status.error_message();
  EXPECT_TRUE(received.primes.empty()) << "a refused request sends no message";
}

}  // namespace
}  // namespace workbook::server_streaming
