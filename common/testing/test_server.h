// The shared test fixture: a real gRPC server inside the test process.
#ifndef WORKBOOK_COMMON_TESTING_TEST_SERVER_H_
#define WORKBOOK_COMMON_TESTING_TEST_SERVER_H_

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "common/plumbing/server_runner.h"

namespace workbook::testing {

/// Every RPC a test makes carries this deadline, so a bug fails the test in
/// seconds instead of hanging it.
inline constexpr std::chrono::milliseconds kRpcDeadline{5000};

/// How long TearDown lets in-flight calls finish before cancelling them.
inline constexpr std::chrono::milliseconds kShutdownGrace{1000};

/// A time point `timeout` from now, for ClientContext::set_deadline().
std::chrono::system_clock::time_point DeadlineIn(
    std::chrono::milliseconds timeout = kRpcDeadline);

/// A ClientContext whose deadline is `timeout` from now.
std::unique_ptr<grpc::ClientContext> ContextWithDeadline(
    std::chrono::milliseconds timeout = kRpcDeadline);

/// Serves `services` on 127.0.0.1 at a port the system picks, with the same
/// options as the lesson programs. Throws if the server cannot start.
class TestServer {
 public:
  explicit TestServer(const std::vector<grpc::Service*>& services,
                      const ConfigureServer& configure = nullptr);
  ~TestServer();
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  /// "127.0.0.1:<port>"
  const std::string& address() const { return address_; }

  /// A new channel to this server (each channel is its own connection).
  std::shared_ptr<grpc::Channel> NewChannel() const;

  /// A stub of service `Generated` (the class protoc generates, e.g.
  /// `Greeter`) on a new channel to this server: `NewStub<Greeter>()`.
  template <typename Generated>
  std::unique_ptr<typename Generated::Stub> NewStub() const {
    return Generated::NewStub(NewChannel());
  }

  /// Opens every Gate (sync.h), so that no handler stays parked on one, then
  /// stops accepting calls, lets running ones finish within kShutdownGrace,
  /// and cancels the rest. Safe to call more than once.
  void Shutdown();

 private:
  std::unique_ptr<grpc::Server> server_;
  std::string address_;
};

/// A loopback address where no server listens: the port is bound (so no
/// other program can take it) but not listening, so a connection attempt is
/// refused at once. For testing what a client does without a server.
class RefusingAddress {
 public:
  RefusingAddress();
  ~RefusingAddress();
  RefusingAddress(const RefusingAddress&) = delete;
  RefusingAddress& operator=(const RefusingAddress&) = delete;

  /// "127.0.0.1:<port>"
  const std::string& address() const { return address_; }

 private:
  int socket_ = -1;
  std::string address_;
};

/// Fixture for a test suite about one service: `service_` runs in
/// `server_` for the duration of each test. Name the suite after the task:
///
///     class Task1_ServerSaysHello : public ServiceTest<GreeterService> {};
///
/// A service whose constructor takes arguments gets them from the suite's
/// constructor:
///
///     class Task2_Upload : public ServiceTest<FileStoreService> {
///      protected:
///       Task2_Upload() : ServiceTest(kSmallLimit) {}
///     };
template <typename ServiceT>
class ServiceTest : public ::testing::Test {
 protected:
  /// Constructs `service_` from `service_args`, then starts `server_`.
  template <typename... Args>
  explicit ServiceTest(Args&&... service_args)
      : service_(std::forward<Args>(service_args)...) {}

  /// Opens every Gate and shuts the server down (TestServer::Shutdown()).
  void TearDown() override { server_.Shutdown(); }

  /// A stub of `Generated` on a new channel to `server_`.
  template <typename Generated>
  std::unique_ptr<typename Generated::Stub> NewStub() const {
    return server_.NewStub<Generated>();
  }

  ServiceT service_;
  TestServer server_{{&service_}};
};

}  // namespace workbook::testing

#endif  // WORKBOOK_COMMON_TESTING_TEST_SERVER_H_
