#include <string>

#include "server.h"

namespace workbook::unary {

grpc::Status ValidateName(const std::string& name) {
  if (name.find_first_not_of(' ') == std::string::npos) {
    return grpc::Status(
        grpc::StatusCode::INVALID_ARGUMENT,
        "name must not be empty: set HelloRequest.name to who to greet");
  }
  if (name.size() > kMaxNameBytes) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        "name is " + std::to_string(name.size()) +
                            " bytes long; the limit is " +
                            std::to_string(kMaxNameBytes));
  }
  return grpc::Status::OK;
}

}  // namespace workbook::unary
