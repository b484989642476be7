// The 1.51 landmine: an illegal metadata key or value does not fail the
// call, it aborts the process that adds it - client or server. Shown with
// death tests: the statement runs in a child process, and the test checks
// how that child died. A lesson check: plain gRPC calls, no task code (the
// lesson's client program shows the same in SmokeTest).
#include <gtest/gtest.h>

#include <string>

#include "common/testing/test_server.h"
#include "metadata.grpc.pb.h"
#include "tests/scripted_greeter.h"

namespace workbook::metadata {
namespace {

// What gRPC 1.51 logs just before it calls abort().
constexpr char kApiMisuse[] =
    "API misuse of type GRPC_CALL_ERROR_INVALID_METADATA observed";

// A death test's child must start afresh ("threadsafe"): a process that
// already runs gRPC's threads cannot simply fork.
class Landmine : public ::testing::Test {
 protected:
  Landmine() { GTEST_FLAG_SET(death_test_style, "threadsafe"); }
};

// [begin landmine-client]
// Calls SayHello on a server that is not there, with `key: value` added.
grpc::Status CallWithHeader(const std::string& key, const std::string& value) {
  workbook::testing::RefusingAddress nobody;
  auto stub = Greeter::NewStub(grpc::CreateChannel(
      nobody.address(), grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  context.set_deadline(workbook::testing::DeadlineIn());
  context.AddMetadata(key, value);  // Accepted here, without a word...
  HelloReply reply;
  return stub->SayHello(&context, HelloRequest(), &reply);  // ...fatal here.
}

TEST_F(Landmine, AnUpperCaseKeyAbortsTheClient) {
  EXPECT_DEATH(CallWithHeader("Request-Id", "42"), kApiMisuse);
}

TEST_F(Landmine, ANonAsciiValueAbortsTheClient) {
  EXPECT_DEATH(CallWithHeader("x-city", "Zürich"), kApiMisuse);
}
// [end landmine-client]

TEST_F(Landmine, TheSameBytesUnderABinKeyAreFine) {
  // No abort: the call is made, and fails because nobody listens.
  EXPECT_EQ(CallWithHeader("x-city-bin", "Zürich").error_code(),
            grpc::StatusCode::UNAVAILABLE);
}

TEST_F(Landmine, AnIllegalHeaderAddedByAServerAbortsTheServer) {
  EXPECT_DEATH(
      {
        ScriptedGreeter greeter;
        greeter.OnSayHello(
            [](grpc::ServerContext* context, const HelloRequest&, HelloReply*) {
              context->AddInitialMetadata("Served-By", "me");  // Upper case.
              return grpc::Status::OK;
            });
        workbook::testing::TestServer server({&greeter});
        grpc::ClientContext context;
        context.set_deadline(workbook::testing::DeadlineIn());
        HelloReply reply;
        server.NewStub<Greeter>()->SayHello(&context, HelloRequest(), &reply);
      },
      kApiMisuse);
}

// The order of a stream's reads is checked the same way: by an assertion
// that ends the process.
class StreamOrder : public Landmine {
 protected:
  // A server whose stream sends headers and one reply.
  static void Serve(ScriptedGreeter& greeter) {
    greeter.OnSayHelloServerStream([](grpc::ServerContext* context,
                                      const HelloRequest&,
                                      grpc::ServerWriter<HelloReply>* writer) {
      context->AddInitialMetadata("x-served-by", "here");
      writer->Write(HelloReply());
      return grpc::Status::OK;
    });
  }
};

TEST_F(StreamOrder, WaitingForTheHeadersAfterAReadAbortsTheClient) {
  EXPECT_DEATH(
      {
        ScriptedGreeter greeter;
        Serve(greeter);
        workbook::testing::TestServer server({&greeter});
        grpc::ClientContext context;
        context.set_deadline(workbook::testing::DeadlineIn());
        auto reader = server.NewStub<Greeter>()->SayHelloServerStream(
            &context, HelloRequest());
        HelloReply reply;
        reader->Read(&reply);              // The headers came with it...
        reader->WaitForInitialMetadata();  // ...so this is too late.
      },
      "assertion failed: !context_->initial_metadata_received_");
}

TEST_F(StreamOrder, ReadingTheHeadersBeforeTheyArrivedAbortsTheClient) {
  EXPECT_DEATH(
      {
        ScriptedGreeter greeter;
        Serve(greeter);
        workbook::testing::TestServer server({&greeter});
        grpc::ClientContext context;
        context.set_deadline(workbook::testing::DeadlineIn());
        auto reader = server.NewStub<Greeter>()->SayHelloServerStream(
            &context, HelloRequest());
        context.GetServerInitialMetadata();  // Neither waited nor read yet.
      },
      "assertion failed: initial_metadata_received_");
}

TEST_F(StreamOrder, SendingTheHeadersAfterAWriteAbortsTheServer) {
  EXPECT_DEATH(
      {
        ScriptedGreeter greeter;
        greeter.OnSayHelloServerStream(
            [](grpc::ServerContext*, const HelloRequest&,
               grpc::ServerWriter<HelloReply>* writer) {
              writer->Write(HelloReply());    // The headers went with it...
              writer->SendInitialMetadata();  // ...so there is nothing to send.
              return grpc::Status::OK;
            });
        workbook::testing::TestServer server({&greeter});
        grpc::ClientContext context;
        context.set_deadline(workbook::testing::DeadlineIn());
        auto reader = server.NewStub<Greeter>()->SayHelloServerStream(
            &context, HelloRequest());
        HelloReply reply;
        while (reader->Read(&reply)) {
        }
        reader->Finish();
      },
      "assertion failed: !ctx_->sent_initial_metadata_");
}

}  // namespace
}  // namespace workbook::metadata
