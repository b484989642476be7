// Lesson 02: what one request may ask for. A stream makes it easy to ask for
// a lot; a server that does not bound what one call may cost can be made to
// work forever by a single client. These checks run before any work starts.
// Shared by both tracks: they are not an exercise.
#ifndef WORKBOOK_02_SERVER_STREAMING_REQUESTS_H_
#define WORKBOOK_02_SERVER_STREAMING_REQUESTS_H_

#include <grpcpp/grpcpp.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "common/plumbing/request_checks.h"
#include "server_streaming.pb.h"

namespace workbook::server_streaming {

/// The longest name SayHelloServerStream accepts, in bytes.
inline constexpr std::size_t kMaxNameBytes = 100;

/// The most greetings one SayHelloServerStream call may ask for.
inline constexpr uint32_t kMaxGreetings = 1000;

/// How many greetings a request without a count gets: one in each of the 8
/// languages. The original tutorial sends a name only, and proto3 cannot
/// tell an unset count from 0, so 0 means "not said", not "none".
inline constexpr uint32_t kDefaultGreetings = 8;

/// How many greetings `request` asks for: its count, or kDefaultGreetings
/// when the count is not set (0).
inline uint32_t GreetingCount(const HelloRequest& request) {
  return request.count() == 0 ? kDefaultGreetings : request.count();
}

/// The most primes one ListPrimes call may ask for.
inline constexpr uint32_t kMaxPrimesPerCall = 100000;

/// OK for a name of 1 to kMaxNameBytes bytes (not only spaces) and a count
/// of at most kMaxGreetings (0: not set); INVALID_ARGUMENT saying what to
/// change otherwise.
inline grpc::Status ValidateHelloRequest(const HelloRequest& request) {
  if (grpc::Status invalid =
          CheckTextField("name", request.name(), kMaxNameBytes);
      !invalid.ok()) {
    return invalid;
  }
  if (request.count() > kMaxGreetings) {
    return grpc::Status(
        grpc::StatusCode::INVALID_ARGUMENT,
        "count is " + std::to_string(request.count()) +
            ": set HelloRequest.count to how many greetings you want, 1 to " +
            std::to_string(kMaxGreetings) +
            " (unset: " + std::to_string(kDefaultGreetings) + ")");
  }
  return grpc::Status::OK;
}

// [begin validate-list-primes]
/// OK for a count of 0 to kMaxPrimesPerCall; INVALID_ARGUMENT naming the
/// limit otherwise.
inline grpc::Status ValidateListPrimesRequest(
    const ListPrimesRequest& request) {
  if (request.count() > kMaxPrimesPerCall) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        "count is " + std::to_string(request.count()) +
                            "; one ListPrimes call streams at most " +
                            std::to_string(kMaxPrimesPerCall) + " primes");
  }
  return grpc::Status::OK;
}
// [end validate-list-primes]

}  // namespace workbook::server_streaming

#endif  // WORKBOOK_02_SERVER_STREAMING_REQUESTS_H_
