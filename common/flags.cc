#include "common/flags.h"

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "absl/flags/parse.h"
#include "absl/flags/reflection.h"
#include "absl/flags/usage.h"

namespace workbook {
namespace {

std::string program_name = "program";

// True when `arg` ("--name=value", "--name", "--noname") names a flag this
// program defines, or one of Abseil's own (--help, --helpfull, ...).
bool IsKnownFlag(std::string_view arg) {
  arg.remove_prefix(arg.rfind("--", 0) == 0 ? 2 : 1);
  const std::string name(arg.substr(0, arg.find('=')));
  if (absl::FindCommandLineFlag(name) != nullptr) return true;
  return name.rfind("no", 0) == 0 && absl::FindCommandLineFlag(name.substr(2)) != nullptr;
}

}  // namespace

void UsageError(std::string_view message) {
  std::cerr << program_name << ": error: " << message << "\n"
            << "Run '" << program_name << " --help' for the flags.\n";
  std::exit(2);
}

void ParseFlags(int argc, char** argv, std::string_view usage) {
  program_name = argc > 0 ? argv[0] : "program";
  absl::SetProgramUsageMessage(std::string(usage));
  // Check names first: Abseil would also reject an unknown flag, but with
  // exit code 1, which scripts cannot tell apart from a failed call.
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") break;
    if (arg.size() > 1 && arg[0] == '-' && !IsKnownFlag(arg)) {
      UsageError("unknown flag '" + std::string(arg) + "'");
    }
  }
  const std::vector<char*> positional = absl::ParseCommandLine(argc, argv);
  // positional[0] is the program itself; anything after it is a stray word.
  if (positional.size() > 1) {
    UsageError(std::string("unexpected argument '") + positional[1] +
               "' (flags look like --name=value)");
  }
}

}  // namespace workbook
