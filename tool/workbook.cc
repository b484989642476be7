#include "tool/workbook.h"

#include <fstream>

namespace workbook {

std::string Workbook::Shown(const std::filesystem::path& path) const {
  const std::string text = path.string();
  const std::string prefix = root.string() + "/";
  if (text.compare(0, prefix.size(), prefix) == 0) {
    return text.substr(prefix.size());
  }
  return text;
}

std::string Usage(const Workbook& workbook, const std::string& command) {
  std::ifstream help(workbook.root / "tool" / "help.txt");
  std::string line;
  bool found = false;
  while (std::getline(help, line)) {
    if (found) return "usage: " + line;
    if (line.rfind("@ ", 0) == 0) {
      const std::string name = line.substr(2, line.find(' ', 2) - 2);
      found = name == command;
    }
  }
  return "usage: ./workbook " + command + " (see ./workbook help)";
}

}  // namespace workbook
