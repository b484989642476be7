#include "tool/lessons.h"

#include <algorithm>
#include <cctype>
#include <iterator>

namespace workbook {
namespace fs = std::filesystem;

namespace {

// NN-topic: two digits, a dash, and a name.
bool IsLessonName(const std::string& name) {
  return name.size() > 3 && std::isdigit(static_cast<unsigned char>(name[0])) &&
         std::isdigit(static_cast<unsigned char>(name[1])) && name[2] == '-';
}

bool IsNumber(const std::string& text) {
  return !text.empty() && text.size() < 9 &&
         std::all_of(text.begin(), text.end(),
                     [](unsigned char c) { return std::isdigit(c); });
}

std::string Joined(const std::vector<std::string>& words) {
  std::string text;
  for (const auto& word : words) text += (text.empty() ? "" : " ") + word;
  return text;
}

}  // namespace

std::vector<std::string> AllLessons(const Workbook& workbook) {
  std::vector<std::string> lessons;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(workbook.root, error)) {
    const std::string name = entry.path().filename().string();
    // A lesson is a numbered folder with a manifest: a folder being
    // written, without one yet, is not a lesson.
    if (entry.is_directory() && IsLessonName(name) &&
        fs::is_regular_file(entry.path() / "lesson.json")) {
      lessons.push_back(name);
    }
  }
  std::sort(lessons.begin(), lessons.end());
  return lessons;
}

std::string ResolveLesson(const Workbook& workbook, const std::string& name) {
  std::string wanted = name;
  if (IsNumber(wanted)) {
    wanted = std::to_string(std::stoi(wanted));
    if (wanted.size() == 1) wanted = "0" + wanted;
  }
  const std::vector<std::string> lessons = AllLessons(workbook);
  for (const auto& lesson : lessons) {
    const std::string number = lesson.substr(0, lesson.find('-'));
    const std::string topic = lesson.substr(lesson.find('-') + 1);
    if (wanted == lesson || wanted == number || wanted == topic) return lesson;
  }
  throw UsageError("no lesson '" + name + "'", "Lessons: " + Joined(lessons));
}

std::vector<std::string> ResolveLessons(const Workbook& workbook,
                                        const std::vector<std::string>& names) {
  if (names.empty()) return AllLessons(workbook);
  std::vector<std::string> lessons;
  for (const auto& name : names) {
    lessons.push_back(ResolveLesson(workbook, name));
  }
  return lessons;
}

std::optional<std::string> NextLesson(const Workbook& workbook,
                                      const std::string& lesson) {
  const std::vector<std::string> lessons = AllLessons(workbook);
  auto found = std::find(lessons.begin(), lessons.end(), lesson);
  if (found == lessons.end() || std::next(found) == lessons.end()) {
    return std::nullopt;
  }
  return *std::next(found);
}

const Task& ResolveTask(const Lesson& lesson, const std::string& name) {
  if (IsNumber(name)) {
    if (const Task* task = lesson.FindTask(std::stoi(name))) return *task;
  }
  throw UsageError(
      lesson.folder + " has no task '" + name + "'",
      "Tasks of " + lesson.folder + ": " + TaskNumbers(lesson) + ".");
}

std::string TaskNumbers(const Lesson& lesson) {
  std::vector<std::string> numbers;
  for (const Task& task : lesson.tasks) {
    numbers.push_back(std::to_string(task.number));
  }
  return Joined(numbers);
}

}  // namespace workbook
