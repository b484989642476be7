// Tests of how Subprocess reports the way a program ended.
#include "common/testing/subprocess.h"

#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>

namespace workbook::testing {
namespace {

constexpr std::chrono::milliseconds kShellTimeout{20000};

TEST(Subprocess, ReportsTheExitCodeAndOutput) {
  const ProcessResult result = RunProgram(
      {"/bin/sh", "-c", "echo out; echo err >&2; exit 3"}, kShellTimeout);
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_EQ(result.killed_by_signal, 0);
  EXPECT_FALSE(result.timed_out);
  EXPECT_EQ(result.out, "out\n");
  EXPECT_EQ(result.err, "err\n");
}

TEST(Subprocess, ReportsTheSignalThatEndedIt) {
  const ProcessResult result =
      RunProgram({"/bin/sh", "-c", "kill -ABRT $$"}, kShellTimeout);
  EXPECT_EQ(result.exit_code, -1);
  EXPECT_EQ(result.killed_by_signal, SIGABRT);
  EXPECT_FALSE(result.timed_out);
}

TEST(Subprocess, KillsAProgramThatOutlivesItsTimeout) {
  // `exec` so that the shell itself waits (no child keeps the pipes open).
  const ProcessResult result = RunProgram({"/bin/sh", "-c", "exec sleep 30"},
                                          std::chrono::milliseconds(50));
  EXPECT_TRUE(result.timed_out);
  EXPECT_EQ(result.exit_code, -1);
  EXPECT_EQ(result.killed_by_signal, 0) << "killed by us, not on its own";
}

}  // namespace
}  // namespace workbook::testing
