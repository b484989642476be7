// A lesson as its manifest, NN-topic/lesson.json, declares it: the one place
// a task is defined (its number, title, points, the files a student edits
// in order, and the test suites that check it), the lesson checks, and the
// lesson's sources. The tool reads nothing else to know what a lesson holds.
#ifndef WORKBOOK_TOOL_MANIFEST_H_
#define WORKBOOK_TOOL_MANIFEST_H_

#include <stdexcept>
#include <string>
#include <vector>

#include "tool/workbook.h"

namespace workbook {

struct Task {
  int number = 0;
  std::string title;
  int points = 0;
  std::vector<std::string> files;   // in exercise/ (and solution/), in order
  std::vector<std::string> suites;  // the GoogleTest suites that check it
};

struct Lesson {
  std::string folder;  // "01-unary"
  std::string title;
  std::string teaches;
  std::string leaves;
  std::vector<Task> tasks;
  std::vector<std::string> checks;  // suites of no task: smoke test, ...
  // The lesson's own sources, relative to its folder.
  std::vector<std::string> protos, given, tests;
  std::string server, client, benchmark;

  // "01" for "01-unary".
  std::string Number() const;
  // The task numbered `number`, or nullptr.
  const Task* FindTask(int number) const;
  // The task a suite is declared for, or nullptr (a check, or undeclared).
  const Task* TaskOfSuite(const std::string& suite) const;
  bool IsCheck(const std::string& suite) const;
  // The first declared file of `task`, as the student sees it
  // ("01-unary/exercise/server.cc").
  std::string FirstFile(const Task& task) const;
};

// A manifest that cannot be read, or that lacks what every lesson needs.
class ManifestError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Reads `folder`/lesson.json. Throws ManifestError saying what is wrong.
Lesson LoadLesson(const Workbook& workbook, const std::string& folder);

}  // namespace workbook

#endif  // WORKBOOK_TOOL_MANIFEST_H_
