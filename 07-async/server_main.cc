// The lesson 07 server program: `server --port=50051 --ms_per_letter=100`.
#include <chrono>
#include <cstdint>
#include <iostream>

#include "absl/flags/flag.h"
#include "common/plumbing/flags.h"
#include "common/plumbing/server_runner.h"
#include "receptionist.h"
#include "server.h"

ABSL_FLAG(int64_t, ms_per_letter, 100,
          "How long the receptionist takes per letter of a name before it "
          "answers; 0 answers at once");

// [begin main]
int main(int argc, char** argv) {
  workbook::ParseFlags(argc, argv,
                       "Serves the lesson 07 Greeter (SayHello with the "
                       "callback API, answering later) until Ctrl-C.");
  const int64_t ms_per_letter = absl::GetFlag(FLAGS_ms_per_letter);
  if (ms_per_letter < 0 || ms_per_letter > 10000) {
    workbook::UsageError("--ms_per_letter must be between 0 and 10000");
  }
  // Declared before the service and destroyed after it: the server's
  // shutdown cancels every held call before the receptionist stops.
  workbook::async::TimedReceptionist receptionist(
      std::chrono::milliseconds(ms_per_letter), &std::cout);
  workbook::async::GreeterService greeter(receptionist);
  return workbook::RunServer("Greeter", {&greeter});
}
// [end main]
