#include "client.h"

namespace workbook::async {

GreetingFuture GreeterClient::SayHelloAsync(const std::string& name,
                                            std::chrono::milliseconds timeout,
                                            OnGreeting on_done) {
  // TODO(07.1): start SayHello for `name` through stub_->async() with a
  // deadline `timeout` from now, and return at once: the caller may start
  // many calls from one thread before it asks for any result. When the call
  // ends, run `on_done` (if set) and then make result() ready. The tests
  // check that 50 calls are in flight at once, that they complete in the
  // order the server answers, that the callback runs on a gRPC thread, that
  // a deadline ends a call, and that dropping the handle early is safe
  // (including under AddressSanitizer).
  (void)name;
  (void)timeout;
  const GreetingResult unimplemented{
      grpc::Status(grpc::StatusCode::UNIMPLEMENTED,
                   "TODO(07.1): GreeterClient::SayHelloAsync is not written "
                   "yet"),
      ""};
  if (on_done) on_done(unimplemented);
  auto call = std::make_shared<GreetingFuture::Call>();
  call->promise.set_value(unimplemented);
  return GreetingFuture(call);
}

bool GreetingFuture::done() const {
  // TODO(07.1): true once the call has ended; never blocks.
  return false;
}

bool GreetingFuture::wait_for(std::chrono::milliseconds timeout) const {
  // TODO(07.1): wait at most `timeout`; true if the call has ended.
  (void)timeout;
  return false;
}

GreetingResult GreetingFuture::result() const {
  // TODO(07.1): wait for the call to end and return its status and greeting;
  // asking twice gives the same answer.
  return {grpc::Status(grpc::StatusCode::UNIMPLEMENTED,
                       "TODO(07.1): GreetingFuture::result is not written yet"),
          ""};
}

bool GreetingFuture::cancel() {
  // TODO(07.1): cancel a call still in flight: it then ends CANCELLED and
  // the server notices. Returns false (and changes nothing) if it has ended.
  return false;
}

}  // namespace workbook::async
