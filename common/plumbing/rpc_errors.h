// Turning a failed call into one line a person can act on.
#ifndef WORKBOOK_COMMON_PLUMBING_RPC_ERRORS_H_
#define WORKBOOK_COMMON_PLUMBING_RPC_ERRORS_H_

#include <grpcpp/support/status.h>

#include <string>
#include <string_view>

namespace workbook {

/// The status code's name as gRPC documents it: "INVALID_ARGUMENT", ...
std::string StatusCodeName(grpc::StatusCode code);

/// "UNAVAILABLE: failed to connect to all addresses"
std::string DescribeStatus(const grpc::Status& status);

/// Prints "error: <rpc> to <target> failed: <CODE>: <message>" on stderr and
/// returns the exit code a client should end with (1).
int ReportRpcFailure(std::string_view rpc, std::string_view target,
                     const grpc::Status& status);

}  // namespace workbook

#endif  // WORKBOOK_COMMON_PLUMBING_RPC_ERRORS_H_
