// Lesson 03: the FileStore's own accounting of the uploads it has handled.
// Not an exercise: the service reports to it, tests and programs read it.
#ifndef WORKBOOK_03_CLIENT_STREAMING_UPLOAD_LEDGER_H_
#define WORKBOOK_03_CLIENT_STREAMING_UPLOAD_LEDGER_H_

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>

#include "client_streaming.pb.h"

namespace workbook::client_streaming {

/// What a FileStoreService has seen, added up over all its uploads.
struct UploadTotals {
  /// Uploads that ended OK: the store kept them.
  int64_t uploads_stored = 0;
  /// The sizes of the stored uploads, added up.
  int64_t bytes_stored = 0;
  /// Uploads the service refused, e.g. for being over its size limit.
  int64_t uploads_rejected = 0;
  /// Uploads whose call ended before the client finished sending: cancelled
  /// by the client, past their deadline, or cut off with their connection.
  /// Discarded.
  int64_t uploads_cancelled = 0;
  /// Chunks read by all uploads together, however they ended.
  int64_t chunks_read = 0;
  /// The largest chunk read. The service keeps a running summary and reads
  /// every chunk into the same message, so this is also the most file data
  /// it ever held for one upload, however large the upload.
  int64_t largest_chunk_bytes = 0;
};

/// Thread-safe totals: gRPC runs each upload on its own thread.
class UploadLedger {
 public:
  /// Records a chunk of `bytes` bytes that an upload has just read.
  void ChunkRead(int64_t bytes) {
    Update([bytes](UploadTotals& totals) {
      ++totals.chunks_read;
      totals.largest_chunk_bytes = std::max(totals.largest_chunk_bytes, bytes);
    });
  }

  /// Records how an upload ended. Only an upload that ended OK is stored;
  /// CANCELLED counts as cancelled, any other status as rejected.
  void UploadEnded(const grpc::Status& status, const UploadSummary& summary) {
    Update([&](UploadTotals& totals) {
      if (status.ok()) {
        ++totals.uploads_stored;
        totals.bytes_stored += summary.bytes();
      } else if (status.error_code() == grpc::StatusCode::CANCELLED) {
        ++totals.uploads_cancelled;
      } else {
        ++totals.uploads_rejected;
      }
    });
  }

  /// A snapshot of the totals.
  UploadTotals totals() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return totals_;
  }

  /// Blocks until `condition` holds for the totals, at most `timeout`, and
  /// returns whether it holds. Tests wait for an event with this, never by
  /// sleeping.
  bool WaitUntil(const std::function<bool(const UploadTotals&)>& condition,
                 std::chrono::milliseconds timeout) const {
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return condition(totals_); });
  }

 private:
  void Update(const std::function<void(UploadTotals&)>& change) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      change(totals_);
    }
    changed_.notify_all();
  }

  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  UploadTotals totals_;
};

}  // namespace workbook::client_streaming

#endif  // WORKBOOK_03_CLIENT_STREAMING_UPLOAD_LEDGER_H_
