#include "client.h"

namespace workbook::client_streaming {

grpc::Status GreeterClient::SayHelloClientStream(
    const std::vector<std::string>& names, std::string* greeting) {
  // TODO(03.1): send every name, in order, in one call (all within
  // `deadline_`) and wait for the server's one greeting. On success
  // *greeting holds it; on failure it is left alone and the caller gets the
  // status exactly as gRPC reported it. The tests check: the names arrive in
  // order in a single call and the greeting comes back; an empty list is
  // answered too; the deadline reaches the server; the server's own error
  // comes back unchanged; no server at all gives UNAVAILABLE.
  (void)names;
  (void)greeting;
  return grpc::Status(
      grpc::StatusCode::UNIMPLEMENTED,
      "TODO(03.1): GreeterClient::SayHelloClientStream is not written yet");
}

grpc::Status FileUploader::Upload(const ChunkSource& next_chunk,
                                  UploadSummary* summary) {
  // TODO(03.1): upload the chunks next_chunk produces, in order, in one call
  // (within `deadline_`), and wait for the server's summary: on success it
  // goes into *summary, on failure *summary is left alone. The server may
  // refuse before the end: then take no more chunks and return its status.
  // The tests check: 100 chunks in order and the server's own summary; an
  // empty upload; a server that refuses after 3 chunks of a million stops
  // the upload and its RESOURCE_EXHAUSTED comes back unchanged; the
  // deadline reaches the server; no server at all gives UNAVAILABLE.
  (void)next_chunk;
  (void)summary;
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED,
                      "TODO(03.1): FileUploader::Upload is not written yet");
}

}  // namespace workbook::client_streaming
