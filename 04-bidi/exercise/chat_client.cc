#include "client.h"

namespace workbook::bidi {

bool ChatClient::Join(const std::string& name,
                      std::chrono::system_clock::time_point deadline) {
  // TODO(04.2): open this client's one Chat call, bounded by `deadline`, and
  // send the join with `name`; from now until the call ends, every event the
  // room sends reaches on_event_ while the caller goes on saying things.
  // Return whether the join could be sent. The tests check: the join is the
  // first message; events arrive while the client is still in the room; the
  // deadline given here reaches the server; a client destroyed without
  // Leave() cancels its call (the given destructor does that).
  (void)name;
  (void)deadline;
  return false;
}

void ChatClient::ReadEvents() {
  // TODO(04.2): hand every event the server sends to on_event_, in order,
  // until the server ends the call.
}

bool ChatClient::Say(const std::string& text) {
  // TODO(04.2): send `text` to the room. Return false when it could not be
  // sent: the call is over, or the client never joined. The tests check:
  // lines arrive after the join, in order; Say() before Join() is false.
  (void)text;
  return false;
}

grpc::Status ChatClient::Leave() {
  // TODO(04.2): tell the server there is nothing more to send, return only
  // once every event it still sends has been handled, and return how the
  // call ended; FAILED_PRECONDITION when not in the room. The tests check:
  // OK after a clean visit; events sent after the client is done are all
  // handled before Leave() returns; the server's own error comes back
  // unchanged; Leave() before Join(); no server at all gives UNAVAILABLE.
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED,
                      "TODO(04.2): ChatClient::Leave is not written yet");
}

ChatClient::~ChatClient() {
  if (!reader_.joinable()) return;
  context_.TryCancel();  // Makes the reader's Read() return false.
  reader_.join();
  stream_->Finish();  // CANCELLED; releases the call.
}

}  // namespace workbook::bidi
