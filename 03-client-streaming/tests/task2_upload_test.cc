// Task 2: the FileStore summarises an upload, refuses one past its limit
// without holding it in memory, and discards one the client cancels. Tested
// through the generated stub, the way any client would call it.
#include <gtest/gtest.h>
#include <zlib.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/plumbing/rpc_errors.h"
#include "common/plumbing/server_runner.h"
#include "common/testing/test_server.h"
#include "server.h"

namespace workbook::client_streaming {
namespace {

using workbook::testing::ContextWithDeadline;
using workbook::testing::kRpcDeadline;

// Waits until the service has reported how the test's one upload ended
// (cancelled, stored or rejected): the server learns of a cancellation on
// its own thread, after the client's Finish() has returned.
bool WaitForOneUploadToEnd(const UploadLedger& ledger) {
  return ledger.WaitUntil(
      [](const UploadTotals& totals) {
        return totals.uploads_cancelled + totals.uploads_stored +
                   totals.uploads_rejected ==
               1;
      },
      kRpcDeadline);
}

uint32_t Crc32Of(const std::vector<std::string>& chunks) {
  uLong crc = crc32(0, nullptr, 0);
  for (const std::string& data : chunks) {
    crc = crc32(crc, reinterpret_cast<const Bytef*>(data.data()),
                static_cast<uInt>(data.size()));
  }
  return static_cast<uint32_t>(crc);
}

int64_t TotalBytes(const std::vector<std::string>& chunks) {
  int64_t total = 0;
  for (const std::string& data : chunks)
    total += static_cast<int64_t>(data.size());
  return total;
}

FileChunk Chunk(std::string data) {
  FileChunk chunk;
  chunk.set_data(std::move(data));
  return chunk;
}

// `count` chunks of different sizes (0 to 99 bytes) holding every byte value,
// zero bytes included: file data is binary.
std::vector<std::string> VariedChunks(int count) {
  std::vector<std::string> chunks;
  for (int i = 0; i < count; ++i) {
    std::string data;
    for (int j = 0; j < i % 100; ++j)
      data += static_cast<char>((i * 31 + j) & 0xff);
    chunks.push_back(data);
  }
  return chunks;
}

// Uploads `chunks` in one call, the plain way: write all, close, finish.
grpc::Status UploadChunks(FileStore::Stub& stub,
                          const std::vector<std::string>& chunks,
                          UploadSummary* summary) {
  auto context = ContextWithDeadline();
  std::unique_ptr<grpc::ClientWriter<FileChunk>> writer =
      stub.Upload(context.get(), summary);
  for (const std::string& data : chunks) {
    if (!writer->Write(Chunk(data))) break;
  }
  writer->WritesDone();
  return writer->Finish();
}

class Task2_FileStoreSummarises
    : public workbook::testing::ServiceTest<FileStoreService> {
 protected:
  std::unique_ptr<FileStore::Stub> stub_ = NewStub<FileStore>();
};

TEST_F(Task2_FileStoreSummarises, AnEmptyUploadIsAnEmptyFile) {
  UploadSummary summary;
  const grpc::Status status = UploadChunks(*stub_, {}, &summary);
  ASSERT_TRUE(status.ok()) << DescribeStatus(status);
  EXPECT_EQ(summary.chunks(), 0);
  EXPECT_EQ(summary.bytes(), 0);
  EXPECT_EQ(summary.crc32(), 0u);
}

TEST_F(Task2_FileStoreSummarises, OneChunk) {
  UploadSummary summary;
  const grpc::Status status = UploadChunks(*stub_, {"123456789"}, &summary);
  ASSERT_TRUE(status.ok()) << DescribeStatus(status);
  EXPECT_EQ(summary.chunks(), 1);
  EXPECT_EQ(summary.bytes(), 9);
  // The standard check value of CRC-32 (the one zlib computes).
  EXPECT_EQ(summary.crc32(), 0xcbf43926u) << "use zlib's crc32()";
}

TEST_F(Task2_FileStoreSummarises, TenThousandChunksExactly) {
  const std::vector<std::string> chunks = VariedChunks(10000);
  UploadSummary summary;
  const grpc::Status status = UploadChunks(*stub_, chunks, &summary);
  ASSERT_TRUE(status.ok()) << DescribeStatus(status);
  EXPECT_EQ(summary.chunks(), 10000);
  EXPECT_EQ(summary.bytes(), TotalBytes(chunks));
  EXPECT_EQ(summary.crc32(), Crc32Of(chunks))
      << "the CRC must continue across chunks: crc32(crc_so_far, data, size)";
}

TEST_F(Task2_FileStoreSummarises, EmptyChunksCountAsChunks) {
  UploadSummary summary;
  const grpc::Status status = UploadChunks(*stub_, {"", "abc", ""}, &summary);
  ASSERT_TRUE(status.ok()) << DescribeStatus(status);
  EXPECT_EQ(summary.chunks(), 3);
  EXPECT_EQ(summary.bytes(), 3);
  EXPECT_EQ(summary.crc32(), Crc32Of({"abc"}));
}

TEST_F(Task2_FileStoreSummarises, ConcurrentUploadsKeepSeparateSummaries) {
  // Two uploads open at once, their chunks interleaved: each call has its
  // own handler run, so nothing may be shared between them.
  auto other_stub = NewStub<FileStore>();
  auto first_context = ContextWithDeadline();
  auto second_context = ContextWithDeadline();
  UploadSummary first_summary;
  UploadSummary second_summary;
  auto first = stub_->Upload(first_context.get(), &first_summary);
  auto second = other_stub->Upload(second_context.get(), &second_summary);
  for (int i = 0; i < 50; ++i) {
    ASSERT_TRUE(first->Write(Chunk("first")));
    ASSERT_TRUE(second->Write(Chunk("2nd")));
  }
  ASSERT_TRUE(second->WritesDone());
  const grpc::Status second_status = second->Finish();
  ASSERT_TRUE(first->WritesDone());
  const grpc::Status first_status = first->Finish();
  ASSERT_TRUE(first_status.ok()) << DescribeStatus(first_status);
  ASSERT_TRUE(second_status.ok()) << DescribeStatus(second_status);
  EXPECT_EQ(first_summary.chunks(), 50);
  EXPECT_EQ(first_summary.bytes(), 250);
  EXPECT_EQ(second_summary.chunks(), 50);
  EXPECT_EQ(second_summary.bytes(), 150);
  EXPECT_EQ(second_summary.crc32(),
            Crc32Of(std::vector<std::string>(50, "2nd")));
}

TEST_F(Task2_FileStoreSummarises, TheLedgerCountsStoredUploadsAndEveryChunk) {
  UploadSummary summary;
  ASSERT_TRUE(UploadChunks(*stub_, {"ab", "cde"}, &summary).ok());
  ASSERT_TRUE(UploadChunks(*stub_, {"fghij"}, &summary).ok());
  // The handler reports to the ledger before it returns, so before the
  // client's Finish() does: no waiting needed.
  const UploadTotals totals = service_.ledger().totals();
  EXPECT_EQ(totals.uploads_stored, 2)
      << "call ledger_.UploadEnded() at the end of every upload";
  EXPECT_EQ(totals.bytes_stored, 10);
  EXPECT_EQ(totals.chunks_read, 3)
      << "call ledger_.ChunkRead() for every chunk read";
  EXPECT_EQ(totals.largest_chunk_bytes, 5);
  EXPECT_EQ(totals.uploads_rejected + totals.uploads_cancelled, 0);
}

// A store with a 1 MiB limit, filled with 64 KiB chunks.
class Task2_FileStoreLimit
    : public workbook::testing::ServiceTest<FileStoreService> {
 protected:
  static constexpr int64_t kLimit = int64_t{1} << 20;
  static constexpr std::size_t kChunkBytes = std::size_t{64} << 10;
  static constexpr int kChunksInLimit =
      static_cast<int>(kLimit / kChunkBytes);  // 16

  Task2_FileStoreLimit() : ServiceTest(kLimit) {}

  std::unique_ptr<FileStore::Stub> stub_ = NewStub<FileStore>();
};

TEST_F(Task2_FileStoreLimit, AnUploadOfExactlyTheLimitIsAccepted) {
  const std::vector<std::string> chunks(kChunksInLimit,
                                        std::string(kChunkBytes, 'x'));
  UploadSummary summary;
  const grpc::Status status = UploadChunks(*stub_, chunks, &summary);
  ASSERT_TRUE(status.ok()) << DescribeStatus(status)
                           << " (the limit itself is allowed)";
  EXPECT_EQ(summary.bytes(), kLimit);
}

TEST_F(Task2_FileStoreLimit, AnUploadPastTheLimitIsRefusedWithoutHoldingIt) {
  // The client offers 64 MiB, 64 times the limit, and writes until a write
  // fails: the server must refuse as soon as the limit is passed.
  auto context = ContextWithDeadline();
  UploadSummary summary;
  auto writer = stub_->Upload(context.get(), &summary);
  const FileChunk chunk = Chunk(std::string(kChunkBytes, 'x'));
  int written = 0;
  while (written < 64 * kChunksInLimit && writer->Write(chunk)) ++written;
  writer->WritesDone();
  const grpc::Status status = writer->Finish();

  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED)
      << DescribeStatus(status);
  EXPECT_NE(status.error_message().find(std::to_string(kLimit)),
            std::string::npos)
      << "the message should name the limit, got: " << status.error_message();
  EXPECT_LT(written, 64 * kChunksInLimit) << "the client's writes never failed";

  // The service's own accounting shows that memory stayed bounded: it read
  // the 16 chunks that fit plus the one that crossed the limit, then stopped
  // reading, and it never held more than one chunk of data at a time.
  const UploadTotals totals = service_.ledger().totals();
  EXPECT_EQ(totals.chunks_read, kChunksInLimit + 1)
      << "stop reading at the first chunk too many";
  EXPECT_EQ(totals.largest_chunk_bytes, static_cast<int64_t>(kChunkBytes));
  EXPECT_EQ(totals.uploads_rejected, 1);
  EXPECT_EQ(totals.uploads_stored, 0) << "a refused upload must not be stored";
  EXPECT_EQ(totals.bytes_stored, 0);
}

TEST_F(Task2_FileStoreLimit, OneChunkOverTheMessageLimitIsRefusedByGrpcItself) {
  // Not the service's limit: gRPC refuses any message over 1 MiB (see
  // common/server_runner.h), breaks the call, and the handler's Read()
  // returns false.
  auto context = ContextWithDeadline();
  UploadSummary summary;
  auto writer = stub_->Upload(context.get(), &summary);
  writer->Write(Chunk(std::string(workbook::kMaxReceiveMessageBytes + 1, 'x')));
  writer->WritesDone();
  const grpc::Status status = writer->Finish();
  ASSERT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED)
      << DescribeStatus(status);
  // The handler never saw the refused chunk. (Whether it counts the upload
  // as cancelled or as an empty one depends on timing: see the README.)
  ASSERT_TRUE(WaitForOneUploadToEnd(service_.ledger()))
      << "the service never reported how the upload ended";
  const UploadTotals totals = service_.ledger().totals();
  EXPECT_EQ(totals.chunks_read, 0);
  EXPECT_EQ(totals.bytes_stored, 0);
}

class Task2_FileStoreCancellation
    : public workbook::testing::ServiceTest<FileStoreService> {
 protected:
  std::unique_ptr<FileStore::Stub> stub_ = NewStub<FileStore>();
};

TEST_F(Task2_FileStoreCancellation, AnUploadCancelledMidwayIsDiscarded) {
  auto context = ContextWithDeadline();
  UploadSummary summary;
  auto writer = stub_->Upload(context.get(), &summary);
  for (int i = 0; i < 3; ++i)
    ASSERT_TRUE(writer->Write(Chunk("part of a file")));
  // Wait until the server has read them, so the cancellation surely arrives
  // in the middle of the upload.
  ASSERT_TRUE(service_.ledger().WaitUntil(
      [](const UploadTotals& totals) { return totals.chunks_read == 3; },
      kRpcDeadline))
      << "the service did not report 3 chunks read (ledger_.ChunkRead())";

  context->TryCancel();
  const grpc::Status status = writer->Finish();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::CANCELLED)
      << DescribeStatus(status);

  // The client's Finish() returns at once; the server finds out on its own.
  ASSERT_TRUE(WaitForOneUploadToEnd(service_.ledger()))
      << "the service never reported how the upload ended "
         "(ledger_.UploadEnded())";
  const UploadTotals totals = service_.ledger().totals();
  EXPECT_EQ(totals.uploads_cancelled, 1)
      << "after the loop, check context->IsCancelled()";
  EXPECT_EQ(totals.uploads_stored, 0)
      << "a cancelled upload is incomplete: do not store it";
  EXPECT_EQ(totals.bytes_stored, 0);
}

}  // namespace
}  // namespace workbook::client_streaming
