// The lesson 03 server program: `server --port=50051`.
#include <cstdint>

#include "absl/flags/flag.h"
#include "common/plumbing/flags.h"
#include "common/plumbing/server_runner.h"
#include "server.h"

ABSL_FLAG(
    int64_t, max_upload_bytes,
    workbook::client_streaming::kDefaultMaxUploadBytes,
    "The largest upload the FileStore accepts, in bytes; larger ones fail with "
    "RESOURCE_EXHAUSTED");

// [begin main]
int main(int argc, char** argv) {
  workbook::ParseFlags(
      argc, argv,
      "Serves the lesson 03 Greeter (SayHelloClientStream) and FileStore "
      "(Upload) until Ctrl-C.");
  const int64_t max_upload_bytes = absl::GetFlag(FLAGS_max_upload_bytes);
  if (max_upload_bytes < 0) {
    workbook::UsageError("--max_upload_bytes must not be negative");
  }

  workbook::client_streaming::GreeterService greeter;
  workbook::client_streaming::FileStoreService file_store(max_upload_bytes);
  return workbook::RunServer("Greeter and FileStore", {&greeter, &file_store});
}
// [end main]
