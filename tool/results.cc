#include "tool/results.h"

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "tool/lessons.h"

namespace workbook {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr size_t kFailureLines = 6;

// The task a test suite belongs to (Task3_... is task 3), if any. Suites
// without a task, such as the smoke test, count for no task.
std::optional<int> TaskOfSuite(const std::string& suite) {
  static const std::regex kTaskSuite(R"(^Task([0-9]+)_)");
  std::smatch match;
  if (!std::regex_search(suite, match, kTaskSuite)) return std::nullopt;
  return std::stoi(match[1]);
}

// The lines of a failure message a student needs. GoogleTest adds the
// source file's absolute path and, sometimes, a stack trace: noise here.
std::vector<std::string> UsefulLines(const std::string& failure) {
  std::vector<std::string> lines;
  std::istringstream in(failure);
  std::string line;
  while (std::getline(in, line) && lines.size() < kFailureLines) {
    if (line.empty() || line[0] == '/' || line.rfind("Stack trace", 0) == 0) {
      continue;
    }
    lines.push_back(line);
  }
  return lines;
}

}  // namespace

std::optional<TestReport> ReadReport(const fs::path& path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  json report = json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (report.is_discarded() || !report.is_object()) return std::nullopt;

  std::map<int, TaskResult> by_task;
  for (const json& suite : report.value("testsuites", json::array())) {
    std::optional<int> task = TaskOfSuite(suite.value("name", ""));
    if (!task) continue;
    TaskResult& result = by_task[*task];
    result.task = *task;
    for (const json& test : suite.value("testsuite", json::array())) {
      ++result.tests;
      const json failures = test.value("failures", json::array());
      if (failures.empty()) {
        ++result.passed;
      } else if (result.passed == result.tests - 1) {
        // No earlier test of this task failed: this is the message to show.
        result.first_failure = UsefulLines(failures[0].value("failure", ""));
      }
    }
  }

  TestReport parsed;
  parsed.tests = report.value("tests", 0);
  for (auto& [task, result] : by_task) parsed.tasks.push_back(result);
  return parsed;
}

fs::path StudentReportPath(const Workbook& workbook,
                           const std::string& lesson) {
  return workbook.state / "results" / "exercise" / (lesson + ".json");
}

TaskState StateOf(const Workbook& workbook, const std::string& lesson,
                  int task) {
  std::optional<TestReport> report =
      ReadReport(StudentReportPath(workbook, lesson));
  if (!report) return TaskState::kNew;
  for (const TaskResult& result : report->tasks) {
    if (result.task == task) {
      return result.done() ? TaskState::kDone : TaskState::kFailing;
    }
  }
  return TaskState::kNew;
}

bool LessonDone(const Workbook& workbook, const std::string& lesson) {
  for (int task : LessonTasks(workbook, lesson)) {
    if (StateOf(workbook, lesson, task) != TaskState::kDone) return false;
  }
  return true;
}

}  // namespace workbook
