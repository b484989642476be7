// The lesson 07 client program: starts several SayHello calls from one
// thread, cancels one, and prints the results in the order they arrive.
//   client --target=127.0.0.1:50051 --names=Alexander,Bo,Ada --cancel=Bo
#include <chrono>
#include <condition_variable>
#include <deque>
#include <iostream>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "client.h"
#include "common/plumbing/client_flags.h"
#include "common/plumbing/flags.h"
#include "common/plumbing/rpc_errors.h"

ABSL_FLAG(std::vector<std::string>, names,
          std::vector<std::string>({"Alexander", "Bo", "Grace", "Ada",
                                    "Bartholomew"}),
          "Who to greet, comma-separated: one call each, all at once");
ABSL_FLAG(std::string, cancel, "Bartholomew",
          "The name whose call to cancel as soon as the first result "
          "arrives (empty: cancel none)");
ABSL_FLAG(bool, queue, false,
          "Make the calls with GreetAll (a CompletionQueue on this thread) "
          "instead of futures; nothing is cancelled");

namespace {

using Clock = std::chrono::steady_clock;

// Indexes of calls that ended, handed from gRPC's callback threads to main.
// Push() is all a callback does: it locks briefly and never waits.
class Arrivals {
 public:
  void Push(int index) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      ended_.push_back(index);
    }
    changed_.notify_one();
  }

  // The next index, or nothing if none arrives within `bound`.
  std::optional<int> Pop(std::chrono::milliseconds bound) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (!changed_.wait_for(lock, bound, [this] { return !ended_.empty(); }))
      return std::nullopt;
    const int index = ended_.front();
    ended_.pop_front();
    return index;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<int> ended_;
};

std::string Describe(const workbook::async::GreetingResult& result) {
  return result.status.ok() ? "OK \"" + result.greeting + "\""
                            : workbook::DescribeStatus(result.status);
}

long long MillisecondsSince(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() -
                                                               start)
      .count();
}

void PrintOrder(const std::vector<int>& order) {
  std::cout << "Results arrived in the order";
  bool in_start_order = true;
  for (size_t i = 0; i < order.size(); ++i) {
    std::cout << " #" << order[i];
    in_start_order = in_start_order && order[i] == static_cast<int>(i) + 1;
  }
  std::cout << (in_start_order ? ", the order the calls were started.\n"
                               : ": not the order the calls were started.\n");
}

// [begin futures]
int RunWithFutures(workbook::async::GreeterClient& greeter,
                   const std::string& target,
                   const std::vector<std::string>& names,
                   const std::string& to_cancel,
                   std::chrono::milliseconds deadline) {
  const Clock::time_point start = Clock::now();
  Arrivals arrivals;
  std::vector<workbook::async::GreetingFuture> calls;
  for (size_t i = 0; i < names.size(); ++i) {
    const int index = static_cast<int>(i);
    calls.push_back(greeter.SayHelloAsync(
        names[i], deadline,
        [&arrivals, index](const auto&) { arrivals.Push(index); }));
  }
  std::cout << "Started " << calls.size()
            << " SayHello calls from one thread; none has ended yet."
            << std::endl;  // Flushed: each line shows up as it happens.

  std::vector<int> order;
  std::optional<grpc::Status> failure;  // The first unexpected error.
  while (order.size() < calls.size()) {
    // Every call has a deadline, so every callback comes: the bound is
    // only a safety net.
    const std::optional<int> index =
        arrivals.Pop(deadline + std::chrono::seconds(5));
    if (!index) {
      return workbook::ReportRpcFailure(
          "SayHello", target,
          grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED,
                       "a call never reported its end"));
    }
    const workbook::async::GreetingResult result = calls[*index].result();
    const bool cancelled_by_us =
        names[*index] == to_cancel &&
        result.status.error_code() == grpc::StatusCode::CANCELLED;
    std::cout << "  #" << *index + 1 << " " << names[*index] << ": "
              << (cancelled_by_us ? "CANCELLED, as asked" : Describe(result))
              << " after " << MillisecondsSince(start) << " ms" << std::endl;
    order.push_back(*index + 1);
    if (!result.status.ok() && !cancelled_by_us && !failure)
      failure = result.status;
    if (order.size() == 1) {
      for (size_t i = 0; i < calls.size(); ++i) {
        if (names[i] != to_cancel || !calls[i].cancel()) continue;
        std::cout << "  cancelling #" << i + 1 << " " << names[i]
                  << ", still in flight" << std::endl;
      }
    }
  }
  PrintOrder(order);
  if (failure) return workbook::ReportRpcFailure("SayHello", target, *failure);
  return 0;
}
// [end futures]

int RunWithQueue(workbook::async::GreeterClient& greeter,
                 const std::string& target,
                 const std::vector<std::string>& names,
                 std::chrono::milliseconds deadline) {
  const Clock::time_point start = Clock::now();
  std::cout << "GreetAll: " << names.size()
            << " SayHello calls on one CompletionQueue, on this thread."
            << std::endl;
  std::vector<int> order;
  std::optional<grpc::Status> failure;
  greeter.GreetAll(
      names, deadline, [&](const workbook::async::NamedGreeting& outcome) {
        std::cout << "  " << outcome.name << ": " << Describe(outcome.result)
                  << " after " << MillisecondsSince(start) << " ms"
                  << std::endl;
        for (size_t i = 0; i < names.size(); ++i) {
          if (names[i] == outcome.name)
            order.push_back(static_cast<int>(i) + 1);
        }
        if (!outcome.result.status.ok() && !failure)
          failure = outcome.result.status;
      });
  PrintOrder(order);
  if (failure) return workbook::ReportRpcFailure("SayHello", target, *failure);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  workbook::ParseFlags(argc, argv,
                       "Starts several SayHello calls at once against the "
                       "lesson 07 Greeter and prints results as they arrive.");
  const std::string target = workbook::TargetFlag();
  const std::chrono::milliseconds deadline = workbook::DeadlineFlag();
  const std::vector<std::string> names = absl::GetFlag(FLAGS_names);
  if (names.empty()) workbook::UsageError("--names must name someone");

  workbook::async::GreeterClient greeter(
      grpc::CreateChannel(target, grpc::InsecureChannelCredentials()));
  if (absl::GetFlag(FLAGS_queue)) {
    return RunWithQueue(greeter, target, names, deadline);
  }
  return RunWithFutures(greeter, target, names, absl::GetFlag(FLAGS_cancel),
                        deadline);
}
