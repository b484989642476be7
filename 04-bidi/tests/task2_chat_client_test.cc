// Task 2: ChatClient, the client side of a bidirectional stream. Tested
// against a fake chat room written here, whose script each test sets, so the
// test needs none of the server tasks.
#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "client.h"
#include "common/plumbing/rpc_errors.h"
#include "common/testing/test_server.h"

namespace workbook::bidi {
namespace {

using std::chrono::milliseconds;
using workbook::testing::DeadlineIn;
using workbook::testing::kRpcDeadline;
using ChatStream = grpc::ServerReaderWriter<ChatEvent, ChatMessage>;

ChatEvent Said(const std::string& from, const std::string& text) {
  ChatEvent event;
  event.mutable_said()->set_from(from);
  event.mutable_said()->set_text(text);
  return event;
}

// A chat room that does whatever the test's script says, and records what
// the client sent and whether the call was cancelled.
class FakeChatRoom final : public ChatRoom::Service {
 public:
  using Script = std::function<grpc::Status(ChatStream*, FakeChatRoom&)>;

  grpc::Status Chat(grpc::ServerContext* context, ChatStream* stream) override {
    Script script;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      script = script_;
      deadline_ = context->deadline();
    }
    const grpc::Status status = script(stream, *this);
    std::lock_guard<std::mutex> lock(mutex_);
    cancelled_ = context->IsCancelled();
    ended_ = true;
    ended_changed_.notify_all();
    return status;
  }

  // Reads one message and records it; false when the client is done.
  bool ReadOne(ChatStream* stream) {
    ChatMessage message;
    if (!stream->Read(&message)) return false;
    std::lock_guard<std::mutex> lock(mutex_);
    received_.push_back(message);
    return true;
  }

  void ReadUntilTheClientIsDone(ChatStream* stream) {
    while (ReadOne(stream)) {
    }
  }

  void SetScript(Script script) {
    std::lock_guard<std::mutex> lock(mutex_);
    script_ = std::move(script);
  }

  std::vector<ChatMessage> received() {
    std::lock_guard<std::mutex> lock(mutex_);
    return received_;
  }

  std::chrono::system_clock::time_point deadline() {
    std::lock_guard<std::mutex> lock(mutex_);
    return deadline_;
  }

  // Waits until a call has ended; returns whether it was cancelled.
  bool WaitForTheEnd(bool* cancelled) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (!ended_changed_.wait_for(lock, kRpcDeadline,
                                 [this] { return ended_; })) {
      return false;
    }
    *cancelled = cancelled_;
    return true;
  }

 private:
  std::mutex mutex_;
  std::condition_variable ended_changed_;
  Script script_;
  std::vector<ChatMessage> received_;
  std::chrono::system_clock::time_point deadline_;
  bool ended_ = false;
  bool cancelled_ = false;
};

// Collects the events a ChatClient hands to its handler (on its reader thread).
class EventLog {
 public:
  ChatClient::EventHandler Handler() {
    return [this](const ChatEvent& event) {
      std::lock_guard<std::mutex> lock(mutex_);
      events_.push_back(event);
      changed_.notify_all();
    };
  }

  // Waits (bounded) until `count` events have arrived.
  bool WaitForCount(size_t count) {
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_for(lock, kRpcDeadline,
                             [&] { return events_.size() >= count; });
  }

  std::vector<ChatEvent> events() {
    std::lock_guard<std::mutex> lock(mutex_);
    return events_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<ChatEvent> events_;
};

class Task2_ChatClient : public workbook::testing::ServiceTest<FakeChatRoom> {
 protected:
  EventLog log_;
  ChatClient client_{server_.NewChannel(), log_.Handler()};
};

TEST_F(Task2_ChatClient, SendsTheJoinThenEveryLineThenLeavesWithOk) {
  service_.SetScript([](ChatStream* stream, FakeChatRoom& room) {
    room.ReadUntilTheClientIsDone(stream);
    return grpc::Status::OK;
  });
  ASSERT_TRUE(client_.Join("Ada", DeadlineIn()));
  ASSERT_TRUE(client_.Say("one"));
  ASSERT_TRUE(client_.Say("two"));
  const grpc::Status status = client_.Leave();
  EXPECT_TRUE(status.ok()) << DescribeStatus(status);

  const std::vector<ChatMessage> received = service_.received();
  ASSERT_EQ(received.size(), 3u) << "expected the join and two lines";
  EXPECT_EQ(received[0].join().name(), "Ada")
      << "the first message must be the join";
  EXPECT_EQ(received[1].text(), "one");
  EXPECT_EQ(received[2].text(), "two");
}

// The client must read while it is still in the room, not only when it
// leaves: the room talks whenever it likes. Each step waits for the other
// side, so this proves the interleaving without timing anything.
TEST_F(Task2_ChatClient, ReceivesEventsWhileItIsStillSending) {
  service_.SetScript([](ChatStream* stream, FakeChatRoom& room) {
    if (!room.ReadOne(stream)) return grpc::Status::OK;  // The join.
    stream->Write(Said("Host", "welcome, say something"));
    if (!room.ReadOne(stream)) return grpc::Status::OK;  // The client's answer.
    stream->Write(Said("Host", "thanks"));
    room.ReadUntilTheClientIsDone(stream);
    return grpc::Status::OK;
  });
  ASSERT_TRUE(client_.Join("Ada", DeadlineIn()));
  ASSERT_TRUE(log_.WaitForCount(1))
      << "an event the server sent did not arrive while the client was still "
         "in the room: "
         "read on a thread of your own, started in Join()";
  ASSERT_TRUE(client_.Say("hello"));
  ASSERT_TRUE(log_.WaitForCount(2))
      << "the answer to the client's line did not arrive";
  const grpc::Status status = client_.Leave();
  EXPECT_TRUE(status.ok()) << DescribeStatus(status);
  const std::vector<ChatEvent> events = log_.events();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].said().text(), "welcome, say something");
  EXPECT_EQ(events[1].said().text(), "thanks");
}

// After WritesDone the server may still talk; Leave() returns only when
// every last event has been handled, then Finish() gives the status.
TEST_F(Task2_ChatClient, LeaveHandlesWhatTheServerSendsAfterTheClientIsDone) {
  service_.SetScript([](ChatStream* stream, FakeChatRoom& room) {
    room.ReadUntilTheClientIsDone(stream);
    for (int i = 1; i <= 3; ++i)
      stream->Write(Said("Host", "goodbye " + std::to_string(i)));
    return grpc::Status::OK;
  });
  ASSERT_TRUE(client_.Join("Ada", DeadlineIn()));
  const grpc::Status status = client_.Leave();
  EXPECT_TRUE(status.ok()) << DescribeStatus(status);
  const std::vector<ChatEvent> events =
      log_.events();  // No waiting: Leave() drained them.
  ASSERT_EQ(events.size(), 3u)
      << "Leave() returned before every event was handled";
  for (int i = 1; i <= 3; ++i)
    EXPECT_EQ(events[i - 1].said().text(), "goodbye " + std::to_string(i));
}

TEST_F(Task2_ChatClient, ReturnsTheStatusTheServerEndsTheCallWith) {
  service_.SetScript([](ChatStream* stream, FakeChatRoom& room) {
    room.ReadOne(stream);
    return grpc::Status(grpc::StatusCode::PERMISSION_DENIED,
                        "the room is closed");
  });
  client_.Join("Ada", DeadlineIn());  // May fail if the server is already done.
  const grpc::Status status = client_.Leave();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED)
      << DescribeStatus(status);
  EXPECT_EQ(status.error_message(), "the room is closed");
}

TEST_F(Task2_ChatClient, SendsTheDeadlineItWasGiven) {
  service_.SetScript([](ChatStream* stream, FakeChatRoom& room) {
    room.ReadUntilTheClientIsDone(stream);
    return grpc::Status::OK;
  });
  const auto deadline = DeadlineIn(milliseconds(3000));
  ASSERT_TRUE(client_.Join("Ada", deadline));
  ASSERT_TRUE(client_.Leave().ok());
  EXPECT_NEAR(
      std::chrono::duration<double>(service_.deadline() - deadline).count(),
      0.0, 0.1)
      << "the call did not carry the deadline given to Join()";
}

TEST_F(Task2_ChatClient, LeavingWithoutLeaveCancelsTheCall) {
  service_.SetScript([](ChatStream* stream, FakeChatRoom& room) {
    room.ReadUntilTheClientIsDone(stream);
    return grpc::Status::OK;
  });
  {
    ChatClient visitor(server_.NewChannel(), [](const ChatEvent&) {});
    ASSERT_TRUE(visitor.Join("Ada", DeadlineIn()));
  }  // Destroyed without Leave().
  bool cancelled = false;
  ASSERT_TRUE(service_.WaitForTheEnd(&cancelled))
      << "the server never saw the call end";
  EXPECT_TRUE(cancelled)
      << "a client that goes away without Leave() cancels its call";
}

TEST_F(Task2_ChatClient, SayAndLeaveBeforeJoinFailCleanly) {
  EXPECT_FALSE(client_.Say("too early"));
  EXPECT_EQ(client_.Leave().error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
}

TEST(Task2_ChatClientWithoutServer, ReportsUnavailable) {
  workbook::testing::RefusingAddress nobody;
  ChatClient client(
      grpc::CreateChannel(nobody.address(), grpc::InsecureChannelCredentials()),
      [](const ChatEvent&) {});
  client.Join("Ada", DeadlineIn());  // Fails, or the call fails just after.
  const grpc::Status status = client.Leave();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE)
      << DescribeStatus(status);
}

}  // namespace
}  // namespace workbook::bidi
