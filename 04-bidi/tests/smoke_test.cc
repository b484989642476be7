// The lesson's two programs, run as a student runs them.
#include "common/testing/smoke.h"

#include <gtest/gtest.h>

#include <string>

namespace {

using workbook::testing::kProgramTimeout;
using workbook::testing::ProcessResult;
using workbook::testing::SmokeTest;

// `./workbook run 04` runs the client with default flags and no input.
TEST_F(SmokeTest, TheDemoShowsAConversationAndEndsByItself) {
  const ProcessResult client = RunClient({});
  EXPECT_EQ(client.exit_code, 0) << client.out << client.err;
  EXPECT_NE(client.out.find("[Grace] Ada: Hi Grace"), std::string::npos)
      << client.out;
  EXPECT_NE(client.out.find("[Ada]   Grace: Hi Ada"), std::string::npos)
      << client.out;
  EXPECT_NE(client.out.find("[Grace] * Ada left"), std::string::npos)
      << client.out;
}

// Two people in two terminals: Bob waits in the room, Ada says hello.
TEST_F(SmokeTest, TwoClientsSeeEachOthersLines) {
  auto bob =
      StartClient({"--name=Bob", "--wait_for_lines=1", "--deadline_ms=20000"});
  ASSERT_TRUE(bob->WaitForLine("you joined", kProgramTimeout))
      << "Bob did not join";
  const ProcessResult ada = RunClient({"--name=Ada", "--say=Hi Bob"});
  EXPECT_EQ(ada.exit_code, 0) << ada.out << ada.err;
  EXPECT_NE(ada.out.find("already here: Bob"), std::string::npos) << ada.out;
  const ProcessResult bob_result = bob->Wait(kProgramTimeout);
  EXPECT_EQ(bob_result.exit_code, 0) << bob_result.out << bob_result.err;
  EXPECT_NE(bob_result.out.find("Ada: Hi Bob"), std::string::npos)
      << bob_result.out;
  EXPECT_NE(bob_result.out.find("you left the room"), std::string::npos)
      << bob_result.out;
}

TEST_F(SmokeTest, TheClientExplainsAnInvalidName) {
  const ProcessResult client = RunClient({"--name=" + std::string(200, 'x')});
  EXPECT_EQ(client.exit_code, 1) << client.out << client.err;
  EXPECT_NE(client.err.find("INVALID_ARGUMENT"), std::string::npos)
      << client.err;
}

}  // namespace
