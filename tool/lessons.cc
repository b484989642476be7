#include "tool/lessons.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>
#include <regex>
#include <set>

namespace workbook {
namespace fs = std::filesystem;

namespace {

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The regular files directly inside `dir`, sorted by name so that every
// run looks at them in the same order.
std::vector<fs::path> FilesIn(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(dir, error)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// NN-topic: two digits, a dash, and a name.
bool IsLessonName(const std::string& name) {
  return name.size() > 3 && std::isdigit(static_cast<unsigned char>(name[0])) &&
         std::isdigit(static_cast<unsigned char>(name[1])) && name[2] == '-';
}

std::string Joined(const std::vector<std::string>& words) {
  std::string text;
  for (const auto& word : words) text += word + " ";
  return text;
}

}  // namespace

std::vector<std::string> AllLessons(const Workbook& workbook) {
  std::vector<std::string> lessons;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(workbook.root, error)) {
    std::string name = entry.path().filename().string();
    // A lesson is a folder the build knows about, not any numbered folder.
    if (entry.is_directory() && IsLessonName(name) &&
        fs::is_regular_file(entry.path() / "CMakeLists.txt")) {
      lessons.push_back(name);
    }
  }
  std::sort(lessons.begin(), lessons.end());
  return lessons;
}

std::string LessonNumber(const std::string& lesson) {
  return lesson.substr(0, lesson.find('-'));
}

std::string ResolveLesson(const Workbook& workbook, const std::string& name) {
  std::string wanted = name;
  if (wanted.size() == 1 &&
      std::isdigit(static_cast<unsigned char>(wanted[0]))) {
    wanted = "0" + wanted;
  }
  const std::vector<std::string> lessons = AllLessons(workbook);
  for (const auto& lesson : lessons) {
    std::string topic = lesson.substr(lesson.find('-') + 1);
    if (wanted == lesson || wanted == LessonNumber(lesson) || wanted == topic) {
      return lesson;
    }
  }
  throw UsageError("no lesson '" + name + "'", "Lessons: " + Joined(lessons));
}

std::vector<std::string> ResolveLessons(const Workbook& workbook,
                                        const std::vector<std::string>& names) {
  if (names.empty()) return AllLessons(workbook);
  std::vector<std::string> lessons;
  for (const auto& name : names)
    lessons.push_back(ResolveLesson(workbook, name));
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

std::vector<int> LessonTasks(const Workbook& workbook,
                             const std::string& lesson) {
  // The test suites are the specification: each task has its own suite,
  // named Task<N>_<what it checks>, so the tasks are read from there.
  static const std::regex kSuiteName(R"(\bTask([0-9]+)_)");
  std::set<int> tasks;
  for (const auto& file : FilesIn(workbook.root / lesson / "tests")) {
    if (file.extension() != ".cc") continue;
    const std::string text = ReadFile(file);
    for (std::sregex_iterator it(text.begin(), text.end(), kSuiteName), end;
         it != end; ++it) {
      tasks.insert(std::stoi((*it)[1]));
    }
  }
  return {tasks.begin(), tasks.end()};
}

std::string TaskFile(const Workbook& workbook, const std::string& lesson,
                     int task) {
  const std::string marker =
      "TODO(" + LessonNumber(lesson) + "." + std::to_string(task) + ")";
  for (const auto& file : FilesIn(workbook.root / lesson / "exercise")) {
    if (ReadFile(file).find(marker) != std::string::npos) {
      return workbook.Shown(file);
    }
  }
  return "";
}

}  // namespace workbook
