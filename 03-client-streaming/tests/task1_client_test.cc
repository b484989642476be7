// Task 1: the clients send their stream, close it and finish. Tested against
// fake services written here, so the tests need none of the server tasks.
#include <gtest/gtest.h>

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <vector>

#include "client.h"
#include "common/plumbing/rpc_errors.h"
#include "common/testing/test_server.h"

namespace workbook::client_streaming {
namespace {

using std::chrono::milliseconds;
using workbook::testing::kRpcDeadline;

// Reads every name to the end of the stream, records them, and answers with
// a reply that shows how many arrived.
class FakeGreeter final : public Greeter::Service {
 public:
  grpc::Status SayHelloClientStream(grpc::ServerContext* context,
                                    grpc::ServerReader<HelloRequest>* reader,
                                    HelloReply* reply) override {
    std::vector<std::string> names;
    HelloRequest request;
    while (reader->Read(&request)) names.push_back(request.name());
    std::lock_guard<std::mutex> lock(mutex_);
    received_names_ = names;
    received_deadline_ = context->deadline();
    ++calls_;
    reply->set_message("fake greeting for " + std::to_string(names.size()) +
                       " names");
    return reply_status_;
  }

  grpc::Status reply_status_ = grpc::Status::OK;
  std::mutex mutex_;
  std::vector<std::string> received_names_;
  std::chrono::system_clock::time_point received_deadline_;
  int calls_ = 0;
};

// Records the chunks it reads. Answers with a made-up summary at the end of
// the stream, or, when `reject_after_` is set, rejects the upload as soon as
// that many chunks have arrived (as a real server does past its limit).
class FakeFileStore final : public FileStore::Service {
 public:
  grpc::Status Upload(grpc::ServerContext* context,
                      grpc::ServerReader<FileChunk>* reader,
                      UploadSummary* summary) override {
    const std::size_t reject_after = RejectAfter();
    std::vector<std::string> chunks;
    grpc::Status status = grpc::Status::OK;
    FileChunk chunk;
    while (reader->Read(&chunk)) {
      chunks.push_back(chunk.data());
      if (chunks.size() == reject_after) {
        status = reject_status_;
        break;
      }
    }
    std::lock_guard<std::mutex> lock(mutex_);
    received_chunks_ = chunks;
    received_deadline_ = context->deadline();
    summary->set_chunks(static_cast<int64_t>(chunks.size()));
    summary->set_bytes(4242);
    summary->set_crc32(0xfeedbeef);
    return status;
  }

  // Set by the test while the server runs, read by the handler's thread:
  // guarded by mutex_ like everything else the two threads share.
  void RejectAfter(std::size_t chunks) {
    std::lock_guard<std::mutex> lock(mutex_);
    reject_after_ = chunks;
  }

  const grpc::Status reject_status_ =
      grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED, "fake store is full");
  std::mutex mutex_;
  std::vector<std::string> received_chunks_;
  std::chrono::system_clock::time_point received_deadline_;

 private:
  std::size_t RejectAfter() {
    std::lock_guard<std::mutex> lock(mutex_);
    return reject_after_;
  }

  std::size_t reject_after_ = 0;  // 0: never reject.
};

// Produces `count` chunks "chunk 0", "chunk 1", ...; counts how often it was
// asked. A huge `count` stands for "more than the server will take".
struct CountingSource {
  ChunkSource source() {
    return [this](FileChunk* chunk) {
      if (produced == count) return false;
      chunk->set_data("chunk " + std::to_string(produced++));
      return true;
    };
  }
  std::size_t count = 0;
  std::size_t produced = 0;
};

class Task1_GreeterClient : public workbook::testing::ServiceTest<FakeGreeter> {
 protected:
  GreeterClient client_{server_.NewChannel(), kRpcDeadline};
};

TEST_F(Task1_GreeterClient, SendsEveryNameInOrderAndReturnsTheGreeting) {
  std::string greeting;
  const grpc::Status status =
      client_.SayHelloClientStream({"Ada", "Grace", "Linus"}, &greeting);
  ASSERT_TRUE(status.ok()) << DescribeStatus(status);
  EXPECT_EQ(greeting, "fake greeting for 3 names");
  std::lock_guard<std::mutex> lock(service_.mutex_);
  EXPECT_EQ(service_.received_names_,
            (std::vector<std::string>{"Ada", "Grace", "Linus"}));
  EXPECT_EQ(service_.calls_, 1) << "all names belong in one call";
}

TEST_F(Task1_GreeterClient, ClosesAnEmptyStreamToo) {
  std::string greeting;
  const grpc::Status status = client_.SayHelloClientStream({}, &greeting);
  ASSERT_TRUE(status.ok())
      << DescribeStatus(status)
      << " (did the client call WritesDone() before Finish()?)";
  EXPECT_EQ(greeting, "fake greeting for 0 names");
}

TEST_F(Task1_GreeterClient, SendsTheConfiguredDeadline) {
  const milliseconds deadline(3000);
  GreeterClient client(server_.NewChannel(), deadline);
  const auto before = std::chrono::system_clock::now();
  std::string greeting;
  ASSERT_TRUE(client.SayHelloClientStream({"Ada"}, &greeting).ok());
  const auto after = std::chrono::system_clock::now();
  std::lock_guard<std::mutex> lock(service_.mutex_);
  EXPECT_GE(service_.received_deadline_, before + deadline - milliseconds(100))
      << "the call had no deadline, or a shorter one than the client was given";
  EXPECT_LE(service_.received_deadline_, after + deadline + milliseconds(100));
}

TEST_F(Task1_GreeterClient, ReturnsTheServersErrorAndLeavesTheGreetingAlone) {
  service_.reply_status_ =
      grpc::Status(grpc::StatusCode::NOT_FOUND, "nobody by those names");
  std::string greeting = "untouched";
  const grpc::Status status = client_.SayHelloClientStream({"Ada"}, &greeting);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND)
      << DescribeStatus(status);
  EXPECT_EQ(status.error_message(), "nobody by those names");
  EXPECT_EQ(greeting, "untouched");
}

class Task1_FileUploader
    : public workbook::testing::ServiceTest<FakeFileStore> {
 protected:
  FileUploader uploader_{server_.NewChannel(), kRpcDeadline};
};

TEST_F(Task1_FileUploader, SendsEveryChunkInOrderAndReturnsTheSummary) {
  CountingSource chunks{100};
  UploadSummary summary;
  const grpc::Status status = uploader_.Upload(chunks.source(), &summary);
  ASSERT_TRUE(status.ok()) << DescribeStatus(status);
  EXPECT_EQ(summary.chunks(), 100);
  EXPECT_EQ(summary.bytes(), 4242) << "the summary must be the server's reply";
  EXPECT_EQ(summary.crc32(), 0xfeedbeef);
  std::lock_guard<std::mutex> lock(service_.mutex_);
  ASSERT_EQ(service_.received_chunks_.size(), 100u);
  for (std::size_t i = 0; i < 100; ++i) {
    EXPECT_EQ(service_.received_chunks_[i], "chunk " + std::to_string(i));
  }
}

TEST_F(Task1_FileUploader, UploadsAnEmptyFileAsAnEmptyStream) {
  CountingSource nothing{0};
  UploadSummary summary;
  const grpc::Status status = uploader_.Upload(nothing.source(), &summary);
  ASSERT_TRUE(status.ok())
      << DescribeStatus(status)
      << " (did the client call WritesDone() before Finish()?)";
  EXPECT_EQ(summary.chunks(), 0);
  EXPECT_EQ(summary.crc32(), 0xfeedbeef)
      << "the summary must be the server's reply";
}

TEST_F(Task1_FileUploader,
       StopsAtTheFirstFailedWriteAndReturnsTheServersStatus) {
  service_.RejectAfter(3);
  // Far more chunks than the server takes: a client that kept writing after
  // a failed Write would only stop when this runs out.
  CountingSource endless{1000000};
  UploadSummary summary;
  summary.set_chunks(-1);
  const grpc::Status status = uploader_.Upload(endless.source(), &summary);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED)
      << "Upload must return the status from Finish(), got "
      << DescribeStatus(status);
  EXPECT_EQ(status.error_message(), "fake store is full");
  EXPECT_EQ(summary.chunks(), -1)
      << "the summary must be left alone on an error";
  // Writes that were already under way when the server answered may still
  // succeed, but the first failed one ends the upload.
  EXPECT_LT(endless.produced, endless.count)
      << "the client kept writing after a Write failed";
}

TEST_F(Task1_FileUploader, SendsTheConfiguredDeadline) {
  const milliseconds deadline(3000);
  FileUploader uploader(server_.NewChannel(), deadline);
  const auto before = std::chrono::system_clock::now();
  CountingSource chunks{1};
  UploadSummary summary;
  ASSERT_TRUE(uploader.Upload(chunks.source(), &summary).ok());
  const auto after = std::chrono::system_clock::now();
  std::lock_guard<std::mutex> lock(service_.mutex_);
  EXPECT_GE(service_.received_deadline_, before + deadline - milliseconds(100))
      << "the call had no deadline, or a shorter one than the uploader was "
         "given";
  EXPECT_LE(service_.received_deadline_, after + deadline + milliseconds(100));
}

TEST(Task1_ClientsWithoutServer, ReportUnavailable) {
  workbook::testing::RefusingAddress nobody;
  auto channel =
      grpc::CreateChannel(nobody.address(), grpc::InsecureChannelCredentials());
  std::string greeting;
  grpc::Status status = GreeterClient(channel, kRpcDeadline)
                            .SayHelloClientStream({"Ada"}, &greeting);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE)
      << DescribeStatus(status);

  CountingSource chunks{10};
  UploadSummary summary;
  status =
      FileUploader(channel, kRpcDeadline).Upload(chunks.source(), &summary);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE)
      << DescribeStatus(status);
}

}  // namespace
}  // namespace workbook::client_streaming
