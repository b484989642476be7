#include <string>
#include <utility>
#include <vector>

#include "server.h"

namespace workbook::client_streaming {

grpc::Status GreeterService::SayHelloClientStream(
    grpc::ServerContext* /*context*/, grpc::ServerReader<HelloRequest>* reader,
    HelloReply* reply) {
  // TODO(03.3): when the client has sent its last name, reply with one
  // greeting for them all (GreetingFor, given) and OK. At the first bad name
  // fail the whole call at once, reading nothing more: INVALID_ARGUMENT for
  // an empty, all-spaces or over-long name, saying which one (by position,
  // from 1) and what is wrong; RESOURCE_EXHAUSTED, naming the limit, for
  // more than kMaxNamesPerGreeting names. The tests check: no name, one and
  // many in order; exactly the limit; each bad case; and that the client's
  // later writes fail at once instead of running into the deadline.
  (void)reader;
  (void)reply;
  return grpc::Status(
      grpc::StatusCode::UNIMPLEMENTED,
      "TODO(03.3): GreeterService::SayHelloClientStream is not written yet");
}

}  // namespace workbook::client_streaming
