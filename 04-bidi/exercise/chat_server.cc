#include <optional>
#include <thread>

#include "server.h"

namespace workbook::bidi {

grpc::Status ChatService::Chat(
    grpc::ServerContext* context,
    grpc::ServerReaderWriter<ChatEvent, ChatMessage>* stream) {
  // TODO(04.3): one member's visit. The first message must be a join with a
  // valid name (else INVALID_ARGUMENT, and nobody joins). Then, at the same
  // time until the member leaves, say their lines in the room (RelayLines)
  // and write their outbox to them; return how reading ended. The tests
  // check: welcomes and joins; a line reaches the others, leaving ends OK;
  // 8 members' 100 lines each, all heard once; a member who breaks, stops
  // reading or sends a bad line is removed and the others carry on; a first
  // message that is not a join; an empty name; shutdown ends every call.
  (void)context;
  (void)stream;
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED,
                      "TODO(04.3): ChatService::Chat is not written yet");
}

grpc::Status ChatService::RelayLines(
    grpc::ServerReaderWriter<ChatEvent, ChatMessage>* stream,
    const Member& member) {
  // TODO(04.3): say each of the member's lines in the room, in order, until
  // the client is done (OK). Anything but a valid text line (see
  // ValidateText, given) ends the member's call with INVALID_ARGUMENT.
  (void)stream;
  (void)member;
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED,
                      "TODO(04.3): ChatService::RelayLines is not written yet");
}

}  // namespace workbook::bidi
