// `classroom-workflow`: the GitHub Classroom autograding workflow that
// `./workbook export DIR --classroom` writes to
// DIR/.github/workflows/classroom.yml: one grader step per task, worth the
// task's points, passing exactly when `./workbook grade NN --task K` does.
#include <iostream>

#include "tool/commands.h"
#include "tool/lessons.h"

namespace workbook {

namespace {

// The step id GitHub Classroom's reporter finds the result by.
std::string StepId(const Lesson& lesson, const Task& task) {
  return "lesson-" + lesson.Number() + "-task-" + std::to_string(task.number);
}

std::string Upper(std::string text) {
  for (char& c : text)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

// YAML double-quoted string.
std::string Quoted(const std::string& text) {
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace

int CommandClassroomWorkflow(const Workbook& workbook, const Args& args) {
  std::vector<Lesson> lessons;
  for (const std::string& folder : ResolveLessons(workbook, args)) {
    lessons.push_back(LoadLesson(workbook, folder));
  }
  std::cout
      << R"(# GitHub Classroom autograding for the gRPC C++ Workbook, written by
# `./workbook export DIR --classroom`: one grader step per task, each worth
# the task's points (from its lesson.json), passing exactly when
# `./workbook grade LESSON --task N` exits 0. The workbook's packages come
# from Debian bookworm, so the job runs in that container.
name: Autograding Tests
"on":
  - push
  - repository_dispatch
permissions:
  checks: write
  actions: read
  contents: read
jobs:
  run-autograding-tests:
    runs-on: ubuntu-latest
    container: debian:bookworm
    if: github.actor != 'github-classroom[bot]'
    steps:
      - name: Install git (for the checkout and the commit in grade.json)
        run: apt-get update -qq && apt-get install -y -qq --no-install-recommends git ca-certificates
      - name: Checkout code
        uses: actions/checkout@v4
      - name: Install the workbook's packages
        run: git config --global --add safe.directory "$GITHUB_WORKSPACE" && ./workbook setup
      - name: Build the exercise files once (every grader step reuses the build)
        run: ./workbook grade > /dev/null || true
)";
  std::string runners;
  std::string env;
  for (const Lesson& lesson : lessons) {
    for (const Task& task : lesson.tasks) {
      const std::string id = StepId(lesson, task);
      const std::string name = "Lesson " + lesson.Number() + ", Task " +
                               std::to_string(task.number) + ": " + task.title;
      std::cout
          << "      - name: " << Quoted(name) << "\n"
          << "        id: " << id << "\n"
          << "        uses: classroom-resources/autograding-command-grader@v1\n"
          << "        with:\n"
          << "          test-name: " << Quoted(name) << "\n"
          << "          setup-command: ''\n"
          << "          command: ./workbook grade " << lesson.Number()
          << " --task " << task.number << "\n"
          << "          timeout: 10\n"
          << "          max-score: " << task.points << "\n";
      runners += (runners.empty() ? "" : ",") + id;
      env += "          " + Upper(id) + "_RESULTS: \"${{steps." + id +
             ".outputs.result}}\"\n";
    }
  }
  std::cout
      << "      - name: Autograding Reporter\n"
      << "        uses: classroom-resources/autograding-grading-reporter@v1\n"
      << "        env:\n"
      << env << "        with:\n"
      << "          runners: " << runners << "\n";
  return 0;
}

}  // namespace workbook
