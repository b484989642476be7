// A Greeter whose behaviour each test writes as a lambda: the fake server of
// the client tests and of the lesson's facts.
#ifndef WORKBOOK_06_METADATA_TESTS_SCRIPTED_GREETER_H_
#define WORKBOOK_06_METADATA_TESTS_SCRIPTED_GREETER_H_

#include <grpcpp/grpcpp.h>

#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "metadata.grpc.pb.h"

namespace workbook::metadata {

/// Owned copies of what a handler received: client_metadata() holds views
/// into the call, gone when the handler returns.
using ReceivedHeaders = std::multimap<std::string, std::string>;

/// A Greeter that runs the handler a test scripted. The test sets the
/// handlers while the server runs and handler threads read them, so they
/// are guarded by a mutex (ThreadSanitizer cannot see gRPC's own hand-off).
class ScriptedGreeter final : public Greeter::Service {
 public:
  using Unary = std::function<grpc::Status(grpc::ServerContext*,
                                           const HelloRequest&, HelloReply*)>;
  using Stream =
      std::function<grpc::Status(grpc::ServerContext*, const HelloRequest&,
                                 grpc::ServerWriter<HelloReply>*)>;

  void OnSayHello(Unary handler) {
    std::lock_guard<std::mutex> lock(mutex_);
    unary_ = std::move(handler);
  }
  void OnSayHelloServerStream(Stream handler) {
    std::lock_guard<std::mutex> lock(mutex_);
    stream_ = std::move(handler);
  }

  /// The client headers of the last call, copied.
  ReceivedHeaders last_headers() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return last_headers_;
  }
  /// The deadline the last call's handler saw.
  std::chrono::system_clock::time_point last_deadline() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return last_deadline_;
  }
  /// How many calls reached a handler.
  int calls() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return calls_;
  }

  grpc::Status SayHello(grpc::ServerContext* context,
                        const HelloRequest* request,
                        HelloReply* reply) override {
    return Record(*context, unary_)(context, *request, reply);
  }
  grpc::Status SayHelloServerStream(
      grpc::ServerContext* context, const HelloRequest* request,
      grpc::ServerWriter<HelloReply>* writer) override {
    return Record(*context, stream_)(context, *request, writer);
  }

 private:
  // Remembers what the call brought and returns the handler to run.
  template <typename Handler>
  Handler Record(const grpc::ServerContext& context, const Handler& handler) {
    ReceivedHeaders headers;
    for (const auto& [key, value] : context.client_metadata()) {
      headers.emplace(std::string(key.data(), key.size()),
                      std::string(value.data(), value.size()));
    }
    std::lock_guard<std::mutex> lock(mutex_);
    last_headers_ = std::move(headers);
    last_deadline_ = context.deadline();
    ++calls_;
    if (handler) return handler;
    return [](auto...) {
      return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "not scripted");
    };
  }

  mutable std::mutex mutex_;
  Unary unary_;
  Stream stream_;
  ReceivedHeaders last_headers_;
  std::chrono::system_clock::time_point last_deadline_;
  int calls_ = 0;
};

/// The first value of `key` in `headers`, or nothing. (Never dereference
/// find() unchecked: a key the other side did not send is simply absent.)
inline std::optional<std::string> HeaderOf(const ReceivedHeaders& headers,
                                           const std::string& key) {
  const auto it = headers.find(key);
  if (it == headers.end()) return std::nullopt;
  return it->second;
}

/// All 256 byte values, 0x00 to 0xFF, in order.
inline std::string AllByteValues() {
  std::string bytes(256, '\0');
  for (int i = 0; i < 256; ++i) bytes[i] = static_cast<char>(i);
  return bytes;
}

}  // namespace workbook::metadata

#endif  // WORKBOOK_06_METADATA_TESTS_SCRIPTED_GREETER_H_
