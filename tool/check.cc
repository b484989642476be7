// `./workbook check` and the watch loop's report: one line per task and one
// for the lesson checks, every failing test by name with the first one's
// message, and what to do next.
#include <iostream>

#include "tool/commands.h"
#include "tool/lessons.h"
#include "tool/results.h"

namespace workbook {

namespace {

// Failing tests named under a task, beyond which "and N more" is said.
constexpr size_t kFailuresNamed = 10;

std::string Plural(int count, const std::string& word) {
  return std::to_string(count) + " " + word + (count == 1 ? "" : "s");
}

std::string Label(const SuitesResult& result) {
  return result.task ? "Task " + std::to_string(result.task->number)
                     : std::string("Checks");
}

std::string Title(const Lesson& lesson, const SuitesResult& result) {
  if (result.task) return result.task->title;
  std::string suites;
  for (const std::string& check : lesson.checks) {
    suites += (suites.empty() ? "" : ", ") + check;
  }
  return "lesson checks (" + suites + ")";
}

void PrintFailingTests(const Colours& c, const SuitesResult& result) {
  for (size_t i = 0; i < result.failing.size() && i < kFailuresNamed; ++i) {
    const TestResult& test = result.failing[i];
    std::cout << "      " << c.red << "✗ " << test.name << c.reset
              << (test.outcome == Outcome::kCrashed ? "  (crashed)" : "")
              << "\n";
    // The first failure's message says what was expected; the names of
    // the others say where else to look.
    if (i == 0) {
      for (const std::string& line : test.message) {
        std::cout << "          " << line << "\n";
      }
    }
  }
  if (result.failing.size() > kFailuresNamed) {
    std::cout << "      … and " << result.failing.size() - kFailuresNamed
              << " more\n";
  }
}

void PrintResult(const Workbook& workbook, const Lesson& lesson,
                 const SuitesResult& result) {
  const Colours& c = workbook.colours;
  const std::string file =
      result.task ? lesson.FirstFile(*result.task) : std::string();
  if (result.done()) {
    std::cout << "  " << c.green << "✓ " << Label(result) << c.reset << "  "
              << Title(lesson, result) << "  " << c.dim
              << Plural(result.tests, "test") << " pass" << c.reset << "\n";
    return;
  }
  if (!result.ran()) {
    std::cout << "  " << c.red << "✗ " << Label(result) << c.reset << "  "
              << Title(lesson, result) << "  no test of it ran\n";
    return;
  }
  std::cout << "  " << c.red << "✗ " << Label(result) << c.reset << "  "
            << Title(lesson, result) << "  " << result.tests - result.passed
            << " of " << Plural(result.tests, "test") << " fail"
            << (file.empty() ? "" : "  " + c.dim + file + c.reset) << "\n";
  PrintFailingTests(c, result);
}

void PrintProblem(const Workbook& workbook, const LessonResult& result) {
  const Colours& c = workbook.colours;
  std::cout << c.red << "The tests did not run: " << result.problem << "."
            << c.reset << "\n";
  for (const std::string& line : result.problem_output) {
    std::cout << "    " << line << "\n";
  }
}

struct CheckOptions {
  std::string lesson;
  std::string task;  // empty: every task
  std::string preset = "exercise";
  bool quiet = false;
};

CheckOptions ParseCheck(const Workbook& workbook, const Args& args) {
  CheckOptions options;
  Args positional;
  for (const std::string& arg : args) {
    if (arg == "--quiet") {
      options.quiet = true;
    } else if (arg.rfind("--preset=", 0) == 0) {
      options.preset = arg.substr(9);
    } else if (arg.rfind("--", 0) == 0) {
      throw UsageError("check has no option '" + arg + "'",
                       Usage(workbook, "check"));
    } else {
      positional.push_back(arg);
    }
  }
  if (positional.empty() || positional.size() > 2) {
    throw UsageError(Usage(workbook, "check"));
  }
  options.lesson = ResolveLesson(workbook, positional[0]);
  if (positional.size() == 2) options.task = positional[1];
  return options;
}

// One task: its line, and 0 exactly when it passes.
int ReportTask(const Workbook& workbook, const Lesson& lesson,
               const LessonResult& result, const Task& task) {
  for (const SuitesResult& task_result : result.tasks) {
    if (task_result.task->number != task.number) continue;
    PrintResult(workbook, lesson, task_result);
    if (task_result.done()) return 0;
    std::cout << "Next: Task " << task.number << " in "
              << lesson.FirstFile(task) << ". Hint: ./workbook hint "
              << lesson.Number() << " " << task.number << "\n";
  }
  return 1;
}

int ReportLesson(const Workbook& workbook, const Lesson& lesson,
                 const LessonResult& result, bool quiet) {
  const Colours& c = workbook.colours;
  if (!result.problem.empty()) PrintProblem(workbook, result);
  const SuitesResult* unfinished = result.FirstUnfinishedTask();
  for (const SuitesResult& task : result.tasks) {
    // Quiet (watch): the finished tasks in one line each, and only the
    // failing task the student is at.
    if (!quiet || task.done() || &task == unfinished) {
      PrintResult(workbook, lesson, task);
    }
  }
  if (result.has_checks && (!quiet || !result.checks.done())) {
    PrintResult(workbook, lesson, result.checks);
  }
  std::cout << c.bold << result.TasksDone() << " of "
            << Plural(static_cast<int>(result.tasks.size()), "task") << " done"
            << c.reset << " in " << lesson.folder;
  if (result.has_checks) {
    std::cout << (result.checks.done() ? "; lesson checks pass"
                                       : "; lesson checks fail");
  }
  std::cout << ".\n";
  if (result.Done()) return 0;
  if (unfinished != nullptr) {
    const Task& task = *unfinished->task;
    std::cout << "Next: Task " << task.number << " in "
              << lesson.FirstFile(task) << ". Hint: ./workbook hint "
              << lesson.Number() << " " << task.number << "\n";
  } else if (result.has_checks && !result.checks.done()) {
    std::cout << "Next: every task passes, but the lesson checks do not: "
                 "they run your code too (read the failing test above).\n";
  }
  return 1;
}

}  // namespace

int CommandCheck(const Workbook& workbook, const Args& args) {
  const CheckOptions options = ParseCheck(workbook, args);
  const Lesson lesson = LoadLesson(workbook, options.lesson);
  std::vector<std::string> suites;
  const Task* task = nullptr;
  if (!options.task.empty()) {
    task = &ResolveTask(lesson, options.task);
    suites = task->suites;
  }
  const TestRun run = RunTests(workbook, options.preset, lesson.folder, suites);
  SaveResults(workbook, options.preset, lesson.folder, run, suites);
  const TestRun saved =
      LoadResults(workbook, options.preset, lesson.folder).value_or(run);
  LessonResult result = Summarize(lesson, saved);
  if (task != nullptr) {
    if (!run.problem.empty()) {
      PrintProblem(workbook, result);
      return 1;
    }
    return ReportTask(workbook, lesson, Summarize(lesson, run), *task);
  }
  return ReportLesson(workbook, lesson, result, options.quiet);
}

}  // namespace workbook
