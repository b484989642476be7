// The lesson 04 client program, a member of the chat room:
//   client --name=Ada                      chat: type lines, Ctrl-D leaves
//   client --name=Ada --say='Hi' < file    say a line, then the file's lines
//   client                                 a short demo: Ada and Grace talk
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <iostream>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "absl/flags/flag.h"
#include "client.h"
#include "common/plumbing/client_flags.h"
#include "common/plumbing/flags.h"
#include "common/plumbing/rpc_errors.h"

ABSL_FLAG(
    std::string, name, "",
    "Your name in the chat room. Without it, the client plays a short demo in "
    "which Ada and Grace join the room and talk");
ABSL_FLAG(std::string, say, "", "A line to say as soon as you have joined");
ABSL_FLAG(
    int32_t, wait_for_lines, 0,
    "When stdin ends, stay in the room until this many lines from others have "
    "arrived (at most until the deadline)");

namespace {

using Clock = std::chrono::system_clock;
using workbook::bidi::ChatClient;
using workbook::bidi::ChatEvent;

// What one member sees, printed the way a person reads it ("Grace: hi",
// "* Ada left") and remembered, so that the program can wait for a line.
class Screen {
 public:
  // `name` is the member's own; `prefix` starts every printed line.
  Screen(std::string name, std::string prefix)
      : name_(std::move(name)), prefix_(std::move(prefix)) {}

  // Shows an event; called on the ChatClient's reader thread.
  void Show(const ChatEvent& event) {
    Print(Describe(event), event.has_said());
  }

  void Print(const std::string& line, bool from_others = false) {
    {
      // One lock for all screens: the demo's two members print at once.
      static std::mutex output;
      std::lock_guard<std::mutex> lock(output);
      std::cout << prefix_ << line << std::endl;
    }
    std::lock_guard<std::mutex> lock(mutex_);
    lines_.push_back(line);
    if (from_others) ++lines_from_others_;
    printed_.notify_all();
  }

  // Waits until a line containing `text` was printed; false if `deadline`
  // passes first.
  bool WaitFor(const std::string& text, Clock::time_point deadline) {
    std::unique_lock<std::mutex> lock(mutex_);
    return printed_.wait_until(lock, deadline, [&] {
      for (const std::string& line : lines_) {
        if (line.find(text) != std::string::npos) return true;
      }
      return false;
    });
  }

  // Waits until `count` lines from others have arrived; false if `deadline`
  // passes first.
  bool WaitForLines(int count, Clock::time_point deadline) {
    std::unique_lock<std::mutex> lock(mutex_);
    return printed_.wait_until(lock, deadline,
                               [&] { return lines_from_others_ >= count; });
  }

 private:
  std::string Describe(const ChatEvent& event) const {
    switch (event.kind_case()) {
      case ChatEvent::kWelcome: {
        std::string here;
        for (const std::string& member : event.welcome().members()) {
          here += (here.empty() ? "" : ", ") + member;
        }
        return "* you joined the room as " + name_ + "; " +
               (here.empty() ? "nobody else is here yet"
                             : "already here: " + here);
      }
      case ChatEvent::kJoined:
        return "* " + event.joined() + " joined";
      case ChatEvent::kLeft:
        return "* " + event.left() + " left";
      case ChatEvent::kSaid:
        return event.said().from() + ": " + event.said().text();
      default:
        return "* (an event this client does not know)";
    }
  }

  const std::string name_;
  const std::string prefix_;
  std::mutex mutex_;
  std::condition_variable printed_;
  std::vector<std::string> lines_;
  int lines_from_others_ = 0;
};

// Joins as `name`, says --say and every line of stdin, then leaves.
int RunChat(const std::string& target, const std::string& name,
            std::chrono::milliseconds deadline_flag) {
  const bool interactive = isatty(STDIN_FILENO) == 1;
  // A person may chat for hours: no deadline then. A script's visit is
  // bounded by --deadline_ms, so it can never hang.
  const Clock::time_point deadline =
      interactive ? Clock::time_point::max() : Clock::now() + deadline_flag;
  Screen screen(name, "");
  ChatClient chat(
      grpc::CreateChannel(target, grpc::InsecureChannelCredentials()),
      [&screen](const ChatEvent& event) { screen.Show(event); });

  // [begin run-chat]
  bool connected = chat.Join(name, deadline);
  if (connected && interactive) {
    screen.Print("(type a line and press Enter to send it; Ctrl-D leaves)");
  }
  const std::string first = absl::GetFlag(FLAGS_say);
  if (connected && !first.empty()) {
    connected = chat.Say(first);
    screen.Print("you: " + first);
  }
  std::string line;
  while (connected && std::getline(std::cin, line)) {
    if (line.empty()) continue;  // The room refuses empty lines.
    connected = chat.Say(line);
    // A terminal shows what was typed already; a pipe does not.
    if (!interactive) screen.Print("you: " + line);
  }
  const int wait_for = absl::GetFlag(FLAGS_wait_for_lines);
  if (connected && wait_for > 0) screen.WaitForLines(wait_for, deadline);

  const grpc::Status status = chat.Leave();
  if (!status.ok()) return workbook::ReportRpcFailure("Chat", target, status);
  screen.Print("* you left the room");
  // [end run-chat]
  return 0;
}

// Ada and Grace join and talk; each step waits until the other has seen the
// one before, so the transcript reads in order.
int RunDemo(const std::string& target,
            std::chrono::milliseconds deadline_flag) {
  const Clock::time_point deadline = Clock::now() + deadline_flag;
  std::cout << "No --name given, so here is a demo: Ada and Grace join the "
               "chat room and "
               "talk. To chat yourself, run the client with --name=<you> in "
               "two terminals."
            << std::endl;
  // Both visits share one channel: one connection, two Chat calls on it.
  auto channel =
      grpc::CreateChannel(target, grpc::InsecureChannelCredentials());
  Screen ada_screen("Ada", "[Ada]   ");
  Screen grace_screen("Grace", "[Grace] ");
  ChatClient ada(channel,
                 [&](const ChatEvent& event) { ada_screen.Show(event); });
  ChatClient grace(channel,
                   [&](const ChatEvent& event) { grace_screen.Show(event); });

  bool grace_joined = false;
  const bool talked =
      ada.Join("Ada", deadline) &&
      ada_screen.WaitFor("* you joined", deadline) &&
      (grace_joined = grace.Join("Grace", deadline)) &&
      ada_screen.WaitFor("* Grace joined", deadline) &&
      ada.Say("Hi Grace! This line reaches everyone in the room but me.") &&
      grace_screen.WaitFor("Ada: Hi Grace", deadline) &&
      grace.Say("Hi Ada! It arrived while we were both still talking.") &&
      ada_screen.WaitFor("Grace: Hi Ada", deadline);

  grpc::Status status = ada.Leave();
  if (status.ok() && talked && !grace_screen.WaitFor("* Ada left", deadline)) {
    status = grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED,
                          "Grace never saw Ada leave");
  }
  if (grace_joined) {
    const grpc::Status grace_status = grace.Leave();
    if (status.ok()) status = grace_status;
  }
  if (status.ok() && !talked) {
    status = grpc::Status(
        grpc::StatusCode::DEADLINE_EXCEEDED,
        "the demo conversation did not finish within --deadline_ms");
  }
  if (!status.ok()) return workbook::ReportRpcFailure("Chat", target, status);
  std::cout << "Demo over: both left the room." << std::endl;
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  workbook::ParseFlags(
      argc, argv,
      "A member of the lesson 04 chat room. With --name=<you>: type lines, "
      "Ctrl-D leaves. Without --name: a short demo conversation.");
  const std::string target = workbook::TargetFlag();
  const std::chrono::milliseconds deadline = workbook::DeadlineFlag();
  const std::string name = absl::GetFlag(FLAGS_name);
  if (absl::GetFlag(FLAGS_wait_for_lines) < 0) {
    workbook::UsageError("--wait_for_lines must not be negative");
  }
  if (name.empty()) {
    if (!absl::GetFlag(FLAGS_say).empty() ||
        absl::GetFlag(FLAGS_wait_for_lines) > 0) {
      workbook::UsageError("--say and --wait_for_lines need --name");
    }
    return RunDemo(target, deadline);
  }
  return RunChat(target, name, deadline);
}
