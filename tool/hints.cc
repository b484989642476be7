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

// The task a "## Task 2: the client calls SayHello" heading is about: "2".
std::string HeadingTask(const std::string& heading) {
  std::istringstream words(heading);
  std::string hashes, task_word, number;
  words >> hashes >> task_word >> number;
  return number.substr(0, number.find(':'));
}

bool HeadingIsTask(const std::string& heading, int task) {
  const std::string number = HeadingTask(heading);
  return !number.empty() &&
         std::all_of(number.begin(), number.end(),
                     [](unsigned char c) { return std::isdigit(c); }) &&
         number.size() < 9 && std::stoi(number) == task;
}

// Raises the hint level remembered for a task by one, up to `levels`, and
// returns it with the level shown before (0 for none).
std::pair<int, int> NextLevel(const fs::path& counter, int levels) {
  int before = 0;
  std::ifstream(counter) >> before;
  const int level = std::min(before + 1, levels);
  fs::create_directories(counter.parent_path());
  std::ofstream(counter) << level << "\n";
  return {before, level};
}

}  // namespace

TaskHints ReadHints(const Workbook& workbook, const std::string& lesson,
                    int task) {
  TaskHints hints;
  std::ifstream in(workbook.root / lesson / "hints.md");
  std::string line;
  bool in_task = false;
  while (std::getline(in, line)) {
    if (StartsWith(line, "## Task ")) {
      in_task = HeadingIsTask(line, task);
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

std::vector<std::string> HintSections(const Workbook& workbook,
                                      const std::string& lesson) {
  std::vector<std::string> sections;
  std::ifstream in(workbook.root / lesson / "hints.md");
  std::string line;
  while (std::getline(in, line)) {
    if (StartsWith(line, "## Task ")) sections.push_back(HeadingTask(line));
  }
  return sections;
}

int CommandHint(const Workbook& workbook,
                const std::vector<std::string>& args) {
  if (args.empty() || args.size() > 2) {
    throw UsageError(Usage(workbook, "hint"));
  }
  const Lesson lesson = LoadLesson(workbook, ResolveLesson(workbook, args[0]));
  const Colours& c = workbook.colours;
  const Task* task = nullptr;
  if (args.size() == 2) {
    task = &ResolveTask(lesson, args[1]);
  } else {
    const LessonResult result = StudentResult(workbook, lesson);
    const SuitesResult* unfinished = result.FirstUnfinishedTask();
    if (unfinished == nullptr) {
      // A finished lesson needs no hint: do not spend a level on it.
      std::cout << "Every task of " << lesson.folder
                << " passes: no hint needed. (A task's hints: ./workbook hint "
                << lesson.Number() << " TASK)\n";
      return 0;
    }
    task = lesson.FindTask(unfinished->task->number);
  }
  const TaskHints hints = ReadHints(workbook, lesson.folder, task->number);
  const int levels = static_cast<int>(hints.levels.size());
  if (levels == 0) {
    std::cout << lesson.folder << " has no hints for Task " << task->number
              << ".\n";
    return 1;
  }

  const auto [before, level] =
      NextLevel(workbook.state / "hints" /
                    (lesson.folder + "-" + std::to_string(task->number)),
                levels);
  std::cout << c.bold << lesson.folder << ", Task " << task->number
            << " — hint " << level << " of " << levels << c.reset << "\n";
  // The blank lines under a "### Hint" heading are layout, not hint.
  const std::vector<std::string>& text = hints.levels[level - 1];
  auto first =
      std::find_if(text.begin(), text.end(),
                   [](const std::string& line) { return !line.empty(); });
  for (auto it = first; it != text.end(); ++it) std::cout << *it << "\n";
  if (level < levels) {
    std::cout << c.dim << "(ask again for the next hint)" << c.reset << "\n";
  } else if (before == levels) {
    std::cout << c.dim << "(you have seen every hint for Task " << task->number
              << ": this was the last one again)" << c.reset << "\n";
  } else {
    std::cout << c.dim << "(this is the last hint for Task " << task->number
              << ")" << c.reset << "\n";
  }
  return 0;
}

}  // namespace workbook
