// The lesson 01 client program: `client --target=127.0.0.1:50051 --name=Ada`.
#include <iostream>
#include <string>

#include "absl/flags/flag.h"
#include "client.h"
#include "common/plumbing/client_flags.h"
#include "common/plumbing/flags.h"
#include "common/plumbing/rpc_errors.h"

ABSL_FLAG(std::string, name, "world", "Who the server should greet");

// [begin main]
int main(int argc, char** argv) {
  workbook::ParseFlags(argc, argv, "Asks the lesson 01 Greeter to say hello.");
  const std::string target = workbook::TargetFlag();

  // Creating a channel does not connect yet; the first call does.
  auto channel =
      grpc::CreateChannel(target, grpc::InsecureChannelCredentials());
  workbook::unary::GreeterClient greeter(channel, workbook::DeadlineFlag());

  std::string greeting;
  const grpc::Status status =
      greeter.SayHello(absl::GetFlag(FLAGS_name), &greeting);
  if (!status.ok())
    return workbook::ReportRpcFailure("SayHello", target, status);
  std::cout << "Greeter replied: " << greeting << "\n";
  return 0;
}
// [end main]
