#include <chrono>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "metadata_keys.h"
#include "requests.h"
#include "rich_errors.h"
#include "server.h"

namespace workbook::metadata {

namespace {

using Clock = std::chrono::steady_clock;

// The values of `key` among the client's headers. client_metadata() is a
// multimap: a key the client sent twice is there twice.
std::vector<std::string> HeaderValues(const grpc::ServerContext& context,
                                      std::string_view key) {
  std::vector<std::string> values;
  const auto [first, last] = context.client_metadata().equal_range(
      grpc::string_ref(key.data(), key.size()));
  for (auto it = first; it != last; ++it) {
    // string_ref is a view into the call's memory, not a std::string:
    // copy it (data + size; it is not NUL-terminated).
    values.emplace_back(it->second.data(), it->second.size());
  }
  return values;
}

// Echoes the client's request id (or a new one) and says who answered.
// These go into the call's headers: sent with the first reply, or with the
// status when there is no reply.
grpc::Status AddCallHeaders(grpc::ServerContext& context,
                            const ServerSettings& settings) {
  context.AddInitialMetadata(std::string(kServedByKey), settings.name);
  const std::vector<std::string> ids = HeaderValues(context, kRequestIdKey);
  if (ids.size() > 1) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        "send x-request-id once; it came " +
                            std::to_string(ids.size()) + " times");
  }
  if (ids.empty()) {
    context.AddInitialMetadata(std::string(kRequestIdKey), NewRequestId());
    return grpc::Status::OK;
  }
  // Checked before it is copied: an illegal value would abort this server
  // (gRPC 1.51), a huge one would make our own headers too big.
  if (grpc::Status id = CheckRequestId(ids.front()); !id.ok()) return id;
  context.AddInitialMetadata(std::string(kRequestIdKey), ids.front());
  return grpc::Status::OK;
}

grpc::Status Authenticate(const grpc::ServerContext& context,
                          const std::string& token) {
  const std::map<std::string, std::string> header = {
      {"header", std::string(kAuthorizationKey)}};
  const std::vector<std::string> values =
      HeaderValues(context, kAuthorizationKey);
  if (values.empty()) {
    return RichError(grpc::StatusCode::UNAUTHENTICATED,
                     "no authorization header; send \"authorization: Bearer "
                     "<token>\"",
                     "TOKEN_MISSING", header);
  }
  if (values.size() > 1 || values.front().rfind(kBearerPrefix, 0) != 0) {
    return RichError(grpc::StatusCode::UNAUTHENTICATED,
                     "send one authorization header of the form \"Bearer "
                     "<token>\"",
                     "TOKEN_MALFORMED", header);
  }
  if (values.front().substr(kBearerPrefix.size()) != token) {
    return RichError(grpc::StatusCode::UNAUTHENTICATED,
                     "the bearer token is not valid for this server",
                     "TOKEN_REJECTED", header);
  }
  return grpc::Status::OK;
}

// The checks every call passes before any greeting, in this order: the
// headers first, so that even a refused call says who refused it and which
// request it was.
grpc::Status Admit(grpc::ServerContext& context, const ServerSettings& settings,
                   const HelloRequest& request, bool streaming) {
  if (grpc::Status headers = AddCallHeaders(context, settings); !headers.ok()) {
    return headers;
  }
  if (grpc::Status auth = Authenticate(context, settings.token); !auth.ok()) {
    return auth;
  }
  return CheckHelloRequest(request, streaming);
}

// The figure only the end of the call knows. Added just before the handler
// returns its status, on every path: trailers travel with the status, so
// this is the last moment to add one.
void AddElapsedTrailer(grpc::ServerContext& context, Clock::time_point start) {
  const auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(
      Clock::now() - start);
  context.AddTrailingMetadata(std::string(kElapsedKey),
                              std::to_string(elapsed.count()));
}

}  // namespace

grpc::Status GreeterService::SayHello(grpc::ServerContext* context,
                                      const HelloRequest* request,
                                      HelloReply* reply) {
  const Clock::time_point start = Clock::now();
  grpc::Status status =
      Admit(*context, settings_, *request, /*streaming=*/false);
  if (status.ok()) reply->set_message("Hello, " + request->name() + "!");
  AddElapsedTrailer(*context, start);
  return status;
}

grpc::Status GreeterService::SayHelloServerStream(
    grpc::ServerContext* context, const HelloRequest* request,
    grpc::ServerWriter<HelloReply>* writer) {
  const Clock::time_point start = Clock::now();
  grpc::Status status =
      Admit(*context, settings_, *request, /*streaming=*/true);
  if (status.ok()) {
    // The headers are complete: send them now, on their own. The client
    // learns who answers before the first greeting is even computed.
    writer->SendInitialMetadata();
    HelloReply reply;
    const std::string count = std::to_string(request->count());
    for (uint32_t i = 1; i <= request->count(); ++i) {
      reply.set_message("Hello, " + request->name() + "! (" +
                        std::to_string(i) + " of " + count + ")");
      if (!writer->Write(reply)) {
        status = grpc::Status(grpc::StatusCode::CANCELLED, "the client left");
        break;
      }
    }
  }
  AddElapsedTrailer(*context, start);
  return status;
}

}  // namespace workbook::metadata
