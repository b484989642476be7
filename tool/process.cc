#include "tool/process.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <thread>

namespace workbook {
namespace fs = std::filesystem;

namespace {

// The process group of the program running now, so that Ctrl-C on the tool
// also ends a test program and the servers its tests started.
volatile sig_atomic_t running_group = 0;

void StopRunningGroupAndDie(int signal) {
  if (running_group > 0) kill(-running_group, SIGKILL);
  std::signal(signal, SIG_DFL);
  raise(signal);
}

void KillGroup(pid_t group) {
  kill(-group, SIGKILL);
  kill(group, SIGKILL);
}

}  // namespace

std::string ProgramEnd::Describe() const {
  if (!started) return "could not be started";
  if (timed_out) return "ran out of time and was stopped";
  if (signal != 0) return "crashed (" + SignalName(signal) + ")";
  return "exited with code " + std::to_string(exit_code);
}

std::string SignalName(int signal) {
  const char* name = sigabbrev_np(signal);
  return name != nullptr ? std::string("SIG") + name
                         : "signal " + std::to_string(signal);
}

ProgramEnd RunProgram(const std::vector<std::string>& argv,
                      const fs::path& output,
                      std::chrono::milliseconds timeout) {
  // Built before fork(): the child should only call async-signal-safe code.
  std::vector<char*> args;
  for (const std::string& arg : argv) {
    args.push_back(const_cast<char*>(arg.c_str()));
  }
  args.push_back(nullptr);

  ProgramEnd end;
  const pid_t child = fork();
  if (child < 0) return end;
  if (child == 0) {
    setpgid(0, 0);  // Its own group: a timeout stops what it started, too.
    const int out = open(output.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int no_input = open("/dev/null", O_RDONLY);
    if (out < 0 || no_input < 0) _exit(127);
    dup2(no_input, STDIN_FILENO);
    dup2(out, STDOUT_FILENO);
    dup2(out, STDERR_FILENO);
    execv(args[0], args.data());
    _exit(127);
  }
  setpgid(child, child);
  running_group = child;
  std::signal(SIGINT, StopRunningGroupAndDie);
  std::signal(SIGTERM, StopRunningGroupAndDie);

  const auto deadline = std::chrono::steady_clock::now() + timeout;
  int status = 0;
  pid_t done = 0;
  // Polling keeps this simple; a check waits for seconds, not microseconds.
  while ((done = waitpid(child, &status, WNOHANG)) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      end.timed_out = true;
      KillGroup(child);
      done = waitpid(child, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  // Servers a crashed test started would otherwise outlive it.
  kill(-child, SIGKILL);
  running_group = 0;
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  if (done < 0) return end;
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127 &&
      access(args[0], X_OK) != 0) {
    return end;  // Not started: there is no such program.
  }
  end.started = true;
  if (WIFSIGNALED(status)) end.signal = WTERMSIG(status);
  if (WIFEXITED(status)) end.exit_code = WEXITSTATUS(status);
  return end;
}

std::string CommandOutput(const std::string& command) {
  std::string text;
  FILE* pipe = popen((command + " 2>/dev/null").c_str(), "r");
  if (pipe == nullptr) return text;
  char buffer[4096];
  size_t read = 0;
  while ((read = fread(buffer, 1, sizeof buffer, pipe)) > 0) {
    text.append(buffer, read);
  }
  if (pclose(pipe) != 0) return "";
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

}  // namespace workbook
