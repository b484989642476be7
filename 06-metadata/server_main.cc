// The lesson 06 server program:
//   server --port=50051 --token=workbook-demo-token --server_name=greeter-1
#include <grpc/grpc.h>
#include <unistd.h>

#include <string>

#include "absl/flags/flag.h"
#include "common/plumbing/flags.h"
#include "common/plumbing/server_runner.h"
#include "demo.h"
#include "server.h"

ABSL_FLAG(std::string, token, std::string(workbook::metadata::kDemoToken),
          "The bearer token clients must send (authorization: Bearer <token>)");
ABSL_FLAG(std::string, server_name, "",
          "Sent as x-served-by in every call's headers (default: "
          "greeter-<process id>)");

namespace {

// Whether `value` may be sent in a header: checked with gRPC's own
// predicate, because an illegal value would abort this server at its first
// call (gRPC 1.51), far from the flag that caused it.
bool IsLegalHeaderValue(const std::string& value) {
  grpc_slice slice = grpc_slice_from_copied_buffer(value.data(), value.size());
  const bool legal = grpc_header_nonbin_value_is_legal(slice) != 0;
  grpc_slice_unref(slice);
  return legal;
}

}  // namespace

// [begin main]
int main(int argc, char** argv) {
  workbook::ParseFlags(
      argc, argv,
      "Serves the lesson 06 Greeter (SayHello, SayHelloServerStream) with "
      "headers and trailers, until Ctrl-C.");
  workbook::metadata::ServerSettings settings;
  settings.token = absl::GetFlag(FLAGS_token);
  settings.name = absl::GetFlag(FLAGS_server_name);
  if (settings.name.empty()) {
    settings.name = "greeter-" + std::to_string(getpid());
  }
  if (settings.token.empty()) workbook::UsageError("--token must not be empty");
  if (!IsLegalHeaderValue(settings.name)) {
    workbook::UsageError("--server_name must be printable ASCII");
  }
  workbook::metadata::GreeterService greeter(settings);
  return workbook::RunServer("Greeter", {&greeter});
}
// [end main]
