// Tests every lesson's programs must pass, compiled into each lesson's test
// program (cmake/WorkbookLesson.cmake adds this file): the promises the
// workbook makes about any server and client a student runs.
#include <gtest/gtest.h>
#include <signal.h>

#include <string>

#include "common/testing/smoke.h"
#include "common/testing/test_server.h"

namespace workbook::testing {

std::string ServerProgram() { return WORKBOOK_SERVER_PROGRAM; }
std::string ClientProgram() { return WORKBOOK_CLIENT_PROGRAM; }

namespace {

int CountLines(const std::string& text) {
  int lines = 0;
  for (char c : text) lines += c == '\n';
  return lines;
}

TEST(Programs, ServerStopsCleanlyOnCtrlC) {
  Subprocess server({ServerProgram(), "--port=0"});
  ASSERT_FALSE(ReadServerAddress(server, kProgramTimeout).empty());
  server.Signal(SIGINT);
  const ProcessResult result = server.Wait(kProgramTimeout);
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_NE(result.out.find("stopped"), std::string::npos) << result.out;
}

TEST(Programs, ServerRejectsAPortOutOfRange) {
  const ProcessResult result =
      RunProgram({ServerProgram(), "--port=70000"}, kProgramTimeout);
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find("--port"), std::string::npos) << result.err;
}

TEST(Programs, ServerReportsAnAddressInUse) {
  Subprocess first({ServerProgram(), "--port=0"});
  const std::string address = ReadServerAddress(first, kProgramTimeout);
  ASSERT_FALSE(address.empty());
  const std::string port = address.substr(address.rfind(':') + 1);
  const ProcessResult second =
      RunProgram({ServerProgram(), "--port=" + port}, kProgramTimeout);
  EXPECT_EQ(second.exit_code, 1) << second.err;
  EXPECT_NE(second.err.find("cannot listen"), std::string::npos) << second.err;
  first.Signal(SIGTERM);
  EXPECT_EQ(first.Wait(kProgramTimeout).exit_code, 0);
}

TEST(Programs, ClientWithoutServerFailsWithOneClearLine) {
  RefusingAddress nobody;
  const ProcessResult result = RunProgram(
      {ClientProgram(), "--target=" + nobody.address()}, kProgramTimeout);
  EXPECT_FALSE(result.timed_out) << "the client hung instead of failing";
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_EQ(CountLines(result.err), 1) << "expected one line on stderr:\n"
                                       << result.err;
  EXPECT_NE(result.err.find(nobody.address()), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("UNAVAILABLE"), std::string::npos) << result.err;
}

TEST(Programs, HelpListsTheWorkbookFlags) {
  const ProcessResult client =
      RunProgram({ClientProgram(), "--help"}, kProgramTimeout);
  EXPECT_EQ(client.exit_code, 0) << client.err;
  EXPECT_NE(client.out.find("--target"), std::string::npos) << client.out;
  const ProcessResult server =
      RunProgram({ServerProgram(), "--help"}, kProgramTimeout);
  EXPECT_EQ(server.exit_code, 0) << server.err;
  EXPECT_NE(server.out.find("--port"), std::string::npos) << server.out;
}

TEST(Programs, ClientRejectsAnUnknownFlag) {
  const ProcessResult result =
      RunProgram({ClientProgram(), "--no_such_flag=1"}, kProgramTimeout);
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find("no_such_flag"), std::string::npos) << result.err;
}

TEST(Programs, ClientRejectsAFlagValueOfTheWrongType) {
  const ProcessResult result =
      RunProgram({ClientProgram(), "--deadline_ms=soon"}, kProgramTimeout);
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find("--deadline_ms=soon"), std::string::npos)
      << result.err;
  const ProcessResult spaced =
      RunProgram({ClientProgram(), "--deadline_ms", "soon"}, kProgramTimeout);
  EXPECT_EQ(spaced.exit_code, 2) << spaced.err;
}

TEST(Programs, ClientRejectsANonPositiveDeadline) {
  const ProcessResult result =
      RunProgram({ClientProgram(), "--deadline_ms=0"}, kProgramTimeout);
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find("--deadline_ms"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace workbook::testing
