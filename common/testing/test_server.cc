#include "common/testing/test_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <stdexcept>

#include "common/testing/sync.h"

namespace workbook::testing {

std::chrono::system_clock::time_point DeadlineIn(
    std::chrono::milliseconds timeout) {
  return std::chrono::system_clock::now() + timeout;
}

std::unique_ptr<grpc::ClientContext> ContextWithDeadline(
    std::chrono::milliseconds timeout) {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(DeadlineIn(timeout));
  return context;
}

TestServer::TestServer(const std::vector<grpc::Service*>& services,
                       const ConfigureServer& configure) {
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(),
                           &port);
  for (grpc::Service* service : services) builder.RegisterService(service);
  ApplyServerDefaults(builder);
  if (configure) configure(builder);
  server_ = builder.BuildAndStart();
  if (server_ == nullptr || port == 0) {
    throw std::runtime_error("test server could not start on 127.0.0.1:0");
  }
  address_ = "127.0.0.1:" + std::to_string(port);
}

TestServer::~TestServer() { Shutdown(); }

std::shared_ptr<grpc::Channel> TestServer::NewChannel() const {
  // A channel argument that differs per call keeps gRPC from sharing one
  // connection between channels, so each channel really is its own client.
  grpc::ChannelArguments args;
  static std::atomic<int> channel_number{0};
  args.SetInt("workbook.test_channel", ++channel_number);
  return grpc::CreateCustomChannel(address_, grpc::InsecureChannelCredentials(),
                                   args);
}

void TestServer::Shutdown() {
  if (server_ == nullptr) return;
  // A sync handler parked on a gate would keep Shutdown() from returning:
  // gRPC never interrupts a handler, it waits for it.
  OpenEveryGate();
  server_->Shutdown(DeadlineIn(kShutdownGrace));
  server_->Wait();
  server_.reset();
}

RefusingAddress::RefusingAddress() {
  socket_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (socket_ < 0 ||
      bind(socket_, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
      getsockname(socket_, reinterpret_cast<sockaddr*>(&address), &length) !=
          0) {
    throw std::runtime_error("cannot reserve a loopback port");
  }
  address_ = "127.0.0.1:" + std::to_string(ntohs(address.sin_port));
}

RefusingAddress::~RefusingAddress() { close(socket_); }

}  // namespace workbook::testing
