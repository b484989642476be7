// The lesson 05 client program. With no flags it tells the lesson's story
// against a server with the default --signing_ms=500:
//   client --target=127.0.0.1:50051
// With --desk it makes one call you describe, to replay a case by hand:
//   client --desk=naive --deadline_ms=200 --request_id=r-1 --name=Ada
//   client --desk=guest_book --cancel_after_ms=100
//   client --desk=guest_book --request_id=r-1 --attempts=3
#include <chrono>
#include <cstdint>
#include <iostream>
#include <random>
#include <sstream>
#include <string>

#include "absl/flags/flag.h"
#include "client.h"
#include "common/plumbing/client_flags.h"
#include "common/plumbing/flags.h"
#include "common/plumbing/rpc_errors.h"

ABSL_FLAG(std::string, desk, "",
          "Make one call to this service: guest_book, naive or frontdesk "
          "(empty: tell the lesson's story)");
ABSL_FLAG(std::string, name, "Ada", "Who signs the book");
ABSL_FLAG(std::string, request_id, "",
          "The request id; send the same one again to see a replay (empty: "
          "a new one)");
ABSL_FLAG(int64_t, cancel_after_ms, 0,
          "Cancel the call this many ms after it started (0: never)");
ABSL_FLAG(int32_t, attempts, 1,
          "Attempts in all; above 1, retry DEADLINE_EXCEEDED and UNAVAILABLE "
          "with the same request id, each attempt with --deadline_ms");
ABSL_FLAG(bool, wait_for_ready, false,
          "Wait for the server to be reachable (within the deadline) instead "
          "of failing UNAVAILABLE at once");

namespace {

using workbook::deadlines::CallOptions;
using workbook::deadlines::Desk;
using workbook::deadlines::GuestBookClient;
using workbook::deadlines::MethodName;
using workbook::deadlines::RetryPolicy;
using workbook::deadlines::RetryResult;
using workbook::deadlines::SignReply;
using workbook::deadlines::SignRequest;

// Request ids unique to this run of the program: "r-3f9a2c-1", "r-3f9a2c-2"...
class RequestIds {
 public:
  RequestIds() {
    std::ostringstream prefix;
    prefix << "r-" << std::hex << (std::random_device()() & 0xffffff) << "-";
    prefix_ = prefix.str();
  }
  std::string Next() { return prefix_ + std::to_string(++count_); }

 private:
  std::string prefix_;
  int count_ = 0;
};

SignRequest MakeRequest(const std::string& request_id,
                        const std::string& name) {
  SignRequest request;
  request.set_request_id(request_id);
  request.set_name(name);
  return request;
}

std::string Describe(const grpc::Status& status, const SignReply& reply) {
  if (!status.ok()) return workbook::DescribeStatus(status);
  return "OK: " + reply.greeting() +
         (reply.replayed() ? " (a replay: this request had signed before)"
                           : "");
}

// One scene of the story: what is tried, then what the client saw.
void Scene(int number, const std::string& what) {
  std::cout << "\n" << number << ". " << what << std::endl;
}

int TellTheStory(const std::string& target) {
  auto channel =
      grpc::CreateChannel(target, grpc::InsecureChannelCredentials());
  GuestBookClient careful(channel, Desk::kGuestBook);
  GuestBookClient naive(channel, Desk::kNaiveGuestBook);
  RequestIds ids;
  SignReply reply;
  CallOptions patient;
  patient.deadline = std::chrono::milliseconds(2000);
  CallOptions hasty;
  hasty.deadline = std::chrono::milliseconds(200);

  Scene(1, "A patient client: GuestBook.Sign, deadline 2000 ms");
  grpc::Status status =
      careful.SignOnce(MakeRequest(ids.Next(), "Ada"), patient, &reply);
  if (!status.ok()) {
    return workbook::ReportRpcFailure("GuestBook.Sign", target, status);
  }
  std::cout << "   " << Describe(status, reply) << std::endl;

  Scene(2,
        "A client gives up, and the naive server signs anyway: "
        "NaiveGuestBook.Sign, deadline 200 ms (signing takes 500)");
  const SignRequest given_up = MakeRequest(ids.Next(), "Grace");
  status = naive.SignOnce(given_up, hasty, &reply);
  std::cout << "   " << Describe(status, reply) << "\n"
            << "   The client cannot tell whether the book was signed. The "
               "server's log tells: signed, for a client that had gone.\n";

  Scene(3,
        "The careful server refuses what it cannot finish in time: "
        "GuestBook.Sign, deadline 200 ms");
  status = careful.SignOnce(MakeRequest(ids.Next(), "Barbara"), hasty, &reply);
  std::cout << "   " << Describe(status, reply) << std::endl;

  Scene(4,
        "The careful server does not sign for a client that left: "
        "GuestBook.Sign, deadline 2000 ms, cancelled after 200 ms");
  CallOptions cancelled = patient;
  cancelled.cancel_after = std::chrono::milliseconds(200);
  status =
      careful.SignOnce(MakeRequest(ids.Next(), "Linus"), cancelled, &reply);
  std::cout << "   " << Describe(status, reply) << "\n"
            << "   The server's log: not signed.\n";

  Scene(5,
        "A safe retry: scene 2's request again, same request id, "
        "GuestBook.Sign with up to 3 attempts");
  const RetryResult retried =
      careful.SignWithRetry(given_up, RetryPolicy{3, patient.deadline}, &reply);
  std::cout << "   after " << retried.attempts
            << " attempt(s): " << Describe(retried.status, reply) << "\n"
            << "   Grace is in the book once, whichever attempt signed.\n";
  return retried.status.ok() ? 0
                             : workbook::ReportRpcFailure(
                                   "GuestBook.Sign", target, retried.status);
}

Desk DeskFlag() {
  const std::string desk = absl::GetFlag(FLAGS_desk);
  if (desk == "guest_book") return Desk::kGuestBook;
  if (desk == "naive") return Desk::kNaiveGuestBook;
  if (desk == "frontdesk") return Desk::kFrontdesk;
  workbook::UsageError("--desk must be guest_book, naive or frontdesk, not \"" +
                       desk + "\"");
}

int MakeOneCall(const std::string& target, std::chrono::milliseconds deadline) {
  const Desk desk = DeskFlag();
  const int64_t cancel_after_ms = absl::GetFlag(FLAGS_cancel_after_ms);
  const int32_t attempts = absl::GetFlag(FLAGS_attempts);
  if (cancel_after_ms < 0)
    workbook::UsageError("--cancel_after_ms must not be negative");
  if (attempts < 1) workbook::UsageError("--attempts must be at least 1");
  if (attempts > 1 &&
      (cancel_after_ms > 0 || absl::GetFlag(FLAGS_wait_for_ready)))
    workbook::UsageError(
        "--attempts above 1 retries plain calls; leave out --cancel_after_ms "
        "and --wait_for_ready");
  std::string request_id = absl::GetFlag(FLAGS_request_id);
  if (request_id.empty()) request_id = RequestIds().Next();
  const SignRequest request =
      MakeRequest(request_id, absl::GetFlag(FLAGS_name));

  GuestBookClient client(
      grpc::CreateChannel(target, grpc::InsecureChannelCredentials()), desk);
  std::cout << MethodName(desk) << "(request " << request_id << ", \""
            << request.name() << "\"):" << std::endl;
  SignReply reply;
  grpc::Status status;
  if (attempts > 1) {
    const RetryResult result =
        client.SignWithRetry(request, RetryPolicy{attempts, deadline}, &reply);
    std::cout << "  attempts: " << result.attempts << std::endl;
    status = result.status;
  } else {
    CallOptions options;
    options.deadline = deadline;
    if (cancel_after_ms > 0)
      options.cancel_after = std::chrono::milliseconds(cancel_after_ms);
    options.wait_for_ready = absl::GetFlag(FLAGS_wait_for_ready);
    status = client.SignOnce(request, options, &reply);
  }
  if (!status.ok()) {
    return workbook::ReportRpcFailure(MethodName(desk), target, status);
  }
  std::cout << "  " << Describe(status, reply) << std::endl;
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  workbook::ParseFlags(argc, argv,
                       "Signs the lesson 05 guest book: tells the lesson's "
                       "story (with deadlines of its own), or with --desk "
                       "makes one call described by the flags.");
  const std::string target = workbook::TargetFlag();
  const std::chrono::milliseconds deadline = workbook::DeadlineFlag();
  if (absl::GetFlag(FLAGS_desk).empty()) return TellTheStory(target);
  return MakeOneCall(target, deadline);
}
