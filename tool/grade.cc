// `./workbook grade`: what a teacher collects. A table a person reads,
// grade.json a script reads, and JUnit XML that CI systems display.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "tool/commands.h"
#include "tool/lessons.h"
#include "tool/process.h"
#include "tool/results.h"

namespace workbook {
namespace fs = std::filesystem;

namespace {

// One row of the table, padded like printf("%-22s %-6s %s").
void PrintRow(const std::string& lesson, const std::string& task,
              const std::string& result) {
  std::printf("%-22s %-6s %s\n", lesson.c_str(), task.c_str(), result.c_str());
}

}  // namespace

int CommandGrade(const Workbook& workbook, const Args& args) {
  const fs::path out = workbook.state / "grade";
  fs::create_directories(out);
  // Keys in the order a reader expects them, not sorted.
  nlohmann::ordered_json grades = nlohmann::ordered_json::array();
  bool all_passed = true;

  PrintRow("LESSON", "TASK", "RESULT");
  for (const std::string& lesson : ResolveLessons(workbook, args)) {
    const std::string tests = TestsBinary(workbook, "exercise", lesson).string();
    const fs::path json_report = out / (lesson + ".json");
    // GoogleTest writes one report format per run, so the tests run twice.
    RunProgram({tests, "--gtest_output=json:" + json_report.string()},
               "/dev/null");
    RunProgram(
        {tests, "--gtest_output=xml:" + (out / (lesson + ".xml")).string()},
        "/dev/null");

    std::optional<TestReport> report = ReadReport(json_report);
    if (!report) {
      // The tests crashed before writing a report: nothing of it passed.
      all_passed = false;
      PrintRow(lesson, "-", "the tests did not run to the end");
      continue;
    }
    for (const TaskResult& result : report->tasks) {
      all_passed = all_passed && result.done();
      PrintRow(lesson, std::to_string(result.task),
               std::to_string(result.passed) + "/" +
                   std::to_string(result.tests) + " tests pass");
      grades.push_back({{"lesson", lesson},
                        {"task", result.task},
                        {"passed", result.passed},
                        {"tests", result.tests},
                        {"done", result.done()}});
    }
  }

  std::ofstream(out / "grade.json") << grades.dump(2) << "\n";
  std::cout << "Reports: " << workbook.Shown(out / "grade.json")
            << ", and JUnit XML per lesson in " << workbook.Shown(out) << "/\n";
  return all_passed ? 0 : 1;
}

}  // namespace workbook
