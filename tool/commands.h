// The runner's commands. Each takes the arguments after its name and returns
// the exit code; a mistake on the command line throws UsageError.
#ifndef WORKBOOK_TOOL_COMMANDS_H_
#define WORKBOOK_TOOL_COMMANDS_H_

#include <string>
#include <vector>

#include "tool/workbook.h"

namespace workbook {

using Args = std::vector<std::string>;

// check LESSON [--quiet]: runs the student track's tests of a built lesson
// and reports them task by task; 0 when every task passes. --quiet (for
// watch) shows only the first failing task.
int CommandCheck(const Workbook& workbook, const Args& args);

// status: the progress bar, the current task and what to do next.
int CommandStatus(const Workbook& workbook, const Args& args);

// list: every lesson and task, done, current, failing or not started.
int CommandList(const Workbook& workbook, const Args& args);

// grade [LESSON...]: runs the built student track, prints a per-task table,
// writes grade.json and JUnit XML; 0 only when every task passes.
int CommandGrade(const Workbook& workbook, const Args& args);

// verify [LESSON...]: for every task, its TODO marker and hints exist, and
// its tests fail on the (built) stubs and pass on the (built) solution.
int CommandVerify(const Workbook& workbook, const Args& args);

// help: every command with its usage line. usage COMMAND: that command's
// usage line; a UsageError for a command the workbook does not have.
int CommandHelp(const Workbook& workbook, const Args& args);
int CommandUsage(const Workbook& workbook, const Args& args);

// Questions the script asks when it orchestrates builds and processes:
// resolve [NAME...] prints lesson folders (all without names); done LESSON
// exits 0 when the lesson passed; next-lesson LESSON prints the next one;
// current-lesson prints the first lesson not done (or the last lesson).
int CommandResolve(const Workbook& workbook, const Args& args);
int CommandDone(const Workbook& workbook, const Args& args);
int CommandNextLesson(const Workbook& workbook, const Args& args);
int CommandCurrentLesson(const Workbook& workbook, const Args& args);

}  // namespace workbook

#endif  // WORKBOOK_TOOL_COMMANDS_H_
