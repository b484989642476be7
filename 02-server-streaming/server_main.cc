// The lesson 02 server program: `server --port=50051`.
#include <iostream>
#include <mutex>
#include <string>

#include "common/plumbing/flags.h"
#include "common/plumbing/server_runner.h"
#include "server.h"

namespace {

// One line per finished ListPrimes call, so you can watch the server stop
// early when a client cancels. Handlers run on several threads at once.
void LogPrimeStream(
    const workbook::server_streaming::PrimeStreamReport& report) {
  static std::mutex mutex;
  const std::string counts = std::to_string(report.produced) + " of " +
                             std::to_string(report.requested) + " primes";
  std::lock_guard<std::mutex> lock(mutex);
  if (report.client_gone) {
    std::cout << "ListPrimes: the client went away; stopped after " << counts
              << std::endl;
  } else {
    std::cout << "ListPrimes: streamed " << counts << std::endl;
  }
}

}  // namespace

// [begin main]
int main(int argc, char** argv) {
  workbook::ParseFlags(
      argc, argv,
      "Serves the lesson 02 Greeter (SayHelloServerStream) and Primes "
      "(ListPrimes) until Ctrl-C.");
  workbook::server_streaming::GreeterService greeter;
  workbook::server_streaming::PrimeService primes;
  primes.SetStreamEndListener(LogPrimeStream);
  return workbook::RunServer("Greeter and Primes", {&greeter, &primes});
}
// [end main]
