// What keeping calls in flight buys a client: SayHello calls per second from
// one thread, one at a time (each waits for its answer) against N at a time
// (a window of N futures: as the oldest ends, the next call starts).
// The server is the lesson's callback server, answering at once.
// Run: ./workbook bench 07   (or ./build/bench/07-async/benchmark)
#include <benchmark/benchmark.h>

#include <chrono>
#include <deque>
#include <string>

#include "client.h"
#include "common/testing/test_server.h"
#include "receptionist.h"
#include "server.h"

namespace workbook::async {
namespace {

constexpr std::chrono::seconds kTimeout{10};

// Fails the benchmark on a failed call; true if it succeeded.
bool Check(benchmark::State& state, const GreetingResult& result) {
  if (result.status.ok()) return true;
  state.SkipWithError(result.status.error_message().c_str());
  return false;
}

void BM_OneAtATime(benchmark::State& state) {
  TimedReceptionist receptionist(std::chrono::milliseconds(0));
  GreeterService service(receptionist);
  workbook::testing::TestServer server({&service});
  GreeterClient client(server.NewChannel());
  for (auto _ : state) {
    if (!Check(state, client.SayHelloAsync("benchmark", kTimeout).result()))
      break;
  }
  state.counters["calls/s"] = benchmark::Counter(
      static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_OneAtATime)->UseRealTime()->MinTime(2.0);

void BM_InFlight(benchmark::State& state) {
  const auto window = static_cast<size_t>(state.range(0));
  TimedReceptionist receptionist(std::chrono::milliseconds(0));
  GreeterService service(receptionist);
  workbook::testing::TestServer server({&service});
  GreeterClient client(server.NewChannel());
  std::deque<GreetingFuture> in_flight;
  for (auto _ : state) {
    // Each iteration starts one call; once the window is full it first
    // waits for the oldest call, so N calls stay in flight.
    if (in_flight.size() == window) {
      if (!Check(state, in_flight.front().result())) break;
      in_flight.pop_front();
    }
    in_flight.push_back(client.SayHelloAsync("benchmark", kTimeout));
  }
  for (GreetingFuture& future : in_flight) future.result();
  state.counters["calls/s"] = benchmark::Counter(
      static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_InFlight)->Arg(1)->Arg(8)->Arg(64)->UseRealTime()->MinTime(2.0);

}  // namespace
}  // namespace workbook::async

BENCHMARK_MAIN();
