// `./workbook check` and the watch loop's report: one line per task, the
// first failure of each failing task, and what to do next.
#include <fstream>
#include <iostream>

#include "tool/commands.h"
#include "tool/lessons.h"
#include "tool/process.h"
#include "tool/results.h"

namespace workbook {

namespace {

constexpr int kOutputLinesShown = 40;

// Without a report the tests did not get to run (or crashed): their own
// output is the best explanation there is.
void ShowTestOutput(const Workbook& workbook) {
  std::ifstream in(workbook.state / "last-test-output.txt");
  std::string line;
  for (int shown = 0; shown < kOutputLinesShown && std::getline(in, line);
       ++shown) {
    std::cout << line << "\n";
  }
}

void PrintPassed(const Colours& c, const TaskResult& result) {
  std::cout << "  " << c.green << "✓ Task " << result.task << c.reset << "  "
            << result.tests << " tests pass\n";
}

void PrintFailed(const Workbook& workbook, const std::string& lesson,
                 const TaskResult& result) {
  const Colours& c = workbook.colours;
  std::cout << "  " << c.red << "✗ Task " << result.task << c.reset << "  "
            << result.tests - result.passed << " of " << result.tests
            << " tests fail  " << c.dim
            << TaskFile(workbook, lesson, result.task) << c.reset << "\n";
  std::cout << "      ";
  for (size_t i = 0; i < result.first_failure.size(); ++i) {
    std::cout << (i > 0 ? "\n      " : "") << result.first_failure[i];
  }
  std::cout << "\n";
}

// Prints the report of the last student run of `lesson`; returns 0 when
// every task passes.
int ReportLesson(const Workbook& workbook, const std::string& lesson,
                 bool quiet) {
  std::optional<TestReport> report =
      ReadReport(StudentReportPath(workbook, lesson));
  if (!report) {
    ShowTestOutput(workbook);
    return 1;
  }
  int passed = 0;
  const TaskResult* first_failing = nullptr;
  for (const TaskResult& result : report->tasks) {
    if (result.done()) {
      ++passed;
      if (!quiet) PrintPassed(workbook.colours, result);
    } else {
      if (first_failing == nullptr) first_failing = &result;
      if (!quiet || first_failing == &result) {
        PrintFailed(workbook, lesson, result);
      }
    }
  }
  const Colours& c = workbook.colours;
  std::cout << c.bold << passed << " of " << report->tasks.size()
            << " tasks done" << c.reset << " in " << lesson << ".\n";
  if (first_failing == nullptr) return 0;

  const int task = first_failing->task;
  const std::string file = TaskFile(workbook, lesson, task);
  std::cout << "Next: Task " << task << (file.empty() ? "" : " in " + file)
            << ". Hint: ./workbook hint " << LessonNumber(lesson) << " " << task
            << "\n";
  return 1;
}

}  // namespace

int CommandCheck(const Workbook& workbook, const Args& args) {
  bool quiet = false;
  Args lessons;
  for (const std::string& arg : args) {
    if (arg == "--quiet") {
      quiet = true;
    } else {
      lessons.push_back(arg);
    }
  }
  if (lessons.size() != 1) throw UsageError("usage: ./workbook check LESSON");
  const std::string lesson = ResolveLesson(workbook, lessons[0]);
  RunTests(workbook, "exercise", lesson);
  return ReportLesson(workbook, lesson, quiet);
}

}  // namespace workbook
