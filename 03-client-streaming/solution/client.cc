#include "client.h"

namespace workbook::client_streaming {

grpc::Status GreeterClient::SayHelloClientStream(
    const std::vector<std::string>& names, std::string* greeting) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + deadline_);

  // Starting a client-streaming call returns a writer at once; the single
  // reply is written into `reply` when the call finishes.
  HelloReply reply;
  std::unique_ptr<grpc::ClientWriter<HelloRequest>> writer =
      stub_->SayHelloClientStream(&context, &reply);
  HelloRequest request;
  for (const std::string& name : names) {
    request.set_name(name);
    // false: the call is already over (see FileUploader::Upload).
    if (!writer->Write(request)) break;
  }
  // "That was the last one": the server's Read() now returns false, and
  // only then does it reply.
  writer->WritesDone();
  // Finish() waits for the server's status (and the reply, if OK).
  grpc::Status status = writer->Finish();
  if (status.ok()) *greeting = reply.message();
  return status;
}

grpc::Status FileUploader::Upload(const ChunkSource& next_chunk,
                                  UploadSummary* summary) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + deadline_);

  UploadSummary reply;
  std::unique_ptr<grpc::ClientWriter<FileChunk>> writer =
      stub_->Upload(&context, &reply);
  FileChunk chunk;
  while (next_chunk(&chunk)) {
    // Write() blocks until gRPC can take the chunk. Flow control makes a
    // fast client wait for a slow server, so neither piles up chunks.
    if (!writer->Write(chunk)) {
      // A failed write means the call is over: the server has already
      // answered (it rejected the upload) or the call broke (deadline,
      // cancellation, lost connection). Writing more is pointless, and the
      // write itself cannot say why: Finish() can.
      break;
    }
  }
  // Half-close: the server's Read() returns false and it replies. After a
  // failed write this does nothing, and that is fine.
  writer->WritesDone();
  // The call's real outcome: the server's status and message, or gRPC's.
  grpc::Status status = writer->Finish();
  if (status.ok()) *summary = reply;
  return status;
}

}  // namespace workbook::client_streaming
