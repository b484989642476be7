// Upload throughput: the lesson's FileUploader against its FileStoreService,
// both in this process, over loopback TCP. Each iteration is one whole
// upload; the rates count chunks (messages) and bytes.
//   ./build/solution/03-client-streaming/benchmark
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdint>
#include <limits>
#include <string>

#include "client.h"
#include "common/plumbing/rpc_errors.h"
#include "common/testing/test_server.h"
#include "server.h"

namespace workbook::client_streaming {
namespace {

void BM_Upload(benchmark::State& state) {
  const auto chunk_bytes = static_cast<std::size_t>(state.range(0));
  const int64_t chunks_per_upload = state.range(1);
  FileStoreService store(std::numeric_limits<int64_t>::max());
  workbook::testing::TestServer server({&store});
  FileUploader uploader(server.NewChannel(), std::chrono::minutes(1));
  const std::string data(chunk_bytes, 'x');

  for (auto _ : state) {
    int64_t sent = 0;
    UploadSummary summary;
    const grpc::Status status = uploader.Upload(
        [&](FileChunk* chunk) {
          if (sent == chunks_per_upload) return false;
          ++sent;
          chunk->set_data(data);
          return true;
        },
        &summary);
    if (!status.ok() || summary.chunks() != chunks_per_upload) {
      state.SkipWithError(("upload failed: " + DescribeStatus(status)).c_str());
      break;
    }
  }
  state.SetItemsProcessed(state.iterations() * chunks_per_upload);
  state.SetBytesProcessed(state.iterations() * chunks_per_upload *
                          static_cast<int64_t>(chunk_bytes));
}

// Small messages show the cost per message; 64 KiB ones the cost per byte.
BENCHMARK(BM_Upload)
    ->ArgNames({"chunk_bytes", "chunks"})
    ->Args({64, 10000})
    ->Args({64 << 10, 256})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace workbook::client_streaming

BENCHMARK_MAIN();
