#include <zlib.h>

#include <string>

#include "server.h"

namespace workbook::client_streaming {

grpc::Status FileStoreService::Upload(grpc::ServerContext* context,
                                      grpc::ServerReader<FileChunk>* reader,
                                      UploadSummary* summary) {
  // TODO(03.2): reply with the upload's summary (chunks, bytes, zlib's
  // CRC-32) while holding at most one chunk, and tell ledger_ about every
  // chunk read and how each upload ended. The tests check: empty, one-chunk,
  // 10,000-chunk and empty-chunk uploads; two uploads at once; the ledger's
  // totals; exactly max_upload_bytes_ is accepted, one chunk past it is
  // RESOURCE_EXHAUSTED naming the limit and nothing more is read; a chunk
  // gRPC itself refuses is never read; an upload the client cancels midway
  // counts as cancelled and is not stored.
  (void)context;
  (void)reader;
  (void)summary;
  return grpc::Status(
      grpc::StatusCode::UNIMPLEMENTED,
      "TODO(03.2): FileStoreService::Upload is not written yet");
}

}  // namespace workbook::client_streaming
