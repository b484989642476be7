// The lesson's two programs, run as a student runs them.
#include "common/testing/smoke.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace {

using workbook::testing::kProgramTimeout;
using workbook::testing::ProcessResult;
using workbook::testing::ReadServerAddress;
using workbook::testing::RunProgram;
using workbook::testing::SmokeTest;
using workbook::testing::Subprocess;

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Reads the program's lines until each of `parts` was in one of them, in
// whatever order the program's threads printed them. Returns the parts that
// never came.
std::vector<std::string> WaitForLines(Subprocess& program,
                                      std::vector<std::string> parts) {
  const auto until = std::chrono::steady_clock::now() + kProgramTimeout;
  while (!parts.empty()) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        until - std::chrono::steady_clock::now());
    const std::optional<std::string> line = program.WaitForLine("", left);
    if (!line) break;
    parts.erase(std::remove_if(parts.begin(), parts.end(),
                               [&](const std::string& part) {
                                 return Contains(*line, part);
                               }),
                parts.end());
  }
  return parts;
}

TEST_F(SmokeTest, TheStoryShowsEveryCase) {
  const ProcessResult client = RunClient({});
  ASSERT_EQ(client.exit_code, 0) << client.out << client.err;
  EXPECT_TRUE(Contains(client.out, "OK: Welcome, Ada!")) << client.out;
  EXPECT_TRUE(Contains(client.out, "DEADLINE_EXCEEDED")) << client.out;
  EXPECT_TRUE(Contains(client.out, "CANCELLED")) << client.out;
  // What the server did, from its own log: the naive server signed for a
  // client that had gone, the careful one refused and did not sign, and the
  // retry was recognised.
  EXPECT_THAT(WaitForLines(*server_, {"but the client had already gone",
                                      "not signed: DEADLINE_EXCEEDED",
                                      "not signed: CANCELLED", "a replay"}),
              ::testing::IsEmpty())
      << "lines missing from the server's log";
}

TEST_F(SmokeTest, OneCallByHandThatGivesUp) {
  const ProcessResult client =
      RunClient({"--desk=naive", "--deadline_ms=100", "--request_id=by-hand"});
  EXPECT_EQ(client.exit_code, 1) << client.out << client.err;
  EXPECT_TRUE(Contains(client.err, "DEADLINE_EXCEEDED")) << client.err;
  EXPECT_TRUE(
      server_->WaitForLine("but the client had already gone", kProgramTimeout));
  const ProcessResult retry =
      RunClient({"--desk=guest_book", "--request_id=by-hand", "--attempts=3"});
  EXPECT_EQ(retry.exit_code, 0) << retry.out << retry.err;
  EXPECT_TRUE(server_->WaitForLine("a replay", kProgramTimeout));
}

TEST_F(SmokeTest, ClientRejectsAnUnknownDesk) {
  const ProcessResult client = RunClient({"--desk=reception"});
  EXPECT_EQ(client.exit_code, 2) << client.err;
  EXPECT_TRUE(Contains(client.err, "--desk")) << client.err;
}

TEST(SmokeTestShutdown, ServerStopsOnSigtermWithACallInProgress) {
  Subprocess server({workbook::testing::ServerProgram(), "--port=0",
                     "--signing_ms=1000", "--shutdown_grace_ms=200"});
  const std::string address = ReadServerAddress(server, kProgramTimeout);
  ASSERT_FALSE(address.empty());
  Subprocess client({workbook::testing::ClientProgram(), "--target=" + address,
                     "--desk=naive", "--deadline_ms=10000"});
  // The call is in its 1 s slow step: a sync handler that nothing can
  // interrupt. Shutdown waits for it (up to --shutdown_grace_ms, then
  // cancels the call; the handler still ends after its slow step).
  ASSERT_TRUE(server.WaitForLine("slow step", kProgramTimeout));
  server.Signal(SIGTERM);
  const ProcessResult stopped = server.Wait(kProgramTimeout);
  EXPECT_FALSE(stopped.timed_out) << "the server hung on shutdown";
  EXPECT_EQ(stopped.exit_code, 0) << stopped.out << stopped.err;
  client.Wait(kProgramTimeout);
}

}  // namespace
