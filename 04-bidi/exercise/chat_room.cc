#include <algorithm>

#include "server.h"

namespace workbook::bidi {

// TODO(04.3): the room. It delivers events only into members' outboxes,
// never to a stream, and every member sees them in one order, whichever
// threads call it. The tests (Task3_Room, no gRPC) check: a newcomer's
// welcome and the others' `joined`; a line reaches everyone but its sender;
// leaving tells the others once and closes the outbox; a member whose outbox
// is full is dropped; 8 members saying 100 lines at once, each line heard
// exactly once and in its sender's order.

std::shared_ptr<Member> Room::Join(const std::string& name) {
  // TODO(04.3): add a member called `name`. Its first event is a `welcome`
  // naming everyone already here, in the order they joined; each of them
  // hears that `name` joined, and the newcomer does not.
  return std::make_shared<Member>(name, outbox_capacity_);
}

void Room::Say(const Member& from, const std::string& text) {
  // TODO(04.3): everyone but `from` hears `said` (from.name, text).
  (void)from;
  (void)text;
}

void Room::Broadcast(const ChatEvent& event, const Member* except) {
  // TODO(04.3): deliver `event` to every member but `except` (which may be
  // null). A member whose outbox cannot take it has fallen behind: it leaves
  // the room, and the others hear that it left.
  (void)event;
  (void)except;
}

void Room::Leave(const std::shared_ptr<Member>& member) {
  std::lock_guard<std::mutex> lock(mutex_);
  RemoveLocked(member);
}

void Room::RemoveLocked(const std::shared_ptr<Member>& member) {
  // TODO(04.3): if `member` is still in the room: remove it, close its
  // outbox and tell the others it left. Otherwise do nothing.
  (void)member;
}

std::size_t Room::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return members_.size();
}

}  // namespace workbook::bidi
