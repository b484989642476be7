// Lessons as a student names them: the numbered folders that hold a
// manifest (NN-topic/lesson.json), in order.
#ifndef WORKBOOK_TOOL_LESSONS_H_
#define WORKBOOK_TOOL_LESSONS_H_

#include <optional>
#include <string>
#include <vector>

#include "tool/manifest.h"
#include "tool/workbook.h"

namespace workbook {

// Every lesson folder (NN-topic with a lesson.json), in order.
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

// The task of `lesson` a student means by "2" or "02". Throws a UsageError
// listing the lesson's tasks when there is none.
const Task& ResolveTask(const Lesson& lesson, const std::string& name);

// "1 2 3": the lesson's task numbers, for messages.
std::string TaskNumbers(const Lesson& lesson);

}  // namespace workbook

#endif  // WORKBOOK_TOOL_LESSONS_H_
