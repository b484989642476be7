// `./workbook help` and every command's --help: one table of the commands,
// so that the help text and the usage lines cannot disagree.
#include <iostream>
#include <utility>

#include "tool/commands.h"

namespace workbook {

namespace {

// Each command with its usage line, in the order help lists them: the
// student's loop first, then teachers' and maintainers' commands.
const std::vector<std::pair<std::string, std::string>>& Usages() {
  static const auto* usages =
      new std::vector<std::pair<std::string, std::string>>{
          {"status",
           "./workbook            your progress, the current task and the next "
           "command"},
          {"run",
           "./workbook run LESSON      build a lesson, start its server on a "
           "free port, run its client, stop the server"},
          {"check",
           "./workbook check LESSON    build your exercise files and run the "
           "lesson's tests, task by task"},
          {"watch",
           "./workbook watch [LESSON]  rebuild and test on every save; keys: h "
           "hint, l list, n next lesson, q quit"},
          {"hint",
           "./workbook hint LESSON [TASK]   the next hint level for a task "
           "(default: your current task)"},
          {"list",
           "./workbook list       every lesson and task: done, current or not "
           "started (from your last results)"},
          {"reset",
           "./workbook reset LESSON [--yes]   put the lesson's exercise files "
           "back to the original stubs"},
          {"solution",
           "./workbook solution LESSON [--teacher]   the reference solution as "
           "a diff against your files, once the lesson passes"},
          {"setup",
           "./workbook setup      install the Debian packages the workbook "
           "needs (apt-get; sudo as non-root)"},
          {"test",
           "./workbook test [CTEST ARGS]   build the reference track and run "
           "every test with CTest"},
          {"grade",
           "./workbook grade [LESSON...]   teachers: per-task table, JSON and "
           "JUnit reports; exit 0 only when all pass"},
          {"export",
           "./workbook export DIR [--no-solutions]   a copy of the workbook "
           "(the files git tracks) for a class, with its own git history"},
          {"verify",
           "./workbook verify [LESSON...]   maintainers: every task fails on "
           "its stub and passes on its solution"},
          {"docs",
           "./workbook docs       build the documentation site with Doxygen"},
          {"bench",
           "./workbook bench LESSON    build (optimised, bench preset) and run "
           "the lesson's benchmark"},
          {"help", "./workbook help       this text"},
      };
  return *usages;
}

}  // namespace

int CommandHelp(const Workbook& workbook, const Args& /*args*/) {
  const Colours& c = workbook.colours;
  std::cout << c.bold << "gRPC C++ Workbook" << c.reset
            << ": learn gRPC in C++, one tested lesson at a time.\n"
            << "LESSON may be 1, 01, 01-unary or unary. Every command takes "
               "--help.\n\n";
  for (const auto& [command, usage] : Usages()) {
    std::cout << "  " << usage << "\n";
  }
  return 0;
}

int CommandUsage(const Workbook& /*workbook*/, const Args& args) {
  const std::string command = args.empty() ? "" : args[0];
  for (const auto& [name, usage] : Usages()) {
    if (name == command) {
      std::cout << "usage: " << usage << "\n";
      return 0;
    }
  }
  throw UsageError("unknown command '" + command + "'");
}

}  // namespace workbook
