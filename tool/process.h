// Running a lesson's test program, the one process the runner starts.
#ifndef WORKBOOK_TOOL_PROCESS_H_
#define WORKBOOK_TOOL_PROCESS_H_

#include <filesystem>
#include <string>
#include <vector>

#include "tool/workbook.h"

namespace workbook {

// Runs `argv` (argv[0] is the program's path) with its standard output and
// error written to `output`; returns its exit code, or -1 when it could not
// run or was killed by a signal.
int RunProgram(const std::vector<std::string>& argv,
               const std::filesystem::path& output);

// The test program of `lesson` in the build of `preset`.
std::filesystem::path TestsBinary(const Workbook& workbook,
                                  const std::string& preset,
                                  const std::string& lesson);

// Runs the lesson's tests matching `filter` on the `preset` track, keeping
// GoogleTest's JSON report in .workbook/results/<preset>/<lesson>.json and
// the program's output in .workbook/last-test-output.txt. True when every
// test passed.
bool RunTests(const Workbook& workbook, const std::string& preset,
              const std::string& lesson, const std::string& filter = "*");

}  // namespace workbook

#endif  // WORKBOOK_TOOL_PROCESS_H_
