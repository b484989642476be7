// Lessons and their tasks, found the way a student sees them: the folders
// NN-topic/, the TaskN_ test suites, the TODO(NN.N) markers.
#ifndef WORKBOOK_TOOL_LESSONS_H_
#define WORKBOOK_TOOL_LESSONS_H_

#include <optional>
#include <string>
#include <vector>

#include "tool/workbook.h"

namespace workbook {

// Every lesson folder (NN-topic with a CMakeLists.txt), in order.
std::vector<std::string> AllLessons(const Workbook& workbook);

// The lesson folder a student means by 1, 01, 01-unary or unary. Throws a
// UsageError listing the lessons when there is none.
std::string ResolveLesson(const Workbook& workbook, const std::string& name);

// The lessons named, or every lesson when `names` is empty.
std::vector<std::string> ResolveLessons(const Workbook& workbook,
                                        const std::vector<std::string>& names);

// The lesson after `lesson`, if any.
std::optional<std::string> NextLesson(const Workbook& workbook,
                                      const std::string& lesson);

// "01" for "01-unary".
std::string LessonNumber(const std::string& lesson);

// The task numbers of a lesson, from its test suites' names (Task1_...).
std::vector<int> LessonTasks(const Workbook& workbook,
                             const std::string& lesson);

// The exercise file holding TODO(NN.N), relative to the workbook, or ""
// when no exercise file has that marker.
std::string TaskFile(const Workbook& workbook, const std::string& lesson,
                     int task);

}  // namespace workbook

#endif  // WORKBOOK_TOOL_LESSONS_H_
