#include <chrono>
#include <string>

#include "metadata_keys.h"
#include "requests.h"
#include "rich_errors.h"
#include "server.h"

namespace workbook::metadata {

grpc::Status GreeterService::SayHello(grpc::ServerContext* context,
                                      const HelloRequest* request,
                                      HelloReply* reply) {
  // TODO(06.2): greet only callers with exactly one header
  // "authorization: Bearer <settings_.token>"; refuse the others with
  // UNAUTHENTICATED, a message that says what to send, and RichError
  // details whose reason is TOKEN_MISSING, TOKEN_MALFORMED or
  // TOKEN_REJECTED. On *every* call, OK or refused, send the headers
  // x-served-by (settings_.name) and x-request-id (the client's, echoed, or a
  // NewRequestId() when it sent none), and the trailer x-elapsed-us (whole
  // microseconds spent in the handler). A request id sent twice, or one that
  // CheckRequestId() refuses, is INVALID_ARGUMENT and is not echoed. Refuse
  // requests CheckHelloRequest() refuses. The tests send each of these
  // cases, and odd or oversized headers after which the server must still
  // answer.
  (void)context;
  (void)request;
  (void)reply;
  return grpc::Status(
      grpc::StatusCode::UNIMPLEMENTED,
      "TODO(06.2): GreeterService::SayHello is not written yet");
}

grpc::Status GreeterService::SayHelloServerStream(
    grpc::ServerContext* context, const HelloRequest* request,
    grpc::ServerWriter<HelloReply>* writer) {
  // TODO(06.2): the same checks and metadata as SayHello, then write
  // request->count() replies "Hello, <name>! (<i> of <count>)", i from 1.
  // The headers must reach the client *before* the first reply: a test reads
  // them before it reads any reply.
  (void)context;
  (void)request;
  (void)writer;
  return grpc::Status(
      grpc::StatusCode::UNIMPLEMENTED,
      "TODO(06.2): GreeterService::SayHelloServerStream is not written yet");
}

}  // namespace workbook::metadata
