#include "client.h"

namespace workbook::server_streaming {

grpc::Status GreeterClient::SayHelloServerStream(
    const std::string& name, uint32_t count,
    std::vector<std::string>* greetings) {
  // TODO(02.2): ask for `count` greetings of `name` (the whole stream within
  // `deadline_`) and append each greeting to *greetings as it arrives. Return
  // the stream's final status. The tests check: every greeting, in order;
  // the name, count and deadline reach the server; an empty stream that ends
  // OK is OK; greetings that arrived before an error are kept and the error
  // is returned; a refusal before any greeting; no server gives UNAVAILABLE.
  (void)name;
  (void)count;
  (void)greetings;
  return grpc::Status(
      grpc::StatusCode::UNIMPLEMENTED,
      "TODO(02.2): GreeterClient::SayHelloServerStream is not written yet");
}

grpc::Status PrimesClient::ListPrimes(uint32_t count,
                                      const PrimeHandler& on_prime) {
  // TODO(02.2): stream `count` primes and hand each to on_prime, in order.
  // When on_prime returns false the caller has enough: end the call so that
  // the server stops too, and report OK (stopping on purpose is not an
  // error). Any other outcome returns the stream's final status. The tests
  // check: 10,000 primes in order; an empty stream; primes before an error
  // are handed over and the error returned; a handler that has enough
  // cancels the call on the server.
  (void)count;
  (void)on_prime;
  return grpc::Status(
      grpc::StatusCode::UNIMPLEMENTED,
      "TODO(02.2): PrimesClient::ListPrimes is not written yet");
}

}  // namespace workbook::server_streaming
