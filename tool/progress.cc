// A student's progress, from the results of their last checks: the status
// screen, the task list, and the lesson questions the watch loop asks.
#include <algorithm>
#include <iostream>

#include "tool/commands.h"
#include "tool/lessons.h"
#include "tool/results.h"

namespace workbook {

namespace {

constexpr int kBarWidth = 30;

std::string Repeated(char c, int times) {
  return std::string(static_cast<size_t>(std::max(times, 0)), c);
}

// Where a student is: the first lesson not done, and in it the first task
// not done (none: the lesson's checks are what fails).
struct Position {
  std::string lesson;
  std::optional<Task> task;
};

std::string CheckNames(const Lesson& lesson) {
  std::string names;
  for (const std::string& check : lesson.checks) {
    names += (names.empty() ? "" : ", ") + check;
  }
  return names;
}

}  // namespace

// Like the other progress commands, status ignores arguments it does not use.
int CommandStatus(const Workbook& workbook, const Args& /*args*/) {
  int done = 0, total = 0;
  std::optional<Position> current;
  std::optional<Lesson> current_lesson;
  for (const std::string& folder : AllLessons(workbook)) {
    const Lesson lesson = LoadLesson(workbook, folder);
    const LessonResult result = StudentResult(workbook, lesson);
    total += static_cast<int>(lesson.tasks.size());
    done += result.TasksDone();
    if (!current && !result.Done()) {
      const SuitesResult* task = result.FirstUnfinishedTask();
      current = Position{folder, task ? task->task : std::nullopt};
      current_lesson = lesson;
    }
  }

  const Colours& c = workbook.colours;
  const int filled = total > 0 ? done * kBarWidth / total : 0;
  std::cout << c.bold << "gRPC C++ Workbook" << c.reset << "\n";
  std::cout << "[" << Repeated('#', filled) << Repeated('.', kBarWidth - filled)
            << "] " << done << " of " << total << " tasks done\n";
  if (!current) {
    std::cout << "Every task and lesson check passes. Well done!\n";
    return 0;
  }
  const Lesson& lesson = *current_lesson;
  std::cout << "Lesson:  " << lesson.folder << ": " << lesson.title << "\n";
  if (!lesson.teaches.empty()) {
    std::cout << "Teaches: " << lesson.teaches << "\n";
  }
  if (current->task) {
    std::cout << "Current: " << lesson.folder << ", Task "
              << current->task->number << ": " << current->task->title << "\n"
              << "Read:    " << lesson.folder << "/README.md\n"
              << "Edit:    " << lesson.FirstFile(*current->task) << "\n";
  } else {
    std::cout << "Current: " << lesson.folder << ": every task passes, the "
              << "lesson checks (" << CheckNames(lesson) << ") do not yet\n";
  }
  std::cout << "Then:    ./workbook check " << lesson.Number()
            << "   (or ./workbook watch " << lesson.Number() << ")\n"
            << c.dim << "./workbook help lists every command." << c.reset
            << "\n";
  return 0;
}

int CommandList(const Workbook& workbook, const Args& /*args*/) {
  const Colours& c = workbook.colours;
  bool seen_current = false;
  auto mark_of = [&](const SuitesResult& result) {
    const TaskState state = StateOf(result);
    if (state == TaskState::kDone) return c.green + "✓ done   " + c.reset;
    if (!seen_current) {
      // The first thing not done is where the student is now.
      seen_current = true;
      return c.yellow + "→ current" + c.reset;
    }
    if (state == TaskState::kFailing) return c.red + "✗ failing" + c.reset;
    return c.dim + "· not started" + c.reset;
  };
  for (const std::string& folder : AllLessons(workbook)) {
    const Lesson lesson = LoadLesson(workbook, folder);
    const LessonResult result = StudentResult(workbook, lesson);
    std::cout << c.bold << folder << c.reset << "  " << lesson.title << "\n";
    for (const SuitesResult& task : result.tasks) {
      std::cout << "  " << mark_of(task) << " Task " << task.task->number
                << "  " << task.task->title << "  " << c.dim
                << lesson.FirstFile(*task.task) << c.reset << "\n";
    }
    if (result.has_checks) {
      std::cout << "  " << mark_of(result.checks) << " Checks  "
                << CheckNames(lesson) << "\n";
    }
    if (!result.problem.empty()) {
      std::cout << "  " << c.red << "(last check: " << result.problem << ")"
                << c.reset << "\n";
    }
  }
  return 0;
}

int CommandResolve(const Workbook& workbook, const Args& args) {
  for (const std::string& lesson : ResolveLessons(workbook, args)) {
    std::cout << lesson << "\n";
  }
  return 0;
}

int CommandDone(const Workbook& workbook, const Args& args) {
  if (args.size() != 1) throw UsageError("usage: workbook_tool done LESSON");
  return LessonDone(workbook, ResolveLesson(workbook, args[0])) ? 0 : 1;
}

int CommandNextLesson(const Workbook& workbook, const Args& args) {
  if (args.size() != 1) {
    throw UsageError("usage: workbook_tool next-lesson LESSON");
  }
  std::optional<std::string> next =
      NextLesson(workbook, ResolveLesson(workbook, args[0]));
  if (next) std::cout << *next << "\n";
  return 0;
}

int CommandCurrentLesson(const Workbook& workbook, const Args& /*args*/) {
  const std::vector<std::string> lessons = AllLessons(workbook);
  for (const std::string& lesson : lessons) {
    if (!LessonDone(workbook, lesson)) {
      std::cout << lesson << "\n";
      return 0;
    }
  }
  if (!lessons.empty()) std::cout << lessons.back() << "\n";
  return 0;
}

}  // namespace workbook
