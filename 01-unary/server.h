// Lesson 01: the server side of the unary SayHello call.
#ifndef WORKBOOK_01_UNARY_SERVER_H_
#define WORKBOOK_01_UNARY_SERVER_H_

#include <grpcpp/grpcpp.h>

#include <cstddef>
#include <string>

#include "greeter.grpc.pb.h"

namespace workbook::unary {

/// The longest name SayHello accepts, in bytes.
inline constexpr std::size_t kMaxNameBytes = 100;

/// Task 3: decides whether SayHello may greet `name`.
///
/// Returns OK for a name of 1 to kMaxNameBytes bytes that is not only
/// spaces, and INVALID_ARGUMENT with a message that tells the caller what to
/// change otherwise. INVALID_ARGUMENT means "your request is wrong, retrying
/// it unchanged will not help", unlike e.g. UNAVAILABLE.
grpc::Status ValidateName(const std::string& name);

/// The Greeter service with gRPC's synchronous API.
///
/// Greeter::Service is generated from greeter.proto; we override one virtual
/// method per rpc. gRPC calls SayHello on one of its own threads for every
/// incoming call, possibly on several threads at once, so the method must not
/// touch unsynchronised shared state (this one has none).
// [begin greeter-service]
class GreeterService final : public Greeter::Service {
 public:
  /// Task 1: replies "Hello, <name>!" to a valid request.
  grpc::Status SayHello(grpc::ServerContext* context,
                        const HelloRequest* request,
                        HelloReply* reply) override;
};
// [end greeter-service]

}  // namespace workbook::unary

#endif  // WORKBOOK_01_UNARY_SERVER_H_
