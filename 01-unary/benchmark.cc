// How many unary SayHello calls per second one client gets over one channel
// on loopback, each call waiting for its reply before the next starts.
// Run: ./build/solution/01-unary/benchmark
#include <benchmark/benchmark.h>

#include <chrono>
#include <string>

#include "client.h"
#include "common/testing/test_server.h"
#include "server.h"

namespace workbook::unary {
namespace {

void BM_SayHello(benchmark::State& state) {
  GreeterService service;
  workbook::testing::TestServer server({&service});
  GreeterClient client(server.NewChannel(), std::chrono::seconds(5));
  std::string greeting;
  for (auto _ : state) {
    const grpc::Status status = client.SayHello("benchmark", &greeting);
    if (!status.ok()) {
      state.SkipWithError(status.error_message().c_str());
      break;
    }
  }
  state.counters["calls/s"] = benchmark::Counter(
      static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SayHello)->UseRealTime()->MinTime(2.0);

}  // namespace
}  // namespace workbook::unary

BENCHMARK_MAIN();
