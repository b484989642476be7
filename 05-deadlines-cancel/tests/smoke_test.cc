// The lesson's two programs, run as a student runs them.
#include "common/testing/smoke.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <memory>
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

TEST_F(SmokeTest, ClientRejectsAnUnknownDesk) {
  const ProcessResult client = RunClient({"--desk=reception"});
  EXPECT_EQ(client.exit_code, 2) << client.err;
  EXPECT_TRUE(Contains(client.err, "--desk")) << client.err;
}

// A server started with flags of the test's choosing.
class SmokeTestWithFlags : public ::testing::Test {
 protected:
  void StartServer(const std::vector<std::string>& flags) {
    std::vector<std::string> argv = {workbook::testing::ServerProgram(),
                                     "--port=0"};
    argv.insert(argv.end(), flags.begin(), flags.end());
    server_ = std::make_unique<Subprocess>(argv);
    address_ = ReadServerAddress(*server_, kProgramTimeout);
    ASSERT_FALSE(address_.empty());
  }
  ProcessResult RunClient(const std::vector<std::string>& flags) {
    std::vector<std::string> argv = {workbook::testing::ClientProgram(),
                                     "--target=" + address_};
    argv.insert(argv.end(), flags.begin(), flags.end());
    return RunProgram(argv, kProgramTimeout);
  }
  void TearDown() override {
    if (server_ == nullptr) return;
    server_->Signal(SIGTERM);
    EXPECT_EQ(server_->Wait(kProgramTimeout).exit_code, 0);
  }

  std::unique_ptr<Subprocess> server_;
  std::string address_;
};

TEST_F(SmokeTestWithFlags, OneCallByHandThatGivesUpThenARetry) {
  // Signing takes 2 s, the client gives up after 1 s: ample time for even a
  // slow machine to connect and deliver the call before the client leaves.
  StartServer({"--signing_ms=2000"});
  const ProcessResult client =
      RunClient({"--desk=naive", "--deadline_ms=1000", "--request_id=by-hand"});
  EXPECT_EQ(client.exit_code, 1) << client.out << client.err;
  EXPECT_TRUE(Contains(client.err, "DEADLINE_EXCEEDED")) << client.err;
  EXPECT_TRUE(
      server_->WaitForLine("but the client had already gone", kProgramTimeout));
  const ProcessResult retry =
      RunClient({"--desk=guest_book", "--request_id=by-hand", "--attempts=3",
                 "--deadline_ms=5000"});
  EXPECT_EQ(retry.exit_code, 0) << retry.out << retry.err;
  EXPECT_TRUE(server_->WaitForLine("a replay", kProgramTimeout));
}

TEST_F(SmokeTestWithFlags, ServerStopsOnSigtermWithACallInProgress) {
  StartServer({"--signing_ms=1000", "--shutdown_grace_ms=200"});
  Subprocess client({workbook::testing::ClientProgram(), "--target=" + address_,
                     "--desk=naive", "--deadline_ms=10000"});
  // The call is in its 1 s slow step: a sync handler that nothing can
  // interrupt. Shutdown waits for it (up to --shutdown_grace_ms, then
  // cancels the call; the handler still ends after its slow step).
  ASSERT_TRUE(server_->WaitForLine("slow step", kProgramTimeout));
  server_->Signal(SIGTERM);
  const ProcessResult stopped = server_->Wait(kProgramTimeout);
  server_ = nullptr;
  EXPECT_FALSE(stopped.timed_out) << "the server hung on shutdown";
  EXPECT_EQ(stopped.exit_code, 0) << stopped.out << stopped.err;
  client.Wait(kProgramTimeout);
}

}  // namespace
