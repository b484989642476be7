#include "client.h"

namespace workbook::bidi {

bool ChatClient::Join(const std::string& name,
                      std::chrono::system_clock::time_point deadline) {
  if (stream_ != nullptr) return false;  // One visit per ChatClient.
  context_.set_deadline(deadline);
  // Opens the call. Both directions are open from here on, independently.
  stream_ = stub_->Chat(&context_);
  // Read on a thread of our own: events arrive whenever the room has
  // something to say, while this thread may be busy (or blocked) writing.
  reader_ = std::thread([this] { ReadEvents(); });
  ChatMessage join;
  join.mutable_join()->set_name(name);
  return stream_->Write(join);
}

void ChatClient::ReadEvents() {
  ChatEvent event;
  // False once the server has ended the call (after our WritesDone, on an
  // error, or when the call is cancelled).
  while (stream_->Read(&event)) on_event_(event);
}

bool ChatClient::Say(const std::string& text) {
  if (!reader_.joinable()) return false;  // Not in the room.
  ChatMessage message;
  message.set_text(text);
  // Write() blocks only until gRPC has taken the message (flow control),
  // never until anyone answers it.
  return stream_->Write(message);
}

grpc::Status ChatClient::Leave() {
  if (!reader_.joinable()) {
    return grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
                        "not in the room: Join() first");
  }
  // Half-close: "nothing more from me". The server's Read() returns false,
  // it removes us from the room and ends the call...
  stream_->WritesDone();
  // ... but may still send events until then; the reader handles them all
  // and ends when the server has ended the call.
  reader_.join();
  // Only now, with both directions done, ask for the call's status.
  return stream_->Finish();
}

ChatClient::~ChatClient() {
  if (!reader_.joinable()) return;
  context_.TryCancel();  // Makes the reader's Read() return false.
  reader_.join();
  stream_->Finish();  // CANCELLED; releases the call.
}

}  // namespace workbook::bidi
