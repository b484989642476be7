// `./workbook verify`, the maintainer's proof that every exercise works as
// an exercise, and that the manifest matches the sources both ways:
//  - declared -> present: every file and suite lesson.json names exists;
//  - present -> declared: every TaskN_ suite of the test program, every
//    TODO(NN.k) in exercise/, every "## Task N" of hints.md and every row of
//    the README's "## Your tasks" table belongs to a declared task, and
//    every exercise file to a task; nothing unexpected;
//  - each task's tests fail on the stub and pass on the solution, and the
//    lesson checks pass on the solution.
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <regex>

#include "tool/commands.h"
#include "tool/hints.h"
#include "tool/lessons.h"
#include "tool/results.h"

namespace workbook {
namespace fs = std::filesystem;

namespace {

constexpr size_t kMinimumHintLevels = 2;

// What is wrong, for the lesson as a whole and per task number.
struct Findings {
  std::vector<std::string> lesson;
  std::map<int, std::vector<std::string>> tasks;

  void AddTask(int task, const std::string& problem) {
    tasks[task].push_back(problem);
  }
};

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

bool Contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

std::vector<std::string> FilesIn(const fs::path& dir) {
  std::vector<std::string> files;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(dir, error)) {
    if (entry.is_regular_file()) files.push_back(entry.path().filename());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Declared -> present, for files.
void CheckDeclaredFiles(const Workbook& workbook, const Lesson& lesson,
                        Findings* findings) {
  const fs::path dir = workbook.root / lesson.folder;
  std::vector<std::string> sources = lesson.protos;
  sources.insert(sources.end(), lesson.given.begin(), lesson.given.end());
  sources.insert(sources.end(), lesson.tests.begin(), lesson.tests.end());
  for (const std::string& program :
       {lesson.server, lesson.client, lesson.benchmark}) {
    if (!program.empty()) sources.push_back(program);
  }
  for (const std::string& source : sources) {
    if (!fs::is_regular_file(dir / source)) {
      findings->lesson.push_back(source + " is declared but missing");
    }
  }
  for (const std::string required : {"README.md", "hints.md"}) {
    if (!fs::is_regular_file(dir / required)) {
      findings->lesson.push_back(required +
                                 " is missing (every lesson has one)");
    }
  }
  // Each lesson states its scope: what it teaches, what it leaves to others.
  if (lesson.teaches.empty()) {
    findings->lesson.push_back("lesson.json has no \"teaches\"");
  }
  if (lesson.leaves.empty()) {
    findings->lesson.push_back("lesson.json has no \"leaves\"");
  }
  const bool has_solutions = fs::is_directory(dir / "solution");
  for (const Task& task : lesson.tasks) {
    for (const std::string& file : task.files) {
      for (const std::string track : {"exercise", "solution"}) {
        if (track == "solution" && !has_solutions) continue;
        if (!fs::is_regular_file(dir / track / file)) {
          findings->AddTask(task.number,
                            track + "/" + file + " is declared but missing");
        }
      }
    }
  }
  // Present -> declared: a student edits only what a task names.
  for (const std::string& file : FilesIn(dir / "exercise")) {
    bool declared = false;
    for (const Task& task : lesson.tasks)
      declared = declared || Contains(task.files, file);
    if (!declared) {
      findings->lesson.push_back("exercise/" + file +
                                 " belongs to no task in lesson.json");
    }
  }
}

// Both ways, for the suites of the built test program.
void CheckSuites(const Lesson& lesson, const std::vector<std::string>& listed,
                 Findings* findings) {
  static const std::regex kTaskSuite(R"(^Task([0-9]+)_)");
  for (const Task& task : lesson.tasks) {
    for (const std::string& suite : task.suites) {
      if (!Contains(listed, suite)) {
        findings->AddTask(
            task.number,
            "suite " + suite + " is declared but the test program has none");
      }
      std::smatch number;
      if (std::regex_search(suite, number, kTaskSuite) &&
          std::stoi(number[1]) != task.number) {
        findings->AddTask(
            task.number,
            "suite " + suite + " is named for task " + number[1].str());
      }
    }
  }
  for (const std::string& check : lesson.checks) {
    if (!Contains(listed, check)) {
      findings->lesson.push_back(
          "check " + check +
          " is declared but the test program has no such suite");
    }
  }
  for (const std::string& suite : listed) {
    if (lesson.TaskOfSuite(suite) != nullptr || lesson.IsCheck(suite)) continue;
    std::smatch number;
    if (std::regex_search(suite, number, kTaskSuite)) {
      const int task = std::stoi(number[1]);
      if (lesson.FindTask(task) != nullptr) {
        findings->AddTask(task,
                          "suite " + suite + " is not declared in its suites");
      } else {
        findings->lesson.push_back("suite " + suite + " is for task " +
                                   number[1].str() +
                                   ", which lesson.json does not declare");
      }
    } else {
      findings->lesson.push_back(
          "suite " + suite + " is neither a task's suite nor a lesson check");
    }
  }
}

// Both ways, for the TODO(NN.k) markers of the stubs.
void CheckTodos(const Workbook& workbook, const Lesson& lesson,
                Findings* findings) {
  static const std::regex kTodo(R"(TODO\(([0-9]+)\.([0-9]+)\))");
  const fs::path exercise = workbook.root / lesson.folder / "exercise";
  std::map<int, std::vector<std::string>> files_marked;  // task -> files
  for (const std::string& file : FilesIn(exercise)) {
    const std::string text = ReadFile(exercise / file);
    for (std::sregex_iterator it(text.begin(), text.end(), kTodo), end;
         it != end; ++it) {
      const std::string marker = (*it)[0];
      const int task = std::stoi((*it)[2]);
      if ((*it)[1] != lesson.Number()) {
        findings->lesson.push_back("exercise/" + file + ": " + marker +
                                   " names another lesson than " +
                                   lesson.Number());
      } else if (lesson.FindTask(task) == nullptr) {
        findings->lesson.push_back("exercise/" + file + ": " + marker +
                                   " is for task " + std::to_string(task) +
                                   ", which lesson.json does not declare");
      } else if (!Contains(lesson.FindTask(task)->files, file)) {
        findings->AddTask(task,
                          marker + " is in exercise/" + file +
                              ", which the task does not list in its files");
      } else if (!Contains(files_marked[task], file)) {
        files_marked[task].push_back(file);
      }
    }
  }
  for (const Task& task : lesson.tasks) {
    for (const std::string& file : task.files) {
      if (fs::is_regular_file(exercise / file) &&
          !Contains(files_marked[task.number], file)) {
        findings->AddTask(task.number, "exercise/" + file + " has no TODO(" +
                                           lesson.Number() + "." +
                                           std::to_string(task.number) + ")");
      }
    }
  }
}

// Both ways, for the hint sections.
void CheckHints(const Workbook& workbook, const Lesson& lesson,
                Findings* findings) {
  for (const std::string& section : HintSections(workbook, lesson.folder)) {
    const bool numbered =
        !section.empty() && section.size() < 9 &&
        std::all_of(section.begin(), section.end(), ::isdigit);
    if (!numbered || lesson.FindTask(std::stoi(section)) == nullptr) {
      findings->lesson.push_back("hints.md has a \"## Task " + section +
                                 "\" section, and lesson.json no such task");
    }
  }
  for (const Task& task : lesson.tasks) {
    if (ReadHints(workbook, lesson.folder, task.number).levels.size() <
        kMinimumHintLevels) {
      findings->AddTask(task.number, "fewer than two hint levels in hints.md");
    }
  }
}

// Both ways, for the README's task table: under "## Your tasks", the rows
// that start "| N |", one per task; suites it names belong to that task.
void CheckReadme(const Workbook& workbook, const Lesson& lesson,
                 Findings* findings) {
  static const std::regex kRow(R"(^\|\s*([0-9]+)\s*\|)");
  static const std::regex kSuite(R"(`(Task[0-9]+_[A-Za-z0-9_]+)`)");
  std::ifstream in(workbook.root / lesson.folder / "README.md");
  if (!in) return;  // Reported with the declared files.
  std::string line;
  bool in_section = false, has_section = false;
  std::vector<int> rows;
  while (std::getline(in, line)) {
    if (line.rfind("## ", 0) == 0) {
      in_section = line == "## Your tasks";
      has_section = has_section || in_section;
      continue;
    }
    std::smatch row;
    if (!in_section || !std::regex_search(line, row, kRow)) continue;
    const int number = std::stoi(row[1]);
    rows.push_back(number);
    const Task* task = lesson.FindTask(number);
    if (task == nullptr) {
      findings->lesson.push_back("README.md has a row for task " +
                                 row[1].str() +
                                 ", which lesson.json does not declare");
      continue;
    }
    for (std::sregex_iterator it(line.begin(), line.end(), kSuite), end;
         it != end; ++it) {
      if (!Contains(task->suites, (*it)[1])) {
        findings->AddTask(number, "README.md's row names suite " +
                                      (*it)[1].str() +
                                      ", which the task does not declare");
      }
    }
  }
  if (!has_section) {
    findings->lesson.push_back("README.md has no \"## Your tasks\" section");
    return;
  }
  for (const Task& task : lesson.tasks) {
    if (std::find(rows.begin(), rows.end(), task.number) == rows.end()) {
      findings->AddTask(task.number,
                        "no row \"| " + std::to_string(task.number) +
                            " |\" in README.md's \"## Your tasks\" table");
    }
  }
}

// The proof: the stub fails the task's tests, the solution passes them.
void CheckTracks(const Workbook& workbook, const Lesson& lesson,
                 Findings* findings) {
  for (const Task& task : lesson.tasks) {
    const LessonResult stub = Summarize(
        lesson, RunTests(workbook, "exercise", lesson.folder, task.suites));
    const SuitesResult& on_stub = stub.tasks[&task - &lesson.tasks[0]];
    // A stub "fails" trivially when its tests did not run at all: that
    // proves nothing.
    if (!on_stub.ran()) {
      findings->AddTask(
          task.number,
          "no test ran on the stub" +
              (stub.problem.empty() ? "" : " (" + stub.problem + ")"));
    } else if (on_stub.done()) {
      findings->AddTask(task.number, "its tests pass on the stub");
    }
    const LessonResult solution = Summarize(
        lesson, RunTests(workbook, "solution", lesson.folder, task.suites));
    const SuitesResult& on_solution = solution.tasks[&task - &lesson.tasks[0]];
    if (!on_solution.done()) {
      std::string failing;
      for (const TestResult& test : on_solution.failing)
        failing += " " + test.name;
      findings->AddTask(task.number,
                        on_solution.ran()
                            ? "its tests fail on the solution:" + failing
                            : "no test ran on the solution");
    }
  }
  if (!lesson.checks.empty()) {
    const LessonResult solution = Summarize(
        lesson, RunTests(workbook, "solution", lesson.folder, lesson.checks));
    if (!solution.checks.done()) {
      std::string failing;
      for (const TestResult& test : solution.checks.failing)
        failing += " " + test.name;
      findings->lesson.push_back("the lesson checks fail on the solution:" +
                                 failing);
    }
  }
}

std::string Joined(const std::vector<std::string>& parts) {
  std::string text;
  for (const std::string& part : parts)
    text += (text.empty() ? "" : "; ") + part;
  return text;
}

Findings VerifyLesson(const Workbook& workbook, const Lesson& lesson) {
  Findings findings;
  CheckDeclaredFiles(workbook, lesson, &findings);
  CheckTodos(workbook, lesson, &findings);
  CheckHints(workbook, lesson, &findings);
  CheckReadme(workbook, lesson, &findings);
  const std::optional<std::vector<std::string>> listed =
      ListSuites(workbook, "solution", lesson.folder);
  if (!listed) {
    // Without the test program nothing about the tracks is proven.
    for (const Task& task : lesson.tasks) {
      findings.AddTask(task.number,
                       "not proven: the solution's test program does not run "
                       "(is it built?)");
    }
    return findings;
  }
  CheckSuites(lesson, *listed, &findings);
  CheckTracks(workbook, lesson, &findings);
  return findings;
}

}  // namespace

int CommandVerify(const Workbook& workbook, const Args& args) {
  const Colours& c = workbook.colours;
  int passed = 0, failed = 0;
  for (const std::string& folder : ResolveLessons(workbook, args)) {
    std::optional<Lesson> lesson;
    try {
      lesson = LoadLesson(workbook, folder);
    } catch (const ManifestError& error) {
      ++failed;
      std::cout << "  " << c.red << "FAIL" << c.reset << " " << error.what()
                << std::endl;
      continue;
    }
    const Findings findings = VerifyLesson(workbook, *lesson);
    for (const Task& task : lesson->tasks) {
      auto problems = findings.tasks.find(task.number);
      if (problems == findings.tasks.end()) {
        ++passed;
        std::cout << "  " << c.green << "ok" << c.reset << "   " << folder
                  << " task " << task.number << std::endl;
      } else {
        ++failed;
        std::cout << "  " << c.red << "FAIL" << c.reset << " " << folder
                  << " task " << task.number << ": " << Joined(problems->second)
                  << std::endl;
      }
    }
    // What belongs to no task counts once for the lesson.
    if (!findings.lesson.empty()) {
      ++failed;
      std::cout << "  " << c.red << "FAIL" << c.reset << " " << folder << ": "
                << Joined(findings.lesson) << std::endl;
    }
  }
  std::cout << "verify: " << passed << " passed, " << failed << " failed\n";
  return failed == 0 ? 0 : 1;
}

}  // namespace workbook
