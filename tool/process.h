// Starting the processes the tool waits for: a lesson's test program (which
// may crash or hang: that is what exercises are for) and git.
#ifndef WORKBOOK_TOOL_PROCESS_H_
#define WORKBOOK_TOOL_PROCESS_H_

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace workbook {

// How a program ended.
struct ProgramEnd {
  bool started = false;    // false: it could not be run at all
  int exit_code = -1;      // when it exited
  int signal = 0;          // when a signal ended it
  bool timed_out = false;  // killed because it ran past its time

  bool Succeeded() const { return started && signal == 0 && exit_code == 0; }
  // "exited with code 3", "crashed (SIGSEGV)", "ran past 120 s and was
  // stopped", "could not be started".
  std::string Describe() const;
};

// Runs `argv` (argv[0] is the program's path) with standard output and error
// written to `output`, input from /dev/null. A program still running after
// `timeout` is killed, with every process it started.
ProgramEnd RunProgram(const std::vector<std::string>& argv,
                      const std::filesystem::path& output,
                      std::chrono::milliseconds timeout);

// The standard output of a shell command (empty when it fails): for git.
std::string CommandOutput(const std::string& command);

// "SIGSEGV" for SIGSEGV.
std::string SignalName(int signal);

}  // namespace workbook

#endif  // WORKBOOK_TOOL_PROCESS_H_
