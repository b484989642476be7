// Given code (not a task): the input checks declared in server.h, the same on
// both tracks. Lesson 01 explains how to write them.
#include <string>

#include "server.h"

namespace workbook::bidi {

grpc::Status ValidateName(const std::string& name) {
  if (name.find_first_not_of(' ') == std::string::npos) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        "name must not be empty: say who you are");
  }
  if (name.size() > kMaxNameBytes) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        "name is " + std::to_string(name.size()) +
                            " bytes long; the limit is " +
                            std::to_string(kMaxNameBytes));
  }
  return grpc::Status::OK;
}

grpc::Status ValidateText(const std::string& text) {
  if (text.empty()) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        "a chat line must not be empty");
  }
  if (text.size() > kMaxTextBytes) {
    return grpc::Status(
        grpc::StatusCode::INVALID_ARGUMENT,
        "a chat line is at most " + std::to_string(kMaxTextBytes) +
            " bytes; this one is " + std::to_string(text.size()));
  }
  return grpc::Status::OK;
}

}  // namespace workbook::bidi
