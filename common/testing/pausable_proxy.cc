#include "common/testing/pausable_proxy.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <stdexcept>

namespace workbook::testing {
namespace {

// How much of one direction the relay buffers before it stops reading: past
// this, the bytes wait in the kernel, and TCP flow control slows the sender.
constexpr size_t kBufferLimit = 64 * 1024;

// "127.0.0.1:50051" -> an IPv4 socket address.
sockaddr_in ParseAddress(const std::string& address) {
  const size_t colon = address.rfind(':');
  sockaddr_in parsed{};
  parsed.sin_family = AF_INET;
  if (colon == std::string::npos ||
      inet_pton(AF_INET, address.substr(0, colon).c_str(), &parsed.sin_addr) !=
          1) {
    throw std::runtime_error("PausableProxy needs an IPv4 host:port, not " +
                             address);
  }
  parsed.sin_port =
      htons(static_cast<uint16_t>(std::stoi(address.substr(colon + 1))));
  return parsed;
}

// gRPC writes small frames; without TCP_NODELAY the relay would add the
// Nagle delay to each of them.
void NoDelay(int socket) {
  int on = 1;
  setsockopt(socket, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
}

// Bytes travelling one way: read from `from`, buffered, written to `to`.
struct Flow {
  Flow(int from_socket, int to_socket) : from(from_socket), to(to_socket) {}

  int from;
  int to;
  std::string buffer;
  bool ended = false;      // `from` reached end of stream.
  bool forwarded = false;  // ...and `to` was told so.

  bool WantsToRead() const { return !ended && buffer.size() < kBufferLimit; }

  // Moves what it can without blocking. False if a socket failed.
  bool Transfer() {
    if (WantsToRead()) {
      char chunk[16 * 1024];
      const ssize_t n = recv(from, chunk, sizeof chunk, MSG_DONTWAIT);
      if (n > 0) {
        buffer.append(chunk, static_cast<size_t>(n));
      } else if (n == 0) {
        ended = true;
      } else if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
        return false;
      }
    }
    while (!buffer.empty()) {
      // MSG_NOSIGNAL: a peer that left is an error here, not a SIGPIPE that
      // kills the test program.
      const ssize_t n =
          send(to, buffer.data(), buffer.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
      if (n > 0) {
        buffer.erase(0, static_cast<size_t>(n));
      } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        break;
      } else if (n < 0 && errno != EINTR) {
        return false;
      }
    }
    if (ended && buffer.empty() && !forwarded) {
      shutdown(to, SHUT_WR);
      forwarded = true;
    }
    return true;
  }
};

pollfd Watch(int socket, bool read, bool write) {
  const short events = (read ? POLLIN : 0) | (write ? POLLOUT : 0);
  // A socket polled for nothing would still report a hang-up, again and
  // again: leave it out (poll ignores negative descriptors).
  return pollfd{events == 0 ? -1 : socket, events, 0};
}

}  // namespace

struct PausableProxy::Link {
  Link(int client_socket, int server_socket)
      : client(client_socket),
        server(server_socket),
        up{client_socket, server_socket},
        down{server_socket, client_socket} {}
  ~Link() {
    close(client);
    close(server);
  }
  Link(const Link&) = delete;
  Link& operator=(const Link&) = delete;

  int client;
  int server;
  Flow up;    // client -> server
  Flow down;  // server -> client
  bool done = false;
};

PausableProxy::PausableProxy(const std::string& upstream_address)
    : upstream_address_(upstream_address) {
  ParseAddress(upstream_address_);  // Fail now, not at the first client.
  listener_ = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  sockaddr_in address = ParseAddress("127.0.0.1:0");
  socklen_t length = sizeof address;
  if (listener_ < 0 ||
      bind(listener_, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
      listen(listener_, 16) != 0 ||
      getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) !=
          0) {
    if (listener_ >= 0) close(listener_);
    throw std::runtime_error("PausableProxy cannot listen on 127.0.0.1");
  }
  address_ = "127.0.0.1:" + std::to_string(ntohs(address.sin_port));
  wake_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  thread_ = std::thread([this] { Relay(); });
}

PausableProxy::~PausableProxy() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  Wake();
  thread_.join();
  links_.clear();
  close(listener_);
  close(wake_);
}

void PausableProxy::HoldServerToClient() {
  // Transfers happen under mutex_, so once this has the lock none is under
  // way, and every later one sees holding_.
  {
    std::lock_guard<std::mutex> lock(mutex_);
    holding_ = true;
  }
  Wake();
}

void PausableProxy::Release() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    holding_ = false;
  }
  Wake();
}

void PausableProxy::Wake() {
  const uint64_t one = 1;
  [[maybe_unused]] const ssize_t written = write(wake_, &one, sizeof one);
}

void PausableProxy::AcceptClient() {
  const int client =
      accept4(listener_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
  if (client < 0) return;
  const int server = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  const sockaddr_in upstream = ParseAddress(upstream_address_);
  // A blocking connect: on loopback it is immediate.
  if (server < 0 ||
      connect(server, reinterpret_cast<const sockaddr*>(&upstream),
              sizeof upstream) != 0) {
    close(client);  // The client sees the connection fail, as without us.
    if (server >= 0) close(server);
    return;
  }
  fcntl(server, F_SETFL, fcntl(server, F_GETFL) | O_NONBLOCK);
  NoDelay(client);
  NoDelay(server);
  links_.push_back(std::make_unique<Link>(client, server));
}

void PausableProxy::Relay() {
  std::vector<pollfd> watched;
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    watched.clear();
    watched.push_back({wake_, POLLIN, 0});
    watched.push_back({listener_, POLLIN, 0});
    for (const auto& link : links_) {
      const bool relay_down = !holding_;
      watched.push_back(Watch(link->client, link->up.WantsToRead(),
                              relay_down && !link->down.buffer.empty()));
      watched.push_back(Watch(link->server,
                              relay_down && link->down.WantsToRead(),
                              !link->up.buffer.empty()));
    }
    // Wait without the lock, so Hold/Release/~PausableProxy can take it.
    lock.unlock();
    poll(watched.data(), watched.size(), -1);
    lock.lock();
    if (stopping_) break;
    if (watched[0].revents != 0) {
      uint64_t wakes;
      [[maybe_unused]] const ssize_t got = read(wake_, &wakes, sizeof wakes);
    }
    if (watched[1].revents != 0) AcceptClient();
    // Each transfer only does what it can without blocking, so trying every
    // link is simpler than matching revents and costs nothing in a test.
    for (const auto& link : links_) {
      const bool ok =
          link->up.Transfer() && (holding_ || link->down.Transfer());
      link->done = !ok || (link->up.forwarded && link->down.forwarded);
    }
    links_.erase(std::remove_if(links_.begin(), links_.end(),
                                [](const auto& link) { return link->done; }),
                 links_.end());
  }
}

}  // namespace workbook::testing
