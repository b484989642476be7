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

}  // namespace

// Like the other progress commands, status ignores arguments it does not use.
int CommandStatus(const Workbook& workbook, const Args& /*args*/) {
  int done = 0, total = 0;
  std::string current_lesson;
  int current_task = 0;
  for (const std::string& lesson : AllLessons(workbook)) {
    for (int task : LessonTasks(workbook, lesson)) {
      ++total;
      if (StateOf(workbook, lesson, task) == TaskState::kDone) {
        ++done;
      } else if (current_lesson.empty()) {
        current_lesson = lesson;
        current_task = task;
      }
    }
  }

  const Colours& c = workbook.colours;
  const int filled = total > 0 ? done * kBarWidth / total : 0;
  std::cout << c.bold << "gRPC C++ Workbook" << c.reset << "\n";
  std::cout << "[" << Repeated('#', filled) << Repeated('.', kBarWidth - filled)
            << "] " << done << " of " << total << " tasks done\n";
  if (current_lesson.empty()) {
    std::cout << "Every task is done. Well done!\n";
    return 0;
  }
  std::cout << "Current: " << current_lesson << ", Task " << current_task
            << "\n"
            << "Read:    " << current_lesson << "/README.md\n"
            << "Edit:    " << TaskFile(workbook, current_lesson, current_task)
            << "\n"
            << "Then:    ./workbook check " << LessonNumber(current_lesson)
            << "   (or ./workbook watch " << LessonNumber(current_lesson)
            << ")\n"
            << c.dim << "./workbook help lists every command." << c.reset
            << "\n";
  return 0;
}

int CommandList(const Workbook& workbook, const Args& /*args*/) {
  const Colours& c = workbook.colours;
  bool seen_current = false;
  for (const std::string& lesson : AllLessons(workbook)) {
    std::cout << c.bold << lesson << c.reset << "\n";
    for (int task : LessonTasks(workbook, lesson)) {
      const TaskState state = StateOf(workbook, lesson, task);
      std::string mark;
      if (state == TaskState::kDone) {
        mark = c.green + "✓ done   " + c.reset;
      } else if (!seen_current) {
        // The first task not done is where the student is now.
        seen_current = true;
        mark = c.yellow + "→ current" + c.reset;
      } else if (state == TaskState::kFailing) {
        mark = c.red + "✗ failing" + c.reset;
      } else {
        mark = c.dim + "· not started" + c.reset;
      }
      std::cout << "  " << mark << " Task " << task << "  " << c.dim
                << TaskFile(workbook, lesson, task) << c.reset << "\n";
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
