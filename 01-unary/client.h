// Lesson 01: the client side of the unary SayHello call.
#ifndef WORKBOOK_01_UNARY_CLIENT_H_
#define WORKBOOK_01_UNARY_CLIENT_H_

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <memory>
#include <string>
#include <utility>

#include "greeter.grpc.pb.h"

namespace workbook::unary {

/// Calls the Greeter service through a channel.
///
/// A channel is a long-lived connection to one server address: create it
/// once and reuse it for every call (creating one per call pays for a new
/// TCP and HTTP/2 handshake each time). Channels connect lazily: making one
/// never fails; the first call finds out whether the server is there.
// [begin greeter-client]
class GreeterClient {
 public:
  /// `deadline` bounds every call this client makes.
  GreeterClient(std::shared_ptr<grpc::Channel> channel,
                std::chrono::milliseconds deadline)
      : stub_(Greeter::NewStub(std::move(channel))), deadline_(deadline) {}

  /// Task 2: calls SayHello with `name`. On OK, stores the reply's message in
  /// `*greeting`; otherwise returns the call's status (the server's error, or
  /// UNAVAILABLE / DEADLINE_EXCEEDED from gRPC itself) and leaves it alone.
  grpc::Status SayHello(const std::string& name, std::string* greeting);

 private:
  std::unique_ptr<Greeter::Stub> stub_;  // Generated from greeter.proto.
  std::chrono::milliseconds deadline_;
};
// [end greeter-client]

}  // namespace workbook::unary

#endif  // WORKBOOK_01_UNARY_CLIENT_H_
