#include "tool/manifest.h"

#include <fstream>
#include <nlohmann/json.hpp>

namespace workbook {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string Where(const std::string& folder) { return folder + "/lesson.json"; }

std::string StringField(const json& object, const char* key,
                        const std::string& where, bool required) {
  if (!object.contains(key)) {
    if (required) throw ManifestError(where + ": \"" + key + "\" is missing");
    return "";
  }
  if (!object[key].is_string()) {
    throw ManifestError(where + ": \"" + key + "\" must be a string");
  }
  return object[key].get<std::string>();
}

std::vector<std::string> ListField(const json& object, const char* key,
                                   const std::string& where) {
  std::vector<std::string> items;
  if (!object.contains(key)) return items;
  if (!object[key].is_array()) {
    throw ManifestError(where + ": \"" + key + "\" must be a list of names");
  }
  for (const json& item : object[key]) {
    if (!item.is_string()) {
      throw ManifestError(where + ": \"" + key + "\" must hold only names");
    }
    items.push_back(item.get<std::string>());
  }
  return items;
}

int NumberField(const json& object, const char* key, const std::string& where,
                bool required) {
  if (!object.contains(key)) {
    if (required) throw ManifestError(where + ": \"" + key + "\" is missing");
    return 0;
  }
  if (!object[key].is_number_integer()) {
    throw ManifestError(where + ": \"" + key + "\" must be a whole number");
  }
  return object[key].get<int>();
}

Task ReadTask(const json& entry, const std::string& where) {
  if (!entry.is_object()) {
    throw ManifestError(where + ": each entry of \"tasks\" must be an object");
  }
  Task task;
  task.number = NumberField(entry, "task", where, /*required=*/true);
  const std::string task_where =
      where + ", task " + std::to_string(task.number);
  task.title = StringField(entry, "title", task_where, /*required=*/true);
  task.points = NumberField(entry, "points", task_where, /*required=*/false);
  task.files = ListField(entry, "files", task_where);
  task.suites = ListField(entry, "suites", task_where);
  if (task.files.empty()) throw ManifestError(task_where + ": no \"files\"");
  if (task.suites.empty()) throw ManifestError(task_where + ": no \"suites\"");
  return task;
}

}  // namespace

std::string Lesson::Number() const {
  return folder.substr(0, folder.find('-'));
}

const Task* Lesson::FindTask(int number) const {
  for (const Task& task : tasks) {
    if (task.number == number) return &task;
  }
  return nullptr;
}

const Task* Lesson::TaskOfSuite(const std::string& suite) const {
  for (const Task& task : tasks) {
    for (const std::string& declared : task.suites) {
      if (declared == suite) return &task;
    }
  }
  return nullptr;
}

bool Lesson::IsCheck(const std::string& suite) const {
  for (const std::string& check : checks) {
    if (check == suite) return true;
  }
  return false;
}

std::string Lesson::FirstFile(const Task& task) const {
  return folder + "/exercise/" + task.files.front();
}

Lesson LoadLesson(const Workbook& workbook, const std::string& folder) {
  const std::string where = Where(folder);
  std::ifstream in(workbook.root / folder / "lesson.json");
  if (!in) throw ManifestError(where + " is missing");
  const json manifest = json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (manifest.is_discarded() || !manifest.is_object()) {
    throw ManifestError(where + " is not valid JSON (an object of fields)");
  }
  Lesson lesson;
  lesson.folder = folder;
  lesson.title = StringField(manifest, "title", where, /*required=*/true);
  lesson.teaches = StringField(manifest, "teaches", where, false);
  lesson.leaves = StringField(manifest, "leaves", where, false);
  lesson.server = StringField(manifest, "server", where, false);
  lesson.client = StringField(manifest, "client", where, false);
  lesson.benchmark = StringField(manifest, "benchmark", where, false);
  lesson.protos = ListField(manifest, "protos", where);
  lesson.given = ListField(manifest, "given", where);
  lesson.tests = ListField(manifest, "tests", where);
  lesson.checks = ListField(manifest, "checks", where);
  if (!manifest.contains("tasks") || !manifest["tasks"].is_array() ||
      manifest["tasks"].empty()) {
    throw ManifestError(where + ": \"tasks\" must list at least one task");
  }
  for (const json& entry : manifest["tasks"]) {
    Task task = ReadTask(entry, where);
    if (lesson.FindTask(task.number) != nullptr) {
      throw ManifestError(where + ": task " + std::to_string(task.number) +
                          " is declared twice");
    }
    lesson.tasks.push_back(std::move(task));
  }
  return lesson;
}

}  // namespace workbook
