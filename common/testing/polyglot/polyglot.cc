#include "common/testing/polyglot/polyglot.h"

#include <gtest/gtest.h>
#include <signal.h>

#include <sstream>
#include <string>

namespace workbook::testing::polyglot {

std::string LanguageName(const ::testing::TestParamInfo<Language>& info) {
  return info.param.name;
}

void PrintTo(const Language& language, std::ostream* out) {
  *out << language.name;
}

RunningServer::RunningServer(const std::string& program)
    : process_({program, "--port=0"}),
      address_(ReadServerAddress(process_, kProgramTimeout)) {}

RunningServer::~RunningServer() {
  if (!stopped_) Stop();
}

ProcessResult RunningServer::Stop() {
  stopped_ = true;
  process_.Signal(SIGTERM);
  return process_.Wait(kProgramTimeout);
}

ProcessResult RunClient(const std::string& program, const std::string& target,
                        const std::vector<std::string>& args) {
  std::vector<std::string> argv = {
      program, "--target=" + target,
      "--deadline_ms=" + std::to_string(kClientDeadline.count())};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunProgram(argv, kProgramTimeout);
}

std::vector<std::string> Lines(const std::string& output) {
  std::vector<std::string> lines;
  std::istringstream in(output);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::shared_ptr<grpc::Channel> ChannelTo(const std::string& address) {
  return grpc::CreateChannel(address, grpc::InsecureChannelCredentials());
}

std::string FailureLine(const std::string& rpc, const std::string& target,
                        const std::string& code, const std::string& message) {
  return "error: " + rpc + " to " + target + " failed: " + code + ": " +
         message;
}

}  // namespace workbook::testing::polyglot
