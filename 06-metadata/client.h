// Lesson 06: a Greeter client that sends headers and keeps what the server
// sent back.
#ifndef WORKBOOK_06_METADATA_CLIENT_H_
#define WORKBOOK_06_METADATA_CLIENT_H_

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "metadata.grpc.pb.h"

namespace workbook::metadata {

/// Metadata as the application keeps it: owned key-value pairs. Keys may
/// repeat.
using Metadata = std::vector<std::pair<std::string, std::string>>;

// [begin call-options]
/// What the client sends with one call, besides the request message.
struct CallOptions {
  /// Sent as "authorization: Bearer <token>" when not empty.
  std::string token;
  /// Sent as x-request-id when not empty.
  std::string request_id;
  /// Further headers, sent as they are, in this order. The caller has
  /// checked them (ValidateMetadata): gRPC 1.51 aborts on an illegal one.
  Metadata headers;
  /// The call's deadline, from when it starts.
  std::chrono::milliseconds deadline{2000};
};

/// Everything one call brought back. All of it is owned: it stays valid
/// after the call, its ClientContext and the client are gone.
struct CallRecord {
  /// How the call ended: OK, or the error (with its details, if any).
  grpc::Status status;
  /// The reply messages, in order (one for SayHello when it succeeded).
  std::vector<std::string> replies;
  /// The server's headers (initial metadata).
  Metadata server_headers;
  /// The server's trailers (trailing metadata), which came with the status.
  Metadata server_trailers;
};
// [end call-options]

/// Task 1: copies a metadata map gRPC hands out into owned strings, in the
/// map's order (by key; a repeated key's values in the order they came).
/// The map's string_refs point into memory the call owns: they are not
/// NUL-terminated and are gone with the ClientContext.
Metadata CopyMetadata(
    const std::multimap<grpc::string_ref, grpc::string_ref>& map);

/// The first value of `key` in `metadata`, if any.
inline std::optional<std::string> FindValue(const Metadata& metadata,
                                            std::string_view key) {
  for (const auto& [entry_key, value] : metadata) {
    if (entry_key == key) return value;
  }
  return std::nullopt;
}
/// Calls the Greeter with metadata.
class GreeterClient {
 public:
  /// Called once the server's headers have arrived, before the first reply.
  using HeadersListener = std::function<void(const Metadata& headers)>;

  /// A client whose calls go over `channel`.
  explicit GreeterClient(std::shared_ptr<grpc::Channel> channel)
      : stub_(Greeter::NewStub(std::move(channel))) {}

  /// Task 1: calls SayHello with `options`' headers and deadline and records
  /// the status, the reply, and the server's headers and trailers - the
  /// metadata also when the call failed.
  CallRecord SayHello(const std::string& name, const CallOptions& options);

  /// Task 1: the same for SayHelloServerStream, reading the whole stream.
  /// Hands the server's headers to `on_headers` (when set) as soon as they
  /// arrive - before the first reply is read - and records them too.
  CallRecord SayHelloServerStream(const std::string& name, uint32_t count,
                                  const CallOptions& options,
                                  const HeadersListener& on_headers = nullptr);

 private:
  std::unique_ptr<Greeter::Stub> stub_;
};

}  // namespace workbook::metadata

#endif  // WORKBOOK_06_METADATA_CLIENT_H_
