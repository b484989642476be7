// The parts of GuestBookClient that are not this lesson's tasks: picking
// the desk's method, and one attempt with a deadline, an optional cancel
// and wait-for-ready.
#include <condition_variable>
#include <mutex>
#include <utility>

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

void GuestBookClient::StartCall(grpc::ClientContext* context,
                                const SignRequest& request, SignReply* reply,
                                std::function<void(grpc::Status)> done) {
  switch (desk_) {
    case Desk::kGuestBook:
      guest_book_->async()->Sign(context, &request, reply, std::move(done));
      return;
    case Desk::kNaiveGuestBook:
      naive_guest_book_->async()->Sign(context, &request, reply,
                                       std::move(done));
      return;
    case Desk::kFrontdesk:
      frontdesk_->async()->SignIn(context, &request, reply, std::move(done));
      return;
  }
}

// [begin sign-once]
grpc::Status GuestBookClient::SignOnce(const SignRequest& request,
                                       const CallOptions& options,
                                       SignReply* reply) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + options.deadline);
  context.set_wait_for_ready(options.wait_for_ready);
  if (!options.cancel_after) return Call(&context, request, reply);

  // To cancel while the call runs, this thread must not be inside it: start
  // the call, wait for its end at most cancel_after, then TryCancel() and
  // wait for the end that the cancellation brings.
  std::mutex mutex;
  std::condition_variable ended;
  std::optional<grpc::Status> status;  // Guarded by mutex.
  StartCall(&context, request, reply, [&](grpc::Status result) {
    std::lock_guard<std::mutex> lock(mutex);
    status = std::move(result);
    ended.notify_all();
  });
  std::unique_lock<std::mutex> lock(mutex);
  if (!ended.wait_for(lock, *options.cancel_after,
                      [&] { return status.has_value(); })) {
    context.TryCancel();
    ended.wait(lock, [&] { return status.has_value(); });
  }
  return *status;
}
// [end sign-once]

}  // namespace workbook::deadlines
