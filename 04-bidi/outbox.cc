// Given code (not a task): the Outbox declared in server.h, a small closable
// queue with a size limit. It is the same on both tracks.
#include <utility>

#include "server.h"

namespace workbook::bidi {

// [begin outbox-push]
bool Outbox::Push(ChatEvent event) {
  bool queued = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (closed_) return false;
    if (events_.size() < capacity_) {
      events_.push_back(std::move(event));
      queued = true;
    } else {
      // The member is not keeping up. Waiting for it would stall whoever is
      // pushing (another member); queueing without a limit would let one
      // stuck client eat the server's memory. Give up on it instead.
      overflowed_ = true;
      closed_ = true;
      events_.clear();
    }
  }
  // Only the member's own handler thread waits in Pop(); wake it either way.
  changed_.notify_one();
  return queued;
}
// [end outbox-push]

std::optional<ChatEvent> Outbox::Pop() {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [this] { return closed_ || !events_.empty(); });
  if (events_.empty()) return std::nullopt;  // Closed, and everything taken.
  ChatEvent event = std::move(events_.front());
  events_.pop_front();
  return event;
}

void Outbox::Close() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
  }
  changed_.notify_all();
}

bool Outbox::overflowed() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return overflowed_;
}

std::size_t Outbox::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return events_.size();
}

}  // namespace workbook::bidi
