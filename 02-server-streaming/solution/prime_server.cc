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
  for (uint32_t index = 1; index <= report.requested; ++index) {
    // IsCancelled() turns true once the client cancels, its deadline passes
    // or its connection drops. Ask before the expensive part: the next prime
    // costs CPU time, and nobody would read it.
    if (context->IsCancelled()) {
      report.client_gone = true;
      break;
    }
    prime.set_index(index);
    prime.set_value(primes.Next());
    ++report.produced;
    // Write() blocks while the client's flow-control window is full (the
    // client reads slower than we write), and returns false once the stream
    // is dead: then no later Write() can succeed either.
    if (!writer->Write(prime)) {
      report.client_gone = true;
      break;
    }
  }
  Report(report);
  // Nobody reads the status of a call the client abandoned, but it is
  // still the honest one to return.
  return report.client_gone
             ? grpc::Status(grpc::StatusCode::CANCELLED, "the client went away")
             : grpc::Status::OK;
}

}  // namespace workbook::server_streaming
