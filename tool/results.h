// Test results read against a lesson's manifest: task by task, and the
// lesson checks (the suites of no single task) on their own.
#ifndef WORKBOOK_TOOL_RESULTS_H_
#define WORKBOOK_TOOL_RESULTS_H_

#include <optional>
#include <string>
#include <vector>

#include "tool/manifest.h"
#include "tool/test_run.h"
#include "tool/workbook.h"

namespace workbook {

// The results of one task's suites, or of the lesson checks.
struct SuitesResult {
  std::optional<Task> task;  // none: the lesson checks
  int passed = 0;
  int tests = 0;
  std::vector<TestResult> failing;  // in the order they ran

  bool ran() const { return tests > 0; }
  bool done() const { return ran() && passed == tests; }
};

struct LessonResult {
  std::vector<SuitesResult> tasks;  // in the manifest's order
  SuitesResult checks;
  bool has_checks = false;  // the manifest declares lesson checks
  std::string problem;      // the program failed outside any test
  std::vector<std::string> problem_output;

  // Every task and the lesson checks pass.
  bool Done() const;
  // The first task not done; nullptr when every task is.
  const SuitesResult* FirstUnfinishedTask() const;
  int TasksDone() const;
};

// `run` sorted by `lesson`'s manifest. Results of suites the manifest does
// not declare are left out.
LessonResult Summarize(const Lesson& lesson, const TestRun& run);

// The student's last results for `lesson` (the exercise track), as they
// stand: nothing ran yet when there are none.
LessonResult StudentResult(const Workbook& workbook, const Lesson& lesson);

// Where a student's task stands, from the last `./workbook check`.
enum class TaskState { kNew, kFailing, kDone };
TaskState StateOf(const SuitesResult& result);

// True when every task and check of `lesson` passed in the last check.
bool LessonDone(const Workbook& workbook, const std::string& lesson);

}  // namespace workbook

#endif  // WORKBOOK_TOOL_RESULTS_H_
