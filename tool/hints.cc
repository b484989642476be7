#include "tool/hints.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iostream>
#include <sstream>

#include "tool/lessons.h"
#include "tool/results.h"

namespace workbook {
namespace fs = std::filesystem;

namespace {

bool StartsWith(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

bool IsNumber(const std::string& text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(),
                     [](unsigned char c) { return std::isdigit(c); });
}

// "2" and "02" name the same task; anything else must match as typed.
bool SameTask(const std::string& a, const std::string& b) {
  if (IsNumber(a) && IsNumber(b)) return std::stoll(a) == std::stoll(b);
  return a == b;
}

// The task a "## Task 2: the client calls SayHello" heading is about: "2".
std::string HeadingTask(const std::string& heading) {
  std::istringstream words(heading);
  std::string hashes, task_word, number;
  words >> hashes >> task_word >> number;
  return number.substr(0, number.find(':'));
}

// The task a student is at: the first that has not passed yet, or the last
// one when every task passed.
std::string CurrentTask(const Workbook& workbook, const std::string& lesson) {
  std::string task;
  for (int number : LessonTasks(workbook, lesson)) {
    task = std::to_string(number);
    if (StateOf(workbook, lesson, number) != TaskState::kDone) break;
  }
  return task;
}

// Raises the hint level remembered for a task by one, up to `levels`, and
// returns it: each request shows a little more than the one before.
int NextLevel(const fs::path& counter, int levels) {
  int level = 0;
  std::ifstream(counter) >> level;
  level = std::min(level + 1, levels);
  fs::create_directories(counter.parent_path());
  std::ofstream(counter) << level << "\n";
  return level;
}

std::string TaskList(const Workbook& workbook, const std::string& lesson) {
  std::string list;
  for (int task : LessonTasks(workbook, lesson)) {
    list += std::to_string(task) + " ";
  }
  return list;
}

}  // namespace

TaskHints ReadHints(const Workbook& workbook, const std::string& lesson,
                    const std::string& task) {
  TaskHints hints;
  std::ifstream in(workbook.root / lesson / "hints.md");
  std::string line;
  bool in_task = false;
  while (std::getline(in, line)) {
    if (StartsWith(line, "## Task ")) {
      in_task = SameTask(HeadingTask(line), task);
    } else if (StartsWith(line, "## ")) {
      in_task = false;
    } else if (in_task && StartsWith(line, "### Hint ")) {
      hints.levels.emplace_back();
    } else if (in_task && !hints.levels.empty()) {
      hints.levels.back().push_back(line);
    }
  }
  return hints;
}

int CommandHint(const Workbook& workbook,
                const std::vector<std::string>& args) {
  if (args.empty() || args.size() > 2) {
    throw UsageError("usage: ./workbook hint LESSON [TASK]");
  }
  const std::string lesson = ResolveLesson(workbook, args[0]);
  const std::string task =
      args.size() == 2 ? args[1] : CurrentTask(workbook, lesson);
  const TaskHints hints = ReadHints(workbook, lesson, task);
  const int levels = static_cast<int>(hints.levels.size());
  if (levels == 0) {
    throw UsageError(
        "lesson " + lesson + " has no hints for task '" + task + "'",
        "Tasks: " + TaskList(workbook, lesson));
  }

  const int level =
      NextLevel(workbook.state / "hints" / (lesson + "-" + task), levels);
  const Colours& c = workbook.colours;
  std::cout << c.bold << lesson << ", Task " << task << " — hint " << level
            << " of " << levels << c.reset << "\n";
  // The blank lines under a "### Hint" heading are layout, not hint.
  const std::vector<std::string>& text = hints.levels[level - 1];
  auto first =
      std::find_if(text.begin(), text.end(),
                   [](const std::string& line) { return !line.empty(); });
  for (auto it = first; it != text.end(); ++it) std::cout << *it << "\n";
  if (level < levels) {
    std::cout << c.dim << "(ask again for the next hint)" << c.reset << "\n";
  }
  return 0;
}

}  // namespace workbook
