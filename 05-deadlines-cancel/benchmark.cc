// What passing a deadline on costs: unary Sign calls straight to a GuestBook,
// against the same calls through a Frontdesk that forwards each one, with a
// child context (FromServerContext) or with a plain ClientContext.
// Run: ./workbook bench 05   (or ./build/bench/05-deadlines-cancel/benchmark)
#include <benchmark/benchmark.h>

#include <chrono>
#include <memory>
#include <string>

#include "common/testing/test_server.h"
#include "server.h"

namespace workbook::deadlines {
namespace {

constexpr std::chrono::seconds kDeadline{10};
constexpr std::chrono::seconds kBackendCap{10};

void NoDelay(const grpc::ServerContextBase& /*call*/) {}

// The contrast to FrontdeskService: forwards with a plain ClientContext and
// a deadline of its own, so the backend learns nothing of the caller.
class PlainRelay final : public Frontdesk::Service {
 public:
  explicit PlainRelay(const std::shared_ptr<grpc::Channel>& backend)
      : backend_(GuestBook::NewStub(backend)) {}
  grpc::Status SignIn(grpc::ServerContext* /*context*/,
                      const SignRequest* request, SignReply* reply) override {
    grpc::ClientContext backend_call;
    backend_call.set_deadline(std::chrono::system_clock::now() + kBackendCap);
    return backend_->Sign(&backend_call, *request, reply);
  }

 private:
  std::unique_ptr<GuestBook::Stub> backend_;
};

// Signs with a new request id per call (the book grows; a replay would be
// cheaper and flatter the numbers).
template <typename Stub, typename Method>
void SignInALoop(benchmark::State& state, Stub& stub, Method method) {
  SignRequest request;
  request.set_name("benchmark");
  SignReply reply;
  int64_t next_id = 0;
  for (auto _ : state) {
    request.set_request_id(std::to_string(++next_id));
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + kDeadline);
    const grpc::Status status = (stub.*method)(&context, request, &reply);
    if (!status.ok()) {
      state.SkipWithError(status.error_message().c_str());
      break;
    }
  }
  state.counters["calls/s"] = benchmark::Counter(
      static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

struct Backend {
  Book book;
  GuestBookService service{book, NoDelay, std::chrono::milliseconds(0)};
  workbook::testing::TestServer server{{&service}};
};

void BM_Direct(benchmark::State& state) {
  Backend backend;
  auto stub = backend.server.NewStub<GuestBook>();
  SignInALoop(state, *stub, &GuestBook::Stub::Sign);
}
BENCHMARK(BM_Direct)->UseRealTime()->MinTime(2.0);

void BM_ThroughFrontdesk_ChildContext(benchmark::State& state) {
  Backend backend;
  FrontdeskService frontdesk(backend.server.NewChannel(), kBackendCap);
  workbook::testing::TestServer front({&frontdesk});
  auto stub = front.NewStub<Frontdesk>();
  SignInALoop(state, *stub, &Frontdesk::Stub::SignIn);
}
BENCHMARK(BM_ThroughFrontdesk_ChildContext)->UseRealTime()->MinTime(2.0);

void BM_ThroughRelay_PlainContext(benchmark::State& state) {
  Backend backend;
  PlainRelay relay(backend.server.NewChannel());
  workbook::testing::TestServer front({&relay});
  auto stub = front.NewStub<Frontdesk>();
  SignInALoop(state, *stub, &Frontdesk::Stub::SignIn);
}
BENCHMARK(BM_ThroughRelay_PlainContext)->UseRealTime()->MinTime(2.0);

}  // namespace
}  // namespace workbook::deadlines

BENCHMARK_MAIN();
