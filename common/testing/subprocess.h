// Running the lesson programs as real processes, for smoke tests.
#ifndef WORKBOOK_COMMON_TESTING_SUBPROCESS_H_
#define WORKBOOK_COMMON_TESTING_SUBPROCESS_H_

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace workbook::testing {

/// How a process ended and what it printed.
struct ProcessResult {
  /// The exit code, or -1 when it had to be killed or died from a signal.
  int exit_code = -1;
  /// The signal that ended the process on its own (e.g. SIGABRT from an
  /// abort()), or 0 if it exited or had to be killed after its timeout.
  int killed_by_signal = 0;
  bool timed_out = false;  ///< Whether it ran past its timeout and was killed.
  std::string out;         ///< Everything written to stdout.
  std::string err;         ///< Everything written to stderr.
};

/// A child process with its stdout and stderr captured. Every wait has a
/// bound: a hanging program fails the test instead of hanging it.
class Subprocess {
 public:
  /// Starts `argv[0]` with arguments `argv[1..]`; stdin is /dev/null.
  explicit Subprocess(const std::vector<std::string>& argv);
  ~Subprocess();  ///< Kills the process if it still runs.
  Subprocess(const Subprocess&) = delete;
  Subprocess& operator=(const Subprocess&) = delete;

  /// Reads stdout until a line containing `text` arrives; returns that line,
  /// or nothing if the process ends or `timeout` passes first.
  std::optional<std::string> WaitForLine(const std::string& text,
                                         std::chrono::milliseconds timeout);

  /// Sends `signal` (e.g. SIGTERM) to the process.
  void Signal(int signal);

  /// Waits for the process to end, at most `timeout`; kills it after that.
  ProcessResult Wait(std::chrono::milliseconds timeout);

 private:
  // Reads what is available on stdout/stderr, waiting at most until `until`.
  // Returns false once both pipes are closed.
  bool Pump(std::chrono::steady_clock::time_point until);

  pid_t pid_ = -1;
  int out_fd_ = -1;
  int err_fd_ = -1;
  std::string out_;
  std::string err_;
  size_t out_scanned_ = 0;  // How much of out_ WaitForLine() has consumed.
};

/// Runs a program to completion (bounded by `timeout`).
ProcessResult RunProgram(const std::vector<std::string>& argv,
                         std::chrono::milliseconds timeout);

/// The address a lesson server started with --port=0 listens on, read from
/// its "listening on <address>" line ("" if it did not print one in time).
std::string ReadServerAddress(Subprocess& server,
                              std::chrono::milliseconds timeout);

}  // namespace workbook::testing

#endif  // WORKBOOK_COMMON_TESTING_SUBPROCESS_H_
