// The lesson 04 server program: `server --port=50051`. Serves the Greeter
// (SayHelloBiStream) and the chat room (Chat).
#include "common/plumbing/flags.h"
#include "common/plumbing/server_runner.h"
#include "server.h"

// [begin main]
int main(int argc, char** argv) {
  workbook::ParseFlags(
      argc, argv,
      "Serves the lesson 04 Greeter (SayHelloBiStream) and chat room "
      "(Chat) until Ctrl-C.");
  workbook::bidi::GreeterService greeter;
  workbook::bidi::ChatService chat;
  return workbook::RunServer("Chat", {&greeter, &chat});
}
// [end main]
