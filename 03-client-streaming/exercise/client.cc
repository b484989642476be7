#include "client.h"

namespace workbook::client_streaming {

grpc::Status GreeterClient::SayHelloClientStream(
    const std::vector<std::string>& names, std::string* greeting) {
  // TODO(03.1): give the call a deadline of `deadline_` through a
  // grpc::ClientContext, start it with stub_->SayHelloClientStream (it
  // returns a ClientWriter and fills in a HelloReply later), Write one
  // HelloRequest per name, call WritesDone(), then Finish(). On OK copy the
  // reply's message into *greeting. Return Finish()'s status.
  (void)names;
  (void)greeting;
  return grpc::Status(
      grpc::StatusCode::UNIMPLEMENTED,
      "TODO(03.1): GreeterClient::SayHelloClientStream is not written yet");
}

grpc::Status FileUploader::Upload(const ChunkSource& next_chunk,
                                  UploadSummary* summary) {
  // TODO(03.1): the same shape with stub_->Upload: Write every chunk that
  // next_chunk produces, but stop as soon as a Write returns false (the call
  // is over: the server answered early or the call broke). Then WritesDone()
  // and Finish(); on OK copy the reply into *summary. Return Finish()'s
  // status: it says why a write failed.
  (void)next_chunk;
  (void)summary;
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED,
                      "TODO(03.1): FileUploader::Upload is not written yet");
}

}  // namespace workbook::client_streaming
