// Tests of ThreadCount(). gRPC starts and ends threads of its own at times
// of its choosing, so the count is checked in a child process that never
// started gRPC (a "threadsafe" death test runs this test alone in a fresh
// process of the same program).
#include "common/testing/threads.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <thread>

#include "common/testing/sync.h"

namespace workbook::testing {
namespace {

// Exits 0 if the count rises by exactly one while a thread of ours runs, and
// comes back down once it ended; prints the counts either way.
void CountAroundOneThread() {
  // Some runtimes start a helper thread of their own along with the first
  // thread a program creates (ThreadSanitizer does). A first thread, kept
  // running until the end, makes sure that happened before counting.
  Gate end;
  std::thread first([&] { end.Wait(); });
  end.WaitForWaiters(1);

  const int before = ThreadCount();
  Gate gate;
  std::thread second([&] { gate.Wait(); });
  gate.WaitForWaiters(1);
  const int during = ThreadCount();
  gate.Open();
  second.join();
  // join() returns when the thread has finished, a moment before the kernel
  // removes its /proc entry: wait for that state.
  const bool back = WaitUntil([&] { return ThreadCount() == before; });
  end.Open();
  first.join();
  std::fprintf(stderr, "before=%d during=%d back=%d\n", before, during, back);
  std::exit(during == before + 1 && back ? 0 : 1);
}

TEST(ThreadCountDeathTest, RisesByOneWhileAThreadRuns) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(CountAroundOneThread(), ::testing::ExitedWithCode(0), "");
}

TEST(ThreadCount, CountsAtLeastTheCallingThread) {
  EXPECT_GE(ThreadCount(), 1);
}

}  // namespace
}  // namespace workbook::testing
