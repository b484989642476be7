#include <optional>
#include <thread>

#include "server.h"

namespace workbook::bidi {

grpc::Status ChatService::Chat(
    grpc::ServerContext* context,
    grpc::ServerReaderWriter<ChatEvent, ChatMessage>* stream) {
  // TODO(04.3): read the first message; refuse (INVALID_ARGUMENT) anything
  // but a join with a valid name, then room_.Join(). Start a reader thread
  // that runs RelayLines() and then room_.Leave(member). On this thread, write
  // every event member->outbox.Pop() hands out until it returns nothing. If a
  // Write() fails or the outbox overflowed(), context->TryCancel() so the
  // reader stops too. Join the reader and return its status.
  (void)context;
  (void)stream;
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED,
                      "TODO(04.3): ChatService::Chat is not written yet");
}

grpc::Status ChatService::RelayLines(
    grpc::ServerReaderWriter<ChatEvent, ChatMessage>* stream,
    const Member& member) {
  // TODO(04.3): read messages until Read() returns false (OK); each must be
  // a text that passes ValidateText (otherwise return INVALID_ARGUMENT);
  // room_.Say() each one.
  (void)stream;
  (void)member;
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED,
                      "TODO(04.3): ChatService::RelayLines is not written yet");
}

}  // namespace workbook::bidi
