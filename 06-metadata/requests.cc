#include "requests.h"

#include <cstdint>
#include <mutex>
#include <random>
#include <string>

#include "common/plumbing/request_checks.h"

namespace workbook::metadata {

grpc::Status CheckHelloRequest(const HelloRequest& request, bool streaming) {
  if (grpc::Status name = CheckTextField("name", request.name(), kMaxNameBytes);
      !name.ok()) {
    return name;
  }
  if (streaming && (request.count() < 1 || request.count() > kMaxGreetings)) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        "count must be 1 to " + std::to_string(kMaxGreetings) +
                            "; got " + std::to_string(request.count()));
  }
  return grpc::Status::OK;
}

std::string NewRequestId() {
  // One generator for the process, seeded once from the system's entropy;
  // handlers run on many threads, hence the lock.
  static std::mutex mutex;
  static std::mt19937_64 generator{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(32, '0');
  std::lock_guard<std::mutex> lock(mutex);
  for (int half = 0; half < 2; ++half) {
    uint64_t bits = generator();
    for (int i = 0; i < 16; ++i, bits >>= 4)
      id[half * 16 + i] = kHex[bits & 15];
  }
  return id;
}

grpc::Status CheckRequestId(std::string_view id) {
  const auto refuse = [&](const std::string& why) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        "x-request-id " + why + "; it must be 1 to " +
                            std::to_string(kMaxRequestIdBytes) +
                            " characters of A-Z a-z 0-9 . _ : -");
  };
  if (id.empty()) return refuse("is empty");
  if (id.size() > kMaxRequestIdBytes) {
    return refuse("is " + std::to_string(id.size()) + " bytes long");
  }
  for (const char c : id) {
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                         (c >= '0' && c <= '9') || c == '.' || c == '_' ||
                         c == ':' || c == '-';
    // Never quote the offending byte: the message goes back to the client,
    // and a byte it cannot print helps nobody.
    if (!allowed) return refuse("holds a character outside that set");
  }
  return grpc::Status::OK;
}

}  // namespace workbook::metadata
