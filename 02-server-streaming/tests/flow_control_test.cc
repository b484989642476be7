// Not a task: back-pressure, which gRPC provides. When a client reads slower
// than its server writes, the server's Write() blocks once the client's
// flow-control window is full, so a slow reader never makes the server
// buffer an unbounded amount. Shown with a service written here that sends
// large messages as fast as Write() lets it and counts how many got through.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <future>
#include <string>

#include "common/plumbing/rpc_errors.h"
#include "common/testing/test_server.h"
#include "fixed_window_channel.h"
#include "server_streaming.grpc.pb.h"

namespace workbook::server_streaming {
namespace {

constexpr int kMessageBytes = 16 * 1024;
// 16 MiB in all: far more than any window.
constexpr uint32_t kMessages = 1000;

// How many messages the server can have started writing beyond what the
// client has read: three fit in the window (a fourth, with its 5-byte
// header, does not), and gRPC's own buffers on both sides hold a few more:
// 8 in all, measured. 16 (256 KiB) leaves room and is still far below the
// 1000 a server without back-pressure would race ahead.
constexpr uint32_t kMaxMessagesAhead = 16;

// Streams `count` messages of kMessageBytes each, counting the Write()
// calls it starts: a message can reach the client before its Write()
// returns, so counting returns would lag behind the reader.
class FloodService final : public Greeter::Service {
 public:
  grpc::Status SayHelloServerStream(
      grpc::ServerContext* /*context*/, const HelloRequest* request,
      grpc::ServerWriter<HelloReply>* writer) override {
    HelloReply reply;
    reply.set_message(std::string(kMessageBytes, 'x'));
    bool write_failed = false;
    for (uint32_t i = 0; i < request->count() && !write_failed; ++i) {
      ++writes_started_;
      write_failed = !writer->Write(reply);
    }
    handler_done_.set_value(write_failed);
    return grpc::Status::OK;
  }

  std::atomic<uint32_t> writes_started_{0};
  std::promise<bool> handler_done_;  // Set to true when a Write() failed.
};

class Flow : public workbook::testing::ServiceTest<FloodService> {
 protected:
  std::unique_ptr<grpc::ClientReader<HelloReply>> Flood(
      grpc::ClientContext* context) {
    HelloRequest request;
    request.set_count(kMessages);
    return stub_->SayHelloServerStream(context, request);
  }

  std::unique_ptr<Greeter::Stub> stub_ =
      Greeter::NewStub(FixedWindowChannel(server_.address()));
};

TEST_F(Flow, TheServerNeverRunsFarAheadOfItsReader) {
  auto context = workbook::testing::ContextWithDeadline();
  auto reader = Flood(context.get());
  HelloReply reply;
  uint32_t read = 0;
  while (reader->Read(&reply)) {
    ++read;
    // However slow this loop is, the server cannot be further ahead.
    const uint32_t ahead = service_.writes_started_ - read;
    ASSERT_LE(ahead, kMaxMessagesAhead)
        << "after reading " << read << " messages";
  }
  const grpc::Status status = reader->Finish();
  ASSERT_TRUE(status.ok()) << DescribeStatus(status);
  EXPECT_EQ(read, kMessages);
}

TEST_F(Flow, WriteBlocksWhileTheClientReadsNothing) {
  // The client reads nothing until its deadline passes. Meanwhile the server
  // can write only a window's worth; its next Write() blocks until the
  // deadline ends the call, and then returns false.
  auto context =
      workbook::testing::ContextWithDeadline(std::chrono::milliseconds(300));
  auto reader = Flood(context.get());
  std::future<bool> handler_done = service_.handler_done_.get_future();
  ASSERT_EQ(handler_done.wait_for(std::chrono::seconds(10)),
            std::future_status::ready);
  EXPECT_TRUE(handler_done.get())
      << "a Write() should have failed when the deadline passed";
  EXPECT_LE(service_.writes_started_, kMaxMessagesAhead)
      << "the server wrote more than a window's worth to a client that read "
         "nothing";
  EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
}

}  // namespace
}  // namespace workbook::server_streaming
