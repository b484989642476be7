// Lesson 03: the client side of client streaming.
#ifndef WORKBOOK_03_CLIENT_STREAMING_CLIENT_H_
#define WORKBOOK_03_CLIENT_STREAMING_CLIENT_H_

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "client_streaming.grpc.pb.h"
#include "common/plumbing/server_runner.h"

namespace workbook::client_streaming {

/// The largest chunk worth sending: one chunk is one message, and a workbook
/// server refuses messages over kMaxReceiveMessageBytes (1 MiB). The 1 KiB
/// left over covers protobuf's few bytes of framing with room to spare.
inline constexpr std::size_t kMaxChunkBytes =
    workbook::kMaxReceiveMessageBytes - 1024;

// [begin chunk-source]
/// Produces an upload's chunks one at a time: fills `*chunk` with the next
/// piece and returns true, or returns false when there are no more. Pulling
/// chunks on demand means a client never holds more than one chunk, so it
/// can upload a file larger than its memory.
using ChunkSource = std::function<bool(FileChunk* chunk)>;
// [end chunk-source]

/// Calls Greeter.SayHelloClientStream.
class GreeterClient {
 public:
  /// `deadline` bounds every call this client makes.
  GreeterClient(std::shared_ptr<grpc::Channel> channel,
                std::chrono::milliseconds deadline)
      : stub_(Greeter::NewStub(std::move(channel))), deadline_(deadline) {}

  /// Task 1: sends each of `names` as one HelloRequest of a single
  /// SayHelloClientStream call (none at all is fine), tells the server that
  /// was the last one, and waits for its reply. On OK, stores the greeting in
  /// `*greeting`; otherwise returns the call's status and leaves it alone.
  grpc::Status SayHelloClientStream(const std::vector<std::string>& names,
                                    std::string* greeting);

 private:
  std::unique_ptr<Greeter::Stub> stub_;
  std::chrono::milliseconds deadline_;
};

// [begin file-uploader]
/// Uploads files to a FileStore, chunk by chunk.
class FileUploader {
 public:
  /// `deadline` bounds each whole upload, from the first chunk to the reply.
  FileUploader(std::shared_ptr<grpc::Channel> channel,
               std::chrono::milliseconds deadline)
      : stub_(FileStore::NewStub(std::move(channel))), deadline_(deadline) {}

  /// Task 1: uploads the chunks `next_chunk` produces, in one Upload call,
  /// then waits for the server's summary. On OK, stores it in `*summary`;
  /// otherwise returns the call's real status (e.g. the server's
  /// RESOURCE_EXHAUSTED, with its message) and leaves `*summary` alone.
  ///
  /// The server may answer before the client has sent everything (it
  /// rejected the upload), and a call may break: then a write fails, and the
  /// upload stops at once rather than pulling more chunks from `next_chunk`,
  /// however many it still has.
  grpc::Status Upload(const ChunkSource& next_chunk, UploadSummary* summary);

 private:
  std::unique_ptr<FileStore::Stub> stub_;
  std::chrono::milliseconds deadline_;
};
// [end file-uploader]

}  // namespace workbook::client_streaming

#endif  // WORKBOOK_03_CLIENT_STREAMING_CLIENT_H_
