// Lesson 06 (given): checks of what a client sends - the request message,
// and the request id a server echoes back.
#ifndef WORKBOOK_06_METADATA_REQUESTS_H_
#define WORKBOOK_06_METADATA_REQUESTS_H_

#include <grpcpp/support/status.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "metadata.pb.h"

namespace workbook::metadata {

/// The longest name SayHello and SayHelloServerStream accept.
inline constexpr std::size_t kMaxNameBytes = 100;
/// The most greetings one SayHelloServerStream call may ask for.
inline constexpr uint32_t kMaxGreetings = 100;

/// OK, or INVALID_ARGUMENT naming the field to fix: the name must hold more
/// than spaces and be at most kMaxNameBytes long; when `streaming`, the count
/// must be 1 to kMaxGreetings.
grpc::Status CheckHelloRequest(const HelloRequest& request, bool streaming);

/// The longest request id the Greeter accepts and echoes.
inline constexpr std::size_t kMaxRequestIdBytes = 64;

/// A fresh request id, 32 lower-case hex digits (128 random bits).
/// Thread-safe.
std::string NewRequestId();

/// OK when `id` is 1 to kMaxRequestIdBytes characters of `A-Z a-z 0-9 . _ :
/// -`; otherwise INVALID_ARGUMENT saying so. A server echoes what a client
/// sent only after this check: a value it copies into its own headers must
/// be legal *and* small, or a client could make the server's reply fail.
grpc::Status CheckRequestId(std::string_view id);

}  // namespace workbook::metadata

#endif  // WORKBOOK_06_METADATA_REQUESTS_H_
