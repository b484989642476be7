// Lesson checks (they pass on the stubs): what a call does while its channel
// cannot connect. Without wait_for_ready it fails UNAVAILABLE at once; with
// it, it waits for the server, and only its deadline bounds that wait.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>

#include "calls.h"
#include "common/plumbing/rpc_errors.h"
#include "common/testing/sync.h"
#include "common/testing/test_server.h"
#include "server.h"

namespace workbook::deadlines {
namespace {

using workbook::testing::kRpcDeadline;
using workbook::testing::WaitUntil;

// A loopback port kept for a server that starts later. The socket is bound
// but does not listen, so connecting to the port is refused meanwhile. It
// binds with SO_REUSEPORT, as gRPC's own listeners do by default, so the
// server can bind the same port while the reservation still holds it: no
// other program can take the port in between.
class PortReservation {
 public:
  PortReservation() {
    socket_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const int on = 1;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (socket_ < 0 ||
        setsockopt(socket_, SOL_SOCKET, SO_REUSEPORT, &on, sizeof on) != 0 ||
        bind(socket_, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
        getsockname(socket_, reinterpret_cast<sockaddr*>(&address), &length) !=
            0) {
      throw std::runtime_error("cannot reserve a loopback port");
    }
    address_ = "127.0.0.1:" + std::to_string(ntohs(address.sin_port));
  }
  ~PortReservation() { close(socket_); }
  PortReservation(const PortReservation&) = delete;
  PortReservation& operator=(const PortReservation&) = delete;

  const std::string& address() const { return address_; }

 private:
  int socket_ = -1;
  std::string address_;
};

// A port where every connection is accepted and closed at once, so each
// attempt of a client to connect fails, and is counted.
class SlammingDoor {
 public:
  SlammingDoor() : attempts_(kCounted) {
    listener_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (listener_ < 0 ||
        bind(listener_, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
        listen(listener_, 16) != 0 ||
        getsockname(listener_, reinterpret_cast<sockaddr*>(&address),
                    &length) != 0) {
      throw std::runtime_error("cannot listen on a loopback port");
    }
    address_ = "127.0.0.1:" + std::to_string(ntohs(address.sin_port));
    thread_ = std::thread([this] {
      // accept() fails once the destructor shuts the listener down.
      for (int client; (client = accept(listener_, nullptr, nullptr)) >= 0;) {
        close(client);
        attempts_.CountDown();
      }
    });
  }
  ~SlammingDoor() {
    shutdown(listener_, SHUT_RDWR);
    thread_.join();
    close(listener_);
  }
  SlammingDoor(const SlammingDoor&) = delete;
  SlammingDoor& operator=(const SlammingDoor&) = delete;

  const std::string& address() const { return address_; }
  /// Waits until `n` (at most kCounted) connections were attempted.
  bool WaitForAttempts(int n) {
    return WaitUntil([&] { return kCounted - attempts_.count() >= n; });
  }

 private:
  static constexpr int kCounted = 100;
  int listener_ = -1;
  std::string address_;
  workbook::testing::CountDownLatch attempts_;
  std::thread thread_;
};

// A channel that tries to connect again 100 ms after a failure. gRPC's
// default is to wait 1 s, then longer after each failure (up to 2 min).
std::shared_ptr<grpc::Channel> QuickRetryChannel(const std::string& target) {
  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 100);
  args.SetInt(GRPC_ARG_MIN_RECONNECT_BACKOFF_MS, 100);
  args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 100);
  return grpc::CreateCustomChannel(target, grpc::InsecureChannelCredentials(),
                                   args);
}

// The channel has tried to connect and failed.
bool HasFailedToConnect(grpc::Channel& channel) {
  return channel.GetState(/*try_to_connect=*/false) ==
         GRPC_CHANNEL_TRANSIENT_FAILURE;
}

TEST(Readiness, WithoutWaitForReadyACallFailsAtOnce) {
  workbook::testing::RefusingAddress nobody;
  auto stub = GuestBook::NewStub(QuickRetryChannel(nobody.address()));
  BackgroundCall call =
      BackgroundCall::Start(*stub, Request("r-1"), kRpcDeadline);
  std::optional<grpc::Status> status = call.status();
  ASSERT_TRUE(status);
  // UNAVAILABLE, not DEADLINE_EXCEEDED: the call failed with the first
  // failed connection attempt and did not wait for its deadline.
  EXPECT_EQ(status->error_code(), grpc::StatusCode::UNAVAILABLE)
      << workbook::DescribeStatus(*status);
}

// [begin wait-for-ready]
TEST(Readiness, WaitForReadyWaitsForAServerThatStartsLater) {
  PortReservation port;
  auto channel = QuickRetryChannel(port.address());
  auto stub = GuestBook::NewStub(channel);
  BackgroundCall call =
      BackgroundCall::Start(*stub, Request("r-1"), kRpcDeadline,
                            /*wait_for_ready=*/true);
  ASSERT_TRUE(WaitUntil([&] { return HasFailedToConnect(*channel); }));
  EXPECT_FALSE(call.ended())
      << "with wait_for_ready, a failed connection does not fail the call";

  // Now the server starts, on the port the call is waiting for.
  Book book;
  GuestBookService service(book, NoDelay, std::chrono::milliseconds(0));
  // A plain builder, not TestServer: the workbook's defaults turn
  // SO_REUSEPORT off, and sharing the port with the reservation needs it.
  grpc::ServerBuilder builder;
  builder.AddListeningPort(port.address(), grpc::InsecureServerCredentials());
  builder.RegisterService(&service);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  ASSERT_NE(server, nullptr);

  std::optional<grpc::Status> status = call.status();
  ASSERT_TRUE(status) << "the call never ended";
  // The exercise's GuestBook answers UNIMPLEMENTED until Task 1 is done:
  // what matters here is that the server answered at all.
  EXPECT_NE(status->error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_NE(status->error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  server->Shutdown(
      workbook::testing::DeadlineIn(workbook::testing::kShutdownGrace));
}
// [end wait-for-ready]

TEST(Readiness, WaitForReadyWithoutADeadlineWaitsThroughEveryFailure) {
  SlammingDoor door;
  auto stub = GuestBook::NewStub(QuickRetryChannel(door.address()));
  // No deadline, on purpose: this is the call that would wait forever. The
  // test ends it itself (TryCancel), so it cannot hang.
  BackgroundCall call =
      BackgroundCall::Start(*stub, Request("r-1"), std::nullopt,
                            /*wait_for_ready=*/true);
  ASSERT_TRUE(door.WaitForAttempts(3));
  EXPECT_FALSE(call.ended())
      << "three failed connections, and the call still waits: nothing but "
         "a deadline (or a cancel) ends this wait";

  call.Cancel();
  std::optional<grpc::Status> status = call.status();
  ASSERT_TRUE(status);
  EXPECT_EQ(status->error_code(), grpc::StatusCode::CANCELLED);
}

}  // namespace
}  // namespace workbook::deadlines
