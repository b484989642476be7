// What metadata costs per call, on loopback: unary SayHello calls with no
// metadata at all, with the lesson's own (token, request id, served-by,
// elapsed time), with N extra ASCII headers, and with a binary header of
// growing size (gRPC base64-encodes -bin values on the wire). Plus the cost
// of checking one entry with ValidateMetadata.
//
// On a shared machine the wall time per call says more about the other
// programs running than about gRPC; the CPU column (the whole process's:
// client and server threads, MeasureProcessCPUTime) is the steadier figure.
// Run: ./workbook bench 06   (or ./build/bench/06-metadata/benchmark)
#include <benchmark/benchmark.h>

#include <string>

#include "client.h"
#include "common/testing/test_server.h"
#include "metadata_rules.h"
#include "server.h"

namespace workbook::metadata {
namespace {

constexpr char kToken[] = "bench-token";

// The floor: a Greeter that reads no metadata and adds none.
class BareGreeter final : public Greeter::Service {
 public:
  grpc::Status SayHello(grpc::ServerContext* /*context*/,
                        const HelloRequest* request,
                        HelloReply* reply) override {
    reply->set_message("Hello, " + request->name() + "!");
    return grpc::Status::OK;
  }
};

void CountCalls(benchmark::State& state) {
  state.counters["calls/s"] = benchmark::Counter(
      static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_NoMetadata(benchmark::State& state) {
  BareGreeter service;
  workbook::testing::TestServer server({&service});
  auto stub = server.NewStub<Greeter>();
  HelloRequest request;
  request.set_name("bench");
  HelloReply reply;
  for (auto _ : state) {
    grpc::ClientContext context;
    context.set_deadline(workbook::testing::DeadlineIn());
    const grpc::Status status = stub->SayHello(&context, request, &reply);
    if (!status.ok()) {
      state.SkipWithError(status.error_message().c_str());
      break;
    }
  }
  CountCalls(state);
}
BENCHMARK(BM_NoMetadata)->MeasureProcessCPUTime()->UseRealTime()->MinTime(1.0);

// The lesson's Greeter and client, with `extra` further headers of
// `value_bytes` each, under key `key_stem`<i>.
void RunLessonCalls(benchmark::State& state, int extra,
                    const std::string& key_stem, size_t value_bytes) {
  GreeterService service(ServerSettings{kToken, "bench-server"});
  workbook::testing::TestServer server({&service});
  GreeterClient client(server.NewChannel());
  CallOptions options;
  options.token = kToken;
  options.request_id = "bench-request";
  options.deadline = workbook::testing::kRpcDeadline;
  for (int i = 0; i < extra; ++i) {
    options.headers.emplace_back(key_stem + std::to_string(i),
                                 std::string(value_bytes, 'v'));
  }
  for (auto _ : state) {
    const CallRecord record = client.SayHello("bench", options);
    if (!record.status.ok()) {
      state.SkipWithError(record.status.error_message().c_str());
      break;
    }
  }
  CountCalls(state);
}

// The lesson's own metadata (argument 0), then 4, 16 and 64 headers of 32
// bytes each.
void BM_LessonMetadataPlusHeaders(benchmark::State& state) {
  RunLessonCalls(state, static_cast<int>(state.range(0)), "x-extra-", 32);
}
BENCHMARK(BM_LessonMetadataPlusHeaders)
    ->Arg(0)
    ->Arg(4)
    ->Arg(16)
    ->Arg(64)
    ->MeasureProcessCPUTime()
    ->UseRealTime()
    ->MinTime(1.0);

// One binary header of 16 bytes to 4 KiB (base64 on the wire: 4/3 larger).
void BM_LessonMetadataPlusBinaryHeader(benchmark::State& state) {
  RunLessonCalls(state, 1, "trace-bin-", static_cast<size_t>(state.range(0)));
}
BENCHMARK(BM_LessonMetadataPlusBinaryHeader)
    ->Arg(16)
    ->Arg(256)
    ->Arg(4096)
    ->MeasureProcessCPUTime()
    ->UseRealTime()
    ->MinTime(1.0);

// The price of not aborting: checking one typical entry.
void BM_ValidateMetadata(benchmark::State& state) {
  const std::string key = "x-request-id";
  const std::string value = "7be7bf8a0d4577226d53f0f2af246837";
  for (auto _ : state) {
    benchmark::DoNotOptimize(ValidateMetadata(key, value));
  }
}
BENCHMARK(BM_ValidateMetadata);

}  // namespace
}  // namespace workbook::metadata

BENCHMARK_MAIN();
