#include "client.h"

namespace workbook::server_streaming {

grpc::Status GreeterClient::SayHelloServerStream(
    const std::string& name, uint32_t count,
    std::vector<std::string>* greetings) {
  HelloRequest request;
  request.set_name(name);
  request.set_count(count);
  grpc::ClientContext context;
  // The deadline covers the whole stream, not each message.
  context.set_deadline(std::chrono::system_clock::now() + deadline_);

  // The call starts here; the request is sent, and replies arrive as the
  // server writes them. Read() blocks for the next one and returns false
  // when there are no more: the stream ended, well or badly.
  std::unique_ptr<grpc::ClientReader<HelloReply>> reader =
      stub_->SayHelloServerStream(&context, request);
  HelloReply reply;
  while (reader->Read(&reply)) {
    greetings->push_back(reply.message());
  }
  // Only Finish() says how it ended: OK, or the error that cut it short,
  // possibly after some greetings arrived. Always call it.
  return reader->Finish();
}

grpc::Status PrimesClient::ListPrimes(uint32_t count,
                                      const PrimeHandler& on_prime) {
  ListPrimesRequest request;
  request.set_count(count);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + deadline_);

  std::unique_ptr<grpc::ClientReader<Prime>> reader =
      stub_->ListPrimes(&context, request);
  Prime prime;
  bool stopped_early = false;
  while (reader->Read(&prime)) {
    if (!on_prime(prime)) {
      // Tell the server to stop: it sees IsCancelled() and its next Write()
      // fails. Merely leaving the loop would not: the server would fill the
      // stream's window and wait, and so would our Finish(), until the
      // deadline.
      context.TryCancel();
      stopped_early = true;
      break;
    }
  }
  const grpc::Status status = reader->Finish();
  // After our own TryCancel() the status is CANCELLED (or OK, if the
  // server finished first): either way, not an error for our caller.
  if (stopped_early && status.error_code() == grpc::StatusCode::CANCELLED) {
    return grpc::Status::OK;
  }
  return status;
}

}  // namespace workbook::server_streaming
