#include <grpcpp/grpcpp.h>

#include <memory>
#include <utility>

#include "client.h"

namespace workbook::async {
namespace {

// Everything one call on the queue needs, until its tag comes back: the
// address of this object *is* the tag, so Next() hands it back to us.
struct PendingGreeting {
  std::string name;
  grpc::ClientContext context;
  HelloReply reply;
  grpc::Status status;  // Written by gRPC before the tag comes back.
  std::unique_ptr<grpc::ClientAsyncResponseReader<HelloReply>> reader;
};

}  // namespace

std::vector<NamedGreeting> GreeterClient::GreetAll(
    const std::vector<std::string>& names, std::chrono::milliseconds timeout,
    const std::function<void(const NamedGreeting&)>& on_each) {
  // One queue for every call: gRPC puts each call's tag on it when the call
  // ends, and this thread takes them off in that order with Next().
  grpc::CompletionQueue queue;
  std::vector<std::unique_ptr<PendingGreeting>> pending;
  pending.reserve(names.size());
  const auto deadline = std::chrono::system_clock::now() + timeout;

  for (const std::string& name : names) {
    auto call = std::make_unique<PendingGreeting>();
    call->name = name;
    call->context.set_deadline(deadline);
    HelloRequest request;  // Serialised by StartCall(): need not outlive it.
    request.set_name(name);
    call->reader = stub_->PrepareAsyncSayHello(&call->context, request, &queue);
    call->reader->StartCall();
    // The tag is the call's own address: whatever comes back from Next() is
    // the state of the call that ended.
    call->reader->Finish(&call->reply, &call->status, call.get());
    pending.push_back(std::move(call));
  }

  std::vector<NamedGreeting> results;
  results.reserve(names.size());
  void* tag = nullptr;
  bool ok = false;
  while (results.size() < pending.size() && queue.Next(&tag, &ok)) {
    // For a client Finish() `ok` is always true: the outcome is the status.
    auto* call = static_cast<PendingGreeting*>(tag);
    NamedGreeting outcome{call->name, {call->status, ""}};
    if (call->status.ok()) outcome.result.greeting = call->reply.message();
    if (on_each) on_each(outcome);
    results.push_back(std::move(outcome));
  }

  // The step most examples leave out: a queue must be shut down and then
  // drained (Next() until it returns false) before it is destroyed, and no
  // call's state may be freed while gRPC may still hand its tag back.
  queue.Shutdown();
  while (queue.Next(&tag, &ok)) {
  }
  return results;  // `pending` is freed after the queue is empty.
}

}  // namespace workbook::async
