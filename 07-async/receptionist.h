// Lesson 07 (given): the receptionist the server program uses.
#ifndef WORKBOOK_07_ASYNC_RECEPTIONIST_H_
#define WORKBOOK_07_ASYNC_RECEPTIONIST_H_

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "server.h"

namespace workbook::async {

/// "Hello, <name>!"
std::string GreetingFor(const std::string& name);

/// A receptionist that writes each greeting by hand: `per_letter` for every
/// letter of the name, so a longer name takes longer and answers come back
/// in another order than the calls arrived. It greets from a thread of its
/// own; with `per_letter` zero every greeting is ready at once (GreetingNow).
///
/// It stands for any slow work a server waits for without a thread per call:
/// a database, another service, a timer.
class TimedReceptionist final : public Receptionist {
 public:
  /// Writes a line per arrival, greeting and visitor who left early to `log`
  /// (when not null), always from its own thread, never from gRPC's.
  explicit TimedReceptionist(std::chrono::milliseconds per_letter,
                             std::ostream* log = nullptr);
  /// Stops the thread. Visitors still waiting are never greeted: destroy it
  /// only after the server has shut down (which cancels every call).
  ~TimedReceptionist() override;
  TimedReceptionist(const TimedReceptionist&) = delete;
  TimedReceptionist& operator=(const TimedReceptionist&) = delete;

  void Arrive(Visitor* visitor, const std::string& name) override;
  void Leave(Visitor* visitor) override;
  std::optional<std::string> GreetingNow(const std::string& name) override;

 private:
  using Clock = std::chrono::steady_clock;
  struct Appointment {
    std::string name;
    Clock::time_point arrived;
  };
  using Schedule = std::multimap<Clock::time_point, Visitor*>;

  // The thread: greets every visitor whose greeting is due.
  void Run();

  const std::chrono::milliseconds per_letter_;
  std::ostream* const log_;
  std::mutex mutex_;
  std::condition_variable changed_;  // A visitor arrived, or stopping_.
  Schedule schedule_;                // Guarded by mutex_: when to greet whom.
  std::unordered_map<Visitor*, std::pair<Appointment, Schedule::iterator>>
      waiting_;                       // Guarded by mutex_.
  std::vector<std::string> arrived_;  // Guarded by mutex_: to log.
  std::vector<std::string> left_;     // Guarded by mutex_: to log.
  bool stopping_ = false;             // Guarded by mutex_.
  std::thread thread_;                // Started last: runs Run().
};

}  // namespace workbook::async

#endif  // WORKBOOK_07_ASYNC_RECEPTIONIST_H_
