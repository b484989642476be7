// Test results, read from the JSON report GoogleTest writes with
// --gtest_output=json:FILE, and grouped by task.
#ifndef WORKBOOK_TOOL_RESULTS_H_
#define WORKBOOK_TOOL_RESULTS_H_

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "tool/workbook.h"

namespace workbook {

// The tests of one task: all the test suites named Task<N>_...
struct TaskResult {
  int task = 0;
  int passed = 0;
  int tests = 0;
  // The first failure's message, without blank lines, file paths and stack
  // traces, at most six lines: enough to see what was expected.
  std::vector<std::string> first_failure;

  bool done() const { return passed == tests; }
};

struct TestReport {
  int tests = 0;                  // how many tests the report lists
  std::vector<TaskResult> tasks;  // ordered by task number
};

// The report in `path`, or nothing when there is none (the tests did not
// run, or crashed before writing it).
std::optional<TestReport> ReadReport(const std::filesystem::path& path);

// Where a student's task stands, from the last `./workbook check`.
enum class TaskState { kNew, kFailing, kDone };

// The last results of the student track for `lesson`.
std::filesystem::path StudentReportPath(const Workbook& workbook,
                                        const std::string& lesson);

TaskState StateOf(const Workbook& workbook, const std::string& lesson,
                  int task);

// True when every task of `lesson` passed in the last check.
bool LessonDone(const Workbook& workbook, const std::string& lesson);

}  // namespace workbook

#endif  // WORKBOOK_TOOL_RESULTS_H_
