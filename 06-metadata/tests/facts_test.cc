// The facts of gRPC 1.51 this lesson teaches, each shown by a test against a
// scripted server (no task code): what gRPC adds, what repeats, what is
// dropped, where a failed call's metadata goes. A lesson check: it passes on
// the stubs.
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <string>
#include <thread>

#include "common/plumbing/rpc_errors.h"
#include "common/testing/sync.h"
#include "common/testing/test_server.h"
#include "metadata.grpc.pb.h"
#include "tests/scripted_greeter.h"

namespace workbook::metadata {
namespace {

using workbook::testing::ContextWithDeadline;
using workbook::testing::Gate;

// How a call whose headers exceed the receiver's limit fails in gRPC 1.51:
// almost always RESOURCE_EXHAUSTED; when the receiver drops the whole
// connection before the status gets through, UNAVAILABLE.
bool IsOversizeFailure(const grpc::Status& status) {
  if (status.error_code() == grpc::StatusCode::UNAVAILABLE) return true;
  return status.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED &&
         status.error_message().find("metadata size exceeds limit") !=
             std::string::npos;
}

// The first value of `key` in a map gRPC hands out, copied; "" if absent.
std::string Find(const std::multimap<grpc::string_ref, grpc::string_ref>& map,
                 const std::string& key) {
  const auto it = map.find(key);
  return it == map.end() ? ""
                         : std::string(it->second.data(), it->second.size());
}

class Facts : public workbook::testing::ServiceTest<ScriptedGreeter> {
 protected:
  // Calls SayHello with `context` and returns its status.
  grpc::Status SayHello(grpc::ClientContext& context) {
    HelloRequest request;
    request.set_name("Ada");
    HelloReply reply;
    return stub_->SayHello(&context, request, &reply);
  }

  // A handler that answers OK and adds nothing.
  static grpc::Status Greet(grpc::ServerContext*, const HelloRequest&,
                            HelloReply* reply) {
    reply->set_message("Hello!");
    return grpc::Status::OK;
  }

  std::unique_ptr<Greeter::Stub> stub_ = NewStub<Greeter>();
};

TEST_F(Facts, GrpcAddsAUserAgentToTheClientsHeaders) {
  service_.OnSayHello(Greet);
  auto context = ContextWithDeadline();
  ASSERT_TRUE(SayHello(*context).ok());
  const ReceivedHeaders headers = service_.last_headers();
  ASSERT_EQ(headers.count("user-agent"), 1u);
  const std::string user_agent = *HeaderOf(headers, "user-agent");
  EXPECT_NE(user_agent.find("grpc-c++/1.51"), std::string::npos) << user_agent;
}

TEST_F(Facts, AKeySentTwiceArrivesTwiceInOrder) {
  service_.OnSayHello(Greet);
  auto context = ContextWithDeadline();
  context->AddMetadata("x-tenant", "blue");
  context->AddMetadata("x-tenant", "green");
  ASSERT_TRUE(SayHello(*context).ok());
  const ReceivedHeaders headers = service_.last_headers();
  const auto [first, last] = headers.equal_range("x-tenant");
  std::vector<std::string> values;
  for (auto it = first; it != last; ++it) values.push_back(it->second);
  EXPECT_EQ(values, (std::vector<std::string>{"blue", "green"}));
}

TEST_F(Facts, ABinaryValueCarriesEveryByteBothWays) {
  // The handler sends back what it received, as a header and as a trailer.
  service_.OnSayHello(
      [](grpc::ServerContext* context, const HelloRequest&, HelloReply*) {
        const std::string bytes = Find(context->client_metadata(), "blob-bin");
        context->AddInitialMetadata("blob-bin", bytes);
        context->AddTrailingMetadata("blob-bin", bytes);
        return grpc::Status::OK;
      });
  auto context = ContextWithDeadline();
  context->AddMetadata("blob-bin", AllByteValues());  // '\0' included
  ASSERT_TRUE(SayHello(*context).ok());
  EXPECT_EQ(HeaderOf(service_.last_headers(), "blob-bin"), AllByteValues());
  EXPECT_EQ(Find(context->GetServerInitialMetadata(), "blob-bin"),
            AllByteValues());
  EXPECT_EQ(Find(context->GetServerTrailingMetadata(), "blob-bin"),
            AllByteValues());
}

TEST_F(Facts, AUnaryCallsHeadersAndTrailersAreThereWhenItReturns) {
  service_.OnSayHello(
      [](grpc::ServerContext* context, const HelloRequest&, HelloReply*) {
        context->AddInitialMetadata("x-header", "h");
        context->AddTrailingMetadata("x-trailer", "t");
        return grpc::Status::OK;
      });
  auto context = ContextWithDeadline();
  ASSERT_TRUE(SayHello(*context).ok());
  EXPECT_EQ(Find(context->GetServerInitialMetadata(), "x-header"), "h");
  EXPECT_EQ(Find(context->GetServerTrailingMetadata(), "x-trailer"), "t");
  // Each in its own set: a header is not a trailer.
  EXPECT_EQ(Find(context->GetServerInitialMetadata(), "x-trailer"), "");
  EXPECT_EQ(Find(context->GetServerTrailingMetadata(), "x-header"), "");
}

// [begin fact-stream-headers]
TEST_F(Facts, StreamHeadersArriveBeforeAnyMessage) {
  Gate first_message;
  service_.OnSayHelloServerStream([&](grpc::ServerContext* context,
                                      const HelloRequest&,
                                      grpc::ServerWriter<HelloReply>* writer) {
    context->AddInitialMetadata("x-served-by", "here");
    writer->SendInitialMetadata();  // The headers go now, on their own...
    if (!first_message.Wait()) {    // ...while the messages wait for the test.
      return grpc::Status(grpc::StatusCode::ABORTED, "the test never saw them");
    }
    HelloReply reply;
    reply.set_message("Hello!");
    writer->Write(reply);
    return grpc::Status::OK;
  });
  auto context = ContextWithDeadline();
  auto reader = stub_->SayHelloServerStream(context.get(), HelloRequest());
  reader->WaitForInitialMetadata();  // Returns though no message was sent.
  EXPECT_EQ(Find(context->GetServerInitialMetadata(), "x-served-by"), "here");
  first_message.Open();
  HelloReply reply;
  EXPECT_TRUE(reader->Read(&reply));
  EXPECT_FALSE(reader->Read(&reply));
  EXPECT_TRUE(reader->Finish().ok());
}
// [end fact-stream-headers]

TEST_F(Facts, AHeaderAddedAfterTheFirstWriteIsSilentlyDropped) {
  service_.OnSayHelloServerStream([](grpc::ServerContext* context,
                                     const HelloRequest&,
                                     grpc::ServerWriter<HelloReply>* writer) {
    context->AddInitialMetadata("x-early", "sent");
    HelloReply reply;
    writer->Write(reply);  // The headers go out with the first message.
    context->AddInitialMetadata("x-late", "lost");  // No error, no effect.
    return grpc::Status::OK;
  });
  auto context = ContextWithDeadline();
  auto reader = stub_->SayHelloServerStream(context.get(), HelloRequest());
  HelloReply reply;
  while (reader->Read(&reply)) {
  }
  ASSERT_TRUE(reader->Finish().ok());
  EXPECT_EQ(Find(context->GetServerInitialMetadata(), "x-early"), "sent");
  EXPECT_EQ(Find(context->GetServerInitialMetadata(), "x-late"), "");
  EXPECT_EQ(Find(context->GetServerTrailingMetadata(), "x-late"), "");
}

TEST_F(Facts, AFailedCallWithoutHeadersSendsOnlyTrailers) {
  service_.OnSayHello([](grpc::ServerContext* context, const HelloRequest&,
                         HelloReply*) {
    context->AddTrailingMetadata("x-why", "closed");
    return grpc::Status(grpc::StatusCode::PERMISSION_DENIED, "closed today");
  });
  auto context = ContextWithDeadline();
  const grpc::Status status = SayHello(*context);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_TRUE(context->GetServerInitialMetadata().empty());
  EXPECT_EQ(Find(context->GetServerTrailingMetadata(), "x-why"), "closed");
}

TEST_F(Facts, AFailedCallKeepsTheHeadersTheServerAdded) {
  service_.OnSayHello([](grpc::ServerContext* context, const HelloRequest&,
                         HelloReply*) {
    context->AddInitialMetadata("x-served-by", "here");
    return grpc::Status(grpc::StatusCode::PERMISSION_DENIED, "closed today");
  });
  auto context = ContextWithDeadline();
  EXPECT_EQ(SayHello(*context).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Find(context->GetServerInitialMetadata(), "x-served-by"), "here");
}

TEST_F(Facts, StatusDetailsTravelAsATrailer) {
  service_.OnSayHello(
      [](grpc::ServerContext*, const HelloRequest&, HelloReply*) {
        return grpc::Status(grpc::StatusCode::FAILED_PRECONDITION, "not yet",
                            "any bytes \x01\x02");
      });
  auto context = ContextWithDeadline();
  const grpc::Status status = SayHello(*context);
  EXPECT_EQ(status.error_details(), "any bytes \x01\x02");
  const auto& trailers = context->GetServerTrailingMetadata();
  EXPECT_EQ(Find(trailers, "grpc-status-details-bin"), "any bytes \x01\x02");
  // The code and message are trailers too on the wire (grpc-status,
  // grpc-message), but gRPC turns them into the Status and keeps them out
  // of the map.
  EXPECT_EQ(trailers.count("grpc-status"), 0u);
  EXPECT_EQ(trailers.count("grpc-message"), 0u);
}

TEST_F(Facts, AStringRefIsAViewIntoTheCallNotACopy) {
  service_.OnSayHello(
      [](grpc::ServerContext* context, const HelloRequest&, HelloReply*) {
        context->AddTrailingMetadata("x-trailer", "value");
        return grpc::Status::OK;
      });
  auto context = ContextWithDeadline();
  ASSERT_TRUE(SayHello(*context).ok());
  const auto& trailers = context->GetServerTrailingMetadata();
  ASSERT_EQ(trailers.count("x-trailer"), 1u);
  const grpc::string_ref view = trailers.find("x-trailer")->second;
  const grpc::string_ref again = trailers.find("x-trailer")->second;
  EXPECT_EQ(view.data(), again.data()) << "both point at the same bytes";
  std::string copy(view.data(), view.size());  // data + size: no '\0' at end
  context.reset();  // The context, and the bytes `view` points at, are gone.
  EXPECT_EQ(copy, "value");  // Reading `view` now would be use-after-free.
}

TEST_F(Facts, AHeaderOverTheSizeLimitFailsTheCallNotTheServer) {
  service_.OnSayHello(Greet);
  auto context = ContextWithDeadline();
  context->AddMetadata("x-big", std::string(16 * 1024, 'a'));
  const grpc::Status status = SayHello(*context);
  EXPECT_TRUE(IsOversizeFailure(status)) << DescribeStatus(status);
  EXPECT_EQ(service_.calls(), 0) << "the handler never saw the call";
  // The server serves on. (A call on a new connection: now and then gRPC
  // 1.51 also closes the connection that carried the oversized headers.)
  stub_ = NewStub<Greeter>();
  auto next = ContextWithDeadline();
  EXPECT_TRUE(SayHello(*next).ok());
}

TEST_F(Facts, GrpcDoesNotStopAnApplicationFromSendingAGrpcPrefixedKey) {
  service_.OnSayHello(Greet);
  auto context = ContextWithDeadline();
  // Reserved by the protocol, yet legal characters: no abort, no error, and
  // the server receives it. Only a check of our own keeps us off the names
  // gRPC may give a meaning tomorrow.
  context->AddMetadata("grpc-custom", "x");
  EXPECT_TRUE(SayHello(*context).ok());
  EXPECT_EQ(service_.last_headers().count("grpc-custom"), 1u);
}

TEST_F(Facts, AServerTrailerOverTheClientsLimitFailsTheCall) {
  service_.OnSayHello(
      [](grpc::ServerContext* context, const HelloRequest&, HelloReply* reply) {
        context->AddTrailingMetadata("x-echo", std::string(16 * 1024, 'a'));
        reply->set_message("Hello!");
        return grpc::Status::OK;
      });
  auto context = ContextWithDeadline();
  const grpc::Status status = SayHello(*context);
  // The server answered OK; the client never sees the reply.
  EXPECT_TRUE(IsOversizeFailure(status)) << DescribeStatus(status);
}

TEST_F(Facts, AHeaderUnderEightKibibytesPasses) {
  service_.OnSayHello(Greet);
  auto context = ContextWithDeadline();
  context->AddMetadata("x-big", std::string(7 * 1024, 'a'));
  const grpc::Status status = SayHello(*context);
  EXPECT_TRUE(status.ok()) << DescribeStatus(status);
}

}  // namespace
}  // namespace workbook::metadata
