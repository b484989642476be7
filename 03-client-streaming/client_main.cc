// The lesson 03 client program: greets a list of names in one
// SayHelloClientStream call, then uploads a file (or generated text) to the
// FileStore and prints the server's summary.
//   client --target=127.0.0.1:50051 --names=Ada,Grace --file=notes.txt
#include <zlib.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "client.h"
#include "common/plumbing/client_flags.h"
#include "common/plumbing/flags.h"
#include "common/plumbing/rpc_errors.h"

ABSL_FLAG(std::vector<std::string>, names,
          std::vector<std::string>({"Ada", "Grace", "Linus"}),
          "Names to greet in one SayHelloClientStream call, comma-separated; "
          "--names= sends none");
ABSL_FLAG(std::string, file, "",
          "File to upload; when empty, --generated_bytes of generated text are "
          "uploaded");
ABSL_FLAG(int64_t, generated_bytes, int64_t{1} << 20,
          "Size of the generated text uploaded when --file is empty");
ABSL_FLAG(int64_t, chunk_bytes, int64_t{64} << 10,
          "Bytes per chunk (one chunk is one message; at most 1047552)");

namespace {

using workbook::client_streaming::ChunkSource;
using workbook::client_streaming::FileChunk;
using workbook::client_streaming::UploadSummary;

// [begin file-chunks]
// The chunks of an open file, read only when the upload asks for them.
ChunkSource FileChunks(std::shared_ptr<std::ifstream> file,
                       std::size_t chunk_bytes) {
  return [file, chunk_bytes](FileChunk* chunk) {
    std::string& data = *chunk->mutable_data();
    data.resize(chunk_bytes);
    file->read(data.data(), static_cast<std::streamsize>(chunk_bytes));
    data.resize(static_cast<std::size_t>(file->gcount()));
    return !data.empty();
  };
}
// [end file-chunks]

// `total` bytes of text, made up as the upload asks for them.
ChunkSource GeneratedChunks(int64_t total, std::size_t chunk_bytes) {
  static const std::string kText =
      "Client streaming: many requests, one reply. ";
  return [total, chunk_bytes, sent = int64_t{0}](FileChunk* chunk) mutable {
    std::string& data = *chunk->mutable_data();
    data.clear();
    for (; sent < total && data.size() < chunk_bytes; ++sent) {
      data += kText[static_cast<std::size_t>(sent) % kText.size()];
    }
    return !data.empty();
  };
}

// Passes `source`'s chunks through, computing their CRC-32 into `*crc` on the
// way, to check the server's summary against what was really sent.
ChunkSource WithChecksum(ChunkSource source, uint32_t* crc) {
  *crc = 0;
  return [source = std::move(source), crc](FileChunk* chunk) {
    if (!source(chunk)) return false;
    const std::string& data = chunk->data();
    *crc = static_cast<uint32_t>(
        crc32(*crc, reinterpret_cast<const Bytef*>(data.data()),
              static_cast<uInt>(data.size())));
    return true;
  };
}

std::string Hex(uint32_t value) {
  char text[11];
  std::snprintf(text, sizeof text, "0x%08x", value);
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  workbook::ParseFlags(
      argc, argv,
      "Greets names through the lesson 03 Greeter, then uploads a file to "
      "its FileStore.");
  const std::string target = workbook::TargetFlag();
  const std::chrono::milliseconds deadline = workbook::DeadlineFlag();
  const int64_t chunk_bytes = absl::GetFlag(FLAGS_chunk_bytes);
  if (chunk_bytes < 1 ||
      chunk_bytes > int64_t{workbook::client_streaming::kMaxChunkBytes}) {
    workbook::UsageError(
        "--chunk_bytes must be between 1 and " +
        std::to_string(workbook::client_streaming::kMaxChunkBytes));
  }
  const int64_t generated_bytes = absl::GetFlag(FLAGS_generated_bytes);
  if (generated_bytes < 0) {
    workbook::UsageError("--generated_bytes must not be negative");
  }
  const std::string path = absl::GetFlag(FLAGS_file);
  auto file = std::make_shared<std::ifstream>(path, std::ios::binary);
  if (!path.empty() && !*file) {
    workbook::UsageError("cannot open --file=" + path);
  }

  // One channel for both calls: creating it does not connect yet.
  auto channel =
      grpc::CreateChannel(target, grpc::InsecureChannelCredentials());

  workbook::client_streaming::GreeterClient greeter(channel, deadline);
  std::string greeting;
  grpc::Status status =
      greeter.SayHelloClientStream(absl::GetFlag(FLAGS_names), &greeting);
  if (!status.ok()) {
    return workbook::ReportRpcFailure("SayHelloClientStream", target, status);
  }
  std::cout << "Greeter replied: " << greeting << std::endl;

  const auto size = static_cast<std::size_t>(chunk_bytes);
  std::cout << "Uploading "
            << (path.empty() ? std::to_string(generated_bytes) +
                                   " bytes of generated text"
                             : path)
            << " in chunks of " << chunk_bytes << " bytes" << std::endl;
  // [begin upload]
  uint32_t sent_crc = 0;
  ChunkSource chunks =
      WithChecksum(path.empty() ? GeneratedChunks(generated_bytes, size)
                                : FileChunks(file, size),
                   &sent_crc);
  workbook::client_streaming::FileUploader uploader(channel, deadline);
  UploadSummary summary;
  const auto start = std::chrono::steady_clock::now();
  status = uploader.Upload(chunks, &summary);
  const std::chrono::duration<double> took =
      std::chrono::steady_clock::now() - start;
  if (!status.ok()) return workbook::ReportRpcFailure("Upload", target, status);
  // [end upload]
  if (file->bad()) {
    std::cerr << "error: reading " << path
              << " failed; the server got only part of it\n";
    return 1;
  }
  if (summary.crc32() != sent_crc) {
    std::cerr << "error: the server's CRC-32 " << Hex(summary.crc32())
              << " differs from the sent data's " << Hex(sent_crc) << "\n";
    return 1;
  }
  std::cout << "FileStore summary: " << summary.chunks() << " chunks, "
            << summary.bytes() << " bytes, CRC-32 " << Hex(summary.crc32())
            << " (matches what was sent)\n";
  std::cout << std::fixed << std::setprecision(1) << "Upload took "
            << took.count() * 1e3 << " ms: " << summary.chunks() / took.count()
            << " chunks/s, " << summary.bytes() / took.count() / 1e6 << " MB/s"
            << std::endl;
  return 0;
}
