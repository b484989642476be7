#include "metadata_rules.h"

#include <string>

namespace workbook::metadata {

namespace {

grpc::Status Broken(std::string_view key, const std::string& rule) {
  return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                      "metadata key \"" + std::string(key) + "\" " + rule);
}

}  // namespace

grpc::Status ValidateMetadata(std::string_view key, std::string_view value) {
  if (key.empty()) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        "a metadata key must not be empty");
  }
  for (const char c : key) {
    if (c >= 'A' && c <= 'Z') {
      return Broken(key, "has an upper-case letter; keys are lower case");
    }
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                         c == '_' || c == '-' || c == '.';
    if (!allowed) {
      return Broken(key, "has a character outside 0-9 a-z _ - .");
    }
  }
  // gRPC itself would send it; the protocol reserves the prefix for gRPC.
  if (key.rfind("grpc-", 0) == 0) {
    return Broken(key, "starts with \"grpc-\", which gRPC reserves");
  }
  if (IsBinaryKey(key)) return grpc::Status::OK;  // Any bytes at all.
  for (const char c : value) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte > 0x7E) {
      return Broken(key,
                    "has a value with a byte that is not printable ASCII "
                    "(0x20-0x7E); send bytes under a key ending in -bin");
    }
  }
  return grpc::Status::OK;
}

}  // namespace workbook::metadata
