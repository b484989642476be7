// Tiered hints: hints.md of each lesson holds, per task, a "## Task N: ..."
// section with "### Hint 1", "### Hint 2", ... each saying a little more.
#ifndef WORKBOOK_TOOL_HINTS_H_
#define WORKBOOK_TOOL_HINTS_H_

#include <string>
#include <vector>

#include "tool/workbook.h"

namespace workbook {

struct TaskHints {
  std::vector<std::vector<std::string>> levels;  // the lines of each level
};

// The hints of task `task` in the lesson's hints.md; no levels when there
// are none.
TaskHints ReadHints(const Workbook& workbook, const std::string& lesson,
                    int task);

// The task of every "## Task N" heading of hints.md, as written ("2",
// "02", "x"), in order.
std::vector<std::string> HintSections(const Workbook& workbook,
                                      const std::string& lesson);

// `./workbook hint LESSON [TASK]`: shows the next level of a task's hints
// (of the current task without TASK) and remembers it in .workbook/hints/.
int CommandHint(const Workbook& workbook, const std::vector<std::string>& args);

}  // namespace workbook

#endif  // WORKBOOK_TOOL_HINTS_H_
