// The lesson's two programs, run as a student runs them.
#include "common/testing/smoke.h"

#include <gtest/gtest.h>

#include <string>

namespace {

using workbook::testing::kProgramTimeout;
using workbook::testing::ProcessResult;
using workbook::testing::SmokeTest;

TEST_F(SmokeTest, DefaultRunShowsBothStreams) {
  const ProcessResult client = RunClient({});
  EXPECT_EQ(client.exit_code, 0) << client.err;
  EXPECT_NE(client.out.find("Hallo, world!"), std::string::npos) << client.out;
  EXPECT_NE(client.out.find("prime #10: 29"), std::string::npos) << client.out;
  EXPECT_NE(client.out.find("stream ended: OK, 10 primes"), std::string::npos)
      << client.out;
}

TEST_F(SmokeTest, ClientStopsEarlyAndTheServerNotices) {
  const ProcessResult client = RunClient({"--primes=100000", "--stop_after=3"});
  ASSERT_EQ(client.exit_code, 0) << client.err;
  EXPECT_NE(client.out.find("stopped after 3 primes"), std::string::npos)
      << client.out;
  EXPECT_TRUE(server_->WaitForLine("the client went away", kProgramTimeout))
      << "the server should log that it stopped early";
}

TEST_F(SmokeTest, ClientExplainsAnInvalidCount) {
  const ProcessResult client = RunClient({"--greetings=5000"});
  EXPECT_EQ(client.exit_code, 1);
  EXPECT_NE(client.err.find("INVALID_ARGUMENT"), std::string::npos)
      << client.err;
}

}  // namespace
