// The lesson 01 server program: `server --port=50051`.
#include "common/plumbing/flags.h"
#include "common/plumbing/server_runner.h"
#include "server.h"

// [begin main]
int main(int argc, char** argv) {
  workbook::ParseFlags(
      argc, argv,
      "Serves the lesson 01 Greeter (unary SayHello) until Ctrl-C.");
  workbook::unary::GreeterService greeter;
  return workbook::RunServer("Greeter", {&greeter});
}
// [end main]
