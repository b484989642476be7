#include "common/plumbing/client_flags.h"

#include <cstdint>
#include <string>

#include "absl/flags/flag.h"
#include "common/plumbing/flags.h"

ABSL_FLAG(std::string, target, "127.0.0.1:50051",
          "Address of the server, host:port");
ABSL_FLAG(int64_t, deadline_ms, 2000,
          "Deadline of each call in milliseconds; the call fails with "
          "DEADLINE_EXCEEDED when it takes longer");

namespace workbook {

std::string TargetFlag() {
  std::string target = absl::GetFlag(FLAGS_target);
  if (target.empty())
    UsageError("--target must not be empty (try 127.0.0.1:50051)");
  return target;
}

std::chrono::milliseconds DeadlineFlag() {
  const int64_t deadline_ms = absl::GetFlag(FLAGS_deadline_ms);
  if (deadline_ms <= 0)
    UsageError("--deadline_ms must be a positive number of milliseconds");
  return std::chrono::milliseconds(deadline_ms);
}

}  // namespace workbook
