// Flags every lesson client shares: where the server is, and how long to wait.
#ifndef WORKBOOK_COMMON_PLUMBING_CLIENT_FLAGS_H_
#define WORKBOOK_COMMON_PLUMBING_CLIENT_FLAGS_H_

#include <chrono>
#include <string>

namespace workbook {

/// --target: the server's address, "host:port" (default 127.0.0.1:50051).
std::string TargetFlag();

/// --deadline_ms: the time budget of each call; must be positive.
std::chrono::milliseconds DeadlineFlag();

}  // namespace workbook

#endif  // WORKBOOK_COMMON_PLUMBING_CLIENT_FLAGS_H_
