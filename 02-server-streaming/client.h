// Lesson 02: the client side of server streaming.
#ifndef WORKBOOK_02_SERVER_STREAMING_CLIENT_H_
#define WORKBOOK_02_SERVER_STREAMING_CLIENT_H_

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "server_streaming.grpc.pb.h"

namespace workbook::server_streaming {

// [begin greeter-client]
/// Calls Greeter.SayHelloServerStream and collects the stream.
class GreeterClient {
 public:
  /// `deadline` bounds each whole call: the stream must end within it.
  GreeterClient(std::shared_ptr<grpc::Channel> channel,
                std::chrono::milliseconds deadline)
      : stub_(Greeter::NewStub(std::move(channel))), deadline_(deadline) {}

  /// Task 2: asks for `count` greetings of `name`, reads the stream to its
  /// end and returns its final status. Appends every greeting that arrives to
  /// `*greetings`, in order, even when the stream then ends with an error:
  /// the messages that arrived before it are real and stay.
  grpc::Status SayHelloServerStream(const std::string& name, uint32_t count,
                                    std::vector<std::string>* greetings);

 private:
  std::unique_ptr<Greeter::Stub> stub_;
  std::chrono::milliseconds deadline_;
};
// [end greeter-client]

// [begin primes-client]
/// Calls Primes.ListPrimes and hands over each prime as it arrives.
class PrimesClient {
 public:
  /// Called with each prime as it arrives; returns false to stop the stream
  /// (the caller has enough), true to read on.
  using PrimeHandler = std::function<bool(const Prime&)>;

  /// `deadline` bounds each whole call: the stream must end within it.
  PrimesClient(std::shared_ptr<grpc::Channel> channel,
               std::chrono::milliseconds deadline)
      : stub_(Primes::NewStub(std::move(channel))), deadline_(deadline) {}

  /// Task 2: asks for the first `count` primes and calls `on_prime` for each
  /// as it arrives. When `on_prime` returns false, cancels the call, so the
  /// server stops producing primes nobody will read, and returns OK: the
  /// caller stopped on purpose. Otherwise returns the stream's final status:
  /// OK, or an error that may come after some primes were already handed
  /// over.
  grpc::Status ListPrimes(uint32_t count, const PrimeHandler& on_prime);

 private:
  std::unique_ptr<Primes::Stub> stub_;
  std::chrono::milliseconds deadline_;
};
// [end primes-client]

}  // namespace workbook::server_streaming

#endif  // WORKBOOK_02_SERVER_STREAMING_CLIENT_H_
