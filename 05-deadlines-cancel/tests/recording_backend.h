// A fake GuestBook backend for the front desk tests: it records the
// deadline each call arrives with and the call itself, and holds calls on a
// gate until the test opens it.
#ifndef WORKBOOK_05_DEADLINES_CANCEL_TESTS_RECORDING_BACKEND_H_
#define WORKBOOK_05_DEADLINES_CANCEL_TESTS_RECORDING_BACKEND_H_

#include <grpcpp/grpcpp.h>

#include <chrono>

#include "common/testing/sync.h"
#include "deadlines.grpc.pb.h"

namespace workbook::deadlines {

/// The name for which the backend refuses a request.
inline constexpr char kRefusedName[] = "Mallory";
/// The message it refuses with.
inline constexpr char kRefusal[] = "the backend does not let Mallory sign";

/// How long the backend holds a call at most; longer than any wait of a
/// test, so a call a test watches cannot end under its eyes.
inline constexpr std::chrono::seconds kHoldAtMost{30};

/// A GuestBook that answers "Signed by the backend" once `gate` opens, and
/// refuses kRefusedName at once with INVALID_ARGUMENT.
class RecordingBackend final : public GuestBook::Service {
 public:
  grpc::Status Sign(grpc::ServerContext* context, const SignRequest* request,
                    SignReply* reply) override {
    deadline.Set(context->deadline());
    call.Set(context);
    if (request->name() == kRefusedName) {
      return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, kRefusal);
    }
    // Not WaitOrCancelled(): the handler stays while the test watches its
    // call, until the test (or the fixture's shutdown) opens the gate.
    gate.Wait(kHoldAtMost);
    reply->set_greeting("Signed by the backend: " + request->request_id());
    reply->set_guest_number(7);
    return grpc::Status::OK;
  }

  workbook::testing::Gate gate;
  /// The deadline of the first call, as this server sees it.
  workbook::testing::Signal<std::chrono::system_clock::time_point> deadline;
  /// The first call: watch its IsCancelled() while the gate is closed.
  workbook::testing::Signal<const grpc::ServerContextBase*> call;
};

}  // namespace workbook::deadlines

#endif  // WORKBOOK_05_DEADLINES_CANCEL_TESTS_RECORDING_BACKEND_H_
