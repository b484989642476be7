// How many small messages per second one server stream delivers on loopback:
// the server writes HelloReply messages with the sync API as fast as Write()
// lets it, and one client reads them.
// Run: ./build/solution/02-server-streaming/benchmark
#include <benchmark/benchmark.h>

#include <chrono>
#include <string>
#include <vector>

#include "client.h"
#include "common/testing/test_server.h"
#include "server.h"

namespace workbook::server_streaming {
namespace {

// One long stream: each iteration reads one message of the same stream, so
// the number is the steady rate of a stream, without the cost of starting
// calls. The service writes the same small greeting until the client cancels.
class EndlessGreeter final : public Greeter::Service {
 public:
  grpc::Status SayHelloServerStream(
      grpc::ServerContext* /*context*/, const HelloRequest* request,
      grpc::ServerWriter<HelloReply>* writer) override {
    HelloReply reply;
    reply.set_message("Hello, " + request->name() + "!");
    while (writer->Write(reply)) {
    }
    return grpc::Status(grpc::StatusCode::CANCELLED, "the client went away");
  }
};

void BM_OneStreamOfSmallMessages(benchmark::State& state) {
  EndlessGreeter service;
  workbook::testing::TestServer server({&service});
  auto stub = Greeter::NewStub(server.NewChannel());
  grpc::ClientContext context;
  HelloRequest request;
  request.set_name("benchmark");
  auto reader = stub->SayHelloServerStream(&context, request);
  HelloReply reply;
  for (auto _ : state) {
    if (!reader->Read(&reply)) {
      state.SkipWithError("the stream ended early");
      break;
    }
  }
  context.TryCancel();
  reader->Finish();
  state.counters["messages/s"] = benchmark::Counter(
      static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_OneStreamOfSmallMessages)->UseRealTime()->MinTime(2.0);

// The lesson's own code end to end: whole SayHelloServerStream calls of
// kMaxGreetings greetings each, through GreeterService and GreeterClient,
// including the cost of starting each call.
void BM_GreetingStreams(benchmark::State& state) {
  GreeterService service;
  workbook::testing::TestServer server({&service});
  GreeterClient client(server.NewChannel(), std::chrono::seconds(10));
  std::vector<std::string> greetings;
  for (auto _ : state) {
    greetings.clear();
    const grpc::Status status =
        client.SayHelloServerStream("benchmark", kMaxGreetings, &greetings);
    if (!status.ok()) {
      state.SkipWithError(status.error_message().c_str());
      break;
    }
  }
  state.counters["messages/s"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * kMaxGreetings,
      benchmark::Counter::kIsRate);
}
BENCHMARK(BM_GreetingStreams)->UseRealTime()->MinTime(2.0);

}  // namespace
}  // namespace workbook::server_streaming

BENCHMARK_MAIN();
