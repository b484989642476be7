#include "common/testing/subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>

extern char** environ;

namespace workbook::testing {
namespace {

using Clock = std::chrono::steady_clock;

int MillisecondsUntil(Clock::time_point until) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
      until - Clock::now());
  return left.count() < 0 ? 0 : static_cast<int>(left.count());
}

// Appends what `fd` has to `sink`; closes it (fd = -1) at end of file.
void Drain(int& fd, std::string& sink) {
  char buffer[4096];
  const ssize_t n = read(fd, buffer, sizeof buffer);
  if (n > 0) {
    sink.append(buffer, static_cast<size_t>(n));
  } else if (n == 0 || errno != EINTR) {
    close(fd);
    fd = -1;
  }
}

}  // namespace

Subprocess::Subprocess(const std::vector<std::string>& argv) {
  int out_pipe[2];
  int err_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0) {
    throw std::runtime_error("pipe2 failed");
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null",
                                   O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
  // The test process blocks no signals the child should see, but gRPC's
  // threads may; start the child with a clean mask.
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t none;
  sigemptyset(&none);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK);

  std::vector<char*> args;
  for (const std::string& arg : argv)
    args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  const int error =
      posix_spawn(&pid_, args[0], &actions, &attributes, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  close(out_pipe[1]);
  close(err_pipe[1]);
  out_fd_ = out_pipe[0];
  err_fd_ = err_pipe[0];
  if (error != 0) {
    close(out_fd_);
    close(err_fd_);
    throw std::runtime_error("cannot start " + argv[0]);
  }
}

Subprocess::~Subprocess() {
  if (pid_ > 0) Wait(std::chrono::milliseconds(0));
  if (out_fd_ >= 0) close(out_fd_);
  if (err_fd_ >= 0) close(err_fd_);
}

bool Subprocess::Pump(Clock::time_point until) {
  pollfd fds[2] = {{out_fd_, POLLIN, 0}, {err_fd_, POLLIN, 0}};
  if (out_fd_ < 0 && err_fd_ < 0) return false;
  if (poll(fds, 2, MillisecondsUntil(until)) > 0) {
    if (fds[0].revents != 0) Drain(out_fd_, out_);
    if (fds[1].revents != 0) Drain(err_fd_, err_);
  }
  return out_fd_ >= 0 || err_fd_ >= 0;
}

std::optional<std::string> Subprocess::WaitForLine(
    const std::string& text, std::chrono::milliseconds timeout) {
  const auto until = Clock::now() + timeout;
  while (true) {
    size_t end;
    while ((end = out_.find('\n', out_scanned_)) != std::string::npos) {
      std::string line = out_.substr(out_scanned_, end - out_scanned_);
      out_scanned_ = end + 1;
      if (line.find(text) != std::string::npos) return line;
    }
    if (Clock::now() >= until || !Pump(until)) return std::nullopt;
  }
}

void Subprocess::Signal(int signal) {
  if (pid_ > 0) kill(pid_, signal);
}

ProcessResult Subprocess::Wait(std::chrono::milliseconds timeout) {
  ProcessResult result;
  const auto until = Clock::now() + timeout;
  // Read until the child closes its output (it has exited) or time is up.
  while (Clock::now() < until && Pump(until)) {
  }
  // Both pipes closed means the child is exiting: reap it. Still open after
  // the timeout means it hangs: kill it.
  if (out_fd_ >= 0 || err_fd_ >= 0) {
    result.timed_out = true;
    kill(pid_, SIGKILL);
  }
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  if (!result.timed_out && WIFEXITED(status))
    result.exit_code = WEXITSTATUS(status);
  if (!result.timed_out && WIFSIGNALED(status))
    result.killed_by_signal = WTERMSIG(status);
  result.out = out_;
  result.err = err_;
  return result;
}

ProcessResult RunProgram(const std::vector<std::string>& argv,
                         std::chrono::milliseconds timeout) {
  Subprocess process(argv);
  return process.Wait(timeout);
}

std::string ReadServerAddress(Subprocess& server,
                              std::chrono::milliseconds timeout) {
  const std::string marker = "listening on ";
  const std::optional<std::string> line = server.WaitForLine(marker, timeout);
  if (!line) return "";
  const size_t start = line->find(marker) + marker.size();
  return line->substr(start, line->find(' ', start) - start);
}

}  // namespace workbook::testing
