// Counting the threads of the test process, to measure claims such as "a
// callback server does not need a thread per call".
#ifndef WORKBOOK_COMMON_TESTING_THREADS_H_
#define WORKBOOK_COMMON_TESTING_THREADS_H_

namespace workbook::testing {

/// The number of threads this process has right now (the entries of
/// /proc/self/task; Linux only). gRPC starts and ends threads of its own, so
/// compare counts with a margin, not exactly.
int ThreadCount();

}  // namespace workbook::testing

#endif  // WORKBOOK_COMMON_TESTING_THREADS_H_
