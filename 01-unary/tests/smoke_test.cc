// The lesson's two programs, run as a student runs them.
#include "common/testing/smoke.h"

#include <gtest/gtest.h>
#include <signal.h>

namespace {

using workbook::testing::SmokeTest;

TEST_F(SmokeTest, ClientGreetsThroughTheServer) {
  const workbook::testing::ProcessResult client = RunClient({"--name=Smoke"});
  EXPECT_EQ(client.exit_code, 0) << client.err;
  EXPECT_NE(client.out.find("Hello, Smoke!"), std::string::npos) << client.out;
}

TEST_F(SmokeTest, ClientExplainsAnInvalidName) {
  const workbook::testing::ProcessResult client = RunClient({"--name="});
  EXPECT_EQ(client.exit_code, 1);
  EXPECT_NE(client.err.find("INVALID_ARGUMENT"), std::string::npos)
      << client.err;
}

}  // namespace
