// A Probe service for the tests of the test support: its handler can park on
// a Gate, and reports how it left through Signals.
#ifndef WORKBOOK_COMMON_TESTING_TESTS_PROBE_SERVICE_H_
#define WORKBOOK_COMMON_TESTING_TESTS_PROBE_SERVICE_H_

#include <grpcpp/grpcpp.h>

#include <string>
#include <utility>

#include "common/testing/sync.h"
#include "testing/tests/probe.grpc.pb.h"

namespace workbook::testing::probe {

/// How Echo waits before it answers.
enum class Parking {
  kNone,             ///< Answers at once.
  kGate,             ///< Gate::Wait() on `gate`.
  kGateOrCancelled,  ///< Gate::WaitOrCancelled() on `gate`.
};

/// Echoes `prefix + text`, after waiting as `parking` says. `gate` and the
/// signals are public: they are thread-safe, and the tests drive them.
class ProbeService final : public Probe::Service {
 public:
  explicit ProbeService(Parking parking = Parking::kNone,
                        std::string prefix = "")
      : parking_(parking), prefix_(std::move(prefix)) {}

  grpc::Status Echo(grpc::ServerContext* context, const EchoMessage* request,
                    EchoMessage* reply) override {
    if (parking_ == Parking::kGate) gate_passed.Set(gate.Wait());
    if (parking_ == Parking::kGateOrCancelled) {
      gate_passed.Set(gate.WaitOrCancelled(*context));
    }
    reply->set_text(prefix_ + request->text());
    handler_returned.Set(grpc::Status::OK);
    return grpc::Status::OK;
  }

  Gate gate;                              ///< Where a parked call waits.
  Signal<bool> gate_passed;               ///< What the wait at `gate` returned.
  Signal<grpc::Status> handler_returned;  ///< The status Echo returned.

 private:
  const Parking parking_;
  const std::string prefix_;
};

}  // namespace workbook::testing::probe

#endif  // WORKBOOK_COMMON_TESTING_TESTS_PROBE_SERVICE_H_
