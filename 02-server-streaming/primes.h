// Lesson 02: the work behind ListPrimes. Not a gRPC topic, and not an
// exercise: it stands for any result that is computed (or fetched) piece by
// piece, such as search hits, database rows or lines of a log.
#ifndef WORKBOOK_02_SERVER_STREAMING_PRIMES_H_
#define WORKBOOK_02_SERVER_STREAMING_PRIMES_H_

#include <cstdint>
#include <vector>

namespace workbook::server_streaming {

/// The prime numbers in increasing order, one per Next(): 2, 3, 5, 7, 11...
///
/// Each prime costs real CPU time (trial division by the primes found so
/// far), which is why a server should stop asking for more once nobody reads
/// them.
class PrimeSequence {
 public:
  /// The next prime: 2 on the first call.
  uint64_t Next() {
    uint64_t candidate = found_.empty() ? 2 : found_.back() + 1;
    while (!IsPrime(candidate)) ++candidate;
    found_.push_back(candidate);
    return candidate;
  }

 private:
  // Every prime below `n` is in found_, so n is prime unless one of those up
  // to its square root divides it.
  bool IsPrime(uint64_t n) const {
    for (const uint64_t prime : found_) {
      if (prime * prime > n) return true;
      if (n % prime == 0) return false;
    }
    return true;
  }

  std::vector<uint64_t> found_;
};

}  // namespace workbook::server_streaming

#endif  // WORKBOOK_02_SERVER_STREAMING_PRIMES_H_
