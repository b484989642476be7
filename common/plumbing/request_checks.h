// Checks of request fields that every workbook server applies the same way.
#ifndef WORKBOOK_COMMON_PLUMBING_REQUEST_CHECKS_H_
#define WORKBOOK_COMMON_PLUMBING_REQUEST_CHECKS_H_

#include <grpcpp/support/status.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace workbook {

/// OK when `value` holds more than spaces and is at most `max_bytes` long;
/// otherwise INVALID_ARGUMENT with a message that names `field` and says what
/// to change: "name must not be empty", or "name is 150 bytes long; the limit
/// is 100". Lesson 01 has students write this check themselves
/// (ValidateName); later lessons call this one.
grpc::Status CheckTextField(std::string_view field, const std::string& value,
                            std::size_t max_bytes);

}  // namespace workbook

#endif  // WORKBOOK_COMMON_PLUMBING_REQUEST_CHECKS_H_
