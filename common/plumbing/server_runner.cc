#include "common/plumbing/server_runner.h"

#include <grpcpp/grpcpp.h>
#include <pthread.h>
#include <signal.h>

#include <chrono>
#include <cstdint>
#include <iostream>
#include <memory>
#include <string>

#include "absl/flags/flag.h"
#include "common/plumbing/flags.h"

ABSL_FLAG(std::string, address, "127.0.0.1",
          "Address to listen on; 127.0.0.1 accepts only this machine, "
          "0.0.0.0 every network");
ABSL_FLAG(int32_t, port, 50051,
          "Port to listen on; 0 lets the system pick a free one");
ABSL_FLAG(int64_t, shutdown_grace_ms, 2000,
          "On SIGINT/SIGTERM, how long in-flight calls may take to finish "
          "before they are cancelled");

namespace workbook {
namespace {

// "host:port", with brackets around an IPv6 host such as ::1.
std::string JoinHostPort(const std::string& host, int port) {
  const bool ipv6 = host.find(':') != std::string::npos && host.front() != '[';
  return (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

// Blocks SIGINT and SIGTERM in this thread and every thread started after it
// (gRPC's included), so that they arrive only through WaitForStopSignal().
sigset_t BlockStopSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

int WaitForStopSignal(const sigset_t& signals) {
  int received = 0;
  sigwait(&signals, &received);
  return received;
}

}  // namespace

void ApplyServerDefaults(grpc::ServerBuilder& builder) {
  builder.SetMaxReceiveMessageSize(kMaxReceiveMessageBytes);
  // On Linux gRPC sets SO_REUSEPORT by default, so a second server on a busy
  // port would start "successfully" and share its calls with the first.
  // A student who starts a server twice should hear about it instead.
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
}

// [begin run-server]
int RunServer(std::string_view name,
              const std::vector<grpc::Service*>& services,
              const ConfigureServer& configure) {
  const int port = absl::GetFlag(FLAGS_port);
  if (port < 0 || port > 65535)
    UsageError("--port must be between 0 and 65535");
  const std::string requested =
      JoinHostPort(absl::GetFlag(FLAGS_address), port);
  const sigset_t stop_signals = BlockStopSignals();

  // A server is built in three steps: where to listen, what to serve, start.
  grpc::ServerBuilder builder;
  int selected_port = 0;  // Filled in by BuildAndStart(): the real port.
  builder.AddListeningPort(requested, grpc::InsecureServerCredentials(),
                           &selected_port);
  for (grpc::Service* service : services) builder.RegisterService(service);
  ApplyServerDefaults(builder);
  if (configure) configure(builder);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || selected_port == 0) {
    std::cerr << "error: " << name << " server cannot listen on " << requested
              << " (is the port in use, or the address not on this machine?)\n";
    return 1;
  }
  std::cout << name << " server listening on "
            << JoinHostPort(absl::GetFlag(FLAGS_address), selected_port)
            << " (Ctrl-C stops it)" << std::endl;

  // The server's own threads handle calls; this one only waits for Ctrl-C.
  const int signal = WaitForStopSignal(stop_signals);
  const auto grace =
      std::chrono::milliseconds(absl::GetFlag(FLAGS_shutdown_grace_ms));
  std::cout << name << " server: " << (signal == SIGINT ? "SIGINT" : "SIGTERM")
            << ", shutting down (in-flight calls get " << grace.count()
            << " ms)" << std::endl;
  // Shutdown() refuses new calls at once, lets running ones finish until the
  // deadline, then cancels the rest; so it always returns within `grace`.
  server->Shutdown(std::chrono::system_clock::now() + grace);
  server->Wait();
  std::cout << name << " server stopped" << std::endl;
  return 0;
}
// [end run-server]

}  // namespace workbook
