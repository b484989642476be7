#include <optional>
#include <thread>

#include "server.h"

namespace workbook::bidi {

grpc::Status ChatService::Chat(
    grpc::ServerContext* context,
    grpc::ServerReaderWriter<ChatEvent, ChatMessage>* stream) {
  ChatMessage first;
  if (!stream->Read(&first)) return grpc::Status::OK;  // Gone before joining.
  if (first.kind_case() != ChatMessage::kJoin) {
    return grpc::Status(
        grpc::StatusCode::INVALID_ARGUMENT,
        "the first message of a chat must be a join with your name");
  }
  if (grpc::Status invalid = ValidateName(first.join().name()); !invalid.ok()) {
    return invalid;
  }
  const std::shared_ptr<Member> member = room_.Join(first.join().name());

  // Reading gets a thread of its own, so that this thread is free to write
  // whenever an event is waiting, however long the member stays silent.
  grpc::Status read_status;
  std::thread reader([&] {
    read_status = RelayLines(stream, *member);
    room_.Leave(member);  // Closes the outbox, which ends the loop below.
  });

  // This thread is the only one that writes to `stream`: gRPC allows one
  // write in flight per stream. The other members never touch this stream;
  // the room puts what they say into this member's outbox.
  bool client_gone = false;
  while (std::optional<ChatEvent> event = member->outbox.Pop()) {
    if (!stream->Write(*event)) {
      client_gone = true;
      break;
    }
  }
  // Writing stops when the member left (the reader is done), when the client
  // is gone, or when the room dropped the member for falling behind. In the
  // last two cases the reader may still wait in Read(): cancelling the call
  // makes that Read() return false.
  if (client_gone || member->outbox.overflowed()) context->TryCancel();
  reader.join();
  return read_status;
}

grpc::Status ChatService::RelayLines(
    grpc::ServerReaderWriter<ChatEvent, ChatMessage>* stream,
    const Member& member) {
  ChatMessage message;
  // False when the client called WritesDone() (it leaves), or when the call
  // is cancelled: the connection broke, or the server is shutting down.
  while (stream->Read(&message)) {
    if (message.kind_case() != ChatMessage::kText) {
      return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                          "after the join, every message must be a text line");
    }
    if (grpc::Status invalid = ValidateText(message.text()); !invalid.ok()) {
      return invalid;
    }
    room_.Say(member, message.text());
  }
  return grpc::Status::OK;
}

}  // namespace workbook::bidi
