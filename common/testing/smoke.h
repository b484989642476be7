// Fixture for smoke tests: the lesson's server program runs as a process on a
// free port for each test, and the client program is run against it.
#ifndef WORKBOOK_COMMON_TESTING_SMOKE_H_
#define WORKBOOK_COMMON_TESTING_SMOKE_H_

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "common/testing/subprocess.h"

namespace workbook::testing {

/// Generous bounds: a loaded 2-core machine starts programs slowly, and a
/// hang still fails the test.
inline constexpr std::chrono::milliseconds kProgramTimeout{20000};

/// Paths of the lesson's programs; CMake defines them for each lesson.
std::string ServerProgram();
std::string ClientProgram();

class SmokeTest : public ::testing::Test {
 protected:
  /// Starts the server with --port=0 and reads the address it listens on.
  void SetUp() override;
  /// Stops the server with SIGTERM and expects a clean exit (code 0).
  void TearDown() override;

  /// Runs the client with --target=<server address> and `args`.
  ProcessResult RunClient(const std::vector<std::string>& args) const;

  /// Starts the client without waiting for it (for clients that stay
  /// connected, such as a chat).
  std::unique_ptr<Subprocess> StartClient(
      const std::vector<std::string>& args) const;

  std::unique_ptr<Subprocess> server_;
  std::string address_;
};

}  // namespace workbook::testing

#endif  // WORKBOOK_COMMON_TESTING_SMOKE_H_
