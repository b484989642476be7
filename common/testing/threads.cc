#include "common/testing/threads.h"

#include <dirent.h>

#include <stdexcept>

namespace workbook::testing {

int ThreadCount() {
  // Each thread of the process is a directory /proc/self/task/<tid>.
  DIR* tasks = opendir("/proc/self/task");
  if (tasks == nullptr) throw std::runtime_error("cannot read /proc/self/task");
  int count = 0;
  while (const dirent* entry = readdir(tasks)) {
    if (entry->d_name[0] != '.') ++count;
  }
  closedir(tasks);
  return count;
}

}  // namespace workbook::testing
