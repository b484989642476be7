// Running a lesson's test program so that every test gets a result, even
// when one of them crashes or hangs, and keeping the results a student's
// progress is read from (.workbook/results/<preset>/<lesson>.json).
#ifndef WORKBOOK_TOOL_TEST_RUN_H_
#define WORKBOOK_TOOL_TEST_RUN_H_

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "tool/workbook.h"

namespace workbook {

enum class Outcome { kPassed, kFailed, kCrashed };

struct TestResult {
  std::string suite;  // as declared: "Task1_ServerSaysHello"
  std::string name;   // "Task1_ServerSaysHello.RepliesHello" (GoogleTest's)
  Outcome outcome = Outcome::kFailed;
  // What a student needs to see: where, and what was expected (a few
  // lines); for a crash, the signal and the sanitizer's summary.
  std::vector<std::string> message;
};

struct TestRun {
  std::vector<TestResult> tests;
  // Set when the program failed outside any test (it could not start, or
  // crashed before the first test): then `tests` are earlier results.
  std::string problem;
  std::vector<std::string> problem_output;  // the program's last lines
};

// The suite a test belongs to, as the manifest declares it: GoogleTest
// names parameterised suites "Instance/Suite" and typed ones "Suite/0".
std::string DeclaredSuite(const std::string& gtest_suite);

// The test program of `lesson` in the build of `preset`.
std::filesystem::path TestsProgram(const Workbook& workbook,
                                   const std::string& preset,
                                   const std::string& lesson);

// The suites the built test program holds (--gtest_list_tests), declared
// names, in order; nothing when the program cannot be run.
std::optional<std::vector<std::string>> ListSuites(const Workbook& workbook,
                                                   const std::string& preset,
                                                   const std::string& lesson);

// Runs the tests of `suites` (every test when empty). A test that crashes
// (or runs out of time) is reported as crashed and the program is run again
// without it, so that the other tests still count.
TestRun RunTests(const Workbook& workbook, const std::string& preset,
                 const std::string& lesson,
                 const std::vector<std::string>& suites);

// The results kept for `lesson` on `preset`, if any.
std::optional<TestRun> LoadResults(const Workbook& workbook,
                                   const std::string& preset,
                                   const std::string& lesson);

// Keeps `run` as the lesson's results. When `suites` is not empty, only
// the results of those suites are replaced: the others stay as they were.
void SaveResults(const Workbook& workbook, const std::string& preset,
                 const std::string& lesson, const TestRun& run,
                 const std::vector<std::string>& suites);

// "4 (DEADLINE_EXCEEDED)" for 4: how a grpc::StatusCode is shown.
std::string StatusCodeName(int code);

}  // namespace workbook

#endif  // WORKBOOK_TOOL_TEST_RUN_H_
