#include "server.h"

#include "common/plumbing/request_checks.h"

namespace workbook::async {

grpc::ServerUnaryReactor* GreeterService::SayHello(
    grpc::CallbackServerContext* context, const HelloRequest* request,
    HelloReply* reply) {
  // TODO(07.2): answer at once when you can: refuse an invalid name with the
  // INVALID_ARGUMENT of CheckTextField("name", ..., kMaxNameBytes), and greet
  // with receptionist_.GreetingNow() when it has the greeting ready.
  // Otherwise return a new GreetingCall, which answers later. The tests hold
  // hundreds of calls open at once on a server limited to 8 threads.
  (void)request;
  (void)reply;
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  reactor->Finish(
      grpc::Status(grpc::StatusCode::UNIMPLEMENTED,
                   "TODO(07.2): GreeterService::SayHello is not written yet"));
  return reactor;
}

GreetingCall::GreetingCall(Receptionist& receptionist,
                           std::atomic<int>& open_calls,
                           const std::string& name, HelloReply* reply)
    : receptionist_(receptionist), open_calls_(open_calls), reply_(reply) {
  // TODO(07.2): count this call as open and hand it to the receptionist.
  // The reactions read this object's members later on other threads; the
  // solution-tsan build must not report that (see the README, "The
  // reactor").
  (void)name;
}

void GreetingCall::Greet(const std::string& greeting) {
  // TODO(07.2): end the call with OK and `greeting` as the reply.
  (void)greeting;
}

void GreetingCall::OnCancel() {
  // TODO(07.2): a cancelled call (client cancelled, deadline passed, server
  // shutting down) must still be finished, and the receptionist must forget
  // it first. The tests cancel held calls, shut the server down with calls
  // held, and race the receptionist's greeting against a cancellation.
}

void GreetingCall::OnDone() {
  // TODO(07.2): the call is over: it no longer counts as open, and the
  // reactor is freed. The tests check open_calls() returns to 0.
}

void GreetingCall::FinishOnce(const grpc::Status& status,
                              const std::string& greeting) {
  // TODO(07.2): finish the call with `status` (and `greeting` as the reply
  // if OK) - unless it was finished already: Greet() and OnCancel() can
  // happen at the same time on two threads.
  (void)status;
  (void)greeting;
}

}  // namespace workbook::async
