// Task 1: the client sends headers and keeps what the server sent back -
// also when the call failed. Tested against a scripted fake server, so
// these tests need none of the other tasks.
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <memory>
#include <string>

#include "client.h"
#include "common/plumbing/rpc_errors.h"
#include "common/testing/sync.h"
#include "common/testing/test_server.h"
#include "metadata_keys.h"
#include "tests/scripted_greeter.h"

namespace workbook::metadata {
namespace {

using std::chrono::seconds;
using workbook::testing::Gate;
using workbook::testing::kRpcDeadline;
using workbook::testing::Signal;

// The options of a typical call: a token, a request id, two custom headers
// (one key twice) and binary bytes.
CallOptions TypicalOptions() {
  CallOptions options;
  options.token = "t0ken";
  options.request_id = "req-1";
  options.headers = {{"x-tenant", "blue"},
                     {"x-tenant", "green"},
                     {std::string(kTraceContextKey), AllByteValues()}};
  options.deadline = kRpcDeadline;
  return options;
}

// A handler that adds one header and one trailer and answers `status`.
ScriptedGreeter::Unary Answer(grpc::Status status) {
  return [status](grpc::ServerContext* context, const HelloRequest& request,
                  HelloReply* reply) {
    context->AddInitialMetadata("x-served-by", "fake");
    context->AddInitialMetadata("x-echo-bin", AllByteValues());
    context->AddTrailingMetadata("x-elapsed-us", "7");
    reply->set_message("Hi " + request.name());
    return status;
  };
}

class Task1_ClientSendsAndReadsMetadata
    : public workbook::testing::ServiceTest<ScriptedGreeter> {
 protected:
  std::unique_ptr<GreeterClient> client_ =
      std::make_unique<GreeterClient>(server_.NewChannel());
};

TEST_F(Task1_ClientSendsAndReadsMetadata, SendsTheTokenAndTheRequestId) {
  service_.OnSayHello(Answer(grpc::Status::OK));
  const CallRecord record = client_->SayHello("Ada", TypicalOptions());
  ASSERT_TRUE(record.status.ok()) << DescribeStatus(record.status);
  const ReceivedHeaders headers = service_.last_headers();
  ASSERT_EQ(headers.count("authorization"), 1u);
  EXPECT_EQ(HeaderOf(headers, "authorization"), "Bearer t0ken");
  ASSERT_EQ(headers.count("x-request-id"), 1u);
  EXPECT_EQ(HeaderOf(headers, "x-request-id"), "req-1");
}

TEST_F(Task1_ClientSendsAndReadsMetadata, SendsNeitherWhenTheyAreEmpty) {
  service_.OnSayHello(Answer(grpc::Status::OK));
  CallOptions options;
  options.deadline = kRpcDeadline;
  ASSERT_TRUE(client_->SayHello("Ada", options).status.ok());
  const ReceivedHeaders headers = service_.last_headers();
  EXPECT_EQ(headers.count("authorization"), 0u);
  EXPECT_EQ(headers.count("x-request-id"), 0u);
}

TEST_F(Task1_ClientSendsAndReadsMetadata,
       SendsEveryHeaderRepeatedKeysAndBinaryBytes) {
  service_.OnSayHello(Answer(grpc::Status::OK));
  ASSERT_TRUE(client_->SayHello("Ada", TypicalOptions()).status.ok());
  const ReceivedHeaders headers = service_.last_headers();
  const auto [first, last] = headers.equal_range("x-tenant");
  std::vector<std::string> tenants;
  for (auto it = first; it != last; ++it) tenants.push_back(it->second);
  EXPECT_EQ(tenants, (std::vector<std::string>{"blue", "green"}));
  ASSERT_EQ(headers.count(std::string(kTraceContextKey)), 1u);
  EXPECT_EQ(HeaderOf(headers, std::string(kTraceContextKey)), AllByteValues())
      << "all 256 byte values, '\\0' included, arrive byte for byte";
}

TEST_F(Task1_ClientSendsAndReadsMetadata, SetsTheDeadline) {
  service_.OnSayHello(Answer(grpc::Status::OK));
  CallOptions options = TypicalOptions();
  options.deadline = seconds(60);
  const auto before = std::chrono::system_clock::now();
  ASSERT_TRUE(client_->SayHello("Ada", options).status.ok());
  const auto deadline = service_.last_deadline();
  EXPECT_GT(deadline, before + seconds(50)) << "no deadline, or too short";
  EXPECT_LT(deadline, before + seconds(70));
}

TEST_F(Task1_ClientSendsAndReadsMetadata, RecordsReplyHeadersAndTrailers) {
  service_.OnSayHello(Answer(grpc::Status::OK));
  const CallRecord record = client_->SayHello("Ada", TypicalOptions());
  ASSERT_TRUE(record.status.ok()) << DescribeStatus(record.status);
  EXPECT_EQ(record.replies, std::vector<std::string>{"Hi Ada"});
  EXPECT_EQ(FindValue(record.server_headers, "x-served-by"), "fake");
  EXPECT_EQ(FindValue(record.server_headers, "x-echo-bin"), AllByteValues());
  EXPECT_EQ(FindValue(record.server_trailers, "x-elapsed-us"), "7");
  EXPECT_EQ(FindValue(record.server_headers, "x-elapsed-us"), std::nullopt)
      << "a trailer is not a header";
}

TEST_F(Task1_ClientSendsAndReadsMetadata, RecordsTheMetadataOfAFailedCall) {
  service_.OnSayHello(
      Answer(grpc::Status(grpc::StatusCode::PERMISSION_DENIED, "not you")));
  const CallRecord record = client_->SayHello("Ada", TypicalOptions());
  EXPECT_EQ(record.status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(record.status.error_message(), "not you");
  EXPECT_TRUE(record.replies.empty()) << "a failed call has no reply";
  EXPECT_EQ(FindValue(record.server_headers, "x-served-by"), "fake");
  EXPECT_EQ(FindValue(record.server_trailers, "x-elapsed-us"), "7");
}

TEST_F(Task1_ClientSendsAndReadsMetadata,
       RecordsTheTrailersOfACallRefusedWithoutHeaders) {
  service_.OnSayHello(
      [](grpc::ServerContext* context, const HelloRequest&, HelloReply*) {
        context->AddTrailingMetadata("x-why", "closed");
        return grpc::Status(grpc::StatusCode::UNAVAILABLE, "closed today");
      });
  const CallRecord record = client_->SayHello("Ada", TypicalOptions());
  EXPECT_EQ(record.status.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_TRUE(record.server_headers.empty());
  EXPECT_EQ(FindValue(record.server_trailers, "x-why"), "closed");
}

TEST_F(Task1_ClientSendsAndReadsMetadata, TheRecordOutlivesClientAndCall) {
  service_.OnSayHello(Answer(grpc::Status::OK));
  const CallRecord record = client_->SayHello("Ada", TypicalOptions());
  client_.reset();  // With it, every trace of the call on the client side.
  // Copies, not views: still readable (under AddressSanitizer too).
  EXPECT_EQ(FindValue(record.server_headers, "x-served-by"), "fake");
  EXPECT_EQ(FindValue(record.server_trailers, "x-elapsed-us"), "7");
}

TEST_F(Task1_ClientSendsAndReadsMetadata, CopiesEveryByteOfAMap) {
  const std::string bytes = AllByteValues();
  std::multimap<grpc::string_ref, grpc::string_ref> map;
  map.emplace("b-bin", grpc::string_ref(bytes.data(), bytes.size()));
  map.emplace("a", "1");
  map.emplace("a", "2");
  const Metadata expected = {{"a", "1"}, {"a", "2"}, {"b-bin", bytes}};
  EXPECT_EQ(CopyMetadata(map), expected);
}

// A stream of `count` replies after one header; it ends with `status`
// and a trailer.
ScriptedGreeter::Stream Stream(int count, grpc::Status status) {
  return [count, status](grpc::ServerContext* context, const HelloRequest&,
                         grpc::ServerWriter<HelloReply>* writer) {
    context->AddInitialMetadata("x-served-by", "fake");
    HelloReply reply;
    for (int i = 1; i <= count; ++i) {
      reply.set_message("reply " + std::to_string(i));
      writer->Write(reply);
    }
    context->AddTrailingMetadata("x-elapsed-us", "9");
    return status;
  };
}

TEST_F(Task1_ClientSendsAndReadsMetadata, StreamSendsHeadersAndRecordsAll) {
  service_.OnSayHelloServerStream(Stream(3, grpc::Status::OK));
  const CallRecord record =
      client_->SayHelloServerStream("Ada", 3, TypicalOptions());
  ASSERT_TRUE(record.status.ok()) << DescribeStatus(record.status);
  EXPECT_EQ(record.replies,
            (std::vector<std::string>{"reply 1", "reply 2", "reply 3"}));
  EXPECT_EQ(HeaderOf(service_.last_headers(), "authorization"), "Bearer t0ken");
  EXPECT_EQ(HeaderOf(service_.last_headers(), std::string(kTraceContextKey)),
            AllByteValues());
  EXPECT_EQ(FindValue(record.server_headers, "x-served-by"), "fake");
  EXPECT_EQ(FindValue(record.server_trailers, "x-elapsed-us"), "9");
}

TEST_F(Task1_ClientSendsAndReadsMetadata, StreamRecordsAFailedStream) {
  service_.OnSayHelloServerStream(
      Stream(1, grpc::Status(grpc::StatusCode::ABORTED, "gave up")));
  const CallRecord record =
      client_->SayHelloServerStream("Ada", 3, TypicalOptions());
  EXPECT_EQ(record.status.error_code(), grpc::StatusCode::ABORTED);
  EXPECT_EQ(record.replies, std::vector<std::string>{"reply 1"});
  EXPECT_EQ(FindValue(record.server_headers, "x-served-by"), "fake");
  EXPECT_EQ(FindValue(record.server_trailers, "x-elapsed-us"), "9");
}

TEST_F(Task1_ClientSendsAndReadsMetadata,
       StreamHandsTheHeadersOverBeforeTheFirstReply) {
  Gate first_reply;
  service_.OnSayHelloServerStream([&](grpc::ServerContext* context,
                                      const HelloRequest&,
                                      grpc::ServerWriter<HelloReply>* writer) {
    context->AddInitialMetadata("x-served-by", "fake");
    writer->SendInitialMetadata();
    // Held until the test has seen the headers; if it never does, no reply.
    if (!first_reply.Wait()) {
      return grpc::Status(grpc::StatusCode::ABORTED, "headers not handed over");
    }
    writer->Write(HelloReply());
    return grpc::Status::OK;
  });
  Signal<Metadata> headers;
  auto call = std::async(std::launch::async, [&] {
    return client_->SayHelloServerStream(
        "Ada", 1, TypicalOptions(),
        [&](const Metadata& arrived) { headers.Set(arrived); });
  });
  const std::optional<Metadata> arrived = headers.Get();
  first_reply.Open();
  const CallRecord record = call.get();
  ASSERT_TRUE(arrived.has_value())
      << "the headers were not handed over while the server held its reply";
  EXPECT_EQ(FindValue(*arrived, "x-served-by"), "fake");
  EXPECT_TRUE(record.status.ok()) << DescribeStatus(record.status);
  EXPECT_EQ(record.replies.size(), 1u);
  EXPECT_EQ(record.server_headers, *arrived);
}

}  // namespace
}  // namespace workbook::metadata
