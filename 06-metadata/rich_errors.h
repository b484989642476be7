// Lesson 06 (given): errors that carry more than a code and a sentence, in
// the google.rpc.Status shape every gRPC language understands.
#ifndef WORKBOOK_06_METADATA_RICH_ERRORS_H_
#define WORKBOOK_06_METADATA_RICH_ERRORS_H_

#include <grpcpp/support/status.h>

#include <map>
#include <optional>
#include <string>

#include "metadata.pb.h"

namespace workbook::metadata {

/// A status `code` with `message` whose details hold a RichStatus with one
/// ErrorInfo{reason, domain kErrorDomain, metadata}. gRPC sends the details
/// as the trailer grpc-status-details-bin next to grpc-status and
/// grpc-message.
grpc::Status RichError(grpc::StatusCode code, const std::string& message,
                       const std::string& reason,
                       const std::map<std::string, std::string>& metadata = {});

/// The ErrorInfo inside `status`'s details, or nothing when the status has
/// no details, they are not a RichStatus, or it holds no ErrorInfo. Never
/// trusts the bytes: whatever a server sent, this returns or says nothing.
std::optional<ErrorInfo> ErrorInfoOf(const grpc::Status& status);

}  // namespace workbook::metadata

#endif  // WORKBOOK_06_METADATA_RICH_ERRORS_H_
