// Lesson 06: the metadata keys the Greeter and its clients agree on. A
// .proto cannot declare metadata, so these names are the contract's other
// half: both sides include this file instead of spelling the strings twice.
#ifndef WORKBOOK_06_METADATA_METADATA_KEYS_H_
#define WORKBOOK_06_METADATA_METADATA_KEYS_H_

#include <string_view>

namespace workbook::metadata {

// [begin keys]
/// Client header: the caller's credentials, "Bearer <token>". The name is
/// HTTP's, lower case: every metadata key is lower case.
inline constexpr std::string_view kAuthorizationKey = "authorization";
/// The scheme that starts a valid authorization value, space included.
inline constexpr std::string_view kBearerPrefix = "Bearer ";
/// Client header, optional: an id to find this call again in logs. The
/// server echoes it in its headers, or generates one when there is none.
inline constexpr std::string_view kRequestIdKey = "x-request-id";
/// Server header: which server answered.
inline constexpr std::string_view kServedByKey = "x-served-by";
/// Server trailer: microseconds the server spent on the call. A trailer,
/// because it is only known once the call is over.
inline constexpr std::string_view kElapsedKey = "x-elapsed-us";
/// Client header the lesson's client may send with raw bytes: a key ending
/// in "-bin" carries any bytes (gRPC base64-encodes them on the wire).
inline constexpr std::string_view kTraceContextKey = "trace-context-bin";
// [end keys]

/// The domain of every ErrorInfo this service sends.
inline constexpr std::string_view kErrorDomain = "workbook.metadata";

}  // namespace workbook::metadata

#endif  // WORKBOOK_06_METADATA_METADATA_KEYS_H_
