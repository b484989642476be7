// Lesson 06: a Greeter that reads the client's headers and writes its own
// headers and trailers.
#ifndef WORKBOOK_06_METADATA_SERVER_H_
#define WORKBOOK_06_METADATA_SERVER_H_

#include <grpcpp/grpcpp.h>

#include <string>
#include <utility>

#include "metadata.grpc.pb.h"

namespace workbook::metadata {

/// Who the server is and whom it lets in.
struct ServerSettings {
  /// The token a client must send as "authorization: Bearer <token>".
  std::string token;
  /// What the server sends as x-served-by. Must be printable ASCII: it goes
  /// into every call's headers.
  std::string name;
};

// [begin greeter-service]
/// Task 2: the Greeter, with metadata around every call.
///
/// Every call, whatever its outcome, gets
///   - headers: x-served-by, and x-request-id (the client's, echoed, or a
///     new one when the client sent none);
///   - trailers: x-elapsed-us, the microseconds the handler spent.
/// A call is refused, before any greeting, with
///   - INVALID_ARGUMENT when x-request-id is sent twice or is not one
///     CheckRequestId() accepts (it is then not echoed: a server copies only
///     what it checked into its own headers);
///   - UNAUTHENTICATED unless there is exactly one authorization header,
///     "Bearer <settings.token>". The message says what is wrong, and the
///     details (RichError) carry an ErrorInfo reason: TOKEN_MISSING,
///     TOKEN_MALFORMED or TOKEN_REJECTED;
///   - INVALID_ARGUMENT when CheckHelloRequest() refuses the request.
class GreeterService final : public Greeter::Service {
 public:
  /// A Greeter that admits `settings.token` and calls itself `settings.name`.
  explicit GreeterService(ServerSettings settings)
      : settings_(std::move(settings)) {}

  /// Replies "Hello, <name>!".
  grpc::Status SayHello(grpc::ServerContext* context,
                        const HelloRequest* request,
                        HelloReply* reply) override;

  /// Writes `count` replies "Hello, <name>! (<i> of <count>)", i from 1.
  /// The headers go out *before* the first reply, on their own.
  grpc::Status SayHelloServerStream(
      grpc::ServerContext* context, const HelloRequest* request,
      grpc::ServerWriter<HelloReply>* writer) override;

 private:
  const ServerSettings settings_;
};
// [end greeter-service]

}  // namespace workbook::metadata

#endif  // WORKBOOK_06_METADATA_SERVER_H_
