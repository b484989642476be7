#include "common/testing/sync.h"

#include <set>
#include <thread>

namespace workbook::testing {
namespace {

// Every live Gate, so that shutting a test server down can open them all.
class GateRegistry {
 public:
  void Add(Gate* gate) {
    std::lock_guard<std::mutex> lock(mutex_);
    gates_.insert(gate);
  }
  void Remove(Gate* gate) {
    std::lock_guard<std::mutex> lock(mutex_);
    gates_.erase(gate);
  }
  // Holding the lock while opening means no gate is destroyed meanwhile:
  // ~Gate() must Remove() itself first.
  void OpenAll() {
    std::lock_guard<std::mutex> lock(mutex_);
    for (Gate* gate : gates_) gate->Open();
  }

 private:
  std::mutex mutex_;
  std::set<Gate*> gates_;
};

GateRegistry& Registry() {
  static GateRegistry* registry = new GateRegistry;  // Never destroyed.
  return *registry;
}

constexpr std::chrono::milliseconds kPollStep{1};

}  // namespace

Gate::Gate() { Registry().Add(this); }

Gate::~Gate() {
  Registry().Remove(this);
  Open();
  // A waiter still inside Wait() would wake up in a destroyed object.
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [this] { return waiters_ == 0; });
}

// Every notify happens under the lock: a waiter that returns may destroy
// the object at once, and must not do so while notify_all() still runs.
void Gate::Open() {
  std::lock_guard<std::mutex> lock(mutex_);
  open_ = true;
  changed_.notify_all();
}

bool Gate::is_open() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return open_;
}

bool Gate::Wait(std::chrono::milliseconds bound) {
  std::unique_lock<std::mutex> lock(mutex_);
  ++waiters_;
  changed_.notify_all();
  const bool opened = changed_.wait_for(lock, bound, [this] { return open_; });
  --waiters_;
  changed_.notify_all();
  return opened;
}

bool Gate::WaitOrCancelled(const grpc::ServerContextBase& context,
                           std::chrono::milliseconds bound) {
  const auto until = std::chrono::steady_clock::now() + bound;
  std::unique_lock<std::mutex> lock(mutex_);
  ++waiters_;
  changed_.notify_all();
  bool opened = false;
  while (true) {
    opened = changed_.wait_for(lock, kPollStep, [this] { return open_; });
    if (opened || std::chrono::steady_clock::now() >= until) break;
    // IsCancelled() talks to gRPC: not while holding our lock.
    lock.unlock();
    const bool cancelled = context.IsCancelled();
    lock.lock();
    if (cancelled) break;
  }
  opened = open_;
  --waiters_;
  changed_.notify_all();
  return opened;
}

int Gate::waiters() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return waiters_;
}

bool Gate::WaitForWaiters(int n, std::chrono::milliseconds bound) {
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_for(lock, bound, [this, n] { return waiters_ >= n; });
}

void OpenEveryGate() { Registry().OpenAll(); }

CountDownLatch::CountDownLatch(int count) : count_(count < 0 ? 0 : count) {}

void CountDownLatch::CountDown() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (count_ == 0) return;
  if (--count_ == 0) zero_.notify_all();
}

int CountDownLatch::count() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return count_;
}

bool CountDownLatch::Wait(std::chrono::milliseconds bound) {
  std::unique_lock<std::mutex> lock(mutex_);
  return zero_.wait_for(lock, bound, [this] { return count_ == 0; });
}

bool WaitUntil(const std::function<bool()>& condition,
               std::chrono::milliseconds bound) {
  const auto until = std::chrono::steady_clock::now() + bound;
  while (!condition()) {
    if (std::chrono::steady_clock::now() >= until) return false;
    std::this_thread::sleep_for(kPollStep);
  }
  return true;
}

}  // namespace workbook::testing
