#include <zlib.h>

#include <string>

#include "server.h"

namespace workbook::client_streaming {
namespace {

// Adds one chunk to the running summary, the only state an upload keeps.
void AddToSummary(const FileChunk& chunk, UploadSummary* summary) {
  const std::string& data = chunk.data();
  summary->set_chunks(summary->chunks() + 1);
  summary->set_bytes(summary->bytes() + static_cast<int64_t>(data.size()));
  // crc32() continues from the CRC so far, so earlier chunks are not needed.
  summary->set_crc32(static_cast<uint32_t>(
      crc32(summary->crc32(), reinterpret_cast<const Bytef*>(data.data()),
            static_cast<uInt>(data.size()))));
}

// Reads the whole upload into `received`; returns how the upload ended.
grpc::Status ReceiveChunks(grpc::ServerContext* context,
                           grpc::ServerReader<FileChunk>* reader,
                           int64_t max_upload_bytes, UploadLedger& ledger,
                           UploadSummary* received) {
  FileChunk chunk;  // Every Read() reuses it: one chunk in memory at a time.
  // Read() blocks until the next chunk arrives. It returns false when the
  // stream has ended: the client called WritesDone(), or the call broke.
  while (reader->Read(&chunk)) {
    ledger.ChunkRead(static_cast<int64_t>(chunk.data().size()));
    const int64_t size =
        received->bytes() + static_cast<int64_t>(chunk.data().size());
    if (size > max_upload_bytes) {
      // Returning ends the call now: the server stops reading, gRPC sends
      // this status at once, and the client's next Write() fails.
      return grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED,
                          "upload too large: this server accepts at most " +
                              std::to_string(max_upload_bytes) +
                              " bytes, and chunk " +
                              std::to_string(received->chunks() + 1) +
                              " brings it to " + std::to_string(size));
    }
    AddToSummary(chunk, received);
  }
  // A false Read() does not say why the stream ended; IsCancelled() does.
  // A cancelled call (by the client, its deadline or a lost connection) is
  // an incomplete upload, however normal its last chunk looked.
  if (context->IsCancelled()) {
    return grpc::Status(grpc::StatusCode::CANCELLED,
                        "the upload was cancelled");
  }
  return grpc::Status::OK;
}

}  // namespace

grpc::Status FileStoreService::Upload(grpc::ServerContext* context,
                                      grpc::ServerReader<FileChunk>* reader,
                                      UploadSummary* summary) {
  UploadSummary received;  // Three numbers, however large the file.
  const grpc::Status status =
      ReceiveChunks(context, reader, max_upload_bytes_, ledger_, &received);
  // The ledger stores the upload only if it ended OK, and discards it
  // otherwise: a rejected or cancelled upload leaves nothing behind.
  ledger_.UploadEnded(status, received);
  if (status.ok()) *summary = received;
  return status;
}

}  // namespace workbook::client_streaming
