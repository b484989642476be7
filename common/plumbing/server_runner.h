// Running a lesson's server as a program: listen, print the address, stop on
// Ctrl-C. The gRPC part (ServerBuilder) is in server_runner.cc and lesson 01
// walks through it; the rest is process plumbing.
#ifndef WORKBOOK_COMMON_PLUMBING_SERVER_RUNNER_H_
#define WORKBOOK_COMMON_PLUMBING_SERVER_RUNNER_H_

#include <grpcpp/server_builder.h>

#include <functional>
#include <string_view>
#include <vector>

namespace workbook {

/// The largest message a workbook server accepts. gRPC rejects a bigger one
/// with RESOURCE_EXHAUSTED before any service code sees it.
inline constexpr int kMaxReceiveMessageBytes = 1 << 20;  // 1 MiB

/// Options every workbook server uses, in programs and in tests alike: the
/// message size limit, and no SO_REUSEPORT (a second server on a busy port
/// fails to start instead of silently sharing it).
void ApplyServerDefaults(grpc::ServerBuilder& builder);

/// Optional extra configuration of the builder (e.g. a lesson's own limits).
using ConfigureServer = std::function<void(grpc::ServerBuilder&)>;

/// Serves `services` on --address:--port (flags) until SIGINT or SIGTERM,
/// then shuts down gracefully: in-flight calls get --shutdown_grace_ms to
/// finish and are cancelled after that. Prints
///   "<name> server listening on <address>:<port>"
/// once it accepts calls (with --port=0, the port the system picked).
/// Returns the program's exit code: 0 after a clean shutdown, 1 when it
/// cannot listen. Call it from main() after workbook::ParseFlags().
int RunServer(std::string_view name,
              const std::vector<grpc::Service*>& services,
              const ConfigureServer& configure = nullptr);

}  // namespace workbook

#endif  // WORKBOOK_COMMON_PLUMBING_SERVER_RUNNER_H_
