// A failed build as a student reads it: each error as file:line: message
// with the source line it points at, not the compiler's command lines.
#ifndef WORKBOOK_TOOL_BUILD_ERRORS_H_
#define WORKBOOK_TOOL_BUILD_ERRORS_H_

#include <filesystem>
#include <string>
#include <vector>

#include "tool/workbook.h"

namespace workbook {

struct BuildErrors {
  std::vector<std::string> lines;  // the first errors, each with its context
  int errors = 0;                  // how many errors the log holds
};

// The errors of the build log at `log` (compiler, linker, CMake), paths
// shown relative to the workbook, at most `shown` of them with context.
BuildErrors ReadBuildErrors(const Workbook& workbook,
                            const std::filesystem::path& log, int shown);

// `build-errors LOG`: prints them (the script calls it on a failed build).
int CommandBuildErrors(const Workbook& workbook,
                       const std::vector<std::string>& args);

}  // namespace workbook

#endif  // WORKBOOK_TOOL_BUILD_ERRORS_H_
