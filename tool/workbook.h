// What every command of the tool needs to know: where the workbook, the
// student's progress and the builds live, and how to colour its output.
#ifndef WORKBOOK_TOOL_WORKBOOK_H_
#define WORKBOOK_TOOL_WORKBOOK_H_

#include <filesystem>
#include <stdexcept>
#include <string>
#include <utility>

namespace workbook {

// Escape sequences for the terminal; all empty when the output is not a
// terminal or NO_COLOR is set, so that logs and tests see plain text.
struct Colours {
  std::string bold, dim, red, green, yellow, reset;

  static Colours On() {
    return {"\033[1m",  "\033[2m",  "\033[31m",
            "\033[32m", "\033[33m", "\033[0m"};
  }
  static Colours Off() { return {}; }
};

struct Workbook {
  std::filesystem::path root;        // the folder holding the lessons
  std::filesystem::path state;       // .workbook/: results, hint levels
  std::filesystem::path build_root;  // build/: one folder per preset
  Colours colours;

  // `path` as the student sees it: relative to the workbook when inside it.
  std::string Shown(const std::filesystem::path& path) const;
};

// "usage: ./workbook check LESSON [TASK] ...": the usage line of `command`
// from tool/help.txt, where the help text lives.
std::string Usage(const Workbook& workbook, const std::string& command);

// A mistake on the command line. main() prints it as "error: <what>" and the
// advice on the next line, then exits with 2, as the script does.
class UsageError : public std::runtime_error {
 public:
  explicit UsageError(
      const std::string& message,
      std::string advice = "Run './workbook help' for the commands.")
      : std::runtime_error(message), advice_(std::move(advice)) {}
  const std::string& advice() const { return advice_; }

 private:
  std::string advice_;
};

}  // namespace workbook

#endif  // WORKBOOK_TOOL_WORKBOOK_H_
