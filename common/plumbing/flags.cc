#include "common/plumbing/flags.h"

#include <cstdlib>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "absl/flags/parse.h"
#include "absl/flags/reflection.h"
#include "absl/flags/usage.h"

namespace workbook {
namespace {

std::string program_name = "program";

// Checks one command-line word that starts with '-' ("--name=value",
// "--name", "--noname") and ends the program with exit code 2 if it names
// no flag of this program (nor one of Abseil's own, such as --help) or
// gives a value the flag cannot take. Abseil would reject both too, but with
// exit code 1, which scripts cannot tell apart from a failed call.
// `next` is the word after it, the value of "--name value".
void CheckFlag(std::string_view arg, const char* next) {
  const std::string word(arg);
  arg.remove_prefix(arg.rfind("--", 0) == 0 ? 2 : 1);
  const size_t equals = arg.find('=');
  const std::string name(arg.substr(0, equals));
  // Abseil's own flags, which it handles before looking up defined ones.
  for (const char* builtin :
       {"help", "helpfull", "helpshort", "helppackage", "helpon", "helpmatch",
        "version", "only_check_args", "flagfile", "fromenv", "tryfromenv",
        "undefok"}) {
    if (name == builtin) return;
  }
  absl::CommandLineFlag* flag = absl::FindCommandLineFlag(name);
  if (flag == nullptr && name.rfind("no", 0) == 0)
    flag = absl::FindCommandLineFlag(name.substr(2));
  if (flag == nullptr) UsageError("unknown flag '" + word + "'");
  std::string value;
  if (equals != std::string_view::npos) {
    value = std::string(arg.substr(equals + 1));
  } else if (!flag->IsOfType<bool>() && next != nullptr) {
    value = next;
  } else {
    return;  // A bool flag, or a missing value Abseil reports itself.
  }
  // Parsing the value here only checks it; ParseCommandLine() sets it again.
  std::string error;
  if (!flag->ParseFrom(value, &error))
    UsageError("bad value for '" + word + "': " + error);
}

// Prints the usage line and the program's own flags (not Abseil's), sorted
// by name, then exits with 0. Abseil's --help would exit with 1, as if asking
// for help were an error.
[[noreturn]] void PrintHelpAndExit() {
  std::cout << absl::ProgramUsageMessage() << "\n\nFlags:\n";
  std::map<std::string, const absl::CommandLineFlag*> flags;
  for (const auto& [name, flag] : absl::GetAllFlags()) {
    if (flag->Filename().find("absl/") == std::string::npos)
      flags[std::string(name)] = flag;
  }
  for (const auto& [name, flag] : flags) {
    std::cout << "  --" << name << "  " << flag->Help()
              << " (default: " << flag->DefaultValue() << ")\n";
  }
  std::exit(0);
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
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") break;
    if (arg == "--help" || arg == "-h") PrintHelpAndExit();
    if (arg.size() > 1 && arg[0] == '-')
      CheckFlag(arg, i + 1 < argc ? argv[i + 1] : nullptr);
  }
  const std::vector<char*> positional = absl::ParseCommandLine(argc, argv);
  // positional[0] is the program itself; anything after it is a stray word.
  if (positional.size() > 1) {
    UsageError(std::string("unexpected argument '") + positional[1] +
               "' (flags look like --name=value)");
  }
}

}  // namespace workbook
