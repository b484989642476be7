#include "tool/build_errors.h"

#include <fstream>
#include <iostream>
#include <regex>
#include <set>

namespace workbook {
namespace fs = std::filesystem;

namespace {

// Lines of source the compiler quotes under an error: "   12 |   code" and
// "      |   ^~~~".
bool IsQuotedSource(const std::string& line) {
  static const std::regex kQuoted(R"(^\s*[0-9]* \|.*)");
  return std::regex_match(line, kQuoted);
}

bool IsError(const std::string& line) {
  static const std::regex kCompilerError(
      R"(^(.*):[0-9]+(:[0-9]+)?: (fatal )?error: .*)");
  return std::regex_match(line, kCompilerError) ||
         line.find("undefined reference to") != std::string::npos ||
         line.rfind("CMake Error", 0) == 0;
}

// "/abs/workbook/01-unary/x.cc:3:1: error: ..." -> "01-unary/x.cc:3:1: ...".
std::string Relative(const Workbook& workbook, const std::string& line) {
  std::string text = line;
  const std::string prefix = workbook.root.string() + "/";
  for (size_t at; (at = text.find(prefix)) != std::string::npos;) {
    text.erase(at, prefix.size());
  }
  return text;
}

}  // namespace

BuildErrors ReadBuildErrors(const Workbook& workbook, const fs::path& log,
                            int shown) {
  BuildErrors errors;
  std::ifstream in(log);
  std::string line;
  std::set<std::string> seen;  // a header's error repeats for each includer
  bool quoting = false;
  while (std::getline(in, line)) {
    if (IsError(line) && line.rfind("collect2:", 0) != 0) {
      const std::string error = Relative(workbook, line);
      quoting = false;
      if (!seen.insert(error).second) continue;
      ++errors.errors;
      if (errors.errors <= shown) {
        errors.lines.push_back(error);
        quoting = true;
      }
    } else if (quoting && IsQuotedSource(line)) {
      errors.lines.push_back(line);
    } else {
      quoting = false;
    }
  }
  return errors;
}

int CommandBuildErrors(const Workbook& workbook,
                       const std::vector<std::string>& args) {
  if (args.size() != 1)
    throw UsageError("usage: workbook_tool build-errors LOG");
  constexpr int kShown = 5;
  const BuildErrors errors = ReadBuildErrors(workbook, args[0], kShown);
  for (const std::string& line : errors.lines) std::cout << line << "\n";
  if (errors.errors > kShown) {
    std::cout << "… and " << errors.errors - kShown << " more errors.\n";
  }
  // Nothing recognisable (a crash of the compiler, a full disk): the end of
  // the log is the best there is.
  if (errors.errors == 0) {
    std::ifstream in(args[0]);
    std::vector<std::string> lines;
    std::string line;
    while (std::getline(in, line)) lines.push_back(line);
    const size_t from = lines.size() > 15 ? lines.size() - 15 : 0;
    for (size_t i = from; i < lines.size(); ++i) {
      std::cout << Relative(workbook, lines[i]) << "\n";
    }
  }
  return 0;
}

}  // namespace workbook
