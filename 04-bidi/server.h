// Lesson 04: the server side of bidirectional streaming: a greeter that
// answers every name at once, and a chat room.
#ifndef WORKBOOK_04_BIDI_SERVER_H_
#define WORKBOOK_04_BIDI_SERVER_H_

#include <grpcpp/grpcpp.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bidi.grpc.pb.h"

namespace workbook::bidi {

/// The longest name (a greeting's or a chat member's), in bytes.
inline constexpr std::size_t kMaxNameBytes = 100;

/// The longest line a chat member may send, in bytes.
inline constexpr std::size_t kMaxTextBytes = 1000;

/// How many events may wait for one chat member before the room gives up on
/// that member (see Outbox).
inline constexpr std::size_t kOutboxCapacity = 1000;

/// Given: OK for a name of 1 to kMaxNameBytes bytes that is not only spaces;
/// INVALID_ARGUMENT with a message saying what to change otherwise.
grpc::Status ValidateName(const std::string& name);

/// Given: OK for a chat line of 1 to kMaxTextBytes bytes; INVALID_ARGUMENT
/// otherwise.
grpc::Status ValidateText(const std::string& text);

/// The Greeter service: SayHelloBiStream with the synchronous API.
///
/// gRPC runs the handler on one of its threads for the whole call. The
/// handler holds the stream: Read() takes the next message the client sent
/// (blocking until one arrives), Write() sends one back. Nothing forces the
/// handler to read everything before writing; that freedom is what makes the
/// call bidirectional.
// [begin greeter-service]
class GreeterService final : public Greeter::Service {
 public:
  /// Task 1: for every HelloRequest read, writes "Hello, <name>!" at once,
  /// before reading the next. Ends with OK when the client is done, and with
  /// INVALID_ARGUMENT at the first invalid name (see ValidateName).
  grpc::Status SayHelloBiStream(
      grpc::ServerContext* context,
      grpc::ServerReaderWriter<HelloReply, HelloRequest>* stream) override;
};
// [end greeter-service]

/// Given: the events waiting to be written to one chat member's stream.
///
/// gRPC allows only one write in flight on a stream, so a member's stream has
/// exactly one writer: that member's own handler thread, which takes events
/// from its outbox with Pop() and writes them. Every other thread (the other
/// members, saying something) only Push()es into the outbox, which never
/// blocks. A member that stops reading can therefore never stall the others;
/// its outbox fills up instead, and at `capacity` events Push() gives up on
/// it (overflowed()) and the room drops the member.
///
/// Thread-safe.
class Outbox {
 public:
  /// An outbox that holds at most `capacity` events.
  explicit Outbox(std::size_t capacity) : capacity_(capacity) {}

  /// Queues `event` for writing. Returns false, and queues nothing, when the
  /// outbox is closed, or full: then it closes itself, drops what it held
  /// and counts as overflowed().
  bool Push(ChatEvent event);

  /// Waits for the next event and returns it; returns nothing once the outbox
  /// is closed and every event queued before Close() has been taken.
  std::optional<ChatEvent> Pop();

  /// No more events: Push() fails from now on; Pop() hands out what is left,
  /// then returns nothing. Safe to call more than once.
  void Close();

  /// True when Push() found the outbox full: its member fell behind.
  bool overflowed() const;

  /// How many events are waiting.
  std::size_t size() const;

 private:
  mutable std::mutex mutex_;
  std::condition_variable changed_;  // Signalled on Push() and Close().
  std::deque<ChatEvent> events_;
  const std::size_t capacity_;
  bool closed_ = false;
  bool overflowed_ = false;
};

/// A member of a Room: a name, and the events waiting to be written to them.
struct Member {
  /// A member called `name` whose outbox holds at most `outbox_capacity`.
  Member(std::string name, std::size_t outbox_capacity)
      : name(std::move(name)), outbox(outbox_capacity) {}

  const std::string name;  ///< As the others see it; need not be unique.
  Outbox outbox;  ///< Filled by the room, drained by the member's handler.
};

/// Task 3: the chat room: who is in it, and who must hear what.
///
/// The room knows nothing about gRPC. It delivers an event by pushing it into
/// the outbox of each member who must hear it; it never writes to a stream.
/// One mutex guards the member list, so every member sees events in the same
/// order, and the lines of one sender in the order they were said.
///
/// Thread-safe: each member's handler calls it from its own threads.
// [begin room]
class Room {
 public:
  /// A room whose members' outboxes hold at most `outbox_capacity` events.
  explicit Room(std::size_t outbox_capacity = kOutboxCapacity)
      : outbox_capacity_(outbox_capacity) {}

  /// Task 3: adds a member called `name`. Its outbox starts with a `welcome`
  /// naming the members already here (in the order they joined); each of
  /// them is told `joined`.
  std::shared_ptr<Member> Join(const std::string& name);

  /// Task 3: delivers `text` as `said` (from `from.name`) to every member
  /// except `from`.
  void Say(const Member& from, const std::string& text);

  /// Task 3: removes `member`, closes its outbox and tells the others `left`.
  /// Does nothing if `member` is no longer in the room.
  void Leave(const std::shared_ptr<Member>& member);

  /// How many members are in the room.
  std::size_t size() const;

 private:
  // Pushes `event` into the outbox of every member but `except` (which may be
  // null), then removes whoever could not take it. Requires mutex_.
  void Broadcast(const ChatEvent& event, const Member* except);
  // Leave() with mutex_ already held.
  void RemoveLocked(const std::shared_ptr<Member>& member);

  const std::size_t outbox_capacity_;
  mutable std::mutex mutex_;
  std::vector<std::shared_ptr<Member>> members_;  // In the order they joined.
};
// [end room]

/// The ChatRoom service: one Chat call per member, for as long as the member
/// is in the room.
// [begin chat-service]
class ChatService final : public ChatRoom::Service {
 public:
  /// A chat service whose members' outboxes hold at most `outbox_capacity`.
  explicit ChatService(std::size_t outbox_capacity = kOutboxCapacity)
      : room_(outbox_capacity) {}

  /// Task 3: checks the first message is a valid `join`, joins the room, then
  /// does two things at once until the member leaves: reads the member's
  /// lines and says them in the room (on a thread of its own), and writes the
  /// member's outbox to the stream (on this, the only thread that writes).
  /// Ends with OK when the client is done, INVALID_ARGUMENT at an invalid
  /// message. A client that breaks, or falls behind so far that its outbox
  /// overflows, is removed without disturbing the others; when the server
  /// shuts down, the cancelled call ends promptly.
  grpc::Status Chat(
      grpc::ServerContext* context,
      grpc::ServerReaderWriter<ChatEvent, ChatMessage>* stream) override;

  /// The room itself (tests look at who is in it).
  const Room& room() const { return room_; }

 private:
  // Reads the member's lines and says each in the room until the client is
  // done (OK) or sends something invalid (INVALID_ARGUMENT).
  grpc::Status RelayLines(
      grpc::ServerReaderWriter<ChatEvent, ChatMessage>* stream,
      const Member& member);

  Room room_;
};
// [end chat-service]

}  // namespace workbook::bidi

#endif  // WORKBOOK_04_BIDI_SERVER_H_
