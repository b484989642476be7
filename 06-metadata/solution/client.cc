#include "client.h"

#include <memory>
#include <string>

#include "metadata_keys.h"

namespace workbook::metadata {

namespace {

// Everything the client sends besides the request goes into the context,
// before the call starts: once the call has begun, its headers are gone.
void Prepare(grpc::ClientContext& context, const CallOptions& options) {
  context.set_deadline(std::chrono::system_clock::now() + options.deadline);
  if (!options.token.empty()) {
    context.AddMetadata(std::string(kAuthorizationKey),
                        std::string(kBearerPrefix) + options.token);
  }
  if (!options.request_id.empty()) {
    context.AddMetadata(std::string(kRequestIdKey), options.request_id);
  }
  for (const auto& [key, value] : options.headers) {
    context.AddMetadata(key, value);
  }
}

}  // namespace

Metadata CopyMetadata(
    const std::multimap<grpc::string_ref, grpc::string_ref>& map) {
  Metadata copy;
  copy.reserve(map.size());
  for (const auto& [key, value] : map) {
    copy.emplace_back(std::string(key.data(), key.size()),
                      std::string(value.data(), value.size()));
  }
  return copy;
}

CallRecord GreeterClient::SayHello(const std::string& name,
                                   const CallOptions& options) {
  grpc::ClientContext context;
  Prepare(context, options);
  HelloRequest request;
  request.set_name(name);
  HelloReply reply;
  CallRecord record;
  record.status = stub_->SayHello(&context, request, &reply);
  if (record.status.ok()) record.replies.push_back(reply.message());
  // A unary call is over when the stub returns: both maps are final, and
  // filled on failure too. Copy them before `context` goes away.
  record.server_headers = CopyMetadata(context.GetServerInitialMetadata());
  record.server_trailers = CopyMetadata(context.GetServerTrailingMetadata());
  return record;
}

CallRecord GreeterClient::SayHelloServerStream(
    const std::string& name, uint32_t count, const CallOptions& options,
    const HeadersListener& on_headers) {
  grpc::ClientContext context;
  Prepare(context, options);
  HelloRequest request;
  request.set_name(name);
  request.set_count(count);
  std::unique_ptr<grpc::ClientReader<HelloReply>> reader =
      stub_->SayHelloServerStream(&context, request);
  // Blocks until the server's headers arrive (or the call ends). Allowed
  // only before the first Read(): afterwards gRPC 1.51 aborts.
  reader->WaitForInitialMetadata();
  CallRecord record;
  record.server_headers = CopyMetadata(context.GetServerInitialMetadata());
  if (on_headers) on_headers(record.server_headers);
  HelloReply reply;
  while (reader->Read(&reply)) record.replies.push_back(reply.message());
  record.status = reader->Finish();
  // Trailers exist only now that Finish() has returned the status.
  record.server_trailers = CopyMetadata(context.GetServerTrailingMetadata());
  return record;
}

}  // namespace workbook::metadata
