// Lesson 05: the guest book, the side effect every server of this lesson
// commits to. Signing it is what a client cannot take back by cancelling.
#ifndef WORKBOOK_05_DEADLINES_CANCEL_BOOK_H_
#define WORKBOOK_05_DEADLINES_CANCEL_BOOK_H_

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace workbook::deadlines {

/// One line of the book.
struct Signature {
  std::string request_id;     ///< The request that wrote this line.
  std::string name;           ///< Who signed.
  uint32_t guest_number = 0;  ///< The line's number, from 1.
};

/// What one Book::Sign() call did.
struct SignResult {
  /// The guest's line in the book.
  uint32_t guest_number = 0;
  /// True when `request_id` had signed before, so nothing was written.
  bool replayed = false;
};

// [begin book]
/// The guest book. Every server of the lesson shares one, and the tests
/// count its lines: "did the server do it?" has an exact answer here.
/// Thread-safe: handlers on several threads sign at once.
class Book {
 public:
  /// Task 3: signs `name` into the book, once per `request_id`. The first
  /// call with a request id appends a line; a later call with the same id
  /// writes nothing and returns the first call's guest number, marked
  /// `replayed`. A retry of a request that did sign is then harmless.
  SignResult Sign(const std::string& request_id, const std::string& name);

  /// How many lines the book has.
  std::size_t size() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return lines_.size();
  }
  /// A copy of every line, in order.
  std::vector<Signature> lines() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return lines_;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<Signature> lines_;  // Guarded by mutex_.
  // For Task 3: which line each request id wrote (index into lines_).
  // Guarded by mutex_.
  std::unordered_map<std::string, std::size_t> line_of_request_;
};
// [end book]

}  // namespace workbook::deadlines

#endif  // WORKBOOK_05_DEADLINES_CANCEL_BOOK_H_
