// Lesson 03: the server side of client streaming. Two services: the original
// tutorial's Greeter, and a FileStore that takes uploads.
#ifndef WORKBOOK_03_CLIENT_STREAMING_SERVER_H_
#define WORKBOOK_03_CLIENT_STREAMING_SERVER_H_

#include <grpcpp/grpcpp.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "client_streaming.grpc.pb.h"
#include "upload_ledger.h"

namespace workbook::client_streaming {

/// The longest name SayHelloClientStream accepts, in bytes.
inline constexpr std::size_t kMaxNameBytes = 100;

/// The most names one SayHelloClientStream call may send. The greeting needs
/// every name, so the server must hold them all until the stream ends; a
/// limit keeps that memory bounded whatever a client sends.
inline constexpr std::size_t kMaxNamesPerGreeting = 100;

/// The upload size limit of a FileStoreService built without one (64 MiB).
inline constexpr int64_t kDefaultMaxUploadBytes = int64_t{64} << 20;

/// Given: the greeting for `names`: "Hello, Ada!", "Hello, Ada and Grace!",
/// "Hello, Ada, Grace and Linus!", and for no names "Hello, nobody!".
std::string GreetingFor(const std::vector<std::string>& names);

// [begin greeter-service]
/// The Greeter service: one greeting for a stream of names.
///
/// With a `stream` request type the generated method receives a
/// grpc::ServerReader instead of one request: the handler pulls the messages
/// with Read() and returns the reply and status once, at the end. gRPC runs
/// each call on its own thread, so the handler keeps its state in locals.
class GreeterService final : public Greeter::Service {
 public:
  /// Task 3: reads every name, then replies with one greeting for them all
  /// ("Hello, Ada, Grace and Linus!"; "Hello, nobody!" for no names).
  ///
  /// Rejects the whole call mid-stream, and stops reading, at the first bad
  /// name: INVALID_ARGUMENT for an empty (or only spaces) or over-long name,
  /// saying which name (by position, from 1) and what is wrong with it;
  /// RESOURCE_EXHAUSTED for more than kMaxNamesPerGreeting names.
  grpc::Status SayHelloClientStream(grpc::ServerContext* context,
                                    grpc::ServerReader<HelloRequest>* reader,
                                    HelloReply* reply) override;
};
// [end greeter-service]

// [begin file-store-service]
/// The FileStore service: takes uploads chunk by chunk and answers each with
/// a summary (chunks, bytes, CRC-32).
///
/// It keeps only a running summary per upload, never the data, so memory
/// stays bounded however large or many the uploads are. Its ledger() counts
/// what it has seen.
class FileStoreService final : public FileStore::Service {
 public:
  /// `max_upload_bytes`: the largest upload it accepts.
  explicit FileStoreService(int64_t max_upload_bytes = kDefaultMaxUploadBytes)
      : max_upload_bytes_(max_upload_bytes) {}

  /// Task 2: reads chunks until the client has sent its last one, then
  /// replies with the summary of all of them. No chunks at all is a valid,
  /// empty upload: chunks 0, bytes 0, crc32 0.
  ///
  /// Reports every chunk read to ledger().ChunkRead() and the end of every
  /// upload to ledger().UploadEnded() with the status it returns.
  /// RESOURCE_EXHAUSTED, naming the limit, as soon as the upload grows past
  /// `max_upload_bytes` (it stops reading there). When the call was
  /// cancelled before the client finished (client cancel, deadline, broken
  /// connection), the upload is incomplete: it returns CANCELLED, so the
  /// ledger discards it instead of storing it.
  grpc::Status Upload(grpc::ServerContext* context,
                      grpc::ServerReader<FileChunk>* reader,
                      UploadSummary* summary) override;

  /// The largest upload this service accepts, in bytes.
  int64_t max_upload_bytes() const { return max_upload_bytes_; }

  /// What the service has seen so far.
  const UploadLedger& ledger() const { return ledger_; }

 private:
  const int64_t max_upload_bytes_;
  UploadLedger ledger_;
};
// [end file-store-service]

}  // namespace workbook::client_streaming

#endif  // WORKBOOK_03_CLIENT_STREAMING_SERVER_H_
