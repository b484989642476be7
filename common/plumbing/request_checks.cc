#include "common/plumbing/request_checks.h"

namespace workbook {

grpc::Status CheckTextField(std::string_view field, const std::string& value,
                            std::size_t max_bytes) {
  if (value.find_first_not_of(' ') == std::string::npos) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        std::string(field) + " must not be empty");
  }
  if (value.size() > max_bytes) {
    return grpc::Status(
        grpc::StatusCode::INVALID_ARGUMENT,
        std::string(field) + " is " + std::to_string(value.size()) +
            " bytes long; the limit is " + std::to_string(max_bytes));
  }
  return grpc::Status::OK;
}

}  // namespace workbook
