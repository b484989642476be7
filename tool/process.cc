#include "tool/process.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace workbook {
namespace fs = std::filesystem;

int RunProgram(const std::vector<std::string>& argv, const fs::path& output) {
  // Built before fork(): the child should only call async-signal-safe code.
  std::vector<char*> args;
  for (const std::string& arg : argv)
    args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);

  const pid_t child = fork();
  if (child < 0) return -1;
  if (child == 0) {
    const int out = open(output.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int no_input = open("/dev/null", O_RDONLY);
    if (out < 0 || no_input < 0) _exit(127);
    dup2(no_input, STDIN_FILENO);
    dup2(out, STDOUT_FILENO);
    dup2(out, STDERR_FILENO);
    execv(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  if (waitpid(child, &status, 0) < 0 || !WIFEXITED(status)) return -1;
  return WEXITSTATUS(status);
}

fs::path TestsBinary(const Workbook& workbook, const std::string& preset,
                     const std::string& lesson) {
  return workbook.build_root / preset / lesson / "tests";
}

bool RunTests(const Workbook& workbook, const std::string& preset,
              const std::string& lesson, const std::string& filter) {
  const fs::path report =
      workbook.state / "results" / preset / (lesson + ".json");
  fs::create_directories(report.parent_path());
  // A stale report would look like results of this run if the tests crash.
  fs::remove(report);
  return RunProgram({TestsBinary(workbook, preset, lesson).string(),
                     "--gtest_filter=" + filter, "--gtest_brief=1",
                     "--gtest_output=json:" + report.string()},
                    workbook.state / "last-test-output.txt") == 0;
}

}  // namespace workbook
