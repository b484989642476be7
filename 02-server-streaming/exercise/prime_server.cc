#include "primes.h"
#include "server.h"

namespace workbook::server_streaming {

grpc::Status PrimeService::ListPrimes(grpc::ServerContext* context,
                                      const ListPrimesRequest* request,
                                      grpc::ServerWriter<Prime>* writer) {
  if (grpc::Status invalid = ValidateListPrimesRequest(*request);
      !invalid.ok()) {
    return invalid;
  }
  PrimeStreamReport report;
  report.requested = request->count();
  PrimeSequence primes;
  Prime prime;
  // This loop streams every prime the client asked for, and that is its
  // problem: it keeps computing primes after the client has gone away.
  // TODO(02.3): stop computing as soon as the client is gone, and say so in
  // report.client_gone. The tests check that the server stops soon after
  // the client cancels, after its deadline passes and after it hangs up,
  // and still streams everything to a client that reads it all.
  (void)context;
  for (uint32_t index = 1; index <= report.requested; ++index) {
    prime.set_index(index);
    prime.set_value(primes.Next());
    ++report.produced;
    writer->Write(prime);
  }
  Report(report);
  // Nobody reads the status of a call the client abandoned, but it is
  // still the honest one to return.
  return report.client_gone
             ? grpc::Status(grpc::StatusCode::CANCELLED, "the client went away")
             : grpc::Status::OK;
}

}  // namespace workbook::server_streaming
