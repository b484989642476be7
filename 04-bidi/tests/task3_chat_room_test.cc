// Task 3: the chat room. The Room is tested on its own (no gRPC: events land
// in outboxes), then the ChatService through the generated stub, with
// members driven by the test itself, so the test needs none of the client
// tasks.
#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/plumbing/rpc_errors.h"
#include "common/testing/test_server.h"
#include "server.h"

namespace workbook::bidi {
namespace {

using std::chrono::milliseconds;

// ---------------------------------------------------------------- Room --

// The events waiting in `member`'s outbox, taken without blocking.
std::vector<ChatEvent> Take(Member& member) {
  std::vector<ChatEvent> events;
  while (member.outbox.size() > 0) events.push_back(*member.outbox.Pop());
  return events;
}

std::vector<std::string> Names(const Welcome& welcome) {
  return {welcome.members().begin(), welcome.members().end()};
}

TEST(Task3_Room, WelcomesANewcomerWithWhoIsAlreadyThere) {
  Room room;
  auto ada = room.Join("Ada");
  auto grace = room.Join("Grace");
  auto linus = room.Join("Linus");
  EXPECT_EQ(room.size(), 3u);

  const std::vector<ChatEvent> to_ada = Take(*ada);
  ASSERT_EQ(to_ada.size(), 3u) << "Ada should get her welcome, then two joins";
  ASSERT_TRUE(to_ada[0].has_welcome()) << "the first event must be the welcome";
  EXPECT_TRUE(to_ada[0].welcome().members().empty());
  EXPECT_EQ(to_ada[1].joined(), "Grace");
  EXPECT_EQ(to_ada[2].joined(), "Linus");

  const std::vector<ChatEvent> to_linus = Take(*linus);
  ASSERT_EQ(to_linus.size(), 1u)
      << "Linus should only get his welcome, not his own join";
  EXPECT_EQ(Names(to_linus[0].welcome()),
            (std::vector<std::string>{"Ada", "Grace"}));
  EXPECT_EQ(Take(*grace).size(), 2u);  // Welcome, Linus joined.
}

TEST(Task3_Room, DeliversALineToEveryoneButTheSender) {
  Room room;
  auto ada = room.Join("Ada");
  auto grace = room.Join("Grace");
  auto linus = room.Join("Linus");
  for (auto* member : {ada.get(), grace.get(), linus.get()}) Take(*member);

  room.Say(*grace, "hello");
  for (auto* member : {ada.get(), linus.get()}) {
    const std::vector<ChatEvent> events = Take(*member);
    ASSERT_EQ(events.size(), 1u) << member->name;
    EXPECT_EQ(events[0].said().from(), "Grace");
    EXPECT_EQ(events[0].said().text(), "hello");
  }
  EXPECT_TRUE(Take(*grace).empty()) << "a member must not hear their own line";
}

TEST(Task3_Room, LeavingTellsTheOthersAndClosesTheOutbox) {
  Room room;
  auto ada = room.Join("Ada");
  auto grace = room.Join("Grace");
  Take(*ada);
  Take(*grace);

  room.Leave(grace);
  EXPECT_EQ(room.size(), 1u);
  const std::vector<ChatEvent> to_ada = Take(*ada);
  ASSERT_EQ(to_ada.size(), 1u);
  EXPECT_EQ(to_ada[0].left(), "Grace");
  EXPECT_FALSE(grace->outbox.Pop().has_value())
      << "the leaver's outbox must be closed";

  room.Say(*ada, "anyone?");
  EXPECT_FALSE(grace->outbox.Pop().has_value())
      << "nothing reaches a member who left";
  room.Leave(grace);  // A second Leave changes nothing.
  EXPECT_TRUE(Take(*ada).empty()) << "Grace left only once";
}

// A member who stops reading must not stall or bloat the room: once its
// outbox is full, the room drops it and the others carry on.
TEST(Task3_Room, DropsAMemberWhoFallsBehind) {
  Room room(/*outbox_capacity=*/4);
  auto slow = room.Join("Slow");  // Never takes its events.
  auto fast = room.Join("Fast");  // Slow's outbox: welcome, joined.
  Take(*fast);
  room.Say(*fast, "1");
  room.Say(*fast, "2");  // Slow's outbox is full now.
  EXPECT_EQ(room.size(), 2u);
  room.Say(*fast, "3");  // No room for it: Slow is dropped.
  EXPECT_EQ(room.size(), 1u);
  EXPECT_TRUE(slow->outbox.overflowed());
  const std::vector<ChatEvent> to_fast = Take(*fast);
  ASSERT_EQ(to_fast.size(), 1u);
  EXPECT_EQ(to_fast[0].left(), "Slow");
}

// Members say things from their own threads at the same time.
TEST(Task3_Room, ConcurrentLinesArriveExactlyOnceAndInEachSendersOrder) {
  constexpr int kMembers = 8;
  constexpr int kLines = 100;
  Room room;
  std::vector<std::shared_ptr<Member>> members;
  for (int m = 0; m < kMembers; ++m)
    members.push_back(room.Join("m" + std::to_string(m)));
  for (auto& member : members) Take(*member);

  std::vector<std::thread> senders;
  for (int m = 0; m < kMembers; ++m) {
    senders.emplace_back([&, m] {
      for (int i = 0; i < kLines; ++i) room.Say(*members[m], std::to_string(i));
    });
  }
  for (std::thread& sender : senders) sender.join();

  for (int m = 0; m < kMembers; ++m) {
    std::map<std::string, int>
        next_line;  // Per sender: the line expected next.
    for (const ChatEvent& event : Take(*members[m])) {
      ASSERT_TRUE(event.has_said());
      ASSERT_NE(event.said().from(), members[m]->name) << "heard itself";
      EXPECT_EQ(event.said().text(),
                std::to_string(next_line[event.said().from()]++))
          << members[m]->name << " got a line of " << event.said().from()
          << " out of order";
    }
    EXPECT_EQ(next_line.size(), static_cast<size_t>(kMembers - 1))
        << members[m]->name;
    for (const auto& [from, count] : next_line)
      EXPECT_EQ(count, kLines) << from;
  }
}

// --------------------------------------------------------- ChatService --

// One member's Chat call, driven directly through the generated stub: a
// reader thread records every event, the test thread writes.
class Visitor {
 public:
  Visitor(ChatRoom::Stub& stub,
          milliseconds deadline = workbook::testing::kRpcDeadline)
      : context_(workbook::testing::ContextWithDeadline(deadline)),
        stream_(stub.Chat(context_.get())),
        reader_([this] { ReadEvents(); }) {}

  ~Visitor() {
    if (!reader_.joinable()) return;
    context_->TryCancel();
    reader_.join();
    stream_->Finish();
  }

  // Sends the join and waits for the welcome.
  ::testing::AssertionResult Join(const std::string& name) {
    ChatMessage join;
    join.mutable_join()->set_name(name);
    if (!stream_->Write(join)) {
      return ::testing::AssertionFailure() << "could not send the join";
    }
    if (!WaitUntil([](const std::vector<ChatEvent>& events) {
          return !events.empty() && events[0].has_welcome();
        })) {
      return ::testing::AssertionFailure() << name << " got no welcome";
    }
    return ::testing::AssertionSuccess();
  }

  bool Say(const std::string& text) {
    ChatMessage message;
    message.set_text(text);
    return stream_->Write(message);
  }

  bool Send(const ChatMessage& message) { return stream_->Write(message); }

  // Leaves cleanly: WritesDone, read what is left, Finish.
  grpc::Status Leave() {
    stream_->WritesDone();
    reader_.join();
    return stream_->Finish();
  }

  // Breaks the connection the way a crashing client would.
  grpc::Status Break() {
    context_->TryCancel();
    reader_.join();
    return stream_->Finish();
  }

  // Waits (bounded by the deadline) until `done(events so far)` is true.
  bool WaitUntil(
      const std::function<bool(const std::vector<ChatEvent>&)>& done) {
    std::unique_lock<std::mutex> lock(mutex_);
    // Once the call has ended no more events come: stop waiting then, too.
    changed_.wait_until(lock, context_->deadline(),
                        [&] { return ended_ || done(events_); });
    return done(events_);
  }

  bool WaitForEvent(const std::function<bool(const ChatEvent&)>& wanted) {
    return WaitUntil([&](const std::vector<ChatEvent>& events) {
      for (const ChatEvent& event : events) {
        if (wanted(event)) return true;
      }
      return false;
    });
  }

  // Whether an event `wanted` has arrived, without waiting.
  bool HasEvent(const std::function<bool(const ChatEvent&)>& wanted) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const ChatEvent& event : events_) {
      if (wanted(event)) return true;
    }
    return false;
  }

  std::vector<ChatEvent> events() {
    std::lock_guard<std::mutex> lock(mutex_);
    return events_;
  }

 private:
  void ReadEvents() {
    ChatEvent event;
    while (stream_->Read(&event)) {
      std::lock_guard<std::mutex> lock(mutex_);
      events_.push_back(event);
      changed_.notify_all();
    }
    std::lock_guard<std::mutex> lock(mutex_);
    ended_ = true;
    changed_.notify_all();
  }

  std::unique_ptr<grpc::ClientContext> context_;
  std::unique_ptr<grpc::ClientReaderWriter<ChatMessage, ChatEvent>> stream_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<ChatEvent> events_;
  bool ended_ = false;
  std::thread reader_;  // Last: starts once everything above exists.
};

std::function<bool(const ChatEvent&)> Left(const std::string& name) {
  return [name](const ChatEvent& event) { return event.left() == name; };
}

std::function<bool(const ChatEvent&)> SaidBy(const std::string& from,
                                             const std::string& text) {
  return [from, text](const ChatEvent& event) {
    return event.said().from() == from && event.said().text() == text;
  };
}

class Task3_ChatService : public workbook::testing::ServiceTest<ChatService> {
 protected:
  std::unique_ptr<Visitor> NewVisitor(
      milliseconds deadline = workbook::testing::kRpcDeadline) {
    return std::make_unique<Visitor>(*stub_, deadline);
  }

  std::unique_ptr<ChatRoom::Stub> stub_ = NewStub<ChatRoom>();
};

TEST_F(Task3_ChatService, WelcomesEachMemberAndAnnouncesNewcomers) {
  auto ada = NewVisitor();
  ASSERT_TRUE(ada->Join("Ada"));
  EXPECT_TRUE(ada->events()[0].welcome().members().empty());
  auto grace = NewVisitor();
  ASSERT_TRUE(grace->Join("Grace"));
  EXPECT_EQ(Names(grace->events()[0].welcome()),
            std::vector<std::string>{"Ada"});
  EXPECT_TRUE(ada->WaitForEvent([](const ChatEvent& e) {
    return e.joined() == "Grace";
  })) << "Ada was not told that Grace joined";
}

TEST_F(Task3_ChatService, EveryoneElseHearsALineAndLeavingEndsWithOk) {
  auto ada = NewVisitor();
  auto grace = NewVisitor();
  auto linus = NewVisitor();
  ASSERT_TRUE(ada->Join("Ada"));
  ASSERT_TRUE(grace->Join("Grace"));
  ASSERT_TRUE(linus->Join("Linus"));
  ASSERT_TRUE(ada->Say("hi all"));
  EXPECT_TRUE(grace->WaitForEvent(SaidBy("Ada", "hi all")));
  EXPECT_TRUE(linus->WaitForEvent(SaidBy("Ada", "hi all")));

  const grpc::Status status = ada->Leave();
  EXPECT_TRUE(status.ok())
      << "leaving with WritesDone should end the call with OK, got "
      << DescribeStatus(status);
  for (const ChatEvent& event : ada->events())
    EXPECT_FALSE(event.has_said()) << "Ada heard herself";
  EXPECT_TRUE(grace->WaitForEvent(Left("Ada")));
  EXPECT_TRUE(linus->WaitForEvent(Left("Ada")));
}

// The load test of the issue: 8 members, 100 lines each, all at once. Every
// member must get exactly every other member's lines: none lost, none
// duplicated, each sender's in order.
TEST_F(Task3_ChatService,
       EightMembersHearEveryOtherMembersHundredLinesExactlyOnce) {
  constexpr int kMembers = 8;
  constexpr int kLines = 100;
  constexpr int kExpected = (kMembers - 1) * kLines;
  // Generous: this bound only matters if lines go missing (slow under TSan).
  const milliseconds deadline(60000);
  std::vector<std::unique_ptr<Visitor>> members;
  for (int m = 0; m < kMembers; ++m) {
    members.push_back(NewVisitor(deadline));
    ASSERT_TRUE(members.back()->Join(
        "m" + std::to_string(m)));  // All here before anyone talks.
  }

  std::vector<std::thread> senders;
  for (int m = 0; m < kMembers; ++m) {
    senders.emplace_back([&, m] {
      for (int i = 0; i < kLines; ++i) {
        if (!members[m]->Say(std::to_string(i))) break;
      }
    });
  }
  for (std::thread& sender : senders) sender.join();

  auto said_count = [](const std::vector<ChatEvent>& events) {
    int count = 0;
    for (const ChatEvent& event : events) count += event.has_said();
    return count;
  };
  for (int m = 0; m < kMembers; ++m) {
    EXPECT_TRUE(
        members[m]->WaitUntil([&](const std::vector<ChatEvent>& events) {
          return said_count(events) >= kExpected;
        }))
        << "m" << m << " got " << said_count(members[m]->events()) << " of "
        << kExpected << " lines";
  }
  for (int m = 0; m < kMembers; ++m) {
    const grpc::Status status = members[m]->Leave();
    EXPECT_TRUE(status.ok()) << DescribeStatus(status);
  }

  for (int m = 0; m < kMembers; ++m) {
    const std::string me = "m" + std::to_string(m);
    std::map<std::string, int> next_line;
    for (const ChatEvent& event : members[m]->events()) {
      if (!event.has_said()) continue;
      ASSERT_NE(event.said().from(), me) << me << " heard itself";
      EXPECT_EQ(event.said().text(),
                std::to_string(next_line[event.said().from()]++))
          << me << " got a line of " << event.said().from()
          << " out of order or twice";
    }
    EXPECT_EQ(next_line.size(), static_cast<size_t>(kMembers - 1)) << me;
    for (const auto& [from, count] : next_line) {
      EXPECT_EQ(count, kLines)
          << me << " got " << count << " lines from " << from;
    }
  }
}

TEST_F(Task3_ChatService, AMemberWhoBreaksIsRemovedAndTheOthersCarryOn) {
  auto ada = NewVisitor();
  auto grace = NewVisitor();
  auto crasher = NewVisitor();
  ASSERT_TRUE(ada->Join("Ada"));
  ASSERT_TRUE(grace->Join("Grace"));
  ASSERT_TRUE(crasher->Join("Crasher"));
  ASSERT_TRUE(crasher->Say("I am about to crash"));
  ASSERT_TRUE(ada->WaitForEvent(SaidBy("Crasher", "I am about to crash")));

  crasher->Break();  // Mid-conversation, without WritesDone.
  EXPECT_TRUE(ada->WaitForEvent(Left("Crasher")))
      << "the broken member was not removed";
  EXPECT_TRUE(grace->WaitForEvent(Left("Crasher")));
  EXPECT_EQ(service_.room().size(), 2u);

  ASSERT_TRUE(ada->Say("still here?"));
  EXPECT_TRUE(grace->WaitForEvent(SaidBy("Ada", "still here?")));
  ASSERT_TRUE(grace->Say("yes"));
  EXPECT_TRUE(ada->WaitForEvent(SaidBy("Grace", "yes")));
  EXPECT_TRUE(ada->Leave().ok());
  EXPECT_TRUE(grace->Leave().ok());
}

// A member whose client stops reading: gRPC's flow control stops the
// member's writer, its outbox fills up, and the room drops the member. Small
// outboxes and a small flow-control window keep the numbers small.
class Task3_ChatServiceWithSmallOutboxes
    : public workbook::testing::ServiceTest<ChatService> {
 protected:
  Task3_ChatServiceWithSmallOutboxes() : ServiceTest(/*outbox_capacity=*/8) {}

  std::unique_ptr<ChatRoom::Stub> stub_ = NewStub<ChatRoom>();
};

TEST_F(Task3_ChatServiceWithSmallOutboxes,
       AMemberWhoStopsReadingIsDroppedAndTheOthersCarryOn) {
  Visitor ada(*stub_);
  Visitor grace(*stub_);
  ASSERT_TRUE(ada.Join("Ada"));
  ASSERT_TRUE(grace.Join("Grace"));

  // The sleeper joins on a channel that lets little data in unread, then
  // never reads.
  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_HTTP2_BDP_PROBE, 0);
  args.SetInt(GRPC_ARG_HTTP2_STREAM_LOOKAHEAD_BYTES, 16 * 1024);
  auto sleeper_stub = ChatRoom::NewStub(grpc::CreateCustomChannel(
      server_.address(), grpc::InsecureChannelCredentials(), args));
  auto context = workbook::testing::ContextWithDeadline();
  auto sleeper = sleeper_stub->Chat(context.get());
  ChatMessage join;
  join.mutable_join()->set_name("Sleeper");
  ASSERT_TRUE(sleeper->Write(join));
  ASSERT_TRUE(ada.WaitForEvent(
      [](const ChatEvent& e) { return e.joined() == "Sleeper"; }));

  // Ada talks, one line at a time: each waits until Grace has it, so
  // Grace, who reads, never has more than one line waiting.
  const std::string line(kMaxTextBytes - 10, 'z');
  int said = 0;
  while (!ada.HasEvent(Left("Sleeper")) && said < 2000) {
    const std::string text = std::to_string(said++) + line;
    ASSERT_TRUE(ada.Say(text));
    ASSERT_TRUE(grace.WaitForEvent(SaidBy("Ada", text)));
  }
  EXPECT_TRUE(ada.HasEvent(Left("Sleeper")))
      << "the sleeper was not dropped after " << said << " lines";
  EXPECT_EQ(service_.room().size(), 2u);
  ASSERT_TRUE(ada.Say("still here"));
  EXPECT_TRUE(grace.WaitForEvent(SaidBy("Ada", "still here")));
  EXPECT_TRUE(ada.Leave().ok());
  EXPECT_TRUE(grace.Leave().ok());

  // The sleeper's client still holds what arrived before the drop; past
  // that, its call ends as the server cancelled it.
  ChatEvent unread;
  while (sleeper->Read(&unread)) {
  }
  const grpc::Status status = sleeper->Finish();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::CANCELLED)
      << DescribeStatus(status);
}

TEST_F(Task3_ChatService, RefusesAFirstMessageThatIsNotAJoin) {
  auto visitor = NewVisitor();
  ASSERT_TRUE(visitor->Say("hello?"));
  const grpc::Status status = visitor->Leave();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
      << DescribeStatus(status);
  EXPECT_NE(status.error_message().find("join"), std::string::npos)
      << status.error_message();
}

TEST_F(Task3_ChatService, RefusesAnEmptyName) {
  auto visitor = NewVisitor();
  ChatMessage join;
  join.mutable_join()->set_name("");
  ASSERT_TRUE(visitor->Send(join));
  const grpc::Status status = visitor->Leave();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
      << DescribeStatus(status);
  EXPECT_EQ(service_.room().size(), 0u);
}

TEST_F(Task3_ChatService, AnInvalidLineEndsOnlyThatMembersCall) {
  auto ada = NewVisitor();
  auto grace = NewVisitor();
  ASSERT_TRUE(ada->Join("Ada"));
  ASSERT_TRUE(grace->Join("Grace"));
  grace->Say(std::string(kMaxTextBytes + 1, 'x'));
  const grpc::Status status = grace->Leave();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
      << DescribeStatus(status);
  EXPECT_TRUE(ada->WaitForEvent(Left("Grace")));
  EXPECT_EQ(service_.room().size(), 1u);
  EXPECT_TRUE(ada->Leave().ok());
}

// Server shutdown cancels the calls still open after the grace period; each
// handler must then end (its reader and its writer), or Wait() hangs.
TEST_F(Task3_ChatService, ShutdownEndsEveryMembersCall) {
  std::vector<std::unique_ptr<Visitor>> members;
  for (const std::string name : {"Ada", "Grace", "Linus"}) {
    members.push_back(NewVisitor());
    ASSERT_TRUE(members.back()->Join(name));
  }
  auto shutdown =
      std::async(std::launch::async, [this] { server_.Shutdown(); });
  if (shutdown.wait_for(std::chrono::seconds(20)) !=
      std::future_status::ready) {
    // The server would never stop, and neither would this test: give up.
    std::fprintf(
        stderr,
        "FAILED: the server did not shut down: a Chat handler never ended "
        "after its call was cancelled\n");
    std::_Exit(1);
  }
  for (auto& member : members) {
    const grpc::Status status = member->Leave();
    EXPECT_FALSE(status.ok())
        << "the server shut down, yet the call ended with OK";
  }
}

}  // namespace
}  // namespace workbook::bidi
