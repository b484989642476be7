#include "receptionist.h"

#include <pthread.h>
#include <signal.h>

#include <cstdint>
#include <utility>

namespace workbook::async {
namespace {

// Starts a thread that never receives the process's signals. A new thread
// inherits the signal mask of the one that starts it; the server program's
// Ctrl-C handling (RunServer) expects SIGINT and SIGTERM to reach only the
// thread that waits for them, and this thread starts before RunServer runs.
std::thread StartWithoutSignals(std::function<void()> body) {
  sigset_t all, previous;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, &previous);
  std::thread thread(std::move(body));
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  return thread;
}

}  // namespace

std::string GreetingFor(const std::string& name) {
  return "Hello, " + name + "!";
}

TimedReceptionist::TimedReceptionist(std::chrono::milliseconds per_letter,
                                     std::ostream* log)
    : per_letter_(per_letter),
      log_(log),
      thread_(StartWithoutSignals([this] { Run(); })) {}

TimedReceptionist::~TimedReceptionist() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_one();
  thread_.join();
}

std::optional<std::string> TimedReceptionist::GreetingNow(
    const std::string& name) {
  if (per_letter_.count() != 0) return std::nullopt;
  return GreetingFor(name);
}

void TimedReceptionist::Arrive(Visitor* visitor, const std::string& name) {
  const Clock::time_point now = Clock::now();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto due = schedule_.emplace(
        now + per_letter_ * static_cast<int>(name.size()), visitor);
    waiting_.emplace(visitor, std::make_pair(Appointment{name, now}, due));
    arrived_.push_back(name);
  }
  changed_.notify_one();
}

void TimedReceptionist::Leave(Visitor* visitor) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto found = waiting_.find(visitor);
    if (found == waiting_.end()) return;  // Already greeted (or never here).
    schedule_.erase(found->second.second);
    left_.push_back(found->second.first.name);
    waiting_.erase(found);
  }
  // Leave() runs in a gRPC reaction: the log line is written by our thread.
  changed_.notify_one();
}

void TimedReceptionist::Run() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    std::vector<std::string> lines;
    for (const std::string& name : arrived_) {
      lines.push_back(name + " arrived; the greeting takes " +
                      std::to_string(per_letter_.count() *
                                     static_cast<int64_t>(name.size())) +
                      " ms");
    }
    arrived_.clear();
    for (const std::string& name : left_) {
      lines.push_back(name + " left before the greeting was ready");
    }
    left_.clear();
    const Clock::time_point now = Clock::now();
    while (!stopping_ && !schedule_.empty() &&
           schedule_.begin()->first <= now) {
      Visitor* visitor = schedule_.begin()->second;
      const auto entry = waiting_.find(visitor);
      const Appointment appointment = std::move(entry->second.first);
      schedule_.erase(schedule_.begin());
      waiting_.erase(entry);
      // Greeted under the lock: a concurrent Leave(visitor) waits for it, so
      // the visitor cannot be deleted while we are still talking to it.
      visitor->Greet(GreetingFor(appointment.name));
      const auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(
          now - appointment.arrived);
      lines.push_back("greeted " + appointment.name + " after " +
                      std::to_string(waited.count()) + " ms");
    }
    if (log_ != nullptr && !lines.empty()) {
      lock.unlock();
      for (const std::string& line : lines) *log_ << line << std::endl;
      lock.lock();
      continue;  // Things may have changed while the lock was released.
    }
    if (stopping_) return;  // Only once everything is logged.
    if (schedule_.empty()) {
      changed_.wait(lock);
    } else {
      // A copy: wait_until() reads its argument again after waking, and a
      // Leave() meanwhile may have erased the schedule entry it came from.
      const Clock::time_point next_due = schedule_.begin()->first;
      changed_.wait_until(lock, next_due);
    }
  }
}

}  // namespace workbook::async
