// `./workbook grade`: what a teacher collects. A table a person reads,
// grade.json a script reads (totals, points, commit, time), and JUnit XML
// that CI systems display; all rewritten on every run.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "tool/build_errors.h"
#include "tool/commands.h"
#include "tool/lessons.h"
#include "tool/process.h"
#include "tool/results.h"

namespace workbook {
namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;  // keys in the order a reader expects

namespace {

struct GradeOptions {
  std::vector<std::string> lessons;
  std::string task;                    // with one lesson: that task only
  std::vector<std::string> not_built;  // lessons whose build failed
};

GradeOptions ParseGrade(const Workbook& workbook, const Args& args) {
  GradeOptions options;
  Args names;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--task" && i + 1 < args.size()) {
      options.task = args[++i];
    } else if (arg.rfind("--task=", 0) == 0) {
      options.task = arg.substr(7);
    } else if (arg.rfind("--not-built=", 0) == 0) {
      options.not_built.push_back(ResolveLesson(workbook, arg.substr(12)));
    } else if (arg.rfind("--", 0) == 0) {
      throw UsageError("grade has no option '" + arg + "'",
                       Usage(workbook, "grade"));
    } else {
      names.push_back(arg);
    }
  }
  options.lessons = ResolveLessons(workbook, names);
  if (!options.task.empty() && names.size() != 1) {
    throw UsageError("--task grades one task of one lesson",
                     Usage(workbook, "grade"));
  }
  return options;
}

void PrintRow(const std::string& lesson, const std::string& task,
              const std::string& points, const std::string& result) {
  std::printf("%-24s %-7s %-7s %s\n", lesson.c_str(), task.c_str(),
              points.c_str(), result.c_str());
}

const char* OutcomeText(Outcome outcome) {
  switch (outcome) {
    case Outcome::kPassed:
      return "passed";
    case Outcome::kCrashed:
      return "crashed";
    case Outcome::kFailed:
      return "failed";
  }
  return "failed";
}

std::string Joined(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines)
    text += (text.empty() ? "" : "\n") + line;
  return text;
}

std::string XmlEscaped(const std::string& text) {
  std::string escaped;
  for (char c : text) {
    switch (c) {
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '&':
        escaped += "&amp;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

std::string NowUtc() {
  const std::time_t now = std::time(nullptr);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  return text;
}

// Every test of the suites `result` counts, with its outcome.
Json TestsJson(const TestRun& run, const Lesson& lesson,
               const std::optional<Task>& task) {
  Json tests = Json::array();
  for (const TestResult& test : run.tests) {
    const Task* owner = lesson.TaskOfSuite(test.suite);
    const bool counted = task ? owner && owner->number == task->number
                              : lesson.IsCheck(test.suite);
    if (!counted) continue;
    tests.push_back({{"test", test.name},
                     {"result", OutcomeText(test.outcome)},
                     {"message", Joined(test.message)}});
  }
  return tests;
}

std::string Summary(const SuitesResult& result) {
  std::string text = std::to_string(result.passed) + "/" +
                     std::to_string(result.tests) + " tests pass";
  if (!result.ran()) text = "no test ran";
  for (const TestResult& test : result.failing) {
    text += "\n" + std::string(42, ' ') + "✗ " + test.name +
            (test.outcome == Outcome::kCrashed ? " (crashed)" : "");
  }
  return text;
}

struct Totals {
  int points = 0, earned = 0, tasks = 0, tasks_done = 0, lessons = 0,
      lessons_done = 0;
  bool all_passed = true;
};

// One lesson that built: its tests run, its rows printed, its JSON.
Json GradeBuiltLesson(const Workbook& workbook, const Lesson& lesson,
                      const Task* only_task, const fs::path& out,
                      Totals* totals) {
  std::vector<std::string> suites;
  if (only_task != nullptr) suites = only_task->suites;
  const TestRun run = RunTests(workbook, "exercise", lesson.folder, suites);
  const LessonResult result = Summarize(lesson, run);
  Json json = {{"lesson", lesson.folder},
               {"title", lesson.title},
               {"built", true},
               {"problem", run.problem}};
  Json tasks = Json::array();
  int points = 0, earned = 0;
  bool graded_tasks_done = true;
  for (const SuitesResult& task : result.tasks) {
    if (only_task != nullptr && task.task->number != only_task->number)
      continue;
    const int task_earned = task.done() ? task.task->points : 0;
    points += task.task->points;
    earned += task_earned;
    ++totals->tasks;
    totals->tasks_done += task.done() ? 1 : 0;
    totals->all_passed = totals->all_passed && task.done();
    graded_tasks_done = graded_tasks_done && task.done();
    PrintRow(
        lesson.folder, std::to_string(task.task->number),
        std::to_string(task_earned) + "/" + std::to_string(task.task->points),
        Summary(task));
    tasks.push_back({{"task", task.task->number},
                     {"title", task.task->title},
                     {"points", task.task->points},
                     {"earned", task_earned},
                     {"passed", task.passed},
                     {"tests", task.tests},
                     {"done", task.done()},
                     {"results", TestsJson(run, lesson, task.task)}});
  }
  json["points"] = points;
  json["earned"] = earned;
  json["tasks"] = tasks;
  if (only_task == nullptr && result.has_checks) {
    totals->all_passed = totals->all_passed && result.checks.done();
    PrintRow(lesson.folder, "checks", "-", Summary(result.checks));
    json["checks"] = {{"passed", result.checks.passed},
                      {"tests", result.checks.tests},
                      {"done", result.checks.done()},
                      {"results", TestsJson(run, lesson, std::nullopt)}};
  }
  if (!run.problem.empty()) {
    totals->all_passed = false;
    PrintRow(lesson.folder, "-", "", "the tests " + run.problem);
  }
  const bool done =
      only_task ? graded_tasks_done && run.problem.empty() : result.Done();
  json["done"] = done;
  totals->points += points;
  totals->earned += earned;
  totals->lessons_done += done ? 1 : 0;

  // JUnit XML: one testsuite per GoogleTest suite.
  std::ofstream xml(out / (lesson.folder + ".xml"));
  xml << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\""
      << XmlEscaped(lesson.folder) << "\">\n";
  for (const TestResult& test : run.tests) {
    xml << "  <testcase classname=\""
        << XmlEscaped(lesson.folder + "." + test.suite) << "\" name=\""
        << XmlEscaped(test.name.substr(test.name.find('.') + 1)) << "\">";
    if (test.outcome != Outcome::kPassed) {
      xml << "<failure message=\"" << OutcomeText(test.outcome) << "\">"
          << XmlEscaped(Joined(test.message)) << "</failure>";
    }
    xml << "</testcase>\n";
  }
  xml << "</testsuites>\n";
  return json;
}

// A lesson that does not build: nothing of it can run; its errors say why.
Json GradeUnbuiltLesson(const Workbook& workbook, const Lesson& lesson,
                        const Task* only_task, const fs::path& out,
                        Totals* totals) {
  const BuildErrors errors = ReadBuildErrors(
      workbook, workbook.state / ("build-exercise-" + lesson.folder + ".log"),
      3);
  const std::string first =
      errors.lines.empty() ? "see the build log" : errors.lines.front();
  int points = 0;
  Json tasks = Json::array();
  for (const Task& task : lesson.tasks) {
    if (only_task != nullptr && task.number != only_task->number) continue;
    points += task.points;
    ++totals->tasks;
    tasks.push_back({{"task", task.number},
                     {"title", task.title},
                     {"points", task.points},
                     {"earned", 0},
                     {"passed", 0},
                     {"tests", 0},
                     {"done", false},
                     {"results", Json::array()}});
  }
  totals->points += points;
  totals->all_passed = false;
  PrintRow(lesson.folder, "-", "0/" + std::to_string(points),
           "does not build: " + first);
  std::ofstream(out / (lesson.folder + ".xml"))
      << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\""
      << XmlEscaped(lesson.folder) << "\">\n  <testcase classname=\""
      << XmlEscaped(lesson.folder)
      << "\" name=\"build\"><failure message=\"does "
      << "not build\">" << XmlEscaped(Joined(errors.lines))
      << "</failure></testcase>\n</testsuites>\n";
  return {{"lesson", lesson.folder},
          {"title", lesson.title},
          {"built", false},
          {"problem", "does not build"},
          {"build_errors", errors.lines},
          {"points", points},
          {"earned", 0},
          {"tasks", tasks},
          {"done", false}};
}

}  // namespace

int CommandGrade(const Workbook& workbook, const Args& args) {
  const GradeOptions options = ParseGrade(workbook, args);
  const fs::path out = workbook.state / "grade";
  // Reports of an earlier run must not pass for this run's.
  fs::remove_all(out);
  fs::create_directories(out);

  Totals totals;
  Json lessons = Json::array();
  PrintRow("LESSON", "TASK", "POINTS", "RESULT");
  for (const std::string& folder : options.lessons) {
    const Lesson lesson = LoadLesson(workbook, folder);
    const Task* only_task =
        options.task.empty() ? nullptr : &ResolveTask(lesson, options.task);
    ++totals.lessons;
    const bool built =
        std::find(options.not_built.begin(), options.not_built.end(), folder) ==
        options.not_built.end();
    lessons.push_back(
        built ? GradeBuiltLesson(workbook, lesson, only_task, out, &totals)
              : GradeUnbuiltLesson(workbook, lesson, only_task, out, &totals));
  }

  const std::string root = "git -C '" + workbook.root.string() + "' ";
  const std::string commit = CommandOutput(root + "rev-parse HEAD");
  const bool changed =
      !CommandOutput(root + "status --porcelain -- '*/exercise/*'").empty();
  Json grade = {{"time", NowUtc()},
                {"commit", commit.empty() ? Json(nullptr) : Json(commit)},
                {"uncommitted_changes", changed},
                {"total",
                 {{"points", totals.points},
                  {"earned", totals.earned},
                  {"tasks", totals.tasks},
                  {"tasks_done", totals.tasks_done},
                  {"lessons", totals.lessons},
                  {"lessons_done", totals.lessons_done}}},
                {"lessons", lessons}};
  std::ofstream(out / "grade.json") << grade.dump(2) << "\n";
  std::cout << "Total: " << totals.earned << " of " << totals.points
            << " points, " << totals.tasks_done << " of " << totals.tasks
            << " tasks done.\n"
            << "Reports: " << workbook.Shown(out / "grade.json")
            << ", and JUnit XML per lesson in " << workbook.Shown(out) << "/\n";
  return totals.all_passed ? 0 : 1;
}

}  // namespace workbook
