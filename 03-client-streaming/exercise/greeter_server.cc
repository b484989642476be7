#include <string>
#include <utility>
#include <vector>

#include "server.h"

namespace workbook::client_streaming {

grpc::Status GreeterService::SayHelloClientStream(
    grpc::ServerContext* /*context*/, grpc::ServerReader<HelloRequest>* reader,
    HelloReply* reply) {
  // TODO(03.3): Read() names until it returns false, then reply with
  // GreetingFor(names) and OK. Check each name as it arrives and, at the
  // first bad one, return at once (that stops reading):
  //   - empty, only spaces, or longer than kMaxNameBytes: INVALID_ARGUMENT,
  //     with a message naming the position ("name #2 must not be empty");
  //     workbook::CheckTextField (common/request_checks.h) does this check;
  //   - more than kMaxNamesPerGreeting names: RESOURCE_EXHAUSTED.
  (void)reader;
  (void)reply;
  return grpc::Status(
      grpc::StatusCode::UNIMPLEMENTED,
      "TODO(03.3): GreeterService::SayHelloClientStream is not written yet");
}

}  // namespace workbook::client_streaming
