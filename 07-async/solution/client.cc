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

  // stub_->async() holds the callback versions of the generated methods:
  // this one sends the request and returns at once. gRPC calls the lambda
  // when the call ends, on one of its own threads.
  stub_->async()->SayHello(&call->context, &call->request, &call->reply,
                           [call](grpc::Status status) {
                             GreetingResult result{status, ""};
                             if (status.ok())
                               result.greeting = call->reply.message();
                             if (call->on_done) call->on_done(result);
                             // Wakes whoever waits in result(); never waits
                             // itself.
                             call->promise.set_value(std::move(result));
                           });
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
