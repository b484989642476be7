#include "client.h"

namespace workbook::bidi {

bool ChatClient::Join(const std::string& name,
                      std::chrono::system_clock::time_point deadline) {
  // TODO(04.2): give context_ the deadline, open the call with
  // stub_->Chat(&context_) (keep the stream in stream_), start reader_ as a
  // thread running ReadEvents(), then write a ChatMessage whose join has
  // `name`. Return what that Write() returned.
  (void)name;
  (void)deadline;
  return false;
}

void ChatClient::ReadEvents() {
  // TODO(04.2): read ChatEvents from stream_ until Read() returns false, and
  // pass each one to on_event_.
}

bool ChatClient::Say(const std::string& text) {
  // TODO(04.2): unless not joined (reader_ not running), write a ChatMessage
  // with `text` and return what Write() returned.
  (void)text;
  return false;
}

grpc::Status ChatClient::Leave() {
  // TODO(04.2): tell the server you are done writing (WritesDone), wait for
  // the reader thread to handle every remaining event (join it), then return
  // the call's status from Finish().
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
