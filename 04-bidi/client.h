// Lesson 04: the client side of a bidirectional stream: a chat room member.
#ifndef WORKBOOK_04_BIDI_CLIENT_H_
#define WORKBOOK_04_BIDI_CLIENT_H_

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <utility>

#include "bidi.grpc.pb.h"

namespace workbook::bidi {

/// One visit to the chat room: Join() once, Say() as often as you like,
/// Leave() once. Everything the room sends arrives, while you are still
/// saying things, through the handler given to the constructor.
///
/// Inside is one bidirectional Chat call, used from two threads at once:
/// the caller's thread writes (Join, Say, Leave) and a reader thread the
/// client starts reads every event and hands it to the handler. gRPC allows
/// one reader and one writer on a stream at the same time, but not two
/// writers: call Join, Say and Leave from one thread (or serialise them).
// [begin chat-client]
class ChatClient {
 public:
  /// Called on the reader thread for every event, in the order they arrive;
  /// never after Leave() returns.
  using EventHandler = std::function<void(const ChatEvent&)>;

  /// A client that will call the room through `channel` (shared, not owned)
  /// and pass every event it receives to `on_event`.
  ChatClient(std::shared_ptr<grpc::Channel> channel, EventHandler on_event)
      : stub_(ChatRoom::NewStub(std::move(channel))),
        on_event_(std::move(on_event)) {}

  /// If still in the room (no Leave()), cancels the call: the server sees a
  /// broken connection and removes the member.
  ~ChatClient();

  ChatClient(const ChatClient&) = delete;
  ChatClient& operator=(const ChatClient&) = delete;

  /// Task 2: starts the Chat call with `deadline` (time_point::max() for
  /// none), starts reading events on a thread of its own, and sends the
  /// `join` with `name`. Returns false when the join could not be sent (the
  /// call already failed: Leave() says why) or on a second Join().
  bool Join(const std::string& name,
            std::chrono::system_clock::time_point deadline);

  /// Task 2: sends `text` to everyone else in the room. Returns false when it
  /// could not be sent: the call is over (Leave() says why), or not joined.
  bool Say(const std::string& text);

  /// Task 2: leaves the room: tells the server there is nothing more to send
  /// (WritesDone), waits until every event the server still sends has been
  /// handled, and returns how the call ended: OK, the server's error, or
  /// gRPC's (UNAVAILABLE, DEADLINE_EXCEEDED, ...). FAILED_PRECONDITION when
  /// not in the room.
  grpc::Status Leave();

 private:
  // Task 2: the reader thread: hands every event to on_event_ until the
  // server ends the call.
  void ReadEvents();

  std::unique_ptr<ChatRoom::Stub> stub_;
  EventHandler on_event_;
  grpc::ClientContext context_;  // One per call; this client makes one call.
  std::unique_ptr<grpc::ClientReaderWriter<ChatMessage, ChatEvent>> stream_;
  std::thread reader_;  // Runs ReadEvents() from Join() until Leave().
};
// [end chat-client]

}  // namespace workbook::bidi

#endif  // WORKBOOK_04_BIDI_CLIENT_H_
