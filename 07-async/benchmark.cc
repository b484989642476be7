// What keeping calls in flight buys a client: SayHello calls per second from
// one thread, one at a time (each waits for its answer) against N at a time
// (a window of N futures: as the oldest ends, the next call starts), and N at
// a time on a CompletionQueue (GreetAll).
//
// The server is the lesson's callback server, in the same process. Its
// receptionist answers either at once (/0: the cost of a call itself) or
// after 1 ms (/1: a server that waits for something, as most do).
// Run: ./workbook bench 07   (or ./build/bench/07-async/benchmark)
#include <benchmark/benchmark.h>

#include <chrono>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "client.h"
#include "common/testing/test_server.h"
#include "receptionist.h"
#include "server.h"

namespace workbook::async {
namespace {

constexpr std::chrono::seconds kTimeout{10};

// The lesson's server, answering a one-letter name after `server_ms`.
class Bench {
 public:
  explicit Bench(int64_t server_ms)
      : receptionist_(std::chrono::milliseconds(server_ms)) {}

  GreeterClient& client() { return client_; }
  Greeter::Stub& stub() { return *stub_; }

 private:
  TimedReceptionist receptionist_;
  GreeterService service_{receptionist_};
  workbook::testing::TestServer server_{{&service_}};
  std::shared_ptr<grpc::Channel> channel_ = server_.NewChannel();
  GreeterClient client_{channel_};
  std::unique_ptr<Greeter::Stub> stub_ = Greeter::NewStub(channel_);
};

constexpr char kName[] = "x";  // One letter: the receptionist's delay once.

// Fails the benchmark on a failed call; true if it succeeded.
bool Check(benchmark::State& state, const GreetingResult& result) {
  if (result.status.ok()) return true;
  state.SkipWithError(result.status.error_message().c_str());
  return false;
}

void CountCalls(benchmark::State& state, double calls) {
  state.counters["calls/s"] =
      benchmark::Counter(calls, benchmark::Counter::kIsRate);
}

// Arg: the server's delay in ms.
void BM_OneAtATime(benchmark::State& state) {
  Bench bench(state.range(0));
  for (auto _ : state) {
    if (!Check(state, bench.client().SayHelloAsync(kName, kTimeout).result()))
      break;
  }
  CountCalls(state, static_cast<double>(state.iterations()));
}
BENCHMARK(BM_OneAtATime)->Arg(0)->Arg(1)->UseRealTime()->MinTime(2.0);

// The same with the generated blocking stub, as in lesson 01.
void BM_OneAtATimeBlocking(benchmark::State& state) {
  Bench bench(state.range(0));
  HelloRequest request;
  request.set_name(kName);
  HelloReply reply;
  for (auto _ : state) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + kTimeout);
    const grpc::Status status =
        bench.stub().SayHello(&context, request, &reply);
    if (!Check(state, {status, ""})) break;
  }
  CountCalls(state, static_cast<double>(state.iterations()));
}
BENCHMARK(BM_OneAtATimeBlocking)->Arg(0)->Arg(1)->UseRealTime()->MinTime(2.0);

// Args: calls in flight, the server's delay in ms.
void BM_InFlight(benchmark::State& state) {
  const auto window = static_cast<size_t>(state.range(0));
  Bench bench(state.range(1));
  std::deque<GreetingFuture> in_flight;
  for (auto _ : state) {
    // Each iteration starts one call; once the window is full it first
    // waits for the oldest call, so N calls stay in flight.
    if (in_flight.size() == window) {
      if (!Check(state, in_flight.front().result())) break;
      in_flight.pop_front();
    }
    in_flight.push_back(bench.client().SayHelloAsync(kName, kTimeout));
  }
  for (GreetingFuture& future : in_flight) future.result();
  CountCalls(state, static_cast<double>(state.iterations()));
}
BENCHMARK(BM_InFlight)
    ->ArgsProduct({{1, 8, 64}, {0, 1}})
    ->UseRealTime()
    ->MinTime(2.0);

// Args: names per GreetAll (all in flight at once), the server's delay.
void BM_GreetAll(benchmark::State& state) {
  const std::vector<std::string> names(static_cast<size_t>(state.range(0)),
                                       kName);
  Bench bench(state.range(1));
  for (auto _ : state) {
    for (const NamedGreeting& outcome :
         bench.client().GreetAll(names, kTimeout)) {
      if (!Check(state, outcome.result)) return;
    }
  }
  CountCalls(state, static_cast<double>(state.iterations() * names.size()));
}
BENCHMARK(BM_GreetAll)
    ->Args({64, 0})
    ->Args({64, 1})
    ->UseRealTime()
    ->MinTime(2.0);

}  // namespace
}  // namespace workbook::async

BENCHMARK_MAIN();
