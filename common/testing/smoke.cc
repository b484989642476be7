#include "common/testing/smoke.h"

#include <signal.h>

namespace workbook::testing {

void SmokeTest::SetUp() {
  server_ = std::make_unique<Subprocess>(
      std::vector<std::string>{ServerProgram(), "--port=0"});
  address_ = ReadServerAddress(*server_, kProgramTimeout);
  ASSERT_FALSE(address_.empty())
      << "the server did not print 'listening on <address>'";
}

void SmokeTest::TearDown() {
  server_->Signal(SIGTERM);
  const ProcessResult stopped = server_->Wait(kProgramTimeout);
  EXPECT_EQ(stopped.exit_code, 0)
      << "the server did not stop cleanly on SIGTERM\n"
      << stopped.out << stopped.err;
}

std::unique_ptr<Subprocess> SmokeTest::StartClient(
    const std::vector<std::string>& args) const {
  std::vector<std::string> argv = {ClientProgram(), "--target=" + address_};
  argv.insert(argv.end(), args.begin(), args.end());
  return std::make_unique<Subprocess>(argv);
}

ProcessResult SmokeTest::RunClient(const std::vector<std::string>& args) const {
  return StartClient(args)->Wait(kProgramTimeout);
}

}  // namespace workbook::testing
