// Command-line handling shared by every lesson program.
#ifndef WORKBOOK_COMMON_PLUMBING_FLAGS_H_
#define WORKBOOK_COMMON_PLUMBING_FLAGS_H_

#include <string_view>

namespace workbook {

/// Parses the command line with Abseil flags. `usage` is the first line of
/// `--help`. Unknown flags, values a flag cannot take and stray positional
/// arguments end the program with a one-line error and exit code 2, so a typo
/// never runs with defaults.
void ParseFlags(int argc, char** argv, std::string_view usage);

/// Prints "error: <message>" and a pointer to --help, then exits with code 2
/// (the conventional code for bad usage).
[[noreturn]] void UsageError(std::string_view message);

}  // namespace workbook

#endif  // WORKBOOK_COMMON_PLUMBING_FLAGS_H_
