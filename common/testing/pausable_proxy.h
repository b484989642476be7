// A loopback TCP relay between a client and a server that can hold the
// server's replies, to show what happens on the network rather than in code:
// e.g. a server that answered OK to a client whose deadline then passed.
#ifndef WORKBOOK_COMMON_TESTING_PAUSABLE_PROXY_H_
#define WORKBOOK_COMMON_TESTING_PAUSABLE_PROXY_H_

#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace workbook::testing {

/// Relays every connection made to address() to `upstream_address`, byte for
/// byte, on a thread of its own. HoldServerToClient() stops relaying the
/// server's bytes: they wait in the relay and in kernel buffers, nothing is
/// dropped, and Release() delivers them. Point a channel at address() and
/// make one call first ("warm up"), so that the connection and the HTTP/2
/// handshake are done before anything is held.
class PausableProxy {
 public:
  /// Starts relaying to `upstream_address`, "127.0.0.1:<port>" (IPv4).
  /// Throws std::runtime_error if it cannot listen.
  explicit PausableProxy(const std::string& upstream_address);
  /// Stops the relay thread and closes every connection.
  ~PausableProxy();
  PausableProxy(const PausableProxy&) = delete;
  PausableProxy& operator=(const PausableProxy&) = delete;

  /// "127.0.0.1:<port>", where clients connect.
  const std::string& address() const { return address_; }

  /// Stops relaying server->client bytes. When it returns, no more of them
  /// reach a client until Release(). Client->server bytes still flow.
  void HoldServerToClient();
  /// Relays in both directions again, starting with what was held.
  void Release();

 private:
  struct Link;  // One client connection and its connection upstream.

  void Relay();         // The relay thread's loop.
  void AcceptClient();  // A client connected: connect it upstream.
  void Wake();          // Makes the relay thread look at its state again.

  std::string upstream_address_;
  std::string address_;
  int listener_ = -1;
  int wake_ = -1;  // An eventfd the relay thread polls besides the sockets.

  std::mutex mutex_;  // Guards holding_, stopping_ and every transfer.
  bool holding_ = false;
  bool stopping_ = false;

  std::vector<std::unique_ptr<Link>> links_;  // Only the relay thread.
  std::thread thread_;
};

}  // namespace workbook::testing

#endif  // WORKBOOK_COMMON_TESTING_PAUSABLE_PROXY_H_
