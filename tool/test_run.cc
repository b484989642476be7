#include "tool/test_run.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "tool/process.h"

namespace workbook {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr size_t kMessageLines = 8;
constexpr size_t kProblemLines = 12;
// Each crash costs one more run of the program; past this many the
// student's code is broken everywhere and one more run tells nothing new.
constexpr size_t kMostCrashesFollowed = 20;
constexpr int kDefaultTimeoutSeconds = 120;

// WORKBOOK_TEST_TIMEOUT: seconds a test program may run (fractions allowed).
std::chrono::milliseconds TestTimeout() {
  const char* text = std::getenv("WORKBOOK_TEST_TIMEOUT");
  const double seconds = text != nullptr ? std::atof(text) : 0;
  return std::chrono::milliseconds(static_cast<long>(
      1000 * (seconds > 0 ? seconds : kDefaultTimeoutSeconds)));
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

std::vector<std::string> FileLines(const fs::path& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

bool StartsWith(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

// The filter for GoogleTest's --gtest_filter: the suites' tests, under any
// instantiation prefix, minus the tests already known to crash.
std::string Filter(const std::vector<std::string>& suites,
                   const std::vector<std::string>& excluded) {
  std::string filter;
  for (const std::string& suite : suites) {
    filter += (filter.empty() ? "" : ":") + suite + ".*:*/" + suite +
              ".*:" + suite + "/*";
  }
  if (filter.empty()) filter = "*";
  for (size_t i = 0; i < excluded.size(); ++i) {
    filter += (i == 0 ? "-" : ":") + excluded[i];
  }
  return filter;
}

// A failure message as a student reads it: the source location relative
// to the workbook, no blank lines or stack traces, status codes by name.
std::vector<std::string> UsefulLines(const Workbook& workbook,
                                     const std::string& failure) {
  static const std::regex kNumberShown(
      R"(^(\s*(Which is|Actual): )(-?[0-9]+)$)");
  // An expression whose value is a grpc::StatusCode (not, say, exit_code).
  static const std::regex kStatusCodeExpression(
      R"(StatusCode|error_code\(\)|\bcode\(\))");
  std::vector<std::string> lines;
  std::string expression;
  for (std::string line : Lines(failure)) {
    if (lines.size() == kMessageLines) break;
    if (StartsWith(line, "Stack trace")) break;  // addresses: noise here
    if (line.empty()) continue;
    if (line[0] == '/') line = workbook.Shown(line);
    std::smatch number;
    if (std::regex_match(line, number, kNumberShown)) {
      // gtest prints an enum as its number; for a gRPC status code the
      // name is what a student can look up.
      if (std::regex_search(expression, kStatusCodeExpression)) {
        line = number[1].str() + StatusCodeName(std::stoi(number[3]));
      }
    } else {
      expression = line;
    }
    lines.push_back(line);
  }
  return lines;
}

// Reads GoogleTest's JSON report into `run`; false when there is none.
bool ReadReport(const Workbook& workbook, const fs::path& path, TestRun* run) {
  std::ifstream in(path);
  if (!in) return false;
  const json report = json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (report.is_discarded() || !report.is_object()) return false;
  for (const json& suite : report.value("testsuites", json::array())) {
    const std::string suite_name = suite.value("name", "");
    for (const json& test : suite.value("testsuite", json::array())) {
      if (test.value("status", "RUN") == "NOTRUN") continue;  // DISABLED_
      TestResult result;
      result.suite = DeclaredSuite(suite_name);
      result.name = suite_name + "." + test.value("name", "");
      const json failures = test.value("failures", json::array());
      if (failures.empty()) {
        result.outcome = Outcome::kPassed;
      } else {
        result.outcome = Outcome::kFailed;
        result.message =
            UsefulLines(workbook, failures[0].value("failure", ""));
      }
      run->tests.push_back(std::move(result));
    }
  }
  return true;
}

struct LastTest {
  std::string name;                 // the test that was running, if any
  std::vector<std::string> output;  // what it printed
};

// The test that was running when the program died: GoogleTest prints
// "[ RUN      ] Suite.Test" before a test and "[       OK ]" (or FAILED,
// SKIPPED) after it.
LastTest TestRunningAtTheEnd(const std::vector<std::string>& output) {
  LastTest last;
  for (const std::string& line : output) {
    if (StartsWith(line, "[ RUN      ] ")) {
      last.name = line.substr(13);
      last.output.clear();
    } else if (StartsWith(line, "[       OK ] ") ||
               StartsWith(line, "[  FAILED  ] ") ||
               StartsWith(line, "[  SKIPPED ] ")) {
      last.name.clear();
    } else if (!last.name.empty() && !line.empty()) {
      last.output.push_back(line);
    }
  }
  return last;
}

// The lines explaining a crash: the sanitizer's report headline and
// summary when there is one, else the test's last lines of output.
std::vector<std::string> CrashExplanation(
    const std::vector<std::string>& output) {
  std::vector<std::string> lines;
  for (const std::string& line : output) {
    if (line.find("Sanitizer") != std::string::npos &&
        (line.find("ERROR:") != std::string::npos ||
         line.find("WARNING:") != std::string::npos ||
         StartsWith(line, "SUMMARY:"))) {
      lines.push_back(line);
    }
  }
  if (!lines.empty()) return lines;
  const size_t keep = std::min<size_t>(output.size(), 4);
  return {output.end() - keep, output.end()};
}

std::vector<std::string> LastLines(const std::vector<std::string>& lines,
                                   size_t count) {
  const size_t keep = std::min(lines.size(), count);
  return {lines.end() - keep, lines.end()};
}

fs::path ResultsPath(const Workbook& workbook, const std::string& preset,
                     const std::string& lesson) {
  return workbook.state / "results" / preset / (lesson + ".json");
}

const char* OutcomeName(Outcome outcome) {
  switch (outcome) {
    case Outcome::kPassed:
      return "passed";
    case Outcome::kFailed:
      return "failed";
    case Outcome::kCrashed:
      return "crashed";
  }
  return "failed";
}

Outcome OutcomeNamed(const std::string& name) {
  if (name == "passed") return Outcome::kPassed;
  if (name == "crashed") return Outcome::kCrashed;
  return Outcome::kFailed;
}

}  // namespace

std::string DeclaredSuite(const std::string& gtest_suite) {
  const size_t slash = gtest_suite.find('/');
  if (slash == std::string::npos) return gtest_suite;
  const std::string after = gtest_suite.substr(slash + 1);
  const bool typed = !after.empty() && std::all_of(after.begin(), after.end(),
                                                   [](unsigned char c) {
                                                     return std::isdigit(c);
                                                   });
  return typed ? gtest_suite.substr(0, slash) : after;
}

std::string StatusCodeName(int code) {
  static const char* const kNames[] = {"OK",
                                       "CANCELLED",
                                       "UNKNOWN",
                                       "INVALID_ARGUMENT",
                                       "DEADLINE_EXCEEDED",
                                       "NOT_FOUND",
                                       "ALREADY_EXISTS",
                                       "PERMISSION_DENIED",
                                       "RESOURCE_EXHAUSTED",
                                       "FAILED_PRECONDITION",
                                       "ABORTED",
                                       "OUT_OF_RANGE",
                                       "UNIMPLEMENTED",
                                       "INTERNAL",
                                       "UNAVAILABLE",
                                       "DATA_LOSS",
                                       "UNAUTHENTICATED"};
  const std::string number = std::to_string(code);
  if (code < 0 || code > 16) return number;
  return number + " (" + kNames[code] + ")";
}

fs::path TestsProgram(const Workbook& workbook, const std::string& preset,
                      const std::string& lesson) {
  return workbook.build_root / preset / lesson / "tests";
}

std::optional<std::vector<std::string>> ListSuites(const Workbook& workbook,
                                                   const std::string& preset,
                                                   const std::string& lesson) {
  const fs::path output = workbook.state / "test-list.txt";
  fs::create_directories(workbook.state);
  const ProgramEnd end = RunProgram(
      {TestsProgram(workbook, preset, lesson).string(), "--gtest_list_tests"},
      output, TestTimeout());
  if (!end.Succeeded()) return std::nullopt;
  // Suites start in the first column and end with '.'; their tests are
  // indented below them.
  std::vector<std::string> suites;
  for (std::string line : FileLines(output)) {
    // "Suite." or "Suite/0.  # TypeParam = int"; gtest_main's own first
    // line ("Running main() from ...") is neither.
    line = line.substr(0, line.find("  #"));
    if (line.empty() || line[0] == ' ' || line.back() != '.') continue;
    const std::string suite = DeclaredSuite(line.substr(0, line.size() - 1));
    if (std::find(suites.begin(), suites.end(), suite) == suites.end()) {
      suites.push_back(suite);
    }
  }
  return suites;
}

TestRun RunTests(const Workbook& workbook, const std::string& preset,
                 const std::string& lesson,
                 const std::vector<std::string>& suites) {
  const fs::path report = workbook.state / "results" / preset / "report.json";
  const fs::path output = workbook.state / "last-test-output.txt";
  fs::create_directories(report.parent_path());
  const std::string program = TestsProgram(workbook, preset, lesson).string();

  TestRun run;
  std::vector<std::string> crashed;
  while (true) {
    // A stale report would look like this run's if the program dies.
    fs::remove(report);
    const ProgramEnd end =
        RunProgram({program, "--gtest_filter=" + Filter(suites, crashed),
                    "--gtest_output=json:" + report.string()},
                   output, TestTimeout());
    if (ReadReport(workbook, report, &run)) break;

    const std::vector<std::string> lines = FileLines(output);
    const LastTest last = TestRunningAtTheEnd(lines);
    if (!end.started || last.name.empty() ||
        crashed.size() == kMostCrashesFollowed) {
      run.problem = "the test program " + end.Describe() +
                    (end.started && end.exit_code != 0 && end.signal == 0
                         ? " without writing its report"
                         : "") +
                    (last.name.empty() ? " outside any test" : "");
      if (!end.started)
        run.problem = "the test program " + program + " " + end.Describe() +
                      ": build the lesson first";
      run.problem_output = LastLines(lines, kProblemLines);
      break;
    }
    TestResult result;
    result.name = last.name;
    result.suite = DeclaredSuite(last.name.substr(0, last.name.find('.')));
    result.outcome = Outcome::kCrashed;
    // A signal, a timeout, or an exit before the report was written (what
    // the sanitizers do when they find an error).
    result.message.push_back(
        end.signal != 0 || end.timed_out
            ? "this test " + end.Describe()
            : "this test ended the test program (exit code " +
                  std::to_string(end.exit_code) + ") before it finished");
    for (const std::string& line : CrashExplanation(last.output)) {
      result.message.push_back(line);
    }
    run.tests.push_back(std::move(result));
    crashed.push_back(last.name);
  }
  return run;
}

std::optional<TestRun> LoadResults(const Workbook& workbook,
                                   const std::string& preset,
                                   const std::string& lesson) {
  std::ifstream in(ResultsPath(workbook, preset, lesson));
  if (!in) return std::nullopt;
  const json saved = json::parse(in, nullptr, /*allow_exceptions=*/false);
  // Anything else (a report of an older version of the tool) is no result.
  if (saved.is_discarded() || !saved.is_object() || !saved.contains("tests") ||
      !saved["tests"].is_array()) {
    return std::nullopt;
  }
  TestRun run;
  run.problem = saved.value("problem", "");
  run.problem_output =
      saved.value("problem_output", std::vector<std::string>{});
  for (const json& test : saved["tests"]) {
    if (!test.is_object()) continue;
    TestResult result;
    result.suite = test.value("suite", "");
    result.name = test.value("name", "");
    result.outcome = OutcomeNamed(test.value("outcome", ""));
    result.message = test.value("message", std::vector<std::string>{});
    run.tests.push_back(std::move(result));
  }
  return run;
}

void SaveResults(const Workbook& workbook, const std::string& preset,
                 const std::string& lesson, const TestRun& run,
                 const std::vector<std::string>& suites) {
  std::vector<TestResult> kept;
  std::optional<TestRun> earlier = LoadResults(workbook, preset, lesson);
  const std::set<std::string> replaced(suites.begin(), suites.end());
  if (earlier) {
    for (TestResult& test : earlier->tests) {
      // A run that got no test to the end leaves the earlier results.
      const bool rerun = run.tests.empty() ? false
                         : suites.empty()  ? true
                                           : replaced.count(test.suite) > 0;
      if (!rerun) kept.push_back(std::move(test));
    }
  }
  nlohmann::ordered_json saved;
  saved["lesson"] = lesson;
  saved["problem"] = run.problem;
  saved["problem_output"] = run.problem_output;
  nlohmann::ordered_json tests = nlohmann::ordered_json::array();
  auto add = [&tests](const TestResult& test) {
    tests.push_back({{"suite", test.suite},
                     {"name", test.name},
                     {"outcome", OutcomeName(test.outcome)},
                     {"message", test.message}});
  };
  for (const TestResult& test : kept) add(test);
  for (const TestResult& test : run.tests) add(test);
  saved["tests"] = tests;
  const fs::path path = ResultsPath(workbook, preset, lesson);
  fs::create_directories(path.parent_path());
  std::ofstream(path) << saved.dump(2) << "\n";
}

}  // namespace workbook
