// The shared test fixture: a real gRPC server inside the test process.
#ifndef WORKBOOK_COMMON_TESTING_TEST_SERVER_H_
#define WORKBOOK_COMMON_TESTING_TEST_SERVER_H_

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
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

  /// Stops accepting calls, lets running ones finish within kShutdownGrace,
  /// cancels the rest. Safe to call more than once.
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
///   class Task1_ServerSaysHello : public ServiceTest<GreeterService> {...};
template <typename ServiceT>
class ServiceTest : public ::testing::Test {
 protected:
  void TearDown() override { server_.Shutdown(); }

  ServiceT service_;
  TestServer server_{{&service_}};
};

}  // namespace workbook::testing

#endif  // WORKBOOK_COMMON_TESTING_TEST_SERVER_H_
