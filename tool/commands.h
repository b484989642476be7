// The tool's commands. Each takes the arguments after its name and returns
// the exit code; a mistake on the command line throws UsageError.
#ifndef WORKBOOK_TOOL_COMMANDS_H_
#define WORKBOOK_TOOL_COMMANDS_H_

#include <string>
#include <vector>

#include "tool/workbook.h"

namespace workbook {

using Args = std::vector<std::string>;

// check LESSON [TASK] [--quiet] [--preset=P]: runs the built lesson's tests
// (of TASK only, when given) and reports them task by task, then the lesson
// checks; 0 when everything run passes. --quiet (for watch) shows the
// finished tasks and only the first failing one. The results are kept in
// .workbook/results/P/ (P: exercise unless a sanitizer preset is asked).
int CommandCheck(const Workbook& workbook, const Args& args);

// status: the progress bar, the current task and what to do next.
int CommandStatus(const Workbook& workbook, const Args& args);

// list: every lesson, task and lesson checks: done, current, failing or not
// started.
int CommandList(const Workbook& workbook, const Args& args);

// grade [LESSON...] [--task K] [--not-built=LESSON]...: runs the built
// exercise track, prints a per-task table with points, writes grade.json
// and JUnit XML; 0 only when everything graded passes.
int CommandGrade(const Workbook& workbook, const Args& args);

// verify [LESSON...]: the manifest matches the sources both ways, and every
// task fails on the (built) stubs and passes on the (built) solution.
int CommandVerify(const Workbook& workbook, const Args& args);

// classroom-workflow [LESSON...]: prints a GitHub Classroom workflow with a
// grader step per task.
int CommandClassroomWorkflow(const Workbook& workbook, const Args& args);

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
