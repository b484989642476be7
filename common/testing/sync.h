// Building blocks for tests of timing-related behaviour (deadlines,
// cancellation, calls held open) that never sleep to synchronise: the test
// waits for *events* - a gate opened, a value set, N calls arrived - and every
// wait has a bound, so a bug fails the test instead of hanging it.
#ifndef WORKBOOK_COMMON_TESTING_SYNC_H_
#define WORKBOOK_COMMON_TESTING_SYNC_H_

#include <grpcpp/server_context.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <utility>

namespace workbook::testing {

/// The bound on every wait for an event. Generous: on a loaded 2-core
/// machine an event can take a while, and only a bug takes this long.
inline constexpr std::chrono::milliseconds kEventTimeout{5000};

/// A gate that server code waits on and the test opens: "hold this call
/// until I say so". Once open, it stays open.
///
/// Every live Gate registers itself, and TestServer::Shutdown() (so every
/// ServiceTest's TearDown) opens them all before shutting the server down: a
/// sync handler still parked on a gate would otherwise keep the server from
/// finishing its shutdown.
class Gate {
 public:
  Gate();
  /// Opens the gate and waits until no thread is inside Wait() any more.
  ~Gate();
  Gate(const Gate&) = delete;
  Gate& operator=(const Gate&) = delete;

  /// Lets every waiter (present and future) through.
  void Open();
  /// Whether Open() was called.
  bool is_open() const;

  /// Waits until the gate is open: true once it is, false after `bound`.
  bool Wait(std::chrono::milliseconds bound = kEventTimeout);

  /// Waits until the gate is open (true) or the call of `context` is
  /// cancelled (false; also false after `bound`). For handlers that must not
  /// keep waiting for a client that already left. The sync API only lets a
  /// handler *poll* IsCancelled(), so this checks it every millisecond.
  bool WaitOrCancelled(const grpc::ServerContextBase& context,
                       std::chrono::milliseconds bound = kEventTimeout);

  /// How many threads are inside Wait() or WaitOrCancelled() right now.
  int waiters() const;
  /// Waits until at least `n` threads wait at the gate: "the calls have
  /// arrived and are parked". False after `bound`.
  bool WaitForWaiters(int n, std::chrono::milliseconds bound = kEventTimeout);

 private:
  mutable std::mutex mutex_;
  std::condition_variable changed_;  // open_ or waiters_ changed.
  bool open_ = false;
  int waiters_ = 0;
};

/// Opens every Gate that exists right now. TestServer::Shutdown() calls it.
void OpenEveryGate();

/// A one-shot value passed from one thread to another, e.g. "the handler
/// returned, with this status". The first Set() wins; later ones are
/// ignored, so a value once seen never changes.
template <typename T>
class Signal {
 public:
  /// Sets the value, unless it was set before.
  void Set(T value) {
    // Notifying under the lock: a waiter that returns may destroy the
    // Signal at once, and must not do so while notify_all() still runs.
    std::lock_guard<std::mutex> lock(mutex_);
    if (value_.has_value()) return;
    value_.emplace(std::move(value));
    set_.notify_all();
  }

  /// Whether Set() was called.
  bool IsSet() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return value_.has_value();
  }

  /// Waits for the value: a copy of it, or nothing after `bound`.
  std::optional<T> Get(std::chrono::milliseconds bound = kEventTimeout) {
    std::unique_lock<std::mutex> lock(mutex_);
    set_.wait_for(lock, bound, [this] { return value_.has_value(); });
    return value_;
  }

 private:
  mutable std::mutex mutex_;
  std::condition_variable set_;
  std::optional<T> value_;
};

/// Counts events down to zero: "N calls have arrived".
class CountDownLatch {
 public:
  /// A latch that opens after `count` CountDown() calls.
  explicit CountDownLatch(int count);
  CountDownLatch(const CountDownLatch&) = delete;
  CountDownLatch& operator=(const CountDownLatch&) = delete;

  /// One event happened. Below zero the count stays at zero.
  void CountDown();
  /// The events still missing.
  int count() const;
  /// Waits until the count is zero: true then, false after `bound`.
  bool Wait(std::chrono::milliseconds bound = kEventTimeout);

 private:
  mutable std::mutex mutex_;
  std::condition_variable zero_;
  int count_;
};

/// Waits until `condition` holds, checking it every millisecond: true as soon
/// as it does, false if it still does not after `bound`.
///
/// This waits for a *state* that cannot announce itself - for example
/// ServerContext::IsCancelled(), which the sync API only lets you poll. It
/// is not a sleep used as synchronisation: it returns the moment the state
/// is reached, and a state never reached fails at the bound.
bool WaitUntil(const std::function<bool()>& condition,
               std::chrono::milliseconds bound = kEventTimeout);

}  // namespace workbook::testing

#endif  // WORKBOOK_COMMON_TESTING_SYNC_H_
