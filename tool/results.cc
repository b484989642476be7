#include "tool/results.h"

namespace workbook {

namespace {

void Count(const TestResult& test, SuitesResult* result) {
  ++result->tests;
  if (test.outcome == Outcome::kPassed) {
    ++result->passed;
  } else {
    result->failing.push_back(test);
  }
}

}  // namespace

bool LessonResult::Done() const {
  for (const SuitesResult& task : tasks) {
    if (!task.done()) return false;
  }
  // A lesson without declared checks has nothing more to pass.
  return problem.empty() && (!has_checks || checks.done());
}

const SuitesResult* LessonResult::FirstUnfinishedTask() const {
  for (const SuitesResult& task : tasks) {
    if (!task.done()) return &task;
  }
  return nullptr;
}

int LessonResult::TasksDone() const {
  int done = 0;
  for (const SuitesResult& task : tasks) done += task.done() ? 1 : 0;
  return done;
}

LessonResult Summarize(const Lesson& lesson, const TestRun& run) {
  LessonResult result;
  for (const Task& task : lesson.tasks) {
    SuitesResult task_result;
    task_result.task = task;
    result.tasks.push_back(task_result);
  }
  for (const TestResult& test : run.tests) {
    if (lesson.IsCheck(test.suite)) {
      Count(test, &result.checks);
      continue;
    }
    for (size_t i = 0; i < lesson.tasks.size(); ++i) {
      if (lesson.TaskOfSuite(test.suite) == &lesson.tasks[i]) {
        Count(test, &result.tasks[i]);
      }
    }
  }
  result.has_checks = !lesson.checks.empty();
  result.problem = run.problem;
  result.problem_output = run.problem_output;
  return result;
}

LessonResult StudentResult(const Workbook& workbook, const Lesson& lesson) {
  return Summarize(
      lesson,
      LoadResults(workbook, "exercise", lesson.folder).value_or(TestRun{}));
}

TaskState StateOf(const SuitesResult& result) {
  if (!result.ran()) return TaskState::kNew;
  return result.done() ? TaskState::kDone : TaskState::kFailing;
}

bool LessonDone(const Workbook& workbook, const std::string& lesson) {
  return StudentResult(workbook, LoadLesson(workbook, lesson)).Done();
}

}  // namespace workbook
