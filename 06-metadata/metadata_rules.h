// Lesson 06: the rules a metadata entry must follow before it may be added to
// a call - and why this lesson checks them itself.
#ifndef WORKBOOK_06_METADATA_METADATA_RULES_H_
#define WORKBOOK_06_METADATA_METADATA_RULES_H_

#include <grpcpp/support/status.h>

#include <string_view>

namespace workbook::metadata {
/// Task 3: OK when `key: value` may be added to a call with
/// ClientContext::AddMetadata() or ServerContext::AddInitialMetadata() /
/// AddTrailingMetadata(); otherwise INVALID_ARGUMENT with a message that
/// quotes the key and names the rule it breaks:
///   - the key is not empty, and is made of `0-9 a-z _ - .` only (so no
///     upper case: HTTP/2 header names are lower case);
///   - the key does not start with "grpc-", which gRPC reserves;
///   - unless IsBinaryKey(key) (a binary value: any bytes), the value is
///     printable ASCII: bytes 0x20 (space) to 0x7E (~).
///
/// Why a lesson writes this: in gRPC 1.51 C++, adding an entry that breaks
/// the character rules does not fail the call - it aborts the process
/// ("API misuse of type GRPC_CALL_ERROR_INVALID_METADATA observed"). So
/// anything that comes from outside (a flag, a config file, a value another
/// client sent) is checked before it is added.
grpc::Status ValidateMetadata(std::string_view key, std::string_view value);

/// Whether `key` names a binary entry: it ends in "-bin" after at least one
/// other character (gRPC treats the key "-bin" alone as an ASCII key).
inline bool IsBinaryKey(std::string_view key) {
  constexpr std::string_view kSuffix = "-bin";
  return key.size() > kSuffix.size() &&
         key.substr(key.size() - kSuffix.size()) == kSuffix;
}

}  // namespace workbook::metadata

#endif  // WORKBOOK_06_METADATA_METADATA_RULES_H_
