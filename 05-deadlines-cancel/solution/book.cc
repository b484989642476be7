#include "book.h"

#include <string>

namespace workbook::deadlines {

SignResult Book::Sign(const std::string& request_id, const std::string& name) {
  std::lock_guard<std::mutex> lock(mutex_);
  // Look up and append under one lock: two attempts of the same request
  // arriving at once must not both find "not signed yet".
  if (auto known = line_of_request_.find(request_id);
      known != line_of_request_.end()) {
    return {lines_[known->second].guest_number, /*replayed=*/true};
  }
  const auto guest_number = static_cast<uint32_t>(lines_.size() + 1);
  lines_.push_back({request_id, name, guest_number});
  line_of_request_.emplace(request_id, lines_.size() - 1);
  return {guest_number, /*replayed=*/false};
}

}  // namespace workbook::deadlines
