// workbook_tool: the logic behind `./workbook`. The script installs
// packages, builds, and runs processes; this program knows the lessons,
// reads the test results and the hints, and prints what a student sees.
//
//   workbook_tool --root=DIR --state=DIR --build-root=DIR --color=yes|no
//                   COMMAND [ARGS...]
#include <algorithm>
#include <functional>
#include <iostream>
#include <map>

#include "tool/build_errors.h"
#include "tool/commands.h"
#include "tool/hints.h"
#include "tool/manifest.h"

namespace workbook {
namespace {

using Command = std::function<int(const Workbook&, const Args&)>;

const std::map<std::string, Command>& Commands() {
  static const auto* commands = new std::map<std::string, Command>{
      {"status", CommandStatus},
      {"list", CommandList},
      {"hint", CommandHint},
      {"check", CommandCheck},
      {"grade", CommandGrade},
      {"verify", CommandVerify},
      {"build-errors", CommandBuildErrors},
      {"classroom-workflow", CommandClassroomWorkflow},
      {"resolve", CommandResolve},
      {"done", CommandDone},
      {"next-lesson", CommandNextLesson},
      {"current-lesson", CommandCurrentLesson},
  };
  return *commands;
}

// Reads "--name=value" into `value` when `arg` is that option.
bool ReadOption(const std::string& arg, const std::string& name,
                std::string* value) {
  const std::string prefix = "--" + name + "=";
  if (arg.compare(0, prefix.size(), prefix) != 0) return false;
  *value = arg.substr(prefix.size());
  return true;
}

struct Invocation {
  Workbook workbook;
  std::string command;
  Args args;
};

Invocation Parse(int argc, char** argv) {
  std::string root = ".", state = ".workbook", build_root = "build",
              color = "no";
  int next = 1;
  for (; next < argc; ++next) {
    const std::string arg = argv[next];
    if (!ReadOption(arg, "root", &root) && !ReadOption(arg, "state", &state) &&
        !ReadOption(arg, "build-root", &build_root) &&
        !ReadOption(arg, "color", &color)) {
      break;
    }
  }
  // The script decides on colour once, from its own standard output, and
  // passes it down: it captures some of this program's output with $(...),
  // where looking for a terminal here would give a different answer.
  Invocation invocation{{root, state, build_root,
                         color == "yes" ? Colours::On() : Colours::Off()},
                        next < argc ? argv[next] : "",
                        Args(argv + std::min(next + 1, argc), argv + argc)};
  return invocation;
}

int Run(const Invocation& invocation) {
  auto command = Commands().find(invocation.command);
  if (command == Commands().end()) {
    throw UsageError("unknown command '" + invocation.command + "'",
                     "usage: workbook_tool --root=DIR --state=DIR "
                     "--build-root=DIR --color=yes|no COMMAND [ARGS...]");
  }
  return command->second(invocation.workbook, invocation.args);
}

}  // namespace
}  // namespace workbook

int main(int argc, char** argv) {
  const workbook::Invocation invocation = workbook::Parse(argc, argv);
  const workbook::Colours& c = invocation.workbook.colours;
  try {
    return workbook::Run(invocation);
  } catch (const workbook::UsageError& error) {
    // The shape and exit code of the script's own usage errors.
    std::cerr << c.red << "error:" << c.reset << " " << error.what() << "\n"
              << error.advice() << "\n";
    return 2;
  } catch (const workbook::ManifestError& error) {
    std::cerr << c.red << "error:" << c.reset << " " << error.what() << "\n"
              << "The lesson's manifest is read by the build and this tool; "
                 "see CONTRIBUTING.md.\n";
    return 1;
  } catch (const std::exception& error) {
    std::cerr << c.red << "error:" << c.reset << " " << error.what() << "\n";
    return 1;
  }
}
