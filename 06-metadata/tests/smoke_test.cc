// The lesson's two programs, run as a student runs them - including the
// client with an illegal header, checked and unchecked.
#include "common/testing/smoke.h"

#include <gtest/gtest.h>

#include <string>

namespace {

using workbook::testing::ProcessResult;
using workbook::testing::SmokeTest;

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_F(SmokeTest, DefaultRunShowsAnAcceptedAndARefusedCallSideBySide) {
  const ProcessResult client = RunClient({});
  EXPECT_EQ(client.exit_code, 0) << client.out << client.err;
  for (const char* part :
       {"with the token", "without a token", "Hello, world!", "x-served-by",
        "x-request-id", "x-elapsed-us", "UNAUTHENTICATED", "TOKEN_MISSING",
        "grpc-status-details-bin"}) {
    EXPECT_TRUE(Contains(client.out, part)) << part << " in\n" << client.out;
  }
}

TEST_F(SmokeTest, StreamShowsEveryGreeting) {
  const ProcessResult client =
      RunClient({"--stream=3", "--compare=false", "--request_id=smoke-1"});
  EXPECT_EQ(client.exit_code, 0) << client.err;
  EXPECT_TRUE(Contains(client.out, "(3 of 3)")) << client.out;
  EXPECT_TRUE(Contains(client.out, "x-request-id: smoke-1")) << client.out;
}

TEST_F(SmokeTest, AWrongTokenFailsWithItsReason) {
  const ProcessResult client = RunClient({"--token=guess", "--compare=false"});
  EXPECT_EQ(client.exit_code, 1) << client.err;
  EXPECT_TRUE(Contains(client.err, "UNAUTHENTICATED")) << client.err;
  EXPECT_TRUE(Contains(client.out, "TOKEN_REJECTED")) << client.out;
}

TEST_F(SmokeTest, AnUncheckedIllegalHeaderAbortsTheClient) {
  const ProcessResult client = RunClient({"--header=Bad-Key:x", "--unchecked"});
  EXPECT_FALSE(client.timed_out);
  EXPECT_EQ(client.exit_code, -1) << "expected death by SIGABRT\n"
                                  << client.err;
  EXPECT_TRUE(
      Contains(client.err,
               "API misuse of type GRPC_CALL_ERROR_INVALID_METADATA observed"))
      << client.err;
}

TEST_F(SmokeTest, TheCheckedClientExplainsTheRuleInstead) {
  const ProcessResult client = RunClient({"--header=Bad-Key:x"});
  EXPECT_EQ(client.exit_code, 2) << client.err;
  EXPECT_TRUE(Contains(client.err, "\"Bad-Key\"")) << client.err;
  EXPECT_TRUE(Contains(client.err, "lower case")) << client.err;
  EXPECT_FALSE(Contains(client.err, "API misuse")) << client.err;
}

TEST_F(SmokeTest, RepeatedAndBinaryHeadersAreSent) {
  const ProcessResult client = RunClient(
      {"--header=x-tenant:blue", "--header", "x-tenant:green",
       "--header=trace-context-bin:Z\xc3\xbcrich", "--compare=false"});
  EXPECT_EQ(client.exit_code, 0) << client.err;
}

}  // namespace
