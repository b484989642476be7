#include <algorithm>

#include "server.h"

namespace workbook::bidi {

// TODO(04.3): the room. Every method takes mutex_ (Broadcast and
// RemoveLocked expect it held) and delivers events only by pushing them into
// outboxes: the room never writes to a stream.

std::shared_ptr<Member> Room::Join(const std::string& name) {
  // TODO(04.3): make the member (std::make_shared<Member>(name,
  // outbox_capacity_)), tell everyone already here that `name` joined, push a
  // `welcome` listing them into the newcomer's outbox, then add it to
  // members_.
  return std::make_shared<Member>(name, outbox_capacity_);
}

void Room::Say(const Member& from, const std::string& text) {
  // TODO(04.3): broadcast a `said` event (from.name, text) to all but `from`.
  (void)from;
  (void)text;
}

void Room::Broadcast(const ChatEvent& event, const Member* except) {
  // TODO(04.3): push `event` into every outbox but `except`'s. Push() returns
  // false for a member that fell behind: remove those (RemoveLocked) after
  // the loop, not while iterating over members_.
  (void)event;
  (void)except;
}

void Room::Leave(const std::shared_ptr<Member>& member) {
  std::lock_guard<std::mutex> lock(mutex_);
  RemoveLocked(member);
}

void Room::RemoveLocked(const std::shared_ptr<Member>& member) {
  // TODO(04.3): if `member` is still in members_: erase it, close its outbox
  // and tell the others it left.
  (void)member;
}

std::size_t Room::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return members_.size();
}

}  // namespace workbook::bidi
