#include "server.h"

#include "common/plumbing/request_checks.h"

namespace workbook::async {

grpc::ServerUnaryReactor* GreeterService::SayHello(
    grpc::CallbackServerContext* context, const HelloRequest* request,
    HelloReply* reply) {
  // A handler runs on one of gRPC's few callback threads: it must return
  // quickly. It starts the work and returns a reactor; the call stays open.
  if (grpc::Status invalid =
          CheckTextField("name", request->name(), kMaxNameBytes);
      !invalid.ok()) {
    // Nothing to wait for: finish at once. The default reactor is gRPC's
    // own, for calls that are finished before the handler returns.
    grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
    reactor->Finish(invalid);
    return reactor;
  }
  if (std::optional<std::string> greeting =
          receptionist_.GreetingNow(request->name())) {
    // Ready now: no need for a reactor of our own. gRPC's default one also
    // runs its end inline, which saves a thread hop per call.
    reply->set_message(*greeting);
    grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
    reactor->Finish(grpc::Status::OK);
    return reactor;
  }
  return new GreetingCall(receptionist_, open_calls_, request->name(), reply);
}

GreetingCall::GreetingCall(Receptionist& receptionist,
                           std::atomic<int>& open_calls,
                           const std::string& name, HelloReply* reply)
    : receptionist_(receptionist), open_calls_(open_calls), reply_(reply) {
  {
    // The reactions read these members later, on other threads. gRPC runs
    // them after this constructor, but its library is not built with
    // ThreadSanitizer, so TSan cannot see that order. Taking mutex_ here and
    // in each reaction makes the order visible (see the README).
    std::lock_guard<std::mutex> lock(mutex_);
    ++open_calls_;
  }
  // The receptionist may greet on its thread before SayHello has returned
  // this reactor to gRPC: Finish() then waits inside gRPC until it has.
  receptionist_.Arrive(this, name);
}

void GreetingCall::Greet(const std::string& greeting) {
  FinishOnce(grpc::Status::OK, greeting);
}

void GreetingCall::OnCancel() {
  Receptionist* receptionist = nullptr;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    receptionist = &receptionist_;
  }
  // First make sure the receptionist forgets this call (after Leave() it
  // never calls Greet()), then finish: a cancelled call must be finished too.
  // Not under mutex_: Greet() holds the receptionist's lock and then takes
  // ours, so taking them in the other order could deadlock.
  receptionist->Leave(this);
  FinishOnce(grpc::Status(grpc::StatusCode::CANCELLED,
                          "the call ended before the greeting was ready"),
             "");
}

void GreetingCall::OnDone() {
  // gRPC calls OnDone() last, and never touches the reactor afterwards.
  {
    std::lock_guard<std::mutex> lock(mutex_);
    --open_calls_;
  }
  delete this;
}

void GreetingCall::FinishOnce(const grpc::Status& status,
                              const std::string& greeting) {
  {
    // Greet() (the receptionist's thread) and OnCancel() (a gRPC thread)
    // can race: the flag makes the first one the only one.
    std::lock_guard<std::mutex> lock(mutex_);
    if (finished_) return;
    finished_ = true;
    if (status.ok()) reply_->set_message(greeting);
  }
  // Outside the lock: Finish() starts sending and returns; OnDone() follows
  // later, on a gRPC thread.
  Finish(status);
}

}  // namespace workbook::async
