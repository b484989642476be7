// `./workbook verify`, the maintainer's proof that every exercise works as
// an exercise: the stub fails its task's tests, the solution passes them,
// and the student has a marker to find and hints to ask for.
#include <iostream>

#include "tool/commands.h"
#include "tool/hints.h"
#include "tool/lessons.h"
#include "tool/process.h"
#include "tool/results.h"

namespace workbook {
namespace fs = std::filesystem;

namespace {

constexpr size_t kMinimumHintLevels = 2;

// What is wrong with one task; empty when nothing is.
std::vector<std::string> TaskProblems(const Workbook& workbook,
                                      const std::string& lesson, int task) {
  std::vector<std::string> problems;
  const std::string number = std::to_string(task);
  if (TaskFile(workbook, lesson, task).empty()) {
    problems.push_back("no TODO(" + LessonNumber(lesson) + "." + number +
                       ") marker in exercise/");
  }
  if (ReadHints(workbook, lesson, number).levels.size() < kMinimumHintLevels) {
    problems.push_back("fewer than two hint levels for Task " + number +
                       " in hints.md");
  }
  const std::string filter = "Task" + number + "_*";
  if (RunTests(workbook, "exercise", lesson, filter)) {
    problems.push_back("its tests pass on the stub");
  }
  // A stub "fails" trivially when its tests did not run at all (no test
  // matches the filter, or the program crashed): that proves nothing.
  std::optional<TestReport> stub_report =
      ReadReport(StudentReportPath(workbook, lesson));
  if (!stub_report || stub_report->tests <= 0) {
    problems.push_back("no tests ran");
  }
  if (!RunTests(workbook, "solution", lesson, filter)) {
    problems.push_back("its tests fail on the solution");
  }
  return problems;
}

std::string Joined(const std::vector<std::string>& parts, const char* by) {
  std::string text;
  for (const std::string& part : parts) text += (text.empty() ? "" : by) + part;
  return text;
}

}  // namespace

int CommandVerify(const Workbook& workbook, const Args& args) {
  const Colours& c = workbook.colours;
  int passed = 0, failed = 0;
  for (const std::string& lesson : ResolveLessons(workbook, args)) {
    for (int task : LessonTasks(workbook, lesson)) {
      const std::vector<std::string> problems =
          TaskProblems(workbook, lesson, task);
      if (problems.empty()) {
        ++passed;
        std::cout << "  " << c.green << "ok" << c.reset << "   " << lesson
                  << " task " << task << std::endl;
      } else {
        ++failed;
        std::cout << "  " << c.red << "FAIL" << c.reset << " " << lesson
                  << " task " << task << ": " << Joined(problems, ";")
                  << std::endl;
      }
    }
    // These were the stubs' results, not the student's progress.
    fs::remove(StudentReportPath(workbook, lesson));
  }
  std::cout << "verify: " << passed << " passed, " << failed << " failed\n";
  return failed == 0 ? 0 : 1;
}

}  // namespace workbook
