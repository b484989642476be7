// Test support for the cross-language tests (issue 14): the lesson's Python
// and Go programs, and its C++ server, run as processes; the C++ side of a
// "C++ client" test calls them through the lesson's generated stub (with
// test_server.h's ContextWithDeadline()).
// CMake (cmake/WorkbookPolyglot.cmake) defines the programs' paths.
#ifndef WORKBOOK_COMMON_TESTING_POLYGLOT_POLYGLOT_H_
#define WORKBOOK_COMMON_TESTING_POLYGLOT_POLYGLOT_H_

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "common/testing/subprocess.h"

namespace workbook::testing::polyglot {

/// Bounds for starting a program and for one client run: generous on a
/// loaded 2-core machine (Python takes ~0.1 s to start), and a hang still
/// fails the test.
inline constexpr std::chrono::milliseconds kProgramTimeout{20000};

/// The --deadline_ms RunClient() gives a client program.
inline constexpr std::chrono::milliseconds kClientDeadline{10000};

/// One of the tutorial's languages and the lesson's two programs in it.
struct Language {
  std::string name;  ///< "Python" or "Go"; also the test name suffix
  std::string server;
  std::string client;
};

/// Lets gtest name a parameterised test after its language.
std::string LanguageName(const ::testing::TestParamInfo<Language>& info);
void PrintTo(const Language& language, std::ostream* out);

/// Every lesson's cross-language tests: TEST_P(CrossLanguage, ...) runs once
/// per tutorial language (GetParam() is that Language), as
/// Tutorial/CrossLanguage.<Test>/Python and .../Go.
///
/// A lesson's test file writes its tests inside this namespace (with its
/// proto's types brought in by using-declarations), so the support here and
/// in workbook::testing (ContextWithDeadline, ProcessResult, ...) needs no
/// using-declarations of its own.
class CrossLanguage : public ::testing::TestWithParam<Language> {};

// The programs' paths come from CMake, for the lesson whose test includes
// this header: these two are inline so that the rest of the test support
// (polyglot.cc, which does not see the paths) compiles once for all lessons.
#ifdef WORKBOOK_CPP_SERVER
/// Python and Go, for INSTANTIATE_TEST_SUITE_P.
inline std::vector<Language> TutorialLanguages() {
  return {{"Python", WORKBOOK_PYTHON_SERVER, WORKBOOK_PYTHON_CLIENT},
          {"Go", WORKBOOK_GO_SERVER, WORKBOOK_GO_CLIENT}};
}

/// The lesson's C++ server program.
inline std::string CppServer() { return WORKBOOK_CPP_SERVER; }

// The instantiation lives here, in the one test file of a lesson that
// includes this header, rather than at the bottom of each of them.
INSTANTIATE_TEST_SUITE_P(Tutorial, CrossLanguage,
                         ::testing::ValuesIn(TutorialLanguages()),
                         LanguageName);
#endif  // WORKBOOK_CPP_SERVER

/// A server program started with --port=0 on 127.0.0.1.
class RunningServer {
 public:
  /// Starts `program` and waits (bounded) for its "listening on" line;
  /// address() is empty if it never came.
  explicit RunningServer(const std::string& program);
  /// Stops the server if Stop() was not called.
  ~RunningServer();
  RunningServer(const RunningServer&) = delete;
  RunningServer& operator=(const RunningServer&) = delete;

  /// "127.0.0.1:<port>", or "" when the server did not start.
  const std::string& address() const { return address_; }

  /// Sends SIGTERM and waits (bounded) for the program to end.
  ProcessResult Stop();

 private:
  Subprocess process_;
  std::string address_;
  bool stopped_ = false;
};

/// Runs a client program with --target=`target` and `args`, bounded. Its
/// calls get a deadline of kClientDeadline (--deadline_ms), not the
/// programs' 2 s default: CI machines can be slow to start Python.
ProcessResult RunClient(const std::string& program, const std::string& target,
                        const std::vector<std::string>& args);

/// The lines of a program's output, without their '\n'.
std::vector<std::string> Lines(const std::string& output);

/// A plaintext channel to `address`, for the generated C++ stub.
std::shared_ptr<grpc::Channel> ChannelTo(const std::string& address);

/// The line every workbook client prints for a failed call:
/// "error: <rpc> to <target> failed: <CODE>: <message>".
std::string FailureLine(const std::string& rpc, const std::string& target,
                        const std::string& code, const std::string& message);

}  // namespace workbook::testing::polyglot

#endif  // WORKBOOK_COMMON_TESTING_POLYGLOT_POLYGLOT_H_
