#include "client.h"

namespace workbook::server_streaming {

grpc::Status GreeterClient::SayHelloServerStream(
    const std::string& name, uint32_t count,
    std::vector<std::string>* greetings) {
  // TODO(02.2): build a HelloRequest (name and count) and a ClientContext
  // with a deadline of `deadline_`. stub_->SayHelloServerStream(&context,
  // request) returns a ClientReader: Read() each HelloReply until it returns
  // false, appending its message to *greetings, then return Finish().
  (void)name;
  (void)count;
  (void)greetings;
  return grpc::Status(
      grpc::StatusCode::UNIMPLEMENTED,
      "TODO(02.2): GreeterClient::SayHelloServerStream is not written yet");
}

grpc::Status PrimesClient::ListPrimes(uint32_t count,
                                      const PrimeHandler& on_prime) {
  // TODO(02.2): the same reading loop for stub_->ListPrimes, calling
  // on_prime(prime) for each prime. When it returns false, call
  // context.TryCancel(), stop reading, and return OK if Finish() then
  // reports CANCELLED (you cancelled on purpose). Otherwise return Finish().
  (void)count;
  (void)on_prime;
  return grpc::Status(
      grpc::StatusCode::UNIMPLEMENTED,
      "TODO(02.2): PrimesClient::ListPrimes is not written yet");
}

}  // namespace workbook::server_streaming
