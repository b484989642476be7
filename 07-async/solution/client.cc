#include "client.h"

namespace workbook::async {

GreetingFuture GreeterClient::SayHelloAsync(const std::string& name,
                                            std::chrono::milliseconds timeout,
                                            OnGreeting on_done) {
  // The context, request and reply must stay alive until gRPC calls back,
  // however long that takes and whatever happens to the handle: they live in
  // a Call that the callback below shares.
  auto call = std::make_shared<GreetingFuture::Call>();
  call->request.set_name(name);
  call->context.set_deadline(std::chrono::system_clock::now() + timeout);
  call->on_done = std::move(on_done);
  GreetingFuture future(call);

  // Runs when the call ends, on one of gRPC's threads. It holds a copy of
  // `call`: that copy keeps the context, request and reply alive until then.
  auto on_end = [call](grpc::Status status) mutable {
    GreetingResult result{status, ""};
    if (status.ok()) result.greeting = call->reply.message();
    // Let go of the call's state before telling anyone: once on_done or
    // result() has heard of the end, the program may tear everything down,
    // and nothing of ours should still be in use on this thread then. (If
    // the handle is gone, this frees the state here.)
    std::promise<GreetingResult> promise = std::move(call->promise);
    OnGreeting on_done = std::move(call->on_done);
    call.reset();
    if (on_done) on_done(result);
    promise.set_value(std::move(result));  // Wakes result(); never waits.
  };
  // stub_->async() holds the callback versions of the generated methods:
  // this one sends the request and returns at once.
  stub_->async()->SayHello(&call->context, &call->request, &call->reply,
                           std::move(on_end));
  return future;
}

bool GreetingFuture::done() const {
  return wait_for(std::chrono::milliseconds(0));
}

bool GreetingFuture::wait_for(std::chrono::milliseconds timeout) const {
  return result_.wait_for(timeout) == std::future_status::ready;
}

GreetingResult GreetingFuture::result() const { return result_.get(); }

bool GreetingFuture::cancel() {
  if (done()) return false;
  // Thread-safe, and harmless if the call ends meanwhile: the callback then
  // reports whichever happened first.
  call_->context.TryCancel();
  return true;
}

}  // namespace workbook::async
