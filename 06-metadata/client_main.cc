// The lesson 06 client program. Without flags it calls SayHello twice, with
// the token and without it, and shows both calls' metadata side by side:
//   client --target=127.0.0.1:50051
//   client --header=x-tenant:blue --header=x-tenant:green --request_id=r-42
//   client --stream=3 --compare=false
//   client --header=Bad-Key:x             refused here, with the rule
//   client --header=Bad-Key:x --unchecked gRPC 1.51 aborts the client
#include <cstdint>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/flags/flag.h"
#include "call_table.h"
#include "client.h"
#include "common/plumbing/client_flags.h"
#include "common/plumbing/flags.h"
#include "common/plumbing/rpc_errors.h"
#include "demo.h"
#include "metadata_keys.h"
#include "metadata_rules.h"

ABSL_FLAG(std::string, name, "world", "Who the server should greet");
ABSL_FLAG(std::string, token, std::string(workbook::metadata::kDemoToken),
          "Sent as \"authorization: Bearer <token>\"; empty sends none");
ABSL_FLAG(std::string, request_id, "",
          "Sent as x-request-id (empty: the server generates one)");
ABSL_FLAG(std::string, header, "",
          "key:value, a header to send; repeat the flag for more (the same "
          "key twice sends it twice)");
ABSL_FLAG(bool, unchecked, false,
          "Add the headers without checking them first. gRPC 1.51 then "
          "aborts this program on an illegal key or value");
ABSL_FLAG(uint32_t, stream, 0,
          "Call SayHelloServerStream for this many greetings instead of "
          "SayHello (0: SayHello)");
ABSL_FLAG(bool, compare, true,
          "Make the same call a second time without the token and show both "
          "side by side");

namespace {

using workbook::metadata::CallOptions;
using workbook::metadata::CallRecord;
using workbook::metadata::Metadata;

// Takes every --header out of argv (Abseil keeps only a flag's last value)
// and returns their values in order: "--header=k:v" and "--header k:v".
std::vector<std::string> TakeHeaderFlags(int& argc, char** argv) {
  std::vector<std::string> values;
  int kept = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const size_t equals = arg.find('=');
    const std::string_view name = arg.substr(0, equals);
    if (name != "--header" && name != "-header") {
      argv[kept++] = argv[i];
    } else if (equals != std::string_view::npos) {
      values.emplace_back(arg.substr(equals + 1));
    } else if (i + 1 < argc) {
      values.emplace_back(argv[++i]);
    } else {
      workbook::UsageError("--header needs a value, key:value");
    }
  }
  argc = kept;
  return values;
}

// Refuses, with the rule it breaks, an entry that would abort the program
// (unless --unchecked asks to see exactly that).
void Check(const std::string& flag, std::string_view key,
           std::string_view value) {
  if (absl::GetFlag(FLAGS_unchecked)) return;
  const grpc::Status status = workbook::metadata::ValidateMetadata(key, value);
  if (!status.ok()) {
    workbook::UsageError(flag + ": " + status.error_message() +
                         " (--unchecked sends it anyway: gRPC 1.51 then "
                         "aborts the program)");
  }
}

CallOptions OptionsFromFlags(const std::vector<std::string>& headers) {
  CallOptions options;
  options.deadline = workbook::DeadlineFlag();
  options.token = absl::GetFlag(FLAGS_token);
  options.request_id = absl::GetFlag(FLAGS_request_id);
  if (!options.token.empty()) {
    Check("--token", workbook::metadata::kAuthorizationKey,
          std::string(workbook::metadata::kBearerPrefix) + options.token);
  }
  if (!options.request_id.empty()) {
    Check("--request_id", workbook::metadata::kRequestIdKey,
          options.request_id);
  }
  for (const std::string& header : headers) {
    const size_t colon = header.find(':');
    if (colon == std::string::npos) {
      workbook::UsageError("--header=\"" + header + "\" is not key:value");
    }
    const std::string key = header.substr(0, colon);
    const std::string value = header.substr(colon + 1);
    Check("--header=\"" + header + "\"", key, value);
    options.headers.emplace_back(key, value);
  }
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> headers = TakeHeaderFlags(argc, argv);
  workbook::ParseFlags(
      argc, argv,
      "Calls the lesson 06 Greeter with headers and shows the headers and "
      "trailers that come back.");
  const std::string target = workbook::TargetFlag();
  const CallOptions options = OptionsFromFlags(headers);
  const std::string name = absl::GetFlag(FLAGS_name);
  const uint32_t count = absl::GetFlag(FLAGS_stream);
  const std::string rpc = count > 0 ? "SayHelloServerStream" : "SayHello";

  workbook::metadata::GreeterClient client(
      grpc::CreateChannel(target, grpc::InsecureChannelCredentials()));
  const auto call = [&](const CallOptions& with) {
    return count > 0 ? client.SayHelloServerStream(name, count, with)
                     : client.SayHello(name, with);
  };
  const CallRecord first = call(options);
  if (first.status.error_code() == grpc::StatusCode::UNAVAILABLE ||
      first.status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED) {
    // No server to show metadata of: one line, as every workbook client.
    return workbook::ReportRpcFailure(rpc, target, first.status);
  }
  std::vector<workbook::metadata::TitledCall> calls = {
      {options.token.empty() ? "without a token" : "with the token", &first}};
  CallRecord second;
  if (absl::GetFlag(FLAGS_compare) && !options.token.empty()) {
    CallOptions without_token = options;
    without_token.token.clear();
    second = call(without_token);
    calls.push_back({"without a token", &second});
  }
  std::cout << rpc << "(name=\"" << name << "\") to " << target << ":\n\n";
  workbook::metadata::PrintSideBySide(std::cout, calls);
  if (!first.status.ok()) {
    return workbook::ReportRpcFailure(rpc, target, first.status);
  }
  return 0;
}
