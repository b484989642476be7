// Lesson 02: the server side of server streaming.
#ifndef WORKBOOK_02_SERVER_STREAMING_SERVER_H_
#define WORKBOOK_02_SERVER_STREAMING_SERVER_H_

#include <grpcpp/grpcpp.h>

#include <array>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string_view>
#include <utility>

#include "requests.h"
#include "server_streaming.grpc.pb.h"

namespace workbook::server_streaming {

/// "Hello" in the languages SayHelloServerStream greets in, in this order.
inline constexpr std::array<std::string_view, 8> kGreetings = {
    "Hello", "Bonjour", "Hola", "Ciao", "Hallo", "Olá", "Hej", "Merhaba"};

// [begin greeter-service]
/// The Greeter service: the original tutorial's SayHelloServerStream.
class GreeterService final : public Greeter::Service {
 public:
  /// Task 1: writes GreetingCount(*request) greetings (`count`, or
  /// kDefaultGreetings when it is not set), one message each: greeting i
  /// (from 0) is "<kGreetings[i % 8]>, <name>!". A request that
  /// ValidateHelloRequest() refuses gets its INVALID_ARGUMENT and no message.
  ///
  /// In a server-streaming method gRPC hands us a ServerWriter instead of
  /// one reply: each Write() sends one message, and returning the status
  /// ends the stream.
  grpc::Status SayHelloServerStream(
      grpc::ServerContext* context, const HelloRequest* request,
      grpc::ServerWriter<HelloReply>* writer) override;
};
// [end greeter-service]

// [begin prime-stream-report]
/// What one ListPrimes call did, as the service saw it.
struct PrimeStreamReport {
  /// How many primes the client asked for.
  uint32_t requested = 0;
  /// How many the handler computed and passed to Write().
  uint32_t produced = 0;
  /// The handler stopped because the client cancelled, timed out or
  /// disconnected.
  bool client_gone = false;
};
// [end prime-stream-report]

// [begin prime-service]
/// The Primes service: a result computed piece by piece, sent as it grows.
class PrimeService final : public Primes::Service {
 public:
  /// Called when a ListPrimes handler returns, on that handler's thread:
  /// the server program logs it, tests measure with it.
  using StreamEndListener = std::function<void(const PrimeStreamReport&)>;

  /// Writes the first `request->count()` primes in increasing order, one
  /// message each (INVALID_ARGUMENT beyond kMaxPrimesPerCall), and reports
  /// each call to the StreamEndListener. Task 3: stops producing primes as
  /// soon as the client is gone (it cancelled, its deadline passed or its
  /// connection dropped): every further prime would be wasted work.
  grpc::Status ListPrimes(grpc::ServerContext* context,
                          const ListPrimesRequest* request,
                          grpc::ServerWriter<Prime>* writer) override;

  /// Sets who hears about every finished ListPrimes call. Thread-safe.
  void SetStreamEndListener(StreamEndListener listener) {
    std::lock_guard<std::mutex> lock(mutex_);
    listener_ = std::move(listener);
  }

 private:
  void Report(const PrimeStreamReport& report) {
    StreamEndListener listener;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      listener = listener_;
    }
    if (listener) listener(report);
  }

  std::mutex mutex_;
  StreamEndListener listener_;
};
// [end prime-service]

}  // namespace workbook::server_streaming

#endif  // WORKBOOK_02_SERVER_STREAMING_SERVER_H_
