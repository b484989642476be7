// The lesson 02 client program:
//   client --target=127.0.0.1:50051 --name=Ada --greetings=5 --primes=10
#include <cstdint>
#include <iostream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "client.h"
#include "common/plumbing/client_flags.h"
#include "common/plumbing/flags.h"
#include "common/plumbing/rpc_errors.h"

ABSL_FLAG(std::string, name, "world", "Who the server should greet");
ABSL_FLAG(uint32_t, greetings, 5,
          "How many greetings to ask SayHelloServerStream for");
ABSL_FLAG(uint32_t, primes, 10, "How many primes to ask ListPrimes for");
ABSL_FLAG(uint32_t, stop_after, 0,
          "Cancel ListPrimes after this many primes arrived (0: read the whole "
          "stream)");

namespace {

using workbook::server_streaming::GreeterClient;
using workbook::server_streaming::Prime;
using workbook::server_streaming::PrimesClient;

int PrintGreetings(GreeterClient& greeter, const std::string& target) {
  const std::string name = absl::GetFlag(FLAGS_name);
  const uint32_t count = absl::GetFlag(FLAGS_greetings);
  std::cout << "SayHelloServerStream(name=\"" << name << "\", count=" << count
            << "):\n";
  std::vector<std::string> greetings;
  const grpc::Status status =
      greeter.SayHelloServerStream(name, count, &greetings);
  for (const std::string& greeting : greetings)
    std::cout << "  " << greeting << "\n";
  if (!status.ok()) {
    std::cout << std::flush;
    return workbook::ReportRpcFailure("SayHelloServerStream", target, status);
  }
  std::cout << "  stream ended: OK, " << greetings.size() << " greetings\n";
  return 0;
}

// [begin print-primes]
int PrintPrimes(PrimesClient& primes, const std::string& target) {
  const uint32_t count = absl::GetFlag(FLAGS_primes);
  const uint32_t stop_after = absl::GetFlag(FLAGS_stop_after);
  std::cout << "ListPrimes(count=" << count << "):" << std::endl;
  uint32_t received = 0;
  // Each prime is printed the moment it arrives, not when the stream ends.
  const grpc::Status status = primes.ListPrimes(count, [&](const Prime& prime) {
    std::cout << "  prime #" << prime.index() << ": " << prime.value()
              << std::endl;
    ++received;
    return stop_after == 0 || received < stop_after;
  });
  if (!status.ok()) {
    return workbook::ReportRpcFailure("ListPrimes", target, status);
  }
  if (stop_after != 0 && received == stop_after && received < count) {
    std::cout << "  stopped after " << received
              << " primes: cancelled the rest\n";
  } else {
    std::cout << "  stream ended: OK, " << received << " primes\n";
  }
  return 0;
}
// [end print-primes]

}  // namespace

int main(int argc, char** argv) {
  workbook::ParseFlags(
      argc, argv,
      "Calls the lesson 02 server-streaming methods and prints each message "
      "as it arrives.");
  const std::string target = workbook::TargetFlag();
  const auto deadline = workbook::DeadlineFlag();

  auto channel =
      grpc::CreateChannel(target, grpc::InsecureChannelCredentials());
  GreeterClient greeter(channel, deadline);
  PrimesClient primes(channel, deadline);
  if (const int failed = PrintGreetings(greeter, target); failed != 0)
    return failed;
  return PrintPrimes(primes, target);
}
