#include "rich_errors.h"

#include <string>

#include "metadata_keys.h"

namespace workbook::metadata {

// [begin rich-error]
grpc::Status RichError(grpc::StatusCode code, const std::string& message,
                       const std::string& reason,
                       const std::map<std::string, std::string>& metadata) {
  ErrorInfo info;
  info.set_reason(reason);
  info.set_domain(std::string(kErrorDomain));
  info.mutable_metadata()->insert(metadata.begin(), metadata.end());
  RichStatus rich;
  rich.set_code(static_cast<int>(code));
  rich.set_message(message);
  rich.add_details()->PackFrom(info);
  // The third argument is opaque bytes to gRPC: it sends them as the trailer
  // grpc-status-details-bin, and the client's Status::error_details() gives
  // them back. By convention they are a serialized google.rpc.Status.
  return grpc::Status(code, message, rich.SerializeAsString());
}

std::optional<ErrorInfo> ErrorInfoOf(const grpc::Status& status) {
  if (status.error_details().empty()) return std::nullopt;
  RichStatus rich;
  // Bytes from the network: parsing may fail, and then there is nothing.
  if (!rich.ParseFromString(status.error_details())) return std::nullopt;
  for (const google::protobuf::Any& detail : rich.details()) {
    ErrorInfo info;
    if (detail.UnpackTo(&info)) return info;
  }
  return std::nullopt;
}
// [end rich-error]

}  // namespace workbook::metadata
