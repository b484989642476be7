// The lesson 05 server program:
//   server --port=50051 [--signing_ms=500] [--backend=HOST:PORT]
// Serves the careful GuestBook and the NaiveGuestBook, sharing one book, and
// with --backend also a Frontdesk that forwards to the GuestBook there.
#include <chrono>
#include <cstdint>
#include <iostream>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "common/plumbing/flags.h"
#include "common/plumbing/rpc_errors.h"
#include "common/plumbing/server_runner.h"
#include "server.h"

ABSL_FLAG(int64_t, signing_ms, 500,
          "How long signing the book takes (0 to 10000 ms)");
ABSL_FLAG(std::string, backend, "",
          "Also serve Frontdesk, forwarding to the GuestBook at this "
          "host:port (empty: no Frontdesk)");
ABSL_FLAG(int64_t, backend_cap_ms, 1000,
          "The longest the Frontdesk waits for its backend, whatever its "
          "caller's deadline (ms, positive)");

namespace {

using workbook::deadlines::SignReport;

// Prints one line; handlers run on several threads at once.
void Log(const std::string& line) {
  static std::mutex mutex;
  std::lock_guard<std::mutex> lock(mutex);
  std::cout << line << std::endl;
}

// "the call's deadline is in 190 ms", as the server sees it.
std::string TimeLeft(const grpc::ServerContextBase& call) {
  const auto deadline = call.deadline();
  if (deadline == std::chrono::system_clock::time_point::max())
    return "the call has no deadline";
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
      deadline - std::chrono::system_clock::now());
  return "the call's deadline is in " + std::to_string(left.count()) + " ms";
}

// One line per finished Sign call, so you can watch what each server did
// with a client that gave up.
void LogSign(const SignReport& report) {
  std::string line = report.service + ".Sign(request " +
                     report.request.request_id() + ", \"" +
                     report.request.name() + "\"): ";
  if (!report.status.ok()) {
    line += "not signed: " + workbook::DescribeStatus(report.status);
  } else if (report.reply.replayed()) {
    line += "a replay: this request signed before as guest #" +
            std::to_string(report.reply.guest_number()) +
            "; nothing new written";
  } else {
    line += "signed as guest #" + std::to_string(report.reply.guest_number());
  }
  if (report.status.ok() && report.client_gone) {
    line +=
        ", but the client had already gone: it was told the call failed, "
        "yet the book says it succeeded";
  }
  Log(line);
}

}  // namespace

int main(int argc, char** argv) {
  workbook::ParseFlags(argc, argv,
                       "Serves the lesson 05 GuestBook, NaiveGuestBook and "
                       "(with --backend) Frontdesk until Ctrl-C.");
  const int64_t signing_ms = absl::GetFlag(FLAGS_signing_ms);
  // Bounded, because a naive handler cannot be interrupted: shutting down
  // waits for it to finish its slow step.
  if (signing_ms < 0 || signing_ms > 10000)
    workbook::UsageError("--signing_ms must be between 0 and 10000");
  const std::chrono::milliseconds signing_time(signing_ms);
  const int64_t backend_cap_ms = absl::GetFlag(FLAGS_backend_cap_ms);
  if (backend_cap_ms <= 0)
    workbook::UsageError("--backend_cap_ms must be a positive number");

  // The slow step of a real server would be work: a database write, a
  // call to a payment service. Here it is plain waiting.
  auto slow_step = [signing_time](const grpc::ServerContextBase& call) {
    Log("  slow step: " + std::to_string(signing_time.count()) +
        " ms of work begins; " + TimeLeft(call));
    std::this_thread::sleep_for(signing_time);
  };
  workbook::deadlines::Book book;
  workbook::deadlines::GuestBookService careful(book, slow_step, signing_time);
  workbook::deadlines::NaiveGuestBookService naive(book, slow_step);
  careful.SetListener(LogSign);
  naive.SetListener(LogSign);
  std::vector<grpc::Service*> services = {&careful, &naive};

  std::unique_ptr<workbook::deadlines::FrontdeskService> frontdesk;
  if (const std::string backend = absl::GetFlag(FLAGS_backend);
      !backend.empty()) {
    frontdesk = std::make_unique<workbook::deadlines::FrontdeskService>(
        grpc::CreateChannel(backend, grpc::InsecureChannelCredentials()),
        std::chrono::milliseconds(backend_cap_ms));
    services.push_back(frontdesk.get());
  }
  return workbook::RunServer("GuestBook", services);
}
