// Two numbers for bidirectional streaming on loopback:
//   BM_GreeterRoundTrip   messages per second on one SayHelloBiStream stream,
//                         each name waiting for its reply before the next;
//   BM_ChatRoomBroadcast  lines delivered per second in a room of 8 members,
//                         all saying 100 lines per round at once.
// Run: ./build/solution/04-bidi/benchmark
#include <benchmark/benchmark.h>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/testing/test_server.h"
#include "server.h"

namespace workbook::bidi {
namespace {

using Clock = std::chrono::system_clock;
// Bounds every call; far longer than a benchmark runs.
constexpr std::chrono::minutes kBenchmarkDeadline{10};

void BM_GreeterRoundTrip(benchmark::State& state) {
  GreeterService service;
  workbook::testing::TestServer server({&service});
  auto stub = Greeter::NewStub(server.NewChannel());
  grpc::ClientContext context;
  context.set_deadline(Clock::now() + kBenchmarkDeadline);
  auto stream = stub->SayHelloBiStream(&context);
  HelloRequest request;
  request.set_name("benchmark");
  HelloReply reply;
  for (auto _ : state) {
    if (!stream->Write(request) || !stream->Read(&reply)) {
      state.SkipWithError("the stream broke");
      break;
    }
  }
  stream->WritesDone();
  stream->Finish();
  state.counters["round trips/s"] = benchmark::Counter(
      static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_GreeterRoundTrip)->UseRealTime()->MinTime(2.0);

// Counts the lines every member has received.
class Deliveries {
 public:
  void Add() {
    std::lock_guard<std::mutex> lock(mutex_);
    ++delivered_;
    if (delivered_ >= target_) reached_.notify_all();
  }

  // Waits until `target` lines have been delivered in all; false if that
  // takes longer than any round should (lines went missing).
  bool WaitFor(long target) {
    std::unique_lock<std::mutex> lock(mutex_);
    target_ = target;
    return reached_.wait_for(lock, std::chrono::seconds(30),
                             [&] { return delivered_ >= target_; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable reached_;
  long delivered_ = 0;
  long target_ = 0;
};

void BM_ChatRoomBroadcast(benchmark::State& state) {
  constexpr int kMembers = 8;
  constexpr int kLinesPerRound = 100;
  ChatService service(/*outbox_capacity=*/kMembers * kLinesPerRound);
  workbook::testing::TestServer server({&service});
  Deliveries deliveries;

  struct Visit {
    std::unique_ptr<ChatRoom::Stub> stub;
    grpc::ClientContext context;
    std::unique_ptr<grpc::ClientReaderWriter<ChatMessage, ChatEvent>> stream;
    std::thread reader;
  };
  std::vector<std::unique_ptr<Visit>> visits;
  for (int m = 0; m < kMembers; ++m) {
    auto visit = std::make_unique<Visit>();
    visit->stub = ChatRoom::NewStub(server.NewChannel());
    visit->context.set_deadline(Clock::now() + kBenchmarkDeadline);
    visit->stream = visit->stub->Chat(&visit->context);
    ChatMessage join;
    join.mutable_join()->set_name("member " + std::to_string(m));
    visit->stream->Write(join);
    ChatEvent welcome;
    visit->stream->Read(&welcome);  // In the room before the next one joins.
    visit->reader = std::thread([&deliveries, stream = visit->stream.get()] {
      ChatEvent event;
      while (stream->Read(&event)) {
        if (event.has_said()) deliveries.Add();
      }
    });
    visits.push_back(std::move(visit));
  }

  ChatMessage line;
  line.set_text("a line of chat, about as long as people write them");
  long expected = 0;
  for (auto _ : state) {
    // Each member's stream has one writer (this thread); the server's eight
    // handlers relay the lines concurrently.
    for (int i = 0; i < kLinesPerRound; ++i) {
      for (auto& visit : visits) visit->stream->Write(line);
    }
    expected += static_cast<long>(kMembers) * kLinesPerRound * (kMembers - 1);
    if (!deliveries.WaitFor(expected)) {
      state.SkipWithError("lines went missing");
      break;
    }
  }
  for (auto& visit : visits) {
    visit->stream->WritesDone();
    visit->reader.join();
    visit->stream->Finish();
  }
  state.counters["delivered/s"] = benchmark::Counter(
      static_cast<double>(expected), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ChatRoomBroadcast)->UseRealTime()->MinTime(2.0);

}  // namespace
}  // namespace workbook::bidi

BENCHMARK_MAIN();
