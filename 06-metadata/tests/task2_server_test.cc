// Task 2: the server authenticates, echoes the request id, says who served
// the call and reports its time in a trailer - on every outcome - and
// whatever metadata a client sends, it answers and keeps serving. Tested
// through the generated stub, as any client in any language would call it.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "common/plumbing/rpc_errors.h"
#include "common/testing/test_server.h"
#include "metadata_keys.h"
#include "requests.h"
#include "rich_errors.h"
#include "server.h"
#include "tests/scripted_greeter.h"

namespace workbook::metadata {
namespace {

using workbook::testing::ContextWithDeadline;

constexpr char kToken[] = "s3cret-token";
constexpr char kServerName[] = "greeter-under-test";

// Everything a call brought back, copied before its context is gone.
struct Answer {
  grpc::Status status;
  std::vector<std::string> replies;
  ReceivedHeaders headers;
  ReceivedHeaders trailers;
};

ReceivedHeaders Copy(
    const std::multimap<grpc::string_ref, grpc::string_ref>& map) {
  ReceivedHeaders copy;
  for (const auto& [key, value] : map) {
    copy.emplace(std::string(key.data(), key.size()),
                 std::string(value.data(), value.size()));
  }
  return copy;
}

// Client headers for one call, in order.
using Headers = std::vector<std::pair<std::string, std::string>>;

Headers WithToken(Headers more = {}) {
  more.insert(more.begin(), {"authorization", std::string("Bearer ") + kToken});
  return more;
}

class Task2_ServerChecksAndAnnotates
    : public workbook::testing::ServiceTest<GreeterService> {
 protected:
  Task2_ServerChecksAndAnnotates()
      : ServiceTest(ServerSettings{kToken, kServerName}) {}

  Answer SayHello(const Headers& headers, const std::string& name = "Ada") {
    auto context = ContextWithDeadline();
    for (const auto& [key, value] : headers) context->AddMetadata(key, value);
    HelloRequest request;
    request.set_name(name);
    HelloReply reply;
    Answer answer;
    answer.status = stub_->SayHello(context.get(), request, &reply);
    if (answer.status.ok()) answer.replies.push_back(reply.message());
    answer.headers = Copy(context->GetServerInitialMetadata());
    answer.trailers = Copy(context->GetServerTrailingMetadata());
    return answer;
  }

  // Reads the stream's headers *before* its first reply, then the rest.
  Answer SayHelloServerStream(const Headers& headers, uint32_t count) {
    auto context = ContextWithDeadline();
    for (const auto& [key, value] : headers) context->AddMetadata(key, value);
    HelloRequest request;
    request.set_name("Ada");
    request.set_count(count);
    auto reader = stub_->SayHelloServerStream(context.get(), request);
    reader->WaitForInitialMetadata();
    Answer answer;
    answer.headers = Copy(context->GetServerInitialMetadata());
    HelloReply reply;
    while (reader->Read(&reply)) answer.replies.push_back(reply.message());
    answer.status = reader->Finish();
    answer.trailers = Copy(context->GetServerTrailingMetadata());
    return answer;
  }

  // The ErrorInfo reason of a refused call ("" when there is none).
  static std::string Reason(const Answer& answer) {
    const std::optional<ErrorInfo> info = ErrorInfoOf(answer.status);
    return info ? info->reason() : "";
  }

  std::unique_ptr<Greeter::Stub> stub_ = NewStub<Greeter>();
};

TEST_F(Task2_ServerChecksAndAnnotates, GreetsACallerWithTheToken) {
  const Answer answer = SayHello(WithToken());
  ASSERT_TRUE(answer.status.ok()) << DescribeStatus(answer.status);
  EXPECT_EQ(answer.replies, std::vector<std::string>{"Hello, Ada!"});
}

TEST_F(Task2_ServerChecksAndAnnotates, RefusesACallWithoutAToken) {
  const Answer answer = SayHello({});
  EXPECT_EQ(answer.status.error_code(), grpc::StatusCode::UNAUTHENTICATED)
      << DescribeStatus(answer.status);
  EXPECT_NE(answer.status.error_message().find("authorization"),
            std::string::npos)
      << "say which header is missing: " << answer.status.error_message();
  EXPECT_EQ(Reason(answer), "TOKEN_MISSING");
  EXPECT_TRUE(answer.replies.empty());
}

TEST_F(Task2_ServerChecksAndAnnotates, RefusesAMalformedAuthorization) {
  for (const char* value : {"s3cret-token", "Basic s3cret-token",
                            "bearer s3cret-token", "Bearer", ""}) {
    const Answer answer = SayHello({{"authorization", value}});
    EXPECT_EQ(answer.status.error_code(), grpc::StatusCode::UNAUTHENTICATED)
        << "authorization: \"" << value << "\"";
    EXPECT_EQ(Reason(answer), "TOKEN_MALFORMED") << value;
  }
}

TEST_F(Task2_ServerChecksAndAnnotates, RefusesTwoAuthorizationHeaders) {
  const Answer answer =
      SayHello(WithToken({{"authorization", std::string("Bearer ") + kToken}}));
  EXPECT_EQ(answer.status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(Reason(answer), "TOKEN_MALFORMED");
}

TEST_F(Task2_ServerChecksAndAnnotates, RefusesAWrongTokenWithoutRevealingIt) {
  for (const std::string token :
       {"guess", "s3cret-token ", " s3cret-token", "s3cret-tokenX", ""}) {
    const Answer answer = SayHello({{"authorization", "Bearer " + token}});
    EXPECT_EQ(answer.status.error_code(), grpc::StatusCode::UNAUTHENTICATED)
        << "token \"" << token << "\"";
    EXPECT_EQ(Reason(answer), "TOKEN_REJECTED") << token;
    EXPECT_EQ(answer.status.error_message().find(kToken), std::string::npos)
        << "never tell a caller the right token";
  }
}

TEST_F(Task2_ServerChecksAndAnnotates, EchoesTheRequestIdOnEveryOutcome) {
  const Answer ok = SayHello(WithToken({{"x-request-id", "req-42"}}));
  EXPECT_EQ(HeaderOf(ok.headers, "x-request-id"), "req-42");
  const Answer refused = SayHello({{"x-request-id", "req-43"}});
  EXPECT_EQ(refused.status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(HeaderOf(refused.headers, "x-request-id"), "req-43")
      << "a refused call is the one whose id you need most";
}

TEST_F(Task2_ServerChecksAndAnnotates, GeneratesARequestIdWhenNoneWasSent) {
  const Answer first = SayHello(WithToken());
  const Answer second = SayHello(WithToken());
  const std::optional<std::string> id = HeaderOf(first.headers, "x-request-id");
  ASSERT_TRUE(id.has_value()) << "no x-request-id in the headers";
  EXPECT_TRUE(CheckRequestId(*id).ok()) << *id;
  EXPECT_NE(id, HeaderOf(second.headers, "x-request-id"))
      << "each call gets its own id";
}

TEST_F(Task2_ServerChecksAndAnnotates, RefusesARequestIdItCannotEcho) {
  for (const std::string& id :
       {std::string(kMaxRequestIdBytes + 1, 'a'), std::string("two words"),
        std::string("<script>"), std::string("a\"b"), std::string("")}) {
    const Answer answer = SayHello(WithToken({{"x-request-id", id}}));
    EXPECT_EQ(answer.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
        << "x-request-id \"" << id << "\"";
    EXPECT_EQ(answer.headers.count("x-request-id"), 0u)
        << "an id that failed the check is not echoed: " << id;
    EXPECT_TRUE(answer.replies.empty());
  }
  const Answer longest = SayHello(
      WithToken({{"x-request-id", std::string(kMaxRequestIdBytes, 'a')}}));
  EXPECT_TRUE(longest.status.ok()) << DescribeStatus(longest.status);
}

TEST_F(Task2_ServerChecksAndAnnotates, RefusesARequestIdSentTwice) {
  const Answer answer =
      SayHello(WithToken({{"x-request-id", "a"}, {"x-request-id", "b"}}));
  EXPECT_EQ(answer.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
      << DescribeStatus(answer.status);
  EXPECT_EQ(answer.headers.count("x-request-id"), 0u);
}

TEST_F(Task2_ServerChecksAndAnnotates, SaysWhoServedEveryCall) {
  for (const Answer& answer :
       {SayHello(WithToken()), SayHello({}), SayHello(WithToken(), "")}) {
    EXPECT_EQ(HeaderOf(answer.headers, "x-served-by"), kServerName)
        << DescribeStatus(answer.status);
  }
}

TEST_F(Task2_ServerChecksAndAnnotates, ReportsItsTimeInATrailerOnEveryOutcome) {
  const Answer ok = SayHello(WithToken());
  const Answer unauthenticated = SayHello({});
  const Answer invalid = SayHello(WithToken(), /*name=*/"");
  ASSERT_EQ(invalid.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  for (const Answer& answer : {ok, unauthenticated, invalid}) {
    const std::optional<std::string> elapsed =
        HeaderOf(answer.trailers, "x-elapsed-us");
    ASSERT_TRUE(elapsed.has_value()) << DescribeStatus(answer.status);
    EXPECT_FALSE(elapsed->empty());
    EXPECT_EQ(elapsed->find_first_not_of("0123456789"), std::string::npos)
        << "whole microseconds: " << *elapsed;
    EXPECT_EQ(answer.headers.count("x-elapsed-us"), 0u)
        << "only known at the end: a trailer, not a header";
  }
}

TEST_F(Task2_ServerChecksAndAnnotates, StreamGreetsWithHeadersFirst) {
  const Answer answer =
      SayHelloServerStream(WithToken({{"x-request-id", "s-1"}}), 3);
  ASSERT_TRUE(answer.status.ok()) << DescribeStatus(answer.status);
  EXPECT_EQ(answer.replies, (std::vector<std::string>{"Hello, Ada! (1 of 3)",
                                                      "Hello, Ada! (2 of 3)",
                                                      "Hello, Ada! (3 of 3)"}));
  EXPECT_EQ(HeaderOf(answer.headers, "x-served-by"), kServerName);
  EXPECT_EQ(HeaderOf(answer.headers, "x-request-id"), "s-1");
  EXPECT_TRUE(HeaderOf(answer.trailers, "x-elapsed-us").has_value());
}

TEST_F(Task2_ServerChecksAndAnnotates, StreamRefusesWithTheSameMetadata) {
  const Answer answer = SayHelloServerStream({{"x-request-id", "s-2"}}, 3);
  EXPECT_EQ(answer.status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(Reason(answer), "TOKEN_MISSING");
  EXPECT_TRUE(answer.replies.empty());
  EXPECT_EQ(HeaderOf(answer.headers, "x-served-by"), kServerName);
  EXPECT_EQ(HeaderOf(answer.headers, "x-request-id"), "s-2");
  EXPECT_TRUE(HeaderOf(answer.trailers, "x-elapsed-us").has_value());
  const Answer no_count = SayHelloServerStream(WithToken(), 0);
  EXPECT_EQ(no_count.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

// Whatever a client sends, the server answers with a status and serves the
// next call. (A client in another language, or a hand-made HTTP/2 request,
// can send things this C++ client never would.) Headers over gRPC's size
// limit fail the call with RESOURCE_EXHAUSTED, or UNAVAILABLE when gRPC 1.51
// drops the whole connection (it does now and then, see Facts): so the next
// call goes over a new connection.
TEST_F(Task2_ServerChecksAndAnnotates, SurvivesAHeaderOverTheSizeLimit) {
  const Answer big =
      SayHello(WithToken({{"x-big", std::string(64 << 10, 'a')}}));
  EXPECT_FALSE(big.status.ok());
  stub_ = NewStub<Greeter>();
  const Answer next = SayHello(WithToken());
  EXPECT_TRUE(next.status.ok())
      << "the next call is served: " << DescribeStatus(next.status);
}

TEST_F(Task2_ServerChecksAndAnnotates, SurvivesManyHeaders) {
  Headers many;
  for (int i = 0; i < 100; ++i) {
    many.emplace_back("x-h" + std::to_string(i), "v");
  }
  const Answer hundred = SayHello(WithToken(many));
  EXPECT_TRUE(hundred.status.ok())
      << "100 small ones fit: " << DescribeStatus(hundred.status);
  for (int i = 100; i < 2000; ++i) {
    many.emplace_back("x-h" + std::to_string(i), "v");
  }
  EXPECT_FALSE(SayHello(WithToken(many)).status.ok());
  stub_ = NewStub<Greeter>();
  const Answer next = SayHello(WithToken());
  EXPECT_TRUE(next.status.ok())
      << "the next call is served: " << DescribeStatus(next.status);
}

TEST_F(Task2_ServerChecksAndAnnotates, SurvivesOddBinaryHeaders) {
  const Answer answer =
      SayHello(WithToken({{"x-request-id-bin", std::string("\xff\x00", 2)},
                          {"authorization-bin", "\x01"},
                          {"empty-bin", ""},
                          {"all-bin", AllByteValues()}}));
  EXPECT_TRUE(answer.status.ok()) << DescribeStatus(answer.status);
  const Answer binary_token =
      SayHello({{"authorization-bin", std::string("Bearer ") + kToken}});
  EXPECT_EQ(binary_token.status.error_code(), grpc::StatusCode::UNAUTHENTICATED)
      << "authorization-bin is another key, not the token";
}

}  // namespace
}  // namespace workbook::metadata
