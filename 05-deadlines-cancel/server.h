// Lesson 05: the servers. A naive guest book that never looks at the call,
// the careful one you write (Task 1), and a front desk that is itself a
// client of a guest book (Task 2).
#ifndef WORKBOOK_05_DEADLINES_CANCEL_SERVER_H_
#define WORKBOOK_05_DEADLINES_CANCEL_SERVER_H_

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "book.h"
#include "deadlines.grpc.pb.h"

namespace workbook::deadlines {

/// The slow part of signing (checking the guest's papers, say): in the
/// server program a pause of --signing_ms, in the tests a gate the test
/// opens. It gets the call so that a test can watch it; deciding what to do
/// about the call is the handler's job, not the step's.
using SlowStep = std::function<void(const grpc::ServerContextBase& call)>;

/// What one Sign call did, as its service saw it when the handler returned.
struct SignReport {
  std::string service;  ///< "GuestBook" or "NaiveGuestBook".
  SignRequest request;  ///< What was asked.
  grpc::Status status;  ///< What the handler returned.
  SignReply reply;      ///< What it answered (meaningful when OK).
  /// IsCancelled() as the handler returned: the client had cancelled, its
  /// deadline had passed or it had hung up, so it cannot hear this answer.
  bool client_gone = false;
};

/// Called when a Sign handler returns, on that handler's thread: the server
/// program logs it, the tests wait for it.
using SignListener = std::function<void(const SignReport&)>;

/// OK for a request the book accepts; INVALID_ARGUMENT naming the field
/// otherwise (request_id: 1 to 64 bytes; name: 1 to 100 bytes).
grpc::Status ValidateSignRequest(const SignRequest& request);

/// Signs `request` into `book` and fills `reply` with the greeting, the
/// guest number and whether it was a replay. The commit step every guest
/// book service shares.
void SignInto(Book& book, const SignRequest& request, SignReply* reply);

/// Reports finished calls to a listener; thread-safe.
class SignReporter {
 public:
  /// Sets who hears about every finished Sign call.
  void SetListener(SignListener listener) {
    std::lock_guard<std::mutex> lock(mutex_);
    listener_ = std::move(listener);
  }

 protected:
  /// Tells the listener, if there is one.
  void Report(const SignReport& report) const;

 private:
  mutable std::mutex mutex_;
  SignListener listener_;  // Guarded by mutex_.
};

// [begin naive-service]
/// A guest book that never looks at the call: whatever the client does, it
/// finishes the slow step and signs. The lesson's exhibit, not a model.
class NaiveGuestBookService final : public NaiveGuestBook::Service,
                                    public SignReporter {
 public:
  /// Signs into `book` (which must outlive the service) after `slow_step`.
  NaiveGuestBookService(Book& book, SlowStep slow_step)
      : book_(book), slow_step_(std::move(slow_step)) {}

  /// Validates, runs the slow step, signs, answers OK.
  grpc::Status Sign(grpc::ServerContext* context, const SignRequest* request,
                    SignReply* reply) override;

 private:
  Book& book_;
  const SlowStep slow_step_;
};
// [end naive-service]

// [begin careful-service]
/// The careful guest book: it signs only what its client will hear about.
class GuestBookService final : public GuestBook::Service, public SignReporter {
 public:
  /// Signs into `book` (which must outlive the service). `slow_step` takes
  /// about `signing_time`; the service uses that estimate to decide whether
  /// a call's remaining time is enough to start.
  GuestBookService(Book& book, SlowStep slow_step,
                   std::chrono::milliseconds signing_time)
      : book_(book),
        slow_step_(std::move(slow_step)),
        signing_time_(signing_time) {}

  /// Validates the request, lets SignCarefully() do the work, reports.
  grpc::Status Sign(grpc::ServerContext* context, const SignRequest* request,
                    SignReply* reply) override;

 private:
  /// Task 1: signs `request` (slow step, then SignInto) only when the call
  /// can still use the answer:
  /// - before starting, when the time left until the call's deadline is
  ///   shorter than signing_time_, answers DEADLINE_EXCEEDED at once,
  ///   without starting the slow step. A call without a deadline has all
  ///   the time in the world.
  /// - after the slow step, when the client is gone (it cancelled, its
  ///   deadline passed, it hung up), answers CANCELLED without signing.
  grpc::Status SignCarefully(grpc::ServerContext& context,
                             const SignRequest& request, SignReply* reply);

  Book& book_;
  const SlowStep slow_step_;
  const std::chrono::milliseconds signing_time_;
};
// [end careful-service]

// [begin frontdesk-service]
/// A server that is also a client: each SignIn becomes one GuestBook.Sign
/// call to a backend.
class FrontdeskService final : public Frontdesk::Service {
 public:
  /// Forwards to the GuestBook served on `backend`, and never waits for it
  /// longer than `backend_cap`, whatever the caller's own deadline.
  FrontdeskService(const std::shared_ptr<grpc::Channel>& backend,
                   std::chrono::milliseconds backend_cap)
      : backend_(GuestBook::NewStub(backend)), backend_cap_(backend_cap) {}

  /// Task 2: calls the backend's Sign with the same request and returns its
  /// reply and status unchanged (an error is the backend's to explain). The
  /// backend call must carry the caller's deadline, or backend_cap_ from
  /// now if that comes first, and must end when the caller cancels.
  grpc::Status SignIn(grpc::ServerContext* context, const SignRequest* request,
                      SignReply* reply) override;

 private:
  const std::unique_ptr<GuestBook::Stub> backend_;
  const std::chrono::milliseconds backend_cap_;
};
// [end frontdesk-service]

}  // namespace workbook::deadlines

#endif  // WORKBOOK_05_DEADLINES_CANCEL_SERVER_H_
