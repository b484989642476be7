// The parts of GuestBookClient that are not this lesson's tasks: picking
// the desk's method, and one attempt with a deadline, an optional cancel
// and wait-for-ready.
#include <condition_variable>
#include <mutex>
#include <thread>

#include "client.h"

namespace workbook::deadlines {

std::string_view MethodName(Desk desk) {
  switch (desk) {
    case Desk::kGuestBook:
      return "GuestBook.Sign";
    case Desk::kNaiveGuestBook:
      return "NaiveGuestBook.Sign";
    case Desk::kFrontdesk:
      return "Frontdesk.SignIn";
  }
  return "?";
}

GuestBookClient::GuestBookClient(const std::shared_ptr<grpc::Channel>& channel,
                                 Desk desk)
    : desk_(desk),
      guest_book_(GuestBook::NewStub(channel)),
      naive_guest_book_(NaiveGuestBook::NewStub(channel)),
      frontdesk_(Frontdesk::NewStub(channel)) {}

grpc::Status GuestBookClient::Call(grpc::ClientContext* context,
                                   const SignRequest& request,
                                   SignReply* reply) {
  switch (desk_) {
    case Desk::kGuestBook:
      return guest_book_->Sign(context, request, reply);
    case Desk::kNaiveGuestBook:
      return naive_guest_book_->Sign(context, request, reply);
    case Desk::kFrontdesk:
      return frontdesk_->SignIn(context, request, reply);
  }
  return grpc::Status(grpc::StatusCode::INTERNAL, "unknown desk");
}

// [begin sign-once]
grpc::Status GuestBookClient::SignOnce(const SignRequest& request,
                                       const CallOptions& options,
                                       SignReply* reply) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + options.deadline);
  context.set_wait_for_ready(options.wait_for_ready);
  if (!options.cancel_after) return Call(&context, request, reply);

  // Call() blocks this thread until the call ends, so the cancel must come
  // from another: it waits until cancel_after has passed or the call has
  // ended, whichever comes first, and cancels only in the first case.
  std::mutex mutex;
  std::condition_variable ended;
  bool call_ended = false;  // Guarded by mutex.
  std::thread canceller([&] {
    std::unique_lock<std::mutex> lock(mutex);
    if (!ended.wait_for(lock, *options.cancel_after,
                        [&] { return call_ended; })) {
      context.TryCancel();  // Thread-safe, and harmless if just too late.
    }
  });
  const grpc::Status status = Call(&context, request, reply);
  {
    std::lock_guard<std::mutex> lock(mutex);
    call_ended = true;
  }
  ended.notify_all();
  canceller.join();
  return status;
}
// [end sign-once]

}  // namespace workbook::deadlines
