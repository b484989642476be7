// The lesson's two programs, run as a student runs them.
#include "common/testing/smoke.h"

#include <gtest/gtest.h>
#include <signal.h>

#include <string>

#include "common/testing/subprocess.h"

namespace {

using workbook::testing::ClientProgram;
using workbook::testing::kProgramTimeout;
using workbook::testing::ProcessResult;
using workbook::testing::ReadServerAddress;
using workbook::testing::ServerProgram;
using workbook::testing::SmokeTest;
using workbook::testing::Subprocess;

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// `./workbook run 07` runs the client with no flags: it must tell the story.
TEST_F(SmokeTest, DefaultRunShowsCallsInFlightOneCancelledAndOutOfOrder) {
  const ProcessResult client = RunClient({});
  EXPECT_EQ(client.exit_code, 0) << client.out << client.err;
  EXPECT_TRUE(Contains(client.out, "Started 5 SayHello calls from one thread"))
      << client.out;
  EXPECT_TRUE(Contains(client.out, "Bo: OK \"Hello, Bo!\"")) << client.out;
  EXPECT_TRUE(Contains(client.out, "cancelling #5 Bartholomew")) << client.out;
  EXPECT_TRUE(Contains(client.out, "Bartholomew: CANCELLED")) << client.out;
  EXPECT_TRUE(Contains(client.out, "not the order the calls were started"))
      << client.out;
}

// The server sees the cancellation. The cancelled name is long, so its
// greeting is seconds away when the client cancels (after Bo's answer):
// even a slow machine cannot greet it first.
TEST_F(SmokeTest, TheServerNoticesACancelledCall) {
  const std::string late = "Bartholomew-Maximilian-Fitzgerald";
  const ProcessResult client = RunClient(
      {"--names=Bo," + late, "--cancel=" + late, "--deadline_ms=20000"});
  EXPECT_EQ(client.exit_code, 0) << client.out << client.err;
  EXPECT_TRUE(Contains(client.out, late + ": CANCELLED")) << client.out;
  EXPECT_TRUE(
      server_->WaitForLine(late + " left before the greeting", kProgramTimeout))
      << "the server should notice the cancelled call";
}

TEST_F(SmokeTest, QueueModeGreetsEveryoneOnOneThread) {
  const ProcessResult client = RunClient({"--queue", "--names=Ada,Bo"});
  EXPECT_EQ(client.exit_code, 0) << client.out << client.err;
  EXPECT_TRUE(Contains(client.out, "Ada: OK \"Hello, Ada!\"")) << client.out;
  EXPECT_TRUE(Contains(client.out, "Bo: OK \"Hello, Bo!\"")) << client.out;
}

TEST_F(SmokeTest, ClientExplainsAnInvalidName) {
  const ProcessResult client = RunClient({"--names=" + std::string(200, 'x')});
  EXPECT_EQ(client.exit_code, 1) << client.out << client.err;
  EXPECT_TRUE(Contains(client.err, "INVALID_ARGUMENT")) << client.err;
}

// A server holding calls still stops promptly and cleanly on SIGTERM.
TEST(ServerProgram, StopsCleanlyWithCallsHeld) {
  Subprocess server({ServerProgram(), "--port=0", "--ms_per_letter=10000",
                     "--shutdown_grace_ms=200"});
  const std::string address = ReadServerAddress(server, kProgramTimeout);
  ASSERT_FALSE(address.empty());
  Subprocess client({ClientProgram(), "--target=" + address,
                     "--cancel=", "--deadline_ms=20000"});
  for (int i = 0; i < 5; ++i) {  // The client's default: five names.
    ASSERT_TRUE(server.WaitForLine(" arrived;", kProgramTimeout)) << i;
  }
  server.Signal(SIGTERM);
  const ProcessResult stopped = server.Wait(kProgramTimeout);
  EXPECT_EQ(stopped.exit_code, 0) << stopped.out << stopped.err;
  EXPECT_TRUE(Contains(stopped.out, "left before the greeting")) << stopped.out;
  const ProcessResult result = client.Wait(kProgramTimeout);
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_TRUE(Contains(result.err, "CANCELLED") ||
              Contains(result.err, "UNAVAILABLE"))
      << result.err;
}

}  // namespace
