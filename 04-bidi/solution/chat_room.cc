#include <algorithm>

#include "server.h"

namespace workbook::bidi {

std::shared_ptr<Member> Room::Join(const std::string& name) {
  auto member = std::make_shared<Member>(name, outbox_capacity_);
  ChatEvent joined;
  joined.set_joined(name);

  std::lock_guard<std::mutex> lock(mutex_);
  // Tell the others before adding the newcomer, so it does not hear itself.
  Broadcast(joined, nullptr);
  ChatEvent welcome;
  Welcome* who_is_here = welcome.mutable_welcome();  // Set even when empty.
  for (const auto& other : members_) who_is_here->add_members(other->name);
  member->outbox.Push(std::move(welcome));  // The first event it receives.
  members_.push_back(member);
  return member;
}

void Room::Say(const Member& from, const std::string& text) {
  ChatEvent said;
  said.mutable_said()->set_from(from.name);
  said.mutable_said()->set_text(text);
  // Under the lock, so lines reach every member in one order. Pushing never
  // waits for a network, so holding the lock here stays cheap.
  std::lock_guard<std::mutex> lock(mutex_);
  Broadcast(said, &from);
}

void Room::Broadcast(const ChatEvent& event, const Member* except) {
  std::vector<std::shared_ptr<Member>> fell_behind;
  for (const auto& member : members_) {
    if (member.get() == except) continue;
    if (!member->outbox.Push(event)) fell_behind.push_back(member);
  }
  for (const auto& member : fell_behind) RemoveLocked(member);
}

void Room::Leave(const std::shared_ptr<Member>& member) {
  std::lock_guard<std::mutex> lock(mutex_);
  RemoveLocked(member);
}

void Room::RemoveLocked(const std::shared_ptr<Member>& member) {
  const auto found = std::find(members_.begin(), members_.end(), member);
  if (found == members_.end()) return;  // Already gone.
  members_.erase(found);
  member->outbox.Close();  // Its handler writes what is left, then stops.
  ChatEvent left;
  left.set_left(member->name);
  Broadcast(left, nullptr);
}

std::size_t Room::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return members_.size();
}

}  // namespace workbook::bidi
