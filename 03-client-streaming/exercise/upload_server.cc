#include <zlib.h>

#include <string>

#include "server.h"

namespace workbook::client_streaming {

grpc::Status FileStoreService::Upload(grpc::ServerContext* context,
                                      grpc::ServerReader<FileChunk>* reader,
                                      UploadSummary* summary) {
  // TODO(03.2): Read() chunks until it returns false, keeping only a running
  // UploadSummary: count the chunks, add up their sizes, and continue the
  // CRC with zlib's crc32(crc_so_far, data, size). Tell ledger_ about every
  // chunk (ledger_.ChunkRead) and about how the upload ended
  // (ledger_.UploadEnded(status, summary)) before returning:
  //   - past max_upload_bytes_: stop reading, return RESOURCE_EXHAUSTED
  //     with a message that names the limit;
  //   - context->IsCancelled() after the last Read: return CANCELLED;
  //   - otherwise: copy the summary into *summary and return OK.
  (void)context;
  (void)reader;
  (void)summary;
  return grpc::Status(
      grpc::StatusCode::UNIMPLEMENTED,
      "TODO(03.2): FileStoreService::Upload is not written yet");
}

}  // namespace workbook::client_streaming
